//! A review comment being written on a path.

use super::*;

pub(super) fn comment_ui(
    ui: &mut Ui,
    view: &View<'_>,
    target: &str,
    text: &mut String,
    out: &mut Vec<Action>,
) {
    ui.heading(view.t("添加审核意见", "Add a review comment"));
    ui.label(
        RichText::new(crate::gui::kit::targets::label(
            view.doc.plan(),
            target,
            view.lang,
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
    if !view.read_only {
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
    ui.add_enabled(
        view.read_only,
        egui::TextEdit::multiline(text)
            .desired_rows(3)
            .desired_width(480.0),
    )
    .labelled_by(label.id);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                view.read_only && !text.trim().is_empty(),
                egui::Button::new(view.t("添加", "Add")),
            )
            .clicked()
        {
            out.push(Action::AddComment {
                target: target.to_string(),
                text: text.trim().to_string(),
            });
        }
        if ui.button(view.t("取消", "Cancel")).clicked() {
            out.push(Action::CloseDialog);
        }
    });
}
