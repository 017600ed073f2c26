//! The fast reader for fundplan's own layout (`file::canonical`) against `ron`
//! as the oracle: whenever the fast reader returns a plan, ron must return the
//! same plan; files fundplan writes must take the fast path.

use std::path::Path;

use fundplan_core::catalog::default_catalog;
use fundplan_core::file::{self, canonical};
use fundplan_core::plan::Plan;
use fundplan_core::sample::{SampleOptions, generate};

fn ron(text: &str) -> Option<Plan> {
    file::parse_plan_with_ron(text, Path::new("t.ron")).ok()
}

fn plans() -> Vec<Plan> {
    let catalog = default_catalog();
    let mut v: Vec<Plan> = [(0, 0), (1, 1), (12, 2), (40, 3), (300, 4)]
        .into_iter()
        .map(|(projects, seed)| {
            generate(
                &catalog,
                SampleOptions {
                    projects,
                    seed,
                    year: 2020,
                },
            )
        })
        .collect();
    let mut odd = fundplan_core::sample::awkward(&catalog);
    odd.sources[0].reason.push('\0');
    odd.projects[0].households = u32::MAX;
    odd.year = u16::MAX;
    // Every 7th code point up to U+30000: all the escapes the writer uses.
    odd.approval = (0u32..0x3_0000)
        .step_by(7)
        .filter_map(char::from_u32)
        .collect();
    v.push(odd);
    v
}

#[test]
fn files_fundplan_writes_take_the_fast_path_and_mean_what_ron_reads() {
    for plan in plans() {
        let text = file::plan_to_string(&plan);
        let fast = canonical::parse(&text).expect("canonical text takes the fast path");
        assert_eq!(Some(&fast), ron(&text).as_ref());
        assert_eq!(fast, plan);
    }
}

#[test]
fn the_bundled_sample_takes_the_fast_path() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../assets/examples/wuchuan-2020.ron"
    ))
    .expect("sample");
    assert!(canonical::parse(&text).is_some());
}

#[test]
fn hand_written_layouts_still_load_through_ron() {
    let text = file::plan_to_string(&plans()[2]);
    let commented = format!(
        "// 手写的注释\n{}",
        text.replacen("year:", "/* 年度 */ year:", 1)
    );
    let named = text.replacen('(', "Plan(", 1);
    for other in [commented, named] {
        assert_eq!(canonical::parse(&other), None);
        let plan = file::parse_plan(&other, Path::new("t.ron")).expect("ron reads it");
        assert_eq!(plan, plans()[2]);
    }
}

/// SplitMix64: a fixed sequence, so a failure is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn boundary(t: &str, mut at: usize, forward: bool) -> usize {
    at = at.min(t.len());
    while !t.is_char_boundary(at) {
        if forward { at += 1 } else { at -= 1 }
    }
    at
}

/// The part of `t` that differs from `base`, with a little context.
fn changed(base: &str, t: &str) -> String {
    let prefix = base
        .bytes()
        .zip(t.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = base
        .bytes()
        .rev()
        .zip(t.bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let from = boundary(t, prefix.saturating_sub(40), false);
    let to = boundary(t, (t.len() - suffix.min(t.len() - prefix)) + 40, true);
    format!("{:?}", &t[from..to])
}

/// Insertions, deletions and replacements near the tokens that matter: the
/// fast reader may refuse any of them, but must never read one differently.
#[test]
fn mutated_files_are_read_as_ron_reads_them_or_left_to_ron() {
    let texts: Vec<String> = plans()
        .iter()
        .take(4)
        .chain(plans().last())
        .map(file::plan_to_string)
        .collect();
    let pieces: &[&str] = &[
        " ",
        "\n",
        "\r\n",
        "\t",
        ",",
        "(",
        ")",
        "[",
        "]",
        "\"",
        "\\",
        "\\u{4e2d}",
        "\\u{}",
        "\\u{110000}",
        "\\x41",
        "\\'",
        "//c\n",
        "/*c*/",
        "0",
        "01",
        "1_0",
        "-",
        "+",
        ".",
        "e",
        "Some(",
        "None",
        "Some (",
        "Plan",
        "name",
        "r\"",
        "r#",
        "'",
        "\u{85}",
        "\u{200e}",
        "\u{feff}",
        "0x1",
        "\"1.005\"",
        "\"-0.00\"",
        "1.5",
        "#![enable(implicit_some)]",
        "Industry",
        "None,",
        ":",
        " :",
        "4294967296",
        "65536",
        "true",
    ];
    // Longer runs: FUNDPLAN_MUTATIONS=1000000 cargo test --release -p fundplan-core --test core canonical
    let runs = std::env::var("FUNDPLAN_MUTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let mut rng = Rng(std::env::var("FUNDPLAN_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(7));
    let mut accepted = 0;
    for _ in 0..runs {
        let base = &texts[rng.below(texts.len())];
        let mut t = base.clone();
        for _ in 0..=rng.below(3) {
            let at = boundary(&t, rng.below(t.len() + 1), false);
            let piece = pieces[rng.below(pieces.len())];
            match rng.below(3) {
                0 => t.insert_str(at, piece),
                1 => {
                    let end = boundary(&t, at + 1 + rng.below(4), true);
                    t.replace_range(at..end, "");
                }
                _ => {
                    let end = boundary(&t, at + 1 + rng.below(8), true);
                    t.replace_range(at..end, piece);
                }
            }
        }
        if let Some(fast) = canonical::parse(&t) {
            accepted += 1;
            // Not assert_eq: the plans' Debug would run to megabytes.
            assert!(
                Some(fast) == ron(&t),
                "the fast reader disagrees with ron where this file differs from fundplan's: {}",
                changed(base, &t)
            );
        }
    }
    // Enough of them still took the fast path for the comparison to mean something.
    eprintln!("{accepted} of {runs} mutated files took the fast path");
    assert!(
        accepted > runs / 20,
        "only {accepted} mutated files took the fast path"
    );
}
