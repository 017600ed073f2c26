//! Editable cells shared by the panels: amounts and text, each with an
//! accessible name, the validator's mark, jump-to focus and Excel-like typing.

use egui::{Align, Response, Stroke, TextEdit, Ui};

use crate::gui::kit::theme;
use crate::gui::state::action::Action;
use crate::gui::state::view::View;
use crate::money::Money;

pub use crate::gui::state::field::field_id;

/// Marks, flash and jump for the widget showing `path`; review comments on it
/// (a corner mark and their text on hover); right-click to add one.
pub fn decorate(ui: &Ui, view: &View<'_>, path: &str, resp: &Response, out: &mut Vec<Action>) {
    decorate_text(ui, view, path, resp, None, out);
}

/// [`decorate`] for a text field showing `full`: in review mode the whole
/// text is also shown on hover, since a read-only cell cannot be scrolled.
pub fn decorate_text(
    ui: &Ui,
    view: &View<'_>,
    path: &str,
    resp: &Response,
    full: Option<&str>,
    out: &mut Vec<Action>,
) {
    let mut hover = Vec::new();
    if let Some(text) = full.filter(|t| view.read_only() && !t.trim().is_empty()) {
        hover.push(text.to_string());
    }
    if view.doc.comments_on(path) > 0 {
        let r = resp.rect;
        let corner = [
            r.right_top(),
            r.right_top() + egui::vec2(-8.0, 0.0),
            r.right_top() + egui::vec2(0.0, 8.0),
        ];
        ui.painter().add(egui::Shape::convex_polygon(
            corner.to_vec(),
            theme::palette(ui).flash,
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
        hover.push(format!(
            "{}\n{}",
            view.t("审核意见：", "Review comments:"),
            texts.join("\n")
        ));
    }
    // Read-only fields sense no clicks; give the right-click menu its own
    // widget, which then is what the pointer hovers: the tooltip goes there.
    let clickable = if view.read_only() {
        ui.interact(
            resp.rect,
            resp.id.with("comment-menu"),
            egui::Sense::click(),
        )
    } else {
        resp.clone()
    };
    let clickable = if hover.is_empty() {
        clickable
    } else {
        clickable.on_hover_text(hover.join("\n\n"))
    };
    // The menu gets its own popup id: the default one (`id.with("popup")`) is
    // the one a ComboBox opens its list with, and a context menu on the same
    // response closed that list on every click.
    let menu = egui::Popup::context_menu(&clickable).id(clickable.id.with("comment-menu"));
    menu.show(|ui| {
        if ui
            .button(view.t("添加审核意见…", "Add a review comment…"))
            .clicked()
        {
            out.push(Action::Show(crate::gui::state::dialog::Dialog::comment(
                path.to_string(),
            )));
            ui.close();
        }
    });
    if let Some(sev) = view.doc.marks().get(path) {
        ui.painter().rect_stroke(
            resp.rect.expand(1.0),
            2.0,
            Stroke::new(1.5, theme::palette(ui).severity(*sev)),
            egui::StrokeKind::Outside,
        );
    }
    if view.flash == Some(path) {
        ui.painter().rect_stroke(
            resp.rect.expand(2.5),
            3.0,
            Stroke::new(2.5, theme::palette(ui).flash),
            egui::StrokeKind::Outside,
        );
    }
    if view.jump == Some(path) {
        resp.request_focus();
        resp.scroll_to_me(Some(Align::Center));
        out.push(Action::Jumped);
    }
}

pub use crate::gui::kit::amount_cell::{amount_ui, take_invalid_cells};

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
    let id = field_id(path);
    // Not being typed in, a text wider than its cell ends in "…" (never a
    // silent cut); with focus it is laid out whole, so the cursor walks it.
    let margin = egui::Margin::symmetric(4, 2);
    let room = width - f32::from(margin.left + margin.right);
    let mut elide = |ui: &Ui, buf: &dyn egui::TextBuffer, _wrap: f32| {
        let mut job = egui::text::LayoutJob::simple_singleline(
            buf.as_str().to_string(),
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().widgets.inactive.text_color(),
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(room);
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let mut edit = TextEdit::singleline(&mut text)
        .id(id)
        .margin(margin)
        .desired_width(width)
        .char_limit(crate::file::MAX_TEXT_CHARS)
        .interactive(!view.read_only());
    if !ui.memory(|m| m.has_focus(id)) {
        edit = edit.layouter(&mut elide);
    }
    let response = ui.add(edit).accessible_name(name);
    crate::gui::kit::select::select_on_keyboard_focus(ui, &response, &text);
    // A text wider than its cell shows in full on hover.
    // (In review mode decorate_text puts the whole text on the overlay.)
    let response = if !view.read_only()
        && !response.has_focus()
        && text_width(ui, value, egui::TextStyle::Body) > response.rect.width() - 8.0
    {
        response.on_hover_text(value)
    } else {
        response
    };
    decorate_text(ui, view, path, &response, Some(value), out);
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
                .interactive(!view.read_only()),
        )
        .accessible_name(name);
    decorate_text(ui, view, path, &response, Some(value), out);
    if response.lost_focus() {
        out.push(Action::EndTyping);
    }
    (response.changed() && text != value).then_some(text)
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

/// The width of `text` on one line in the text style `style`.
pub fn text_width(ui: &Ui, text: &str, style: egui::TextStyle) -> f32 {
    let font = style.resolve(ui.style());
    ui.painter()
        .layout_no_wrap(text.to_string(), font, ui.visuals().text_color())
        .size()
        .x
}

/// The width an amount column needs so that none of `amounts` (in the view's
/// unit, with separators) is cut off, and at least `min` (for its heading).
///
/// Only the largest and the most negative amount are formatted (plans have up
/// to 100,000 projects), with every digit measured as the widest one, plus a
/// text field's margins.
pub fn amount_width(
    ui: &Ui,
    view: &View<'_>,
    amounts: impl IntoIterator<Item = Money>,
    min: f32,
) -> f32 {
    let (low, high) = amounts
        .into_iter()
        .fold((Money::ZERO, Money::ZERO), |(lo, hi), m| {
            (lo.min(m), hi.max(m))
        });
    let longest = [low, high]
        .map(|m| m.display(view.unit(), 2))
        .into_iter()
        .max_by_key(|t| t.chars().count())
        .unwrap_or_default()
        .replace(|c: char| c.is_ascii_digit(), "8");
    let widest = text_width(ui, &longest, egui::TextStyle::Body);
    // A text field's inner margin both sides, and a little air.
    let margins = 2.0 * ui.spacing().button_padding.x + 8.0;
    (widest + margins).max(min).ceil()
}

/// A screen's heading with the unit amounts are shown in, e.g. 资金来源（单位：万元）.
pub fn heading_ui(ui: &mut Ui, view: &View<'_>, title: &str) {
    ui.heading(title);
    let unit = match view.lang() {
        crate::Lang::Zh => format!("（单位：{}）", view.unit().label(view.lang())),
        crate::Lang::En => format!("(unit: {})", view.unit().label(view.lang())),
    };
    ui.label(egui::RichText::new(unit).weak());
}

/// The row's comment button: 批注, with the number of comments when there are any.
pub fn comment_button_ui(ui: &mut Ui, view: &View<'_>, path: &str, out: &mut Vec<Action>) {
    let n = view.doc.comments_on(path);
    let colour = theme::comment_button_text(ui.visuals(), n);
    let text = if n > 0 {
        egui::RichText::new(format!("{} {n}", view.t("批注", "Notes")))
            .color(colour)
            .strong()
    } else {
        egui::RichText::new(view.t("批注", "Note")).color(colour)
    };
    let r = ui
        .small_button(text)
        .on_hover_text(view.t("查看或添加审核意见", "See or add review comments"))
        .accessible_name({
            // "C03 批注 2": the row in words, never the raw path (issue 13).
            let row = crate::gui::kit::targets::short(view.doc.plan(), path, view.lang());
            if n > 0 {
                format!("{row} {} {n}", view.t("批注", "comments"))
            } else {
                format!("{row} {}", view.t("批注", "comments"))
            }
        });
    if r.clicked() {
        out.push(Action::Show(crate::gui::state::dialog::Dialog::comment(
            path.to_string(),
        )));
    }
}
