//! Real banners, townships and common village names for synthetic plans.

/// A national poverty banner of Inner Mongolia, with real township names.
pub struct Banner {
    /// Administrative division code.
    pub code: &'static str,
    /// Name.
    pub name: &'static str,
    /// League.
    pub league: &'static str,
    /// Abbreviation used in the league finance bureau's document numbers.
    pub league_abbr: &'static str,
    /// Abbreviation used in the banner's own document numbers.
    pub abbr: &'static str,
    /// 苏木乡镇.
    pub townships: &'static [&'static str],
}

/// The banners `sample` draws from.
pub const BANNERS: &[Banner] = &[
    Banner {
        code: "150125",
        name: "武川县",
        league: "呼和浩特市",
        league_abbr: "呼财农",
        abbr: "武财农",
        townships: &[
            "可可以力更镇",
            "上秃亥镇",
            "哈乐镇",
            "西乌兰不浪镇",
            "耗赖山乡",
            "得胜沟乡",
            "大豆铺乡",
            "二份子乡",
        ],
    },
    Banner {
        code: "150929",
        name: "四子王旗",
        league: "乌兰察布市",
        league_abbr: "乌财农",
        abbr: "四财农",
        townships: &[
            "乌兰花镇",
            "吉生太镇",
            "库伦图镇",
            "供济堂镇",
            "白音朝克图镇",
            "红格尔苏木",
            "江岸苏木",
            "查干补力格苏木",
            "东八号乡",
            "忽鸡图乡",
        ],
    },
    Banner {
        code: "150923",
        name: "商都县",
        league: "乌兰察布市",
        league_abbr: "乌财农",
        abbr: "商财农",
        townships: &[
            "七台镇",
            "十八顷镇",
            "大黑沙土镇",
            "西井子镇",
            "屯垦队镇",
            "小海子镇",
            "卯都乡",
            "大库伦乡",
        ],
    },
    Banner {
        code: "150524",
        name: "库伦旗",
        league: "通辽市",
        league_abbr: "通财农",
        abbr: "库财农",
        townships: &[
            "库伦镇",
            "扣河子镇",
            "白音花镇",
            "额勒顺镇",
            "六家子镇",
            "先进苏木",
            "茫汗苏木",
            "水泉乡",
        ],
    },
    Banner {
        code: "150422",
        name: "巴林左旗",
        league: "赤峰市",
        league_abbr: "赤财农",
        abbr: "巴左财农",
        townships: &[
            "林东镇",
            "隆昌镇",
            "十三敖包镇",
            "碧流台镇",
            "富河镇",
            "白音勿拉镇",
            "哈拉哈达镇",
            "查干哈达苏木",
            "乌兰达坝苏木",
        ],
    },
];

/// Common village (嘎查村) names across the banners.
pub const VILLAGES: &[&str] = &[
    "新胜村",
    "前进村",
    "红旗村",
    "永丰村",
    "太平村",
    "东升村",
    "庆丰村",
    "复兴村",
    "团结村",
    "建设村",
    "五一村",
    "和平村",
    "光明村",
    "新民村",
    "兴隆村",
    "长胜村",
    "富裕村",
    "丰收村",
    "民主村",
    "幸福村",
    "巴音嘎查",
    "乌兰嘎查",
    "哈达图嘎查",
    "宝日浩特嘎查",
    "塔本陶勒盖嘎查",
    "阿拉坦嘎查",
    "查干淖尔嘎查",
    "额尔敦嘎查",
    "沙日塔拉嘎查",
    "呼和陶勒盖嘎查",
    "苏布日嘎查",
    "敖包图嘎查",
];

/// Implementing units by use, as the banner's departments are named.
pub fn unit_for(use_: crate::plan::Use) -> &'static str {
    use crate::plan::Use;
    match use_ {
        Use::Industry | Use::Environment => "农牧局",
        Use::Roads => "交通运输局",
        Use::Farmland | Use::DrinkingWater => "水利局",
        Use::Housing => "住房和城乡建设局",
        Use::Ecology => "林业和草原局",
        Use::Relocation => "发展和改革委员会",
        Use::Training | Use::Employment => "人力资源和社会保障局",
        Use::Finance | Use::Other => "扶贫开发办公室",
        Use::Management => "财政局",
    }
}
