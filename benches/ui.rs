//! How long the app takes to build one frame of each view, headless (layout and tessellation;
//! no GPU), with a generated fund of 1,000 initiatives, 20 years and 30 actors, and again with
//! 5,000 initiatives (`frame_5000_initiatives`, the goal of `docs/performance.md`: a frame of
//! every view under 4 ms median).
//!
//! Besides criterion's report, the bench prints the median of its own 300-frame sample per
//! view and checks that nothing was recomputed in those idle frames.

// `unused_imports`: the app's unit tests are compiled out of a bench without a harness.
#[allow(dead_code, unused_imports)]
#[path = "../src/app/mod.rs"]
mod app;

use std::time::{Duration, Instant};

use app::SifApp;
use app::dialogs::FileDialogs;
use app::i18n::Lang;
use app::prefs::Preferences;
use app::views::View;
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;

struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_open(&mut self, _: Lang, _: Option<&std::path::Path>) -> Option<std::path::PathBuf> {
        None
    }
    fn pick_save(
        &mut self,
        _: Lang,
        _: Option<&std::path::Path>,
        _: &str,
    ) -> Option<std::path::PathBuf> {
        None
    }
}

/// An app on a generated fund of `initiatives` initiatives, 20 years and 30 actors.
fn big_app_of(initiatives: usize) -> SifApp {
    let fund = sif::generate::generate_fund(&sif::generate::GenerateParams {
        initiatives,
        years: 20,
        actors: 30,
        seed: 1,
    });
    let mut app = SifApp::new(Preferences::default(), Box::new(NoDialogs));
    app.doc = app::state::Document::new(fund, None);
    app
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

/// One frame: the app's UI, then tessellation into meshes (what eframe hands the GPU).
fn frame(ctx: &egui::Context, app: &mut SifApp) -> usize {
    let output = ctx.run_ui(input(), |ui| app.ui_root(ui));
    let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
    meshes.len()
}

fn prepared(view: View) -> (egui::Context, SifApp) {
    prepared_of(view, 1000)
}

fn prepared_of(view: View, initiatives: usize) -> (egui::Context, SifApp) {
    let ctx = egui::Context::default();
    let mut app = big_app_of(initiatives);
    app.ui.view = view;
    if view == View::Initiatives {
        app.ui.selected = Some(0);
    }
    // Settle: the first frames compute the analysis and size grids and tables.
    for _ in 0..5 {
        frame(&ctx, &mut app);
    }
    (ctx, app)
}

fn bench_views(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_1000_initiatives");
    group.measurement_time(Duration::from_secs(4));
    for view in View::ALL {
        let (ctx, mut app) = prepared(view);
        group.bench_function(view.slug(), |b| b.iter(|| frame(&ctx, &mut app)));
    }
    group.finish();

    println!("\nmedian frame, 1,000 initiatives (300 frames each):");
    for view in View::ALL {
        let (ctx, mut app) = prepared(view);
        let recomputed_before = app.cache.recomputations;
        let mut times: Vec<Duration> = (0..300)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(frame(&ctx, &mut app));
                t.elapsed()
            })
            .collect();
        times.sort();
        let recomputed = app.cache.recomputations - recomputed_before;
        println!(
            "  {:<12} median {:>7.3} ms   p95 {:>7.3} ms   recomputations in idle frames: {recomputed}",
            view.slug(),
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[times.len() * 95 / 100].as_secs_f64() * 1e3,
        );
    }

    // And the cost of one change: an edit to one initiative, then the frame that follows.
    let (ctx, mut app) = prepared(View::Overview);
    let mut ini = app.doc.fund.initiatives[0].clone();
    let t = Instant::now();
    ini.name.push('!');
    app.doc.apply(app::command::Edit::Initiative {
        index: 0,
        value: Box::new(ini),
    });
    frame(&ctx, &mut app);
    println!(
        "  one edit + the frame that recomputes: {:.1} ms\n",
        t.elapsed().as_secs_f64() * 1e3
    );
}

/// Every view with 5,000 initiatives: criterion's estimate, and the median and 95th percentile
/// of 300 frames of each view.
fn bench_views_5000(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_5000_initiatives");
    group.measurement_time(Duration::from_secs(4));
    for view in View::ALL {
        let (ctx, mut app) = prepared_of(view, 5000);
        group.bench_function(view.slug(), |b| b.iter(|| frame(&ctx, &mut app)));
    }
    group.finish();

    println!("\nmedian frame, 5,000 initiatives (300 frames each):");
    for view in View::ALL {
        let (ctx, mut app) = prepared_of(view, 5000);
        let recomputed_before = app.cache.recomputations;
        let mut times: Vec<Duration> = (0..300)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(frame(&ctx, &mut app));
                t.elapsed()
            })
            .collect();
        times.sort();
        let recomputed = app.cache.recomputations - recomputed_before;
        println!(
            "  {:<12} median {:>7.3} ms   p95 {:>7.3} ms   recomputations in idle frames: {recomputed}",
            view.slug(),
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[times.len() * 95 / 100].as_secs_f64() * 1e3,
        );
    }
}

criterion_group!(benches, bench_views, bench_views_5000);
criterion_main!(benches);
