//! The desktop app: a thin egui layer over the core.
//!
//! Panels draw from the open [`crate::document::Document`] and push [`Action`]s;
//! the app applies them in one place at the end of the frame, where edits are
//! recorded for undo, mark the document dirty and re-run the validator.

pub mod app;
mod dialogs;
#[doc(hidden)]
pub mod harness;
mod kit;
mod screens;
mod shell;
mod state;

pub use app::FundplanApp;
pub use kit::fonts;
pub use state::action::Action;
pub use state::commands::UiCommand;
pub use state::dialog::{Dialog, Pending};
pub use state::files::{Export, FileAction};
pub use state::league::Column;
pub use state::prefs::{Appearance, Prefs};
pub use state::screen::Screen;

/// The window icon (`assets/icons/fundplan.svg`, rendered at 256 px).
fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/fundplan-256.png"))
        .unwrap_or_default()
}

/// Opens the desktop app with `file` (or the last plan, or the bundled
/// sample), in `lang` if given (else the saved preference); returns the
/// process exit status.
///
/// The window is drawn with OpenGL (glow); when no OpenGL context can be made
/// it is drawn with wgpu (Direct3D 12 or Vulkan) instead. `FUNDPLAN_RENDERER`
/// (`glow` or `wgpu`) forces one of them.
pub fn run(file: Option<std::path::PathBuf>, lang: Option<crate::Lang>) -> crate::Exit {
    let forced = std::env::var("FUNDPLAN_RENDERER").ok();
    let renderers = match renderers(forced.as_deref()) {
        Ok(renderers) => renderers,
        Err(unknown) => {
            eprintln!(
                "FUNDPLAN_RENDERER 只能是 glow 或 wgpu，而不是「{unknown}」 / \
                 FUNDPLAN_RENDERER must be glow or wgpu, not \"{unknown}\""
            );
            return crate::Exit::Failed;
        }
    };
    let mut tried = Vec::new();
    for renderer in renderers {
        match open_window(renderer, file.clone(), lang) {
            Ok(()) => return crate::Exit::Fine,
            Err(e) if is_renderer_failure(&e) => {
                // Said at once, so that a user whose window then opens knows why it may look
                // or start differently.
                eprintln!("{renderer} 无法打开窗口 / {renderer} cannot open the window: {e}");
                tried.push(renderer.to_string());
            }
            // No display, no window: another renderer would fail the same way.
            Err(e) => return cannot_open(&format!("无法打开窗口 / Cannot open the window: {e}")),
        }
    }
    cannot_open(&format!(
        "无法打开窗口：没有可用的 OpenGL、Direct3D 12 或 Vulkan 显卡驱动（已试 {tried}）。\
         请安装显卡厂商的驱动；命令行功能（fundplan validate 等）不受影响。\n\n\
         Cannot open the window: no OpenGL, Direct3D 12 or Vulkan graphics driver works \
         (tried {tried}). Install the graphics vendor's driver; the command line \
         (fundplan validate …) still works.",
        tried = tried.join(", ")
    ))
}

/// Whether opening the window failed in the renderer (no OpenGL context, no
/// wgpu adapter), which another renderer may overcome; not in the windowing
/// system itself (no display), which it cannot.
fn is_renderer_failure(e: &eframe::Error) -> bool {
    matches!(
        e,
        eframe::Error::Glutin(_)
            | eframe::Error::NoGlutinConfigs(..)
            | eframe::Error::OpenGL(_)
            | eframe::Error::Wgpu(_)
    )
}

/// Says why there is no window, on standard error and in a system dialog
/// (started from a desktop menu or by double-click, nobody sees standard
/// error): a Windows message box; zenity or the portal on Linux. Returns the
/// exit status, [`crate::Exit::NoWindow`].
fn cannot_open(message: &str) -> crate::Exit {
    eprintln!("{message}");
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("fundplan")
        .set_description(message)
        .show();
    crate::Exit::NoWindow
}

/// The renderers to try, in order: OpenGL first (smaller, faster to start,
/// best on old office GPUs), wgpu as the fallback; or the one `forced` names.
fn renderers(forced: Option<&str>) -> Result<Vec<eframe::Renderer>, String> {
    use eframe::Renderer::{Glow, Wgpu};
    match forced.map(str::trim) {
        None | Some("") => Ok(vec![Glow, Wgpu]),
        Some(name) if name.eq_ignore_ascii_case("glow") => Ok(vec![Glow]),
        Some(name) if name.eq_ignore_ascii_case("wgpu") => Ok(vec![Wgpu]),
        Some(other) => Err(other.to_owned()),
    }
}

/// Runs the app in one window drawn by `renderer` until it is closed.
/// eframe keeps its event loop between calls, so a failed attempt can be
/// followed by another.
fn open_window(
    renderer: eframe::Renderer,
    file: Option<std::path::PathBuf>,
    lang: Option<crate::Lang>,
) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([960.0, 600.0])
            .with_title("fundplan")
            .with_drag_and_drop(true)
            .with_app_id("fundplan")
            .with_icon(icon()),
        renderer,
        ..Default::default()
    };
    eframe::run_native(
        "fundplan",
        options,
        Box::new(move |cc| {
            let mut app = FundplanApp::new(cc, file);
            if let Some(lang) = lang {
                app.prefs.lang = lang;
            }
            Ok(Box::new(app))
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::renderers;
    use eframe::Renderer::{Glow, Wgpu};

    #[test]
    fn opengl_first_then_wgpu_unless_one_is_forced() {
        assert_eq!(renderers(None), Ok(vec![Glow, Wgpu]));
        assert_eq!(renderers(Some(" ")), Ok(vec![Glow, Wgpu]));
        assert_eq!(renderers(Some("WGPU")), Ok(vec![Wgpu]));
        assert_eq!(renderers(Some("glow")), Ok(vec![Glow]));
        assert_eq!(renderers(Some("vulkan")), Err("vulkan".to_owned()));
    }
}
