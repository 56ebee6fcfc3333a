//! Any bytes as a fund file: parse, validate, and project the base scenario and every scenario
//! of the fund, with and without proposed initiatives. Nothing may panic (SPEC §3.1: loading
//! never panics; the engine never panics on an unvalidated fund). A fund that parses must also
//! be written back and read again to an equal value. The checks are in `crates/sif-checks`, which
//! `tests/fuzz_regressions.rs` runs on every finding too.
#![no_main]

use libfuzzer_sys::fuzz_target;

use sif_fuzz_checks as checks;

fuzz_target!(|data: &[u8]| {
    checks::load_validate_project(data);
});
