//! Projects as tab-separated rows, the way Excel and WPS put cells on the
//! clipboard: columns in the order of 表2 (序号 … 绩效目标, 整合资金合计, one
//! column per fund line, 自筹及其他资金), amounts in the unit shown.
//!
//! Copy writes a header row, so a paste of the same text knows each amount's
//! line; rows pasted without a header take the plan's 表2 line columns. A
//! first row that names known columns (项目名称, 使用方向 …, C01, R01 …, in
//! Chinese or English) is a header in any order, the officer's own sheet's;
//! a header cell it does not know refuses the paste, naming it.

use crate::Lang;
use crate::export::tables::{PROJECT_COLUMNS, lines_used, project_column};
use crate::file::MAX_PROJECTS;
use crate::money::{Money, Unit};
use crate::plan::fields::{Column, FieldValue, ProjectField as F};
use crate::plan::{Funding, Plan, Project};
use crate::plan::{Level, Use};
use header::Named;

/// [`PROJECT_COLUMNS`]`[k]` in English, for messages.
fn en_column(k: usize) -> &'static str {
    match k {
        0 => "No.",
        k if k + 1 == PROJECT_COLUMNS.len() => "Integrated total",
        k => match F::fixed().nth(k - 1).map(|f| f.info().column) {
            Some(Column::Fixed(_, en, _)) => en,
            _ => "",
        },
    }
}

/// Why a paste was refused: the row (1-based, as in the pasted block) and
/// what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClipError {
    /// Row of the pasted text, counting from 1.
    pub row: usize,
    zh: String,
    en: String,
}

impl ClipError {
    fn new(row: usize, zh: String, en: String) -> ClipError {
        ClipError { row, zh, en }
    }

    /// The sentence for the dialog.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("未粘贴任何项目。第 {} 行：{}", self.row, self.zh),
            Lang::En => format!("Nothing was pasted. Row {}: {}", self.row, self.en),
        }
    }
}

/// Quotes a cell the way spreadsheets read it back: only when it holds a
/// tab, a line break or a quote.
fn cell(text: &str) -> String {
    if text.contains(['\t', '\n', '\r', '"']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Lines the projects are funded from, in the plan's source order (lines no
/// source lists come last, as they first appear).
fn lines_of<'a>(plan: &'a Plan, projects: &[&'a Project]) -> Vec<&'a str> {
    let used = |l: &str| {
        projects
            .iter()
            .any(|p| p.funding.iter().any(|f| f.line == l))
    };
    let mut lines: Vec<&str> = plan
        .sources
        .iter()
        .map(|s| s.line.as_str())
        .filter(|l| used(l))
        .collect();
    for f in projects.iter().flat_map(|p| &p.funding) {
        if !lines.contains(&f.line.as_str()) {
            lines.push(&f.line);
        }
    }
    lines
}

/// The projects as tab-separated text with a header row, CRLF line ends.
pub fn copy(plan: &Plan, projects: &[&Project], unit: Unit) -> String {
    let lines = lines_of(plan, projects);
    let mut header: Vec<String> = PROJECT_COLUMNS.iter().map(|c| c.to_string()).collect();
    for l in &lines {
        let name = plan.source(l).map_or("", |s| s.name.as_str());
        header.push(cell(format!("{l} {name}").trim_end()));
    }
    header.extend(F::after_lines().map(|f| f.header().to_string()));
    let mut out = header.join("\t");
    out.push_str("\r\n");
    let amount = |m: Money| m.edit_string(unit);
    for (n, p) in projects.iter().enumerate() {
        let value = |f: F| match f.get(p) {
            FieldValue::Text(t) => cell(t),
            FieldValue::Use(u) => u.label(Lang::Zh).to_string(),
            FieldValue::Count(c) => c.to_string(),
            FieldValue::Money(m) => amount(m),
            FieldValue::Funding(_) => String::new(),
        };
        let mut row = vec![(n + 1).to_string()];
        row.extend(F::fixed().map(value));
        row.push(amount(p.integrated_total()));
        for l in &lines {
            let sum: Money = p
                .funding
                .iter()
                .filter(|f| f.line == *l)
                .map(|f| f.amount)
                .sum();
            row.push(if sum.is_zero() {
                String::new()
            } else {
                amount(sum)
            });
        }
        row.extend(F::after_lines().map(value));
        out.push_str(&row.join("\t"));
        out.push_str("\r\n");
    }
    out
}

/// Splits clipboard text into rows of cells: tabs between cells, CRLF, LF or
/// CR between rows, quoted cells may hold tabs, line breaks and `""`.
fn split(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cur.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if cur.is_empty() => quoted = true,
            _ if quoted => cur.push(c),
            '\t' => row.push(std::mem::take(&mut cur)),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut cur));
                rows.push(std::mem::take(&mut row));
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() || !row.is_empty() {
        row.push(cur);
        rows.push(row);
    }
    rows
}

/// Where each value is in a pasted row.
struct Layout {
    /// Column of each of [`PROJECT_COLUMNS`], if present.
    fixed: Vec<Option<usize>>,
    /// Fund line columns.
    lines: Vec<(String, usize)>,
    /// Columns after the fund lines, by field.
    last: Vec<(F, usize)>,
    /// With a header row: which columns it names (a value under any other
    /// column refuses the paste instead of being dropped unseen).
    headed: Option<Vec<bool>>,
}

fn looks_like_line(code: &str) -> bool {
    Level::of_code(code).is_some()
}

impl Layout {
    /// Rows without a header: 表2's columns for this plan.
    fn of_table2(plan: &Plan) -> Layout {
        let n = PROJECT_COLUMNS.len();
        let lines: Vec<(String, usize)> = lines_used(plan)
            .into_iter()
            .enumerate()
            .map(|(k, l)| (l.to_string(), n + k))
            .collect();
        Layout {
            fixed: (0..n).map(Some).collect(),
            last: F::after_lines()
                .enumerate()
                .map(|(k, f)| (f, n + lines.len() + k))
                .collect(),
            lines,
            headed: None,
        }
    }
}

/// A first row is a header when a cell of it names a fixed or last column
/// (项目名称, 使用方向 …; a fund code alone could be a project's name).
fn is_header(row: &[String]) -> bool {
    row.iter()
        .any(|c| matches!(header::named(c), Some(Named::Fixed(_) | Named::Last(_))))
}

/// One pasted row read with `layout`; `row` is its number for messages.
fn project_of(
    cells: &[String],
    layout: &Layout,
    unit: Unit,
    row: usize,
) -> Result<Project, ClipError> {
    let get = |k: usize| -> &str {
        layout
            .fixed
            .get(k)
            .copied()
            .flatten()
            .and_then(|c| cells.get(c))
            .map_or("", |s| s.trim())
    };
    let column = |f: F| project_column(f).unwrap_or(0);
    let text = |f: F| -> Result<String, ClipError> {
        let t = get(column(f));
        if f.max_chars().is_some_and(|max| t.chars().count() > max) {
            return Err(ClipError::new(
                row,
                format!("“{}”过长。", f.header()),
                format!("the {} is too long.", en_column(column(f)).to_lowercase()),
            ));
        }
        Ok(t.to_string())
    };
    let count = |f: F| -> Result<u32, ClipError> {
        let t = get(column(f)).replace([',', '，'], "");
        if t.is_empty() {
            return Ok(0);
        }
        t.parse().map_err(|_| {
            ClipError::new(
                row,
                format!("“{}”列的“{t}”不是整数。", f.header()),
                format!(
                    "\"{t}\" in column {} is not a whole number.",
                    en_column(column(f))
                ),
            )
        })
    };
    let money = |col: Option<usize>, name: &str, en: &str| -> Result<Money, ClipError> {
        let t = col.and_then(|c| cells.get(c)).map_or("", |s| s.trim());
        if t.is_empty() {
            return Ok(Money::ZERO);
        }
        match Money::parse_in(t, unit) {
            Ok(m) if !m.is_negative() => Ok(m),
            _ => Err(ClipError::new(
                row,
                format!("“{name}”列的“{t}”不是金额。"),
                format!("\"{t}\" in column {en} is not an amount."),
            )),
        }
    };
    let use_text = get(column(F::Use));
    let use_ = if use_text.is_empty() {
        Use::default()
    } else {
        Use::ALL
            .iter()
            .copied()
            .find(|u| u.label(Lang::Zh) == use_text || u.label(Lang::En) == use_text)
            .ok_or_else(|| {
                ClipError::new(
                    row,
                    format!("使用方向“{use_text}”不是已知的使用方向。"),
                    format!("the use \"{use_text}\" is not a known use."),
                )
            })?
    };
    let last_money = |f: F| {
        let col = layout.last.iter().find(|(g, _)| *g == f).map(|(_, c)| *c);
        let en = match f.info().column {
            Column::Last(_, en) => en,
            _ => "",
        };
        money(col, f.header(), en)
    };
    // The total is worked out from the lines; it must still be an amount.
    const TOTAL: usize = PROJECT_COLUMNS.len() - 1;
    money(
        layout.fixed.get(TOTAL).copied().flatten(),
        PROJECT_COLUMNS[TOTAL],
        en_column(TOTAL),
    )?;
    let mut funding = Vec::new();
    for (line, col) in &layout.lines {
        let amount = money(Some(*col), line, line)?;
        if !amount.is_zero() {
            funding.push(Funding {
                line: line.clone(),
                amount,
            });
        }
    }
    Ok(Project {
        id: String::new(),
        name: text(F::Name)?,
        use_,
        township: text(F::Township)?,
        village: text(F::Village)?,
        unit: text(F::Unit)?,
        content: text(F::Content)?,
        period: text(F::Period)?,
        households: count(F::Households)?,
        people: count(F::People)?,
        targets: text(F::Targets)?,
        funding,
        other_funds: last_money(F::OtherFunds)?,
    })
}

/// Reads pasted rows as projects (ids left empty for the caller to assign),
/// or the first row that is not right; nothing is taken from a bad paste.
pub fn parse(text: &str, plan: &Plan, unit: Unit) -> Result<Vec<Project>, ClipError> {
    let rows = split(text);
    let mut numbered = rows.iter().enumerate().map(|(k, r)| (k + 1, r));
    let layout = match rows.first() {
        Some(first) if is_header(first) => {
            numbered.next();
            Layout::from_header(first, plan)?
        }
        _ => Layout::of_table2(plan),
    };
    let mut out = Vec::new();
    for (row, cells) in numbered {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if plan.projects.len() + out.len() >= MAX_PROJECTS {
            return Err(ClipError::new(
                row,
                format!("超出项目数上限（{MAX_PROJECTS} 个）。"),
                format!("the plan would have more than {MAX_PROJECTS} projects."),
            ));
        }
        layout.check_headed(cells, row)?;
        out.push(project_of(cells, &layout, unit, row)?);
    }
    Ok(out)
}

mod header;
#[cfg(test)]
mod tests;
