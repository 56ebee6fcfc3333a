//! Problems: every validation error and warning, errors first, each with a button that takes
//! the user to the place to fix it.

use eframe::egui::{self, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use sif::validate::{Issue, Location};

use super::ViewCtx;
use crate::command::Command;
use crate::i18n::{self, Lang, T};
use crate::state::UiState;
use crate::widgets;

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
/// A path into the file (`initiatives[P101].savings[2].amount`) in words a finance officer
/// reads: "besparingsrad 2, belopp". The item itself (the initiative, the budget year) is named
/// by [`place`]; here only the rows and fields inside it.
pub fn readable_path(lang: Lang, path: &str) -> String {
    let mut parts = Vec::new();
    for (k, segment) in path.split('.').enumerate() {
        let (name, index) = match segment.split_once('[') {
            Some((n, rest)) => (n, Some(rest.trim_end_matches(']'))),
            None => (segment, None),
        };
        // The first segment names the item, which `place` already says, except for the
        // budget, the statement and the deficits, whose year or row is the point.
        if k == 0 {
            match (name, index) {
                ("budget" | "statement", Some(year)) => parts.push(year.to_string()),
                ("unrestored_deficits", Some(row)) => {
                    parts.push(format!("{} {row}", lang.t(T::EarlierDeficitRow)))
                }
                ("appraisal", _) => parts.push(lang.t(T::ProbAppraisal).to_string()),
                ("accounts", _) => parts.push(lang.t(T::ProbAccounts).to_string()),
                (n, None) => parts.push(field_name(lang, n).to_string()),
                _ => {}
            }
            continue;
        }
        let row = |what: T| match index {
            Some(i) => format!("{} {i}", lang.t(what)),
            None => lang.t(what).to_string(),
        };
        parts.push(match name {
            "costs" => row(T::ProbCostRow),
            "savings" => row(T::ProbSavingsRow),
            "actuals" => row(T::ProbActualsRow),
            "repaid" => row(T::ProbRepaid),
            "payers" => row(T::ProbPayer),
            "discount_bands" => row(T::ProbDiscountBand),

            other => field_name(lang, other).to_string(),
        });
    }
    parts.join(", ")
}

/// A field of the file in words.
fn field_name(lang: Lang, field: &str) -> &str {
    match field {
        "year" => lang.t(T::ProbYear),
        "amount" => lang.t(T::ProbAmount),
        "fund" => lang.t(T::FromTheFund),
        "own" => lang.t(T::OwnBudget),
        "actor" => lang.t(T::ProbActor),
        "from" => lang.t(T::ProbFromYear),
        "to" => lang.t(T::ProbToYear),
        "code" => lang.t(T::ProbCode),
        "name" => lang.t(T::ProbName),
        "owner" => lang.t(T::ProbOwner),
        "ended" => lang.t(T::EndYear),
        "repayment" => lang.t(T::Repayment),
        "share" => lang.t(T::Share),
        "start" => lang.t(T::ProbStartYear),
        "cap" => lang.t(T::ProbCap),
        "instalments" => lang.t(T::ProbInstalments),
        "weight" => lang.t(T::ProbWeight),
        "date" => lang.t(T::ProbDate),
        "deadweight" => lang.t(T::ProbDeadweight),
        "attribution" => lang.t(T::ProbAttribution),
        "drop_off" => lang.t(T::ProbDropOff),
        "optimism_bias" => lang.t(T::ProbOptimismBias),
        "low" => lang.t(T::Low),
        "high" => lang.t(T::High),
        "result_before_fund" => lang.t(T::ProbResultBeforeFund),
        "realisation_gains" => lang.t(T::ProbRealisationGains),
        "exemption_adjustment" => lang.t(T::ExemptionAdjustment),
        "securities_adjustment" => lang.t(T::SecuritiesAdjustment),
        "reserve_reservation" => lang.t(T::ReservationReserve),
        "reserve_use" => lang.t(T::UseReserve),
        "special_reasons" => lang.t(T::SpecialReasons),
        "special_reasons_note" => lang.t(T::JustificationSpecialReasons),
        "tax_base" => lang.t(T::TaxRevenueGrants),
        "unfunded" => lang.t(T::ProbUnfunded),
        "uncommitted" => lang.t(T::ProbUncommittedBalance),
        "closing" => lang.t(T::ProbClosingBalance),
        "voucher_series" => lang.t(T::ProbVoucherSeries),
        "bank" => lang.t(T::BankAccount),
        "cost_optimism_bias" => lang.t(T::ProbCostOptimismBias),
        "rate" => lang.t(T::Rate),
        "from_year" => lang.t(T::ProbFromYear),
        "discount_rate" => lang.t(T::ProbDiscountRate),
        "holder" => lang.t(T::ProbHolder),
        "first_year" => lang.t(T::ProbFirstYear),
        "years" => lang.t(T::ProbYears),
        "closed_through" => lang.t(T::ProbClosedThrough),
        "org_number" => lang.t(T::OrganisationNumber),
        "organisation" => lang.t(T::ProbOrganisation),
        "format" => lang.t(T::FileFormat),
        "initiatives" => lang.t(T::ProbTheInitiatives),
        "savings_factor" => lang.t(T::ProbSavings),
        "cost_factor" => lang.t(T::ProbCosts),
        "delay" => lang.t(T::ProbDelay),
        other => other,
    }
}

/// Where an issue is, in words: the item and, inside it, the row and field.
pub fn place(cx: &ViewCtx<'_>, location: Location, path: &str) -> String {
    let lang = cx.lang;
    let fund = cx.fund;
    let what = match location {
        Location::Initiative(i) => fund
            .initiatives
            .get(i)
            .map(|ini| format!("{} {}", lang.t(T::InitiativeOne), ini.code))
            .unwrap_or_default(),
        Location::Fund => lang.t(T::FundSection).to_string(),
        Location::Actor(i) => fund
            .actors
            .get(i)
            .map(|a| format!("{} {}", lang.t(T::Actors), a.code))
            .unwrap_or_default(),
        Location::Capital(i) => format!("{} {}", lang.t(T::CapitalEvents), i + 1),
        Location::Budget(_) => lang.t(T::BudgetInputs).to_string(),
        Location::Scenario(i) => fund
            .scenarios
            .get(i)
            .map(|s| format!("{} {}", lang.t(T::Scenario), s.name))
            .unwrap_or_default(),
    };
    let inside = readable_path(lang, path);
    if inside.is_empty() {
        what
    } else {
        format!("{what} · {inside}")
    }
}
