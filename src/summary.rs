//! The league's roll-up: one row per plan file, with its status, amounts,
//! shares and finding counts, and totals over the plans that count.
//!
//! Several files of the same banner and year: the highest revision counts in
//! the totals, the others are marked superseded. Files that fail to load are
//! listed with their error, never skipped.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use crate::Lang;
use crate::catalog::Catalog;
use crate::digest::{SealState, seal_state};
use crate::enums::{Decision, Use};
use crate::file::{self, LoadError};
use crate::money::Money;
use crate::plan::Plan;
use crate::validate::validate;

/// Where a plan is in its journey from county to league.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Not submitted.
    Draft,
    /// Submitted and unchanged since.
    Submitted,
    /// Changed after submission (D01).
    Modified,
    /// The league returned it.
    Returned,
    /// The league approved it.
    Approved,
}

impl Status {
    /// Status of `plan`: a broken seal outranks the review decision, which
    /// outranks the seal.
    pub fn of(plan: &Plan) -> Status {
        let seal = seal_state(plan);
        let decision = plan.review.as_ref().map(|r| r.decision);
        match (seal, decision) {
            (SealState::Broken, _) => Status::Modified,
            (_, Some(Decision::Approved)) => Status::Approved,
            (_, Some(Decision::Returned)) => Status::Returned,
            (SealState::Intact, _) => Status::Submitted,
            (SealState::Draft, _) => Status::Draft,
        }
    }

    /// `draft`, `submitted`, … : the JSON and CSV spelling.
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Modified => "modified",
            Status::Returned => "returned",
            Status::Approved => "approved",
        }
    }

    /// The label people read.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Draft => lang.pick("草稿", "Draft"),
            Status::Submitted => lang.pick("已提交", "Submitted"),
            Status::Modified => lang.pick("提交后被修改", "Modified after submission"),
            Status::Returned => lang.pick("已退回", "Returned"),
            Status::Approved => lang.pick("已通过", "Approved"),
        }
    }
}

/// One plan in the roll-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The file.
    pub path: PathBuf,
    /// Banner name.
    pub county: String,
    /// Division code.
    pub code: String,
    /// Budget year.
    pub year: u16,
    /// Revision.
    pub revision: u32,
    /// Status.
    pub status: Status,
    /// 下达.
    pub allocated: Money,
    /// 纳入整合.
    pub integrated: Money,
    /// 已安排.
    pub arranged: Money,
    /// Cross-category amount.
    pub cross_category: Money,
    /// Arranged to Industry projects.
    pub industry: Money,
    /// Error count.
    pub errors: usize,
    /// Warning count.
    pub warnings: usize,
    /// A higher revision of the same banner and year is in the roll-up.
    pub superseded: bool,
}

impl Row {
    /// 未纳入整合.
    pub fn not_integrated(&self) -> Money {
        self.allocated - self.integrated
    }

    /// Cross-category share of integrated.
    pub fn cross_share(&self) -> Option<Decimal> {
        self.cross_category.share_of(self.integrated)
    }

    /// Industry share of integrated.
    pub fn industry_share(&self) -> Option<Decimal> {
        self.industry.share_of(self.integrated)
    }
}

/// Sums over the plans that count (not superseded).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Plans counted.
    pub plans: usize,
    /// 下达.
    pub allocated: Money,
    /// 纳入整合.
    pub integrated: Money,
    /// 已安排.
    pub arranged: Money,
    /// Cross-category.
    pub cross_category: Money,
    /// Industry.
    pub industry: Money,
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
}

impl Totals {
    /// 未纳入整合.
    pub fn not_integrated(&self) -> Money {
        self.allocated - self.integrated
    }
}

/// The whole roll-up.
#[derive(Debug, Default)]
pub struct Summary {
    /// One row per loaded plan, in path order.
    pub rows: Vec<Row>,
    /// Files that did not load.
    pub failures: Vec<LoadError>,
    /// Totals over rows that are not superseded.
    pub totals: Totals,
}

fn row(path: &Path, plan: &Plan, explicit: Option<&Catalog>) -> Row {
    let catalog = crate::cli::catalog_for(plan, explicit);
    let report = validate(plan, &catalog);
    let t = &report.totals;
    Row {
        path: path.to_path_buf(),
        county: plan.county.name.clone(),
        code: plan.county.code.clone(),
        year: plan.year,
        revision: plan.revision,
        status: Status::of(plan),
        allocated: t.allocated,
        integrated: t.integrated,
        arranged: t.arranged,
        cross_category: t.cross_category,
        industry: t.by_use.get(&Use::Industry).copied().unwrap_or_default(),
        errors: report.errors(),
        warnings: report.warnings(),
        superseded: false,
    }
}

/// Loads and validates every file (on all cores), then marks superseded
/// revisions and adds up the rest.
pub fn summarize(files: &[PathBuf], explicit: Option<&Catalog>) -> Summary {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    let chunk = files.len().div_ceil(threads).max(1);
    let results: Vec<Result<Row, LoadError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|p| file::load_plan(p).map(|plan| row(p, &plan, explicit)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut summary = Summary::default();
    for r in results {
        match r {
            Ok(row) => summary.rows.push(row),
            Err(e) => summary.failures.push(e),
        }
    }
    // Highest revision of each banner and year counts; ties go to the later path.
    let latest = |r: &Row| (r.code.clone(), r.year);
    let mut best: std::collections::HashMap<(String, u16), (u32, usize)> =
        std::collections::HashMap::new();
    for (i, r) in summary.rows.iter().enumerate() {
        let e = best.entry(latest(r)).or_insert((r.revision, i));
        if r.revision >= e.0 {
            *e = (r.revision, i);
        }
    }
    for (i, r) in summary.rows.iter_mut().enumerate() {
        r.superseded = best.get(&latest(r)).is_some_and(|&(_, keep)| keep != i);
    }
    let t = &mut summary.totals;
    for r in summary.rows.iter().filter(|r| !r.superseded) {
        t.plans += 1;
        t.allocated += r.allocated;
        t.integrated += r.integrated;
        t.arranged += r.arranged;
        t.cross_category += r.cross_category;
        t.industry += r.industry;
        t.errors += r.errors;
        t.warnings += r.warnings;
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_seal_outranks_the_decision() {
        let catalog = crate::catalog::default_catalog();
        let plan = crate::sample::generate(&catalog, Default::default());
        assert_eq!(Status::of(&plan), Status::Draft);
        let mut sealed = crate::digest::seal(&plan, "t".into(), 0);
        assert_eq!(Status::of(&sealed), Status::Submitted);
        sealed.review = Some(crate::plan::Review {
            decision: Decision::Approved,
            ..Default::default()
        });
        assert_eq!(Status::of(&sealed), Status::Approved);
        sealed.year += 1;
        assert_eq!(Status::of(&sealed), Status::Modified);
    }
}
