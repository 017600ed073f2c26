//! The embedded CJK font: characters to glyphs and advances, text widths, the
//! codes written in content streams, and the font program cut down to the
//! glyphs a document used.
//!
//! The font is Noto Sans CJK SC, a CID-keyed CFF font in an OpenType wrapper.
//! Every glyph a document draws gets a code in the order it is first drawn
//! (`subsetter`'s glyph remapper); the subset font has those codes as its glyph
//! ids and, being CID-keyed with an identity charset, as its CIDs, so the codes
//! shown (Identity-H: two bytes each), `/W` and `/ToUnicode` all use them.

use std::cell::RefCell;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

/// The bundled font file (OpenType with CFF outlines).
pub const FONT_FILE: &[u8] = include_bytes!("../../../../assets/fonts/NotoSansSC-Subset.otf");

/// The font's PostScript name (name ID 6), checked by a test.
pub const POSTSCRIPT_NAME: &str = "NotoSansCJKsc-Regular";

/// Shown in place of a character the font lacks.
const REPLACEMENT: char = '?';

/// One glyph of the bundled font: its glyph id and its advance in 1/1000 em.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Glyph {
    /// Glyph id in the bundled font (not yet the code written in the PDF).
    pub gid: u16,
    /// Advance width in thousandths of the font size.
    pub advance: u16,
}

/// One glyph a document drew, as the PDF sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Used {
    /// The two-byte code shown: the glyph's id and CID in the subset font.
    pub code: u16,
    /// Advance width in thousandths of the font size.
    pub advance: u16,
    /// The character it stands for (the first one drawn with it).
    pub shown: char,
}

/// The glyphs drawn so far: their codes in the subset, and what each shows.
#[derive(Default)]
struct Drawn {
    remapper: GlyphRemapper,
    /// Code → (advance, the character it stands for).
    codes: BTreeMap<u16, (u16, char)>,
}

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

/// The bundled font, with a record of every glyph a document used.
pub struct Font {
    face: Option<Face<'static>>,
    /// Units per em.
    upem: u32,
    /// Character → its glyph and the character the glyph stands for.
    cache: RefCell<FxHashMap<char, Option<(Glyph, char)>>>,
    /// Every glyph drawn, for the subset, `/W` and `/ToUnicode`.
    drawn: RefCell<Drawn>,
}

impl Default for Font {
    fn default() -> Self {
        Font::new()
    }
}

impl Font {
    /// Parses the bundled font. A font that does not parse (it always does; a
    /// test proves it) leaves every character without a glyph.
    pub fn new() -> Font {
        let face = Face::parse(FONT_FILE, 0).ok();
        let upem = face
            .as_ref()
            .map_or(1000, |f| u32::from(f.units_per_em()).max(1));
        Font {
            face,
            upem,
            cache: RefCell::default(),
            drawn: RefCell::default(),
        }
    }

    fn scale(&self, units: i32) -> i32 {
        // Exact for the bundled font (1000 units per em); rounded otherwise.
        let upem = self.upem as i32;
        (units * 1000 + upem / 2 * units.signum()) / upem
    }

    /// Metrics for the font descriptor.
    pub fn metrics(&self) -> Metrics {
        let Some(face) = &self.face else {
            return Metrics {
                ascent: 880,
                descent: -120,
                cap_height: 733,
                bbox: [0, -120, 1000, 880],
            };
        };
        let b = face.global_bounding_box();
        let ascent = face.typographic_ascender().unwrap_or(face.ascender());
        let descent = face.typographic_descender().unwrap_or(face.descender());
        Metrics {
            ascent: self.scale(ascent.into()),
            descent: self.scale(descent.into()),
            cap_height: self.scale(face.capital_height().unwrap_or(ascent).into()),
            bbox: [b.x_min, b.y_min, b.x_max, b.y_max].map(|v| self.scale(v.into())),
        }
    }

    /// The glyph the font has for `c` itself, if any.
    fn lookup(&self, c: char) -> Option<Glyph> {
        let face = self.face.as_ref()?;
        let gid = face.glyph_index(c)?;
        if gid == GlyphId(0) {
            return None;
        }
        let advance = face.glyph_hor_advance(gid).unwrap_or(0);
        let advance = u16::try_from(self.scale(advance.into())).unwrap_or(u16::MAX);
        Some(Glyph {
            gid: gid.0,
            advance,
        })
    }

    /// What `c` is drawn with: its glyph; a space for tabs and other white
    /// space; nothing for control characters; `?` for anything else the font
    /// lacks.
    pub fn glyph(&self, c: char) -> Option<Glyph> {
        self.resolve(c).map(|(g, _)| g)
    }

    /// The glyph for `c` and the character it stands for (`c`, a space or `?`).
    fn resolve(&self, c: char) -> Option<(Glyph, char)> {
        if let Some(g) = self.cache.borrow().get(&c) {
            return *g;
        }
        let g = match self.lookup(c) {
            Some(g) => Some((g, c)),
            None if c.is_whitespace() => self.lookup(' ').map(|g| (g, ' ')),
            None if c.is_control() => None,
            None => self.lookup(REPLACEMENT).map(|g| (g, REPLACEMENT)),
        };
        self.cache.borrow_mut().insert(c, g);
        g
    }

    /// Width of `text` in 1/1000 em.
    pub fn units(&self, text: &str) -> u64 {
        text.chars()
            .filter_map(|c| self.glyph(c))
            .map(|g| u64::from(g.advance))
            .sum()
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.units(text) as f32 * size / 1000.0
    }

    /// `text` as the bytes of a PDF string: two per glyph drawn, its code in
    /// the subset font. Records the glyphs for the subset, `/W` and
    /// `/ToUnicode`. Empty when nothing of `text` is drawn.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        let mut drawn = self.drawn.borrow_mut();
        for c in text.chars() {
            let Some((g, shown)) = self.resolve(c) else {
                continue;
            };
            let code = drawn.remapper.remap(g.gid);
            drawn.codes.entry(code).or_insert((g.advance, shown));
            out.extend_from_slice(&code.to_be_bytes());
        }
        out
    }

    /// Every glyph drawn so far, by code.
    pub fn used(&self) -> Vec<Used> {
        self.drawn
            .borrow()
            .codes
            .iter()
            .map(|(&code, &(advance, shown))| Used {
                code,
                advance,
                shown,
            })
            .collect()
    }

    /// The font program cut down to the glyphs drawn so far: the `CFF ` table
    /// of `subsetter`'s output, to embed as `/FontFile3 /Subtype /CIDFontType0C`.
    ///
    /// Not the whole OpenType file (`/Subtype /OpenType`, also valid PDF):
    /// poppler (pdftoppm, evince, okular) hands the codes of such a font to
    /// FreeType as glyph indexes of the file, which for a CID-keyed font need not
    /// be its CIDs; a bare CID-keyed CFF program is mapped through its charset by
    /// every viewer (PDF 9.7.4.2). `None` only if subsetting fails, which for the
    /// bundled font it does not (a test proves it).
    pub fn subset(&self) -> Option<Vec<u8>> {
        let drawn = self.drawn.borrow();
        let otf = subsetter::subset(FONT_FILE, 0, &drawn.remapper).ok()?;
        let face = ttf_parser::RawFace::parse(&otf, 0).ok()?;
        let cff = face.table(ttf_parser::Tag::from_bytes(b"CFF "))?;
        Some(cff.to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_font_parses_and_is_cid_keyed() {
        let face = Face::parse(FONT_FILE, 0).expect("bundled font");
        let name = face
            .names()
            .into_iter()
            .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .and_then(|n| n.to_string());
        assert_eq!(name.as_deref(), Some(POSTSCRIPT_NAME));
        let f = Font::new();
        let g = f.glyph('合').expect("合");
        assert_eq!(g.advance, 1000);
        assert_eq!(Some(GlyphId(g.gid)), face.glyph_index('合'));
        assert_eq!(f.glyph('0').map(|g| g.advance), Some(555));
        let m = f.metrics();
        assert_eq!((m.ascent, m.descent), (880, -120));
    }

    #[test]
    fn widths_are_exact_sums_of_advances() {
        let f = Font::new();
        assert_eq!(f.units("合计"), 2000);
        assert_eq!(f.units("2,160.00"), 6 * 555 + 2 * 278);
        assert!((f.width("合计", 8.0) - 16.0).abs() < 1e-4);
    }

    #[test]
    fn missing_characters_become_question_marks_and_controls_nothing() {
        let f = Font::new();
        // U+2717 is not in the subset (see assets/fonts/README.md).
        assert_eq!(f.glyph('\u{2717}'), f.glyph('?'));
        assert_eq!(f.glyph('\u{1F600}'), f.glyph('?'));
        assert_eq!(f.glyph('\u{7}'), None);
        assert_eq!(f.glyph('\t'), f.glyph(' '));
        assert!(f.encode("\u{7}").is_empty());
        assert_eq!(f.encode("a\u{2717}"), f.encode("a?"));
    }

    #[test]
    fn codes_are_given_in_the_order_glyphs_are_first_drawn() {
        let f = Font::new();
        // Code 0 is .notdef; 合 is drawn first, so it is 1.
        assert_eq!(f.encode("合计合"), [0, 1, 0, 2, 0, 1]);
        assert_eq!(f.encode("0合"), [0, 3, 0, 1]);
        let used = f.used();
        let shown: Vec<(u16, u16, char)> =
            used.iter().map(|u| (u.code, u.advance, u.shown)).collect();
        assert_eq!(shown, [(1, 1000, '合'), (2, 1000, '计'), (3, 555, '0')]);
        // A replaced character maps back to what is shown, not to itself.
        f.encode("\u{2717}");
        assert_eq!(f.used().last().map(|u| u.shown), Some('?'));
    }

    #[test]
    fn the_subset_is_a_small_cid_keyed_cff_program() {
        let f = Font::new();
        let gb2312: String = ('一'..='龥')
            .filter(|c| f.glyph(*c) != f.glyph('?'))
            .collect();
        f.encode("武川县2020年统筹整合资金项目公告公示表 合计 单位：万元");
        let small = f.subset().expect("subset");
        // CFF header: major version 1, header size 4; a CID-keyed font's Top
        // DICT holds the ROS operator (12 30).
        assert_eq!(small.first(), Some(&1));
        assert!(
            small
                .get(..64)
                .is_some_and(|h| h.windows(2).any(|w| w == [12, 30]))
        );
        assert!(small.len() < 40_000, "{} bytes", small.len());
        f.encode(&gb2312);
        let all = f.subset().expect("subset of every hanzi");
        assert!(all.len() > small.len() * 10, "{} bytes", all.len());
    }
}
