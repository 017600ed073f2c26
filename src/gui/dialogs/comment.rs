//! A review comment being written on a path.

use super::*;

/// The dialog's editable parts: the text, the reviewer's name, and whether
/// the text box still has to take focus.
type Fields<'a> = (&'a mut String, &'a mut String, &'a mut bool);

pub(super) fn comment_ui(
    ui: &mut Ui,
    view: &View<'_>,
    target: &str,
    (text, reviewer, focus): Fields<'_>,
    out: &mut Vec<Action>,
) {
    ui.heading(view.t("添加审核意见", "Add a review comment"));
    ui.label(
        RichText::new(crate::gui::kit::targets::label(
            view.doc.plan(),
            target,
            view.lang(),
        ))
        .strong(),
    );
    for c in view
        .doc
        .plan()
        .review
        .iter()
        .flat_map(|r| &r.comments)
        .filter(|c| c.target == target)
    {
        ui.label(RichText::new(format!("• {}", c.text)).weak());
    }
    if !view.read_only() {
        // Comments are the reviewer's (issue 13): the county reads them here.
        ui.label(
            RichText::new(view.t(
                "审核意见只能在审核模式下由审核人添加。",
                "Only the reviewer adds comments, in review mode.",
            ))
            .weak(),
        );
    }
    let label = ui.label(view.t("意见", "Comment"));
    let field = ui
        .add_enabled(
            view.read_only(),
            egui::TextEdit::multiline(text)
                .desired_rows(3)
                .desired_width(480.0),
        )
        .labelled_by(label.id);
    // Not in the modal's first, invisible pass: egui drops focus from a
    // widget it does not see. Typing goes to the text at once.
    if *focus && ui.is_visible() && !ui.is_sizing_pass() {
        if view.read_only() {
            field.request_focus();
        }
        *focus = false;
    }
    // The dialog asks for the name itself: without one the text would have
    // nowhere to go (it was thrown away).
    let name_label = ui.label(view.t("审核人姓名", "Reviewer's name"));
    let name = ui
        .add_enabled(
            view.read_only(),
            egui::TextEdit::singleline(reviewer).desired_width(320.0),
        )
        .labelled_by(name_label.id);
    select_on_keyboard_focus(ui, &name, reviewer);
    let refusal = if text.trim().is_empty() {
        Some(view.t("请填写意见", "Write the comment"))
    } else if reviewer.trim().is_empty() {
        Some(view.t("请填写审核人姓名", "Give the reviewer's name"))
    } else {
        None
    };
    ui.horizontal(|ui| {
        let add = ui.add_enabled(
            view.read_only() && refusal.is_none(),
            egui::Button::new(view.t("添加", "Add")),
        );
        let add = match refusal {
            Some(why) if view.read_only() => add.on_disabled_hover_text(why),
            _ => add,
        };
        if add.clicked() {
            out.push(Action::AddComment {
                target: target.to_string(),
                text: text.trim().to_string(),
                reviewer: reviewer.trim().to_string(),
            });
        }
        if ui.button(view.t("取消", "Cancel")).clicked() {
            out.push(Action::CloseDialog);
        }
    });
}
