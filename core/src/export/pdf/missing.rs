//! The characters a PDF could not print: no font had them, so they show as
//! `?`. Each is listed once, with the first place it is printed, so that the
//! user learns which names to check instead of finding `?` on paper.

use rustc_hash::FxHashSet;

use crate::{Lang, Text};

/// Characters listed by name; the rest are counted (`另有 N 个`).
pub const LISTED: usize = 10;

/// Characters no font had, printed as `?`, each with the first place it is printed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MissingChars {
    /// The first [`LISTED`] characters, in the order first printed, with where.
    pub listed: Vec<(char, Text)>,
    /// How many more characters were missing.
    pub more: usize,
    seen: FxHashSet<char>,
}

impl MissingChars {
    /// Notes `c` as printed as `?` at `place`, unless it was noted before.
    pub fn note(&mut self, c: char, place: &Text) {
        if !self.seen.insert(c) {
            return;
        }
        if self.listed.len() < LISTED {
            self.listed.push((c, place.clone()));
        } else {
            self.more += 1;
        }
    }

    /// True when every character was printed.
    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// How many different characters were missing.
    pub fn count(&self) -> usize {
        self.listed.len() + self.more
    }

    /// The sentence for the user, `None` when nothing was missing:
    /// `PDF 中有 2 个字符在内置字体和本机字体中都没有，印成了“?”：“𠀀”（U+20000，表2 项目计划，项目 P013，项目名称）；…`.
    pub fn message(&self, lang: Lang) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        // Only characters that have a visible form are listed (controls and
        // invisible characters are drawn as nothing, never as `?`), so the
        // character itself is safe to show beside its code point.
        let items: Vec<String> = self
            .listed
            .iter()
            .map(|(c, place)| {
                let code = format!("U+{:04X}", u32::from(*c));
                match lang {
                    Lang::Zh => format!("“{c}”（{code}，{}）", place.zh),
                    Lang::En => format!("“{c}” ({code}, {})", place.en),
                }
            })
            .collect();
        let n = self.count();
        Some(match lang {
            Lang::Zh => {
                let more = if self.more > 0 {
                    format!("；另有 {} 个", self.more)
                } else {
                    String::new()
                };
                format!(
                    "PDF 中有 {n} 个字符在内置字体和本机字体中都没有，印成了“?”：{}{more}。",
                    items.join("；")
                )
            }
            Lang::En => {
                let more = if self.more > 0 {
                    format!("; and {} more", self.more)
                } else {
                    String::new()
                };
                let them = if n == 1 {
                    "1 character in the PDF is in neither the bundled font nor any font on this computer and prints".to_string()
                } else {
                    format!(
                        "{n} characters in the PDF are in neither the bundled font nor any font on this computer and print"
                    )
                };
                format!("{them} as “?”: {}{more}.", items.join("; "))
            }
        })
    }
}

/// `text` when it is short and plain enough to name a place in a message
/// (letters and digits of any script, a few marks): a project code, a column
/// header. Anything else (long, emoji, controls) is named by its number instead.
pub fn label(text: &str) -> Option<&str> {
    let plain = |c: char| c.is_alphanumeric() || " -_.·、（）()".contains(c);
    let short = text.chars().nth(24).is_none();
    (short && !text.trim().is_empty() && text.chars().all(plain)).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_character_once_with_its_first_place_and_the_rest_counted() {
        let mut m = MissingChars::default();
        assert_eq!(m.message(Lang::Zh), None);
        let here = Text::new("封面，旗县", "cover, 旗县");
        let there = Text::new(
            "表2 项目计划，项目 P013，项目名称",
            "表2 项目计划, project P013, column 项目名称",
        );
        m.note('𠀀', &here);
        m.note('𠀀', &there);
        assert_eq!(m.count(), 1);
        assert_eq!(
            m.message(Lang::Zh).as_deref(),
            Some(
                "PDF 中有 1 个字符在内置字体和本机字体中都没有，印成了“?”：“𠀀”（U+20000，封面，旗县）。"
            )
        );
        assert_eq!(
            m.message(Lang::En).as_deref(),
            Some(
                "1 character in the PDF is in neither the bundled font nor any font on this computer and prints as “?”: “𠀀” (U+20000, cover, 旗县)."
            )
        );
        for c in '\u{E000}'..'\u{E00F}' {
            m.note(c, &there);
        }
        assert_eq!((m.count(), m.listed.len(), m.more), (16, LISTED, 6));
        let zh = m.message(Lang::Zh).unwrap_or_default();
        assert!(zh.starts_with("PDF 中有 16 个字符"), "{zh}");
        assert!(zh.ends_with("；另有 6 个。"), "{zh}");
        let en = m.message(Lang::En).unwrap_or_default();
        assert!(en.contains("U+E008") && !en.contains("U+E00A"), "{en}");
        assert!(en.ends_with("; and 6 more."), "{en}");
    }
}
