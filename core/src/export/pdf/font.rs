//! The embedded CJK font: characters to CIDs and advances, text widths, line
//! wrapping, and the font's PDF objects (`/W` widths, `/ToUnicode` CMap).
//!
//! The font is Noto Sans CJK SC, a CID-keyed CFF font in an OpenType wrapper.
//! In a `CIDFontType0` the codes shown (Identity-H: two bytes each) are CIDs,
//! which the viewer maps to glyphs through the CFF charset; so every code this
//! module hands out is a CID, not a glyph index, and `/W` and `/ToUnicode` are
//! keyed by CID too.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use rustc_hash::FxHashMap;
use ttf_parser::{Face, GlyphId};

/// The bundled font file (OpenType with CFF outlines).
pub const FONT_FILE: &[u8] = include_bytes!("../../../../assets/fonts/NotoSansSC-Subset.otf");

/// The font program to embed as `/FontFile3` and its `/Subtype`: the file's
/// `CFF ` table as `CIDFontType0C`.
///
/// Embedding the whole OpenType file (`/Subtype /OpenType`) is also valid PDF,
/// but poppler (pdftoppm, evince, okular) then hands the CIDs to FreeType as
/// glyph indexes, which for a subset CID-keyed font are different numbers: the
/// Chinese came out blank or as wrong characters. A bare CID-keyed CFF program
/// is mapped from CID to glyph through its charset by every viewer, as the PDF
/// specification says (9.7.4.2). Only if the table could not be found (it
/// always is; a test proves it) is the whole file embedded.
pub fn program() -> (&'static [u8], &'static str) {
    ttf_parser::RawFace::parse(FONT_FILE, 0)
        .ok()
        .and_then(|f| f.table(ttf_parser::Tag::from_bytes(b"CFF ")))
        .map_or((FONT_FILE, "OpenType"), |cff| (cff, "CIDFontType0C"))
}

/// The font's PostScript name (name ID 6), checked by a test.
pub const POSTSCRIPT_NAME: &str = "NotoSansCJKsc-Regular";

/// Shown in place of a character the font lacks.
const REPLACEMENT: char = '?';

/// One glyph as the PDF sees it: its CID and its advance in 1/1000 em.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Glyph {
    /// CID, the two-byte code written in the content stream.
    pub cid: u16,
    /// Advance width in thousandths of the font size.
    pub advance: u16,
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
    /// CID → (advance, the character it stands for).
    used: RefCell<BTreeMap<u16, (u16, char)>>,
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
            used: RefCell::default(),
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
        // CID-keyed CFF: the CID comes from the charset; otherwise CID = GID.
        let cid = face
            .tables()
            .cff
            .as_ref()
            .and_then(|cff| cff.glyph_cid(gid))
            .unwrap_or(gid.0);
        Some(Glyph { cid, advance })
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

    /// `text` as a PDF hex string of CIDs (`<0A1B…>`), recording the glyphs
    /// for `/W` and `/ToUnicode`. Empty when nothing of `text` is drawn.
    pub fn hex(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() * 4 + 2);
        let mut used = self.used.borrow_mut();
        for c in text.chars() {
            let Some((g, shown)) = self.resolve(c) else {
                continue;
            };
            used.entry(g.cid).or_insert((g.advance, shown));
            let _ = write!(out, "{:04X}", g.cid);
        }
        if out.is_empty() {
            out
        } else {
            format!("<{out}>")
        }
    }

    /// `text` cut to `width` points at `size`, ending in `…` when cut.
    pub fn ellipsize(&self, text: &str, size: f32, width: f32) -> String {
        if self.width(text, size) <= width {
            return text.to_string();
        }
        let room = width - self.width("…", size);
        let mut out = String::new();
        let mut w = 0.0;
        for c in text.chars() {
            let cw = self
                .glyph(c)
                .map_or(0.0, |g| f32::from(g.advance) * size / 1000.0);
            if w + cw > room {
                break;
            }
            w += cw;
            out.push(c);
        }
        out.push('…');
        out
    }

    /// Breaks `text` into lines no wider than `width` points at `size`.
    ///
    /// Lines break between CJK characters and at spaces, never inside a run of
    /// Latin letters and digits unless the run alone is too wide, never before
    /// closing punctuation (，。、）…) and never after opening punctuation.
    /// `\n` starts a new line. Empty text gives no lines.
    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let max = if size > 0.0 {
            (width.max(0.0) * 1000.0 / size) as u64
        } else {
            u64::MAX
        };
        let mut lines = Vec::new();
        if text.is_empty() {
            return lines;
        }
        for para in text.split('\n') {
            self.wrap_paragraph(para.trim_end_matches('\r'), max, &mut lines);
        }
        lines
    }

    fn wrap_paragraph(&self, para: &str, max: u64, lines: &mut Vec<String>) {
        let mut line: Vec<(char, u64)> = Vec::new();
        let mut width = 0u64;
        for c in para.chars() {
            let adv = self.glyph(c).map_or(0, |g| u64::from(g.advance));
            if line.is_empty() && c == ' ' && !lines.is_empty() {
                continue; // no leading space on a continuation line
            }
            if width + adv <= max || line.is_empty() {
                line.push((c, adv));
                width += adv;
                continue;
            }
            if c.is_whitespace() {
                push_line(lines, &line);
                line.clear();
                width = 0;
                continue;
            }
            // Break at the last opportunity inside the line, or before `c`.
            let mut at = line.len();
            let mut prev = line.last().map(|x| x.0);
            let mut next = c;
            while at > 0 && !prev.is_some_and(|p| may_break(p, next)) {
                at -= 1;
                next = line[at].0;
                prev = at.checked_sub(1).map(|i| line[i].0);
            }
            if at == 0 {
                at = line.len(); // no opportunity: break before `c` anyway
            }
            let rest = line.split_off(at);
            push_line(lines, &line);
            line = rest
                .into_iter()
                .skip_while(|x| x.0 == ' ')
                .collect::<Vec<_>>();
            line.push((c, adv));
            width = line.iter().map(|x| x.1).sum();
        }
        if !line.is_empty() {
            push_line(lines, &line);
        }
    }

    /// The `/W` array of the used glyphs: `[cid [w w …] cid [w …] …]`.
    pub fn widths_array(&self) -> String {
        let used = self.used.borrow();
        let mut out = String::from("[");
        let mut last: Option<u16> = None;
        for (&cid, &(adv, _)) in used.iter() {
            if last.is_some_and(|l| l.checked_add(1) == Some(cid)) {
                let _ = write!(out, " {adv}");
            } else {
                if last.is_some() {
                    out.push(']');
                }
                let _ = write!(out, " {cid} [{adv}");
            }
            last = Some(cid);
        }
        if last.is_some() {
            out.push(']');
        }
        out.push_str(" ]");
        out
    }

    /// The `/ToUnicode` CMap of the used glyphs, so text can be extracted.
    pub fn to_unicode(&self) -> String {
        let used = self.used.borrow();
        let mut out = String::from(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
             /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
             /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
             1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        let entries: Vec<_> = used.iter().collect();
        for chunk in entries.chunks(100) {
            let _ = writeln!(out, "{} beginbfchar", chunk.len());
            for (cid, (_, c)) in chunk {
                let mut units = [0u16; 2];
                let utf16: String = c
                    .encode_utf16(&mut units)
                    .iter()
                    .map(|u| format!("{u:04X}"))
                    .collect();
                let _ = writeln!(out, "<{cid:04X}> <{utf16}>");
            }
            out.push_str("endbfchar\n");
        }
        out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        out
    }
}

fn push_line(lines: &mut Vec<String>, line: &[(char, u64)]) {
    let s: String = line.iter().map(|x| x.0).collect();
    lines.push(s.trim_end().to_string());
}

/// Characters that do not start a line.
fn closing(c: char) -> bool {
    "，。、；：？！）》」』】〉〕”’％…—·,.;:!?)]}%".contains(c)
}

/// Characters that do not end a line.
fn opening(c: char) -> bool {
    "（《「『【〈〔“‘([{".contains(c)
}

/// Part of a word that is kept on one line: Latin letters, digits and the
/// punctuation inside numbers and codes.
fn word(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-./%_:,'".contains(c)
}

/// May a line break between `prev` and `next`?
fn may_break(prev: char, next: char) -> bool {
    if prev == ' ' || prev == '/' {
        return true;
    }
    if next == ' ' || closing(next) || opening(prev) {
        return false;
    }
    !(word(prev) && word(next))
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
        // The subset keeps the source font's CIDs: 合 is CID 11949, not its GID.
        assert_eq!(g.cid, 11949);
        assert_ne!(Some(GlyphId(g.cid)), face.glyph_index('合'));
        assert_eq!(f.glyph('0').map(|g| g.advance), Some(555));
        let m = f.metrics();
        assert_eq!((m.ascent, m.descent), (880, -120));
    }

    #[test]
    fn the_embedded_program_is_the_cid_keyed_cff_table() {
        let (data, subtype) = program();
        assert_eq!(subtype, "CIDFontType0C");
        // CFF header: major version 1, header size 4.
        assert_eq!(data[0], 1);
        assert!(data.len() > 1_000_000 && data.len() < FONT_FILE.len());
        // A CID-keyed font: the Top DICT starts with the ROS operator (12 30).
        assert!(data[..64].windows(2).any(|w| w == [12, 30]));
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
        assert_eq!(f.hex("\u{7}"), "");
        assert_eq!(f.hex("a\u{2717}"), f.hex("a?"));
    }

    #[test]
    fn wrapping_breaks_cjk_anywhere_but_keeps_words_and_punctuation() {
        let f = Font::new();
        // 10 pt, room for 4 ideographs per line.
        let lines = f.wrap("一二三四五六七八九", 10.0, 40.0);
        assert_eq!(lines, ["一二三四", "五六七八", "九"]);
        // A comma never starts a line: 四 goes down with it.
        assert_eq!(f.wrap("一二三四，五六", 10.0, 40.0), ["一二三", "四，五六"]);
        // An opening bracket never ends a line.
        assert_eq!(f.wrap("一二三（四）", 10.0, 40.0), ["一二三", "（四）"]);
        // Latin words break at spaces, numbers stay whole.
        assert_eq!(f.wrap("ab cd ef", 10.0, 14.0), ["ab", "cd", "ef"]);
        assert_eq!(f.wrap("合格率100%", 10.0, 40.0), ["合格率", "100%"]);
        // A slash is a break opportunity; a word wider than the line is broken anyway.
        assert_eq!(
            f.wrap("2020-06/2020-12", 10.0, 45.0),
            ["2020-06/", "2020-12"]
        );
        let long = f.wrap("2020-06/2020-12", 10.0, 30.0);
        assert!(
            long.len() > 1 && long.concat() == "2020-06/2020-12",
            "{long:?}"
        );
        for l in &long {
            assert!(f.width(l, 10.0) <= 30.0, "{l}");
        }
        assert_eq!(f.wrap("一\n二", 10.0, 40.0), ["一", "二"]);
        assert!(f.wrap("", 10.0, 40.0).is_empty());
        // Narrower than one character: one character per line, never a loop.
        assert_eq!(f.wrap("一二", 10.0, 1.0), ["一", "二"]);
    }

    #[test]
    fn cmap_and_widths_list_every_used_glyph() {
        let f = Font::new();
        assert_eq!(f.hex("合计"), "<2EAD961E>");
        f.hex("合0");
        let cmap = f.to_unicode();
        assert!(cmap.contains("3 beginbfchar"), "{cmap}");
        assert!(cmap.contains("<2EAD> <5408>"), "{cmap}");
        assert!(cmap.contains("<961E> <8BA1>"), "{cmap}");
        let zero = f.glyph('0').expect("0").cid;
        assert!(cmap.contains(&format!("<{zero:04X}> <0030>")), "{cmap}");
        assert_eq!(
            f.widths_array(),
            format!("[ {zero} [555] 11949 [1000] 38430 [1000] ]")
        );
    }

    #[test]
    fn cmap_blocks_hold_at_most_100_entries() {
        let f = Font::new();
        let q = f.glyph('?');
        let text: String = ('一'..='龥')
            .filter(|c| f.glyph(*c) != q)
            .take(250)
            .collect();
        f.hex(&text);
        let cmap = f.to_unicode();
        let blocks: Vec<&str> = cmap
            .lines()
            .filter(|l| l.ends_with("beginbfchar"))
            .collect();
        assert_eq!(
            blocks,
            ["100 beginbfchar", "100 beginbfchar", "50 beginbfchar"]
        );
    }
}
