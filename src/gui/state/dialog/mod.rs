//! The dialogs' data: which dialog is open, its form, its message, and
//! what waits for its answer. Their drawing is in `gui::dialogs`.

use std::path::PathBuf;

mod message;
mod new_plan;
mod switch;

pub use message::Message;
pub use new_plan::NewPlanForm;
pub use switch::{Chosen, SwitchForm};

/// What waits for the answer to "save changes?" or to the overwrite question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Open this file.
    Open(PathBuf),
    /// Show the open dialog.
    OpenDialog,
    /// Start a new plan.
    New,
    /// Import a workbook as a new plan: ask which.
    Import,
    /// Import this workbook as a new plan.
    ImportFrom(PathBuf),
    /// Close the window.
    Quit,
    /// Read the open file again.
    Reload,
    /// Seal the plan and save it (确认提交 waiting for the overwrite question).
    Seal,
}

/// An open dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// Something failed (a file did not load or save).
    Error(Message),
    /// Something worth knowing.
    Info(Message),
    /// Unsaved changes: save, discard or cancel.
    Unsaved(Pending),
    /// Submission refused: (rule, path, message) of each error.
    SubmitRefused(Vec<(String, String, crate::Text)>),
    /// New plan.
    New(NewPlanForm),
    /// About fundplan.
    About,
    /// A review comment being written on a path.
    Comment {
        /// What it is about.
        target: String,
        /// The text so far.
        text: String,
        /// Who writes it (prefilled with the remembered reviewer).
        reviewer: String,
        /// The text box still has to take focus (the dialog just opened):
        /// the dialog's own flag, not the session's focus request (see
        /// `state/focus.rs`).
        focus: bool,
    },
    /// Leaving review mode breaks the seal: confirm.
    ConfirmUnlock,
    /// A previous run left unsaved work: restore or discard it. The message
    /// is what failed just before, at start-up (the file given did not
    /// open): said above the offer, not replaced by it.
    Recover(Box<crate::gui::state::recovery::Found>, Option<Message>),
    /// The file changed on disk since it was opened: overwrite? With what
    /// waits for the save (the unsaved-changes question's step), if anything.
    ChangedOnDisk(PathBuf, Option<Pending>),
    /// The plan passed validation: seal it? (names what is sealed)
    ConfirmSubmit,
    /// The built-in path dialog (no system file dialog, or the user chose it).
    Path(Box<crate::gui::state::files::PathForm>),
    /// Switch the plan to another catalog.
    Switch(Box<SwitchForm>),
    /// 另存为新目录: the new catalog's id, as typed (prefilled).
    CatalogId(String),
}

impl Dialog {
    /// A new comment on `target`.
    pub fn comment(target: String) -> Dialog {
        Dialog::Comment {
            target,
            text: String::new(),
            reviewer: String::new(),
            focus: true,
        }
    }
}
