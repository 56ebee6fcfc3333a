//! Any bytes as the financial system's SIE 4 file (SPEC §10): read, mapped onto sample funds
//! with both mappings for every year, and applied twice. Nothing may panic; the checks are in
//! `crates/sif-checks/src/sie.rs`, which `tests/fuzz_regressions.rs` runs on every finding and seed too.
#![no_main]

use libfuzzer_sys::fuzz_target;

use sif_fuzz_checks::sie as sie_checks;

fuzz_target!(|data: &[u8]| {
    sie_checks::sie_read(data);
});
