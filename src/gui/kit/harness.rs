//! Unit tests of one screen or dialog: draw it alone and keep the actions
//! it emits.

use egui::Ui;
use egui_kittest::Harness;

use crate::document::Document;
use crate::gui::state::action::Action;
use crate::gui::state::prefs::Prefs;
use crate::gui::state::session::Session;
use crate::gui::state::view::View;

/// A headless harness drawing `part` on `doc` (in review mode if
/// `read_only`) in Chinese, in 万元, with the app's fonts; its state is the
/// actions emitted so far.
pub fn harness<'a>(
    mut doc: Document,
    read_only: bool,
    mut part: impl FnMut(&mut Ui, &View<'_>, &mut Vec<Action>) + 'a,
) -> Harness<'a, Vec<Action>> {
    doc.set_read_only(read_only);
    let session = Session::new(doc);
    let prefs = Prefs::default();
    Harness::builder()
        .with_context_setup(crate::gui::kit::fonts::install)
        .build_ui_state(
            move |ui, out: &mut Vec<Action>| {
                let view = View::new(&session, &prefs);
                part(ui, &view, out);
            },
            Vec::new(),
        )
}
