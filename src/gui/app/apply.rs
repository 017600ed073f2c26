//! Applying actions: the one place the document changes, and the file
//! commands (open, import, export, reload); saving and the questions around
//! it are in `save`.

use super::*;
use crate::export::pdf::MissingChars;
use crate::gui::state::catalog_draft::{Change, Field};

impl FundplanApp {
    pub(super) fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Edit(edit, key) => {
                if self.session.doc.is_read_only() && edit.changes_content() {
                    self.dialog = Some(Dialog::Info(Message::words(
                        "审核模式下不能修改方案内容。如需修改，请先点击上方的“允许修改”。",
                        "The plan is open for review and cannot be changed. Click \"Allow editing\" above first.",
                    )));
                    return;
                }
                if self.session.doc.seal() == SealState::Intact
                    && edit.changes_content()
                    && !self.session.seal_warned
                {
                    self.session.seal_warned = true;
                    self.dialog = Some(Dialog::Info(Message::words(
                        "此方案已提交。修改内容会使提交印记失效（D01），修改后须重新提交。",
                        "This plan has been submitted. Changing it breaks the submission seal (D01); submit it again afterwards.",
                    )));
                }
                self.session.doc.apply(edit, key);
            }
            Action::EndTyping => self.session.doc.end_coalescing(),
            Action::Command(c) => self.command(ctx, c),
            Action::Go(s) => self.screen = s,
            Action::SelectProject(p) => self.session.selected_project = p,
            Action::Focus(id) => {
                self.session.focus = Some(FocusRequest::widget(id));
                // The field may be new: keys typed meanwhile wait for it.
                self.held.hold_until_focused(id);
            }
            Action::JumpTo(path) => self.jump_to(path),
            Action::Jumped => {
                if self
                    .session
                    .focus
                    .as_ref()
                    .is_some_and(|f| f.path().is_some())
                {
                    self.session.focus = None;
                }
            }
            Action::Open(path) => self.guard_now(ctx, Pending::Open(path)),
            Action::Create(plan) => {
                self.replace_document(Document::new(*plan, None));
                self.screen = Screen::Header;
                self.dialog = None;
            }
            Action::Choose(purpose) => {
                // A new step: an earlier one let go ahead does not cover it.
                self.session.allowed_at = None;
                self.choose(ctx, purpose);
            }
            Action::Picked(purpose, path) => self.picked(ctx, purpose, path),
            Action::AskSwitch => self.ask_switch(),
            Action::Switch(chosen) => self.switch(*chosen),
            Action::Catalog(change) => self.edit_catalog(change),
            Action::RevertCatalog => self.revert_catalog(),
            Action::SaveCatalogAs => self.save_catalog_as(ctx),
            Action::SaveCatalogWithId(id) => {
                self.dialog = None;
                self.edit_catalog(Change::Text(Field::Id, id));
                self.save_catalog_as(ctx);
            }
            Action::Guard(p) => self.guard_now(ctx, p),
            Action::Proceed(p) => self.proceed(ctx, p),
            Action::SaveFirst(p) => self.save_first(ctx, p),
            Action::SaveAsThen(path, p) => self.save_then(ctx, path, Some(p)),
            Action::SealNow => self.submit(ctx),
            Action::Appearance(a) => self.prefs.appearance = a,
            Action::BuiltinFileDialog(on) => self.prefs.builtin_file_dialog = on,
            Action::CloseDialog => self.close_dialog(),
            Action::Show(Dialog::Path(form)) => self.show_path(*form),
            Action::Show(Dialog::Comment {
                target,
                text,
                reviewer,
                focus,
            }) if reviewer.is_empty() => {
                self.dialog = Some(Dialog::Comment {
                    target,
                    text,
                    reviewer: self.prefs.reviewer.clone(),
                    focus,
                })
            }
            Action::Show(d) => self.dialog = Some(d),
            Action::Paste { path, text } => {
                match crate::clipboard::cells::paste_edit(
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
                    Err(e) => self.dialog = Some(Dialog::Error(e.into())),
                }
            }
            Action::SetReadOnly(on) => self.set_read_only(on),
            Action::Unlock => self.unlock(),
            Action::AddComment {
                target,
                text,
                reviewer,
            } => self.add_comment(target, text, reviewer),
            Action::Reviewer(name) => self.prefs.reviewer = name,
            Action::RemoveComment(i) => self.remove_comment(i),
            Action::Decide(decision) => self.decide(decision),
            Action::ResolveComment(i, note) => self.resolve_comment(i, note),
            Action::CompareWithRound(n) => self.compare_with_round(ctx, n),
            Action::Summarize(paths) => self.summarize(paths),
            Action::SortSummary(column) => {
                if let Some(r) = &mut self.league.rollup {
                    r.sort_by(column);
                }
            }
            Action::Restore => self.restore(),
            Action::DiscardRecovery => self.discard_recovery(),
            Action::ForceSave(path, then) => self.force_save(ctx, path, then),
            Action::Reload => self.reload(),
        }
    }

    /// Does what the path picked for `purpose` was asked for.
    fn picked(&mut self, ctx: &egui::Context, purpose: FileAction, path: PathBuf) {
        match purpose {
            FileAction::Open => self.guard_picked(ctx, Pending::Open(path)),
            FileAction::SaveAs => self.save_then(ctx, path, None),
            FileAction::Catalog => match crate::file::load_catalog(&path) {
                Ok(catalog) => self.session.set_catalog(catalog),
                Err(e) => self.dialog = Some(Dialog::Error(e.into())),
            },
            FileAction::SwitchCatalog => self.switch_file(path),
            FileAction::SaveCatalog => self.save_catalog_now(path),
            FileAction::ExportCatalog => self.export_catalog(path),
            FileAction::ImportCatalog => self.import_catalog(path),
            FileAction::Compare => self.compare_with(path),
            FileAction::Summarize => self.summarize(vec![path]),
            FileAction::Export(kind) => self.export_now(kind, path),
            FileAction::Import => self.guard_picked(ctx, Pending::ImportFrom(path)),
        }
    }

    fn summarize(&mut self, paths: Vec<PathBuf>) {
        self.league.summarize(paths);
        self.screen = Screen::Summary;
    }

    pub(super) fn restore(&mut self) {
        if let Some(Dialog::Recover(found, _)) = self.dialog.take() {
            self.replace_document(Document::restored(found.plan, found.file));
        }
        self.dialog = None;
    }

    pub(super) fn discard_recovery(&mut self) {
        self.recovery.clear();
        self.dialog = None;
    }

    /// Reads the open file again from disk, discarding changes here.
    pub(super) fn reload(&mut self) {
        self.dialog = None;
        self.session.disk_changed = false;
        if let Some(path) = self.session.doc.path().map(PathBuf::from) {
            self.open_now(path);
        }
    }

    pub(super) fn export_now(&mut self, kind: Export, path: PathBuf) {
        self.dialog = Some(match self.export(kind, &path) {
            Ok(missing) => match (missing.message(Lang::Zh), missing.message(Lang::En)) {
                // A PDF with characters no font had: written, and said which and where.
                (Some(zh), Some(en)) => Dialog::Info(Message::Words(crate::Text::new(
                    format!("已导出：{}\n{zh}", path.display()),
                    format!("Exported: {}\n{en}", path.display()),
                ))),
                _ => Dialog::Info(Message::WordsAndPath(
                    crate::Text::new("已导出：", "Exported: "),
                    path,
                )),
            },
            Err(e) => Dialog::Error(e.into()),
        });
    }

    pub(super) fn import(&mut self, path: PathBuf) {
        match crate::import::import_file(&path, self.session.doc.catalog()) {
            Ok(plan) => {
                // Nothing is on disk yet: unsaved (●, asked on quit) until saved.
                self.replace_document(Document::restored(plan, None));
                self.screen = Screen::Findings;
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.into())),
        }
    }

    /// Writes an export of the open plan; for a PDF, the characters no font
    /// had (printed as `?`).
    pub fn export(&self, kind: Export, path: &std::path::Path) -> Result<MissingChars, SaveError> {
        let plan = self.session.doc.plan();
        let pdf = match kind {
            Export::Xlsx => {
                return crate::export::xlsx::save(plan, path).map(|()| Default::default());
            }
            Export::Csv => {
                return crate::export::csv::write_dir(&crate::export::tables(plan), path)
                    .map(|_| Default::default());
            }
            Export::Pdf => {
                crate::export::pdf::plan_pdf(plan, self.session.doc.report(), &self.font_dirs)
            }
            Export::NoticePdf => crate::export::pdf::notice_pdf(plan, &self.font_dirs),
        };
        // As `fundplan export --pdf`: the replaced PDF is kept as NAME.bak,
        // and a target that is no regular file is refused.
        crate::file::replace_keeping_backup(path, &pdf.bytes)?;
        Ok(pdf.missing)
    }

    pub(super) fn command(&mut self, ctx: &egui::Context, c: UiCommand) {
        let lang = self.prefs.lang;
        match c {
            UiCommand::New => self.guard_now(ctx, Pending::New),
            UiCommand::Open => self.guard_now(ctx, Pending::OpenDialog),
            UiCommand::Save => self.save(ctx, None),
            UiCommand::SaveAs => self.choose(ctx, FileAction::SaveAs),
            UiCommand::Submit => self.ask_to_submit(),
            UiCommand::Undo | UiCommand::Redo => {
                // The field keeps focus, so the next keys are not lost; a
                // focused amount cell forgets what was typed and shows (and
                // selects) the amount undo brought back.
                if let Some(id) = ctx.memory(|m| m.focused()) {
                    crate::gui::kit::amount_cell::forget_typing(ctx, id);
                }
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

    pub(super) fn suggested_name(&self) -> String {
        let p = self.session.doc.plan();
        format!("{}-{}-r{}.ron", p.county.name, p.year, p.revision)
    }
}
