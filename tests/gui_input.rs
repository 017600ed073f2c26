//! Direct entry by keyboard and mouse, as fast as a person types: keys in the
//! same frame as Tab/Enter, focus below the visible rows, typos, Escape, wide
//! amounts and pastes from a spreadsheet. Every test drives the window with
//! key, text, pointer and paste events; values are read back from the plan.

mod common;

use eframe::App as _;
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fundplan::Money;
use fundplan::gui::FundplanApp;

type H = Harness<'static, FundplanApp>;

/// One frame as eframe runs it: eframe calls `App::raw_input_hook` on the
/// frame's raw input before running the frame (eframe's
/// `native/epi_integration.rs`, `EpiIntegration::update`); kittest does not,
/// so this does it by hand.
fn step_like_eframe(h: &mut H) {
    let ctx = h.ctx.clone();
    let mut raw = h.input_mut().clone();
    h.state_mut().raw_input_hook(&ctx, &mut raw);
    *h.input_mut() = raw;
    h.step();
}

/// Frames as eframe runs them until held input is delivered and the app is idle.
fn run_like_eframe(h: &mut H) {
    for _ in 0..40 {
        step_like_eframe(h);
    }
    h.run();
}

fn text(s: &str) -> Event {
    Event::Text(s.to_string())
}

fn key(k: Key, modifiers: Modifiers) -> [Event; 2] {
    [true, false].map(|pressed| Event::Key {
        key: k,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers,
    })
}

fn press(k: Key) -> [Event; 2] {
    key(k, Modifiers::NONE)
}

/// Puts all `events` into ONE frame, as a fast typist or a slow PC does.
fn one_frame(h: &mut H, events: Vec<Event>) {
    h.input_mut().events.extend(events);
    run_like_eframe(h);
}

/// Clicks the widget labelled `label`, as a person focuses a cell.
fn click(h: &mut H, label: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    run_like_eframe(h);
}

/// Shows a screen by clicking its navigation button.
fn go(h: &mut H, screen: &str) {
    h.get_by_role_and_label(Role::Button, screen).click();
    run_like_eframe(h);
}

fn wan(n: i64) -> Money {
    Money::from_yuan(n * 10_000)
}

fn line<'a>(h: &'a H, code: &str) -> &'a fundplan::plan::Source {
    h.state()
        .doc()
        .plan()
        .source(code)
        .unwrap_or_else(|| panic!("no line {code}"))
}

/// The catalog lines in the order the sources table shows them (by level).
fn line_codes(h: &H) -> Vec<String> {
    let mut lines: Vec<&fundplan::plan::Source> = h.state().doc().plan().sources.iter().collect();
    lines.sort_by_key(|s| s.level);
    lines.iter().map(|s| s.line.clone()).collect()
}

#[test]
fn digits_after_enter_in_the_same_frame_go_to_the_next_row() {
    let mut h = common::app();
    let codes = line_codes(&h);
    let (a, b, c) = (&codes[7], &codes[8], &codes[9]);
    click(&mut h, &format!("{a} 下达金额"));
    let mut events = vec![text("123")];
    events.extend(press(Key::Enter));
    events.push(text("456"));
    events.extend(press(Key::Enter));
    events.push(text("789"));
    one_frame(&mut h, events);
    assert_eq!(line(&h, a).allocated, wan(123));
    assert_eq!(line(&h, b).allocated, wan(456));
    assert_eq!(line(&h, c).allocated, wan(789));
}

#[test]
fn digits_after_tab_in_the_same_frame_go_to_the_next_field() {
    let mut h = common::app();
    let code = line_codes(&h)[7].clone();
    click(&mut h, &format!("{code} 下达金额"));
    let mut events = vec![text("9"), text("0"), text("0")];
    events.extend(press(Key::Tab));
    events.push(text("80"));
    one_frame(&mut h, events);
    assert_eq!(line(&h, &code).allocated, wan(900));
    assert_eq!(line(&h, &code).integrated, wan(80));
}

#[test]
fn county_code_then_tab_then_name_in_one_frame() {
    let mut h = common::app();
    go(&mut h, "基本信息");
    click(&mut h, "旗县代码");
    // Replace the code: select all, type, Tab to the name, select all, type.
    let mut events = Vec::new();
    events.extend(key(Key::A, Modifiers::COMMAND));
    events.push(text("150929"));
    events.extend(press(Key::Tab));
    events.extend(key(Key::A, Modifiers::COMMAND));
    events.push(text("E旗"));
    one_frame(&mut h, events);
    let county = &h.state().doc().plan().county;
    assert_eq!(county.code, "150929");
    assert_eq!(county.name, "E旗");
}
