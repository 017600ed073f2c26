//! The 资金目录 sheet: one fund line a row under the header. A row with one
//! cell and no name is a heading (一、中央资金) and gives the level of the
//! rows below it when they have no 级次; without a 资金代码 column, codes are
//! given in order per level (C01 …, R01 …); without 英文名称 or 大类, a base
//! catalog's line of the same name and level lends them. An optional 原代码
//! column lists the previous period's codes a line succeeds (`formerly`).

use std::collections::{HashMap, HashSet};

use super::table::{Column, header};
use super::{Problems, Sheet, words};
use crate::catalog::{Catalog, CatalogLine};
use crate::enums::{Category, Level};
use crate::import::cell_name;

const COLUMNS: [Column; 7] = [
    Column {
        name: "序号",
        aliases: &["no", "no."],
    },
    Column {
        name: "资金代码",
        aliases: &["代码", "编码", "资金编码", "code"],
    },
    Column {
        name: "资金名称",
        aliases: &["资金项目", "资金项目名称", "项目名称", "名称", "name"],
    },
    Column {
        name: "英文名称",
        aliases: &["英文名", "english name", "name_en"],
    },
    Column {
        name: "级次",
        aliases: &["资金级次", "层级", "级别", "level"],
    },
    Column {
        name: "大类",
        aliases: &["资金大类", "类别", "分类", "category"],
    },
    Column {
        name: "原代码",
        aliases: &["原资金代码", "承接", "formerly"],
    },
];

/// The lines of `s`, in row order; problems go to `p`.
pub(super) fn read_lines(
    p: &mut Problems,
    s: &Sheet<'_>,
    base: Option<&Catalog>,
) -> Vec<CatalogLine> {
    let Some(h) = header(p, s, &COLUMNS, "资金名称") else {
        return Vec::new();
    };
    let (code_col, name_col) = (h.col("资金代码"), h.col("资金名称"));
    let (en_col, level_col, cat_col) = (h.col("英文名称"), h.col("级次"), h.col("大类"));
    let formerly_col = h.col("原代码");
    // Per row: how many cells are filled, and one of them.
    let mut filled: HashMap<u32, (usize, u32)> = HashMap::new();
    for &(r, c) in s.cells.map.keys() {
        filled.entry(r).or_insert((0, c)).0 += 1;
    }
    let heading = |r: u32| filled.get(&r).is_some_and(|(n, _)| *n == 1);
    h.unheaded(p, s, heading);
    let mut rows: Vec<u32> = filled.keys().copied().filter(|r| *r > h.row).collect();
    rows.sort_unstable();
    let mut section: Option<Level> = None;
    let mut next_number: HashMap<Level, u32> = HashMap::new();
    let mut seen = HashSet::new();
    let mut lines = Vec::new();
    for r in rows {
        let name = name_col.map(|c| s.text(r, c)).unwrap_or_default();
        if name.is_empty() {
            let (cells, col) = filled.get(&r).copied().unwrap_or((0, 0));
            if cells == 1 {
                // A heading or a note: the level it names, if any, holds below.
                section = words::level_in_heading(&s.text(r, col)).or(section);
            } else {
                let at = name_col.unwrap_or(0);
                p.add(
                    s.name,
                    cell_name(r, at),
                    "此行有内容而资金名称为空".into(),
                    "the row has content but no fund name".into(),
                );
            }
            continue;
        }
        let given = level_col.map(|c| s.text(r, c)).filter(|t| !t.is_empty());
        let level = match &given {
            Some(t) => match words::level(t) {
                Some(l) => l,
                None => {
                    let ok = words::accepted(Level::ALL, Level::label);
                    p.add(
                        s.name,
                        cell_name(r, level_col.unwrap_or(0)),
                        format!("不认识的级次“{t}”（应为{ok}之一）"),
                        format!("unknown level “{t}” (one of {ok}, or Central, Region …)"),
                    );
                    continue;
                }
            },
            None => match section {
                Some(l) => l,
                None => {
                    p.add(
                        s.name,
                        cell_name(r, level_col.or(name_col).unwrap_or(0)),
                        "没有级次：请填写“级次”列（中央、自治区、盟市、旗县）".into(),
                        "no level: fill in a 级次 column (中央, 自治区, 盟市, 旗县)".into(),
                    );
                    continue;
                }
            },
        };
        let like = base.and_then(|b| {
            b.lines
                .iter()
                .find(|l| l.level == level && l.name.trim() == name)
        });
        let code = match code_col {
            Some(c) => s.text(r, c),
            None => {
                let n = next_number.entry(level).or_insert(0);
                *n += 1;
                format!("{}{:02}", level.prefix(), n)
            }
        };
        let code_at = cell_name(r, code_col.unwrap_or(0));
        let well_formed = Level::of_code(&code) == Some(level);
        if !well_formed {
            p.add(
                s.name,
                code_at,
                format!(
                    "资金代码“{code}”不符合{}级的格式（如 {}01）",
                    level.label(crate::Lang::Zh),
                    level.prefix()
                ),
                format!(
                    "line code “{code}” is not of the form {}01 for its level",
                    level.prefix()
                ),
            );
        } else if !seen.insert(code.clone()) {
            p.add(
                s.name,
                code_at,
                format!("资金代码“{code}”重复"),
                format!("line code “{code}” is given twice"),
            );
        }
        let category = match cat_col.map(|c| s.text(r, c)) {
            Some(t) => words::category(&t).ok_or_else(|| {
                let ok = words::accepted(Category::ALL, Category::label);
                (
                    cell_name(r, cat_col.unwrap_or(0)),
                    format!("不认识的大类“{t}”（应为{ok}之一）"),
                    format!("unknown category “{t}” (one of {ok}, or Poverty, Water …)"),
                )
            }),
            None => like.map(|l| l.category).ok_or_else(|| {
                (
                    cell_name(r, name_col.unwrap_or(0)),
                    "没有大类：表中无“大类”列，底本目录中也没有同名资金".into(),
                    "no category: the table has no 大类 column and no base line has this name"
                        .into(),
                )
            }),
        };
        let category = match category {
            Ok(c) => c,
            Err((at, zh, en)) => {
                p.add(s.name, at, zh, en);
                continue;
            }
        };
        let name_en = match en_col {
            Some(c) => s.text(r, c),
            None => like.map(|l| l.name_en.clone()).unwrap_or_default(),
        };
        lines.push(CatalogLine {
            code,
            level,
            name,
            name_en,
            category,
            // The previous period's codes this line succeeds (C05、C07).
            formerly: formerly_col
                .map(|c| words::items(&s.text(r, c)).map(str::to_string).collect())
                .unwrap_or_default(),
        });
    }
    lines
}
