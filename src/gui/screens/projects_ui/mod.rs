//! 项目安排: the project list (add, duplicate, delete, reorder, copy and
//! paste rows with a spreadsheet) and the selected project's fields and
//! funding entries. Everything here works from the keyboard too.

mod detail;
mod funding;
mod list;

pub(in crate::gui) use list::list_focus_id;

use egui::Ui;

use crate::Lang;
use crate::edit::Edit;
use crate::gui::kit::widgets::field_id;
use crate::gui::state::action::Action;
use crate::gui::state::dialog::{Dialog, Message};
use crate::gui::state::view::View;
use crate::plan::{IdsUsedUp, Project, path};

fn set(out: &mut Vec<Action>, i: usize, p: Project, key: String) {
    out.push(Action::Edit(Edit::SetProject(i, Box::new(p)), Some(key)));
}

/// Says why no project was added: the plan's ids are used up (a hostile
/// file's largest id has the largest number there is).
fn refuse(out: &mut Vec<Action>, e: &IdsUsedUp) {
    let said = Message::words(&e.message(Lang::Zh), &e.message(Lang::En));
    out.push(Action::Show(Dialog::Error(said)));
}

/// Puts the cursor in the name field of the project `id`.
fn focus_name(out: &mut Vec<Action>, id: &str) {
    out.push(Action::Focus(field_id(&path::project(id, Some("name")))));
}

/// Inserts `project` at `at`, selects it and puts the cursor in its name.
///
/// The focus is given when the next frame starts, where the new name field
/// is drawn: asked for now, egui dropped it again whenever the new project
/// went below the list's last row (nothing was selected).
fn insert_ui(out: &mut Vec<Action>, at: usize, project: Project) {
    let id = project.id.clone();
    out.push(Action::Edit(
        Edit::InsertProject(at, Box::new(project)),
        None,
    ));
    out.push(Action::SelectProject(Some(at)));
    focus_name(out, &id);
}

/// A new blank project below the selected one (or at the end), with the
/// selected one's township and the plan's drafting unit filled in.
fn add_project(view: &View<'_>, out: &mut Vec<Action>) {
    let plan = view.doc.plan();
    let selected = view.selected_project().filter(|&i| i < plan.projects.len());
    let at = selected.map_or(plan.projects.len(), |i| i + 1);
    let township = selected
        .and_then(|i| plan.projects.get(i))
        .map(|p| p.township.clone())
        .unwrap_or_default();
    let id = match plan.next_project_id() {
        Ok(id) => id,
        Err(e) => return refuse(out, &e),
    };
    let project = Project {
        id,
        township,
        unit: plan.prepared_by.clone(),
        ..Project::default()
    };
    insert_ui(out, at, project);
}

/// A copy of the project at `i` with a new id, just below it.
fn duplicate_project(view: &View<'_>, out: &mut Vec<Action>, i: usize) {
    let plan = view.doc.plan();
    if let Some(p) = plan.projects.get(i) {
        match plan.next_project_id() {
            Ok(id) => {
                let mut copy = p.clone();
                copy.id = id;
                insert_ui(out, i + 1, copy);
            }
            Err(e) => refuse(out, &e),
        }
    }
}

/// Draws the projects screen.
pub fn projects_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    // At 1024×768 a 520-point list left the project's form too narrow for
    // its funding rows (×, line, 安排剩余, amount, what is left: 470 points
    // in English): the list starts with what the form leaves, 360 at least.
    egui::Panel::left("project-list")
        .resizable(true)
        .default_size((ui.available_width() - 470.0).clamp(360.0, 520.0))
        .show(ui, |ui| list::list_ui(ui, view, out));
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            match view
                .selected_project()
                .and_then(|i| view.doc.plan().projects.get(i).map(|p| (i, p)))
            {
                Some((i, p)) => detail::detail_ui(ui, view, i, p, out),
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
