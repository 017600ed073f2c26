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

/// The catalogs compiled into this build, by id.
pub const EMBEDDED: &[(&str, &str)] = &[("nm-2017", NM_2017_RON)];

/// Id of the catalog used when a plan names none this build knows.
pub const DEFAULT_ID: &str = "nm-2017";

/// The embedded catalog with `id`, parsed. `None` for an unknown id.
pub fn embedded(id: &str) -> Option<Catalog> {
    let (_, text) = EMBEDDED.iter().find(|(i, _)| *i == id)?;
    crate::file::parse_catalog(text, std::path::Path::new(id)).ok()
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
        industry_share_min: None,
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
    fn poverty_money_is_general_purpose() {
        let c = default_catalog();
        assert!(!c.is_cross_category(Category::Poverty, Use::Roads));
        assert!(c.is_cross_category(Category::Water, Use::Industry));
        assert!(!c.is_cross_category(Category::Water, Use::DrinkingWater));
    }
}
