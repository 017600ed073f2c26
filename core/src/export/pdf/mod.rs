//! PDF files of a plan: the whole plan (cover, every table, findings) and the
//! public notice alone. A4 landscape, the CJK font embedded, page numbers on
//! every page.
//!
//! Tables are laid out by [`grid`] (line breaking in [`wrap`]) and drawn on
//! the pages of a [`doc::Doc`], which `pdf-writer` writes out with every stream
//! Flate-compressed. The font is embedded as a subset of the glyphs the file
//! draws ([`embed`]): a Type0 font with Identity-H encoding over a
//! `CIDFontType0` whose program is the subset's CID-keyed CFF, with `/W`
//! widths and a `/ToUnicode` CMap, so that viewers show and `pdftotext`
//! extracts the Chinese. The sample's 12-project notice is 92 KB (1.88 MB
//! with the whole font, uncompressed, before).
//!
//! A character the bundled font lacks (emoji, CJK Ext-B place names such as
//! 𠀀) is drawn from a system font that has it ([`fallback`]), embedded as a
//! second subset font the same way; one no font has prints as `?`, and the
//! export's result says which and where ([`MissingChars`]).
//!
//! The same plan and fonts always give the same bytes (no timestamps).

mod cover;
mod doc;
mod embed;
mod fallback;
mod font;
mod fontfiles;
mod grid;
mod layout;
mod metrics;
mod missing;
mod wrap;
mod write;

pub use fallback::FontDirs;
pub use missing::MissingChars;

use crate::Lang;
use crate::export::{Cell, Table, TableKind};
use crate::money::{Money, Unit};
use crate::plan::Plan;
use crate::validate::{Report, Severity};

use doc::{Align, Doc};
use grid::Grid;

/// A PDF file, and the characters it could not print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pdf {
    /// The file.
    pub bytes: Vec<u8>,
    /// Characters no font had, printed as `?`: the caller tells the user
    /// ([`MissingChars::message`]).
    pub missing: MissingChars,
}

/// The whole plan: a cover (banner, year, revision, totals), every table, and
/// a findings summary. Characters the bundled font lacks are looked for in the
/// fonts of `fonts`.
pub fn plan_pdf(plan: &Plan, report: &Report, fonts: &FontDirs) -> Pdf {
    let tables = crate::export::tables(plan);
    render(&plan_title(plan), &footer(plan), fonts, |doc| {
        cover::cover(doc, plan, report);
        for t in &tables {
            grid_of(t).draw(doc);
        }
        findings(plan, report).draw(doc);
    })
}

/// The public-notice table (公告公示) alone.
pub fn notice_pdf(plan: &Plan, fonts: &FontDirs) -> Pdf {
    let notice = crate::export::tables(plan)
        .into_iter()
        .find(|t| t.kind == TableKind::Notice);
    let title = notice
        .as_ref()
        .map_or_else(|| plan_title(plan), |t| t.title.clone());
    render(&title, &footer(plan), fonts, |doc| {
        if let Some(t) = &notice {
            grid_of(t).draw(doc);
        }
    })
}

/// Draws the document with the bundled font; when some characters are not in
/// it, looks for fonts that have them (once) and, if any does, draws it again
/// with those as fallbacks: widths, and so every line break, change with them.
fn render(title: &str, footer: &str, fonts: &FontDirs, draw: impl Fn(&mut Doc)) -> Pdf {
    let mut doc = Doc::new(title, footer);
    draw(&mut doc);
    let lacking = doc.lacking();
    if !lacking.is_empty() {
        let found = fallback::search(fonts, &lacking);
        if !found.is_empty() {
            doc = Doc::with_font(title, footer, font::Font::with_fallbacks(found));
            draw(&mut doc);
        }
    }
    let (bytes, missing) = doc.finish();
    Pdf { bytes, missing }
}

/// `武川县2020年统筹整合使用财政涉农涉牧资金实施方案`.
fn plan_title(plan: &Plan) -> String {
    format!(
        "{}{}年统筹整合使用财政涉农涉牧资金实施方案",
        plan.county.name, plan.year
    )
}

fn footer(plan: &Plan) -> String {
    format!("{} 第 {} 版", plan_title(plan), plan.revision)
}

fn wan(m: Money) -> String {
    m.display(Unit::Wan, 2)
}

/// A table of the plan as a grid: amounts in 万元 with separators, right-aligned.
fn grid_of(t: &Table) -> Grid {
    let row = |cells: &[Cell], style: grid::Style| grid::Row {
        cells: cells
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let (text, align, whole) = match cell {
                    Cell::Money(m) => (wan(*m), Align::Right, true),
                    Cell::Count(n) if t.header.get(c).is_some_and(|h| h == "序号") => {
                        (n.to_string(), Align::Center, true)
                    }
                    Cell::Count(n) => (n.to_string(), Align::Right, true),
                    Cell::Text(s) if style == grid::Style::Body => (s.clone(), Align::Left, false),
                    Cell::Text(s) => (s.clone(), Align::Center, false),
                    Cell::Empty => (String::new(), Align::Left, false),
                };
                grid::Cell { text, align, whole }
            })
            .collect(),
        style,
    };
    let mut rows: Vec<grid::Row> = t
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let style = if t.subtotal_rows.contains(&i) {
                grid::Style::Subtotal
            } else {
                grid::Style::Body
            };
            row(r, style)
        })
        .collect();
    if !t.total.is_empty() {
        rows.push(row(&t.total, grid::Style::Total));
    }
    Grid {
        name: t.kind.sheet_name().to_string(),
        title: t.title.clone(),
        left: format!("填报单位：{}", t.unit_of),
        right: "单位：万元".to_string(),
        header: t.header.clone(),
        widths: t.widths.clone(),
        rows,
        keys: if t.kind == TableKind::Projects { 3 } else { 1 },
        breaks: if t.kind == TableKind::Projects {
            vec![crate::export::tables::PROJECT_COLUMNS.len()]
        } else {
            vec![]
        },
    }
}

/// The findings page(s): counts by severity in the line under the title, then
/// every finding with its severity, rule code and Chinese message.
fn findings(plan: &Plan, report: &Report) -> Grid {
    let cell = |text: String, align| grid::Cell {
        text,
        align,
        whole: false,
    };
    let mut rows: Vec<grid::Row> = report
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| grid::Row {
            cells: vec![
                grid::Cell {
                    text: (i + 1).to_string(),
                    align: Align::Center,
                    whole: true,
                },
                cell(f.severity().label(Lang::Zh).to_string(), Align::Center),
                cell(f.rule.code().to_string(), Align::Center),
                cell(f.message.zh.clone(), Align::Left),
            ],
            style: grid::Style::Body,
        })
        .collect();
    if rows.is_empty() {
        rows.push(grid::Row {
            cells: vec![
                cell("—".to_string(), Align::Center),
                cell(String::new(), Align::Left),
                cell(String::new(), Align::Left),
                cell("校验未发现错误、警告或提示。".to_string(), Align::Left),
            ],
            style: grid::Style::Body,
        });
    }
    Grid {
        name: "校验结果".to_string(),
        title: format!("{}{}年实施方案校验结果", plan.county.name, plan.year),
        left: counts(report),
        right: format!("第 {} 版", plan.revision),
        header: ["序号", "级别", "规则", "说明"].map(String::from).to_vec(),
        widths: vec![5, 6, 6, 100],
        rows,
        keys: 1,
        breaks: vec![],
    }
}

/// `错误 0 条　警告 1 条　提示 1 条`.
fn counts(report: &Report) -> String {
    format!(
        "错误 {} 条　警告 {} 条　提示 {} 条",
        report.errors(),
        report.warnings(),
        report.count(Severity::Info)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (Plan, Report) {
        let catalog = crate::catalog::default_catalog();
        let plan = crate::sample::generate(&catalog, Default::default());
        let report = crate::validate::validate(&plan, &catalog);
        (plan, report)
    }

    #[test]
    fn amounts_are_shown_with_separators_and_right_aligned() {
        let (plan, _) = sample();
        let t = crate::export::tables(&plan).remove(0);
        let g = grid_of(&t);
        let total = g.rows.last().expect("total row");
        assert_eq!(total.style, grid::Style::Total);
        assert_eq!(total.cells[0].text, "合计");
        let Cell::Money(m) = t.total[6] else {
            panic!("amount")
        };
        assert_eq!(total.cells[6].text, m.display(Unit::Wan, 2));
        assert!(total.cells[6].text.contains(','), "{}", total.cells[6].text);
        assert_eq!(total.cells[6].align, Align::Right);
        assert_eq!(
            g.rows
                .iter()
                .filter(|r| r.style == grid::Style::Subtotal)
                .count(),
            t.subtotal_rows.len()
        );
    }

    #[test]
    fn hostile_text_never_panics() {
        let (mut plan, report) = sample();
        plan.county.name = "\u{0}\u{7}😀\u{2717}\t\r\n".repeat(50);
        plan.prepared_by = "（".repeat(3000);
        if let Some(p) = plan.projects.first_mut() {
            p.name = "项目".repeat(5000);
            p.targets = "x".repeat(20_000);
            p.content = String::new();
        }
        if let Some(s) = plan.sources.first_mut() {
            // Also a header of 表2: cut to 12 lines, not taller than the page.
            s.name = "资金".repeat(5000);
        }
        let pdf = plan_pdf(&plan, &report, &FontDirs::none()).bytes;
        assert!(pdf.ends_with(b"%%EOF\n"));
        // Page objects are written `<</Type/Page/Parent 2 0 R/Contents …>>`.
        let pages = String::from_utf8_lossy(&pdf).matches("/Type/Page/").count();
        assert!(pages > 10, "{pages} pages");
        // The 10,000-character name runs over some 20 pages in each part of
        // 表2 and in the notice; one line per page would be thousands.
        assert!(pages < 150, "{pages} pages");
        let pdf = notice_pdf(&plan, &FontDirs::none()).bytes;
        assert!(pdf.ends_with(b"%%EOF\n"));
    }

    #[test]
    fn an_empty_plan_still_gives_a_valid_file() {
        let (mut plan, report) = sample();
        plan.projects.clear();
        plan.sources.clear();
        let pdf = notice_pdf(&plan, &FontDirs::none()).bytes;
        assert!(pdf.starts_with(b"%PDF-1.7"));
        let pdf = plan_pdf(&plan, &Report::default(), &FontDirs::none()).bytes;
        assert!(pdf.ends_with(b"%%EOF\n"));
        let _ = report;
    }
}
