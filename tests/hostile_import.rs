//! Hostile and odd workbooks (issue 14): a cell far away, a zip bomb, a huge
//! text never crash the importer or cost more than a fixed memory budget; the
//! real binary runs under a 1 GiB address-space limit (RLIMIT_AS via prlimit)
//! and must exit 1 naming sheet and cell, with nothing written.

mod common;

use std::io::{Cursor, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output};

use common::*;
use fundplan::export;

/// The sample plan exported as a workbook.
fn exported() -> Vec<u8> {
    export::xlsx::workbook(&load(&sample_path())).unwrap()
}

/// `bytes` re-zipped with each part passed through `edit` (an empty result
/// leaves the part out) and `extra` parts added.
fn rezip(
    bytes: &[u8],
    edit: impl Fn(&str, String) -> String,
    extra: &mut dyn FnMut(&mut zip::ZipWriter<Cursor<Vec<u8>>>),
) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        let text = edit(&name, text);
        if text.is_empty() {
            continue; // left out (`extra` writes it)
        }
        out.start_file(name.as_str(), opts).unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    extra(&mut out);
    out.finish().unwrap().into_inner()
}

/// The export with `cell_xml` (one `<row>`) added at the end of the 方案信息 sheet.
fn with_row(row_xml: &str) -> Vec<u8> {
    rezip(
        &exported(),
        |name, text| {
            if name == "xl/worksheets/sheet1.xml" {
                text.replace("</sheetData>", &format!("{row_xml}</sheetData>"))
            } else {
                text
            }
        },
        &mut |_| {},
    )
}

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
        let err = self.stderr();
        assert_eq!(
            self.out.status.code(),
            Some(1),
            "{:?}: {err}",
            self.out.status
        );
        assert!(err.contains(needle), "{needle} not in: {err}");
        assert!(!self.plan.exists(), "a plan was written");
    }
}

/// `fundplan import` of `bytes` under a 1 GiB address-space ceiling.
fn import_capped(bytes: &[u8]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("in.xlsx");
    std::fs::write(&xlsx, bytes).unwrap();
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
    assert!(fundplan::import::import(&lying, &nm2017()).is_err());
}

#[test]
fn text_over_the_limit_is_refused_naming_the_cell() {
    let long = "长".repeat(fundplan::file::MAX_TEXT_CHARS + 1);
    let run = import_capped(&with_row(&format!(
        r#"<row r="40"><c r="B40" t="inlineStr"><is><t>{long}</t></is></c></row>"#
    )));
    run.refused("方案信息!B40");
    assert!(run.stderr().contains("longer than 10000 characters"));
}
