//! Arbitrary bytes as the text of a catalog file (`--catalog`): loading never
//! panics, plans validate and diff against any catalog that loads, and its
//! canonical text loads back as the same catalog.
//!
//! Run with `fuzz/run.sh` or `RUSTC_BOOTSTRAP=1 cargo fuzz run load_catalog`.

#![no_main]

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use fundplan::Lang;
use fundplan::catalog::{self, Catalog};
use fundplan::file::parse_catalog;
use fundplan::plan::Plan;
use fundplan::sample::SampleOptions;
use libfuzzer_sys::fuzz_target;

/// Plans to judge against the fuzzed catalog: a sample and an odd one (no
/// sources, a project funded from an unknown line, negative amounts).
static PLANS: LazyLock<Vec<Plan>> = LazyLock::new(|| {
    let default = catalog::default_catalog();
    let sample = fundplan::sample::generate(
        &default,
        SampleOptions {
            projects: 5,
            seed: 1,
            year: 2020,
        },
    );
    let mut odd = sample.clone();
    odd.sources.truncate(3);
    odd.sources[0].integrated = -odd.sources[0].integrated;
    odd.revision = 2;
    if let Some(p) = odd.projects.first_mut() {
        p.funding.push(fundplan::plan::Funding {
            line: "Z99".into(),
            amount: fundplan::Money::from_fen(-1),
        });
    }
    vec![sample, odd]
});

fuzz_target!(|data: &[u8]| {
    let text = match std::str::from_utf8(data) {
        Ok(t) => Cow::Borrowed(t),
        Err(_) => String::from_utf8_lossy(data),
    };
    let catalog: Catalog = match parse_catalog(&text, Path::new("fuzz-catalog.ron")) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.message(Lang::Zh);
            let _ = e.message(Lang::En);
            return;
        }
    };
    let _ = catalog.covers(2020);
    // What fundplan writes of a catalog loads back as the same catalog (the
    // 目录 screen's 另存为 and `catalog import` write through it).
    let canonical = fundplan::file::catalog_to_string(&catalog);
    match parse_catalog(&canonical, Path::new("canonical.ron")) {
        Ok(again) => assert_eq!(again, catalog, "{canonical}"),
        Err(e) => panic!("{}\n{canonical}", e.message(Lang::En)),
    }
    for plan in PLANS.iter() {
        let report = fundplan::validate::validate(plan, &catalog);
        let _ = report.errors();
        let _ = fundplan::catalog::catalog_for(plan, Some(&catalog));
    }
    // `fundplan diff --catalog` and `summary --catalog` go through these.
    let _ = fundplan::diff::diff(&PLANS[0], &PLANS[1], &catalog);
});
