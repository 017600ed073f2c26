//! What the user did, collected while drawing.

use std::path::PathBuf;

use super::screen::Screen;
use crate::edit::Edit;
use crate::gui::state::catalog_draft::Change;
use crate::gui::state::commands::UiCommand;
use crate::gui::state::dialog::{Dialog, Pending};
use crate::gui::state::files::FileAction;
use crate::gui::state::league::Column;
use crate::gui::state::prefs::Appearance;
use crate::plan::{Decision, Plan};

/// Something the user did, collected while drawing and applied at the end of
/// the frame by `FundplanApp::apply`.
#[derive(Debug)]
#[must_use]
pub enum Action {
    /// Change the plan; the key merges typing in one field into one undo step.
    Edit(Edit, Option<String>),
    /// A field lost focus: the next keystroke starts a new undo step.
    EndTyping,
    /// A menu or keyboard command.
    Command(UiCommand),
    /// Show a screen.
    Go(Screen),
    /// Select a project on the projects screen.
    SelectProject(Option<usize>),
    /// Give the keyboard focus to this widget at the start of the next frame,
    /// when it is drawn (a field that appears only after this frame's edits).
    Focus(egui::Id),
    /// Show and focus the field a path names.
    JumpTo(String),
    /// The field jumped to was drawn and focused: the jump is over.
    Jumped,
    /// Open this file (asking first if there are unsaved changes).
    Open(PathBuf),
    /// Ask for the path this needs, with the system's file dialog or the
    /// built-in one; the path comes back as [`Action::Picked`].
    Choose(FileAction),
    /// A path was picked for this (in either dialog): open, save, load,
    /// compare, roll up, export or import with it.
    Picked(FileAction, PathBuf),
    /// Replace the document with a new plan (from the new-plan dialog).
    Create(Box<Plan>),
    /// Open the catalog-switch dialog (refused in review mode).
    AskSwitch,
    /// Switch the plan to another catalog, as one undo step.
    Switch(Box<crate::gui::state::dialog::Chosen>),
    /// Change the catalog draft of the 目录 screen (not the plan: no undo step).
    Catalog(Change),
    /// Drop the catalog draft: back to the catalog it started from.
    RevertCatalog,
    /// Save the catalog draft as a new catalog: ask for its id if it still
    /// has a built-in one, then where to save it.
    SaveCatalogAs,
    /// Give the draft this id, then ask where to save it.
    SaveCatalogWithId(String),
    /// Carry out this, asking first if there are unsaved changes.
    Guard(Pending),
    /// Carry out what waited for the unsaved-changes question.
    Proceed(Pending),
    /// The unsaved-changes question's 保存: save as Ctrl+S does (asking first
    /// if the file changed on disk; a plan never saved is saved as), then
    /// carry out what waited, unless the save failed or was cancelled.
    SaveFirst(Pending),
    /// The path the unsaved-changes question's Save As picked: save there,
    /// then carry out what waited (not when the save fails).
    SaveAsThen(PathBuf, Pending),
    /// Close the open dialog.
    CloseDialog,
    /// Show a dialog.
    Show(Dialog),
    /// Enter review mode (true), or ask to leave it (false).
    SetReadOnly(bool),
    /// Leave review mode: the user confirmed that edits break the seal.
    Unlock,
    /// Add a review comment on a path.
    AddComment {
        /// What it is about (path grammar; empty = the plan).
        target: String,
        /// The remark.
        text: String,
        /// The reviewer's name as given in the dialog (remembered).
        reviewer: String,
    },
    /// The reviewer's name as typed on the 审核意见 screen (remembered in
    /// the preferences, not in the plan).
    Reviewer(String),
    /// Remove the review comment at this index.
    RemoveComment(usize),
    /// Record the reviewer's decision with their name and the time.
    Decide(Decision),
    /// The county marks the comment at this index 已处理, with its own note.
    ResolveComment(usize, String),
    /// Compare with the revision review round `n` (from 0) judged: the file
    /// in the plan's folder sealed with that round's digest, else ask.
    CompareWithRound(usize),
    /// Roll up these files or folders.
    Summarize(Vec<PathBuf>),
    /// Sort the roll-up by a column.
    SortSummary(Column),
    /// Restore the plan a crashed run left.
    Restore,
    /// Throw away what a crashed run left.
    DiscardRecovery,
    /// Save even though the file changed on disk, then carry out what waited
    /// for the save, if anything (not when the save fails).
    ForceSave(PathBuf, Option<Pending>),
    /// Read the open file again from disk (discarding changes here).
    Reload,
    /// Seal the plan: the user confirmed the submission.
    SealNow,
    /// Look light, dark, or as the system says.
    Appearance(Appearance),
    /// Choose files with the built-in path dialog (true) or the system's.
    BuiltinFileDialog(bool),
    /// Fill amount cells from `path` on with cells copied from a spreadsheet
    /// (tab and newline separated), as one undo step; refused whole if a cell
    /// is not an amount or the block does not fit.
    Paste {
        /// The amount cell pasted into.
        path: String,
        /// The clipboard text.
        text: String,
    },
}
