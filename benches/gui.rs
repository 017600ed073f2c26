//! One headless frame of each screen with a large plan open, through
//! egui_kittest: layout and tessellation, no GPU. Run with
//! `cargo bench --bench gui` (or `benches/run.sh` for every bench and one
//! table). `FUNDPLAN_BENCH_GUI_SIZES=2000` narrows the plan sizes.
//!
//! `gui_review_frame/<screen>/10000`: the same frames with a sealed
//! 10,000-project plan open in review mode, where the banner above every
//! screen shows the seal state (computed once per change, not per frame).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark fails by panicking when its setup does"
)]

#[path = "../core/benches/common/mod.rs"]
mod common;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use fundplan::catalog::default_catalog;
use fundplan::gui::{Action, FundplanApp, Prefs, Screen};
use fundplan::plan::Plan;

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("gui_frame");
    for n in common::env_sizes("FUNDPLAN_BENCH_GUI_SIZES", &[2_000, 10_000, 100_000]) {
        screens(&mut group, common::sample(&default_catalog(), n, 1), false);
    }
    group.finish();
}

fn review_frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("gui_review_frame");
    screens(
        &mut group,
        common::sealed(&default_catalog(), 10_000, 1),
        true,
    );
    group.finish();
}

/// One frame of every screen with `plan` open (in review mode if `review`)
/// and its middle project selected.
fn screens(group: &mut BenchmarkGroup<'_, WallTime>, plan: Plan, review: bool) {
    group
        .sample_size(30)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2));
    let n = plan.projects.len();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|cc| {
            fundplan::gui::fonts::install(&cc.egui_ctx);
            FundplanApp::with_prefs(Prefs::default())
        });
    h.state_mut().push(Action::Create(Box::new(plan)));
    if review {
        h.state_mut().push(Action::SetReadOnly(true));
    }
    h.run_steps(3);
    assert_eq!(h.state().doc().is_read_only(), review);
    for screen in Screen::ALL {
        h.state_mut().push(Action::Go(screen));
        h.state_mut().push(Action::SelectProject(Some(n / 2)));
        h.run_steps(3);
        group.bench_function(BenchmarkId::new(format!("{screen:?}"), n), |b| {
            b.iter(|| h.step())
        });
    }
}

criterion_group!(benches, frames, review_frames);
criterion_main!(benches);
