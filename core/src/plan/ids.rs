//! New project ids: `P` and the numbers after the largest in use, as wide as
//! the plan's ids already are, so every place that adds projects (the add and
//! duplicate buttons, a paste of rows) numbers them the same way.

use super::Plan;
use crate::Lang;

/// No project id is left after the largest one in the plan: a number one
/// past it does not fit (a hostile or hand-edited file with `P18446744073709551615`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::Zh))]
pub struct IdsUsedUp {
    /// The plan's project id with the largest number.
    pub largest: String,
}

impl IdsUsedUp {
    /// Why no project was added and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let id = &self.largest;
        match lang {
            Lang::Zh => format!(
                "项目 {id} 的编号已是最大，之后没有可用的项目编号，未添加项目；请把 {id} 改用较小的编号"
            ),
            Lang::En => format!(
                "Project {id} has the largest possible number, so no project id is left after it and no project was added; give {id} a smaller id"
            ),
        }
    }
}

impl Plan {
    /// `n` project ids not used yet: `P` and the numbers after the largest in
    /// use, zero-padded to the width of the first project's id (3 at least).
    pub fn next_project_ids(&self, n: usize) -> Result<Vec<String>, IdsUsedUp> {
        let largest = self
            .projects
            .iter()
            .filter_map(|p| Some((p.id.strip_prefix('P')?.parse::<u64>().ok()?, &p.id)))
            .max_by_key(|(number, _)| *number);
        let max = largest.map_or(0, |(number, _)| number);
        let width = self
            .projects
            .first()
            .map_or(3, |p| p.id.len().saturating_sub(1).max(3));
        let used_up = || IdsUsedUp {
            largest: largest.map(|(_, id)| id.clone()).unwrap_or_default(),
        };
        (1..=n)
            .map(|k| {
                let number = u64::try_from(k)
                    .ok()
                    .and_then(|k| max.checked_add(k))
                    .ok_or_else(used_up)?;
                Ok(format!("P{number:0width$}"))
            })
            .collect()
    }

    /// One project id not used yet (see [`Plan::next_project_ids`]).
    pub fn next_project_id(&self) -> Result<String, IdsUsedUp> {
        self.next_project_ids(1)?.pop().ok_or_else(|| IdsUsedUp {
            largest: String::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::IdsUsedUp;
    use crate::plan::{Plan, Project};

    fn plan_with(ids: &[&str]) -> Plan {
        let catalog = crate::catalog::default_catalog();
        let mut plan = crate::blank::blank_plan(&catalog, Default::default(), 2021);
        plan.projects = ids
            .iter()
            .map(|id| Project {
                id: (*id).to_string(),
                ..Project::default()
            })
            .collect();
        plan
    }

    #[test]
    fn ids_follow_the_largest_number_as_wide_as_the_first_id() {
        assert_eq!(
            plan_with(&[]).next_project_ids(2),
            Ok(vec!["P001".into(), "P002".into()])
        );
        let plan = plan_with(&["P0007", "P012", "X9", "P", "Pabc"]);
        assert_eq!(plan.next_project_id(), Ok("P0013".into()));
        assert_eq!(
            plan.next_project_ids(2),
            Ok(vec!["P0013".into(), "P0014".into()])
        );
        // A number too long for any integer is not a number: it cannot collide.
        let plan = plan_with(&["P001", "P99999999999999999999999"]);
        assert_eq!(plan.next_project_id(), Ok("P002".into()));
    }

    #[test]
    fn a_plan_whose_largest_id_is_the_maximum_is_refused_not_wrapped() {
        let max = format!("P{}", u64::MAX);
        let plan = plan_with(&["P001", &max]);
        let refused = IdsUsedUp {
            largest: max.clone(),
        };
        assert_eq!(plan.next_project_id(), Err(refused.clone()));
        assert_eq!(plan.next_project_ids(3), Err(refused.clone()));
        let one_below = format!("P{}", u64::MAX - 1);
        let plan = plan_with(&[&one_below]);
        assert_eq!(plan.next_project_ids(1), Ok(vec![max.clone()]));
        assert_eq!(
            plan.next_project_ids(2),
            Err(IdsUsedUp { largest: one_below })
        );
        assert!(refused.message(crate::Lang::Zh).contains(&max));
        assert!(refused.message(crate::Lang::En).contains("smaller id"));
    }
}
