//! A font's sizes in the units PDF uses (1/1000 em): advances, and the
//! metrics of the font descriptor; for the bundled font and fallbacks alike.

use ttf_parser::{Face, GlyphId};

/// Font metrics for the `/FontDescriptor`, in 1/1000 em.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Metrics {
    /// Typographic ascender.
    pub ascent: i32,
    /// Typographic descender (negative).
    pub descent: i32,
    /// Height of capital letters.
    pub cap_height: i32,
    /// Font bounding box: x min, y min, x max, y max.
    pub bbox: [i32; 4],
}

/// `units` of a font of `upem` units per em, in 1/1000 em (rounded).
fn scale(units: i32, upem: u32) -> i32 {
    let upem = i32::try_from(upem.max(1)).unwrap_or(1000);
    let wide = (i64::from(units) * 1000 + i64::from(upem / 2) * i64::from(units.signum()))
        / i64::from(upem);
    i32::try_from(wide).unwrap_or(0)
}

/// The advance of `gid` in 1/1000 em.
pub fn advance_of(face: &Face, gid: GlyphId, upem: u32) -> u16 {
    let advance = face.glyph_hor_advance(gid).unwrap_or(0);
    u16::try_from(scale(advance.into(), upem)).unwrap_or(u16::MAX)
}

/// The face's metrics for the font descriptor.
pub fn metrics_of(face: &Face, upem: u32) -> Metrics {
    let b = face.global_bounding_box();
    let ascent = face.typographic_ascender().unwrap_or(face.ascender());
    let descent = face.typographic_descender().unwrap_or(face.descender());
    Metrics {
        ascent: scale(ascent.into(), upem),
        descent: scale(descent.into(), upem),
        cap_height: scale(face.capital_height().unwrap_or(ascent).into(), upem),
        bbox: [b.x_min, b.y_min, b.x_max, b.y_max].map(|v| scale(v.into(), upem)),
    }
}
