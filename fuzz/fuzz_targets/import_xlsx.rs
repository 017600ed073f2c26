//! Arbitrary bytes as a workbook for `fundplan import` (and 文件 › 从 Excel
//! 导入): import never panics, stays within its memory budget (libFuzzer's
//! -rss_limit_mb catches a blow-up), and a plan it returns saves to a file that
//! loads again as the same plan.
//!
//! Run with `fuzz/run.sh 60 import_xlsx` or
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run import_xlsx`.

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use fundplan::Lang;
use fundplan::catalog::{self, Catalog};
use libfuzzer_sys::fuzz_target;

static CATALOG: LazyLock<Catalog> = LazyLock::new(catalog::default_catalog);

fuzz_target!(|data: &[u8]| {
    match fundplan::import::import(data, &CATALOG) {
        Err(e) => {
            let _ = e.message(Lang::Zh);
            let _ = e.message(Lang::En);
        }
        Ok(plan) => {
            // Import never makes a plan that fundplan then refuses to open.
            let text = fundplan::file::plan_to_string(&plan);
            assert!(text.len() as u64 <= fundplan::file::MAX_FILE_BYTES);
            let back = fundplan::file::parse_plan(&text, Path::new("imported.ron"))
                .unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
            assert_eq!(back, plan);
            let _ = fundplan::validate::validate(&plan, &CATALOG);
        }
    }
});
