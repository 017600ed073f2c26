//! CSV files of the tables: UTF-8 with a byte-order mark (so Excel and WPS read
//! the Chinese right), CRLF line ends, amounts in 万元 as plain numbers.

use std::path::{Path, PathBuf};

use super::{Cell, Table};

/// One CSV field, quoted when it holds a comma, quote or line break. Text
/// that Excel or WPS would run as a formula (starting with `= + - @`, tab or
/// CR, and not a plain number) gets a leading `'`, so it shows as text.
pub fn field(s: &str) -> String {
    let formula_like = s.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && s.parse::<rust_decimal::Decimal>().is_err();
    let s = &if formula_like {
        format!("'{s}")
    } else {
        s.to_string()
    };
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

/// Writes each table to `dir` as `<sheet name>.csv`; returns the files. All
/// or none: every file is written and synced under a temporary name first
/// (a full disk stops there, changing nothing), then each is renamed into place.
pub fn write_dir(tables: &[Table], dir: &Path) -> Result<Vec<PathBuf>, crate::file::SaveError> {
    use std::io::Write;
    let err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| crate::file::SaveError {
            path,
            source: crate::file::SaveFailure::Io(source),
        }
    };
    std::fs::create_dir_all(dir).map_err(err(dir))?;
    let paths: Vec<PathBuf> = tables
        .iter()
        .map(|t| dir.join(format!("{}.csv", t.kind.sheet_name())))
        .collect();
    // A name (or its backup's) that is no regular file, such as a FIFO or a
    // device, stops the export before any table is written: all or none.
    for path in paths
        .iter()
        .flat_map(|p| [p.clone(), crate::file::backup_path(p)])
    {
        crate::file::check_target(&path).map_err(err(&path))?;
    }
    let mut ready = Vec::new();
    for (t, path) in tables.iter().zip(paths) {
        let mut tmp = tempfile::Builder::new()
            .prefix(".fundplan-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(err(&path))?;
        let text = table_csv(t);
        tmp.write_all(text.as_bytes()).map_err(err(&path))?;
        tmp.as_file().sync_all().map_err(err(&path))?;
        ready.push((tmp, path, text));
    }
    let mut files = Vec::new();
    for (tmp, path, text) in ready {
        // A table replaced by a different one is kept as NAME.csv.bak, as saves do.
        crate::file::back_up_if_replaced(&path, text.as_bytes())?;
        crate::file::persist_document(tmp, &path)?;
        files.push(path);
    }
    Ok(files)
}
