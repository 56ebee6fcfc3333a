//! `sif export` (SPEC §8): the journal as SIE 4I, SIE 4E, CSV or an hledger journal, and
//! `sif ledger`: the vouchers and the trial balance for people.
//!
//! The library writes the bytes; this module does the I/O: today's date for `#GEN` (from the
//! system clock, or from `SOURCE_DATE_EPOCH` when set, for reproducible files), standard output
//! for `-o -`, and an atomic write otherwise. The output path is the user's; nothing from the
//! fund file is ever used to build a path.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::table::{Align, Table};
use super::{Failure, Format, check_output, write_err};
use sif::ledger::budget::Budget;
use sif::ledger::csv::{CsvDialect, journal_csv};
use sif::ledger::hledger::journal_text;
use sif::ledger::sie::{SieKind, SieOptions};
use sif::ledger::{self, ExportError, Journal};
use sif::money::{Money, Overflow, format_sv};
use sif::store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// SIE 4I: vouchers for import (.si).
    Sie4i,
    /// SIE 4E: one year's export with balances (.se); needs --year.
    Sie4e,
    /// CSV, one row per booking row.
    Csv,
    /// hledger journal (also read by ledger-cli).
    Journal,
    /// An Excel workbook with a sheet per report, the vouchers and the settings.
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvDialectArg {
    /// `;`, decimal commas and a UTF-8 BOM, for Swedish Excel and LibreOffice.
    Sv,
    /// RFC 4180: `,` and `.` (the default).
    Rfc4180,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub fund: super::FundArgs,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// One year of the horizon (required for sie4i, which takes a closed year, and sie4e;
    /// csv and journal default to every year).
    #[arg(long)]
    pub year: Option<i32>,
    /// CSV flavour (only with --format csv).
    #[arg(long, value_enum)]
    pub csv_dialect: Option<CsvDialectArg>,
    /// The language of sheet and column names (only with --format xlsx).
    #[arg(long, value_enum)]
    pub lang: Option<super::report_cmd::LangArg>,
    /// SIE 4I only: write only the capital events and the year-end use and re-earmarking of
    /// earmarked equity, for a financial system that already holds the internal allocations
    /// and repayments.
    #[arg(long)]
    pub year_end_only: bool,
    /// Where to write; `-` is standard output.
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// Overwrite an existing file (its previous version is kept as NAME.bak).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct LedgerArgs {
    #[command(flatten)]
    pub fund: super::FundArgs,
    /// One year of the horizon (default: every year).
    #[arg(long)]
    pub year: Option<i32>,
    /// Only the trial balances, without the vouchers.
    #[arg(long)]
    pub balance_only: bool,
    /// text for people; csv or json for machines (the trial balances only: the vouchers as
    /// CSV are `sif export --format csv`).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The journal and, when a year is given, that year's budget (SPEC §7 `#PBUDGET`).
fn load_journal_and_budget(
    which: &super::FundArgs,
    budget_year: Option<i32>,
) -> Result<(Journal, Option<Budget>), Failure> {
    let (fund, projection) = which.load_and_project()?;
    let journal = ledger::journal(&fund, &projection).map_err(|e| Failure::invalid(e.to_string()));
    let budget = match (&journal, budget_year) {
        (Ok(j), Some(y)) => {
            // A year outside the horizon is an argument mistake, said as the export says it.
            j.select(Some(y)).map_err(export_failure)?;
            Some(
                ledger::budget::budget(&fund, &projection, y)
                    .map_err(|e| Failure::invalid(e.to_string()))?,
            )
        }
        _ => None,
    };
    keep_until_exit((fund, projection));
    Ok((journal?, budget))
}

/// Leave a value to the end of the process instead of freeing it: these commands end right
/// after writing their output, and the operating system takes the memory back at once, while
/// freeing a large fund's journal, projection and fund (hundreds of thousands of small
/// allocations at 5,000 initiatives) one by one took a sixth of `sif ledger`'s instructions
/// (docs/performance.md).
/// Only for the one-shot commands of this module; the app never calls them.
fn keep_until_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Bad arguments (exit 2) or a fund the export cannot write (exit 1).
fn export_failure(e: ExportError) -> Failure {
    match e {
        ExportError::YearOutsideHorizon { .. }
        | ExportError::Sie4eNeedsYear
        | ExportError::Sie4iNeedsYear
        | ExportError::YearEndOnlyNotSie4i
        | ExportError::BadDate(_) => Failure::unreadable(e.to_string()),
        ExportError::Unencodable { .. }
        | ExportError::OrgNumber(_)
        | ExportError::Sie4iOpenYear { .. }
        | ExportError::BudgetYear { .. } => Failure::invalid(e.to_string()),
    }
}

pub fn export(a: ExportArgs, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    // Argument mistakes are reported before the fund is read.
    if a.format == ExportFormat::Sie4e && a.year.is_none() {
        return Err(export_failure(ExportError::Sie4eNeedsYear));
    }
    if a.format == ExportFormat::Sie4i && a.year.is_none() {
        return Err(export_failure(ExportError::Sie4iNeedsYear));
    }
    if a.year_end_only && a.format != ExportFormat::Sie4i {
        return Err(export_failure(ExportError::YearEndOnlyNotSie4i));
    }
    if a.csv_dialect.is_some() && a.format != ExportFormat::Csv {
        return Err(Failure::unreadable(
            "--csv-dialect gäller bara --format csv / --csv-dialect applies to --format csv only",
        ));
    }
    check_output(&a.output, Some(&a.fund.file), a.force)?;
    if a.lang.is_some() && a.format != ExportFormat::Xlsx {
        return Err(Failure::unreadable(
            "--lang gäller bara --format xlsx / --lang applies to --format xlsx only",
        ));
    }
    if a.format == ExportFormat::Xlsx {
        return export_xlsx(&a, out);
    }
    let budget_year = match a.format {
        ExportFormat::Sie4e => a.year,
        _ => None,
    };
    let (journal, budget) = load_journal_and_budget(&a.fund, budget_year)?;
    let sie = |kind| {
        let options = SieOptions {
            generated_on: sif_app::clock::Clock::today(&sif_app::clock::SystemClock),
            year: a.year,
            year_end_only: a.year_end_only,
        };
        ledger::sie::write(&journal, budget.as_ref(), &options, kind)
    };
    let bytes = match a.format {
        ExportFormat::Sie4i => sie(SieKind::Import),
        ExportFormat::Sie4e => sie(SieKind::Export),
        ExportFormat::Csv => {
            let dialect = match a.csv_dialect {
                Some(CsvDialectArg::Sv) => CsvDialect::Swedish,
                _ => CsvDialect::Rfc4180,
            };
            journal_csv(&journal, a.year, dialect)
        }
        ExportFormat::Journal => journal_text(&journal, a.year).map(String::into_bytes),
        ExportFormat::Xlsx => return export_xlsx(&a, out),
    }
    .map_err(export_failure)?;
    if a.output.as_os_str() == "-" {
        out.write_all(&bytes).map_err(write_err)?;
    } else {
        store::write_atomically(&a.output, &bytes).map_err(|e| Failure::invalid(e.to_string()))?;
    }
    keep_until_exit((journal, budget, bytes));
    Ok(ExitCode::SUCCESS)
}

/// The report workbook: every report of the projection, the vouchers and the settings.
fn export_xlsx(a: &ExportArgs, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    if a.year.is_some() {
        return Err(Failure::unreadable(
            "--year gäller inte --format xlsx: arbetsboken har hela horisonten / --year does not apply to --format xlsx: the workbook holds the whole horizon",
        ));
    }
    let (fund, projection) = a.fund.load_and_project()?;
    let journal =
        ledger::journal(&fund, &projection).map_err(|e| Failure::invalid(e.to_string()))?;
    let options = sif::xlsx::export::ExportOptions {
        lang: a.lang.unwrap_or_default().into(),
        include_proposed: a.fund.include_proposed,
    };
    let bytes = sif::xlsx::export::workbook(&fund, &projection, &journal, &options)
        .map_err(|e| Failure::invalid(e.to_string()))?;
    if a.output.as_os_str() == "-" {
        out.write_all(&bytes).map_err(write_err)?;
    } else {
        store::write_atomically(&a.output, &bytes).map_err(|e| Failure::invalid(e.to_string()))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn ledger(a: LedgerArgs, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    // One year's text with its vouchers ends with that year's budget (SPEC §7 `#PBUDGET`).
    let budget_year = a
        .year
        .filter(|_| a.format == Format::Text && !a.balance_only);
    let (journal, budget) = load_journal_and_budget(&a.fund, budget_year)?;
    journal.select(a.year).map_err(export_failure)?;
    let text = match a.format {
        Format::Csv => ledger::balance::trial_balance_csv(&journal, a.year),
        Format::Json => ledger::balance::trial_balance_json(&journal, a.year),
        Format::Text => {
            let mut text = ledger_text(&journal, a.year, a.balance_only)
                .map_err(|e| Failure::invalid(e.to_string()))?;
            if let Some(b) = &budget {
                text.push_str(&budget_text(b).map_err(|e| Failure::invalid(e.to_string()))?);
            }
            Ok(text)
        }
    }
    .map_err(export_failure)?;
    out.write_all(super::terminal_safe(&text, a.format).as_bytes())
        .map_err(write_err)?;
    keep_until_exit(journal);
    Ok(ExitCode::SUCCESS)
}

/// The vouchers (unless `balance_only`) and trial balance of each year, for people; without a
/// year, the whole horizon's trial balance last.
fn ledger_text(
    journal: &Journal,
    year: Option<i32>,
    balance_only: bool,
) -> Result<String, Overflow> {
    let years: Vec<i32> = match year {
        Some(y) => vec![y],
        None => journal.years().collect(),
    };
    let mut text = format!(
        "Huvudbok / Ledger – {} ({}), {}, belopp i kr\n",
        journal.fund_name(),
        journal.organisation(),
        if journal.scenario() == "base" {
            "grundscenario".to_string()
        } else {
            format!("scenario {}", journal.scenario())
        }
    );
    for y in years {
        text.push_str(&year_text(journal, y, balance_only)?);
    }
    if year.is_none() {
        let (first, last) = (journal.first_year(), journal.last_year());
        text.push_str(&format!(
            "\n== {first}–{last} ==\n\nRåbalans för hela perioden / Trial balance of the whole period {first}–{last}\n\n"
        ));
        text.push_str(&balance_table(journal, journal.horizon_balance())?);
        text.push_str(
            "\nResultatkontona nettar till noll varje år, så bokslutet för inget till eget kapital; \
             här visar de hela periodens rörelse. / The result accounts net to zero every year, so \
             the year-end closing moves nothing into equity; here they show the whole period's \
             movement.\n",
        );
    }
    Ok(text)
}

/// The year's plan as budget, per account and month with the year's total: the `{}` rows of
/// the SIE 4E export (`sif export --format sie4e --year Y` has the rows per object too).
fn budget_text(b: &Budget) -> Result<String, ledger::LedgerError> {
    let mut text = format!(
        "\nBudget / Budget {} (planen som budget, som #PBUDGET i SIE 4E / the plan as budget, as #PBUDGET in SIE 4E)\n\n",
        b.year()
    );
    let lines: Vec<_> = b
        .lines_by_object()?
        .into_iter()
        .filter(|(o, _)| *o == ledger::budget::BudgetObject::All)
        .collect();
    if lines.is_empty() {
        text.push_str("(ingen / none)\n");
        return Ok(text);
    }
    let mut columns: Vec<(&str, Align)> = vec![("konto", Align::Left), ("namn", Align::Left)];
    for m in [
        "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ] {
        columns.push((m, Align::Right));
    }
    columns.push(("summa", Align::Right));
    let mut t = Table::new(&columns);
    for (_, line) in &lines {
        let mut row = vec![
            line.account.to_string(),
            b.account(line.account)
                .map_or_else(String::new, |a| a.name.clone()),
        ];
        row.extend(line.months.iter().map(|m| format_sv(*m)));
        row.push(format_sv(line.total));
        t.push(row);
    }
    text.push_str(&t.to_text());
    Ok(text)
}

fn kr(m: Money) -> String {
    if m.is_zero() {
        String::new()
    } else {
        format_sv(m)
    }
}

fn account_name(journal: &Journal, number: u32) -> String {
    journal
        .account(number)
        .map_or_else(String::new, |a| a.name.clone())
}

fn year_text(journal: &Journal, year: i32, balance_only: bool) -> Result<String, Overflow> {
    let basis = match journal.basis(year) {
        ledger::Basis::Plan => "plan / plan",
        ledger::Basis::Actual => "utfall / actual",
    };
    let mut text = format!("\n== {year} ({basis}) ==\n\n");
    let vouchers = if balance_only {
        &[]
    } else {
        text.push_str("Verifikationer / Vouchers\n\n");
        let vouchers = journal.vouchers_in(year);
        if vouchers.is_empty() {
            text.push_str("(inga / none)\n");
        }
        vouchers
    };
    for v in vouchers {
        text.push_str(&format!("{}  {}  {}\n", v.label(), v.date, v.text));
        let mut t = Table::new(&[
            ("  konto", Align::Left),
            ("namn", Align::Left),
            ("ansvar", Align::Left),
            ("projekt", Align::Left),
            ("debet", Align::Right),
            ("kredit", Align::Right),
        ]);
        for r in &v.rows {
            let (debit, credit) = r.debit_credit();
            t.push(vec![
                format!("  {}", r.account),
                account_name(journal, r.account),
                r.dim1.clone().unwrap_or_default(),
                r.dim6.clone().unwrap_or_default(),
                kr(debit),
                kr(credit),
            ]);
        }
        text.push_str(&t.to_text());
        text.push('\n');
    }
    text.push_str(&format!("Råbalans / Trial balance {year}\n\n"));
    text.push_str(&balance_table(journal, journal.trial_balance(year))?);
    if journal.model() == sif::model::FundingModel::EarmarkedEquity {
        text.push_str(&format!(
            "\nFondens saldo vid årets slut / Fund balance at year end: {} kr\n",
            format_sv(journal.fund_balance(year))
        ));
    }
    Ok(text)
}

/// A trial balance as an aligned table with a sum row.
fn balance_table(journal: &Journal, rows: &[ledger::TrialBalanceRow]) -> Result<String, Overflow> {
    let mut t = Table::new(&[
        ("konto", Align::Left),
        ("namn", Align::Left),
        ("ingående balans", Align::Right),
        ("debet", Align::Right),
        ("kredit", Align::Right),
        ("utgående balans", Align::Right),
    ]);
    let sums = ledger::trial_balance_totals(rows)?;
    for r in rows {
        t.push(vec![
            r.account.to_string(),
            account_name(journal, r.account),
            format_sv(r.opening),
            format_sv(r.debit),
            format_sv(r.credit),
            format_sv(r.closing),
        ]);
    }
    t.push(vec![
        "summa".into(),
        String::new(),
        format_sv(sums[0]),
        format_sv(sums[1]),
        format_sv(sums[2]),
        format_sv(sums[3]),
    ]);
    Ok(t.to_text())
}
