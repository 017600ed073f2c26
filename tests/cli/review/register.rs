//! Issue 21: the receipt register against forgery, concurrency and odd files,
//! through the command line (`summary`).

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::{fundplan, s};
use crate::common::*;
use fundplan_core::digest;
use fundplan_core::file;
use fundplan_core::plan::{Decision, Plan, Review};
use serde_json::Value as Json;

/// The sample as banner `code`, revision `revision`, sealed at `at`.
fn sealed(code: &str, revision: u32, at: &str) -> Plan {
    let mut plan = load(&sample_path());
    plan.county.code = code.into();
    plan.revision = revision;
    digest::seal(&plan, at.into(), 0)
}

/// `plan` with 50 万元 moved from its first project's first funding entry to
/// the second project's first entry of the same line, and sealed again at `at`:
/// still valid, same totals per line, another digest.
fn moved(plan: &Plan, at: &str) -> Plan {
    let mut copy = plan.clone();
    let line = copy.projects[0].funding[0].line.clone();
    let to = copy
        .projects
        .iter()
        .skip(1)
        .position(|p| p.funding.iter().any(|f| f.line == line))
        .unwrap()
        + 1;
    let wan50 = yuan("500000.00");
    copy.projects[0].funding[0].amount = copy.projects[0].funding[0].amount - wan50;
    let entry = copy.projects[to]
        .funding
        .iter_mut()
        .find(|f| f.line == line)
        .unwrap();
    entry.amount += wan50;
    digest::seal(&copy, at.into(), 0)
}

/// `fundplan summary --json ARGS` under a 60 s timeout (exit 124: it hung).
fn summary(args: &[&str]) -> (i32, Json, String) {
    let out = Command::new("timeout")
        .arg("60")
        .arg(env!("CARGO_BIN_EXE_fundplan"))
        .args(["--lang", "en", "summary", "--json"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out.status.code().unwrap_or(-1);
    assert_ne!(code, 124, "summary hung: {stderr}");
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Json::Null);
    (code, v, stderr)
}

fn row<'a>(v: &'a Json, name: &str) -> &'a Json {
    v["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("no row for {name}: {v}"))
}

fn entries(register: &Path) -> usize {
    let text = std::fs::read_to_string(register).unwrap_or_default();
    text.matches("digest:").count()
}

#[test]
fn a_forged_review_history_does_not_pass_a_tampered_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("wuchuan.ron");
    file::save_plan(&sealed("150125", 1, "2020-03-15T10:00:00+08:00"), &plan).unwrap();
    let (_, v, _) = summary(&[s(dir.path())]);
    assert_eq!(row(&v, "wuchuan.ron")["register"], "new");
    // The county writes a 退回 the league never gave into the file, edits a
    // project and seals again: the history now names the registered digest.
    let mut forged = load(&plan);
    forged.review = Some(Review {
        reviewer: "随便写的名字".into(),
        at: "2020-03-20T16:30:00+08:00".into(),
        decision: Decision::Returned,
        ..Review::default()
    });
    forged.projects[0].households += 1;
    file::save_plan(&forged, &plan).unwrap();
    let out = fundplan(&["submit", s(&plan)]);
    assert_eq!(out.status.code(), Some(0));
    let (_, v, _) = summary(&[s(dir.path())]);
    let r = row(&v, "wuchuan.ron");
    assert_eq!(r["register"], "mismatch", "{v}");
    assert_eq!(r["counted"], false);
    assert_eq!(v["totals"]["plans"], 0);
    assert_eq!(entries(&dir.path().join("fundplan-register.ron")), 1);
}

#[test]
fn concurrent_rollups_lose_no_entry() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("reg.ron");
    let n = 40;
    let plans: Vec<PathBuf> = (0..n)
        .map(|i| {
            let path = dir.path().join(format!("p{i:03}.ron"));
            let code = format!("15{i:04}");
            file::save_plan(&sealed(&code, 1, "2020-03-15T10:00:00+08:00"), &path).unwrap();
            path
        })
        .collect();
    // All at once: each rolls up one plan into the same register.
    let children: Vec<_> = plans
        .iter()
        .map(|p| {
            Command::new(env!("CARGO_BIN_EXE_fundplan"))
                .args(["summary", "--json", "--register", s(&register), s(p)])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out: Output = child.wait_with_output().unwrap();
        let v: Json = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["plans"][0]["register"], "new");
    }
    assert_eq!(entries(&register), n, "every entry survives");
}

#[test]
fn two_different_seals_of_one_revision_in_one_run_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let genuine = sealed("150125", 1, "2020-03-15T10:00:00+08:00");
    file::save_plan(&genuine, &dir.path().join("a.ron")).unwrap();
    let copy = moved(&genuine, "2020-03-16T10:00:00+08:00");
    file::save_plan(&copy, &dir.path().join("b.ron")).unwrap();
    let (code, v, stderr) = summary(&[s(dir.path())]);
    assert_eq!(code, 0, "{stderr}");
    for name in ["a.ron", "b.ron"] {
        assert_eq!(row(&v, name)["register"], "conflict", "{v}");
        assert_eq!(row(&v, name)["counted"], false);
    }
    assert_eq!(v["totals"]["plans"], 0);
    assert_eq!(entries(&dir.path().join("fundplan-register.ron")), 0);
    // Once the league keeps only the genuine file, it is registered.
    std::fs::remove_file(dir.path().join("b.ron")).unwrap();
    let (_, v, _) = summary(&[s(dir.path())]);
    assert_eq!(row(&v, "a.ron")["register"], "new");
}

#[test]
fn a_copy_that_differs_from_the_register_never_counts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut r1 = sealed("150125", 1, "2020-03-15T10:00:00+08:00");
    r1.review = Some(Review {
        decision: Decision::Returned,
        ..Review::default()
    });
    file::save_plan(&r1, &d.join("r1.ron")).unwrap();
    let r2 = sealed("150125", 2, "2020-04-01T10:00:00+08:00");
    file::save_plan(&r2, &d.join("r2.ron")).unwrap();
    let mut draft = load(&sample_path());
    draft.county.code = "150125".into();
    draft.revision = 2;
    file::save_plan(&draft, &d.join("draft.ron")).unwrap();
    let (_, v, _) = summary(&[s(d)]);
    assert_eq!(row(&v, "r2.ron")["register"], "new");
    // A copy of r2 with 50 万 moved between two projects, sealed later.
    file::save_plan(
        &moved(&r2, "2020-04-02T10:00:00+08:00"),
        &d.join("r2-copy.ron"),
    )
    .unwrap();
    let (_, v, _) = summary(&[s(d)]);
    let copy = row(&v, "r2-copy.ron");
    assert_eq!(copy["register"], "mismatch", "{v}");
    assert_eq!(copy["counted"], false);
    assert_eq!(copy["superseded"], false, "refused, not superseded");
    let genuine = row(&v, "r2.ron");
    assert_eq!(genuine["register"], "match");
    assert_eq!(genuine["superseded"], false, "{v}");
    assert_eq!(genuine["counted"], true);
    assert_eq!(v["totals"]["plans"], 1);
    assert_eq!(v["totals"]["arranged"], genuine["arranged"]);
    let text = fundplan(&["--lang", "en", "summary", s(d)]);
    let text = String::from_utf8_lossy(&text.stdout);
    let line = text.lines().find(|l| l.contains("r2-copy.ron")).unwrap();
    assert!(
        line.contains("differs from the register; not counted"),
        "{line}"
    );
}

#[test]
fn a_decision_the_register_does_not_hold_is_not_approved() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("wuchuan.ron");
    let mut approved = sealed("150125", 1, "2020-03-15T10:00:00+08:00");
    // Any name plus 审核通过, written by whoever has the file.
    approved.review = Some(Review {
        reviewer: "随便写的名字".into(),
        at: "2020-03-20T16:30:00+08:00".into(),
        decision: Decision::Approved,
        ..Review::default()
    });
    file::save_plan(&approved, &plan).unwrap();
    let (_, v, _) = summary(&[s(dir.path())]);
    let r = row(&v, "wuchuan.ron");
    assert_eq!(r["register"], "new");
    assert_eq!(r["status"], "submitted", "{v}");
    assert_eq!(r["review"], "unregistered");
    let text = fundplan(&["summary", s(dir.path())]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("审核状态与登记不符"));
    // Without a register nothing can be checked: the file's word, unchecked.
    let (_, v, _) = summary(&["--no-register", s(dir.path())]);
    assert_eq!(row(&v, "wuchuan.ron")["status"], "approved");
    assert_eq!(row(&v, "wuchuan.ron")["review"], "unchecked");
}

/// A folder with one sealed plan, and `fundplan-register.ron` made by `make`.
fn with_register(make: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let plan = sealed("150125", 1, "2020-03-15T10:00:00+08:00");
    file::save_plan(&plan, &dir.path().join("wuchuan.ron")).unwrap();
    make(&dir.path().join("fundplan-register.ron"));
    dir
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[test]
fn a_register_that_is_no_regular_file_is_refused_not_read() {
    // A FIFO hung `summary`; a link to a FIFO the same.
    let fifo = with_register(mkfifo);
    let outside = tempfile::tempdir().unwrap();
    let linked = with_register(|p| {
        mkfifo(&outside.path().join("pipe"));
        symlink(outside.path().join("pipe"), p).unwrap();
    });
    for dir in [&fifo, &linked] {
        let (code, v, stderr) = summary(&[s(dir.path())]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("not a regular file"), "{stderr}");
        assert_eq!(
            v["plans"].as_array().unwrap().len(),
            1,
            "the plan is listed"
        );
        assert_eq!(
            v["load_errors"].as_array().unwrap().len(),
            0,
            "the register is said once, not listed as a plan too"
        );
    }
    // A private zero device (root only): it would be read without end.
    let device = with_register(|p| {
        Command::new("mknod")
            .arg(p)
            .args(["c", "1", "5"])
            .status()
            .unwrap();
    });
    if device.path().join("fundplan-register.ron").exists() {
        let (code, _, stderr) = summary(&[s(device.path())]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("not a regular file"), "{stderr}");
    }
}

#[test]
fn a_dangling_register_link_creates_nothing_outside_the_folder() {
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("planted.ron");
    let dir = with_register(|p| symlink(&target, p).unwrap());
    let (code, _, stderr) = summary(&[s(dir.path())]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!target.exists(), "nothing created where the link points");
}

#[test]
fn an_oversized_register_is_not_read_and_a_bom_is_accepted() {
    let big = with_register(|p| {
        let f = std::fs::File::create(p).unwrap();
        f.set_len(17 * 1024 * 1024).unwrap();
    });
    let (code, _, stderr) = summary(&[s(big.path())]);
    assert_eq!(code, 2);
    assert!(stderr.contains("too large"), "{stderr}");

    let dir = with_register(|_| {});
    let (_, v, _) = summary(&[s(dir.path())]);
    assert_eq!(row(&v, "wuchuan.ron")["register"], "new");
    let register = dir.path().join("fundplan-register.ron");
    let text = std::fs::read_to_string(&register).unwrap();
    std::fs::write(&register, format!("\u{feff}{text}")).unwrap();
    let (code, v, stderr) = summary(&[s(dir.path())]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(row(&v, "wuchuan.ron")["register"], "match");
}

#[test]
fn a_plan_named_like_the_register_in_a_subfolder_is_listed() {
    let dir = with_register(|_| {});
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let plan = sealed("150222", 1, "2020-03-15T10:00:00+08:00");
    file::save_plan(&plan, &dir.path().join("sub/fundplan-register.ron")).unwrap();
    let (code, v, stderr) = summary(&[s(dir.path())]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(v["plans"].as_array().unwrap().len(), 2, "{v}");
    row(&v, "sub/fundplan-register.ron");
    // The register in use is still no plan.
    let (_, v, _) = summary(&[s(dir.path())]);
    assert_eq!(v["plans"].as_array().unwrap().len(), 2, "{v}");
}
