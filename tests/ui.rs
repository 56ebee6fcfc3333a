//! The desktop app driven headless through its accessibility tree (egui_kittest): the real
//! views, found by the labels a user reads, with file dialogs replaced by a fake.

use sif_app as app;

use std::path::{Path, PathBuf};

use app::SifApp;
use app::i18n::{self, Lang, T};
use app::prefs::Preferences;
use app::views::View;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use sif::engine::{Options, project};
use sif::model::{Fund, Repayment};
use sif::money::Money;
use sif_testkit::ui::{self, FakeDialogs, H, menu, nav, shows, type_into};

fn harness_with(app: SifApp) -> H {
    ui::window(app, ui::SIZE)
}

fn harness(lang: Lang) -> (H, FakeDialogs) {
    let dialogs = FakeDialogs::default();
    (
        harness_with(ui::app(lang, Box::new(dialogs.clone()))),
        dialogs,
    )
}

fn closing_balance(fund: &Fund) -> Money {
    project(fund, &Options::default())
        .unwrap()
        .statement
        .last()
        .unwrap()
        .closing
}

fn select_initiative(h: &mut Harness<'_, SifApp>, code: &str) {
    nav(h, "Insatser");
    h.get_by_label(code).click();
    h.run();
}

fn write_sample(dir: &Path) -> PathBuf {
    let path = dir.join("exempel.ron");
    std::fs::write(&path, sif::samples::default_sample().text).unwrap();
    path
}

#[test]
fn opens_a_fund_through_the_file_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("uppfoljning.ron");
    std::fs::write(&path, sif::samples::SAMPLES[1].text).unwrap();
    let (mut h, dialogs) = harness(Lang::Sv);
    dialogs.open.borrow_mut().push_back(path.clone());

    // The shortcut is shown in the menu item.
    menu(&mut h, "Arkiv", "Öppna… Ctrl+O");

    let app = h.state();
    assert_eq!(app.doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(app.doc.fund.organisation, "Mellanstads kommun");
    assert!(!app.doc.is_dirty());
    assert!(app.window_title().contains("uppfoljning.ron"));
    assert!(app.window_title().contains(&app.doc.fund.name));
    assert!(!app.window_title().contains("osparad"));
    // The overview shows the opened fund.
    h.get_by_label_contains("Mellanstads kommun");
    assert_eq!(
        h.state()
            .prefs
            .recent
            .first()
            .map(|p| p.ends_with("uppfoljning.ron")),
        Some(true)
    );
}

#[test]
fn changing_a_cost_changes_the_closing_balance_by_the_right_amount() {
    let (mut h, _) = harness(Lang::Sv);
    let before = closing_balance(&h.state().doc.fund);
    let shown_before = i18n::money_kr(Lang::Sv, before);
    assert!(shows(
        &h,
        &app::views::overview::key_figure_name(Lang::Sv, T::ClosingBalance, &shown_before)
    ));

    select_initiative(&mut h, "P101");
    // P101 row 1: 2 000 000 kr from the fund in 2025; raise it by 500 000.
    type_into(&mut h, "Från fonden, rad 1", "2 500 000");
    assert_eq!(
        h.state().doc.fund.initiatives[0].costs[0].fund,
        Money(2_500_000)
    );
    assert!(h.state().window_title().contains("(osparad)"));

    nav(&mut h, "Översikt");
    let after = closing_balance(&h.state().doc.fund);
    // 500 000 more is disbursed, and half of it (Fixed, share 50 %) comes back within the
    // horizon: the balance ends 250 000 lower.
    assert_eq!(before.0 - after.0, 250_000);
    assert!(shows(
        &h,
        &app::views::overview::key_figure_name(
            Lang::Sv,
            T::ClosingBalance,
            &i18n::money_kr(Lang::Sv, after),
        )
    ));
    assert!(!shows(
        &h,
        &app::views::overview::key_figure_name(Lang::Sv, T::ClosingBalance, &shown_before)
    ));
}

#[test]
fn adds_a_savings_row() {
    let (mut h, _) = harness(Lang::Sv);
    select_initiative(&mut h, "P102");
    let rows = h.state().doc.fund.initiatives[1].savings.len();
    h.get_by_label("Lägg till besparingsrad").click();
    h.run();
    assert_eq!(h.state().doc.fund.initiatives[1].savings.len(), rows + 1);
    let label = format!("Belopp per år, rad {}", rows + 1);
    type_into(&mut h, &label, "750000");
    let row = h.state().doc.fund.initiatives[1]
        .savings
        .last()
        .unwrap()
        .clone();
    assert_eq!(row.amount, Money(750_000));
    assert!(row.cashable);
    // Adding the row and typing its amount are two steps to undo.
    assert_eq!(h.state().doc.history.undo_len(), 2);
}

#[test]
fn switching_to_from_savings_shows_the_schedule_preview() {
    let (mut h, _) = harness(Lang::Sv);
    select_initiative(&mut h, "P101");
    h.get_by_label("Ur besparingarna").click();
    h.run();
    let fund = h.state().doc.fund.clone();
    assert!(matches!(
        fund.initiatives[0].repayment,
        Repayment::FromSavings {
            share: 50,
            start: 2028,
            cap: 100
        }
    ));
    // The preview shows, year by year, what the engine schedules for this agreement.
    let p = project(&fund, &Options::default()).unwrap();
    let ip = p.initiative(0).unwrap();
    let mut shown = 0;
    for (y, year) in fund.horizon().enumerate() {
        let total = ip.received_in(y);
        if total.0 > 0 {
            let text = i18n::money(Lang::Sv, total);
            assert!(shows(
                &h,
                &app::views::initiatives::schedule_cell_name(Lang::Sv, year, "Summa", &text)
            ));
            shown += 1;
        }
    }
    assert!(shown >= 2, "the schedule has several years");
    // 50 % of cashable committee savings: SN 1 200 000 and BUN 300 000 a year from 2028.
    assert!(shows(
        &h,
        &app::views::initiatives::schedule_cell_name(
            Lang::Sv,
            2028,
            "SN",
            &i18n::money(Lang::Sv, Money(600_000)),
        )
    ));
}

#[test]
fn undo_and_redo_one_step_per_action() {
    let (mut h, _) = harness(Lang::Sv);
    let original = h.state().doc.fund.clone();
    select_initiative(&mut h, "P101");
    type_into(&mut h, "Namn", "Förskolan växer");
    h.get_by_label("Ur besparingarna").click();
    h.run();
    let edited = h.state().doc.fund.clone();
    assert_eq!(edited.initiatives[0].name, "Förskolan växer");
    assert_eq!(h.state().doc.history.undo_len(), 2);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(matches!(
        h.state().doc.fund.initiatives[0].repayment,
        Repayment::Fixed(_)
    ));
    assert_eq!(h.state().doc.fund.initiatives[0].name, "Förskolan växer");
    menu(&mut h, "Redigera", "Ångra: namn för P101 Ctrl+Z");
    assert_eq!(h.state().doc.fund, original);
    assert!(!h.state().doc.is_dirty(), "back at the saved state");
    // The editor shows the undone name.
    assert_eq!(
        h.get_by_label("Namn").value().as_deref(),
        Some("Tidiga insatser i förskolan")
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    menu(&mut h, "Redigera", "Gör om: återföring för P101 Ctrl+Y");
    assert_eq!(h.state().doc.fund, edited);
    assert!(h.state().doc.is_dirty());
}

#[test]
fn a_typed_amount_that_cannot_be_read_changes_nothing() {
    let (mut h, _) = harness(Lang::Sv);
    let original = h.state().doc.fund.clone();
    select_initiative(&mut h, "P101");
    type_into(&mut h, "Från fonden, rad 1", "12,50");
    assert_eq!(h.state().doc.fund, original);
    h.get_by_label("ange hela kronor, utan ören");
    assert_eq!(h.state().doc.history.undo_len(), 0);
}

#[test]
fn an_error_is_listed_under_problems_and_leads_to_its_place() {
    let (mut h, _) = harness(Lang::Sv);
    select_initiative(&mut h, "P102");
    type_into(&mut h, "År, rad 1", "2040");
    assert_eq!(h.state().doc.fund.initiatives[1].costs[0].year, 2040);
    // Errors block the figures; the overview says so.
    nav(&mut h, "Översikt");
    h.get_by_label(T::ErrorsBlock.get(Lang::Sv));
    // Select another initiative, then find the problem from the Problems view.
    select_initiative(&mut h, "P101");
    nav(&mut h, "Problem");
    h.get_by_label_contains("året 2040 ligger utanför fondens period 2025–2034");
    h.get_by_label("Gå dit: initiatives[P102].costs[1].year")
        .click();
    h.run();
    let app = h.state();
    assert_eq!(app.ui.view, View::Initiatives);
    assert_eq!(app.ui.selected, Some(1));
    // The editor of P102 names the problem, marks its row and shows the field.
    h.get_by_label("Problem i den här insatsen");
    assert!(shows(
        &h,
        "Fel: året 2040 ligger utanför fondens period 2025–2034"
    ));
    assert_eq!(h.get_by_label("År, rad 1").value().as_deref(), Some("2040"));
    type_into(&mut h, "År, rad 1", "2026");
    assert!(!h.state().cache.analysis.report.has_errors());
}

#[test]
fn a_file_with_errors_opens_and_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fel.ron");
    let text = sif::samples::default_sample().text.replacen(
        "                    year: 2025,",
        "                    year: 2099,",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let dialogs = FakeDialogs::default();
    let app = SifApp::start(
        Preferences::default(),
        Box::new(dialogs),
        Some(path.clone()),
    );
    let mut h = harness_with(app);
    h.run();
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(h.state().ui.view, View::Problems);
    h.get_by_label_contains("året 2099 ligger utanför");
}

#[test]
fn saves_through_the_dialog_and_loads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("min-fond.ron");
    let (mut h, dialogs) = harness(Lang::Sv);
    select_initiative(&mut h, "P103");
    type_into(&mut h, "Namn", "Ung framtid – utökad");
    h.get_by_label("Lägg till kostnadsrad").click();
    h.run();
    dialogs.save.borrow_mut().push_back(target.clone());
    // The sample has no file yet, so Save asks where.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(*dialogs.asked.borrow(), 1);
    let loaded = sif::store::load(&target).unwrap();
    assert_eq!(loaded, h.state().doc.fund);
    assert!(!h.state().doc.is_dirty());
    assert!(h.state().window_title().contains("min-fond.ron"));
    assert!(!h.state().window_title().contains("osparad"));

    // A second save goes to the same file without asking.
    type_into(&mut h, "Anteckning", "Andra versionen");
    menu(&mut h, "Arkiv", "Spara Ctrl+S");
    assert_eq!(*dialogs.asked.borrow(), 1);
    assert_eq!(sif::store::load(&target).unwrap(), h.state().doc.fund);
    assert_eq!(
        sif::store::load(&target).unwrap().initiatives[2].note,
        "Andra versionen"
    );
}

#[test]
fn ctrl_s_while_typing_saves_the_typed_value() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_sample(dir.path());
    let app = SifApp::start(
        Preferences::default(),
        Box::new(FakeDialogs::default()),
        Some(path.clone()),
    );
    let mut h = harness_with(app);
    select_initiative(&mut h, "P101");
    h.get_by_label("Namn").focus();
    h.run();
    h.get_by_label("Namn").type_text("Förskolan");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        sif::store::load(&path).unwrap().initiatives[0].name,
        "Förskolan"
    );
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn english_labels_and_number_format() {
    let (mut h, _) = harness(Lang::Sv);
    menu(&mut h, "Språk", "English");
    assert_eq!(h.state().prefs.language, Lang::En);
    for label in [
        "Overview",
        "Initiatives",
        "Fund settings",
        "Problems",
        "File",
        "Edit",
    ] {
        h.get_by_label(label);
    }
    let closing = closing_balance(&h.state().doc.fund);
    assert!(shows(
        &h,
        &format!(
            "Fund balance at the horizon's end: SEK\u{a0}{}",
            sif::money::format_en(closing)
        )
    ));
    nav(&mut h, "Initiatives");
    h.get_by_label("P101").click();
    h.run();
    for label in [
        "Add savings row",
        "From savings",
        "From the fund, row 1",
        "Repayment schedule",
    ] {
        h.get_by_label_contains(label);
    }
    assert!(h.query_by_label("Insatser").is_none());
    menu(&mut h, "File", "Save as… Ctrl+Shift+S");
}

#[test]
fn unsaved_changes_are_guarded() {
    let dir = tempfile::tempdir().unwrap();
    let other = write_sample(dir.path());
    let (mut h, dialogs) = harness(Lang::Sv);
    select_initiative(&mut h, "P101");
    type_into(&mut h, "Namn", "Ändrat namn");
    assert!(h.state().doc.is_dirty());

    // Open asks first; Cancel keeps everything and opens no dialog.
    dialogs.open.borrow_mut().push_back(other.clone());
    menu(&mut h, "Arkiv", "Öppna… Ctrl+O");
    h.get_by_label("Fonden har ändringar som inte är sparade. Vill du spara dem först?");
    h.get_by_label("Avbryt").click();
    h.run();
    assert_eq!(*dialogs.asked.borrow(), 0);
    assert_eq!(h.state().doc.fund.initiatives[0].name, "Ändrat namn");

    // Closing the window asks too.
    assert!(!h.state_mut().close_requested());
    h.run();
    h.get_by_label("Fonden har ändringar som inte är sparade. Vill du spara dem först?");
    h.get_by_label("Avbryt").click();
    h.run();
    assert!(!h.state().closing);

    // Don't save: the other file opens and the change is gone.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Spara inte").click();
    h.run();
    assert_eq!(h.state().doc.path.as_deref(), Some(other.as_path()));
    assert_eq!(
        h.state().doc.fund.initiatives[0].name,
        "Tidiga insatser i förskolan"
    );
    assert!(!h.state().doc.is_dirty());
    // With nothing unsaved, closing goes ahead at once.
    assert!(h.state_mut().close_requested());
}

#[test]
fn new_from_template_replaces_the_fund_after_asking() {
    let (mut h, _) = harness(Lang::Sv);
    select_initiative(&mut h, "P101");
    type_into(&mut h, "Namn", "Ändrat");
    menu(&mut h, "Arkiv", "Ny… Ctrl+N");
    h.get_by_label_contains("Mellanstads kommun: uppföljning")
        .click();
    h.run();
    h.get_by_label("Skapa").click();
    h.run();
    // The change is not saved: the app asks before replacing the fund.
    assert_eq!(h.state().doc.fund.initiatives[0].name, "Ändrat");
    h.get_by_label("Spara inte").click();
    h.run();
    let app = h.state();
    assert_eq!(app.doc.fund.organisation, "Mellanstads kommun");
    assert_eq!(app.doc.path, None);
    assert!(app.window_title().contains("Namnlös"));
    assert!(!app.doc.is_dirty());
    assert_eq!(app.ui.view, View::Overview);

    // An empty fund: only the holder, no initiatives, this year first.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label_contains("Tom fond").click();
    h.run();
    h.get_by_label("Skapa").click();
    h.run();
    let fund = &h.state().doc.fund;
    assert!(fund.initiatives.is_empty());
    assert_eq!(fund.actors.len(), 1);
    assert!(fund.first_year >= 2025);
    assert!(!h.state().cache.analysis.report.has_errors());
}

#[test]
fn nothing_is_recomputed_in_a_frame_where_nothing_changed() {
    let (mut h, _) = harness(Lang::Sv);
    for view in ["Insatser", "Fondinställningar", "Problem", "Översikt"] {
        nav(&mut h, view);
        let before = h.state().cache.recomputations;
        h.run_steps(5);
        assert_eq!(
            h.state().cache.recomputations,
            before,
            "idle frames in {view}"
        );
    }
    // A change recomputes once.
    h.get_by_label("Räkna med föreslagna insatser").click();
    h.run();
    let n = h.state().cache.recomputations;
    h.run_steps(3);
    assert_eq!(h.state().cache.recomputations, n);
    assert!(h.state().cache.analysis.figures[2].fund_cost.is_some());
}

#[test]
fn a_thousand_initiatives_sort_and_filter() {
    let fund = sif::generate::generate_fund(&sif::generate::GenerateParams {
        initiatives: 1000,
        years: 20,
        actors: 30,
        seed: 1,
    });
    let mut app = SifApp::new(Preferences::default(), Box::new(FakeDialogs::default()));
    app.doc = app::state::Document::new(fund, None);
    app.ui.view = View::Initiatives;
    let mut h = harness_with(app);
    h.run();
    assert_eq!(h.state().ui.initiatives.rows.len(), 1000);
    h.get_by_label("1000 av 1000 insatser");
    h.get_by_label("Sortera efter Fondens kostnad").click();
    h.run();
    let figures = &h.state().cache.analysis.figures;
    let rows = &h.state().ui.initiatives.rows;
    let costs: Vec<_> = rows.iter().map(|&i| figures[i].fund_cost).collect();
    assert!(
        costs.windows(2).all(|w| w[0] <= w[1]),
        "sorted by fund cost"
    );
    // Only the rows in view are laid out: far fewer than a thousand codes are on screen.
    let first = h.state().doc.fund.initiatives[rows[0]].code.clone();
    let last = h.state().doc.fund.initiatives[rows[999]].code.clone();
    h.get_by_label(&first);
    assert!(h.query_by_label(&last).is_none());

    let code = h.state().doc.fund.initiatives[500].code.clone();
    h.get_by_label("Filtrera").focus();
    h.run();
    h.get_by_label("Filtrera").type_text(&code);
    h.run();
    let rows = &h.state().ui.initiatives.rows;
    assert!(rows.contains(&500));
    assert!(rows.len() < 20);
}

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn preferences_are_kept_in_eframe_storage_not_in_the_fund() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_sample(dir.path());
    let (mut h, dialogs) = harness(Lang::Sv);
    dialogs.open.borrow_mut().push_back(path.clone());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    menu(&mut h, "Språk", "English");
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let prefs = Preferences::load(Some(&storage));
    assert_eq!(prefs.language, Lang::En);
    assert_eq!(prefs.recent.len(), 1);
    assert!(prefs.recent[0].ends_with("exempel.ron"));
    // The fund file knows nothing of it.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("language") && !text.contains("recent"));

    // The next start opens the last file, in English.
    let app = SifApp::start(prefs, Box::new(FakeDialogs::default()), None);
    assert_eq!(
        app.doc.path.as_deref().map(|p| p.ends_with("exempel.ron")),
        Some(true)
    );
    assert_eq!(app.lang(), Lang::En);
}

#[test]
fn adds_duplicates_and_deletes_initiatives() {
    let (mut h, _) = harness(Lang::Sv);
    nav(&mut h, "Insatser");
    h.get_by_label("Ny insats").click();
    h.run();
    let fund = &h.state().doc.fund;
    assert_eq!(fund.initiatives.len(), 4);
    assert_eq!(fund.initiatives[3].code, "N1");
    assert_eq!(fund.initiatives[3].owner, "KS");
    assert_eq!(h.state().ui.selected, Some(3));
    type_into(&mut h, "Kod", "P104");

    h.get_by_label("P102").click();
    h.run();
    h.get_by_label("Duplicera").click();
    h.run();
    let fund = h.state().doc.fund.clone();
    assert_eq!(fund.initiatives.len(), 5);
    assert_eq!(fund.initiatives[2].code, "P102-1");
    assert_eq!(fund.initiatives[2].costs, fund.initiatives[1].costs);
    assert_eq!(h.state().ui.selected, Some(2));

    h.get_by_label("Ta bort").click();
    h.run();
    let codes: Vec<_> = h
        .state()
        .doc
        .fund
        .initiatives
        .iter()
        .map(|i| i.code.clone())
        .collect();
    assert_eq!(codes, ["P101", "P102", "P103", "P104"]);
    h.get_by_label("P102-1 togs bort. Det går att ångra (Redigera, Ångra).");
    // A code already in use is refused beside the field.
    h.get_by_label("P103").click();
    h.run();
    type_into(&mut h, "Kod", "P101");
    h.get_by_label("koden finns redan");
    assert_eq!(h.state().doc.fund.initiatives[2].code, "P103");
}

#[test]
fn a_field_commits_when_left_and_escape_throws_the_typing_away() {
    let (mut h, _) = harness(Lang::Sv);
    select_initiative(&mut h, "P101");
    // Leaving the field with Tab commits it.
    h.get_by_label("Egen budget, rad 1").focus();
    h.run();
    h.get_by_label("Egen budget, rad 1").type_text("125 000 kr");
    h.run();
    assert_eq!(h.state().doc.fund.initiatives[0].costs[0].own, Money(0));
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(
        h.state().doc.fund.initiatives[0].costs[0].own,
        Money(125_000)
    );
    assert_eq!(h.state().doc.history.undo_len(), 1);
    // Escape leaves the value as it was.
    h.get_by_label("Egen budget, rad 2").focus();
    h.run();
    h.get_by_label("Egen budget, rad 2").type_text("999");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(
        h.state().doc.fund.initiatives[0].costs[1].own,
        Money(300_000)
    );
    assert_eq!(
        h.get_by_label("Egen budget, rad 2").value().as_deref(),
        Some("300\u{a0}000")
    );
    assert_eq!(h.state().doc.history.undo_len(), 1);
}

#[test]
fn opens_a_recent_file_from_the_menu() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("senast.ron");
    std::fs::write(&path, sif::samples::SAMPLES[1].text).unwrap();
    let prefs = Preferences {
        recent: vec![path.clone()],
        ..Preferences::default()
    };
    let dialogs = FakeDialogs::default();
    let mut h = harness_with(SifApp::new(prefs, Box::new(dialogs.clone())));
    h.get_by_label("Arkiv").click();
    h.run();
    h.get_by_label("Öppna senaste").hover();
    h.run();
    h.get_by_label("senast.ron").click();
    h.run();
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(*dialogs.asked.borrow(), 0);
}

#[test]
fn fund_settings_edit_the_fund_and_follow_actor_codes() {
    let (mut h, _) = harness(Lang::Sv);
    nav(&mut h, "Fondinställningar");
    type_into(&mut h, "Fondens namn", "Framtidsfonden");
    assert_eq!(h.state().doc.fund.name, "Framtidsfonden");
    assert!(h.state().window_title().starts_with("Framtidsfonden – "));

    // Renaming an actor's code follows every reference, as one step.
    type_into(&mut h, "Kod, rad 2", "SOC");
    let fund = h.state().doc.fund.clone();
    assert_eq!(fund.actors[1].code, "SOC");
    assert_eq!(fund.initiatives[1].owner, "SOC");
    assert!(fund.initiatives[0].savings.iter().any(|s| s.actor == "SOC"));
    assert!(!h.state().cache.analysis.report.has_errors());
    // A committee in use cannot be removed; an unused external party can.
    assert!(
        h.get_by_label("Ta bort aktör 2")
            .accesskit_node()
            .is_disabled()
    );
    h.get_by_label("Lägg till aktör").click();
    h.run();
    assert_eq!(h.state().doc.fund.actors.len(), 7);
    assert!(
        !h.get_by_label("Ta bort aktör 7")
            .accesskit_node()
            .is_disabled()
    );
    h.get_by_label("Ta bort aktör 7").click();
    h.run();
    assert_eq!(h.state().doc.fund.actors.len(), 6);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.fund.initiatives[1].owner, "SN");

    // A longer horizon gets a budget row for its new year; typing in it adds an entry.
    let before = h.state().doc.fund.budget.len();
    type_into(&mut h, "Antal år", "11");
    type_into(&mut h, "Realisationsvinster 2035", "1 000 000");
    let fund = &h.state().doc.fund;
    assert_eq!(fund.years, 11);
    assert_eq!(fund.budget.len(), before + 1);
    let row = fund.budget.iter().find(|b| b.year == 2035).unwrap();
    assert_eq!(row.realisation_gains, Money(1_000_000));

    // The discount rate takes a decimal comma.
    type_into(&mut h, "Diskonteringsränta (%)", "4,25");
    assert_eq!(h.state().doc.fund.discount_rate, 4.25);
}

#[test]
fn a_file_that_is_not_a_fund_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trasig.ron");
    std::fs::write(
        &path,
        "Fund(\n    format: 1,\n    name: \"F\"\n    organisation: \"O\",\n)",
    )
    .unwrap();
    let app = SifApp::start(
        Preferences::default(),
        Box::new(FakeDialogs::default()),
        Some(path),
    );
    let mut h = harness_with(app);
    h.run();
    h.get_by_label("Filen kunde inte öppnas");
    h.get_by_label_contains("trasig.ron:");
    // The sample fund stays open underneath.
    assert_eq!(h.state().doc.path, None);
    h.get_by_label("Stäng").click();
    h.run();
    assert!(h.state().ui.dialog.is_none());
}

#[test]
fn the_scenario_choice_changes_the_figures_to_the_golden_ones() {
    let (mut h, _) = harness(Lang::Sv);
    // The worked example's pessimistic scenario ends at 18 475 000 kr (tests/golden).
    h.get_by_label("Scenario").click();
    h.run();
    h.get_by_label("Pessimistiskt").click();
    h.run();
    assert_eq!(
        h.state().ui.options.scenario.as_deref(),
        Some("Pessimistiskt")
    );
    assert!(shows(
        &h,
        "Fondens saldo vid periodens slut: 18\u{a0}475\u{a0}000\u{a0}kr"
    ));
    // Back to the base scenario: 22 000 000 kr.
    h.get_by_label("Scenario").click();
    h.run();
    h.get_by_label("Grundscenario").click();
    h.run();
    assert!(shows(
        &h,
        "Fondens saldo vid periodens slut: 22\u{a0}000\u{a0}000\u{a0}kr"
    ));
}

#[test]
fn save_as_always_asks_and_moves_the_document_to_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let first = write_sample(dir.path());
    let second = dir.path().join("kopia.ron");
    let dialogs = FakeDialogs::default();
    let app = SifApp::start(
        Preferences::default(),
        Box::new(dialogs.clone()),
        Some(first.clone()),
    );
    let mut h = harness_with(app);
    dialogs.save.borrow_mut().push_back(second.clone());
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    h.run();
    assert_eq!(*dialogs.asked.borrow(), 1);
    assert_eq!(h.state().doc.path.as_deref(), Some(second.as_path()));
    assert_eq!(
        sif::store::load(&second).unwrap(),
        sif::store::load(&first).unwrap()
    );
    // Cancelling Save as changes nothing.
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    h.run();
    assert_eq!(*dialogs.asked.borrow(), 2);
    assert_eq!(h.state().doc.path.as_deref(), Some(second.as_path()));
}

#[test]
fn a_fund_setting_error_shows_beside_the_field_and_problems_lead_there() {
    let (mut h, _) = harness(Lang::Sv);
    nav(&mut h, "Fondinställningar");
    type_into(&mut h, "Antal år", "0");
    assert_eq!(h.state().doc.fund.years, 0);
    h.get_by_label("perioden är 0 år; den ska vara 1–60 år");
    nav(&mut h, "Översikt");
    nav(&mut h, "Problem");
    h.get_by_label("Gå dit: years").click();
    h.run();
    assert_eq!(h.state().ui.view, View::Settings);
    h.get_by_label("perioden är 0 år; den ska vara 1–60 år");
    type_into(&mut h, "Antal år", "10");
    assert!(!h.state().cache.analysis.report.has_errors());
    assert!(
        h.query_by_label("perioden är 0 år; den ska vara 1–60 år")
            .is_none()
    );
}

#[test]
fn terminating_an_initiative_asks_for_its_end_year() {
    let (mut h, _) = harness(Lang::Sv);
    select_initiative(&mut h, "P102");
    assert!(h.query_by_label("Avbröts år").is_none());
    h.get_by_label("Status").click();
    h.run();
    h.get_by_label("Avbruten").click();
    h.run();
    assert_eq!(
        h.state().doc.fund.initiatives[1].status,
        sif::model::Status::Terminated
    );
    assert_eq!(h.state().doc.fund.initiatives[1].ended, Some(2025));
    type_into(&mut h, "Avbröts år", "2029");
    let fund = h.state().doc.fund.clone();
    assert_eq!(fund.initiatives[1].ended, Some(2029));
    // The figures follow: savings after 2029 are dropped (SPEC §4.1).
    let p = project(&fund, &Options::default()).unwrap();
    let figures = &h.state().cache.analysis.figures[1];
    assert_eq!(figures.savings, Some(p.appraisal[1].savings));
    assert!(p.appraisal[1].savings.0 < 30_200_000);
    // One step each: the status, then the year.
    assert_eq!(h.state().doc.history.undo_len(), 2);
}

#[test]
fn a_savings_rows_adjustments_are_edited_behind_a_disclosure_and_draw_a_tornado() {
    let (mut h, _) = harness(Lang::Sv);
    select_initiative(&mut h, "P101");
    let code = h.state().doc.fund.initiatives[0].code.clone();
    let last = h.state().doc.fund.initiatives[0].savings.len();
    let row = |what: &str| format!("{what}, rad {last}");
    // The adjustments sit behind a disclosure per row, each term explained.
    assert!(h.query_by_label(&row("Dödvikt (%)")).is_none());
    h.get_by_label_contains(&format!("Justeringar, rad {last}"))
        .click();
    h.run();
    h.get_by_label(T::DeadweightHelp.get(Lang::Sv));
    type_into(&mut h, &row("Dödvikt (%)"), "25");
    type_into(&mut h, &row("Lågt (%)"), "50");
    let edited = h.state().doc.fund.initiatives[0].savings[last - 1].clone();
    assert_eq!((edited.deadweight, edited.low), (25, 50));
    // Each edit is one step to undo.
    assert_eq!(h.state().doc.history.undo_len(), 2);
    // The row now has a range: the tornado chart is drawn with its bar.
    let p = project(&h.state().doc.fund, &Options::default()).unwrap();
    let a = &p.appraisal[0];
    assert!(a.sensitivity.iter().any(|s| s.row == last - 1));
    assert!(a.adjusted.npv_low < a.adjusted.npv);
    h.get_by_label(T::Tornado.get(Lang::Sv));
    assert!(shows(
        &h,
        &app::views::initiatives::tornado_name(Lang::Sv, &code)
    ));
}
