//! The receipt register (收件登记): what the league received, so that a file
//! changed and sealed again later is noticed.
//!
//! The seal is an unkeyed SHA-256 ([`crate::digest`]): anyone can seal an
//! edited file again, so an intact seal only shows that the content matches its
//! own seal. The register is the check that holds when plans travel by e-mail:
//! the first time the league sees a sealed plan of a banner, year and revision,
//! it writes down the digest and when it was received; from then on a file of
//! the same banner, year and revision with another digest is flagged
//! (与登记不符, `mismatch`). A plan resubmitted after a return carries the
//! digest of the revision it was returned for in its review history; when that
//! is the registered digest, the new seal is the legitimate successor and is
//! registered too.
//!
//! The register is a RON file, [`FILE_NAME`], in the folder the league rolls up
//! (or, for a single plan opened in the app, in the app's data folder). It is
//! written atomically; a broken register is reported, never silently replaced.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::digest::SealState;
use crate::plan::Plan;

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
}

impl Mark {
    /// `new`, `match`, `mismatch`, `unsealed`: the JSON spelling.
    pub fn code(self) -> &'static str {
        match self {
            Mark::Unsealed => "unsealed",
            Mark::New => "new",
            Mark::Match => "match",
            Mark::Mismatch => "mismatch",
        }
    }

    /// The label people read; empty when there is nothing to say.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Mark::Unsealed => "",
            Mark::New => lang.pick("新登记", "newly registered"),
            Mark::Match => lang.pick("与登记一致", "matches the register"),
            Mark::Mismatch => lang.pick("与登记不符", "differs from the register"),
        }
    }
}

const TAG: &str = "fundplan-register";

impl Register {
    /// The register in `path`; an empty one when the file does not exist.
    /// Any other failure is an error (the file is left alone).
    pub fn load(path: &Path) -> Result<Register, RegisterError> {
        let broken = |why| RegisterError::Broken {
            path: path.to_path_buf(),
            why,
        };
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Register {
                    format: TAG.into(),
                    entries: Vec::new(),
                });
            }
            Err(e) => return Err(broken(Broken::Io(e.into()))),
        };
        match ron::from_str::<Register>(&text) {
            Ok(r) if r.format == TAG => Ok(r),
            Ok(r) => Err(broken(Broken::Format(r.format))),
            Err(e) => Err(broken(Broken::Syntax {
                zh: format!(
                    "第 {} 行第 {} 列：{}",
                    e.span.start.line,
                    e.span.start.col,
                    crate::file::syntax_zh(&e.code)
                ),
                en: e.to_string(),
            })),
        }
    }

    /// Writes the register to `path` atomically.
    pub fn save(&self, path: &Path) -> Result<(), RegisterError> {
        let config = ron::ser::PrettyConfig::new().indentor("    ".to_string());
        let text = ron::ser::to_string_pretty(self, config)
            .map_err(|e| RegisterError::Serialize(e.to_string()))?;
        crate::file::write_atomic(path, format!("{text}\n").as_bytes())
            .map_err(|e| RegisterError::Save(Box::new(e)))
    }

    /// Checks a plan's receipt against the register and registers a seal seen
    /// for the first time (or the successor of a registered, returned one) at
    /// `now`.
    pub fn check_receipt(&mut self, r: &Receipt, now: &str) -> Mark {
        if !r.intact {
            return Mark::Unsealed;
        }
        let same = |e: &&Entry| e.code == r.code && e.year == r.year && e.revision == r.revision;
        if self
            .entries
            .iter()
            .filter(same)
            .any(|e| e.digest == r.digest)
        {
            return Mark::Match;
        }
        match self.entries.iter().rev().find(same) {
            Some(e) if !r.judged.contains(&e.digest) => Mark::Mismatch,
            _ => {
                self.entries.push(Entry {
                    code: r.code.clone(),
                    year: r.year,
                    revision: r.revision,
                    digest: r.digest.clone(),
                    received: now.to_string(),
                });
                Mark::New
            }
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
    /// Digests of the revisions earlier review rounds judged.
    pub judged: Vec<String>,
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
        }
    }
}

/// Why the register could not be read or written.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::Zh))]
pub enum RegisterError {
    /// The register file exists but cannot be read as one: it is left alone
    /// and nothing is registered.
    Broken {
        /// The register file.
        path: PathBuf,
        /// Why.
        why: Broken,
    },
    /// The register could not be written (the old file is untouched).
    Save(Box<crate::file::SaveError>),
    /// The register could not be put into text (the serializer's words).
    Serialize(String),
}

/// Why a register file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Broken {
    /// The operating system's reason.
    Io(crate::ioerr::IoReason),
    /// Another `format` than `fundplan-register` (another kind of file).
    Format(String),
    /// Not valid RON of a register: in Chinese, and the parser's English.
    Syntax {
        /// Chinese.
        zh: String,
        /// English, as the parser says it.
        en: String,
    },
}

impl RegisterError {
    /// The error as sentences in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RegisterError::Broken { path, why } => {
                let why = match why {
                    Broken::Io(e) => e.message(lang),
                    Broken::Format(f) => match lang {
                        Lang::Zh => format!("文件类型为“{}”", crate::text::clip(f)),
                        Lang::En => format!("format \"{f}\""),
                    },
                    Broken::Syntax { zh, .. } if lang == Lang::Zh => zh.clone(),
                    Broken::Syntax { en, .. } => en.clone(),
                };
                match lang {
                    Lang::Zh => format!(
                        "收件登记文件 {} 无法读取（{why}），未改动它，也未登记。请修复或移走该文件。",
                        path.display()
                    ),
                    Lang::En => format!(
                        "The receipt register {} cannot be read ({why}); it was left as it is and nothing was registered. Repair or move the file.",
                        path.display()
                    ),
                }
            }
            RegisterError::Save(e) => e.message(lang),
            RegisterError::Serialize(e) => match lang {
                Lang::Zh => "无法生成收件登记文件的内容".to_string(),
                Lang::En => e.clone(),
            },
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

/// Whether a file found in a folder is no plan at all: the register, or
/// eframe's settings file (`app.ron`, a map `{…}`; a plan starts with `(`).
pub fn is_not_a_plan(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if name == FILE_NAME {
        return true;
    }
    name == "app.ron"
        && std::fs::read_to_string(path).is_ok_and(|t| t.trim_start().starts_with('{'))
}
