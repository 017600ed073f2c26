//! Switching the plan to another catalog: the dialog's catalog file, and the
//! switch itself as one undo step that also puts the old catalog back.

use super::*;
use crate::gui::state::dialog::{Chosen, SwitchForm};

impl FundplanApp {
    /// Opens the switch dialog; in review mode, says why not.
    pub(super) fn ask_switch(&mut self) {
        self.dialog = Some(if self.session.doc.is_read_only() {
            Dialog::Info(Message::words(
                "审核模式下不能更换资金目录。如需修改，请先点击上方的“允许修改”。",
                "The plan is open for review and its catalog cannot be switched. Click \"Allow editing\" above first.",
            ))
        } else {
            Dialog::Switch(Box::new(SwitchForm::new(self.session.doc.plan())))
        });
    }

    /// A catalog file picked in the switch dialog: offered there, or the
    /// reason it did not load shown there.
    pub(super) fn switch_file(&mut self, path: PathBuf) {
        let Some(Dialog::Switch(form)) = &mut self.dialog else {
            return;
        };
        match crate::file::load_catalog(&path) {
            Ok(c) => form.pick(self.session.doc.plan(), c, Some(path)),
            Err(e) => form.error = Some(e.into()),
        }
    }

    /// Switches the plan as chosen: one step for undo, dirty, re-validated.
    pub(super) fn switch(&mut self, chosen: Chosen) {
        let old = self.session.doc.plan();
        let Some(new) = crate::switch::apply(old, &chosen.proposal, &chosen.decisions) else {
            self.dialog = Some(Dialog::Error(Message::words(
                "方案在打开此对话框后已改变，请重新选择“更换资金目录”。",
                "The plan changed after this dialog opened; choose Switch catalog again.",
            )));
            return;
        };
        let edit = crate::switch::edit(old, &new);
        // The dialog already said that switching breaks the seal.
        self.session.seal_warned = true;
        if self.session.doc.apply_with_catalog(edit, chosen.catalog) {
            self.screen = Screen::Sources;
        }
        self.dialog = None;
    }
}
