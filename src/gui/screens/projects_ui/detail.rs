//! The selected project's form: fields, the use list, beneficiaries, other
//! funds, contents and targets, then its funding entries.

use egui::{RichText, Stroke, Ui};

use super::{funding, set};
use crate::gui::kit::choice;
use crate::gui::kit::theme;
use crate::gui::kit::widgets::{
    amount_ui, comment_button_ui, decorate, field_id, multiline_ui, text_ui,
};
use crate::gui::state::action::Action;
use crate::gui::state::view::View;
use crate::plan::Use;
use crate::plan::fields::{FieldValue, ProjectField};
use crate::plan::{Project, path};

/// Fields the validator requires (P05): all of them are marked when blank.
const REQUIRED: [ProjectField; 3] = [
    ProjectField::Name,
    ProjectField::Township,
    ProjectField::Unit,
];

/// The form's label of `f` in the view's language.
fn label<'a>(view: &View<'_>, f: ProjectField) -> &'a str {
    let (zh, en) = f.info().form_label;
    view.t(zh, en)
}

/// The text `f` holds in `p` (empty for fields that are not text).
fn text_of(p: &Project, f: ProjectField) -> &str {
    match f.get(p) {
        FieldValue::Text(t) => t,
        _ => "",
    }
}

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
    let text = |ui: &mut Ui, out: &mut Vec<Action>, field: ProjectField| {
        let label = label(view, field);
        let value = text_of(p, field);
        ui.label(label);
        let p_path = path::project(id, Some(field.key()));
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
                if let Some(t) = field.text_mut(&mut next) {
                    *t = v;
                }
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
                ui.label(RichText::new(view.t("必填", "Required")).color(theme::palette(ui).over));
            }
        });
        ui.end_row();
    };
    egui::Grid::new("project-fields")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            text(ui, out, ProjectField::Id);
            text(ui, out, ProjectField::Name);
            use_ui(ui, view, i, p, out);
            for field in [
                ProjectField::Township,
                ProjectField::Village,
                ProjectField::Unit,
                ProjectField::Period,
            ] {
                text(ui, out, field);
            }
            counts_ui(ui, view, i, p, out);
            let other = ProjectField::OtherFunds;
            ui.label(label(view, other));
            let p_path = path::project(id, Some(other.key()));
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
                if let Some(v) = other.money_mut(&mut next) {
                    *v = m;
                }
                set(out, i, next, p_path);
            }
            ui.end_row();
        });
    for field in [ProjectField::Content, ProjectField::Targets] {
        let label = label(view, field);
        ui.label(label);
        let p_path = path::project(id, Some(field.key()));
        if let Some(v) = multiline_ui(
            ui,
            view,
            &p_path,
            &format!("{id} {label}"),
            text_of(p, field),
            out,
        ) {
            let mut next = p.clone();
            if let Some(t) = field.text_mut(&mut next) {
                *t = v;
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
    ui.label(label(view, ProjectField::Use));
    let u_path = path::project(id, Some(ProjectField::Use.key()));
    let r = ui
        .add_enabled_ui(!view.read_only(), |ui| {
            choice::choice_ui(
                ui,
                egui::Id::unique(("use", id)),
                220.0,
                p.use_,
                Use::ALL,
                |u| u.label(view.lang()).to_string(),
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
    for field in [ProjectField::Households, ProjectField::People] {
        let FieldValue::Count(value) = field.get(p) else {
            continue;
        };
        let l = ui.label(label(view, field));
        let mut v = value;
        let r = ui
            .add_enabled(
                !view.read_only(),
                egui::DragValue::new(&mut v).range(0..=10_000_000),
            )
            .labelled_by(l.id);
        let p_path = path::project(id, Some(field.key()));
        decorate(ui, view, &p_path, &r, out);
        if v != value {
            let mut next = p.clone();
            if let Some(n) = field.count_mut(&mut next) {
                *n = v;
            }
            set(out, i, next, p_path);
        }
        ui.end_row();
    }
}
