//! A sheet's header row, found by its headings wherever it is in the first
//! rows (a region's 附件 has a title or two above it), with the other names
//! officials give the same column.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{Problems, Sheet};
use crate::import::{bounded::shorten, cell_name};

/// A column a sheet may have.
pub(super) struct Column {
    /// The heading export writes.
    pub name: &'static str,
    /// Other headings read as this column (compared without spaces, English
    /// ones without case).
    pub aliases: &'static [&'static str],
}

/// The columns of a sheet's header row.
pub(super) struct Header {
    /// The header's row, 0-based.
    pub row: u32,
    cols: HashMap<&'static str, u32>,
    /// Every column with a heading, known or not.
    headed: HashSet<u32>,
}

impl Header {
    /// The column headed `name` (or one of its aliases), if there is one.
    pub fn col(&self, name: &str) -> Option<u32> {
        self.cols.get(name).copied()
    }

    /// Reports the first value below the header in each column without a
    /// heading (nothing would read it), passing over the rows `skip` says
    /// (a table's one-cell heading rows, 一、中央资金).
    pub fn unheaded(&self, p: &mut Problems, s: &Sheet<'_>, skip: impl Fn(u32) -> bool) {
        let headed = |c: u32| self.headed.contains(&c);
        for (r, c) in s.unheaded(self.row, headed, skip) {
            let (zh, en) = crate::import::unheaded_reason();
            p.add(s.name, cell_name(r, c), zh, en);
        }
    }
}

/// Rows searched for the header.
const HEADER_ROWS: u32 = 20;

fn normal(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn column_of(columns: &[Column], heading: &str) -> Option<&'static str> {
    let h = normal(heading);
    columns
        .iter()
        .find(|c| normal(c.name) == h || c.aliases.iter().any(|a| normal(a) == h))
        .map(|c| c.name)
}

/// The header row of `s`: the first of its first 20 rows with a heading of
/// column `key`. Headings of no column in `columns`, and columns given
/// twice, are problems (their content would be lost); so are formulas
/// anywhere but the 序号 column, whose =ROW()-2 numbering is common and unread.
pub(super) fn header(
    p: &mut Problems,
    s: &Sheet<'_>,
    columns: &[Column],
    key: &str,
) -> Option<Header> {
    let mut top: BTreeMap<(u32, u32), String> = BTreeMap::new();
    for (&(r, c), _) in s.cells.map.iter().filter(|((r, _), _)| *r <= HEADER_ROWS) {
        top.insert((r, c), s.text(r, c));
    }
    let row = top
        .iter()
        .find(|(_, t)| column_of(columns, t) == Some(key))
        .map(|((r, _), _)| *r);
    let Some(row) = row else {
        p.add(
            s.name,
            String::new(),
            format!("找不到表头（前 {HEADER_ROWS} 行中含“{key}”的行）"),
            format!("no header row (a row with “{key}” in the first {HEADER_ROWS} rows)"),
        );
        return None;
    };
    let mut cols = HashMap::new();
    let mut headed = HashSet::new();
    for ((_, c), text) in top.range((row, 0)..=(row, u32::MAX)) {
        if text.is_empty() {
            continue;
        }
        headed.insert(*c);
        let shown = shorten(text);
        match column_of(columns, text) {
            None => p.add(
                s.name,
                cell_name(row, *c),
                format!("不认识的列“{shown}”（其中的内容不会导入；请删去该列）"),
                format!("unknown column “{shown}” (its content would be lost; delete the column)"),
            ),
            Some(name) if cols.contains_key(name) => p.add(
                s.name,
                cell_name(row, *c),
                format!("列“{shown}”重复"),
                format!("the column “{shown}” appears twice"),
            ),
            Some(name) => {
                cols.insert(name, *c);
            }
        }
    }
    let numbering = cols.get("序号").copied();
    for (r, c, f) in &s.cells.formulas {
        if Some(*c) != numbering {
            p.add(
                s.name,
                cell_name(*r, *c),
                format!("含有公式“={f}”，请改为文字"),
                format!("holds the formula “={f}”; enter the text"),
            );
        }
    }
    Some(Header { row, cols, headed })
}
