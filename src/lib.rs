//! fundplan: plan, check and review a poverty banner's consolidation of
//! agriculture and pastoral funds (统筹整合使用财政涉农涉牧资金).
//!
//! The domain core ([`plan`], [`catalog`], [`money`], [`file`], [`validate`],
//! [`digest`], [`sample`]) knows nothing of the GUI; the command line ([`cli`])
//! and the desktop app (`gui`, behind the default `gui` feature) are thin layers
//! over it.

pub mod catalog;
pub mod cli;
pub mod diff;
pub mod digest;
mod enums;
pub mod export;
pub mod file;
pub mod format;
#[cfg(feature = "gui")]
pub mod gui;
pub mod import;
pub mod lang;
pub mod money;
pub mod plan;
pub mod register;
mod ronfmt;
pub mod sample;
pub mod summary;
pub mod validate;

pub use lang::{Lang, Text};
pub use money::Money;
