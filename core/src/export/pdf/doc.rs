//! A document being drawn: A4 landscape pages drawn top-down in points with
//! the embedded fonts, page numbers added when the page count is known, and
//! the file written ([`write`](super::write)). Characters no font has are
//! noted with the place the caller names ([`Doc::claim`]).

use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Content, Name, Str};

use super::font::Font;
use super::missing::MissingChars;
use super::write;
use crate::Text;

/// A4 landscape, in points.
pub const PAGE_W: f32 = 842.0;
/// A4 landscape, in points.
pub const PAGE_H: f32 = 595.0;
/// Left and right margin.
pub const MARGIN_X: f32 = 36.0;
/// Top margin.
pub const MARGIN_TOP: f32 = 30.0;
/// Lowest y (from the top) content may reach; the page number sits below.
pub const BOTTOM: f32 = PAGE_H - 36.0;
/// Width between the margins.
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// How text is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    /// The font as it is.
    Regular,
    /// Filled and stroked: the font has no bold face.
    Bold,
}

/// Horizontal alignment of text within a box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right (amounts).
    Right,
}

/// A document being drawn: every drawing call goes to the last page.
pub struct Doc {
    /// The embedded font, which records the glyphs used.
    pub font: Font,
    pages: Vec<Content>,
    title: String,
    footer: String,
    /// Characters drawn as `?` since the last [`Doc::claim`].
    pending: Vec<char>,
    missing: MissingChars,
}

/// The resource name of font `font` in every page: `F1` the bundled font, then `F2`….
pub fn font_name(font: usize) -> String {
    format!("F{}", font.saturating_add(1))
}

/// A coordinate or size as written: to 0.01 pt, which keeps the streams short
/// and the bytes the same on every machine; 0 for NaN and infinities. Rounded
/// as `format!("{:.2}")` rounds (the value the `f32` holds, ties to even), as
/// the hand-written writer before did, so that pages come out the same.
fn at(x: f32) -> f32 {
    if x.is_finite() {
        ((f64::from(x) * 100.0).round_ties_even() / 100.0) as f32
    } else {
        0.0
    }
}

/// `data` Flate-compressed (zlib), as a stream with `/Filter /FlateDecode` holds it.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

impl Doc {
    /// An empty document; `title` goes to the document information, `footer`
    /// to the bottom left of every page.
    pub fn new(title: &str, footer: &str) -> Doc {
        Doc::with_font(title, footer, Font::new())
    }

    /// An empty document drawn with `font`.
    pub fn with_font(title: &str, footer: &str, font: Font) -> Doc {
        Doc {
            font,
            pages: Vec::new(),
            title: title.to_string(),
            footer: footer.to_string(),
            pending: Vec::new(),
            missing: MissingChars::default(),
        }
    }

    /// Names the place of what was drawn since the last claim, for the
    /// characters no font had (`place` is only called when there were some).
    pub fn claim(&mut self, place: impl FnOnce() -> Text) {
        if self.pending.is_empty() {
            return;
        }
        let place = place();
        for c in self.pending.drain(..) {
            self.missing.note(c, &place);
        }
    }

    /// Characters no font has, met so far, the footer included: when there
    /// are some, fallback fonts are looked for and the document drawn again.
    pub fn lacking(&self) -> std::collections::BTreeSet<char> {
        self.font.units(&self.footer);
        self.font.lacking()
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Content::new());
    }

    /// Number of pages so far.
    #[cfg(test)]
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    #[expect(
        clippy::indexing_slicing,
        reason = "a page was pushed just above when there was none, so `last` is in range"
    )]
    fn ops(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Draws `text` with its baseline at `baseline` (from the top), aligned
    /// within `[x, x + w]`.
    #[expect(
        clippy::too_many_arguments,
        reason = "a text run's place, box, size, weight and alignment are one call, as PDF draws it"
    )]
    pub fn text_in(
        &mut self,
        text: &str,
        x: f32,
        w: f32,
        baseline: f32,
        size: f32,
        align: Align,
        weight: Weight,
    ) {
        let x = match align {
            Align::Left => x,
            Align::Center => x + (w - self.font.width(text, size)) / 2.0,
            Align::Right => x + w - self.font.width(text, size),
        };
        self.text(text, x, baseline, size, weight);
    }

    /// Draws `text` starting at `x` with its baseline at `baseline` (from the top).
    pub fn text(&mut self, text: &str, x: f32, baseline: f32, size: f32, weight: Weight) {
        let pending = &mut self.pending;
        let runs = self.font.encode(text, |c| pending.push(c));
        if runs.is_empty() {
            return;
        }
        let (x, y, size) = (at(x), at(PAGE_H - baseline), at(size));
        let ops = self.ops();
        if weight == Weight::Bold {
            ops.save_state().set_line_width(at(size * 0.03));
        }
        ops.begin_text();
        if weight == Weight::Bold {
            ops.set_text_rendering_mode(TextRenderingMode::FillStroke);
        }
        ops.next_line(x, y);
        // Each run in its font; showing a string moves the text position on.
        show(ops, &runs, size);
        ops.end_text();
        if weight == Weight::Bold {
            ops.restore_state();
        }
    }

    /// Fills a rectangle whose top left corner is `(x, y)` with a grey level
    /// (0 black, 1 white).
    pub fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, gray: f32) {
        self.ops()
            .save_state()
            .set_fill_gray(at(gray))
            .rect(at(x), at(PAGE_H - y - h), at(w), at(h))
            .fill_nonzero()
            .restore_state();
    }

    /// Strokes a rectangle whose top left corner is `(x, y)`.
    pub fn frame(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32) {
        self.ops()
            .set_line_width(at(width))
            .rect(at(x), at(PAGE_H - y - h), at(w), at(h))
            .stroke();
    }

    /// Adds `第 i 页 / 共 n 页` and the footer to every page and writes the
    /// file; with it, the characters no font had.
    pub fn finish(mut self) -> (Vec<u8>, MissingChars) {
        // Drawn by a caller that named no place (none does).
        self.claim(|| Text::new("正文", "the body text"));
        if self.pages.is_empty() {
            self.new_page();
        }
        let n = self.pages.len();
        let footer = std::mem::take(&mut self.footer);
        let mut pages = std::mem::take(&mut self.pages);
        for (i, page) in pages.iter_mut().enumerate() {
            let label = format!("第 {} 页 / 共 {} 页", i + 1, n);
            let x = (PAGE_W - self.font.width(&label, 9.0)) / 2.0;
            let pending = &mut self.pending;
            let runs = self.font.encode(&label, |c| pending.push(c));
            page.begin_text().next_line(at(x), 18.0);
            show(page, &runs, 9.0);
            page.end_text();
            // The footer stops short of the page number.
            let room = x - MARGIN_X - 12.0;
            let runs = self
                .font
                .encode(&self.font.ellipsize(&footer, 7.0, room), |c| {
                    pending.push(c)
                });
            if !runs.is_empty() {
                page.save_state()
                    .set_fill_gray(0.35)
                    .begin_text()
                    .next_line(MARGIN_X, 18.0);
                show(page, &runs, 7.0);
                page.end_text().restore_state();
            }
        }
        self.claim(|| Text::new("页脚", "the page footer"));
        let pages: Vec<Vec<u8>> = pages.into_iter().map(|p| p.finish().into_vec()).collect();
        (
            write::write_file(&self.font, &self.title, &pages),
            self.missing,
        )
    }
}

/// Shows `runs` at the text position, each in its font at `size`.
fn show(ops: &mut Content, runs: &[super::font::Run], size: f32) {
    for run in runs {
        ops.set_font(Name(font_name(run.font).as_bytes()), size)
            .show(Str(&run.codes));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_rounded_and_never_nan() {
        assert_eq!(at(12.0), 12.0);
        assert_eq!(at(12.346), 12.35);
        // 10.5 × 0.03 is 0.31499… in f32: 0.31, as before.
        assert_eq!(at(10.5 * 0.03), 0.31);
        assert_eq!(at(f32::NAN), 0.0);
        assert_eq!(at(f32::INFINITY), 0.0);
    }

    #[test]
    fn every_page_gets_its_number_and_the_same_input_the_same_bytes() {
        let make = || {
            let mut doc = Doc::new("t", "页脚");
            for _ in 0..3 {
                doc.new_page();
                doc.text("页", 40.0, 60.0, 10.0, Weight::Regular);
            }
            doc.text_in("右", 40.0, 100.0, 60.0, 10.0, Align::Right, Weight::Bold);
            doc.frame(0.0, 0.0, 10.0, 10.0, 0.5);
            doc.finish().0
        };
        let pdf = make();
        assert_eq!(pdf, make());
        assert!(pdf.starts_with(b"%PDF-1.7\n"));
        assert!(pdf.ends_with(b"%%EOF\n"));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/Count 3"), "{text}");
        assert_eq!(
            text.matches("/FlateDecode").count(),
            3 + 2,
            "pages, font, cmap"
        );
    }
}
