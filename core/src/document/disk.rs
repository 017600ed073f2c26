//! The file behind a document: opening, saving, and telling whether someone
//! else saved it meanwhile.

use std::path::{Path, PathBuf};

use crate::file;
use crate::plan::Plan;

use super::Document;

/// What the file on disk looked like when this document last read or wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct DiskStamp {
    modified: Option<std::time::SystemTime>,
    len: u64,
}

fn stamp(path: &Path) -> Option<DiskStamp> {
    let m = std::fs::metadata(path).ok()?;
    Some(DiskStamp {
        modified: m.modified().ok(),
        len: m.len(),
    })
}

impl Document {
    /// Loads a plan file. A submitted plan opens read-only (review mode).
    pub fn open(path: &Path) -> Result<Document, file::LoadError> {
        let mut doc = Document::new(file::load_plan(path)?, Some(path.to_path_buf()));
        doc.read_only = doc.plan.submission.is_some();
        doc.disk = stamp(path);
        Ok(doc)
    }

    /// A plan restored from a recovery file or imported: unsaved until saved.
    pub fn restored(plan: Plan, path: Option<PathBuf>) -> Document {
        let mut doc = Document::new(plan, path);
        doc.saved_state = u64::MAX;
        doc
    }

    /// True when the file changed on disk since this document read or wrote it
    /// (another officer saved it).
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, self.disk) {
            (Some(p), Some(seen)) => stamp(p) != Some(seen),
            _ => false,
        }
    }

    /// Writes the plan to `path` (atomically) and remembers it as saved.
    pub fn save_as(&mut self, path: &Path) -> Result<(), file::SaveError> {
        file::save_plan(&self.plan, path)?;
        self.path = Some(path.to_path_buf());
        self.disk = stamp(path);
        self.saved_state = self.current_state();
        self.coalescing = false;
        Ok(())
    }
}
