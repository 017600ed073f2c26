//! Field-by-field comparison of the header, a source line and a project: one
//! [`FieldChange`] per differing field, driven by the plan's field tables so a
//! new field cannot be left out of the diff.

use std::collections::{BTreeMap, BTreeSet};

use super::{FieldChange, Value};
use crate::money::Money;
use crate::plan::fields::{self, FieldValue, ProjectField, SourceField, SourceValue};
use crate::plan::{Adjustment, County, Plan, Project, Source};

fn text(field: &str, old: &str, new: &str, out: &mut Vec<FieldChange>) {
    if old != new {
        out.push(FieldChange {
            field: field.to_string(),
            old: Value::Text(old.to_string()),
            new: Value::Text(new.to_string()),
        });
    }
}

fn money(field: &str, old: Money, new: Money, out: &mut Vec<FieldChange>) {
    if old != new {
        out.push(FieldChange {
            field: field.to_string(),
            old: Value::Money(old),
            new: Value::Money(new),
        });
    }
}

fn count(field: &str, old: u64, new: u64, out: &mut Vec<FieldChange>) {
    if old != new {
        out.push(FieldChange {
            field: field.to_string(),
            old: Value::Count(old),
            new: Value::Count(new),
        });
    }
}

pub(super) fn header(a: &Plan, b: &Plan) -> Vec<FieldChange> {
    // No `..`: a new header field must be compared here or named as not part
    // of the comparison.
    let Plan {
        format: _,
        format_version: _,
        catalog,
        year,
        county,
        revision,
        adjustment: _,
        prepared_by,
        approval,
        sources: _,
        projects: _,
        submission: _,
        review: _,
    } = a;
    let County {
        code,
        name,
        league,
        kind,
    } = county;
    let mut out = Vec::new();
    text("header.catalog", catalog, &b.catalog, &mut out);
    count("header.year", (*year).into(), b.year.into(), &mut out);
    count(
        "header.revision",
        (*revision).into(),
        b.revision.into(),
        &mut out,
    );
    let adjustment = |p: &Plan| {
        let Adjustment { reason, approval } = p.adjustment.clone().unwrap_or_default();
        (reason, approval)
    };
    let ((reason_a, approval_a), (reason_b, approval_b)) = (adjustment(a), adjustment(b));
    text("header.adjustment", &reason_a, &reason_b, &mut out);
    text(
        "header.adjustment_approval",
        &approval_a,
        &approval_b,
        &mut out,
    );
    text("header.prepared_by", prepared_by, &b.prepared_by, &mut out);
    text("header.approval", approval, &b.approval, &mut out);
    text("county.code", code, &b.county.code, &mut out);
    text("county.name", name, &b.county.name, &mut out);
    text("county.league", league, &b.county.league, &mut out);
    text("county.kind", kind.ident(), b.county.kind.ident(), &mut out);
    out
}

pub(super) fn source_fields(a: &Source, b: &Source) -> Vec<FieldChange> {
    let mut out = Vec::new();
    for ((field, old), (_, new)) in fields::source_values(a)
        .into_iter()
        .zip(fields::source_values(b))
    {
        if field == SourceField::Line {
            continue; // what lines are matched by: never "changed"
        }
        let key = field.key();
        match (old, new) {
            (SourceValue::Text(x), SourceValue::Text(y)) => text(key, x, y, &mut out),
            (SourceValue::Level(x), SourceValue::Level(y)) => {
                text(key, x.ident(), y.ident(), &mut out);
            }
            (SourceValue::Category(x), SourceValue::Category(y)) => {
                text(key, x.ident(), y.ident(), &mut out);
            }
            (SourceValue::Money(x), SourceValue::Money(y)) => money(key, x, y, &mut out),
            // Both sides come from the same row of the table.
            _ => {}
        }
    }
    out
}

pub(super) fn project_fields(a: &Project, b: &Project) -> Vec<FieldChange> {
    let mut out = Vec::new();
    for ((field, old), (_, new)) in fields::values(a).into_iter().zip(fields::values(b)) {
        if field == ProjectField::Id {
            continue; // what projects are matched by: never "changed"
        }
        let key = field.key();
        match (old, new) {
            (FieldValue::Text(x), FieldValue::Text(y)) => text(key, x, y, &mut out),
            (FieldValue::Use(x), FieldValue::Use(y)) => text(key, x.ident(), y.ident(), &mut out),
            (FieldValue::Count(x), FieldValue::Count(y)) => {
                count(key, x.into(), y.into(), &mut out);
            }
            (FieldValue::Money(x), FieldValue::Money(y)) => money(key, x, y, &mut out),
            (FieldValue::Funding(_), FieldValue::Funding(_)) => funding(a, b, &mut out),
            // Both sides come from the same row of the table.
            _ => {}
        }
    }
    out
}

/// Funding per line, summed (a repeated line is P08's business).
fn funding(a: &Project, b: &Project, out: &mut Vec<FieldChange>) {
    let (fa, fb) = (funding_by_line(a), funding_by_line(b));
    let lines: BTreeSet<&str> = fa.keys().chain(fb.keys()).copied().collect();
    for line in lines {
        let value =
            |m: &BTreeMap<&str, Money>| m.get(line).map_or(Value::Absent, |v| Value::Money(*v));
        let (old, new) = (value(&fa), value(&fb));
        if old != new {
            out.push(FieldChange {
                field: format!("funding[{line}]"),
                old,
                new,
            });
        }
    }
}

fn funding_by_line(p: &Project) -> BTreeMap<&str, Money> {
    let mut m: BTreeMap<&str, Money> = BTreeMap::new();
    for f in &p.funding {
        *m.entry(f.line.as_str()).or_default() += f.amount;
    }
    m
}
