//! The sample funds, changed field by field as the bytes say — years, amounts, factors,
//! repayment agreements, actuals, statuses, extreme values — then validated and projected
//! under every scenario. This reaches the engine's arithmetic far more often than random text,
//! which mostly fails to parse. Nothing may panic, and a fund that validates without errors
//! must project without error (SPEC §3.1: the amount limit exists so that no sum overflows).

use std::sync::OnceLock;

use sif::model::{
    ActorKind, CapitalKind, CostKind, Fund, FundingModel, Payer, Repayment, Scenario, Status,
};
use sif::money::{MAX_AMOUNT, Money};
use sif::{samples, store, validate};

fn samples() -> &'static [Fund] {
    static FUNDS: OnceLock<Vec<Fund>> = OnceLock::new();
    FUNDS.get_or_init(|| {
        samples::SAMPLES
            .iter()
            .map(|s| store::parse_str(s.text, s.name).unwrap())
            .collect()
    })
}

/// An amount: raw bits, small, near the limit, or negative.
fn amount(v: u64) -> Money {
    let small = ((v >> 2) % 5_000_000) as i64;
    Money(match v & 3 {
        0 => v as i64,
        1 => small,
        2 => MAX_AMOUNT - small % 3 + 1,
        _ => -small,
    })
}

/// A year: raw bits or near the fund's horizon.
fn year(v: u64, fund: &Fund) -> i32 {
    if v & 7 == 0 {
        v as i32
    } else {
        fund.first_year - 3 + ((v >> 3) % 70) as i32
    }
}

/// A percentage or count: raw bits or plausible.
fn small(v: u64, max: i32) -> i32 {
    if v & 7 == 0 {
        v as i32
    } else {
        ((v >> 3) % (max as u64 + 2)) as i32 - 1
    }
}

fn pick<T>(items: &mut [T], i: u8) -> Option<&mut T> {
    let n = items.len();
    if n == 0 {
        None
    } else {
        items.get_mut(usize::from(i) % n)
    }
}

fn mutate(fund: &mut Fund, op: u8, i: u8, j: u8, v: u64) {
    let actor = |f: &Fund, k: u8| {
        f.actors
            .get(usize::from(k) % f.actors.len().max(1))
            .map(|a| a.code.clone())
            .unwrap_or_default()
    };
    match op % 28 {
        0 => fund.first_year = year(v, fund),
        1 => fund.years = small(v, 61),
        2 => fund.closed_through = (v & 1 == 0).then(|| year(v >> 1, fund)),
        3 => {
            fund.discount_rate = if v & 1 == 0 {
                f64::from_bits(v)
            } else {
                ((v >> 1) % 2100) as f64 / 100.0
            }
        }
        4 => {
            fund.model = if v & 1 == 0 {
                FundingModel::EarmarkedEquity
            } else {
                FundingModel::AnnualAppropriation
            }
        }
        5 => {
            if let Some(c) = pick(&mut fund.capital, i) {
                c.amount = amount(v)
            }
        }
        6 => {
            let y = year(v, fund);
            if let Some(c) = pick(&mut fund.capital, i) {
                c.date = format!("{y:04}-0{}-1{}", 1 + j % 9, j % 10).into();
                c.kind = if j & 1 == 0 {
                    CapitalKind::Earmark
                } else {
                    CapitalKind::Release
                }
            }
        }
        7 => {
            let y = year(v, fund);
            if let Some(r) = pick(&mut fund.initiatives, i).and_then(|n| pick(&mut n.costs, j)) {
                r.year = y
            }
        }
        8 => {
            if let Some(r) = pick(&mut fund.initiatives, i).and_then(|n| pick(&mut n.costs, j)) {
                r.fund = amount(v)
            }
        }
        9 => {
            if let Some(r) = pick(&mut fund.initiatives, i).and_then(|n| pick(&mut n.costs, j)) {
                r.own = amount(v);
                r.kind = CostKind::ALL[usize::from(j) % 3]
            }
        }
        10 => {
            if let Some(r) = pick(&mut fund.initiatives, i).and_then(|n| pick(&mut n.savings, j)) {
                r.amount = amount(v);
                r.cashable = v & 1 == 0
            }
        }
        11 => {
            let y = year(v, fund);
            if let Some(r) = pick(&mut fund.initiatives, i).and_then(|n| pick(&mut n.savings, j)) {
                r.from = y
            }
        }
        12 => {
            let y = year(v, fund);
            if let Some(r) = pick(&mut fund.initiatives, i).and_then(|n| pick(&mut n.savings, j)) {
                r.to = y
            }
        }
        13 => {
            let a = actor(fund, j);
            if let Some(r) = pick(&mut fund.initiatives, i).and_then(|n| pick(&mut n.savings, 0)) {
                r.actor = a
            }
        }
        14 => {
            let (a, b) = (actor(fund, j), actor(fund, j.wrapping_add(1)));
            let start = year(v >> 16, fund);
            if let Some(n) = pick(&mut fund.initiatives, i) {
                let w = small(v >> 8, 100);
                n.repayment = Repayment::Fixed(sif::model::FixedRepayment {
                    share: small(v, 100),
                    start,
                    instalments: small(v >> 40, 12),
                    payers: vec![
                        Payer {
                            actor: a,
                            weight: w,
                        },
                        Payer {
                            actor: b,
                            weight: 100 - w,
                        },
                    ],
                });
            }
        }
        15 => {
            let start = year(v >> 16, fund);
            if let Some(n) = pick(&mut fund.initiatives, i) {
                n.repayment = Repayment::FromSavings {
                    share: small(v, 100),
                    start,
                    cap: small(v >> 8, 200),
                };
            }
        }
        16 => {
            if let Some(n) = pick(&mut fund.initiatives, i) {
                n.repayment = Repayment::Grant
            }
        }
        17 => {
            if let Some(a) = pick(&mut fund.initiatives, i).and_then(|n| pick(&mut n.actuals, j)) {
                a.fund = amount(v)
            }
        }
        18 => {
            let y = year(v, fund);
            if let Some(a) = pick(&mut fund.initiatives, i).and_then(|n| pick(&mut n.actuals, j)) {
                a.year = y
            }
        }
        19 => {
            if let Some(r) = pick(&mut fund.initiatives, i)
                .and_then(|n| pick(&mut n.actuals, j))
                .and_then(|a| pick(&mut a.repaid, 0))
            {
                r.amount = amount(v)
            }
        }
        20 => {
            if let Some(n) = pick(&mut fund.initiatives, i) {
                n.status = Status::ALL[usize::from(j) % 4]
            }
        }
        21 => {
            let y = year(v, fund);
            if let Some(n) = pick(&mut fund.initiatives, i) {
                n.ended = (j & 1 == 0).then_some(y)
            }
        }
        22 => {
            if fund.scenarios.len() < 4 {
                fund.scenarios.push(Scenario {
                    name: format!("S{j}"),
                    savings_factor: small(v, 1000),
                    cost_factor: small(v >> 16, 1000),
                    delay: small(v >> 32, 20),
                });
            } else if let Some(s) = pick(&mut fund.scenarios, i) {
                s.savings_factor = small(v, 1000);
                s.delay = small(v >> 32, 20);
            }
        }
        23 => {
            if let Some(b) = pick(&mut fund.budget, i) {
                b.result_before_fund = amount(v);
                b.realisation_gains = amount(v.rotate_left(17))
            }
        }
        24 => {
            if let Some(a) = pick(&mut fund.actors, i) {
                a.kind = if j & 1 == 0 {
                    ActorKind::Committee
                } else {
                    ActorKind::External
                }
            }
        }
        25 => {
            if fund.initiatives.len() < 40
                && let Some(n) = fund
                    .initiatives
                    .get(usize::from(i) % fund.initiatives.len().max(1))
                    .cloned()
            {
                fund.initiatives.push(n)
            }
        }
        26 => {
            if let Some(n) = pick(&mut fund.initiatives, i)
                && !n.costs.is_empty()
            {
                n.costs.remove(usize::from(j) % n.costs.len());
            }
        }
        _ => {
            if let Some(n) = pick(&mut fund.initiatives, i)
                && let Some(r) = n.costs.first().cloned()
                && n.costs.len() < 30
            {
                n.costs.push(r)
            }
        }
    }
}

/// One input: the first byte picks a sample, each 11 bytes after it one change.
pub fn engine_mutations(data: &[u8]) {
    let Some((&which, ops)) = data.split_first() else {
        return;
    };
    let funds = samples();
    let mut fund = funds[usize::from(which) % funds.len()].clone();
    for op in ops.chunks_exact(11).take(64) {
        let v = u64::from_le_bytes(op[3..11].try_into().unwrap());
        mutate(&mut fund, op[0], op[1], op[2], v);
    }
    let valid = !validate::validate(&fund).has_errors();
    if let Some(e) = crate::project_every_way(&fund).first() {
        assert!(!valid, "a valid fund failed to project: {e}");
    }
    // (Writing back and reading again is load_validate_project's job; here it would cost most
    // of the time.)
}
