//! Problems: every validation error and warning, errors first, each with a button that takes
//! the user to the place to fix it.

use eframe::egui::{self, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use sif::validate::{Issue, Location};

use super::ViewCtx;
use crate::app::command::Command;
use crate::app::i18n::{self, Lang, T};
use crate::app::state::UiState;
use crate::app::widgets;

/// The accessible name of an issue's Go-there button: the visible text and the path.
pub fn go_to_name(lang: Lang, issue: &Issue) -> String {
    format!("{}: {}", lang.t(T::GoToIt), issue.path)
}

pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>, _st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    let report = &cx.analysis.report;
    ui.heading(lang.t(T::ViewProblems));
    ui.label(i18n::problem_count(
        lang,
        report.error_count(),
        report.warning_count(),
    ));
    if report.issues.is_empty() {
        ui.add_space(12.0);
        ui.label(lang.t(T::NoProblems));
        return;
    }
    ui.add_space(6.0);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    TableBuilder::new(ui)
        .id_salt("problems")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(80.0))
        .column(
            Column::initial(300.0)
                .at_least(120.0)
                .clip(true)
                .resizable(true),
        )
        .column(Column::remainder().at_least(200.0).clip(true))
        .column(Column::exact(90.0))
        .min_scrolled_height(0.0)
        .max_scroll_height(f32::INFINITY)
        .header(row_height, |mut h| {
            for t in [T::IssueKind, T::Where, T::Problem] {
                h.col(|ui| {
                    ui.label(RichText::new(lang.t(t)).strong());
                });
            }
            h.col(|ui| {
                ui.label("");
            });
        })
        .body(|body| {
            body.rows(row_height, report.issues.len(), |mut row| {
                let issue = &report.issues[row.index()];
                row.col(|ui| {
                    let (text, color) = if issue.is_error() {
                        (lang.t(T::Error), widgets::error_color(ui))
                    } else {
                        (lang.t(T::Warning), widgets::warn_color(ui))
                    };
                    ui.label(RichText::new(text).color(color).strong());
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(RichText::new(place(cx, issue.location, &issue.path)))
                            .truncate(),
                    );
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(issue.message(lang.is_sv())).truncate());
                });
                row.col(|ui| {
                    // Go there leads to an editor, which a presentation does not show.
                    if !cx.presenting
                        && ui
                            .button(lang.t(T::GoToIt))
                            .accessible_name(go_to_name(lang, issue))
                            .on_hover_text(&issue.path)
                            .clicked()
                    {
                        out.push(Command::GoTo(issue.location, issue.path.clone()));
                    }
                });
            });
        });
}

/// Where the problem is, in words a finance officer reads: the initiative's code and name, or
/// the settings section, then the path in the file.
fn place(cx: &ViewCtx<'_>, location: Location, path: &str) -> String {
    let lang = cx.lang;
    let fund = cx.fund;
    let what = match location {
        Location::Initiative(i) => fund
            .initiatives
            .get(i)
            .map(|ini| format!("{} {}", lang.t(T::InitiativeOne), ini.code))
            .unwrap_or_default(),
        Location::Fund => lang.t(T::FundSection).to_string(),
        Location::Actor(_) => lang.t(T::Actors).to_string(),
        Location::Capital(_) => lang.t(T::CapitalEvents).to_string(),
        Location::Budget(_) => lang.t(T::BudgetInputs).to_string(),
        Location::Scenario(_) => lang.t(T::Scenario).to_string(),
    };
    format!("{what} · {path}")
}
