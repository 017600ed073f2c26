//! Paints the outline around the field a finding or comment jumped to (its
//! state, [`Flash`], is in `state::flash`).

use egui::{Stroke, StrokeKind, Ui};

use crate::gui::kit::theme;
use crate::gui::kit::widgets::field_id;
use crate::gui::state::flash::Flash;

/// Draws the fading outline over the field (after the screens are drawn).
pub fn flash_ui(flash: &Flash, ui: &Ui) {
    let Some((path, strength)) = flash.fade(ui.input(|i| i.time)) else {
        return;
    };
    let Some(field) = ui.ctx().read_response(field_id(path)) else {
        return;
    };
    let color = theme::palette(ui).flash.gamma_multiply(strength);
    // Clipped like the field, so a half-scrolled row does not draw over the header.
    let painter = egui::Painter::new(
        ui.ctx().clone(),
        field.layer_id,
        field.interact_rect.expand(4.0),
    );
    painter.rect_stroke(
        field.rect.expand(2.5),
        3.0,
        Stroke::new(2.5, color),
        StrokeKind::Outside,
    );
}
