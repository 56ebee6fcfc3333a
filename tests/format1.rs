//! Format 1 files (SPEC §3.2): each sample fund has a format 1 twin in `tests/format1/` — the
//! file as an earlier Sif wrote it, with the retired `accounts.bank` where it had one. A twin
//! loads, gives exactly the reports of its format 2 sample with the format 2 fields at their
//! defaults, and is saved as format 2 without the bank and with nothing else changed.

use std::path::{Path, PathBuf};
use std::process::Command;

use sif::engine::{Options, project};
use sif::model::{AppraisalSettings, FORMAT_VERSION, Fund};
use sif::money::Money;
use sif::store;

const SAMPLES: [&str; 4] = ["exempelkommun", "uppfoljning", "region", "smakommun"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn twin_path(name: &str) -> PathBuf {
    root().join("tests/format1").join(format!("{name}.ron"))
}

fn sample_path(name: &str) -> PathBuf {
    root().join("sample_funds").join(format!("{name}.ron"))
}

/// The format 2 sample with every field format 1 cannot express at its default.
fn without_format2_fields(mut fund: Fund) -> Fund {
    fund.unrestored_deficits.clear();
    fund.appraisal = AppraisalSettings::default();
    for b in &mut fund.budget {
        b.exemption_adjustment = Money::ZERO;
        b.securities_adjustment = Money::ZERO;
        b.reserve_reservation = Money::ZERO;
        b.reserve_use = Money::ZERO;
        b.special_reasons = Money::ZERO;
        b.special_reasons_note.clear();
        b.tax_base = Money::ZERO;
    }
    for ini in &mut fund.initiatives {
        for row in &mut ini.savings {
            row.deadweight = 0;
            row.attribution = 0;
            row.drop_off = 0;
            row.optimism_bias = 0;
            row.low = 100;
            row.high = 100;
        }
        for a in &mut ini.actuals {
            a.source.clear();
        }
    }
    fund
}

#[test]
fn every_twin_is_format_1_and_every_sample_format_2() {
    for name in SAMPLES {
        let twin = store::load(&twin_path(name)).expect("the twin loads");
        assert_eq!(twin.format, 1, "{name}");
        let sample = store::load(&sample_path(name)).expect("the sample loads");
        assert_eq!(sample.format, FORMAT_VERSION, "{name}");
        assert!(
            !sif::validate::validate(&twin).has_errors(),
            "{name}: {:?}",
            sif::validate::validate(&twin)
        );
    }
    // At least one twin carries the retired bank account, which is read and dropped.
    let with_bank = store::load(&twin_path("uppfoljning")).unwrap();
    assert_eq!(with_bank.accounts.format1_bank, Some(1910));
}

#[test]
fn a_twin_gives_exactly_the_reports_of_its_format_2_sample() {
    for name in SAMPLES {
        let twin = store::load(&twin_path(name)).unwrap();
        let sample = without_format2_fields(store::load(&sample_path(name)).unwrap());
        let mut scenarios = vec![None];
        scenarios.extend(sample.scenarios.iter().map(|s| Some(s.name.clone())));
        for scenario in scenarios {
            for include_proposed in [false, true] {
                let o1 = Options::named(&twin, scenario.as_deref(), include_proposed).unwrap();
                let o2 = Options::named(&sample, scenario.as_deref(), include_proposed).unwrap();
                let p1 = project(&twin, &o1).unwrap();
                let p2 = project(&sample, &o2).unwrap();
                assert_eq!(p1.statement, p2.statement, "{name} {scenario:?}");
                assert_eq!(p1.schedule, p2.schedule, "{name} {scenario:?}");
                assert_eq!(p1.reconciliation, p2.reconciliation, "{name} {scenario:?}");
                assert_eq!(p1.deficits, p2.deficits, "{name} {scenario:?}");
                assert_eq!(p1.appraisal, p2.appraisal, "{name} {scenario:?}");
            }
        }
    }
}

#[test]
fn the_reports_through_the_binary_are_the_same_for_both_twins() {
    // The whole JSON of every report, as `sif` prints it, for the twin and for the sample with
    // its format 2 fields removed (written to a temporary file in format 2).
    let dir = tempfile::tempdir().unwrap();
    for name in SAMPLES {
        let sample = without_format2_fields(store::load(&sample_path(name)).unwrap());
        let stripped = dir.path().join(format!("{name}.ron"));
        store::save(&sample, &stripped).unwrap();
        for report in ["statement", "schedule", "appraisal", "reconcile"] {
            let run = |file: &Path| {
                let out = Command::new(env!("CARGO_BIN_EXE_sif"))
                    .args([report, file.to_str().unwrap(), "--format", "json"])
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{name} {report}: {out:?}");
                out.stdout
            };
            assert_eq!(
                run(&twin_path(name)),
                run(&stripped),
                "{name}: {report} differs between format 1 and format 2"
            );
        }
    }
}

#[test]
fn a_twin_is_saved_as_format_2_without_the_bank() {
    let dir = tempfile::tempdir().unwrap();
    for name in SAMPLES {
        let twin = store::load(&twin_path(name)).unwrap();
        let out = dir.path().join(format!("{name}.ron"));
        store::save(&twin, &out).unwrap();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains("format: 2,"), "{name}");
        assert!(!text.contains("bank"), "{name}: {text}");
        let again = store::load(&out).unwrap();
        assert_eq!(again.format, 2);
        assert_eq!(again.accounts.format1_bank, None);
        // Nothing else changed: the saved file is the stripped sample, byte for byte.
        let sample = without_format2_fields(store::load(&sample_path(name)).unwrap());
        assert_eq!(text, store::to_ron_string(&sample).unwrap(), "{name}");
    }
}

#[test]
fn sif_check_notes_a_format_1_file_once() {
    let out = Command::new(env!("CARGO_BIN_EXE_sif"))
        .args(["check", twin_path("uppfoljning").to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.matches("skriven av en äldre Sif (filformat 1); sparas som filformat 2")
            .count(),
        1,
        "{text}"
    );
    assert!(
        text.contains("written by an older Sif (file format 1); will be saved as file format 2")
    );
    let out = Command::new(env!("CARGO_BIN_EXE_sif"))
        .args(["check", sample_path("uppfoljning").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains("äldre Sif"));
}

#[test]
fn the_bank_in_a_format_2_file_is_an_error() {
    let text = std::fs::read_to_string(twin_path("uppfoljning"))
        .unwrap()
        .replace("format: 1,", "format: 2,");
    let fund = store::parse_str(&text, "f.ron").unwrap();
    let report = sif::validate::validate(&fund);
    let errors: Vec<&str> = report.errors().map(|e| e.path.as_str()).collect();
    assert_eq!(errors, ["accounts.bank"]);
}
