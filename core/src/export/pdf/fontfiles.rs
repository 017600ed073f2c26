//! The font files a search may read, treated as hostile input: the walk of
//! the font folders is bounded in depth, entries and files, follows symlinks
//! but detects loops, and sees only regular files with a font's extension;
//! a file is read only if it is a regular file of at most [`MAX_FILE`] bytes,
//! within a budget for all files together. A FIFO is never opened, so never
//! waited on.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Folders deeper than this below a root are not entered.
const MAX_DEPTH: usize = 8;
/// Directory entries looked at, in all roots together.
const MAX_ENTRIES: usize = 20_000;
/// Font files opened.
const MAX_FILES: usize = 2_000;
/// A font file larger than this is skipped (the largest CJK collections are about 30 MiB).
pub const MAX_FILE: u64 = 64 << 20;
/// Bytes read from all font files together.
pub const MAX_TOTAL: u64 = 1 << 30;

/// The folders searched for fonts that have the characters the bundled font lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FontDirs(Vec<PathBuf>);

impl FontDirs {
    /// The folders of `FUNDPLAN_FONT_DIRS` (separated as in `PATH`; set but
    /// empty: none) when it is set, else the system's font folders.
    pub fn system() -> FontDirs {
        match std::env::var_os("FUNDPLAN_FONT_DIRS") {
            Some(dirs) => FontDirs(
                std::env::split_paths(&dirs)
                    .filter(|d| !d.as_os_str().is_empty())
                    .collect(),
            ),
            None => FontDirs(system_dirs()),
        }
    }

    /// Exactly these folders.
    pub fn new(dirs: Vec<PathBuf>) -> FontDirs {
        FontDirs(dirs)
    }

    /// No folder: characters the bundled font lacks print as `?`.
    pub fn none() -> FontDirs {
        FontDirs(Vec::new())
    }

    /// The folders, in the order they are searched.
    pub fn dirs(&self) -> &[PathBuf] {
        &self.0
    }
}

/// Where Linux, Windows and macOS keep fonts, the user's own last.
fn system_dirs() -> Vec<PathBuf> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let mut dirs: Vec<PathBuf> = Vec::new();
    if cfg!(windows) {
        if let Some(w) = std::env::var_os("WINDIR") {
            dirs.push(Path::new(&w).join("Fonts"));
        }
        if let Some(local) = std::env::var_os("LOCALAPPDATA") {
            dirs.push(
                Path::new(&local)
                    .join("Microsoft")
                    .join("Windows")
                    .join("Fonts"),
            );
        }
    } else if cfg!(target_os = "macos") {
        dirs.extend(["/System/Library/Fonts", "/Library/Fonts"].map(PathBuf::from));
        dirs.extend(home.map(|h| h.join("Library/Fonts")));
    } else {
        dirs.extend(["/usr/share/fonts", "/usr/local/share/fonts"].map(PathBuf::from));
        if let Some(h) = home {
            dirs.push(h.join(".local/share/fonts"));
            dirs.push(h.join(".fonts"));
        }
    }
    dirs
}

/// Font files under `roots`, in walk order: sorted names, symlinks followed
/// (loops are detected and skipped), within the depth and entry limits.
pub fn font_files(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries = 0;
    for root in roots {
        let walk = walkdir::WalkDir::new(root)
            .follow_links(true)
            .max_depth(MAX_DEPTH)
            .sort_by_file_name();
        for entry in walk {
            entries += 1;
            if entries > MAX_ENTRIES || files.len() >= MAX_FILES {
                return files;
            }
            // Unreadable folders, dangling links and loops: skipped.
            let Ok(entry) = entry else { continue };
            if entry.file_type().is_file() && is_font_name(entry.path()) {
                files.push(entry.into_path());
            }
        }
    }
    files
}

fn is_font_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["ttf", "otf", "ttc", "otc"].contains(&e.to_ascii_lowercase().as_str()))
}

/// The whole of a regular file of at most [`MAX_FILE`] bytes, taken from
/// `budget`; `None` for anything else (a FIFO is opened without waiting and
/// refused, even one swapped in after the folder was listed).
pub fn read_bounded(path: &Path, budget: &mut u64) -> Option<Vec<u8>> {
    let file = crate::file::open_regular(path).ok()?;
    let len = file.metadata().ok()?.len();
    if len > MAX_FILE || len > *budget {
        return None;
    }
    // Read no more than the cap: the file may grow while it is read.
    let mut data = Vec::new();
    file.take(MAX_FILE.min(*budget) + 1)
        .read_to_end(&mut data)
        .ok()?;
    let len = data.len() as u64;
    *budget = budget.saturating_sub(len);
    (len <= MAX_FILE && len > 0).then_some(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::pdf::fallback::search;
    use std::collections::BTreeSet;

    #[test]
    fn font_dirs_from_the_environment_or_given() {
        assert!(FontDirs::none().dirs().is_empty());
        let d = FontDirs::new(vec![PathBuf::from("/x")]);
        assert_eq!(d.dirs(), [PathBuf::from("/x")]);
        assert!(is_font_name(Path::new("a/DejaVuSans.TTF")));
        assert!(is_font_name(Path::new("NotoSansCJK.ttc")));
        assert!(!is_font_name(Path::new("a.pcf.gz")));
        assert!(!is_font_name(Path::new("ttf")));
    }

    /// The folder's fonts for `c`: how many, and whether the first is `data`.
    fn found(root: &Path, c: char, data: &[u8]) -> (usize, bool) {
        let found = search(
            &FontDirs::new(vec![root.to_path_buf()]),
            &BTreeSet::from([c]),
        );
        let first = found
            .first()
            .is_some_and(|f| f.data == data && f.glyphs.contains_key(&c));
        (found.len(), first)
    }

    #[test]
    #[cfg(unix)]
    fn hostile_font_folders_are_skipped_and_bounded() {
        use std::fs;
        // The bundled font stands in for a good system font (a CFF one).
        let good = super::super::font::FONT_FILE;
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        // Sorted before the good font, each would be met first.
        fs::write(root.join("a-empty.ttf"), b"").expect("write");
        fs::write(
            root.join("b-truncated.otf"),
            good.get(..4096).expect("4 KiB"),
        )
        .expect("write");
        let mut junk = b"OTTO".to_vec();
        junk.extend(std::iter::repeat_n(0xFF, 5000));
        fs::write(root.join("c-junk.otf"), junk).expect("write");
        // A collection that claims two billion fonts.
        let mut ttc = b"ttcf\x00\x01\x00\x00\x7f\xff\xff\xff".to_vec();
        ttc.extend(std::iter::repeat_n(0, 4096));
        fs::write(root.join("d-many.ttc"), ttc).expect("write");
        // A FIFO named like a font: opening it would wait for a writer forever.
        let fifo = std::process::Command::new("mkfifo")
            .arg(root.join("e-fifo.ttf"))
            .status()
            .expect("mkfifo");
        assert!(fifo.success());
        // A huge (sparse) file: never read.
        let huge = fs::File::create(root.join("f-huge.ttf")).expect("create");
        huge.set_len(MAX_FILE + 1).expect("sparse file");
        // A symlink loop and a dangling link.
        std::os::unix::fs::symlink(root, root.join("g-loop")).expect("symlink");
        std::os::unix::fs::symlink(root.join("nowhere.ttf"), root.join("h-dangling.ttf"))
            .expect("symlink");
        // Deeper than the walk goes.
        let mut deep = root.join("i-deep");
        for level in 0..MAX_DEPTH {
            deep.push(level.to_string());
        }
        fs::create_dir_all(&deep).expect("deep");
        fs::write(deep.join("deep.otf"), good).expect("write");
        assert_eq!(found(root, '合', good), (0, false), "nothing usable");

        // With the good font within reach, it alone is found, once (the loop
        // does not find it again).
        fs::create_dir(root.join("z")).expect("dir");
        fs::write(root.join("z/good.otf"), good).expect("write");
        assert_eq!(found(root, '合', good), (1, true));
        assert!(
            font_files(&[root.to_path_buf()])
                .iter()
                .all(|f| !f.starts_with(root.join("g-loop")))
        );
        // Characters it lacks are in no fallback.
        assert_eq!(found(root, '\u{E000}', good).0, 0);
    }
}
