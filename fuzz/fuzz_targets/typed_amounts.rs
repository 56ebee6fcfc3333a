//! `sif_fuzz_checks::amounts::typed_amounts` on every input (what it checks is described there).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sif_fuzz_checks::amounts::typed_amounts(data));
