//! Excel/WPS workbooks of a plan: a 方案信息 sheet (everything the tables do
//! not carry, so that import gives back the same plan) and one sheet per table,
//! each with a title row, 填报单位 and 单位：万元, a frozen header, a 合计 row,
//! amounts as numbers with two decimals, and columns wide enough for Chinese.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::{Cell, Table, tables};
use crate::Lang;
use crate::money::{Money, Unit};
use crate::plan::Plan;

/// Name of the sheet with the plan's header fields.
pub const INFO_SHEET: &str = "方案信息";

/// Keys of [`INFO_SHEET`], in order; import requires each exactly once.
pub const INFO_KEYS: [&str; 11] = [
    "旗县代码",
    "旗县名称",
    "所属盟市",
    "旗县类别",
    "年度",
    "资金目录",
    "版本",
    "调整原因",
    "调整批复文号",
    "编制单位",
    "审定会议/文号",
];

/// Rows of [`INFO_SHEET`]: key, value (keys as [`INFO_KEYS`]). Import reads them back by key.
pub fn info_rows(plan: &Plan) -> Vec<(&'static str, String)> {
    let adj = plan.adjustment.clone().unwrap_or_default();
    vec![
        ("旗县代码", plan.county.code.clone()),
        ("旗县名称", plan.county.name.clone()),
        ("所属盟市", plan.county.league.clone()),
        ("旗县类别", plan.county.kind.label(Lang::Zh).to_string()),
        ("年度", plan.year.to_string()),
        ("资金目录", plan.catalog.clone()),
        ("版本", plan.revision.to_string()),
        ("调整原因", adj.reason),
        ("调整批复文号", adj.approval),
        ("编制单位", plan.prepared_by.clone()),
        ("审定会议/文号", plan.approval.clone()),
    ]
}

/// The amount in 万元 as the f64 a spreadsheet cell stores. This is the one
/// place money becomes a float: an .xlsx number *is* an IEEE double. Amounts
/// up to 10^9 万元 with six decimals convert back exactly (see `import`);
/// [`exact_wan_f64`] says whether one does.
pub fn wan_f64(m: Money) -> f64 {
    m.edit_string(Unit::Wan).parse().unwrap_or(0.0)
}

/// [`wan_f64`] when the double reads back as exactly the amount (its
/// shortest decimal form is the amount's), `None` when the amount has more
/// significant digits than a double holds (from 10^9 万元 with 分, near the
/// limit of one amount or in the totals of such amounts).
pub fn exact_wan_f64(m: Money) -> Option<f64> {
    let f = wan_f64(m);
    let back: rust_decimal::Decimal = format!("{f}").parse().ok()?;
    (back.checked_mul(rust_decimal::Decimal::from(10_000)) == Some(m.yuan())).then_some(f)
}

/// The cell formats of the exported workbooks.
pub(super) struct Formats {
    pub(super) title: Format,
    pub(super) note: Format,
    pub(super) note_right: Format,
    pub(super) header: Format,
    pub(super) text: Format,
    pub(super) number: Format,
    pub(super) count: Format,
    pub(super) bold_text: Format,
    pub(super) bold_number: Format,
    pub(super) bold_count: Format,
}

impl Formats {
    pub(super) fn new() -> Formats {
        let border = |f: Format| f.set_border(FormatBorder::Thin);
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center),
            note: Format::new(),
            note_right: Format::new().set_align(FormatAlign::Right),
            header: border(
                Format::new()
                    .set_bold()
                    .set_text_wrap()
                    .set_align(FormatAlign::Center)
                    .set_align(FormatAlign::VerticalCenter),
            ),
            text: border(
                Format::new()
                    .set_text_wrap()
                    .set_align(FormatAlign::VerticalCenter),
            ),
            number: border(Format::new().set_num_format("#,##0.00")),
            count: border(Format::new().set_num_format("0")),
            bold_text: border(Format::new().set_bold()),
            bold_number: border(Format::new().set_bold().set_num_format("#,##0.00")),
            bold_count: border(Format::new().set_bold().set_num_format("0")),
        }
    }
}

fn write_row(
    ws: &mut Worksheet,
    row: u32,
    cells: &[Cell],
    f: &Formats,
    bold: bool,
) -> Result<(), XlsxError> {
    for (c, cell) in cells.iter().enumerate() {
        let col = c as u16;
        let (text_f, num_f, count_f) = if bold {
            (&f.bold_text, &f.bold_number, &f.bold_count)
        } else {
            (&f.text, &f.number, &f.count)
        };
        match cell {
            Cell::Text(s) => ws.write_string_with_format(row, col, s, text_f)?,
            Cell::Money(m) => match exact_wan_f64(*m) {
                Some(wan) => ws.write_number_with_format(row, col, wan, num_f)?,
                // A double would round it: the exact text, which import reads.
                None => ws.write_string_with_format(row, col, m.edit_string(Unit::Wan), num_f)?,
            },
            Cell::Count(n) => ws.write_number_with_format(row, col, *n as f64, count_f)?,
            Cell::Empty => ws.write_blank(row, col, text_f)?,
        };
    }
    Ok(())
}

fn table_sheet(wb: &mut Workbook, t: &Table, f: &Formats) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(t.kind.sheet_name())?;
    let last = t.header.len().saturating_sub(1) as u16;
    ws.merge_range(0, 0, 0, last, &t.title, &f.title)?;
    ws.set_row_height(0, 28)?;
    ws.write_string_with_format(1, 0, format!("填报单位：{}", t.unit_of), &f.note)?;
    ws.write_string_with_format(1, last, "单位：万元", &f.note_right)?;
    for (c, h) in t.header.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, h, &f.header)?;
    }
    ws.set_row_height(2, 32)?;
    for (c, w) in t.widths.iter().enumerate() {
        // A CJK character is about two width units in Excel.
        ws.set_column_width(c as u16, f64::from(*w) * 1.4)?;
    }
    for (i, row) in t.rows.iter().enumerate() {
        write_row(ws, 3 + i as u32, row, f, t.subtotal_rows.contains(&i))?;
    }
    write_row(ws, 3 + t.rows.len() as u32, &t.total, f, true)?;
    print_as_filed(ws, 2)
}

/// Printed as officials file them: A4 landscape, one page wide, the header
/// row `header` repeated on every page and frozen on screen.
pub(super) fn print_as_filed(ws: &mut Worksheet, header: u32) -> Result<(), XlsxError> {
    ws.set_freeze_panes(header + 1, 0)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(header, header)?;
    Ok(())
}

/// The workbook's bytes.
pub fn workbook(plan: &Plan) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(INFO_SHEET)?;
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 60)?;
    ws.write_string_with_format(0, 0, "项目", &f.header)?;
    ws.write_string_with_format(0, 1, "内容", &f.header)?;
    for (i, (k, v)) in info_rows(plan).iter().enumerate() {
        ws.write_string_with_format(1 + i as u32, 0, *k, &f.text)?;
        ws.write_string_with_format(1 + i as u32, 1, v, &f.text)?;
    }
    for t in tables(plan) {
        table_sheet(&mut wb, &t, &f)?;
    }
    wb.save_to_buffer()
}

/// Writes the workbook to `path` atomically, keeping a replaced one as `.bak`.
pub fn save(plan: &Plan, path: &std::path::Path) -> Result<(), crate::file::SaveError> {
    write_workbook(path, workbook(plan))
}

/// Writes the `bytes` of a workbook to `path` (the replaced file kept as
/// `NAME.bak`), or says why the workbook could not be made.
pub(super) fn write_workbook(
    path: &std::path::Path,
    bytes: Result<Vec<u8>, XlsxError>,
) -> Result<(), crate::file::SaveError> {
    let bytes = bytes.map_err(|e| crate::file::SaveError {
        path: path.to_path_buf(),
        source: e.into(),
    })?;
    crate::file::replace_keeping_backup(path, &bytes)
}
