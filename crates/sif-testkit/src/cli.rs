//! Running the `sif` binary as a user does, and what it printed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sif::model::Fund;

/// Run the binary at `bin` with `args` and wait for it.
pub fn run(bin: &str, args: &[&str]) -> Output {
    run_with_env(bin, args, &[])
}

/// [`run`] with environment variables set for the child only.
pub fn run_with_env(bin: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(bin);
    c.args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("the sif binary runs")
}

/// The exit code (0 ok, 1 bad input, 2 usage).
pub fn code(o: &Output) -> i32 {
    o.status.code().expect("sif exits with a code")
}

/// Standard output, which Sif always writes as UTF-8.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// Standard error, which Sif always writes as UTF-8.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Standard output, any bytes that are not UTF-8 replaced (for output that may echo a
/// hostile file name).
pub fn stdout_lossy(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error, any bytes that are not UTF-8 replaced.
pub fn stderr_lossy(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The project's top folder (this crate lives in `crates/sif-testkit`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `sample_funds/NAME.ron`.
pub fn sample_path(name: &str) -> PathBuf {
    root().join("sample_funds").join(format!("{name}.ron"))
}

/// `tests/golden/NAME.ron`.
pub fn golden_path(name: &str) -> PathBuf {
    root().join("tests/golden").join(format!("{name}.ron"))
}

/// A built-in sample fund (`sif::samples`), parsed.
pub fn sample(name: &str) -> Fund {
    let text = sif::samples::template(name).expect("the sample exists");
    sif::store::parse_str(text, name).expect("the sample parses")
}

/// The year's SIE 4E as Sif's own ledger writes it for `fund` (the plan, no scenario), dated
/// 2026-01-20.
pub fn export_4e(fund: &Fund, year: i32) -> Vec<u8> {
    use sif::engine::{Options, project};
    use sif::ledger::{self, sie::SieOptions};

    let projection = project(fund, &Options::default()).expect("the fund projects");
    let journal = ledger::journal(fund, &projection).expect("the journal is written");
    let budget = ledger::budget::budget(fund, &projection, year).expect("the budget is made");
    ledger::sie::sie4e(
        &journal,
        &budget,
        &SieOptions {
            generated_on: "2026-01-20".to_string(),
            year: Some(year),
            year_end_only: false,
        },
    )
    .expect("the SIE 4E is written")
}
