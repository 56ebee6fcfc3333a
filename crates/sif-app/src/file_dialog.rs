//! Sif's own file dialog, for when the system cannot show one (a Linux desktop without a file
//! dialog portal and without zenity), or when the user prefers it (docs/app.md, "Fildialogen").
//!
//! It lists a folder (folders first, then the files of the asked-for type), has a path field
//! that takes a folder or a whole file path, buttons for the recent folders, the suggested
//! file name and extension, and asks before it replaces a file. Everything works from the
//! keyboard: Tab moves between the fields and buttons, Enter in a field goes there or chooses,
//! Escape cancels. It is drawn as a modal each frame from its state ([`FileDialog`]) and says
//! what it wants done in a [`Outcome`]; the shell then does what the dialog was opened for
//! ([`Purpose`]).

use std::path::{Path, PathBuf};

use eframe::egui::{self, Id, Key, RichText, Ui};

use super::i18n::{self, Lang, T};
use super::state::Pending;

/// Open a file, or choose where to save one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Open,
    Save,
}

/// What the shell does with the chosen file.
#[derive(Debug)]
pub enum Purpose {
    /// Open it as the fund.
    Open,
    /// Save the fund there, then do `then` (the unsaved-changes question was answered "Spara").
    SaveFund { then: Option<Pending> },
    /// Write these bytes there: an export (`report: false`) or the printable report.
    Write { bytes: Vec<u8>, report: bool },
    /// Read it in: a SIE file's actual figures, or initiatives from a workbook (`import.rs`).
    Import(super::import::ImportKind),
}

/// One row of the folder listing.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    name: String,
    is_dir: bool,
}

/// Why a name typed or chosen in the dialog cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// Open: nothing chosen.
    ChooseFile,
    /// Save: no name typed.
    TypeName,
    NoFile(PathBuf),
    NoFolder(PathBuf),
}

impl NameError {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            NameError::ChooseFile => lang.t(T::FdChooseFile).to_string(),
            NameError::TypeName => lang.t(T::FdTypeName).to_string(),
            NameError::NoFile(path) => i18n::no_such_file(lang, path.display()),
            NameError::NoFolder(path) => i18n::no_such_folder(lang, path.display()),
        }
    }
}

/// The state of the open dialog; it goes when the dialog closes.
#[derive(Debug)]
pub struct FileDialog {
    pub mode: Mode,
    pub purpose: Purpose,
    /// The dialog's heading, in Swedish and English.
    title: (String, String),
    /// The file type, as shown ("Fondfiler (.ron)").
    filter: (String, String),
    /// The extension without the dot; added to a save name that has none.
    pub extension: String,
    /// The folder shown.
    pub dir: PathBuf,
    entries: Result<Vec<Entry>, String>,
    /// The file name field.
    pub name: String,
    /// The name first offered, offered again after going to another folder.
    suggested: String,
    /// The path field: the folder shown, or a path typed by the user.
    pub location: String,
    recent: Vec<PathBuf>,
    /// Asking whether to replace this existing file.
    pub confirm: Option<PathBuf>,
    /// Why the last attempt did not work.
    pub error: Option<NameError>,
    /// Show files of every type, not only the asked-for one.
    all_types: bool,
    /// Put the keyboard focus in the first field on the next frame.
    focus: bool,
}

/// What the user did in this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Keep,
    Cancel,
    Chosen(PathBuf),
}

/// What a dialog is opened for, apart from its purpose.
#[derive(Debug, Clone)]
pub struct Request {
    pub mode: Mode,
    pub title: (String, String),
    pub filter: (String, String),
    pub extension: String,
    /// The file name offered (save) — empty for opening.
    pub suggested: String,
    /// The folder to start in; the home folder when `None` or gone.
    pub dir: Option<PathBuf>,
    /// Folders to offer as buttons (recent files' folders), most recent first.
    pub recent: Vec<PathBuf>,
}

/// The user's home folder, or the current one.
fn home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("/"))
}

fn list(dir: &Path) -> Result<Vec<Entry>, String> {
    let read = std::fs::read_dir(dir).map_err(|e| e.to_string())?;
    let mut entries: Vec<Entry> = read
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            // Follows links, so a linked folder opens like a folder.
            let is_dir = e.path().is_dir();
            Some(Entry { name, is_dir })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(entries)
}

/// A one-line field whose whole text is selected when it gains focus, so that typing replaces
/// the suggested name or the folder shown.
fn text_field(ui: &mut Ui, text: &mut String, width: f32, id: &str, focus: bool) -> egui::Response {
    let id = Id::unique(id);
    let output = egui::TextEdit::singleline(text)
        .id(id)
        .desired_width(width)
        .show(ui);
    if focus {
        output.response.response.request_focus();
    }
    if focus || output.response.response.gained_focus() {
        super::widgets::select_all(ui.ctx(), output.state.clone(), id, text);
    }
    output.response.response
}

/// A label and the [`text_field`] it names, with a tooltip (`texts`: the label and the tooltip).
fn labelled_field(
    ui: &mut Ui,
    (label, hover): (&str, &str),
    field: (&mut String, f32, &str),
    focus: bool,
) -> egui::Response {
    let label = ui.label(label).id;
    let (text, width, id) = field;
    text_field(ui, text, width, id, focus)
        .labelled_by(label)
        .on_hover_text(hover)
}

impl FileDialog {
    pub fn new(request: Request, purpose: Purpose) -> FileDialog {
        let dir = request.dir.filter(|d| d.is_dir()).unwrap_or_else(home);
        let mut recent: Vec<PathBuf> = Vec::new();
        for d in request.recent.into_iter().chain([home()]) {
            if d.is_dir() && !recent.contains(&d) {
                recent.push(d);
            }
        }
        recent.truncate(6);
        let mut dialog = FileDialog {
            mode: request.mode,
            purpose,
            title: request.title,
            filter: request.filter,
            extension: request.extension,
            dir: dir.clone(),
            entries: Ok(Vec::new()),
            name: request.suggested.clone(),
            suggested: request.suggested,
            location: String::new(),
            recent,
            confirm: None,
            error: None,
            all_types: false,
            focus: true,
        };
        dialog.go_to(dir);
        dialog
    }

    /// Show `dir`.
    fn go_to(&mut self, dir: PathBuf) {
        self.entries = list(&dir);
        self.location = dir.display().to_string();
        self.dir = dir;
    }

    fn shown(&self, e: &Entry) -> bool {
        // An import reads files of several extensions (`.se`, `.si`, `.sie`; `.xlsx`, `.csv`).
        let more: &[&str] = match &self.purpose {
            Purpose::Import(kind) => kind.extensions(),
            _ => &[],
        };
        e.is_dir
            || self.all_types
            || Path::new(&e.name).extension().is_some_and(|x| {
                x.eq_ignore_ascii_case(&self.extension)
                    || more.iter().any(|m| x.eq_ignore_ascii_case(m))
            })
    }

    /// What the name field (or a typed path) points to: a folder, or a file — with the
    /// extension added when a new file name has none.
    fn target(&self, text: &str) -> Option<PathBuf> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let mut path = if Path::new(text).is_absolute() {
            PathBuf::from(text)
        } else if text == "~" {
            home()
        } else if let Some(rest) = text.strip_prefix("~/") {
            home().join(rest)
        } else {
            self.dir.join(text)
        };
        if path.is_dir() || text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) {
            return Some(path);
        }
        if self.mode == Mode::Save && path.extension().is_none() && !self.extension.is_empty() {
            path.set_extension(&self.extension);
        }
        Some(path)
    }

    /// Try to choose `text` (a name in the folder shown, or a path).
    fn choose(&mut self, text: &str) -> Outcome {
        let Some(path) = self.target(text) else {
            self.error = Some(match self.mode {
                Mode::Open => NameError::ChooseFile,
                Mode::Save => NameError::TypeName,
            });
            return Outcome::Keep;
        };
        if path.is_dir() {
            self.go_to(path);
            self.name = self.suggested.clone();
            self.error = None;
            self.focus = true;
            return Outcome::Keep;
        }
        match self.mode {
            Mode::Open => {
                if path.is_file() {
                    Outcome::Chosen(path)
                } else {
                    self.error = Some(NameError::NoFile(path));
                    Outcome::Keep
                }
            }
            Mode::Save => {
                let parent = path.parent().unwrap_or(Path::new("/"));
                if !parent.is_dir() {
                    self.error = Some(NameError::NoFolder(parent.to_path_buf()));
                    Outcome::Keep
                } else if path.exists() {
                    self.confirm = Some(path);
                    Outcome::Keep
                } else {
                    Outcome::Chosen(path)
                }
            }
        }
    }

    /// The path field was committed: a folder opens, a file is chosen.
    fn go_to_location(&mut self) -> Outcome {
        let text = self.location.trim().to_string();
        let path = self.target(&text);
        match path {
            Some(p) if p.is_dir() => {
                self.go_to(p);
                self.error = None;
                // On to the file name (saving) or the path field again (opening).
                self.focus = true;
                Outcome::Keep
            }
            Some(_) => self.choose(&text),
            None => Outcome::Keep,
        }
    }

    /// Draw the dialog.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> Outcome {
        if let Some(path) = self.confirm.clone() {
            return self.confirm_ui(ctx, lang, path);
        }
        let mut outcome = Outcome::Keep;
        let escape = ctx.input(|i| i.key_pressed(Key::Escape));
        egui::Modal::new(Id::unique("sif_file_dialog")).show(ctx, |ui| {
            ui.set_width(620.0);
            ui.heading(lang.pick(&self.title.0, &self.title.1));
            ui.add_space(4.0);
            outcome = self.body_ui(ui, lang);
        });
        if escape && outcome == Outcome::Keep {
            outcome = Outcome::Cancel;
        }
        outcome
    }

    fn body_ui(&mut self, ui: &mut Ui, lang: Lang) -> Outcome {
        let mut outcome = Outcome::Keep;
        let focus = std::mem::take(&mut self.focus);
        // The path field: a folder to go to, or a whole file path.
        let texts = (lang.t(T::FdFolderOrPath), lang.t(T::FdPathHelp));
        let path_focus = focus && self.mode == Mode::Open;
        ui.horizontal(|ui| {
            let field = (&mut self.location, 380.0, "sif_file_dialog_path");
            let r = labelled_field(ui, texts, field, path_focus);
            if r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                outcome = self.go_to_location();
            }
            if ui.button(lang.t(T::FdGo)).clicked() {
                outcome = self.go_to_location();
            }
        });
        ui.horizontal_wrapped(|ui| {
            if let Some(parent) = self.dir.parent().map(Path::to_path_buf)
                && ui.button(lang.t(T::FdUp)).clicked()
            {
                self.go_to(parent);
            }
            ui.label(RichText::new(lang.t(T::FdRecentFolders)).strong());
            for dir in self.recent.clone() {
                let name = dir
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| dir.display().to_string());
                if ui
                    .selectable_label(self.dir == dir, name)
                    .on_hover_text(dir.display().to_string())
                    .clicked()
                {
                    self.go_to(dir);
                }
            }
        });
        ui.add_space(4.0);
        let mut clicked: Option<Entry> = None;
        let mut double: Option<Entry> = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .min_scrolled_height(260.0)
                .auto_shrink([false, false])
                .show(ui, |ui| match &self.entries {
                    Err(e) => {
                        ui.label(
                            RichText::new(i18n::folder_unreadable(lang, e))
                                .color(ui.visuals().error_fg_color),
                        );
                    }
                    Ok(entries) => {
                        let shown: Vec<&Entry> = entries.iter().filter(|e| self.shown(e)).collect();
                        if shown.is_empty() {
                            ui.label(lang.t(T::FdEmpty));
                        }
                        for e in shown {
                            // A folder ends in "/", as `ls -F` shows it.
                            let text = if e.is_dir {
                                RichText::new(format!("{}/", e.name)).strong()
                            } else {
                                RichText::new(&e.name)
                            };
                            let selected = !e.is_dir && self.name == e.name;
                            let r = ui.add(
                                egui::Button::selectable(selected, text)
                                    .min_size(egui::vec2(ui.available_width(), 0.0)),
                            );
                            if r.double_clicked() {
                                double = Some(e.clone());
                            } else if r.clicked() {
                                clicked = Some(e.clone());
                            }
                        }
                    }
                });
        });
        if let Some(e) = double.or(clicked.clone().filter(|e| e.is_dir)) {
            if e.is_dir {
                self.go_to(self.dir.join(&e.name));
            } else {
                let name = e.name.clone();
                self.name = name.clone();
                outcome = self.choose(&name);
            }
        } else if let Some(e) = clicked {
            self.name = e.name;
            self.error = None;
        }
        ui.add_space(4.0);
        let mut confirm = false;
        let hint = i18n::file_name_help(lang, &self.extension);
        let name_focus = focus && self.mode == Mode::Save;
        ui.horizontal(|ui| {
            let field = (&mut self.name, 300.0, "sif_file_dialog_name");
            let r = labelled_field(ui, (lang.t(T::FdFileName), &hint), field, name_focus);
            if r.changed() {
                self.error = None;
            }
            if r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                confirm = true;
            }
            ui.label(RichText::new(lang.pick(&self.filter.0, &self.filter.1)).weak());
        });
        ui.checkbox(&mut self.all_types, lang.t(T::FdShowAllTypes));
        if let Some(error) = &self.error {
            ui.label(RichText::new(error.text(lang)).color(ui.visuals().error_fg_color));
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let ok = match self.mode {
                Mode::Open => lang.t(T::FdOpen),
                Mode::Save => lang.t(T::Save),
            };
            if ui.button(ok).clicked() {
                confirm = true;
            }
            if ui.button(lang.t(T::Cancel)).clicked() {
                outcome = Outcome::Cancel;
            }
        });
        if confirm && outcome == Outcome::Keep {
            let name = self.name.clone();
            outcome = self.choose(&name);
        }
        outcome
    }

    fn confirm_ui(&mut self, ctx: &egui::Context, lang: Lang, path: PathBuf) -> Outcome {
        let mut outcome = Outcome::Keep;
        let escape = ctx.input(|i| i.key_pressed(Key::Escape));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        egui::Modal::new(Id::unique("sif_file_dialog_replace")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading(lang.t(T::FdReplaceQuestion));
            ui.label(i18n::replace_question(lang, &name, self.dir.display()));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let replace = ui.button(lang.t(T::FdReplace));
                if std::mem::take(&mut self.focus) {
                    replace.request_focus();
                }
                if replace.clicked() {
                    outcome = Outcome::Chosen(path.clone());
                }
                if ui.button(lang.t(T::FdOtherName)).clicked() {
                    self.confirm = None;
                    self.focus = true;
                }
            });
        });
        if escape && outcome == Outcome::Keep {
            // Escape goes back to the dialog, not out of it.
            self.confirm = None;
            self.focus = true;
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dialog(dir: &Path, mode: Mode) -> FileDialog {
        FileDialog::new(
            Request {
                mode,
                title: ("Spara som".into(), "Save as".into()),
                filter: ("Fondfiler (.ron)".into(), "Fund files (.ron)".into()),
                extension: "ron".into(),
                suggested: "fond.ron".into(),
                dir: Some(dir.to_path_buf()),
                recent: vec![],
            },
            Purpose::Open,
        )
    }

    #[test]
    fn lists_folders_first_and_files_of_the_type() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join("b-mapp")).unwrap();
        std::fs::write(tmp.path().join("a.ron"), "").unwrap();
        std::fs::write(tmp.path().join("c.txt"), "").unwrap();
        std::fs::write(tmp.path().join(".dold.ron"), "").unwrap();
        let d = dialog(tmp.path(), Mode::Open);
        let shown: Vec<&str> = d
            .entries
            .as_ref()
            .unwrap()
            .iter()
            .filter(|e| d.shown(e))
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(shown, ["b-mapp", "a.ron"]);
    }

    #[test]
    fn save_adds_the_extension_and_asks_before_replacing() {
        let tmp = tempfile::tempdir().unwrap();
        let mut d = dialog(tmp.path(), Mode::Save);
        assert_eq!(d.choose("ny"), Outcome::Chosen(tmp.path().join("ny.ron")));
        std::fs::write(tmp.path().join("finns.ron"), "").unwrap();
        assert_eq!(d.choose("finns"), Outcome::Keep);
        assert_eq!(d.confirm, Some(tmp.path().join("finns.ron")));
        // A folder typed as the name opens it.
        std::fs::create_dir(tmp.path().join("under")).unwrap();
        d.confirm = None;
        assert_eq!(d.choose("under"), Outcome::Keep);
        assert_eq!(d.dir, tmp.path().join("under"));
        // The suggested name is offered again in the new folder.
        assert_eq!(d.name, "fond.ron");
        // A folder path ending in a slash is a folder, never `folder.ron`.
        let slash = format!("{}/", tmp.path().display());
        assert_eq!(d.choose(&slash), Outcome::Keep);
        assert_eq!(d.dir, tmp.path());
        // A folder that does not exist is refused with a sentence.
        assert_eq!(d.choose("/finns/inte/alls.ron"), Outcome::Keep);
        assert!(d.error.is_some());
    }
}
