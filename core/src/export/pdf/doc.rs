//! A document being drawn: A4 landscape pages drawn top-down in points with
//! one embedded font, page numbers added when the page count is known, and
//! the file written with `pdf-writer`: every stream Flate-compressed, the
//! font subset to the glyphs used ([`embed`](super::embed)).

use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Settings, Str, TextStr};
use sha2::{Digest, Sha256};

use super::embed;
use super::font::Font;

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
}

/// The font's resource name in every page.
const F1: Name<'static> = Name(b"F1");

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
        Doc {
            font: Font::new(),
            pages: Vec::new(),
            title: title.to_string(),
            footer: footer.to_string(),
        }
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
    #[allow(clippy::too_many_arguments)]
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
        let codes = self.font.encode(text);
        if codes.is_empty() {
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
        ops.set_font(F1, size)
            .next_line(x, y)
            .show(Str(&codes))
            .end_text();
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

    /// Adds `第 i 页 / 共 n 页` and the footer to every page and writes the file.
    pub fn finish(mut self) -> Vec<u8> {
        if self.pages.is_empty() {
            self.new_page();
        }
        let n = self.pages.len();
        let footer = std::mem::take(&mut self.footer);
        let mut pages = std::mem::take(&mut self.pages);
        for (i, page) in pages.iter_mut().enumerate() {
            let label = format!("第 {} 页 / 共 {} 页", i + 1, n);
            let x = (PAGE_W - self.font.width(&label, 9.0)) / 2.0;
            let codes = self.font.encode(&label);
            page.begin_text()
                .set_font(F1, 9.0)
                .next_line(at(x), 18.0)
                .show(Str(&codes))
                .end_text();
            // The footer stops short of the page number.
            let room = x - MARGIN_X - 12.0;
            let codes = self.font.encode(&self.font.ellipsize(&footer, 7.0, room));
            if !codes.is_empty() {
                page.save_state()
                    .set_fill_gray(0.35)
                    .begin_text()
                    .set_font(F1, 7.0)
                    .next_line(MARGIN_X, 18.0)
                    .show(Str(&codes))
                    .end_text()
                    .restore_state();
            }
        }
        let pages: Vec<Vec<u8>> = pages.into_iter().map(|p| p.finish().into_vec()).collect();
        write_file(&self.font, &self.title, &pages)
    }
}

/// Object numbers of the fixed objects; pages (each followed by its content
/// stream) from [`FIRST_PAGE`].
const CATALOG: i32 = 1;
const PAGES: i32 = 2;
const INFO: i32 = 3;
const FONT: i32 = 4;
const FIRST_PAGE: i32 = FONT + embed::OBJECTS;

/// The object number of the `i`th page (its content stream is the next one).
fn page_ref(i: usize) -> Ref {
    // Saturating: a billion pages do not fit in memory anyway.
    let i = i32::try_from(i).unwrap_or(i32::MAX);
    Ref::new(FIRST_PAGE.saturating_add(i.saturating_mul(2)))
}

/// Every page's content compressed, the pages shared out over the cores:
/// compressing is half the time of a big plan's PDF (10,000 projects: 2,939
/// pages, 61 MB of content). Each page is compressed alone, so the bytes do
/// not depend on the number of cores. Where no thread can be started (a
/// process limit), that share is compressed here instead.
fn deflate_all(pages: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_thread = pages.len().div_ceil(cores.clamp(1, 8)).max(1);
    std::thread::scope(|s| {
        let parts: Vec<_> = pages
            .chunks(per_thread)
            .map(|part| {
                // Copy: it holds only the slice, so it can still run here.
                let work = move || part.iter().map(|p| deflate(p)).collect::<Vec<_>>();
                std::thread::Builder::new()
                    .spawn_scoped(s, work)
                    .map_err(|_| work())
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|part| match part {
                Ok(thread) => thread
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
                Err(done) => done,
            })
            .collect()
    })
}

fn write_file(font: &Font, title: &str, pages: &[Vec<u8>]) -> Vec<u8> {
    let mut pdf = Pdf::with_settings(Settings { pretty: false });
    pdf.set_version(1, 7);
    let pages_ref = Ref::new(PAGES);
    pdf.catalog(Ref::new(CATALOG))
        .pages(pages_ref)
        .lang(TextStr("zh-CN"));
    let mut tree = pdf.pages(pages_ref);
    tree.kids((0..pages.len()).map(page_ref))
        .count(i32::try_from(pages.len()).unwrap_or(i32::MAX))
        .media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
    // One font for every page, inherited from the page tree.
    tree.resources().fonts().pair(F1, Ref::new(FONT));
    tree.finish();
    for (i, packed) in deflate_all(pages).iter().enumerate() {
        let id = page_ref(i);
        pdf.page(id).parent(pages_ref).contents(id.next());
        pdf.stream(id.next(), packed).filter(Filter::FlateDecode);
    }
    embed::write(&mut pdf, font, Ref::new(FONT));
    pdf.document_info(Ref::new(INFO))
        .title(TextStr(title))
        .creator(TextStr("fundplan"))
        .producer(TextStr(concat!("fundplan ", env!("CARGO_PKG_VERSION"))));
    // The file identifier: a digest of what the pages show, so the same plan
    // always gives the same bytes.
    let mut h = Sha256::new();
    h.update(title.as_bytes());
    for p in pages {
        h.update(p);
    }
    let id = h
        .finalize()
        .get(..16)
        .map(<[u8]>::to_vec)
        .unwrap_or_default();
    pdf.set_file_id((id.clone(), id));
    let mut out = pdf.finish();
    out.push(b'\n');
    out
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
    fn pages_compressed_on_several_threads_come_back_whole_and_in_order() {
        let pages: Vec<Vec<u8>> = (0..37u8).map(|i| vec![i; 1000 + usize::from(i)]).collect();
        let packed = deflate_all(&pages);
        assert_eq!(packed.len(), pages.len());
        for (p, z) in pages.iter().zip(&packed) {
            assert!(z.len() < p.len() / 10);
            let back = miniz_oxide::inflate::decompress_to_vec_zlib(z).expect("zlib");
            assert_eq!(&back, p);
        }
        assert!(deflate_all(&[]).is_empty());
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
            doc.finish()
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
