//! 表1, the fund sources: one row per line, checked against the catalog and
//! its 合计 row.

use crate::Lang;
use crate::enums::{Category, Level};
use crate::export::tables::TABLE1_FIELDS;
use crate::money::Money;
use crate::plan::Source;
use crate::plan::fields::SourceField as S;

use super::{Importer, Sheet, cell_name, label_to};

pub(super) fn read_sources(im: &mut Importer<'_>, s: &Sheet<'_>) -> Vec<Source> {
    let needed = TABLE1_FIELDS.map(S::header);
    let Some((hr, cols)) = im.columns(s, &needed) else {
        return Vec::new();
    };
    let mut known = needed.to_vec();
    known.extend(["序号", "未纳入整合金额"]);
    im.check_headers(s, hr, false, &known);
    let c = |name: &str| cols.get(name).copied().unwrap_or(0);
    let (rows, _) = s.end();
    let mut out = Vec::new();
    let mut sums = (Money::ZERO, Money::ZERO);
    for r in hr + 1..=rows {
        let first = s.text(r, 0);
        let code = s.text(r, c(S::Line.header()));
        if first == "合计" {
            for (name, sum) in [
                (S::Allocated.header(), sums.0),
                (S::Integrated.header(), sums.1),
            ] {
                im.check_total(s, r, c(name), sum);
            }
            im.nothing_below(s, r);
            break;
        }
        if code.is_empty() {
            continue; // a subtotal row
        }
        let level = label_to(
            Level::ALL,
            |l| l.label(Lang::Zh),
            &s.text(r, c(S::Level.header())),
        );
        let category = label_to(
            Category::ALL,
            |x| x.label(Lang::Zh),
            &s.text(r, c(S::Category.header())),
        );
        let known = !code.starts_with(['C', 'R']) || im.catalog.line(&code).is_some();
        if !known || level.is_none() {
            im.problem(
                s.name,
                cell_name(r, c(S::Line.header())),
                format!("未知资金“{code}”"),
                format!("unknown fund line “{code}”"),
            );
        }
        if category.is_none() {
            let t = s.text(r, c(S::Category.header()));
            im.problem(
                s.name,
                cell_name(r, c(S::Category.header())),
                format!("未知资金大类“{t}”"),
                format!("unknown category “{t}”"),
            );
        }
        let allocated = im.money(s, r, c(S::Allocated.header()));
        let integrated = im.money(s, r, c(S::Integrated.header()));
        sums = (sums.0 + allocated, sums.1 + integrated);
        out.push(Source {
            line: code,
            level: level.unwrap_or_default(),
            name: s.text(r, c(S::Name.header())),
            category: category.unwrap_or_default(),
            document: s.text(r, c(S::Document.header())),
            allocated,
            integrated,
            reason: s.text(r, c(S::Reason.header())),
        });
    }
    out
}
