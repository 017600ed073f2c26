//! 审核意见: the banner that says whether the seal holds, the reviewer's
//! decision, and every comment with a link to what it is about.

use egui::{RichText, Ui};

use super::app::Action;
use super::dialogs_ui::Dialog;
use super::theme;
use super::widgets::View;
use crate::digest::SealState;
use crate::enums::Decision;

/// The strip above the screens for a submitted plan or in review mode.
pub fn banner_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let (text, color) = match view.doc.seal() {
            SealState::Intact => (
                view.t("已提交且未改动", "Submitted, unchanged since"),
                theme::palette(ui).balanced,
            ),
            SealState::Broken => (
                view.t("提交后被修改（D01）", "Modified after submission (D01)"),
                theme::palette(ui).over,
            ),
            SealState::Draft => (
                view.t("未提交", "Not submitted"),
                theme::palette(ui).to_arrange,
            ),
        };
        ui.label(RichText::new(text).strong().color(color));
        if let Some(s) = &view.doc.plan().submission {
            ui.label(RichText::new(format!("{} {}", view.t("提交于", "submitted"), s.at)).weak());
        }
        if let Some(r) = &view.doc.plan().review {
            ui.separator();
            ui.label(format!(
                "{}{}",
                view.t("审核：", "Review: "),
                r.decision.label(view.lang)
            ));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if view.read_only {
                if ui
                    .button(view.t("允许修改", "Allow editing"))
                    .on_hover_text(view.t(
                        "修改内容会使提交印记失效",
                        "Editing breaks the submission seal",
                    ))
                    .clicked()
                {
                    out.push(Action::SetReadOnly(false));
                }
                ui.label(
                    RichText::new(view.t("审核模式：只读", "Review mode: read-only"))
                        .color(theme::palette(ui).flash),
                );
            } else if ui
                .button(view.t("切换到审核模式", "Switch to review mode"))
                .clicked()
            {
                out.push(Action::SetReadOnly(true));
            }
        });
    });
}

/// The review screen.
pub fn review_ui(ui: &mut Ui, view: &View<'_>, reviewer: &mut String, out: &mut Vec<Action>) {
    let review = view.doc.plan().review.as_ref();
    ui.heading(view.t("审核意见", "Review"));
    ui.label(view.t(
        "审核意见和结论只写入方案的 review 部分，不影响提交印记。",
        "Comments and the decision are stored in the plan's review section and do not break the seal.",
    ));
    ui.add_space(6.0);
    egui::Grid::new("decision")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label(view.t("审核人", "Reviewer"));
            ui.add(
                egui::TextEdit::singleline(reviewer)
                    .desired_width(320.0)
                    .hint_text(view.t(
                        "如：呼和浩特市财政局 农业科",
                        "e.g. Hohhot finance bureau, agriculture section",
                    )),
            )
            .labelled_by(label.id);
            ui.end_row();
            ui.label(view.t("审核结论", "Decision"));
            ui.horizontal(|ui| {
                let current = review.map(|r| r.decision);
                for d in Decision::ALL {
                    if ui
                        .selectable_label(current == Some(*d), d.label(view.lang))
                        .clicked()
                    {
                        out.push(Action::Decide(*d));
                    }
                }
            });
            ui.end_row();
            if let Some(r) = review.filter(|r| !r.at.is_empty()) {
                ui.label(view.t("记录", "Recorded"));
                ui.label(format!(
                    "{} · {} · {}",
                    r.decision.label(view.lang),
                    r.reviewer,
                    r.at
                ));
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.strong(view.t("全部意见", "All comments"));
        if ui
            .button(view.t("＋ 总体意见", "+ Overall comment"))
            .clicked()
        {
            out.push(Action::Show(Dialog::comment(String::new())));
        }
    });
    let comments = review.map(|r| r.comments.as_slice()).unwrap_or_default();
    if comments.is_empty() {
        ui.label(
            RichText::new(view.t(
                "暂无意见。在任一行或字段上点右键，或点“批注”，即可添加。",
                "No comments yet. Right-click any row or field, or click \"Note\", to add one.",
            ))
            .weak(),
        );
    }
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for (i, c) in comments.iter().enumerate() {
                ui.horizontal(|ui| {
                    let target = if c.target.is_empty() {
                        view.t("整个方案", "whole plan").to_string()
                    } else {
                        c.target.clone()
                    };
                    if ui.link(RichText::new(target).monospace()).clicked() && !c.target.is_empty()
                    {
                        out.push(Action::JumpTo(c.target.clone()));
                    }
                    ui.label(&c.text);
                    if ui
                        .small_button("×")
                        .on_hover_text(view.t("删除此意见", "Delete this comment"))
                        .clicked()
                    {
                        out.push(Action::RemoveComment(i));
                    }
                });
            }
        });
}
