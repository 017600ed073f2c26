//! 审核意见: the banner that says whether the seal holds, the reviewer's
//! decision, and every comment with a link to what it is about.

use egui::{RichText, Ui};

use crate::digest::SealState;
use crate::gui::kit::select::select_on_keyboard_focus;
use crate::gui::kit::theme;
use crate::gui::state::action::Action;
use crate::gui::state::dialog::Dialog;
use crate::gui::state::view::View;
use crate::plan::Decision;
use crate::register::{Mark, ReviewMark};

const REGISTER_MEANS_ZH: &str = "收件登记记下盟市第一次收到的每个旗县、年度、版本的印记摘要和收件时间。同一旗县、年度、版本的文件印记不同即为“与登记不符”（盟市登记了退回的版本之后重新提交的除外）；同一次读到两份不同的未登记文件即为“冲突”，都不登记。审核结论也记入登记，方案中写的结论登记里没有时显示“审核状态与登记不符”。";
const REGISTER_MEANS_EN: &str = "The receipt register keeps the seal digest and time the league first received each banner, year and revision. A file of the same banner, year and revision with another seal \"differs from the register\" (except a resubmission after a return the register recorded); two different unregistered files met together are \"conflicting copies\" and neither is registered. Decisions are recorded too: a decision the plan claims but the register does not hold shows as \"review state not in the register\".";

/// The strip above the screens for a submitted plan or in review mode.
pub fn banner_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let submission = view.doc.plan().submission.as_ref();
        let at = submission.map(|s| crate::digest::readable_time(&s.at, view.lang()));
        // In English the time belongs in the seal's sentence ("Submitted on 2
        // Dec 2026 04:59, unchanged since"), not in a fragment after it.
        let time_in_seal = view.lang() == crate::Lang::En && view.doc.seal() == SealState::Intact;
        let (text, color) = match (view.doc.seal(), &at) {
            (SealState::Intact, Some(at)) if time_in_seal => (
                format!("Submitted on {at}, unchanged since"),
                theme::palette(ui).balanced,
            ),
            (SealState::Intact, _) => (
                view.t("已提交且未改动", "Submitted and unchanged")
                    .to_string(),
                theme::palette(ui).balanced,
            ),
            (SealState::Broken, _) => (
                view.t("提交后被修改（D01）", "Modified after submission (D01)")
                    .to_string(),
                theme::palette(ui).over,
            ),
            (SealState::Draft, _) => (
                view.t("未提交", "Not submitted").to_string(),
                theme::palette(ui).to_arrange,
            ),
        };
        ui.label(RichText::new(text).strong().color(color))
            .on_hover_text(crate::digest::seal_means(view.lang()));
        if let Some(mark) = view.register().filter(|m| *m != Mark::Unsealed) {
            let color = if mark.refused() {
                theme::palette(ui).over
            } else {
                theme::palette(ui).balanced
            };
            let file = view
                .register_path()
                .map(|p| {
                    format!(
                        "\n\n{}{}",
                        view.t("收件登记文件：", "Register file: "),
                        p.display()
                    )
                })
                .unwrap_or_default();
            ui.separator();
            let label = fundplan_core::text::sentence(mark.label(view.lang()));
            ui.label(RichText::new(label).strong().color(color))
                .on_hover_text(format!(
                    "{}{file}",
                    view.t(REGISTER_MEANS_ZH, REGISTER_MEANS_EN)
                ));
        }
        if let (Some(s), Some(at)) = (submission, &at)
            && !time_in_seal
        {
            ui.separator();
            ui.label(RichText::new(format!("{} {at}", view.t("提交于", "Submitted on"))).weak())
                .on_hover_text(&s.at);
        }
        if let Some(r) = &view.doc.plan().review {
            ui.separator();
            // 待复审 comes from the core's status, as in 汇总 and summary --json.
            let status = crate::summary::Status::sealed(view.doc.plan(), view.doc.seal());
            if view.review() == Some(ReviewMark::Unregistered) {
                // The plan's decision is its own word: what the seal says, and why not more.
                let status = crate::summary::Status::unjudged(view.doc.plan(), view.doc.seal());
                ui.label(format!(
                    "{}{}",
                    view.t("审核：", "Review: "),
                    status.label(view.lang())
                ));
                ui.label(
                    RichText::new(ReviewMark::Unregistered.label(view.lang()))
                        .strong()
                        .color(theme::palette(ui).over),
                )
                .on_hover_text(format!(
                    "{}{}",
                    view.t("方案中写的审核结论：", "The decision the plan claims: "),
                    r.decision.label(view.lang())
                ));
            } else {
                let text = if status == crate::summary::Status::Resubmitted {
                    status.label(view.lang()).to_string()
                } else {
                    r.decision.label(view.lang()).to_string()
                };
                ui.label(format!("{}{text}", view.t("审核：", "Review: ")));
            }
            // What came back with the plan: the county sees it at once.
            if !r.comments.is_empty() {
                let open = r.comments.iter().filter(|c| c.resolved.is_none()).count();
                ui.separator();
                ui.label(
                    RichText::new(comments_came_back(view.lang(), r.comments.len(), open))
                        .color(theme::palette(ui).flash),
                );
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if view.read_only() {
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

/// The id of the 审核人 field, the screen's first input (focused when the
/// screen is reached by Ctrl+6).
pub fn reviewer_field_id() -> egui::Id {
    egui::Id::unique("reviewer-name")
}

/// "3 条审核意见（2 条未处理）" / "3 comments (2 open)".
fn comments_came_back(lang: crate::Lang, n: usize, open: usize) -> String {
    match (lang, open) {
        (crate::Lang::Zh, 0) => format!("{n} 条审核意见（均已处理）"),
        (crate::Lang::Zh, _) => format!("{n} 条审核意见（{open} 条未处理）"),
        (crate::Lang::En, 0) => {
            format!("{} (all handled)", lang.count(n, "", "comment", "comments"))
        }
        (crate::Lang::En, _) => {
            format!("{} ({open} open)", lang.count(n, "", "comment", "comments"))
        }
    }
}

/// The review screen; `reviewer` is the remembered reviewer's name, and a
/// change to it is asked for ([`Action::Reviewer`]), not made here.
pub fn review_ui(ui: &mut Ui, view: &View<'_>, reviewer: &str, out: &mut Vec<Action>) {
    let mut name = reviewer.to_string();
    let review = view.doc.plan().review.as_ref();
    ui.heading(view.t("审核意见", "Review"));
    ui.label(view.t(
        "审核意见和结论只写入方案的审核部分，不影响提交印记。",
        "Comments and the decision are stored in the plan's review section and do not break the seal.",
    ));
    ui.add_space(6.0);
    egui::Grid::new("decision")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label(view.t("审核人", "Reviewer"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut name)
                        .id(reviewer_field_id())
                        .desired_width(320.0)
                        .hint_text(view.t(
                            "如：呼和浩特市财政局 农业科",
                            "e.g. Hohhot finance bureau, agriculture section",
                        )),
                )
                .labelled_by(label.id);
            select_on_keyboard_focus(ui, &field, &name);
            if field.changed() {
                out.push(Action::Reviewer(std::mem::take(&mut name)));
            }
            ui.end_row();
            ui.label(view.t("审核结论", "Decision"));
            ui.horizontal(|ui| {
                let current = review.map(|r| r.decision);
                // The decision is the reviewer's: only in review mode.
                for d in Decision::ALL {
                    if ui
                        .add_enabled(
                            view.read_only(),
                            egui::Button::selectable(current == Some(*d), d.label(view.lang())),
                        )
                        .on_disabled_hover_text(view.t(
                            "只能在审核模式下由审核人修改",
                            "Only the reviewer can change this, in review mode",
                        ))
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
                    r.decision.label(view.lang()),
                    r.reviewer,
                    crate::digest::readable_time(&r.at, view.lang())
                ));
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.strong(view.t("全部意见", "All comments"));
        if ui
            .add_enabled(
                view.read_only(),
                egui::Button::new(view.t("＋ 总体意见", "+ Overall comment")),
            )
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
                comment_ui(ui, view, c, Some(i), out);
            }
            if let Some(r) = review.filter(|r| !r.history.is_empty()) {
                history_ui(ui, view, &r.history, out);
            }
        });
}

/// One comment: target link, text, who and when, and what may be done with it
/// (the reviewer deletes in review mode; the county marks it 已处理 while
/// editing). `index` is `None` for comments of earlier rounds (read-only).
fn comment_ui(
    ui: &mut Ui,
    view: &View<'_>,
    c: &crate::plan::Comment,
    index: Option<usize>,
    out: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        let target = crate::gui::kit::targets::label(view.doc.plan(), &c.target, view.lang());
        if ui
            .link(RichText::new(target))
            .on_hover_text(&c.target)
            .clicked()
            && !c.target.is_empty()
        {
            out.push(Action::JumpTo(c.target.clone()));
        }
        ui.label(&c.text);
        if !c.author.is_empty() || !c.at.is_empty() {
            let at = crate::digest::readable_time(&c.at, view.lang());
            ui.label(RichText::new(view.lang().paren(&format!("{} {at}", c.author))).weak());
        }
        if let Some(r) = &c.resolved {
            ui.label(
                RichText::new(format!("{}{}", view.t("已处理：", "Dealt with: "), r.note))
                    .color(theme::palette(ui).balanced),
            );
        }
        let Some(i) = index else { return };
        if view.read_only() {
            if ui
                .small_button("×")
                .on_hover_text(view.t("删除此意见", "Delete this comment"))
                .clicked()
            {
                out.push(Action::RemoveComment(i));
            }
        } else if c.resolved.is_none() {
            let id = egui::Id::unique(("resolve-note", i));
            let mut note = ui.data_mut(|d| d.get_temp::<String>(id).unwrap_or_default());
            let label = view.t("处理说明", "Note on what was done");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut note)
                        .desired_width(200.0)
                        .hint_text(label),
                )
                .accessible_name(format!("{} {} {}", view.t("意见", "comment"), i + 1, label));
            select_on_keyboard_focus(ui, &field, &note);
            if ui
                .button(view.t("标记已处理", "Mark as dealt with"))
                .clicked()
            {
                out.push(Action::ResolveComment(i, note.clone()));
                note.clear();
            }
            ui.data_mut(|d| d.insert_temp(id, note));
        }
    });
}

/// Earlier rounds of review, read-only.
fn history_ui(ui: &mut Ui, view: &View<'_>, rounds: &[crate::plan::Round], out: &mut Vec<Action>) {
    ui.add_space(8.0);
    ui.strong(view.t("审核历史", "Review history"));
    for (n, r) in rounds.iter().enumerate() {
        ui.label(format!(
            "{} {} · {} · {} · {}",
            view.t("第", "Round"),
            match view.lang() {
                crate::Lang::Zh => format!("{} 轮", n + 1),
                crate::Lang::En => (n + 1).to_string(),
            },
            r.decision.label(view.lang()),
            r.reviewer,
            crate::digest::readable_time(&r.at, view.lang())
        ));
        if ui
            .button(view.t(
                "与该轮审核的版本比较",
                "Compare with the revision this round judged",
            ))
            .on_hover_text(&r.digest)
            .clicked()
        {
            out.push(Action::CompareWithRound(n));
        }
        ui.indent(("round", n), |ui| {
            for c in &r.comments {
                comment_ui(ui, view, c, None, out);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::document::{Document, bundled_sample};
    use crate::gui::harness::OneScreen;

    /// The screen asks for the reviewer's name to change; it changes nothing itself.
    #[test]
    fn typing_the_reviewer_asks_for_the_change() {
        let mut doc = Document::new(bundled_sample(), None);
        doc.set_read_only(true);
        let mut h =
            OneScreen::part(doc, |ui, view, out| review_ui(ui, view, "农业科", out)).harness();
        h.get_by_label("审核人").focus();
        h.run();
        h.state_mut().take_actions();
        h.get_by_label("审核人").type_text("张");
        h.run();
        let actions = h.state().actions();
        let names: Vec<&str> = actions
            .iter()
            .filter_map(|a| match a {
                Action::Reviewer(name) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        // Focus selected the remembered name, so typing replaces it.
        assert_eq!(names.first(), Some(&"张"), "{actions:?}");
    }
}
