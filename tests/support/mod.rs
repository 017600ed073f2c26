//! Helpers shared by the top crate's test binaries that know no GUI: the core's (paths, the
//! sample, plans, workbooks), running the `fundplan` binary, and the files and workbooks the
//! hostile tests make. The CLI binary and tests/packages.rs include this and nothing that
//! names `fundplan::` (which would link the app); tests/gui/common.rs adds the app's helpers.
#![allow(
    dead_code,
    unused_imports,
    reason = "each test binary uses some of the helpers (an #[expect] would fail in the binaries that use them all)"
)]

#[path = "../../core/tests/common/mod.rs"]
mod core_common;
pub use core_common::*;

#[cfg(unix)]
pub mod files;
pub mod workbook;

/// Runs the `fundplan` binary with `args`.
pub fn fundplan_cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_fundplan"))
        .args(args)
        .output()
        .unwrap()
}
