//! A catalog as the workbook a region publishes as its 附件: the first sheet,
//! 资金目录, is the plain table a person reads and edits in Excel or WPS
//! (序号, 资金代码, 资金名称, 英文名称, 级次, 大类, and 原代码 when a line
//! succeeds earlier ones); the sheets after it hold the
//! rest of the catalog (目录信息, 本类用途, 可整合级次, 负面清单), so that
//! [`crate::import::catalog`] gives back the very same catalog.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::xlsx::Formats;
use crate::Lang;
use crate::catalog::Catalog;
use crate::enums::Level;

/// The table of fund lines.
pub const LINES_SHEET: &str = "资金目录";
/// Key–value rows: id, title, years and the rule settings.
pub const INFO_SHEET: &str = "目录信息";
/// One row per category: its own uses.
pub const HOME_USES_SHEET: &str = "本类用途";
/// One row per banner kind: the levels it may integrate.
pub const LEVELS_SHEET: &str = "可整合级次";
/// One keyword per row.
pub const KEYWORDS_SHEET: &str = "负面清单";

/// Headers of [`LINES_SHEET`], in order.
pub const LINE_HEADERS: [&str; 6] = ["序号", "资金代码", "资金名称", "英文名称", "级次", "大类"];

/// The 7th column of [`LINES_SHEET`], the codes of the previous period's
/// lines each line succeeds (`formerly`, joined by [`LIST_SEPARATOR`]);
/// written only when a line has any, so other catalogs' workbooks are as before.
pub const FORMERLY_HEADER: &str = "原代码";

/// Keys of [`INFO_SHEET`] in order, as (Chinese key, field name); import
/// accepts either in the 项目 column.
pub const INFO_KEYS: [(&str, &str); 11] = [
    ("目录编号", "id"),
    ("目录名称", "title"),
    ("起始年度", "year_from"),
    ("终止年度", "year_to"),
    ("暂定", "provisional"),
    ("说明", "note"),
    ("产业发展最低占比", "industry_share_min"),
    ("产业发展占比所计资金", "industry_share_lines"),
    ("产业发展占比起始年度", "industry_share_from"),
    ("项目管理费最高占比", "management_share_max"),
    ("必须整合的本级资金级次", "required_own_levels"),
];

/// How lists are written in one cell (盟市、旗县); import also splits on
/// commas and semicolons.
pub const LIST_SEPARATOR: &str = "、";

/// The values of [`INFO_SHEET`], in the order of [`INFO_KEYS`].
pub fn info_values(c: &Catalog) -> [String; 11] {
    let share = |s: Option<crate::catalog::Share>| s.map(|s| s.get().to_string());
    [
        c.id.clone(),
        c.title.clone(),
        c.years.0.to_string(),
        c.years.1.to_string(),
        yes_no(c.provisional).to_string(),
        c.note.clone(),
        share(c.industry_share_min).unwrap_or_default(),
        c.industry_share_lines.join(LIST_SEPARATOR),
        c.industry_share_from
            .map(|y| y.to_string())
            .unwrap_or_default(),
        share(c.management_share_max).unwrap_or_default(),
        levels_text(&c.required_own_levels),
    ]
}

/// 是 or 否.
pub fn yes_no(b: bool) -> &'static str {
    if b { "是" } else { "否" }
}

/// Levels as officials write them, joined: 中央、自治区.
pub fn levels_text(levels: &[Level]) -> String {
    let words: Vec<&str> = levels.iter().map(|l| l.label(Lang::Zh)).collect();
    words.join(LIST_SEPARATOR)
}

/// A sheet of a header row and rows of text, columns `widths` wide.
fn text_sheet(
    wb: &mut Workbook,
    name: &str,
    header: &[&str],
    widths: &[f64],
    rows: &[Vec<String>],
    f: &Formats,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &f.header)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string_with_format(1 + r as u32, c as u16, v, &f.text)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn lines_sheet(ws: &mut Worksheet, c: &Catalog, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(LINES_SHEET)?;
    let formerly = c.lines.iter().any(|l| !l.formerly.is_empty());
    let mut headers = LINE_HEADERS.to_vec();
    if formerly {
        headers.push(FORMERLY_HEADER);
    }
    let last = (headers.len() - 1) as u16;
    ws.merge_range(0, 0, 0, last, &c.title, &f.title)?;
    ws.set_row_height(0, 28)?;
    for (col, (h, w)) in headers
        .iter()
        .zip([6.0, 10.0, 56.0, 56.0, 8.0, 18.0, 12.0])
        .enumerate()
    {
        ws.write_string_with_format(1, col as u16, *h, &f.header)?;
        ws.set_column_width(col as u16, w)?;
    }
    for (i, l) in c.lines.iter().enumerate() {
        let row = 2 + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.count)?;
        for (col, v) in [
            l.code.as_str(),
            &l.name,
            &l.name_en,
            l.level.label(Lang::Zh),
            l.category.label(Lang::Zh),
        ]
        .into_iter()
        .enumerate()
        {
            ws.write_string_with_format(row, 1 + col as u16, v, &f.text)?;
        }
        if formerly {
            let codes = l.formerly.join(LIST_SEPARATOR);
            ws.write_string_with_format(row, 6, &codes, &f.text)?;
        }
    }
    super::xlsx::print_as_filed(ws, 1)
}

/// The workbook's bytes. The same catalog always gives the same bytes: the
/// document's creation time is 1 January of the catalog's first year, not
/// the moment of export.
pub fn catalog_workbook(c: &Catalog) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(c.years.0.clamp(1900, 9999), 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(&c.title)
            .set_creation_datetime(&created),
    );
    lines_sheet(wb.add_worksheet(), c, &f)?;
    let info: Vec<Vec<String>> = INFO_KEYS
        .iter()
        .zip(info_values(c))
        .map(|((k, _), v)| vec![k.to_string(), v])
        .collect();
    text_sheet(
        &mut wb,
        INFO_SHEET,
        &["项目", "内容"],
        &[24.0, 80.0],
        &info,
        &f,
    )?;
    let home: Vec<Vec<String>> = c
        .home_uses
        .iter()
        .map(|(cat, uses)| {
            let words: Vec<&str> = uses.iter().map(|u| u.label(Lang::Zh)).collect();
            vec![cat.label(Lang::Zh).to_string(), words.join(LIST_SEPARATOR)]
        })
        .collect();
    text_sheet(
        &mut wb,
        HOME_USES_SHEET,
        &["大类", "本类用途"],
        &[20.0, 70.0],
        &home,
        &f,
    )?;
    let kinds: Vec<Vec<String>> = c
        .levels_by_kind
        .iter()
        .map(|(k, levels)| vec![k.label(Lang::Zh).to_string(), levels_text(levels)])
        .collect();
    text_sheet(
        &mut wb,
        LEVELS_SHEET,
        &["旗县类别", "可整合级次"],
        &[16.0, 40.0],
        &kinds,
        &f,
    )?;
    let words: Vec<Vec<String>> = c
        .forbidden_keywords
        .iter()
        .enumerate()
        .map(|(i, k)| vec![(i + 1).to_string(), k.clone()])
        .collect();
    text_sheet(
        &mut wb,
        KEYWORDS_SHEET,
        &["序号", "关键词"],
        &[6.0, 30.0],
        &words,
        &f,
    )?;
    wb.save_to_buffer()
}

/// Writes the workbook to `path` atomically, keeping a replaced one as `.bak`.
pub fn save_catalog_workbook(
    c: &Catalog,
    path: &std::path::Path,
) -> Result<(), crate::file::SaveError> {
    super::xlsx::write_workbook(path, catalog_workbook(c))
}
