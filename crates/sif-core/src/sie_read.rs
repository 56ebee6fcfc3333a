//! Reading SIE 4 files as real financial systems write them (SPEC §10, SIE filformat utgåva 4B).
//!
//! Sif reads a year's SIE 4E or 4I file to take the actual figures of a closed year from the
//! organisation's own books. The reader is written for the files Raindance, Unit4, Visma and
//! their kin write, not only for Sif's own: CP437 by default (a file that is clearly UTF-8 or
//! Latin-1 is read as what it is, with a warning), LF or CR LF, tabs, quoted or bare fields with
//! `\"` escapes, object lists `{1 "KS" 6 "P101"}` with or without quotes and with any
//! dimensions, `#UNDERDIM`, and every label it does not need skipped (SIE 4B §7). Only `#TRANS`
//! rows count: a `#BTRANS` row was removed and an `#RTRANS` row is followed by the identical
//! `#TRANS`.
//!
//! The reader keeps no rows: it works on the file's bytes, decodes only the fields it keeps,
//! and sums every `#TRANS` row in öre (exact, never a float) into one total per calendar year
//! of the voucher date, account and dimension 1 and 6 object. Time and memory are linear in
//! the file (one pass; the totals are bounded by the accounts and objects, not by the rows),
//! and nothing in a file can make it panic: every refusal is a [`SieReadError`] with a sentence
//! in Swedish and English.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use crate::ledger::cp437;
use crate::messages::Message;
use crate::money::{MINUS, NBSP, group_digits};

/// The largest file Sif reads (SPEC §10): 512 MiB.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The SIE dimension of committees (*ansvar*).
pub const DIM_COMMITTEE: u32 = 1;
/// The SIE dimension of projects, the initiatives (*projekt*).
pub const DIM_PROJECT: u32 = 6;

/// How the file's bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Code page 437, what SIE 4B prescribes (`#FORMAT PC8`).
    Cp437,
    /// UTF-8, with or without a byte-order mark (not SIE 4B, but some programs write it).
    Utf8,
    /// ISO 8859-1 (Latin-1), which some programs write under `#FORMAT PC8`.
    Latin1,
}

/// A financial year of `#RAR`, dates as `YYYYMMDD` numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiscalYear {
    pub start: u32,
    pub end: u32,
}

impl FiscalYear {
    /// The calendar year the financial year starts in.
    pub fn start_year(self) -> i32 {
        // start < 10^8, so the year has at most four digits.
        i32::try_from(self.start / 10_000).unwrap_or(0)
    }

    /// Whether the year is one calendar year (1 January to 31 December).
    pub fn is_calendar_year(self) -> bool {
        self.start % 10_000 == 101 && self.end == self.start - 101 + 1231
    }
}

/// The sum of a file's `#TRANS` rows for one calendar year, account and pair of objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Total {
    /// The calendar year of the voucher's date (`#VER`).
    pub year: i32,
    pub account: u32,
    /// The dimension 1 object (index into [`SieFile::objects`]), if the rows carry one.
    pub dim1: Option<u32>,
    /// The dimension 6 object (index into [`SieFile::objects`]), if the rows carry one.
    pub dim6: Option<u32>,
    /// Debit positive, credit negative, in öre.
    pub ore: i128,
}

/// Something the reader noticed and read past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SieWarning {
    /// The file is UTF-8, not CP437.
    Utf8,
    /// The file is Latin-1, not CP437.
    Latin1,
    /// The file has no `#SIETYP`; it was read as type 4 because it has vouchers.
    NoSieType,
    /// A `#RAR` record that cannot be read.
    BrokenFiscalYear { line: usize },
    /// `#RAR 0` is not a calendar year (*brutet räkenskapsår*); vouchers still count by the
    /// calendar year of their date.
    NonCalendarFiscalYear(FiscalYear),
    /// Lines that are no SIE record (they do not start with `#`, `{` or `}`) were skipped.
    SkippedLines { count: usize, first: usize },
}

impl fmt::Display for SieWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.both())
    }
}

/// What is wrong with a line the reader cannot read past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Amount(String),
    Account(String),
    Date(String),
    Dimension(String),
    /// An object list that does not close, or a dimension without an object.
    ObjectList,
    /// A `#TRANS` row outside a voucher's `{ }`.
    TransOutsideVoucher,
    /// A `#VER` inside another voucher's `{ }`.
    NestedVoucher,
    /// A `{` or `}` that belongs to no voucher.
    StrayBrace,
}

/// Why a SIE file was refused: one sentence each (SPEC §10).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SieReadError {
    #[error("{}", self.both())]
    Io { reason: crate::store::IoReason },
    #[error("{}", self.both())]
    TooLarge { bytes: u64 },
    #[error("{}", self.both())]
    NotSie,
    #[error("{}", self.both())]
    NotType4 { sie_type: String },
    #[error("{}", self.both())]
    Unbalanced {
        series: String,
        number: String,
        line: usize,
        ore: i128,
    },
    #[error("{}", self.both())]
    Truncated {
        series: String,
        number: String,
        line: usize,
    },
    #[error("{}", self.both())]
    Malformed { line: usize, problem: Problem },
    /// A sum beyond any real organisation's books (more than 10^20 kronor).
    #[error("{}", self.both())]
    Overflow { line: usize },
}

/// A voucher's series or number as the messages show it: `""` when empty.
pub(crate) fn shown(s: &str) -> String {
    if s.is_empty() {
        "\"\"".to_string()
    } else {
        s.to_string()
    }
}

fn ore_parts(ore: i128) -> (i64, u32, bool) {
    let abs = ore.unsigned_abs();
    let kr = i64::try_from(abs / 100).unwrap_or(i64::MAX);
    // abs % 100 < 100.
    let rest = u32::try_from(abs % 100).unwrap_or(0);
    (kr, rest, ore < 0)
}

/// `−12 899,00` (Swedish, non-breaking spaces, real minus).
pub fn ore_sv(ore: i128) -> String {
    let (kr, rest, negative) = ore_parts(ore);
    let sign = if negative {
        MINUS.to_string()
    } else {
        String::new()
    };
    format!(
        "{sign}{},{rest:02}",
        group_digits(kr, &NBSP.to_string(), "")
    )
}

/// `-12,899.00` (English).
pub fn ore_en(ore: i128) -> String {
    let (kr, rest, negative) = ore_parts(ore);
    let sign = if negative { "-" } else { "" };
    format!("{sign}{}.{rest:02}", group_digits(kr, ",", ""))
}

/// `YYYYMMDD` as `YYYY-MM-DD`.
pub(crate) fn dashed(date: u32) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date / 10_000,
        date / 100 % 100,
        date % 100
    )
}

/// What a SIE file holds for Sif: who wrote it, its financial year and the sums of its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SieFile {
    pub encoding: Encoding,
    /// `#SIETYP` as written (`"4"`), if the file has one.
    pub sie_type: Option<String>,
    /// `#PROGRAM`: the program's name and version.
    pub program: Option<String>,
    pub program_version: Option<String>,
    /// `#GEN` as `YYYY-MM-DD`, if it is a date.
    pub generated: Option<String>,
    /// `#RAR 0`, if it can be read.
    pub fiscal_year: Option<FiscalYear>,
    /// The `#VER` vouchers read, and their `#TRANS` rows.
    pub vouchers: usize,
    pub rows: usize,
    /// The years of the vouchers' dates, ascending, with the number of vouchers in each.
    pub voucher_years: Vec<(i32, usize)>,
    /// Every object code the rows name (dimensions 1 and 6), trimmed of spaces.
    pub objects: Vec<String>,
    /// The sums, ordered by year, account, dimension 1 object and dimension 6 object.
    pub totals: Vec<Total>,
    /// Dimensions declared by `#DIM` and `#UNDERDIM` (number, name, superior dimension).
    pub dimensions: Vec<(u32, String, Option<u32>)>,
    pub warnings: Vec<SieWarning>,
}

impl SieFile {
    /// An object's code by its index in [`SieFile::objects`].
    pub fn object(&self, id: u32) -> &str {
        usize::try_from(id)
            .ok()
            .and_then(|i| self.objects.get(i))
            .map_or("", String::as_str)
    }

    /// The sums of one calendar year.
    pub fn totals_in(&self, year: i32) -> &[Total] {
        let start = self.totals.partition_point(|t| t.year < year);
        let end = self.totals.partition_point(|t| t.year <= year);
        &self.totals[start..end]
    }
}

/// Read a SIE file from disk: refused before reading when it is larger than 512 MiB.
pub fn read_file(path: &Path) -> Result<SieFile, SieReadError> {
    let io = |e: std::io::Error| SieReadError::Io {
        reason: crate::store::IoReason::of(&e),
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(SieReadError::TooLarge { bytes: meta.len() });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    read(&bytes)
}

/// Read a SIE file's bytes.
pub fn read(bytes: &[u8]) -> Result<SieFile, SieReadError> {
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > MAX_FILE_BYTES {
        return Err(SieReadError::TooLarge { bytes: len });
    }
    let (body, encoding) = detect_encoding(bytes);
    Reader::new(encoding).run(body)
}

/// CP437 unless the file is clearly something else: a UTF-8 byte-order mark, or bytes above
/// 0x7F that are valid UTF-8, or the Latin-1 bytes of å, ä, ö, Å, Ä, Ö and é where the CP437
/// bytes of those letters are absent.
fn detect_encoding(bytes: &[u8]) -> (&[u8], Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (rest, Encoding::Utf8);
    }
    if !bytes.iter().any(|&b| b >= 0x80) {
        return (bytes, Encoding::Cp437);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (bytes, Encoding::Utf8);
    }
    let mut latin = 0_usize;
    let mut pc8 = 0_usize;
    for &b in bytes {
        match b {
            0xE5 | 0xE4 | 0xF6 | 0xC5 | 0xC4 | 0xD6 | 0xE9 => latin += 1,
            0x86 | 0x84 | 0x94 | 0x8F | 0x8E | 0x99 | 0x82 => pc8 += 1,
            _ => {}
        }
    }
    if latin > 0 && pc8 == 0 {
        (bytes, Encoding::Latin1)
    } else {
        (bytes, Encoding::Cp437)
    }
}

fn decode(encoding: Encoding, bytes: &[u8]) -> String {
    match encoding {
        Encoding::Cp437 => cp437::decode(bytes),
        Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Encoding::Latin1 => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// One field of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field<'a> {
    /// A bare field (no quotes).
    Bare(&'a [u8]),
    /// A quoted field without its quotes, as written; `true` when it holds a `\"`.
    Quoted(&'a [u8], bool),
    Open,
    Close,
}

impl<'a> Field<'a> {
    /// The field's bytes as written (escapes kept): what numbers and labels are read from.
    fn bytes(&self) -> &'a [u8] {
        match self {
            Field::Bare(b) | Field::Quoted(b, _) => b,
            Field::Open => b"{",
            Field::Close => b"}",
        }
    }

    /// The field's text bytes, with `\"` made `"`.
    fn unescaped(&self) -> Cow<'a, [u8]> {
        match self {
            Field::Quoted(raw, true) => {
                let mut out = Vec::with_capacity(raw.len());
                let mut k = 0;
                while k < raw.len() {
                    if raw[k] == b'\\' && raw.get(k + 1) == Some(&b'"') {
                        out.push(b'"');
                        k += 2;
                    } else {
                        out.push(raw[k]);
                        k += 1;
                    }
                }
                Cow::Owned(out)
            }
            _ => Cow::Borrowed(self.bytes()),
        }
    }
}

/// The fields of one line. Whitespace is spaces, tabs and any other control byte; `{` and `}`
/// outside quotes are fields of their own.
struct Fields<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Fields<'a> {
    fn new(s: &'a [u8]) -> Self {
        Fields { s, i: 0 }
    }
}

fn is_space(b: u8) -> bool {
    b <= b' ' || b == 0x7F
}

impl<'a> Iterator for Fields<'a> {
    type Item = Field<'a>;

    fn next(&mut self) -> Option<Field<'a>> {
        let s = self.s;
        while self.i < s.len() && is_space(s[self.i]) {
            self.i += 1;
        }
        let start = self.i;
        let first = *s.get(start)?;
        match first {
            b'{' => {
                self.i += 1;
                Some(Field::Open)
            }
            b'}' => {
                self.i += 1;
                Some(Field::Close)
            }
            b'"' => {
                let inner = start + 1;
                let mut j = inner;
                let mut escaped = false;
                while j < s.len() {
                    match s[j] {
                        b'\\' if s.get(j + 1) == Some(&b'"') => {
                            escaped = true;
                            j += 2;
                        }
                        b'"' => break,
                        _ => j += 1,
                    }
                }
                // An unclosed quote runs to the end of the line.
                let end = j.min(s.len());
                self.i = (j + 1).min(s.len());
                Some(Field::Quoted(&s[inner..end], escaped))
            }
            _ => {
                let mut j = start;
                while j < s.len() && !is_space(s[j]) && s[j] != b'{' && s[j] != b'}' {
                    j += 1;
                }
                self.i = j;
                Some(Field::Bare(&s[start..j]))
            }
        }
    }
}

fn trim(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|&c| c != b' ').unwrap_or(b.len());
    let end = b.iter().rposition(|&c| c != b' ').map_or(start, |e| e + 1);
    &b[start..end.max(start)]
}

/// An amount `-1234.5`, `1234,56` or `5` in öre. At most two decimals count; further decimals
/// must be zeros.
fn parse_ore(b: &[u8]) -> Option<i64> {
    let (negative, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    let (whole, frac) = match digits.iter().position(|&c| c == b'.' || c == b',') {
        Some(p) => (&digits[..p], &digits[p + 1..]),
        None => (digits, &digits[digits.len()..]),
    };
    if (whole.is_empty() && frac.is_empty())
        || whole.len() > 16
        || !whole.iter().all(u8::is_ascii_digit)
        || !frac.iter().all(u8::is_ascii_digit)
        || frac.iter().skip(2).any(|&c| c != b'0')
    {
        return None;
    }
    let mut ore: i64 = 0;
    for &c in whole {
        ore = ore * 10 + i64::from(c - b'0');
    }
    let mut cents: i64 = 0;
    for k in 0..2 {
        cents = cents * 10 + frac.get(k).map_or(0, |&c| i64::from(c - b'0'));
    }
    // whole has at most 16 digits: ore * 100 + cents < 10^18 < i64::MAX.
    let total = ore * 100 + cents;
    Some(if negative { -total } else { total })
}

fn parse_u32(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(b).ok()?.parse().ok()
}

/// A date `YYYYMMDD` that is a real calendar date, as the number `YYYYMMDD`.
fn parse_date(b: &[u8]) -> Option<u32> {
    if b.len() != 8 {
        return None;
    }
    let d = parse_u32(b)?;
    let year = i32::try_from(d / 10_000).ok().filter(|&y| y >= 1000)?;
    chrono::NaiveDate::from_ymd_opt(year, d / 100 % 100, d % 100).map(|_| d)
}

const NONE: u32 = u32::MAX;

#[derive(Clone, Copy)]
enum State {
    Top,
    /// A `#VER` was read; its `{` is next.
    AfterVer,
    InVoucher,
}

struct Voucher<'a> {
    series: Field<'a>,
    number: Field<'a>,
    year: i32,
    line: usize,
    sum: i128,
}

struct Reader<'a> {
    encoding: Encoding,
    file: SieFile,
    objects: HashMap<&'a [u8], u32>,
    totals: HashMap<(i32, u32, u32, u32), i128>,
    years: HashMap<i32, usize>,
    voucher: Option<Voucher<'a>>,
    state: State,
    skipped: usize,
    first_skipped: usize,
    seen_record: bool,
}

impl<'a> Reader<'a> {
    fn new(encoding: Encoding) -> Self {
        let mut warnings = Vec::new();
        match encoding {
            Encoding::Utf8 => warnings.push(SieWarning::Utf8),
            Encoding::Latin1 => warnings.push(SieWarning::Latin1),
            Encoding::Cp437 => {}
        }
        Reader {
            encoding,
            file: SieFile {
                encoding,
                sie_type: None,
                program: None,
                program_version: None,
                generated: None,
                fiscal_year: None,
                vouchers: 0,
                rows: 0,
                voucher_years: Vec::new(),
                objects: Vec::new(),
                totals: Vec::new(),
                dimensions: Vec::new(),
                warnings,
            },
            objects: HashMap::new(),
            totals: HashMap::new(),
            years: HashMap::new(),
            voucher: None,
            state: State::Top,
            skipped: 0,
            first_skipped: 0,
            seen_record: false,
        }
    }

    fn text(&self, f: &Field<'_>) -> String {
        decode(self.encoding, &f.unescaped())
    }

    fn run(mut self, body: &'a [u8]) -> Result<SieFile, SieReadError> {
        // A file that starts with anything but a record (an HTML page, a spreadsheet, a
        // binary) is no SIE file; so is one whose first record is not a SIE label.
        let start = body
            .iter()
            .position(|&b| !is_space(b))
            .ok_or(SieReadError::NotSie)?;
        if body[start] != b'#' || body[..body.len().min(4096)].contains(&0) {
            return Err(SieReadError::NotSie);
        }
        let cut = !body.ends_with(b"\n");
        let lines = body.split(|&b| b == b'\n').count();
        for (k, raw) in body.split(|&b| b == b'\n').enumerate() {
            if let Err(e) = self.line(k + 1, raw) {
                // A row that cannot be read on the last line of a file that does not end
                // with a line break was cut off: say that the file is truncated.
                if let (true, true, Some(v)) = (cut, k + 1 == lines, &self.voucher)
                    && matches!(e, SieReadError::Malformed { .. })
                    && matches!(self.state, State::InVoucher)
                {
                    return Err(SieReadError::Truncated {
                        series: self.text(&v.series),
                        number: self.text(&v.number),
                        line: v.line,
                    });
                }
                return Err(e);
            }
        }
        if let Some(v) = &self.voucher
            && matches!(self.state, State::InVoucher | State::AfterVer)
        {
            return Err(SieReadError::Truncated {
                series: self.text(&v.series),
                number: self.text(&v.number),
                line: v.line,
            });
        }
        if !self.seen_record {
            return Err(SieReadError::NotSie);
        }
        if self.file.sie_type.is_none() {
            if self.file.vouchers == 0 {
                return Err(SieReadError::NotSie);
            }
            self.file.warnings.push(SieWarning::NoSieType);
        }
        if self.skipped > 0 {
            self.file.warnings.push(SieWarning::SkippedLines {
                count: self.skipped,
                first: self.first_skipped,
            });
        }
        let mut totals: Vec<Total> = self
            .totals
            .into_iter()
            .map(|((year, account, d1, d6), ore)| Total {
                year,
                account,
                dim1: (d1 != NONE).then_some(d1),
                dim6: (d6 != NONE).then_some(d6),
                ore,
            })
            .collect();
        totals.sort_by_key(|t| (t.year, t.account, t.dim1, t.dim6));
        self.file.totals = totals;
        let mut years: Vec<(i32, usize)> = self.years.into_iter().collect();
        years.sort_unstable();
        self.file.voucher_years = years;
        Ok(self.file)
    }

    fn line(&mut self, number: usize, raw: &'a [u8]) -> Result<(), SieReadError> {
        let mut fields = Fields::new(raw);
        let Some(first) = fields.next() else {
            return Ok(());
        };
        let label = match first {
            Field::Open => return self.open(number, fields),
            Field::Close => return self.close(number),
            Field::Bare(b) if b.first() == Some(&b'#') => b,
            _ => {
                if self.skipped == 0 {
                    self.first_skipped = number;
                }
                self.skipped += 1;
                return Ok(());
            }
        };
        if matches!(self.state, State::AfterVer) && !label.eq_ignore_ascii_case(b"#TRANS") {
            // A #VER without a block (no rows): the voucher is empty.
            self.state = State::Top;
            self.voucher = None;
        }
        let is = |name: &[u8]| label.eq_ignore_ascii_case(name);
        if is(b"#TRANS") {
            return self.trans(number, fields);
        }
        if is(b"#RTRANS") || is(b"#BTRANS") {
            // Only #TRANS counts: a #BTRANS row was removed, an #RTRANS row is followed by
            // the same row as #TRANS.
            return Ok(());
        }
        if is(b"#VER") {
            return self.ver(number, fields);
        }
        if matches!(self.state, State::InVoucher) {
            // An unknown label inside a voucher is skipped (SIE 4B §7).
            return Ok(());
        }
        self.seen_record = true;
        if is(b"#SIETYP") {
            let t = fields.next().map(|f| self.text(&f)).unwrap_or_default();
            let t = t.trim().to_string();
            if !matches!(t.to_ascii_uppercase().as_str(), "4" | "4E" | "4I") {
                return Err(SieReadError::NotType4 { sie_type: t });
            }
            self.file.sie_type = Some(t);
        } else if is(b"#PROGRAM") {
            self.file.program = fields.next().map(|f| self.text(&f).trim().to_string());
            self.file.program_version = fields.next().map(|f| self.text(&f).trim().to_string());
        } else if is(b"#GEN") {
            self.file.generated = fields
                .next()
                .and_then(|f| parse_date(f.bytes()))
                .map(dashed);
        } else if is(b"#RAR") {
            self.rar(number, fields);
        } else if is(b"#DIM") || is(b"#UNDERDIM") {
            let dim = fields.next().and_then(|f| parse_u32(f.bytes()));
            let name = fields.next().map(|f| self.text(&f)).unwrap_or_default();
            let parent = if is(b"#UNDERDIM") {
                fields.next().and_then(|f| parse_u32(f.bytes()))
            } else {
                None
            };
            if let Some(dim) = dim {
                self.file.dimensions.push((dim, name, parent));
            }
        }
        Ok(())
    }

    fn rar(&mut self, number: usize, mut fields: Fields<'a>) {
        let index = fields.next();
        let start = fields.next().and_then(|f| parse_date(f.bytes()));
        let end = fields.next().and_then(|f| parse_date(f.bytes()));
        let is_zero = index.as_ref().is_some_and(|f| f.bytes() == b"0");
        match (start, end) {
            (Some(start), Some(end)) if start <= end => {
                if is_zero && self.file.fiscal_year.is_none() {
                    let fy = FiscalYear { start, end };
                    if !fy.is_calendar_year() {
                        self.file
                            .warnings
                            .push(SieWarning::NonCalendarFiscalYear(fy));
                    }
                    self.file.fiscal_year = Some(fy);
                }
            }
            _ => self
                .file
                .warnings
                .push(SieWarning::BrokenFiscalYear { line: number }),
        }
    }

    fn ver(&mut self, number: usize, mut fields: Fields<'a>) -> Result<(), SieReadError> {
        if matches!(self.state, State::InVoucher) {
            return Err(SieReadError::Malformed {
                line: number,
                problem: Problem::NestedVoucher,
            });
        }
        self.seen_record = true;
        let series = fields.next().unwrap_or(Field::Bare(b""));
        let number_field = fields.next().unwrap_or(Field::Bare(b""));
        let date = fields.next();
        let Some(d) = date.as_ref().and_then(|f| parse_date(f.bytes())) else {
            let shown = date.map(|f| self.text(&f)).unwrap_or_default();
            return Err(SieReadError::Malformed {
                line: number,
                problem: Problem::Date(shown),
            });
        };
        // d < 10^8: the year has at most four digits.
        let year = i32::try_from(d / 10_000).unwrap_or(0);
        self.voucher = Some(Voucher {
            series,
            number: number_field,
            year,
            line: number,
            sum: 0,
        });
        self.state = State::AfterVer;
        // Some programs open the block on the #VER line itself.
        if fields.any(|f| f == Field::Open) {
            self.state = State::InVoucher;
        }
        Ok(())
    }

    fn open(&mut self, number: usize, mut rest: Fields<'a>) -> Result<(), SieReadError> {
        if !matches!(self.state, State::AfterVer) {
            return Err(SieReadError::Malformed {
                line: number,
                problem: Problem::StrayBrace,
            });
        }
        self.state = State::InVoucher;
        // A row or the closing brace on the same line as the `{`.
        match rest.next() {
            None => Ok(()),
            Some(Field::Close) => self.close(number),
            Some(Field::Bare(label)) if label.eq_ignore_ascii_case(b"#TRANS") => {
                self.trans(number, rest)
            }
            Some(_) => Ok(()),
        }
    }

    fn close(&mut self, number: usize) -> Result<(), SieReadError> {
        if !matches!(self.state, State::InVoucher) {
            return Err(SieReadError::Malformed {
                line: number,
                problem: Problem::StrayBrace,
            });
        }
        self.state = State::Top;
        if let Some(v) = self.voucher.take() {
            if v.sum != 0 {
                return Err(SieReadError::Unbalanced {
                    series: self.text(&v.series),
                    number: self.text(&v.number),
                    line: v.line,
                    ore: v.sum,
                });
            }
            self.file.vouchers += 1;
            *self.years.entry(v.year).or_insert(0) += 1;
        }
        Ok(())
    }

    /// The index of an object code (`code`: the field's bytes as written, trimmed).
    fn object_id(&mut self, code: &'a [u8], field: Field<'a>) -> u32 {
        if let Some(&id) = self.objects.get(code) {
            return id;
        }
        // Fewer objects than bytes in the file (< 2^29), so the index fits.
        let id = u32::try_from(self.file.objects.len()).unwrap_or(NONE - 1);
        let text = self.text(&field);
        self.file.objects.push(text.trim_matches(' ').to_string());
        self.objects.insert(code, id);
        id
    }

    fn trans(&mut self, number: usize, mut fields: Fields<'a>) -> Result<(), SieReadError> {
        if !matches!(self.state, State::InVoucher) {
            return Err(SieReadError::Malformed {
                line: number,
                problem: Problem::TransOutsideVoucher,
            });
        }
        let malformed = |problem| SieReadError::Malformed {
            line: number,
            problem,
        };
        let account_field = fields.next().unwrap_or(Field::Bare(b""));
        let account = parse_u32(trim(account_field.bytes()))
            .ok_or_else(|| malformed(Problem::Account(self.text(&account_field))))?;
        let mut dim1 = NONE;
        let mut dim6 = NONE;
        let mut next = fields.next();
        if next == Some(Field::Open) {
            loop {
                let dim = match fields.next() {
                    Some(Field::Close) => break,
                    None | Some(Field::Open) => return Err(malformed(Problem::ObjectList)),
                    Some(f) => f,
                };
                let d = parse_u32(trim(dim.bytes()))
                    .ok_or_else(|| malformed(Problem::Dimension(self.text(&dim))))?;
                let object = match fields.next() {
                    Some(f @ (Field::Bare(_) | Field::Quoted(..))) => f,
                    _ => return Err(malformed(Problem::ObjectList)),
                };
                let code = trim(object.bytes());
                if code.is_empty() {
                    continue;
                }
                match d {
                    DIM_COMMITTEE => dim1 = self.object_id(code, object),
                    DIM_PROJECT => dim6 = self.object_id(code, object),
                    _ => {}
                }
            }
            next = fields.next();
        }
        let amount = next.unwrap_or(Field::Bare(b""));
        let ore = parse_ore(trim(amount.bytes()))
            .ok_or_else(|| malformed(Problem::Amount(self.text(&amount))))?;
        let Some(v) = self.voucher.as_mut() else {
            return Err(malformed(Problem::TransOutsideVoucher));
        };
        v.sum += i128::from(ore);
        let year = v.year;
        self.file.rows += 1;
        let total = self.totals.entry((year, account, dim1, dim6)).or_insert(0);
        // Each row is below 10^18 öre and a file below 2^29 rows: no i128 sum can overflow,
        // but a sum beyond 10^22 öre is no real organisation's.
        *total += i128::from(ore);
        if total.unsigned_abs() > 10_u128.pow(22) {
            return Err(SieReadError::Overflow { line: number });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &[u8]) -> SieFile {
        match read(text) {
            Ok(f) => f,
            Err(e) => panic!("{e}"),
        }
    }

    fn sum(f: &SieFile, year: i32, account: u32, d1: Option<&str>, d6: Option<&str>) -> i128 {
        f.totals_in(year)
            .iter()
            .filter(|t| {
                t.account == account
                    && t.dim1.map(|i| f.object(i)) == d1
                    && t.dim6.map(|i| f.object(i)) == d6
            })
            .map(|t| t.ore)
            .sum()
    }

    /// A file of `HEAD` and then `body`, read.
    fn after_head(body: &str) -> SieFile {
        ok(format!("{HEAD}{body}").as_bytes())
    }

    const HEAD: &str = "#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#PROGRAM \"Raindance\" 5.1\n#GEN 20260120\n#RAR 0 20250101 20251231\n";

    #[test]
    fn reads_sifs_own_shape_with_cr_lf() {
        let text = "#FLAGGA 0\r\n#SIETYP 4\r\n#PROGRAM \"Sif\" 0.1.0\r\n#GEN 20260115\r\n#RAR 0 20250101 20251231\r\n#VER \"SI\" 1 20251231 \"Fondmedel till P101\"\r\n{\r\n   #TRANS 7890 {1 \"KS\" 6 \"P101\"} 2000000.00\r\n   #TRANS 3890 {1 \"BUN\" 6 \"P101\"} -2000000.00\r\n}\r\n";
        let f = ok(text.as_bytes());
        assert_eq!(f.program.as_deref(), Some("Sif"));
        assert_eq!(f.generated.as_deref(), Some("2026-01-15"));
        assert_eq!(
            f.fiscal_year,
            Some(FiscalYear {
                start: 20250101,
                end: 20251231
            })
        );
        assert_eq!(f.vouchers, 1);
        assert_eq!(f.rows, 2);
        assert_eq!(sum(&f, 2025, 3890, Some("BUN"), Some("P101")), -200_000_000);
        assert_eq!(sum(&f, 2025, 7890, Some("KS"), Some("P101")), 200_000_000);
        assert!(f.warnings.is_empty(), "{:?}", f.warnings);
    }

    #[test]
    fn tabs_bare_fields_and_unquoted_objects() {
        let f = after_head(
            "#VER\tA\t7\t20250310\tInköp\n{\n\t#TRANS\t5110\t{1 BUN\t6 P101}\t1234.5\t20250310\t\"rad\"\n\t#TRANS\t1930\t{}\t-1234.50\n}\n",
        );
        assert_eq!(sum(&f, 2025, 5110, Some("BUN"), Some("P101")), 123_450);
        assert_eq!(sum(&f, 2025, 1930, None, None), -123_450);
    }

    #[test]
    fn quoted_dimensions_other_dimensions_and_spaces_in_codes() {
        let f = after_head(
            "#VER \"\" \"\" 20250101 \"\"\n{\n#TRANS 5110 {\"1\" \" SN \" \"10\" \"12\" \"6\" \"P101 \"} 10\n#TRANS 1930 { } -10\n}\n",
        );
        assert_eq!(sum(&f, 2025, 5110, Some("SN"), Some("P101")), 1000);
    }

    #[test]
    fn escaped_quotes_in_texts() {
        let f = after_head(
            "#VER A 1 20250101 \"Faktura \\\"12\\\" {brace}\"\n{\n#TRANS 5110 {6 \"P1\"} 1 20250101 \"a \\\" b\"\n#TRANS 1930 {} -1\n}\n",
        );
        assert_eq!(sum(&f, 2025, 5110, None, Some("P1")), 100);
    }

    #[test]
    fn underdim_is_read_and_its_objects_do_not_count_as_projects() {
        let f = after_head(
            "#DIM 6 \"Projekt\"\n#UNDERDIM 61 \"Delprojekt\" 6\n#OBJEKT 61 \"D1\" \"Del 1\"\n#VER A 1 20250101 x\n{\n#TRANS 5110 {6 \"P1\" 61 \"D1\"} 5\n#TRANS 1930 {} -5\n}\n",
        );
        assert!(
            f.dimensions
                .contains(&(61, "Delprojekt".to_string(), Some(6)))
        );
        assert_eq!(sum(&f, 2025, 5110, None, Some("P1")), 500);
        assert!(!f.objects.iter().any(|o| o == "D1"));
    }

    #[test]
    fn only_trans_rows_count() {
        let f = after_head(
            "#VER A 8 20251210 \"Ändrad\" 20260114\n{\n#BTRANS 5110 {6 \"P1\"} 1000 20260107 \"\" \"\" \"Anna\"\n#RTRANS 5110 {6 \"P1\"} 800 20260107 \"\" \"\" \"Anna\"\n#TRANS 5110 {6 \"P1\"} 800\n#RTRANS 1930 {} -800\n#TRANS 1930 {} -800\n}\n",
        );
        assert_eq!(sum(&f, 2025, 5110, None, Some("P1")), 80_000);
        assert_eq!(f.rows, 2);
    }

    #[test]
    fn unknown_labels_are_skipped_inside_and_outside_vouchers() {
        let f = after_head(
            "#NYPOST 1 2 \"x\"\n#KSUMMA 123\n#VER A 1 20250101 x\n{\n#OKAND 5110 {} 99\n#TRANS 5110 {} 1\n#TRANS 1930 {} -1\n}\n",
        );
        assert_eq!(f.rows, 2);
        assert_eq!(sum(&f, 2025, 5110, None, None), 100);
    }

    #[test]
    fn utf8_with_and_without_bom_is_read_with_a_warning() {
        let body = format!(
            "{HEAD}#FNAMN \"Örebro\"\n#VER A 1 20250101 \"Återföring\"\n{{\n#TRANS 7890 {{1 \"SÖN\" 6 \"P1\"}} 1\n#TRANS 3890 {{1 \"KS\" 6 \"P1\"}} -1\n}}\n"
        );
        for bytes in [
            body.as_bytes().to_vec(),
            [b"\xEF\xBB\xBF".as_slice(), body.as_bytes()].concat(),
        ] {
            let f = ok(&bytes);
            assert_eq!(f.encoding, Encoding::Utf8);
            assert_eq!(f.warnings, vec![SieWarning::Utf8]);
            assert_eq!(sum(&f, 2025, 7890, Some("SÖN"), Some("P1")), 100);
        }
    }

    #[test]
    fn cp437_and_latin1_letters() {
        let mut cp = HEAD.as_bytes().to_vec();
        cp.extend_from_slice(
            b"#VER A 1 20250101 x\n{\n#TRANS 7890 {1 \"S\x99N\"} 1\n#TRANS 3890 {1 \"KS\"} -1\n}\n",
        );
        let f = ok(&cp);
        assert_eq!(f.encoding, Encoding::Cp437);
        assert!(f.objects.iter().any(|o| o == "SÖN"));
        let latin = [
            HEAD.as_bytes(),
            b"#FNAMN \"V\xE4xj\xF6\"\n#VER A 1 20250101 x\n{\n#TRANS 7890 {1 \"S\xD6N\"} 1\n#TRANS 3890 {1 \"KS\"} -1\n}\n",
        ]
        .concat();
        let f = ok(&latin);
        assert_eq!(f.encoding, Encoding::Latin1);
        assert_eq!(f.warnings, vec![SieWarning::Latin1]);
        assert!(f.objects.iter().any(|o| o == "SÖN"));
    }

    #[test]
    fn broken_and_non_calendar_fiscal_years_are_warnings() {
        let text = "#FLAGGA 0\n#SIETYP 4\n#RAR 0  \n#RAR -1 2024 x\n#VER A 1 20250101 x\n{\n#TRANS 1 {} 0\n}\n";
        let f = ok(text.as_bytes());
        assert_eq!(f.fiscal_year, None);
        assert_eq!(
            f.warnings,
            vec![
                SieWarning::BrokenFiscalYear { line: 3 },
                SieWarning::BrokenFiscalYear { line: 4 }
            ]
        );
        let text = "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250701 20260630\n";
        let f = ok(text.as_bytes());
        let fy = FiscalYear {
            start: 20250701,
            end: 20260630,
        };
        assert_eq!(f.fiscal_year, Some(fy));
        assert_eq!(f.warnings, vec![SieWarning::NonCalendarFiscalYear(fy)]);
        assert_eq!(fy.start_year(), 2025);
    }

    #[test]
    fn vouchers_count_by_the_year_of_their_date() {
        let f = after_head(
            "#VER A 1 20241231 x\n{\n#TRANS 5110 {} 1\n#TRANS 1930 {} -1\n}\n#VER A 2 20250101 x\n{\n#TRANS 5110 {} 2\n#TRANS 1930 {} -2\n}\n",
        );
        assert_eq!(sum(&f, 2024, 5110, None, None), 100);
        assert_eq!(sum(&f, 2025, 5110, None, None), 200);
        assert_eq!(f.voucher_years, vec![(2024, 1), (2025, 1)]);
    }

    #[test]
    fn amounts_are_exact_in_ore() {
        assert_eq!(parse_ore(b"-1234.5"), Some(-123_450));
        assert_eq!(parse_ore(b"1234,56"), Some(123_456));
        assert_eq!(parse_ore(b"5"), Some(500));
        assert_eq!(parse_ore(b".5"), Some(50));
        assert_eq!(parse_ore(b"0.010"), Some(1));
        assert_eq!(parse_ore(b"0.015"), None);
        assert_eq!(parse_ore(b"1e3"), None);
        assert_eq!(parse_ore(b"-"), None);
        assert_eq!(parse_ore(b"."), None);
        assert_eq!(parse_ore(b"99999999999999999"), None);
        assert_eq!(
            parse_ore(b"9999999999999999.99"),
            Some(999_999_999_999_999_999)
        );
    }

    #[test]
    fn block_on_the_ver_line_and_an_empty_voucher() {
        let f = after_head(
            "#VER A 1 20250101 x {\n#TRANS 5110 {} 1\n#TRANS 1930 {} -1\n}\n#VER A 2 20250102 \"tom\"\n#VER A 3 20250103 x\n{ }\n",
        );
        assert_eq!(f.vouchers, 2);
        assert_eq!(f.rows, 2);
    }

    #[test]
    fn other_types_are_refused() {
        for t in ["1", "2", "3"] {
            let text = format!("#FLAGGA 0\n#SIETYP {t}\n#RAR 0 20250101 20251231\n");
            let e = read(text.as_bytes()).unwrap_err();
            assert_eq!(
                e,
                SieReadError::NotType4 {
                    sie_type: t.to_string()
                }
            );
            assert_eq!(
                e.english(),
                format!(
                    "the SIE file is of type {t} and holds no vouchers; actual figures need a type 4 file (4E or 4I) with vouchers"
                )
            );
        }
    }

    #[test]
    fn an_unbalanced_voucher_is_refused_by_series_number_and_line() {
        let text = format!(
            "{HEAD}#VER A 1 20250101 x\n{{\n#TRANS 5110 {{}} 1\n#TRANS 1930 {{}} -1\n}}\n#VER B 17 20250102 x\n{{\n#TRANS 5110 {{}} 12899.00\n#TRANS 1930 {{}} -128.00\n}}\n"
        );
        let e = read(text.as_bytes()).unwrap_err();
        assert_eq!(
            e,
            SieReadError::Unbalanced {
                series: "B".into(),
                number: "17".into(),
                line: 12,
                ore: 1_277_100
            }
        );
        assert_eq!(
            e.english(),
            "voucher B 17 on line 12 does not balance: its rows sum to SEK 12,771.00"
        );
        assert_eq!(
            e.swedish(),
            "verifikation B 17 på rad 12 balanserar inte: raderna summerar till 12\u{a0}771,00 kr"
        );
    }

    #[test]
    fn what_is_not_sie_is_refused() {
        for text in [
            &b""[..],
            b"   \n\n",
            b"<!DOCTYPE HTML>\n<html>#FLAGGA 0</html>\n",
            b"PK\x03\x04\x00\x00binary",
            b"#\x00\x00\x00",
            b"#RUBRIK bara text\n",
            b"Konto;Belopp\n1930;100\n",
        ] {
            assert_eq!(read(text), Err(SieReadError::NotSie), "{text:?}");
        }
    }

    #[test]
    fn a_truncated_file_is_refused() {
        let text = format!("{HEAD}#VER A 41 20250101 x\n{{\n#TRANS 5110 {{}} 1\n#TRA");
        let e = read(text.as_bytes()).unwrap_err();
        // The cut line is read first: "#TRA" is an unknown label, then the file ends.
        assert_eq!(
            e,
            SieReadError::Truncated {
                series: "A".into(),
                number: "41".into(),
                line: 7
            }
        );
        let text = format!("{HEAD}#VER A 41 20250101 x\n");
        assert!(matches!(
            read(text.as_bytes()),
            Err(SieReadError::Truncated { .. })
        ));
    }

    #[test]
    fn a_file_over_512_mib_is_refused() {
        let e = SieReadError::TooLarge {
            bytes: 600 * 1024 * 1024,
        };
        assert_eq!(
            e.english(),
            "the SIE file is 600 MiB, larger than the 512 MiB Sif reads"
        );
    }

    #[test]
    fn malformed_rows_are_refused_with_their_line() {
        for (row, problem) in [
            ("#TRANS 5110 {} 12x", Problem::Amount("12x".into())),
            ("#TRANS konto {} 1", Problem::Account("konto".into())),
            ("#TRANS 5110 {6} 1", Problem::ObjectList),
            ("#TRANS 5110 {x \"P1\"} 1", Problem::Dimension("x".into())),
            ("#TRANS 5110 {6 \"P1\" 1", Problem::ObjectList),
            ("#TRANS 5110 {}", Problem::Amount(String::new())),
        ] {
            let text = format!("{HEAD}#VER A 1 20250101 x\n{{\n{row}\n}}\n");
            assert_eq!(
                read(text.as_bytes()),
                Err(SieReadError::Malformed { line: 9, problem }),
                "{row}"
            );
        }
        let text = format!("{HEAD}#TRANS 5110 {{}} 1\n");
        assert_eq!(
            read(text.as_bytes()),
            Err(SieReadError::Malformed {
                line: 7,
                problem: Problem::TransOutsideVoucher
            })
        );
        let text = format!("{HEAD}#VER A 1 2025-01-01 x\n");
        assert_eq!(
            read(text.as_bytes()),
            Err(SieReadError::Malformed {
                line: 7,
                problem: Problem::Date("2025-01-01".into())
            })
        );
        let text = format!("{HEAD}}}\n");
        assert!(matches!(
            read(text.as_bytes()),
            Err(SieReadError::Malformed {
                problem: Problem::StrayBrace,
                ..
            })
        ));
    }

    #[test]
    fn sums_beyond_any_books_are_refused_not_wrapped() {
        let mut text = format!("{HEAD}#VER A 1 20250101 x\n{{\n");
        for _ in 0..10_001 {
            text.push_str("#TRANS 7890 {6 P1} 9999999999999999.99\n");
        }
        text.push_str("}\n");
        assert_eq!(
            read(text.as_bytes()),
            Err(SieReadError::Overflow { line: 10_009 })
        );
    }

    #[test]
    fn a_file_without_sietyp_but_with_vouchers_is_read_with_a_warning() {
        let text = "#FLAGGA 0\n#VER A 1 20250101 x\n{\n#TRANS 5110 {} 1\n#TRANS 1930 {} -1\n}\n";
        let f = ok(text.as_bytes());
        assert!(f.warnings.contains(&SieWarning::NoSieType));
    }

    #[test]
    fn lines_that_are_no_records_are_skipped_with_a_warning() {
        let text = format!("{HEAD}skrap\n\n  \nmer skrap\n");
        let f = ok(text.as_bytes());
        assert_eq!(
            f.warnings,
            vec![SieWarning::SkippedLines { count: 2, first: 7 }]
        );
    }
}
