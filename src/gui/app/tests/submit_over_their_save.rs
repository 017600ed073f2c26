//! 提交方案… › 确认提交 when someone else saved the file meanwhile: the
//! overwrite question comes before the seal goes on, so 取消 leaves the plan
//! unsealed, unsaved and open as it was; 覆盖 seals, saves and says so;
//! 重新载入 shows their version and seals nothing.

use super::*;

/// The sample saved to `plan.ron`, which another officer then saved;
/// 文件 › 提交方案… › 确认提交 asks whether to overwrite, and nothing is
/// sealed or written yet.
fn submit_over_their_save() -> Asked {
    let dir = tempfile::tempdir().unwrap();
    let mut h = builtin_app();
    let path = dir.path().join("plan.ron");
    h.state_mut().save_to(path.clone()).unwrap();
    h.run();
    let ours = h.state().doc().plan().clone();
    let theirs = someone_else_saves(&path);

    click(&mut h, "文件");
    h.get_by_label("提交方案…").click();
    h.run();
    click(&mut h, "确认提交");
    assert_eq!(
        shown(&h, "文件已被其他程序修改"),
        1,
        "the overwrite question: {:?}",
        h.state().dialog()
    );
    assert_eq!(
        crate::file::load_plan(&path).unwrap(),
        theirs,
        "not overwritten"
    );
    assert_eq!(h.state().doc().plan(), &ours, "not sealed yet");
    Asked {
        h,
        _dir: dir,
        path,
        ours,
        theirs,
    }
}

#[test]
fn cancel_leaves_the_plan_unsealed_and_their_file_alone() {
    let mut a = submit_over_their_save();
    let read_only = a.h.state().doc().is_read_only();
    click(&mut a.h, "取消");
    let app = a.h.state();
    assert_eq!(app.dialog(), None);
    assert_eq!(app.doc().plan(), &a.ours, "unsealed, as it was");
    assert_eq!(app.doc().plan().submission, None);
    assert_eq!(app.doc().is_read_only(), read_only);
    assert!(!app.doc().can_undo(), "no seal to undo");
    assert_eq!(crate::file::load_plan(&a.path).unwrap(), a.theirs);
}

#[test]
fn overwrite_seals_saves_and_says_so() {
    let mut a = submit_over_their_save();
    click(&mut a.h, "仍然保存（覆盖）");
    let app = a.h.state();
    let sealed = app.doc().plan();
    assert!(sealed.submission.is_some(), "sealed");
    assert_eq!(
        &crate::file::load_plan(&a.path).unwrap(),
        sealed,
        "saved with its seal"
    );
    assert!(!app.doc().is_dirty());
    a.h.get_by_label("方案已通过校验并加盖提交印记。");
}

#[test]
fn reload_shows_their_version_and_seals_nothing() {
    let mut a = submit_over_their_save();
    click(&mut a.h, "重新载入磁盘上的版本");
    let app = a.h.state();
    assert_eq!(app.doc().plan(), &a.theirs);
    assert_eq!(app.doc().plan().submission, None);
    assert_eq!(app.dialog(), None);
    assert_eq!(crate::file::load_plan(&a.path).unwrap(), a.theirs);
}
