//! A new plan (文件 › 新建方案): every line of the catalog at zero, no
//! projects, the banner and year as the officer gave them. The sample
//! generator starts from it too, so the two cannot drift apart.

use crate::catalog::Catalog;
use crate::enums::{Category, Level};
use crate::format::{FormatVersion, PlanFormat};
use crate::money::Money;
use crate::plan::{County, Plan, Source};

/// The 年初方案 (revision 1) of `county` for `year` under `catalog`: one
/// source per catalog line with nothing allocated or integrated, no projects,
/// no approval yet, prepared by the banner's finance bureau (财政局).
pub fn blank_plan(catalog: &Catalog, county: County, year: u16) -> Plan {
    let sources = catalog
        .lines
        .iter()
        .map(|l| blank_source(&l.code, l.level, &l.name, l.category))
        .collect();
    Plan {
        format: PlanFormat,
        format_version: FormatVersion::CURRENT,
        catalog: catalog.id.clone(),
        year,
        prepared_by: format!("{}财政局", county.name),
        county,
        revision: 1,
        adjustment: None,
        approval: String::new(),
        sources,
        projects: Vec::new(),
        submission: None,
        review: None,
    }
}

/// A fund line with nothing allocated or integrated yet and no document.
pub fn blank_source(line: &str, level: Level, name: &str, category: Category) -> Source {
    Source {
        line: line.to_string(),
        level,
        name: name.to_string(),
        category,
        document: String::new(),
        allocated: Money::ZERO,
        integrated: Money::ZERO,
        reason: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::default_catalog;
    use crate::plan::CountyKind;
    use crate::validate::{Rule, validate};

    #[test]
    fn a_blank_plan_has_every_catalog_line_and_nothing_else() {
        let catalog = default_catalog();
        let county = County {
            code: "150125".to_string(),
            name: "武川县".to_string(),
            league: "呼和浩特市".to_string(),
            kind: CountyKind::National,
        };
        let plan = blank_plan(&catalog, county, 2021);
        assert_eq!(plan.sources.len(), catalog.lines.len());
        assert!(plan.sources.iter().all(|s| s.is_catalog_line()));
        assert!(plan.projects.is_empty());
        assert_eq!(plan.prepared_by, "武川县财政局");
        assert_eq!(plan.year, 2021);
        // Nothing integrated yet: B05 is what keeps it from being submitted.
        assert!(validate(&plan, &catalog).has(Rule::B05));
    }
}
