//! 保存 in the unsaved-changes question when someone else saved the file
//! meanwhile: the overwrite question Ctrl+S asks comes next; 覆盖 saves and
//! then the waiting step runs; 取消 leaves the plan open and unsaved.

use super::*;

/// `ask` makes the app ask about our unsaved changes to `plan.ron` (beside
/// `other.ron`), which another officer saved meanwhile, and 保存 is
/// answered: it asks whether to overwrite, and nothing is written or done yet.
fn asks_to_overwrite(ask: impl FnOnce(&mut H, &std::path::Path)) -> Asked {
    let dir = tempfile::tempdir().unwrap();
    let mut h = builtin_app();
    h.state_mut().save_to(dir.path().join("other.ron")).unwrap();
    let path = dir.path().join("plan.ron");
    h.state_mut().save_to(path.clone()).unwrap();
    h.run();
    let ours = change(&mut h);
    let theirs = someone_else_saves(&path);

    ask(&mut h, dir.path());
    answer_save(&mut h);
    assert_eq!(
        shown(&h, "文件已被其他程序修改"),
        1,
        "the overwrite question"
    );
    assert_eq!(
        crate::file::load_plan(&path).unwrap(),
        theirs,
        "not overwritten"
    );
    assert!(!h.state().allowed_to_close, "the window is not closed");
    assert_eq!(h.state().doc().plan(), &ours, "the plan is still ours");
    Asked {
        h,
        _dir: dir,
        path,
        ours,
        theirs,
    }
}

/// Ctrl+Q, 保存, then 仍然保存（覆盖）: ours is on disk.
fn overwrite_then(ask: impl FnOnce(&mut H, &std::path::Path)) -> Asked {
    let mut a = asks_to_overwrite(ask);
    click(&mut a.h, "仍然保存（覆盖）");
    assert_eq!(
        crate::file::load_plan(&a.path).unwrap(),
        a.ours,
        "ours saved"
    );
    assert!(!a.h.state().doc().is_dirty());
    a
}

fn quit(h: &mut H, _: &std::path::Path) {
    ctrl(h, Key::Q);
}

#[test]
fn overwrite_saves_then_quits() {
    let a = overwrite_then(quit);
    assert!(a.h.state().allowed_to_close, "then the window closes");
}

#[test]
fn overwrite_saves_then_opens_the_other_file() {
    let a = overwrite_then(|h, dir| {
        h.state_mut().push(Action::Open(dir.join("other.ron")));
        h.run();
    });
    let other = a.path.with_file_name("other.ron");
    assert_eq!(
        a.h.state().doc().path(),
        Some(other.as_path()),
        "then opened"
    );
    assert_eq!(a.h.state().dialog(), None);
}

#[test]
fn overwrite_saves_then_starts_a_new_plan() {
    let a = overwrite_then(|h, _| ctrl(h, Key::N));
    assert!(
        matches!(a.h.state().dialog(), Some(Dialog::New(_))),
        "then the new-plan dialog: {:?}",
        a.h.state().dialog()
    );
}

#[test]
fn cancel_leaves_the_plan_open_and_unsaved() {
    let mut a = asks_to_overwrite(quit);
    click(&mut a.h, "取消");
    let app = a.h.state();
    assert_eq!(app.dialog(), None);
    assert!(!app.allowed_to_close, "the window is not closed");
    assert!(app.doc().is_dirty());
    assert_eq!(app.doc().plan(), &a.ours);
    assert_eq!(crate::file::load_plan(&a.path).unwrap(), a.theirs);
    // Nothing waits any more: quitting asks again.
    ctrl(&mut a.h, Key::Q);
    assert!(matches!(a.h.state().dialog(), Some(Dialog::Unsaved(_))));
}

/// 重新载入磁盘上的版本 shows theirs, discarding ours as asked; what waited
/// is not done, or the version the user wanted to see would vanish at once.
#[test]
fn reload_shows_their_version_and_does_nothing_else() {
    let mut a = asks_to_overwrite(quit);
    click(&mut a.h, "重新载入磁盘上的版本");
    let app = a.h.state();
    assert_eq!(app.doc().plan(), &a.theirs);
    assert_eq!(app.dialog(), None);
    assert!(!app.allowed_to_close, "the window is not closed");
}

/// An overwrite that fails stops there, as a failed 保存 does.
#[test]
fn an_overwrite_that_fails_does_not_quit() {
    let mut a = asks_to_overwrite(quit);
    std::fs::create_dir(a.path.with_file_name("plan.ron.bak")).unwrap();
    click(&mut a.h, "仍然保存（覆盖）");
    stopped_at_the_save_error(&a.h);
    assert_eq!(crate::file::load_plan(&a.path).unwrap(), a.theirs);
}
