//! A text field of the catalog draft: its own accessible name, the draft's
//! text, and Escape putting back what the field held when it was focused.

use egui::{Id, Key, TextEdit, Ui};

use crate::gui::kit::select::select_on_keyboard_focus;

/// Longest text a catalog field takes (a note may be a paragraph).
const MAX_CHARS: usize = 2_000;

/// How a field is laid out.
#[derive(Clone, Copy)]
pub(super) enum Shape {
    /// One line of this width.
    Line(f32),
    /// Wrapping text of this width, growing downward; Enter adds no line
    /// (names are one line in every table).
    Wrap(f32),
    /// Lines of their own (keywords, the note), `rows` high at first.
    Lines(f32, usize),
}

/// Draws the field `id` named `name` showing `value`; returns the new text
/// when it was typed, or the text from before focus when Escape left it.
pub(super) fn field_ui(
    ui: &mut Ui,
    id: Id,
    name: &str,
    value: &str,
    shape: Shape,
) -> Option<String> {
    let mut text = value.to_string();
    let edit = match shape {
        Shape::Line(w) => TextEdit::singleline(&mut text).desired_width(w),
        Shape::Wrap(w) => TextEdit::multiline(&mut text)
            .desired_rows(1)
            .desired_width(w)
            .return_key(None),
        Shape::Lines(w, rows) => TextEdit::multiline(&mut text)
            .desired_rows(rows)
            .desired_width(w),
    };
    let width = match shape {
        Shape::Line(w) | Shape::Wrap(w) | Shape::Lines(w, _) => w,
    };
    // A grid cell is only as wide as its column was last frame: claim the
    // width, so that a wrapping name wraps at it and not at every character.
    let response = ui
        .vertical(|ui| {
            ui.set_min_width(width);
            ui.add(edit.id(id).char_limit(MAX_CHARS))
        })
        .inner
        .accessible_name(name);
    if !matches!(shape, Shape::Lines(..)) {
        select_on_keyboard_focus(ui, &response, &text);
    }
    let before = id.with("before-focus");
    if response.gained_focus() {
        ui.data_mut(|d| d.insert_temp(before, value.to_string()));
    }
    if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
        let old: Option<String> = ui.data_mut(|d| d.remove_temp(before));
        return old.filter(|old| old != value);
    }
    (response.changed() && text != value).then_some(text)
}
