//! A screen's first control, for screens whose first input has no fixed id
//! (a button, the first finding): arriving by key (Ctrl+N) focuses it, so
//! Enter or Tab go on from there rather than from the menu bar.

use egui::{Context, Id, Response, Ui};

fn key() -> Id {
    Id::unique("screen-first-input")
}

/// Marks `response` as the screen's first control this frame.
pub fn mark(ui: &Ui, response: &Response) {
    let id = Some(response.id);
    ui.data_mut(|d| d.insert_temp(key(), id));
}

/// The control the screen drawn this frame marked first, if any; forgets it,
/// so a screen that marks none leaves none.
pub fn take(ctx: &Context) -> Option<Id> {
    ctx.data_mut(|d| d.remove_temp::<Option<Id>>(key()))
        .flatten()
}
