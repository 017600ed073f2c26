//! What a catalog must be beyond its syntax. Loading refuses a catalog with
//! any of these problems (the first is the load error); the 目录 screen and
//! `fundplan catalog check` list them all.

use std::collections::HashSet;

use super::Catalog;
use crate::Lang;
use crate::text::clip;

/// Longest 负面清单 keyword, in characters (real ones are a few characters).
pub const MAX_KEYWORD_CHARS: usize = 50;

/// Longest line name (official or English), in characters: the longest
/// official name is about 40.
pub const MAX_NAME_CHARS: usize = 200;

/// More problems than this are not listed: a hostile catalog of a million
/// bad lines gets a bounded report.
const MAX_PROBLEMS: usize = 100;

/// One thing wrong with a catalog, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 中文.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Problem {
    fn new(zh: String, en: String) -> Problem {
        Problem { zh, en }
    }

    /// The sentence in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// The first problem of `c`, as (Chinese, English): what loading reports.
pub fn check(c: &Catalog) -> Result<(), (String, String)> {
    match problems(c).into_iter().next() {
        Some(p) => Err((p.zh, p.en)),
        None => Ok(()),
    }
}

/// Every problem of `c` (at most 100), in file order: years in order, line
/// codes unique and of their level's form (`C01` for 中央 …), names present
/// and not overlong, the Industry-share lines and year within the catalog,
/// keywords non-empty and short.
pub fn problems(c: &Catalog) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |p: Problem| {
        if out.len() < MAX_PROBLEMS {
            out.push(p);
        }
    };
    if c.years.0 > c.years.1 {
        push(Problem::new(
            format!("适用年度 {}–{} 起止颠倒", c.years.0, c.years.1),
            format!("years {}–{} are not in order", c.years.0, c.years.1),
        ));
    }
    let mut seen = HashSet::new();
    for l in &c.lines {
        let code = clip(&l.code);
        let mut chars = l.code.chars();
        let well_formed = chars.next() == Some(l.level.prefix())
            && l.code.len() >= 3
            && chars.all(|ch| ch.is_ascii_digit());
        if !well_formed {
            push(Problem::new(
                format!(
                    "资金代码“{code}”不符合{}级的格式（如 {}01）",
                    l.level.label(Lang::Zh),
                    l.level.prefix()
                ),
                format!(
                    "line code “{code}” is not of the form {}01 for its level",
                    l.level.prefix()
                ),
            ));
        } else if !seen.insert(l.code.as_str()) {
            push(Problem::new(
                format!("资金代码“{code}”重复"),
                format!("line code “{code}” is given twice"),
            ));
        }
        if l.name.trim().is_empty() {
            push(Problem::new(
                format!("{code} 的资金名称为空"),
                format!("{code} has no name"),
            ));
        }
        for (name, zh, en) in [
            (&l.name, "资金名称", "name"),
            (&l.name_en, "英文名称", "English name"),
        ] {
            if name.chars().count() > MAX_NAME_CHARS {
                push(Problem::new(
                    format!("{code} 的{zh}超过 {MAX_NAME_CHARS} 个字符"),
                    format!("{code}: the {en} is longer than {MAX_NAME_CHARS} characters"),
                ));
            }
        }
    }
    for code in &c.industry_share_lines {
        if c.line(code).is_none() {
            let code = clip(code);
            push(Problem::new(
                format!("产业发展占比所计资金“{code}”不在目录中"),
                format!("the industry-share line “{code}” is not in the catalog"),
            ));
        }
    }
    if let Some(from) = c.industry_share_from
        && !c.covers(from)
    {
        push(Problem::new(
            format!(
                "产业发展占比起始年度 {from} 不在目录适用年度 {}–{} 内",
                c.years.0, c.years.1
            ),
            format!(
                "the industry-share start year {from} is outside the catalog's years {}–{}",
                c.years.0, c.years.1
            ),
        ));
    }
    for k in &c.forbidden_keywords {
        if k.trim().is_empty() {
            push(Problem::new(
                "负面清单含有空关键词".into(),
                "an empty forbidden keyword".into(),
            ));
        } else if k.chars().count() > MAX_KEYWORD_CHARS {
            let shown = clip(k);
            push(Problem::new(
                format!("负面清单关键词“{shown}”超过 {MAX_KEYWORD_CHARS} 个字符"),
                format!(
                    "the forbidden keyword “{shown}” is longer than {MAX_KEYWORD_CHARS} characters"
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::default_catalog;

    #[test]
    fn the_builtin_catalogs_have_no_problems() {
        for (id, _) in crate::catalog::EMBEDDED {
            let c = crate::catalog::embedded(id).unwrap();
            assert_eq!(problems(&c), Vec::new(), "{id}");
        }
    }

    #[test]
    fn every_problem_is_listed_and_the_first_is_the_load_error() {
        let mut c = default_catalog();
        c.lines[1].code = "C01".into();
        c.lines[2].name = " ".into();
        c.industry_share_lines = vec!["C99".into()];
        c.industry_share_from = Some(1999);
        c.forbidden_keywords.push(String::new());
        let all = problems(&c);
        let en: Vec<&str> = all.iter().map(|p| p.en.as_str()).collect();
        assert_eq!(
            en,
            [
                "line code “C01” is given twice",
                "C03 has no name",
                "the industry-share line “C99” is not in the catalog",
                "the industry-share start year 1999 is outside the catalog's years 2017–2020",
                "an empty forbidden keyword",
            ]
        );
        assert_eq!(check(&c).unwrap_err().1, en[0]);
    }

    #[test]
    fn a_million_bad_lines_give_a_bounded_list() {
        let mut c = default_catalog();
        let line = c.lines[0].clone();
        c.lines = vec![line; 1_000_000];
        assert_eq!(problems(&c).len(), MAX_PROBLEMS);
    }
}
