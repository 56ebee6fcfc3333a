//! Never lose a fund, part 2 (docs/safety.md): no command overwrites a file without `--force`
//! or writes onto its own input; saves leave nothing others can read and nothing behind; the
//! backup is never skipped in silence; a FIFO swapped in never hangs a load; `generate` stays
//! within what Sif reads; codes that SIE would merge are refused; and no control character or
//! bidirectional override from a fund reaches a terminal, a CSV file or a report raw.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use sif::model::Fund;
use sif::store;
use sif::validate;
use sif_testkit::cli::{self, code, stderr_lossy as stderr, stdout_lossy as stdout};

fn sif(args: &[&str]) -> Output {
    cli::run(env!("CARGO_BIN_EXE_sif"), args)
}

fn sample() -> Fund {
    cli::sample("exempelkommun")
}

/// The sample fund saved in a fresh folder as `fond.ron`.
fn fund_file(dir: &Path) -> PathBuf {
    let path = dir.join("fond.ron");
    store::save(&sample(), &path).unwrap();
    path
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Every name in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

// ---- 1. No silent overwrite, never onto the input ----

#[test]
fn generate_refuses_an_existing_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("stor.ron");
    let first = sif(&["generate", "--initiatives", "5", "-o", s(&out)]);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    let original = fs::read(&out).unwrap();
    let again = sif(&["generate", "--initiatives", "6", "-o", s(&out)]);
    assert_eq!(code(&again), 1);
    assert!(
        stderr(&again).contains("already exists; use --force"),
        "{}",
        stderr(&again)
    );
    assert!(stderr(&again).contains("finns redan"), "{}", stderr(&again));
    assert_eq!(fs::read(&out).unwrap(), original);
    assert!(!store::backup_path(&out).exists());
    let forced = sif(&["generate", "--initiatives", "6", "-o", s(&out), "--force"]);
    assert_eq!(code(&forced), 0, "{}", stderr(&forced));
    assert_eq!(fs::read(store::backup_path(&out)).unwrap(), original);
}

#[test]
fn export_and_report_refuse_an_existing_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let fund = fund_file(dir.path());
    let csv = dir.path().join("bokf.csv");
    let html = dir.path().join("rapport.html");
    fs::write(&csv, "min egen fil").unwrap();
    fs::write(&html, "min egen fil").unwrap();
    let e = sif(&["export", s(&fund), "--format", "csv", "-o", s(&csv)]);
    assert_eq!(code(&e), 1);
    assert!(stderr(&e).contains("already exists"), "{}", stderr(&e));
    let r = sif(&["report", s(&fund), "-o", s(&html)]);
    assert_eq!(code(&r), 1);
    assert!(stderr(&r).contains("already exists"), "{}", stderr(&r));
    assert_eq!(fs::read_to_string(&csv).unwrap(), "min egen fil");
    assert_eq!(fs::read_to_string(&html).unwrap(), "min egen fil");
    let e = sif(&[
        "export",
        s(&fund),
        "--format",
        "csv",
        "-o",
        s(&csv),
        "--force",
    ]);
    assert_eq!(code(&e), 0, "{}", stderr(&e));
    let r = sif(&["report", s(&fund), "-o", s(&html), "--force"]);
    assert_eq!(code(&r), 0, "{}", stderr(&r));
    assert_eq!(
        fs::read_to_string(store::backup_path(&csv)).unwrap(),
        "min egen fil"
    );
    assert!(fs::read_to_string(&html).unwrap().contains("<html"));
}

#[test]
fn no_command_writes_onto_the_fund_it_reads_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let fund = fund_file(dir.path());
    let before = fs::read(&fund).unwrap();
    // The same file under other names: a hard link, a symbolic link, another spelling.
    let hard = dir.path().join("hard.ron");
    fs::hard_link(&fund, &hard).unwrap();
    let soft = dir.path().join("soft.ron");
    std::os::unix::fs::symlink(&fund, &soft).unwrap();
    let spelled = dir.path().join(".").join("fond.ron");
    for target in [&fund, &hard, &soft, &spelled] {
        for args in [
            vec![
                "export",
                s(&fund),
                "--format",
                "csv",
                "-o",
                s(target),
                "--force",
            ],
            vec!["export", s(&fund), "--format", "journal", "-o", s(target)],
            vec!["report", s(&fund), "-o", s(target), "--force"],
        ] {
            let o = sif(&args);
            assert_eq!(code(&o), 1, "{args:?}: {}", stderr(&o));
            assert!(
                stderr(&o).contains("is the fund file being read"),
                "{args:?}: {}",
                stderr(&o)
            );
            assert_eq!(fs::read(&fund).unwrap(), before, "{args:?}");
            assert!(!store::backup_path(&fund).exists(), "{args:?}");
        }
    }
}

#[test]
fn no_command_replaces_its_input_by_way_of_the_backup() {
    // Reading x.ron.bak and writing x.ron with --force would move the old x.ron onto the
    // input.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("x.ron.bak");
    store::save(&sample(), &input).unwrap();
    let before = fs::read(&input).unwrap();
    let output = dir.path().join("x.ron");
    fs::write(&output, "en annan fil").unwrap();
    let o = sif(&[
        "export",
        s(&input),
        "--format",
        "csv",
        "-o",
        s(&output),
        "--force",
    ]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("would replace the fund file"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read(&input).unwrap(), before);
    assert_eq!(fs::read_to_string(&output).unwrap(), "en annan fil");
}

// ---- 2. Temporary files: owner-only when the fund is, and cleaned up ----

#[test]
fn a_long_file_name_of_emoji_saves_with_its_backup() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("{}.ron", "🙂".repeat(60));
    assert_eq!(name.len(), 244);
    let path = dir.path().join(&name);
    store::save(&sample(), &path).unwrap();
    store::save(&sample(), &path).unwrap();
    assert_eq!(store::load(&path).unwrap(), sample());
    assert!(store::backup_path(&path).exists());
    assert_eq!(names(dir.path()).len(), 2, "{:?}", names(dir.path()));
}

// ---- 4. The backup is never skipped in silence ----

#[test]
fn a_folder_named_like_the_backup_refuses_the_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = fund_file(dir.path());
    let before = fs::read(&path).unwrap();
    fs::create_dir(store::backup_path(&path)).unwrap();
    let mut changed = sample();
    changed.name.push_str(" (ändrad)");
    let e = store::save(&changed, &path).unwrap_err();
    let text = e.to_string();
    assert!(matches!(e, store::SaveError::Backup { .. }), "{e:?}");
    assert!(text.contains("fond.ron.bak is a folder"), "{text}");
    assert!(text.contains("är en mapp"), "{text}");
    assert!(text.contains("The previous file is unchanged."), "{text}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(names(dir.path()), ["fond.ron", "fond.ron.bak"]);
    // And through the command line: exit 1, not 0.
    let o = sif(&["new", s(&path), "--force"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("(.bak)"), "{}", stderr(&o));
}

#[test]
fn a_name_too_long_for_the_backup_suffix_refuses_the_save() {
    let dir = tempfile::tempdir().unwrap();
    // 252 bytes: a valid name, but NAME.bak would be 256.
    let path = dir.path().join(format!("{}.ron", "a".repeat(248)));
    store::save(&sample(), &path).unwrap();
    let before = fs::read(&path).unwrap();
    let mut changed = sample();
    changed.name.push_str(" (ändrad)");
    let e = store::save(&changed, &path).unwrap_err();
    let text = e.to_string();
    assert!(matches!(e, store::SaveError::Backup { .. }), "{e:?}");
    assert!(text.contains("too long to add .bak"), "{text}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(names(dir.path()).len(), 1, "{:?}", names(dir.path()));
}

#[test]
fn a_failed_save_of_a_new_file_does_not_claim_a_previous_file() {
    let dir = tempfile::tempdir().unwrap();
    // The folder is a file: nothing can be created in it.
    let not_a_folder = dir.path().join("fil");
    fs::write(&not_a_folder, "x").unwrap();
    let e = store::save(&sample(), &not_a_folder.join("ny.ron")).unwrap_err();
    let text = e.to_string();
    assert!(!text.contains("previous file"), "{text}");
    assert!(!text.contains("tidigare filen"), "{text}");
    assert!(text.contains("No file was written."), "{text}");
    assert!(text.contains("Ingen fil skrevs."), "{text}");
}

// ---- 5. A FIFO swapped in never hangs a load ----

#[test]
fn a_fifo_swapped_in_between_look_and_open_never_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fond.ron");
    let regular = dir.path().join("regular.ron");
    let fifo = dir.path().join("fifo.ron");
    store::save(&sample(), &regular).unwrap();
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // Two names for each: the path is swapped between the regular file and the FIFO by
    // renaming a fresh link of either over it, as fast as possible.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let swapper = {
        let (stop, dir, path, regular, fifo) = (
            stop.clone(),
            dir.path().to_path_buf(),
            path.clone(),
            regular.clone(),
            fifo.clone(),
        );
        std::thread::spawn(move || {
            let staged = dir.join("staged");
            let mut k = 0_u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let from = if k.is_multiple_of(2) { &regular } else { &fifo };
                let _ = fs::remove_file(&staged);
                if fs::hard_link(from, &staged).is_ok() {
                    let _ = fs::rename(&staged, &path);
                }
                k += 1;
            }
        })
    };
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    let loader = {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut outcomes = [0_u32; 3];
            // At least 3000 loads, and on until both a regular file and the FIFO were met
            // (the swapper may be starved for a while on a busy machine), within a minute.
            let start = std::time::Instant::now();
            let mut n = 0_u32;
            while n < 3000
                || ((outcomes[0] == 0 || outcomes[1] == 0)
                    && start.elapsed() < Duration::from_secs(60))
            {
                n += 1;
                match store::load(&path) {
                    Ok(_) => outcomes[0] += 1,
                    Err(store::LoadError::NotAFile { .. }) => outcomes[1] += 1,
                    Err(_) => outcomes[2] += 1,
                }
            }
            let _ = done_tx.send(outcomes);
        })
    };
    let result = done_rx.recv_timeout(Duration::from_secs(120));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    swapper.join().unwrap();
    let Ok(outcomes) = result else {
        // Free the blocked reader so the test process can end, then fail.
        let _ = fs::OpenOptions::new().read(true).write(true).open(&fifo);
        panic!("a load blocked on a FIFO");
    };
    loader.join().unwrap();
    assert!(outcomes[0] > 0 && outcomes[1] > 0, "{outcomes:?}");
}

// ---- 6. generate stays within what Sif reads ----

#[test]
fn generate_refuses_a_fund_larger_than_sif_reads_before_generating() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("enorm.ron");
    let start = Instant::now();
    let o = sif(&[
        "generate",
        "--initiatives",
        "200000",
        "--years",
        "60",
        "-o",
        s(&out),
    ]);
    let took = start.elapsed();
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let text = stderr(&o);
    assert!(text.contains("200000 initiatives over 60 years"), "{text}");
    assert!(
        text.contains("at most 64 MB; nothing was written"),
        "{text}"
    );
    assert!(!out.exists());
    assert_eq!(names(dir.path()), Vec::<String>::new());
    assert!(took < Duration::from_secs(20), "{took:?}");
}

#[test]
fn a_generated_fund_is_written_as_sif_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g.ron");
    let o = sif(&[
        "generate",
        "--initiatives",
        "40",
        "--years",
        "12",
        "-o",
        s(&out),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let fund = sif::generate::generate_fund(&sif::generate::GenerateParams {
        initiatives: 40,
        years: 12,
        actors: 12,
        seed: 1,
    });
    assert_eq!(
        fs::read_to_string(&out).unwrap(),
        store::to_ron_string(&fund).unwrap()
    );
    let estimate = sif::generate::estimated_file_bytes(&sif::generate::GenerateParams {
        initiatives: 400,
        years: 20,
        actors: 12,
        seed: 2025,
    });
    let real = store::to_ron_string(&sif::generate::generate_fund(
        &sif::generate::GenerateParams {
            initiatives: 400,
            years: 20,
            actors: 12,
            seed: 2025,
        },
    ))
    .unwrap()
    .len() as f64;
    let off = (estimate as f64 - real).abs() / real;
    assert!(off < 0.1, "estimate {estimate}, real {real}");
}

// ---- 3. Codes that SIE would merge ----

fn errors_of(fund: &Fund) -> Vec<String> {
    validate::validate(fund)
        .errors()
        .map(|i| i.to_string())
        .collect()
}

#[test]
fn codes_that_cp437_writes_alike_are_an_error_naming_both() {
    for (a, b) in [("P-1", "P\u{2013}1"), ("Ø1", "Ö1"), ("P 1", "P\u{a0}1")] {
        let mut fund = sample();
        fund.initiatives[0].code = a.to_string();
        fund.initiatives[1].code = b.to_string();
        let errors = errors_of(&fund);
        let hit = errors
            .iter()
            .find(|e| e.contains("written alike in SIE"))
            .unwrap_or_else(|| panic!("{a} / {b}: {errors:?}"));
        assert!(
            hit.contains(&format!("“{a}”")) && hit.contains(&format!("“{b}”")),
            "{hit}"
        );
        assert!(hit.contains("initiatives["), "{hit}");
    }
    let mut fund = sample();
    let owner = fund.initiatives[0].owner.clone();
    let mut twin = fund
        .actors
        .iter()
        .find(|a| a.code == owner)
        .unwrap()
        .clone();
    fund.actors[0].code = "Ø1".into();
    twin.code = "Ö1".into();
    fund.actors.push(twin);
    let errors = errors_of(&fund);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("actor codes “Ø1” and “Ö1” are written alike")),
        "{errors:?}"
    );
}

// ---- 7. Control characters and bidirectional overrides ----

#[test]
fn control_characters_in_codes_are_errors_and_in_names_warnings() {
    let mut fund = sample();
    fund.initiatives[0].code = "P\u{1b}[2J".into();
    fund.initiatives[1].name = "Hela \u{202e}familjen".into();
    fund.actors[0].name = "Nämnd\u{7}".into();
    let report = validate::validate_without_projection(&fund);
    let errors: Vec<_> = report.errors().map(|i| i.to_string()).collect();
    let warnings: Vec<_> = report.warnings().map(|i| i.to_string()).collect();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("holds a control character") && e.contains("P\\u{1b}[2J")),
        "{errors:?}"
    );
    assert_eq!(
        warnings
            .iter()
            .filter(|w| w.contains("invisible control character"))
            .count(),
        2,
        "{warnings:?}"
    );
    for text in errors.iter().chain(&warnings) {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{text:?}"
        );
    }
}

/// A raw control character (other than line feed, tab and CRLF) or bidirectional override.
fn raw_control(text: &str) -> Option<char> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let layout = c == '\n' || c == '\t' || (c == '\r' && chars.peek() == Some(&'\n'));
        if sif::text::is_hidden_control(c) && !layout {
            return Some(c);
        }
    }
    None
}

#[test]
fn no_raw_escape_reaches_a_terminal_a_csv_file_or_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut fund = sample();
    // Names and notes: warnings, so every command still runs.
    fund.name = "Fond \u{1b}]0;ägd\u{7}".into();
    fund.initiatives[0].name = "Tidiga \u{1b}[2J insatser \u{202e}lagom\u{0}".into();
    fund.initiatives[0].note = "not \u{9b}31m".into();
    fund.actors[0].name = "Kommun\u{1b}[31mstyrelsen".into();
    let path = dir.path().join("fond.ron");
    store::save(&fund, &path).unwrap();

    let mut outputs = Vec::new();
    let check = sif(&["check", s(&path)]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
    assert!(stdout(&check).contains("\\u{1b}]0;"), "{}", stdout(&check));
    outputs.push(("check".to_string(), stdout(&check) + &stderr(&check)));
    for cmd in ["statement", "schedule", "appraisal", "reconcile"] {
        for format in ["text", "csv", "json"] {
            let o = sif(&[cmd, s(&path), "--format", format]);
            assert_eq!(code(&o), 0, "{cmd} {format}: {}", stderr(&o));
            if format == "json" {
                serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap();
            }
            outputs.push((format!("{cmd} {format}"), stdout(&o) + &stderr(&o)));
        }
    }
    for format in ["text", "csv", "json"] {
        let o = sif(&["ledger", s(&path), "--format", format]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        outputs.push((format!("ledger {format}"), stdout(&o) + &stderr(&o)));
    }
    for format in ["csv", "journal"] {
        let o = sif(&["export", s(&path), "--format", format, "-o", "-"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        outputs.push((format!("export {format}"), stdout(&o)));
    }
    let csv = sif(&[
        "export",
        s(&path),
        "--format",
        "csv",
        "--csv-dialect",
        "sv",
        "-o",
        "-",
    ]);
    outputs.push(("export csv sv".into(), stdout(&csv)));
    let html = sif(&["report", s(&path), "-o", "-"]);
    assert_eq!(code(&html), 0, "{}", stderr(&html));
    outputs.push(("report".into(), stdout(&html)));
    // An error message that names a text from the command line.
    let bad = sif(&["statement", s(&path), "--scenario", "x\u{1b}[2Jy"]);
    assert_ne!(code(&bad), 0);
    assert!(stderr(&bad).contains("\\u{1b}[2J"), "{}", stderr(&bad));
    outputs.push(("error".into(), stderr(&bad)));
    for (what, text) in &outputs {
        assert_eq!(raw_control(text), None, "{what}: {text:?}");
    }
    // The NUL is shown, not dropped.
    assert!(
        outputs
            .iter()
            .any(|(w, t)| w == "export csv" && t.contains("\\u{0}")),
        "the CSV export shows the NUL"
    );
}

// ---- 8. Small things ----

#[test]
fn a_rate_of_minus_zero_is_shown_as_zero_and_a_huge_one_briefly() {
    let dir = tempfile::tempdir().unwrap();
    let mut fund = sample();
    fund.discount_rate = -0.0;
    let path = dir.path().join("noll.ron");
    store::save(&fund, &path).unwrap();
    for args in [
        vec!["appraisal", s(&path)],
        vec!["report", s(&path), "-o", "-"],
        vec!["report", s(&path), "--lang", "en", "-o", "-"],
    ] {
        let o = sif(&args);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let text = stdout(&o);
        for minus in [
            "-0 %",
            "-0\u{a0}%",
            "\u{2212}0\u{a0}%",
            "\u{2212}0 %",
            "-0%",
        ] {
            assert!(!text.contains(minus), "{args:?}: {minus}");
        }
    }
    let mut fund = sample();
    fund.discount_rate = 1e308;
    let errors = errors_of(&fund);
    let rate = errors
        .iter()
        .find(|e| e.starts_with("fel / error: discount_rate"))
        .unwrap();
    assert!(rate.contains("1e308 %"), "{rate}");
    assert!(rate.len() < 200, "{rate}");
}

#[test]
fn an_impossible_horizon_is_not_quoted_in_every_year_error() {
    let mut fund = sample();
    fund.first_year = i32::MAX;
    let errors = errors_of(&fund);
    assert!(
        errors.iter().any(|e| e.contains("first_year")),
        "{errors:?}"
    );
    assert!(
        errors.iter().all(|e| !e.contains("2147483647–2147483647")),
        "{errors:?}"
    );
}

// ---- The report's PDF work folder ----

#[test]
fn the_pdf_work_folder_is_private_and_removed_when_printing_fails() {
    let dir = tempfile::tempdir().unwrap();
    let fund = fund_file(dir.path());
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let seen = dir.path().join("seen-mode");
    // A browser that notes its work folder's mode, leaves files in its profile, starts a
    // helper that writes there a moment longer, and fails.
    let browser = dir.path().join("fake-chromium");
    fs::write(
        &browser,
        format!(
            r#"#!/bin/sh
for a in "$@"; do
  case "$a" in --user-data-dir=*) profile="${{a#--user-data-dir=}}";; esac
done
work=$(dirname "$profile")
stat -c %a "$work" > '{}'
mkdir -p "$profile/Default"
echo x > "$profile/Default/Preferences"
(for i in 1 2 3 4 5 6 7 8 9 10; do echo y > "$profile/Default/late-$i" 2>/dev/null; sleep 0.02; done) &
exit 1
"#,
            seen.display()
        ),
    )
    .unwrap();
    fs::set_permissions(
        &browser,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let pdf = dir.path().join("rapport.pdf");
    let o = Command::new(env!("CARGO_BIN_EXE_sif"))
        .args(["report", s(&fund), "-o", s(&pdf)])
        .env("SIF_CHROMIUM", &browser)
        .env("TMPDIR", &tmp)
        .output()
        .unwrap();
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("could not print the report as PDF"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(&seen).unwrap().trim(), "700");
    // Give the helper time to finish, then nothing of the work folder is left.
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(names(&tmp), Vec::<String>::new());
    assert!(!pdf.exists());
}
