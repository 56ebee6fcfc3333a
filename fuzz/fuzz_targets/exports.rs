//! Any bytes as a fund file; if it parses and validates, every export of every year and of the
//! whole horizon, for the base and every scenario: SIE 4I and 4E, CSV in both dialects, the
//! hledger journal. Nothing may panic, and no export may be turned against its reader:
//! - every SIE line is a record (`#…`, indented inside a voucher) or a brace, so no text
//!   field broke a record;
//! - no CSV cell starts with a character a spreadsheet takes for a formula;
//! - every hledger line is a directive, a transaction header, a comment or indented.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sif::engine::{Options, project};
use sif::ledger::{self, cp437, csv::CsvDialect, sie::SieOptions};
use sif::model::Scenario;
use sif::{store, validate};

/// The cells of RFC 4180 text (quoted cells may hold separators, quotes and newlines).
fn csv_cells(text: &str, sep: char) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, c) if c == sep || c == '\n' => cells.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, c) => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

fuzz_target!(|data: &[u8]| {
    let Ok(fund) = store::parse_bytes(data, "fuzz.ron") else {
        return;
    };
    if validate::validate(&fund).has_errors() {
        return;
    }
    let mut scenarios = vec![Scenario::base()];
    scenarios.extend(fund.scenarios.iter().cloned());
    for scenario in scenarios {
        let options = Options {
            scenario,
            include_proposed: true,
        };
        let Ok(projection) = project(&fund, &options) else {
            return;
        };
        let Ok(journal) = ledger::journal(&fund, &projection) else {
            return;
        };
        let mut years: Vec<Option<i32>> = journal.years().map(Some).collect();
        years.push(None);
        for year in years {
            let sie = SieOptions {
                generated_on: "2025-11-26".to_string(),
                year,
            };
            for bytes in [
                ledger::sie::sie4i(&journal, &sie),
                ledger::sie::sie4e(&journal, &sie),
            ]
            .into_iter()
            .flatten()
            {
                let text = cp437::decode(&bytes);
                // Rows of a voucher are indented.
                for line in text
                    .split("\r\n")
                    .map(str::trim_start)
                    .filter(|l| !l.is_empty())
                {
                    assert!(
                        line.starts_with('#') || line == "{" || line == "}",
                        "a SIE line that is no record: {line:?}"
                    );
                }
            }
            for dialect in [CsvDialect::Rfc4180, CsvDialect::Swedish] {
                if let Ok(bytes) = ledger::csv::journal_csv(&journal, year, dialect) {
                    let text = String::from_utf8(bytes).unwrap();
                    let text = text.trim_start_matches('\u{feff}');
                    let sep = if dialect == CsvDialect::Swedish {
                        ';'
                    } else {
                        ','
                    };
                    for cell in csv_cells(text, sep) {
                        assert!(
                            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                            "a CSV cell a spreadsheet would run: {cell:?}"
                        );
                    }
                }
            }
            if let Ok(text) = ledger::hledger::journal_text(&journal, year) {
                for line in text.lines().filter(|l| !l.is_empty()) {
                    let ok = line.starts_with([' ', '\t', ';'])
                        || line.starts_with(|c: char| c.is_ascii_digit())
                        || ["account ", "tag ", "commodity ", "decimal-mark "]
                            .iter()
                            .any(|d| line.starts_with(d));
                    assert!(ok, "a journal line that is none of its kinds: {line:?}");
                }
            }
        }
    }
});
