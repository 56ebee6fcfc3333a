//! Benchmarks on a generated fund of 1,000 initiatives × 20 years × 30 actors (`sif generate
//! --initiatives 1000 --years 20 --actors 30 --seed 1`).
//!
//! Targets: loading (parse + validate) under 100 ms, the full projection (statement,
//! schedule, appraisal, reconciliation) under 5 ms, so the app can recompute on every edit.
//!
//! Run with `cargo bench --bench engine`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

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

fn engine(c: &mut Criterion) {
    let text = large_fund_text();
    let fund = store::parse_str(&text, "large.ron").expect("the generated fund parses");
    assert!(!validate(&fund).has_errors());
    let pessimistic = Options::named(&fund, Some("Pessimistiskt"), true).expect("scenario");

    let mut group = c.benchmark_group("large fund 1000x20x30");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));

    group.bench_function("load (parse + validate)", |b| {
        b.iter(|| {
            let fund = store::parse_str(black_box(&text), "large.ron").expect("parses");
            black_box(validate(&fund))
        })
    });
    group.bench_function("parse", |b| {
        b.iter(|| store::parse_str(black_box(&text), "large.ron").expect("parses"))
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
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
