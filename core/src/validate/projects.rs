//! P01–P09: the projects and their funding entries.

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

use super::{Ctx, blank, en, repeated, zh};
use crate::money::Money;
use crate::plan::{Use, path};
use crate::validate::Rule;

/// Checks P01–P09 and returns the funding summed per (line, use) cell, added
/// up in the same pass over the projects.
pub(super) fn check<'a>(ctx: &mut Ctx<'a>) -> FxHashMap<(&'a str, Use), Money> {
    let plan = ctx.plan;
    let mut cells: FxHashMap<(&str, Use), Money> =
        FxHashMap::with_capacity_and_hasher(plan.sources.len() * 2, Default::default());
    let mut count: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(plan.projects.len(), Default::default());
    let keywords = Keywords::new(&ctx.catalog.forbidden_keywords);
    for p in &plan.projects {
        let id = p.id.as_str();
        *count.entry(id).or_default() += 1;
        let mut lines_reported: Vec<&str> = Vec::new();
        for (k, f) in p.funding.iter().enumerate() {
            let line = f.line.as_str();
            *cells.entry((line, p.use_)).or_default() += f.amount;
            if !ctx.sources.contains_key(line) {
                ctx.push(
                    Rule::P02,
                    path::funding(id, line),
                    format!("项目 {id} 使用的资金 {line} 不在资金来源中"),
                    format!("project {id} is funded from {line}, which has no source row"),
                );
            }
            if !f.amount.is_positive() {
                ctx.push(
                    Rule::P03,
                    path::funding(id, line),
                    format!(
                        "项目 {id} 从 {line} 安排的金额为 {}，须大于零",
                        zh(f.amount)
                    ),
                    format!(
                        "project {id} takes {} from {line}; it must be above zero",
                        en(f.amount)
                    ),
                );
            }
            // Projects list a handful of lines; a scan beats hashing them.
            if p.funding.iter().take(k).any(|g| g.line == line) && !lines_reported.contains(&line) {
                lines_reported.push(line);
                ctx.push(
                    Rule::P08,
                    path::funding(id, line),
                    format!("项目 {id} 多次列出资金 {line}，请合并为一条"),
                    format!("project {id} lists {line} more than once; merge the entries"),
                );
            }
        }
        if p.funding.is_empty() {
            ctx.push(
                Rule::P04,
                path::project(id, Some("funding")),
                format!("项目 {id}“{}”没有安排资金", p.name),
                format!("project {id} “{}” has no funding", p.name),
            );
        }

        let missing = [
            ("name", blank(&p.name), "项目名称", "name"),
            ("township", blank(&p.township), "苏木乡镇", "township"),
            ("unit", blank(&p.unit), "实施单位", "implementing unit"),
        ];
        let blanks: Vec<_> = missing.iter().filter(|m| m.1).collect();
        if let Some(first) = blanks.first() {
            let zh_list: Vec<&str> = blanks.iter().map(|m| m.2).collect();
            let en_list: Vec<&str> = blanks.iter().map(|m| m.3).collect();
            ctx.push(
                Rule::P05,
                path::project(id, Some(first.0)),
                format!("项目 {id} 未填写：{}", zh_list.join("、")),
                format!("project {id} has no {}", en_list.join(", ")),
            );
        }

        if p.other_funds.is_negative() {
            ctx.push(
                Rule::P09,
                path::project(id, Some("other_funds")),
                format!(
                    "项目 {id} 的自筹及其他资金为负数（{}）",
                    p.other_funds.wan()
                ),
                format!(
                    "project {id}: other funds are negative ({} 10k yuan)",
                    p.other_funds.wan()
                ),
            );
        }

        if blank(&p.targets) || p.households == 0 {
            let (field, zh_why, en_why) = if blank(&p.targets) {
                ("targets", "未填写绩效目标", "has no performance targets")
            } else {
                ("households", "受益脱贫户为 0", "benefits no households")
            };
            ctx.push(
                Rule::P06,
                path::project(id, Some(field)),
                format!("项目 {id}“{}”{zh_why}", p.name),
                format!("project {id} “{}” {en_why}", p.name),
            );
        }

        let in_name = keywords.hits(&p.name);
        let in_content = keywords.hits(&p.content);
        if !in_name.is_empty() || !in_content.is_empty() {
            let field = if in_name.is_empty() {
                "content"
            } else {
                "name"
            };
            let mut found = in_name;
            found.extend(in_content);
            found.sort_unstable();
            found.dedup();
            let hits: Vec<&str> = found.iter().filter_map(|&i| keywords.word(i)).collect();
            ctx.push(
                Rule::P07,
                path::project(id, Some(field)),
                format!(
                    "项目 {id}“{}”涉及负面清单：{}，请核实",
                    p.name,
                    hits.join("、")
                ),
                format!(
                    "project {id} “{}” mentions negative-list items: {}; please check",
                    p.name,
                    hits.join(", ")
                ),
            );
        }
    }

    for (id, n) in repeated(plan.projects.iter().map(|p| p.id.as_str()), &count) {
        ctx.push(
            Rule::P01,
            path::project(id, None),
            format!("项目编号“{id}”出现 {n} 次"),
            format!("project id “{id}” appears {n} times"),
        );
    }
    cells
}

/// The automata of a word list (see [`Keywords`]).
#[derive(Clone)]
struct Automata {
    /// Leftmost-first: answers "is any word in this text" in 40% less time
    /// than the overlapping automaton on Chinese text (it can use a SIMD
    /// prefilter, which standard semantics rule out).
    any: AhoCorasick,
    /// Standard semantics: every word found, overlapping (one word may
    /// contain another).
    all: AhoCorasick,
}

/// Building the automata costs more than validating a small plan, and the
/// words change only with the catalog: keep the last ones per thread.
fn cached_automata(words: &[&str]) -> Option<Automata> {
    thread_local! {
        static LAST: std::cell::RefCell<Option<(Vec<String>, Automata)>> = const { std::cell::RefCell::new(None) };
    }
    LAST.with_borrow_mut(|last| {
        if let Some((w, ac)) = last.as_ref()
            && w.iter().map(String::as_str).eq(words.iter().copied())
        {
            return Some(ac.clone());
        }
        // The builder's own choice: a DFA (slower to build, fastest to
        // search) for up to 100 words, as real catalogs have, else a
        // contiguous NFA. A DFA forced on every list costs states × alphabet
        // to build, and the alphabet grows with the words: 100,000 words
        // took 24 s and gigabytes where the NFA takes a fraction of a second.
        let build = |kind| AhoCorasick::builder().match_kind(kind).build(words).ok();
        let automata = Automata {
            any: build(MatchKind::LeftmostFirst)?,
            all: build(MatchKind::Standard)?,
        };
        *last = Some((
            words.iter().map(|w| w.to_string()).collect(),
            automata.clone(),
        ));
        Some(automata)
    })
}

/// The negative-list words, searched all at once (one pass over each text).
/// Words longer than a catalog may hold (see [`crate::catalog::MAX_KEYWORD_CHARS`];
/// only a catalog built in code has them) are searched one by one instead: a
/// 9,000-character word made building the automata take a minute.
struct Keywords<'a> {
    words: Vec<&'a str>,
    /// Index in `words` of each automaton pattern.
    in_automata: Vec<usize>,
    /// Indexes in `words` of the long words.
    long: Vec<usize>,
    automata: Option<Automata>,
}

impl<'a> Keywords<'a> {
    fn new(words: &'a [String]) -> Keywords<'a> {
        let words: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| !w.is_empty())
            .collect();
        let max = crate::catalog::MAX_KEYWORD_CHARS;
        let (in_automata, long): (Vec<_>, Vec<_>) = words
            .iter()
            .copied()
            .enumerate()
            .partition(|(_, w)| w.chars().count() <= max);
        let patterns: Vec<&str> = in_automata.iter().map(|&(_, w)| w).collect();
        let in_automata: Vec<usize> = in_automata.into_iter().map(|(i, _)| i).collect();
        let long: Vec<usize> = long.into_iter().map(|(i, _)| i).collect();
        let automata = if patterns.is_empty() {
            None
        } else {
            cached_automata(&patterns)
        };
        Keywords {
            words,
            in_automata,
            long,
            automata,
        }
    }

    /// Indexes of the words found in `text`, in catalog order, without repeats.
    fn hits(&self, text: &str) -> Vec<usize> {
        let mut found: Vec<usize> = match &self.automata {
            // Nearly every project is clean: a quick yes/no first, then the
            // overlapping search only on a hit.
            Some(ac) if !ac.any.is_match(text) => Vec::new(),
            Some(ac) => ac
                .all
                .find_overlapping_iter(text)
                .filter_map(|m| self.in_automata.get(m.pattern().as_usize()).copied())
                .collect(),
            // No short words, or the automata could not be built (absurdly many words).
            None => self
                .in_automata
                .iter()
                .copied()
                .filter(|&i| self.words.get(i).is_some_and(|w| text.contains(w)))
                .collect(),
        };
        // `str::contains` is linear in the text and the word (two-way search).
        found.extend(
            self.long
                .iter()
                .copied()
                .filter(|&i| self.words.get(i).is_some_and(|w| text.contains(w))),
        );
        found.sort_unstable();
        found.dedup();
        found
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.words.get(i).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` distinct four-character words spread over the CJK block, as a
    /// generated negative list would be.
    fn cjk_words(n: u32) -> Vec<String> {
        (0..n)
            .map(|i| {
                (0..4)
                    .filter_map(|j| char::from_u32(0x4e00 + (i * 7 + j * 5_003 + i / 3) % 20_000))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_automata_grow_with_the_words_not_with_the_alphabet_too() {
        // Memory is what building costs here: a DFA for every list grew as
        // states × alphabet (5,000 words: tens of MB), a quadratic build.
        let words = cjk_words(5_000);
        let k = Keywords::new(&words);
        let ac = k.automata.as_ref().unwrap();
        let used = ac.any.memory_usage() + ac.all.memory_usage();
        let bytes: usize = words.iter().map(String::len).sum();
        assert!(
            used < 100 * bytes,
            "{used} bytes for {bytes} bytes of words"
        );
        // A real catalog's few dozen words still get the fastest automaton.
        let few = Keywords::new(&words[..40]);
        let kind = few.automata.as_ref().map(|a| a.any.kind());
        assert_eq!(kind, Some(aho_corasick::AhoCorasickKind::DFA));
    }

    #[test]
    fn hits_are_the_words_a_text_contains() {
        let words =
            ["办公", "办公楼", "公楼", "手机", "机", "工资奖金", "", "资"].map(String::from);
        let k = Keywords::new(&words);
        for text in [
            "",
            "新建办公楼一栋",
            "购置手机",
            "机械化",
            "工资",
            "发放工资奖金",
            "马铃薯种薯繁育基地",
            "办公楼和手机，工资奖金",
        ] {
            let naive: Vec<usize> = (0..k.words.len())
                .filter(|&i| text.contains(k.words[i]))
                .collect();
            assert_eq!(k.hits(text), naive, "{text}");
        }
    }
}
