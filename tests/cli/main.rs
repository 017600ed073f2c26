//! The command line, files and the review round as a user meets them: one test binary that
//! runs `fundplan` (`CARGO_BIN_EXE_fundplan`) and reads what it wrote.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking; clippy.toml exempts #[test] functions, not their helpers"
)]

#[path = "../support/mod.rs"]
mod common;

mod commands;
mod crash_safety;
mod hostile_folders;
mod hostile_import;
mod hostile_messages;
mod hostile_saves;
mod layers;
mod review;
mod review13;
