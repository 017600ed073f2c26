//! The 目录 screen as the region's staff use it: open it from the navigation,
//! rename a line's English name by keyboard (several keys a frame), see it
//! in the English UI, give the catalog a new id, save it as a new catalog
//! file and judge the plan with that file; a mistyped code is a problem that
//! stops saving; Escape and 还原 throw edits away.

use crate::common;

use common::{H, key, one_frame, run_like_eframe};
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use fundplan::gui::{Action, Dialog, Screen};

/// Clicks the field named `label`, selects all of it and types `text`, the
/// keys all in one frame.
pub(crate) fn retype(h: &mut H, label: &str, text: &str) {
    // A field beside a label of the same text: the field is the text input.
    let inputs = [Role::TextInput, Role::MultilineTextInput];
    for scrolled in [false, true] {
        let field = h
            .get_all_by_label(label)
            .find(|n| inputs.contains(&n.accesskit_node().role()))
            .unwrap_or_else(|| panic!("no field {label}"));
        if scrolled {
            field.click();
        } else {
            field.scroll_to_me();
        }
        run_like_eframe(h);
    }
    let mut events = key(Key::A, Modifiers::COMMAND).to_vec();
    events.extend(text.chars().map(|c| Event::Text(c.to_string())));
    one_frame(h, events);
}

/// Scrolls the button into view and clicks it, as a person does.
pub(crate) fn click_button(h: &mut H, label: &str) {
    h.get_by_role_and_label(Role::Button, label).scroll_to_me();
    run_like_eframe(h);
    h.get_by_role_and_label(Role::Button, label).click();
    run_like_eframe(h);
}

fn open_catalog_screen(h: &mut H) {
    click_button(h, "目录");
    assert_eq!(h.state().screen(), Screen::Catalog);
}

fn en_name(h: &H, code: &str) -> String {
    h.state()
        .doc()
        .catalog()
        .line(code)
        .unwrap()
        .name_en
        .clone()
}

#[test]
fn rename_an_english_name_save_as_a_new_catalog_and_judge_the_plan_with_it() {
    let mut h = common::app();
    let before = h.state().doc().report().findings.clone();
    open_catalog_screen(&mut h);
    retype(&mut h, "C03 英文名称", "Crop and herd fund");
    assert_eq!(en_name(&h, "C03"), "Crop and herd fund");
    // A threshold the sample does not meet: the findings follow the draft.
    retype(&mut h, "产业发展占比下限", "0.95");
    let shown = h.state().doc().report().findings.clone();
    assert_ne!(shown, before, "the findings are re-run against the draft");
    assert!(shown.iter().any(|f| f.rule.code() == "B03"), "{shown:?}");
    // The plan itself is not changed: nothing to save, nothing to undo.
    assert!(!h.state().doc().is_dirty());
    assert!(!h.state().doc().can_undo());

    // A built-in id is not saved over: the dialog offers one with the league's code.
    click_button(&mut h, "另存为新目录…");
    assert_eq!(
        h.state().dialog(),
        Some(&Dialog::CatalogId("nm-2017-1501".into()))
    );
    // …and refuses a built-in one, and one the core's id rule refuses (a
    // path, as saving would), before the file dialog.
    for refused in ["nm-2021", "../nm-2021", "a/b"] {
        retype(&mut h, "新目录编号", refused);
        let pick = h.get_by_role_and_label(Role::Button, "选择保存位置…");
        assert!(pick.accesskit_node().is_disabled(), "{refused}");
    }
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().dialog(), None);
    assert_eq!(
        h.state().doc().catalog().id,
        "nm-2017",
        "Escape gives no id"
    );
    retype(&mut h, "目录编号", "nm-2017-1501");

    // The English UI shows the English name on 资金来源.
    click_button(&mut h, "English");
    click_button(&mut h, "Fund sources");
    assert!(h.query_by_label("Crop and herd fund").is_some());
    click_button(&mut h, "中文");

    // The file dialog's answer: save to this path.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nm-2017-1501.ron");
    h.state_mut().push(Action::Picked(
        fundplan::gui::FileAction::SaveCatalog,
        path.clone(),
    ));
    run_like_eframe(&mut h);
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Info(_))),
        "{:?}",
        h.state().dialog()
    );
    let saved = fundplan_core::file::load_catalog(&path).unwrap();
    assert_eq!(saved.id, "nm-2017-1501");
    assert_eq!(saved.line("C03").unwrap().name_en, "Crop and herd fund");
    // What the screens show now (with H02: the plan still names nm-2017)
    // is what the saved file gives.
    let shown = h.state().doc().report().findings.clone();
    assert!(shown.iter().any(|f| f.rule.code() == "H02"), "{shown:?}");
    let again = fundplan::validate::validate(h.state().doc().plan(), &saved);
    assert_eq!(again.findings, shown);
    // Findings screen shows the same count as the saved catalog gives.
    click_button(&mut h, "确定");
    click_button(&mut h, "校验结果");
    assert!(h.query_all_by_label_contains("B03").next().is_some());
}

#[test]
fn a_mistyped_duplicate_code_is_a_problem_and_saving_is_refused() {
    let mut h = common::app();
    open_catalog_screen(&mut h);
    retype(&mut h, "目录编号", "mine");
    retype(&mut h, "C17 资金代码", "C03");
    assert!(h.query_by_label("• 资金代码“C03”重复").is_some());
    let save = h.get_by_role_and_label(Role::Button, "另存为新目录…");
    assert!(save.accesskit_node().is_disabled());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.ron");
    assert!(h.state_mut().save_catalog_to(&path).is_err());
    assert!(!path.exists());
    // The two C03 lines are named by their rows now, so names stay unique.
    assert!(h.query_by_label("第 17 行 资金代码").is_some());
    click_button(&mut h, "还原");
    assert_eq!(
        h.state().doc().catalog(),
        &fundplan::catalog::embedded("nm-2017").unwrap()
    );
    assert!(h.state().catalog_draft().is_none());
    assert!(h.query_by_label("目录检查：无问题").is_some());
}

#[test]
fn escape_puts_back_what_the_field_held_when_focused() {
    let mut h = common::app();
    open_catalog_screen(&mut h);
    let old = en_name(&h, "C05");
    retype(&mut h, "C05 英文名称", "oops");
    assert_eq!(en_name(&h, "C05"), "oops");
    one_frame(&mut h, key(Key::Escape, Modifiers::NONE).to_vec());
    assert_eq!(en_name(&h, "C05"), old);
}

#[test]
fn a_new_line_gets_the_next_code_and_its_name_is_required() {
    let mut h = common::app();
    open_catalog_screen(&mut h);
    click_button(&mut h, "＋ 添加自治区资金");
    assert!(h.query_by_label("• R13 的资金名称为空").is_some());
    retype(&mut h, "R13 资金名称", "自治区新设资金");
    let line = h.state().doc().catalog().line("R13").unwrap().clone();
    assert_eq!(line.name, "自治区新设资金");
    assert!(h.query_by_label("目录检查：无问题").is_some());
    click_button(&mut h, "R13 删除");
    assert!(h.state().doc().catalog().line("R13").is_none());
}

#[test]
fn a_catalog_loaded_over_a_draft_replaces_it() {
    let mut h = common::app();
    open_catalog_screen(&mut h);
    retype(&mut h, "C17 资金代码", "C03");
    assert!(h.query_by_label("• 资金代码“C03”重复").is_some());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nm-2021.ron");
    let nm2021 = fundplan::catalog::embedded("nm-2021").unwrap();
    fundplan_core::file::save_catalog(&nm2021, &path).unwrap();
    h.state_mut()
        .push(Action::Picked(fundplan::gui::FileAction::Catalog, path));
    run_like_eframe(&mut h);
    assert_eq!(h.state().doc().catalog(), &nm2021);
    assert!(h.query_by_label("目录检查：无问题").is_some());
    assert!(h.query_by_label("第 17 行 资金代码").is_none());
    // The next edit is a draft of the catalog now in use, not of the old one.
    retype(&mut h, "C01 英文名称", "Linking fund");
    assert_eq!(h.state().doc().catalog().id, "nm-2021");
    assert_eq!(h.state().doc().catalog().lines.len(), nm2021.lines.len());
    assert_eq!(en_name(&h, "C01"), "Linking fund");
}

/// Types `path` over what the built-in path dialog's field holds, then Enter.
fn answer_path_dialog(h: &mut H, path: &std::path::Path) {
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Path(_))),
        "{:?}",
        h.state().dialog()
    );
    assert!(h.get_by_label("文件路径").is_focused());
    let mut events = key(Key::A, Modifiers::COMMAND).to_vec();
    events.extend(
        path.display()
            .to_string()
            .chars()
            .map(|c| Event::Text(c.to_string())),
    );
    one_frame(h, events);
    one_frame(h, key(Key::Enter, Modifiers::NONE).to_vec());
    run_like_eframe(h);
}

/// The workbook buttons and 另存为新目录, with the built-in path dialog (a
/// desktop without a system one): export the edited catalog as a workbook,
/// throw the edits away, import the workbook back, save it as a new catalog.
#[test]
fn export_as_a_workbook_import_it_back_and_save_it_through_the_path_dialog() {
    let mut h = common::app_with(fundplan::gui::Prefs {
        builtin_file_dialog: true,
        ..fundplan::gui::Prefs::default()
    });
    open_catalog_screen(&mut h);
    retype(&mut h, "C03 英文名称", "Crop and herd fund");
    retype(&mut h, "目录编号", "hhht-2017");
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("hhht-2017.xlsx");
    click_button(&mut h, "导出为工作簿…");
    answer_path_dialog(&mut h, &xlsx);
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Info(_))),
        "{:?}",
        h.state().dialog()
    );
    assert!(xlsx.is_file());
    click_button(&mut h, "确定");

    click_button(&mut h, "还原");
    assert_eq!(h.state().doc().catalog().id, "nm-2017");
    assert_ne!(en_name(&h, "C03"), "Crop and herd fund");

    click_button(&mut h, "从工作簿导入…");
    answer_path_dialog(&mut h, &xlsx);
    assert_eq!(h.state().dialog(), None);
    assert_eq!(h.state().screen(), Screen::Catalog);
    assert_eq!(h.state().doc().catalog().id, "hhht-2017");
    assert_eq!(en_name(&h, "C03"), "Crop and herd fund");

    let ron = dir.path().join("hhht-2017.ron");
    click_button(&mut h, "另存为新目录…");
    answer_path_dialog(&mut h, &ron);
    let saved = fundplan_core::file::load_catalog(&ron).unwrap();
    assert_eq!(&saved, h.state().doc().catalog());

    // A workbook that is not one says so and changes nothing.
    let bad = dir.path().join("bad.xlsx");
    std::fs::write(&bad, "not a workbook").unwrap();
    click_button(&mut h, "确定");
    click_button(&mut h, "从工作簿导入…");
    answer_path_dialog(&mut h, &bad);
    assert!(matches!(h.state().dialog(), Some(Dialog::Error(_))));
    assert_eq!(h.state().doc().catalog().id, "hhht-2017");
}

#[test]
fn enter_in_the_new_catalog_id_dialog_goes_on_to_saving() {
    let mut h = common::app();
    open_catalog_screen(&mut h);
    click_button(&mut h, "另存为新目录…");
    assert!(matches!(h.state().dialog(), Some(Dialog::CatalogId(_))));
    retype(&mut h, "新目录编号", "nm-2017-wc");
    one_frame(&mut h, key(Key::Enter, Modifiers::NONE).to_vec());
    assert!(
        !matches!(h.state().dialog(), Some(Dialog::CatalogId(_))),
        "{:?}",
        h.state().dialog()
    );
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "目录编号")
            .value()
            .as_deref(),
        Some("nm-2017-wc")
    );
}

#[test]
fn keys_typed_with_the_click_on_add_a_line_go_into_its_name() {
    for same_frame in [true, false] {
        let mut h = common::app();
        open_catalog_screen(&mut h);
        let label = "＋ 添加自治区资金";
        h.get_by_role_and_label(Role::Button, label).scroll_to_me();
        run_like_eframe(&mut h);
        let mut events = common::click_events(&h, Role::Button, label);
        let typed = Event::Text("新设".to_string());
        if same_frame {
            events.push(typed);
            one_frame(&mut h, events);
        } else {
            h.input_mut().events.extend(events);
            common::step_like_eframe(&mut h);
            one_frame(&mut h, vec![typed]);
        }
        let line = h.state().doc().catalog().line("R13").cloned();
        assert_eq!(
            line.map(|l| l.name),
            Some("新设".to_string()),
            "same frame: {same_frame}"
        );
    }
}
