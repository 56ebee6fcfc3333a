//! The worked examples (SPEC §9): every report of every golden fund in `tests/golden/`, run
//! through the built `sif` binary, must print exactly the expected JSON. Key order and
//! whitespace do not matter; `npv` and `bcr` may differ by at most 0.01.
//!
//! Files are discovered the way the project's check-goldens tool does it:
//! `NAME.ron` with `NAME.REPORT.json` (base scenario) and `NAME.SCENARIO.REPORT.json`, where
//! SCENARIO is the scenario's name lower-cased with spaces as `-`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const REPORTS: [&str; 4] = ["statement", "schedule", "appraisal", "reconcile"];

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// The first difference between expected `a` and actual `b`, or `None`.
fn difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (x, y) = (x.as_f64()?, y.as_f64()?);
            ((x - y).abs() > 0.01).then(|| format!("{path}: expected {x}, got {y}"))
        }
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                match y.get(k) {
                    None => return Some(format!("{path}: missing key {k:?}")),
                    Some(w) => {
                        if let Some(d) = difference(v, w, &format!("{path}.{k}")) {
                            return Some(d);
                        }
                    }
                }
            }
            let extra: Vec<&String> = y.keys().filter(|k| !x.contains_key(*k)).collect();
            (!extra.is_empty()).then(|| format!("{path}: unexpected keys {extra:?}"))
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return Some(format!(
                    "{path}: expected {} items, got {}",
                    x.len(),
                    y.len()
                ));
            }
            x.iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (v, w))| difference(v, w, &format!("{path}[{i}]")))
        }
        _ => (a != b).then(|| format!("{path}: expected {a}, got {b}")),
    }
}

/// One expected report: the fund, the report name, the scenario (None for base), the file.
struct Golden {
    fund: PathBuf,
    report: String,
    scenario: Option<String>,
    expected: PathBuf,
}

fn discover() -> Vec<Golden> {
    let dir = golden_dir();
    let mut rons: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    rons.sort();
    let mut out = Vec::new();
    for ron in rons {
        let stem = ron.file_stem().unwrap().to_string_lossy().into_owned();
        let fund = sif::store::load(&ron).unwrap();
        let mut jsons: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                name.starts_with(&format!("{stem}.")) && name.ends_with(".json")
            })
            .collect();
        jsons.sort();
        for json in jsons {
            let name = json.file_name().unwrap().to_string_lossy().into_owned();
            let middle = &name[stem.len() + 1..name.len() - ".json".len()];
            let parts: Vec<&str> = middle.split('.').collect();
            let report = parts[parts.len() - 1].to_string();
            assert!(REPORTS.contains(&report.as_str()), "unknown report {name}");
            let scenario = (parts.len() == 2).then(|| {
                fund.scenarios
                    .iter()
                    .map(|s| s.name.clone())
                    .find(|n| n.to_lowercase().replace(' ', "-") == parts[0])
                    .unwrap_or_else(|| panic!("{name}: no scenario {:?} in {stem}.ron", parts[0]))
            });
            out.push(Golden {
                fund: ron.clone(),
                report,
                scenario,
                expected: json,
            });
        }
    }
    out
}

fn run(g: &Golden) -> Value {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sif"));
    cmd.arg(&g.report).arg(&g.fund).args(["--format", "json"]);
    if let Some(s) = &g.scenario {
        cmd.args(["--scenario", s]);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        g.expected,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{:?}: the output is not JSON: {e}", g.expected))
}

#[test]
fn every_golden_report_matches_exactly() {
    let goldens = discover();
    let mut failures = Vec::new();
    for g in &goldens {
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&g.expected).unwrap()).unwrap();
        if let Some(d) = difference(&expected, &run(g), "$") {
            failures.push(format!("{}: {d}", g.expected.display()));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // All twelve worked reports were found: four reports of two funds, and four of the
    // pessimistic scenario.
    assert_eq!(goldens.len(), 12);
    let pessimistic = goldens
        .iter()
        .filter(|g| g.scenario.as_deref() == Some("Pessimistiskt"))
        .count();
    assert_eq!(pessimistic, 4);
    for report in REPORTS {
        assert!(goldens.iter().any(|g| g.report == report), "{report}");
    }
}

#[test]
fn the_comparison_notices_a_difference() {
    // Guard against a comparison that passes anything.
    let a: Value = serde_json::json!({"years": [{"year": 2025, "closing": 1}], "npv": 1.0});
    let same: Value = serde_json::json!({"npv": 1.004, "years": [{"closing": 1, "year": 2025}]});
    assert_eq!(difference(&a, &same, "$"), None);
    for b in [
        serde_json::json!({"years": [{"year": 2025, "closing": 2}], "npv": 1.0}),
        serde_json::json!({"years": [{"year": 2025, "closing": 1}], "npv": 1.02}),
        serde_json::json!({"years": [], "npv": 1.0}),
        serde_json::json!({"years": [{"year": 2025, "closing": 1}], "npv": 1.0, "x": 0}),
        serde_json::json!({"years": [{"year": 2025, "closing": 1}], "npv": null}),
    ] {
        assert!(difference(&a, &b, "$").is_some(), "{b}");
    }
}

#[test]
fn the_shipped_sample_funds_are_the_worked_examples() {
    // The goldens are tested through the sample funds users open and copy.
    for stem in ["exempelkommun", "uppfoljning"] {
        let golden = std::fs::read_to_string(golden_dir().join(format!("{stem}.ron"))).unwrap();
        assert_eq!(
            sif::samples::template(stem),
            Some(golden.as_str()),
            "{stem}"
        );
    }
}
