//! Every class of load failure: a typed error naming the file and, where the
//! parser knows it, the line and column; never a panic, never a partial plan.

use crate::common;

use std::path::Path;

use common::*;
use fundplan_core::Lang;
use fundplan_core::file::{self, LoadErrorKind, Position};

/// The base fixture with `from` replaced by `to` (first occurrence).
fn edited(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(root("tests/fixtures/base.ron")).unwrap();
    assert!(text.contains(from), "{from:?} not in base.ron");
    text.replacen(from, to, 1)
}

fn fixture(name: &str) -> std::path::PathBuf {
    root(&format!("tests/fixtures/load/{name}"))
}

/// (fixture file, expected kind, expected line) — the files are derived from
/// base.ron by `edits()` and checked by `load_fixtures_are_current`.
fn edits() -> Vec<(&'static str, String)> {
    vec![
        (
            "not-ron.ron",
            edited(
                "    catalog: \"nm-2017\",",
                "    catalog: \"nm-2017\" year 2020,",
            ),
        ),
        (
            "wrong-format.ron",
            edited("fundplan-plan", "fundplan-catalog"),
        ),
        (
            "future-version.ron",
            edited(
                "format_version: 1,",
                "format_version: 2,\n    signature: \"…\",",
            ),
        ),
        (
            "unknown-field.ron",
            edited("            reason: \"\",", "            reasn: \"\","),
        ),
        (
            "float-money.ron",
            edited("allocated: \"100000.00\"", "allocated: 100000.0"),
        ),
        (
            "malformed-money.ron",
            edited("integrated: \"100000.00\"", "integrated: \"100000.001\""),
        ),
        (
            "missing-field.ron",
            edited("    prepared_by: \"武川县财政局\",\n", ""),
        ),
        ("wrong-type.ron", edited("year: 2020", "year: \"二〇二〇\"")),
    ]
}

#[test]
fn load_fixtures_are_current() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    for (name, text) in edits() {
        if update {
            std::fs::create_dir_all(root("tests/fixtures/load")).unwrap();
            std::fs::write(fixture(name), &text).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(fixture(name)).unwrap_or_default(),
            text,
            "{name} is stale"
        );
    }
}

fn expect(name: &str, kind: LoadErrorKind, line: usize) {
    let path = fixture(name);
    let err = file::load_plan(&path).expect_err(name);
    assert_eq!(err.kind, kind, "{name}");
    let at = err.at.unwrap_or_else(|| panic!("{name}: no position"));
    assert_eq!(at.line, line, "{name}: {}", err.message(Lang::En));
    let zh = err.message(Lang::Zh);
    let en = err.message(Lang::En);
    assert!(
        zh.contains(name) && zh.contains(&format!("第 {line} 行")),
        "{zh}"
    );
    assert!(
        en.contains(name) && en.contains(&format!("line {line}, column {}", at.col)),
        "{en}"
    );
}

#[test]
fn each_class_is_typed_with_file_and_position() {
    expect(
        "not-ron.ron",
        LoadErrorKind::Syntax {
            zh: "缺少逗号".into(),
            en: "a comma is missing here".into(),
        },
        4,
    );
    expect(
        "wrong-format.ron",
        LoadErrorKind::WrongFormat {
            expected: "fundplan-plan",
            found: "fundplan-catalog".into(),
        },
        2,
    );
    expect(
        "future-version.ron",
        LoadErrorKind::UnsupportedVersion { found: 2 },
        3,
    );
    expect(
        "unknown-field.ron",
        LoadErrorKind::UnknownField("reasn".into()),
        25,
    );
    expect(
        "missing-field.ron",
        LoadErrorKind::MissingField("prepared_by".into()),
        858,
    );
}

#[test]
fn money_must_be_a_string_with_two_decimals() {
    let err = file::load_plan(&fixture("float-money.ron")).unwrap_err();
    assert!(
        matches!(&err.kind, LoadErrorKind::BadMoney { found, number: true } if found == "100000"),
        "{err:?}"
    );
    assert_eq!(err.at.map(|p| p.line), Some(23));
    let err = file::load_plan(&fixture("malformed-money.ron")).unwrap_err();
    assert!(
        matches!(&err.kind, LoadErrorKind::BadMoney { found, number: false } if found == "\"100000.001\""),
        "{err:?}"
    );
    assert!(err.message(Lang::Zh).contains("最多两位小数"));
    assert!(
        err.message(Lang::Zh).ends_with("此处为 \"100000.001\""),
        "{}",
        err.message(Lang::Zh)
    );
    let zh = file::load_plan(&fixture("float-money.ron"))
        .unwrap_err()
        .message(Lang::Zh);
    assert!(zh.ends_with("此处为不带引号的数字 100000"), "{zh}");
    assert!(
        !zh.contains("floating"),
        "no English inside the Chinese message: {zh}"
    );
}

#[test]
fn future_version_says_which_version_it_needs() {
    let err = file::load_plan(&fixture("future-version.ron")).unwrap_err();
    assert!(
        err.message(Lang::En).contains("needs format version 2"),
        "{}",
        err.message(Lang::En)
    );
    assert!(err.message(Lang::Zh).contains("版本为 2"));
}

#[test]
fn wrong_types_are_syntax_errors_with_position() {
    let err = file::load_plan(&fixture("wrong-type.ron")).unwrap_err();
    assert!(matches!(err.kind, LoadErrorKind::Syntax { .. }), "{err:?}");
    assert_eq!(err.at.map(|p| p.line), Some(5));
}

#[test]
fn parser_errors_are_sentences_in_both_languages_with_their_place() {
    // Issue 22 item 13: "is not valid: Unexpected end of RON" was the parser's
    // own wording; each kind of syntax error is said as what is wrong.
    let base = std::fs::read_to_string(root("tests/fixtures/base.ron")).unwrap();
    let cut = base.lines().take(12).collect::<Vec<_>>().join("\n");
    let cases = [
        (cut, "文件意外结束", "the file ends too early"),
        (
            edited("sources: [", "sources: @["),
            "此处应以“[”开始",
            "a “[” is expected here",
        ),
        (
            format!("{base}\n)"),
            "结尾有多余内容",
            "there is more text after the end",
        ),
        (
            edited("year: 2020", "year: ture"),
            "此处应为整数",
            "a whole number is expected here",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (i, (text, zh, en)) in cases.into_iter().enumerate() {
        let path = dir.path().join(format!("case-{i}.ron"));
        std::fs::write(&path, text).unwrap();
        let err = file::load_plan(&path).unwrap_err();
        let at = err.at.unwrap_or_else(|| panic!("case {i}: no position"));
        let (zh_msg, en_msg) = (err.message(Lang::Zh), err.message(Lang::En));
        assert!(
            zh_msg.contains(zh) && zh_msg.contains(&format!("第 {} 行第 {} 列", at.line, at.col)),
            "{zh_msg}"
        );
        assert!(
            en_msg.contains(en) && en_msg.contains(&format!("line {}, column {}", at.line, at.col)),
            "{en_msg}"
        );
        assert!(
            !en_msg.contains("RON") && !en_msg.contains("Expected"),
            "{en_msg}"
        );
    }
}

#[test]
fn a_catalog_is_not_a_plan_and_vice_versa() {
    let err = file::load_plan(&root("assets/catalogs/nm-2017.ron")).unwrap_err();
    assert!(
        matches!(err.kind, LoadErrorKind::WrongFormat { .. }),
        "{err:?}"
    );
    let err = file::load_catalog(&sample_path()).unwrap_err();
    assert!(
        matches!(
            err.kind,
            LoadErrorKind::WrongFormat {
                expected: "fundplan-catalog",
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.ron");
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let text = edited(
        "    review: None,",
        &format!("    review: None,\n    extra: {deep},"),
    );
    std::fs::write(&path, text).unwrap();
    let err = file::load_plan(&path).unwrap_err();
    assert!(err.at.is_some(), "{err:?}");
    let path = dir.path().join("deep-probe.ron");
    std::fs::write(&path, format!("(format: {deep})")).unwrap();
    let err = file::load_plan(&path).unwrap_err();
    assert!(
        matches!(
            err.kind,
            LoadErrorKind::TooDeep | LoadErrorKind::Syntax { .. }
        ),
        "{err:?}"
    );
}

#[test]
fn files_over_16_mib_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(file::MAX_FILE_BYTES + 1).unwrap();
    let err = file::load_plan(&path).unwrap_err();
    assert_eq!(
        err.kind,
        LoadErrorKind::TooLarge {
            size: file::MAX_FILE_BYTES + 1
        }
    );
    assert!(err.message(Lang::En).contains("huge.ron"));
}

#[test]
fn not_utf8_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.ron");
    let mut bytes = b"(\n  format: \"fundplan-plan\",\n  catalog: \"".to_vec();
    bytes.extend_from_slice(&[0xce, 0xe4, 0xb4, 0xa8, 0xff]);
    std::fs::write(&path, bytes).unwrap();
    let err = file::load_plan(&path).unwrap_err();
    assert_eq!(err.kind, LoadErrorKind::NotUtf8);
    assert_eq!(err.at, Some(Position { line: 3, col: 13 }));

    let err = file::load_plan(Path::new("/nonexistent/plan.ron")).unwrap_err();
    assert!(matches!(err.kind, LoadErrorKind::Unreadable(_)));
    assert!(err.message(Lang::Zh).contains("/nonexistent/plan.ron"));
}

#[test]
fn truncated_files_never_give_a_partial_plan() {
    let text = std::fs::read_to_string(sample_path()).unwrap();
    // Every cut on a char boundary, stepping to keep the test quick.
    for cut in (0..text.len())
        .step_by(97)
        .filter(|i| text.is_char_boundary(*i))
    {
        assert!(
            file::parse_plan(&text[..cut], Path::new("cut.ron")).is_err(),
            "cut at {cut} loaded"
        );
    }
}

#[test]
fn counts_and_lengths_beyond_any_real_plan_are_refused() {
    let mut plan = load(&sample_path());
    plan.projects[0].targets = "很".repeat(file::MAX_TEXT_CHARS + 1);
    let text = file::plan_to_string(&plan);
    let err = file::parse_plan(&text, Path::new("long.ron")).unwrap_err();
    assert_eq!(
        err.kind,
        LoadErrorKind::TooLong {
            path: "projects[P001].targets".into(),
            chars: file::MAX_TEXT_CHARS + 1
        }
    );
    assert!(
        err.message(Lang::Zh)
            .contains("projects[P001].targets 过长"),
        "{}",
        err.message(Lang::Zh)
    );

    let mut plan = load(&sample_path());
    let entry = plan.projects[0].funding[0].clone();
    plan.projects[0].funding = vec![entry; file::MAX_FUNDING + 1];
    let err = file::parse_plan(&file::plan_to_string(&plan), Path::new("many.ron")).unwrap_err();
    assert!(
        matches!(
            err.kind,
            LoadErrorKind::TooMany {
                what: "funding entries",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.message(Lang::En)
            .contains("too many funding entries (1001; the limit is 1000)")
    );
}
