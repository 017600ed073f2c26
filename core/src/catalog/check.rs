//! What a catalog must be beyond its syntax. Loading refuses a catalog with
//! any of these problems (the first is the load error); the 目录 screen and
//! `fundplan catalog check` list them all.

use std::collections::HashSet;

use super::Catalog;
use crate::Lang;
use crate::enums::Level;
use crate::text::clip;

/// Longest 负面清单 keyword, in characters (real ones are a few characters).
pub const MAX_KEYWORD_CHARS: usize = 50;

/// Longest line name (official or English), in characters: the longest
/// official name is about 40.
pub const MAX_NAME_CHARS: usize = 200;

/// Longest catalog id, in characters (`nm-2021-1501` has 12).
pub const MAX_ID_CHARS: usize = 100;

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

/// The first problem of `c` ([`file_problems`]), as (Chinese, English):
/// what loading reports.
pub fn check(c: &Catalog) -> Result<(), (String, String)> {
    match file_problems(c).into_iter().next() {
        Some(p) => Err((p.zh, p.en)),
        None => Ok(()),
    }
}

/// Every problem of `c` (at most 100), in file order: an id that can name a
/// file (no line breaks, `/`, `\`, `..`, at most 100 characters), years in
/// order, line codes unique and of their level's form (`C01` for 中央 …),
/// names present and not overlong, the Industry-share lines and year within
/// the catalog, keywords that are short and not blank once invisible
/// characters are removed.
pub fn problems(c: &Catalog) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |p: Problem| {
        if out.len() < MAX_PROBLEMS {
            out.push(p);
        }
    };
    if let Some(p) = id_problem(&c.id) {
        push(p);
    }
    if c.years.0 > c.years.1 {
        push(Problem::new(
            format!("适用年度 {}–{} 起止颠倒", c.years.0, c.years.1),
            format!("years {}–{} are not in order", c.years.0, c.years.1),
        ));
    }
    let mut seen = HashSet::new();
    for l in &c.lines {
        let code = clip(&l.code);
        let of_level = |c: &str| Level::of_code(c) == Some(l.level);
        // A predecessor is a line of the same level (the switch maps only
        // there), so its code has the level's form too.
        if let Some(old) = l.formerly.iter().find(|c| !of_level(c)) {
            let old = clip(old);
            push(Problem::new(
                format!(
                    "{code} 的原代码“{old}”不符合{}级的格式（如 {}01）",
                    l.level.label(Lang::Zh),
                    l.level.prefix()
                ),
                format!(
                    "{code}: the former code “{old}” is not of the form {}01 for its level",
                    l.level.prefix()
                ),
            ));
        }
        if !of_level(&l.code) {
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
    claimed_twice(c, &mut push);
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
    for (i, k) in c.forbidden_keywords.iter().enumerate() {
        if let Some(p) = keyword_problem(i, k) {
            push(p);
        }
    }
    out
}

/// A former code named by two lines of one level: the switch would take the
/// first without a word, so the catalog must say which line succeeds it.
fn claimed_twice(c: &Catalog, push: &mut impl FnMut(Problem)) {
    let mut claims: Vec<(Level, &str, &str)> = Vec::new();
    for l in &c.lines {
        for old in &l.formerly {
            let old = old.trim();
            let first = claims
                .iter()
                .find(|(level, code, by)| *level == l.level && *code == old && *by != l.code);
            match first {
                Some((_, _, by)) => {
                    let (old, by, code) = (clip(old), clip(by), clip(&l.code));
                    push(Problem::new(
                        format!("原代码 {old} 同时列在 {by} 和 {code}"),
                        format!("former code {old} is named by both {by} and {code}"),
                    ));
                }
                None => claims.push((l.level, old, &l.code)),
            }
        }
    }
}

/// Every problem of a catalog file: [`problems`], or when there is none, a
/// built-in id on other content ([`builtin_clash`]). What loading refuses
/// (the first) and `fundplan catalog check` lists.
pub fn file_problems(c: &Catalog) -> Vec<Problem> {
    let mut all = problems(c);
    if all.is_empty() {
        all.extend(builtin_clash(c));
    }
    all
}

/// The problem of a catalog that takes the id of a built-in catalog but
/// differs from it: plans naming that id are judged by the built-in one, so
/// the file would silently not count. The one rule of `catalog check`,
/// `catalog import`, `--catalog` and the app's catalog files.
pub fn builtin_clash(c: &Catalog) -> Option<Problem> {
    let builtin = super::builtin::embedded_as_is(&c.id)?;
    (builtin != *c && !is_earlier_copy(c, &builtin)).then(|| {
        let id = clip(&c.id);
        Problem::new(
            format!(
                "目录编号“{id}”是内置目录的编号，而内容与内置目录不同（方案按编号会用内置的那份）；请另取一个目录编号"
            ),
            format!(
                "the id “{id}” is a built-in catalog's, and this catalog differs from it (plans naming the id use the built-in one); give it an id of its own"
            ),
        )
    })
}

/// The built-in catalog `c` stands for, when `c` takes a built-in id and is
/// either the built-in itself or a copy exported before the built-in named
/// its predecessors ([`is_earlier_copy`]): what loading uses in its place, so
/// an old copy is judged as the built-in, successors included.
pub fn builtin_for(c: &Catalog) -> Option<Catalog> {
    let builtin = super::builtin::embedded_as_is(&c.id)?;
    (builtin == *c || is_earlier_copy(c, &builtin)).then_some(builtin)
}

/// True when `c` carries no `formerly` at all and equals `builtin` with its
/// `formerly` cleared: an export by a build before the built-in named the
/// lines it succeeds. The user changed nothing, so it is not a clash.
fn is_earlier_copy(c: &Catalog, builtin: &Catalog) -> bool {
    if c.lines.iter().any(|l| !l.formerly.is_empty()) {
        return false;
    }
    let mut earlier = builtin.clone();
    for l in &mut earlier.lines {
        l.formerly.clear();
    }
    earlier == *c
}

/// Why `id` cannot be a catalog's id, if it cannot: ids name files (the app
/// offers `ID.ron`) and stand on one line in every listing.
pub fn id_problem(id: &str) -> Option<Problem> {
    let shown = crate::text::show_invisible(&clip(id)).into_owned();
    let (zh, en) = if id.chars().any(char::is_control) {
        (
            "含有换行或控制字符",
            "holds a line break or a control character",
        )
    } else if id.contains(['/', '\\']) {
        ("含有“/”或“\\”", "holds “/” or “\\”")
    } else if id.contains("..") {
        ("含有“..”", "holds “..”")
    } else if id.chars().count() > MAX_ID_CHARS {
        return Some(Problem::new(
            format!("目录编号“{shown}”超过 {MAX_ID_CHARS} 个字符"),
            format!("the catalog id “{shown}” is longer than {MAX_ID_CHARS} characters"),
        ));
    } else {
        return None;
    };
    Some(Problem::new(
        format!("目录编号“{shown}”{zh}"),
        format!("the catalog id “{shown}” {en}"),
    ))
}

/// Why the `i`-th (from 0) negative-list keyword `k` cannot be one: blank
/// once spaces and invisible characters (U+200B, NUL …) are removed, it
/// would be found in texts that show nothing of it; or overlong.
pub fn keyword_problem(i: usize, k: &str) -> Option<Problem> {
    let n = i + 1;
    if crate::text::is_blank(k) {
        let shown = crate::text::show_invisible(&clip(k)).into_owned();
        Some(Problem::new(
            format!("负面清单第 {n} 个关键词“{shown}”为空（或只有空白、不可见字符）"),
            format!(
                "an empty forbidden keyword: number {n}, “{shown}”, has nothing but spaces or invisible characters"
            ),
        ))
    } else if k.chars().count() > MAX_KEYWORD_CHARS {
        let shown = clip(k);
        Some(Problem::new(
            format!("负面清单第 {n} 个关键词“{shown}”超过 {MAX_KEYWORD_CHARS} 个字符"),
            format!(
                "the forbidden keyword number {n}, “{shown}”, is longer than {MAX_KEYWORD_CHARS} characters"
            ),
        ))
    } else {
        None
    }
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
                "an empty forbidden keyword: number 22, “”, has nothing but spaces or invisible characters",
            ]
        );
        assert_eq!(check(&c).unwrap_err().1, en[0]);
    }

    #[test]
    fn ids_that_cannot_name_a_file_and_invisible_keywords_are_problems() {
        let mut c = default_catalog();
        c.id = "a\nb".into();
        c.forbidden_keywords = vec!["\u{200b}".into(), "办公".into(), "\0".into()];
        let en: Vec<String> = problems(&c).into_iter().map(|p| p.en).collect();
        assert_eq!(
            en,
            [
                "the catalog id “a\\u{a}b” holds a line break or a control character",
                "an empty forbidden keyword: number 1, “\\u{200b}”, has nothing but spaces or invisible characters",
                "an empty forbidden keyword: number 3, “\\u{0}”, has nothing but spaces or invisible characters",
            ]
        );
        for (id, says) in [
            ("hlbe/2024", "holds “/” or “\\”"),
            ("hlbe\\2024", "holds “/” or “\\”"),
            ("..", "holds “..”"),
        ] {
            c.id = id.into();
            assert!(problems(&c)[0].en.ends_with(says), "{id}");
        }
        c.id = "n".repeat(MAX_ID_CHARS);
        c.forbidden_keywords.clear();
        assert_eq!(problems(&c), Vec::new());
        c.id.push('n');
        assert!(problems(&c)[0].en.contains("longer than 100 characters"));
    }

    #[test]
    fn a_builtin_id_on_other_content_is_a_file_problem_only() {
        let mut c = default_catalog();
        assert_eq!(file_problems(&c), Vec::new());
        c.forbidden_keywords.push("新词".into());
        // The 目录 screen edits such a draft before giving it an id of its own.
        assert_eq!(problems(&c), Vec::new());
        let all = file_problems(&c);
        assert_eq!(all.len(), 1);
        assert!(
            all[0]
                .en
                .starts_with("the id “nm-2017” is a built-in catalog's")
        );
        assert_eq!(check(&c).unwrap_err().1, all[0].en);
    }

    #[test]
    fn a_former_code_of_another_level_is_a_problem() {
        let mut c = crate::catalog::embedded("nm-2021").unwrap();
        c.lines[0].formerly.push("X03".into());
        let found: Vec<String> = problems(&c)
            .iter()
            .map(|p| p.message(Lang::En).to_string())
            .collect();
        assert_eq!(
            found,
            ["C01: the former code “X03” is not of the form C01 for its level"]
        );
    }

    #[test]
    fn a_million_bad_lines_give_a_bounded_list() {
        let mut c = default_catalog();
        let line = c.lines[0].clone();
        c.lines = vec![line; 1_000_000];
        assert_eq!(problems(&c).len(), MAX_PROBLEMS);
    }
}
