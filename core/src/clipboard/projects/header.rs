//! A pasted block's own header row: which column each cell names, in any
//! order; the refusal naming a header the app does not know, a header
//! without 项目名称, or a value under no header.

use super::{
    ClipError, Column, F, Layout, PROJECT_COLUMNS, en_column, looks_like_line, project_column,
};
use crate::plan::Plan;

/// Which column a header cell names: a fixed 表2 column (by its index in
/// [`PROJECT_COLUMNS`]), a column after the fund lines, or a fund line.
pub(super) enum Named {
    Fixed(usize),
    Last(F),
    Line(String),
}

/// The column `h` names, in Chinese or English (case and spaces aside);
/// `None` for a header the app does not know.
pub(super) fn named(h: &str) -> Option<Named> {
    let h = h.trim();
    let same = |a: &str| !a.is_empty() && a.eq_ignore_ascii_case(h);
    if let Some(k) = (0..PROJECT_COLUMNS.len())
        .find(|&k| PROJECT_COLUMNS.get(k).is_some_and(|c| same(c)) || same(en_column(k)))
    {
        return Some(Named::Fixed(k));
    }
    if let Some(f) = F::after_lines()
        .find(|f| same(f.header()) || matches!(f.info().column, Column::Last(_, en) if same(en)))
    {
        return Some(Named::Last(f));
    }
    // "C01" or "C01 中央财政专项扶贫资金", as copy writes it.
    let code = h.split_whitespace().next().unwrap_or("");
    looks_like_line(code).then(|| Named::Line(code.to_string()))
}

/// Spreadsheet column letters of the 0-based column `col` (A, B … AA).
fn letters(col: usize) -> String {
    let name = crate::import::cell_name(0, u32::try_from(col).unwrap_or(u32::MAX));
    name.trim_end_matches(|c: char| c.is_ascii_digit())
        .to_string()
}

impl Layout {
    /// The columns a header row names, in any order; a header cell naming
    /// no known column, or a column named twice, refuses the paste.
    pub(super) fn from_header(header: &[String], plan: &Plan) -> Result<Layout, ClipError> {
        let mut fixed = vec![None; PROJECT_COLUMNS.len()];
        let mut lines: Vec<(String, usize)> = Vec::new();
        let mut last = Vec::new();
        for (col, h) in header.iter().enumerate() {
            if h.trim().is_empty() {
                continue;
            }
            let place = || (col + 1, letters(col), h.trim());
            let twice = match named(h) {
                None => {
                    let (n, l, h) = place();
                    return Err(ClipError::new(
                        1,
                        format!(
                            "第 {n} 列（{l} 列）的列名“{h}”不是已知的列。可用的列名：{}、{}，或资金代码（如 C01）。",
                            PROJECT_COLUMNS.join("、"),
                            F::after_lines()
                                .map(F::header)
                                .collect::<Vec<_>>()
                                .join("、")
                        ),
                        format!(
                            "column {n} ({l}) is headed \"{h}\", which is not a known column: use the headers of table 2 (Name, Use, Township ...) or a fund line code such as C01."
                        ),
                    ));
                }
                Some(Named::Fixed(k)) => match fixed.get_mut(k) {
                    Some(slot @ None) => {
                        *slot = Some(col);
                        false
                    }
                    _ => true,
                },
                Some(Named::Last(f)) => {
                    let seen = last.iter().any(|(g, _)| *g == f);
                    last.push((f, col));
                    seen
                }
                Some(Named::Line(code)) => {
                    if plan.source(&code).is_none() {
                        return Err(ClipError::new(
                            1,
                            format!("资金“{code}”不在资金来源中。"),
                            format!("the fund line {code} is not among the sources."),
                        ));
                    }
                    let seen = lines.iter().any(|(l, _)| *l == code);
                    lines.push((code, col));
                    seen
                }
            };
            if twice {
                let (n, l, h) = place();
                return Err(ClipError::new(
                    1,
                    format!("第 {n} 列（{l} 列）的列名“{h}”与前面的列重复。"),
                    format!("column {n} ({l}) is headed \"{h}\", as an earlier column is."),
                ));
            }
        }
        let name = project_column(F::Name).unwrap_or(0);
        if fixed.get(name).is_some_and(Option::is_none) {
            return Err(ClipError::new(
                1,
                "列名中没有“项目名称”：每个项目都要有名称。".to_string(),
                format!(
                    "the header row has no \"{}\" column (项目名称): every project needs a name.",
                    en_column(name)
                ),
            ));
        }
        let headed = header.iter().map(|h| !h.trim().is_empty()).collect();
        Ok(Layout {
            fixed,
            lines,
            last,
            headed: Some(headed),
        })
    }

    /// Refuses a data row with a value under a blank header or beyond the
    /// header's last column: it would otherwise be dropped without a word.
    pub(super) fn check_headed(&self, cells: &[String], row: usize) -> Result<(), ClipError> {
        let Some(headed) = &self.headed else {
            return Ok(());
        };
        let stray = cells
            .iter()
            .enumerate()
            .find(|(col, c)| !c.trim().is_empty() && !headed.get(*col).copied().unwrap_or(false));
        match stray {
            None => Ok(()),
            Some((col, c)) => {
                let (n, l, v) = (col + 1, letters(col), crate::text::clip(c.trim()));
                Err(ClipError::new(
                    row,
                    format!(
                        "第 {n} 列（{l} 列）没有列名，但有内容“{v}”；请给该列加上列名或删去这些内容。"
                    ),
                    format!(
                        "column {n} ({l}) has no header but holds \"{v}\": give the column a header or remove its values."
                    ),
                ))
            }
        }
    }
}
