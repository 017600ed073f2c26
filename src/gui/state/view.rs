//! What every panel reads: the open document, its session and the
//! preferences, borrowed for one frame, never copied.

use crate::Lang;
use crate::document::Document;
use crate::gui::state::prefs::Prefs;
use crate::gui::state::session::Session;
use crate::money::Unit;

/// What every panel reads: the document and how to show it. It borrows the
/// session and the preferences, so a fact has one owner and a panel always
/// reads the state as it is.
pub struct View<'a> {
    /// The open document (the session's).
    pub doc: &'a Document,
    /// Everything that belongs to the open document.
    session: &'a Session,
    /// How to show it.
    prefs: &'a Prefs,
    /// Path to focus this frame (a finding was clicked), from the session's
    /// focus request.
    pub jump: Option<&'a str>,
    /// Path to highlight (the last jump target), while its outline shows.
    pub flash: Option<&'a str>,
}

impl<'a> View<'a> {
    /// The view of `session` shown with `prefs`, jumping to and highlighting
    /// nothing.
    pub fn new(session: &'a Session, prefs: &'a Prefs) -> View<'a> {
        View {
            doc: &session.doc,
            session,
            prefs,
            jump: None,
            flash: None,
        }
    }

    /// The comparison with an earlier revision, if one is open.
    pub fn compare(&self) -> Option<&'a crate::gui::state::league::Compare> {
        self.session.compare.as_ref()
    }

    /// The catalog draft of the 目录 screen, if an edit began one.
    pub fn catalog_draft(&self) -> Option<&'a crate::gui::state::catalog_draft::CatalogDraft> {
        self.session.catalog_draft.as_ref()
    }

    /// The reviewer's name as last given (the 审核意见 screen's field).
    pub fn reviewer(&self) -> &'a str {
        &self.prefs.reviewer
    }

    /// The same view, focusing the field at `jump` and outlining `flash`.
    pub fn with_focus(self, jump: Option<&'a str>, flash: Option<&'a str>) -> View<'a> {
        View {
            jump,
            flash,
            ..self
        }
    }
}

impl View<'_> {
    /// Interface language.
    pub fn lang(&self) -> Lang {
        self.prefs.lang
    }

    /// Unit of amounts.
    pub fn unit(&self) -> Unit {
        self.prefs.unit
    }

    /// Selected project index on the projects screen.
    pub fn selected_project(&self) -> Option<usize> {
        self.session.selected_project
    }

    /// Review mode: inputs are shown but cannot be changed.
    pub fn read_only(&self) -> bool {
        self.doc.is_read_only()
    }

    /// The receipt register's word on the open plan, when it was checked.
    pub fn register(&self) -> Option<crate::register::Mark> {
        self.session.register_mark()
    }

    /// The register's word on the decision the open plan claims, when it was checked.
    pub fn review(&self) -> Option<crate::register::ReviewMark> {
        self.session.review_mark()
    }

    /// The register file that said it (shown on hover: a register that came
    /// in one folder with the plan vouches for nothing).
    pub fn register_path(&self) -> Option<&std::path::Path> {
        self.session.register.as_ref().map(|r| r.path.as_path())
    }

    /// `lang.pick`, shorter.
    pub fn t<'s>(&self, zh: &'s str, en: &'s str) -> &'s str {
        self.lang().pick(zh, en)
    }

    /// The name of fund line `s` as shown: in the English UI a catalog line's
    /// English name (when the catalog has one), else the name in the plan.
    pub fn line_name<'s>(&'s self, s: &'s crate::plan::Source) -> &'s str {
        let english = (self.lang() == Lang::En && s.is_catalog_line())
            .then(|| self.doc.catalog().line(&s.line))
            .flatten()
            .and_then(crate::catalog::CatalogLine::english_name);
        english.unwrap_or(&s.name)
    }
}
