//! What the fuzz targets check for one input, shared by the targets in `fuzz/fuzz_targets/` and
//! by `tests/fuzz_regressions.rs`, which runs every finding and seed through the same checks in
//! `cargo test` — one crate on both sides, so the two can never drift apart.

pub mod amounts;
pub mod engine_mutations;
pub mod recovery;
pub mod sie;

use sif::engine::{EngineError, Options, project};
use sif::ledger::{self, cp437, csv::CsvDialect, sie::SieOptions};
use sif::model::{Fund, Scenario};
use sif::{store, validate};

/// Project `fund` under the base scenario and each of its own, with and without proposed
/// initiatives, and read every initiative's totals and arrears from each projection (the
/// sums a panic or an overflow would hide in). Returns the engine's refusals, if any.
pub fn project_every_way(fund: &Fund) -> Vec<EngineError> {
    let mut refused = Vec::new();
    let mut scenarios = vec![Scenario::base()];
    scenarios.extend(fund.scenarios.iter().cloned());
    for scenario in scenarios {
        for include_proposed in [false, true] {
            let options = Options {
                scenario: scenario.clone(),
                include_proposed,
            };
            match project(fund, &options) {
                Ok(p) => {
                    for i in &p.initiatives {
                        let _ = (
                            i.total_repaid(),
                            i.total_savings(),
                            i.total_planned_repayment(),
                        );
                        for f in &i.repayments {
                            let _ = f.arrears(p.closed_years);
                        }
                    }
                }
                Err(e) => refused.push(e),
            }
        }
    }
    refused
}

/// What the fuzz target does with one input. Returns whether the input loaded.
pub fn load_validate_project(data: &[u8]) -> bool {
    let Ok(fund) = store::parse_bytes(data, "fuzz.ron") else {
        return false;
    };
    let report = validate::validate(&fund);
    let _ = report.has_errors();
    // A fund with errors may refuse to project; that it does not panic is the check here.
    let _ = project_every_way(&fund);
    let text = store::to_ron_string(&fund).unwrap();
    let again = store::parse_str(&text, "again.ron")
        .unwrap_or_else(|e| panic!("Sif cannot read what it wrote: {e}\n{text}"));
    if !fund.discount_rate.is_nan() {
        // Sif saves every file as the newest format, without format 1's bank (SPEC §3.2).
        let mut expected = fund.clone();
        expected.format = sif::model::FORMAT_VERSION;
        expected.accounts.format1_bank = None;
        assert_eq!(again, expected, "round trip changed the fund");
    }
    true
}

/// The cells of RFC 4180 text (quoted cells may hold separators, quotes and newlines).
pub fn csv_cells(text: &str, sep: char) -> Vec<String> {
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

/// What the `exports` fuzz target does with one input. Returns how many exports were checked.
pub fn exports(data: &[u8]) -> usize {
    let Ok(fund) = store::parse_bytes(data, "fuzz.ron") else {
        return 0;
    };
    if validate::validate(&fund).has_errors() {
        return 0;
    }
    let mut checked = 0;
    let mut scenarios = vec![Scenario::base()];
    scenarios.extend(fund.scenarios.iter().cloned());
    for scenario in scenarios {
        let options = Options {
            scenario,
            include_proposed: true,
        };
        let Ok(projection) = project(&fund, &options) else {
            return checked;
        };
        let Ok(journal) = ledger::journal(&fund, &projection) else {
            return checked;
        };
        let mut years: Vec<Option<i32>> = journal.years().map(Some).collect();
        years.push(None);
        for year in years {
            let sie = SieOptions {
                generated_on: "2025-11-26".to_string(),
                year,
                year_end_only: false,
            };
            let mut files = vec![ledger::sie::sie4i(&journal, &sie)];
            if let Some(y) = year
                && let Ok(budget) = ledger::budget::budget(&fund, &projection, y)
            {
                files.push(ledger::sie::sie4e(&journal, &budget, &sie));
            }
            for bytes in files.into_iter().flatten() {
                let text = cp437::decode(&bytes);
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
                checked += 1;
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
                    checked += 1;
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
                checked += 1;
            }
        }
    }
    checked
}
