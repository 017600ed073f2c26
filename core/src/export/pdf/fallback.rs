//! Fonts for the characters the bundled font lacks (emoji, CJK Ext-B place
//! names such as 𠀀 or 𪚥): looked for once per export, only when the text
//! has such characters, in the system's font folders (or the folders of
//! `FUNDPLAN_FONT_DIRS`).
//!
//! Every file found there is treated as hostile input: the walk and the reads
//! are bounded ([`fontfiles`](super::fontfiles)), and a font that does not
//! parse, may not be embedded, has no outlines PDF can embed (colour bitmap
//! emoji, SVG, variable fonts) or does not subset is skipped.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;
use ttf_parser::{Face, GlyphId};

use super::font::{Glyph, Metrics, advance_of, metrics_of};
use super::fontfiles::{MAX_TOTAL, font_files, read_bounded};

pub use super::fontfiles::FontDirs;

/// Fonts in one collection file (`.ttc`) looked at.
const MAX_FACES: u32 = 64;
/// Fallback fonts embedded in one document.
const MAX_CHOSEN: usize = 8;

/// How PDF embeds a font's outlines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outlines {
    /// CFF: the subset's `CFF ` table, as `/FontFile3 /CIDFontType0C`.
    Cff,
    /// TrueType: the whole subset file, as `/FontFile2`.
    TrueType,
}

/// A font found for some of the characters the bundled font lacks.
pub struct Fallback {
    /// The font file (a collection holds several fonts).
    pub data: Vec<u8>,
    /// Which font of the file.
    pub index: u32,
    /// Its PostScript name, cut to what a PDF name may hold.
    pub name: String,
    /// How it is embedded.
    pub outlines: Outlines,
    /// Its metrics for the font descriptor.
    pub metrics: Metrics,
    /// The characters it is used for, and their glyphs.
    pub glyphs: FxHashMap<char, Glyph>,
}

/// A font that has some of the characters, found while walking.
struct Candidate {
    path: std::path::PathBuf,
    index: u32,
    /// Italic or oblique, then distance from the regular weight: upright
    /// regular faces are preferred.
    rank: (bool, u16),
    covers: BTreeSet<char>,
}

/// Fonts in `dirs` that have the characters of `needed`, each character
/// given to the first of them that has it, upright regular faces first.
/// Characters no font has are in no [`Fallback`].
pub fn search(dirs: &FontDirs, needed: &BTreeSet<char>) -> Vec<Fallback> {
    if needed.is_empty() {
        return Vec::new();
    }
    let mut candidates = Vec::new();
    let mut budget = MAX_TOTAL;
    // Covered by upright regular faces, which no later font can outrank:
    // once that is every character, the walk stops.
    let mut settled: BTreeSet<char> = BTreeSet::new();
    for path in font_files(dirs.dirs()) {
        if settled.len() == needed.len() {
            break;
        }
        let Some(data) = read_bounded(&path, &mut budget) else {
            continue;
        };
        let Some(faces) = faces(&data) else {
            continue;
        };
        for index in 0..faces {
            let Ok(face) = Face::parse(&data, index) else {
                continue;
            };
            if outlines(&face).is_none() {
                continue;
            }
            let covers: BTreeSet<char> =
                needed.iter().copied().filter(|&c| has(&face, c)).collect();
            if !covers.is_empty() {
                let italic = face.is_italic() || face.is_oblique();
                let weight = face.weight().to_number().abs_diff(400);
                if (italic, weight) == (false, 0) {
                    settled.extend(covers.iter().copied());
                }
                candidates.push(Candidate {
                    path: path.clone(),
                    index,
                    rank: (italic, weight),
                    covers,
                });
            }
        }
    }
    // Stable: among equals, the order of the walk (roots in order, names sorted).
    candidates.sort_by_key(|c| c.rank);
    let mut left = needed.clone();
    let mut chosen = Vec::new();
    for c in candidates {
        if left.is_empty() || chosen.len() == MAX_CHOSEN {
            break;
        }
        let take: BTreeSet<char> = c.covers.intersection(&left).copied().collect();
        if take.is_empty() {
            continue;
        }
        // Read again: only one font file is held in memory while walking.
        let Some(found) =
            read_bounded(&c.path, &mut budget).and_then(|data| load(data, c.index, &take))
        else {
            continue;
        };
        for ch in found.glyphs.keys() {
            left.remove(ch);
        }
        chosen.push(found);
    }
    chosen
}

/// How many fonts `data` holds (at most [`MAX_FACES`]): one, or a
/// collection's count; `None` for a collection whose table of offsets runs
/// past the end of the file (ttf-parser asserts on such a count in debug builds).
fn faces(data: &[u8]) -> Option<u32> {
    let Some(n) = ttf_parser::fonts_in_collection(data) else {
        return Some(1);
    };
    let table = 12 + 4 * u64::from(n);
    (table <= data.len() as u64).then_some(n.min(MAX_FACES))
}

/// How the face's outlines are embedded; `None` when they cannot be: no
/// `glyf` or `CFF ` outlines, a variable font, colour glyphs (bitmaps, SVG,
/// layers) that PDF would not show, or a licence that forbids embedding a subset.
fn outlines(face: &Face) -> Option<Outlines> {
    let t = face.tables();
    let variable = face
        .raw_face()
        .table(ttf_parser::Tag::from_bytes(b"fvar"))
        .is_some();
    if variable || t.cbdt.is_some() || t.sbix.is_some() || t.svg.is_some() || t.colr.is_some() {
        return None;
    }
    let restricted = face.permissions() == Some(ttf_parser::Permissions::Restricted);
    if t.os2.is_some()
        && (restricted || !face.is_subsetting_allowed() || !face.is_outline_embedding_allowed())
    {
        return None;
    }
    if t.cff.is_some() {
        Some(Outlines::Cff)
    } else if t.glyf.is_some() {
        Some(Outlines::TrueType)
    } else {
        None
    }
}

fn has(face: &Face, c: char) -> bool {
    face.glyph_index(c).is_some_and(|g| g != GlyphId(0))
}

/// The font of `data` at `index` for the characters of `take` it has; `None`
/// when it no longer parses or does not subset.
fn load(data: Vec<u8>, index: u32, take: &BTreeSet<char>) -> Option<Fallback> {
    let face = Face::parse(&data, index).ok()?;
    let outlines = outlines(&face)?;
    let upem = u32::from(face.units_per_em()).max(1);
    let mut remapper = subsetter::GlyphRemapper::new();
    let mut glyphs = FxHashMap::default();
    for &c in take {
        let Some(gid) = face.glyph_index(c).filter(|g| *g != GlyphId(0)) else {
            continue;
        };
        remapper.remap(gid.0);
        let advance = advance_of(&face, gid, upem);
        glyphs.insert(
            c,
            Glyph {
                gid: gid.0,
                advance,
            },
        );
    }
    if glyphs.is_empty() {
        return None;
    }
    let metrics = metrics_of(&face, upem);
    let name = postscript_name(&face);
    // A font that parses may still be one the subsetter cannot cut: find out
    // now, so that the document never embeds a font it could not write.
    subset(&data, index, &remapper)?;
    Some(Fallback {
        data,
        index,
        name,
        outlines,
        metrics,
        glyphs,
    })
}

/// `subsetter`'s subset of a font from outside, a panic in it taken as a failure.
pub fn subset(data: &[u8], index: u32, remapper: &subsetter::GlyphRemapper) -> Option<Vec<u8>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        subsetter::subset(data, index, remapper).ok()
    }))
    .ok()
    .flatten()
}

/// Name ID 6 in letters, digits, `-` and `_` only (what a PDF name and a
/// subset tag allow without escapes), at most 63 characters.
fn postscript_name(face: &Face) -> String {
    let name: String = face
        .names()
        .into_iter()
        // The first record in an encoding ttf-parser reads (a Mac Roman one may come first).
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(63)
        .collect();
    if name.is_empty() {
        "Fallback".to_string()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn nothing_needed_reads_nothing() {
        // A root that does not exist is not even looked at.
        let dirs = FontDirs::new(vec![PathBuf::from("/nonexistent/fonts")]);
        assert!(search(&dirs, &BTreeSet::new()).is_empty());
        assert!(search(&dirs, &BTreeSet::from(['\u{E000}'])).is_empty());
    }
}
