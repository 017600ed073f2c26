//! fundplan-core's integration tests: one binary, a module per area (files, rules, exports,
//! imports, PDF, robustness).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking; clippy.toml exempts #[test] functions, not their helpers"
)]

#[path = "../common/mod.rs"]
mod common;

mod canonical;
mod hostile_catalogs;
mod io_messages;
mod load_errors;
mod pdf;
mod robust;
mod roundtrip;
mod rules;
mod xlsx;
