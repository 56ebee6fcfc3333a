//! The Sif desktop app (eframe/egui): the shell that holds the document, the cached analysis,
//! the UI state and the preferences, draws the menus, navigation and the current view, and
//! runs the commands the views emit — after the frame, so nothing is changed while it is
//! being drawn.
//!
//! The shell is drawn by [`SifApp::ui_root`], which needs only an `egui::Ui`, so the UI tests
//! drive the real app headless; [`run`] puts it in a native window with the glow renderer.

pub mod clock;
pub mod command;
pub mod dialogs;
pub mod export;
pub mod file_dialog;
pub mod help;
pub mod i18n;
pub mod import;
pub mod prefs;
pub mod probe;
pub mod safety;
pub mod screenshot;
pub mod state;
#[cfg(test)]
mod test_funds;
pub mod views;
pub mod whatif;
pub mod widgets;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use eframe::egui::{self, Id, RichText, Ui, ViewportCommand};
use sif::messages::Message;
use sif::model::Fund;
use sif::store;

use command::{Command, ShellCommand};
use dialogs::{FileDialogs, FileRequest};
use i18n::{Lang, T};
use prefs::Preferences;
use state::{Cache, DialogState, Document, Pending, StatusNote, UiState};
use views::{View, ViewCtx};

/// The whole app.
pub struct SifApp {
    pub doc: Document,
    pub cache: Cache,
    pub ui: UiState,
    pub prefs: Preferences,
    dialogs: Box<dyn FileDialogs>,
    /// The user has agreed to close (nothing unsaved, or "Don't save").
    allow_close: bool,
    /// The app asked the window to close (tests read this; the window closes by itself).
    pub closing: bool,
    /// A shell shortcut pressed while a text field had focus: run after the field commits.
    deferred: Option<ShellCommand>,
    title_sent: String,
    /// The last known inner size of the window, for the preferences.
    window_size: Option<[f32; 2]>,
    first_frame: bool,
    pub screenshots: Option<screenshot::Plan>,
    /// Recovery files, the changed-on-disk check and their dialogs (`safety.rs`).
    pub safety: safety::Safety,
    /// `SIF_EXIT_AFTER_FIRST_FRAME`: time the start-up and close (see `probe.rs`).
    pub probe: Option<probe::Probe>,
    /// Today's date, for the printable report and the SIE `#GEN` record (tests put a fixed
    /// clock here).
    pub clock: Box<dyn clock::Clock>,
}

/// Ctrl+1 … Ctrl+9 for the views, by their place in the navigation.
pub fn view_shortcut(index: usize) -> Option<egui::KeyboardShortcut> {
    use egui::Key;
    let key = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ]
    .get(index)?;
    Some(egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, *key))
}

/// A menu text as a dialog title ("Spara som…" → "Spara som").
fn lang_title(key: T, lang: Lang) -> String {
    lang.t(key).trim_end_matches('…').to_string()
}

/// The fund files' type, as the file dialogs show it.
fn fund_filter() -> (String, String) {
    i18n::both(T::FundFiles)
}

/// A file's name for a message, or its whole path when it has none.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The built-in sample fund (the app opens it when there is no last file).
pub fn sample_fund() -> Fund {
    let sample = sif::samples::default_sample();
    store::parse_str(sample.text, sample.name)
        .unwrap_or_else(|_| Fund::empty("Sociala investeringsfonden", "Exempelkommun", 2025))
}

impl SifApp {
    /// An app on the built-in sample fund.
    pub fn new(prefs: Preferences, dialogs: Box<dyn FileDialogs>) -> SifApp {
        let lang = prefs.language;
        SifApp {
            doc: Document::new(sample_fund(), None),
            cache: Cache::default(),
            ui: UiState::new(lang),
            prefs,
            dialogs,
            allow_close: false,
            closing: false,
            deferred: None,
            title_sent: String::new(),
            window_size: None,
            first_frame: true,
            screenshots: None,
            safety: safety::Safety::without_recovery(),
            probe: None,
            clock: Box::new(clock::SystemClock),
        }
    }

    /// The app as it starts: on `file`, else on the last file, else on the sample fund.
    pub fn start(prefs: Preferences, dialogs: Box<dyn FileDialogs>, file: Option<PathBuf>) -> Self {
        let mut app = SifApp::new(prefs, dialogs);
        let path = file.or_else(|| app.prefs.last_file().map(Path::to_path_buf));
        if let Some(path) = path {
            app.open_path(&path);
        }
        app
    }

    /// This calendar year where the user is (the clock's), for the first year of an empty fund.
    fn this_year(&self) -> i32 {
        use chrono::Datelike;
        chrono::NaiveDate::parse_from_str(&self.clock.today(), "%Y-%m-%d")
            .map_or(2025, |d| d.year())
    }

    pub fn lang(&self) -> Lang {
        self.ui.lang
    }

    /// The fund's file as the status bar and the report name it: its path, or "Untitled".
    pub(crate) fn file_shown(&self) -> String {
        self.doc
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| self.lang().t(T::Untitled).to_string())
    }

    /// The window title: fund name, file name, and a mark when there are unsaved changes.
    pub fn window_title(&self) -> String {
        let lang = self.lang();
        let file = self
            .doc
            .file_name()
            .unwrap_or_else(|| lang.t(T::Untitled).to_string());
        let mark = if self.doc.is_dirty() {
            lang.t(T::TitleUnsavedMark)
        } else {
            ""
        };
        format!("{} – {file}{mark} – Sif", self.doc.fund.name)
    }

    // ---------------------------------------------------------------- drawing

    /// Draw one frame of the app into `ui` and run the commands it produced.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.first_frame {
            self.first_frame = false;
            ctx.set_theme(egui::Theme::Light);
            ctx.style_mut_of(egui::Theme::Light, |style| {
                let v = &mut style.visuals;
                // Secondary text readable on a projector and for tired eyes (WCAG AA on
                // the light panel), and a keyboard focus ring that can be seen.
                v.weak_text_color = Some(egui::Color32::from_gray(88));
                v.widgets.active.bg_stroke =
                    egui::Stroke::new(2.0, egui::Color32::from_rgb(0, 92, 197));
                v.selection.stroke = egui::Stroke::new(2.0, egui::Color32::from_rgb(0, 72, 160));
                // Solid scroll bars, drawn where a view scrolls even when the pointer is
                // elsewhere: egui's are invisible until hovered, so on a small screen nothing
                // said that a view went on past the window's edge.
                style.spacing.scroll = egui::style::ScrollStyle {
                    dormant_background_opacity: 0.5,
                    dormant_handle_opacity: 0.6,
                    ..egui::style::ScrollStyle::solid()
                };
            });
        }
        let mut out = Vec::new();
        self.safety_frame(&ctx);
        self.shortcuts(&ctx, &mut out);
        self.trainer_shortcuts(&ctx, &mut out);
        widgets::set_read_only(&ctx, self.ui.trainer.presenting);
        if self.cache.wake.is_none() {
            // A large fund's projection finishes on a worker thread, which asks for a frame.
            let ctx = ctx.clone();
            self.cache.wake = Some(std::sync::Arc::new(move || ctx.request_repaint()));
        }
        let options = self.ui.trainer.effective(&self.ui.options);
        self.cache.refresh(&self.doc, &options, self.ui.selected);
        if self.ui.view == View::Ledger {
            // The journal is written only for the view that shows it.
            self.cache.refresh_journal(&self.doc.fund);
        } else {
            self.cache.release_journal();
        }

        egui::Panel::top("menu_bar").show(ui, |ui| self.menu_ui(ui, &mut out));
        egui::Panel::top("options_bar").show(ui, |ui| self.options_ui(ui, &mut out));
        let banner = self.safety_banner_ui(ui);
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_ui(ui, &mut out));
        // Presenting: narrower side panels leave the enlarged figures more room.
        let presenting = self.ui.trainer.presenting;
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(if presenting { 170.0 } else { 190.0 })
            .show(ui, |ui| self.nav_ui(ui, &mut out));
        if self.ui.trainer.whatif.is_some() {
            let (fund, lang) = (&self.doc.fund, self.ui.lang);
            let trainer = &mut self.ui.trainer;
            egui::Panel::right("whatif")
                .resizable(false)
                .exact_size(if presenting { 240.0 } else { 270.0 })
                .show(ui, |ui| whatif::panel_ui(ui, fund, trainer, lang, &mut out));
        }
        {
            let cx = ViewCtx {
                fund: &self.doc.fund,
                analysis: &self.cache.analysis,
                preview: self.cache.preview.as_ref(),
                lang: self.ui.lang,
                state: self.doc.state(),
                presenting: self.ui.trainer.presenting,
                rules: self.ui.trainer.rules(),
            };
            let st = &mut self.ui;
            egui::CentralPanel::default().show(ui, |ui| views::show(ui, &cx, st, &mut out));
        }
        self.dialog_ui(&ctx, &mut out);
        self.import_dialog_ui(&ctx, &mut out);
        self.file_dialog_ui(&ctx);
        if let Some(page) = self.ui.help
            && self.ui.dialog.is_none()
            && self.ui.file_dialog.is_none()
            && self.ui.import.is_none()
            && !help::window_ui(&ctx, page, self.lang())
        {
            self.ui.help = None;
        }

        if let Some(cmd) = self.deferred
            && !ctx.egui_wants_keyboard_input()
        {
            self.deferred = None;
            out.push(Command::Shell(cmd));
        }
        if !out.is_empty() {
            for cmd in out {
                self.run(&ctx, cmd);
            }
            ctx.request_repaint();
        }
        if let Some(answer) = banner {
            self.safety_banner_answer(&ctx, answer);
            ctx.request_repaint();
        }
        self.update_title(&ctx);
        if let Some(r) = ctx.input(|i| i.viewport().inner_rect) {
            self.window_size = Some([r.width(), r.height()]);
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        if self.ui.dialog.is_some()
            || self.ui.file_dialog.is_some()
            || self.ui.import.is_some()
            || views::modal_open(&self.ui)
        {
            return;
        }
        let typing = ctx.egui_wants_keyboard_input();
        // The more specific shortcut first: Ctrl+Shift+S must not be taken as Ctrl+S.
        let order = [
            ShellCommand::SaveAs,
            ShellCommand::Save,
            ShellCommand::New,
            ShellCommand::Open,
            ShellCommand::Redo,
            ShellCommand::Undo,
            ShellCommand::Quit,
        ];
        if !typing && ctx.input_mut(|i| i.consume_shortcut(&whatif::REPORT_SHORTCUT)) {
            out.push(Command::Trainer(whatif::TrainerCommand::WriteReport));
            return;
        }
        // Ctrl+1 … Ctrl+9 open the views, in the navigation's order.
        for (i, view) in View::ALL.iter().enumerate() {
            // While typing, the field keeps the keys (its edit would be lost).
            if typing || self.ui.trainer.presenting && whatif::hidden_when_presenting(*view) {
                continue;
            }
            if let Some(shortcut) = view_shortcut(i)
                && ctx.input_mut(|inp| inp.consume_shortcut(&shortcut))
            {
                out.push(Command::Navigate(*view));
                return;
            }
        }
        for cmd in order {
            let Some(shortcut) = cmd.shortcut() else {
                continue;
            };
            // While typing, Ctrl+Z and Ctrl+Y belong to the text field; while presenting,
            // nothing changes the document.
            if (typing || self.ui.trainer.presenting)
                && matches!(cmd, ShellCommand::Undo | ShellCommand::Redo)
            {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                if typing {
                    // Let the field commit first (it sees the focus go), then run the command.
                    if let Some(id) = ctx.memory(|m| m.focused()) {
                        ctx.memory_mut(|m| m.surrender_focus(id));
                    }
                    self.deferred = Some(cmd);
                    ctx.request_repaint();
                } else {
                    out.push(Command::Shell(cmd));
                }
                return;
            }
        }
    }

    fn shell_enabled(&self, cmd: ShellCommand) -> bool {
        match cmd {
            ShellCommand::Undo => self.doc.history.can_undo() && !self.ui.trainer.presenting,
            ShellCommand::Redo => self.doc.history.can_redo() && !self.ui.trainer.presenting,
            _ => true,
        }
    }

    fn shell_button(&self, ui: &mut Ui, cmd: ShellCommand, out: &mut Vec<Command>) {
        let lang = self.lang();
        // Undo and Redo say what they will do: "Ångra: kostnad 2026 för P101".
        let what = match cmd {
            ShellCommand::Undo => self.doc.history.undo_label(),
            ShellCommand::Redo => self.doc.history.redo_label(),
            _ => None,
        };
        let text = match what {
            Some((sv, en)) => format!("{}: {}", lang.t(cmd.text()), lang.pick(sv, en)),
            None => lang.t(cmd.text()).to_string(),
        };
        let mut button = egui::Button::new(text);
        if let Some(sc) = cmd.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
        }
        if ui.add_enabled(self.shell_enabled(cmd), button).clicked() {
            out.push(Command::Shell(cmd));
            ui.close();
        }
    }

    fn menu_ui(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        let lang = self.lang();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(lang.t(T::MenuFile), |ui| {
                self.shell_button(ui, ShellCommand::New, out);
                self.shell_button(ui, ShellCommand::Open, out);
                ui.menu_button(lang.t(T::OpenRecent), |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.add_enabled(false, egui::Button::new(lang.t(T::NoRecent)));
                    }
                    for path in &self.prefs.recent {
                        let name = path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        if ui
                            .button(name)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            out.push(Command::OpenRecent(path.clone()));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                self.shell_button(ui, ShellCommand::Save, out);
                self.shell_button(ui, ShellCommand::SaveAs, out);
                ui.separator();
                ui.menu_button(lang.t(T::MenuExport), |ui| {
                    if ui.button(lang.t(T::ExportWorkbook)).clicked() {
                        out.push(Command::Export(export::ExportRequest::Workbook));
                        ui.close();
                    }
                });
                // Reading in changes the fund: not while presenting.
                let editable = !self.ui.trainer.presenting;
                for (kind, text) in [
                    (import::ImportKind::Sie, T::ReadActualsFromSie),
                    (import::ImportKind::Initiatives, T::ReadInitiativesFromExcel),
                ] {
                    if ui
                        .add_enabled(editable, egui::Button::new(lang.t(text)))
                        .clicked()
                    {
                        out.push(Command::Import(kind));
                        ui.close();
                    }
                }
                ui.separator();
                whatif::file_menu_ui(ui, lang, out);
                ui.separator();
                let mut own = self.prefs.own_file_dialog == Some(true);
                if ui
                    .checkbox(&mut own, lang.t(T::AlwaysOwnFileDialog))
                    .on_hover_text(lang.t(T::AlwaysOwnFileDialogHelp))
                    .clicked()
                {
                    out.push(Command::SetOwnFileDialog(own));
                    ui.close();
                }
                ui.separator();
                self.shell_button(ui, ShellCommand::Quit, out);
            });
            ui.menu_button(lang.t(T::MenuEdit), |ui| {
                self.shell_button(ui, ShellCommand::Undo, out);
                self.shell_button(ui, ShellCommand::Redo, out);
            });
            ui.menu_button(lang.t(T::MenuView), |ui| {
                for view in View::ALL {
                    if self.ui.trainer.presenting && whatif::hidden_when_presenting(view) {
                        continue;
                    }
                    let mut button =
                        egui::Button::new(lang.t(view.text())).selected(self.ui.view == view);
                    if let Some(i) = View::ALL.iter().position(|v| *v == view)
                        && let Some(sc) = view_shortcut(i)
                    {
                        button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
                    }
                    if ui.add(button).clicked() {
                        out.push(Command::Navigate(view));
                        ui.close();
                    }
                }
                whatif::view_menu_ui(ui, &self.ui.trainer, lang, out);
            });
            ui.menu_button(lang.t(T::MenuLanguage), |ui| {
                for l in Lang::ALL {
                    if ui
                        .add(egui::Button::new(l.native_name()).selected(lang == l))
                        .clicked()
                    {
                        out.push(Command::SetLanguage(l));
                        ui.close();
                    }
                }
            });
            ui.menu_button(lang.t(T::MenuHelp), |ui| help::menu_ui(ui, lang, out));
        });
    }

    fn options_ui(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        let lang = self.lang();
        if self.ui.trainer.whatif.is_some() {
            let (fund, plan) = (&self.doc.fund, &self.ui.options);
            let computing = self.cache.is_computing();
            whatif::bar_ui(ui, fund, plan, &self.ui.trainer, computing, lang, out);
            return;
        }
        ui.horizontal(|ui| {
            let label = widgets::form_label(ui, lang.t(T::Scenario));
            let mut options: Vec<(Option<String>, String)> =
                vec![(None, lang.t(T::BaseScenario).to_string())];
            options.extend(
                self.doc
                    .fund
                    .scenarios
                    .iter()
                    .map(|s| (Some(s.name.clone()), s.name.clone())),
            );
            let current = self
                .ui
                .options
                .scenario
                .clone()
                .filter(|n| self.doc.fund.scenario(n).is_some());
            if let Some(v) = widgets::choice(
                ui,
                "scenario",
                widgets::Name::By(label),
                &current,
                &options,
                180.0,
            ) {
                out.push(Command::SetScenario(v));
            }
            ui.add_space(16.0);
            let mut include = self.ui.options.include_proposed;
            if ui
                .checkbox(&mut include, lang.t(T::IncludeProposed))
                .changed()
            {
                out.push(Command::SetIncludeProposed(include));
            }
            if self.cache.is_computing() {
                let text = lang.t(T::Recomputing);
                ui.spinner().on_hover_text(text).accessible_name(text);
            }
            if self.ui.trainer.presenting {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    whatif::leave_presenting_ui(ui, lang, out)
                });
            }
        });
    }

    fn nav_ui(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        let lang = self.lang();
        ui.add_space(8.0);
        for view in View::ALL {
            if self.ui.trainer.presenting && whatif::hidden_when_presenting(view) {
                continue;
            }
            ui.horizontal(|ui| {
                let text = RichText::new(lang.t(view.text())).size(15.0);
                if ui
                    .add(
                        egui::Button::new(text)
                            .selected(self.ui.view == view)
                            .frame_when_inactive(false)
                            .min_size(egui::vec2(130.0, 26.0)),
                    )
                    .clicked()
                {
                    out.push(Command::Navigate(view));
                }
                if view == View::Problems {
                    let report = &self.cache.analysis.report;
                    let (e, w) = (report.error_count(), report.warning_count());
                    if e > 0 {
                        ui.label(
                            RichText::new(e.to_string())
                                .strong()
                                .color(widgets::error_color(ui)),
                        )
                        .on_hover_text(i18n::problem_count(lang, e, w));
                    } else if w > 0 {
                        ui.label(RichText::new(w.to_string()).color(widgets::warn_color(ui)))
                            .on_hover_text(i18n::problem_count(lang, e, w));
                    }
                }
            });
        }
    }

    fn status_ui(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        let lang = self.lang();
        ui.horizontal(|ui| {
            // Presenting: the room sees the figures, not the file path or the unsaved mark.
            if !self.ui.trainer.presenting {
                ui.label(RichText::new(self.file_shown()).weak());
                if self.doc.is_dirty() {
                    ui.label(RichText::new(lang.t(T::Unsaved)).color(widgets::warn_color(ui)));
                }
            }
            let report = &self.cache.analysis.report;
            let problems = i18n::problem_count(lang, report.error_count(), report.warning_count());
            if ui.link(problems).clicked() {
                out.push(Command::Navigate(View::Problems));
            }
            if let Some(note) = &self.ui.status
                && !self.ui.trainer.presenting
            {
                ui.separator();
                ui.label(note.text(lang));
            }
        });
    }

    fn dialog_ui(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let lang = self.lang();
        let Some(dialog) = self.ui.dialog.clone() else {
            return;
        };
        if let DialogState::Safety(d) = dialog {
            self.ui.dialog = self.safety_dialog_ui(ctx, d);
            return;
        }
        enum Answer {
            Keep(DialogState),
            Close,
            Create(Option<&'static str>),
            SaveThen(Pending),
            DiscardThen(Pending),
            Report(bool),
        }
        let mut answer = Answer::Keep(dialog.clone());
        match &dialog {
            DialogState::NewFund { choice } => {
                let mut choice = *choice;
                let modal = egui::Modal::new(Id::unique("new_fund_dialog")).show(ctx, |ui| {
                    ui.set_width(520.0);
                    ui.heading(lang.t(T::NewFundTitle));
                    ui.label(lang.t(T::NewFundIntro));
                    ui.add_space(6.0);
                    for (i, sample) in sif::samples::SAMPLES.iter().enumerate() {
                        ui.radio_value(&mut choice, Some(i), lang.pick(sample.sv, sample.en));
                    }
                    ui.radio_value(&mut choice, None, lang.t(T::EmptyFund));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(lang.t(T::Create)).clicked() {
                            answer = Answer::Create(
                                choice.and_then(|i| sif::samples::SAMPLES.get(i).map(|s| s.name)),
                            );
                        } else if ui.button(lang.t(T::Cancel)).clicked() {
                            answer = Answer::Close;
                        }
                    });
                });
                if let Answer::Keep(_) = answer {
                    answer = if modal.should_close() {
                        Answer::Close
                    } else {
                        Answer::Keep(DialogState::NewFund { choice })
                    };
                }
            }
            DialogState::Unsaved { then } => {
                let modal = egui::Modal::new(Id::unique("unsaved_dialog")).show(ctx, |ui| {
                    ui.set_width(440.0);
                    ui.heading(lang.t(T::UnsavedTitle));
                    ui.label(lang.t(T::UnsavedQuestion));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button(lang.t(T::Save)).clicked() {
                            answer = Answer::SaveThen(then.clone());
                        }
                        if ui.button(lang.t(T::DontSave)).clicked() {
                            answer = Answer::DiscardThen(then.clone());
                        }
                        if ui.button(lang.t(T::Cancel)).clicked() {
                            answer = Answer::Close;
                        }
                    });
                });
                if modal.should_close() && matches!(answer, Answer::Keep(_)) {
                    answer = Answer::Close;
                }
            }
            DialogState::ReportWhatIf => {
                let modal = egui::Modal::new(Id::unique("report_whatif_dialog")).show(ctx, |ui| {
                    ui.set_width(480.0);
                    ui.heading(lang.t(T::MenuPrintableReport).trim_end_matches('…'));
                    ui.label(lang.t(T::ReportExerciseQuestion));
                    ui.add_space(8.0);
                    ui.horizontal_wrapped(|ui| {
                        if ui.button(lang.t(T::ReportWithExercise)).clicked() {
                            answer = Answer::Report(true);
                        }
                        if ui.button(lang.t(T::ReportWithPlan)).clicked() {
                            answer = Answer::Report(false);
                        }
                        if ui.button(lang.t(T::Cancel)).clicked() {
                            answer = Answer::Close;
                        }
                    });
                });
                if modal.should_close() && matches!(answer, Answer::Keep(_)) {
                    answer = Answer::Close;
                }
            }
            // Drawn above.
            DialogState::Safety(_) => {}
            DialogState::Message { title, text } => {
                let modal = egui::Modal::new(Id::unique("message_dialog")).show(ctx, |ui| {
                    ui.set_max_width(560.0);
                    ui.heading(lang.t(*title));
                    ui.label(text);
                    ui.add_space(8.0);
                    if ui.button(lang.t(T::Close)).clicked() {
                        answer = Answer::Close;
                    }
                });
                if modal.should_close() {
                    answer = Answer::Close;
                }
            }
        }
        match answer {
            Answer::Keep(d) => self.ui.dialog = Some(d),
            Answer::Close => self.ui.dialog = None,
            Answer::Create(template) => {
                self.ui.dialog = None;
                out.push(Command::NewFrom(template));
            }
            Answer::SaveThen(then) => {
                self.ui.dialog = None;
                self.save_then(ctx, then);
            }
            Answer::DiscardThen(then) => {
                self.ui.dialog = None;
                self.proceed(ctx, then);
            }
            Answer::Report(whatif) => {
                self.ui.dialog = None;
                out.push(Command::Trainer(whatif::TrainerCommand::WriteReportOf(
                    whatif,
                )));
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title_sent {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    // ---------------------------------------------------------------- commands

    /// Run one command.
    pub fn run(&mut self, ctx: &egui::Context, cmd: Command) {
        match cmd {
            Command::Edit(edit) => {
                if self.doc.apply(edit) {
                    self.after_document_change();
                }
            }
            Command::Shell(ShellCommand::New) => {
                self.ui.dialog = Some(DialogState::NewFund { choice: Some(0) });
            }
            Command::Shell(ShellCommand::Open) => self.guard(ctx, Pending::OpenDialog),
            Command::Shell(ShellCommand::Save) => {
                self.save(ctx);
            }
            Command::Shell(ShellCommand::SaveAs) => {
                self.save_as(ctx, None);
            }
            Command::Shell(ShellCommand::Undo) => {
                if self.doc.undo() {
                    self.after_document_change();
                }
            }
            Command::Shell(ShellCommand::Redo) => {
                if self.doc.redo() {
                    self.after_document_change();
                }
            }
            Command::Shell(ShellCommand::Quit) => self.guard(ctx, Pending::Quit),
            Command::Navigate(view) => {
                self.ui.view = view;
                self.ui.fields.clear();
            }
            Command::GoTo(location, path) => self.go_to(location, path),
            Command::SelectInitiative(sel) => {
                self.ui.selected = sel;
                self.ui.fields.clear();
            }
            Command::SetLanguage(lang) => {
                self.ui.lang = lang;
                self.prefs.language = lang;
                self.ui.fields.clear();
            }
            Command::Help(page) => self.ui.help = page,
            Command::SetOwnFileDialog(own) => {
                self.prefs.own_file_dialog = own.then_some(true);
            }
            Command::SetScenario(s) => self.ui.options.scenario = s,
            Command::SetIncludeProposed(b) => self.ui.options.include_proposed = b,
            Command::OpenRecent(path) => self.guard(ctx, Pending::OpenPath(path)),
            Command::NewFrom(template) => self.guard(ctx, Pending::NewFrom(template)),
            Command::Note(note) => self.ui.status = Some(note),
            Command::Trainer(cmd) => self.run_trainer(ctx, cmd),
            Command::Export(request) => self.run_export(ctx, request),
            Command::Import(kind) => self.start_import(ctx, kind),
        }
    }

    /// Buffers and the selection follow the document after an edit, undo or redo.
    fn after_document_change(&mut self) {
        self.ui.fields.clear();
        let n = self.doc.fund.initiatives.len();
        if let Some(sel) = self.ui.selected
            && sel >= n
        {
            self.ui.selected = n.checked_sub(1);
        }
        self.ui.status = None;
    }

    fn go_to(&mut self, location: sif::validate::Location, path: String) {
        use sif::validate::Location;
        self.ui.fields.clear();
        match location {
            // Actual figures (and their arrears) are entered in the Repayments view.
            Location::Initiative(i) if path.ends_with(".actuals") => {
                self.ui.view = View::Repayments;
                self.ui.selected = Some(i);
            }
            Location::Initiative(i) => {
                self.ui.view = View::Initiatives;
                self.ui.selected = Some(i);
                // Make sure the row is shown, then bring it into view.
                self.ui.initiatives.filter.clear();
                self.ui.initiatives.status_filter = None;
                self.ui.initiatives.scroll_to_selected = true;
                self.ui.initiatives.scroll_to_path = Some(path);
            }
            other => {
                self.ui.view = View::Settings;
                self.ui.settings_focus = Some(other);
                self.ui.settings_scroll = true;
            }
        }
    }

    /// Ask about unsaved changes before `then`, or do it at once.
    fn guard(&mut self, ctx: &egui::Context, then: Pending) {
        if self.doc.is_dirty() {
            self.ui.dialog = Some(DialogState::Unsaved { then });
        } else {
            self.proceed(ctx, then);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, then: Pending) {
        match then {
            Pending::OpenDialog => {
                let request = self.path_request(
                    file_dialog::Mode::Open,
                    i18n::both(T::OpenFundFileTitle),
                    fund_filter(),
                    "ron",
                    String::new(),
                );
                self.ask_path(ctx, request, file_dialog::Purpose::Open);
            }
            Pending::OpenPath(path) => self.open_path(&path),
            Pending::NewFrom(template) => self.new_from(template),
            Pending::Restore(recovery) => self.restore_recovery(&recovery),
            Pending::Quit => {
                // Closing without saving: the user chose to let the changes go.
                self.safety_quit_discarded();
                self.allow_close = true;
                self.closing = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    /// The window was asked to close: allow it, or ask about unsaved changes first.
    pub fn close_requested(&mut self) -> bool {
        if self.allow_close || !self.doc.is_dirty() {
            self.closing = true;
            return true;
        }
        self.ui.dialog = Some(DialogState::Unsaved {
            then: Pending::Quit,
        });
        false
    }

    fn start_dir(&self) -> Option<PathBuf> {
        self.doc
            .path
            .as_deref()
            .or_else(|| self.prefs.recent.first().map(PathBuf::as_path))
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.cache.invalidate();
        self.ui.fields.clear();
        self.ui.selected = None;
        self.ui.initiatives = Default::default();
        self.ui.repayments = Default::default();
        self.ui.budget = Default::default();
        self.ui.ledger = Default::default();
        self.ui.import = None;
        self.ui.settings_focus = None;
        self.ui.options.scenario = None;
        self.safety_document_replaced();
        self.ui.trainer.document_replaced();
    }

    /// Open a fund file. A file with validation errors opens (showing Problems); a file that
    /// cannot be read leaves the current fund and says why.
    pub fn open_path(&mut self, path: &Path) {
        let lang = self.lang();
        match store::load_with_stamp(path) {
            Ok((fund, stamp)) => {
                let older = fund.format < sif::model::FORMAT_VERSION;
                self.replace_document(Document::new(fund, Some(path.to_path_buf())));
                self.doc.stamp = Some(stamp);
                // The analysis the first frame needs anyway: validating here as well would
                // validate (and project) a large fund twice on opening.
                self.cache
                    .refresh(&self.doc, &self.ui.options, self.ui.selected);
                let errors = self.cache.analysis.report.error_count();
                self.prefs.note_recent(path);
                let name = self.doc.file_name().unwrap_or_default();
                if errors > 0 {
                    self.ui.view = View::Problems;
                    self.ui.status = Some(StatusNote::OpenedWithErrors(errors));
                } else {
                    self.ui.status = Some(StatusNote::Opened(name));
                }
                // Said once, on opening (SPEC §3.2); saving writes format 2.
                if older {
                    self.ui.dialog = Some(DialogState::Message {
                        title: T::OlderFormatTitle,
                        text: lang.t(T::OlderFormatText).to_string(),
                    });
                }
            }
            Err(e) => {
                self.ui.dialog = Some(DialogState::Message {
                    title: T::OpenFailedTitle,
                    text: e.text(lang),
                });
            }
        }
    }

    fn new_from(&mut self, template: Option<&'static str>) {
        let lang = self.lang();
        let fund = template
            .and_then(sif::samples::template)
            .and_then(|text| store::parse_str(text, "template").ok())
            .unwrap_or_else(|| {
                Fund::empty(
                    lang.t(T::DefaultFundName),
                    lang.t(T::DefaultOrganisation),
                    self.this_year(),
                )
            });
        self.replace_document(Document::new(fund, None));
        self.ui.view = View::Overview;
    }

    /// Save to the fund's file, or ask where when it has none.
    pub fn save(&mut self, ctx: &egui::Context) {
        match self.doc.path.clone() {
            Some(path) => {
                self.save_to(path);
            }
            None => self.save_as(ctx, None),
        }
    }

    /// Save (asking where if the fund has no file), then do `then` once it is saved.
    pub(crate) fn save_then(&mut self, ctx: &egui::Context, then: Pending) {
        match self.doc.path.clone() {
            Some(path) => {
                if self.save_to(path) {
                    self.proceed(ctx, then);
                } else {
                    self.save_then_later(then);
                }
            }
            None => self.save_as(ctx, Some(then)),
        }
    }

    /// Ask where to save, save there, then do `then`.
    pub fn save_as(&mut self, ctx: &egui::Context, then: Option<Pending>) {
        let suggested = self.doc.file_name().unwrap_or_else(|| {
            let stem: String = self
                .doc
                .fund
                .name
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect();
            format!("{}.ron", stem.trim_matches('-').to_lowercase())
        });
        let request = self.path_request(
            file_dialog::Mode::Save,
            (
                lang_title(T::SaveAs, Lang::Sv),
                lang_title(T::SaveAs, Lang::En),
            ),
            fund_filter(),
            "ron",
            suggested,
        );
        self.ask_path(ctx, request, file_dialog::Purpose::SaveFund { then });
    }

    /// What to ask a file dialog, starting where the fund's file (or the last one) is.
    pub(crate) fn path_request(
        &self,
        mode: file_dialog::Mode,
        title: (String, String),
        filter: (String, String),
        extension: &str,
        suggested: String,
    ) -> file_dialog::Request {
        let mut recent: Vec<PathBuf> = Vec::new();
        for dir in self.prefs.recent.iter().filter_map(|p| p.parent()) {
            if !recent.iter().any(|d| d == dir) {
                recent.push(dir.to_path_buf());
            }
        }
        file_dialog::Request {
            mode,
            title,
            filter,
            extension: extension.to_string(),
            suggested,
            dir: self.start_dir(),
            recent,
        }
    }

    /// Whether Sif's own file dialog is used: by the preference, else when the system
    /// cannot show one.
    pub fn uses_own_file_dialog(&mut self) -> bool {
        match self.prefs.own_file_dialog {
            Some(own) => own,
            None => !self.dialogs.available(),
        }
    }

    /// Ask for a file through the system's dialog, or Sif's own when the system has none,
    /// and do `purpose` with it. Cancelling does nothing.
    pub(crate) fn ask_path(
        &mut self,
        ctx: &egui::Context,
        request: file_dialog::Request,
        purpose: file_dialog::Purpose,
    ) {
        use file_dialog::Purpose;
        if self.uses_own_file_dialog() {
            self.ui.file_dialog = Some(Box::new(file_dialog::FileDialog::new(request, purpose)));
            return;
        }
        let lang = self.lang();
        let dir = request.dir.as_deref();
        let suggested = request.suggested.as_str();
        let picked = match &purpose {
            Purpose::Open => self.dialogs.pick_open(FileRequest::open_fund(lang, dir)),
            Purpose::SaveFund { .. } => {
                let fund = FileRequest::save_fund(lang, dir, suggested);
                self.dialogs.pick_save(fund)
            }
            Purpose::Write { report: true, .. } => {
                let report = FileRequest::save_report(lang, dir, suggested);
                self.dialogs.pick_save_report(report)
            }
            Purpose::Write { report: false, .. } => {
                let extension = [request.extension.as_str()];
                self.dialogs.pick_export(FileRequest {
                    title: lang.t(T::MenuExport),
                    filter: lang.pick(&request.filter.0, &request.filter.1),
                    extensions: &extension,
                    ..FileRequest::save_fund(lang, dir, suggested)
                })
            }
            Purpose::Import(kind) => self.pick_import_path(*kind, dir),
        };
        if let Some(path) = picked {
            self.path_chosen(ctx, purpose, path);
        }
    }

    /// Draw Sif's own file dialog, if it is open, and act on its answer.
    fn file_dialog_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let Some(dialog) = self.ui.file_dialog.as_mut() else {
            return;
        };
        match dialog.show(ctx, lang) {
            file_dialog::Outcome::Keep => {}
            file_dialog::Outcome::Cancel => {
                self.ui.file_dialog = None;
                ctx.request_repaint();
            }
            file_dialog::Outcome::Chosen(path) => {
                if let Some(dialog) = self.ui.file_dialog.take() {
                    self.path_chosen(ctx, dialog.purpose, path);
                }
                ctx.request_repaint();
            }
        }
    }

    /// Do what a file was asked for.
    fn path_chosen(&mut self, ctx: &egui::Context, purpose: file_dialog::Purpose, path: PathBuf) {
        use file_dialog::Purpose;
        match purpose {
            Purpose::Open => self.open_path(&path),
            Purpose::Import(kind) => self.import_chosen(kind, &path),
            Purpose::SaveFund { then } => {
                if self.save_to(path) {
                    if let Some(then) = then {
                        self.proceed(ctx, then);
                    }
                } else if let Some(then) = then {
                    self.save_then_later(then);
                }
            }
            Purpose::Write { bytes, report } => {
                let lang = self.lang();
                // Never write an export or a report onto the fund file itself (compared by
                // identity, so a link or another spelling of the path is caught too).
                if let Some(fund_path) = self.doc.path.as_deref()
                    && sif::store::same_file(&path, fund_path)
                {
                    self.ui.dialog = Some(DialogState::Message {
                        title: if report {
                            T::SaveFailedTitle
                        } else {
                            T::ExportFailedTitle
                        },
                        text: lang.t(T::NotOverFundFile).to_string(),
                    });
                    return;
                }
                match sif::store::write_atomically(&path, &bytes) {
                    Ok(()) => {
                        let name = path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        self.ui.status = Some(if report {
                            StatusNote::Saved(name)
                        } else {
                            StatusNote::Exported(name)
                        });
                    }
                    Err(e) => {
                        self.ui.dialog = Some(DialogState::Message {
                            title: if report {
                                T::SaveFailedTitle
                            } else {
                                T::ExportFailedTitle
                            },
                            text: e.text(lang),
                        });
                    }
                }
            }
        }
    }

    /// Save to `path`; to the file the fund came from only if nobody changed it since
    /// (docs/safety.md §2). A failure changes nothing and says why (`safety.rs`).
    fn save_to(&mut self, path: PathBuf) -> bool {
        let expected = self
            .doc
            .stamp
            .filter(|_| self.doc.path.as_deref() == Some(path.as_path()));
        self.write_fund(path, expected)
    }
}

impl eframe::App for SifApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.first_frame
            && self.screenshots.is_none()
            && self.probe.is_none()
            && let Some([w, h]) = self.prefs.window_size
        {
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(egui::vec2(w, h)));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_requested() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        }
        if let Some(plan) = &mut self.screenshots {
            plan.before_frame(&ctx, &mut self.ui);
        }
        if let Some(probe) = &mut self.probe {
            probe.before_frame(&ctx, &mut self.ui);
        }
        self.ui_root(ui);
        if let Some(probe) = &mut self.probe
            && probe.after_frame()
        {
            self.allow_close = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        if let Some(plan) = &mut self.screenshots
            && plan.after_frame(&ctx)
        {
            self.allow_close = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshots.is_some() || self.probe.is_some() {
            return;
        }
        if let Some(size) = self.window_size {
            self.prefs.window_size = Some(size);
        }
        self.prefs.store(storage);
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        // Screenshots show the app untouched: no hover from wherever the pointer happens to be.
        if self.screenshots.is_some() {
            raw_input.events.retain(|e| {
                !matches!(
                    e,
                    egui::Event::PointerMoved(_)
                        | egui::Event::MouseMoved(_)
                        | egui::Event::PointerButton { .. }
                )
            });
        }
    }

    /// Screenshot runs leave the user's stored egui memory (zoom, window state) alone.
    fn persist_egui_memory(&self) -> bool {
        self.screenshots.is_none()
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }
}

/// The icon the window shows (`assets/icons/sif-256.png`, decoded once at start). An icon that
/// cannot be decoded leaves the platform's default: it is never a reason not to start.
pub fn window_icon() -> egui::IconData {
    const PNG: &[u8] = include_bytes!("../../../assets/icons/sif-256.png");
    let decoded = (|| {
        let mut reader = png::Decoder::new(std::io::Cursor::new(PNG))
            .read_info()
            .ok()?;
        let mut rgba = vec![0; reader.output_buffer_size()?];
        let info = reader.next_frame(&mut rgba).ok()?;
        (info.color_type == png::ColorType::Rgba && info.bit_depth == png::BitDepth::Eight).then(
            || {
                rgba.truncate(info.buffer_size());
                egui::IconData {
                    rgba,
                    width: info.width,
                    height: info.height,
                }
            },
        )
    })();
    decoded.unwrap_or_default()
}

/// Start the app in a window, on `file` or the last file or the sample fund.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let mut probe = probe::Probe::from_env();
    let screenshots = screenshot::Plan::from_env();
    let size = if screenshots.is_some() {
        screenshot::size()
    } else {
        [1280.0, 820.0]
    };
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: egui::ViewportBuilder::default()
            .with_title("Sif")
            // The desktop entry's name (assets/se.sif.Sif.desktop), so that a Wayland desktop
            // shows the entry's icon and name for the window.
            .with_app_id("se.sif.Sif")
            .with_icon(window_icon())
            .with_inner_size(size)
            .with_min_inner_size([820.0, 520.0]),
        // The window size is kept in Sif's own preferences (see prefs.rs).
        persist_window: false,
        // Screenshots use storage of their own, so that a zoom or window state a session
        // left in eframe's stored egui memory does not change them.
        persistence_path: screenshots
            .as_ref()
            .map(|_| std::env::temp_dir().join("sif-screenshots")),
        ..Default::default()
    };
    let result = eframe::run_native(
        "sif",
        options,
        Box::new(move |cc| {
            let mut prefs = Preferences::load(cc.storage);
            if let Some(plan) = &screenshots {
                // Screenshots show a fixed state: the given file, in the language asked for.
                prefs = Preferences {
                    language: plan.lang(),
                    ..Preferences::default()
                };
            }
            if probe.is_some() {
                // The probe measures a fixed start: the given file, nothing remembered.
                prefs = Preferences::default();
            }
            let mut app = SifApp::start(prefs, Box::new(dialogs::NativeDialogs::new()), file);
            // Screenshot and probe runs measure a fixed start: no recovery offers.
            if screenshots.is_none() && probe.is_none() {
                // Recovery files live in Sif's data folder (the viewport's app id), never
                // beside the user's files; the temporary folder only where there is none.
                let data_dir = eframe::storage_dir("sif").unwrap_or_else(std::env::temp_dir);
                let dir = sif::recovery::recovery_dir(&data_dir);
                app = app.with_recovery(&dir, Box::new(safety::SystemClock));
            }
            app.screenshots = screenshots;
            if let Some(p) = &mut probe {
                p.opened();
            }
            app.probe = probe.take();
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "Sif kunde inte öppna sitt fönster: {e} / Sif could not open its window: {e}"
            );
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod icon_tests {
    #[test]
    fn the_window_icon_decodes() {
        let icon = super::window_icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // The corners are transparent, the middle is not.
        assert_eq!(icon.rgba[3], 0);
        let middle = (128 * 256 + 128) * 4;
        assert_eq!(icon.rgba[middle + 3], 255);
    }
}
