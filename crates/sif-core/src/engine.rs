//! The fund engine: pure functions from a fund and a scenario to a [`Projection`] — the
//! repayment schedule, the fund statement, the appraisal and the balanced-budget reconciliation
//! (SPEC §4–5). Nothing here does I/O or knows about the app or the command line.
//!
//! Years are held as indices into the horizon (`0 ..= years - 1`); figures outside the horizon
//! are dropped, so an unvalidated fund never makes the engine panic, although only a fund
//! without validation errors gives meaningful figures.

use std::collections::HashMap;

mod appraisal;

pub use appraisal::{
    AdjustedActorFigures, AdjustedAppraisal, Coverage, Sensitivity, Switching,
    with_added_deadweight,
};

use crate::model::{
    ActorKind, CapitalKind, CostKind, Fund, FundingModel, Initiative, Repayment, Scenario, Status,
};
use crate::money::{
    Money, Overflow, checked_sum, split_by_amounts, split_largest_remainder,
    split_largest_remainder_fixed,
};

/// What to project: which scenario, and whether proposed initiatives count (SPEC §4.1–4.2).
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub scenario: Scenario,
    pub include_proposed: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            scenario: Scenario::base(),
            include_proposed: false,
        }
    }
}

impl Options {
    /// Options for a scenario of the fund by name; `None` or `"base"` is the base scenario.
    pub fn named(
        fund: &Fund,
        scenario: Option<&str>,
        include_proposed: bool,
    ) -> Result<Options, EngineError> {
        let scenario = match scenario {
            None => Scenario::base(),
            Some(name) => match fund.scenario(name) {
                Some(s) => s.clone(),
                None if name.eq_ignore_ascii_case("base") => Scenario::base(),
                None => {
                    return Err(EngineError::UnknownScenario {
                        name: name.to_string(),
                        known: fund.scenarios.iter().map(|s| s.name.clone()).collect(),
                    });
                }
            },
        };
        Ok(Options {
            scenario,
            include_proposed,
        })
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    #[error("{}", crate::messages::Message::both(self))]
    UnknownScenario { name: String, known: Vec<String> },
    #[error("{0}")]
    Overflow(#[from] Overflow),
}

/// One payer's repayments for one initiative, per horizon year.
#[derive(Debug, Clone, PartialEq)]
pub struct PayerFlow {
    /// Index into `fund.actors`.
    pub actor: usize,
    /// The planned repayment (SPEC §4.4), reported in closed years too.
    pub planned: Vec<Money>,
    /// What the fund receives: the recorded actual amount in closed years, the plan otherwise.
    pub received: Vec<Money>,
}

impl PayerFlow {
    /// Σ planned − Σ actual over closed years (negative when more than planned was paid).
    /// Saturating: a validated fund never comes near the limit.
    pub fn arrears(&self, closed_years: usize) -> Money {
        let n = closed_years.min(self.planned.len());
        Money(
            saturating_total(self.planned[..n].iter())
                .saturating_sub(saturating_total(self.received[..n].iter())),
        )
    }
}

/// A saturating sum for the convenience totals below; the engine's own sums are checked.
fn saturating_total<'a>(items: impl Iterator<Item = &'a Money>) -> i64 {
    items.fold(0_i64, |acc, m| acc.saturating_add(m.0))
}

/// How an initiative's arrears are to be read (SPEC §4.4), so that no one counts them twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrearsKind {
    /// FromSavings: a shortfall leaves more of the cap for later years, so the later plan
    /// already grows by it (up to the cap); it is not owed again on top.
    CarriedIntoPlan,
    /// Fixed: the instalments never move, so the arrears are owed in addition to the plan.
    OwedInAddition,
}

impl ArrearsKind {
    /// The kind for a repayment agreement; `None` for a grant, which has no repayments.
    pub fn of(repayment: &Repayment) -> Option<ArrearsKind> {
        match repayment {
            Repayment::Grant => None,
            Repayment::Fixed(_) => Some(ArrearsKind::OwedInAddition),
            Repayment::FromSavings { .. } => Some(ArrearsKind::CarriedIntoPlan),
        }
    }
}

/// One actor's expected savings from one initiative, per horizon year (scenario applied).
#[derive(Debug, Clone, PartialEq)]
pub struct ActorSavings {
    pub actor: usize,
    pub total: Vec<Money>,
    pub cashable: Vec<Money>,
}

/// Everything the engine computes for one counted initiative.
#[derive(Debug, Clone, PartialEq)]
pub struct InitiativeProjection {
    /// Index into `fund.initiatives`.
    pub index: usize,
    /// Fund cost per year: actuals in closed years, the plan otherwise (SPEC §4.3).
    pub fund_cost: Vec<Money>,
    /// The same split by cost kind (Staff, Services, Other).
    pub fund_cost_by_kind: Vec<[Money; 3]>,
    /// The planned fund cost by kind per year (scenario applied), closed years included: the
    /// plan that the budget (SPEC §7 `#PBUDGET`) reports against the outcome.
    pub planned_fund_cost_by_kind: Vec<[Money; 3]>,
    /// The owner's own cost per year (plan).
    pub own_cost: Vec<Money>,
    /// Σ planned fund cost over the horizon (scenario applied): the base of repayment.
    pub fund_total: Money,
    pub savings: Vec<ActorSavings>,
    pub repayments: Vec<PayerFlow>,
    /// Repayment not reached by the horizon's end.
    pub outstanding: Money,
}

/// Convenience totals for views and tests. They saturate rather than fail: the engine checks
/// every sum it reports, and a validated fund never comes near the limit.
impl InitiativeProjection {
    /// What the fund receives from all payers in one year.
    pub fn received_in(&self, year_index: usize) -> Money {
        Money(saturating_total(
            self.repayments
                .iter()
                .filter_map(|p| p.received.get(year_index)),
        ))
    }

    /// The planned repayments of all payers in one year.
    pub fn planned_repayment_in(&self, year_index: usize) -> Money {
        Money(saturating_total(
            self.repayments
                .iter()
                .filter_map(|p| p.planned.get(year_index)),
        ))
    }

    /// What the fund receives over the horizon (actual in closed years, planned after).
    pub fn total_repaid(&self) -> Money {
        Money(saturating_total(
            self.repayments.iter().flat_map(|p| p.received.iter()),
        ))
    }

    /// The planned repayments over the horizon, closed years included.
    pub fn total_planned_repayment(&self) -> Money {
        Money(saturating_total(
            self.repayments.iter().flat_map(|p| p.planned.iter()),
        ))
    }

    /// All actors' savings in one year.
    pub fn savings_in(&self, year_index: usize) -> Money {
        Money(saturating_total(
            self.savings.iter().filter_map(|s| s.total.get(year_index)),
        ))
    }

    /// All actors' savings over the horizon.
    pub fn total_savings(&self) -> Money {
        Money(saturating_total(
            self.savings.iter().flat_map(|s| s.total.iter()),
        ))
    }
}

/// The fund statement for one year (SPEC §4.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct StatementYear {
    pub year: i32,
    pub opening: Money,
    pub capital: Money,
    pub disbursed: Money,
    pub repaid: Money,
    /// What the fund itself paid of `disbursed`: never more than it holds.
    pub fund_used: Money,
    /// Disbursed but beyond what the fund holds: charged to free equity (SPEC §4.5).
    pub unfunded: Money,
    pub closing: Money,
    pub committed: Money,
    pub uncommitted: Money,
}

/// One row of the repayment schedule (SPEC §8).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ScheduleRow {
    pub initiative: String,
    pub payer: String,
    pub year: i32,
    pub planned: Money,
    /// The recorded amount in a closed year (0 when none), `None` in an open year.
    pub actual: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Outstanding {
    pub initiative: String,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Schedule {
    pub rows: Vec<ScheduleRow>,
    pub outstanding: Vec<Outstanding>,
}

/// Who bore costs, who gained and who repaid, for one actor (the wrong-pocket picture).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ActorFigures {
    pub actor: String,
    pub cost: Money,
    pub savings: Money,
    pub repaid: Money,
}

/// The socio-economic appraisal of one initiative (SPEC §4.6); never booked.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Appraisal {
    pub code: String,
    pub cost: Money,
    pub savings: Money,
    pub cashable_savings: Money,
    pub repaid: Money,
    /// Net present value, rounded to two decimals.
    pub npv: f64,
    /// Benefit-cost ratio PV(savings)/PV(costs), two decimals; `None` when PV(costs) is 0.
    pub bcr: Option<f64>,
    pub payback_year: Option<i32>,
    pub by_actor: Vec<ActorFigures>,
    /// The risk-adjusted appraisal beside the gross one (SPEC §4.7).
    pub adjusted: AdjustedAppraisal,
    /// Each savings row with a range, alone at its low and high value, widest first.
    pub sensitivity: Vec<Sensitivity>,
}

/// How a year's balanced-budget result moves the deficits still to restore (SPEC §5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Restoration {
    /// Deficits still to restore at the start of the year (*balanskravsunderskott från
    /// tidigare år*): the previous year's `to_restore`, or the deficits carried in. Not in the
    /// JSON of SPEC §8.
    #[serde(skip)]
    pub earlier: Money,
    /// Restored this year out of a surplus (*återställt*), oldest deficits first.
    pub restored: Money,
    /// Σ still to restore at the end of the year (*kvar att återställa*).
    pub to_restore: Money,
    /// Of that, deficits whose three years have run out (restore by <= this year).
    pub overdue: Money,
}

/// The balanced-budget result under one set of rules: the whole of it under current law
/// (SPEC §5.1), the last lines under the proposed rules (§5.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct RuleOutcome {
    /// *Synnerliga skäl* applied: never more than the deficit.
    pub special_reasons_applied: Money,
    /// Balanced-budget result (*balanskravsresultat*).
    pub balance_result: Money,
    /// A negative result must be restored by this year (KL 11 kap. 12 §).
    pub restore_by: Option<i32>,
    #[serde(flatten)]
    pub restoration: Restoration,
}

impl RuleOutcome {
    /// The year's outcome from the result the rules arrive at before *synnerliga skäl*:
    /// the reasons decided cover at most the deficit, and what is left negative goes into
    /// the rule set's book of deficits.
    fn of(
        year: i32,
        before_special_reasons: Money,
        special_reasons: Money,
        book: &mut DeficitBook,
    ) -> Result<RuleOutcome, Overflow> {
        let special_reasons_applied = special_reasons.min(deficit_of(before_special_reasons));
        let balance_result = before_special_reasons.checked_add(special_reasons_applied)?;
        Ok(RuleOutcome {
            special_reasons_applied,
            balance_result,
            restore_by: restore_by(year, balance_result),
            restoration: book.year(year, balance_result)?,
        })
    }
}

/// The balanced-budget result under Sif's reading of the proposal in ESO 2020:1 (SPEC §5.2):
/// a proposal, not law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ProposedRules {
    /// What the fund paid this year (the statement's `fund_used`).
    pub fund_used: Money,
    /// Repayments re-earmarked to the fund.
    pub fund_reearmarked: Money,
    /// The fund's own line: its net use covering a deficit (+), or a re-earmarking set aside
    /// out of a surplus (−).
    pub fund_adjustment: Money,
    /// *Synnerliga skäl*, the result and its restoration after the fund's line.
    #[serde(flatten)]
    pub outcome: RuleOutcome,
}

/// The reconciliation (*balanskravsutredning*) for one year (SPEC §5), lines in the order
/// municipalities publish them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ReconcileYear {
    pub year: i32,
    /// *Årets resultat* without the fund's spending (input).
    pub result_before_fund: Money,
    pub disbursed: Money,
    /// Shown for reference: repayments are internal and do not change the result.
    pub repaid: Money,
    /// *Årets resultat* = result_before_fund − disbursed.
    pub result: Money,
    pub realisation_gains: Money,
    pub exemption_adjustment: Money,
    pub securities_adjustment: Money,
    /// *Årets resultat efter balanskravsjusteringar*.
    pub adjusted_result: Money,
    pub reserve_reservation: Money,
    pub reserve_use: Money,
    pub special_reasons: Money,
    /// Under current law (SPEC §5.1).
    pub current: RuleOutcome,
    pub proposed: ProposedRules,
}

impl ReconcileYear {
    /// The result after the reserve movements, before *synnerliga skäl* and the fund's line
    /// (fails only when it does not fit in an amount, which the projection refuses first).
    pub fn after_reserves(&self) -> Result<Money, Overflow> {
        self.adjusted_result
            .checked_sub(self.reserve_reservation)?
            .checked_add(self.reserve_use)
    }
}

/// One balanced-budget deficit (*balanskravsunderskott*) and what became of it by the end of
/// the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Deficit {
    /// The year of the deficit (before `first_year` for deficits carried in).
    pub year: i32,
    pub amount: Money,
    /// year + 3 (KL 11 kap. 12 §).
    pub restore_by: i32,
    /// Restored by the end of the horizon.
    pub restored: Money,
    /// Still to restore at the end of the horizon.
    pub left: Money,
    /// The year the last krona was restored.
    pub restored_in: Option<i32>,
}

impl Deficit {
    fn new(year: i32, amount: Money) -> Deficit {
        Deficit {
            year,
            amount,
            restore_by: year.saturating_add(3),
            restored: Money::ZERO,
            left: amount,
            restored_in: None,
        }
    }

    /// Whether the deficit was (or is) not restored in time: still left after its year, or
    /// restored later than it should have been.
    pub fn overdue_at(&self, year: i32) -> bool {
        self.restore_by <= year && !self.left.is_zero()
    }
}

/// The deficits of both rule sets, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deficits {
    pub current: Vec<Deficit>,
    pub proposed: Vec<Deficit>,
}

/// Everything the engine computes for a fund under one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// `base` or the scenario's name.
    pub scenario: String,
    pub first_year: i32,
    /// Number of closed years at the start of the horizon.
    pub closed_years: usize,
    /// The counted initiatives, in file order.
    pub initiatives: Vec<InitiativeProjection>,
    pub statement: Vec<StatementYear>,
    pub schedule: Schedule,
    pub appraisal: Vec<Appraisal>,
    /// The adjusted appraisal per actor over the counted initiatives (`fund.by_actor`, §4.7).
    pub appraisal_by_actor: Vec<AdjustedActorFigures>,
    pub reconciliation: Vec<ReconcileYear>,
    /// The balanced-budget deficits of each rule set, with what became of them (SPEC §5.3).
    pub deficits: Deficits,
}

impl Projection {
    pub fn year_index(&self, year: i32) -> Option<usize> {
        let i = year.checked_sub(self.first_year)?;
        usize::try_from(i)
            .ok()
            .filter(|&i| i < self.statement.len())
    }

    /// The counted initiative for `fund.initiatives[index]`, if it counts.
    pub fn initiative(&self, index: usize) -> Option<&InitiativeProjection> {
        self.initiatives
            .binary_search_by_key(&index, |p| p.index)
            .ok()
            .map(|i| &self.initiatives[i])
    }
}

/// Whether an initiative counts in the projection (SPEC §4.1).
pub fn counts(status: Status, include_proposed: bool) -> bool {
    match status {
        Status::Approved | Status::Completed | Status::Terminated => true,
        Status::Proposed => include_proposed,
    }
}

/// Project the fund under the options' scenario (SPEC §4–5).
pub fn project(fund: &Fund, options: &Options) -> Result<Projection, EngineError> {
    project_with_threads(fund, options, worker_threads())
}

/// [`project`] on at most `threads` threads (1: all on the calling thread). The result does not
/// depend on the number; tests compare them.
pub fn project_with_threads(
    fund: &Fund,
    options: &Options,
    threads: usize,
) -> Result<Projection, EngineError> {
    let n = usize::try_from(fund.years.clamp(1, 60)).unwrap_or(1);
    let first = fund.first_year;
    let closed_years = match fund.closed_through {
        Some(c) if c >= first => usize::try_from(i64::from(c) - i64::from(first) + 1)
            .unwrap_or(n)
            .min(n),
        _ => 0,
    };
    let ctx = Ctx {
        fund,
        n,
        first,
        closed_years,
        actor_index: fund
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.code.as_str(), i))
            .collect(),
        scenario: &options.scenario,
        threads: threads.max(1),
    };

    let counted: Vec<(usize, &Initiative)> = fund
        .initiatives
        .iter()
        .enumerate()
        .filter(|(_, ini)| counts(ini.status, options.include_proposed))
        .collect();
    let initiatives = ctx.initiatives(&counted)?;

    let statement = ctx.statement(&initiatives)?;
    let (schedule, appraisal) = ctx.schedule_and_appraisal(&initiatives);
    let (appraisal, appraisal_by_actor) = appraisal?;
    let (reconciliation, deficits) = ctx.reconcile(&statement)?;
    Ok(Projection {
        scenario: options.scenario.name.clone(),
        first_year: first,
        closed_years,
        initiatives,
        statement,
        schedule,
        appraisal,
        appraisal_by_actor,
        reconciliation,
        deficits,
    })
}

/// The appraisal of every counted initiative and the adjusted fund-level sums per actor.
type AppraisalParts = (Vec<Appraisal>, Vec<AdjustedActorFigures>);

struct Ctx<'a> {
    fund: &'a Fund,
    n: usize,
    first: i32,
    closed_years: usize,
    actor_index: HashMap<&'a str, usize, ActorCodeHash>,
    scenario: &'a Scenario,
    /// How many threads a large fund may be projected on.
    threads: usize,
}

/// FNV-1a for the actor-code lookup: codes are a few bytes, and the default SipHash was a
/// noticeable share of a projection. The keys come from the user's own file, so resistance to
/// crafted collisions is not needed.
#[derive(Default, Clone, Copy)]
struct ActorCodeHash;

struct Fnv(u64);

impl std::hash::BuildHasher for ActorCodeHash {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn add(a: Money, b: Money) -> Result<Money, Overflow> {
    a.checked_add(b)
}

fn factor(f: i32) -> u32 {
    u32::try_from(f).unwrap_or(0)
}

/// Funds with at least this many counted initiatives are projected on more than one thread:
/// a trainer's what-if step on a large fund must fit in a frame. Smaller funds stay on one
/// thread, where starting threads would cost more than it saves. Each initiative's figures
/// depend only on the fund, so the split cannot change a result (the property and golden tests
/// run both paths).
pub const PARALLEL_FROM: usize = 1_000;

fn worker_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

impl Ctx<'_> {
    /// Every counted initiative, in file order; split over threads for large funds.
    fn initiatives(
        &self,
        counted: &[(usize, &Initiative)],
    ) -> Result<Vec<InitiativeProjection>, Overflow> {
        let serial = |part: &[(usize, &Initiative)]| {
            part.iter()
                .map(|&(index, ini)| self.initiative(index, ini))
                .collect::<Result<Vec<_>, Overflow>>()
        };
        let mut out = Vec::with_capacity(counted.len());
        for part in in_parts(counted, self.threads, serial)? {
            out.extend(part);
        }
        Ok(out)
    }

    /// The schedule and the appraisal read the same initiatives and nothing of each other:
    /// for a large fund they are made at the same time.
    fn schedule_and_appraisal(
        &self,
        inis: &[InitiativeProjection],
    ) -> (Schedule, Result<AppraisalParts, Overflow>) {
        if inis.len() < PARALLEL_FROM || self.threads < 2 {
            return (self.schedule(inis), self.appraisal(inis));
        }
        std::thread::scope(|scope| {
            match std::thread::Builder::new().spawn_scoped(scope, || self.schedule(inis)) {
                Ok(h) => {
                    let appraisal = self.appraisal(inis);
                    let schedule = h
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    (schedule, appraisal)
                }
                Err(_) => (self.schedule(inis), self.appraisal(inis)),
            }
        })
    }

    fn idx(&self, year: i32) -> Option<usize> {
        let i = i64::from(year) - i64::from(self.first);
        usize::try_from(i).ok().filter(|&i| i < self.n)
    }

    fn is_closed(&self, i: usize) -> bool {
        i < self.closed_years
    }

    fn year(&self, i: usize) -> i32 {
        // i < n <= 60, so this cannot overflow for any first_year validation allows.
        self.first.saturating_add(i as i32)
    }

    fn initiative(&self, index: usize, ini: &Initiative) -> Result<InitiativeProjection, Overflow> {
        let n = self.n;
        let ended = match ini.status {
            Status::Terminated => ini.ended,
            _ => None,
        };
        let after_end = |year: i32| ended.is_some_and(|e| year > e);
        let cost_factor = factor(self.scenario.cost_factor);
        let savings_factor = factor(self.scenario.savings_factor);
        let delay = self.scenario.delay.clamp(0, 100);

        // Planned costs (scenario applied, rows after `ended` dropped).
        let mut fund_cost_by_kind = vec![[Money::ZERO; 3]; n];
        let mut fund_cost = vec![Money::ZERO; n];
        let mut own_cost = vec![Money::ZERO; n];
        let mut fund_total = Money::ZERO;
        for row in &ini.costs {
            if after_end(row.year) {
                continue;
            }
            let Some(i) = self.idx(row.year) else {
                continue;
            };
            let fund = row.fund.percent(cost_factor)?;
            let own = row.own.percent(cost_factor)?;
            let k = row.kind.index();
            fund_cost_by_kind[i][k] = add(fund_cost_by_kind[i][k], fund)?;
            fund_cost[i] = add(fund_cost[i], fund)?;
            own_cost[i] = add(own_cost[i], own)?;
            fund_total = add(fund_total, fund)?;
        }

        // Closed years: the actual fund cost replaces the plan, spread over the plan's kinds
        // (largest remainder, kinds in the order Staff, Services, Other), or booked entirely
        // as Other when nothing was planned (SPEC §4.3).
        let planned_fund_cost_by_kind = fund_cost_by_kind.clone();
        let closed = self.closed_years.min(n);
        // n <= 60, so the closed years' figures fit on the stack.
        let mut actual = [Money::ZERO; 60];
        for row in &ini.actuals {
            if let Some(i) = self.idx(row.year).filter(|&i| i < closed) {
                actual[i] = add(actual[i], row.fund)?;
            }
        }
        for (i, &amount) in actual[..closed].iter().enumerate() {
            fund_cost_by_kind[i] = if fund_cost[i].is_zero() {
                [Money::ZERO, Money::ZERO, amount]
            } else {
                let [staff, services, other] = fund_cost_by_kind[i].map(|m| m.0.max(0) as u64);
                split_largest_remainder_fixed(amount, [staff, services, other])
            };
            fund_cost[i] = amount;
        }

        // Savings per actor (scenario applied, moved by the delay, after `ended` dropped).
        let mut savings: Vec<ActorSavings> = Vec::new();
        for row in &ini.savings {
            let Some(&actor) = self.actor_index.get(row.actor.as_str()) else {
                continue;
            };
            let amount = row.amount.percent(savings_factor)?;
            let slot = position_or_push(
                &mut savings,
                |s| s.actor == actor,
                || ActorSavings {
                    actor,
                    total: vec![Money::ZERO; n],
                    cashable: vec![Money::ZERO; n],
                },
            );
            let from = i64::from(row.from) + i64::from(delay);
            let to = i64::from(row.to) + i64::from(delay);
            let lo = from.max(i64::from(self.first));
            let hi = to.min(i64::from(self.first) + n as i64 - 1);
            let mut y = lo;
            while y <= hi {
                // y is within the horizon, so it fits in i32.
                let year = y as i32;
                y += 1;
                if after_end(year) {
                    continue;
                }
                let Some(i) = self.idx(year) else { continue };
                let s = &mut savings[slot];
                s.total[i] = add(s.total[i], amount)?;
                if row.cashable {
                    s.cashable[i] = add(s.cashable[i], amount)?;
                }
            }
        }
        savings.sort_by_key(|s| s.actor);

        let (repayments, outstanding) = self.repayments(ini, fund_total, &savings)?;
        Ok(InitiativeProjection {
            index,
            fund_cost,
            fund_cost_by_kind,
            planned_fund_cost_by_kind,
            own_cost,
            fund_total,
            savings,
            repayments,
            outstanding,
        })
    }

    /// The actual repayments recorded in closed years as (year index, actor, amount), summed
    /// per year and actor (actor is an index into `fund.actors`; unknown codes are left out).
    /// One pass over the actual rows, so the cost does not grow with the number of actors.
    fn actual_repayments(&self, ini: &Initiative) -> Result<Vec<(usize, usize, Money)>, Overflow> {
        let mut out: Vec<(usize, usize, Money)> = Vec::new();
        for row in &ini.actuals {
            let Some(i) = self.idx(row.year).filter(|&i| self.is_closed(i)) else {
                continue;
            };
            for r in &row.repaid {
                let Some(&actor) = self.actor_index.get(r.actor.as_str()) else {
                    continue;
                };
                match out.iter_mut().find(|(y, a, _)| *y == i && *a == actor) {
                    Some((_, _, sum)) => *sum = add(*sum, r.amount)?,
                    None => out.push((i, actor, r.amount)),
                }
            }
        }
        Ok(out)
    }

    /// Planned and received repayments per payer, and what stays outstanding (SPEC §4.4).
    fn repayments(
        &self,
        ini: &Initiative,
        fund_total: Money,
        savings: &[ActorSavings],
    ) -> Result<(Vec<PayerFlow>, Money), Overflow> {
        let n = self.n;
        let actual = self.actual_repayments(ini)?;
        let mut flows: Vec<PayerFlow> = Vec::new();
        fn flow_for(flows: &mut Vec<PayerFlow>, actor: usize, n: usize) -> usize {
            position_or_push(
                flows,
                |f| f.actor == actor,
                || PayerFlow {
                    actor,
                    planned: vec![Money::ZERO; n],
                    received: vec![Money::ZERO; n],
                },
            )
        }
        let mut outstanding = Money::ZERO;
        match &ini.repayment {
            Repayment::Grant => {}
            Repayment::Fixed(fixed) => {
                let total = fund_total.percent(factor(fixed.share))?;
                let count = i64::from(fixed.instalments.max(1));
                let base = Money(total.0 / count);
                let last = Money(total.0 - base.0 * (count - 1));
                let payer_idx: Vec<Option<usize>> = fixed
                    .payers
                    .iter()
                    .map(|p| self.actor_index.get(p.actor.as_str()).copied())
                    .collect();
                let weights: Vec<u64> = fixed
                    .payers
                    .iter()
                    .map(|p| u64::try_from(p.weight).unwrap_or(0))
                    .collect();
                // Walk only the instalments that fall inside the horizon, so that an absurd
                // count in an unvalidated file cannot stall the engine.
                let start = i64::from(fixed.start);
                let first = i64::from(self.first);
                let last_year = first + n as i64 - 1;
                let k_lo = (first - start).max(0);
                let k_hi = (last_year - start).min(count - 1);
                // Every instalment but the last is the same amount, so it is split once.
                let base_parts = split_largest_remainder(base, &weights);
                let last_parts = split_largest_remainder(last, &weights);
                let mut k = k_lo;
                while k <= k_hi {
                    let parts = if k == count - 1 {
                        &last_parts
                    } else {
                        &base_parts
                    };
                    // start + k is inside the horizon, so it fits in i32.
                    if let Some(i) = self.idx((start + k) as i32) {
                        for (&part, actor) in parts.iter().zip(&payer_idx) {
                            if let Some(a) = *actor {
                                let f = flow_for(&mut flows, a, n);
                                flows[f].planned[i] = add(flows[f].planned[i], part)?;
                            }
                        }
                    }
                    k += 1;
                }
                // Instalments past the horizon are outstanding: all equal but the last.
                let past_from = (last_year - start + 1).max(0);
                if past_from < count {
                    let equal = count - past_from - 1;
                    let equal_sum = base.0.checked_mul(equal).ok_or(Overflow)?;
                    outstanding = Money(equal_sum).checked_add(last)?;
                }
            }
            Repayment::FromSavings { share, start, cap } => {
                let cap_total = fund_total.percent(factor(*cap))?;
                let share = factor(*share);
                let mut reached = Money::ZERO;
                let mut exhausted = false;
                // Committee actors with cashable savings, in actor list order.
                let payers: Vec<&ActorSavings> = savings
                    .iter()
                    .filter(|s| self.fund.actors[s.actor].kind == ActorKind::Committee)
                    .filter(|s| s.cashable.iter().any(|m| !m.is_zero()))
                    .collect();
                let mut dues = Vec::with_capacity(payers.len());
                for i in 0..n {
                    let year = self.year(i);
                    if year >= *start && !exhausted {
                        dues.clear();
                        for s in &payers {
                            dues.push(s.cashable[i].percent(share)?);
                        }
                        let sum_due = dues.iter().try_fold(Money::ZERO, |a, &d| add(a, d))?;
                        let left = cap_total.checked_sub(reached)?.max(Money::ZERO);
                        if sum_due > left {
                            // The cap runs out this year: what is left of it is split by dues.
                            exhausted = true;
                            let split = split_by_amounts(left, &dues);
                            dues.clear();
                            dues.extend(split);
                        }
                        for (s, &amount) in payers.iter().zip(&dues) {
                            if !amount.is_zero() {
                                let f = flow_for(&mut flows, s.actor, n);
                                flows[f].planned[i] = amount;
                            }
                        }
                    }
                    // What counts against the cap this year: actuals when closed.
                    let counted = if self.is_closed(i) {
                        actual
                            .iter()
                            .filter(|(y, _, _)| *y == i)
                            .try_fold(Money::ZERO, |acc, &(_, _, m)| add(acc, m))?
                    } else {
                        flows
                            .iter()
                            .try_fold(Money::ZERO, |acc, f| add(acc, f.planned[i]))?
                    };
                    reached = add(reached, counted)?;
                }
                outstanding = cap_total.checked_sub(reached)?.max(Money::ZERO);
            }
        }

        // Actual repayments in closed years, from every actor that recorded one.
        for &(i, a, amount) in &actual {
            if !amount.is_zero() {
                let f = flow_for(&mut flows, a, n);
                flows[f].received[i] = amount;
            }
        }
        for f in &mut flows {
            for i in self.closed_years.min(n)..n {
                f.received[i] = f.planned[i];
            }
        }
        flows.sort_by_key(|f| f.actor);
        Ok((flows, outstanding))
    }

    fn statement(&self, inis: &[InitiativeProjection]) -> Result<Vec<StatementYear>, Overflow> {
        let n = self.n;
        let mut capital = vec![Money::ZERO; n];
        for ev in &self.fund.capital {
            let Some(i) = ev.date.year().and_then(|y| self.idx(y)) else {
                continue;
            };
            capital[i] = match ev.kind {
                CapitalKind::Earmark => add(capital[i], ev.amount)?,
                CapitalKind::Release => capital[i].checked_sub(ev.amount)?,
            };
        }
        let mut disbursed = vec![Money::ZERO; n];
        let mut repaid = vec![Money::ZERO; n];
        for p in inis {
            for i in 0..n {
                disbursed[i] = add(disbursed[i], p.fund_cost[i])?;
                repaid[i] = add(
                    repaid[i],
                    checked_sum(p.repayments.iter().map(|f| f.received[i]))?,
                )?;
            }
        }
        // committed[y] = Σ disbursed after y: a suffix sum.
        let mut committed = vec![Money::ZERO; n];
        for i in (0..n.saturating_sub(1)).rev() {
            committed[i] = add(committed[i + 1], disbursed[i + 1])?;
        }
        let mut out = Vec::with_capacity(n);
        let mut previous = Money::ZERO;
        for i in 0..n {
            // The fund pays only what it holds; the rest of the year's disbursements is
            // `unfunded` and burdens free equity (SPEC §4.5). Repayments are re-earmarked before
            // the year's use, so they can pay for the same year's disbursements.
            let (opening, fund_used, closing) = match self.fund.model {
                FundingModel::EarmarkedEquity => {
                    let available = previous.checked_add(capital[i])?.checked_add(repaid[i])?;
                    let fund_used = disbursed[i].min(available.max(Money::ZERO));
                    (previous, fund_used, available.checked_sub(fund_used)?)
                }
                FundingModel::AnnualAppropriation => (
                    Money::ZERO,
                    disbursed[i].min(capital[i].max(Money::ZERO)),
                    capital[i].checked_sub(disbursed[i])?,
                ),
            };
            previous = closing;
            out.push(StatementYear {
                year: self.year(i),
                opening,
                capital: capital[i],
                disbursed: disbursed[i],
                repaid: repaid[i],
                fund_used,
                unfunded: disbursed[i].checked_sub(fund_used)?,
                closing,
                committed: committed[i],
                uncommitted: closing.checked_sub(committed[i])?,
            });
        }
        Ok(out)
    }

    fn schedule(&self, inis: &[InitiativeProjection]) -> Schedule {
        let shown = |f: &PayerFlow, i: usize| {
            f.planned[i].0 > 0 || (self.is_closed(i) && f.received[i].0 > 0)
        };
        let count = inis
            .iter()
            .flat_map(|p| &p.repayments)
            .map(|f| (0..self.n).filter(|&i| shown(f, i)).count())
            .sum();
        let mut rows = Vec::with_capacity(count);
        for i in 0..self.n {
            let closed = self.is_closed(i);
            for p in inis {
                let code = &self.fund.initiatives[p.index].code;
                for f in &p.repayments {
                    let planned = f.planned[i];
                    let actual = closed.then_some(f.received[i]);
                    if planned.0 > 0 || actual.is_some_and(|a| a.0 > 0) {
                        rows.push(ScheduleRow {
                            initiative: code.clone(),
                            payer: self.fund.actors[f.actor].code.clone(),
                            year: self.year(i),
                            planned,
                            actual,
                        });
                    }
                }
            }
        }
        let outstanding = inis
            .iter()
            .filter(|p| p.outstanding.0 > 0)
            .map(|p| Outstanding {
                initiative: self.fund.initiatives[p.index].code.clone(),
                amount: p.outstanding,
            })
            .collect();
        Schedule { rows, outstanding }
    }

    /// The appraisal of every counted initiative; split over threads for large funds (the
    /// adjusted appraisal makes it the larger part of a projection).
    fn appraisal(&self, inis: &[InitiativeProjection]) -> Result<AppraisalParts, Overflow> {
        let totals_of = |parts: Vec<(Vec<Appraisal>, Vec<appraisal::ActorTotals>)>| {
            let mut out = Vec::with_capacity(inis.len());
            let mut totals = Vec::new();
            for (a, t) in parts {
                out.extend(a);
                totals.extend(t);
            }
            Ok((out, appraisal::fund_by_actor(self, totals)?))
        };
        // The schedule, made at the same time, is the lighter part: every thread takes a share.
        totals_of(in_parts(inis, self.threads, |part| {
            self.appraisal_part(part)
        })?)
    }

    /// The gross and adjusted appraisal of some counted initiatives, with the adjusted totals
    /// per actor for the fund-level sums.
    fn appraisal_part(
        &self,
        inis: &[InitiativeProjection],
    ) -> Result<(Vec<Appraisal>, Vec<appraisal::ActorTotals>), Overflow> {
        let n = self.n;
        let rate = if self.fund.discount_rate.is_finite() {
            self.fund.discount_rate
        } else {
            0.0
        };
        let discount: Vec<f64> = (0..n)
            .map(|i| (1.0 + rate / 100.0).powi(i as i32))
            .collect();
        let holder = self.actor_index.get(self.fund.holder.as_str()).copied();
        let adjusted_discount = appraisal::discount_factors(self);
        let mut fund_totals = Vec::new();
        let mut out = Vec::with_capacity(inis.len());
        for p in inis {
            let ini = &self.fund.initiatives[p.index];
            let owner = self.actor_index.get(ini.owner.as_str()).copied();
            let mut cost = Money::ZERO;
            let mut savings = Money::ZERO;
            let mut cashable = Money::ZERO;
            let (mut pv_cost, mut pv_savings) = (0.0_f64, 0.0_f64);
            let mut cumulative = 0_i64;
            let mut spent = false;
            let mut payback_year = None;
            for (i, &discount) in discount.iter().enumerate() {
                let c = add(p.fund_cost[i], p.own_cost[i])?;
                let mut s = Money::ZERO;
                for a in &p.savings {
                    s = add(s, a.total[i])?;
                    cashable = add(cashable, a.cashable[i])?;
                }
                cost = add(cost, c)?;
                savings = add(savings, s)?;
                pv_cost += c.as_f64() / discount;
                pv_savings += s.as_f64() / discount;
                cumulative = cumulative
                    .checked_add(s.0)
                    .and_then(|x| x.checked_sub(c.0))
                    .ok_or(Overflow)?;
                if !c.is_zero() {
                    spent = true;
                }
                if payback_year.is_none() && spent && cumulative >= 0 {
                    payback_year = Some(self.year(i));
                }
            }
            let npv = round2(pv_savings - pv_cost);
            let bcr = (pv_cost != 0.0).then(|| round2(pv_savings / pv_cost));

            // Who pays, who gains, who repays — per actor, in actor list order. Only the
            // holder, the owner, the savers and the payers can have a figure.
            let mut figures: Vec<(usize, [Money; 3])> = Vec::new();
            let mut book = |actor: usize, column: usize, amount: Money| -> Result<(), Overflow> {
                match figures.iter_mut().find(|(a, _)| *a == actor) {
                    Some((_, f)) => f[column] = add(f[column], amount)?,
                    None => {
                        let mut f = [Money::ZERO; 3];
                        f[column] = amount;
                        figures.push((actor, f));
                    }
                }
                Ok(())
            };
            if let Some(h) = holder {
                book(h, 0, checked_sum(p.fund_cost.iter().copied())?)?;
            }
            if let Some(o) = owner {
                book(o, 0, checked_sum(p.own_cost.iter().copied())?)?;
            }
            for s in &p.savings {
                book(s.actor, 1, checked_sum(s.total.iter().copied())?)?;
            }
            for f in &p.repayments {
                book(f.actor, 2, checked_sum(f.received.iter().copied())?)?;
            }
            figures.sort_unstable_by_key(|(a, _)| *a);
            let by_actor = figures
                .into_iter()
                .filter(|(_, f)| f.iter().any(|m| !m.is_zero()))
                .map(|(a, [cost, savings, repaid])| ActorFigures {
                    actor: self.fund.actors[a].code.clone(),
                    cost,
                    savings,
                    repaid,
                })
                .collect();
            let (adjusted, sensitivity, totals) =
                self.adjusted_appraisal(ini, p, &adjusted_discount)?;
            fund_totals.extend(totals);
            out.push(Appraisal {
                code: ini.code.clone(),
                cost,
                savings,
                cashable_savings: cashable,
                repaid: checked_sum(p.repayments.iter().flat_map(|f| f.received.iter().copied()))?,
                npv,
                bcr,
                payback_year,
                by_actor,
                adjusted,
                sensitivity,
            });
        }
        Ok((out, fund_totals))
    }

    /// The balanced-budget reconciliation of every year, with the deficits of each rule set
    /// carried forward (SPEC §5).
    fn reconcile(
        &self,
        statement: &[StatementYear],
    ) -> Result<(Vec<ReconcileYear>, Deficits), Overflow> {
        let mut out = Vec::with_capacity(statement.len());
        let earlier = || {
            let mut d: Vec<Deficit> = self
                .fund
                .unrestored_deficits
                .iter()
                .map(|e| Deficit::new(e.year, e.amount))
                .collect();
            d.sort_by_key(|d| d.year);
            d
        };
        let mut current_book = DeficitBook::new(earlier());
        let mut proposed_book = DeficitBook::new(earlier());
        for st in statement {
            let zero = crate::model::BudgetYear::new(st.year, Money::ZERO);
            let b = self
                .fund
                .budget
                .iter()
                .find(|b| b.year == st.year)
                .unwrap_or(&zero);
            // Repayments are internal (a frame cut moved to the fund) and net to zero in the
            // organisation's result; only the fund's spending is an external cost (SPEC §5).
            let result = b.result_before_fund.checked_sub(st.disbursed)?;
            let adjusted_result = result
                .checked_sub(b.realisation_gains)?
                .checked_add(b.exemption_adjustment)?
                .checked_add(b.securities_adjustment)?;
            let pre = adjusted_result
                .checked_sub(b.reserve_reservation)?
                .checked_add(b.reserve_use)?;

            // Current law (§5.1): synnerliga skäl can only cover a deficit.
            let current = RuleOutcome::of(st.year, pre, b.special_reasons, &mut current_book)?;

            // Sif's reading of ESO 2020:1 (§5.2): the fund works like a reserve.
            let (fund_used, fund_reearmarked) = match self.fund.model {
                FundingModel::EarmarkedEquity => (st.fund_used, st.repaid),
                FundingModel::AnnualAppropriation => (Money::ZERO, Money::ZERO),
            };
            let net = fund_used.checked_sub(fund_reearmarked)?;
            let fund_adjustment = if net.0 > 0 {
                net.min(deficit_of(pre))
            } else {
                Money::ZERO.checked_sub(net.checked_neg()?.min(pre.max(Money::ZERO)))?
            };
            let after_fund = pre.checked_add(fund_adjustment)?;
            let outcome =
                RuleOutcome::of(st.year, after_fund, b.special_reasons, &mut proposed_book)?;
            out.push(ReconcileYear {
                year: st.year,
                result_before_fund: b.result_before_fund,
                disbursed: st.disbursed,
                repaid: st.repaid,
                result,
                realisation_gains: b.realisation_gains,
                exemption_adjustment: b.exemption_adjustment,
                securities_adjustment: b.securities_adjustment,
                adjusted_result,
                reserve_reservation: b.reserve_reservation,
                reserve_use: b.reserve_use,
                special_reasons: b.special_reasons,
                current,
                proposed: ProposedRules {
                    fund_used,
                    fund_reearmarked,
                    fund_adjustment,
                    outcome,
                },
            });
        }
        Ok((
            out,
            Deficits {
                current: current_book.deficits,
                proposed: proposed_book.deficits,
            },
        ))
    }
}

/// The deficit a result leaves: −result when negative, else 0.
/// `work` done on `items` in parts, the parts' results in order. A small list, or a single
/// thread, is one part done here; a larger list is split into a part per thread, the first
/// done on this thread (and a part whose thread cannot be started, too).
fn in_parts<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&[T]) -> Result<R, Overflow> + Sync,
) -> Result<Vec<R>, Overflow> {
    if items.len() < PARALLEL_FROM || threads < 2 {
        return Ok(vec![work(items)?]);
    }
    let work = &work;
    std::thread::scope(|scope| {
        let mut handles = Vec::with_capacity(threads);
        let mut parts = items.chunks(items.len().div_ceil(threads));
        let first = parts.next().unwrap_or(&[]);
        for part in parts {
            match std::thread::Builder::new().spawn_scoped(scope, move || work(part)) {
                Ok(h) => handles.push(Ok(h)),
                // No thread to be had: do that part here.
                Err(_) => handles.push(Err(part)),
            }
        }
        let mut done = Vec::with_capacity(threads);
        done.push(work(first)?);
        for h in handles {
            done.push(match h {
                Ok(h) => h
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?,
                Err(part) => work(part)?,
            });
        }
        Ok(done)
    })
}

/// The index of the first element that `found` picks, or of a `new` one pushed at the end.
fn position_or_push<T>(
    list: &mut Vec<T>,
    found: impl Fn(&T) -> bool,
    new: impl FnOnce() -> T,
) -> usize {
    match list.iter().position(found) {
        Some(p) => p,
        None => {
            list.push(new());
            list.len() - 1
        }
    }
}

/// The deficit a result shows: its negative part as a positive amount, else 0.
pub(crate) fn deficit_of(result: Money) -> Money {
    if result.0 < 0 {
        Money(result.0.saturating_neg())
    } else {
        Money::ZERO
    }
}

/// A negative balanced-budget result must be restored within three years (KL 11 kap. 12 §).
fn restore_by(year: i32, balance_result: Money) -> Option<i32> {
    (balance_result.0 < 0).then(|| year.saturating_add(3))
}

/// The deficits of one rule set, carried forward year by year (SPEC §5.3).
struct DeficitBook {
    deficits: Vec<Deficit>,
    /// Index of the oldest deficit with something left to restore.
    oldest: usize,
}

impl DeficitBook {
    fn new(deficits: Vec<Deficit>) -> DeficitBook {
        DeficitBook {
            deficits,
            oldest: 0,
        }
    }

    /// Book one year's balanced-budget result: a surplus restores the oldest deficits first, a
    /// deficit is added.
    fn year(&mut self, year: i32, balance_result: Money) -> Result<Restoration, Overflow> {
        let earlier = self.deficits[self.oldest..]
            .iter()
            .try_fold(Money::ZERO, |acc, d| acc.checked_add(d.left))?;
        let mut restored = Money::ZERO;
        if balance_result.0 > 0 {
            let mut left = balance_result;
            while left.0 > 0 && self.oldest < self.deficits.len() {
                let d = &mut self.deficits[self.oldest];
                let take = left.min(d.left);
                d.left = d.left.checked_sub(take)?;
                d.restored = d.restored.checked_add(take)?;
                if d.left.is_zero() {
                    d.restored_in = Some(year);
                    self.oldest += 1;
                }
                left = left.checked_sub(take)?;
                restored = restored.checked_add(take)?;
            }
        } else if balance_result.0 < 0 {
            self.deficits
                .push(Deficit::new(year, deficit_of(balance_result)));
        }
        let mut to_restore = Money::ZERO;
        let mut overdue = Money::ZERO;
        for d in &self.deficits[self.oldest..] {
            to_restore = to_restore.checked_add(d.left)?;
            if d.restore_by <= year {
                overdue = overdue.checked_add(d.left)?;
            }
        }
        Ok(Restoration {
            earlier,
            restored,
            to_restore,
            overdue,
        })
    }
}

fn round2(x: f64) -> f64 {
    if x.is_finite() {
        (x * 100.0).round() / 100.0
    } else {
        0.0
    }
}

/// The cost kinds in split order, for callers that walk `fund_cost_by_kind`.
pub const COST_KINDS: [CostKind; 3] = CostKind::ALL;
