//! The open document: the plan, where it lives, its catalog, the validator's
//! latest report and seal state, and the undo history. [`Document::apply`] is
//! the one place edits happen: it records undo, marks the document dirty and
//! re-validates.

use std::path::{Path, PathBuf};

use crate::catalog::{self, Catalog};
use crate::digest::{SealState, seal_state};
use crate::file;
use crate::plan::Plan;
use std::collections::HashMap;

use crate::validate::{Report, Severity, validate_sealed};

use crate::edit::Edit;

/// The bundled sample plan's text, so the first start needs no files.
pub const SAMPLE_RON: &str = include_str!("../../../assets/examples/wuchuan-2020.ron");

/// The bundled sample plan (an empty default if it ever failed to parse, which
/// a unit test rules out).
pub fn bundled_sample() -> Plan {
    file::parse_plan(SAMPLE_RON, Path::new("wuchuan-2020.ron")).unwrap_or_else(|_| {
        crate::sample::generate(&catalog::default_catalog(), Default::default())
    })
}

/// An undo step: the edit that redoes it, the inverse that undoes it.
struct Step {
    undo: Edit,
    redo: Edit,
    /// Typing in one field merges into one step while this key repeats.
    coalesce: Option<String>,
    /// Identity of the state after this step, to tell whether it is saved.
    state: u64,
    /// The catalog before and after, for a step that switched it.
    catalogs: Option<Box<(Catalog, Catalog)>>,
}

/// The open plan and its history.
pub struct Document {
    plan: Plan,
    path: Option<PathBuf>,
    catalog: Catalog,
    report: Report,
    /// The seal state of `plan`, kept with the report: hashing a large plan
    /// takes milliseconds, too long to repeat every frame.
    seal: SealState,
    marks: HashMap<String, Severity>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_state: u64,
    saved_state: u64,
    /// False after a field loses focus, so the next keystroke starts a new step.
    coalescing: bool,
    /// Review mode: content edits are refused, review edits allowed.
    read_only: bool,
    /// Number of review comments on each target path.
    comment_counts: HashMap<String, usize>,
    /// Counts the times the catalog was replaced (see [`Document::catalog_version`]).
    catalog_version: u64,
    /// The file's modification time and size when last read or written.
    disk: Option<DiskStamp>,
}

/// What the file on disk looked like when this document last read or wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DiskStamp {
    modified: Option<std::time::SystemTime>,
    len: u64,
}

fn stamp(path: &Path) -> Option<DiskStamp> {
    let m = std::fs::metadata(path).ok()?;
    Some(DiskStamp {
        modified: m.modified().ok(),
        len: m.len(),
    })
}

/// True when `edit` touches only the review, which no digest covers, so the
/// seal state cannot change.
fn keeps_seal(edit: &Edit) -> bool {
    match edit {
        Edit::Review(_) => true,
        Edit::Batch(edits) => edits.iter().all(keeps_seal),
        _ => false,
    }
}

/// Undo steps kept; older ones are dropped.
const UNDO_LIMIT: usize = 500;

impl Document {
    /// Opens `plan` (from `path`, if it has one) against its built-in catalog.
    pub fn new(plan: Plan, path: Option<PathBuf>) -> Document {
        let catalog = catalog::catalog_for(&plan, None);
        Document::with_catalog(plan, path, catalog)
    }

    /// Opens `plan` judged against `catalog`.
    pub fn with_catalog(plan: Plan, path: Option<PathBuf>, catalog: Catalog) -> Document {
        let mut doc = Document {
            report: Report::default(),
            seal: seal_state(&plan),
            marks: HashMap::new(),
            plan,
            path,
            catalog,
            undo: Vec::new(),
            redo: Vec::new(),
            next_state: 1,
            saved_state: 0,
            coalescing: false,
            read_only: false,
            comment_counts: HashMap::new(),
            catalog_version: 0,
            disk: None,
        };
        doc.revalidate();
        doc
    }

    /// Loads a plan file. A submitted plan opens read-only (review mode).
    pub fn open(path: &Path) -> Result<Document, file::LoadError> {
        let mut doc = Document::new(file::load_plan(path)?, Some(path.to_path_buf()));
        doc.read_only = doc.plan.submission.is_some();
        doc.disk = stamp(path);
        Ok(doc)
    }

    /// A plan restored from a recovery file or imported: unsaved until saved.
    pub fn restored(plan: Plan, path: Option<PathBuf>) -> Document {
        let mut doc = Document::new(plan, path);
        doc.saved_state = u64::MAX;
        doc
    }

    /// True when the file changed on disk since this document read or wrote it
    /// (another officer saved it).
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, self.disk) {
            (Some(p), Some(seen)) => stamp(p) != Some(seen),
            _ => false,
        }
    }

    /// True in review mode: only the review may change.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Enters or leaves review mode.
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    /// Number of review comments on `path`.
    pub fn comments_on(&self, path: &str) -> usize {
        self.comment_counts.get(path).copied().unwrap_or(0)
    }

    /// Identity of the current state (changes with every edit, undo and redo).
    pub fn state(&self) -> u64 {
        self.current_state()
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The file, if the plan has been saved or opened from one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The catalog the plan is judged against.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Which catalog the plan is judged against: it changes when the catalog
    /// is replaced (set, switched, a switch undone or redone), not when it is
    /// edited in place ([`Document::edit_catalog`]). A draft of the 目录
    /// screen belongs to one version: once it changed, the draft is stale.
    pub fn catalog_version(&self) -> u64 {
        self.catalog_version
    }

    /// Changes the catalog in place (the 目录 screen's draft) and judges the
    /// plan against the result: no undo step, and no copy of the catalog.
    pub fn edit_catalog<R>(&mut self, edit: impl FnOnce(&mut Catalog) -> R) -> R {
        let result = edit(&mut self.catalog);
        self.revalidate();
        result
    }

    /// The validator's report on the current plan.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Whether the submission seal is absent, intact or broken.
    pub fn seal(&self) -> SealState {
        self.seal
    }

    fn current_state(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.state)
    }

    /// True when the plan differs from the file it was opened from or saved to.
    pub fn is_dirty(&self) -> bool {
        self.current_state() != self.saved_state
    }

    /// Applies `edit`; with the same `coalesce` key as the previous edit (and no
    /// focus change between), both become one undo step.
    pub fn apply(&mut self, edit: Edit, coalesce: Option<String>) {
        if self.read_only && edit.changes_content() {
            return;
        }
        let reseal = !keeps_seal(&edit);
        let Some(inverse) = edit.clone().apply(&mut self.plan) else {
            return;
        };
        self.redo.clear();
        let merge = self.coalescing
            && coalesce.is_some()
            && self
                .undo
                .last()
                .is_some_and(|s| s.coalesce == coalesce && s.state != self.saved_state);
        if merge && self.undo.last().is_some_and(|s| s.undo == edit) {
            // Typing ended where it began (Escape in an amount cell): no step.
            self.undo.pop();
        } else if merge && let Some(last) = self.undo.last_mut() {
            last.redo = edit;
        } else {
            self.push_step(inverse, edit, coalesce.clone(), None);
        }
        self.coalescing = coalesce.is_some();
        self.changed(reseal);
    }

    /// Applies `edit` and judges the plan with `catalog` from now on, as one
    /// undo step that puts both back (switching a plan to another catalog).
    /// False, and nothing changes, in review mode or when the edit is stale.
    pub fn apply_with_catalog(&mut self, edit: Edit, catalog: Catalog) -> bool {
        if self.read_only && edit.changes_content() {
            return false;
        }
        let Some(inverse) = edit.clone().apply(&mut self.plan) else {
            return false;
        };
        self.redo.clear();
        let before = std::mem::replace(&mut self.catalog, catalog);
        self.catalog_version += 1;
        let catalogs = Some(Box::new((before, self.catalog.clone())));
        self.push_step(inverse, edit, None, catalogs);
        self.coalescing = false;
        self.changed(true);
        true
    }

    /// Records a new undo step, with the state it leads to, dropping the
    /// oldest beyond [`UNDO_LIMIT`].
    fn push_step(
        &mut self,
        undo: Edit,
        redo: Edit,
        coalesce: Option<String>,
        catalogs: Option<Box<(Catalog, Catalog)>>,
    ) {
        let state = self.next_state;
        self.next_state += 1;
        self.undo.push(Step {
            undo,
            redo,
            coalesce,
            state,
            catalogs,
        });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
    }

    /// Ends the current typing step (a field lost focus).
    pub fn end_coalescing(&mut self) {
        self.coalescing = false;
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Whether undo/redo may not apply `edit` now: content edits in review
    /// mode; while editing, a step that changes the reviewer's part of the
    /// review (comments, decision), which only review mode may do. A county's
    /// 已处理 mark and a submission (a batch) stay undoable.
    fn refuses(&self, edit: &Edit) -> bool {
        if self.read_only {
            return edit.changes_content();
        }
        match edit {
            Edit::Review(r) => {
                let part =
                    |r: Option<&crate::plan::Review>| r.map(crate::plan::Review::reviewer_part);
                part(r.as_deref()) != part(self.plan.review.as_ref())
            }
            _ => false,
        }
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        if self.refuses(&step.undo) {
            self.undo.push(step);
            return false;
        }
        self.coalescing = false;
        let _ = step.undo.clone().apply(&mut self.plan);
        if let Some(c) = &step.catalogs {
            self.catalog = c.0.clone();
            self.catalog_version += 1;
        }
        self.changed(!keeps_seal(&step.undo));
        self.redo.push(step);
        true
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        if self.refuses(&step.redo) {
            self.redo.push(step);
            return false;
        }
        self.coalescing = false;
        let _ = step.redo.clone().apply(&mut self.plan);
        if let Some(c) = &step.catalogs {
            self.catalog = c.1.clone();
            self.catalog_version += 1;
        }
        self.changed(!keeps_seal(&step.redo));
        self.undo.push(step);
        true
    }

    /// Writes the plan to `path` (atomically) and remembers it as saved.
    pub fn save_as(&mut self, path: &Path) -> Result<(), file::SaveError> {
        file::save_plan(&self.plan, path)?;
        self.path = Some(path.to_path_buf());
        self.disk = stamp(path);
        self.saved_state = self.current_state();
        self.coalescing = false;
        Ok(())
    }

    /// Uses another catalog for validation.
    pub fn set_catalog(&mut self, catalog: Catalog) {
        self.catalog = catalog;
        self.catalog_version += 1;
        self.revalidate();
    }

    /// The worst severity found at each path, and at each row a field of it
    /// belongs to (`sources[C03]` for `sources[C03].integrated`), so tables can
    /// mark both the cell and its row.
    pub fn marks(&self) -> &HashMap<String, Severity> {
        &self.marks
    }

    /// After an edit: the seal state again if the edit may have changed it,
    /// then the report.
    fn changed(&mut self, reseal: bool) {
        if reseal {
            self.seal = seal_state(&self.plan);
        }
        self.revalidate();
    }

    fn revalidate(&mut self) {
        self.comment_counts.clear();
        for c in self.plan.review.iter().flat_map(|r| &r.comments) {
            *self.comment_counts.entry(c.target.clone()).or_default() += 1;
        }
        self.report = validate_sealed(&self.plan, &self.catalog, self.seal);
        self.marks.clear();
        for f in &self.report.findings {
            let row = f.path.find("].").map(|i| &f.path[..=i]);
            for key in std::iter::once(f.path.as_str()).chain(row) {
                let worst = self.marks.entry(key.to_string()).or_insert(f.severity());
                *worst = (*worst).min(f.severity());
            }
        }
    }
}

#[cfg(test)]
mod tests;
