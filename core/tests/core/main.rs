//! fundplan-core's integration tests: one binary, a module per area (files, rules, exports,
//! imports, PDF, robustness).

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
