//! Outputs and inputs that are no regular file (issue 21): private device
//! nodes (made with mknod in a temporary folder, never the system's), FIFOs,
//! sockets and folders. Nothing is read, renamed or replaced; a FIFO given as
//! an input fails at once. Standard output that fails (a full disk, a closed
//! pipe) ends the command with a sentence and exit status 2.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::common;
use common::files::{identity, mkfifo, mknod};

/// Runs `fundplan --lang en ARGS`, stopped after 60 s (exit 124: it hung).
fn fundplan(args: &[&OsStr]) -> Output {
    run(args, Stdio::null())
}

fn run(args: &[&OsStr], stdout: Stdio) -> Output {
    command(args).stdout(stdout).output().unwrap()
}

/// `fundplan --lang en ARGS` under `timeout 60`, its stderr captured.
fn command(args: &[&OsStr]) -> Command {
    let mut cmd = Command::new("timeout");
    cmd.arg("60")
        .arg(env!("CARGO_BIN_EXE_fundplan"))
        .args(["--lang", "en"])
        .args(args)
        .stderr(Stdio::piped());
    cmd
}

/// Targets that are no regular file: a null and a zero device (private), a
/// FIFO, a socket and a folder.
fn special_targets(dir: &Path) -> (Vec<PathBuf>, std::os::unix::net::UnixListener) {
    let mut targets = Vec::new();
    targets.extend(mknod(&dir.join("null"), 1, 3));
    targets.extend(mknod(&dir.join("zero"), 1, 5));
    targets.push(mkfifo(&dir.join("fifo")));
    let socket = dir.join("socket");
    let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    targets.push(socket);
    let folder = dir.join("folder");
    std::fs::create_dir(&folder).unwrap();
    targets.push(folder);
    (targets, listener)
}

#[test]
fn an_output_that_is_no_regular_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(common::sample_path(), &plan).unwrap();
    let xlsx = dir.path().join("plan.xlsx");
    let bytes = fundplan_core::export::xlsx::workbook(&common::load(&plan)).unwrap();
    std::fs::write(&xlsx, bytes).unwrap();
    let (targets, _socket) = special_targets(dir.path());
    let p = plan.as_os_str();
    for target in &targets {
        let before = identity(target);
        let t = target.as_os_str();
        let writers: [&[&OsStr]; 8] = [
            &["export".as_ref(), "--xlsx".as_ref(), t, p],
            &["export".as_ref(), "--pdf".as_ref(), t, p],
            &["export".as_ref(), "--notice-pdf".as_ref(), t, p],
            &["submit".as_ref(), p, "-o".as_ref(), t],
            &["sample".as_ref(), "-o".as_ref(), t],
            &["import".as_ref(), xlsx.as_os_str(), "-o".as_ref(), t],
            &["catalog".as_ref(), "export".as_ref(), "-o".as_ref(), t],
            &[
                "catalog".as_ref(),
                "export".as_ref(),
                "--xlsx".as_ref(),
                "-o".as_ref(),
                t,
            ],
        ];
        for args in writers {
            let o = fundplan(args);
            let err = String::from_utf8_lossy(&o.stderr);
            let what = format!("{args:?}");
            assert_ne!(o.status.code(), Some(124), "{what} hung");
            assert_eq!(o.status.code(), Some(2), "{what}: {err}");
            assert!(
                err.contains("not a regular file") && err.contains(&*target.to_string_lossy()),
                "{what}: {err}"
            );
            assert_eq!(identity(target), before, "{what} replaced the target");
            let mut bak = target.clone().into_os_string();
            bak.push(".bak");
            assert!(!Path::new(&bak).exists(), "{what} made a backup");
        }
    }
    // A CSV table name taken by a FIFO: no table is written (all or none).
    let csv = dir.path().join("csv");
    std::fs::create_dir(&csv).unwrap();
    mkfifo(&csv.join("表2 项目计划.csv"));
    let o = fundplan(&["export".as_ref(), "--csv".as_ref(), csv.as_ref(), p]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("表2 项目计划.csv") && err.contains("a FIFO"),
        "{err}"
    );
    let names: Vec<_> = std::fs::read_dir(&csv).unwrap().flatten().collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn a_fifo_given_as_an_input_fails_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(common::sample_path(), &plan).unwrap();
    let fifo = mkfifo(&dir.path().join("in.ron"));
    let out = dir.path().join("out.ron");
    let (f, p, o) = (fifo.as_os_str(), plan.as_os_str(), out.as_os_str());
    let readers: [&[&OsStr]; 8] = [
        &["validate".as_ref(), f],
        &["diff".as_ref(), p, f],
        &["summary".as_ref(), "--no-register".as_ref(), f],
        &["submit".as_ref(), f, "-o".as_ref(), o],
        &["validate".as_ref(), "--catalog".as_ref(), f, p],
        &["catalog".as_ref(), "check".as_ref(), f],
        &["import".as_ref(), f, "-o".as_ref(), o],
        &["catalog".as_ref(), "import".as_ref(), f, "-o".as_ref(), o],
    ];
    for args in readers {
        let o = run(args, Stdio::piped());
        // `summary` lists the file it could not read in its table.
        let err = String::from_utf8_lossy(&o.stderr) + String::from_utf8_lossy(&o.stdout);
        let what = format!("{args:?}");
        assert_ne!(o.status.code(), Some(124), "{what} blocked on the FIFO");
        assert!(o.status.code().is_some_and(|c| c != 0), "{what}: {err}");
        assert!(err.contains("not a regular file"), "{what}: {err}");
    }
    assert!(!out.exists());
}

/// `fundplan ARGS` with its standard output on a private full device: every
/// write fails with ENOSPC, as on a full disk.
fn onto_full_disk(args: &[&OsStr], full: &Path) -> Output {
    let stdout = std::fs::OpenOptions::new().write(true).open(full).unwrap();
    run(args, stdout.into())
}

/// `fundplan ARGS` writing into a pipe whose reader is gone (`| head -1`
/// after its line): the read end is closed before the program starts.
fn into_closed_pipe(args: &[&OsStr]) -> Output {
    let mut child = command(args).stdout(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn standard_output_that_fails_ends_the_command_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(common::sample_path(), &plan).unwrap();
    let p = plan.as_os_str();
    let commands: [&[&OsStr]; 7] = [
        &["sample".as_ref()],
        &["validate".as_ref(), p],
        &["validate".as_ref(), "--json".as_ref(), p],
        &["summary".as_ref(), "--no-register".as_ref(), p],
        &["catalog".as_ref(), "export".as_ref()],
        &["diff".as_ref(), p, p],
        &["catalog".as_ref(), "list".as_ref()],
    ];
    let full = mknod(&dir.path().join("full"), 1, 7);
    for args in commands {
        let what = format!("{args:?}");
        let mut outputs = vec![("closed pipe", into_closed_pipe(args))];
        if let Some(full) = &full {
            outputs.push(("full disk", onto_full_disk(args, full)));
        }
        for (how, o) in outputs {
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{what} into a {how}: {err}");
            assert_eq!(
                err.lines().count(),
                1,
                "{what} into a {how}: one sentence: {err}"
            );
            assert!(
                err.starts_with("could not write to standard output: ")
                    && (err.contains("Broken pipe") || err.contains("No space left")),
                "{what} into a {how}: {err}"
            );
        }
    }
    // And in Chinese.
    if let Some(full) = &full {
        let stdout = std::fs::OpenOptions::new().write(true).open(full).unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_fundplan"))
            .arg("sample")
            .stdout(stdout)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert_eq!(err, "无法写入标准输出：磁盘已满\n");
    }
}

#[test]
fn a_huge_old_file_is_kept_as_bak_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    // 64 GiB, sparse: reading it whole for the backup would exhaust memory.
    let huge = 64 << 30;
    std::fs::File::create(&plan).unwrap().set_len(huge).unwrap();
    let o = fundplan(&["sample".as_ref(), "-o".as_ref(), plan.as_os_str()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let bak = dir.path().join("plan.ron.bak");
    assert_eq!(std::fs::metadata(&bak).unwrap().len(), huge);
    common::load(&plan);
}
