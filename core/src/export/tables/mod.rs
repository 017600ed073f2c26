//! The plan as the tables of a county plan: 表1 资金来源, 表2 项目计划,
//! 表3 未纳入整合资金逐项说明, and the public-notice table (公告公示).

use crate::money::Money;
use crate::plan::Plan;

mod projects;
mod sources;

pub use projects::{PROJECT_COLUMNS, project_column};
pub use sources::TABLE1_FIELDS;

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
        TableKind::Sources => sources::sources(plan),
        TableKind::Projects => projects::projects(plan),
        TableKind::NotIntegrated => sources::not_integrated(plan),
        TableKind::Notice => projects::notice(plan),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::fields::SourceField;

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
