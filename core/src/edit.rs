//! Edits to the open plan: each one is applied in one place
//! ([`crate::document::Document::apply`]) and returns its inverse, which
//! is what undo replays.

use crate::plan::{Adjustment, County, Plan, Project, Review, Source, Submission};

/// The plan's header: everything but sources, projects, submission and review,
/// one field per [`crate::plan::fields::HeaderField`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// Catalog id.
    pub catalog: String,
    /// Budget year.
    pub year: u16,
    /// The banner.
    pub county: County,
    /// Revision number.
    pub revision: u32,
    /// Adjustment reason and approval.
    pub adjustment: Option<Adjustment>,
    /// Drafted by.
    pub prepared_by: String,
    /// Approval meeting/document.
    pub approval: String,
}

impl Header {
    /// The header of `plan`.
    pub fn of(plan: &Plan) -> Header {
        // No `..` on purpose: a new field of `Plan` stops the build here until
        // it is in the header (and `HeaderField`) or changed by an edit of
        // its own (and in the tests' `NOT_HEADER`); otherwise undo would skip it.
        let Plan {
            format: _,
            format_version: _,
            catalog,
            year,
            county,
            revision,
            adjustment,
            prepared_by,
            approval,
            sources: _,
            projects: _,
            submission: _,
            review: _,
        } = plan;
        Header {
            catalog: catalog.clone(),
            year: *year,
            county: county.clone(),
            revision: *revision,
            adjustment: adjustment.clone(),
            prepared_by: prepared_by.clone(),
            approval: approval.clone(),
        }
    }

    fn put(self, plan: &mut Plan) {
        // No `..`: every field the header holds goes back into the plan.
        let Header {
            catalog,
            year,
            county,
            revision,
            adjustment,
            prepared_by,
            approval,
        } = self;
        plan.catalog = catalog;
        plan.year = year;
        plan.county = county;
        plan.revision = revision;
        plan.adjustment = adjustment;
        plan.prepared_by = prepared_by;
        plan.approval = approval;
    }
}

/// One change to the plan. Indexes refer to the plan as it is when applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Replace the header.
    Header(Box<Header>),
    /// Replace the source row at an index.
    SetSource(usize, Box<Source>),
    /// Insert a source row.
    InsertSource(usize, Box<Source>),
    /// Remove a source row.
    RemoveSource(usize),
    /// Replace the project at an index.
    SetProject(usize, Box<Project>),
    /// Insert a project.
    InsertProject(usize, Box<Project>),
    /// Remove a project.
    RemoveProject(usize),
    /// Move a project from one index to another.
    MoveProject {
        /// Current index.
        from: usize,
        /// New index.
        to: usize,
    },
    /// Set or clear the submission seal.
    Submission(Option<Box<Submission>>),
    /// Set or clear the league's review (decision and comments). Outside the
    /// digest, so it never breaks the seal.
    Review(Option<Box<Review>>),
    /// Several edits applied in order as one undo step (a paste of many
    /// cells or rows). All or nothing: if one does not apply, none does.
    Batch(Vec<Edit>),
}

impl Edit {
    /// True for edits of the plan's content (everything the digest covers).
    pub fn changes_content(&self) -> bool {
        match self {
            Edit::Submission(_) | Edit::Review(_) => false,
            Edit::Batch(edits) => edits.iter().any(Edit::changes_content),
            _ => true,
        }
    }
}

impl Edit {
    /// Applies the edit and returns its inverse; `None` (and no change) when an
    /// index is out of range, so a stale edit can never panic.
    pub fn apply(self, plan: &mut Plan) -> Option<Edit> {
        Some(match self {
            Edit::Header(h) => {
                let old = Header::of(plan);
                h.put(plan);
                Edit::Header(Box::new(old))
            }
            Edit::SetSource(i, s) => {
                let slot = plan.sources.get_mut(i)?;
                Edit::SetSource(i, Box::new(std::mem::replace(slot, *s)))
            }
            Edit::InsertSource(i, s) if i <= plan.sources.len() => {
                plan.sources.insert(i, *s);
                Edit::RemoveSource(i)
            }
            Edit::RemoveSource(i) if i < plan.sources.len() => {
                Edit::InsertSource(i, Box::new(plan.sources.remove(i)))
            }
            Edit::SetProject(i, p) => {
                let slot = plan.projects.get_mut(i)?;
                Edit::SetProject(i, Box::new(std::mem::replace(slot, *p)))
            }
            Edit::InsertProject(i, p) if i <= plan.projects.len() => {
                plan.projects.insert(i, *p);
                Edit::RemoveProject(i)
            }
            Edit::RemoveProject(i) if i < plan.projects.len() => {
                Edit::InsertProject(i, Box::new(plan.projects.remove(i)))
            }
            Edit::MoveProject { from, to }
                if from < plan.projects.len() && to < plan.projects.len() =>
            {
                let p = plan.projects.remove(from);
                plan.projects.insert(to, p);
                Edit::MoveProject { from: to, to: from }
            }
            Edit::Submission(s) => {
                let old = std::mem::replace(&mut plan.submission, s.map(|b| *b));
                Edit::Submission(old.map(Box::new))
            }
            Edit::Review(r) => {
                let old = std::mem::replace(&mut plan.review, r.map(|b| *b));
                Edit::Review(old.map(Box::new))
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(plan) {
                        Some(inverse) => inverses.push(inverse),
                        None => {
                            // Put back what the earlier edits changed: a batch is one step.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(plan);
                            }
                            return None;
                        }
                    }
                }
                inverses.reverse();
                Edit::Batch(inverses)
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::fields::HeaderField;

    /// The fields of a plan outside its header, in the file's order: the
    /// format tag and version (never edited), and the parts changed by edits
    /// of their own (fund lines, projects, the seal, the review).
    const NOT_HEADER: [&str; 6] = [
        "format",
        "format_version",
        "sources",
        "projects",
        "submission",
        "review",
    ];

    /// Changes `field` of the header to something else, to check each field
    /// of the table (a new field must get an arm here).
    fn change(h: &mut Header, field: HeaderField) {
        match field {
            HeaderField::Catalog => h.catalog.push('改'),
            HeaderField::Year => h.year += 1,
            HeaderField::County => h.county.name.push('改'),
            HeaderField::Revision => h.revision += 1,
            HeaderField::Adjustment => {
                h.adjustment.get_or_insert_default().reason.push('改');
            }
            HeaderField::PreparedBy => h.prepared_by.push('改'),
            HeaderField::Approval => h.approval.push('改'),
        }
    }

    fn sample() -> Plan {
        crate::document::bundled_sample()
    }

    #[test]
    fn every_edit_is_undone_by_its_inverse() {
        let original = sample();
        let mut changed_source = original.sources[2].clone();
        changed_source.reason = "x".into();
        let mut changed_header = Header::of(&original);
        changed_header.year = 2019;
        let edits = vec![
            Edit::Header(Box::new(changed_header)),
            Edit::SetSource(2, Box::new(changed_source.clone())),
            Edit::InsertSource(1, Box::new(changed_source)),
            Edit::RemoveSource(0),
            Edit::SetProject(0, Box::default()),
            Edit::InsertProject(3, Box::default()),
            Edit::RemoveProject(2),
            Edit::MoveProject { from: 0, to: 5 },
            Edit::Review(Some(Box::default())),
            Edit::Batch(vec![
                Edit::InsertProject(0, Box::default()),
                Edit::MoveProject { from: 0, to: 2 },
                Edit::RemoveSource(1),
            ]),
            Edit::Submission(Some(Box::new(Submission {
                at: "2020-03-15T10:00:00+08:00".into(),
                app: "fundplan 0.1.0".into(),
                digest: "sha256:00".into(),
                warnings: 0,
            }))),
        ];
        for edit in edits {
            let mut plan = original.clone();
            let inverse = edit.clone().apply(&mut plan).unwrap();
            assert_ne!(plan, original, "{edit:?} changed nothing");
            inverse.apply(&mut plan).unwrap();
            assert_eq!(plan, original, "{edit:?}");
        }
    }

    #[test]
    fn the_header_table_and_the_rest_name_every_field_of_a_plan() {
        let serde_json::Value::Object(map) = serde_json::to_value(sample()).unwrap() else {
            panic!("a plan serializes as a map")
        };
        let mut plan_keys: Vec<&str> = map.keys().map(String::as_str).collect();
        plan_keys.sort_unstable();
        let mut table: Vec<&str> = HeaderField::ALL.iter().map(|f| f.key()).collect();
        table.extend(NOT_HEADER);
        table.sort_unstable();
        assert_eq!(
            table, plan_keys,
            "a field of Plan is neither in the header nor outside it"
        );
        for f in HeaderField::ALL {
            assert_eq!(HeaderField::from_key(f.key()), Some(f));
        }
    }

    #[test]
    fn a_header_edit_undoes_each_field_of_the_table() {
        let original = sample();
        for f in HeaderField::ALL {
            let mut header = Header::of(&original);
            change(&mut header, f);
            let mut plan = original.clone();
            let inverse = Edit::Header(Box::new(header.clone()))
                .apply(&mut plan)
                .unwrap();
            assert_ne!(plan, original, "{f:?} changed nothing");
            assert_eq!(Header::of(&plan), header, "{f:?}");
            inverse.apply(&mut plan).unwrap();
            assert_eq!(plan, original, "{f:?} was not undone");
        }
    }

    #[test]
    fn stale_indexes_change_nothing() {
        let mut plan = sample();
        let before = plan.clone();
        assert!(Edit::RemoveProject(999).apply(&mut plan).is_none());
        assert!(
            Edit::MoveProject { from: 0, to: 999 }
                .apply(&mut plan)
                .is_none()
        );
        assert!(
            Edit::SetSource(999, Box::new(before.sources[0].clone()))
                .apply(&mut plan)
                .is_none()
        );
        assert_eq!(plan, before);
        let half_stale = Edit::Batch(vec![Edit::RemoveProject(0), Edit::RemoveProject(999)]);
        assert!(half_stale.apply(&mut plan).is_none());
        assert_eq!(plan, before, "a batch applies whole or not at all");
    }
}
