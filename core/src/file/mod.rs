//! Reading and writing plan and catalog files.
//!
//! Loading either yields a complete, well-formed value or a [`LoadError`] that
//! names the file and, where the parser knows it, the line and column. Saving
//! writes canonical pretty RON (the same plan always gives the same bytes)
//! through a temporary file in the target folder that is flushed, synced and then
//! renamed over the old file, so a crash mid-save leaves the old file intact.

pub mod canonical;
mod error;
pub mod failpoint;
mod limits;
mod load;
mod regular;
mod save;
mod syntax;

pub use crate::text::{QUOTED_CHARS, clip};
pub use error::{LoadError, LoadErrorKind, Position};
pub(crate) use limits::check_limits;
pub use limits::{
    MAX_COMMENTS, MAX_FUNDING, MAX_PROJECTS, MAX_SOURCES, MAX_TEXT_CHARS, text_too_long,
};
pub use load::{
    load_catalog, load_catalog_problems, load_plan, parse_catalog, parse_plan, parse_plan_with_ron,
    read_text,
};
pub(crate) use load::{parse_catalog_alone, without_bom};
pub use regular::{FileKind, NotRegular, check_target, open_regular};
pub use save::{
    SaveError, SaveFailure, back_up_if_replaced, backup_path, catalog_to_string, persist_document,
    plan_to_string, replace_keeping_backup, resolve_links, same_file, save_catalog, save_plan,
    write_atomic, write_atomic_with,
};
pub(crate) use syntax::syntax_text;

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Nesting deeper than this is refused; real plans nest five levels.
const RECURSION_LIMIT: usize = 64;
