//! Asking for a path: the one way every file operation (open, save as,
//! catalog, compare, roll-up, export, import) gets one, with the system's
//! dialog or the built-in one.

use super::*;
use crate::gui::state::files::{Choice, PathForm, Why};

impl FundplanApp {
    /// Asks for the path `purpose` needs; it arrives as `purpose`'s action.
    pub(super) fn choose(&mut self, ctx: &egui::Context, purpose: FileAction) {
        self.choose_then(ctx, purpose, None);
    }

    /// [`Self::choose`], with what waits for the path (a Save As's `then`
    /// travels with the dialog, so a cancelled one leaves nothing behind).
    pub(super) fn choose_then(
        &mut self,
        ctx: &egui::Context,
        purpose: FileAction,
        then: Option<Pending>,
    ) {
        let choice = if self.prefs.builtin_file_dialog {
            Choice::Builtin
        } else {
            Choice::from_env()
        };
        // A catalog is named after its id, anything else after the plan.
        let stem = match purpose {
            FileAction::SaveCatalog | FileAction::ExportCatalog => {
                format!("{}.ron", self.session.doc.catalog().id.trim())
            }
            _ => self.suggested_name(),
        };
        let name = match purpose.extension() {
            Some(ext) if purpose.kind() == Kind::Save => std::path::Path::new(&stem)
                .with_extension(ext)
                .display()
                .to_string(),
            _ => String::new(),
        };
        let start = self.start_folder();
        let form = PathForm {
            then,
            ..PathForm::new(purpose, Why::Chosen, &start, &name, &self.prefs.recent)
        };
        if let Some(form) = self.files.ask(ctx, self.prefs.lang, choice, form) {
            self.show_path(form);
        }
    }

    /// Shows the built-in path dialog; a message open now (such as "choose
    /// the file to compare with", or "sealed" before the save) is shown in
    /// it, not lost.
    pub(super) fn show_path(&mut self, mut form: PathForm) {
        match self.dialog.take() {
            Some(Dialog::Info(msg) | Dialog::Error(msg)) => form.note = Some(msg),
            // The switch dialog waits for the catalog file it asked for.
            Some(switch @ Dialog::Switch(_)) => self.parked = Some(switch),
            _ => {}
        }
        self.dialog = Some(Dialog::Path(Box::new(form)));
    }

    /// Closes the open dialog; a path dialog's closing brings back the
    /// dialog that asked for it, before the path picked arrives.
    pub(super) fn close_dialog(&mut self) {
        self.dialog = match self.dialog.take() {
            Some(Dialog::Path(_)) => self.parked.take(),
            _ => None,
        };
    }

    /// Where a dialog starts: the open plan's folder, else the most recent
    /// plan's, else the home folder.
    fn start_folder(&self) -> PathBuf {
        let open = self.session.doc.path().and_then(|p| p.parent());
        let recent = self.prefs.recent.iter().filter_map(|p| p.parent());
        open.into_iter()
            .chain(recent)
            .find(|d| d.is_dir())
            .map(PathBuf::from)
            .or_else(crate::gui::state::files::form::home)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"))
    }
}
