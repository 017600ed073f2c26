//! League review: comparing revisions and rolling up a folder of plans.

use crate::common;
/// Issue 21: the receipt register (tests/cli/review/register.rs).
mod register;

use std::path::Path;
use std::process::Command;

use common::*;
use fundplan_core::Money;
use fundplan_core::diff::{Change, Value, diff};
use fundplan_core::digest;
use fundplan_core::file;
use fundplan_core::summary::{Status, summarize};
use serde_json::Value as Json;

fn fundplan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_fundplan"))
        .args(args)
        .output()
        .unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The id a project added to the sample gets: the next after its last (P013
/// after P012).
fn added_id() -> String {
    let plan = load(&sample_path());
    let last = plan
        .projects
        .iter()
        .filter_map(|p| p.id.strip_prefix('P')?.parse::<usize>().ok())
        .max()
        .unwrap();
    format!("P{:03}", last + 1)
}

/// The sample with C14 raised by 5 万元 on both sides, P002 removed and a
/// project added (see [`added_id`]).
fn revised() -> fundplan_core::plan::Plan {
    let mut plan = load(&sample_path());
    plan.revision = 2;
    plan.adjustment = Some(fundplan_core::plan::Adjustment {
        reason: "第二批资金下达".into(),
        approval: "武政字〔2020〕31号".into(),
    });
    let removed = plan.projects.remove(1);
    let mut added = removed.clone();
    added.id = added_id();
    added.name = "哈乐镇新胜村肉牛养殖基地建设".into();
    plan.projects.push(added);
    let p = project_of(&mut plan, "C14");
    p.funding
        .iter_mut()
        .find(|f| f.line == "C14")
        .unwrap()
        .amount += yuan("50000");
    let c14 = plan.sources.iter_mut().find(|s| s.line == "C14").unwrap();
    c14.integrated += yuan("50000");
    c14.allocated += yuan("50000");
    plan
}

#[test]
fn diff_reports_exactly_what_changed() {
    let old = load(&sample_path());
    let new = revised();
    let d = diff(&old, &new, &nm2017());
    assert_eq!(d.revisions, (1, 2));
    assert_eq!(
        d.adjustment.as_ref().unwrap().approval,
        "武政字〔2020〕31号"
    );
    assert_eq!(d.sources.len(), 1);
    assert_eq!(d.sources[0].key, "C14");
    let Change::Changed(fields) = &d.sources[0].change else {
        panic!()
    };
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["allocated", "integrated"]);
    assert!(fields.iter().all(|f| f.delta() == Some(yuan("50000"))));
    let keys: Vec<(&str, &str)> = d
        .projects
        .iter()
        .map(|p| (p.key.as_str(), p.change.code()))
        .collect();
    let c14_project = project_of(&mut load(&sample_path()), "C14").id.clone();
    let added = added_id();
    let mut expected = vec![
        ("P002", "removed"),
        (added.as_str(), "added"),
        (c14_project.as_str(), "changed"),
    ];
    expected.sort();
    assert_eq!(keys, expected);
    let changed = d.projects.iter().find(|p| p.key == c14_project).unwrap();
    let Change::Changed(fields) = &changed.change else {
        panic!()
    };
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].field, "funding[C14]");
    assert_eq!(d.after.integrated - d.before.integrated, yuan("50000"));
    assert!(d.appeared.is_empty() && d.disappeared.is_empty());
    assert!(matches!(fields[0].old, Value::Money(_)));
}

#[test]
fn diff_shows_findings_that_appear_and_disappear() {
    let old = load(&root("tests/fixtures/rules/S06.ron"));
    let mut new = old.clone();
    new.sources
        .iter_mut()
        .find(|s| s.line == "C08")
        .unwrap()
        .integrated = yuan("100000");
    new.projects.iter_mut().for_each(|p| {
        if p.funding[0].line == "C08" {
            p.funding[0].amount = yuan("100000");
        }
    });
    new.county.league = "包头市".into();
    let d = diff(&old, &new, &nm2017());
    assert_eq!(
        d.disappeared
            .iter()
            .map(|f| f.rule.code())
            .collect::<Vec<_>>(),
        ["S06"]
    );
    assert_eq!(
        d.appeared.iter().map(|f| f.rule.code()).collect::<Vec<_>>(),
        ["H05"]
    );
}

#[test]
fn diff_cli_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let new_path = dir.path().join("r2.ron");
    file::save_plan(&revised(), &new_path).unwrap();
    let out = fundplan(&["diff", s(&sample_path()), s(&new_path)]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("调整原因：第二批资金下达；批复文号：武政字〔2020〕31号"),
        "{text}"
    );
    let added = format!("+ {}", added_id());
    assert!(text.contains("- P002") && text.contains(&added), "{text}");
    assert!(
        text.contains("纳入整合金额") && text.contains("（+5.00）"),
        "{text}"
    );

    let out = fundplan(&["diff", "--json", s(&sample_path()), s(&new_path)]);
    let v: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["revision"]["new"], 2);
    assert_eq!(v["sources"][0]["line"], "C14");
    assert_eq!(v["sources"][0]["fields"][1]["delta"], "50000.00");
    assert_eq!(v["projects"].as_array().unwrap().len(), 3);
    assert_eq!(
        fundplan(&["diff", s(&sample_path()), "/nonexistent.ron"])
            .status
            .code(),
        Some(2)
    );
}

/// A league folder: valid, invalid, tampered, unreadable, plus an older revision.
fn league_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("2020")).unwrap();
    let sample = load(&sample_path());
    file::save_plan(&sample, &d.join("2020/wuchuan-r1.ron")).unwrap();
    file::save_plan(
        &digest::seal(&revised(), "2020-05-01T09:00:00+08:00".into(), 0),
        &d.join("2020/wuchuan-r2.ron"),
    )
    .unwrap();
    // Another banner, so it is not taken for an older revision of 武川县.
    let mut invalid = load(&root("tests/fixtures/rules/S06.ron"));
    invalid.county.code = "150929".into();
    invalid.county.name = "四子王旗".into();
    invalid.county.league = "乌兰察布市".into();
    file::save_plan(&invalid, &d.join("invalid.ron")).unwrap();
    let mut tampered = digest::seal(
        &fundplan_core::sample::generate(
            &nm2017(),
            fundplan_core::sample::SampleOptions {
                projects: 30,
                seed: 2,
                year: 2020,
            },
        ),
        "t".into(),
        0,
    );
    tampered.projects[0].households += 1;
    file::save_plan(&tampered, &d.join("tampered.ron")).unwrap();
    std::fs::copy(
        root("tests/fixtures/load/unknown-field.ron"),
        d.join("unreadable.ron"),
    )
    .unwrap();
    std::fs::write(d.join("notes.txt"), "not a plan").unwrap();
    dir
}

#[test]
fn summary_rows_statuses_and_exact_totals() {
    let dir = league_folder();
    let files = fundplan_core::scan::expand_paths(&[dir.path().to_path_buf()]);
    assert_eq!(files.len(), 5, "only *.ron, recursively");
    let sum = summarize(&files, None);
    assert_eq!(sum.rows.len(), 4);
    assert_eq!(sum.failures.len(), 1);
    assert!(sum.failures[0].path.ends_with("unreadable.ron"));
    let by_file = |name: &str| sum.rows.iter().find(|r| r.path.ends_with(name)).unwrap();
    let r1 = by_file("wuchuan-r1.ron");
    let r2 = by_file("wuchuan-r2.ron");
    assert!(r1.superseded && !r2.superseded);
    assert_eq!((r1.status, r2.status), (Status::Draft, Status::Submitted));
    assert_eq!(by_file("tampered.ron").status, Status::Modified);
    assert_eq!(by_file("tampered.ron").errors, 1, "D01");
    assert_eq!(by_file("invalid.ron").errors, 1, "S06");
    let counted: Vec<_> = sum.rows.iter().filter(|r| !r.superseded).collect();
    assert_eq!(sum.totals.plans, 3);
    assert_eq!(
        sum.totals.integrated,
        counted.iter().map(|r| r.integrated).sum::<Money>()
    );
    assert_eq!(
        sum.totals.allocated,
        r2.allocated + by_file("tampered.ron").allocated + by_file("invalid.ron").allocated
    );
    assert_eq!(sum.totals.errors, 2);
}

#[test]
fn summary_csv_is_a_table_with_plain_numbers() {
    let dir = league_folder();
    let out = fundplan(&["summary", "--csv", s(dir.path())]);
    assert_eq!(out.status.code(), Some(2), "a file did not load");
    let text = String::from_utf8(out.stdout).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("BOM for Excel");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        1 + 4 + 1 + 1,
        "header, 4 plans, 1 load error, total"
    );
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(
        &header[..6],
        ["county", "code", "year", "revision", "status", "allocated"]
    );
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let rows: Vec<Vec<&str>> = lines[1..].iter().map(|l| l.split(',').collect()).collect();
    for r in &rows[..4] {
        let amount = r[col("integrated")];
        assert!(
            amount.parse::<f64>().is_ok() && !amount.contains(' '),
            "{amount}"
        );
        assert_eq!(amount.split('.').nth(1).map(str::len), Some(2));
    }
    assert!(rows.iter().any(|r| r[col("status")] == "load_error"));
    let total = rows.last().unwrap();
    assert_eq!(total[0], "TOTAL");
    let sum = summarize(
        &fundplan_core::scan::expand_paths(&[dir.path().to_path_buf()]),
        None,
    );
    assert_eq!(
        total[col("integrated")],
        sum.totals.integrated.to_file_string()
    );
}

#[test]
fn summary_json_and_text() {
    let dir = league_folder();
    let out = fundplan(&["summary", "--json", s(dir.path())]);
    let v: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["plans"].as_array().unwrap().len(), 4);
    assert_eq!(v["load_errors"].as_array().unwrap().len(), 1);
    assert_eq!(v["totals"]["plans"], 3);
    let out = fundplan(&["summary", s(dir.path())]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("提交后被修改") && text.contains("已被取代") && text.contains("无法读取"),
        "{text}"
    );
}

#[test]
fn validate_takes_folders_like_summary() {
    let dir = league_folder();
    let out = fundplan(&["validate", "--json", s(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    let v: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 5);
}
