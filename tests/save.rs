//! Saving safely (docs/safety.md): a save that fails says why in one sentence and leaves the
//! old file byte for byte as it was; a file someone else changed since it was opened is not
//! overwritten without asking.
//!
//! Some failures need a real operating-system refusal. The tests run as root in CI, and root
//! ignores folder permissions, so there the read-only-folder test runs `sif` as the user
//! `nobody` (`setpriv`, util-linux), the failed-rename test marks the file immutable
//! (`chattr +i`, e2fsprogs), and the disk-full test mounts a tiny tmpfs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sif::store::{self, DiskState, FileStamp, SaveError};

fn sample(name: &str) -> sif::Fund {
    store::parse_str(sif::samples::template(name).unwrap(), name).unwrap()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// The sentence every failed save of an existing file ends with, in both languages.
fn assert_kept_message(text: &str, file: &Path) {
    let file = file.display().to_string();
    assert!(
        text.contains(&format!("Kunde inte spara {file}: ")),
        "{text}"
    );
    assert!(text.contains(&format!("Could not save {file}: ")), "{text}");
    assert!(text.contains("Den tidigare filen är orörd."), "{text}");
    assert!(text.contains("The previous file is unchanged."), "{text}");
}

#[cfg(unix)]
#[test]
fn a_save_into_a_read_only_folder_fails_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    chmod(tmp.path(), 0o755);
    let dir = tmp.path().join("fonder");
    fs::create_dir(&dir).unwrap();
    let path = dir.join("fund.ron");
    let original = "Fund(format: 1) // the finance officer's work\n";
    fs::write(&path, original).unwrap();
    chmod(&dir, 0o555);

    let (code, stderr) = if is_root() {
        // Root may write anywhere: run the save as `nobody`, from a copy of `sif` that
        // `nobody` may run wherever the build folder is.
        let bin = tmp.path().join("sif");
        fs::copy(env!("CARGO_BIN_EXE_sif"), &bin).unwrap();
        chmod(&bin, 0o755);
        let out = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin)
            .arg("new")
            .arg(&path)
            .args(["--template", "exempelkommun", "--force"])
            .output()
            .expect("setpriv (util-linux) is needed to test permissions as root");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    } else {
        let e = store::save(&sample("exempelkommun"), &path).unwrap_err();
        assert!(matches!(e, SaveError::Io { .. }), "{e:?}");
        (Some(1), format!("sif: {e}\n"))
    };
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_kept_message(&stderr, &path);
    assert!(
        stderr.contains("behörighet saknas") && stderr.contains("permission denied"),
        "{stderr}"
    );
    chmod(&dir, 0o755);
    assert_eq!(fs::read_to_string(&path).unwrap(), original);
    let left: Vec<_> = fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1, "nothing but the original in the folder");
}

#[test]
fn a_save_into_a_missing_folder_names_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("Ekonomi").join("Fonden");
    let path = folder.join("fund.ron");
    let e = store::save(&sample("exempelkommun"), &path).unwrap_err();
    assert_eq!(
        e,
        SaveError::FolderMissing {
            file: path.display().to_string(),
            folder: folder.display().to_string()
        }
    );
    let text = e.to_string();
    assert!(
        text.contains(&format!("mappen {} finns inte", folder.display())),
        "{text}"
    );
    assert!(
        text.contains(&format!("the folder {} does not exist", folder.display())),
        "{text}"
    );
    assert!(
        !tmp.path().join("Ekonomi").exists(),
        "no folder is invented"
    );
    // Through the command line too.
    let out = Command::new(env!("CARGO_BIN_EXE_sif"))
        .arg("new")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        format!("sif: {text}")
    );
}

#[test]
fn a_folder_in_place_of_the_file_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("fund.ron");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("inside.txt"), "kept").unwrap();
    let e = store::save(&sample("exempelkommun"), &path).unwrap_err();
    assert_eq!(
        e,
        SaveError::NotAFile {
            file: path.display().to_string()
        }
    );
    assert!(
        e.to_string()
            .contains("it is a folder or not a regular file")
    );
    assert_eq!(fs::read_to_string(path.join("inside.txt")).unwrap(), "kept");
}

#[cfg(unix)]
#[test]
fn a_write_protected_file_is_not_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("fund.ron");
    fs::write(&path, "signed off\n").unwrap();
    chmod(&path, 0o444);
    let e = store::save(&sample("exempelkommun"), &path).unwrap_err();
    assert_eq!(
        e,
        SaveError::ReadOnlyFile {
            file: path.display().to_string()
        }
    );
    let text = e.to_string();
    assert!(text.contains("filen är skrivskyddad"), "{text}");
    assert!(text.contains("the file is write-protected"), "{text}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "signed off\n");
}

/// Removes the immutable flag however the test ends, so the folder can be cleaned up.
struct Immutable(PathBuf);

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

#[test]
fn a_save_whose_rename_fails_leaves_file_and_backup_as_they_were() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("fund.ron");
    let first = sample("exempelkommun");
    let second = sample("uppfoljning");
    store::save(&first, &path).unwrap();
    store::save(&second, &path).unwrap();
    let before = fs::read(&path).unwrap();
    let backup_before = fs::read(store::backup_path(&path)).unwrap();

    if !is_root() {
        eprintln!(
            "not root: the immutable flag needs root; the rename step is covered by store's unit tests"
        );
        return;
    }
    // An immutable file can be read, linked to nothing and copied, but not replaced: the
    // temporary file is written and flushed, and the final rename is refused.
    let ok = Command::new("chattr")
        .arg("+i")
        .arg(&path)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("this file system has no immutable flag; skipped");
        return;
    }
    let _guard = Immutable(path.clone());
    let e = store::save(&first, &path).unwrap_err();
    assert!(matches!(e, SaveError::Io { .. }), "{e:?}");
    let text = e.to_string();
    assert_kept_message(&text, &path);
    assert!(text.contains("permission denied"), "{text}");
    drop(_guard);
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(fs::read(store::backup_path(&path)).unwrap(), backup_before);
    let names: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "temporary files left behind: {names:?}");
    // The unsaved fund is still whole in memory: it saves fine elsewhere.
    let elsewhere = tmp.path().join("kopia.ron");
    store::save(&first, &elsewhere).unwrap();
    assert_eq!(store::load(&elsewhere).unwrap(), first);
}

/// Unmounts the tmpfs however the test ends.
struct Mounted(PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_save_on_a_full_disk_says_so_and_changes_nothing() {
    if !is_root() {
        eprintln!("not root: cannot mount a small file system; skipped");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mnt = tmp.path().join("disk");
    fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mnt)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("mounting a tmpfs is not allowed here; skipped");
        return;
    }
    let _guard = Mounted(mnt.clone());
    let path = mnt.join("fund.ron");
    let small = sample("exempelkommun");
    store::save(&small, &path).unwrap();
    let before = fs::read(&path).unwrap();
    // Fill the disk, then try to save a fund larger than what is left.
    let _ = fs::write(mnt.join("filler"), vec![0u8; 128 * 1024]);
    let large = sif::generate::generate_fund(&sif::generate::GenerateParams {
        initiatives: 40,
        years: 10,
        actors: 6,
        seed: 7,
    });
    let e = store::save(&large, &path).unwrap_err();
    let text = e.to_string();
    assert_kept_message(&text, &path);
    assert!(
        text.contains("disken är full") && text.contains("the disk is full"),
        "{text}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("fund.ron");
    store::save(&sample("exempelkommun"), &path).unwrap();

    // The app opens the file and the user edits the fund.
    let (mut fund, opened) = store::load_with_stamp(&path).unwrap();
    fund.name = "Min ändring".to_string();
    assert_eq!(store::disk_state(&path, &opened), DiskState::Unchanged);

    // Meanwhile a colleague saves their version on the shared drive.
    let mut theirs = sample("exempelkommun");
    theirs.name = "Kollegans ändring".to_string();
    fs::write(&path, store::to_ron_string(&theirs).unwrap()).unwrap();
    let their_bytes = fs::read(&path).unwrap();

    // On focus the app notices.
    assert!(matches!(
        store::disk_state(&path, &opened),
        DiskState::Changed(now) if now.len == their_bytes.len() as u64
    ));
    // Saving asks first: nothing is written.
    let e = store::save_checked(&fund, &path, Some(&opened)).unwrap_err();
    assert_eq!(
        e,
        SaveError::ChangedOnDisk {
            file: path.display().to_string(),
            removed: false
        }
    );
    let text = e.to_string();
    assert!(
        text.contains("har ändrats av ett annat program eller en annan person sedan du öppnade den; ingenting sparades."),
        "{text}"
    );
    assert!(
        text.contains(
            "has been changed by another program or person since you opened it; nothing was saved."
        ),
        "{text}"
    );
    assert_eq!(fs::read(&path).unwrap(), their_bytes);

    // "Reload": the colleague's version, with a new stamp.
    let (reloaded, _) = store::load_with_stamp(&path).unwrap();
    assert_eq!(reloaded, theirs);

    // "Overwrite": the user's version replaces theirs, and theirs is the backup.
    let stamp = store::save_checked(&fund, &path, None).unwrap();
    assert_eq!(store::load(&path).unwrap(), fund);
    assert_eq!(fs::read(store::backup_path(&path)).unwrap(), their_bytes);
    // The next save checks against what was just written, and goes through.
    fund.note_for_test();
    let again = store::save_checked(&fund, &path, Some(&stamp)).unwrap();
    assert!(!again.same_content(&stamp));
    assert_eq!(store::disk_state(&path, &again), DiskState::Unchanged);
}

/// A small edit, as a user makes between two saves.
trait Edit {
    fn note_for_test(&mut self);
}

impl Edit for sif::Fund {
    fn note_for_test(&mut self) {
        self.organisation.push_str(" (reviderad)");
    }
}

#[test]
fn a_file_removed_on_disk_is_reported_and_can_be_saved_again() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("fund.ron");
    let fund = sample("uppfoljning");
    let stamp = store::save_checked(&fund, &path, None).unwrap();
    fs::rename(&path, tmp.path().join("moved.ron")).unwrap();
    assert_eq!(store::disk_state(&path, &stamp), DiskState::Removed);
    let e = store::save_checked(&fund, &path, Some(&stamp)).unwrap_err();
    assert_eq!(
        e,
        SaveError::ChangedOnDisk {
            file: path.display().to_string(),
            removed: true
        }
    );
    assert!(
        e.to_string()
            .contains("has been deleted or moved since you opened it")
    );
    assert!(!path.exists(), "nothing written before the user agrees");
    // The user agrees to save it again where it was.
    store::save_checked(&fund, &path, None).unwrap();
    assert_eq!(store::load(&path).unwrap(), fund);
}

#[test]
fn a_rewrite_with_identical_content_is_not_a_change() {
    // A version-control checkout or a sync tool may rewrite a file with the same bytes and a
    // new time: nothing to ask about.
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("fund.ron");
    store::save(&sample("exempelkommun"), &path).unwrap();
    let (fund, opened) = store::load_with_stamp(&path).unwrap();
    let bytes = fs::read(&path).unwrap();
    fs::remove_file(&path).unwrap();
    fs::write(&path, &bytes).unwrap();
    assert_eq!(store::disk_state(&path, &opened), DiskState::Unchanged);
    store::save_checked(&fund, &path, Some(&opened)).unwrap();
    assert_eq!(
        FileStamp::of(&path).unwrap().hash,
        store::content_hash(&bytes)
    );
}
