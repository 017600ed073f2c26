//! `fundplan validate [--json] PATH...`, and the report formats `submit` and
//! `import` print too.

use std::path::{Path, PathBuf};

use fundplan_core::text::for_terminal;
use serde_json::{Map, Value, json};

use super::out::{self, Form};
use super::{Exit, Outcome, load_explicit_catalog};
use crate::catalog::catalog_for;
use crate::file;
use crate::scan::scan_paths;
use crate::validate::{Report, Sums, validate};
use crate::{Lang, Money};

pub(super) fn run_validate(
    catalog_path: Option<&Path>,
    as_json: bool,
    files: &[PathBuf],
    lang: Lang,
) -> Outcome {
    let explicit = load_explicit_catalog(catalog_path, lang)?;
    let scan = scan_paths(files);
    let files = scan.files;
    let mut status = Exit::Fine;
    let mut results = Vec::with_capacity(files.len());
    for path in &files {
        let shown = path.display().to_string();
        match file::load_plan(path) {
            Err(e) => {
                status = Exit::Failed;
                load_failed(&mut results, as_json, &shown, &e.message(lang));
            }
            Ok(plan) => {
                let report = validate(&plan, &catalog_for(&plan, explicit.as_ref()));
                if report.errors() > 0 && status == Exit::Fine {
                    status = Exit::Findings;
                }
                if as_json {
                    results.push(report_json(&shown, &report, lang));
                } else {
                    out::print(&report_text(&shown, &report, lang), Form::Text, lang)?;
                }
            }
        }
    }
    for e in &scan.problems {
        status = Exit::Failed;
        let shown = e.path.display().to_string();
        load_failed(&mut results, as_json, &shown, &e.message(lang));
    }
    if as_json {
        // JSON escapes control characters itself; its text stays as it was.
        out::print(&format!("{}\n", Value::Array(results)), Form::Data, lang)?;
    }
    Ok(status)
}

/// A file that could not be loaded: its JSON entry, or `message` on stderr.
pub(super) fn load_failed(results: &mut Vec<Value>, as_json: bool, file: &str, message: &str) {
    if as_json {
        results.push(json!({"file": file, "load_error": message}));
    } else {
        out::say(message);
    }
}

/// The human-readable block for one file: a summary line, then one line per
/// finding (already sorted by severity, then path). The file's name and its
/// own text quoted in messages are escaped for a terminal, each on its line.
pub fn report_text(file: &str, report: &Report, lang: Lang) -> String {
    let (e, w) = (report.errors(), report.warnings());
    // A file's own text (its name, names quoted in messages) stays on its line.
    let file = for_terminal(file);
    let mut s = match lang {
        Lang::Zh => format!("{file}：{e} 个错误，{w} 个警告\n"),
        Lang::En => format!(
            "{file}: {}, {}\n",
            lang.count(e, "", "error", "errors"),
            lang.count(w, "", "warning", "warnings")
        ),
    };
    for f in &report.findings {
        let path = if f.path.is_empty() {
            "-"
        } else {
            f.path.as_str()
        };
        s.push_str(&format!(
            "  {} {} {}  {}\n",
            f.severity().label(lang),
            f.rule.code(),
            for_terminal(path),
            for_terminal(f.message.get(lang))
        ));
    }
    s
}

/// The JSON object for one validated file (see rules.md).
pub fn report_json(file: &str, report: &Report, lang: Lang) -> Value {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            json!({
                "rule": f.rule.code(),
                "severity": f.severity().code(),
                "path": f.path,
                "message": f.message.get(lang),
            })
        })
        .collect();
    json!({
        "file": file,
        "errors": report.errors(),
        "warnings": report.warnings(),
        "findings": findings,
        "totals": totals_json(report),
    })
}

fn money(m: Money) -> Value {
    Value::String(m.to_file_string())
}

fn sums(s: &Sums) -> Value {
    json!({"allocated": money(s.allocated), "integrated": money(s.integrated), "arranged": money(s.arranged)})
}

/// Report totals as JSON; amounts are yuan strings, exact as in plan files.
pub fn totals_json(report: &Report) -> Value {
    let t = &report.totals;
    let by_level: Map<String, Value> = t
        .by_level
        .iter()
        .map(|(k, v)| (k.ident().to_string(), sums(v)))
        .collect();
    let by_category: Map<String, Value> = t
        .by_category
        .iter()
        .map(|(k, v)| (k.ident().to_string(), sums(v)))
        .collect();
    let by_use: Map<String, Value> = t
        .by_use
        .iter()
        .map(|(k, v)| (k.ident().to_string(), money(*v)))
        .collect();
    json!({
        "allocated": money(t.allocated),
        "integrated": money(t.integrated),
        "not_integrated": money(t.not_integrated()),
        "arranged": money(t.arranged),
        "unarranged": money(t.unarranged()),
        "cross_category": money(t.cross_category),
        "cross_share": t.cross_share.map(|d| d.round_dp(4).to_string()),
        "by_level": by_level,
        "by_category": by_category,
        "by_use": by_use,
    })
}
