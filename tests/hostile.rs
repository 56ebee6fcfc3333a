//! Hostile and broken input (docs/safety.md): every kind of bad fund file gets one clear
//! sentence in Swedish and English, never a panic, and never a partly loaded fund presented as
//! whole. Each case is checked through the library (`store::load`) and through the command
//! line (`sif check FILE`: exit 2 for an unreadable file, 1 for an invalid fund).

use std::path::Path;
use std::process::Command;

use sif::engine::{self, EngineError, Options};
use sif::messages::Message;
use sif::model::{
    Actor, ActorKind, CostKind, CostRow, Initiative, Repayment, SavingsRow, Scenario, Status,
};
use sif::money::{MAX_AMOUNT, Money};
use sif::store::{self, LoadError, MAX_FILE_BYTES};
use sif::validate;

const MINIMAL: &str = r#"Fund(
    format: 1,
    name: "F",
    organisation: "O",
    model: EarmarkedEquity,
    first_year: 2025,
    years: 3,
    holder: "KS",
    actors: [(code: "KS", name: "Kommunstyrelsen", kind: Committee)],
)
"#;

/// `sif check FILE`: the exit code, standard output and standard error.
fn check(path: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sif"))
        .arg("check")
        .arg(path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Write `bytes` as a file, load it with the library and the CLI, and check that both refuse
/// it as unreadable with the same sentence containing every expected phrase.
fn refused(name: &str, bytes: &[u8], phrases: &[&str]) -> LoadError {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    refused_at(&path, phrases)
}

fn refused_at(path: &Path, phrases: &[&str]) -> LoadError {
    let err = store::load(path).unwrap_err();
    let text = err.to_string();
    let file = path.display().to_string();
    assert!(err.swedish().contains(&file), "{text}");
    assert!(err.english().contains(&file), "{text}");
    for p in phrases {
        assert!(text.contains(p), "missing «{p}» in: {text}");
    }
    let (code, stdout, stderr) = check(path);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout, "", "an unreadable file must print no report");
    assert_eq!(stderr.trim_end(), format!("sif: {text}"));
    assert_eq!(stderr.lines().count(), 1, "one sentence: {stderr}");
    err
}

/// Write a fund that parses, and check that validation refuses it (exit 1) with the phrases.
fn invalid(text: &str, phrases: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fond.ron");
    std::fs::write(&path, text).unwrap();
    let fund = store::load(&path).unwrap();
    let report = validate::validate(&fund);
    let errors: Vec<String> = report.errors().map(|e| e.to_string()).collect();
    let joined = errors.join("\n");
    for p in phrases {
        assert!(joined.contains(p), "missing «{p}» in: {joined}");
    }
    let (code, stdout, stderr) = check(&path);
    assert_eq!(code, 1, "{stdout}{stderr}");
    for p in phrases {
        assert!(stdout.contains(p), "missing «{p}» in: {stdout}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stor.ron");
    // A sparse file: 64 MiB and one byte long, without writing 64 MiB.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(f);
    let e = refused_at(
        &path,
        &[
            "är för stor (65 MB); en fondfil får vara högst 64 MB",
            "is too large (65 MB); a fund file may be at most 64 MB",
        ],
    );
    assert!(matches!(e, LoadError::TooLarge { bytes, .. } if bytes == MAX_FILE_BYTES + 1));
    // The same limit guards text handed over in memory (a paste, a recovery file).
    let big = vec![b' '; MAX_FILE_BYTES as usize + 1];
    assert!(matches!(
        store::parse_bytes(&big, "urklipp"),
        Err(LoadError::TooLarge { .. })
    ));
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    let deep = |open: &str, close: &str| {
        MINIMAL.replace(
            "actors: [(code",
            &format!(
                "actors: [{}{}(code",
                open.repeat(100_000),
                close.repeat(100_000)
            ),
        )
    };
    refused(
        "nested.ron",
        deep("[", "]").as_bytes(),
        &[
            "nested.ron:9:",
            "här ska det stå en öppnande parentes ( för Actor",
            "an opening bracket ( for Actor is expected here",
        ],
    );
    // Deep nesting in a field Sif does not know, which the version probe skips over.
    let unknown = MINIMAL.replace(
        "holder",
        &format!(
            "note: {}{},\n    holder",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    );
    refused(
        "unknown.ron",
        unknown.as_bytes(),
        &[
            "Fund har inget fält som heter note",
            "Fund has no field called note",
        ],
    );
    // Block comments nest in RON.
    let comments = format!("{}{}{MINIMAL}", "/*".repeat(100_000), "*/".repeat(99_999));
    refused(
        "comment.ron",
        comments.as_bytes(),
        &[
            "en kommentar /* saknar sitt avslutande */",
            "a comment /* is missing its closing */",
        ],
    );
}

#[test]
fn a_number_too_large_for_its_field_is_named_with_its_place() {
    refused(
        "years.ron",
        MINIMAL
            .replace("years: 3", "years: 99999999999999999999")
            .as_bytes(),
        &[
            "years.ron:7:12: filen kunde inte tolkas: talet är för stort eller för litet för fältet.",
            "years.ron:7:12: the file could not be read: the number is too large or too small for this field.",
        ],
    );
    // A money amount beyond what any computer integer holds.
    let text = MINIMAL.replace(
        "holder",
        "capital: [(date: \"2025-01-01\", amount: 99999999999999999999, kind: Earmark)],\n    holder",
    );
    refused(
        "amount.ron",
        text.as_bytes(),
        &[
            "talet är för stort eller för litet för fältet",
            "the number is too large or too small for this field",
        ],
    );
}

#[test]
fn amounts_above_the_limit_are_validation_errors() {
    // Fits in the file format, but over 10^12 kronor: an error, not a computation.
    let text = MINIMAL.replace(
        "holder",
        "capital: [(date: \"2025-01-01\", amount: 9_223_372_036_854_775_807, kind: Earmark)],\n    holder",
    );
    invalid(
        &text,
        &[
            "capital[1].amount",
            "beloppet är större än 1 000 000 000 000 kr",
            "the amount is larger than SEK 1,000,000,000,000",
        ],
    );
}

fn committee(code: &str) -> Actor {
    Actor {
        code: code.to_string(),
        name: format!("Nämnd {code}"),
        kind: ActorKind::Committee,
    }
}

/// A fund of many initiatives whose every amount is the largest a fund may hold.
fn max_amount_fund(initiatives: usize, years: i32) -> sif::Fund {
    let mut fund = sif::Fund::empty("Störst", "Maxkommun", 2025);
    fund.years = years;
    fund.actors.push(committee("SN"));
    for k in 0..initiatives {
        fund.initiatives.push(Initiative {
            code: format!("P{k}"),
            name: format!("Insats {k}"),
            owner: "SN".to_string(),
            status: Status::Approved,
            ended: None,
            costs: (0..years)
                .map(|y| CostRow {
                    year: 2025 + y,
                    fund: Money(MAX_AMOUNT),
                    own: Money(MAX_AMOUNT),
                    kind: CostKind::Staff,
                })
                .collect(),
            savings: vec![SavingsRow {
                actor: "SN".to_string(),
                from: 2025,
                to: 2025 + years - 1,
                amount: Money(MAX_AMOUNT),
                cashable: true,
                ..Default::default()
            }],
            repayment: Repayment::FromSavings {
                share: 100,
                start: 2025,
                cap: 200,
            },
            actuals: vec![],
            note: String::new(),
        });
    }
    fund
}

#[test]
fn many_maximal_amounts_are_computed_exactly() {
    let fund = max_amount_fund(200, 60);
    let report = validate::validate(&fund);
    assert!(!report.has_errors(), "{:?}", report.errors().next());
    let p = engine::project(&fund, &Options::default()).unwrap();
    // 200 initiatives × 10^12 kronor every year: exact to the krona.
    assert!(
        p.statement
            .iter()
            .all(|y| y.disbursed == Money(200 * MAX_AMOUNT))
    );
    assert_eq!(p.statement[0].committed, Money(59 * 200 * MAX_AMOUNT));
    let a = &p.appraisal[0];
    assert_eq!(a.cost, Money(2 * 60 * MAX_AMOUNT));
    assert_eq!(a.savings, Money(60 * MAX_AMOUNT));
    // The same through the command line, from a file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("max.ron");
    store::save(&fund, &path).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sif"))
        .args(["statement", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["years"][59]["disbursed"], 200 * MAX_AMOUNT);
}

#[test]
fn sums_beyond_any_integer_are_an_error_not_a_panic() {
    // Valid amounts, but a scenario that multiplies them tenfold over many rows: the sums no
    // longer fit in 64 bits. The engine must say so, not wrap around or panic.
    let mut fund = max_amount_fund(1, 60);
    let row = fund.initiatives[0].savings[0].clone();
    fund.initiatives[0].savings = vec![row; 20_000];
    fund.scenarios.push(Scenario {
        name: "Tiofalt".to_string(),
        savings_factor: 1000,
        cost_factor: 1000,
        delay: 0,
    });
    let options = Options::named(&fund, Some("Tiofalt"), false).unwrap();
    let e = engine::project(&fund, &options).unwrap_err();
    assert!(matches!(e, EngineError::Overflow(_)));
    assert_eq!(
        e.to_string(),
        "beloppet blev för stort att räkna med / the amount became too large to compute"
    );
    // Invalid amounts far beyond the limit: validation refuses them, and the engine still
    // answers with an error.
    let mut fund = max_amount_fund(3, 2);
    for ini in &mut fund.initiatives {
        ini.costs[0].fund = Money(i64::MAX);
    }
    assert!(validate::validate(&fund).has_errors());
    assert!(matches!(
        engine::project(&fund, &Options::default()),
        Err(EngineError::Overflow(_))
    ));
}

#[test]
fn sums_across_payers_and_actors_that_overflow_do_not_panic() {
    // Two committees save 10^12 kronor a year on each of 500 000 rows, tenfold in the
    // scenario: each committee's yearly sum fits in 64 bits, the two together do not.
    let mut fund = max_amount_fund(1, 1);
    fund.actors.push(committee("BUN"));
    let ini = &mut fund.initiatives[0];
    ini.repayment = Repayment::Grant;
    let row = |actor: &str| SavingsRow {
        actor: actor.to_string(),
        from: 2025,
        to: 2025,
        amount: Money(MAX_AMOUNT),
        cashable: false,
        ..Default::default()
    };
    ini.savings = std::iter::repeat_n(row("SN"), 500_000)
        .chain(std::iter::repeat_n(row("BUN"), 500_000))
        .collect();
    fund.scenarios.push(Scenario {
        name: "Tiofalt".to_string(),
        savings_factor: 1000,
        cost_factor: 100,
        delay: 0,
    });
    assert!(!validate::validate(&fund).has_errors());
    let options = Options::named(&fund, Some("Tiofalt"), false).unwrap();
    assert!(matches!(
        engine::project(&fund, &options),
        Err(EngineError::Overflow(_))
    ));
}

#[test]
fn nan_and_infinite_discount_rates_are_validation_errors() {
    for (value, shown) in [
        ("NaN", "NaN"),
        ("inf", "inf"),
        ("-inf", "-inf"),
        ("1e400", "inf"),
    ] {
        let text = MINIMAL.replace(
            "years: 3",
            &format!("years: 3,\n    discount_rate: {value}"),
        );
        invalid(
            &text,
            &[
                "discount_rate",
                &format!("diskonteringsräntan {shown} % ligger utanför 0–20 %"),
                &format!("the discount rate {shown} % is outside 0–20 %"),
            ],
        );
        // And the engine never turns it into figures that look real.
        let fund = store::parse_str(&text, "x.ron").unwrap();
        let p = engine::project(&fund, &Options::default()).unwrap();
        assert!(p.appraisal.iter().all(|a| a.npv.is_finite()));
    }
}

#[test]
fn duplicate_keys_are_refused_by_name() {
    refused(
        "dup.ron",
        MINIMAL
            .replace("name: \"F\",", "name: \"F\",\n    name: \"G\",")
            .as_bytes(),
        &[
            "dup.ron:4:",
            "fältet name förekommer två gånger i Fund",
            "the field name appears twice in Fund",
        ],
    );
    refused(
        "dup-actor.ron",
        MINIMAL
            .replace("(code: \"KS\",", "(code: \"KS\", code: \"SN\",")
            .as_bytes(),
        &[
            "fältet code förekommer två gånger i Actor",
            "the field code appears twice in Actor",
        ],
    );
}

#[test]
fn a_truncated_file_is_never_a_smaller_fund() {
    let text = sif::samples::template("uppfoljning").unwrap();
    let whole = store::parse_str(text, "whole").unwrap();
    let end = text.trim_end().len();
    // Cut the file at every line end and at many points in between: each cut is refused,
    // unless only trailing white space was cut.
    let mut cuts: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    cuts.extend((0..text.len()).step_by(13));
    for cut in cuts {
        if !text.is_char_boundary(cut) {
            continue;
        }
        match store::parse_str(&text[..cut], "cut.ron") {
            Ok(fund) => {
                assert!(cut >= end, "a cut at byte {cut} loaded as a fund");
                assert_eq!(fund, whole);
            }
            Err(e) => assert!(matches!(e, LoadError::Syntax { .. }), "{e:?}"),
        }
    }
    // Cut at the end of a line half-way through.
    let half = text.len() / 2 + text[text.len() / 2..].find('\n').unwrap();
    refused(
        "cut.ron",
        &text.as_bytes()[..half],
        &[
            "filen tar slut mitt i (saknas en avslutande parentes?)",
            "the file ends too early (is a closing bracket missing?)",
        ],
    );
    refused(
        "empty.ron",
        b"",
        &[
            "empty.ron:1:1: filen kunde inte tolkas: filen är tom.",
            "empty.ron:1:1: the file could not be read: the file is empty.",
        ],
    );
}

#[test]
fn binary_garbage_is_refused() {
    // Deterministic noise (SplitMix64), as from a wrong file or a damaged disk.
    let mut state = 0x5EED_u64;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (z ^ (z >> 31)) as u8
        })
        .collect();
    refused(
        "noise.ron",
        &noise,
        &[
            "filen är inte UTF-8-text",
            "the file is not UTF-8 text",
            "it may be a binary file",
        ],
    );
    // NUL bytes are valid UTF-8 but no RON.
    refused(
        "nul.ron",
        b"\0\0\0\0",
        &[
            "nul.ron:1:1",
            "det här är ingen fondfil; en fondfil börjar med Fund(",
            "this is not a fund file; a fund file starts with Fund(",
        ],
    );
    // A ZIP archive, such as a spreadsheet saved under the wrong name.
    refused(
        "zip.ron",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
        &["zip.ron:1:1", "ingen fondfil", "not a fund file"],
    );
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_its_position() {
    // Latin-1, as an old editor on Windows saves "Östra förvaltningen".
    let mut latin1 = MINIMAL.replace("name: \"F\"", "name: \"").into_bytes();
    let at = latin1.windows(7).position(|w| w == b"name: \"").unwrap() + 7;
    latin1.splice(at..at, [0xD6, b's', b't', b'r', b'a']);
    let e = refused(
        "latin1.ron",
        &latin1,
        &[
            "latin1.ron:3:12: filen är inte UTF-8-text; spara den som UTF-8",
            "latin1.ron:3:12: the file is not UTF-8 text; save it as UTF-8",
        ],
    );
    assert_eq!(e.position(), Some((3, 12)));
    // UTF-16, as Notepad's "Unicode" saves it.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(MINIMAL.encode_utf16().flat_map(u16::to_le_bytes));
    refused("utf16.ron", &utf16, &["utf16.ron:1:1", "not UTF-8"]);
}

#[test]
fn a_folder_given_as_the_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    refused_at(
        dir.path(),
        &[
            "är en mapp eller ingen vanlig fil; välj en fondfil (.ron).",
            "is a folder or not a regular file; choose a fund file (.ron).",
        ],
    );
    #[cfg(unix)]
    refused_at(
        Path::new("/dev/null"),
        &["/dev/null is a folder or not a regular file"],
    );
}

#[test]
fn a_missing_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    refused_at(
        &dir.path().join("finns-inte.ron"),
        &[
            "finns-inte.ron: filen eller mappen finns inte.",
            "finns-inte.ron: the file or folder does not exist.",
        ],
    );
    refused_at(
        &dir.path().join("saknad-mapp").join("fond.ron"),
        &["Kunde inte läsa", "Could not read", "does not exist"],
    );
}
