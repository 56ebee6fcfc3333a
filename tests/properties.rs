//! Property tests on generated funds (SPEC §3–5): the statement adds up, repayments never
//! exceed their cap or total, every split sums to its whole, files round-trip, and nothing
//! panics on any fund — valid, invalid, or not a fund at all.
//!
//! Valid funds are generated from raw numbers mapped into the fund's horizon and actor list,
//! so proptest can shrink a failure to a small fund. `sif::generate` funds are checked too.

use proptest::prelude::*;

use sif::engine::{Options, Projection, project};
use sif::generate::{GenerateParams, generate_fund};
use sif::model::{
    Actor, ActorKind, Actual, ActualRepayment, BudgetYear, CapitalEvent, CapitalKind, CostKind,
    CostRow, Fund, FundingModel, Initiative, Payer, Repayment, SavingsRow, Scenario, Status,
};
use sif::money::{Money, split_largest_remainder};
use sif::store;
use sif::validate::validate;

// ---------------------------------------------------------------------------------------
// Valid funds
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum RawRepayment {
    Grant,
    Fixed {
        share: i32,
        start: u8,
        instalments: i32,
        payers: Vec<(usize, u64)>,
    },
    FromSavings {
        share: i32,
        start: u8,
        cap: i32,
    },
}

/// (year offset, fund, repaid as (payer, amount)).
type RawActual = (u8, i64, Vec<(usize, i64)>);

#[derive(Debug, Clone)]
struct RawInitiative {
    owner: usize,
    status: usize,
    ended: u8,
    costs: Vec<(u8, i64, i64, usize)>,
    savings: Vec<(usize, u8, u8, i64, bool)>,
    repayment: RawRepayment,
    actuals: Vec<RawActual>,
}

/// (year offset, result, gains, (reservation, use, special reasons, exemption)).
type RawBudget = (u8, i64, i64, (i64, i64, i64, i64));

#[derive(Debug, Clone)]
struct RawFund {
    appropriation: bool,
    first_year: i32,
    years: i32,
    closed: Option<u8>,
    discount_tenths: u32,
    committees: usize,
    externals: usize,
    capital: Vec<(u8, i64, bool)>,
    initiatives: Vec<RawInitiative>,
    scenarios: Vec<(i32, i32, i32)>,
    budget: Vec<RawBudget>,
    /// Deficits carried in: (years before first_year, 1..=3; amount).
    deficits: Vec<(i32, i64)>,
}

fn amount() -> impl Strategy<Value = i64> {
    prop_oneof![
        4 => 0..=2_000_000_i64,
        2 => 0..=50_000_000_i64,
        1 => 0..=10_i64,
        1 => Just(1_000_000_000_000_i64),
    ]
}

fn raw_repayment() -> impl Strategy<Value = RawRepayment> {
    prop_oneof![
        Just(RawRepayment::Grant),
        (
            0..=100_i32,
            any::<u8>(),
            1..=100_i32,
            prop::collection::vec((any::<usize>(), 0..=100_u64), 1..4)
        )
            .prop_map(|(share, start, instalments, payers)| RawRepayment::Fixed {
                share,
                start,
                instalments,
                payers
            }),
        (0..=100_i32, any::<u8>(), 0..=200_i32)
            .prop_map(|(share, start, cap)| { RawRepayment::FromSavings { share, start, cap } }),
    ]
}

fn raw_initiative() -> impl Strategy<Value = RawInitiative> {
    (
        any::<usize>(),
        0..4_usize,
        any::<u8>(),
        prop::collection::vec((any::<u8>(), amount(), amount(), 0..3_usize), 0..5),
        prop::collection::vec(
            (
                any::<usize>(),
                any::<u8>(),
                any::<u8>(),
                amount(),
                any::<bool>(),
            ),
            0..4,
        ),
        raw_repayment(),
        prop::collection::vec(
            (
                any::<u8>(),
                amount(),
                prop::collection::vec((any::<usize>(), amount()), 0..3),
            ),
            0..4,
        ),
    )
        .prop_map(
            |(owner, status, ended, costs, savings, repayment, actuals)| RawInitiative {
                owner,
                status,
                ended,
                costs,
                savings,
                repayment,
                actuals,
            },
        )
}

fn raw_fund() -> impl Strategy<Value = RawFund> {
    (
        (
            any::<bool>(),
            1990..2100_i32,
            1..=15_i32,
            prop::option::of(any::<u8>()),
            0..=200_u32,
            1..6_usize,
            0..3_usize,
        ),
        prop::collection::vec((any::<u8>(), amount(), prop::bool::weighted(0.8)), 0..4),
        prop::collection::vec(raw_initiative(), 0..6),
        prop::collection::vec((0..=1000_i32, 0..=1000_i32, 0..=20_i32), 0..3),
        prop::collection::vec(
            (
                any::<u8>(),
                -50_000_000..50_000_000_i64,
                amount(),
                (amount(), amount(), amount(), -5_000_000..5_000_000_i64),
            ),
            0..5,
        ),
        prop::collection::vec((1..=3_i32, 1..20_000_000_i64), 0..3),
    )
        .prop_map(
            |(
                (appropriation, first_year, years, closed, discount_tenths, committees, externals),
                capital,
                initiatives,
                scenarios,
                budget,
                deficits,
            )| RawFund {
                appropriation,
                first_year,
                years,
                closed,
                discount_tenths,
                committees,
                externals,
                capital,
                initiatives,
                scenarios,
                budget,
                deficits,
            },
        )
}

/// Map raw numbers into a fund that passes validation.
fn build(raw: &RawFund) -> Fund {
    let years = raw.years;
    let first = raw.first_year;
    let year = |off: u8| first + i32::from(off) % years;
    let closed_through = raw.closed.map(year);
    let is_closed = |y: i32| closed_through.is_some_and(|c| y <= c);
    let names = ["KS", "SN", "BUN", "AMN", "KFN", "VON"];
    let mut actors: Vec<Actor> = names[..raw.committees]
        .iter()
        .map(|c| Actor {
            code: c.to_string(),
            name: format!("Nämnden {c}"),
            kind: ActorKind::Committee,
        })
        .collect();
    for (i, code) in ["REG", "FK"][..raw.externals].iter().enumerate() {
        actors.push(Actor {
            code: code.to_string(),
            name: format!("Extern part {}", i + 1),
            kind: ActorKind::External,
        });
    }
    let committee = |i: usize| names[i % raw.committees].to_string();
    let any_actor = |i: usize| actors[i % actors.len()].code.clone();

    let capital = raw
        .capital
        .iter()
        .map(|&(off, amount, earmark)| CapitalEvent {
            date: format!("{}-{:02}-{:02}", year(off), off % 12 + 1, off % 28 + 1).into(),
            amount: Money(amount),
            kind: if earmark {
                CapitalKind::Earmark
            } else {
                CapitalKind::Release
            },
            note: String::new(),
        })
        .collect();

    let initiatives = raw
        .initiatives
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let status = Status::ALL[r.status];
            let repayment = match &r.repayment {
                RawRepayment::Grant => Repayment::Grant,
                RawRepayment::Fixed {
                    share,
                    start,
                    instalments,
                    payers,
                } => {
                    let weights: Vec<u64> = payers.iter().map(|p| p.1 + 1).collect();
                    let split = split_largest_remainder(Money(100), &weights);
                    Repayment::Fixed(sif::model::FixedRepayment {
                        share: *share,
                        start: year(*start),
                        instalments: *instalments,
                        payers: payers
                            .iter()
                            .zip(split)
                            .map(|(p, w)| Payer {
                                actor: committee(p.0),
                                weight: w.0 as i32,
                            })
                            .collect(),
                    })
                }
                RawRepayment::FromSavings { share, start, cap } => Repayment::FromSavings {
                    share: *share,
                    start: year(*start),
                    cap: *cap,
                },
            };
            let mut actual_years = std::collections::HashSet::new();
            let actuals = r
                .actuals
                .iter()
                .filter(|a| is_closed(year(a.0)) && actual_years.insert(year(a.0)))
                .map(|(off, fund, repaid)| Actual {
                    year: year(*off),
                    fund: Money(*fund),
                    repaid: repaid
                        .iter()
                        .map(|&(a, m)| ActualRepayment {
                            actor: committee(a),
                            amount: Money(m),
                        })
                        .collect(),
                    ..Default::default()
                })
                .collect();
            Initiative {
                code: format!("P{}", i + 1),
                name: format!("Insats {}", i + 1),
                owner: committee(r.owner),
                status,
                ended: (status == Status::Terminated).then(|| year(r.ended)),
                costs: r
                    .costs
                    .iter()
                    .map(|&(off, fund, own, kind)| CostRow {
                        year: year(off),
                        fund: Money(fund),
                        own: Money(own),
                        kind: CostKind::ALL[kind],
                    })
                    .collect(),
                savings: r
                    .savings
                    .iter()
                    .map(|&(a, from, len, amount, cashable)| {
                        let from = year(from);
                        SavingsRow {
                            actor: any_actor(a),
                            from,
                            to: (from + i32::from(len) % years).min(first + years - 1),
                            amount: Money(amount),
                            cashable,
                            ..Default::default()
                        }
                    })
                    .collect(),
                repayment,
                actuals,
                note: String::new(),
            }
        })
        .collect();

    let mut budget_years = std::collections::HashSet::new();
    let budget = raw
        .budget
        .iter()
        .filter(|b| budget_years.insert(year(b.0)))
        .map(
            |&(off, result, gains, (reservation, reserve_use, special, exemption))| {
                let mut b = BudgetYear::new(year(off), Money(result));
                b.realisation_gains = Money(gains);
                b.reserve_reservation = Money(reservation);
                b.reserve_use = Money(reserve_use);
                b.special_reasons = Money(special);
                if special > 0 {
                    b.special_reasons_note = "KF § 1".into();
                }
                b.exemption_adjustment = Money(exemption);
                b
            },
        )
        .collect();
    let mut deficit_years = std::collections::HashSet::new();
    let unrestored_deficits = raw
        .deficits
        .iter()
        .filter(|d| deficit_years.insert(d.0))
        .map(|&(back, amount)| sif::model::EarlierDeficit {
            year: first - back,
            amount: Money(amount),
        })
        .collect();

    Fund {
        format: 2,
        name: "Genererad fond".into(),
        organisation: "Provkommun".into(),
        org_number: None,
        model: if raw.appropriation {
            FundingModel::AnnualAppropriation
        } else {
            FundingModel::EarmarkedEquity
        },
        first_year: first,
        years,
        discount_rate: f64::from(raw.discount_tenths) / 10.0,
        holder: "KS".into(),
        closed_through,
        actors,
        capital,
        initiatives,
        scenarios: raw
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, &(s, c, d))| Scenario {
                name: format!("Scenario {}", i + 1),
                savings_factor: s,
                cost_factor: c,
                delay: d,
            })
            .collect(),
        budget,
        unrestored_deficits,
        appraisal: Default::default(),
        accounts: Default::default(),
    }
}

fn valid_fund() -> impl Strategy<Value = Fund> {
    raw_fund().prop_map(|r| build(&r))
}

/// Every scenario of the fund, base first, with and without proposed initiatives.
fn all_options(fund: &Fund) -> Vec<Options> {
    let mut out = Vec::new();
    for scenario in std::iter::once(Scenario::base()).chain(fund.scenarios.iter().cloned()) {
        for include_proposed in [false, true] {
            out.push(Options {
                scenario: scenario.clone(),
                include_proposed,
            });
        }
    }
    out
}

fn sum(v: impl IntoIterator<Item = Money>) -> i64 {
    v.into_iter().map(|m| m.0).sum()
}

/// Every invariant a projection of a valid fund must satisfy.
fn check_projection(fund: &Fund, options: &Options, p: &Projection) {
    let n = p.statement.len();
    assert_eq!(n as i32, fund.years);
    let closed = p.closed_years;

    // §4.5: the statement adds up, year by year.
    let mut previous = Money(0);
    for (i, y) in p.statement.iter().enumerate() {
        assert_eq!(y.year, fund.first_year + i as i32);
        match fund.model {
            FundingModel::EarmarkedEquity => {
                assert_eq!(y.opening, previous, "opening = previous closing");
                assert_eq!(
                    y.closing.0,
                    y.opening.0 + y.capital.0 + y.repaid.0 - y.fund_used.0,
                    "closing = opening + capital + repaid − fund_used"
                );
                let available = y.opening.0 + y.capital.0 + y.repaid.0;
                assert_eq!(y.fund_used.0, y.disbursed.0.min(available.max(0)));
                // Spending never takes the fund below zero: only a release of more than it
                // holds (this year or before) can.
                if available >= 0 {
                    assert!(y.closing.0 >= 0, "{y:?}");
                } else {
                    let released = fund.capital.iter().any(|c| {
                        c.kind == sif::model::CapitalKind::Release
                            && sif::model::date_year(&c.date).is_some_and(|d| d <= y.year)
                    });
                    assert!(released, "{y:?}");
                    assert_eq!(y.closing.0, available, "{y:?}");
                }
            }
            FundingModel::AnnualAppropriation => {
                assert_eq!(y.opening, Money(0));
                assert_eq!(y.closing.0, y.capital.0 - y.disbursed.0);
                assert_eq!(y.fund_used.0, y.disbursed.0.min(y.capital.0.max(0)));
            }
        }
        assert!(0 <= y.fund_used.0 && y.fund_used <= y.disbursed, "{y:?}");
        assert_eq!(y.unfunded.0, y.disbursed.0 - y.fund_used.0);
        previous = y.closing;
        let later = sum(p.statement[i + 1..].iter().map(|z| z.disbursed));
        assert_eq!(y.committed.0, later);
        assert_eq!(y.uncommitted.0, y.closing.0 - y.committed.0);
        assert_eq!(
            y.disbursed.0,
            sum(p.initiatives.iter().map(|ip| ip.fund_cost[i]))
        );
        assert_eq!(
            y.repaid.0,
            sum(p.initiatives.iter().map(|ip| ip.received_in(i)))
        );
    }

    // §4.1: which initiatives count.
    let counted: Vec<usize> = p.initiatives.iter().map(|ip| ip.index).collect();
    let expected: Vec<usize> = fund
        .initiatives
        .iter()
        .enumerate()
        .filter(|(_, ini)| ini.status != Status::Proposed || options.include_proposed)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(counted, expected);

    for ip in &p.initiatives {
        let ini = &fund.initiatives[ip.index];
        // §4.3: every kind split sums to its year's fund cost, none negative.
        for i in 0..n {
            assert_eq!(sum(ip.fund_cost_by_kind[i]), ip.fund_cost[i].0);
            assert!(ip.fund_cost_by_kind[i].iter().all(|k| k.0 >= 0));
        }
        assert_eq!(
            ip.fund_total.0,
            sum((0..n).map(|i| {
                // The plan: in open years it is what is disbursed.
                if i >= closed {
                    ip.fund_cost[i]
                } else {
                    Money(0)
                }
            })) + planned_closed_cost(fund, options, ini, closed)
        );

        // §4.4: repayments never exceed their cap or total.
        for f in &ip.repayments {
            assert!(f.planned.iter().chain(&f.received).all(|m| m.0 >= 0));
            for i in closed..n {
                assert_eq!(f.received[i], f.planned[i], "open years receive the plan");
            }
        }
        let planned_in = |i: usize| sum(ip.repayments.iter().map(|f| f.planned[i]));
        let actual_closed = sum((0..closed).map(|i| ip.received_in(i)));
        match &ini.repayment {
            Repayment::Grant => {
                assert!(
                    ip.repayments
                        .iter()
                        .all(|f| f.planned.iter().all(|m| m.0 == 0))
                );
                assert_eq!(ip.outstanding, Money(0));
            }
            Repayment::Fixed(sif::model::FixedRepayment {
                share,
                start,
                instalments,
                payers,
            }) => {
                let total = ip.fund_total.percent(*share as u32).unwrap().0;
                let count = i64::from(*instalments);
                let base = total / count;
                let last = total - base * (count - 1);
                // Every year's instalment is split exactly among the payers.
                for i in 0..n {
                    let k = i64::from(fund.first_year + i as i32 - start);
                    let expected = if (0..count - 1).contains(&k) {
                        base
                    } else if k == count - 1 {
                        last
                    } else {
                        0
                    };
                    assert_eq!(planned_in(i), expected, "instalment in year {i}");
                }
                // Scheduled + outstanding is the whole agreed total.
                assert_eq!(
                    (0..n).map(planned_in).sum::<i64>() + ip.outstanding.0,
                    total
                );
                // Only the agreed payers are planned to pay.
                for f in &ip.repayments {
                    let code = &fund.actors[f.actor].code;
                    if !payers.iter().any(|p| &p.actor == code) {
                        assert!(f.planned.iter().all(|m| m.0 == 0));
                    }
                }
            }
            Repayment::FromSavings { share, start, cap } => {
                let c = ip.fund_total.percent(*cap as u32).unwrap().0;
                let open_planned: i64 = (closed..n).map(planned_in).sum();
                assert!(
                    open_planned <= (c - actual_closed).max(0),
                    "open years plan {open_planned} of a cap {c} with {actual_closed} paid"
                );
                assert_eq!(
                    ip.outstanding.0,
                    (c - actual_closed - open_planned).max(0),
                    "outstanding is what the horizon does not reach"
                );
                for f in &ip.repayments {
                    let actor = &fund.actors[f.actor];
                    let cashable = ip.savings.iter().find(|s| s.actor == f.actor);
                    for i in 0..n {
                        let y = fund.first_year + i as i32;
                        if y < *start || actor.kind == ActorKind::External {
                            assert_eq!(f.planned[i], Money(0));
                        }
                        let due = cashable
                            .map_or(Money(0), |s| s.cashable[i].percent(*share as u32).unwrap());
                        assert!(f.planned[i] <= due, "never more than the year's due");
                    }
                }
            }
        }
    }

    // SPEC §8: schedule rows sorted by year, initiative (file order), payer (actor order).
    let keys: Vec<(i32, usize, usize)> = p
        .schedule
        .rows
        .iter()
        .map(|r| {
            (
                r.year,
                fund.initiatives
                    .iter()
                    .position(|x| x.code == r.initiative)
                    .unwrap(),
                fund.actor_index(&r.payer).unwrap(),
            )
        })
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
    for r in &p.schedule.rows {
        assert!(r.planned.0 > 0 || r.actual.is_some_and(|a| a.0 > 0));
        assert_eq!(r.actual.is_some(), fund.is_closed(r.year));
    }

    // §4.6: the who-pays-who-gains matrix adds up to the initiative's figures.
    for (a, ip) in p.appraisal.iter().zip(&p.initiatives) {
        assert_eq!(a.code, fund.initiatives[ip.index].code);
        assert_eq!(
            a.cost.0,
            sum(ip.fund_cost.iter().copied()) + sum(ip.own_cost.iter().copied())
        );
        assert_eq!(sum(a.by_actor.iter().map(|b| b.cost)), a.cost.0);
        assert_eq!(sum(a.by_actor.iter().map(|b| b.savings)), a.savings.0);
        assert_eq!(sum(a.by_actor.iter().map(|b| b.repaid)), a.repaid.0);
        assert!(a.cashable_savings <= a.savings);
        assert!(a.npv.is_finite());
    }

    // §5: the reconciliation adds up under both rule sets.
    let earlier: i64 = sum(fund.unrestored_deficits.iter().map(|d| d.amount));
    let mut added = [earlier, earlier];
    let mut restored = [0_i64, 0];
    for (r, s) in p.reconciliation.iter().zip(&p.statement) {
        assert_eq!(r.disbursed, s.disbursed);
        assert_eq!(r.repaid, s.repaid);
        // Repayments are internal and do not change the result.
        assert_eq!(r.result.0, r.result_before_fund.0 - r.disbursed.0);
        assert_eq!(
            r.adjusted_result.0,
            r.result.0 - r.realisation_gains.0
                + r.exemption_adjustment.0
                + r.securities_adjustment.0
        );
        let pre = r.adjusted_result.0 - r.reserve_reservation.0 + r.reserve_use.0;
        assert_eq!(r.after_reserves().unwrap().0, pre);
        assert_eq!(
            r.current.balance_result.0,
            pre + r.current.special_reasons_applied.0
        );
        assert!(r.current.special_reasons_applied.0 <= (-pre).max(0));
        assert_eq!(
            r.proposed.outcome.balance_result.0,
            pre + r.proposed.fund_adjustment.0 + r.proposed.outcome.special_reasons_applied.0
        );
        // The fund's line never turns a deficit into a surplus or a surplus into a deficit.
        let after_fund = pre + r.proposed.fund_adjustment.0;
        assert!(pre >= 0 || (after_fund <= 0 && after_fund >= pre), "{r:?}");
        assert!(pre <= 0 || (after_fund >= 0 && after_fund <= pre), "{r:?}");
        if fund.model == FundingModel::EarmarkedEquity {
            assert_eq!(r.proposed.fund_used, s.fund_used);
            assert_eq!(r.proposed.fund_reearmarked, s.repaid);
        }
        assert!(r.proposed.fund_used.0 >= 0 && r.proposed.fund_used <= r.disbursed);
        for (k, (b, restore, rest)) in [
            (
                r.current.balance_result,
                r.current.restore_by,
                r.current.restoration,
            ),
            (
                r.proposed.outcome.balance_result,
                r.proposed.outcome.restore_by,
                r.proposed.outcome.restoration,
            ),
        ]
        .into_iter()
        .enumerate()
        {
            assert_eq!(restore, (b.0 < 0).then_some(r.year + 3));
            assert!(rest.restored.0 >= 0 && rest.to_restore.0 >= 0 && rest.overdue.0 >= 0);
            assert!(rest.overdue <= rest.to_restore);
            assert!(rest.restored.0 <= b.0.max(0));
            if b.0 < 0 {
                added[k] += -b.0;
            }
            restored[k] += rest.restored.0;
            // Σ restored + still to restore = Σ deficits added, every year.
            assert_eq!(restored[k] + rest.to_restore.0, added[k], "{r:?}");
        }
        if fund.model == FundingModel::AnnualAppropriation {
            assert_eq!(r.proposed.fund_used, Money(0));
            assert_eq!(r.proposed.fund_reearmarked, Money(0));
        }
    }
    for (k, list) in [&p.deficits.current, &p.deficits.proposed]
        .into_iter()
        .enumerate()
    {
        assert_eq!(sum(list.iter().map(|d| d.amount)), added[k]);
        for d in list {
            assert!(d.left.0 >= 0 && d.restored.0 >= 0);
            assert_eq!(d.restored.0 + d.left.0, d.amount.0);
        }
    }
}

/// The planned fund cost (scenario applied, Terminated rows dropped) in closed years, which
/// the repayment base counts although actuals replace it in the statement.
fn planned_closed_cost(fund: &Fund, options: &Options, ini: &Initiative, closed: usize) -> i64 {
    let last_closed = fund.first_year + closed as i32 - 1;
    ini.costs
        .iter()
        .filter(|c| c.year <= last_closed)
        .filter(|c| !(ini.status == Status::Terminated && ini.ended.is_some_and(|e| c.year > e)))
        .map(|c| {
            c.fund
                .percent(options.scenario.cost_factor as u32)
                .unwrap()
                .0
        })
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn generated_valid_funds_validate_and_project_consistently(fund in valid_fund()) {
        let report = validate(&fund);
        prop_assert!(!report.has_errors(), "{:#?}", report.errors().collect::<Vec<_>>());
        for options in all_options(&fund) {
            let p = project(&fund, &options).unwrap();
            check_projection(&fund, &options, &p);
        }
    }

    #[test]
    fn valid_funds_round_trip_through_the_file_format(fund in valid_fund()) {
        let text = store::to_ron_string(&fund).unwrap();
        let back = store::parse_str(&text, "prop.ron").unwrap();
        prop_assert_eq!(&back, &fund);
        prop_assert_eq!(store::to_ron_string(&back).unwrap(), text);
    }

    #[test]
    fn a_cost_factor_of_100_leaves_disbursements_alone(fund in valid_fund(), s in 0..=1000_i32, d in 0..=20_i32) {
        // Savings factors and delays change repayments, never what the fund pays out.
        let base = project(&fund, &Options::default()).unwrap();
        let scenario = Scenario { name: "S".into(), savings_factor: s, cost_factor: 100, delay: d };
        let other = project(&fund, &Options { scenario, include_proposed: false }).unwrap();
        for (a, b) in base.statement.iter().zip(&other.statement) {
            prop_assert_eq!(a.disbursed, b.disbursed);
            prop_assert_eq!(a.capital, b.capital);
        }
    }

    #[test]
    fn largest_remainder_splits_sum_to_the_whole(
        whole in 0..=1_000_000_000_000_i64,
        weights in prop::collection::vec(0..=1_000_000_000_000_u64, 0..8),
    ) {
        let parts = split_largest_remainder(Money(whole), &weights);
        prop_assert_eq!(parts.len(), weights.len());
        let total: u128 = weights.iter().map(|&w| u128::from(w)).sum();
        for (p, &w) in parts.iter().zip(&weights) {
            match (whole as u128 * u128::from(w)).checked_div(total) {
                // No weights: nothing can be apportioned.
                None => prop_assert_eq!(p.0, 0),
                // Each part is its exact share rounded down, or one krona more.
                Some(floor) => prop_assert!(p.0 == floor as i64 || p.0 == floor as i64 + 1),
            }
        }
        if total > 0 {
            prop_assert_eq!(sum(parts.iter().copied()), whole);
        }
    }

    #[test]
    fn percent_rounds_half_away_from_zero_exactly(x in any::<i64>(), p in 0..=1000_u32) {
        // Reference in 128-bit arithmetic: round(x * p / 100), halves away from zero.
        let prod = i128::from(x) * i128::from(p);
        let expected = if prod >= 0 { (prod + 50) / 100 } else { -((-prod + 50) / 100) };
        match Money(x).percent(p) {
            Ok(m) => prop_assert_eq!(i128::from(m.0), expected),
            Err(_) => prop_assert!(i64::try_from(expected).is_err()),
        }
    }

    #[test]
    fn the_fixed_split_agrees_with_the_general_one(
        whole in 0..=1_000_000_000_000_i64,
        weights in prop::array::uniform3(0..=1_000_000_000_000_u64),
    ) {
        let fixed = sif::money::split_largest_remainder_fixed(Money(whole), weights);
        prop_assert_eq!(fixed.to_vec(), split_largest_remainder(Money(whole), &weights));
    }

    #[test]
    fn sif_generate_funds_are_valid_and_consistent(
        seed in any::<u64>(),
        initiatives in 0..60_usize,
        years in 1..=30_i32,
        actors in 2..40_usize,
    ) {
        let params = GenerateParams { initiatives, years, actors, seed };
        let fund = generate_fund(&params);
        prop_assert_eq!(&generate_fund(&params), &fund, "deterministic");
        let report = validate(&fund);
        prop_assert!(!report.has_errors(), "{:#?}", report.errors().collect::<Vec<_>>());
        for options in all_options(&fund) {
            let p = project(&fund, &options).unwrap();
            check_projection(&fund, &options, &p);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Anything at all: no panics
// ---------------------------------------------------------------------------------------

fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("KS".to_string()),
        Just("SN".to_string()),
        Just("REG".to_string()),
        "[A-ZÅÄÖ]{1,3}",
    ]
}

fn wild_i32() -> impl Strategy<Value = i32> {
    prop_oneof![any::<i32>(), 1990..2040_i32, -5..200_i32]
}

fn wild_money() -> impl Strategy<Value = Money> {
    prop_oneof![
        any::<i64>(),
        -10..1_000_000_i64,
        Just(i64::MAX),
        Just(i64::MIN)
    ]
    .prop_map(Money)
}

fn wild_repayment() -> impl Strategy<Value = Repayment> {
    prop_oneof![
        Just(Repayment::Grant),
        (
            wild_i32(),
            wild_i32(),
            prop_oneof![any::<i32>(), -2..10_i32],
            prop::collection::vec((code(), wild_i32()), 0..4)
        )
            .prop_map(|(share, start, instalments, payers)| Repayment::Fixed(
                sif::model::FixedRepayment {
                    share,
                    start,
                    instalments,
                    payers: payers
                        .into_iter()
                        .map(|(actor, weight)| Payer { actor, weight })
                        .collect(),
                }
            )),
        (wild_i32(), wild_i32(), wild_i32())
            .prop_map(|(share, start, cap)| Repayment::FromSavings { share, start, cap }),
    ]
}

fn wild_initiative() -> impl Strategy<Value = Initiative> {
    (
        code(),
        code(),
        0..4_usize,
        prop::option::of(wild_i32()),
        prop::collection::vec((wild_i32(), wild_money(), wild_money(), 0..3_usize), 0..4),
        prop::collection::vec(
            (code(), wild_i32(), wild_i32(), wild_money(), any::<bool>()),
            0..4,
        ),
        wild_repayment(),
        prop::collection::vec(
            (
                wild_i32(),
                wild_money(),
                prop::collection::vec((code(), wild_money()), 0..3),
            ),
            0..3,
        ),
    )
        .prop_map(
            |(code, owner, status, ended, costs, savings, repayment, actuals)| Initiative {
                name: code.clone(),
                code,
                owner,
                status: Status::ALL[status],
                ended,
                costs: costs
                    .into_iter()
                    .map(|(year, fund, own, kind)| CostRow {
                        year,
                        fund,
                        own,
                        kind: CostKind::ALL[kind],
                    })
                    .collect(),
                savings: savings
                    .into_iter()
                    .map(|(actor, from, to, amount, cashable)| SavingsRow {
                        actor,
                        from,
                        to,
                        amount,
                        cashable,
                        ..Default::default()
                    })
                    .collect(),
                repayment,
                actuals: actuals
                    .into_iter()
                    .map(|(year, fund, repaid)| Actual {
                        year,
                        fund,
                        repaid: repaid
                            .into_iter()
                            .map(|(actor, amount)| ActualRepayment { actor, amount })
                            .collect(),
                        ..Default::default()
                    })
                    .collect(),
                note: String::new(),
            },
        )
}

fn wild_fund() -> impl Strategy<Value = Fund> {
    (
        (
            prop_oneof![Just(1_i64), any::<i64>()],
            any::<bool>(),
            wild_i32(),
            prop_oneof![any::<i32>(), -3..70_i32],
            prop_oneof![any::<f64>(), 0.0..25.0_f64],
            code(),
            prop::option::of(wild_i32()),
        ),
        prop::collection::vec((code(), any::<bool>()), 0..5),
        prop::collection::vec(("[0-9-]{0,12}", wild_money(), any::<bool>()), 0..3),
        prop::collection::vec(wild_initiative(), 0..4),
        prop::collection::vec(("[a-zB]{0,5}", wild_i32(), wild_i32(), wild_i32()), 0..3),
        prop::collection::vec((wild_i32(), wild_money(), wild_money()), 0..3),
    )
        .prop_map(
            |(
                (format, appropriation, first_year, years, discount_rate, holder, closed_through),
                actors,
                capital,
                initiatives,
                scenarios,
                budget,
            )| Fund {
                format,
                name: "Vild fond".into(),
                organisation: String::new(),
                org_number: Some("nonsense".into()),
                model: if appropriation {
                    FundingModel::AnnualAppropriation
                } else {
                    FundingModel::EarmarkedEquity
                },
                first_year,
                years,
                discount_rate,
                holder,
                closed_through,
                actors: actors
                    .into_iter()
                    .map(|(code, committee)| Actor {
                        name: code.clone(),
                        code,
                        kind: if committee {
                            ActorKind::Committee
                        } else {
                            ActorKind::External
                        },
                    })
                    .collect(),
                capital: capital
                    .into_iter()
                    .map(|(date, amount, earmark)| CapitalEvent {
                        date: date.into(),
                        amount,
                        kind: if earmark {
                            CapitalKind::Earmark
                        } else {
                            CapitalKind::Release
                        },
                        note: String::new(),
                    })
                    .collect(),
                initiatives,
                scenarios: scenarios
                    .into_iter()
                    .map(|(name, savings_factor, cost_factor, delay)| Scenario {
                        name,
                        savings_factor,
                        cost_factor,
                        delay,
                    })
                    .collect(),
                budget: budget
                    .into_iter()
                    .map(|(year, result_before_fund, realisation_gains)| BudgetYear {
                        year,
                        result_before_fund,
                        realisation_gains,
                        ..Default::default()
                    })
                    .collect(),
                unrestored_deficits: Vec::new(),
                appraisal: Default::default(),
                accounts: Default::default(),
            },
        )
}

/// Edit a sample fund's text at random: delete, insert or replace a few bytes.
fn mangled_sample() -> impl Strategy<Value = Vec<u8>> {
    (
        0..sif::samples::SAMPLES.len(),
        prop::collection::vec((any::<prop::sample::Index>(), 0..3_u8, any::<u8>()), 1..6),
    )
        .prop_map(|(sample, edits)| {
            let mut bytes = sif::samples::SAMPLES[sample].text.as_bytes().to_vec();
            for (at, op, byte) in edits {
                if bytes.is_empty() {
                    break;
                }
                let i = at.index(bytes.len());
                match op {
                    0 => {
                        bytes.remove(i);
                    }
                    1 => bytes.insert(i, byte),
                    _ => bytes[i] = byte,
                }
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn no_panic_on_any_fund_through_validate_and_project(fund in wild_fund()) {
        let report = validate(&fund);
        // The engine must not panic even on a fund that has errors (the app shows them).
        for options in all_options(&fund) {
            let _ = project(&fund, &options);
        }
        // And a fund is invalid whenever a rule is plainly broken.
        if fund.format != 1 || fund.holder.is_empty() || !(1..=60).contains(&fund.years) {
            prop_assert!(report.has_errors());
        }
    }

    #[test]
    fn no_panic_on_any_fund_through_save_and_load(fund in wild_fund()) {
        if let Ok(text) = store::to_ron_string(&fund)
            && let Ok(back) = store::parse_str(&text, "wild.ron")
        {
            let _ = validate(&back);
            let _ = project(&back, &Options::default());
        }
    }

    #[test]
    fn no_panic_on_mangled_files(bytes in mangled_sample()) {
        match store::parse_bytes(&bytes, "mangled.ron") {
            Ok(fund) => {
                let report = validate(&fund);
                if !report.has_errors() {
                    project(&fund, &Options::default()).unwrap();
                }
            }
            Err(e) => {
                // Every refusal names the file, and positions are 1-based.
                prop_assert!(e.to_string().contains("mangled.ron"));
                if let Some((line, col)) = e.position() {
                    prop_assert!(line >= 1 && col >= 1);
                }
            }
        }
    }

    #[test]
    fn no_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = store::parse_bytes(&bytes, "bytes.ron");
    }
}
