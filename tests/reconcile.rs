//! The fund statement's `fund_used` and `unfunded` (SPEC §4.5) and the balanced-budget
//! reconciliation with reserves, *synnerliga skäl* and deficits carried forward (SPEC §5),
//! checked by hand on small funds.

use sif::engine::{Options, Projection, project};
use sif::model::Fund;
use sif::money::Money;
use sif::store;

/// A fund of three years: 1 000 000 earmarked in 2025, one initiative paying 600 000 a year,
/// repaid 100 000 a year by SN from 2026. `budget` is spliced in.
fn fund(budget: &str, extra: &str) -> Fund {
    let text = format!(
        r#"Fund(
    format: 2,
    name: "Fonden",
    organisation: "Testkommun",
    model: EarmarkedEquity,
    first_year: 2025,
    years: 5,
    holder: "KS",
    actors: [
        (code: "KS", name: "Kommunstyrelsen", kind: Committee),
        (code: "SN", name: "Socialnämnden", kind: Committee),
    ],
    capital: [(date: "2025-01-10", amount: 1_000_000, kind: Earmark, note: "KF")],
    initiatives: [(
        code: "P1", name: "Insats", owner: "SN", status: Approved,
        costs: [
            (year: 2025, fund: 600_000, own: 0, kind: Staff),
            (year: 2026, fund: 600_000, own: 0, kind: Staff),
            (year: 2027, fund: 600_000, own: 0, kind: Staff),
        ],
        savings: [(actor: "SN", from: 2026, to: 2029, amount: 400_000, cashable: true)],
        repayment: Fixed(share: 50, start: 2026, instalments: 9,
                         payers: [(actor: "SN", weight: 100)]),
    )],
    budget: [{budget}],
    {extra}
)"#
    );
    store::parse_str(&text, "t.ron").unwrap()
}

fn p(f: &Fund) -> Projection {
    project(f, &Options::default()).unwrap()
}

fn m(v: i64) -> Money {
    Money(v)
}

#[test]
fn the_fund_pays_only_what_it_holds() {
    let f = fund("", "");
    let p = p(&f);
    let s = &p.statement;
    // 2025: 1 000 000 in, 600 000 out.
    assert_eq!(
        (s[0].fund_used, s[0].unfunded, s[0].closing),
        (m(600_000), m(0), m(400_000))
    );
    // 2026: 400 000 + 100 000 repaid = 500 000 available for 600 000: 100 000 unfunded.
    assert_eq!(s[1].repaid, m(100_000));
    assert_eq!(
        (s[1].fund_used, s[1].unfunded, s[1].closing),
        (m(500_000), m(100_000), m(0))
    );
    // 2027: only the repayment: 100 000 of 600 000.
    assert_eq!(
        (s[2].fund_used, s[2].unfunded, s[2].closing),
        (m(100_000), m(500_000), m(0))
    );
    // Later years: repayments build the fund up again.
    assert_eq!((s[3].fund_used, s[3].closing), (m(0), m(100_000)));
    for y in s {
        assert!(y.fund_used.0 >= 0 && y.fund_used <= y.disbursed);
        assert_eq!(y.fund_used.0 + y.unfunded.0, y.disbursed.0);
        assert!(y.closing.0 >= 0);
    }
    // The warning names the unfunded years.
    let report = sif::validate::validate(&f);
    let paths: Vec<&str> = report.warnings().map(|w| w.path.as_str()).collect();
    assert!(paths.contains(&"statement[2026].unfunded"), "{paths:?}");
    assert!(paths.contains(&"statement[2027].unfunded"), "{paths:?}");
}

#[test]
fn repayments_do_not_change_the_result() {
    let f = fund(
        "(year: 2026, result_before_fund: 1_000_000, realisation_gains: 0)",
        "",
    );
    let r = &p(&f).reconciliation[1];
    assert_eq!(r.repaid, m(100_000));
    assert_eq!(
        r.result,
        m(400_000),
        "1 000 000 − 600 000, the repayment not added"
    );
}

#[test]
fn adjustments_reserves_and_special_reasons_in_published_order() {
    let f = fund(
        r#"(year: 2025, result_before_fund: 200_000, realisation_gains: 100_000,
            exemption_adjustment: -50_000, securities_adjustment: 30_000,
            reserve_reservation: 0, reserve_use: 120_000,
            special_reasons: 500_000, special_reasons_note: "KF 2026-04-20 § 41")"#,
        "",
    );
    let r = &p(&f).reconciliation[0];
    assert_eq!(r.result, m(-400_000)); // 200 000 − 600 000
    assert_eq!(r.adjusted_result, m(-520_000)); // − 100 000 − 50 000 + 30 000
    assert_eq!(r.after_reserves(), Ok(m(-400_000))); // + 120 000
    // Synnerliga skäl cover the deficit, no more.
    assert_eq!(r.current.special_reasons_applied, m(400_000));
    assert_eq!(r.current.balance_result, m(0));
    assert_eq!(r.current.restore_by, None);
    // The proposal: the fund's net use (600 000) covers the deficit first, so no special
    // reasons are needed.
    assert_eq!(r.proposed.fund_used, m(600_000));
    assert_eq!(r.proposed.fund_adjustment, m(400_000));
    assert_eq!(r.proposed.outcome.special_reasons_applied, m(0));
    assert_eq!(r.proposed.outcome.balance_result, m(0));
}

#[test]
fn a_re_earmarking_is_set_aside_only_out_of_a_surplus() {
    // 2028: nothing disbursed, 100 000 repaid; a surplus of 60 000 takes only 60 000 of it.
    let f = fund(
        "(year: 2028, result_before_fund: 60_000, realisation_gains: 0)",
        "",
    );
    let r = &p(&f).reconciliation[3];
    assert_eq!(
        (r.proposed.fund_used, r.proposed.fund_reearmarked),
        (m(0), m(100_000))
    );
    assert_eq!(r.proposed.fund_adjustment, m(-60_000));
    assert_eq!(r.proposed.outcome.balance_result, m(0));
    assert_eq!(r.current.balance_result, m(60_000));
}

#[test]
fn deficits_are_restored_oldest_first_and_turn_overdue_after_three_years() {
    let f = fund(
        r#"(year: 2025, result_before_fund: 0, realisation_gains: 0),
           (year: 2026, result_before_fund: 700_000, realisation_gains: 0),
           (year: 2027, result_before_fund: 600_000, realisation_gains: 0),
           (year: 2028, result_before_fund: 0, realisation_gains: 0),
           (year: 2029, result_before_fund: 500_000, realisation_gains: 0)"#,
        "unrestored_deficits: [(year: 2023, amount: 300_000), (year: 2024, amount: 50_000)],",
    );
    let p = p(&f);
    let c: Vec<_> = p.reconciliation.iter().map(|r| r.current).collect();
    // 2025: −600 000, a new deficit; nothing restored; 2023's is not yet overdue (2026).
    assert_eq!(c[0].balance_result, m(-600_000));
    assert_eq!(c[0].restore_by, Some(2028));
    assert_eq!(
        (
            c[0].restoration.restored,
            c[0].restoration.to_restore,
            c[0].restoration.overdue
        ),
        (m(0), m(950_000), m(0))
    );
    // 2026: +100 000 restores 100 000 of 2023's 300 000; 200 000 of it is overdue at the end
    // of 2026 (2023 + 3).
    assert_eq!(c[1].balance_result, m(100_000));
    assert_eq!(
        (
            c[1].restoration.restored,
            c[1].restoration.to_restore,
            c[1].restoration.overdue
        ),
        (m(100_000), m(850_000), m(200_000))
    );
    // 2027: 0: nothing restored; 2024's 50 000 is now overdue too.
    assert_eq!(c[2].balance_result, m(0));
    assert_eq!(c[2].restoration.overdue, m(250_000));
    // 2028: 0; the 2025 deficit is due by 2028 and still there: all 850 000 overdue.
    assert_eq!(c[3].restoration.overdue, m(850_000));
    // 2029: +500 000: 2023's 200 000, 2024's 50 000, then 250 000 of 2025's.
    assert_eq!(
        (
            c[4].restoration.restored,
            c[4].restoration.to_restore,
            c[4].restoration.overdue
        ),
        (m(500_000), m(350_000), m(350_000))
    );
    // The deficits table says what became of each one.
    let d = &p.deficits.current;
    assert_eq!(d.len(), 3);
    assert_eq!(
        (d[0].year, d[0].restored, d[0].left, d[0].restored_in),
        (2023, m(300_000), m(0), Some(2029))
    );
    assert_eq!(
        (d[1].year, d[1].left, d[1].restored_in),
        (2024, m(0), Some(2029))
    );
    assert_eq!(
        (d[2].year, d[2].amount, d[2].left, d[2].restore_by),
        (2025, m(600_000), m(350_000), 2028)
    );
    // Every krona is accounted for: restored + still to restore = every deficit added.
    let added: i64 = d.iter().map(|d| d.amount.0).sum();
    let restored: i64 = c.iter().map(|c| c.restoration.restored.0).sum();
    assert_eq!(restored + c[4].restoration.to_restore.0, added);
    // The overdue warning points at the year.
    let report = sif::validate::validate(&f);
    assert!(report.warnings().any(
        |w| w.path == "budget[2026].result_before_fund" && w.message(false).contains("overdue")
    ));
}

#[test]
fn a_yearly_pot_uses_only_its_capital_and_the_proposal_changes_nothing() {
    let text = r#"Fund(
    format: 2, name: "Potten", organisation: "Region", model: AnnualAppropriation,
    first_year: 2025, years: 2, holder: "RS",
    actors: [(code: "RS", name: "Regionstyrelsen", kind: Committee)],
    capital: [(date: "2025-01-01", amount: 500_000, kind: Earmark, note: "")],
    initiatives: [(
        code: "R1", name: "Insats", owner: "RS", status: Approved,
        costs: [(year: 2025, fund: 800_000, own: 0, kind: Other)],
        savings: [(actor: "RS", from: 2025, to: 2026, amount: 10_000, cashable: false)],
        repayment: Grant,
    )],
)"#;
    let f = store::parse_str(text, "t.ron").unwrap();
    let p = p(&f);
    let y = &p.statement[0];
    assert_eq!(
        (y.fund_used, y.unfunded, y.closing),
        (m(500_000), m(300_000), m(-300_000))
    );
    let r = &p.reconciliation[0];
    assert_eq!(
        (r.proposed.fund_used, r.proposed.fund_adjustment),
        (m(0), m(0))
    );
    assert_eq!(r.proposed.outcome.balance_result, r.current.balance_result);
}
