//! B01–B05 (is every integrated yuan arranged, and no more; is there any) and X01.

use std::collections::HashMap;

use super::{Ctx, Totals, en, zh};
use crate::enums::Use;
use crate::money::{Money, percent};
use crate::plan::path;
use crate::validate::Rule;

pub(super) fn check(ctx: &mut Ctx<'_>, totals: &Totals) {
    // Repeated codes are S02's business; balance each code once, over all its rows.
    let mut order = Vec::with_capacity(ctx.plan.sources.len());
    let mut integrated_by_line: HashMap<&str, Money> = HashMap::with_capacity(order.capacity());
    for s in &ctx.plan.sources {
        let entry = integrated_by_line
            .entry(s.line.as_str())
            .or_insert_with(|| {
                order.push(s.line.as_str());
                Money::ZERO
            });
        *entry += s.integrated;
    }
    for line in order {
        let integrated = integrated_by_line.get(line).copied().unwrap_or_default();
        if integrated.is_negative() {
            continue; // S05 already says the amount is wrong
        }
        let arranged = ctx.arranged.get(line).copied().unwrap_or_default();
        if arranged > integrated {
            ctx.push(
                Rule::B01,
                path::source(line, None),
                format!(
                    "{line} 纳入整合 {}，已安排 {}，超额 {}",
                    zh(integrated),
                    zh(arranged),
                    zh(arranged - integrated)
                ),
                format!(
                    "{line}: {} integrated but {} arranged, {} too much",
                    en(integrated),
                    en(arranged),
                    en(arranged - integrated)
                ),
            );
        } else if arranged < integrated {
            ctx.push(
                Rule::B02,
                path::source(line, None),
                format!(
                    "{line} 纳入整合 {}，已安排 {}，尚有 {} 未安排到项目",
                    zh(integrated),
                    zh(arranged),
                    zh(integrated - arranged)
                ),
                format!(
                    "{line}: {} integrated, {} arranged, {} still to arrange to projects",
                    en(integrated),
                    en(arranged),
                    en(integrated - arranged)
                ),
            );
        }
    }

    let whole = totals.integrated;
    if whole.is_zero() {
        // An empty plan would pass every other rule and could be sealed.
        ctx.push(
            Rule::B05,
            path::PLAN.to_string(),
            "纳入整合资金合计为 0：没有可安排的资金，方案不能提交".to_string(),
            "the integrated total is 0: there is nothing to arrange and nothing to submit"
                .to_string(),
        );
    }
    let by_use = |u: Use| totals.by_use.get(&u).copied().unwrap_or_default();
    if let Some(min) = ctx.catalog.industry_share_min
        && ctx.catalog.industry_share_applies(ctx.plan.year)
    {
        // The minimum is about all integrated funds, or (as the 2022 rule on
        // 衔接资金) only about the funds of the catalog's given lines.
        let lines = &ctx.catalog.industry_share_lines;
        let (base, industry, of_zh, of_en) = if lines.is_empty() {
            let (of_zh, of_en) = ("纳入整合资金".to_string(), "integrated funds".to_string());
            (whole, by_use(Use::Industry), of_zh, of_en)
        } else {
            let mut base = Money::ZERO;
            let mut industry = Money::ZERO;
            for line in lines {
                base += integrated_by_line
                    .get(line.as_str())
                    .copied()
                    .unwrap_or_default();
                industry += ctx
                    .arranged_by_use
                    .get(&(line.as_str(), Use::Industry))
                    .copied()
                    .unwrap_or_default();
            }
            let codes = lines.join("、");
            let of_zh = format!("{codes} 纳入整合资金");
            let of_en = format!("integrated funds of {}", lines.join(", "));
            (base, industry, of_zh, of_en)
        };
        // Compare exactly: industry / base < min  ⇔  industry < min × base.
        if base.is_positive() && industry.yuan() < min.get() * base.yuan() {
            let share = industry.share_of(base).map(percent).unwrap_or_default();
            let min_pct = percent(min.get());
            ctx.push(
                Rule::B03,
                path::PLAN.to_string(),
                format!(
                    "产业发展安排 {}，占{of_zh} {share}，低于 {min_pct} 的下限",
                    zh(industry)
                ),
                format!(
                    "industry gets {}, {share} of {of_en}, below the minimum of {min_pct}",
                    en(industry)
                ),
            );
        }
    }
    if let Some(max) = ctx.catalog.management_share_max
        && whole.is_positive()
    {
        let management = by_use(Use::Management);
        if management.yuan() > max.get() * whole.yuan() {
            let share = management.share_of(whole).map(percent).unwrap_or_default();
            let max_pct = percent(max.get());
            ctx.push(
                Rule::B04,
                path::PLAN.to_string(),
                format!("项目管理费 {}，占纳入整合资金 {share}，超过 {max_pct} 的上限", zh(management)),
                format!(
                    "management fees are {}, {share} of integrated funds, above the maximum of {max_pct}",
                    en(management)
                ),
            );
        }
    }

    if totals.cross_category.is_positive() {
        let share = totals.cross_share.map(percent).unwrap_or_default();
        ctx.push(
            Rule::X01,
            path::PLAN.to_string(),
            format!(
                "跨类别使用资金 {}，占纳入整合资金 {share}",
                zh(totals.cross_category)
            ),
            format!(
                "{} is used across categories, {share} of integrated funds",
                en(totals.cross_category)
            ),
        );
    }
}
