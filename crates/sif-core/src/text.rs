//! Text from a fund file on its way out: control characters and bidirectional overrides made
//! visible, so that a name can never drive a terminal (`ESC]0;…`, `ESC[2J`), hide a NUL in a
//! CSV cell, or reorder what a report shows (docs/safety.md §4).
//!
//! Such characters are a validation error in codes and a warning in names and notes
//! (`validate`); these functions are for every text output, since a fund with warnings is
//! still shown and exported.

use std::borrow::Cow;

use crate::money::{Money, format_en, format_sv};

/// Whether a character is invisible in a way that can mislead: a control character (C0, DEL,
/// C1) or a bidirectional formatting character (embeddings, overrides, isolates and marks,
/// the characters of "Trojan Source").
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Escape every [`is_hidden_control`] character as `\u{1b}`, except line feed, tab and a
/// carriage return that ends a line (CRLF), which texts and CSV files hold on purpose. For
/// terminal text, CSV cells and error messages.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    escape_with(text, true)
}

/// Like [`escape_controls`], but line feeds, tabs and carriage returns are escaped too: for a
/// text that must stay on one line, such as a code or name inside a sentence.
pub fn escape_all_controls(text: &str) -> Cow<'_, str> {
    escape_with(text, false)
}

fn escape_with(text: &str, keep_layout: bool) -> Cow<'_, str> {
    let needs = |i: usize, c: char| {
        is_hidden_control(c)
            && !(keep_layout
                && (c == '\n' || c == '\t' || (c == '\r' && text[i + 1..].starts_with('\n'))))
    };
    if !text.char_indices().any(|(i, c)| needs(i, c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (i, c) in text.char_indices() {
        if needs(i, c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Escape the [`is_hidden_control`] characters that a JSON serialiser leaves raw (DEL, C1, the
/// bidirectional ones; serde_json already escapes C0) as JSON's own `\u202e`. The result is
/// the same JSON value, safe to print on a terminal.
pub fn escape_json_controls(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_hidden_control) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        // Raw C0 never occurs in serde_json's output (JSON forbids it); line feeds between
        // tokens of pretty output are layout.
        if is_hidden_control(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A decimal number (a rate) for a text: `-0` is written `0`, and a number too large or too
/// small to read in plain digits in exponent form (`1e308`, never 309 digits). Non-finite
/// values as Rust writes them (`NaN`, `inf`).
pub fn decimal(x: f64) -> String {
    if x == 0.0 {
        "0".to_string()
    } else if x.is_finite() && (x.abs() >= 1e6 || x.abs() < 1e-4) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_visible_and_layout_is_kept() {
        assert_eq!(
            escape_controls("a\u{1b}]0;x\u{7}b\u{202e}c\u{0}"),
            "a\\u{1b}]0;x\\u{7}b\\u{202e}c\\u{0}"
        );
        assert_eq!(
            escape_controls("rad 1\r\nrad 2\tx\n"),
            "rad 1\r\nrad 2\tx\n"
        );
        assert_eq!(escape_controls("a\rb"), "a\\u{d}b");
        assert_eq!(escape_all_controls("P\t1\n"), "P\\u{9}1\\u{a}");
        assert!(matches!(escape_controls("Åsen"), Cow::Borrowed(_)));
    }

    #[test]
    fn decimals_are_short_and_never_minus_zero() {
        assert_eq!(decimal(-0.0), "0");
        assert_eq!(decimal(3.5), "3.5");
        assert_eq!(decimal(1e308), "1e308");
        assert_eq!(decimal(-2.5e-7), "-2.5e-7");
        assert_eq!(decimal(f64::NAN), "NaN");
    }

    #[test]
    fn json_stays_json() {
        let json = serde_json::to_string(&"x\u{9b}y\u{202e}z\u{1b}").unwrap();
        let safe = escape_json_controls(&json);
        assert!(!safe.chars().any(is_hidden_control), "{safe}");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "x\u{9b}y\u{202e}z\u{1b}");
    }
}

/// The language Sif speaks: in the app, the printable report, the workbook and the command
/// line's reports. Swedish is the default: most users are Swedish finance officers.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    /// Swedish: `1 234 567`, `−5 000`, decimal comma.
    #[default]
    Sv,
    /// English: `1,234,567`, `-5,000`, decimal point.
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The language's own name, as the language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Sv => "Svenska",
            Lang::En => "English",
        }
    }

    pub fn is_sv(self) -> bool {
        self == Lang::Sv
    }

    /// A text of a table of texts (the app's `T`) in this language.
    pub fn t<K: Text>(self, key: K) -> &'static str {
        key.get(self)
    }

    /// A word (or words) in the singular when `one`, else in the plural, in this language:
    /// `lang.plural(n == 1, ["insats", "insatser"], ["initiative", "initiatives"])`.
    pub fn plural<'a>(self, one: bool, sv: [&'a str; 2], en: [&'a str; 2]) -> &'a str {
        let [singular, plural] = match self {
            Lang::Sv => sv,
            Lang::En => en,
        };
        if one { singular } else { plural }
    }

    /// The Swedish or the English text.
    pub fn pick<'a>(self, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// The language code for `<html lang>`.
    pub fn code(self) -> &'static str {
        self.pick("sv", "en")
    }

    /// An amount without the unit, formatted the way the language writes numbers.
    pub fn money(self, m: Money) -> String {
        match self {
            Lang::Sv => format_sv(m),
            Lang::En => format_en(m),
        }
    }

    /// A ratio with two decimals (the benefit-cost ratio).
    pub fn ratio(self, x: f64) -> String {
        let s = format!("{x:.2}");
        match self {
            Lang::Sv => s.replace('.', ",").replace('-', "\u{2212}"),
            Lang::En => s,
        }
    }

    /// A whole percentage: `50 %` in Swedish (with a no-break space), `50%` in English.
    pub fn percent(self, p: impl std::fmt::Display) -> String {
        match self {
            Lang::Sv => format!("{p}\u{a0}%"),
            Lang::En => format!("{p}%"),
        }
    }

    /// A decimal number as the language writes it (`3,5` or `3.5`).
    pub fn decimal(self, x: f64) -> String {
        let s = crate::text::decimal(x);
        match self {
            Lang::Sv => s.replace('.', ",").replace('-', "\u{2212}"),
            Lang::En => s,
        }
    }

    /// A list of items: `a, b och c` / `a, b and c`.
    pub fn list(self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.pick("och", "and")),
        }
    }
}

/// A table of texts in both languages (the app's `T`): `lang.t(key)` gives one.
pub trait Text {
    fn get(self, lang: Lang) -> &'static str;
}

/// `sv_en!(lang, "år {year}", "year {year}")`: a text with values, in Swedish or English, for a
/// face's text module (the values are the format strings' own captures).
#[macro_export]
macro_rules! sv_en {
    ($lang:expr, $sv:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::text::Lang::Sv => format!($sv),
            $crate::text::Lang::En => format!($en),
        }
    };
}

/// The keys of a table of texts that are empty (or only spaces) in some language. Each face's
/// table has a test that this is empty.
pub fn missing<K: Text + Copy>(keys: &[K]) -> Vec<K> {
    keys.iter()
        .copied()
        .filter(|&k| Lang::ALL.iter().any(|&l| k.get(l).trim().is_empty()))
        .collect()
}

/// A table of texts in both languages, one per face of Sif (the report, the workbook, the
/// command line): `texts! { pub enum ReportText { Key => "sv", "en"; … } }` makes the enum, its
/// [`Text`] implementation, `get` and `ALL` (every key, for the test that both languages are
/// there), so that `lang.t(ReportText::Key)` gives the text.
#[macro_export]
macro_rules! texts {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($key:ident => $sv:literal, $en:literal;)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name { $($key,)* }

        impl $crate::text::Text for $name {
            fn get(self, lang: $crate::text::Lang) -> &'static str {
                $name::get(self, lang)
            }
        }

        impl $name {
            /// Every text, for the test that checks both languages are present.
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[$($name::$key,)*];

            /// The text in that language.
            pub fn get(self, lang: $crate::text::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        ($name::$key, $crate::text::Lang::Sv) => $sv,
                        ($name::$key, $crate::text::Lang::En) => $en,
                    )*
                }
            }
        }
    };
}

/// The CSV flavour of every CSV Sif writes.
/// - [`CsvDialect::Rfc4180`] (default): `,` separators, `.` decimal point, CR LF line ends,
///   UTF-8 without a byte-order mark.
/// - [`CsvDialect::Swedish`]: `;` separators, decimal commas, CR LF, and a UTF-8 byte-order mark
///   so that Swedish Excel and LibreOffice open the file as UTF-8 with the columns right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvDialect {
    #[default]
    Rfc4180,
    Swedish,
}

impl CsvDialect {
    /// The field separator.
    pub fn separator(self) -> char {
        match self {
            CsvDialect::Rfc4180 => ',',
            CsvDialect::Swedish => ';',
        }
    }

    /// The decimal separator.
    pub fn decimal(self) -> char {
        match self {
            CsvDialect::Rfc4180 => '.',
            CsvDialect::Swedish => ',',
        }
    }
}

/// A cell that a spreadsheet would take for a formula (it begins with `=`, `+`, `-`, `@`, a tab
/// or a carriage return) made inert with a leading apostrophe (`'=SUM(A1)`), so that it is shown
/// as text instead of run.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A plain number as Sif writes one (`-1250`, `12.5`, `12,5`): never a formula.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let mut parts = digits.splitn(2, ['.', ',']);
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// The one CSV writer (the `csv` crate) behind every CSV Sif writes: the journal, the trial
/// balance, the reports of the command line and the app's repayment schedule. Every text cell
/// has its control characters escaped ([`escape_controls`]) and a formula made inert
/// ([`neutralise`]); quoting follows RFC 4180 §2 (a cell with the separator, a quote, CR or LF
/// is quoted, quotes inside doubled); records end in CR LF.
pub struct CsvWriter {
    w: csv::Writer<Vec<u8>>,
}

impl CsvWriter {
    /// A writer of `dialect`; the Swedish dialect starts with a byte-order mark.
    pub fn new(dialect: CsvDialect) -> CsvWriter {
        CsvWriter::with_capacity(dialect, 0)
    }

    /// Like [`CsvWriter::new`], with room for `bytes` of output.
    pub fn with_capacity(dialect: CsvDialect, bytes: usize) -> CsvWriter {
        let mut out = Vec::with_capacity(bytes + 3);
        if dialect == CsvDialect::Swedish {
            out.extend_from_slice("\u{feff}".as_bytes());
        }
        let w = csv::WriterBuilder::new()
            .delimiter(dialect.separator() as u8)
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .flexible(true)
            .from_writer(out);
        CsvWriter { w }
    }

    /// A text cell: control characters escaped, a formula made inert.
    pub fn text(&mut self, cell: &str) {
        let cell = escape_controls(cell);
        self.raw(&neutralise(&cell));
    }

    /// A cell Sif formats itself: a plain number is written as it is; anything else is treated
    /// as [`CsvWriter::text`].
    pub fn cell(&mut self, cell: &str) {
        if is_plain_number(cell) {
            self.raw(cell);
        } else {
            self.text(cell);
        }
    }

    /// A number.
    pub fn number(&mut self, n: impl std::fmt::Display) {
        self.raw(&n.to_string());
    }

    /// An empty cell.
    pub fn empty(&mut self) {
        self.raw("");
    }

    fn raw(&mut self, cell: &str) {
        // Writing into a Vec cannot fail.
        let _ = self.w.write_field(cell);
    }

    /// End the record.
    pub fn end_record(&mut self) {
        let _ = self.w.write_record(None::<&[u8]>);
    }

    /// A whole record of cells as [`CsvWriter::cell`] writes them.
    pub fn record<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for c in cells {
            self.cell(c.as_ref());
        }
        self.end_record();
    }

    /// A whole record of text cells, as [`CsvWriter::text`] writes them (a heading row).
    pub fn text_record<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for c in cells {
            self.text(c.as_ref());
        }
        self.end_record();
    }

    /// The bytes written (UTF-8).
    pub fn into_bytes(self) -> Vec<u8> {
        // Flushing into a Vec cannot fail.
        self.w.into_inner().unwrap_or_default()
    }

    /// The text written.
    pub fn into_string(self) -> String {
        // Only UTF-8 text is ever written.
        String::from_utf8(self.into_bytes()).unwrap_or_default()
    }
}

#[cfg(test)]
mod csv_tests {
    use super::*;

    #[test]
    fn one_writer_quotes_escapes_and_neutralises() {
        let mut w = CsvWriter::new(CsvDialect::Rfc4180);
        w.text_record(["a", "b,c", "say \"hi\"", "=SUM(A1)", "-5", "x\u{1b}y"]);
        w.record(["-1250", "12.5", "+46", "-5+A1", ""]);
        assert_eq!(
            w.into_string(),
            "a,\"b,c\",\"say \"\"hi\"\"\",'=SUM(A1),'-5,x\\u{1b}y\r\n-1250,12.5,'+46,'-5+A1,\r\n"
        );
        let mut w = CsvWriter::new(CsvDialect::Swedish);
        w.record(["12,5", "a;b", "@x"]);
        assert_eq!(w.into_string(), "\u{feff}12,5;\"a;b\";'@x\r\n");
    }
}
