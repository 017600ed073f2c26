//! 项目安排: the project list (add, duplicate, delete, reorder) and the
//! selected project's fields and funding entries.

use egui::{Align, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::app::Action;
use super::edit::Edit;
use super::theme;
use super::widgets::{
    View, amount_label_ui, amount_ui, comment_button_ui, decorate, multiline_ui, text_ui,
};
use crate::enums::Use;
use crate::money::Money;
use crate::plan::{Funding, Plan, Project, path};

/// Writes a text field into a project.
type Setter = fn(&mut Project, String);

fn set(out: &mut Vec<Action>, i: usize, p: Project, key: String) {
    out.push(Action::Edit(Edit::SetProject(i, Box::new(p)), Some(key)));
}

/// A project id not used yet: `P` and the next number, as wide as the others.
fn next_id(plan: &Plan) -> String {
    let max = plan
        .projects
        .iter()
        .filter_map(|p| p.id.strip_prefix('P')?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let width = plan
        .projects
        .first()
        .map_or(3, |p| p.id.len().saturating_sub(1).max(3));
    format!("P{:0width$}", max + 1)
}

/// Draws the projects screen.
pub fn projects_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    egui::Panel::left("project-list")
        .resizable(true)
        .default_size(520.0)
        .show(ui, |ui| list_ui(ui, view, out));
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            match view
                .selected_project
                .and_then(|i| view.doc.plan().projects.get(i).map(|p| (i, p)))
            {
                Some((i, p)) => detail_ui(ui, view, i, p, out),
                None => {
                    ui.add_space(40.0);
                    ui.vertical_centered(|ui| {
                        ui.label(view.t(
                            "在左侧选择一个项目，或添加新项目。",
                            "Select a project on the left, or add one.",
                        ));
                    });
                }
            }
        });
}

fn list_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    let plan = view.doc.plan();
    let n = plan.projects.len();
    let selected = view.selected_project.filter(|&i| i < n);
    ui.horizontal_wrapped(|ui| {
        ui.heading(view.t("项目安排", "Projects"));
        ui.label(RichText::new(format!("{n} {}", view.t("个", "projects"))).weak());
    });
    ui.horizontal_wrapped(|ui| {
        if view.read_only {
            ui.disable();
        }
        if ui.button(view.t("＋ 添加项目", "+ Add project")).clicked() {
            let at = selected.map_or(n, |i| i + 1);
            let township = selected
                .and_then(|i| plan.projects.get(i))
                .map(|p| p.township.clone())
                .unwrap_or_default();
            let project = Project {
                id: next_id(plan),
                township,
                unit: plan.prepared_by.clone(),
                ..Project::default()
            };
            let id = project.id.clone();
            out.push(Action::Edit(
                Edit::InsertProject(at, Box::new(project)),
                None,
            ));
            out.push(Action::SelectProject(Some(at)));
            out.push(Action::JumpTo(path::project(&id, Some("name"))));
        }
        ui.add_enabled_ui(selected.is_some(), |ui| {
            let i = selected.unwrap_or(0);
            if ui.button(view.t("复制", "Duplicate")).clicked()
                && let Some(p) = plan.projects.get(i)
            {
                let mut copy = p.clone();
                copy.id = next_id(plan);
                out.push(Action::Edit(
                    Edit::InsertProject(i + 1, Box::new(copy)),
                    None,
                ));
                out.push(Action::SelectProject(Some(i + 1)));
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
    ui.add_space(4.0);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    // A click anywhere on a row selects it; selectable labels would take it.
    ui.style_mut().interaction.selectable_labels = false;
    let mut table = TableBuilder::new(ui)
        .id_salt("projects")
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .column(Column::exact(56.0))
        .column(Column::remainder().at_least(140.0).clip(true))
        .column(Column::exact(96.0))
        .column(Column::exact(96.0));
    if let Some(i) = selected
        && view.jump.is_some()
    {
        table = table.scroll_to_row(i, Some(Align::Center));
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
                row.set_selected(selected == Some(i));
                let mark = view.doc.marks().get(&path::project(&p.id, None)).copied();
                row.col(|ui| {
                    let t = RichText::new(&p.id).monospace();
                    ui.label(match mark {
                        Some(s) => t.color(theme::severity(s)),
                        None => t,
                    });
                });
                row.col(|ui| {
                    let name = if p.name.trim().is_empty() {
                        view.t("（未命名）", "(unnamed)")
                    } else {
                        p.name.as_str()
                    };
                    ui.label(name);
                });
                row.col(|ui| {
                    ui.label(p.use_.label(view.lang));
                });
                row.col(|ui| {
                    amount_label_ui(ui, p.integrated_total().display(view.unit, 2), None);
                });
                if row.response().clicked() {
                    out.push(Action::SelectProject(Some(i)));
                }
            });
        });
}

fn detail_ui(ui: &mut Ui, view: &View<'_>, i: usize, p: &Project, out: &mut Vec<Action>) {
    let id = p.id.as_str();
    ui.horizontal(|ui| {
        ui.heading(format!("{id}  {}", p.name));
        comment_button_ui(ui, view, &path::project(id, None), out);
    });
    ui.add_space(4.0);
    let text = |ui: &mut Ui,
                out: &mut Vec<Action>,
                label: &str,
                field: &str,
                value: &str,
                put: fn(&mut Project, String)| {
        ui.label(label);
        let p_path = path::project(id, Some(field));
        if let Some(v) = text_ui(
            ui,
            view,
            &p_path,
            &format!("{id} {label}"),
            value,
            360.0,
            out,
        ) {
            let mut next = p.clone();
            put(&mut next, v);
            set(out, i, next, p_path);
        }
        ui.end_row();
    };
    egui::Grid::new("project-fields")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            text(
                ui,
                out,
                view.t("项目编号", "Id"),
                "id",
                &p.id,
                |p, v| p.id = v,
            );
            text(
                ui,
                out,
                view.t("项目名称", "Name"),
                "name",
                &p.name,
                |p, v| p.name = v,
            );
            ui.label(view.t("使用方向", "Use"));
            let r = ui
                .add_enabled_ui(!view.read_only, |ui| {
                    egui::ComboBox::from_id_salt(("use", id))
                        .width(220.0)
                        .selected_text(p.use_.label(view.lang))
                        .show_ui(ui, |ui| {
                            for u in Use::ALL {
                                if ui
                                    .selectable_label(p.use_ == *u, u.label(view.lang))
                                    .clicked()
                                    && p.use_ != *u
                                {
                                    let mut next = p.clone();
                                    next.use_ = *u;
                                    set(out, i, next, path::project(id, Some("use")));
                                }
                            }
                        })
                })
                .inner;
            let r = r
                .response
                .accessible_name(format!("{id} {}", view.t("使用方向", "use")));
            decorate(ui, view, &path::project(id, Some("use")), &r, out);
            ui.end_row();
            let place: [(&str, &str, &str, Setter); 4] = [
                (
                    view.t("苏木乡镇", "Township"),
                    "township",
                    &p.township,
                    |p, v| p.township = v,
                ),
                (
                    view.t("嘎查村", "Village"),
                    "village",
                    &p.village,
                    |p, v| p.village = v,
                ),
                (
                    view.t("实施单位", "Implementing unit"),
                    "unit",
                    &p.unit,
                    |p, v| p.unit = v,
                ),
                (
                    view.t("实施期限", "Period"),
                    "period",
                    &p.period,
                    |p, v| p.period = v,
                ),
            ];
            for (label, field, value, put) in place {
                text(ui, out, label, field, value, put);
            }
            for (label, field, value) in [
                (
                    view.t("受益脱贫户（户）", "Households"),
                    "households",
                    p.households,
                ),
                (view.t("受益人口（人）", "People"), "people", p.people),
            ] {
                let l = ui.label(label);
                let mut v = value;
                let r = ui
                    .add_enabled(
                        !view.read_only,
                        egui::DragValue::new(&mut v).range(0..=10_000_000),
                    )
                    .labelled_by(l.id);
                decorate(ui, view, &path::project(id, Some(field)), &r, out);
                if v != value {
                    let mut next = p.clone();
                    match field {
                        "households" => next.households = v,
                        _ => next.people = v,
                    }
                    set(out, i, next, path::project(id, Some(field)));
                }
                ui.end_row();
            }
            ui.label(view.t("自筹及其他资金", "Other funds"));
            let p_path = path::project(id, Some("other_funds"));
            let cell = amount_ui(
                ui,
                view,
                &p_path,
                &format!("{id} {}", view.t("自筹及其他资金", "other funds")),
                p.other_funds,
                120.0,
                out,
            );
            if let Some(m) = cell.changed {
                let mut next = p.clone();
                next.other_funds = m;
                set(out, i, next, p_path);
            }
            ui.end_row();
        });
    for (label, field, value) in [
        (view.t("建设内容", "Content"), "content", p.content.as_str()),
        (
            view.t(
                "绩效目标（产出/效益/满意度）",
                "Targets (output / benefit / satisfaction)",
            ),
            "targets",
            p.targets.as_str(),
        ),
    ] {
        ui.label(label);
        let p_path = path::project(id, Some(field));
        if let Some(v) = multiline_ui(ui, view, &p_path, &format!("{id} {label}"), value, out) {
            let mut next = p.clone();
            match field {
                "content" => next.content = v,
                _ => next.targets = v,
            }
            set(out, i, next, p_path);
        }
    }
    ui.separator();
    funding_ui(ui, view, i, p, out);
}

fn funding_ui(ui: &mut Ui, view: &View<'_>, i: usize, p: &Project, out: &mut Vec<Action>) {
    let plan = view.doc.plan();
    let totals = &view.doc.report().totals;
    let id = p.id.as_str();
    let remaining = |line: &str| {
        plan.source(line).map_or(Money::ZERO, |s| s.integrated) - totals.arranged_from(line)
    };
    ui.horizontal(|ui| {
        ui.strong(view.t("资金安排", "Funding"));
        let r = ui.label(format!(
            "{} {}",
            view.t("合计", "total"),
            p.integrated_total().display(view.unit, 2)
        ));
        decorate(ui, view, &path::project(id, Some("funding")), &r, out);
    });
    egui::Grid::new("funding")
        .num_columns(5)
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.strong(view.t("资金", "Line"));
            ui.strong(view.t("安排金额", "Amount"));
            ui.strong(view.t("该资金待安排", "Left on line"));
            ui.label("");
            ui.label("");
            ui.end_row();
            for (k, f) in p.funding.iter().enumerate() {
                let name = plan.source(&f.line).map_or("", |s| s.name.as_str());
                let short: String = name.chars().take(16).collect();
                ui.label(format!("{}  {short}", f.line)).on_hover_text(name);
                let f_path = path::funding(id, &f.line);
                let cell = amount_ui(
                    ui,
                    view,
                    &f_path,
                    &format!("{id} {} {}", f.line, view.t("安排金额", "amount")),
                    f.amount,
                    110.0,
                    out,
                );
                if let Some(m) = cell.changed {
                    let mut next = p.clone();
                    next.funding[k].amount = m;
                    set(out, i, next, f_path.clone());
                }
                let rest = remaining(&f.line);
                amount_label_ui(ui, rest.display(view.unit, 2), Some(theme::remaining(rest)));
                if ui
                    .add_enabled(
                        rest.is_positive() && !view.read_only,
                        egui::Button::new(view.t("安排剩余", "Arrange the rest")),
                    )
                    .on_hover_text(view.t(
                        "把该资金尚未安排的金额全部加到此项",
                        "Add everything left on this line to this entry",
                    ))
                    .clicked()
                {
                    let mut next = p.clone();
                    next.funding[k].amount = f.amount + rest;
                    set(out, i, next, f_path);
                    out.push(Action::EndTyping);
                }
                if !view.read_only
                    && ui
                        .small_button("×")
                        .on_hover_text(view.t("删除此项", "Remove entry"))
                        .clicked()
                {
                    let mut next = p.clone();
                    next.funding.remove(k);
                    out.push(Action::Edit(Edit::SetProject(i, Box::new(next)), None));
                }
                ui.end_row();
            }
        });
    ui.add_space(4.0);
    if !view.read_only {
        add_funding_ui(ui, view, i, p, out);
    }
}

/// The source picker: search by code or name, each line with what is left on it.
fn add_funding_ui(ui: &mut Ui, view: &View<'_>, i: usize, p: &Project, out: &mut Vec<Action>) {
    let plan = view.doc.plan();
    let totals = &view.doc.report().totals;
    let search_id = ui.make_persistent_id("funding-search");
    let mut search: String = ui.data(|d| d.get_temp(search_id)).unwrap_or_default();
    let label = view.t("＋ 添加资金来源…", "+ Add a fund line…");
    let combo = egui::ComboBox::from_id_salt(("add-funding", p.id.as_str()))
        .width(360.0)
        .selected_text(label)
        .height(360.0)
        .show_ui(ui, |ui| {
            let hint = view.t("按代码或名称查找", "Search code or name");
            let r = ui
                .add(egui::TextEdit::singleline(&mut search).hint_text(hint))
                .accessible_name(hint);
            r.request_focus();
            let needle = search.trim().to_lowercase();
            for s in &plan.sources {
                if p.funding.iter().any(|f| f.line == s.line) {
                    continue;
                }
                if !needle.is_empty()
                    && !s.line.to_lowercase().contains(&needle)
                    && !s.name.contains(needle.as_str())
                {
                    continue;
                }
                let rest = s.integrated - totals.arranged_from(&s.line);
                let text = RichText::new(format!(
                    "{}  {}  —  {} {}",
                    s.line,
                    s.name.chars().take(18).collect::<String>(),
                    view.t("待安排", "left"),
                    rest.display(view.unit, 2)
                ))
                .color(theme::remaining(rest));
                if ui.selectable_label(false, text).clicked() {
                    let mut next = p.clone();
                    next.funding.push(Funding {
                        line: s.line.clone(),
                        amount: if rest.is_positive() {
                            rest
                        } else {
                            Money::ZERO
                        },
                    });
                    out.push(Action::Edit(Edit::SetProject(i, Box::new(next)), None));
                    out.push(Action::JumpTo(path::funding(&p.id, &s.line)));
                    search.clear();
                }
            }
        });
    let _ = combo.response.accessible_name(format!("{} {label}", p.id));
    ui.data_mut(|d| d.insert_temp(search_id, search));
}
