//! The screens of the left navigation, one module each (the flow diagram
//! is drawn below the 整合矩阵).

pub mod catalog_ui;
pub mod compare_ui;
pub mod findings_ui;
pub mod flow_ui;
pub mod header_ui;
pub mod matrix_ui;
pub mod projects_ui;
pub mod review_ui;
pub mod sources_ui;
pub mod summary_ui;
