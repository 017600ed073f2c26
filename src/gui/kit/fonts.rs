//! The bundled CJK font (Noto Sans CJK SC, subset to GB2312; SIL OFL 1.1, see
//! `assets/fonts/`). Without it egui draws boxes for Chinese. Rarer characters
//! (some place names) fall back to the system's fonts through eframe.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};

/// The font file, compiled in.
pub const NOTO_SC: &[u8] = include_bytes!("../../../assets/fonts/NotoSansSC-Subset.otf");

/// Installs the CJK font first for proportional text and as fallback for
/// monospace. Tests call this too, so they see what users see.
pub fn install(ctx: &egui::Context) {
    ctx.add_font(FontInsert {
        name: "noto-sans-sc".to_string(),
        data: FontData::from_static(NOTO_SC),
        families: vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Highest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    });
}
