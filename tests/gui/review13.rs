//! Issue 13 in the app: only the reviewer changes the review, and a plan
//! sealed again after a return is 待复审.

use crate::common;

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

fn review(h: &Harness<'_, FundplanApp>) -> Review {
    h.state().doc().plan().review.clone().unwrap()
}

#[test]
fn the_county_cannot_change_the_decision_or_delete_a_comment_in_edit_mode() {
    let (_dir, path) = returned();
    let mut h = common::app();
    common::open_in(&mut h, &path);
    common::allow_editing(&mut h);
    h.state_mut().push(Action::Go(Screen::Review));
    h.run();
    // 审核通过 on its own returned plan: nothing happens.
    h.get_by_label("审核通过").click();
    h.run();
    assert_eq!(review(&h).decision, Decision::Returned);
    assert_eq!(review(&h).reviewer, "呼和浩特市财政局");
    // Targets read as words, in accessible names too; no raw paths anywhere.
    h.get_by_label("C09 下达文号");
    assert!(h.query_by_label_contains("sources[").is_none());
    h.state_mut().push(Action::Go(Screen::Sources));
    h.run();
    h.get_by_label("C09 批注");
    assert!(h.query_by_label_contains("sources[").is_none());
    h.state_mut().push(Action::Go(Screen::Review));
    h.run();
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
    common::open_in(&mut h, &path);
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

    common::type_into(&mut h, "审核人", "包头市财政局");
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
    let (dir, path) = returned();
    // The league keeps the file it returned beside the one that comes back.
    let kept = dir.path().join("wuchuan-2020-r1-returned.ron");
    std::fs::copy(&path, &kept).unwrap();
    let mut h = common::app();
    common::open_in(&mut h, &path);
    h.get_by_label("审核：退回修改");
    common::allow_editing(&mut h);
    common::type_into(&mut h, "C14 未纳入整合原因", "。");
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("提交方案…").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "确认提交").click();
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
    h.get_by_label("第 1 轮 · 退回修改 · 呼和浩特市财政局 · 2020年3月20日 16:30");
    // 提交于 in local time, not RFC 3339 (the seal was made just now).
    let at = h.state().doc().plan().submission.clone().unwrap().at;
    h.get_by_label(&format!(
        "提交于 {}",
        fundplan::digest::readable_time(&at, fundplan::Lang::Zh)
    ));
    // The diff against the returned revision is one click away.
    h.get_by_label("与该轮审核的版本比较").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Compare);
    h.get_by_label_contains("wuchuan-2020-r1-returned.ron");
    h.get_by_label_contains("C14");
}

/// The returned plan with its comment moved to `target`, and `edit` applied.
fn returned_with(
    target: &str,
    edit: impl FnOnce(&mut fundplan::plan::Plan),
) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = returned();
    let mut plan = file::load_plan(&path).unwrap();
    edit(&mut plan);
    if let Some(r) = &mut plan.review {
        r.comments[0].target = target.to_string();
    }
    let plan = seal(&plan, "2020-03-15T10:00:00+08:00".into(), 0);
    file::save_plan(&plan, &path).unwrap();
    (dir, path)
}

#[test]
fn jumping_from_a_comment_scrolls_to_a_row_below_the_fold_and_focuses_it() {
    let sample = common::load(&common::sample_path());
    let line = sample.sources.last().unwrap().line.clone();
    let target = format!("sources[{line}].reason");
    let (_dir, path) = returned_with(&target, |_| {});
    // The reviewer (read-only: scrolled into view) and the county (editing:
    // scrolled to and focused).
    for editing in [false, true] {
        let mut h = common::app();
        common::open_in(&mut h, &path);
        if editing {
            common::allow_editing(&mut h);
        }
        let field = format!("{line} 未纳入整合原因");
        h.state_mut().push(Action::Go(Screen::Sources));
        h.run();
        assert!(
            h.query_by_label(&field).is_none(),
            "the last line is below the fold (rows are drawn only when visible)"
        );
        h.state_mut().push(Action::Go(Screen::Review));
        h.run();
        // The comment names its target in words, also as accessible name.
        h.get_by_label(&format!("{line} 未纳入原因")).click();
        h.run();
        assert_eq!(h.state().screen(), Screen::Sources);
        let node = h.get_by_label(&field);
        assert_eq!(node.is_focused(), editing, "focused when editing");
    }
}

#[test]
fn read_only_texts_and_comments_show_in_full_on_hover() {
    let long = "上级补助资金已于年初按文件规定全部用于本县农村牧区人居环境整治专项，不属于本次统筹整合范围，经县政府常务会议研究同意不纳入整合。";
    let sample = common::load(&common::sample_path());
    let line = sample.sources[0].line.clone();
    let (_dir, path) = returned_with(&format!("sources[{line}].reason"), |p| {
        p.sources[0].reason = long.to_string();
        p.sources[0].integrated = p.sources[0].allocated - common::yuan("1.00");
    });
    let mut h = common::app();
    common::open_in(&mut h, &path);
    assert!(h.state().doc().is_read_only());
    h.state_mut().push(Action::Go(Screen::Sources));
    h.run();
    h.get_by_label(&format!("{line} 未纳入整合原因")).hover();
    h.run();
    let tip = format!("{long}\n\n审核意见：\n文号有误");
    assert!(
        h.get_all_by_label(&tip).next().is_some(),
        "the whole text on hover"
    );
}

#[test]
fn the_register_flags_a_resealed_edit_in_the_rollup_and_the_strip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wuchuan.ron");
    let plan = seal(
        &common::load(&common::sample_path()),
        "2020-03-15T10:00:00+08:00".into(),
        0,
    );
    file::save_plan(&plan, &path).unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut h = common::app();
    h.state_mut()
        .push(Action::Summarize(vec![dir.path().to_path_buf()]));
    h.run();
    assert!(h.query_by_label("与登记不符").is_none());
    assert!(dir.path().join("fundplan-register.ron").exists());

    // Someone edits the file and seals it again: the seal holds ...
    let mut edited = plan.clone();
    edited.projects[0].households += 1;
    file::save_plan(&seal(&edited, "2020-03-15T10:00:00+08:00".into(), 0), &path).unwrap();
    h.get_by_role_and_label(Role::Button, "重新读取").click();
    h.run();
    // ... but the roll-up says it is not what was received.
    h.get_by_label("与登记不符");

    // A single file opened for review, from a folder without a register, is
    // registered in the app's data folder.
    let alone = tempfile::tempdir().unwrap();
    let single = alone.path().join("wuchuan.ron");
    std::fs::copy(&path, &single).unwrap();
    let mut h = common::app();
    let h_app = std::mem::replace(h.state_mut(), FundplanApp::with_prefs(Default::default()));
    *h.state_mut() = h_app.with_register_dir(Some(data.path().to_path_buf()));
    common::open_in(&mut h, &single);
    h.get_by_label("新登记");
    assert!(data.path().join("fundplan-register.ron").exists());
    assert!(!alone.path().join("fundplan-register.ron").exists());
    file::save_plan(&seal(&plan, "2020-03-15T10:00:00+08:00".into(), 0), &single).unwrap();
    common::open_in(&mut h, &single);
    h.get_by_label("与登记不符");
    // From a folder the league rolls up, that folder's register is the one in use.
    common::open_in(&mut h, &path);
    h.get_by_label("与登记不符");
}

#[test]
fn the_change_column_of_the_comparison_sits_under_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("r1.ron");
    std::fs::copy(common::sample_path(), &old).unwrap();
    let mut new = common::load(&common::sample_path());
    new.projects.remove(0);
    new.sources[0].allocated += common::yuan("10000.00");
    let new_path = dir.path().join("r2.ron");
    file::save_plan(&new, &new_path).unwrap();
    let mut h = common::app();
    common::open_in(&mut h, &new_path);
    h.state_mut()
        .push(Action::Picked(fundplan::gui::FileAction::Compare, old));
    h.run();
    let header = h.get_by_label("增减").rect();
    // The totals grid comes first; the line's own change is listed below it.
    let delta = h.get_all_by_label("+1.00").next().unwrap().rect();
    assert!(
        (delta.right() - header.right()).abs() < 4.0,
        "增减 {header:?}, its number {delta:?}"
    );
}

#[test]
fn every_rollup_column_can_be_reached_in_a_narrow_window() {
    let dir = tempfile::tempdir().unwrap();
    let plan = common::load(&common::sample_path());
    file::save_plan(&plan, &dir.path().join("wuchuan.ron")).unwrap();
    let mut h = egui_kittest::Harness::builder()
        .with_size([900.0, 700.0])
        .with_max_steps(16)
        .build_eframe(|cc| {
            fundplan::gui::fonts::install(&cc.egui_ctx);
            FundplanApp::with_prefs(fundplan::gui::Prefs::default())
        });
    h.run();
    h.state_mut()
        .push(Action::Summarize(vec![dir.path().to_path_buf()]));
    h.run();
    let last = fundplan::gui::Column::ALL
        .last()
        .unwrap()
        .label(fundplan::Lang::Zh);
    assert!(h.get_by_role_and_label(Role::Button, last).rect().right() > 900.0);
    h.get_by_role_and_label(Role::Button, last).scroll_to_me();
    h.run();
    let rect = h.get_by_role_and_label(Role::Button, last).rect();
    assert!(rect.right() <= 900.0, "{last} at {rect:?}");
}

/// Issue 22 item 7: at 1280×800 the roll-up's 错误/警告 were past the right
/// edge; each column is now as wide as its heading or content, so all fourteen
/// fit, in both languages.
#[test]
fn every_rollup_column_fits_1280_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let plan = common::load(&common::sample_path());
    file::save_plan(&plan, &dir.path().join("wuchuan.ron")).unwrap();
    for lang in [fundplan::Lang::Zh, fundplan::Lang::En] {
        let mut h = common::app_sized([1280.0, 800.0]);
        if lang == fundplan::Lang::En {
            h.get_by_role_and_label(Role::Button, "English").click();
            h.run();
        }
        h.state_mut()
            .push(Action::Summarize(vec![dir.path().to_path_buf()]));
        h.run();
        for c in fundplan::gui::Column::ALL {
            let rect = h.get_by_role_and_label(Role::Button, c.label(lang)).rect();
            assert!(
                rect.right() <= 1280.0,
                "{lang:?} {} at {rect:?}",
                c.label(lang)
            );
        }
    }
}

#[test]
fn undo_while_editing_does_not_take_back_the_reviewers_comment() {
    let (_dir, path) = returned();
    let mut h = common::app();
    common::open_in(&mut h, &path);
    h.state_mut().push(Action::Go(Screen::Review));
    h.run();
    common::type_into(&mut h, "审核人", "呼和浩特市财政局");
    h.get_by_label("＋ 总体意见").click();
    h.run();
    common::type_into(&mut h, "意见", "请补充绩效目标");
    h.get_by_role_and_label(Role::Button, "添加").click();
    h.run();
    assert_eq!(review(&h).comments.len(), 2);
    common::allow_editing(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(review(&h).comments.len(), 2, "the reviewer's comment stays");
}
