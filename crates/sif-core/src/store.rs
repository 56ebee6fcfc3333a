//! Reading and writing fund files (SPEC §3), and keeping them safe (docs/safety.md).
//!
//! Loading goes in three steps so that every failure gets its own clear sentence: the bytes
//! must be a regular file within the size limit, and UTF-8; a version probe reads only
//! `format`, so that a file from a newer Sif is refused for what it is rather than for a field
//! this version does not know; then the whole file is parsed, and RON errors carry the file,
//! line and column. Parsing is all or nothing: a file that does not parse whole gives no fund.
//!
//! Saving is atomic: the new text goes to a temporary file in the same folder (a name unique to
//! this process and call, created with the final permissions), is flushed to disk, and is
//! renamed over the old file; the previous
//! version stays beside it as `NAME.bak`, and the folder is flushed so that the rename itself
//! survives a power cut. Whatever fails, the old file is left as it was. A [`FileStamp`] taken
//! at load lets [`save_checked`] refuse to overwrite a file someone else changed meanwhile.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use serde::Deserialize;

use crate::messages::Message;
use crate::model::{FORMAT_VERSION, Fund};
use crate::text::Lang;

/// Fund files larger than this are refused before parsing (64 MiB): a real fund of thousands of
/// initiatives is a few megabytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why the operating system refused to read or write a file: the common reasons by name, the
/// rest with the system's own text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IoReason {
    NotFound,
    PermissionDenied,
    ReadOnlyDrive,
    DiskFull,
    QuotaExceeded,
    TooLargeForDrive,
    IsAFolder,
    NotAFolder,
    InvalidName,
    InUse,
    NetworkDown,
    /// Any other error, with the system's text.
    Other(String),
}

impl IoReason {
    pub fn of(e: &io::Error) -> IoReason {
        use io::ErrorKind as K;
        match e.kind() {
            K::NotFound => IoReason::NotFound,
            K::PermissionDenied => IoReason::PermissionDenied,
            K::ReadOnlyFilesystem => IoReason::ReadOnlyDrive,
            K::StorageFull => IoReason::DiskFull,
            K::QuotaExceeded => IoReason::QuotaExceeded,
            K::FileTooLarge => IoReason::TooLargeForDrive,
            K::IsADirectory => IoReason::IsAFolder,
            K::NotADirectory => IoReason::NotAFolder,
            K::InvalidFilename => IoReason::InvalidName,
            K::ResourceBusy | K::ExecutableFileBusy => IoReason::InUse,
            K::StaleNetworkFileHandle
            | K::TimedOut
            | K::NotConnected
            | K::NetworkUnreachable
            | K::HostUnreachable
            | K::ConnectionReset
            | K::ConnectionAborted
            | K::NetworkDown => IoReason::NetworkDown,
            _ => IoReason::Other(e.to_string()),
        }
    }
}

/// What is wrong with the text of a fund file.
#[derive(Debug, Clone, PartialEq)]
pub enum SyntaxProblem {
    /// The file holds nothing but white space.
    Empty,
    /// A recovery file's header is missing or damaged.
    RecoveryHeader,
    /// RON's own error (the common ones are said in plain words).
    Ron(ron::Error),
}

/// Why a fund file could not be read. Each variant renders as one sentence in Swedish and
/// English, naming the file ([`crate::messages`]).
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The file could not be opened or read.
    Io {
        file: String,
        reason: IoReason,
    },
    NotAFile {
        file: String,
    },
    TooLarge {
        file: String,
        bytes: u64,
    },
    NotUtf8 {
        file: String,
        line: usize,
        col: usize,
    },
    /// RON syntax or shape error.
    Syntax {
        file: String,
        line: usize,
        col: usize,
        problem: SyntaxProblem,
    },
    MissingFormat {
        file: String,
    },
    NewerFormat {
        file: String,
        found: i64,
    },
    UnsupportedFormat {
        file: String,
        found: i64,
    },
}

impl LoadError {
    fn io(file: &str, e: &io::Error) -> LoadError {
        LoadError::Io {
            file: file.to_string(),
            reason: IoReason::of(e),
        }
    }

    /// Line and column (1-based) where the problem is, when known.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::NotUtf8 { line, col, .. } | LoadError::Syntax { line, col, .. } => {
                Some((*line, *col))
            }
            _ => None,
        }
    }
}

impl fmt::Display for LoadError {
    /// Swedish first, then English, in one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.both())
    }
}

impl std::error::Error for LoadError {}

/// Read and parse a fund file. The fund is returned even when it would fail validation.
pub fn load(path: &Path) -> Result<Fund, LoadError> {
    load_with_stamp(path).map(|(fund, _)| fund)
}

/// Read and parse a fund file, and stamp exactly the bytes that were parsed, so that a later
/// [`save_checked`] can tell whether someone else changed the file in between.
pub fn load_with_stamp(path: &Path) -> Result<(Fund, FileStamp), LoadError> {
    let (bytes, modified) = read_limited(path, MAX_FILE_BYTES)?;
    let stamp = FileStamp::of_bytes(&bytes, modified);
    let fund = parse_bytes(&bytes, &path.display().to_string())?;
    Ok((fund, stamp))
}

/// The bytes of a regular file of at most `limit` bytes, and its modification time.
pub(crate) fn read_limited(
    path: &Path,
    limit: u64,
) -> Result<(Vec<u8>, Option<SystemTime>), LoadError> {
    let file = path.display().to_string();
    // Open first, then judge what was opened: a look before opening can be overtaken by a FIFO
    // swapped in between, and opening that would block for ever. The open itself never blocks.
    let f = match open_for_reading(path) {
        Ok(f) => f,
        // Where a folder cannot be opened at all (Windows), say what it is.
        Err(_) if fs::metadata(path).is_ok_and(|m| !m.is_file()) => {
            return Err(LoadError::NotAFile { file });
        }
        Err(e) => return Err(LoadError::io(&file, &e)),
    };
    let meta = f.metadata().map_err(|e| LoadError::io(&file, &e))?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile { file });
    }
    if meta.len() > limit {
        return Err(LoadError::TooLarge {
            file,
            bytes: meta.len(),
        });
    }
    // Read at most one byte past the limit, so a file that grows while being read (or that
    // reports a wrong length) cannot make Sif read without end.
    let capacity = usize::try_from(meta.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    f.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::io(&file, &e))?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge {
            file,
            bytes: bytes.len() as u64,
        });
    }
    Ok((bytes, meta.modified().ok()))
}

/// Open a file for reading without blocking: a FIFO opens at once instead of waiting for a
/// writer, and a terminal does not become the process's controlling terminal. Reading a
/// regular file is not affected by these flags.
pub(crate) fn open_for_reading(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// Whether two paths name the same file: the same device and inode on Unix (so a hard link,
/// a symbolic link or another spelling of the path is recognised), the same canonical path
/// elsewhere. A path that does not exist is no file's name.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (fs::canonicalize(a), fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

/// A short, plain reason for an I/O error, in Swedish and in English.
pub fn io_reasons(e: &io::Error) -> (String, String) {
    let reason = IoReason::of(e);
    (reason.text(Lang::Sv), reason.text(Lang::En))
}

/// Parse fund-file bytes; `file` names the source in messages.
pub fn parse_bytes(bytes: &[u8], file: &str) -> Result<Fund, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: file.to_string(),
            bytes: bytes.len() as u64,
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // valid_up_to is a char boundary, so this is valid UTF-8.
            let prefix = std::str::from_utf8(good).unwrap_or("");
            let (line, col) = line_col_at(prefix);
            return Err(LoadError::NotUtf8 {
                file: file.to_string(),
                line,
                col,
            });
        }
    };
    parse_str(text, file)
}
/// 1-based line and column just after `prefix` (columns count characters).
fn line_col_at(prefix: &str) -> (usize, usize) {
    let line = prefix.matches('\n').count() + 1;
    let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[derive(Deserialize)]
#[serde(rename = "Fund")]
struct FormatProbe {
    #[serde(default = "no_format")]
    format: i64,
}

/// Marks a file with no `format` field (no real version is this small).
fn no_format() -> i64 {
    i64::MIN
}

/// Parse fund-file text; `file` names the source in messages.
pub fn parse_str(text: &str, file: &str) -> Result<Fund, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Syntax {
            file: file.to_string(),
            line: 1,
            col: 1,
            problem: SyntaxProblem::Empty,
        });
    }
    let options = ron_options();
    // A readable file is parsed once (parsing is most of the time it takes to open a large
    // fund, docs/performance.md). Only when the full parse fails is the `format` probed on its
    // own, so that a file from a newer Sif, or one without a version, is refused for that
    // reason rather than for the first field this version does not know. The probe ignores
    // every field but `format`; if the probe fails too, the full parse's syntax error, with its
    // position, is the one reported.
    match options.from_str::<Fund>(text) {
        Ok(fund) => {
            check_format(fund.format, file)?;
            Ok(fund)
        }
        Err(e) => {
            if let Ok(probe) = options.from_str::<FormatProbe>(text) {
                check_format(probe.format, file)?;
            }
            Err(LoadError::Syntax {
                file: file.to_string(),
                line: e.span.start.line.max(1),
                col: e.span.start.col.max(1),
                problem: SyntaxProblem::Ron(e.code),
            })
        }
    }
}

/// Refuse a file whose `format` this version cannot read (or that has none).
fn check_format(format: i64, file: &str) -> Result<(), LoadError> {
    match format {
        i64::MIN => Err(LoadError::MissingFormat {
            file: file.to_string(),
        }),
        v if v > FORMAT_VERSION => Err(LoadError::NewerFormat {
            file: file.to_string(),
            found: v,
        }),
        v if v < 1 => Err(LoadError::UnsupportedFormat {
            file: file.to_string(),
            found: v,
        }),
        _ => Ok(()),
    }
}

fn ron_options() -> ron::Options {
    // The default recursion limit (128) keeps deeply nested input from exhausting the stack.
    ron::Options::default()
}

/// The exact text Sif writes for a fund: RON, pretty-printed, fields in SPEC order.
pub fn to_ron_string(fund: &Fund) -> Result<String, SaveError> {
    let body =
        ron::ser::to_string_pretty(fund, pretty_config()).map_err(|e| SaveError::Serialize {
            reason: e.to_string(),
        })?;
    Ok(format!("Fund{body}\n"))
}

/// Write a fund as the text [`to_ron_string`] makes, as it goes, without holding the whole
/// text in memory (`sif generate` writes funds of tens of megabytes).
pub fn write_fund(w: &mut dyn Write, fund: &Fund) -> io::Result<()> {
    /// Keeps the writer's own error, which RON turns into text, so that a full disk is
    /// still reported as a full disk.
    struct KeepError<'a> {
        w: &'a mut dyn Write,
        error: Option<io::Error>,
    }
    impl Write for KeepError<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.w.write(buf).inspect_err(|e| {
                self.error = Some(io::Error::new(e.kind(), e.to_string()));
            })
        }
        fn flush(&mut self) -> io::Result<()> {
            self.w.flush()
        }
    }
    w.write_all(b"Fund")?;
    let mut keep = KeepError { w, error: None };
    let written = ron::Options::default().to_io_writer_pretty(&mut keep, fund, pretty_config());
    if let Err(e) = written {
        return Err(keep
            .error
            .unwrap_or_else(|| io::Error::other(e.to_string())));
    }
    keep.w.write_all(b"\n")
}

fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
}

/// What a fund file looked like when Sif read or wrote it: enough to tell later whether
/// someone else has changed it (another program, a colleague on a shared drive, a
/// version-control checkout).
///
/// Two stamps are the same file content when length and content hash agree; the modification
/// time is kept to show the user *when* the file changed, not to decide *whether*, because a
/// checkout or a copy may rewrite identical bytes with a new time, and a quick second save may
/// keep the old time on file systems with coarse clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    /// [`content_hash`] of the bytes.
    pub hash: u64,
}

impl FileStamp {
    /// Stamp the file at `path` as it is now (reads it whole; fund files are small).
    pub fn of(path: &Path) -> Result<FileStamp, LoadError> {
        let (bytes, modified) = read_limited(path, MAX_FILE_BYTES)?;
        Ok(FileStamp::of_bytes(&bytes, modified))
    }

    /// Stamp bytes already read or written.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> FileStamp {
        FileStamp {
            len: bytes.len() as u64,
            modified,
            hash: content_hash(bytes),
        }
    }

    /// Whether the two stamps describe the same content.
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// A 64-bit FNV-1a hash of the bytes: not cryptographic, but any edit a person or a program
/// makes changes it (and the length is compared too). Written out so that the stamp does not
/// depend on a hashing crate whose output could change between versions.
pub fn content_hash(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET_BASIS, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

/// The file on disk compared with the stamp taken when it was opened or last saved.
#[derive(Debug, Clone, PartialEq)]
pub enum DiskState {
    Unchanged,
    /// Someone else wrote the file; this is how it looks now.
    Changed(FileStamp),
    /// The file is gone (deleted, moved, or a drive disconnected).
    Removed,
    /// The file is there but cannot be read now.
    Unreadable(LoadError),
}

/// Compare the file at `path` with the stamp taken when it was opened or last saved. The app
/// calls this when its window gains focus, and [`save_checked`] before every save.
pub fn disk_state(path: &Path, opened: &FileStamp) -> DiskState {
    match FileStamp::of(path) {
        Ok(now) if now.same_content(opened) => DiskState::Unchanged,
        Ok(now) => DiskState::Changed(now),
        Err(_) if matches!(path.try_exists(), Ok(false)) => DiskState::Removed,
        // A file that grew past the limit has certainly changed.
        Err(LoadError::TooLarge { bytes, .. }) => DiskState::Changed(FileStamp {
            len: bytes,
            modified: None,
            hash: 0,
        }),
        Err(e) => DiskState::Unreadable(e),
    }
}

/// Why a save failed. The previous file is untouched in every case, and the caller still has
/// the fund it tried to save.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    Serialize {
        reason: String,
    },
    Io {
        file: String,
        reason: IoReason,
        /// There was a file by that name before, and it is as it was.
        existed: bool,
    },
    /// The file on disk could not be read to compare it with the one that was opened.
    Unreadable {
        file: String,
        error: Box<LoadError>,
    },
    /// The folder to save in does not exist (moved, or a network drive disconnected).
    FolderMissing {
        file: String,
        folder: String,
    },
    /// The path names a folder or something else that is not a regular file.
    NotAFile {
        file: String,
    },
    /// The existing file is write-protected; Sif respects that rather than replacing it.
    ReadOnlyFile {
        file: String,
    },
    /// The previous version could not be kept as `NAME.bak`, so nothing was saved.
    Backup {
        file: String,
        reason: BackupReason,
    },
    /// The file on disk is no longer the one that was opened (see [`save_checked`]).
    ChangedOnDisk {
        file: String,
        /// The file is gone rather than changed.
        removed: bool,
    },
}

/// Why the previous version could not be kept as `NAME.bak`.
#[derive(Debug, Clone, PartialEq)]
pub enum BackupReason {
    /// `NAME.bak` is a folder or something else that is not a regular file.
    NotAFile {
        bak: String,
    },
    /// The name with `.bak` is longer than the file system allows.
    NameTooLong,
    Io(IoReason),
}

impl SaveError {
    pub(crate) fn io(file: &str, e: &io::Error, existed: bool) -> SaveError {
        SaveError::Io {
            file: file.to_string(),
            reason: IoReason::of(e),
            existed,
        }
    }
}

impl fmt::Display for SaveError {
    /// Swedish first, then English, in one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.both())
    }
}

impl std::error::Error for SaveError {}

/// The path of the backup Sif keeps of the previous version: `NAME.bak` beside the file.
///
/// One backup, not a numbered history: it undoes the last save from outside the app, which is
/// the mistake a backup is for; older versions belong to the organisation's file backups or
/// version control, and a history that rotates on every Ctrl+S would hold minutes, not months.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Save atomically (see [`write_atomically`]), without checking what is on disk: for a new
/// file, or Save As after the user agreed to replace the file.
pub fn save(fund: &Fund, path: &Path) -> Result<(), SaveError> {
    save_checked(fund, path, None).map(|_| ())
}

/// Save atomically, but only if the file on disk is still the one stamped in `expected` (taken
/// by [`load_with_stamp`] or by the previous save). With `expected` `None` the file is written
/// whatever is there. Returns the stamp of what was written, to check the next save against.
///
/// A file changed or removed since is refused with [`SaveError::ChangedOnDisk`]; the app then
/// asks the user whether to overwrite it (call again with `None`) or reload it. The check and
/// the rename are not one atomic step: a change in the instant between them is not noticed.
pub fn save_checked(
    fund: &Fund,
    path: &Path,
    expected: Option<&FileStamp>,
) -> Result<FileStamp, SaveError> {
    let text = to_ron_string(fund)?;
    let file = path.display().to_string();
    if let Some(expected) = expected {
        match disk_state(path, expected) {
            DiskState::Unchanged => {}
            DiskState::Changed(_) => {
                return Err(SaveError::ChangedOnDisk {
                    file,
                    removed: false,
                });
            }
            DiskState::Removed => {
                return Err(SaveError::ChangedOnDisk {
                    file,
                    removed: true,
                });
            }
            DiskState::Unreadable(LoadError::NotAFile { .. }) => {
                return Err(SaveError::NotAFile { file });
            }
            DiskState::Unreadable(LoadError::Io { reason, .. }) => {
                return Err(SaveError::Io {
                    file,
                    reason,
                    existed: true,
                });
            }
            DiskState::Unreadable(e) => {
                return Err(SaveError::Unreadable {
                    file,
                    error: Box::new(e),
                });
            }
        }
    }
    write_atomically(path, text.as_bytes())?;
    let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
    Ok(FileStamp::of_bytes(text.as_bytes(), modified))
}

/// Write bytes to `path` atomically and keep the previous version as `NAME.bak`:
///
/// 0. refuse, before writing anything, a save whose backup cannot be made (`NAME.bak` is a
///    folder, or the name is too long to add `.bak`), and remove what killed saves of this
///    file left behind (temporary files no running save holds);
/// 1. write a new temporary file in the same folder (hidden, a short form of the file's name,
///    this process and a counter, created exclusively so that two Sif processes or threads
///    never share one, and locked while the save runs) with the old file's permissions from
///    its creation, and flush it to disk;
/// 2. link (or, where links are not supported, copy) the old file to a second temporary name;
/// 3. rename the new file over the old one — the one step that changes what the name shows;
/// 4. rename the linked old version to `NAME.bak`, and flush the folder so the renames last.
///
/// A failure in steps 1–3 removes the temporary files and leaves both the file and its
/// `NAME.bak` as they were. A symbolic link is written through, so the link stays a link.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_with(path, bytes, WriteOptions::FUND)
}

/// How [`write_with`] writes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WriteOptions {
    /// Keep the previous version as `NAME.bak`.
    pub backup: bool,
    /// Readable by the owner only (recovery files hold a municipality's unsaved figures).
    pub private: bool,
}

impl WriteOptions {
    pub(crate) const FUND: WriteOptions = WriteOptions {
        backup: true,
        private: false,
    };
}

/// The steps of a save, for tests that make one of them fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    CreateTemp,
    WriteTemp,
    SyncTemp,
    Backup,
    Rename,
}

pub(crate) fn write_with(
    path: &Path,
    bytes: &[u8],
    options: WriteOptions,
) -> Result<(), SaveError> {
    write_steps(path, &mut |w| w.write_all(bytes), options, &|_| Ok(()))
}

/// Write a file atomically as [`write_atomically`] does, with its bytes produced as they are
/// written: for files too large to build in memory first (`sif generate`). An error from
/// `content` is a failed save like any other; nothing replaces the old file.
pub fn write_atomically_with(
    path: &Path,
    content: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    write_steps(path, content, WriteOptions::FUND, &|_| Ok(()))
}

/// Makes every temporary name of this process distinct, also across threads.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// How temporary files of the file `name` begin: hidden, at most 32 bytes of the name (so that
/// a file name near the 255-byte limit still has room for its temporary names), and a hash of
/// the whole name, so that the leftovers of one file are told from another's:
/// `.fond.ron.sif-1a2b3c4d-`. The process id, a counter and the kind follow
/// (`.fond.ron.sif-1a2b3c4d-4711-3.new.tmp`).
fn temp_stem(name: &str) -> String {
    let mut end = name.len().min(32);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    // Truncating the 64-bit hash: 32 bits tell apart the names of one folder.
    let hash = content_hash(name.as_bytes()) as u32;
    format!(".{}.sif-{hash:08x}-", &name[..end])
}

/// The kinds of temporary file of a save: the new text, and the staged previous version.
const TEMP_KINDS: [&str; 2] = [".new.tmp", ".old.tmp"];

/// Create a file at a fresh temporary path beside `name` in `dir` and hold a shared lock on
/// it while the save runs, trying the next name if one is taken (by another process, or a
/// leftover) or was taken away before the lock held.
///
/// The lock is how a later save tells a live save's files from a killed one's: it removes
/// only the temporary files it can lock exclusively ([`remove_stale_temps`]). The operating
/// system releases the lock when the process ends, however it ends.
fn create_temp(
    dir: &Path,
    name: &str,
    kind: &str,
    mut create: impl FnMut(&Path) -> io::Result<File>,
) -> io::Result<(PathBuf, File)> {
    let stem = temp_stem(name);
    let pid = std::process::id();
    let mut last = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..64 {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!("{stem}{pid}-{n}{kind}"));
        match create(&tmp) {
            Ok(f) => {
                if hold(&f, &tmp) {
                    return Ok((tmp, f));
                }
                last = io::Error::from(io::ErrorKind::NotFound);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// Lock `f` shared and check that `path` still names it: a save elsewhere may have found the
/// file in the instant before the lock and removed it as a leftover. Where the file system
/// has no locks the file is kept unlocked (and no save can remove it as stale).
fn hold(f: &File, path: &Path) -> bool {
    for _ in 0..50 {
        match f.try_lock_shared() {
            Ok(()) => return still_names(path, f),
            // Another save is looking at it as a possible leftover, for an instant.
            Err(fs::TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            Err(fs::TryLockError::Error(_)) => return true,
        }
    }
    still_names(path, f)
}

/// Whether `path` is (still) a name of the open file `f`.
fn still_names(path: &Path, f: &File) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::symlink_metadata(path), f.metadata()) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = f;
        path.exists()
    }
}

/// Remove what killed saves of the file `name` left in `dir`: temporary files of Sif's
/// naming that no running save holds. Only regular files are touched, never a link or
/// anything else that happens to have such a name.
fn remove_stale_temps(dir: &Path, name: &str) {
    let stem = temp_stem(name);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !file_name.starts_with(&stem) || !TEMP_KINDS.iter().any(|k| file_name.ends_with(k)) {
            continue;
        }
        let p = entry.path();
        if !fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_file()) {
            continue;
        }
        let Ok(f) = open_for_reading(&p) else {
            continue;
        };
        if f.try_lock().is_ok() {
            let _ = fs::remove_file(&p);
        }
    }
}

/// Create a new file exclusively, with its final permissions from the first byte: owner-only
/// for a private file, otherwise those of the file it replaces (`like`), so that a save killed
/// half-way never leaves a copy of an owner-only fund that others can read.
fn create_new(path: &Path, private: bool, like: Option<&fs::Permissions>) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        if private {
            options.mode(0o600);
        } else if let Some(p) = like {
            options.mode(p.mode() & 0o777);
        }
    }
    let f = options.open(path)?;
    if let (false, Some(p)) = (private, like) {
        // The umask may have narrowed the bits; give exactly the old file's (a group-shared
        // file stays shared), before anything is written. Not worth failing the save over.
        let _ = f.set_permissions(p.clone());
    }
    Ok(f)
}

/// The file a path means: a symbolic link is followed, so that saving replaces the file it
/// points at and leaves the link in place.
fn resolve_target(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return path.to_path_buf();
    }
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    // A dangling link: write where it points.
    match fs::read_link(path) {
        Ok(to) if to.is_absolute() => to,
        Ok(to) => path.parent().map_or(to.clone(), |p| p.join(&to)),
        Err(_) => path.to_path_buf(),
    }
}

/// Refuse a save whose backup cannot be made, before anything is written: `NAME.bak` is a
/// folder (or something else that is not a file), or the name with `.bak` is longer than the
/// file system allows. The promise of a backup is never dropped in silence.
fn check_backup_name(target: &Path, file: &str) -> Result<(), SaveError> {
    let bak = backup_path(target);
    let reason = match fs::symlink_metadata(&bak) {
        Ok(m) if m.is_file() || m.file_type().is_symlink() => return Ok(()),
        Ok(_) => BackupReason::NotAFile {
            bak: bak.display().to_string(),
        },
        Err(e) if e.kind() == io::ErrorKind::InvalidFilename => BackupReason::NameTooLong,
        Err(_) => return Ok(()),
    };
    Err(SaveError::Backup {
        file: file.to_string(),
        reason,
    })
}

fn write_steps(
    path: &Path,
    content: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    options: WriteOptions,
    fault: &dyn Fn(Step) -> io::Result<()>,
) -> Result<(), SaveError> {
    let file = path.display().to_string();
    let target = resolve_target(path);
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Err(SaveError::NotAFile { file });
    };
    match fs::metadata(&dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(SaveError::io(
                &file,
                &io::Error::from(io::ErrorKind::NotADirectory),
                false,
            ));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(SaveError::FolderMissing {
                file,
                folder: dir.display().to_string(),
            });
        }
        Err(e) => return Err(SaveError::io(&file, &e, false)),
    }
    let old = match fs::metadata(&target) {
        Ok(m) if m.is_file() => Some(m),
        Ok(_) => return Err(SaveError::NotAFile { file }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(SaveError::io(&file, &e, true)),
    };
    let existed = old.is_some();
    if old.as_ref().is_some_and(|m| m.permissions().readonly()) {
        return Err(SaveError::ReadOnlyFile { file });
    }
    if options.backup && existed {
        check_backup_name(&target, &file)?;
    }
    remove_stale_temps(&dir, &name);

    // 1. The new text in a temporary file, on disk. The file stays open, and so locked, until
    // the save is over.
    let old_permissions = old.as_ref().map(fs::Metadata::permissions);
    let (tmp, f) = fault(Step::CreateTemp)
        .and_then(|()| {
            create_temp(&dir, &name, TEMP_KINDS[0], |p| {
                create_new(p, options.private, old_permissions.as_ref())
            })
        })
        .map_err(|e| SaveError::io(&file, &e, existed))?;
    let written = (|| -> io::Result<()> {
        fault(Step::WriteTemp)?;
        let mut w = io::BufWriter::with_capacity(1 << 16, &f);
        content(&mut w)?;
        w.flush()?;
        drop(w);
        fault(Step::SyncTemp)?;
        f.sync_all()
    })();
    if let Err(e) = written {
        drop(f);
        let _ = fs::remove_file(&tmp);
        return Err(SaveError::io(&file, &e, existed));
    }

    // 2. The old version under a second temporary name, still in place under its own name.
    let staged_backup = if options.backup && existed {
        match fault(Step::Backup).and_then(|()| stage_backup(&target, &dir, &name)) {
            Ok(p) => Some(p),
            Err(e) => {
                drop(f);
                let _ = fs::remove_file(&tmp);
                return Err(SaveError::Backup {
                    file,
                    reason: BackupReason::Io(IoReason::of(&e)),
                });
            }
        }
    } else {
        None
    };

    // 3. The switch.
    if let Err(e) = fault(Step::Rename).and_then(|()| fs::rename(&tmp, &target)) {
        drop(f);
        let _ = fs::remove_file(&tmp);
        if let Some((b, held)) = staged_backup {
            drop(held);
            let _ = fs::remove_file(b);
        }
        return Err(SaveError::io(&file, &e, existed));
    }

    // 4. The previous version becomes NAME.bak. The save itself has succeeded by now; if this
    // rename fails the older backup stays, which is no reason to report the save as failed
    // (the causes known beforehand were refused by `check_backup_name`).
    if let Some((b, held)) = staged_backup {
        let _ = fs::rename(&b, backup_path(&target));
        // Renaming a link onto another link of the same file succeeds without doing anything
        // (POSIX), which happens when two saves race; the staged name must not stay behind.
        let _ = fs::remove_file(&b);
        drop(held);
    }
    drop(f);
    sync_dir(&dir);
    Ok(())
}

/// Put the current file under a temporary name beside it: a hard link (no copying, and the
/// exact bytes), or a copy flushed to disk where the file system has no links. The returned
/// file holds the lock that keeps other saves from removing it.
fn stage_backup(target: &Path, dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let linked = create_temp(dir, name, TEMP_KINDS[1], |p| {
        fs::hard_link(target, p)?;
        open_for_reading(p)
    });
    match linked {
        Ok(staged) => Ok(staged),
        Err(_) => {
            let mut src = open_for_reading(target)?;
            let permissions = src.metadata()?.permissions();
            let (p, mut out) = create_temp(dir, name, TEMP_KINDS[1], |p| {
                create_new(p, false, Some(&permissions))
            })?;
            let copied = io::copy(&mut src, &mut out).and_then(|_| out.sync_all());
            match copied {
                Ok(()) => Ok((p, out)),
                Err(e) => {
                    drop(out);
                    let _ = fs::remove_file(&p);
                    Err(e)
                }
            }
        }
    }
}

/// Flush a folder's entries (the renames) to disk where the platform allows it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"Fund(format: 2, name: "F", organisation: "O", model: EarmarkedEquity,
        first_year: 2025, years: 3, holder: "KS",
        actors: [(code: "KS", name: "Kommunstyrelsen", kind: Committee)])"#;

    #[test]
    fn minimal_file_loads_with_defaults() {
        let f = parse_str(MINIMAL, "m.ron").unwrap();
        assert_eq!(f.discount_rate, 3.5);
        assert_eq!(f.accounts.fund_equity, 2015);
        assert!(f.initiatives.is_empty());
    }

    #[test]
    fn newer_format_is_refused_by_name() {
        let text = MINIMAL.replace("format: 2", "format: 3");
        let e = parse_str(&text, "n.ron").unwrap_err();
        assert_eq!(
            e,
            LoadError::NewerFormat {
                file: "n.ron".into(),
                found: 3
            }
        );
        assert!(e.english().contains("newer"));
        // Even with fields this version does not know.
        let text = MINIMAL.replace("format: 2,", "format: 7, future_field: 3,");
        assert!(matches!(
            parse_str(&text, "n.ron"),
            Err(LoadError::NewerFormat { found: 7, .. })
        ));
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let text = "Fund(\n    format: 1,\n    name: \"F\"\n    organisation: \"O\",\n)";
        match parse_str(text, "s.ron").unwrap_err() {
            LoadError::Syntax { line, .. } => assert!(line == 3 || line == 4, "line {line}"),
            e => panic!("unexpected {e:?}"),
        }
    }

    #[test]
    fn unknown_field_is_named() {
        let text = MINIMAL.replace("years: 3", "years: 3, dicount_rate: 2.0");
        let e = parse_str(&text, "u.ron").unwrap_err();
        assert!(e.english().contains("dicount_rate"), "{}", e.english());
    }

    #[test]
    fn non_utf8_is_refused_with_position() {
        let mut bytes = b"Fund(\n  name: \"".to_vec();
        bytes.push(0xE5); // Latin-1 å
        let e = parse_bytes(&bytes, "l.ron").unwrap_err();
        assert_eq!(
            e,
            LoadError::NotUtf8 {
                file: "l.ron".into(),
                line: 2,
                col: 10
            }
        );
    }

    #[test]
    fn missing_format_is_named() {
        let text = MINIMAL.replace("format: 2,", "");
        assert!(matches!(
            parse_str(&text, "x.ron"),
            Err(LoadError::MissingFormat { .. })
        ));
    }

    #[test]
    fn round_trip_is_stable() {
        let f = parse_str(MINIMAL, "m.ron").unwrap();
        let text = to_ron_string(&f).unwrap();
        let g = parse_str(&text, "m2.ron").unwrap();
        assert_eq!(f, g);
        assert_eq!(text, to_ron_string(&g).unwrap());
    }

    /// Every file in `dir`, by name, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_save_that_fails_at_any_step_changes_nothing() {
        for step in [
            Step::CreateTemp,
            Step::WriteTemp,
            Step::SyncTemp,
            Step::Backup,
            Step::Rename,
        ] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("fond.ron");
            fs::write(&path, "old").unwrap();
            fs::write(backup_path(&path), "older").unwrap();
            let before = names(dir.path());
            let fail = |s: Step| {
                if s == step {
                    Err(io::Error::from(io::ErrorKind::StorageFull))
                } else {
                    Ok(())
                }
            };
            let e = write_steps(
                &path,
                &mut |w| w.write_all(b"new"),
                WriteOptions::FUND,
                &fail,
            )
            .unwrap_err();
            assert_eq!(fs::read_to_string(&path).unwrap(), "old", "{step:?}");
            assert_eq!(
                fs::read_to_string(backup_path(&path)).unwrap(),
                "older",
                "{step:?}"
            );
            assert_eq!(
                names(dir.path()),
                before,
                "{step:?}: a temporary file was left"
            );
            let text = e.to_string();
            assert!(text.contains("fond.ron"), "{text}");
            assert!(text.contains("disken är full"), "{text}");
            assert!(text.contains("the disk is full"), "{text}");
            if step == Step::Backup {
                assert!(matches!(e, SaveError::Backup { .. }), "{step:?}: {e:?}");
                assert!(text.contains("(.bak)"), "{text}");
            } else {
                assert!(matches!(e, SaveError::Io { .. }), "{step:?}: {e:?}");
            }
            assert!(text.contains("Den tidigare filen är orörd."), "{text}");
            assert!(text.contains("The previous file is unchanged."), "{text}");
        }
    }

    #[test]
    fn a_save_keeps_the_previous_version_as_bak() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fond.ron");
        write_atomically(&path, b"first").unwrap();
        assert!(
            !backup_path(&path).exists(),
            "no previous version, no backup"
        );
        write_atomically(&path, b"second").unwrap();
        write_atomically(&path, b"third").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "third");
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "second");
        assert_eq!(names(dir.path()), ["fond.ron", "fond.ron.bak"]);
    }

    #[test]
    fn a_save_keeps_the_file_permissions() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("fond.ron");
            fs::write(&path, "old").unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
            write_atomically(&path, b"new").unwrap();
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
            let bak = fs::metadata(backup_path(&path))
                .unwrap()
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(bak, 0o640);
        }
    }

    #[test]
    fn private_files_are_for_the_owner_only() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("r.sifrec");
            let options = WriteOptions {
                backup: false,
                private: true,
            };
            write_with(&path, b"x", options).unwrap();
            write_with(&path, b"y", options).unwrap();
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
            assert_eq!(names(dir.path()), ["r.sifrec"]);
        }
    }

    #[test]
    fn a_symbolic_link_stays_a_link() {
        #[cfg(unix)]
        {
            let dir = tempfile::tempdir().unwrap();
            let real = dir.path().join("real.ron");
            let link = dir.path().join("link.ron");
            fs::write(&real, "old").unwrap();
            std::os::unix::fs::symlink(&real, &link).unwrap();
            write_atomically(&link, b"new").unwrap();
            assert!(
                fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(fs::read_to_string(&real).unwrap(), "new");
            assert_eq!(fs::read_to_string(backup_path(&real)).unwrap(), "old");
        }
    }

    #[test]
    fn temporary_names_never_collide_between_threads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fond.ron");
        std::thread::scope(|s| {
            for t in 0..8 {
                let path = &path;
                s.spawn(move || {
                    for k in 0..20 {
                        let text = format!("thread {t} save {k}\n").repeat(200);
                        write_atomically(path, text.as_bytes()).unwrap();
                    }
                });
            }
        });
        // Whatever save came last, the file is one whole save, not a mix of two.
        let text = fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap().to_string();
        assert!(text.lines().all(|l| l == first), "mixed content");
        assert_eq!(text.lines().count(), 200);
        assert_eq!(names(dir.path()), ["fond.ron", "fond.ron.bak"]);
    }

    #[test]
    fn temporary_files_have_the_final_permissions_before_a_byte_is_written() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            for (mode, private) in [(0o600, false), (0o640, false), (0o644, true)] {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("fond.ron");
                fs::write(&path, "old").unwrap();
                fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
                let seen = std::cell::RefCell::new(Vec::new());
                let look = |s: Step| {
                    if s == Step::WriteTemp {
                        for e in fs::read_dir(dir.path()).unwrap() {
                            let e = e.unwrap();
                            let name = e.file_name().to_string_lossy().into_owned();
                            if name.ends_with(".new.tmp") {
                                let m = e.metadata().unwrap().permissions().mode() & 0o777;
                                seen.borrow_mut().push((name, m));
                            }
                        }
                    }
                    Ok(())
                };
                let options = WriteOptions {
                    backup: !private,
                    private,
                };
                write_steps(&path, &mut |w| w.write_all(b"new"), options, &look).unwrap();
                let seen = seen.into_inner();
                let want = if private { 0o600 } else { mode };
                assert_eq!(seen.len(), 1, "{seen:?}");
                assert_eq!(seen[0].1, want, "{seen:?}");
                assert!(seen[0].0.starts_with(".fond.ron.sif-"), "{seen:?}");
            }
        }
    }

    #[test]
    fn stale_temporary_files_go_and_live_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fond.ron");
        write_atomically(&path, b"first").unwrap();
        let stem = temp_stem("fond.ron");
        // Left by saves that were killed: the new text and the staged old version.
        let stale_new = dir.path().join(format!("{stem}999999-1.new.tmp"));
        let stale_old = dir.path().join(format!("{stem}999999-2.old.tmp"));
        fs::write(&stale_new, "half a fund").unwrap();
        fs::write(&stale_old, "old").unwrap();
        // A save running right now holds its file.
        let live = dir.path().join(format!("{stem}999998-1.new.tmp"));
        let held = File::create(&live).unwrap();
        held.lock_shared().unwrap();
        // Another file's leftovers, and a folder with a temporary name, are not touched.
        let other = dir
            .path()
            .join(format!("{}999999-1.new.tmp", temp_stem("annan.ron")));
        fs::write(&other, "x").unwrap();
        let folder = dir.path().join(format!("{stem}999999-3.new.tmp"));
        fs::create_dir(&folder).unwrap();

        write_atomically(&path, b"second").unwrap();
        assert!(!stale_new.exists() && !stale_old.exists());
        assert!(live.exists() && other.exists() && folder.exists());
        drop(held);
        write_atomically(&path, b"third").unwrap();
        assert!(!live.exists());
        assert_eq!(fs::read_to_string(&path).unwrap(), "third");
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "second");
    }

    #[test]
    fn temporary_names_stay_short_for_long_file_names() {
        let name = format!("{}.ron", "🙂".repeat(60));
        let stem = temp_stem(&name);
        assert!(stem.len() <= 1 + 32 + 14, "{stem}");
        assert!(stem.starts_with(".🙂"), "{stem}");
        assert_ne!(temp_stem("a.ron"), temp_stem("b.ron"));
    }

    #[test]
    fn a_failed_first_save_says_no_file_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ny.ron");
        let fail = |s: Step| {
            if s == Step::WriteTemp {
                Err(io::Error::from(io::ErrorKind::StorageFull))
            } else {
                Ok(())
            }
        };
        let e =
            write_steps(&path, &mut |w| w.write_all(b"x"), WriteOptions::FUND, &fail).unwrap_err();
        let text = e.to_string();
        assert!(text.contains("Ingen fil skrevs."), "{text}");
        assert!(text.contains("No file was written."), "{text}");
        assert!(!text.contains("unchanged"), "{text}");
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn a_streamed_fund_is_the_same_text() {
        let f = parse_str(MINIMAL, "m.ron").unwrap();
        let mut out = Vec::new();
        write_fund(&mut out, &f).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), to_ron_string(&f).unwrap());
    }

    #[test]
    fn content_hash_is_fnv1a() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(content_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(content_hash(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
