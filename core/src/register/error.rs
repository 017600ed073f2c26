//! Why the register could not be read, locked or written, in both languages.

use std::path::PathBuf;

use crate::Lang;

/// Why the register could not be read or written.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::Zh))]
pub enum RegisterError {
    /// The register file exists but cannot be read as one: it is left alone
    /// and nothing is registered.
    Broken {
        /// The register file.
        path: PathBuf,
        /// Why.
        why: Broken,
    },
    /// The lock file beside the register cannot be used (not a regular file,
    /// a link, or the system refused): nothing is registered.
    Lock {
        /// The lock file.
        path: PathBuf,
        /// Why.
        why: Broken,
    },
    /// The register could not be written (the old file is untouched).
    Save(Box<crate::file::SaveError>),
    /// The register could not be put into text (the serializer's words).
    Serialize(String),
}

/// Why a register file (or its lock file) could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Broken {
    /// The operating system's reason.
    Io(crate::ioerr::IoReason),
    /// A folder, FIFO, device or socket: never opened (a FIFO would block, a
    /// device could be read without end).
    NotAFile,
    /// A symbolic link to nothing: following it would create a file wherever
    /// it points, perhaps outside the folder.
    DanglingLink,
    /// Larger than [`crate::file::MAX_FILE_BYTES`] (its size in bytes).
    TooLarge(u64),
    /// Not UTF-8 text.
    NotUtf8,
    /// Another `format` than `fundplan-register` (another kind of file).
    Format(String),
    /// Not valid RON of a register: in Chinese, and the parser's English.
    Syntax {
        /// Chinese.
        zh: String,
        /// English, as the parser says it.
        en: String,
    },
}

impl Broken {
    /// The reason as a clause in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let limit = crate::file::MAX_FILE_BYTES / 1024 / 1024;
        match (self, lang) {
            (Broken::Io(e), _) => e.message(lang),
            (Broken::NotAFile, Lang::Zh) => "不是普通文件，未打开".to_string(),
            (Broken::NotAFile, Lang::En) => "not a regular file; it was not opened".to_string(),
            (Broken::DanglingLink, Lang::Zh) => {
                "是指向不存在的文件的链接，未跟随该链接".to_string()
            }
            (Broken::DanglingLink, Lang::En) => {
                "a link to a file that does not exist; the link was not followed".to_string()
            }
            (Broken::TooLarge(size), Lang::Zh) => {
                format!("文件过大（{size} 字节），上限 {limit} MiB")
            }
            (Broken::TooLarge(size), Lang::En) => {
                format!("too large: {size} bytes, the limit is {limit} MiB")
            }
            (Broken::NotUtf8, Lang::Zh) => "不是 UTF-8 文本".to_string(),
            (Broken::NotUtf8, Lang::En) => "not UTF-8 text".to_string(),
            (Broken::Format(f), Lang::Zh) => format!("文件类型为“{}”", crate::text::clip(f)),
            (Broken::Format(f), Lang::En) => format!("format \"{}\"", crate::text::clip(f)),
            (Broken::Syntax { zh, .. }, Lang::Zh) => zh.clone(),
            (Broken::Syntax { en, .. }, Lang::En) => en.clone(),
        }
    }
}

impl RegisterError {
    /// The error as sentences in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RegisterError::Broken { path, why } => {
                let why = why.message(lang);
                match lang {
                    Lang::Zh => format!(
                        "收件登记文件 {} 无法读取（{why}），未改动它，也未登记。请修复或移走该文件。",
                        path.display()
                    ),
                    Lang::En => format!(
                        "The receipt register {} cannot be read ({why}); it was left as it is and nothing was registered. Repair or move the file.",
                        path.display()
                    ),
                }
            }
            RegisterError::Lock { path, why } => {
                let why = why.message(lang);
                match lang {
                    Lang::Zh => format!(
                        "收件登记的锁文件 {} 无法使用（{why}），未登记。请移走该文件。",
                        path.display()
                    ),
                    Lang::En => format!(
                        "The receipt register's lock file {} cannot be used ({why}); nothing was registered. Move the file away.",
                        path.display()
                    ),
                }
            }
            RegisterError::Save(e) => e.message(lang),
            RegisterError::Serialize(e) => match lang {
                Lang::Zh => "无法生成收件登记文件的内容".to_string(),
                Lang::En => e.clone(),
            },
        }
    }
}
