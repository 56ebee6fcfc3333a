//! The views, one file each. A view reads the document and the cached analysis, keeps its own
//! UI state, and emits [`Command`]s; it never changes the document itself.
//!
//! To add a view: a variant here, its text in `i18n.rs`, a file with `pub fn ui(..)`, and a line
//! in [`show`].

pub mod budget;
pub mod initiatives;
pub mod ledger;
pub mod overview;
pub mod problems;
pub mod repayments;
pub mod scenarios;
pub mod settings;
pub mod who_gains;

use eframe::egui::{self, Ui};
use sif::model::Fund;

use super::command::Command;
use super::i18n::{Lang, T};
use super::state::{Analysis, Preview, UiState};

/// The views of the navigation, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Overview,
    Initiatives,
    Repayments,
    Budget,
    WhoGains,
    Scenarios,
    Ledger,
    Settings,
    Problems,
}

impl View {
    pub const ALL: [View; 9] = [
        View::Overview,
        View::Initiatives,
        View::Repayments,
        View::Budget,
        View::WhoGains,
        View::Scenarios,
        View::Ledger,
        View::Settings,
        View::Problems,
    ];

    pub fn text(self) -> T {
        match self {
            View::Overview => T::ViewOverview,
            View::Initiatives => T::ViewInitiatives,
            View::WhoGains => T::ViewWhoGains,
            View::Scenarios => T::ViewScenarios,
            View::Repayments => T::ViewRepayments,
            View::Budget => T::ViewBudget,
            View::Ledger => T::ViewLedger,
            View::Settings => T::ViewSettings,
            View::Problems => T::ViewProblems,
        }
    }

    /// A short name for file names and the command line (`overview`, `initiatives` …).
    pub fn slug(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Initiatives => "initiatives",
            View::WhoGains => "who-gains",
            View::Scenarios => "scenarios",
            View::Repayments => "repayments",
            View::Budget => "budget",
            View::Ledger => "ledger",
            View::Settings => "settings",
            View::Problems => "problems",
        }
    }

    pub fn from_slug(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == s)
    }
}

/// What every view reads: the document and its analysis, read-only.
pub struct ViewCtx<'a> {
    pub fund: &'a Fund,
    pub analysis: &'a Analysis,
    pub preview: Option<&'a Preview>,
    pub lang: Lang,
    /// The id of the document state (views key their own caches by it).
    pub state: u64,
    /// Presentation mode: views show figures only and hide every control that edits the
    /// document (editors, add and delete buttons).
    pub presenting: bool,
    /// The rule set whose balanced-budget result the views emphasise (trainer mode).
    pub rules: super::whatif::RuleSet,
}

impl View {
    /// The narrowest the view can be laid out without cutting anything off; on a narrower
    /// screen (1024 × 700) it scrolls sideways instead.
    pub fn min_width(self) -> f32 {
        match self {
            View::Initiatives => 780.0,
            View::Budget => 720.0,
            View::Repayments => 760.0,
            View::Ledger => 700.0,
            // Their tables scroll sideways on their own; the text wraps to the window.
            View::Scenarios | View::WhoGains => 540.0,
            View::Overview => 540.0,
            View::Settings | View::Problems => 720.0,
        }
    }
}

/// Draw the current view, in a sideways scroll area when the window is narrower than the view
/// needs.
pub fn show(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let need = st.view.min_width();
    if ui.available_width() >= need {
        show_view(ui, cx, st, out);
        return;
    }
    egui::ScrollArea::horizontal()
        .id_salt(("view_sideways", st.view.slug()))
        .auto_shrink([false, false])
        // Shown all the time, so that it is clear there is more to the right.
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            ui.set_width(need);
            show_view(ui, cx, st, out);
        });
}

fn show_view(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    match st.view {
        View::Overview => overview::ui(ui, cx, st, out),
        View::Initiatives => initiatives::ui(ui, cx, st, out),
        View::WhoGains => who_gains::ui(ui, cx, st, out),
        View::Scenarios => scenarios::ui(ui, cx, st, out),
        View::Repayments => repayments::ui(ui, cx, st, out),
        View::Budget => budget::ui(ui, cx, st, out),
        View::Ledger => ledger::ui(ui, cx, st, out),
        View::Settings => settings::ui(ui, cx, st, out),
        View::Problems => problems::ui(ui, cx, st, out),
    }
}

/// Whether a view has a modal dialog open (the shell then leaves the keyboard shortcuts to
/// it, as for its own dialogs).
pub fn modal_open(st: &UiState) -> bool {
    st.repayments.close_year.is_some()
        || st.ledger.export.is_some()
        || st.initiatives.confirm_delete.is_some()
}

/// The banner shown above figures when the fund has errors.
pub fn errors_banner(ui: &mut Ui, cx: &ViewCtx<'_>, out: &mut Vec<Command>) -> bool {
    if cx.analysis.projection.is_some() {
        return false;
    }
    let lang = cx.lang;
    let text = match &cx.analysis.engine_error {
        Some(e) => super::widgets::one_language(lang, e),
        None => lang.t(T::ErrorsBlock).to_string(),
    };
    eframe::egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .stroke(eframe::egui::Stroke::new(
            1.0,
            super::widgets::error_color(ui),
        ))
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(super::widgets::error_color(ui), text);
                if ui.button(lang.t(T::ShowProblems)).clicked() {
                    out.push(Command::Navigate(View::Problems));
                }
            });
        });
    true
}
