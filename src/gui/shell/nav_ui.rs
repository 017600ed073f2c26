//! The left navigation between screens.

use egui::{RichText, Ui};

use crate::gui::kit::theme;
use crate::gui::state::action::Action;
use crate::gui::state::screen::Screen;
use crate::gui::state::view::View;
use crate::validate::Severity;

/// Draws the navigation; the findings entry shows its error count.
pub fn nav_ui(ui: &mut Ui, view: &View<'_>, current: Screen, out: &mut Vec<Action>) {
    ui.add_space(8.0);
    let p = view.doc.plan();
    ui.label(RichText::new(&p.county.name).heading());
    ui.label(format!(
        "{} · {}",
        p.year,
        view.t(
            &format!("第 {} 版", p.revision),
            &format!("revision {}", p.revision)
        )
    ));
    ui.separator();
    let errors = view.doc.report().count(Severity::Error);
    for s in Screen::ALL {
        ui.horizontal(|ui| {
            let text = RichText::new(s.label(view.lang())).size(15.0);
            if ui.selectable_label(current == s, text).clicked() {
                out.push(Action::Go(s));
            }
            if s == Screen::Findings && errors > 0 {
                ui.label(
                    RichText::new(errors.to_string())
                        .color(theme::palette(ui).over)
                        .strong(),
                )
                .on_hover_text(view.t("错误数", "errors"));
            }
        });
        ui.add_space(2.0);
    }
}
