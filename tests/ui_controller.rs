//! The controllers' and finance officers' views, driven headless through the accessibility
//! tree (egui_kittest): Repayments (record actual figures, see the arrears and the fund
//! statement move, close a year), Balanced budget (change a budget input, see both rule sets
//! move) and Ledger (vouchers, trial balance, exports through a fake file dialog).
//!
//! Most tests run on the sample fund "Mellanstads kommun: uppföljning" (closed through 2025,
//! with actual figures and arrears), and compare what the screen shows with the engine.

use sif_app as app;

use app::SifApp;
use app::i18n::{self, Lang, T};
use app::views::budget::{self, Line};
use app::views::repayments::{self, Measure};
use eframe::egui::{self, Key, Modifiers, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use sif::engine::{Options, Projection, project};
use sif::model::Fund;
use sif::money::Money;
use sif_testkit::ui::{
    self, FakeDialogs, H, choose, input, nav, shows, sv, type_into_input as type_into,
};

fn harness_on(fund: Fund, lang: Lang) -> (H, FakeDialogs) {
    harness_sized(fund, lang, ui::SIZE)
}

fn tall_harness_on(fund: Fund, lang: Lang) -> (H, FakeDialogs) {
    harness_sized(fund, lang, ui::TALL)
}

fn harness_sized(fund: Fund, lang: Lang, size: egui::Vec2) -> (H, FakeDialogs) {
    let dialogs = FakeDialogs::default();
    let app = ui::app_on(fund, lang, Box::new(dialogs.clone()), "2026-03-15");
    (ui::window(app, size), dialogs)
}

fn uppfoljning() -> Fund {
    sif::store::parse_str(sif::samples::SAMPLES[1].text, "uppfoljning").unwrap()
}

fn projection(fund: &Fund) -> Projection {
    project(fund, &Options::default()).unwrap()
}

fn grid(who: &str, year: i32, measure: Measure, m: i64) -> String {
    repayments::grid_cell_name(Lang::Sv, who, Some(year), measure, &sv(m))
}

fn closing(p: &Projection, year: i32) -> i64 {
    p.statement[p.year_index(year).unwrap()].closing.0
}

fn repaid_by(fund: &Fund, initiative: usize, year: i32, actor: &str) -> Option<Money> {
    fund.initiatives[initiative]
        .actuals
        .iter()
        .filter(|a| a.year == year)
        .flat_map(|a| &a.repaid)
        .find(|r| r.actor == actor)
        .map(|r| r.amount)
}

#[test]
fn recording_an_actual_repayment_moves_the_arrears_and_the_fund_statement() {
    let (mut h, _) = harness_on(uppfoljning(), Lang::Sv);
    let before = projection(&h.state().doc.fund);
    let warnings_before = h.state().cache.analysis.report.warning_count();
    nav(&mut h, "Återföringar");
    // M1 (from savings): SOC was to repay 300 000 in 2025 and repaid 200 000.
    assert!(shows(&h, &grid("SOC", 2025, Measure::Arrears, 100_000)));
    assert!(shows(
        &h,
        &grid("Hela fonden", 2025, Measure::FundRepaid, 350_000)
    ));
    h.get_by_label("M1").click();
    h.run();
    assert!(shows(
        &h,
        &repayments::editor_arrears_name(Lang::Sv, "SOC", 2025, &sv(100_000))
    ));
    assert_eq!(
        input(&h, "Utfall SOC 2025").value().as_deref(),
        Some(sv(200_000).as_str())
    );

    type_into(&mut h, "Utfall SOC 2025", "300 000");

    let fund = h.state().doc.fund.clone();
    assert_eq!(repaid_by(&fund, 0, 2025, "SOC"), Some(Money(300_000)));
    assert_eq!(repaid_by(&fund, 0, 2025, "UTB"), Some(Money(150_000)));
    assert_eq!(h.state().doc.history.undo_len(), 1);
    // The arrears are gone, in the grid, the editor and the list.
    assert!(shows(&h, &grid("SOC", 2025, Measure::Arrears, 0)));
    assert!(shows(
        &h,
        &repayments::editor_arrears_name(Lang::Sv, "SOC", 2025, &sv(0))
    ));
    assert!(!shows(&h, &grid("SOC", 2025, Measure::Arrears, 100_000)));
    // The fund received 100 000 more in 2025, and its balance at the end of 2025 is 100 000
    // higher. (Later years follow the engine: the repayment is capped, so paying more now
    // leaves less to pay later.)
    assert!(shows(
        &h,
        &grid("Hela fonden", 2025, Measure::FundRepaid, 450_000)
    ));
    let after = projection(&fund);
    assert_eq!(closing(&after, 2025), closing(&before, 2025) + 100_000);
    assert_eq!(closing(&after, 2024), closing(&before, 2024));
    for year in 2023..=2030 {
        assert!(shows(
            &h,
            &grid(
                "Hela fonden",
                year,
                Measure::FundClosing,
                closing(&after, year)
            )
        ));
    }
    assert!(!shows(
        &h,
        &grid(
            "Hela fonden",
            2025,
            Measure::FundClosing,
            closing(&before, 2025)
        )
    ));
    // The arrears warning went with it.
    assert!(h.state().cache.analysis.report.warning_count() < warnings_before);

    // Undo puts the recorded 200 000 and the arrears back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        repaid_by(&h.state().doc.fund, 0, 2025, "SOC"),
        Some(Money(200_000))
    );
    assert!(shows(&h, &grid("SOC", 2025, Measure::Arrears, 100_000)));
    assert!(shows(
        &h,
        &grid(
            "Hela fonden",
            2025,
            Measure::FundClosing,
            closing(&before, 2025)
        )
    ));
    assert_eq!(
        input(&h, "Utfall SOC 2025").value().as_deref(),
        Some(sv(200_000).as_str())
    );
}

#[test]
fn the_grid_totals_per_payer_and_per_year_match_the_engine() {
    let fund = uppfoljning();
    let p = projection(&fund);
    let (mut h, _) = harness_on(fund.clone(), Lang::Sv);
    nav(&mut h, "Återföringar");
    let flows: Vec<_> = p.initiatives.iter().flat_map(|ip| &ip.repayments).collect();
    for code in ["SOC", "UTB", "FHN"] {
        let actor = fund.actor_index(code).unwrap();
        let planned: i64 = flows
            .iter()
            .filter(|f| f.actor == actor)
            .flat_map(|f| &f.planned)
            .map(|m| m.0)
            .sum();
        assert!(shows(
            &h,
            &repayments::grid_cell_name(Lang::Sv, code, None, Measure::Planned, &sv(planned))
        ));
    }
    for (y, sy) in p.statement.iter().enumerate() {
        let planned: i64 = flows.iter().map(|f| f.planned[y].0).sum();
        assert!(shows(
            &h,
            &grid("Alla betalare", sy.year, Measure::Planned, planned)
        ));
        if y < p.closed_years {
            // What all payers actually paid is what the fund statement received.
            assert!(shows(
                &h,
                &grid("Alla betalare", sy.year, Measure::Actual, sy.repaid.0)
            ));
        }
    }
    let arrears: i64 = flows.iter().map(|f| f.arrears(p.closed_years).0).sum();
    assert_eq!(arrears, 100_000);
    assert!(shows(
        &h,
        &repayments::grid_cell_name(
            Lang::Sv,
            "Alla betalare",
            None,
            Measure::Arrears,
            &sv(arrears)
        )
    ));
}

#[test]
fn the_filter_chooses_payers_initiatives_and_statuses() {
    let (mut h, _) = harness_on(uppfoljning(), Lang::Sv);
    nav(&mut h, "Återföringar");
    let shown = |h: &Harness<'_, SifApp>| -> Vec<usize> {
        let s = h.state().ui.repayments.summary.as_ref().unwrap();
        s.rows.iter().map(|r| r.index).collect()
    };
    assert_eq!(shown(&h), [0, 1, 2]);

    choose(&mut h, "Betalare", "FHN – Fritids- och kulturnämnden");
    assert_eq!(shown(&h), [2]);
    assert!(shows(&h, &grid("FHN", 2026, Measure::Planned, 250_000)));
    assert!(!shows(&h, &grid("SOC", 2026, Measure::Planned, 300_000)));
    choose(&mut h, "Betalare", "Alla betalare");

    input(&h, "Insats").focus();
    h.run();
    input(&h, "Insats").type_text("boende");
    h.run();
    assert_eq!(shown(&h), [1]);
    input(&h, "Insats").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(shown(&h), [0, 1, 2]);

    choose(&mut h, "Status", "Avbruten");
    assert_eq!(shown(&h), [2]);
    choose(&mut h, "Status", "Alla statusar");

    h.get_by_label("Bara eftersläpning").click();
    h.run();
    assert_eq!(shown(&h), [0], "only M1 has arrears");
    // Filtering changes the view, never the document.
    assert_eq!(h.state().doc.history.undo_len(), 0);
}

#[test]
fn closing_a_year_asks_first_says_what_changes_and_can_be_undone() {
    let fund = uppfoljning();
    let plan = projection(&fund);
    let (mut h, _) = harness_on(fund, Lang::Sv);
    nav(&mut h, "Återföringar");
    h.get_by_label("Stäng år 2026…").click();
    h.run();
    h.get_by_label("Stäng år 2026?");
    let sy = &plan.statement[plan.year_index(2026).unwrap()];
    let kr = |m: i64| i18n::money_kr(Lang::Sv, Money(m));
    // Today's plan beside what the year becomes: nothing recorded yet, so 0 paid and received.
    for (line, planned) in [
        ("Utbetalt från fonden 2026", sy.disbursed.0),
        ("Återfört till fonden 2026", sy.repaid.0),
    ] {
        assert!(planned > 0);
        assert!(shows(&h, &format!("{line}, plan nu: {}", kr(planned))));
        assert!(shows(&h, &format!("{line}, efter stängning: {}", kr(0))));
    }
    let zero = kr(0);
    h.get_by_label_contains(&format!(
        "fonden har betalat ut {zero} och fått tillbaka {zero} under 2026"
    ));

    // Cancel: nothing changes.
    h.get_by_label("Avbryt").click();
    h.run();
    assert!(h.query_by_label("Stäng år 2026?").is_none());
    assert_eq!(h.state().doc.fund.closed_through, Some(2025));
    assert_eq!(h.state().doc.history.undo_len(), 0);

    // Confirm: the year is closed; the fund received nothing in 2026 until figures are entered.
    h.get_by_label("Stäng år 2026…").click();
    h.run();
    h.get_by_label("Stäng 2026").click();
    h.run();
    assert_eq!(h.state().doc.fund.closed_through, Some(2026));
    assert_eq!(h.state().doc.history.undo_len(), 1);
    assert!(h.query_by_label("Stäng år 2026?").is_none());
    assert!(shows(
        &h,
        &grid("Hela fonden", 2026, Measure::FundRepaid, 0)
    ));
    h.get_by_label("Stäng år 2027…");

    // Enter what M2 cost the fund in 2026; the statement follows.
    h.get_by_label("M2").click();
    h.run();
    type_into(&mut h, "Utfall från fonden 2026", "800 000");
    let fund = h.state().doc.fund.clone();
    let row = fund.initiatives[1]
        .actuals
        .iter()
        .find(|a| a.year == 2026)
        .unwrap();
    assert_eq!(row.fund, Money(800_000));
    let p = projection(&fund);
    assert!(shows(
        &h,
        &grid("Hela fonden", 2026, Measure::FundClosing, closing(&p, 2026))
    ));

    // Both steps undo, one at a time.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.fund, uppfoljning());
}

#[test]
fn changing_a_budget_input_moves_both_balanced_budget_results() {
    let fund = uppfoljning();
    let before = projection(&fund);
    let (mut h, _) = tall_harness_on(fund, Lang::Sv);
    nav(&mut h, "Balanskrav");
    h.get_by_label(budget::proposal_label(Lang::Sv));
    let r = &before.reconciliation[before.year_index(2026).unwrap()];
    let current = budget::figure_name(
        Lang::Sv,
        2026,
        Line::CurrentBalance,
        &sv(r.current.balance_result.0),
    );
    let proposed = budget::figure_name(
        Lang::Sv,
        2026,
        Line::ProposedBalance,
        &sv(r.proposed.outcome.balance_result.0),
    );
    assert!(shows(&h, &current) && shows(&h, &proposed));
    assert!(r.current.restore_by.is_none());

    type_into(
        &mut h,
        &budget::input_name(Lang::Sv, Line::ResultBeforeFund, 2026),
        "−2 000 000",
    );

    let fund = h.state().doc.fund.clone();
    let entry = fund.budget.iter().find(|b| b.year == 2026).unwrap();
    assert_eq!(entry.result_before_fund, Money(-2_000_000));
    let after = projection(&fund);
    let a = &after.reconciliation[after.year_index(2026).unwrap()];
    // Current law moves by the whole 3 500 000. Under the proposal the fund's net use of
    // 100 000 (800 000 used, 700 000 re-earmarked) now covers part of the deficit, so it moves
    // by 3 400 000; both turn negative.
    assert_eq!(
        a.current.balance_result.0 - r.current.balance_result.0,
        -3_500_000
    );
    assert_eq!(
        a.proposed.outcome.balance_result.0 - r.proposed.outcome.balance_result.0,
        -3_400_000
    );
    assert_eq!(a.proposed.fund_adjustment, Money(100_000));
    assert!(!shows(&h, &current) && !shows(&h, &proposed));
    assert!(shows(
        &h,
        &budget::figure_name(
            Lang::Sv,
            2026,
            Line::CurrentBalance,
            &sv(a.current.balance_result.0)
        )
    ));
    assert!(shows(
        &h,
        &budget::figure_name(
            Lang::Sv,
            2026,
            Line::ProposedBalance,
            &sv(a.proposed.outcome.balance_result.0)
        )
    ));
    // Negative: to be restored within three years, under both.
    assert!(shows(
        &h,
        &budget::restore_name(Lang::Sv, 2026, false, 2029)
    ));
    assert!(shows(&h, &budget::restore_name(Lang::Sv, 2026, true, 2029)));
    // The conclusions above the table name the year under both rule sets.
    assert_eq!(
        h.query_all_by_label_contains("2026 (återställs senast 2029)")
            .count(),
        2
    );

    // A year without budget figures gets an entry when one is typed, in year order.
    let entries = fund.budget.len();
    type_into(
        &mut h,
        &budget::input_name(Lang::Sv, Line::RealisationGains, 2027),
        "250 000",
    );
    let fund = h.state().doc.fund.clone();
    assert_eq!(fund.budget.len(), entries + 1);
    let years: Vec<i32> = fund.budget.iter().map(|b| b.year).collect();
    assert_eq!(years, [2023, 2024, 2025, 2026, 2027]);
    assert_eq!(fund.budget[4].realisation_gains, Money(250_000));
    assert_eq!(fund.budget[4].result_before_fund, Money::ZERO);
    assert_eq!(h.state().doc.history.undo_len(), 2);
    // The year in words follows the chosen year.
    choose(&mut h, "År att förklara", "2027");
    h.get_by_label_contains("Efter balanskravsjusteringarna är det");
}

#[test]
fn special_reasons_need_a_note_and_cover_only_the_deficit() {
    let fund = uppfoljning();
    let (mut h, _) = tall_harness_on(fund, Lang::Sv);
    nav(&mut h, "Balanskrav");
    // 2025 has synnerliga skäl with their decision shown beside the reconciliation.
    let note = budget::note_name(Lang::Sv, 2025);
    assert!(
        input(&h, &note)
            .value()
            .is_some_and(|v| v.contains("KF 2026-04-20 § 41")),
        "the note is shown"
    );
    // Synnerliga skäl in 2027 without a note: an error that names the note, shown next to it.
    type_into(
        &mut h,
        &budget::input_name(Lang::Sv, Line::SpecialReasons, 2027),
        "100 000",
    );
    let fund = h.state().doc.fund.clone();
    let b2027 = fund.budget.iter().find(|b| b.year == 2027).unwrap();
    assert_eq!(b2027.special_reasons, Money(100_000));
    assert!(
        h.state()
            .cache
            .analysis
            .report
            .errors()
            .any(|e| e.path == "budget[2027].special_reasons_note")
    );
    assert!(h.root().children_recursive().any(|n| {
        n.accesskit_node()
            .label()
            .is_some_and(|l| l.contains("Motiveringen saknas"))
    }));
    // Writing the decision clears the error, and the amount covers (part of) the deficit.
    type_into(
        &mut h,
        &budget::note_name(Lang::Sv, 2027),
        "KF 2028-04-20 § 7",
    );
    let fund = h.state().doc.fund.clone();
    assert_eq!(
        fund.budget
            .iter()
            .find(|b| b.year == 2027)
            .unwrap()
            .special_reasons_note,
        "KF 2028-04-20 § 7"
    );
    assert!(!h.state().cache.analysis.report.has_errors());
    let p = projection(&fund);
    let r = &p.reconciliation[p.year_index(2027).unwrap()];
    assert_eq!(r.current.special_reasons_applied, Money(100_000));
    assert!(shows(
        &h,
        &budget::figure_name(Lang::Sv, 2027, Line::CurrentSpecialReasons, &sv(100_000))
    ));
}

#[test]
fn a_deficit_turns_overdue_in_red_when_it_is_not_restored_in_three_years() {
    let fund = uppfoljning();
    let p = projection(&fund);
    let (mut h, _) = tall_harness_on(fund, Lang::Sv);
    nav(&mut h, "Balanskrav");
    // The deficit carried in from 2022 (300 000) was due by 2025 and is still there: overdue.
    let d = &p.deficits.current[0];
    assert_eq!((d.year, d.restore_by), (2022, 2025));
    assert!(shows(
        &h,
        &budget::deficit_name(Lang::Sv, false, 2022, "status", "återställt 2026, för sent")
    ));
    // 2030: a large loss makes a new deficit that later years cannot restore in time.
    type_into(
        &mut h,
        &budget::input_name(Lang::Sv, Line::ResultBeforeFund, 2027),
        "−9 000 000",
    );
    let fund = h.state().doc.fund.clone();
    let p = projection(&fund);
    let d = p.deficits.current.iter().find(|d| d.year == 2027).unwrap();
    assert!(d.left.0 > 0 && d.restore_by == 2030);
    let left = sv(d.left.0);
    assert!(shows(
        &h,
        &budget::deficit_name(Lang::Sv, false, 2027, "kvar", &left)
    ));
    assert!(shows(
        &h,
        &budget::deficit_name(Lang::Sv, false, 2027, "status", "försenat")
    ));
    // The overdue line of 2030 is in the table, and the warning is in Problem.
    let r = &p.reconciliation[p.year_index(2030).unwrap()];
    assert!(r.current.restoration.overdue.0 > 0);
    assert!(shows(
        &h,
        &budget::figure_name(
            Lang::Sv,
            2030,
            Line::CurrentOverdue,
            &sv(r.current.restoration.overdue.0)
        )
    ));
    assert!(
        h.state()
            .cache
            .analysis
            .report
            .warnings()
            .any(|w| w.path == "budget[2030].result_before_fund"
                && w.message(true).contains("försenade"))
    );
}

#[test]
fn the_ledger_shows_balanced_vouchers_and_the_trial_balance() {
    let fund = uppfoljning();
    let p = projection(&fund);
    let journal = sif::ledger::journal(&fund, &p).unwrap();
    let (mut h, _) = harness_on(fund, Lang::Sv);
    nav(&mut h, "Bokföring");
    // The first open year is shown: 2026, from the plan.
    let n = journal.vouchers_in(2026).len();
    h.get_by_label(&format!(
        "{n} verifikationer 2026. Varje verifikation balanserar: debet är lika med kredit."
    ));
    h.get_by_label("Plan (öppet år)");
    let first = &journal.vouchers_in(2026)[0];
    assert!(shows(
        &h,
        &app::views::ledger::check_name(Lang::Sv, first, true)
    ));
    // The trial balance: the fund's equity account closes at the statement's balance.
    let closing_2026 = closing(&p, 2026);
    let fund_equity = h.state().doc.fund.accounts.fund_equity;
    assert!(shows(
        &h,
        &app::views::ledger::trial_balance_name(fund_equity, "Utgående balans", &sv(-closing_2026))
    ));
    h.get_by_label_contains(&format!(
        "vid slutet av 2026: {} – samma som i fondredovisningen",
        i18n::money_kr(Lang::Sv, Money(closing_2026))
    ));

    choose(&mut h, "År", "2024");
    let n = journal.vouchers_in(2024).len();
    h.get_by_label(&format!(
        "{n} verifikationer 2024. Varje verifikation balanserar: debet är lika med kredit."
    ));
    h.get_by_label("Utfall (stängt år)");
}

#[test]
fn exports_sie_through_the_file_dialog_and_reads_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("export.si");
    let fund = uppfoljning();
    let journal = sif::ledger::journal(&fund, &projection(&fund)).unwrap();
    let (mut h, dialogs) = harness_on(fund, Lang::Sv);
    nav(&mut h, "Bokföring");
    h.get_by_label("Exportera…").click();
    h.run();
    h.get_by_label("Exportera bokföringen");
    // SIE 4I holds a closed year only: for the open year in view it says why and refuses.
    h.get_by_role_and_label(
        Role::RadioButton,
        "SIE 4I – ett stängt års verifikationer för import i ekonomisystemet",
    )
    .click();
    h.run();
    h.get_by_label_contains("SIE 4I finns bara för stängda år. År 2026 är öppet");
    assert!(
        h.get_by_label("Välj fil och exportera…")
            .accesskit_node()
            .is_disabled()
    );
    choose(&mut h, "År att exportera", "2025");
    dialogs.save.borrow_mut().push_back(target.clone());
    h.get_by_label("Välj fil och exportera…").click();
    h.run();
    assert_eq!(
        dialogs.saves.borrow().last().cloned(),
        Some((
            "fonden-för-sociala-investeringar-2025.si".into(),
            "si".into()
        ))
    );
    h.get_by_label("Exporterad: export.si");
    assert!(h.query_by_label("Exportera bokföringen").is_none());

    let bytes = std::fs::read(&target).unwrap();
    assert_eq!(
        sie_parser::detect_encoding(&bytes),
        sie_parser::Encoding::Cp437
    );
    let text = sie_parser::decode_cp437(&bytes);
    assert!(text.contains("#GEN 20260315"), "the fixed clock's date");
    assert!(!text.contains("#IB "), "4I holds no balances");
    let parsed = sie_parser::parse(&text);
    assert!(
        parsed
            .diagnostics
            .iter()
            .all(|d| d.severity != sie_parser::Severity::Error),
        "{:?}",
        parsed.diagnostics
    );
    let doc = sie_parser::document::read(&text).unwrap();
    let vouchers = journal.vouchers_in(2025);
    assert_eq!(doc.vouchers.len(), vouchers.len());
    for (read, v) in doc.vouchers.iter().zip(vouchers) {
        assert_eq!(read.number, v.number);
        assert_eq!(read.rows.len(), v.rows.len());
    }

    // SIE 4E covers one year: with every year chosen, the export button is disabled.
    h.get_by_label("Exportera…").click();
    h.run();
    h.get_by_role_and_label(
        Role::RadioButton,
        "SIE 4E – ett räkenskapsår med balanser, budget och (stängt år) verifikationer",
    )
    .click();
    h.run();
    choose(&mut h, "År att exportera", "Alla år (2023–2030)");
    h.get_by_label("SIE 4E gäller ett räkenskapsår: välj ett år.");
    assert!(
        h.get_by_label("Välj fil och exportera…")
            .accesskit_node()
            .is_disabled()
    );
    // Cancelling the file dialog writes nothing.
    choose(&mut h, "År att exportera", "2025");
    let asked = dialogs.saves.borrow().len();
    h.get_by_label("Välj fil och exportera…").click();
    h.run();
    assert_eq!(dialogs.saves.borrow().len(), asked + 1);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn exports_the_ledger_as_swedish_csv_for_another_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("bokforing.csv");
    let (mut h, dialogs) = harness_on(
        sif::store::parse_str(sif::samples::default_sample().text, "x").unwrap(),
        Lang::Sv,
    );
    nav(&mut h, "Bokföring");
    h.get_by_label("Exportera…").click();
    h.run();
    h.get_by_role_and_label(
        Role::RadioButton,
        "CSV – en rad per kontering, för kalkylprogram",
    )
    .click();
    h.run();
    choose(&mut h, "År att exportera", "Alla år (2025–2034)");
    choose(&mut h, "Scenario att exportera", "Pessimistiskt");
    dialogs.save.borrow_mut().push_back(target.clone());
    h.get_by_label("Välj fil och exportera…").click();
    h.run();
    let fund = h.state().doc.fund.clone();
    let options = Options::named(&fund, Some("Pessimistiskt"), false).unwrap();
    let journal = sif::ledger::journal(&fund, &project(&fund, &options).unwrap()).unwrap();
    let expected =
        sif::ledger::csv::journal_csv(&journal, None, sif::ledger::csv::CsvDialect::Swedish)
            .unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), expected);
    let text = String::from_utf8(expected).unwrap();
    assert!(text.starts_with("\u{feff}Serie;Verifikation;Datum"));
    // The view itself still shows the base scenario.
    assert_eq!(h.state().ui.options.scenario, None);
}

#[test]
fn exports_the_chosen_repayment_schedule_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("plan.csv");
    let fund = uppfoljning();
    let p = projection(&fund);
    let (mut h, dialogs) = harness_on(fund, Lang::Sv);
    nav(&mut h, "Återföringar");
    choose(&mut h, "Betalare", "SOC – Socialnämnden");
    dialogs.save.borrow_mut().push_back(target.clone());
    h.get_by_label("Exportera återföringsplanen (CSV)…").click();
    h.run();
    h.get_by_label("Exporterad: plan.csv");
    let text = std::fs::read_to_string(&target).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "Insats",
            "Insatsens namn",
            "Betalare",
            "Betalarens namn",
            "År",
            "Planerat",
            "Utfall",
            "Eftersläpning",
            "Återstår efter perioden"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let expected: Vec<_> = p
        .schedule
        .rows
        .iter()
        .filter(|r| r.payer == "SOC")
        .collect();
    assert_eq!(rows.len(), expected.len());
    for (row, e) in rows.iter().zip(expected) {
        assert_eq!(&row[0], e.initiative);
        assert_eq!(&row[4], e.year.to_string());
        assert_eq!(&row[5], e.planned.0.to_string());
        match e.actual {
            Some(a) => {
                assert_eq!(&row[6], a.0.to_string());
                assert_eq!(&row[7], (e.planned.0 - a.0).to_string());
            }
            None => assert!(row[6].is_empty() && row[7].is_empty()),
        }
    }
    // The M1 row of 2025 carries the arrears.
    assert!(
        rows.iter()
            .any(|r| &r[0] == "M1" && &r[4] == "2025" && &r[7] == "100000")
    );
}

#[test]
fn the_journal_is_written_only_for_the_ledger_and_idle_frames_recompute_nothing() {
    let (mut h, _) = harness_on(uppfoljning(), Lang::Sv);
    for view in ["Återföringar", "Balanskrav", "Bokföring"] {
        nav(&mut h, view);
        let before = h.state().cache.recomputations;
        let aggregations = h.state().ui.repayments.aggregations;
        h.run_steps(5);
        assert_eq!(
            h.state().cache.recomputations,
            before,
            "idle frames in {view}"
        );
        assert_eq!(h.state().ui.repayments.aggregations, aggregations);
    }
    assert!(matches!(h.state().cache.analysis.journal, Some(Ok(_))));

    // An edit elsewhere does not write the journal again until the ledger is shown.
    nav(&mut h, "Återföringar");
    h.get_by_label("M1").click();
    h.run();
    type_into(&mut h, "Utfall SOC 2025", "250 000");
    h.run_steps(3);
    assert!(h.state().cache.analysis.journal.is_none());
    let before = h.state().cache.recomputations;
    nav(&mut h, "Bokföring");
    assert_eq!(h.state().cache.recomputations, before + 1);
    h.run_steps(3);
    assert_eq!(h.state().cache.recomputations, before + 1);
}

#[test]
fn thousands_of_initiatives_lay_out_only_the_rows_in_view() {
    let fund = sif::generate::generate_fund(&sif::generate::GenerateParams {
        initiatives: 3000,
        years: 20,
        actors: 30,
        seed: 7,
    });
    let (mut h, _) = harness_on(fund, Lang::Sv);
    nav(&mut h, "Återföringar");
    let (first, last, rows) = {
        let s = h.state().ui.repayments.summary.as_ref().unwrap();
        let fund = &h.state().doc.fund;
        (
            fund.initiatives[s.rows[0].index].code.clone(),
            fund.initiatives[s.rows[s.rows.len() - 1].index]
                .code
                .clone(),
            s.rows.len(),
        )
    };
    assert!(rows > 1000);
    h.get_by_label(&first);
    assert!(h.query_by_label(&last).is_none());
    assert_eq!(h.state().ui.repayments.aggregations, 1);

    nav(&mut h, "Bokföring");
    let year = h.state().doc.fund.first_year;
    choose(&mut h, "År", &year.to_string());
    let (first, last) = {
        let Some(Ok(journal)) = &h.state().cache.analysis.journal else {
            panic!("the journal is written");
        };
        let v = journal.vouchers_in(year);
        assert!(v.len() > 100, "{} vouchers", v.len());
        (
            app::views::ledger::check_name(Lang::Sv, &v[0], true),
            app::views::ledger::check_name(Lang::Sv, &v[v.len() - 1], true),
        )
    };
    assert!(shows(&h, &first));
    assert!(!shows(&h, &last));
}

#[test]
fn the_views_speak_english_and_label_the_proposal() {
    let (mut h, _) = harness_on(uppfoljning(), Lang::En);
    nav(&mut h, "Repayments");
    h.get_by_label("Close year 2026…");
    h.get_by_label("Export the repayment schedule (CSV)…");
    assert!(shows(
        &h,
        &repayments::grid_cell_name(
            Lang::En,
            "SOC",
            Some(2025),
            Measure::Arrears,
            &i18n::money(Lang::En, Money(100_000))
        )
    ));
    nav(&mut h, "Balanced budget");
    h.get_by_label("Proposal – Sif's reading of ESO 2020:1, not law");
    h.get_by_label_contains("Under current law: the balanced-budget result is negative in 2023");
    nav(&mut h, "Ledger");
    h.get_by_label("Export…");
    h.get_by_label("Plan (open year)");
    assert!(h.query_by_label("Bokföring").is_none());
}

/// A refused export says why in the language of the screen only, whole, even when the text it
/// quotes holds " / ".
#[test]
fn a_refused_export_quotes_the_text_whole_in_one_language() {
    for (lang, said, other) in [
        (
            Lang::Sv,
            "texten ”Stad / kommun Ж” (organisationens namn) innehåller tecknet Ж (U+0416), som SIE-filen (teckentabell CP437) inte kan lagra; ändra texten och exportera igen",
            "the text",
        ),
        (
            Lang::En,
            "the text “Stad / kommun Ж” (the organisation's name) contains the character Ж (U+0416), which a SIE file (code page CP437) cannot hold; change the text and export again",
            "texten",
        ),
    ] {
        let mut fund = uppfoljning();
        fund.organisation = "Stad / kommun Ж".into();
        let (mut h, dialogs) = harness_on(fund, lang);
        nav(&mut h, lang.t(T::ViewLedger));
        h.get_by_label(lang.t(T::ExportEllipsis)).click();
        h.run();
        // The open year in view goes out as SIE 4E, which names the organisation.
        h.get_by_label(lang.t(T::ChooseFileExport)).click();
        h.run();
        assert!(dialogs.saves.borrow().is_empty(), "nothing was asked for");
        h.get_by_label(said);
        assert!(
            h.query_all_by_label_contains(other).next().is_none(),
            "only one language"
        );
    }
}
