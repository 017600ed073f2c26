//! What the user did, collected while drawing.

use std::path::PathBuf;

use super::screen::Screen;
use crate::edit::Edit;
use crate::gui::state::catalog_draft::Change;
use crate::gui::state::commands::UiCommand;
use crate::gui::state::dialog::{Dialog, Pending};
use crate::gui::state::files::Export;
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
    /// Replace the document with a new plan (from the new-plan dialog).
    Create(Box<Plan>),
    /// Save to this file.
    SaveTo(PathBuf),
    /// Ask for a catalog file to judge the plan with.
    ChooseCatalog,
    /// Judge the plan with the catalog in this file.
    LoadCatalog(PathBuf),
    /// Open the catalog-switch dialog (refused in review mode).
    AskSwitch,
    /// Ask for a catalog file to switch the plan to.
    ChooseSwitchFile,
    /// Offer the catalog in this file in the switch dialog.
    SwitchFile(PathBuf),
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
    /// Save the catalog draft to this file.
    SaveCatalogTo(PathBuf),
    /// Ask where to write the catalog as a workbook.
    ExportCatalog,
    /// Write the catalog as a workbook to this file.
    ExportCatalogTo(PathBuf),
    /// Ask for a catalog workbook to import.
    ImportCatalog,
    /// Import the catalog workbook in this file: it becomes the catalog the
    /// plan is judged against, shown on the 目录 screen to be saved.
    ImportCatalogFrom(PathBuf),
    /// Carry out what waited for the unsaved-changes question.
    Proceed(Pending),
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
    /// Ask for a file to compare the open plan with.
    ChooseCompare,
    /// Compare with the revision review round `n` (from 0) judged: the file
    /// in the plan's folder sealed with that round's digest, else ask.
    CompareWithRound(usize),
    /// Compare the open plan with this earlier revision.
    CompareWith(PathBuf),
    /// Ask for a folder to roll up.
    ChooseFolder,
    /// Roll up these files or folders.
    Summarize(Vec<PathBuf>),
    /// Sort the roll-up by a column.
    SortSummary(Column),
    /// Ask where to export.
    ChooseExport(Export),
    /// Export the open plan to this file or folder.
    Export(Export, PathBuf),
    /// Ask for a workbook to import.
    ChooseImport,
    /// Import this workbook as a new, unsaved plan.
    Import(PathBuf),
    /// Restore the plan a crashed run left.
    Restore,
    /// Throw away what a crashed run left.
    DiscardRecovery,
    /// Save even though the file changed on disk.
    ForceSave(PathBuf),
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
