//! Saving: canonical bytes, stable round trips, atomic replacement.

use crate::common;

use common::*;
use fundplan_core::file;

#[test]
fn the_bundled_sample_is_in_canonical_form() {
    let text = std::fs::read_to_string(sample_path()).unwrap();
    let plan = load(&sample_path());
    assert_eq!(file::plan_to_string(&plan), text);
}

#[test]
fn load_save_load_gives_the_same_plan_and_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for src in [
        sample_path(),
        root("tests/fixtures/rules/D01.ron"),
        root("tests/fixtures/base.ron"),
    ] {
        let first = load(&src);
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        file::save_plan(&first, &a).unwrap();
        let second = load(&a);
        assert_eq!(first, second);
        file::save_plan(&second, &b).unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    }
}

#[test]
fn hand_written_files_load_and_normalise() {
    // Struct names, short money strings, comments and any field spacing are fine.
    let text = std::fs::read_to_string(root("tests/fixtures/base.ron"))
        .unwrap()
        .replacen("(\n    format:", "// 手工编写\nPlan(\n    format:", 1)
        .replacen("allocated: \"100000.00\"", "allocated: \"100000\"", 1)
        .replacen("county: (", "county: County(", 1);
    let plan = file::parse_plan(&text, std::path::Path::new("hand.ron")).unwrap();
    assert_eq!(plan.sources[0].allocated, yuan("100000.00"));
    let canonical = file::plan_to_string(&plan);
    assert_eq!(
        canonical,
        std::fs::read_to_string(root("tests/fixtures/base.ron")).unwrap()
    );
}

#[test]
fn chinese_text_is_written_as_is() {
    let text = file::plan_to_string(&load(&sample_path()));
    assert!(text.contains("武川县财政局"));
    assert!(!text.contains("\\u"));
}

#[test]
fn a_failed_save_leaves_the_old_file_and_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let plan = load(&sample_path());
    file::save_plan(&plan, &path).unwrap();
    let before = std::fs::read(&path).unwrap();

    let err = file::write_atomic_with(&path, |f| {
        use std::io::Write;
        f.write_all(&before[..before.len() / 2])?;
        Err(std::io::Error::other("disk full"))
    })
    .unwrap_err();
    assert!(
        err.message(fundplan_core::Lang::Zh)
            .contains("原文件未改动")
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "temporary file left behind");
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_refuses_the_save_and_keeps_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let plan = load(&sample_path());
    file::save_plan(&plan, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores folder permissions; then the folder is not read-only to us
    // and the save may succeed, which is right. Otherwise it must fail cleanly.
    let probe = dir.path().join("probe");
    let privileged = std::fs::write(&probe, b"x").is_ok();
    // Only a probe: whether it could be removed does not matter to the test.
    std::fs::remove_file(&probe).ok();
    let mut changed = plan.clone();
    changed.approval = "改过".into();
    let result = file::save_plan(&changed, &path);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    if privileged {
        assert!(result.is_ok());
        assert_eq!(load(&path), changed);
    } else {
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}

#[test]
fn the_digest_ignores_review_and_submission() {
    let plan = load(&sample_path());
    let d = fundplan_core::digest::digest(&plan);
    assert!(d.starts_with("sha256:") && d.len() == 71);
    let sealed = fundplan_core::digest::seal(&plan, "2020-03-15T10:00:00+08:00".into(), 0);
    let mut reviewed = sealed.clone();
    reviewed.review = Some(fundplan_core::plan::Review {
        reviewer: "呼和浩特市财政局 农业科".into(),
        at: "2020-03-20T16:30:00+08:00".into(),
        decision: fundplan_core::plan::Decision::Returned,
        comments: vec![fundplan_core::plan::Comment {
            target: "projects[P001]".into(),
            text: "绩效目标未填写".into(),
            ..Default::default()
        }],
        history: Vec::new(),
    });
    assert_eq!(fundplan_core::digest::digest(&reviewed), d);
    assert_eq!(
        fundplan_core::digest::seal_state(&reviewed),
        fundplan_core::digest::SealState::Intact
    );
    let mut changed = reviewed;
    changed.projects[0].households += 1;
    assert_eq!(
        fundplan_core::digest::seal_state(&changed),
        fundplan_core::digest::SealState::Broken
    );
}

#[cfg(unix)]
#[test]
fn saved_files_are_readable_by_others_like_any_document() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    file::save_plan(&load(&sample_path()), &path).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o644
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    file::save_plan(&load(&sample_path()), &path).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600,
        "kept"
    );
}

#[test]
fn the_previous_version_is_kept_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let first = load(&sample_path());
    file::save_plan(&first, &path).unwrap();
    assert!(
        !file::backup_path(&path).exists(),
        "nothing to keep on the first save"
    );
    let mut second = first.clone();
    second.approval = "第二次保存".into();
    file::save_plan(&second, &path).unwrap();
    assert_eq!(file::backup_path(&path), dir.path().join("plan.ron.bak"));
    assert_eq!(load(&file::backup_path(&path)), first);
    assert_eq!(load(&path), second);
    // Saving unchanged content keeps the older backup.
    file::save_plan(&second, &path).unwrap();
    assert_eq!(load(&file::backup_path(&path)), first);
}

#[test]
fn temporaries_of_killed_saves_are_cleaned_up_after_an_hour() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join(".fundplan-killed.tmp");
    let fresh = dir.path().join(".fundplan-running.tmp");
    for p in [&stale, &fresh] {
        std::fs::write(p, b"(half a plan").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    file::save_plan(&load(&sample_path()), &dir.path().join("plan.ron")).unwrap();
    assert!(!stale.exists(), "an hour-old temporary is removed");
    assert!(
        fresh.exists(),
        "a young one may belong to a save in progress"
    );
}
