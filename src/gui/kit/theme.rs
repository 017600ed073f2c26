//! Colours with a meaning, in one place, for the light and the dark look.
//!
//! Screens take their colours from [`palette`]: each text colour has at least
//! 4.5:1 contrast on its theme's backgrounds (checked below).

use egui::Color32;

use crate::validate::Severity;

/// The colours with a meaning for one look (light or dark).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// Money still to arrange, drafts, changes (amber).
    pub to_arrange: Color32,
    /// Exactly arranged, approved, added (green).
    pub balanced: Color32,
    /// Over-arranged, invalid, errors (red).
    pub over: Color32,
    /// The field a finding jumped to; review comment marks (blue).
    pub flash: Color32,
    /// Info findings (blue grey).
    pub info: Color32,
    /// Cross-category cells of the matrix (a violet shade under the text).
    pub cross_bg: Color32,
}

impl Palette {
    /// On white and light grey, like the spreadsheets officers know.
    pub const LIGHT: Palette = Palette {
        to_arrange: Color32::from_rgb(0x8F, 0x56, 0x00),
        balanced: Color32::from_rgb(0x1B, 0x6E, 0x2F),
        over: Color32::from_rgb(0xC6, 0x28, 0x28),
        flash: Color32::from_rgb(0x15, 0x65, 0xC0),
        info: Color32::from_rgb(0x45, 0x5A, 0x64),
        cross_bg: Color32::from_rgba_premultiplied(0x2A, 0x00, 0x45, 0x30),
    };

    /// On egui's dark greys.
    pub const DARK: Palette = Palette {
        to_arrange: Color32::from_rgb(0xFF, 0xB7, 0x4D),
        balanced: Color32::from_rgb(0x66, 0xBB, 0x6A),
        over: Color32::from_rgb(0xEF, 0x6C, 0x6C),
        flash: Color32::from_rgb(0x64, 0xB5, 0xF6),
        info: Color32::from_rgb(0xB0, 0xBE, 0xC5),
        cross_bg: CROSS_BG,
    };

    /// The palette for these visuals.
    pub fn of(visuals: &egui::Visuals) -> &'static Palette {
        if visuals.dark_mode {
            &Palette::DARK
        } else {
            &Palette::LIGHT
        }
    }

    /// The colour of a severity.
    pub fn severity(&self, s: Severity) -> Color32 {
        match s {
            Severity::Error => self.over,
            Severity::Warning => self.to_arrange,
            Severity::Info => self.info,
        }
    }

    /// The colour of a remaining-to-arrange amount: amber above zero, green
    /// at zero, red below.
    pub fn remaining(&self, m: crate::Money) -> Color32 {
        if m.is_zero() {
            self.balanced
        } else if m.is_negative() {
            self.over
        } else {
            self.to_arrange
        }
    }
}

/// Solid scroll bars; light-look tweaks: inputs get a grey outline, so the
/// cells stand out from the white rows as in a spreadsheet (egui's light
/// inputs have none). The selected row is a paler blue and hint text an
/// opaque grey, so the palette's colours on a selected row (a project's amber
/// P-code) and the hint lines keep WCAG AA contrast, 4.5:1 (egui's are 3.6:1
/// and 2.9:1).
pub fn install(ctx: &egui::Context) {
    // Scroll bars always drawn at full width beside the content, never
    // floating over it: a table wider than the window shows that it scrolls
    // sideways, and no amount hides under a bar.
    ctx.all_styles_mut(|s| s.spacing.scroll = egui::style::ScrollStyle::solid());
    ctx.style_mut_of(egui::Theme::Light, |s| {
        s.visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, Color32::from_gray(185));
        s.visuals.selection.bg_fill = LIGHT_SELECTION;
        s.visuals.weak_text_color = Some(LIGHT_HINT);
    });
}

/// The light look's selected rows and selected text.
const LIGHT_SELECTION: Color32 = Color32::from_rgb(0xD6, 0xEB, 0xFF);
/// The light look's hint text (egui's "weak" text).
const LIGHT_HINT: Color32 = Color32::from_gray(0x6B);

/// The text colour of a row's 批注 button with `comments` on the row: blue
/// with comments, else the text of any button that works (weak text, as it
/// was, is in the dark look the grey of a disabled button).
pub fn comment_button_text(visuals: &egui::Visuals, comments: usize) -> Color32 {
    if comments > 0 {
        Palette::of(visuals).flash
    } else {
        visuals.widgets.inactive.text_color()
    }
}

/// The palette of the look `ui` is drawn in.
pub fn palette(ui: &egui::Ui) -> &'static Palette {
    Palette::of(ui.visuals())
}

/// Cross-category cells of the matrix (light violet background).
pub const CROSS_BG: Color32 = Color32::from_rgba_premultiplied(0x30, 0x0C, 0x45, 0x50);
/// Flow diagram: money used within its category (translucent blue grey,
/// readable on light and dark backgrounds).
pub const FLOW_BAND: Color32 = Color32::from_rgba_unmultiplied_const(0x78, 0x90, 0x9C, 0x90);
/// Flow diagram: the hovered band within its category.
pub const FLOW_BAND_HOVER: Color32 = Color32::from_rgba_unmultiplied_const(0x78, 0x90, 0x9C, 0xE0);
/// Flow diagram: cross-category money (跨类别使用, violet like the matrix shading).
pub const FLOW_CROSS: Color32 = Color32::from_rgba_unmultiplied_const(0x9C, 0x27, 0xB0, 0xA8);
/// Flow diagram: the hovered cross-category band.
pub const FLOW_CROSS_HOVER: Color32 = Color32::from_rgba_unmultiplied_const(0x9C, 0x27, 0xB0, 0xF0);
/// Bars of the amount per use.
pub const FLOW_BAR: Color32 = Color32::from_rgb(0x42, 0x7F, 0xBF);

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance.
    fn luminance(c: Color32) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    fn texts(p: &Palette) -> [(&'static str, Color32); 5] {
        [
            ("to_arrange", p.to_arrange),
            ("balanced", p.balanced),
            ("over", p.over),
            ("flash", p.flash),
            ("info", p.info),
        ]
    }

    #[test]
    fn every_text_colour_has_4_5_to_1_contrast_on_its_backgrounds() {
        for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            let p = Palette::of(&visuals);
            let backgrounds = [
                visuals.panel_fill,
                visuals.window_fill,
                visuals.extreme_bg_color,
            ];
            for (name, colour) in texts(p) {
                for bg in backgrounds {
                    let c = contrast(colour, bg);
                    assert!(
                        c >= 4.5,
                        "{name} {colour:?} on {bg:?} (dark {}): {c:.2}",
                        visuals.dark_mode
                    );
                }
            }
        }
    }

    /// `fg` (premultiplied, maybe translucent, as egui's weak text is)
    /// drawn over the opaque `bg`.
    fn over(fg: Color32, bg: Color32) -> Color32 {
        let a = f32::from(fg.a()) / 255.0;
        let mix = |f: u8, b: u8| (f32::from(f) + f32::from(b) * (1.0 - a)).round().min(255.0) as u8;
        Color32::from_rgb(
            mix(fg.r(), bg.r()),
            mix(fg.g(), bg.g()),
            mix(fg.b(), bg.b()),
        )
    }

    /// Issue 22 item 14: what the light look draws on more than the panel:
    /// the amber P-code of a project with a warning on the list's striped and
    /// selected rows, and the grey hint lines (egui's weak text, translucent).
    #[test]
    fn light_text_reaches_wcag_aa_on_rows_and_hints_too() {
        let ctx = egui::Context::default();
        install(&ctx);
        let visuals = ctx.style_of(egui::Theme::Light).visuals.clone();
        let p = Palette::of(&visuals);
        let rows = [
            ("panel", visuals.panel_fill),
            ("stripe", over(visuals.faint_bg_color, visuals.panel_fill)),
            ("selected row", visuals.selection.bg_fill),
        ];
        for (name, colour) in texts(p) {
            for (bg_name, bg) in rows {
                let c = contrast(colour, bg);
                assert!(c >= 4.5, "{name} {colour:?} on {bg_name} {bg:?}: {c:.2}");
            }
        }
        for bg in [visuals.panel_fill, visuals.window_fill] {
            let hint = over(visuals.weak_text_color(), bg);
            let c = contrast(hint, bg);
            assert!(c >= 4.5, "hint {hint:?} on {bg:?}: {c:.2}");
        }
    }

    /// Issue 22 item 14: a 批注 button without comments was weak text, which
    /// in the dark look is the grey of a disabled button.
    #[test]
    fn a_comment_button_looks_like_a_button_that_works() {
        let ctx = egui::Context::default();
        install(&ctx);
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let visuals = ctx.style_of(theme).visuals.clone();
            let text = comment_button_text(&visuals, 0);
            let fill = visuals.widgets.inactive.weak_bg_fill;
            assert_eq!(text, visuals.widgets.inactive.text_color(), "{theme:?}");
            let c = contrast(over(text, fill), fill);
            assert!(c >= 4.5, "{theme:?}: {text:?} on {fill:?}: {c:.2}");
            assert_eq!(
                comment_button_text(&visuals, 2),
                Palette::of(&visuals).flash
            );
        }
    }

    #[test]
    fn light_and_dark_differ() {
        assert_ne!(Palette::LIGHT, Palette::DARK);
        assert_eq!(Palette::of(&egui::Visuals::light()), &Palette::LIGHT);
        assert_eq!(Palette::of(&egui::Visuals::dark()), &Palette::DARK);
    }
}
