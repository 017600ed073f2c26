//! The built-in path dialog (issue 17): where the desktop has no file
//! dialog (no xdg portal, no zenity), or the user chose it, every file
//! operation asks for a path in the app's own dialog instead of doing
//! nothing. Driven with keys and clicks, with the built-in dialog chosen in
//! the preferences (as 视图 › 使用内置文件对话框 keeps it).

use crate::common;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fundplan::gui::{Dialog, FundplanApp, Prefs, Screen};

type H = Harness<'static, FundplanApp>;

const FIELD: &str = "文件路径";

fn app(recent: Vec<PathBuf>) -> H {
    common::app_with(Prefs {
        builtin_file_dialog: true,
        recent,
        ..Prefs::default()
    })
}

fn keys(h: &mut H, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

fn press(h: &mut H, key: Key) {
    h.key_press(key);
    h.run();
}

fn is_path_dialog(h: &H) -> bool {
    matches!(h.state().dialog(), Some(Dialog::Path(_)))
}

/// Replaces what the focused path field holds with `text`, as typed.
fn type_path(h: &mut H, text: &str) {
    type_into_field(h, FIELD, text);
}

/// [`type_path`] into the field named `label` (a folder's is 文件夹路径).
fn type_into_field(h: &mut H, label: &str, text: &str) {
    assert!(
        h.get_by_label(label).is_focused(),
        "the path field has the focus"
    );
    keys(h, Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Ctrl+N, the banner's code and name, Enter: a new plan, never saved.
fn new_plan(h: &mut H) {
    keys(h, Modifiers::COMMAND, Key::N);
    common::type_into(h, "旗县代码", "150125");
    common::type_into(h, "旗县名称", "武川县");
    press(h, Key::Enter);
    assert!(h.state().dialog().is_none());
    assert!(h.state().doc().path().is_none(), "not saved yet");
}

/// A new plan, and Ctrl+S: the built-in dialog asks where to save it.
fn saving_a_new_plan() -> H {
    let mut h = app(Vec::new());
    new_plan(&mut h);
    keys(&mut h, Modifiers::COMMAND, Key::S);
    assert!(is_path_dialog(&h), "{:?}", h.state().dialog());
    h
}

fn copy_sample(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(common::sample_path(), &path).unwrap();
    path
}

#[test]
fn ctrl_s_on_a_new_plan_saves_where_the_path_typed_says() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = saving_a_new_plan();
    h.get_by_label_contains("正在使用内置文件对话框");
    let typed = dir.path().join("武川县-新");
    type_path(&mut h, &typed.display().to_string());
    press(&mut h, Key::Enter);
    let saved = dir.path().join("武川县-新.ron");
    assert!(h.state().dialog().is_none(), "{:?}", h.state().dialog());
    assert_eq!(h.state().doc().path(), Some(saved.as_path()));
    let plan = fundplan::file::load_plan(&saved).expect("the saved plan loads");
    assert_eq!(plan.county.name, "武川县");
    assert_eq!(plan.county.code, "150125");
    assert!(
        !h.state().title().contains("未保存"),
        "{}",
        h.state().title()
    );
}

#[test]
fn a_plan_opens_by_clicking_a_recent_folder_then_its_file() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let in_a = copy_sample(a.path(), "甲.ron");
    let in_b = copy_sample(b.path(), "乙.ron");
    std::fs::write(b.path().join("notes.txt"), "not a plan").unwrap();
    let mut h = app(vec![in_a, in_b.clone()]);
    keys(&mut h, Modifiers::COMMAND, Key::O);
    assert!(is_path_dialog(&h));
    // It starts in the most recent plan's folder.
    h.get_by_label("甲.ron");
    assert!(h.query_by_label("乙.ron").is_none());
    h.get_by_role_and_label(Role::Button, &b.path().display().to_string())
        .click();
    h.run();
    assert!(h.query_by_label("甲.ron").is_none());
    assert!(h.query_by_label("notes.txt").is_none(), "plans only");
    h.get_by_label("乙.ron").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "打开").click();
    h.run();
    assert!(h.state().dialog().is_none(), "{:?}", h.state().dialog());
    assert_eq!(h.state().doc().path(), Some(in_b.as_path()));
}

#[test]
fn escape_cancels_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = saving_a_new_plan();
    let typed = dir.path().join("不要.ron");
    type_path(&mut h, &typed.display().to_string());
    press(&mut h, Key::Escape);
    assert!(h.state().dialog().is_none(), "{:?}", h.state().dialog());
    assert!(!typed.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    assert!(h.state().doc().path().is_none());
}

#[test]
fn saving_over_a_file_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("旧.ron");
    std::fs::write(&old, "old").unwrap();
    let mut h = app(Vec::new());
    keys(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    type_path(&mut h, &old.display().to_string());
    press(&mut h, Key::Enter);
    h.get_by_label_contains("文件已存在");
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "old");
    // Escape leaves the question, not the dialog; Enter asks again.
    press(&mut h, Key::Escape);
    assert!(is_path_dialog(&h));
    assert!(h.query_by_label_contains("文件已存在").is_none());
    assert!(h.get_by_label(FIELD).is_focused(), "back in the path");
    press(&mut h, Key::Enter);
    h.get_by_label_contains("文件已存在");
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "old");
    // The question's 替换 has the focus: Enter replaces.
    assert!(h.get_by_role_and_label(Role::Button, "替换").is_focused());
    press(&mut h, Key::Enter);
    assert!(h.state().dialog().is_none(), "{:?}", h.state().dialog());
    let plan = fundplan::file::load_plan(&old).expect("replaced by the plan");
    assert_eq!(plan.county.name, h.state().doc().plan().county.name);
}

#[test]
fn a_folder_that_does_not_exist_is_said_in_the_dialog() {
    let mut h = app(Vec::new());
    keys(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    type_path(&mut h, "/nonexistent-fundplan/方案.ron");
    press(&mut h, Key::Enter);
    assert!(is_path_dialog(&h), "still open");
    h.get_by_label("文件夹不存在：/nonexistent-fundplan");
    // In English too, when the language is switched in the dialog.
    h.get_all_by_role_and_label(Role::Button, "English")
        .last()
        .unwrap()
        .click();
    h.run();
    h.get_by_label("No such folder: /nonexistent-fundplan");
}

/// Opens a menu of the menu bar and clicks one of its items.
fn menu(h: &mut H, path: &[&str]) {
    for label in path {
        h.get_by_label(label).click();
        h.run();
    }
}

#[test]
fn every_file_operation_asks_in_the_built_in_dialog() {
    let mut h = app(Vec::new());
    let asks = |h: &mut H, title: &str| {
        assert!(is_path_dialog(h), "{title}: {:?}", h.state().dialog());
        h.get_by_label(title);
        press(h, Key::Escape);
        assert!(h.state().dialog().is_none(), "{title}");
    };
    keys(&mut h, Modifiers::COMMAND, Key::O);
    asks(&mut h, "打开方案");
    menu(&mut h, &["文件", "另存为…"]);
    asks(&mut h, "另存为");
    for (item, title) in [
        ("Excel/WPS 工作簿（.xlsx）…", "导出到"),
        ("各表 CSV 文件…", "导出 CSV 到文件夹"),
        ("方案 PDF…", "导出到"),
        ("公示表 PDF…", "导出到"),
    ] {
        menu(&mut h, &["文件", "导出", item]);
        asks(&mut h, title);
    }
    menu(&mut h, &["文件", "从 Excel 导入…"]);
    asks(&mut h, "从 Excel 导入");
    // The screens' own buttons, reached with Ctrl+1, Ctrl+7 and Ctrl+8.
    for (key, button, title) in [
        (Key::Num1, "用其他目录校验…", "打开资金目录"),
        (Key::Num7, "选择要比较的方案文件…", "选择要比较的方案"),
        (Key::Num8, "选择方案文件夹…", "选择方案文件夹"),
    ] {
        keys(&mut h, Modifiers::COMMAND, key);
        h.get_by_label(button).click();
        h.run();
        asks(&mut h, title);
    }
}

#[test]
fn a_folder_typed_is_rolled_up_and_an_export_is_written() {
    let dir = tempfile::tempdir().unwrap();
    copy_sample(dir.path(), "武川县.ron");
    let mut h = app(Vec::new());
    keys(&mut h, Modifiers::COMMAND, Key::Num8);
    h.get_by_label("选择方案文件夹…").click();
    h.run();
    type_into_field(&mut h, "文件夹路径", &dir.path().display().to_string());
    press(&mut h, Key::Enter);
    assert_eq!(h.state().screen(), Screen::Summary);
    assert!(h.state().dialog().is_none(), "{:?}", h.state().dialog());
    h.get_by_label_contains("1 个计入合计");
    menu(&mut h, &["文件", "导出", "Excel/WPS 工作簿（.xlsx）…"]);
    // Pasted this time, as from a file manager's address bar.
    assert!(h.get_by_label(FIELD).is_focused());
    keys(&mut h, Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Paste(
        dir.path().join("表").display().to_string(),
    ));
    h.run();
    press(&mut h, Key::Enter);
    assert!(
        dir.path().join("表.xlsx").is_file(),
        "the extension is added"
    );
    h.get_by_label_contains("已导出");
}

#[test]
fn a_desktop_without_a_file_dialog_gets_the_built_in_one_and_is_told_why() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_sample(dir.path(), "甲.ron");
    // Not chosen in the preferences: the desktop has no dialog to offer.
    let mut h =
        common::harness(|| FundplanApp::with_prefs(Prefs::default()).with_native_dialogs(false));
    keys(&mut h, Modifiers::COMMAND, Key::O);
    assert!(is_path_dialog(&h), "{:?}", h.state().dialog());
    h.get_by_label("未找到系统文件对话框（xdg 桌面门户或 zenity），请输入路径。");
    type_path(&mut h, &plan.display().to_string());
    press(&mut h, Key::Enter);
    assert_eq!(h.state().doc().path(), Some(plan.as_path()));
}

/// A copy of the sample in a new folder under `target/`, and its path
/// relative to the working directory the tests run in (the package's root),
/// as `fundplan league/甲.ron` typed in a terminal gives it.
fn relative_sample() -> (tempfile::TempDir, PathBuf) {
    let cwd = std::env::current_dir().unwrap();
    let dir = tempfile::tempdir_in(cwd.join("target")).unwrap();
    copy_sample(dir.path(), "甲.ron");
    let relative = dir.path().strip_prefix(&cwd).unwrap().join("甲.ron");
    assert!(relative.is_relative() && relative.is_file());
    (dir, relative)
}

/// Opens the path dialog with `modifiers`+`key` and presses Enter on the
/// path it offers: never a folder that does not exist.
fn enter_in_the_dialog(h: &mut H, modifiers: Modifiers, key: Key) {
    keys(h, modifiers, key);
    assert!(is_path_dialog(h));
    press(h, Key::Enter);
    assert!(
        h.query_by_label_contains("文件夹不存在").is_none(),
        "{:?}",
        h.state().dialog()
    );
}

#[test]
fn a_plan_opened_by_a_relative_path_is_saved_as_beside_it() {
    // Issue 22 item 12: the dialog's path was the relative folder joined to
    // itself ("文件夹不存在：league/league").
    let (dir, relative) = relative_sample();
    let absolute = dir.path().join("甲.ron");
    let mut h = app(Vec::new());
    common::open_in(&mut h, &relative);
    assert_eq!(h.state().doc().path(), Some(absolute.as_path()));
    assert_eq!(h.state().prefs.recent.first(), Some(&absolute));
    enter_in_the_dialog(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    // Saved under the name offered, beside the plan.
    assert!(h.state().dialog().is_none(), "{:?}", h.state().dialog());
    let saved = h.state().doc().path().unwrap().to_path_buf();
    assert_eq!(saved.parent(), Some(dir.path()));
    assert!(saved.is_file());
}

#[test]
fn a_recent_plan_kept_by_a_relative_path_opens_from_its_folder() {
    let (dir, relative) = relative_sample();
    let mut h = app(vec![relative]);
    // Enter on the folder the dialog starts in lists it.
    enter_in_the_dialog(&mut h, Modifiers::COMMAND, Key::O);
    h.get_by_label("甲.ron").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "打开").click();
    h.run();
    assert!(h.state().dialog().is_none(), "{:?}", h.state().dialog());
    assert_eq!(
        h.state().doc().path(),
        Some(dir.path().join("甲.ron").as_path())
    );
}
