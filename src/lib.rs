//! fundplan: plan, check and review a poverty banner's consolidation of
//! agriculture and pastoral funds (统筹整合使用财政涉农涉牧资金).
//!
//! The domain lives in the GUI-free crate [`fundplan_core`], re-exported here
//! module by module so that `fundplan::plan` and `crate::plan` name the same
//! thing; this crate adds the command line ([`cli`]) and the desktop app
//! (`gui`, behind the default `gui` feature), thin layers over it.

pub use fundplan_core::{
    Lang, Money, Text, blank, catalog, clipboard, diff, digest, document, edit, export, file,
    format, import, lang, money, plan, register, sample, scan, submit, summary, switch, validate,
};

pub mod cli;
mod exit;
#[cfg(feature = "gui")]
pub mod gui;
pub mod logger;

pub use exit::Exit;
