//! Reading plan and catalog files: a complete, checked value or a
//! [`LoadError`] that says where and why.

use std::io::Read;
use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::{
    LoadError, LoadErrorKind, MAX_FILE_BYTES, Position, RECURSION_LIMIT, canonical, check_limits,
};
use crate::catalog::Catalog;
use crate::format::{CatalogFormat, FORMAT_VERSION, PlanFormat};
use crate::money::MONEY_EXPECTING;
use crate::plan::Plan;

/// Reads a file as text, refusing oversized and non-UTF-8 files, and
/// anything that is no regular file (a FIFO fails at once, it does not block).
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let unreadable =
        |e: std::io::Error| LoadError::new(path, LoadErrorKind::Unreadable(e.into()), None);
    let file = super::open_regular(path).map_err(unreadable)?;
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

/// Loads a catalog file.
pub fn load_catalog(path: &Path) -> Result<Catalog, LoadError> {
    parse_catalog(&read_text(path)?, path)
}

/// Parses catalog text; `path` is only used in errors. A catalog with a
/// problem is refused for the first ([`crate::catalog::file_problems`]):
/// also one that takes a built-in id with other content.
pub fn parse_catalog(text: &str, path: &Path) -> Result<Catalog, LoadError> {
    let catalog: Catalog = parse(without_bom(text), path, CatalogFormat::TAG)?;
    crate::catalog::check(&catalog)
        .map_err(|(zh, en)| LoadError::new(path, LoadErrorKind::Syntax { zh, en }, None))?;
    // An old copy of a built-in is the built-in, with the predecessors it names now.
    Ok(crate::catalog::builtin_for(&catalog).unwrap_or(catalog))
}

/// [`parse_catalog`] without the comparison with the built-in catalogs: how
/// the built-in catalogs themselves are read.
pub(crate) fn parse_catalog_alone(text: &str, path: &Path) -> Result<Catalog, LoadError> {
    let catalog: Catalog = parse(without_bom(text), path, CatalogFormat::TAG)?;
    match crate::catalog::problems(&catalog).into_iter().next() {
        Some(p) => Err(LoadError::new(
            path,
            LoadErrorKind::Syntax { zh: p.zh, en: p.en },
            None,
        )),
        None => Ok(catalog),
    }
}

/// Loads a catalog file and lists every problem of
/// [`crate::catalog::file_problems`] instead of refusing it for the first (what
/// `fundplan catalog check` prints). A file that is not a catalog at all is
/// still a [`LoadError`].
pub fn load_catalog_problems(
    path: &Path,
) -> Result<(Catalog, Vec<crate::catalog::Problem>), LoadError> {
    let text = read_text(path)?;
    let catalog: Catalog = parse(without_bom(&text), path, CatalogFormat::TAG)?;
    let problems = crate::catalog::file_problems(&catalog);
    Ok((catalog, problems))
}

/// `text` without the byte-order mark Windows Notepad puts first.
pub(crate) fn without_bom(text: &str) -> &str {
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
        other => {
            let t = super::syntax::syntax_text(&other);
            LoadErrorKind::Syntax { zh: t.zh, en: t.en }
        }
    };
    LoadError::new(path, kind, at)
}
