//! Benchmarks on a generated fund of 1,000 initiatives × 20 years × 30 actors (`sif generate
//! --initiatives 1000 --years 20 --actors 30 --seed 1`).
//!
//! Targets: loading (parse + validate) under 100 ms, the full projection (statement,
//! schedule, appraisal, reconciliation) under 5 ms, so the app can recompute on every edit.
//!
//! Run with `cargo bench --bench engine`.
//!
//! Each benchmark is measured twice: in wall-clock time (criterion's default) and, on Linux, in
//! the time the benchmark thread actually ran on a CPU (`/proc/thread-self/schedstat`). On a
//! shared machine the second figure is the one to compare with the targets: wall-clock time
//! there includes the time spent waiting for a core.

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{
    BenchmarkGroup, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

use sif::engine::{Options, project};
use sif::generate::{GenerateParams, generate_fund};
use sif::store;
use sif::validate::validate;

fn large_fund_text() -> String {
    let fund = generate_fund(&GenerateParams {
        initiatives: 1000,
        years: 20,
        actors: 30,
        seed: 1,
    });
    // The generator writes only valid funds, and this one serialises.
    store::to_ron_string(&fund).expect("a generated fund serialises")
}

/// Nanoseconds this thread has run on a CPU, if the kernel reports it (Linux schedstat). The
/// figure advances in scheduler ticks (a few milliseconds), so samples must be long.
fn on_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Time on a CPU, as a criterion measurement.
struct OnCpuTime;

struct Nanoseconds;

impl ValueFormatter for Nanoseconds {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "ns")
        } else if typical < 1e6 {
            (1e-3, "µs")
        } else if typical < 1e9 {
            (1e-6, "ms")
        } else {
            (1e-9, "s")
        };
        for v in values {
            *v *= factor;
        }
        unit
    }

    fn scale_throughputs(
        &self,
        _typical: f64,
        _t: &Throughput,
        _values: &mut [f64],
    ) -> &'static str {
        "(not measured)"
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

impl Measurement for OnCpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        on_cpu_ns().unwrap_or(0)
    }
    fn end(&self, start: u64) -> u64 {
        on_cpu_ns().unwrap_or(0).saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &Nanoseconds
    }
}

/// The benchmarks, for any measurement.
fn benchmarks<M: Measurement>(group: &mut BenchmarkGroup<'_, M>, text: &str) {
    let fund = store::parse_str(text, "large.ron").expect("the generated fund parses");
    assert!(!validate(&fund).has_errors());
    let pessimistic = Options::named(&fund, Some("Pessimistiskt"), true).expect("scenario");

    group.bench_function("load (parse + validate)", |b| {
        b.iter(|| {
            let fund = store::parse_str(black_box(text), "large.ron").expect("parses");
            black_box(validate(&fund))
        })
    });
    group.bench_function("parse", |b| {
        b.iter(|| store::parse_str(black_box(text), "large.ron").expect("parses"))
    });
    group.bench_function("validate", |b| b.iter(|| validate(black_box(&fund))));
    group.bench_function("projection (base)", |b| {
        b.iter(|| project(black_box(&fund), &Options::default()).expect("projects"))
    });
    group.bench_function("projection (pessimistic, proposed counted)", |b| {
        b.iter(|| project(black_box(&fund), &pessimistic).expect("projects"))
    });
    group.bench_function("save (to_ron_string)", |b| {
        b.iter(|| store::to_ron_string(black_box(&fund)).expect("serialises"))
    });
}

fn wall_time(c: &mut Criterion) {
    let text = large_fund_text();
    let mut group = c.benchmark_group("large fund 1000x20x30");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    benchmarks(&mut group, &text);
    group.finish();
}

fn cpu_time(c: &mut Criterion<OnCpuTime>) {
    if on_cpu_ns().is_none() {
        eprintln!("time on CPU is not available here (no /proc/thread-self/schedstat)");
        return;
    }
    let text = large_fund_text();
    let mut group = c.benchmark_group("large fund 1000x20x30, time on CPU");
    // Equal samples of about 400 ms each, long against the scheduler tick.
    group
        .sample_size(12)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    benchmarks(&mut group, &text);
    group.finish();
}

criterion_group!(wall, wall_time);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(OnCpuTime);
    targets = cpu_time
}
criterion_main!(wall, cpu);
