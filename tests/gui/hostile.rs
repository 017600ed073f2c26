//! The app on hostile input (issues 14 and 21): a workbook with a cell far away, a message of
//! 400 problems, an imported plan left unsaved; on unix (`unix`) also a folder it cannot read
//! whole and a device or FIFO as the target of a save. The command line's side is in the CLI
//! test binary.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use fundplan::gui::{Action, Dialog};

use crate::common::workbook::with_row;
use crate::common::{self, app};

#[cfg(unix)]
mod unix;

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
