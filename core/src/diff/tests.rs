//! Tests of the plan diff: identical plans, every single project and source field, funding per line.

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

/// The header's labels come from [`HeaderField`]'s table and read as they
/// did when the diff spelled them out: the same words in both languages.
#[test]
fn header_fields_keep_their_words_in_the_diff() {
    let words = [
        ("header.catalog", "资金目录", "catalog"),
        ("header.year", "年度", "year"),
        ("header.revision", "版本", "revision"),
        ("header.adjustment", "调整原因", "adjustment reason"),
        (
            "header.adjustment_approval",
            "调整批复文号",
            "adjustment approval",
        ),
        ("header.prepared_by", "编制单位", "prepared by"),
        ("header.approval", "审定会议/文号", "approval"),
        ("county.name", "名称", "name"),
        ("county.code", "旗县代码", "county code"),
    ];
    for (field, zh, en) in words {
        assert_eq!(field_label(field, crate::Lang::Zh), zh, "{field}");
        assert_eq!(field_label(field, crate::Lang::En), en, "{field}");
    }
}
