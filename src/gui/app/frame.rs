//! One frame: window events, the jump to a field, the title, background
//! checks, and drawing the panels.

use super::*;
use crate::gui::kit::widgets::field_id;

impl FundplanApp {
    pub(super) fn jump_to(&mut self, path: String) {
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
        if screen != Screen::Findings {
            // Keys typed after the click wait for the field (a finding's
            // own row has no field to wait for).
            self.held.hold_until_focused(field_id(&focus));
        }
        self.session.focus = Some(FocusRequest::jump(focus.clone()));
        self.session.flash.start(focus);
    }

    /// Arriving on a screen by key: focus its first input.
    pub(super) fn focus_first_input(&mut self, screen: Screen) {
        let plan = self.session.doc.plan();
        let request = match screen {
            Screen::Header => Some(FocusRequest::path_once(plan_path::county("code"))),
            Screen::Sources => plan
                .sources
                .first()
                .map(|s| FocusRequest::path_once(plan_path::source(&s.line, Some("allocated")))),
            Screen::Projects => Some(FocusRequest::widget(projects_ui::list_focus_id())),
            Screen::Review => Some(FocusRequest::widget(review_ui::reviewer_field_id())),
            Screen::Catalog => Some(FocusRequest::widget(catalog_ui::first_field_id())),
            // No text input: the first button or finding (none on the matrix).
            Screen::Matrix | Screen::Findings | Screen::Compare | Screen::Summary => {
                Some(FocusRequest::first_marked())
            }
        };
        // Keys typed with the shortcut wait for the input to take focus.
        let awaited = request
            .as_ref()
            .and_then(|r| r.widget_id().or_else(|| r.path().map(field_id)));
        if let Some(id) = awaited {
            self.held.hold_until_focused(id);
        }
        self.session.focus = request;
    }

    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
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

    /// The focus request before drawing: a field given back after a dialog
    /// waits for the dialog to let go; a widget is asked for; a jump counts
    /// its frames. Returns the path whose field should take the focus while
    /// drawing (a jump lasts until the field was drawn and took it,
    /// `Action::Jumped`, at most a few frames).
    pub(super) fn focus_before_drawing(&mut self, ctx: &egui::Context) -> Option<String> {
        let request = self.session.focus.as_mut()?;
        if let Some(wait) = request.wait
            && self.dialog.is_none()
        {
            match wait.checked_sub(1) {
                Some(left) => request.wait = Some(left),
                None => {
                    request.wait = None;
                    if let Some(id) = request.widget_id() {
                        crate::gui::kit::select::resume_typing(ctx, id);
                    }
                }
            }
            ctx.request_repaint();
        }
        if request.wait.is_some() {
            return None;
        }
        match &request.target {
            FocusTarget::Widget(id) => {
                let id = *id;
                ctx.memory_mut(|m| m.request_focus(id));
                None
            }
            FocusTarget::Path(path) => {
                let path = path.clone();
                if request.tried() {
                    ctx.request_repaint();
                } else {
                    self.session.focus = None;
                }
                Some(path)
            }
            FocusTarget::FirstMarked => None,
        }
    }

    /// The focus request after drawing: the first control the screen marked
    /// becomes the widget asked for; a widget's request ends once it holds
    /// the focus, or asks for another frame. A few frames at most: the user
    /// may have moved on.
    pub(super) fn focus_after_drawing(&mut self, ctx: &egui::Context) {
        let first = crate::gui::kit::first_input::take(ctx);
        let Some(request) = &mut self.session.focus else {
            return;
        };
        if request.wait.is_some() {
            return;
        }
        match request.target {
            FocusTarget::FirstMarked => {
                self.session.focus = first.map(FocusRequest::widget);
                if first.is_some() {
                    ctx.request_repaint();
                }
                // Its first frame counts as tried, as for any widget asked for.
                self.keep_widget_request(ctx);
            }
            FocusTarget::Widget(_) => self.keep_widget_request(ctx),
            FocusTarget::Path(_) => {}
        }
    }

    /// Ends the request for a widget once it holds the focus; asks for
    /// another frame otherwise.
    fn keep_widget_request(&mut self, ctx: &egui::Context) {
        let Some(request) = &mut self.session.focus else {
            return;
        };
        let Some(id) = request.widget_id() else {
            return;
        };
        if ctx.memory(|m| m.has_focus(id)) || !request.tried() {
            self.session.focus = None;
            // A field given back after a box used its "resume typing"
            // mark when it took focus, in this frame; one that never took
            // it must not keep the mark, or the next Tab into it appends
            // instead of selecting its text.
            crate::gui::kit::select::forget_resume(ctx);
        } else {
            ctx.request_repaint();
        }
    }

    /// The window title as last set.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Recovery writes and the changed-on-disk check, between frames.
    pub(super) fn background_checks(&mut self, ctx: &egui::Context) {
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

    pub(super) fn handle_window_events(&mut self, ctx: &egui::Context) {
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
        let jump = self.focus_before_drawing(&ctx);
        self.session.flash.tick(&ctx);
        if let Some(c) = &mut self.session.compare {
            c.refresh(&self.session.doc);
        }
        let flash = self.session.flash.for_widgets(&ctx);
        let view = View::new(&self.session, &self.prefs).with_focus(jump.as_deref(), flash);
        let out = &mut self.actions;
        egui::Panel::top("menu").show(ui, |ui| menu_ui::menu_ui(ui, &view, &self.prefs, out));
        egui::Panel::bottom("status").show(ui, |ui| status_ui::status_ui(ui, &view, out));
        if self.session.disk_changed {
            egui::Panel::top("disk-changed")
                .show(ui, |ui| dialogs::disk_changed_ui(ui, &view, out));
        }
        if view.doc.plan().submission.is_some() || view.read_only() {
            egui::Panel::top("review-banner").show(ui, |ui| review_ui::banner_ui(ui, &view, out));
        }
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| nav_ui::nav_ui(ui, &view, self.screen, out));
        egui::CentralPanel::default().show(ui, |ui| {
            crate::gui::kit::sideways::sideways_ui(ui, "screen", |ui| {
                let rollup = self.league.rollup.as_ref();
                crate::gui::screens::screen_ui(ui, self.screen, &view, rollup, out)
            })
        });
        crate::gui::kit::flash::flash_ui(&self.session.flash, ui);
        if let Some(dialog) = &mut self.dialog {
            dialogs::dialog_ui(ui, &view, dialog, out);
        }
        if self.held.awaits_focus() {
            // Read after drawing, so only a field drawn with focus counts (a
            // focus asked for lasts a frame even if its widget is not drawn).
            // Not in `raw_input_hook`: a response read there is judged
            // against the last frame's clicks and may drop its focus.
            let focused = ctx.memory(|m| m.focused());
            self.held
                .note_focus(focused.filter(|id| ctx.read_response(*id).is_some()));
        }
        self.focus_after_drawing(&ctx);
        let had_dialog = self.dialog.is_some();
        let typing_in = ctx
            .memory(|m| m.focused())
            .filter(|id| egui::TextEdit::load_state(&ctx, *id).is_some());
        self.apply_actions(&ctx);
        if !had_dialog && self.dialog.is_some() {
            // A box that interrupts typing (the seal warning) gives the field back.
            self.focus_after_dialog = typing_in;
        }
        if had_dialog && self.dialog.is_none() {
            // The next click must not land on the closed dialog's layer.
            self.held.wait_a_frame();
            if let Some(id) = self.focus_after_dialog.take()
                && self.session.focus.is_none()
            {
                self.session.focus = Some(FocusRequest::give_back(id));
                self.held.hold_until_focused(id);
            }
            ctx.request_repaint();
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::kit::select;

    /// Review of issue 22: the field given back after a box that never takes
    /// focus must not keep its "resume typing" mark, or the next Tab into it
    /// appends instead of selecting its text.
    #[test]
    fn a_resume_mark_goes_when_its_field_never_takes_focus() {
        let ctx = egui::Context::default();
        let mut app = FundplanApp::with_prefs(Prefs::default());
        let id = egui::Id::unique("a field no longer drawn");
        app.session.focus = Some(FocusRequest::widget(id));
        select::resume_typing(&ctx, id);
        for _ in 0..4 {
            app.focus_after_drawing(&ctx);
        }
        assert_eq!(app.session.focus, None, "the request gave up");
        assert_eq!(select::resuming(&ctx), None, "and its mark with it");
    }
}
