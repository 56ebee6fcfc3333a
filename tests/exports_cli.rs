//! `sif export` and `sif ledger` as a person runs them (SPEC §8): files, standard output,
//! exit codes and messages.

use sif_testkit::cli::{self, golden_path as golden, stderr_lossy as stderr};
use std::process::Output;

fn sif(args: &[&str]) -> Output {
    // A fixed "today" for #GEN: 2026-01-15.
    cli::run_with_env(
        env!("CARGO_BIN_EXE_sif"),
        args,
        &[("SOURCE_DATE_EPOCH", "1768435200")],
    )
}

#[test]
fn export_writes_sie4i_of_a_closed_year_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fond.si");
    let f = golden("uppfoljning");
    let o = sif(&[
        "export",
        f.to_str().unwrap(),
        "--format",
        "sie4i",
        "--year",
        "2024",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"#FLAGGA 0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n"));
    let text = sif::ledger::cp437::decode(&bytes);
    assert!(text.contains("#GEN 20260115\r\n"));
    assert!(text.contains("#RAR 0 20240101 20241231\r\n"));
    // One year, numbered from 1, actual figures only; no balances, no budget.
    assert!(text.contains(" 1 20241231 \"Fondmedel till "));
    assert!(text.contains("(utfall)\"\r\n"));
    assert!(!text.contains("(plan)"));
    assert!(!text.contains("2025123"));
    for label in ["#IB", "#UB", "#RES", "#PBUDGET"] {
        assert!(!text.contains(label), "{label}");
    }

    // Year-end only: capital and equity vouchers, no objects.
    let o = sif(&[
        "export",
        f.to_str().unwrap(),
        "--format",
        "sie4i",
        "--year",
        "2024",
        "--year-end-only",
        "-o",
        "-",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = sif::ledger::cp437::decode(&o.stdout);
    assert!(text.contains("#VER "));
    assert!(!text.contains("Fondmedel till"));
    assert!(!text.contains("{1 "));

    // An open year is refused with a sentence pointing to the budget in 4E.
    let o = sif(&[
        "export",
        f.to_str().unwrap(),
        "--format",
        "sie4i",
        "--year",
        "2027",
        "-o",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let message = stderr(&o);
    assert!(
        message.contains("2027") && message.contains("SIE 4E") && message.contains("budget"),
        "{message}"
    );
    assert!(o.stdout.is_empty());

    // Without a year, and --year-end-only for another format: bad arguments.
    let o = sif(&[
        "export",
        f.to_str().unwrap(),
        "--format",
        "sie4i",
        "-o",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--year"), "{}", stderr(&o));
    let o = sif(&[
        "export",
        f.to_str().unwrap(),
        "--format",
        "sie4e",
        "--year",
        "2024",
        "--year-end-only",
        "-o",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--year-end-only"), "{}", stderr(&o));
}

#[test]
fn export_to_standard_output_with_a_scenario_and_a_year() {
    let f = golden("exempelkommun");
    let o = sif(&[
        "export",
        f.to_str().unwrap(),
        "--format",
        "sie4e",
        "--year",
        "2027",
        "--scenario",
        "Pessimistiskt",
        "-o",
        "-",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = sif::ledger::cp437::decode(&o.stdout);
    // An open year: #RAR 0 only, no vouchers, the plan as budget.
    assert!(text.contains("#RAR 0 20270101 20271231\r\n"));
    assert!(!text.contains("#RAR -1"));
    assert!(!text.contains("#VER"));
    assert!(text.contains("scenario Pessimistiskt"));
    // Pessimistic costs are 110 %: P101's 1 500 000 of 2027 becomes 1 650 000, 137 500 a month.
    assert!(text.contains("#PBUDGET 0 202701 5110 {6 \"P101\"} 137500.00\r\n"));
    assert!(text.contains("#PBUDGET 0 202712 5110 {6 \"P101\"} 137500.00\r\n"));

    // A closed year: vouchers, both years, balances and the plan as budget.
    let f = golden("uppfoljning");
    let o = sif(&[
        "export",
        f.to_str().unwrap(),
        "--format",
        "sie4e",
        "--year",
        "2025",
        "-o",
        "-",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = sif::ledger::cp437::decode(&o.stdout);
    assert!(text.contains("#RAR 0 20250101 20251231\r\n#RAR -1 20240101 20241231\r\n"));
    for label in [
        "#VER ",
        "#IB 0 ",
        "#UB 0 ",
        "#UB -1 ",
        "#RES 0 ",
        "#PBUDGET 0 202501 ",
    ] {
        assert!(text.contains(label), "{label}");
    }
}

#[test]
fn export_csv_in_the_swedish_dialect_and_the_journal() {
    let f = golden("uppfoljning");
    let o = sif(&[
        "export",
        f.to_str().unwrap(),
        "--format",
        "csv",
        "--csv-dialect",
        "sv",
        "--year",
        "2025",
        "-o",
        "-",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        o.stdout
            .starts_with(b"\xEF\xBB\xBFSerie;Verifikation;Datum;")
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains(";900000,00;"));

    let o = sif(&[
        "export",
        f.to_str().unwrap(),
        "--format",
        "journal",
        "-o",
        "-",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains(
        "2023-01-31 * (SI 2023:1) Öronmärkning till fonden, KF 2023-01-31 § 4 (utfall)\n"
    ));
}

#[test]
fn export_argument_mistakes_exit_2_with_a_sentence() {
    let f = golden("exempelkommun");
    let f = f.to_str().unwrap();
    let o = sif(&["export", f, "--format", "sie4e", "-o", "-"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--year"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());

    let o = sif(&[
        "export", f, "--format", "journal", "--year", "2040", "-o", "-",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2040"), "{}", stderr(&o));
    assert!(stderr(&o).contains("2025–2034"), "{}", stderr(&o));

    let o = sif(&[
        "export",
        f,
        "--format",
        "sie4i",
        "--csv-dialect",
        "sv",
        "-o",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(2));

    let o = sif(&[
        "export",
        f,
        "--format",
        "sie4i",
        "--year",
        "2024",
        "--scenario",
        "Okänt",
        "-o",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Okänt"));
}

#[test]
fn export_refuses_an_invalid_fund_and_an_unwritable_name() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(golden("exempelkommun")).unwrap();

    let invalid = dir.path().join("invalid.ron");
    std::fs::write(&invalid, text.replace("owner: \"BUN\"", "owner: \"XYZ\"")).unwrap();
    let o = sif(&[
        "export",
        invalid.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(1));

    let emoji = dir.path().join("emoji.ron");
    std::fs::write(
        &emoji,
        text.replace("\"Hela familjen\"", "\"Hela familjen 🎉\""),
    )
    .unwrap();
    let out = dir.path().join("emoji.se");
    let o = sif(&[
        "export",
        emoji.to_str().unwrap(),
        "--format",
        "sie4e",
        "--year",
        "2026",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let message = stderr(&o);
    assert!(
        message.contains("”Hela familjen 🎉” (namnet på insatsen P102)"),
        "{message}"
    );
    assert!(message.contains("U+1F389"), "{message}");
    assert!(
        !out.exists(),
        "nothing is written when the export is refused"
    );
}

#[test]
fn ledger_prints_vouchers_and_the_trial_balance_for_people() {
    let f = golden("exempelkommun");
    let o = sif(&["ledger", f.to_str().unwrap(), "--year", "2025"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("== 2025 (plan / plan) =="));
    assert!(
        text.contains("SI 2025:1  2025-02-15  Öronmärkning till fonden, KF 2025-02-15 § 12 (plan)")
    );
    assert!(text.contains("Råbalans / Trial balance 2025"));
    // Swedish number formatting with non-breaking spaces and a real minus sign.
    let line = text
        .lines()
        .find(|l| l.starts_with("2015 "))
        .expect("fund_equity in the trial balance");
    assert!(line.contains("\u{2212}18\u{a0}000\u{a0}000"), "{line}");
    assert!(text.contains("Fund balance at year end: 18\u{a0}000\u{a0}000 kr"));
    assert!(!text.contains("== 2026"));
    // The year's plan as budget, per account and month: P101's 2 000 000 of staff costs,
    // 166 667 in each of the first eight months and 166 666 in the last four.
    let (_, budget) = text
        .split_once("Budget / Budget 2025")
        .expect("the year's budget");
    let staff = budget
        .lines()
        .find(|l| l.starts_with("5110 "))
        .expect("the staff account in the budget");
    let cells: Vec<&str> = staff.split("  ").filter(|c| !c.trim().is_empty()).collect();
    let n = cells.len();
    assert_eq!(cells[n - 1].trim(), "2\u{a0}000\u{a0}000", "{staff}");
    assert_eq!(cells[n - 13].trim(), "166\u{a0}667", "{staff}");
    assert_eq!(cells[n - 2].trim(), "166\u{a0}666", "{staff}");
    let income = budget.lines().find(|l| l.starts_with("3890 ")).unwrap();
    assert!(income.ends_with("\u{2212}2\u{a0}000\u{a0}000"), "{income}");
    // Not with --balance-only, nor without a year.
    let o = sif(&[
        "ledger",
        f.to_str().unwrap(),
        "--year",
        "2025",
        "--balance-only",
    ]);
    assert!(
        !String::from_utf8(o.stdout)
            .unwrap()
            .contains("Budget / Budget")
    );

    let o = sif(&["ledger", f.to_str().unwrap()]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("== 2034 (plan / plan) =="));
    assert!(!text.contains("Budget / Budget"));
    let o = sif(&[
        "ledger",
        golden("uppfoljning").to_str().unwrap(),
        "--year",
        "2024",
    ]);
    assert!(
        String::from_utf8(o.stdout)
            .unwrap()
            .contains("== 2024 (utfall / actual) ==")
    );
}
