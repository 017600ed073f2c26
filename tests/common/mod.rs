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

/// Runs the `fundplan` binary with `args`.
pub fn fundplan_cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_fundplan"))
        .args(args)
        .output()
        .unwrap()
}

/// Opens `path` in the app as 文件 › 打开 does.
pub fn open_in(
    h: &mut egui_kittest::Harness<'_, fundplan::gui::FundplanApp>,
    path: &std::path::Path,
) {
    h.state_mut()
        .push(fundplan::gui::Action::Open(path.to_path_buf()));
    h.run();
}

/// Clicks 允许修改 in the review strip and confirms it, as the county does.
pub fn allow_editing(h: &mut egui_kittest::Harness<'_, fundplan::gui::FundplanApp>) {
    use egui_kittest::kittest::Queryable;
    let button = egui::accesskit::Role::Button;
    h.get_by_role_and_label(button, "允许修改").click();
    h.run();
    h.get_all_by_role_and_label(button, "允许修改")
        .last()
        .unwrap()
        .click();
    h.run();
    assert!(!h.state().doc().is_read_only());
}

/// Focuses the field named `label` and types `text` into it, as a person does.
pub fn type_into(
    h: &mut egui_kittest::Harness<'_, fundplan::gui::FundplanApp>,
    label: &str,
    text: &str,
) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Writes `tables` (表1, 表2 …) into `wb` as plain values, one sheet each with
/// the header on row 3 as the export puts it: a workbook an officer could have
/// typed, for the import tests to change.
pub fn table_sheets(wb: &mut rust_xlsxwriter::Workbook, tables: &[fundplan::export::Table]) {
    use fundplan::export;
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
