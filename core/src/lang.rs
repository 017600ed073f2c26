//! The two languages every user-visible sentence exists in.

use serde::{Deserialize, Serialize};

/// Language of the user interface and of validator messages. Chinese comes first:
/// the people who use fundplan every day write their plans in Chinese.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// 简体中文 (zh-CN).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Parses `zh`, `zh-CN`, `cn`, `en` … (case-insensitive); anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") || s == "cn" {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// `（…）` in Chinese, `(…)` in English: brackets that match the text.
    pub fn paren(self, inner: &str) -> String {
        match self {
            Lang::Zh => format!("（{inner}）"),
            Lang::En => format!("({inner})"),
        }
    }

    /// A count with its noun: `5 个错误` in Chinese (`zh` is the measure word
    /// and noun), `1 error` / `5 errors` in English.
    pub fn count(self, n: usize, zh: &str, one: &str, many: &str) -> String {
        match self {
            Lang::Zh => format!("{n} {zh}"),
            Lang::En => plural(n, one, many),
        }
    }

    /// Picks one of two literals: `lang.pick("保存", "Save")`.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// `1 line`, `2 lines`, `0 lines`: English counts with the right noun.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A sentence in both languages, chosen at display time so that switching the
/// language never needs the validator to run again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Builds a text from its two translations.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The sentence in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_spellings() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
