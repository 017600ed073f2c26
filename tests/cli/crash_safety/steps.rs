//! A save stopped at each of its steps (the failpoint `FUNDPLAN_FAILPOINT=save:N`, documented
//! in `fundplan_core::file::failpoint`): `fundplan sample -o TARGET` over an older plan, once
//! per step until a run completes. Whatever the step, TARGET is exactly the old plan or
//! exactly the new one and loads; `TARGET.bak` is one whole plan, and once the new plan is in
//! place it is the old one; anything else in the folder is a `.fundplan-*.tmp` file.
//!
//! The step sequence asserted is the one of a file system with hard links (the backup is
//! linked, steps 1–3). Where the temporary folder cannot hard-link, the backup is copied
//! instead (other steps): the test then says so and checks nothing. The failpoint exists only
//! in debug builds, so under `cargo test --release` the test is ignored.

use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};

use fundplan_core::file;

use super::{NEW_SEED, OLD_SEED, Version, check_target, is_temp};

/// Small plans: every step is reached whatever the size.
const PROJECTS: usize = 40;
/// The seed of the plan TARGET.bak holds before the save.
const OLDER_SEED: u64 = 3;
/// abort(3)'s signal, which the failpoint raises.
const SIGABRT: i32 = 6;

/// What a run left: whether TARGET is the new plan, whether `.bak` is the old one (else the
/// older), and how many temporary files there are.
type Left = (bool, bool, usize);

/// Runs `fundplan sample` writing `to` over TARGET = `from` (whose `.bak` is `older`),
/// stopped at `step`; checks the folder and says what it left and whether the run completed.
fn stopped_at(step: usize, [older, from, to]: [&Version; 3]) -> (Left, bool) {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("plan.ron");
    file::save_plan(&older.plan, &target).unwrap();
    file::save_plan(&from.plan, &target).unwrap();
    let when = format!("{} → {}, stopped at step {step}", from.name, to.name);
    let status = Command::new(env!("CARGO_BIN_EXE_fundplan"))
        .args(["sample", "--projects", &PROJECTS.to_string()])
        .args(["--seed", &to.seed.to_string(), "-o"])
        .arg(&target)
        .env(file::failpoint::VARIABLE, format!("save:{step}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    let completed = status.success();
    assert!(
        completed || status.signal() == Some(SIGABRT),
        "{when}: {status:?}"
    );
    let replaced = check_target(&target, from, to, &when);
    let bak = fs::read(file::backup_path(&target)).unwrap();
    assert!(
        bak == older.bytes || bak == from.bytes,
        "{when}: the backup is neither whole plan ({} bytes)",
        bak.len()
    );
    let bak_is_old = bak == from.bytes;
    assert!(
        !replaced || bak_is_old,
        "{when}: the new plan is in place, the old one is not in the backup"
    );
    let temps = temps(dir.path(), &target, &when);
    ((replaced, bak_is_old, temps), completed)
}

/// The temporary files in `dir`; fails on anything else but TARGET and its backup.
fn temps(dir: &Path, target: &Path, when: &str) -> usize {
    let mut n = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if is_temp(&name) {
            n += 1;
        } else {
            assert!(
                path == target || path == file::backup_path(target),
                "{when}: unexpected file {name}"
            );
        }
    }
    n
}

/// Whether the temporary folder can hard-link, as the backup step asserted below needs.
fn hard_links_work() -> bool {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("a");
    fs::write(&original, b"a").unwrap();
    fs::hard_link(&original, dir.path().join("b")).is_ok()
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the save failpoint exists only in debug builds (core/src/file/failpoint.rs)"
)]
fn a_save_stopped_at_each_step_leaves_the_old_plan_or_the_new_one() {
    if !hard_links_work() {
        println!("skipped: the temporary folder has no hard links; the steps asserted need them");
        return;
    }
    let older = Version::of("older", OLDER_SEED, PROJECTS);
    let old = Version::of("old", OLD_SEED, PROJECTS);
    let new = Version::of("new", NEW_SEED, PROJECTS);
    for (from, to) in [(&old, &new), (&new, &old)] {
        let mut left: Vec<Left> = Vec::new();
        for step in 1.. {
            let (l, completed) = stopped_at(step, [&older, from, to]);
            if completed {
                assert_eq!(l, (true, true, 0), "a completed save");
                break;
            }
            left.push(l);
            assert!(step < 100, "the save never completes");
        }
        // Step by step (see the failpoint's documentation): the backup's link under a
        // temporary name, renamed over .bak, removed; the plan's temporary file empty,
        // half written, whole, synced; renamed over TARGET; the folder synced.
        assert_eq!(
            left,
            [
                (false, false, 1),
                (false, true, 0),
                (false, true, 0),
                (false, true, 1),
                (false, true, 1),
                (false, true, 1),
                (false, true, 1),
                (true, true, 0),
                (true, true, 0),
            ],
            "{} → {}: what a save stopped at steps 1, 2, … left",
            from.name,
            to.name
        );
    }
}
