//! `sif export --format xlsx`: the workbook read back with calamine equals the JSON reports
//! (the vouchers equal the CSV export, the budget the `#PBUDGET` rows of the SIE 4E export)
//! for every sample fund and scenario; numbers are numbers, totals are the sums of the rows,
//! and there is no formula anywhere.

use std::path::Path;
use std::process::Output;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use serde_json::Value;
use sif::engine::{Options, project};
use sif::ledger;
use sif::report::Lang;
use sif::samples::SAMPLES;
use sif::store;
use sif::xlsx::export::{Cell, ExportOptions, Sheet, sheets};
use sif_testkit::cli::{self, sample_path};

fn sif(args: &[&str]) -> Output {
    cli::run(env!("CARGO_BIN_EXE_sif"), args)
}

fn json(command: &str, file: &Path, scenario: &str) -> Value {
    let o = sif(&[
        command,
        file.to_str().unwrap(),
        "--scenario",
        scenario,
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn field<'a>(v: &'a Value, key: &str) -> &'a Value {
    key.split('.').fold(v, |v, k| &v[k])
}

/// The cell against the JSON value: integers exactly, decimals within 0.005, null as empty.
fn assert_cell(got: Option<&Data>, want: &Value, at: &str) {
    let got = got.unwrap_or(&Data::Empty);
    match want {
        Value::Null => assert_eq!(*got, Data::Empty, "{at}"),
        Value::String(s) => assert_eq!(*got, Data::String(s.clone()), "{at}"),
        Value::Number(n) => {
            let x = match got {
                Data::Float(x) => *x,
                Data::Int(i) => *i as f64,
                other => panic!("{at}: expected the number {n}, found {other:?}"),
            };
            if let Some(i) = n.as_i64() {
                assert_eq!(x, i as f64, "{at}");
            } else {
                assert!((x - n.as_f64().unwrap()).abs() < 0.005, "{at}: {x} vs {n}");
            }
        }
        other => panic!("{at}: unexpected JSON {other}"),
    }
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(x) => *x,
        Data::Int(i) => *i as f64,
        Data::Empty => 0.0,
        other => panic!("not a number: {other:?}"),
    }
}

/// Compare each block that mirrors a JSON array, row by row and column by column, and its
/// totals with the sums of the JSON figures.
fn compare_sheet(sheet: &Sheet, range: &Range<Data>, reports: &[(&str, Value)], label: &str) {
    for (b, heading) in sheet.blocks.iter().zip(sheet.heading_rows()) {
        let cell = |r: u32, c: usize| range.get_value((r, c as u32));
        for (i, col) in b.columns.iter().enumerate() {
            assert_eq!(
                cell(heading, i),
                Some(&Data::String(col.heading(sif::text::Lang::Sv).to_string())),
                "{label} {} heading {i}",
                sheet.key
            );
        }
        // Rows nested in each initiative of the appraisal, with the initiative's code added.
        let per_initiative = |path: &str| -> Vec<Value> {
            let a = &reports.iter().find(|r| r.0 == "appraisal").unwrap().1;
            a["initiatives"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|ini| {
                    field(ini, path).as_array().unwrap().iter().map(move |b| {
                        let mut b = b.clone();
                        b["code"] = ini["code"].clone();
                        b
                    })
                })
                .collect()
        };
        let rows: Vec<Value> = match b.json {
            "" | "vouchers" | "budget" => continue,
            "appraisal.by_actor" => per_initiative("by_actor"),
            "appraisal.repayment_coverage" => per_initiative("adjusted.repayment_coverage"),
            "appraisal.sensitivity" => per_initiative("sensitivity"),
            path => {
                let (report, key) = path.split_once('.').unwrap();
                let r = &reports.iter().find(|r| r.0 == report).unwrap().1;
                field(r, key).as_array().unwrap().clone()
            }
        };
        assert_eq!(b.rows.len(), rows.len(), "{label} {}", b.json);
        for (k, want) in rows.iter().enumerate() {
            let r = heading + 1 + k as u32;
            for (i, col) in b.columns.iter().enumerate() {
                if col.key.is_empty() {
                    continue;
                }
                let at = format!("{label} {} row {k} {}", b.json, col.key);
                assert_cell(cell(r, i), field(want, col.key), &at);
            }
        }
        if let Some(total) = &b.total {
            let r = heading + 1 + rows.len() as u32;
            for (i, t) in total.iter().enumerate() {
                if let Cell::Money(_) = t {
                    let key = b.columns[i].key;
                    let sum: f64 = if key.is_empty() {
                        (0..rows.len())
                            .map(|k| {
                                number(cell(heading + 1 + k as u32, i).unwrap_or(&Data::Empty))
                            })
                            .sum()
                    } else {
                        rows.iter()
                            .map(|v| field(v, key).as_f64().unwrap_or(0.0))
                            .sum()
                    };
                    assert_eq!(
                        number(cell(r, i).unwrap()),
                        sum,
                        "{label} {} total {key}",
                        b.json
                    );
                }
            }
        }
    }
}

/// The vouchers sheet against the CSV export, row by row.
fn compare_vouchers(sheet: &Sheet, range: &Range<Data>, file: &Path, scenario: &str, label: &str) {
    let o = sif(&[
        "export",
        file.to_str().unwrap(),
        "--format",
        "csv",
        "--scenario",
        scenario,
        "-o",
        "-",
    ]);
    assert!(o.status.success());
    let mut csv = csv::Reader::from_reader(o.stdout.as_slice());
    let heading = sheet.heading_rows()[0];
    let mut n = 0;
    for (k, rec) in csv.records().enumerate() {
        let rec = rec.unwrap();
        let r = heading + 1 + k as u32;
        let text = |c: u32| {
            range
                .get_value((r, c))
                .map_or(String::new(), |d| d.to_string())
        };
        let amount = |c: u32| range.get_value((r, c)).map_or(0.0, number);
        assert_eq!(text(2), rec[0], "{label} voucher row {k} series");
        assert_eq!(amount(3), rec[1].parse::<f64>().unwrap(), "{label} row {k}");
        assert_eq!(text(4), rec[2], "{label} row {k} date");
        // The CSV neutralises a leading formula character; a workbook string needs no such care.
        assert_eq!(
            text(5),
            rec[3].trim_start_matches('\''),
            "{label} row {k} text"
        );
        assert_eq!(
            amount(6),
            rec[4].parse::<f64>().unwrap(),
            "{label} row {k} account"
        );
        assert_eq!(text(8), rec[6], "{label} row {k} dim1");
        assert_eq!(text(9), rec[7], "{label} row {k} dim6");
        let money = |s: &str| {
            if s.is_empty() {
                0.0
            } else {
                s.parse::<f64>().unwrap()
            }
        };
        assert_eq!(amount(10), money(&rec[8]), "{label} row {k} debit");
        assert_eq!(amount(11), money(&rec[9]), "{label} row {k} credit");
        n += 1;
    }
    assert_eq!(n, sheet.blocks[0].rows.len(), "{label}: voucher rows");
}

/// The budget sheet against the `#PBUDGET` rows of `sif export --format sie4e` for each year:
/// every (account, object) line's twelve months are the file's rows, its total their sum, and
/// no row of the file is missing from the sheet.
fn compare_budget(sheet: &Sheet, range: &Range<Data>, file: &Path, scenario: &str, label: &str) {
    use std::collections::BTreeMap;
    let first_year = 2000;
    let mut years = 0;
    for (b, heading) in sheet.blocks.iter().zip(sheet.heading_rows()) {
        // The block's title starts with its year.
        let title = range
            .get_value((heading - 1, 0))
            .map(|d| d.to_string())
            .unwrap_or_default();
        let year: i32 = title[..4].parse().unwrap();
        assert!(year > first_year, "{label}: {title}");
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("budget.se");
        let o = sif(&[
            "export",
            file.to_str().unwrap(),
            "--format",
            "sie4e",
            "--year",
            &year.to_string(),
            "--scenario",
            scenario,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let text = sif::ledger::cp437::decode(&std::fs::read(&out).unwrap());
        // (account, object as "", "1 KS" or "6 P101") → the twelve months.
        let mut want: BTreeMap<(u32, String), [f64; 12]> = BTreeMap::new();
        for line in text.lines().filter(|l| l.starts_with("#PBUDGET ")) {
            let (head, rest) = line.split_once('{').unwrap();
            let (objects, amount) = rest.split_once('}').unwrap();
            let head: Vec<&str> = head.split_whitespace().collect();
            assert_eq!(head[1], "0");
            let month: usize = head[2][4..].parse().unwrap();
            assert_eq!(&head[2][..4], year.to_string());
            let account: u32 = head[3].parse().unwrap();
            let object = objects.replace('"', "");
            let e = want.entry((account, object)).or_insert([0.0; 12]);
            e[month - 1] += amount.trim().parse::<f64>().unwrap();
        }
        let mut got: BTreeMap<(u32, String), [f64; 12]> = BTreeMap::new();
        for k in 0..b.rows.len() as u32 {
            let r = heading + 1 + k;
            let cell = |c: u32| range.get_value((r, c)).unwrap_or(&Data::Empty);
            let account = number(cell(0)) as u32;
            let object = match cell(2).to_string().as_str() {
                "hela kontot" => String::new(),
                "1 Ansvar" => format!("1 {}", cell(3)),
                "6 Projekt" => format!("6 {}", cell(3)),
                other => panic!("{label} {year}: dimension {other}"),
            };
            let mut months = [0.0; 12];
            for (m, v) in months.iter_mut().enumerate() {
                *v = number(cell(5 + m as u32));
            }
            assert_eq!(
                number(cell(17)),
                months.iter().sum::<f64>(),
                "{label} {year} {account} {object}: the year's total"
            );
            assert!(
                got.insert((account, object), months).is_none(),
                "{label} {year}: one line each"
            );
        }
        assert_eq!(got, want, "{label} {year}");
        years += 1;
    }
    assert!(years > 0, "{label}: a budget block per year");
}

#[test]
fn the_workbook_equals_the_json_reports_for_every_sample_and_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let mut compared = 0;
    for s in SAMPLES {
        let file = sample_path(s.name);
        let fund = store::load(&file).unwrap();
        let scenarios: Vec<String> = std::iter::once("base".to_string())
            .chain(fund.scenarios.iter().map(|s| s.name.clone()))
            .collect();
        for scenario in &scenarios {
            let label = format!("{} / {scenario}", s.name);
            let out = dir.path().join(format!("{}-{compared}.xlsx", s.name));
            let o = sif(&[
                "export",
                file.to_str().unwrap(),
                "--format",
                "xlsx",
                "--scenario",
                scenario,
                "-o",
                out.to_str().unwrap(),
            ]);
            assert!(
                o.status.success(),
                "{label}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            let reports: Vec<(&str, Value)> = ["statement", "schedule", "appraisal", "reconcile"]
                .iter()
                .map(|c| (*c, json(c, &file, scenario)))
                .collect();
            // The layout (which row holds what) from the library; the figures from the file.
            let options = Options::named(&fund, Some(scenario), false).unwrap();
            let p = project(&fund, &options).unwrap();
            let journal = ledger::journal(&fund, &p).unwrap();
            let layout = sheets(
                &fund,
                &p,
                &journal,
                &ExportOptions {
                    lang: Lang::Sv,
                    include_proposed: false,
                },
            )
            .unwrap();
            let mut wb: Xlsx<_> =
                open_workbook_from_rs(std::io::Cursor::new(std::fs::read(&out).unwrap())).unwrap();
            let names = wb.sheet_names();
            assert_eq!(
                names,
                layout.iter().map(|s| s.name.clone()).collect::<Vec<_>>()
            );
            for sheet in &layout {
                let range = wb.worksheet_range(&sheet.name).unwrap();
                let formulas = wb.worksheet_formula(&sheet.name).unwrap();
                assert!(
                    formulas.used_cells().all(|(_, _, f)| f.is_empty()),
                    "{label} {}: a formula",
                    sheet.name
                );
                if sheet.key == "vouchers" {
                    compare_vouchers(sheet, &range, &file, scenario, &label);
                } else if sheet.key == "budget" {
                    compare_sheet(sheet, &range, &reports, &label);
                    compare_budget(sheet, &range, &file, scenario, &label);
                } else {
                    compare_sheet(sheet, &range, &reports, &label);
                }
            }
            compared += 1;
        }
    }
    assert!(compared >= 5, "{compared}");
}

#[test]
fn english_names_and_the_proposal_label() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("en.xlsx");
    let file = sample_path("uppfoljning");
    let o = sif(&[
        "export",
        file.to_str().unwrap(),
        "--format",
        "xlsx",
        "--lang",
        "en",
        "--include-proposed",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut wb: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(std::fs::read(&out).unwrap())).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "Fund statement",
            "Repayments",
            "Appraisal",
            "Who gains",
            "Balanced budget",
            "Vouchers",
            "Budget",
            "Settings"
        ]
    );
    let rec = wb.worksheet_range("Balanced budget").unwrap();
    let text: Vec<String> = rec.cells().map(|(_, _, d)| d.to_string()).collect();
    assert!(
        text.iter()
            .any(|t| t == "Proposal: Sif's reading of ESO 2020:1, not law"),
        "{text:?}"
    );
    let settings = wb.worksheet_range("Settings").unwrap();
    let text: Vec<String> = settings.cells().map(|(_, _, d)| d.to_string()).collect();
    assert!(text.iter().any(|t| t == "counted"), "{text:?}");

    // Swedish: the label in Swedish.
    let out = dir.path().join("sv.xlsx");
    let o = sif(&[
        "export",
        file.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let mut wb: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(std::fs::read(&out).unwrap())).unwrap();
    let rec = wb.worksheet_range("Balanskrav").unwrap();
    assert!(rec.cells().any(
        |(_, _, d)| matches!(d, Data::String(s) if s == "Förslag: Sifs tolkning av ESO 2020:1, inte gällande rätt")
    ));
}

#[test]
fn bad_arguments_are_refused() {
    let file = sample_path("exempelkommun");
    let o = sif(&[
        "export",
        file.to_str().unwrap(),
        "--format",
        "csv",
        "--lang",
        "en",
        "-o",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--lang"));
    let o = sif(&[
        "export",
        file.to_str().unwrap(),
        "--format",
        "xlsx",
        "--year",
        "2026",
        "-o",
        "-",
    ]);
    assert_eq!(o.status.code(), Some(2));
}
