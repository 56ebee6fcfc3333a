//! Reading in from other programs in the app, driven headless through the accessibility tree
//! (egui_kittest): a closed year's actual figures from a SIE 4 file that Sif's own ledger
//! wrote (Återföringar → "Läs in utfall från SIE…"), and initiatives from a filled-in
//! template (Insatser → "Läs in från Excel…"). Each is previewed, applied as one undo step
//! and undone; a file that cannot be read, or has problems, changes nothing.

use sif_app as app;

use app::SifApp;
use app::i18n::{self, Lang};
use app::import::{self, SieColumn};
use app::prefs::Preferences;
use app::views::repayments;
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sif::messages::Message;
use sif::model::{Fund, Status};
use sif::money::Money;
use sif_testkit::cli::{export_4e, sample};
use sif_testkit::ui::{
    self, FakeDialogs, H, NoPortal, click, disabled, input, nav, shows, sv, type_into,
};

/// A tall window: only what is on screen is in the accessibility tree.
fn harness_on(fund: Fund, lang: Lang) -> (H, FakeDialogs) {
    let dialogs = FakeDialogs::default();
    let app = ui::app_on(fund, lang, Box::new(dialogs.clone()), "2026-03-15");
    // A modal that closes and another that opens (the close-year confirmation, then the
    // preview again) take a few frames to settle their scroll areas.
    let h = Harness::builder()
        .with_size(ui::TALL)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut SifApp| app.ui_root(ui), app);
    (h, dialogs)
}

fn cell(code: &str, payer: Option<&str>, column: SieColumn, m: i64) -> String {
    import::sie_cell_name(Lang::Sv, code, payer, column, &sv(m))
}

/// An initiative's actual figures of a year: the fund's payment and the non-zero repayments
/// per payer, sorted.
fn figures(fund: &Fund, index: usize, year: i32) -> (Money, Vec<(String, Money)>) {
    let mut paid = Money::ZERO;
    let mut repaid: Vec<(String, Money)> = Vec::new();
    for a in fund.initiatives[index]
        .actuals
        .iter()
        .filter(|a| a.year == year)
    {
        paid = paid.checked_add(a.fund).unwrap();
        for r in a.repaid.iter().filter(|r| !r.amount.is_zero()) {
            match repaid.iter_mut().find(|(p, _)| *p == r.actor) {
                Some(x) => x.1 = x.1.checked_add(r.amount).unwrap(),
                None => repaid.push((r.actor.clone(), r.amount)),
            }
        }
    }
    repaid.sort();
    (paid, repaid)
}

fn without_year(fund: &Fund, year: i32) -> Fund {
    let mut f = fund.clone();
    for ini in &mut f.initiatives {
        ini.actuals.retain(|a| a.year != year);
    }
    f
}

const SOURCE: &str = "SIE ekonomi2025.se (Sif, 2026-01-20)";

#[test]
fn a_sie_file_is_previewed_applied_as_one_step_and_undone() {
    let original = sample("uppfoljning");
    assert_eq!(original.closed_through, Some(2025));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ekonomi2025.se");
    std::fs::write(&path, export_4e(&original, 2025)).unwrap();
    // The fund as the controller has it before the year's figures are typed in.
    let before = without_year(&original, 2025);
    let (mut h, dialogs) = harness_on(before.clone(), Lang::Sv);
    dialogs.import.borrow_mut().push_back(path);

    nav(&mut h, "Återföringar");
    click(&mut h, "Läs in utfall från SIE…");
    assert_eq!(
        *dialogs.imports.borrow(),
        vec![vec!["se".to_string(), "si".into(), "sie".into()]]
    );
    // M2 planned 800 000 for 2025, spent 900 000 (in the file), and nothing is recorded yet.
    assert!(shows(&h, &cell("M2", None, SieColumn::Planned, 800_000)));
    assert!(shows(&h, &cell("M2", None, SieColumn::Recorded, 0)));
    assert!(shows(&h, &cell("M2", None, SieColumn::Read, 900_000)));
    assert!(shows(&h, &cell("M2", None, SieColumn::Difference, 900_000)));
    // M1: SOC was to repay 300 000 and repaid 200 000; UTB repaid 150 000.
    assert!(shows(
        &h,
        &cell("M1", Some("SOC"), SieColumn::Planned, 300_000)
    ));
    assert!(shows(
        &h,
        &cell("M1", Some("SOC"), SieColumn::Read, 200_000)
    ));
    assert!(shows(
        &h,
        &cell("M1", Some("UTB"), SieColumn::Read, 150_000)
    ));
    // The repayments per payer are the sums of the initiatives' rows.
    let mut soc = 0;
    for i in 0..original.initiatives.len() {
        soc += figures(&original, i, 2025)
            .1
            .iter()
            .filter(|(p, _)| p == "SOC")
            .map(|(_, m)| m.0)
            .sum::<i64>();
    }
    assert!(soc >= 200_000);
    assert!(shows(
        &h,
        &import::payer_total_name(Lang::Sv, "SOC", &sv(soc))
    ));
    h.get_by_label_contains(&format!("Fil: {SOURCE}"));
    // Nothing has changed yet.
    assert_eq!(h.state().doc.fund, before);
    assert!(!disabled(&h, "Använd"));

    click(&mut h, "Använd");
    let fund = h.state().doc.fund.clone();
    for i in 0..fund.initiatives.len() {
        assert_eq!(
            figures(&fund, i, 2025),
            figures(&original, i, 2025),
            "{}",
            fund.initiatives[i].code
        );
        for a in fund.initiatives[i]
            .actuals
            .iter()
            .filter(|a| a.year == 2025)
        {
            assert_eq!(a.source, SOURCE);
        }
    }
    assert_eq!(h.state().doc.history.undo_len(), 1);
    assert!(h.state().ui.import.is_none());
    // The actual row says where its figures came from.
    assert!(shows(&h, &i18n::source_text(Lang::Sv, 2025, SOURCE)));
    // A figure typed over one read in says so; undoing it brings the file's figures back.
    assert_eq!(h.state().ui.selected, Some(0));
    let imported = h.state().doc.fund.clone();
    input(&h, "Utfall SOC 2025").focus();
    h.run();
    input(&h, "Utfall SOC 2025").type_text("210 000");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let typed = format!("{SOURCE}, {}", repayments::TYPED);
    assert!(shows(&h, &i18n::source_text(Lang::Sv, 2025, &typed)));
    assert_eq!(h.state().doc.history.undo_len(), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.fund, imported);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.fund, before);
    assert!(!shows(&h, &i18n::source_text(Lang::Sv, 2025, SOURCE)));
}

#[test]
fn a_sie_preview_in_english_and_cancel_changes_nothing() {
    let original = sample("uppfoljning");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ekonomi2025.se");
    std::fs::write(&path, export_4e(&original, 2025)).unwrap();
    let before = without_year(&original, 2025);
    let (mut h, dialogs) = harness_on(before.clone(), Lang::En);
    dialogs.import.borrow_mut().push_back(path);
    h.get_by_label("File").click();
    h.run();
    click(&mut h, "Read actuals from SIE…");
    let name = import::sie_cell_name(
        Lang::En,
        "M2",
        None,
        SieColumn::Read,
        &i18n::money(Lang::En, Money(900_000)),
    );
    assert!(shows(&h, &name), "{name}");
    // The preview is computed once, not per frame; choosing another year computes it again.
    let computations = |h: &Harness<'_, SifApp>| match &h.state().ui.import {
        Some(import::ImportDialog::Sie(s)) => s.computations,
        _ => panic!("the SIE preview is not open"),
    };
    let once = computations(&h);
    assert_eq!(once, 1);
    h.run_steps(5);
    assert_eq!(computations(&h), once);
    h.get_by_label("Year").click();
    h.run();
    h.get_by_role_and_label(eframe::egui::accesskit::Role::Button, "2026")
        .click();
    h.run();
    assert_eq!(
        h.state().ui.import.as_ref().map(|d| match d {
            import::ImportDialog::Sie(s) => s.year,
            _ => 0,
        }),
        Some(2026)
    );
    assert_eq!(computations(&h), once + 1);
    // 2026 is open, and the file has no vouchers dated in it.
    h.get_by_label_contains("the file has no vouchers dated 2026");
    assert!(disabled(&h, "Apply"));
    click(&mut h, "Cancel");
    assert!(h.state().ui.import.is_none());
    assert_eq!(h.state().doc.fund, before);
    assert_eq!(h.state().doc.history.undo_len(), 0);
}

#[test]
fn an_open_year_is_closed_first_with_the_close_year_confirmation() {
    let original = sample("uppfoljning");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ekonomi2025.se");
    std::fs::write(&path, export_4e(&original, 2025)).unwrap();
    let mut before = without_year(&original, 2025);
    before.closed_through = Some(2024);
    let (mut h, dialogs) = harness_on(before.clone(), Lang::Sv);
    dialogs.import.borrow_mut().push_back(path);
    nav(&mut h, "Återföringar");
    click(&mut h, "Läs in utfall från SIE…");
    // The figures show, but cannot be applied to an open year.
    assert!(shows(&h, &cell("M2", None, SieColumn::Read, 900_000)));
    assert!(disabled(&h, "Använd"));
    h.get_by_label_contains("2025 är inte stängt. Utfall förs in för stängda år");

    click(&mut h, "Stäng år 2025 först…");
    h.run();
    // The existing confirmation, then the preview again, now with Använd.
    click(&mut h, "Stäng 2025");
    h.run();
    assert_eq!(h.state().doc.fund.closed_through, Some(2025));
    assert!(!disabled(&h, "Använd"));
    click(&mut h, "Använd");
    let fund = h.state().doc.fund.clone();
    assert_eq!(figures(&fund, 1, 2025), figures(&original, 1, 2025));
    assert_eq!(h.state().doc.history.undo_len(), 2);
    // Undo takes back the figures, then the closing.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let mut closed = before.clone();
    closed.closed_through = Some(2025);
    assert_eq!(h.state().doc.fund, closed);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.fund, before);
}

#[test]
fn an_unreadable_sie_file_says_why_and_changes_nothing() {
    let fund = sample("uppfoljning");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trasig.se");
    let bytes = b"#FLAGGA 0\r\n#SIETYP 4\r\n#VER A 1 20250101\r\n{\r\n#TRANS 1930 {} 12x\r\n}\r\n";
    std::fs::write(&path, bytes).unwrap();
    let sentence = sif::sie_read::read(bytes).unwrap_err().swedish();
    assert!(sentence.contains("på rad 5"), "{sentence}");
    let (mut h, dialogs) = harness_on(fund.clone(), Lang::Sv);
    dialogs.import.borrow_mut().push_back(path);
    nav(&mut h, "Återföringar");
    click(&mut h, "Läs in utfall från SIE…");
    h.get_by_label_contains(&format!("trasig.se: {sentence}"));
    assert!(h.state().ui.import.is_none());
    click(&mut h, "Stäng");
    assert_eq!(h.state().doc.fund, fund);
    assert_eq!(h.state().doc.history.undo_len(), 0);

    // A file that is not SIE at all.
    let path = dir.path().join("budget.se");
    std::fs::write(&path, "Konto;Belopp\n4010;100\n").unwrap();
    dialogs.import.borrow_mut().push_back(path);
    click(&mut h, "Läs in utfall från SIE…");
    h.get_by_label_contains("budget.se: filen är ingen SIE-fil");
    assert_eq!(h.state().doc.fund, fund);
}

#[test]
fn initiatives_from_a_filled_template_are_previewed_added_as_one_step_and_undone() {
    let fund = sample("exempelkommun");
    let mut application = fund.initiatives[0].clone();
    application.code.clear();
    application.name = "Läxhjälp i Norra".to_string();
    let bytes = sif::xlsx::template::template_xlsx(Some(&fund), &[application.clone()]).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ansokan.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let expected = sif::xlsx::import::import(&bytes, "ansokan.xlsx", &fund).unwrap();
    let summary = expected.summary();
    assert_eq!(summary.len(), 1);
    let code = summary[0].code.clone();
    let cost = summary[0].fund_costs.unwrap();
    let savings = summary[0].savings.unwrap();
    assert!(cost.0 > 0 && savings.0 > 0);

    let (mut h, dialogs) = harness_on(fund.clone(), Lang::Sv);
    dialogs.import.borrow_mut().push_back(path);
    nav(&mut h, "Insatser");
    click(&mut h, "Läs in från Excel…");
    assert_eq!(
        *dialogs.imports.borrow(),
        vec![vec!["xlsx".to_string(), "csv".into()]]
    );
    h.get_by_label("Läxhjälp i Norra");
    assert!(shows(
        &h,
        &import::added_cell_name(&code, "Kostnad från fonden", &sv(cost.0))
    ));
    assert!(shows(
        &h,
        &import::added_cell_name(&code, "Besparingar", &sv(savings.0))
    ));
    h.get_by_label(&summary[0].repayment_text(sif::text::Lang::Sv));
    assert_eq!(h.state().doc.fund, fund);

    click(&mut h, "Använd");
    let after = h.state().doc.fund.clone();
    assert_eq!(after.initiatives.len(), fund.initiatives.len() + 1);
    let added = after.initiatives.last().unwrap();
    assert_eq!(*added, *expected.fund.initiatives.last().unwrap());
    assert_eq!(added.status, Status::Proposed);
    assert_eq!(added.costs, application.costs);
    assert_eq!(h.state().doc.history.undo_len(), 1);
    assert_eq!(h.state().ui.selected, Some(fund.initiatives.len()));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.fund, fund);
    // Redo brings it back, as one step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().doc.fund, after);
}

#[test]
fn a_template_with_problems_imports_nothing_and_names_every_cell() {
    let fund = sample("exempelkommun");
    let mut csv = sif::xlsx::template::template_csv();
    csv.push_str("Insatser;;Läxhjälp;BUN;Ur besparingar;50;2027;;;\r\n");
    csv.push_str("Kostnader;;2025;Personal;\"1 200 000\";0\r\n");
    csv.push_str("Besparingar;;SN;2027;2030;600 000 kr;Ja\r\n");
    csv.push_str("Kostnader;;2026;Personal;ca 12 mkr;0\r\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ansokan.csv");
    std::fs::write(&path, &csv).unwrap();
    let (mut h, dialogs) = harness_on(fund.clone(), Lang::Sv);
    dialogs.import.borrow_mut().push_back(path);
    nav(&mut h, "Insatser");
    click(&mut h, "Läs in från Excel…");
    h.get_by_label_contains("inget läses in");
    h.get_by_label_contains(
        "ansokan.csv rad 9 (Kostnader, Från fonden): ”ca 12 mkr” är inget belopp",
    );
    assert!(disabled(&h, "Använd"));
    click(&mut h, "Använd");
    assert_eq!(h.state().doc.fund, fund);
    click(&mut h, "Avbryt");
    assert!(h.state().ui.import.is_none());
    assert_eq!(h.state().doc.fund, fund);
    assert_eq!(h.state().doc.history.undo_len(), 0);

    // A file that is no workbook: one sentence, nothing imported.
    let path = dir.path().join("ansokan.xlsx");
    std::fs::write(&path, "inte en arbetsbok").unwrap();
    dialogs.import.borrow_mut().push_back(path);
    click(&mut h, "Läs in från Excel…");
    h.get_by_label_contains("filen är ingen Excel-arbetsbok");
    assert!(disabled(&h, "Använd"));
    click(&mut h, "Avbryt");
    assert_eq!(h.state().doc.fund, fund);
}

#[test]
fn without_a_system_dialog_sifs_own_lists_the_sie_files() {
    let original = sample("uppfoljning");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ekonomi2025.se"),
        export_4e(&original, 2025),
    )
    .unwrap();
    std::fs::write(dir.path().join("import.si"), "").unwrap();
    std::fs::write(dir.path().join("anteckning.txt"), "").unwrap();
    let before = without_year(&original, 2025);
    let prefs = Preferences::default();
    let mut app = SifApp::new(prefs, Box::new(NoPortal));
    app.doc = app::state::Document::new(before.clone(), None);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 2600.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut SifApp| app.ui_root(ui), app);
    h.run();
    nav(&mut h, "Återföringar");
    click(&mut h, "Läs in utfall från SIE…");
    assert!(h.state().ui.file_dialog.is_some());
    h.get_by_label("Läs in utfall från SIE");
    type_into(
        &mut h,
        "Mapp eller sökväg",
        &dir.path().display().to_string(),
    );
    h.get_by_label("ekonomi2025.se");
    h.get_by_label("import.si");
    assert!(h.query_by_label("anteckning.txt").is_none());
    type_into(&mut h, "Filnamn", "ekonomi2025.se");
    assert!(h.state().ui.file_dialog.is_none());
    assert!(shows(&h, &cell("M2", None, SieColumn::Read, 900_000)));
    click(&mut h, "Använd");
    assert_eq!(
        figures(&h.state().doc.fund, 1, 2025),
        figures(&original, 1, 2025)
    );
}
