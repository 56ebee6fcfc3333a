//! What the `sie_read` fuzz target checks for one input, shared with `tests/fuzz_regressions.rs`:
//! any bytes as the financial system's SIE file
//! (SPEC §10). Reading never panics; a file that is read maps onto two sample funds with both
//! mappings and every year the funds have, and applying the figures twice gives the same fund,
//! which saves and loads back to the same text.

use std::sync::OnceLock;

use sif::model::Fund;
use sif::sie_actuals::{self, FundFrom};
use sif::{sie_read, store};

fn funds() -> &'static [Fund] {
    static FUNDS: OnceLock<Vec<Fund>> = OnceLock::new();
    FUNDS.get_or_init(|| {
        ["uppfoljning", "smakommun"]
            .iter()
            .map(|name| {
                let text = sif::samples::template(name).expect("sample exists");
                store::parse_str(text, name).expect("sample parses")
            })
            .collect()
    })
}

/// Read the bytes as a SIE file and, if they are one, map and apply them. Returns whether the
/// file was read.
pub fn sie_read(data: &[u8]) -> bool {
    // A prefix of any file is a truncated file: refused or read, never a panic.
    let _ = sie_read::read(&data[..data.len() / 2]);
    let Ok(file) = sie_read::read(data) else {
        return false;
    };
    assert!(file.totals.windows(2).all(|w| {
        (w[0].year, w[0].account, w[0].dim1, w[0].dim6)
            < (w[1].year, w[1].account, w[1].dim1, w[1].dim6)
    }));
    for t in &file.totals {
        for id in [t.dim1, t.dim6].into_iter().flatten() {
            assert!((id as usize) < file.objects.len());
        }
    }
    for fund in funds() {
        let mut years = vec![None];
        years.extend(fund.horizon().map(Some));
        for year in years {
            for from in [FundFrom::Allocation, FundFrom::Costs] {
                let Ok(preview) = sie_actuals::preview(fund, &file, "fuzz.se", year, from) else {
                    continue;
                };
                let _ = sie_actuals::comparison(fund, None, &preview);
                let mut applied = fund.clone();
                if sie_actuals::apply(&mut applied, &preview).is_err() {
                    continue;
                }
                let once = applied.clone();
                sie_actuals::apply(&mut applied, &preview).unwrap();
                assert_eq!(once, applied, "applying twice changed the fund");
                let text = store::to_ron_string(&applied).unwrap();
                let again = store::parse_str(&text, "again.ron")
                    .unwrap_or_else(|e| panic!("Sif cannot read what it wrote: {e}\n{text}"));
                // A format 1 sample is saved as format 2: compare what is written.
                assert_eq!(
                    store::to_ron_string(&again).unwrap(),
                    text,
                    "round trip changed the fund"
                );
                assert_eq!(again.initiatives, applied.initiatives);
            }
        }
    }
    true
}
