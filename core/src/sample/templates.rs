//! What county plans call their projects, per use, and what a unit of work costs.

use crate::enums::Use;

/// A kind of project: its name, its content with `{n}` for the quantity, and
/// the yuan one unit of that quantity costs (so the content matches the money).
pub(super) struct Template {
    /// Name, after the place (or the county and year for county-wide ones).
    pub name: &'static str,
    /// 建设内容; `{n}` is the quantity.
    pub content: &'static str,
    /// Yuan per unit of `{n}`.
    pub unit_cost: u64,
}

const fn t(name: &'static str, content: &'static str, unit_cost: u64) -> Template {
    Template {
        name,
        content,
        unit_cost,
    }
}

const INDUSTRY: &[Template] = &[
    t(
        "肉牛养殖基地建设",
        "新建标准化棚圈 {n} 座，配套青贮窖和饲草料库",
        350_000,
    ),
    t(
        "肉羊标准化养殖小区建设",
        "新建暖棚 {n} 座，购置饲草料加工设备",
        150_000,
    ),
    t(
        "马铃薯种薯繁育基地建设",
        "建设种薯繁育网棚 {n} 亩及配套储藏窖",
        30_000,
    ),
    t(
        "杂粮杂豆加工扶贫车间",
        "新建加工车间 {n} 平方米，购置清选包装设备",
        3_000,
    ),
    t(
        "村级光伏扶贫电站建设",
        "建设村级光伏电站 {n} 千瓦，收益用于公益岗位和小型公益事业",
        7_000,
    ),
    t(
        "奶牛养殖合作社带贫项目",
        "扶持合作社购置基础母牛 {n} 头，带动脱贫户入股分红",
        20_000,
    ),
    t(
        "优质燕麦种植基地建设",
        "建设优质燕麦种植基地 {n} 亩，配套播种收获农机具",
        1_500,
    ),
    t(
        "日光温室蔬菜产业园建设",
        "新建日光温室 {n} 栋，带动脱贫户务工和租棚经营",
        120_000,
    ),
    t(
        "农畜产品冷链仓储设施建设",
        "新建冷库 {n} 立方米及分拣包装车间",
        1_200,
    ),
];

const ROADS: &[Template] = &[
    t(
        "通村公路硬化工程",
        "硬化通村道路 {n} 公里，宽 4.5 米",
        700_000,
    ),
    t(
        "村内巷道硬化工程",
        "硬化巷道 {n} 公里并修建排水边沟",
        400_000,
    ),
    t("田间产业路建设工程", "新建田间产业路 {n} 公里", 500_000),
];

const FARMLAND: &[Template] = &[
    t(
        "高标准农田建设",
        "建设高标准农田 {n} 亩，配套机电井和喷灌设施",
        1_500,
    ),
    t("节水灌溉改造工程", "实施浅埋滴灌 {n} 亩", 800),
    t(
        "小型农田水利设施建设",
        "新打配套机电井 {n} 眼，铺设地埋输水管道",
        150_000,
    ),
];

const DRINKING_WATER: &[Template] = &[
    t(
        "农村牧区饮水安全巩固提升工程",
        "新打水源井 {n} 眼，铺设管网并更新净水设备",
        250_000,
    ),
    t(
        "集中供水工程管网延伸",
        "延伸供水管网 {n} 公里并入户改造",
        150_000,
    ),
];

const HOUSING: &[Template] = &[t(
    "农村牧区危房改造",
    "改造建档立卡户等重点对象危房 {n} 户",
    35_000,
)];

const ENVIRONMENT: &[Template] = &[
    t("农村牧区户厕改造", "改造卫生户厕 {n} 户，配套抽粪车", 4_500),
    t(
        "村庄环境综合整治",
        "清理垃圾，修建垃圾收集点 {n} 处",
        30_000,
    ),
    t(
        "村级污水收集处理设施建设",
        "铺设污水管网 {n} 公里并建设处理站",
        300_000,
    ),
];

const ECOLOGY: &[Template] = &[
    t("退化草原生态修复", "补播改良退化草原 {n} 亩，围栏封育", 300),
    t("京津风沙源治理造林", "营造防护林 {n} 亩", 800),
];

const RELOCATION: &[Template] = &[
    t(
        "易地扶贫搬迁后续产业扶持",
        "为安置区配套温室大棚 {n} 栋",
        120_000,
    ),
    t(
        "易地扶贫搬迁安置区配套设施完善",
        "完善安置区道路、供水和照明等配套设施 {n} 处",
        200_000,
    ),
];

const TRAINING: &[Template] = &[
    t(
        "致富带头人及实用技术培训",
        "开展种养殖实用技术培训 {n} 人次",
        800,
    ),
    t(
        "雨露计划职业教育补助",
        "补助脱贫家庭子女接受中高职教育 {n} 人",
        3_000,
    ),
];

const EMPLOYMENT: &[Template] = &[
    t(
        "生态护林员和村级公益岗位补助",
        "设置公益岗位 {n} 个，按月发放岗位补助",
        6_000,
    ),
    t(
        "扶贫车间吸纳就业奖补",
        "对吸纳脱贫劳动力就业的扶贫车间给予奖补，带动就业 {n} 人",
        5_000,
    ),
];

const FINANCE: &[Template] = &[
    t(
        "扶贫小额信贷贴息",
        "为 {n} 户脱贫户的扶贫小额信贷贴息",
        2_000,
    ),
    t(
        "扶贫小额信贷风险补偿金",
        "注入风险补偿金，撬动合作银行放贷，覆盖 {n} 户",
        5_000,
    ),
];

const MANAGEMENT: &[Template] = &[t(
    "扶贫项目前期工作和管理费",
    "项目设计、评审、招标、监理和验收 {n} 项",
    20_000,
)];

const OTHER: &[Template] = &[t(
    "村集体经济发展项目",
    "扶持村集体经济项目 {n} 个，收益用于带贫分红",
    300_000,
)];

/// The kinds of project a use has.
pub(super) fn templates(use_: Use) -> &'static [Template] {
    match use_ {
        Use::Industry => INDUSTRY,
        Use::Roads => ROADS,
        Use::Farmland => FARMLAND,
        Use::DrinkingWater => DRINKING_WATER,
        Use::Housing => HOUSING,
        Use::Environment => ENVIRONMENT,
        Use::Ecology => ECOLOGY,
        Use::Relocation => RELOCATION,
        Use::Training => TRAINING,
        Use::Employment => EMPLOYMENT,
        Use::Finance => FINANCE,
        Use::Management => MANAGEMENT,
        Use::Other => OTHER,
    }
}

/// Projects of these uses are run county-wide (全县), not in one village.
pub(super) fn county_wide(use_: Use) -> bool {
    matches!(
        use_,
        Use::Training | Use::Employment | Use::Finance | Use::Management
    )
}

/// 万元 a typical project of `use_` is worth (how many projects a use's money
/// makes).
pub(super) fn typical_wan(use_: Use) -> u64 {
    match use_ {
        Use::Industry => 420,
        Use::Roads => 330,
        Use::Farmland => 380,
        Use::Ecology | Use::Relocation => 200,
        Use::Training => 60,
        Use::Finance => 150,
        Use::Management => 100,
        _ => 150,
    }
}
