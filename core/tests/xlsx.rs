//! Excel/WPS interchange: export → import gives the same plan; a hand-made
//! workbook with a formula, a text amount and an unknown line is refused with
//! the three cells named; a sheet without a needed column is refused naming it;
//! CSV columns and totals.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking; clippy.toml exempts #[test] functions, not their helpers"
)]

mod common;

use common::*;
use fundplan_core::export::{self, TableKind, csv::table_csv};
use fundplan_core::import::{ImportError, import};
use rust_xlsxwriter::{Formula, Workbook};

#[test]
fn export_then_import_gives_the_same_plan() {
    for path in [sample_path(), root("tests/fixtures/base.ron")] {
        let plan = load(&path);
        let bytes = export::xlsx::workbook(&plan).unwrap();
        let back = import(&bytes, &nm2017())
            .unwrap_or_else(|e| panic!("{}", e.message(fundplan_core::Lang::En)));
        assert_eq!(back, plan, "{}", path.display());
    }
    // A generated plan with many projects and lines, and an adjustment.
    let mut plan = fundplan_core::sample::generate(
        &nm2017(),
        fundplan_core::sample::SampleOptions {
            projects: 300,
            seed: 9,
            year: 2019,
        },
    );
    plan.revision = 3;
    plan.adjustment = Some(fundplan_core::plan::Adjustment {
        reason: "第三批资金".into(),
        approval: "库政发〔2019〕7号".into(),
    });
    let back = import(&export::xlsx::workbook(&plan).unwrap(), &nm2017()).unwrap();
    assert_eq!(back, plan);
}

/// The 方案信息 sheet as export writes it.
fn info_sheet(wb: &mut Workbook, plan: &fundplan_core::plan::Plan) {
    let info = wb.add_worksheet().set_name("方案信息").unwrap();
    for (i, (k, v)) in export::xlsx::info_rows(plan).iter().enumerate() {
        info.write_string(i as u32, 0, *k).unwrap();
        info.write_string(i as u32, 1, v).unwrap();
    }
}

/// A workbook laid out as an official would by hand: the exported layout with
/// a formula in an amount, text in another amount, and an unknown line column.
fn hand_made() -> Vec<u8> {
    let plan = load(&sample_path());
    let tables = export::tables(&plan);
    let mut wb = Workbook::new();
    info_sheet(&mut wb, &plan);
    for t in &tables[..2] {
        let ws = wb.add_worksheet().set_name(t.kind.sheet_name()).unwrap();
        ws.write_string(0, 0, &t.title).unwrap();
        let mut header = t.header.clone();
        if t.kind == TableKind::Projects {
            header.insert(header.len() - 1, "C99 自编资金".into());
        }
        for (c, h) in header.iter().enumerate() {
            ws.write_string(2, c as u16, h).unwrap();
        }
        for (r, row) in t.rows.iter().chain([&t.total]).enumerate() {
            let r = 3 + r as u32;
            let mut row = row.clone();
            if t.kind == TableKind::Projects {
                row.insert(row.len() - 1, export::Cell::Empty);
            }
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    export::Cell::Text(s) => ws.write_string(r, c, s).map(|_| ()).unwrap(),
                    export::Cell::Money(m) => ws
                        .write_number(r, c, export::xlsx::wan_f64(*m))
                        .map(|_| ())
                        .unwrap(),
                    export::Cell::Count(n) => ws.write_number(r, c, *n as f64).map(|_| ()).unwrap(),
                    export::Cell::Empty => {}
                }
            }
        }
        if t.kind == TableKind::Sources {
            // Row 5 (C02): allocated as a formula, integrated as text.
            ws.write_formula(4, 6, Formula::new("=78+0.41")).unwrap();
            ws.write_string(4, 7, "78.41万").unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_hand_made_workbook_with_errors_is_refused_naming_the_cells() {
    let err = import(&hand_made(), &nm2017()).unwrap_err();
    let ImportError::Invalid(problems) = &err else {
        panic!("{err:?}")
    };
    let at: Vec<String> = problems
        .iter()
        .map(|p| format!("{}!{}", p.sheet, p.cell))
        .collect();
    assert!(
        at.contains(&"表1 资金来源!G5".to_string()),
        "formula: {at:?}"
    );
    assert!(
        at.contains(&"表1 资金来源!H5".to_string()),
        "text amount: {at:?}"
    );
    let unknown = problems
        .iter()
        .find(|p| p.reason.zh.contains("C99"))
        .expect("unknown line reported");
    assert_eq!(unknown.sheet, "表2 项目计划");
    let zh = err.message(fundplan_core::Lang::Zh);
    assert!(
        zh.contains("公式") && zh.contains("应为数值") && zh.contains("未知资金“C99”"),
        "{zh}"
    );
}

#[test]
fn unbalanced_totals_are_refused() {
    let plan = load(&sample_path());
    let mut bytes_plan = plan.clone();
    bytes_plan.sources[0].allocated = yuan("1");
    let mut tables = export::tables(&plan);
    // Total row from the original plan, rows from the changed one: 合计 no longer matches.
    let changed = export::tables(&bytes_plan);
    tables[0].rows = changed[0].rows.clone();
    let err = import(&plain_workbook(&plan, &tables), &nm2017()).unwrap_err();
    assert!(
        err.message(fundplan_core::Lang::Zh).contains("与明细之和"),
        "{}",
        err.message(fundplan_core::Lang::Zh)
    );
}

/// `plan`'s information sheet and `tables` 表1 and 表2 written as values, with
/// the header on row 3 as export puts it.
fn plain_workbook(plan: &fundplan_core::plan::Plan, tables: &[export::Table]) -> Vec<u8> {
    let mut wb = Workbook::new();
    info_sheet(&mut wb, plan);
    common::table_sheets(&mut wb, &tables[..2]);
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_sheet_without_a_needed_column_is_refused_naming_it() {
    let plan = load(&sample_path());
    for (sheet, column) in [(0, "下达文号"), (1, "项目名称")] {
        let mut tables = export::tables(&plan);
        let header = &mut tables[sheet].header;
        let at = header.iter().position(|h| h == column).unwrap();
        header[at] = "备注".into();
        let err = import(&plain_workbook(&plan, &tables), &nm2017()).unwrap_err();
        let ImportError::Invalid(problems) = &err else {
            panic!("{}", err.message(fundplan_core::Lang::En));
        };
        let p = problems
            .iter()
            .find(|p| p.reason.zh.contains("缺少列"))
            .unwrap_or_else(|| panic!("{}", err.message(fundplan_core::Lang::Zh)));
        assert_eq!(p.sheet, tables[sheet].kind.sheet_name());
        assert_eq!(p.cell, "A3");
        assert_eq!(p.reason.zh, format!("缺少列“{column}”"));
        assert_eq!(p.reason.en, format!("column “{column}” is missing"));
    }
}

#[test]
fn csv_tables_have_their_columns_and_totals() {
    let plan = load(&sample_path());
    let tables = export::tables(&plan);
    let t1 = table_csv(&tables[0]);
    assert!(t1.starts_with('\u{feff}'));
    let lines: Vec<&str> = t1.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "序号,资金级次,资金代码,资金名称,资金大类,下达文号,下达金额,纳入整合金额,未纳入整合金额,未纳入原因"
    );
    let total: Vec<&str> = lines.last().unwrap().split(',').collect();
    assert_eq!(total[0], "合计");
    // Plain 万元 with 2 decimals, no grouping: the plan's own sums.
    let wan = |m: fundplan_core::Money| {
        m.display(fundplan_core::money::Unit::Wan, 2)
            .replace(',', "")
    };
    let allocated = plan
        .sources
        .iter()
        .map(|s| s.allocated)
        .sum::<fundplan_core::Money>();
    let integrated = plan
        .sources
        .iter()
        .map(|s| s.integrated)
        .sum::<fundplan_core::Money>();
    assert!(
        allocated > integrated,
        "the sample has lines partly not integrated"
    );
    assert_eq!(
        (total[6], total[7], total[8]),
        (
            wan(allocated).as_str(),
            wan(integrated).as_str(),
            wan(allocated - integrated).as_str()
        )
    );
    assert_eq!(
        lines.len(),
        1 + plan.sources.len() + 4 + 1,
        "header, lines, 4 level subtotals, total"
    );
    let t2 = table_csv(&tables[1]);
    let header: Vec<&str> = t2
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .split(',')
        .collect();
    assert!(
        header.contains(&"C01 中央财政专项扶贫资金") && header.last() == Some(&"自筹及其他资金")
    );
    let dir = tempfile::tempdir().unwrap();
    let files = export::csv::write_dir(&tables, dir.path()).unwrap();
    assert_eq!(files.len(), 4);
    assert!(files.iter().all(|f| f.exists()));
}
