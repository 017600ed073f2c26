//! The desktop app: a thin egui layer over the core.
//!
//! Panels draw from the open [`document::Document`] and push [`app::Action`]s;
//! the app applies them in one place at the end of the frame, where edits are
//! recorded for undo, mark the document dirty and re-run the validator.

pub mod app;
mod commands;
mod compare_ui;
mod dialogs_ui;
pub mod document;
pub mod edit;
mod files;
mod findings_ui;
mod flow_ui;
pub mod fonts;
mod header_ui;
mod league;
mod matrix_ui;
mod menu_ui;
mod nav_ui;
mod prefs;
mod projects_ui;
mod recovery;
mod review_ui;
mod sources_ui;
mod status_ui;
mod summary_ui;
mod theme;
mod widgets;

pub use app::{Action, FundplanApp, Screen};
pub use commands::UiCommand;
pub use files::Export;
pub use league::Column;
pub use prefs::Prefs;

/// The window icon (`assets/icons/fundplan.svg`, rendered at 256 px).
fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/fundplan-256.png"))
        .unwrap_or_default()
}

/// Opens the desktop app with `file` (or the last plan, or the bundled
/// sample), in `lang` if given (else the saved preference); returns the
/// process exit status.
pub fn run(file: Option<std::path::PathBuf>, lang: Option<crate::Lang>) -> i32 {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([960.0, 600.0])
            .with_title("fundplan")
            .with_drag_and_drop(true)
            .with_app_id("fundplan")
            .with_icon(icon()),
        ..Default::default()
    };
    let result = eframe::run_native(
        "fundplan",
        options,
        Box::new(move |cc| {
            let mut app = FundplanApp::new(cc, file);
            if let Some(lang) = lang {
                app.prefs.lang = lang;
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("无法打开窗口 / cannot open the window: {e}");
            1
        }
    }
}
