//! S01–S09: the source lines.

use rustc_hash::FxHashMap;

use super::{Ctx, blank, en, repeated, zh};
use crate::Lang;
use crate::enums::{CountyKind, Level};
use crate::plan::path;
use crate::validate::Rule;

pub(super) fn check(ctx: &mut Ctx<'_>) {
    let plan = ctx.plan;
    let catalog = ctx.catalog;

    for line in &catalog.lines {
        if !ctx.sources.contains_key(line.code.as_str()) {
            ctx.push(
                Rule::S01,
                path::source(&line.code, None),
                format!("目录资金 {}“{}”没有来源行（未下达也须列出，金额填 0）", line.code, line.name),
                format!(
                    "catalog line {} “{}” has no source row (list it with 0 if nothing was allocated)",
                    line.code, line.name
                ),
            );
        }
    }

    let lines = || plan.sources.iter().map(|s| s.line.as_str());
    let mut count = FxHashMap::default();
    for line in lines() {
        *count.entry(line).or_default() += 1;
    }
    for (line, n) in repeated(lines(), &count) {
        ctx.push(
            Rule::S02,
            path::source(line, None),
            format!("资金代码 {line} 出现 {n} 次"),
            format!("line code {line} appears {n} times"),
        );
    }

    for s in &plan.sources {
        let code = s.line.as_str();
        let problem = if Level::of_code(code).is_none() {
            Some((
                "格式应为 C/R/L/X 加两位以上数字".to_string(),
                "it should be C, R, L or X followed by two or more digits".to_string(),
            ))
        } else if !code.starts_with(s.level.prefix()) {
            Some((
                format!(
                    "{}级资金的代码应以 {} 开头",
                    s.level.label(Lang::Zh),
                    s.level.prefix()
                ),
                format!(
                    "{} lines start with {}",
                    s.level.label(Lang::En),
                    s.level.prefix()
                ),
            ))
        } else if s.is_catalog_line() && catalog.line(code).is_none() {
            Some((
                format!("目录“{}”中没有此资金", catalog.id),
                format!("catalog “{}” has no such line", catalog.id),
            ))
        } else {
            None
        };
        if let Some((why_zh, why_en)) = problem {
            ctx.push(
                Rule::S03,
                path::source(code, Some("line")),
                format!("资金代码“{code}”无效：{why_zh}"),
                format!("line code “{code}” is invalid: {why_en}"),
            );
        }

        if let Some(cat) = catalog.line(code) {
            let field = if s.name != cat.name {
                Some((
                    "name",
                    format!("名称应为“{}”", cat.name),
                    format!("its name is “{}”", cat.name),
                ))
            } else if s.level != cat.level {
                Some((
                    "level",
                    format!("级次应为{}", cat.level.label(Lang::Zh)),
                    format!("its level is {}", cat.level.label(Lang::En)),
                ))
            } else if s.category != cat.category {
                Some((
                    "category",
                    format!("大类应为{}", cat.category.label(Lang::Zh)),
                    format!("its category is {}", cat.category.label(Lang::En)),
                ))
            } else {
                None
            };
            if let Some((f, why_zh, why_en)) = field {
                ctx.push(
                    Rule::S04,
                    path::source(code, Some(f)),
                    format!("{code} 与目录不符：{why_zh}"),
                    format!("{code} differs from the catalog: {why_en}"),
                );
            }
        }

        let negative = if s.allocated.is_negative() {
            Some(("allocated", "下达金额", "allocated amount", s.allocated))
        } else if s.integrated.is_negative() {
            Some((
                "integrated",
                "纳入整合金额",
                "integrated amount",
                s.integrated,
            ))
        } else {
            None
        };
        if let Some((f, what_zh, what_en, amount)) = negative {
            ctx.push(
                Rule::S05,
                path::source(code, Some(f)),
                format!("{code} 的{what_zh}为负数（{}）", zh(amount)),
                format!("{code}: the {what_en} is negative ({})", en(amount)),
            );
        } else if s.integrated > s.allocated {
            ctx.push(
                Rule::S06,
                path::source(code, Some("integrated")),
                format!(
                    "{code} 纳入整合 {} 超过下达 {}，多出 {}",
                    zh(s.integrated),
                    zh(s.allocated),
                    zh(s.integrated - s.allocated)
                ),
                format!(
                    "{code}: integrated {} exceeds allocated {} by {}",
                    en(s.integrated),
                    en(s.allocated),
                    en(s.integrated - s.allocated)
                ),
            );
        } else if s.integrated < s.allocated && blank(&s.reason) {
            ctx.push(
                Rule::S07,
                path::source(code, Some("reason")),
                format!(
                    "{code} 有 {} 未纳入整合，须说明原因",
                    zh(s.not_integrated())
                ),
                format!(
                    "{code}: {} is not integrated and needs a reason",
                    en(s.not_integrated())
                ),
            );
        }
    }

    let kind = plan.county.kind;
    for s in &plan.sources {
        if s.integrated.is_positive() && !catalog.may_integrate(kind, s.level) {
            let code = s.line.as_str();
            ctx.push(
                Rule::S09,
                path::source(code, Some("integrated")),
                format!(
                    "{code} 是{}资金，{}不能纳入整合（纳入 {}），请改为 0 并说明原因",
                    s.level.label(Lang::Zh),
                    kind.label(Lang::Zh),
                    zh(s.integrated)
                ),
                format!(
                    "{code} is a {} line, which a {} may not integrate ({} integrated); set it to 0 and give the reason",
                    s.level.label(Lang::En).to_lowercase(),
                    kind.label(Lang::En).to_lowercase(),
                    en(s.integrated)
                ),
            );
        }
    }

    if plan.county.kind == CountyKind::National {
        for &level in &catalog.required_own_levels {
            let has = plan
                .sources
                .iter()
                .any(|s| s.level == level && !s.is_catalog_line() && s.integrated.is_positive());
            if !has {
                ctx.push(
                    Rule::S08,
                    path::PLAN.to_string(),
                    format!("国贫旗县应纳入{}本级资金，方案中没有纳入整合金额大于零的{}资金", level.label(Lang::Zh), level.label(Lang::Zh)),
                    format!(
                        "a national poverty banner should integrate {} own funds; no {} line has an integrated amount above zero",
                        level.label(Lang::En).to_lowercase(),
                        level.label(Lang::En).to_lowercase()
                    ),
                );
            }
        }
    }
}
