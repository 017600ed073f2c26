//! The whole app, headless, driven as a person does: 保存 in the
//! unsaved-changes question (when it fails, when someone else saved the file
//! meanwhile, when the plan was never saved); an error at start-up beside
//! the offer to restore unsaved work.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking; clippy.toml exempts #[test] functions, not their helpers"
)]

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::*;
use crate::plan::Plan;

type H = Harness<'static, FundplanApp>;

/// The app with these preferences, headless in a 1280×800 window, the
/// built-in path dialog only (no system dialog pops up in a test).
fn app_with(prefs: Prefs) -> H {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(16)
        .build_eframe(move |cc| {
            crate::gui::kit::fonts::install(&cc.egui_ctx);
            FundplanApp::with_prefs(prefs).with_native_dialogs(false)
        });
    h.run();
    h
}

/// Types `text` into the field named `label`.
fn type_into(h: &mut H, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// How many widgets say exactly `text`.
fn shown(h: &H, text: &str) -> usize {
    h.query_all_by_label(text).count()
}

/// [`app_with`] the built-in path dialog chosen (视图 › 使用内置文件对话框).
fn builtin_app() -> H {
    app_with(Prefs {
        builtin_file_dialog: true,
        ..Prefs::default()
    })
}

/// Changes the plan as a person does (types a 未纳入整合原因); the plan now.
fn change(h: &mut H) -> Plan {
    type_into(h, "C14 未纳入整合原因", "（待核）");
    h.state().doc().plan().clone()
}

/// Presses Ctrl (Command) + `key`.
fn ctrl(h: &mut H, key: Key) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, key);
    h.run();
}

/// Clicks the button `label`.
fn click(h: &mut H, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

/// The unsaved-changes question is open: 保存.
fn answer_save(h: &mut H) {
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Unsaved(_))),
        "{:?}",
        h.state().dialog()
    );
    click(h, "保存");
}

/// Types `path` over what the built-in path dialog's field holds, and Enter.
fn type_path(h: &mut H, path: &std::path::Path) {
    ctrl(h, Key::A);
    h.get_by_label("文件路径")
        .type_text(&path.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

/// A save failed and nothing else happened: its error is shown, the window
/// stays open, the plan unsaved.
fn stopped_at_the_save_error(h: &H) {
    let app = h.state();
    assert!(
        matches!(app.dialog(), Some(Dialog::Error(Message::Save(_)))),
        "{:?}",
        app.dialog()
    );
    assert!(!app.allowed_to_close, "the window is not closed");
    assert!(app.doc().is_dirty());
}

/// The app asking 文件已被其他程序修改 about `path`, which another officer
/// saved (theirs) after we saved it; ours is the plan in the window. The
/// temporary folder lives as long as this.
struct Asked {
    h: H,
    _dir: tempfile::TempDir,
    path: PathBuf,
    ours: Plan,
    theirs: Plan,
}

/// Another officer saves the plan at `path` with another 审定会议/文号; theirs.
fn someone_else_saves(path: &std::path::Path) -> Plan {
    let mut theirs = crate::file::load_plan(path).unwrap();
    theirs.approval = "乙的版本".into();
    std::fs::write(path, crate::file::plan_to_string(&theirs) + "\n").unwrap();
    theirs
}

mod dont_save_in_the_question;
mod overwrite_in_the_question;
mod save_as_in_the_question;
mod save_in_the_question;
mod submit_over_their_save;

mod start_up {
    use super::*;

    /// A data folder holding what a crashed run left: the sample, changed.
    fn crashed_run_left(data: &std::path::Path) -> Plan {
        let mut doc = Document::new(bundled_sample(), None);
        let project = doc.plan().projects.first().cloned().map(Box::new);
        doc.apply(Edit::SetProject(0, project.expect("a project")), None);
        let mut left = Recovery::new(Some(data.to_path_buf()), 0.0);
        assert_eq!(left.tick(0.0, &doc), None);
        assert!(
            Recovery::new(Some(data.to_path_buf()), 0.0)
                .find()
                .is_some()
        );
        doc.plan().clone()
    }

    /// The file given on the command line does not open, and a crashed run
    /// left unsaved work: the user is told both, the error once.
    #[test]
    fn a_file_that_does_not_open_is_said_beside_the_recovery_offer() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let left = crashed_run_left(&data);
        let bad = dir.path().join("坏.ron");
        std::fs::write(&bad, "(这不是方案").unwrap();
        let error = Message::from(crate::file::load_plan(&bad).unwrap_err()).text(Lang::Zh);

        let mut h = Harness::builder()
            .with_size([1280.0, 800.0])
            .with_max_steps(16)
            .build_eframe(move |cc| {
                crate::gui::kit::fonts::install(&cc.egui_ctx);
                FundplanApp::start(Prefs::default(), Some(bad), Some(data))
            });
        h.run();
        assert_eq!(shown(&h, &error), 1, "the error is shown once");
        h.get_by_label("发现未保存的修改");
        h.get_by_role_and_label(Role::Button, "恢复").click();
        h.run();
        assert_eq!(h.state().doc().plan(), &left, "the offer still works");
        assert_eq!(h.state().dialog(), None);
    }
}

mod focus;
