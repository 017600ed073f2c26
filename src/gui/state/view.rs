//! What every panel reads: the document and how to show it.

use crate::Lang;
use crate::document::Document;
use crate::money::Unit;

/// What every panel reads: the document and how to show it.
pub struct View<'a> {
    /// The open document.
    pub doc: &'a Document,
    /// Interface language.
    pub lang: Lang,
    /// Unit of amounts.
    pub unit: Unit,
    /// Path to focus this frame (a finding was clicked).
    pub jump: Option<&'a str>,
    /// Path to highlight (the last jump target).
    pub flash: Option<&'a str>,
    /// Selected project index on the projects screen.
    pub selected_project: Option<usize>,
    /// Review mode: inputs are shown but cannot be changed.
    pub read_only: bool,
    /// The receipt register's word on the open plan, when it was checked.
    pub register: Option<crate::register::Mark>,
    /// The register's word on the decision the open plan claims, when it was checked.
    pub review: Option<crate::register::ReviewMark>,
    /// The register file that said it (shown on hover: a register that came
    /// in one folder with the plan vouches for nothing).
    pub register_path: Option<&'a std::path::Path>,
}

impl View<'_> {
    /// `lang.pick`, shorter.
    pub fn t<'s>(&self, zh: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(zh, en)
    }

    /// The name of fund line `s` as shown: in the English UI a catalog line's
    /// English name (when the catalog has one), else the name in the plan.
    pub fn line_name<'s>(&'s self, s: &'s crate::plan::Source) -> &'s str {
        let english = (self.lang == Lang::En && s.is_catalog_line())
            .then(|| self.doc.catalog().line(&s.line))
            .flatten()
            .and_then(crate::catalog::CatalogLine::english_name);
        english.unwrap_or(&s.name)
    }
}
