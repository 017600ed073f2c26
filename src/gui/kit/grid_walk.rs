//! Moving through a table's cells as in a spreadsheet, and keeping the cell
//! with focus on screen.
//!
//! Tab moves right along a row (egui's own focus order); Enter moves to the
//! next row (Shift+Enter: the previous one) in the column where the run of Tabs
//! started, as Excel does: type A1, Tab, B1, Enter → A2. A run is only Tabs:
//! however else focus arrives at a cell (a click, Ctrl+N, a finding), Enter
//! goes down that cell's own column, so typing never lands in a column the
//! person did not pick. egui_extras draws only
//! the visible rows of a table, and a focused widget that is not drawn loses
//! focus, so whenever focus moves to a row the table is told to scroll to it in
//! the same frame; the row is drawn in the next.

use egui::{Id, Key, Modifiers, Ui};

/// One row of editable cells, in display order.
pub struct GridRow {
    /// The row's index among the table's rows (for `scroll_to_row`).
    pub table_row: usize,
    /// The widget id of each column's cell, `None` where the row has none.
    pub cells: Vec<Option<Id>>,
}

/// What the table must do this frame.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Walk {
    /// Scroll so this table row is visible.
    pub scroll_to: Option<usize>,
    /// Focus this cell after drawing the table (Enter moved down or up).
    pub focus: Option<Id>,
}

/// Where focus was, where the current run of Tabs started, and whether the
/// last frame's input held a Tab (the key that moved focus, if it moved).
#[derive(Clone, Copy, Debug, Default)]
struct State {
    last: Option<(usize, usize)>,
    anchor_col: usize,
    tabbed: bool,
}

/// True when the frame's input holds a Tab press (forward, no modifier).
/// The app's held input gives a Tab a frame of its own, and egui moves focus
/// in that frame, so the walk sees the new cell in the frame after.
fn tab_pressed(ui: &Ui) -> bool {
    ui.input(|i| {
        i.events.iter().any(|e| {
            matches!(e, egui::Event::Key {
                key: Key::Tab,
                pressed: true,
                modifiers,
                ..
            } if modifiers.matches_exact(Modifiers::NONE))
        })
    })
}

/// The position of `id` in `rows`: (row, column).
fn find(rows: &[GridRow], id: Id) -> Option<(usize, usize)> {
    rows.iter().enumerate().find_map(|(r, row)| {
        row.cells
            .iter()
            .position(|c| *c == Some(id))
            .map(|c| (r, c))
    })
}

/// The cell Enter goes to from row `r`: the next (or previous) row's cell in
/// column `col`, or that row's nearest cell when it has none there.
pub fn enter_target(rows: &[GridRow], r: usize, col: usize, down: bool) -> Option<(usize, usize)> {
    let to = if down {
        r.checked_add(1)?
    } else {
        r.checked_sub(1)?
    };
    let row = rows.get(to)?;
    let exact = row.cells.get(col).copied().flatten().map(|_| col);
    let nearest = || {
        (0..row.cells.len())
            .filter(|c| row.cells.get(*c).copied().flatten().is_some())
            .min_by_key(|c| c.abs_diff(col))
    };
    exact.or_else(nearest).map(|c| (to, c))
}

/// Works out this frame's focus move and scroll for the table keyed by `salt`,
/// before it is drawn. `jump` is a cell a finding asked to focus.
pub fn walk(ui: &Ui, salt: Id, rows: &[GridRow], jump: Option<Id>) -> Walk {
    let state_id = salt.with("grid-walk");
    let mut state: State = ui.data(|d| d.get_temp(state_id)).unwrap_or_default();
    let focused = ui.memory(|m| m.focused()).and_then(|id| find(rows, id));
    let mut walk = Walk::default();
    if let Some((r, c)) = focused {
        if state.last != Some((r, c)) {
            // Tab to the right along the same row continues the run; any
            // other arrival (a click, a shortcut) starts one at this cell.
            let same_run = state.tabbed && state.last.is_some_and(|(lr, lc)| lr == r && lc < c);
            if !same_run {
                state.anchor_col = c;
            }
            walk.scroll_to = rows.get(r).map(|row| row.table_row);
        }
        state.last = Some((r, c));
        let enter = ui.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::Key {
                    key: Key::Enter,
                    pressed: true,
                    modifiers,
                    ..
                } if modifiers.matches_exact(Modifiers::NONE) => Some(true),
                egui::Event::Key {
                    key: Key::Enter,
                    pressed: true,
                    modifiers,
                    ..
                } if modifiers.matches_exact(Modifiers::SHIFT) => Some(false),
                _ => None,
            })
        });
        if let Some(down) = enter {
            // Past the first or last row, focus stays: typing never goes nowhere.
            let (tr, tc) = enter_target(rows, r, state.anchor_col, down).unwrap_or((r, c));
            if let Some(row) = rows.get(tr) {
                walk.focus = row.cells.get(tc).copied().flatten();
                walk.scroll_to = Some(row.table_row);
                // The run's column stays the anchor for the rows after.
                state.last = Some((tr, tc));
            }
        }
    }
    if let Some(id) = jump
        && let Some((r, _)) = find(rows, id)
    {
        walk.focus = Some(id);
        walk.scroll_to = rows.get(r).map(|row| row.table_row);
    }
    state.tabbed = tab_pressed(ui);
    ui.data_mut(|d| d.insert_temp(state_id, state));
    walk
}

/// Gives focus to the cell the walk chose; call after drawing the table.
pub fn finish(ui: &Ui, walk: &Walk) {
    if let Some(id) = walk.focus {
        ui.memory_mut(|m| m.request_focus(id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> Vec<GridRow> {
        (0..3)
            .map(|r| GridRow {
                table_row: r + 1,
                cells: (0..4)
                    .map(|c| (r != 1 || c != 0).then(|| Id::unique((r, c))))
                    .collect(),
            })
            .collect()
    }

    #[test]
    fn enter_goes_to_the_same_column_of_the_next_row() {
        let g = grid();
        assert_eq!(enter_target(&g, 0, 2, true), Some((1, 2)));
        assert_eq!(enter_target(&g, 1, 2, false), Some((0, 2)));
        assert_eq!(enter_target(&g, 2, 2, true), None);
        assert_eq!(enter_target(&g, 0, 2, false), None);
    }

    #[test]
    fn a_row_without_that_column_takes_its_nearest_cell() {
        let g = grid();
        assert_eq!(enter_target(&g, 0, 0, true), Some((1, 1)));
    }
}
