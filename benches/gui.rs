//! One headless frame of each screen with a large plan open, through
//! egui_kittest: layout and tessellation, no GPU. Run with
//! `cargo bench --bench gui`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use fundplan::catalog::default_catalog;
use fundplan::gui::{Action, FundplanApp, Prefs, Screen};
use fundplan::sample::{SampleOptions, generate};

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("gui_frame");
    group
        .sample_size(30)
        .measurement_time(std::time::Duration::from_secs(3));
    for n in [2_000, 10_000] {
        let plan = generate(
            &default_catalog(),
            SampleOptions {
                projects: n,
                seed: 1,
                year: 2020,
            },
        );
        let mut h = Harness::builder()
            .with_size([1280.0, 800.0])
            .build_eframe(|cc| {
                fundplan::gui::fonts::install(&cc.egui_ctx);
                FundplanApp::with_prefs(Prefs::default())
            });
        h.state_mut().push(Action::Create(Box::new(plan)));
        h.run_steps(3);
        for screen in Screen::ALL {
            h.state_mut().push(Action::Go(screen));
            h.state_mut().push(Action::SelectProject(Some(n / 2)));
            h.run_steps(3);
            group.bench_function(BenchmarkId::new(format!("{screen:?}"), n), |b| {
                b.iter(|| h.step())
            });
        }
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
