//! The journal as CSV (SPEC §7): one row per booking row, with a header row.
//!
//! Columns: series, voucher, date, text, account, account name, dimension 1, dimension 6,
//! debit, credit. Debit and credit are positive amounts with two decimals; the other column of
//! the row is empty.
//!
//! Two dialects:
//! - [`CsvDialect::Rfc4180`] (default): `,` separators, `.` decimal point, CR LF line ends,
//!   UTF-8 without a byte-order mark, English column names.
//! - [`CsvDialect::Swedish`] (`--csv-dialect sv`): `;` separators, decimal commas, CR LF, and a
//!   UTF-8 byte-order mark so that Swedish Excel and LibreOffice open the file as UTF-8 with the
//!   columns and numbers right; Swedish column names.
//!
//! Both quote a field that holds the separator, a quote, CR or LF, doubling the quotes inside
//! (RFC 4180 §2). **Formula injection:** a cell that begins with `=`, `+`, `-`, `@`, a tab or a
//! carriage return is written with a leading apostrophe (`'=SUM(A1)`), so that a spreadsheet
//! shows it as text instead of running it. Amounts are never negative, so no number is changed.
//! All of it is [`crate::text::CsvWriter`]'s, the one writer of every CSV Sif writes.

use super::Journal;
use super::{ExportError, Row, Voucher};
use crate::text::CsvWriter;
pub use crate::text::{CsvDialect, neutralise};

/// The column names of each dialect.
pub const HEADER_EN: [&str; 10] = [
    "series",
    "voucher",
    "date",
    "text",
    "account",
    "account_name",
    "dimension_1",
    "dimension_6",
    "debit",
    "credit",
];
pub const HEADER_SV: [&str; 10] = [
    "Serie",
    "Verifikation",
    "Datum",
    "Text",
    "Konto",
    "Kontonamn",
    "Ansvar (dim 1)",
    "Projekt (dim 6)",
    "Debet",
    "Kredit",
];

/// The journal's vouchers (one year, or all) as CSV bytes (UTF-8).
pub fn journal_csv(
    journal: &Journal,
    year: Option<i32>,
    dialect: CsvDialect,
) -> Result<Vec<u8>, ExportError> {
    let vouchers = journal.select(year)?;
    let header = match dialect {
        CsvDialect::Rfc4180 => HEADER_EN,
        CsvDialect::Swedish => HEADER_SV,
    };
    let rows: usize = vouchers.iter().map(|v| v.rows.len()).sum();
    let mut out = CsvWriter::with_capacity(dialect, rows * 160);
    out.text_record(header);
    for v in vouchers {
        for r in &v.rows {
            write_row(&mut out, journal, v, r, dialect.decimal());
        }
    }
    Ok(out.into_bytes())
}

/// One booking row: series, voucher, date, text, account, account name, dimension 1,
/// dimension 6, debit and credit. Debit and credit are positive with two decimals, the other
/// one empty.
fn write_row(out: &mut CsvWriter, journal: &Journal, v: &Voucher, r: &Row, decimal: char) {
    out.text(&v.series);
    out.number(v.number);
    out.text(&v.date);
    out.text(&v.text);
    out.number(r.account);
    out.text(journal.account(r.account).map_or("", |a| a.name.as_str()));
    out.text(r.dim1.as_deref().unwrap_or(""));
    out.text(r.dim6.as_deref().unwrap_or(""));
    let amount = format!("{}{decimal}00", r.amount.0.unsigned_abs());
    if r.amount.0 >= 0 {
        out.number(amount);
        out.empty();
    } else {
        out.empty();
        out.number(amount);
    }
    out.end_record();
}
