//! The draft's texts and the values they stand for: what a field shows for a
//! catalog, and what typed text means (or why it means nothing).

use super::Field;
use crate::Lang;
use crate::catalog::{Catalog, Problem, Share};

/// The share as typed: "0.55" (a percentage sign is the user's likely slip).
fn share_text(s: Option<Share>) -> String {
    s.map(|s| s.get().normalize().to_string())
        .unwrap_or_default()
}

/// The text of `field` in `c`.
pub(super) fn text_of(c: &Catalog, field: Field) -> String {
    match field {
        Field::Id => c.id.clone(),
        Field::Title => c.title.clone(),
        Field::YearFrom => c.years.0.to_string(),
        Field::YearTo => c.years.1.to_string(),
        Field::Note => c.note.clone(),
        Field::IndustryMin => share_text(c.industry_share_min),
        Field::IndustryLines => c.industry_share_lines.join(" "),
        Field::IndustryFrom => c
            .industry_share_from
            .map(|y| y.to_string())
            .unwrap_or_default(),
        Field::ManagementMax => share_text(c.management_share_max),
        Field::Keywords => c.forbidden_keywords.join("、"),
    }
}

/// Why `text` is not a value of `field`, as a problem.
fn not_a(field: Field, text: &str, zh: &str, en: &str) -> Problem {
    let shown = fundplan_core::text::clip(text);
    let zh_text = format!("{}“{shown}”{zh}", field.label(Lang::Zh));
    let en_text = format!("{} \"{shown}\" {en}", field.label(Lang::En));
    Problem {
        zh: zh_text,
        en: en_text,
    }
}

pub(super) fn year(field: Field, text: &str) -> Result<u16, Problem> {
    text.trim()
        .parse::<u16>()
        .map_err(|_| not_a(field, text, "不是年份", "is not a year"))
}

pub(super) fn optional_year(field: Field, text: &str) -> Result<Option<u16>, Problem> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        year(field, text).map(Some)
    }
}

pub(super) fn share(field: Field, text: &str) -> Result<Option<Share>, Problem> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    text.trim()
        .parse::<rust_decimal::Decimal>()
        .ok()
        .and_then(Share::new)
        .map(Some)
        .ok_or_else(|| {
            not_a(
                field,
                text,
                "不是 0 到 1 之间的小数（如 0.55）",
                "is not a decimal between 0 and 1 (e.g. 0.55)",
            )
        })
}

pub(super) fn codes(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；'))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}
