//! The amounts of the flow diagram: which money flows from which source
//! category or level to which use (no egui).

use super::*;

/// What the left column of the flow diagram groups the sources by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Left {
    /// 按资金大类: one node per source category.
    #[default]
    Category,
    /// 按资金级次: one node per government level.
    Level,
}

/// A node of the left column: a source category or a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// 资金大类.
    Category(Category),
    /// 资金级次.
    Level(Level),
}

impl Origin {
    /// The name officials use, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Origin::Category(c) => c.label(lang),
            Origin::Level(l) => l.label(lang),
        }
    }
}

/// Money flowing from one left node to one project use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    /// The source category or level.
    pub from: Origin,
    /// The project use.
    pub to: Use,
    /// Exact amount arranged.
    pub amount: Money,
    /// True for 跨类别使用: the use is outside the home uses of the source's category.
    pub cross: bool,
}

/// The bands of the flow diagram, ordered by origin, then use, the part within
/// the category before the cross-category part.
///
/// **By category** the amounts are the 整合矩阵 cells (`totals.matrix`); a band
/// is cross-category when [`Catalog::is_cross_category`] says so for its cell.
///
/// **By level** [`Totals`] has no level × use sums, so they are summed here from
/// the plan's funding entries: each entry's line is looked up the way
/// [`Plan::source`] does (the first row with that code, through a map built once
/// instead of a search per entry), and entries whose line has no row are
/// skipped, as the matrix skips them. A level mixes categories, so one
/// (level, use) pair can be partly cross-category; it is split into two bands,
/// the part within the category and the cross-category part (judged by each
/// entry's source category, exactly as `totals.cross_category` is computed).
/// So violet means the same money in both modes, and the cross bands sum to
/// `totals.cross_category` in both.
///
/// Zero amounts give no band. Negative ones (a P03 error) are kept so the
/// amounts still add up to the matrix; the diagram leaves them out.
pub fn bands(plan: &Plan, totals: &Totals, catalog: &Catalog, by: Left) -> Vec<Band> {
    let sums: BTreeMap<(Origin, Use, bool), Money> = match by {
        Left::Category => totals
            .matrix
            .iter()
            .map(|(&(c, u), &m)| {
                let cross = catalog.is_cross_category(c, u);
                ((Origin::Category(c), u, cross), m)
            })
            .collect(),
        Left::Level => {
            let mut rows: HashMap<&str, &Source> = HashMap::with_capacity(plan.sources.len());
            for s in &plan.sources {
                rows.entry(s.line.as_str()).or_insert(s);
            }
            let mut sums = BTreeMap::new();
            for p in &plan.projects {
                for f in &p.funding {
                    let Some(s) = rows.get(f.line.as_str()) else {
                        continue;
                    };
                    let cross = catalog.is_cross_category(s.category, p.use_);
                    *sums
                        .entry((Origin::Level(s.level), p.use_, cross))
                        .or_insert(Money::ZERO) += f.amount;
                }
            }
            sums
        }
    };
    sums.into_iter()
        .filter(|(_, m)| !m.is_zero())
        .map(|((from, to, cross), amount)| Band {
            from,
            to,
            amount,
            cross,
        })
        .collect()
}
