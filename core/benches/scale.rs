//! A league's whole year: the roll-up of 60 plans of N projects each, and where
//! the time of loading RON goes. Run with `cargo bench --bench scale` (or
//! `benches/run.sh` for every bench and one table).
//!
//! * `summary/60_plans/N`: `summary::summarize` over 60 sealed files of N
//!   projects (load, validate, check the seal and add up, on all cores). `FUNDPLAN_BENCH_SUMMARY_SIZES`
//!   narrows N. 60 plans of 100,000 projects are not benchmarked: each file
//!   is ~79 MB, over the 16 MiB that loading accepts.
//! * `ron/<step>/N`: the parts of loading one plan, to see what a faster path
//!   could save: reading the file and checking UTF-8, fundplan's reader for its
//!   own layout (`file::canonical`), cloning the plan (the floor for any reader),
//!   ron's typed parse from a `&str` and from bytes, ron parsing the same text into nothing
//!   (`IgnoredAny`: lexing and syntax only, no values built) and into an untyped
//!   `ron::Value` tree.
//! * `hostile/long_keywords`: validating the sample with a 9,000-character forbidden keyword
//!   and every project's texts ~10,000 characters long (once 64 s; matching is one pass over
//!   each text). `hostile/catalog_100k_bad_rows`: importing a catalog workbook of 100,000
//!   refused rows (the report stops at 100). These were wall-clock bounds in the tests
//!   (core/tests/core/hostile_catalogs.rs, xlsx.rs), which check what comes out.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark fails by panicking when its setup does"
)]

mod common;
#[path = "../tests/common/mod.rs"]
mod tests_common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use fundplan_core::catalog::default_catalog;
use fundplan_core::file;
use fundplan_core::plan::Plan;
use serde::de::IgnoredAny;

/// 60 sealed plans of `n` projects (seeds 1..=60: 60 different banners' plans).
fn summary(c: &mut Criterion) {
    let catalog = default_catalog();
    let mut group = c.benchmark_group("summary");
    for n in common::env_sizes("FUNDPLAN_BENCH_SUMMARY_SIZES", &[100, 1_000, 10_000]) {
        let dir = tempfile::tempdir().expect("temp dir");
        let files: Vec<_> = (1..=60)
            .map(|seed| {
                let plan = common::sealed(&catalog, n, seed);
                let path = dir.path().join(format!("p{seed}.ron"));
                std::fs::write(&path, file::plan_to_string(&plan)).expect("write plan");
                path
            })
            .collect();
        if n >= 10_000 {
            // About two seconds an iteration.
            group
                .sampling_mode(SamplingMode::Flat)
                .sample_size(10)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_secs(10));
        } else {
            group
                .sampling_mode(SamplingMode::Auto)
                .sample_size(10)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(3));
        }
        group.bench_with_input(BenchmarkId::new("60_plans", n), &files, |b, f| {
            b.iter(|| {
                let s = fundplan_core::summary::summarize(black_box(f), None);
                assert!(s.failures.is_empty(), "{:?}", s.failures.first());
                assert!(s.rows.iter().all(|r| r.sealed), "every plan sealed");
                s
            })
        });
    }
    group.finish();
}

fn ron_options() -> ron::Options {
    // As `file::parse_plan_with_ron` sets it up.
    ron::Options::default().with_recursion_limit(64)
}

/// The steps of loading a plan, each on its own.
fn ron_paths(c: &mut Criterion) {
    let catalog = default_catalog();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("ron");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for n in common::env_sizes("FUNDPLAN_BENCH_RON_SIZES", &[10_000]) {
        let plan = common::sample(&catalog, n, 1);
        let text = file::plan_to_string(&plan);
        let path = dir.path().join(format!("plan-{n}.ron"));
        std::fs::write(&path, &text).expect("write plan");
        group.bench_with_input(BenchmarkId::new("read_text", n), &path, |b, p| {
            b.iter_with_large_drop(|| file::read_text(black_box(p)).expect("read"))
        });
        group.bench_with_input(BenchmarkId::new("typed_from_str", n), &text, |b, t| {
            b.iter_with_large_drop(|| ron_options().from_str::<Plan>(black_box(t)).expect("parse"))
        });
        // fundplan's own reader for the layout it writes (what `parse_plan` now tries first).
        group.bench_with_input(BenchmarkId::new("canonical", n), &text, |b, t| {
            b.iter_with_large_drop(|| file::canonical::parse(black_box(t)).expect("canonical"))
        });
        // The floor for any reader: building the same plan by cloning it.
        group.bench_with_input(BenchmarkId::new("clone_plan", n), &plan, |b, p| {
            b.iter_with_large_drop(|| black_box(p).clone())
        });
        group.bench_with_input(BenchmarkId::new("typed_from_bytes", n), &text, |b, t| {
            b.iter_with_large_drop(|| {
                ron_options()
                    .from_bytes::<Plan>(black_box(t.as_bytes()))
                    .expect("parse")
            })
        });
        group.bench_with_input(BenchmarkId::new("ignored_any", n), &text, |b, t| {
            b.iter(|| {
                ron_options()
                    .from_str::<IgnoredAny>(black_box(t))
                    .expect("parse")
            })
        });
        group.bench_with_input(BenchmarkId::new("untyped_value", n), &text, |b, t| {
            b.iter_with_large_drop(|| {
                ron_options()
                    .from_str::<ron::Value>(black_box(t))
                    .expect("parse")
            })
        });
    }
    group.finish();
}

/// Inputs built to be slow: see the module documentation.
fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    let mut catalog = default_catalog();
    catalog.forbidden_keywords.push("办".repeat(9_000));
    let mut plan = fundplan_core::document::bundled_sample();
    for p in &mut plan.projects {
        p.content = "办".repeat(9_999);
        p.name = "办公".repeat(4_000);
    }
    group.bench_function("long_keywords", |b| {
        b.iter(|| fundplan_core::validate::validate(black_box(&plan), &catalog))
    });
    let bytes = tests_common::catalog_rows(100_000);
    let given = fundplan_core::import::catalog::CatalogDefaults {
        id: Some("big".into()),
        years: Some((2024, 2024)),
        ..Default::default()
    };
    group.bench_function("catalog_100k_bad_rows", |b| {
        b.iter(|| fundplan_core::import::catalog::import_catalog(black_box(&bytes), &given))
    });
    group.finish();
}

criterion_group!(benches, summary, ron_paths, hostile);
criterion_main!(benches);
