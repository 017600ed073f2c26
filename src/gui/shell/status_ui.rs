//! The status bar: the plan's totals and the validator's counts.

use egui::{RichText, Ui};

use crate::gui::kit::theme;
use crate::gui::state::action::Action;
use crate::gui::state::screen::Screen;
use crate::gui::state::view::View;
use crate::validate::Severity;

/// Draws 下达 / 纳入整合 / 已安排 / 待安排 and the error and warning counts.
pub fn status_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    let report = view.doc.report();
    let t = &report.totals;
    let unit = view.unit().label(view.lang());
    let amount = |m: crate::Money| m.display(view.unit(), 2);
    ui.horizontal(|ui| {
        ui.label(format!(
            "{} {}",
            view.t("下达", "Allocated"),
            amount(t.allocated)
        ));
        ui.separator();
        ui.label(format!(
            "{} {}",
            view.t("纳入整合", "Integrated"),
            amount(t.integrated)
        ));
        ui.separator();
        ui.label(format!(
            "{} {}",
            view.t("已安排", "Arranged"),
            amount(t.arranged)
        ));
        ui.separator();
        let rest = t.unarranged();
        ui.label(
            RichText::new(format!(
                "{} {}",
                view.t("待安排", "To arrange"),
                amount(rest)
            ))
            .color(theme::palette(ui).remaining(rest)),
        );
        ui.label(view.lang().paren(unit));
        if let Some((sentence, n)) = crate::gui::kit::widgets::take_invalid_cells(ui.ctx()) {
            ui.separator();
            let more = match (view.lang(), n) {
                (_, 1) => String::new(),
                (crate::Lang::Zh, n) => format!("（共 {n} 格）"),
                (crate::Lang::En, n) => format!(" ({n} cells)"),
            };
            // Leave the error and warning counts on the right their room: a long
            // sentence ends in "…" and shows in full on hover.
            let room = (ui.available_width() - 180.0).max(80.0);
            let text = RichText::new(format!("{sentence}{more}")).color(theme::palette(ui).over);
            ui.scope(|ui| {
                ui.set_max_width(room);
                ui.add(egui::Label::new(text).truncate());
            });
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let (e, w) = (
                report.count(Severity::Error),
                report.count(Severity::Warning),
            );
            let text = format!(
                "{}  {}",
                view.lang().count(e, "个错误", "error", "errors"),
                view.lang().count(w, "个警告", "warning", "warnings")
            );
            let color = if e > 0 {
                theme::palette(ui).over
            } else if w > 0 {
                theme::palette(ui).to_arrange
            } else {
                theme::palette(ui).balanced
            };
            if ui.link(RichText::new(text).color(color)).clicked() {
                out.push(Action::Go(Screen::Findings));
            }
        });
    });
}
