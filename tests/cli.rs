//! The command line as a user runs it: exit codes, text and JSON output.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking; clippy.toml exempts #[test] functions, not their helpers"
)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;
use serde_json::Value;

fn fundplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fundplan"))
        .args(args)
        .output()
        .unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn validate_exit_codes() {
    let ok = sample_path();
    let bad = root("tests/fixtures/rules/S06.ron");
    let warn = root("tests/fixtures/rules/P06.ron");
    let broken = root("tests/fixtures/load/float-money.ron");
    assert_eq!(code(&fundplan(&["validate", p(&ok)])), 0);
    assert_eq!(
        code(&fundplan(&["validate", p(&warn)])),
        0,
        "warnings allowed"
    );
    assert_eq!(code(&fundplan(&["validate", p(&ok), p(&bad)])), 1);
    assert_eq!(
        code(&fundplan(&["validate", p(&bad), p(&broken), p(&ok)])),
        2,
        "2 wins over 1"
    );
    assert_eq!(code(&fundplan(&["validate", "/nonexistent.ron"])), 2);
}

#[test]
fn every_load_error_fixture_exits_2_with_file_and_position() {
    for entry in std::fs::read_dir(root("tests/fixtures/load")).unwrap() {
        let path = entry.unwrap().path();
        let out = fundplan(&["validate", "--lang", "en", p(&path)]);
        assert_eq!(code(&out), 2, "{}", path.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(p(&path)) && err.contains("line "), "{err}");
    }
}

#[test]
fn human_output_is_sorted_and_names_rule_and_path() {
    let out = fundplan(&["validate", p(&root("tests/fixtures/rules/S06.ron"))]);
    let text = stdout(&out);
    assert!(text.contains("1 个错误，0 个警告"), "{text}");
    assert!(text.contains("错误 S06 sources[C08].integrated"), "{text}");
    let out = fundplan(&["--lang", "en", "validate", p(&sample_path())]);
    assert!(stdout(&out).contains("0 error(s), 0 warning(s)"));
    assert!(stdout(&out).contains("Info X01"));
}

#[test]
fn json_shape() {
    let dir = root("tests/fixtures/rules");
    let out = fundplan(&[
        "validate",
        "--json",
        p(&sample_path()),
        p(&dir.join("S06.ron")),
        p(&root("tests/fixtures/load/unknown-field.ron")),
    ]);
    assert_eq!(code(&out), 2);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let files = v.as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["errors"], 0);
    assert_eq!(
        files[0]["totals"]["integrated"]
            .as_str()
            .unwrap()
            .split('.')
            .nth(1)
            .unwrap()
            .len(),
        2
    );
    assert!(files[0]["totals"]["by_level"]["Central"]["allocated"].is_string());
    let f = &files[1]["findings"][0];
    assert_eq!(f["rule"], "S06");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["path"], "sources[C08].integrated");
    assert!(f["message"].as_str().unwrap().contains("万元"));
    assert_eq!(files[1]["errors"], 1);
    assert!(files[2]["load_error"].as_str().unwrap().contains("reasn"));
    assert!(files[2].get("findings").is_none());
}

#[test]
fn validate_walks_folders() {
    let out = fundplan(&["validate", "--json", p(&root("tests/fixtures/rules"))]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        fundplan_core::validate::Rule::ALL.len()
    );
    assert_eq!(code(&out), 1);
}

#[test]
fn catalog_option_and_fallback() {
    // A plan naming an unknown catalog is checked against the default: H02.
    let out = fundplan(&["validate", p(&root("tests/fixtures/rules/H02.ron"))]);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("H02"));
    let out = fundplan(&[
        "validate",
        "--catalog",
        p(&root("assets/catalogs/nm-2017.ron")),
        p(&sample_path()),
    ]);
    assert_eq!(code(&out), 0);
    let out = fundplan(&[
        "validate",
        "--catalog",
        p(&sample_path()),
        p(&sample_path()),
    ]);
    assert_eq!(code(&out), 2, "a plan is not a catalog");
}

#[test]
fn submit_refuses_errors_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("sealed.ron");
    let bad = root("tests/fixtures/rules/B01.ron");
    let before = std::fs::read(&bad).unwrap();
    let out = fundplan(&["submit", p(&bad), "-o", p(&out_path)]);
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("B01"));
    assert!(!out_path.exists());
    assert_eq!(std::fs::read(&bad).unwrap(), before);
}

/// The plan as the v2 digest covers it: submission digest blank, no review.
fn sealed_blank(plan: &fundplan_core::plan::Plan) -> fundplan_core::plan::Plan {
    let mut p = plan.clone();
    p.review = None;
    if let Some(s) = &mut p.submission {
        s.digest.clear();
    }
    p
}

#[test]
fn submit_seals_and_tampering_gives_d01() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::copy(sample_path(), &path).unwrap();
    let out = fundplan(&["submit", p(&path)]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let sealed = load(&path);
    let s = sealed.submission.as_ref().unwrap();
    assert!(s.digest.starts_with("sha256v2:"), "{}", s.digest);
    assert_eq!(
        s.digest,
        fundplan_core::digest::digest_v2(&sealed_blank(&sealed))
    );
    assert_eq!(s.warnings, 0);
    assert!(s.at.ends_with("+08:00") && s.app.starts_with("fundplan "));
    assert_eq!(code(&fundplan(&["validate", p(&path)])), 0);

    let text = std::fs::read_to_string(&path).unwrap();
    let tampered = text.replacen("households: ", "households: 1", 1);
    std::fs::write(&path, tampered).unwrap();
    let out = fundplan(&["validate", p(&path)]);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("D01 header.submission"));
}

#[test]
fn sample_is_deterministic_valid_and_bounded() {
    let a = fundplan(&["sample", "--projects", "50", "--seed", "7"]);
    let b = fundplan(&["sample", "--projects", "50", "--seed", "7"]);
    let c = fundplan(&["sample", "--projects", "50", "--seed", "8"]);
    assert_eq!(code(&a), 0);
    assert_eq!(a.stdout, b.stdout);
    assert_ne!(a.stdout, c.stdout);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::write(&path, &a.stdout).unwrap();
    let plan = load(&path);
    assert_eq!(plan.projects.len(), 50);
    assert_eq!(code(&fundplan(&["validate", p(&path)])), 0);
    let out = fundplan(&["sample", "--projects", "100001"]);
    assert_eq!(code(&out), 2);
    let out = fundplan(&["sample", "-o", p(&path)]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(sample_path()).unwrap(),
        "default sample = bundled sample"
    );
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["validate", "submit", "sample"] {
        let out = fundplan(&[sub, "--help"]);
        assert_eq!(code(&out), 0);
        assert!(stdout(&out).contains("Usage: fundplan"), "{sub}");
    }
}

#[test]
fn export_and_import_round_trip_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("plan.xlsx");
    let csv = dir.path().join("csv");
    let out = fundplan(&[
        "export",
        "--xlsx",
        p(&xlsx),
        "--csv",
        p(&csv),
        p(&sample_path()),
    ]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        xlsx.exists() && csv.join("表1 资金来源.csv").exists() && csv.join("公示表.csv").exists()
    );
    let back = dir.path().join("back.ron");
    let out = fundplan(&["import", p(&xlsx), "-o", p(&back)]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        std::fs::read(&back).unwrap(),
        std::fs::read(sample_path()).unwrap()
    );
    assert_eq!(
        code(&fundplan(&["export", p(&sample_path())])),
        2,
        "nothing to export is a usage error"
    );
    let out = fundplan(&["import", p(&sample_path()), "-o", p(&back)]);
    assert_eq!(code(&out), 1, "a RON file is not a workbook");
}

/// The desktop app (no subcommand) with no X11 or Wayland display to open a window on.
fn app_without_display() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fundplan"));
    cmd.env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET");
    cmd
}

#[test]
fn an_unknown_renderer_is_refused_before_any_window() {
    // Without a display, an attempt to open a window would end with 1 instead.
    let out = app_without_display()
        .env("FUNDPLAN_RENDERER", "vulkan")
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("FUNDPLAN_RENDERER must be glow or wgpu, not \"vulkan\""),
        "{err}"
    );
}

#[test]
fn without_a_display_the_app_says_so_and_tries_no_other_renderer() {
    let out = app_without_display()
        .args(["--lang", "en"])
        .env_remove("FUNDPLAN_RENDERER")
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Cannot open the window: "), "{err}");
    // A missing display is not a graphics driver problem, and wgpu would fail alike.
    assert!(
        !err.contains("graphics driver") && !err.contains("wgpu"),
        "{err}"
    );
}
