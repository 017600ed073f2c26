//! Saves and unsaved work (issue 14): an imported plan is unsaved until saved,
//! so quitting after an import asks first.

mod common;

use egui::Key;
use egui::Modifiers;
use fundplan::gui::{Action, Dialog};

#[test]
fn an_imported_plan_is_unsaved_and_quitting_asks() {
    let mut h = common::app();
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("in.xlsx");
    let bytes = fundplan::export::xlsx::workbook(h.state().doc().plan()).unwrap();
    std::fs::write(&xlsx, bytes).unwrap();
    assert!(!h.state().doc().is_dirty());
    // 文件 › 从 Excel 导入 ends in this action once the file dialog returns.
    h.state_mut().push(Action::Import(xlsx));
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
