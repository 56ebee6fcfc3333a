//! SIE 4 exports (SPEC §7, SIE filformat utgåva 4B): **4I** (`.si`, vouchers for import into
//! the organisation's financial system) and **4E** (`.se`, one financial year with opening and
//! closing balances, results and vouchers).
//!
//! Bytes are CP437 (`#FORMAT PC8`), lines end in CR LF (allowed by §5.5 and what most
//! Windows-based financial systems expect). Every text field is quoted, with `\"` for a quote
//! inside; account numbers, dimension numbers, years and amounts are bare. Amounts have a `.`
//! and two decimals, debit positive and credit negative; dates are `YYYYMMDD`. The records come
//! in the order of §5.12: flag, identification, chart (with `#KTYP` after each `#KONTO`,
//! dimensions and objects), then balances and vouchers. Every number written here is read from
//! the [`Journal`]; nothing is computed anew.

use super::cp437;
use super::{
    DIM_COMMITTEE, DIM_INITIATIVE, ExportError, Journal, Object, TextSource, TextTarget, Voucher,
    VoucherOrigin, amount_2dp, compact_date,
};

/// Which SIE 4 file to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SieKind {
    /// 4I: vouchers only, for import; no balances.
    Import,
    /// 4E: one year's export with `#RAR`, `#IB`, `#UB`, `#RES` and the year's vouchers.
    Export,
}

/// What the caller supplies that the journal does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SieOptions {
    /// The `#GEN` date, `YYYY-MM-DD`: the library knows no clock.
    pub generated_on: String,
    /// For 4I: one year, or `None` for the whole horizon. 4E requires a year.
    pub year: Option<i32>,
}

/// The program name and version written to `#PROGRAM`.
pub const PROGRAM: &str = "Sif";

/// Write a SIE 4I file (vouchers of one year or of the whole horizon).
pub fn sie4i(journal: &Journal, options: &SieOptions) -> Result<Vec<u8>, ExportError> {
    write(journal, options, SieKind::Import)
}

/// Write a SIE 4E file for one year.
pub fn sie4e(journal: &Journal, options: &SieOptions) -> Result<Vec<u8>, ExportError> {
    write(journal, options, SieKind::Export)
}

/// Write a SIE 4 file of the given kind.
pub fn write(
    journal: &Journal,
    options: &SieOptions,
    kind: SieKind,
) -> Result<Vec<u8>, ExportError> {
    let generated = compact_date(&options.generated_on)?;
    if kind == SieKind::Export && options.year.is_none() {
        return Err(ExportError::Sie4eNeedsYear);
    }
    let vouchers = journal.select(options.year)?;
    let mut w = Writer::default();

    // 1. Flag and identification.
    w.record(&[bare("#FLAGGA"), bare("0")])?;
    w.record(&[bare("#FORMAT"), bare("PC8")])?;
    w.record(&[bare("#SIETYP"), bare("4")])?;
    w.record(&[
        bare("#PROGRAM"),
        text(PROGRAM, TextSource::Sif),
        bare(env!("CARGO_PKG_VERSION")),
    ])?;
    w.record(&[bare("#GEN"), bare(&generated)])?;
    let prosa = match options.year {
        Some(y) => format!(
            "{}, scenario {}, år {y} ({})",
            journal.fund_name(),
            journal.scenario(),
            journal.basis(y)
        ),
        None => format!(
            "{}, scenario {}, år {}-{} (plan för öppna år, utfall för stängda)",
            journal.fund_name(),
            journal.scenario(),
            journal.first_year(),
            journal.last_year()
        ),
    };
    // Check the scenario's name on its own, so that a refusal names the right source.
    quoted(journal.scenario(), TextSource::ScenarioName)?;
    w.record(&[bare("#PROSA"), text(&prosa, TextSource::FundName)])?;
    w.record(&[
        bare("#FNAMN"),
        text(journal.organisation(), TextSource::Organisation),
    ])?;
    if let Some(orgnr) = journal.org_number() {
        let formatted = org_number(orgnr)?;
        w.record(&[bare("#ORGNR"), bare(&formatted)])?;
    }
    let year = options.year;
    // 4E: the year and the one before (§6). 4I of one year names its financial year too, so
    // the importing system knows where the vouchers go; a 4I of the whole horizon has none.
    if let Some(y) = year {
        w.record(&[
            bare("#RAR"),
            bare("0"),
            bare(&format!("{y:04}0101")),
            bare(&format!("{y:04}1231")),
        ])?;
    }
    if let (SieKind::Export, Some(y)) = (kind, year) {
        let p = y - 1;
        w.record(&[
            bare("#RAR"),
            bare("-1"),
            bare(&format!("{p:04}0101")),
            bare(&format!("{p:04}1231")),
        ])?;
    }

    // 2. Chart: the accounts used (by the vouchers, or by the year's balances in 4E).
    let (mut accounts, objects) = journal.used_by(vouchers);
    if let (SieKind::Export, Some(y)) = (kind, year) {
        accounts = journal
            .accounts()
            .iter()
            .filter(|a| {
                accounts.iter().any(|u| u.number == a.number)
                    || journal
                        .trial_balance(y)
                        .iter()
                        .any(|r| r.account == a.number)
                    || journal
                        .trial_balance(y - 1)
                        .iter()
                        .any(|r| r.account == a.number)
            })
            .collect();
    }
    for a in &accounts {
        let number = a.number.to_string();
        w.record(&[
            bare("#KONTO"),
            bare(&number),
            text(&a.name, TextSource::AccountName(a.number)),
        ])?;
        w.record(&[
            bare("#KTYP"),
            bare(&number),
            bare(&a.kind.sie_letter().to_string()),
        ])?;
    }
    w.record(&[bare("#DIM"), bare("1"), text("Ansvar", TextSource::Sif)])?;
    w.record(&[bare("#DIM"), bare("6"), text("Projekt", TextSource::Sif)])?;
    for o in &objects {
        let (code_source, name_source) = object_sources(o);
        w.record(&[
            bare("#OBJEKT"),
            bare(&o.dimension.to_string()),
            text(&o.code, code_source),
            text(&o.name, name_source),
        ])?;
    }

    // 3. Balances (4E only): year 0 and, within the horizon, year -1.
    if let (SieKind::Export, Some(y)) = (kind, year) {
        for (index, yy) in [(0, y), (-1, y - 1)] {
            if !journal.years().contains(&yy) {
                continue;
            }
            let index = index.to_string();
            for a in accounts.iter().filter(|a| a.is_balance()) {
                let b = journal.balance(yy, a.number);
                let number = a.number.to_string();
                w.record(&[
                    bare("#IB"),
                    bare(&index),
                    bare(&number),
                    bare(&amount_2dp(b.opening)),
                ])?;
                w.record(&[
                    bare("#UB"),
                    bare(&index),
                    bare(&number),
                    bare(&amount_2dp(b.closing)),
                ])?;
            }
            for a in accounts.iter().filter(|a| !a.is_balance()) {
                let b = journal.balance(yy, a.number);
                w.record(&[
                    bare("#RES"),
                    bare(&index),
                    bare(&a.number.to_string()),
                    bare(&amount_2dp(b.closing)),
                ])?;
            }
        }
    }

    // 4. Vouchers, written straight into the file's buffer: a large fund has hundreds of
    // thousands of rows, and a string per field was most of the time this took
    // (docs/performance.md). The bytes are those of `record` and `quoted`.
    let rows: usize = vouchers.iter().map(|v| v.rows.len()).sum();
    w.bytes.reserve(vouchers.len() * 96 + rows * 48);
    for v in vouchers {
        let b = &mut w.bytes;
        b.extend_from_slice(b"#VER ");
        push_quoted(b, &v.series, || TextSource::Sif)?;
        b.push(b' ');
        push_number(b, v.number);
        b.push(b' ');
        // A voucher's date is `YYYY-MM-DD`, written by the journal; SIE wants `YYYYMMDD`.
        b.extend(v.date.bytes().filter(|&c| c != b'-'));
        b.push(b' ');
        push_quoted(b, &v.text, || voucher_text_source(v))?;
        b.extend_from_slice(b"\r\n{\r\n");
        for r in &v.rows {
            b.extend_from_slice(b"   #TRANS ");
            push_number(b, r.account);
            b.extend_from_slice(b" {");
            if let Some(c) = &r.dim1 {
                push_number(b, DIM_COMMITTEE);
                b.push(b' ');
                push_quoted(b, c, || TextSource::ActorCode(c.clone()))?;
            }
            if let Some(c) = &r.dim6 {
                if r.dim1.is_some() {
                    b.push(b' ');
                }
                push_number(b, DIM_INITIATIVE);
                b.push(b' ');
                push_quoted(b, c, || TextSource::InitiativeCode(c.clone()))?;
            }
            b.extend_from_slice(b"} ");
            push_amount(b, r.amount);
            b.extend_from_slice(b"\r\n");
        }
        b.extend_from_slice(b"}\r\n");
    }
    Ok(w.bytes)
}

/// A bare number field.
fn push_number(out: &mut Vec<u8>, n: impl std::fmt::Display) {
    use std::io::Write as _;
    // Writing to a Vec cannot fail.
    let _ = write!(out, "{n}");
}

/// An amount as `amount_2dp` writes it.
fn push_amount(out: &mut Vec<u8>, m: super::Money) {
    use std::io::Write as _;
    // Writing to a Vec cannot fail.
    let _ = write!(out, "{}.00", m.0);
}

/// A quoted text field, the same bytes as [`quoted`]; the source is named only when the text
/// is refused.
fn push_quoted(
    out: &mut Vec<u8>,
    s: &str,
    source: impl FnOnce() -> TextSource,
) -> Result<(), ExportError> {
    out.push(b'"');
    cp437::push_sie_text(out, s).map_err(|character| ExportError::Unencodable {
        text: s.to_string(),
        character,
        origin: source(),
        target: TextTarget::Sie,
    })?;
    out.push(b'"');
    Ok(())
}

fn object_sources(o: &Object) -> (TextSource, TextSource) {
    if o.dimension == DIM_COMMITTEE {
        (
            TextSource::ActorCode(o.code.clone()),
            TextSource::ActorName(o.code.clone()),
        )
    } else {
        (
            TextSource::InitiativeCode(o.code.clone()),
            TextSource::InitiativeName(o.code.clone()),
        )
    }
}

/// Where a voucher's text came from: the capital event's note, or the initiative's name.
fn voucher_text_source(v: &Voucher) -> TextSource {
    match &v.origin {
        VoucherOrigin::Capital { .. } => TextSource::CapitalNote(v.date.clone()),
        VoucherOrigin::Disbursement { initiative }
        | VoucherOrigin::Repayment { initiative, .. } => {
            TextSource::InitiativeName(initiative.clone())
        }
        VoucherOrigin::EquityUse | VoucherOrigin::Reearmarking => TextSource::Sif,
    }
}

/// An organisation number as `NNNNNN-NNNN` (§11 `#ORGNR`). Ten digits with or without the
/// hyphen, or twelve starting with the century `16`, are accepted.
pub fn org_number(raw: &str) -> Result<String, ExportError> {
    let digits: String = raw
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '\u{a0}'))
        .collect();
    let digits = match digits.len() {
        12 if digits.starts_with("16") => digits[2..].to_string(),
        _ => digits,
    };
    if digits.len() != 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ExportError::OrgNumber(raw.to_string()));
    }
    Ok(format!("{}-{}", &digits[..6], &digits[6..]))
}

enum Field<'a> {
    Bare(&'a str),
    Text(&'a str, TextSource),
}

fn bare(s: &str) -> Field<'_> {
    Field::Bare(s)
}

fn text(s: &str, source: TextSource) -> Field<'_> {
    Field::Text(s, source)
}

/// A text as a quoted SIE field in CP437, with `\"` for quotes inside.
fn quoted(s: &str, source: TextSource) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::with_capacity(s.len() + 2);
    push_quoted(&mut out, s, || source)?;
    Ok(out)
}

#[derive(Default)]
struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    fn line(&mut self, content: &[u8]) {
        self.bytes.extend_from_slice(content);
        self.bytes.extend_from_slice(b"\r\n");
    }

    fn record(&mut self, fields: &[Field<'_>]) -> Result<(), ExportError> {
        let mut line = Vec::new();
        for (k, f) in fields.iter().enumerate() {
            if k > 0 {
                line.push(b' ');
            }
            match f {
                // Bare fields are labels, numbers, dates and the version: all ASCII.
                Field::Bare(s) => line.extend_from_slice(s.as_bytes()),
                Field::Text(s, source) => line.extend(quoted(s, source.clone())?),
            }
        }
        self.line(&line);
        Ok(())
    }
}
