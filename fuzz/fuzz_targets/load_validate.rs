//! Arbitrary bytes as the text of a plan file: loading never panics, the fast
//! reader agrees with ron whenever it reads a plan, and a plan
//! that loads validates, saves, reloads to the same plan and the same bytes,
//! digests, diffs and exports without panicking.
//!
//! Run with `fuzz/run.sh` or `RUSTC_BOOTSTRAP=1 cargo fuzz run load_validate`.

#![no_main]

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use fundplan::Lang;
use fundplan::catalog::{self, Catalog};
use fundplan::file::{parse_plan, plan_to_string};
use fundplan::plan::Plan;
use fundplan::sample::SampleOptions;
use libfuzzer_sys::fuzz_target;
use sha2::{Digest as _, Sha256};

static CATALOG: LazyLock<Catalog> = LazyLock::new(catalog::default_catalog);
static SAMPLE: LazyLock<Plan> =
    LazyLock::new(|| fundplan::sample::generate(&CATALOG, SampleOptions::default()));

/// The layout `ron` writes for fundplan's saves (see src/ronfmt.rs's tests).
fn ron_pretty(plan: &Plan) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .depth_limit(4)
        .separate_tuple_members(false)
        .escape_strings(true);
    ron::ser::to_string_pretty(plan, config).expect("ron serialises every plan")
}

fuzz_target!(|data: &[u8]| {
    // There is no public loader for bytes (read_text takes a path); text that is
    // not UTF-8 still feeds the parser through the lossy conversion.
    let text = match std::str::from_utf8(data) {
        Ok(t) => Cow::Borrowed(t),
        Err(_) => String::from_utf8_lossy(data),
    };
    let path = Path::new("fuzz.ron");
    // The fast reader for fundplan's own layout must mean exactly what ron reads.
    if let Some(fast) = fundplan::file::canonical::parse(&text) {
        let slow = fundplan::file::parse_plan_with_ron(&text, path);
        assert!(
            slow.as_ref().is_ok_and(|slow| *slow == fast),
            "the fast reader read a plan that ron reads otherwise ({:?})",
            slow.err()
        );
    }
    let plan = match parse_plan(&text, path) {
        Ok(plan) => plan,
        Err(e) => {
            // The error must be describable in both languages.
            let _ = e.message(Lang::Zh);
            let _ = e.message(Lang::En);
            return;
        }
    };

    let report = fundplan::validate::validate(&plan, &CATALOG);
    for f in &report.findings {
        let _ = fundplan::plan::path::parse(&f.path);
    }
    // The catalog the CLI would pick for this plan (the one it names, else the default).
    let own = fundplan::catalog::catalog_for(&plan, None);
    let _ = fundplan::validate::validate(&plan, &own);

    // Byte-stable round trip: save, load, equal plan, same bytes again.
    let saved = plan_to_string(&plan);
    let back = parse_plan(&saved, path)
        .unwrap_or_else(|e| panic!("a saved plan does not load: {e}\n--- saved ---\n{saved}"));
    assert_eq!(
        back, plan,
        "save → load changed the plan\n--- saved ---\n{saved}"
    );
    assert_eq!(
        plan_to_string(&back),
        saved,
        "saving twice gave other bytes"
    );

    // fundplan's writer promises ron's exact bytes (pretty for files, compact for the digest).
    assert_eq!(
        saved.strip_suffix('\n'),
        Some(ron_pretty(&plan).as_str()),
        "src/ronfmt.rs pretty output differs from ron"
    );
    let content = Plan {
        submission: None,
        review: None,
        ..plan.clone()
    };
    let compact = ron::to_string(&content).expect("ron serialises every plan");
    let mut expected = String::from("sha256:");
    for b in Sha256::digest(compact.as_bytes()) {
        expected.push_str(&format!("{b:02x}"));
    }
    let digest = fundplan::digest::digest(&plan);
    assert_eq!(
        digest, expected,
        "digest is not SHA-256 of ron's compact text\n{compact}"
    );
    assert_eq!(fundplan::digest::digest(&back), digest);
    let _ = fundplan::digest::seal_state(&plan);

    // Everything else a loaded plan goes through.
    let d = fundplan::diff::diff(&plan, &back, &CATALOG);
    assert!(d.is_empty(), "diff of a plan with itself is not empty");
    let _ = fundplan::diff::diff(&SAMPLE, &plan, &CATALOG);
    let _ = fundplan::diff::diff(&plan, &SAMPLE, &CATALOG);
    for table in fundplan::export::tables(&plan) {
        let _ = fundplan::export::csv::table_csv(&table);
    }
    let _ = fundplan::summary::Status::of(&plan);
});
