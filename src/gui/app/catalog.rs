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
        let draft = self.current_draft();
        draft.apply(change);
        let catalog = draft.catalog().clone();
        self.session.doc.set_catalog(catalog);
    }

    /// The draft of the catalog in use: the one begun, or a new one when
    /// none was, or when the catalog changed otherwise since (loaded from a
    /// file, switched to, or an undo of a switch): a draft of the catalog
    /// before would put that one back.
    fn current_draft(&mut self) -> &mut CatalogDraft {
        let in_use = self.session.doc.catalog();
        let draft = &mut self.session.catalog_draft;
        if draft.as_ref().is_none_or(|d| d.catalog() != in_use) {
            *draft = Some(CatalogDraft::new(in_use.clone()));
        }
        draft.get_or_insert_with(|| CatalogDraft::new(in_use.clone()))
    }

    /// Drops the draft: the plan is judged against the catalog it began from.
    pub(super) fn revert_catalog(&mut self) {
        if let Some(draft) = self.session.catalog_draft.take()
            && draft.catalog() == self.session.doc.catalog()
        {
            self.session.doc.set_catalog(draft.loaded().clone());
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
        let draft = self.current_draft();
        if let Some(p) = draft.save_refusal() {
            return Err(Message::Words(crate::Text::new(&p.zh, &p.en)));
        }
        crate::file::save_catalog(draft.catalog(), path)
            .map_err(|e| Message::Save(std::sync::Arc::new(e)))?;
        draft.saved();
        Ok(())
    }

    /// The catalog draft of the 目录 screen, if an edit began one.
    pub fn catalog_draft(&self) -> Option<&CatalogDraft> {
        self.session.catalog_draft.as_ref()
    }
}
