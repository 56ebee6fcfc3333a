//! The fuzzers' findings and seeds, kept as tests (docs/safety.md, `fuzz/`). Every file in
//! `tests/fuzz_regressions/` (inputs that once crashed or hung a fuzz target, and hand-made
//! edge cases) and every seed in `fuzz/corpus/load_validate_project/` and
//! `fuzz/corpus/exports/` goes through what the `load_validate_project` target does — parse,
//! validate, project every scenario with and without proposed initiatives, write back and read
//! again — and must not panic; and through what the `exports` target does — every export of a
//! valid fund, none of which a text field may break or turn into a spreadsheet formula.

use std::path::{Path, PathBuf};

use sif::engine::{Options, project};
use sif::ledger::{self, cp437, csv::CsvDialect, sie::SieOptions};
use sif::model::Scenario;
use sif::{store, validate};

/// What the fuzz target does with one input. Returns whether the input loaded.
fn load_validate_project(data: &[u8]) -> bool {
    let Ok(fund) = store::parse_bytes(data, "fuzz.ron") else {
        return false;
    };
    let report = validate::validate(&fund);
    let _ = report.has_errors();
    let mut scenarios = vec![Scenario::base()];
    scenarios.extend(fund.scenarios.iter().cloned());
    for scenario in scenarios {
        for include_proposed in [false, true] {
            let options = Options {
                scenario: scenario.clone(),
                include_proposed,
            };
            if let Ok(p) = project(&fund, &options) {
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
        }
    }
    let text = store::to_ron_string(&fund).unwrap();
    let again = store::parse_str(&text, "again.ron")
        .unwrap_or_else(|e| panic!("Sif cannot read what it wrote: {e}\n{text}"));
    if !fund.discount_rate.is_nan() {
        assert_eq!(again, fund, "round trip changed the fund");
    }
    true
}

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

/// What the `exports` fuzz target does with one input. Returns how many exports were checked.
fn exports(data: &[u8]) -> usize {
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
            };
            for bytes in [
                ledger::sie::sie4i(&journal, &sie),
                ledger::sie::sie4e(&journal, &sie),
            ]
            .into_iter()
            .flatten()
            {
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

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "md"))
        .collect();
    v.sort();
    v
}

#[test]
fn fuzz_findings_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let files = files_in(&dir);
    assert!(!files.is_empty());
    for path in files {
        let data = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| load_validate_project(&data));
        assert!(result.is_ok(), "{} panics again", path.display());
        let result = std::panic::catch_unwind(|| exports(&data));
        assert!(result.is_ok(), "{} breaks an export again", path.display());
    }
}

#[test]
fn fuzz_seeds_load_and_compute() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut files = files_in(&root.join("load_validate_project"));
    files.extend(files_in(&root.join("exports")));
    assert!(files.len() >= 7);
    for path in files {
        let data = std::fs::read(&path).unwrap();
        // Seeds are whole, valid funds: the fuzzer starts from real files.
        assert!(load_validate_project(&data), "{}", path.display());
        let fund = store::parse_bytes(&data, "seed").unwrap();
        assert!(
            !validate::validate(&fund).has_errors(),
            "{}",
            path.display()
        );
        // Every export of every year, for every scenario.
        let n = exports(&data);
        assert!(n > 20, "{}: {n}", path.display());
    }
}

#[test]
fn instalments_after_the_horizon_are_outstanding_without_walking_them() {
    // 2 147 483 647 yearly instalments of a 1 000-krona repayment: the engine once walked
    // every one of them (minutes); now those after the horizon are summed at once.
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions/many-instalments.ron");
    let fund = store::load(&path).unwrap();
    let p = project(&fund, &Options::default()).unwrap();
    // floor(1000 / n) = 0 for the first n − 1 instalments; the last takes all 1 000 kronor,
    // far past the horizon.
    assert_eq!(p.schedule.rows, vec![]);
    assert_eq!(p.schedule.outstanding.len(), 1);
    assert_eq!(p.schedule.outstanding[0].amount, sif::Money(1000));
    // A count that fits the horizon partly: 4 instalments of 250 from 2026 in 2025–2027.
    let mut fund = fund;
    fund.initiatives[0].repayment = sif::model::Repayment::Fixed {
        share: 100,
        start: 2026,
        instalments: 4,
        payers: vec![sif::model::Payer {
            actor: "KS".to_string(),
            weight: 100,
        }],
    };
    let p = project(&fund, &Options::default()).unwrap();
    let planned: Vec<(i32, i64)> = p
        .schedule
        .rows
        .iter()
        .map(|r| (r.year, r.planned.0))
        .collect();
    assert_eq!(planned, vec![(2026, 250), (2027, 250)]);
    assert_eq!(p.schedule.outstanding[0].amount, sif::Money(500));
}
