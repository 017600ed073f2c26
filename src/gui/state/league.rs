//! What a league reviewer works with besides the open plan: a revision to
//! compare it with, and the roll-up of a folder of plans.

use std::cmp::Ordering;
use std::path::PathBuf;

use crate::Lang;
use crate::diff::{PlanDiff, diff};
use crate::document::Document;
use crate::file;
use crate::plan::Plan;
use crate::summary::{Row, Summary, check_register, summarize};

/// The open plan compared with an earlier revision.
pub struct Compare {
    /// The earlier file.
    pub path: PathBuf,
    /// The earlier plan.
    pub old: Plan,
    /// The differences, for the document state `state`.
    pub diff: PlanDiff,
    state: u64,
}

/// Columns the roll-up sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// Banner name.
    County,
    /// Code.
    Code,
    /// Year.
    Year,
    /// Revision.
    Revision,
    /// Status.
    Status,
    /// 下达.
    Allocated,
    /// 纳入整合.
    Integrated,
    /// 未纳入.
    NotIntegrated,
    /// 已安排.
    Arranged,
    /// 跨类别.
    Cross,
    /// 跨类别占比.
    CrossShare,
    /// 产业占比.
    IndustryShare,
    /// Errors.
    Errors,
    /// Warnings.
    Warnings,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 14] = [
        Column::County,
        Column::Code,
        Column::Year,
        Column::Revision,
        Column::Status,
        Column::Allocated,
        Column::Integrated,
        Column::NotIntegrated,
        Column::Arranged,
        Column::Cross,
        Column::CrossShare,
        Column::IndustryShare,
        Column::Errors,
        Column::Warnings,
    ];

    /// Header text.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Column::County => lang.pick("旗县", "County"),
            Column::Code => lang.pick("代码", "Code"),
            Column::Year => lang.pick("年度", "Year"),
            Column::Revision => lang.pick("版本", "Rev."),
            Column::Status => lang.pick("状态", "Status"),
            Column::Allocated => lang.pick("下达", "Allocated"),
            Column::Integrated => lang.pick("纳入整合", "Integrated"),
            Column::NotIntegrated => lang.pick("未纳入", "Not integr."),
            Column::Arranged => lang.pick("已安排", "Arranged"),
            Column::Cross => lang.pick("跨类别", "Cross-cat."),
            Column::CrossShare => lang.pick("跨类别占比", "Cross %"),
            Column::IndustryShare => lang.pick("产业占比", "Industry %"),
            Column::Errors => lang.pick("错误", "Errors"),
            Column::Warnings => lang.pick("警告", "Warnings"),
        }
    }

    fn cmp(self, a: &Row, b: &Row) -> Ordering {
        match self {
            Column::County => a.county.cmp(&b.county),
            Column::Code => a.code.cmp(&b.code),
            Column::Year => a.year.cmp(&b.year),
            Column::Revision => a.revision.cmp(&b.revision),
            Column::Status => a.status.cmp(&b.status),
            Column::Allocated => a.allocated.cmp(&b.allocated),
            Column::Integrated => a.integrated.cmp(&b.integrated),
            Column::NotIntegrated => a.not_integrated().cmp(&b.not_integrated()),
            Column::Arranged => a.arranged.cmp(&b.arranged),
            Column::Cross => a.cross_category.cmp(&b.cross_category),
            Column::CrossShare => a.cross_share().cmp(&b.cross_share()),
            Column::IndustryShare => a.industry_share().cmp(&b.industry_share()),
            Column::Errors => a.errors.cmp(&b.errors),
            Column::Warnings => a.warnings.cmp(&b.warnings),
        }
    }
}

/// A folder of plans rolled up.
pub struct Rollup {
    /// What was rolled up.
    pub paths: Vec<PathBuf>,
    /// The roll-up; rows kept in display order.
    pub summary: Summary,
    /// Sort column and whether descending.
    pub sort: Option<(Column, bool)>,
    /// Why the receipt register could not be read or written, if so.
    pub register_error: Option<crate::register::RegisterError>,
}

impl Rollup {
    /// The register this roll-up checked against (in the first folder rolled up).
    pub fn register_path(&self) -> Option<PathBuf> {
        crate::register::path_for(&self.paths)
    }

    /// Whether the plan in `path` is one of the rows (by path as listed).
    pub fn lists(&self, path: &std::path::Path) -> bool {
        self.summary.rows.iter().any(|r| r.path == path)
    }
}

impl Rollup {
    /// Sorts by `column`; the same column again reverses the order.
    pub fn sort_by(&mut self, column: Column) {
        let descending = matches!(self.sort, Some((c, false)) if c == column);
        self.sort = Some((column, descending));
        self.summary.rows.sort_by(|a, b| {
            let o = column.cmp(a, b).then_with(|| a.path.cmp(&b.path));
            if descending { o.reverse() } else { o }
        });
    }
}

impl Compare {
    /// The open plan compared with the plan in `path`.
    pub fn of(path: PathBuf, doc: &Document) -> Result<Compare, file::LoadError> {
        let old = file::load_plan(&path)?;
        let d = diff(&old, doc.plan(), doc.catalog());
        Ok(Compare {
            path,
            old,
            diff: d,
            state: doc.state(),
        })
    }

    /// Recomputes the comparison after the open plan changed.
    pub fn refresh(&mut self, doc: &Document) {
        if self.state != doc.state() {
            self.diff = diff(&self.old, doc.plan(), doc.catalog());
            self.state = doc.state();
        }
    }
}

/// The reviewer's side state apart from the open plan (the comparison
/// belongs to the plan's session).
#[derive(Default)]
pub struct League {
    /// The roll-up.
    pub rollup: Option<Rollup>,
}

impl League {
    /// Rolls up `paths` (files or folders) and checks them against the
    /// receipt register in the (first) folder, registering new seals.
    pub fn summarize(&mut self, paths: Vec<PathBuf>) {
        let scan = crate::scan::scan_paths(&paths);
        let mut summary = summarize(&scan.files, None);
        // Folders that could not be read are listed with the files that failed.
        summary.failures.extend(scan.problems);
        let register_error = crate::register::path_for(&paths).and_then(|path| {
            check_register(&mut summary, &path, &crate::digest::now_rfc3339()).err()
        });
        self.rollup = Some(Rollup {
            summary,
            paths,
            sort: None,
            register_error,
        });
    }
}
