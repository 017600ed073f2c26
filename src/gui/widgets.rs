//! Editable cells shared by the panels: amounts and text, each with an
//! accessible name, the validator's mark, jump-to focus and Excel-like typing.

use egui::text::{CCursor, CCursorRange};
use egui::{Align, Id, Key, Response, Stroke, TextEdit, Ui};

use super::app::Action;
use super::document::Document;
use super::theme;
use crate::Lang;
use crate::money::{Money, Unit};

/// What every panel reads: the document and how to show it.
pub struct View<'a> {
    /// The open document.
    pub doc: &'a Document,
    /// Interface language.
    pub lang: Lang,
    /// Unit of amounts.
    pub unit: Unit,
    /// Path to focus this frame (a finding was clicked).
    pub jump: Option<&'a str>,
    /// Path to highlight (the last jump target).
    pub flash: Option<&'a str>,
    /// Selected project index on the projects screen.
    pub selected_project: Option<usize>,
    /// Review mode: inputs are shown but cannot be changed.
    pub read_only: bool,
}

impl View<'_> {
    /// `lang.pick`, shorter.
    pub fn t<'s>(&self, zh: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(zh, en)
    }
}

/// The widget id of the field at `path`: stable, so a finding can focus it.
pub fn field_id(path: &str) -> Id {
    Id::unique(("field", path))
}

/// Marks, flash and jump for the widget showing `path`; review comments on it
/// (a corner mark and their text on hover); right-click to add one.
pub fn decorate(ui: &Ui, view: &View<'_>, path: &str, resp: &Response, out: &mut Vec<Action>) {
    if view.doc.comments_on(path) > 0 {
        let r = resp.rect;
        let corner = [
            r.right_top(),
            r.right_top() + egui::vec2(-8.0, 0.0),
            r.right_top() + egui::vec2(0.0, 8.0),
        ];
        ui.painter().add(egui::Shape::convex_polygon(
            corner.to_vec(),
            theme::FLASH,
            Stroke::NONE,
        ));
        let texts: Vec<&str> = view
            .doc
            .plan()
            .review
            .iter()
            .flat_map(|r| &r.comments)
            .filter(|c| c.target == path)
            .map(|c| c.text.as_str())
            .collect();
        resp.clone().on_hover_text(format!(
            "{}\n{}",
            view.t("审核意见：", "Review comments:"),
            texts.join("\n")
        ));
    }
    // Read-only fields sense no clicks; give the right-click menu its own.
    let clickable = if view.read_only {
        ui.interact(
            resp.rect,
            resp.id.with("comment-menu"),
            egui::Sense::click(),
        )
    } else {
        resp.clone()
    };
    clickable.context_menu(|ui| {
        if ui
            .button(view.t("添加审核意见…", "Add a review comment…"))
            .clicked()
        {
            out.push(Action::Show(super::dialogs_ui::Dialog::comment(
                path.to_string(),
            )));
            ui.close();
        }
    });
    if let Some(sev) = view.doc.marks().get(path) {
        ui.painter().rect_stroke(
            resp.rect.expand(1.0),
            2.0,
            Stroke::new(1.5, theme::severity(*sev)),
            egui::StrokeKind::Outside,
        );
    }
    if view.flash == Some(path) {
        ui.painter().rect_stroke(
            resp.rect.expand(2.5),
            3.0,
            Stroke::new(2.5, theme::FLASH),
            egui::StrokeKind::Outside,
        );
    }
    if view.jump == Some(path) {
        resp.request_focus();
        resp.scroll_to_me(Some(Align::Center));
    }
}

/// What an amount cell reports back.
pub struct AmountCell {
    /// The amount the cell now stands for, when it differs from the plan's:
    /// the typed amount, or the amount it had when focused (the text turned
    /// invalid, or Escape).
    pub changed: Option<Money>,
    /// Enter was pressed to leave the cell (move down). The sources table
    /// moves with [`super::grid_walk`] instead; kept for other tables.
    #[allow(dead_code)]
    pub enter: bool,
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
    let pasted_block = focused && !view.read_only && paste_ui(ui, path, out);
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
            text: value.edit_string(view.unit),
            orig: value,
            focused: true,
        });
        t.focused = true;
        select_all(ui, id, t.text.chars().count());
    }
    let mut text = match &typed {
        Some(t) => t.text.clone(),
        None => value.display(view.unit, 2),
    };
    let was_invalid = typed
        .as_ref()
        .is_some_and(|t| Money::parse_in(&t.text, view.unit).is_err());
    let edit = TextEdit::singleline(&mut text)
        .id(id)
        .align(egui::Align2::RIGHT_CENTER)
        .desired_width(width)
        .text_color_opt(was_invalid.then_some(theme::OVER));
    let response = ui
        .add(edit.interactive(!view.read_only))
        .accessible_name(name);
    if let Some(t) = &mut typed {
        if focused && response.changed() {
            // Redraw at once: the colour and the sentence follow the text.
            ui.ctx().request_repaint();
            t.text = text;
            changed = match Money::parse_in(&t.text, view.unit) {
                Ok(m) => (m != value).then_some(m),
                Err(_) => (t.orig != value).then_some(t.orig),
            };
        }
        t.focused = focused && ui.memory(|m| m.has_focus(id));
    }
    let invalid = typed
        .as_ref()
        .is_some_and(|t| Money::parse_in(&t.text, view.unit).is_err());
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
    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    // After Escape the restoring edit (pushed by the caller) still belongs to
    // the typing step, which then undoes to nothing and is dropped.
    if response.lost_focus() && !escaped {
        out.push(Action::EndTyping);
    }
    AmountCell { changed, enter }
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
    if super::paste::is_block(&text) {
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
    let kept = t.orig.display(view.unit, 2);
    match view.lang {
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
        Stroke::new(2.0, theme::OVER),
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

/// An editable single-line text bound to the model; returns the new text when
/// it changed this frame.
pub fn text_ui(
    ui: &mut Ui,
    view: &View<'_>,
    path: &str,
    name: &str,
    value: &str,
    width: f32,
    out: &mut Vec<Action>,
) -> Option<String> {
    let mut text = value.to_string();
    let response = ui
        .add(
            TextEdit::singleline(&mut text)
                .id(field_id(path))
                .desired_width(width)
                .char_limit(crate::file::MAX_TEXT_CHARS)
                .interactive(!view.read_only),
        )
        .accessible_name(name);
    decorate(ui, view, path, &response, out);
    if response.lost_focus() {
        out.push(Action::EndTyping);
    }
    (response.changed() && text != value).then_some(text)
}

/// A multi-line text field (contents, targets).
pub fn multiline_ui(
    ui: &mut Ui,
    view: &View<'_>,
    path: &str,
    name: &str,
    value: &str,
    out: &mut Vec<Action>,
) -> Option<String> {
    let mut text = value.to_string();
    let response = ui
        .add(
            TextEdit::multiline(&mut text)
                .id(field_id(path))
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .char_limit(crate::file::MAX_TEXT_CHARS)
                .interactive(!view.read_only),
        )
        .accessible_name(name);
    decorate(ui, view, path, &response, out);
    if response.lost_focus() {
        out.push(Action::EndTyping);
    }
    (response.changed() && text != value).then_some(text)
}

fn select_all(ui: &Ui, id: Id, chars: usize) {
    // A cell that was never drawn has no state yet: make one.
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(0),
        CCursor::new(chars),
    )));
    state.store(ui.ctx(), id);
}

/// A drop-down list of `choices` showing `selected`, named `name` for screen
/// readers: opens by click, Space or Enter and shows every choice at once (no
/// scrolling that hides the last ones); while it has focus, Up and Down pick
/// the previous or next choice, open or closed, as a native list does.
/// Returns the choice made this frame.
#[allow(clippy::too_many_arguments)]
pub fn choice_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    selected: T,
    choices: &[T],
    label: impl Fn(T) -> String,
    width: f32,
) -> Option<T> {
    let mut picked = None;
    let combo = egui::ComboBox::from_id_salt(salt)
        .width(width)
        .height(f32::INFINITY)
        .selected_text(label(selected))
        .show_ui(ui, |ui| {
            for &c in choices {
                if ui.selectable_label(c == selected, label(c)).clicked() && c != selected {
                    picked = Some(c);
                }
            }
        });
    let response = combo.response;
    if response.has_focus() {
        // Up and Down change the choice instead of moving focus.
        let arrows = egui::EventFilter {
            vertical_arrows: true,
            ..Default::default()
        };
        ui.memory_mut(|m| m.set_focus_lock_filter(response.id, arrows));
        let step = ui.input_mut(|i| {
            if i.consume_key(egui::Modifiers::NONE, Key::ArrowDown) {
                1
            } else if i.consume_key(egui::Modifiers::NONE, Key::ArrowUp) {
                -1
            } else {
                0
            }
        });
        if let Some(at) = choices.iter().position(|c| *c == selected)
            && let Some(next) = at.checked_add_signed(step)
            && next != at
            && let Some(c) = choices.get(next)
        {
            picked = Some(*c);
        }
    }
    let _ = response.accessible_name(name);
    picked
}

/// A right-aligned amount label in `color` (or the default text colour);
/// should it ever not fit, it ends in "…" and shows in full on hover.
pub fn amount_label_ui(ui: &mut Ui, text: String, color: Option<egui::Color32>) -> Response {
    ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
        let rich = egui::RichText::new(text);
        ui.add(
            egui::Label::new(match color {
                Some(c) => rich.color(c),
                None => rich,
            })
            .truncate(),
        )
    })
    .inner
}

/// The width an amount column needs so that none of `amounts` (in the view's
/// unit, with separators) is cut off, and at least `min` (for its heading):
/// the widest formatted amount measured in the body font, plus a text
/// field's margins.
pub fn amount_width(
    ui: &Ui,
    view: &View<'_>,
    amounts: impl IntoIterator<Item = Money>,
    min: f32,
) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let widest = amounts
        .into_iter()
        .map(|m| {
            ui.painter()
                .layout_no_wrap(m.display(view.unit, 2), font.clone(), color)
                .size()
                .x
        })
        .fold(0.0_f32, f32::max);
    // A text field's inner margin both sides, and a little air.
    let margins = 2.0 * ui.spacing().button_padding.x + 8.0;
    (widest + margins).max(min).ceil()
}

/// A screen's heading with the unit amounts are shown in, e.g. 资金来源（单位：万元）.
pub fn heading_ui(ui: &mut Ui, view: &View<'_>, title: &str) {
    ui.heading(title);
    let unit = match view.lang {
        crate::Lang::Zh => format!("（单位：{}）", view.unit.label(view.lang)),
        crate::Lang::En => format!("(unit: {})", view.unit.label(view.lang)),
    };
    ui.label(egui::RichText::new(unit).weak());
}

/// The row's comment button: 批注, with the number of comments when there are any.
pub fn comment_button_ui(ui: &mut Ui, view: &View<'_>, path: &str, out: &mut Vec<Action>) {
    let n = view.doc.comments_on(path);
    let text = if n > 0 {
        egui::RichText::new(format!("{} {n}", view.t("批注", "Notes")))
            .color(theme::FLASH)
            .strong()
    } else {
        egui::RichText::new(view.t("批注", "Note")).weak()
    };
    let r = ui
        .small_button(text)
        .on_hover_text(view.t("查看或添加审核意见", "See or add review comments"))
        .accessible_name(if n > 0 {
            format!("{path} {} {n}", view.t("批注", "comments"))
        } else {
            format!("{path} {}", view.t("批注", "comments"))
        });
    if r.clicked() {
        out.push(Action::Show(super::dialogs_ui::Dialog::comment(
            path.to_string(),
        )));
    }
}
