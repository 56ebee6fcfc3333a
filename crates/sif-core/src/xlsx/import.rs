//! Reading a filled-in initiatives template (`.xlsx`, or CSV of the same columns) back into a
//! fund as Proposed initiatives.
//!
//! All or nothing: every problem is collected, each naming its sheet and cell
//! (`Kostnader!D7: ”12,5 mkr” är inget belopp …`), and if there is one, nothing is added. The
//! resulting fund is checked with the fund's own validator as a last net. Amounts are read as
//! people type them ([`crate::money::parse_money`]); formulas and merged cells are refused
//! rather than guessed at, since a formula's cached value may be missing or stale and a merged
//! cell hides which row a value belongs to. Sheets are streamed and refused past
//! [`MAX_ROWS`] rows, so a hostile file costs little time or memory.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::io::Cursor;

use calamine::{DataRef, Reader as _, Xlsx};

use super::{
    Column, DATA_SHEETS, INITIATIVES, MAX_FILE_BYTES, MAX_ROWS, RepaymentType, SheetSpec,
    column_name, find_actor, parse_kind, parse_yes_no,
};
use crate::model::{
    ActorKind, CostKind, CostRow, FixedRepayment, Fund, Initiative, Payer, Repayment, SavingsRow,
    Status,
};
use crate::money::{MAX_AMOUNT, Money, ParseMoneyError, checked_sum, parse_money};
use crate::text::Lang;
use crate::validate::{self, Location};

/// One problem in the file: where it is and what is wrong. Its words (and its `Display`,
/// `place: sv / en`) are in [`crate::messages`].
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// `Kostnader!D7`, or `ansokan.csv rad 7 (Kostnader, Från fonden)` for CSV; empty for the
    /// workbook as a whole.
    pub place: String,
    pub kind: ProblemKind,
}

/// What is wrong with a workbook, a sheet or a cell of a filled-in template.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The workbook has no sheet of this (Swedish) name; `has` lists the sheets it has.
    MissingSheet {
        sheet: &'static str,
        has: String,
    },
    MergedCells,
    /// Values on this row (1-based) and further, past [`MAX_ROWS`].
    TooManyRows {
        row: u32,
    },
    /// A heading cell that is not the template's.
    Heading {
        expected: String,
        found: String,
    },
    /// A CSV line whose first column names no sheet; `sheets` lists the sheets.
    NotASheet {
        text: String,
        sheets: String,
    },
    /// A formula, refused (its cached value may be missing or stale).
    Formula(String),
    /// A value that is not a whole number of the kind the column holds.
    NotWhole {
        shown: String,
        what: Whole,
    },
    Money(ParseMoneyError),
    NegativeAmount {
        shown: String,
    },
    /// An empty cell that must be filled in; the column's heading in Swedish and in English,
    /// as the template writes it.
    Missing {
        heading_sv: &'static str,
        heading_en: &'static str,
    },
    YearOutside {
        year: i64,
        first: i64,
        last: i64,
    },
    Outside {
        value: i64,
        low: i64,
        high: i64,
    },
    /// An actor that is not a committee where one is needed; `committees` lists them.
    NotACommittee {
        code: String,
        committees: String,
    },
    /// A text that is none of the fund's actors (or committees); `known` lists them.
    UnknownActor {
        text: String,
        committee: bool,
        known: String,
    },
    NotARepaymentType {
        text: String,
    },
    DuplicateName {
        name: String,
    },
    /// A row on another sheet that does not say which initiative it belongs to.
    NoInitiative,
    UnknownInitiative {
        text: String,
    },
    NotACostKind {
        text: String,
    },
    /// A cost row without an amount from the fund or from the own budget.
    NoAmount,
    ToBeforeFrom {
        from: i32,
        to: i32,
    },
    NotYesNo {
        text: String,
    },
    /// Payers for an initiative whose repayment is not fixed (`label`: the template's word).
    PayersNotFixed {
        name: String,
        label: &'static str,
    },
    CodeTaken {
        code: String,
    },
    WeightsSum {
        name: String,
        sum: i32,
    },
    NoInitiatives,
    /// A new error (or, among [`Imported::warnings`], warning) of the fund's validator on the
    /// fund with the initiatives added.
    Invalid(Box<validate::Issue>),
}

/// What kind of whole number a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whole {
    Year,
    Percent,
    Number,
}

/// Why nothing was imported.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The file as a whole cannot be read: not a workbook, too large, encrypted.
    Unreadable { file: String, reason: Unreadable },
    /// The file was read, and these cells (or the resulting fund) are wrong.
    Problems {
        file: String,
        problems: Vec<Problem>,
    },
}

/// Why a file as a whole cannot be read. Its words are in [`crate::messages`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Larger than [`MAX_FILE_BYTES`]; its size in whole MiB.
    TooLarge {
        mib: usize,
    },
    /// An old `.xls` file, or an encrypted workbook (both are OLE files).
    OldOrEncrypted,
    NotAWorkbook,
    /// The workbook reader's own reason (in English).
    Damaged(String),
    /// A `.csv` file that is not text.
    NotText,
    /// A CSV file of more than [`MAX_ROWS`] data rows.
    TooManyRows,
}

/// At most this many problems are listed; the count says how many there were.
pub(crate) const SHOWN_PROBLEMS: usize = 50;

impl std::error::Error for ImportError {}

impl ImportError {
    /// The problems, for tests and the app's preview (empty for an unreadable file).
    pub fn problems(&self) -> &[Problem] {
        match self {
            ImportError::Unreadable { .. } => &[],
            ImportError::Problems { problems, .. } => problems,
        }
    }
}

/// An initiative read from the file, with the place of its row (for later messages).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedInitiative {
    pub initiative: Initiative,
    /// `Insatser!B3`.
    pub place: String,
}

/// The fund with the initiatives added, and what the validator warns about them.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub fund: Fund,
    /// Indices of the added initiatives in `fund.initiatives`.
    pub added: Vec<usize>,
    /// New warnings of the validator, each with the place of its initiative's row when it
    /// has one ([`ProblemKind::Invalid`]), for the preview.
    pub warnings: Vec<Problem>,
}

/// One initiative an import adds, as a preview shows it. The sums are exact (`None` when they
/// would not fit an amount, which the validator refuses anyway).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedSummary {
    /// Its index in `Imported::fund.initiatives`.
    pub index: usize,
    pub code: String,
    pub name: String,
    pub owner: String,
    pub cost_rows: usize,
    /// Σ of the cost rows paid by the fund, and by the owner's own budget.
    pub fund_costs: Option<Money>,
    pub own_costs: Option<Money>,
    pub savings_rows: usize,
    /// Σ of the expected savings, every committee and year.
    pub savings: Option<Money>,
    /// The proposed repayment.
    pub repayment: Repayment,
}

impl AddedSummary {
    /// The proposed repayment in a few words, as the preview shows it.
    pub fn repayment_text(&self, lang: Lang) -> String {
        super::text::repayment_in_brief(lang, &self.repayment)
    }
}

impl Imported {
    /// The added initiatives with their totals, in the order they were added.
    pub fn summary(&self) -> Vec<AddedSummary> {
        self.added
            .iter()
            .filter_map(|&index| {
                let ini = self.fund.initiatives.get(index)?;
                Some(AddedSummary {
                    index,
                    code: ini.code.clone(),
                    name: ini.name.clone(),
                    owner: ini.owner.clone(),
                    cost_rows: ini.costs.len(),
                    fund_costs: checked_sum(ini.costs.iter().map(|c| c.fund)).ok(),
                    own_costs: checked_sum(ini.costs.iter().map(|c| c.own)).ok(),
                    savings_rows: ini.savings.len(),
                    savings: checked_sum(ini.savings.iter().map(|s| s.amount)).ok(),
                    repayment: ini.repayment.clone(),
                })
            })
            .collect()
    }
}

/// Read a filled-in template (`.xlsx`, or CSV when `file_name` ends in `.csv`) and add its
/// initiatives to a copy of `fund` as Proposed, or say why not. `fund` is not changed.
pub fn import(bytes: &[u8], file_name: &str, fund: &Fund) -> Result<Imported, ImportError> {
    let read = read_initiatives(bytes, file_name, fund)?;
    add_initiatives(fund, read, file_name)
}

/// A cell's content as the import sees it.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Empty,
    Number(f64),
    Text(String),
    Bool(bool),
    /// A formula, with its text; refused.
    Formula(String),
    /// A date, an error value or anything else that is not typed text or a number.
    Other(String),
}

impl Value {
    fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// How the cell reads, for messages.
    fn shown(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Number(x) => format!("{x}"),
            Value::Text(t) => t.trim().to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Formula(f) => format!("={}", f.trim_start_matches('=')),
            Value::Other(s) => s.clone(),
        }
    }
}

#[derive(Debug, Clone)]
struct Row {
    /// 1-based row (line) number in the sheet or file.
    number: u32,
    cells: Vec<Value>,
}

#[derive(Debug, Clone)]
enum Origin {
    Sheet(String),
    Csv(String),
}

#[derive(Debug, Clone)]
struct Table {
    spec: SheetSpec,
    origin: Origin,
    rows: Vec<Row>,
}

impl Table {
    /// The rows with something in them (an empty row between filled ones is skipped).
    fn filled_rows(&self) -> impl Iterator<Item = &Row> {
        self.rows
            .iter()
            .filter(|r| !r.cells.iter().all(Value::is_empty))
    }

    fn place(&self, row: &Row, col: usize) -> String {
        match &self.origin {
            Origin::Sheet(name) => format!(
                "{}!{}{}",
                quote_sheet(name),
                column_name(col as u32),
                row.number
            ),
            Origin::Csv(file) => format!(
                "{file} rad {} ({}, {})",
                row.number,
                self.spec.sv,
                self.spec.columns.get(col).map_or("", |c| c.sv)
            ),
        }
    }

    fn cell<'a>(&self, row: &'a Row, col: usize) -> &'a Value {
        row.cells.get(col).unwrap_or(&Value::Empty)
    }
}

/// A sheet name as a formula would write it: quoted when it has spaces or odd characters.
fn quote_sheet(name: &str) -> String {
    if name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

fn problem(place: impl Into<String>, kind: ProblemKind) -> Problem {
    Problem {
        place: place.into(),
        kind,
    }
}

fn unreadable(file: &str, reason: Unreadable) -> ImportError {
    ImportError::Unreadable {
        file: file.to_string(),
        reason,
    }
}

/// Read the file into the four tables, without interpreting the values yet.
fn read_tables(bytes: &[u8], file_name: &str) -> Result<Vec<Option<Table>>, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(unreadable(
            file_name,
            Unreadable::TooLarge {
                mib: bytes.len() / (1024 * 1024),
            },
        ));
    }
    let is_csv = file_name.to_lowercase().ends_with(".csv");
    if is_csv {
        return read_csv(bytes, file_name);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(unreadable(file_name, Unreadable::OldOrEncrypted));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(unreadable(file_name, Unreadable::NotAWorkbook));
    }
    read_xlsx(bytes, file_name)
}

fn read_xlsx(bytes: &[u8], file_name: &str) -> Result<Vec<Option<Table>>, ImportError> {
    let not_xlsx = |e: &dyn fmt::Display| unreadable(file_name, Unreadable::Damaged(e.to_string()));
    let mut wb: Xlsx<Cursor<&[u8]>> = Xlsx::new(Cursor::new(bytes)).map_err(|e| not_xlsx(&e))?;
    let names = wb.sheet_names();
    let mut problems = Vec::new();
    let mut tables = Vec::new();
    for spec in DATA_SHEETS {
        let Some(name) = names
            .iter()
            .find(|n| spec.matches(n))
            .map(|n| n.to_string())
        else {
            problems.push(problem(
                "",
                ProblemKind::MissingSheet {
                    sheet: spec.sv,
                    has: names.join(", "),
                },
            ));
            tables.push(None);
            continue;
        };
        let merged = wb
            .merge_cells_by_sheet_name(&name)
            .map_err(|e| not_xlsx(&e))?;
        for m in merged {
            let range = format!(
                "{}!{}{}:{}{}",
                quote_sheet(&name),
                column_name(m.start.1),
                m.start.0 + 1,
                column_name(m.end.1),
                m.end.0 + 1
            );
            problems.push(problem(range, ProblemKind::MergedCells));
        }
        let mut rows: BTreeMap<u32, Vec<Value>> = BTreeMap::new();
        let width = spec.columns.len();
        let mut reader = wb.worksheet_cells_reader(&name).map_err(|e| not_xlsx(&e))?;
        while let Some(cell) = reader.next_cell_with_formula().map_err(|e| not_xlsx(&e))? {
            let (r, c) = cell.pos;
            let value = match cell.formula.filter(|f| !f.trim().is_empty()) {
                Some(f) => Value::Formula(f),
                None => value_of(&cell.value),
            };
            if value.is_empty() {
                continue;
            }
            if r > MAX_ROWS {
                problems.push(problem(
                    quote_sheet(&name),
                    ProblemKind::TooManyRows { row: r + 1 },
                ));
                break;
            }
            let c = c as usize;
            if c >= width {
                // Notes beside the table are the applicant's own; a shifted table is caught
                // by the heading check.
                continue;
            }
            let row = rows.entry(r).or_insert_with(|| vec![Value::Empty; width]);
            row[c] = value;
        }
        let table = Table {
            spec,
            origin: Origin::Sheet(name.clone()),
            rows: rows
                .into_iter()
                .map(|(r, cells)| Row {
                    number: r + 1,
                    cells,
                })
                .collect(),
        };
        check_headings(&table, &mut problems);
        tables.push(Some(table));
    }
    if !problems.is_empty() {
        return Err(ImportError::Problems {
            file: file_name.to_string(),
            problems,
        });
    }
    // The heading row is checked; the data follows it.
    Ok(tables
        .into_iter()
        .map(|t| {
            t.map(|mut t| {
                t.rows.retain(|r| r.number > 1);
                t
            })
        })
        .collect())
}

fn value_of(v: &DataRef<'_>) -> Value {
    match v {
        DataRef::Empty => Value::Empty,
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(x) => Value::Number(*x),
        DataRef::String(s) => Value::Text(s.clone()),
        DataRef::SharedString(s) => Value::Text((*s).to_string()),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(d) => Value::Other(format!("datum / date {}", d.as_f64())),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Other(s.clone()),
        DataRef::Error(e) => Value::Other(format!("#{e:?}")),
    }
}

fn check_headings(table: &Table, problems: &mut Vec<Problem>) {
    let Origin::Sheet(name) = &table.origin else {
        return;
    };
    let heading = table.rows.first().filter(|r| r.number == 1);
    for (c, column) in table.spec.columns.iter().enumerate() {
        let found = heading.map_or(Value::Empty, |r| table.cell(r, c).clone());
        let ok = matches!(&found, Value::Text(t) if column.matches(t));
        if !ok {
            problems.push(problem(
                format!("{}!{}1", quote_sheet(name), column_name(c as u32)),
                ProblemKind::Heading {
                    expected: column.heading(),
                    found: found.shown(),
                },
            ));
        }
    }
}

/// Text as UTF-8 (with or without a BOM), or else Windows-1252, as Excel saves "CSV (semicolon
/// separated)" on Swedish Windows.
fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Split CSV text into records (RFC 4180 quoting, `""` escapes, LF or CR LF, line breaks inside
/// quotes), each with the line it starts on. The separator is `;`, `,` or tab, whichever the
/// first line has most of outside quotes.
fn csv_records(text: &str) -> Vec<(u32, Vec<String>)> {
    let first_line = text.lines().next().unwrap_or("");
    let count = |sep: char| {
        let mut quoted = false;
        first_line
            .chars()
            .filter(|&c| {
                if c == '"' {
                    quoted = !quoted;
                }
                !quoted && c == sep
            })
            .count()
    };
    let sep = [';', ',', '\t']
        .into_iter()
        .max_by_key(|&s| (count(s), s == ';'))
        .unwrap_or(';');
    let mut records = Vec::new();
    let mut field = String::new();
    let mut record = Vec::new();
    let (mut line, mut start) = (1_u32, 1_u32);
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            }
            '"' if field.is_empty() => quoted = true,
            '\n' if quoted => {
                line += 1;
                field.push('\n');
            }
            '\r' if !quoted && chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push((start, std::mem::take(&mut record)));
                line += 1;
                start = line;
            }
            c if c == sep && !quoted => record.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push((start, record));
    }
    records
}

fn read_csv(bytes: &[u8], file_name: &str) -> Result<Vec<Option<Table>>, ImportError> {
    let text = decode_text(bytes);
    if text.contains('\0') {
        return Err(unreadable(file_name, Unreadable::NotText));
    }
    let mut tables: Vec<Table> = DATA_SHEETS
        .iter()
        .map(|&spec| Table {
            spec,
            origin: Origin::Csv(file_name.to_string()),
            rows: Vec::new(),
        })
        .collect();
    let mut problems = Vec::new();
    let mut data_rows = 0_u32;
    for (line, record) in csv_records(&text) {
        let sheet = record.first().map_or("", |s| s.trim());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let lower = sheet.to_lowercase();
        if lower.starts_with("blad") || lower.starts_with("sheet") || lower.starts_with('#') {
            continue;
        }
        let Some(table) = tables.iter_mut().find(|t| t.spec.matches(sheet)) else {
            problems.push(problem(
                format!("{file_name} rad {line}"),
                ProblemKind::NotASheet {
                    text: sheet.to_string(),
                    sheets: sheet_list(),
                },
            ));
            continue;
        };
        let cells: Vec<Value> = record[1..]
            .iter()
            .take(table.spec.columns.len())
            .map(|f| csv_value(f))
            .collect();
        // A heading row, as the CSV template writes one per sheet.
        if matches!(cells.first(), Some(Value::Text(t)) if table.spec.columns[0].matches(t))
            && matches!(cells.get(1), Some(Value::Text(t)) if table.spec.columns[1].matches(t))
        {
            continue;
        }
        data_rows += 1;
        if data_rows > MAX_ROWS {
            return Err(unreadable(file_name, Unreadable::TooManyRows));
        }
        table.rows.push(Row {
            number: line,
            cells,
        });
    }
    if !problems.is_empty() {
        return Err(ImportError::Problems {
            file: file_name.to_string(),
            problems,
        });
    }
    Ok(tables.into_iter().map(Some).collect())
}

fn sheet_list() -> String {
    DATA_SHEETS.map(|s| s.sv).join(", ")
}

fn csv_value(field: &str) -> Value {
    let t = field.trim();
    if t.is_empty() {
        Value::Empty
    } else if let Some(f) = t.strip_prefix('=') {
        Value::Formula(f.to_string())
    } else {
        Value::Text(t.to_string())
    }
}

/// What went wrong with one cell.
type CellResult<T> = Result<T, ProblemKind>;

fn formula_refused(f: &str) -> ProblemKind {
    ProblemKind::Formula(f.trim_start_matches('=').to_string())
}

fn text_of(v: &Value) -> CellResult<Option<String>> {
    match v {
        Value::Empty => Ok(None),
        Value::Text(t) if t.trim().is_empty() => Ok(None),
        Value::Text(t) => Ok(Some(t.trim().to_string())),
        Value::Number(x) if x.fract() == 0.0 && x.abs() < 1e15 => {
            Ok(Some(format!("{}", *x as i64)))
        }
        Value::Number(x) => Ok(Some(x.to_string())),
        Value::Bool(b) => Ok(Some(if *b { "Ja" } else { "Nej" }.to_string())),
        Value::Formula(f) => Err(formula_refused(f)),
        Value::Other(s) => Ok(Some(s.clone())),
    }
}

/// A whole number typed as a number or as text (`2027`, `50 %`).
fn whole_of(v: &Value, what: Whole) -> CellResult<Option<i64>> {
    let bad = |shown: String| ProblemKind::NotWhole { shown, what };
    match v {
        Value::Empty => Ok(None),
        Value::Number(x) => {
            if x.fract() == 0.0 && x.abs() < 1e15 {
                Ok(Some(*x as i64))
            } else {
                Err(bad(v.shown()))
            }
        }
        Value::Text(t) => {
            let s: String = t
                .trim()
                .trim_end_matches('%')
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if s.is_empty() {
                return Ok(None);
            }
            s.parse::<i64>().map(Some).map_err(|_| bad(v.shown()))
        }
        Value::Formula(f) => Err(formula_refused(f)),
        Value::Bool(_) | Value::Other(_) => Err(bad(v.shown())),
    }
}

fn money_of(v: &Value) -> CellResult<Option<Money>> {
    let split = ProblemKind::Money;
    let m = match v {
        Value::Empty => return Ok(None),
        Value::Text(t) if t.trim().is_empty() => return Ok(None),
        Value::Text(t) => parse_money(t).map_err(split)?,
        Value::Number(x) => {
            if !x.is_finite() || x.abs() > MAX_AMOUNT as f64 {
                return Err(split(ParseMoneyError::TooLarge));
            }
            if x.fract() != 0.0 {
                return Err(split(ParseMoneyError::Fraction));
            }
            Money(*x as i64)
        }
        Value::Formula(f) => return Err(formula_refused(f)),
        Value::Bool(_) | Value::Other(_) => {
            return Err(split(ParseMoneyError::Invalid(v.shown())));
        }
    };
    if m.0 < 0 {
        return Err(ProblemKind::NegativeAmount { shown: v.shown() });
    }
    Ok(Some(m))
}

/// Interprets the tables against the fund, collecting every problem.
struct Cells<'a> {
    fund: &'a Fund,
    problems: Vec<Problem>,
}

impl Cells<'_> {
    fn report(&mut self, place: String, kind: ProblemKind) {
        self.problems.push(Problem { place, kind });
    }

    fn text(&mut self, t: &Table, r: &Row, c: usize) -> Option<String> {
        match text_of(t.cell(r, c)) {
            Ok(v) => v,
            Err(e) => {
                self.report(t.place(r, c), e);
                None
            }
        }
    }

    fn required_text(&mut self, t: &Table, r: &Row, c: usize) -> Option<String> {
        if t.cell(r, c).is_empty() {
            let col = t.spec.columns[c];
            self.missing(t, r, c, col);
            return None;
        }
        self.text(t, r, c)
    }

    fn missing(&mut self, t: &Table, r: &Row, c: usize, col: Column) {
        self.report(
            t.place(r, c),
            ProblemKind::Missing {
                heading_sv: col.sv,
                heading_en: col.en,
            },
        );
    }

    fn whole(&mut self, t: &Table, r: &Row, c: usize, range: (i64, i64)) -> Option<i64> {
        let col = t.spec.columns[c];
        let what = match col.kind {
            super::ColumnKind::Year => Whole::Year,
            super::ColumnKind::Percent => Whole::Percent,
            _ => Whole::Number,
        };
        match whole_of(t.cell(r, c), what) {
            Ok(Some(v)) if v < range.0 || v > range.1 => {
                let (a, b) = range;
                let kind = if col.kind == super::ColumnKind::Year {
                    ProblemKind::YearOutside {
                        year: v,
                        first: a,
                        last: b,
                    }
                } else {
                    ProblemKind::Outside {
                        value: v,
                        low: a,
                        high: b,
                    }
                };
                self.report(t.place(r, c), kind);
                None
            }
            Ok(v) => v,
            Err(e) => {
                self.report(t.place(r, c), e);
                None
            }
        }
    }

    fn required_whole(&mut self, t: &Table, r: &Row, c: usize, range: (i64, i64)) -> Option<i64> {
        if t.cell(r, c).is_empty() {
            self.missing(t, r, c, t.spec.columns[c]);
            return None;
        }
        self.whole(t, r, c, range)
    }

    fn year(&mut self, t: &Table, r: &Row, c: usize) -> Option<i32> {
        let range = (
            i64::from(self.fund.first_year),
            i64::from(self.fund.last_year()),
        );
        self.required_whole(t, r, c, range).map(|y| y as i32)
    }

    fn money(&mut self, t: &Table, r: &Row, c: usize) -> Option<Option<Money>> {
        match money_of(t.cell(r, c)) {
            Ok(v) => Some(v),
            Err(e) => {
                self.report(t.place(r, c), e);
                None
            }
        }
    }

    /// An actor of the fund, by code, list label or name; committees only when asked.
    fn actor(&mut self, t: &Table, r: &Row, c: usize, committee: bool) -> Option<String> {
        let text = self.required_text(t, r, c)?;
        let fund = self.fund;
        let known = |kind: Option<ActorKind>| {
            fund.actors
                .iter()
                .filter(|a| kind.is_none_or(|k| a.kind == k))
                .map(|a| a.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match find_actor(fund, &text).map(|i| &fund.actors[i]) {
            Some(a) if committee && a.kind != ActorKind::Committee => {
                self.report(
                    t.place(r, c),
                    ProblemKind::NotACommittee {
                        code: a.code.clone(),
                        committees: known(Some(ActorKind::Committee)),
                    },
                );
                None
            }
            Some(a) => Some(a.code.clone()),
            None => {
                let kind = committee.then_some(ActorKind::Committee);
                self.report(
                    t.place(r, c),
                    ProblemKind::UnknownActor {
                        known: known(kind),
                        text,
                        committee,
                    },
                );
                None
            }
        }
    }
}

/// An initiative as read from its row, before costs, savings and payers are attached.
struct Draft {
    code: Option<String>,
    name: String,
    owner: String,
    repayment: Option<(RepaymentType, i32, i32, i32, i32)>,
    note: String,
    place: String,
    costs: Vec<CostRow>,
    savings: Vec<SavingsRow>,
    payers: Vec<Payer>,
    /// The place of the first payer row's weight, for a message about the sum.
    payers_place: Option<String>,
}

/// Read the initiatives of a filled-in template, checking every cell against the fund.
pub fn read_initiatives(
    bytes: &[u8],
    file_name: &str,
    fund: &Fund,
) -> Result<Vec<ImportedInitiative>, ImportError> {
    let tables = read_tables(bytes, file_name)?;
    let mut rd = Cells {
        fund,
        problems: Vec::new(),
    };
    let table = |i: usize| tables.get(i).and_then(Option::as_ref);
    let mut drafts: Vec<Draft> = Vec::new();
    if let Some(t) = table(0) {
        read_initiative_rows(&mut rd, t, &mut drafts);
    }
    if drafts.is_empty() && rd.problems.is_empty() {
        return Err(ImportError::Problems {
            file: file_name.to_string(),
            problems: vec![problem(INITIATIVES.sv, ProblemKind::NoInitiatives)],
        });
    }
    if let Some(t) = table(1) {
        read_cost_rows(&mut rd, t, &mut drafts);
    }
    if let Some(t) = table(2) {
        read_savings_rows(&mut rd, t, &mut drafts);
    }
    if let Some(t) = table(3) {
        read_payer_rows(&mut rd, t, &mut drafts);
    }
    let initiatives = finish(&mut rd, drafts);
    if !rd.problems.is_empty() {
        return Err(ImportError::Problems {
            file: file_name.to_string(),
            problems: rd.problems,
        });
    }
    Ok(initiatives)
}

fn read_initiative_rows(rd: &mut Cells<'_>, t: &Table, drafts: &mut Vec<Draft>) {
    let horizon = (
        i64::from(rd.fund.first_year),
        i64::from(rd.fund.last_year()),
    );
    for r in t.filled_rows() {
        let code = rd.text(t, r, 0);
        let name = rd.required_text(t, r, 1);
        let owner = rd.actor(t, r, 2, true);
        let kind = match rd.required_text(t, r, 3) {
            Some(text) => match RepaymentType::parse(&text) {
                Some(k) => Some(k),
                None => {
                    rd.report(t.place(r, 3), ProblemKind::NotARepaymentType { text });
                    None
                }
            },
            None => None,
        };
        let repayment = match kind {
            Some(RepaymentType::Grant) => Some((RepaymentType::Grant, 0, 0, 0, 0)),
            Some(RepaymentType::Fixed) => {
                let share = rd.required_whole(t, r, 4, (0, 100));
                let start = rd.required_whole(t, r, 5, horizon);
                let n = rd.required_whole(t, r, 6, (1, 60));
                match (share, start, n) {
                    (Some(s), Some(y), Some(n)) => {
                        Some((RepaymentType::Fixed, s as i32, y as i32, n as i32, 0))
                    }
                    _ => None,
                }
            }
            Some(RepaymentType::FromSavings) => {
                let share = rd.required_whole(t, r, 4, (0, 100));
                let start = rd.required_whole(t, r, 5, horizon);
                // An empty cap is 100 %: the whole fund cost may come back.
                let cap = if t.cell(r, 7).is_empty() {
                    Some(100)
                } else {
                    rd.whole(t, r, 7, (0, 200))
                };
                match (share, start, cap) {
                    (Some(s), Some(y), Some(c)) => {
                        Some((RepaymentType::FromSavings, s as i32, y as i32, 0, c as i32))
                    }
                    _ => None,
                }
            }
            None => None,
        };
        let note = rd.text(t, r, 8).unwrap_or_default();
        if let (Some(name), Some(owner)) = (name, owner) {
            drafts.push(Draft {
                code,
                name,
                owner,
                repayment,
                note,
                place: t.place(r, 1),
                costs: Vec::new(),
                savings: Vec::new(),
                payers: Vec::new(),
                payers_place: None,
            });
        } else {
            // Keep the row's place so that later sheets referring to it are not also wrong.
            drafts.push(Draft {
                code: None,
                name: String::new(),
                owner: String::new(),
                repayment: None,
                note: String::new(),
                place: t.place(r, 1),
                costs: Vec::new(),
                savings: Vec::new(),
                payers: Vec::new(),
                payers_place: None,
            });
        }
    }
    // Names and codes must tell the initiatives apart.
    let mut seen: HashSet<String> = HashSet::new();
    for d in drafts.iter() {
        if d.name.is_empty() {
            continue;
        }
        if !seen.insert(d.name.to_lowercase()) {
            rd.problems.push(problem(
                d.place.clone(),
                ProblemKind::DuplicateName {
                    name: d.name.clone(),
                },
            ));
        }
    }
}

/// The draft a row of another sheet belongs to, by the initiative's name or code in column A.
fn owner_of(rd: &mut Cells<'_>, t: &Table, r: &Row, drafts: &[Draft]) -> Option<usize> {
    let reference = rd.text(t, r, 0);
    match reference {
        None if drafts.len() == 1 => Some(0),
        None => {
            rd.report(t.place(r, 0), ProblemKind::NoInitiative);
            None
        }
        Some(text) => {
            let key = text.to_lowercase();
            let found = drafts.iter().position(|d| {
                (!d.name.is_empty() && d.name.to_lowercase() == key)
                    || d.code.as_ref().is_some_and(|c| c.to_lowercase() == key)
            });
            if found.is_none() && !drafts.iter().any(|d| d.name.is_empty()) {
                rd.report(t.place(r, 0), ProblemKind::UnknownInitiative { text });
            }
            found
        }
    }
}

fn read_cost_rows(rd: &mut Cells<'_>, t: &Table, drafts: &mut [Draft]) {
    for r in t.filled_rows() {
        let owner = owner_of(rd, t, r, drafts);
        let year = rd.year(t, r, 1);
        let kind = match rd.text(t, r, 2) {
            None => Some(CostKind::Other),
            Some(text) => {
                let k = parse_kind(&text);
                if k.is_none() {
                    rd.report(t.place(r, 2), ProblemKind::NotACostKind { text });
                }
                k
            }
        };
        let fund = rd.money(t, r, 3);
        let own = rd.money(t, r, 4);
        if let (Some(None), Some(None)) = (&fund, &own) {
            rd.report(t.place(r, 3), ProblemKind::NoAmount);
            continue;
        }
        if let (Some(i), Some(year), Some(kind), Some(fund), Some(own)) =
            (owner, year, kind, fund, own)
        {
            drafts[i].costs.push(CostRow {
                year,
                fund: fund.unwrap_or(Money::ZERO),
                own: own.unwrap_or(Money::ZERO),
                kind,
            });
        }
    }
}

fn read_savings_rows(rd: &mut Cells<'_>, t: &Table, drafts: &mut [Draft]) {
    for r in t.filled_rows() {
        let owner = owner_of(rd, t, r, drafts);
        let actor = rd.actor(t, r, 1, false);
        let from = rd.year(t, r, 2);
        let to = rd.year(t, r, 3);
        if let (Some(f), Some(to)) = (from, to)
            && f > to
        {
            rd.report(t.place(r, 3), ProblemKind::ToBeforeFrom { from: f, to });
            continue;
        }
        let amount = match rd.money(t, r, 4) {
            Some(None) => {
                rd.missing(t, r, 4, t.spec.columns[4]);
                None
            }
            Some(Some(m)) => Some(m),
            None => None,
        };
        let cashable = match t.cell(r, 5) {
            Value::Bool(b) => Some(*b),
            v => match text_of(v) {
                Ok(None) => Some(false),
                Ok(Some(text)) => {
                    let b = parse_yes_no(&text);
                    if b.is_none() {
                        rd.report(t.place(r, 5), ProblemKind::NotYesNo { text });
                    }
                    b
                }
                Err(e) => {
                    rd.report(t.place(r, 5), e);
                    None
                }
            },
        };
        // The adjusted appraisal's estimates: empty cells take the file format's defaults.
        let mut adjustment = |c: usize, range: (i64, i64), default: i32| -> Option<i32> {
            if t.cell(r, c).is_empty() {
                Some(default)
            } else {
                rd.whole(t, r, c, range).map(|v| v as i32)
            }
        };
        let deadweight = adjustment(6, (0, 100), 0);
        let attribution = adjustment(7, (0, 100), 0);
        let drop_off = adjustment(8, (0, 100), 0);
        let optimism_bias = adjustment(9, (0, 100), 0);
        let low = adjustment(10, (0, 100), 100);
        let high = adjustment(11, (100, 300), 100);
        if let (Some(i), Some(actor), Some(from), Some(to), Some(amount), Some(cashable)) =
            (owner, actor, from, to, amount, cashable)
            && let (Some(deadweight), Some(attribution), Some(drop_off), Some(optimism_bias)) =
                (deadweight, attribution, drop_off, optimism_bias)
            && let (Some(low), Some(high)) = (low, high)
        {
            drafts[i].savings.push(SavingsRow {
                deadweight,
                attribution,
                drop_off,
                optimism_bias,
                low,
                high,
                ..SavingsRow::new(&actor, from, to, amount, cashable)
            });
        }
    }
}

fn read_payer_rows(rd: &mut Cells<'_>, t: &Table, drafts: &mut [Draft]) {
    for r in t.filled_rows() {
        let owner = owner_of(rd, t, r, drafts);
        let actor = rd.actor(t, r, 1, true);
        let weight = rd.required_whole(t, r, 2, (0, 100));
        if let Some(i) = owner {
            let d = &mut drafts[i];
            if let Some((kind, ..)) = d.repayment
                && kind != RepaymentType::Fixed
            {
                let name = d.name.clone();
                rd.report(
                    t.place(r, 0),
                    ProblemKind::PayersNotFixed {
                        name,
                        label: kind.label(),
                    },
                );
                continue;
            }
            if let (Some(actor), Some(weight)) = (actor, weight) {
                let d = &mut drafts[i];
                if d.payers_place.is_none() {
                    d.payers_place = Some(t.place(r, 2));
                }
                d.payers.push(Payer {
                    actor,
                    weight: weight as i32,
                });
            }
        }
    }
}

/// Codes, payers and the repayment agreement: the drafts become initiatives.
fn finish(rd: &mut Cells<'_>, drafts: Vec<Draft>) -> Vec<ImportedInitiative> {
    let mut taken: HashSet<String> = rd.fund.initiatives.iter().map(|i| i.code.clone()).collect();
    // Given codes first, so that assigned ones never take a code someone wrote.
    for d in &drafts {
        if let Some(code) = &d.code
            && !taken.insert(code.clone())
        {
            rd.problems.push(problem(
                d.place.replacen("!B", "!A", 1),
                ProblemKind::CodeTaken { code: code.clone() },
            ));
        }
    }
    let mut out = Vec::new();
    for d in drafts {
        if d.name.is_empty() {
            continue;
        }
        let Some((kind, share, start, instalments, cap)) = d.repayment else {
            continue;
        };
        let repayment = match kind {
            RepaymentType::Grant => Repayment::Grant,
            RepaymentType::FromSavings => Repayment::FromSavings { share, start, cap },
            RepaymentType::Fixed => {
                let payers = if d.payers.is_empty() {
                    vec![Payer {
                        actor: d.owner.clone(),
                        weight: 100,
                    }]
                } else {
                    d.payers
                };
                let sum: i32 = payers.iter().map(|p| p.weight).sum();
                if sum != 100 {
                    rd.problems.push(problem(
                        d.payers_place.clone().unwrap_or_else(|| d.place.clone()),
                        ProblemKind::WeightsSum {
                            name: d.name.clone(),
                            sum,
                        },
                    ));
                }
                Repayment::Fixed(FixedRepayment {
                    share,
                    start,
                    instalments,
                    payers,
                })
            }
        };
        let code = match d.code {
            Some(c) => c,
            None => next_code(&mut taken),
        };
        out.push(ImportedInitiative {
            initiative: Initiative {
                code,
                name: d.name,
                owner: d.owner,
                status: Status::Proposed,
                ended: None,
                costs: d.costs,
                savings: d.savings,
                repayment,
                actuals: Vec::new(),
                note: d.note,
            },
            place: d.place,
        });
    }
    out
}

/// The next free code `P<n>`, after the largest number among codes of that shape.
fn next_code(taken: &mut HashSet<String>) -> String {
    let max = taken
        .iter()
        .filter_map(|c| c.strip_prefix('P').and_then(|n| n.parse::<u64>().ok()))
        .max()
        .unwrap_or(0);
    let mut n = max + 1;
    loop {
        let code = format!("P{n}");
        if taken.insert(code.clone()) {
            return code;
        }
        n += 1;
    }
}

/// Add read initiatives to a copy of the fund and validate it: a new error anywhere refuses
/// the whole import, naming the initiative's row.
pub fn add_initiatives(
    fund: &Fund,
    read: Vec<ImportedInitiative>,
    file_name: &str,
) -> Result<Imported, ImportError> {
    let before = validate::validate(fund);
    let known: HashSet<(String, String)> = before
        .issues
        .iter()
        .map(|i| (i.path.clone(), i.text(Lang::Sv)))
        .collect();
    let mut next = fund.clone();
    let first = next.initiatives.len();
    let places: Vec<String> = read.iter().map(|r| r.place.clone()).collect();
    next.initiatives
        .extend(read.into_iter().map(|r| r.initiative));
    let after = validate::validate(&next);
    let place_of = |loc: Location| match loc {
        Location::Initiative(i) if i >= first => places.get(i - first).cloned(),
        _ => None,
    };
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    for issue in after.issues {
        if known.contains(&(issue.path.clone(), issue.text(Lang::Sv))) {
            continue;
        }
        let place = place_of(issue.location).unwrap_or_default();
        let is_error = issue.is_error();
        let p = problem(place, ProblemKind::Invalid(Box::new(issue)));
        if is_error {
            problems.push(p);
        } else {
            warnings.push(p);
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Problems {
            file: file_name.to_string(),
            problems,
        });
    }
    let added = (first..next.initiatives.len()).collect();
    Ok(Imported {
        fund: next,
        added,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Message;

    #[test]
    fn csv_records_keep_quotes_and_lines() {
        let r = csv_records("a;\"b;c\";\"d\"\"e\"\r\nf;\"g\nh\";i\n\nj");
        assert_eq!(
            r,
            vec![
                (1, vec!["a".into(), "b;c".into(), "d\"e".into()]),
                (2, vec!["f".into(), "g\nh".into(), "i".into()]),
                (4, vec!["".into()]),
                (5, vec!["j".into()]),
            ]
        );
        let r = csv_records("x,y\n1,\"2,5\"\n");
        assert_eq!(r[1].1, vec!["1".to_string(), "2,5".to_string()]);
    }

    #[test]
    fn windows_1252_text_is_read() {
        assert_eq!(decode_text(b"\xc5terbetalare;\x96"), "Återbetalare;–");
        assert_eq!(decode_text("\u{feff}År".as_bytes()), "År");
    }

    #[test]
    fn next_code_follows_the_largest() {
        let mut taken: HashSet<String> = ["P101", "P7", "X1"].map(String::from).into();
        assert_eq!(next_code(&mut taken), "P102");
        assert_eq!(next_code(&mut taken), "P103");
    }

    #[test]
    fn amounts_as_typed() {
        assert_eq!(money_of(&Value::Number(1200.0)), Ok(Some(Money(1200))));
        assert_eq!(
            money_of(&Value::Text("1 200 000 kr".into())),
            Ok(Some(Money(1_200_000)))
        );
        assert!(money_of(&Value::Number(12.5)).is_err());
        // Amounts as finance officers write them (docs/file-format.md, "Typing amounts").
        assert_eq!(
            money_of(&Value::Text("12,5 mkr".into())),
            Ok(Some(Money(12_500_000)))
        );
        let e = money_of(&Value::Text("ca 12 mkr".into())).unwrap_err();
        let (sv, en) = (e.text(Lang::Sv), e.text(Lang::En));
        assert!(sv.contains("”ca 12 mkr” är inget belopp"), "{sv}");
        assert!(en.contains("not an amount"), "{en}");
        assert!(money_of(&Value::Text("-5".into())).is_err());
        assert!(money_of(&Value::Formula("A1*2".into())).is_err());
    }
}
