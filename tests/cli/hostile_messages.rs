//! Messages and odd text files (issue 14): a load error quotes at most ~80
//! characters of the bad token; a UTF-8 byte-order mark (Windows Notepad)
//! before a plan or catalog is accepted; long error dialogs scroll.

use crate::common;

use std::path::Path;

use common::*;
use fundplan_core::Lang;
use fundplan_core::file::{parse_catalog, parse_plan};

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
        fundplan_core::file::load_plan(&plan).unwrap(),
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
    use fundplan_core::validate::{Rule, validate};
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
    let text = fundplan_core::file::plan_to_string(&plan);
    assert_eq!(parse_plan(&text, Path::new("p.ron")).unwrap(), plan);
}

/// Characters a terminal acts on instead of showing: C0 (bar the line breaks
/// the program writes), DEL, C1, bidi embeddings, overrides, isolates, marks.
fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

#[test]
fn nothing_from_a_file_reaches_the_terminal_raw() {
    // Clear the screen, set the window title (OSC … BEL), C1 CSI, carriage
    // return, backspace, a reversed reading order and a forged line.
    let hostile = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\r\u{8}\u{202e}\u{2066}\n  错误 X99";
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    std::fs::copy(sample_path(), &old).unwrap();
    let mut plan = load(&sample_path());
    plan.county.name = format!("武川县{hostile}");
    // 办公楼 is on the negative list: P07 quotes the name.
    plan.projects[0].name = format!("办公楼{hostile}");
    plan.adjustment = Some(fundplan_core::plan::Adjustment {
        reason: hostile.into(),
        approval: hostile.into(),
    });
    let new = dir.path().join(format!("new{hostile}.ron"));
    fundplan_core::file::save_plan(&plan, &new).unwrap();
    // A file whose load error quotes its own text.
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, format!("(format: \"{hostile}\")")).unwrap();
    let (o, n, b) = (
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        bad.to_str().unwrap(),
    );
    for args in [
        vec!["validate", n],
        vec!["validate", b],
        vec!["summary", "--no-register", n, b],
        vec!["diff", o, n],
    ] {
        for lang in ["zh", "en"] {
            let mut all = vec!["--lang", lang];
            all.extend(&args);
            let out = fundplan_cli(&all);
            let (stdout, stderr) = (
                String::from_utf8(out.stdout).unwrap(),
                String::from_utf8(out.stderr).unwrap(),
            );
            let raw: Vec<char> = stdout
                .chars()
                .chain(stderr.chars())
                .filter(|c| acts_on_terminal(*c))
                .collect();
            assert!(raw.is_empty(), "{all:?}: {raw:?}\n{stdout}{stderr}");
            assert!(
                format!("{stdout}{stderr}").contains("\\u{1b}]0;pwned\\u{7}"),
                "{all:?}: {stdout}{stderr}"
            );
            assert!(
                !stdout
                    .lines()
                    .chain(stderr.lines())
                    .any(|l| l.starts_with("  错误 X99")),
                "{all:?}: a file forged a line: {stdout}"
            );
        }
    }
    // JSON stays as it was: serde_json's own escapes, the text intact.
    let out = fundplan_cli(&["validate", "--json", n]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let p07 = json[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "P07")
        .unwrap();
    assert!(p07["message"].as_str().unwrap().contains(hostile), "{p07}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\\u001b]0;pwned\\u0007"));
}
