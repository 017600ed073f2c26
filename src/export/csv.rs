//! CSV files of the tables: UTF-8 with a byte-order mark (so Excel and WPS read
//! the Chinese right), CRLF line ends, amounts in 万元 as plain numbers.

use std::path::{Path, PathBuf};

use super::{Cell, Table};

/// One CSV field, quoted when it holds a comma, quote or line break.
pub(crate) fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(cells: impl Iterator<Item = String>) -> String {
    let mut l = cells.map(|c| field(&c)).collect::<Vec<_>>().join(",");
    l.push_str("\r\n");
    l
}

/// One table as CSV text: header, rows (subtotals included), 合计 row.
pub fn table_csv(t: &Table) -> String {
    let mut out = String::from('\u{feff}');
    out.push_str(&line(t.header.iter().cloned()));
    for row in t.rows.iter().chain([&t.total]) {
        out.push_str(&line(row.iter().map(Cell::plain)));
    }
    out
}

/// Writes each table to `dir` as `<sheet name>.csv` (atomically); returns the files.
pub fn write_dir(tables: &[Table], dir: &Path) -> Result<Vec<PathBuf>, crate::file::SaveError> {
    std::fs::create_dir_all(dir).map_err(|source| crate::file::SaveError {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files = Vec::new();
    for t in tables {
        let path = dir.join(format!("{}.csv", t.kind.sheet_name()));
        crate::file::write_atomic(&path, table_csv(t).as_bytes())?;
        files.push(path);
    }
    Ok(files)
}
