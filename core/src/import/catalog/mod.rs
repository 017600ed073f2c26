//! Reading a catalog from a workbook: the one [`crate::export::catalog_xlsx`]
//! writes (export → import gives the same catalog, byte for byte once saved),
//! or a region's own 附件, a bare table of 序号, 资金名称, 级次, 大类 under a
//! title row or two. What the bare table lacks comes from
//! [`CatalogDefaults`]: the id, title and years given, and a base catalog for
//! the rest (home uses, levels by kind, keywords, English names by name).
//!
//! Reading is bounded as for plans ([`super::bounded`]); nothing is imported
//! from a workbook with problems, and each problem names its sheet and cell.

mod lines;
mod meta;
mod table;
mod words;

use std::io::Cursor;
use std::path::Path;

use calamine::{Reader, Xlsx};

use super::{ImportError, Problem, Sheet, bounded};
use crate::Text;
use crate::catalog::{Catalog, problems};
use crate::export::catalog_xlsx::{
    HOME_USES_SHEET, INFO_SHEET, KEYWORDS_SHEET, LEVELS_SHEET, LINES_SHEET,
};
use crate::format::{CatalogFormat, FormatVersion};

/// What a workbook does not say. `id`, `title` and `years`, when given, win
/// over the workbook's 目录信息; `base` fills in whatever is in neither.
#[derive(Clone, Debug, Default)]
pub struct CatalogDefaults {
    /// The catalog whose settings and English names a bare table takes.
    pub base: Option<Catalog>,
    /// The new catalog's id.
    pub id: Option<String>,
    /// The new catalog's title.
    pub title: Option<String>,
    /// The years it applies to, inclusive.
    pub years: Option<(u16, u16)>,
}

/// More problems than this are not listed (a hostile sheet of a million bad
/// rows gets a bounded report).
const MAX_PROBLEMS: usize = 100;

/// The problems found so far.
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, sheet: &str, cell: String, zh: String, en: String) {
        if self.0.len() < MAX_PROBLEMS {
            self.0.push(Problem {
                sheet: sheet.to_string(),
                cell,
                reason: Text::new(zh, en),
            });
        }
    }
}

/// Reads a catalog from workbook bytes (see the module documentation).
pub fn import_catalog(bytes: &[u8], defaults: &CatalogDefaults) -> Result<Catalog, ImportError> {
    super::guarded(bytes, || import_checked(bytes, defaults))
}

/// Reads a catalog from a workbook file.
pub fn import_catalog_file(
    path: &Path,
    defaults: &CatalogDefaults,
) -> Result<Catalog, ImportError> {
    import_catalog(&super::read_workbook(path)?, defaults)
}

/// The sheets a catalog workbook is read from; the lines come from
/// [`LINES_SHEET`] or, in a region's own workbook, from the first sheet.
const KNOWN_SHEETS: [&str; 4] = [INFO_SHEET, HOME_USES_SHEET, LEVELS_SHEET, KEYWORDS_SHEET];

fn import_checked(bytes: &[u8], defaults: &CatalogDefaults) -> Result<Catalog, ImportError> {
    let mut wb: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| ImportError::Unreadable(e.to_string()))?;
    let names = wb.sheet_names();
    let lines_name = if names.iter().any(|n| n == LINES_SHEET) {
        LINES_SHEET.to_string()
    } else {
        names
            .first()
            .cloned()
            .ok_or_else(|| ImportError::Unreadable("the workbook has no sheets".to_string()))?
    };
    let mut p = Problems::default();
    let mut strings = super::strings::SharedStrings::new(bytes);
    let mut read = |name: &str| -> Result<Option<bounded::Cells>, ImportError> {
        bounded::read_sheet(&mut wb, strings.as_mut(), name)
            .map_err(|e| ImportError::Invalid(vec![e]))
    };
    let lines_cells = read(&lines_name)?.unwrap_or_else(empty_cells);
    let mut meta_cells = Vec::new();
    for name in &names {
        if *name == lines_name {
            continue;
        }
        let Some(cells) = read(name)? else { continue };
        if KNOWN_SHEETS.contains(&name.as_str()) {
            meta_cells.push((name.clone(), cells));
        } else if !cells.map.is_empty() {
            let shown = bounded::shorten(name);
            p.add(
                name,
                String::new(),
                format!(
                    "不认识的工作表“{shown}”（其中的内容不会导入；资金请列在“{lines_name}”中）"
                ),
                format!("unknown sheet “{shown}” (its content would be lost; list the funds in “{lines_name}”)"),
            );
        }
    }
    let mut sheet = |name: &'static str| {
        let i = meta_cells.iter().position(|(n, _)| n == name)?;
        let (_, cells) = meta_cells.swap_remove(i);
        Some(Sheet { name, cells })
    };
    let lines_sheet = Sheet {
        name: &lines_name,
        cells: lines_cells,
    };
    let base = defaults.base.as_ref();
    let lines = lines::read_lines(&mut p, &lines_sheet, base);
    let info = sheet(INFO_SHEET).map(|s| meta::read_info(&mut p, &s));
    let home_uses = sheet(HOME_USES_SHEET).map(|s| meta::read_home_uses(&mut p, &s));
    let levels_by_kind = sheet(LEVELS_SHEET).map(|s| meta::read_levels_by_kind(&mut p, &s));
    let keywords = sheet(KEYWORDS_SHEET).map(|s| meta::read_keywords(&mut p, &s));
    // A bare table is the region's own list: not provisional, whatever the
    // base was, and its note says where the rest came from.
    let bare = info.is_none();
    let info = info.unwrap_or_default();
    let from_base = |f: fn(&Catalog) -> &String| base.map(|b| f(b).clone());
    let id = defaults
        .id
        .clone()
        .or(info.id)
        .or_else(|| from_base(|b| &b.id));
    let years = defaults.years.or(info.years).or(base.map(|b| b.years));
    let (Some(id), Some(years)) = (id.filter(|i| !i.trim().is_empty()), years) else {
        p.0.push(missing(&lines_name));
        return Err(ImportError::Invalid(p.0));
    };
    // A base rule that starts before the new years applies to all of them.
    let share_from = info.industry_share_from.unwrap_or_else(|| {
        base.and_then(|b| b.industry_share_from)
            .filter(|from| *from > years.0)
    });
    let catalog = Catalog {
        format: CatalogFormat,
        format_version: FormatVersion::CURRENT,
        id,
        title: defaults
            .title
            .clone()
            .or(info.title)
            .or_else(|| from_base(|b| &b.title))
            .unwrap_or_default(),
        years,
        provisional: info
            .provisional
            .or(base.filter(|_| !bare).map(|b| b.provisional))
            .unwrap_or(false),
        note: match base {
            Some(b) if bare => format!("资金目录由工作簿导入，其余设置取自 {}。", b.id),
            _ => info
                .note
                .or_else(|| from_base(|b| &b.note))
                .unwrap_or_default(),
        },
        lines,
        home_uses: home_uses
            .or_else(|| base.map(|b| b.home_uses.clone()))
            .unwrap_or_default(),
        required_own_levels: info
            .required_own_levels
            .or_else(|| base.map(|b| b.required_own_levels.clone()))
            .unwrap_or_default(),
        levels_by_kind: levels_by_kind
            .or_else(|| base.map(|b| b.levels_by_kind.clone()))
            .unwrap_or_default(),
        industry_share_min: info
            .industry_share_min
            .unwrap_or(base.and_then(|b| b.industry_share_min)),
        industry_share_lines: info
            .industry_share_lines
            .or_else(|| base.map(|b| b.industry_share_lines.clone()))
            .unwrap_or_default(),
        industry_share_from: share_from,
        management_share_max: info
            .management_share_max
            .unwrap_or(base.and_then(|b| b.management_share_max)),
        forbidden_keywords: keywords
            .or_else(|| base.map(|b| b.forbidden_keywords.clone()))
            .unwrap_or_default(),
    };
    // The lines' problems are reported at their cells already.
    for problem in problems(&catalog) {
        if !p.0.iter().any(|q| q.reason.en == problem.en) {
            p.add("", String::new(), problem.zh, problem.en);
        }
    }
    if p.0.is_empty()
        && let Some(clash) = crate::catalog::builtin_clash(&catalog)
    {
        p.add("", String::new(), clash.zh, clash.en);
    }
    if p.0.is_empty() {
        Ok(crate::catalog::builtin_for(&catalog).unwrap_or(catalog))
    } else {
        Err(ImportError::Invalid(p.0))
    }
}

fn empty_cells() -> bounded::Cells {
    bounded::Cells {
        map: Default::default(),
        formulas: Vec::new(),
        end: (0, 0),
    }
}

/// The problem of a bare table with no id or years from anywhere.
fn missing(sheet: &str) -> Problem {
    Problem {
        sheet: sheet.to_string(),
        cell: String::new(),
        reason: Text::new(
            format!("工作簿没有“{INFO_SHEET}”工作表，未给出目录编号和适用年度（也没有底本目录）"),
            format!(
                "the workbook has no “{INFO_SHEET}” sheet and no id and years were given (nor a base catalog)"
            ),
        ),
    }
}
