//! The file: the catalog, the page tree with the fonts' resource names, the
//! pages (their content compressed on several threads), the fonts' objects
//! ([`embed`]) and the document information, written by `pdf-writer`.

use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Settings, TextStr};
use sha2::{Digest, Sha256};

use super::doc::{PAGE_H, PAGE_W, deflate, font_name};
use super::embed;
use super::font::Font;

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

pub fn write_file(font: &Font, title: &str, pages: &[Vec<u8>]) -> Vec<u8> {
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
    // The fonts for every page, inherited from the page tree: the bundled
    // one, then the fallbacks drawn with, after the pages.
    let fonts: Vec<(usize, Ref)> = (0..font.fonts())
        .filter(|&f| f == 0 || !font.used(f).is_empty())
        .enumerate()
        .map(|(k, f)| {
            let id = match k.checked_sub(1).map(i32::try_from) {
                None => FONT,
                Some(k) => page_ref(pages.len())
                    .get()
                    .saturating_add(k.unwrap_or(i32::MAX).saturating_mul(embed::OBJECTS)),
            };
            (f, Ref::new(id))
        })
        .collect();
    let mut resources = tree.resources();
    let mut names = resources.fonts();
    for (f, id) in &fonts {
        names.pair(Name(font_name(*f).as_bytes()), *id);
    }
    names.finish();
    resources.finish();
    tree.finish();
    for (i, packed) in deflate_all(pages).iter().enumerate() {
        let id = page_ref(i);
        pdf.page(id).parent(pages_ref).contents(id.next());
        pdf.stream(id.next(), packed).filter(Filter::FlateDecode);
    }
    for (f, id) in fonts {
        embed::write(&mut pdf, font, f, id);
    }
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
}
