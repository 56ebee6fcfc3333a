//! Speed at scale: every stage from the fund file to the exports, on generated funds of 100,
//! 1,000 and 5,000 initiatives over 20 years with 30 actors (`docs/performance.md`).
//!
//! Run with `cargo bench --bench scale`. The figures in the document come from this file; each
//! group names the stage, each benchmark the number of initiatives, so the growth with the
//! fund's size can be read off directly. Measurement is kept short (the machines this runs on
//! are small and shared); criterion's confidence intervals say how far to trust a figure.
//!
//! Stages, each measured on its own input so that one stage's time never hides in another's:
//! - `load`: parse the RON text into a `Fund` (`store::parse_str`, as `sif` does after reading
//!   the file),
//! - `validate`: the checks of SPEC §3.1, with the warnings that need the base projection (as
//!   `sif check` and the app run it),
//! - `validate_without_projection`: the same errors without those warnings (as the exports and
//!   `sif ledger` run it),
//! - `project`: the engine, base scenario (SPEC §4–5),
//! - `journal`: the double-entry journal of every horizon year (SPEC §6),
//! - `export_*`: each export of SPEC §7 from that journal (whole horizon; SIE 4E of one year),
//! - `trial_balance`: what `sif ledger --balance-only --format csv` prints,
//! - `fund_file_to_trial_balance`: all of it in a row, from the RON text to the trial balance
//!   — the path that `scripts/compare-balances.sh` times against hledger and ledger-cli
//!   (here each round also frees what it built, which `sif` leaves to the end of the process).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use sif::engine::{Options, project};
use sif::generate::{GenerateParams, generate_fund};
use sif::ledger;
use sif::ledger::balance::trial_balance_csv;
use sif::ledger::csv::{CsvDialect, journal_csv};
use sif::ledger::hledger::journal_text;
use sif::ledger::sie::{SieKind, SieOptions};
use sif::model::Fund;
use sif::store;
use sif::validate::{validate, validate_without_projection};

const SIZES: [usize; 3] = [100, 1_000, 5_000];
/// The generated funds' shape but for their number of initiatives.
const SHAPE: GenerateParams = GenerateParams {
    initiatives: 0,
    years: 20,
    actors: 30,
    seed: 7,
};

/// A generated fund and its text, the way a user's file would hold it.
struct Input {
    initiatives: usize,
    fund: Fund,
    text: String,
}

fn inputs() -> Vec<Input> {
    SIZES
        .iter()
        .map(|&initiatives| {
            let fund = generate_fund(&GenerateParams {
                initiatives,
                ..SHAPE
            });
            let text = store::to_ron_string(&fund).expect("a generated fund serialises");
            Input {
                initiatives,
                fund,
                text,
            }
        })
        .collect()
}

/// The fund with every adjustment of SPEC §4.7 in use.
fn adjusted(fund: &Fund) -> Fund {
    let mut f = fund.clone();
    f.appraisal.cost_optimism_bias = 10;
    f.appraisal.discount_bands = vec![sif::model::DiscountBand {
        from_year: 6,
        rate: 3.0,
    }];
    for ini in &mut f.initiatives {
        for row in &mut ini.savings {
            row.deadweight = 20;
            row.attribution = 10;
            row.drop_off = 5;
            row.optimism_bias = 10;
            row.low = 60;
            row.high = 130;
        }
    }
    f
}

fn stages(c: &mut Criterion) {
    let inputs = inputs();
    let options = Options::default();
    // 4E of a year in the middle of the horizon (open: balances and budget); 4I of the
    // first year (closed when the generator closes years).
    let sie_year = |fund: &Fund| SieOptions {
        generated_on: "2026-01-15".to_string(),
        year: Some(fund.first_year + fund.years / 2),
        year_end_only: false,
    };
    let sie_closed = |fund: &Fund| SieOptions {
        generated_on: "2026-01-15".to_string(),
        year: Some(fund.first_year),
        year_end_only: false,
    };

    let mut load = c.benchmark_group("load");
    for i in &inputs {
        load.throughput(Throughput::Bytes(i.text.len() as u64));
        load.bench_with_input(BenchmarkId::from_parameter(i.initiatives), i, |b, i| {
            b.iter(|| store::parse_str(black_box(&i.text), "bench.ron").expect("parses"));
        });
    }
    load.finish();

    let mut group = c.benchmark_group("validate");
    for i in &inputs {
        group.bench_with_input(BenchmarkId::from_parameter(i.initiatives), i, |b, i| {
            b.iter(|| validate(black_box(&i.fund)));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("validate_without_projection");
    for i in &inputs {
        group.bench_with_input(BenchmarkId::from_parameter(i.initiatives), i, |b, i| {
            b.iter(|| validate_without_projection(black_box(&i.fund)));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("project");
    for i in &inputs {
        group.bench_with_input(BenchmarkId::from_parameter(i.initiatives), i, |b, i| {
            b.iter(|| project(black_box(&i.fund), &options).expect("projects"));
        });
    }
    group.finish();

    // The same projection with every savings row adjusted and ranged, the costs with an
    // optimism bias and a discount band (SPEC §4.7): the adjusted appraisal's worst case, with
    // a sensitivity bar for every row.
    let mut group = c.benchmark_group("project_adjusted");
    for i in &inputs {
        let fund = adjusted(&i.fund);
        group.bench_with_input(BenchmarkId::from_parameter(i.initiatives), &fund, |b, f| {
            b.iter(|| project(black_box(f), &options).expect("projects"));
        });
    }
    group.finish();

    // Everything after the engine starts from the same projection and journal.
    let projected: Vec<_> = inputs
        .iter()
        .map(|i| {
            let p = project(&i.fund, &options).expect("projects");
            let j = ledger::journal(&i.fund, &p).expect("books");
            (i, p, j)
        })
        .collect();

    let mut group = c.benchmark_group("journal");
    for (i, p, _) in &projected {
        group.bench_with_input(BenchmarkId::from_parameter(i.initiatives), p, |b, p| {
            b.iter(|| ledger::journal(black_box(&i.fund), black_box(p)).expect("books"));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("export_sie4i_closed_year");
    for (i, _, j) in &projected {
        let o = sie_closed(&i.fund);
        if !j.is_closed(i.fund.first_year) {
            continue;
        }
        group.bench_with_input(BenchmarkId::from_parameter(i.initiatives), j, |b, j| {
            b.iter(|| ledger::sie::write(black_box(j), None, &o, SieKind::Import).expect("sie"));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("export_sie4e_one_year_with_budget");
    for (i, p, j) in &projected {
        let o = sie_year(&i.fund);
        let year = o.year.unwrap_or(i.fund.first_year);
        group.bench_with_input(BenchmarkId::from_parameter(i.initiatives), j, |b, j| {
            b.iter(|| {
                let budget = ledger::budget::budget(&i.fund, p, year).expect("budget");
                ledger::sie::write(black_box(j), Some(&budget), &o, SieKind::Export).expect("sie")
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("export_csv");
    for (i, _, j) in &projected {
        group.bench_with_input(BenchmarkId::from_parameter(i.initiatives), j, |b, j| {
            b.iter(|| journal_csv(black_box(j), None, CsvDialect::Rfc4180).expect("csv"));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("export_csv_sv");
    for (i, _, j) in &projected {
        group.bench_with_input(BenchmarkId::from_parameter(i.initiatives), j, |b, j| {
            b.iter(|| journal_csv(black_box(j), None, CsvDialect::Swedish).expect("csv"));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("export_journal");
    for (i, _, j) in &projected {
        group.bench_with_input(BenchmarkId::from_parameter(i.initiatives), j, |b, j| {
            b.iter(|| journal_text(black_box(j), None).expect("journal"));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("trial_balance");
    for (i, _, j) in &projected {
        group.bench_with_input(BenchmarkId::from_parameter(i.initiatives), j, |b, j| {
            b.iter(|| trial_balance_csv(black_box(j), None).expect("csv"));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("fund_file_to_trial_balance");
    for i in &inputs {
        group.throughput(Throughput::Bytes(i.text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(i.initiatives), i, |b, i| {
            b.iter(|| {
                let fund = store::parse_str(black_box(&i.text), "bench.ron").expect("parses");
                assert!(!validate_without_projection(&fund).has_errors());
                let p = project(&fund, &options).expect("projects");
                let j = ledger::journal(&fund, &p).expect("books");
                trial_balance_csv(&j, None).expect("csv")
            });
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Few samples, short windows: the figures are read at the scale of milliseconds.
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = stages
}
criterion_main!(benches);
