//! Reading a plan back from an Excel/WPS workbook in the layout of
//! [`crate::export::xlsx`]: the 方案信息 sheet, 表1 (sources) and 表2 (projects),
//! found by sheet name and columns found by their header text, so a workbook an
//! official laid out by hand in the same shape reads too.
//!
//! Nothing is imported from a workbook with problems: cells holding formulas,
//! text where a number belongs, unknown fund lines and 合计 rows that do not
//! match their rows are all reported with sheet, cell and reason.

mod amount;
mod bounded;
pub mod catalog;
mod info;
mod layout;
mod strings;
mod table1;
mod table2;

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

pub use bounded::{MAX_CELLS, MAX_COLS, MAX_INFLATED_BYTES, MAX_ROWS};

use crate::catalog::Catalog;
use crate::export::TableKind;
use crate::export::xlsx::INFO_SHEET;
use crate::format::{FormatVersion, PlanFormat};
use crate::plan::{Adjustment, County, Plan};
use crate::{Lang, Text};

/// One problem in a workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Sheet name.
    pub sheet: String,
    /// Cell in A1 notation, empty for a whole sheet.
    pub cell: String,
    /// What is wrong.
    pub reason: Text,
}

/// Why a workbook was not imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Not a readable .xlsx file: the zip or workbook reader's words (English).
    #[error("{0}")]
    Unreadable(String),
    /// The operating system could not read the file.
    #[error("{}: {}", .path.display(), .reason.text)]
    File {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        reason: crate::ioerr::IoReason,
    },
    /// Read, but with problems; nothing was imported.
    #[error("{} problem(s)", .0.len())]
    Invalid(Vec<Problem>),
}

impl ImportError {
    /// The error as text in `lang`, one problem per line.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            // The readers' words are English: Chinese says what they mean.
            ImportError::Unreadable(e) => match lang {
                Lang::Zh => "无法读取工作簿：文件已损坏或不是 Excel 工作簿".to_string(),
                Lang::En => format!("cannot read the workbook: {e}"),
            },
            ImportError::File { path, reason } => match lang {
                Lang::Zh => format!(
                    "无法读取工作簿：{}：{}",
                    path.display(),
                    reason.message(lang)
                ),
                Lang::En => format!(
                    "cannot read the workbook: {}: {}",
                    path.display(),
                    reason.message(lang)
                ),
            },
            ImportError::Invalid(problems) => problems
                .iter()
                .map(|p| {
                    if p.sheet.is_empty() && p.cell.is_empty() {
                        return p.reason.get(lang).to_string();
                    }
                    let at = if p.cell.is_empty() {
                        p.sheet.clone()
                    } else {
                        format!("{}!{}", p.sheet, p.cell)
                    };
                    format!("{at}: {}", p.reason.get(lang))
                })
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// A1 name of a 0-based cell.
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = String::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.insert(0, char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

struct Sheet<'a> {
    name: &'a str,
    cells: bounded::Cells,
}

impl Sheet<'_> {
    fn value(&self, row: u32, col: u32) -> &Data {
        self.cells.map.get(&(row, col)).unwrap_or(&Data::Empty)
    }

    fn text(&self, row: u32, col: u32) -> String {
        match self.value(row, col) {
            Data::String(s) => s.trim().to_string(),
            Data::Int(i) => i.to_string(),
            Data::Float(f) => format!("{f}"),
            Data::Empty => String::new(),
            other => other.to_string(),
        }
    }

    fn end(&self) -> (u32, u32) {
        self.cells.end
    }

    /// The first filled cell below the header row `header` in each column
    /// without a heading (`headed` says which have one), passing over the
    /// rows `skip` says, as (row, column) in column order: nothing reads them.
    fn unheaded(
        &self,
        header: u32,
        headed: impl Fn(u32) -> bool,
        skip: impl Fn(u32) -> bool,
    ) -> Vec<(u32, u32)> {
        let mut first: std::collections::BTreeMap<u32, u32> = Default::default();
        for &(r, c) in self.cells.map.keys() {
            if r > header && !headed(c) && !skip(r) && !self.text(r, c).is_empty() {
                let row = first.entry(c).or_insert(r);
                *row = (*row).min(r);
            }
        }
        first.into_iter().map(|(c, r)| (r, c)).collect()
    }
}

/// Why a value in a column without a heading is refused, in Chinese and English.
fn unheaded_reason() -> (String, String) {
    (
        "此列没有表头，其中的内容不会导入".into(),
        "a value in a column without a header (it would be lost)".into(),
    )
}

struct Importer<'a> {
    problems: Vec<Problem>,
    catalog: &'a Catalog,
}

impl Importer<'_> {
    fn problem(&mut self, sheet: &str, cell: String, zh: String, en: String) {
        self.problems.push(Problem {
            sheet: sheet.to_string(),
            cell,
            reason: Text { zh, en },
        });
    }

    /// Every cell with a formula is a problem: imported numbers must be typed.
    fn formulas(&mut self, s: &Sheet<'_>) {
        for (r, c, f) in &s.cells.formulas {
            let name = cell_name(*r, *c);
            self.problem(
                s.name,
                name,
                format!("含有公式“={f}”，请改为数值"),
                format!("holds the formula “={f}”; enter the value"),
            );
        }
    }

    /// The sheet's header row and columns, or a problem saying there is none.
    fn header(&mut self, s: &Sheet<'_>) -> Option<(u32, HashMap<String, u32>)> {
        let found = find_header(s);
        if found.is_none() {
            self.problem(
                s.name,
                String::new(),
                "找不到表头（首列为“序号”的行）".into(),
                "no header row (first cell 序号)".into(),
            );
        }
        found
    }

    /// The header row and its columns, if the sheet has one holding every
    /// column in `needed`; else reports the first missing one.
    fn columns(&mut self, s: &Sheet<'_>, needed: &[&str]) -> Option<(u32, HashMap<String, u32>)> {
        let (hr, cols) = self.header(s)?;
        if let Some(missing) = needed.iter().find(|n| !cols.contains_key(**n)) {
            self.problem(
                s.name,
                cell_name(hr, 0),
                format!("缺少列“{missing}”"),
                format!("column “{missing}” is missing"),
            );
            return None;
        }
        Some((hr, cols))
    }
}

/// Row of the header (its first cell says 序号) and columns by header text.
fn find_header(s: &Sheet<'_>) -> Option<(u32, HashMap<String, u32>)> {
    let (rows, cols) = s.end();
    (0..=rows.min(20))
        .find(|&r| s.text(r, 0) == "序号")
        .map(|r| {
            let map = (0..=cols)
                .map(|c| (s.text(r, c), c))
                .filter(|(t, _)| !t.is_empty())
                .collect();
            (r, map)
        })
}

fn label_to<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str, text: &str) -> Option<T> {
    all.iter().copied().find(|x| label(*x) == text)
}

/// Reads a plan from workbook bytes; `catalog` decides which C/R lines exist.
pub fn import(bytes: &[u8], catalog: &Catalog) -> Result<Plan, ImportError> {
    guarded(bytes, || import_checked(bytes, catalog))
}

/// Runs `read` on workbook `bytes` once the zip passes the bounds (no bomb),
/// a panic of the reader becoming an error: calamine parses cell names like
/// G99999999999999999999 with arithmetic that overflows (a panic where
/// overflow checks are on), and a hostile file must be refused, never take
/// the app down.
pub(crate) fn guarded<T>(
    bytes: &[u8],
    read: impl FnOnce() -> Result<T, ImportError> + std::panic::UnwindSafe,
) -> Result<T, ImportError> {
    bounded::check_zip(bytes)?;
    std::panic::catch_unwind(read).unwrap_or_else(|_| {
        Err(ImportError::Unreadable(
            "malformed worksheet XML (the reader failed)".into(),
        ))
    })
}

/// The bytes of the workbook at `path`, or why they could not be read (a
/// FIFO or a device is refused at once: it could block or never end). A file
/// larger than the whole inflated budget is refused before it is read: its
/// parts could not fit in the budget either.
pub(crate) fn read_workbook(path: &Path) -> Result<Vec<u8>, ImportError> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| ImportError::File {
        path: path.to_path_buf(),
        reason: e.into(),
    };
    let file = crate::file::open_regular(path).map_err(unreadable)?;
    if file.metadata().map_err(unreadable)?.len() > bounded::MAX_INFLATED_BYTES {
        return Err(bounded::too_big_file());
    }
    // take() guards against a file that grows while it is read.
    let mut bytes = Vec::new();
    file.take(bounded::MAX_INFLATED_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > bounded::MAX_INFLATED_BYTES {
        return Err(bounded::too_big_file());
    }
    Ok(bytes)
}

/// [`import`] of a workbook whose zip is known to stay within budget.
fn import_checked(bytes: &[u8], catalog: &Catalog) -> Result<Plan, ImportError> {
    let mut wb: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| ImportError::Unreadable(e.to_string()))?;
    let mut strings = strings::SharedStrings::new(bytes);
    let mut load = |name: &'static str| -> Result<Sheet<'static>, ImportError> {
        match bounded::read_sheet(&mut wb, strings.as_mut(), name) {
            Ok(Some(cells)) => Ok(Sheet { name, cells }),
            Ok(None) => Err(ImportError::Invalid(vec![Problem {
                sheet: name.to_string(),
                cell: String::new(),
                reason: Text::new(
                    format!("缺少工作表“{name}”"),
                    format!("the sheet “{name}” is missing"),
                ),
            }])),
            Err(p) => Err(ImportError::Invalid(vec![p])),
        }
    };
    let info = load(INFO_SHEET)?;
    let t1 = load(TableKind::Sources.sheet_name())?;
    let t2 = load(TableKind::Projects.sheet_name())?;
    let mut im = Importer {
        problems: Vec::new(),
        catalog,
    };
    for s in [&info, &t1, &t2] {
        im.formulas(s);
    }
    let header_fields = info::read_info(&mut im, &info);
    let sources = table1::read_sources(&mut im, &t1);
    let projects = table2::read_projects(&mut im, &t2, &sources);
    if !im.problems.is_empty() {
        return Err(ImportError::Invalid(im.problems));
    }
    let get = |k: &str| header_fields.get(k);
    let adjustment =
        (!get("调整原因").is_empty() || !get("调整批复文号").is_empty()).then(|| Adjustment {
            reason: get("调整原因"),
            approval: get("调整批复文号"),
        });
    let plan = Plan {
        format: PlanFormat,
        format_version: FormatVersion::CURRENT,
        catalog: Some(get("资金目录"))
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| catalog.id.clone()),
        year: header_fields.year,
        county: County {
            code: get("旗县代码"),
            name: get("旗县名称"),
            league: get("所属盟市"),
            kind: header_fields.kind,
        },
        revision: header_fields.revision,
        adjustment,
        prepared_by: get("编制单位"),
        approval: get("审定会议/文号"),
        sources,
        projects,
        submission: None,
        review: None,
    };
    // The file this plan will be saved to must load again: within the limits
    // and the size that loading accepts.
    let size = crate::file::plan_to_string(&plan).len() as u64;
    if size > crate::file::MAX_FILE_BYTES {
        let mb = |b: u64| b.div_ceil(1024 * 1024);
        return Err(ImportError::Invalid(vec![Problem {
            sheet: String::new(),
            cell: String::new(),
            reason: Text::new(
                format!(
                    "导入的方案文件将有 {} MB，超过可打开的 {} MB",
                    mb(size),
                    mb(crate::file::MAX_FILE_BYTES)
                ),
                format!(
                    "the plan file would be {} MB, more than the {} MB a plan may have",
                    mb(size),
                    mb(crate::file::MAX_FILE_BYTES)
                ),
            ),
        }]));
    }
    if let Err(kind) = crate::file::check_limits(&plan) {
        let why = crate::file::LoadError {
            path: Default::default(),
            kind,
            at: None,
        };
        return Err(ImportError::Invalid(vec![Problem {
            sheet: String::new(),
            cell: String::new(),
            reason: Text::new(why.message(Lang::Zh), why.message(Lang::En)),
        }]));
    }
    Ok(plan)
}

/// Reads a workbook file.
pub fn import_file(path: &Path, catalog: &Catalog) -> Result<Plan, ImportError> {
    import(&read_workbook(path)?, catalog)
}
