//! The Help menu (Hjälp): the user guide inside the app (the text of `docs/app.md`, built in),
//! the keyboard shortcuts, and About Sif (version, licence, where Sif keeps its files). Each
//! opens a window beside the work, closed with its button or Escape.

use eframe::egui::{self, RichText, Ui};

use super::command::{Command, Shortcut};
use super::i18n::{Lang, T};

/// The guide's text in the language.
pub fn guide_text(lang: Lang) -> &'static str {
    super::i18n::guide(lang)
}

/// The help window that is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpPage {
    Guide,
    Shortcuts,
    About,
}

impl HelpPage {
    pub const ALL: [HelpPage; 3] = [HelpPage::Guide, HelpPage::Shortcuts, HelpPage::About];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            HelpPage::Guide => lang.t(T::HelpGuide),
            HelpPage::Shortcuts => lang.t(T::HelpShortcuts),
            HelpPage::About => lang.t(T::HelpAbout),
        }
    }
}

/// The Help menu's items.
pub fn menu_ui(ui: &mut Ui, lang: Lang, out: &mut Vec<Command>) {
    for page in HelpPage::ALL {
        if ui.button(page.title(lang)).clicked() {
            out.push(Command::Help(Some(page)));
            ui.close();
        }
    }
}

/// Draw the open help window; returns `false` when it was closed.
pub fn window_ui(ctx: &egui::Context, page: HelpPage, lang: Lang) -> bool {
    let mut open = true;
    let mut close = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    let screen = ctx.content_rect();
    egui::Window::new(page.title(lang))
        .id(egui::Id::unique("sif_help"))
        .open(&mut open)
        .collapsible(false)
        .default_width((screen.width() * 0.6).clamp(360.0, 820.0))
        .default_height((screen.height() * 0.75).max(300.0))
        .max_height(screen.height() - 40.0)
        .show(ctx, |ui| {
            // The button first, so the scrolled text below never pushes it out of the window.
            if ui.button(lang.t(T::Close)).clicked() {
                close = true;
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| match page {
                    HelpPage::Guide => guide_ui(ui, lang),
                    HelpPage::Shortcuts => shortcuts_ui(ui, lang),
                    HelpPage::About => about_ui(ui, lang),
                });
        });
    open && !close
}

fn guide_ui(ui: &mut Ui, lang: Lang) {
    ui.label(RichText::new(super::i18n::guide_language_note(lang)).weak());
    ui.add_space(6.0);
    let mut in_code = false;
    for line in guide_text(lang).lines() {
        // The bundled font has no arrows: "Arkiv → Spara" reads as "Arkiv > Spara".
        let line = line.replace('→', ">");
        let line = line.as_str();
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            ui.label(RichText::new(line).monospace());
        } else if let Some(h) = line.strip_prefix("# ") {
            ui.heading(h);
        } else if let Some(h) = line.strip_prefix("## ") {
            ui.add_space(8.0);
            ui.label(RichText::new(h).strong().size(17.0));
        } else if let Some(h) = line.strip_prefix("### ") {
            ui.add_space(4.0);
            ui.label(RichText::new(h).strong());
        } else if line.starts_with('|') {
            if line.contains("---") {
                continue;
            }
            let cells: Vec<&str> = line
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim())
                .filter(|c| !c.starts_with("!["))
                .collect();
            ui.label(plain(&cells.join("  ·  ")));
        } else if line.trim().is_empty() {
            ui.add_space(4.0);
        } else {
            ui.label(plain(line));
        }
    }
}

/// Markdown emphasis and code marks taken out, for a plain label.
fn plain(line: &str) -> String {
    line.replace("**", "").replace('`', "")
}

fn shortcuts_ui(ui: &mut Ui, lang: Lang) {
    let ctx = ui.ctx().clone();
    egui::Grid::new("sif_shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for shortcut in Shortcut::all() {
                if let Some(sc) = shortcut.keys() {
                    ui.label(RichText::new(ctx.format_shortcut(&sc)).monospace());
                    ui.label(shortcut.text(lang));
                    ui.end_row();
                }
            }
            let more = [
                ("Enter", lang.t(T::KeyEnterHelp)),
                ("Tab", lang.t(T::KeyTabHelp)),
            ];
            for (key, what) in more {
                ui.label(RichText::new(key).monospace());
                ui.label(what);
                ui.end_row();
            }
        });
}

fn about_ui(ui: &mut Ui, lang: Lang) {
    ui.heading(format!("Sif {}", env!("CARGO_PKG_VERSION")));
    ui.label(lang.t(T::AboutTagline));
    ui.add_space(6.0);
    ui.label(format!(
        "{}: {}",
        lang.t(T::AboutLicence),
        env!("CARGO_PKG_LICENSE")
    ));
    ui.add_space(6.0);
    let data = eframe::storage_dir("sif");
    let shown = |p: Option<std::path::PathBuf>| {
        p.map(|p| p.display().to_string())
            .unwrap_or_else(|| lang.t(T::AboutNone).to_string())
    };
    ui.label(RichText::new(lang.t(T::AboutFiles)).strong());
    ui.label(format!(
        "{}: {}",
        lang.t(T::AboutPreferences),
        shown(data.clone())
    ));
    ui.label(format!(
        "{}: {}",
        lang.t(T::AboutRecovery),
        shown(data.map(|d| sif::recovery::recovery_dir(&d)))
    ));
    ui.label(lang.t(T::AboutFundFiles));
}
