//! Crash recovery (docs/safety.md): a Sif with unsaved changes is killed; the next start finds
//! the changes, says whose and from when, restores them exactly, and removes the recovery file
//! once handled. The killed Sif is this test binary run again as a child process that acts as
//! the app does: start a session, write the recovery file, wait.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use sif::recovery::{self, Session};
use sif::store::{self, FileStamp};

const CHILD_ENV: &str = "SIF_TEST_RECOVERY_CHILD";
const READY: &str = "SIF-CHILD-READY";
/// The child's clock: 2025-11-26 14:05:00 UTC.
const MADE_AT: u64 = 1_764_165_900;

fn sample_text() -> &'static str {
    sif::samples::template("uppfoljning").unwrap()
}

/// The unsaved fund: the sample with one change a user might make.
fn edited_fund() -> sif::Fund {
    let mut fund = store::parse_str(sample_text(), "uppfoljning").unwrap();
    fund.name = "Fonden, med osparade ändringar".to_string();
    fund.initiatives[0].costs[0].fund = sif::Money(1_234_567);
    fund
}

/// Not a test of its own: in the child process it plays a Sif with unsaved changes to the
/// file named in the environment, and waits to be killed.
#[test]
fn recovery_child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (dir, original) = spec.split_once('\n').unwrap();
    let opened = FileStamp::of(Path::new(original)).unwrap();
    let session = Session::start(Path::new(dir), MADE_AT).unwrap();
    let text = store::to_ron_string(&edited_fund()).unwrap();
    session
        .write(Some(Path::new(original)), Some(&opened), &text, MADE_AT)
        .unwrap();
    println!("{READY}");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

/// Start the child and wait until it has written its recovery file.
fn start_child(dir: &Path, original: &Path) -> Child {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "recovery_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(
            CHILD_ENV,
            format!("{}\n{}", dir.display(), original.display()),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // libtest may print the test's name on the same line, before the child's own output.
        let ready = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .any(|l| l.contains(READY));
        let _ = tx.send(ready);
    });
    // A watchdog against a hung child, not a measure of speed.
    let ready = rx.recv_timeout(std::time::Duration::from_secs(120));
    if ready != Ok(true) {
        let _ = child.kill();
        panic!("the child did not write its recovery file: {ready:?}");
    }
    child
}

fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

#[test]
fn changes_of_a_killed_sif_are_offered_restored_and_then_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let data_dir = recovery::recovery_dir(&tmp.path().join("data"));
    let original = tmp.path().join("fond.ron");
    std::fs::write(&original, sample_text()).unwrap();

    let mut child = start_child(&data_dir, &original);
    // While that Sif runs, its changes are its own: no other Sif offers them.
    assert_eq!(recovery::list_recoveries(&data_dir), vec![]);
    child.kill().unwrap(); // SIGKILL on Unix: no chance to clean up
    child.wait().unwrap();

    let found = recovery::list_recoveries(&data_dir);
    assert_eq!(found.len(), 1, "{found:?}");
    let r = &found[0];
    assert_eq!(r.original.as_deref(), Some(original.as_path()));
    assert_eq!(r.made_at, MADE_AT);
    assert!(!r.already_saved());
    let opened = FileStamp::of(&original).unwrap();
    assert!(r.opened.unwrap().same_content(&opened));

    // The prompt says whose changes and from when, in both languages.
    // In local time: here a computer an hour east of UTC (Swedish winter time).
    let (sv, en) = r.prompt(MADE_AT + 3 * 60, 3600);
    let name = original.display().to_string();
    assert!(sv.contains(&name) && en.contains(&name), "{sv} / {en}");
    assert!(sv.contains("2025-11-26 15:05"), "{sv}");
    assert!(!sv.contains("UTC"), "{sv}");
    assert!(sv.contains("för 3 minuter sedan"), "{sv}");
    assert!(en.contains("3 minutes ago"), "{en}");
    assert!(en.contains("Do you want to restore them?"), "{en}");

    // Restored exactly as it was, unsaved changes included; the original file is untouched.
    assert_eq!(recovery::restore(r).unwrap(), edited_fund());
    assert_eq!(std::fs::read_to_string(&original).unwrap(), sample_text());

    // Handled: the recovery file and the ended session's lock are gone.
    recovery::discard(r).unwrap();
    assert_eq!(recovery::list_recoveries(&data_dir), vec![]);
    assert_eq!(recovery_files(&data_dir), Vec::<PathBuf>::new());
}

#[test]
fn a_session_rewrites_one_file_and_clears_it_after_saving() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("recovery");
    let session = Session::start(&dir, MADE_AT).unwrap();
    let fund = edited_fund();
    let text = store::to_ron_string(&fund).unwrap();
    for k in 0..5 {
        session.write(None, None, &text, MADE_AT + k * 5).unwrap();
    }
    // One recovery file and the lock: each write replaces the last.
    assert_eq!(recovery_files(&dir).len(), 2);
    assert_eq!(
        std::fs::read_to_string(session.recovery_path())
            .unwrap()
            .matches("made_at: ")
            .count(),
        1
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode(&session.recovery_path()),
            0o600,
            "only the owner reads it"
        );
        assert_eq!(mode(&dir), 0o700);
    }
    // The running session's own file is never offered, not even to itself.
    assert_eq!(recovery::list_recoveries(&dir), vec![]);
    session.clear().unwrap();
    drop(session);
    assert_eq!(recovery_files(&dir), Vec::<PathBuf>::new());
}

#[test]
fn a_panic_keeps_the_recovery_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("recovery");
    let text = store::to_ron_string(&edited_fund()).unwrap();
    // The app's thread panics with unsaved changes: the session is dropped while unwinding.
    let result = std::thread::scope(|s| {
        s.spawn(|| {
            let session = Session::start(&dir, MADE_AT).unwrap();
            session.write(None, None, &text, MADE_AT).unwrap();
            panic!("a bug in a view");
        })
        .join()
    });
    assert!(result.is_err());
    let found = recovery::list_recoveries(&dir);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].original, None);
    let (sv, en) = found[0].prompt(MADE_AT, 0);
    assert!(sv.contains("aldrig sparats") && en.contains("never saved"));
    assert_eq!(recovery::restore(&found[0]).unwrap(), edited_fund());
}

#[test]
fn a_new_session_never_takes_over_an_ended_sessions_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("recovery");
    let text = store::to_ron_string(&edited_fund()).unwrap();
    // Same process, same clock: the names a session would choose coincide.
    let first = Session::start(&dir, MADE_AT).unwrap();
    first.write(None, None, &text, MADE_AT).unwrap();
    drop(first); // ended without clearing, as after a panic
    let second = Session::start(&dir, MADE_AT).unwrap();
    second.write(None, None, "Fund()", MADE_AT + 1).unwrap();
    let found = recovery::list_recoveries(&dir);
    assert_eq!(found.len(), 1);
    assert_eq!(recovery::restore(&found[0]).unwrap(), edited_fund());
}

#[test]
fn a_recovery_already_saved_is_recognised() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("recovery");
    let original = tmp.path().join("fond.ron");
    let text = store::to_ron_string(&edited_fund()).unwrap();
    {
        let session = Session::start(&dir, MADE_AT).unwrap();
        session
            .write(Some(&original), None, &text, MADE_AT)
            .unwrap();
        // The save went through, but the crash came before the recovery file was cleared.
        store::save(&edited_fund(), &original).unwrap();
    }
    let found = recovery::list_recoveries(&dir);
    assert_eq!(found.len(), 1);
    assert!(found[0].already_saved());
}

#[test]
fn damaged_or_foreign_files_in_the_folder_are_skipped_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("a.sifrec"), "not a recovery file").unwrap();
    std::fs::write(dir.join("b.sifrec"), b"\xff\xfe\x00garbage").unwrap();
    std::fs::write(dir.join("notes.txt"), "hello").unwrap();
    assert_eq!(recovery::list_recoveries(dir), vec![]);
    assert_eq!(recovery_files(dir).len(), 3);
    assert_eq!(recovery::list_recoveries(&dir.join("missing")), vec![]);
}
