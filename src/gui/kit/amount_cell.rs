//! The amount cell: an amount in the view's unit edited as text, with
//! select-all on focus, live changes while the text is valid, a red kept text
//! and a sentence while it is not, Escape to restore (focus stays), and pastes of spreadsheet
//! columns handed to [`crate::clipboard::cells`].

use egui::{Id, Key, Response, Stroke, TextEdit, Ui};

use crate::gui::kit::select::{resumes, select_all};
use crate::gui::kit::theme;
use crate::gui::kit::widgets::{decorate, field_id};
use crate::gui::state::action::Action;
use crate::gui::state::view::View;
use crate::money::Money;

/// What an amount cell reports back.
pub struct AmountCell {
    /// The amount the cell now stands for, when it differs from the plan's:
    /// the typed amount, or the amount it had when focused (the text turned
    /// invalid, or Escape).
    pub changed: Option<Money>,
}

/// An amount cell's text while it is edited, and after focus left it with a
/// text that is not an amount (kept, red, until corrected or Escape).
#[derive(Clone, Debug)]
struct Typed {
    text: String,
    /// The amount when the cell was focused: kept while the text is invalid,
    /// restored by Escape.
    orig: Money,
    /// The cell has focus (false: an invalid text left behind).
    focused: bool,
}

/// An editable amount in the view's unit: right-aligned, thousands separators
/// when not focused, the whole content selected on focus so typing replaces it.
/// The amount follows the text while it is valid; a text that is not an
/// amount keeps the amount the cell had when focused, is shown red as typed
/// (also after focus leaves) and says why; Escape restores that amount.
pub fn amount_ui(
    ui: &mut Ui,
    view: &View<'_>,
    path: &str,
    name: &str,
    value: Money,
    width: f32,
    out: &mut Vec<Action>,
) -> AmountCell {
    let id = field_id(path);
    let buf_id = id.with("typed");
    let focused = ui.memory(|m| m.has_focus(id));
    let mut typed: Option<Typed> = ui.data(|d| d.get_temp(buf_id));
    let mut changed = None;
    let pasted_block = focused && !view.read_only() && paste_ui(ui, path, out);
    if pasted_block {
        // The cell shows the pasted amount from the next frame on.
        typed = None;
    }
    // egui drops focus on Escape when the frame begins.
    let escaped = !focused
        && ui.memory(|m| m.had_focus_last_frame(id))
        && ui.input(|i| i.key_pressed(Key::Escape));
    let end_id = id.with("end-typing");
    if ui.data_mut(|d| d.remove_temp::<bool>(end_id)).is_some() {
        out.push(Action::EndTyping);
    }
    if escaped {
        // Escape restores, it does not leave: the next Tab goes on from here.
        ui.memory_mut(|m| m.request_focus(id));
    }
    if escaped && let Some(t) = typed.take() {
        changed = (t.orig != value).then_some(t.orig);
        ui.data_mut(|d| {
            d.remove::<Typed>(buf_id);
            // The typing step ends next frame, after the restoring edit.
            d.insert_temp(end_id, true);
        });
    }
    // However focus arrived (click, Tab, Enter, a finding, a screen reader),
    // the first focused frame selects everything, so typing replaces it.
    if focused && !pasted_block && !typed.as_ref().is_some_and(|t| t.focused) {
        let t = typed.get_or_insert_with(|| Typed {
            text: value.edit_string(view.unit()),
            orig: value,
            focused: true,
        });
        t.focused = true;
        if !resumes(ui, id) {
            select_all(ui, id, t.text.chars().count());
        }
    }
    let mut text = match &typed {
        Some(t) => t.text.clone(),
        None => value.display(view.unit(), 2),
    };
    let was_invalid = typed
        .as_ref()
        .is_some_and(|t| Money::parse_in(&t.text, view.unit()).is_err());
    let edit = TextEdit::singleline(&mut text)
        .id(id)
        .align(egui::Align2::RIGHT_CENTER)
        .desired_width(width)
        .text_color_opt(was_invalid.then_some(theme::palette(ui).over));
    let response = ui
        .add(edit.interactive(!view.read_only()))
        .accessible_name(name);
    if let Some(t) = &mut typed {
        if focused && response.changed() {
            // Redraw at once: the colour and the sentence follow the text.
            ui.ctx().request_repaint();
            t.text = text;
            changed = match Money::parse_in(&t.text, view.unit()) {
                Ok(m) => (m != value).then_some(m),
                Err(_) => (t.orig != value).then_some(t.orig),
            };
        }
        t.focused = focused && ui.memory(|m| m.has_focus(id));
    }
    let invalid = typed
        .as_ref()
        .is_some_and(|t| Money::parse_in(&t.text, view.unit()).is_err());
    match &typed {
        Some(t) if t.focused || invalid => {
            ui.data_mut(|d| d.insert_temp(buf_id, t.clone()));
        }
        _ => ui.data_mut(|d| {
            d.remove::<Typed>(buf_id);
        }),
    }
    let response = if invalid && let Some(t) = &typed {
        invalid_mark_ui(ui, view, path, name, t, &response)
    } else {
        response
    };
    decorate(ui, view, path, &response, out);
    // After Escape the restoring edit (pushed by the caller) still belongs to
    // the typing step, which then undoes to nothing and is dropped.
    if response.lost_focus() && !escaped {
        out.push(Action::EndTyping);
    }
    AmountCell { changed }
}

/// Makes the amount cell `id` (if it is one) forget the text typed into it:
/// it shows the plan's amount again, selected when it has focus. For undo and
/// redo, which change the amount under a focused cell.
pub fn forget_typing(ctx: &egui::Context, id: Id) {
    ctx.data_mut(|d| d.remove::<Typed>(id.with("typed")));
}

/// Takes a paste of several cells (a column or block copied from a
/// spreadsheet) away from the cell's text field and asks for it to fill the
/// cells from `path` on; returns true then. A single pasted cell loses the
/// line break spreadsheets add and goes into the field as typed text.
fn paste_ui(ui: &Ui, path: &str, out: &mut Vec<Action>) -> bool {
    let pasted = ui.input(|i| {
        i.events.iter().find_map(|e| match e {
            egui::Event::Paste(s) => Some(s.clone()),
            _ => None,
        })
    });
    let Some(text) = pasted else { return false };
    if crate::clipboard::cells::is_block(&text) {
        ui.input_mut(|i| i.events.retain(|e| !matches!(e, egui::Event::Paste(_))));
        out.push(Action::Paste {
            path: path.to_string(),
            text,
        });
        return true;
    }
    ui.input_mut(|i| {
        for e in &mut i.events {
            if let egui::Event::Paste(s) = e {
                *s = s.trim().to_string();
            }
        }
    });
    false
}

/// Why an amount cell is red, as a sentence: for its hover text and the status bar.
fn invalid_sentence(view: &View<'_>, name: &str, t: &Typed) -> String {
    let kept = t.orig.display(view.unit(), 2);
    match view.lang() {
        crate::Lang::Zh => format!(
            "{name}：“{}”不是有效金额，金额仍为 {kept}。请改正，或按 Esc 恢复。",
            t.text
        ),
        crate::Lang::En => format!(
            "{name}: \"{}\" is not an amount; it stays {kept}. Correct it, or press Escape to restore it.",
            t.text
        ),
    }
}

/// Draws the red mark of an invalid amount text, with the sentence on hover,
/// and lists the sentence for the status bar.
fn invalid_mark_ui(
    ui: &Ui,
    view: &View<'_>,
    path: &str,
    name: &str,
    t: &Typed,
    response: &Response,
) -> Response {
    ui.painter().rect_stroke(
        response.rect.expand(1.0),
        2.0,
        Stroke::new(2.0, theme::palette(ui).over),
        egui::StrokeKind::Outside,
    );
    let sentence = invalid_sentence(view, name, t);
    ui.ctx().data_mut(|d| {
        d.get_temp_mut_or_default::<InvalidCells>(Id::unique(INVALID_CELLS))
            .0
            .insert(path.to_string(), sentence.clone());
    });
    response.clone().on_hover_text(sentence)
}

const INVALID_CELLS: &str = "invalid-amount-cells";

/// Sentences for the amount cells that hold a text that is not an amount.
#[derive(Clone, Default)]
struct InvalidCells(std::collections::BTreeMap<String, String>);

/// The sentence for the first amount cell holding a text that is not an
/// amount, and how many such cells there are (for the status bar). Cells
/// forget their entry when corrected, so it is cleared here each frame and
/// filled again by the cells drawn.
pub fn take_invalid_cells(ctx: &egui::Context) -> Option<(String, usize)> {
    let cells = ctx.data_mut(|d| d.remove_temp::<InvalidCells>(Id::unique(INVALID_CELLS)))?;
    let n = cells.0.len();
    cells.0.into_values().next().map(|s| (s, n))
}
