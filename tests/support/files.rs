//! Files the hostile tests make: a world-readable folder holding the sample, private device
//! nodes, FIFOs, and what a special file is (to tell it is unchanged afterwards). Used by the
//! CLI's and the app's hostile tests alike.

use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use super::sample_path;

/// A folder everyone may read, holding the sample plan as `plan.ron`.
pub fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::copy(sample_path(), dir.path().join("plan.ron")).unwrap();
    dir
}

/// Whether this process runs as root (the real uid, from the proc filesystem).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .is_ok_and(|s| s.lines().any(|l| l.starts_with("Uid:\t0\t")))
}

/// A private character device `major:minor` at `path` (root only: `None` otherwise).
pub fn mknod(path: &Path, major: u32, minor: u32) -> Option<PathBuf> {
    if !is_root() {
        return None;
    }
    let made = Command::new("mknod")
        .arg(path)
        .args(["c", &major.to_string(), &minor.to_string()])
        .status()
        .unwrap();
    assert!(made.success(), "mknod {}", path.display());
    Some(path.to_path_buf())
}

/// A FIFO at `path`.
pub fn mkfifo(path: &Path) -> PathBuf {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
    path.to_path_buf()
}

/// What a special file is, to tell that it is still the same afterwards.
pub fn identity(path: &Path) -> (bool, bool, bool, u64, u64) {
    let m = std::fs::symlink_metadata(path).unwrap();
    let t = m.file_type();
    (
        t.is_char_device(),
        t.is_fifo(),
        t.is_dir(),
        m.ino(),
        m.rdev(),
    )
}
