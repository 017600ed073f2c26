//! The plan's totals: what the status bar, the matrix and the summary show.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::Ctx;
use crate::enums::{Category, Level, Use};
use crate::money::Money;

/// Allocated, integrated and arranged amounts of a group of lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sums {
    /// 下达.
    pub allocated: Money,
    /// 纳入整合.
    pub integrated: Money,
    /// Funding arranged to projects from these lines.
    pub arranged: Money,
}

/// Sums over a whole plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// 下达 over all lines.
    pub allocated: Money,
    /// 纳入整合 over all lines.
    pub integrated: Money,
    /// 已安排: all funding entries of all projects.
    pub arranged: Money,
    /// Funding whose project use is outside the home uses of its line's category.
    pub cross_category: Money,
    /// `cross_category / integrated`, `None` when nothing is integrated.
    pub cross_share: Option<Decimal>,
    /// Per level.
    pub by_level: BTreeMap<Level, Sums>,
    /// Per source category.
    pub by_category: BTreeMap<Category, Sums>,
    /// Funding per project use.
    pub by_use: BTreeMap<Use, Money>,
    /// Funding per (source category, project use): the 整合矩阵.
    pub matrix: BTreeMap<(Category, Use), Money>,
    /// Funding per line code (entries whose line has no row included).
    pub by_line: BTreeMap<String, Money>,
}

impl Totals {
    /// 未纳入整合: allocated minus integrated.
    pub fn not_integrated(&self) -> Money {
        self.allocated - self.integrated
    }

    /// 待安排: integrated minus arranged (negative when over-arranged).
    pub fn unarranged(&self) -> Money {
        self.integrated - self.arranged
    }

    /// Arranged from `line`, zero when nothing is.
    pub fn arranged_from(&self, line: &str) -> Money {
        self.by_line.get(line).copied().unwrap_or_default()
    }

    /// Share of the integrated total that goes to `use_`.
    pub fn use_share(&self, use_: Use) -> Option<Decimal> {
        self.by_use
            .get(&use_)
            .copied()
            .unwrap_or_default()
            .share_of(self.integrated)
    }
}

#[expect(
    clippy::indexing_slicing,
    reason = "the arrays are as long as the enum's ALL, indexed by the enum's discriminant \
              (ALL lists the variants in discriminant order)"
)]
pub(super) fn compute(ctx: &Ctx<'_>) -> Totals {
    // Accumulate in arrays indexed by the enums (this runs on every keystroke),
    // then keep only the groups that occur, in enum order.
    let mut levels = [(false, Sums::default()); Level::ALL.len()];
    let mut categories = [(false, Sums::default()); Category::ALL.len()];
    let mut uses = [(false, Money::ZERO); Use::ALL.len()];
    let mut matrix = [[(false, Money::ZERO); Use::ALL.len()]; Category::ALL.len()];
    let mut cross = [[false; Use::ALL.len()]; Category::ALL.len()];
    for (c, row) in Category::ALL.iter().zip(&mut cross) {
        for (u, cell) in Use::ALL.iter().zip(row.iter_mut()) {
            *cell = ctx.catalog.is_cross_category(*c, *u);
        }
    }
    let mut t = Totals::default();
    for s in &ctx.plan.sources {
        t.allocated += s.allocated;
        t.integrated += s.integrated;
        for (seen, sums) in [
            &mut levels[s.level as usize],
            &mut categories[s.category as usize],
        ] {
            *seen = true;
            sums.allocated += s.allocated;
            sums.integrated += s.integrated;
        }
    }
    // Per (line, use) cell, not per funding entry: the same sums (money adds
    // exactly), with one source lookup per cell.
    for (&(line, use_), &amount) in &ctx.arranged_by_use {
        t.arranged += amount;
        let u = &mut uses[use_ as usize];
        *u = (true, u.1 + amount);
        let Some(source) = ctx.sources.get(line) else {
            continue;
        };
        levels[source.level as usize].1.arranged += amount;
        categories[source.category as usize].1.arranged += amount;
        let cell = &mut matrix[source.category as usize][use_ as usize];
        *cell = (true, cell.1 + amount);
        if cross[source.category as usize][use_ as usize] {
            t.cross_category += amount;
        }
    }
    t.by_level = keep(Level::ALL, &levels);
    t.by_category = keep(Category::ALL, &categories);
    t.by_use = keep(Use::ALL, &uses);
    for (c, row) in Category::ALL.iter().zip(&matrix) {
        for (u, (seen, m)) in Use::ALL.iter().zip(row) {
            if *seen {
                t.matrix.insert((*c, *u), *m);
            }
        }
    }
    t.by_line = ctx
        .arranged
        .iter()
        .map(|(k, v)| ((*k).to_string(), *v))
        .collect();
    t.cross_share = t.cross_category.share_of(t.integrated);
    t
}

fn keep<K: Ord + Copy, V: Copy>(keys: &[K], values: &[(bool, V)]) -> BTreeMap<K, V> {
    keys.iter()
        .zip(values)
        .filter(|(_, (seen, _))| *seen)
        .map(|(k, (_, v))| (*k, *v))
        .collect()
}
