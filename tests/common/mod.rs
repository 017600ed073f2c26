//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use fundplan::Money;
use fundplan::catalog::{self, Catalog};
use fundplan::file;
use fundplan::plan::{Funding, Plan, Project};

/// A path below the crate root.
pub fn root(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The bundled sample plan.
pub fn sample_path() -> PathBuf {
    root("assets/examples/wuchuan-2020.ron")
}

/// Loads a plan or fails the test with the load error's sentence.
pub fn load(path: &Path) -> Plan {
    file::load_plan(path).unwrap_or_else(|e| panic!("{}", e.message(fundplan::Lang::En)))
}

/// The default catalog.
pub fn nm2017() -> Catalog {
    catalog::default_catalog()
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

/// The desktop app on the bundled sample, headless, with the app's CJK font.
pub fn app() -> egui_kittest::Harness<'static, fundplan::gui::FundplanApp> {
    let mut h = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(16)
        .build_eframe(|cc| {
            fundplan::gui::fonts::install(&cc.egui_ctx);
            fundplan::gui::FundplanApp::with_prefs(fundplan::gui::Prefs::default())
        });
    h.run();
    h
}
