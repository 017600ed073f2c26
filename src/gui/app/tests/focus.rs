//! The one focus request against fast hands: keys typed right after Enter on
//! the project list wait for the name field, and a finding clicked while a
//! widget's request is pending jumps to its record.

use egui::{Event, Modifiers};

use super::*;

/// One frame as eframe runs it: the raw-input hook first (kittest does not
/// call it), so keys that may move focus get frames of their own.
fn frame(h: &mut H, events: Vec<Event>) {
    h.input_mut().events.extend(events);
    let ctx = h.ctx.clone();
    let mut raw = h.input_mut().clone();
    eframe::App::raw_input_hook(h.state_mut(), &ctx, &mut raw);
    *h.input_mut() = raw;
    h.step();
}

/// Frames as eframe runs them until no input is held.
fn settle(h: &mut H) {
    for _ in 0..100 {
        if !h.state().holds_input() {
            break;
        }
        frame(h, Vec::new());
    }
    assert!(!h.state().holds_input(), "input still held");
    h.run();
}

fn key(key: Key, modifiers: Modifiers) -> Vec<Event> {
    [true, false]
        .map(|pressed| Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers,
        })
        .to_vec()
}

fn text(s: &str) -> Event {
    Event::Text(s.into())
}

/// The 项目安排 screen, arrived at by its button, the first project selected
/// with Down (the list has the keys).
fn first_project_selected() -> H {
    let mut h = app_with(Prefs::default());
    h.get_by_role_and_label(Role::Button, "项目安排").click();
    h.run();
    frame(&mut h, key(Key::ArrowDown, Modifiers::NONE));
    settle(&mut h);
    assert_eq!(h.state().session.selected_project, Some(0));
    h
}

/// Enter on the list, then "甲乙" split over frames as `frames` says: each
/// entry is one frame's events. The name field, focused by key, has its text
/// selected; every letter replaces it, in order, and nothing else changes.
fn enter_then_type(frames: Vec<Vec<Event>>) {
    let mut h = first_project_selected();
    let before = h.state().doc().plan().clone();
    let id = before.projects[0].id.clone();
    for events in frames {
        frame(&mut h, events);
    }
    settle(&mut h);
    let name = format!("{id} 项目名称");
    assert!(
        h.get_by_label(&name).is_focused(),
        "the name field has the keys"
    );
    let mut expected = before.clone();
    expected.projects[0].name = "甲乙".into();
    let after = h.state().doc().plan();
    assert_eq!(after.projects[0].name, expected.projects[0].name);
    assert_eq!(after, &expected, "only the name changed");
    assert_eq!(h.state().session.selected_project, Some(0));
}

#[test]
fn letters_typed_in_the_same_frame_as_enter_on_the_list_reach_the_name() {
    let mut events = key(Key::Enter, Modifiers::NONE);
    events.extend([text("甲"), text("乙")]);
    enter_then_type(vec![events]);
}

#[test]
fn letters_typed_in_the_frame_after_enter_on_the_list_reach_the_name() {
    enter_then_type(vec![
        key(Key::Enter, Modifiers::NONE),
        vec![text("甲"), text("乙")],
    ]);
}

#[test]
fn letters_typed_across_enter_s_frame_and_the_next_reach_the_name() {
    let mut events = key(Key::Enter, Modifiers::NONE);
    events.push(text("甲"));
    enter_then_type(vec![events, vec![text("乙")], vec![]]);
}

/// The events of a real mouse click at the centre of the link `label`.
fn click_events(h: &H, label: &str) -> Vec<Event> {
    let pos = h.get_by_role_and_label(Role::Link, label).rect().center();
    let button = |pressed| Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    vec![Event::PointerMoved(pos), button(true), button(false)]
}

/// The sample with 0 allocated on its first two lines (a finding on each),
/// on the 校验结果 screen arrived at by Ctrl+5: the first finding is asked
/// for focus, and that request is still pending. Returns another finding on
/// a line, and the path of its field.
fn findings_with_the_first_one_asked_for() -> (H, String, String) {
    let mut h = app_with(Prefs::default());
    let mut plan = bundled_sample();
    plan.sources[0].allocated = crate::Money::ZERO;
    plan.sources[1].allocated = crate::Money::ZERO;
    h.state_mut().session.doc = Document::new(plan, None);
    h.run();
    let report = h.state().doc().report().clone();
    let first = report.findings.first().map(|f| f.message.get(Lang::Zh));
    let finding = report
        .findings
        .iter()
        .find(|f| f.path.starts_with("sources[") && Some(f.message.get(Lang::Zh)) != first)
        .expect("a finding on a line's field, not the first");
    let (label, path) = (
        finding.message.get(Lang::Zh).to_owned(),
        finding.path.clone(),
    );
    frame(&mut h, key(Key::Num5, Modifiers::COMMAND));
    for _ in 0..4 {
        if h.state()
            .session
            .focus
            .as_ref()
            .and_then(|r| r.widget_id())
            .is_some()
        {
            break;
        }
        frame(&mut h, Vec::new());
    }
    assert_eq!(h.state().screen(), Screen::Findings);
    assert!(
        h.state()
            .session
            .focus
            .as_ref()
            .and_then(|r| r.widget_id())
            .is_some(),
        "a widget's request is pending: {:?}",
        h.state().session.focus
    );
    (h, label, path)
}

/// After the jump: the record's screen, its field holding the keys.
fn jumped_to(h: &H, path: &str) {
    assert_eq!(h.state().screen(), Screen::Sources, "the jump's screen");
    let focused = h.ctx.memory(|m| m.focused());
    assert_eq!(
        focused,
        Some(crate::gui::kit::widgets::field_id(path)),
        "the record's field {path} has the keys"
    );
    assert_eq!(h.state().session.focus, None, "no request left");
}

#[test]
fn a_finding_clicked_in_one_frame_while_a_widget_is_asked_for_jumps() {
    let (mut h, label, path) = findings_with_the_first_one_asked_for();
    // The whole click in the frame the pending request asks again, as a
    // frame without the hook (kittest's own) delivers it.
    let events = click_events(&h, &label);
    h.input_mut().events.extend(events);
    h.step();
    settle(&mut h);
    jumped_to(&h, &path);
}

/// As the window delivers it: the hook gives the press and the release
/// frames of their own, so the click ends after the widget's request did.
#[test]
fn a_finding_clicked_right_after_arriving_by_key_jumps() {
    let (mut h, label, path) = findings_with_the_first_one_asked_for();
    let events = click_events(&h, &label);
    frame(&mut h, events);
    settle(&mut h);
    jumped_to(&h, &path);
}
