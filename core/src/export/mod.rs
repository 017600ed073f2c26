//! Tables in the layouts officials use (domain.md §4.2), and the files made
//! from them: CSV, Excel/WPS workbooks and PDF; and a catalog as a workbook
//! ([`catalog_xlsx`]).
//!
//! [`tables`] turns a plan into [`Table`]s once; every format writes the same
//! tables, so what a spreadsheet, a CSV file and a printed notice say agrees.

pub mod catalog_xlsx;
pub mod csv;
pub mod pdf;
pub mod tables;
pub mod xlsx;

pub use tables::{Cell, Table, TableKind, tables};
