//! Comparing two revisions of a plan: what changed in the header, which source
//! lines and projects were added, removed or changed (field by field), how the
//! totals moved, and which findings appeared or disappeared.
//!
//! Sources are matched by line code and projects by id, which the format keeps
//! stable across revisions.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::Catalog;
use crate::money::Money;
use crate::plan::fields::{self, FieldValue, ProjectField, SourceField, SourceValue};
use crate::plan::{Adjustment, County, Plan, Project, Source};
use crate::validate::{Finding, Totals, validate};

/// A field's value on one side of a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Text (names, reasons, enum labels as written in files).
    Text(String),
    /// An amount.
    Money(Money),
    /// A count (households, people, year, revision).
    Count(u64),
    /// Not there (a funding entry added or removed).
    Absent,
}

impl Value {
    /// The amount, if this is one (absent counts as zero).
    pub fn money(&self) -> Option<Money> {
        match self {
            Value::Money(m) => Some(*m),
            Value::Absent => Some(Money::ZERO),
            _ => None,
        }
    }

    /// Display form: amounts in 万元 with two decimals.
    pub fn display(&self) -> String {
        match self {
            Value::Text(s) => format!("“{s}”"),
            Value::Money(m) => m.wan(),
            Value::Count(n) => n.to_string(),
            Value::Absent => "—".to_string(),
        }
    }
}

/// What people call a field of the diff (`allocated` → 下达金额).
pub fn field_label(field: &str, lang: crate::Lang) -> String {
    if let Some(line) = field
        .strip_prefix("funding[")
        .and_then(|f| f.strip_suffix(']'))
    {
        let (zh, en) = ProjectField::Funding.info().diff_label;
        return format!("{} {line}", lang.pick(zh, en));
    }
    let (zh, en) = match field {
        "county.name" => ("名称", "name"),
        "header.catalog" => ("资金目录", "catalog"),
        "header.year" => ("年度", "year"),
        "header.revision" => ("版本", "revision"),
        "header.adjustment" => ("调整原因", "adjustment reason"),
        "header.adjustment_approval" => ("调整批复文号", "adjustment approval"),
        "header.prepared_by" => ("编制单位", "prepared by"),
        "header.approval" => ("审定会议/文号", "approval"),
        "county.code" => ("旗县代码", "county code"),
        "county.league" => ("所属盟市", "league"),
        "county.kind" => ("旗县类别", "county kind"),
        // Project and source fields share one key, `name`, and its label.
        other => ProjectField::from_key(other)
            .map(|f| f.info().diff_label)
            .or_else(|| SourceField::from_key(other).map(|f| f.info().diff_label))
            .unwrap_or((other, other)),
    };
    lang.pick(zh, en).to_string()
}

/// One field that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// Field name as in the file (`integrated`, `funding[C01]` …).
    pub field: String,
    /// Before.
    pub old: Value,
    /// After.
    pub new: Value,
}

impl FieldChange {
    /// `new − old` for amounts.
    pub fn delta(&self) -> Option<Money> {
        let (Some(a), Some(b)) = (self.old.money(), self.new.money()) else {
            return None;
        };
        if matches!(
            (&self.old, &self.new),
            (Value::Money(_), _) | (_, Value::Money(_))
        ) {
            Some(b - a)
        } else {
            None
        }
    }
}

/// How an item differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Only in the new plan.
    Added,
    /// Only in the old plan.
    Removed,
    /// In both, with these fields different.
    Changed(Vec<FieldChange>),
}

impl Change {
    /// `added`, `removed`, `changed`: the JSON spelling.
    pub fn code(&self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Changed(_) => "changed",
        }
    }
}

/// A source line or project that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemDiff {
    /// Line code or project id.
    pub key: String,
    /// Its name (the new one, or the old one if removed).
    pub name: String,
    /// What differs.
    pub change: Change,
}

/// Everything that differs between two plans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanDiff {
    /// Revision numbers, old and new.
    pub revisions: (u32, u32),
    /// The new plan's adjustment (reason and approval), when it is an adjustment.
    pub adjustment: Option<Adjustment>,
    /// Header and county fields that differ.
    pub header: Vec<FieldChange>,
    /// Source lines added, removed or changed, in line-code order.
    pub sources: Vec<ItemDiff>,
    /// Projects added, removed or changed, in id order.
    pub projects: Vec<ItemDiff>,
    /// Totals of the old plan.
    pub before: Totals,
    /// Totals of the new plan.
    pub after: Totals,
    /// Findings of the new plan that the old did not have (by rule and path).
    pub appeared: Vec<Finding>,
    /// Findings of the old plan that the new does not have.
    pub disappeared: Vec<Finding>,
}

impl PlanDiff {
    /// True when nothing differs but possibly the seal and review.
    pub fn is_empty(&self) -> bool {
        self.header.is_empty() && self.sources.is_empty() && self.projects.is_empty()
    }
}

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

fn header(a: &Plan, b: &Plan) -> Vec<FieldChange> {
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

fn source_fields(a: &Source, b: &Source) -> Vec<FieldChange> {
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

fn project_fields(a: &Project, b: &Project) -> Vec<FieldChange> {
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

/// The items sorted by key, only the first of each key (a repeated key is
/// P01's or S02's business). The sort is stable, so the first stays first,
/// and takes linear time on a list already in key order, as plans usually are.
fn by_key<'a, T>(list: &'a [T], key: &impl Fn(&T) -> &str) -> Vec<(&'a str, &'a T)> {
    let mut v: Vec<_> = list.iter().map(|item| (key(item), item)).collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v.dedup_by(|later, earlier| later.0 == earlier.0);
    v
}

/// Matches items of two lists by key and diffs them; order follows the key.
/// Equal items are skipped without comparing field by field (most items of a
/// revision are unchanged).
fn items<T: PartialEq>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> &str,
    name: impl Fn(&T) -> &str,
    fields: impl Fn(&T, &T) -> Vec<FieldChange>,
) -> Vec<ItemDiff> {
    let (va, vb) = (by_key(old, &key), by_key(new, &key));
    let (mut ia, mut ib) = (va.iter().peekable(), vb.iter().peekable());
    let mut out = Vec::new();
    // Merge the two sorted lists: each key once, with its item on each side.
    loop {
        let (k, a, b) = match (ia.peek(), ib.peek()) {
            (None, None) => break,
            (Some(&&(ka, a)), Some(&&(kb, b))) if ka == kb => {
                ia.next();
                ib.next();
                (ka, Some(a), Some(b))
            }
            (Some(&&(ka, a)), Some(&&(kb, _))) if ka < kb => {
                ia.next();
                (ka, Some(a), None)
            }
            (Some(&&(ka, a)), None) => {
                ia.next();
                (ka, Some(a), None)
            }
            (_, Some(&&(kb, b))) => {
                ib.next();
                (kb, None, Some(b))
            }
        };
        let (change, shown) = match (a, b) {
            (None, Some(b)) => (Change::Added, b),
            (Some(a), None) => (Change::Removed, a),
            (Some(a), Some(b)) => {
                if a == b {
                    continue;
                }
                let f = fields(a, b);
                if f.is_empty() {
                    continue;
                }
                (Change::Changed(f), b)
            }
            (None, None) => continue,
        };
        out.push(ItemDiff {
            key: k.to_string(),
            name: name(shown).to_string(),
            change,
        });
    }
    out
}

/// Compares `old` with `new`, each judged against `catalog`.
pub fn diff(old: &Plan, new: &Plan, catalog: &Catalog) -> PlanDiff {
    let (ra, rb) = (validate(old, catalog), validate(new, catalog));
    let keys = |fs: &[Finding]| -> BTreeSet<(crate::validate::Rule, String)> {
        fs.iter().map(|f| (f.rule, f.path.clone())).collect()
    };
    let (ka, kb) = (keys(&ra.findings), keys(&rb.findings));
    PlanDiff {
        revisions: (old.revision, new.revision),
        adjustment: new.adjustment.clone().filter(|_| new.revision > 1),
        header: header(old, new),
        sources: items(
            &old.sources,
            &new.sources,
            |s| &s.line,
            |s| &s.name,
            source_fields,
        ),
        projects: items(
            &old.projects,
            &new.projects,
            |p| &p.id,
            |p| &p.name,
            project_fields,
        ),
        appeared: rb
            .findings
            .iter()
            .filter(|f| !ka.contains(&(f.rule, f.path.clone())))
            .cloned()
            .collect(),
        disappeared: ra
            .findings
            .iter()
            .filter(|f| !kb.contains(&(f.rule, f.path.clone())))
            .cloned()
            .collect(),
        before: ra.totals,
        after: rb.totals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_plans_differ_in_nothing() {
        let catalog = crate::catalog::default_catalog();
        let plan = crate::sample::generate(&catalog, Default::default());
        let d = diff(&plan, &plan, &catalog);
        assert!(d.is_empty() && d.appeared.is_empty() && d.disappeared.is_empty());
        assert_eq!(d.before, d.after);
    }

    /// The fields named by the one item of `items`, which must be "changed"
    /// (and each field must have a label of its own).
    fn the_one_change(items: &[ItemDiff]) -> Vec<String> {
        let [item] = items else {
            panic!("one item differs: {items:?}")
        };
        let Change::Changed(changes) = &item.change else {
            panic!("changed: {item:?}")
        };
        for c in changes {
            assert_ne!(field_label(&c.field, crate::Lang::Zh), c.field, "a label");
        }
        changes.iter().map(|c| c.field.clone()).collect()
    }

    /// The defect of issue 15: a project whose only change is one field must
    /// show in the diff, with that field, for every field of the table.
    #[test]
    fn a_change_of_any_single_project_field_shows() {
        let catalog = crate::catalog::default_catalog();
        let a = crate::sample::generate(&catalog, Default::default());
        for f in ProjectField::ALL {
            if f == ProjectField::Id {
                continue; // projects are matched by id
            }
            let mut b = a.clone();
            crate::plan::fields::tests::change(f, &mut b.projects[0]);
            let expected = match f {
                ProjectField::Funding => "funding[X99]",
                _ => f.key(),
            };
            let d = diff(&a, &b, &catalog);
            assert_eq!(the_one_change(&d.projects), [expected], "{f:?}");
        }
    }

    #[test]
    fn a_change_of_any_single_source_field_shows() {
        let catalog = crate::catalog::default_catalog();
        let a = crate::sample::generate(&catalog, Default::default());
        for f in SourceField::ALL {
            if f == SourceField::Line {
                continue; // lines are matched by code
            }
            let mut b = a.clone();
            crate::plan::fields::tests::change_source(f, &mut b.sources[0]);
            let d = diff(&a, &b, &catalog);
            assert_eq!(the_one_change(&d.sources), [f.key()], "{f:?}");
        }
    }

    #[test]
    fn funding_entries_compare_per_line() {
        let catalog = crate::catalog::default_catalog();
        let a = crate::sample::generate(&catalog, Default::default());
        let mut b = a.clone();
        let line = b.projects[0].funding[0].line.clone();
        b.projects[0].funding[0].amount += Money::from_yuan(20_000);
        b.projects[0].funding.push(crate::plan::Funding {
            line: "R12".into(),
            amount: Money::from_yuan(5_000),
        });
        let d = diff(&a, &b, &catalog);
        let Change::Changed(fields) = &d.projects[0].change else {
            panic!("{d:?}")
        };
        let f = fields
            .iter()
            .find(|f| f.field == format!("funding[{line}]"))
            .unwrap();
        assert_eq!(f.delta(), Some(Money::from_yuan(20_000)));
        let r12 = fields.iter().find(|f| f.field == "funding[R12]").unwrap();
        assert_eq!(
            (r12.old.clone(), r12.delta()),
            (Value::Absent, Some(Money::from_yuan(5_000)))
        );
    }
}
