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
use fundplan::money::Unit;

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
    step_like_eframe(h);
    for _ in 0..2000 {
        if !h.state().holds_input() {
            break;
        }
        step_like_eframe(h);
    }
    assert!(!h.state().holds_input(), "input still held");
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

/// A distinct amount (in 万元) for the n-th line.
fn nth_amount(n: usize) -> i64 {
    101 + n as i64 * 7
}

#[test]
fn enter_walks_the_whole_allocated_column_below_the_visible_rows() {
    let mut h = common::app();
    let codes = line_codes(&h);
    click(&mut h, &format!("{} 下达金额", codes[0]));
    for n in 0..codes.len() {
        let mut events = vec![text(&nth_amount(n).to_string())];
        events.extend(press(Key::Enter));
        one_frame(&mut h, events);
    }
    for (n, code) in codes.iter().enumerate() {
        assert_eq!(line(&h, code).allocated, wan(nth_amount(n)), "{code}");
    }
}

#[test]
fn a_source_line_is_allocated_tab_integrated_enter() {
    let mut h = common::app();
    let codes = line_codes(&h);
    click(&mut h, &format!("{} 下达金额", codes[0]));
    // Each line: two amounts and two keys, all typed in one burst.
    let mut events = Vec::new();
    for n in 0..codes.len() {
        events.push(text(&nth_amount(n).to_string()));
        events.extend(press(Key::Tab));
        events.push(text(&(n + 1).to_string()));
        events.extend(press(Key::Enter));
    }
    one_frame(&mut h, events);
    for (n, code) in codes.iter().enumerate() {
        let s = line(&h, code);
        assert_eq!(s.allocated, wan(nth_amount(n)), "{code} allocated");
        assert_eq!(s.integrated, wan(n as i64 + 1), "{code} integrated");
    }
}

/// Types `s` one character per frame, as a person at an ordinary pace.
fn type_slowly(h: &mut H, s: &str) {
    for c in s.chars() {
        one_frame(h, vec![text(&c.to_string())]);
    }
}

fn value_of(h: &H, label: &str) -> String {
    h.get_by_role_and_label(Role::TextInput, label)
        .value()
        .unwrap_or_default()
}

#[test]
fn a_typo_keeps_the_old_amount_and_stays_red_until_corrected() {
    let mut h = common::app();
    let code = line_codes(&h)[7].clone();
    let label = format!("{code} 下达金额");
    let before = line(&h, &code).allocated;
    click(&mut h, &label);
    type_slowly(&mut h, "2OO");
    assert_eq!(line(&h, &code).allocated, before, "2OO is not 2");
    h.get_by_label_contains("“2OO”不是有效金额");
    // Leave the cell: the text stays as typed, and says why.
    one_frame(&mut h, press(Key::Tab).to_vec());
    assert_eq!(value_of(&h, &label), "2OO");
    assert_eq!(line(&h, &code).allocated, before);
    h.get_by_label_contains("“2OO”不是有效金额");
    // Correct it: back in the cell, select all (focus does), type 200.
    one_frame(&mut h, key(Key::Tab, Modifiers::SHIFT).to_vec());
    type_slowly(&mut h, "200");
    one_frame(&mut h, press(Key::Tab).to_vec());
    assert_eq!(line(&h, &code).allocated, wan(200));
    assert!(h.query_by_label_contains("不是有效金额").is_none());
    // One field, one undo step.
    one_frame(&mut h, key(Key::Z, Modifiers::COMMAND).to_vec());
    assert_eq!(line(&h, &code).allocated, before);
}

#[test]
fn escape_restores_the_amount_the_cell_had_when_focused() {
    let mut h = common::app();
    let code = line_codes(&h)[3].clone();
    let label = format!("{code} 下达金额");
    let plan_before = h.state().doc().plan().clone();
    let before = line(&h, &code).allocated;
    click(&mut h, &label);
    type_slowly(&mut h, "555");
    assert_eq!(line(&h, &code).allocated, wan(555), "live while valid");
    one_frame(&mut h, press(Key::Escape).to_vec());
    assert_eq!(line(&h, &code).allocated, before);
    assert_eq!(value_of(&h, &label), before.display(Unit::Wan, 2));
    // An invalid text is also thrown away by Escape.
    click(&mut h, &label);
    type_slowly(&mut h, "1x");
    one_frame(&mut h, press(Key::Escape).to_vec());
    assert_eq!(value_of(&h, &label), before.display(Unit::Wan, 2));
    assert!(h.query_by_label_contains("不是有效金额").is_none());
    assert_eq!(h.state().doc().plan(), &plan_before);
}
