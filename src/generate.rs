//! `sif generate`: a deterministic, valid, realistic-looking large fund for benchmarks and
//! tests. The same parameters always give the same fund (a small SplitMix64 generator, so the
//! output does not depend on any crate's random-number algorithm).

use crate::model::{
    Actor, ActorKind, Actual, ActualRepayment, BudgetYear, CapitalEvent, CapitalKind, CostKind,
    CostRow, Fund, FundingModel, Initiative, Payer, Repayment, SavingsRow, Scenario, Status,
};
use crate::money::Money;

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

const COMMITTEES: [(&str, &str); 12] = [
    ("KS", "Kommunstyrelsen"),
    ("SN", "Socialnämnden"),
    ("BUN", "Barn- och utbildningsnämnden"),
    ("AMN", "Arbetsmarknadsnämnden"),
    ("KFN", "Kultur- och fritidsnämnden"),
    ("VON", "Vård- och omsorgsnämnden"),
    ("GVN", "Gymnasie- och vuxenutbildningsnämnden"),
    ("SBN", "Samhällsbyggnadsnämnden"),
    ("MHN", "Miljö- och hälsoskyddsnämnden"),
    ("TN", "Tekniska nämnden"),
    ("ÖFN", "Överförmyndarnämnden"),
    ("IFN", "Individ- och familjenämnden"),
];

const EXTERNAL: [(&str, &str); 4] = [
    ("REG", "Region"),
    ("FK", "Försäkringskassan"),
    ("AF", "Arbetsförmedlingen"),
    ("POL", "Polismyndigheten"),
];

const TOPICS: [&str; 12] = [
    "Tidiga insatser",
    "Hela familjen",
    "Skolnärvaro",
    "Ung framtid",
    "Boendestöd",
    "Föräldrastöd",
    "Fritid för alla",
    "Språkstöd",
    "Vägen till arbete",
    "Trygg uppväxt",
    "Psykisk hälsa",
    "Mentorskap",
];

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
    let is_closed = |y: i32| closed_through.is_some_and(|c| y <= c);

    let n_actors = params.actors.max(2);
    let mut actors = Vec::with_capacity(n_actors);
    let n_external = (n_actors / 5).max(1).min(n_actors - 1);
    for i in 0..n_actors - n_external {
        let (code, name) = COMMITTEES[i % COMMITTEES.len()];
        let round = i / COMMITTEES.len();
        let (code, name) = if round == 0 {
            (code.to_string(), name.to_string())
        } else {
            (
                format!("{code}{}", round + 1),
                format!("{name} {}", round + 1),
            )
        };
        actors.push(Actor {
            code,
            name,
            kind: ActorKind::Committee,
        });
    }
    for i in 0..n_external {
        let (code, name) = EXTERNAL[i % EXTERNAL.len()];
        let round = i / EXTERNAL.len();
        let (code, name) = if round == 0 {
            (code.to_string(), name.to_string())
        } else {
            (
                format!("{code}{}", round + 1),
                format!("{name} {}", round + 1),
            )
        };
        actors.push(Actor {
            code,
            name,
            kind: ActorKind::External,
        });
    }
    let committees: Vec<String> = actors
        .iter()
        .filter(|a| a.kind == ActorKind::Committee)
        .map(|a| a.code.clone())
        .collect();
    let all: Vec<String> = actors.iter().map(|a| a.code.clone()).collect();

    // Capital: enough to cover roughly the planned spending, in a few decisions.
    let mut capital = Vec::new();
    let per_initiative = 3_500_000_i64;
    let total = per_initiative * params.initiatives.max(1) as i64;
    let decisions = years.clamp(1, 4);
    for k in 0..decisions {
        let year = first_year + k * years / decisions;
        capital.push(CapitalEvent {
            date: format!("{year}-02-{:02}", rng.range(1, 28)),
            amount: Money(total / i64::from(decisions) / 100_000 * 100_000),
            kind: CapitalKind::Earmark,
            note: format!("KF {year} § {}", rng.range(1, 200)),
        });
    }

    let mut initiatives = Vec::with_capacity(params.initiatives);
    for i in 0..params.initiatives {
        let owner = rng.pick(&committees).clone();
        let status = match rng.range(0, 99) {
            0..=9 => Status::Proposed,
            10..=74 => Status::Approved,
            75..=89 => Status::Completed,
            _ => Status::Terminated,
        };
        let start = rng.range(i64::from(first_year), i64::from(last)) as i32;
        let length = rng.range(1, 4) as i32;
        let cost_end = (start + length - 1).min(last);
        let ended = if status == Status::Terminated {
            Some(rng.range(i64::from(start), i64::from(cost_end)) as i32)
        } else {
            None
        };
        let mut costs = Vec::new();
        for y in start..=cost_end {
            let rows = rng.range(1, 2);
            for _ in 0..rows {
                let kind = *rng.pick(&CostKind::ALL);
                costs.push(CostRow {
                    year: y,
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
        let mut savings = Vec::new();
        let n_savings = rng.range(0, 4);
        for _ in 0..n_savings {
            let from = (start + rng.range(1, 3) as i32).min(last);
            let to = (from + rng.range(0, 8) as i32).min(last);
            let actor = rng.pick(&all).clone();
            let external = actors
                .iter()
                .any(|a| a.code == actor && a.kind == ActorKind::External);
            savings.push(SavingsRow {
                actor,
                from,
                to,
                amount: Money(rng.range(1, 30) * 50_000),
                cashable: !external && rng.chance(75),
            });
        }
        let repayment = match rng.range(0, 9) {
            0..=2 => Repayment::Grant,
            3..=5 => {
                let n_payers = rng.range(1, 3) as usize;
                let mut payers: Vec<Payer> = Vec::new();
                let mut left = 100;
                for k in 0..n_payers {
                    let actor = rng.pick(&committees).clone();
                    if payers.iter().any(|p| p.actor == actor) {
                        continue;
                    }
                    let weight = if k + 1 == n_payers {
                        left
                    } else {
                        (rng.range(1, 9) * 10).min(i64::from(left)) as i32
                    };
                    left -= weight;
                    payers.push(Payer { actor, weight });
                }
                if left > 0 {
                    if let Some(p) = payers.last_mut() {
                        p.weight += left;
                    }
                }
                payers.retain(|p| p.weight > 0);
                if payers.is_empty() {
                    payers.push(Payer {
                        actor: owner.clone(),
                        weight: 100,
                    });
                }
                Repayment::Fixed {
                    share: rng.range(2, 10) as i32 * 10,
                    start: (cost_end + 1).min(last),
                    instalments: rng.range(1, 8) as i32,
                    payers,
                }
            }
            _ => Repayment::FromSavings {
                share: rng.range(2, 10) as i32 * 10,
                start: (start + 1).min(last),
                cap: rng.range(5, 15) as i32 * 10,
            },
        };
        // Actuals for closed years, near the plan, sometimes with arrears.
        let mut actuals = Vec::new();
        if status != Status::Proposed {
            if let Some(c) = closed_through {
                for y in first_year..=c {
                    let planned: i64 = costs.iter().filter(|r| r.year == y).map(|r| r.fund.0).sum();
                    let mut repaid = Vec::new();
                    if y >= start && rng.chance(40) {
                        let payer = rng.pick(&committees).clone();
                        repaid.push(ActualRepayment {
                            actor: payer,
                            amount: Money(rng.range(0, 10) * 25_000),
                        });
                    }
                    if planned > 0 || !repaid.is_empty() {
                        let fund = if planned > 0 {
                            planned * rng.range(85, 110) / 100 / 1000 * 1000
                        } else {
                            0
                        };
                        actuals.push(Actual {
                            year: y,
                            fund: Money(fund),
                            repaid,
                        });
                    }
                }
            }
        }
        let topic = rng.pick(&TOPICS);
        initiatives.push(Initiative {
            code: format!("P{:04}", i + 1),
            name: format!("{topic} {}", i + 1),
            owner,
            status,
            ended,
            costs,
            savings,
            repayment,
            actuals,
            note: String::new(),
        });
    }
    let _ = is_closed;

    let budget = (first_year..=last)
        .map(|y| BudgetYear {
            year: y,
            result_before_fund: Money(rng.range(-20, 120) * 1_000_000),
            realisation_gains: Money(if rng.chance(20) {
                rng.range(1, 20) * 100_000
            } else {
                0
            }),
        })
        .collect();

    Fund {
        format: crate::model::FORMAT_VERSION,
        name: "Sociala investeringsfonden (genererad)".to_string(),
        organisation: format!("Genererad kommun {}", params.seed),
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
                name: "Pessimistiskt".to_string(),
                savings_factor: 60,
                cost_factor: 110,
                delay: 1,
            },
            Scenario {
                name: "Optimistiskt".to_string(),
                savings_factor: 120,
                cost_factor: 95,
                delay: 0,
            },
        ],
        budget,
        accounts: Default::default(),
    }
}
