//! The window's frame around the screen: the menu bar, the navigation and
//! the status bar.

pub mod menu_ui;
pub mod nav_ui;
pub mod status_ui;
