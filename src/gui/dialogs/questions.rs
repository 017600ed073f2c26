//! The dialogs that ask: unsaved changes, submit, leave review mode,
//! restore after a crash, overwrite a file changed on disk; and the strip
//! shown while it has changed.

use super::*;

pub(super) fn unsaved_ui(ui: &mut Ui, view: &View<'_>, pending: &Pending, out: &mut Vec<Action>) {
    ui.heading(view.t("方案有未保存的修改", "The plan has unsaved changes"));
    ui.label(view.t("是否先保存？", "Save them first?"));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(view.t("保存", "Save")).clicked() {
            out.push(Action::SaveFirst(pending.clone()));
        }
        if ui.button(view.t("不保存", "Don't save")).clicked() {
            out.push(Action::Proceed(pending.clone()));
        }
        if ui.button(view.t("取消", "Cancel")).clicked() {
            out.push(Action::CloseDialog);
        }
    });
}

/// 提交方案…: what will be sealed, in the unit shown, before it is.
pub(super) fn confirm_submit_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    let plan = view.doc.plan();
    let t = &view.doc.report().totals;
    let unit = view.unit().label(view.lang());
    let [allocated, integrated, arranged] =
        [t.allocated, t.integrated, t.arranged].map(|m| m.display(view.unit(), 2));
    ui.heading(view.t("提交方案并加盖提交印记？", "Seal the plan for submission?"));
    ui.label(match view.lang() {
        crate::Lang::Zh => format!(
            "{} {} 年 第 {} 版",
            plan.county.name, plan.year, plan.revision
        ),
        crate::Lang::En => format!(
            "{} {}, revision {}",
            plan.county.name, plan.year, plan.revision
        ),
    });
    Grid::new("submit-totals")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for (zh, en, amount) in [
                ("下达资金", "Allocated", allocated),
                ("纳入整合", "Integrated", integrated),
                ("已安排到项目", "Arranged to projects", arranged),
            ] {
                ui.label(view.t(zh, en));
                ui.label(format!("{amount} {unit}"));
                ui.end_row();
            }
        });
    ui.label(warnings_carried(view));
    ui.label(view.t(
        "提交后修改任何内容都会使提交印记失效（D01），须重新提交。",
        "After submission, changing anything breaks the seal (D01) and the plan must be submitted again.",
    ));
    yes_or_cancel_ui(ui, view, view.t("确认提交", "Submit"), out, || {
        vec![Action::CloseDialog, Action::SealNow]
    });
}

/// The warnings the seal records and the league sees with the plan, by rule.
fn warnings_carried(view: &View<'_>) -> String {
    let report = view.doc.report();
    let n = report.warnings();
    let mut codes: Vec<&str> = Vec::new();
    for f in &report.findings {
        let code = f.rule.code();
        if f.severity() == crate::validate::Severity::Warning && !codes.contains(&code) {
            codes.push(code);
        }
    }
    match (view.lang(), n) {
        (crate::Lang::Zh, 0) => "没有警告。".to_string(),
        (crate::Lang::En, 0) => "There are no warnings.".to_string(),
        (crate::Lang::Zh, _) => format!(
            "方案有 {n} 条警告（{}），将随方案一并报送盟市。",
            codes.join("、")
        ),
        (crate::Lang::En, _) => format!(
            "The plan has {} ({}); {} to the league with the plan.",
            view.lang().count(n, "", "warning", "warnings"),
            codes.join(", "),
            if n == 1 { "it goes" } else { "they go" }
        ),
    }
}

/// The buttons of a question: `yes` does what `actions` returns; 取消 closes.
pub(super) fn yes_or_cancel_ui(
    ui: &mut Ui,
    view: &View<'_>,
    yes: &str,
    out: &mut Vec<Action>,
    actions: impl FnOnce() -> Vec<Action>,
) {
    ui.add_space(8.0);
    // Enter answers yes, as the README promises for dialogs, unless 取消 has
    // the focus (then Enter presses 取消).
    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        let yes = ui.button(yes);
        let cancel = ui.button(view.t("取消", "Cancel"));
        if cancel.clicked() {
            out.push(Action::CloseDialog);
        } else if yes.clicked() || (enter && !cancel.has_focus()) {
            out.extend(actions());
        }
    });
}

/// The strip shown while the open file has changed on disk.
pub fn disk_changed_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(view.t(
                "文件已在磁盘上被修改（其他人保存过）",
                "The file changed on disk (someone else saved it)",
            ))
            .color(theme::palette(ui).to_arrange)
            .strong(),
        );
        if ui.button(view.t("重新载入", "Reload")).clicked() {
            out.push(Action::Guard(Pending::Reload));
        }
    });
}

/// 方案有错误，不能提交: each error links to its field.
pub(super) fn submit_refused_ui(
    ui: &mut Ui,
    view: &View<'_>,
    errors: &[(String, String, crate::Text)],
    out: &mut Vec<Action>,
) {
    ui.heading(view.t(
        "方案有错误，不能提交",
        "The plan has errors and cannot be submitted",
    ));
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            for (rule, path, msg) in errors.iter() {
                if ui
                    .link(format!("{rule}  {}", msg.get(view.lang())))
                    .clicked()
                {
                    out.push(Action::CloseDialog);
                    out.push(Action::JumpTo(path.clone()));
                }
            }
        });
    ok_ui(ui, view, out);
}

/// What a crashed run left: restore or discard.
pub(super) fn recover_ui(
    ui: &mut Ui,
    view: &View<'_>,
    file: &Option<PathBuf>,
    at: &str,
    out: &mut Vec<Action>,
) {
    ui.heading(view.t("发现未保存的修改", "Unsaved work was found"));
    let file = file.as_ref().map_or_else(
        || {
            view.t("（未保存的新方案）", "(a new, unsaved plan)")
                .to_string()
        },
        |p| p.display().to_string(),
    );
    ui.label(format!("{}{file}", view.t("文件：", "File: ")));
    ui.label(format!("{}{at}", view.t("保存时间：", "Written at: ")));
    ui.label(view.t(
        "上次退出前有未保存的修改。是否恢复？",
        "The last session ended with unsaved changes. Restore them?",
    ));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(view.t("恢复", "Restore")).clicked() {
            out.push(Action::Restore);
        }
        if ui.button(view.t("丢弃", "Discard")).clicked() {
            out.push(Action::DiscardRecovery);
        }
    });
}

/// The file changed on disk since it was opened: overwrite (then do what
/// waits, `then`), reload or cancel.
pub(super) fn changed_on_disk_ui(
    ui: &mut Ui,
    view: &View<'_>,
    path: &std::path::Path,
    then: &Option<Pending>,
    out: &mut Vec<Action>,
) {
    ui.heading(view.t("文件已被其他程序修改", "The file changed on disk"));
    ui.label(format!(
        "{}{}",
        view.t(
            "打开之后，其他人或程序保存过：",
            "Someone or something saved it after you opened it: "
        ),
        path.display()
    ));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui
            .button(view.t("仍然保存（覆盖）", "Save anyway (overwrite)"))
            .clicked()
        {
            out.push(Action::ForceSave(path.to_path_buf(), then.clone()));
        }
        if ui
            .button(view.t("重新载入磁盘上的版本", "Reload the version on disk"))
            .clicked()
        {
            out.push(Action::Reload);
        }
        if ui.button(view.t("取消", "Cancel")).clicked() {
            out.push(Action::CloseDialog);
        }
    });
}

/// Leaving review mode breaks the seal: confirm.
pub(super) fn confirm_unlock_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    ui.heading(view.t("允许修改已提交的方案？", "Allow editing a submitted plan?"));
    ui.label(view.t(
        "修改任何内容都会使提交印记失效（D01），方案须重新提交。审核意见不受影响。",
        "Changing any content breaks the submission seal (D01) and the plan must be submitted again. Review comments are not affected.",
    ));
    yes_or_cancel_ui(
        ui,
        view,
        view.t("允许修改", "Allow editing"),
        out,
        || vec![Action::Unlock],
    );
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::document::{Document, bundled_sample};
    use crate::edit::Edit;
    use crate::gui::harness::OneScreen;

    /// Whether to ask about unsaved changes is decided in `apply`, not by the strip.
    #[test]
    fn the_disk_strip_asks_for_a_guarded_reload_dirty_or_not() {
        let mut dirty = Document::new(bundled_sample(), None);
        let project = dirty.plan().projects.first().cloned().map(Box::new);
        dirty.apply(Edit::SetProject(0, project.expect("a project")), None);
        assert!(dirty.is_dirty());
        for doc in [Document::new(bundled_sample(), None), dirty] {
            let mut h = OneScreen::part(doc, disk_changed_ui).harness();
            h.get_by_label("重新载入").click();
            h.run();
            let actions = h.state().actions();
            assert!(
                matches!(actions, [Action::Guard(Pending::Reload)]),
                "{actions:?}"
            );
        }
    }
}
