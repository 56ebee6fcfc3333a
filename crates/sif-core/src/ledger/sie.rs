//! SIE 4 exports (SPEC §7, SIE filformat utgåva 4B): **4I** (`.si`, the vouchers of one
//! **closed** year for import into the organisation's financial system; an open year is refused,
//! its plan leaves Sif as budget) and **4E** (`.se`, one financial year: for a closed year its
//! vouchers, opening and closing balances and results; for an open year the balances at the end
//! of the last closed year; in both the year's plan as budget, `#PBUDGET`).
//!
//! Bytes are CP437 (`#FORMAT PC8`), lines end in CR LF (allowed by §5.5 and what most
//! Windows-based financial systems expect). Every text field is quoted, with `\"` for a quote
//! inside; account numbers, dimension numbers, years and amounts are bare. Amounts have a `.`
//! and two decimals, debit positive and credit negative; dates are `YYYYMMDD`. The records come
//! in the order of §5.12: flag, identification, chart (with `#KTYP` after each `#KONTO`,
//! dimensions and objects), then balances, the budget and vouchers. Every number written here
//! is read from the [`Journal`] or the [`Budget`]; nothing is computed anew.

use std::borrow::Cow;

use super::budget::{Budget, BudgetObject};
use super::cp437;
use super::{
    DIM_COMMITTEE, DIM_INITIATIVE, ExportError, Journal, Object, TextSource, TextTarget, Voucher,
    VoucherOrigin, amount_2dp, compact_date,
};

/// Which SIE 4 file to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SieKind {
    /// 4I: the vouchers of one closed year, for import; no balances, no budget.
    Import,
    /// 4E: one year's export with `#RAR`, balances, the year's budget (`#PBUDGET`) and, for a
    /// closed year, its vouchers.
    Export,
}

/// What the caller supplies that the journal does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SieOptions {
    /// The `#GEN` date, `YYYY-MM-DD`: the library knows no clock.
    pub generated_on: String,
    /// The financial year; both 4I and 4E require one (`None` is refused with a sentence).
    pub year: Option<i32>,
    /// 4I only: write only the vouchers of steps 1 and 4 of SPEC §6 (capital events,
    /// re-earmarking and use of earmarked equity), renumbered from 1, for organisations whose
    /// financial system already holds the internal allocations and repayments.
    pub year_end_only: bool,
}

/// The program name and version written to `#PROGRAM`.
pub const PROGRAM: &str = "Sif";

/// Write a SIE 4I file: the vouchers of one closed year.
pub fn sie4i(journal: &Journal, options: &SieOptions) -> Result<Vec<u8>, ExportError> {
    write(journal, None, options, SieKind::Import)
}

/// Write a SIE 4E file for one year, with that year's budget (from [`super::budget::budget`]).
pub fn sie4e(
    journal: &Journal,
    budget: &Budget,
    options: &SieOptions,
) -> Result<Vec<u8>, ExportError> {
    write(journal, Some(budget), options, SieKind::Export)
}

/// Whether a voucher is one of steps 1 and 4 of SPEC §6 (capital and year-end equity).
pub fn is_year_end(v: &Voucher) -> bool {
    matches!(
        v.origin,
        VoucherOrigin::Capital { .. } | VoucherOrigin::EquityUse | VoucherOrigin::Reearmarking
    )
}

/// The vouchers a SIE file of the given kind holds for `year`: 4I the year's (closed) vouchers,
/// or only those of steps 1 and 4 renumbered from 1; 4E a closed year's vouchers, none for an
/// open year.
pub fn vouchers_for(
    journal: &Journal,
    year: i32,
    kind: SieKind,
    year_end_only: bool,
) -> Result<Cow<'_, [Voucher]>, ExportError> {
    let all = journal.select(Some(year))?;
    match kind {
        SieKind::Import => {
            if !journal.is_closed(year) {
                return Err(ExportError::Sie4iOpenYear { year });
            }
            if !year_end_only {
                return Ok(Cow::Borrowed(all));
            }
            let mut kept: Vec<Voucher> = all.iter().filter(|v| is_year_end(v)).cloned().collect();
            for (k, v) in kept.iter_mut().enumerate() {
                // k is below the number of a year's vouchers, far below u32::MAX.
                v.number = u32::try_from(k + 1).unwrap_or(u32::MAX);
            }
            Ok(Cow::Owned(kept))
        }
        SieKind::Export => {
            if year_end_only {
                return Err(ExportError::YearEndOnlyNotSie4i);
            }
            if journal.is_closed(year) {
                Ok(Cow::Borrowed(all))
            } else {
                Ok(Cow::Borrowed(&[]))
            }
        }
    }
}

/// A balance record: label, year index, account, amount.
type BalanceRecord = (&'static str, &'static str, u32, super::Money);

/// The balance records of a 4E file, in file order (SPEC §7).
fn balance_records(journal: &Journal, year: i32) -> Vec<BalanceRecord> {
    let mut out = Vec::new();
    let is_balance = |n: u32| journal.account(n).is_some_and(|a| a.is_balance());
    if journal.is_closed(year) {
        let tb = journal.trial_balance(year);
        for r in tb.iter().filter(|r| is_balance(r.account)) {
            out.push(("#IB", "0", r.account, r.opening));
            out.push(("#UB", "0", r.account, r.closing));
        }
        for r in tb.iter().filter(|r| !is_balance(r.account)) {
            out.push(("#RES", "0", r.account, r.movement()));
        }
        if journal.years().contains(&(year - 1)) {
            let tb = journal.trial_balance(year - 1);
            for r in tb.iter().filter(|r| is_balance(r.account)) {
                out.push(("#UB", "-1", r.account, r.closing));
            }
            for r in tb.iter().filter(|r| !is_balance(r.account)) {
                out.push(("#RES", "-1", r.account, r.movement()));
            }
        }
    } else if let Some(c) = journal.last_closed_year() {
        // An open year: the balances at the end of the last closed year, as both opening and
        // closing; the plan years in between are not booked (their plan is budget).
        let tb = journal.trial_balance(c);
        for r in tb.iter().filter(|r| is_balance(r.account)) {
            out.push(("#IB", "0", r.account, r.closing));
            out.push(("#UB", "0", r.account, r.closing));
        }
    }
    out
}

/// Write a SIE 4 file of the given kind; 4E needs the year's budget.
pub fn write(
    journal: &Journal,
    budget: Option<&Budget>,
    options: &SieOptions,
    kind: SieKind,
) -> Result<Vec<u8>, ExportError> {
    let generated = compact_date(&options.generated_on)?;
    let year = match (kind, options.year) {
        (_, Some(y)) => y,
        (SieKind::Import, None) => return Err(ExportError::Sie4iNeedsYear),
        (SieKind::Export, None) => return Err(ExportError::Sie4eNeedsYear),
    };
    let vouchers = vouchers_for(journal, year, kind, options.year_end_only)?;
    let vouchers: &[Voucher] = &vouchers;
    let budget = match (kind, budget) {
        (SieKind::Export, Some(b)) if b.year() != year => {
            return Err(ExportError::BudgetYear {
                budget: b.year(),
                year,
            });
        }
        (SieKind::Export, b) => b,
        (SieKind::Import, _) => None,
    };
    let balances = match kind {
        SieKind::Export => balance_records(journal, year),
        SieKind::Import => Vec::new(),
    };
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
    let what = match (kind, journal.basis(year), options.year_end_only) {
        (SieKind::Import, _, true) => "utfall, endast bokslutsverifikationer",
        (SieKind::Import, _, false) => "utfall",
        (SieKind::Export, super::Basis::Actual, _) => "utfall och budget",
        (SieKind::Export, super::Basis::Plan, _) => "plan som budget",
    };
    let prosa = format!(
        "{}, scenario {}, år {year} ({what})",
        journal.fund_name(),
        journal.scenario(),
    );
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
    // The financial year, and for a closed 4E the one before when it is in the horizon.
    // `#RAR 0 20250101 20251231`: a financial year by its index (0 this year, -1 the one before).
    let mut rar = |index: &str, year: i32| {
        w.record(&[
            bare("#RAR"),
            bare(index),
            bare(&format!("{year:04}0101")),
            bare(&format!("{year:04}1231")),
        ])
    };
    rar("0", year)?;
    if kind == SieKind::Export && journal.is_closed(year) && journal.years().contains(&(year - 1)) {
        rar("-1", year - 1)?;
    }

    // 2. Chart: the accounts used by the vouchers, the balances and the budget; the objects
    // used by the vouchers and the budget.
    let (used_accounts, used_objects) = journal.used_by(vouchers);
    let mut numbers: Vec<u32> = used_accounts.iter().map(|a| a.number).collect();
    numbers.extend(balances.iter().map(|b| b.2));
    let mut accounts: Vec<&super::Account> = used_accounts;
    if let Some(b) = budget {
        numbers.extend(b.accounts().iter().map(|a| a.number));
        accounts.extend(b.accounts());
    }
    numbers.sort_unstable();
    numbers.dedup();
    let accounts: Vec<&super::Account> = numbers
        .iter()
        .filter_map(|&n| {
            journal
                .account(n)
                .or_else(|| accounts.iter().find(|a| a.number == n).copied())
        })
        .collect();
    let mut objects: Vec<&Object> = used_objects;
    if let Some(b) = budget {
        objects.extend(b.objects());
    }
    objects.sort_by_key(|o| (o.dimension, o.position));
    objects.dedup_by(|a, b| a.dimension == b.dimension && a.code == b.code);
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

    // 3. Balances (4E only).
    for (label, index, account, amount) in &balances {
        w.record(&[
            bare(label),
            bare(index),
            bare(&account.to_string()),
            bare(&amount_2dp(*amount)),
        ])?;
    }

    // 4. The budget (4E only): #PBUDGET 0 YYYYMM account {objects} amount.
    if let Some(b) = budget {
        let b_rows = b.rows();
        w.bytes.reserve(b_rows.len() * 40);
        for r in b_rows {
            let out = &mut w.bytes;
            out.extend_from_slice(b"#PBUDGET 0 ");
            push_number(out, format_args!("{year:04}{:02}", r.month));
            out.push(b' ');
            push_number(out, r.account);
            out.extend_from_slice(b" {");
            match &r.object {
                BudgetObject::All => {}
                BudgetObject::Actor(c) => {
                    push_object(out, DIM_COMMITTEE, c, TextSource::ActorCode)?;
                }
                BudgetObject::Initiative(c) => {
                    push_object(out, DIM_INITIATIVE, c, TextSource::InitiativeCode)?;
                }
            }
            out.extend_from_slice(b"} ");
            push_amount(out, r.amount);
            out.extend_from_slice(b"\r\n");
        }
    }

    // 5. Vouchers, written straight into the file's buffer: a large fund has hundreds of
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
                push_object(b, DIM_COMMITTEE, c, TextSource::ActorCode)?;
            }
            if let Some(c) = &r.dim6 {
                if r.dim1.is_some() {
                    b.push(b' ');
                }
                push_object(b, DIM_INITIATIVE, c, TextSource::InitiativeCode)?;
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
/// An object of a dimension, `1 "SN"`: the dimension's number and the quoted code.
fn push_object(
    out: &mut Vec<u8>,
    dimension: u32,
    code: &str,
    source: fn(String) -> TextSource,
) -> Result<(), ExportError> {
    push_number(out, dimension);
    out.push(b' ');
    push_quoted(out, code, || source(code.to_string()))
}

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
