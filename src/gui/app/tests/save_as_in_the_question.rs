//! 保存 in the unsaved-changes question for a plan never saved: after the
//! Save As, the waiting step runs; cancelling the path dialog runs nothing.

use super::*;

/// A plan never saved, changed; `ask` makes the app ask about the unsaved
/// changes, 保存 shows the path dialog, and the user types `ours.ron` in a
/// folder that also holds `other.ron`, and Enter: saved there.
fn saved_as_then(ask: impl FnOnce(&mut H, &std::path::Path)) -> (H, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let other = crate::file::plan_to_string(&bundled_sample()) + "\n";
    std::fs::write(dir.path().join("other.ron"), other).unwrap();
    let mut h = builtin_app();
    let ours = change(&mut h);
    assert_eq!(h.state().doc().path(), None);
    ask(&mut h, dir.path());
    answer_save(&mut h);
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Path(_))),
        "{:?}",
        h.state().dialog()
    );
    let target = dir.path().join("ours.ron");
    type_path(&mut h, &target);
    assert_eq!(crate::file::load_plan(&target).unwrap(), ours, "saved as");
    (h, dir)
}

#[test]
fn quit_closes_the_window_after_the_save_as() {
    let (h, _dir) = saved_as_then(|h, _| ctrl(h, Key::Q));
    assert!(h.state().allowed_to_close, "the window closes");
    assert!(!h.state().doc().is_dirty());
}

#[test]
fn opening_another_file_opens_it_after_the_save_as() {
    let (h, dir) = saved_as_then(|h, dir| {
        h.state_mut().push(Action::Open(dir.join("other.ron")));
        h.run();
    });
    let other = dir.path().join("other.ron");
    assert_eq!(h.state().doc().path(), Some(other.as_path()));
    assert_eq!(h.state().dialog(), None);
}

#[test]
fn new_starts_a_new_plan_after_the_save_as() {
    let (h, _dir) = saved_as_then(|h, _| ctrl(h, Key::N));
    assert!(
        matches!(h.state().dialog(), Some(Dialog::New(_))),
        "{:?}",
        h.state().dialog()
    );
}

/// Cancelling the path dialog drops what waited: a later 另存为 of the
/// menu saves and does nothing more.
#[test]
fn a_cancelled_save_as_leaves_nothing_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = builtin_app();
    let _ = change(&mut h);
    ctrl(&mut h, Key::Q);
    answer_save(&mut h);
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().dialog(), None);
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::S);
    h.run();
    let target = dir.path().join("later.ron");
    type_path(&mut h, &target);
    assert!(target.is_file(), "saved");
    assert!(!h.state().allowed_to_close, "the window is not closed");
    assert_eq!(h.state().dialog(), None);
}

/// A Save As that fails stops there: its error is shown and the window
/// stays open, the plan unsaved.
#[test]
fn a_save_as_that_fails_does_not_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = builtin_app();
    let _ = change(&mut h);
    // What the path dialog sends when the folder vanished after the pick.
    let gone = dir.path().join("gone").join("ours.ron");
    h.state_mut().push(Action::SaveAsThen(gone, Pending::Quit));
    h.run();
    stopped_at_the_save_error(&h);
}
