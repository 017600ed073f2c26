//! 新建方案: the form and the empty plan it makes.

use crate::catalog;
use crate::plan::{County, CountyKind, Plan};

/// The fields of the new-plan dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPlanForm {
    /// 6-digit code.
    pub code: String,
    /// Banner name.
    pub name: String,
    /// League (suggested from the code).
    pub league: String,
    /// National or regional.
    pub kind: CountyKind,
    /// Budget year.
    pub year: u16,
    /// Catalog id.
    pub catalog: String,
}

impl Default for NewPlanForm {
    fn default() -> Self {
        let year = 2020;
        NewPlanForm {
            code: String::new(),
            name: String::new(),
            league: String::new(),
            kind: CountyKind::National,
            year,
            catalog: catalog::builtin_for_year(year).to_string(),
        }
    }
}

impl NewPlanForm {
    /// A plan with every catalog line at zero and no projects.
    pub fn to_plan(&self) -> Plan {
        let cat = catalog::embedded(&self.catalog).unwrap_or_else(catalog::default_catalog);
        let county = County {
            code: self.code.trim().to_string(),
            name: self.name.trim().to_string(),
            league: self.league.trim().to_string(),
            kind: self.kind,
        };
        crate::blank::blank_plan(&cat, county, self.year)
    }
}
