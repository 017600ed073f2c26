//! The building blocks the screens draw with: fields and amount cells,
//! choices, keyboard walking and input order, the look and fonts,
//! the jump highlight, sideways scrolling.

pub mod amount_cell;
pub mod choice;
pub mod first_input;
pub mod flash;
pub mod fonts;
pub mod grid_walk;
pub mod input;
pub mod select;
pub mod sideways;
pub mod targets;
pub mod theme;
pub mod widgets;
