//! Reading, locking and writing the register file. The register is read like
//! any input (regular files only, at most [`crate::file::MAX_FILE_BYTES`], a
//! byte-order mark accepted), never written through a link to nothing, and
//! changed only under the lock of [`update`].

use std::fs::{self, File, OpenOptions};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::{Broken, Register, RegisterError};
use crate::file::LoadErrorKind;

pub(super) const TAG: &str = "fundplan-register";

/// What is at a register's (or lock file's) path, without opening it: `Ok(false)`
/// when nothing is, `Ok(true)` for a regular file (or a link to one).
fn kind_at(path: &Path) -> Result<bool, Broken> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Broken::Io(e.into())),
    };
    let meta = if meta.file_type().is_symlink() {
        match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == ErrorKind::NotFound => return Err(Broken::DanglingLink),
            Err(e) => return Err(Broken::Io(e.into())),
        }
    } else {
        meta
    };
    if meta.is_file() {
        Ok(true)
    } else {
        Err(Broken::NotAFile)
    }
}

impl Register {
    /// A register with no entries.
    pub fn empty() -> Register {
        Register {
            format: TAG.into(),
            entries: Vec::new(),
        }
    }

    /// The register in `path`; an empty one when nothing is there. Anything
    /// else that is not a readable register is an error (the file is left
    /// alone): a folder, FIFO or device is not opened, a link to nothing is
    /// not followed, and a file over the size limit is not read.
    pub fn load(path: &Path) -> Result<Register, RegisterError> {
        let broken = |why| RegisterError::Broken {
            path: path.to_path_buf(),
            why,
        };
        if !kind_at(path).map_err(broken)? {
            return Ok(Register::empty());
        }
        let text = crate::file::read_text(path).map_err(|e| {
            broken(match e.kind {
                LoadErrorKind::Unreadable(r) => Broken::Io(r),
                LoadErrorKind::NotAFile => Broken::NotAFile,
                LoadErrorKind::TooLarge { size } => Broken::TooLarge(size),
                LoadErrorKind::NotUtf8 => Broken::NotUtf8,
                // `read_text` says nothing else; said as it says it, should that change.
                _ => Broken::Syntax {
                    zh: e.message(crate::Lang::Zh),
                    en: e.message(crate::Lang::En),
                },
            })
        })?;
        match ron::from_str::<Register>(crate::file::without_bom(&text)) {
            Ok(r) if r.format == TAG => Ok(r),
            Ok(r) => Err(broken(Broken::Format(r.format))),
            Err(e) => {
                let t = crate::file::syntax_text(&e.code);
                let (line, col) = (e.span.start.line, e.span.start.col);
                Err(broken(Broken::Syntax {
                    zh: format!("第 {line} 行第 {col} 列：{}", t.zh),
                    en: format!("line {line}, column {col}: {}", t.en),
                }))
            }
        }
    }

    /// Writes the register to `path` atomically. What is there must be a
    /// regular file (or a link to one) or nothing: a link to nothing is not
    /// followed, so no file is created wherever it points.
    pub fn save(&self, path: &Path) -> Result<(), RegisterError> {
        kind_at(path).map_err(|why| RegisterError::Broken {
            path: path.to_path_buf(),
            why,
        })?;
        let config = ron::ser::PrettyConfig::new().indentor("    ".to_string());
        let text = ron::ser::to_string_pretty(self, config)
            .map_err(|e| RegisterError::Serialize(e.to_string()))?;
        crate::file::write_atomic(path, format!("{text}\n").as_bytes())
            .map_err(|e| RegisterError::Save(Box::new(e)))
    }
}

/// The lock file of the register at `path`: beside it, `NAME.lock`. It is
/// kept (removing it while another process waits on it would split the lock).
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

/// Takes the register's lock, waiting for another process that holds it. `None`
/// when there is no lock file and none can be made (no such folder, no
/// permission to write in it, a read-only disk): then this process cannot
/// write the register either (a save is a new file renamed in that folder),
/// so it only reads it and loses nothing of another's.
fn lock(path: &Path) -> Result<Option<File>, RegisterError> {
    let lock = lock_path(path);
    let failed = |why| RegisterError::Lock {
        path: lock.clone(),
        why,
    };
    let cannot_write = |e: &std::io::Error| {
        matches!(
            e.kind(),
            ErrorKind::NotFound | ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem
        )
    };
    // `create_new` never follows a link, dangling or not.
    let file = match OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&lock)
    {
        Ok(f) => f,
        // Read-only is enough for the lock (flock on Unix, LockFileEx on
        // Windows), so a lock file another user made (0644 in a shared
        // folder) is locked too, never passed by. Opened without waiting and
        // checked to be a regular file (a FIFO there would block).
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            crate::file::open_regular(&lock).map_err(|e| failed(Broken::Io(e.into())))?
        }
        Err(e) if cannot_write(&e) => return Ok(None),
        Err(e) => return Err(failed(Broken::Io(e.into()))),
    };
    file.lock().map_err(|e| failed(Broken::Io(e.into())))?;
    Ok(Some(file))
}

/// The one way the register changes: takes its lock (an advisory lock on
/// [`lock_path`], which works on Windows too), loads it, lets `change` check
/// and update it, saves it when it changed, and lets the lock go. Concurrent
/// roll-ups and the app therefore never lose each other's entries.
pub fn update<T>(path: &Path, change: impl FnOnce(&mut Register) -> T) -> Result<T, RegisterError> {
    // Held to the end of this function; closing the file releases the lock.
    let _held = lock(path)?;
    let mut register = Register::load(path)?;
    let before = register.clone();
    let out = change(&mut register);
    if register != before {
        register.save(path)?;
    }
    Ok(out)
}
