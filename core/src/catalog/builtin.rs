//! The catalogs compiled into the build, and which one judges a plan.
//!
//! Parsing them goes through [`crate::file`], which itself needs the catalog's
//! types and checks: keeping this here, apart from the types, lets `file`
//! depend on `catalog` and not the other way round.

use std::collections::BTreeMap;

use super::Catalog;
use crate::format::{CatalogFormat, FormatVersion};
use crate::plan::Plan;

/// The default catalog's file, compiled in.
pub const NM_2017_RON: &str = include_str!("../../../assets/catalogs/nm-2017.ron");

/// The 2021–2025 catalog's file, compiled in.
pub const NM_2021_RON: &str = include_str!("../../../assets/catalogs/nm-2021.ron");

/// The catalogs compiled into this build, by id, oldest period first.
pub const EMBEDDED: &[(&str, &str)] = &[("nm-2017", NM_2017_RON), ("nm-2021", NM_2021_RON)];

/// Id of the catalog used when a plan names none this build knows.
pub const DEFAULT_ID: &str = "nm-2017";

/// True when `id` (trimmed) is a catalog compiled into this build.
pub fn is_builtin(id: &str) -> bool {
    EMBEDDED.iter().any(|(i, _)| *i == id.trim())
}

/// The embedded catalog with `id`, parsed. `None` for an unknown id.
pub fn embedded(id: &str) -> Option<Catalog> {
    embedded_as_is(id)
}

/// [`embedded`], parsed without comparing it with the built-in catalogs
/// (itself): what [`super::check::builtin_clash`] compares with.
pub(super) fn embedded_as_is(id: &str) -> Option<Catalog> {
    let (_, text) = EMBEDDED.iter().find(|(i, _)| *i == id)?;
    crate::file::parse_catalog_alone(text, std::path::Path::new(id)).ok()
}

/// The id of the built-in catalog whose years contain `year`: what a new
/// plan for that year is drafted against. After the last period, the newest
/// catalog; before the first, the oldest (the officer can pick another).
pub fn builtin_for_year(year: u16) -> &'static str {
    let parsed: Vec<(&str, (u16, u16))> = EMBEDDED
        .iter()
        .filter_map(|(id, _)| embedded(id).map(|c| (*id, c.years)))
        .collect();
    if let Some((id, _)) = parsed.iter().find(|(_, y)| (y.0..=y.1).contains(&year)) {
        return id;
    }
    let newest = parsed.iter().max_by_key(|(_, y)| y.1);
    match newest {
        Some((id, y)) if year > y.1 => id,
        _ => parsed.first().map_or(DEFAULT_ID, |(id, _)| id),
    }
}

/// The default catalog (`nm-2017`).
pub fn default_catalog() -> Catalog {
    // The embedded text is checked by a unit test, so failure here is a build bug;
    // still, fall back to an empty catalog rather than panic in a user's hands.
    embedded(DEFAULT_ID).unwrap_or_else(|| Catalog {
        format: CatalogFormat,
        format_version: FormatVersion::CURRENT,
        id: DEFAULT_ID.to_string(),
        title: String::new(),
        years: (0, 0),
        provisional: true,
        note: String::new(),
        lines: Vec::new(),
        home_uses: BTreeMap::new(),
        required_own_levels: Vec::new(),
        levels_by_kind: BTreeMap::new(),
        industry_share_min: None,
        industry_share_lines: Vec::new(),
        industry_share_from: None,
        management_share_max: None,
        forbidden_keywords: Vec::new(),
    })
}

/// The catalog to judge `plan` with: `explicit` if given, else the built-in
/// catalog the plan names, else the default (and H02 will say so).
pub fn catalog_for(plan: &Plan, explicit: Option<&Catalog>) -> Catalog {
    match explicit {
        Some(c) => c.clone(),
        None => embedded(&plan.catalog).unwrap_or_else(default_catalog),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enums::{Category, Level, Use};

    #[test]
    fn embedded_catalogs_parse() {
        for (id, text) in EMBEDDED {
            let c = crate::file::parse_catalog(text, std::path::Path::new(id)).unwrap();
            assert_eq!(&c.id, id);
        }
        let c = default_catalog();
        assert_eq!(
            c.lines.iter().filter(|l| l.level == Level::Central).count(),
            17
        );
        assert_eq!(
            c.lines.iter().filter(|l| l.level == Level::Region).count(),
            12
        );
    }

    #[test]
    fn nm_2021_has_16_central_and_12_region_lines_each_with_an_english_name() {
        let c = embedded("nm-2021").unwrap();
        let count = |level| c.lines.iter().filter(|l| l.level == level).count();
        assert_eq!((count(Level::Central), count(Level::Region)), (16, 12));
        assert!(c.lines.iter().all(|l| !l.name_en.is_empty()));
        assert_eq!(c.years, (2021, 2025));
        assert!(!c.industry_share_applies(2021));
        assert!(c.industry_share_applies(2022));
        assert_eq!(c.industry_share_lines, ["C01", "R01"]);
    }

    #[test]
    fn canonical_text_loads_back_the_same_catalog() {
        for (id, _) in EMBEDDED {
            let c = embedded(id).unwrap();
            let text = crate::file::catalog_to_string(&c);
            assert_eq!(crate::file::catalog_to_string(&c), text);
            assert_eq!(
                crate::file::parse_catalog(&text, std::path::Path::new(id)).unwrap(),
                c
            );
        }
    }

    #[test]
    fn a_year_gets_the_catalog_of_its_period() {
        assert_eq!(builtin_for_year(2016), "nm-2017");
        assert_eq!(builtin_for_year(2020), "nm-2017");
        assert_eq!(builtin_for_year(2021), "nm-2021");
        assert_eq!(builtin_for_year(2025), "nm-2021");
        assert_eq!(builtin_for_year(2031), "nm-2021");
    }

    #[test]
    fn regional_banners_may_not_integrate_central_funds() {
        use crate::enums::CountyKind;
        for id in ["nm-2017", "nm-2021"] {
            let c = embedded(id).unwrap();
            assert!(c.may_integrate(CountyKind::National, Level::Central));
            assert!(!c.may_integrate(CountyKind::Regional, Level::Central));
            assert!(c.may_integrate(CountyKind::Regional, Level::County));
        }
    }

    #[test]
    fn poverty_money_is_general_purpose() {
        let c = default_catalog();
        assert!(!c.is_cross_category(Category::Poverty, Use::Roads));
        assert!(c.is_cross_category(Category::Water, Use::Industry));
        assert!(!c.is_cross_category(Category::Water, Use::DrinkingWater));
    }
}
