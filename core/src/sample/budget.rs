//! What each line brings in a year: budgets shaped like a real banner's.
//!
//! The seed (内蒙古财政厅, 2020) says the 31 national banners integrated 49.3 to
//! 73.98 亿元 a year, 1.6 to 2.4 亿 each. A plan of [`BASE_PROJECTS`] projects
//! gets about 1.96 亿元 over the lines below; other sizes scale with the number
//! of projects, so benchmark plans keep realistic project sizes.

use super::Rng;
use crate::plan::Source;

/// The plan size the profile below describes.
pub(super) const BASE_PROJECTS: u64 = 60;

/// 万元 per line in a plan of [`BASE_PROJECTS`] projects, before a ±15% jitter.
/// Special poverty money (C01, R01, the own lines) is the bulk, as in real
/// banners; a few lines bring nothing this year (the banner is no 产粮大县 and
/// got no tourism or services money), as real lists vary.
const PROFILE: &[(&str, u64)] = &[
    ("C01", 5000),
    ("C02", 820),
    ("C03", 760),
    ("C04", 310),
    ("C05", 980),
    ("C06", 420),
    ("C07", 280),
    ("C08", 210),
    ("C09", 1250),
    ("C10", 360),
    ("C11", 300),
    ("C12", 0),
    ("C13", 180),
    ("C14", 850),
    ("C15", 0),
    ("C16", 0),
    ("C17", 640),
    ("R01", 2900),
    ("R02", 520),
    ("R03", 260),
    ("R04", 170),
    ("R05", 310),
    ("R06", 280),
    ("R07", 480),
    ("R08", 190),
    ("R09", 110),
    ("R10", 0),
    ("R11", 220),
    ("R12", 330),
    ("L01", 600),
    ("X01", 1100),
    ("X02", 420),
];

/// 万元 for a line the profile does not name (another catalog's lines).
const DEFAULT_WAN: u64 = 300;

/// Lines of which a part stays outside the integration by rule: code, the
/// part outside as a percentage of the part integrated, and the reason.
pub(super) const PARTIAL: &[(&str, u64, &str)] = &[
    (
        "C14",
        65,
        "其中草原生态保护补助奖励直接发放农牧民部分，按规定不纳入统筹整合",
    ),
    (
        "C17",
        30,
        "其中用于重点水源工程建设部分，按国办发〔2016〕22号规定不纳入统筹整合",
    ),
];

fn profile_wan(line: &str) -> u64 {
    PROFILE
        .iter()
        .find(|(code, _)| *code == line)
        .map_or(DEFAULT_WAN, |(_, wan)| *wan)
}

/// The integrated amount of every source line, in units of 100 yuan (the
/// smallest step the projects are cut in). A plan of `projects` projects
/// funds at most `2 × projects` lines (at least 3), own lines first so even a
/// tiny plan integrates them (S08), then the largest.
pub(super) fn budgets(sources: &[Source], projects: usize, rng: &mut Rng) -> Vec<u64> {
    let mut order: Vec<(usize, &Source)> = sources
        .iter()
        .enumerate()
        .filter(|(_, s)| profile_wan(&s.line) > 0)
        .collect();
    order.sort_by_key(|&(i, s)| (s.is_catalog_line(), u64::MAX - profile_wan(&s.line), i));
    order.truncate(projects.saturating_mul(2).max(3));
    let n = projects as u64;
    let mut out = vec![0; sources.len()];
    for (i, s) in order {
        // 万元 × 100 = units of 100 yuan; scaled to the plan's size.
        let units = profile_wan(&s.line) * 100 * n * rng.range(85, 115) / 100;
        let units = units / BASE_PROJECTS;
        // `i` numbers `sources`, which `out` is as long as.
        if let Some(slot) = out.get_mut(i) {
            // Round to 0.1 万元 when the amount is large enough that it shows.
            *slot = if units >= 1000 {
                units / 10 * 10
            } else {
                units
            };
        }
    }
    out
}

/// The part of `line` not integrated (units of 100 yuan) and why, when the
/// line is one of [`PARTIAL`] and has money.
pub(super) fn not_integrated(line: &str, integrated: u64) -> Option<(u64, &'static str)> {
    let (_, pct, reason) = PARTIAL.iter().find(|(code, _, _)| *code == line)?;
    let part = integrated * pct / 100 / 100 * 100; // whole 万元
    (part > 0).then_some((part, *reason))
}
