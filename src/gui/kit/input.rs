//! Input in the order a person typed it.
//!
//! egui moves keyboard focus while it draws a frame, but a frame hands every
//! widget all the events that arrived since the last one. When a fast typist
//! (or a slow PC) puts "900", Tab, "80" into one frame, the digits after Tab
//! would still reach the field that had focus at the start of the frame. And
//! egui decides a Tab or Escape when the frame begins, so even the digits
//! *before* the Tab would miss their field. So [`HeldInput::hook`], called from
//! `eframe::App::raw_input_hook`, gives every event that can move focus a frame
//! of its own: the events before it come first, the ones after it wait, in
//! order, for the frame after it, when focus has moved.
//!
//! A click (or key) that *creates* a field and focuses it (＋ 旗县资金, a new
//! project) moves focus later still: the new field is drawn, and takes focus,
//! only in a frame after the click. [`HeldInput::hold_until_focused`] keeps
//! every event back until that field has focus, so "盟市" typed right after
//! the click lands in it instead of nowhere.

use egui::{Event, Id, Key, RawInput};

/// Frames at most that events wait for a field to take focus: the field may
/// never come (a jump to a path no screen shows), and the keys must not be
/// kept from the user for long.
const MAX_AWAIT_FRAMES: u8 = 12;

/// Events kept back for later frames.
#[derive(Debug, Default)]
pub struct HeldInput {
    held: Vec<Event>,
    /// The next frame gets no events (see [`HeldInput::wait_a_frame`]).
    wait: bool,
    /// A field asked to take focus (see [`HeldInput::hold_until_focused`]).
    awaited: Option<Awaited>,
}

/// A field that events wait for.
#[derive(Debug)]
struct Awaited {
    id: Id,
    /// Frames drawn since it was asked for.
    frames: u8,
    /// It was drawn with focus, or waited for long enough: the next frame
    /// gets the events.
    arrived: bool,
}

/// True for an event after which focus may be elsewhere: Tab, Enter and
/// Escape (they leave or move between fields), arrow and page keys (lists and
/// tables move their selection), shortcuts with Ctrl/Cmd/Alt (screens, undo,
/// new project), and mouse button presses and releases (a click focuses).
pub fn moves_focus(event: &Event) -> bool {
    match event {
        Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => {
            matches!(
                key,
                Key::Tab
                    | Key::Enter
                    | Key::Escape
                    | Key::ArrowUp
                    | Key::ArrowDown
                    | Key::PageUp
                    | Key::PageDown
            ) || modifiers.command
                || modifiers.ctrl
                || modifiers.alt
        }
        Event::PointerButton { .. } => true,
        _ => false,
    }
}

impl HeldInput {
    /// Lets through the events before the first one that may move focus, or
    /// that one alone when it comes first (older held events first); holds the
    /// rest. While a field is awaited ([`HeldInput::hold_until_focused`]),
    /// holds everything until a frame drew it with focus
    /// ([`HeldInput::note_focus`]). Returns true while events are held or a
    /// field is awaited: the caller must ask for another frame.
    pub fn hook(&mut self, raw: &mut RawInput) -> bool {
        if let Some(awaited) = &self.awaited {
            if !awaited.arrived {
                // Holding everything, this frame is also the one a
                // `wait_a_frame` asked for.
                self.wait = false;
                self.held.append(&mut raw.events);
                return true;
            }
            self.awaited = None;
        }
        let mut events = std::mem::take(&mut self.held);
        events.append(&mut raw.events);
        if std::mem::take(&mut self.wait) {
            self.held = events;
            return self.is_holding();
        }
        if let Some(at) = events.iter().position(moves_focus) {
            self.held = events.split_off(at.max(1));
        }
        raw.events = events;
        self.is_holding()
    }

    /// Holds every event for one frame. egui blocks the layers under a modal
    /// dialog until the end of the first frame drawn without it, so a click
    /// (or key) in that frame would be swallowed; after a dialog closes, the
    /// app lets one empty frame pass first.
    pub fn wait_a_frame(&mut self) {
        self.wait = true;
    }

    /// Holds every event from the next frame on until the field `id` has
    /// focus (or a few frames have passed): a click or key created it and
    /// asked it to take focus, which it can do only once it is drawn.
    pub fn hold_until_focused(&mut self, id: Id) {
        self.awaited = Some(Awaited {
            id,
            frames: 0,
            arrived: false,
        });
    }

    /// True while a field is awaited: the caller tells after each frame which
    /// widget it drew with focus ([`HeldInput::note_focus`]).
    pub fn awaits_focus(&self) -> bool {
        self.awaited.as_ref().is_some_and(|a| !a.arrived)
    }

    /// After a frame: `focused` is the widget that has focus and was drawn
    /// in it, if any. Counted here, not in [`HeldInput::hook`], so that a
    /// frame run without the hook (a test harness) ends the wait too.
    pub fn note_focus(&mut self, focused: Option<Id>) {
        if let Some(a) = &mut self.awaited {
            a.frames = a.frames.saturating_add(1);
            a.arrived |= focused == Some(a.id) || a.frames >= MAX_AWAIT_FRAMES;
        }
    }

    /// True while events wait for a later frame, or for a field to take focus.
    pub fn is_holding(&self) -> bool {
        !self.held.is_empty() || self.awaits_focus()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Event {
        Event::Text(s.to_string())
    }

    fn key(key: Key, pressed: bool) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Default::default(),
        }
    }

    fn frame(held: &mut HeldInput, events: Vec<Event>) -> Vec<Event> {
        let mut raw = RawInput {
            events,
            ..Default::default()
        };
        held.hook(&mut raw);
        raw.events
    }

    #[test]
    fn events_after_tab_wait_for_the_next_frame_in_order() {
        let mut held = HeldInput::default();
        let typed = vec![
            text("9"),
            text("0"),
            key(Key::Tab, true),
            key(Key::Tab, false),
            text("8"),
            key(Key::Enter, true),
            text("7"),
        ];
        assert_eq!(frame(&mut held, typed), vec![text("9"), text("0")]);
        assert!(held.is_holding());
        // New events of the next frame queue behind the held ones.
        assert_eq!(frame(&mut held, vec![text("6")]), vec![key(Key::Tab, true)]);
        assert_eq!(
            frame(&mut held, vec![]),
            vec![key(Key::Tab, false), text("8")]
        );
        assert_eq!(frame(&mut held, vec![]), vec![key(Key::Enter, true)]);
        assert_eq!(frame(&mut held, vec![]), vec![text("7"), text("6")]);
        assert!(!held.is_holding());
        assert_eq!(frame(&mut held, vec![]), vec![]);
    }

    #[test]
    fn after_wait_a_frame_the_next_frame_gets_nothing_and_the_one_after_all() {
        let mut held = HeldInput::default();
        held.wait_a_frame();
        assert_eq!(frame(&mut held, vec![text("1")]), vec![]);
        assert!(held.is_holding());
        assert_eq!(
            frame(&mut held, vec![text("2")]),
            vec![text("1"), text("2")]
        );
        assert!(!held.is_holding());
    }

    /// A frame, then the app telling which widget it drew with focus.
    fn frame_focused(held: &mut HeldInput, events: Vec<Event>, focused: Option<Id>) -> Vec<Event> {
        let events = frame(held, events);
        held.note_focus(focused);
        events
    }

    #[test]
    fn an_awaited_field_gets_every_event_once_it_has_focus() {
        let (button, field) = (Id::unique("button"), Id::unique("field"));
        let mut held = HeldInput::default();
        held.hold_until_focused(field);
        assert!(held.is_holding());
        assert_eq!(
            frame_focused(&mut held, vec![text("扶")], Some(button)),
            vec![]
        );
        // The frame that draws the field with focus still gets nothing: the
        // field takes focus while it is drawn, after it read the events.
        assert_eq!(
            frame_focused(&mut held, vec![text("贫")], Some(field)),
            vec![]
        );
        assert!(held.is_holding());
        assert_eq!(
            frame(&mut held, vec![key(Key::Tab, true)]),
            vec![text("扶"), text("贫")]
        );
        assert_eq!(frame(&mut held, vec![]), vec![key(Key::Tab, true)]);
        assert!(!held.is_holding());
    }

    #[test]
    fn a_field_that_never_takes_focus_keeps_the_events_a_few_frames_only() {
        let mut held = HeldInput::default();
        held.hold_until_focused(Id::unique("never drawn"));
        let mut delivered = frame_focused(&mut held, vec![text("1")], None);
        let mut empty_frames = 1;
        while delivered.is_empty() && empty_frames < 100 {
            delivered = frame_focused(&mut held, vec![], None);
            empty_frames += u8::from(delivered.is_empty());
        }
        assert_eq!(empty_frames, MAX_AWAIT_FRAMES);
        assert_eq!(delivered, vec![text("1")]);
        assert!(!held.is_holding());
    }

    #[test]
    fn plain_typing_and_key_releases_pass_in_one_frame() {
        let mut held = HeldInput::default();
        let typed = vec![
            text("1"),
            key(Key::Backspace, true),
            key(Key::Backspace, false),
            text("2"),
            key(Key::Tab, false),
        ];
        assert_eq!(frame(&mut held, typed.clone()), typed);
        assert!(!held.is_holding());
    }

    #[test]
    fn clicks_and_shortcuts_move_focus() {
        let click = Event::PointerButton {
            pos: egui::pos2(1.0, 1.0),
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: Default::default(),
        };
        assert!(moves_focus(&click));
        let ctrl_2 = Event::Key {
            key: Key::Num2,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::COMMAND,
        };
        assert!(moves_focus(&ctrl_2));
        assert!(!moves_focus(&key(Key::Num2, true)));
        assert!(moves_focus(&key(Key::Escape, true)));
    }
}
