//! The eframe app: preferences, the open document, the current screen, and the
//! one place where actions are applied.

use std::path::PathBuf;

use crate::Lang;
use crate::digest::SealState;
use crate::document::{Document, bundled_sample};
use crate::edit::Edit;
use crate::file::SaveError;
use crate::gui::dialogs;
use crate::gui::screens::{catalog_ui, projects_ui, review_ui};
use crate::gui::shell::{menu_ui, nav_ui, status_ui};
use crate::gui::state::commands::UiCommand;
use crate::gui::state::dialog::{Dialog, Message, Pending};
use crate::gui::state::files::{Export, FileAction, FileDialogs, Kind, absolute};
use crate::gui::state::focus::{FocusRequest, FocusTarget};
use crate::gui::state::league::{Compare, League};
use crate::gui::state::prefs::Prefs;
use crate::gui::state::recovery::{self, Recovery};
use crate::gui::state::session::{Registered, Session};
use crate::gui::state::view::View;
use crate::plan::{Comment, Decision, path as plan_path};

mod apply;
mod catalog;
mod files;
mod frame;
mod review;
mod save;
mod switch;
#[cfg(test)]
mod tests;

use crate::gui::state::action::Action;
use crate::gui::state::screen::Screen;

/// The whole app.
pub struct FundplanApp {
    /// Persisted preferences.
    pub prefs: Prefs,
    /// The open document and all that belongs to it.
    session: Session,
    screen: Screen,
    actions: Vec<Action>,
    /// Where the receipt register of single opened plans lives.
    register_dir: Option<PathBuf>,
    /// The text field that had focus when a dialog opened: it gets it back
    /// when the dialog closes, so typing goes on where it was.
    focus_after_dialog: Option<egui::Id>,
    dialog: Option<Dialog>,
    /// A dialog waiting behind the built-in path dialog it asked for (the
    /// switch dialog's 目录文件…): shown again when the path dialog closes.
    parked: Option<Dialog>,
    files: FileDialogs,
    title: String,
    league: League,
    recovery: Recovery,
    allowed_to_close: bool,
    /// The look's tweaks are installed.
    styled: bool,
    /// Where a PDF export looks for characters the bundled font lacks.
    font_dirs: crate::export::pdf::FontDirs,
    /// Events kept back until focus has moved (see [`crate::gui::kit::input`]).
    held: crate::gui::kit::input::HeldInput,
}

impl FundplanApp {
    /// Starts the app with `file` if given, else the last plan, else (and on
    /// the first start) the bundled sample: a plan is always open.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> FundplanApp {
        crate::gui::kit::fonts::install(&cc.egui_ctx);
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, Prefs::KEY))
            .unwrap_or_default();
        FundplanApp::start(prefs, file, eframe::storage_dir("fundplan"))
    }

    /// What [`FundplanApp::new`] does once the preferences are read: opens
    /// `file`, else the last plan (not on the first start), and keeps the
    /// receipt register and unsaved work in `data` (the app's data folder).
    fn start(prefs: Prefs, file: Option<PathBuf>, data: Option<PathBuf>) -> FundplanApp {
        let first_start = !prefs.started_before;
        let prefs = prefs.with_absolute_recent();
        let last = prefs.recent.first().filter(|p| p.exists()).cloned();
        let mut app = FundplanApp::with_prefs(prefs).with_register_dir(data.clone());
        match (file, last) {
            (Some(path), _) => app.open_now(path),
            (None, Some(path)) if !first_start => app.open_now(path),
            _ => {}
        }
        app.with_recovery(data, recovery::INTERVAL)
    }

    /// Keeps unsaved work in `dir` (at most every `interval` seconds) and
    /// offers what a crashed run left there.
    pub fn with_recovery(mut self, dir: Option<PathBuf>, interval: f64) -> FundplanApp {
        self.recovery = Recovery::new(dir, interval);
        if let Some(found) = self.recovery.find() {
            // Only a message can be open this early (opening the file failed).
            let said = match self.dialog.take() {
                Some(Dialog::Error(msg) | Dialog::Info(msg)) => Some(msg),
                _ => None,
            };
            self.dialog = Some(Dialog::Recover(Box::new(found), said));
        }
        self
    }

    /// Looks for characters the bundled font lacks in `dirs` only, not in the
    /// system's fonts, when exporting a PDF (tests).
    pub fn with_font_dirs(mut self, dirs: crate::export::pdf::FontDirs) -> FundplanApp {
        self.font_dirs = dirs;
        self
    }

    /// Plays a desktop with (true) or without (false) a native file dialog,
    /// instead of looking (tests of a bare desktop).
    pub fn with_native_dialogs(mut self, available: bool) -> FundplanApp {
        self.files.native = Some(available);
        self
    }

    /// Keeps the receipt register of single opened plans in `dir` (the app's
    /// data folder; tests use a temporary one). Without it, nothing is registered.
    pub fn with_register_dir(mut self, dir: Option<PathBuf>) -> FundplanApp {
        self.register_dir = dir;
        self
    }

    /// What the receipt register says about the open plan (set when a sealed
    /// plan is opened for review).
    pub fn register_mark(&self) -> Option<crate::register::Mark> {
        self.session.register_mark()
    }

    /// What the receipt register says about the decision the open plan
    /// claims; `None` when no register was checked.
    pub fn review_mark(&self) -> Option<crate::register::ReviewMark> {
        self.session.review_mark()
    }

    /// The receipt register that keeps the open plan's receipt and the
    /// decisions on it: the 汇总's when it lists the plan, else the one in the
    /// plan's folder when there is one (a folder the league rolls up), else
    /// the one in the app's data folder (none without it).
    fn register_path(&self) -> Option<PathBuf> {
        let path = self.session.doc.path();
        if let (Some(rollup), Some(p)) = (&self.league.rollup, path)
            && rollup.lists(p)
        {
            return rollup.register_path();
        }
        let beside = path
            .and_then(std::path::Path::parent)
            .map(|d| d.join(crate::register::FILE_NAME))
            .filter(|r| std::fs::symlink_metadata(r).is_ok());
        beside.or_else(|| {
            let dir = self.register_dir.as_ref()?;
            // A folder that cannot be made shows up as the register's error
            // (a dialog) when the register is written; the log says why the
            // folder is missing, once.
            if let Err(e) = std::fs::create_dir_all(dir) {
                crate::logger::warn_once(format!(
                    "无法建立收件登记文件夹 {shown}：{} / Could not make the register's folder {shown}: {}",
                    fundplan_core::ioerr::io_reason(&e, crate::Lang::Zh),
                    fundplan_core::ioerr::io_reason(&e, crate::Lang::En),
                    shown = dir.display(),
                ));
            }
            Some(dir.join(crate::register::FILE_NAME))
        })
    }

    /// Registers the open plan if it is sealed and open for review; a broken
    /// register is reported and left alone.
    fn receive(&mut self) -> Option<Registered> {
        if !self.session.doc.is_read_only() || self.session.doc.seal() != SealState::Intact {
            return None;
        }
        let path = self.register_path()?;
        let receipt =
            crate::register::Receipt::sealed(self.session.doc.plan(), self.session.doc.seal());
        let now = crate::digest::now_rfc3339();
        let result = crate::register::receive(&path, std::slice::from_ref(&receipt), &now);
        match result.map(|got| got.first().copied().unwrap_or_default()) {
            Ok(got) => Some(Registered {
                path,
                mark: got.mark,
                held: got.held,
            }),
            Err(e) => {
                self.dialog = Some(Dialog::Error(Message::Register(std::sync::Arc::new(e))));
                None
            }
        }
    }

    /// An app showing the bundled sample, with these preferences (tests use this).
    pub fn with_prefs(mut prefs: Prefs) -> FundplanApp {
        prefs.started_before = true;
        FundplanApp {
            prefs,
            session: Session::new(Document::new(bundled_sample(), None)),
            screen: Screen::Sources,
            actions: Vec::new(),
            register_dir: None,
            focus_after_dialog: None,
            dialog: None,
            parked: None,
            files: FileDialogs::default(),
            title: String::new(),
            league: League::default(),
            recovery: Recovery::new(None, recovery::INTERVAL),
            allowed_to_close: false,
            styled: false,
            font_dirs: crate::export::pdf::FontDirs::system(),
            held: Default::default(),
        }
    }

    /// The open document.
    pub fn doc(&self) -> &Document {
        &self.session.doc
    }

    /// The project selected on the projects screen, if any.
    pub fn selected_project(&self) -> Option<usize> {
        self.session.selected_project
    }

    /// True while the open plan is compared with an earlier revision.
    pub fn is_comparing(&self) -> bool {
        self.session.compare.is_some()
    }

    /// The screen shown.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The path last jumped to (highlighted), if any.
    pub fn flash(&self) -> Option<&str> {
        self.session.flash.path()
    }

    /// True while input events wait for a later frame (see `raw_input_hook`).
    pub fn holds_input(&self) -> bool {
        self.held.is_holding()
    }

    /// The open dialog, if any.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// Queues an action as if the user had done it (tests, file dialogs).
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Saves to `path` now; the same path the Save As dialog takes.
    pub fn save_to(&mut self, path: PathBuf) -> Result<(), SaveError> {
        let path = absolute(&path);
        match self.session.doc.save_as(&path) {
            Ok(()) => {
                self.prefs.remember(path);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Replaces the open document, and with it everything that belonged to
    /// the old one (selection, jump, comparison, seal warning, disk check):
    /// the one place a document is opened, created, imported, reloaded or
    /// restored.
    fn replace_document(&mut self, doc: Document) {
        self.session = Session::new(doc);
        self.session.register = self.receive();
    }

    fn open_now(&mut self, path: PathBuf) {
        // The command line and a dropped file may give a relative path.
        let path = absolute(&path);
        match Document::open(&path) {
            Ok(doc) => {
                self.replace_document(doc);
                self.prefs.remember(path);
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.into())),
        }
    }

    /// Applies every queued action, in order.
    pub fn apply_actions(&mut self, ctx: &egui::Context) {
        let actions = std::mem::take(&mut self.actions);
        if !actions.is_empty() {
            // The state changed after this frame was drawn: draw it again.
            ctx.request_repaint();
        }
        for action in actions {
            self.apply(ctx, action);
        }
    }
}
