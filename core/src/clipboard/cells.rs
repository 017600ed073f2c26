//! Pasting a column or block of cells copied from Excel or WPS into amount
//! cells: rows fill the cells downward, columns the cells to the right, in the
//! unit shown, as one undo step. Nothing is pasted unless every cell is an
//! amount and fits.
//!
//! The cells are found from the path of the cell pasted into: on 资金来源 the
//! lines in display order (by level) with the columns 下达金额, 纳入整合金额; in a
//! project's funding the entries in the order they were added.

use crate::Lang;
use crate::edit::Edit;
use crate::money::{Money, Unit};
use crate::plan::fields::SourceField;
use crate::plan::{Plan, Source, path};

/// Why a paste was refused; nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteError {
    /// The cell at this row and column (from 1) is not an amount.
    NotAnAmount {
        /// Row of the pasted block, from 1.
        row: usize,
        /// Column of the pasted block, from 1.
        col: usize,
        /// The cell's text.
        text: String,
    },
    /// More rows than there are cells from the target down.
    TooManyRows {
        /// Rows pasted.
        rows: usize,
        /// Cells from the target down.
        cells: usize,
    },
    /// More columns than there are amount columns from the target right.
    TooManyColumns {
        /// Columns pasted.
        cols: usize,
        /// Amount columns from the target right.
        cells: usize,
    },
    /// The cell pasted into takes only one amount.
    NotAColumn,
}

/// Plural-aware count for English: "1 row", "2 rows".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 rows were pasted, but there is only 1 cell from this cell down; …".
fn too_many_en(
    pasted: usize,
    what: (&str, &str),
    cells: usize,
    cell: (&str, &str),
    direction: &str,
) -> String {
    let there = if cells == 1 { "is" } else { "are" };
    format!(
        "{} {} pasted, but there {there} only {} from this cell {direction}; nothing was pasted.",
        count(pasted, what.0, what.1),
        if pasted == 1 { "was" } else { "were" },
        count(cells, cell.0, cell.1),
    )
}

impl PasteError {
    /// The refusal as a sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PasteError::NotAnAmount { row, col, text }, Lang::Zh) => {
                format!("粘贴内容第 {row} 行第 {col} 列“{text}”不是金额，未粘贴任何内容。")
            }
            (PasteError::NotAnAmount { row, col, text }, Lang::En) => format!(
                "Row {row}, column {col} of the pasted cells (\"{text}\") is not an amount; nothing was pasted."
            ),
            (PasteError::TooManyRows { rows, cells }, Lang::Zh) => {
                format!("粘贴了 {rows} 行，但从此格往下只有 {cells} 格，未粘贴任何内容。")
            }
            (PasteError::TooManyRows { rows, cells }, Lang::En) => {
                too_many_en(*rows, ("row", "rows"), *cells, ("cell", "cells"), "down")
            }
            (PasteError::TooManyColumns { cols, cells }, Lang::Zh) => {
                format!("粘贴了 {cols} 列，但从此格往右只有 {cells} 列金额，未粘贴任何内容。")
            }
            (PasteError::TooManyColumns { cols, cells }, Lang::En) => too_many_en(
                *cols,
                ("column", "columns"),
                *cells,
                ("amount column", "amount columns"),
                "right",
            ),
            (PasteError::NotAColumn, Lang::Zh) => {
                "此格只能填一个金额，未粘贴任何内容。".to_string()
            }
            (PasteError::NotAColumn, Lang::En) => {
                "This cell takes one amount only; nothing was pasted.".to_string()
            }
        }
    }
}

/// True when pasted text holds more than one cell (a tab or a line break
/// inside, not just the line break spreadsheets put after the last row).
pub fn is_block(text: &str) -> bool {
    let body = text.trim_end_matches(['\r', '\n']);
    body.contains(['\t', '\n', '\r'])
}

/// The pasted text as rows of cells; the trailing line break dropped.
pub fn cells(text: &str) -> Vec<Vec<&str>> {
    let body = text.trim_end_matches(['\r', '\n']);
    body.split('\n')
        .map(|row| row.strip_suffix('\r').unwrap_or(row))
        .map(|row| row.split('\t').map(str::trim).collect())
        .collect()
}

/// The block as amounts in `unit`; an empty cell is `None` (left unchanged).
fn amounts(text: &str, unit: Unit) -> Result<Vec<Vec<Option<Money>>>, PasteError> {
    cells(text)
        .iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, cell)| match *cell {
                    "" => Ok(None),
                    t => Money::parse_in(t, unit)
                        .map(Some)
                        .map_err(|_| PasteError::NotAnAmount {
                            row: r + 1,
                            col: c + 1,
                            text: t.to_string(),
                        }),
                })
                .collect()
        })
        .collect()
}

/// Checks the block fits `rows` cells down and `cols` columns right.
fn fits<T>(block: &[Vec<T>], rows: usize, cols: usize) -> Result<(), PasteError> {
    if block.len() > rows {
        return Err(PasteError::TooManyRows {
            rows: block.len(),
            cells: rows,
        });
    }
    let widest = block.iter().map(Vec::len).max().unwrap_or(0);
    if widest > cols {
        return Err(PasteError::TooManyColumns {
            cols: widest,
            cells: cols,
        });
    }
    Ok(())
}

/// Line indices in the order the sources table shows them (by level).
fn display_order(sources: &[Source]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by_key(|&i| sources.get(i).map(|s| s.level));
    order
}

/// The edit that pastes `text` into the cell at `target`, or why not.
pub fn paste_edit(plan: &Plan, target: &str, text: &str, unit: Unit) -> Result<Edit, PasteError> {
    use path::Target;
    match path::parse(target) {
        Target::Source(line, Some(field)) => {
            let col = SourceField::AMOUNTS
                .iter()
                .position(|f| f.key() == field)
                .ok_or(PasteError::NotAColumn)?;
            let order = display_order(&plan.sources);
            let start = order
                .iter()
                .position(|&i| plan.sources.get(i).is_some_and(|s| s.line == line))
                .ok_or(PasteError::NotAColumn)?;
            let block = amounts(text, unit)?;
            fits(
                &block,
                order.len() - start,
                SourceField::AMOUNTS.len() - col,
            )?;
            let mut edits = Vec::new();
            for (row, &i) in block.iter().zip(order.iter().skip(start)) {
                let Some(mut s) = plan.sources.get(i).cloned() else {
                    continue;
                };
                for (k, m) in row.iter().enumerate() {
                    let cell = SourceField::AMOUNTS
                        .get(col + k)
                        .and_then(|f| f.money_mut(&mut s));
                    if let (Some(m), Some(cell)) = (m, cell) {
                        *cell = *m;
                    }
                }
                edits.push(Edit::SetSource(i, Box::new(s)));
            }
            Ok(Edit::Batch(edits))
        }
        Target::Funding(id, line) => {
            let i = plan
                .projects
                .iter()
                .position(|p| p.id == id)
                .ok_or(PasteError::NotAColumn)?;
            let mut project = plan
                .projects
                .get(i)
                .cloned()
                .ok_or(PasteError::NotAColumn)?;
            let start = project
                .funding
                .iter()
                .position(|f| f.line == line)
                .ok_or(PasteError::NotAColumn)?;
            let block = amounts(text, unit)?;
            fits(&block, project.funding.len() - start, 1)?;
            for (row, f) in block.iter().zip(project.funding.iter_mut().skip(start)) {
                if let Some(Some(m)) = row.first() {
                    f.amount = *m;
                }
            }
            Ok(Edit::Batch(vec![Edit::SetProject(i, Box::new(project))]))
        }
        _ => Err(PasteError::NotAColumn),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_columns_split_into_rows_and_cells() {
        assert_eq!(cells("120\r\n80.5\r\n"), vec![vec!["120"], vec!["80.5"]]);
        assert_eq!(cells("1\t2\n3\t4"), vec![vec!["1", "2"], vec!["3", "4"]]);
        assert!(is_block("1\r\n2\r\n"));
        assert!(is_block("1\t2"));
        assert!(!is_block("120\r\n"));
    }

    #[test]
    fn refusals_name_the_row_and_count_in_english() {
        let e = amounts("1\n2O\n", Unit::Wan).unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "Row 2, column 1 of the pasted cells (\"2O\") is not an amount; nothing was pasted."
        );
        let e = PasteError::TooManyRows { rows: 3, cells: 1 };
        assert_eq!(
            e.message(Lang::En),
            "3 rows were pasted, but there is only 1 cell from this cell down; nothing was pasted."
        );
    }
}
