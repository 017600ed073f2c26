//! Comparing two revisions of a plan: what changed in the header, which source
//! lines and projects were added, removed or changed (field by field), how the
//! totals moved, and which findings appeared or disappeared.
//!
//! Sources are matched by line code and projects by id, which the format keeps
//! stable across revisions.

mod compare;

use std::collections::BTreeSet;

use crate::catalog::Catalog;
use crate::money::Money;
use crate::plan::fields::{HeaderField, ProjectField, SourceField};
use crate::plan::{Adjustment, Plan};
use crate::validate::{Finding, Totals, validate};
use compare::{header, project_fields, source_fields};

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
    // A header field by the table's label; the adjustment's approval is a
    // part of one field (`adjustment`) that the diff shows on a row of its own.
    if let Some(f) = field
        .strip_prefix("header.")
        .and_then(HeaderField::from_key)
    {
        let (zh, en) = f.info().diff_label;
        return lang.pick(zh, en).to_string();
    }
    let (zh, en) = match field {
        "county.name" => ("名称", "name"),
        "header.adjustment_approval" => ("调整批复文号", "adjustment approval"),
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
mod tests;
