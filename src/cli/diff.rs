//! `fundplan diff OLD NEW [--json]`.

use std::path::Path;

use fundplan_core::text::for_terminal as one_line;
use serde_json::{Value as Json, json};

use super::out::{self, Form};
use super::{Exit, Outcome, load_explicit_catalog, load_or_report};
use crate::Lang;
use crate::catalog::catalog_for;
use crate::diff::{Change, FieldChange, ItemDiff, PlanDiff, Value, field_label};
use crate::money::Money;
use crate::validate::{Finding, Totals};

fn value_json(v: &Value) -> Json {
    match v {
        Value::Text(s) => Json::String(s.clone()),
        Value::Money(m) => Json::String(m.to_file_string()),
        Value::Count(n) => json!(n),
        Value::Absent => Json::Null,
    }
}

fn fields_json(fields: &[FieldChange]) -> Json {
    Json::Array(
        fields
            .iter()
            .map(|f| {
                json!({
                    "field": f.field,
                    "old": value_json(&f.old),
                    "new": value_json(&f.new),
                    "delta": f.delta().map(|d| d.to_file_string()),
                })
            })
            .collect(),
    )
}

fn items_json(items: &[ItemDiff], key: &str) -> Json {
    Json::Array(
        items
            .iter()
            .map(|i| {
                let fields = match &i.change {
                    Change::Changed(f) => fields_json(f),
                    _ => Json::Array(Vec::new()),
                };
                json!({key: i.key, "name": i.name, "change": i.change.code(), "fields": fields})
            })
            .collect(),
    )
}

fn totals_json(t: &Totals) -> Json {
    json!({
        "allocated": t.allocated.to_file_string(),
        "integrated": t.integrated.to_file_string(),
        "arranged": t.arranged.to_file_string(),
        "cross_category": t.cross_category.to_file_string(),
    })
}

fn findings_json(fs: &[Finding], lang: Lang) -> Json {
    Json::Array(
        fs.iter()
            .map(|f| json!({"rule": f.rule.code(), "severity": f.severity().code(), "path": f.path, "message": f.message.get(lang)}))
            .collect(),
    )
}

/// The diff as one JSON object.
pub fn diff_json(old: &str, new: &str, d: &PlanDiff, lang: Lang) -> Json {
    json!({
        "old": old,
        "new": new,
        "revision": {"old": d.revisions.0, "new": d.revisions.1},
        "adjustment": d.adjustment.as_ref().map(|a| json!({"reason": a.reason, "approval": a.approval})),
        "header": fields_json(&d.header),
        "totals": {"before": totals_json(&d.before), "after": totals_json(&d.after)},
        "sources": items_json(&d.sources, "line"),
        "projects": items_json(&d.projects, "id"),
        "findings": {"appeared": findings_json(&d.appeared, lang), "disappeared": findings_json(&d.disappeared, lang)},
    })
}

fn signed(m: Money) -> String {
    if m.is_negative() {
        m.wan()
    } else {
        format!("+{}", m.wan())
    }
}

fn field_text(f: &FieldChange, lang: Lang) -> String {
    let unit = lang.pick(" 万元", " (10k yuan)");
    // Labels name lines of the catalog; values are the plan's own text.
    let label = field_label(&f.field, lang);
    let label = one_line(&label);
    let (old, new) = (f.old.display(), f.new.display());
    let (old, new) = (one_line(&old), one_line(&new));
    match f.delta() {
        Some(d) => format!("{label} {old} → {new}{unit}（{}）", signed(d)),
        None => format!("{label} {old} → {new}"),
    }
}

fn items_text(out: &mut String, title: &str, items: &[ItemDiff], lang: Lang) {
    if items.is_empty() {
        return;
    }
    out.push_str(title);
    out.push('\n');
    for i in items {
        let (key, name) = (one_line(&i.key), one_line(&i.name));
        match &i.change {
            Change::Added => out.push_str(&format!(
                "  + {key} {name}{}\n",
                lang.pick("（新增）", " (added)")
            )),
            Change::Removed => out.push_str(&format!(
                "  - {key} {name}{}\n",
                lang.pick("（删除）", " (removed)")
            )),
            Change::Changed(fields) => {
                out.push_str(&format!("  ~ {key} {name}\n"));
                for f in fields {
                    out.push_str(&format!("      {}\n", field_text(f, lang)));
                }
            }
        }
    }
}

/// The diff for people; the plans' own text (names, paths, reasons) is
/// escaped for a terminal, each value on its line.
pub fn diff_text(old: &str, new: &str, d: &PlanDiff, lang: Lang) -> String {
    let (old, new) = (one_line(old), one_line(new));
    let mut out = match lang {
        Lang::Zh => format!(
            "比较 {old}（第 {} 版）→ {new}（第 {} 版）\n",
            d.revisions.0, d.revisions.1
        ),
        Lang::En => format!(
            "comparing {old} (revision {}) → {new} (revision {})\n",
            d.revisions.0, d.revisions.1
        ),
    };
    if let Some(a) = &d.adjustment {
        let (reason, approval) = (one_line(&a.reason), one_line(&a.approval));
        out.push_str(&match lang {
            Lang::Zh => format!("调整原因：{reason}；批复文号：{approval}\n"),
            Lang::En => format!("adjustment: {reason}; approval: {approval}\n"),
        });
    }
    let (b, a) = (&d.before, &d.after);
    for (zh, en, x, y) in [
        ("下达", "allocated", b.allocated, a.allocated),
        ("纳入整合", "integrated", b.integrated, a.integrated),
        ("已安排", "arranged", b.arranged, a.arranged),
        (
            "跨类别使用",
            "cross-category",
            b.cross_category,
            a.cross_category,
        ),
    ] {
        out.push_str(&format!(
            "  {} {} → {}{}（{}）\n",
            lang.pick(zh, en),
            x.wan(),
            y.wan(),
            lang.pick(" 万元", " (10k yuan)"),
            signed(y - x)
        ));
    }
    if !d.header.is_empty() {
        out.push_str(lang.pick("基本信息：\n", "header:\n"));
        for f in &d.header {
            out.push_str(&format!("  {}\n", field_text(f, lang)));
        }
    }
    items_text(
        &mut out,
        lang.pick("资金来源：", "sources:"),
        &d.sources,
        lang,
    );
    items_text(
        &mut out,
        lang.pick("项目：", "projects:"),
        &d.projects,
        lang,
    );
    for (title, list) in [
        (
            lang.pick("新出现的校验结果：", "findings that appeared:"),
            &d.appeared,
        ),
        (
            lang.pick("已消除的校验结果：", "findings that disappeared:"),
            &d.disappeared,
        ),
    ] {
        if !list.is_empty() {
            out.push_str(title);
            out.push('\n');
            for f in list {
                out.push_str(&format!(
                    "  {} {} {}\n",
                    f.severity().label(lang),
                    f.rule.code(),
                    one_line(f.message.get(lang))
                ));
            }
        }
    }
    if d.is_empty() {
        out.push_str(lang.pick("内容没有变化。\n", "The content is the same.\n"));
    }
    out
}

/// Runs `diff`: prints the changes from `old` to `new`.
pub(super) fn run_diff(
    old: &Path,
    new: &Path,
    as_json: bool,
    catalog_path: Option<&Path>,
    lang: Lang,
) -> Outcome {
    let explicit = load_explicit_catalog(catalog_path, lang)?;
    // Both are loaded, so that both files' errors are reported.
    let (Ok(a), Ok(b)) = (load_or_report(old, lang), load_or_report(new, lang)) else {
        return Ok(Exit::Failed);
    };
    let d = crate::diff::diff(&a, &b, &catalog_for(&b, explicit.as_ref()));
    let (old, new) = (old.display().to_string(), new.display().to_string());
    if as_json {
        let json = format!("{}\n", diff_json(&old, &new, &d, lang));
        out::print(&json, Form::Data, lang)?;
    } else {
        out::print(&diff_text(&old, &new, &d, lang), Form::Text, lang)?;
    }
    Ok(Exit::Fine)
}
