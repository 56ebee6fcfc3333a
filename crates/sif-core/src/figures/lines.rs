//! Single lines the printable report and the command line print that are one step from the
//! projection: a capital event with its sign, an initiative's fund cost over the horizon, the
//! arrears of a schedule row, the schedule's totals and the reconciliation's lines with the sign
//! they are printed with. Computed here, with checked arithmetic, so that the renderers only
//! format.

use crate::engine::{InitiativeProjection, ReconcileYear, Schedule, ScheduleRow};
use crate::model::{CapitalEvent, CapitalKind};
use crate::money::{Money, Overflow, checked_sum};

/// A capital event as it moves the fund: an earmarking adds, a release takes away (negative).
pub fn signed_capital(c: &CapitalEvent) -> Result<Money, Overflow> {
    match c.kind {
        CapitalKind::Earmark => Ok(c.amount),
        CapitalKind::Release => c.amount.checked_neg(),
    }
}

/// What the fund pays for an initiative over the horizon (actuals in closed years).
pub fn fund_cost_total(ip: &InitiativeProjection) -> Result<Money, Overflow> {
    checked_sum(ip.fund_cost.iter().copied())
}

/// A schedule row's arrears, planned less actual, in a closed year; `None` in an open year.
pub fn row_arrears(r: &ScheduleRow) -> Result<Option<Money>, Overflow> {
    r.actual.map(|a| r.planned.checked_sub(a)).transpose()
}

/// The repayment schedule's totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScheduleTotals {
    /// Every row's planned amount.
    pub planned: Money,
    /// The recorded amounts of the closed years.
    pub actual: Money,
    /// The closed years' planned amounts less what was recorded.
    pub arrears: Money,
}

/// The schedule's totals over every row.
pub fn schedule_totals(s: &Schedule) -> Result<ScheduleTotals, Overflow> {
    let planned = checked_sum(s.rows.iter().map(|r| r.planned))?;
    let actual = checked_sum(s.rows.iter().filter_map(|r| r.actual))?;
    let closed_planned = checked_sum(
        s.rows
            .iter()
            .filter(|r| r.actual.is_some())
            .map(|r| r.planned),
    )?;
    Ok(ScheduleTotals {
        planned,
        actual,
        arrears: closed_planned.checked_sub(actual)?,
    })
}

/// The reconciliation's lines that are printed with another sign than the engine keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReconcileLines {
    /// The fund's disbursements, as a deduction (negative).
    pub disbursed: Money,
    /// All realisation gains, as a deduction (negative).
    pub realisation_gains: Money,
    /// Use of the result reserve less what is reserved to it.
    pub reserve_net: Money,
}

/// A year's reconciliation lines as the text report prints them.
pub fn reconcile_lines(y: &ReconcileYear) -> Result<ReconcileLines, Overflow> {
    Ok(ReconcileLines {
        disbursed: y.disbursed.checked_neg()?,
        realisation_gains: y.realisation_gains.checked_neg()?,
        reserve_net: y.reserve_use.checked_sub(y.reserve_reservation)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(planned: i64, actual: Option<i64>) -> ScheduleRow {
        ScheduleRow {
            initiative: "P1".into(),
            payer: "SN".into(),
            year: 2026,
            planned: Money(planned),
            actual: actual.map(Money),
        }
    }

    #[test]
    fn schedule_totals_count_arrears_only_in_closed_years() {
        let s = Schedule {
            rows: vec![row(100, Some(60)), row(50, Some(50)), row(70, None)],
            outstanding: vec![],
        };
        let t = schedule_totals(&s).unwrap();
        assert_eq!(t.planned, Money(220));
        assert_eq!(t.actual, Money(110));
        assert_eq!(t.arrears, Money(40));
        assert_eq!(row_arrears(&s.rows[0]), Ok(Some(Money(40))));
        assert_eq!(row_arrears(&s.rows[2]), Ok(None));
        assert_eq!(row_arrears(&row(i64::MIN, Some(1))), Err(Overflow));
    }

    #[test]
    fn a_release_takes_capital_away() {
        let mut c = CapitalEvent {
            date: "2026-01-01".into(),
            amount: Money(5),
            kind: CapitalKind::Earmark,
            note: String::new(),
        };
        assert_eq!(signed_capital(&c), Ok(Money(5)));
        c.kind = CapitalKind::Release;
        assert_eq!(signed_capital(&c), Ok(Money(-5)));
    }
}
