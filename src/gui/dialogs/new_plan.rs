//! 新建方案: drawing the form (its data is in `state::dialog`).

use super::*;

/// The county code field, the first of the form: it has the focus when the
/// dialog opens (the app asks for it; the modal's first pass is invisible,
/// and the focus request waits for a frame that draws it).
pub fn code_field_id() -> Id {
    Id::unique("new-plan county code")
}

pub(super) fn new_plan_ui(
    ui: &mut Ui,
    view: &View<'_>,
    form: &mut NewPlanForm,
    out: &mut Vec<Action>,
) {
    ui.heading(view.t("新建方案", "New plan"));
    egui::Grid::new("new-plan")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label(view.t("旗县代码", "County code"));
            let code = ui
                .add(egui::TextEdit::singleline(&mut form.code).id(code_field_id()))
                .labelled_by(label.id);
            select_on_keyboard_focus(ui, &code, &form.code);
            if code.changed()
                && let Some(l) = league_of(form.code.trim())
            {
                form.league = l.to_string();
            }
            ui.end_row();
            let label = ui.label(view.t("旗县名称", "County name"));
            let field = ui
                .text_edit_singleline(&mut form.name)
                .labelled_by(label.id);
            select_on_keyboard_focus(ui, &field, &form.name);
            ui.end_row();
            let label = ui.label(view.t("所属盟市", "League"));
            let field = ui
                .text_edit_singleline(&mut form.league)
                .labelled_by(label.id);
            select_on_keyboard_focus(ui, &field, &form.league);
            ui.end_row();
            ui.label(view.t("旗县类别", "Kind"));
            ui.horizontal(|ui| {
                for k in CountyKind::ALL {
                    ui.radio_value(&mut form.kind, *k, k.label(view.lang()));
                }
            });
            ui.end_row();
            let label = ui.label(view.t("年度", "Year"));
            let year = ui
                .add(egui::DragValue::new(&mut form.year).range(2016..=2030))
                .labelled_by(label.id);
            // The catalog follows the year (the policy period it falls in);
            // the officer may still pick another below.
            if year.changed() {
                form.catalog = catalog::builtin_for_year(form.year).to_string();
            }
            ui.end_row();
            let label = ui.label(view.t("资金目录", "Catalog"));
            let ids: Vec<&str> = catalog::EMBEDDED.iter().map(|(id, _)| *id).collect();
            let current = ids
                .iter()
                .copied()
                .find(|id| *id == form.catalog)
                .unwrap_or_default();
            let (response, picked) = crate::gui::kit::choice::choice_ui(
                ui,
                egui::Id::unique("new-catalog"),
                160.0,
                current,
                &ids,
                str::to_string,
            );
            response.labelled_by(label.id);
            if let Some(id) = picked {
                form.catalog = id.to_string();
            }
            ui.end_row();
        });
    ui.add_space(8.0);
    ui.label(view.t(
        "目录中的全部中央和自治区资金将列入资金来源，金额为 0。",
        "Every central and region line of the catalog is listed with amount 0.",
    ));
    ui.horizontal(|ui| {
        let ready = !form.name.trim().is_empty() && !form.code.trim().is_empty();
        // Enter in any field creates, as in the spreadsheets' dialogs.
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
        let create = ui
            .add_enabled(ready, egui::Button::new(view.t("创建", "Create")))
            .on_disabled_hover_text(
                view.t("请填写旗县代码和名称", "Fill in the county code and name"),
            );
        let cancel = ui.button(view.t("取消", "Cancel"));
        // Enter on the focused 取消 button cancels; it does not also create.
        let enter = enter && !cancel.has_focus() && !cancel.clicked();
        if cancel.clicked() {
            out.push(Action::CloseDialog);
        } else if create.clicked() || (ready && enter) {
            out.push(Action::Create(Box::new(form.to_plan())));
        }
    });
}
