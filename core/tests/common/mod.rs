//! Helpers shared by the integration tests of both crates (the `fundplan`
//! crate's tests/support includes this file).
#![allow(
    dead_code,
    reason = "each test binary uses some of the helpers (an #[expect] would fail in the binaries that use them all)"
)]

use std::path::{Path, PathBuf};

use fundplan_core::Money;
use fundplan_core::catalog::{self, Catalog};
use fundplan_core::file;
use fundplan_core::plan::{Funding, Plan, Project};

pub mod pdf;

/// A path below the workspace root (where assets/ and tests/fixtures/ are),
/// whichever of the two crates runs the test.
pub fn root(rel: &str) -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .find(|p| p.join("assets").is_dir())
        .unwrap_or(manifest)
        .join(rel)
}

/// The bundled sample plan.
pub fn sample_path() -> PathBuf {
    root("assets/examples/wuchuan-2020.ron")
}

/// Loads a plan or fails the test with the load error's sentence.
pub fn load(path: &Path) -> Plan {
    file::load_plan(path).unwrap_or_else(|e| panic!("{}", e.message(fundplan_core::Lang::En)))
}

/// The default catalog.
pub fn nm2017() -> Catalog {
    catalog::default_catalog()
}

/// The built-in 2021–2025 catalog.
pub fn nm2021() -> Catalog {
    catalog::embedded("nm-2021").unwrap()
}

/// Amount from a yuan string.
pub fn yuan(s: &str) -> Money {
    Money::from_yuan_str(s).unwrap()
}

/// The project funded from `line` in the base fixture.
pub fn project_of<'a>(plan: &'a mut Plan, line: &str) -> &'a mut Project {
    plan.projects
        .iter_mut()
        .find(|p| p.funding.iter().any(|f| f.line == line))
        .unwrap_or_else(|| panic!("no project funded from {line}"))
}

/// A funding entry.
pub fn funding(line: &str, amount: &str) -> Funding {
    Funding {
        line: line.to_string(),
        amount: yuan(amount),
    }
}

/// Writes `tables` (表1, 表2 …) into `wb` as plain values, one sheet each with
/// the header on row 3 as the export puts it: a workbook an officer could have
/// typed, for the import tests to change.
pub fn table_sheets(wb: &mut rust_xlsxwriter::Workbook, tables: &[fundplan_core::export::Table]) {
    use fundplan_core::export;
    for t in tables {
        let ws = wb.add_worksheet().set_name(t.kind.sheet_name()).unwrap();
        for (c, h) in t.header.iter().enumerate() {
            ws.write_string(2, c as u16, h).unwrap();
        }
        for (r, row) in t.rows.iter().chain([&t.total]).enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (3 + r as u32, c as u16);
                match cell {
                    export::Cell::Text(s) => drop(ws.write_string(r, c, s)),
                    export::Cell::Money(m) => {
                        drop(ws.write_number(r, c, export::xlsx::wan_f64(*m)))
                    }
                    export::Cell::Count(n) => drop(ws.write_number(r, c, *n as f64)),
                    export::Cell::Empty => {}
                }
            }
        }
    }
}

/// A catalog workbook of `rows` fund lines with a 级次 and 大类 but no code or year, each
/// of which import refuses: the report of a hostile catalog (xlsx tests, the scale bench).
pub fn catalog_rows(rows: u32) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["资金名称", "级次", "大类"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..=rows {
        ws.write_string(r, 0, format!("资金{r}")).unwrap();
        ws.write_string(r, 1, "省级").unwrap();
        ws.write_string(r, 2, "扶贫").unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// DejaVu Sans, a system font that has ✗ (U+2717), which the bundled CJK font
/// lacks: the fallback font of the PDF tests. `None` where it is not installed (a fresh
/// machine; Debian fonts-dejavu-core), said on stderr, and the test leaves its check out;
/// with `FUNDPLAN_REQUIRE_FONTS=1` (set by `.ci/run`, which installs it) that fails instead.
pub fn dejavu() -> Option<PathBuf> {
    let found = [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    ]
    .into_iter()
    .map(PathBuf::from)
    .find(|p| p.is_file());
    let required = std::env::var_os("FUNDPLAN_REQUIRE_FONTS").is_some_and(|v| v == "1");
    assert!(
        found.is_some() || !required,
        "FUNDPLAN_REQUIRE_FONTS=1 but DejaVuSans.ttf is not installed: apt-get install fonts-dejavu-core"
    );
    if found.is_none() {
        static SAID: std::sync::Once = std::sync::Once::new();
        say_left_out(
            &SAID,
            "DejaVuSans.ttf is not installed (apt-get install fonts-dejavu-core): the PDF tests \
             leave out the check of the fallback font (CI requires it)",
        );
    }
    found
}

/// Says once per test binary, on the real stderr, that a check is left out on this machine.
/// `eprintln!` would be captured by the test harness and shown only for a failing test, so a
/// passing `cargo test` would hide the skip; a write to `io::stderr()` is not captured. (An
/// `#[ignore = "…"]` cannot depend on what is installed: it is decided at compile time.)
pub fn say_left_out(once: &'static std::sync::Once, what: &str) {
    once.call_once(|| {
        use std::io::Write as _;
        // Nothing to do if stderr is gone: the note is a courtesy.
        writeln!(std::io::stderr(), "note: {what}").unwrap_or_default();
    });
}
