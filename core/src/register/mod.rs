//! The receipt register (收件登记): what the league received and decided, so
//! that a file changed and sealed again later is noticed, and a decision the
//! league never took is not believed.
//!
//! The seal is an unkeyed SHA-256 ([`crate::digest`]): anyone can seal an
//! edited file again, so an intact seal only shows that the content matches its
//! own seal. The register is the check that holds when plans travel by e-mail:
//! the first time the league sees a sealed plan of a banner, year and revision,
//! it writes down the digest and when it was received; from then on a file of
//! the same banner, year and revision with another digest is flagged
//! (与登记不符, `mismatch`). Two different unregistered seals of one banner,
//! year and revision met in one run are both `conflict` (冲突): neither is
//! registered, as the register cannot tell which one the banner sent.
//!
//! A plan's `review` section is outside the seal, so the register keeps the
//! league's own decisions: when a reviewer returns or approves a plan, the
//! decision, the reviewer and the time are recorded for its digest. A plan
//! resubmitted after a return is registered as the successor only when the
//! register itself holds the return of the digest registered for that
//! revision and the plan's review history names it; a decision the plan claims
//! but the register does not hold is [`ReviewMark::Unregistered`].
//!
//! The register is a RON file, [`FILE_NAME`], in the folder the league rolls up
//! (or, for a single plan opened in the app, in its folder when that has one,
//! else in the app's data folder). Every change is read-modify-write under an
//! advisory lock on a file beside it ([`update`]), so concurrent roll-ups lose
//! no entry. It is written atomically; a broken register is reported, never
//! silently replaced.

mod check;
mod error;
mod receive;
mod store;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::digest::SealState;
use crate::enums::Decision;
use crate::plan::Plan;

pub use error::{Broken, RegisterError};
pub use receive::{Received, decide, receive};
pub use store::{lock_path, update};

/// Name of the register file.
pub const FILE_NAME: &str = "fundplan-register.ron";

/// One received seal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Banner division code.
    pub code: String,
    /// Budget year.
    pub year: u16,
    /// Revision.
    pub revision: u32,
    /// The seal's digest.
    pub digest: String,
    /// RFC 3339 time it was first received.
    pub received: String,
    /// The league's decision on this digest, once a reviewer returned or
    /// approved it (absent in registers written before decisions were kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decided>,
}

/// A decision the league recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decided {
    /// Returned or Approved.
    pub decision: Decision,
    /// Who decided.
    pub reviewer: String,
    /// RFC 3339 time of the decision.
    pub at: String,
}

/// The register file's content.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Register {
    /// Always `"fundplan-register"`.
    pub format: String,
    /// Entries in the order received.
    pub entries: Vec<Entry>,
}

/// What the register says about one file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Not sealed (or the seal is broken): nothing to register.
    #[default]
    Unsealed,
    /// Seen for the first time now (and registered).
    New,
    /// The registered digest.
    Match,
    /// Another digest than the one registered for its banner, year and revision.
    Mismatch,
    /// One of two or more different unregistered seals of one banner, year and
    /// revision met together: none of them is registered.
    Conflict,
}

impl Mark {
    /// `new`, `match`, `mismatch`, `conflict`, `unsealed`: the JSON spelling.
    pub fn code(self) -> &'static str {
        match self {
            Mark::Unsealed => "unsealed",
            Mark::New => "new",
            Mark::Match => "match",
            Mark::Mismatch => "mismatch",
            Mark::Conflict => "conflict",
        }
    }

    /// The label people read; empty when there is nothing to say.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Mark::Unsealed => "",
            Mark::New => lang.pick("新登记", "newly registered"),
            Mark::Match => lang.pick("与登记一致", "matches the register"),
            Mark::Mismatch => lang.pick("与登记不符", "differs from the register"),
            Mark::Conflict => lang.pick("冲突", "conflicting copies"),
        }
    }

    /// A file the register refuses (mismatch or conflict): it never counts in
    /// a roll-up's totals and never supersedes another file.
    pub fn refused(self) -> bool {
        matches!(self, Mark::Mismatch | Mark::Conflict)
    }

    /// A file whose digest the register holds (now or from before).
    pub fn registered(self) -> bool {
        matches!(self, Mark::New | Mark::Match)
    }
}

/// What the register says about the decision a plan's `review` claims.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ReviewMark {
    /// No register was consulted (`--no-register`, or it could not be read):
    /// the plan's own word stands, unchecked.
    #[default]
    Unchecked,
    /// The plan claims no decision (none, or 待审).
    None,
    /// The register holds the decision the plan claims, for its digest.
    Registered,
    /// The plan claims a decision the register does not hold.
    Unregistered,
}

impl ReviewMark {
    /// `unchecked`, `none`, `registered`, `unregistered`: the JSON spelling.
    pub fn code(self) -> &'static str {
        match self {
            ReviewMark::Unchecked => "unchecked",
            ReviewMark::None => "none",
            ReviewMark::Registered => "registered",
            ReviewMark::Unregistered => "unregistered",
        }
    }

    /// The mark of a plan that claims `claimed` (its review's decision, if
    /// Returned or Approved), whose receipt the register marked `mark` and for
    /// whose digest it holds `held`.
    pub fn of(claimed: Option<Decision>, mark: Mark, held: Option<Decision>) -> ReviewMark {
        match claimed {
            None => ReviewMark::None,
            Some(c) if mark.registered() && held == Some(c) => ReviewMark::Registered,
            Some(_) => ReviewMark::Unregistered,
        }
    }

    /// The label people read; empty when there is nothing to say.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ReviewMark::Unregistered => {
                lang.pick("审核状态与登记不符", "review state not in the register")
            }
            _ => "",
        }
    }
}

/// What the register needs of a plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Receipt {
    /// Banner code.
    pub code: String,
    /// Year.
    pub year: u16,
    /// Revision.
    pub revision: u32,
    /// The seal's digest (empty without one).
    pub digest: String,
    /// Sealed, and the seal holds.
    pub intact: bool,
    /// Digests of the revisions earlier review rounds judged (the plan's word).
    pub judged: Vec<String>,
    /// The decision the plan's `review` claims (Returned or Approved).
    pub claimed: Option<Decision>,
}

impl Receipt {
    /// The receipt of `plan`, whose seal state (`digest::seal_state`) the
    /// caller already knows: it is computed once per change of the plan.
    pub fn sealed(plan: &Plan, seal: SealState) -> Receipt {
        Receipt {
            code: plan.county.code.clone(),
            year: plan.year,
            revision: plan.revision,
            digest: plan
                .submission
                .as_ref()
                .map(|s| s.digest.clone())
                .unwrap_or_default(),
            intact: seal == SealState::Intact,
            judged: plan
                .review
                .iter()
                .flat_map(|r| r.history.iter().map(|h| h.digest.clone()))
                .collect(),
            claimed: plan
                .review
                .as_ref()
                .map(|r| r.decision)
                .filter(|d| *d != Decision::Pending),
        }
    }
}

/// Where the register of a roll-up of `paths` lives: in the first folder
/// given, else in the folder of the first file.
pub fn path_for(paths: &[PathBuf]) -> Option<PathBuf> {
    let first = paths.first()?;
    let dir = if first.is_dir() {
        first.clone()
    } else {
        match first.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        }
    };
    let dir = paths.iter().find(|p| p.is_dir()).cloned().unwrap_or(dir);
    Some(dir.join(FILE_NAME))
}

/// Whether a regular file found in a folder is eframe's settings file
/// (`app.ron`, a map `{…}`; a plan starts with `(`), which is no plan. The
/// register is skipped by the scan only where it is the one in use.
pub fn is_not_a_plan(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name == "app.ron"
        && crate::file::read_text(path)
            .is_ok_and(|t| crate::file::without_bom(&t).trim_start().starts_with('{'))
}
