//! A short listing of one folder for the built-in path dialog: its
//! subfolders and the files of the kind asked for, read with a cap so that a
//! folder of a hundred thousand files costs no more than one of a thousand.

use std::path::{Path, PathBuf};

/// Directory entries read at most (matching or not).
pub const MAX_READ: usize = 2000;

/// One folder's entries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// The folder listed.
    pub folder: PathBuf,
    /// Subfolders first, then files, each by name.
    pub entries: Vec<Entry>,
    /// The folder had more entries than were read.
    pub more: bool,
    /// The folder could not be read (it does not exist, or no permission).
    pub unreadable: bool,
}

/// A subfolder or file in a [`Listing`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// Folders sort before files.
    pub is_file: bool,
    /// The name shown.
    pub name: String,
    /// Where it is.
    pub path: PathBuf,
}

/// Lists `folder`: its subfolders, and its files ending in `.ext` (any
/// case) for one of `exts`; hidden entries (a leading dot) are left out.
/// Reads at most `max_read` entries.
pub fn list(folder: &Path, exts: &[&str], max_read: usize) -> Listing {
    let mut listing = Listing {
        folder: folder.to_path_buf(),
        ..Listing::default()
    };
    let Ok(read) = std::fs::read_dir(folder) else {
        listing.unreadable = true;
        return listing;
    };
    let mut read = read.flatten();
    for entry in read.by_ref().take(max_read) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        // Follows symbolic links, which `DirEntry::file_type` does not.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        let wanted = meta.is_dir()
            || (meta.is_file()
                && path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e))));
        if wanted {
            listing.entries.push(Entry {
                is_file: meta.is_file(),
                name,
                path,
            });
        }
    }
    listing.more = read.next().is_some();
    listing.entries.sort();
    listing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_then_plans_by_name_with_others_and_hidden_left_out() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.ron", "A.RON", "notes.txt", ".hidden.ron", "x.xlsx"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        std::fs::create_dir(dir.path().join("z-folder")).unwrap();
        let l = list(dir.path(), &["ron"], MAX_READ);
        let names: Vec<&str> = l.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["z-folder", "A.RON", "b.ron"]);
        assert!(!l.more && !l.unreadable);
    }

    #[test]
    fn a_big_folder_is_read_only_up_to_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..30 {
            std::fs::write(dir.path().join(format!("{i:02}.ron")), "").unwrap();
        }
        let l = list(dir.path(), &["ron"], 10);
        assert_eq!(l.entries.len(), 10);
        assert!(l.more, "says that there is more");
    }

    #[test]
    fn a_missing_folder_is_unreadable_not_an_error() {
        let l = list(Path::new("/nonexistent/fundplan"), &["ron"], MAX_READ);
        assert!(l.unreadable && l.entries.is_empty());
    }
}
