//! The integration validator: one pure function, [`validate`], judges a plan
//! against its catalog. The GUI (live), the submit action and the command line
//! all call it. Rules and their meaning are the contract of `spec/rules.md`.

mod balance;
mod header;
mod projects;
mod rules;
mod sources;
mod totals;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::catalog::Catalog;
use crate::digest::{SealState, seal_state};
use crate::enums::Use;
use crate::lang::Text;
use crate::money::Money;
use crate::plan::{Plan, Source};

pub use header::{LEAGUES, league_of};
pub use rules::{Rule, Severity};
pub use totals::{Sums, Totals};

/// One thing the validator has to say about a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Which rule.
    pub rule: Rule,
    /// What it is about, in the path grammar of [`crate::plan::path`].
    pub path: String,
    /// A full sentence naming the amounts, in both languages.
    pub message: Text,
}

impl Finding {
    /// The rule's severity.
    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }
}

/// Everything the validator found, and the plan's totals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Sorted by severity (errors first), then path.
    pub findings: Vec<Finding>,
    /// Sums over the plan.
    pub totals: Totals,
}

impl Report {
    /// Number of findings of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity() == severity)
            .count()
    }

    /// Number of errors; a plan with errors cannot be submitted.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    /// True when some finding has `rule`.
    pub fn has(&self, rule: Rule) -> bool {
        self.findings.iter().any(|f| f.rule == rule)
    }
}

/// What every rule module needs: the plan, its catalog, indexes built once.
struct Ctx<'a> {
    plan: &'a Plan,
    /// The plan's seal state, computed by whoever holds the plan ([`validate_sealed`]).
    seal: SealState,
    catalog: &'a Catalog,
    /// First source row of each line code.
    sources: FxHashMap<&'a str, &'a Source>,
    /// Funding summed per line code over all projects (after `projects::check`).
    arranged: FxHashMap<&'a str, Money>,
    /// Funding summed per line code and project use: all the totals need of
    /// the funding entries, which are many, while the cells are at most
    /// lines × uses. Sums of money are exact, so adding per cell first and the
    /// cells afterwards gives the very same amounts. After `projects::check`.
    arranged_by_use: FxHashMap<(&'a str, Use), Money>,
    out: Vec<Finding>,
}

impl Ctx<'_> {
    /// Every finding is a sentence: the rules build `en` from parts, so its
    /// first letter is made upper case here, once for all of them.
    fn push(&mut self, rule: Rule, path: String, zh: String, en: String) {
        self.out.push(Finding {
            rule,
            path,
            message: Text {
                zh,
                en: crate::text::sentence(&en),
            },
        });
    }
}

/// Judges `plan` against `catalog`. Never panics; exact decimal arithmetic.
pub fn validate(plan: &Plan, catalog: &Catalog) -> Report {
    validate_sealed(plan, catalog, seal_state(plan))
}

/// [`validate`] for a caller that already knows `seal`, the plan's
/// [`seal_state`] (hashing a large plan costs as much as the rules), so the
/// seal is computed once per change of the plan, not once per use.
pub fn validate_sealed(plan: &Plan, catalog: &Catalog, seal: SealState) -> Report {
    // Fx hashing: the keys are short line codes looked up once per funding entry.
    let mut sources = FxHashMap::with_capacity_and_hasher(plan.sources.len(), Default::default());
    for s in &plan.sources {
        sources.entry(s.line.as_str()).or_insert(s);
    }
    let mut ctx = Ctx {
        plan,
        seal,
        catalog,
        sources,
        arranged: FxHashMap::default(),
        arranged_by_use: FxHashMap::default(),
        out: Vec::new(),
    };
    header::check(&mut ctx);
    sources::check(&mut ctx);
    // The project rules also add up the funding: one pass over the projects,
    // which at 100,000 of them (~100 MB) no longer fit the cache.
    ctx.arranged_by_use = projects::check(&mut ctx);
    for (&(line, _), &amount) in &ctx.arranged_by_use {
        *ctx.arranged.entry(line).or_default() += amount;
    }
    let totals = totals::compute(&ctx);
    balance::check(&mut ctx, &totals);
    header::check_seal(&mut ctx);
    let mut findings = ctx.out;
    findings.sort_by(|a, b| (a.severity(), &a.path).cmp(&(b.severity(), &b.path)));
    Report { findings, totals }
}

/// 万元 amount for Chinese messages: `3,800.00 万元`.
fn zh(m: Money) -> String {
    format!("{} 万元", m.wan())
}

/// 万元 amount for English messages: `3,800.00 (10k yuan)`.
fn en(m: Money) -> String {
    format!("{} (10k yuan)", m.wan())
}

/// The keys that occur more than once in `keys`, each once, in the order they
/// first occur, with how often they occur (`count`: every key's count). When
/// no key repeats (`count` has as many keys as `keys`), nothing is walked.
fn repeated<'a>(
    keys: impl ExactSizeIterator<Item = &'a str>,
    count: &FxHashMap<&'a str, usize>,
) -> Vec<(&'a str, usize)> {
    if count.len() == keys.len() {
        return Vec::new();
    }
    let mut reported = FxHashSet::default();
    keys.filter_map(|key| {
        let n = count.get(key).copied().unwrap_or(0);
        (n > 1 && reported.insert(key)).then_some((key, n))
    })
    .collect()
}

/// Blank = empty or only white space.
fn blank(s: &str) -> bool {
    s.trim().is_empty()
}
