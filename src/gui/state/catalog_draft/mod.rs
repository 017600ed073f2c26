//! The catalog being edited on the 目录 screen: a draft beside the catalog it
//! started from, with the text of the fields that are not plain text (years,
//! shares, keywords) kept as typed, so a half-typed "0." stays on screen.
//!
//! The draft is not part of the plan, so it has no undo history; the plan is
//! judged against it while it exists (see the app's `catalog` module).

use std::collections::BTreeMap;

mod parse;
use parse::{codes, optional_year, share, text_of, year};

use crate::Lang;
use crate::catalog::{self, Catalog, CatalogLine, Problem};
use crate::plan::{Category, Level};

pub use crate::catalog::is_builtin;

/// A field of the catalog edited as one text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// 目录编号.
    Id,
    /// 标题.
    Title,
    /// 适用年度 from.
    YearFrom,
    /// 适用年度 to.
    YearTo,
    /// 说明.
    Note,
    /// 产业发展占比下限.
    IndustryMin,
    /// The lines the Industry minimum counts, codes separated by spaces.
    IndustryLines,
    /// First year of the Industry minimum; empty: every year.
    IndustryFrom,
    /// 项目管理费占比上限.
    ManagementMax,
    /// 负面清单, keywords separated by 、 (or commas, or lines).
    Keywords,
}

impl Field {
    /// Every field, in screen order.
    pub const ALL: [Field; 10] = [
        Field::Id,
        Field::Title,
        Field::YearFrom,
        Field::YearTo,
        Field::Note,
        Field::IndustryMin,
        Field::IndustryLines,
        Field::IndustryFrom,
        Field::ManagementMax,
        Field::Keywords,
    ];

    /// The field's name on screen (and its accessible name).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Id => lang.pick("目录编号", "Catalog id"),
            Field::Title => lang.pick("标题", "Title"),
            Field::YearFrom => lang.pick("适用起始年度", "First year"),
            Field::YearTo => lang.pick("适用终止年度", "Last year"),
            Field::Note => lang.pick("说明", "Note"),
            Field::IndustryMin => lang.pick("产业发展占比下限", "Minimum industry share"),
            Field::IndustryLines => {
                lang.pick("产业发展占比所计资金", "Industry share counts lines")
            }
            Field::IndustryFrom => lang.pick("产业发展占比起始年度", "Industry share from year"),
            Field::ManagementMax => lang.pick("项目管理费占比上限", "Maximum management share"),
            Field::Keywords => lang.pick("负面清单关键词", "Forbidden keywords"),
        }
    }
}

/// A text field of one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineField {
    /// 资金代码.
    Code,
    /// 资金名称.
    Name,
    /// 英文名称.
    NameEn,
}

impl LineField {
    /// The column heading, and the second half of a cell's accessible name.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            LineField::Code => lang.pick("资金代码", "code"),
            LineField::Name => lang.pick("资金名称", "name"),
            LineField::NameEn => lang.pick("英文名称", "English name"),
        }
    }
}

/// One change to the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A field's new text.
    Text(Field, String),
    /// Names are provisional (not checked against the issued list).
    Provisional(bool),
    /// A line's code or name.
    Line(usize, LineField, String),
    /// A line's category.
    Category(usize, Category),
    /// A new line of this level at the end of its group.
    AddLine(Level),
    /// Remove the line at this index.
    RemoveLine(usize),
}

/// What the 目录 screen keeps beside the catalog being edited: the catalog
/// it started from, the texts as typed, and what is wrong.
///
/// The catalog being edited is the document's own (edited in place through
/// [`crate::document::Document::edit_catalog`]): one working catalog, not a
/// copy made on every keystroke.
#[derive(Clone, Debug)]
pub struct CatalogDraft {
    /// The catalog the draft started from (or was last saved as), kept from
    /// the first edit on; `None` while it is still the one being edited.
    loaded: Option<Catalog>,
    /// The document's catalog version this draft edits.
    version: u64,
    texts: BTreeMap<Field, String>,
    problems: Vec<Problem>,
}

impl CatalogDraft {
    /// A draft of `catalog` (the document's, at `version`), unchanged.
    pub fn new(catalog: &Catalog, version: u64) -> CatalogDraft {
        let texts: BTreeMap<Field, String> = Field::ALL
            .into_iter()
            .map(|f| (f, text_of(catalog, f)))
            .collect();
        CatalogDraft {
            loaded: None,
            version,
            texts,
            // The texts are the catalog's own values, each of which reads back.
            problems: catalog::problems(catalog),
        }
    }

    /// True when this draft edits the catalog of this version: another
    /// catalog in use (loaded, switched to) has a draft of its own; an undone
    /// switch puts back the version with the catalog.
    pub fn edits(&self, version: u64) -> bool {
        self.version == version
    }

    /// The catalog the draft started from (or was last saved as), given
    /// `catalog`, the one being edited.
    pub fn loaded<'a>(&'a self, catalog: &'a Catalog) -> &'a Catalog {
        self.loaded.as_ref().unwrap_or(catalog)
    }

    /// Takes the catalog the draft started from, if edits changed it since.
    pub fn into_loaded(self) -> Option<Catalog> {
        self.loaded
    }

    /// True when `catalog`, being edited, differs from the one it started from.
    pub fn is_changed(&self, catalog: &Catalog) -> bool {
        let loaded = self.loaded(catalog);
        loaded != catalog
            || Field::ALL
                .iter()
                .any(|f| self.text(*f) != text_of(loaded, *f))
    }

    /// The text of `field` as typed.
    pub fn text(&self, field: Field) -> &str {
        self.texts.get(&field).map_or("", String::as_str)
    }

    /// What is wrong: the texts that are no value, then [`catalog::problems`].
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Why `catalog`, being edited, may not be saved as a new catalog now, if
    /// it may not.
    pub fn save_refusal(&self, catalog: &Catalog) -> Option<Problem> {
        let id = catalog.id.trim();
        if let Some(p) = self.problems.first() {
            Some(Problem {
                zh: format!(
                    "目录还有 {} 处问题，改正后才能保存：{}",
                    self.problems.len(),
                    p.zh
                ),
                en: format!(
                    "The catalog has {} problem(s); correct them before saving: {}",
                    self.problems.len(),
                    p.en
                ),
            })
        } else if id.is_empty() {
            Some(Problem {
                zh: "请先填写目录编号".into(),
                en: "Give the catalog an id first".into(),
            })
        } else if is_builtin(id) {
            Some(builtin_problem(id))
        } else {
            None
        }
    }

    /// The catalog being edited has been saved: it is what 还原 now goes back to.
    pub fn saved(&mut self) {
        self.loaded = None;
    }

    /// Applies `change` to `catalog` (the one this draft edits), then checks
    /// it again.
    pub fn apply(&mut self, catalog: &mut Catalog, change: Change) {
        if self.loaded.is_none() {
            // The one copy: what 还原 puts back.
            self.loaded = Some(catalog.clone());
        }
        let lines = &mut catalog.lines;
        match change {
            Change::Text(field, text) => {
                self.texts.insert(field, text);
            }
            Change::Provisional(on) => catalog.provisional = on,
            Change::Line(i, field, text) => {
                if let Some(l) = lines.get_mut(i) {
                    // Names are one line in the file and in every table.
                    let text = text.replace(['\n', '\r'], "");
                    match field {
                        LineField::Code => l.code = text,
                        LineField::Name => l.name = text,
                        LineField::NameEn => l.name_en = text,
                    }
                }
            }
            Change::Category(i, c) => {
                if let Some(l) = lines.get_mut(i) {
                    l.category = c;
                }
            }
            Change::AddLine(level) => {
                let at = add_line_at(lines, level);
                let line = CatalogLine {
                    code: level.next_code(lines.iter().map(|l| l.code.as_str())),
                    level,
                    name: String::new(),
                    name_en: String::new(),
                    category: Category::default(),
                    formerly: Vec::new(),
                };
                lines.insert(at, line);
            }
            Change::RemoveLine(i) => {
                if i < lines.len() {
                    lines.remove(i);
                }
            }
        }
        let mut wrong = Vec::new();
        read(&self.texts, catalog, &mut wrong);
        wrong.extend(catalog::problems(catalog));
        self.problems = wrong;
    }
}

/// Takes every valid text into `d`; what is no value goes to `wrong`.
fn read(texts: &BTreeMap<Field, String>, d: &mut Catalog, wrong: &mut Vec<Problem>) {
    let mut take = |r: Result<(), Problem>| {
        if let Err(p) = r {
            wrong.push(p);
        }
    };
    let t = |f: Field| texts.get(&f).cloned().unwrap_or_default();
    d.id = t(Field::Id);
    d.title = t(Field::Title);
    d.note = t(Field::Note);
    take(year(Field::YearFrom, &t(Field::YearFrom)).map(|y| d.years.0 = y));
    take(year(Field::YearTo, &t(Field::YearTo)).map(|y| d.years.1 = y));
    take(share(Field::IndustryMin, &t(Field::IndustryMin)).map(|s| d.industry_share_min = s));
    take(share(Field::ManagementMax, &t(Field::ManagementMax)).map(|s| d.management_share_max = s));
    take(
        optional_year(Field::IndustryFrom, &t(Field::IndustryFrom))
            .map(|y| d.industry_share_from = y),
    );
    d.industry_share_lines = codes(&t(Field::IndustryLines));
    d.forbidden_keywords = t(Field::Keywords)
        .split(['、', ',', '，', ';', '；', '\n'])
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect();
}

fn builtin_problem(id: &str) -> Problem {
    let ids: Vec<&str> = catalog::EMBEDDED.iter().map(|(i, _)| *i).collect();
    let ids = ids.join(", ");
    Problem {
        zh: format!("“{id}”是内置目录的编号，请给新目录另起编号（内置：{ids}）"),
        en: format!(
            "\"{id}\" is a built-in catalog's id: give the new catalog its own (built in: {ids})"
        ),
    }
}

/// The id a new catalog made from `c` for a county of `county_code` is
/// offered: the built-in id with the league's code (`nm-2021-1501`).
pub fn suggested_id(c: &Catalog, county_code: &str) -> String {
    let id = c.id.trim();
    if !id.is_empty() && !is_builtin(id) {
        return id.to_string();
    }
    let league = county_code
        .get(..4)
        .filter(|p| p.bytes().all(|b| b.is_ascii_digit()));
    match league {
        Some(l) => format!("{id}-{l}"),
        None => format!("{id}-new"),
    }
}

/// Where [`Change::AddLine`] puts a new line of `level`: after the level's
/// last line, or at the end (the screen focuses the new line's name there).
pub fn add_line_at(lines: &[CatalogLine], level: Level) -> usize {
    lines
        .iter()
        .rposition(|l| l.level == level)
        .map_or(lines.len(), |i| i + 1)
}

#[cfg(test)]
mod tests;
