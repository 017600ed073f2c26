//! PDF files of a plan: the whole plan (cover, every table, findings) and the
//! public notice alone. A4 landscape, the CJK font embedded, page numbers on
//! every page.
//!
//! The file is written by hand ([`doc`]): a Type0 font with Identity-H
//! encoding over a `CIDFontType0` whose program is the `CFF ` table of the
//! bundled Noto Sans CJK SC subset (`/FontFile3 /Subtype /CIDFontType0C`; see
//! [`font::program`] for why not the whole OpenType file), `/W` widths and a
//! `/ToUnicode` CMap for the glyphs used, so that viewers show and `pdftotext`
//! extracts the Chinese. Tables are laid out by [`grid`].
//!
//! Streams are not compressed: no deflate crate is a direct dependency. With
//! one, the font stream would shrink by about 16 % (1.79 → 1.50 MB) and the
//! page contents by about 70 %.
//!
//! The same plan always gives the same bytes (no timestamps).

// Lints are fixed when the krilla PDF writer that replaces this module lands (issue 15).
#![allow(clippy::indexing_slicing, clippy::let_underscore_must_use)]

mod doc;
mod font;
mod grid;

use crate::Lang;
use crate::export::{Cell, Table, TableKind};
use crate::money::{Money, Unit};
use crate::plan::Plan;
use crate::validate::{Report, Severity};

use doc::{Align, BOTTOM, CONTENT_W, Doc, MARGIN_X, PAGE_W, Weight};
use grid::Grid;

/// The whole plan: a cover (banner, year, revision, totals), every table, and a findings summary.
pub fn plan_pdf(plan: &Plan, report: &Report) -> Vec<u8> {
    let mut doc = Doc::new(&plan_title(plan), &footer(plan));
    cover(&mut doc, plan, report);
    for t in crate::export::tables(plan) {
        grid_of(&t).draw(&mut doc);
    }
    findings(plan, report).draw(&mut doc);
    doc.finish()
}

/// The public-notice table (公告公示) alone.
pub fn notice_pdf(plan: &Plan) -> Vec<u8> {
    let notice = crate::export::tables(plan)
        .into_iter()
        .find(|t| t.kind == TableKind::Notice);
    let title = notice
        .as_ref()
        .map_or_else(|| plan_title(plan), |t| t.title.clone());
    let mut doc = Doc::new(&title, &footer(plan));
    if let Some(t) = notice {
        grid_of(&t).draw(&mut doc);
    }
    doc.finish()
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

/// One line of a block on the cover: cells with their alignment.
type BlockRow = Vec<(String, Align)>;

/// Draws a bordered block of rows at `y` (from the top), centred on the page;
/// the first row is a header when `head` is set. Returns the y below it.
fn block(doc: &mut Doc, mut y: f32, widths: &[f32], rows: &[BlockRow], head: bool) -> f32 {
    const SIZE: f32 = 10.5;
    const LEAD: f32 = SIZE * 1.4;
    const PAD: f32 = 5.0;
    let total: f32 = widths.iter().sum();
    let x0 = (PAGE_W - total) / 2.0;
    for (r, row) in rows.iter().enumerate() {
        let lines: Vec<Vec<String>> = row
            .iter()
            .zip(widths)
            .map(|((text, _), w)| {
                let lines = doc.font.wrap(text, SIZE, w - 2.0 * PAD);
                grid::cap(doc, lines, 8, SIZE, w - 2.0 * PAD)
            })
            .collect();
        let n = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let h = n as f32 * LEAD + 2.0 * PAD;
        if y + h > BOTTOM {
            doc.new_page();
            y = doc::MARGIN_TOP;
        }
        let header = head && r == 0;
        if header {
            doc.fill(x0, y, total, h, 0.9);
        }
        let mut x = x0;
        for (k, ((_, align), w)) in row.iter().zip(widths).enumerate() {
            // Without a header row the first column holds labels: bold on grey.
            let label = k == 0 && !head;
            if label {
                doc.fill(x, y, *w, h, 0.95);
            }
            let weight = if header || label {
                Weight::Bold
            } else {
                Weight::Regular
            };
            let cell_lines = lines.get(k).map_or(&[][..], Vec::as_slice);
            let top = y + (h - cell_lines.len() as f32 * LEAD) / 2.0;
            for (i, line) in cell_lines.iter().enumerate() {
                let baseline = top + i as f32 * LEAD + (LEAD - SIZE) / 2.0 + 0.88 * SIZE;
                doc.text_in(line, x + PAD, w - 2.0 * PAD, baseline, SIZE, *align, weight);
            }
            doc.frame(x, y, *w, h, 0.6);
            x += w;
        }
        y += h;
    }
    y
}

/// The cover: title, revision, who prepared and approved it, totals, findings.
fn cover(doc: &mut Doc, plan: &Plan, report: &Report) {
    doc.new_page();
    let mut y = 96.0;
    let title = plan_title(plan);
    let lines = doc.font.wrap(&title, 24.0, CONTENT_W - 60.0);
    for line in grid::cap(doc, lines, 3, 24.0, CONTENT_W - 60.0) {
        doc.text_in(
            &line,
            MARGIN_X,
            CONTENT_W,
            y,
            24.0,
            Align::Center,
            Weight::Bold,
        );
        y += 34.0;
    }
    let edition = if plan.revision > 1 {
        format!("第 {} 版（调整方案）", plan.revision)
    } else {
        format!("第 {} 版（年初方案）", plan.revision)
    };
    doc.text_in(
        &edition,
        MARGIN_X,
        CONTENT_W,
        y + 4.0,
        14.0,
        Align::Center,
        Weight::Regular,
    );
    y += 26.0;

    let or_blank = |s: &str, blank: &str| {
        if s.trim().is_empty() {
            blank.to_string()
        } else {
            s.to_string()
        }
    };
    let c = &plan.county;
    let mut info: Vec<BlockRow> = vec![
        vec![
            ("旗县".into(), Align::Left),
            (
                format!(
                    "{}（{}），{}，{}",
                    c.name,
                    c.code,
                    c.league,
                    c.kind.label(Lang::Zh)
                ),
                Align::Left,
            ),
        ],
        vec![
            ("编制单位".into(), Align::Left),
            (or_blank(&plan.prepared_by, "（未填写）"), Align::Left),
        ],
        vec![
            ("审定".into(), Align::Left),
            (or_blank(&plan.approval, "（未审定）"), Align::Left),
        ],
    ];
    if plan.revision > 1 {
        let adj = plan.adjustment.clone().unwrap_or_default();
        info.push(vec![
            ("调整原因".into(), Align::Left),
            (or_blank(&adj.reason, "（未填写）"), Align::Left),
        ]);
        info.push(vec![
            ("调整批复".into(), Align::Left),
            (or_blank(&adj.approval, "（未填写）"), Align::Left),
        ]);
    }
    if let Some(s) = &plan.submission {
        info.push(vec![
            ("提交".into(), Align::Left),
            (format!("{}　{}", s.at, s.digest), Align::Left),
        ]);
    }
    y = block(doc, y, &[110.0, 470.0], &info, false) + 18.0;

    let t = &report.totals;
    let share = t
        .cross_share
        .map_or_else(|| "—".to_string(), crate::money::percent);
    let r = Align::Right;
    let l = Align::Left;
    let totals: Vec<BlockRow> = vec![
        vec![
            ("项目".into(), Align::Center),
            ("金额（万元）".into(), Align::Center),
            ("说明".into(), Align::Center),
        ],
        vec![
            ("下达资金".into(), l),
            (wan(t.allocated), r),
            ("上级和本级下达的涉农涉牧资金".into(), l),
        ],
        vec![
            ("纳入整合资金".into(), l),
            (wan(t.integrated), r),
            ("统筹整合使用".into(), l),
        ],
        vec![
            ("未纳入整合资金".into(), l),
            (wan(t.not_integrated()), r),
            ("逐项说明见表3".into(), l),
        ],
        vec![
            ("已安排到项目".into(), l),
            (wan(t.arranged), r),
            (format!("待安排 {} 万元", wan(t.unarranged())), l),
        ],
        vec![
            ("跨类别使用".into(), l),
            (wan(t.cross_category), r),
            (format!("占纳入整合资金 {share}"), l),
        ],
    ];
    y = block(doc, y, &[150.0, 140.0, 290.0], &totals, true) + 22.0;

    let summary = format!("校验结果：{}（明细见末页）", counts(report));
    if y + 12.0 > BOTTOM {
        doc.new_page();
        y = doc::MARGIN_TOP + 12.0;
    }
    doc.text_in(
        &summary,
        MARGIN_X,
        CONTENT_W,
        y,
        11.0,
        Align::Center,
        Weight::Regular,
    );
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
        let pdf = plan_pdf(&plan, &report);
        assert!(pdf.ends_with(b"%%EOF\n"));
        let pages = String::from_utf8_lossy(&pdf)
            .matches("/Type /Page ")
            .count();
        // The 10,000-character name runs over some 20 pages in each part of
        // 表2 and in the notice; one line per page would be thousands.
        assert!(pages < 150, "{pages} pages");
        let pdf = notice_pdf(&plan);
        assert!(pdf.ends_with(b"%%EOF\n"));
    }

    #[test]
    fn an_empty_plan_still_gives_a_valid_file() {
        let (mut plan, report) = sample();
        plan.projects.clear();
        plan.sources.clear();
        let pdf = notice_pdf(&plan);
        assert!(pdf.starts_with(b"%PDF-1.7"));
        let pdf = plan_pdf(&plan, &Report::default());
        assert!(pdf.ends_with(b"%%EOF\n"));
        let _ = report;
    }
}
