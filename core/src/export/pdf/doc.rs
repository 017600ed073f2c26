//! A PDF document written by hand: A4 landscape pages drawn top-down in
//! points, one embedded font, page numbers added when the page count is
//! known, and the file's objects, cross-reference table and trailer.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use super::font::{Font, POSTSCRIPT_NAME, program};

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
    pages: Vec<String>,
    title: String,
    footer: String,
}

/// A number as PDF writes it: at most two decimals, no trailing zeros.
pub fn num(x: f32) -> String {
    let s = format!("{:.2}", if x.is_finite() { x } else { 0.0 });
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A PDF text string in UTF-16BE with a byte-order mark: `<FEFF…>`.
fn text_string(s: &str) -> String {
    let mut out = String::from("<FEFF");
    for u in s.encode_utf16() {
        let _ = write!(out, "{u:04X}");
    }
    out.push('>');
    out
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
        self.pages.push(String::new());
    }

    /// Number of pages so far.
    #[cfg(test)]
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn ops(&mut self) -> &mut String {
        if self.pages.is_empty() {
            self.pages.push(String::new());
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
        let hex = self.font.hex(text);
        if hex.is_empty() {
            return;
        }
        let (x, y, size_s) = (num(x), num(PAGE_H - baseline), num(size));
        let ops = self.ops();
        match weight {
            Weight::Regular => {
                let _ = writeln!(ops, "BT /F1 {size_s} Tf {x} {y} Td {hex} Tj ET");
            }
            Weight::Bold => {
                let lw = num(size * 0.03);
                let _ = writeln!(
                    ops,
                    "q {lw} w BT 2 Tr /F1 {size_s} Tf {x} {y} Td {hex} Tj ET Q"
                );
            }
        }
    }

    /// Fills a rectangle whose top left corner is `(x, y)` with a grey level
    /// (0 black, 1 white).
    pub fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, gray: f32) {
        let s = format!(
            "q {} g {} {} {} {} re f Q\n",
            num(gray),
            num(x),
            num(PAGE_H - y - h),
            num(w),
            num(h)
        );
        self.ops().push_str(&s);
    }

    /// Strokes a rectangle whose top left corner is `(x, y)`.
    pub fn frame(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32) {
        let s = format!(
            "{} w {} {} {} {} re S\n",
            num(width),
            num(x),
            num(PAGE_H - y - h),
            num(w),
            num(h)
        );
        self.ops().push_str(&s);
    }

    /// Adds `第 i 页 / 共 n 页` and the footer to every page and writes the file.
    pub fn finish(mut self) -> Vec<u8> {
        if self.pages.is_empty() {
            self.new_page();
        }
        let n = self.pages.len();
        let footer = std::mem::take(&mut self.footer);
        for i in 0..n {
            let label = format!("第 {} 页 / 共 {} 页", i + 1, n);
            let mut page = std::mem::take(&mut self.pages[i]);
            let hex = self.font.hex(&label);
            let x = (PAGE_W - self.font.width(&label, 9.0)) / 2.0;
            let _ = writeln!(page, "BT /F1 9 Tf {} 18 Td {hex} Tj ET", num(x));
            // The footer stops short of the page number.
            let room = x - MARGIN_X - 12.0;
            let hex = self.font.hex(&self.font.ellipsize(&footer, 7.0, room));
            if !hex.is_empty() {
                let _ = writeln!(
                    page,
                    "q 0.35 g BT /F1 7 Tf {} 18 Td {hex} Tj ET Q",
                    num(MARGIN_X)
                );
            }
            self.pages[i] = page;
        }
        write_file(&self)
    }
}

/// Object numbers of the fixed objects; pages follow from [`FIRST_PAGE`].
const CATALOG: usize = 1;
const PAGES: usize = 2;
const TYPE0: usize = 3;
const CIDFONT: usize = 4;
const DESCRIPTOR: usize = 5;
const FONT_STREAM: usize = 6;
const TO_UNICODE: usize = 7;
const INFO: usize = 8;
const FIRST_PAGE: usize = 9;

struct Out {
    buf: Vec<u8>,
    offsets: Vec<usize>,
}

impl Out {
    fn obj(&mut self, id: usize, body: &str) {
        self.begin(id);
        self.buf.extend_from_slice(body.as_bytes());
        self.buf.extend_from_slice(b"\nendobj\n");
    }

    fn stream(&mut self, id: usize, dict: &str, data: &[u8]) {
        self.begin(id);
        let head = format!("<< /Length {}{dict} >>\nstream\n", data.len());
        self.buf.extend_from_slice(head.as_bytes());
        self.buf.extend_from_slice(data);
        self.buf.extend_from_slice(b"\nendstream\nendobj\n");
    }

    fn begin(&mut self, id: usize) {
        if self.offsets.len() < id {
            self.offsets.resize(id, 0);
        }
        self.offsets[id - 1] = self.buf.len();
        self.buf
            .extend_from_slice(format!("{id} 0 obj\n").as_bytes());
    }
}

fn write_file(doc: &Doc) -> Vec<u8> {
    let n = doc.pages.len();
    let content_len: usize = doc.pages.iter().map(String::len).sum();
    let mut out = Out {
        buf: Vec::with_capacity(program().0.len() + content_len + 16_384),
        offsets: Vec::new(),
    };
    out.buf.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    out.obj(
        CATALOG,
        &format!("<< /Type /Catalog /Pages {PAGES} 0 R /Lang (zh-CN) >>"),
    );
    let kids: Vec<String> = (0..n)
        .map(|i| format!("{} 0 R", FIRST_PAGE + 2 * i))
        .collect();
    out.obj(
        PAGES,
        &format!(
            "<< /Type /Pages /Kids [{}] /Count {n} /MediaBox [0 0 {} {}] >>",
            kids.join(" "),
            num(PAGE_W),
            num(PAGE_H)
        ),
    );
    for (i, ops) in doc.pages.iter().enumerate() {
        let id = FIRST_PAGE + 2 * i;
        out.obj(
            id,
            &format!(
                "<< /Type /Page /Parent {PAGES} 0 R /Resources << /Font << /F1 {TYPE0} 0 R >> >> /Contents {} 0 R >>",
                id + 1
            ),
        );
        out.stream(id + 1, "", ops.as_bytes());
    }
    out.obj(
        TYPE0,
        &format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /{POSTSCRIPT_NAME}-Identity-H /Encoding /Identity-H \
             /DescendantFonts [{CIDFONT} 0 R] /ToUnicode {TO_UNICODE} 0 R >>"
        ),
    );
    out.obj(
        CIDFONT,
        &format!(
            "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /{POSTSCRIPT_NAME} \
             /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
             /FontDescriptor {DESCRIPTOR} 0 R /DW 1000 /W {} >>",
            doc.font.widths_array()
        ),
    );
    let m = doc.font.metrics();
    out.obj(
        DESCRIPTOR,
        &format!(
            "<< /Type /FontDescriptor /FontName /{POSTSCRIPT_NAME} /Flags 4 /FontBBox [{} {} {} {}] \
             /ItalicAngle 0 /Ascent {} /Descent {} /CapHeight {} /StemV 80 /FontFile3 {FONT_STREAM} 0 R >>",
            m.bbox[0], m.bbox[1], m.bbox[2], m.bbox[3], m.ascent, m.descent, m.cap_height
        ),
    );
    let (font_program, subtype) = program();
    out.stream(FONT_STREAM, &format!(" /Subtype /{subtype}"), font_program);
    out.stream(TO_UNICODE, "", doc.font.to_unicode().as_bytes());
    out.obj(
        INFO,
        &format!(
            "<< /Title {} /Creator (fundplan) /Producer (fundplan {}) >>",
            text_string(&doc.title),
            env!("CARGO_PKG_VERSION")
        ),
    );
    // The file identifier: a digest of what the pages show, so the same plan
    // always gives the same bytes.
    let mut h = Sha256::new();
    h.update(doc.title.as_bytes());
    for p in &doc.pages {
        h.update(p.as_bytes());
    }
    let id: String = h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect();
    let xref = out.buf.len();
    let mut tail = format!("xref\n0 {}\n0000000000 65535 f \n", out.offsets.len() + 1);
    for off in &out.offsets {
        // Each entry is exactly 20 bytes, ending in a space and a newline.
        let _ = writeln!(tail, "{off:010} 00000 n ");
    }
    let _ = write!(
        tail,
        "trailer\n<< /Size {} /Root {CATALOG} 0 R /Info {INFO} 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n",
        out.offsets.len() + 1
    );
    out.buf.extend_from_slice(tail.as_bytes());
    out.buf
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).position(|w| w == needle)
    }

    fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).rposition(|w| w == needle)
    }

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(-3.1), "-3.1");
    }

    #[test]
    fn xref_offsets_point_at_their_objects() {
        let mut doc = Doc::new("测试 test", "页脚");
        doc.text("第一页 合计 2,160.00", 40.0, 60.0, 10.0, Weight::Bold);
        doc.new_page();
        doc.text_in("右", 40.0, 100.0, 60.0, 10.0, Align::Right, Weight::Regular);
        doc.frame(0.0, 0.0, 10.0, 10.0, 0.5);
        let pdf = doc.finish();
        assert!(pdf.starts_with(b"%PDF-1.7\n"));
        assert!(pdf.ends_with(b"%%EOF\n"));
        let sx = rfind(&pdf, b"startxref\n").expect("startxref") + 10;
        let tail = std::str::from_utf8(&pdf[sx..]).expect("ascii");
        let xref: usize = tail
            .lines()
            .next()
            .and_then(|l| l.parse().ok())
            .expect("offset");
        assert!(pdf[xref..].starts_with(b"xref\n0 "));
        let table = std::str::from_utf8(&pdf[xref..sx]).expect("ascii");
        let mut lines = table.lines().skip(1);
        let count: usize = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|c| c.parse().ok())
            .expect("count");
        assert_eq!(count, FIRST_PAGE + 4);
        assert_eq!(lines.next(), Some("0000000000 65535 f "));
        for id in 1..count {
            let entry = lines.next().expect("entry");
            assert_eq!(entry.len(), 19, "{entry:?}"); // + the \n: 20 bytes
            let off: usize = entry[..10].parse().expect("offset");
            let head = format!("{id} 0 obj\n");
            assert!(pdf[off..].starts_with(head.as_bytes()), "object {id}");
        }
        assert!(table.contains(&format!("/Size {count} ")));
        // Stream lengths are exact: `endstream` follows Length bytes and a newline.
        let mut at = 0;
        while let Some(p) = find(&pdf[at..], b"/Length ") {
            let start = at + p + 8;
            let len: usize = std::str::from_utf8(&pdf[start..start + 12])
                .expect("ascii")
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|s| s.parse().ok())
                .expect("length");
            let data = start + find(&pdf[start..], b"stream\n").expect("stream") + 7;
            assert!(pdf[data + len..].starts_with(b"\nendstream"));
            at = data + len;
        }
    }

    #[test]
    fn every_page_gets_its_number_and_the_same_input_the_same_bytes() {
        let make = || {
            let mut doc = Doc::new("t", "");
            for _ in 0..3 {
                doc.new_page();
                doc.text("页", 40.0, 60.0, 10.0, Weight::Regular);
            }
            doc.finish()
        };
        let pdf = make();
        assert_eq!(pdf, make());
        let text = String::from_utf8_lossy(&pdf);
        assert_eq!(text.matches("/Type /Page ").count(), 3);
        assert!(text.contains("/Count 3"));
        // 第 2 页 / 共 3 页 is drawn (as CIDs) on the second page.
        let f = Font::new();
        assert!(text.contains(&f.hex("第 2 页 / 共 3 页")));
    }
}
