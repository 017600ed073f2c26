//! 另存为新目录 of a catalog that still has a built-in id: a new id first.

use super::*;
use crate::gui::state::catalog_draft::is_builtin;

pub(super) fn catalog_id_ui(ui: &mut Ui, view: &View<'_>, id: &mut String, out: &mut Vec<Action>) {
    ui.heading(view.t("另存为新目录", "Save as a new catalog"));
    ui.label(view.t(
        "新目录须有自己的编号，方案以编号指明所用目录；内置目录的编号不能再用。",
        "A new catalog needs its own id, by which plans name it; a built-in catalog's id cannot be reused.",
    ));
    ui.add_space(4.0);
    let label = ui.label(view.t("新目录编号", "New catalog id"));
    let field = ui
        .add(egui::TextEdit::singleline(id).desired_width(320.0))
        .labelled_by(label.id);
    select_on_keyboard_focus(ui, &field, id);
    // Enter leaves the field; read it before focus is given back (after
    // which the field would no longer have lost it).
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if ui.memory(|m| m.focused().is_none()) {
        field.request_focus();
    }
    // The core's rule for ids, so the button says why before a save would refuse.
    let problem = crate::catalog::id_problem(id.trim());
    let refusal = if id.trim().is_empty() {
        Some(view.t("请填写编号", "Give an id"))
    } else if is_builtin(id) {
        Some(view.t("这是内置目录的编号", "This is a built-in catalog's id"))
    } else {
        problem.as_ref().map(|p| p.message(view.lang()))
    };
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let save = ui.add_enabled(
            refusal.is_none(),
            egui::Button::new(view.t("选择保存位置…", "Choose where to save…")),
        );
        let save = match refusal {
            Some(why) => save.on_disabled_hover_text(why),
            None => save,
        };
        if refusal.is_none() && (save.clicked() || enter) {
            out.push(Action::SaveCatalogWithId(id.trim().to_string()));
        }
        if ui.button(view.t("取消", "Cancel")).clicked() {
            out.push(Action::CloseDialog);
        }
    });
}
