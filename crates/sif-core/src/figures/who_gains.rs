//! Who pays, who gains (*vem betalar, vem vinner*, SPEC §4.6): each actor's costs borne,
//! savings received and repayments made and received, for the whole fund or one initiative,
//! from `Projection.appraisal[..].by_actor`. The app's Vem vinner view, the printable report and
//! the workbook show these rows; none of them adds the figures up again.
//!
//! The net is what the actor is left with over the horizon: savings received − costs borne −
//! repayments made + repayments received. The fund's costs count against the holder (SPEC
//! §4.6), so the holder's row also receives the repayments; repayments only move money between
//! pockets, so the nets add up to the savings less the costs.

use crate::engine::Projection;
use crate::model::{ActorKind, Fund};
use crate::money::{Money, Overflow};

/// One actor's row of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRow {
    pub code: String,
    pub name: String,
    pub external: bool,
    /// The fund's holder: bears the fund's costs and receives the repayments.
    pub holder: bool,
    /// Costs borne (the fund's against the holder, own costs against the owner).
    pub cost: Money,
    /// Savings received (cashable or not).
    pub savings: Money,
    /// Repayments made to the fund.
    pub repaid: Money,
    /// Repayments received (the holder, for the fund).
    pub received: Money,
    /// savings − cost − repaid + received.
    pub net: Money,
    /// The appraisal has figures for this actor (perhaps all zero); the holder's row is in the
    /// matrix even when it has none.
    pub appears: bool,
}

/// The matrix for the whole fund (`initiative: None`) or one initiative (an index into the
/// fund's initiatives; empty when it does not count). Actors in list order, those with any
/// figure; the holder always.
pub fn matrix(
    fund: &Fund,
    p: &Projection,
    initiative: Option<usize>,
) -> Result<Vec<ActorRow>, Overflow> {
    let n = fund.actors.len();
    let mut cost = vec![Money::ZERO; n];
    let mut savings = vec![Money::ZERO; n];
    let mut repaid = vec![Money::ZERO; n];
    let mut appears = vec![false; n];
    let position = |code: &str| fund.actors.iter().position(|a| a.code == code);
    for (ip, ap) in p.initiatives.iter().zip(&p.appraisal) {
        if initiative.is_some_and(|i| i != ip.index) {
            continue;
        }
        for f in &ap.by_actor {
            let Some(a) = position(&f.actor) else {
                continue;
            };
            appears[a] = true;
            cost[a] = cost[a].checked_add(f.cost)?;
            savings[a] = savings[a].checked_add(f.savings)?;
            repaid[a] = repaid[a].checked_add(f.repaid)?;
        }
    }
    let total_repaid = crate::money::checked_sum(repaid.iter().copied())?;
    let holder = position(&fund.holder);
    let mut rows = Vec::new();
    for (a, actor) in fund.actors.iter().enumerate() {
        let received = if Some(a) == holder {
            total_repaid
        } else {
            Money::ZERO
        };
        let any = [cost[a], savings[a], repaid[a], received]
            .iter()
            .any(|m| !m.is_zero());
        if !any && !appears[a] && Some(a) != holder {
            continue;
        }
        let net = savings[a]
            .checked_sub(cost[a])?
            .checked_sub(repaid[a])?
            .checked_add(received)?;
        rows.push(ActorRow {
            code: actor.code.clone(),
            name: actor.name.clone(),
            external: actor.kind == ActorKind::External,
            holder: Some(a) == holder,
            cost: cost[a],
            savings: savings[a],
            repaid: repaid[a],
            received,
            net,
            appears: appears[a],
        });
    }
    Ok(rows)
}

/// The column totals of the matrix (cost, savings, repaid, received, net).
pub fn totals(rows: &[ActorRow]) -> Result<[Money; 5], Overflow> {
    let mut t = [Money::ZERO; 5];
    for r in rows {
        for (sum, m) in t
            .iter_mut()
            .zip([r.cost, r.savings, r.repaid, r.received, r.net])
        {
            *sum = sum.checked_add(m)?;
        }
    }
    Ok(t)
}

/// The fund's effect on the balanced-budget result over the horizon under a rule set: what
/// the result is with the fund less what it would be without (SPEC §5): under current law
/// (`proposed: false`) or under Sif's reading of ESO 2020:1 (`proposed: true`).
pub fn balance_effect(p: &Projection, proposed: bool) -> Result<Money, Overflow> {
    let mut total = Money::ZERO;
    for y in &p.reconciliation {
        let mut effect = y.repaid.checked_sub(y.disbursed)?;
        if proposed {
            effect = effect
                .checked_add(y.proposed.fund_used)?
                .checked_sub(y.proposed.fund_reearmarked)?;
        }
        total = total.checked_add(effect)?;
    }
    Ok(total)
}
