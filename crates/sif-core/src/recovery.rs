//! Crash recovery: unsaved changes kept outside the user's folder, so that a crash, a kill or a
//! power cut costs at most a few seconds of work (docs/safety.md).
//!
//! While a fund has unsaved changes the app writes its text every few seconds to a recovery
//! file in the platform's data directory (the app passes that directory in; this module knows
//! no platform, no clock and no window). Each running Sif holds a [`Session`]: a lock file that
//! the operating system releases when the process ends, however it ends. On the next start
//! [`list_recoveries`] finds the recovery files whose session is no longer running, the app
//! offers to restore each ([`Recovery::prompt`] says whose changes and from when), and
//! [`discard`] removes the file once the user has chosen.
//!
//! A recovery file is written atomically (temporary file, flush, rename), readable by the owner
//! only, and starts with a short header that records which fund file it belongs to, when it was
//! made and the stamp of that file when it was opened; the fund's RON text follows.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::model::Fund;
use crate::store::{self, FileStamp, LoadError, SaveError, WriteOptions};

/// The extension of recovery files.
pub const RECOVERY_EXTENSION: &str = "sifrec";
const LOCK_EXTENSION: &str = "lock";
/// The first line of every recovery file (with the header's version).
const MAGIC: &str = "Sif recovery 1";
/// Room for the header on top of the largest fund a recovery file may hold.
const HEADER_ALLOWANCE: u64 = 64 * 1024;

/// Where recovery files live, given the platform's data directory for Sif (the app passes
/// `eframe::storage_dir("sif")`): a folder of their own, never the user's folder.
pub fn recovery_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery")
}

/// This process's claim on its recovery file. While a `Session` lives, its lock is held and
/// [`list_recoveries`] in any Sif process (this one included) skips its file; when the process
/// ends — normally, by a crash or killed — the operating system releases the lock, and the file
/// becomes a recovery to offer.
///
/// Dropping the session removes the lock file but never the recovery file: a panic unwinds
/// through the drop, and the unsaved work must survive it. Call [`Session::clear`] when the
/// changes are saved or the user discards them.
#[derive(Debug)]
pub struct Session {
    dir: PathBuf,
    id: String,
    lock_path: PathBuf,
    /// Held open, and locked, for the life of the session.
    _lock: File,
}

impl Session {
    /// Start a session in `dir` (created if missing, owner-only). `now_unix_secs` only makes
    /// the session's name unique over time; lock files of sessions that ended without a
    /// recovery file are tidied away.
    pub fn start(dir: &Path, now_unix_secs: u64) -> Result<Session, SaveError> {
        let name = dir.display().to_string();
        create_private_dir(dir).map_err(|e| io_save_error(&name, &e))?;
        tidy_stale_locks(dir);
        let pid = std::process::id();
        for n in 0..1000u32 {
            let id = format!("{now_unix_secs:x}-{pid:x}-{n}");
            let lock_path = dir.join(format!("{id}.{LOCK_EXTENSION}"));
            // A name whose recovery file is still there belongs to a session that ended
            // without being offered yet: never reuse it, or its work would be overwritten.
            if dir.join(format!("{id}.{RECOVERY_EXTENSION}")).exists() {
                continue;
            }
            let lock = match OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&lock_path)
            {
                Ok(f) => f,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(io_save_error(&name, &e)),
            };
            match lock.try_lock() {
                Ok(()) => {}
                // Where the file system cannot lock, recoveries of running sessions may be
                // offered to a second Sif; that costs a question, never data.
                Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {}
                Err(fs::TryLockError::Error(e)) => {
                    let _ = fs::remove_file(&lock_path);
                    return Err(io_save_error(&name, &e));
                }
                Err(fs::TryLockError::WouldBlock) => continue,
            }
            return Ok(Session {
                dir: dir.to_path_buf(),
                id,
                lock_path,
                _lock: lock,
            });
        }
        Err(io_save_error(
            &name,
            &io::Error::from(io::ErrorKind::AlreadyExists),
        ))
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The recovery file this session writes.
    pub fn recovery_path(&self) -> PathBuf {
        self.dir.join(format!("{}.{RECOVERY_EXTENSION}", self.id))
    }

    /// Write (or replace) this session's recovery file atomically: the fund's text, the file it
    /// belongs to (`None` for a fund never saved), that file's stamp when it was opened, and
    /// when the recovery was made.
    pub fn write(
        &self,
        original: Option<&Path>,
        opened: Option<&FileStamp>,
        fund_text: &str,
        now_unix_secs: u64,
    ) -> Result<(), SaveError> {
        let mut text = String::with_capacity(fund_text.len() + 256);
        text.push_str(MAGIC);
        text.push('\n');
        text.push_str(&format!("made_at: {now_unix_secs}\n"));
        match original {
            Some(p) => text.push_str(&format!("original: {}\n", encode_path(p))),
            None => text.push_str("original: -\n"),
        }
        match opened {
            Some(s) => {
                let (secs, nanos) = s
                    .modified
                    .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
                    .map_or((String::from("-"), 0), |d| {
                        (d.as_secs().to_string(), d.subsec_nanos())
                    });
                text.push_str(&format!(
                    "opened: {} {:016x} {secs} {nanos}\n",
                    s.len, s.hash
                ));
            }
            None => text.push_str("opened: -\n"),
        }
        text.push_str(&format!("session: {}\n\n", self.id));
        text.push_str(fund_text);
        store::write_with(
            &self.recovery_path(),
            text.as_bytes(),
            WriteOptions {
                backup: false,
                private: true,
            },
        )
    }

    /// Remove this session's recovery file: the changes are saved, or the user chose to
    /// discard them.
    pub fn clear(&self) -> Result<(), SaveError> {
        remove_if_present(&self.recovery_path())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Only the lock file: see the type's documentation.
        let _ = fs::remove_file(&self.lock_path);
    }
}

/// Unsaved changes left by a Sif that ended without saving them.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// The recovery file.
    pub path: PathBuf,
    /// The fund file the changes belong to; `None` for a fund that was never saved.
    pub original: Option<PathBuf>,
    /// The original file's stamp when it was opened: restore it as the document's stamp, so
    /// that saving asks first if the file has changed on disk since.
    pub opened: Option<FileStamp>,
    /// When the changes were written, in seconds since 1970 (UTC).
    pub made_at: u64,
    pub session: String,
}

impl Recovery {
    /// The question to ask, in Swedish and in English, given the current time and the
    /// computer's offset from UTC at the time the changes were kept (the user reads local
    /// time; the caller knows the time zone, the library does not).
    pub fn prompt(&self, now_unix_secs: u64, utc_offset_secs: i32) -> (String, String) {
        let when = local_timestamp(self.made_at, utc_offset_secs);
        let (ago_sv, ago_en) = made_ago(self.made_at, now_unix_secs);
        match &self.original {
            Some(p) => {
                let file = p.display();
                (
                    format!(
                        "Sif avslutades utan att spara ändringar i {file}. Ändringarna sparades för återställning {when} ({ago_sv}). Vill du återställa dem?"
                    ),
                    format!(
                        "Sif ended without saving changes to {file}. The changes were kept for recovery at {when} ({ago_en}). Do you want to restore them?"
                    ),
                )
            }
            None => (
                format!(
                    "Sif avslutades utan att spara en ny fond som aldrig sparats. Den sparades för återställning {when} ({ago_sv}). Vill du återställa den?"
                ),
                format!(
                    "Sif ended without saving a new fund that was never saved. It was kept for recovery at {when} ({ago_en}). Do you want to restore it?"
                ),
            ),
        }
    }

    /// Whether the original file already holds exactly the recovered text (the changes were
    /// saved after all): then there is nothing to offer, and the recovery can be discarded.
    pub fn already_saved(&self) -> bool {
        let (Some(original), Ok(text)) = (&self.original, read_recovery_text(&self.path)) else {
            return false;
        };
        FileStamp::of(original)
            .is_ok_and(|s| s.same_content(&FileStamp::of_bytes(text.as_bytes(), None)))
    }
}

/// The recovery files in `dir` whose session has ended, newest first. A missing folder has
/// none; files that are not recovery files, or whose header cannot be read, are skipped (and
/// left alone).
pub fn list_recoveries(dir: &Path) -> Vec<Recovery> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some(RECOVERY_EXTENSION) {
            continue;
        }
        let Some(recovery) = read_header(&path) else {
            continue;
        };
        if session_running(dir, &recovery.session) {
            continue;
        }
        out.push(recovery);
    }
    out.sort_by(|a, b| b.made_at.cmp(&a.made_at).then(a.path.cmp(&b.path)));
    out
}

/// The fund kept in a recovery file. The header's file name is what messages name.
pub fn restore(recovery: &Recovery) -> Result<Fund, LoadError> {
    let text = read_recovery_text(&recovery.path)?;
    let name = match &recovery.original {
        Some(p) => p.display().to_string(),
        None => recovery.path.display().to_string(),
    };
    store::parse_str(&text, &name)
}

/// Remove a recovery file once the user has restored or declined it, and its ended session's
/// lock file.
pub fn discard(recovery: &Recovery) -> Result<(), SaveError> {
    remove_if_present(&recovery.path)?;
    if let Some(dir) = recovery.path.parent()
        && !session_running(dir, &recovery.session)
    {
        let _ = fs::remove_file(dir.join(format!("{}.{LOCK_EXTENSION}", recovery.session)));
    }
    Ok(())
}

/// "for 5 minuter sedan" / "5 minutes ago": how long ago `made_at` was.
pub fn made_ago(made_at: u64, now_unix_secs: u64) -> (String, String) {
    let Some(age) = now_unix_secs.checked_sub(made_at) else {
        return ("alldeles nyss".to_string(), "just now".to_string());
    };
    let plural = |n: u64, sv1: &str, svn: &str, en: &str| {
        let sv = if n == 1 { sv1 } else { svn };
        let s = if n == 1 { "" } else { "s" };
        (format!("för {n} {sv} sedan"), format!("{n} {en}{s} ago"))
    };
    match age {
        0..60 => (
            "för mindre än en minut sedan".to_string(),
            "less than a minute ago".to_string(),
        ),
        60..3600 => plural(age / 60, "minut", "minuter", "minute"),
        3600..86_400 => plural(age / 3600, "timme", "timmar", "hour"),
        _ => plural(age / 86_400, "dag", "dagar", "day"),
    }
}

/// The moment `unix_secs` moved by `offset_secs`, as a calendar date and time (chrono's).
fn moment(unix_secs: u64, offset_secs: i32) -> chrono::NaiveDateTime {
    let secs = i64::try_from(unix_secs)
        .unwrap_or(i64::MAX)
        .saturating_add(i64::from(offset_secs))
        .max(0);
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or(chrono::DateTime::<chrono::Utc>::MAX_UTC)
        .naive_utc()
}

/// `2025-11-26 14:05 UTC`: a moment as a date and time (UTC, since the library knows no time
/// zone; the app may show local time instead).
pub fn utc_timestamp(unix_secs: u64) -> String {
    format!("{} UTC", moment(unix_secs, 0).format("%Y-%m-%d %H:%M"))
}

/// A moment as local date and time, `YYYY-MM-DD HH:MM`, given the local offset from UTC in
/// seconds (east positive; Sweden is +3600 in winter, +7200 in summer).
pub fn local_timestamp(unix_secs: u64, utc_offset_secs: i32) -> String {
    moment(unix_secs, utc_offset_secs)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The local calendar date of a moment, `YYYY-MM-DD`, given the offset from UTC in seconds.
pub fn local_date(unix_secs: u64, utc_offset_secs: i32) -> String {
    moment(unix_secs, utc_offset_secs)
        .format("%Y-%m-%d")
        .to_string()
}

/// Seconds since 1970 for a [`SystemTime`], for callers that hold one (0 before 1970).
pub fn unix_secs(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

fn io_save_error(file: &str, e: &io::Error) -> SaveError {
    SaveError::Io {
        file: file.to_string(),
        reason: store::IoReason::of(e),
        existed: true,
    }
}

fn remove_if_present(path: &Path) -> Result<(), SaveError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_save_error(&path.display().to_string(), &e)),
    }
}

fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Whether the session's lock is held by a running process.
fn session_running(dir: &Path, session: &str) -> bool {
    let lock_path = dir.join(format!("{session}.{LOCK_EXTENSION}"));
    let Ok(lock) = OpenOptions::new().write(true).open(&lock_path) else {
        // No lock file: the session ended (or never had one).
        return false;
    };
    // Taking the lock ourselves proves nobody holds it; it is released when `lock` closes.
    matches!(lock.try_lock(), Err(fs::TryLockError::WouldBlock))
}

/// Remove lock files of ended sessions that left no recovery file.
fn tidy_stale_locks(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some(LOCK_EXTENSION) {
            continue;
        }
        let Some(session) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if dir.join(format!("{session}.{RECOVERY_EXTENSION}")).exists()
            || session_running(dir, session)
        {
            continue;
        }
        let _ = fs::remove_file(&path);
    }
}

/// The whole recovery file as text, header included.
fn read_whole(path: &Path) -> Result<String, LoadError> {
    let (bytes, _) = store::read_limited(path, store::MAX_FILE_BYTES + HEADER_ALLOWANCE)?;
    String::from_utf8(bytes).map_err(|_| LoadError::NotUtf8 {
        file: path.display().to_string(),
        line: 1,
        col: 1,
    })
}

/// The fund text of a recovery file, without its header.
fn read_recovery_text(path: &Path) -> Result<String, LoadError> {
    let whole = read_whole(path)?;
    match whole.split_once("\n\n") {
        Some((header, body)) if header.starts_with(MAGIC) => Ok(body.to_string()),
        _ => Err(LoadError::Syntax {
            file: path.display().to_string(),
            line: 1,
            col: 1,
            problem: store::SyntaxProblem::RecoveryHeader,
        }),
    }
}

fn read_header(path: &Path) -> Option<Recovery> {
    let whole = read_whole(path).ok()?;
    let (header, _) = whole.split_once("\n\n")?;
    let mut lines = header.lines();
    if lines.next()? != MAGIC {
        return None;
    }
    let (mut made_at, mut original, mut opened, mut session) = (None, None, None, None);
    for line in lines {
        let (key, value) = line.split_once(": ")?;
        match key {
            "made_at" => made_at = Some(value.parse::<u64>().ok()?),
            "original" => {
                original = Some(if value == "-" {
                    None
                } else {
                    Some(decode_path(value)?)
                });
            }
            "opened" => opened = Some(parse_stamp(value)),
            "session" => session = Some(value.to_string()),
            // Unknown keys from a later version are ignored.
            _ => {}
        }
    }
    Some(Recovery {
        path: path.to_path_buf(),
        original: original?,
        opened: opened.flatten(),
        made_at: made_at?,
        session: session?,
    })
}

fn parse_stamp(value: &str) -> Option<FileStamp> {
    let mut parts = value.split(' ');
    let len = parts.next()?.parse().ok()?;
    let hash = u64::from_str_radix(parts.next()?, 16).ok()?;
    let secs = parts.next()?;
    let nanos: u32 = parts.next()?.parse().ok()?;
    let modified = match secs {
        "-" => None,
        s => UNIX_EPOCH.checked_add(Duration::new(s.parse().ok()?, nanos)),
    };
    Some(FileStamp {
        len,
        modified,
        hash,
    })
}

/// A path as one line of printable ASCII: every byte outside `!`..`~`, and `%`, as `%XX`. Paths
/// may hold any byte but `/` and NUL on Unix, newlines included.
fn encode_path(path: &Path) -> String {
    let mut out = String::new();
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_graphic() && b != b'%' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode_path(text: &str) -> Option<PathBuf> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(out)))
    }
    #[cfg(not(unix))]
    {
        Some(PathBuf::from(String::from_utf8_lossy(&out).into_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_survive_the_header_whatever_their_bytes() {
        for p in [
            "/home/anna/Fonder/fond 2025.ron",
            "C:\\Users\\Åsa\\Social fond%.ron",
            "/tmp/line\nbreak/ö.ron",
        ] {
            let path = PathBuf::from(p);
            let encoded = encode_path(&path);
            assert!(encoded.bytes().all(|b| b.is_ascii_graphic()), "{encoded}");
            assert_eq!(decode_path(&encoded), Some(path));
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let raw = Path::new(std::ffi::OsStr::from_bytes(b"/tmp/latin1-\xe5.ron"));
            assert_eq!(decode_path(&encode_path(raw)).as_deref(), Some(raw));
        }
        assert_eq!(decode_path("%4"), None);
        assert_eq!(decode_path("%GG"), None);
    }

    #[test]
    fn ages_read_naturally_in_both_languages() {
        let t = 1_700_000_000;
        assert_eq!(
            made_ago(t, t + 5),
            (
                "för mindre än en minut sedan".into(),
                "less than a minute ago".into()
            )
        );
        assert_eq!(
            made_ago(t, t + 60),
            ("för 1 minut sedan".into(), "1 minute ago".into())
        );
        assert_eq!(
            made_ago(t, t + 7 * 60 + 59),
            ("för 7 minuter sedan".into(), "7 minutes ago".into())
        );
        assert_eq!(
            made_ago(t, t + 2 * 3600),
            ("för 2 timmar sedan".into(), "2 hours ago".into())
        );
        assert_eq!(
            made_ago(t, t + 86_400),
            ("för 1 dag sedan".into(), "1 day ago".into())
        );
        // A clock set back must not underflow.
        assert_eq!(made_ago(t, t - 100).1, "just now");
    }

    #[test]
    fn timestamps_are_calendar_dates() {
        for (seconds, shown) in [
            (0, "1970-01-01 00:00 UTC"),
            (951_782_400, "2000-02-29 00:00 UTC"),
            (1_700_000_000, "2023-11-14 22:13 UTC"),
            (1_767_225_599, "2025-12-31 23:59 UTC"),
        ] {
            assert_eq!(utc_timestamp(seconds), shown);
        }
        // Stockholm in winter (+1 h) and summer (+2 h), and a zone west of UTC.
        assert_eq!(local_timestamp(1_767_225_599, 3600), "2026-01-01 00:59");
        assert_eq!(local_timestamp(1_751_371_200, 7200), "2025-07-01 14:00");
        assert_eq!(
            local_timestamp(1_700_000_000, -5 * 3600),
            "2023-11-14 17:13"
        );
    }
}
