//! H01–H05 (header and county) and D01 (the submission seal).

use super::{Ctx, blank};
use crate::digest::SealState;
use crate::plan::path;
use crate::validate::Rule;

/// League of each Inner Mongolia prefecture code (first four digits).
pub const LEAGUES: &[(&str, &str)] = &[
    ("1501", "呼和浩特市"),
    ("1502", "包头市"),
    ("1503", "乌海市"),
    ("1504", "赤峰市"),
    ("1505", "通辽市"),
    ("1506", "鄂尔多斯市"),
    ("1507", "呼伦贝尔市"),
    ("1508", "巴彦淖尔市"),
    ("1509", "乌兰察布市"),
    ("1522", "兴安盟"),
    ("1525", "锡林郭勒盟"),
    ("1529", "阿拉善盟"),
];

/// The league a county code belongs to, if its first four digits are known.
pub fn league_of(code: &str) -> Option<&'static str> {
    let prefix = code.get(..4)?;
    LEAGUES.iter().find(|(p, _)| *p == prefix).map(|(_, l)| *l)
}

pub(super) fn check(ctx: &mut Ctx<'_>) {
    let plan = ctx.plan;
    let code = &plan.county.code;
    if !(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) && code.starts_with("15")) {
        ctx.push(
            Rule::H01,
            path::county("code"),
            format!("旗县代码“{code}”不是以 15 开头的 6 位数字"),
            format!("county code “{code}” is not 6 digits starting with 15"),
        );
    }
    let catalog = ctx.catalog;
    if plan.catalog != catalog.id {
        ctx.push(
            Rule::H02,
            path::header("catalog"),
            format!(
                "方案按目录“{}”编制，但校验使用目录“{}”",
                plan.catalog, catalog.id
            ),
            format!(
                "the plan was drafted against catalog “{}” but is checked against “{}”",
                plan.catalog, catalog.id
            ),
        );
    }
    if !catalog.covers(plan.year) {
        let (a, b) = catalog.years;
        ctx.push(
            Rule::H03,
            path::header("year"),
            format!(
                "年度 {} 不在目录“{}”适用的 {a}—{b} 年内",
                plan.year, catalog.id
            ),
            format!(
                "year {} is outside {a}–{b}, the years of catalog “{}”",
                plan.year, catalog.id
            ),
        );
    }
    if plan.revision == 0 {
        ctx.push(
            Rule::H06,
            path::header("revision"),
            "版本为 0，版本从 1 起（调整方案为 2、3 …）".to_string(),
            "revision 0: revisions count from 1 (adjustments are 2, 3 …)".to_string(),
        );
    }
    if plan.revision > 1 && plan.adjustment.as_ref().is_none_or(|a| blank(&a.reason)) {
        ctx.push(
            Rule::H04,
            path::header("adjustment"),
            format!("第 {} 版为调整方案，须填写调整原因", plan.revision),
            format!(
                "revision {} is an adjustment and needs a reason",
                plan.revision
            ),
        );
    }
    if let Some(expected) = league_of(code)
        && plan.county.league.trim() != expected
    {
        ctx.push(
            Rule::H05,
            path::county("league"),
            format!(
                "旗县代码 {code} 属于{expected}，方案填写为“{}”",
                plan.county.league
            ),
            format!(
                "county code {code} belongs to {expected}, but the plan says “{}”",
                plan.county.league
            ),
        );
    }
}

pub(super) fn check_seal(ctx: &mut Ctx<'_>) {
    if ctx.seal == SealState::Broken {
        let at = ctx.plan.submission.as_ref().map_or("", |s| s.at.as_str());
        ctx.push(
            Rule::D01,
            path::header("submission"),
            format!("方案于 {at} 提交后内容被修改，提交印记已失效，须重新提交"),
            format!("the plan was changed after it was submitted at {at}; the seal no longer matches and it must be resubmitted"),
        );
    }
}
