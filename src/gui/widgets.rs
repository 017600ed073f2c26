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

/// Marks, flash and jump for the widget showing `path`.
pub fn decorate(ui: &Ui, view: &View<'_>, path: &str, resp: &Response) {
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
    /// A new valid amount typed this frame.
    pub changed: Option<Money>,
    /// Enter was pressed to leave the cell (move down).
    pub enter: bool,
}

/// An editable amount in the view's unit: right-aligned, thousands separators
/// when not focused, the whole content selected on focus so typing replaces it,
/// red while the text is not an amount (and nothing is applied then).
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
    let typed = if focused {
        ui.data(|d| d.get_temp::<String>(buf_id))
    } else {
        ui.data_mut(|d| d.remove::<String>(buf_id));
        None
    };
    // However focus arrived (click, Tab, a finding, a screen reader), the first
    // focused frame selects everything, so typing replaces the amount.
    let first_focused_frame = focused && typed.is_none();
    let mut text = match typed {
        Some(t) => t,
        None if focused => value.edit_string(view.unit),
        None => value.display(view.unit, 2),
    };
    if first_focused_frame {
        select_all(ui, id, text.chars().count());
    }
    let invalid = focused && Money::parse_in(&text, view.unit).is_err();
    let edit = TextEdit::singleline(&mut text)
        .id(id)
        .align(egui::Align2::RIGHT_CENTER)
        .desired_width(width)
        .text_color_opt(invalid.then_some(theme::OVER));
    let response = ui.add(edit).accessible_name(name);
    let mut changed = None;
    if response.changed()
        && let Ok(m) = Money::parse_in(&text, view.unit)
        && m != value
    {
        changed = Some(m);
    }
    if focused {
        ui.data_mut(|d| d.insert_temp(buf_id, text));
    }
    if invalid {
        ui.painter().rect_stroke(
            response.rect.expand(1.0),
            2.0,
            Stroke::new(2.0, theme::OVER),
            egui::StrokeKind::Outside,
        );
        response.clone().on_hover_text(view.t(
            "不是有效金额，未修改",
            "Not a valid amount; nothing changed",
        ));
    }
    decorate(ui, view, path, &response);
    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if response.lost_focus() {
        out.push(Action::EndTyping);
    }
    AmountCell { changed, enter }
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
                .desired_width(width),
        )
        .accessible_name(name);
    decorate(ui, view, path, &response);
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
                .desired_width(f32::INFINITY),
        )
        .accessible_name(name);
    decorate(ui, view, path, &response);
    if response.lost_focus() {
        out.push(Action::EndTyping);
    }
    (response.changed() && text != value).then_some(text)
}

fn select_all(ui: &Ui, id: Id, chars: usize) {
    if let Some(mut state) = egui::text_edit::TextEditState::load(ui.ctx(), id) {
        state.cursor.set_char_range(Some(CCursorRange::two(
            CCursor::new(0),
            CCursor::new(chars),
        )));
        state.store(ui.ctx(), id);
    }
}

/// A right-aligned amount label in `color` (or the default text colour).
pub fn amount_label_ui(ui: &mut Ui, text: String, color: Option<egui::Color32>) -> Response {
    ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
        let rich = egui::RichText::new(text);
        ui.label(match color {
            Some(c) => rich.color(c),
            None => rich,
        })
    })
    .inner
}

/// A screen's heading with the unit amounts are shown in, e.g. 资金来源（单位：万元）.
pub fn heading_ui(ui: &mut Ui, view: &View<'_>, title: &str) {
    ui.heading(title);
    let unit = format!(
        "（{}{}）",
        view.t("单位：", "unit: "),
        view.unit.label(view.lang)
    );
    ui.label(egui::RichText::new(unit).weak());
}
