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
    /// Light, dark, or as the system says (absent in older settings: system).
    pub appearance: Appearance,
    /// Choose files with the app's own path dialog, not the system's (视图 ›
    /// 使用内置文件对话框; `FUNDPLAN_FILE_DIALOG=builtin` does the same for one run).
    pub builtin_file_dialog: bool,
}

/// 外观: how the window looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Appearance {
    /// 跟随系统.
    #[default]
    System,
    /// 浅色: dark text on white, like the spreadsheets officers know.
    Light,
    /// 深色.
    Dark,
}

impl Appearance {
    /// Every choice, in menu order.
    pub const ALL: [Appearance; 3] = [Appearance::System, Appearance::Light, Appearance::Dark];

    /// The menu text.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Appearance::System => lang.pick("跟随系统", "Follow the system"),
            Appearance::Light => lang.pick("浅色", "Light"),
            Appearance::Dark => lang.pick("深色", "Dark"),
        }
    }

    /// What egui is told.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Appearance::System => egui::ThemePreference::System,
            Appearance::Light => egui::ThemePreference::Light,
            Appearance::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Recent files kept.
const RECENT_MAX: usize = 8;

impl Prefs {
    /// Storage key.
    pub const KEY: &'static str = "fundplan-prefs";

    /// Puts `path` first in the recent list, absolute (a relative one
    /// would mean another file once the working directory changes).
    pub fn remember(&mut self, path: PathBuf) {
        let path = super::files::absolute(&path);
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }

    /// The recent list with every path absolute, read against this run's
    /// working directory (a run before paths were made absolute kept them
    /// relative), each file once: an old relative entry and the absolute one
    /// for the same file are one entry, the first kept.
    pub fn with_absolute_recent(self) -> Prefs {
        let mut recent: Vec<PathBuf> = Vec::with_capacity(self.recent.len());
        for path in self.recent.iter().map(|p| super::files::absolute(p)) {
            if !recent.contains(&path) {
                recent.push(path);
            }
        }
        Prefs { recent, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_written_before_appearance_existed_still_load() {
        let old = r#"(lang: En, unit: Yuan, recent: ["a.ron"], started_before: true, reviewer: "盟财政局")"#;
        let p: Prefs = ron::from_str(old).unwrap();
        assert_eq!(p.appearance, Appearance::System);
        assert_eq!(p.reviewer, "盟财政局");
        let light = Prefs {
            appearance: Appearance::Light,
            ..p
        };
        let text = ron::to_string(&light).unwrap();
        assert_eq!(ron::from_str::<Prefs>(&text).unwrap(), light);
    }

    #[test]
    fn recent_list_is_newest_first_without_duplicates() {
        let mut p = Prefs::default();
        for name in ["a", "b", "a", "c"] {
            p.remember(PathBuf::from(name));
        }
        // Kept absolute: the working directory of a later run may differ.
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(p.recent, vec![cwd.join("c"), cwd.join("a"), cwd.join("b")]);
    }

    #[test]
    fn an_old_relative_recent_entry_and_its_absolute_twin_show_once() {
        let cwd = std::env::current_dir().unwrap();
        let p = Prefs {
            recent: vec![
                PathBuf::from("a/p.ron"),
                cwd.join("a/p.ron"),
                PathBuf::from("b.ron"),
            ],
            ..Prefs::default()
        };
        assert_eq!(
            p.with_absolute_recent().recent,
            vec![cwd.join("a/p.ron"), cwd.join("b.ron")]
        );
    }
}
