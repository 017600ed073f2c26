//! The 方案信息 sheet: one key and value a row. Every key of
//! [`INFO_KEYS`] must be there once, and 年度, 版本 and 旗县类别 must hold what
//! they say: nothing is guessed (a 年度 of "twenty" was once imported as 0).

use std::collections::HashMap;

use super::{Importer, Sheet, cell_name, label_to};
use crate::Lang;
use crate::enums::CountyKind;
use crate::export::xlsx::INFO_KEYS;

/// The header fields read from the sheet.
pub(super) struct Info {
    fields: HashMap<String, String>,
    /// 年度.
    pub year: u16,
    /// 版本, from 1.
    pub revision: u32,
    /// 旗县类别.
    pub kind: CountyKind,
}

impl Info {
    /// The value of `key`, empty if absent.
    pub fn get(&self, key: &str) -> String {
        self.fields.get(key).cloned().unwrap_or_default()
    }
}

pub(super) fn read_info(im: &mut Importer<'_>, s: &Sheet<'_>) -> Info {
    let (rows, cols) = s.end();
    let mut fields = HashMap::new();
    let mut at = HashMap::new();
    for r in 0..=rows {
        let (key, value) = (s.text(r, 0), s.text(r, 1));
        if key == "项目" && value == "内容" {
            // The column headings export writes on top.
        } else if key.is_empty() {
            if !value.is_empty() {
                im.problem(
                    s.name,
                    cell_name(r, 1),
                    "有值而没有项目名（A 列为空）".into(),
                    "a value without a key (column A is empty)".into(),
                );
            }
        } else if !INFO_KEYS.contains(&key.as_str()) {
            let shown = super::bounded::shorten(&key);
            im.problem(
                s.name,
                cell_name(r, 0),
                format!("未知项目“{shown}”"),
                format!("unknown key “{shown}”"),
            );
        } else if at.contains_key(&key) {
            im.problem(
                s.name,
                cell_name(r, 0),
                format!("“{key}”重复出现"),
                format!("“{key}” appears twice"),
            );
        } else {
            at.insert(key.clone(), r);
            fields.insert(key, value);
        }
        for c in 2..=cols {
            if !s.text(r, c).is_empty() {
                im.problem(
                    s.name,
                    cell_name(r, c),
                    "此表只有 A、B 两列".into(),
                    "this sheet has only columns A and B".into(),
                );
            }
        }
    }
    for key in INFO_KEYS {
        if !at.contains_key(key) {
            im.problem(
                s.name,
                String::new(),
                format!("缺少“{key}”一行"),
                format!("the row “{key}” is missing"),
            );
        }
    }
    let mut parsed = |key: &str, ok: &dyn Fn(&str) -> bool, zh: &str, en: &str| -> String {
        let value = fields.get(key).cloned().unwrap_or_default();
        if let Some(&r) = at.get(key)
            && !ok(&value)
        {
            let shown = super::bounded::shorten(&value);
            im.problem(
                s.name,
                cell_name(r, 1),
                format!("{key}“{shown}”{zh}"),
                format!("{key} “{shown}” {en}"),
            );
        }
        value
    };
    let year = parsed(
        "年度",
        &|v| v.parse::<u16>().is_ok_and(|y| y > 0),
        "不是年份",
        "is not a year",
    );
    let revision = parsed(
        "版本",
        &|v| v.parse::<u32>().is_ok_and(|n| n >= 1),
        "应为从 1 起的整数",
        "is not a whole number from 1",
    );
    let kind_of = |v: &str| label_to(CountyKind::ALL, |k| k.label(Lang::Zh), v);
    let labels: Vec<&str> = CountyKind::ALL.iter().map(|k| k.label(Lang::Zh)).collect();
    let kind = parsed(
        "旗县类别",
        &|v| kind_of(v).is_some(),
        &format!("应为{}", labels.join("或")),
        &format!("is not one of {}", labels.join(", ")),
    );
    Info {
        year: year.parse().unwrap_or(0),
        revision: revision.parse().unwrap_or(1),
        kind: kind_of(&kind).unwrap_or_default(),
        fields,
    }
}
