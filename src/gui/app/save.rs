//! Saving the plan and what waits for it: Ctrl+S, the unsaved-changes
//! question (保存, 不保存, 取消) and the overwrite question after it, in one
//! place, so both ask the same and the waiting step runs only after a save.

use super::*;

impl FundplanApp {
    /// Runs `pending` now, or asks first when there are unsaved changes.
    pub(super) fn guard_now(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.session.doc.is_dirty() {
            self.session.allowed_at = None;
            self.dialog = Some(Dialog::Unsaved(pending));
        } else {
            self.go_ahead(ctx, pending);
        }
    }

    /// The guard for the path a step's dialog picked (打开…, 从 Excel
    /// 导入…): the step was let go ahead already (nothing unsaved, or
    /// 不保存), so it is asked about only if the plan changed since. A path
    /// that comes with no step under way is judged as it always was: 打开
    /// asks when there are unsaved changes, 导入 does not.
    pub(super) fn guard_picked(&mut self, ctx: &egui::Context, pending: Pending) {
        let allowed = self.session.allowed_at.take();
        let doc = &self.session.doc;
        let ask = doc.is_dirty()
            && match allowed {
                Some(state) => state != doc.state(),
                None => matches!(pending, Pending::Open(_)),
            };
        if ask {
            self.dialog = Some(Dialog::Unsaved(pending));
        } else {
            self.pending_now(ctx, pending);
        }
    }

    /// The unsaved-changes question's 保存: the question goes, the plan is
    /// saved as Ctrl+S saves it, and `pending` waits for that save.
    pub(super) fn save_first(&mut self, ctx: &egui::Context, pending: Pending) {
        self.dialog = None;
        self.save(ctx, Some(pending));
    }

    /// Saves the open plan, then carries out `then`: to its file, asking
    /// first if someone else saved that file since (文件已被其他程序修改,
    /// whose 覆盖 saves and then carries out `then`); a plan never saved is
    /// saved as (`then` travels with the path dialog: cancelling it drops
    /// `then`). `then` is not done when the save fails or is cancelled, or
    /// quitting or opening another file would lose the changes the user
    /// just asked to keep.
    pub(super) fn save(&mut self, ctx: &egui::Context, then: Option<Pending>) {
        match self.session.doc.path().map(PathBuf::from) {
            Some(path) if self.session.doc.changed_on_disk() => {
                self.dialog = Some(Dialog::ChangedOnDisk(path, then));
            }
            Some(path) => self.save_then(ctx, path, then),
            None => self.choose_then(ctx, FileAction::SaveAs, then),
        }
    }

    /// 仍然保存（覆盖）: saves over the file changed on disk, then `then`.
    /// After 确认提交 (`then` is [`Pending::Seal`]) the seal goes on first and
    /// is what this save writes: the question came before the seal.
    pub(super) fn force_save(&mut self, ctx: &egui::Context, path: PathBuf, then: Option<Pending>) {
        self.session.disk_changed = false;
        self.dialog = None;
        match then {
            Some(Pending::Seal) => {
                if self.seal() {
                    self.save_then(ctx, path, None);
                }
            }
            then => self.save_then(ctx, path, then),
        }
    }

    /// Saves to `path`, then carries out `then`; a failure is shown and
    /// `then` is not done.
    pub(super) fn save_then(&mut self, ctx: &egui::Context, path: PathBuf, then: Option<Pending>) {
        match self.save_to(path) {
            Ok(()) => {
                if let Some(pending) = then {
                    self.proceed(ctx, pending);
                }
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.into())),
        }
    }

    /// 不保存, or a save that went through: the question goes and what
    /// waited is done.
    pub(super) fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
        self.dialog = None;
        self.go_ahead(ctx, pending);
    }

    /// Carries out `pending`, remembering the plan's state it was let go
    /// ahead at: the path its dialog picks is then not asked about again.
    fn go_ahead(&mut self, ctx: &egui::Context, pending: Pending) {
        // Typing after this starts a new undo step, so it changes the
        // state and is asked about (not merged into the step let go).
        self.session.doc.end_coalescing();
        self.session.allowed_at = Some(self.session.doc.state());
        self.pending_now(ctx, pending);
    }

    /// Does what waited for the unsaved-changes question.
    pub(super) fn pending_now(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::Open(path) => self.open_now(path),
            Pending::OpenDialog => self.choose(ctx, FileAction::Open),
            Pending::New => {
                self.dialog = Some(Dialog::New(Default::default()));
                let first = dialogs::new_plan_first_field_id();
                self.session.focus = Some(FocusRequest::widget(first));
            }
            Pending::Quit => {
                // Saved (or the user chose): close; the close request that
                // follows is let through because of this flag.
                self.allowed_to_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::Reload => self.reload(),
            Pending::Import => self.choose(ctx, FileAction::Import),
            Pending::ImportFrom(path) => self.import(path),
            Pending::Seal => self.submit(ctx),
        }
    }
}
