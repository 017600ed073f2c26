//! A font's PDF objects: a Type0 font with Identity-H encoding over a CID
//! font whose program is the font cut down to the glyphs the document drew
//! ([`Font::subset`]): `CIDFontType0` with a bare CFF program for the bundled
//! font and CFF fallbacks, `CIDFontType2` with `/FontFile2` for TrueType
//! fallbacks; with `/W` widths and a `/ToUnicode` CMap for those glyphs, so
//! that viewers show and `pdftotext` extracts the text.
//!
//! The subset's name carries the six-letter tag PDF asks of a subset font
//! (`ABCDEF+NotoSansCJKsc-Regular`, 9.6.4), taken from a digest of the glyphs,
//! so the same document always gets the same tag.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use sha2::{Digest, Sha256};

use super::doc::deflate;
use super::fallback::Outlines;
use super::font::{Font, Used};

/// How many objects [`write`] writes, numbered from the font's own.
pub const OBJECTS: i32 = 5;

/// Writes font `which` of `font` as object `id` (the Type0 font pages refer
/// to) and the [`OBJECTS`]` - 1` objects after it.
pub fn write(pdf: &mut Pdf, font: &Font, which: usize, id: Ref) {
    let cid_font = id.next();
    let descriptor = cid_font.next();
    let program = descriptor.next();
    let to_unicode = program.next();
    let used = font.used(which);
    let subset = font.subset(which);
    let postscript = font.name(which);
    let name = match &subset {
        Some(s) => format!("{}+{postscript}", tag(&s.data)),
        // Not embedded: the viewer substitutes a font (never happens for the
        // bundled font, a test proves it; a fallback was subset when chosen).
        None => postscript.to_string(),
    };
    let truetype = subset
        .as_ref()
        .is_some_and(|s| s.outlines == Outlines::TrueType);

    pdf.type0_font(id)
        .base_font(Name(format!("{name}-Identity-H").as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_font)
        .to_unicode(to_unicode);

    let mut cid = pdf.cid_font(cid_font);
    cid.subtype(if truetype {
        CidFontType::Type2
    } else {
        CidFontType::Type0
    })
    .base_font(Name(name.as_bytes()))
    .system_info(SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    })
    .font_descriptor(descriptor)
    .default_width(1000.0);
    if truetype {
        // The subset's glyph ids are the codes shown.
        cid.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    let mut widths = cid.widths();
    for run in runs(&used) {
        if let Some(first) = run.first() {
            widths.consecutive(first.code, run.iter().map(|u| f32::from(u.advance)));
        }
    }
    widths.finish();
    cid.finish();

    let m = font.metrics(which);
    let [x0, y0, x1, y1] = m.bbox.map(|v| v as f32);
    let mut d = pdf.font_descriptor(descriptor);
    d.name(Name(name.as_bytes()))
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(x0, y0, x1, y1))
        .italic_angle(0.0)
        .ascent(m.ascent as f32)
        .descent(m.descent as f32)
        .cap_height(m.cap_height as f32)
        .stem_v(80.0);
    if subset.is_some() {
        if truetype {
            d.font_file2(program);
        } else {
            d.font_file3(program);
        }
    }
    d.finish();
    if let Some(s) = &subset {
        let packed = deflate(&s.data);
        let mut stream = pdf.stream(program, &packed);
        stream.filter(Filter::FlateDecode);
        if truetype {
            stream.pair(
                Name(b"Length1"),
                i32::try_from(s.data.len()).unwrap_or(i32::MAX),
            );
        } else {
            stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
        }
    }

    let mut cmap = UnicodeCmap::new(
        Name(b"Adobe-Identity-UCS"),
        SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"UCS"),
            supplement: 0,
        },
    );
    for u in &used {
        cmap.pair(u.code, u.shown);
    }
    pdf.stream(to_unicode, &deflate(&cmap.finish()))
        .filter(Filter::FlateDecode);
}

/// The used glyphs in runs of consecutive codes, one `/W` entry each.
fn runs(used: &[Used]) -> Vec<&[Used]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=used.len() {
        let breaks = match (used.get(i - 1), used.get(i)) {
            (Some(a), Some(b)) => a.code.checked_add(1) != Some(b.code),
            _ => true,
        };
        if breaks {
            if let Some(run) = used.get(start..i) {
                out.push(run);
            }
            start = i;
        }
    }
    out
}

/// Six capital letters from a digest of the font program.
fn tag(program: &[u8]) -> String {
    Sha256::digest(program)
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_in_runs_of_consecutive_codes() {
        let u = |code| Used {
            code,
            advance: 500,
            shown: 'a',
        };
        let used = [u(1), u(2), u(3), u(7), u(9), u(10)];
        let lens: Vec<usize> = runs(&used).iter().map(|r| r.len()).collect();
        assert_eq!(lens, [3, 1, 2]);
        assert!(runs(&[]).is_empty());
    }

    #[test]
    fn the_tag_is_six_capitals_and_follows_the_program() {
        let t = tag(b"one");
        assert_eq!(t.len(), 6);
        assert!(t.chars().all(|c| c.is_ascii_uppercase()), "{t}");
        assert_eq!(t, tag(b"one"));
        assert_ne!(t, tag(b"two"));
    }
}
