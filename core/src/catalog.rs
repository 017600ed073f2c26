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

use crate::enums::{Category, CountyKind, Level, Use};
use crate::format::{CatalogFormat, FormatVersion};

mod builtin;
mod check;

pub use builtin::{
    DEFAULT_ID, EMBEDDED, NM_2017_RON, NM_2021_RON, builtin_for_year, catalog_for, default_catalog,
    embedded, is_builtin,
};
pub use check::{
    MAX_ID_CHARS, MAX_KEYWORD_CHARS, Problem, builtin_clash, builtin_for, check, file_problems,
    id_problem, keyword_problem, problems,
};

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
    #[serde(deserialize_with = "unique_home_uses")]
    pub home_uses: BTreeMap<Category, Vec<Use>>,
    /// Levels whose own lines a national banner must integrate.
    pub required_own_levels: Vec<Level>,
    /// Which levels' funds each kind of banner may integrate (S09); a kind
    /// missing here, or an empty map, may integrate every level.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_kinds"
    )]
    pub levels_by_kind: BTreeMap<CountyKind, Vec<Level>>,
    /// Minimum Industry share of integrated funds, if any.
    pub industry_share_min: Option<Share>,
    /// The lines whose funds the Industry minimum is about (B03 then compares
    /// Industry funding from these lines with their integrated total); empty:
    /// all integrated funds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub industry_share_lines: Vec<String>,
    /// First budget year the Industry minimum applies to (a rule that came in
    /// during the catalog's period); `None`: every year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry_share_from: Option<u16>,
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
    /// English name, shown in the English UI; empty: the official name is shown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    /// Big category.
    pub category: Category,
    /// Codes of the previous period's lines this line succeeds (format
    /// version 2, successor lines): the catalog switch maps a plan's row with
    /// one of these codes to this line, at the same level. Not written when
    /// empty, so catalogs without it stay byte-identical.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formerly: Vec<String>,
}

impl CatalogLine {
    /// The name shown in `lang` (see [`Catalog::line_name`]).
    pub fn display_name(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::En => self.english_name().unwrap_or(&self.name),
            crate::Lang::Zh => &self.name,
        }
    }

    /// The English name, trimmed, if the catalog gives one.
    pub fn english_name(&self) -> Option<&str> {
        Some(self.name_en.trim()).filter(|n| !n.is_empty())
    }
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

    /// The name of line `code` as the UI shows it in `lang`: the English name
    /// when there is one and `lang` is English, else the official name.
    pub fn line_name(&self, code: &str, lang: crate::Lang) -> Option<&str> {
        self.line(code).map(|l| l.display_name(lang))
    }

    /// True when a banner of `kind` may integrate funds of `level` (S09).
    pub fn may_integrate(&self, kind: CountyKind, level: Level) -> bool {
        self.levels_by_kind
            .get(&kind)
            .is_none_or(|levels| levels.contains(&level))
    }

    /// True when the Industry minimum (B03) applies to a plan for `year`.
    pub fn industry_share_applies(&self, year: u16) -> bool {
        self.industry_share_min.is_some() && self.industry_share_from.is_none_or(|y| year >= y)
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

fn unique_home_uses<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<Category, Vec<Use>>, D::Error> {
    unique_keys(d, "home_uses")
}

fn unique_kinds<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<CountyKind, Vec<Level>>, D::Error> {
    unique_keys(d, "levels_by_kind")
}

/// A map whose keys each appear once in the file (a map would silently keep one).
fn unique_keys<'de, D, K, V>(d: D, field: &'static str) -> Result<BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: Deserialize<'de> + Ord + std::fmt::Debug,
    V: Deserialize<'de>,
{
    struct Unique<K, V>(&'static str, std::marker::PhantomData<(K, V)>);
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
                        "{}: {k:?} is given twice",
                        self.0
                    )));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Unique(field, std::marker::PhantomData))
}
