//! The project list: buttons, the table, and its keys (Up/Down, Home/End,
//! Enter, Ctrl+Enter or Insert, Ctrl+D, Ctrl+C, Ctrl+V).

use egui::{Align, Event, Id, Key, Modifiers, RichText, Sense, Stroke, Ui};
use egui_extras::{Column, TableBuilder};

use super::{add_project, duplicate_project, focus_name, refuse};
use crate::clipboard::projects as project_clip;
use crate::edit::Edit;
use crate::gui::kit::theme;
use crate::gui::kit::widgets::{amount_label_ui, amount_width};
use crate::gui::state::action::Action;
use crate::gui::state::dialog::Dialog;
use crate::gui::state::view::View;
use crate::plan::path;

/// The id of the project list's keyboard focus: focus it to drive the list
/// by keys (e.g. when arriving on the screen by a shortcut).
pub fn list_focus_id() -> Id {
    Id::unique("project-list-focus")
}

/// What the keys pressed on the focused list asked for.
#[derive(Default)]
struct ListKeys {
    /// Rows to move the selection by (down is positive).
    step: i64,
    /// Shift was held: the move extends the range from the anchor.
    extend: bool,
    home: bool,
    end: bool,
    enter: bool,
    add: bool,
    duplicate: bool,
    copy: bool,
    paste: Option<String>,
}

fn read_keys(ui: &Ui) -> ListKeys {
    ui.input_mut(|i| {
        let mut k = ListKeys {
            add: i.consume_key(Modifiers::COMMAND, Key::Enter)
                | i.consume_key(Modifiers::NONE, Key::Insert),
            duplicate: i.consume_key(Modifiers::COMMAND, Key::D),
            ..ListKeys::default()
        };
        let shifted = i.count_and_consume_key(Modifiers::SHIFT, Key::ArrowDown) as i64
            - i.count_and_consume_key(Modifiers::SHIFT, Key::ArrowUp) as i64;
        k.extend = shifted != 0;
        k.step = shifted + i.count_and_consume_key(Modifiers::NONE, Key::ArrowDown) as i64
            - i.count_and_consume_key(Modifiers::NONE, Key::ArrowUp) as i64;
        k.home = i.consume_key(Modifiers::NONE, Key::Home);
        k.end = i.consume_key(Modifiers::NONE, Key::End);
        k.enter = i.consume_key(Modifiers::NONE, Key::Enter);
        i.events.retain(|e| match e {
            Event::Copy => {
                k.copy = true;
                false
            }
            Event::Paste(text) => {
                k.paste = Some(text.clone());
                false
            }
            _ => true,
        });
        k
    })
}

/// Acts on the keys; returns the row to select and scroll to, if it changed.
fn keys_ui(
    ui: &Ui,
    view: &View<'_>,
    selected: Option<usize>,
    anchor: &mut Option<usize>,
    out: &mut Vec<Action>,
) -> Option<usize> {
    let plan = view.doc.plan();
    let n = plan.projects.len();
    let k = read_keys(ui);
    let mut moved = None;
    if n > 0 && (k.step != 0 || k.home || k.end) {
        *anchor = if k.extend { anchor.or(selected) } else { None };
        let last = n as i64 - 1;
        let from = selected.map_or(if k.step > 0 { -1 } else { n as i64 }, |i| i as i64);
        let mut to = (from + k.step).clamp(0, last);
        if k.home {
            to = 0;
        }
        if k.end {
            to = last;
        }
        let to = to as usize;
        if Some(to) != selected {
            out.push(Action::SelectProject(Some(to)));
        }
        moved = Some(to);
    }
    if k.enter
        && let Some(p) = selected.and_then(|i| plan.projects.get(i))
    {
        focus_name(out, &p.id);
    }
    if k.copy {
        let rows: Vec<_> = range(selected, *anchor)
            .filter_map(|i| plan.projects.get(i))
            .collect();
        if !rows.is_empty() {
            ui.ctx()
                .copy_text(project_clip::copy(plan, &rows, view.unit()));
        }
    }
    if view.read_only() {
        return moved;
    }
    if k.add {
        add_project(view, out);
    }
    if k.duplicate
        && let Some(i) = selected
    {
        duplicate_project(view, out, i);
    }
    if let Some(text) = k.paste {
        paste(view, selected, &text, out);
    }
    moved
}

/// The selected rows: from the anchor (Shift) to the selection.
fn range(selected: Option<usize>, anchor: Option<usize>) -> std::ops::Range<usize> {
    match (selected, anchor.or(selected)) {
        (Some(s), Some(a)) => s.min(a)..s.max(a) + 1,
        _ => 0..0,
    }
}

/// Pastes rows below the selection as one undo step, or says which row is wrong.
fn paste(view: &View<'_>, selected: Option<usize>, text: &str, out: &mut Vec<Action>) {
    let plan = view.doc.plan();
    match project_clip::parse(text, plan, view.unit()) {
        Ok(mut projects) if !projects.is_empty() => {
            let at = selected.map_or(plan.projects.len(), |i| i + 1);
            let ids = match plan.next_project_ids(projects.len()) {
                Ok(ids) => ids,
                Err(e) => return refuse(out, &e),
            };
            for (p, id) in projects.iter_mut().zip(ids) {
                p.id = id;
            }
            let count = projects.len();
            let edits = projects
                .into_iter()
                .enumerate()
                .map(|(k, p)| Edit::InsertProject(at + k, Box::new(p)))
                .collect();
            out.push(Action::Edit(Edit::Batch(edits), None));
            out.push(Action::SelectProject(Some(at + count - 1)));
        }
        Ok(_) => {}
        Err(e) => out.push(Action::Show(Dialog::Error(e.into()))),
    }
}

/// Draws the list with its buttons.
pub fn list_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    let plan = view.doc.plan();
    let n = plan.projects.len();
    let selected = view.selected_project().filter(|&i| i < n);
    ui.horizontal_wrapped(|ui| {
        ui.heading(view.t("项目安排", "Projects"));
        let count = match view.lang() {
            crate::Lang::Zh => format!("{n} 个"),
            crate::Lang::En if n == 1 => "1 project".to_string(),
            crate::Lang::En => format!("{n} projects"),
        };
        ui.label(RichText::new(count).weak());
    });
    buttons_ui(ui, view, selected, out);
    ui.label(
        RichText::new(view.t(
            "↑↓ 选择　Enter 编辑　Ctrl+Enter 添加　Ctrl+D 复制　Ctrl+C / Ctrl+V 复制、粘贴行",
            "Up/Down: select; Enter: edit; Ctrl+Enter: add; Ctrl+D: duplicate; Ctrl+C, Ctrl+V: copy, paste rows",
        ))
        .small()
        .weak(),
    );
    ui.add_space(4.0);

    let focus = list_focus_id();
    // Arriving on the screen (not by a jump to a field) puts the keys on the
    // list, so Up/Down work at once.
    let frame = ui.ctx().cumulative_frame_nr();
    let drawn_id = focus.with("drawn");
    let last: Option<u64> = ui.data(|d| d.get_temp(drawn_id));
    ui.data_mut(|d| d.insert_temp(drawn_id, frame));
    if last.is_none_or(|f| f + 1 < frame) && view.jump.is_none() {
        ui.memory_mut(|m| m.request_focus(focus));
    }
    let has_focus = ui.memory(|m| m.has_focus(focus));
    // The Shift range's fixed end, kept only while the selection is still
    // the row the range was extended to (a paste or a click elsewhere ends it).
    let anchor_id = focus.with("anchor");
    let mut anchor = ui
        .data(|d| d.get_temp::<(Option<usize>, Option<usize>)>(anchor_id))
        .filter(|(a, lead)| a.is_some_and(|a| a < n) && *lead == selected)
        .and_then(|(a, _)| a);
    let mut scroll_to = None;
    if has_focus {
        // Up/Down act on the list instead of moving focus to another widget.
        crate::gui::kit::choice::keep_arrows(ui, focus);
        scroll_to = keys_ui(ui, view, selected, &mut anchor, out);
    }
    // The selection changed some other way (a click, a finding, an insert):
    // bring it into view once.
    let shown_id = focus.with("scrolled-to");
    let scrolled = ui.data(|d| d.get_temp::<Option<usize>>(shown_id)).flatten();
    if scroll_to.is_none() && selected.is_some() && selected != scrolled {
        scroll_to = selected;
    }
    ui.data_mut(|d| d.insert_temp(shown_id, scroll_to.or(selected)));

    // The list's own focusable widget, under the rows (which take the clicks).
    let area = ui.available_rect_before_wrap();
    ui.interact(area, focus, Sense::FOCUSABLE)
        .accessible_name(view.t("项目列表", "Project list"));
    if has_focus {
        ui.painter().rect_stroke(
            area,
            2.0,
            Stroke::new(1.5, ui.visuals().selection.stroke.color),
            // Outside: drawn inside, the outline covered the first glyph of
            // each P-code and of the 编号 heading.
            egui::StrokeKind::Outside,
        );
    }
    let clicked = table_ui(ui, view, (selected, &mut anchor), scroll_to, out);
    let lead = clicked.or(scroll_to).or(selected);
    ui.data_mut(|d| d.insert_temp(anchor_id, (anchor, lead)));
}

fn buttons_ui(ui: &mut Ui, view: &View<'_>, selected: Option<usize>, out: &mut Vec<Action>) {
    let n = view.doc.plan().projects.len();
    ui.horizontal_wrapped(|ui| {
        if view.read_only() {
            ui.disable();
        }
        if ui
            .button(view.t("＋ 添加项目", "+ Add project"))
            .on_hover_text(view.t(
                "在所选项目下方添加（Ctrl+Enter 或 Insert）",
                "Add below the selected one (Ctrl+Enter or Insert)",
            ))
            .clicked()
        {
            add_project(view, out);
        }
        ui.add_enabled_ui(selected.is_some(), |ui| {
            let i = selected.unwrap_or(0);
            if ui
                .button(view.t("复制", "Duplicate"))
                .on_hover_text("Ctrl+D")
                .clicked()
            {
                duplicate_project(view, out, i);
            }
            if ui.button(view.t("删除", "Delete")).clicked() {
                out.push(Action::Edit(Edit::RemoveProject(i), None));
                out.push(Action::SelectProject(if i + 1 < n {
                    Some(i)
                } else {
                    i.checked_sub(1)
                }));
            }
            if ui
                .add_enabled(i > 0, egui::Button::new(view.t("上移", "Up")))
                .clicked()
            {
                out.push(Action::Edit(Edit::MoveProject { from: i, to: i - 1 }, None));
                out.push(Action::SelectProject(Some(i - 1)));
            }
            if ui
                .add_enabled(i + 1 < n, egui::Button::new(view.t("下移", "Down")))
                .clicked()
            {
                out.push(Action::Edit(Edit::MoveProject { from: i, to: i + 1 }, None));
                out.push(Action::SelectProject(Some(i + 1)));
            }
        });
    });
}

fn table_ui(
    ui: &mut Ui,
    view: &View<'_>,
    (selected, anchor): (Option<usize>, &mut Option<usize>),
    scroll_to: Option<usize>,
    out: &mut Vec<Action>,
) -> Option<usize> {
    let shown = range(selected, *anchor);
    let plan = view.doc.plan();
    let n = plan.projects.len();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let totals = plan.projects.iter().map(|p| p.integrated_total());
    // Room for the scroll bar too, which is drawn over the last column.
    let amount = amount_width(ui, view, totals, 80.0) + ui.spacing().scroll.bar_width + 6.0;
    // A click anywhere on a row selects it; selectable labels would take it.
    ui.style_mut().interaction.selectable_labels = false;
    let mut clicked = None;
    let mut shift = false;
    let mut table = TableBuilder::new(ui)
        .id_salt("projects")
        .striped(true)
        // Rows take clicks but not Tab focus: the list has one focus of its own.
        .sense(Sense::CLICK)
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .column(Column::exact(56.0))
        .column(Column::remainder().at_least(100.0).clip(true))
        .column(Column::exact(120.0))
        .column(Column::exact(amount));
    if let Some(i) = selected
        && view.jump.is_some()
    {
        table = table.scroll_to_row(i, Some(Align::Center));
    } else if let Some(i) = scroll_to {
        table = table.scroll_to_row(i, None);
    }
    table
        .header(22.0, |mut h| {
            for t in [
                view.t("编号", "Id"),
                view.t("项目名称", "Name"),
                view.t("使用方向", "Use"),
                view.t("整合资金", "Funding"),
            ] {
                h.col(|ui| {
                    ui.strong(t);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, n, |mut row| {
                let i = row.index();
                let Some(p) = plan.projects.get(i) else {
                    return;
                };
                row.set_selected(shown.contains(&i));
                let mark = view.doc.marks().get(&path::project(&p.id, None)).copied();
                row.col(|ui| {
                    let t = RichText::new(&p.id).monospace();
                    ui.label(match mark {
                        Some(s) => t.color(theme::palette(ui).severity(s)),
                        None => t,
                    });
                });
                row.col(|ui| {
                    let name = if p.name.trim().is_empty() {
                        view.t("（未命名）", "(unnamed)")
                    } else {
                        p.name.as_str()
                    };
                    ui.add(egui::Label::new(name).truncate());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(p.use_.label(view.lang())).truncate());
                });
                row.col(|ui| {
                    amount_label_ui(ui, p.integrated_total().display(view.unit(), 2), None);
                });
                if row.response().clicked() {
                    out.push(Action::SelectProject(Some(i)));
                    clicked = Some(i);
                    // Shift+click extends the range; a plain click starts anew.
                    shift = row.response().ctx.input(|inp| inp.modifiers.shift);
                }
            });
        });
    if clicked.is_some() {
        *anchor = if shift { anchor.or(selected) } else { None };
        // Keys go to the list from now on.
        ui.memory_mut(|m| m.request_focus(list_focus_id()));
    }
    clicked
}
