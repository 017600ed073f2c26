//! The closed vocabularies of the file formats, with their Chinese and English names.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::Lang;

macro_rules! labelled_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $zh:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every variant, in file order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name officials use, in `lang`.
            pub fn label(self, lang: Lang) -> &'static str {
                match self {
                    $($name::$variant => lang.pick($zh, $en),)+
                }
            }

            /// The identifier written in files (`Central`, `Poverty` …).
            pub fn ident(self) -> &'static str {
                match self {
                    $($name::$variant => stringify!($variant),)+
                }
            }
        }
    };
}

labelled_enum! {
    /// Government level a fund line comes from (资金级次).
    Level {
        /// 中央, line codes `C..`.
        #[default]
        Central => "中央", "Central";
        /// 自治区, line codes `R..`.
        Region => "自治区", "Region";
        /// 盟市, line codes `L..`.
        League => "盟市", "League";
        /// 旗县, line codes `X..`.
        County => "旗县", "County";
    }
}

impl Level {
    /// The line-code prefix of this level.
    pub fn prefix(self) -> char {
        match self {
            Level::Central => 'C',
            Level::Region => 'R',
            Level::League => 'L',
            Level::County => 'X',
        }
    }

    /// The level of a well-formed line code: its level's letter (`C`, `R`,
    /// `L` or `X`) followed by two or more ASCII digits (`C01`, `X105`).
    /// `None` for anything else, so every reader of codes (the validator, the
    /// catalog check, the importers, the clipboard) agrees on one form.
    pub fn of_code(code: &str) -> Option<Level> {
        let mut chars = code.chars();
        let first = chars.next()?;
        let level = Level::ALL.iter().copied().find(|l| l.prefix() == first)?;
        let digits = chars.as_str();
        (digits.len() >= 2 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(level)
    }

    /// The next free code of this level among `codes`: one past the highest
    /// number in use (`C18`, `R13`, `L02` …), so a deleted line's code is
    /// not given again. When the highest is the largest number there is (a
    /// hostile file's `X4294967295`), the lowest number not in use instead of
    /// an overflow.
    pub fn next_code<'a>(self, codes: impl IntoIterator<Item = &'a str>) -> String {
        let prefix = self.prefix();
        // A set, so the search for the lowest free number looks each one up
        // in constant time: it stops within the first `used.len() + 1`
        // numbers, linear in the codes of a hostile file, not quadratic.
        let used: HashSet<u32> = codes
            .into_iter()
            .filter_map(|c| c.strip_prefix(prefix)?.parse::<u32>().ok())
            .collect();
        let max = used.iter().copied().max().unwrap_or(0);
        // Fewer codes than numbers, so a free one is always found.
        let next = max
            .checked_add(1)
            .or_else(|| (1..=u32::MAX).find(|n| !used.contains(n)))
            .unwrap_or(max);
        format!("{prefix}{next:02}")
    }
}

labelled_enum! {
    /// Big category of a source line (资金大类).
    Category {
        /// 扶贫.
        #[default]
        Poverty => "扶贫", "Poverty";
        /// 农牧业生产.
        Agriculture => "农牧业生产", "Agriculture";
        /// 水利.
        Water => "水利", "Water";
        /// 林草生态.
        Forestry => "林草生态", "Forestry";
        /// 农田建设.
        Farmland => "农田建设", "Farmland";
        /// 农村综合/基础设施.
        Infrastructure => "农村综合/基础设施", "Rural infrastructure";
        /// 交通.
        Transport => "交通", "Transport";
        /// 住房.
        Housing => "住房", "Housing";
        /// 人居环境.
        Environment => "人居环境", "Living environment";
        /// 其他.
        Other => "其他", "Other";
    }
}

labelled_enum! {
    /// What a project spends on (使用方向).
    Use {
        /// 产业发展.
        #[default]
        Industry => "产业发展", "Industry";
        /// 农村道路.
        Roads => "农村道路", "Rural roads";
        /// 农田水利与高标准农田.
        Farmland => "农田水利与高标准农田", "Irrigation and farmland";
        /// 饮水安全.
        DrinkingWater => "饮水安全", "Drinking water";
        /// 危房改造.
        Housing => "危房改造", "Housing repair";
        /// 人居环境整治.
        Environment => "人居环境整治", "Living environment";
        /// 生态保护.
        Ecology => "生态保护", "Ecology";
        /// 易地搬迁后续扶持.
        Relocation => "易地搬迁后续扶持", "Relocation follow-up";
        /// 教育培训.
        Training => "教育培训", "Training";
        /// 就业与公益岗位.
        Employment => "就业与公益岗位", "Employment";
        /// 金融扶贫(贴息/风险补偿).
        Finance => "金融扶贫", "Financial support";
        /// 项目管理费.
        Management => "项目管理费", "Management fee";
        /// 其他.
        Other => "其他", "Other";
    }
}

labelled_enum! {
    /// Poverty banner kind.
    CountyKind {
        /// 国贫旗县.
        #[default]
        National => "国贫旗县", "National poverty banner";
        /// 区贫旗县.
        Regional => "区贫旗县", "Regional poverty banner";
    }
}

labelled_enum! {
    /// The league reviewer's decision.
    Decision {
        /// 待审.
        #[default]
        Pending => "待审", "Pending";
        /// 退回修改.
        Returned => "退回修改", "Returned";
        /// 审核通过.
        Approved => "审核通过", "Approved";
    }
}

#[cfg(test)]
mod tests {
    use super::Level;

    #[test]
    fn of_code_reads_the_level_of_well_formed_codes_only() {
        assert_eq!(Level::of_code("C01"), Some(Level::Central));
        assert_eq!(Level::of_code("R13"), Some(Level::Region));
        assert_eq!(Level::of_code("L02"), Some(Level::League));
        assert_eq!(Level::of_code("X105"), Some(Level::County));
        for bad in [
            "", "C", "C1", "c01", "Z01", "C0a", "C01 ", " C01", "C０1", "中01", "C-1",
        ] {
            assert_eq!(Level::of_code(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn next_code_follows_the_highest_and_never_overflows() {
        assert_eq!(Level::County.next_code([]), "X01");
        assert_eq!(Level::County.next_code(["X01", "X07", "L09", "C12"]), "X08");
        assert_eq!(Level::League.next_code(["L99"]), "L100");
        let max = format!("X{}", u32::MAX);
        assert_eq!(Level::County.next_code([max.as_str(), "X01", "X02"]), "X03");
        assert_eq!(Level::County.next_code([max.as_str(), "X02"]), "X01");
    }

    #[test]
    fn next_code_after_the_largest_finds_the_gap_among_many_codes() {
        // Every number from 1 to 50 000 in use but 49 999, and the largest:
        // the one free number below is found, and with a later one taken too
        // the search goes on past all of them.
        let mut codes: Vec<String> = (1..=50_000u32)
            .filter(|n| *n != 49_999)
            .map(|n| format!("X{n:02}"))
            .collect();
        codes.push(format!("X{}", u32::MAX));
        assert_eq!(
            Level::County.next_code(codes.iter().map(String::as_str)),
            "X49999"
        );
        codes.push("X49999".into());
        assert_eq!(
            Level::County.next_code(codes.iter().map(String::as_str)),
            "X50001"
        );
    }
}
