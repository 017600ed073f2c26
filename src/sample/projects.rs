//! Synthetic projects: named, located and funded the way county plans are.

use super::names::{Banner, VILLAGES, unit_for};
use super::{Rng, SampleOptions};
use crate::catalog::Catalog;
use crate::enums::{Category, Use};
use crate::money::Money;
use crate::plan::{Funding, Project, Source};

/// Uses for general-purpose money, weighted as plans spend it (industry first).
const GENERAL_USES: &[(Use, u64)] = &[
    (Use::Industry, 40),
    (Use::Roads, 12),
    (Use::Farmland, 9),
    (Use::DrinkingWater, 6),
    (Use::Housing, 5),
    (Use::Environment, 8),
    (Use::Ecology, 4),
    (Use::Relocation, 4),
    (Use::Training, 4),
    (Use::Employment, 4),
    (Use::Finance, 3),
    (Use::Management, 1),
];

/// Name, content template and size range (万元) per use. `{n}` is a quantity.
fn template(use_: Use, rng: &mut Rng) -> (&'static str, &'static str, u64, u64) {
    let options: &[(&str, &str, u64, u64)] = match use_ {
        Use::Industry => &[
            (
                "肉牛养殖基地建设",
                "新建标准化棚圈 {n} 座，配套青贮窖和饲草料库",
                80,
                500,
            ),
            (
                "肉羊标准化养殖小区建设",
                "新建暖棚 {n} 座，购置饲草料加工设备",
                60,
                300,
            ),
            (
                "马铃薯种薯繁育基地建设",
                "建设种薯繁育网棚 {n} 亩及配套储藏窖",
                50,
                400,
            ),
            (
                "杂粮杂豆加工扶贫车间",
                "新建加工车间 {n} 平方米，购置清选包装设备",
                40,
                260,
            ),
            (
                "光伏扶贫电站运维",
                "维护村级光伏电站 {n} 座，收益用于公益岗位和小型公益事业",
                20,
                120,
            ),
            (
                "奶牛养殖合作社带贫项目",
                "扶持合作社购置基础母牛 {n} 头，带动脱贫户入股分红",
                60,
                350,
            ),
        ],
        Use::Roads => &[
            (
                "通村砂石路硬化工程",
                "硬化通村道路 {n} 公里，宽 4.5 米",
                60,
                420,
            ),
            (
                "村内巷道硬化工程",
                "硬化巷道 {n} 公里并修建排水边沟",
                30,
                200,
            ),
        ],
        Use::Farmland => &[
            (
                "高标准农田建设",
                "建设高标准农田 {n} 亩，配套机电井和喷灌设施",
                80,
                600,
            ),
            ("节水灌溉改造工程", "实施浅埋滴灌 {n} 亩", 40, 300),
        ],
        Use::DrinkingWater => &[(
            "农村牧区饮水安全巩固提升工程",
            "新打水源井 {n} 眼，铺设管网并更新净水设备",
            30,
            250,
        )],
        Use::Housing => &[("农村牧区危房改造", "改造建档立卡户危房 {n} 户", 30, 200)],
        Use::Environment => &[
            (
                "农村牧区户厕改造",
                "改造卫生户厕 {n} 户，配套抽粪车",
                30,
                180,
            ),
            (
                "村庄环境综合整治",
                "清理垃圾，修建垃圾收集点 {n} 处",
                20,
                120,
            ),
        ],
        Use::Ecology => &[(
            "退化草原生态修复",
            "补播改良退化草原 {n} 亩，围栏封育",
            40,
            260,
        )],
        Use::Relocation => &[(
            "易地扶贫搬迁后续产业扶持",
            "为安置区配套温室大棚 {n} 栋",
            40,
            240,
        )],
        Use::Training => &[(
            "致富带头人及实用技术培训",
            "开展种养殖实用技术培训 {n} 人次",
            10,
            60,
        )],
        Use::Employment => &[(
            "生态护林员和村级公益岗位补助",
            "设置公益岗位 {n} 个，按月发放岗位补助",
            20,
            150,
        )],
        Use::Finance => &[(
            "扶贫小额信贷贴息",
            "为 {n} 户脱贫户的扶贫小额信贷贴息",
            20,
            160,
        )],
        Use::Management => &[(
            "扶贫项目前期工作和管理费",
            "项目设计、评审、招标和验收 {n} 项",
            5,
            30,
        )],
        Use::Other => &[("村集体经济发展项目", "扶持村集体经济项目 {n} 个", 30, 200)],
    };
    *rng.pick(options)
}

fn weighted_use(rng: &mut Rng) -> Use {
    let total: u64 = GENERAL_USES.iter().map(|(_, w)| w).sum();
    let mut x = rng.next() % total;
    for (u, w) in GENERAL_USES {
        if x < *w {
            return *u;
        }
        x -= w;
    }
    Use::Industry
}

/// A use suited to money of `category`: one of its home uses, or any use for
/// general-purpose money.
fn use_for(catalog: &Catalog, category: Category, rng: &mut Rng) -> Use {
    match catalog.home_uses.get(&category) {
        Some(uses) if !uses.is_empty() => *rng.pick(uses),
        _ => weighted_use(rng),
    }
}

pub(super) fn generate(
    catalog: &Catalog,
    sources: &[Source],
    banner: &Banner,
    opts: SampleOptions,
    rng: &mut Rng,
) -> Vec<Project> {
    // Every line gets used at least once when there are enough projects; own
    // league and county lines first so even tiny plans integrate them (S08).
    let mut keyed: Vec<(bool, u64, usize)> = (0..sources.len())
        .map(|i| (sources[i].is_catalog_line(), rng.next(), i))
        .collect();
    keyed.sort_unstable();
    let coverage: Vec<usize> = keyed.into_iter().map(|(_, _, i)| i).collect();
    let general: Vec<usize> = (0..sources.len())
        .filter(|&i| !catalog.home_uses.contains_key(&sources[i].category))
        .collect();
    let width = opts.projects.to_string().len().max(3);
    let mut next_cover = 0;
    let mut projects = Vec::with_capacity(opts.projects);

    for n in 0..opts.projects {
        let entries = if opts.projects * 3 < sources.len() * 2 {
            3
        } else {
            1 + rng.below(3)
        };
        let mut lines: Vec<usize> = Vec::with_capacity(entries);
        for k in 0..entries {
            let candidate = if next_cover < coverage.len() {
                next_cover += 1;
                coverage[next_cover - 1]
            } else if k == 0 || rng.below(4) == 0 {
                rng.below(sources.len())
            } else {
                *rng.pick(&general)
            };
            if !lines.contains(&candidate) {
                lines.push(candidate);
            }
        }
        let use_ = use_for(catalog, sources[lines[0]].category, rng);
        let (name, content, lo, hi) = template(use_, rng);
        let total_wan = rng.range(lo, hi);
        let mut remaining = total_wan * 100; // in units of 100 yuan
        let mut funding = Vec::with_capacity(lines.len());
        for (k, &i) in lines.iter().enumerate() {
            let share = if k + 1 == lines.len() {
                remaining
            } else {
                (remaining * rng.range(40, 80) / 100).max(1)
            };
            if share == 0 {
                break;
            }
            remaining -= share;
            funding.push((
                i,
                Funding {
                    line: sources[i].line.clone(),
                    amount: Money::from_yuan(share as i64 * 100),
                },
            ));
        }
        // Entries in source order, as 表2's columns list them (so an exported
        // and re-imported plan is the same).
        funding.sort_by_key(|(i, _)| *i);
        let funding: Vec<Funding> = funding.into_iter().map(|(_, f)| f).collect();
        let township = *rng.pick(banner.townships);
        let village = *rng.pick(VILLAGES);
        let households = rng.range(8, 260) as u32;
        let people = households * rng.range(22, 31) as u32 / 10;
        let qty = rng.range(2, 60);
        let start = rng.range(3, 6);
        let other = if rng.below(5) == 0 {
            rng.range(2, 40) as i64 * 10_000
        } else {
            0
        };
        projects.push(Project {
            id: format!("P{:0width$}", n + 1),
            name: format!("{township}{village}{name}"),
            use_,
            township: township.to_string(),
            village: village.to_string(),
            unit: format!("{}{}", banner.name, unit_for(use_)),
            content: content.replace("{n}", &qty.to_string()),
            period: format!("{y}-{start:02}/{y}-{:02}", start + rng.range(3, 6), y = opts.year),
            households,
            people,
            targets: format!(
                "产出：按期完工率100%，验收合格率100%；效益：带动{households}户脱贫户年均增收{}元以上；满意度：受益群众满意度不低于90%",
                rng.range(5, 30) * 100
            ),
            funding,
            other_funds: Money::from_yuan(other),
        });
    }
    projects
}
