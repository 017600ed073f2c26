//! The project's funding entries and the ＋ 添加资金来源… picker, made for
//! the keyboard: type a code, Enter, the amount, Tab.

use egui::text::{CCursor, CCursorRange};
use egui::text_edit::TextEditState;
use egui::{Align, Id, Layout, Popup, RichText, TextEdit, Ui};

use super::set;
use crate::edit::Edit;
use crate::gui::kit::choice;
use crate::gui::kit::grid_walk::{self, GridRow};
use crate::gui::kit::theme;
use crate::gui::kit::widgets::{
    amount_label_ui, amount_ui, amount_width, decorate, field_id, text_width,
};
use crate::gui::state::action::Action;
use crate::gui::state::view::View;
use crate::money::Money;
use crate::plan::{Funding, Project, Source, path};

/// Width of the line column at most and at least; longer names end in "…"
/// (full text on hover). Between the two it takes what the row leaves free.
const LINE_WIDTH: std::ops::RangeInclusive<f32> = 96.0..=320.0;

/// What is left to arrange on a line.
fn remaining(view: &View<'_>, line: &str) -> Money {
    let plan = view.doc.plan();
    plan.source(line).map_or(Money::ZERO, |s| s.integrated)
        - view.doc.report().totals.arranged_from(line)
}

/// A line's code and name, cut with "…" to the column, in full on hover.
fn line_label_ui(ui: &mut Ui, line: &str, name: &str, width: f32) {
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, Layout::left_to_right(Align::Center), |ui| {
        ui.set_min_width(width);
        // Elided text shows in full on hover.
        ui.add(egui::Label::new(format!("{line}  {name}")).truncate());
    });
}

/// The entries of project `i` and the picker to add one.
pub fn funding_ui(ui: &mut Ui, view: &View<'_>, i: usize, p: &Project, out: &mut Vec<Action>) {
    let plan = view.doc.plan();
    let id = p.id.as_str();
    let amounts = plan.sources.iter().map(|s| s.integrated);
    let width = amount_width(
        ui,
        view,
        amounts.chain(
            plan.projects
                .iter()
                .flat_map(|p| p.funding.iter().map(|f| f.amount)),
        ),
        80.0,
    );
    ui.horizontal(|ui| {
        ui.strong(view.t("资金安排", "Funding"));
        let r = ui.label(format!(
            "{} {}",
            view.t("合计", "Total"),
            p.integrated_total().display(view.unit(), 2)
        ));
        decorate(ui, view, &path::project(id, Some("funding")), &r, out);
    });
    // Enter goes down to the next entry's amount, as in 资金来源; the cells'
    // own scroll_to_me keeps the row on screen.
    let rows: Vec<GridRow> = p
        .funding
        .iter()
        .enumerate()
        .map(|(k, f)| GridRow {
            table_row: k,
            cells: vec![Some(field_id(&path::funding(id, &f.line)))],
        })
        .collect();
    let walk = grid_walk::walk(ui, Id::unique(("funding-walk", id)), &rows, None);
    let gap = 10.0;
    let rest_text = view.t("安排剩余", "Arrange the rest");
    // The buttons and amounts fixed, the line's name takes the rest of the row.
    let fixed = text_width(ui, "×", egui::TextStyle::Button)
        + text_width(ui, rest_text, egui::TextStyle::Button)
        + 4.0 * ui.spacing().button_padding.x
        + 2.0 * width
        + 5.0 * gap
        + ui.spacing().scroll.bar_width;
    let line_w = (ui.available_width() - fixed).clamp(*LINE_WIDTH.start(), *LINE_WIDTH.end());
    // Seen as 资金 · 安排金额 · 该资金待安排 · 安排剩余 · ×, but the buttons
    // are drawn after the amounts and the picker: Tab from an entry's amount
    // goes straight to the next entry's ("500", Tab, "300", Tab fills two
    // entries; the next entry's × used to take the "300", and Enter there
    // deleted it), from the last to the picker, and on to the buttons, so
    // every one is still reached by Tab.
    let rest_size = egui::vec2(
        text_width(ui, rest_text, egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.x,
        ui.spacing().interact_size.y,
    );
    let remove_size = egui::vec2(
        text_width(ui, "×", egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.x,
        ui.spacing().interact_size.y,
    );
    let mut buttons = Vec::with_capacity(p.funding.len());
    egui::Grid::new("funding")
        .num_columns(5)
        .striped(true)
        .spacing([gap, 6.0])
        .show(ui, |ui| {
            ui.strong(view.t("资金", "Line"));
            ui.strong(view.t("安排金额", "Amount"));
            ui.strong(view.t("该资金待安排", "Left on line"));
            ui.label("");
            ui.label("");
            ui.end_row();
            for (k, f) in p.funding.iter().enumerate() {
                let name = plan.source(&f.line).map_or("", |s| view.line_name(s));
                line_label_ui(ui, &f.line, name, line_w);
                let f_path = path::funding(id, &f.line);
                let rest = remaining(view, &f.line);
                let name = format!("{id} {} {}", f.line, view.t("安排金额", "amount"));
                // A grid cell is only as wide as its column was last frame:
                // allocate the width, so the column grows to fit the amount.
                let size = egui::vec2(width, ui.spacing().interact_size.y);
                let cell = ui
                    .allocate_ui(size, |ui| {
                        amount_ui(ui, view, &f_path, &name, f.amount, width, out)
                    })
                    .inner;
                // Tab moved here: keep the row on screen.
                if let Some(r) = ui.ctx().read_response(field_id(&f_path))
                    && r.gained_focus()
                {
                    r.scroll_to_me(None);
                }
                if let Some(m) = cell.changed {
                    let mut next = p.clone();
                    if let Some(entry) = next.funding.get_mut(k) {
                        entry.amount = m;
                        set(out, i, next, f_path.clone());
                    }
                }
                ui.allocate_ui(egui::vec2(width, ui.spacing().interact_size.y), |ui| {
                    amount_label_ui(
                        ui,
                        rest.display(view.unit(), 2),
                        Some(theme::palette(ui).remaining(rest)),
                    );
                });
                let (rest_at, _) = ui.allocate_exact_size(rest_size, egui::Sense::hover());
                let (remove_at, _) = ui.allocate_exact_size(remove_size, egui::Sense::hover());
                buttons.push(EntryButtons {
                    k,
                    rest: rest_at,
                    remove: remove_at,
                });
                ui.end_row();
            }
        });
    grid_walk::finish(ui, &walk);
    ui.add_space(4.0);
    if !view.read_only() {
        add_funding_ui(ui, view, i, p, out);
    }
    for b in &buttons {
        entry_buttons_ui(ui, view, i, p, b, out);
    }
}

/// Where an entry's 安排剩余 and × go: cells kept in its row, filled after
/// the picker (see [`funding_ui`]).
struct EntryButtons {
    k: usize,
    rest: egui::Rect,
    remove: egui::Rect,
}

/// The 安排剩余 and × of entry `b.k`, in the cells kept for them.
fn entry_buttons_ui(
    ui: &mut Ui,
    view: &View<'_>,
    i: usize,
    p: &Project,
    b: &EntryButtons,
    out: &mut Vec<Action>,
) {
    let Some(f) = p.funding.get(b.k) else {
        return;
    };
    let id = p.id.as_str();
    let rest = remaining(view, &f.line);
    let rest_text = view.t("安排剩余", "Arrange the rest");
    // A child that does not move the parent's cursor: the cells were
    // allocated in the grid already.
    let mut cell = |rect| {
        ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect)
                .layout(Layout::left_to_right(Align::Center)),
        )
    };
    if cell(b.rest)
        .add_enabled(
            rest.is_positive() && !view.read_only(),
            egui::Button::new(rest_text),
        )
        .on_hover_text(view.t(
            "把该资金尚未安排的金额全部加到此项",
            "Add everything left on this line to this entry",
        ))
        .accessible_name(format!("{id} {} {rest_text}", f.line))
        .clicked()
    {
        let mut next = p.clone();
        if let Some(entry) = next.funding.get_mut(b.k) {
            entry.amount = f.amount + rest;
            set(out, i, next, path::funding(id, &f.line));
        }
        out.push(Action::EndTyping);
    }
    if !view.read_only()
        && cell(b.remove)
            .add(egui::Button::new("×").small())
            .on_hover_text(view.t("删除此项", "Remove entry"))
            .accessible_name(format!("{id} {} {}", f.line, view.t("删除", "remove")))
            .clicked()
    {
        let mut next = p.clone();
        next.funding.remove(b.k);
        out.push(Action::Edit(Edit::SetProject(i, Box::new(next)), None));
    }
}

/// The lines the picker offers for `needle`: not yet on the project, matching
/// by code or name, those with money left first.
fn offers<'p>(view: &View<'p>, p: &Project, needle: &str) -> Vec<(&'p Source, Money)> {
    let needle = needle.trim().to_lowercase();
    let mut list: Vec<(&Source, Money)> = view
        .doc
        .plan()
        .sources
        .iter()
        .filter(|s| !p.funding.iter().any(|f| f.line == s.line))
        .filter(|s| {
            needle.is_empty()
                || s.line.to_lowercase().contains(&needle)
                || s.name.to_lowercase().contains(&needle)
                || view.line_name(s).to_lowercase().contains(&needle)
        })
        .map(|s| (s, remaining(view, &s.line)))
        .collect();
    list.sort_by_key(|(_, rest)| !rest.is_positive());
    list
}

/// Adds the line as an entry prefilled with what is left on it, and puts the
/// cursor in its amount with everything selected, so typing replaces it.
fn pick(
    ui: &Ui,
    view: &View<'_>,
    i: usize,
    p: &Project,
    s: &Source,
    rest: Money,
    out: &mut Vec<Action>,
) {
    let amount = if rest.is_positive() {
        rest
    } else {
        Money::ZERO
    };
    let mut next = p.clone();
    next.funding.push(Funding {
        line: s.line.clone(),
        amount,
    });
    out.push(Action::Edit(Edit::SetProject(i, Box::new(next)), None));
    let cell = field_id(&path::funding(&p.id, &s.line));
    // The cell is new: give it a state with the whole amount selected.
    let chars = amount.edit_string(view.unit()).chars().count();
    let mut state = TextEditState::default();
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(0),
        CCursor::new(chars),
    )));
    state.store(ui.ctx(), cell);
    ui.memory_mut(|m| m.request_focus(cell));
}

/// What the picker keeps between frames while it is open.
#[derive(Clone, Default)]
struct PickerState {
    search: String,
    highlight: usize,
    button: Option<Id>,
}

/// The source picker: type to search by code or name, Up/Down, Enter.
fn add_funding_ui(ui: &mut Ui, view: &View<'_>, i: usize, p: &Project, out: &mut Vec<Action>) {
    let key = Id::unique(("add-funding", p.id.as_str()));
    let state_id = key.with("picker");
    let mut st: PickerState = ui.data(|d| d.get_temp(state_id)).unwrap_or_default();
    let popup = st.button.map(|b| b.with("popup"));
    let open = popup.is_some_and(|id| Popup::is_id_open(ui.ctx(), id));
    let mut picked = None;
    let mut scroll = false;
    if !open {
        // The search starts empty each time the list opens.
        st.search.clear();
        st.highlight = 0;
        if let (Some(button), Some(popup)) = (st.button, popup)
            && ui.memory(|m| m.has_focus(button))
        {
            choice::keep_arrows(ui, button);
            let typed = choice::take_text(ui);
            let down = choice::arrow_steps(ui) > 0;
            if !typed.trim().is_empty() || down {
                st.search = typed.trim().to_string();
                Popup::open_id(ui.ctx(), popup);
            }
        }
    } else {
        let step = choice::arrow_steps(ui);
        scroll = step != 0;
        let list = offers(view, p, &st.search);
        st.highlight = choice::moved(st.highlight, step, list.len());
        if ui.input_mut(|inp| inp.consume_key(egui::Modifiers::NONE, egui::Key::Enter)) {
            picked = list.get(st.highlight).copied();
        }
    }
    let label = view.t("＋ 添加资金来源…", "+ Add a fund line...");
    let hint = view.t("按代码或名称查找", "Search code or name");
    let before = st.search.clone();
    let combo = egui::ComboBox::from_id_salt(key)
        .width(360.0)
        .selected_text(label)
        .height(360.0)
        .show_ui(ui, |ui| {
            let r = ui
                .add(TextEdit::singleline(&mut st.search).hint_text(hint))
                .accessible_name(hint);
            r.request_focus();
            choice::keep_arrows(ui, r.id);
            for (k, (s, rest)) in offers(view, p, &before).into_iter().enumerate() {
                let left = rest.display(view.unit(), 2);
                let text = RichText::new(match view.lang() {
                    crate::Lang::Zh => format!("{}  {}  —  待安排 {left}", s.line, s.name),
                    crate::Lang::En => {
                        format!("{}  {}  —  {left} left", s.line, view.line_name(s))
                    }
                })
                .color(theme::palette(ui).remaining(rest));
                let r = ui.selectable_label(k == st.highlight, text);
                if k == st.highlight && scroll {
                    r.scroll_to_me(None);
                }
                if r.clicked() {
                    picked = Some((s, rest));
                }
            }
        });
    if st.search != before {
        st.highlight = 0;
    }
    if let Some((s, rest)) = picked {
        pick(ui, view, i, p, s, rest, out);
        Popup::close_id(ui.ctx(), combo.response.id.with("popup"));
    }
    st.button = Some(combo.response.id);
    combo.response.accessible_name(format!("{} {label}", p.id));
    ui.data_mut(|d| d.insert_temp(state_id, st));
}
