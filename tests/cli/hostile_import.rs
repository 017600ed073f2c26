//! Hostile and odd workbooks (issue 14): a cell far away, a zip bomb, a huge
//! text never crash the importer or cost more than a fixed memory budget; the
//! real binary runs under a 1 GiB address-space limit (RLIMIT_AS via prlimit)
//! and must exit 1 naming sheet and cell, with nothing written.

use crate::common;

use std::io::{Cursor, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output};

use common::workbook::{exported, rezip, with_row};
use common::*;
use fundplan_core::export;

struct Run {
    out: Output,
    plan: PathBuf,
    _dir: tempfile::TempDir,
}

impl Run {
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }
    /// Exit 1, the message names `needle`, and no plan was written.
    fn refused(&self, needle: &str) {
        self.refused_with(1, needle);
    }
    /// Exit `code`, the message names `needle`, and nothing was written.
    fn refused_with(&self, code: i32, needle: &str) {
        let err = self.stderr();
        assert_eq!(
            self.out.status.code(),
            Some(code),
            "{:?}: {err}",
            self.out.status
        );
        assert!(err.contains(needle), "{needle} not in: {err}");
        assert!(!self.plan.exists(), "a plan was written");
    }
}

/// `fundplan import` of `bytes` under a 1 GiB address-space ceiling.
fn import_capped(bytes: &[u8]) -> Run {
    capped(bytes, &["import"])
}

/// `fundplan catalog import` of `bytes`, capped as [`import_capped`].
fn catalog_import_capped(bytes: &[u8]) -> Run {
    capped(
        bytes,
        &["catalog", "import", "--id", "x", "--years", "2024"],
    )
}

/// `fundplan --lang en SUBCOMMAND… in.xlsx -o out.ron` under the ceiling.
fn capped(bytes: &[u8], subcommand: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("in.xlsx");
    std::fs::write(&xlsx, bytes).unwrap();
    let plan = dir.path().join("out.ron");
    let out = Command::new("prlimit")
        .arg(format!("--as={}", 1u64 << 30))
        .arg(env!("CARGO_BIN_EXE_fundplan"))
        .args(["--lang", "en"])
        .args(subcommand)
        .arg(&xlsx)
        .arg("-o")
        .arg(&plan)
        .output()
        .expect("prlimit (util-linux) runs");
    Run {
        out,
        plan,
        _dir: dir,
    }
}

#[test]
fn the_export_imports_under_the_memory_ceiling() {
    let run = import_capped(&exported());
    assert_eq!(run.out.status.code(), Some(0), "{}", run.stderr());
    assert_eq!(load(&run.plan), load(&sample_path()));
}

#[test]
fn a_cell_far_away_is_refused_naming_it() {
    for cell in ["XFD1048576", "CV1048576", "A100011", "WVZ1"] {
        let row: String = cell.chars().filter(char::is_ascii_digit).collect();
        let run = import_capped(&with_row(&format!(
            r#"<row r="{row}"><c r="{cell}"><v>1</v></c></row>"#
        )));
        run.refused(&format!("方案信息!{cell}"));
        assert!(run.stderr().contains("beyond what a plan can hold"));
    }
}

#[test]
fn a_cell_name_past_u32_is_refused() {
    let run = import_capped(&with_row(
        r#"<row r="7"><c r="G99999999999999999999"><v>1</v></c></row>"#,
    ));
    run.refused("方案信息");
}

/// The export with its 方案信息 sheet (`part`) grown to about `size` bytes of
/// rows: deflated, 1 GiB of them is about 2 MB.
fn bomb(part: &str, size: u64) -> Vec<u8> {
    let base = exported();
    let mut zin = zip::ZipArchive::new(Cursor::new(&base[..])).unwrap();
    let mut sheet = String::new();
    zin.by_name(part)
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    let (head, tail) = sheet.split_at(sheet.find("</sheetData>").unwrap());
    rezip(
        &base,
        |name, text| if name == part { String::new() } else { text },
        &mut |out| {
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(false);
            out.start_file(part, opts).unwrap();
            out.write_all(head.as_bytes()).unwrap();
            let chunk = "<row><c><v>1</v></c></row>".repeat(40_000);
            for _ in 0..size / chunk.len() as u64 {
                out.write_all(chunk.as_bytes()).unwrap();
            }
            out.write_all(tail.as_bytes()).unwrap();
        },
    )
}

/// Every record of `zip` (local and central) that names `part` gets the
/// uncompressed size `size`: a directory that lies.
fn lie_about_size(zip: &mut [u8], part: &str, size: u32) {
    let name = part.as_bytes();
    for at in 0..zip.len().saturating_sub(46) {
        let sig = &zip[at..at + 4];
        let (size_at, name_at) = match sig {
            [0x50, 0x4b, 0x03, 0x04] => (22, 30),
            [0x50, 0x4b, 0x01, 0x02] => (24, 46),
            _ => continue,
        };
        if zip[at + name_at..].starts_with(name) {
            zip[at + size_at..at + size_at + 4].copy_from_slice(&size.to_le_bytes());
        }
    }
}

#[test]
fn zip_bombs_are_refused_within_the_memory_ceiling() {
    let part = "xl/worksheets/sheet1.xml";
    let honest = bomb(part, 1 << 30);
    assert!(honest.len() < 8 << 20, "{} bytes", honest.len());
    let run = import_capped(&honest);
    run.refused("inflates to more than 200 MB");
    // The same bomb whose zip directory says it is 1,000 bytes: caught while
    // inflating, at the stated size.
    let mut lying = honest;
    lie_about_size(&mut lying, part, 1000);
    let run = import_capped(&lying);
    run.refused(part);
    // Also in the library, as the app calls it.
    assert!(fundplan_core::import::import(&lying, &nm2017()).is_err());
}

#[test]
fn hostile_catalog_workbooks_are_refused_within_the_memory_ceiling() {
    let part = "xl/worksheets/sheet1.xml";
    let mut lying = bomb(part, 1 << 30);
    catalog_import_capped(&lying).refused("inflates to more than 200 MB");
    lie_about_size(&mut lying, part, 1000);
    // Not a readable workbook at all: 2, as for a file that cannot be loaded.
    catalog_import_capped(&lying).refused_with(2, part);
    let far = with_row(r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#);
    catalog_import_capped(&far).refused("方案信息!XFD1048576");
    let past = with_row(r#"<row r="7"><c r="G99999999999999999999"><v>1</v></c></row>"#);
    catalog_import_capped(&past).refused("方案信息");
    // A plan workbook is no catalog: its first sheet has no 资金名称 header.
    catalog_import_capped(&exported()).refused("no header row");
}

#[test]
fn text_over_the_limit_is_refused_naming_the_cell() {
    let long = "长".repeat(fundplan_core::file::MAX_TEXT_CHARS + 1);
    let run = import_capped(&with_row(&format!(
        r#"<row r="40"><c r="B40" t="inlineStr"><is><t>{long}</t></is></c></row>"#
    )));
    run.refused("方案信息!B40");
    assert!(run.stderr().contains("longer than 10000 characters"));
}

// ---- Silent defaults and dropped data: each refuses the workbook, naming the cell.

/// The sample plan's workbook as export lays it out (header on row 3), after
/// `change` edited the 方案信息 rows and the tables; `extra` cells are
/// (sheet 0–2, row, column, text).
fn workbook_with(
    change: impl Fn(&mut Vec<(String, String)>, &mut Vec<export::Table>),
    extra: &[(usize, u32, u16, &str)],
) -> Vec<u8> {
    use rust_xlsxwriter::Workbook;
    let plan = load(&sample_path());
    let mut info: Vec<(String, String)> = export::xlsx::info_rows(&plan)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let mut tables = export::tables(&plan);
    change(&mut info, &mut tables);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("方案信息").unwrap();
    for (i, (k, v)) in info.iter().enumerate() {
        ws.write_string(i as u32, 0, k).unwrap();
        ws.write_string(i as u32, 1, v).unwrap();
    }
    common::table_sheets(&mut wb, &tables[..2]);
    for &(sheet, r, c, text) in extra {
        let ws = wb.worksheet_from_index(sheet).unwrap();
        ws.write_string(r, c, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// The problems of importing `bytes`, as "SHEET!CELL: reason" lines (English).
fn problems(bytes: &[u8]) -> Vec<String> {
    match fundplan_core::import::import(bytes, &nm2017()) {
        Ok(_) => panic!("imported"),
        Err(fundplan_core::import::ImportError::Invalid(ps)) => ps
            .iter()
            .map(|p| format!("{}!{}: {}", p.sheet, p.cell, p.reason.en))
            .collect(),
        Err(e) => panic!("{}", e.message(fundplan_core::Lang::En)),
    }
}

fn assert_problem(bytes: &[u8], at: &str, says: &str) {
    let ps = problems(bytes);
    assert!(
        ps.iter()
            .any(|p| p.starts_with(&format!("{at}:")) && p.contains(says)),
        "{at} {says}: {ps:#?}"
    );
}

/// A1 cell of the value of `key` in 方案信息 as export lays it out.
fn info_cell(key: &str) -> String {
    let row = export::xlsx::INFO_KEYS
        .iter()
        .position(|k| *k == key)
        .unwrap();
    format!("方案信息!B{}", row + 1)
}

fn set_info(key: &'static str, value: &'static str) -> Vec<u8> {
    workbook_with(
        move |info, _| {
            for (k, v) in info.iter_mut() {
                if k == key {
                    *v = value.to_string();
                }
            }
        },
        &[],
    )
}

#[test]
fn the_unchanged_workbook_imports() {
    let back = fundplan_core::import::import(&workbook_with(|_, _| {}, &[]), &nm2017()).unwrap();
    assert_eq!(back, load(&sample_path()));
}

#[test]
fn header_fields_are_never_guessed() {
    assert_problem(
        &set_info("年度", "twenty"),
        &info_cell("年度"),
        "is not a year",
    );
    for bad in ["abc", "0", "-1", "1.5"] {
        let bytes = set_info("版本", bad);
        assert_problem(&bytes, &info_cell("版本"), "is not a whole number from 1");
    }
    for bad in ["", "国家级"] {
        let bytes = set_info("旗县类别", bad);
        assert_problem(
            &bytes,
            &info_cell("旗县类别"),
            "is not one of 国贫旗县, 区贫旗县",
        );
    }
}

#[test]
fn a_corrupt_info_sheet_is_refused() {
    // No rows at all: every field would have been imported empty.
    let bytes = workbook_with(|info, _| info.clear(), &[]);
    assert_problem(&bytes, "方案信息!", "the row “年度” is missing");
    // Keys shifted into column B, values into C.
    let bytes = workbook_with(|_, _| {}, &[(0, 20, 1, "年度"), (0, 20, 2, "2020")]);
    assert_problem(&bytes, "方案信息!B21", "a value without a key");
    assert_problem(&bytes, "方案信息!C21", "only columns A and B");
    // An unknown key, and one given twice.
    let bytes = workbook_with(
        |info, _| {
            info.push(("年份".into(), "2020".into()));
            info.push(("年度".into(), "2021".into()));
        },
        &[],
    );
    let n = export::xlsx::INFO_KEYS.len();
    assert_problem(
        &bytes,
        &format!("方案信息!A{}", n + 1),
        "unknown key “年份”",
    );
    assert_problem(
        &bytes,
        &format!("方案信息!A{}", n + 2),
        "“年度” appears twice",
    );
}

/// Column letter of 0-based `col`.
fn col_name(col: usize) -> String {
    fundplan_core::import::cell_name(0, col as u32)
        .trim_end_matches('1')
        .to_string()
}

#[test]
fn a_repeated_fund_line_column_is_refused() {
    let bytes = workbook_with(
        |_, tables| {
            let t = &mut tables[1];
            let first = t.header.iter().position(|h| h.starts_with('C')).unwrap();
            let at = t.header.len() - 1;
            t.header.insert(at, t.header[first].clone());
            for row in t.rows.iter_mut().chain([&mut t.total]) {
                let cell = row[first].clone();
                row.insert(at, cell);
            }
        },
        &[],
    );
    let t = &export::tables(&load(&sample_path()))[1];
    let at = format!("表2 项目计划!{}3", col_name(t.header.len() - 1));
    assert_problem(&bytes, &at, "appears twice");
}

#[test]
fn a_column_with_an_unknown_header_is_refused() {
    let t = &export::tables(&load(&sample_path()))[1];
    let col = t.header.len() as u16;
    let bytes = workbook_with(|_, _| {}, &[(2, 2, col, "Z99 假资金"), (2, 3, col, "5")]);
    let at = format!("表2 项目计划!{}3", col_name(col.into()));
    assert_problem(&bytes, &at, "unknown column “Z99 假资金”");
    // In 表1 too.
    let t1 = &export::tables(&load(&sample_path()))[0];
    let col = t1.header.len() as u16;
    let bytes = workbook_with(|_, _| {}, &[(1, 2, col, "备注")]);
    let at = format!("表1 资金来源!{}3", col_name(col.into()));
    assert_problem(&bytes, &at, "unknown column “备注”");
}

#[test]
fn rows_below_the_total_are_refused() {
    let tables = export::tables(&load(&sample_path()));
    for (sheet, t) in [(1usize, &tables[0]), (2, &tables[1])] {
        let below = 3 + t.rows.len() as u32 + 2;
        let bytes = workbook_with(|_, _| {}, &[(sheet, below, 1, "P999")]);
        let at = format!("{}!B{}", t.kind.sheet_name(), below + 1);
        assert_problem(&bytes, &at, "below the 合计 row");
    }
}

/// The export with the shared-string index of `cell` of 方案信息 (a text
/// cell, `<c r="B11" t="s"><v>17</v></c>`) set to `index`.
fn with_shared_index(cell: &str, index: &str) -> Vec<u8> {
    rezip(
        &exported(),
        |name, text| {
            if name != "xl/worksheets/sheet1.xml" {
                return text;
            }
            let at = text.find(&format!("r=\"{cell}\"")).unwrap();
            let v = at + text[at..].find("<v>").unwrap() + 3;
            let end = v + text[v..].find("</v>").unwrap();
            format!("{}{index}{}", &text[..v], &text[end..])
        },
        &mut |_| {},
    )
}

#[test]
fn a_corrupt_shared_string_index_is_refused_naming_the_cell() {
    // B11 is 编制单位's value. Read as they were, an index past the table
    // stopped the sheet naming no cell, "abc", "-1" and an overflow gave the
    // workbook's first text (项目) and an empty one an empty cell.
    for index in ["999999", "abc", "-1", "", "99999999999999999999999"] {
        let bytes = with_shared_index("B11", index);
        assert_problem(&bytes, "方案信息!B11", "refers to shared string");
        let defaults = fundplan_core::import::catalog::CatalogDefaults {
            id: Some("x".into()),
            years: Some((2024, 2024)),
            ..Default::default()
        };
        let err = fundplan_core::import::catalog::import_catalog(&bytes, &defaults).unwrap_err();
        let en = err.message(fundplan_core::Lang::En);
        assert!(en.starts_with("方案信息!B11: "), "{index}: {en}");
    }
    // The unchanged index still reads.
    let fine = exported();
    assert!(fundplan_core::import::import(&fine, &nm2017()).is_ok());
}

#[test]
fn import_never_makes_a_plan_too_big_to_open() {
    // 2,000 projects with a 9,000-character 建设内容: each text is allowed, the
    // plan file (about 54 MB) is not.
    let mut plan = fundplan_core::sample::generate(
        &nm2017(),
        fundplan_core::sample::SampleOptions {
            projects: 2_000,
            seed: 1,
            year: 2020,
        },
    );
    let long = "长".repeat(9_000);
    for p in &mut plan.projects {
        p.content = long.clone();
    }
    let bytes = export::xlsx::workbook(&plan).unwrap();
    let ps = problems(&bytes);
    assert!(
        ps.iter()
            .any(|p| p.contains("more than the 16 MB a plan may have")),
        "{ps:#?}"
    );
}

#[test]
fn a_workbook_file_larger_than_the_budget_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("huge.xlsx");
    // Sparse: 4 GiB on paper, nothing on disk.
    std::fs::File::create(&xlsx)
        .unwrap()
        .set_len(4 << 30)
        .unwrap();
    let plan = dir.path().join("out.ron");
    let out = Command::new("prlimit")
        .arg(format!("--as={}", 1u64 << 30))
        .arg(env!("CARGO_BIN_EXE_fundplan"))
        .args(["--lang", "en", "import"])
        .arg(&xlsx)
        .arg("-o")
        .arg(&plan)
        .output()
        .expect("prlimit (util-linux) runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("larger than 200 MB"), "{stderr}");
    assert!(!plan.exists(), "a plan was written");
}
