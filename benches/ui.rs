//! How long the app takes to build one frame of each view, headless (layout and tessellation;
//! no GPU), with a generated fund of 1,000 initiatives, 20 years and 30 actors.
//!
//! Besides criterion's report, the bench prints the median of its own 300-frame sample per
//! view and checks that nothing was recomputed in those idle frames.
//!
//! `frame_5000_initiatives`: every view again with 5,000 initiatives (the goal of
//! `docs/performance.md`, "The app at scale": a frame of every view under 4 ms median).
//!
//! `whatif_5000_initiatives`: trainer mode on a generated fund of 5,000 initiatives; one
//! what-if change (a slider step): the frame that follows it (the projection runs on a
//! worker), and the time until the new figures are drawn, per view.

use sif_app as app;

use std::time::{Duration, Instant};

use app::SifApp;
use app::dialogs::{FileDialogs, FileRequest};
use app::prefs::Preferences;
use app::views::View;
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;

struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_open(&mut self, _: FileRequest<'_>) -> Option<std::path::PathBuf> {
        None
    }
    fn pick_save(&mut self, _: FileRequest<'_>) -> Option<std::path::PathBuf> {
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

/// The median and the 95th percentile, in milliseconds, of `n` frames.
fn frame_times(ctx: &egui::Context, app: &mut SifApp, n: usize) -> (f64, f64) {
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(frame(ctx, app));
            t.elapsed()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (ms(times[n / 2]), ms(times[n * 95 / 100]))
}

/// The median and 95th percentile of 300 frames of each view, and how many times anything was
/// recomputed in those idle frames (it must be 0).
fn print_frame_medians(initiatives: usize) {
    println!("\nmedian frame, {initiatives} initiatives (300 frames each):");
    for view in View::ALL {
        let (ctx, mut app) = prepared_of(view, initiatives);
        let recomputed_before = app.cache.recomputations;
        let (median, p95) = frame_times(&ctx, &mut app, 300);
        let recomputed = app.cache.recomputations - recomputed_before;
        println!(
            "  {:<12} median {median:>7.3} ms   p95 {p95:>7.3} ms   recomputations in idle frames: {recomputed}",
            view.slug(),
        );
    }
}

/// How long, in milliseconds, `change` of the first initiative, applied as one edit, and the
/// frame that follows take.
fn edit_and_frame_ms(
    ctx: &egui::Context,
    app: &mut SifApp,
    change: impl FnOnce(&sif::model::Initiative) -> sif::model::Initiative,
) -> f64 {
    let ini = app.doc.fund.initiatives[0].clone();
    let t = Instant::now();
    let value = change(&ini);
    app.doc.apply(app::command::Edit::Initiative {
        index: 0,
        value: Box::new(value),
    });
    frame(ctx, app);
    t.elapsed().as_secs_f64() * 1e3
}

fn bench_views(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_1000_initiatives");
    group.measurement_time(Duration::from_secs(4));
    for view in View::ALL {
        let (ctx, mut app) = prepared(view);
        group.bench_function(view.slug(), |b| b.iter(|| frame(&ctx, &mut app)));
    }
    group.finish();

    print_frame_medians(1000);

    // And the cost of one change: an edit to one initiative, then the frame that follows.
    let (ctx, mut app) = prepared(View::Overview);
    let ms = edit_and_frame_ms(&ctx, &mut app, |ini| {
        let mut renamed = ini.clone();
        renamed.name.push('!');
        renamed
    });
    println!("  one edit + the frame that recomputes: {ms:.1} ms\n");

    // The controllers' views with 5,000 initiatives: their grids and lists are virtualised.
    println!("median frame, 5,000 initiatives (100 frames each):");
    for view in [View::Repayments, View::Budget, View::Ledger] {
        let (ctx, mut app) = prepared_of(view, 5000);
        app.ui.selected = Some(0);
        frame(&ctx, &mut app);
        let (median, p95) = frame_times(&ctx, &mut app, 100);
        println!(
            "  {:<12} median {median:>7.3} ms   p95 {p95:>7.3} ms",
            view.slug(),
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
        let ms = edit_and_frame_ms(&ctx, &mut app, |ini| {
            app::views::repayments::with_actual_fund(ini, closed, sif::money::Money(123_456))
        });
        println!(
            "  {:<12} one recorded actual + the frame that recomputes: {ms:.1} ms",
            view.slug(),
        );
    }
    println!();
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

    print_frame_medians(5000);
}

/// An app on a generated fund of 5,000 initiatives in trainer mode, on `view`, settled.
fn trainer_app(view: View) -> (egui::Context, SifApp) {
    let fund = sif::generate::generate_fund(&sif::generate::GenerateParams {
        initiatives: 5000,
        years: 20,
        actors: 30,
        seed: 1,
    });
    let ctx = egui::Context::default();
    let mut app = SifApp::new(Preferences::default(), Box::new(NoDialogs));
    app.doc = app::state::Document::new(fund, None);
    app.ui.trainer.whatif = Some(app::whatif::WhatIf::of_plan(&app.doc.fund, &app.ui.options));
    app.ui.view = view;
    for _ in 0..5 {
        frame(&ctx, &mut app);
    }
    (ctx, app)
}

/// One what-if change (as a slider step does) and the frame that follows: with 5,000
/// initiatives the projection runs on a worker, so this is what a drag costs the UI thread.
fn whatif_step(ctx: &egui::Context, app: &mut SifApp, k: u32) -> usize {
    if let Some(w) = &mut app.ui.trainer.whatif {
        w.assumptions.savings_factor = if k.is_multiple_of(2) { 95 } else { 100 };
    }
    frame(ctx, app)
}

/// A what-if change until its figures are drawn: the step's frame, the worker's projection,
/// and the frame that shows it.
fn whatif_until_shown(ctx: &egui::Context, app: &mut SifApp, k: u32) -> usize {
    whatif_step(ctx, app, k);
    app.cache.finish_background(&app.doc);
    frame(ctx, app)
}

/// Trainer mode on a large fund: a slider step must not hold up a frame.
fn bench_whatif(c: &mut Criterion) {
    const VIEWS: [View; 4] = [
        View::Overview,
        View::WhoGains,
        View::Scenarios,
        View::Initiatives,
    ];
    let mut group = c.benchmark_group("whatif_5000_initiatives");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(6));
    for view in VIEWS {
        let (ctx, mut app) = trainer_app(view);
        let mut k = 0;
        group.bench_function(format!("{}_until_shown", view.slug()), |b| {
            b.iter(|| {
                k += 1;
                whatif_until_shown(&ctx, &mut app, k)
            })
        });
    }
    group.finish();

    println!(
        "\nwhat-if step, 5,000 initiatives, 20 years, 30 actors (40 steps each; CPU = this thread):"
    );
    for view in VIEWS {
        let (ctx, mut app) = trainer_app(view);
        let before = app.cache.recomputations;
        let mut step = Vec::new();
        let mut shown = Vec::new();
        let mut step_cpu = Vec::new();
        for k in 0..40 {
            let (t, c) = (Instant::now(), on_cpu_ns());
            std::hint::black_box(whatif_step(&ctx, &mut app, k));
            step.push(t.elapsed());
            step_cpu.push(Duration::from_nanos(on_cpu_ns().saturating_sub(c)));
            app.cache.finish_background(&app.doc);
            std::hint::black_box(frame(&ctx, &mut app));
            shown.push(t.elapsed());
        }
        let median = |v: &mut Vec<Duration>| {
            v.sort();
            v[v.len() / 2].as_secs_f64() * 1e3
        };
        println!(
            "  {:<12} frame after a step: median {:>6.2} ms (CPU {:>5.2} ms)   until the new figures are drawn: median {:>6.2} ms   analyses: {}",
            view.slug(),
            median(&mut step),
            median(&mut step_cpu),
            median(&mut shown),
            app.cache.recomputations - before,
        );
    }
}

/// Nanoseconds this thread has run on a CPU (Linux schedstat; 0 elsewhere): on a shared
/// machine, wall-clock time includes waiting for a core.
fn on_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

criterion_group!(benches, bench_views, bench_views_5000, bench_whatif);
criterion_main!(benches);
