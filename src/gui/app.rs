//! The eframe app: preferences, the open document, the current screen, and the
//! one place where actions are applied.

use std::path::PathBuf;

use crate::Lang;
use crate::digest::SealState;
use crate::document::{Document, bundled_sample};
use crate::edit::Edit;
use crate::gui::dialogs::{self, Dialog, Pending};
use crate::gui::kit::widgets::View;
use crate::gui::screens::{
    compare_ui, findings_ui, header_ui, matrix_ui, projects_ui, review_ui, sources_ui, summary_ui,
};
use crate::gui::shell::{menu_ui, nav_ui, status_ui};
use crate::gui::state::commands::UiCommand;
use crate::gui::state::files::{Export, FileAction, FileDialogs};
use crate::gui::state::league::{Column, Compare, League};
use crate::gui::state::prefs::{Appearance, Prefs};
use crate::gui::state::recovery::{self, Found, Recovery};
use crate::gui::state::session::Session;
use crate::plan::{Comment, Decision, Plan, path as plan_path};

/// The screens of the left navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// 基本信息.
    Header,
    /// 资金来源.
    Sources,
    /// 项目安排.
    Projects,
    /// 整合矩阵.
    Matrix,
    /// 校验结果.
    Findings,
    /// 审核意见: decision and comments.
    Review,
    /// 版本比较.
    Compare,
    /// 汇总: the league's roll-up.
    Summary,
}

impl Screen {
    /// All screens, in navigation order.
    pub const ALL: [Screen; 8] = [
        Screen::Header,
        Screen::Sources,
        Screen::Projects,
        Screen::Matrix,
        Screen::Findings,
        Screen::Review,
        Screen::Compare,
        Screen::Summary,
    ];

    /// The navigation label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Screen::Header => lang.pick("基本信息", "Basics"),
            Screen::Sources => lang.pick("资金来源", "Fund sources"),
            Screen::Projects => lang.pick("项目安排", "Projects"),
            Screen::Matrix => lang.pick("整合矩阵", "Integration matrix"),
            Screen::Findings => lang.pick("校验结果", "Findings"),
            Screen::Review => lang.pick("审核意见", "Review"),
            Screen::Compare => lang.pick("版本比较", "Compare"),
            Screen::Summary => lang.pick("汇总", "Roll-up"),
        }
    }
}

/// Something the user did, collected while drawing and applied at the end of
/// the frame by [`FundplanApp::apply`].
#[derive(Debug)]
#[must_use]
pub enum Action {
    /// Change the plan; the key merges typing in one field into one undo step.
    Edit(Edit, Option<String>),
    /// A field lost focus: the next keystroke starts a new undo step.
    EndTyping,
    /// A menu or keyboard command.
    Command(UiCommand),
    /// Show a screen.
    Go(Screen),
    /// Select a project on the projects screen.
    SelectProject(Option<usize>),
    /// Give the keyboard focus to this widget at the start of the next frame,
    /// when it is drawn (a field that appears only after this frame's edits).
    Focus(egui::Id),
    /// Show and focus the field a path names.
    JumpTo(String),
    /// The field jumped to was drawn and focused: the jump is over.
    Jumped,
    /// Open this file (asking first if there are unsaved changes).
    Open(PathBuf),
    /// Replace the document with a new plan (from the new-plan dialog).
    Create(Box<Plan>),
    /// Save to this file.
    SaveTo(PathBuf),
    /// Ask for a catalog file to judge the plan with.
    ChooseCatalog,
    /// Judge the plan with the catalog in this file.
    LoadCatalog(PathBuf),
    /// Carry out what waited for the unsaved-changes question.
    Proceed(Pending),
    /// Close the open dialog.
    CloseDialog,
    /// Show a dialog.
    Show(Dialog),
    /// Enter review mode (true), or ask to leave it (false).
    SetReadOnly(bool),
    /// Leave review mode: the user confirmed that edits break the seal.
    Unlock,
    /// Add a review comment on a path.
    AddComment {
        /// What it is about (path grammar; empty = the plan).
        target: String,
        /// The remark.
        text: String,
    },
    /// Remove the review comment at this index.
    RemoveComment(usize),
    /// Record the reviewer's decision with their name and the time.
    Decide(Decision),
    /// The county marks the comment at this index 已处理, with its own note.
    ResolveComment(usize, String),
    /// Ask for a file to compare the open plan with.
    ChooseCompare,
    /// Compare with the revision review round `n` (from 0) judged: the file
    /// in the plan's folder sealed with that round's digest, else ask.
    CompareWithRound(usize),
    /// Compare the open plan with this earlier revision.
    CompareWith(PathBuf),
    /// Ask for a folder to roll up.
    ChooseFolder,
    /// Roll up these files or folders.
    Summarize(Vec<PathBuf>),
    /// Sort the roll-up by a column.
    SortSummary(Column),
    /// Ask where to export.
    ChooseExport(Export),
    /// Export the open plan to this file or folder.
    Export(Export, PathBuf),
    /// Ask for a workbook to import.
    ChooseImport,
    /// Import this workbook as a new, unsaved plan.
    Import(PathBuf),
    /// Restore the plan a crashed run left.
    Restore,
    /// Throw away what a crashed run left.
    DiscardRecovery,
    /// Save even though the file changed on disk.
    ForceSave(PathBuf),
    /// Read the open file again from disk (discarding changes here).
    Reload,
    /// Seal the plan: the user confirmed the submission.
    SealNow,
    /// Look light, dark, or as the system says.
    Appearance(Appearance),
    /// Fill amount cells from `path` on with cells copied from a spreadsheet
    /// (tab and newline separated), as one undo step; refused whole if a cell
    /// is not an amount or the block does not fit.
    Paste {
        /// The amount cell pasted into.
        path: String,
        /// The clipboard text.
        text: String,
    },
}

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
    /// Widget to focus from the next frame on, until it holds the focus at the
    /// end of a frame: a widget that appears for the first time (a new
    /// project's form) is first laid out unseen, and egui drops a focus given
    /// to it in that frame.
    focus_next: Option<egui::Id>,
    focus_tries: u8,
    dialog: Option<Dialog>,
    files: FileDialogs,
    title: String,
    league: League,
    recovery: Recovery,
    /// What a crashed run left, until the user restores or discards it.
    found: Option<Found>,
    allowed_to_close: bool,
    /// The look's tweaks are installed.
    styled: bool,
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
        let first_start = !prefs.started_before;
        let last = prefs.recent.first().filter(|p| p.exists()).cloned();
        let mut app =
            FundplanApp::with_prefs(prefs).with_register_dir(eframe::storage_dir("fundplan"));
        match (file, last) {
            (Some(path), _) => app.open_now(path),
            (None, Some(path)) if !first_start => app.open_now(path),
            _ => {}
        }
        app.with_recovery(eframe::storage_dir("fundplan"), recovery::INTERVAL)
    }

    /// Keeps unsaved work in `dir` (at most every `interval` seconds) and
    /// offers what a crashed run left there.
    pub fn with_recovery(mut self, dir: Option<PathBuf>, interval: f64) -> FundplanApp {
        self.recovery = Recovery::new(dir, interval);
        if let Some(found) = self.recovery.find() {
            self.dialog = Some(Dialog::Recover {
                file: found.file.clone(),
                at: found.at.clone(),
            });
            self.found = Some(found);
        }
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
        self.session.register_mark
    }

    /// Registers the open plan if it is sealed and open for review; a broken
    /// register is reported and left alone.
    fn receive(&mut self) -> Option<crate::register::Mark> {
        let dir = self.register_dir.as_ref()?;
        if !self.session.doc.is_read_only() || self.session.doc.seal() != SealState::Intact {
            return None;
        }
        let lang = self.prefs.lang;
        let path = dir.join(crate::register::FILE_NAME);
        let result = crate::register::Register::load(&path, lang).and_then(|mut reg| {
            let before = reg.entries.len();
            let mark = reg.check(self.session.doc.plan(), &crate::digest::now_rfc3339());
            if reg.entries.len() != before {
                let _ = std::fs::create_dir_all(dir);
                reg.save(&path, lang)?;
            }
            Ok(mark)
        });
        match result {
            Ok(mark) => Some(mark),
            Err(e) => {
                self.dialog = Some(Dialog::Error(e));
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
            focus_next: None,
            focus_tries: 0,
            dialog: None,
            files: FileDialogs::default(),
            title: String::new(),
            league: League::default(),
            recovery: Recovery::new(None, recovery::INTERVAL),
            found: None,
            allowed_to_close: false,
            styled: false,
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
    pub fn save_to(&mut self, path: PathBuf) -> Result<(), String> {
        match self.session.doc.save_as(&path) {
            Ok(()) => {
                self.prefs.remember(path);
                Ok(())
            }
            Err(e) => Err(e.message(self.prefs.lang)),
        }
    }

    /// Replaces the open document, and with it everything that belonged to
    /// the old one (selection, jump, comparison, seal warning, disk check):
    /// the one place a document is opened, created, imported, reloaded or
    /// restored.
    fn replace_document(&mut self, doc: Document) {
        self.session = Session::new(doc);
        self.session.register_mark = self.receive();
    }

    fn open_now(&mut self, path: PathBuf) {
        match Document::open(&path) {
            Ok(doc) => {
                self.replace_document(doc);
                self.prefs.remember(path);
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.message(self.prefs.lang))),
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

    fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Edit(edit, key) => {
                if self.session.doc.is_read_only() && edit.changes_content() {
                    self.dialog = Some(Dialog::Info(
                        self.prefs
                            .lang
                            .pick(
                                "审核模式下不能修改方案内容。如需修改，请先点击上方的“允许修改”。",
                                "The plan is open for review and cannot be changed. Click \"Allow editing\" above first.",
                            )
                            .to_string(),
                    ));
                    return;
                }
                if self.session.doc.seal() == SealState::Intact
                    && edit.changes_content()
                    && !self.session.seal_warned
                {
                    self.session.seal_warned = true;
                    self.dialog = Some(Dialog::Info(
                        self.prefs
                            .lang
                            .pick(
                                "此方案已提交。修改内容会使提交印记失效（D01），修改后须重新提交。",
                                "This plan has been submitted. Changing it breaks the submission seal (D01); submit it again afterwards.",
                            )
                            .to_string(),
                    ));
                }
                self.session.doc.apply(edit, key);
            }
            Action::EndTyping => self.session.doc.end_coalescing(),
            Action::Command(c) => self.command(ctx, c),
            Action::Go(s) => self.screen = s,
            Action::SelectProject(p) => self.session.selected_project = p,
            Action::Focus(id) => {
                self.focus_next = Some(id);
                self.focus_tries = 0;
            }
            Action::JumpTo(path) => self.jump_to(path),
            Action::Jumped => {
                self.session.jump = None;
                self.session.jump_frames = 0;
            }
            Action::Open(path) => self.guard_now(ctx, Pending::Open(path)),
            Action::Create(plan) => {
                self.replace_document(Document::new(*plan, None));
                self.screen = Screen::Header;
                self.dialog = None;
            }
            Action::SaveTo(path) => {
                if let Err(e) = self.save_to(path) {
                    self.dialog = Some(Dialog::Error(e));
                }
            }
            Action::ChooseCatalog => self.files.open_catalog(),
            Action::LoadCatalog(path) => match crate::file::load_catalog(&path) {
                Ok(catalog) => self.session.doc.set_catalog(catalog),
                Err(e) => self.dialog = Some(Dialog::Error(e.message(self.prefs.lang))),
            },
            Action::Proceed(p) => self.proceed(ctx, p),
            Action::SealNow => self.submit(ctx),
            Action::Appearance(a) => self.prefs.appearance = a,
            Action::CloseDialog => self.dialog = None,
            Action::Show(d) => self.dialog = Some(d),
            Action::Paste { path, text } => {
                match crate::gui::kit::paste::paste_edit(
                    self.session.doc.plan(),
                    &path,
                    &text,
                    self.prefs.unit,
                ) {
                    Ok(edit) => {
                        // A paste is its own undo step, apart from typing before it.
                        self.session.doc.end_coalescing();
                        self.apply(ctx, Action::Edit(edit, None));
                    }
                    Err(e) => self.dialog = Some(Dialog::Error(e.message(self.prefs.lang))),
                }
            }
            Action::SetReadOnly(on) => self.set_read_only(on),
            Action::Unlock => self.unlock(),
            Action::AddComment { target, text } => self.add_comment(target, text),
            Action::RemoveComment(i) => self.remove_comment(i),
            Action::Decide(decision) => self.decide(decision),
            Action::ResolveComment(i, note) => self.resolve_comment(i, note),
            Action::ChooseCompare => self.files.pick(FileAction::Compare),
            Action::CompareWithRound(n) => self.compare_with_round(n),
            Action::CompareWith(path) => self.compare_with(path),
            Action::ChooseFolder => self.files.pick(FileAction::Summarize),
            Action::Summarize(paths) => {
                self.league.summarize(paths, self.prefs.lang);
                self.screen = Screen::Summary;
            }
            Action::SortSummary(column) => {
                if let Some(r) = &mut self.league.rollup {
                    r.sort_by(column);
                }
            }
            Action::Restore => self.restore(),
            Action::DiscardRecovery => self.discard_recovery(),
            Action::ForceSave(path) => self.force_save(path),
            Action::Reload => self.reload(),
            Action::ChooseExport(kind) => self.files.pick(FileAction::Export(kind)),
            Action::Export(kind, path) => self.export_now(kind, path),
            Action::ChooseImport => self.guard_now(ctx, Pending::Import),
            Action::Import(path) => self.import(path),
        }
    }

    /// Review mode on, or (asked first) off.
    fn set_read_only(&mut self, on: bool) {
        if on {
            self.session.doc.set_read_only(true);
        } else {
            self.dialog = Some(Dialog::ConfirmUnlock);
        }
    }

    /// Leaves review mode: the user was told edits break the seal.
    fn unlock(&mut self) {
        self.session.doc.set_read_only(false);
        self.session.seal_warned = true;
        self.dialog = None;
    }

    /// Changes the review as its reviewer (`change` gets the review and the
    /// reviewer's name, and says whether it changed anything); refused with
    /// the reason outside review mode or without a name. True if changed.
    fn as_reviewer(
        &mut self,
        change: impl FnOnce(&mut crate::plan::Review, String) -> bool,
    ) -> bool {
        if let Some(why) = self.reviewer_refusal() {
            self.dialog = Some(Dialog::Info(why));
            return false;
        }
        let mut review = self.session.doc.plan().review.clone().unwrap_or_default();
        let changed = change(&mut review, self.prefs.reviewer.trim().to_string());
        if changed {
            self.set_review(review);
        }
        changed
    }

    fn add_comment(&mut self, target: String, text: String) {
        let added = self.as_reviewer(|review, author| {
            review.comments.push(Comment {
                target,
                text,
                author,
                at: crate::digest::now_rfc3339(),
                resolved: None,
            });
            true
        });
        if added {
            self.dialog = None;
        }
    }

    fn remove_comment(&mut self, i: usize) {
        let _ = self.as_reviewer(|review, _| {
            let there = i < review.comments.len();
            if there {
                review.comments.remove(i);
            }
            there
        });
    }

    fn decide(&mut self, decision: Decision) {
        let _ = self.as_reviewer(|review, author| {
            review.decision = decision;
            review.reviewer = author;
            review.at = crate::digest::now_rfc3339();
            true
        });
    }

    /// The county marks comment `i` 已处理 with its note (not in review mode).
    fn resolve_comment(&mut self, i: usize, note: String) {
        let mut review = self.session.doc.plan().review.clone().unwrap_or_default();
        if let Some(c) = review.comments.get_mut(i)
            && !self.session.doc.is_read_only()
        {
            c.resolved = Some(crate::plan::Resolution {
                note: note.trim().to_string(),
                at: crate::digest::now_rfc3339(),
            });
            self.set_review(review);
        }
    }

    fn compare_with_round(&mut self, n: usize) {
        match self.judged_file(n) {
            Some(path) => self.compare_with(path),
            None => {
                self.dialog = Some(Dialog::Info(
                    self.prefs.lang.pick(
                        "在方案所在的文件夹里没有找到退回时的那一版文件，请选择要比较的文件。",
                        "The revision that was returned is not in the plan's folder; choose the file to compare with.",
                    )
                    .to_string(),
                ));
                self.files.pick(FileAction::Compare);
            }
        }
    }

    fn compare_with(&mut self, path: PathBuf) {
        match Compare::of(path, &self.session.doc, self.prefs.lang) {
            Ok(c) => self.session.compare = Some(c),
            Err(e) => self.dialog = Some(Dialog::Error(e)),
        }
        self.screen = Screen::Compare;
    }

    fn restore(&mut self) {
        if let Some(found) = self.found.take() {
            self.replace_document(Document::restored(found.plan, found.file));
        }
        self.dialog = None;
    }

    fn discard_recovery(&mut self) {
        self.found = None;
        self.recovery.clear();
        self.dialog = None;
    }

    fn force_save(&mut self, path: PathBuf) {
        self.session.disk_changed = false;
        self.dialog = None;
        if let Err(e) = self.save_to(path) {
            self.dialog = Some(Dialog::Error(e));
        }
    }

    fn reload(&mut self) {
        self.dialog = None;
        self.session.disk_changed = false;
        if let Some(path) = self.session.doc.path().map(PathBuf::from) {
            self.open_now(path);
        }
    }

    fn export_now(&mut self, kind: Export, path: PathBuf) {
        let lang = self.prefs.lang;
        self.dialog = Some(match self.export(kind, &path) {
            Ok(()) => Dialog::Info(format!(
                "{}{}",
                lang.pick("已导出：", "Exported: "),
                path.display()
            )),
            Err(e) => Dialog::Error(e),
        });
    }

    fn import(&mut self, path: PathBuf) {
        let lang = self.prefs.lang;
        match crate::import::import_file(&path, self.session.doc.catalog()) {
            Ok(plan) => {
                // Nothing is on disk yet: unsaved (●, asked on quit) until saved.
                self.replace_document(Document::restored(plan, None));
                self.screen = Screen::Findings;
            }
            Err(e) => {
                let head = lang.pick(
                    "工作簿有问题，未导入任何内容：",
                    "The workbook has problems; nothing was imported:",
                );
                self.dialog = Some(Dialog::Error(format!("{head}\n{}", e.message(lang))));
            }
        }
    }

    /// Writes an export of the open plan; the error as a sentence.
    pub fn export(&self, kind: Export, path: &std::path::Path) -> Result<(), String> {
        let plan = self.session.doc.plan();
        let result = match kind {
            Export::Xlsx => crate::export::xlsx::save(plan, path),
            Export::Csv => {
                crate::export::csv::write_dir(&crate::export::tables(plan), path).map(|_| ())
            }
            Export::Pdf => crate::file::write_atomic(
                path,
                &crate::export::pdf::plan_pdf(plan, self.session.doc.report()),
            ),
            Export::NoticePdf => {
                crate::file::write_atomic(path, &crate::export::pdf::notice_pdf(plan))
            }
        };
        result.map_err(|e| e.message(self.prefs.lang))
    }

    /// The file beside the open plan that review round `n` judged (sealed
    /// with the digest the round kept).
    fn judged_file(&self, n: usize) -> Option<PathBuf> {
        let digest = self
            .session
            .doc
            .plan()
            .review
            .as_ref()?
            .history
            .get(n)?
            .digest
            .clone();
        let dir = self.session.doc.path()?.parent()?.to_path_buf();
        let own = self.session.doc.path().map(PathBuf::from);
        crate::scan::expand_paths(&[dir]).into_iter().find(|p| {
            Some(p) != own.as_ref()
                && crate::file::load_plan(p)
                    .ok()
                    .and_then(|plan| plan.submission)
                    .is_some_and(|s| s.digest == digest)
        })
    }

    /// Why the reviewer's part (comments, decision) cannot be changed now:
    /// only in review mode (read-only) and with the reviewer's name; `None`
    /// when it can.
    pub fn reviewer_refusal(&self) -> Option<String> {
        let lang = self.prefs.lang;
        if !self.session.doc.is_read_only() {
            Some(lang.pick(
                "审核意见和审核结论属于审核人，只能在审核模式下修改。修改模式下可以把意见标记为“已处理”并写明处理说明。",
                "Comments and the decision belong to the reviewer and can be changed only in review mode. While editing, you can mark a comment as dealt with and add your own note.",
            ).to_string())
        } else if self.prefs.reviewer.trim().is_empty() {
            Some(lang.pick(
                "请先在“审核意见”页填写审核人，再添加意见或作出结论。",
                "Enter the reviewer's name on the Review screen first, then add comments or decide.",
            ).to_string())
        } else {
            None
        }
    }

    fn set_review(&mut self, review: crate::plan::Review) {
        self.session
            .doc
            .apply(Edit::Review(Some(Box::new(review))), None);
    }

    fn command(&mut self, ctx: &egui::Context, c: UiCommand) {
        let lang = self.prefs.lang;
        match c {
            UiCommand::New => self.guard_now(ctx, Pending::New),
            UiCommand::Open => self.guard_now(ctx, Pending::OpenDialog),
            UiCommand::Save => match self.session.doc.path().map(PathBuf::from) {
                Some(p) if self.session.doc.changed_on_disk() => {
                    self.dialog = Some(Dialog::ChangedOnDisk(p))
                }
                Some(p) => self.apply(ctx, Action::SaveTo(p)),
                None => self.files.save_as(ctx, self.suggested_name()),
            },
            UiCommand::SaveAs => self.files.save_as(ctx, self.suggested_name()),
            UiCommand::Submit => self.ask_to_submit(),
            UiCommand::Undo | UiCommand::Redo => {
                // A focused cell would otherwise keep showing what was typed.
                ctx.memory_mut(|m| {
                    if let Some(id) = m.focused() {
                        m.surrender_focus(id);
                    }
                });
                if c == UiCommand::Undo {
                    self.session.doc.undo();
                } else {
                    self.session.doc.redo();
                }
            }
            UiCommand::ToggleLanguage => {
                self.prefs.lang = match lang {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                }
            }
            UiCommand::ToggleUnit => {
                self.prefs.unit = match self.prefs.unit {
                    crate::money::Unit::Wan => crate::money::Unit::Yuan,
                    crate::money::Unit::Yuan => crate::money::Unit::Wan,
                }
            }
            UiCommand::About => self.dialog = Some(Dialog::About),
            UiCommand::Quit => self.guard_now(ctx, Pending::Quit),
            // Not under an open dialog: focus would go to a field behind it.
            UiCommand::Go(_) if self.dialog.is_some() => {}
            UiCommand::Go(screen) => {
                self.screen = screen;
                self.focus_first_input(screen);
            }
        }
    }

    fn suggested_name(&self) -> String {
        let p = self.session.doc.plan();
        format!("{}-{}-r{}.ron", p.county.name, p.year, p.revision)
    }

    /// Runs `pending` now, or asks first when there are unsaved changes.
    fn guard_now(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.session.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(pending));
        } else {
            self.pending_now(ctx, pending);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
        self.dialog = None;
        self.pending_now(ctx, pending);
    }

    fn pending_now(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::Open(path) => self.open_now(path),
            Pending::OpenDialog => self.files.open(),
            Pending::New => self.dialog = Some(Dialog::New(Default::default())),
            Pending::Quit => {
                // Saved (or the user chose): close; the close request that
                // follows is let through because of this flag.
                self.allowed_to_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::Reload => {
                self.session.disk_changed = false;
                if let Some(path) = self.session.doc.path().map(PathBuf::from) {
                    self.open_now(path);
                }
            }
            Pending::Import => self.files.pick(FileAction::Import),
        }
    }

    /// 提交方案…: refuses a plan with errors (listing them), else asks to
    /// confirm what will be sealed.
    fn ask_to_submit(&mut self) {
        match crate::submit::submit(self.session.doc.plan(), self.session.doc.catalog()) {
            Err(report) => self.refuse_submission(&report),
            Ok(_) => self.dialog = Some(Dialog::ConfirmSubmit),
        }
    }

    fn refuse_submission(&mut self, report: &crate::validate::Report) {
        let lang = self.prefs.lang;
        let errors = report
            .findings
            .iter()
            .filter(|f| f.severity() == crate::validate::Severity::Error)
            .map(|f| {
                (
                    f.rule.code().to_string(),
                    f.path.clone(),
                    f.message.get(lang).to_string(),
                )
            })
            .collect();
        self.dialog = Some(Dialog::SubmitRefused(errors));
    }

    /// Seals the plan (it is judged again: it may have changed since the question).
    fn submit(&mut self, ctx: &egui::Context) {
        match crate::submit::submit(self.session.doc.plan(), self.session.doc.catalog()) {
            Err(report) => self.refuse_submission(&report),
            Ok(sealed) => {
                // Seal and (after a decision) the review's new round: one undo step.
                let submission = sealed.submission.map(Box::new);
                let mut edits = vec![Edit::Submission(submission)];
                if sealed.review != self.session.doc.plan().review {
                    edits.push(Edit::Review(sealed.review.map(Box::new)));
                }
                self.session.doc.apply(Edit::Batch(edits), None);
                self.session.seal_warned = false;
                match self.session.doc.path().map(PathBuf::from) {
                    Some(p) => self.apply(ctx, Action::SaveTo(p)),
                    None => self.files.save_as(ctx, self.suggested_name()),
                }
                self.dialog = Some(Dialog::Info(
                    self.prefs
                        .lang
                        .pick(
                            "方案已通过校验并加盖提交印记。",
                            "The plan passed validation and is sealed for submission.",
                        )
                        .to_string(),
                ));
            }
        }
    }

    fn jump_to(&mut self, path: String) {
        use plan_path::Target;
        let plan = self.session.doc.plan();
        let (screen, focus) = match plan_path::parse(&path) {
            Target::Header(_) | Target::County(_) => (Screen::Header, path.clone()),
            Target::Source(line, None) => {
                (Screen::Sources, plan_path::source(line, Some("integrated")))
            }
            Target::Source(..) => (Screen::Sources, path.clone()),
            Target::Project(id, field) => {
                self.session.selected_project = plan.projects.iter().position(|p| p.id == id);
                let f = field.filter(|f| *f != "funding").unwrap_or("name");
                (Screen::Projects, plan_path::project(id, Some(f)))
            }
            Target::Funding(id, _) => {
                self.session.selected_project = plan.projects.iter().position(|p| p.id == id);
                (Screen::Projects, path.clone())
            }
            Target::Plan | Target::Other(_) => (Screen::Findings, path.clone()),
        };
        self.screen = screen;
        self.session.jump = Some(focus.clone());
        self.session.jump_frames = JUMP_FRAMES;
        self.session.flash.start(focus);
    }

    /// Arriving on a screen by key: focus its first input.
    fn focus_first_input(&mut self, screen: Screen) {
        let plan = self.session.doc.plan();
        match screen {
            Screen::Header => self.session.jump = Some(plan_path::county("code")),
            Screen::Sources => {
                self.session.jump = plan
                    .sources
                    .first()
                    .map(|s| plan_path::source(&s.line, Some("allocated")))
            }
            Screen::Projects => self.focus_next = Some(projects_ui::list_focus_id()),
            _ => {}
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let p = self.session.doc.plan();
        let lang = self.prefs.lang;
        let file = self
            .session
            .doc
            .path()
            .and_then(|p| p.file_name())
            .map_or_else(
                || lang.pick("未保存", "unsaved").to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
        let dirty = if self.session.doc.is_dirty() {
            "● "
        } else {
            ""
        };
        let title = match lang {
            Lang::Zh => format!(
                "{dirty}{} {} 年 第 {} 版 — {file} — fundplan",
                p.county.name, p.year, p.revision
            ),
            Lang::En => format!(
                "{dirty}{} {} revision {} — {file} — fundplan",
                p.county.name, p.year, p.revision
            ),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Ends a focus request once its widget holds the focus; asks for another
    /// frame otherwise. A few frames at most: the user may have moved on.
    fn keep_focus_request(&mut self, ctx: &egui::Context) {
        if let Some(id) = self.focus_next {
            self.focus_tries += 1;
            if ctx.memory(|m| m.has_focus(id)) || self.focus_tries >= 4 {
                self.focus_next = None;
                self.focus_tries = 0;
            } else {
                ctx.request_repaint();
            }
        }
    }

    /// The window title as last set.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Recovery writes and the changed-on-disk check, between frames.
    fn background_checks(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        if let Some(wait) = self.recovery.tick(now, &self.session.doc) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
        if now - self.session.last_disk_check >= 3.0 || now < self.session.last_disk_check {
            self.session.last_disk_check = now;
            self.session.disk_changed = self.session.doc.changed_on_disk();
        }
        if self.session.doc.path().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_secs(3));
        }
    }

    fn handle_window_events(&mut self, ctx: &egui::Context) {
        for c in UiCommand::from_input(ctx) {
            self.actions.push(Action::Command(c));
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.actions.push(Action::Open(path));
        }
        if ctx.input(|i| i.viewport().close_requested())
            && !self.allowed_to_close
            && self.session.doc.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved(Pending::Quit));
        }
        for action in self.files.poll() {
            self.actions.push(action);
        }
    }
}

/// Frames a jump waits at most for its field to be drawn (scroll animation).
const JUMP_FRAMES: u8 = 10;

impl eframe::App for FundplanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let theme = self.prefs.appearance.preference();
        if ctx.options(|o| o.theme_preference) != theme || !self.styled {
            crate::gui::kit::theme::install(&ctx);
            ctx.set_theme(theme);
            self.styled = true;
        }
        self.handle_window_events(&ctx);
        if let Some(id) = self.focus_next {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        self.session.flash.tick(&ctx);
        // A jump lasts until the field was drawn and took it (`Jumped`), at
        // most a few frames: a table first scrolls (animated) to the row,
        // which is drawn only once it is visible.
        let jump = match self.session.jump_frames {
            0 => self.session.jump.take(),
            n => {
                self.session.jump_frames = n - 1;
                ctx.request_repaint();
                self.session.jump.clone()
            }
        };
        let view = View {
            doc: &self.session.doc,
            lang: self.prefs.lang,
            unit: self.prefs.unit,
            jump: jump.as_deref(),
            flash: self.session.flash.for_widgets(&ctx),
            selected_project: self.session.selected_project,
            read_only: self.session.doc.is_read_only(),
            register: self.session.register_mark,
        };
        if let Some(c) = &mut self.session.compare {
            c.refresh(&self.session.doc);
        }
        let out = &mut self.actions;
        egui::Panel::top("menu").show(ui, |ui| menu_ui::menu_ui(ui, &view, &self.prefs, out));
        egui::Panel::bottom("status").show(ui, |ui| status_ui::status_ui(ui, &view, out));
        if self.session.disk_changed {
            egui::Panel::top("disk-changed")
                .show(ui, |ui| dialogs::disk_changed_ui(ui, &view, out));
        }
        if view.doc.plan().submission.is_some() || view.read_only {
            egui::Panel::top("review-banner").show(ui, |ui| review_ui::banner_ui(ui, &view, out));
        }
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| nav_ui::nav_ui(ui, &view, self.screen, out));
        egui::CentralPanel::default().show(ui, |ui| match self.screen {
            Screen::Header => header_ui::header_ui(ui, &view, out),
            Screen::Sources => sources_ui::sources_ui(ui, &view, out),
            Screen::Projects => projects_ui::projects_ui(ui, &view, out),
            Screen::Matrix => matrix_ui::matrix_ui(ui, &view, out),
            Screen::Findings => findings_ui::findings_ui(ui, &view, out),
            Screen::Review => review_ui::review_ui(ui, &view, &mut self.prefs.reviewer, out),
            Screen::Compare => {
                compare_ui::compare_ui(ui, &view, self.session.compare.as_ref(), out)
            }
            Screen::Summary => summary_ui::summary_ui(ui, &view, self.league.rollup.as_ref(), out),
        });
        self.session.flash.paint_ui(ui);
        if let Some(dialog) = &mut self.dialog {
            dialogs::dialog_ui(ui, &view, dialog, out);
        }
        self.keep_focus_request(&ctx);
        self.apply_actions(&ctx);
        self.update_title(&ctx);
        self.background_checks(&ctx);
        if self.held.is_holding() {
            // The held keys are delivered in the next frame, without waiting for more input.
            ctx.request_repaint();
        }
    }

    /// Delivers keys in the order typed: what follows a key that moves focus
    /// waits for the next frame (see [`crate::gui::kit::input`]).
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.held.hook(raw_input) {
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Prefs::KEY, &self.prefs);
    }
}
