//! The outline around the field a finding or comment jumped to: it shows
//! where the eye should go, then fades so it is not mistaken for focus.
//! This is its state; `kit::flash` paints it.

use egui::Context;

use crate::gui::state::field::field_id;

/// How long the outline stays, in seconds; it fades over the last second.
pub const FLASH_SECS: f64 = 1.5;
const FADE_SECS: f64 = 1.0;

/// The jumped-to field and when it was first shown.
#[derive(Debug, Default)]
pub struct Flash {
    path: Option<String>,
    since: Option<f64>,
    /// The field has had keyboard focus since the jump.
    focused: bool,
}

impl Flash {
    /// Outlines the field at `path` from the next frame on.
    pub fn start(&mut self, path: String) {
        *self = Flash {
            path: Some(path),
            ..Flash::default()
        };
    }

    /// The path outlined, if any.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// Called at the start of a frame: ends the outline after [`FLASH_SECS`],
    /// or as soon as focus moves on from the field; else asks for the frames
    /// the fade needs.
    pub fn tick(&mut self, ctx: &Context) {
        let Some(path) = &self.path else { return };
        let now = ctx.input(|i| i.time);
        let since = *self.since.get_or_insert(now);
        let id = field_id(path);
        let focused = ctx.memory(|m| m.focused());
        self.focused |= focused == Some(id);
        let moved_on = self.focused && focused != Some(id);
        let left = FLASH_SECS - (now - since);
        if moved_on || left <= 0.0 {
            *self = Flash::default();
        } else if left > FADE_SECS {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(left - FADE_SECS));
        } else {
            // About 30 frames a second while fading.
            ctx.request_repaint_after(std::time::Duration::from_millis(33));
        }
    }

    /// The path for [`crate::gui::state::view::View::flash`]: the widgets draw a solid
    /// outline only on the first frame, before the field's place is known;
    /// after that `kit::flash::flash_ui` draws the fading one.
    pub fn for_widgets(&self, ctx: &Context) -> Option<&str> {
        let path = self.path.as_deref()?;
        match ctx.read_response(field_id(path)) {
            Some(_) => None,
            None => Some(path),
        }
    }

    /// The path outlined and how strongly, from 1 down to 0 over the last
    /// [`FADE_SECS`], at time `now`; `None` before the outline's first frame.
    pub fn fade(&self, now: f64) -> Option<(&str, f32)> {
        let (Some(path), Some(since)) = (&self.path, self.since) else {
            return None;
        };
        let left = FLASH_SECS - (now - since);
        Some((path, (left / FADE_SECS).clamp(0.0, 1.0) as f32))
    }
}
