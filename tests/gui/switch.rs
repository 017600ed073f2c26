//! 编辑 › 更换资金目录… driven as a person does: the sample (nm-2017) set to
//! 2021 on the 基本信息 screen, switched to nm-2021: each old line goes to the
//! line that succeeds it, a row is put on another line by keyboard or dropped
//! by clicking, each level's subtotal is shown before and after; undone and
//! redone in one step each; Escape changes nothing.

use crate::common;

use common::{click, ctrl, type_keys};

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use fundplan::gui::{Dialog, FundplanApp, Screen};
use fundplan::validate::Rule;

type H = Harness<'static, FundplanApp>;

/// The sample with its year set to 2021 on 基本信息: click the year, select
/// it, type the new one, Enter.
fn sample_for_2021() -> H {
    sample_for_2021_with(fundplan::gui::Prefs::default())
}

/// [`sample_for_2021`] with these preferences.
fn sample_for_2021_with(prefs: fundplan::gui::Prefs) -> H {
    let mut h = common::app_with(prefs);
    ctrl(&mut h, Key::Num1);
    assert_eq!(h.state().screen(), Screen::Header);
    h.get_by_label("年度").click();
    h.run();
    ctrl(&mut h, Key::A);
    type_keys(&mut h, "2021");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc().plan().year, 2021);
    assert_eq!(h.state().doc().plan().catalog, "nm-2017");
    h
}

/// 编辑 › 更换资金目录…, by clicking.
fn open_switch(h: &mut H) {
    h.get_by_role_and_label(Role::Button, "编辑").click();
    h.run();
    click(h, "更换资金目录…");
    assert!(matches!(h.state().dialog(), Some(Dialog::Switch(_))));
}

/// Picks `choice` in the list named `list` by keyboard, as a person does
/// with a long list: focus it, Down opens it on the current choice, `key`
/// (Down or Up) moves the highlight until it is on `choice`, Enter.
fn pick(h: &mut H, list: &str, key: Key, choice: &str) {
    h.get_by_label(list).focus();
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    for _ in 0..40 {
        let on = h
            .get_by_role(Role::ListBox)
            .get_by_label(choice)
            .accesskit_node()
            .toggled()
            == Some(egui::accesskit::Toggled::True);
        if on {
            break;
        }
        h.key_press(key);
        h.run();
    }
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_role(Role::ListBox).is_none(), "the list closed");
}

/// The 下达 subtotal of `level` in `plan`, as the dialog shows it (万元).
fn subtotal(plan: &fundplan::plan::Plan, level: fundplan::plan::Level) -> String {
    plan.sources
        .iter()
        .filter(|s| s.level == level)
        .map(|s| s.allocated)
        .sum::<fundplan::Money>()
        .display(fundplan::money::Unit::Wan, 2)
}

fn rules(h: &H) -> Vec<Rule> {
    h.state()
        .doc()
        .report()
        .findings
        .iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn switching_to_nm_2021_drops_the_chosen_line_and_undo_takes_it_back_in_one_step() {
    let mut h = sample_for_2021();
    let before = h.state().doc().plan().clone();
    assert!(rules(&h).contains(&Rule::H03), "2021 is outside nm-2017");
    open_switch(&mut h);
    click(&mut h, "nm-2021（2021—2025）");
    // Nothing is dropped until the user says so.
    assert!(h.query_by_label_contains("不删除任何金额").is_some());
    pick(&mut h, "C07 对应到", Key::ArrowDown, "删除");
    assert!(h.query_by_label_contains("下达 299.60 万元").is_some());
    click(&mut h, "确定");
    assert!(h.state().dialog().is_none());
    assert_eq!(h.state().screen(), Screen::Sources);
    let doc = h.state().doc();
    assert_eq!(doc.plan().catalog, "nm-2021");
    assert_eq!(doc.catalog().id, "nm-2021");
    let found = rules(&h);
    for rule in [Rule::H02, Rule::H03, Rule::S01, Rule::S03, Rule::S04] {
        assert!(!found.contains(&rule), "{rule:?} in {found:?}");
    }
    // The sources screen lists the new catalog's lines; old C01's money is
    // on its successor, no own line was made.
    assert!(
        h.query_by_label("中央财政衔接推进乡村振兴补助资金")
            .is_some()
    );
    assert!(h.query_by_label("中央财政专项扶贫资金").is_none());
    let doc = h.state().doc();
    assert_eq!(
        doc.plan().source("C01").unwrap().allocated,
        before.source("C01").unwrap().allocated
    );
    assert!(doc.plan().source("X03").is_none());
    let old_c07 = &before.source("C07").unwrap().name;
    assert!(doc.plan().sources.iter().all(|s| &s.name != old_c07));
    assert_eq!(
        doc.plan().integrated_total(),
        before.integrated_total() - before.source("C07").unwrap().integrated
    );
    let after = doc.plan().clone();

    ctrl(&mut h, Key::Z);
    assert_eq!(h.state().doc().plan(), &before);
    assert_eq!(h.state().doc().catalog().id, "nm-2017");
    assert!(rules(&h).contains(&Rule::H03));
    ctrl(&mut h, Key::Y);
    assert_eq!(h.state().doc().plan(), &after);
    assert_eq!(h.state().doc().catalog().id, "nm-2021");
}

#[test]
fn escape_in_the_switch_dialog_changes_nothing() {
    let mut h = sample_for_2021();
    let before = h.state().doc().plan().clone();
    let state = h.state().doc().state();
    open_switch(&mut h);
    pick(&mut h, "C07 对应到", Key::ArrowDown, "删除");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().dialog().is_none());
    assert_eq!(h.state().doc().plan(), &before);
    assert_eq!(h.state().doc().state(), state);
    assert_eq!(h.state().doc().catalog().id, "nm-2017");
}

#[test]
fn the_same_catalog_offers_nothing_to_switch() {
    let mut h = common::app();
    open_switch(&mut h);
    click(&mut h, "nm-2017（2017—2020）");
    assert!(h.query_by_label_contains("无需更换").is_some());
    h.key_press(Key::Enter);
    h.run();
    assert!(matches!(h.state().dialog(), Some(Dialog::Switch(_))));
    assert!(!h.state().doc().can_undo());
}

#[test]
fn a_submitted_plan_is_warned_about_its_seal_before_switching() {
    let mut h = common::app();
    common::open_in(&mut h, &common::root("tests/fixtures/sealed-v1.ron"));
    assert!(h.state().doc().is_read_only());
    // In review mode the menu item is off.
    h.get_by_role_and_label(Role::Button, "编辑").click();
    h.run();
    assert!(
        h.get_by_label("更换资金目录…")
            .accesskit_node()
            .is_disabled()
    );
    h.key_press(Key::Escape);
    h.run();
    common::allow_editing(&mut h);
    open_switch(&mut h);
    click(&mut h, "nm-2021（2021—2025）");
    assert!(h.query_by_label_contains("提交印记失效").is_some());
    assert!(
        h.query_by_label_contains("不在目录 nm-2021 适用的")
            .is_some()
    );
}

/// A catalog file picked with 目录文件… (the native dialog's pick arrives as
/// `Action::Picked(FileAction::SwitchCatalog, …)`, as `state::files`
/// delivers it): offered in the dialog; a file that does not load says why
/// there and keeps the dialog.
#[test]
fn a_catalog_file_is_offered_in_the_dialog_and_a_bad_one_is_explained_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut league = fundplan::catalog::embedded("nm-2021").unwrap();
    league.id = "hhht-2021".into();
    let good = dir.path().join("hhht-2021.ron");
    fundplan::file::save_catalog(&league, &good).unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format: \"fundplan-catalog\"").unwrap();

    let mut h = sample_for_2021();
    open_switch(&mut h);
    h.state_mut().push(fundplan::gui::Action::Picked(
        fundplan::gui::FileAction::SwitchCatalog,
        bad.clone(),
    ));
    h.run();
    let Some(Dialog::Switch(form)) = h.state().dialog() else {
        panic!("the dialog stays open");
    };
    assert!(form.error.is_some());
    h.state_mut().push(fundplan::gui::Action::Picked(
        fundplan::gui::FileAction::SwitchCatalog,
        good.clone(),
    ));
    h.run();
    let Some(Dialog::Switch(form)) = h.state().dialog() else {
        panic!("the dialog stays open");
    };
    assert!(form.error.is_none());
    assert_eq!(form.target.as_ref().unwrap().id, "hhht-2021");
    assert!(h.query_by_label_contains("hhht-2021.ron").is_some());
    click(&mut h, "确定");
    assert_eq!(h.state().doc().plan().catalog, "hhht-2021");
    assert_eq!(h.state().doc().catalog().id, "hhht-2021");
    assert!(!rules(&h).contains(&Rule::H02));
}

/// On a desktop without a system file dialog, 目录文件… opens the built-in
/// path dialog over the switch dialog; the file typed there is offered in
/// the switch dialog, which comes back (it used to be lost, and the pick with it).
#[test]
fn a_catalog_file_typed_in_the_built_in_path_dialog_comes_back_to_the_switch_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut league = fundplan::catalog::embedded("nm-2021").unwrap();
    league.id = "hhht-2021".into();
    let good = dir.path().join("hhht-2021.ron");
    fundplan::file::save_catalog(&league, &good).unwrap();

    let mut h = sample_for_2021_with(fundplan::gui::Prefs {
        builtin_file_dialog: true,
        ..fundplan::gui::Prefs::default()
    });
    open_switch(&mut h);
    click(&mut h, "目录文件…");
    assert!(matches!(h.state().dialog(), Some(Dialog::Path(_))));
    ctrl(&mut h, Key::A);
    type_keys(&mut h, &good.display().to_string());
    h.key_press(Key::Enter);
    h.run();
    let Some(Dialog::Switch(form)) = h.state().dialog() else {
        panic!("the switch dialog is back: {:?}", h.state().dialog());
    };
    assert_eq!(form.target.as_ref().unwrap().id, "hhht-2021");
    click(&mut h, "确定");
    assert_eq!(h.state().doc().plan().catalog, "hhht-2021");

    // Escape in the path dialog also brings the switch dialog back, unchanged.
    open_switch(&mut h);
    click(&mut h, "目录文件…");
    h.key_press(Key::Escape);
    h.run();
    assert!(matches!(h.state().dialog(), Some(Dialog::Switch(_))));
}

/// Issue 22 item 8: nm-2017 → nm-2021 used to leave C01 中央财政专项扶贫资金
/// (4,450 万), C05, C07, C08 and C11 "无对应" and move them to 旗县资金, so
/// 中央小计 dropped without a word. Now each goes to its successor, 中央小计 is
/// the same before and after, a row can be put on another line of its level
/// by keyboard, and a move to another level is a choice the subtotals show.
#[test]
fn switching_maps_each_line_to_its_successor_and_shows_each_level_subtotal() {
    use fundplan::plan::Level;
    let mut h = sample_for_2021();
    let before = h.state().doc().plan().clone();
    let c01 = before.source("C01").unwrap();
    assert_eq!(c01.name, "中央财政专项扶贫资金");
    assert_eq!(
        c01.allocated.display(fundplan::money::Unit::Wan, 2),
        "4,450.00"
    );
    let central = subtotal(&before, Level::Central);
    open_switch(&mut h);
    click(&mut h, "nm-2021（2021—2025）");
    assert!(
        h.query_by_label(&format!(
            "中央小计：下达 {central} → {central} 万元；纳入整合 {0} → {0} 万元",
            before
                .sources
                .iter()
                .filter(|s| s.level == Level::Central)
                .map(|s| s.integrated)
                .sum::<fundplan::Money>()
                .display(fundplan::money::Unit::Wan, 2)
        ))
        .is_some(),
        "中央小计 {central} unchanged"
    );
    assert!(h.query_by_label_contains("无对应").is_none());
    assert!(h.query_by_label_contains("转为旗县资金").is_none());

    // By keyboard: C07's list opens on C05 (its successor); Down to C07
    // 林业草原生态保护恢复资金, Enter.
    pick(
        &mut h,
        "C07 对应到",
        Key::ArrowDown,
        "C07 林业草原生态保护恢复资金",
    );
    assert!(h.query_by_label("手动").is_some());
    // Moving C08 to 旗县资金 is a choice, and 中央小计 shows the drop.
    pick(&mut h, "C08 对应到", Key::ArrowDown, "转为旗县资金（X..）");
    let c08 = before.source("C08").unwrap().allocated;
    assert!(c08.is_positive());
    assert!(h.query_by_label_contains("旗县 X03").is_some());
    assert!(
        h.query_by_label_contains(&format!("▲ 中央小计：下达 {central} → "))
            .is_some()
    );
    click(&mut h, "确定");
    assert!(h.state().dialog().is_none());
    let plan = h.state().doc().plan();
    let new_c01 = plan.source("C01").unwrap();
    assert_eq!(new_c01.name, "中央财政衔接推进乡村振兴补助资金");
    assert_eq!(new_c01.allocated, c01.allocated);
    assert_eq!(
        plan.source("C07").unwrap().allocated,
        before.source("C07").unwrap().allocated
    );
    assert_eq!(
        plan.source("C05").unwrap().allocated,
        before.source("C05").unwrap().allocated
    );
    assert_eq!(plan.source("X03").unwrap().allocated, c08);
    assert_eq!(
        subtotal(plan, Level::Central),
        (before
            .sources
            .iter()
            .filter(|s| s.level == Level::Central)
            .map(|s| s.allocated)
            .sum::<fundplan::Money>()
            - c08)
            .display(fundplan::money::Unit::Wan, 2)
    );
}

/// A 2021 plan on nm-2017 where old C15 has money (it waits for a choice)
/// and old C05's and C07's 未纳入原因 would join beyond what a file holds,
/// opened in English.
#[test]
fn a_waiting_row_and_a_join_a_file_could_not_hold_are_explained_and_ok_stays_off() {
    let mut plan = fundplan::document::bundled_sample();
    plan.year = 2021;
    for s in &mut plan.sources {
        match s.line.as_str() {
            "C15" => s.allocated = fundplan::Money::from_yuan(10_000),
            "C05" => s.reason = "甲".repeat(fundplan::file::MAX_TEXT_CHARS - 10),
            "C07" => s.reason = "乙".repeat(20),
            _ => {}
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.fundplan");
    fundplan::file::save_plan(&plan, &path).unwrap();
    let mut h = common::app_with(fundplan::gui::Prefs {
        lang: fundplan::Lang::En,
        ..fundplan::gui::Prefs::default()
    });
    common::open_in(&mut h, &path);
    assert_eq!(h.state().doc().plan().sources, plan.sources);
    h.get_by_role_and_label(Role::Button, "Edit").click();
    h.run();
    click(&mut h, "Switch catalog…");
    h.get_by_label_contains("nm-2021 (").click();
    h.run();
    let ok_enabled = |h: &H| !h.get_by_label("OK").accesskit_node().is_disabled();
    assert!(
        h.query_by_label_contains("1 row has no line yet (C15)")
            .is_some()
    );
    assert!(!ok_enabled(&h));
    pick(&mut h, "C15 goes to", Key::ArrowDown, "Drop");
    assert!(h.query_by_label_contains("no line yet").is_none());
    assert!(
        h.query_by_label_contains(
            "C05, C07 joined on C05: the joined reasons (未纳入原因) would pass 10000 characters"
        )
        .is_some()
    );
    assert!(!ok_enabled(&h), "OK stays off");
    // Old C07 mapped to the new C07 instead: nothing to join, OK is on.
    pick(
        &mut h,
        "C07 goes to",
        Key::ArrowDown,
        "C07 Forest and grassland ecological protection and restoration fund",
    );
    assert!(h.query_by_label_contains("joined on").is_none());
    assert!(ok_enabled(&h));
}

/// What the 目录 screen's head says about the draft, and whether 还原 may be clicked.
fn draft_state(h: &mut H) -> (bool, bool) {
    crate::catalog::click_button(h, "目录");
    let changed = h.query_by_label_contains("草稿：已修改").is_some();
    let revert = !h
        .get_by_role_and_label(Role::Button, "还原")
        .accesskit_node()
        .is_disabled();
    (changed, revert)
}

#[test]
fn undoing_a_switch_brings_back_the_catalog_draft_and_revert_still_reaches_the_original() {
    let mut h = sample_for_2021();
    let original = fundplan::catalog::embedded("nm-2017").unwrap();
    crate::catalog::click_button(&mut h, "目录");
    crate::catalog::retype(&mut h, "C03 英文名称", "Crop and herd fund");
    assert_eq!(draft_state(&mut h), (true, true));

    open_switch(&mut h);
    click(&mut h, "nm-2021（2021—2025）");
    click(&mut h, "确定");
    assert_eq!(h.state().doc().catalog().id, "nm-2021");
    assert_eq!(draft_state(&mut h), (false, false), "nm-2021 is not edited");

    // Undo the switch: the edited nm-2017 is back, and so is its draft.
    ctrl(&mut h, Key::Z);
    let c03 = |h: &H| {
        h.state()
            .doc()
            .catalog()
            .line("C03")
            .unwrap()
            .name_en
            .clone()
    };
    assert_eq!(h.state().doc().catalog().id, "nm-2017");
    assert_eq!(c03(&h), "Crop and herd fund");
    assert_eq!(draft_state(&mut h), (true, true), "the draft came back");
    // Redo and undo again: still the same draft.
    ctrl(&mut h, Key::Y);
    assert_eq!(h.state().doc().catalog().id, "nm-2021");
    ctrl(&mut h, Key::Z);
    assert_eq!(
        draft_state(&mut h),
        (true, true),
        "the draft came back again"
    );

    // Undo of a plain plan edit (the year) leaves the draft as it is.
    ctrl(&mut h, Key::Z);
    assert_ne!(h.state().doc().plan().year, 2021, "the year edit undone");
    assert_eq!(c03(&h), "Crop and herd fund");
    assert_eq!(draft_state(&mut h), (true, true), "a plan edit undone");

    // 还原 goes back to the catalog as it was before any edit.
    crate::catalog::click_button(&mut h, "还原");
    assert_eq!(h.state().doc().catalog(), &original);
    assert_eq!(draft_state(&mut h), (false, false));
}
