//! The plan as the tables of a county plan: 表1 资金来源, 表2 项目计划,
//! 表3 未纳入整合资金逐项说明, and the public-notice table (公告公示).

use crate::Lang;
use crate::enums::Level;
use crate::money::Money;
use crate::plan::Plan;
use crate::plan::fields::{Column, FieldValue, Kind, ProjectField, SourceField};

/// Which table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// 表1 统筹整合资金来源表.
    Sources,
    /// 表2 统筹整合资金项目计划表.
    Projects,
    /// 表3 未纳入整合资金逐项说明表.
    NotIntegrated,
    /// 项目公告公示表.
    Notice,
}

impl TableKind {
    /// All tables, in the order of the plan's annexes.
    pub const ALL: [TableKind; 4] = [
        TableKind::Sources,
        TableKind::Projects,
        TableKind::NotIntegrated,
        TableKind::Notice,
    ];

    /// Sheet and file name, e.g. `表1 资金来源`.
    pub fn sheet_name(self) -> &'static str {
        match self {
            TableKind::Sources => "表1 资金来源",
            TableKind::Projects => "表2 项目计划",
            TableKind::NotIntegrated => "表3 未纳入整合说明",
            TableKind::Notice => "公示表",
        }
    }

    /// The table's title after the banner and year.
    pub fn title(self) -> &'static str {
        match self {
            TableKind::Sources => "统筹整合资金来源表",
            TableKind::Projects => "统筹整合资金项目计划表",
            TableKind::NotIntegrated => "未纳入整合资金逐项说明表",
            TableKind::Notice => "统筹整合资金项目公告公示表",
        }
    }
}

/// One cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// An amount, shown in 万元 with two decimals.
    Money(Money),
    /// A count (households, people, serial numbers).
    Count(u64),
    /// Nothing.
    Empty,
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// The cell as text: amounts in 万元 with two decimals, no separators.
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Money(m) => m.display(crate::money::Unit::Wan, 2).replace(',', ""),
            Cell::Count(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A table ready to be written in any format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Which table.
    pub kind: TableKind,
    /// Full title, e.g. 武川县2020年统筹整合资金来源表.
    pub title: String,
    /// 填报单位.
    pub unit_of: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Relative column widths in characters (for spreadsheets and PDF).
    pub widths: Vec<u16>,
    /// Body rows; each as long as the header.
    pub rows: Vec<Vec<Cell>>,
    /// Indexes of rows that are subtotals (drawn bold, skipped on import).
    pub subtotal_rows: Vec<usize>,
    /// The 合计 row.
    pub total: Vec<Cell>,
}

/// Every table of `plan`, in annex order.
pub fn tables(plan: &Plan) -> Vec<Table> {
    TableKind::ALL.iter().map(|k| table(plan, *k)).collect()
}

fn base(plan: &Plan, kind: TableKind, header: &[(&str, u16)]) -> Table {
    Table {
        kind,
        title: format!("{}{}年{}", plan.county.name, plan.year, kind.title()),
        unit_of: plan.prepared_by.clone(),
        header: header.iter().map(|(h, _)| h.to_string()).collect(),
        widths: header.iter().map(|(_, w)| *w).collect(),
        rows: Vec::new(),
        subtotal_rows: Vec::new(),
        total: Vec::new(),
    }
}

fn table(plan: &Plan, kind: TableKind) -> Table {
    match kind {
        TableKind::Sources => sources(plan),
        TableKind::Projects => projects(plan),
        TableKind::NotIntegrated => not_integrated(plan),
        TableKind::Notice => notice(plan),
    }
}

/// Source line codes used by any project, in source order (表2's columns).
pub fn lines_used(plan: &Plan) -> Vec<&str> {
    plan.sources
        .iter()
        .map(|s| s.line.as_str())
        .filter(|l| {
            plan.projects
                .iter()
                .any(|p| p.funding.iter().any(|f| f.line == *l))
        })
        .collect()
}

/// The fund-line fields in 表1's column order (未纳入整合金额, worked out,
/// stands before the reason); every field has a column (a test checks).
pub const TABLE1_FIELDS: [SourceField; 8] = [
    SourceField::Level,
    SourceField::Line,
    SourceField::Name,
    SourceField::Category,
    SourceField::Document,
    SourceField::Allocated,
    SourceField::Integrated,
    SourceField::Reason,
];

fn sources(plan: &Plan) -> Table {
    let mut header = vec![("序号", 5)];
    for f in TABLE1_FIELDS {
        if f == SourceField::Reason {
            header.push(("未纳入整合金额", 12));
        }
        header.push(f.info().column);
    }
    let mut t = base(plan, TableKind::Sources, &header);
    let mut n = 0;
    let (mut all_a, mut all_i) = (Money::ZERO, Money::ZERO);
    for &level in Level::ALL {
        let lines: Vec<_> = plan.sources.iter().filter(|s| s.level == level).collect();
        if lines.is_empty() {
            continue;
        }
        let (mut a, mut i) = (Money::ZERO, Money::ZERO);
        for s in lines {
            n += 1;
            a += s.allocated;
            i += s.integrated;
            t.rows.push(vec![
                Cell::Count(n),
                Cell::text(level.label(Lang::Zh)),
                Cell::text(&s.line),
                Cell::text(&s.name),
                Cell::text(s.category.label(Lang::Zh)),
                Cell::text(&s.document),
                Cell::Money(s.allocated),
                Cell::Money(s.integrated),
                Cell::Money(s.not_integrated()),
                Cell::text(&s.reason),
            ]);
        }
        t.subtotal_rows.push(t.rows.len());
        t.rows.push(vec![
            Cell::Empty,
            Cell::text(format!("{}小计", level.label(Lang::Zh))),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Money(a),
            Cell::Money(i),
            Cell::Money(a - i),
            Cell::Empty,
        ]);
        all_a += a;
        all_i += i;
    }
    t.total = vec![
        Cell::text("合计"),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Money(all_a),
        Cell::Money(all_i),
        Cell::Money(all_a - all_i),
        Cell::Empty,
    ];
    t
}

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

fn projects(plan: &Plan) -> Table {
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

fn not_integrated(plan: &Plan) -> Table {
    let mut t = base(
        plan,
        TableKind::NotIntegrated,
        &[
            ("序号", 5),
            ("资金代码", 8),
            ("资金名称", 40),
            ("级次", 8),
            ("下达金额", 12),
            ("未纳入金额", 12),
            ("原因", 50),
        ],
    );
    let (mut a, mut rest) = (Money::ZERO, Money::ZERO);
    for s in plan
        .sources
        .iter()
        .filter(|s| !s.not_integrated().is_zero())
    {
        a += s.allocated;
        rest += s.not_integrated();
        t.rows.push(vec![
            Cell::Count(t.rows.len() as u64 + 1),
            Cell::text(&s.line),
            Cell::text(&s.name),
            Cell::text(s.level.label(Lang::Zh)),
            Cell::Money(s.allocated),
            Cell::Money(s.not_integrated()),
            Cell::text(&s.reason),
        ]);
    }
    t.total = vec![
        Cell::text("合计"),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Money(a),
        Cell::Money(rest),
        Cell::Empty,
    ];
    t
}

fn notice(plan: &Plan) -> Table {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table1_has_a_column_for_every_fund_line_field() {
        let mut listed = TABLE1_FIELDS.map(SourceField::key);
        let mut all = SourceField::ALL.map(SourceField::key);
        listed.sort_unstable();
        all.sort_unstable();
        assert_eq!(listed, all);
    }

    #[test]
    fn totals_match_the_plan() {
        let catalog = crate::catalog::default_catalog();
        let plan = crate::sample::generate(&catalog, Default::default());
        let report = crate::validate::validate(&plan, &catalog);
        let ts = tables(&plan);
        assert_eq!(ts[0].total[7], Cell::Money(report.totals.integrated));
        assert_eq!(ts[1].total[12], Cell::Money(report.totals.arranged));
        assert_eq!(ts[3].rows.len(), plan.projects.len());
        let partial = plan.sources.iter().filter(|s| s.allocated > s.integrated);
        assert_eq!(
            ts[2].rows.len(),
            partial.count(),
            "a row per line partly not integrated"
        );
        assert!(ts[2].rows.len() >= 2);
        for t in &ts {
            assert!(
                t.rows
                    .iter()
                    .chain([&t.total])
                    .all(|r| r.len() == t.header.len()),
                "{:?}",
                t.kind
            );
            assert_eq!(t.widths.len(), t.header.len());
        }
    }
}
