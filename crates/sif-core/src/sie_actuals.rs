//! A closed year's actual figures from the financial system's SIE 4 file (SPEC §10).
//!
//! [`preview`] maps what [`crate::sie_read`] read onto the fund's initiatives — per initiative
//! the fund's actual payment and the repayments per payer, the rows that name no initiative
//! (`unmatched`), and warnings — without changing anything; [`apply`] then replaces the year's
//! actual rows of the matched initiatives, each with a `source` naming the file. Both are pure:
//! the caller reads the file and saves the fund.
//!
//! Two mappings (`fund_from`), per initiative `c` (the dimension 6 object):
//! - **allocation** (default): the fund's payment is − Σ rows on `accounts.internal_income`
//!   with object 6 = `c` whose dimension 1 object is not the holder — the internal allocation
//!   (*internfördelning*) that Sif's own ledger writes (§6 step 2); the repayment by payer `p`
//!   is Σ rows on `accounts.internal_cost` with object 6 = `c` and dimension 1 = `p` (a
//!   committee, not the holder; §6 step 3). When the initiative's owner *is* the holder, its
//!   allocation's income row carries the holder too, and cannot be told from the repayments'
//!   credit rows by its object; its payment is then − Σ of all its `internal_income` rows less
//!   the repayments read, which is again exactly what Sif's ledger wrote.
//! - **costs**: the fund's payment is Σ rows on accounts 4000–7999 other than
//!   `accounts.internal_cost` with object 6 = `c` (for funds that pay the actual costs);
//!   repayments as under allocation.
//!
//! Sums are exact in öre, then rounded to whole kronor, half up. A negative net is not imported
//! (the recorded figure stays) and is named in a warning.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crate::engine::Projection;
use crate::messages::Message;
use crate::model::{ActorKind, Actual, ActualRepayment, Fund, Initiative};
use crate::money::{Money, Overflow};
use crate::sie_read::{SieFile, SieWarning};

/// Where the fund's actual payment is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FundFrom {
    /// The internal allocation rows (`internal_income`), as Sif's own ledger books them.
    #[default]
    Allocation,
    /// The initiative's real spending on cost accounts 4000–7999.
    Costs,
}

/// What the reading of one initiative gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitiativeFigures {
    /// The initiative's index in `fund.initiatives`.
    pub index: usize,
    pub code: String,
    /// The fund's actual payment as it will be recorded: the file's figure, or the recorded
    /// one when the file's net is negative.
    pub fund: Money,
    /// The file's figure, before a negative net is set aside.
    pub fund_read: Money,
    /// Repayments per payer (actor order), as they will be recorded; only amounts > 0.
    pub repaid: Vec<(String, Money)>,
}

impl InitiativeFigures {
    /// Whether the file gives the initiative any figure other than zero.
    pub fn is_nonzero(&self) -> bool {
        !self.fund.is_zero() || self.repaid.iter().any(|(_, m)| !m.is_zero())
    }
}

/// Rows on a mapped account whose object 6 is no initiative's code (`""`: no object 6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    pub object: String,
    pub account: u32,
    /// Whole kronor, rounded half up.
    pub amount: Money,
    pub ore: i128,
}

/// Something the mapping noticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActualsWarning {
    /// From reading the file.
    Sie(SieWarning),
    /// The file has no vouchers dated in the year.
    NoVouchers { year: i32 },
    /// The year is not closed: the figures can be previewed but not applied.
    YearOpen { year: i32 },
    /// The file has vouchers in the year but no row on the accounts the mapping reads: the
    /// fund's accounts (`accounts.*`) may not be the organisation's.
    NoMappedRows {
        year: i32,
        fund_from: FundFrom,
        internal_income: u32,
        internal_cost: u32,
    },
    /// A negative net fund payment, not imported.
    NegativeFund { code: String, ore: i128 },
    /// A negative net repayment, not imported.
    NegativeRepayment {
        code: String,
        actor: String,
        ore: i128,
    },
    /// Rows on `internal_cost` whose dimension 1 object is no committee of the fund.
    UnknownPayer {
        code: String,
        actor: String,
        ore: i128,
    },
    /// Rows on `internal_cost` without a dimension 1 object.
    NoPayer { code: String, ore: i128 },
}

impl fmt::Display for ActualsWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.both())
    }
}

/// Why the figures cannot be read for the fund or applied to it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActualsError {
    #[error("{}", self.both())]
    NoYear,
    #[error("{}", self.both())]
    OutsideHorizon { year: i32, first: i32, last: i32 },
    #[error("{}", self.both())]
    NotClosed { year: i32 },
    #[error("{}", self.both())]
    TooLarge { code: String },
}

/// The result of reading a SIE file for a fund, before anything is changed (SPEC §10).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActualsPreview {
    pub year: i32,
    /// The SIE file's name, as the `source` names it.
    pub file: String,
    pub program: Option<String>,
    pub generated: Option<String>,
    pub fund_from: FundFrom,
    /// Every initiative the file has rows for on the mapped accounts, in file order.
    pub initiatives: Vec<InitiativeFigures>,
    /// Sorted by object, then account.
    pub unmatched: Vec<Unmatched>,
    pub warnings: Vec<ActualsWarning>,
}

impl ActualsPreview {
    /// What [`apply`] writes as each actual row's `source`: `SIE ekonomi2025.se (Raindance,
    /// 2026-01-20)`.
    pub fn source(&self) -> String {
        let details: Vec<&str> = [self.program.as_deref(), self.generated.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect();
        if details.is_empty() {
            format!("SIE {}", self.file)
        } else {
            format!("SIE {} ({})", self.file, details.join(", "))
        }
    }
}

/// Whole kronor from öre, half up.
pub fn round_ore(ore: i128) -> Option<Money> {
    let kr = (ore + 50).div_euclid(100);
    i64::try_from(kr).ok().map(Money)
}

#[derive(Default)]
struct Acc {
    matched: bool,
    /// − Σ of the rows that make the fund's payment (allocation: income rows not of the
    /// holder; costs: the cost rows, added).
    fund: i128,
    /// Σ `internal_income` rows with the holder as dimension 1 (allocation only).
    income_holder: i128,
    /// Σ `internal_cost` rows per dimension 1 object other than the holder.
    repaid: BTreeMap<String, i128>,
    no_payer: i128,
}

/// Map a read SIE file onto the fund's initiatives for one year (SPEC §10). `year` defaults to
/// the year of `#RAR 0`; it must be within the horizon.
pub fn preview(
    fund: &Fund,
    sie: &SieFile,
    file: &str,
    year: Option<i32>,
    fund_from: FundFrom,
) -> Result<ActualsPreview, ActualsError> {
    let year = year
        .or(sie.fiscal_year.map(|fy| fy.start_year()))
        .ok_or(ActualsError::NoYear)?;
    if !fund.in_horizon(year) {
        return Err(ActualsError::OutsideHorizon {
            year,
            first: fund.first_year,
            last: fund.last_year(),
        });
    }
    let mut warnings: Vec<ActualsWarning> = sie
        .warnings
        .iter()
        .cloned()
        .map(ActualsWarning::Sie)
        .collect();
    if !sie.voucher_years.iter().any(|&(y, n)| y == year && n > 0) {
        warnings.push(ActualsWarning::NoVouchers { year });
    }
    if !fund.is_closed(year) {
        warnings.push(ActualsWarning::YearOpen { year });
    }

    let holder = fund.holder.trim();
    let income = fund.accounts.internal_income;
    let cost = fund.accounts.internal_cost;
    let mut by_code: HashMap<&str, usize> = HashMap::new();
    for (i, ini) in fund.initiatives.iter().enumerate() {
        by_code.entry(ini.code.trim()).or_insert(i);
    }
    let mut acc: Vec<Acc> = (0..fund.initiatives.len())
        .map(|_| Acc::default())
        .collect();
    let mut unmatched: BTreeMap<(String, u32), i128> = BTreeMap::new();
    let mut mapped_rows = false;

    for t in sie.totals_in(year) {
        let mapped = match fund_from {
            FundFrom::Allocation => t.account == income || t.account == cost,
            FundFrom::Costs => (4000..=7999).contains(&t.account) || t.account == cost,
        };
        if !mapped {
            continue;
        }
        mapped_rows = true;
        let object = t.dim6.map_or("", |i| sie.object(i));
        let Some(&index) = by_code.get(object).filter(|_| !object.is_empty()) else {
            *unmatched
                .entry((object.to_string(), t.account))
                .or_insert(0) += t.ore;
            continue;
        };
        let a = &mut acc[index];
        a.matched = true;
        let payer = t.dim1.map(|i| sie.object(i));
        if t.account == cost {
            match payer {
                None => a.no_payer += t.ore,
                Some(p) if p == holder => {}
                Some(p) => *a.repaid.entry(p.to_string()).or_insert(0) += t.ore,
            }
        }
        match fund_from {
            FundFrom::Allocation if t.account == income => {
                if payer == Some(holder) {
                    a.income_holder += t.ore;
                } else {
                    a.fund -= t.ore;
                }
            }
            FundFrom::Costs if t.account != cost => a.fund += t.ore,
            _ => {}
        }
    }

    let has_vouchers = sie.voucher_years.iter().any(|&(y, n)| y == year && n > 0);
    if has_vouchers && !mapped_rows {
        warnings.push(ActualsWarning::NoMappedRows {
            year,
            fund_from,
            internal_income: income,
            internal_cost: cost,
        });
    }

    let mut initiatives = Vec::new();
    for (index, (ini, a)) in fund.initiatives.iter().zip(acc).enumerate() {
        if !a.matched {
            continue;
        }
        let code = ini.code.trim().to_string();
        let too_large = || ActualsError::TooLarge { code: code.clone() };
        let recorded = recorded_figures(fund, index, year).map_err(|_| too_large())?;
        let mut fund_ore = a.fund;
        if fund_from == FundFrom::Allocation && ini.owner.trim() == holder {
            // The owner is the holder: its allocation's income row carries the holder, like
            // the credit rows of the repayments; what the payers repaid is taken off.
            let repaid_ore: i128 = a.repaid.values().sum();
            fund_ore = fund_ore - a.income_holder - repaid_ore;
        }
        let fund_read = round_ore(fund_ore).ok_or_else(too_large)?;
        let fund_figure = if fund_read.0 < 0 {
            warnings.push(ActualsWarning::NegativeFund {
                code: code.clone(),
                ore: fund_ore,
            });
            recorded.fund
        } else {
            fund_read
        };
        if a.no_payer != 0 {
            warnings.push(ActualsWarning::NoPayer {
                code: code.clone(),
                ore: a.no_payer,
            });
        }
        let mut repaid: Vec<(usize, String, Money)> = Vec::new();
        for (actor, ore) in &a.repaid {
            let committee = fund
                .actor_index(actor)
                .filter(|&k| fund.actors[k].kind == ActorKind::Committee);
            let Some(k) = committee else {
                if *ore != 0 {
                    warnings.push(ActualsWarning::UnknownPayer {
                        code: code.clone(),
                        actor: actor.clone(),
                        ore: *ore,
                    });
                }
                continue;
            };
            let amount = round_ore(*ore).ok_or_else(too_large)?;
            let amount = if amount.0 < 0 {
                warnings.push(ActualsWarning::NegativeRepayment {
                    code: code.clone(),
                    actor: actor.clone(),
                    ore: *ore,
                });
                recorded
                    .repaid
                    .iter()
                    .find(|(a, _)| a == actor)
                    .map_or(Money::ZERO, |(_, m)| *m)
            } else {
                amount
            };
            if amount.0 > 0 {
                repaid.push((k, fund.actors[k].code.clone(), amount));
            }
        }
        repaid.sort_by_key(|(k, _, _)| *k);
        initiatives.push(InitiativeFigures {
            index,
            code,
            fund: fund_figure,
            fund_read,
            repaid: repaid.into_iter().map(|(_, a, m)| (a, m)).collect(),
        });
    }

    let unmatched = unmatched
        .into_iter()
        .filter(|(_, ore)| *ore != 0)
        .map(|((object, account), ore)| Unmatched {
            object,
            account,
            // A sum that no Money holds is shown at its limit; it is only listed.
            amount: round_ore(ore).unwrap_or(Money(if ore < 0 { i64::MIN } else { i64::MAX })),
            ore,
        })
        .collect();

    Ok(ActualsPreview {
        year,
        file: file.to_string(),
        program: sie.program.clone().filter(|p| !p.is_empty()),
        generated: sie.generated.clone(),
        fund_from,
        initiatives,
        unmatched,
        warnings,
    })
}

/// What the fund file records now for one initiative and year: the fund's payment and the
/// repayments per actor (summed over the year's rows).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recorded {
    pub fund: Money,
    pub repaid: Vec<(String, Money)>,
}

/// Fails only when a sum does not fit in an amount.
pub fn recorded_figures(fund: &Fund, index: usize, year: i32) -> Result<Recorded, Overflow> {
    let mut out = Recorded::default();
    let Some(ini) = fund.initiatives.get(index) else {
        return Ok(out);
    };
    for row in ini.actuals.iter().filter(|a| a.year == year) {
        out.fund = out.fund.checked_add(row.fund)?;
        for r in &row.repaid {
            match out.repaid.iter_mut().find(|(a, _)| *a == r.actor) {
                Some((_, m)) => *m = m.checked_add(r.amount)?,
                None => out.repaid.push((r.actor.clone(), r.amount)),
            }
        }
    }
    Ok(out)
}

/// Replace the year's actual rows of every initiative the preview matched, each with `source`
/// naming the file (SPEC §10). The year must be closed. Applying the same preview again gives
/// the same fund. Returns how many initiatives were changed.
pub fn apply(fund: &mut Fund, preview: &ActualsPreview) -> Result<usize, ActualsError> {
    let changed = applied(fund, preview)?;
    let n = changed.len();
    for (index, ini) in changed {
        fund.initiatives[index] = ini;
    }
    Ok(n)
}

/// What [`apply`] would change, without changing anything: every initiative whose actual rows
/// the preview changes, by its index, with its new value (index order). The app records these
/// as one undo step.
pub fn applied(
    fund: &Fund,
    preview: &ActualsPreview,
) -> Result<Vec<(usize, Initiative)>, ActualsError> {
    let year = preview.year;
    if !fund.is_closed(year) {
        return Err(ActualsError::NotClosed { year });
    }
    let source = preview.source();
    let mut changed: BTreeMap<usize, Initiative> = BTreeMap::new();
    for figures in &preview.initiatives {
        // The preview names initiatives by index; a fund changed since is matched by code.
        let index = match fund.initiatives.get(figures.index) {
            Some(ini) if ini.code.trim() == figures.code => figures.index,
            _ => match fund
                .initiatives
                .iter()
                .position(|i| i.code.trim() == figures.code)
            {
                Some(i) => i,
                None => continue,
            },
        };
        let original = &fund.initiatives[index];
        let mut ini = changed.remove(&index).unwrap_or_else(|| original.clone());
        let row = Actual {
            year,
            fund: figures.fund,
            repaid: figures
                .repaid
                .iter()
                .map(|(actor, amount)| ActualRepayment {
                    actor: actor.clone(),
                    amount: *amount,
                })
                .collect(),
            source: source.clone(),
        };
        let at = ini
            .actuals
            .iter()
            .position(|a| a.year >= year)
            .unwrap_or(ini.actuals.len());
        ini.actuals.retain(|a| a.year != year);
        ini.actuals.insert(at.min(ini.actuals.len()), row);
        if ini.actuals != original.actuals {
            changed.insert(index, ini);
        }
    }
    Ok(changed.into_iter().collect())
}

/// The repayments the preview records, summed per payer over the initiatives (actor order);
/// `None` for a payer whose sum does not fit in an amount.
pub fn repaid_per_payer(fund: &Fund, preview: &ActualsPreview) -> Vec<(String, Option<Money>)> {
    let mut totals: BTreeMap<usize, (String, Option<Money>)> = BTreeMap::new();
    for f in &preview.initiatives {
        for (actor, m) in &f.repaid {
            let k = fund.actor_index(actor).unwrap_or(usize::MAX);
            let e = totals
                .entry(k)
                .or_insert_with(|| (actor.clone(), Some(Money::ZERO)));
            e.1 = e.1.and_then(|sum| sum.checked_add(*m).ok());
        }
    }
    totals.into_values().collect()
}

/// One line of the comparison people read before applying: an initiative's fund payment
/// (`payer` `None`) or one payer's repayment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonRow {
    pub code: String,
    pub payer: Option<String>,
    /// The plan for the year (base scenario); `None` when the fund cannot be projected.
    pub planned: Option<Money>,
    /// What the fund file records now; `None` when its sum does not fit in an amount.
    pub recorded: Option<Money>,
    pub read: Money,
}

impl ComparisonRow {
    /// Read from the file minus recorded now; `None` where the difference is too large for
    /// an amount (shown as no figure, never as a wrong one).
    pub fn difference(&self) -> Option<Money> {
        self.read.checked_sub(self.recorded?).ok()
    }
}

/// The preview beside the plan and what is recorded now: per matched initiative its fund
/// payment, then each payer that the file or the record names, in actor order.
pub fn comparison(
    fund: &Fund,
    projection: Option<&Projection>,
    preview: &ActualsPreview,
) -> Vec<ComparisonRow> {
    let year_index = usize::try_from(preview.year - fund.first_year).ok();
    let mut rows = Vec::new();
    for f in &preview.initiatives {
        let recorded = recorded_figures(fund, f.index, preview.year).ok();
        let planned_fund = fund.initiatives.get(f.index).and_then(|ini| {
            crate::money::checked_sum(
                ini.costs
                    .iter()
                    .filter(|c| c.year == preview.year)
                    .map(|c| c.fund),
            )
            .ok()
        });
        rows.push(ComparisonRow {
            code: f.code.clone(),
            payer: None,
            planned: planned_fund,
            recorded: recorded.as_ref().map(|r| r.fund),
            read: f.fund,
        });
        let ip = projection.and_then(|p| p.initiatives.iter().find(|p| p.index == f.index));
        for (k, actor) in fund.actors.iter().enumerate() {
            let read = f.repaid.iter().find(|(a, _)| *a == actor.code).map(|x| x.1);
            // What is recorded for the payer (0 for none); `None` when it does not fit.
            let rec = recorded.as_ref().map(|r| {
                r.repaid
                    .iter()
                    .find(|(a, _)| *a == actor.code)
                    .map_or(Money::ZERO, |x| x.1)
            });
            let planned = ip.and_then(|p| {
                p.repayments
                    .iter()
                    .find(|flow| flow.actor == k)
                    .and_then(|flow| year_index.and_then(|i| flow.planned.get(i)).copied())
            });
            let planned_nonzero = planned.is_some_and(|m| !m.is_zero());
            if read.is_none() && rec.is_some_and(|m| m.is_zero()) && !planned_nonzero {
                continue;
            }
            rows.push(ComparisonRow {
                code: f.code.clone(),
                payer: Some(actor.code.clone()),
                planned: if projection.is_some() {
                    Some(planned.unwrap_or(Money::ZERO))
                } else {
                    None
                },
                recorded: rec,
                read: read.unwrap_or(Money::ZERO),
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(recorded: i64, read: i64) -> ComparisonRow {
        ComparisonRow {
            code: "P1".into(),
            payer: None,
            planned: None,
            recorded: Some(Money(recorded)),
            read: Money(read),
        }
    }

    #[test]
    fn the_difference_is_checked() {
        assert_eq!(row(300, 1_000).difference(), Some(Money(700)));
        assert_eq!(row(1_000, 300).difference(), Some(Money(-700)));
        // Too large for an amount: no figure, never a saturated one.
        assert_eq!(row(-1, i64::MAX).difference(), None);
        let unknown = ComparisonRow {
            recorded: None,
            ..row(0, 5)
        };
        assert_eq!(unknown.difference(), None);
    }

    #[test]
    fn recorded_sums_too_large_for_an_amount_are_refused_not_saturated() {
        let (mut fund, _) = crate::samples::every_sample_projected().swap_remove(1);
        let ini = &mut fund.initiatives[0];
        let year = ini.actuals[0].year;
        let half = Money(i64::MAX / 2 + 1);
        for _ in 0..2 {
            ini.actuals.push(crate::model::Actual {
                year,
                fund: half,
                repaid: vec![ActualRepayment {
                    actor: "SN".into(),
                    amount: half,
                }],
                source: String::new(),
            });
        }
        assert_eq!(recorded_figures(&fund, 0, year), Err(Overflow));
        // The figures of another year are read as before.
        let other = fund.initiatives[0]
            .actuals
            .iter()
            .map(|a| a.year)
            .find(|&y| y != year);
        if let Some(y) = other {
            assert!(recorded_figures(&fund, 0, y).is_ok());
        }
    }
}
