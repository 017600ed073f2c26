//! Reading and writing plan and catalog files.
//!
//! Loading either yields a complete, well-formed value or a [`LoadError`] that
//! names the file and, where the parser knows it, the line and column. Saving
//! writes canonical pretty RON (the same plan always gives the same bytes)
//! through a temporary file in the target folder that is flushed, synced and then
//! renamed over the old file, so a crash mid-save leaves the old file intact.

pub mod canonical;

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::Lang;
use crate::catalog::Catalog;
use crate::format::{CatalogFormat, FORMAT_VERSION, PlanFormat};
use crate::money::MONEY_EXPECTING;
use crate::plan::Plan;

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Nesting deeper than this is refused; real plans nest five levels.
const RECURSION_LIMIT: usize = 64;

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
    /// RON syntax error or a value of the wrong shape: the parser's words
    /// (English), and the same in Chinese where fundplan knows the error.
    Syntax {
        /// Chinese.
        zh: String,
        /// English, as the parser says it.
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
    fn new(path: &Path, kind: LoadErrorKind, at: Option<Position>) -> LoadError {
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
            LoadErrorKind::Syntax { en, .. } => format!("is not valid: {}", clip_long(en)),
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

/// Reads a file as text, refusing oversized and non-UTF-8 files.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let unreadable =
        |e: std::io::Error| LoadError::new(path, LoadErrorKind::Unreadable(e.into()), None);
    let file = fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::new(path, LoadErrorKind::TooLarge { size }, None));
    }
    // take() guards against files that grow, or report no size (pipes).
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let size = bytes.len() as u64;
        return Err(LoadError::new(path, LoadErrorKind::TooLarge { size }, None));
    }
    String::from_utf8(bytes).map_err(|e| {
        // `valid_up_to` is within the bytes, so `get` always gives the valid prefix.
        let good = e
            .as_bytes()
            .get(..e.utf8_error().valid_up_to())
            .unwrap_or_default();
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let last = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(good.get(last..).unwrap_or_default())
            .chars()
            .count()
            + 1;
        LoadError::new(path, LoadErrorKind::NotUtf8, Some(Position { line, col }))
    })
}

/// Loads a plan file.
pub fn load_plan(path: &Path) -> Result<Plan, LoadError> {
    parse_plan(&read_text(path)?, path)
}

/// Parses plan text; `path` is only used in errors.
pub fn parse_plan(text: &str, path: &Path) -> Result<Plan, LoadError> {
    let text = without_bom(text);
    // Files fundplan wrote take the fast reader; anything else, and every
    // error, goes through ron (same plan either way, see `canonical`).
    let plan = match canonical::parse(text) {
        Some(plan) => plan,
        None => parse_plan_with_ron(text, path)?,
    };
    check_limits(&plan).map_err(|kind| LoadError::new(path, kind, None))?;
    Ok(plan)
}

/// Parses plan text with `ron` alone, without the limits check: the reference
/// the fast reader is tested against.
#[doc(hidden)]
pub fn parse_plan_with_ron(text: &str, path: &Path) -> Result<Plan, LoadError> {
    parse(text, path, PlanFormat::TAG)
}

/// Most projects a plan may hold (a banner has dozens to hundreds).
pub const MAX_PROJECTS: usize = 100_000;
/// Most source rows.
pub const MAX_SOURCES: usize = 10_000;
/// Most funding entries in one project.
pub const MAX_FUNDING: usize = 1_000;
/// Most review comments.
pub const MAX_COMMENTS: usize = 10_000;
/// Longest text field, in characters (a long 绩效目标 is a few hundred).
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Most characters of a file's own text quoted in a message: a hostile file
/// with a 15 MiB name must not make a 15 MB message (or dialog).
pub const QUOTED_CHARS: usize = 80;

/// `text` cut to [`QUOTED_CHARS`] characters, with … when cut.
pub fn clip(text: &str) -> std::borrow::Cow<'_, str> {
    clip_to(text, QUOTED_CHARS)
}

/// A parser's sentence, which quotes the token within it: cut longer.
fn clip_long(text: &str) -> std::borrow::Cow<'_, str> {
    clip_to(text, 3 * QUOTED_CHARS)
}

fn clip_to(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => text.into(),
        Some((cut, _)) => format!("{}…", &text[..cut]).into(),
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

/// Limits that no real plan reaches: hostile or broken files stop here with a
/// clear error instead of costing minutes or gigabytes later.
pub(crate) fn check_limits(plan: &Plan) -> Result<(), LoadErrorKind> {
    let count = |what, count, limit| {
        if count > limit {
            Err(LoadErrorKind::TooMany { what, count, limit })
        } else {
            Ok(())
        }
    };
    count("projects", plan.projects.len(), MAX_PROJECTS)?;
    count("sources", plan.sources.len(), MAX_SOURCES)?;
    count(
        "comments",
        plan.review.as_ref().map_or(0, |r| r.comments.len()),
        MAX_COMMENTS,
    )?;
    // The path is built only for the rare text that is too long (building it
    // for every field was most of this check's cost).
    let long = |path: &dyn Fn() -> String, text: &str| {
        // Bytes bound chars from above: only count chars for the rare long text.
        if text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS {
            Err(LoadErrorKind::TooLong {
                path: path(),
                chars: text.chars().count(),
            })
        } else {
            Ok(())
        }
    };
    use crate::plan::path as p;
    // No `..`: a new text field of the header or the county needs a limit here.
    let Plan {
        format: _,
        format_version: _,
        catalog,
        year: _,
        county,
        revision: _,
        adjustment: _,
        prepared_by,
        approval,
        sources: _,
        projects: _,
        submission: _,
        review: _,
    } = plan;
    let crate::plan::County {
        code,
        name,
        league,
        kind: _,
    } = county;
    for (field, value) in [
        ("catalog", catalog),
        ("prepared_by", prepared_by),
        ("approval", approval),
    ] {
        long(&|| p::header(field), value)?;
    }
    for (field, value) in [("code", code), ("name", name), ("league", league)] {
        long(&|| p::county(field), value)?;
    }
    if let Some(a) = &plan.adjustment {
        long(&|| p::header("adjustment"), &a.reason)?;
        long(&|| p::header("adjustment"), &a.approval)?;
    }
    for s in &plan.sources {
        for (field, value) in crate::plan::fields::source_values(s) {
            if let (Some(_), crate::plan::fields::SourceValue::Text(value)) =
                (field.max_chars(), value)
            {
                long(&|| p::source(&s.line, Some(field.key())), value)?;
            }
        }
    }
    for pr in &plan.projects {
        count("funding entries", pr.funding.len(), MAX_FUNDING)?;
        for (field, value) in crate::plan::fields::values(pr) {
            // Every field with a character limit holds text.
            if let (Some(_), crate::plan::fields::FieldValue::Text(value)) =
                (field.max_chars(), value)
            {
                long(&|| p::project(&pr.id, Some(field.key())), value)?;
            }
        }
        for f in &pr.funding {
            long(&|| p::funding(&pr.id, "…"), &f.line)?;
        }
    }
    for c in plan.review.iter().flat_map(|r| &r.comments) {
        long(&|| "review".to_string(), &c.text)?;
        long(&|| "review".to_string(), &c.target)?;
    }
    Ok(())
}

/// Loads a catalog file.
pub fn load_catalog(path: &Path) -> Result<Catalog, LoadError> {
    parse_catalog(&read_text(path)?, path)
}

/// Parses catalog text; `path` is only used in errors.
pub fn parse_catalog(text: &str, path: &Path) -> Result<Catalog, LoadError> {
    let catalog: Catalog = parse(without_bom(text), path, CatalogFormat::TAG)?;
    crate::catalog::check(&catalog)
        .map_err(|(zh, en)| LoadError::new(path, LoadErrorKind::Syntax { zh, en }, None))?;
    Ok(catalog)
}

/// `text` without the byte-order mark Windows Notepad puts first.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

fn parse<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    expected: &'static str,
) -> Result<T, LoadError> {
    options()
        .from_str::<T>(text)
        .map_err(|e| classify(text, path, expected, e))
}

/// Just the header, read leniently on the error path to tell a wrong file kind
/// or a newer version apart from the error the strict parse stumbled on.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    format: String,
    #[serde(default = "current_version")]
    format_version: u64,
}

fn current_version() -> u64 {
    u64::from(FORMAT_VERSION)
}

fn classify(
    text: &str,
    path: &Path,
    expected: &'static str,
    e: ron::error::SpannedError,
) -> LoadError {
    let at = Some(Position {
        line: e.span.start.line,
        col: e.span.start.col,
    });
    if let Ok(probe) = options().from_str::<Probe>(text) {
        if !probe.format.is_empty() && probe.format != expected {
            let found = probe.format;
            return LoadError::new(path, LoadErrorKind::WrongFormat { expected, found }, at);
        }
        let found = probe.format_version;
        if found == 0 || found > u64::from(FORMAT_VERSION) {
            return LoadError::new(path, LoadErrorKind::UnsupportedVersion { found }, at);
        }
    }
    use ron::error::Error as E;
    let kind = match e.code {
        E::NoSuchStructField { found, .. } => LoadErrorKind::UnknownField(found),
        E::MissingStructField { field, .. } => LoadErrorKind::MissingField(field.to_string()),
        E::DuplicateStructField { field, .. } => LoadErrorKind::DuplicateField(field.to_string()),
        E::ExceededRecursionLimit => LoadErrorKind::TooDeep,
        E::InvalidValueForType { expected, found } if expected == MONEY_EXPECTING => {
            // serde describes the value in English ("the floating point number
            // `1.5`", "the string \"1.234\""); keep only the value itself.
            match found.split('`').nth(1) {
                Some(number) => LoadErrorKind::BadMoney {
                    found: number.to_string(),
                    number: true,
                },
                None => LoadErrorKind::BadMoney {
                    found: found
                        .strip_prefix("the string ")
                        .unwrap_or(&found)
                        .to_string(),
                    number: false,
                },
            }
        }
        other => LoadErrorKind::Syntax {
            zh: syntax_zh(&other),
            en: other.to_string(),
        },
    };
    LoadError::new(path, kind, at)
}

/// The parser's error in Chinese, for the common cases; otherwise its English
/// words in brackets.
pub(crate) fn syntax_zh(e: &ron::error::Error) -> String {
    use ron::error::Error as E;
    match e {
        E::Eof => "文件意外结束（内容不完整？）".to_string(),
        E::ExpectedComma => "缺少逗号".to_string(),
        E::ExpectedString | E::ExpectedStringEnd => "此处应为加引号的文字".to_string(),
        E::ExpectedInteger | E::IntegerOutOfBounds => "此处应为整数".to_string(),
        E::ExpectedBoolean => "此处应为 true 或 false".to_string(),
        E::ExpectedOption => "此处应为 None 或 Some(…)".to_string(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => "此处应以“(”开始".to_string(),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => "缺少“)”".to_string(),
        E::ExpectedArray => "此处应以“[”开始".to_string(),
        E::ExpectedArrayEnd => "缺少“]”".to_string(),
        E::ExpectedMapColon => "缺少冒号".to_string(),
        E::TrailingCharacters => "结尾有多余内容".to_string(),
        E::UnexpectedChar(c) => format!("意外的字符“{c}”"),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => {
            format!("“{found}”不是有效取值，应为：{}", expected.join("、"))
        }
        E::ExpectedDifferentStructName { expected, found } => {
            format!("结构名应为 {expected}，实际为 {found}")
        }
        E::InvalidValueForType { expected, found } => {
            format!("取值无效（应为 {expected}，实际为 {found}）")
        }
        other => format!("无法解析（{other}）"),
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
/// the link's target is written and backed up, beside the target.
pub fn replace_keeping_backup(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let path = &resolve_links(path);
    back_up_if_replaced(path, bytes)?;
    write_atomic(path, bytes)
}

/// Keeps the file at `path` as `NAME.bak` when `bytes`, about to replace it,
/// differ from it; nothing when there is no such file.
pub fn back_up_if_replaced(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    match fs::read(path) {
        Ok(old) if old != bytes => keep_backup(path, &old),
        _ => Ok(()),
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
/// supported, `old` is written out instead.
fn keep_backup(path: &Path, old: &[u8]) -> Result<(), SaveError> {
    let bak = backup_path(path);
    // A name no other save uses, in this process or another.
    static SAVES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = SAVES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let link = path.with_file_name(format!(".fundplan-bak-{}-{n}.tmp", std::process::id()));
    // Only a stale link of a killed save can be there; if it cannot be removed,
    // `hard_link` fails below and the backup is written out instead.
    fs::remove_file(&link).ok();
    if fs::hard_link(path, &link).is_ok() {
        let renamed = fs::rename(&link, &bak).is_ok();
        // When a concurrent save already made `bak` this very file, rename
        // succeeds doing nothing and `link` stays: it must never be left.
        // A link that cannot be removed is an hour-old temporary by the next
        // save, which removes it then (`remove_stale_temporaries`).
        fs::remove_file(&link).ok();
        if renamed {
            return Ok(());
        }
    }
    write_atomic(&bak, old)
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
    write_atomic_with(path, |f| f.write_all(bytes))
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
    write(tmp.as_file_mut()).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
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
    let permissions = match fs::metadata(path) {
        Ok(m) => Some(m.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(p) = permissions {
        tmp.as_file().set_permissions(p).map_err(err)?;
    }
    tmp.persist(path).map_err(|e| err(e.error))?;
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
    Ok(())
}
