//! Native file dialogs behind a small trait, so tests replace them with a fake and never open
//! a real dialog. The real one uses rfd through the desktop portal (no GTK), or zenity where
//! there is no portal. Where neither is there, rfd returns `None`, exactly as if the user had
//! cancelled — so before asking, the shell asks [`FileDialogs::available`], and shows Sif's
//! own dialog (`file_dialog.rs`) when the system cannot show one.

use std::path::{Path, PathBuf};

use super::i18n::{Lang, T};

/// What a file dialog is asked: its title and the file type it offers (`filter` names it,
/// `extensions` are its extensions without the dot; a name saved without one gets the first),
/// in the user's language, starting in `start_dir`; `suggested` is the file name offered when
/// saving (empty when opening).
#[derive(Debug, Clone, Copy)]
pub struct FileRequest<'a> {
    pub lang: Lang,
    pub start_dir: Option<&'a Path>,
    pub title: &'a str,
    pub filter: &'a str,
    pub extensions: &'a [&'a str],
    pub suggested: &'a str,
}

impl<'a> FileRequest<'a> {
    /// A fund file to open.
    pub fn open_fund(lang: Lang, start_dir: Option<&'a Path>) -> FileRequest<'a> {
        FileRequest {
            lang,
            start_dir,
            title: lang.t(T::Open).trim_end_matches('…'),
            filter: lang.t(T::FundFiles),
            extensions: &["ron"],
            suggested: "",
        }
    }

    /// Where to save the fund, offering the name `suggested`.
    pub fn save_fund(lang: Lang, start_dir: Option<&'a Path>, suggested: &'a str) -> Self {
        FileRequest {
            title: lang.t(T::SaveAs).trim_end_matches('…'),
            suggested,
            ..FileRequest::open_fund(lang, start_dir)
        }
    }

    /// Where to write the printable report (HTML).
    pub fn save_report(lang: Lang, start_dir: Option<&'a Path>, suggested: &'a str) -> Self {
        FileRequest {
            title: lang.t(T::PrintableReportTitle),
            filter: lang.t(T::WebPages),
            extensions: &["html", "htm"],
            ..FileRequest::save_fund(lang, start_dir, suggested)
        }
    }
}

/// Asks the user for a file to open or a place to save.
pub trait FileDialogs {
    /// Whether the system can show a file dialog at all. When it cannot, the shell shows Sif's
    /// own (a `None` from the methods below then means the user cancelled).
    fn available(&mut self) -> bool {
        true
    }

    /// A fund file to open, or `None` when the user cancels.
    fn pick_open(&mut self, request: FileRequest<'_>) -> Option<PathBuf>;
    /// Where to save the fund, or `None` when the user cancels.
    fn pick_save(&mut self, request: FileRequest<'_>) -> Option<PathBuf>;
    /// Where to write the printable report (HTML), or `None` when the user cancels. By default
    /// the same question as [`FileDialogs::pick_save`], so a fake answers both from one queue.
    fn pick_save_report(&mut self, request: FileRequest<'_>) -> Option<PathBuf> {
        self.pick_save(request)
    }

    /// A file to read in (a SIE file, a filled-in workbook), or `None` when the user cancels.
    /// Without an implementation of its own, a dialog asks as for opening a fund.
    fn pick_import(&mut self, request: FileRequest<'_>) -> Option<PathBuf> {
        self.pick_open(request)
    }

    /// Where to write an export (of the one extension of the request), or `None` when the user
    /// cancels. Without an implementation of its own, a dialog asks as for saving a fund.
    fn pick_export(&mut self, request: FileRequest<'_>) -> Option<PathBuf> {
        self.pick_save(request)
    }
}

/// The native dialogs (rfd with the xdg portal on Linux).
#[derive(Debug, Default)]
pub struct NativeDialogs {
    /// The answer of [`system_dialog_reachable`], once known.
    reachable: Option<bool>,
    /// The check started at start-up, so that the first Save as does not wait for it.
    probe: Option<std::sync::mpsc::Receiver<bool>>,
}

/// Whether the desktop can show a file dialog: on Linux, a desktop portal that offers the
/// `org.freedesktop.portal.FileChooser` interface on the session bus (asked for its
/// `version`, which starts an activatable portal), or zenity, rfd's fallback; elsewhere the
/// system's own dialog is always there.
#[cfg(target_os = "linux")]
pub fn system_dialog_reachable() -> bool {
    portal_file_chooser() || on_path("zenity")
}

#[cfg(not(target_os = "linux"))]
pub fn system_dialog_reachable() -> bool {
    true
}

#[cfg(target_os = "linux")]
fn portal_file_chooser() -> bool {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none()
        && std::env::var_os("XDG_RUNTIME_DIR")
            .map(|d| std::path::Path::new(&d).join("bus").exists())
            != Some(true)
    {
        return false;
    }
    zbus::block_on(async {
        let Ok(conn) = zbus::Connection::session().await else {
            return false;
        };
        conn.call_method(
            Some("org.freedesktop.portal.Desktop"),
            "/org/freedesktop/portal/desktop",
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &("org.freedesktop.portal.FileChooser", "version"),
        )
        .await
        .is_ok()
    })
}

#[cfg(target_os = "linux")]
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

impl NativeDialogs {
    /// The native dialogs, with the check for a portal started on a thread.
    pub fn new() -> NativeDialogs {
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("sif-portal-check".into())
            .spawn(move || {
                let _ = tx.send(system_dialog_reachable());
            });
        NativeDialogs {
            reachable: None,
            probe: spawned.ok().map(|_| rx),
        }
    }

    /// The system's dialog of `request`, with its title and the files it offers.
    fn dialog(request: &FileRequest<'_>) -> rfd::FileDialog {
        let mut d = rfd::FileDialog::new()
            .add_filter(request.filter, request.extensions)
            .set_title(request.title);
        if let Some(dir) = request.start_dir.filter(|d| d.is_dir()) {
            d = d.set_directory(dir);
        }
        d
    }
}

/// A saved file keeps its type's extension, so that it opens again from the dialog's filter
/// and the receiving program recognises it.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(extension)
    } else {
        path
    }
}

impl FileDialogs for NativeDialogs {
    fn available(&mut self) -> bool {
        if let Some(known) = self.reachable {
            return known;
        }
        // A portal that does not answer within a few seconds would not show a dialog either.
        let known = match self.probe.take() {
            Some(rx) => rx
                .recv_timeout(std::time::Duration::from_secs(3))
                .unwrap_or(false),
            None => system_dialog_reachable(),
        };
        self.reachable = Some(known);
        known
    }

    fn pick_open(&mut self, request: FileRequest<'_>) -> Option<PathBuf> {
        Self::dialog(&request).pick_file()
    }

    /// Ask where to save a file of the request's type, whose first extension is added to a
    /// name typed without one (the report and exports ask the same).
    fn pick_save(&mut self, request: FileRequest<'_>) -> Option<PathBuf> {
        let path = Self::dialog(&request)
            .set_file_name(request.suggested)
            .save_file()?;
        let extension = request.extensions.first().copied().unwrap_or("");
        Some(with_extension(path, extension))
    }

    fn pick_import(&mut self, request: FileRequest<'_>) -> Option<PathBuf> {
        Self::dialog(&request)
            .add_filter(request.lang.t(T::AllFiles), &["*"])
            .pick_file()
    }
}
