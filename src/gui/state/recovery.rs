//! Unsaved work survives a crash: while the plan has unsaved changes it is
//! written to a recovery file in the app's data folder, at most once per
//! interval (30 s); the next start offers to restore it.

use std::path::{Path, PathBuf};

use crate::document::Document;
use crate::file;
use crate::plan::Plan;

/// How often, at most, unsaved changes are written (seconds).
pub const INTERVAL: f64 = 30.0;

/// What a previous run left behind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The file the plan came from, if it had one.
    pub file: Option<PathBuf>,
    /// When it was written (RFC 3339, Beijing time).
    pub at: String,
    /// The unsaved plan.
    pub plan: Plan,
}

/// The recovery file's keeper.
pub struct Recovery {
    dir: Option<PathBuf>,
    interval: f64,
    last_write: Option<f64>,
    written_state: Option<u64>,
}

impl Recovery {
    /// Recovery in `dir` (none: recovery off), writing at most every `interval` s.
    pub fn new(dir: Option<PathBuf>, interval: f64) -> Recovery {
        Recovery {
            dir,
            interval,
            last_write: None,
            written_state: None,
        }
    }

    fn plan_path(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join("recovery.ron"))
    }

    fn meta_path(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join("recovery.txt"))
    }

    /// Writes the plan if it has unsaved changes not yet written and the
    /// interval has passed; removes the files once the plan is saved. Returns
    /// the seconds until a pending write is due, so the caller can wake up then.
    pub fn tick(&mut self, now: f64, doc: &Document) -> Option<f64> {
        if !doc.is_dirty() {
            if self.written_state.is_some() {
                self.clear();
            }
            return None;
        }
        if self.written_state == Some(doc.state()) {
            return None;
        }
        let due = self.last_write.map_or(now, |t| t + self.interval);
        if now < due {
            return Some(due - now);
        }
        let (Some(plan_path), Some(meta_path)) = (self.plan_path(), self.meta_path()) else {
            return None;
        };
        // A folder that cannot be made shows up as the write below failing
        // (and is said there, once).
        std::fs::create_dir_all(self.dir.as_deref().unwrap_or(Path::new("."))).ok();
        let meta = format!(
            "{}\n{}\n",
            crate::digest::now_rfc3339(),
            doc.path()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        );
        // Best effort: failing to write a recovery file must not disturb
        // editing; it is logged (once), not shown.
        match file::write_atomic(&plan_path, file::plan_to_string(doc.plan()).as_bytes()) {
            Ok(()) => {
                // The plan file alone is still recoverable: `find` reads the meta
                // file as optional, so its failure is not said.
                file::write_atomic(&meta_path, meta.as_bytes()).ok();
                self.written_state = Some(doc.state());
            }
            Err(e) => {
                crate::logger::warn_once(format!(
                    "恢复文件未写入：{} / The recovery file was not written: {}",
                    e.message(crate::Lang::Zh),
                    e.message(crate::Lang::En)
                ));
            }
        }
        self.last_write = Some(now);
        None
    }

    /// Removes the recovery files (the plan was saved, or the user discarded them).
    pub fn clear(&mut self) {
        for p in [self.plan_path(), self.meta_path()].into_iter().flatten() {
            // Best effort: a file already gone is the wanted outcome, and one that
            // cannot be removed is only offered again at the next start.
            std::fs::remove_file(&p).ok();
        }
        self.written_state = None;
    }

    /// What a previous run left, if anything readable.
    pub fn find(&self) -> Option<Found> {
        let plan = file::load_plan(&self.plan_path()?).ok()?;
        let meta = std::fs::read_to_string(self.meta_path()?).unwrap_or_default();
        let mut lines = meta.lines();
        let at = lines.next().unwrap_or_default().to_string();
        let file = lines.next().filter(|l| !l.is_empty()).map(PathBuf::from);
        Some(Found { file, at, plan })
    }
}
