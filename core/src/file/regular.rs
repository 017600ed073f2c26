//! Only regular files are read or replaced. A path that names a device, a
//! FIFO, a socket or a folder is refused before a byte is read or a name is
//! changed: reading a zero device never ends, opening a FIFO blocks until a
//! writer comes, and renaming over `/dev/null` (as root) would replace the
//! system's device with a plain file.

use std::fs;
use std::io;
use std::path::Path;

use crate::Lang;

/// What a path is when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A folder (directory).
    Folder,
    /// A FIFO (named pipe).
    Fifo,
    /// A Unix socket.
    Socket,
    /// A character or block device (`/dev/null`, a disk).
    Device,
    /// Anything else the system knows that is not a regular file.
    Other,
}

impl FileKind {
    /// What `t` is, or `None` for a regular file.
    pub fn of(t: fs::FileType) -> Option<FileKind> {
        if t.is_file() {
            return None;
        }
        if t.is_dir() {
            return Some(FileKind::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return Some(FileKind::Fifo);
            }
            if t.is_socket() {
                return Some(FileKind::Socket);
            }
            if t.is_char_device() || t.is_block_device() {
                return Some(FileKind::Device);
            }
        }
        Some(FileKind::Other)
    }

    /// Its name in `lang`, as a sentence says it ("a FIFO", 命名管道).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            FileKind::Folder => lang.pick("文件夹", "a folder"),
            FileKind::Fifo => lang.pick("命名管道", "a FIFO"),
            FileKind::Socket => lang.pick("套接字", "a socket"),
            FileKind::Device => lang.pick("设备", "a device"),
            FileKind::Other => lang.pick("特殊文件", "a special file"),
        }
    }
}

/// A path that is not a regular file, carried inside an [`io::Error`] so that
/// every reader and writer reports it where it reports the system's reasons
/// (see [`crate::ioerr::IoReason`], which says it in both languages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("it is {}, not a regular file", .0.label(Lang::En))]
pub struct NotRegular(pub FileKind);

impl NotRegular {
    /// The refusal inside `e`, if `e` is one.
    pub fn of(e: &io::Error) -> Option<NotRegular> {
        e.get_ref()?.downcast_ref::<NotRegular>().copied()
    }

    /// As a clause in `lang`: 这是命名管道，不是普通文件.
    pub fn message(self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("这是{}，不是普通文件", self.0.label(lang)),
            Lang::En => self.to_string(),
        }
    }

    fn into_io(self) -> io::Error {
        let kind = match self.0 {
            FileKind::Folder => io::ErrorKind::IsADirectory,
            _ => io::ErrorKind::InvalidInput,
        };
        io::Error::new(kind, self)
    }
}

/// Whether a write may replace `path`: nothing there, or a regular file
/// (through symlinks) is fine; anything else is an error holding
/// [`NotRegular`]. The one check every writer makes before it reads the old
/// file for its backup or renames a new one into place.
pub fn check_target(path: &Path) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(m) => match FileKind::of(m.file_type()) {
            None => Ok(()),
            Some(kind) => Err(NotRegular(kind).into_io()),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Opens `path` for reading if it is a regular file; otherwise an error
/// holding [`NotRegular`], at once. On Unix the file is opened without
/// waiting (a FIFO opens at once instead of blocking until a writer comes)
/// and the opened file's own type is checked, so a file swapped for a FIFO
/// between a check and the open is caught too.
pub fn open_regular(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    #[cfg(not(unix))]
    if let Some(kind) = FileKind::of(fs::metadata(path)?.file_type()) {
        return Err(NotRegular(kind).into_io());
    }
    let file = options.open(path)?;
    match FileKind::of(file.metadata()?.file_type()) {
        None => Ok(file),
        Some(kind) => Err(NotRegular(kind).into_io()),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mkfifo(path: &Path) {
        let made = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(made, "mkfifo");
    }

    #[test]
    fn a_fifo_is_refused_at_once_and_said_in_both_languages() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.ron");
        mkfifo(&fifo);
        // Would block forever if opened the ordinary way (no writer comes).
        let e = open_regular(&fifo).unwrap_err();
        assert_eq!(NotRegular::of(&e), Some(NotRegular(FileKind::Fifo)));
        let e = check_target(&fifo).unwrap_err();
        assert_eq!(
            crate::ioerr::io_reason(&e, Lang::Zh),
            "这是命名管道，不是普通文件"
        );
        assert_eq!(
            crate::ioerr::io_reason(&e, Lang::En),
            "it is a FIFO, not a regular file"
        );
    }

    #[test]
    fn folders_are_refused_and_files_and_new_names_pass() {
        let dir = tempfile::tempdir().unwrap();
        let e = check_target(dir.path()).unwrap_err();
        assert_eq!(NotRegular::of(&e), Some(NotRegular(FileKind::Folder)));
        assert!(open_regular(dir.path()).is_err());
        let file = dir.path().join("a.ron");
        check_target(&file).unwrap();
        std::fs::write(&file, "x").unwrap();
        check_target(&file).unwrap();
        assert!(open_regular(&file).is_ok());
    }
}
