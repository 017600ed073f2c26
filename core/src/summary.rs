//! The league's roll-up: one row per plan file, with its status, amounts,
//! shares and finding counts, and totals over the plans that count.
//!
//! Several files of the same banner and year: the highest revision counts in
//! the totals, the others are marked superseded. Files that fail to load are
//! listed with their error, never skipped. Checked against the receipt
//! register ([`check_register`]), a file the register refuses (mismatch,
//! conflict) never counts and never supersedes another, and a decision the
//! register does not hold is not shown as the plan's status.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use crate::Lang;
use crate::catalog::Catalog;
use crate::digest::{SealState, seal_state};
use crate::enums::{Decision, Use};
use crate::file::{self, LoadError};
use crate::money::Money;
use crate::plan::Plan;
use crate::register::{Mark, Receipt, RegisterError, ReviewMark};
use crate::validate::validate_sealed;

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
    /// Sealed again after a review round: awaiting review again (待复审).
    Resubmitted,
    /// The league approved it.
    Approved,
}

impl Status {
    /// Status of `plan`: a broken seal outranks the review decision, which
    /// outranks the seal.
    pub fn of(plan: &Plan) -> Status {
        Status::sealed(plan, seal_state(plan))
    }

    /// [`Status::of`] for a caller that already knows `seal`, the plan's
    /// [`seal_state`].
    pub fn sealed(plan: &Plan, seal: SealState) -> Status {
        let decision = plan.review.as_ref().map(|r| r.decision);
        match (seal, decision) {
            (SealState::Broken, _) => Status::Modified,
            (_, Some(Decision::Approved)) => Status::Approved,
            (_, Some(Decision::Returned)) => Status::Returned,
            (SealState::Intact, _)
                if plan.review.as_ref().is_some_and(|r| !r.history.is_empty()) =>
            {
                Status::Resubmitted
            }
            (SealState::Intact, _) => Status::Submitted,
            (SealState::Draft, _) => Status::Draft,
        }
    }

    /// The status `seal` gives `plan` without its review decision: what is
    /// shown when the register does not hold that decision.
    pub fn unjudged(plan: &Plan, seal: SealState) -> Status {
        match Status::sealed(plan, seal) {
            Status::Approved | Status::Returned if seal == SealState::Intact => {
                let resubmitted = plan.review.as_ref().is_some_and(|r| !r.history.is_empty());
                if resubmitted {
                    Status::Resubmitted
                } else {
                    Status::Submitted
                }
            }
            Status::Approved | Status::Returned => Status::Draft,
            other => other,
        }
    }

    /// `draft`, `submitted`, … : the JSON and CSV spelling.
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Modified => "modified",
            Status::Returned => "returned",
            Status::Resubmitted => "resubmitted",
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
            Status::Resubmitted => lang.pick("待复审", "Resubmitted, awaiting review"),
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
    /// Status: with the plan's own review decision, unless the register was
    /// checked and does not hold it ([`ReviewMark::Unregistered`]).
    pub status: Status,
    /// The status the seal alone gives (without the review decision).
    pub unjudged: Status,
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
    /// Another file of the same banner and year counts instead: a higher
    /// revision, or the same revision sealed (later). Never set on a file the
    /// register refuses, which counts nowhere.
    pub superseded: bool,
    /// The seal is present and intact.
    pub sealed: bool,
    /// Time of the seal, empty without one.
    pub sealed_at: String,
    /// What the register needs to know of the plan.
    pub receipt: Receipt,
    /// What the receipt register says about this file ([`check_register`]).
    pub register: Mark,
    /// What the receipt register says about the decision the plan claims.
    pub review: ReviewMark,
}

impl Row {
    /// Counted in the totals: neither superseded nor refused by the register.
    pub fn counts(&self) -> bool {
        !self.superseded && !self.register.refused()
    }

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

/// Sums over the plans that count ([`Row::counts`]).
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
    /// Totals over rows that count ([`Row::counts`]).
    pub totals: Totals,
}

fn row(path: &Path, plan: &Plan, explicit: Option<&Catalog>) -> Row {
    let catalog = crate::catalog::catalog_for(plan, explicit);
    // Once per plan: the seal costs as much as validating it.
    let seal = seal_state(plan);
    let report = validate_sealed(plan, &catalog, seal);
    let t = &report.totals;
    Row {
        path: path.to_path_buf(),
        county: plan.county.name.clone(),
        code: plan.county.code.clone(),
        year: plan.year,
        revision: plan.revision,
        status: Status::sealed(plan, seal),
        unjudged: Status::unjudged(plan, seal),
        allocated: t.allocated,
        integrated: t.integrated,
        arranged: t.arranged,
        cross_category: t.cross_category,
        industry: t.by_use.get(&Use::Industry).copied().unwrap_or_default(),
        errors: report.errors(),
        warnings: report.warnings(),
        superseded: false,
        sealed: seal == SealState::Intact,
        sealed_at: plan
            .submission
            .as_ref()
            .map(|s| s.at.clone())
            .unwrap_or_default(),
        receipt: Receipt::sealed(plan, seal),
        register: Mark::Unsealed,
        review: ReviewMark::Unchecked,
    }
}

/// What decides which of several files of one banner and year counts, in
/// order: revision, then whether the seal holds, then the seal time (RFC 3339
/// at +08:00 as fundplan writes it, so the text order is the time order).
fn rank(r: &Row) -> (u32, bool, &str) {
    (r.revision, r.sealed, r.sealed_at.as_str())
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
    tally(&mut summary);
    summary
}

/// Marks superseded files and adds up the rest. Per banner and year the
/// highest revision counts; within one revision a sealed plan (seal intact)
/// over an unsealed or modified one, and among sealed ones the later seal. The
/// file name never decides: on a full tie the first file in path order stays.
/// A file the register refuses takes no part: it neither counts nor
/// supersedes the registered file of its revision.
fn tally(summary: &mut Summary) {
    let mut best: std::collections::HashMap<(String, u16), usize> =
        std::collections::HashMap::new();
    for (i, r) in summary.rows.iter().enumerate() {
        if r.register.refused() {
            continue;
        }
        let e = best.entry((r.code.clone(), r.year)).or_insert(i);
        if summary.rows.get(*e).is_some_and(|b| rank(r) > rank(b)) {
            *e = i;
        }
    }
    for (i, r) in summary.rows.iter_mut().enumerate() {
        r.superseded = !r.register.refused()
            && best
                .get(&(r.code.clone(), r.year))
                .is_some_and(|&keep| keep != i);
    }
    let mut t = Totals::default();
    for r in summary.rows.iter().filter(|r| r.counts()) {
        t.plans += 1;
        t.allocated += r.allocated;
        t.integrated += r.integrated;
        t.arranged += r.arranged;
        t.cross_category += r.cross_category;
        t.industry += r.industry;
        t.errors += r.errors;
        t.warnings += r.warnings;
    }
    summary.totals = t;
}

/// Checks every row against the register at `path` (in path order), under
/// its lock: registers the seals seen for the first time at `now`, marks
/// each row and the decision it claims, shows a decision the register does
/// not hold as the seal's status only, and counts again without the files
/// the register refuses. On an error nothing is marked or registered.
pub fn check_register(summary: &mut Summary, path: &Path, now: &str) -> Result<(), RegisterError> {
    let receipts: Vec<Receipt> = summary.rows.iter().map(|r| r.receipt.clone()).collect();
    let received = crate::register::receive(path, &receipts, now)?;
    for (row, got) in summary.rows.iter_mut().zip(received) {
        row.register = got.mark;
        row.review = got.review;
        if got.review == ReviewMark::Unregistered {
            row.status = row.unjudged;
        }
    }
    tally(summary);
    Ok(())
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
