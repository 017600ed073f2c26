//! The limits no real plan reaches, checked on load and before a save.

use super::LoadErrorKind;
use crate::plan::Plan;

/// Most projects a plan may hold (a banner has dozens to hundreds).
pub const MAX_PROJECTS: usize = 100_000;
/// Most source rows.
pub const MAX_SOURCES: usize = 10_000;
/// Most funding entries in one project.
pub const MAX_FUNDING: usize = 1_000;
/// Most review comments.
pub const MAX_COMMENTS: usize = 10_000;
/// Longest text field, in characters (a long 绩效目标 is a few hundred).
pub const MAX_TEXT_CHARS: usize = 10_000;

/// True when `text` is longer than a file may hold ([`MAX_TEXT_CHARS`]): the
/// loader's rule, also asked of texts the program joins (a catalog switch).
pub fn text_too_long(text: &str) -> bool {
    // Bytes bound chars from above: only count chars for the rare long text.
    text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS
}

/// Limits that no real plan reaches: hostile or broken files stop here with a
/// clear error instead of costing minutes or gigabytes later.
pub(crate) fn check_limits(plan: &Plan) -> Result<(), LoadErrorKind> {
    let count = |what, count, limit| {
        if count > limit {
            Err(LoadErrorKind::TooMany { what, count, limit })
        } else {
            Ok(())
        }
    };
    count("projects", plan.projects.len(), MAX_PROJECTS)?;
    count("sources", plan.sources.len(), MAX_SOURCES)?;
    count(
        "comments",
        plan.review.as_ref().map_or(0, |r| r.comments.len()),
        MAX_COMMENTS,
    )?;
    // The path is built only for the rare text that is too long (building it
    // for every field was most of this check's cost).
    let long = |path: &dyn Fn() -> String, text: &str| {
        if text_too_long(text) {
            Err(LoadErrorKind::TooLong {
                path: path(),
                chars: text.chars().count(),
            })
        } else {
            Ok(())
        }
    };
    use crate::plan::path as p;
    // No `..`: a new text field of the header or the county needs a limit here.
    let Plan {
        format: _,
        format_version: _,
        catalog,
        year: _,
        county,
        revision: _,
        adjustment: _,
        prepared_by,
        approval,
        sources: _,
        projects: _,
        submission: _,
        review: _,
    } = plan;
    let crate::plan::County {
        code,
        name,
        league,
        kind: _,
    } = county;
    for (field, value) in [
        ("catalog", catalog),
        ("prepared_by", prepared_by),
        ("approval", approval),
    ] {
        long(&|| p::header(field), value)?;
    }
    for (field, value) in [("code", code), ("name", name), ("league", league)] {
        long(&|| p::county(field), value)?;
    }
    if let Some(a) = &plan.adjustment {
        long(&|| p::header("adjustment"), &a.reason)?;
        long(&|| p::header("adjustment"), &a.approval)?;
    }
    for s in &plan.sources {
        for (field, value) in crate::plan::fields::source_values(s) {
            if let (Some(_), crate::plan::fields::SourceValue::Text(value)) =
                (field.max_chars(), value)
            {
                long(&|| p::source(&s.line, Some(field.key())), value)?;
            }
        }
    }
    for pr in &plan.projects {
        count("funding entries", pr.funding.len(), MAX_FUNDING)?;
        for (field, value) in crate::plan::fields::values(pr) {
            // Every field with a character limit holds text.
            if let (Some(_), crate::plan::fields::FieldValue::Text(value)) =
                (field.max_chars(), value)
            {
                long(&|| p::project(&pr.id, Some(field.key())), value)?;
            }
        }
        for f in &pr.funding {
            long(&|| p::funding(&pr.id, "…"), &f.line)?;
        }
    }
    for c in plan.review.iter().flat_map(|r| &r.comments) {
        long(&|| "review".to_string(), &c.text)?;
        long(&|| "review".to_string(), &c.target)?;
    }
    Ok(())
}
