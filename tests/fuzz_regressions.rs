//! The fuzzers' findings and seeds, kept as tests (docs/safety.md, `fuzz/`): every file in
//! `tests/fuzz_regressions/` (inputs that once crashed or hung a fuzz target, and hand-made
//! edge cases) and every seed in `fuzz/corpus/load_validate_project/` goes through what the
//! `load_validate_project` target does — parse, validate, project every scenario with and
//! without proposed initiatives, write back and read again — and must not panic.

use std::path::{Path, PathBuf};

use sif::engine::{Options, project};
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
    }
}

#[test]
fn fuzz_seeds_load_and_compute() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/load_validate_project");
    let files = files_in(&dir);
    assert!(files.len() >= 3);
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
