//! Fields by the plan path they show.

use egui::Id;

/// The widget id of the field at `path`: stable, so a finding can focus it.
pub fn field_id(path: &str) -> Id {
    Id::unique(("field", path))
}
