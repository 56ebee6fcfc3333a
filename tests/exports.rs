//! Every export of SPEC §7 read back by tools this project did not write: SIE files by the
//! `sie-parser` crate, hledger journals by hledger (and ledger-cli), CSV by the `csv` crate.
//! Each must agree with the journal to the krona.
//!
//! hledger and ledger-cli come from Debian's packages (`.ci/packages.txt`; CI installs them).
//! A test that needs one fails when it is missing: it never skips.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use sif::engine::{Options, project};
use sif::ledger::csv::{CsvDialect, journal_csv};
use sif::ledger::hledger::journal_text;
use sif::ledger::sie::{SieOptions, sie4e, sie4i};
use sif::ledger::{self, ExportError, Journal, TextSource, Voucher, cp437};
use sif::model::Fund;
use sif::store;

const GENERATED_ON: &str = "2026-01-15";

fn sample(name: &str) -> Fund {
    let text = sif::samples::template(name).expect("sample exists");
    store::parse_str(text, name).expect("sample parses")
}

fn journal_for(fund: &Fund, scenario: Option<&str>) -> Journal {
    let options = Options::named(fund, scenario, false).unwrap();
    let projection = project(fund, &options).unwrap();
    ledger::journal(fund, &projection).unwrap()
}

/// Both worked examples under every scenario they have.
fn worked_examples() -> Vec<(String, Fund, Journal)> {
    let mut out = Vec::new();
    for name in ["exempelkommun", "uppfoljning"] {
        let fund = sample(name);
        let mut scenarios = vec![None];
        scenarios.extend(fund.scenarios.iter().map(|s| Some(s.name.clone())));
        for s in scenarios {
            let j = journal_for(&fund, s.as_deref());
            out.push((
                format!("{name}/{}", s.as_deref().unwrap_or("base")),
                fund.clone(),
                j,
            ));
        }
    }
    out
}

fn options(year: Option<i32>) -> SieOptions {
    SieOptions {
        generated_on: GENERATED_ON.to_string(),
        year,
    }
}

// ---------------------------------------------------------------------------------------------
// SIE, read back by the sie-parser crate

/// A decimal as printed by the reader, in öre: `-1234.50` → -123450.
fn ore(decimal: impl std::fmt::Display) -> i64 {
    let s = decimal.to_string();
    let (neg, s) = s
        .strip_prefix('-')
        .map_or((false, s.as_str()), |r| (true, r));
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let frac = format!("{frac:0<2}");
    let v = int.parse::<i64>().unwrap() * 100 + frac[..2].parse::<i64>().unwrap();
    if neg { -v } else { v }
}

/// Decode and parse with sie-parser, failing on any diagnostic of severity error.
fn read_sie(bytes: &[u8], add_rar: bool) -> sie_parser::SieDocument {
    assert_eq!(
        sie_parser::detect_encoding(bytes),
        sie_parser::Encoding::Cp437
    );
    let mut text = sie_parser::decode_cp437(bytes);
    let parsed = sie_parser::parse(&text);
    let errors: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == sie_parser::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "sie-parser diagnostics: {errors:?}");
    if add_rar {
        // sie-parser's typed reader insists on `#RAR 0`, which a 4I file of several years does
        // not have (it is optional in 4I, SIE 4B §6); give it one to read the rest.
        text = text.replacen("#FNAMN", "#RAR 0 20250101 20251231\r\n#FNAMN", 1);
    }
    sie_parser::document::read(&text).expect("sie-parser reads the file")
}

fn check_vouchers(doc: &sie_parser::SieDocument, journal: &Journal, vouchers: &[Voucher]) {
    assert_eq!(doc.vouchers.len(), vouchers.len());
    for (read, v) in doc.vouchers.iter().zip(vouchers) {
        assert_eq!(read.series, v.series);
        assert_eq!(read.number, v.number);
        assert_eq!(read.date.to_string(), v.date_compact());
        assert_eq!(read.text, cp437::to_sie_text(&v.text).unwrap());
        assert_eq!(read.rows.len(), v.rows.len(), "{}", v.label());
        for (rr, r) in read.rows.iter().zip(&v.rows) {
            assert_eq!(rr.kind, sie_parser::VoucherRowKind::Transaction);
            assert_eq!(rr.account, r.account);
            assert_eq!(ore(rr.amount), r.amount.0 * 100, "{}", v.label());
            let mut objects = Vec::new();
            if let Some(c) = &r.dim1 {
                objects.push((1, c.clone()));
            }
            if let Some(c) = &r.dim6 {
                objects.push((6, c.clone()));
            }
            assert_eq!(rr.objects, objects);
        }
        assert_eq!(read.rows.iter().map(|r| ore(r.amount)).sum::<i64>(), 0);
    }
    // Every account and object the rows use is declared, with its name and type.
    for r in vouchers.iter().flat_map(|v| &v.rows) {
        let declared = &doc.accounts[&r.account];
        let account = journal.account(r.account).unwrap();
        assert_eq!(declared.name, account.name);
        assert_eq!(
            declared.account_type.as_deref(),
            Some(account.kind.sie_letter().to_string().as_str())
        );
        for (dim, code) in [(1, &r.dim1), (6, &r.dim6)] {
            if let Some(code) = code {
                let o = &doc.objects[&(dim, code.clone())];
                assert_eq!(o.name, journal.object(dim, code).unwrap().name);
            }
        }
    }
    assert_eq!(doc.dimensions[&1].name, "Ansvar");
    assert_eq!(doc.dimensions[&6].name, "Projekt");
}

fn check_header(doc: &sie_parser::SieDocument, journal: &Journal) {
    assert_eq!(doc.header.import_flag, 0);
    assert_eq!(doc.header.format, "PC8");
    assert_eq!(doc.header.sie_type, 4);
    assert_eq!(doc.header.program_name, "Sif");
    assert_eq!(doc.header.program_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(
        doc.header.generation_date.map(|d| d.to_string()).as_deref(),
        Some("20260115")
    );
    assert_eq!(doc.company.name, journal.organisation());
    assert_eq!(
        doc.company.orgnr_raw,
        journal.org_number().unwrap().replace('-', "")
    );
}

#[test]
fn sie4i_of_the_worked_examples_reads_back_equal() {
    for (name, _, journal) in worked_examples() {
        // The whole horizon in one file.
        let bytes = sie4i(&journal, &options(None)).unwrap();
        let doc = read_sie(&bytes, true);
        check_header(&doc, &journal);
        check_vouchers(&doc, &journal, journal.vouchers());
        assert!(
            doc.ib.is_empty() && doc.ub.is_empty() && doc.res.is_empty(),
            "{name}"
        );
        let text = cp437::decode(&bytes);
        for label in ["#IB", "#UB", "#RES", "#RAR"] {
            assert!(!text.contains(label), "{name}: 4I holds {label}");
        }
        // One year at a time, with its #RAR 0.
        for y in journal.years() {
            let bytes = sie4i(&journal, &options(Some(y))).unwrap();
            let doc = read_sie(&bytes, false);
            check_vouchers(&doc, &journal, journal.vouchers_in(y));
            assert_eq!(
                doc.current_year().unwrap().start.to_string(),
                format!("{y}0101")
            );
        }
    }
}

#[test]
fn sie4e_of_the_worked_examples_reads_back_with_the_journals_balances() {
    for (name, _, journal) in worked_examples() {
        for y in journal.years() {
            let bytes = sie4e(&journal, &options(Some(y))).unwrap();
            let doc = read_sie(&bytes, false);
            check_header(&doc, &journal);
            check_vouchers(&doc, &journal, journal.vouchers_in(y));
            let years: Vec<(i32, String, String)> = doc
                .years
                .iter()
                .map(|r| (r.idx, r.start.to_string(), r.end.to_string()))
                .collect();
            assert_eq!(
                years,
                [
                    (0, format!("{y}0101"), format!("{y}1231")),
                    (-1, format!("{}0101", y - 1), format!("{}1231", y - 1))
                ]
            );
            for (idx, yy) in [(0, y), (-1, y - 1)] {
                if !journal.years().contains(&yy) {
                    assert!(!doc.ub.keys().any(|(i, _)| *i == idx));
                    continue;
                }
                for r in journal.trial_balance(yy) {
                    let account = journal.account(r.account).unwrap();
                    if account.is_balance() {
                        assert_eq!(ore(doc.ib[&(idx, r.account)]), r.opening.0 * 100);
                        assert_eq!(ore(doc.ub[&(idx, r.account)]), r.closing.0 * 100);
                    } else {
                        assert_eq!(ore(doc.res[&(idx, r.account)]), r.closing.0 * 100);
                        assert!(!doc.ub.contains_key(&(idx, r.account)));
                    }
                }
                // The opening balances balance; closing balances and results sum to zero.
                let sum = |m: &BTreeMap<(i32, u32), _>| {
                    m.iter()
                        .filter(|((i, _), _)| *i == idx)
                        .map(|(_, v)| ore(v))
                        .sum::<i64>()
                };
                assert_eq!(sum(&doc.ib), 0, "{name} {yy}");
                assert_eq!(sum(&doc.ub) + sum(&doc.res), 0, "{name} {yy}");
            }
        }
    }
}

#[test]
fn sie4e_fund_equity_closing_is_the_statement_closing() {
    let fund = sample("uppfoljning");
    let journal = journal_for(&fund, None);
    let projection = project(&fund, &Options::default()).unwrap();
    for st in &projection.statement {
        let doc = read_sie(&sie4e(&journal, &options(Some(st.year))).unwrap(), false);
        // fund_equity is 2093 in this fund; credit balances are negative in SIE.
        assert_eq!(ore(doc.ub[&(0, 2093)]), -st.closing.0 * 100, "{}", st.year);
    }
}

#[test]
fn sie_bytes_follow_the_sie_4b_layout() {
    let journal = journal_for(&sample("exempelkommun"), None);
    let bytes = sie4e(&journal, &options(Some(2025))).unwrap();
    assert!(bytes.starts_with(b"#FLAGGA 0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n#PROGRAM \"Sif\" "));
    let text = cp437::decode(&bytes);
    assert!(text.contains("\r\n#GEN 20260115\r\n"));
    assert!(text.contains("\r\n#ORGNR 212000-0001\r\n"));
    assert!(text.contains(
        "\r\n#KONTO 2015 \"Öronmärkt eget kapital, sociala investeringar\"\r\n#KTYP 2015 S\r\n"
    ));
    assert!(text.contains("\r\n#OBJEKT 1 \"BUN\" \"Barn- och utbildningsnämnden\"\r\n"));
    // § is not in CP437: the council decision's note is transliterated, as documented.
    assert!(text.contains(
        "\r\n#VER \"SI\" 1 20250215 \"Öronmärkning till fonden, KF 2025-02-15 par. 12 (plan)\"\r\n{\r\n   #TRANS 2010 {} 20000000.00\r\n   #TRANS 2015 {} -20000000.00\r\n}\r\n"
    ));
    assert!(text.contains("   #TRANS 7890 {1 \"KS\" 6 \"P101\"} 2000000.00\r\n"));
    // Ö is byte 0x99 in CP437, ö 0x94: no UTF-8 anywhere.
    assert!(bytes.windows(2).any(|w| w == [b'"', 0x99]));
    assert!(std::str::from_utf8(&bytes).is_err());
    // Each record ends in CR LF.
    assert_eq!(
        bytes.iter().filter(|&&b| b == b'\n').count(),
        text.matches("\r\n").count()
    );
}

#[test]
fn sie4e_needs_a_year_inside_the_horizon() {
    let journal = journal_for(&sample("exempelkommun"), None);
    assert_eq!(
        sie4e(&journal, &options(None)).unwrap_err(),
        ExportError::Sie4eNeedsYear
    );
    assert!(matches!(
        sie4i(&journal, &options(Some(2040))).unwrap_err(),
        ExportError::YearOutsideHorizon { year: 2040, .. }
    ));
    let bad_date = SieOptions {
        generated_on: "2026-02-30".into(),
        year: None,
    };
    assert!(matches!(
        sie4i(&journal, &bad_date).unwrap_err(),
        ExportError::BadDate(_)
    ));
}

// ---------------------------------------------------------------------------------------------
// hledger and ledger-cli

/// `hledger check`, strict: accounts and commodities declared, balance assertions hold, dates
/// ordered.
fn hledger_check(file: &str) {
    run(
        "hledger",
        &[
            "-f",
            file,
            "check",
            "-s",
            "ordereddates",
            "accounts",
            "commodities",
        ],
    );
}

fn run(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!(
            "{tool} could not be run ({e}); it is a test dependency: apt-get install {tool} (listed in .ci/packages.txt)"
        )
    });
    assert!(
        output.status.success(),
        "{tool} {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// `"-1234.00 SEK"` or `"0"` → kronor.
fn kronor(amount: &str) -> i64 {
    let number = amount.trim().trim_end_matches("SEK").trim();
    let (int, frac) = number.split_once('.').unwrap_or((number, "00"));
    assert_eq!(frac, "00", "{amount}");
    int.parse().unwrap()
}

/// `hledger balance` per account (by the number in front) and year column, over the years
/// `first..=last` (all of them, even years without a transaction).
fn hledger_balances(
    file: &Path,
    historical: bool,
    first: i32,
    last: i32,
) -> BTreeMap<(u32, i32), i64> {
    let f = file.to_str().unwrap();
    let (begin, end) = (format!("{first}-01-01"), format!("{}-01-01", last + 1));
    let mut args = vec![
        "-f",
        f,
        "balance",
        "-Y",
        "-b",
        &begin,
        "-e",
        &end,
        "--flat",
        "--no-total",
        "-O",
        "csv",
    ];
    if historical {
        args.push("-H");
    }
    let csv_text = run("hledger", &args);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let years: Vec<i32> = reader
        .headers()
        .unwrap()
        .iter()
        .skip(1)
        .map(|h| h.parse().unwrap())
        .collect();
    let mut out = BTreeMap::new();
    for record in reader.records() {
        let record = record.unwrap();
        let number: u32 = record[0].split(' ').next().unwrap().parse().unwrap();
        for (k, y) in years.iter().enumerate() {
            out.insert((number, *y), kronor(&record[k + 1]));
        }
    }
    out
}

#[test]
fn hledger_checks_every_journal_export_and_its_balances_equal_the_trial_balance() {
    let dir = tempfile::tempdir().unwrap();
    for (name, fund, journal) in worked_examples() {
        let file = dir
            .path()
            .join(format!("{}.journal", name.replace('/', "-")));
        std::fs::write(&file, journal_text(&journal, None).unwrap()).unwrap();
        let f = file.to_str().unwrap();
        // Strict: accounts and commodities declared, balance assertions hold, dates ordered.
        hledger_check(f);

        let (first, last) = (journal.first_year(), journal.last_year());
        let movements = hledger_balances(&file, false, first, last);
        let closing = hledger_balances(&file, true, first, last);
        for y in journal.years() {
            for a in journal.accounts() {
                let tb = journal.balance(y, a.number);
                assert_eq!(
                    movements.get(&(a.number, y)).copied().unwrap_or(0),
                    tb.movement().0,
                    "{name}: account {} in {y}",
                    a.number
                );
            }
            // The fund balance as hledger sees it at the year's end (a credit: negative).
            assert_eq!(
                closing[&(fund.accounts.fund_equity, y)],
                -journal.fund_balance(y).0,
                "{name} {y}"
            );
            assert_eq!(
                closing[&(fund.accounts.free_equity, y)],
                journal.balance(y, fund.accounts.free_equity).closing.0
            );
        }
        // The balance assertions are there, so `check` really compared the fund balance.
        assert!(std::fs::read_to_string(&file).unwrap().contains(" = -"));

        // One year at a time: each file is checked, and its balances are that year's.
        for y in journal.years() {
            let file = dir
                .path()
                .join(format!("{}-{y}.journal", name.replace('/', "-")));
            std::fs::write(&file, journal_text(&journal, Some(y)).unwrap()).unwrap();
            let f = file.to_str().unwrap();
            hledger_check(f);
            if journal.vouchers_in(y).is_empty() {
                continue;
            }
            let movements = hledger_balances(&file, false, y, y);
            for r in journal.trial_balance(y) {
                assert_eq!(
                    movements.get(&(r.account, y)).copied().unwrap_or(0),
                    r.movement().0
                );
            }
        }
    }
}

#[test]
fn hledger_sees_plan_as_pending_and_actuals_as_cleared() {
    let journal = journal_for(&sample("uppfoljning"), None);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("u.journal");
    std::fs::write(&file, journal_text(&journal, None).unwrap()).unwrap();
    let f = file.to_str().unwrap();
    // Cleared transactions only: the closed years 2023–2025.
    let cleared = run("hledger", &["-f", f, "print", "--cleared", "-O", "csv"]);
    let mut reader = csv::Reader::from_reader(cleared.as_bytes());
    let years: std::collections::BTreeSet<String> = reader
        .records()
        .map(|r| r.unwrap()[1][..4].to_string())
        .collect();
    assert_eq!(
        years.into_iter().collect::<Vec<_>>(),
        ["2023", "2024", "2025"]
    );
    // Tags carry the dimensions: BUN-like filters work on the committee.
    let reg = run(
        "hledger",
        &["-f", f, "register", "tag:ansvar=^SOC$", "-O", "csv"],
    );
    assert!(reg.contains("Boendestöd"));
}

#[test]
fn ledger_cli_reads_the_journal_export_too() {
    let dir = tempfile::tempdir().unwrap();
    for (name, _, journal) in worked_examples() {
        let file = dir
            .path()
            .join(format!("{}.ledger", name.replace('/', "-")));
        std::fs::write(&file, journal_text(&journal, None).unwrap()).unwrap();
        let f = file.to_str().unwrap();
        run("ledger", &["-f", f, "--pedantic", "balance"]);
        for y in journal.years() {
            let begin = format!("{y}-01-01");
            let end = format!("{}-01-01", y + 1);
            let out = run(
                "ledger",
                &[
                    "-f",
                    f,
                    "-b",
                    &begin,
                    "-e",
                    &end,
                    "--flat",
                    "--no-total",
                    "balance",
                    "-F",
                    "%(account)\t%(quantity(display_total))\n",
                ],
            );
            let mut seen = BTreeMap::new();
            for line in out.lines().filter(|l| !l.is_empty()) {
                let (account, amount) = line.split_once('\t').unwrap();
                let number: u32 = account.split(' ').next().unwrap().parse().unwrap();
                seen.insert(number, kronor(amount));
            }
            for r in journal.trial_balance(y) {
                if !r.movement().is_zero() {
                    assert_eq!(seen[&r.account], r.movement().0, "{name} {y} {}", r.account);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// CSV

fn parse_amount(cell: &str, dialect: CsvDialect) -> i64 {
    if cell.is_empty() {
        return 0;
    }
    let cell = match dialect {
        CsvDialect::Rfc4180 => cell.to_string(),
        CsvDialect::Swedish => cell.replace(',', "."),
    };
    kronor(&cell)
}

fn read_csv(bytes: &[u8], dialect: CsvDialect) -> Vec<csv::StringRecord> {
    let body = match dialect {
        CsvDialect::Rfc4180 => {
            assert!(!bytes.starts_with(b"\xEF\xBB\xBF"));
            bytes
        }
        CsvDialect::Swedish => bytes
            .strip_prefix(b"\xEF\xBB\xBF".as_slice())
            .expect("the Swedish dialect starts with a UTF-8 BOM"),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if dialect == CsvDialect::Swedish {
            b';'
        } else {
            b','
        })
        .from_reader(body);
    let header = reader.headers().unwrap().clone();
    let expected = match dialect {
        CsvDialect::Rfc4180 => sif::ledger::csv::HEADER_EN,
        CsvDialect::Swedish => sif::ledger::csv::HEADER_SV,
    };
    assert_eq!(header.iter().collect::<Vec<_>>(), expected);
    reader.records().map(|r| r.unwrap()).collect()
}

#[test]
fn csv_reads_back_as_the_journals_rows_in_both_dialects() {
    for (name, _, journal) in worked_examples() {
        for dialect in [CsvDialect::Rfc4180, CsvDialect::Swedish] {
            let bytes = journal_csv(&journal, None, dialect).unwrap();
            let records = read_csv(&bytes, dialect);
            let rows: Vec<(&Voucher, &ledger::Row)> = journal
                .vouchers()
                .iter()
                .flat_map(|v| v.rows.iter().map(move |r| (v, r)))
                .collect();
            assert_eq!(records.len(), rows.len(), "{name}");
            for (rec, (v, r)) in records.iter().zip(rows) {
                assert_eq!(&rec[0], v.series);
                assert_eq!(rec[1].parse::<u32>().unwrap(), v.number);
                assert_eq!(&rec[2], v.date);
                assert_eq!(&rec[3], v.text);
                assert_eq!(rec[4].parse::<u32>().unwrap(), r.account);
                assert_eq!(&rec[5], journal.account(r.account).unwrap().name);
                assert_eq!(&rec[6], r.dim1.as_deref().unwrap_or(""));
                assert_eq!(&rec[7], r.dim6.as_deref().unwrap_or(""));
                let signed = parse_amount(&rec[8], dialect) - parse_amount(&rec[9], dialect);
                assert_eq!(signed, r.amount.0);
                assert!(rec[8].is_empty() != rec[9].is_empty());
            }
            // One year: only that year's rows.
            let y = journal.first_year();
            let bytes = journal_csv(&journal, Some(y), dialect).unwrap();
            let n: usize = journal.vouchers_in(y).iter().map(|v| v.rows.len()).sum();
            assert_eq!(read_csv(&bytes, dialect).len(), n);
        }
    }
}

#[test]
fn swedish_csv_uses_semicolons_and_decimal_commas() {
    let journal = journal_for(&sample("exempelkommun"), None);
    let bytes = journal_csv(&journal, Some(2025), CsvDialect::Swedish).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let second = text.lines().nth(1).unwrap();
    assert_eq!(
        second,
        "SI;1;2025-02-15;Öronmärkning till fonden, KF 2025-02-15 § 12 (plan);2010;Övrigt eget kapital;;;20000000,00;\r"
            .trim_end_matches('\r')
    );
    assert!(text.ends_with("\r\n"));
}

// ---------------------------------------------------------------------------------------------
// Names with å, ä, ö, é, €, emoji and quotes: what each export does with them

fn unusual_fund() -> Fund {
    let mut fund = sample("exempelkommun");
    fund.organisation = "Exempelkommun ”Åby”".into();
    fund.initiatives[0].name = "Tidiga insatser – café \"Små steg\" för 5 €".into();
    fund.initiatives[1].code = "=P102".into();
    fund.actors[2].name = "Barn- och utbildningsnämnden \"BUN\"".into();
    fund
}

#[test]
fn unusual_names_sie_transliterates_and_escapes() {
    let journal = journal_for(&unusual_fund(), None);
    let bytes = sie4i(&journal, &options(Some(2025))).unwrap();
    let text = cp437::decode(&bytes);
    // The typographic quotes become ASCII quotes, escaped; å is CP437 0x86.
    assert!(text.contains("#FNAMN \"Exempelkommun \\\"Åby\\\"\"\r\n"));
    assert!(bytes.windows(3).any(|w| w == [b'"', 0x8F, b'b']));
    // – becomes -, € becomes EUR, é (0x82) and ö (0x94) stay.
    assert!(
        text.contains(
            "#OBJEKT 6 \"P101\" \"Tidiga insatser - café \\\"Små steg\\\" för 5 EUR\"\r\n"
        )
    );
    assert!(bytes.windows(4).any(|w| w == *b"caf\x82"));
    assert!(text.contains("#OBJEKT 1 \"BUN\" \"Barn- och utbildningsnämnden \\\"BUN\\\"\"\r\n"));
    // The independent reader gets the texts back, unescaped.
    let doc = read_sie(&bytes, false);
    assert_eq!(doc.company.name, "Exempelkommun \"Åby\"");
    assert_eq!(
        doc.objects[&(6, "P101".to_string())].name,
        "Tidiga insatser - café \"Små steg\" för 5 EUR"
    );
    assert_eq!(
        doc.vouchers[1].text,
        "Fondmedel till P101 Tidiga insatser - café \"Små steg\" för 5 EUR (plan)"
    );
    // A code starting with = is just text in SIE.
    let doc = read_sie(&sie4i(&journal, &options(Some(2026))).unwrap(), false);
    assert!(doc.objects.contains_key(&(6, "=P102".to_string())));
}

#[test]
fn unusual_names_csv_keeps_them_and_neutralises_formulas() {
    let journal = journal_for(&unusual_fund(), None);
    let bytes = journal_csv(&journal, Some(2026), CsvDialect::Rfc4180).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    // RFC 4180: the field with quotes is quoted, its quotes doubled; € and – stay UTF-8.
    assert!(text.contains(
        ",\"Fondmedel till P101 Tidiga insatser – café \"\"Små steg\"\" för 5 € (plan)\","
    ));
    // The code =P102 would be a formula: it is written as '=P102.
    assert!(text.contains(",'=P102,"));
    let records = read_csv(&bytes, CsvDialect::Rfc4180);
    assert_eq!(
        &records[0][3],
        "Fondmedel till P101 Tidiga insatser – café \"Små steg\" för 5 € (plan)"
    );
    assert!(records.iter().any(|r| &r[7] == "'=P102"));
    assert_eq!(sif::ledger::csv::neutralise("+46 8 123"), "'+46 8 123");
    assert_eq!(sif::ledger::csv::neutralise("-1"), "'-1");
    assert_eq!(sif::ledger::csv::neutralise("@x"), "'@x");
    assert_eq!(sif::ledger::csv::neutralise("\tx"), "'\tx");
    assert_eq!(sif::ledger::csv::neutralise("\rx"), "'\rx");
    assert_eq!(sif::ledger::csv::neutralise("Öronmärkning"), "Öronmärkning");
}

#[test]
fn unusual_names_hledger_keeps_them_as_utf8() {
    let mut fund = unusual_fund();
    fund.initiatives[1].name = "Hela familjen 👨‍👩‍👧; steg 2".into();
    let journal = journal_for(&fund, None);
    let text = journal_text(&journal, None).unwrap();
    assert!(
        text.contains(") Fondmedel till P101 Tidiga insatser – café \"Små steg\" för 5 € (plan)\n")
    );
    // A ; would start a comment in the description: it becomes a comma.
    assert!(text.contains("Fondmedel till =P102 Hela familjen 👨‍👩‍👧, steg 2 (plan)\n"));
    assert!(text.contains("        ; projekt: =P102\n"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("unusual.journal");
    std::fs::write(&file, &text).unwrap();
    let f = file.to_str().unwrap();
    hledger_check(f);
    let reg = run(
        "hledger",
        &["-f", f, "register", "tag:projekt=P102", "-O", "csv"],
    );
    assert!(reg.contains("👨‍👩‍👧, steg 2"));
}

#[test]
fn unusual_names_an_emoji_is_refused_by_sie_with_its_source() {
    let mut fund = unusual_fund();
    fund.initiatives[1].name = "Hela familjen 👨‍👩‍👧".into();
    let journal = journal_for(&fund, None);
    let e = sie4i(&journal, &options(None)).unwrap_err();
    assert_eq!(
        e,
        ExportError::Unencodable {
            text: "Hela familjen 👨‍👩‍👧".into(),
            character: '👨',
            origin: TextSource::InitiativeName("=P102".into()),
            target: ledger::TextTarget::Sie,
        }
    );
    let message = e.to_string();
    assert!(message.contains("namnet på insatsen =P102"), "{message}");
    assert!(
        message.contains("the name of initiative =P102"),
        "{message}"
    );
    assert!(message.contains("U+1F468"), "{message}");
    // Objects are declared only where rows use them: a year without that initiative exports.
    assert!(sie4e(&journal, &options(Some(2025))).is_ok());
    // The other exports carry the emoji unchanged.
    let csv_text =
        String::from_utf8(journal_csv(&journal, None, CsvDialect::Swedish).unwrap()).unwrap();
    assert!(csv_text.contains("Hela familjen 👨‍👩‍👧 (plan)"));
}

#[test]
fn a_comma_in_a_code_cannot_be_an_hledger_tag() {
    let mut fund = sample("exempelkommun");
    fund.initiatives[0].code = "P1,01".into();
    let journal = journal_for(&fund, None);
    let e = journal_text(&journal, None).unwrap_err();
    assert!(matches!(
        e,
        ExportError::Unencodable {
            character: ',',
            target: ledger::TextTarget::HledgerTag,
            ..
        }
    ));
}
