//! P01–P08: the projects and their funding entries.

use std::collections::{HashMap, HashSet};

use super::{Ctx, blank, en, zh};
use crate::plan::path;
use crate::validate::Rule;

pub(super) fn check(ctx: &mut Ctx<'_>) {
    let plan = ctx.plan;

    let mut count: HashMap<&str, usize> = HashMap::with_capacity(plan.projects.len());
    for p in &plan.projects {
        *count.entry(p.id.as_str()).or_default() += 1;
    }
    let mut reported = HashSet::new();
    for p in &plan.projects {
        let n = count.get(p.id.as_str()).copied().unwrap_or(0);
        if n > 1 && reported.insert(p.id.as_str()) {
            ctx.push(
                Rule::P01,
                path::project(&p.id, None),
                format!("项目编号“{}”出现 {n} 次", p.id),
                format!("project id “{}” appears {n} times", p.id),
            );
        }
    }

    let keywords = &ctx.catalog.forbidden_keywords;
    for p in &plan.projects {
        let id = p.id.as_str();
        let mut lines_seen: HashSet<&str> = HashSet::with_capacity(p.funding.len());
        let mut lines_reported: HashSet<&str> = HashSet::new();
        for f in &p.funding {
            let line = f.line.as_str();
            if !ctx.sources.contains_key(line) {
                ctx.push(
                    Rule::P02,
                    path::funding(id, line),
                    format!("项目 {id} 使用的资金 {line} 不在资金来源中"),
                    format!("project {id} is funded from {line}, which has no source row"),
                );
            }
            if !f.amount.is_positive() {
                ctx.push(
                    Rule::P03,
                    path::funding(id, line),
                    format!(
                        "项目 {id} 从 {line} 安排的金额为 {}，须大于零",
                        zh(f.amount)
                    ),
                    format!(
                        "project {id} takes {} from {line}; it must be above zero",
                        en(f.amount)
                    ),
                );
            }
            if !lines_seen.insert(line) && lines_reported.insert(line) {
                ctx.push(
                    Rule::P08,
                    path::funding(id, line),
                    format!("项目 {id} 多次列出资金 {line}，请合并为一条"),
                    format!("project {id} lists {line} more than once; merge the entries"),
                );
            }
        }
        if p.funding.is_empty() {
            ctx.push(
                Rule::P04,
                path::project(id, Some("funding")),
                format!("项目 {id}“{}”没有安排资金", p.name),
                format!("project {id} “{}” has no funding", p.name),
            );
        }

        let missing = [
            ("name", blank(&p.name), "项目名称", "name"),
            ("township", blank(&p.township), "苏木乡镇", "township"),
            ("unit", blank(&p.unit), "实施单位", "implementing unit"),
        ];
        let blanks: Vec<_> = missing.iter().filter(|m| m.1).collect();
        if let Some(first) = blanks.first() {
            let zh_list: Vec<&str> = blanks.iter().map(|m| m.2).collect();
            let en_list: Vec<&str> = blanks.iter().map(|m| m.3).collect();
            ctx.push(
                Rule::P05,
                path::project(id, Some(first.0)),
                format!("项目 {id} 未填写：{}", zh_list.join("、")),
                format!("project {id} has no {}", en_list.join(", ")),
            );
        }

        if blank(&p.targets) || p.households == 0 {
            let (field, zh_why, en_why) = if blank(&p.targets) {
                ("targets", "未填写绩效目标", "has no performance targets")
            } else {
                ("households", "受益脱贫户为 0", "benefits no households")
            };
            ctx.push(
                Rule::P06,
                path::project(id, Some(field)),
                format!("项目 {id}“{}”{zh_why}", p.name),
                format!("project {id} “{}” {en_why}", p.name),
            );
        }

        let hits: Vec<&str> = keywords
            .iter()
            .filter(|k| {
                !k.is_empty() && (p.name.contains(k.as_str()) || p.content.contains(k.as_str()))
            })
            .map(String::as_str)
            .collect();
        if !hits.is_empty() {
            let field = if hits.iter().any(|k| p.name.contains(k)) {
                "name"
            } else {
                "content"
            };
            ctx.push(
                Rule::P07,
                path::project(id, Some(field)),
                format!(
                    "项目 {id}“{}”涉及负面清单：{}，请核实",
                    p.name,
                    hits.join("、")
                ),
                format!(
                    "project {id} “{}” mentions negative-list items: {}; please check",
                    p.name,
                    hits.join(", ")
                ),
            );
        }
    }
}
