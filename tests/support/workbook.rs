//! Workbooks the hostile import tests make: the sample's export, re-zipped with parts edited.

use std::io::{Cursor, Read, Write};

use fundplan_core::export;

use super::{load, sample_path};

/// A zip being written in memory.
pub type Zip = zip::ZipWriter<Cursor<Vec<u8>>>;

/// The sample plan exported as a workbook.
pub fn exported() -> Vec<u8> {
    export::xlsx::workbook(&load(&sample_path())).unwrap()
}

/// `bytes` re-zipped with each part passed through `edit` (an empty result
/// leaves the part out) and `extra` parts added.
pub fn rezip(
    bytes: &[u8],
    edit: impl Fn(&str, String) -> String,
    extra: &mut dyn FnMut(&mut Zip),
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
pub fn with_row(row_xml: &str) -> Vec<u8> {
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
