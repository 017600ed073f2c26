//! The cover of the plan PDF: title, revision, who prepared and approved it,
//! the totals, and the findings in one line.

use crate::plan::Plan;
use crate::validate::Report;
use crate::{Lang, Text};

use super::doc::{self, Align, BOTTOM, CONTENT_W, Doc, MARGIN_X, PAGE_W, Weight};
use super::{counts, plan_title, wan, wrap};

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
                wrap::cap(doc, lines, 8, SIZE, w - 2.0 * PAD)
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
        // Named by the row's label (编制单位, 审定…), fixed words.
        let what = row.first().map_or("", |(t, _)| t.as_str());
        doc.claim(|| Text::new(format!("封面，{what}"), format!("the cover, {what}")));
        y += h;
    }
    y
}

/// The cover: title, revision, who prepared and approved it, totals, findings.
pub fn cover(doc: &mut Doc, plan: &Plan, report: &Report) {
    doc.new_page();
    let mut y = 96.0;
    let title = plan_title(plan);
    let lines = doc.font.wrap(&title, 24.0, CONTENT_W - 60.0);
    for line in wrap::cap(doc, lines, 3, 24.0, CONTENT_W - 60.0) {
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
    doc.claim(|| Text::new("封面，标题", "the cover, title"));
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
