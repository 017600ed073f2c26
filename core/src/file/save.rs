//! Writing files: canonical text through a temporary file in the target
//! folder that is flushed, synced and then renamed over the old file (a crash
//! mid-save leaves the old file intact), the old file kept as `NAME.bak`.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::failpoint::step;
use super::{LoadError, LoadErrorKind, MAX_FILE_BYTES, check_limits, check_target, open_regular};
use crate::Lang;
use crate::plan::Plan;

/// A file that could not be written. The old file, if any, is untouched.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::Zh))]
pub struct SaveError {
    /// The file that was to be written.
    pub path: PathBuf,
    /// Why it was not.
    pub source: SaveFailure,
}

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum SaveFailure {
    /// The operating system's reason.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The plan would not load back (it is over a limit), so it is not written.
    #[error("{}", .0.message(Lang::Zh))]
    WouldNotLoad(Box<LoadError>),
    /// The workbook could not be put together.
    #[error(transparent)]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

impl SaveFailure {
    /// The reason as a clause in `lang`.
    fn message(&self, lang: Lang) -> String {
        match self {
            SaveFailure::WouldNotLoad(e) => e.message(lang),
            SaveFailure::Io(e) => crate::ioerr::io_reason(e, lang),
            // The workbook writer's text has one language; its I/O failures are
            // the operating system's and are said in `lang`.
            SaveFailure::Xlsx(rust_xlsxwriter::XlsxError::IoError(e)) => {
                crate::ioerr::io_reason(e, lang)
            }
            SaveFailure::Xlsx(e) => match lang {
                Lang::Zh => "无法生成工作簿".to_string(),
                Lang::En => e.to_string(),
            },
        }
    }
}

impl SaveError {
    /// The error as one sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let path = self.path.display();
        let reason = self.source.message(lang);
        match lang {
            Lang::Zh => format!("无法保存 {path}：{reason}；原文件未改动"),
            Lang::En => format!("could not save {path}: {reason}; the existing file is unchanged"),
        }
    }
}

/// The canonical text of a plan: pretty RON, four-space indents, funding
/// entries one per line. The same plan always gives the same bytes.
pub fn plan_to_string(plan: &Plan) -> String {
    let mut s = crate::ronfmt::pretty(plan);
    s.push('\n');
    s
}

#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

/// Elsewhere a temporary file is an ordinary file already.
#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    None
}

/// Writes `plan` to `path` atomically (see the module documentation).
///
/// The file it replaces is kept as `NAME.ron.bak`, so the previous version
/// survives a mistaken save.
pub fn save_plan(plan: &Plan, path: &Path) -> Result<(), SaveError> {
    // Never write a file that loading would refuse.
    let would_not_load = |kind| SaveError {
        path: path.to_path_buf(),
        source: SaveFailure::WouldNotLoad(Box::new(LoadError::new(path, kind, None))),
    };
    check_limits(plan).map_err(would_not_load)?;
    let text = plan_to_string(plan);
    let size = text.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(would_not_load(LoadErrorKind::TooLarge { size }));
    }
    replace_keeping_backup(path, text.as_bytes())
}

/// Writes `bytes` to `path` atomically; the file it replaces, if different,
/// is kept as `NAME.bak` (exports keep one as saves do). Through a symlink,
/// the link's target is written and backed up, beside the target. A `path`
/// that is no regular file (a device, a FIFO, a folder) is refused before
/// anything is read or renamed (see [`check_target`]).
pub fn replace_keeping_backup(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let path = &resolve_links(path);
    back_up_if_replaced(path, bytes)?;
    write_atomic(path, bytes)
}

/// Keeps the file at `path` as `NAME.bak` when `bytes`, about to replace it,
/// differ from it; nothing when there is no such file. A `path` that is no
/// regular file is an error; the old file is never read whole (see
/// [`same_content`]).
pub fn back_up_if_replaced(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    check_target(path).map_err(|e| io_error(path, e))?;
    match same_content(path, bytes) {
        Ok(false) => keep_backup(path),
        // The same bytes need no backup; an old file that cannot be read
        // (gone, no permission) gets none, and the write itself says why it fails.
        Ok(true) | Err(_) => Ok(()),
    }
}

/// Whether the regular file at `path` holds exactly `bytes`. Sizes are
/// compared first, so at most `bytes.len()` bytes are read: a huge old file
/// costs no memory.
fn same_content(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    let file = open_regular(path)?;
    let len = bytes.len() as u64;
    if file.metadata()?.len() != len {
        return Ok(false);
    }
    // take() guards against a file that grows meanwhile.
    let mut old = Vec::with_capacity(bytes.len());
    file.take(len + 1).read_to_end(&mut old)?;
    Ok(old == bytes)
}

fn io_error(path: &Path, source: std::io::Error) -> SaveError {
    SaveError {
        path: path.to_path_buf(),
        source: SaveFailure::Io(source),
    }
}

/// The file a chain of symlinks at `path` ends in (`path` itself if it is not
/// a link). Writing there keeps the link a link; renaming a new file over the
/// link itself would replace it and leave the real file as it was.
pub fn resolve_links(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    // Bounded: a link cycle stops here and the write then fails on it.
    for _ in 0..40 {
        let Ok(target) = fs::read_link(&p) else {
            break;
        };
        p = match p.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    p
}

/// True when `a` and `b` name the same existing file (through links too).
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (fs::canonicalize(a), fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

/// Makes the current `path` the backup. A hard link under a temporary name,
/// renamed over the backup, is atomic and copies nothing (the save that follows
/// puts a new file at `path`, the backup keeps the old one); where links are not
/// supported, the old file is copied, streamed (never held in memory whole).
/// A `NAME.bak` that is no regular file is refused, never renamed over.
fn keep_backup(path: &Path) -> Result<(), SaveError> {
    let bak = backup_path(path);
    check_target(&bak).map_err(|e| io_error(&bak, e))?;
    // A name no other save uses, in this process or another.
    static SAVES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = SAVES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let link = path.with_file_name(format!(".fundplan-bak-{}-{n}.tmp", std::process::id()));
    // Only a stale link of a killed save can be there; if it cannot be removed,
    // `hard_link` fails below and the backup is written out instead.
    fs::remove_file(&link).ok();
    if fs::hard_link(path, &link).is_ok() {
        step();
        let renamed = fs::rename(&link, &bak).is_ok();
        step();
        // When a concurrent save already made `bak` this very file, rename
        // succeeds doing nothing and `link` stays: it must never be left.
        // A link that cannot be removed is an hour-old temporary by the next
        // save, which removes it then (`remove_stale_temporaries`).
        fs::remove_file(&link).ok();
        step();
        if renamed {
            return Ok(());
        }
    }
    write_atomic_with(&bak, |f| {
        std::io::copy(&mut open_regular(path)?, f).map(drop)
    })
}

/// Temporary files of saves that were killed midway: removed once they are
/// an hour old (a younger one may belong to a save still running elsewhere).
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let hour = std::time::Duration::from_secs(3600);
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".fundplan-") && name.ends_with(".tmp")) {
            continue;
        }
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok());
        if old.is_some_and(|age| age > hour) {
            // Tidying only: a file that will not go is tried again next save.
            fs::remove_file(e.path()).ok();
        }
    }
}

/// Where [`save_plan`] keeps the previous version: `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Replaces `path` with `bytes` so that readers see either the old or the new
/// content, never a mix: temporary file in the same folder, sync, rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, |f| {
        // Two writes, so that the failpoint can stop between them (a half-written file).
        let (first, rest) = bytes.split_at(bytes.len() / 2);
        f.write_all(first)?;
        step();
        f.write_all(rest)
    })
}

/// [`write_atomic`] with the writing done by `write`; if it fails, the
/// temporary file is removed and `path` is untouched. Tests use it to fail
/// half-way through a save.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let err = |source| SaveError {
        path: path.to_path_buf(),
        source: SaveFailure::Io(source),
    };
    // Through a symlink: write the target, in the target's folder.
    let path = &resolve_links(path);
    // Before a temporary file is written for nothing.
    check_target(path).map_err(err)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_temporaries(&dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(".fundplan-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(err)?;
    step();
    write(tmp.as_file_mut()).map_err(err)?;
    step();
    tmp.as_file().sync_all().map_err(err)?;
    step();
    persist_document(tmp, path)
}

/// Renames a written and synced temporary file (in `path`'s folder) to `path`.
/// Temporary files are private (0600); the saved file keeps the old file's
/// permissions, or gets the usual ones for a document (0644).
pub fn persist_document(tmp: tempfile::NamedTempFile, path: &Path) -> Result<(), SaveError> {
    let err = |source| SaveError {
        path: path.to_path_buf(),
        source: SaveFailure::Io(source),
    };
    // The last gate before the rename: every writer passes here.
    check_target(path).map_err(err)?;
    let permissions = match fs::metadata(path) {
        Ok(m) => Some(m.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(p) = permissions {
        tmp.as_file().set_permissions(p).map_err(err)?;
    }
    tmp.persist(path).map_err(|e| err(e.error))?;
    step();
    // Make the rename itself durable; not every platform can open a folder.
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = fs::File::open(dir) {
        // The file itself is synced already; a folder that cannot be synced
        // (some file systems refuse) costs only durability of the rename.
        d.sync_all().ok();
    }
    step();
    Ok(())
}

/// The canonical text of a catalog: pretty RON, four-space indents, one line
/// per fund line. The same catalog always gives the same bytes, so an export
/// to a workbook and back gives the file it started from.
pub fn catalog_to_string(catalog: &crate::catalog::Catalog) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .depth_limit(2)
        .separate_tuple_members(false)
        .escape_strings(true);
    // Serializing plain data to a String cannot fail; an empty string would
    // be refused by loading, so nothing wrong is ever saved.
    let mut s = ron::ser::to_string_pretty(catalog, config).unwrap_or_default();
    s.push('\n');
    s
}

/// Writes `catalog` to `path` atomically, keeping the replaced file as
/// `NAME.ron.bak`. A catalog that loading would refuse is not written.
pub fn save_catalog(catalog: &crate::catalog::Catalog, path: &Path) -> Result<(), SaveError> {
    let text = catalog_to_string(catalog);
    crate::file::parse_catalog(&text, path).map_err(|e| SaveError {
        path: path.to_path_buf(),
        source: SaveFailure::WouldNotLoad(Box::new(e)),
    })?;
    replace_keeping_backup(path, text.as_bytes())
}
