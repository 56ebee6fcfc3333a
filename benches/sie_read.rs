//! Reading a financial system's SIE 4 file (SPEC §10, `docs/performance.md`): a generated 4E
//! file of about a million `#TRANS` rows (≈ 100 MB), read and then mapped onto a fund.
//!
//! Run with `cargo bench --bench sie_read -- --warm-up-time 1 --measurement-time 3`. Peak
//! memory is measured by `examples/sie_read_peak.rs` under `/usr/bin/time -v`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use sif::sie_actuals::{FundFrom, preview};
use sif::sie_read;

use sif::generate::sie as support;

const ROWS: usize = 1_000_000;

fn bench(c: &mut Criterion) {
    let bytes = support::sie_file(ROWS);
    let mut g = c.benchmark_group("sie_read");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("read_1m_rows", |b| {
        b.iter(|| sie_read::read(black_box(&bytes)).map(|f| f.rows))
    });
    let file = match sie_read::read(&bytes) {
        Ok(f) => f,
        Err(e) => panic!("the generated file is refused: {e}"),
    };
    let fund = match sif::samples::template("exempelkommun")
        .map(|t| sif::store::parse_str(t, "exempelkommun"))
    {
        Some(Ok(f)) => f,
        _ => panic!("the sample fund loads"),
    };
    for (name, from) in [
        ("map_allocation", FundFrom::Allocation),
        ("map_costs", FundFrom::Costs),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                preview(&fund, black_box(&file), "x.se", Some(2025), from)
                    .map(|p| p.unmatched.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
