//! One part of the window drawn on its own, as rerun's `TestContext` does: a
//! plan, a screen (or a dialog, a strip: any drawing function), and the
//! [`Action`]s it emitted. There is no app, so nothing is applied: a test of
//! one part sees exactly what it asks for, and needs neither the menu, the
//! navigation nor the other parts.
//!
//! With `egui_kittest`, a test draws [`OneScreen::ui`] in a harness (the lib's
//! own tests get one from `OneScreen::harness`) and sends the events a person
//! sends (clicks on a widget found by its accessible name, keys, text);
//! [`draw`] runs one frame of raw events without it.

use crate::document::Document;
use crate::gui::state::action::Action;
use crate::gui::state::prefs::Prefs;
use crate::gui::state::screen::Screen;
use crate::gui::state::session::Session;
use crate::gui::state::view::View;
use crate::plan::Plan;

/// What is drawn: a screen, a dialog or a strip, from the view, pushing
/// actions.
type Part = Box<dyn FnMut(&mut egui::Ui, &View<'_>, &mut Vec<Action>)>;

/// One part of the window with its plan open, and the actions it emitted so
/// far.
pub struct OneScreen {
    part: Part,
    session: Session,
    prefs: Prefs,
    actions: Vec<Action>,
}

impl OneScreen {
    /// `screen` with `plan` open (judged against its built-in catalog), in
    /// the default preferences (Chinese, amounts in 万元), drawn as the app
    /// draws it in its central panel.
    pub fn new(screen: Screen, plan: Plan) -> OneScreen {
        OneScreen::part(Document::new(plan, None), move |ui, view, out| {
            egui::CentralPanel::default().show(ui, |ui| {
                crate::gui::screens::screen_ui(ui, screen, view, None, out);
            });
        })
    }

    /// Any drawing function `part` (a dialog, a strip, a screen's piece)
    /// with `doc` open, in the default preferences.
    pub fn part(
        doc: Document,
        part: impl FnMut(&mut egui::Ui, &View<'_>, &mut Vec<Action>) + 'static,
    ) -> OneScreen {
        OneScreen {
            part: Box::new(part),
            session: Session::new(doc),
            prefs: Prefs::default(),
            actions: Vec::new(),
        }
    }

    /// The same, with the project at `index` selected (项目安排 shows its form).
    pub fn with_selected_project(mut self, index: usize) -> OneScreen {
        self.session.selected_project = Some(index);
        self
    }

    /// Draws the part once, keeping what it emitted.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let view = View::new(&self.session, &self.prefs);
        (self.part)(ui, &view, &mut self.actions);
    }

    /// The actions emitted so far, in order.
    pub fn actions(&self) -> &[Action] {
        &self.actions
    }

    /// The actions emitted since the last call, in order.
    pub fn take_actions(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.actions)
    }

    /// A headless `egui_kittest` harness drawing this part with the app's
    /// fonts; its state is `self`.
    #[cfg(test)]
    pub fn harness(self) -> egui_kittest::Harness<'static, OneScreen> {
        egui_kittest::Harness::builder()
            .with_context_setup(crate::gui::kit::fonts::install)
            .build_ui_state(|ui, one: &mut OneScreen| one.ui(ui), self)
    }
}

/// Draws `screen` with `plan` open for one frame of `events` in a fresh egui
/// context; returns the actions it emitted.
pub fn draw(screen: Screen, plan: Plan, events: Vec<egui::Event>) -> Vec<Action> {
    let ctx = egui::Context::default();
    let mut one = OneScreen::new(screen, plan);
    let input = egui::RawInput {
        events,
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| one.ui(ui));
    // Nothing paints here: the fonts' texture is not uploaded anywhere.
    output.textures_delta.clear();
    one.take_actions()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Drawn without input, a screen asks for nothing.
    #[test]
    fn a_screen_drawn_without_input_emits_no_action() {
        for screen in Screen::ALL {
            let actions = draw(screen, crate::document::bundled_sample(), Vec::new());
            assert!(actions.is_empty(), "{screen:?}: {actions:?}");
        }
    }
}
