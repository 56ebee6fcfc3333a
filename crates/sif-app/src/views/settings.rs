//! Fund settings: the fund's own fields, the actors, the capital events, the budget inputs per
//! year and the ledger accounts. Like the initiative editor, each section edits a copy and
//! emits one edit when the copy differs.

use eframe::egui::{self, Align, Id, RichText, Ui};
use sif::model::{
    Accounts, Actor, ActorKind, BudgetYear, CapitalEvent, CapitalKind, Fund, FundingModel,
    Repayment,
};
use sif::money::Money;
use sif::validate::Location;

use super::ViewCtx;
use crate::command::{Command, Edit, FundSettings};
use crate::i18n::{self, T};
use crate::state::{FieldBuffers, UiState};
use crate::widgets::{
    self, Field, Name, choice, commit_field, form_label, money_field, section, text_field,
};

/// Where the problem chosen in the Problems view is, and whether to scroll to it this frame.
#[derive(Debug, Clone, Copy)]
struct Focus {
    at: Option<Location>,
    scroll: bool,
}

fn fid(what: &str, row: usize) -> Id {
    Id::unique(("settings", what, row))
}

pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    // The place of a chosen problem stays marked while the problem is there; the view
    // scrolls to it once.
    let focus = Focus {
        at: st
            .settings_focus
            .filter(|loc| cx.analysis.report.issues.iter().any(|i| i.location == *loc)),
        scroll: std::mem::take(&mut st.settings_scroll),
    };
    if cx.presenting {
        // The settings only edit; presentation mode shows no editor.
        ui.add_space(12.0);
        ui.label(
            RichText::new(cx.lang.pick(
                "Fondinställningarna visas inte i presentationsläget (F5 avslutar det).",
                "The fund settings are not shown in presentation mode (F5 leaves it).",
            ))
            .weak(),
        );
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("settings")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            fund_ui(ui, cx, &mut st.fields, focus, out);
            appraisal_ui(ui, cx, &mut st.fields, out);
            actors_ui(ui, cx, &mut st.fields, focus, out);
            capital_ui(ui, cx, &mut st.fields, focus, out);
            budget_ui(ui, cx, &mut st.fields, focus, out);
            scenarios_ui(ui, cx, &mut st.fields, focus, out);
            accounts_ui(ui, cx, &mut st.fields, out);
        });
}

/// Bring a section into view when a problem there was chosen.
fn heading(ui: &mut Ui, text: &str, scroll: bool) {
    ui.add_space(8.0);
    let r = ui.label(RichText::new(text).strong().size(16.0));
    if scroll {
        r.scroll_to_me(Some(Align::TOP));
    }
    ui.add_space(2.0);
}

/// The problem with a fund-level field, beside it (validation paths are the field names).
fn field_note(ui: &mut Ui, cx: &ViewCtx<'_>, path: &str) {
    if let Some(issue) = cx
        .analysis
        .report
        .issues
        .iter()
        .find(|i| i.location == Location::Fund && i.path == path)
    {
        let color = if issue.is_error() {
            widgets::error_color(ui)
        } else {
            widgets::warn_color(ui)
        };
        ui.label(RichText::new(issue.message(cx.lang.is_sv())).color(color));
    }
}

/// The adjusted appraisal's fund-wide settings (SPEC §4.7): the optimism bias on costs and
/// the discount bands, with HM Treasury's Green Book bands one click away.
fn appraisal_ui(ui: &mut Ui, cx: &ViewCtx<'_>, fields: &mut FieldBuffers, out: &mut Vec<Command>) {
    let lang = cx.lang;
    let fund = cx.fund;
    let original = &fund.appraisal;
    let mut a = original.clone();
    section(ui, lang.t(T::AdjustedAppraisal));
    ui.label(RichText::new(lang.t(T::AppraisalSettingsHelp)).weak());
    egui::Grid::new("appraisal_settings")
        .num_columns(3)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            let l = form_label(ui, lang.t(T::CostOptimismBias));
            Field::new(fid("cost_optimism_bias", 0), Name::By(l))
                .width(60.0)
                .int(ui, fields, lang, &mut a.cost_optimism_bias);
            field_note(ui, cx, "appraisal.cost_optimism_bias");
            ui.end_row();
        });
    ui.label(RichText::new(lang.t(T::DiscountBands)).strong());
    let mut remove = None;
    egui::Grid::new("discount_bands")
        .num_columns(4)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new(lang.t(T::BandFromYear)).strong());
            ui.label(RichText::new(lang.t(T::BandRate)).strong());
            ui.label("");
            ui.label("");
            ui.end_row();
            for (k, band) in a.discount_bands.iter_mut().enumerate() {
                let name = i18n::row_label(lang, T::BandFromYear, k);
                Field::new(fid("band_from_year", k), Name::Text(&name))
                    .width(60.0)
                    .int(ui, fields, lang, &mut band.from_year);
                let name = i18n::row_label(lang, T::DiscountRate, k);
                if let Some(v) = commit_field(
                    ui,
                    fields,
                    fid("band_rate", k),
                    Name::Text(&name),
                    &i18n::percent_value(lang, band.rate),
                    70.0,
                    true,
                    |t| i18n::parse_percent(t).ok_or_else(|| lang.t(T::NotAPercent).to_string()),
                ) {
                    band.rate = v;
                }
                if ui
                    .small_button("×")
                    .accessible_name(i18n::remove_label(lang, T::RemoveBand, k))
                    .on_hover_text(lang.t(T::RemoveBand))
                    .clicked()
                {
                    remove = Some(k);
                }
                field_note(ui, cx, &format!("appraisal.discount_bands[{}].rate", k + 1));
                ui.end_row();
            }
        });
    if let Some(k) = remove {
        a.discount_bands.remove(k);
    }
    ui.horizontal(|ui| {
        if ui.button(lang.t(T::AddBand)).clicked() {
            let from_year = a
                .discount_bands
                .iter()
                .map(|b| b.from_year)
                .max()
                .unwrap_or(0)
                + 1;
            a.discount_bands.push(sif::model::DiscountBand {
                from_year,
                rate: fund.discount_rate,
            });
        }
        if ui
            .button(lang.t(T::GreenBookBands))
            .on_hover_text(lang.t(T::GreenBookHelp))
            .clicked()
        {
            // 3.5 % for years 0–30 (the fund's rate), 3.0 % from year 31.
            a.discount_bands = vec![
                sif::model::DiscountBand {
                    from_year: 1,
                    rate: 3.5,
                },
                sif::model::DiscountBand {
                    from_year: 31,
                    rate: 3.0,
                },
            ];
        }
    });
    if a != *original {
        let mut whole = fund.clone();
        whole.appraisal = a;
        out.push(Command::Edit(Edit::Whole(Box::new(whole))));
    }
}

fn fund_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    fields: &mut FieldBuffers,
    focus: Focus,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let fund = cx.fund;
    let original = FundSettings::of(fund);
    let mut s = original.clone();
    heading(
        ui,
        lang.t(T::FundSection),
        focus.scroll && matches!(focus.at, Some(Location::Fund)),
    );
    egui::Grid::new("fund_settings")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            let l = form_label(ui, lang.t(T::FundName));
            if let Some(v) = text_field(
                ui,
                fields,
                fid("name", 0),
                Name::By(l),
                lang,
                &s.name,
                true,
                360.0,
            ) {
                s.name = v;
            }
            field_note(ui, cx, "name");
            ui.end_row();
            let l = form_label(ui, lang.t(T::Organisation));
            if let Some(v) = text_field(
                ui,
                fields,
                fid("organisation", 0),
                Name::By(l),
                lang,
                &s.organisation,
                true,
                360.0,
            ) {
                s.organisation = v;
            }
            field_note(ui, cx, "organisation");
            ui.end_row();
            let l = form_label(ui, lang.t(T::OrgNumber));
            let org = s.org_number.clone().unwrap_or_default();
            if let Some(v) = text_field(
                ui,
                fields,
                fid("org_number", 0),
                Name::By(l),
                lang,
                &org,
                false,
                140.0,
            ) {
                s.org_number = (!v.is_empty()).then_some(v);
            }
            field_note(ui, cx, "org_number");
            ui.end_row();
            let l = form_label(ui, lang.t(T::FundingModel));
            let models = [
                FundingModel::EarmarkedEquity,
                FundingModel::AnnualAppropriation,
            ]
            .map(|m| (m, i18n::funding_model(lang, m).to_string()));
            if let Some(v) = choice(ui, "model", Name::By(l), &s.model, &models, 220.0) {
                s.model = v;
            }
            field_note(ui, cx, "model");
            ui.end_row();
            let l = form_label(ui, lang.t(T::FirstYear));
            Field::new(fid("first_year", 0), Name::By(l))
                .width(70.0)
                .year(ui, fields, lang, &mut s.first_year);
            field_note(ui, cx, "first_year");
            ui.end_row();
            let l = form_label(ui, lang.t(T::Years));
            Field::new(fid("years", 0), Name::By(l)).width(70.0).int(
                ui,
                fields,
                lang,
                &mut s.years,
            );
            field_note(ui, cx, "years");
            ui.end_row();
            let l = form_label(ui, lang.t(T::DiscountRate));
            if let Some(v) = commit_field(
                ui,
                fields,
                fid("discount_rate", 0),
                Name::By(l),
                &i18n::percent_value(lang, s.discount_rate),
                70.0,
                true,
                |t| i18n::parse_percent(t).ok_or_else(|| lang.t(T::NotAPercent).to_string()),
            ) {
                s.discount_rate = v;
            }
            field_note(ui, cx, "discount_rate");
            ui.end_row();
            let l = form_label(ui, lang.t(T::Holder));
            let committees: Vec<(String, String)> = fund
                .actors
                .iter()
                .filter(|a| a.kind == ActorKind::Committee)
                .map(|a| (a.code.clone(), format!("{} – {}", a.code, a.name)))
                .collect();
            if let Some(v) = choice(ui, "holder", Name::By(l), &s.holder, &committees, 260.0) {
                s.holder = v;
            }
            field_note(ui, cx, "holder");
            ui.end_row();
            let l = form_label(ui, lang.t(T::ClosedThrough));
            let display = s.closed_through.map(|y| y.to_string()).unwrap_or_default();
            if let Some(v) = commit_field(
                ui,
                fields,
                fid("closed_through", 0),
                Name::By(l),
                &display,
                70.0,
                true,
                |t| {
                    if t.trim().is_empty() {
                        return Ok(None);
                    }
                    match i18n::parse_int(t) {
                        Some(y) if (1000..=9999).contains(&y) => Ok(Some(y)),
                        _ => Err(lang.t(T::NotAYear).to_string()),
                    }
                },
            ) {
                s.closed_through = v;
            }
            field_note(ui, cx, "closed_through");
            ui.end_row();
        });
    if s != original {
        out.push(Command::Edit(Edit::Settings(Box::new(s))));
    }
}

/// The fund with every reference to actor `old` changed to `new`.
fn rename_actor(fund: &Fund, old: &str, new: &str) -> Fund {
    let mut f = fund.clone();
    let fix = |s: &mut String| {
        if s == old {
            *s = new.to_string();
        }
    };
    for a in &mut f.actors {
        fix(&mut a.code);
    }
    fix(&mut f.holder);
    for i in &mut f.initiatives {
        fix(&mut i.owner);
        for s in &mut i.savings {
            fix(&mut s.actor);
        }
        if let Repayment::Fixed { payers, .. } = &mut i.repayment {
            for p in payers {
                fix(&mut p.actor);
            }
        }
        for a in &mut i.actuals {
            for r in &mut a.repaid {
                fix(&mut r.actor);
            }
        }
    }
    f
}

fn highlight(ui: &mut Ui, on: bool) {
    if on {
        let rect = ui.min_rect();
        ui.painter().rect_stroke(
            rect.expand(2.0),
            2.0,
            egui::Stroke::new(2.0, widgets::warn_color(ui)),
            egui::StrokeKind::Outside,
        );
    }
}

fn actors_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    fields: &mut FieldBuffers,
    focus: Focus,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let fund = cx.fund;
    heading(
        ui,
        lang.t(T::Actors),
        focus.scroll && matches!(focus.at, Some(Location::Actor(_))),
    );
    let mut actors = fund.actors.clone();
    let mut rename: Option<(String, String)> = None;
    let mut remove = None;
    let kinds = [ActorKind::Committee, ActorKind::External]
        .map(|k| (k, i18n::actor_kind(lang, k).to_string()));
    egui::Grid::new("actors")
        .num_columns(4)
        .spacing([12.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for t in [T::Code, T::Name, T::Kind] {
                ui.label(RichText::new(lang.t(t)).strong());
            }
            ui.label("");
            ui.end_row();
            for (k, actor) in actors.iter_mut().enumerate() {
                let name = i18n::row_label(lang, T::Code, k);
                let old = actor.code.clone();
                let resp = ui.scope(|ui| {
                    commit_field(
                        ui,
                        fields,
                        fid("actor_code", k),
                        Name::Text(&name),
                        &old,
                        70.0,
                        false,
                        |t| {
                            let t = t.trim();
                            if t.is_empty() {
                                Err(lang.t(T::EmptyNotAllowed).to_string())
                            } else if t != old && fund.actors.iter().any(|a| a.code == t) {
                                Err(lang.t(T::CodeTaken).to_string())
                            } else {
                                Ok(t.to_string())
                            }
                        },
                    )
                });
                highlight(ui, focus.at == Some(Location::Actor(k)));
                if let Some(new) = resp.inner.filter(|n| *n != old) {
                    rename = Some((old.clone(), new));
                }
                let name = i18n::row_label(lang, T::Name, k);
                if let Some(v) = text_field(
                    ui,
                    fields,
                    fid("actor_name", k),
                    Name::Text(&name),
                    lang,
                    &actor.name,
                    true,
                    280.0,
                ) {
                    actor.name = v;
                }
                let name = i18n::row_label(lang, T::Kind, k);
                if let Some(v) = choice(
                    ui,
                    ("actor_kind", k),
                    Name::Text(&name),
                    &actor.kind,
                    &kinds,
                    140.0,
                ) {
                    actor.kind = v;
                }
                // Cached with the analysis; a just-added row (not yet analysed) is not in use.
                let in_use = cx.analysis.actor_in_use.get(k).copied().unwrap_or(false);
                let r = ui
                    .add_enabled(!in_use, egui::Button::new("×").small())
                    .accessible_name(i18n::remove_label(lang, T::RemoveActor, k));
                let r = if in_use {
                    r.on_disabled_hover_text(i18n::cannot_delete_actor(lang, &actor.code))
                } else {
                    r.on_hover_text(lang.t(T::RemoveActor))
                };
                if r.clicked() {
                    remove = Some(k);
                }
                ui.end_row();
            }
        });
    if ui.button(lang.t(T::AddActor)).clicked() {
        let code = (1..)
            .map(|n| format!("A{n}"))
            .find(|c| !fund.actors.iter().any(|a| &a.code == c))
            .unwrap_or_default();
        actors.push(Actor {
            code,
            name: lang.pick("Ny nämnd", "New committee").to_string(),
            kind: ActorKind::Committee,
        });
    }
    if let Some((old, new)) = rename {
        out.push(Command::Edit(Edit::Whole(Box::new(rename_actor(
            fund, &old, &new,
        )))));
        return;
    }
    if let Some(k) = remove {
        actors.remove(k);
    }
    if actors != fund.actors {
        out.push(Command::Edit(Edit::Actors(actors)));
    }
}

fn capital_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    fields: &mut FieldBuffers,
    focus: Focus,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let fund = cx.fund;
    heading(
        ui,
        lang.t(T::CapitalEvents),
        focus.scroll && matches!(focus.at, Some(Location::Capital(_))),
    );
    let mut capital = fund.capital.clone();
    let mut remove = None;
    let kinds = [CapitalKind::Earmark, CapitalKind::Release]
        .map(|k| (k, i18n::capital_kind(lang, k).to_string()));
    egui::Grid::new("capital")
        .num_columns(5)
        .spacing([12.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for t in [T::Date, T::Amount, T::Kind, T::Note] {
                ui.label(RichText::new(lang.t(t)).strong());
            }
            ui.label("");
            ui.end_row();
            for (k, ev) in capital.iter_mut().enumerate() {
                let name = i18n::row_label(lang, T::Date, k);
                let r = ui.scope(|ui| {
                    commit_field(
                        ui,
                        fields,
                        fid("capital_date", k),
                        Name::Text(&name),
                        &i18n::date(lang, &ev.date),
                        110.0,
                        false,
                        |t| i18n::parse_date(t).ok_or_else(|| lang.t(T::NotADate).to_string()),
                    )
                });
                highlight(ui, focus.at == Some(Location::Capital(k)));
                if let Some(d) = r.inner {
                    ev.date = d.into();
                }
                let name = i18n::row_label(lang, T::Amount, k);
                Field::new(fid("capital_amount", k), Name::Text(&name))
                    .width(130.0)
                    .money(ui, fields, lang, &mut ev.amount, false);
                let name = i18n::row_label(lang, T::Kind, k);
                if let Some(v) = choice(
                    ui,
                    ("capital_kind", k),
                    Name::Text(&name),
                    &ev.kind,
                    &kinds,
                    240.0,
                ) {
                    ev.kind = v;
                }
                let name = i18n::row_label(lang, T::Note, k);
                if let Some(v) = text_field(
                    ui,
                    fields,
                    fid("capital_note", k),
                    Name::Text(&name),
                    lang,
                    &ev.note,
                    false,
                    220.0,
                ) {
                    ev.note = v;
                }
                if ui
                    .small_button("×")
                    .accessible_name(i18n::remove_label(lang, T::RemoveCapital, k))
                    .on_hover_text(lang.t(T::RemoveCapital))
                    .clicked()
                {
                    remove = Some(k);
                }
                ui.end_row();
            }
        });
    if let Some(k) = remove {
        capital.remove(k);
    }
    if ui.button(lang.t(T::AddCapital)).clicked() {
        capital.push(CapitalEvent {
            date: format!("{}-01-01", fund.first_year).into(),
            amount: Money::ZERO,
            kind: CapitalKind::Earmark,
            note: String::new(),
        });
    }
    if capital != fund.capital {
        out.push(Command::Edit(Edit::Capital(capital)));
    }
}

fn budget_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    fields: &mut FieldBuffers,
    focus: Focus,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let fund = cx.fund;
    heading(
        ui,
        lang.t(T::BudgetInputs),
        focus.scroll && matches!(focus.at, Some(Location::Budget(_))),
    );
    let mut budget = fund.budget.clone();
    // One row per year of the horizon; a year without an entry counts as zeros (SPEC §3).
    // Entries outside the horizon (an error) are listed after, so they can be fixed.
    let mut years: Vec<i32> = fund.horizon().collect();
    if years.len() > 60 {
        years.truncate(60);
    }
    for b in &fund.budget {
        if !years.contains(&b.year) {
            years.push(b.year);
        }
    }
    egui::Grid::new("budget")
        .num_columns(3)
        .spacing([12.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for t in [T::Year, T::ResultBeforeFund, T::RealisationGains] {
                ui.label(RichText::new(lang.t(t)).strong());
            }
            ui.end_row();
            for (row, &year) in years.iter().enumerate() {
                let entry = budget.iter().position(|b| b.year == year);
                let r = ui.label(year.to_string());
                if let Some(Location::Budget(i)) = focus.at
                    && Some(i) == entry
                {
                    if focus.scroll {
                        r.scroll_to_me(Some(Align::Center));
                    }
                    highlight(ui, true);
                }
                let (result, gains) = entry.map_or((Money::ZERO, Money::ZERO), |i| {
                    (budget[i].result_before_fund, budget[i].realisation_gains)
                });
                let name = format!("{} {year}", lang.t(T::ResultBeforeFund));
                let new_result = money_field(
                    ui,
                    fields,
                    fid("budget_result", row),
                    Name::Text(&name),
                    lang,
                    result,
                    true,
                    140.0,
                );
                let name = format!("{} {year}", lang.t(T::RealisationGains));
                let new_gains = money_field(
                    ui,
                    fields,
                    fid("budget_gains", row),
                    Name::Text(&name),
                    lang,
                    gains,
                    false,
                    140.0,
                );
                if new_result.is_some() || new_gains.is_some() {
                    match entry {
                        Some(i) => {
                            budget[i].result_before_fund = new_result.unwrap_or(result);
                            budget[i].realisation_gains = new_gains.unwrap_or(gains);
                        }
                        None => {
                            let mut value = BudgetYear::new(year, new_result.unwrap_or(result));
                            value.realisation_gains = new_gains.unwrap_or(gains);
                            let at = budget.partition_point(|b| b.year < year);
                            budget.insert(at, value);
                        }
                    }
                }
                ui.end_row();
            }
        });
    if budget != fund.budget {
        out.push(Command::Edit(Edit::Budget(budget)));
    }
}

fn scenarios_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    fields: &mut FieldBuffers,
    focus: Focus,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let fund = cx.fund;
    heading(
        ui,
        lang.t(T::Scenarios),
        focus.scroll && matches!(focus.at, Some(Location::Scenario(_))),
    );
    let mut scenarios = fund.scenarios.clone();
    let mut remove = None;
    egui::Grid::new("scenarios")
        .num_columns(5)
        .spacing([12.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for t in [T::ScenarioName, T::SavingsFactor, T::CostFactor, T::Delay] {
                ui.label(RichText::new(lang.t(t)).strong());
            }
            ui.label("");
            ui.end_row();
            for (k, s) in scenarios.iter_mut().enumerate() {
                let name = i18n::row_label(lang, T::ScenarioName, k);
                let r = ui.scope(|ui| {
                    text_field(
                        ui,
                        fields,
                        fid("scenario_name", k),
                        Name::Text(&name),
                        lang,
                        &s.name,
                        true,
                        200.0,
                    )
                });
                highlight(ui, focus.at == Some(Location::Scenario(k)));
                if let Some(v) = r.inner {
                    s.name = v;
                }
                let name = i18n::row_label(lang, T::SavingsFactor, k);
                Field::new(fid("scenario_savings", k), Name::Text(&name))
                    .width(70.0)
                    .int(ui, fields, lang, &mut s.savings_factor);
                let name = i18n::row_label(lang, T::CostFactor, k);
                Field::new(fid("scenario_cost", k), Name::Text(&name))
                    .width(70.0)
                    .int(ui, fields, lang, &mut s.cost_factor);
                let name = i18n::row_label(lang, T::Delay, k);
                Field::new(fid("scenario_delay", k), Name::Text(&name))
                    .width(50.0)
                    .int(ui, fields, lang, &mut s.delay);
                if ui
                    .small_button("×")
                    .accessible_name(i18n::remove_label(lang, T::RemoveScenario, k))
                    .on_hover_text(lang.t(T::RemoveScenario))
                    .clicked()
                {
                    remove = Some(k);
                }
                ui.end_row();
            }
        });
    if let Some(k) = remove {
        scenarios.remove(k);
    }
    if ui.button(lang.t(T::AddScenario)).clicked() {
        let name = (1..)
            .map(|n| format!("{} {n}", lang.pick("Scenario", "Scenario")))
            .find(|c| !fund.scenarios.iter().any(|s| &s.name == c))
            .unwrap_or_default();
        scenarios.push(sif::model::Scenario {
            name,
            savings_factor: 100,
            cost_factor: 100,
            delay: 0,
        });
    }
    if scenarios != fund.scenarios {
        out.push(Command::Edit(Edit::Scenarios(scenarios)));
    }
}

fn accounts_ui(ui: &mut Ui, cx: &ViewCtx<'_>, fields: &mut FieldBuffers, out: &mut Vec<Command>) {
    let lang = cx.lang;
    section(ui, lang.t(T::Accounts));
    ui.label(RichText::new(lang.t(T::AccountsNote)).weak());
    let original = &cx.fund.accounts;
    let mut a: Accounts = original.clone();
    egui::Grid::new("accounts")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            let mut row = |ui: &mut Ui, what: T, key: &str, value: &mut u32| {
                let l = form_label(ui, lang.t(what));
                if let Some(v) = commit_field(
                    ui,
                    fields,
                    fid(key, 0),
                    Name::By(l),
                    &value.to_string(),
                    70.0,
                    true,
                    |t| match t.trim().parse::<u32>() {
                        Ok(n) if (1000..=9999).contains(&n) => Ok(n),
                        _ => Err(lang.t(T::NotAnAccount).to_string()),
                    },
                ) {
                    *value = v;
                }
                ui.end_row();
            };
            row(ui, T::AccFundEquity, "acc_fund_equity", &mut a.fund_equity);
            row(ui, T::AccFreeEquity, "acc_free_equity", &mut a.free_equity);
            row(
                ui,
                T::AccInternalIncome,
                "acc_internal_income",
                &mut a.internal_income,
            );
            row(
                ui,
                T::AccInternalCost,
                "acc_internal_cost",
                &mut a.internal_cost,
            );
            row(ui, T::AccStaff, "acc_staff", &mut a.staff);
            row(ui, T::AccServices, "acc_services", &mut a.services);
            row(ui, T::AccOther, "acc_other", &mut a.other);
            let l = form_label(ui, lang.t(T::VoucherSeries));
            if let Some(v) = commit_field(
                ui,
                fields,
                fid("acc_voucher_series", 0),
                Name::By(l),
                &a.voucher_series,
                70.0,
                false,
                |t| {
                    let t = t.trim();
                    if t.is_empty() || t.chars().any(|ch| ch.is_whitespace() || ch == '"') {
                        Err(lang.t(T::NotAVoucherSeries).to_string())
                    } else {
                        Ok(t.to_string())
                    }
                },
            ) {
                a.voucher_series = v;
            }
            ui.end_row();
        });
    if a != *original {
        out.push(Command::Edit(Edit::Accounts(a)));
    }
}
