//! The fund over the whole horizon: the sums of the fund statement and the schedule that the
//! Overview's key figures, the Scenarier comparison, the printable report's "At a glance" and
//! the workbook show, computed once with checked arithmetic.

use crate::engine::Projection;
use crate::money::{Money, Overflow, checked_sum};

/// Sums over the horizon of one projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Horizon {
    /// Σ capital added (SPEC §4.5).
    pub capital: Money,
    /// Σ disbursements to the initiatives.
    pub disbursed: Money,
    /// Σ repayments received.
    pub repaid: Money,
    /// Σ disbursements the fund cannot pay (charged to free equity, SPEC §4.5).
    pub unfunded: Money,
    /// Σ repayment not reached by the horizon's end (SPEC §4.4).
    pub outstanding: Money,
    /// The balance at the horizon's end (0 for an empty horizon).
    pub closing: Money,
}

impl Horizon {
    pub fn of(p: &Projection) -> Result<Horizon, Overflow> {
        let st = &p.statement;
        Ok(Horizon {
            capital: checked_sum(st.iter().map(|y| y.capital))?,
            disbursed: checked_sum(st.iter().map(|y| y.disbursed))?,
            repaid: checked_sum(st.iter().map(|y| y.repaid))?,
            unfunded: checked_sum(st.iter().map(|y| y.unfunded))?,
            outstanding: checked_sum(p.schedule.outstanding.iter().map(|o| o.amount))?,
            closing: st.last().map_or(Money::ZERO, |y| y.closing),
        })
    }
}

/// Σ the gross appraisal's net present value of the initiatives that count (SPEC §4.6), in
/// kronor with decimals: the Scenarier comparison's "NPV, total".
pub fn npv_total(p: &Projection) -> f64 {
    p.appraisal.iter().map(|a| a.npv).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sums_are_the_statement_and_schedule_added_up() {
        for (_, p) in crate::samples::every_sample_projected() {
            let h = Horizon::of(&p).unwrap();
            let sum = |f: fn(&crate::engine::StatementYear) -> i64| -> i64 {
                p.statement.iter().map(f).sum()
            };
            assert_eq!(h.capital.0, sum(|y| y.capital.0));
            assert_eq!(h.disbursed.0, sum(|y| y.disbursed.0));
            assert_eq!(h.repaid.0, sum(|y| y.repaid.0));
            assert_eq!(h.unfunded.0, sum(|y| y.unfunded.0));
            let last = p.statement.last().unwrap();
            assert_eq!(h.closing, last.closing);
            let outstanding: i64 = p.schedule.outstanding.iter().map(|o| o.amount.0).sum();
            assert_eq!(h.outstanding.0, outstanding);
            let npv: f64 = p.appraisal.iter().fold(0.0, |acc, a| acc + a.npv);
            assert!((npv_total(&p) - npv).abs() < 1e-6);
        }
    }
}
