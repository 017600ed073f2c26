//! Realistic synthetic plans, for demos, tests and benchmarks.
//!
//! [`generate`] makes a valid plan (no errors, no warnings but the X01 info)
//! for a real banner: every catalog line, league and county own lines, with a
//! real banner's budget (about 1.96 亿元 for the default 60 projects; a few lines
//! bring nothing, two are partly not integrated with their reasons), cut into
//! projects of all 13 uses, industry first, named, located and sized the way
//! county plans are. The same options give the same bytes. The default options
//! make the bundled sample, `assets/examples/wuchuan-2020.ron`.

mod budget;
mod names;
mod projects;
mod templates;

use crate::blank::{blank_plan, blank_source};
use crate::catalog::Catalog;
use crate::enums::{Category, CountyKind, Level};
use crate::money::Money;
use crate::plan::{County, Plan, Project};

pub use names::BANNERS;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct SampleOptions {
    /// Number of projects (0 ..= 100,000 is what `fundplan sample` allows).
    pub projects: usize,
    /// Seed: the same seed gives the same plan.
    pub seed: u64,
    /// Budget year; must lie within the catalog's years.
    pub year: u16,
}

impl Default for SampleOptions {
    fn default() -> Self {
        SampleOptions {
            projects: DEFAULT_PROJECTS,
            seed: 0,
            year: 2020,
        }
    }
}

/// Projects in the default sample (the bundled 武川县 2020 plan): a real
/// banner's year has 40 to 80.
pub const DEFAULT_PROJECTS: usize = 60;

/// SplitMix64: tiny, fast and fixed forever, so a seed means the same plan in
/// every future build (an external RNG crate may change its streams).
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`0` when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// Uniform in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// One of `items`, uniformly; `""` when there are none.
    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items
            .get(self.below(items.len()))
            .copied()
            .unwrap_or_default()
    }
}

/// The plan's own (non-catalog) lines: code, level, name, category.
const OWN_LINES: &[(&str, Level, &str, Category)] = &[
    (
        "L01",
        Level::League,
        "盟市本级财政专项扶贫资金",
        Category::Poverty,
    ),
    (
        "X01",
        Level::County,
        "旗县本级财政专项扶贫资金",
        Category::Poverty,
    ),
    (
        "X02",
        Level::County,
        "旗县统筹整合结转结余资金",
        Category::Poverty,
    ),
];

/// Generates a valid plan against `catalog` (normally the default one).
pub fn generate(catalog: &Catalog, opts: SampleOptions) -> Plan {
    let mut rng = Rng::new(opts.seed);
    #[expect(
        clippy::indexing_slicing,
        reason = "the seed is taken modulo the (constant, non-empty) list's length"
    )]
    let banner = &BANNERS[(opts.seed % BANNERS.len() as u64) as usize];

    let county = County {
        code: banner.code.to_string(),
        name: banner.name.to_string(),
        league: banner.league.to_string(),
        kind: CountyKind::National,
    };
    let mut plan = blank_plan(catalog, county, opts.year);
    plan.sources.extend(
        OWN_LINES
            .iter()
            .map(|(c, lv, n, cat)| blank_source(c, *lv, n, *cat)),
    );
    let mut sources = std::mem::take(&mut plan.sources);

    let budgets = budget::budgets(&sources, opts.projects, &mut rng);
    let projects: Vec<Project> =
        projects::generate(catalog, &sources, &budgets, banner, opts, &mut rng);

    for f in projects.iter().flat_map(|p| &p.funding) {
        if let Some(s) = sources.iter_mut().find(|s| s.line == f.line) {
            s.integrated += f.amount;
        }
    }
    let mut doc_no = 3;
    for (s, &units) in sources.iter_mut().zip(&budgets) {
        s.allocated = s.integrated;
        if s.integrated.is_zero() {
            continue;
        }
        doc_no += 1 + rng.below(9);
        s.document = match s.level {
            Level::Central => format!("内财农〔{}〕{doc_no}号", opts.year - 1),
            Level::Region => format!("内财农〔{}〕{doc_no}号", opts.year),
            Level::League => format!(
                "{}〔{}〕{}号",
                banner.league_abbr,
                opts.year,
                doc_no % 40 + 2
            ),
            Level::County => format!("{}〔{}〕{}号", banner.abbr, opts.year, doc_no % 30 + 1),
        };
        // Some lines are partly outside the integration by rule, with the reason.
        if let Some((outside, reason)) = budget::not_integrated(&s.line, units) {
            s.allocated = s.integrated + Money::from_yuan(outside as i64 * 100);
            s.reason = reason.to_string();
        }
    }

    plan.approval = format!(
        "{}人民政府常务会议审定（{}年第3次）",
        banner.name, opts.year
    );
    Plan {
        sources,
        projects,
        ..plan
    }
}

/// A small plan holding every awkward thing a file can: quotes, backslashes,
/// control characters and combining marks in text, RON punctuation in a name,
/// a project without funding, and the adjustment, submission and review all
/// set. Tests of the writer and readers start from it.
#[doc(hidden)]
#[expect(
    clippy::indexing_slicing,
    reason = "a generated plan of 3 projects has 3 projects and every catalog line"
)]
pub fn awkward(catalog: &Catalog) -> Plan {
    use crate::plan::{Adjustment, Comment, Decision, Review, Submission};
    let mut p = generate(
        catalog,
        SampleOptions {
            projects: 3,
            seed: 4,
            year: 2020,
        },
    );
    p.sources[0].reason =
        "引号\"反斜杠\\撇号'制表\t换行\n响铃\u{7}组合\u{301}零宽\u{200b}表情😀 \u{a0}nbsp".into();
    p.projects[1].funding.clear();
    p.projects[2].name = "}{)(][,:#//*".into();
    p.adjustment = Some(Adjustment {
        reason: "r".into(),
        approval: String::new(),
    });
    p.submission = Some(Submission {
        at: "t".into(),
        app: "a".into(),
        digest: "d".into(),
        warnings: 3,
    });
    p.review = Some(Review {
        reviewer: "x".into(),
        at: "y".into(),
        decision: Decision::Approved,
        comments: vec![
            Comment {
                target: "projects[P001]".into(),
                text: "好\r\n".into(),
                ..Comment::default()
            },
            Comment::default(),
        ],
        history: Vec::new(),
    });
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enums::Use;
    use crate::validate::{Rule, validate};

    #[test]
    fn samples_are_valid_for_many_seeds_and_sizes() {
        let catalog = crate::catalog::default_catalog();
        for seed in 0..12 {
            for projects in [1, 2, 5, 12, 13, 40, 60, 300] {
                let plan = generate(
                    &catalog,
                    SampleOptions {
                        projects,
                        seed,
                        year: 2020,
                    },
                );
                let report = validate(&plan, &catalog);
                let unexpected: Vec<_> = report
                    .findings
                    .iter()
                    .filter(|f| f.rule != Rule::X01)
                    .collect();
                assert!(
                    unexpected.is_empty(),
                    "seed {seed}, {projects} projects: {unexpected:?}"
                );
                assert_eq!(plan.projects.len(), projects);
                if projects >= Use::ALL.len() {
                    let uses = &report.totals.by_use;
                    assert_eq!(
                        uses.len(),
                        Use::ALL.len(),
                        "seed {seed}, {projects}: {uses:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn keeps_clear_of_the_negative_list() {
        let catalog = crate::catalog::default_catalog();
        let plan = generate(
            &catalog,
            SampleOptions {
                projects: 2000,
                seed: 3,
                year: 2020,
            },
        );
        assert!(!validate(&plan, &catalog).has(Rule::P07));
        // Every line the banner gets money from is integrated; a few get none.
        let zero: Vec<&str> = plan
            .sources
            .iter()
            .filter(|s| s.allocated.is_zero())
            .map(|s| s.line.as_str())
            .collect();
        assert_eq!(zero, ["C12", "C15", "C16", "R10"]);
        let partial: Vec<&str> = plan
            .sources
            .iter()
            .filter(|s| !s.reason.is_empty())
            .map(|s| s.line.as_str())
            .collect();
        assert_eq!(partial, ["C14", "C17"]);
    }

    #[test]
    fn the_default_sample_looks_like_a_real_banners_year() {
        let catalog = crate::catalog::default_catalog();
        let plan = generate(&catalog, SampleOptions::default());
        let report = validate(&plan, &catalog);
        let t = &report.totals;
        assert_eq!(plan.county.name, "武川县");
        assert_eq!(plan.projects.len(), DEFAULT_PROJECTS);
        // 1.6 to 2.4 亿元 integrated, as the seed says of the national banners.
        let integrated = t.integrated.yuan();
        assert!(
            integrated >= 160_000_000.into() && integrated <= 240_000_000.into(),
            "{integrated}"
        );
        assert!(t.allocated > t.integrated);
        // Lines in the tens of millions: the largest well above 1,000 万元.
        let most = plan.sources.iter().map(|s| s.integrated).max().unwrap();
        assert!(most.yuan() > 30_000_000.into(), "{most}");
        // All 13 uses; industry the largest share; management fee small.
        assert_eq!(
            t.by_use.len(),
            crate::enums::Use::ALL.len(),
            "{:?}",
            t.by_use
        );
        let industry = t.use_share(Use::Industry).unwrap();
        assert!(industry > "0.5".parse().unwrap(), "{industry}");
        let fee = t.use_share(Use::Management).unwrap();
        assert!(fee < "0.01".parse().unwrap(), "{fee}");
        assert!(report.findings.iter().all(|f| f.rule == Rule::X01));
    }

    #[test]
    fn the_bundled_sample_is_the_default_sample() {
        let catalog = crate::catalog::default_catalog();
        let text = crate::file::plan_to_string(&generate(&catalog, SampleOptions::default()));
        assert!(
            text == include_str!("../../../assets/examples/wuchuan-2020.ron"),
            "regenerate it: fundplan sample -o assets/examples/wuchuan-2020.ron"
        );
    }
}
