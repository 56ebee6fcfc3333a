//! Excel in and out: the reports as one workbook ([`export`]), and the initiatives template an
//! applicant fills in ([`template`]) with its import back into a fund ([`import`]).
//!
//! Workbooks are written with `rust_xlsxwriter` and read with `calamine`; nothing here does
//! file I/O except through the bytes the caller hands over, so the app and the command line
//! decide where files go. The template's layout (sheets, columns, list values) is defined once,
//! below, and both the writer and the reader follow it, so they cannot drift apart.

pub mod export;
pub mod import;
pub mod template;
pub mod text;

use crate::model::{CostKind, Fund};

/// Amounts in whole kronor, grouped by the reader's locale (a space in Swedish Excel and
/// LibreOffice, which shows the format as `# ##0 "kr"`), negative amounts in red. Format codes
/// are stored in the file in the neutral (English) notation, where `,` means "group digits".
pub const KRONA_FORMAT: &str = "#,##0 \"kr\";[Red]-#,##0 \"kr\";0 \"kr\"";

/// Rows the import reads from one sheet at most; beyond that the file is refused (no
/// application has ten thousand cost rows, and a bound keeps memory and time small).
pub const MAX_ROWS: u32 = 10_000;

/// Bytes of a workbook or CSV file the import reads at most.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

/// How a template column is read and formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    Year,
    Money,
    Percent,
    Count,
    YesNo,
}

/// One column of a template sheet: its heading in both languages and what it holds.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub sv: &'static str,
    pub en: &'static str,
    pub kind: ColumnKind,
    pub width: f64,
}

impl Column {
    /// The heading as written in the template: `År / Year`.
    pub fn heading(&self) -> String {
        format!("{} / {}", self.sv, self.en)
    }

    /// Whether a heading cell's text is this column's heading, in either language.
    pub fn matches(&self, text: &str) -> bool {
        let t = text.trim();
        let norm = |s: &str| s.trim().to_lowercase();
        norm(t) == norm(&self.heading())
            || norm(t) == norm(self.sv)
            || norm(t) == norm(self.en)
            || t.split(" / ")
                .next()
                .is_some_and(|sv| norm(sv) == norm(self.sv))
    }
}

const fn col(sv: &'static str, en: &'static str, kind: ColumnKind, width: f64) -> Column {
    Column {
        sv,
        en,
        kind,
        width,
    }
}

/// A data sheet of the template.
#[derive(Debug, Clone, Copy)]
pub struct SheetSpec {
    /// The sheet's name in the template (Swedish).
    pub sv: &'static str,
    /// An English name the import accepts as well.
    pub en: &'static str,
    pub columns: &'static [Column],
}

impl SheetSpec {
    pub fn matches(&self, name: &str) -> bool {
        let n = name.trim();
        n.eq_ignore_ascii_case(self.sv) || n.eq_ignore_ascii_case(self.en)
    }
}

use ColumnKind::{Count, Money as MoneyCol, Percent, Text, Year, YesNo};

/// `Insatser`: one row per initiative.
pub const INITIATIVES: SheetSpec = SheetSpec {
    sv: "Insatser",
    en: "Initiatives",
    columns: &[
        col("Kod", "Code", Text, 10.0),
        col("Namn", "Name", Text, 40.0),
        col("Ägare", "Owner", Text, 28.0),
        col("Återföring", "Repayment", Text, 22.0),
        col("Andel %", "Share %", Percent, 12.0),
        col("Startår", "Start year", Year, 14.0),
        col("Delbetalningar", "Instalments", Count, 20.0),
        col("Tak %", "Cap %", Percent, 12.0),
        col("Anteckning", "Note", Text, 40.0),
    ],
};

/// `Kostnader`: cost rows.
pub const COSTS: SheetSpec = SheetSpec {
    sv: "Kostnader",
    en: "Costs",
    columns: &[
        col("Insats", "Initiative", Text, 40.0),
        col("År", "Year", Year, 10.0),
        col("Slag", "Kind", Text, 18.0),
        col("Från fonden", "Fund", MoneyCol, 20.0),
        col("Egen budget", "Own budget", MoneyCol, 20.0),
    ],
};

/// `Besparingar`: expected savings, an amount per year from..=to.
pub const SAVINGS: SheetSpec = SheetSpec {
    sv: "Besparingar",
    en: "Savings",
    columns: &[
        col("Insats", "Initiative", Text, 40.0),
        col("Aktör", "Actor", Text, 28.0),
        col("Från år", "From year", Year, 12.0),
        col("Till år", "To year", Year, 12.0),
        col("Belopp per år", "Amount per year", MoneyCol, 22.0),
        col("Hämtbar", "Cashable", YesNo, 14.0),
        // The adjusted appraisal's estimates (SPEC §4.7); empty means none.
        col("Dödvikt %", "Deadweight %", Percent, 14.0),
        col("Tillskrivning %", "Attribution %", Percent, 16.0),
        col("Avtagande %", "Drop-off %", Percent, 14.0),
        col("Optimism %", "Optimism bias %", Percent, 16.0),
        col("Låg %", "Low %", Percent, 10.0),
        col("Hög %", "High %", Percent, 10.0),
    ],
};

/// `Återbetalare`: the payers of a fixed repayment and their weights.
pub const PAYERS: SheetSpec = SheetSpec {
    sv: "Återbetalare",
    en: "Payers",
    columns: &[
        col("Insats", "Initiative", Text, 40.0),
        col("Betalare", "Payer", Text, 28.0),
        col("Vikt %", "Weight %", Percent, 12.0),
    ],
};

/// The data sheets, in the order of the template.
pub const DATA_SHEETS: [SheetSpec; 4] = [INITIATIVES, COSTS, SAVINGS, PAYERS];

/// The instructions sheet (ignored by the import) and the hidden sheet of list values.
pub const INSTRUCTIONS_SHEET: &str = "Instruktioner";
pub const LISTS_SHEET: &str = "Listor";

/// The repayment types as the template lists them.
pub const REPAYMENT_GRANT: &str = "Bidrag";
pub const REPAYMENT_FIXED: &str = "Fast";
pub const REPAYMENT_FROM_SAVINGS: &str = "Ur besparingar";
pub const REPAYMENT_TYPES: [&str; 3] = [REPAYMENT_GRANT, REPAYMENT_FIXED, REPAYMENT_FROM_SAVINGS];

/// The repayment type a cell names, in Swedish or English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepaymentType {
    Grant,
    Fixed,
    FromSavings,
}

impl RepaymentType {
    pub fn parse(text: &str) -> Option<RepaymentType> {
        let t: String = text
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        match t.as_str() {
            "bidrag" | "grant" | "ingenåterföring" | "ingen" => Some(RepaymentType::Grant),
            "fast" | "fixed" | "faståterbetalning" | "fastbelopp" => Some(RepaymentType::Fixed),
            "urbesparingar" | "frånbesparingar" | "fromsavings" | "besparingar" => {
                Some(RepaymentType::FromSavings)
            }
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RepaymentType::Grant => REPAYMENT_GRANT,
            RepaymentType::Fixed => REPAYMENT_FIXED,
            RepaymentType::FromSavings => REPAYMENT_FROM_SAVINGS,
        }
    }
}

/// The cost kinds as the template lists them (Swedish), in SPEC order.
pub const KIND_LABELS: [&str; 3] = ["Personal", "Tjänster", "Övrigt"];

pub fn kind_label(kind: CostKind) -> &'static str {
    KIND_LABELS[kind.index()]
}

/// The cost kind a cell names, in Swedish or English.
pub fn parse_kind(text: &str) -> Option<CostKind> {
    match text.trim().to_lowercase().as_str() {
        "personal" | "staff" | "lön" | "löner" => Some(CostKind::Staff),
        "tjänster" | "köpta tjänster" | "services" | "tjänst" => Some(CostKind::Services),
        "övrigt" | "övriga" | "other" | "annat" => Some(CostKind::Other),
        _ => None,
    }
}

pub const YES: &str = "Ja";
pub const NO: &str = "Nej";

/// Yes or no as people write it; `None` when it is neither.
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "ja" | "j" | "yes" | "y" | "x" | "1" | "sant" | "true" => Some(true),
        "nej" | "n" | "no" | "0" | "falskt" | "false" | "" => Some(false),
        _ => None,
    }
}

/// How an actor appears in the template's lists: `SN – Socialnämnden`.
pub fn actor_label(code: &str, name: &str) -> String {
    format!("{code} – {name}")
}

/// The actor a cell names: its code, its list label `CODE – Name`, or its name.
pub fn find_actor(fund: &Fund, text: &str) -> Option<usize> {
    let t = text.trim();
    let code = t.split(" – ").next().unwrap_or(t).trim();
    fund.actors
        .iter()
        .position(|a| a.code == code)
        .or_else(|| {
            fund.actors
                .iter()
                .position(|a| a.code.eq_ignore_ascii_case(t))
        })
        .or_else(|| {
            fund.actors
                .iter()
                .position(|a| a.name.trim().eq_ignore_ascii_case(t))
        })
}

/// The spreadsheet name of a 0-based column: 0 → `A`, 26 → `AA`.
pub fn column_name(col: u32) -> String {
    let mut n = col + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_follow_the_spreadsheet() {
        for (index, name) in [
            (0, "A"),
            (2, "C"),
            (25, "Z"),
            (26, "AA"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_name(index), name);
        }
    }

    #[test]
    fn labels_read_back_in_both_languages() {
        for t in [
            RepaymentType::Grant,
            RepaymentType::Fixed,
            RepaymentType::FromSavings,
        ] {
            assert_eq!(RepaymentType::parse(t.label()), Some(t));
        }
        assert_eq!(
            RepaymentType::parse("From savings"),
            Some(RepaymentType::FromSavings)
        );
        for k in CostKind::ALL {
            assert_eq!(parse_kind(kind_label(k)), Some(k));
        }
        assert_eq!(parse_kind("Services"), Some(CostKind::Services));
        assert_eq!(parse_yes_no("Ja"), Some(true));
        assert_eq!(parse_yes_no("nej"), Some(false));
        assert_eq!(parse_yes_no("kanske"), None);
        assert!(COSTS.columns[1].matches("År / Year"));
        assert!(COSTS.columns[1].matches("year"));
        assert!(!COSTS.columns[1].matches("Belopp"));
    }
}
