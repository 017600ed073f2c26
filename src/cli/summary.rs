//! `fundplan summary [--json | --csv] PATH...`.

use std::path::{Path, PathBuf};

use serde_json::{Value as Json, json};

use super::out::{self, Form};
use super::table::{csv, text_table};
use super::{Exit, Outcome, load_explicit_catalog};
use crate::Lang;
use crate::digest;
use crate::money::percent;
use crate::scan::scan_paths_skipping;
use crate::summary::{Row, Summary};

const HEADER_ZH: [&str; 16] = [
    "旗县",
    "代码",
    "年度",
    "版本",
    "状态",
    "下达",
    "纳入整合",
    "未纳入",
    "已安排",
    "跨类别使用",
    "跨类别占比",
    "产业占比",
    "错误",
    "警告",
    "说明",
    "文件",
];
/// The English table a person reads; the CSV keeps [`HEADER_EN`], its
/// column names being data.
const HEADER_EN_TEXT: [&str; 16] = [
    "County",
    "Code",
    "Year",
    "Revision",
    "Status",
    "Allocated",
    "Integrated",
    "Not integrated",
    "Arranged",
    "Cross-category",
    "Cross share",
    "Industry share",
    "Errors",
    "Warnings",
    "Note",
    "File",
];
const HEADER_EN: [&str; 16] = [
    "county",
    "code",
    "year",
    "revision",
    "status",
    "allocated",
    "integrated",
    "not_integrated",
    "arranged",
    "cross_category",
    "cross_share",
    "industry_share",
    "errors",
    "warnings",
    "note",
    "file",
];

fn share(d: Option<rust_decimal::Decimal>) -> String {
    d.map(|d| d.round_dp(4).to_string()).unwrap_or_default()
}

/// 说明: superseded, what the register refuses (not counted), and a decision
/// the register does not hold.
fn note(r: &Row, lang: Lang) -> String {
    let mut parts = Vec::new();
    if r.superseded {
        parts.push(lang.pick("已被取代（更高版本或更晚的提交）", "superseded"));
    }
    if r.register.refused() {
        parts.push(r.register.label(lang));
        parts.push(lang.pick("不计入合计", "not counted"));
    }
    if r.review == crate::register::ReviewMark::Unregistered {
        parts.push(r.review.label(lang));
    }
    parts.join(lang.pick("；", "; "))
}

fn cells(r: &Row, lang: Lang, csv_form: bool) -> Vec<String> {
    let amount = |m: crate::Money| {
        if csv_form {
            m.to_file_string()
        } else {
            m.wan()
        }
    };
    let pct = |d: Option<rust_decimal::Decimal>| {
        if csv_form {
            share(d)
        } else {
            d.map(percent).unwrap_or_default()
        }
    };
    vec![
        r.county.clone(),
        r.code.clone(),
        r.year.to_string(),
        r.revision.to_string(),
        if csv_form {
            r.status.code().to_string()
        } else {
            r.status.label(lang).to_string()
        },
        amount(r.allocated),
        amount(r.integrated),
        amount(r.not_integrated()),
        amount(r.arranged),
        amount(r.cross_category),
        pct(r.cross_share()),
        pct(r.industry_share()),
        r.errors.to_string(),
        r.warnings.to_string(),
        note(r, lang),
        r.path.display().to_string(),
    ]
}

fn rows(s: &Summary, lang: Lang, csv_form: bool) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = s.rows.iter().map(|r| cells(r, lang, csv_form)).collect();
    for e in &s.failures {
        let mut row: [String; 16] = Default::default();
        row[4] = if csv_form {
            "load_error".into()
        } else {
            lang.pick("无法读取", "load error").into()
        };
        row[14] = e.message(lang);
        row[15] = e.path.display().to_string();
        out.push(row.into());
    }
    let t = &s.totals;
    let amount = |m: crate::Money| {
        if csv_form {
            m.to_file_string()
        } else {
            m.wan()
        }
    };
    let pct = |m: crate::Money| {
        let d = m.share_of(t.integrated);
        if csv_form {
            share(d)
        } else {
            d.map(percent).unwrap_or_default()
        }
    };
    out.push(vec![
        // The CSV's marker of the totals row stays what scripts look for.
        if csv_form {
            "TOTAL"
        } else {
            lang.pick("合计", "Total")
        }
        .to_string(),
        String::new(),
        String::new(),
        String::new(),
        lang.count(t.plans, "个方案", "plan", "plans"),
        amount(t.allocated),
        amount(t.integrated),
        amount(t.not_integrated()),
        amount(t.arranged),
        amount(t.cross_category),
        pct(t.cross_category),
        pct(t.industry),
        t.errors.to_string(),
        t.warnings.to_string(),
        String::new(),
        String::new(),
    ]);
    out
}

/// The roll-up as an aligned table in 万元.
pub fn summary_text(s: &Summary, lang: Lang) -> String {
    let header = match lang {
        Lang::Zh => HEADER_ZH,
        Lang::En => HEADER_EN_TEXT,
    };
    let right = [
        false, false, false, true, false, true, true, true, true, true, true, true, true, true,
        false, false,
    ];
    let mut out = text_table(&header, &rows(s, lang, false), &right);
    out.push_str(lang.pick(
        "（金额单位：万元；被取代的版本、与登记不符或冲突的文件不计入合计）\n",
        "(amounts in 10k yuan; superseded revisions and files that differ from or conflict with the register are not in the total)\n",
    ));
    out
}

/// The roll-up as CSV: amounts in yuan as plain numbers, shares as fractions.
pub fn summary_csv(s: &Summary) -> String {
    csv(&HEADER_EN, &rows(s, Lang::En, true))
}

/// The roll-up as JSON.
pub fn summary_json(s: &Summary, lang: Lang) -> Json {
    let t = &s.totals;
    json!({
        "plans": s.rows.iter().map(|r| json!({
            "file": r.path.display().to_string(),
            "county": r.county, "code": r.code, "year": r.year, "revision": r.revision,
            "status": r.status.code(), "superseded": r.superseded, "register": r.register.code(),
            "review": r.review.code(), "counted": r.counts(),
            "allocated": r.allocated.to_file_string(), "integrated": r.integrated.to_file_string(),
            "not_integrated": r.not_integrated().to_file_string(), "arranged": r.arranged.to_file_string(),
            "cross_category": r.cross_category.to_file_string(), "cross_share": share(r.cross_share()),
            "industry_share": share(r.industry_share()), "errors": r.errors, "warnings": r.warnings,
        })).collect::<Vec<_>>(),
        "load_errors": s.failures.iter().map(|e| json!({"file": e.path.display().to_string(), "load_error": e.message(lang)})).collect::<Vec<_>>(),
        "totals": {
            "plans": t.plans, "allocated": t.allocated.to_file_string(), "integrated": t.integrated.to_file_string(),
            "not_integrated": t.not_integrated().to_file_string(), "arranged": t.arranged.to_file_string(),
            "cross_category": t.cross_category.to_file_string(), "cross_share": share(t.cross_category.share_of(t.integrated)),
            "industry_share": share(t.industry.share_of(t.integrated)), "errors": t.errors, "warnings": t.warnings,
        },
    })
}

/// Runs `summary`: the roll-up of the plans under `paths`, checked against the register.
pub(super) fn run_summary(
    paths: &[PathBuf],
    as_json: bool,
    as_csv: bool,
    catalog_path: Option<&Path>,
    register: Option<&Path>,
    lang: Lang,
) -> Outcome {
    let explicit = load_explicit_catalog(catalog_path, lang)?;
    // Neither the folder's own register nor the one in use is a plan.
    let skip: Vec<PathBuf> = crate::register::path_for(paths)
        .into_iter()
        .chain(register.map(Path::to_path_buf))
        .collect();
    let scan = scan_paths_skipping(paths, &skip);
    let mut s = crate::summary::summarize(&scan.files, explicit.as_ref());
    s.failures.extend(scan.problems);
    // The register: a broken one is reported and left alone (exit status 2),
    // the roll-up is still printed, every row unchecked.
    let mut register_failed = false;
    if let Some(path) = register
        && let Err(e) = crate::summary::check_register(&mut s, path, &digest::now_rfc3339())
    {
        out::say(&e.message(lang));
        register_failed = true;
    }
    let (text, form) = if as_json {
        (format!("{}\n", summary_json(&s, lang)), Form::Data)
    } else if as_csv {
        (summary_csv(&s), Form::Data)
    } else {
        (summary_text(&s, lang), Form::Text)
    };
    out::print(&text, form, lang)?;
    Ok(if s.failures.is_empty() && !register_failed {
        Exit::Fine
    } else {
        Exit::Failed
    })
}
