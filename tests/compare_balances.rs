//! The agreement half of `scripts/compare-balances.sh` (docs/performance.md), untimed, on a
//! small generated fund: Sif's trial balance of the whole horizon, straight from the fund file,
//! must equal what hledger and ledger-cli (Debian packages, listed in `.ci/packages.txt`) sum
//! from the exported journal, account by account, to the krona. These tests fail, never skip,
//! when a tool is missing.

use std::path::Path;
use std::process::{Command, Output};

use sif::engine::{Options, project};
use sif::generate::{GenerateParams, generate_fund};
use sif::ledger::{self, balance};
use sif::money::Money;
use sif_testkit::cli;

fn sif(args: &[&str]) -> Output {
    cli::run(env!("CARGO_BIN_EXE_sif"), args)
}

fn golden(name: &str) -> String {
    cli::golden_path(name).display().to_string()
}

fn script(args: &[&str]) -> Output {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Command::new("bash")
        .arg(root.join("scripts/compare-balances.sh"))
        .args(["--sif", env!("CARGO_BIN_EXE_sif"), "--no-timing"])
        .args(args)
        .output()
        .expect("bash runs")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn the_three_trial_balances_agree_on_a_generated_fund() {
    let o = script(&["--initiatives", "60", "--seed", "3"]);
    let out = text(&o);
    assert!(o.status.success(), "{out}");
    assert!(
        out.contains("The three trial balances agree to the krona (4 accounts)."),
        "{out}"
    );
    // The fund's own four accounts (never a cost account or the bank), the same figure three
    // times.
    for account in ["2010", "2015", "3890", "7890"] {
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(account))
            .unwrap_or_else(|| panic!("no line for {account}:\n{out}"));
        assert!(line.ends_with("agree"), "{line}");
        let figures: Vec<&str> = line.split_whitespace().skip(1).take(3).collect();
        assert!(figures[0] != "0", "{line}");
        assert!(figures.iter().all(|f| *f == figures[0]), "{line}");
    }
}

#[test]
fn a_difference_of_one_krona_fails_the_comparison() {
    let o = script(&["--initiatives", "20", "--tamper-journal"]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("DISAGREE"), "{out}");
    // The tampering moves one krona between earmarked and free equity; nothing else differs.
    let differing: Vec<&str> = out
        .lines()
        .filter(|l| l.ends_with("DIFFER"))
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(differing, ["2010", "2015"], "{out}");
}

#[test]
fn a_bad_argument_is_refused_with_exit_code_2() {
    let o = script(&["--initiatives", "many"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

/// What the script compares, checked from the library side: the horizon's trial balance is
/// the sum of the years' debits and credits, and since the result accounts net to zero each
/// year, every balance account's horizon balance is its closing balance in the last year.
#[test]
fn the_horizon_balance_sums_the_years() {
    let fund = generate_fund(&GenerateParams {
        initiatives: 80,
        years: 12,
        actors: 10,
        seed: 5,
    });
    let projection = project(&fund, &Options::default()).unwrap();
    let journal = ledger::journal(&fund, &projection).unwrap();
    let horizon = journal.horizon_balance();
    assert!(!horizon.is_empty());
    let mut closing_sum = 0_i64;
    for row in horizon {
        let (mut debit, mut credit) = (0_i64, 0_i64);
        for y in journal.years() {
            let b = journal.balance(y, row.account);
            debit += b.debit.0;
            credit += b.credit.0;
        }
        assert_eq!(row.opening, Money::ZERO, "account {}", row.account);
        assert_eq!((row.debit.0, row.credit.0), (debit, credit));
        assert_eq!(row.closing.0, debit - credit);
        closing_sum += row.closing.0;
        // The year-end closings move nothing: every balance account's horizon balance is its
        // closing balance in the last year.
        let account = journal.account(row.account).unwrap();
        if account.is_balance() {
            assert_eq!(
                row.closing,
                journal.balance(journal.last_year(), row.account).closing
            );
        }
    }
    assert_eq!(closing_sum, 0, "a trial balance sums to zero");
    // Over the horizon, the fund's equity account ends where the statement ends.
    let fund_equity = horizon
        .iter()
        .find(|r| r.account == fund.accounts.fund_equity)
        .unwrap();
    assert_eq!(
        -fund_equity.closing.0,
        projection.statement.last().unwrap().closing.0
    );

    // The CSV holds the same rows, after every year's own.
    let csv = balance::trial_balance_csv(&journal, None).unwrap();
    let horizon_lines: Vec<&str> = csv
        .lines()
        .filter(|l| {
            l.starts_with(&format!(
                "{},{},",
                journal.first_year(),
                journal.last_year()
            ))
        })
        .collect();
    assert_eq!(horizon_lines.len(), horizon.len());
    for (line, row) in horizon_lines.iter().zip(horizon) {
        assert!(
            line.ends_with(&format!(
                ",{},{},{},{}",
                row.opening.0, row.debit.0, row.credit.0, row.closing.0
            )),
            "{line}"
        );
    }
    let years = journal.years().count();
    let year_rows: usize = journal
        .years()
        .map(|y| journal.trial_balance(y).len())
        .sum();
    assert_eq!(csv.lines().count(), 1 + year_rows + horizon.len());
    assert!(years > 1);
}

#[test]
fn sif_ledger_balance_only_prints_the_trial_balances_without_vouchers() {
    let f = golden("exempelkommun");
    let o = sif(&["ledger", &f, "--balance-only"]);
    assert!(o.status.success(), "{}", text(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(!out.contains("Verifikationer / Vouchers"), "{out}");
    assert!(!out.contains("SI 2025:1"), "{out}");
    assert!(out.contains("Råbalans / Trial balance 2025"));
    assert!(out.contains("Råbalans / Trial balance 2034"));
    // The whole horizon last: the fund holds 22 000 000 at the end, and the sums of debit and
    // credit are equal.
    let horizon = out
        .split("Trial balance of the whole period 2025–2034")
        .nth(1)
        .expect("the horizon's trial balance");
    let fund_equity = horizon.lines().find(|l| l.starts_with("2015")).unwrap();
    assert!(
        fund_equity.ends_with("\u{2212}22\u{a0}000\u{a0}000"),
        "{fund_equity}"
    );
    assert!(
        !horizon
            .lines()
            .any(|l| l.starts_with("1930") || l.starts_with("5110"))
    );
    let sum = horizon.lines().find(|l| l.starts_with("summa")).unwrap();
    assert!(
        sum.contains("79\u{a0}000\u{a0}000  79\u{a0}000\u{a0}000"),
        "{sum}"
    );

    // Without --balance-only the vouchers are there, and so is the horizon.
    let o = sif(&["ledger", &f]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("Verifikationer / Vouchers"));
    assert!(out.contains("Trial balance of the whole period 2025–2034"));
    // One year alone has no horizon table.
    let o = sif(&["ledger", &f, "--year", "2026", "--balance-only"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("Råbalans / Trial balance 2026"));
    assert!(!out.contains("whole period"));
}

#[test]
fn sif_ledger_trial_balance_as_csv_and_json() {
    let f = golden("exempelkommun");
    let o = sif(&["ledger", &f, "--format", "csv"]);
    assert!(o.status.success(), "{}", text(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let mut lines = out.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("from_year,to_year,account,account_name,opening,debit,credit,closing")
    );
    assert!(
        out.contains(
            "\r\n2025,2025,2015,\"Öronmärkt eget kapital, sociala investeringar\",0,2000000,20000000,-18000000\r\n"
        ),
        "{out}"
    );
    assert!(out.contains(
        "\r\n2025,2034,7890,\"Interna kostnader, sociala investeringar\",0,27000000,0,27000000\r\n"
    ));
    assert!(out.ends_with("\r\n"));

    let o = sif(&["ledger", &f, "--format", "json", "--year", "2025"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["scenario"], "base");
    let periods = v["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 1, "one year, no horizon");
    assert_eq!(periods[0]["from"], 2025);
    let equity = periods[0]["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["account"] == 2015)
        .unwrap();
    assert_eq!(equity["closing"], -18_000_000);
    assert_eq!(equity["credit"], 20_000_000);

    // A year outside the horizon is a bad argument.
    let o = sif(&["ledger", &f, "--format", "csv", "--year", "2040"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}
