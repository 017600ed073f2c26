//! The desktop app's tests: ONE test binary linking egui, a module per screen or area.
//!
//! Every test drives the app headless with egui_kittest, as a person does (keys, clicks on
//! the widget found by its accessible name, paste). The CLI's and the core's tests live in
//! binaries that do not link the GUI (tests/cli, core/tests/core), so a change to the GUI
//! relinks this binary only.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking; clippy.toml exempts #[test] functions, not their helpers"
)]

mod common;
mod snapshot;

mod app;
mod catalog;
mod files;
mod flow;
mod hostile;
mod input;
mod projects;
mod review;
mod review13;
mod session;
mod shell;
mod switch;
