//! The built-in path dialog's state and what its OK does: the path typed,
//! the folder listed, the recent folders, and the answer (an [`Action`], a
//! question before overwriting, or a problem to show).

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

use super::listing::{self, Listing};
use super::{FileAction, Kind};
use crate::gui::state::action::Action;
use crate::gui::state::dialog::{Message, Pending};
use crate::{Lang, Text};

/// Why the built-in dialog is shown instead of the system's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// No xdg portal with a file chooser and no zenity.
    Unavailable,
    /// The user chose it (menu or `FUNDPLAN_FILE_DIALOG=builtin`).
    Chosen,
}

impl Why {
    /// The one line shown at the top of the dialog.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Why::Unavailable => lang.pick(
                "未找到系统文件对话框（xdg 桌面门户或 zenity），请输入路径。",
                "No system file dialog was found (xdg desktop portal or zenity): type or paste a path.",
            ),
            Why::Chosen => lang.pick(
                "正在使用内置文件对话框（视图 › 使用内置文件对话框，或 FUNDPLAN_FILE_DIALOG=builtin）。",
                "The built-in file dialog is in use (View › Use the built-in file dialog, or FUNDPLAN_FILE_DIALOG=builtin).",
            ),
        }
    }
}

/// Why OK did not finish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nothing typed.
    Empty,
    /// The folder does not exist (or is not a folder).
    NoFolder(PathBuf),
    /// The file does not exist.
    NoFile(PathBuf),
}

impl Problem {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let (t, path) = match self {
            Problem::Empty => return lang.pick("请输入路径。", "Type a path.").to_string(),
            Problem::NoFolder(p) => (Text::new("文件夹不存在：", "No such folder: "), p),
            Problem::NoFile(p) => (Text::new("文件不存在：", "No such file: "), p),
        };
        format!("{}{}", t.get(lang), path.display())
    }
}

/// The built-in path dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathForm {
    /// What the path is for.
    pub purpose: FileAction,
    /// Why this dialog and not the system's.
    pub why: Why,
    /// The path as typed.
    pub text: String,
    /// The folders of recently opened or saved plans, newest first.
    pub recent: Vec<PathBuf>,
    /// The folder the path is in, listed.
    pub listing: Listing,
    /// Why the last OK did not finish.
    pub problem: Option<Problem>,
    /// This file exists: asking whether to replace it.
    pub overwrite: Option<PathBuf>,
    /// A message that was open when the dialog came (it replaces it).
    pub note: Option<Message>,
    /// The path field still has to take the focus: the dialog's own flag,
    /// not the session's focus request (see `state/focus.rs`).
    pub focus: bool,
    /// What waits for this Save As: the step the unsaved-changes question
    /// held (退出, 打开, ...), carried out once the plan is saved there and
    /// dropped with the dialog when it is cancelled.
    pub then: Option<Pending>,
}

impl PathForm {
    /// A dialog for `purpose` starting in `start`, with `name` as the file
    /// name of a save; `recent` are recent plans (their folders are offered).
    pub fn new(
        purpose: FileAction,
        why: Why,
        start: &Path,
        name: &str,
        recent: &[PathBuf],
    ) -> PathForm {
        let start = &super::absolute(start);
        let mut folders: Vec<PathBuf> = Vec::new();
        for dir in recent.iter().filter_map(|p| p.parent()) {
            let dir = super::absolute(dir);
            if dir.is_dir() && !folders.contains(&dir) {
                folders.push(dir);
            }
        }
        if let Some(home) = home()
            && home.is_dir()
            && !folders.contains(&home)
        {
            folders.push(home);
        }
        let mut form = PathForm {
            purpose,
            why,
            text: String::new(),
            recent: folders,
            listing: Listing::default(),
            problem: None,
            overwrite: None,
            note: None,
            focus: true,
            then: None,
        };
        form.text = match purpose.kind() {
            Kind::Save => start.join(name).display().to_string(),
            _ => String::new(),
        };
        form.enter_folder(start);
        form
    }

    /// The path typed, with `~` for the home folder, and relative to the
    /// folder listed.
    pub fn path(&self) -> PathBuf {
        let text = self.text.trim();
        let typed = match (text.strip_prefix('~'), home()) {
            (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with(['/', '\\']) => {
                home.join(rest.trim_start_matches(['/', '\\']))
            }
            _ => PathBuf::from(text),
        };
        if typed.is_relative() && !text.is_empty() {
            self.listing.folder.join(typed)
        } else {
            typed
        }
    }

    /// Lists the folder the typed path is in, if it is not listed already.
    pub fn refresh(&mut self) {
        let path = self.path();
        let folder = if self.text.trim().is_empty() {
            return;
        } else if self.text.ends_with(['/', '\\']) || path.is_dir() {
            path
        } else {
            match path.parent() {
                Some(p) if p.is_dir() => p.to_path_buf(),
                _ => return,
            }
        };
        if folder != self.listing.folder {
            self.listing = listing::list(&folder, self.purpose.shown(), listing::MAX_READ);
        }
    }

    /// Goes into `dir`: lists it, and points the path there (keeping a save's
    /// file name).
    pub fn enter_folder(&mut self, dir: &Path) {
        let name = match self.purpose.kind() {
            Kind::Save => self.path().file_name().map(|n| n.to_owned()),
            _ => None,
        };
        self.text = match (self.purpose.kind(), name) {
            (Kind::Save, Some(name)) => dir.join(name).display().to_string(),
            (Kind::Folder, _) => dir.display().to_string(),
            _ => with_separator(dir),
        };
        self.problem = None;
        self.overwrite = None;
        self.listing = listing::list(dir, self.purpose.shown(), listing::MAX_READ);
    }

    /// OK: the action the path is for, or `None` with the form saying why
    /// (a problem, a question before overwriting, or a folder entered).
    pub fn submit(&mut self) -> Option<Action> {
        self.problem = None;
        if self.text.trim().is_empty() {
            self.problem = Some(Problem::Empty);
            return None;
        }
        let mut path = self.path();
        match self.purpose.kind() {
            Kind::Open | Kind::Save if path.is_dir() => {
                self.enter_folder(&path);
                None
            }
            Kind::Open if path.is_file() => Some(self.picked(path)),
            Kind::Open => {
                self.problem = Some(match parent_of(&path) {
                    Some(dir) if !dir.is_dir() => Problem::NoFolder(dir),
                    _ => Problem::NoFile(path),
                });
                None
            }
            Kind::Folder
                if path.is_dir() || self.purpose.makes_folder() && parent_is_dir(&path) =>
            {
                Some(self.picked(path))
            }
            Kind::Folder => {
                self.problem = Some(Problem::NoFolder(path));
                None
            }
            Kind::Save => {
                if path.extension().is_none()
                    && let Some(ext) = self.purpose.extension()
                {
                    path.set_extension(ext);
                }
                if !parent_is_dir(&path) {
                    self.problem = parent_of(&path).map(Problem::NoFolder);
                    return None;
                }
                if path.exists() && self.overwrite.as_ref() != Some(&path) {
                    self.overwrite = Some(path);
                    return None;
                }
                Some(self.picked(path))
            }
        }
    }

    /// What picking `path` asks for: [`Action::Picked`], or for a Save As
    /// something waits for, [`Action::SaveAsThen`].
    pub fn picked(&self, path: PathBuf) -> Action {
        match (&self.then, self.purpose) {
            (Some(then), FileAction::SaveAs) => Action::SaveAsThen(path, then.clone()),
            _ => Action::Picked(self.purpose, path),
        }
    }

    /// 替换: the save goes ahead over the existing file.
    pub fn replace(&mut self) -> Option<Action> {
        let path = self.overwrite.clone()?;
        Some(self.picked(path))
    }
}

fn parent_of(path: &Path) -> Option<PathBuf> {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
}

fn parent_is_dir(path: &Path) -> bool {
    parent_of(path).is_some_and(|p| p.is_dir())
}

/// `dir` shown with a separator at the end, ready for a file name.
pub fn with_separator(dir: &Path) -> String {
    let mut s = dir.display().to_string();
    if !s.ends_with(['/', '\\']) {
        s.push(MAIN_SEPARATOR);
    }
    s
}

/// The user's home folder.
pub fn home() -> Option<PathBuf> {
    let var = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
    std::env::var_os(var)
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::state::files::Export;

    fn form(purpose: FileAction, dir: &Path) -> PathForm {
        PathForm::new(purpose, Why::Chosen, dir, "plan.ron", &[])
    }

    /// What waits for a Save As comes with its pick, also after 替换.
    #[test]
    fn a_save_as_something_waits_for_carries_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("old.ron"), "x").unwrap();
        let mut f = PathForm {
            then: Some(Pending::Quit),
            ..form(FileAction::SaveAs, dir.path())
        };
        f.text = "old.ron".into();
        assert!(f.submit().is_none(), "asks first");
        assert!(matches!(
            f.replace(),
            Some(Action::SaveAsThen(p, Pending::Quit)) if p == dir.path().join("old.ron")
        ));
    }

    #[test]
    fn a_save_adds_the_extension_and_asks_before_replacing() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = form(FileAction::SaveAs, dir.path());
        f.text = dir.path().join("new").display().to_string();
        assert!(
            matches!(f.submit(), Some(Action::Picked(FileAction::SaveAs, p)) if p == dir.path().join("new.ron"))
        );
        std::fs::write(dir.path().join("old.ron"), "x").unwrap();
        f.text = "old.ron".into();
        assert!(f.submit().is_none(), "asks first");
        assert_eq!(f.overwrite, Some(dir.path().join("old.ron")));
        assert!(
            matches!(f.replace(), Some(Action::Picked(FileAction::SaveAs, p)) if p == dir.path().join("old.ron"))
        );
    }

    #[test]
    fn a_missing_folder_or_file_is_a_problem_and_a_folder_is_entered() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = form(FileAction::Open, dir.path());
        f.text = "/nonexistent/fundplan/x.ron".into();
        assert!(f.submit().is_none());
        assert_eq!(
            f.problem,
            Some(Problem::NoFolder("/nonexistent/fundplan".into()))
        );
        f.text = "missing.ron".into();
        assert!(f.submit().is_none());
        assert_eq!(
            f.problem,
            Some(Problem::NoFile(dir.path().join("missing.ron")))
        );
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        f.text = "sub".into();
        assert!(f.submit().is_none());
        assert_eq!(f.listing.folder, dir.path().join("sub"));
        assert_eq!(f.problem, None);
        let mut csv = form(FileAction::Export(Export::Csv), dir.path());
        csv.text = dir.path().join("new-folder").display().to_string();
        assert!(csv.submit().is_some(), "CSV export makes its folder");
        let mut roll = form(FileAction::Summarize, dir.path());
        roll.text = dir.path().join("new-folder").display().to_string();
        assert!(
            roll.submit().is_none(),
            "a roll-up needs a folder that exists"
        );
    }
}
