//! The adjusted appraisal of SPEC §4.7, step by step on small funds whose figures can be
//! checked by hand, and its properties on generated funds: with every adjustment at its default
//! the adjusted figures are the gross ones, the range contains the central value, adjusted
//! savings never exceed gross ones, and each committee's coverage adds up to its plan.

use proptest::prelude::*;

use sif::engine::{Appraisal, Options, Projection, project};
use sif::model::{
    Actor, ActorKind, CostKind, CostRow, DiscountBand, Fund, Initiative, Payer, Repayment,
    SavingsRow, Scenario, Status,
};
use sif::money::Money;
use sif::store;
use sif::validate::validate;

const ACTORS: &str = r#"actors: [
        (code: "KS", name: "Kommunstyrelsen", kind: Committee),
        (code: "SN", name: "Socialnämnden", kind: Committee),
        (code: "BUN", name: "Barn- och utbildningsnämnden", kind: Committee),
        (code: "REG", name: "Region Test", kind: External),
    ],"#;

/// A valid fund 2025–2034 held by KS, discount rate 0 % unless `fields` sets one, with one
/// initiative P1 owned by BUN.
fn fund(fields: &str, costs: &str, savings: &str, repayment: &str) -> Fund {
    let rate = if fields.contains("discount_rate") {
        ""
    } else {
        "discount_rate: 0.0,"
    };
    let status = if fields.contains("TERMINATED") {
        "status: Terminated, ended: Some(2027),"
    } else {
        "status: Approved,"
    };
    let fields = fields.replace("TERMINATED", "");
    let text = format!(
        r#"Fund(format: 2, name: "Testfonden", organisation: "Testkommun", model: EarmarkedEquity,
        first_year: 2025, years: 10, holder: "KS", {rate} {ACTORS}
        capital: [(date: "2025-01-01", amount: 50_000_000, kind: Earmark)],
        initiatives: [(code: "P1", name: "Insatsen", owner: "BUN", {status}
            costs: [{costs}], savings: [{savings}], repayment: {repayment})],
        {fields})"#
    );
    let fund = store::parse_str(&text, "test.ron").unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<String> = validate(&fund).errors().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "test fund is invalid: {errors:#?}");
    fund
}

fn appraise(fund: &Fund) -> Appraisal {
    project(fund, &Options::default())
        .unwrap()
        .appraisal
        .remove(0)
}

fn scenario(savings_factor: i32, delay: i32) -> Options {
    Options {
        scenario: Scenario {
            name: "Test".into(),
            savings_factor,
            cost_factor: 100,
            delay,
        },
        include_proposed: false,
    }
}

const COST: &str = r#"(year: 2025, fund: 1_000, kind: Staff)"#;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.006
}

// ---- the per-row chain ----

#[test]
fn drop_off_compounds_year_on_year_with_each_year_rounded() {
    // 15 % a year from 1 000: 850, round(722.5) = 723, round(614.55) = 615 — not
    // round(1 000 × 0.85³) = 614.
    let f = fund(
        "",
        COST,
        r#"(actor: "SN", from: 2026, to: 2029, amount: 1_000, cashable: true, drop_off: 15)"#,
        "Grant",
    );
    let a = appraise(&f);
    assert_eq!(a.savings, Money(4_000), "the gross figures are untouched");
    assert_eq!(a.adjusted.savings, Money(1_000 + 850 + 723 + 615));
    assert_eq!(a.adjusted.cashable_savings, Money(3_188));
    // At 0 % the net present value is savings minus cost.
    assert!(close(a.adjusted.npv, 2_188.0), "{}", a.adjusted.npv);
    let f = fund(
        "",
        COST,
        r#"(actor: "SN", from: 2026, to: 2028, amount: 1_000, drop_off: 15)"#,
        "Grant",
    );
    assert_eq!(
        appraise(&f).adjusted.savings,
        Money(2_573),
        "the fourth year was 615"
    );
}

#[test]
fn deadweight_attribution_and_optimism_bias_are_rounded_once() {
    // 1 000 005 × 0.9 × 0.9 × 0.9 = 729 003.645 → 729 004. Rounding after each factor would
    // give 900 005, 810 005, 729 005.
    let f = fund(
        "",
        COST,
        r#"(actor: "SN", from: 2026, to: 2026, amount: 1_000_005,
            deadweight: 10, attribution: 10, optimism_bias: 10)"#,
        "Grant",
    );
    assert_eq!(appraise(&f).adjusted.savings, Money(729_004));
    // 5 × 0.729 = 3.645 → 4 (step by step: 4.5 → 5, 4.5 → 5, 4.5 → 5).
    let f = fund(
        "",
        COST,
        r#"(actor: "SN", from: 2026, to: 2026, amount: 5,
            deadweight: 10, attribution: 10, optimism_bias: 10)"#,
        "Grant",
    );
    assert_eq!(appraise(&f).adjusted.savings, Money(4));
}

#[test]
fn drop_off_comes_before_the_three_factors_and_the_scenario_after_them() {
    // Year 1: g = round(1 000 × 0.8) = 800; × 0.5 (deadweight) = 400; scenario 50 % → 200.
    // Year 0: 1 000 × 0.5 = 500 → 250.
    let f = fund(
        "",
        COST,
        r#"(actor: "SN", from: 2026, to: 2027, amount: 1_000, deadweight: 50, drop_off: 20)"#,
        "Grant",
    );
    let p = project(&f, &scenario(50, 0)).unwrap();
    assert_eq!(p.appraisal[0].adjusted.savings, Money(450));
    assert_eq!(p.appraisal[0].savings, Money(1_000));
}

#[test]
fn added_deadweight_raises_every_row_up_to_100_and_leaves_the_gross_figures() {
    // The trainer's what-if: 30 points more deadweight on each row of a copy of the fund.
    let f = fund(
        "",
        COST,
        r#"(actor: "SN", from: 2026, to: 2026, amount: 1_000_000, deadweight: 10, cashable: true),
           (actor: "SN", from: 2027, to: 2027, amount: 1_000_000, deadweight: 90, cashable: true)"#,
        "Grant",
    );
    let copy = sif::engine::with_added_deadweight(&f, 30);
    let dw: Vec<i32> = copy.initiatives[0]
        .savings
        .iter()
        .map(|r| r.deadweight)
        .collect();
    assert_eq!(dw, [40, 100]);
    assert_eq!(
        f.initiatives[0].savings[0].deadweight, 10,
        "the fund itself is not changed"
    );
    let (a, b) = (appraise(&f), appraise(&copy));
    // 1 000 000 × 0.6 + 0 instead of × 0.9 + × 0.1.
    assert_eq!(a.adjusted.savings, Money(1_000_000));
    assert_eq!(b.adjusted.savings, Money(600_000));
    assert_eq!((a.savings, a.npv, a.repaid), (b.savings, b.npv, b.repaid));
    // Outside 0..=100 it is clamped; 0 is the fund as it is.
    assert_eq!(sif::engine::with_added_deadweight(&f, 0), f);
    assert_eq!(sif::engine::with_added_deadweight(&f, -5), f);
    let all = sif::engine::with_added_deadweight(&f, 500);
    assert!(
        all.initiatives[0]
            .savings
            .iter()
            .all(|r| r.deadweight == 100)
    );
    assert!(!validate(&all).has_errors());
}

#[test]
fn warnings_under_a_scenario_follow_its_projection() {
    // A fixed repayment from savings: at 10 % of the savings it cannot finish.
    let f = fund(
        "",
        r#"(year: 2025, fund: 3_000_000, kind: Staff)"#,
        r#"(actor: "BUN", from: 2026, to: 2034, amount: 500_000, cashable: true)"#,
        "FromSavings(share: 100, start: 2026, cap: 100)",
    );
    assert_eq!(
        sif::validate::validate_under(&f, &Options::default()),
        validate(&f)
    );
    let low = sif::validate::validate_under(&f, &scenario(10, 0));
    let outstanding = |r: &sif::validate::Report| {
        r.warnings().any(|w| {
            w.message(false)
                .contains("will not be complete within the horizon")
        })
    };
    assert!(!outstanding(&validate(&f)));
    assert!(outstanding(&low), "{:#?}", low.issues);
}

#[test]
fn cost_optimism_bias_rounds_the_fund_and_own_parts_each() {
    // round(1 000 × 1.1) + round(333 × 1.1 = 366.3) = 1 100 + 366; the holder bears the fund
    // part, the owner the own part.
    let f = fund(
        "appraisal: (cost_optimism_bias: 10),",
        r#"(year: 2025, fund: 1_000, own: 333, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2026, amount: 2_000)"#,
        "Grant",
    );
    let a = appraise(&f);
    assert_eq!(a.cost, Money(1_333));
    assert_eq!(a.adjusted.cost, Money(1_466));
    let by: Vec<(&str, i64, i64)> = a
        .adjusted
        .by_actor
        .iter()
        .map(|b| (b.actor.as_str(), b.cost.0, b.savings.0))
        .collect();
    assert_eq!(
        by,
        vec![("KS", 1_100, 0), ("SN", 0, 2_000), ("BUN", 366, 0)]
    );
    assert!(close(a.adjusted.by_actor[0].npv, -1_100.0));
    assert!(close(a.adjusted.by_actor[1].npv, 2_000.0));
    assert!(close(a.adjusted.npv, 534.0));
    assert_eq!(a.adjusted.bcr, Some(1.36));
}

#[test]
fn a_discount_band_starting_mid_horizon_changes_the_rate_from_its_year() {
    // 10 % before year 2, 0 % from year 2: D = 1, 1/1.1, 1/1.1, 1/1.1. The gross figures keep
    // 10 % throughout.
    let f = fund(
        "discount_rate: 10.0, appraisal: (discount_bands: [(from_year: 2, rate: 0.0)]),",
        COST,
        r#"(actor: "SN", from: 2026, to: 2027, amount: 1_100)"#,
        "Grant",
    );
    let a = appraise(&f);
    // −1 000 + 1 100/1.1 + 1 100/1.1 = 1 000.
    assert!(close(a.adjusted.npv, 1_000.0), "{}", a.adjusted.npv);
    // −1 000 + 1 000 + 1 100/1.21.
    assert!(close(a.npv, 909.09), "{}", a.npv);
    assert_eq!(a.adjusted.bcr, Some(2.0));
    // A band from year 0 replaces the fund's rate altogether.
    let mut g = f.clone();
    g.appraisal.discount_bands = vec![DiscountBand {
        from_year: 0,
        rate: 0.0,
    }];
    assert!(close(appraise(&g).adjusted.npv, 1_200.0));
    // The band with the largest from_year at or before the year wins, in any order.
    g.appraisal.discount_bands = vec![
        DiscountBand {
            from_year: 2,
            rate: 0.0,
        },
        DiscountBand {
            from_year: 1,
            rate: 20.0,
        },
    ];
    // D = 1, 1/1.2, 1/1.2: −1 000 + 2 × 1 100 / 1.2.
    assert!(close(appraise(&g).adjusted.npv, 833.33));
}

#[test]
fn a_delay_pushes_savings_past_the_horizon_and_drop_off_follows_the_row() {
    // 2033: 1 000, 2034: 900. Delayed one year the first year (still 1 000, drop-off counts
    // from the row's own `from`) lands in 2034 and the second leaves the horizon.
    let f = fund(
        "",
        r#"(year: 2025, fund: 500, kind: Staff)"#,
        r#"(actor: "SN", from: 2033, to: 2034, amount: 1_000, drop_off: 10)"#,
        "Grant",
    );
    assert_eq!(appraise(&f).adjusted.savings, Money(1_900));
    let delayed = project(&f, &scenario(100, 1)).unwrap();
    assert_eq!(delayed.appraisal[0].adjusted.savings, Money(1_000));
    assert_eq!(delayed.appraisal[0].savings, Money(1_000));
    let gone = project(&f, &scenario(100, 2)).unwrap();
    assert_eq!(gone.appraisal[0].adjusted.savings, Money(0));
    assert_eq!(gone.appraisal[0].adjusted.switching.savings_percent, None);
    assert_eq!(gone.appraisal[0].adjusted.switching.delay_years, Some(0));
}

#[test]
fn the_delay_switching_value_is_the_first_delay_that_makes_the_case_fail() {
    // Cost 500; savings 1 000 in 2033 and 900 in 2034 (0 %): npv 1 400. One year later: 1 000
    // in 2034, npv 500; two years later nothing is left: −500.
    let f = fund(
        "",
        r#"(year: 2025, fund: 500, kind: Staff)"#,
        r#"(actor: "SN", from: 2033, to: 2034, amount: 1_000, drop_off: 10)"#,
        "Grant",
    );
    let a = appraise(&f);
    assert!(close(a.adjusted.npv, 1_400.0));
    assert_eq!(a.adjusted.switching.delay_years, Some(2));
    // 100 × 500 / 1 900.
    assert_eq!(a.adjusted.switching.savings_percent, Some(26.32));
    // A case that already fails has switching delay 0; one that never fails has none.
    let f = fund(
        "",
        r#"(year: 2025, fund: 5_000, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2026, amount: 1_000)"#,
        "Grant",
    );
    assert_eq!(appraise(&f).adjusted.switching.delay_years, Some(0));
    assert_eq!(appraise(&f).adjusted.switching.savings_percent, Some(500.0));
    let f = fund(
        "",
        r#"(year: 2025, fund: 0, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2026, amount: 1_000)"#,
        "Grant",
    );
    assert_eq!(appraise(&f).adjusted.switching.delay_years, None);
}

#[test]
fn a_terminated_initiative_loses_its_savings_after_it_ended() {
    // Ended 2027: of 2026 (1 000) and 2027 (500, 50 % drop-off) both stay; later years go.
    let f = fund(
        "TERMINATED",
        r#"(year: 2025, fund: 900, kind: Staff)"#,
        r#"(actor: "SN", from: 2026, to: 2030, amount: 1_000, drop_off: 50)"#,
        "Grant",
    );
    let a = appraise(&f);
    assert_eq!(a.savings, Money(2_000));
    assert_eq!(a.adjusted.savings, Money(1_500));
    // Delayed one year: 2027 holds the first year's 1 000; the second lands after the end.
    let delayed = project(&f, &scenario(100, 1)).unwrap();
    assert_eq!(delayed.appraisal[0].adjusted.savings, Money(1_000));
    // The switching delay moves the savings the same way: one year leaves 1 000 − 900 >= 0,
    // two leave nothing.
    assert_eq!(a.adjusted.switching.delay_years, Some(2));
}

#[test]
fn a_row_at_low_zero_gives_the_range_and_the_tornado() {
    // Row 0: 1 000 a year 2026–2027, low 0, high 200; row 1: 500 in 2026, unranged;
    // row 2: 100 in 2026, low 50 (a narrower bar). At 0 %, cost 1 000.
    let f = fund(
        "",
        COST,
        r#"(actor: "SN", from: 2026, to: 2027, amount: 1_000, low: 0, high: 200),
           (actor: "BUN", from: 2026, to: 2026, amount: 500),
           (actor: "REG", from: 2026, to: 2026, amount: 100, low: 50)"#,
        "Grant",
    );
    let a = appraise(&f);
    let j = &a.adjusted;
    assert!(close(j.npv, 1_600.0));
    // Every row low: 0 + 500 + 50 − 1 000; every row high: 4 000 + 500 + 100 − 1 000.
    assert!(close(j.npv_low, -450.0), "{}", j.npv_low);
    assert!(close(j.npv_high, 3_600.0), "{}", j.npv_high);
    let bars: Vec<(usize, &str, f64, f64)> = a
        .sensitivity
        .iter()
        .map(|s| (s.row, s.actor.as_str(), s.npv_low, s.npv_high))
        .collect();
    assert_eq!(
        bars,
        vec![(0, "SN", -400.0, 3_600.0), (2, "REG", 1_550.0, 1_600.0)],
        "widest first; the unranged row has no bar"
    );
}

#[test]
fn equal_bars_are_ordered_by_row() {
    let f = fund(
        "",
        COST,
        r#"(actor: "SN", from: 2026, to: 2026, amount: 1_000, high: 150),
           (actor: "BUN", from: 2026, to: 2026, amount: 1_000, low: 50)"#,
        "Grant",
    );
    let rows: Vec<usize> = appraise(&f).sensitivity.iter().map(|s| s.row).collect();
    assert_eq!(rows, vec![0, 1]);
}

#[test]
fn paybacks_on_adjusted_and_on_discounted_figures() {
    // Cost 1 000 in 2025; adjusted savings 600 a year from 2026 (deadweight 40 of 1 000).
    // Undiscounted: −1 000, −400, +200 in 2027. At 20 %: 500 + 416.67 < 1 000; + 347.22 in
    // 2028.
    let f = fund(
        "discount_rate: 20.0,",
        COST,
        r#"(actor: "SN", from: 2026, to: 2034, amount: 1_000, deadweight: 40)"#,
        "Grant",
    );
    let a = appraise(&f);
    assert_eq!(a.adjusted.payback_year, Some(2027));
    assert_eq!(a.adjusted.discounted_payback_year, Some(2028));
    assert_eq!(a.payback_year, Some(2026));
}

#[test]
fn coverage_compares_each_years_plan_with_adjusted_cashable_savings() {
    // Fixed 100 % of 1 000 in two instalments of 500 (2026, 2027), all from SN. SN's adjusted
    // cashable savings: 2026 1 000 × 0.6 = 600 (covers 500), 2027 round(1 000 × 0.5) × 0.6 =
    // 300 (covers 300 of 500). BUN's saving is not cashable and BUN pays nothing.
    let f = fund(
        "",
        COST,
        r#"(actor: "SN", from: 2026, to: 2027, amount: 1_000, cashable: true,
            deadweight: 40, drop_off: 50),
           (actor: "BUN", from: 2026, to: 2027, amount: 1_000)"#,
        r#"Fixed(share: 100, start: 2026, instalments: 2, payers: [(actor: "SN", weight: 100)])"#,
    );
    let a = appraise(&f);
    let cov: Vec<(&str, i64, i64, i64)> = a
        .adjusted
        .repayment_coverage
        .iter()
        .map(|c| (c.actor.as_str(), c.planned.0, c.covered.0, c.shortfall.0))
        .collect();
    assert_eq!(cov, vec![("SN", 1_000, 800, 200)]);
    // The shortfall is a warning that points at the repayment agreement.
    let report = validate(&f);
    let w: Vec<_> = report
        .warnings()
        .filter(|w| w.path.ends_with(".repayment") && w.message(false).contains("200"))
        .collect();
    assert_eq!(w.len(), 1, "{:#?}", report.issues);
    assert!(w[0].message(true).contains("SN"), "{}", w[0].message(true));
    assert!(
        w[0].message(true).contains("återföringsavtal"),
        "{}",
        w[0].message(true)
    );
    // Without the adjustments the savings cover the plan: no warning.
    let g = fund(
        "",
        COST,
        r#"(actor: "SN", from: 2026, to: 2027, amount: 1_000, cashable: true)"#,
        r#"Fixed(share: 100, start: 2026, instalments: 2, payers: [(actor: "SN", weight: 100)])"#,
    );
    assert_eq!(
        appraise(&g).adjusted.repayment_coverage[0].shortfall,
        Money(0)
    );
    assert!(
        !validate(&g)
            .warnings()
            .any(|w| w.message(true).contains("återföringsavtal")),
    );
}

#[test]
fn a_payer_without_savings_covers_nothing() {
    let f = fund(
        "",
        COST,
        r#"(actor: "SN", from: 2026, to: 2027, amount: 1_000, cashable: true)"#,
        r#"Fixed(share: 50, start: 2026, instalments: 1, payers: [(actor: "KS", weight: 100)])"#,
    );
    let c = &appraise(&f).adjusted.repayment_coverage;
    assert_eq!(c.len(), 1);
    assert_eq!(
        (
            c[0].actor.as_str(),
            c[0].planned,
            c[0].covered,
            c[0].shortfall
        ),
        ("KS", Money(500), Money(0), Money(500))
    );
}

#[test]
fn the_fund_level_sums_add_up_the_initiatives() {
    let mut f = fund(
        "appraisal: (cost_optimism_bias: 20),",
        COST,
        r#"(actor: "SN", from: 2026, to: 2027, amount: 1_000, deadweight: 10)"#,
        "Grant",
    );
    let mut second = f.initiatives[0].clone();
    second.code = "P2".into();
    second.savings[0].actor = "REG".into();
    f.initiatives.push(second);
    let p: Projection = project(&f, &Options::default()).unwrap();
    let by: Vec<(&str, i64, i64)> = p
        .appraisal_by_actor
        .iter()
        .map(|b| (b.actor.as_str(), b.cost.0, b.savings.0))
        .collect();
    assert_eq!(
        by,
        vec![("KS", 2_400, 0), ("SN", 0, 1_800), ("REG", 0, 1_800)]
    );
    assert!(close(p.appraisal_by_actor[0].npv, -2_400.0));
    assert!(close(p.appraisal_by_actor[2].npv, 1_800.0));
}

// ---- properties ----

/// (actor, from offset, length, amount, cashable, [deadweight, attribution, drop-off,
/// optimism bias, low, high]).
type RawRow = (usize, u8, u8, i64, bool, [i32; 6]);

fn raw_row(adjusted: bool) -> impl Strategy<Value = RawRow> {
    let adjustments = if adjusted {
        (
            0..=100_i32,
            0..=100_i32,
            0..=100_i32,
            0..=100_i32,
            0..=100_i32,
            100..=300_i32,
        )
            .prop_map(|(a, b, c, d, e, f)| [a, b, c, d, e, f])
            .boxed()
    } else {
        Just([0, 0, 0, 0, 100, 100]).boxed()
    };
    (
        0..4_usize,
        any::<u8>(),
        any::<u8>(),
        0..5_000_000_i64,
        any::<bool>(),
        adjustments,
    )
}

/// (costs as (year offset, fund, own), rows, repayment kind, share, instalments, status).
type RawInitiative = (Vec<(u8, i64, i64)>, Vec<RawRow>, u8, i32, i32, usize);

fn raw_initiative(adjusted: bool) -> impl Strategy<Value = RawInitiative> {
    (
        prop::collection::vec((any::<u8>(), 0..3_000_000_i64, 0..500_000_i64), 0..4),
        prop::collection::vec(raw_row(adjusted), 0..5),
        0..3_u8,
        0..=100_i32,
        1..6_i32,
        0..3_usize,
    )
}

/// A valid fund of 1..=12 years with the given initiatives; `adjusted` also draws the
/// fund-level settings.
fn build(
    years: i32,
    rate_tenths: u32,
    bias: i32,
    bands: Vec<(i32, u32)>,
    inis: Vec<RawInitiative>,
) -> Fund {
    let first = 2025;
    let codes = ["KS", "SN", "BUN", "REG"];
    let year = |off: u8| first + i32::from(off) % years;
    let mut fund = Fund::empty("Egenskapsfonden", "Testkommun", first);
    fund.years = years;
    fund.discount_rate = f64::from(rate_tenths) / 10.0;
    fund.holder = "KS".into();
    fund.actors = codes
        .iter()
        .map(|&c| Actor {
            code: c.into(),
            name: c.into(),
            kind: if c == "REG" {
                ActorKind::External
            } else {
                ActorKind::Committee
            },
        })
        .collect();
    fund.appraisal.cost_optimism_bias = bias;
    let mut seen = std::collections::HashSet::new();
    fund.appraisal.discount_bands = bands
        .into_iter()
        .filter(|(from, _)| seen.insert(*from))
        .map(|(from_year, tenths)| DiscountBand {
            from_year,
            rate: f64::from(tenths) / 10.0,
        })
        .collect();
    for (k, (costs, rows, kind, share, instalments, status)) in inis.into_iter().enumerate() {
        let savings: Vec<SavingsRow> = rows
            .into_iter()
            .map(|(actor, from, len, amount, cashable, adj)| {
                let from = year(from);
                let to = (from + i32::from(len) % years).min(first + years - 1);
                let actor = codes[actor];
                let mut row =
                    SavingsRow::new(actor, from, to, Money(amount), cashable && actor != "REG");
                [
                    row.deadweight,
                    row.attribution,
                    row.drop_off,
                    row.optimism_bias,
                    row.low,
                    row.high,
                ] = adj;
                row
            })
            .collect();
        let repayment = match kind {
            0 => Repayment::Grant,
            1 => Repayment::Fixed(sif::model::FixedRepayment {
                share,
                start: year(k as u8),
                instalments,
                payers: vec![
                    Payer {
                        actor: "SN".into(),
                        weight: 70,
                    },
                    Payer {
                        actor: "BUN".into(),
                        weight: 30,
                    },
                ],
            }),
            _ => Repayment::FromSavings {
                share,
                start: first,
                cap: 100,
            },
        };
        fund.initiatives.push(Initiative {
            code: format!("P{k}"),
            name: format!("Insats {k}"),
            owner: "BUN".into(),
            status: [Status::Approved, Status::Completed, Status::Terminated][status],
            ended: (status == 2).then(|| year(k as u8 + 3)),
            costs: costs
                .into_iter()
                .map(|(y, fund, own)| CostRow {
                    year: year(y),
                    fund: Money(fund),
                    own: Money(own),
                    kind: CostKind::Staff,
                })
                .collect(),
            savings,
            repayment,
            actuals: Vec::new(),
            note: String::new(),
        });
    }
    fund
}

fn unadjusted_fund() -> impl Strategy<Value = Fund> {
    (
        1..=12_i32,
        0..=200_u32,
        prop::collection::vec(raw_initiative(false), 1..4),
    )
        .prop_map(|(years, rate, inis)| build(years, rate, 0, Vec::new(), inis))
}

fn adjusted_fund() -> impl Strategy<Value = Fund> {
    (
        1..=12_i32,
        0..=200_u32,
        0..=200_i32,
        prop::collection::vec((1..15_i32, 0..=200_u32), 0..3),
        prop::collection::vec(raw_initiative(true), 1..4),
    )
        .prop_map(|(years, rate, bias, bands, inis)| build(years, rate, bias, bands, inis))
}

fn scenarios() -> impl Strategy<Value = Options> {
    (0..=200_i32, 0..=200_i32, 0..=3_i32).prop_map(|(s, c, d)| Options {
        scenario: Scenario {
            name: "S".into(),
            savings_factor: s,
            cost_factor: c,
            delay: d,
        },
        include_proposed: false,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn with_every_adjustment_at_its_default_the_adjusted_figures_are_the_gross_ones(
        fund in unadjusted_fund(),
        options in scenarios(),
    ) {
        prop_assert!(!validate(&fund).has_errors(), "{:#?}", validate(&fund).issues);
        let p = project(&fund, &options).unwrap();
        for a in &p.appraisal {
            let j = &a.adjusted;
            prop_assert_eq!(j.cost, a.cost);
            prop_assert_eq!(j.savings, a.savings);
            prop_assert_eq!(j.cashable_savings, a.cashable_savings);
            prop_assert!((j.npv - a.npv).abs() <= 0.011, "{} {}", j.npv, a.npv);
            prop_assert_eq!(j.npv_low, j.npv);
            prop_assert_eq!(j.npv_high, j.npv);
            match (j.bcr, a.bcr) {
                (Some(x), Some(y)) => prop_assert!((x - y).abs() <= 0.011),
                (x, y) => prop_assert_eq!(x, y),
            }
            prop_assert_eq!(j.payback_year, a.payback_year);
            prop_assert!(a.sensitivity.is_empty());
            let gross: Vec<(String, Money, Money)> = a
                .by_actor
                .iter()
                .filter(|b| !b.cost.is_zero() || !b.savings.is_zero())
                .map(|b| (b.actor.clone(), b.cost, b.savings))
                .collect();
            let adjusted: Vec<(String, Money, Money)> = j
                .by_actor
                .iter()
                .map(|b| (b.actor.clone(), b.cost, b.savings))
                .collect();
            prop_assert_eq!(gross, adjusted);
        }
    }

    #[test]
    fn the_range_holds_the_central_value_and_adjusted_savings_never_exceed_gross_ones(
        fund in adjusted_fund(),
        options in scenarios(),
    ) {
        prop_assert!(!validate(&fund).has_errors(), "{:#?}", validate(&fund).issues);
        let p = project(&fund, &options).unwrap();
        for a in &p.appraisal {
            let j = &a.adjusted;
            prop_assert!(j.npv_low <= j.npv && j.npv <= j.npv_high, "{} {} {}", j.npv_low, j.npv, j.npv_high);
            prop_assert!(j.savings <= a.savings);
            prop_assert!(j.cashable_savings <= a.cashable_savings);
            prop_assert!(j.cost >= a.cost);
            for b in &j.by_actor {
                let gross = a.by_actor.iter().find(|g| g.actor == b.actor).map_or(Money::ZERO, |g| g.savings);
                prop_assert!(b.savings <= gross, "{}", b.actor);
            }
            for s in &a.sensitivity {
                prop_assert!(s.npv_low <= j.npv + 0.01 && j.npv <= s.npv_high + 0.01);
                prop_assert!(j.npv_low <= s.npv_low + 0.01 && s.npv_high <= j.npv_high + 0.01);
            }
            for w in a.sensitivity.windows(2) {
                prop_assert!(w[0].npv_high - w[0].npv_low >= w[1].npv_high - w[1].npv_low - 0.02);
            }
            for c in &j.repayment_coverage {
                prop_assert_eq!(c.covered.0 + c.shortfall.0, c.planned.0);
                prop_assert!(c.covered >= Money::ZERO && c.shortfall >= Money::ZERO);
            }
        }
        // The fund-level sums are the initiatives' sums.
        for b in &p.appraisal_by_actor {
            let cost: i64 = p.appraisal.iter().flat_map(|a| &a.adjusted.by_actor).filter(|x| x.actor == b.actor).map(|x| x.cost.0).sum();
            let savings: i64 = p.appraisal.iter().flat_map(|a| &a.adjusted.by_actor).filter(|x| x.actor == b.actor).map(|x| x.savings.0).sum();
            prop_assert_eq!((b.cost.0, b.savings.0), (cost, savings));
        }
    }
}
