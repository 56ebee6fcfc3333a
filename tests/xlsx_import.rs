//! The initiatives template and its import (issue: Excel in and out): a filled template comes
//! back as the same initiative, hand-typed values are read as people write them, and hostile
//! workbooks get one clear sentence each and change nothing.

use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use rust_xlsxwriter::{Formula, Workbook};
use sif::model::{CostKind, CostRow, Initiative, Payer, Repayment, SavingsRow, Status};
use sif::money::Money;
use sif::samples::SAMPLES;
use sif::store;
use sif::xlsx::import::{ImportError, import};
use sif::xlsx::template::{template_csv, template_xlsx};
use sif::xlsx::{COSTS, DATA_SHEETS, INITIATIVES, SAVINGS};
use sif_testkit::cli::{self, sample};

fn sif(args: &[&str]) -> Output {
    cli::run(env!("CARGO_BIN_EXE_sif"), args)
}

/// What the template carries of an initiative, as it comes back: Proposed, no actuals.
fn as_proposed(i: &Initiative) -> Initiative {
    let mut i = i.clone();
    i.status = Status::Proposed;
    i.ended = None;
    i.actuals.clear();
    i
}

#[test]
fn every_sample_initiative_round_trips_through_a_filled_template() {
    let mut checked = 0;
    for s in SAMPLES {
        let fund = sample(s.name);
        for (k, original) in fund.initiatives.iter().enumerate() {
            let mut without = fund.clone();
            without.initiatives.remove(k);
            let bytes = template_xlsx(Some(&fund), std::slice::from_ref(original)).unwrap();
            let imported = import(&bytes, "ansokan.xlsx", &without)
                .unwrap_or_else(|e| panic!("{} {}: {e}", s.name, original.code));
            assert_eq!(imported.added, vec![without.initiatives.len()]);
            let back = imported.fund.initiatives.last().unwrap();
            assert_eq!(*back, as_proposed(original), "{} {}", s.name, original.code);
            // Nothing else in the fund changed.
            let mut rest = imported.fund.clone();
            rest.initiatives.pop();
            assert_eq!(rest, without);
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} initiatives checked");
}

#[test]
fn several_initiatives_in_one_template_get_free_codes() {
    let fund = sample("exempelkommun");
    let mut a = fund.initiatives[0].clone();
    let mut b = fund.initiatives[1].clone();
    a.code.clear();
    b.code.clear();
    a.name = "Första ansökan".into();
    b.name = "Andra ansökan".into();
    let bytes = template_xlsx(Some(&fund), &[a, b]).unwrap();
    let imported = import(&bytes, "t.xlsx", &fund).unwrap();
    assert_eq!(imported.added.len(), 2);
    let codes: Vec<&str> = imported
        .added
        .iter()
        .map(|&i| imported.fund.initiatives[i].code.as_str())
        .collect();
    assert_ne!(codes[0], codes[1]);
    for c in &codes {
        assert!(
            !fund.initiatives.iter().any(|i| i.code == *c),
            "{c} was taken"
        );
        assert!(c.starts_with('P'));
    }
    let first = &imported.fund.initiatives[imported.added[0]];
    assert_eq!(first.name, "Första ansökan");
    assert_eq!(first.costs, fund.initiatives[0].costs);
}

/// A workbook written the way a person fills in the template: text where numbers go, list
/// labels for committees, Ja/Nej, the initiative column left empty.
fn hand_filled(edit: impl FnOnce(&mut Workbook)) -> Vec<u8> {
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("Instruktioner").unwrap();
    for spec in DATA_SHEETS {
        let ws = wb.add_worksheet();
        ws.set_name(spec.sv).unwrap();
        for (c, col) in spec.columns.iter().enumerate() {
            ws.write_string(0, c as u16, col.heading()).unwrap();
        }
    }
    let ws = wb.worksheet_from_name("Insatser").unwrap();
    ws.write_string(1, 1, "Läxhjälp i Norra").unwrap();
    ws.write_string(1, 2, "BUN – Barn- och utbildningsnämnden")
        .unwrap();
    ws.write_string(1, 3, "Fast").unwrap();
    ws.write_string(1, 4, "50 %").unwrap();
    ws.write_number(1, 5, 2027).unwrap();
    ws.write_string(1, 6, "3").unwrap();
    ws.write_string(1, 8, "Ansökan 2025-03").unwrap();
    let ws = wb.worksheet_from_name("Kostnader").unwrap();
    ws.write_string(1, 1, "2025").unwrap();
    ws.write_string(1, 2, "Personal").unwrap();
    ws.write_string(1, 3, "1 200 000 kr").unwrap();
    ws.write_number(1, 4, 150000).unwrap();
    ws.write_number(2, 1, 2026).unwrap();
    ws.write_string(2, 2, "tjänster").unwrap();
    ws.write_string(2, 3, "800 000:-").unwrap();
    let ws = wb.worksheet_from_name("Besparingar").unwrap();
    ws.write_string(1, 1, "SN").unwrap();
    ws.write_number(1, 2, 2027).unwrap();
    ws.write_number(1, 3, 2030).unwrap();
    ws.write_string(1, 4, "600 000").unwrap();
    ws.write_string(1, 5, "Ja").unwrap();
    ws.write_string(2, 1, "Region Exempel").unwrap();
    ws.write_number(2, 2, 2028).unwrap();
    ws.write_number(2, 3, 2028).unwrap();
    ws.write_number(2, 4, 100000).unwrap();
    let ws = wb.worksheet_from_name("Återbetalare").unwrap();
    ws.write_string(1, 1, "SN – Socialnämnden").unwrap();
    ws.write_number(1, 2, 70).unwrap();
    ws.write_string(2, 1, "BUN").unwrap();
    ws.write_number(2, 2, 30).unwrap();
    edit(&mut wb);
    wb.save_to_buffer().unwrap()
}

#[test]
fn an_initiative_typed_by_hand_comes_in_with_the_same_figures() {
    let fund = sample("exempelkommun");
    let imported = import(&hand_filled(|_| {}), "hand.xlsx", &fund).unwrap();
    let got = &imported.fund.initiatives[imported.added[0]];
    let expected = Initiative {
        code: got.code.clone(),
        name: "Läxhjälp i Norra".into(),
        owner: "BUN".into(),
        status: Status::Proposed,
        ended: None,
        costs: vec![
            CostRow {
                year: 2025,
                fund: Money(1_200_000),
                own: Money(150_000),
                kind: CostKind::Staff,
            },
            CostRow {
                year: 2026,
                fund: Money(800_000),
                own: Money(0),
                kind: CostKind::Services,
            },
        ],
        savings: vec![
            SavingsRow::new("SN", 2027, 2030, Money(600_000), true),
            SavingsRow::new("REG", 2028, 2028, Money(100_000), false),
        ],
        repayment: Repayment::Fixed(sif::model::FixedRepayment {
            share: 50,
            start: 2027,
            instalments: 3,
            payers: vec![
                Payer {
                    actor: "SN".into(),
                    weight: 70,
                },
                Payer {
                    actor: "BUN".into(),
                    weight: 30,
                },
            ],
        }),
        actuals: vec![],
        note: "Ansökan 2025-03".into(),
    };
    assert_eq!(*got, expected);
    assert!(!fund.initiatives.iter().any(|i| i.code == got.code));
}

fn problems(e: &ImportError) -> String {
    e.to_string()
}

#[test]
fn text_in_a_number_cell_names_the_sheet_and_cell() {
    let fund = sample("exempelkommun");
    let bytes = hand_filled(|wb| {
        let ws = wb.worksheet_from_name("Kostnader").unwrap();
        ws.write_string(6, 3, "ca 12 mkr").unwrap();
        ws.write_number(6, 1, 2025).unwrap();
        ws.write_string(7, 1, "tjugotjugofem").unwrap();
        ws.write_number(7, 3, 5).unwrap();
    });
    let e = import(&bytes, "ansokan.xlsx", &fund).unwrap_err();
    let text = problems(&e);
    assert!(
        text.contains("Kostnader!D7: ”ca 12 mkr” är inget belopp i hela kronor"),
        "{text}"
    );
    assert!(
        text.contains("Kostnader!B8: ”tjugotjugofem” är inget år"),
        "{text}"
    );
    assert!(text.contains("inget lästes in / "), "{text}");
    assert_eq!(e.problems().len(), 2, "{text}");
}

#[test]
fn wrong_sheet_names_are_named() {
    let fund = sample("exempelkommun");
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("Blad1").unwrap();
    wb.add_worksheet().set_name("Kostnader").unwrap();
    let e = import(&wb.save_to_buffer().unwrap(), "fel.xlsx", &fund).unwrap_err();
    let text = problems(&e);
    assert!(
        text.contains("arbetsboken saknar bladet ”Insatser” (den har: Blad1, Kostnader)"),
        "{text}"
    );
    assert!(
        text.contains("the workbook has no sheet “Besparingar”"),
        "{text}"
    );
}

#[test]
fn moved_columns_are_caught_by_their_headings() {
    let fund = sample("exempelkommun");
    let bytes = hand_filled(|wb| {
        let ws = wb.worksheet_from_name("Kostnader").unwrap();
        ws.write_string(0, 3, "Belopp").unwrap();
    });
    let text = problems(&import(&bytes, "a.xlsx", &fund).unwrap_err());
    assert!(
        text.contains("Kostnader!D1: väntade rubriken ”Från fonden / Fund”, fann ”Belopp”"),
        "{text}"
    );
}

#[test]
fn formulas_are_refused() {
    let fund = sample("exempelkommun");
    let bytes = hand_filled(|wb| {
        let ws = wb.worksheet_from_name("Besparingar").unwrap();
        ws.write_formula(1, 4, Formula::new("=300000*2")).unwrap();
    });
    let text = problems(&import(&bytes, "a.xlsx", &fund).unwrap_err());
    assert!(
        text.contains("Besparingar!E2: cellen har en formel (=300000*2)"),
        "{text}"
    );
}

#[test]
fn merged_cells_are_refused() {
    let fund = sample("exempelkommun");
    let bytes = hand_filled(|wb| {
        let ws = wb.worksheet_from_name("Kostnader").unwrap();
        ws.merge_range(4, 0, 4, 2, "sammanfogat", &rust_xlsxwriter::Format::new())
            .unwrap();
    });
    let text = problems(&import(&bytes, "a.xlsx", &fund).unwrap_err());
    assert!(
        text.contains("Kostnader!A5:C5: sammanfogade celler"),
        "{text}"
    );
}

#[test]
fn a_hundred_thousand_rows_are_refused_quickly() {
    let fund = sample("exempelkommun");
    let bytes = hand_filled(|wb| {
        let ws = wb.worksheet_from_name("Kostnader").unwrap();
        for r in 3..100_003 {
            ws.write_number(r, 1, 2025).unwrap();
            ws.write_number(r, 3, 1000).unwrap();
        }
    });
    let start = std::time::Instant::now();
    let text = problems(&import(&bytes, "stor.xlsx", &fund).unwrap_err());
    assert!(
        text.contains("Kostnader: bladet har värden på rad 10002 och fler; Sif läser högst 10000 rader per blad"),
        "{text}"
    );
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn files_that_are_not_workbooks_get_one_sentence() {
    let fund = sample("exempelkommun");
    let ron = SAMPLES[0].text.as_bytes();
    let e = import(ron, "fond.ron", &fund).unwrap_err();
    assert!(matches!(e, ImportError::Unreadable { .. }));
    assert_eq!(
        e.to_string(),
        "fond.ron: filen är ingen Excel-arbetsbok (.xlsx); använd mallen från sif template, eller en CSV-fil med ändelsen .csv / the file is not an Excel workbook (.xlsx); use the template from sif template, or a CSV file ending in .csv"
    );
    // A zip that is no workbook, and a truncated workbook.
    let good = template_xlsx(Some(&fund), &[]).unwrap();
    let e = import(&good[..good.len() / 2], "halv.xlsx", &fund).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("halv.xlsx: filen kan inte läsas som Excel-arbetsbok (.xlsx)"),
        "{e}"
    );
    let e = import(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "gammal.xls", &fund).unwrap_err();
    assert!(e.to_string().contains("äldre Excel-fil (.xls)"), "{e}");
    // The empty template: nothing to import is said, not silently accepted.
    let e = import(&good, "tom.xlsx", &fund).unwrap_err();
    assert!(e.to_string().contains("inga insatser"), "{e}");
}

#[test]
fn unknown_committees_and_bad_weights_are_named() {
    let fund = sample("exempelkommun");
    let bytes = hand_filled(|wb| {
        let ws = wb.worksheet_from_name("Insatser").unwrap();
        ws.write_string(1, 2, "Kulturnämnden").unwrap();
        let ws = wb.worksheet_from_name("Återbetalare").unwrap();
        ws.write_number(2, 2, 20).unwrap();
    });
    let text = problems(&import(&bytes, "a.xlsx", &fund).unwrap_err());
    assert!(
        text.contains("Insatser!C2: ”Kulturnämnden” finns inte bland fondens nämnder"),
        "{text}"
    );
}

#[test]
fn weights_must_make_a_hundred() {
    let fund = sample("exempelkommun");
    let bytes = hand_filled(|wb| {
        let ws = wb.worksheet_from_name("Återbetalare").unwrap();
        ws.write_number(2, 2, 20).unwrap();
    });
    let text = problems(&import(&bytes, "a.xlsx", &fund).unwrap_err());
    assert!(
        text.contains("Återbetalare!C2: vikterna för ”Läxhjälp i Norra” summerar till 90 %"),
        "{text}"
    );
}

#[test]
fn a_csv_of_the_same_columns_is_read() {
    let fund = sample("exempelkommun");
    let mut csv = template_csv();
    csv.push_str("Insatser;;Läxhjälp;BUN;Ur besparingar;50;2027;;;\r\n");
    csv.push_str("Kostnader;;2025;Personal;\"1 200 000\";0\r\n");
    csv.push_str("Besparingar;;SN;2027;2030;600 000 kr;Ja\r\n");
    let imported = import(csv.as_bytes(), "ansokan.csv", &fund).unwrap();
    let got = &imported.fund.initiatives[imported.added[0]];
    assert_eq!(got.name, "Läxhjälp");
    assert_eq!(
        got.repayment,
        Repayment::FromSavings {
            share: 50,
            start: 2027,
            cap: 100
        }
    );
    assert_eq!(got.costs[0].fund, Money(1_200_000));
    assert_eq!(got.savings[0].amount, Money(600_000));
    assert!(got.savings[0].cashable);

    csv.push_str("Kostnader;;2026;Personal;ca 12 mkr;0\r\n");
    let e = import(csv.as_bytes(), "ansokan.csv", &fund).unwrap_err();
    assert!(
        e.to_string()
            .contains("ansokan.csv rad 9 (Kostnader, Från fonden): ”ca 12 mkr” är inget belopp"),
        "{e}"
    );
}

#[test]
fn the_template_has_the_sheets_headings_and_lists() {
    let fund = sample("exempelkommun");
    let bytes = template_xlsx(Some(&fund), &[]).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        wb.sheet_names(),
        vec![
            "Instruktioner",
            "Insatser",
            "Kostnader",
            "Besparingar",
            "Återbetalare",
            "Listor"
        ]
    );
    let instructions = wb.worksheet_range("Instruktioner").unwrap();
    let text: Vec<String> = instructions.rows().map(|r| r[0].to_string()).collect();
    assert!(text.iter().any(|t| t.contains("Fyll i en rad per insats")));
    assert!(
        text.iter()
            .any(|t| t.contains("Write one row per initiative"))
    );
    assert!(text.iter().any(|t| t.contains("2025–2034")), "{text:?}");
    for spec in [INITIATIVES, COSTS, SAVINGS] {
        let range = wb.worksheet_range(spec.sv).unwrap();
        let headings: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        let want: Vec<String> = spec.columns.iter().map(|c| c.heading()).collect();
        assert_eq!(headings, want);
    }
    let lists = wb.worksheet_range("Listor").unwrap();
    let committees: Vec<String> = lists
        .rows()
        .skip(1)
        .filter_map(|r| match &r[0] {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert!(
        committees.contains(&"SN – Socialnämnden".to_string()),
        "{committees:?}"
    );
    assert!(
        !committees.iter().any(|c| c.starts_with("REG")),
        "an external is no committee"
    );
}

fn tmp_copy(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(format!("{name}.ron"));
    std::fs::write(&p, SAMPLES.iter().find(|s| s.name == name).unwrap().text).unwrap();
    p
}

#[test]
fn the_commands_preview_apply_and_change_nothing_on_error() {
    let dir = tempfile::tempdir().unwrap();
    let fund_path = tmp_copy(dir.path(), "exempelkommun");
    let before = std::fs::read(&fund_path).unwrap();
    let template = dir.path().join("mall.xlsx");
    let o = sif(&[
        "template",
        template.to_str().unwrap(),
        "--fund",
        fund_path.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&template).unwrap().starts_with(b"PK"));

    // Hostile files: exit 1 or 2, one message, the fund file and its backup untouched.
    let bad = dir.path().join("fel.xlsx");
    let fund = sample("exempelkommun");
    std::fs::write(
        &bad,
        hand_filled(|wb| {
            wb.worksheet_from_name("Kostnader")
                .unwrap()
                .write_string(1, 3, "ca 12 mkr")
                .unwrap();
        }),
    )
    .unwrap();
    let not_xlsx = dir.path().join("inte.xlsx");
    std::fs::write(&not_xlsx, b"hello").unwrap();
    for (file, code) in [(&bad, 1), (&not_xlsx, 2), (&template, 1)] {
        let o = sif(&[
            "import",
            fund_path.to_str().unwrap(),
            "--initiatives",
            file.to_str().unwrap(),
            "--apply",
        ]);
        assert_eq!(
            o.status.code(),
            Some(code),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(String::from_utf8_lossy(&o.stderr).starts_with("sif: "));
        assert_eq!(std::fs::read(&fund_path).unwrap(), before);
        assert!(!store::backup_path(&fund_path).exists());
    }

    // A good file: the preview saves nothing, --apply saves with a backup.
    let good = dir.path().join("ansokan.xlsx");
    std::fs::write(&good, hand_filled(|_| {})).unwrap();
    let args = [
        "import",
        fund_path.to_str().unwrap(),
        "--initiatives",
        good.to_str().unwrap(),
    ];
    let o = sif(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Läxhjälp i Norra"), "{text}");
    assert!(
        text.contains("Förhandsvisning: inget har sparats"),
        "{text}"
    );
    assert_eq!(std::fs::read(&fund_path).unwrap(), before);

    let out = dir.path().join("ny.ron");
    let o = sif(&[&args[..], &["--apply", "-o", out.to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read(&fund_path).unwrap(), before);
    let written = store::load(&out).unwrap();
    assert_eq!(written.initiatives.len(), fund.initiatives.len() + 1);
    assert_eq!(written.initiatives.last().unwrap().status, Status::Proposed);

    let o = sif(&[&args[..], &["--apply"]].concat());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(store::load(&fund_path).unwrap(), written);
    assert_eq!(
        std::fs::read(store::backup_path(&fund_path)).unwrap(),
        before
    );
    let check = sif(&["check", fund_path.to_str().unwrap()]);
    assert!(check.status.success());
}

/// Every problem in a template prints the sentence it always printed (`place: sv / en`), and
/// says each language alone for the app.
#[test]
fn every_template_problem_says_what_it_said_in_each_language() {
    use sif::messages::Message;
    use sif::money::ParseMoneyError;
    use sif::text::Lang;
    use sif::xlsx::import::{Problem, ProblemKind as K, Whole};

    let said = [
        (
            K::MissingSheet {
                sheet: "Insatser",
                has: "Blad1".into(),
            },
            "arbetsboken saknar bladet ”Insatser” (den har: Blad1); använd mallen från sif template och byt inte namn på bladen",
            "the workbook has no sheet “Insatser” (it has: Blad1); use the template from sif template and do not rename its sheets",
        ),
        (
            K::MergedCells,
            "sammanfogade celler; dela upp dem (Sammanfoga och centrera av) så att varje värde står i sin egen cell",
            "merged cells; unmerge them so that every value is in a cell of its own",
        ),
        (
            K::TooManyRows { row: 10_002 },
            "bladet har värden på rad 10002 och fler; Sif läser högst 10000 rader per blad",
            "the sheet has values on row 10002 and more; Sif reads at most 10000 rows per sheet",
        ),
        (
            K::Heading {
                expected: "År / Year".into(),
                found: "Belopp".into(),
            },
            "väntade rubriken ”År / Year”, fann ”Belopp”; ändra inte mallens kolumner",
            "expected the heading “År / Year”, found “Belopp”; do not change the template's columns",
        ),
        (
            K::NotASheet {
                text: "Övrigt".into(),
                sheets: "Insatser, Kostnader".into(),
            },
            "första kolumnen ska namnge ett blad (Insatser, Kostnader), inte ”Övrigt”",
            "the first column must name a sheet (Insatser, Kostnader), not “Övrigt”",
        ),
        (
            K::Formula("A1*2".into()),
            "cellen har en formel (=A1*2); skriv in värdet (Klistra in special → Värden)",
            "the cell holds a formula (=A1*2); type in the value (Paste Special → Values)",
        ),
        (
            K::NotWhole {
                shown: "x".into(),
                what: Whole::Year,
            },
            "”x” är inget år",
            "“x” is not a year",
        ),
        (
            K::NotWhole {
                shown: "x".into(),
                what: Whole::Percent,
            },
            "”x” är inget heltal i procent",
            "“x” is not a whole percentage",
        ),
        (
            K::NotWhole {
                shown: "x".into(),
                what: Whole::Number,
            },
            "”x” är inget heltal",
            "“x” is not a whole number",
        ),
        (
            K::Money(ParseMoneyError::Fraction),
            "ange hela kronor, utan ören",
            "enter whole kronor, without öre",
        ),
        (
            K::NegativeAmount { shown: "-5".into() },
            "beloppet -5 är negativt; ange 0 eller mer",
            "the amount -5 is negative; enter 0 or more",
        ),
        (
            K::Missing {
                heading_sv: "Namn",
                heading_en: "Name",
            },
            "ange namn",
            "enter the name",
        ),
        (
            K::YearOutside {
                year: 2040,
                first: 2025,
                last: 2034,
            },
            "år 2040 ligger utanför fondens år 2025–2034",
            "the year 2040 is outside the fund's years 2025–2034",
        ),
        (
            K::Outside {
                value: 120,
                low: 0,
                high: 100,
            },
            "120 ska vara 0–100",
            "120 must be 0–100",
        ),
        (
            K::NotACommittee {
                code: "REG".into(),
                committees: "SN, BUN".into(),
            },
            "REG är ingen nämnd; bara nämnder kan äga insatser och betala tillbaka (nämnder: SN, BUN)",
            "REG is not a committee; only committees can own initiatives and repay (committees: SN, BUN)",
        ),
        (
            K::UnknownActor {
                text: "KN".into(),
                committee: true,
                known: "SN".into(),
            },
            "”KN” finns inte bland fondens nämnder (SN)",
            "“KN” is not one of the fund's committees (SN)",
        ),
        (
            K::UnknownActor {
                text: "KN".into(),
                committee: false,
                known: "SN, REG".into(),
            },
            "”KN” finns inte bland fondens aktörer (SN, REG)",
            "“KN” is not one of the fund's actors (SN, REG)",
        ),
        (
            K::NotARepaymentType {
                text: "Lån".into()
            },
            "”Lån” är ingen återföring (Bidrag, Fast eller Ur besparingar)",
            "“Lån” is not a repayment type (Bidrag = grant, Fast = fixed or Ur besparingar = from savings)",
        ),
        (
            K::DuplicateName {
                name: "Läxhjälp".into(),
            },
            "två insatser heter ”Läxhjälp”; ge dem olika namn",
            "two initiatives are named “Läxhjälp”; give them different names",
        ),
        (
            K::NoInitiative,
            "ange vilken insats raden gäller (namnet från bladet Insatser)",
            "enter the initiative the row belongs to (its name from the sheet Insatser)",
        ),
        (
            K::UnknownInitiative { text: "P9".into() },
            "”P9” är ingen insats på bladet Insatser",
            "“P9” is not an initiative on the sheet Insatser",
        ),
        (
            K::NotACostKind {
                text: "Hyra".into(),
            },
            "”Hyra” är inget kostnadsslag (Personal, Tjänster, Övrigt)",
            "“Hyra” is not a kind of cost (Personal = staff, Tjänster = services, Övrigt = other)",
        ),
        (
            K::NoAmount,
            "ange ett belopp från fonden eller från den egna budgeten",
            "enter an amount from the fund or from the own budget",
        ),
        (
            K::ToBeforeFrom {
                from: 2030,
                to: 2027,
            },
            "till år 2027 ligger före från år 2030",
            "the to year 2027 is before the from year 2030",
        ),
        (
            K::NotYesNo {
                text: "Kanske".into(),
            },
            "”Kanske” är varken Ja eller Nej",
            "“Kanske” is neither Ja (yes) nor Nej (no)",
        ),
        (
            K::PayersNotFixed {
                name: "Läxhjälp".into(),
                label: "Bidrag",
            },
            "återbetalare gäller bara återföringen Fast, och ”Läxhjälp” har Bidrag",
            "payers apply only to a Fast (fixed) repayment, and “Läxhjälp” has Bidrag",
        ),
        (
            K::CodeTaken { code: "P1".into() },
            "koden P1 finns redan; lämna koden tom så ger Sif en ledig kod",
            "the code P1 is already taken; leave the code empty and Sif gives a free one",
        ),
        (
            K::WeightsSum {
                name: "Läxhjälp".into(),
                sum: 90,
            },
            "vikterna för ”Läxhjälp” summerar till 90 %; de ska bli 100 %",
            "the weights of “Läxhjälp” add up to 90 %; they must make 100 %",
        ),
        (
            K::NoInitiatives,
            "inga insatser: fyll i minst en rad med namn på bladet Insatser",
            "no initiatives: fill in at least one row with a name on the sheet Insatser",
        ),
    ];
    for (kind, sv, en) in said {
        let p = Problem {
            place: "Kostnader!D7".into(),
            kind: kind.clone(),
        };
        assert_eq!(p.to_string(), format!("Kostnader!D7: {sv} / {en}"));
        assert_eq!(p.text(Lang::Sv), format!("Kostnader!D7: {sv}"));
        assert_eq!(p.text(Lang::En), format!("Kostnader!D7: {en}"));
        let whole = Problem {
            place: String::new(),
            kind,
        };
        assert_eq!(whole.to_string(), format!("{sv} / {en}"));
        assert_eq!(whole.text(Lang::Sv), sv);
    }

    // A validator's error names its field once, before both languages.
    let mut fund = sample("exempelkommun");
    fund.name = String::new();
    let issue = sif::validate::validate(&fund)
        .errors()
        .next()
        .unwrap()
        .clone();
    let (path, sv, en) = (
        issue.path.clone(),
        issue.text(Lang::Sv),
        issue.text(Lang::En),
    );
    let p = Problem {
        place: "Insatser!B2".into(),
        kind: K::Invalid(Box::new(issue)),
    };
    assert_eq!(p.to_string(), format!("Insatser!B2: {path}: {sv} / {en}"));
    assert_eq!(p.text(Lang::En), format!("Insatser!B2: {path}: {en}"));

    // A file that cannot be read at all.
    use sif::xlsx::import::Unreadable as U;
    let said = [
        (
            U::TooLarge { mib: 70 },
            "filen är 70 MiB; Sif läser mallar upp till 32 MiB",
            "the file is 70 MiB; Sif reads templates up to 32 MiB",
        ),
        (
            U::OldOrEncrypted,
            "filen är en äldre Excel-fil (.xls) eller krypterad; spara den som Excel-arbetsbok (.xlsx) utan lösenord",
            "the file is an older Excel file (.xls) or encrypted; save it as an Excel workbook (.xlsx) without a password",
        ),
        (
            U::NotAWorkbook,
            "filen är ingen Excel-arbetsbok (.xlsx); använd mallen från sif template, eller en CSV-fil med ändelsen .csv",
            "the file is not an Excel workbook (.xlsx); use the template from sif template, or a CSV file ending in .csv",
        ),
        (
            U::Damaged("zip error".into()),
            "filen kan inte läsas som Excel-arbetsbok (.xlsx) (zip error)",
            "the file cannot be read as an Excel workbook (.xlsx) (zip error)",
        ),
        (
            U::NotText,
            "filen är ingen textfil (CSV); spara mallen som CSV med semikolon, eller läs in arbetsboken (.xlsx)",
            "the file is not a text (CSV) file; save the template as CSV with semicolons, or read the workbook (.xlsx)",
        ),
        (
            U::TooManyRows,
            "filen har fler än 10000 rader; Sif läser högst 10000",
            "the file has more than 10000 rows; Sif reads at most 10000",
        ),
    ];
    for (reason, sv, en) in said {
        assert_eq!(reason.text(Lang::Sv), sv);
        assert_eq!(reason.text(Lang::En), en);
        let e = ImportError::Unreadable {
            file: "a.xlsx".into(),
            reason,
        };
        assert_eq!(e.to_string(), format!("a.xlsx: {sv} / {en}"));
    }
}

/// The validator's new warnings come with the row of their initiative, in one line for the
/// command line and in each language alone for the app.
#[test]
fn warnings_name_their_row_in_each_language() {
    use sif::messages::Message;
    use sif::text::Lang;

    let fund = sample("exempelkommun");
    let bytes = hand_filled(|wb| {
        // No savings rows: the initiative expects none.
        let ws = wb.worksheet_from_name("Besparingar").unwrap();
        for r in 1..=2 {
            for c in 0..12 {
                ws.write_blank(r, c, &rust_xlsxwriter::Format::new())
                    .unwrap();
            }
        }
    });
    let imported = import(&bytes, "ansokan.xlsx", &fund).unwrap();
    let w = imported
        .warnings
        .iter()
        .find(|w| {
            w.text(Lang::En)
                .ends_with("the initiative has no expected savings")
        })
        .unwrap_or_else(|| panic!("{:?}", imported.warnings));
    assert_eq!(w.place, "Insatser!B2");
    let sv = w.text(Lang::Sv);
    let en = w.text(Lang::En);
    assert!(sv.starts_with("Insatser!B2: "), "{sv}");
    assert!(
        sv.ends_with(": insatsen har inga förväntade besparingar"),
        "{sv}"
    );
    let path =
        &sv["Insatser!B2: ".len()..sv.len() - ": insatsen har inga förväntade besparingar".len()];
    assert_eq!(
        en,
        format!("Insatser!B2: {path}: the initiative has no expected savings")
    );
    assert_eq!(
        w.to_string(),
        format!(
            "Insatser!B2: {path}: insatsen har inga förväntade besparingar / the initiative has no expected savings"
        )
    );
}
