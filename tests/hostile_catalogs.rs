//! Catalogs are checked when loaded (issue 14): years in order, line codes
//! unique and of their level's form, `home_uses` keys once, no empty or
//! over-long keyword (a 9,000-character one made validation take 64 s).

use std::path::Path;
use std::time::Instant;

use fundplan::file::parse_catalog;

fn catalog_text() -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::read_to_string(format!("{root}/assets/catalogs/nm-2017.ron")).unwrap()
}

/// The English load error of the catalog text changed by `edit`.
fn refused(edit: impl Fn(String) -> String) -> String {
    let text = edit(catalog_text());
    match parse_catalog(&text, Path::new("c.ron")) {
        Ok(_) => panic!("accepted"),
        Err(e) => e.message(fundplan::Lang::En),
    }
}

#[test]
fn the_bundled_catalog_passes_the_checks() {
    parse_catalog(&catalog_text(), Path::new("c.ron")).unwrap();
}

/// A change to the catalog text.
type Edit = Box<dyn Fn(String) -> String>;

#[test]
fn odd_catalogs_are_refused_at_load() {
    let cases: [(Edit, &str); 6] = [
        (
            Box::new(|t| t.replace("years: (2017, 2020)", "years: (2020, 2017)")),
            "years 2020–2017 are not in order",
        ),
        (
            Box::new(|t| t.replace("code: \"C02\"", "code: \"C01\"")),
            "line code “C01” is given twice",
        ),
        (
            Box::new(|t| t.replace("code: \"C02\"", "code: \"R02\"")),
            "line code “R02” is not of the form C01",
        ),
        (
            Box::new(|t| {
                t.replace(
                    "Forestry: [Ecology],",
                    "Forestry: [Ecology],\n        Water: [Ecology],",
                )
            }),
            "home_uses: Water is given twice",
        ),
        (
            Box::new(|t| t.replace("\"手机\",", "\"\",")),
            "an empty forbidden keyword",
        ),
        (
            Box::new(|t| t.replace("\"手机\",", &format!("\"{}\",", "机".repeat(9_000)))),
            "is longer than 50 characters",
        ),
    ];
    for (edit, says) in cases {
        let start = Instant::now();
        let m = refused(edit);
        assert!(m.contains(says), "{says}: {m}");
        assert!(m.chars().count() < 400, "{m}");
        assert!(start.elapsed().as_secs() < 5);
    }
}
