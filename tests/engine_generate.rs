//! `sif generate` funds (used by the benchmarks and for trying Sif on a large fund): valid at
//! every size, deterministic, and mixed the way a real fund is — every status, every kind of
//! repayment, actuals with some arrears, external savers, scenarios.

use sif::engine::{Options, project};
use sif::generate::{GenerateParams, generate_fund};
use sif::model::{ActorKind, Repayment, Status};
use sif::validate::validate;

fn params(initiatives: usize, years: i32, actors: usize, seed: u64) -> GenerateParams {
    GenerateParams {
        initiatives,
        years,
        actors,
        seed,
    }
}

#[test]
fn the_benchmark_fund_is_valid() {
    let fund = generate_fund(&params(1000, 20, 30, 1));
    assert_eq!(fund.initiatives.len(), 1000);
    assert_eq!(fund.actors.len(), 30);
    assert_eq!(fund.years, 20);
    let report = validate(&fund);
    assert_eq!(report.error_count(), 0, "{:#?}", report.errors().next());
    // Warnings are part of a realistic fund: besides incomplete repayments and arrears, the
    // generator's agreements often ask payers for more than their cashable savings (the
    // coverage check of SPEC §4.7), and its random budgets leave some years out of balance.
    // Still fewer than one warning per initiative.
    assert!(report.warning_count() < 1000, "{}", report.warning_count());
}

#[test]
fn many_seeds_and_sizes_give_valid_funds() {
    for seed in 0..12_u64 {
        for (n, years, actors) in [(0, 1, 2), (1, 1, 2), (5, 3, 3), (30, 10, 8), (80, 60, 50)] {
            let fund = generate_fund(&params(n, years, actors, seed));
            let report = validate(&fund);
            assert!(
                !report.has_errors(),
                "seed {seed}, {n}×{years}×{actors}: {:#?}",
                report.errors().collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let a = sif::store::to_ron_string(&generate_fund(&params(50, 12, 10, 42))).unwrap();
    let b = sif::store::to_ron_string(&generate_fund(&params(50, 12, 10, 42))).unwrap();
    let c = sif::store::to_ron_string(&generate_fund(&params(50, 12, 10, 43))).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn a_generated_fund_looks_like_a_real_one() {
    let fund = generate_fund(&params(200, 15, 14, 3));
    let count = |f: &dyn Fn(&sif::model::Initiative) -> bool| {
        fund.initiatives.iter().filter(|i| f(i)).count()
    };
    // Every status and every kind of repayment occurs.
    for status in Status::ALL {
        assert!(count(&|i| i.status == status) > 0, "{status:?}");
    }
    assert!(count(&|i| matches!(i.repayment, Repayment::Grant)) > 20);
    assert!(count(&|i| matches!(i.repayment, Repayment::Fixed(_))) > 20);
    assert!(count(&|i| matches!(i.repayment, Repayment::FromSavings { .. })) > 20);
    // Proposals lie after the closed years; only decided initiatives have actuals.
    let closed = fund
        .closed_through
        .expect("a 15-year fund has closed years");
    for i in &fund.initiatives {
        if i.status == Status::Proposed {
            assert!(i.actuals.is_empty() && i.costs.iter().all(|c| c.year > closed));
        }
        if i.status == Status::Terminated {
            assert!(i.ended.is_some());
        }
    }
    assert!(count(&|i| !i.actuals.is_empty()) > 50);
    // Repayments were recorded, mostly as planned, sometimes short.
    let p = project(&fund, &Options::default()).unwrap();
    let flows: Vec<_> = p.initiatives.iter().flat_map(|i| &i.repayments).collect();
    let paid = flows
        .iter()
        .filter(|f| f.received[..p.closed_years].iter().any(|m| m.0 > 0))
        .count();
    let short = flows
        .iter()
        .filter(|f| f.arrears(p.closed_years).0 > 0)
        .count();
    assert!(paid > 20, "{paid}");
    assert!(short > 0 && short * 4 < paid, "{short} of {paid}");
    // External actors save but are never asked to repay.
    let externals: Vec<usize> = (0..fund.actors.len())
        .filter(|&a| fund.actors[a].kind == ActorKind::External)
        .collect();
    assert!(!externals.is_empty());
    assert!(
        p.initiatives
            .iter()
            .any(|i| i.savings.iter().any(|s| externals.contains(&s.actor)))
    );
    assert!(flows.iter().all(|f| !externals.contains(&f.actor)));
    // The fund stays solvent, and its scenarios are named in Swedish.
    assert!(p.statement.iter().all(|y| y.closing.0 >= 0));
    let names: Vec<&str> = fund.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Pessimistiskt", "Optimistiskt"]);
}
