//! `sif generate`: a deterministic, valid, realistic-looking large fund for benchmarks and
//! tests. The same parameters always give the same fund (a small SplitMix64 generator, so the
//! output does not depend on any crate's random-number algorithm).

pub mod sie;
mod text;

use crate::model::{
    Actor, ActorKind, Actual, ActualRepayment, BudgetYear, CapitalEvent, CapitalKind, CostKind,
    CostRow, FixedRepayment, Fund, FundingModel, Initiative, Payer, Repayment, SavingsRow,
    Scenario, Status,
};
use crate::money::Money;
use text::{AREAS, COMMITTEES, EXTERNAL, TOPICS};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenerateParams {
    pub initiatives: usize,
    /// Horizon length, 1..=60.
    pub years: i32,
    /// Number of actors, at least 2 (about one in five is external).
    pub actors: usize,
    pub seed: u64,
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in lo..=hi.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// The `i`-th actor of a list of names; past the end of the list the names come round again
/// with a number (`SN2`, `Socialnämnden 2`).
fn nth_actor(names: &[(&str, &str)], i: usize, kind: ActorKind) -> Actor {
    let (code, name) = names[i % names.len()];
    let round = i / names.len();
    let (code, name) = if round == 0 {
        (code.to_string(), name.to_string())
    } else {
        (
            format!("{code}{}", round + 1),
            format!("{name} {}", round + 1),
        )
    };
    Actor { code, name, kind }
}

/// Build the fund. Every value it writes passes validation (errors), so benchmarks and
/// property tests exercise the real paths.
pub fn generate_fund(params: &GenerateParams) -> Fund {
    let mut rng = Rng(params.seed ^ 0x5346_4946); // "SFIF"
    let years = params.years.clamp(1, 60);
    let first_year = 2020;
    let last = first_year + years - 1;
    let closed_through = if years >= 4 {
        Some(first_year + years / 4)
    } else {
        None
    };

    let n_actors = params.actors.max(2);
    let mut actors = Vec::with_capacity(n_actors);
    let n_external = (n_actors / 5).max(1).min(n_actors - 1);
    for i in 0..n_actors - n_external {
        actors.push(nth_actor(&COMMITTEES, i, ActorKind::Committee));
    }
    for i in 0..n_external {
        actors.push(nth_actor(&EXTERNAL, i, ActorKind::External));
    }
    let committees: Vec<String> = actors
        .iter()
        .filter(|a| a.kind == ActorKind::Committee)
        .map(|a| a.code.clone())
        .collect();
    let all: Vec<String> = actors.iter().map(|a| a.code.clone()).collect();

    // Capital: enough to cover roughly the planned spending, in a few council decisions during
    // the first half of the horizon, when most initiatives start.
    let mut capital = Vec::new();
    let per_initiative = 2_500_000_i64;
    let total = per_initiative * params.initiatives.max(1) as i64;
    let decisions = years.clamp(1, 4);
    for k in 0..decisions {
        let year = first_year + k * (years / 2).max(1) / decisions;
        let day = rng.range(1, 28);
        capital.push(CapitalEvent {
            date: format!("{year}-02-{day:02}").into(),
            amount: Money(total / i64::from(decisions) / 100_000 * 100_000),
            kind: CapitalKind::Earmark,
            note: text::decision_note(year, day, rng.range(1, 200)),
        });
    }

    let last_closed = closed_through.unwrap_or(first_year - 1);
    let mut initiatives = Vec::with_capacity(params.initiatives);
    for i in 0..params.initiatives {
        let owner = rng.pick(&committees).clone();
        let status = match rng.range(0, 99) {
            0..=9 => Status::Proposed,
            10..=74 => Status::Approved,
            75..=89 => Status::Completed,
            _ => Status::Terminated,
        };
        // When an initiative runs follows from its status: proposals lie ahead, completed and
        // terminated ones mostly started in the closed years, approved ones in the first two
        // thirds of the horizon, so that most repayments can finish.
        let y = |v: i64| v as i32;
        let (lo, hi) = match status {
            Status::Proposed if last_closed < last => (last_closed + 1, last),
            Status::Completed | Status::Terminated if last_closed >= first_year => {
                (first_year, last_closed)
            }
            _ => (first_year, first_year + (years * 2 / 3).max(1) - 1),
        };
        let start = y(rng.range(i64::from(lo), i64::from(hi)));
        let length = y(rng.range(1, 4));
        let mut cost_end = (start + length - 1).min(last);
        if status == Status::Completed && last_closed >= start {
            cost_end = cost_end.min(last_closed);
        }
        let ended = if status == Status::Terminated {
            Some(y(rng.range(i64::from(start), i64::from(cost_end))))
        } else {
            None
        };
        let mut costs = Vec::new();
        for year in start..=cost_end {
            let rows = rng.range(1, 2);
            for _ in 0..rows {
                let kind = *rng.pick(&CostKind::ALL);
                costs.push(CostRow {
                    year,
                    fund: Money(rng.range(2, 40) * 50_000),
                    own: Money(if rng.chance(30) {
                        rng.range(1, 10) * 25_000
                    } else {
                        0
                    }),
                    kind,
                });
            }
        }
        // Savings: usually the owner or a neighbouring committee saves, often the region or a
        // state agency too; one pilot in twenty has no quantified savings.
        let mut savings = Vec::new();
        let n_savings = if rng.chance(5) { 0 } else { rng.range(1, 4) };
        for k in 0..n_savings {
            let from = (start + y(rng.range(1, 3))).min(last);
            let to = (from + y(rng.range(2, 9))).min(last);
            let actor = if k == 0 {
                rng.pick(&committees).clone()
            } else {
                rng.pick(&all).clone()
            };
            let external = actors
                .iter()
                .any(|a| a.code == actor && a.kind == ActorKind::External);
            let amount = Money(rng.range(2, 30) * 50_000);
            let cashable = !external && (k == 0 || rng.chance(70));
            savings.push(SavingsRow::new(&actor, from, to, amount, cashable));
        }
        let cashable_committee = savings.iter().any(|s| s.cashable);
        let repayment = match rng.range(0, 9) {
            0..=2 => Repayment::Grant,
            6..=9 if cashable_committee => Repayment::FromSavings {
                share: y(rng.range(4, 10)) * 10,
                start: (start + 1).min(last),
                cap: y(rng.range(5, 10)) * 10,
            },
            _ => {
                let n_payers = rng.range(1, 3) as usize;
                let mut payers: Vec<Payer> = Vec::new();
                let mut left = 100;
                for k in 0..n_payers {
                    let actor = if k == 0 {
                        savings
                            .first()
                            .map_or_else(|| owner.clone(), |s| s.actor.clone())
                    } else {
                        rng.pick(&committees).clone()
                    };
                    if payers.iter().any(|p| p.actor == actor) {
                        continue;
                    }
                    let weight = if k + 1 == n_payers {
                        left
                    } else {
                        (rng.range(5, 9) * 10).min(i64::from(left)) as i32
                    };
                    left -= weight;
                    payers.push(Payer { actor, weight });
                }
                if let Some(p) = payers.first_mut().filter(|_| left > 0) {
                    p.weight += left;
                }
                payers.retain(|p| p.weight > 0);
                Repayment::Fixed(FixedRepayment {
                    share: y(rng.range(3, 10)) * 10,
                    start: (cost_end + 1).min(last),
                    instalments: y(rng.range(2, 6)),
                    payers,
                })
            }
        };
        // Actual fund costs for closed years, near the plan; repayments are filled in below
        // from the projection, so that they follow the agreement.
        let mut actuals = Vec::new();
        if status != Status::Proposed {
            for year in first_year..=last_closed {
                if ended.is_some_and(|e| year > e) {
                    continue;
                }
                let planned: i64 = costs
                    .iter()
                    .filter(|r| r.year == year)
                    .map(|r| r.fund.0)
                    .sum();
                if planned > 0 {
                    actuals.push(Actual {
                        year,
                        fund: Money(planned * rng.range(85, 110) / 100 / 1000 * 1000),
                        repaid: Vec::new(),
                        source: String::new(),
                    });
                }
            }
        }
        let topic = rng.pick(&TOPICS);
        let area = rng.pick(&AREAS);
        let note = match rng.range(0, 9) {
            0 => text::evaluated_in((cost_end + 1).min(last)),
            1 => text::WITH_THE_REGION.to_string(),
            2 if status == Status::Terminated => text::ENDED_LOW_UPTAKE.to_string(),
            _ => String::new(),
        };
        initiatives.push(Initiative {
            code: format!("P{:04}", i + 1),
            name: text::initiative_name(topic, area),
            owner,
            status,
            ended,
            costs,
            savings,
            repayment,
            actuals,
            note,
        });
    }
    let budget = (first_year..=last)
        .map(|y| {
            let mut b = BudgetYear::new(y, Money(rng.range(-20, 120) * 1_000_000));
            b.realisation_gains = Money(if rng.chance(20) {
                rng.range(1, 20) * 100_000
            } else {
                0
            });
            b
        })
        .collect();

    let mut fund = Fund {
        format: crate::model::FORMAT_VERSION,
        name: text::FUND_NAME.to_string(),
        organisation: text::organisation(params.seed),
        org_number: Some("212000-9999".to_string()),
        model: FundingModel::EarmarkedEquity,
        first_year,
        years,
        discount_rate: 3.5,
        holder: committees[0].clone(),
        closed_through,
        actors,
        capital,
        initiatives,
        scenarios: vec![
            Scenario {
                name: text::PESSIMISTIC.to_string(),
                savings_factor: 60,
                cost_factor: 110,
                delay: 1,
            },
            Scenario {
                name: text::OPTIMISTIC.to_string(),
                savings_factor: 120,
                cost_factor: 95,
                delay: 0,
            },
        ],
        budget,
        unrestored_deficits: Vec::new(),
        appraisal: Default::default(),
        accounts: Default::default(),
    };
    record_repayments(&mut fund, &mut rng);
    fund
}

/// Fill in the actual repayments of the closed years from the agreements, year by year (a
/// repayment from savings depends on what was actually paid before): most payers pay in full,
/// some pay part, a few nothing, which gives the arrears a controller follows up.
fn record_repayments(fund: &mut Fund, rng: &mut Rng) {
    let Some(closed_through) = fund.closed_through else {
        return;
    };
    for year in fund.first_year..=closed_through {
        let Ok(projection) = crate::engine::project(fund, &crate::engine::Options::default())
        else {
            return;
        };
        let Some(k) = projection.year_index(year) else {
            return;
        };
        for ip in &projection.initiatives {
            let mut paid = Vec::new();
            for flow in &ip.repayments {
                let planned = flow.planned[k].0;
                if planned <= 0 {
                    continue;
                }
                let amount = match rng.range(0, 99) {
                    0..=91 => planned,
                    92..=96 => planned * rng.range(50, 90) / 100 / 1000 * 1000,
                    _ => 0,
                };
                paid.push(ActualRepayment {
                    actor: fund.actors[flow.actor].code.clone(),
                    amount: Money(amount),
                });
            }
            if paid.is_empty() {
                continue;
            }
            let actuals = &mut fund.initiatives[ip.index].actuals;
            match actuals.iter_mut().find(|a| a.year == year) {
                Some(row) => row.repaid = paid,
                None => {
                    let at = actuals.partition_point(|a| a.year < year);
                    actuals.insert(
                        at,
                        Actual {
                            year,
                            fund: Money::ZERO,
                            repaid: paid,
                            source: String::new(),
                        },
                    );
                }
            }
        }
    }
}

/// About how many bytes the fund file of `params` takes, without generating it: measured on a
/// sample of at most 100 initiatives and 1,000 actors and scaled up. The generator's
/// initiatives differ only by chance, so the sample predicts the whole within a few per cent;
/// `sif generate` uses this to refuse, before any work, a fund larger than Sif reads.
pub fn estimated_file_bytes(params: &GenerateParams) -> u64 {
    let len = |initiatives: usize, actors: usize| -> u64 {
        let fund = generate_fund(&GenerateParams {
            initiatives,
            actors,
            ..*params
        });
        crate::store::to_ron_string(&fund).map_or(0, |t| t.len() as u64)
    };
    let actors = params.actors.max(2);
    let sample_actors = actors.min(1000);
    let sample_initiatives = params.initiatives.min(100);
    let smallest = len(0, 2);
    let with_actors = len(0, sample_actors);
    let per_actor = if sample_actors > 2 {
        with_actors.saturating_sub(smallest) as f64 / (sample_actors - 2) as f64
    } else {
        0.0
    };
    let per_initiative = if sample_initiatives > 0 {
        len(sample_initiatives, sample_actors).saturating_sub(with_actors) as f64
            / sample_initiatives as f64
    } else {
        0.0
    };
    // A ratio of byte counts, not money; the float saturates at u64::MAX when cast back.
    let total = smallest as f64
        + per_actor * (actors - 2) as f64
        + per_initiative * params.initiatives as f64;
    total as u64
}
