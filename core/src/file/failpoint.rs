//! A failpoint in the save path, for the crash-safety test (tests/cli/crash_safety.rs).
//!
//! `FUNDPLAN_FAILPOINT=save:N` makes the process stop dead (`std::process::abort`, as a
//! kill or a power cut would: no destructor runs, no temporary file is removed) when the
//! N-th step of its saves is reached, counted from 1 over the whole process. The steps,
//! in the order one save of a plan over an older file reaches them:
//!
//! 1. the backup's hard link made under a temporary name (`keep_backup`);
//! 2. that link renamed over `NAME.bak`;
//! 3. the temporary link removed (the backup done);
//! 4. the plan's temporary file created, empty (`write_atomic_with`);
//! 5. half of the plan's bytes written to it (`write_atomic`);
//! 6. all of them written, not yet synced;
//! 7. synced, not yet renamed;
//! 8. renamed over `NAME` (`persist_document`), the folder not yet synced;
//! 9. the folder synced: the save is complete.
//!
//! A save that copies the backup instead of linking it (no hard links) reaches steps 4–9
//! for the backup's copy first. Without the variable (or with any other value) a step costs
//! one look at a value read once; the app and the command line never set it.
//!
//! Only debug builds (`cfg(debug_assertions)`, what `cargo test` builds and runs) have the
//! failpoint: in a release build `step` is empty and the variable is never read, so no
//! environment can make a shipped fundplan abort in the middle of a save.

#[cfg(debug_assertions)]
use std::sync::OnceLock;
#[cfg(debug_assertions)]
use std::sync::atomic::{AtomicU64, Ordering};

/// The variable read, once per process.
pub const VARIABLE: &str = "FUNDPLAN_FAILPOINT";

/// The step to stop at, if `FUNDPLAN_FAILPOINT=save:N` is set.
#[cfg(debug_assertions)]
fn stop_at() -> Option<u64> {
    static STOP: OnceLock<Option<u64>> = OnceLock::new();
    *STOP.get_or_init(|| {
        std::env::var(VARIABLE)
            .ok()?
            .strip_prefix("save:")?
            .parse()
            .ok()
    })
}

/// A save reached its next step: stop the process here if this is the step asked for
/// (debug builds only; see the module's doc).
#[cfg(debug_assertions)]
pub(super) fn step() {
    static REACHED: AtomicU64 = AtomicU64::new(0);
    if let Some(n) = stop_at() {
        let reached = REACHED.fetch_add(1, Ordering::SeqCst) + 1;
        if reached == n {
            std::process::abort();
        }
    }
}

/// A release build has no failpoint: a save's steps cost nothing.
#[cfg(not(debug_assertions))]
#[inline(always)]
pub(super) fn step() {}
