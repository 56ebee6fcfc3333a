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
                ("unrestored_deficits", Some(row)) => parts.push(format!(
                    "{} {row}",
                    lang.pick("underskott från tidigare år, rad", "earlier deficit, row")
                )),
                ("appraisal", _) => parts.push(
                    lang.pick("samhällsekonomisk bedömning", "appraisal")
                        .to_string(),
                ),
                ("accounts", _) => parts.push(lang.pick("konton", "accounts").to_string()),
                (n, None) => parts.push(field_name(lang, n).to_string()),
                _ => {}
            }
            continue;
        }
        let row = |sv: &str, en: &str| match index {
            Some(i) => format!("{} {i}", lang.pick(sv, en)),
            None => lang.pick(sv, en).to_string(),
        };
        parts.push(match name {
            "costs" => row("kostnadsrad", "cost row"),
            "savings" => row("besparingsrad", "savings row"),
            "actuals" => row("utfall, rad", "actual figures, row"),
            "repaid" => row("återbetalning", "repayment"),
            "payers" => row("betalare", "payer"),
            "discount_bands" => row("diskonteringsperiod", "discount band"),
            other => field_name(lang, other).to_string(),
        });
    }
    parts.join(", ")
}

/// A field of the file in words.
fn field_name(lang: Lang, field: &str) -> &str {
    match field {
        "year" => lang.pick("år", "year"),
        "amount" => lang.pick("belopp", "amount"),
        "fund" => lang.pick("från fonden", "from the fund"),
        "own" => lang.pick("egen budget", "own budget"),
        "actor" => lang.pick("aktör", "actor"),
        "from" => lang.pick("från år", "from year"),
        "to" => lang.pick("till år", "to year"),
        "code" => lang.pick("kod", "code"),
        "name" => lang.pick("namn", "name"),
        "owner" => lang.pick("ägare", "owner"),
        "ended" => lang.pick("slutår", "end year"),
        "repayment" => lang.pick("återföring", "repayment"),
        "share" => lang.pick("andel", "share"),
        "start" => lang.pick("startår", "start year"),
        "cap" => lang.pick("tak", "cap"),
        "instalments" => lang.pick("delbetalningar", "instalments"),
        "weight" => lang.pick("vikt", "weight"),
        "date" => lang.pick("datum", "date"),
        "deadweight" => lang.pick("dödvikt", "deadweight"),
        "attribution" => lang.pick("tillskrivning", "attribution"),
        "drop_off" => lang.pick("avtagande effekt", "drop-off"),
        "optimism_bias" => lang.pick("optimismjustering", "optimism bias"),
        "low" => lang.pick("lågt", "low"),
        "high" => lang.pick("högt", "high"),
        "result_before_fund" => lang.pick("resultat före fonden", "result before the fund"),
        "realisation_gains" => lang.pick("realisationsvinster", "realisation gains"),
        "exemption_adjustment" => lang.pick("undantagsmöjlighet", "exemption adjustment"),
        "securities_adjustment" => lang.pick("värdepapper", "securities adjustment"),
        "reserve_reservation" => lang.pick(
            "reservering till resultatreserv",
            "reservation to the reserve",
        ),
        "reserve_use" => lang.pick("användning av resultatreserv", "use of the reserve"),
        "special_reasons" => lang.pick("synnerliga skäl", "special reasons"),
        "special_reasons_note" => lang.pick(
            "motivering för synnerliga skäl",
            "justification of special reasons",
        ),
        "tax_base" => lang.pick("skatteintäkter och statsbidrag", "tax revenue and grants"),
        "unfunded" => lang.pick("ofinansierat", "unfunded"),
        "uncommitted" => lang.pick("ointecknat saldo", "uncommitted balance"),
        "closing" => lang.pick("utgående saldo", "closing balance"),
        "voucher_series" => lang.pick("verifikationsserie", "voucher series"),
        "bank" => lang.pick("bankkonto", "bank account"),
        "cost_optimism_bias" => lang.pick("optimismjustering av kostnader", "cost optimism bias"),
        "rate" => lang.pick("ränta", "rate"),
        "from_year" => lang.pick("från år", "from year"),
        "discount_rate" => lang.pick("diskonteringsränta", "discount rate"),
        "holder" => lang.pick("förvaltare", "holder"),
        "first_year" => lang.pick("första år", "first year"),
        "years" => lang.pick("antal år", "years"),
        "closed_through" => lang.pick("stängt till och med", "closed through"),
        "org_number" => lang.pick("organisationsnummer", "organisation number"),
        "organisation" => lang.pick("organisation", "organisation"),
        "format" => lang.pick("filformat", "file format"),
        "initiatives" => lang.pick("insatserna", "the initiatives"),
        "savings_factor" => lang.pick("besparingar (%)", "savings (%)"),
        "cost_factor" => lang.pick("kostnader (%)", "costs (%)"),
        "delay" => lang.pick("förskjutning", "delay"),
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
