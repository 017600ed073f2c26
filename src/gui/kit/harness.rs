//! Unit tests of one screen or dialog: draw it alone and keep the actions
//! it emits.

use egui::Ui;
use egui_kittest::Harness;

use crate::document::Document;
use crate::gui::state::action::Action;
use crate::gui::state::view::View;

/// A headless harness drawing `part` on `doc` in Chinese, in 万元, with the
/// app's fonts; its state is the actions emitted so far.
pub fn harness<'a>(
    doc: &'a Document,
    read_only: bool,
    mut part: impl FnMut(&mut Ui, &View<'_>, &mut Vec<Action>) + 'a,
) -> Harness<'a, Vec<Action>> {
    Harness::builder()
        .with_context_setup(crate::gui::kit::fonts::install)
        .build_ui_state(
            move |ui, out: &mut Vec<Action>| {
                let view = View {
                    doc,
                    lang: crate::Lang::Zh,
                    unit: crate::money::Unit::Wan,
                    jump: None,
                    flash: None,
                    selected_project: None,
                    read_only,
                    register: None,
                    review: None,
                    register_path: None,
                };
                part(ui, &view, out);
            },
            Vec::new(),
        )
}
