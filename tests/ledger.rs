//! The journal of SPEC §6: order, numbering, dimensions, plan and actuals, balances, and the
//! invariant that the fund_equity balance at each year's end is the statement's closing.

use proptest::prelude::*;

use sif::engine::{Options, project};
use sif::generate::{GenerateParams, generate_fund};
use sif::ledger::{self, AccountRole, Basis, Journal, LedgerError, VoucherOrigin};
use sif::model::{Fund, FundingModel};
use sif::money::Money;
use sif::store;

fn sample(name: &str) -> Fund {
    let text = sif::samples::template(name).expect("sample exists");
    store::parse_str(text, name).expect("sample parses")
}

fn journal_for(fund: &Fund, scenario: Option<&str>, include_proposed: bool) -> Journal {
    let options = Options::named(fund, scenario, include_proposed).unwrap();
    let projection = project(fund, &options).unwrap();
    ledger::journal(fund, &projection).unwrap()
}

/// Check every property SPEC §6 promises for one fund and scenario.
fn check_journal(fund: &Fund, options: &Options) -> Result<(), String> {
    let projection = project(fund, options).map_err(|e| e.to_string())?;
    let journal = ledger::journal(fund, &projection).map_err(|e| e.to_string())?;
    for v in journal.vouchers() {
        if !v.sum().unwrap().is_zero() {
            return Err(format!("{} does not balance: {:?}", v.label(), v.sum()));
        }
        if v.rows.is_empty() {
            return Err(format!("{} has no rows", v.label()));
        }
    }
    for y in journal.years() {
        // Numbered 1, 2, 3 … within the year; dates ascending and inside the year.
        let vs = journal.vouchers_in(y);
        for (k, v) in vs.iter().enumerate() {
            if v.number as usize != k + 1 || v.year != y || !v.date.starts_with(&y.to_string()) {
                return Err(format!("bad numbering or date at {}", v.label()));
            }
        }
        if vs.windows(2).any(|w| w[0].date > w[1].date) {
            return Err(format!("dates out of order in {y}"));
        }
        let tb = journal.trial_balance(y);
        let sum = |f: fn(&ledger::TrialBalanceRow) -> i64| tb.iter().map(f).sum::<i64>();
        if sum(|r| r.opening.0) != 0 || sum(|r| r.debit.0) != sum(|r| r.credit.0) {
            return Err(format!("trial balance of {y} does not balance"));
        }
        let st = &projection.statement[(y - fund.first_year) as usize];
        match fund.model {
            FundingModel::EarmarkedEquity => {
                if journal.fund_balance(y) != st.closing {
                    return Err(format!(
                        "{y}: fund_equity says {:?}, the statement closing is {:?}",
                        journal.fund_balance(y),
                        st.closing
                    ));
                }
            }
            FundingModel::AnnualAppropriation => {
                if !journal.fund_balance(y).is_zero() {
                    return Err(format!("{y}: fund_equity booked under AnnualAppropriation"));
                }
            }
        }
        // The cost accounts carry exactly what the fund disbursed.
        let cost: i64 = [
            AccountRole::Staff,
            AccountRole::Services,
            AccountRole::Other,
        ]
        .iter()
        .map(|r| match r {
            AccountRole::Staff => fund.accounts.staff,
            AccountRole::Services => fund.accounts.services,
            _ => fund.accounts.other,
        })
        .collect::<std::collections::BTreeSet<u32>>()
        .into_iter()
        .map(|a| journal.balance(y, a).movement().0)
        .sum();
        if cost != st.disbursed.0 {
            return Err(format!(
                "{y}: cost accounts {cost} ≠ disbursed {:?}",
                st.disbursed
            ));
        }
    }
    Ok(())
}

#[test]
fn every_voucher_balances_and_fund_equity_is_the_statement_closing_for_the_samples() {
    for name in ["exempelkommun", "uppfoljning"] {
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
fn worked_example_first_year_is_earmark_disbursement_then_equity_use() {
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
    assert_eq!(
        rows,
        [
            (7890, 2_000_000, Some("KS"), Some("P101")),
            (3890, -2_000_000, Some("BUN"), Some("P101")),
            (5110, 2_000_000, Some("BUN"), Some("P101")),
            (1930, -2_000_000, Some("BUN"), Some("P101")),
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
}

#[test]
fn cost_kinds_go_to_their_accounts_and_repayments_are_booked_per_payer() {
    let fund = sample("exempelkommun");
    let j = journal_for(&fund, None, false);
    // 2026: P101 has staff 2 000 000 and services 500 000.
    let p101 = &j.vouchers_in(2026)[0];
    let kinds: Vec<(u32, i64)> = p101
        .rows
        .iter()
        .filter(|r| r.account == 5110 || r.account == 4610)
        .map(|r| (r.account, r.amount.0))
        .collect();
    assert_eq!(kinds, [(5110, 2_000_000), (4610, 500_000)]);

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
    // The year ends with the use of equity, then the re-earmarking of 1 850 000.
    let last = j.vouchers_in(2028).last().unwrap();
    assert_eq!(last.origin, VoucherOrigin::Reearmarking);
    assert_eq!(last.rows[0].amount, Money(1_850_000));
    assert_eq!(last.rows[0].account, 2010);
}

#[test]
fn closed_years_book_actuals_in_the_specified_order() {
    let fund = sample("uppfoljning");
    let j = journal_for(&fund, None, false);
    // 2025 is closed: M1 spent nothing (no voucher), M2 spent 900 000 (plan 800 000), M3
    // 250 000; SOC and UTB repaid 200 000 and 150 000.
    let texts: Vec<&str> = j
        .vouchers_in(2025)
        .iter()
        .map(|v| v.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Fondmedel till M2 Boendestöd",
            "Fondmedel till M3 Fritid för alla",
            "Återföring från SOC för M1 Skolnärvaro",
            "Återföring från UTB för M1 Skolnärvaro",
            "Ianspråktagande av öronmärkt eget kapital",
            "Återförda medel öronmärks på nytt",
        ]
    );
    assert!(j.vouchers_in(2025).iter().all(|v| v.basis == Basis::Actual));
    assert_eq!(j.vouchers_in(2025)[0].rows[0].amount, Money(900_000));
    // M3's actual 250 000 is booked as Other (its plan had only Other).
    assert!(
        j.vouchers_in(2025)[1]
            .rows
            .iter()
            .any(|r| r.account == 7690 && r.amount == Money(250_000))
    );
    // The configured accounts are used: fund_equity 2093, internal 3511/7511.
    assert_eq!(j.vouchers_in(2025)[4].rows[0].account, 2093);
    assert_eq!(j.vouchers_in(2025)[0].rows[0].account, 7511);

    // 2026 is open: the release of 1 000 000 dated 30 June comes first.
    let v = &j.vouchers_in(2026)[0];
    assert_eq!((v.number, v.date.as_str()), (1, "2026-06-30"));
    assert_eq!(
        v.text,
        "Upplösning av öronmärkning, KF 2026-06-30 § 88 (plan)"
    );
    let rows: Vec<(u32, i64)> = v.rows.iter().map(|r| (r.account, r.amount.0)).collect();
    assert_eq!(rows, [(2093, 1_000_000), (2010, -1_000_000)]);
    assert_eq!(j.fund_balance(2026), Money(3_820_000));
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
fn balance_accounts_carry_over_and_the_result_moves_to_free_equity() {
    let fund = sample("exempelkommun");
    let j = journal_for(&fund, None, false);
    for y in 2025..2034 {
        for a in [1930, 2015] {
            assert_eq!(j.balance(y, a).closing, j.balance(y + 1, a).opening);
        }
        let result: i64 = j
            .trial_balance(y)
            .iter()
            .filter(|r| !j.account(r.account).unwrap().is_balance())
            .map(|r| r.closing.0)
            .sum();
        assert_eq!(
            j.balance(y + 1, 2010).opening.0,
            j.balance(y, 2010).closing.0 + result
        );
        // Result accounts start every year at zero.
        assert!(j.balance(y + 1, 7890).opening.is_zero());
    }
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
    assert!(j.account(1930).is_none(), "the fund's ledger books no bank");
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
    fn generated_funds_balance_and_keep_the_invariant(
        initiatives in 0_usize..25,
        years in 1_i32..16,
        actors in 2_usize..14,
        seed in any::<u64>(),
        appropriation in any::<bool>(),
        scenario in 0_usize..3,
        include_proposed in any::<bool>(),
    ) {
        let mut fund = generate_fund(&GenerateParams { initiatives, years, actors, seed });
        if appropriation {
            fund.model = FundingModel::AnnualAppropriation;
        }
        let name = match scenario {
            0 => None,
            k => Some(fund.scenarios[k - 1].name.clone()),
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
