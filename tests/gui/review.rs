//! The league reviewer's side of the app: review mode, comments, decision,
//! comparing revisions and the roll-up.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use fundplan::digest::{SealState, seal, seal_state};
use fundplan::file;
use fundplan::gui::{Action, FundplanApp, Screen};
use fundplan::plan::Decision;
use fundplan::validate::Rule;

fn harness() -> Harness<'static, FundplanApp> {
    common::app()
}

/// A submitted copy of the sample in a temporary folder.
fn submitted() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wuchuan-2020-r1.ron");
    let plan = common::load(&common::sample_path());
    file::save_plan(&seal(&plan, "2020-03-15T10:00:00+08:00".into(), 0), &path).unwrap();
    (dir, path)
}

fn open(h: &mut Harness<'_, FundplanApp>, path: &std::path::Path) {
    h.state_mut().push(Action::Open(path.to_path_buf()));
    h.run();
}

#[test]
fn a_submitted_plan_opens_read_only_and_comments_keep_the_seal() {
    let (_dir, path) = submitted();
    let mut h = harness();
    open(&mut h, &path);
    assert!(h.state().doc().is_read_only());
    h.get_by_label("已提交且未改动");
    h.get_by_label("审核模式：只读");

    // Typing into a field changes nothing.
    h.get_by_label("C03 纳入整合金额").focus();
    h.run();
    h.get_by_label("C03 纳入整合金额").type_text("1");
    h.run();
    assert_eq!(seal_state(h.state().doc().plan()), SealState::Intact);

    // Comments are the reviewer's: the name first (issue 13).
    h.state_mut().push(Action::Go(Screen::Review));
    h.run();
    h.get_by_label("审核人").focus();
    h.run();
    h.get_by_label("审核人").type_text("呼和浩特市财政局");
    h.run();
    h.state_mut().push(Action::Go(Screen::Sources));
    h.run();

    // Comment on a row through its button.
    h.get_by_label("C03 批注").click();
    h.run();
    h.get_by_label("意见").focus();
    h.run();
    h.get_by_label("意见").type_text("请核实下达文号");
    h.run();
    h.get_by_role_and_label(Role::Button, "添加").click();
    h.run();
    let review = h.state().doc().plan().review.clone().unwrap();
    assert_eq!(review.comments.len(), 1);
    assert_eq!(review.comments[0].target, "sources[C03]");
    assert_eq!(review.comments[0].author, "呼和浩特市财政局");
    assert!(review.comments[0].at.ends_with("+08:00"));
    h.get_by_label("C03 批注 1");

    // Saved and reloaded: the comment is there and the seal still holds.
    h.state_mut().save_to(path.clone()).unwrap();
    let reloaded = file::load_plan(&path).unwrap();
    assert_eq!(reloaded.review.unwrap().comments[0].text, "请核实下达文号");
    assert_eq!(
        seal_state(&file::load_plan(&path).unwrap()),
        SealState::Intact
    );
    assert!(!h.state().doc().report().has(Rule::D01));
}

/// A submitted plan open, 允许修改 clicked: the question is shown.
fn asking_to_allow_editing() -> (tempfile::TempDir, Harness<'static, FundplanApp>) {
    let (dir, path) = submitted();
    let mut h = harness();
    open(&mut h, &path);
    h.get_by_role_and_label(Role::Button, "允许修改").click();
    h.run();
    h.get_by_label("允许修改已提交的方案？");
    (dir, h)
}

#[test]
fn editing_needs_the_switch_and_then_breaks_the_seal() {
    let (_dir, mut h) = asking_to_allow_editing();
    h.get_all_by_role_and_label(Role::Button, "允许修改")
        .last()
        .unwrap()
        .click();
    h.run();
    assert!(!h.state().doc().is_read_only());
    h.get_by_label("C14 未纳入整合原因").focus();
    h.run();
    h.get_by_label("C14 未纳入整合原因").type_text("。");
    h.run();
    assert!(h.state().doc().report().has(Rule::D01));
    h.get_by_label("提交后被修改（D01）");
}

#[test]
fn the_decision_is_recorded_with_name_and_time() {
    let (_dir, path) = submitted();
    let mut h = harness();
    open(&mut h, &path);
    h.state_mut().push(Action::Go(Screen::Review));
    h.run();
    h.get_by_label("审核人").focus();
    h.run();
    h.get_by_label("审核人")
        .type_text("呼和浩特市财政局 农业科");
    h.run();
    h.get_by_label("退回修改").click();
    h.run();
    let review = h.state().doc().plan().review.clone().unwrap();
    assert_eq!(review.decision, Decision::Returned);
    assert_eq!(review.reviewer, "呼和浩特市财政局 农业科");
    assert!(review.at.ends_with("+08:00"));
    assert_eq!(seal_state(h.state().doc().plan()), SealState::Intact);
}

#[test]
fn the_county_sees_each_comment_and_jumps_to_it() {
    let (_dir, path) = submitted();
    let mut plan = file::load_plan(&path).unwrap();
    plan.review = Some(fundplan::plan::Review {
        reviewer: "呼和浩特市财政局".into(),
        at: "2020-03-20T16:30:00+08:00".into(),
        decision: Decision::Returned,
        comments: vec![
            fundplan::plan::Comment {
                target: "sources[C09].document".into(),
                text: "文号有误".into(),
                ..Default::default()
            },
            fundplan::plan::Comment {
                target: String::new(),
                text: "总体意见：请补充绩效目标".into(),
                ..Default::default()
            },
        ],
        history: Vec::new(),
    });
    file::save_plan(&plan, &path).unwrap();
    let mut h = harness();
    open(&mut h, &path);
    h.state_mut().push(Action::Go(Screen::Review));
    h.run();
    h.get_by_label("文号有误");
    h.get_by_label("总体意见：请补充绩效目标");
    h.get_by_label("C09 下达文号").click();
    // One step: the outline is brief (it goes after 1.5 s; a step is 0.25 s).
    h.step();
    assert_eq!(h.state().screen(), Screen::Sources);
    // Read-only fields take no focus; the field is scrolled to and outlined.
    assert_eq!(h.state().flash(), Some("sources[C09].document"));
    h.run();
    common::allow_editing(&mut h);
    h.state_mut()
        .push(Action::JumpTo("sources[C09].document".into()));
    h.run();
    assert!(h.get_by_label("C09 下达文号").is_focused());
}

#[test]
fn compare_shows_what_the_adjustment_changed() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("r1.ron");
    std::fs::copy(common::sample_path(), &old).unwrap();
    let mut h = harness();
    let mut new = h.state().doc().plan().clone();
    new.projects.remove(3);
    let new_path = dir.path().join("r2.ron");
    file::save_plan(&new, &new_path).unwrap();
    open(&mut h, &new_path);
    h.state_mut()
        .push(Action::Picked(fundplan::gui::FileAction::Compare, old));
    h.run();
    assert_eq!(h.state().screen(), Screen::Compare);
    h.get_by_label("删除");
    h.get_by_label_contains("P004");
}

#[test]
fn the_rollup_lists_every_plan_sorts_and_opens_one() {
    let dir = tempfile::tempdir().unwrap();
    for seed in 0..3u64 {
        let plan = fundplan::sample::generate(
            &common::nm2017(),
            fundplan::sample::SampleOptions {
                projects: 10 + seed as usize,
                seed,
                year: 2020,
            },
        );
        file::save_plan(&plan, &dir.path().join(format!("p{seed}.ron"))).unwrap();
    }
    std::fs::copy(
        common::root("tests/fixtures/load/not-ron.ron"),
        dir.path().join("broken.ron"),
    )
    .unwrap();
    let mut h = harness();
    h.state_mut()
        .push(Action::Summarize(vec![dir.path().to_path_buf()]));
    h.run();
    assert_eq!(h.state().screen(), Screen::Summary);
    assert_eq!(
        h.query_all_by_label("武川县").count(),
        2,
        "the open plan and its row"
    );
    h.get_by_label("四子王旗");
    h.get_by_label("商都县");
    h.get_by_label("合计");
    h.get_by_label_contains("缺少逗号");
    h.get_by_role_and_label(Role::Button, "旗县").click();
    h.run();
    h.get_by_label("商都县").click();
    h.run();
    assert_eq!(h.state().doc().plan().county.name, "商都县");
}

/// An app that keeps the register of single plans in `data` (its data folder).
fn app_with_register(data: &std::path::Path) -> Harness<'static, FundplanApp> {
    let data = data.to_path_buf();
    common::harness(move || {
        FundplanApp::with_prefs(Default::default()).with_register_dir(Some(data))
    })
}

/// 审核意见 › 审核人 `name`, then the decision button `decision`.
fn decide_as(h: &mut Harness<'_, FundplanApp>, name: &str, decision: &str) {
    h.state_mut().push(Action::Go(Screen::Review));
    h.run();
    common::type_into(h, "审核人", name);
    h.get_by_label(decision).click();
    h.run();
}

#[test]
fn the_leagues_return_is_registered_and_the_resubmission_accepted() {
    let (dir, path) = submitted();
    let data = tempfile::tempdir().unwrap();
    let mut h = app_with_register(data.path());
    h.state_mut()
        .push(Action::Summarize(vec![dir.path().to_path_buf()]));
    h.run();
    // Opened from the roll-up: the folder's register is the one in use.
    open(&mut h, &path);
    h.get_by_label("与登记一致");
    decide_as(&mut h, "呼和浩特市财政局 农业科", "退回修改");
    h.state_mut().save_to(path.clone()).unwrap();
    let register = std::fs::read_to_string(dir.path().join("fundplan-register.ron")).unwrap();
    assert!(
        register.contains("Returned") && register.contains("呼和浩特市财政局 农业科"),
        "{register}"
    );
    assert!(!data.path().join("fundplan-register.ron").exists());

    // The county revises it and seals it again.
    let mut plan = common::load(&path);
    plan.projects[0].households += 1;
    let resealed = fundplan::submit::submit(&plan, &common::nm2017()).unwrap();
    file::save_plan(&resealed, &path).unwrap();
    h.state_mut()
        .push(Action::Summarize(vec![dir.path().to_path_buf()]));
    h.run();
    assert!(h.query_by_label("与登记不符").is_none());
    h.get_by_label("待复审");
    h.get_by_label_contains("1 个计入合计");
}

#[test]
fn a_decision_the_league_did_not_register_is_not_approved() {
    let (dir, path) = submitted();
    // The county switches its own app to review mode and approves.
    let county = tempfile::tempdir().unwrap();
    let mut h = app_with_register(county.path());
    open(&mut h, &path);
    decide_as(&mut h, "随便写的名字", "审核通过");
    assert_eq!(
        h.state().doc().plan().review.as_ref().unwrap().decision,
        Decision::Approved
    );
    h.state_mut().save_to(path.clone()).unwrap();

    // The league's app and its register never saw that decision.
    let league = tempfile::tempdir().unwrap();
    let mut h = app_with_register(league.path());
    open(&mut h, &path);
    h.get_by_label("审核状态与登记不符");
    h.get_by_label("审核：已提交");
    h.state_mut()
        .push(Action::Summarize(vec![dir.path().to_path_buf()]));
    h.run();
    assert_eq!(
        h.query_all_by_label("审核状态与登记不符").count(),
        2,
        "in the strip and in the plan's row"
    );
    assert!(h.query_by_label("已通过").is_none());
}

#[test]
fn the_rollup_counts_neither_of_two_conflicting_copies() {
    let (dir, path) = submitted();
    let mut copy = common::load(&path);
    copy.projects[0].households += 1;
    let copy = seal(&copy, "2020-03-16T10:00:00+08:00".into(), 0);
    file::save_plan(&copy, &dir.path().join("wuchuan-copy.ron")).unwrap();
    let mut h = harness();
    h.state_mut()
        .push(Action::Summarize(vec![dir.path().to_path_buf()]));
    h.run();
    assert_eq!(h.query_all_by_label("冲突").count(), 2);
    h.get_by_label_contains("0 个计入合计");
}

#[test]
fn no_decision_is_taken_on_a_copy_that_differs_from_the_register() {
    let (dir, path) = submitted();
    let mut h = harness();
    h.state_mut()
        .push(Action::Summarize(vec![dir.path().to_path_buf()]));
    h.run();
    let register = dir.path().join("fundplan-register.ron");
    let before = std::fs::read_to_string(&register).unwrap();
    // Replaced by an edited copy, sealed again.
    let mut copy = common::load(&path);
    copy.projects[0].households += 1;
    file::save_plan(&seal(&copy, "2020-03-16T10:00:00+08:00".into(), 0), &path).unwrap();
    open(&mut h, &path);
    h.get_by_label("与登记不符");
    decide_as(&mut h, "呼和浩特市财政局 农业科", "审核通过");
    assert!(h.state().doc().plan().review.is_none(), "not taken");
    h.get_by_label_contains("审核结论未登记，也未写入方案");
    assert_eq!(std::fs::read_to_string(&register).unwrap(), before);
}

#[test]
fn the_comment_dialog_takes_typing_at_once_and_asks_for_the_name_itself() {
    let (_dir, path) = submitted();
    let mut h = harness();
    open(&mut h, &path);
    assert!(h.state().prefs.reviewer.is_empty());
    // No 审核人 yet: the dialog opens with its text box focused…
    h.get_by_label("C03 批注").click();
    h.run();
    assert!(h.get_by_label("意见").is_focused(), "意见 has focus");
    common::type_keys(&mut h, "请核实下达文号");
    // …and, without a name, 添加 waits for one; the text stays.
    let add = h.get_by_role_and_label(Role::Button, "添加");
    assert!(add.accesskit_node().is_disabled());
    common::key_press(&mut h, egui::Key::Tab);
    assert!(h.get_by_label("审核人姓名").is_focused(), "Tab to the name");
    common::type_keys(&mut h, "呼和浩特市财政局");
    h.get_by_role_and_label(Role::Button, "添加").click();
    h.run();
    let review = h.state().doc().plan().review.clone().unwrap();
    assert_eq!(review.comments.len(), 1);
    assert_eq!(review.comments[0].text, "请核实下达文号");
    assert_eq!(review.comments[0].author, "呼和浩特市财政局");
    // The name is remembered: the next comment's dialog has it.
    assert_eq!(h.state().prefs.reviewer, "呼和浩特市财政局");
    h.get_by_label("C04 批注").click();
    h.run();
    assert_eq!(
        h.get_by_label("审核人姓名").value().as_deref(),
        Some("呼和浩特市财政局")
    );
}

#[test]
fn enter_confirms_allow_editing() {
    let (_dir, mut h) = asking_to_allow_editing();
    common::key_press(&mut h, egui::Key::Enter);
    assert!(!h.state().doc().is_read_only(), "Enter allows editing");
    assert!(h.state().dialog().is_none());
}

#[test]
fn the_click_after_an_info_box_is_closed_is_not_swallowed() {
    let (_dir, path) = submitted();
    let mut h = harness();
    open(&mut h, &path);
    h.state_mut().push(Action::Go(Screen::Review));
    h.run();
    // A decision without a reviewer's name: an info box says why.
    common::mouse_click_on(&mut h, Role::Button, "退回修改");
    assert!(h.state().dialog().is_some());
    // 确定, then a click on 审核人, in one burst (a fast hand; the pointer
    // events carry their positions): the second click comes in the first
    // frame without the dialog.
    let mut events = common::click_events(&h, Role::Button, "确定");
    events.extend(common::click_events(&h, Role::TextInput, "审核人"));
    events.retain(|e| !matches!(e, egui::Event::PointerMoved(_)));
    common::one_frame(&mut h, events);
    assert!(h.state().dialog().is_none());
    assert!(
        h.get_by_label("审核人").is_focused(),
        "the click focused it"
    );
}

#[test]
fn the_strip_reads_as_sentences_and_counts_the_comments_that_came_back() {
    // Issue 22 items 13 and 14: "Submitted, unchanged since  newly registered
    // submitted …" was three fragments; the county saw no sign of comments.
    let (_dir, path) = submitted();
    let mut plan = file::load_plan(&path).unwrap();
    let comment = |text: &str, resolved: bool| fundplan::plan::Comment {
        target: "sources[C09].document".into(),
        text: text.into(),
        resolved: resolved.then(|| fundplan::plan::Resolution {
            note: "已改".into(),
            at: "2020-03-21T09:00:00+08:00".into(),
        }),
        ..Default::default()
    };
    plan.review = Some(fundplan::plan::Review {
        reviewer: "呼和浩特市财政局".into(),
        at: "2020-03-20T16:30:00+08:00".into(),
        decision: Decision::Returned,
        comments: vec![
            comment("文号有误", true),
            comment("请补充", false),
            comment("请核实", false),
        ],
        history: Vec::new(),
    });
    file::save_plan(&plan, &path).unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut h = app_with_register(data.path());
    open(&mut h, &path);
    h.get_by_label("3 条审核意见（2 条未处理）");
    h.get_by_role_and_label(Role::Button, "English").click();
    h.run();
    let at = fundplan::digest::readable_time("2020-03-15T10:00:00+08:00", fundplan::Lang::En);
    h.get_by_label(&format!("Submitted on {at}, unchanged since"));
    h.get_by_label("Newly registered");
    h.get_by_label("3 comments (2 open)");
    assert!(h.query_by_label("Submitted, unchanged since").is_none());
    assert!(h.query_by_label_contains("submitted ").is_none());
    // The county's side, editing: the count is still there.
    h.get_by_role_and_label(Role::Button, "中文").click();
    h.run();
    common::allow_editing(&mut h);
    h.get_by_label("3 条审核意见（2 条未处理）");
}
