//! The sheets after 资金目录: 目录信息 (one key and value a row), 本类用途 (a
//! category and its uses), 可整合级次 (a banner kind and its levels) and
//! 负面清单 (one keyword a row). A sheet that is there replaces the base
//! catalog's part; a key missing from 目录信息 is taken from the base.

use std::collections::{BTreeMap, HashMap};

use super::table::{Column, header};
use super::{Problems, Sheet, words};
use crate::catalog::Share;
use crate::enums::{Category, CountyKind, Level, Use};
use crate::export::catalog_xlsx::INFO_KEYS;
use crate::import::{bounded::shorten, cell_name};

/// What 目录信息 says; `None`: the key is not there.
#[derive(Default)]
pub(super) struct Info {
    pub id: Option<String>,
    pub title: Option<String>,
    pub years: Option<(u16, u16)>,
    pub provisional: Option<bool>,
    pub note: Option<String>,
    pub industry_share_min: Option<Option<Share>>,
    pub industry_share_lines: Option<Vec<String>>,
    pub industry_share_from: Option<Option<u16>>,
    pub management_share_max: Option<Option<Share>>,
    pub required_own_levels: Option<Vec<Level>>,
}

/// Reports a cell that does not hold what its key needs.
fn bad(p: &mut Problems, s: &Sheet<'_>, at: (u32, u32), zh: String, en: String) {
    p.add(s.name, cell_name(at.0, at.1), zh, en);
}

fn year(p: &mut Problems, s: &Sheet<'_>, at: (u32, u32), t: &str) -> Option<u16> {
    let y = t.parse::<u16>().ok().filter(|y| (1900..=9999).contains(y));
    if y.is_none() {
        let t = shorten(t);
        bad(
            p,
            s,
            at,
            format!("“{t}”不是年度"),
            format!("“{t}” is not a year"),
        );
    }
    y
}

/// A share: 0.55, 55% or empty (none).
fn share(p: &mut Problems, s: &Sheet<'_>, at: (u32, u32), t: &str) -> Option<Share> {
    if t.is_empty() {
        return None;
    }
    let d = match t.strip_suffix(['%', '％']) {
        Some(pct) => pct
            .trim()
            .parse::<rust_decimal::Decimal>()
            .ok()
            .and_then(|d| d.checked_div(rust_decimal::Decimal::ONE_HUNDRED)),
        None => t.parse().ok(),
    };
    let share = d.and_then(Share::new);
    if share.is_none() {
        let t = shorten(t);
        bad(
            p,
            s,
            at,
            format!("“{t}”不是 0 到 1 之间的比例（如 0.55 或 55%）"),
            format!("“{t}” is not a share between 0 and 1 (e.g. 0.55 or 55%)"),
        );
    }
    share
}

/// The words of a list cell, each read by `read`; an unknown one is a
/// problem naming it and the words `what` (zh, en) may be, `ok`.
fn list<T>(
    p: &mut Problems,
    s: &Sheet<'_>,
    at: (u32, u32),
    text: &str,
    read: fn(&str) -> Option<T>,
    (what_zh, what_en): (&str, &str),
    ok: &str,
) -> Vec<T> {
    let mut out = Vec::new();
    for w in words::items(text) {
        match read(w) {
            Some(x) => out.push(x),
            None => {
                let w = shorten(w);
                bad(
                    p,
                    s,
                    at,
                    format!("不认识的{what_zh}“{w}”（应为{ok}之一）"),
                    format!("unknown {what_en} “{w}”"),
                );
            }
        }
    }
    out
}

fn levels(p: &mut Problems, s: &Sheet<'_>, at: (u32, u32), t: &str) -> Vec<Level> {
    let ok = words::accepted(Level::ALL, Level::label);
    list(p, s, at, t, words::level, ("级次", "level"), &ok)
}

const INFO_COLUMNS: [Column; 2] = [
    Column {
        name: "项目",
        aliases: &["key", "字段"],
    },
    Column {
        name: "内容",
        aliases: &["value", "值"],
    },
];

pub(super) fn read_info(p: &mut Problems, s: &Sheet<'_>) -> Info {
    let mut info = Info::default();
    let Some(h) = header(p, s, &INFO_COLUMNS, "项目") else {
        return info;
    };
    let (kc, vc) = (h.col("项目").unwrap_or(0), h.col("内容").unwrap_or(1));
    h.unheaded(p, s, |_| false);
    let mut at: HashMap<&str, (u32, String)> = HashMap::new();
    for r in h.row + 1..=s.end().0 {
        let (key, value) = (s.text(r, kc), s.text(r, vc));
        if key.is_empty() {
            if !value.is_empty() {
                bad(
                    p,
                    s,
                    (r, vc),
                    "有值而没有项目名".into(),
                    "a value without a key".into(),
                );
            }
            continue;
        }
        let Some(&(field, _)) = INFO_KEYS
            .iter()
            .find(|(zh, en)| *zh == key || en.eq_ignore_ascii_case(&key))
        else {
            let shown = shorten(&key);
            bad(
                p,
                s,
                (r, kc),
                format!("未知项目“{shown}”"),
                format!("unknown key “{shown}”"),
            );
            continue;
        };
        if at.contains_key(field) {
            bad(
                p,
                s,
                (r, kc),
                format!("“{key}”重复出现"),
                format!("“{key}” appears twice"),
            );
            continue;
        }
        at.insert(field, (r, value));
    }
    let mut get = |field: &str| at.remove(field).map(|(r, v)| ((r, vc), v));
    info.id = get("目录编号").map(|(_, v)| v);
    info.title = get("目录名称").map(|(_, v)| v);
    info.note = get("说明").map(|(_, v)| v);
    let from = get("起始年度");
    let to = get("终止年度");
    info.years = match (from, to) {
        (None, None) => None,
        (Some((a, f)), Some((b, t))) => year(p, s, a, &f).zip(year(p, s, b, &t)),
        (Some((a, _)), None) | (None, Some((a, _))) => {
            bad(
                p,
                s,
                (a.0, kc),
                "起始年度与终止年度须同时给出".into(),
                "the first and last year go together".into(),
            );
            None
        }
    };
    if let Some((a, v)) = get("暂定") {
        info.provisional = words::yes_no(&v);
        if info.provisional.is_none() {
            bad(
                p,
                s,
                a,
                "应为“是”或“否”".into(),
                "expected 是 or 否 (yes or no)".into(),
            );
        }
    }
    info.industry_share_min = get("产业发展最低占比").map(|(a, v)| share(p, s, a, &v));
    info.management_share_max = get("项目管理费最高占比").map(|(a, v)| share(p, s, a, &v));
    info.industry_share_from = get("产业发展占比起始年度")
        .map(|(a, v)| (!v.is_empty()).then(|| year(p, s, a, &v)).flatten());
    info.industry_share_lines =
        get("产业发展占比所计资金").map(|(_, v)| words::items(&v).map(str::to_string).collect());
    info.required_own_levels = get("必须整合的本级资金级次").map(|(a, v)| levels(p, s, a, &v));
    info
}

/// The rows of a two-column sheet under its header: (row, first, second),
/// and the two columns.
type Pairs = (Vec<(u32, String, String)>, (u32, u32));

fn pairs(p: &mut Problems, s: &Sheet<'_>, columns: &[Column; 2]) -> Pairs {
    let Some(h) = header(p, s, columns, columns[0].name) else {
        return (Vec::new(), (0, 1));
    };
    let (kc, vc) = (h.col(columns[0].name).unwrap_or(0), h.col(columns[1].name));
    h.unheaded(p, s, |_| false);
    let mut out = Vec::new();
    for r in h.row + 1..=s.end().0 {
        let key = s.text(r, kc);
        let value = vc.map(|c| s.text(r, c)).unwrap_or_default();
        if key.is_empty() && !value.is_empty() {
            bad(
                p,
                s,
                (r, kc),
                format!("缺少{}", columns[0].name),
                format!("no {} in this row", columns[0].name),
            );
        } else if !key.is_empty() {
            out.push((r, key, value));
        }
    }
    (out, (kc, vc.unwrap_or(kc + 1)))
}

/// Reports a key given twice in a two-column sheet.
fn twice(p: &mut Problems, s: &Sheet<'_>, at: (u32, u32), key: &str) {
    bad(
        p,
        s,
        at,
        format!("“{key}”重复出现"),
        format!("“{key}” appears twice"),
    );
}

/// How the key column of a keyed sheet is read.
struct Key<'a, K> {
    /// The key a cell names.
    read: fn(&str) -> Option<K>,
    /// What a key is, in Chinese and English (大类, category).
    what: (&'a str, &'a str),
    /// The words accepted, for the message.
    ok: &'a str,
}

/// A sheet of one key a row and the list beside it (本类用途, 可整合级次):
/// each key read by `key` and given once, each list by `value`.
fn keyed<K: Ord, V>(
    p: &mut Problems,
    s: &Sheet<'_>,
    columns: &[Column; 2],
    key: Key<'_, K>,
    value: impl Fn(&mut Problems, (u32, u32), &str) -> V,
) -> BTreeMap<K, V> {
    let Key {
        read,
        what: (what_zh, what_en),
        ok,
    } = key;
    let mut out = BTreeMap::new();
    let (rows, (kc, vc)) = pairs(p, s, columns);
    for (r, text, list) in rows {
        let Some(k) = read(&text) else {
            let shown = shorten(&text);
            bad(
                p,
                s,
                (r, kc),
                format!("不认识的{what_zh}“{shown}”（应为{ok}之一）"),
                format!("unknown {what_en} “{shown}”"),
            );
            continue;
        };
        let v = value(p, (r, vc), &list);
        if out.insert(k, v).is_some() {
            twice(p, s, (r, kc), &text);
        }
    }
    out
}

pub(super) fn read_home_uses(p: &mut Problems, s: &Sheet<'_>) -> BTreeMap<Category, Vec<Use>> {
    const COLUMNS: [Column; 2] = [
        Column {
            name: "大类",
            aliases: &["资金大类", "category"],
        },
        Column {
            name: "本类用途",
            aliases: &["用途", "uses", "home uses"],
        },
    ];
    let categories = words::accepted(Category::ALL, Category::label);
    let uses = words::accepted(Use::ALL, Use::label);
    let key = Key {
        read: words::category,
        what: ("大类", "category"),
        ok: &categories,
    };
    keyed(p, s, &COLUMNS, key, |p, at, t| {
        list(p, s, at, t, words::use_, ("用途", "use"), &uses)
    })
}

pub(super) fn read_levels_by_kind(
    p: &mut Problems,
    s: &Sheet<'_>,
) -> BTreeMap<CountyKind, Vec<Level>> {
    const COLUMNS: [Column; 2] = [
        Column {
            name: "旗县类别",
            aliases: &["类别", "kind"],
        },
        Column {
            name: "可整合级次",
            aliases: &["级次", "levels"],
        },
    ];
    let kinds = words::accepted(CountyKind::ALL, CountyKind::label);
    let key = Key {
        read: words::kind,
        what: ("旗县类别", "banner kind"),
        ok: &kinds,
    };
    keyed(p, s, &COLUMNS, key, |p, at, t| levels(p, s, at, t))
}

pub(super) fn read_keywords(p: &mut Problems, s: &Sheet<'_>) -> Vec<String> {
    const COLUMNS: [Column; 2] = [
        Column {
            name: "关键词",
            aliases: &["负面清单", "keyword", "keywords"],
        },
        Column {
            name: "序号",
            aliases: &["no", "no."],
        },
    ];
    pairs(p, s, &COLUMNS)
        .0
        .into_iter()
        .map(|(_, k, _)| k)
        .collect()
}
