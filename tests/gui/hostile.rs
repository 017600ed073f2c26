//! The app on hostile input (issues 14 and 21): a folder it cannot read whole, a workbook
//! with a cell far away, a message of 400 problems, an imported plan left unsaved, a device
//! or FIFO as the target of a save. The command line's side is in the CLI test binary.

use std::os::unix::fs::symlink;
use std::process::Command;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use fundplan::gui::{Action, Dialog, Export};

use crate::common::files::{folder, identity, mkfifo, mknod};
use crate::common::workbook::with_row;
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
fn the_app_survives_a_hostile_workbook_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("far.xlsx");
    std::fs::write(
        &xlsx,
        with_row(r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#),
    )
    .unwrap();
    let mut h = app();
    let before = h.state().doc().plan().clone();
    // 文件 › 从 Excel 导入 ends in this action once the file dialog returns.
    h.state_mut()
        .push(Action::Picked(fundplan::gui::FileAction::Import, xlsx));
    h.run();
    h.get_by_label_contains("方案信息!XFD1048576");
    assert_eq!(h.state().doc().plan(), &before, "nothing imported");
}

#[test]
fn a_long_error_dialog_scrolls_and_its_button_stays_in_the_window() {
    // A 方案信息 sheet of 400 unknown keys: 400 problems in one message.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("方案信息").unwrap();
    for r in 0..400 {
        ws.write_string(r, 0, format!("未知项目{r}")).unwrap();
    }
    for name in ["表1 资金来源", "表2 项目计划"] {
        wb.add_worksheet().set_name(name).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("bad.xlsx");
    wb.save(&xlsx).unwrap();
    let mut h = app();
    h.state_mut()
        .push(Action::Picked(fundplan::gui::FileAction::Import, xlsx));
    h.run();
    h.get_by_label_contains("未知项目399");
    let ok = h.get_by_label("确定");
    let bottom = ok.rect().max.y;
    assert!(
        bottom <= 800.0,
        "the OK button is below the window: {bottom}"
    );
    assert!(ok.rect().min.y >= 0.0);
}

#[test]
fn an_imported_plan_is_unsaved_and_quitting_asks() {
    let mut h = common::app();
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("in.xlsx");
    let bytes = fundplan::export::xlsx::workbook(h.state().doc().plan()).unwrap();
    std::fs::write(&xlsx, bytes).unwrap();
    assert!(!h.state().doc().is_dirty());
    // 文件 › 从 Excel 导入 ends in this action once the file dialog returns.
    h.state_mut()
        .push(Action::Picked(fundplan::gui::FileAction::Import, xlsx));
    h.run();
    assert!(h.state().doc().path().is_none());
    assert!(h.state().doc().is_dirty(), "an import is unsaved work");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Unsaved(_))),
        "quitting after an import asks to save"
    );
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
