//! Reading and writing fund files (SPEC §3).
//!
//! Loading goes in three steps so that every failure gets its own clear sentence: the bytes
//! must be UTF-8 and within the size limit; a version probe reads only `format`, so that a file
//! from a newer Sif is refused for what it is rather than for a field this version does not know;
//! then the whole file is parsed, and RON errors carry the file, line and column.
//!
//! Saving is atomic: the new text goes to a temporary file in the same folder, is flushed to
//! disk, and then renamed over the old file, whose previous version is kept as `NAME.bak`.

use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{FORMAT_VERSION, Fund};

/// Fund files larger than this are refused before parsing (64 MiB): a real fund of thousands of
/// initiatives is a few megabytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a fund file could not be read. Each variant renders as one sentence in Swedish and
/// English, naming the file.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The file could not be opened or read.
    Io {
        file: String,
        reason: String,
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
        /// What is wrong, in Swedish.
        message_sv: String,
        /// What is wrong, in English.
        message: String,
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
    /// Line and column (1-based) where the problem is, when known.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::NotUtf8 { line, col, .. } | LoadError::Syntax { line, col, .. } => {
                Some((*line, *col))
            }
            _ => None,
        }
    }

    pub fn swedish(&self) -> String {
        match self {
            LoadError::Io { file, reason } => format!("Kunde inte läsa {file}: {reason}."),
            LoadError::NotAFile { file } => {
                format!("{file} är en mapp eller ingen vanlig fil; välj en fondfil (.ron).")
            }
            LoadError::TooLarge { file, bytes } => format!(
                "{file} är för stor ({} MB); en fondfil får vara högst {} MB.",
                bytes / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            LoadError::NotUtf8 { file, line, col } => format!(
                "{file}:{line}:{col}: filen är inte UTF-8-text; spara den som UTF-8 (den kan vara en binärfil eller sparad som Latin-1)."
            ),
            LoadError::Syntax {
                file,
                line,
                col,
                message_sv,
                ..
            } => format!("{file}:{line}:{col}: filen kunde inte tolkas: {message_sv}."),
            LoadError::MissingFormat { file } => format!(
                "{file}: fältet format saknas; en fondfil börjar med Fund(format: {FORMAT_VERSION}, …)."
            ),
            LoadError::NewerFormat { file, found } => format!(
                "{file} har filformat {found}, som är nyare än vad den här versionen av Sif kan läsa (format {FORMAT_VERSION}); uppdatera Sif för att öppna den."
            ),
            LoadError::UnsupportedFormat { file, found } => format!(
                "{file} har filformat {found}, som inte finns; Sif läser format {FORMAT_VERSION}."
            ),
        }
    }

    pub fn english(&self) -> String {
        match self {
            LoadError::Io { file, reason } => format!("Could not read {file}: {reason}."),
            LoadError::NotAFile { file } => {
                format!("{file} is a folder or not a regular file; choose a fund file (.ron).")
            }
            LoadError::TooLarge { file, bytes } => format!(
                "{file} is too large ({} MB); a fund file may be at most {} MB.",
                bytes / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            LoadError::NotUtf8 { file, line, col } => format!(
                "{file}:{line}:{col}: the file is not UTF-8 text; save it as UTF-8 (it may be a binary file or saved as Latin-1)."
            ),
            LoadError::Syntax {
                file,
                line,
                col,
                message,
                ..
            } => format!("{file}:{line}:{col}: the file could not be read: {message}."),
            LoadError::MissingFormat { file } => format!(
                "{file}: the field format is missing; a fund file starts with Fund(format: {FORMAT_VERSION}, …)."
            ),
            LoadError::NewerFormat { file, found } => format!(
                "{file} has file format {found}, which is newer than this version of Sif reads (format {FORMAT_VERSION}); update Sif to open it."
            ),
            LoadError::UnsupportedFormat { file, found } => format!(
                "{file} has file format {found}, which does not exist; Sif reads format {FORMAT_VERSION}."
            ),
        }
    }
}

impl fmt::Display for LoadError {
    /// Swedish first, then English, in one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.swedish(), self.english())
    }
}

impl std::error::Error for LoadError {}

/// Read and parse a fund file. The fund is returned even when it would fail validation.
pub fn load(path: &Path) -> Result<Fund, LoadError> {
    let file = path.display().to_string();
    let meta = fs::metadata(path).map_err(|e| LoadError::Io {
        file: file.clone(),
        reason: io_reason(&e),
    })?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile { file });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file,
            bytes: meta.len(),
        });
    }
    let bytes = fs::read(path).map_err(|e| LoadError::Io {
        file: file.clone(),
        reason: io_reason(&e),
    })?;
    parse_bytes(&bytes, &file)
}

/// A short, plain reason for an I/O error, in both languages.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "filen finns inte / the file does not exist".to_string(),
        PermissionDenied => "behörighet saknas / permission denied".to_string(),
        _ => e.to_string(),
    }
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
            let (message_sv, message) = explain_ron_error(&e.code);
            Err(LoadError::Syntax {
                file: file.to_string(),
                line: e.span.start.line.max(1),
                col: e.span.start.col.max(1),
                message_sv,
                message,
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

/// RON's error in Swedish and English: the common mistakes in plain words, the rest with RON's
/// own precise wording (it names fields and types), introduced in Swedish.
fn explain_ron_error(code: &ron::Error) -> (String, String) {
    use ron::Error as E;
    match code {
        E::MissingStructField { field, outer } => {
            let place = outer.as_deref().unwrap_or("Fund");
            (
                format!("fältet {field} saknas i {place}"),
                format!("the field {field} is missing in {place}"),
            )
        }
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let place = outer.as_deref().unwrap_or("Fund");
            let list = expected.join(", ");
            (
                format!("{place} har inget fält som heter {found} (giltiga fält: {list})"),
                format!("{place} has no field called {found} (expected one of: {list})"),
            )
        }
        E::DuplicateStructField { field, outer } => {
            let place = outer.as_deref().unwrap_or("Fund");
            (
                format!("fältet {field} förekommer två gånger i {place}"),
                format!("the field {field} appears twice in {place}"),
            )
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let list = expected.join(", ");
            let what = outer.as_deref().unwrap_or("värdet");
            let what_en = outer.as_deref().unwrap_or("the value");
            (
                format!("{found} är inget giltigt värde för {what} (giltiga: {list})"),
                format!("{found} is not a valid value for {what_en} (expected one of: {list})"),
            )
        }
        E::Eof => (
            "filen tar slut mitt i (saknas en avslutande parentes?)".to_string(),
            "the file ends too early (is a closing bracket missing?)".to_string(),
        ),
        E::ExpectedComma => (
            "ett kommatecken saknas".to_string(),
            "a comma is missing".to_string(),
        ),
        other => (format!("RON-fel: {other}"), other.to_string()),
    }
}

/// The exact text Sif writes for a fund: RON, pretty-printed, fields in SPEC order.
pub fn to_ron_string(fund: &Fund) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let body = ron::ser::to_string_pretty(fund, config).map_err(|e| SaveError::Serialize {
        reason: e.to_string(),
    })?;
    Ok(format!("Fund{body}\n"))
}

/// Why a save failed. The previous file is untouched in every case.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    Serialize { reason: String },
    Io { file: String, reason: String },
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Serialize { reason } => write!(
                f,
                "Fonden kunde inte skrivas som text: {reason}. / The fund could not be written as text: {reason}."
            ),
            SaveError::Io { file, reason } => write!(
                f,
                "Kunde inte spara {file}: {reason}. Den tidigare filen är orörd. / Could not save {file}: {reason}. The previous file is unchanged."
            ),
        }
    }
}

impl std::error::Error for SaveError {}

/// The path of the backup Sif keeps of the previous version: `NAME.bak` beside the file.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Save atomically: write a temporary file in the same folder, flush it to disk, copy the old
/// file to `NAME.bak`, and rename the new one over the old. A failure leaves the old file as
/// it was.
pub fn save(fund: &Fund, path: &Path) -> Result<(), SaveError> {
    let text = to_ron_string(fund)?;
    write_atomically(path, text.as_bytes())
}

/// Write bytes to `path` atomically (see [`save`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let file = path.display().to_string();
    let io = |e: std::io::Error| SaveError::Io {
        file: file.clone(),
        reason: io_reason(&e),
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "fund.ron".to_string());
    let tmp = dir.join(format!(".{stem}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        if path.is_file() {
            // The backup is a copy, so the original stays in place until the rename.
            fs::copy(path, backup_path(path))?;
        }
        fs::rename(&tmp, path)?;
        // Make the rename itself durable where the platform allows it.
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"Fund(format: 1, name: "F", organisation: "O", model: EarmarkedEquity,
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
        let text = MINIMAL.replace("format: 1", "format: 2");
        let e = parse_str(&text, "n.ron").unwrap_err();
        assert_eq!(
            e,
            LoadError::NewerFormat {
                file: "n.ron".into(),
                found: 2
            }
        );
        assert!(e.english().contains("newer"));
        // Even with fields this version does not know.
        let text = MINIMAL.replace("format: 1,", "format: 7, future_field: 3,");
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
        let text = MINIMAL.replace("format: 1,", "");
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
}
