//! 表2 项目计划 (each project with its funding per line) and the public
//! notice (公告公示).

use super::{Cell, Table, TableKind, base, lines_used};
use crate::Lang;
use crate::money::Money;
use crate::plan::Plan;
use crate::plan::fields::{Column, FieldValue, Kind, ProjectField};

/// Fixed columns of 表2 before the per-line columns: 序号, the fields with a
/// [`Column::Fixed`] place in [`ProjectField::ALL`] order, 整合资金合计.
pub const PROJECT_COLUMNS: [&str; 13] = fixed_columns();

/// [`PROJECT_COLUMNS`]; a field given a fixed column without the array
/// growing stops the build here.
#[expect(
    clippy::indexing_slicing,
    reason = "only evaluated at compile time (PROJECT_COLUMNS): an index out of range fails the build, it cannot panic at run time"
)]
const fn fixed_columns() -> [&'static str; 13] {
    let mut out = [""; 13];
    out[0] = "序号";
    let (mut n, mut k) = (1, 0);
    while k < ProjectField::ALL.len() {
        if let Column::Fixed(header, _, _) = ProjectField::ALL[k].info().column {
            out[n] = header;
            n += 1;
        }
        k += 1;
    }
    assert!(
        n == out.len() - 1,
        "PROJECT_COLUMNS has room for every fixed column"
    );
    out[n] = "整合资金合计";
    out
}

/// Where `f` is in [`PROJECT_COLUMNS`], if it has a fixed column.
pub fn project_column(f: ProjectField) -> Option<usize> {
    ProjectField::fixed().position(|g| g == f).map(|k| k + 1)
}

/// 表2's cell of a field with a fixed column.
fn field_cell(value: FieldValue<'_>) -> Cell {
    match value {
        FieldValue::Text(t) => Cell::text(t),
        FieldValue::Use(u) => Cell::text(u.label(Lang::Zh)),
        FieldValue::Count(n) => Cell::Count(n.into()),
        FieldValue::Money(m) => Cell::Money(m),
        FieldValue::Funding(_) => Cell::Empty,
    }
}

pub(super) fn projects(plan: &Plan) -> Table {
    let mut fixed: Vec<(&str, u16)> = vec![("序号", 5)];
    for f in ProjectField::fixed() {
        if let Column::Fixed(header, _, width) = f.info().column {
            fixed.push((header, width));
        }
    }
    fixed.push(("整合资金合计", 12));
    let mut t = base(plan, TableKind::Projects, &fixed);
    let lines = lines_used(plan);
    for l in &lines {
        let name = plan.source(l).map_or("", |s| s.name.as_str());
        t.header.push(format!("{l} {name}"));
        t.widths.push(14);
    }
    let last: Vec<ProjectField> = ProjectField::after_lines().collect();
    for f in &last {
        t.header.push(f.header().to_string());
        t.widths.push(12);
    }
    let mut by_line = vec![Money::ZERO; lines.len()];
    let mut total = Money::ZERO;
    // Amount columns after the lines are summed in the 合计 row.
    let mut last_sums = vec![Money::ZERO; last.len()];
    // Count columns are summed in the 合计 row; other fixed columns stay empty.
    let mut sums: Vec<Option<u64>> = ProjectField::fixed()
        .map(|f| (f.info().kind == Kind::Count).then_some(0))
        .collect();
    for (n, p) in plan.projects.iter().enumerate() {
        let sum = p.integrated_total();
        total += sum;
        let mut row = vec![Cell::Count(n as u64 + 1)];
        for (k, f) in ProjectField::fixed().enumerate() {
            let value = f.get(p);
            if let (Some(Some(s)), FieldValue::Count(c)) = (sums.get_mut(k), value) {
                *s += u64::from(c);
            }
            row.push(field_cell(value));
        }
        row.push(Cell::Money(sum));
        for (l, line_sum) in lines.iter().zip(by_line.iter_mut()) {
            let amount: Money = p
                .funding
                .iter()
                .filter(|f| f.line == *l)
                .map(|f| f.amount)
                .sum();
            *line_sum += amount;
            row.push(if amount.is_zero() {
                Cell::Empty
            } else {
                Cell::Money(amount)
            });
        }
        for (k, f) in last.iter().enumerate() {
            let value = f.get(p);
            if let (Some(s), FieldValue::Money(m)) = (last_sums.get_mut(k), value) {
                *s += m;
            }
            row.push(field_cell(value));
        }
        t.rows.push(row);
    }
    t.total = vec![Cell::text("合计")];
    t.total
        .extend(sums.into_iter().map(|s| s.map_or(Cell::Empty, Cell::Count)));
    t.total.push(Cell::Money(total));
    t.total.extend(by_line.into_iter().map(Cell::Money));
    t.total.extend(last.iter().zip(last_sums).map(|(f, s)| {
        if f.info().kind == Kind::Money {
            Cell::Money(s)
        } else {
            Cell::Empty
        }
    }));
    t
}

pub(super) fn notice(plan: &Plan) -> Table {
    let mut t = base(
        plan,
        TableKind::Notice,
        &[
            ("序号", 5),
            ("项目名称", 30),
            ("建设地点", 20),
            ("建设内容", 36),
            ("资金规模（万元）", 12),
            ("实施单位", 20),
            ("绩效目标", 44),
        ],
    );
    let mut total = Money::ZERO;
    for (n, p) in plan.projects.iter().enumerate() {
        let sum = p.integrated_total();
        total += sum;
        let place = if p.village.trim().is_empty() {
            p.township.clone()
        } else {
            format!("{}{}", p.township, p.village)
        };
        t.rows.push(vec![
            Cell::Count(n as u64 + 1),
            Cell::text(&p.name),
            Cell::Text(place),
            Cell::text(&p.content),
            Cell::Money(sum),
            Cell::text(&p.unit),
            Cell::text(&p.targets),
        ]);
    }
    t.total = vec![
        Cell::text("合计"),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Money(total),
        Cell::Empty,
        Cell::Empty,
    ];
    t
}
