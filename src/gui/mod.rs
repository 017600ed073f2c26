//! The desktop app.

/// Opens the desktop app; returns the process exit status.
pub fn run(_file: Option<std::path::PathBuf>) -> i32 {
    0
}
