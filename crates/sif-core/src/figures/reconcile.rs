//! The balanced-budget reconciliation (SPEC §5) as its lines are shown, in the order the
//! statute lists them: the engine's figures, with the lines that lower the result carrying
//! their minus sign, so that the column reads as a sum from top to bottom.

use crate::engine::ReconcileYear;
use crate::money::Money;

/// The lines of a year that are deducted, as negative amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deductions {
    /// − the fund's disbursements.
    pub disbursed: Money,
    /// − every realisation gain.
    pub realisation_gains: Money,
    /// − the reservation to the result equalisation reserve.
    pub reserve_reservation: Money,
}

impl Deductions {
    pub fn of(r: &ReconcileYear) -> Deductions {
        // The engine's amounts are validated far inside i64 (SPEC §3.1), so the negation of
        // i64::MIN, the one amount without a negative, never occurs; it would show as i64::MAX.
        let neg = |m: Money| Money(m.0.saturating_neg());
        Deductions {
            disbursed: neg(r.disbursed),
            realisation_gains: neg(r.realisation_gains),
            reserve_reservation: neg(r.reserve_reservation),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deductions_are_the_engine_figures_with_a_minus_sign() {
        for (_, p) in crate::samples::every_sample_projected() {
            for r in &p.reconciliation {
                let d = Deductions::of(r);
                assert_eq!(d.disbursed.0, -r.disbursed.0);
                assert_eq!(d.realisation_gains.0, -r.realisation_gains.0);
                assert_eq!(d.reserve_reservation.0, -r.reserve_reservation.0);
            }
        }
    }
}
