//! Validation (SPEC §3.1): for every error and warning, a fund with exactly that fault yields
//! exactly that issue, with a path a person can follow and a sentence in both languages.
//!
//! Each test starts from [`clean_fund`], which has no errors and no warnings, changes one
//! thing, and checks the whole list of issues.

use sif::model::{
    Actual, ActualRepayment, BudgetYear, CostKind, CostRow, Fund, FundingModel, Payer, Repayment,
    SavingsRow, Scenario, Status,
};
use sif::money::Money;
use sif::store;
use sif::validate::{Location, Severity, validate};

/// A small, sensible fund with no errors and no warnings.
const CLEAN: &str = r#"Fund(
    format: 2,
    name: "Sociala investeringsfonden",
    organisation: "Testkommun",
    org_number: Some("212000-0123"),
    model: EarmarkedEquity,
    first_year: 2025,
    years: 10,
    holder: "KS",
    closed_through: Some(2026),
    actors: [
        (code: "KS", name: "Kommunstyrelsen", kind: Committee),
        (code: "SN", name: "Socialnämnden", kind: Committee),
        (code: "BUN", name: "Barn- och utbildningsnämnden", kind: Committee),
        (code: "KFN", name: "Kultur- och fritidsnämnden", kind: Committee),
        (code: "REG", name: "Region Test", kind: External),
    ],
    capital: [
        (date: "2025-02-15", amount: 10_000_000, kind: Earmark, note: "KF 2025-02-15 § 12"),
    ],
    initiatives: [
        (
            code: "P1",
            name: "Tidiga insatser",
            owner: "BUN",
            status: Approved,
            costs: [
                (year: 2025, fund: 1_000_000, own: 0, kind: Staff),
                (year: 2026, fund: 1_000_000, own: 200_000, kind: Services),
            ],
            savings: [
                (actor: "SN", from: 2027, to: 2034, amount: 600_000, cashable: true),
                (actor: "REG", from: 2027, to: 2034, amount: 100_000, cashable: false),
                (actor: "BUN", from: 2027, to: 2034, amount: 100_000, cashable: true),
            ],
            repayment: Fixed(share: 50, start: 2027, instalments: 4,
                             payers: [(actor: "SN", weight: 80), (actor: "BUN", weight: 20)]),
            actuals: [
                (year: 2025, fund: 1_000_000, repaid: []),
                (year: 2026, fund: 980_000, repaid: []),
            ],
        ),
        (
            code: "P2",
            name: "Hela familjen",
            owner: "SN",
            status: Approved,
            costs: [(year: 2027, fund: 500_000, own: 0, kind: Other)],
            savings: [(actor: "SN", from: 2028, to: 2034, amount: 300_000, cashable: true)],
            repayment: FromSavings(share: 50, start: 2028, cap: 100),
        ),
    ],
    scenarios: [(name: "Pessimistiskt", savings_factor: 60, cost_factor: 110, delay: 1)],
    budget: [
        (year: 2025, result_before_fund: 4_000_000, realisation_gains: 0),
        (year: 2026, result_before_fund: -1_000_000, realisation_gains: 200_000),
        (year: 2027, result_before_fund: 2_000_000),
        (year: 2028, result_before_fund: 2_000_000),
        (year: 2029, result_before_fund: 2_000_000),
        (year: 2030, result_before_fund: 2_000_000),
        (year: 2031, result_before_fund: 2_000_000),
        (year: 2032, result_before_fund: 2_000_000),
        (year: 2033, result_before_fund: 2_000_000),
        (year: 2034, result_before_fund: 2_000_000),
    ],
)"#;

fn clean_fund() -> Fund {
    store::parse_str(CLEAN, "test.ron").expect("the test fund parses")
}

/// The issues of a fund as (severity, path), in the order validation reports them.
fn issues(fund: &Fund) -> Vec<(Severity, String)> {
    validate(fund)
        .issues
        .iter()
        .map(|i| (i.severity, i.path.clone()))
        .collect()
}

/// Change the clean fund with `change` and check that exactly one error at `path` results.
fn only_error(path: &str, change: impl FnOnce(&mut Fund)) {
    let mut fund = clean_fund();
    change(&mut fund);
    assert_eq!(
        issues(&fund),
        vec![(Severity::Error, path.to_string())],
        "{:#?}",
        validate(&fund).issues
    );
}

fn only_warning(path: &str, change: impl FnOnce(&mut Fund)) {
    let mut fund = clean_fund();
    change(&mut fund);
    assert_eq!(
        issues(&fund),
        vec![(Severity::Warning, path.to_string())],
        "{:#?}",
        validate(&fund).issues
    );
}

fn p1(f: &mut Fund) -> &mut sif::model::Initiative {
    &mut f.initiatives[0]
}

fn p2(f: &mut Fund) -> &mut sif::model::Initiative {
    &mut f.initiatives[1]
}

fn fixed(f: &mut Fund) -> (&mut i32, &mut i32, &mut i32, &mut Vec<Payer>) {
    match &mut f.initiatives[0].repayment {
        Repayment::Fixed(f) => (
            &mut f.share,
            &mut f.start,
            &mut f.instalments,
            &mut f.payers,
        ),
        other => panic!("P1 repays Fixed, not {other:?}"),
    }
}

fn from_savings(f: &mut Fund) -> (&mut i32, &mut i32, &mut i32) {
    match &mut f.initiatives[1].repayment {
        Repayment::FromSavings { share, start, cap } => (share, start, cap),
        other => panic!("P2 repays FromSavings, not {other:?}"),
    }
}

#[test]
fn the_clean_fund_has_no_issues() {
    assert_eq!(issues(&clean_fund()), vec![]);
}

#[test]
fn every_issue_has_a_swedish_and_an_english_sentence() {
    let mut fund = clean_fund();
    fund.initiatives[0].costs[0].year = 2040;
    fund.scenarios[0].delay = 30;
    for issue in validate(&fund).issues {
        assert!(
            !issue.message(true).is_empty() && !issue.message(false).is_empty(),
            "{issue:?}"
        );
        assert_ne!(issue.message(true), issue.message(false), "{issue:?}");
        let shown = issue.to_string();
        assert!(shown.contains(&issue.path) && shown.contains("fel / error"));
    }
}

// ---- Errors: format and fund settings ----

#[test]
fn a_newer_format_is_an_error() {
    only_error("format", |f| f.format = 3);
}

#[test]
fn format_1_is_read() {
    let mut fund = clean_fund();
    fund.format = 1;
    assert_eq!(issues(&fund), vec![]);
}

// ---- Errors and warnings of file format 2 (SPEC §3.1) ----

#[test]
fn the_bank_of_format_1_is_an_error_in_format_2() {
    only_error("accounts.bank", |f| f.accounts.format1_bank = Some(1930));
    let mut fund = clean_fund();
    fund.format = 1;
    fund.accounts.format1_bank = Some(1930);
    assert_eq!(issues(&fund), vec![], "read and dropped in format 1");
}

#[test]
fn negative_reserve_movements_special_reasons_and_tax_base_are_errors() {
    only_error("budget[2027].reserve_reservation", |f| {
        f.budget[2].reserve_reservation = Money(-1)
    });
    only_error("budget[2027].reserve_use", |f| {
        f.budget[2].reserve_use = Money(-1)
    });
    only_error("budget[2027].special_reasons", |f| {
        f.budget[2].special_reasons = Money(-1)
    });
    only_error("budget[2027].tax_base", |f| {
        f.budget[2].tax_base = Money(-1)
    });
}

#[test]
fn the_adjustments_may_have_either_sign() {
    let mut fund = clean_fund();
    fund.budget[2].exemption_adjustment = Money(-100_000);
    fund.budget[2].securities_adjustment = Money(50_000);
    assert_eq!(issues(&fund), vec![]);
}

#[test]
fn special_reasons_without_a_note_are_an_error() {
    only_error("budget[2027].special_reasons_note", |f| {
        f.budget[2].special_reasons = Money(100)
    });
    let issue = {
        let mut f = clean_fund();
        f.budget[2].special_reasons = Money(100);
        validate(&f).issues.remove(0)
    };
    assert!(
        issue
            .message(true)
            .contains("synnerliga skäl måste motiveras"),
        "{}",
        issue.message(true)
    );
    assert!(
        issue.message(false).contains("must be justified"),
        "{}",
        issue.message(false)
    );
}

#[test]
fn earlier_deficits_are_checked() {
    let deficit = |year, amount| sif::model::EarlierDeficit {
        year,
        amount: Money(amount),
    };
    only_error("unrestored_deficits[1].year", |f| {
        f.unrestored_deficits = vec![deficit(2021, 100)]
    });
    only_error("unrestored_deficits[1].year", |f| {
        f.unrestored_deficits = vec![deficit(2025, 100)]
    });
    only_error("unrestored_deficits[1].amount", |f| {
        f.unrestored_deficits = vec![deficit(2024, 0)]
    });
    only_error("unrestored_deficits[2].year", |f| {
        f.unrestored_deficits = vec![deficit(2023, 100), deficit(2023, 200)]
    });
    let mut fund = clean_fund();
    fund.unrestored_deficits = vec![deficit(2022, 100_000), deficit(2024, 50_000)];
    assert_eq!(issues(&fund), vec![], "restored by the 2025 surplus");
}

#[test]
fn a_voucher_series_must_be_usable_in_sie() {
    for bad in ["", " ", "S I", "S\"I"] {
        only_error("accounts.voucher_series", |f| {
            f.accounts.voucher_series = bad.to_string()
        });
    }
    let mut fund = clean_fund();
    fund.accounts.voucher_series = "SOC".into();
    assert_eq!(issues(&fund), vec![]);
}

#[test]
fn the_appraisal_fields_are_checked() {
    only_error("initiatives[P1].savings[1].deadweight", |f| {
        p1(f).savings[0].deadweight = 101
    });
    only_error("initiatives[P1].savings[1].attribution", |f| {
        p1(f).savings[0].attribution = -1
    });
    only_error("initiatives[P1].savings[1].drop_off", |f| {
        p1(f).savings[0].drop_off = 200
    });
    only_error("initiatives[P1].savings[1].optimism_bias", |f| {
        p1(f).savings[0].optimism_bias = 101
    });
    only_error("initiatives[P1].savings[1].low", |f| {
        p1(f).savings[0].low = 101
    });
    only_error("initiatives[P1].savings[1].high", |f| {
        p1(f).savings[0].high = 99
    });
    only_error("initiatives[P1].savings[1].high", |f| {
        p1(f).savings[0].high = 301
    });
    only_error("appraisal.cost_optimism_bias", |f| {
        f.appraisal.cost_optimism_bias = 201
    });
    let band = |from_year, rate| sif::model::DiscountBand { from_year, rate };
    only_error("appraisal.discount_bands[1].from_year", |f| {
        f.appraisal.discount_bands = vec![band(0, 3.0)]
    });
    only_error("appraisal.discount_bands[2].from_year", |f| {
        f.appraisal.discount_bands = vec![band(5, 3.0), band(5, 2.0)]
    });
    only_error("appraisal.discount_bands[1].rate", |f| {
        f.appraisal.discount_bands = vec![band(5, 20.5)]
    });
    only_error("appraisal.discount_bands[1].rate", |f| {
        f.appraisal.discount_bands = vec![band(5, f64::NAN)]
    });
    // The extremes are allowed (on the region's saving, which no repayment relies on).
    let mut fund = clean_fund();
    p1(&mut fund).savings[1].deadweight = 100;
    p1(&mut fund).savings[1].low = 0;
    p1(&mut fund).savings[1].high = 300;
    fund.appraisal.cost_optimism_bias = 200;
    fund.appraisal.discount_bands = vec![band(31, 3.0)];
    assert_eq!(issues(&fund), vec![]);
}

fn capital(date: &str, amount: i64, kind: sif::model::CapitalKind) -> sif::model::CapitalEvent {
    sif::model::CapitalEvent {
        date: date.into(),
        amount: Money(amount),
        kind,
        note: String::new(),
    }
}

#[test]
fn a_year_the_fund_cannot_pay_is_a_warning() {
    // A release in 2027 leaves the fund with nothing for P2's 500 000.
    let release = |f: &mut Fund| {
        f.capital.push(capital(
            "2027-03-01",
            8_500_000,
            sif::model::CapitalKind::Release,
        ))
    };
    only_warning("statement[2027].unfunded", release);
    let mut fund = clean_fund();
    release(&mut fund);
    let w = validate(&fund).issues.remove(0);
    assert!(
        w.message(true).contains(&format!(
            "{} belastar det fria egna kapitalet",
            sif::money::format_sv_kr(Money(500_000))
        )),
        "{}",
        w.message(true)
    );
    assert!(
        w.message(false).contains(&format!(
            "{} burdens free equity",
            sif::money::format_en_kr(Money(500_000))
        )),
        "{}",
        w.message(false)
    );
}

#[test]
fn over_commitment_is_a_warning() {
    // After a release in 2025 the fund can pay each year as it comes (a new earmarking in
    // 2026 helps), but at the end of 2025 it holds less than later years will need.
    only_warning("statement[2025].uncommitted", |f| {
        f.capital.push(capital(
            "2025-03-01",
            8_700_000,
            sif::model::CapitalKind::Release,
        ));
        f.capital.push(capital(
            "2026-01-01",
            1_000_000,
            sif::model::CapitalKind::Earmark,
        ));
    });
}

#[test]
fn an_open_year_out_of_balance_is_a_warning() {
    only_warning("budget[2027].result_before_fund", |f| {
        f.budget[2].result_before_fund = Money(400_000)
    });
}

#[test]
fn a_deficit_not_restored_within_three_years_is_a_warning() {
    let mut fund = clean_fund();
    fund.unrestored_deficits = vec![sif::model::EarlierDeficit {
        year: 2022,
        amount: Money(9_000_000),
    }];
    let warnings: Vec<String> = validate(&fund).warnings().map(|w| w.path.clone()).collect();
    assert_eq!(warnings[0], "budget[2025].result_before_fund");
    assert!(
        warnings.iter().all(|p| p.ends_with(".result_before_fund")),
        "{warnings:?}"
    );
}

#[test]
fn a_reserve_used_beyond_the_deficit_is_a_warning() {
    only_warning("budget[2027].reserve_use", |f| {
        f.budget[2].reserve_use = Money(100_000)
    });
}

#[test]
fn a_reservation_beyond_the_room_above_one_percent_is_a_warning() {
    // 2027: result after adjustments 1 500 000; 1 % of 100 000 000 is 1 000 000.
    only_warning("budget[2027].reserve_reservation", |f| {
        f.budget[2].tax_base = Money(100_000_000);
        f.budget[2].reserve_reservation = Money(600_000);
    });
    let mut fund = clean_fund();
    fund.budget[2].tax_base = Money(100_000_000);
    fund.budget[2].reserve_reservation = Money(500_000);
    assert_eq!(issues(&fund), vec![], "exactly the room is allowed");
    fund.budget[2].reserve_reservation = Money(600_000);
    let w = validate(&fund).issues.remove(0);
    assert!(
        w.message(true).contains("1 %") && w.message(true).contains("2 %"),
        "{}",
        w.message(true)
    );
}

#[test]
fn special_reasons_beyond_the_deficit_are_a_warning() {
    only_warning("budget[2027].special_reasons", |f| {
        f.budget[2].special_reasons = Money(100_000);
        f.budget[2].special_reasons_note = "KF 2028-03-01 § 4".into();
    });
}

#[test]
fn format_zero_is_an_error() {
    only_error("format", |f| f.format = 0);
}

#[test]
fn an_empty_fund_name_is_an_error() {
    only_error("name", |f| f.name = "  ".into());
}

#[test]
fn an_empty_organisation_is_an_error() {
    only_error("organisation", |f| f.organisation = String::new());
}

#[test]
fn a_horizon_over_sixty_years_is_an_error() {
    only_error("years", |f| f.years = 61);
}

#[test]
fn a_horizon_of_zero_years_is_an_error() {
    // With no years, nothing else can be checked against the horizon: an empty fund.
    let mut fund = Fund::empty("Fonden", "Kommunen", 2025);
    fund.years = 0;
    assert_eq!(issues(&fund), vec![(Severity::Error, "years".to_string())]);
}

#[test]
fn an_implausible_first_year_is_an_error() {
    let mut fund = Fund::empty("Fonden", "Kommunen", 1850);
    assert_eq!(
        issues(&fund),
        vec![(Severity::Error, "first_year".to_string())]
    );
    fund.first_year = 2201;
    assert_eq!(
        issues(&fund),
        vec![(Severity::Error, "first_year".to_string())]
    );
    fund.first_year = 2200;
    assert_eq!(issues(&fund), vec![]);
}

#[test]
fn a_discount_rate_out_of_range_is_an_error() {
    only_error("discount_rate", |f| f.discount_rate = 20.5);
    only_error("discount_rate", |f| f.discount_rate = -0.1);
    only_error("discount_rate", |f| f.discount_rate = f64::NAN);
    only_error("discount_rate", |f| f.discount_rate = f64::INFINITY);
}

#[test]
fn discount_rate_bounds_are_allowed() {
    let mut fund = clean_fund();
    fund.discount_rate = 0.0;
    assert_eq!(issues(&fund), vec![]);
    fund.discount_rate = 20.0;
    assert_eq!(issues(&fund), vec![]);
}

#[test]
fn closed_through_outside_the_horizon_is_an_error() {
    only_error("closed_through", |f| f.closed_through = Some(2035));
}

// ---- Errors: codes and names ----

#[test]
fn a_duplicate_actor_code_is_an_error() {
    only_error("actors[SN].code", |f| f.actors[3].code = "SN".into());
}

#[test]
fn an_empty_actor_code_is_an_error() {
    // Rows without a code are named by their row number, counted from 1.
    only_error("actors[4].code", |f| f.actors[3].code = String::new());
}

#[test]
fn an_empty_actor_name_is_an_error() {
    only_error("actors[KFN].name", |f| f.actors[3].name = String::new());
}

#[test]
fn a_duplicate_initiative_code_is_an_error() {
    only_error("initiatives[P1].code", |f| {
        // Make the second P1 a copy of the first, so nothing else differs.
        let copy = f.initiatives[0].clone();
        f.initiatives[1] = copy;
    });
}

#[test]
fn an_empty_initiative_code_is_an_error() {
    only_error("initiatives[2].code", |f| p2(f).code = String::new());
}

#[test]
fn an_empty_initiative_name_is_an_error() {
    only_error("initiatives[P2].name", |f| p2(f).name = String::new());
}

#[test]
fn an_empty_scenario_name_is_an_error() {
    only_error("scenarios[1].name", |f| f.scenarios[0].name = String::new());
}

#[test]
fn a_duplicate_scenario_name_is_an_error() {
    only_error("scenarios[Pessimistiskt].name", |f| {
        let copy = f.scenarios[0].clone();
        f.scenarios.push(copy);
    });
}

#[test]
fn base_is_reserved_as_a_scenario_name() {
    only_error("scenarios[Base].name", |f| {
        f.scenarios[0].name = "Base".into()
    });
}

// ---- Errors: unknown actors and actors that must be committees ----

#[test]
fn an_unknown_holder_is_an_error() {
    only_error("holder", |f| f.holder = "KF".into());
}

#[test]
fn an_external_holder_is_an_error() {
    only_error("holder", |f| f.holder = "REG".into());
}

#[test]
fn an_unknown_owner_is_an_error() {
    only_error("initiatives[P1].owner", |f| p1(f).owner = "XYZ".into());
}

#[test]
fn an_external_owner_is_an_error() {
    only_error("initiatives[P1].owner", |f| p1(f).owner = "REG".into());
}

#[test]
fn an_unknown_savings_actor_is_an_error() {
    only_error("initiatives[P1].savings[2].actor", |f| {
        p1(f).savings[1].actor = "FK".into()
    });
}

#[test]
fn an_external_actor_may_have_savings() {
    // REG in P1 is external; the clean fund already shows it, this keeps the rule explicit.
    let fund = clean_fund();
    assert_eq!(fund.initiatives[0].savings[1].actor, "REG");
    assert_eq!(issues(&fund), vec![]);
}

#[test]
fn an_unknown_payer_is_an_error() {
    only_error("initiatives[P1].repayment.payers[2].actor", |f| {
        fixed(f).3[1].actor = "UTB".into()
    });
}

#[test]
fn an_external_payer_is_an_error() {
    only_error("initiatives[P1].repayment.payers[1].actor", |f| {
        fixed(f).3[0].actor = "REG".into()
    });
}

#[test]
fn an_unknown_actor_in_actual_repayments_is_an_error() {
    only_error("initiatives[P1].actuals[2].repaid[1].actor", |f| {
        p1(f).actuals[1].repaid.push(ActualRepayment {
            actor: "XX".into(),
            amount: Money(0),
        })
    });
}

#[test]
fn an_external_actor_cannot_repay() {
    only_error("initiatives[P1].actuals[1].repaid[1].actor", |f| {
        p1(f).actuals[0].repaid.push(ActualRepayment {
            actor: "REG".into(),
            amount: Money(10_000),
        })
    });
}

// ---- Errors: years outside the horizon ----

#[test]
fn a_cost_year_outside_the_horizon_is_an_error() {
    only_error("initiatives[P2].costs[1].year", |f| {
        p2(f).costs[0].year = 2035
    });
}

#[test]
fn a_savings_from_year_outside_the_horizon_is_an_error() {
    only_error("initiatives[P1].savings[1].from", |f| {
        p1(f).savings[0].from = 2024
    });
}

#[test]
fn a_savings_to_year_outside_the_horizon_is_an_error() {
    only_error("initiatives[P1].savings[1].to", |f| {
        p1(f).savings[0].to = 2040
    });
}

#[test]
fn savings_from_after_to_is_an_error() {
    only_error("initiatives[P1].savings[1].from", |f| {
        p1(f).savings[0].from = 2030;
        p1(f).savings[0].to = 2029;
    });
}

#[test]
fn a_fixed_start_outside_the_horizon_is_an_error() {
    only_error("initiatives[P1].repayment.start", |f| *fixed(f).1 = 2035);
}

#[test]
fn a_from_savings_start_outside_the_horizon_is_an_error() {
    only_error("initiatives[P2].repayment.start", |f| {
        *from_savings(f).1 = 2024
    });
}

#[test]
fn an_actual_year_outside_the_horizon_is_an_error() {
    only_error("initiatives[P1].actuals[1].year", |f| {
        p1(f).actuals[0].year = 2024
    });
}

#[test]
fn a_budget_year_outside_the_horizon_is_an_error() {
    only_error("budget[2035].year", |f| f.budget[1].year = 2035);
}

#[test]
fn a_capital_date_outside_the_horizon_is_an_error() {
    only_error("capital[1].date", |f| {
        f.capital[0].date = "2024-12-31".into()
    });
}

#[test]
fn a_capital_date_that_is_not_a_date_is_an_error() {
    only_error("capital[1].date", |f| {
        f.capital[0].date = "2025-02-30".into()
    });
    only_error("capital[1].date", |f| {
        f.capital[0].date = "15/2 2025".into()
    });
}

#[test]
fn an_end_year_outside_the_horizon_is_an_error() {
    only_error("initiatives[P1].ended", |f| {
        p1(f).status = Status::Terminated;
        p1(f).ended = Some(2040);
    });
}

// ---- Errors: amounts ----

#[test]
fn a_negative_capital_amount_is_an_error() {
    only_error("capital[1].amount", |f| f.capital[0].amount = Money(-1));
}

#[test]
fn a_negative_fund_cost_is_an_error() {
    only_error("initiatives[P1].costs[2].fund", |f| {
        p1(f).costs[1].fund = Money(-1_000_000)
    });
}

#[test]
fn a_negative_own_cost_is_an_error() {
    only_error("initiatives[P1].costs[2].own", |f| {
        p1(f).costs[1].own = Money(-5)
    });
}

#[test]
fn a_negative_saving_is_an_error() {
    only_error("initiatives[P1].savings[1].amount", |f| {
        p1(f).savings[0].amount = Money(-600_000)
    });
}

#[test]
fn a_negative_actual_fund_figure_is_an_error() {
    only_error("initiatives[P1].actuals[1].fund", |f| {
        p1(f).actuals[0].fund = Money(-1)
    });
}

#[test]
fn a_negative_actual_repayment_is_an_error() {
    only_error("initiatives[P1].actuals[2].repaid[1].amount", |f| {
        p1(f).actuals[1].repaid.push(ActualRepayment {
            actor: "SN".into(),
            amount: Money(-100),
        })
    });
}

#[test]
fn negative_realisation_gains_are_an_error() {
    only_error("budget[2026].realisation_gains", |f| {
        f.budget[1].realisation_gains = Money(-1)
    });
}

#[test]
fn a_negative_result_before_fund_is_allowed() {
    // A deficit is a result, not an amount of money moved: the clean fund has one in 2026.
    let fund = clean_fund();
    assert!(fund.budget[1].result_before_fund.0 < 0);
    assert_eq!(issues(&fund), vec![]);
}

#[test]
fn an_amount_above_ten_to_the_twelfth_is_an_error() {
    only_error("initiatives[P1].costs[1].fund", |f| {
        p1(f).costs[0].fund = Money(1_000_000_000_001)
    });
    only_error("budget[2025].result_before_fund", |f| {
        f.budget[0].result_before_fund = Money(-1_000_000_000_001)
    });
    only_error("capital[1].amount", |f| {
        f.capital[0].amount = Money(i64::MAX)
    });
}

#[test]
fn an_amount_of_exactly_ten_to_the_twelfth_is_allowed() {
    let mut fund = clean_fund();
    fund.capital[0].amount = Money(1_000_000_000_000);
    assert_eq!(issues(&fund), vec![]);
}

// ---- Errors: repayment agreements ----

#[test]
fn fixed_weights_not_summing_to_100_are_an_error() {
    only_error("initiatives[P1].repayment.payers", |f| {
        fixed(f).3[1].weight = 30
    });
}

#[test]
fn fixed_without_payers_is_an_error() {
    only_error("initiatives[P1].repayment.payers", |f| fixed(f).3.clear());
}

#[test]
fn a_negative_payer_weight_is_an_error() {
    only_error("initiatives[P1].repayment.payers[2].weight", |f| {
        let payers = fixed(f).3;
        payers[0].weight = 110;
        payers[1].weight = -10;
    });
}

#[test]
fn zero_instalments_are_an_error() {
    only_error("initiatives[P1].repayment.instalments", |f| *fixed(f).2 = 0);
}

#[test]
fn more_than_100_instalments_are_an_error() {
    only_error("initiatives[P1].repayment.instalments", |f| {
        *fixed(f).2 = 101
    });
}

#[test]
fn a_fixed_share_outside_0_to_100_is_an_error() {
    only_error("initiatives[P1].repayment.share", |f| *fixed(f).0 = 101);
    only_error("initiatives[P1].repayment.share", |f| *fixed(f).0 = -1);
}

#[test]
fn a_from_savings_share_outside_0_to_100_is_an_error() {
    only_error("initiatives[P2].repayment.share", |f| {
        *from_savings(f).0 = 101
    });
}

#[test]
fn a_from_savings_cap_outside_0_to_200_is_an_error() {
    only_error("initiatives[P2].repayment.cap", |f| {
        *from_savings(f).2 = 201
    });
    only_error("initiatives[P2].repayment.cap", |f| *from_savings(f).2 = -1);
}

#[test]
fn a_cap_of_200_is_allowed_but_cannot_finish_here() {
    // 200 % of 500 000 is 1 000 000; SN repays 150 000 a year from 2028 = 1 050 000 by 2034.
    let mut fund = clean_fund();
    *from_savings(&mut fund).2 = 200;
    assert_eq!(issues(&fund), vec![]);
}

// ---- Errors: scenarios ----

#[test]
fn a_savings_factor_above_1000_is_an_error() {
    only_error("scenarios[Pessimistiskt].savings_factor", |f| {
        f.scenarios[0].savings_factor = 1001
    });
}

#[test]
fn a_negative_cost_factor_is_an_error() {
    only_error("scenarios[Pessimistiskt].cost_factor", |f| {
        f.scenarios[0].cost_factor = -1
    });
}

#[test]
fn a_delay_outside_0_to_20_is_an_error() {
    only_error("scenarios[Pessimistiskt].delay", |f| {
        f.scenarios[0].delay = 21
    });
    only_error("scenarios[Pessimistiskt].delay", |f| {
        f.scenarios[0].delay = -1
    });
}

#[test]
fn scenario_bounds_are_allowed() {
    let mut fund = clean_fund();
    fund.scenarios.push(Scenario {
        name: "Ytterlighet".into(),
        savings_factor: 1000,
        cost_factor: 0,
        delay: 20,
    });
    assert_eq!(issues(&fund), vec![]);
}

// ---- Errors: actuals and budget rows ----

#[test]
fn actuals_for_an_open_year_are_an_error() {
    only_error("initiatives[P2].actuals[1].year", |f| {
        p2(f).actuals.push(Actual {
            year: 2027,
            fund: Money(500_000),
            repaid: vec![],
            ..Default::default()
        })
    });
}

#[test]
fn actuals_without_any_closed_year_are_an_error() {
    let mut fund = clean_fund();
    fund.closed_through = None;
    assert_eq!(
        issues(&fund),
        vec![
            (Severity::Error, "initiatives[P1].actuals[1].year".into()),
            (Severity::Error, "initiatives[P1].actuals[2].year".into()),
        ]
    );
}

#[test]
fn two_actual_rows_for_one_year_are_an_error() {
    only_error("initiatives[P1].actuals[3].year", |f| {
        let copy = p1(f).actuals[1].clone();
        p1(f).actuals.push(copy);
    });
}

#[test]
fn two_budget_rows_for_one_year_are_an_error() {
    only_error("budget[2026].year", |f| {
        let copy = f.budget[1].clone();
        f.budget.push(copy);
    });
}

#[test]
fn issues_carry_a_location_for_the_app() {
    let mut fund = clean_fund();
    fund.budget.push(BudgetYear {
        year: 2050,
        result_before_fund: Money(0),
        realisation_gains: Money(0),
        ..Default::default()
    });
    fund.initiatives[1].costs[0].fund = Money(-1);
    fund.scenarios[0].delay = 99;
    fund.capital[0].amount = Money(-1);
    fund.actors[3].name = String::new();
    fund.holder = "REG".into();
    let locations: Vec<Location> = validate(&fund).issues.iter().map(|i| i.location).collect();
    assert_eq!(
        locations,
        vec![
            Location::Fund,
            Location::Actor(3),
            Location::Capital(0),
            Location::Initiative(1),
            Location::Scenario(0),
            Location::Budget(10),
        ]
    );
}

// ---- Warnings ----

#[test]
fn a_fund_that_runs_out_warns_in_the_year_it_cannot_pay() {
    // 10 MSEK earmarked; 2 MSEK spent in 2025–26; 9 MSEK more in 2027 is more than it holds
    // (8 020 000 + 250 000 repaid): 730 000 is unfunded, and the fund never goes below zero.
    // From 2025 on it is over-committed: later years need more than it holds.
    let mut fund = clean_fund();
    p2(&mut fund).costs[0].fund = Money(9_000_000);
    // Keep P2's repayment completable and the budget in balance, so that only the fund warns.
    *from_savings(&mut fund).2 = 10;
    fund.budget[2].result_before_fund = Money(9_500_000);
    assert_eq!(
        issues(&fund),
        vec![
            (Severity::Warning, "statement[2027].unfunded".to_string()),
            (Severity::Warning, "statement[2025].uncommitted".to_string()),
        ]
    );
    let p = sif::engine::project(&fund, &Default::default()).unwrap();
    assert_eq!(p.statement[2].unfunded, Money(730_000));
    assert!(p.statement.iter().all(|y| y.closing.0 >= 0));
}

#[test]
fn an_overspent_yearly_pot_warns() {
    only_warning("statement[2027].unfunded", |f| {
        f.model = FundingModel::AnnualAppropriation;
        // Pots for every year but 2027 cover what is spent.
        f.capital.clear();
        for (year, amount) in [(2025, 1_000_000), (2026, 1_000_000), (2027, 400_000)] {
            f.capital.push(sif::model::CapitalEvent {
                date: format!("{year}-01-01").into(),
                amount: Money(amount),
                kind: sif::model::CapitalKind::Earmark,
                note: String::new(),
            });
        }
        // Actuals in closed years: 1 000 000 and 980 000 fit the pots.
    });
}

#[test]
fn a_repayment_that_cannot_finish_warns() {
    only_warning("initiatives[P1].repayment", |f| *fixed(f).1 = 2032);
}

#[test]
fn a_from_savings_repayment_that_cannot_finish_warns() {
    only_warning("initiatives[P2].repayment", |f| {
        p2(f).savings[0].amount = Money(100_000)
    });
}

#[test]
fn a_proposed_initiative_that_cannot_finish_warns_too() {
    only_warning("initiatives[P2].repayment", |f| {
        p2(f).status = Status::Proposed;
        p2(f).savings[0].to = 2029;
    });
}

#[test]
fn an_initiative_without_savings_warns() {
    only_warning("initiatives[P2].savings", |f| {
        p2(f).savings.clear();
        p2(f).repayment = Repayment::Grant;
    });
}

#[test]
fn savings_rows_of_zero_count_as_no_savings() {
    only_warning("initiatives[P2].savings", |f| {
        p2(f).savings[0].amount = Money(0);
        p2(f).repayment = Repayment::Grant;
    });
}

#[test]
fn from_savings_without_cashable_committee_savings_warns_once() {
    // Nothing can be repaid, so the repayment is also incomplete; one warning says why.
    only_warning("initiatives[P2].repayment", |f| {
        p2(f).savings[0].cashable = false
    });
    only_warning("initiatives[P2].repayment", |f| {
        p2(f).savings[0].actor = "REG".into();
        p2(f).savings[0].cashable = true;
    });
}

#[test]
fn a_planned_repayment_not_paid_in_a_closed_year_warns_as_arrears() {
    // P1 repays 250 000 a year from 2027; close 2027 and record only 100 000 from SN.
    let mut fund = clean_fund();
    fund.closed_through = Some(2027);
    fund.initiatives[0].actuals.push(Actual {
        year: 2027,
        fund: Money(0),
        repaid: vec![ActualRepayment {
            actor: "SN".into(),
            amount: Money(100_000),
        }],
        ..Default::default()
    });
    fund.initiatives[1].actuals.push(Actual {
        year: 2027,
        fund: Money(500_000),
        repaid: vec![],
        ..Default::default()
    });
    let report = validate(&fund);
    let texts: Vec<String> = report.issues.iter().map(|i| i.message(false)).collect();
    let got: Vec<(Severity, &str, &str)> = report
        .issues
        .iter()
        .zip(&texts)
        .map(|(i, text)| (i.severity, i.path.as_str(), text.as_str()))
        .collect();
    // SN owes 80 % of 250 000 = 200 000 and paid 100 000; BUN owes 50 000 and paid nothing.
    assert_eq!(
        got,
        vec![
            (
                Severity::Warning,
                "initiatives[P1].actuals",
                "SN has repaid SEK\u{a0}100,000 less than planned in closed years (arrears; owed in addition to the plan, which does not change)"
            ),
            (
                Severity::Warning,
                "initiatives[P1].actuals",
                "BUN has repaid SEK\u{a0}50,000 less than planned in closed years (arrears; owed in addition to the plan, which does not change)"
            ),
        ]
    );
    assert!(
        report.issues[0]
            .message(true)
            .contains("100\u{a0}000\u{a0}kr")
    );
}

#[test]
fn paying_in_full_in_a_closed_year_does_not_warn() {
    let mut fund = clean_fund();
    fund.closed_through = Some(2027);
    fund.initiatives[0].actuals.push(Actual {
        year: 2027,
        fund: Money(0),
        repaid: vec![
            ActualRepayment {
                actor: "SN".into(),
                amount: Money(200_000),
            },
            ActualRepayment {
                actor: "BUN".into(),
                amount: Money(50_000),
            },
        ],
        ..Default::default()
    });
    fund.initiatives[1].actuals.push(Actual {
        year: 2027,
        fund: Money(500_000),
        repaid: vec![],
        ..Default::default()
    });
    assert_eq!(issues(&fund), vec![]);
}

#[test]
fn a_terminated_initiative_without_an_end_year_warns() {
    only_warning("initiatives[P2].ended", |f| {
        p2(f).status = Status::Terminated
    });
}

#[test]
fn an_end_year_on_an_initiative_that_is_not_terminated_warns() {
    only_warning("initiatives[P2].ended", |f| p2(f).ended = Some(2030));
}

#[test]
fn a_malformed_organisation_number_warns() {
    only_warning("org_number", |f| f.org_number = Some("2120000123".into()));
}

#[test]
fn errors_come_before_warnings_and_suppress_projection_warnings() {
    let mut fund = clean_fund();
    fund.org_number = Some("x".into()); // a warning from the settings
    fund.initiatives[1].savings.clear(); // would warn, but needs the projection
    fund.initiatives[0].costs.push(CostRow {
        year: 2099,
        fund: Money(1),
        own: Money(0),
        kind: CostKind::Other,
    });
    assert_eq!(
        issues(&fund),
        vec![
            (Severity::Error, "initiatives[P1].costs[3].year".into()),
            (Severity::Warning, "org_number".into()),
        ]
    );
}

#[test]
fn a_fund_too_large_to_sum_is_an_error_not_a_panic() {
    // Every amount is within the limit, but 160 000 rows of 10^12 a year over 60 years sum to
    // more than an i64 holds (about 9.2 * 10^18).
    let mut fund = clean_fund();
    fund.years = 60;
    fund.initiatives[1].savings = vec![
        SavingsRow {
            actor: "SN".into(),
            from: 2025,
            to: 2084,
            amount: Money(1_000_000_000_000),
            cashable: true,
            ..Default::default()
        };
        160_000
    ];
    assert_eq!(
        issues(&fund),
        vec![(Severity::Error, "initiatives".to_string())]
    );
}
