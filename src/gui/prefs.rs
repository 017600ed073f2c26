//! What the app remembers between runs, apart from the open document.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::money::Unit;

/// Persisted preferences (eframe storage, key [`Prefs::KEY`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Interface language.
    pub lang: Lang,
    /// Unit amounts are shown and typed in.
    pub unit: Unit,
    /// Recently opened or saved plans, newest first.
    pub recent: Vec<PathBuf>,
    /// True once the app has started before (the first start opens the sample).
    pub started_before: bool,
    /// The reviewer's name and office, written into review decisions.
    pub reviewer: String,
}

/// Recent files kept.
const RECENT_MAX: usize = 8;

impl Prefs {
    /// Storage key.
    pub const KEY: &'static str = "fundplan-prefs";

    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_list_is_newest_first_without_duplicates() {
        let mut p = Prefs::default();
        for name in ["a", "b", "a", "c"] {
            p.remember(PathBuf::from(name));
        }
        assert_eq!(
            p.recent,
            vec![PathBuf::from("c"), PathBuf::from("a"), PathBuf::from("b")]
        );
    }
}
