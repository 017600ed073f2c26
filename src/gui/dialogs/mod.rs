//! Modal dialogs: errors, unsaved changes, submission refused, new plan,
//! catalog switch, about, and the built-in path dialog.

use std::path::{Path, PathBuf};

mod about;
mod catalog_id;
mod comment;
mod new_plan;
mod path;
mod questions;
mod switch;

use about::about_ui;
use catalog_id::catalog_id_ui;
use comment::comment_ui;
pub use new_plan::code_field_id as new_plan_first_field_id;
use new_plan::new_plan_ui;
use path::path_ui;
pub use questions::disk_changed_ui;
use questions::{
    changed_on_disk_ui, confirm_submit_ui, confirm_unlock_ui, recover_ui, submit_refused_ui,
    unsaved_ui,
};
use switch::switch_ui;

use egui::{Grid, Id, Modal, RichText, Ui};

use crate::catalog;
use crate::gui::kit::select::select_on_keyboard_focus;
use crate::gui::kit::theme;
use crate::gui::state::action::Action;
use crate::gui::state::commands::UiCommand;
use crate::gui::state::dialog::{Chosen, Dialog, NewPlanForm, Pending, SwitchForm};
use crate::gui::state::view::View;
use crate::plan::CountyKind;
use crate::validate::league_of;

/// Draws `dialog` as a modal.
pub fn dialog_ui(ui: &mut Ui, view: &View<'_>, dialog: &mut Dialog, out: &mut Vec<Action>) {
    let ctx = ui.ctx().clone();
    let id = Id::unique("dialog");
    let mut modal = Modal::new(id);
    if matches!(dialog, Dialog::Path(_)) {
        // Its top stays put while lines below come and go (a problem, the
        // question before replacing), so a second click of a double-click
        // lands where the first did.
        modal = modal
            .area(Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 48.0)));
    }
    let response = modal.show(&ctx, |ui| {
        ui.set_max_width(560.0);
        match dialog {
            Dialog::Error(msg) => {
                error_ui(ui, view, msg);
                ok_ui(ui, view, out);
            }
            Dialog::Info(msg) => {
                message_ui(ui, &msg.text(view.lang()));
                ok_ui(ui, view, out);
            }
            Dialog::Unsaved(pending) => unsaved_ui(ui, view, pending, out),
            Dialog::SubmitRefused(errors) => submit_refused_ui(ui, view, errors, out),
            Dialog::New(form) => new_plan_ui(ui, view, form, out),
            Dialog::About => about_ui(ui, view, out),
            Dialog::Comment {
                target,
                text,
                reviewer,
                focus,
            } => comment_ui(ui, view, target, (text, reviewer, focus), out),
            Dialog::Recover(found, said) => {
                if let Some(msg) = said {
                    error_ui(ui, view, msg);
                    ui.separator();
                }
                recover_ui(ui, view, &found.file, &found.at, out)
            }
            Dialog::ChangedOnDisk(path, then) => changed_on_disk_ui(ui, view, path, then, out),
            Dialog::ConfirmSubmit => confirm_submit_ui(ui, view, out),
            Dialog::ConfirmUnlock => confirm_unlock_ui(ui, view, out),
            Dialog::Path(form) => path_ui(ui, view, form, out),
            Dialog::Switch(form) => switch_ui(ui, view, form, out),
            Dialog::CatalogId(id) => catalog_id_ui(ui, view, id, out),
        }
    });
    if response.should_close()
        && !matches!(
            dialog,
            Dialog::New(_)
                | Dialog::Unsaved(_)
                | Dialog::Comment { .. }
                | Dialog::Recover(..)
                | Dialog::ChangedOnDisk(..)
                // Escape is its own (it first leaves the question before replacing).
                | Dialog::Path(_)
        )
    {
        out.push(Action::CloseDialog);
    }
}

/// 出错了, and what went wrong.
fn error_ui(ui: &mut Ui, view: &View<'_>, msg: &crate::gui::state::dialog::Message) {
    ui.heading(
        RichText::new(view.t("出错了", "Something went wrong")).color(theme::palette(ui).over),
    );
    message_ui(ui, &msg.text(view.lang()));
}

/// 确定, and the language switch: the menu bar's is behind the modal, and a
/// message is said again in the language chosen. Enter is 确定 (Escape
/// closes every modal), unless the language switch has the focus: then
/// Enter presses that.
fn ok_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    ui.add_space(8.0);
    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        let ok = ui.button(view.t("确定", "OK"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let toggle = UiCommand::ToggleLanguage;
            let switch = ui.small_button(toggle.label(view.lang()));
            if switch.clicked() {
                out.push(Action::Command(toggle));
            } else if ok.clicked() || (enter && !switch.has_focus()) {
                out.push(Action::CloseDialog);
            }
        });
    });
}

/// A message of any length: it scrolls instead of growing the dialog past the
/// window (an import can list hundreds of problems), and the OK button stays
/// in view.
fn message_ui(ui: &mut egui::Ui, msg: &str) {
    let room = (ui.ctx().content_rect().height() * 0.6).max(120.0);
    egui::ScrollArea::vertical()
        .max_height(room)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.label(msg);
        });
}
