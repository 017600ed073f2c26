//! The GUI tests' helpers: the app headless in a window, keys and clicks as a person sends
//! them, the focus walk; and everything tests/support has (paths, the sample, running the
//! binary, hostile files and workbooks).
#![allow(
    dead_code,
    unused_imports,
    reason = "each test binary uses some of the helpers (an #[expect] would fail in the binaries that use them all)"
)]

#[path = "../support/mod.rs"]
mod support;
pub use support::*;

/// The desktop app on the bundled sample, headless, with the app's CJK font.
pub fn app() -> egui_kittest::Harness<'static, fundplan::gui::FundplanApp> {
    app_with(fundplan::gui::Prefs::default())
}

/// [`app`] with these preferences (as if kept from an earlier run).
pub fn app_with(
    prefs: fundplan::gui::Prefs,
) -> egui_kittest::Harness<'static, fundplan::gui::FundplanApp> {
    harness(move || fundplan::gui::FundplanApp::with_prefs(prefs))
}

/// The app `make` builds, headless in a 1280×800 window, with the app's CJK font.
pub fn harness(
    make: impl FnOnce() -> fundplan::gui::FundplanApp + 'static,
) -> egui_kittest::Harness<'static, fundplan::gui::FundplanApp> {
    harness_sized([1280.0, 800.0], make)
}

/// The app on the bundled sample in a window of `size` (1024×768: a county office PC).
pub fn app_sized(size: [f32; 2]) -> egui_kittest::Harness<'static, fundplan::gui::FundplanApp> {
    harness_sized(size, || {
        fundplan::gui::FundplanApp::with_prefs(fundplan::gui::Prefs::default())
    })
}

/// [`harness`] in a window of `size`.
pub fn harness_sized(
    size: [f32; 2],
    make: impl FnOnce() -> fundplan::gui::FundplanApp + 'static,
) -> egui_kittest::Harness<'static, fundplan::gui::FundplanApp> {
    let mut h = egui_kittest::Harness::builder()
        .with_size(size)
        .with_max_steps(16)
        .build_eframe(move |cc| {
            fundplan::gui::fonts::install(&cc.egui_ctx);
            make()
        });
    h.run();
    h
}

/// Opens `path` in the app as 文件 › 打开 does.
pub fn open_in(
    h: &mut egui_kittest::Harness<'_, fundplan::gui::FundplanApp>,
    path: &std::path::Path,
) {
    h.state_mut()
        .push(fundplan::gui::Action::Open(path.to_path_buf()));
    h.run();
}

/// Clicks 允许修改 in the review strip and confirms it, as the county does.
pub fn allow_editing(h: &mut egui_kittest::Harness<'_, fundplan::gui::FundplanApp>) {
    use egui_kittest::kittest::Queryable;
    let button = egui::accesskit::Role::Button;
    h.get_by_role_and_label(button, "允许修改").click();
    h.run();
    h.get_all_by_role_and_label(button, "允许修改")
        .last()
        .unwrap()
        .click();
    h.run();
    assert!(!h.state().doc().is_read_only());
}

/// Focuses the field named `label` and types `text` into it, as a person does.
pub fn type_into(
    h: &mut egui_kittest::Harness<'_, fundplan::gui::FundplanApp>,
    label: &str,
    text: &str,
) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// The app's harness.
pub type H = egui_kittest::Harness<'static, fundplan::gui::FundplanApp>;

/// One frame as eframe runs it: eframe calls `App::raw_input_hook` on the
/// frame's raw input before running the frame (eframe's
/// `native/epi_integration.rs`, `EpiIntegration::update`); kittest does not,
/// so this does it by hand.
pub fn step_like_eframe(h: &mut H) {
    let ctx = h.ctx.clone();
    let mut raw = h.input_mut().clone();
    eframe::App::raw_input_hook(h.state_mut(), &ctx, &mut raw);
    *h.input_mut() = raw;
    h.step();
}

/// Frames as eframe runs them until held input is delivered and the app is idle.
pub fn run_like_eframe(h: &mut H) {
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

/// A key pressed and released with `modifiers`.
pub fn key(k: egui::Key, modifiers: egui::Modifiers) -> [egui::Event; 2] {
    [true, false].map(|pressed| egui::Event::Key {
        key: k,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers,
    })
}

/// Puts all `events` into ONE frame, as a fast typist or a slow PC does.
pub fn one_frame(h: &mut H, events: Vec<egui::Event>) {
    h.input_mut().events.extend(events);
    run_like_eframe(h);
}

/// Ctrl (⌘ on a Mac) + `key`, then the frames it causes.
pub fn ctrl(h: &mut H, key: egui::Key) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, key);
    h.run();
}

/// Clicks the widget labelled `label`, then the frames it causes.
pub fn click(h: &mut H, label: &str) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label(label).click();
    h.run();
}

/// Types `text` as key presses would: one text event per character, a frame each.
pub fn type_keys(h: &mut H, text: &str) {
    for c in text.chars() {
        h.input_mut().events.push(egui::Event::Text(c.to_string()));
        h.step();
    }
    h.run();
}

/// `key` pressed and released with no modifier, then the frames it causes.
pub fn key_press(h: &mut H, key: egui::Key) {
    h.key_press(key);
    h.run();
}

/// The events of a real mouse click at the centre of the widget with `role`
/// labelled `label`: pointer move, press and release, as the window delivers them.
pub fn click_events(h: &H, role: egui::accesskit::Role, label: &str) -> Vec<egui::Event> {
    use egui_kittest::kittest::Queryable;
    let pos = h.get_by_role_and_label(role, label).rect().center();
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    vec![egui::Event::PointerMoved(pos), button(true), button(false)]
}

/// A real mouse click on the widget with `role` labelled `label`, in one frame.
pub fn mouse_click_on(h: &mut H, role: egui::accesskit::Role, label: &str) {
    let events = click_events(h, role, label);
    one_frame(h, events);
}

/// The accessible name and rect of the widget with keyboard focus.
pub fn focused(h: &H) -> Option<(String, egui::Rect)> {
    use egui_kittest::kittest::{NodeT, Queryable};
    h.query_by(|n| n.is_focused())
        .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
}

/// Presses Tab up to `max` times, returning each widget that took focus (its
/// name and rect), the one focused at the start first.
pub fn tab_walk(h: &mut H, max: usize) -> Vec<(String, egui::Rect)> {
    let mut seen: Vec<(String, egui::Rect)> = focused(h).into_iter().collect();
    for _ in 0..max {
        h.key_press(egui::Key::Tab);
        h.run();
        seen.extend(focused(h));
    }
    seen
}
