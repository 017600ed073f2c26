//! The embedded fonts: characters to glyphs and advances, text widths, the
//! codes written in content streams, and the font programs cut down to the
//! glyphs a document used.
//!
//! The first font is the bundled Noto Sans CJK SC, a CID-keyed CFF font in an
//! OpenType wrapper; after it come the fallback fonts found for characters it
//! lacks ([`fallback`](super::fallback)), each its own PDF font. Every glyph a
//! document draws gets a code in its font in the order it is first drawn
//! (`subsetter`'s glyph remapper); the subset font has those codes as its
//! glyph ids and CIDs, so the codes shown (Identity-H: two bytes each), `/W`
//! and `/ToUnicode` all use them.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

use super::fallback::{self, Fallback, Outlines};
pub use super::metrics::{Metrics, advance_of, metrics_of};

/// The bundled font file (OpenType with CFF outlines).
pub const FONT_FILE: &[u8] = include_bytes!("../../../../assets/fonts/NotoSansSC-Subset.otf");

/// The font's PostScript name (name ID 6), checked by a test.
pub const POSTSCRIPT_NAME: &str = "NotoSansCJKsc-Regular";

/// Shown in place of a character no font has.
pub const REPLACEMENT: char = '?';

/// One glyph of a font: its glyph id and its advance in 1/1000 em.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Glyph {
    /// Glyph id in its font file (not yet the code written in the PDF).
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

/// Consecutive characters of a text drawn with one font.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Which font: 0 the bundled one, then the fallbacks.
    pub font: usize,
    /// The codes shown, two bytes each.
    pub codes: Vec<u8>,
}

/// A font program cut down to the glyphs drawn, and how to embed it.
pub struct Subset {
    /// `CFF `: the bare CID-keyed CFF program; TrueType: the whole subset file.
    pub data: Vec<u8>,
    /// Which of the two.
    pub outlines: Outlines,
}

/// The glyphs drawn so far with one font: their codes in the subset, and what each shows.
#[derive(Default)]
struct Drawn {
    remapper: GlyphRemapper,
    /// Code → (advance, the character it stands for).
    codes: BTreeMap<u16, (u16, char)>,
}

/// What a character is drawn with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Resolved {
    font: usize,
    glyph: Glyph,
    /// The character it stands for (`c`, a space or `?`).
    shown: char,
    /// No font has the character: drawn as `?`.
    missing: bool,
}

/// The bundled font and the fallbacks, with a record of every glyph a document used.
pub struct Font {
    face: Option<Face<'static>>,
    /// Units per em of the bundled font.
    upem: u32,
    fallbacks: Vec<Fallback>,
    /// Character → what it is drawn with.
    cache: RefCell<FxHashMap<char, Option<Resolved>>>,
    /// Every glyph drawn, per font, for the subset, `/W` and `/ToUnicode`.
    drawn: RefCell<Vec<Drawn>>,
    /// Characters met that no font has.
    lacking: RefCell<BTreeSet<char>>,
}

impl Default for Font {
    fn default() -> Self {
        Font::new()
    }
}

impl Font {
    /// The bundled font alone. A font that does not parse (it always does; a
    /// test proves it) leaves every character without a glyph.
    pub fn new() -> Font {
        Font::with_fallbacks(Vec::new())
    }

    /// The bundled font, then `fallbacks` for the characters it lacks.
    pub fn with_fallbacks(fallbacks: Vec<Fallback>) -> Font {
        let face = Face::parse(FONT_FILE, 0).ok();
        let upem = face
            .as_ref()
            .map_or(1000, |f| u32::from(f.units_per_em()).max(1));
        let drawn = (0..=fallbacks.len()).map(|_| Drawn::default()).collect();
        Font {
            face,
            upem,
            fallbacks,
            cache: RefCell::default(),
            drawn: RefCell::new(drawn),
            lacking: RefCell::default(),
        }
    }

    /// How many fonts: the bundled one and the fallbacks.
    pub fn fonts(&self) -> usize {
        1 + self.fallbacks.len()
    }

    /// Metrics of font `font` for its descriptor.
    pub fn metrics(&self, font: usize) -> Metrics {
        if let Some(f) = font.checked_sub(1).and_then(|i| self.fallbacks.get(i)) {
            return f.metrics;
        }
        match &self.face {
            Some(face) => metrics_of(face, self.upem),
            None => Metrics {
                ascent: 880,
                descent: -120,
                cap_height: 733,
                bbox: [0, -120, 1000, 880],
            },
        }
    }

    /// The PostScript name of font `font`.
    pub fn name(&self, font: usize) -> &str {
        match font.checked_sub(1).and_then(|i| self.fallbacks.get(i)) {
            Some(f) => &f.name,
            None => POSTSCRIPT_NAME,
        }
    }

    /// The glyph the bundled font has for `c` itself, if any.
    fn lookup(&self, c: char) -> Option<Glyph> {
        let face = self.face.as_ref()?;
        let gid = face.glyph_index(c).filter(|g| *g != GlyphId(0))?;
        Some(Glyph {
            gid: gid.0,
            advance: advance_of(face, gid, self.upem),
        })
    }

    /// What `c` is drawn with: its glyph in the bundled font or else in a
    /// fallback; a space for tabs and other white space; nothing for control
    /// and default ignorable characters (a font without them shows nothing
    /// either); `?` for anything else.
    pub fn glyph(&self, c: char) -> Option<Glyph> {
        self.resolve(c).map(|r| r.glyph)
    }

    fn resolve(&self, c: char) -> Option<Resolved> {
        if let Some(r) = self.cache.borrow().get(&c) {
            return *r;
        }
        let found = |font, glyph, shown| Resolved {
            font,
            glyph,
            shown,
            missing: false,
        };
        let fallback = || {
            self.fallbacks
                .iter()
                .enumerate()
                .find_map(|(i, f)| f.glyphs.get(&c).map(|g| found(i + 1, *g, c)))
        };
        let r = match self.lookup(c) {
            Some(g) => Some(found(0, g, c)),
            None if c.is_whitespace() => self.lookup(' ').map(|g| found(0, g, ' ')),
            None if c.is_control() || crate::text::is_default_ignorable(c) => None,
            None => fallback().or_else(|| {
                self.lacking.borrow_mut().insert(c);
                self.lookup(REPLACEMENT).map(|glyph| Resolved {
                    font: 0,
                    glyph,
                    shown: REPLACEMENT,
                    missing: true,
                })
            }),
        };
        self.cache.borrow_mut().insert(c, r);
        r
    }

    /// The characters met so far (measured or drawn) that no font has.
    pub fn lacking(&self) -> BTreeSet<char> {
        self.lacking.borrow().clone()
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

    /// `text` as runs of PDF string bytes, one run per change of font: two
    /// bytes per glyph drawn, its code in the subset font. Records the glyphs
    /// for the subsets, `/W` and `/ToUnicode`, and hands each character drawn
    /// as `?` to `missing`. Empty when nothing of `text` is drawn.
    pub fn encode(&self, text: &str, mut missing: impl FnMut(char)) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        let mut drawn = self.drawn.borrow_mut();
        for c in text.chars() {
            let Some(r) = self.resolve(c) else {
                continue;
            };
            if r.missing {
                missing(c);
            }
            let Some(d) = drawn.get_mut(r.font) else {
                continue;
            };
            let code = d.remapper.remap(r.glyph.gid);
            d.codes.entry(code).or_insert((r.glyph.advance, r.shown));
            match runs.last_mut() {
                Some(run) if run.font == r.font => run.codes.extend_from_slice(&code.to_be_bytes()),
                _ => runs.push(Run {
                    font: r.font,
                    codes: code.to_be_bytes().to_vec(),
                }),
            }
        }
        runs
    }

    /// Every glyph drawn so far with font `font`, by code.
    pub fn used(&self, font: usize) -> Vec<Used> {
        self.drawn.borrow().get(font).map_or_else(Vec::new, |d| {
            d.codes
                .iter()
                .map(|(&code, &(advance, shown))| Used {
                    code,
                    advance,
                    shown,
                })
                .collect()
        })
    }

    /// Font `font` cut down to the glyphs drawn so far with it.
    ///
    /// For CFF fonts the `CFF ` table of `subsetter`'s output, to embed as
    /// `/FontFile3 /Subtype /CIDFontType0C`; not the whole OpenType file
    /// (`/Subtype /OpenType`, also valid PDF): poppler (pdftoppm, evince,
    /// okular) hands the codes of such a font to FreeType as glyph indexes of
    /// the file, which for a CID-keyed font need not be its CIDs; a bare
    /// CID-keyed CFF program is mapped through its charset by every viewer
    /// (PDF 9.7.4.2). `subsetter` makes every CFF subset CID-keyed with an
    /// identity charset. For TrueType fonts the whole subset file, as
    /// `/FontFile2`, its glyph ids the codes.
    ///
    /// `None` if subsetting fails, which for the bundled font it does not (a
    /// test proves it) and for a fallback was tried when it was chosen.
    pub fn subset(&self, font: usize) -> Option<Subset> {
        let drawn = self.drawn.borrow();
        let remapper = &drawn.get(font)?.remapper;
        let (otf, outlines) = match font.checked_sub(1) {
            None => (
                subsetter::subset(FONT_FILE, 0, remapper).ok()?,
                Outlines::Cff,
            ),
            Some(i) => {
                let f = self.fallbacks.get(i)?;
                (fallback::subset(&f.data, f.index, remapper)?, f.outlines)
            }
        };
        let data = match outlines {
            Outlines::TrueType => otf,
            Outlines::Cff => {
                let face = ttf_parser::RawFace::parse(&otf, 0).ok()?;
                face.table(ttf_parser::Tag::from_bytes(b"CFF "))?.to_vec()
            }
        };
        Some(Subset { data, outlines })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes of `text`, all in the bundled font.
    fn codes(f: &Font, text: &str) -> Vec<u8> {
        let runs = f.encode(text, |_| ());
        assert!(runs.iter().all(|r| r.font == 0), "{runs:?}");
        runs.into_iter().flat_map(|r| r.codes).collect()
    }

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
        let m = f.metrics(0);
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
        assert!(codes(&f, "\u{7}").is_empty());
        assert_eq!(codes(&f, "a\u{2717}"), codes(&f, "a?"));
        // Joiners and variation selectors are drawn as nothing, not as `?`.
        assert_eq!(f.glyph('\u{200D}'), None);
        assert_eq!(f.glyph('\u{FE0F}'), None);
        assert_eq!(f.lacking(), BTreeSet::from(['\u{2717}', '\u{1F600}']));
    }

    #[test]
    fn codes_are_given_in_the_order_glyphs_are_first_drawn() {
        let f = Font::new();
        // Code 0 is .notdef; 合 is drawn first, so it is 1.
        assert_eq!(codes(&f, "合计合"), [0, 1, 0, 2, 0, 1]);
        assert_eq!(codes(&f, "0合"), [0, 3, 0, 1]);
        let used = f.used(0);
        let shown: Vec<(u16, u16, char)> =
            used.iter().map(|u| (u.code, u.advance, u.shown)).collect();
        assert_eq!(shown, [(1, 1000, '合'), (2, 1000, '计'), (3, 555, '0')]);
        // A replaced character maps back to what is shown, not to itself.
        let mut missing = Vec::new();
        f.encode("\u{2717}", |c| missing.push(c));
        assert_eq!(f.used(0).last().map(|u| u.shown), Some('?'));
        assert_eq!(missing, ['\u{2717}']);
    }

    #[test]
    fn the_subset_is_a_small_cid_keyed_cff_program() {
        let f = Font::new();
        let gb2312: String = ('一'..='龥')
            .filter(|c| f.glyph(*c) != f.glyph('?'))
            .collect();
        codes(&f, "武川县2020年统筹整合资金项目公告公示表 合计 单位：万元");
        let small = f.subset(0).expect("subset");
        assert_eq!(small.outlines, Outlines::Cff);
        let small = small.data;
        // CFF header: major version 1, header size 4; a CID-keyed font's Top
        // DICT holds the ROS operator (12 30).
        assert_eq!(small.first(), Some(&1));
        assert!(
            small
                .get(..64)
                .is_some_and(|h| h.windows(2).any(|w| w == [12, 30]))
        );
        assert!(small.len() < 40_000, "{} bytes", small.len());
        codes(&f, &gb2312);
        let all = f.subset(0).expect("subset of every hanzi").data;
        assert!(all.len() > small.len() * 10, "{} bytes", all.len());
    }
}
