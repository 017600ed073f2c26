//! A drop-down list that works by mouse and by keyboard (every list of the
//! app: 使用方向, an own line's 大类, the new plan's catalog): it opens on a click,
//! Space, Enter or Down; Up/Down move the highlight, Enter or Space pick, and
//! the list is tall enough (or scrolls) to offer every choice.

use egui::{ComboBox, Event, Id, Key, Modifiers, Popup, Response, Ui};

/// Height of the open list: 13 uses fit without scrolling.
pub const LIST_HEIGHT: f32 = 420.0;

/// Lets Up/Down reach the focused widget `id` instead of moving focus away.
pub fn keep_arrows(ui: &Ui, id: Id) {
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            id,
            egui::EventFilter {
                vertical_arrows: true,
                ..Default::default()
            },
        )
    });
}

/// Up/Down pressed this frame (consumed): the rows to move by, down positive.
pub fn arrow_steps(ui: &Ui) -> i64 {
    ui.input_mut(|i| {
        i.count_and_consume_key(Modifiers::NONE, Key::ArrowDown) as i64
            - i.count_and_consume_key(Modifiers::NONE, Key::ArrowUp) as i64
    })
}

/// Moves `at` by `step` within `0..len`.
pub fn moved(at: usize, step: i64, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (at as i64 + step).clamp(0, len as i64 - 1) as usize
}

/// Enter or Space pressed this frame (consumed, so the button does not also
/// toggle the list).
pub fn pick_key(ui: &Ui) -> bool {
    ui.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::Enter) | i.consume_key(Modifiers::NONE, Key::Space)
    })
}

/// Removes the text typed this frame and returns it (empty if none).
pub fn take_text(ui: &Ui) -> String {
    ui.input_mut(|i| {
        let mut typed = String::new();
        i.events.retain(|e| match e {
            Event::Text(t) if !i.modifiers.command => {
                typed.push_str(t);
                false
            }
            _ => true,
        });
        typed
    })
}

/// The state between frames: the button's id, the highlighted row, and
/// whether the list was open when the frame began.
#[derive(Clone, Copy, Default)]
struct State {
    button: Option<Id>,
    highlight: usize,
    was_open: bool,
}

/// A list of `all` showing `current`; returns the button's response and the
/// choice made this frame. `key` must be unique and stable.
pub fn choice_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    key: Id,
    width: f32,
    current: T,
    all: &[T],
    label: impl Fn(T) -> String,
) -> (Response, Option<T>) {
    let state_id = key.with("choice");
    let mut st: State = ui.data(|d| d.get_temp(state_id)).unwrap_or_default();
    let at_current = all.iter().position(|c| *c == current).unwrap_or(0);
    let mut picked = None;
    let mut scroll = false;
    if let Some(button) = st.button {
        let popup = button.with("popup");
        let open = Popup::is_id_open(ui.ctx(), popup);
        let focused = ui.memory(|m| m.has_focus(button));
        if focused {
            keep_arrows(ui, button);
        }
        if !open {
            st.highlight = at_current;
        }
        if open {
            scroll = !st.was_open;
            // Keys go to the list while it is open, also after a mouse click.
            ui.memory_mut(|m| m.request_focus(button));
            let step = arrow_steps(ui);
            if step != 0 {
                st.highlight = moved(st.highlight, step, all.len());
                scroll = true;
            }
            if pick_key(ui) {
                picked = all.get(st.highlight).copied();
                Popup::close_id(ui.ctx(), popup);
            }
        } else if focused && arrow_steps(ui) > 0 {
            scroll = true;
            Popup::open_id(ui.ctx(), popup);
        }
        st.was_open = open;
    }
    let combo = ComboBox::from_id_salt(key)
        .width(width)
        .height(LIST_HEIGHT)
        .selected_text(label(current))
        .show_ui(ui, |ui| {
            for (k, c) in all.iter().enumerate() {
                let r = ui.selectable_label(k == st.highlight, label(*c));
                if k == st.highlight && scroll {
                    r.scroll_to_me(None);
                }
                if r.clicked() {
                    picked = Some(*c);
                }
            }
        });
    st.button = Some(combo.response.id);
    ui.data_mut(|d| d.insert_temp(state_id, st));
    (combo.response, picked.filter(|c| *c != current))
}
