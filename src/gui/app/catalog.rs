//! The 目录 screen's actions: editing the catalog draft (the plan is judged
//! against it at once), 还原, and saving it as a new catalog file.

use super::*;
use crate::gui::state::catalog_draft::{self, CatalogDraft, Change};

impl FundplanApp {
    /// Applies `change` to the draft (begun from the catalog in use) and
    /// judges the plan against the result, problems and all: the findings
    /// then show what the catalog as it stands would say, and the screen
    /// lists what is still wrong with it.
    pub(super) fn edit_catalog(&mut self, change: Change) {
        let (draft, doc) = self.session.catalog_draft_mut();
        doc.edit_catalog(|catalog| draft.apply(catalog, change));
    }

    /// Drops the draft: the plan is judged against the catalog it began from.
    pub(super) fn revert_catalog(&mut self) {
        let version = self.session.doc.catalog_version();
        if let Some(draft) = self.session.catalog_draft.take()
            && draft.edits(version)
            && let Some(loaded) = draft.into_loaded()
        {
            self.session.doc.set_catalog(loaded);
        }
    }

    /// 另存为新目录: asks for a new id while the draft has a built-in one,
    /// else where to save it.
    pub(super) fn save_catalog_as(&mut self, ctx: &egui::Context) {
        let catalog = self.session.doc.catalog();
        if catalog_draft::is_builtin(&catalog.id) || catalog.id.trim().is_empty() {
            let id = catalog_draft::suggested_id(catalog, &self.session.doc.plan().county.code);
            self.dialog = Some(Dialog::CatalogId(id));
            return;
        }
        self.choose(ctx, FileAction::SaveCatalog);
    }

    /// Writes the catalog the plan is judged against (the draft, if any) as
    /// a workbook.
    pub(super) fn export_catalog(&mut self, path: PathBuf) {
        let catalog = self.session.doc.catalog();
        self.dialog = Some(
            match crate::export::catalog_xlsx::save_catalog_workbook(catalog, &path) {
                Ok(()) => Dialog::Info(Message::WordsAndPath(
                    crate::Text::new("目录已导出：", "Catalog exported: "),
                    path,
                )),
                Err(e) => Dialog::Error(e.into()),
            },
        );
    }

    /// Reads a catalog workbook; what it does not say comes from the catalog
    /// in use. The result is judged against at once and can be saved from
    /// the 目录 screen; a workbook with problems changes nothing.
    pub(super) fn import_catalog(&mut self, path: PathBuf) {
        let defaults = crate::import::catalog::CatalogDefaults {
            base: Some(self.session.doc.catalog().clone()),
            ..Default::default()
        };
        match crate::import::catalog::import_catalog_file(&path, &defaults) {
            Ok(catalog) => {
                self.session.set_catalog(catalog);
                self.screen = Screen::Catalog;
                self.dialog = None;
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.into())),
        }
    }

    pub(super) fn save_catalog_now(&mut self, path: PathBuf) {
        self.dialog = Some(match self.save_catalog_to(&path) {
            Ok(()) => Dialog::Info(Message::WordsAndPath(
                crate::Text::new("目录已保存：", "Catalog saved: "),
                path,
            )),
            Err(e) => Dialog::Error(e),
        });
    }

    /// Writes the catalog the plan is judged against to `path` as a new
    /// catalog, the same path the 另存为新目录 button's file dialog takes.
    /// Refused while it has problems or a built-in id; once saved, it is what
    /// 还原 goes back to.
    pub fn save_catalog_to(&mut self, path: &std::path::Path) -> Result<(), Message> {
        let (draft, doc) = self.session.catalog_draft_mut();
        if let Some(p) = draft.save_refusal(doc.catalog()) {
            return Err(Message::Words(crate::Text::new(&p.zh, &p.en)));
        }
        crate::file::save_catalog(doc.catalog(), path)
            .map_err(|e| Message::Save(std::sync::Arc::new(e)))?;
        draft.saved();
        Ok(())
    }

    /// The catalog draft of the 目录 screen, if an edit began one.
    pub fn catalog_draft(&self) -> Option<&CatalogDraft> {
        self.session.catalog_draft.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::state::catalog_draft::Field;

    /// Issue 23: the working catalog lives in the document only. A keystroke
    /// on the 目录 screen edits it in place; a copy per keystroke would give
    /// the document a new catalog (its lines in a new place) every time.
    #[test]
    fn typing_on_the_catalog_screen_edits_the_documents_catalog_without_a_copy() {
        let mut app = FundplanApp::with_prefs(Prefs::default());
        app.edit_catalog(Change::Text(Field::Title, "N".into()));
        for typed in ["Ne", "New"] {
            let lines = app.doc().catalog().lines.as_ptr();
            app.edit_catalog(Change::Text(Field::Title, typed.into()));
            assert_eq!(app.doc().catalog().title, typed);
            assert_eq!(app.doc().catalog().lines.as_ptr(), lines, "no copy");
        }
        assert!(app.catalog_draft().is_some());
    }
}
