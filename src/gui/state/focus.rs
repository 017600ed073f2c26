//! The one focus request: what should take the keyboard focus, and for how
//! many more frames it may try. Actions set it (in the session: it belongs to
//! the open document's widgets); the app's frame satisfies it, in one place
//! (`app/frame.rs`, before and after drawing).
//!
//! One exception, on purpose: a dialog's own text field (the comment's text,
//! the path dialog's path) takes the focus through a flag in the dialog's
//! state (`Dialog::Comment::focus`, `PathForm::focus`), asked by the dialog
//! as it draws the field. The flag dies with the dialog; a request here would
//! outlive it, and while it lasted (up to four frames after a quick Enter or
//! Escape) it would stop the give-back of the document's field the dialog
//! interrupted, which is made only when no request is pending. And the field
//! must be asked in the modal's visible pass, not its first unseen one, at
//! the moment the dialog says (the path dialog asks again after a recent
//! folder is clicked, with the cursor put at the end, and not while its
//! overwrite question shows), which the frame's request, made by id before
//! anything is drawn, cannot see.

use egui::Id;

/// Frames a widget is asked to take the focus, at most (the first included):
/// the user may have moved on.
const WIDGET_FRAMES: u8 = 4;

/// Frames a jump waits at most for its field to be drawn (scroll animation),
/// after the first.
const JUMP_FRAMES: u8 = 10;

/// What should take the focus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// The widget with this id, asked for at the start of each frame until it
    /// holds the focus at the end of one: a widget that appears for the first
    /// time (a new project's form) is first laid out unseen, and egui drops a
    /// focus given to it in that frame.
    Widget(Id),
    /// The field at this plan path (a finding's record, a screen's first
    /// field): the field asks for the focus itself when drawn and scrolls to
    /// itself, since a table first scrolls (animated) to the row, which is
    /// drawn only once visible; it says so with `Action::Jumped`.
    Path(String),
    /// The first control the screen drawn marks ([`crate::gui::kit`]'s
    /// `first_input`): a button, the first finding.
    FirstMarked,
}

/// A focus request: its target and the frames it may still try.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FocusRequest {
    /// What should take the focus.
    pub target: FocusTarget,
    /// Frames it may still try after the current one.
    pub frames: u8,
    /// Frames without a dialog to wait before asking: a field given back
    /// after a dialog, which egui still blocks in the frame after the dialog
    /// closed (it drops a focus given there). `None` once it asks.
    pub wait: Option<u8>,
}

impl FocusRequest {
    fn new(target: FocusTarget, frames: u8) -> FocusRequest {
        FocusRequest {
            target,
            frames,
            wait: None,
        }
    }

    /// Focus the widget `id` from the next frame on (a field that appears
    /// only after this frame's edits, a screen's input with a fixed id).
    pub fn widget(id: Id) -> FocusRequest {
        FocusRequest::new(FocusTarget::Widget(id), WIDGET_FRAMES - 1)
    }

    /// Show and focus the field at `path`, waiting a few frames for it to be
    /// scrolled to and drawn (a finding's record).
    pub fn jump(path: String) -> FocusRequest {
        FocusRequest::new(FocusTarget::Path(path), JUMP_FRAMES)
    }

    /// Focus the field at `path` if the next frame draws it (a screen's first
    /// field, arriving by key).
    pub fn path_once(path: String) -> FocusRequest {
        FocusRequest::new(FocusTarget::Path(path), 0)
    }

    /// Focus what the screen drawn next marks as its first control.
    pub fn first_marked() -> FocusRequest {
        FocusRequest::new(FocusTarget::FirstMarked, 0)
    }

    /// Give the focus back to the text field `id` after a dialog closed,
    /// from the frame after the next on, typing on where it was.
    pub fn give_back(id: Id) -> FocusRequest {
        FocusRequest {
            wait: Some(1),
            ..FocusRequest::widget(id)
        }
    }

    /// The widget asked for, when the request names one by id.
    pub fn widget_id(&self) -> Option<Id> {
        match &self.target {
            FocusTarget::Widget(id) => Some(*id),
            _ => None,
        }
    }

    /// The path of the field that should take the focus, for a jump.
    pub fn path(&self) -> Option<&str> {
        match &self.target {
            FocusTarget::Path(path) => Some(path),
            _ => None,
        }
    }

    /// One more frame tried: false when it may try no more.
    pub fn tried(&mut self) -> bool {
        match self.frames.checked_sub(1) {
            Some(left) => {
                self.frames = left;
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_widget_is_asked_four_frames_and_a_jump_eleven() {
        let tries = |mut r: FocusRequest| (1..).take_while(|_| r.tried()).count() + 1;
        assert_eq!(tries(FocusRequest::widget(Id::unique("w"))), 4);
        assert_eq!(tries(FocusRequest::jump("sources[C01]".into())), 11);
        assert_eq!(tries(FocusRequest::path_once("county.code".into())), 1);
        let back = FocusRequest::give_back(Id::unique("w"));
        assert_eq!(back.wait, Some(1));
        assert_eq!(tries(back), 4);
    }
}
