//! The arithmetic of SPEC §4–5, rule by rule, on small funds whose figures can be checked by
//! hand. Every fund here is valid (no errors), so the figures are the ones a user would see.

use sif::engine::{InitiativeProjection, Options, Projection, project};
use sif::model::{Fund, Scenario};
use sif::money::Money;
use sif::store;
use sif::validate::validate;

const ACTORS: &str = r#"actors: [
        (code: "KS", name: "Kommunstyrelsen", kind: Committee),
        (code: "SN", name: "Socialnämnden", kind: Committee),
        (code: "BUN", name: "Barn- och utbildningsnämnden", kind: Committee),
        (code: "AMN", name: "Arbetsmarknadsnämnden", kind: Committee),
        (code: "REG", name: "Region Test", kind: External),
    ],"#;

/// A fund 2025–2034 held by KS, with the actors above and the given fields (initiatives,
/// capital, scenarios…). `model` defaults to EarmarkedEquity.
fn fund(fields: &str) -> Fund {
    let model = if fields.contains("model:") {
        ""
    } else {
        "model: EarmarkedEquity,"
    };
    let text = format!(
        r#"Fund(format: 1, name: "Testfonden", organisation: "Testkommun", {model}
        first_year: 2025, years: 10, holder: "KS", {ACTORS} {fields})"#
    );
    let fund = store::parse_str(&text, "test.ron").unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<String> = validate(&fund).errors().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "test fund is invalid: {errors:#?}");
    fund
}

fn base(fund: &Fund) -> Projection {
    project(fund, &Options::default()).unwrap()
}

fn with(fund: &Fund, savings_factor: i32, cost_factor: i32, delay: i32) -> Projection {
    let options = Options {
        scenario: Scenario {
            name: "Test".into(),
            savings_factor,
            cost_factor,
            delay,
        },
        include_proposed: false,
    };
    project(fund, &options).unwrap()
}

fn m(v: &[i64]) -> Vec<Money> {
    v.iter().map(|&x| Money(x)).collect()
}

/// Planned repayments per year (2025..) for a payer of the projection's initiative `ini`.
fn planned(p: &Projection, fund: &Fund, ini: usize, payer: &str) -> Vec<Money> {
    let actor = fund.actor_index(payer).unwrap();
    let ip = p.initiative(ini).unwrap();
    ip.repayments
        .iter()
        .find(|f| f.actor == actor)
        .map(|f| f.planned.clone())
        .unwrap_or_else(|| vec![Money(0); 10])
}

fn received(p: &Projection, fund: &Fund, ini: usize, payer: &str) -> Vec<Money> {
    let actor = fund.actor_index(payer).unwrap();
    let ip = p.initiative(ini).unwrap();
    ip.repayments
        .iter()
        .find(|f| f.actor == actor)
        .map(|f| f.received.clone())
        .unwrap_or_else(|| vec![Money(0); 10])
}

fn savings_of(ip: &InitiativeProjection, fund: &Fund, actor: &str) -> Vec<Money> {
    let a = fund.actor_index(actor).unwrap();
    ip.savings
        .iter()
        .find(|s| s.actor == a)
        .map(|s| s.total.clone())
        .unwrap_or_else(|| vec![Money(0); 10])
}

/// One initiative, owned by BUN, with the given costs, savings, repayment and actuals.
fn one(costs: &str, savings: &str, repayment: &str) -> String {
    format!(
        r#"capital: [(date: "2025-01-01", amount: 50_000_000, kind: Earmark)],
        initiatives: [(code: "P1", name: "Insatsen", owner: "BUN", status: Approved,
            costs: [{costs}], savings: [{savings}], repayment: {repayment})],"#
    )
}

// ---- §4.4 Fixed ----

#[test]
fn fixed_instalments_are_equal_and_the_last_takes_the_remainder() {
    // T = 1 000 001; three instalments of floor(T/3) = 333 333, the last 333 335.
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_001, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 500_000, cashable: true)"#,
        r#"Fixed(share: 100, start: 2027, instalments: 3, payers: [(actor: "SN", weight: 100)])"#,
    ));
    let p = base(&f);
    assert_eq!(
        planned(&p, &f, 0, "SN"),
        m(&[0, 0, 333_333, 333_333, 333_335, 0, 0, 0, 0, 0])
    );
    assert_eq!(p.initiative(0).unwrap().outstanding, Money(0));
}

#[test]
fn fixed_total_is_the_share_rounded_half_up() {
    // 50 % of 1 000 001 = 500 000.5 → 500 001, in one instalment.
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_001, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 500_000, cashable: true)"#,
        r#"Fixed(share: 50, start: 2026, instalments: 1, payers: [(actor: "SN", weight: 100)])"#,
    ));
    assert_eq!(
        planned(&base(&f), &f, 0, "SN")[1],
        Money(500_001),
        "half a krona rounds up"
    );
}

#[test]
fn fixed_payer_split_ties_go_to_the_earlier_payer() {
    // One instalment of 1 000 003 split 50/50: 500 001.5 each; the tie goes to BUN, the
    // earlier payer in the agreement's list (not in the actor list, where SN comes first).
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_003, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 500_000, cashable: true)"#,
        r#"Fixed(share: 100, start: 2026, instalments: 1,
                 payers: [(actor: "BUN", weight: 50), (actor: "SN", weight: 50)])"#,
    ));
    let p = base(&f);
    assert_eq!(planned(&p, &f, 0, "BUN")[1], Money(500_002));
    assert_eq!(planned(&p, &f, 0, "SN")[1], Money(500_001));
}

#[test]
fn fixed_payer_split_gives_leftover_kronor_to_the_largest_remainders() {
    // 100 split 33/33/34: 33, 33, 34 exactly. 101 split: 33.33, 33.33, 34.34 → floors
    // 33 + 33 + 34 = 100, the leftover krona to the largest remainder (.34, AMN).
    let f = fund(&one(
        r#"(year: 2025, fund: 101, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 500_000, cashable: true)"#,
        r#"Fixed(share: 100, start: 2026, instalments: 1,
                 payers: [(actor: "SN", weight: 33), (actor: "BUN", weight: 33),
                          (actor: "AMN", weight: 34)])"#,
    ));
    let p = base(&f);
    assert_eq!(planned(&p, &f, 0, "SN")[1], Money(33));
    assert_eq!(planned(&p, &f, 0, "BUN")[1], Money(33));
    assert_eq!(planned(&p, &f, 0, "AMN")[1], Money(35));
}

#[test]
fn every_fixed_instalment_is_split_exactly() {
    // 7 instalments of a prime total among three payers: every year sums to its instalment.
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_003, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 500_000, cashable: true)"#,
        r#"Fixed(share: 100, start: 2026, instalments: 7,
                 payers: [(actor: "SN", weight: 45), (actor: "BUN", weight: 35),
                          (actor: "AMN", weight: 20)])"#,
    ));
    let p = base(&f);
    let total: Vec<i64> = (0..10)
        .map(|i| {
            ["SN", "BUN", "AMN"]
                .iter()
                .map(|a| planned(&p, &f, 0, a)[i].0)
                .sum()
        })
        .collect();
    // floor(1 000 003 / 7) = 142 857; the last takes 1 000 003 − 6 × 142 857 = 142 861.
    assert_eq!(
        total,
        vec![
            0, 142_857, 142_857, 142_857, 142_857, 142_857, 142_857, 142_861, 0, 0
        ]
    );
}

#[test]
fn fixed_instalments_past_the_horizon_are_outstanding() {
    // 4 instalments of 250 000 from 2033: 2033 and 2034 fall inside, 500 000 is outstanding.
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_000, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 500_000, cashable: true)"#,
        r#"Fixed(share: 100, start: 2033, instalments: 4, payers: [(actor: "SN", weight: 100)])"#,
    ));
    let p = base(&f);
    assert_eq!(planned(&p, &f, 0, "SN")[8..], m(&[250_000, 250_000])[..]);
    assert_eq!(p.initiative(0).unwrap().outstanding, Money(500_000));
    assert_eq!(p.schedule.outstanding.len(), 1);
    assert_eq!(p.schedule.outstanding[0].initiative, "P1");
    assert_eq!(p.schedule.outstanding[0].amount, Money(500_000));
}

#[test]
fn outstanding_includes_the_last_instalments_remainder() {
    // T = 1 000 001 in 3 instalments from 2034: 333 333 in 2034; outstanding 333 333 + 333 335.
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_001, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 500_000, cashable: true)"#,
        r#"Fixed(share: 100, start: 2034, instalments: 3, payers: [(actor: "SN", weight: 100)])"#,
    ));
    let p = base(&f);
    assert_eq!(planned(&p, &f, 0, "SN")[9], Money(333_333));
    assert_eq!(p.initiative(0).unwrap().outstanding, Money(666_668));
}

#[test]
fn a_grant_repays_nothing() {
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_000, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 500_000, cashable: true)"#,
        "Grant",
    ));
    let p = base(&f);
    assert!(p.initiative(0).unwrap().repayments.is_empty());
    assert!(p.schedule.rows.is_empty() && p.schedule.outstanding.is_empty());
    assert!(p.statement.iter().all(|y| y.repaid == Money(0)));
}

// ---- §4.4 FromSavings ----

#[test]
fn from_savings_owes_the_share_of_each_committees_cashable_savings() {
    // 50 % of SN's cashable 300 001 = 150 000.5 → 150 001 (half up, per actor and year).
    // REG is external and never owes; AMN's savings are not cashable.
    let f = fund(&one(
        r#"(year: 2025, fund: 10_000_000, kind: Staff)"#,
        r#"(actor: "SN", from: 2027, to: 2028, amount: 300_001, cashable: true),
           (actor: "REG", from: 2027, to: 2028, amount: 900_000, cashable: true),
           (actor: "AMN", from: 2027, to: 2028, amount: 900_000, cashable: false)"#,
        "FromSavings(share: 50, start: 2027, cap: 100)",
    ));
    let p = base(&f);
    assert_eq!(
        planned(&p, &f, 0, "SN"),
        m(&[0, 0, 150_001, 150_001, 0, 0, 0, 0, 0, 0])
    );
    let ip = p.initiative(0).unwrap();
    assert_eq!(ip.repayments.len(), 1, "only SN repays");
    assert_eq!(ip.outstanding, Money(10_000_000 - 300_002));
}

#[test]
fn from_savings_starts_in_its_start_year() {
    let f = fund(&one(
        r#"(year: 2025, fund: 10_000_000, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 200_000, cashable: true)"#,
        "FromSavings(share: 100, start: 2030, cap: 100)",
    ));
    assert_eq!(
        planned(&base(&f), &f, 0, "SN"),
        m(&[0, 0, 0, 0, 0, 200_000, 200_000, 200_000, 200_000, 200_000])
    );
}

#[test]
fn from_savings_cap_exhaustion_is_split_by_dues_with_ties_in_actor_order() {
    // C = 100 % of 1 000 001. Each year SN and BUN owe 300 000 each.
    // 2026: 600 000 (400 001 left). 2027: dues 600 000 > 400 001, so 400 001 is split by
    // dues 1:1 = 200 000.5 each; the tie goes to SN, first in the actor list, even though
    // BUN's savings row comes first in the file. Nothing is owed after that.
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_001, kind: Staff)"#,
        r#"(actor: "BUN", from: 2026, to: 2034, amount: 600_000, cashable: true),
           (actor: "SN", from: 2026, to: 2034, amount: 600_000, cashable: true)"#,
        "FromSavings(share: 50, start: 2026, cap: 100)",
    ));
    let p = base(&f);
    assert_eq!(
        planned(&p, &f, 0, "SN"),
        m(&[0, 300_000, 200_001, 0, 0, 0, 0, 0, 0, 0])
    );
    assert_eq!(
        planned(&p, &f, 0, "BUN"),
        m(&[0, 300_000, 200_000, 0, 0, 0, 0, 0, 0, 0])
    );
    let ip = p.initiative(0).unwrap();
    assert_eq!(ip.outstanding, Money(0));
    assert_eq!(ip.total_planned_repayment(), Money(1_000_001));
}

#[test]
fn from_savings_cap_split_follows_unequal_dues() {
    // C = 80 % of 1 000 000 = 800 000. SN owes 500 000 a year, BUN 125 000.
    // 2026: 625 000 (175 000 left). 2027: 175 000 split 4:1 = 140 000 and 35 000.
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_000, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 1_000_000, cashable: true),
           (actor: "BUN", from: 2026, to: 2034, amount: 250_000, cashable: true)"#,
        "FromSavings(share: 50, start: 2026, cap: 80)",
    ));
    let p = base(&f);
    assert_eq!(planned(&p, &f, 0, "SN")[1..3], m(&[500_000, 140_000])[..]);
    assert_eq!(planned(&p, &f, 0, "BUN")[1..3], m(&[125_000, 35_000])[..]);
    assert!(planned(&p, &f, 0, "SN")[3..].iter().all(|x| x.0 == 0));
}

#[test]
fn from_savings_not_reached_by_the_horizon_is_outstanding() {
    // C = 2 000 000; SN repays 100 000 a year 2026–2034 = 900 000; 1 100 000 outstanding.
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_000, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 200_000, cashable: true)"#,
        "FromSavings(share: 50, start: 2026, cap: 200)",
    ));
    let p = base(&f);
    assert_eq!(p.initiative(0).unwrap().outstanding, Money(1_100_000));
    assert_eq!(p.schedule.outstanding[0].amount, Money(1_100_000));
}

#[test]
fn from_savings_cap_counts_actual_repayments_in_closed_years() {
    // C = 1 000 000. 2026 is closed and SN actually paid 700 000 (plan: 300 000), which
    // leaves 300 000 of the cap: 2027's due of 300 000 fits exactly, and nothing after.
    let f = fund(
        r#"closed_through: Some(2026),
        capital: [(date: "2025-01-01", amount: 50_000_000, kind: Earmark)],
        initiatives: [(code: "P1", name: "Insatsen", owner: "BUN", status: Approved,
            costs: [(year: 2025, fund: 1_000_000, kind: Staff)],
            savings: [(actor: "SN", from: 2026, to: 2034, amount: 600_000, cashable: true)],
            repayment: FromSavings(share: 50, start: 2026, cap: 100),
            actuals: [(year: 2025, fund: 1_000_000),
                      (year: 2026, fund: 0, repaid: [(actor: "SN", amount: 700_000)])])],"#,
    );
    let p = base(&f);
    assert_eq!(
        planned(&p, &f, 0, "SN"),
        m(&[0, 300_000, 300_000, 0, 0, 0, 0, 0, 0, 0])
    );
    assert_eq!(
        received(&p, &f, 0, "SN"),
        m(&[0, 700_000, 300_000, 0, 0, 0, 0, 0, 0, 0])
    );
    assert_eq!(p.initiative(0).unwrap().outstanding, Money(0));
}

// ---- §4.2 Scenarios ----

#[test]
fn scenario_factors_round_each_row_half_up() {
    // 110 % of 1 000 005 = 1 100 005.5 → 1 100 006; own 110 % of 15 = 16.5 → 17.
    // 50 % of 333 333 = 166 666.5 → 166 667.
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_005, own: 15, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2026, amount: 333_333, cashable: true)"#,
        "Grant",
    ));
    let p = with(&f, 50, 110, 0);
    let ip = p.initiative(0).unwrap();
    assert_eq!(ip.fund_cost[0], Money(1_100_006));
    assert_eq!(ip.own_cost[0], Money(17));
    assert_eq!(ip.fund_total, Money(1_100_006));
    assert_eq!(savings_of(ip, &f, "SN")[1], Money(166_667));
    assert_eq!(p.statement[0].disbursed, Money(1_100_006));
}

#[test]
fn scenario_rounding_is_per_row_not_per_year() {
    // Two rows of 5 kr at 50 %: 2.5 → 3 each, 6 in all (not round(10 × 50 %) = 5).
    let f = fund(&one(
        r#"(year: 2025, fund: 5, kind: Staff), (year: 2025, fund: 5, kind: Other)"#,
        r#"(actor: "SN", from: 2026, to: 2026, amount: 5, cashable: true),
           (actor: "SN", from: 2026, to: 2026, amount: 5, cashable: true)"#,
        "Grant",
    ));
    let p = with(&f, 50, 50, 0);
    let ip = p.initiative(0).unwrap();
    assert_eq!(ip.fund_cost[0], Money(6));
    assert_eq!(savings_of(ip, &f, "SN")[1], Money(6));
}

#[test]
fn the_base_scenario_changes_nothing() {
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_005, own: 15, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2026, amount: 333_333, cashable: true)"#,
        "Grant",
    ));
    assert_eq!(base(&f).statement, with(&f, 100, 100, 0).statement);
    assert_eq!(base(&f).scenario, "base");
}

#[test]
fn a_delay_moves_savings_later_and_out_of_the_horizon() {
    // Savings 2032–2034, delayed 2 years: only 2034 stays inside the horizon.
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_000, kind: Staff)"#,
        r#"(actor: "SN", from: 2032, to: 2034, amount: 100_000, cashable: true)"#,
        "FromSavings(share: 100, start: 2026, cap: 100)",
    ));
    let p = with(&f, 100, 100, 2);
    let ip = p.initiative(0).unwrap();
    assert_eq!(
        savings_of(ip, &f, "SN"),
        m(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 100_000])
    );
    // Repayment from savings follows the delayed savings.
    assert_eq!(planned(&p, &f, 0, "SN")[9], Money(100_000));
    assert_eq!(ip.outstanding, Money(900_000));
    assert_eq!(p.appraisal[0].savings, Money(100_000));
}

#[test]
fn a_delay_does_not_move_costs_or_fixed_repayments() {
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_000, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 100_000, cashable: true)"#,
        r#"Fixed(share: 100, start: 2026, instalments: 2, payers: [(actor: "SN", weight: 100)])"#,
    ));
    let p = with(&f, 100, 100, 3);
    assert_eq!(p.initiative(0).unwrap().fund_cost[0], Money(1_000_000));
    assert_eq!(planned(&p, &f, 0, "SN")[1..3], m(&[500_000, 500_000])[..]);
}

#[test]
fn actual_figures_are_never_scaled() {
    let f = fund(
        r#"closed_through: Some(2025),
        capital: [(date: "2025-01-01", amount: 50_000_000, kind: Earmark)],
        initiatives: [(code: "P1", name: "Insatsen", owner: "BUN", status: Approved,
            costs: [(year: 2025, fund: 1_000_000, own: 100_000, kind: Staff),
                    (year: 2026, fund: 1_000_000, kind: Staff)],
            savings: [(actor: "SN", from: 2026, to: 2034, amount: 600_000, cashable: true)],
            repayment: Fixed(share: 100, start: 2025, instalments: 2,
                             payers: [(actor: "SN", weight: 100)]),
            actuals: [(year: 2025, fund: 900_000, repaid: [(actor: "SN", amount: 400_000)])])],"#,
    );
    let p = with(&f, 50, 200, 0);
    let ip = p.initiative(0).unwrap();
    assert_eq!(ip.fund_cost[..2], m(&[900_000, 2_000_000])[..]);
    // Own costs are plan only, so they are scaled even in a closed year.
    assert_eq!(ip.own_cost[0], Money(200_000));
    // The repayment base is the scaled plan: 2 × 2 000 000 = 4 000 000 in two instalments.
    assert_eq!(ip.fund_total, Money(4_000_000));
    assert_eq!(
        planned(&p, &f, 0, "SN")[..2],
        m(&[2_000_000, 2_000_000])[..]
    );
    assert_eq!(received(&p, &f, 0, "SN")[..2], m(&[400_000, 2_000_000])[..]);
}

// ---- §4.1 Terminated and Proposed ----

#[test]
fn terminated_drops_cost_rows_after_ended_and_repays_on_what_remains() {
    let f = fund(
        r#"capital: [(date: "2025-01-01", amount: 50_000_000, kind: Earmark)],
        initiatives: [(code: "P1", name: "Insatsen", owner: "BUN", status: Terminated,
            ended: Some(2026),
            costs: [(year: 2025, fund: 1_000_000, own: 50_000, kind: Staff),
                    (year: 2026, fund: 1_000_000, own: 50_000, kind: Staff),
                    (year: 2027, fund: 1_000_000, own: 50_000, kind: Staff)],
            savings: [(actor: "SN", from: 2026, to: 2030, amount: 400_000, cashable: true)],
            repayment: Fixed(share: 50, start: 2028, instalments: 2,
                             payers: [(actor: "SN", weight: 100)]))],"#,
    );
    let p = base(&f);
    let ip = p.initiative(0).unwrap();
    assert_eq!(ip.fund_cost[..3], m(&[1_000_000, 1_000_000, 0])[..]);
    assert_eq!(ip.own_cost[..3], m(&[50_000, 50_000, 0])[..]);
    assert_eq!(ip.fund_total, Money(2_000_000));
    // Savings after 2026 are dropped.
    assert_eq!(
        savings_of(ip, &f, "SN"),
        m(&[0, 400_000, 0, 0, 0, 0, 0, 0, 0, 0])
    );
    // The agreement still runs as agreed, on 50 % of 2 000 000.
    assert_eq!(planned(&p, &f, 0, "SN")[3..5], m(&[500_000, 500_000])[..]);
    assert_eq!(p.statement[2].disbursed, Money(0));
}

#[test]
fn terminated_drops_savings_judged_after_the_delay() {
    // Savings 2025–2030 delayed one year become 2026–2031; after ended = 2026 only 2026 stays,
    // which was planned for 2025.
    let f = fund(
        r#"capital: [(date: "2025-01-01", amount: 50_000_000, kind: Earmark)],
        initiatives: [(code: "P1", name: "Insatsen", owner: "BUN", status: Terminated,
            ended: Some(2026),
            costs: [(year: 2025, fund: 1_000_000, kind: Staff)],
            savings: [(actor: "SN", from: 2025, to: 2030, amount: 400_000, cashable: true)],
            repayment: Grant)],"#,
    );
    let ip_base = base(&f).initiative(0).unwrap().clone();
    assert_eq!(
        savings_of(&ip_base, &f, "SN"),
        m(&[400_000, 400_000, 0, 0, 0, 0, 0, 0, 0, 0])
    );
    let delayed = with(&f, 100, 100, 1);
    assert_eq!(
        savings_of(delayed.initiative(0).unwrap(), &f, "SN"),
        m(&[0, 400_000, 0, 0, 0, 0, 0, 0, 0, 0])
    );
}

#[test]
fn an_end_year_on_an_approved_initiative_drops_nothing() {
    let f = fund(
        r#"capital: [(date: "2025-01-01", amount: 50_000_000, kind: Earmark)],
        initiatives: [(code: "P1", name: "Insatsen", owner: "BUN", status: Approved,
            ended: Some(2025),
            costs: [(year: 2025, fund: 1_000_000, kind: Staff),
                    (year: 2026, fund: 1_000_000, kind: Staff)],
            savings: [(actor: "SN", from: 2026, to: 2030, amount: 400_000)],
            repayment: Grant)],"#,
    );
    assert_eq!(base(&f).initiative(0).unwrap().fund_total, Money(2_000_000));
}

#[test]
fn proposed_initiatives_count_only_when_asked() {
    let f = fund(
        r#"capital: [(date: "2025-01-01", amount: 5_000_000, kind: Earmark)],
        initiatives: [
            (code: "P1", name: "Beslutad", owner: "BUN", status: Approved,
             costs: [(year: 2025, fund: 1_000_000, kind: Staff)],
             savings: [(actor: "SN", from: 2026, to: 2030, amount: 400_000)], repayment: Grant),
            (code: "P2", name: "Föreslagen", owner: "SN", status: Proposed,
             costs: [(year: 2026, fund: 2_000_000, kind: Services)],
             savings: [(actor: "SN", from: 2027, to: 2030, amount: 900_000, cashable: true)],
             repayment: Fixed(share: 100, start: 2028, instalments: 2,
                              payers: [(actor: "SN", weight: 100)])),
            (code: "P3", name: "Avslutad", owner: "AMN", status: Completed,
             costs: [(year: 2025, fund: 500_000, kind: Other)],
             savings: [(actor: "AMN", from: 2026, to: 2027, amount: 300_000)], repayment: Grant),
        ],"#,
    );
    let without = base(&f);
    assert_eq!(
        without
            .initiatives
            .iter()
            .map(|i| i.index)
            .collect::<Vec<_>>(),
        vec![0, 2]
    );
    assert_eq!(without.statement[1].disbursed, Money(0));
    assert_eq!(without.statement[9].closing, Money(3_500_000));
    assert!(without.schedule.rows.is_empty());
    let appraised: Vec<&str> = without.appraisal.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(appraised, ["P1", "P3"]);

    let with_proposed = project(
        &f,
        &Options {
            include_proposed: true,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(with_proposed.initiatives.len(), 3);
    assert_eq!(with_proposed.statement[1].disbursed, Money(2_000_000));
    assert_eq!(with_proposed.statement[0].committed, Money(2_000_000));
    assert_eq!(with_proposed.schedule.rows.len(), 2);
    // 5 000 000 − 1 500 000 − 2 000 000 + 2 000 000 repaid.
    assert_eq!(with_proposed.statement[9].closing, Money(3_500_000));
    assert_eq!(with_proposed.statement[2].closing, Money(1_500_000));
}

// ---- §4.3 Closed years ----

/// A fund closed through 2025 whose P1 plans 2025 as `plan` and records `actual` for it.
fn closed(plan: &str, actual: &str) -> Fund {
    fund(&format!(
        r#"closed_through: Some(2025),
        capital: [(date: "2025-01-01", amount: 50_000_000, kind: Earmark)],
        initiatives: [(code: "P1", name: "Insatsen", owner: "BUN", status: Approved,
            costs: [{plan}],
            savings: [(actor: "SN", from: 2026, to: 2030, amount: 400_000)],
            repayment: Grant, actuals: [{actual}])],"#
    ))
}

#[test]
fn closed_year_actuals_are_spread_over_the_plans_kinds_by_largest_remainder() {
    // Plan 600 000 / 300 000 / 100 000; actual 1 000 001 → 600 000.6, 300 000.3, 100 000.1:
    // the leftover krona goes to Staff.
    let f = closed(
        r#"(year: 2025, fund: 600_000, kind: Staff), (year: 2025, fund: 300_000, kind: Services),
           (year: 2025, fund: 100_000, kind: Other)"#,
        "(year: 2025, fund: 1_000_001)",
    );
    let ip = base(&f).initiative(0).unwrap().clone();
    assert_eq!(ip.fund_cost[0], Money(1_000_001));
    assert_eq!(
        ip.fund_cost_by_kind[0],
        [Money(600_001), Money(300_000), Money(100_000)]
    );
}

#[test]
fn closed_year_kind_ties_go_in_the_order_staff_services_other() {
    // Services and Other planned equally; 999 999 gives 499 999.5 each: Services gets the
    // leftover krona because it comes before Other.
    let f = closed(
        r#"(year: 2025, fund: 500_000, kind: Other), (year: 2025, fund: 500_000, kind: Services)"#,
        "(year: 2025, fund: 999_999)",
    );
    let ip = base(&f).initiative(0).unwrap().clone();
    assert_eq!(
        ip.fund_cost_by_kind[0],
        [Money(0), Money(500_000), Money(499_999)]
    );
    // Staff and Services equally: Staff first.
    let f = closed(
        r#"(year: 2025, fund: 500_000, kind: Services), (year: 2025, fund: 500_000, kind: Staff)"#,
        "(year: 2025, fund: 999_999)",
    );
    assert_eq!(
        base(&f).initiative(0).unwrap().fund_cost_by_kind[0],
        [Money(500_000), Money(499_999), Money(0)]
    );
}

#[test]
fn closed_year_without_planned_fund_cost_books_the_actual_as_other() {
    // Only an own cost is planned for 2025, yet the fund paid 120 000.
    let f = closed(
        r#"(year: 2025, fund: 0, own: 50_000, kind: Staff), (year: 2026, fund: 1_000_000, kind: Staff)"#,
        "(year: 2025, fund: 120_000)",
    );
    let ip = base(&f).initiative(0).unwrap().clone();
    assert_eq!(
        ip.fund_cost_by_kind[0],
        [Money(0), Money(0), Money(120_000)]
    );
    assert_eq!(ip.own_cost[0], Money(50_000));
    // The repayment base is the plan, not the actual.
    assert_eq!(ip.fund_total, Money(1_000_000));
}

#[test]
fn closed_year_without_an_actual_row_costs_nothing() {
    let f = closed(
        r#"(year: 2025, fund: 700_000, kind: Staff), (year: 2026, fund: 300_000, kind: Staff)"#,
        "",
    );
    let p = base(&f);
    let ip = p.initiative(0).unwrap();
    assert_eq!(ip.fund_cost[..2], m(&[0, 300_000])[..]);
    assert_eq!(ip.fund_cost_by_kind[0], [Money(0); 3]);
    assert_eq!(ip.fund_total, Money(1_000_000));
    assert_eq!(p.statement[0].disbursed, Money(0));
}

#[test]
fn every_kind_split_sums_to_the_years_fund_cost() {
    let f = closed(
        r#"(year: 2025, fund: 333_333, kind: Staff), (year: 2025, fund: 333_333, kind: Services),
           (year: 2025, fund: 333_334, kind: Other), (year: 2026, fund: 7, kind: Other)"#,
        "(year: 2025, fund: 1_234_567)",
    );
    let ip = base(&f).initiative(0).unwrap().clone();
    for (year, kinds) in ip.fund_cost_by_kind.iter().enumerate() {
        assert_eq!(kinds.iter().map(|k| k.0).sum::<i64>(), ip.fund_cost[year].0);
    }
}

// ---- Arrears and actual repayments ----

#[test]
fn actual_repayments_replace_the_plan_in_closed_years_and_arrears_are_the_difference() {
    // P1 repays 250 000 in 2026 and 2027 (SN 80 %, BUN 20 %). 2026 is closed: SN paid
    // 100 000, BUN recorded nothing.
    let f = fund(
        r#"closed_through: Some(2026),
        capital: [(date: "2025-01-01", amount: 10_000_000, kind: Earmark)],
        initiatives: [(code: "P1", name: "Insatsen", owner: "BUN", status: Approved,
            costs: [(year: 2025, fund: 500_000, kind: Staff)],
            savings: [(actor: "SN", from: 2026, to: 2030, amount: 400_000, cashable: true)],
            repayment: Fixed(share: 100, start: 2026, instalments: 2,
                             payers: [(actor: "SN", weight: 80), (actor: "BUN", weight: 20)]),
            actuals: [(year: 2025, fund: 500_000),
                      (year: 2026, fund: 0, repaid: [(actor: "SN", amount: 100_000)])])],"#,
    );
    let p = base(&f);
    let ip = p.initiative(0).unwrap();
    let sn = ip.repayments.iter().find(|r| r.actor == 1).unwrap();
    let bun = ip.repayments.iter().find(|r| r.actor == 2).unwrap();
    assert_eq!(sn.arrears(p.closed_years), Money(100_000));
    assert_eq!(bun.arrears(p.closed_years), Money(50_000));
    assert_eq!(p.statement[1].repaid, Money(100_000));
    assert_eq!(p.statement[2].repaid, Money(250_000));
    let rows: Vec<(String, i32, i64, Option<i64>)> = p
        .schedule
        .rows
        .iter()
        .map(|r| (r.payer.clone(), r.year, r.planned.0, r.actual.map(|a| a.0)))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("SN".into(), 2026, 200_000, Some(100_000)),
            ("BUN".into(), 2026, 50_000, Some(0)),
            ("SN".into(), 2027, 200_000, None),
            ("BUN".into(), 2027, 50_000, None),
        ]
    );
}

#[test]
fn an_unplanned_actual_repayment_appears_in_the_schedule() {
    // A Grant, yet SN paid 30 000 back in closed 2025: planned 0, actual 30 000.
    let f = fund(
        r#"closed_through: Some(2025),
        capital: [(date: "2025-01-01", amount: 10_000_000, kind: Earmark)],
        initiatives: [(code: "P1", name: "Insatsen", owner: "BUN", status: Approved,
            costs: [(year: 2025, fund: 500_000, kind: Staff)],
            savings: [(actor: "SN", from: 2026, to: 2030, amount: 400_000)],
            repayment: Grant,
            actuals: [(year: 2025, fund: 500_000, repaid: [(actor: "SN", amount: 30_000)])])],"#,
    );
    let p = base(&f);
    assert_eq!(p.schedule.rows.len(), 1);
    assert_eq!(p.schedule.rows[0].planned, Money(0));
    assert_eq!(p.schedule.rows[0].actual, Some(Money(30_000)));
    assert_eq!(p.statement[0].repaid, Money(30_000));
    assert_eq!(p.appraisal[0].repaid, Money(30_000));
}

// ---- §4.5 Statement ----

#[test]
fn earmarked_statement_carries_the_balance_and_counts_commitments() {
    let f = fund(
        r#"capital: [(date: "2025-02-15", amount: 3_000_000, kind: Earmark),
                  (date: "2027-06-30", amount: 500_000, kind: Release),
                  (date: "2027-09-01", amount: 200_000, kind: Earmark)],
        initiatives: [(code: "P1", name: "Insatsen", owner: "BUN", status: Approved,
            costs: [(year: 2025, fund: 1_000_000, kind: Staff),
                    (year: 2026, fund: 1_000_000, kind: Staff),
                    (year: 2027, fund: 500_000, kind: Staff)],
            savings: [(actor: "SN", from: 2026, to: 2030, amount: 400_000, cashable: true)],
            repayment: Fixed(share: 40, start: 2027, instalments: 2,
                             payers: [(actor: "SN", weight: 100)]))],"#,
    );
    let s = base(&f).statement;
    let row = |i: usize| {
        let y = &s[i];
        [
            y.opening.0,
            y.capital.0,
            y.disbursed.0,
            y.repaid.0,
            y.closing.0,
            y.committed.0,
            y.uncommitted.0,
        ]
    };
    assert_eq!(
        row(0),
        [0, 3_000_000, 1_000_000, 0, 2_000_000, 1_500_000, 500_000]
    );
    assert_eq!(
        row(1),
        [2_000_000, 0, 1_000_000, 0, 1_000_000, 500_000, 500_000]
    );
    // Release 500 000, Earmark 200 000: capital −300 000; repaid 500 000 (40 % of 2.5 M / 2).
    assert_eq!(
        row(2),
        [1_000_000, -300_000, 500_000, 500_000, 700_000, 0, 700_000]
    );
    assert_eq!(row(3), [700_000, 0, 0, 500_000, 1_200_000, 0, 1_200_000]);
    assert_eq!(s[9].closing, Money(1_200_000));
    for y in &s {
        assert_eq!(
            y.closing.0,
            y.opening.0 + y.capital.0 - y.disbursed.0 + y.repaid.0
        );
    }
}

/// A region with a yearly pot (AnnualAppropriation).
fn appropriation() -> Fund {
    fund(
        r#"model: AnnualAppropriation,
        capital: [(date: "2025-01-01", amount: 2_000_000, kind: Earmark),
                  (date: "2026-01-01", amount: 2_000_000, kind: Earmark)],
        initiatives: [(code: "P1", name: "Insatsen", owner: "BUN", status: Approved,
            costs: [(year: 2025, fund: 1_500_000, kind: Staff),
                    (year: 2026, fund: 2_500_000, kind: Staff)],
            savings: [(actor: "SN", from: 2026, to: 2030, amount: 800_000, cashable: true)],
            repayment: Fixed(share: 50, start: 2027, instalments: 2,
                             payers: [(actor: "SN", weight: 100)]))],
        budget: [(year: 2025, result_before_fund: 10_000_000, realisation_gains: 1_000_000),
                 (year: 2027, result_before_fund: -2_000_000)],"#,
    )
}

#[test]
fn annual_appropriation_pots_lapse_and_repayments_go_to_the_general_budget() {
    let s = base(&appropriation()).statement;
    // 2025: pot 2 000 000, spent 1 500 000: 500 000 lapses.
    assert_eq!(
        (s[0].opening, s[0].closing, s[0].committed, s[0].uncommitted),
        (
            Money(0),
            Money(500_000),
            Money(2_500_000),
            Money(-2_000_000)
        )
    );
    // 2026: overspent by 500 000; nothing carries over from 2025.
    assert_eq!((s[1].opening, s[1].closing), (Money(0), Money(-500_000)));
    // 2027: 1 000 000 repaid is shown but not added to the closing balance.
    assert_eq!(
        (s[2].opening, s[2].repaid, s[2].closing),
        (Money(0), Money(1_000_000), Money(0))
    );
}

// ---- §5 Reconciliation ----

#[test]
fn annual_appropriation_reconciliation_uses_no_earmarked_equity() {
    let r = base(&appropriation()).reconciliation;
    // 2025: 10 000 000 − 1 500 000 = 8 500 000; less gains 1 000 000 = 7 500 000.
    assert_eq!(r[0].result, Money(8_500_000));
    assert_eq!(r[0].current.balance_result, Money(7_500_000));
    for y in &r {
        assert_eq!(y.proposed.fund_used, Money(0));
        assert_eq!(y.proposed.fund_reearmarked, Money(0));
        assert_eq!(y.proposed.outcome.balance_result, y.current.balance_result);
        assert_eq!(y.proposed.outcome.restore_by, y.current.restore_by);
    }
    // 2026: no budget row counts as zeros: −2 500 000, restore by 2029.
    assert_eq!(r[1].result_before_fund, Money(0));
    assert_eq!(r[1].current.balance_result, Money(-2_500_000));
    assert_eq!(r[1].current.restore_by, Some(2029));
    // 2027: −2 000 000; the 1 000 000 repaid is internal and does not change the result.
    assert_eq!(r[2].repaid, Money(1_000_000));
    assert_eq!(r[2].result, Money(-2_000_000));
    assert_eq!(r[2].current.restore_by, Some(2030));
    assert_eq!(r[3].current.restore_by, None);
}

#[test]
fn proposed_rules_use_only_what_the_fund_can_cover() {
    // 1 000 000 earmarked; 1 500 000 spent in 2025: fund_used is 1 000 000 and 500 000 is
    // unfunded. In 2026 the fund is empty, so it covers nothing of the next 300 000.
    let f = fund(
        r#"capital: [(date: "2025-01-01", amount: 1_000_000, kind: Earmark)],
        initiatives: [(code: "P1", name: "Insatsen", owner: "BUN", status: Approved,
            costs: [(year: 2025, fund: 1_500_000, kind: Staff),
                    (year: 2026, fund: 300_000, kind: Staff)],
            savings: [(actor: "SN", from: 2026, to: 2034, amount: 400_000, cashable: true)],
            repayment: FromSavings(share: 50, start: 2027, cap: 100))],
        budget: [(year: 2025, result_before_fund: 2_000_000, realisation_gains: 100_000),
                 (year: 2026, result_before_fund: 100_000),
                 (year: 2027, result_before_fund: 0)],"#,
    );
    let r = base(&f).reconciliation;
    assert_eq!(r[0].result, Money(500_000));
    assert_eq!(r[0].current.balance_result, Money(400_000));
    assert_eq!(r[0].proposed.fund_used, Money(1_000_000));
    // The fund may cover a deficit, but never turns a surplus into a larger one.
    assert_eq!(r[0].proposed.fund_adjustment, Money(0));
    assert_eq!(r[0].proposed.outcome.balance_result, Money(400_000));
    let s = base(&f).statement;
    assert_eq!(
        (s[0].fund_used, s[0].unfunded, s[0].closing),
        (Money(1_000_000), Money(500_000), Money(0))
    );
    assert_eq!(r[1].proposed.fund_used, Money(0));
    assert_eq!(r[1].current.balance_result, Money(-200_000));
    assert_eq!(r[1].current.restore_by, Some(2029));
    assert_eq!(r[1].proposed.outcome.balance_result, Money(-200_000));
    // 2027: 200 000 repaid is internal and leaves the result at 0; under the proposal it is
    // re-earmarked, but only out of a surplus, and there is none.
    assert_eq!(r[2].repaid, Money(200_000));
    assert_eq!(r[2].current.balance_result, Money(0));
    assert_eq!(r[2].proposed.fund_reearmarked, Money(200_000));
    assert_eq!(r[2].proposed.fund_adjustment, Money(0));
    assert_eq!(r[2].proposed.outcome.balance_result, Money(0));
    assert_eq!(r[2].proposed.outcome.restore_by, None);
}

// ---- §4.6 Appraisal ----

#[test]
fn appraisal_discounts_from_the_first_year_and_finds_the_payback_year() {
    // Cost 1 000 000 (fund) + 100 000 (own) in 2025; savings 500 000 a year 2026–2028
    // (SN cashable 300 000, REG 200 000). Rate 0 % makes the figures plain.
    let mut f = fund(&one(
        r#"(year: 2025, fund: 1_000_000, own: 100_000, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2028, amount: 300_000, cashable: true),
           (actor: "REG", from: 2026, to: 2028, amount: 200_000)"#,
        r#"Fixed(share: 30, start: 2026, instalments: 1, payers: [(actor: "SN", weight: 100)])"#,
    ));
    f.discount_rate = 0.0;
    let a = base(&f).appraisal.remove(0);
    assert_eq!(a.cost, Money(1_100_000));
    assert_eq!(a.savings, Money(1_500_000));
    assert_eq!(a.cashable_savings, Money(900_000));
    assert_eq!(a.repaid, Money(300_000));
    assert_eq!(a.npv, 400_000.0);
    assert_eq!(a.bcr, Some(1.36));
    // Cumulative: −1 100 000, −600 000, −100 000, +400 000 in 2028.
    assert_eq!(a.payback_year, Some(2028));
    let by: Vec<(&str, i64, i64, i64)> = a
        .by_actor
        .iter()
        .map(|b| (b.actor.as_str(), b.cost.0, b.savings.0, b.repaid.0))
        .collect();
    assert_eq!(
        by,
        vec![
            ("KS", 1_000_000, 0, 0),
            ("SN", 0, 900_000, 300_000),
            ("BUN", 100_000, 0, 0),
            ("REG", 0, 600_000, 0),
        ]
    );

    // At 10 %: PV(costs) = 1 100 000; PV(savings) = 500 000 (1/1.1 + 1/1.21 + 1/1.331).
    f.discount_rate = 10.0;
    let a = base(&f).appraisal.remove(0);
    let pv = 500_000.0 * (1.0 / 1.1 + 1.0 / 1.21 + 1.0 / 1.331);
    assert!((a.npv - (pv - 1_100_000.0)).abs() < 0.01, "{}", a.npv);
    assert_eq!(a.bcr, Some(((pv / 1_100_000.0) * 100.0).round() / 100.0));
}

#[test]
fn appraisal_without_cost_has_no_ratio_and_no_payback() {
    let f = fund(&one(
        r#"(year: 2025, fund: 0, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2028, amount: 300_000)"#,
        "Grant",
    ));
    let a = base(&f).appraisal.remove(0);
    assert_eq!(a.bcr, None);
    assert_eq!(a.payback_year, None);
}

#[test]
fn payback_needs_some_cost_first() {
    // Savings in 2025 before any cost: payback is judged only after the cost in 2027.
    let f = fund(&one(
        r#"(year: 2027, fund: 100_000, kind: Staff)"#,
        r#"(actor: "SN", from: 2025, to: 2025, amount: 300_000)"#,
        "Grant",
    ));
    assert_eq!(base(&f).appraisal[0].payback_year, Some(2027));
    let f = fund(&one(
        r#"(year: 2025, fund: 1_000_000, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 100_000)"#,
        "Grant",
    ));
    assert_eq!(
        base(&f).appraisal[0].payback_year,
        None,
        "900 000 < 1 000 000"
    );
}

// ---- Options ----

#[test]
fn scenarios_are_found_by_name_and_unknown_names_are_refused() {
    let f = fund(
        r#"scenarios: [(name: "Pessimistiskt", savings_factor: 50, cost_factor: 120, delay: 2)],"#,
    );
    let o = Options::named(&f, Some("Pessimistiskt"), false).unwrap();
    assert_eq!(o.scenario.delay, 2);
    assert_eq!(
        Options::named(&f, Some("base"), true).unwrap().scenario,
        Scenario::base()
    );
    let e = Options::named(&f, Some("Optimistiskt"), false).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("Optimistiskt") && text.contains("base, Pessimistiskt"));
}

#[test]
fn an_unvalidated_fund_does_not_stall_or_panic() {
    // A billion instalments and absurd years: the engine stays within the horizon.
    let mut f = fund(&one(
        r#"(year: 2025, fund: 1_000_000, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 100_000)"#,
        r#"Fixed(share: 100, start: 2026, instalments: 4, payers: [(actor: "SN", weight: 100)])"#,
    ));
    if let sif::model::Repayment::Fixed(fixed) = &mut f.initiatives[0].repayment {
        fixed.instalments = 1_000_000_000;
    }
    f.initiatives[0].savings[0].from = i32::MIN;
    f.initiatives[0].savings[0].to = i32::MAX;
    let p = base(&f);
    // floor(1 000 000 / 10^9) = 0 per instalment; the last (past the horizon) takes it all.
    assert_eq!(p.initiative(0).unwrap().outstanding, Money(1_000_000));
    f.first_year = i32::MAX - 3;
    f.years = 1000;
    let _ = project(&f, &Options::default());
}

/// A large fund is projected on several threads; the figures must be exactly those of one
/// thread, for every scenario and with proposed initiatives counted too.
#[test]
fn a_large_fund_projects_the_same_on_one_thread_and_on_several() {
    use sif::engine::{PARALLEL_FROM, project_with_threads};
    use sif::generate::{GenerateParams, generate_fund};
    let fund = generate_fund(&GenerateParams {
        initiatives: PARALLEL_FROM * 2 + 37,
        years: 15,
        actors: 20,
        seed: 11,
    });
    let mut names: Vec<Option<&str>> = vec![None];
    names.extend(fund.scenarios.iter().map(|s| Some(s.name.as_str())));
    for name in names {
        for include_proposed in [false, true] {
            let options = sif::Options::named(&fund, name, include_proposed).unwrap();
            let one = project_with_threads(&fund, &options, 1).unwrap();
            assert!(
                one.initiatives.len() >= PARALLEL_FROM,
                "the test must take the parallel path"
            );
            for threads in [2, 3, 4] {
                let many = project_with_threads(&fund, &options, threads).unwrap();
                assert_eq!(
                    one, many,
                    "{threads} threads, scenario {name:?}, proposed {include_proposed}"
                );
            }
        }
    }
}
