//! 校验结果: the validator's findings, errors first; clicking one jumps to
//! the field it names.

use egui::{RichText, Ui};

use crate::gui::kit::theme;
use crate::gui::state::action::Action;
use crate::gui::state::screen::Screen;
use crate::gui::state::view::View;
use crate::validate::{Rule, Severity};

/// Draws the findings list (only visible rows are laid out).
pub fn findings_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    let report = view.doc.report();
    ui.horizontal(|ui| {
        ui.heading(view.t("校验结果", "Findings"));
        for s in [Severity::Error, Severity::Warning, Severity::Info] {
            ui.label(
                RichText::new(format!("{} {}", s.label(view.lang()), report.count(s)))
                    .color(theme::palette(ui).severity(s)),
            );
        }
    });
    ui.label(view.t(
        "错误须改正后才能提交；警告会随方案记录。点击一条可跳到对应位置。",
        "Errors block submission; warnings are recorded. Click a finding to go to its field.",
    ));
    ui.separator();
    if report.findings.is_empty() {
        ui.label(
            RichText::new(view.t("没有发现问题。", "No findings."))
                .color(theme::palette(ui).balanced),
        );
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        row_height,
        report.findings.len(),
        |ui, range| {
            let start = range.start;
            let shown = report.findings.get(range).unwrap_or_default();
            for (n, f) in shown.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(f.severity().label(view.lang()))
                            .color(theme::palette(ui).severity(f.severity()))
                            .strong(),
                    );
                    ui.label(RichText::new(f.rule.code()).monospace())
                        .on_hover_text(f.rule.title(view.lang()));
                    let text = f.message.get(view.lang());
                    let link = ui.link(text);
                    if start + n == 0 {
                        crate::gui::kit::first_input::mark(ui, &link);
                    }
                    if link.clicked() {
                        out.push(match (f.path.is_empty(), f.rule) {
                            // Plan-wide findings: own lines live on the sources screen,
                            // shares and cross-category use on the matrix.
                            (true, Rule::S08) => Action::Go(Screen::Sources),
                            (true, _) => Action::Go(Screen::Matrix),
                            (false, _) => Action::JumpTo(f.path.clone()),
                        });
                    }
                    if !f.path.is_empty() {
                        ui.label(RichText::new(&f.path).monospace().weak());
                    }
                });
            }
        },
    );
}
