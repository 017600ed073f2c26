//! The closed vocabularies as officials write them in a cell: 中央, 扶贫,
//! 产业发展 …, or the English names and the identifiers of the file format.

use crate::Lang;
use crate::enums::{Category, CountyKind, Level, Use};

/// The value of `all` that `text` names in Chinese, in English (any case)
/// or by its identifier.
fn word<T: Copy>(
    all: &[T],
    label: fn(T, Lang) -> &'static str,
    ident: fn(T) -> &'static str,
    text: &str,
) -> Option<T> {
    let t = text.trim();
    all.iter().copied().find(|&x| {
        label(x, Lang::Zh) == t
            || label(x, Lang::En).eq_ignore_ascii_case(t)
            || ident(x).eq_ignore_ascii_case(t)
    })
}

/// 中央, 自治区, 盟市, 旗县; also written 中央级, 自治区本级, 区级 ….
pub(super) fn level(text: &str) -> Option<Level> {
    let t = text.trim();
    let bare = t
        .trim_end_matches("资金")
        .trim_end_matches('级')
        .trim_end_matches("本");
    word(Level::ALL, Level::label, Level::ident, t)
        .or_else(|| word(Level::ALL, Level::label, Level::ident, bare))
        .or_else(|| (bare == "区").then_some(Level::Region))
}

/// The level a heading row inside a table names (一、中央资金（16项）).
pub(super) fn level_in_heading(text: &str) -> Option<Level> {
    // 内蒙古自治区 would make a central heading a region one: 中央 first.
    [Level::Central, Level::Region, Level::League, Level::County]
        .into_iter()
        .find(|l| text.contains(l.label(Lang::Zh)))
}

/// A big category: 扶贫, 农牧业生产 ….
pub(super) fn category(text: &str) -> Option<Category> {
    word(Category::ALL, Category::label, Category::ident, text)
}

/// A use: 产业发展, 农村道路 ….
pub(super) fn use_(text: &str) -> Option<Use> {
    word(Use::ALL, Use::label, Use::ident, text)
}

/// A banner kind: 国贫旗县 or 区贫旗县 (国贫, 区贫 too).
pub(super) fn kind(text: &str) -> Option<CountyKind> {
    word(CountyKind::ALL, CountyKind::label, CountyKind::ident, text).or(match text.trim() {
        "国贫" | "国贫县" => Some(CountyKind::National),
        "区贫" | "区贫县" => Some(CountyKind::Regional),
        _ => None,
    })
}

/// The items of a list cell: 盟市、旗县, also split at commas and semicolons.
pub(super) fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split(['、', '，', ',', ';', '；', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// 是 or 否 (also yes/no, true/false).
pub(super) fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "是" | "yes" | "true" | "y" => Some(true),
        "否" | "no" | "false" | "n" => Some(false),
        _ => None,
    }
}

/// The accepted words of `all`, for a message: 中央、自治区、盟市、旗县.
pub(super) fn accepted<T: Copy>(all: &[T], label: fn(T, Lang) -> &'static str) -> String {
    let words: Vec<&str> = all.iter().map(|x| label(*x, Lang::Zh)).collect();
    words.join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn officials_forms_are_read() {
        assert_eq!(level("中央"), Some(Level::Central));
        assert_eq!(level("自治区级"), Some(Level::Region));
        assert_eq!(level("自治区本级"), Some(Level::Region));
        assert_eq!(level("region"), Some(Level::Region));
        assert_eq!(level("省级"), None);
        assert_eq!(
            level_in_heading("一、中央资金（16项）"),
            Some(Level::Central)
        );
        assert_eq!(level_in_heading("二、自治区资金"), Some(Level::Region));
        assert_eq!(category("Poverty"), Some(Category::Poverty));
        assert_eq!(
            category("农村综合/基础设施"),
            Some(Category::Infrastructure)
        );
        assert_eq!(kind("区贫"), Some(CountyKind::Regional));
        assert_eq!(
            items("盟市、旗县, 中央").collect::<Vec<_>>(),
            ["盟市", "旗县", "中央"]
        );
    }
}
