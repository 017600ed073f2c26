//! Finding the plans in folders (`validate DIR`, `summary DIR`, the 汇总
//! screen). The scan always ends and reads each file once: folders are
//! entered once each (by device and inode, so `..` symlinks cannot loop),
//! files are listed once each however many links lead to them, and only
//! regular files are listed (a FIFO named `x.ron` would block forever). The
//! extension matches in any case (`.RON`, as Windows names are
//! case-insensitive). What could not be read is reported, never skipped.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::file::{LoadError, LoadErrorKind};

/// The plan files under some paths, and what could not be read.
#[derive(Debug, Default)]
pub struct Scan {
    /// Files to load, each once: given files as given, then each folder's
    /// `*.ron` files sorted.
    pub files: Vec<PathBuf>,
    /// Folders and entries that could not be read, with why.
    pub problems: Vec<LoadError>,
}

/// Identity of a file or folder, the same through any link to it: device and
/// inode, or elsewhere the canonical path.
#[cfg(unix)]
type Id = (u64, u64);
#[cfg(not(unix))]
type Id = PathBuf;

#[cfg(unix)]
fn identity(meta: &fs::Metadata, _: &Path) -> Option<Id> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_: &fs::Metadata, path: &Path) -> Option<Id> {
    fs::canonicalize(path).ok()
}

struct Walk {
    seen: HashSet<Id>,
    /// The receipt registers in use, which are no plans: the files as they
    /// are now (so a link to one is skipped too)…
    skip: HashSet<Id>,
    /// …and their places, folder and name: another roll-up saving the
    /// register meanwhile puts a new file there (a rename, a new inode), or
    /// creates it.
    skip_places: Vec<(Id, std::ffi::OsString)>,
    scan: Scan,
}

/// The place of `path`: its folder's identity and its name.
fn place(path: &Path) -> Option<(Id, std::ffi::OsString)> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let id = fs::metadata(dir).ok().and_then(|m| identity(&m, dir))?;
    Some((id, path.file_name()?.to_os_string()))
}

fn problem(path: &Path, kind: LoadErrorKind) -> LoadError {
    LoadError {
        path: path.to_path_buf(),
        kind,
        at: None,
    }
}

fn unreadable(path: &Path, e: &std::io::Error) -> LoadError {
    problem(path, LoadErrorKind::Unreadable(e.into()))
}

/// Expands folders into the plan files below them; files stay as given. The
/// receipt register a roll-up of `paths` uses ([`crate::register::path_for`])
/// is no plan and is skipped; a file of the same name elsewhere is listed.
pub fn scan_paths(paths: &[PathBuf]) -> Scan {
    let register: Vec<PathBuf> = crate::register::path_for(paths).into_iter().collect();
    scan_paths_skipping(paths, &register)
}

/// [`scan_paths`], skipping the files `skip` names (the registers in use,
/// however they are reached) instead of the default register.
pub fn scan_paths_skipping(paths: &[PathBuf], skip: &[PathBuf]) -> Scan {
    Walk::skipping(skip).paths(paths)
}

fn is_ron(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

impl Walk {
    /// A walk that will skip the registers `skip` names.
    fn skipping(skip: &[PathBuf]) -> Walk {
        Walk {
            seen: HashSet::new(),
            skip: skip
                .iter()
                .filter_map(|p| fs::metadata(p).ok().and_then(|m| identity(&m, p)))
                .collect(),
            skip_places: skip.iter().filter_map(|p| place(p)).collect(),
            scan: Scan::default(),
        }
    }

    /// Walks `paths`: folders expanded, files as given.
    fn paths(mut self, paths: &[PathBuf]) -> Scan {
        for p in paths {
            match fs::metadata(p) {
                Ok(meta) if meta.is_dir() => {
                    let start = self.scan.files.len();
                    self.dir(p, &meta);
                    // Only this folder's files are sorted; `start` is at most the length.
                    if let Some(found) = self.scan.files.get_mut(start..) {
                        found.sort();
                    }
                }
                // Given by name: loaded as asked, and errors say why (loading
                // refuses a FIFO or a device at once, see `file::open_regular`).
                _ => self.scan.files.push(p.clone()),
            }
        }
        self.scan
    }

    /// Marks a file or folder as seen; false when it was seen already.
    fn first_visit(&mut self, meta: &fs::Metadata, path: &Path) -> bool {
        identity(meta, path).is_none_or(|id| self.seen.insert(id))
    }

    fn dir(&mut self, dir: &Path, meta: &fs::Metadata) {
        if !self.first_visit(meta, dir) {
            return;
        }
        let dir_id = identity(meta, dir);
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.scan.problems.push(unreadable(dir, &e));
                return;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    self.scan.problems.push(unreadable(dir, &e));
                    continue;
                }
            };
            let path = entry.path();
            // Follows links: a link to a plan or folder counts, once.
            let meta = match fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    if is_ron(&path) {
                        self.scan.problems.push(unreadable(&path, &e));
                    }
                    continue;
                }
            };
            if meta.is_dir() {
                self.dir(&path, &meta);
            } else if is_ron(&path) {
                // The register in use and eframe's app.ron are no plans (the
                // latter is read to tell, so only once it is a regular file).
                // The register's own loader says what is wrong with it, once.
                let skipped = identity(&meta, &path).is_some_and(|id| self.skip.contains(&id))
                    || dir_id.as_ref().is_some_and(|d| {
                        let name = entry.file_name();
                        self.skip_places.iter().any(|(i, n)| i == d && *n == name)
                    });
                if skipped {
                    continue;
                }
                if !meta.is_file() {
                    self.scan
                        .problems
                        .push(problem(&path, LoadErrorKind::NotAFile));
                } else if !crate::register::is_not_a_plan(&path) && self.first_visit(&meta, &path) {
                    self.scan.files.push(path);
                }
            }
        }
    }
}

/// Expands folders into the `*.ron` files below them (sorted); files stay as
/// given. What could not be read is dropped here: see [`scan_paths`].
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    scan_paths(paths).files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_register_another_roll_up_saves_during_the_walk_is_still_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.ron");
        fs::write(&plan, "(format: \"fundplan-plan\")").unwrap();
        let register = dir.path().join(crate::register::FILE_NAME);
        fs::write(&register, "old").unwrap();
        let walk = Walk::skipping(std::slice::from_ref(&register));
        // Another run saves the register meanwhile: a new file renamed into
        // place, with a new inode.
        let new = dir.path().join("new.tmp");
        fs::write(&new, "new").unwrap();
        fs::rename(&new, &register).unwrap();
        let scan = walk.paths(&[dir.path().to_path_buf()]);
        assert_eq!(scan.files, [plan]);
        assert!(scan.problems.is_empty());
    }
}
