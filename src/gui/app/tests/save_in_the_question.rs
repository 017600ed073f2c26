//! 保存 in the unsaved-changes question: a failed save stops there.

use super::*;

/// A plan saved as `plan.ron` in a folder that also holds `other.ron`,
/// then changed; a folder then takes the place of its backup `plan.ron.bak`,
/// so saving it fails (the file itself is untouched: not changed on disk).
fn dirty_plan_that_cannot_be_saved() -> (H, tempfile::TempDir, PathBuf, Plan) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_with(Prefs::default());
    h.state_mut().save_to(dir.path().join("other.ron")).unwrap();
    let path = dir.path().join("plan.ron");
    h.state_mut().save_to(path.clone()).unwrap();
    h.run();
    type_into(&mut h, "C14 未纳入整合原因", "（待核）");
    assert!(h.state().doc().is_dirty());
    std::fs::create_dir(dir.path().join("plan.ron.bak")).unwrap();
    let edited = h.state().doc().plan().clone();
    (h, dir, path, edited)
}

/// `ask` makes the app ask about the unsaved changes; 保存 then fails.
fn save_fails_then(ask: impl FnOnce(&mut H, &std::path::Path)) {
    let (mut h, dir, path, edited) = dirty_plan_that_cannot_be_saved();
    let screen = h.state().screen();
    ask(&mut h, dir.path());
    answer_save(&mut h);

    // The failure is said, once, and nothing else happened.
    let Some(Dialog::Error(msg @ Message::Save(_))) = h.state().dialog() else {
        panic!("the save error, not {:?}", h.state().dialog());
    };
    assert_eq!(shown(&h, &msg.text(Lang::Zh)), 1, "the error is shown once");
    let app = h.state();
    assert!(!app.allowed_to_close, "the window is not closed");
    assert!(app.doc().is_dirty(), "the changes are still unsaved");
    assert_eq!(
        app.doc().path(),
        Some(path.as_path()),
        "the same file is open"
    );
    assert_eq!(app.doc().plan(), &edited, "with its changes");
    assert_eq!(app.screen(), screen, "on the same screen");

    // 确定 closes the message; the plan is still there, unsaved.
    h.get_by_role_and_label(Role::Button, "确定").click();
    h.run();
    assert_eq!(h.state().dialog(), None);
    assert!(h.state().doc().is_dirty());
    assert_eq!(h.state().doc().plan(), &edited);
}

fn menu(h: &mut H, menu: &str, item: &str) {
    h.get_by_role_and_label(Role::Button, menu).click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn quit_does_not_close_the_window() {
    save_fails_then(|h, _| {
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Q);
        h.run();
    });
}

#[test]
fn opening_another_file_does_not_replace_the_plan() {
    // What 打开…, 最近打开 and a dropped file ask for.
    save_fails_then(|h, dir| {
        h.state_mut().push(Action::Open(dir.join("other.ron")));
        h.run();
    });
}

#[test]
fn open_does_not_show_the_open_dialog() {
    save_fails_then(|h, _| {
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::O);
        h.run();
    });
}

#[test]
fn new_does_not_start_a_new_plan() {
    save_fails_then(|h, _| {
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
        h.run();
    });
}

#[test]
fn import_does_not_ask_for_a_workbook() {
    save_fails_then(|h, _| menu(h, "文件", "从 Excel 导入…"));
}

#[test]
fn reload_does_not_read_the_file_again() {
    // What the disk strip's 重新载入 emits (its own unit test says so).
    save_fails_then(|h, _| {
        h.state_mut().push(Action::Guard(Pending::Reload));
        h.run();
    });
}

/// The counterpart: when the save works, the waiting step goes ahead.
#[test]
fn a_save_that_works_then_quits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut h = app_with(Prefs::default());
    h.state_mut().save_to(path.clone()).unwrap();
    type_into(&mut h, "C14 未纳入整合原因", "（待核）");
    let edited = h.state().doc().plan().clone();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Q);
    h.run();
    h.get_by_role_and_label(Role::Button, "保存").click();
    h.run();
    assert!(h.state().allowed_to_close, "the window closes");
    assert!(!h.state().doc().is_dirty());
    assert_eq!(crate::file::load_plan(&path).unwrap(), edited);
}

/// A plan never saved is saved as: cancelling the path dialog leaves it
/// open and unsaved, and the window open.
#[test]
fn cancelling_save_as_does_not_quit() {
    let mut h = builtin_app();
    let edited = change(&mut h);
    assert_eq!(h.state().doc().path(), None);
    ctrl(&mut h, Key::Q);
    answer_save(&mut h);
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Path(_))),
        "{:?}",
        h.state().dialog()
    );
    h.key_press(Key::Escape);
    h.run();
    let app = h.state();
    assert_eq!(app.dialog(), None);
    assert!(!app.allowed_to_close, "the window is not closed");
    assert!(app.doc().is_dirty());
    assert_eq!(app.doc().plan(), &edited);
}
