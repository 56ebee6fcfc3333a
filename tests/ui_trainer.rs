//! The trainers' part of the app, driven headless through its accessibility tree
//! (egui_kittest): trainer mode's what-if panel, saving a what-if as a scenario, the scenario
//! comparison and editor, who pays and who gains, presentation mode, the reset to the sample
//! fund and the printable report written from the app.

use sif_app as app;

use app::SifApp;
use app::i18n::{self, Lang, T};
use app::prefs::Preferences;
use app::views::View;
use app::views::{overview, scenarios, who_gains};
use eframe::egui::{self, Key, Modifiers};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use sif::engine::{Options, Projection, project};
use sif::model::{Fund, Scenario};
use sif::money::Money;
use sif_testkit::ui::{self, FakeDialogs, H, has_input, menu, nav, shows, type_into};

fn harness_with(app: SifApp) -> H {
    ui::window(app, ui::SIZE)
}

fn harness(lang: Lang) -> (H, FakeDialogs) {
    let dialogs = FakeDialogs::default();
    let mut app = ui::app(lang, Box::new(dialogs.clone()));
    ui::set_today(&mut app, "2025-06-01");
    (harness_with(app), dialogs)
}

fn projected(fund: &Fund, savings: i32, cost: i32, delay: i32) -> Projection {
    let options = Options {
        scenario: Scenario {
            name: "test".into(),
            savings_factor: savings,
            cost_factor: cost,
            delay,
        },
        include_proposed: false,
    };
    project(fund, &options).unwrap()
}

/// A scenario with this share of the savings realised, costs and timing as planned.
fn p_scenario(savings: i32) -> Scenario {
    Scenario {
        name: "test".into(),
        savings_factor: savings,
        cost_factor: 100,
        delay: 0,
    }
}

fn closing(p: &Projection) -> Money {
    p.statement.last().unwrap().closing
}

fn closing_shown(h: &Harness<'_, SifApp>, m: Money) -> bool {
    shows(
        h,
        &overview::key_figure_name(Lang::Sv, T::ClosingBalance, &i18n::money_kr(Lang::Sv, m)),
    )
}

fn trainer_mode(h: &mut Harness<'_, SifApp>) {
    menu(h, "Visa", "Övningsläge");
    assert!(h.state().ui.trainer.whatif.is_some());
}

#[test]
fn a_whatif_slider_changes_every_view_live_and_not_the_document() {
    let (mut h, _) = harness(Lang::Sv);
    let fund = h.state().doc.fund.clone();
    let base = closing(&projected(&fund, 100, 100, 0));
    assert!(closing_shown(&h, base));

    trainer_mode(&mut h);
    // Opening the panel changes nothing: it starts from the plan, and says so.
    assert!(closing_shown(&h, base));
    h.get_by_label_contains("Antagandena är planens (Grundscenario)");

    h.get_by_label("Besparingar som realiseras")
        .set_value_accesskit(50.0);
    h.run();
    let half = closing(&projected(&fund, 50, 100, 0));
    assert_ne!(half, base, "half the savings repays less");
    assert!(closing_shown(&h, half));
    assert!(!closing_shown(&h, base));
    // The bar under the menu says the figures are not the plan.
    h.get_by_label_contains("inte fondens plan (Grundscenario)");

    // The document is untouched: no undo step, no unsaved mark.
    let app = h.state();
    assert_eq!(app.doc.fund, fund);
    assert_eq!(app.doc.history.undo_len(), 0);
    assert!(!app.doc.is_dirty());
    assert!(!app.window_title().contains("osparad"));

    // The initiative table follows too.
    nav(&mut h, "Insatser");
    let p = projected(&fund, 50, 100, 0);
    assert_eq!(
        h.state().cache.analysis.figures[0].savings,
        Some(p.appraisal[0].savings)
    );

    // A cost overrun and a delay, by dragging and by the keyboard.
    nav(&mut h, "Översikt");
    let rect = h.get_by_label("Kostnadsöverdrag").rect();
    let start = rect.center();
    h.hover_at(start);
    h.run();
    h.drag_at(start);
    h.run();
    let end = egui::pos2(rect.right() - 1.0, rect.center().y);
    h.hover_at(end);
    h.run();
    h.drop_at(end);
    h.run();
    let whatif = h.state().ui.trainer.whatif.unwrap();
    assert_eq!(
        whatif.assumptions.cost_factor, 200,
        "dragged to the end: +100 %"
    );
    h.get_by_label("Besparingarna kommer senare").focus();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    let whatif = h.state().ui.trainer.whatif.unwrap();
    assert_eq!(whatif.assumptions.delay, 1);
    let moved = closing(&projected(&fund, 50, 200, 1));
    assert!(closing_shown(&h, moved));
    assert_eq!(h.state().doc.history.undo_len(), 0);
    assert!(!h.state().doc.is_dirty());

    // Reset (in the bar) goes back to the plan; leaving trainer mode too.
    h.get_by_label("Återställ till planen").click();
    h.run();
    assert!(closing_shown(&h, base));
    h.get_by_label("Besparingar som realiseras")
        .set_value_accesskit(70.0);
    h.run();
    h.get_by_label("Avsluta övningsläget").click();
    h.run();
    assert!(h.state().ui.trainer.whatif.is_none());
    assert!(closing_shown(&h, base));
}

#[test]
fn a_whatif_saved_as_a_scenario_is_found_in_the_comparison() {
    let (mut h, _) = harness(Lang::Sv);
    trainer_mode(&mut h);
    h.get_by_label("Besparingar som realiseras")
        .set_value_accesskit(80.0);
    h.run();
    h.get_by_label("Kostnadsöverdrag").set_value_accesskit(10.0);
    h.run();
    h.get_by_label("Besparingarna kommer senare")
        .set_value_accesskit(2.0);
    h.run();
    // The suggested name is free; "base" and a name in use are refused beside the field.
    assert_eq!(
        h.get_by_label("Scenariots namn").value().as_deref(),
        Some("Övning 1")
    );
    type_into(&mut h, "Scenariots namn", "Pessimistiskt");
    h.get_by_label("det finns redan ett scenario med det namnet");
    assert!(
        h.get_by_label("Spara som scenario")
            .accesskit_node()
            .is_disabled()
    );
    assert_eq!(h.state().doc.fund.scenarios.len(), 1);
    h.get_by_label("Scenariots namn").focus();
    h.run();
    h.get_by_label("Scenariots namn").type_text("Sämre läge");
    h.run();
    h.get_by_label("Spara som scenario").click();
    h.run();

    let fund = h.state().doc.fund.clone();
    assert_eq!(
        fund.scenarios.last(),
        Some(&Scenario {
            name: "Sämre läge".into(),
            savings_factor: 80,
            cost_factor: 110,
            delay: 2
        })
    );
    assert_eq!(h.state().doc.history.undo_len(), 1);
    assert!(h.state().doc.is_dirty());
    // The saved scenario is now the plan: the bar says the figures are the plan's.
    assert_eq!(h.state().ui.options.scenario.as_deref(), Some("Sämre läge"));
    h.get_by_label_contains("Antagandena är planens (Sämre läge)");

    nav(&mut h, "Scenarier");
    let expected = closing(
        &project(
            &fund,
            &Options::named(&fund, Some("Sämre läge"), false).unwrap(),
        )
        .unwrap(),
    );
    let column = scenarios::closing_column(Lang::Sv);
    assert!(shows(
        &h,
        &scenarios::cell_name("Sämre läge", column, &i18n::money_kr(Lang::Sv, expected))
    ));
    // The base and the sample's own scenario are compared beside it.
    assert!(shows(
        &h,
        &scenarios::cell_name(
            "Grundscenario",
            column,
            &i18n::money_kr(Lang::Sv, Money(22_000_000))
        )
    ));
    assert!(shows(
        &h,
        &scenarios::cell_name(
            "Pessimistiskt",
            column,
            &i18n::money_kr(Lang::Sv, Money(18_475_000))
        )
    ));
    // The what-if is the scenario just saved: no identical unsaved twin beside it.
    assert!(!shows(
        &h,
        &scenarios::cell_name(
            "Övning (ej sparad)",
            column,
            &i18n::money_kr(Lang::Sv, expected)
        )
    ));

    // One undo takes the scenario away again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.fund.scenarios.len(), 1);
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn the_comparison_shows_every_key_figure_of_the_engine() {
    let (mut h, _) = harness(Lang::Sv);
    nav(&mut h, "Scenarier");
    let fund = h.state().doc.fund.clone();
    let p = project(
        &fund,
        &Options::named(&fund, Some("Pessimistiskt"), false).unwrap(),
    )
    .unwrap();
    let repaid = Money(p.statement.iter().map(|y| y.repaid.0).sum());
    let outstanding = Money(p.schedule.outstanding.iter().map(|o| o.amount.0).sum());
    let npv: f64 = p.appraisal.iter().map(|a| a.npv).sum();
    let negative = p
        .reconciliation
        .iter()
        .filter(|y| y.current.balance_result.0 < 0)
        .count();
    let negative_proposed = p
        .reconciliation
        .iter()
        .filter(|y| y.proposed.outcome.balance_result.0 < 0)
        .count();
    assert!(
        outstanding.0 > 0,
        "the pessimistic scenario leaves some due"
    );
    let cell = |column: &str, value: String| scenarios::cell_name("Pessimistiskt", column, &value);
    for name in [
        cell("Återfört", i18n::money_kr(Lang::Sv, repaid)),
        cell(
            scenarios::outstanding_label(Lang::Sv),
            i18n::money_kr(Lang::Sv, outstanding),
        ),
        cell(
            scenarios::npv_label(Lang::Sv),
            i18n::money_kr(Lang::Sv, Money(npv.round() as i64)),
        ),
        cell(
            &scenarios::negative_label(Lang::Sv, app::whatif::RuleSet::CurrentLaw),
            negative.to_string(),
        ),
        cell(
            &scenarios::negative_label(Lang::Sv, app::whatif::RuleSet::Proposed),
            negative_proposed.to_string(),
        ),
    ] {
        assert!(shows(&h, &name), "{name}");
    }
}

#[test]
fn scenarios_are_created_edited_and_deleted_one_undo_step_each() {
    let (mut h, _) = harness(Lang::Sv);
    nav(&mut h, "Scenarier");
    h.get_by_label("Nytt scenario").click();
    h.run();
    let fund = h.state().doc.fund.clone();
    assert_eq!(fund.scenarios.len(), 2);
    assert_eq!(fund.scenarios[1].name, "Scenario 1");
    assert_eq!(h.state().doc.history.undo_len(), 1);

    type_into(&mut h, "Besparingar (%), rad 2", "75");
    assert_eq!(h.state().doc.fund.scenarios[1].savings_factor, 75);
    assert_eq!(h.state().doc.history.undo_len(), 2);

    // Refused beside the field, and nothing changes.
    type_into(&mut h, "Namn, rad 2", "pessimistiskt");
    h.get_by_label("det finns redan ett scenario med det namnet");
    type_into(&mut h, "Namn, rad 2", "Base");
    h.get_by_label("”base” är grundscenariots namn");
    type_into(&mut h, "Förskjutning (år), rad 2", "25");
    h.get_by_label("ange ett heltal 0–20");
    type_into(&mut h, "Kostnader (%), rad 2", "1001");
    h.get_by_label("ange ett heltal 0–1000");
    assert_eq!(h.state().doc.fund.scenarios[1].name, "Scenario 1");
    assert_eq!(h.state().doc.fund.scenarios[1].delay, 0);
    assert_eq!(h.state().doc.history.undo_len(), 2);

    type_into(&mut h, "Namn, rad 2", "Optimistiskt");
    type_into(&mut h, "Förskjutning (år), rad 2", "1");
    let fund = h.state().doc.fund.clone();
    assert_eq!(
        fund.scenarios[1],
        Scenario {
            name: "Optimistiskt".into(),
            savings_factor: 75,
            cost_factor: 100,
            delay: 1
        }
    );
    assert_eq!(h.state().doc.history.undo_len(), 4);
    // The comparison follows the edit.
    let expected = closing(&projected(&fund, 75, 100, 1));
    assert!(shows(
        &h,
        &scenarios::cell_name(
            "Optimistiskt",
            scenarios::closing_column(Lang::Sv),
            &i18n::money_kr(Lang::Sv, expected)
        )
    ));

    h.get_by_label("Ta bort scenario 1").click();
    h.run();
    let names: Vec<_> = h
        .state()
        .doc
        .fund
        .scenarios
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(names, ["Optimistiskt"]);
    assert!(
        !shows(
            &h,
            &scenarios::cell_name(
                "Pessimistiskt",
                scenarios::closing_column(Lang::Sv),
                &i18n::money_kr(Lang::Sv, Money(18_475_000))
            )
        ),
        "the deleted scenario leaves the comparison"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.fund.scenarios, fund.scenarios);
}

#[test]
fn renaming_the_chosen_scenario_keeps_it_chosen() {
    let (mut h, _) = harness(Lang::Sv);
    h.get_by_label("Scenario").click();
    h.run();
    h.get_by_label("Pessimistiskt").click();
    h.run();
    nav(&mut h, "Scenarier");
    type_into(&mut h, "Namn, rad 1", "Sämre");
    assert_eq!(h.state().ui.options.scenario.as_deref(), Some("Sämre"));
    nav(&mut h, "Översikt");
    assert!(closing_shown(&h, Money(18_475_000)));
}

#[test]
fn presentation_mode_hides_every_editor_and_changes_nothing() {
    let (mut h, _) = harness(Lang::Sv);
    nav(&mut h, "Insatser");
    h.get_by_label("P101").click();
    h.run();
    type_into(&mut h, "Namn", "Förskolan");
    assert!(has_input(&h, "Från fonden, rad 1"));
    let edited = h.state().doc.fund.clone();

    h.key_press(Key::F5);
    h.run();
    assert!(h.state().ui.trainer.presenting);
    assert!(h.ctx.zoom_factor() > 1.2, "everything is drawn larger");
    // The initiative table and the selected initiative's schedule stay; the editor goes.
    h.get_by_label("P102");
    h.get_by_label("Återföringsplan");
    for label in [
        "Från fonden, rad 1",
        "Namn",
        "Kod",
        "Anteckning",
        "Lägg till kostnadsrad",
        "Ny insats",
        "Duplicera",
        "Ta bort",
        "Fondinställningar",
    ] {
        assert!(!has_input(&h, label), "{label} is hidden");
    }
    // No editable text field but the table's filter.
    let fields: Vec<_> = h
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == Role::TextInput)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    assert_eq!(fields, ["Filtrera"], "the only text field is the filter");
    nav(&mut h, "Scenarier");
    for label in ["Nytt scenario", "Namn, rad 1", "Ta bort scenario 1"] {
        assert!(!has_input(&h, label), "{label} is hidden");
    }
    // The comparison is shown.
    assert!(shows(
        &h,
        &scenarios::cell_name(
            "Pessimistiskt",
            scenarios::closing_column(Lang::Sv),
            &i18n::money_kr(Lang::Sv, Money(18_475_000))
        )
    ));
    // Undo is off: a presentation never changes the fund.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.fund, edited);

    // The what-if panel works in a presentation, but cannot save.
    trainer_mode(&mut h);
    h.get_by_label("Besparingar som realiseras");
    assert!(!has_input(&h, "Scenariots namn"));
    assert!(!has_input(&h, "Spara som scenario"));

    // F5 again (or Escape) brings the editors back.
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().ui.trainer.presenting);
    assert!((h.ctx.zoom_factor() - 1.0).abs() < 1e-6);
    nav(&mut h, "Insatser");
    assert!(has_input(&h, "Från fonden, rad 1"));
    assert!(has_input(&h, "Scenariots namn"));
}

#[test]
fn presentation_mode_from_the_settings_shows_the_overview() {
    let (mut h, _) = harness(Lang::En);
    nav(&mut h, "Fund settings");
    assert!(has_input(&h, "Fund name"));
    menu(&mut h, "View", "Presentation mode");
    assert_eq!(h.state().ui.view, View::Overview);
    assert!(!has_input(&h, "Fund settings"));
    h.get_by_label("Leave the presentation (F5)").click();
    h.run();
    assert!(!h.state().ui.trainer.presenting);
    h.get_by_label("Fund settings");
}

#[test]
fn reset_to_the_sample_fund_asks_about_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("uppfoljning.ron");
    std::fs::write(&path, sif::samples::SAMPLES[1].text).unwrap();
    let app = SifApp::start(
        Preferences::default(),
        Box::new(FakeDialogs::default()),
        Some(path.clone()),
    );
    let mut h = harness_with(app);
    h.run();
    assert_eq!(h.state().doc.fund.organisation, "Mellanstads kommun");
    nav(&mut h, "Scenarier");
    h.get_by_label("Nytt scenario").click();
    h.run();
    trainer_mode(&mut h);
    h.get_by_label("Besparingar som realiseras")
        .set_value_accesskit(40.0);
    h.run();
    assert!(h.state().doc.is_dirty());

    menu(&mut h, "Arkiv", "Återställ exempelfonden");
    h.get_by_label("Fonden har ändringar som inte är sparade. Vill du spara dem först?");
    h.get_by_label("Spara inte").click();
    h.run();
    let app = h.state();
    assert_eq!(app.doc.fund, app::sample_fund());
    assert_eq!(app.doc.path, None);
    assert!(!app.doc.is_dirty());
    // The file on disk is as it was.
    assert_eq!(
        sif::store::load(&path).unwrap(),
        sif::store::parse_str(sif::samples::SAMPLES[1].text, "x").unwrap()
    );
    // The what-if starts again from the sample's plan.
    let whatif = app.ui.trainer.whatif.unwrap();
    assert_eq!(whatif.assumptions, app::whatif::Assumptions::BASE);
    assert!(closing_shown(&h, Money(22_000_000)));
}

#[test]
fn who_gains_shows_the_appraisal_by_actor() {
    let (mut h, _) = harness(Lang::Sv);
    nav(&mut h, "Vem vinner");
    let fund = h.state().doc.fund.clone();
    let p = project(&fund, &Options::default()).unwrap();
    let heads = who_gains::columns(Lang::Sv);
    let kr = |m: i64| i18n::money_kr(Lang::Sv, Money(m));
    let mut total_repaid = 0;
    for actor in &fund.actors {
        let figures: Vec<_> = p
            .appraisal
            .iter()
            .flat_map(|a| a.by_actor.iter())
            .filter(|f| f.actor == actor.code)
            .collect();
        let cost: i64 = figures.iter().map(|f| f.cost.0).sum();
        let savings: i64 = figures.iter().map(|f| f.savings.0).sum();
        let repaid: i64 = figures.iter().map(|f| f.repaid.0).sum();
        total_repaid += repaid;
        if figures.is_empty() {
            continue;
        }
        for (column, value) in [(heads[0], cost), (heads[1], savings), (heads[2], repaid)] {
            let name = who_gains::cell_name(&actor.code, column, &kr(value));
            assert!(shows(&h, &name), "{name}");
        }
    }
    // The fund's holder bears the fund's costs and receives every repayment.
    assert_eq!(total_repaid, 12_000_000);
    assert!(shows(
        &h,
        &who_gains::cell_name("KS", heads[3], &kr(12_000_000))
    ));
    assert!(shows(
        &h,
        &who_gains::cell_name("KS", heads[4], &kr(12_000_000 - 15_000_000))
    ));
    // The nets together are the savings less the costs: repayments only move money.
    let savings: i64 = p.appraisal.iter().map(|a| a.savings.0).sum();
    let cost: i64 = p.appraisal.iter().map(|a| a.cost.0).sum();
    assert!(shows(
        &h,
        &who_gains::cell_name(
            who_gains::total_label(Lang::Sv),
            heads[4],
            &kr(savings - cost)
        )
    ));

    // One initiative: P102's own matrix.
    h.get_by_label("Siffror för").click();
    h.run();
    h.get_by_label("P102 – Hela familjen").click();
    h.run();
    let a = &p.appraisal[1];
    assert_eq!(a.code, "P102");
    for f in &a.by_actor {
        let name = who_gains::cell_name(&f.actor, heads[1], &kr(f.savings.0));
        assert!(shows(&h, &name), "{name}");
    }
    assert!(shows(
        &h,
        &who_gains::cell_name("KS", heads[3], &kr(a.repaid.0))
    ));
}

#[test]
fn the_rule_set_choice_changes_what_is_emphasised() {
    let (mut h, _) = harness(Lang::Sv);
    trainer_mode(&mut h);
    assert_eq!(
        h.state().ui.trainer.rules(),
        app::whatif::RuleSet::CurrentLaw
    );
    // Current law: the sample has negative results in 2026 and 2027; the proposal none.
    assert!(shows(&h, "Gällande lag: 2026, 2027"));
    h.get_by_role_and_label(Role::RadioButton, "Förslaget (ESO 2020:1, inte lag)")
        .click();
    h.run();
    assert_eq!(h.state().ui.trainer.rules(), app::whatif::RuleSet::Proposed);
    assert!(shows(&h, "Förslaget (ESO 2020:1, inte lag): inga"));
    // Choosing the rule set changes no figure and nothing in the document.
    assert!(closing_shown(&h, Money(22_000_000)));
    assert_eq!(h.state().doc.history.undo_len(), 0);
}

#[test]
fn the_report_is_written_through_the_save_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("rapport.html");
    let (mut h, dialogs) = harness(Lang::Sv);
    dialogs.save.borrow_mut().push_back(target.clone());
    menu(&mut h, "Arkiv", "Skriv ut rapport…");
    assert_eq!(*dialogs.asked.borrow(), 1);
    let html = std::fs::read_to_string(&target).unwrap();
    let fund = h.state().doc.fund.clone();
    assert!(html.contains(&fund.name));
    assert!(html.contains("Exempelkommun"));
    assert!(html.contains("2025-06-01"), "the date of the fixed clock");
    // The same report as the library makes for the fund.
    let p = project(&fund, &Options::default()).unwrap();
    let meta = sif::report::ReportMeta {
        lang: sif::report::Lang::Sv,
        source_file: "Namnlös".into(),
        made_on: "2025-06-01".into(),
    };
    assert_eq!(html, sif::report::html(&fund, &p, &meta).unwrap());
    h.get_by_label_contains("Sparad: rapport.html");
    assert!(!h.state().doc.is_dirty());

    // With a what-if, the report states it as a scenario that is not saved.
    let second = dir.path().join("ovning.html");
    dialogs.save.borrow_mut().push_back(second.clone());
    trainer_mode(&mut h);
    h.get_by_label("Besparingar som realiseras")
        .set_value_accesskit(50.0);
    h.run();
    menu(&mut h, "Arkiv", "Skriv ut rapport…");
    h.get_by_label("Med övningen").click();
    h.run();
    let html = std::fs::read_to_string(&second).unwrap();
    assert!(html.contains("Övning (ej sparat scenario)"));
    // It is the library's report of the fund with the what-if as that scenario.
    let meta = sif::report::ReportMeta {
        lang: sif::report::Lang::Sv,
        source_file: "Namnlös".into(),
        made_on: "2025-06-01".into(),
    };
    let mut with_exercise = fund.clone();
    with_exercise.scenarios.push(Scenario {
        name: "Övning (ej sparat scenario)".into(),
        ..p_scenario(50)
    });
    let p = project(
        &with_exercise,
        &Options::named(&with_exercise, Some("Övning (ej sparat scenario)"), false).unwrap(),
    )
    .unwrap();
    assert_eq!(html, sif::report::html(&with_exercise, &p, &meta).unwrap());
    assert_eq!(h.state().doc.fund, fund, "the fund is not changed");

    // Cancelling writes nothing.
    menu(&mut h, "Arkiv", "Skriv ut rapport…");
    h.get_by_label("Med övningen").click();
    h.run();
    assert_eq!(*dialogs.asked.borrow(), 3);
}

#[test]
fn idle_frames_recompute_nothing_in_trainer_mode() {
    let (mut h, _) = harness(Lang::Sv);
    trainer_mode(&mut h);
    for view in ["Vem vinner", "Scenarier", "Översikt"] {
        nav(&mut h, view);
        let app = h.state();
        let before = (
            app.cache.recomputations,
            app.ui.trainer.scenarios.recomputations,
            app.ui.trainer.who_gains.recomputations,
        );
        h.run_steps(5);
        let app = h.state();
        let after = (
            app.cache.recomputations,
            app.ui.trainer.scenarios.recomputations,
            app.ui.trainer.who_gains.recomputations,
        );
        assert_eq!(before, after, "idle frames in {view}");
    }
    // One slider change: the analysis once, and the comparison's what-if row once (the
    // fund's own scenarios are not projected again).
    nav(&mut h, "Scenarier");
    let before = (
        h.state().cache.recomputations,
        h.state().ui.trainer.scenarios.recomputations,
    );
    h.get_by_label("Besparingar som realiseras")
        .set_value_accesskit(60.0);
    h.run();
    let after = (
        h.state().cache.recomputations,
        h.state().ui.trainer.scenarios.recomputations,
    );
    assert_eq!(after.0 - before.0, 1);
    assert_eq!(after.1 - before.1, 1);
}

#[test]
fn english_texts_in_the_trainer_views() {
    let (mut h, _) = harness(Lang::En);
    menu(&mut h, "View", "Trainer mode");
    for label in [
        "Savings realised",
        "Cost overrun",
        "Savings come later by",
        "Save as scenario",
        "Scenario name",
    ] {
        h.get_by_label(label);
    }
    nav(&mut h, "Who gains");
    h.get_by_label("Who pays, who gains?");
    assert!(shows(
        &h,
        &who_gains::cell_name("KS", who_gains::columns(Lang::En)[3], "SEK\u{a0}12,000,000")
    ));
    nav(&mut h, "Scenarios");
    h.get_by_label("Scenarios compared");
    h.get_by_label("New scenario");
}

/// Let the worker finish its projection, then draw until the app is idle. (The frame after
/// a change starts the worker; the one after that may show a spinner.)
fn settle(h: &mut Harness<'_, SifApp>) {
    h.step();
    let app = h.state_mut();
    app.cache.finish_background(&app.doc);
    h.run();
}

#[test]
fn a_large_fund_projects_a_whatif_off_the_ui_thread() {
    let fund = sif::generate::generate_fund(&sif::generate::GenerateParams {
        initiatives: app::state::BACKGROUND_FROM,
        years: 20,
        actors: 30,
        seed: 1,
    });
    let mut app = SifApp::new(Preferences::default(), Box::new(FakeDialogs::default()));
    app.doc = app::state::Document::new(fund.clone(), None);
    let mut h = harness_with(app);
    h.run();
    let base = closing(&project(&fund, &Options::default()).unwrap());
    assert!(closing_shown(&h, base));
    h.get_by_label("Visa").click();
    h.run();
    h.get_by_label_contains("Övningsläge").click();
    h.step();
    settle(&mut h);
    let analyses = h.state().cache.recomputations;

    h.get_by_label("Besparingar som realiseras")
        .set_value_accesskit(50.0);
    // One frame moves the slider, the next starts the projection.
    h.step();
    h.step();
    // The step's frame does not wait for the projection: it is computed on a worker, and the
    // bar shows that it is under way.
    assert!(h.state().cache.is_computing());
    assert!(
        closing_shown(&h, base),
        "the previous figures stay until the new ones are there"
    );
    assert!(shows(&h, "Räknar om …"));
    settle(&mut h);
    let half = closing(&projected(&fund, 50, 100, 0));
    assert_ne!(half, base);
    assert!(closing_shown(&h, half));
    assert_eq!(
        h.state()
            .cache
            .analysis
            .options
            .whatif
            .unwrap()
            .savings_factor,
        50
    );
    assert_eq!(h.state().cache.recomputations, analyses + 1);
    assert!(!h.state().cache.is_computing());
    assert_eq!(h.state().doc.history.undo_len(), 0);
}

/// A harness tall enough that the long views (settings, the what-if panel) are on screen.
fn tall_harness(lang: Lang) -> (Harness<'static, SifApp>, FakeDialogs) {
    let dialogs = FakeDialogs::default();
    let prefs = Preferences {
        language: lang,
        ..Preferences::default()
    };
    let mut app = SifApp::new(prefs, Box::new(dialogs.clone()));
    app.clock = Box::new(app::clock::FixedClock("2025-06-01".to_string()));
    let h = Harness::builder()
        .with_size(egui::vec2(1400.0, 2600.0))
        .build_ui_state(|ui, app: &mut SifApp| app.ui_root(ui), app);
    (h, dialogs)
}

#[test]
fn the_deadweight_slider_adjusts_a_copy_of_every_savings_row() {
    let (mut h, _) = tall_harness(Lang::Sv);
    let fund = h.state().doc.fund.clone();
    let gross = project(&fund, &Options::default()).unwrap();
    trainer_mode(&mut h);
    let label = app::whatif::deadweight_label(Lang::Sv);
    assert!(has_input(&h, label), "the slider is labelled");
    h.get_by_label(label).set_value_accesskit(30.0);
    h.run();
    assert_eq!(h.state().ui.trainer.whatif.unwrap().deadweight, 30);

    // The analysis is the engine's of a copy with 30 points more deadweight on every row.
    let copy = sif::engine::with_added_deadweight(&fund, 30);
    for (row, copied) in fund
        .initiatives
        .iter()
        .flat_map(|i| &i.savings)
        .zip(copy.initiatives.iter().flat_map(|i| &i.savings))
    {
        assert_eq!(copied.deadweight, (row.deadweight + 30).min(100));
    }
    let adjusted = project(&copy, &Options::default()).unwrap();
    let figures = &h.state().cache.analysis.figures;
    for (k, a) in adjusted.appraisal.iter().enumerate() {
        let i = adjusted.initiatives[k].index;
        assert_eq!(figures[i].adjusted_npv, Some(a.adjusted.npv));
        // The gross appraisal and the repayments are those of the plan.
        assert_eq!(figures[i].npv, Some(gross.appraisal[k].npv));
        assert_eq!(figures[i].repaid, Some(gross.appraisal[k].repaid));
        assert!(a.adjusted.npv < gross.appraisal[k].adjusted.npv);
    }
    assert_eq!(closing(&adjusted), closing(&gross));
    // The bar says it in the slider's words, and the save section says it is not kept.
    h.get_by_label_contains("mer dödvikt på varje besparing +30\u{a0}%-enheter");
    h.get_by_label_contains("Den extra dödvikten sparas inte i scenariot");
    // The document is untouched.
    assert_eq!(h.state().doc.fund, fund);
    assert_eq!(h.state().doc.history.undo_len(), 0);
    assert!(!h.state().doc.is_dirty());

    // Who gains, adjusted, follows the copy.
    nav(&mut h, "Vem vinner");
    h.get_by_label("Justerat, nuvärde").click();
    h.run();
    let ks = adjusted
        .appraisal_by_actor
        .iter()
        .find(|r| r.actor == "KS")
        .unwrap();
    let npv = format!("{} kr", i18n::money_f64(Lang::Sv, ks.npv));
    assert!(shows(&h, &format!("Nuvärde KS: {npv}")), "{npv}");

    // Reset takes the deadweight back to the plan's.
    h.get_by_label("Återställ till planen").click();
    h.run();
    assert_eq!(h.state().ui.trainer.whatif.unwrap().deadweight, 0);
    assert_eq!(
        h.state().cache.analysis.figures[0].adjusted_npv,
        Some(gross.appraisal[0].adjusted.npv)
    );
}

#[test]
fn the_overviews_warnings_follow_the_whatif() {
    let (mut h, _) = tall_harness(Lang::Sv);
    let fund = h.state().doc.fund.clone();
    let saved = sif::validate::validate(&fund);
    trainer_mode(&mut h);
    h.get_by_label("Besparingar som realiseras")
        .set_value_accesskit(30.0);
    h.run();
    let options = Options {
        scenario: Scenario {
            name: app::whatif::WHATIF_SCENARIO.into(),
            ..p_scenario(30)
        },
        include_proposed: false,
    };
    let whatif = sif::validate::validate_under(&fund, &options);
    let whatif_warnings: Vec<_> = whatif.warnings().map(|i| i.message(true)).collect();
    let saved_warnings: Vec<_> = saved.warnings().map(|i| i.message(true)).collect();
    // At 30 % of the savings some repayment is not complete: a warning the plan has not.
    let new: Vec<_> = whatif_warnings
        .iter()
        .filter(|w| !saved_warnings.contains(w))
        .collect();
    assert!(
        new.iter()
            .any(|w| w.contains("återföringen blir inte klar")),
        "{whatif_warnings:?}"
    );
    for w in &new {
        h.get_by_label(w.as_str());
    }
    assert!(h.query_by_label(T::NoWarnings.get(Lang::Sv)).is_none());
    // The document's own report is unchanged, and back in the plan so are the warnings.
    assert_eq!(h.state().cache.analysis.report, saved);
    h.get_by_label("Avsluta övningsläget").click();
    h.run();
    for w in &new {
        assert!(h.query_by_label(w.as_str()).is_none(), "{w}");
    }
}

#[test]
fn the_report_in_trainer_mode_asks_whether_to_include_the_whatif() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, dialogs) = harness(Lang::Sv);
    let fund = h.state().doc.fund.clone();
    trainer_mode(&mut h);
    // While the what-if is the plan, nothing to ask.
    let first = dir.path().join("plan.html");
    dialogs.save.borrow_mut().push_back(first.clone());
    menu(&mut h, "Arkiv", "Skriv ut rapport…");
    assert_eq!(*dialogs.asked.borrow(), 1);
    assert!(!std::fs::read_to_string(&first).unwrap().contains("Övning"));

    h.get_by_label("Besparingar som realiseras")
        .set_value_accesskit(50.0);
    h.run();
    let second = dir.path().join("planen.html");
    dialogs.save.borrow_mut().push_back(second.clone());
    menu(&mut h, "Arkiv", "Skriv ut rapport…");
    // The question first; no file dialog yet.
    assert_eq!(*dialogs.asked.borrow(), 1);
    h.get_by_label_contains("Ska rapporten visa övningen?");
    h.get_by_label("Planen").click();
    h.run();
    let html = std::fs::read_to_string(&second).unwrap();
    assert!(!html.contains("Övning (ej sparat scenario)"));
    let meta = sif::report::ReportMeta {
        lang: sif::report::Lang::Sv,
        source_file: "Namnlös".into(),
        made_on: "2025-06-01".into(),
    };
    let p = project(&fund, &Options::default()).unwrap();
    assert_eq!(html, sif::report::html(&fund, &p, &meta).unwrap());

    // With the exercise and extra deadweight: labelled as such, of the adjusted copy.
    h.get_by_label(app::whatif::deadweight_label(Lang::Sv))
        .set_value_accesskit(20.0);
    h.run();
    let third = dir.path().join("ovning.html");
    dialogs.save.borrow_mut().push_back(third.clone());
    menu(&mut h, "Arkiv", "Skriv ut rapport…");
    h.get_by_label("Med övningen").click();
    h.run();
    let html = std::fs::read_to_string(&third).unwrap();
    let name = "Övning (ej sparat scenario; dödvikt +20\u{a0}%-enheter)";
    assert!(html.contains(name));
    let mut copy = sif::engine::with_added_deadweight(&fund, 20);
    copy.scenarios.push(Scenario {
        name: name.into(),
        ..p_scenario(50)
    });
    let p = project(&copy, &Options::named(&copy, Some(name), false).unwrap()).unwrap();
    assert_eq!(html, sif::report::html(&copy, &p, &meta).unwrap());

    // Cancel writes nothing and asks for no file.
    menu(&mut h, "Arkiv", "Skriv ut rapport…");
    h.get_by_label("Avbryt").click();
    h.run();
    assert_eq!(*dialogs.asked.borrow(), 3);
    assert!(h.state().ui.dialog.is_none());
    assert_eq!(h.state().doc.fund, fund);
}

#[test]
fn fund_settings_edit_the_cost_optimism_bias_and_the_discount_bands() {
    let (mut h, _) = tall_harness(Lang::Sv);
    nav(&mut h, "Fondinställningar");
    let before = project(&h.state().doc.fund, &Options::default()).unwrap();
    type_into(&mut h, T::CostOptimismBias.get(Lang::Sv), "40");
    assert_eq!(h.state().doc.fund.appraisal.cost_optimism_bias, 40);
    let p = project(&h.state().doc.fund, &Options::default()).unwrap();
    assert!(p.appraisal[0].adjusted.cost > before.appraisal[0].adjusted.cost);
    assert_eq!(
        h.state().cache.analysis.figures[0].adjusted_npv,
        Some(p.appraisal[0].adjusted.npv)
    );
    // Out of range: an error, said beside the field; undo takes it back.
    type_into(&mut h, T::CostOptimismBias.get(Lang::Sv), "250");
    assert_eq!(h.state().doc.fund.appraisal.cost_optimism_bias, 250);
    assert!(h.state().cache.analysis.report.has_errors());
    h.get_by_label_contains("250 % ligger utanför 0–200 %");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.fund.appraisal.cost_optimism_bias, 40);
    assert!(!h.state().cache.analysis.report.has_errors());

    // The Green Book bands are one click away, as one undo step.
    let undo = h.state().doc.history.undo_len();
    h.get_by_label(T::GreenBookBands.get(Lang::Sv)).click();
    h.run();
    let fund = h.state().doc.fund.clone();
    let bands: Vec<_> = fund
        .appraisal
        .discount_bands
        .iter()
        .map(|b| (b.from_year, b.rate))
        .collect();
    assert_eq!(bands, [(1, 3.5), (31, 3.0)]);
    assert_eq!(h.state().doc.history.undo_len(), undo + 1);
    let p = project(&fund, &Options::default()).unwrap();
    assert_eq!(
        h.state().cache.analysis.figures[0].adjusted_npv,
        Some(p.appraisal[0].adjusted.npv)
    );
    // Each band's fields are labelled by row; a rate is typed with a decimal comma.
    type_into(
        &mut h,
        &i18n::row_label(Lang::Sv, T::DiscountRate, 1),
        "2,5",
    );
    assert_eq!(h.state().doc.fund.appraisal.discount_bands[1].rate, 2.5);
    h.get_by_label(T::AddBand.get(Lang::Sv)).click();
    h.run();
    assert_eq!(h.state().doc.fund.appraisal.discount_bands.len(), 3);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.fund.appraisal.discount_bands.len(), 2);
    assert_eq!(h.state().doc.fund.appraisal.discount_bands[1].rate, 3.0);
}

#[test]
fn who_gains_switches_between_gross_and_adjusted_present_value() {
    let (mut h, _) = tall_harness(Lang::Sv);
    nav(&mut h, "Vem vinner");
    let fund = h.state().doc.fund.clone();
    let p = project(&fund, &Options::default()).unwrap();
    let heads = who_gains::columns(Lang::Sv);
    let kr = |m: i64| i18n::money_kr(Lang::Sv, Money(m));
    let gross_cell = who_gains::cell_name("KS", heads[3], &kr(12_000_000));
    assert!(shows(&h, &gross_cell));
    h.get_by_label("Justerat, nuvärde").click();
    h.run();
    assert!(!shows(&h, &gross_cell));
    for r in &p.appraisal_by_actor {
        let npv = format!("{} kr", i18n::money_f64(Lang::Sv, r.npv));
        assert!(shows(&h, &format!("Nuvärde {}: {npv}", r.actor)), "{npv}");
    }
    // One initiative's net present budget impact per actor.
    h.get_by_label("Siffror för").click();
    h.run();
    h.get_by_label("P102 – Hela familjen").click();
    h.run();
    for r in &p.appraisal[1].adjusted.by_actor {
        let npv = format!("{} kr", i18n::money_f64(Lang::Sv, r.npv));
        assert!(shows(&h, &format!("Nuvärde {}: {npv}", r.actor)), "{npv}");
    }
    h.get_by_label("Brutto").click();
    h.run();
    let a = &p.appraisal[1];
    assert!(shows(
        &h,
        &who_gains::cell_name("KS", heads[3], &kr(a.repaid.0))
    ));
}
