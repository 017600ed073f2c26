//! Everything that belongs to the open document, kept together so that
//! replacing the document (open, new, import, reload, restore) is one
//! assignment and nothing of the old plan lingers.

use crate::document::Document;
use crate::gui::state::catalog_draft::CatalogDraft;
use crate::gui::state::flash::Flash;
use crate::gui::state::focus::FocusRequest;
use crate::gui::state::league::Compare;

/// What the receipt register in use said of the open plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registered {
    /// The register file: the 汇总's, the plan folder's or the app's.
    pub path: std::path::PathBuf,
    /// Its word on the plan's seal.
    pub mark: crate::register::Mark,
    /// The decision it holds for the plan's digest.
    pub held: Option<crate::plan::Decision>,
}

/// The open document and the GUI state that belongs to it alone.
pub struct Session {
    /// The plan, its file, undo and validation.
    pub doc: Document,
    /// Selected project index on the projects screen.
    pub selected_project: Option<usize>,
    /// What should take the keyboard focus: the one request, set by
    /// actions, satisfied by the app's frame.
    pub focus: Option<FocusRequest>,
    /// The outline around the field last jumped to.
    pub flash: Flash,
    /// Set once the user has been told an edit breaks the submission seal.
    pub seal_warned: bool,
    /// The receipt register's word on the plan (set when a sealed plan is
    /// opened for review).
    pub register: Option<Registered>,
    /// The earlier revision the plan is compared with.
    pub compare: Option<Compare>,
    /// The open file changed on disk (checked every few seconds).
    pub disk_changed: bool,
    /// When the file on disk was last checked (egui time, seconds).
    pub last_disk_check: f64,
    /// The catalog being edited on the 目录 screen, once an edit began; the
    /// plan is judged against it meanwhile.
    pub catalog_draft: Option<CatalogDraft>,
    /// The plan's state when the step under way (打开…, 从 Excel 导入…)
    /// was let go ahead, nothing being unsaved or 不保存 answered: the path
    /// its dialog picks then goes ahead without the same question, unless
    /// the plan changed since. A new step forgets it.
    pub allowed_at: Option<u64>,
}

impl Session {
    /// A fresh session on `doc`: nothing selected, jumped to, compared or warned.
    pub fn new(doc: Document) -> Session {
        Session {
            doc,
            selected_project: None,
            focus: None,
            flash: Flash::default(),
            seal_warned: false,
            register: None,
            compare: None,
            disk_changed: false,
            last_disk_check: 0.0,
            catalog_draft: None,
            allowed_at: None,
        }
    }

    /// What the receipt register says about the open plan (set when a
    /// sealed plan is opened for review).
    pub fn register_mark(&self) -> Option<crate::register::Mark> {
        self.register.as_ref().map(|r| r.mark)
    }

    /// What the receipt register says about the decision the open plan
    /// claims; `None` when no register was checked.
    pub fn review_mark(&self) -> Option<crate::register::ReviewMark> {
        let r = self.register.as_ref()?;
        let claimed = crate::register::Receipt::sealed(self.doc.plan(), self.doc.seal()).claimed;
        Some(crate::register::ReviewMark::of(claimed, r.mark, r.held))
    }

    /// Judges the plan against `catalog` from now on; a draft being edited
    /// on the 目录 screen is dropped (it belonged to the catalog before).
    pub fn set_catalog(&mut self, catalog: crate::catalog::Catalog) {
        self.catalog_draft = None;
        self.doc.set_catalog(catalog);
    }

    /// The 目录 screen's draft of the catalog in use, with the document whose
    /// catalog it edits: the draft begun, or a new one when none was, or when
    /// another catalog is in use since (loaded, switched to): a draft of the
    /// catalog before would put that one back.
    pub fn catalog_draft_mut(&mut self) -> (&mut CatalogDraft, &mut Document) {
        let version = self.doc.catalog_version();
        if self
            .catalog_draft
            .as_ref()
            .is_some_and(|d| !d.edits(version))
        {
            self.catalog_draft = None;
        }
        let draft = self
            .catalog_draft
            .get_or_insert_with(|| CatalogDraft::new(self.doc.catalog(), version));
        (draft, &mut self.doc)
    }
}
