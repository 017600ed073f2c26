//! Saves (issue 14): an output that is the input, .bak files, symlinks, full disks (that an
//! imported plan is unsaved, so quitting asks, is in the GUI binary's `hostile`). Outputs that
//! are no regular file, and standard output that fails (issue 21), are in `special`.

use crate::common;
mod special;

fn fundplan(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_fundplan"))
        .args(["--lang", "en"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn an_output_that_is_the_input_plan_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(common::sample_path(), &plan).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let alias = dir.path().join("alias.ron");
    std::os::unix::fs::symlink("plan.ron", &alias).unwrap();
    for flag in ["--xlsx", "--pdf", "--notice-pdf"] {
        for out in [&plan, &alias] {
            let o = fundplan(&[
                "export".as_ref(),
                flag.as_ref(),
                out.as_os_str(),
                plan.as_os_str(),
            ]);
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{flag}: {err}");
            assert!(err.contains("is the plan itself"), "{err}");
            assert_eq!(
                std::fs::read(&plan).unwrap(),
                before,
                "{flag} replaced the plan"
            );
        }
    }
}

#[test]
fn an_existing_export_is_kept_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(common::sample_path(), &plan).unwrap();
    for (flag, name) in [("--xlsx", "out.xlsx"), ("--pdf", "out.pdf")] {
        let out = dir.path().join(name);
        std::fs::write(&out, b"an older export").unwrap();
        let o = fundplan(&[
            "export".as_ref(),
            flag.as_ref(),
            out.as_os_str(),
            plan.as_os_str(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let bak = dir.path().join(format!("{name}.bak"));
        assert_eq!(std::fs::read(bak).unwrap(), b"an older export", "{flag}");
    }
    // A CSV folder: each replaced table is kept as NAME.csv.bak.
    let csv_dir = dir.path().join("csv");
    let export_csv = || {
        let o = fundplan(&[
            "export".as_ref(),
            "--csv".as_ref(),
            csv_dir.as_os_str(),
            plan.as_os_str(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    export_csv();
    let table = std::fs::read_dir(&csv_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "csv"))
        .unwrap();
    std::fs::write(&table, b"an older export").unwrap();
    export_csv();
    let mut bak = table.clone().into_os_string();
    bak.push(".bak");
    assert_eq!(std::fs::read(bak).unwrap(), b"an older export", "--csv");
    // `sample -o` over an existing, different plan keeps it too.
    let mut other = common::load(&plan);
    other.prepared_by = "旧版本".into();
    fundplan_core::file::save_plan(&other, &plan).unwrap();
    let older = std::fs::read(&plan).unwrap();
    let o = fundplan(&["sample".as_ref(), "-o".as_ref(), plan.as_os_str()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        std::fs::read(dir.path().join("plan.ron.bak")).unwrap(),
        older
    );
}

#[test]
fn saving_through_a_symlink_writes_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    let target = real.join("plan.ron");
    std::fs::copy(common::sample_path(), &target).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink("real/plan.ron", &link).unwrap();
    let mut plan = common::load(&link);
    plan.prepared_by = "经链接保存".into();
    fundplan_core::file::save_plan(&plan, &link).unwrap();
    assert!(
        link.symlink_metadata().unwrap().file_type().is_symlink(),
        "still a link"
    );
    assert_eq!(common::load(&target).prepared_by, "经链接保存");
    assert!(
        real.join("plan.ron.bak").exists(),
        "the backup is beside the target"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .chain(std::fs::read_dir(&real).unwrap())
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn concurrent_saves_leave_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let plan = common::load(&common::sample_path());
    fundplan_core::file::save_plan(&plan, &path).unwrap();
    std::thread::scope(|s| {
        for t in 0..8 {
            let (path, mut plan) = (&path, plan.clone());
            s.spawn(move || {
                for i in 0..100 {
                    plan.prepared_by = format!("{t}-{i}");
                    // Some saves may fail under the race; none may leave a file.
                    fundplan_core::file::save_plan(&plan, path).ok();
                }
            });
        }
    });
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let left: Vec<&String> = names.iter().filter(|n| n.ends_with(".tmp")).collect();
    assert!(left.is_empty(), "{left:?}");
    common::load(&path);
}

#[test]
fn csv_export_into_a_full_disk_writes_all_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::copy(common::sample_path(), &plan).unwrap();
    let sizes: Vec<usize> = fundplan_core::export::tables(&common::load(&plan))
        .iter()
        .map(|t| fundplan_core::export::csv::table_csv(t).len())
        .collect();
    // Files may be no bigger than all but the largest table: the disk is "full"
    // part-way through the set.
    let limit = sizes.iter().max().unwrap() - 1;
    assert!(sizes.iter().any(|s| *s <= limit));
    let out = dir.path().join("csv");
    // SIGXFSZ ignored (inherited through exec), so writes fail with EFBIG.
    let script = format!(
        "trap '' XFSZ; exec prlimit --fsize={limit} \"$0\" --lang en export --csv \"$1\" \"$2\""
    );
    let o = std::process::Command::new("sh")
        .args(["-c", &script])
        .arg(env!("CARGO_BIN_EXE_fundplan"))
        .arg(&out)
        .arg(&plan)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let left: Vec<_> = std::fs::read_dir(&out)
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "a partial set: {left:?}");
}

#[test]
fn csv_text_that_looks_like_a_formula_is_written_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut plan = common::load(&common::sample_path());
    plan.projects[0].name = "=HYPERLINK(\"http://x\",\"点我\")".into();
    plan.projects[0].township = "+1+2".into();
    plan.projects[0].village = "@SUM(A1)".into();
    plan.county.name = "-2+3".into();
    fundplan_core::file::save_plan(&plan, &path).unwrap();
    let out = dir.path().join("csv");
    let o = fundplan(&[
        "export".as_ref(),
        "--csv".as_ref(),
        out.as_os_str(),
        path.as_os_str(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let t2 = std::fs::read_to_string(out.join("表2 项目计划.csv")).unwrap();
    assert!(
        t2.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""),
        "{t2}"
    );
    assert!(t2.contains(",'+1+2,") && t2.contains(",'@SUM(A1),"), "{t2}");
    assert!(!t2.contains(",=") && !t2.contains(",+1"), "{t2}");
    // Amounts stay numbers.
    let total = plan.projects[0].integrated_total().wan().replace(',', "");
    assert!(t2.contains(&format!(",{total},")), "{t2}");
    let o = fundplan(&["summary".as_ref(), "--csv".as_ref(), path.as_os_str()]);
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(s.contains("'-2+3") && !s.contains(",-2+3"), "{s}");
}

#[test]
fn a_plan_too_big_to_open_is_never_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut plan = common::load(&common::sample_path());
    let long = "长".repeat(9_000);
    let first = plan.projects[0].clone();
    for n in 0..700 {
        let mut p = first.clone();
        p.id = format!("Q{n:04}");
        p.content = long.clone();
        plan.projects.push(p);
    }
    let e = fundplan_core::file::save_plan(&plan, &path).unwrap_err();
    assert!(
        e.message(fundplan_core::Lang::En).contains("too large"),
        "{}",
        e.message(fundplan_core::Lang::En)
    );
    // The refusal is told in the sentence's own language, not in English inside Chinese.
    let zh = e.message(fundplan_core::Lang::Zh);
    assert!(
        zh.contains("无法保存") && zh.contains("过大") && !zh.contains("too large"),
        "{zh}"
    );
    assert!(!path.exists());
}
