//! The plan of a year as budget (SPEC §7 `#PBUDGET`): how the owner and the holder would budget
//! the fund's year.
//!
//! Per counted initiative with planned fund cost P > 0 in the year: `internal_cost` +P on the
//! holder, `internal_income` −P on the owner, and the owner's cost accounts `staff`, `services`
//! and `other` + the planned fund cost of that kind. Per planned repayment R > 0 (initiative and
//! payer): `internal_cost` +R on the payer, `internal_income` −R on the holder. These are always
//! the **planned** figures of the chosen scenario, in a closed year too (budget against outcome).
//!
//! Each amount at its finest grain — account, actor (dimension 1), initiative (dimension 6),
//! summed where two entries meet there — is spread over the twelve months by the
//! largest-remainder split with equal weights (ties to the earlier month; a negative amount is
//! split as its absolute value). The rows of the file are then, per month and account (months
//! in order, accounts ascending), the account as a whole `{}`, one row per dimension-1 object
//! (actor order) and one per dimension-6 object (file order), each the sum of the finest-grain
//! monthly parts it covers; rows that are 0 are left out.
//!
//! Everything here is computed once in [`budget`]; views and exports only read it.

use super::{Account, AccountRole, DIM_COMMITTEE, DIM_INITIATIVE, LedgerError, Object, chart};
use crate::engine::Projection;
use crate::model::Fund;
use crate::money::{Money, split_largest_remainder_fixed};

/// One finest-grain budget amount: account, actor, initiative, with its twelve months.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetCell {
    pub account: u32,
    /// Index into `fund.actors`.
    pub actor: usize,
    /// Index into `fund.initiatives`.
    pub initiative: usize,
    /// The year's amount, debit positive (a cost) and credit negative (an income).
    pub amount: Money,
    /// `amount` spread over January … December; the months sum exactly to `amount`.
    pub months: [Money; 12],
}

/// Which objects a `#PBUDGET` row covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BudgetObject {
    /// The account as a whole, `{}`.
    All,
    /// A dimension-1 object, `{1 "KS"}`: an actor's code.
    Actor(String),
    /// A dimension-6 object, `{6 "P101"}`: an initiative's code.
    Initiative(String),
}

/// One `#PBUDGET 0 YYYYMM account {objects} amount` row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetRow {
    /// 1 ..= 12.
    pub month: u32,
    pub account: u32,
    pub object: BudgetObject,
    pub amount: Money,
}

/// A filter of the budget table: everything, one committee (dimension 1) or one initiative
/// (dimension 6).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum BudgetFilter {
    #[default]
    All,
    /// An actor's code.
    Actor(String),
    /// An initiative's code.
    Initiative(String),
}

/// One line of the budget table: an account's twelve months and the year's total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetLine {
    pub account: u32,
    pub months: [Money; 12],
    pub total: Money,
}

/// The year's budget: the finest-grain cells and the rows a SIE file writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    year: i32,
    scenario: String,
    /// Accounts that some cell uses, in number order.
    accounts: Vec<Account>,
    /// Objects that some cell uses: committees (actor order), then initiatives (file order).
    objects: Vec<Object>,
    /// Sorted by account, then actor, then initiative; no cell is zero.
    cells: Vec<BudgetCell>,
    /// In file order: months, accounts ascending, `{}`, actors, initiatives.
    rows: Vec<BudgetRow>,
}

fn add(a: Money, b: Money) -> Result<Money, LedgerError> {
    Ok(a.checked_add(b)?)
}

/// The plan of `year` as budget (SPEC §7), for the fund and the projection's scenario.
pub fn budget(fund: &Fund, projection: &Projection, year: i32) -> Result<Budget, LedgerError> {
    let n = projection.statement.len();
    let last = projection
        .statement
        .last()
        .map_or(fund.first_year, |s| s.year);
    let Some(i) = projection.year_index(year) else {
        return Err(LedgerError::YearOutsideHorizon {
            year,
            first: fund.first_year,
            last,
        });
    };
    if projection.first_year != fund.first_year || i >= n {
        return Err(LedgerError::ProjectionMismatch);
    }
    let chart = chart(fund)?;
    let acc = &fund.accounts;
    let holder = super::holder_index(fund)?;
    let kind_accounts = [acc.staff, acc.services, acc.other];

    // Finest-grain amounts: (account, actor, initiative) → amount, summed where they meet.
    let mut grain: Vec<(u32, usize, usize, Money)> = Vec::new();
    for p in &projection.initiatives {
        let Some(ini) = fund.initiatives.get(p.index) else {
            return Err(LedgerError::ProjectionMismatch);
        };
        let kinds = p
            .planned_fund_cost_by_kind
            .get(i)
            .copied()
            .unwrap_or([Money::ZERO; 3]);
        let planned = kinds.iter().try_fold(Money::ZERO, |s, &k| add(s, k))?;
        if planned.0 > 0 {
            let owner = fund
                .actor_index(&ini.owner)
                .ok_or_else(|| LedgerError::UnknownActor(ini.owner.clone()))?;
            grain.push((acc.internal_cost, holder, p.index, planned));
            grain.push((acc.internal_income, owner, p.index, planned.checked_neg()?));
            for (k, &amount) in kinds.iter().enumerate() {
                if amount.0 != 0 {
                    grain.push((kind_accounts[k], owner, p.index, amount));
                }
            }
        }
        for flow in &p.repayments {
            let r = flow.planned.get(i).copied().unwrap_or(Money::ZERO);
            if r.0 > 0 {
                if flow.actor >= fund.actors.len() {
                    return Err(LedgerError::ProjectionMismatch);
                }
                grain.push((acc.internal_cost, flow.actor, p.index, r));
                grain.push((acc.internal_income, holder, p.index, r.checked_neg()?));
            }
        }
    }
    // Sort by account, actor, initiative (stable) and sum equal keys.
    grain.sort_by_key(|&(a, actor, ini, _)| (a, actor, ini));
    let mut cells: Vec<BudgetCell> = Vec::with_capacity(grain.len());
    for (account, actor, initiative, amount) in grain {
        match cells.last_mut() {
            Some(c) if c.account == account && c.actor == actor && c.initiative == initiative => {
                c.amount = add(c.amount, amount)?;
            }
            _ => cells.push(BudgetCell {
                account,
                actor,
                initiative,
                amount,
                months: [Money::ZERO; 12],
            }),
        }
    }
    cells.retain(|c| !c.amount.is_zero());
    for c in &mut cells {
        c.months = split_largest_remainder_fixed(c.amount, [1; 12]);
    }

    // The accounts and objects in use.
    let accounts: Vec<Account> = chart
        .into_iter()
        .filter(|a| cells.iter().any(|c| c.account == a.number))
        .collect();
    let mut used_actor = vec![false; fund.actors.len()];
    let mut used_initiative = vec![false; fund.initiatives.len()];
    for c in &cells {
        used_actor[c.actor] = true;
        used_initiative[c.initiative] = true;
    }
    let mut objects: Vec<Object> = used_objects(
        DIM_COMMITTEE,
        fund.actors.iter().map(|a| (&a.code, &a.name)),
        &used_actor,
    );
    objects.extend(used_objects(
        DIM_INITIATIVE,
        fund.initiatives.iter().map(|i| (&i.code, &i.name)),
        &used_initiative,
    ));

    // The rows: per month, per account ascending: {}, actors, initiatives. Within an
    // account the cells are sorted by actor, so the actors come in actor order; initiatives are
    // gathered by a stamp per account and month and then sorted into file order.
    let mut rows = Vec::new();
    let mut per_initiative = vec![Money::ZERO; fund.initiatives.len()];
    let mut stamp = vec![usize::MAX; fund.initiatives.len()];
    let mut group_id = 0_usize;
    for m in 0..12 {
        let month = u32::try_from(m + 1).unwrap_or(12);
        let mut start = 0;
        while start < cells.len() {
            let account = cells[start].account;
            let end = cells[start..]
                .iter()
                .position(|c| c.account != account)
                .map_or(cells.len(), |k| start + k);
            let group = &cells[start..end];
            group_id += 1;
            let mut total = Money::ZERO;
            let mut actors: Vec<(usize, Money)> = Vec::new();
            let mut initiatives: Vec<usize> = Vec::new();
            for c in group {
                let part = c.months[m];
                total = add(total, part)?;
                match actors.last_mut() {
                    Some((a, sum)) if *a == c.actor => *sum = add(*sum, part)?,
                    _ => actors.push((c.actor, part)),
                }
                if stamp[c.initiative] != group_id {
                    stamp[c.initiative] = group_id;
                    per_initiative[c.initiative] = Money::ZERO;
                    initiatives.push(c.initiative);
                }
                per_initiative[c.initiative] = add(per_initiative[c.initiative], part)?;
            }
            // A row for each object with an amount; none for a zero.
            let mut push = |object: BudgetObject, amount: Money| {
                if !amount.is_zero() {
                    rows.push(BudgetRow {
                        month,
                        account,
                        object,
                        amount,
                    });
                }
            };
            push(BudgetObject::All, total);
            for (a, amount) in actors {
                push(BudgetObject::Actor(fund.actors[a].code.clone()), amount);
            }
            initiatives.sort_unstable();
            for k in initiatives {
                let amount = per_initiative[k];
                push(
                    BudgetObject::Initiative(fund.initiatives[k].code.clone()),
                    amount,
                );
            }
            start = end;
        }
    }
    Ok(Budget {
        year,
        scenario: projection.scenario.clone(),
        accounts,
        objects,
        cells,
        rows,
    })
}

impl Budget {
    pub fn year(&self) -> i32 {
        self.year
    }

    /// `base` or the scenario's name.
    pub fn scenario(&self) -> &str {
        &self.scenario
    }

    /// The accounts the budget uses, in number order.
    pub fn accounts(&self) -> &[Account] {
        &self.accounts
    }

    /// The objects the budget uses: committees (actor order), then initiatives (file order).
    pub fn objects(&self) -> &[Object] {
        &self.objects
    }

    /// The finest-grain amounts, by account, actor and initiative.
    pub fn cells(&self) -> &[BudgetCell] {
        &self.cells
    }

    /// The `#PBUDGET` rows in the order a SIE file writes them.
    pub fn rows(&self) -> &[BudgetRow] {
        &self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// The budget as a table for people: per account (ascending) the twelve months and the
    /// year's total, of the cells the filter covers; accounts with nothing are left out.
    pub fn table(
        &self,
        fund: &Fund,
        filter: &BudgetFilter,
    ) -> Result<Vec<BudgetLine>, LedgerError> {
        let keep = |c: &BudgetCell| match filter {
            BudgetFilter::All => true,
            BudgetFilter::Actor(code) => fund.actors.get(c.actor).is_some_and(|a| &a.code == code),
            BudgetFilter::Initiative(code) => fund
                .initiatives
                .get(c.initiative)
                .is_some_and(|i| &i.code == code),
        };
        let mut out: Vec<BudgetLine> = Vec::new();
        for c in self.cells.iter().filter(|c| keep(c)) {
            if out.last().is_none_or(|l| l.account != c.account) {
                out.push(BudgetLine {
                    account: c.account,
                    months: [Money::ZERO; 12],
                    total: Money::ZERO,
                });
            }
            if let Some(line) = out.last_mut() {
                for m in 0..12 {
                    line.months[m] = add(line.months[m], c.months[m])?;
                }
                line.total = add(line.total, c.amount)?;
            }
        }
        out.retain(|l| !l.total.is_zero() || l.months.iter().any(|m| !m.is_zero()));
        Ok(out)
    }

    /// The budget per account (ascending) and object, as the `#PBUDGET` rows cover it summed
    /// over the months: the account as a whole, then each committee (actor order), then each
    /// initiative (file order). Lines that are zero in every month are left out.
    pub fn lines_by_object(&self) -> Result<Vec<(BudgetObject, BudgetLine)>, LedgerError> {
        use std::collections::BTreeMap;
        // (account, 0 whole / 1 actor / 2 initiative, index) → months and total.
        let mut sums: BTreeMap<(u32, u8, usize), ([Money; 12], Money)> = BTreeMap::new();
        for c in &self.cells {
            for key in [
                (c.account, 0, 0),
                (c.account, 1, c.actor),
                (c.account, 2, c.initiative),
            ] {
                let e = sums.entry(key).or_insert(([Money::ZERO; 12], Money::ZERO));
                for m in 0..12 {
                    e.0[m] = add(e.0[m], c.months[m])?;
                }
                e.1 = add(e.1, c.amount)?;
            }
        }
        let codes: BTreeMap<(u32, usize), &str> = self
            .objects
            .iter()
            .map(|o| ((o.dimension, o.position), o.code.as_str()))
            .collect();
        let code = |dimension: u32, position: usize| {
            codes
                .get(&(dimension, position))
                .map_or_else(String::new, |c| (*c).to_string())
        };
        Ok(sums
            .into_iter()
            .filter(|(_, (months, total))| !total.is_zero() || months.iter().any(|m| !m.is_zero()))
            .map(|((account, kind, index), (months, total))| {
                let object = match kind {
                    0 => BudgetObject::All,
                    1 => BudgetObject::Actor(code(DIM_COMMITTEE, index)),
                    _ => BudgetObject::Initiative(code(DIM_INITIATIVE, index)),
                };
                (
                    object,
                    BudgetLine {
                        account,
                        months,
                        total,
                    },
                )
            })
            .collect())
    }

    /// An account of the budget, with its name and roles.
    pub fn account(&self, number: u32) -> Option<&Account> {
        self.accounts.iter().find(|a| a.number == number)
    }

    /// Whether an account of the budget is one of the owner's cost-kind accounts.
    pub fn is_cost_kind(&self, number: u32) -> bool {
        self.account(number).is_some_and(|a| {
            a.roles.iter().any(|r| {
                matches!(
                    r,
                    AccountRole::Staff | AccountRole::Services | AccountRole::Other
                )
            })
        })
    }
}

/// The objects of one dimension that some row uses, in the fund's order.
fn used_objects<'a>(
    dimension: u32,
    items: impl Iterator<Item = (&'a String, &'a String)>,
    used: &[bool],
) -> Vec<Object> {
    items
        .zip(used)
        .enumerate()
        .filter(|(_, (_, u))| **u)
        .map(|(position, ((code, name), _))| Object {
            dimension,
            code: code.clone(),
            name: name.clone(),
            position,
        })
        .collect()
}
