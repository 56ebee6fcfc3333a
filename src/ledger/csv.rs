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

use super::{ExportError, Row, Voucher};
use super::{Journal, amount_2dp};

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
    for v in vouchers {
        for r in &v.rows {
            record(&mut out, &cells(journal, v, r, dialect), dialect);
        }
    }
    Ok(out.into_bytes())
}

fn cells(journal: &Journal, v: &Voucher, r: &Row, dialect: CsvDialect) -> [String; 10] {
    let amount = |m: super::Money| {
        let s = amount_2dp(m);
        match dialect {
            CsvDialect::Rfc4180 => s,
            CsvDialect::Swedish => s.replace('.', ","),
        }
    };
    let (debit, credit) = if r.amount.0 >= 0 {
        (amount(r.amount), String::new())
    } else {
        (String::new(), amount(super::Money(-r.amount.0)))
    };
    [
        v.series.clone(),
        v.number.to_string(),
        v.date.clone(),
        v.text.clone(),
        r.account.to_string(),
        journal
            .account(r.account)
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        r.dim1.clone().unwrap_or_default(),
        r.dim6.clone().unwrap_or_default(),
        debit,
        credit,
    ]
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
        let cell = neutralise(cell);
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
