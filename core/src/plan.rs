//! The plan file: one banner's consolidation plan for one year and revision.
//!
//! This is the contract of `spec/plan-format.md`, restated:
//!
//! * A plan is UTF-8 RON. Struct names before `(` are optional when reading.
//! * `format` is `"fundplan-plan"`, `format_version` is `1`. A newer version is a
//!   load error that names the version the file needs.
//! * Money is a **string** of yuan with at most two decimals (`"38000000.00"`);
//!   a bare number in a money field is a load error. See [`Money`].
//! * Unknown fields are load errors; a file over 16 MiB is refused unread.
//! * `sources` holds every catalog line (`C..` central, `R..` region) and the
//!   plan's own lines (`L..` league, `X..` county); `projects` arrange the
//!   integrated money, each through `funding` entries that name a source line.
//! * `submission` is written only by the submit action; `review` only by the
//!   league reviewer. Neither is part of the [digest](crate::digest).
//!
//! Paths into a plan (review comment targets, validator findings) are built by
//! [`path`] in the grammar `header.<field>`, `county.<field>`, `sources[<line>]`,
//! `sources[<line>].<field>`, `projects[<id>]`, `projects[<id>].<field>`,
//! `projects[<id>].funding[<line>]`, or empty for the plan as a whole.
//!
//! A `Plan` in memory is always well-formed (it parsed); whether its *content*
//! is acceptable is the [validator](crate::validate)'s judgement.

use serde::{Deserialize, Serialize};

use crate::format::{FormatVersion, PlanFormat};
use crate::money::Money;

pub use crate::enums::{Category, CountyKind, Decision, Level, Use};

pub mod fields;
mod ids;
pub mod path;

pub use ids::IdsUsedUp;

/// One banner's consolidation plan (统筹整合使用财政涉农涉牧资金实施方案).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Always `"fundplan-plan"`.
    pub format: PlanFormat,
    /// File format version this plan is written in.
    pub format_version: FormatVersion,
    /// Id of the catalog the plan was drafted against, e.g. `nm-2017`.
    pub catalog: String,
    /// Budget year.
    pub year: u16,
    /// The banner (旗县) the plan belongs to.
    pub county: County,
    /// 1 = 年初方案; every 调整 increases it.
    pub revision: u32,
    /// Reason and approval of an adjustment; required when `revision` > 1.
    pub adjustment: Option<Adjustment>,
    /// Who drafted the plan (usually the banner's finance bureau).
    pub prepared_by: String,
    /// 审定会议/文号; may be empty while drafting.
    pub approval: String,
    /// Fund lines: every catalog line, then own league and county lines.
    pub sources: Vec<Source>,
    /// Projects the integrated money is arranged to.
    pub projects: Vec<Project>,
    /// The seal written by the submit action.
    pub submission: Option<Submission>,
    /// The league reviewer's decision and comments.
    pub review: Option<Review>,
}

/// The banner a plan belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct County {
    /// 6-digit administrative division code, `15….` in Inner Mongolia.
    pub code: String,
    /// Name, e.g. 武川县.
    pub name: String,
    /// 盟市 the banner belongs to.
    pub league: String,
    /// 国贫旗县 or 区贫旗县.
    pub kind: CountyKind,
}

/// Why and by what decision a plan was adjusted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adjustment {
    /// 调整原因.
    pub reason: String,
    /// 批复文号.
    pub approval: String,
}

/// One fund line of the plan: what was allocated and how much of it is integrated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Catalog code (`C01`, `R03`) or own code (`L01`, `X02`).
    pub line: String,
    /// Government level the money comes from.
    pub level: Level,
    /// 资金名称.
    pub name: String,
    /// 资金大类.
    pub category: Category,
    /// 下达文号; may be empty.
    pub document: String,
    /// 下达金额.
    pub allocated: Money,
    /// 纳入整合金额.
    pub integrated: Money,
    /// 未纳入整合原因; required when `integrated` < `allocated`.
    pub reason: String,
}

impl Source {
    /// 未纳入整合金额: allocated minus integrated.
    pub fn not_integrated(&self) -> Money {
        self.allocated - self.integrated
    }

    /// True for C and R lines, which come from the catalog.
    pub fn is_catalog_line(&self) -> bool {
        self.line.starts_with(['C', 'R'])
    }
}

/// A project the county arranges integrated money to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Unique within the plan and stable across revisions, e.g. `P001`.
    pub id: String,
    /// 项目名称.
    pub name: String,
    /// 使用方向.
    #[serde(rename = "use")]
    pub use_: Use,
    /// 苏木乡镇.
    pub township: String,
    /// 嘎查村; may be empty.
    pub village: String,
    /// 实施单位 / 责任单位.
    pub unit: String,
    /// 建设内容; may be empty.
    pub content: String,
    /// 实施期限, e.g. `2020-04/2020-10`; may be empty.
    pub period: String,
    /// 受益脱贫户 (households).
    pub households: u32,
    /// 受益人口 (people).
    pub people: u32,
    /// 绩效目标; may be empty while drafting.
    pub targets: String,
    /// Which source lines pay for it, and how much each.
    pub funding: Vec<Funding>,
    /// 自筹/社会资金 outside the integration.
    pub other_funds: Money,
}

impl Project {
    /// Integrated money arranged to this project.
    pub fn integrated_total(&self) -> Money {
        self.funding.iter().map(|f| f.amount).sum()
    }
}

/// One source line's contribution to a project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// The source line paying.
    pub line: String,
    /// How much, in yuan.
    pub amount: Money,
}

/// The seal the submit action writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// RFC 3339 time of submission.
    pub at: String,
    /// App and version that sealed it, e.g. `fundplan 0.1.0`.
    pub app: String,
    /// `sha256:` and 64 lowercase hex digits; see [`crate::digest`].
    pub digest: String,
    /// Number of warnings at submission (errors were zero).
    pub warnings: u32,
}

/// The league reviewer's decision and comments.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Reviewer, e.g. 呼和浩特市财政局 农业科.
    pub reviewer: String,
    /// RFC 3339 time of the decision.
    pub at: String,
    /// Pending, Returned or Approved.
    pub decision: Decision,
    /// Comments on the plan or on one of its parts.
    pub comments: Vec<Comment>,
    /// Earlier rounds of review (round 1, 2 …), oldest first: when a returned
    /// plan is sealed again, the review it was returned with moves here and
    /// stays read-only. Written only when not empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Round>,
}

/// One finished round of review, kept when the plan was resubmitted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// Who decided.
    pub reviewer: String,
    /// RFC 3339 time of the decision.
    pub at: String,
    /// What was decided (usually Returned).
    pub decision: Decision,
    /// The comments of that round.
    pub comments: Vec<Comment>,
    /// The seal digest of the revision this round judged, so the diff against
    /// the returned revision can be found and checked.
    pub digest: String,
}

impl Review {
    /// What only the reviewer may change: everything but the county's 已处理
    /// marks, which are cleared in the copy returned.
    pub fn reviewer_part(&self) -> Review {
        let mut r = self.clone();
        for c in &mut r.comments {
            c.resolved = None;
        }
        r
    }

    /// Moves the current decision and comments into [`Review::history`] as a
    /// finished round for the revision sealed with `judged` and starts a new,
    /// pending round: what happens when a returned plan is submitted again.
    pub fn start_new_round(&mut self, judged: &str) {
        let round = Round {
            reviewer: std::mem::take(&mut self.reviewer),
            at: std::mem::take(&mut self.at),
            decision: std::mem::take(&mut self.decision),
            comments: std::mem::take(&mut self.comments),
            digest: judged.to_string(),
        };
        self.history.push(round);
    }
}

/// A reviewer's remark on a path of the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    /// Path of what is commented on; empty for the plan as a whole.
    pub target: String,
    /// The remark.
    pub text: String,
    /// The reviewer who wrote it; empty in files from before authors were kept.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// RFC 3339 time it was written; empty in older files.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
    /// The county's 已处理 mark with its own note; the reviewer's text stays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<Resolution>,
}

/// The county's answer to a comment: marked 已处理, with a note.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// What the county did about it; may be empty.
    pub note: String,
    /// RFC 3339 time it was marked.
    pub at: String,
}

impl Plan {
    /// The source row of `line`, if any (the first one when codes repeat).
    pub fn source(&self, line: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.line == line)
    }

    /// Total integrated over all source rows.
    pub fn integrated_total(&self) -> Money {
        self.sources.iter().map(|s| s.integrated).sum()
    }
}
