//! An exported PDF read back as a reader would: with lopdf, a Rust crate, always (so
//! `cargo test` needs nothing installed), and where poppler-utils is installed also with its
//! `pdfinfo`, `pdffonts` and `pdftotext`, which are stricter (they warn on any syntax they
//! dislike, and lay the text out as a viewer does). With `FUNDPLAN_REQUIRE_POPPLER=1` (set by
//! `.ci/run`, which installs poppler-utils) a missing poppler fails the test instead of
//! leaving its checks out.

use std::path::Path;
use std::process::Command;

use lopdf::{Dictionary, Document, Object};

/// The text of a file as one reader extracted it.
pub struct Text {
    /// Which reader: "lopdf" or "poppler".
    pub by: &'static str,
    /// The text of each page, in reading order (poppler: `-layout`; lopdf: content order).
    pub pages: Vec<String>,
    /// The whole text in content-stream order (`pdftotext -raw`), where the lines of a
    /// wrapped cell follow each other.
    pub raw: String,
}

/// A font as `pdffonts` lists it.
#[derive(Debug)]
pub struct Font {
    /// The base font name, with its subset tag (`ABCDEF+Name`).
    pub name: String,
    /// `pdffonts`' type column: "CID Type 0C" (a bare CFF) or "CID TrueType".
    pub kind: String,
    /// The encoding, e.g. "Identity-H".
    pub encoding: String,
    /// The font program is in the file.
    pub embedded: bool,
    /// A ToUnicode map gives each glyph its character back.
    pub to_unicode: bool,
}

impl Font {
    /// The name has a subset tag: six capital letters and a `+`.
    pub fn is_subset(&self) -> bool {
        self.name
            .split_once('+')
            .is_some_and(|(tag, _)| tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()))
    }
}

fn required() -> bool {
    std::env::var_os("FUNDPLAN_REQUIRE_POPPLER").is_some_and(|v| v == "1")
}

/// Whether poppler's tools are on PATH. When they are not, their checks are left out (the
/// lopdf checks still run), or the test fails where `FUNDPLAN_REQUIRE_POPPLER=1`.
pub fn poppler_here() -> bool {
    let on_path = |tool: &str| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(tool).is_file()))
    };
    let missing: Vec<&str> = ["pdfinfo", "pdffonts", "pdftotext"]
        .into_iter()
        .filter(|t| !on_path(t))
        .collect();
    assert!(
        missing.is_empty() || !required(),
        "FUNDPLAN_REQUIRE_POPPLER=1 but {missing:?} not on PATH: apt-get install poppler-utils"
    );
    if !missing.is_empty() {
        static SAID: std::sync::Once = std::sync::Once::new();
        super::say_left_out(
            &SAID,
            &format!(
                "{} not installed (apt-get install poppler-utils): the PDF tests leave out \
                 poppler's checks and run lopdf's (CI requires poppler)",
                missing.join(", ")
            ),
        );
    }
    missing.is_empty()
}

/// Runs a poppler tool; it must succeed and say nothing on stderr (no syntax
/// warnings about the file).
pub fn poppler(tool: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(file)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} not runnable ({e}); install poppler-utils"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{tool} {args:?} failed: {stderr}");
    assert!(stderr.trim().is_empty(), "{tool} {args:?} warned: {stderr}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn open(file: &Path) -> Document {
    let bytes = std::fs::read(file).expect("read pdf");
    Document::load_mem(&bytes).unwrap_or_else(|e| panic!("lopdf cannot read {file:?}: {e}"))
}

/// `key` of the page dictionary `page`, or of the first parent that has it (MediaBox is
/// inherited from the page tree).
fn inherited<'a>(doc: &'a Document, mut page: &'a Dictionary, key: &[u8]) -> &'a Object {
    loop {
        if let Ok(v) = page.get(key) {
            return v;
        }
        let parent = page.get(b"Parent").and_then(Object::as_reference);
        page = doc
            .get_dictionary(parent.expect("no parent"))
            .expect("parent");
    }
}

/// The page count, after checking the version is 1.7 and every page is A4 landscape; where
/// poppler is here, `pdfinfo` must say the same.
pub fn page_count(file: &Path) -> usize {
    let doc = open(file);
    assert_eq!(doc.version, "1.7", "PDF version");
    let pages = doc.get_pages();
    for (n, id) in &pages {
        let page = doc.get_dictionary(*id).expect("page");
        let media = inherited(&doc, page, b"MediaBox")
            .as_array()
            .expect("MediaBox");
        let size: Vec<f32> = media
            .iter()
            .map(|v| v.as_float().expect("number"))
            .collect();
        let (w, h) = (size[2] - size[0], size[3] - size[1]);
        assert!(
            (w - 841.89).abs() < 0.5 && (h - 595.28).abs() < 0.5,
            "page {n}: {w} x {h}, not A4 landscape"
        );
    }
    if poppler_here() {
        let info = poppler("pdfinfo", &[], file);
        let size = info
            .lines()
            .find(|l| l.starts_with("Page size:"))
            .expect("Page size line");
        assert!(
            size.contains("841.89 x 595.28") || size.contains("842 x 595"),
            "{size}"
        );
        let version = info.lines().find_map(|l| l.strip_prefix("PDF version:"));
        assert_eq!(version.map(str::trim), Some("1.7"), "{info}");
        let n: Option<usize> = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok());
        assert_eq!(n, Some(pages.len()), "pdfinfo's page count vs lopdf's");
    }
    pages.len()
}

/// The file's text as each reader here extracts it: lopdf's, then poppler's where installed.
/// Each has as many pages as the file.
pub fn texts(file: &Path) -> Vec<Text> {
    let n = page_count(file);
    let doc = open(file);
    let pages: Vec<String> = (1..=n as u32)
        .map(|p| {
            doc.extract_text(&[p])
                .unwrap_or_else(|e| panic!("lopdf: the text of page {p}: {e}"))
        })
        .collect();
    let raw = pages.concat();
    let mut texts = vec![Text {
        by: "lopdf",
        pages,
        raw,
    }];
    if poppler_here() {
        let pages: Vec<String> = poppler("pdftotext", &["-layout"], file)
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .map(String::from)
            .collect();
        assert_eq!(pages.len(), n, "pdftotext pages vs the file's");
        let raw = poppler("pdftotext", &["-raw"], file);
        texts.push(Text {
            by: "poppler",
            pages,
            raw,
        });
    }
    texts
}

fn name(o: &Object) -> String {
    String::from_utf8_lossy(o.as_name().unwrap_or_default()).into_owned()
}

/// The fonts the pages use, in order of first use, as lopdf reads their dictionaries.
pub fn fonts(file: &Path) -> Vec<Font> {
    let doc = open(file);
    let deref = |o: &Object| -> Dictionary {
        let (_, o) = doc.dereference(o).expect("reference");
        o.as_dict().expect("dictionary").clone()
    };
    let mut fonts: Vec<Font> = Vec::new();
    for id in doc.get_pages().values() {
        for font in doc.get_page_fonts(*id).expect("page fonts").values() {
            let base = name(font.get(b"BaseFont").expect("BaseFont"));
            if fonts.iter().any(|f| f.name == base) {
                continue;
            }
            let descendants = font.get(b"DescendantFonts").expect("Type0 font");
            let (_, descendants) = doc.dereference(descendants).expect("DescendantFonts");
            let cid = deref(&descendants.as_array().expect("array")[0]);
            let descriptor = deref(cid.get(b"FontDescriptor").expect("FontDescriptor"));
            let program = [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .into_iter()
                .find_map(|k| descriptor.get(k).ok().map(|o| (k, o)));
            let kind = match (
                name(cid.get(b"Subtype").expect("Subtype")).as_str(),
                program,
            ) {
                ("CIDFontType0", Some((b"FontFile3", o))) => {
                    let (_, s) = doc.dereference(o).expect("FontFile3");
                    let sub = name(
                        s.as_stream()
                            .expect("stream")
                            .dict
                            .get(b"Subtype")
                            .expect("Subtype"),
                    );
                    format!("CID Type {}", sub.trim_start_matches("CIDFontType"))
                }
                ("CIDFontType2", _) => "CID TrueType".to_string(),
                (other, _) => other.to_string(),
            };
            fonts.push(Font {
                name: base,
                kind,
                encoding: name(font.get(b"Encoding").expect("Encoding")),
                embedded: program.is_some(),
                to_unicode: font.get(b"ToUnicode").is_ok(),
            });
        }
    }
    fonts
}
