//! Never lose a fund, in the app (docs/safety.md), driven headless through its accessibility
//! tree (egui_kittest): unsaved changes kept for recovery and offered after a killed app, the
//! changed-on-disk question on save, the banner when the window regains focus after an outside
//! change, and a failed save that changes nothing. File dialogs and the clock are fakes; the
//! recovery folder and the fund files are temporary folders.

use sif_app as app;

use std::cell::Cell;
use std::path::PathBuf;
use std::rc::Rc;

use app::SifApp;
use app::i18n::Lang;
use app::prefs::Preferences;
use app::safety::{Clock, RECOVERY_INTERVAL_SECS};
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sif::model::Fund;
use sif::store;
use sif_testkit::ui::{self, FakeDialogs, click, shows_text as shows, type_into};

/// 2025-11-26 14:05:00 UTC.
const T0: u64 = 1_764_165_900;

/// A clock the test moves by hand.
#[derive(Clone)]
struct FakeClock(Rc<Cell<u64>>);

impl FakeClock {
    fn at(t: u64) -> FakeClock {
        FakeClock(Rc::new(Cell::new(t)))
    }
    fn advance(&self, secs: u64) {
        self.0.set(self.0.get() + secs);
    }
}

impl Clock for FakeClock {
    fn now_unix_secs(&self) -> u64 {
        self.0.get()
    }
    fn utc_offset_secs(&self, _: u64) -> i32 {
        3600
    }
}

/// A fund file in a folder, a recovery folder elsewhere (as the platform's data folder is).
struct Setup {
    _tmp: tempfile::TempDir,
    file: PathBuf,
    recovery_dir: PathBuf,
    clock: FakeClock,
}

impl Setup {
    fn new() -> Setup {
        let tmp = tempfile::tempdir().unwrap();
        let folder = tmp.path().join("fonder");
        std::fs::create_dir(&folder).unwrap();
        let file = folder.join("fond.ron");
        std::fs::write(&file, sif::samples::default_sample().text).unwrap();
        let recovery_dir = sif::recovery::recovery_dir(&tmp.path().join("data"));
        Setup {
            _tmp: tmp,
            file,
            recovery_dir,
            clock: FakeClock::at(T0),
        }
    }

    /// Start the app on the fund file, as `sif fond.ron` does, with recovery in the folder.
    fn start(&self, lang: Lang) -> (Harness<'static, SifApp>, FakeDialogs) {
        let dialogs = FakeDialogs::default();
        let prefs = Preferences {
            language: lang,
            ..Preferences::default()
        };
        let app = SifApp::start(prefs, Box::new(dialogs.clone()), Some(self.file.clone()))
            .with_recovery(&self.recovery_dir, Box::new(self.clock.clone()));
        assert!(app.safety.recovering());
        let mut h = ui::window(app, ui::SIZE);
        h.run();
        (h, dialogs)
    }

    /// The recovery files in the recovery folder.
    fn recovery_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.recovery_dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "sifrec"))
            .collect();
        files.sort();
        files
    }

    fn disk_fund(&self) -> Fund {
        store::load(&self.file).unwrap()
    }

    /// Another program or a colleague saves the file with another fund name.
    fn change_outside(&self, name: &str) {
        let mut fund = self.disk_fund();
        fund.name = name.to_string();
        std::fs::write(&self.file, store::to_ron_string(&fund).unwrap()).unwrap();
    }
}

fn rename_fund(h: &mut Harness<'_, SifApp>, name: &str) {
    h.get_by_label("Fondinställningar").click();
    h.run();
    type_into(h, "Fondens namn", name);
    assert_eq!(h.state().doc.fund.name, name);
}

fn save(h: &mut Harness<'_, SifApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
}

/// The window loses focus (the user goes to another program) and gets it back.
fn leave_and_return(h: &mut Harness<'_, SifApp>) {
    h.input_mut().focused = false;
    h.run();
    h.input_mut().focused = true;
    h.run();
}

#[test]
fn unsaved_changes_survive_a_killed_app_and_are_restored_at_the_next_start() {
    let s = Setup::new();
    let original = std::fs::read(&s.file).unwrap();
    let (mut h, _) = s.start(Lang::Sv);
    assert!(s.recovery_files().is_empty(), "nothing unsaved yet");

    // The first change is kept at once.
    rename_fund(&mut h, "Första ändringen");
    let rec = h.state().safety.recovery_path().unwrap();
    assert_eq!(s.recovery_files(), vec![rec.clone()]);
    assert!(
        std::fs::read_to_string(&rec)
            .unwrap()
            .contains("Första ändringen")
    );

    // The next one waits for the interval, then is kept too.
    s.clock.advance(1);
    rename_fund(&mut h, "Andra ändringen");
    assert!(
        !std::fs::read_to_string(&rec)
            .unwrap()
            .contains("Andra ändringen")
    );
    s.clock.advance(RECOVERY_INTERVAL_SECS);
    h.run();
    let kept = std::fs::read_to_string(&rec).unwrap();
    assert!(kept.contains("Andra ändringen"));
    assert!(
        !kept.contains("Första ändringen"),
        "one file, the latest changes"
    );
    // Nothing of it is in the user's folder, and the fund file is untouched.
    assert_eq!(std::fs::read(&s.file).unwrap(), original);
    assert_eq!(
        std::fs::read_dir(s.file.parent().unwrap()).unwrap().count(),
        1
    );

    // The app ends without saving and without asking, as when it is killed.
    let made_at = s.clock.0.get();
    drop(h);
    assert_eq!(std::fs::read(&s.file).unwrap(), original);

    // Three minutes later Sif starts again and offers the changes: which file, and when.
    s.clock.advance(180);
    let (mut h, _) = s.start(Lang::Sv);
    // The fake clock's zone is an hour east of UTC: the prompt shows local time.
    assert_eq!(
        sif::recovery::local_timestamp(made_at, 3600),
        "2025-11-26 15:05"
    );
    assert!(shows(
        &h,
        &format!(
            "Sif avslutades utan att spara ändringar i {}",
            s.file.display()
        )
    ));
    assert!(shows(&h, "2025-11-26 15:05 (för 3 minuter sedan)"));
    // It started on the file as it is on disk; the offer waits for an answer.
    assert_eq!(h.state().doc.fund, s.disk_fund());

    click(&mut h, "Återställ");
    let app = h.state();
    assert_eq!(app.doc.fund.name, "Andra ändringen");
    assert!(app.doc.is_dirty(), "restored changes are not saved yet");
    assert_eq!(app.doc.path.as_deref(), Some(s.file.as_path()));
    assert!(app.window_title().contains("(osparad)"));
    assert!(!rec.exists(), "the handled recovery file is removed");
    assert!(!shows(&h, "Sif avslutades utan att spara"));
    // The restored changes are kept by this app's own session until they are saved.
    let new_rec = h.state().safety.recovery_path().unwrap();
    assert_eq!(s.recovery_files(), vec![new_rec]);

    // Saving writes them to the file (nobody changed it meanwhile) and removes the recovery.
    save(&mut h);
    assert_eq!(s.disk_fund().name, "Andra ändringen");
    assert!(!h.state().doc.is_dirty());
    assert!(s.recovery_files().is_empty());
    drop(h);

    // The next start offers nothing.
    let (h, _) = s.start(Lang::Sv);
    assert!(!shows(&h, "Sif avslutades utan att spara"));
}

#[test]
fn offered_changes_can_be_discarded_or_left_for_the_next_start() {
    let s = Setup::new();
    let (mut h, _) = s.start(Lang::En);
    rename_fund_en(&mut h, "Unsaved name");
    assert_eq!(s.recovery_files().len(), 1);
    drop(h);

    // Closing the question without an answer keeps the changes for the next start.
    s.clock.advance(2 * 3600);
    let (mut h, _) = s.start(Lang::En);
    assert!(shows(
        &h,
        "The changes were kept for recovery at 2025-11-26 15:05 (2 hours ago)."
    ));
    h.key_press(Key::Escape);
    h.run();
    assert!(!shows(&h, "Sif ended without saving"));
    assert_eq!(s.recovery_files().len(), 1);
    assert!(!h.state().doc.is_dirty());
    drop(h);

    // Discarding removes them for good; the file on disk is what stays open.
    let (mut h, _) = s.start(Lang::En);
    assert!(shows(&h, "Sif ended without saving changes to"));
    click(&mut h, "Discard the changes");
    assert!(s.recovery_files().is_empty());
    assert_eq!(h.state().doc.fund, s.disk_fund());
    assert!(!h.state().doc.is_dirty());
    drop(h);
    let (h, _) = s.start(Lang::En);
    assert!(!shows(&h, "Sif ended without saving"));
}

fn rename_fund_en(h: &mut Harness<'_, SifApp>, name: &str) {
    h.get_by_label("Fund settings").click();
    h.run();
    type_into(h, "Fund name", name);
    assert_eq!(h.state().doc.fund.name, name);
}

#[test]
fn a_fund_never_saved_is_offered_and_restored_without_a_file() {
    let s = Setup::new();
    let dialogs = FakeDialogs::default();
    let prefs = Preferences {
        language: Lang::Sv,
        ..Preferences::default()
    };
    // The built-in sample: no file.
    let app = SifApp::new(prefs.clone(), Box::new(dialogs.clone()))
        .with_recovery(&s.recovery_dir, Box::new(s.clock.clone()));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut SifApp| app.ui_root(ui), app);
    rename_fund(&mut h, "Ny fond");
    drop(h);

    let app = SifApp::new(prefs, Box::new(dialogs))
        .with_recovery(&s.recovery_dir, Box::new(s.clock.clone()));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_ui_state(|ui, app: &mut SifApp| app.ui_root(ui), app);
    h.run();
    assert!(shows(&h, "en ny fond som aldrig sparats"));
    click(&mut h, "Återställ");
    assert_eq!(h.state().doc.fund.name, "Ny fond");
    assert_eq!(h.state().doc.path, None);
    assert!(h.state().doc.is_dirty());
}

#[test]
fn closing_without_saving_removes_the_recovery_file() {
    let s = Setup::new();
    let (mut h, _) = s.start(Lang::Sv);
    rename_fund(&mut h, "Tillfälligt namn");
    assert_eq!(s.recovery_files().len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    // The user reads the question for a while before answering.
    s.clock.advance(RECOVERY_INTERVAL_SECS + 1);
    click(&mut h, "Spara inte");
    assert!(h.state().closing);
    assert!(s.recovery_files().is_empty());
    // The frames drawn while the window closes do not write it again.
    s.clock.advance(RECOVERY_INTERVAL_SECS + 1);
    h.run();
    h.run();
    assert!(s.recovery_files().is_empty());
    assert_ne!(s.disk_fund().name, "Tillfälligt namn");
    drop(h);
    // So the next start offers nothing.
    let (h, _) = s.start(Lang::Sv);
    assert!(!shows(&h, "Sif avslutades utan att spara"));
    drop(h);

    // Undoing back to the saved state also removes it: nothing is unsaved.
    let (mut h, _) = s.start(Lang::Sv);
    rename_fund(&mut h, "Tillfälligt namn");
    assert_eq!(s.recovery_files().len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state().doc.is_dirty());
    assert!(s.recovery_files().is_empty());
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let s = Setup::new();
    let (mut h, _) = s.start(Lang::Sv);
    rename_fund(&mut h, "Min version");
    s.change_outside("Kollegans version");
    let colleagues = std::fs::read(&s.file).unwrap();

    // Save asks instead of overwriting.
    save(&mut h);
    assert!(shows(
        &h,
        "fond.ron har ändrats av ett annat program eller en annan person sedan du öppnade den."
    ));
    assert!(shows(&h, "sparas som fond.ron.bak"));
    assert_eq!(std::fs::read(&s.file).unwrap(), colleagues);

    // Cancel: nothing written, the changes stay.
    click(&mut h, "Avbryt");
    assert!(!shows(&h, "har ändrats av ett annat program"));
    assert_eq!(std::fs::read(&s.file).unwrap(), colleagues);
    assert!(h.state().doc.is_dirty());
    assert_eq!(h.state().doc.fund.name, "Min version");

    // Overwrite: my version is written, the colleague's is the backup.
    save(&mut h);
    click(&mut h, "Skriv över");
    assert_eq!(s.disk_fund().name, "Min version");
    assert_eq!(
        std::fs::read(store::backup_path(&s.file)).unwrap(),
        colleagues
    );
    assert!(!h.state().doc.is_dirty());
    assert!(s.recovery_files().is_empty());
    // The next save checks against what was just written: no question.
    rename_fund(&mut h, "Min version 2");
    save(&mut h);
    assert!(!shows(&h, "har ändrats av ett annat program"));
    assert_eq!(s.disk_fund().name, "Min version 2");

    // Load the other version: the outside version replaces my unsaved changes.
    rename_fund(&mut h, "Min version 3");
    s.change_outside("Kollegans andra version");
    save(&mut h);
    click(&mut h, "Läs in den andra versionen");
    let app = h.state();
    assert_eq!(app.doc.fund.name, "Kollegans andra version");
    assert_eq!(app.doc.fund, s.disk_fund());
    assert!(!app.doc.is_dirty());
    assert!(s.recovery_files().is_empty());
    // And it is the new reference: the next save does not ask.
    rename_fund(&mut h, "Efter inläsningen");
    save(&mut h);
    assert_eq!(s.disk_fund().name, "Efter inläsningen");
}

#[test]
fn save_before_quitting_quits_once_the_changed_file_question_is_answered() {
    let s = Setup::new();
    let (mut h, _) = s.start(Lang::En);
    rename_fund_en(&mut h, "Mine");
    s.change_outside("Theirs");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    click(&mut h, "Save");
    assert!(shows(
        &h,
        "fond.ron has been changed by another program or person since you opened it."
    ));
    assert!(!h.state().closing);
    click(&mut h, "Overwrite");
    assert_eq!(s.disk_fund().name, "Mine");
    assert!(h.state().closing);
}

#[test]
fn a_removed_file_is_saved_again_only_when_the_user_says_so() {
    let s = Setup::new();
    let (mut h, _) = s.start(Lang::Sv);
    rename_fund(&mut h, "Kvar i minnet");
    std::fs::remove_file(&s.file).unwrap();
    save(&mut h);
    assert!(shows(
        &h,
        "fond.ron har tagits bort eller flyttats sedan du öppnade den."
    ));
    assert!(!s.file.exists());
    click(&mut h, "Spara igen");
    assert_eq!(s.disk_fund().name, "Kvar i minnet");
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn regaining_focus_after_an_outside_change_shows_a_banner() {
    let s = Setup::new();
    let (mut h, _) = s.start(Lang::Sv);
    // Focus coming and going with nothing changed says nothing.
    leave_and_return(&mut h);
    assert!(!shows(&h, "har ändrats utanför Sif"));

    s.change_outside("Ändrad utanför");
    // Not while the window stays in the background; on return.
    h.input_mut().focused = false;
    h.run();
    assert!(!shows(&h, "har ändrats utanför Sif"));
    h.input_mut().focused = true;
    h.run();
    assert!(shows(
        &h,
        "fond.ron har ändrats utanför Sif (av ett annat program eller en kollega). Vill du läsa in den nya versionen?"
    ));
    // The banner does not block work: the views still answer.
    rename_fund(&mut h, "Jag arbetar vidare");
    assert!(shows(
        &h,
        "fond.ron har ändrats utanför Sif, och du har osparade ändringar."
    ));

    // Keeping mine: the banner goes, and the same change is not asked about again…
    click(&mut h, "Behåll mina ändringar");
    assert!(!shows(&h, "har ändrats utanför Sif"));
    leave_and_return(&mut h);
    assert!(!shows(&h, "har ändrats utanför Sif"));
    assert_eq!(h.state().doc.fund.name, "Jag arbetar vidare");
    // …but saving still asks before overwriting it.
    save(&mut h);
    assert!(shows(&h, "har ändrats av ett annat program"));
    click(&mut h, "Avbryt");

    // A further change is news again; loading it discards my changes.
    s.change_outside("Ändrad igen");
    leave_and_return(&mut h);
    click(&mut h, "Läs in den nya versionen");
    assert_eq!(h.state().doc.fund.name, "Ändrad igen");
    assert!(!h.state().doc.is_dirty());
    assert!(!shows(&h, "har ändrats utanför Sif"));
    assert!(s.recovery_files().is_empty());

    // A removed file is noticed too.
    std::fs::remove_file(&s.file).unwrap();
    leave_and_return(&mut h);
    assert!(shows(&h, "fond.ron har tagits bort eller flyttats"));
    click(&mut h, "Spara igen");
    assert_eq!(s.disk_fund().name, "Ändrad igen");
    assert!(!shows(&h, "har tagits bort"));
}

#[test]
fn a_failed_save_says_why_and_changes_nothing() {
    let s = Setup::new();
    let original = std::fs::read(&s.file).unwrap();
    let (mut h, dialogs) = s.start(Lang::Sv);
    rename_fund(&mut h, "Osparat");

    // Save as into a folder that does not exist.
    let missing = s.file.parent().unwrap().join("borta").join("ny.ron");
    dialogs.save.borrow_mut().push_back(missing.clone());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(shows(&h, "Kunde inte spara"));
    assert!(shows(&h, "finns inte"));
    assert!(!shows(&h, "Could not save"), "in the app's language only");
    click(&mut h, "Stäng");
    let app = h.state();
    assert!(app.doc.is_dirty());
    assert_eq!(app.doc.path.as_deref(), Some(s.file.as_path()));
    assert!(!missing.exists());
    assert_eq!(std::fs::read(&s.file).unwrap(), original);
    // The unsaved changes are still kept for recovery.
    assert_eq!(s.recovery_files().len(), 1);

    // The fund's own file replaced by a folder (someone else's doing): refused, nothing lost.
    let folder_in_place = s.file.parent().unwrap().join("mapp.ron");
    std::fs::create_dir(&folder_in_place).unwrap();
    dialogs.save.borrow_mut().push_back(folder_in_place.clone());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(shows(&h, "det är en mapp eller ingen vanlig fil"));
    click(&mut h, "Stäng");
    assert!(folder_in_place.is_dir());
    assert!(h.state().doc.is_dirty());
    assert_eq!(h.state().doc.path.as_deref(), Some(s.file.as_path()));
    assert_eq!(std::fs::read(&s.file).unwrap(), original);

    // Saved where it can be, it is saved.
    save(&mut h);
    assert_eq!(s.disk_fund().name, "Osparat");
    assert!(!h.state().doc.is_dirty());
    assert!(s.recovery_files().is_empty());
}
