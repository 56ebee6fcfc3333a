//! The kill test (docs/safety.md): a child process saves a large generated fund in a loop,
//! alternating two versions, and is killed with SIGKILL at random moments, over and over.
//! After every kill the fund file loads and is exactly one of the two versions — never empty,
//! never a mix, never a partial write — and so is its backup. The fund is readable by its
//! owner only, and so is every temporary file a kill leaves; the next save removes them.
//!
//! The child is this test binary run again with an environment variable that makes
//! `saving_child` act as the saver. It saves as `store::save` does — `to_ron_string` then
//! `write_atomically` — with the text of each version made once up front by the parent, so that
//! its time goes to writing files and the kills land inside the atomic write, not inside the
//! serialisation, which touches no file.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sif::generate::{GenerateParams, generate_fund};
use sif::store;

const CHILD_ENV: &str = "SIF_TEST_KILL_CHILD";
const VERSIONS_ENV: &str = "SIF_TEST_KILL_VERSIONS";
const READY: &str = "SIF-CHILD-SAVING";
const KILLS: usize = 300;

/// The two versions the child alternates: a large fund (about 1 MB) and the same fund after
/// a day's edits, so that every save rewrites the whole file.
fn versions() -> [sif::Fund; 2] {
    let params = GenerateParams {
        initiatives: 400,
        years: 20,
        actors: 12,
        seed: 2025,
    };
    let old = generate_fund(&params);
    let mut new = old.clone();
    new.name.push_str(" (reviderad)");
    for ini in new.initiatives.iter_mut().step_by(3) {
        for row in &mut ini.costs {
            row.fund = sif::Money(row.fund.0 + 1_000);
        }
    }
    new.initiatives.truncate(390);
    [old, new]
}

/// Not a test of its own: in the child process it saves the two versions in turn until it is
/// killed.
#[test]
fn saving_child() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let path = Path::new(&path);
    let versions_dir = std::env::var(VERSIONS_ENV).unwrap();
    let texts = [0, 1].map(|k| std::fs::read(version_path(Path::new(&versions_dir), k)).unwrap());
    // First the version that is not on disk, so that every kill tests a change.
    let on_disk = std::fs::read(path).unwrap();
    let first = usize::from(on_disk == texts[0]);
    println!("{READY}");
    for k in first.. {
        store::write_atomically(path, &texts[k % 2]).unwrap();
    }
}

/// Where the parent leaves the text of version `k` for the child.
fn version_path(dir: &Path, k: usize) -> std::path::PathBuf {
    dir.join(format!("version-{k}.txt"))
}

/// A small deterministic generator (SplitMix64) for the kill moments; the seed is printed so
/// that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[test]
fn a_killed_save_leaves_the_old_or_the_new_version_never_a_broken_file() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let versions = versions();
    let texts = versions
        .each_ref()
        .map(|f| store::to_ron_string(f).unwrap().into_bytes());
    assert!(texts[0].len() > 500_000, "{} bytes", texts[0].len());

    let dir = tempfile::tempdir().unwrap();
    let versions_dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fond.ron");
    let backup = store::backup_path(&path);
    store::save(&versions[0], &path).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    for (k, text) in texts.iter().enumerate() {
        std::fs::write(version_path(versions_dir.path(), k), text).unwrap();
    }

    // How long one atomic write takes here, so that kills fall before, during and after them.
    let start = Instant::now();
    store::write_atomically(&dir.path().join("timing.ron"), &texts[1]).unwrap();
    let one_save = start.elapsed().max(Duration::from_millis(1));
    std::fs::remove_file(dir.path().join("timing.ron")).unwrap();

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    eprintln!("kill test: seed {seed}, one save takes {one_save:?}");
    let mut rng = Rng(seed);
    // How often the file was, after the kill, the version from before (old) or the one being
    // written (new).
    let (mut old, mut new) = (0, 0);
    let mut before = 0;
    let mut mid_save = 0;
    for kill in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "saving_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .env(VERSIONS_ENV, versions_dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let ready = lines
            .by_ref()
            .map_while(Result::ok)
            .any(|l| l.contains(READY));
        assert!(ready, "the saving child did not start");
        // Kill anywhere in the first few saves; the window widens as the test goes on, so
        // that a first save slower than the measured one still sees kills on both sides.
        let widen = 1.0 + kill as f64 / 100.0;
        let wait = one_save.mul_f64((rng.next() % 3000) as f64 / 1000.0 * widen);
        std::thread::sleep(wait);
        child.kill().unwrap();
        child.wait().unwrap();

        let bytes = std::fs::read(&path).unwrap();
        let which = texts.iter().position(|t| *t == bytes);
        let Some(which) = which else {
            panic!(
                "after kill {kill} (seed {seed}) the file is neither version: {} bytes",
                bytes.len()
            );
        };
        if which == before {
            old += 1;
        } else {
            new += 1;
        }
        before = which;
        if kill % 25 == 0 {
            assert_eq!(store::load(&path).unwrap(), versions[which]);
        }
        if backup.exists() {
            let b = std::fs::read(&backup).unwrap();
            assert!(
                texts.contains(&b),
                "after kill {kill} (seed {seed}) the backup is neither version"
            );
        }
        // A temporary file left behind means the kill fell inside a save.
        let mut leftovers = Vec::new();
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let p = entry.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with(".fond.ron.") && name.ends_with(".tmp") {
                leftovers.push(p);
            } else {
                assert!(name == "fond.ron" || name == "fond.ron.bak", "{name}");
            }
        }
        if !leftovers.is_empty() {
            mid_save += 1;
        }
        for p in &leftovers {
            let mode = std::fs::symlink_metadata(p).unwrap().permissions().mode();
            assert_eq!(
                mode & 0o077,
                0,
                "after kill {kill} {} is readable by others ({mode:o})",
                p.display()
            );
        }
        // The next save (of the same version) leaves nothing behind.
        store::write_atomically(&path, &bytes).unwrap();
        let mut after: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        after.sort();
        assert_eq!(after, ["fond.ron", "fond.ron.bak"], "after kill {kill}");
    }
    eprintln!(
        "kill test: {KILLS} kills; {mid_save} fell inside a save (a temporary file was left); \
         afterwards the file was the old version {} times and the new {} times, never anything else",
        old, new
    );
    assert_eq!(store::load(&path).unwrap(), versions[before]);
    assert!(
        old > 0 && new > 0,
        "the kills never fell on both sides of a save"
    );
    // Kills must have hit saves in progress, or the test proves nothing.
    assert!(mid_save > 0, "no kill fell inside a save");
}
