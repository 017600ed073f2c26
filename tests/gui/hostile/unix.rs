//! The app on unix-only hostile files: a folder it cannot read whole (a FIFO, a symlink), a
//! device or FIFO as the target of a save.

use std::os::unix::fs::symlink;
use std::process::Command;

use egui_kittest::kittest::Queryable;
use fundplan::gui::{Action, Dialog, Export};

use crate::common::files::{folder, identity, mkfifo, mknod};
use crate::common::{self, app};

#[test]
fn the_summary_screen_lists_what_it_could_not_read() {
    let dir = folder();
    let fifo = dir.path().join("x.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    symlink(".", dir.path().join("loop")).unwrap();
    let mut h = app();
    // 汇总 › 选择文件夹 ends in this action once the folder dialog returns.
    h.state_mut()
        .push(Action::Summarize(vec![dir.path().to_path_buf()]));
    h.run();
    assert_eq!(
        h.query_all_by_label("武川县").count(),
        2,
        "the open plan and its one row, though a link leads to it again"
    );
    h.get_by_label_contains("x.ron");
    h.get_by_label_contains("无法读取的文件");
}

#[test]
fn the_app_refuses_to_save_or_export_onto_a_device_or_fifo() {
    let dir = tempfile::tempdir().unwrap();
    // A private null device where root may make one: before this was
    // refused, a save renamed it to null.bak and put a plain file in its place.
    let target =
        mknod(&dir.path().join("null"), 1, 3).unwrap_or_else(|| mkfifo(&dir.path().join("fifo")));
    let before = identity(&target);
    let mut h = common::app();
    h.state_mut().push(Action::Picked(
        fundplan::gui::FileAction::SaveAs,
        target.clone(),
    ));
    h.run();
    let Some(Dialog::Error(m)) = h.state().dialog() else {
        panic!("no error dialog: {:?}", h.state().dialog());
    };
    let zh = m.text(fundplan::Lang::Zh);
    assert!(
        zh.starts_with("无法保存") && zh.contains("不是普通文件"),
        "{zh}"
    );
    for kind in [Export::Pdf, Export::NoticePdf, Export::Xlsx] {
        let e = h.state().export(kind, &target).unwrap_err();
        assert!(
            e.message(fundplan::Lang::En).contains("not a regular file"),
            "{kind:?}: {}",
            e.message(fundplan::Lang::En)
        );
    }
    assert_eq!(identity(&target), before);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(names.len(), 1, "{names:?}");
}
