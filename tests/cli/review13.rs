//! Issue 13, core and command line: the review's statuses (incl. 待复审), which
//! file counts in a roll-up, the v2 seal and the receipt register.

use crate::common;

use std::path::{Path, PathBuf};

use common::*;
use fundplan_core::digest::{SealState, seal_state};
use fundplan_core::file;
use fundplan_core::plan::{Decision, Plan, Review};
use fundplan_core::register::{Decided, Receipt, update};
use serde_json::Value;

use common::fundplan_cli as fundplan;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `fundplan submit FILE [-o OUT]`, which must succeed.
fn submit(path: &Path, out: Option<&Path>) {
    let mut args = vec!["submit", s(path)];
    if let Some(o) = out {
        args.extend(["-o", s(o)]);
    }
    let o = fundplan(&args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The sample as banner `code`, saved to `dir/name`.
fn plan_as(dir: &Path, name: &str, code: &str) -> PathBuf {
    let mut plan = load(&sample_path());
    plan.county.code = code.to_string();
    let path = dir.join(name);
    file::save_plan(&plan, &path).unwrap();
    path
}

/// The reviewer's decision written into a file (what the app's review mode saves).
fn decide(path: &Path, decision: Decision) {
    let mut plan = load(path);
    plan.review = Some(Review {
        reviewer: "呼和浩特市财政局 农业科".into(),
        at: "2020-03-20T16:30:00+08:00".into(),
        decision,
        ..Review::default()
    });
    file::save_plan(&plan, path).unwrap();
}

/// Changes the content by editing the file's text, as anyone could.
fn edit_text(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let changed = text.replacen("households: ", "households: 1", 1);
    assert_ne!(changed, text);
    std::fs::write(path, changed).unwrap();
}

fn summary_json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["summary", "--json"];
    all.extend(args);
    let o = fundplan(&all);
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
    (o.status.code().unwrap_or(-1), v)
}

fn row<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| Path::new(r["file"].as_str().unwrap()).file_name() == Some(name.as_ref()))
        .unwrap_or_else(|| panic!("no row for {name}: {v}"))
}

#[test]
fn summary_json_has_every_status_including_resubmitted() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    plan_as(d, "draft.ron", "150101");
    submit(&plan_as(d, "submitted.ron", "150102"), None);
    let modified = plan_as(d, "modified.ron", "150103");
    submit(&modified, None);
    edit_text(&modified);
    let returned = plan_as(d, "returned.ron", "150104");
    submit(&returned, None);
    decide(&returned, Decision::Returned);
    let resubmitted = plan_as(d, "resubmitted.ron", "150105");
    submit(&resubmitted, None);
    decide(&resubmitted, Decision::Returned);
    submit(&resubmitted, None);
    let approved = plan_as(d, "approved.ron", "150106");
    submit(&approved, None);
    decide(&approved, Decision::Approved);

    let (_, v) = summary_json(&["--no-register", s(d)]);
    for (name, status) in [
        ("draft.ron", "draft"),
        ("submitted.ron", "submitted"),
        ("modified.ron", "modified"),
        ("returned.ron", "returned"),
        ("resubmitted.ron", "resubmitted"),
        ("approved.ron", "approved"),
    ] {
        assert_eq!(row(&v, name)["status"], status, "{name}");
    }
    // The earlier decision stays, read-only, as round 1 of the history.
    let text = std::fs::read_to_string(&resubmitted).unwrap();
    assert!(text.contains("history:"), "{text}");
    assert!(!d.join("fundplan-register.ron").exists(), "--no-register");
}

#[test]
fn a_sealed_plan_counts_over_the_edited_draft_whatever_the_names() {
    // The README's own workflow: submit to a copy, then keep editing plan.ron.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let plan = plan_as(d, "plan.ron", "150125");
    submit(&plan, Some(&d.join("plan-submitted.ron")));
    let mut draft = load(&plan);
    draft.sources[0].integrated = draft.sources[0].allocated + yuan("1.00");
    file::save_plan(&draft, &plan).unwrap();
    // "plan.ron" < "plan-submitted.ron"? No: '-' sorts before '.', so the
    // draft is last in path order, which used to decide.
    let (_, v) = summary_json(&["--no-register", s(d)]);
    assert_eq!(row(&v, "plan.ron")["superseded"], true, "{v}");
    assert_eq!(row(&v, "plan-submitted.ron")["superseded"], false);
    assert_eq!(v["totals"]["plans"], 1);
    assert_eq!(
        v["totals"]["errors"], 0,
        "the draft's errors are not counted"
    );
}

#[test]
fn among_sealed_files_the_later_seal_counts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let base = load(&sample_path());
    let later = fundplan_core::digest::seal(&base, "2020-03-16T09:00:00+08:00".into(), 0);
    let earlier = fundplan_core::digest::seal(&base, "2020-03-15T09:00:00+08:00".into(), 0);
    // Names chosen so that path order would pick the earlier one.
    file::save_plan(&later, &d.join("a-later.ron")).unwrap();
    file::save_plan(&earlier, &d.join("b-earlier.ron")).unwrap();
    let (_, v) = summary_json(&["--no-register", s(d)]);
    assert_eq!(row(&v, "a-later.ron")["superseded"], false, "{v}");
    assert_eq!(row(&v, "b-earlier.ron")["superseded"], true);
}

/// `d/wuchuan.ron` submitted and rolled up once: registered as new.
fn registered(d: &Path) -> PathBuf {
    let plan = plan_as(d, "wuchuan.ron", "150125");
    submit(&plan, None);
    let (code, v) = summary_json(&[s(d)]);
    assert_eq!(code, 0);
    assert_eq!(row(&v, "wuchuan.ron")["register"], "new");
    plan
}

#[test]
fn the_register_flags_a_resealed_edit_and_validate_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let plan = registered(d);
    let register = d.join("fundplan-register.ron");
    let text = std::fs::read_to_string(&register).unwrap();
    let digest = load(&plan).submission.unwrap().digest;
    assert!(text.contains(&digest) && text.contains("150125"), "{text}");

    let (_, v) = summary_json(&[s(d)]);
    assert_eq!(row(&v, "wuchuan.ron")["register"], "match");
    assert_eq!(
        v["plans"].as_array().unwrap().len(),
        1,
        "the register is no plan"
    );

    // Edited and sealed again: the seal holds, the register does not.
    edit_text(&plan);
    submit(&plan, None);
    assert_eq!(seal_state(&load(&plan)), SealState::Intact);
    let (_, v) = summary_json(&[s(d)]);
    assert_eq!(row(&v, "wuchuan.ron")["register"], "mismatch");
    assert_eq!(row(&v, "wuchuan.ron")["status"], "submitted");
    let out = fundplan(&["summary", s(d)]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("与登记不符"));
    assert_eq!(
        fundplan(&["validate", s(&plan)]).status.code(),
        Some(0),
        "validate's exit status does not look at the register"
    );
    // The mismatch is not registered: it stays flagged.
    assert_eq!(std::fs::read_to_string(&register).unwrap(), text);
}

#[test]
fn a_resubmission_after_a_return_is_registered_not_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let plan = registered(d);
    // The league returns it, as the app's 退回修改 does: recorded in the register.
    let receipt = Receipt::sealed(&load(&plan), SealState::Intact);
    let returned = Decided {
        decision: Decision::Returned,
        reviewer: "呼和浩特市财政局 农业科".into(),
        at: "2020-03-20T16:30:00+08:00".into(),
    };
    let register = d.join("fundplan-register.ron");
    update(&register, |r| r.decide(&receipt, returned, "t"))
        .unwrap()
        .unwrap();
    decide(&plan, Decision::Returned);
    let (_, v) = summary_json(&[s(d)]);
    assert_eq!(row(&v, "wuchuan.ron")["status"], "returned");
    assert_eq!(row(&v, "wuchuan.ron")["review"], "registered");
    edit_text(&plan);
    submit(&plan, None);
    let (_, v) = summary_json(&[s(d)]);
    assert_eq!(row(&v, "wuchuan.ron")["status"], "resubmitted");
    assert_eq!(row(&v, "wuchuan.ron")["register"], "new");
    assert_eq!(row(&v, "wuchuan.ron")["counted"], true);
}

#[test]
fn a_broken_register_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    submit(&plan_as(d, "wuchuan.ron", "150125"), None);
    let register = d.join("fundplan-register.ron");
    std::fs::write(&register, "(format: \"fundplan-register\", entries: [oops").unwrap();
    let o = fundplan(&["summary", "--json", "--lang", "en", s(d)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("receipt register"));
    assert_eq!(
        std::fs::read_to_string(&register).unwrap(),
        "(format: \"fundplan-register\", entries: [oops"
    );
}

#[test]
fn the_apps_settings_file_is_not_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    plan_as(d, "wuchuan.ron", "150125");
    std::fs::write(
        d.join("app.ron"),
        "{\n    \"fundplan-prefs\": \"(lang: Zh)\",\n}\n",
    )
    .unwrap();
    let (code, v) = summary_json(&["--no-register", s(d)]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["plans"].as_array().unwrap().len(), 1);
    assert!(v["load_errors"].as_array().unwrap().is_empty());
}

#[test]
fn an_old_v1_seal_stays_intact_and_new_seals_cover_their_own_fields() {
    let v1 = load(&root("tests/fixtures/sealed-v1.ron"));
    let digest = &v1.submission.as_ref().unwrap().digest;
    assert!(digest.starts_with("sha256:"), "{digest}");
    assert_eq!(seal_state(&v1), SealState::Intact);

    let sealed =
        fundplan_core::digest::seal(&load(&sample_path()), "2020-03-15T10:00:00+08:00".into(), 2);
    assert!(
        sealed
            .submission
            .as_ref()
            .unwrap()
            .digest
            .starts_with("sha256v2:")
    );
    assert_eq!(seal_state(&sealed), SealState::Intact);
    let edits: [fn(&mut Plan); 3] = [
        |p| p.submission.as_mut().unwrap().at = "2020-03-01T10:00:00+08:00".into(),
        |p| p.submission.as_mut().unwrap().app = "fundplan 9.9".into(),
        |p| p.submission.as_mut().unwrap().warnings = 0,
    ];
    for edit in edits {
        let mut p = sealed.clone();
        edit(&mut p);
        assert_eq!(seal_state(&p), SealState::Broken);
    }
    // Review comments still never break it.
    let mut reviewed = sealed.clone();
    reviewed.review = Some(Review {
        reviewer: "x".into(),
        ..Review::default()
    });
    assert_eq!(seal_state(&reviewed), SealState::Intact);
}

/// Sealed files committed once and never rewritten, with the SHA-256 of their
/// bytes and the digest their seal records. No `UPDATE_FIXTURES` run writes
/// them; the byte hash makes any rewrite fail here.
const SEALED_FIXTURES: [(&str, &str, &str); 2] = [
    (
        "tests/fixtures/sealed-v1.ron",
        "54599a8214d0b8a1c4d45315bdc3fc96aab5cd3edc4fd963a2f0d89d6b62ee7d",
        "sha256:e5a09bf1d051fa1cf663a7cbbca8cb6df3d0319b0041edb77d388fe60e44404f",
    ),
    (
        "tests/fixtures/sealed-v2.ron",
        "91e8f3e4b787da29e797e93c4589f7efac7cf1cc7454b9682cb167613c231106",
        "sha256v2:00901c2d072f33ee951ce52d7038f5c49b32861c7308b9798ec6f817f3905694",
    ),
];

#[test]
fn committed_sealed_fixtures_stay_intact_forever() {
    use sha2::{Digest as _, Sha256};
    for (path, bytes_sha256, seal) in SEALED_FIXTURES {
        let bytes = std::fs::read(root(path)).unwrap();
        let hash: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hash, bytes_sha256, "{path} was rewritten");
        let plan = load(&root(path));
        assert_eq!(plan.submission.as_ref().unwrap().digest, seal, "{path}");
        // A new field in `Plan` must not enter the v1 or v2 digest
        // (src/digest.rs pins what each covers): these seals hold forever.
        assert_eq!(seal_state(&plan), SealState::Intact, "{path}");
        let recomputed = if seal.starts_with(fundplan_core::digest::V2) {
            fundplan_core::digest::digest_v2(&plan)
        } else {
            fundplan_core::digest::digest(&plan)
        };
        assert_eq!(recomputed, seal, "{path}");
    }
}

#[test]
fn old_files_resave_byte_identical() {
    for path in [
        root("tests/fixtures/sealed-v1.ron"),
        root("tests/fixtures/sealed-v2.ron"),
        sample_path(),
    ] {
        let text = std::fs::read_to_string(&path).unwrap();
        let plan = load(&path);
        assert_eq!(file::plan_to_string(&plan), text, "{}", path.display());
    }
}

#[test]
fn review_rounds_and_resolutions_take_the_fast_path_and_mean_what_ron_reads() {
    use fundplan_core::file::canonical;
    use fundplan_core::plan::{Comment, Resolution};
    let mut plan =
        fundplan_core::digest::seal(&load(&sample_path()), "2020-03-15T10:00:00+08:00".into(), 1);
    let comment = |resolved: bool| Comment {
        target: "projects[P001].targets".into(),
        text: "绩效目标未量化".into(),
        author: "呼和浩特市财政局".into(),
        at: "2020-03-20T16:00:00+08:00".into(),
        resolved: resolved.then(|| Resolution {
            note: "已补充\"产量\"指标".into(),
            at: "2020-03-22T09:00:00+08:00".into(),
        }),
    };
    let mut review = Review {
        reviewer: "呼和浩特市财政局".into(),
        at: "2020-03-20T16:30:00+08:00".into(),
        decision: Decision::Returned,
        comments: vec![comment(true), comment(false)],
        ..Review::default()
    };
    review.start_new_round("sha256v2:ab");
    review.comments.push(comment(false));
    plan.review = Some(review);
    let text = file::plan_to_string(&plan);
    let fast = canonical::parse(&text).expect("fast path");
    let slow = file::parse_plan_with_ron(&text, Path::new("x.ron")).unwrap();
    assert_eq!(fast, slow);
    assert_eq!(fast, plan);
    // Without the optional fields the text is what older fundplan wrote.
    assert!(!file::plan_to_string(&load(&sample_path())).contains("history"));
}
