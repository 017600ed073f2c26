//! The open document's session (issue 15): replacing the document — open,
//! new, import, reload, restore — resets everything that belonged to the old
//! one in one place, and an error dialog speaks the language the user
//! switches to while it is open.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fundplan::export;
use fundplan::gui::{Action, Dialog, FundplanApp};

type H = Harness<'static, FundplanApp>;

/// Opens a menu of the menu bar and clicks one of its items.
fn menu(h: &mut H, menu: &str, item: &str) {
    h.get_by_role_and_label(Role::Button, menu).click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

/// The sample plan as a workbook an officer could have typed: the 方案信息
/// rows and plain 表1/表2 sheets.
fn typed_workbook() -> Vec<u8> {
    let plan = common::load(&common::sample_path());
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("方案信息").unwrap();
    for (i, (k, v)) in export::xlsx::info_rows(&plan).iter().enumerate() {
        ws.write_string(i as u32, 0, *k).unwrap();
        ws.write_string(i as u32, 1, v).unwrap();
    }
    common::table_sheets(&mut wb, &export::tables(&plan)[..2]);
    wb.save_to_buffer().unwrap()
}

#[test]
fn an_imported_plan_is_unsaved_and_quitting_asks() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("武川县.xlsx");
    std::fs::write(&xlsx, typed_workbook()).unwrap();
    let mut h = common::app();
    // Select a project first: it belongs to the old document.
    h.state_mut().push(Action::SelectProject(Some(0)));
    h.run();
    // 文件 › 从 Excel 导入 ends in this action once the file dialog returns.
    h.state_mut()
        .push(Action::Picked(fundplan::gui::FileAction::Import, xlsx));
    h.run();
    assert!(h.state().doc().path().is_none(), "a new plan, not a file");
    assert!(h.state().doc().is_dirty());
    let title = h.state().title();
    assert!(title.starts_with('●'), "marked unsaved: {title}");
    assert!(title.contains("未保存"), "{title}");
    assert_eq!(
        h.state().selected_project(),
        None,
        "the old selection is gone"
    );

    menu(&mut h, "文件", "退出");
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Unsaved(_))),
        "quitting asks to save the import: {:?}",
        h.state().dialog()
    );
}

#[test]
fn opening_another_plan_forgets_the_old_ones_selection_and_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.ron");
    std::fs::copy(common::sample_path(), &other).unwrap();
    let mut h = common::app();
    h.state_mut().push(Action::SelectProject(Some(1)));
    h.state_mut().push(Action::Picked(
        fundplan::gui::FileAction::Compare,
        common::sample_path(),
    ));
    h.run();
    assert!(h.state().is_comparing());
    common::open_in(&mut h, &other);
    assert_eq!(h.state().doc().path(), Some(other.as_path()));
    assert!(!h.state().doc().is_dirty(), "opened, not changed");
    assert_eq!(h.state().selected_project(), None);
    assert!(
        !h.state().is_comparing(),
        "the comparison was of the old plan"
    );
}
#[test]
fn an_error_dialog_follows_the_language_switch() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        "(format: \"fundplan-plan\", format_version: 1, year: ",
    )
    .unwrap();
    let mut h = common::app();
    common::open_in(&mut h, &broken);
    h.get_by_label_contains("出错了");
    h.get_by_label_contains("broken.ron 第");
    // The menu bar's language switch is behind the modal; the dialog has its own.
    h.get_all_by_role_and_label(Role::Button, "English")
        .last()
        .unwrap()
        .click();
    h.run();
    h.get_by_label_contains("Something went wrong");
    h.get_by_label_contains("broken.ron, line");
    assert!(
        h.query_by_label_contains("broken.ron 第").is_none(),
        "no Chinese sentence left in the English dialog"
    );
}
