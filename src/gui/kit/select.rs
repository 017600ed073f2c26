//! Selecting a text field's whole content, so that typing replaces it, as a
//! spreadsheet cell does when it is reached by keyboard.

use egui::text::{CCursor, CCursorRange};
use egui::{Id, Response, Ui};

/// Selects the first `chars` characters (all of them) of the text field `id`.
pub fn select_all(ui: &Ui, id: Id, chars: usize) {
    // A field that was never drawn has no state yet: make one.
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(0),
        CCursor::new(chars),
    )));
    state.store(ui.ctx(), id);
}

/// For every single-line text field, after adding it: when it just got
/// focus by keyboard (Tab, Enter, a Ctrl+N shortcut, a finding's jump), its
/// whole `text` is selected, so typing replaces a prefilled value instead of
/// appending to it ("红格尔苏木乌兰花镇"). A click places the cursor as usual.
pub fn select_on_keyboard_focus(ui: &Ui, response: &Response, text: &str) {
    if !response.gained_focus() || resumes(ui, response.id) {
        return;
    }
    // A click focuses in the frame of its press or of its release.
    let by_pointer =
        ui.input(|i| i.pointer.any_pressed() || i.pointer.any_released() || i.pointer.any_down());
    if !by_pointer {
        select_all(ui, response.id, text.chars().count());
    }
}

fn resume_id() -> Id {
    Id::unique("resume-typing")
}

/// The text field `id` gets focus back to go on typing (a box that
/// interrupted it closed): the next time it gains focus, it keeps its cursor
/// instead of selecting everything, so "1", the box, "3" make "13".
pub fn resume_typing(ctx: &egui::Context, id: Id) {
    ctx.data_mut(|d| d.insert_temp(resume_id(), id));
}

/// True (once) when the field `id` gains focus to go on typing
/// ([`resume_typing`]): it must not select its text.
pub fn resumes(ui: &Ui, id: Id) -> bool {
    let resume = ui.data_mut(|d| d.get_temp::<Id>(resume_id())) == Some(id);
    if resume {
        ui.data_mut(|d| d.remove::<Id>(resume_id()));
    }
    resume
}

/// The text field marked to go on typing ([`resume_typing`]), if any.
#[cfg(test)]
pub fn resuming(ctx: &egui::Context) -> Option<Id> {
    ctx.data(|d| d.get_temp::<Id>(resume_id()))
}

/// Drops the mark of [`resume_typing`]: the field it was for did not take
/// focus in time (the screen changed, or it is no longer drawn), and a
/// later Tab into it must select its text as usual.
pub fn forget_resume(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove::<Id>(resume_id()));
}
