//! Sealing a plan for submission (上报): judged first, then sealed.

use crate::catalog::Catalog;
use crate::digest;
use crate::enums::Decision;
use crate::plan::Plan;
use crate::validate::{Report, Severity, validate};

/// Validates `plan` and, when it has no errors, returns it sealed for
/// submission; otherwise the report that refuses it.
pub fn submit(plan: &Plan, catalog: &Catalog) -> Result<Plan, Box<Report>> {
    // Judge the content as it will be sealed, not an old seal that may be stale.
    let mut unsealed = Plan {
        submission: None,
        ..plan.clone()
    };
    let report = validate(&unsealed, catalog);
    if report.count(Severity::Error) > 0 {
        return Err(Box::new(report));
    }
    // Sealed again after a decision (usually 退回修改): that decision and its
    // comments become a finished round and the plan awaits review again (待复审).
    if let Some(review) = &mut unsealed.review
        && review.decision != Decision::Pending
    {
        let judged = plan.submission.as_ref().map_or("", |s| s.digest.as_str());
        review.start_new_round(judged);
    }
    let warnings = u32::try_from(report.warnings()).unwrap_or(u32::MAX);
    Ok(digest::seal(&unsealed, digest::now_rfc3339(), warnings))
}
