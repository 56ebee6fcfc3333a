//! Any bytes as a fund file; if it parses and validates, every export of every year and of the
//! whole horizon, for the base and every scenario: SIE 4I and 4E, CSV in both dialects, the
//! hledger journal. Nothing may panic, and no export may be turned against its reader:
//! - every SIE line is a record (`#…`, indented inside a voucher) or a brace, so no text
//!   field broke a record;
//! - no CSV cell starts with a character a spreadsheet takes for a formula;
//! - every hledger line is a directive, a transaction header, a comment or indented.
//! The checks are in the `sif-fuzz-checks` crate (`crates/sif-checks`), which `tests/fuzz_regressions.rs` runs on every finding too.
#![no_main]

use libfuzzer_sys::fuzz_target;

use sif_fuzz_checks as checks;

fuzz_target!(|data: &[u8]| {
    checks::exports(data);
});
