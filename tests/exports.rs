//! Every export of SPEC §7 read back by tools this project did not write: SIE files by the
//! `sie-parser` and `sie4` crates (two readers written apart), hledger journals by hledger (and
//! ledger-cli), CSV by the `csv` crate. Each must agree with the journal to the krona.
//!
//! hledger and ledger-cli come from Debian's packages (`.ci/packages.txt`; CI installs them).
//! A test that needs one fails when it is missing: it never skips.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use sif::engine::{Options, project};
use sif::ledger::budget::{Budget, BudgetObject, budget};
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

/// Every sample fund under every scenario it has.
fn worked_examples() -> Vec<(String, Fund, Journal)> {
    let mut out = Vec::new();
    for name in ["exempelkommun", "uppfoljning", "region", "smakommun"] {
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

/// The budget of a year for the journal's scenario.
fn budget_for(fund: &Fund, journal: &Journal, year: i32) -> Budget {
    let scenario = (journal.scenario() != "base").then(|| journal.scenario().to_string());
    let options = Options::named(fund, scenario.as_deref(), false).unwrap();
    let projection = project(fund, &options).unwrap();
    budget(fund, &projection, year).unwrap()
}

fn options(year: Option<i32>) -> SieOptions {
    SieOptions {
        generated_on: GENERATED_ON.to_string(),
        year,
        year_end_only: false,
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
fn read_sie(bytes: &[u8]) -> sie_parser::SieDocument {
    assert_eq!(
        sie_parser::detect_encoding(bytes),
        sie_parser::Encoding::Cp437
    );
    let text = sie_parser::decode_cp437(bytes);
    let parsed = sie_parser::parse(&text);
    let errors: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == sie_parser::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "sie-parser diagnostics: {errors:?}");
    sie_parser::document::read(&text).expect("sie-parser reads the file")
}

/// The `#PBUDGET` records as sie-parser's generic parser sees them: (year index, period,
/// account, objects, öre), in file order.
/// A `#PBUDGET` record: year index, period, account, objects, öre.
type PBudget = (String, String, u32, Vec<(u32, String)>, i64);

fn read_pbudget(bytes: &[u8]) -> Vec<PBudget> {
    let text = sie_parser::decode_cp437(bytes);
    sie_parser::parse(&text)
        .items
        .iter()
        .filter(|i| i.label == "#PBUDGET")
        .map(|i| {
            let f = &i.fields;
            let objects = match &f[3].value {
                sie_parser::FieldValue::ObjectList { tokens } => tokens
                    .chunks(2)
                    .map(|c| (c[0].parse().unwrap(), c[1].trim_matches('"').to_string()))
                    .collect(),
                other => panic!("not an object list: {other:?}"),
            };
            (
                f[0].value.as_str().unwrap().to_string(),
                f[1].value.as_str().unwrap().to_string(),
                f[2].value.as_str().unwrap().parse().unwrap(),
                objects,
                ore(f[4].value.as_str().unwrap()),
            )
        })
        .collect()
}

/// The budget's rows as a SIE file must hold them.
fn expected_pbudget(b: &Budget) -> Vec<PBudget> {
    b.rows()
        .iter()
        .map(|r| {
            let objects = match &r.object {
                BudgetObject::All => vec![],
                BudgetObject::Actor(c) => vec![(1, c.clone())],
                BudgetObject::Initiative(c) => vec![(6, c.clone())],
            };
            (
                "0".to_string(),
                format!("{}{:02}", b.year(), r.month),
                r.account,
                objects,
                r.amount.0 * 100,
            )
        })
        .collect()
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
    // Voucher numbers ascend within the file.
    assert!(doc.vouchers.windows(2).all(|w| w[0].number < w[1].number));
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
                let name = &journal.object(dim, code).unwrap().name;
                assert_eq!(o.name, cp437::to_sie_text(name).unwrap());
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
    if let Some(orgnr) = journal.org_number() {
        assert_eq!(
            doc.company.orgnr_raw,
            sif::ledger::sie::org_number(orgnr)
                .unwrap()
                .replace('-', "")
        );
    }
}

/// The fund's own accounts: nothing else may appear in a voucher.
fn own_accounts(fund: &Fund) -> [u32; 4] {
    let a = &fund.accounts;
    [
        a.fund_equity,
        a.free_equity,
        a.internal_income,
        a.internal_cost,
    ]
}

#[test]
fn sie4i_of_every_closed_year_reads_back_equal_and_open_years_are_refused() {
    let mut closed_files = 0;
    for (name, fund, journal) in worked_examples() {
        for y in journal.years() {
            if !journal.is_closed(y) {
                let e = sie4i(&journal, &options(Some(y))).unwrap_err();
                assert_eq!(e, ExportError::Sie4iOpenYear { year: y });
                let message = e.to_string();
                assert!(
                    message.contains("SIE 4E") && message.contains("budget"),
                    "{message}"
                );
                continue;
            }
            closed_files += 1;
            let bytes = sie4i(&journal, &options(Some(y))).unwrap();
            let doc = read_sie(&bytes);
            check_header(&doc, &journal);
            check_vouchers(&doc, &journal, journal.vouchers_in(y));
            assert_eq!(
                doc.current_year().unwrap().start.to_string(),
                format!("{y}0101")
            );
            assert!(
                doc.ib.is_empty() && doc.ub.is_empty() && doc.res.is_empty(),
                "{name}"
            );
            let text = cp437::decode(&bytes);
            for label in ["#IB", "#UB", "#RES", "#PBUDGET"] {
                assert!(!text.contains(label), "{name}: 4I holds {label}");
            }
            assert!(
                doc.vouchers
                    .iter()
                    .flat_map(|v| &v.rows)
                    .all(|r| own_accounts(&fund).contains(&r.account))
            );
            // Year-end only: steps 1 and 4, numbered from 1.
            let mut o = options(Some(y));
            o.year_end_only = true;
            let bytes = sie4i(&journal, &o).unwrap();
            let doc = read_sie(&bytes);
            let expected: Vec<&Voucher> = journal
                .vouchers_in(y)
                .iter()
                .filter(|v| sif::ledger::sie::is_year_end(v))
                .collect();
            assert_eq!(doc.vouchers.len(), expected.len());
            for (k, (read, v)) in doc.vouchers.iter().zip(&expected).enumerate() {
                assert_eq!(read.number as usize, k + 1);
                assert_eq!(read.text, cp437::to_sie_text(&v.text).unwrap());
                assert!(read.rows.iter().all(|r| r.objects.is_empty()));
                let amounts: Vec<i64> = read.rows.iter().map(|r| ore(r.amount)).collect();
                let want: Vec<i64> = v.rows.iter().map(|r| r.amount.0 * 100).collect();
                assert_eq!(amounts, want);
            }
            let text = cp437::decode(&bytes);
            assert!(
                !text.contains("#TRANS 7"),
                "{name}: year-end only books equity only"
            );
        }
    }
    assert!(closed_files >= 3, "the samples have closed years");
    // Without a year: refused.
    let (_, _, journal) = &worked_examples()[0];
    assert_eq!(
        sie4i(journal, &options(None)).unwrap_err(),
        ExportError::Sie4iNeedsYear
    );
}

#[test]
fn sie4e_of_every_year_reads_back_with_the_journals_balances_and_the_budget() {
    for (name, fund, journal) in worked_examples() {
        for y in journal.years() {
            let b = budget_for(&fund, &journal, y);
            let bytes = sie4e(&journal, &b, &options(Some(y))).unwrap();
            let doc = read_sie(&bytes);
            check_header(&doc, &journal);
            let years: Vec<(i32, String, String)> = doc
                .years
                .iter()
                .map(|r| (r.idx, r.start.to_string(), r.end.to_string()))
                .collect();
            let closed = journal.is_closed(y);
            let mut want_years = vec![(0, format!("{y}0101"), format!("{y}1231"))];
            if closed && journal.years().contains(&(y - 1)) {
                want_years.push((-1, format!("{}0101", y - 1), format!("{}1231", y - 1)));
            }
            assert_eq!(years, want_years, "{name} {y}");
            if closed {
                check_vouchers(&doc, &journal, journal.vouchers_in(y));
                for (idx, yy) in [(0, y), (-1, y - 1)] {
                    if !journal.years().contains(&yy) {
                        assert!(!doc.ub.keys().any(|(i, _)| *i == idx));
                        continue;
                    }
                    for r in journal.trial_balance(yy) {
                        let account = journal.account(r.account).unwrap();
                        if account.is_balance() {
                            if idx == 0 {
                                assert_eq!(ore(doc.ib[&(idx, r.account)]), r.opening.0 * 100);
                            }
                            assert_eq!(ore(doc.ub[&(idx, r.account)]), r.closing.0 * 100);
                        } else {
                            assert_eq!(ore(doc.res[&(idx, r.account)]), r.movement().0 * 100);
                            assert!(!doc.ub.contains_key(&(idx, r.account)));
                        }
                    }
                    // Closing balances and results each sum to zero.
                    let sum = |m: &BTreeMap<(i32, u32), _>| {
                        m.iter()
                            .filter(|((i, _), _)| *i == idx)
                            .map(|(_, v)| ore(v))
                            .sum::<i64>()
                    };
                    assert_eq!(sum(&doc.ib), 0, "{name} {yy}");
                    assert_eq!(sum(&doc.ub), 0, "{name} {yy}");
                    assert_eq!(sum(&doc.res), 0, "{name} {yy}");
                }
                // #IB 0 is #UB -1.
                for ((i, a), v) in &doc.ib {
                    if let Some(prev) = doc.ub.get(&(-1, *a)) {
                        assert_eq!((*i, ore(v)), (0, ore(prev)));
                    }
                }
            } else {
                // An open year: no vouchers, no results; the balances of the last closed year.
                assert!(doc.vouchers.is_empty(), "{name} {y}");
                assert!(doc.res.is_empty());
                match journal.last_closed_year() {
                    None => assert!(doc.ib.is_empty() && doc.ub.is_empty()),
                    Some(c) => {
                        for r in journal.trial_balance(c) {
                            if journal.account(r.account).unwrap().is_balance() {
                                assert_eq!(ore(doc.ib[&(0, r.account)]), r.closing.0 * 100);
                                assert_eq!(ore(doc.ub[&(0, r.account)]), r.closing.0 * 100);
                            }
                        }
                        assert_eq!(doc.ib.len(), doc.ub.len());
                    }
                }
            }
            // The budget, row for row; every account and object it names is declared.
            let read = read_pbudget(&bytes);
            assert_eq!(read, expected_pbudget(&b), "{name} {y}");
            for (_, _, account, objects, _) in &read {
                assert!(doc.accounts.contains_key(account), "{name} {y}: {account}");
                for o in objects {
                    assert!(doc.objects.contains_key(o), "{name} {y}: {o:?}");
                }
            }
            // Σ of the twelve months of each account's {} rows = the year's plan on it.
            let mut per_account: BTreeMap<u32, i64> = BTreeMap::new();
            for (_, _, account, objects, amount) in &read {
                if objects.is_empty() {
                    *per_account.entry(*account).or_default() += amount;
                }
            }
            let mut plan: BTreeMap<u32, i64> = BTreeMap::new();
            for c in b.cells() {
                *plan.entry(c.account).or_default() += c.amount.0 * 100;
            }
            assert_eq!(per_account, plan, "{name} {y}");
        }
    }
}

#[test]
fn sie4e_fund_equity_closing_is_the_statement_closing() {
    let fund = sample("uppfoljning");
    let journal = journal_for(&fund, None);
    let projection = project(&fund, &Options::default()).unwrap();
    for st in &projection.statement {
        if !journal.is_closed(st.year) {
            continue;
        }
        let b = budget(&fund, &projection, st.year).unwrap();
        let doc = read_sie(&sie4e(&journal, &b, &options(Some(st.year))).unwrap());
        let fe = fund.accounts.fund_equity;
        // Credit balances are negative in SIE.
        assert_eq!(ore(doc.ub[&(0, fe)]), -st.closing.0 * 100, "{}", st.year);
    }
}

// ---------------------------------------------------------------------------------------------
// SIE, read back a second time by the `sie4` crate, a reader written apart from sie-parser.
//
// sie4 knows the identification, account and balance records (#FLAGGA … #RAR, #KONTO, #IB,
// #UB, #RES, #VER/#TRANS) and refuses any other label. It has no #KTYP, #DIM, #OBJEKT, #PROSA
// or #PBUDGET: those lines are taken out before it reads the file (and counted, so no other
// label is ever dropped), and the budget rows are checked by sie-parser above. Of a #TRANS
// row's object list it reads only the first token.

/// The labels sie4 cannot read, which the test removes before handing it the file.
const SIE4_UNKNOWN: [&str; 5] = ["#PROSA", "#KTYP", "#DIM", "#OBJEKT", "#PBUDGET"];

/// Read with sie4: every item it returns, and how many lines of each unknown label were
/// taken out first.
fn read_sie4(bytes: &[u8]) -> (Vec<sie4::Item>, BTreeMap<&'static str, usize>) {
    let mut kept = Vec::with_capacity(bytes.len());
    let mut removed: BTreeMap<&'static str, usize> = BTreeMap::new();
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let label = line
            .split(|&b| b == b' ' || b == b'\r' || b == b'\n')
            .next()
            .unwrap_or_default();
        match SIE4_UNKNOWN.iter().find(|l| l.as_bytes() == label) {
            Some(l) => *removed.entry(l).or_default() += 1,
            None => kept.extend_from_slice(line),
        }
    }
    let items = sie4::Reader::new(kept.as_slice())
        .collect::<Result<Vec<_>, _>>()
        .expect("sie4 reads every record it knows");
    (items, removed)
}

/// The figures sie4 read, in the shape the checks compare.
#[derive(Default)]
struct Sie4Read {
    header: Vec<String>,
    years: Vec<(i32, String, String)>,
    accounts: BTreeMap<u32, String>,
    ib: BTreeMap<(i32, u32), i64>,
    ub: BTreeMap<(i32, u32), i64>,
    res: BTreeMap<(i32, u32), i64>,
    /// (series, number, date, text, rows of (account, objects, öre)).
    vouchers: Vec<Sie4Voucher>,
}

type Sie4Voucher = (String, u32, String, String, Vec<(u32, Vec<String>, i64)>);

/// sie4's dates print as `2024-12-31`.
fn sie4_date(d: impl std::fmt::Display) -> String {
    d.to_string().replace('-', "")
}

fn sie4_read(items: Vec<sie4::Item>) -> Sie4Read {
    use sie4::Item;
    let mut r = Sie4Read::default();
    for item in items {
        match item {
            Item::Flagga(f) => r.header.push(format!("flagga {}", u8::from(f.read))),
            Item::Format(_) => r.header.push("format PC8".into()),
            Item::SieTyp(_) => r.header.push("sietyp 4".into()),
            Item::Program(p) => r.header.push(format!("program {} {}", p.name, p.version)),
            Item::Gen(g) => r.header.push(format!("gen {}", sie4_date(g.date))),
            Item::FNamn(f) => r.header.push(format!("fnamn {}", f.name)),
            Item::Orgnr(o) => r.header.push(format!("orgnr {}", o.org_no)),
            Item::Rar(y) => r.years.push((y.no, sie4_date(y.start), sie4_date(y.end))),
            Item::Konto(k) => {
                assert!(r.accounts.insert(k.no, k.name).is_none(), "one #KONTO each");
            }
            Item::Ib(b) => {
                r.ib.insert((b.year, b.account), ore(b.balance));
            }
            Item::Ub(b) => {
                r.ub.insert((b.year, b.account), ore(b.balance));
            }
            Item::Res(b) => {
                r.res.insert((b.year, b.account), ore(b.balance));
            }
            Item::Ver(v) => r.vouchers.push((
                v.series,
                v.no,
                sie4_date(v.date),
                v.text.unwrap_or_default(),
                v.transactions
                    .0
                    .into_iter()
                    .map(|t| (t.account, t.objects.0, ore(t.amount)))
                    .collect(),
            )),
            other => panic!("Sif writes no {other:?}"),
        }
    }
    r
}

/// Checks common to 4I and 4E: the header, the accounts and the vouchers, against the journal.
fn check_sie4(read: &Sie4Read, journal: &Journal, vouchers: &[Voucher], name: &str) {
    let mut header = vec![
        "flagga 0".to_string(),
        "format PC8".into(),
        "sietyp 4".into(),
        format!("program Sif {}", env!("CARGO_PKG_VERSION")),
        "gen 20260115".into(),
        format!("fnamn {}", journal.organisation()),
    ];
    if let Some(orgnr) = journal.org_number() {
        header.push(format!(
            "orgnr {}",
            sif::ledger::sie::org_number(orgnr).unwrap()
        ));
    }
    assert_eq!(read.header, header, "{name}");
    for (no, account_name) in &read.accounts {
        assert_eq!(
            account_name,
            &journal.account(*no).unwrap().name,
            "{name} {no}"
        );
    }
    assert_eq!(read.vouchers.len(), vouchers.len(), "{name}");
    for (r, v) in read.vouchers.iter().zip(vouchers) {
        assert_eq!((&r.0, r.1, &r.2), (&v.series, v.number, &v.date_compact()));
        assert_eq!(r.3, cp437::to_sie_text(&v.text).unwrap(), "{name}");
        let want: Vec<(u32, Vec<String>, i64)> = v
            .rows
            .iter()
            .map(|row| {
                let mut objects = Vec::new();
                for (dim, code) in [("1", &row.dim1), ("6", &row.dim6)] {
                    if let Some(code) = code {
                        objects.push(dim.to_string());
                        objects.push(code.clone());
                    }
                }
                // sie4 0.1.1 reads only the first token of an object list (its list parser does
                // not step over the space between items), so it sees the first dimension's
                // number; the objects themselves are checked by sie-parser above.
                objects.truncate(1);
                (row.account, objects, row.amount.0 * 100)
            })
            .collect();
        assert_eq!(r.4, want, "{name}: {}", v.label());
        assert!(read.accounts.keys().count() > 0);
        for (account, _, _) in &r.4 {
            assert!(read.accounts.contains_key(account), "{name}: {account}");
        }
        assert_eq!(r.4.iter().map(|t| t.2).sum::<i64>(), 0, "{name}");
    }
}

#[test]
fn sie4_crate_reads_every_4i_and_4e_back_equal_to_the_journal_and_to_sie_parser() {
    let mut files = 0;
    for (name, fund, journal) in worked_examples() {
        for y in journal.years() {
            // 4I of a closed year: vouchers only.
            if journal.is_closed(y) {
                let bytes = sie4i(&journal, &options(Some(y))).unwrap();
                let (items, removed) = read_sie4(&bytes);
                let read = sie4_read(items);
                check_sie4(&read, &journal, journal.vouchers_in(y), &name);
                assert_eq!(
                    read.years,
                    vec![(0, format!("{y}0101"), format!("{y}1231"))]
                );
                assert!(read.ib.is_empty() && read.ub.is_empty() && read.res.is_empty());
                assert!(!removed.contains_key("#PBUDGET"), "{name} {y}");
                files += 1;
            }
            // 4E of any year: balances and budget (the budget's lines counted here, their
            // figures checked by sie-parser).
            let b = budget_for(&fund, &journal, y);
            let bytes = sie4e(&journal, &b, &options(Some(y))).unwrap();
            let (items, removed) = read_sie4(&bytes);
            let read = sie4_read(items);
            let doc = read_sie(&bytes);
            let vouchers: &[Voucher] = if journal.is_closed(y) {
                journal.vouchers_in(y)
            } else {
                &[]
            };
            check_sie4(&read, &journal, vouchers, &name);
            let parser_years: Vec<(i32, String, String)> = doc
                .years
                .iter()
                .map(|r| (r.idx, r.start.to_string(), r.end.to_string()))
                .collect();
            assert_eq!(read.years, parser_years, "{name} {y}");
            let in_ore = |m: &BTreeMap<(i32, u32), _>| -> BTreeMap<(i32, u32), i64> {
                m.iter().map(|(k, v)| (*k, ore(v))).collect()
            };
            assert_eq!(read.ib, in_ore(&doc.ib), "{name} {y}");
            assert_eq!(read.ub, in_ore(&doc.ub), "{name} {y}");
            assert_eq!(read.res, in_ore(&doc.res), "{name} {y}");
            let declared: Vec<u32> = doc.accounts.keys().copied().collect();
            assert_eq!(read.accounts.keys().copied().collect::<Vec<_>>(), declared);
            assert_eq!(
                removed.get("#PBUDGET").copied().unwrap_or(0),
                b.rows().len(),
                "{name} {y}"
            );
            files += 1;
        }
    }
    assert!(files > 40, "{files} files read");
}

#[test]
fn sie_bytes_follow_the_sie_4b_layout() {
    let fund = sample("exempelkommun");
    let journal = journal_for(&fund, None);
    let b = budget_for(&fund, &journal, 2025);
    let bytes = sie4e(&journal, &b, &options(Some(2025))).unwrap();
    assert!(bytes.starts_with(b"#FLAGGA 0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n#PROGRAM \"Sif\" "));
    let text = cp437::decode(&bytes);
    assert!(text.contains("\r\n#GEN 20260115\r\n"));
    assert!(text.contains("\r\n#ORGNR 212000-0001\r\n"));
    // An open year: its plan as budget, no vouchers.
    assert!(!text.contains("#VER"));
    assert!(text.contains("\r\n#KONTO 5110 \"Personalkostnader\"\r\n#KTYP 5110 K\r\n"));
    assert!(text.contains("\r\n#OBJEKT 1 \"BUN\" \"Barn- och utbildningsnämnden\"\r\n"));
    // P101 2025: 2 000 000 over twelve months, 166 667 for the first eight.
    assert!(text.contains("\r\n#PBUDGET 0 202501 7890 {} "));
    assert!(text.contains("\r\n#PBUDGET 0 202501 7890 {1 \"KS\"} "));
    assert!(text.contains("\r\n#PBUDGET 0 202501 5110 {6 \"P101\"} 166667.00\r\n"));
    assert!(text.contains("\r\n#PBUDGET 0 202509 5110 {6 \"P101\"} 166666.00\r\n"));
    // Ö is byte 0x99 in CP437, ö 0x94: no UTF-8 anywhere.
    assert!(std::str::from_utf8(&bytes).is_err());
    // Each record ends in CR LF.
    assert_eq!(
        bytes.iter().filter(|&&b| b == b'\n').count(),
        text.matches("\r\n").count()
    );

    // A closed year's vouchers, as 4I writes them.
    let fund = sample("uppfoljning");
    let journal = journal_for(&fund, None);
    let y = journal.last_closed_year().unwrap();
    let text = cp437::decode(&sie4i(&journal, &options(Some(y))).unwrap());
    assert!(text.contains(&format!(
        "\r\n#VER \"{}\" 1 {y}1231 \"Fondmedel till ",
        fund.accounts.voucher_series
    )));
    assert!(text.contains("(utfall)\"\r\n{\r\n   #TRANS "));
    assert!(text.contains(&format!("\r\n#RAR 0 {y}0101 {y}1231\r\n")));
}

#[test]
fn sie_needs_a_year_inside_the_horizon() {
    let fund = sample("exempelkommun");
    let journal = journal_for(&fund, None);
    let b = budget_for(&fund, &journal, 2025);
    assert_eq!(
        sie4e(&journal, &b, &options(None)).unwrap_err(),
        ExportError::Sie4eNeedsYear
    );
    assert!(matches!(
        sie4i(&journal, &options(Some(2040))).unwrap_err(),
        ExportError::YearOutsideHorizon { year: 2040, .. }
    ));
    assert!(matches!(
        sie4e(&journal, &b, &options(Some(2026))).unwrap_err(),
        ExportError::BudgetYear {
            budget: 2025,
            year: 2026
        }
    ));
    let bad_date = SieOptions {
        generated_on: "2026-02-30".into(),
        year: Some(2025),
        year_end_only: false,
    };
    assert!(matches!(
        sie4i(&journal, &bad_date).unwrap_err(),
        ExportError::BadDate(_)
    ));
}

#[test]
fn nothing_in_any_export_books_wages_purchases_or_the_bank() {
    for (name, fund, journal) in worked_examples() {
        let own = own_accounts(&fund);
        for v in journal.vouchers() {
            assert!(
                v.rows.iter().all(|r| own.contains(&r.account)),
                "{name} {}",
                v.label()
            );
        }
        let csv_text =
            String::from_utf8(journal_csv(&journal, None, CsvDialect::Rfc4180).unwrap()).unwrap();
        for line in csv_text.lines().skip(1) {
            let account: u32 = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(line.as_bytes())
                .records()
                .next()
                .unwrap()
                .unwrap()[4]
                .parse()
                .unwrap();
            assert!(own.contains(&account), "{name}: {line}");
        }
        let text = journal_text(&journal, None).unwrap();
        for k in [
            fund.accounts.staff,
            fund.accounts.services,
            fund.accounts.other,
        ] {
            if !own.contains(&k) {
                assert!(!text.contains(&format!("    {k} ")), "{name}: {k}");
            }
        }
        assert!(!text.contains("1930"), "{name}: no bank");
    }
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
                closing
                    .get(&(fund.accounts.fund_equity, y))
                    .copied()
                    .unwrap_or(0),
                -journal.fund_balance(y).0,
                "{name} {y}"
            );
            assert_eq!(
                closing
                    .get(&(fund.accounts.free_equity, y))
                    .copied()
                    .unwrap_or(0),
                journal.balance(y, fund.accounts.free_equity).closing.0,
                "{name} {y}"
            );
        }
        // The balance assertions are there, so `check` really compared the fund balance.
        if fund.model == sif::model::FundingModel::EarmarkedEquity {
            assert!(
                std::fs::read_to_string(&file).unwrap().contains(" = -"),
                "{name}"
            );
        }

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
    // Plan vouchers carry the tag plan: and only they.
    let plan = run("hledger", &["-f", f, "print", "tag:plan", "-O", "csv"]);
    let mut reader = csv::Reader::from_reader(plan.as_bytes());
    let plan_years: std::collections::BTreeSet<String> = reader
        .records()
        .map(|r| r.unwrap()[1][..4].to_string())
        .collect();
    assert!(!plan_years.is_empty());
    assert!(
        plan_years.iter().all(|y| y.as_str() > "2025"),
        "{plan_years:?}"
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
    // 2025 and 2026 closed, with the plan as the outcome: their vouchers go to SIE 4I.
    fund.closed_through = Some(2026);
    for ini in &mut fund.initiatives {
        for year in [2025, 2026] {
            let fund_cost: i64 = ini
                .costs
                .iter()
                .filter(|c| c.year == year)
                .map(|c| c.fund.0)
                .sum();
            ini.actuals.push(sif::model::Actual {
                year,
                fund: sif::money::Money(fund_cost),
                repaid: vec![],
                source: String::new(),
            });
        }
    }
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
    let doc = read_sie(&bytes);
    assert_eq!(doc.company.name, "Exempelkommun \"Åby\"");
    assert_eq!(
        doc.objects[&(6, "P101".to_string())].name,
        "Tidiga insatser - café \"Små steg\" för 5 EUR"
    );
    assert_eq!(
        doc.vouchers[1].text,
        "Fondmedel till P101 Tidiga insatser - café \"Små steg\" för 5 EUR (utfall)"
    );
    // A code starting with = is just text in SIE.
    let doc = read_sie(&sie4i(&journal, &options(Some(2026))).unwrap());
    assert!(doc.objects.contains_key(&(6, "=P102".to_string())));
}

#[test]
fn unusual_names_csv_keeps_them_and_neutralises_formulas() {
    let journal = journal_for(&unusual_fund(), None);
    let bytes = journal_csv(&journal, Some(2026), CsvDialect::Rfc4180).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    // RFC 4180: the field with quotes is quoted, its quotes doubled; € and – stay UTF-8.
    assert!(text.contains(
        ",\"Fondmedel till P101 Tidiga insatser – café \"\"Små steg\"\" för 5 € (utfall)\","
    ));
    // The code =P102 would be a formula: it is written as '=P102.
    assert!(text.contains(",'=P102,"));
    let records = read_csv(&bytes, CsvDialect::Rfc4180);
    assert_eq!(
        &records[0][3],
        "Fondmedel till P101 Tidiga insatser – café \"Små steg\" för 5 € (utfall)"
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
    let e = sie4i(&journal, &options(Some(2026))).unwrap_err();
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
    let b = budget_for(&fund, &journal, 2025);
    assert!(sie4e(&journal, &b, &options(Some(2025))).is_ok());
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

/// Every ledger and export refusal prints the sentence it always printed, Swedish first; its
/// two languages apart are the halves of that line.
#[test]
fn ledger_and_export_refusals_say_what_they_said_in_each_language() {
    use sif::ledger::{LedgerError, TextTarget};
    use sif::messages::Message;
    use sif::money::Overflow;
    use sif::text::Lang;

    let ledger = [
        (
            LedgerError::AccountClass {
                field: "fund_equity",
                number: 3015,
                balance: true,
            },
            "kontot för fund_equity (3015) ska ha 4–8 siffror och tillhöra klass 1–2 (balanskonto); kontrollera kontoplanen under accounts / the account for fund_equity (3015) must have 4–8 digits and belong to class 1–2 (balance account); check the chart under accounts",
        ),
        (
            LedgerError::AccountClass {
                field: "staff",
                number: 2010,
                balance: false,
            },
            "kontot för staff (2010) ska ha 4–8 siffror och tillhöra klass 3–9 (resultatkonto); kontrollera kontoplanen under accounts / the account for staff (2010) must have 4–8 digits and belong to class 3–9 (result account); check the chart under accounts",
        ),
        (
            LedgerError::SharedFundEquity {
                number: 2015,
                other: "free_equity",
            },
            "kontot 2015 används både för fund_equity och för free_equity; fondens saldo måste ha ett eget konto / the account 2015 is used for both fund_equity and free_equity; the fund balance needs an account of its own",
        ),
        (
            LedgerError::UnknownActor("SOC".into()),
            "aktören ”SOC” finns inte bland fondens aktörer; rätta fonden först / the actor “SOC” is not one of the fund's actors; fix the fund first",
        ),
        (
            LedgerError::ProjectionMismatch,
            "beräkningen hör inte till den här fonden (andra år); räkna om / the projection does not belong to this fund (other years); compute it again",
        ),
        (
            LedgerError::Unbalanced {
                voucher: "F 2026:3".into(),
                sum: -5,
            },
            "verifikationen F 2026:3 balanserar inte (summa -5); detta är ett fel i Sif / voucher F 2026:3 does not balance (sum -5); this is a bug in Sif",
        ),
        (
            LedgerError::ResultNotZero { year: 2027, sum: 7 },
            "resultatkontona nettar inte till noll år 2027 (summa 7); detta är ett fel i Sif / the result accounts do not net to zero in 2027 (sum 7); this is a bug in Sif",
        ),
        (
            LedgerError::YearOutsideHorizon {
                year: 2040,
                first: 2026,
                last: 2035,
            },
            "året 2040 ligger utanför fondens horisont 2026–2035 / the year 2040 is outside the fund's horizon 2026–2035",
        ),
    ];
    let export = [
        (
            ExportError::Unencodable {
                text: "Fond ☃".into(),
                character: '☃',
                origin: TextSource::InitiativeName("INS-1".into()),
                target: TextTarget::Sie,
            },
            "texten ”Fond ☃” (namnet på insatsen INS-1) innehåller tecknet ☃ (U+2603), som SIE-filen (teckentabell CP437) inte kan lagra; ändra texten och exportera igen / the text “Fond ☃” (the name of initiative INS-1) contains the character ☃ (U+2603), which a SIE file (code page CP437) cannot hold; change the text and export again",
        ),
        (
            ExportError::Unencodable {
                text: "a,b".into(),
                character: ',',
                origin: TextSource::Sif,
                target: TextTarget::HledgerTag,
            },
            "texten ”a,b” (en text från Sif) innehåller tecknet , (U+002C), som en hledger-tagg inte kan lagra; ändra texten och exportera igen / the text “a,b” (a text of Sif's own) contains the character , (U+002C), which an hledger tag cannot hold; change the text and export again",
        ),
        (
            ExportError::OrgNumber("12345".into()),
            "organisationsnumret ”12345” har inte formen NNNNNN-NNNN (tio siffror) / the organisation number “12345” is not of the form NNNNNN-NNNN (ten digits)",
        ),
        (
            ExportError::YearOutsideHorizon {
                year: 2040,
                first: 2026,
                last: 2035,
            },
            "året 2040 ligger utanför fondens horisont 2026–2035 / the year 2040 is outside the fund's horizon 2026–2035",
        ),
        (
            ExportError::Sie4eNeedsYear,
            "SIE 4E gäller ett räkenskapsår; ange --year / SIE 4E covers one financial year; give --year",
        ),
        (
            ExportError::Sie4iNeedsYear,
            "SIE 4I innehåller verifikationer för ett stängt år; ange --year / SIE 4I holds the vouchers of one closed year; give --year",
        ),
        (
            ExportError::Sie4iOpenYear { year: 2027 },
            "året 2027 är inte stängt: dess plan lämnar Sif som budget i en SIE 4E-fil (--format sie4e --year 2027), inte som verifikationer att läsa in / the year 2027 is not closed: its plan leaves Sif as budget in a SIE 4E file (--format sie4e --year 2027), not as vouchers to import",
        ),
        (
            ExportError::BudgetYear {
                budget: 2026,
                year: 2027,
            },
            "budgeten gäller år 2026, filen år 2027; detta är ett fel i Sif / the budget is for 2026, the file for 2027; this is a bug in Sif",
        ),
        (
            ExportError::YearEndOnlyNotSie4i,
            "--year-end-only gäller bara SIE 4I / --year-end-only applies to SIE 4I only",
        ),
        (
            ExportError::BadDate("2026-02-30".into()),
            "datumet ”2026-02-30” är inget giltigt datum (ÅÅÅÅ-MM-DD) / “2026-02-30” is not a valid date (YYYY-MM-DD)",
        ),
    ];
    fn says<E: Message + std::fmt::Display>(e: &E, line: &str) {
        assert_eq!(e.to_string(), line);
        assert_eq!(format!("{} / {}", e.text(Lang::Sv), e.text(Lang::En)), line);
    }
    for (e, line) in &ledger {
        says(e, line);
    }
    for (e, line) in &export {
        says(e, line);
    }
    says(&LedgerError::Overflow(Overflow), &Overflow.to_string());

    let workbook = sif::xlsx::export::ExportError::Ledger(LedgerError::ProjectionMismatch);
    assert_eq!(workbook.to_string(), ledger[4].1);
    assert_eq!(
        workbook.text(Lang::En),
        "the projection does not belong to this fund (other years); compute it again"
    );
}
