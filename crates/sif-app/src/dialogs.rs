//! Native file dialogs behind a small trait, so tests replace them with a fake and never open
//! a real dialog. The real one uses rfd through the desktop portal (no GTK), or zenity where
//! there is no portal. Where neither is there, rfd returns `None`, exactly as if the user had
//! cancelled — so before asking, the shell asks [`FileDialogs::available`], and shows Sif's
//! own dialog (`file_dialog.rs`) when the system cannot show one.

use std::path::{Path, PathBuf};

use super::i18n::{Lang, T};

/// Asks the user for a file to open or a place to save.
pub trait FileDialogs {
    /// Whether the system can show a file dialog at all. When it cannot, the shell shows Sif's
    /// own (a `None` from the methods below then means the user cancelled).
    fn available(&mut self) -> bool {
        true
    }

    /// A fund file to open, or `None` when the user cancels.
    fn pick_open(&mut self, lang: Lang, start_dir: Option<&Path>) -> Option<PathBuf>;
    /// Where to save, or `None` when the user cancels. `suggested` is a file name.
    fn pick_save(
        &mut self,
        lang: Lang,
        start_dir: Option<&Path>,
        suggested: &str,
    ) -> Option<PathBuf>;
    /// Where to write the printable report (HTML), or `None` when the user cancels. By default
    /// the same question as [`FileDialogs::pick_save`], so a fake answers both from one queue.
    fn pick_save_report(
        &mut self,
        lang: Lang,
        start_dir: Option<&Path>,
        suggested: &str,
    ) -> Option<PathBuf> {
        self.pick_save(lang, start_dir, suggested)
    }

    /// A file to read in (a SIE file, a filled-in workbook), or `None` when the user cancels.
    /// `filter` names the file type and `extensions` are its extensions without the dot.
    /// Without an implementation of its own, a dialog asks as for opening a fund.
    fn pick_import(
        &mut self,
        lang: Lang,
        start_dir: Option<&Path>,
        title: &str,
        filter: &str,
        extensions: &[&str],
    ) -> Option<PathBuf> {
        let _ = (title, filter, extensions);
        self.pick_open(lang, start_dir)
    }

    /// Where to write an export, or `None` when the user cancels. `filter` names the file
    /// type (`SIE-importfil (.si)`) and `extension` is its extension without the dot. Without
    /// an implementation of its own, a dialog asks as for saving a fund.
    fn pick_export(
        &mut self,
        lang: Lang,
        start_dir: Option<&Path>,
        suggested: &str,
        filter: &str,
        extension: &str,
    ) -> Option<PathBuf> {
        let _ = (filter, extension);
        self.pick_save(lang, start_dir, suggested)
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

    /// The system's dialog with its title and the files it offers, in `start_dir`.
    fn dialog(
        start_dir: Option<&Path>,
        title: &str,
        filter: &str,
        extensions: &[&str],
    ) -> rfd::FileDialog {
        let mut d = rfd::FileDialog::new()
            .add_filter(filter, extensions)
            .set_title(title);
        if let Some(dir) = start_dir.filter(|d| d.is_dir()) {
            d = d.set_directory(dir);
        }
        d
    }

    /// Ask where to save a file of the type of `extensions`, whose first is added to a name
    /// typed without one.
    fn save(
        start_dir: Option<&Path>,
        title: &str,
        filter: &str,
        extensions: &[&str],
        suggested: &str,
    ) -> Option<PathBuf> {
        let path = Self::dialog(start_dir, title, filter, extensions)
            .set_file_name(suggested)
            .save_file()?;
        Some(with_extension(
            path,
            extensions.first().copied().unwrap_or(""),
        ))
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

    fn pick_open(&mut self, lang: Lang, start_dir: Option<&Path>) -> Option<PathBuf> {
        let title = lang.t(T::Open).trim_end_matches('…');
        Self::dialog(start_dir, title, lang.t(T::FundFiles), &["ron"]).pick_file()
    }

    fn pick_save(
        &mut self,
        lang: Lang,
        start_dir: Option<&Path>,
        suggested: &str,
    ) -> Option<PathBuf> {
        let title = lang.t(T::SaveAs).trim_end_matches('…');
        let filter = lang.t(T::FundFiles);
        Self::save(start_dir, title, filter, &["ron"], suggested)
    }

    fn pick_save_report(
        &mut self,
        lang: Lang,
        start_dir: Option<&Path>,
        suggested: &str,
    ) -> Option<PathBuf> {
        let (title, filter) = (lang.t(T::PrintableReportTitle), lang.t(T::WebPages));
        Self::save(start_dir, title, filter, &["html", "htm"], suggested)
    }

    fn pick_import(
        &mut self,
        lang: Lang,
        start_dir: Option<&Path>,
        title: &str,
        filter: &str,
        extensions: &[&str],
    ) -> Option<PathBuf> {
        Self::dialog(start_dir, title, filter, extensions)
            .add_filter(lang.t(T::AllFiles), &["*"])
            .pick_file()
    }

    fn pick_export(
        &mut self,
        lang: Lang,
        start_dir: Option<&Path>,
        suggested: &str,
        filter: &str,
        extension: &str,
    ) -> Option<PathBuf> {
        Self::save(
            start_dir,
            lang.t(T::MenuExport),
            filter,
            &[extension],
            suggested,
        )
    }
}
