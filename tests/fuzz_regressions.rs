//! The fuzzers' findings and seeds, kept as tests (docs/safety.md, `fuzz/`). Every file in
//! `tests/fuzz_regressions/` (inputs that once crashed or hung a fuzz target, and hand-made
//! edge cases) and every seed in `fuzz/corpus/load_validate_project/` and
//! `fuzz/corpus/exports/` goes through what the `load_validate_project` target does — parse,
//! validate, project every scenario with and without proposed initiatives, write back and read
//! again — and must not panic; and through what the `exports` target does — every export of a
//! valid fund, none of which a text field may break or turn into a spreadsheet formula.

use std::path::{Path, PathBuf};

use sif::engine::{Options, project};
use sif::{store, validate};

use sif_fuzz_checks::sie as sie_checks;
use sif_fuzz_checks::{exports, load_validate_project};

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
    fund.initiatives[0].repayment = sif::model::Repayment::Fixed(sif::model::FixedRepayment {
        share: 100,
        start: 2026,
        instalments: 4,
        payers: vec![sif::model::Payer {
            actor: "KS".to_string(),
            weight: 100,
        }],
    });
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

/// The `sie_read` target's seeds (whole SIE files that are read and mapped) and its hand-made
/// refusals (`tests/fuzz_regressions/sie/`) through the target's checks.
#[test]
fn sie_seeds_read_and_findings_are_refused_without_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = files_in(&root.join("fuzz/corpus/sie_read"));
    assert!(seeds.len() >= 5);
    for path in seeds {
        let data = std::fs::read(&path).unwrap();
        assert!(
            sie_checks::sie_read(&data),
            "{} is not read",
            path.display()
        );
    }
    let findings = files_in(&root.join("tests/fuzz_regressions/sie"));
    assert!(findings.len() >= 5);
    for path in findings {
        let data = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| sie_checks::sie_read(&data));
        assert_eq!(
            result.ok(),
            Some(false),
            "{} is not refused",
            path.display()
        );
    }
}

/// The other targets' seeds through the same checks the targets run (`sif_fuzz_checks`), so
/// that `cargo test` builds every target's logic and a seed that breaks one is found here.
#[test]
fn the_other_targets_seeds_pass_their_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let seeds = |target: &str| {
        let files = files_in(&root.join(target));
        assert!(!files.is_empty(), "{target} has no seeds");
        files
            .iter()
            .map(|p| std::fs::read(p).unwrap())
            .collect::<Vec<_>>()
    };
    for data in seeds("engine_mutations") {
        sif_fuzz_checks::engine_mutations::engine_mutations(&data);
    }
    for data in seeds("typed_amounts") {
        sif_fuzz_checks::amounts::typed_amounts(&data);
    }
    let dir = tempfile::tempdir().unwrap();
    for data in seeds("recovery_files") {
        sif_fuzz_checks::recovery::recovery_file(dir.path(), &data);
        // The check leaves the folder as it found it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
