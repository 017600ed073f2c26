//! Hostile and odd folders (issue 14) for `validate DIR` and `summary DIR`:
//! `..` symlinks, a FIFO named `x.ron`, an unreadable subfolder and `.RON`
//! names. The scan always ends (the binary runs under `timeout`), reads each
//! file once, and lists whatever it could not read (exit 2).

use crate::common;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Output};

use common::files::folder;
use common::*;

/// `fundplan --lang en ARGS` stopped after 60 s (exit 124: it hung). As root
/// the child drops to nobody, so that a folder without permissions is
/// unreadable to it.
fn fundplan(args: &[&Path]) -> Output {
    let mut cmd = Command::new("timeout");
    cmd.arg("60");
    // The real uid, from the proc filesystem.
    let root = std::fs::read_to_string("/proc/self/status")
        .is_ok_and(|s| s.lines().any(|l| l.starts_with("Uid:\t0\t")));
    if root {
        cmd.args([
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
        ]);
    }
    cmd.arg(env!("CARGO_BIN_EXE_fundplan"))
        .args(["--lang", "en"]);
    cmd.args(args).output().expect("timeout runs")
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn validate_dir(dir: &Path) -> Output {
    fundplan(&[Path::new("validate"), dir])
}

#[test]
fn dot_dot_symlinks_end_and_each_plan_is_read_once() {
    let dir = folder();
    let a = dir.path().join("a");
    std::fs::create_dir_all(a.join("b")).unwrap();
    symlink("..", a.join("up")).unwrap();
    symlink("../..", a.join("b/up2")).unwrap();
    // A second name for the same plan.
    symlink("../plan.ron", a.join("again.ron")).unwrap();
    let out = validate_dir(dir.path());
    let (stdout, stderr) = text(&out);
    assert_ne!(out.status.code(), Some(124), "the scan hung");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let listed = stdout.lines().filter(|l| l.contains(".ron: ")).count();
    assert_eq!(listed, 1, "{stdout}");
}

#[test]
fn a_fifo_named_like_a_plan_is_listed_not_read() {
    let dir = folder();
    let fifo = dir.path().join("x.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let out = validate_dir(dir.path());
    let (stdout, stderr) = text(&out);
    assert_ne!(out.status.code(), Some(124), "reading the FIFO blocked");
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert!(
        stderr.contains("x.ron") && stderr.contains("not a regular file"),
        "{stderr}"
    );
    assert!(stdout.contains("plan.ron: "), "{stdout}");
}

#[test]
fn an_unreadable_folder_is_listed_and_fails_the_run() {
    let dir = folder();
    let locked = dir.path().join("东城旗");
    std::fs::create_dir(&locked).unwrap();
    std::fs::copy(sample_path(), locked.join("plan.ron")).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    for command in ["validate", "summary"] {
        let out = fundplan(&[Path::new(command), dir.path()]);
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{command}: {stdout}{stderr}");
        let all = format!("{stdout}{stderr}");
        assert!(
            all.contains("东城旗") && all.contains("ermission denied"),
            "{command}: {all}"
        );
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn the_extension_matches_in_any_case() {
    let dir = folder();
    std::fs::rename(dir.path().join("plan.ron"), dir.path().join("PLAN.RON")).unwrap();
    std::fs::copy(sample_path(), dir.path().join("other.Ron")).unwrap();
    let out = validate_dir(dir.path());
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stdout.contains("PLAN.RON: ") && stdout.contains("other.Ron: "),
        "{stdout}"
    );
}
