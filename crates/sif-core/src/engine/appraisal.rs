//! The adjusted appraisal (SPEC §4.7): the risk-adjusted socio-economic view beside the gross
//! appraisal of §4.6, in the manner of the GMCA cost-benefit model and HM Treasury's Green Book.
//!
//! Each savings row is adjusted for drop-off (*avtagande effekt*), deadweight (*dödvikt*),
//! attribution (*tillskrivning*) and optimism bias (*optimismjustering*), costs for the fund's
//! cost optimism bias, and everything is discounted with the fund's discount bands. The result
//! is a range (every row at its low or high value), switching values, the net present budget
//! impact per actor, a check of each committee's planned repayments against its adjusted
//! cashable savings, and each row's sensitivity for a tornado chart.
//!
//! Nothing here changes §4.4–§6: the repayment agreement, the statement, the ledger and the
//! reconciliation keep the gross figures. Money stays in whole kronor; floats are used only for
//! discounting and ratios. The sensitivity and the switching values never re-project the fund:
//! the net present value is linear in each row's figures, so a row at its low value changes it
//! by that row's discounted difference alone, and a delay shifts the initiative's own series.

use crate::model::{ActorKind, Initiative, SavingsRow, Status};
use crate::money::{Money, Overflow};

use super::{Ctx, InitiativeProjection, add, factor, round2};

/// The adjusted appraisal of one initiative (SPEC §4.7, `adjusted` in §8).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AdjustedAppraisal {
    /// Σ adjusted costs: each year's fund and own cost with the cost optimism bias.
    pub cost: Money,
    /// Σ adjusted savings (all actors, cashable or not).
    pub savings: Money,
    pub cashable_savings: Money,
    /// Net present value with the discount bands, two decimals.
    pub npv: f64,
    /// The net present value with every savings row at its low value.
    pub npv_low: f64,
    /// The net present value with every savings row at its high value.
    pub npv_high: f64,
    /// Σ D·S / Σ D·C, two decimals; `None` when the discounted costs are 0.
    pub bcr: Option<f64>,
    /// The first year the undiscounted cumulative net is >= 0 after some cost was spent.
    pub payback_year: Option<i32>,
    /// The same on discounted figures.
    pub discounted_payback_year: Option<i32>,
    pub switching: Switching,
    /// Net present budget impact per actor, in actor order.
    pub by_actor: Vec<AdjustedActorFigures>,
    /// Each committee's planned repayments against its adjusted cashable savings.
    pub repayment_coverage: Vec<Coverage>,
}

/// Switching values (*brytpunkter*): how far an assumption may move before the case fails.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Switching {
    /// The share of the adjusted savings, in percent, at which the net present value is 0
    /// (100 × Σ D·C / Σ D·S), two decimals; `None` when there are no discounted savings.
    pub savings_percent: Option<f64>,
    /// The smallest delay in whole years (1..=20) that makes the net present value negative;
    /// 0 when it already is, `None` when no delay up to 20 years does.
    pub delay_years: Option<i32>,
}

/// One actor's adjusted cost, savings and net present budget impact.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AdjustedActorFigures {
    pub actor: String,
    /// The holder bears the fund part of the costs, the owner the own part.
    pub cost: Money,
    pub savings: Money,
    /// Σ D (savings − cost) of this actor, two decimals.
    pub npv: f64,
}

/// Whether a committee's adjusted cashable savings from an initiative cover the repayments
/// planned for it (*täckning av återföringen*).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Coverage {
    pub actor: String,
    /// Σ planned repayments (the schedule's planned figures).
    pub planned: Money,
    /// Σ over years of min(planned, adjusted cashable savings of the committee).
    pub covered: Money,
    /// planned − covered: what the committee must find elsewhere in its budget.
    pub shortfall: Money,
}

/// One savings row's effect on the net present value, for a tornado chart.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Sensitivity {
    /// 0-based index of the row in the initiative's savings.
    pub row: usize,
    pub actor: String,
    /// The net present value with this row alone at its low value (others central).
    pub npv_low: f64,
    /// The same at its high value.
    pub npv_high: f64,
}

/// One actor's adjusted totals over the horizon, before rounding: the fund-level sums
/// (`fund.by_actor`) add these up so that rounding does not accumulate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct ActorTotals {
    pub actor: usize,
    pub cost: Money,
    pub savings: Money,
    pub npv: f64,
}

/// The longest delay tried for the delay switching value (SPEC §4.7; a scenario's own delay
/// is limited to the same 20 years).
const MAX_SWITCHING_DELAY: usize = 20;

/// `round(x × f / 10^6)`, half up (half away from zero for a negative x, as
/// [`Money::percent`]): deadweight, attribution and optimism bias in one rounding.
fn per_million(x: Money, f: i64) -> Result<Money, Overflow> {
    // The common case fits in i64 (amounts up to 10^12, f up to 10^6) and avoids a 128-bit
    // division.
    if let Some(prod) = x.0.checked_mul(f)
        && prod >= 0
        && let Some(p) = prod.checked_add(500_000)
    {
        return Ok(Money(p / 1_000_000));
    }
    let prod = i128::from(x.0) * i128::from(f);
    let r = if prod >= 0 {
        (prod + 500_000) / 1_000_000
    } else {
        -((-prod + 500_000) / 1_000_000)
    };
    i64::try_from(r).map(Money).map_err(|_| Overflow)
}

/// A percentage clamped to the range validation allows, so an unvalidated file cannot turn a
/// fade into growth.
fn pct(p: i32, lo: i32, hi: i32) -> u32 {
    factor(p.clamp(lo, hi))
}

/// The discount factors of the adjusted appraisal: D_0 = 1 and D_t = D_{t−1} / (1 + r_t/100),
/// where r_t is the rate of the band with the largest `from_year` <= t, or the fund's discount
/// rate before the first band (SPEC §4.7).
pub(super) fn discount_factors(ctx: &Ctx<'_>) -> Vec<f64> {
    let finite = |r: f64| if r.is_finite() { r } else { 0.0 };
    let base = finite(ctx.fund.discount_rate);
    let bands = &ctx.fund.appraisal.discount_bands;
    let mut out = Vec::with_capacity(ctx.n);
    let mut d = 1.0_f64;
    for t in 0..ctx.n {
        if t > 0 {
            // t < n <= 60.
            let t = t as i32;
            let rate = bands
                .iter()
                .filter(|b| b.from_year <= t)
                .max_by_key(|b| b.from_year)
                .map_or(base, |b| finite(b.rate));
            d /= 1.0 + rate / 100.0;
        }
        out.push(d);
    }
    out
}

/// Σ D_t × x_t.
fn present_value(d: &[f64], x: &[Money]) -> f64 {
    d.iter().zip(x).map(|(d, x)| d * x.as_f64()).sum()
}

/// The first year index at which the running sum of `net` is >= 0 after some cost was spent.
fn payback<T: Copy + PartialOrd + Default + std::ops::AddAssign>(
    net: impl Iterator<Item = (T, bool)>,
) -> Option<usize> {
    let mut cumulative = T::default();
    let mut spent = false;
    for (i, (x, cost)) in net.enumerate() {
        cumulative += x;
        spent |= cost;
        if spent && cumulative >= T::default() {
            return Some(i);
        }
    }
    None
}

impl Ctx<'_> {
    /// The central adjusted savings of one row per horizon year (SPEC §4.7): drop-off year on
    /// year from the row's `from`, then deadweight, attribution and optimism bias in one
    /// rounding, then the scenario's savings factor, its delay, the horizon and the rule for a
    /// Terminated initiative (§4.1–4.2). Written into `out` (length n, zeroed by the caller).
    fn adjusted_row(
        &self,
        row: &SavingsRow,
        ended: Option<i32>,
        out: &mut [Money],
    ) -> Result<(), Overflow> {
        let keep = 100 - pct(row.drop_off, 0, 100);
        let f = i64::from(100 - pct(row.deadweight, 0, 100))
            * i64::from(100 - pct(row.attribution, 0, 100))
            * i64::from(100 - pct(row.optimism_bias, 0, 100));
        let savings_factor = factor(self.scenario.savings_factor);
        let delay = i64::from(self.scenario.delay.clamp(0, 100));
        let first = i64::from(self.first);
        let last = first + self.n as i64 - 1;
        let from = i64::from(row.from);
        let to = i64::from(row.to);
        let mut g = row.amount;
        let mut year = from;
        while year <= to {
            let shown = year + delay;
            if shown > last {
                break;
            }
            if shown < first {
                // Before the horizon (only in an unvalidated file): the fade still compounds.
                // Once it no longer changes the amount, skip straight to the horizon.
                let next = g.percent(keep)?;
                if next == g {
                    year = first - delay;
                } else {
                    g = next;
                    year += 1;
                }
                continue;
            }
            // shown is within the horizon, so it fits in i32 and in an index.
            let in_horizon = ended.is_none_or(|e| shown <= i64::from(e));
            if in_horizon {
                let n = per_million(g, f)?.percent(savings_factor)?;
                let i = (shown - first) as usize;
                out[i] = add(out[i], n)?;
            }
            g = g.percent(keep)?;
            year += 1;
        }
        Ok(())
    }

    /// The adjusted appraisal and the sensitivity of one counted initiative, with each actor's
    /// unrounded totals for the fund-level sums. `d` holds the discount factors.
    pub(super) fn adjusted_appraisal(
        &self,
        ini: &Initiative,
        p: &InitiativeProjection,
        d: &[f64],
    ) -> Result<(AdjustedAppraisal, Vec<Sensitivity>, Vec<ActorTotals>), Overflow> {
        let n = self.n;
        let ended = match ini.status {
            Status::Terminated => ini.ended,
            _ => None,
        };
        let after_end = |i: usize| ended.is_some_and(|e| self.year(i) > e);
        let bias = 100 + pct(self.fund.appraisal.cost_optimism_bias, 0, 200);
        let holder = self.actor_index.get(self.fund.holder.as_str()).copied();
        let owner = self.actor_index.get(ini.owner.as_str()).copied();

        // n <= 60, so every series of the initiative fits on the stack.
        let mut buffers = [[Money::ZERO; 60]; 7];
        let [fund_cost, own_cost, cost, central, low, high, row_series] = &mut buffers;
        let (fund_cost, own_cost, cost) = (&mut fund_cost[..n], &mut own_cost[..n], &mut cost[..n]);
        let (central, low, high) = (&mut central[..n], &mut low[..n], &mut high[..n]);
        let row_series = &mut row_series[..n];

        // Costs: the fund part borne by the holder, the own part by the owner.
        for i in 0..n {
            fund_cost[i] = p.fund_cost[i].percent(bias)?;
            own_cost[i] = p.own_cost[i].percent(bias)?;
            cost[i] = add(fund_cost[i], own_cost[i])?;
        }

        // Savings: each row's central, low and high series, and the sums per actor and year.
        // (actor, total per year, cashable per year), in order of first appearance.
        let mut by_actor: Vec<(usize, [Money; 60], [Money; 60])> = Vec::new();
        let mut sensitivity = Vec::new();
        let mut pending: Vec<(usize, &str, f64, f64, f64)> = Vec::new();
        for (r, row) in ini.savings.iter().enumerate() {
            let Some(&actor) = self.actor_index.get(row.actor.as_str()) else {
                continue;
            };
            row_series.fill(Money::ZERO);
            self.adjusted_row(row, ended, row_series)?;
            let slot = match by_actor.iter().position(|(a, _, _)| *a == actor) {
                Some(s) => s,
                None => {
                    by_actor.push((actor, [Money::ZERO; 60], [Money::ZERO; 60]));
                    by_actor.len() - 1
                }
            };
            let lo_pct = pct(row.low, 0, 100);
            let hi_pct = pct(row.high, 100, 300);
            let varies = lo_pct != 100 || hi_pct != 100;
            let (mut pv_c, mut pv_lo, mut pv_hi) = (0.0_f64, 0.0_f64, 0.0_f64);
            for (i, &c) in row_series.iter().enumerate() {
                if c.is_zero() {
                    continue;
                }
                let (lo, hi) = if varies {
                    (c.percent(lo_pct)?, c.percent(hi_pct)?)
                } else {
                    (c, c)
                };
                central[i] = add(central[i], c)?;
                low[i] = add(low[i], lo)?;
                high[i] = add(high[i], hi)?;
                let s = &mut by_actor[slot];
                s.1[i] = add(s.1[i], c)?;
                if row.cashable {
                    s.2[i] = add(s.2[i], c)?;
                }
                if varies {
                    pv_c += d[i] * c.as_f64();
                    pv_lo += d[i] * lo.as_f64();
                    pv_hi += d[i] * hi.as_f64();
                }
            }
            if varies {
                pending.push((r, row.actor.as_str(), pv_c, pv_lo, pv_hi));
            }
        }
        by_actor.sort_by_key(|(a, _, _)| *a);

        let pv_cost = present_value(d, cost);
        let pv_savings = present_value(d, central);
        let npv = pv_savings - pv_cost;
        let npv_low = present_value(d, low) - pv_cost;
        let npv_high = present_value(d, high) - pv_cost;

        // The row alone at its low or high value moves the net present value by its own
        // discounted difference (the value is linear in each row).
        for (row, actor, pv_c, pv_lo, pv_hi) in pending {
            sensitivity.push(Sensitivity {
                row,
                actor: actor.to_string(),
                npv_low: round2(npv - pv_c + pv_lo),
                npv_high: round2(npv - pv_c + pv_hi),
            });
        }
        // Widest first, ties by row: compared in the cents reported, so the order is the one
        // a reader sees.
        let cents = |x: f64| (x * 100.0).round() as i64;
        sensitivity.sort_by(|a, b| {
            let wa = cents(a.npv_high) - cents(a.npv_low);
            let wb = cents(b.npv_high) - cents(b.npv_low);
            wb.cmp(&wa).then(a.row.cmp(&b.row))
        });

        let mut net = [Money::ZERO; 60];
        let net = &mut net[..n];
        for i in 0..n {
            net[i] = central[i].checked_sub(cost[i])?;
        }
        let payback_year = payback(
            net.iter()
                .zip(cost.iter())
                .map(|(x, c)| (x.0, !c.is_zero())),
        )
        .map(|i| self.year(i));
        let discounted_payback_year = payback(
            net.iter()
                .zip(cost.iter())
                .zip(d)
                .map(|((x, c), d)| (x.as_f64() * d, !c.is_zero())),
        )
        .map(|i| self.year(i));

        // The delay switching value: the initiative's own adjusted savings moved d years
        // later; years past the horizon drop out, and for a Terminated initiative so do years
        // after it ended (SPEC §4.1).
        let delay_years = if npv < 0.0 {
            Some(0)
        } else {
            (1..=MAX_SWITCHING_DELAY)
                .find(|&shift| {
                    let pv: f64 = (shift..n)
                        .filter(|&i| !after_end(i))
                        .map(|i| d[i] * central[i - shift].as_f64())
                        .sum();
                    pv - pv_cost < 0.0
                })
                .map(|shift| shift as i32)
        };
        let switching = Switching {
            savings_percent: (pv_savings != 0.0).then(|| round2(100.0 * pv_cost / pv_savings)),
            delay_years,
        };

        // Net present budget impact per actor, in actor order.
        let mut totals: Vec<ActorTotals> = Vec::new();
        let mut actors: Vec<usize> = holder
            .into_iter()
            .chain(owner)
            .chain(by_actor.iter().map(|(a, _, _)| *a))
            .collect();
        actors.sort_unstable();
        actors.dedup();
        let total = |x: &[Money]| crate::money::checked_sum(x.iter().copied());
        for a in actors {
            let (mut cost_total, mut pv_cost_a) = (Money::ZERO, 0.0_f64);
            for (bearer, series) in [(holder, &*fund_cost), (owner, &*own_cost)] {
                if bearer == Some(a) {
                    cost_total = add(cost_total, total(series)?)?;
                    pv_cost_a += present_value(d, series);
                }
            }
            let (savings, pv_savings_a) = match by_actor.iter().find(|(x, _, _)| *x == a) {
                Some((_, s, _)) => (total(&s[..n])?, present_value(d, &s[..n])),
                None => (Money::ZERO, 0.0),
            };
            if cost_total.is_zero() && savings.is_zero() {
                continue;
            }
            totals.push(ActorTotals {
                actor: a,
                cost: cost_total,
                savings,
                npv: pv_savings_a - pv_cost_a,
            });
        }

        // Can each paying committee repay what it promised out of its adjusted cashable
        // savings from this initiative, year by year?
        let mut repayment_coverage = Vec::new();
        for flow in &p.repayments {
            if self.fund.actors[flow.actor].kind != ActorKind::Committee {
                continue;
            }
            let planned = crate::money::checked_sum(flow.planned.iter().copied())?;
            if planned.is_zero() {
                continue;
            }
            let cashable = by_actor
                .iter()
                .find(|(a, _, _)| *a == flow.actor)
                .map(|(_, _, c)| &c[..n]);
            let mut covered = Money::ZERO;
            for (i, &due) in flow.planned.iter().enumerate() {
                let have = cashable.map_or(Money::ZERO, |c| c[i]);
                covered = add(covered, due.min(have.max(Money::ZERO)))?;
            }
            repayment_coverage.push(Coverage {
                actor: self.fund.actors[flow.actor].code.clone(),
                planned,
                covered,
                shortfall: planned.checked_sub(covered)?,
            });
        }

        let mut cashable_total = Money::ZERO;
        for (_, _, c) in &by_actor {
            cashable_total = add(cashable_total, total(&c[..n])?)?;
        }
        let adjusted = AdjustedAppraisal {
            cost: total(cost)?,
            savings: total(central)?,
            cashable_savings: cashable_total,
            npv: round2(npv),
            npv_low: round2(npv_low),
            npv_high: round2(npv_high),
            bcr: (pv_cost != 0.0).then(|| round2(pv_savings / pv_cost)),
            payback_year,
            discounted_payback_year,
            switching,
            by_actor: totals
                .iter()
                .map(|t| AdjustedActorFigures {
                    actor: self.fund.actors[t.actor].code.clone(),
                    cost: t.cost,
                    savings: t.savings,
                    npv: round2(t.npv),
                })
                .collect(),
            repayment_coverage,
        };
        Ok((adjusted, sensitivity, totals))
    }
}

/// The fund-level sums per actor over the counted initiatives (`fund.by_actor`), in actor order.
pub(super) fn fund_by_actor(
    ctx: &Ctx<'_>,
    totals: impl IntoIterator<Item = ActorTotals>,
) -> Result<Vec<AdjustedActorFigures>, Overflow> {
    let mut sums: Vec<Option<(Money, Money, f64)>> = vec![None; ctx.fund.actors.len()];
    for t in totals {
        let Some(slot) = sums.get_mut(t.actor) else {
            continue;
        };
        let (c, s, v) = slot.get_or_insert((Money::ZERO, Money::ZERO, 0.0));
        *c = add(*c, t.cost)?;
        *s = add(*s, t.savings)?;
        *v += t.npv;
    }
    Ok(sums
        .into_iter()
        .enumerate()
        .filter_map(|(a, s)| {
            s.map(|(cost, savings, npv)| AdjustedActorFigures {
                actor: ctx.fund.actors[a].code.clone(),
                cost,
                savings,
                npv: round2(npv),
            })
        })
        .collect())
}

/// The fund with `points` percentage points more deadweight (*dödvikt*) on every savings row,
/// each at most 100 %: a what-if of how the cases hold up if more of the outcome would have
/// happened anyway. Only the adjusted appraisal changes; the gross figures, the repayment
/// agreement and everything booked are the same. `points` outside 0..=100 is clamped.
pub fn with_added_deadweight(fund: &crate::model::Fund, points: i32) -> crate::model::Fund {
    let points = points.clamp(0, 100);
    let mut fund = fund.clone();
    if points > 0 {
        for row in fund
            .initiatives
            .iter_mut()
            .flat_map(|i| i.savings.iter_mut())
        {
            row.deadweight = row.deadweight.saturating_add(points).clamp(0, 100);
        }
    }
    fund
}
