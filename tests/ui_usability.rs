//! The app as a new user meets it, driven headless (egui_kittest): Sif's own file dialog on a
//! desktop where the system cannot show one (the fake system dialogs say they are not
//! available, and fail the test if they are asked anyway), so that nothing fails silently;
//! forgiving amounts, undo that says what it undoes, questions before losing actual figures,
//! the Help menu and the view shortcuts.

use sif_app as app;

use std::path::PathBuf;

use app::SifApp;
use app::dialogs::{FileDialogs, FileRequest};
use app::i18n::Lang;
use app::prefs::Preferences;
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sif_testkit::ui::{self, H, NoPortal, click, menu, nav, type_into};

fn harness_with(mut app: SifApp) -> H {
    ui::set_today(&mut app, "2025-06-01");
    let mut h = ui::window(app, ui::SIZE);
    h.run();
    h
}

fn harness(lang: Lang) -> H {
    harness_with(ui::app(lang, Box::new(NoPortal)))
}

fn save_as(h: &mut Harness<'_, SifApp>) {
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    h.run();
}

fn dialog_open(h: &Harness<'_, SifApp>) -> bool {
    h.state().ui.file_dialog.is_some()
}

#[test]
fn a_new_fund_is_saved_through_sifs_own_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Lang::Sv);
    menu(&mut h, "Arkiv", "Ny…");
    click(&mut h, "Skapa");
    assert!(h.state().doc.path.is_none());

    // Ctrl+S on a fund without a file asks where, in Sif's own dialog.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(dialog_open(&h));
    h.get_by_label("Spara som");
    // The suggested name is filled in, with the file type beside it.
    h.get_by_label_contains("Fondfiler (.ron)");
    assert!(
        h.state()
            .ui
            .file_dialog
            .as_ref()
            .unwrap()
            .name
            .ends_with(".ron")
    );

    // A folder typed in the path field is shown; a name without extension gets .ron.
    type_into(
        &mut h,
        "Mapp eller sökväg",
        &dir.path().display().to_string(),
    );
    assert_eq!(
        h.state().ui.file_dialog.as_ref().unwrap().dir,
        dir.path().to_path_buf()
    );
    type_into(&mut h, "Filnamn", "min-fond");
    let file = dir.path().join("min-fond.ron");
    assert!(!dialog_open(&h));
    assert_eq!(h.state().doc.path.as_deref(), Some(file.as_path()));
    assert!(!h.state().doc.is_dirty());
    // The file holds the fund (in the current file format: a template may be older).
    let mut saved = sif::store::load(&file).unwrap();
    saved.format = h.state().doc.fund.format;
    assert_eq!(saved, h.state().doc.fund, "the saved file holds the fund");
    h.get_by_label_contains("Sparad");
}

#[test]
fn saving_over_a_file_asks_first_and_escape_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("finns.ron");
    std::fs::write(&existing, "gammal").unwrap();
    let mut h = harness(Lang::Sv);
    save_as(&mut h);
    type_into(
        &mut h,
        "Filnamn",
        &dir.path().join("finns").display().to_string(),
    );
    // Not yet: the dialog asks before it replaces the file.
    h.get_by_label("Ersätta filen?");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "gammal");
    // Escape goes back to the dialog, with nothing written.
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Ersätta filen?").is_none());
    assert!(dialog_open(&h));
    // Choose it again and replace.
    click(&mut h, "Spara");
    click(&mut h, "Ersätt");
    assert!(!dialog_open(&h));
    assert!(sif::store::load(&existing).is_ok());
    assert_eq!(h.state().doc.path.as_deref(), Some(existing.as_path()));

    // Escape in the dialog cancels it: nothing is saved, the fund keeps its file.
    save_as(&mut h);
    assert!(dialog_open(&h));
    h.key_press(Key::Escape);
    h.run();
    assert!(!dialog_open(&h));
    assert_eq!(h.state().doc.path.as_deref(), Some(existing.as_path()));
}

#[test]
fn a_folder_that_does_not_exist_is_said_in_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Lang::En);
    save_as(&mut h);
    h.get_by_label("Save as");
    let bad = dir.path().join("nowhere").join("fund.ron");
    type_into(&mut h, "File name", &bad.display().to_string());
    assert!(dialog_open(&h), "the dialog stays, to try again");
    h.get_by_label_contains("does not exist");
    click(&mut h, "Cancel");
    assert!(!dialog_open(&h));
    assert!(h.state().doc.path.is_none());
}

#[test]
fn open_lists_the_folder_and_opens_the_chosen_fund() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("arkiv")).unwrap();
    let file = dir.path().join("uppfoljning.ron");
    std::fs::write(&file, sif::samples::SAMPLES[1].text).unwrap();
    std::fs::write(dir.path().join("anteckningar.txt"), "").unwrap();
    let mut h = harness(Lang::Sv);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Öppna en fondfil");
    type_into(
        &mut h,
        "Mapp eller sökväg",
        &dir.path().display().to_string(),
    );
    // Folders first, then the fund files; other files are not listed.
    h.get_by_label("arkiv/");
    assert!(h.query_by_label("anteckningar.txt").is_none());
    click(&mut h, "uppfoljning.ron");
    assert_eq!(
        h.state().ui.file_dialog.as_ref().unwrap().name,
        "uppfoljning.ron"
    );
    click(&mut h, "Öppna");
    assert!(!dialog_open(&h));
    assert_eq!(h.state().doc.path.as_deref(), Some(file.as_path()));
    assert_eq!(h.state().doc.fund.organisation, "Mellanstads kommun");
    // The folder is offered among the recent folders next time.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    let name = dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    h.get_by_label(&name);
    h.key_press(Key::Escape);
    h.run();
    assert!(!dialog_open(&h));
}

#[test]
fn save_in_the_unsaved_changes_question_saves_through_sifs_dialog_then_quits() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Lang::Sv);
    menu(&mut h, "Arkiv", "Ny…");
    click(&mut h, "Skapa");
    // An edit, so there is something unsaved.
    click(&mut h, "Fondinställningar");
    type_into(&mut h, "Fondens namn", "Ny fond");
    assert!(h.state().doc.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    click(&mut h, "Spara");
    assert!(dialog_open(&h), "Spara asks where, in Sif's dialog");
    assert!(!h.state().closing);
    type_into(
        &mut h,
        "Filnamn",
        &dir.path().join("ny-fond").display().to_string(),
    );
    assert!(h.state().closing, "saved, then quit");
    assert_eq!(
        sif::store::load(&dir.path().join("ny-fond.ron"))
            .unwrap()
            .name,
        "Ny fond"
    );
}

#[test]
fn the_printable_report_and_an_export_are_written_through_sifs_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Lang::Sv);
    menu(&mut h, "Arkiv", "Skriv ut rapport…");
    assert!(dialog_open(&h));
    h.get_by_label("Skriv ut rapport");
    h.get_by_label_contains("Webbsidor (.html)");
    type_into(
        &mut h,
        "Filnamn",
        &dir.path().join("rapport").display().to_string(),
    );
    let html = std::fs::read_to_string(dir.path().join("rapport.html")).unwrap();
    assert!(html.contains("<html"), "{}", &html[..100.min(html.len())]);

    // An export (the ledger's CSV) asks through the same dialog.
    h.state_mut()
        .run(&egui::Context::default(), export_command());
    h.run();
    assert!(dialog_open(&h));
    h.get_by_label("Exportera");
    h.get_by_label_contains("CSV-fil (.csv)");
    type_into(
        &mut h,
        "Filnamn",
        &dir.path().join("huvudbok").display().to_string(),
    );
    let csv = std::fs::read_to_string(dir.path().join("huvudbok.csv")).unwrap();
    assert!(csv.lines().count() > 1);
    h.get_by_label_contains("Exporterad: huvudbok.csv");
}

fn export_command() -> app::command::Command {
    app::command::Command::Export(app::export::ExportRequest::Ledger(
        app::export::LedgerExport {
            format: app::export::LedgerFormat::Csv,
            year: None,
            scenario: None,
            dialect: Default::default(),
            year_end_only: false,
        },
    ))
}

#[test]
fn the_preference_makes_sifs_dialog_the_default_even_with_a_system_dialog() {
    /// A system dialog that is there, and counts how often it is asked.
    #[derive(Clone, Default)]
    struct Counting(std::rc::Rc<std::cell::Cell<usize>>);
    impl FileDialogs for Counting {
        fn pick_open(&mut self, _: FileRequest<'_>) -> Option<PathBuf> {
            self.0.set(self.0.get() + 1);
            None
        }
        fn pick_save(&mut self, _: FileRequest<'_>) -> Option<PathBuf> {
            self.0.set(self.0.get() + 1);
            None
        }
    }
    let system = Counting::default();
    let mut h = harness_with(SifApp::new(
        Preferences::default(),
        Box::new(system.clone()),
    ));
    save_as(&mut h);
    assert_eq!(system.0.get(), 1, "the system's dialog while it is there");
    assert!(!dialog_open(&h));
    menu(&mut h, "Arkiv", "Använd alltid Sifs egen fildialog");
    assert_eq!(h.state().prefs.own_file_dialog, Some(true));
    save_as(&mut h);
    assert_eq!(system.0.get(), 1);
    assert!(dialog_open(&h));
}

#[test]
fn amounts_in_mkr_and_tkr_are_accepted_and_undo_says_what_it_undoes() {
    let mut h = harness(Lang::Sv);
    nav(&mut h, "Insatser");
    click(&mut h, "P101");
    let before = h.state().doc.fund.initiatives[0].costs[0].clone();
    let label = "Från fonden, rad 1";
    type_into(&mut h, label, "1,2 milj.");
    let after = h.state().doc.fund.initiatives[0].costs[0].clone();
    assert_eq!(after.fund, sif::money::Money(1_200_000));
    type_into(&mut h, label, "300 tkr");
    assert_eq!(
        h.state().doc.fund.initiatives[0].costs[0].fund,
        sif::money::Money(300_000)
    );
    // The Edit menu says what Undo will undo.
    h.get_by_label("Redigera").click();
    h.run();
    let undo = format!("Ångra: kostnad {} för P101", before.year);
    h.get_by_label_contains(&undo).click();
    h.run();
    assert_eq!(
        h.state().doc.fund.initiatives[0].costs[0].fund,
        sif::money::Money(1_200_000)
    );
    h.get_by_label("Redigera").click();
    h.run();
    h.get_by_label_contains(&format!("Gör om: kostnad {} för P101", before.year));
    h.key_press(Key::Escape);
    h.run();
}

#[test]
fn the_two_shares_say_what_they_are_a_share_of() {
    let mut h = harness(Lang::Sv);
    nav(&mut h, "Insatser");
    let fund = h.state().doc.fund.clone();
    let fixed = fund
        .initiatives
        .iter()
        .find(|i| matches!(i.repayment, sif::model::Repayment::Fixed(_)))
        .unwrap();
    click(&mut h, &fixed.code.clone());
    h.get_by_label("Andel, % av fondens kostnad");
    let from_savings = fund
        .initiatives
        .iter()
        .find(|i| matches!(i.repayment, sif::model::Repayment::FromSavings { .. }))
        .unwrap();
    click(&mut h, &from_savings.code.clone());
    h.get_by_label("Andel, % av kontanta besparingar");
}

#[test]
fn deleting_an_initiative_with_actual_figures_asks_first() {
    let fund = sif::store::parse_str(sif::samples::SAMPLES[1].text, "uppfoljning").unwrap();
    let (index, code) = fund
        .initiatives
        .iter()
        .enumerate()
        .find(|(_, i)| !i.actuals.is_empty())
        .map(|(k, i)| (k, i.code.clone()))
        .unwrap();
    let n = fund.initiatives.len();
    let mut app = SifApp::new(Preferences::default(), Box::new(NoPortal));
    app.doc = app::state::Document::new(fund, None);
    let mut h = harness_with(app);
    nav(&mut h, "Insatser");
    click(&mut h, &code);
    assert_eq!(h.state().ui.selected, Some(index));
    click(&mut h, "Ta bort");
    h.get_by_label("Ta bort insatsen?");
    assert_eq!(
        h.state().doc.fund.initiatives.len(),
        n,
        "nothing deleted yet"
    );
    click(&mut h, "Avbryt");
    assert_eq!(h.state().doc.fund.initiatives.len(), n);
    click(&mut h, "Ta bort");
    click(&mut h, "Ta bort ändå");
    assert_eq!(h.state().doc.fund.initiatives.len(), n - 1);
    assert!(
        h.state()
            .doc
            .fund
            .initiatives
            .iter()
            .all(|i| i.code != code)
    );
}

#[test]
fn ctrl_and_a_digit_opens_the_views_and_help_shows_the_guide_and_about() {
    let mut h = harness(Lang::Sv);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    assert_eq!(h.state().ui.view, app::views::View::Initiatives);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num9);
    h.run();
    assert_eq!(h.state().ui.view, app::views::View::Problems);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert_eq!(h.state().ui.view, app::views::View::Overview);

    // The guide in Swedish (docs/app.sv.md) …
    menu(&mut h, "Hjälp", "Användarguide");
    h.get_by_label("Sif – skrivbordsappen");
    h.get_by_label("Fildialogen");
    h.get_by_label("Övningsläge och presentationsläge");
    assert!(h.query_by_label("Sif – the desktop app").is_none());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().ui.help.is_none());
    // … and in English (docs/app.md).
    menu(&mut h, "Språk", "English");
    menu(&mut h, "Help", "User guide");
    h.get_by_label("Sif – the desktop app");
    h.get_by_label_contains("Fildialogen / The file dialog");
    assert!(h.query_by_label("Sif – skrivbordsappen").is_none());
    h.key_press(Key::Escape);
    h.run();
    menu(&mut h, "Language", "Svenska");
    h.run();
    assert!(h.state().ui.help.is_none());
    menu(&mut h, "Hjälp", "Kortkommandon");
    h.get_by_label_contains("Presentationsläge på och av");
    click(&mut h, "Stäng");
    assert!(h.state().ui.help.is_none());
    h.run();
    menu(&mut h, "Hjälp", "Om Sif");
    h.get_by_label(&format!("Sif {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label_contains("MIT OR Apache-2.0");
}

#[test]
fn presenting_hides_the_file_path_and_the_unsaved_mark() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fond.ron");
    std::fs::write(&file, sif::samples::default_sample().text).unwrap();
    let app = SifApp::start(
        Preferences::default(),
        Box::new(NoPortal),
        Some(file.clone()),
    );
    let mut h = harness_with(app);
    click(&mut h, "Fondinställningar");
    type_into(&mut h, "Fondens namn", "Ändrad");
    let path = file.display().to_string();
    h.get_by_label(&path);
    h.get_by_label("Osparade ändringar");
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().ui.trainer.presenting);
    assert!(h.query_by_label(&path).is_none());
    assert!(h.query_by_label("Osparade ändringar").is_none());
}

#[test]
fn closing_a_year_can_start_from_the_plan_as_its_actual_figures() {
    let fund = sif::store::parse_str(sif::samples::SAMPLES[1].text, "uppfoljning").unwrap();
    let year = fund.closed_through.unwrap() + 1;
    let plan = sif::engine::project(&fund, &sif::engine::Options::default()).unwrap();
    let y = plan.year_index(year).unwrap();
    let mut app = SifApp::new(Preferences::default(), Box::new(NoPortal));
    app.doc = app::state::Document::new(fund.clone(), None);
    let mut h = harness_with(app);
    nav(&mut h, "Återföringar");
    h.get_by_label_contains(&format!("Stäng år {year}")).click();
    h.run();
    h.get_by_label_contains("Utfall = plan").click();
    h.run();
    click(&mut h, &format!("Stäng {year}"));
    let after = h.state().doc.fund.clone();
    assert_eq!(after.closed_through, Some(year));
    let mut filled = 0;
    for ip in &plan.initiatives {
        let ini = &after.initiatives[ip.index];
        let actual = ini.actuals.iter().find(|a| a.year == year);
        if ip.fund_cost[y].0 != 0 {
            let actual = actual.expect("the plan's cost is filled in");
            assert_eq!(actual.fund, ip.fund_cost[y], "{}", ini.code);
            assert_eq!(actual.source, "Utfall = plan");
            filled += 1;
        }
    }
    assert!(filled > 0);
    // One step: undo opens the year again without the copied figures.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.fund, fund);
}
