//! Core speed on generated plans (`fundplan sample --projects N`): load, parse,
//! validate, save, digest, diff, and the PDF of a 10,000-project plan. Run with `cargo bench --bench core`, or all
//! benches and one table with `benches/run.sh`. Loading is timed without freeing
//! the plan afterwards (`iter_with_large_drop`): the drop is not part of opening
//! a file.
//!
//! `load` reads the file from disk (`file::load_plan`); `parse` is the same minus
//! the read and the 16 MiB size check (`file::parse_plan` on the text in memory),
//! so it also covers 100,000 projects (~79 MB of RON), whose file `load_plan`
//! refuses unread by design.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark fails by panicking when its setup does"
)]

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use fundplan_core::catalog::default_catalog;
use fundplan_core::money::Money;
use fundplan_core::plan::{Adjustment, Plan};
use fundplan_core::{diff, digest, file, validate};

/// What a revision typically changes: the revision and its reason, a few
/// amounts and names, one project dropped and one added, a source document.
fn revised(plan: &Plan) -> Plan {
    let mut b = plan.clone();
    b.revision += 1;
    b.adjustment = Some(Adjustment {
        reason: "年中调整：部分项目调减，新增一个项目".into(),
        approval: "旗政发〔2020〕88号".into(),
    });
    let n = b.projects.len();
    for i in [0, n / 3, n / 2, 2 * n / 3] {
        if let Some(p) = b.projects.get_mut(i) {
            if let Some(f) = p.funding.first_mut() {
                f.amount += Money::from_yuan(10_000);
            }
            p.name.push_str("（调整）");
        }
    }
    if let Some(last) = b.projects.pop() {
        let mut added = last;
        added.id = "ZZ-NEW-001".into();
        added.name = "新增项目".into();
        b.projects.push(added);
    }
    if let Some(s) = b.sources.first_mut() {
        s.document.push_str("（补）");
    }
    b
}

fn core(c: &mut Criterion) {
    let catalog = default_catalog();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("core");
    // FUNDPLAN_BENCH_SIZES=100,1000 narrows the run; the default covers the targets.
    for n in common::env_sizes("FUNDPLAN_BENCH_SIZES", &[100, 1_000, 10_000, 100_000]) {
        // 100,000 projects take up to a second an iteration: ten flat samples.
        if n >= 100_000 {
            group
                .sampling_mode(SamplingMode::Flat)
                .sample_size(10)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_secs(2));
        } else {
            group
                .sampling_mode(SamplingMode::Auto)
                .sample_size(20)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(2));
        }
        let plan = common::sample(&catalog, n, 1);
        let text = file::plan_to_string(&plan);
        let path = dir.path().join(format!("plan-{n}.ron"));
        std::fs::write(&path, &text).expect("write plan");
        group.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() as u64 <= file::MAX_FILE_BYTES {
            group.bench_with_input(BenchmarkId::new("load", n), &path, |b, p| {
                b.iter_with_large_drop(|| file::load_plan(black_box(p)).expect("load"))
            });
        }
        group.bench_with_input(BenchmarkId::new("parse", n), &text, |b, t| {
            b.iter_with_large_drop(|| file::parse_plan(black_box(t), &path).expect("parse"))
        });
        group.bench_with_input(BenchmarkId::new("validate", n), &plan, |b, p| {
            b.iter(|| validate::validate(black_box(p), &catalog))
        });
        let out = dir.path().join(format!("out-{n}.ron"));
        group.bench_with_input(BenchmarkId::new("save", n), &plan, |b, p| {
            b.iter(|| file::save_plan(black_box(p), Path::new(&out)).expect("save"))
        });
        // The temporary folder goes at the end anyway; this only keeps it small.
        std::fs::remove_file(&out).ok();
        std::fs::remove_file(file::backup_path(&out)).ok();
        group.bench_with_input(BenchmarkId::new("digest", n), &plan, |b, p| {
            b.iter(|| digest::digest(black_box(p)))
        });
        let new = revised(&plan);
        group.bench_with_input(BenchmarkId::new("diff", n), &(&plan, &new), |b, (a, n)| {
            b.iter_with_large_drop(|| diff::diff(black_box(a), black_box(n), &catalog))
        });
        std::fs::remove_file(&path).ok();
    }
    group.finish();
}

/// The league's roll-up of 60 sealed plans of 500 projects (load, validate,
/// check the seal, add up); `benches/scale.rs` does 60 plans of other sizes.
fn summary(c: &mut Criterion) {
    let catalog = default_catalog();
    let dir = tempfile::tempdir().expect("temp dir");
    let files: Vec<_> = (1..=60)
        .map(|seed| {
            let plan = common::sealed(&catalog, 500, seed);
            let path = dir.path().join(format!("p{seed}.ron"));
            file::save_plan(&plan, &path).expect("save");
            path
        })
        .collect();
    let mut group = c.benchmark_group("summary");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("60x500", |b| {
        b.iter(|| fundplan_core::summary::summarize(black_box(&files), None))
    });
    group.finish();
}

/// `export::pdf::plan_pdf` of a 10,000-project plan (about 2,900 pages); its
/// size is printed once, as criterion records only times.
fn pdf(c: &mut Criterion) {
    let catalog = default_catalog();
    let mut group = c.benchmark_group("pdf");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for n in common::env_sizes("FUNDPLAN_BENCH_PDF_SIZES", &[10_000]) {
        let plan = common::sample(&catalog, n, 1);
        let report = validate::validate(&plan, &catalog);
        let fonts = fundplan_core::export::pdf::FontDirs::none();
        let bytes = fundplan_core::export::pdf::plan_pdf(&plan, &report, &fonts).bytes;
        eprintln!("pdf/plan/{n}: {} bytes", bytes.len());
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("plan", n), &plan, |b, p| {
            b.iter(|| fundplan_core::export::pdf::plan_pdf(black_box(p), &report, &fonts))
        });
    }
    group.finish();
}

criterion_group!(benches, core, summary, pdf);
criterion_main!(benches);
