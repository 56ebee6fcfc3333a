//! How long the app takes to build one frame of each view, headless (layout and tessellation;
//! no GPU), with a generated fund of 1,000 initiatives, 20 years and 30 actors.
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

    // The controllers' views with 5,000 initiatives: their grids and lists are virtualised.
    println!("median frame, 5,000 initiatives (100 frames each):");
    for view in [View::Repayments, View::Budget, View::Ledger] {
        let (ctx, mut app) = prepared_of(view, 5000);
        app.ui.selected = Some(0);
        frame(&ctx, &mut app);
        let mut times: Vec<Duration> = (0..100)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(frame(&ctx, &mut app));
                t.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "  {:<12} median {:>7.3} ms   p95 {:>7.3} ms",
            view.slug(),
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[times.len() * 95 / 100].as_secs_f64() * 1e3,
        );
    }
    // Recording an actual repayment: the edit, then the frame that projects and aggregates
    // again (and, in the Ledger view, writes the journal again).
    for view in [View::Repayments, View::Ledger] {
        let (ctx, mut app) = prepared_of(view, 5000);
        let closed = app
            .doc
            .fund
            .closed_through
            .unwrap_or(app.doc.fund.first_year);
        let ini = app.doc.fund.initiatives[0].clone();
        let t = Instant::now();
        let value =
            app::views::repayments::with_actual_fund(&ini, closed, sif::money::Money(123_456));
        app.doc.apply(app::command::Edit::Initiative {
            index: 0,
            value: Box::new(value),
        });
        frame(&ctx, &mut app);
        println!(
            "  {:<12} one recorded actual + the frame that recomputes: {:.1} ms",
            view.slug(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    println!();
}

criterion_group!(benches, bench_views);
criterion_main!(benches);
