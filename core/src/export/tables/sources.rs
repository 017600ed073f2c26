//! 表1 资金来源 (every fund line, by level) and 表3 未纳入整合资金逐项说明
//! (each amount not integrated, with its reason).

use super::{Cell, Table, TableKind, base};
use crate::Lang;
use crate::enums::Level;
use crate::money::Money;
use crate::plan::Plan;
use crate::plan::fields::SourceField;

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

pub(super) fn sources(plan: &Plan) -> Table {
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

pub(super) fn not_integrated(plan: &Plan) -> Table {
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
