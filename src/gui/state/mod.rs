//! The app's state apart from drawing: what the user did ([`action`]), the
//! screens, what every panel reads ([`view`]), the dialogs' data, the open
//! document's session and its jump outline, preferences, crash recovery,
//! commands, the league's side (roll-up) and the native file dialogs. The
//! layer below `kit`: nothing here names a layer above it (tests/cli/layers.rs).

pub mod action;
pub mod catalog_draft;
pub mod commands;
pub mod dialog;
pub mod field;
pub mod files;
pub mod flash;
pub mod focus;
pub mod league;
pub mod prefs;
pub mod recovery;
pub mod screen;
pub mod session;
pub mod view;
