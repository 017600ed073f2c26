//! A screen wider than the window scrolls sideways, with a solid scroll bar
//! whenever it is wider (a hidden bar is a silent cut on a 1024×768 office PC), and
//! the control that takes keyboard focus is scrolled into view, so Tab reaches
//! the columns past the right edge.

use egui::{Id, Ui, scroll_area::ScrollBarVisibility};

/// Draws `add_contents` in a horizontal scroll area filling `ui`.
pub fn sideways_ui<R>(ui: &mut Ui, id: &str, add_contents: impl FnOnce(&mut Ui) -> R) -> R {
    egui::ScrollArea::horizontal()
        .id_salt(id)
        .auto_shrink(false)
        .scroll_bar_visibility(ScrollBarVisibility::VisibleWhenNeeded)
        .show(ui, |ui| {
            let r = add_contents(ui);
            follow_focus(ui);
            r
        })
        .inner
}

/// When Tab moved focus to another widget, scrolls the area sideways so that
/// widget is in view (egui itself does not scroll to a widget Tab focuses).
/// Only a change of focus scrolls: scrolling by hand is left alone.
fn follow_focus(ui: &mut Ui) {
    let memo = Id::unique("fundplan-sideways-focus");
    let focused = ui.ctx().memory(|m| m.focused());
    let last = ui.ctx().data(|d| d.get_temp::<Option<Id>>(memo)).flatten();
    if focused == last {
        return;
    }
    ui.ctx().data_mut(|d| d.insert_temp(memo, focused));
    // Only a Tab moves the view: reading a widget's response has side effects
    // on clicks and keys, which a mouse user's own focus changes must not see.
    if !ui.input(|i| i.key_pressed(egui::Key::Tab)) {
        return;
    }
    let Some(rect) = focused
        .and_then(|id| ui.ctx().read_response(id))
        .map(|r| r.rect)
    else {
        return;
    };
    // Sideways only, and only for a widget that fits the view: the project
    // list's own focus spans the list, and rows scroll up and down by themselves.
    let view = ui.clip_rect();
    if rect.width() > view.width() {
        return;
    }
    let air = 8.0;
    let dx = if rect.max.x > view.max.x {
        view.max.x - rect.max.x - air
    } else if rect.min.x < view.min.x {
        view.min.x - rect.min.x + air
    } else {
        return;
    };
    ui.scroll_with_delta_animation(egui::vec2(dx, 0.0), egui::style::ScrollAnimation::none());
}
