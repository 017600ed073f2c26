//! The screens of the left navigation, one module each (the flow diagram
//! is drawn below the 整合矩阵).

pub mod catalog_ui;
pub mod compare_ui;
pub mod findings_ui;
pub mod flow_ui;
pub mod header_ui;
pub mod matrix_ui;
pub mod projects_ui;
pub mod review_ui;
pub mod sources_ui;
pub mod summary_ui;

use crate::gui::state::action::Action;
use crate::gui::state::league::Rollup;
use crate::gui::state::screen::Screen;
use crate::gui::state::view::View;

/// Draws `screen`: the one dispatch the app and the screen harness
/// ([`crate::gui::harness`]) share. `rollup` is the league's (汇总), which
/// belongs to no document.
pub fn screen_ui(
    ui: &mut egui::Ui,
    screen: Screen,
    view: &View<'_>,
    rollup: Option<&Rollup>,
    out: &mut Vec<Action>,
) {
    match screen {
        Screen::Header => header_ui::header_ui(ui, view, out),
        Screen::Sources => sources_ui::sources_ui(ui, view, out),
        Screen::Projects => projects_ui::projects_ui(ui, view, out),
        Screen::Matrix => matrix_ui::matrix_ui(ui, view, out),
        Screen::Findings => findings_ui::findings_ui(ui, view, out),
        Screen::Review => review_ui::review_ui(ui, view, view.reviewer(), out),
        Screen::Compare => compare_ui::compare_ui(ui, view, view.compare(), out),
        Screen::Summary => summary_ui::summary_ui(ui, view, rollup, out),
        Screen::Catalog => catalog_ui::catalog_ui(ui, view, view.catalog_draft(), out),
    }
}
