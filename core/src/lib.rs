//! fundplan-core: the domain of fundplan, which plans, checks and reviews a
//! poverty banner's consolidation of agriculture and pastoral funds
//! (统筹整合使用财政涉农涉牧资金).
//!
//! The plan model ([`plan`], [`catalog`], [`money`]), its files ([`file`],
//! [`scan`]), the validator ([`validate`]), seals ([`digest`], [`submit`]),
//! comparison and roll-up ([`diff`], [`summary`]), exchange with spreadsheets
//! and print ([`export`], [`import`]), generated plans ([`sample`]) and the
//! open document with its undo history ([`document`], [`edit`]). Nothing here
//! knows of a GUI: the command line and the desktop app in the `fundplan`
//! crate are thin layers over it, and its tests build without egui.

pub mod blank;
pub mod catalog;
pub mod clipboard;
pub mod diff;
pub mod digest;
pub mod document;
pub mod edit;
mod enums;
pub mod export;
pub mod file;
pub mod format;
pub mod import;
pub mod ioerr;
pub mod lang;
pub mod money;
pub mod plan;
pub mod register;
mod ronfmt;
pub mod sample;
pub mod scan;
pub mod submit;
pub mod summary;
pub mod switch;
pub mod text;
pub mod validate;

pub use lang::{Lang, Text};
pub use money::Money;
