//! Colours with a meaning, in one place.

use egui::Color32;

use crate::validate::Severity;

/// Money still to arrange on a line (amber).
pub const TO_ARRANGE: Color32 = Color32::from_rgb(0xB2, 0x6B, 0x00);
/// Exactly arranged (green).
pub const BALANCED: Color32 = Color32::from_rgb(0x1E, 0x7B, 0x34);
/// Over-arranged or invalid (red).
pub const OVER: Color32 = Color32::from_rgb(0xC6, 0x28, 0x28);
/// Cross-category cells of the matrix (light violet background).
pub const CROSS_BG: Color32 = Color32::from_rgba_premultiplied(0x30, 0x0C, 0x45, 0x50);
/// The field a finding jumped to.
pub const FLASH: Color32 = Color32::from_rgb(0x15, 0x65, 0xC0);
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

/// The colour of a severity.
pub fn severity(s: Severity) -> Color32 {
    match s {
        Severity::Error => OVER,
        Severity::Warning => TO_ARRANGE,
        Severity::Info => Color32::from_rgb(0x45, 0x5A, 0x64),
    }
}

/// The colour of a remaining-to-arrange amount: amber above zero, green at
/// zero, red below.
pub fn remaining(m: crate::Money) -> Color32 {
    if m.is_zero() {
        BALANCED
    } else if m.is_negative() {
        OVER
    } else {
        TO_ARRANGE
    }
}
