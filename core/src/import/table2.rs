//! 表2, the projects: the fixed columns, then one column per fund line, checked
//! against 表1's lines and the 合计 row.

use crate::Lang;
use crate::enums::Use;
use crate::export::tables::PROJECT_COLUMNS;
use crate::money::Money;
use crate::plan::fields::ProjectField as F;
use crate::plan::{Funding, Project, Source};

use super::{Importer, Sheet, cell_name, label_to, layout};

pub(super) fn read_projects(
    im: &mut Importer<'_>,
    s: &Sheet<'_>,
    sources: &[Source],
) -> Vec<Project> {
    let Some((hr, cols)) = im.columns(s, &PROJECT_COLUMNS) else {
        return Vec::new();
    };
    let mut known = PROJECT_COLUMNS.to_vec();
    known.extend(F::after_lines().map(F::header));
    im.check_headers(s, hr, true, &known);
    let c = |name: &str| cols.get(name).copied().unwrap_or(0);
    // Line columns: header "C01 中央财政专项扶贫资金" (the code before the first space).
    let (_, last_col) = s.end();
    let mut line_cols = Vec::new();
    for col in 0..=last_col {
        let h = s.text(hr, col);
        let Some(code) = layout::line_code(&h) else {
            continue;
        };
        if !sources.iter().any(|src| src.line == code) {
            im.problem(
                s.name,
                cell_name(hr, col),
                format!("未知资金“{code}”（表1中没有）"),
                format!("unknown fund line “{code}” (not in 表1)"),
            );
        }
        line_cols.push((code.to_string(), col));
    }
    let other_col = cols.get(F::OtherFunds.header()).copied();
    let (rows, _) = s.end();
    let mut out = Vec::new();
    let mut line_sums = vec![Money::ZERO; line_cols.len()];
    for r in hr + 1..=rows {
        if s.text(r, 0) == "合计" {
            for ((_, col), sum) in line_cols.iter().zip(&line_sums) {
                im.check_total(s, r, *col, *sum);
            }
            im.nothing_below(s, r);
            break;
        }
        let id = s.text(r, c(F::Id.header()));
        if id.is_empty() {
            continue;
        }
        let mut funding = Vec::new();
        for ((line, col), sum) in line_cols.iter().zip(line_sums.iter_mut()) {
            let amount = im.money(s, r, *col);
            *sum += amount;
            if !amount.is_zero() {
                funding.push(Funding {
                    line: line.clone(),
                    amount,
                });
            }
        }
        let sum: Money = funding.iter().map(|f| f.amount).sum();
        im.check_sum(
            s,
            (r, c("整合资金合计")),
            sum,
            [
                "整合资金合计",
                "各资金之和",
                "project total",
                "its lines' sum",
            ],
        );
        let use_text = s.text(r, c(F::Use.header()));
        let use_ = label_to(Use::ALL, |u| u.label(Lang::Zh), &use_text).unwrap_or_else(|| {
            im.problem(
                s.name,
                cell_name(r, c(F::Use.header())),
                format!("未知使用方向“{use_text}”"),
                format!("unknown use “{use_text}”"),
            );
            Use::Other
        });
        let text = |f: F| s.text(r, c(f.header()));
        out.push(Project {
            id,
            name: text(F::Name),
            use_,
            township: text(F::Township),
            village: text(F::Village),
            unit: text(F::Unit),
            content: text(F::Content),
            period: text(F::Period),
            households: im.count(s, r, c(F::Households.header())),
            people: im.count(s, r, c(F::People.header())),
            targets: text(F::Targets),
            funding,
            other_funds: other_col.map_or(Money::ZERO, |col| im.money(s, r, col)),
        });
    }
    out
}
