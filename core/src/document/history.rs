//! The undo history: every edit goes through [`Document::apply`], which
//! records the step that undoes it, merges typing in one field into one step,
//! and refuses what review mode or editing mode may not change.

use crate::catalog::Catalog;
use crate::edit::Edit;

use super::Document;

/// An undo step: the edit that redoes it, the inverse that undoes it.
pub(super) struct Step {
    undo: Edit,
    redo: Edit,
    /// Typing in one field merges into one step while this key repeats.
    coalesce: Option<String>,
    /// Identity of the state after this step, to tell whether it is saved.
    state: u64,
    /// For a step that switched the catalog: the one not in use now.
    catalog: Option<Box<Replaced>>,
}

/// The catalog a switch replaced (once the switch is undone: the one it put
/// in), as it was left, with its [`Document::catalog_version`]. Undo and redo
/// swap it with the one in use, so a catalog comes back with the version its
/// 目录 draft belongs to, and with the draft's edits made in place: the draft
/// comes back with it. A new version on every undo would make it stale.
pub(super) struct Replaced {
    catalog: Catalog,
    version: u64,
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
    /// Identity of the current state (changes with every edit, undo and redo).
    pub fn state(&self) -> u64 {
        self.current_state()
    }

    pub(super) fn current_state(&self) -> u64 {
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
        let version = self.new_catalog_version();
        let replaced = Replaced {
            catalog: std::mem::replace(&mut self.catalog, catalog),
            version: std::mem::replace(&mut self.catalog_version, version),
        };
        self.push_step(inverse, edit, None, Some(Box::new(replaced)));
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
        catalog: Option<Box<Replaced>>,
    ) {
        let state = self.next_state;
        self.next_state += 1;
        self.undo.push(Step {
            undo,
            redo,
            coalesce,
            state,
            catalog,
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

    /// Puts back the catalog `step` replaced, keeping the one in use in its
    /// place for the way back (a step that did not switch the catalog: nothing).
    fn swap_catalog(&mut self, step: &mut Step) {
        if let Some(r) = step.catalog.as_deref_mut() {
            std::mem::swap(&mut self.catalog, &mut r.catalog);
            std::mem::swap(&mut self.catalog_version, &mut r.version);
        }
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(mut step) = self.undo.pop() else {
            return false;
        };
        if self.refuses(&step.undo) {
            self.undo.push(step);
            return false;
        }
        self.coalescing = false;
        let _ = step.undo.clone().apply(&mut self.plan);
        self.swap_catalog(&mut step);
        self.changed(!keeps_seal(&step.undo));
        self.redo.push(step);
        true
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(mut step) = self.redo.pop() else {
            return false;
        };
        if self.refuses(&step.redo) {
            self.redo.push(step);
            return false;
        }
        self.coalescing = false;
        let _ = step.redo.clone().apply(&mut self.plan);
        self.swap_catalog(&mut step);
        self.changed(!keeps_seal(&step.redo));
        self.undo.push(step);
        true
    }
}
