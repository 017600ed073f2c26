//! One screen drawn on its own, as rerun's `TestContext` does: a plan, a
//! screen, and the [`Action`]s the screen emitted. There is no app, so
//! nothing is applied: a test of one screen sees exactly what the screen asks
//! for, and needs neither the menu, the navigation nor the dialogs.
//!
//! With `egui_kittest`, a test draws [`OneScreen::ui`] in a harness and sends
//! the events a person sends (clicks on a widget found by its accessible
//! name, keys, text); [`draw`] runs one frame of raw events without it.

use crate::document::Document;
use crate::gui::state::action::Action;
use crate::gui::state::prefs::Prefs;
use crate::gui::state::screen::Screen;
use crate::gui::state::session::Session;
use crate::gui::state::view::View;
use crate::plan::Plan;

/// One screen with its plan open, and the actions it emitted so far.
pub struct OneScreen {
    screen: Screen,
    session: Session,
    prefs: Prefs,
    actions: Vec<Action>,
}

impl OneScreen {
    /// `screen` with `plan` open (judged against its built-in catalog), in
    /// the default preferences (Chinese, amounts in 万元).
    pub fn new(screen: Screen, plan: Plan) -> OneScreen {
        OneScreen {
            screen,
            session: Session::new(Document::new(plan, None)),
            prefs: Prefs::default(),
            actions: Vec::new(),
        }
    }

    /// The same, with the project at `index` selected (项目安排 shows its form).
    pub fn with_selected_project(mut self, index: usize) -> OneScreen {
        self.session.selected_project = Some(index);
        self
    }

    /// Draws the screen once, as the app draws it in its central panel,
    /// keeping what it emitted.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let view = View::new(&self.session, &self.prefs);
        egui::CentralPanel::default().show(ui, |ui| {
            crate::gui::screens::screen_ui(ui, self.screen, &view, None, &mut self.actions);
        });
    }

    /// The actions emitted since the last call, in order.
    pub fn take_actions(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.actions)
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
