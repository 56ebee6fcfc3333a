//! Actual figures read from a SIE 4 file (SPEC §10): Sif's own exports read back give the same
//! actuals for every sample fund with closed years; files shaped like the ones real financial
//! systems write (CR LF, tabs, bare fields, `#UNDERDIM`, UTF-8 and Latin-1, `#RTRANS` and
//! `#BTRANS`, a broken fiscal year, öre that round, negative nets, unmatched objects) map as
//! they should; and `sif actuals` previews, applies and refuses with its exact sentences.

use std::path::Path;
use std::process::Output;

use serde_json::Value;
use sif::messages::Message;
use sif::model::{Actual, Fund};
use sif::money::Money;
use sif::sie_actuals::{self, ActualsWarning, FundFrom};
use sif::sie_read::{self, SieWarning};
use sif::store;
use sif_testkit::cli::{self, code, export_4e, sample, stderr, stdout};

fn sif(args: &[&str]) -> Output {
    cli::run(env!("CARGO_BIN_EXE_sif"), args)
}

/// The figures an actual row holds, without zero repayments, in actor order: what the ledger
/// books and what a SIE file can carry.
fn figures(fund: &Fund, actuals: &[Actual], year: i32) -> (Money, Vec<(String, Money)>) {
    let mut fund_paid = Money::ZERO;
    let mut repaid: Vec<(usize, String, Money)> = Vec::new();
    for a in actuals.iter().filter(|a| a.year == year) {
        fund_paid = fund_paid.checked_add(a.fund).unwrap();
        for r in a.repaid.iter().filter(|r| r.amount.0 != 0) {
            let k = fund.actor_index(&r.actor).unwrap();
            match repaid.iter_mut().find(|(_, a, _)| *a == r.actor) {
                Some(x) => x.2 = x.2.checked_add(r.amount).unwrap(),
                None => repaid.push((k, r.actor.clone(), r.amount)),
            }
        }
    }
    repaid.sort();
    (
        fund_paid,
        repaid.into_iter().map(|(_, a, m)| (a, m)).collect(),
    )
}

#[test]
fn sifs_own_4e_read_back_gives_the_same_actuals_for_every_sample_with_closed_years() {
    let mut checked_years = 0;
    let mut checked_figures = 0;
    for s in sif::samples::SAMPLES {
        let fund = sample(s.name);
        let Some(closed) = fund.closed_through else {
            continue;
        };
        for year in fund.first_year..=closed {
            let bytes = export_4e(&fund, year);
            let sie = sie_read::read(&bytes).unwrap();
            assert!(sie.warnings.is_empty(), "{}: {:?}", s.name, sie.warnings);
            let mut emptied = fund.clone();
            for ini in &mut emptied.initiatives {
                ini.actuals.retain(|a| a.year != year);
            }
            // The year of #RAR 0 is the default.
            let preview =
                sie_actuals::preview(&emptied, &sie, "fond.se", None, FundFrom::Allocation)
                    .unwrap();
            assert_eq!(preview.year, year);
            assert!(
                preview.unmatched.is_empty(),
                "{}: {:?}",
                s.name,
                preview.unmatched
            );
            assert!(
                preview.warnings.is_empty(),
                "{}: {:?}",
                s.name,
                preview.warnings
            );
            assert_eq!(preview.program.as_deref(), Some("Sif"));
            assert_eq!(preview.generated.as_deref(), Some("2026-01-20"));
            sie_actuals::apply(&mut emptied, &preview).unwrap();
            for (before, after) in fund.initiatives.iter().zip(&emptied.initiatives) {
                let want = figures(&fund, &before.actuals, year);
                let got = figures(&fund, &after.actuals, year);
                assert_eq!(got, want, "{} {} {year}", s.name, before.code);
                if !want.0.is_zero() || !want.1.is_empty() {
                    checked_figures += 1;
                }
            }
            // Applying the same file again changes nothing.
            let again = emptied.clone();
            sie_actuals::apply(&mut emptied, &preview).unwrap();
            assert_eq!(again, emptied);
            checked_years += 1;
        }
    }
    assert!(checked_years >= 3, "{checked_years}");
    assert!(checked_figures >= 6, "{checked_figures}");
}

// ---- files shaped like real ones ----

/// A fund of three initiatives (P1 owned by BUN, P2 by SN, P3 by the holder KS), 2025 closed.
fn small_fund() -> Fund {
    let text = r#"Fund(
    format: 2,
    name: "Fonden",
    organisation: "Provkommun",
    model: EarmarkedEquity,
    first_year: 2025,
    years: 3,
    holder: "KS",
    closed_through: Some(2025),
    actors: [
        (code: "KS", name: "Kommunstyrelsen", kind: Committee),
        (code: "BUN", name: "Barn- och utbildningsnämnden", kind: Committee),
        (code: "SN", name: "Socialnämnden", kind: Committee),
        (code: "REG", name: "Regionen", kind: External),
    ],
    capital: [(date: "2025-01-15", amount: 10_000_000, kind: Earmark, note: "")],
    initiatives: [
        (code: "P1", name: "Ett", owner: "BUN", status: Approved,
         costs: [(year: 2025, fund: 1_000_000, own: 0, kind: Staff)],
         savings: [], repayment: Grant,
         actuals: [(year: 2025, fund: 900_000, repaid: [])]),
        (code: "P2", name: "Två", owner: "SN", status: Approved,
         costs: [(year: 2025, fund: 500_000, own: 0, kind: Services)],
         savings: [], repayment: Fixed(share: 50, start: 2025, instalments: 2,
                                       payers: [(actor: "SN", weight: 100)]),
         actuals: []),
        (code: "P3", name: "Tre", owner: "KS", status: Approved,
         costs: [(year: 2025, fund: 200_000, own: 0, kind: Other)],
         savings: [], repayment: Grant, actuals: []),
    ],
)"#;
    store::parse_str(text, "small.ron").unwrap()
}

const HEAD: &str = "#FLAGGA 0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n#PROGRAM \"Raindance\" 2024.1\r\n#GEN 20260120\r\n#RAR 0 20250101 20251231\r\n#RAR -1 20240101 20241231\r\n#DIM 1 \"Ansvar\"\r\n#DIM 6 \"Projekt\"\r\n";

/// A text as the CP437 bytes a financial system writes.
fn cp437(text: &str) -> Vec<u8> {
    sif::ledger::cp437::encode(text).unwrap()
}

fn read(text: &str) -> sie_read::SieFile {
    sie_read::read(&cp437(text)).unwrap()
}

fn preview_of(text: &str, from: FundFrom) -> sie_actuals::ActualsPreview {
    sie_actuals::preview(&small_fund(), &read(text), "ekonomi2025.se", None, from).unwrap()
}

fn fund_of(p: &sie_actuals::ActualsPreview, code: &str) -> Option<i64> {
    p.initiatives
        .iter()
        .find(|i| i.code == code)
        .map(|i| i.fund.0)
}

fn repaid_of(p: &sie_actuals::ActualsPreview, code: &str) -> Vec<(String, i64)> {
    p.initiatives
        .iter()
        .find(|i| i.code == code)
        .map(|i| i.repaid.iter().map(|(a, m)| (a.clone(), m.0)).collect())
        .unwrap_or_default()
}

/// A municipal financial system's year: allocations and repayments as internal rows with
/// tabs, bare objects, öre, a corrected row, a project sub-dimension, a row for an unknown
/// project and one without a project.
fn raindance_like() -> String {
    format!(
        "{HEAD}#UNDERDIM 61 \"Delprojekt\" 6\r\n#OBJEKT 6 P1 \"Ett\"\r\n#KSUMMA\r\n\
#VER\tIF\t1001\t20250630\t\"Internfördelning P1 halvår\"\t20250702\r\n{{\r\n\
\t#TRANS\t7890\t{{1 KS 6 P1}}\t450000.40\r\n\
\t#TRANS\t3890\t{{1 BUN 6 P1 61 D1}}\t-450000.40\r\n}}\r\n\
#VER \"IF\" \"1002\" 20251231 \"Internfördelning P1, P2, P3\"\r\n{{\r\n\
   #TRANS 7890 {{1 \"KS\" 6 \"P1\"}} 450000.10\r\n\
   #TRANS 3890 {{\"1\" \"BUN\" \"6\" \"P1\"}} -450000.10\r\n\
   #BTRANS 3890 {{1 \"SN\" 6 \"P2\"}} -400000.00 20260110 \"\" \"\" \"Anna\"\r\n\
   #RTRANS 3890 {{1 \"SN\" 6 \"P2\"}} -480000.50 20260110 \"\" \"\" \"Anna\"\r\n\
   #TRANS 3890 {{1 \"SN\" 6 \"P2\"}} -480000.50\r\n\
   #TRANS 7890 {{1 \"KS\" 6 \"P2\"}} 480000.50\r\n\
   #TRANS 3890 {{1 \"KS\" 6 \"P3\"}} -210000.00\r\n\
   #TRANS 7890 {{1 \"KS\" 6 \"P3\"}} 210000.00\r\n\
   #TRANS 3890 {{1 \"AMN\" 6 \"P9\"}} -1000.00\r\n\
   #TRANS 7890 {{1 \"KS\"}} 1000.00\r\n}}\r\n\
#VER IF 1003 20251231 \"Återföring P2\"\r\n{{\r\n\
   #TRANS 7890 {{1 SN 6 P2}} 125000.49\r\n\
   #TRANS 3890 {{1 KS 6 P2}} -125000.49\r\n}}\r\n\
#VER IF 1004 20241231 \"Förra året\"\r\n{{\r\n\
   #TRANS 7890 {{1 KS 6 P1}} 99.00\r\n\
   #TRANS 3890 {{1 BUN 6 P1}} -99.00\r\n}}\r\n"
    )
}

#[test]
fn a_financial_systems_year_maps_to_the_initiatives() {
    let p = preview_of(&raindance_like(), FundFrom::Allocation);
    assert_eq!(p.year, 2025);
    assert_eq!(p.program.as_deref(), Some("Raindance"));
    assert_eq!(p.generated.as_deref(), Some("2026-01-20"));
    assert_eq!(p.source(), "SIE ekonomi2025.se (Raindance, 2026-01-20)");
    // 450 000,40 + 450 000,10 = 900 000,50: half up.
    assert_eq!(fund_of(&p, "P1"), Some(900_001));
    // #BTRANS and #RTRANS do not count; 480 000,50 rounds up.
    assert_eq!(fund_of(&p, "P2"), Some(480_001));
    assert_eq!(repaid_of(&p, "P2"), vec![("SN".to_string(), 125_000)]);
    // The holder's own initiative.
    assert_eq!(fund_of(&p, "P3"), Some(210_000));
    let unmatched: Vec<(String, u32, i64)> = p
        .unmatched
        .iter()
        .map(|u| (u.object.clone(), u.account, u.amount.0))
        .collect();
    assert_eq!(
        unmatched,
        vec![
            ("".to_string(), 7890, 1000),
            ("P9".to_string(), 3890, -1000)
        ]
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn applying_replaces_the_years_rows_and_names_the_source() {
    let mut fund = small_fund();
    let p = preview_of(&raindance_like(), FundFrom::Allocation);
    let changed = sie_actuals::apply(&mut fund, &p).unwrap();
    assert_eq!(changed, 3);
    assert_eq!(fund.initiatives[0].actuals.len(), 1);
    assert_eq!(fund.initiatives[0].actuals[0].fund, Money(900_001));
    assert_eq!(
        fund.initiatives[1].actuals[0].repaid[0].amount,
        Money(125_000)
    );
    let saved = store::to_ron_string(&fund).unwrap();
    sie_actuals::apply(&mut fund, &p).unwrap();
    assert_eq!(store::to_ron_string(&fund).unwrap(), saved);
}

#[test]
fn what_applying_changes_is_known_before_and_the_payers_are_summed() {
    let fund = small_fund();
    let p = preview_of(&raindance_like(), FundFrom::Allocation);
    // `applied` changes nothing and gives exactly what `apply` writes.
    let changed = sie_actuals::applied(&fund, &p).unwrap();
    assert_eq!(
        changed.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
    let mut applied = fund.clone();
    sie_actuals::apply(&mut applied, &p).unwrap();
    for (i, ini) in &changed {
        assert_eq!(*ini, applied.initiatives[*i]);
    }
    assert_eq!(fund, small_fund());
    // Applied again, nothing is left to change.
    assert!(sie_actuals::applied(&applied, &p).unwrap().is_empty());
    assert_eq!(
        sie_actuals::repaid_per_payer(&fund, &p),
        vec![("SN".to_string(), Some(Money(125_000)))]
    );
    // An open year is refused before anything is worked out.
    let mut open = fund.clone();
    open.closed_through = None;
    assert_eq!(
        sie_actuals::applied(&open, &p),
        Err(sie_actuals::ActualsError::NotClosed { year: 2025 })
    );
}

#[test]
fn costs_mapping_reads_the_initiatives_spending() {
    let text = format!(
        "{HEAD}#VER A 1 20250315 \"Lön\"\n{{\n#TRANS 5110 {{1 BUN 6 P1}} 300000.25\n#TRANS 4610 {{1 BUN 6 P1}} 100000.25\n#TRANS 7890 {{1 KS 6 P1}} 5.00\n#TRANS 1930 {{}} -400005.50\n}}\n#VER A 2 20251231 \"Återföring\"\n{{\n#TRANS 7890 {{1 SN 6 P2}} 1000\n#TRANS 3890 {{1 KS 6 P2}} -1000\n}}\n"
    );
    let p = preview_of(&text, FundFrom::Costs);
    assert_eq!(fund_of(&p, "P1"), Some(400_001));
    assert_eq!(fund_of(&p, "P2"), Some(0));
    assert_eq!(repaid_of(&p, "P2"), vec![("SN".to_string(), 1000)]);
    // The bank row is on no mapped account; the 5 kr on internal_cost by the holder is the
    // holder's and no repayment.
    assert!(p.unmatched.is_empty(), "{:?}", p.unmatched);
}

#[test]
fn a_negative_net_is_not_imported_and_named() {
    let text = format!(
        "{HEAD}#VER A 1 20251231 \"Rättelse\"\n{{\n#TRANS 3890 {{1 BUN 6 P1}} 500.00\n#TRANS 7890 {{1 KS 6 P1}} -500.00\n#TRANS 7890 {{1 SN 6 P2}} -300.00\n#TRANS 3890 {{1 KS 6 P2}} 300.00\n}}\n"
    );
    let p = preview_of(&text, FundFrom::Allocation);
    // P1's recorded 900 000 stays.
    assert_eq!(fund_of(&p, "P1"), Some(900_000));
    assert!(p.warnings.contains(&ActualsWarning::NegativeFund {
        code: "P1".into(),
        ore: -50_000
    }));
    assert!(p.warnings.contains(&ActualsWarning::NegativeRepayment {
        code: "P2".into(),
        actor: "SN".into(),
        ore: -30_000
    }));
    assert_eq!(
        p.warnings[0].english(),
        "P1: the fund's payment in the file nets to SEK -500.00; it was not imported (the recorded figure stays)"
    );
}

#[test]
fn payers_that_are_no_committee_and_rows_without_payer_are_warnings() {
    let text = format!(
        "{HEAD}#VER A 1 20251231 x\n{{\n#TRANS 7890 {{1 REG 6 P2}} 10\n#TRANS 7890 {{1 XYZ 6 P2}} 20\n#TRANS 7890 {{6 P2}} 30\n#TRANS 3890 {{1 KS 6 P2}} -60\n}}\n"
    );
    let p = preview_of(&text, FundFrom::Allocation);
    assert_eq!(repaid_of(&p, "P2"), vec![]);
    assert!(p.warnings.contains(&ActualsWarning::UnknownPayer {
        code: "P2".into(),
        actor: "REG".into(),
        ore: 1000
    }));
    assert!(p.warnings.contains(&ActualsWarning::UnknownPayer {
        code: "P2".into(),
        actor: "XYZ".into(),
        ore: 2000
    }));
    assert!(p.warnings.contains(&ActualsWarning::NoPayer {
        code: "P2".into(),
        ore: 3000
    }));
}

#[test]
fn utf8_and_latin1_files_are_read_and_said_so() {
    let utf8 = raindance_like().replace("#FORMAT PC8", "#FORMAT UTF8");
    let sie = sie_read::read(utf8.as_bytes()).unwrap();
    let p = sie_actuals::preview(&small_fund(), &sie, "x.se", None, FundFrom::Allocation).unwrap();
    assert_eq!(fund_of(&p, "P1"), Some(900_001));
    assert_eq!(p.warnings, vec![ActualsWarning::Sie(SieWarning::Utf8)]);
    let latin1: Vec<u8> = raindance_like()
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let sie = sie_read::read(&latin1).unwrap();
    let p = sie_actuals::preview(&small_fund(), &sie, "x.se", None, FundFrom::Allocation).unwrap();
    assert_eq!(fund_of(&p, "P2"), Some(480_001));
    assert_eq!(p.warnings, vec![ActualsWarning::Sie(SieWarning::Latin1)]);
}

#[test]
fn a_broken_fiscal_year_needs_the_year_given() {
    let text = raindance_like().replace("#RAR 0 20250101 20251231", "#RAR 0 2025 20251231");
    let sie = read(&text);
    assert!(
        sie.warnings
            .contains(&SieWarning::BrokenFiscalYear { line: 6 })
    );
    let e =
        sie_actuals::preview(&small_fund(), &sie, "x.se", None, FundFrom::Allocation).unwrap_err();
    assert_eq!(
        e.english(),
        "the SIE file has no readable financial year (#RAR 0); give the year with --year"
    );
    let p = sie_actuals::preview(
        &small_fund(),
        &sie,
        "x.se",
        Some(2025),
        FundFrom::Allocation,
    )
    .unwrap();
    assert_eq!(fund_of(&p, "P1"), Some(900_001));
    // A financial year that is not a calendar year: the start year, with a warning.
    let text = raindance_like().replace("#RAR 0 20250101 20251231", "#RAR 0 20250101 20260630");
    let p = preview_of(&text, FundFrom::Allocation);
    assert_eq!(p.year, 2025);
    assert!(matches!(
        p.warnings[0],
        ActualsWarning::Sie(SieWarning::NonCalendarFiscalYear(_))
    ));
}

#[test]
fn a_file_on_other_accounts_says_so() {
    let text = raindance_like()
        .replace("7890", "7511")
        .replace("3890", "3511");
    let p = preview_of(&text, FundFrom::Allocation);
    assert!(p.initiatives.is_empty());
    assert_eq!(
        p.warnings.iter().map(|w| w.english()).collect::<Vec<_>>(),
        vec![
            "the file has no rows in 2025 on the accounts for internal income (3890) and internal costs (7890); do the fund's accounts match the organisation's chart?"
        ]
    );
}

#[test]
fn a_year_outside_the_horizon_or_open_is_refused_or_warned() {
    let sie = read(&raindance_like());
    let e = sie_actuals::preview(
        &small_fund(),
        &sie,
        "x.se",
        Some(2024),
        FundFrom::Allocation,
    )
    .unwrap_err();
    assert_eq!(e.english(), "2024 is outside the fund's years 2025–2027");
    let p = sie_actuals::preview(
        &small_fund(),
        &sie,
        "x.se",
        Some(2026),
        FundFrom::Allocation,
    )
    .unwrap();
    assert_eq!(
        p.warnings,
        vec![
            ActualsWarning::NoVouchers { year: 2026 },
            ActualsWarning::YearOpen { year: 2026 }
        ]
    );
    let mut fund = small_fund();
    let e = sie_actuals::apply(&mut fund, &p).unwrap_err();
    assert_eq!(
        e.english(),
        "2026 is not closed; close the year (closed_through) before applying the figures"
    );
}

// ---- sif actuals ----

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn small_fund_file(dir: &Path) -> String {
    write(
        dir,
        "fond.ron",
        store::to_ron_string(&small_fund()).unwrap().as_bytes(),
    )
}

#[test]
fn cli_previews_as_json_in_the_shape_of_spec_10() {
    let dir = tempfile::tempdir().unwrap();
    let fund = small_fund_file(dir.path());
    let sie = write(dir.path(), "ekonomi2025.se", &cp437(&raindance_like()));
    let before = std::fs::read(&fund).unwrap();
    let o = sif(&["actuals", &fund, "--from-sie", &sie, "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let want: Value = serde_json::json!({
        "year": 2025,
        "file": "ekonomi2025.se",
        "program": "Raindance",
        "generated": "2026-01-20",
        "initiatives": [
            {"code": "P1", "fund": 900001, "repaid": []},
            {"code": "P2", "fund": 480001, "repaid": [{"actor": "SN", "amount": 125000}]},
            {"code": "P3", "fund": 210000, "repaid": []},
        ],
        "unmatched": [
            {"object": "", "account": 7890, "amount": 1000},
            {"object": "P9", "account": 3890, "amount": -1000},
        ],
        "warnings": [],
    });
    assert_eq!(v, want);
    // A preview changes nothing.
    assert_eq!(std::fs::read(&fund).unwrap(), before);
}

#[test]
fn cli_preview_text_shows_plan_recorded_file_and_difference() {
    let dir = tempfile::tempdir().unwrap();
    let fund = small_fund_file(dir.path());
    let sie = write(dir.path(), "ekonomi2025.se", &cp437(&raindance_like()));
    let o = sif(&["actuals", &fund, "--from-sie", &sie]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with("Utfall 2025 från SIE ekonomi2025.se (Raindance, 2026-01-20)"),
        "{text}"
    );
    let p1 = text
        .lines()
        .find(|l| l.starts_with("P1 "))
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // plan 1 000 000, recorded 900 000, file 900 001, difference 1.
    assert_eq!(p1, "P1 fonden 1 000 000 900 000 900 001 1");
    assert!(text.contains("P9"), "{text}");
}

#[test]
fn cli_apply_saves_with_a_backup_and_a_reimport_gives_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let fund = small_fund_file(dir.path());
    let sie = write(dir.path(), "ekonomi2025.se", &cp437(&raindance_like()));
    let before = std::fs::read(&fund).unwrap();
    let o = sif(&["actuals", &fund, "--from-sie", &sie, "--apply"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        std::fs::read(store::backup_path(Path::new(&fund))).unwrap(),
        before
    );
    let first = std::fs::read(&fund).unwrap();
    let applied = store::load(Path::new(&fund)).unwrap();
    assert_eq!(applied.initiatives[0].actuals[0].fund, Money(900_001));
    assert_eq!(sif(&["check", &fund]).status.code(), Some(0));
    let o = sif(&["actuals", &fund, "--from-sie", &sie, "--apply"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(std::fs::read(&fund).unwrap(), first);
}

#[test]
fn cli_apply_to_another_file_leaves_the_fund_alone() {
    let dir = tempfile::tempdir().unwrap();
    let fund = small_fund_file(dir.path());
    let sie = write(dir.path(), "ekonomi2025.se", &cp437(&raindance_like()));
    let out = dir.path().join("ny.ron").display().to_string();
    let before = std::fs::read(&fund).unwrap();
    let o = sif(&[
        "actuals",
        &fund,
        "--from-sie",
        &sie,
        "--fund-from",
        "costs",
        "--apply",
        "-o",
        &out,
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(std::fs::read(&fund).unwrap(), before);
    assert!(store::load(Path::new(&out)).is_ok());
    // -o needs --apply.
    let o = sif(&["actuals", &fund, "--from-sie", &sie, "-o", &out]);
    assert_eq!(code(&o), 2);
}

#[test]
fn cli_round_trips_a_sample_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut fund = sample("uppfoljning");
    let year = fund.closed_through.unwrap();
    let bytes = export_4e(&fund, year);
    let sie = write(dir.path(), "uppfoljning.se", &bytes);
    let want: Vec<_> = fund
        .initiatives
        .iter()
        .map(|i| figures(&fund, &i.actuals, year))
        .collect();
    for ini in &mut fund.initiatives {
        ini.actuals.retain(|a| a.year != year);
    }
    let file = write(
        dir.path(),
        "fond.ron",
        store::to_ron_string(&fund).unwrap().as_bytes(),
    );
    let o = sif(&["actuals", &file, "--from-sie", &sie, "--apply"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let back = store::load(Path::new(&file)).unwrap();
    let got: Vec<_> = back
        .initiatives
        .iter()
        .map(|i| figures(&back, &i.actuals, year))
        .collect();
    assert_eq!(got, want);
}

/// Each refusal, as the user reads it: `sif: FILE: Swedish / English`, exit code 2.
#[test]
fn cli_refusals_say_why_in_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let fund = small_fund_file(dir.path());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "typ3.se",
            b"#FLAGGA 0\r\n#SIETYP 3\r\n#RAR 0 20250101 20251231\r\n".to_vec(),
            "SIE-filen är av typ 3 och har inga verifikationer; utfall kräver en fil av typ 4 (4E eller 4I) med verifikationer / the SIE file is of type 3 and holds no vouchers; actual figures need a type 4 file (4E or 4I) with vouchers",
        ),
        (
            "obalans.se",
            format!("{HEAD}#VER B 17 20250102 x\r\n{{\r\n#TRANS 5110 {{}} 12899.00\r\n#TRANS 1930 {{}} -128.00\r\n}}\r\n").into_bytes(),
            "verifikation B 17 på rad 10 balanserar inte: raderna summerar till 12\u{a0}771,00 kr / voucher B 17 on line 10 does not balance: its rows sum to SEK 12,771.00",
        ),
        (
            "sida.html",
            b"<!DOCTYPE HTML>\n<html><title>404 Not Found</title></html>\n".to_vec(),
            "filen är ingen SIE-fil (den börjar inte med en SIE-post som #FLAGGA eller #SIETYP) / the file is not a SIE file (it does not start with a SIE record such as #FLAGGA or #SIETYP)",
        ),
        (
            "avkortad.se",
            format!("{HEAD}#VER A 41 20250101 x\r\n{{\r\n#TRANS 5110 {{}} 1\r\n#TRANS 1930 {{").into_bytes(),
            "SIE-filen tar slut mitt i verifikation A 41 som börjar på rad 10; filen är avkortad / the SIE file ends inside voucher A 41 that starts on line 10; the file is truncated",
        ),
        (
            "avkortad2.se",
            format!("{HEAD}#VER A 41 20250101 x\r\n{{\r\n#TRANS 5110 {{}} 1\r\n").into_bytes(),
            "SIE-filen tar slut mitt i verifikation A 41 som börjar på rad 10; filen är avkortad / the SIE file ends inside voucher A 41 that starts on line 10; the file is truncated",
        ),
    ];
    for (name, bytes, sentence) in cases {
        let sie = write(dir.path(), name, &bytes);
        let o = sif(&["actuals", &fund, "--from-sie", &sie]);
        assert_eq!(code(&o), 2, "{name}");
        assert_eq!(stderr(&o), format!("sif: {sie}: {sentence}\n"), "{name}");
        assert!(stdout(&o).is_empty());
    }
    // Over 512 MiB: a sparse file, refused before it is read.
    let big = dir.path().join("stor.se");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(513 * 1024 * 1024).unwrap();
    let o = sif(&["actuals", &fund, "--from-sie", &big.display().to_string()]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        format!(
            "sif: {}: SIE-filen är 513 MiB, större än de 512 MiB Sif läser / the SIE file is 513 MiB, larger than the 512 MiB Sif reads\n",
            big.display()
        )
    );
    // An open year cannot be applied.
    let sie = write(dir.path(), "ok.se", &cp437(&raindance_like()));
    let o = sif(&[
        "actuals",
        &fund,
        "--from-sie",
        &sie,
        "--year",
        "2026",
        "--apply",
    ]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stderr(&o),
        "sif: 2026 är inte stängt; stäng året (closed_through) innan utfallet används / 2026 is not closed; close the year (closed_through) before applying the figures\n"
    );
}
