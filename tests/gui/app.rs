//! The desktop app driven headless through egui_kittest, by role and label,
//! as a finance officer would use it.

use crate::common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fundplan::Money;
use fundplan::gui::{FundplanApp, Screen};
use fundplan::validate::Rule;

fn harness() -> Harness<'static, FundplanApp> {
    common::app()
}

fn type_into(h: &mut Harness<'_, FundplanApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

fn go(h: &mut Harness<'_, FundplanApp>, screen_label: &str) {
    h.get_by_role_and_label(Role::Button, screen_label).click();
    h.run();
}

#[test]
fn opens_the_sample_on_the_sources_screen() {
    let h = harness();
    assert_eq!(h.state().doc().plan().county.name, "武川县");
    assert_eq!(h.state().screen(), Screen::Sources);
    h.get_by_label("C03 纳入整合金额");
    h.get_by_label("中央小计");
    assert!(
        h.state().title().contains("武川县 2020 年 第 1 版"),
        "{}",
        h.state().title()
    );
}

#[test]
fn typing_too_much_integrated_shows_s06_and_undo_removes_it() {
    let mut h = harness();
    type_into(&mut h, "C03 纳入整合金额", "99999");
    let c03 = h.state().doc().plan().source("C03").unwrap().clone();
    assert_eq!(c03.integrated, Money::from_yuan(999_990_000));
    assert!(h.state().doc().report().has(Rule::S06));
    assert!(
        h.state().title().starts_with('●'),
        "unsaved marker: {}",
        h.state().title()
    );

    go(&mut h, "校验结果");
    h.get_by_label("S06");
    h.get_by_label_contains("超过下达");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state().doc().report().has(Rule::S06));
    assert!(h.query_by_label("S06").is_none());
    assert!(!h.state().doc().is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert!(
        h.state().doc().report().has(Rule::S06),
        "Ctrl+Shift+Z redoes"
    );
}

#[test]
fn typing_in_one_field_is_one_undo_step() {
    let mut h = harness();
    let before = h.state().doc().plan().clone();
    type_into(&mut h, "C05 下达金额", "1");
    h.get_by_label("C05 下达金额").type_text("2");
    h.run();
    h.get_by_label("C05 下达金额").type_text("3");
    h.run();
    assert_eq!(
        h.state().doc().plan().source("C05").unwrap().allocated,
        Money::from_yuan(1_230_000)
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc().plan(), &before);
}

#[test]
fn invalid_amounts_are_not_applied() {
    let mut h = harness();
    let before = h.state().doc().plan().clone();
    type_into(&mut h, "C02 下达金额", "12x");
    assert_eq!(h.state().doc().plan(), &before);
}

#[test]
fn a_new_project_funded_from_a_line_moves_the_totals() {
    let mut h = harness();
    // Make room on C01 first: raise its allocated and integrated amounts by 10 万元.
    let c01 = h.state().doc().plan().source("C01").unwrap().clone();
    let plus_ten =
        (c01.integrated + Money::from_yuan(100_000)).edit_string(fundplan::money::Unit::Wan);
    type_into(&mut h, "C01 下达金额", &plus_ten);
    type_into(&mut h, "C01 纳入整合金额", &plus_ten);
    assert!(
        h.state().doc().report().has(Rule::B02),
        "10 万元 left to arrange"
    );
    let arranged_before = h.state().doc().report().totals.arranged;

    go(&mut h, "项目安排");
    // Nothing selected: the new project goes last, with the id after the last.
    let n = h.state().doc().plan().projects.len();
    let last = h.state().doc().plan().projects[n - 1].id.clone();
    h.get_by_label("＋ 添加项目").click();
    h.run();
    let id = h.state().doc().plan().projects[n].id.clone();
    let last_number: usize = last[1..].parse().unwrap();
    assert_eq!(id, format!("P{:03}", last_number + 1));
    type_into(
        &mut h,
        &format!("{id} 项目名称"),
        "可可以力更镇新胜村肉牛养殖圈舍建设",
    );
    assert_eq!(
        h.state().doc().plan().projects[n].name,
        "可可以力更镇新胜村肉牛养殖圈舍建设"
    );

    h.get_by_label(&format!("{id} ＋ 添加资金来源…")).click();
    h.run();
    h.get_by_label_contains("C01  中央财政专项扶贫资金").click();
    h.run();
    let p = &h.state().doc().plan().projects[n];
    assert_eq!(p.funding.len(), 1);
    assert_eq!(p.funding[0].line, "C01");
    assert_eq!(
        p.funding[0].amount,
        Money::from_yuan(100_000),
        "picking a line offers what is left on it"
    );
    let report = h.state().doc().report();
    assert!(!report.has(Rule::B02));
    assert_eq!(
        report.totals.arranged,
        arranged_before + Money::from_yuan(100_000)
    );
    assert!(h.get_by_label(&format!("{id} C01 安排金额")).is_focused());

    // Lower it: 10 万元 comes back as "to arrange" on the line and in the status bar.
    type_into(&mut h, &format!("{id} C01 安排金额"), "4");
    let report = h.state().doc().report();
    assert_eq!(report.totals.unarranged(), Money::from_yuan(60_000));
    h.get_by_label_contains("待安排 6.00");
    h.get_by_label(&format!("{id} C01 安排剩余")).click();
    h.run();
    assert_eq!(h.state().doc().report().totals.unarranged(), Money::ZERO);
}

#[test]
fn clicking_a_finding_focuses_its_field() {
    let mut h = harness();
    // 下达 100 万元 more than is integrated: the difference needs a reason.
    let c09 = h.state().doc().plan().source("C09").unwrap().clone();
    assert!(c09.reason.is_empty());
    let more =
        (c09.integrated + Money::from_yuan(1_000_000)).edit_string(fundplan::money::Unit::Wan);
    type_into(&mut h, "C09 下达金额", &more);
    assert!(h.state().doc().report().has(Rule::S07));
    go(&mut h, "校验结果");
    h.get_by_label_contains("C09 有").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Sources);
    assert!(h.get_by_label("C09 未纳入整合原因").is_focused());
}

#[test]
fn switching_to_english_changes_the_labels() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "English").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Fund sources");
    h.get_by_label("C03 integrated");
    assert!(h.query_by_label("资金来源").is_none());
    assert_eq!(h.state().prefs.lang, fundplan::Lang::En);
    go(&mut h, "Findings");
    h.get_by_label_contains("used across categories");
}

#[test]
fn save_as_writes_a_file_that_loads_back_equal() {
    let mut h = harness();
    type_into(&mut h, "C14 未纳入整合原因", "（已核实）");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("武川县-2020-r1.ron");
    h.state_mut().save_to(path.clone()).unwrap();
    h.run();
    assert!(!h.state().doc().is_dirty());
    assert!(h.state().title().contains("武川县-2020-r1.ron"));
    let loaded = fundplan::file::load_plan(&path).unwrap();
    assert_eq!(&loaded, h.state().doc().plan());
    assert!(loaded.source("C14").unwrap().reason.ends_with("（已核实）"));
    assert_eq!(h.state().prefs.recent.first(), Some(&path));
}

/// Each screen's accessibility tree (names and values) in each language is the stored
/// snapshot (tests/gui/snapshots/), so a label that goes missing or is renamed fails.
#[test]
fn every_screen_draws_in_both_languages() {
    let mut h = harness();
    for (lang, switch_to) in [("zh", "English"), ("en", "中文")] {
        for s in Screen::ALL {
            h.state_mut().push(fundplan::gui::Action::Go(s));
            h.run();
            assert_eq!(h.state().screen(), s);
            crate::snapshot::assert_tree(&h, &format!("{s:?}-{lang}").to_lowercase());
        }
        h.get_by_role_and_label(Role::Button, switch_to).click();
        h.run();
    }
}

#[test]
fn submit_refuses_errors_then_seals_a_clean_plan() {
    let mut h = harness();
    type_into(&mut h, "C03 纳入整合金额", "99999");
    h.state_mut().push(fundplan::gui::Action::Command(
        fundplan::gui::UiCommand::Submit,
    ));
    h.run();
    h.get_by_label("方案有错误，不能提交");
    assert!(h.state().doc().plan().submission.is_none());
    h.get_by_role_and_label(Role::Button, "确定").click();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    h.state_mut().save_to(path.clone()).unwrap();
    h.state_mut().push(fundplan::gui::Action::Command(
        fundplan::gui::UiCommand::Submit,
    ));
    h.run();
    h.get_by_role_and_label(Role::Button, "确认提交").click();
    h.run();
    let sealed = fundplan::file::load_plan(&path).unwrap();
    assert!(sealed.submission.is_some());
    assert_eq!(
        fundplan::digest::seal_state(&sealed),
        fundplan::digest::SealState::Intact
    );
    assert!(!h.state().doc().is_dirty());
}

#[test]
fn clicking_a_project_row_selects_it() {
    let mut h = harness();
    go(&mut h, "项目安排");
    h.get_by_label("P003").click();
    h.run();
    let name = h.state().doc().plan().projects[2].name.clone();
    assert_eq!(
        h.get_by_label("P003 项目名称").value().as_deref(),
        Some(name.as_str())
    );
}

#[test]
fn the_matrix_totals_match_the_plan() {
    let mut h = harness();
    go(&mut h, "整合矩阵");
    // What the plan's projects arrange, summed here, not read from the report.
    let plan = h.state().doc().plan();
    let sum: Money = plan.projects.iter().map(|p| p.integrated_total()).sum();
    let totals = &h.state().doc().report().totals;
    assert_eq!(totals.arranged, sum);
    let arranged = sum.display(fundplan::money::Unit::Wan, 2);
    assert!(h.query_all_by_label(&arranged).count() >= 1);
    let share = fundplan::money::percent(totals.cross_share.unwrap());
    h.get_by_label_contains(&format!("占纳入整合资金 {share}"));
}

#[test]
fn enter_moves_down_the_column_like_a_spreadsheet() {
    let mut h = harness();
    type_into(&mut h, "C01 下达金额", "40");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.get_by_label("C02 下达金额").is_focused());
    h.get_by_label("C02 下达金额").type_text("80");
    h.run();
    let plan = h.state().doc().plan();
    assert_eq!(
        plan.source("C01").unwrap().allocated,
        Money::from_yuan(400_000)
    );
    assert_eq!(
        plan.source("C02").unwrap().allocated,
        Money::from_yuan(800_000)
    );
    // Two fields, two undo steps.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc().plan().source("C01").unwrap().allocated,
        Money::from_yuan(400_000)
    );
}

#[test]
fn editing_a_submitted_plan_warns_that_the_seal_breaks() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    h.state_mut().save_to(dir.path().join("p.ron")).unwrap();
    h.state_mut().push(fundplan::gui::Action::Command(
        fundplan::gui::UiCommand::Submit,
    ));
    h.run();
    h.get_by_role_and_label(Role::Button, "确认提交").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "确定").click();
    h.run();
    type_into(&mut h, "C14 未纳入整合原因", "。");
    h.get_by_label_contains("提交印记失效");
    assert!(h.state().doc().report().has(Rule::D01));
}

#[test]
fn another_catalog_can_judge_the_plan() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::root("assets/catalogs/nm-2017.ron"))
        .unwrap()
        .replace(
            "industry_share_min: None",
            // Above the sample's industry share, whatever it is.
            "industry_share_min: Some(\"0.95\")",
        );
    // Under the built-in id it would silently not count for plans naming
    // nm-2017: refused, saying so, as `catalog check` and --catalog do.
    let same_id = dir.path().join("nm-2017-own.ron");
    std::fs::write(&same_id, &text).unwrap();
    h.state_mut().push(fundplan::gui::Action::Picked(
        fundplan::gui::FileAction::Catalog,
        same_id,
    ));
    h.run();
    h.get_by_label_contains("是内置目录的编号，而内容与内置目录不同");
    assert!(!h.state().doc().report().has(Rule::B03));
    h.state_mut().push(fundplan::gui::Action::CloseDialog);
    h.run();
    let path = dir.path().join("nm-2017-strict.ron");
    std::fs::write(
        &path,
        text.replace("id: \"nm-2017\"", "id: \"nm-2017-strict\""),
    )
    .unwrap();
    h.state_mut().push(fundplan::gui::Action::Picked(
        fundplan::gui::FileAction::Catalog,
        path,
    ));
    h.run();
    assert!(h.state().doc().report().has(Rule::B03));

    h.state_mut().push(fundplan::gui::Action::Picked(
        fundplan::gui::FileAction::Catalog,
        common::sample_path(),
    ));
    h.run();
    h.get_by_label_contains("此处需要“fundplan-catalog”");
}

#[test]
fn export_to_excel_and_import_it_back_from_the_app() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("武川县2020.xlsx");
    h.state()
        .export(fundplan::gui::Export::Xlsx, &xlsx)
        .unwrap();
    h.state()
        .export(fundplan::gui::Export::Csv, &dir.path().join("csv"))
        .unwrap();
    let original = h.state().doc().plan().clone();
    h.state_mut().push(fundplan::gui::Action::Picked(
        fundplan::gui::FileAction::Import,
        xlsx,
    ));
    h.run();
    assert_eq!(h.state().doc().plan(), &original);
    assert!(
        h.state().doc().path().is_none(),
        "an import is a new, unsaved plan"
    );
    assert!(dir.path().join("csv/表2 项目计划.csv").exists());

    std::fs::write(dir.path().join("bad.xlsx"), b"not a workbook").unwrap();
    h.state_mut().push(fundplan::gui::Action::Picked(
        fundplan::gui::FileAction::Import,
        dir.path().join("bad.xlsx"),
    ));
    h.run();
    h.get_by_label_contains("未导入任何内容");
}

#[test]
fn a_pdf_export_says_which_characters_no_font_has() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = dir.path().join("fonts");
    std::fs::create_dir(&fonts).unwrap();
    let mut plan = common::load(&common::sample_path());
    // ł: in the app's screen font (egui's Ubuntu), not in the PDF's CJK font;
    // no font is looked for in the empty folder.
    plan.projects[0].name.push('ł');
    let path = dir.path().join("武川县.ron");
    fundplan::file::save_plan(&plan, &path).unwrap();
    let mut h = common::harness(move || {
        FundplanApp::with_prefs(Default::default())
            .with_font_dirs(fundplan::export::pdf::FontDirs::new(vec![fonts]))
    });
    common::open_in(&mut h, &path);
    let pdf = dir.path().join("公示.pdf");
    h.state_mut().push(fundplan::gui::Action::Picked(
        fundplan::gui::FileAction::Export(fundplan::gui::Export::NoticePdf),
        pdf.clone(),
    ));
    h.run();
    assert!(pdf.is_file(), "the PDF is written all the same");
    h.get_by_label_contains("已导出");
    h.get_by_label_contains("“ł”（U+0142，公示表，第 1 行，项目名称）");
}

#[test]
fn unsaved_work_is_offered_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("data");
    // First run: edit, the recovery file is written (interval 0 in the test), then "crash".
    let mut h = harness();
    let app = std::mem::replace(
        h.state_mut(),
        fundplan::gui::FundplanApp::with_prefs(Default::default()),
    );
    *h.state_mut() = app.with_recovery(Some(recovery.clone()), 0.0);
    type_into(&mut h, "C14 未纳入整合原因", "（待核）");
    let edited = h.state().doc().plan().clone();
    assert!(recovery.join("recovery.ron").exists());
    drop(h);

    // Next start: the dialog says when and what; restoring gives the edited plan, unsaved.
    let mut h = harness();
    let app = std::mem::replace(
        h.state_mut(),
        fundplan::gui::FundplanApp::with_prefs(Default::default()),
    );
    *h.state_mut() = app.with_recovery(Some(recovery.clone()), 0.0);
    h.run();
    h.get_by_label("发现未保存的修改");
    h.get_by_role_and_label(Role::Button, "恢复").click();
    h.run();
    assert_eq!(h.state().doc().plan(), &edited);
    assert!(h.state().doc().is_dirty());

    // Saving removes the recovery file.
    h.state_mut().save_to(dir.path().join("saved.ron")).unwrap();
    h.run();
    assert!(!recovery.join("recovery.ron").exists());
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut h = harness();
    h.state_mut().save_to(path.clone()).unwrap();
    type_into(&mut h, "C14 未纳入整合原因", "甲");
    // Another officer saves the same file.
    let mut theirs = fundplan::file::load_plan(&path).unwrap();
    theirs.approval = "乙的版本".into();
    std::fs::write(&path, fundplan::file::plan_to_string(&theirs) + "\n").unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("文件已被其他程序修改");
    assert_eq!(
        fundplan::file::load_plan(&path).unwrap(),
        theirs,
        "not overwritten yet"
    );
    h.get_by_role_and_label(Role::Button, "重新载入磁盘上的版本")
        .click();
    h.run();
    assert_eq!(h.state().doc().plan(), &theirs);
}

#[test]
fn about_names_version_licence_catalogs_and_data_folder() {
    let mut h = harness();
    h.state_mut().push(fundplan::gui::Action::Command(
        fundplan::gui::UiCommand::About,
    ));
    h.run();
    h.get_by_label(&format!("fundplan {}", env!("CARGO_PKG_VERSION")));
    // The catalog's years once, not again after a title that names them.
    let catalog = h.get_by_label_contains("内置资金目录：nm-2017");
    let text = catalog.value().unwrap_or_default();
    assert_eq!(text.matches("2017—2020").count(), 1, "{text}");
    h.get_by_label_contains("MIT OR Apache-2.0");
    h.get_by_label_contains("设置与恢复文件位置");
}

#[test]
fn ctrl_6_and_ctrl_9_focus_the_screens_first_input_and_typing_goes_there() {
    let mut h = harness();
    common::ctrl(&mut h, Key::Num6);
    assert_eq!(h.state().screen(), Screen::Review);
    assert!(
        h.get_by_role_and_label(Role::TextInput, "审核人")
            .is_focused(),
        "审核意见 by key focuses 审核人"
    );
    common::type_keys(&mut h, "农业科");
    assert_eq!(h.state().prefs.reviewer, "农业科");

    common::ctrl(&mut h, Key::Num9);
    assert_eq!(h.state().screen(), Screen::Catalog);
    assert!(
        h.get_by_role_and_label(Role::TextInput, "目录编号")
            .is_focused(),
        "目录 by key focuses 目录编号"
    );
    // Reached by key, the id is selected: typing replaces it.
    common::type_keys(&mut h, "nm-x");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "目录编号")
            .value()
            .as_deref(),
        Some("nm-x")
    );
}

#[test]
fn screens_without_a_text_input_focus_their_first_control_by_key() {
    let mut h = harness();
    // A finding to focus: 0 as the first line's allocated amount (S06).
    common::ctrl(&mut h, Key::Num2);
    common::type_keys(&mut h, "0");
    common::ctrl(&mut h, Key::Num5);
    let code = h.state().doc().plan().sources[0].line.clone();
    assert!(
        h.get_by_label_contains(&format!("{code} 纳入整合"))
            .is_focused(),
        "校验结果 by key focuses the first finding"
    );
    common::ctrl(&mut h, Key::Num7);
    assert!(
        h.get_by_role_and_label(Role::Button, "选择要比较的方案文件…")
            .is_focused()
    );
    common::ctrl(&mut h, Key::Num8);
    assert!(
        h.get_by_role_and_label(Role::Button, "选择方案文件夹…")
            .is_focused()
    );
}
