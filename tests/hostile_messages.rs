//! Messages and odd text files (issue 14): a load error quotes at most ~80
//! characters of the bad token; a UTF-8 byte-order mark (Windows Notepad)
//! before a plan or catalog is accepted; long error dialogs scroll.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking; clippy.toml exempts #[test] functions, not their helpers"
)]

mod common;

use std::path::Path;

use common::*;
use fundplan::Lang;
use fundplan::file::{parse_catalog, parse_plan};

fn sample_text() -> String {
    std::fs::read_to_string(sample_path()).unwrap()
}

#[test]
fn a_load_error_quotes_a_huge_token_in_part() {
    let huge = "x".repeat(2_000_000);
    let text = sample_text();
    // An unknown field with a 2 MB name, and a 2 MB money string.
    let cases = [
        text.replacen("year:", &format!("{huge}: 1,\n    year:"), 1),
        text.replacen("allocated: \"", &format!("allocated: \"{huge}"), 1),
    ];
    for bad in cases {
        let e = parse_plan(&bad, Path::new("bad.ron")).unwrap_err();
        for lang in [Lang::Zh, Lang::En] {
            let m = e.message(lang);
            assert!(m.chars().count() < 600, "{} chars: {}…", m.len(), &m[..200]);
            assert!(m.contains("xxxxxxxxxx…"), "{m}");
        }
    }
}

#[test]
fn a_byte_order_mark_before_a_plan_or_catalog_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, format!("\u{feff}{}", sample_text())).unwrap();
    assert_eq!(
        fundplan::file::load_plan(&plan).unwrap(),
        load(&sample_path())
    );
    let catalog = std::fs::read_to_string(root("assets/catalogs/nm-2017.ron")).unwrap();
    parse_catalog(&format!("\u{feff}{catalog}"), Path::new("c.ron")).unwrap();
    // And from the command line.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_fundplan"))
        .args(["--lang", "en", "validate"])
        .arg(&plan)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_long_error_dialog_scrolls_and_its_button_stays_in_the_window() {
    use egui_kittest::kittest::Queryable;
    // A 方案信息 sheet of 400 unknown keys: 400 problems in one message.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("方案信息").unwrap();
    for r in 0..400 {
        ws.write_string(r, 0, format!("未知项目{r}")).unwrap();
    }
    for name in ["表1 资金来源", "表2 项目计划"] {
        wb.add_worksheet().set_name(name).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("bad.xlsx");
    wb.save(&xlsx).unwrap();
    let mut h = app();
    h.state_mut().push(fundplan::gui::Action::Import(xlsx));
    h.run();
    h.get_by_label_contains("未知项目399");
    let ok = h.get_by_label("确定");
    let bottom = ok.rect().max.y;
    assert!(
        bottom <= 800.0,
        "the OK button is below the window: {bottom}"
    );
    assert!(ok.rect().min.y >= 0.0);
}

/// The sample plan with its first `allocated` amount written as `amount`.
fn with_amount(amount: &str) -> String {
    sample_text().replacen(
        "allocated: \"44500000.00\"",
        &format!("allocated: \"{amount}\""),
        1,
    )
}

#[test]
fn money_strings_in_a_file_have_one_spelling() {
    // Decided (README "File format in brief"): a sign other than -, spaces
    // (the no-break space too) and leading zeros are not amounts.
    for bad in [
        "+5", " 5", "5 ", "\u{a0}5", "5\u{a0}", "0005", "-05", "00.5",
    ] {
        let e = parse_plan(&with_amount(bad), Path::new("p.ron")).unwrap_err();
        let m = e.message(Lang::En);
        assert!(
            m.contains("an amount must be a quoted string"),
            "{bad:?}: {m}"
        );
    }
    for good in ["5", "0", "0.5", "-5", "44500000.00", "1250.5"] {
        parse_plan(&with_amount(good), Path::new("p.ron")).unwrap_or_else(|e| {
            panic!("{good:?}: {}", e.message(Lang::En));
        });
    }
}

#[test]
fn negative_other_funds_and_revision_0_are_findings() {
    use fundplan::validate::{Rule, validate};
    let mut plan = load(&sample_path());
    plan.revision = 0;
    plan.projects[0].other_funds = yuan("-1");
    let report = validate(&plan, &nm2017());
    let rules: Vec<Rule> = report.findings.iter().map(|f| f.rule).collect();
    assert!(
        rules.contains(&Rule::H06) && rules.contains(&Rule::P09),
        "{rules:?}"
    );
    assert!(report.errors() >= 2);
    // They load (the officer can fix them in the app) and are saved as they are.
    let text = fundplan::file::plan_to_string(&plan);
    assert_eq!(parse_plan(&text, Path::new("p.ron")).unwrap(), plan);
}
