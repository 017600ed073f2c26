//! Why a file did not load, said in either language.

use std::path::{Path, PathBuf};

use super::{MAX_FILE_BYTES, MAX_TEXT_CHARS};
use crate::Lang;
use crate::format::FORMAT_VERSION;
use crate::text::{clip, clip_long};

/// A position in a file, 1-based as editors count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

/// A file that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::Zh))]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: LoadErrorKind,
    /// Where, when the parser knows.
    pub at: Option<Position>,
}

/// The classes of load failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The operating system could not read it (missing, no permission …).
    Unreadable(crate::ioerr::IoReason),
    /// A folder scan found a `.ron` name that is no regular file (a FIFO, a
    /// device): it is not opened, as reading it could block forever.
    NotAFile,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Size in bytes.
        size: u64,
    },
    /// Not UTF-8 text.
    NotUtf8,
    /// RON syntax error or a value of the wrong shape, or a catalog's
    /// problem: what is wrong, as a sentence in each language.
    Syntax {
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
    /// The `format` header names another kind of file.
    WrongFormat {
        /// What this loader wanted.
        expected: &'static str,
        /// What the file says.
        found: String,
    },
    /// `format_version` is newer (or older) than this build reads.
    UnsupportedVersion {
        /// The file's version.
        found: u64,
    },
    /// A field this format does not have (often a typo).
    UnknownField(String),
    /// A required field is absent.
    MissingField(String),
    /// A field given twice.
    DuplicateField(String),
    /// A money field holds a bare number, or a string that is not an amount.
    BadMoney {
        /// The value as written (a string with its quotes).
        found: String,
        /// True when it is an unquoted number.
        number: bool,
    },
    /// Nested deeper than any real file.
    TooDeep,
    /// More items than any real plan has (projects, lines, entries, comments).
    TooMany {
        /// What there are too many of (`projects`, `sources` …).
        what: &'static str,
        /// How many there are.
        count: usize,
        /// The most accepted.
        limit: usize,
    },
    /// A text field longer than any real one.
    TooLong {
        /// The field, in the plan path grammar.
        path: String,
        /// Its length in characters.
        chars: usize,
    },
}

impl LoadError {
    pub(crate) fn new(path: &Path, kind: LoadErrorKind, at: Option<Position>) -> LoadError {
        LoadError {
            path: path.to_path_buf(),
            kind,
            at,
        }
    }

    /// The whole error as one sentence in `lang`: file, position, cause.
    pub fn message(&self, lang: Lang) -> String {
        let file = self.path.display();
        let place = match (self.at, lang) {
            (Some(p), Lang::Zh) => format!("{file} 第 {} 行第 {} 列", p.line, p.col),
            (Some(p), Lang::En) => format!("{file}, line {}, column {}", p.line, p.col),
            (None, _) => file.to_string(),
        };
        let zh = lang == Lang::Zh;
        let cause = match &self.kind {
            LoadErrorKind::Unreadable(e) => match lang {
                Lang::Zh => format!("无法读取文件（{}）", clip_long(&e.message(lang))),
                Lang::En => format!("cannot read the file ({})", clip_long(&e.message(lang))),
            },
            LoadErrorKind::NotAFile if zh => "无法读取文件（不是普通文件）".to_string(),
            LoadErrorKind::NotAFile => "cannot read the file (not a regular file)".to_string(),
            LoadErrorKind::TooLarge { size } if zh => format!(
                "文件过大（{size} 字节），上限 {} MiB，未读取",
                MAX_FILE_BYTES / 1024 / 1024
            ),
            LoadErrorKind::TooLarge { size } => format!(
                "the file is too large ({size} bytes; the limit is {} MiB) and was not read",
                MAX_FILE_BYTES / 1024 / 1024
            ),
            LoadErrorKind::NotUtf8 if zh => "不是 UTF-8 文本文件".to_string(),
            LoadErrorKind::NotUtf8 => "is not UTF-8 text".to_string(),
            LoadErrorKind::Syntax { zh: d, .. } if zh => format!("格式错误：{}", clip_long(d)),
            LoadErrorKind::Syntax { en, .. } => format!("format error: {}", clip_long(en)),
            LoadErrorKind::WrongFormat { expected, found } if zh => {
                format!("文件类型为“{}”，此处需要“{expected}”", clip(found))
            }
            LoadErrorKind::WrongFormat { expected, found } => {
                format!(
                    "the file is of format “{}”, expected “{expected}”",
                    clip(found)
                )
            }
            LoadErrorKind::UnsupportedVersion { found }
                if zh && *found > u64::from(FORMAT_VERSION) =>
            {
                format!("文件格式版本为 {found}，本程序只支持到 {FORMAT_VERSION}，请升级 fundplan")
            }
            LoadErrorKind::UnsupportedVersion { found } if *found > u64::from(FORMAT_VERSION) => {
                format!(
                    "the file needs format version {found}; this fundplan reads up to {FORMAT_VERSION}: please update fundplan"
                )
            }
            LoadErrorKind::UnsupportedVersion { found } if zh => {
                format!("不支持的文件格式版本 {found}")
            }
            LoadErrorKind::UnsupportedVersion { found } => {
                format!("unsupported format version {found}")
            }
            LoadErrorKind::UnknownField(f) if zh => format!("未知字段“{}”（拼写错误？）", clip(f)),
            LoadErrorKind::UnknownField(f) => format!("unknown field “{}” (a typo?)", clip(f)),
            LoadErrorKind::MissingField(f) if zh => format!("缺少字段“{}”", clip(f)),
            LoadErrorKind::MissingField(f) => format!("missing field “{}”", clip(f)),
            LoadErrorKind::DuplicateField(f) if zh => format!("字段“{}”重复", clip(f)),
            LoadErrorKind::DuplicateField(f) => format!("field “{}” is given twice", clip(f)),
            LoadErrorKind::BadMoney { found, number } if zh => format!(
                "金额须为加引号的元金额字符串、最多两位小数（如 \"1250.50\"），此处为{} {}",
                if *number { "不带引号的数字" } else { "" },
                clip(found)
            ),
            LoadErrorKind::BadMoney { found, number } => format!(
                "an amount must be a quoted string of yuan with at most 2 decimals (e.g. \"1250.50\"), found {}{}",
                if *number { "the bare number " } else { "" },
                clip(found)
            ),
            LoadErrorKind::TooDeep if zh => "嵌套层数过深".to_string(),
            LoadErrorKind::TooDeep => "is nested too deeply".to_string(),
            LoadErrorKind::TooMany { what, count, limit } if zh => {
                format!("{}过多（{count} 个，上限 {limit} 个）", what_zh(what))
            }
            LoadErrorKind::TooMany { what, count, limit } => {
                format!("too many {what} ({count}; the limit is {limit})")
            }
            LoadErrorKind::TooLong { path, chars } if zh => {
                format!("{path} 过长（{chars} 个字符，上限 {MAX_TEXT_CHARS} 个）")
            }
            LoadErrorKind::TooLong { path, chars } => {
                format!("{path} is too long ({chars} characters; the limit is {MAX_TEXT_CHARS})")
            }
        };
        match lang {
            Lang::Zh => format!("{place}：{cause}"),
            Lang::En => format!("{place}: {cause}"),
        }
    }
}

fn what_zh(what: &str) -> &'static str {
    match what {
        "projects" => "项目",
        "sources" => "资金来源行",
        "funding entries" => "项目资金条目",
        _ => "审核意见",
    }
}
