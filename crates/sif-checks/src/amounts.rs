//! Any text typed into an amount field: parsing never panics, and whatever Sif writes for an
//! amount (Swedish or English) parses back to the same amount.

use sif::money::{self, Money};

/// One input: as typed text, and as an amount and weights to split it by.
pub fn typed_amounts(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(m) = money::parse_money(text)
    {
        for shown in [
            money::format_sv(m),
            money::format_sv_kr(m),
            money::format_en(m),
            money::format_en_kr(m),
        ] {
            assert_eq!(money::parse_money(&shown), Ok(m), "{text:?} → {shown:?}");
        }
    }
    // The largest-remainder split always sums exactly to the whole (SPEC §4).
    if data.len() >= 8 {
        let whole = i64::from_le_bytes(data[..8].try_into().unwrap()) % 1_000_000_000_000;
        let weights: Vec<u64> = data[8..]
            .chunks(2)
            .map(|c| u64::from(c[0]) << 8 | u64::from(*c.get(1).unwrap_or(&0)))
            .collect();
        let parts = money::split_largest_remainder(Money(whole.abs()), &weights);
        assert_eq!(parts.len(), weights.len());
        if weights.iter().any(|&w| w > 0) {
            assert_eq!(parts.iter().map(|p| p.0).sum::<i64>(), whole.abs());
        }
    }
}
