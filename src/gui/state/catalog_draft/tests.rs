//! The draft's edits, texts and refusals, without the screen.

use super::*;

/// A draft with the catalog it edits (the document's, in the app).
struct Draft {
    draft: CatalogDraft,
    catalog: Catalog,
}

impl Draft {
    fn apply(&mut self, change: Change) {
        self.draft.apply(&mut self.catalog, change);
    }
    fn catalog(&self) -> &Catalog {
        &self.catalog
    }
    fn is_changed(&self) -> bool {
        self.draft.is_changed(&self.catalog)
    }
    fn save_refusal(&self) -> Option<Problem> {
        self.draft.save_refusal(&self.catalog)
    }
    fn problems(&self) -> &[Problem] {
        self.draft.problems()
    }
    fn text(&self, field: Field) -> &str {
        self.draft.text(field)
    }
}

fn nm2021() -> Draft {
    let catalog = catalog::embedded("nm-2021").unwrap();
    Draft {
        draft: CatalogDraft::new(&catalog, 0),
        catalog,
    }
}

#[test]
fn a_fresh_draft_is_unchanged_and_may_not_keep_the_builtin_id() {
    let d = nm2021();
    assert!(!d.is_changed());
    assert!(d.problems().is_empty());
    assert!(d.save_refusal().unwrap().en.contains("built-in"));
}

#[test]
fn a_half_typed_share_is_a_problem_and_keeps_the_old_value() {
    let mut d = nm2021();
    let before = d.catalog().industry_share_min;
    d.apply(Change::Text(Field::IndustryMin, "0.6x".into()));
    assert_eq!(d.catalog().industry_share_min, before);
    assert_eq!(d.text(Field::IndustryMin), "0.6x");
    assert!(d.problems()[0].en.contains("between 0 and 1"));
    d.apply(Change::Text(Field::IndustryMin, "0.6".into()));
    assert_eq!(
        d.catalog().industry_share_min.unwrap().get().to_string(),
        "0.6"
    );
    assert!(d.problems().is_empty());
}

#[test]
fn a_duplicate_code_refuses_saving_and_a_new_line_gets_the_next_code() {
    let mut d = nm2021();
    d.apply(Change::Text(Field::Id, "nm-2021-1501".into()));
    assert_eq!(d.save_refusal(), None);
    d.apply(Change::AddLine(Level::Central));
    let c17 = d
        .catalog()
        .lines
        .iter()
        .position(|l| l.code == "C17")
        .unwrap();
    assert_eq!(d.catalog().lines[c17 + 1].level, Level::Region);
    d.apply(Change::Line(c17, LineField::Name, "新资金".into()));
    d.apply(Change::Line(c17, LineField::Code, "C03".into()));
    assert!(d.save_refusal().unwrap().zh.contains("C03"));
    d.apply(Change::RemoveLine(c17));
    assert_eq!(d.save_refusal(), None);
}

#[test]
fn keywords_are_separated_by_commas_and_a_trailing_one_is_kept_only_as_typed() {
    let mut d = nm2021();
    d.apply(Change::Text(
        Field::Keywords,
        "楼堂馆所、 公务用车,、".into(),
    ));
    let both: Vec<&str> = "楼堂馆所 公务用车".split(' ').collect();
    assert_eq!(d.catalog().forbidden_keywords, both);
    assert_eq!(d.text(Field::Keywords), "楼堂馆所、 公务用车,、");
    assert!(d.problems().is_empty());
}

#[test]
fn the_suggested_id_adds_the_league_code_to_a_builtin_one() {
    let c = catalog::embedded("nm-2021").unwrap();
    assert_eq!(suggested_id(&c, "150125"), "nm-2021-1501");
    let mut own = c.clone();
    own.id = "mine".into();
    assert_eq!(suggested_id(&own, "150125"), "mine");
}
