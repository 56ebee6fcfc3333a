//! The command line (SPEC §8) as a user meets it: exit codes 0/1/2, error messages that name
//! the file, line and column, scenarios, proposed initiatives, the three output formats,
//! `sif new` and `sif generate`.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use sif_testkit::cli::{self, code, stderr, stdout};

fn sif(args: &[&str]) -> Output {
    cli::run(env!("CARGO_BIN_EXE_sif"), args)
}

fn sample(name: &str) -> String {
    cli::sample_path(name).display().to_string()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn json(o: &Output) -> Value {
    assert_eq!(code(o), 0, "{}", stderr(o));
    serde_json::from_str(&stdout(o)).expect("JSON output")
}

const REPORTS: [&str; 4] = ["statement", "schedule", "appraisal", "reconcile"];

// ---- sif check ----

#[test]
fn check_accepts_every_sample_fund() {
    for s in sif::samples::SAMPLES {
        let o = sif(&["check", &sample(s.name)]);
        assert_eq!(code(&o), 0, "{}: {}{}", s.name, stdout(&o), stderr(&o));
        assert!(stdout(&o).contains("0 fel"), "{}", stdout(&o));
    }
}

#[test]
fn check_reports_warnings_and_still_exits_0() {
    let o = sif(&["check", &sample("uppfoljning")]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(
        out.contains("varning / warning: initiatives[M1].actuals"),
        "{out}"
    );
    // The arrears say how they are to be read (SPEC §4.4).
    assert!(out.contains("(arrears; carried into the plan"), "{out}");
    // The reconciliation's warnings: the 2027 budget is not in balance, deficits overdue.
    assert!(
        out.contains("budget[2027].result_before_fund: budgeten för 2027 är inte i balans"),
        "{out}"
    );
    assert!(out.contains("är försenade 2025"), "{out}");
    let n = sif::validate::validate(
        &sif::store::load(std::path::Path::new(&sample("uppfoljning"))).unwrap(),
    )
    .warning_count();
    assert!(
        out.contains(&format!("0 fel, {n} varningar / 0 errors, {n} warnings")),
        "{out}"
    );
}

#[test]
fn a_syntax_error_exits_2_naming_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    // The comma after name is missing; RON notices at the next field, line 4 column 5.
    let file = write(
        dir.path(),
        "trasig.ron",
        b"Fund(\n    format: 1,\n    name: \"X\"\n    organisation: \"O\",\n)\n",
    );
    let o = sif(&["check", &file]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains(&format!("{file}:4:5")), "{err}");
    assert!(err.contains("kunde inte tolkas") && err.contains("could not be read"));
    assert!(stdout(&o).is_empty());
    // Reports refuse it the same way.
    let o = sif(&["statement", &file]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains(":4:5"));
}

#[test]
fn an_unknown_field_is_named_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(sample("exempelkommun"))
        .unwrap()
        .replace("discount_rate: 3.5,", "diskonteringsränta: 3.5,");
    let file = write(dir.path(), "fält.ron", text.as_bytes());
    let o = sif(&["check", &file]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains(&format!("{file}:9:")), "{err}");
    assert!(err.contains("diskonteringsränta"), "{err}");
}

#[test]
fn an_unknown_actor_exits_1_with_the_path_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(sample("exempelkommun"))
        .unwrap()
        .replace("actor: \"AMN\"", "actor: \"AMX\"");
    let file = write(dir.path(), "okänd.ron", text.as_bytes());
    let o = sif(&["check", &file]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    // AMN appears as a saver in P102 and P103.
    assert!(
        out.contains("fel / error: initiatives[P102].savings[4].actor: aktören ”AMX” finns inte"),
        "{out}"
    );
    assert!(out.contains("the actor “AMX” is not one of the fund's actors"));
    assert!(out.contains("2 fel"), "{out}");
    // A report cannot be computed from it: exit 1, the errors on stderr, nothing on stdout.
    for report in REPORTS {
        let o = sif(&[report, &file, "--format", "json"]);
        assert_eq!(code(&o), 1, "{report}");
        assert!(stdout(&o).is_empty());
        let err = stderr(&o);
        assert!(err.contains("kan inte beräknas") && err.contains("cannot be computed"));
        assert!(err.contains("initiatives[P102].savings[4].actor"), "{err}");
    }
}

#[test]
fn a_newer_format_exits_2_asking_to_update() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(sample("exempelkommun"))
        .unwrap()
        .replace("format: 2,", "format: 3,\n    new_field_of_v3: true,");
    let file = write(dir.path(), "ny.ron", text.as_bytes());
    let o = sif(&["check", &file]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("filformat 3") && err.contains("uppdatera Sif"),
        "{err}"
    );
    assert!(
        err.contains("file format 3") && err.contains("update Sif"),
        "{err}"
    );
}

#[test]
fn a_non_utf8_file_exits_2_with_the_position_of_the_first_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    // "Fond för test" saved as Latin-1: ö is the byte F6, at line 3, column 18.
    let file = write(
        dir.path(),
        "latin1.ron",
        b"Fund(\n    format: 1,\n    name: \"Fond f\xf6r test\",\n)\n",
    );
    let o = sif(&["check", &file]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains(&format!("{file}:3:18")), "{err}");
    assert!(err.contains("UTF-8") && err.contains("Latin-1"), "{err}");
}

#[test]
fn a_missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("finns-inte.ron").display().to_string();
    for args in [vec!["check", &file], vec!["statement", &file]] {
        let o = sif(&args);
        assert_eq!(code(&o), 2);
        assert!(stderr(&o).contains("finns-inte.ron"));
        assert!(stderr(&o).contains("does not exist"));
    }
}

#[test]
fn a_folder_is_not_a_fund_file() {
    let dir = tempfile::tempdir().unwrap();
    let o = sif(&["check", &dir.path().display().to_string()]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("not a regular file"));
}

#[test]
fn bad_arguments_exit_2() {
    let fund = sample("exempelkommun");
    for args in [
        vec!["statement"],
        vec!["statement", &fund, "--format", "xml"],
        vec!["statement", &fund, "--no-such-flag"],
        vec!["frobnicate", &fund],
    ] {
        let o = sif(&args);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(!stderr(&o).is_empty());
    }
}

#[test]
fn help_and_version_exit_0() {
    assert_eq!(code(&sif(&["--help"])), 0);
    assert_eq!(code(&sif(&["statement", "--help"])), 0);
    let v = sif(&["--version"]);
    assert_eq!(code(&v), 0);
    assert!(stdout(&v).contains(env!("CARGO_PKG_VERSION")));
}

// ---- Reports ----

#[test]
fn every_report_of_every_sample_runs_in_every_format() {
    for s in sif::samples::SAMPLES {
        let file = sample(s.name);
        let fund = sif::store::load(Path::new(&file)).unwrap();
        let scenarios: Vec<Option<String>> = std::iter::once(None)
            .chain(fund.scenarios.iter().map(|x| Some(x.name.clone())))
            .collect();
        for report in REPORTS {
            for scenario in &scenarios {
                for format in ["text", "csv", "json"] {
                    let mut args = vec![report, file.as_str(), "--format", format];
                    if let Some(name) = scenario {
                        args.extend(["--scenario", name.as_str()]);
                    }
                    let o = sif(&args);
                    assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
                    assert!(!stdout(&o).is_empty(), "{args:?}");
                    assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
                }
            }
        }
    }
}

#[test]
fn an_unknown_scenario_exits_2_and_lists_the_known_ones() {
    let o = sif(&[
        "statement",
        &sample("exempelkommun"),
        "--scenario",
        "Optimistiskt",
    ]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("”Optimistiskt” finns inte"), "{err}");
    assert!(err.contains("known: base, Pessimistiskt"), "{err}");
    assert!(stdout(&o).is_empty());
}

#[test]
fn the_base_scenario_can_be_named() {
    let named = json(&sif(&[
        "statement",
        &sample("exempelkommun"),
        "--format",
        "json",
        "--scenario",
        "base",
    ]));
    let default = json(&sif(&[
        "statement",
        &sample("exempelkommun"),
        "--format",
        "json",
    ]));
    assert_eq!(named, default);
    assert_eq!(named["scenario"], "base");
}

#[test]
fn a_scenario_changes_the_figures_and_is_named_in_the_output() {
    let file = sample("exempelkommun");
    let base = json(&sif(&["statement", &file, "--format", "json"]));
    let pess = json(&sif(&[
        "statement",
        &file,
        "--format",
        "json",
        "--scenario",
        "Pessimistiskt",
    ]));
    assert_eq!(pess["scenario"], "Pessimistiskt");
    // 110 % of P101's 2 000 000 in 2025.
    assert_eq!(base["years"][0]["disbursed"], 2_000_000);
    assert_eq!(pess["years"][0]["disbursed"], 2_200_000);
    let text = stdout(&sif(&["statement", &file, "--scenario", "Pessimistiskt"]));
    assert!(text.contains("scenario Pessimistiskt"), "{text}");
}

#[test]
fn include_proposed_counts_the_proposed_initiative() {
    // P103 "Ung framtid" is Proposed: 1 000 000 from the fund in 2027, a grant.
    let file = sample("exempelkommun");
    let without = json(&sif(&["statement", &file, "--format", "json"]));
    let with = json(&sif(&[
        "statement",
        &file,
        "--format",
        "json",
        "--include-proposed",
    ]));
    assert_eq!(without["years"][2]["disbursed"], 4_500_000);
    assert_eq!(with["years"][2]["disbursed"], 5_500_000);
    assert_eq!(without["years"][9]["closing"], 22_000_000);
    assert_eq!(with["years"][9]["closing"], 21_000_000);

    let codes = |v: &Value| -> Vec<String> {
        v["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["code"].as_str().unwrap().to_string())
            .collect()
    };
    let a = json(&sif(&["appraisal", &file, "--format", "json"]));
    let b = json(&sif(&[
        "appraisal",
        &file,
        "--format",
        "json",
        "--include-proposed",
    ]));
    assert_eq!(codes(&a), ["P101", "P102"]);
    assert_eq!(codes(&b), ["P101", "P102", "P103"]);
}

#[test]
fn text_output_is_aligned_and_formatted_the_swedish_way() {
    let o = sif(&["statement", &sample("exempelkommun")]);
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("Fondredovisning – Sociala investeringsfonden (Exempelkommun)"));
    assert!(
        text.contains("20\u{a0}000\u{a0}000"),
        "non-breaking spaces: {text}"
    );
    // Every row of the table is equally wide (counted in characters).
    let table: Vec<&str> = lines[2..].to_vec();
    let width = table[1].chars().count();
    for line in &table[1..] {
        assert_eq!(line.chars().count(), width, "{line:?}");
    }
    // Negative amounts use the typographic minus sign.
    let r = stdout(&sif(&["reconcile", &sample("uppfoljning")]));
    assert!(r.contains("\u{2212}450\u{a0}000"), "{r}");
    assert!(
        r.contains("Sifs tolkning av ESO 2020:1, inte gällande rätt"),
        "{r}"
    );
    // The reconciliation's lines, in the order a management report prints them.
    let order = [
        "Årets resultat före fondens utbetalningar",
        "Fondens utbetalningar",
        "Årets resultat",
        "Samtliga realisationsvinster",
        "Vissa realisationsvinster/-förluster enligt undantagsmöjlighet",
        "Orealiserade förluster/återföring i värdepapper",
        "Årets resultat efter balanskravsjusteringar",
        "Reservering till/användning av resultatreserv",
        "Social investeringsfond: använd (+) / återförd (−)",
        "Synnerliga skäl",
        "Årets balanskravsresultat",
        "Balanskravsunderskott från tidigare år",
        "Återställt",
        "Kvar att återställa",
    ];
    // Each line follows the one before it, within the first year's block.
    let block = &r[..r.find("\n\n2024").unwrap_or(r.len())];
    let mut from = 0;
    for l in order {
        let at = block[from..]
            .find(&format!("\n{l}  "))
            .unwrap_or_else(|| panic!("{l} after byte {from}: {block}"));
        from += at + 1;
    }
    let en = stdout(&sif(&["reconcile", &sample("uppfoljning"), "--lang", "en"]));
    assert!(
        en.contains("Balanced-budget result for the year") && en.contains("Still to restore"),
        "{en}"
    );
    assert!(
        en.contains("Proposal: Sif's reading of ESO 2020:1, not law"),
        "{en}"
    );
    // Closed years are marked as actuals.
    let s = stdout(&sif(&["statement", &sample("uppfoljning")]));
    assert!(
        s.contains("2025 (utfall)") && !s.contains("2026 (utfall)"),
        "{s}"
    );
}

#[test]
fn csv_output_is_rfc_4180_with_a_header_and_plain_integers() {
    let o = sif(&["statement", &sample("exempelkommun"), "--format", "csv"]);
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    assert!(text.starts_with(
        "year,opening,capital,disbursed,repaid,fund_used,unfunded,closing,committed,uncommitted\r\n"
    ));
    assert!(text.contains("\r\n2025,0,20000000,2000000,0,2000000,0,18000000,13000000,5000000\r\n"));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.records().count(), 10);

    // The schedule leaves `actual` empty in open years and gives it in closed ones.
    let s = stdout(&sif(&[
        "schedule",
        &sample("uppfoljning"),
        "--format",
        "csv",
    ]));
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(s.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(
        &rows[0],
        &csv::StringRecord::from(vec!["M1", "SOC", "2025", "300000", "200000"])
    );
    assert_eq!(&rows[2][4], "");
}

#[test]
fn json_output_has_the_shapes_of_spec_section_8() {
    let file = sample("uppfoljning");
    let st = json(&sif(&["statement", &file, "--format", "json"]));
    assert_eq!(st["fund"], "Fonden för sociala investeringar");
    let keys: Vec<&str> = st["years"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "capital",
            "closing",
            "committed",
            "disbursed",
            "fund_used",
            "opening",
            "repaid",
            "uncommitted",
            "unfunded",
            "year"
        ]
    );
    let sc = json(&sif(&["schedule", &file, "--format", "json"]));
    assert_eq!(sc["rows"][0]["actual"], 200_000);
    assert_eq!(sc["rows"][2]["actual"], Value::Null);
    assert!(sc["outstanding"].as_array().unwrap().is_empty());
    let ap = json(&sif(&["appraisal", &file, "--format", "json"]));
    assert_eq!(ap["discount_rate"], 3.0);
    assert!(ap["initiatives"][0]["npv"].is_f64());
    let rc = json(&sif(&["reconcile", &file, "--format", "json"]));
    assert_eq!(rc["years"][0]["current"]["restore_by"], 2026);
    assert_eq!(rc["years"][0]["proposed"]["restore_by"], Value::Null);
}

// ---- sif new ----

#[test]
fn new_writes_every_template_byte_for_byte_and_it_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    for s in sif::samples::SAMPLES {
        let file = dir.path().join(format!("{}.ron", s.name));
        let path = file.display().to_string();
        let o = sif(&["new", &path, "--template", s.name]);
        assert_eq!(code(&o), 0, "{}: {}", s.name, stderr(&o));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), s.text);
        let c = sif(&["check", &path]);
        assert_eq!(code(&c), 0, "{}", stdout(&c));
    }
}

#[test]
fn new_without_a_template_writes_the_first_sample() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fond.ron");
    assert_eq!(code(&sif(&["new", &file.display().to_string()])), 0);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        sif::samples::default_sample().text
    );
}

#[test]
fn new_refuses_to_overwrite_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "min-fond.ron", b"my own work");
    let o = sif(&["new", &path, "--template", "uppfoljning"]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("already exists") && stderr(&o).contains("--force"));
    assert_eq!(std::fs::read(&path).unwrap(), b"my own work");

    let o = sif(&["new", &path, "--template", "uppfoljning", "--force"]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        sif::samples::template("uppfoljning").unwrap()
    );
}

#[test]
fn new_help_names_every_template() {
    let o = sif(&["new", "--help"]);
    assert_eq!(code(&o), 0);
    for s in sif::samples::SAMPLES {
        assert!(stdout(&o).contains(s.name), "{}", s.name);
    }
}

#[test]
fn new_with_an_unknown_template_exits_2_and_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.ron").display().to_string();
    let o = sif(&["new", &path, "--template", "storstad"]);
    assert_eq!(code(&o), 2);
    for s in sif::samples::SAMPLES {
        assert!(stderr(&o).contains(s.name), "{}", stderr(&o));
    }
    assert!(!Path::new(&path).exists());
}

// ---- sif generate ----

fn generate(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let path = out.display().to_string();
    let mut all = vec!["generate"];
    all.extend_from_slice(args);
    all.extend(["-o", &path]);
    let o = sif(&all);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    out
}

#[test]
fn generate_is_deterministic_and_valid() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "--initiatives",
        "40",
        "--years",
        "12",
        "--actors",
        "9",
        "--seed",
        "7",
    ];
    let a = generate(dir.path(), "a.ron", &args);
    let b = generate(dir.path(), "b.ron", &args);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let mut other = args;
    other[7] = "8";
    let c = generate(dir.path(), "c.ron", &other);
    assert_ne!(std::fs::read(&a).unwrap(), std::fs::read(&c).unwrap());
    for f in [&a, &c] {
        let o = sif(&["check", &f.display().to_string()]);
        assert_eq!(code(&o), 0, "{}", stdout(&o));
        assert!(stdout(&o).contains(" 0 fel"), "{}", stdout(&o));
    }
    // And every report can be computed from it.
    for report in REPORTS {
        let o = sif(&[report, &a.display().to_string(), "--format", "json"]);
        assert_eq!(code(&o), 0, "{report}");
    }
}

#[test]
fn generate_refuses_impossible_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.ron").display().to_string();
    for args in [
        vec!["generate", "--years", "0", "-o", &out],
        vec!["generate", "--years", "61", "-o", &out],
        vec!["generate", "--actors", "1", "-o", &out],
    ] {
        assert_eq!(code(&sif(&args)), 2, "{args:?}");
    }
    assert!(!Path::new(&out).exists());
}
