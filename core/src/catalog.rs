//! The catalog of fund lines a region issues for a period.
//!
//! Same rules as the plan file (see [`crate::plan`]): UTF-8 RON, `format:
//! "fundplan-catalog"`, `format_version: 1`, unknown fields refused. It lists the
//! C (central) and R (region) lines a plan must carry, which uses are each
//! category's own (`home_uses`; any other use is 跨类别使用), which own levels a
//! national banner must integrate, optional share limits, and the negative-list
//! keywords. The default `nm-2017` catalog is compiled into the binary.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::enums::{Category, Level, Use};
use crate::format::{CatalogFormat, FormatVersion};

mod builtin;

pub use builtin::{DEFAULT_ID, EMBEDDED, NM_2017_RON, catalog_for, default_catalog, embedded};

/// A fund-line catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Always `"fundplan-catalog"`.
    pub format: CatalogFormat,
    /// File format version.
    pub format_version: FormatVersion,
    /// Id that plans refer to, e.g. `nm-2017`.
    pub id: String,
    /// Full title.
    pub title: String,
    /// First and last year it applies to, inclusive.
    pub years: (u16, u16),
    /// True while names are not checked against the issued list.
    pub provisional: bool,
    /// Free note on provenance.
    pub note: String,
    /// The C and R lines, in order.
    pub lines: Vec<CatalogLine>,
    /// Each category's own uses; a category missing here is general-purpose.
    /// A category given twice is refused (a map would silently keep one).
    #[serde(deserialize_with = "unique_keys")]
    pub home_uses: BTreeMap<Category, Vec<Use>>,
    /// Levels whose own lines a national banner must integrate.
    pub required_own_levels: Vec<Level>,
    /// Minimum Industry share of integrated funds, if any.
    pub industry_share_min: Option<Share>,
    /// Maximum Management share of integrated funds, if any.
    pub management_share_max: Option<Share>,
    /// 负面清单 words flagged in project names and contents.
    pub forbidden_keywords: Vec<String>,
}

/// One line of the catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogLine {
    /// `C01` … / `R01` ….
    pub code: String,
    /// Central or Region.
    pub level: Level,
    /// Official name.
    pub name: String,
    /// Big category.
    pub category: Category,
}

impl Catalog {
    /// The line with `code`, if the catalog has it.
    pub fn line(&self, code: &str) -> Option<&CatalogLine> {
        self.lines.iter().find(|l| l.code == code)
    }

    /// True when a project of `use_` funded from `category` is 跨类别使用.
    pub fn is_cross_category(&self, category: Category, use_: Use) -> bool {
        self.home_uses
            .get(&category)
            .is_some_and(|uses| !uses.contains(&use_))
    }

    /// True when `year` is within the catalog's years.
    pub fn covers(&self, year: u16) -> bool {
        (self.years.0..=self.years.1).contains(&year)
    }
}

/// A ratio between 0 and 1, written as a string (`"0.55"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Share(Decimal);

impl Share {
    /// The ratio.
    pub fn get(self) -> Decimal {
        self.0
    }

    /// A share from a decimal in 0..=1.
    pub fn new(d: Decimal) -> Option<Share> {
        (Decimal::ZERO..=Decimal::ONE)
            .contains(&d)
            .then_some(Share(d))
    }
}

impl Serialize for Share {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for Share {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Share, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Share;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a share between 0 and 1 as a quoted string, e.g. \"0.55\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Share, E> {
                v.trim()
                    .parse::<Decimal>()
                    .ok()
                    .and_then(Share::new)
                    .ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Share, E> {
                Err(E::invalid_type(Unexpected::Float(v), &self))
            }
        }
        d.deserialize_any(V)
    }
}

/// A map whose keys each appear once in the file.
fn unique_keys<'de, D, K, V>(d: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: Deserialize<'de> + Ord + std::fmt::Debug,
    V: Deserialize<'de>,
{
    struct Unique<K, V>(std::marker::PhantomData<(K, V)>);
    impl<'de, K, V> serde::de::Visitor<'de> for Unique<K, V>
    where
        K: Deserialize<'de> + Ord + std::fmt::Debug,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a map")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<K, V>()? {
                if out.contains_key(&k) {
                    return Err(serde::de::Error::custom(format!(
                        "home_uses: {k:?} is given twice"
                    )));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Unique(std::marker::PhantomData))
}

/// Longest 负面清单 keyword, in characters (real ones are a few characters).
pub const MAX_KEYWORD_CHARS: usize = 50;

/// What a loaded catalog must be beyond its syntax: years in order, line codes
/// unique and of their level's form (`C01` for 中央 …), keywords non-empty and
/// short. Returns the first problem, in English and Chinese.
pub fn check(c: &Catalog) -> Result<(), (String, String)> {
    if c.years.0 > c.years.1 {
        return Err((
            format!("适用年度 {}–{} 起止颠倒", c.years.0, c.years.1),
            format!("years {}–{} are not in order", c.years.0, c.years.1),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for l in &c.lines {
        let code = crate::text::clip(&l.code);
        let mut chars = l.code.chars();
        let well_formed = chars.next() == Some(l.level.prefix())
            && l.code.len() >= 3
            && chars.all(|ch| ch.is_ascii_digit());
        if !well_formed {
            return Err((
                format!(
                    "资金代码“{code}”不符合{}级的格式（如 {}01）",
                    l.level.label(crate::Lang::Zh),
                    l.level.prefix()
                ),
                format!(
                    "line code “{code}” is not of the form {}01 for its level",
                    l.level.prefix()
                ),
            ));
        }
        if !seen.insert(l.code.as_str()) {
            return Err((
                format!("资金代码“{code}”重复"),
                format!("line code “{code}” is given twice"),
            ));
        }
    }
    for k in &c.forbidden_keywords {
        if k.trim().is_empty() {
            return Err((
                "负面清单含有空关键词".into(),
                "an empty forbidden keyword".into(),
            ));
        }
        if k.chars().count() > MAX_KEYWORD_CHARS {
            let shown = crate::text::clip(k);
            return Err((
                format!("负面清单关键词“{shown}”超过 {MAX_KEYWORD_CHARS} 个字符"),
                format!(
                    "the forbidden keyword “{shown}” is longer than {MAX_KEYWORD_CHARS} characters"
                ),
            ));
        }
    }
    Ok(())
}
