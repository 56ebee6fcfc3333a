//! Peak memory of reading a large SIE file (docs/performance.md):
//!
//! ```text
//! cargo run --release --example sie_read_peak -- generate /tmp/stor.se 1000000
//! /usr/bin/time -v target/release/examples/sie_read_peak read /tmp/stor.se
//! ```
//!
//! `read` reads the file the way `sif actuals` does (`sie_read::read_file`) and prints what it
//! found; the maximum resident set size that `time -v` reports is the figure.

use sif::generate::sie as support;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("generate") if args.len() >= 3 => {
            let rows = args
                .get(3)
                .and_then(|r| r.parse().ok())
                .unwrap_or(1_000_000);
            let bytes = support::sie_file(rows);
            if let Err(e) = std::fs::write(&args[2], &bytes) {
                eprintln!("{e}");
                return std::process::ExitCode::FAILURE;
            }
            println!("{} bytes", bytes.len());
        }
        Some("read") if args.len() >= 3 => {
            let start = std::time::Instant::now();
            match sif::sie_read::read_file(std::path::Path::new(&args[2])) {
                Ok(f) => println!(
                    "{} vouchers, {} rows, {} totals, {} objects in {:.2?}",
                    f.vouchers,
                    f.rows,
                    f.totals.len(),
                    f.objects.len(),
                    start.elapsed()
                ),
                Err(e) => {
                    eprintln!("{e}");
                    return std::process::ExitCode::FAILURE;
                }
            }
        }
        _ => {
            eprintln!("usage: sie_read_peak generate FILE [ROWS] | read FILE");
            return std::process::ExitCode::from(2);
        }
    }
    std::process::ExitCode::SUCCESS
}
