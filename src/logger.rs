//! Best-effort failures — a recovery file that could not be written, the app's
//! register folder that could not be made — must not stop the work, but should
//! not vanish either. They go through the `log` facade with [`warn_once`], and
//! [`install`] writes fundplan's own records to standard error, one line each:
//! in the terminal for a command-line user, in the desktop session's log (the
//! journal, `~/.xsession-errors`) for one who started the app from a menu.
//!
//! A dozen lines instead of a logger crate (`env_logger`, `simplelog`): the
//! only thing needed is to print our own warnings; the records of eframe,
//! winit and wgpu stay unprinted, as they were before a logger was installed.

use std::collections::HashSet;
use std::io::Write as _;
use std::sync::{Mutex, OnceLock};

use log::{Level, LevelFilter, Log, Metadata, Record};

/// Writes fundplan's warnings and errors to standard error.
struct Stderr;

impl Log for Stderr {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.level() <= Level::Warn && metadata.target().starts_with("fundplan")
    }

    fn log(&self, record: &Record<'_>) {
        if self.enabled(record.metadata()) {
            // Nowhere is left to say that standard error failed (`eprintln!`
            // would panic instead).
            writeln!(std::io::stderr().lock(), "{}", record.args()).ok();
        }
    }

    fn flush(&self) {
        std::io::stderr().flush().ok();
    }
}

/// Installs the standard-error logger (once; a second call changes nothing).
pub fn install() {
    static LOGGER: Stderr = Stderr;
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(LevelFilter::Warn);
    }
}

/// Logs `message` as a warning the first time it is given in this run: a
/// failure that repeats (the recovery file is retried every 30 seconds) is
/// said once. True when it was logged now.
pub fn warn_once(message: String) -> bool {
    static SAID: OnceLock<Mutex<HashSet<String>>> = OnceLock::new();
    let said = SAID.get_or_init(Mutex::default);
    // A poisoned set only means a panic elsewhere; the set itself is whole.
    let mut said = said
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if said.contains(&message) {
        return false;
    }
    log::warn!("{message}");
    said.insert(message);
    true
}

#[cfg(test)]
mod tests {
    use super::warn_once;

    #[test]
    fn a_repeated_failure_is_said_once() {
        let first = "恢复文件未写入：测试 / The recovery file was not written: test".to_string();
        assert!(warn_once(first.clone()));
        assert!(!warn_once(first.clone()), "said twice");
        assert!(warn_once(format!("{first} (another)")));
    }
}
