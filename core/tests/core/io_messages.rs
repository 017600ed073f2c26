//! The operating system's reasons inside Chinese messages are said in Chinese:
//! a Chinese sentence carries no English words, only the file's own path.
//! The English sentences keep the operating system's text.

use std::io::{Error, ErrorKind};
use std::path::{Path, PathBuf};

use fundplan_core::Lang;
use fundplan_core::file::{LoadError, LoadErrorKind, SaveError, SaveFailure};
use fundplan_core::import::ImportError;
use fundplan_core::ioerr::IoReason;
use fundplan_core::register::Register;

/// Panics when `message`, without `path`, has an ASCII letter.
fn no_english(message: &str, path: &Path) {
    let rest = message.replace(&path.display().to_string(), "");
    assert!(
        !rest.chars().any(|c| c.is_ascii_alphabetic()),
        "English in a Chinese message: {message}"
    );
}

fn os_errors() -> Vec<Error> {
    vec![
        Error::from(ErrorKind::PermissionDenied),
        Error::from(ErrorKind::NotFound),
        Error::from_raw_os_error(13),
        Error::from_raw_os_error(2),
    ]
}

#[test]
fn load_errors_say_the_reason_in_chinese() {
    let path = PathBuf::from("/nonexistent/plan.ron");
    let err = fundplan_core::file::load_plan(&path).unwrap_err();
    let zh = err.message(Lang::Zh);
    no_english(&zh, &path);
    assert!(zh.contains("找不到该文件或文件夹"), "{zh}");
    assert!(err.message(Lang::En).contains("No such file or directory"));
    for e in os_errors() {
        let err = LoadError {
            path: path.clone(),
            kind: LoadErrorKind::Unreadable(IoReason::from(&e)),
            at: None,
        };
        no_english(&err.message(Lang::Zh), &path);
        assert_eq!(
            err.message(Lang::En),
            format!("{}: cannot read the file ({e})", path.display())
        );
    }
}

#[test]
fn save_errors_say_the_reason_in_chinese() {
    let path = PathBuf::from("/srv/plans/plan.ron");
    for e in os_errors() {
        let en = format!(
            "could not save {}: {e}; the existing file is unchanged",
            path.display()
        );
        let err = SaveError {
            path: path.clone(),
            source: SaveFailure::Io(e),
        };
        let zh = err.message(Lang::Zh);
        no_english(&zh, &path);
        assert!(zh.contains("没有权限") || zh.contains("找不到"), "{zh}");
        assert_eq!(err.message(Lang::En), en);
    }
    // A real failure: the folder does not exist.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing").join("plan.ron");
    let err = fundplan_core::file::write_atomic(&path, b"x").unwrap_err();
    no_english(&err.message(Lang::Zh), &path);
}

#[test]
fn register_errors_say_the_reason_in_chinese() {
    // A folder where the register file should be: not opened (issue 21).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(fundplan_core::register::FILE_NAME);
    std::fs::create_dir(&path).unwrap();
    let err = Register::load(&path).unwrap_err();
    let zh = err.message(Lang::Zh);
    no_english(&zh, &path);
    assert!(zh.contains("收件登记文件"), "{zh}");
    assert!(
        err.message(Lang::En)
            .contains("cannot be read (not a regular file")
    );
    // Not a register at all.
    let other = dir.path().join("other.ron");
    std::fs::write(&other, "(format: \"fundplan-plan\", entries: [])").unwrap();
    let err = Register::load(&other).unwrap_err();
    no_english(&err.message(Lang::Zh).replace("fundplan-plan", ""), &other);
    assert!(
        err.message(Lang::En)
            .contains("cannot be read (format \"fundplan-plan\")")
    );
    // Broken RON: the position and the parser's error in Chinese.
    std::fs::write(&other, "(format: \"fundplan-register\", entries: [").unwrap();
    let err = Register::load(&other).unwrap_err();
    let zh = err.message(Lang::Zh);
    no_english(&zh, &other);
    assert!(zh.contains("第 1 行"), "{zh}");
    // Writing into a folder that does not exist.
    let gone = dir.path().join("gone").join("r.ron");
    let err = Register::default().save(&gone).unwrap_err();
    no_english(&err.message(Lang::Zh), &gone);
    assert!(err.message(Lang::En).contains("No such file or directory"));
}

#[test]
fn folder_scan_problems_say_the_reason_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    // A dangling link named like a plan is reported, not skipped.
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &broken).unwrap();
    #[cfg(unix)]
    {
        let scan = fundplan_core::scan::scan_paths(&[dir.path().to_path_buf()]);
        assert_eq!(scan.problems.len(), 1, "{:?}", scan.problems);
        let zh = scan.problems[0].message(Lang::Zh);
        no_english(&zh, &broken);
        assert!(zh.contains("找不到该文件或文件夹"), "{zh}");
    }
    let err = LoadError {
        path: broken.clone(),
        kind: LoadErrorKind::NotAFile,
        at: None,
    };
    no_english(&err.message(Lang::Zh), &broken);
    assert!(err.message(Lang::En).contains("not a regular file"));
}

#[test]
fn import_errors_say_the_reason_in_chinese() {
    let path = PathBuf::from("/nonexistent/plan.xlsx");
    let catalog = fundplan_core::catalog::default_catalog();
    let err = fundplan_core::import::import_file(&path, &catalog).unwrap_err();
    no_english(&err.message(Lang::Zh), &path);
    assert!(
        err.message(Lang::En)
            .starts_with("cannot read the workbook: /nonexistent/plan.xlsx: No such file")
    );
    // Not a zip at all: the reader's English stays out of the Chinese.
    let err = fundplan_core::import::import(b"not a workbook", &catalog).unwrap_err();
    assert!(matches!(err, ImportError::Unreadable(_)));
    no_english(&err.message(Lang::Zh), Path::new("Excel"));
}
