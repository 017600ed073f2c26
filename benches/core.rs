//! Core speed on generated plans (`fundplan sample --projects N`): load,
//! validate, save, digest. Run with `cargo bench --bench core`. Loading is timed
//! without freeing the plan afterwards (`iter_with_large_drop`): the drop is not
//! part of opening a file.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use fundplan::catalog::default_catalog;
use fundplan::sample::{SampleOptions, generate};
use fundplan::{digest, file, validate};

fn sizes() -> Vec<usize> {
    // FUNDPLAN_BENCH_SIZES=100,1000 narrows the run; the default covers the targets.
    std::env::var("FUNDPLAN_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100, 1_000, 2_000, 10_000])
}

fn core(c: &mut Criterion) {
    let catalog = default_catalog();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("core");
    group
        .sample_size(20)
        .measurement_time(std::time::Duration::from_secs(3));
    for n in sizes() {
        let plan = generate(
            &catalog,
            SampleOptions {
                projects: n,
                seed: 1,
                year: 2020,
            },
        );
        let text = file::plan_to_string(&plan);
        let path = dir.path().join(format!("plan-{n}.ron"));
        std::fs::write(&path, &text).expect("write plan");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("load", n), &path, |b, p| {
            b.iter_with_large_drop(|| file::load_plan(black_box(p)).expect("load"))
        });
        group.bench_with_input(
            BenchmarkId::new("parse_typed_ron_only", n),
            &text,
            |b, t| {
                b.iter_with_large_drop(|| {
                    ron::from_str::<fundplan::plan::Plan>(black_box(t)).expect("parse")
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("validate", n), &plan, |b, p| {
            b.iter(|| validate::validate(black_box(p), &catalog))
        });
        let out = dir.path().join(format!("out-{n}.ron"));
        group.bench_with_input(BenchmarkId::new("save", n), &plan, |b, p| {
            b.iter(|| file::save_plan(black_box(p), Path::new(&out)).expect("save"))
        });
        group.bench_with_input(BenchmarkId::new("digest", n), &plan, |b, p| {
            b.iter(|| digest::digest(black_box(p)))
        });
    }
    group.finish();
}

/// The league's roll-up of 60 plans of 500 projects (load, validate, add up).
fn summary(c: &mut Criterion) {
    let catalog = default_catalog();
    let dir = tempfile::tempdir().expect("temp dir");
    let files: Vec<_> = (1..=60)
        .map(|seed| {
            let plan = generate(
                &catalog,
                SampleOptions {
                    projects: 500,
                    seed,
                    year: 2020,
                },
            );
            let path = dir.path().join(format!("p{seed}.ron"));
            file::save_plan(&plan, &path).expect("save");
            path
        })
        .collect();
    let mut group = c.benchmark_group("summary");
    group
        .sample_size(10)
        .measurement_time(std::time::Duration::from_secs(5));
    group.bench_function("60x500", |b| {
        b.iter(|| fundplan::summary::summarize(black_box(&files), None))
    });
    group.finish();
}

criterion_group!(benches, core, summary);
criterion_main!(benches);
