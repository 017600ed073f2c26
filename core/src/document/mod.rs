//! The open document: the plan, where it lives, its catalog, the validator's
//! latest report and seal state, and the undo history. [`Document::apply`] is
//! the one place edits happen: it records undo, marks the document dirty and
//! re-validates.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::catalog::{self, Catalog};
use crate::digest::{SealState, seal_state};
use crate::file;
use crate::plan::Plan;
use crate::validate::{Report, Severity, validate_sealed};

mod disk;
mod history;

use disk::DiskStamp;
use history::Step;

/// The bundled sample plan's text, so the first start needs no files.
pub const SAMPLE_RON: &str = include_str!("../../../assets/examples/wuchuan-2020.ron");

/// The bundled sample plan (an empty default if it ever failed to parse, which
/// a unit test rules out).
pub fn bundled_sample() -> Plan {
    file::parse_plan(SAMPLE_RON, Path::new("wuchuan-2020.ron")).unwrap_or_else(|_| {
        crate::sample::generate(&catalog::default_catalog(), Default::default())
    })
}

/// The open plan and its history.
pub struct Document {
    plan: Plan,
    path: Option<PathBuf>,
    catalog: Catalog,
    report: Report,
    /// The seal state of `plan`, kept with the report: hashing a large plan
    /// takes milliseconds, too long to repeat every frame.
    seal: SealState,
    marks: HashMap<String, Severity>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_state: u64,
    saved_state: u64,
    /// False after a field loses focus, so the next keystroke starts a new step.
    coalescing: bool,
    /// Review mode: content edits are refused, review edits allowed.
    read_only: bool,
    /// Number of review comments on each target path.
    comment_counts: HashMap<String, usize>,
    /// Which catalog is in use (see [`Document::catalog_version`]).
    catalog_version: u64,
    /// The last catalog version handed out: a new one is never one an undo
    /// step holds.
    catalog_versions: u64,
    /// The file's modification time and size when last read or written.
    disk: Option<DiskStamp>,
}

impl Document {
    /// Opens `plan` (from `path`, if it has one) against its built-in catalog.
    pub fn new(plan: Plan, path: Option<PathBuf>) -> Document {
        let catalog = catalog::catalog_for(&plan, None);
        Document::with_catalog(plan, path, catalog)
    }

    /// Opens `plan` judged against `catalog`.
    pub fn with_catalog(plan: Plan, path: Option<PathBuf>, catalog: Catalog) -> Document {
        let mut doc = Document {
            report: Report::default(),
            seal: seal_state(&plan),
            marks: HashMap::new(),
            plan,
            path,
            catalog,
            undo: Vec::new(),
            redo: Vec::new(),
            next_state: 1,
            saved_state: 0,
            coalescing: false,
            read_only: false,
            comment_counts: HashMap::new(),
            catalog_version: 0,
            catalog_versions: 0,
            disk: None,
        };
        doc.revalidate();
        doc
    }

    /// True in review mode: only the review may change.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Enters or leaves review mode.
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    /// Number of review comments on `path`.
    pub fn comments_on(&self, path: &str) -> usize {
        self.comment_counts.get(path).copied().unwrap_or(0)
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The file, if the plan has been saved or opened from one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The catalog the plan is judged against.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Which catalog the plan is judged against: a new version when the
    /// catalog is replaced (set, switched), the version it had when a switch
    /// is undone or redone, the same when it is edited in place
    /// ([`Document::edit_catalog`]). A draft of the 目录 screen belongs to one
    /// version: while another is in use, the draft is stale.
    pub fn catalog_version(&self) -> u64 {
        self.catalog_version
    }

    /// Changes the catalog in place (the 目录 screen's draft) and judges the
    /// plan against the result: no undo step, and no copy of the catalog.
    pub fn edit_catalog<R>(&mut self, edit: impl FnOnce(&mut Catalog) -> R) -> R {
        let result = edit(&mut self.catalog);
        self.revalidate();
        result
    }

    /// The validator's report on the current plan.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Whether the submission seal is absent, intact or broken.
    pub fn seal(&self) -> SealState {
        self.seal
    }

    /// Uses another catalog for validation.
    pub fn set_catalog(&mut self, catalog: Catalog) {
        self.catalog = catalog;
        self.catalog_version = self.new_catalog_version();
        self.revalidate();
    }

    /// A catalog version not used before.
    fn new_catalog_version(&mut self) -> u64 {
        self.catalog_versions += 1;
        self.catalog_versions
    }

    /// The worst severity found at each path, and at each row a field of it
    /// belongs to (`sources[C03]` for `sources[C03].integrated`), so tables can
    /// mark both the cell and its row.
    pub fn marks(&self) -> &HashMap<String, Severity> {
        &self.marks
    }

    /// After an edit: the seal state again if the edit may have changed it,
    /// then the report.
    fn changed(&mut self, reseal: bool) {
        if reseal {
            self.seal = seal_state(&self.plan);
        }
        self.revalidate();
    }

    fn revalidate(&mut self) {
        self.comment_counts.clear();
        for c in self.plan.review.iter().flat_map(|r| &r.comments) {
            *self.comment_counts.entry(c.target.clone()).or_default() += 1;
        }
        self.report = validate_sealed(&self.plan, &self.catalog, self.seal);
        self.marks.clear();
        for f in &self.report.findings {
            let row = f.path.find("].").map(|i| &f.path[..=i]);
            for key in std::iter::once(f.path.as_str()).chain(row) {
                let worst = self.marks.entry(key.to_string()).or_insert(f.severity());
                *worst = (*worst).min(f.severity());
            }
        }
    }
}

#[cfg(test)]
mod tests;
