//! The trial balance (*råbalans*) for machines: CSV and JSON, as `sif ledger --format csv|json`
//! prints it (`docs/ledger.md`, "Trial balance").
//!
//! A trial balance covers a period: one year of the horizon, or the whole horizon as one period
//! (see [`Journal::horizon_balance`]). Every row is one account in use, in account order, with
//! the opening balance, the period's debits and credits (both positive) and the closing balance,
//! whole kronor, debit positive. Every figure is read from the [`Journal`]; nothing is computed
//! here, so this view agrees with the vouchers and every export to the krona.

use crate::text::{CsvDialect, CsvWriter};

use serde_json::{Value, json};

use super::{ExportError, Journal, TrialBalanceRow};

/// One period's trial balance: `from ..= to` (the same year for a single year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period<'a> {
    pub from: i32,
    pub to: i32,
    pub rows: &'a [TrialBalanceRow],
}

/// The periods a trial balance covers: the given year; or, without one, every year of the
/// horizon followed by the whole horizon as one period.
pub fn periods(journal: &Journal, year: Option<i32>) -> Result<Vec<Period<'_>>, ExportError> {
    journal.select(year)?;
    let mut out: Vec<Period<'_>> = match year {
        Some(y) => vec![y],
        None => journal.years().collect(),
    }
    .into_iter()
    .map(|y| Period {
        from: y,
        to: y,
        rows: journal.trial_balance(y),
    })
    .collect();
    if year.is_none() {
        out.push(Period {
            from: journal.first_year(),
            to: journal.last_year(),
            rows: journal.horizon_balance(),
        });
    }
    Ok(out)
}

/// The column names of the CSV.
pub const CSV_HEADER: [&str; 8] = [
    "from_year",
    "to_year",
    "account",
    "account_name",
    "opening",
    "debit",
    "credit",
    "closing",
];

/// The trial balance as CSV (RFC 4180, `,`, CR LF, whole kronor): one row per period and
/// account. Without a year, the rows of every year come first and then the whole horizon's,
/// whose `from_year` and `to_year` differ.
pub fn trial_balance_csv(journal: &Journal, year: Option<i32>) -> Result<String, ExportError> {
    let periods = periods(journal, year)?;
    let rows: usize = periods.iter().map(|p| p.rows.len()).sum();
    let mut out = CsvWriter::with_capacity(CsvDialect::Rfc4180, 64 + rows * 96);
    out.text_record(CSV_HEADER);
    for p in &periods {
        for r in p.rows {
            out.number(p.from);
            out.number(p.to);
            out.number(r.account);
            // Account names are Sif's own, but a shared number joins two names, so they go
            // through the writer's rules like any text.
            out.text(journal.account(r.account).map_or("", |a| a.name.as_str()));
            for m in [r.opening, r.debit, r.credit, r.closing] {
                out.number(m.0);
            }
            out.end_record();
        }
    }
    Ok(out.into_string())
}

/// The trial balance as JSON:
/// `{"fund", "organisation", "scenario", "periods": [{"from", "to", "accounts": [{"account",
/// "name", "opening", "debit", "credit", "closing"}]}]}`, money in whole kronor.
pub fn trial_balance_json(journal: &Journal, year: Option<i32>) -> Result<String, ExportError> {
    let periods: Vec<Value> = periods(journal, year)?
        .iter()
        .map(|p| {
            let accounts: Vec<Value> = p
                .rows
                .iter()
                .map(|r| {
                    json!({
                        "account": r.account,
                        "name": journal.account(r.account).map_or("", |a| a.name.as_str()),
                        "opening": r.opening.0,
                        "debit": r.debit.0,
                        "credit": r.credit.0,
                        "closing": r.closing.0,
                    })
                })
                .collect();
            json!({"from": p.from, "to": p.to, "accounts": accounts})
        })
        .collect();
    let value = json!({
        "fund": journal.fund_name(),
        "organisation": journal.organisation(),
        "scenario": journal.scenario(),
        "periods": periods,
    });
    // Serialising a Value cannot fail.
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    Ok(text)
}
