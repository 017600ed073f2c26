//! The app's state apart from drawing: the open document's session,
//! preferences, crash recovery, commands, the league's side (roll-up) and
//! the native file dialogs.

pub mod action;
pub mod catalog_draft;
pub mod commands;
pub mod files;
pub mod focus;
pub mod league;
pub mod prefs;
pub mod recovery;
pub mod screen;
pub mod session;
pub mod view;
