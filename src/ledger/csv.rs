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

use super::Journal;
use super::{ExportError, Row, Voucher};

/// The CSV flavour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvDialect {
    #[default]
    Rfc4180,
    Swedish,
}

impl CsvDialect {
    fn separator(self) -> char {
        match self {
            CsvDialect::Rfc4180 => ',',
            CsvDialect::Swedish => ';',
        }
    }
}

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
    let mut out = String::new();
    if dialect == CsvDialect::Swedish {
        out.push('\u{feff}');
    }
    let header = match dialect {
        CsvDialect::Rfc4180 => HEADER_EN,
        CsvDialect::Swedish => HEADER_SV,
    };
    record(&mut out, &header.map(str::to_string), dialect);
    // Every row is written straight into one buffer, field by field, with the same bytes as
    // `record` (a string per cell was most of the time a large export took,
    // docs/performance.md).
    let rows: usize = vouchers.iter().map(|v| v.rows.len()).sum();
    out.reserve(rows * 160);
    let sep = dialect.separator();
    let decimal = match dialect {
        CsvDialect::Rfc4180 => '.',
        CsvDialect::Swedish => ',',
    };
    for v in vouchers {
        for r in &v.rows {
            write_row(&mut out, journal, v, r, sep, decimal);
        }
    }
    Ok(out.into_bytes())
}

/// One booking row: the cells series, voucher, date, text, account, account name, dimension 1,
/// dimension 6, debit and credit, each through [`push_cell`].
fn write_row(out: &mut String, journal: &Journal, v: &Voucher, r: &Row, sep: char, decimal: char) {
    use std::fmt::Write as _;
    push_cell(out, &v.series, sep);
    out.push(sep);
    // Numbers never start with a formula character or hold a separator.
    let _ = write!(out, "{}", v.number);
    out.push(sep);
    push_cell(out, &v.date, sep);
    out.push(sep);
    push_cell(out, &v.text, sep);
    out.push(sep);
    let _ = write!(out, "{}", r.account);
    out.push(sep);
    push_cell(
        out,
        journal.account(r.account).map_or("", |a| a.name.as_str()),
        sep,
    );
    out.push(sep);
    push_cell(out, r.dim1.as_deref().unwrap_or(""), sep);
    out.push(sep);
    push_cell(out, r.dim6.as_deref().unwrap_or(""), sep);
    out.push(sep);
    // Debit and credit: positive with two decimals, the other one empty. A positive amount
    // needs neither the apostrophe nor quotes.
    let amount = r.amount.0.unsigned_abs();
    if r.amount.0 >= 0 {
        let _ = write!(out, "{amount}{decimal}00{sep}");
    } else {
        let _ = write!(out, "{sep}{amount}{decimal}00");
    }
    out.push_str("\r\n");
}

/// A cell as `record` writes it: control characters and bidirectional overrides escaped
/// (`\u{0}`, [`crate::text::escape_controls`]), made inert against formulas (see
/// [`neutralise`]), then quoted when it holds the separator, a quote, CR or LF.
fn push_cell(out: &mut String, cell: &str, sep: char) {
    let cell = &*crate::text::escape_controls(cell);
    let inert = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if cell.contains([sep, '"', '\r', '\n']) {
        out.push('"');
        if inert {
            out.push('\'');
        }
        for part in cell.split('"').enumerate() {
            if part.0 > 0 {
                out.push_str("\"\"");
            }
            out.push_str(part.1);
        }
        out.push('"');
    } else {
        if inert {
            out.push('\'');
        }
        out.push_str(cell);
    }
}

/// A cell that a spreadsheet would take for a formula, made inert.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn record(out: &mut String, cells: &[String], dialect: CsvDialect) {
    let sep = dialect.separator();
    for (k, cell) in cells.iter().enumerate() {
        if k > 0 {
            out.push(sep);
        }
        let cell = neutralise(&crate::text::escape_controls(cell));
        if cell.contains([sep, '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}
