//! The selected project's form: fields, the use list, beneficiaries, other
//! funds, contents and targets, then its funding entries.

use egui::{RichText, Stroke, Ui};

use super::{Setter, funding, set};
use crate::gui::app::Action;
use crate::gui::kit::choice;
use crate::gui::kit::theme;
use crate::gui::kit::widgets::{
    View, amount_ui, comment_button_ui, decorate, field_id, multiline_ui, text_ui,
};
use crate::plan::Use;
use crate::plan::{Project, path};

/// Fields the validator requires (P05): all of them are marked when blank.
const REQUIRED: [&str; 3] = ["name", "township", "unit"];

/// Keeps a field that just got focus (by Tab or a key) in view.
fn follow_focus(ui: &Ui, p_path: &str) {
    if let Some(r) = ui.ctx().read_response(field_id(p_path))
        && r.gained_focus()
    {
        r.scroll_to_me(None);
    }
}

/// Draws the project's form.
pub fn detail_ui(ui: &mut Ui, view: &View<'_>, i: usize, p: &Project, out: &mut Vec<Action>) {
    let id = p.id.as_str();
    ui.horizontal(|ui| {
        ui.heading(format!("{id}  {}", p.name));
        comment_button_ui(ui, view, &path::project(id, None), out);
    });
    ui.add_space(4.0);
    let text =
        |ui: &mut Ui, out: &mut Vec<Action>, label: &str, field: &str, value: &str, put: Setter| {
            ui.label(label);
            let p_path = path::project(id, Some(field));
            ui.horizontal(|ui| {
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
                    set(out, i, next, p_path.clone());
                }
                follow_focus(ui, &p_path);
                if REQUIRED.contains(&field) && value.trim().is_empty() {
                    if let Some(r) = ui.ctx().read_response(field_id(&p_path)) {
                        ui.painter().rect_stroke(
                            r.rect.expand(1.0),
                            2.0,
                            Stroke::new(1.5, theme::palette(ui).over),
                            egui::StrokeKind::Outside,
                        );
                    }
                    ui.label(
                        RichText::new(view.t("必填", "Required")).color(theme::palette(ui).over),
                    );
                }
            });
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
            use_ui(ui, view, i, p, out);
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
            counts_ui(ui, view, i, p, out);
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
            follow_focus(ui, &p_path);
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
            set(out, i, next, p_path.clone());
        }
        follow_focus(ui, &p_path);
    }
    ui.separator();
    funding::funding_ui(ui, view, i, p, out);
}

/// 使用方向: a list that opens by click, Space, Enter or Down.
fn use_ui(ui: &mut Ui, view: &View<'_>, i: usize, p: &Project, out: &mut Vec<Action>) {
    let id = p.id.as_str();
    ui.label(view.t("使用方向", "Use"));
    let u_path = path::project(id, Some("use"));
    let r = ui
        .add_enabled_ui(!view.read_only, |ui| {
            choice::choice_ui(
                ui,
                egui::Id::unique(("use", id)),
                220.0,
                p.use_,
                Use::ALL,
                |u| u.label(view.lang).to_string(),
            )
        })
        .inner;
    let (resp, picked) = r;
    if let Some(u) = picked {
        let mut next = p.clone();
        next.use_ = u;
        set(out, i, next, u_path.clone());
        out.push(Action::EndTyping);
    }
    let resp = resp.accessible_name(format!("{id} {}", view.t("使用方向", "use")));
    decorate(ui, view, &u_path, &resp, out);
    ui.end_row();
}

/// Beneficiary households and people.
fn counts_ui(ui: &mut Ui, view: &View<'_>, i: usize, p: &Project, out: &mut Vec<Action>) {
    let id = p.id.as_str();
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
}
