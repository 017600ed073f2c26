use std::collections::BTreeSet;

use super::*;
use crate::plan::{Funding, Use};

/// Serde's names for the fields of `value`, a struct.
fn serde_keys(value: impl serde::Serialize) -> Vec<String> {
    let value = serde_json::to_value(value).unwrap();
    let serde_json::Value::Object(map) = value else {
        panic!("a project serializes as a map: {value}")
    };
    map.keys().cloned().collect()
}

#[test]
fn the_table_names_every_field_serde_knows() {
    let table: BTreeSet<String> = ProjectField::ALL.iter().map(|f| f.key().into()).collect();
    let serde: BTreeSet<String> = serde_keys(Project::default()).into_iter().collect();
    assert_eq!(
        table, serde,
        "a field of Project is missing from plan::fields (or the other way round)"
    );
    assert_eq!(table.len(), ProjectField::ALL.len(), "keys are unique");
}

#[test]
fn values_and_lookups_follow_the_table() {
    let p = Project::default();
    let listed: Vec<ProjectField> = values(&p).iter().map(|(f, _)| *f).collect();
    assert_eq!(listed, ProjectField::ALL);
    for f in ProjectField::ALL {
        assert_eq!(ProjectField::from_key(f.key()), Some(f));
        let kind = match f.get(&p) {
            FieldValue::Text(_) => Kind::Text,
            FieldValue::Use(_) => Kind::Use,
            FieldValue::Count(_) => Kind::Count,
            FieldValue::Money(_) => Kind::Money,
            FieldValue::Funding(_) => Kind::Funding,
        };
        assert_eq!(kind, f.info().kind, "{f:?}");
        let mut q = p.clone();
        assert_eq!(f.text_mut(&mut q).is_some(), kind == Kind::Text, "{f:?}");
        assert_eq!(f.count_mut(&mut q).is_some(), kind == Kind::Count, "{f:?}");
        assert_eq!(f.money_mut(&mut q).is_some(), kind == Kind::Money, "{f:?}");
        assert_eq!(f.max_chars().is_some(), kind == Kind::Text, "{f:?}");
    }
    assert_eq!(ProjectField::from_key("nope"), None);
}

/// `p` with only `f` different.
pub(crate) fn change(f: ProjectField, p: &mut Project) {
    match f.get_mut(p) {
        FieldMut::Text(t) => t.push('改'),
        FieldMut::Count(n) => *n += 1,
        FieldMut::Money(m) => *m += Money::from_yuan(1),
        FieldMut::Use(u) => *u = Use::ALL.iter().copied().find(|x| x != u).unwrap(),
        FieldMut::Funding(entries) => entries.push(Funding {
            line: "X99".into(),
            amount: Money::from_yuan(1),
        }),
    }
}

#[test]
fn every_field_can_be_changed_alone() {
    let p = Project::default();
    for f in ProjectField::ALL {
        let mut q = p.clone();
        change(f, &mut q);
        let differ: Vec<ProjectField> = ProjectField::ALL
            .into_iter()
            .filter(|g| g.get(&p) != g.get(&q))
            .collect();
        assert_eq!(differ, [f]);
    }
}

fn a_source() -> crate::plan::Source {
    let catalog = crate::catalog::default_catalog();
    let plan = crate::sample::generate(&catalog, Default::default());
    plan.sources[0].clone()
}

#[test]
fn the_source_table_names_every_field_serde_knows() {
    let s = a_source();
    let table: BTreeSet<String> = SourceField::ALL.iter().map(|f| f.key().into()).collect();
    let serde: BTreeSet<String> = serde_keys(&s).into_iter().collect();
    assert_eq!(
        table, serde,
        "a field of Source is missing from plan::fields"
    );
    assert_eq!(table.len(), SourceField::ALL.len(), "keys are unique");
    let listed: Vec<SourceField> = source::values(&s).iter().map(|(f, _)| *f).collect();
    assert_eq!(listed, SourceField::ALL);
    for f in SourceField::ALL {
        assert_eq!(SourceField::from_key(f.key()), Some(f));
        let text = matches!(f.get(&s), SourceValue::Text(_));
        assert_eq!(f.max_chars().is_some(), text, "{f:?}");
        let money = matches!(f.get(&s), SourceValue::Money(_));
        assert_eq!(f.money_mut(&mut s.clone()).is_some(), money, "{f:?}");
    }
}

/// `s` with only `f` different.
pub(crate) fn change_source(f: SourceField, s: &mut crate::plan::Source) {
    use crate::enums::{Category, Level};
    match f {
        SourceField::Line => s.line.push('9'),
        SourceField::Level => s.level = Level::ALL.iter().copied().find(|l| *l != s.level).unwrap(),
        SourceField::Name => s.name.push('改'),
        SourceField::Category => {
            s.category = Category::ALL
                .iter()
                .copied()
                .find(|c| *c != s.category)
                .unwrap();
        }
        SourceField::Document => s.document.push('改'),
        SourceField::Allocated => s.allocated += Money::from_yuan(1),
        SourceField::Integrated => s.integrated += Money::from_yuan(1),
        SourceField::Reason => s.reason.push('改'),
    }
}
