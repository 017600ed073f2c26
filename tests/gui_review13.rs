//! Issue 13 in the app: only the reviewer changes the review, and a plan
//! sealed again after a return is 待复审.

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fundplan::digest::seal;
use fundplan::file;
use fundplan::gui::{Action, FundplanApp, Screen};
use fundplan::plan::{Comment, Decision, Review};

/// A submitted copy of the sample, returned by the league with one comment.
fn returned() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wuchuan-2020-r1.ron");
    let mut plan = seal(
        &common::load(&common::sample_path()),
        "2020-03-15T10:00:00+08:00".into(),
        0,
    );
    plan.review = Some(Review {
        reviewer: "呼和浩特市财政局".into(),
        at: "2020-03-20T16:30:00+08:00".into(),
        decision: Decision::Returned,
        comments: vec![Comment {
            target: "sources[C09].document".into(),
            text: "文号有误".into(),
            author: "呼和浩特市财政局".into(),
            at: "2020-03-20T16:00:00+08:00".into(),
            resolved: None,
        }],
        history: Vec::new(),
    });
    file::save_plan(&plan, &path).unwrap();
    (dir, path)
}

fn open(h: &mut Harness<'_, FundplanApp>, path: &std::path::Path) {
    h.state_mut().push(Action::Open(path.to_path_buf()));
    h.run();
}

/// Clicks 允许修改 in the strip and confirms it, as the county does.
fn allow_editing(h: &mut Harness<'_, FundplanApp>) {
    h.get_by_role_and_label(Role::Button, "允许修改").click();
    h.run();
    h.get_all_by_role_and_label(Role::Button, "允许修改")
        .last()
        .unwrap()
        .click();
    h.run();
    assert!(!h.state().doc().is_read_only());
}

fn review(h: &Harness<'_, FundplanApp>) -> Review {
    h.state().doc().plan().review.clone().unwrap()
}

#[test]
fn the_county_cannot_change_the_decision_or_delete_a_comment_in_edit_mode() {
    let (_dir, path) = returned();
    let mut h = common::app();
    open(&mut h, &path);
    allow_editing(&mut h);
    h.state_mut().push(Action::Go(Screen::Review));
    h.run();
    // 审核通过 on its own returned plan: nothing happens.
    h.get_by_label("审核通过").click();
    h.run();
    assert_eq!(review(&h).decision, Decision::Returned);
    assert_eq!(review(&h).reviewer, "呼和浩特市财政局");
    // No delete button for the reviewer's comment while editing.
    assert!(h.query_by_label("×").is_none());
    assert_eq!(review(&h).comments.len(), 1);

    // What the county may do: mark it 已处理 with its own note.
    h.get_by_label("意见 1 处理说明").focus();
    h.run();
    h.get_by_label("意见 1 处理说明")
        .type_text("已改为内财农〔2020〕1号");
    h.run();
    h.get_by_role_and_label(Role::Button, "标记已处理").click();
    h.run();
    let r = review(&h);
    assert_eq!(r.comments[0].text, "文号有误", "the reviewer's text stays");
    let resolved = r.comments[0].resolved.clone().expect("marked 已处理");
    assert_eq!(resolved.note, "已改为内财农〔2020〕1号");
    assert!(resolved.at.ends_with("+08:00"));
    assert_eq!(r.decision, Decision::Returned);
    h.get_by_label("已处理：已改为内财农〔2020〕1号");
}

#[test]
fn in_review_mode_a_decision_needs_the_reviewers_name_and_records_it() {
    let (_dir, path) = returned();
    let mut h = common::app();
    open(&mut h, &path);
    assert!(h.state().doc().is_read_only());
    h.state_mut().push(Action::Go(Screen::Review));
    h.run();
    h.get_by_label("审核通过").click();
    h.run();
    assert_eq!(
        review(&h).decision,
        Decision::Returned,
        "no name, no decision"
    );
    h.get_by_label("请先在“审核意见”页填写审核人，再添加意见或作出结论。");
    h.get_by_role_and_label(Role::Button, "确定").click();
    h.run();

    h.get_by_label("审核人").focus();
    h.run();
    h.get_by_label("审核人").type_text("包头市财政局");
    h.run();
    h.get_by_label("审核通过").click();
    h.run();
    let r = review(&h);
    assert_eq!(
        (r.decision, r.reviewer.as_str()),
        (Decision::Approved, "包头市财政局")
    );
}

#[test]
fn a_plan_sealed_again_after_a_return_shows_awaiting_review() {
    let (_dir, path) = returned();
    let mut h = common::app();
    open(&mut h, &path);
    h.get_by_label("审核：退回修改");
    allow_editing(&mut h);
    h.get_by_label("C14 未纳入整合原因").focus();
    h.run();
    h.get_by_label("C14 未纳入整合原因").type_text("。");
    h.run();
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("提交方案…").click();
    h.run();
    h.get_by_label("方案已通过校验并加盖提交印记。");
    h.get_by_role_and_label(Role::Button, "确定").click();
    h.run();
    h.get_by_label("审核：待复审");
    let r = review(&h);
    assert_eq!(r.decision, Decision::Pending);
    assert_eq!(r.history.len(), 1, "round 1 kept");
    assert_eq!(r.history[0].decision, Decision::Returned);
    assert_eq!(r.history[0].comments[0].text, "文号有误");
    // Saved so: the league's roll-up says resubmitted too.
    let saved = file::load_plan(&path).unwrap();
    assert_eq!(
        fundplan::summary::Status::of(&saved),
        fundplan::summary::Status::Resubmitted
    );
    // The earlier round is shown, read-only.
    h.state_mut().push(Action::Go(Screen::Review));
    h.run();
    h.get_by_label("审核历史");
    h.get_by_label("第 1 轮 · 退回修改 · 呼和浩特市财政局 · 2020-03-20T16:30:00+08:00");
}
