//! What the benches share: plan sizes from the environment, and the plans
//! themselves, as `fundplan sample --projects N --seed S` writes them.

use fundplan_core::catalog::Catalog;
use fundplan_core::plan::Plan;
use fundplan_core::sample::{SampleOptions, generate};

/// The sizes in `var` (`FUNDPLAN_BENCH_SIZES=100,1000` narrows a run), else `default`.
pub fn env_sizes(var: &str, default: &[usize]) -> Vec<usize> {
    std::env::var(var)
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| default.to_vec())
}

/// [`sample`] sealed for submission as `fundplan submit` seals it, as the
/// plans a league rolls up and reviews are.
pub fn sealed(catalog: &Catalog, projects: usize, seed: u64) -> Plan {
    fundplan_core::digest::seal(
        &sample(catalog, projects, seed),
        "2020-03-15T10:00:00+08:00".into(),
        0,
    )
}

/// A generated 2020 plan of `projects` projects.
pub fn sample(catalog: &Catalog, projects: usize, seed: u64) -> Plan {
    generate(
        catalog,
        SampleOptions {
            projects,
            seed,
            year: 2020,
        },
    )
}
