//! Native file dialogs behind a small trait, so tests replace them with a fake and never open
//! a real dialog. The real one uses rfd through the desktop portal (no GTK); where no portal
//! runs, it returns `None`, exactly as if the user had cancelled.

use std::path::{Path, PathBuf};

use super::i18n::{Lang, T};

/// Asks the user for a file to open or a place to save.
pub trait FileDialogs {
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
pub struct NativeDialogs;

impl NativeDialogs {
    fn dialog(lang: Lang, start_dir: Option<&Path>) -> rfd::FileDialog {
        let mut d = rfd::FileDialog::new().add_filter(lang.t(T::FundFiles), &["ron"]);
        if let Some(dir) = start_dir.filter(|d| d.is_dir()) {
            d = d.set_directory(dir);
        }
        d
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self, lang: Lang, start_dir: Option<&Path>) -> Option<PathBuf> {
        Self::dialog(lang, start_dir)
            .set_title(lang.t(T::Open).trim_end_matches('…'))
            .pick_file()
    }

    fn pick_save(
        &mut self,
        lang: Lang,
        start_dir: Option<&Path>,
        suggested: &str,
    ) -> Option<PathBuf> {
        let path = Self::dialog(lang, start_dir)
            .set_title(lang.t(T::SaveAs).trim_end_matches('…'))
            .set_file_name(suggested)
            .save_file()?;
        // A fund file always ends in .ron, so it opens again from the Open dialog's filter.
        Some(if path.extension().is_none() {
            path.with_extension("ron")
        } else {
            path
        })
    }

    fn pick_save_report(
        &mut self,
        lang: Lang,
        start_dir: Option<&Path>,
        suggested: &str,
    ) -> Option<PathBuf> {
        let mut d = rfd::FileDialog::new()
            .add_filter(
                lang.pick("Webbsidor (.html)", "Web pages (.html)"),
                &["html", "htm"],
            )
            .set_title(lang.pick("Skriv ut rapport", "Printable report"))
            .set_file_name(suggested);
        if let Some(dir) = start_dir.filter(|d| d.is_dir()) {
            d = d.set_directory(dir);
        }
        let path = d.save_file()?;
        Some(if path.extension().is_none() {
            path.with_extension("html")
        } else {
            path
        })
    }

    fn pick_export(
        &mut self,
        lang: Lang,
        start_dir: Option<&Path>,
        suggested: &str,
        filter: &str,
        extension: &str,
    ) -> Option<PathBuf> {
        let mut d = rfd::FileDialog::new()
            .add_filter(filter, &[extension])
            .set_title(lang.pick("Exportera", "Export"))
            .set_file_name(suggested);
        if let Some(dir) = start_dir.filter(|d| d.is_dir()) {
            d = d.set_directory(dir);
        }
        let path = d.save_file()?;
        // The export keeps its extension, so the receiving program recognises it.
        Some(if path.extension().is_none() {
            path.with_extension(extension)
        } else {
            path
        })
    }
}
