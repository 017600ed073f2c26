//! Tests of the document session: the sample, undo coalescing, the seal state, dirty marks.

use super::*;
use crate::edit::Edit;

#[test]
fn the_bundled_sample_parses() {
    assert!(file::parse_plan(SAMPLE_RON, Path::new("s.ron")).is_ok());
}

fn with_reason(doc: &Document, i: usize, reason: &str) -> Edit {
    let mut s = doc.plan().sources[i].clone();
    s.reason = reason.into();
    Edit::SetSource(i, Box::new(s))
}

#[test]
fn typing_coalesces_into_one_step_until_focus_leaves() {
    let mut doc = Document::new(bundled_sample(), None);
    let original = doc.plan().clone();
    for text in ["a", "ab", "abc"] {
        let e = with_reason(&doc, 0, text);
        doc.apply(e, Some("sources[C01].reason".into()));
    }
    assert!(doc.is_dirty());
    doc.end_coalescing();
    let e = with_reason(&doc, 0, "abcd");
    doc.apply(e, Some("sources[C01].reason".into()));
    assert!(doc.undo());
    assert_eq!(doc.plan().sources[0].reason, "abc");
    assert!(doc.undo());
    assert_eq!(doc.plan(), &original);
    assert!(!doc.is_dirty());
    assert!(!doc.undo());
    assert!(doc.redo());
    assert_eq!(doc.plan().sources[0].reason, "abc");
}

#[test]
fn the_seal_state_follows_content_edits_undo_and_redo() {
    let sealed = crate::digest::seal(&bundled_sample(), "2020-03-15T10:00:00+08:00".into(), 0);
    let mut doc = Document::new(sealed, None);
    assert_eq!(doc.seal(), SealState::Intact);
    assert!(!doc.report().has(crate::validate::Rule::D01));
    let e = with_reason(&doc, 0, "改动");
    doc.apply(e, None);
    assert_eq!(doc.seal(), SealState::Broken);
    assert!(doc.report().has(crate::validate::Rule::D01));
    assert!(doc.undo());
    assert_eq!(doc.seal(), SealState::Intact);
    assert!(doc.redo());
    assert_eq!(doc.seal(), SealState::Broken);
    // A review edit keeps the state; a submission edit recomputes it.
    let review = crate::plan::Review {
        reviewer: "x".into(),
        ..Default::default()
    };
    doc.apply(Edit::Review(Some(Box::new(review))), None);
    assert_eq!(doc.seal(), SealState::Broken);
    doc.apply(Edit::Submission(None), None);
    assert_eq!(doc.seal(), SealState::Draft);
    assert!(doc.undo());
    assert_eq!(doc.seal(), crate::digest::seal_state(doc.plan()));
}

#[test]
fn saving_marks_clean_and_undo_past_it_marks_dirty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut doc = Document::new(bundled_sample(), None);
    let e = with_reason(&doc, 0, "x");
    doc.apply(e, None);
    doc.save_as(&path).unwrap();
    assert!(!doc.is_dirty());
    assert_eq!(doc.path(), Some(path.as_path()));
    doc.undo();
    assert!(doc.is_dirty());
    doc.redo();
    assert!(!doc.is_dirty());
    assert_eq!(Document::open(&path).unwrap().plan(), doc.plan());
}

#[test]
fn a_catalog_switch_is_one_step_that_undo_takes_back_with_the_catalog() {
    use crate::switch;
    let mut doc = Document::new(bundled_sample(), None);
    let original = doc.plan().clone();
    let target = catalog::embedded("nm-2021").unwrap();
    let proposal = switch::propose(&original, &target);
    let switched = switch::apply(&original, &proposal, &switch::Decisions::new()).unwrap();
    assert!(doc.apply_with_catalog(switch::edit(&original, &switched), target));
    assert_eq!(doc.plan(), &switched);
    assert_eq!(doc.catalog().id, "nm-2021");
    assert!(doc.is_dirty());
    assert!(doc.undo());
    assert_eq!(doc.plan(), &original);
    assert_eq!(doc.catalog().id, "nm-2017");
    assert!(!doc.is_dirty());
    assert!(!doc.can_undo());
    assert!(doc.redo());
    assert_eq!(doc.plan(), &switched);
    assert_eq!(doc.catalog().id, "nm-2021");
    doc.set_read_only(true);
    assert!(!doc.undo(), "review mode refuses the content step");
    assert!(!doc.apply_with_catalog(
        switch::edit(&switched, &original),
        catalog::default_catalog()
    ));
    assert_eq!(doc.catalog().id, "nm-2021");
}

#[test]
fn undo_and_redo_of_a_switch_put_back_each_catalog_as_left_with_its_version() {
    use crate::switch;
    let mut doc = Document::new(bundled_sample(), None);
    let original = doc.plan().clone();
    // The 目录 screen's draft edits the catalog in place, keeping its version.
    let v2017 = doc.catalog_version();
    doc.edit_catalog(|c| c.note = "edited 2017".into());
    let target = catalog::embedded("nm-2021").unwrap();
    let proposal = switch::propose(&original, &target);
    let switched = switch::apply(&original, &proposal, &switch::Decisions::new()).unwrap();
    assert!(doc.apply_with_catalog(switch::edit(&original, &switched), target));
    let v2021 = doc.catalog_version();
    assert_ne!(v2021, v2017);
    doc.edit_catalog(|c| c.note = "edited 2021".into());
    for _ in 0..2 {
        assert!(doc.undo());
        assert_eq!(
            (doc.catalog_version(), doc.catalog().note.as_str()),
            (v2017, "edited 2017")
        );
        assert!(doc.redo());
        assert_eq!(
            (doc.catalog_version(), doc.catalog().note.as_str()),
            (v2021, "edited 2021")
        );
    }
    // A plain edit and its undo leave the version; a catalog set gets a new one.
    doc.apply(with_reason(&doc, 0, "x"), None);
    assert!(doc.undo());
    assert_eq!(doc.catalog_version(), v2021);
    assert!(doc.undo());
    doc.set_catalog(catalog::default_catalog());
    assert!(![v2017, v2021].contains(&doc.catalog_version()));
}
