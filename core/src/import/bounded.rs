//! Reading a workbook within a fixed memory budget, whatever the file holds.
//!
//! A workbook is a zip of XML parts, and both layers can be hostile: a 1 MB
//! file may inflate to gigabytes (a zip bomb), and one cell at XFD1048576
//! makes a dense cell grid of 512 GiB. So the zip directory and the inflated
//! bytes are checked before calamine reads anything, and sheets are streamed
//! cell by cell into a sparse map with row, column, cell-count and text-length
//! limits no real plan comes near.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::panic::AssertUnwindSafe;

use calamine::{Data, DataRef, Xlsx};

use super::strings::SharedStrings;
use super::{ImportError, Problem, cell_name};
use crate::Text;
use crate::file::MAX_TEXT_CHARS;

/// Most bytes all parts of a workbook may inflate to, together.
pub const MAX_INFLATED_BYTES: u64 = 200 * 1024 * 1024;
/// Rows a sheet may use: a plan holds at most 100,000 projects, plus headers.
pub const MAX_ROWS: u32 = 100_010;
/// Columns a sheet may use: at most 10,000 source lines, plus the fixed ones.
pub const MAX_COLS: u32 = 10_050;
/// Most non-empty cells in one sheet (100,000 projects with 40 columns each).
pub const MAX_CELLS: usize = 4_000_000;

/// A refusal for the workbook as a whole.
fn whole(zh: String, en: String) -> ImportError {
    ImportError::Invalid(vec![Problem {
        sheet: String::new(),
        cell: String::new(),
        reason: Text::new(zh, en),
    }])
}

fn too_big(part: &str) -> ImportError {
    let mb = MAX_INFLATED_BYTES / (1024 * 1024);
    whole(
        format!("工作簿解压后超过 {mb} MB（部件 {part}），不是方案工作簿"),
        format!("the workbook inflates to more than {mb} MB (part {part}); not a plan workbook"),
    )
}

/// A workbook file larger than the inflated budget.
pub(super) fn too_big_file() -> ImportError {
    let mb = MAX_INFLATED_BYTES / (1024 * 1024);
    whole(
        format!("工作簿文件超过 {mb} MB，不是方案工作簿"),
        format!("the workbook file is larger than {mb} MB; not a plan workbook"),
    )
}

/// Checks the zip directory's sizes and then the bytes each part really
/// inflates to (a directory can lie), streaming them so memory stays small.
pub(super) fn check_zip(bytes: &[u8]) -> Result<(), ImportError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ImportError::Unreadable(e.to_string()))?;
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else {
            continue;
        };
        declared = declared.saturating_add(entry.size());
        if declared > MAX_INFLATED_BYTES {
            return Err(too_big(&entry.name().unwrap_or_default()));
        }
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        // Parts that cannot be opened (say, an unsupported compression) are
        // not read by calamine either, unless needed, and then it says so.
        let Ok(entry) = zip.by_index(i) else {
            continue;
        };
        let name = entry.name().unwrap_or_default().to_string();
        let size = entry.size();
        let budget = MAX_INFLATED_BYTES - total;
        let read = std::io::copy(&mut entry.take(budget + 1), &mut std::io::sink())
            .map_err(|e| ImportError::Unreadable(format!("{name}: {e}")))?;
        total += read;
        if read > budget {
            return Err(too_big(&name));
        }
        if read > size {
            return Err(whole(
                format!("部件 {name} 解压后大于其目录所记大小，文件已损坏"),
                format!(
                    "part {name} inflates beyond the size its directory states; the file is corrupt"
                ),
            ));
        }
    }
    Ok(())
}

/// One sheet's used cells, kept sparse.
pub(super) struct Cells {
    /// Non-empty cells by 0-based (row, column).
    pub map: HashMap<(u32, u32), Data>,
    /// Cells holding a formula, in sheet order.
    pub formulas: Vec<(u32, u32, String)>,
    /// Last used row and column (0-based), (0, 0) for an empty sheet.
    pub end: (u32, u32),
}

fn problem(sheet: &str, cell: String, zh: String, en: String) -> Problem {
    Problem {
        sheet: sheet.to_string(),
        cell,
        reason: Text::new(zh, en),
    }
}

/// Streams the sheet `name`; `Ok(None)` when the workbook has no such sheet.
/// Its text cells are checked against `strings` first (see [`SharedStrings`]).
pub(super) fn read_sheet(
    wb: &mut Xlsx<Cursor<&[u8]>>,
    strings: Option<&mut SharedStrings<'_>>,
    name: &str,
) -> Result<Option<Cells>, Problem> {
    let Ok(mut reader) = wb.worksheet_cells_reader(name) else {
        return Ok(None);
    };
    if let Some(strings) = strings {
        strings.check(name)?;
    }
    let unreadable = |e: calamine::XlsxError| {
        problem(
            name,
            String::new(),
            "无法读取工作表：内容已损坏".to_string(),
            format!("cannot read the sheet: {e}"),
        )
    };
    let mut cells = Cells {
        map: HashMap::new(),
        formulas: Vec::new(),
        end: (0, 0),
    };
    loop {
        // calamine's cell-name arithmetic can overflow on names such as
        // G99999999999999999999 (a panic where overflow checks are on).
        let next = std::panic::catch_unwind(AssertUnwindSafe(|| reader.next_cell_with_formula()))
            .map_err(|_| {
            problem(
                name,
                String::new(),
                "工作表含有无法解析的单元格名称".into(),
                "a cell name in the sheet cannot be read".into(),
            )
        })?;
        let Some(cell) = next.map_err(unreadable)? else {
            break;
        };
        let (row, col) = cell.pos;
        if row >= MAX_ROWS || col >= MAX_COLS {
            return Err(problem(
                name,
                cell_name(row, col),
                format!("单元格超出方案可容纳的范围（最多 {MAX_ROWS} 行、{MAX_COLS} 列）"),
                format!(
                    "cell beyond what a plan can hold (at most {MAX_ROWS} rows and {MAX_COLS} columns)"
                ),
            ));
        }
        if let Some(f) = cell.formula.filter(|f| !f.is_empty()) {
            cells.formulas.push((row, col, shorten(&f)));
        }
        let value = match cell.value {
            DataRef::Empty => continue,
            DataRef::SharedString(s) => Data::String(s.to_string()),
            other => Data::from(other),
        };
        if let Data::String(s) = &value
            && s.len() > MAX_TEXT_CHARS
            && s.chars().count() > MAX_TEXT_CHARS
        {
            return Err(problem(
                name,
                cell_name(row, col),
                format!("文字超过 {MAX_TEXT_CHARS} 个字符"),
                format!("text longer than {MAX_TEXT_CHARS} characters"),
            ));
        }
        if cells.map.len() >= MAX_CELLS {
            return Err(problem(
                name,
                cell_name(row, col),
                format!("工作表非空单元格超过 {MAX_CELLS} 个，方案容纳不下"),
                format!("more than {MAX_CELLS} non-empty cells; more than a plan can hold"),
            ));
        }
        cells.end = (cells.end.0.max(row), cells.end.1.max(col));
        cells.map.insert((row, col), value);
    }
    Ok(Some(cells))
}

/// Long formulas are quoted in part: messages stay a line long.
pub(super) fn shorten(text: &str) -> String {
    const QUOTED: usize = 80;
    if text.chars().count() <= QUOTED {
        text.to_string()
    } else {
        let head: String = text.chars().take(QUOTED).collect();
        format!("{head}…")
    }
}
