//! The journal of SPEC §6 (order, numbering, dimensions, plan and actuals, balances, the
//! invariants) and the budget of SPEC §7 (`#PBUDGET`: the plan at the finest grain over twelve
//! months), on every sample fund and scenario and on generated funds.

use std::collections::BTreeMap;

use proptest::prelude::*;

use sif::engine::{Options, Projection, project};
use sif::generate::{GenerateParams, generate_fund};
use sif::ledger::budget::{BudgetFilter, BudgetObject, budget};
use sif::ledger::{self, AccountRole, Basis, Journal, LedgerError, VoucherOrigin};
use sif::model::{Fund, FundingModel};
use sif::money::Money;
use sif::store;

const SAMPLES: [&str; 4] = ["exempelkommun", "uppfoljning", "region", "smakommun"];

fn sample(name: &str) -> Fund {
    let text = sif::samples::template(name).expect("sample exists");
    store::parse_str(text, name).expect("sample parses")
}

fn journal_for(fund: &Fund, scenario: Option<&str>, include_proposed: bool) -> Journal {
    let options = Options::named(fund, scenario, include_proposed).unwrap();
    let projection = project(fund, &options).unwrap();
    ledger::journal(fund, &projection).unwrap()
}

/// Where a voucher stands in the order of SPEC §6: step 1, 2, 3, then 4a (re-earmarking) and
/// 4b (use).
fn step(origin: &VoucherOrigin) -> u32 {
    match origin {
        VoucherOrigin::Capital { .. } => 1,
        VoucherOrigin::Disbursement { .. } => 2,
        VoucherOrigin::Repayment { .. } => 3,
        VoucherOrigin::Reearmarking => 4,
        VoucherOrigin::EquityUse => 5,
    }
}

/// Check every property SPEC §6 promises for one fund and scenario.
fn check_journal(fund: &Fund, options: &Options) -> Result<(), String> {
    let projection = project(fund, options).map_err(|e| e.to_string())?;
    let journal = ledger::journal(fund, &projection).map_err(|e| e.to_string())?;
    let a = &fund.accounts;
    // The fund's own accounts: the only ones a voucher may book on. Never the cost kinds
    // (wages, purchases), never a bank.
    let own = [
        a.fund_equity,
        a.free_equity,
        a.internal_income,
        a.internal_cost,
    ];
    for v in journal.vouchers() {
        if !v.sum().unwrap().is_zero() {
            return Err(format!("{} does not balance: {:?}", v.label(), v.sum()));
        }
        if v.rows.is_empty() || v.rows.iter().any(|r| r.amount.is_zero()) {
            return Err(format!("{} has no rows or a zero row", v.label()));
        }
        if let Some(r) = v.rows.iter().find(|r| !own.contains(&r.account)) {
            return Err(format!(
                "{} books {} outside the fund's set",
                v.label(),
                r.account
            ));
        }
        if v.series != a.voucher_series {
            return Err(format!(
                "{} is not in the series {}",
                v.label(),
                a.voucher_series
            ));
        }
        // Steps 2–3 carry both objects, steps 1 and 4 none.
        let objects = matches!(
            v.origin,
            VoucherOrigin::Disbursement { .. } | VoucherOrigin::Repayment { .. }
        );
        if v.rows
            .iter()
            .any(|r| r.dim1.is_some() != objects || r.dim6.is_some() != objects)
        {
            return Err(format!("{}: objects on the wrong rows", v.label()));
        }
        let status = match v.basis {
            Basis::Plan => " (plan)",
            Basis::Actual => " (utfall)",
        };
        if !v.text.ends_with(status) {
            return Err(format!(
                "{}: text {:?} without its status",
                v.label(),
                v.text
            ));
        }
    }
    let mut carried: BTreeMap<u32, Money> = BTreeMap::new();
    for y in journal.years() {
        let i = (y - fund.first_year) as usize;
        let st = &projection.statement[i];
        let basis = if i < projection.closed_years {
            Basis::Actual
        } else {
            Basis::Plan
        };
        // Numbered 1, 2, 3 … within the year; dates ascending and inside the year; steps in
        // the order of SPEC §6.
        let vs = journal.vouchers_in(y);
        for (k, v) in vs.iter().enumerate() {
            if v.number as usize != k + 1 || v.year != y || !v.date.starts_with(&y.to_string()) {
                return Err(format!("bad numbering or date at {}", v.label()));
            }
            if v.basis != basis {
                return Err(format!(
                    "{}: basis {:?}, expected {basis:?}",
                    v.label(),
                    v.basis
                ));
            }
        }
        if vs.windows(2).any(|w| w[0].date > w[1].date) {
            return Err(format!("dates out of order in {y}"));
        }
        if vs
            .windows(2)
            .any(|w| step(&w[0].origin) > step(&w[1].origin))
        {
            return Err(format!("steps out of order in {y}"));
        }
        // Step amounts are the statement's.
        let total = |f: fn(&VoucherOrigin) -> bool| -> i64 {
            vs.iter()
                .filter(|v| f(&v.origin))
                .map(|v| {
                    v.rows
                        .iter()
                        .filter(|r| r.amount.0 > 0)
                        .map(|r| r.amount.0)
                        .sum::<i64>()
                })
                .sum()
        };
        if total(|o| matches!(o, VoucherOrigin::Disbursement { .. })) != st.disbursed.0 {
            return Err(format!("{y}: step 2 is not the year's disbursements"));
        }
        if total(|o| matches!(o, VoucherOrigin::Repayment { .. })) != st.repaid.0 {
            return Err(format!("{y}: step 3 is not the year's repayments"));
        }
        let earmarked = fund.model == FundingModel::EarmarkedEquity;
        let (reearmark, used) = if earmarked {
            (st.repaid.0, st.fund_used.0)
        } else {
            (0, 0)
        };
        if total(|o| matches!(o, VoucherOrigin::Reearmarking)) != reearmark
            || total(|o| matches!(o, VoucherOrigin::EquityUse)) != used
        {
            return Err(format!("{y}: step 4 is not repaid / fund_used"));
        }
        if used > st.disbursed.0 {
            return Err(format!("{y}: more equity used than disbursed"));
        }

        let tb = journal.trial_balance(y);
        let sum = |f: fn(&ledger::TrialBalanceRow) -> i64| tb.iter().map(f).sum::<i64>();
        if sum(|r| r.opening.0) != 0 || sum(|r| r.debit.0) != sum(|r| r.credit.0) {
            return Err(format!("trial balance of {y} does not balance"));
        }
        // Every balance account opens at the previous closing; result accounts open at zero
        // and net to zero each year.
        let mut result = 0;
        for r in tb {
            let account = journal.account(r.account).unwrap();
            if account.is_balance() {
                let previous = carried.get(&r.account).copied().unwrap_or(Money::ZERO);
                if r.opening != previous {
                    return Err(format!(
                        "{y}: {} opens at {:?}, closed at {previous:?}",
                        r.account, r.opening
                    ));
                }
            } else {
                if !r.opening.is_zero() {
                    return Err(format!(
                        "{y}: result account {} opens at {:?}",
                        r.account, r.opening
                    ));
                }
                result += r.closing.0;
            }
            if r.closing != Money(r.opening.0 + r.debit.0 - r.credit.0) {
                return Err(format!(
                    "{y}: {} closing is not opening + debit − credit",
                    r.account
                ));
            }
        }
        for (&n, &c) in &carried {
            if !c.is_zero() && !tb.iter().any(|r| r.account == n) {
                return Err(format!("{y}: {n} lost its balance {c:?}"));
            }
        }
        for r in tb {
            if journal.account(r.account).unwrap().is_balance() {
                carried.insert(r.account, r.closing);
            }
        }
        if result != 0 {
            return Err(format!("{y}: the result accounts net to {result}"));
        }
        // Σ internal_cost = Σ internal_income.
        let cost = journal.balance(y, a.internal_cost).movement().0;
        let income = journal.balance(y, a.internal_income).movement().0;
        if a.internal_cost != a.internal_income && cost != -income {
            return Err(format!(
                "{y}: internal cost {cost} ≠ internal income {}",
                -income
            ));
        }
        match fund.model {
            FundingModel::EarmarkedEquity => {
                if st.closing.0 >= 0 && journal.fund_balance(y) != st.closing {
                    return Err(format!(
                        "{y}: fund_equity says {:?}, the statement closing is {:?}",
                        journal.fund_balance(y),
                        st.closing
                    ));
                }
            }
            FundingModel::AnnualAppropriation => {
                if tb
                    .iter()
                    .any(|r| r.account == a.fund_equity || r.account == a.free_equity)
                {
                    return Err(format!("{y}: equity booked under AnnualAppropriation"));
                }
            }
        }
        check_budget(fund, &projection, y)?;
    }
    Ok(())
}

/// The budget of SPEC §7 for one year: the finest grain is the plan, the twelve months sum to
/// it, the rows are the sums of the cells they cover, in the specified order.
fn check_budget(fund: &Fund, projection: &Projection, year: i32) -> Result<(), String> {
    let b = budget(fund, projection, year).map_err(|e| e.to_string())?;
    let i = (year - fund.first_year) as usize;
    let a = &fund.accounts;
    let holder = fund.actor_index(&fund.holder).unwrap();
    // The plan at the finest grain, from the projection's planned figures.
    let mut expected: BTreeMap<(u32, usize, usize), i64> = BTreeMap::new();
    for p in &projection.initiatives {
        let ini = &fund.initiatives[p.index];
        let owner = fund.actor_index(&ini.owner).unwrap();
        let kinds = p.planned_fund_cost_by_kind[i];
        let planned: i64 = kinds.iter().map(|m| m.0).sum();
        if planned > 0 {
            *expected
                .entry((a.internal_cost, holder, p.index))
                .or_default() += planned;
            *expected
                .entry((a.internal_income, owner, p.index))
                .or_default() -= planned;
            for (k, acc) in [a.staff, a.services, a.other].into_iter().enumerate() {
                *expected.entry((acc, owner, p.index)).or_default() += kinds[k].0;
            }
        }
        for f in &p.repayments {
            if f.planned[i].0 > 0 {
                *expected
                    .entry((a.internal_cost, f.actor, p.index))
                    .or_default() += f.planned[i].0;
                *expected
                    .entry((a.internal_income, holder, p.index))
                    .or_default() -= f.planned[i].0;
            }
        }
    }
    expected.retain(|_, v| *v != 0);
    let got: BTreeMap<(u32, usize, usize), i64> = b
        .cells()
        .iter()
        .map(|c| ((c.account, c.actor, c.initiative), c.amount.0))
        .collect();
    if got != expected || got.len() != b.cells().len() {
        return Err(format!("{year}: budget cells {got:?} ≠ plan {expected:?}"));
    }
    for c in b.cells() {
        let sum: i64 = c.months.iter().map(|m| m.0).sum();
        if sum != c.amount.0 {
            return Err(format!("{year}: months of {c:?} do not sum"));
        }
        // Equal weights: the months differ by at most one krona, the larger ones first.
        let abs: Vec<i64> = c.months.iter().map(|m| m.0.abs()).collect();
        if abs.windows(2).any(|w| w[0] < w[1] || w[0] - w[1] > 1)
            || c.months.iter().any(|m| m.0 * c.amount.0.signum() < 0)
        {
            return Err(format!("{year}: {c:?} is not an equal split"));
        }
    }
    // Rows: months in order, accounts ascending, {} then actors then initiatives; no zeros;
    // each is the sum of the cells it covers.
    let rank = |o: &BudgetObject| match o {
        BudgetObject::All => (0, 0),
        BudgetObject::Actor(c) => (1, fund.actor_index(c).unwrap()),
        BudgetObject::Initiative(c) => (
            2,
            fund.initiatives.iter().position(|x| &x.code == c).unwrap(),
        ),
    };
    let rows = b.rows();
    if rows.windows(2).any(|w| {
        (w[0].month, w[0].account, rank(&w[0].object))
            >= (w[1].month, w[1].account, rank(&w[1].object))
    }) {
        return Err(format!("{year}: budget rows out of order"));
    }
    let mut want = Vec::new();
    for m in 0..12 {
        let accounts: std::collections::BTreeSet<u32> =
            b.cells().iter().map(|c| c.account).collect();
        for acc in accounts {
            let cells: Vec<_> = b.cells().iter().filter(|c| c.account == acc).collect();
            let mut keys = vec![BudgetObject::All];
            let mut actors: Vec<usize> = cells.iter().map(|c| c.actor).collect();
            actors.sort();
            actors.dedup();
            keys.extend(
                actors
                    .iter()
                    .map(|&x| BudgetObject::Actor(fund.actors[x].code.clone())),
            );
            let mut inis: Vec<usize> = cells.iter().map(|c| c.initiative).collect();
            inis.sort();
            inis.dedup();
            keys.extend(
                inis.iter()
                    .map(|&x| BudgetObject::Initiative(fund.initiatives[x].code.clone())),
            );
            for key in keys {
                let amount: i64 = cells
                    .iter()
                    .filter(|c| match &key {
                        BudgetObject::All => true,
                        BudgetObject::Actor(code) => &fund.actors[c.actor].code == code,
                        BudgetObject::Initiative(code) => {
                            &fund.initiatives[c.initiative].code == code
                        }
                    })
                    .map(|c| c.months[m].0)
                    .sum();
                if amount != 0 {
                    want.push((m as u32 + 1, acc, key, amount));
                }
            }
        }
    }
    let have: Vec<_> = rows
        .iter()
        .map(|r| (r.month, r.account, r.object.clone(), r.amount.0))
        .collect();
    if have != want {
        return Err(format!("{year}: budget rows differ from the cells' sums"));
    }
    // Each dimension's objects sum to the account's total, per month.
    for m in 1..=12 {
        for acc in b.accounts().iter().map(|x| x.number) {
            let of = |k: u8| -> i64 {
                rows.iter()
                    .filter(|r| r.month == m && r.account == acc)
                    .filter(|r| rank(&r.object).0 == k)
                    .map(|r| r.amount.0)
                    .sum()
            };
            if of(0) != of(1) || of(0) != of(2) {
                return Err(format!(
                    "{year}-{m}: {acc}: {{}} {} ≠ actors {} or initiatives {}",
                    of(0),
                    of(1),
                    of(2)
                ));
            }
        }
    }
    // The table for people: the whole year per account, and by filter.
    let table = b
        .table(fund, &BudgetFilter::All)
        .map_err(|e| e.to_string())?;
    for line in &table {
        let cells: i64 = b
            .cells()
            .iter()
            .filter(|c| c.account == line.account)
            .map(|c| c.amount.0)
            .sum();
        if line.total.0 != cells || line.months.iter().map(|m| m.0).sum::<i64>() != cells {
            return Err(format!("{year}: table line {} does not sum", line.account));
        }
    }
    Ok(())
}

#[test]
fn every_sample_and_scenario_keeps_the_invariants_of_the_journal_and_the_budget() {
    for name in SAMPLES {
        let fund = sample(name);
        let mut scenarios = vec![None];
        scenarios.extend(fund.scenarios.iter().map(|s| Some(s.name.as_str())));
        for scenario in scenarios {
            for include_proposed in [false, true] {
                let options = Options::named(&fund, scenario, include_proposed).unwrap();
                check_journal(&fund, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
    }
}

#[test]
fn the_sample_files_on_disk_are_the_built_in_samples() {
    for name in SAMPLES {
        let path = format!("{}/sample_funds/{name}.ron", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        assert_eq!(text, sif::samples::template(name).unwrap(), "{name}");
    }
}

#[test]
fn worked_example_first_year_is_earmark_allocation_then_equity_use() {
    let fund = sample("exempelkommun");
    let j = journal_for(&fund, None, false);
    let v = j.vouchers_in(2025);
    assert_eq!(v.len(), 3);

    assert_eq!(v[0].label(), "SI 2025:1");
    assert_eq!(v[0].date, "2025-02-15");
    assert_eq!(
        v[0].text,
        "Öronmärkning till fonden, KF 2025-02-15 § 12 (plan)"
    );
    assert_eq!(v[0].basis, Basis::Plan);
    let rows: Vec<(u32, i64)> = v[0].rows.iter().map(|r| (r.account, r.amount.0)).collect();
    assert_eq!(rows, [(2010, 20_000_000), (2015, -20_000_000)]);

    assert_eq!(v[1].date, "2025-12-31");
    assert_eq!(
        v[1].origin,
        VoucherOrigin::Disbursement {
            initiative: "P101".into()
        }
    );
    let rows: Vec<(u32, i64, Option<&str>, Option<&str>)> = v[1]
        .rows
        .iter()
        .map(|r| (r.account, r.amount.0, r.dim1.as_deref(), r.dim6.as_deref()))
        .collect();
    // The internal allocation only: no wages, no bank.
    assert_eq!(
        rows,
        [
            (7890, 2_000_000, Some("KS"), Some("P101")),
            (3890, -2_000_000, Some("BUN"), Some("P101")),
        ]
    );

    assert_eq!(v[2].origin, VoucherOrigin::EquityUse);
    let rows: Vec<(u32, i64, bool)> = v[2]
        .rows
        .iter()
        .map(|r| (r.account, r.amount.0, r.dim1.is_none() && r.dim6.is_none()))
        .collect();
    assert_eq!(rows, [(2015, 2_000_000, true), (2010, -2_000_000, true)]);
    assert_eq!(j.fund_balance(2025), Money(18_000_000));
    // The chart of the vouchers is the four accounts of the fund's own entries.
    let (accounts, _) = j.used_by(j.vouchers());
    let numbers: Vec<u32> = accounts.iter().map(|a| a.number).collect();
    assert_eq!(numbers, [2010, 2015, 3890, 7890]);
}

#[test]
fn repayments_are_booked_per_payer_and_re_earmarked_before_the_use() {
    let fund = sample("exempelkommun");
    let j = journal_for(&fund, None, false);
    // 2028: P101's fixed instalment 600 000 split 80/20 (SN, BUN), then P102 from savings.
    let repayments: Vec<(String, String, i64)> = j
        .vouchers_in(2028)
        .iter()
        .filter_map(|v| match &v.origin {
            VoucherOrigin::Repayment { initiative, payer } => {
                Some((initiative.clone(), payer.clone(), v.rows[0].amount.0))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        repayments,
        [
            ("P101".into(), "SN".into(), 480_000),
            ("P101".into(), "BUN".into(), 120_000),
            ("P102".into(), "SN".into(), 1_250_000),
        ]
    );
    let sn = j
        .vouchers_in(2028)
        .iter()
        .find(|v| v.text.starts_with("Återföring från SN för P101"))
        .unwrap();
    let rows: Vec<(u32, i64, Option<&str>, Option<&str>)> = sn
        .rows
        .iter()
        .map(|r| (r.account, r.amount.0, r.dim1.as_deref(), r.dim6.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            (7890, 480_000, Some("SN"), Some("P101")),
            (3890, -480_000, Some("KS"), Some("P101")),
        ]
    );
    // The year ends with the re-earmarking of 1 850 000, then the use of equity.
    let vs = j.vouchers_in(2028);
    let re = &vs[vs.len() - 2];
    assert_eq!(re.origin, VoucherOrigin::Reearmarking);
    let rows: Vec<(u32, i64)> = re.rows.iter().map(|r| (r.account, r.amount.0)).collect();
    assert_eq!(rows, [(2010, 1_850_000), (2015, -1_850_000)]);
    assert_eq!(vs.last().unwrap().origin, VoucherOrigin::EquityUse);
}

#[test]
fn closed_years_book_actuals_in_the_specified_order() {
    let fund = sample("uppfoljning");
    let options = Options::default();
    let projection = project(&fund, &options).unwrap();
    let j = ledger::journal(&fund, &projection).unwrap();
    let first_closed = fund.first_year;
    assert!(j.is_closed(first_closed));
    let vs = j.vouchers_in(first_closed);
    assert!(vs.iter().all(|v| v.basis == Basis::Actual));
    assert!(vs.iter().all(|v| v.text.ends_with(" (utfall)")));
    // Disbursements of the actual figures, in file order.
    let i = 0;
    let disbursed: Vec<(String, i64)> = vs
        .iter()
        .filter_map(|v| match &v.origin {
            VoucherOrigin::Disbursement { initiative } => {
                Some((initiative.clone(), v.rows[0].amount.0))
            }
            _ => None,
        })
        .collect();
    let expected: Vec<(String, i64)> = projection
        .initiatives
        .iter()
        .filter(|p| p.fund_cost[i].0 > 0)
        .map(|p| (fund.initiatives[p.index].code.clone(), p.fund_cost[i].0))
        .collect();
    assert_eq!(disbursed, expected);
    // The configured accounts are used.
    assert!(vs.iter().flat_map(|v| &v.rows).all(|r| {
        [
            fund.accounts.fund_equity,
            fund.accounts.free_equity,
            fund.accounts.internal_cost,
            fund.accounts.internal_income,
        ]
        .contains(&r.account)
    }));
    let st = &projection.statement[i];
    assert_eq!(j.fund_balance(first_closed), st.closing);
    // An open year is plan.
    let open = j.last_closed_year().unwrap() + 1;
    assert!(
        j.vouchers_in(open)
            .iter()
            .all(|v| v.basis == Basis::Plan && v.text.ends_with(" (plan)"))
    );
}

#[test]
fn a_capital_voucher_names_the_decision_and_is_dated_on_it() {
    let fund = sample("uppfoljning");
    let j = journal_for(&fund, None, false);
    for (index, ev) in fund.capital.iter().enumerate() {
        let Some(v) = j
            .vouchers()
            .iter()
            .find(|v| matches!(v.origin, VoucherOrigin::Capital { index: k, .. } if k == index))
        else {
            assert!(ev.amount.is_zero());
            continue;
        };
        assert_eq!(v.date, ev.date.as_str());
        assert!(v.text.contains(ev.note.trim()), "{}", v.text);
        let (debit, credit) = match ev.kind {
            sif::model::CapitalKind::Earmark => {
                (fund.accounts.free_equity, fund.accounts.fund_equity)
            }
            sif::model::CapitalKind::Release => {
                (fund.accounts.fund_equity, fund.accounts.free_equity)
            }
        };
        let rows: Vec<(u32, i64)> = v.rows.iter().map(|r| (r.account, r.amount.0)).collect();
        assert_eq!(rows, [(debit, ev.amount.0), (credit, -ev.amount.0)]);
    }
}

#[test]
fn the_use_of_equity_never_exceeds_what_the_fund_holds() {
    // A fund that promises more than it holds: the use stops at the balance, the rest is
    // unfunded and the fund account never goes into debit.
    let mut fund = sample("exempelkommun");
    for ini in &mut fund.initiatives {
        for c in &mut ini.costs {
            c.fund = Money(c.fund.0 * 4);
        }
    }
    let projection = project(&fund, &Options::default()).unwrap();
    assert!(projection.statement.iter().any(|s| s.unfunded.0 > 0));
    let j = ledger::journal(&fund, &projection).unwrap();
    for st in &projection.statement {
        let used: i64 = j
            .vouchers_in(st.year)
            .iter()
            .filter(|v| v.origin == VoucherOrigin::EquityUse)
            .map(|v| v.rows[0].amount.0)
            .sum();
        assert_eq!(used, st.fund_used.0, "{}", st.year);
        assert!(j.fund_balance(st.year).0 >= 0);
        assert_eq!(j.fund_balance(st.year), st.closing);
    }
    check_journal(&fund, &Options::default()).unwrap();
}

#[test]
fn proposed_initiatives_are_booked_only_when_asked() {
    let fund = sample("exempelkommun");
    let without = journal_for(&fund, None, false);
    let with = journal_for(&fund, None, true);
    let has_p103 = |j: &Journal| {
        j.vouchers()
            .iter()
            .any(|v| v.rows.iter().any(|r| r.dim6.as_deref() == Some("P103")))
    };
    assert!(!has_p103(&without));
    assert!(has_p103(&with));
    assert!(with.object(6, "P103").is_some());
}

#[test]
fn annual_appropriation_books_no_equity() {
    let mut fund = sample("exempelkommun");
    fund.model = FundingModel::AnnualAppropriation;
    let j = journal_for(&fund, None, false);
    assert!(j.vouchers().iter().all(|v| {
        !matches!(
            v.origin,
            VoucherOrigin::Capital { .. } | VoucherOrigin::EquityUse | VoucherOrigin::Reearmarking
        )
    }));
    assert!(
        j.vouchers()
            .iter()
            .flat_map(|v| &v.rows)
            .all(|r| r.account != 2015 && r.account != 2010)
    );
    check_journal(&fund, &Options::default()).unwrap();
}

#[test]
fn balance_accounts_carry_over_exactly_and_result_accounts_start_at_zero() {
    let fund = sample("exempelkommun");
    let j = journal_for(&fund, None, false);
    for y in 2025..2034 {
        for a in [2010, 2015] {
            assert_eq!(j.balance(y, a).closing, j.balance(y + 1, a).opening);
        }
        let result: i64 = j
            .trial_balance(y)
            .iter()
            .filter(|r| !j.account(r.account).unwrap().is_balance())
            .map(|r| r.closing.0)
            .sum();
        assert_eq!(result, 0);
        assert!(j.balance(y + 1, 7890).opening.is_zero());
        assert!(j.balance(y + 1, 3890).opening.is_zero());
    }
    // The whole horizon: balance accounts close where the last year closes.
    for r in j.horizon_balance() {
        if j.account(r.account).unwrap().is_balance() {
            assert_eq!(r.closing, j.balance(j.last_year(), r.account).closing);
        }
    }
}

#[test]
fn the_budget_of_the_worked_example_spreads_the_plan_over_the_months() {
    let fund = sample("exempelkommun");
    let projection = project(&fund, &Options::default()).unwrap();
    let b = budget(&fund, &projection, 2026).unwrap();
    // P101 2026: staff 2 000 000 and services 500 000 on BUN; the allocation of 2 500 000
    // from KS. 2 000 000 / 12 = 166 666 r 8: the first eight months take 166 667.
    let staff = b
        .cells()
        .iter()
        .find(|c| c.account == 5110 && fund.initiatives[c.initiative].code == "P101")
        .unwrap();
    assert_eq!(staff.amount, Money(2_000_000));
    assert_eq!(staff.months[0], Money(166_667));
    assert_eq!(staff.months[7], Money(166_667));
    assert_eq!(staff.months[8], Money(166_666));
    let income = b
        .cells()
        .iter()
        .find(|c| c.account == 3890 && fund.initiatives[c.initiative].code == "P101")
        .unwrap();
    assert_eq!(fund.actors[income.actor].code, "BUN");
    assert!(income.amount.0 < 0);
    assert!(income.months.iter().all(|m| m.0 < 0));
    // The first row is January's internal cost account as a whole.
    let first = &b.rows()[0];
    assert_eq!(
        (first.month, first.account, &first.object),
        (1, 3890, &BudgetObject::All)
    );
    // Filtering by a committee keeps its cells only.
    let bun = b.table(&fund, &BudgetFilter::Actor("BUN".into())).unwrap();
    assert!(bun.iter().all(|l| l.account != 7890 || l.total.0 >= 0));
    assert!(
        bun.iter()
            .any(|l| l.account == 5110 && l.total.0 >= 2_000_000)
    );
}

#[test]
fn a_closed_years_budget_is_the_plan_not_the_outcome() {
    let fund = sample("uppfoljning");
    let projection = project(&fund, &Options::default()).unwrap();
    let y = fund.first_year;
    let b = budget(&fund, &projection, y).unwrap();
    let planned: i64 = projection
        .initiatives
        .iter()
        .map(|p| {
            p.planned_fund_cost_by_kind[0]
                .iter()
                .map(|m| m.0)
                .sum::<i64>()
        })
        .sum();
    let actual: i64 = projection.statement[0].disbursed.0;
    assert_ne!(
        planned, actual,
        "the sample's closed year differs from its plan"
    );
    let holder = fund.actor_index(&fund.holder).unwrap();
    let allocated: i64 = b
        .cells()
        .iter()
        .filter(|c| c.account == fund.accounts.internal_cost && c.actor == holder)
        .map(|c| c.amount.0)
        .sum();
    let holder_repays: i64 = projection
        .initiatives
        .iter()
        .flat_map(|p| &p.repayments)
        .filter(|f| f.actor == holder)
        .map(|f| f.planned[0].0)
        .sum();
    assert_eq!(allocated, planned + holder_repays);
    assert!(matches!(
        budget(&fund, &projection, y + 100).unwrap_err(),
        LedgerError::YearOutsideHorizon { .. }
    ));
}

#[test]
fn account_names_are_swedish_with_their_roles() {
    let fund = sample("exempelkommun");
    let j = journal_for(&fund, None, false);
    assert_eq!(
        j.account(2015).unwrap().name,
        "Öronmärkt eget kapital, sociala investeringar"
    );
    assert_eq!(j.account(2010).unwrap().name, "Övrigt eget kapital");
    assert_eq!(j.account(5110).unwrap().roles, [AccountRole::Staff]);
}

#[test]
fn a_chart_the_ledger_cannot_book_on_is_refused_with_the_field() {
    let mut fund = sample("exempelkommun");
    fund.accounts.fund_equity = 3015;
    let p = project(&fund, &Options::default()).unwrap();
    let e = ledger::journal(&fund, &p).unwrap_err();
    assert!(matches!(
        e,
        LedgerError::AccountClass {
            field: "fund_equity",
            number: 3015,
            ..
        }
    ));
    assert!(e.to_string().contains("fund_equity (3015)"));

    let mut fund = sample("exempelkommun");
    fund.accounts.free_equity = 2015;
    let e = ledger::journal(&fund, &p).unwrap_err();
    assert!(matches!(
        e,
        LedgerError::SharedFundEquity {
            number: 2015,
            other: "free_equity"
        }
    ));

    // Roles may share an account: one cost account for every kind.
    let mut fund = sample("exempelkommun");
    fund.accounts.services = 5110;
    fund.accounts.other = 5110;
    let j = ledger::journal(&fund, &p).unwrap();
    assert_eq!(
        j.account(5110).unwrap().name,
        "Personalkostnader / Köp av tjänster / Övriga kostnader"
    );
    check_budget(&fund, &p, 2026).unwrap();
}

#[test]
fn the_voucher_series_is_the_funds() {
    let mut fund = sample("exempelkommun");
    fund.accounts.voucher_series = "SOC".into();
    let j = journal_for(&fund, None, false);
    assert!(j.vouchers().iter().all(|v| v.series == "SOC"));
    assert_eq!(j.vouchers()[0].label(), "SOC 2025:1");
}

#[test]
fn a_projection_of_another_fund_is_refused() {
    let a = sample("exempelkommun");
    let b = sample("uppfoljning");
    let p = project(&b, &Options::default()).unwrap();
    assert_eq!(
        ledger::journal(&a, &p).unwrap_err(),
        LedgerError::ProjectionMismatch
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_funds_keep_the_invariants_of_the_journal_and_the_budget(
        initiatives in 0_usize..25,
        years in 1_i32..16,
        actors in 2_usize..14,
        seed in any::<u64>(),
        appropriation in any::<bool>(),
        scenario in 0_usize..3,
        include_proposed in any::<bool>(),
        closed in 0_i32..4,
    ) {
        let mut fund = generate_fund(&GenerateParams { initiatives, years, actors, seed });
        if appropriation {
            fund.model = FundingModel::AnnualAppropriation;
        }
        if closed == 0 {
            // Reopen every year: a plan only.
            fund.closed_through = None;
            for ini in &mut fund.initiatives {
                ini.actuals.clear();
            }
        }
        let name = match scenario {
            0 => None,
            k => fund.scenarios.get(k - 1).map(|s| s.name.clone()),
        };
        let options = Options::named(&fund, name.as_deref(), include_proposed).unwrap();
        if let Err(e) = check_journal(&fund, &options) {
            prop_assert!(false, "{}", e);
        }
    }
}

/// The backticked items of a markdown table cell.
fn ticked(cell: &str) -> Vec<String> {
    cell.split('`')
        .enumerate()
        .filter(|(k, _)| k % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

/// The rows `| character | written as |` of the table that follows `heading` in the docs.
fn docs_table(docs: &str, heading: &str) -> Vec<(Vec<String>, String)> {
    let start = docs.find(heading).expect("heading in docs/ledger.md");
    docs[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").collect();
            let from = if cells[0].contains("U+00AD") {
                vec!["\u{ad}".to_string()]
            } else {
                ticked(cells[0])
            };
            let to = ticked(cells[1]).into_iter().next().unwrap_or_default();
            (from, to)
        })
        .collect()
}

#[test]
fn the_documented_transliteration_tables_are_the_ones_the_code_uses() {
    use sif::ledger::cp437;
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ledger.md")).unwrap();
    let symbols = docs_table(&docs, "Symbols:");
    let mut documented: Vec<(char, String)> = symbols
        .iter()
        .flat_map(|(from, to)| {
            from.iter()
                .map(move |c| (c.chars().next().unwrap(), to.clone()))
        })
        .collect();
    let mut code: Vec<(char, String)> = cp437::SYMBOLS
        .iter()
        .map(|(c, s)| (*c, s.to_string()))
        .collect();
    documented.sort();
    code.sort();
    assert_eq!(documented, code);

    let letters = docs_table(&docs, "letters in Swedish:");
    assert!(letters.len() >= 10);
    for (from, to) in letters {
        for c in from {
            let c = c.chars().next().unwrap();
            assert_eq!(cp437::transliteration(c), Some(to.as_str()), "{c}");
        }
    }
    // The examples in the prose hold too.
    for (c, to) in [('Š', "S"), ('ł', "l"), ('ã', "a"), ('Ł', "L"), ('č', "c")] {
        assert_eq!(cp437::transliteration(c), Some(to));
    }
}
