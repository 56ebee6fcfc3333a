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

use super::{FormField, ViewCtx};
use crate::command::{Command, Edit, FundSettings};
use crate::i18n::{self, Lang, T};
use crate::state::{FieldBuffers, UiState};
use crate::widgets::{self, Name, commit_field, form_label, money_field, section, text_field};

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
        ui.label(RichText::new(cx.lang.t(T::FundSettingsNotShownPresentation)).weak());
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
/// A section's heading, scrolled into view when a problem in the section was followed here.
fn heading(ui: &mut Ui, lang: Lang, what: T, focus: Focus, here: impl Fn(Location) -> bool) {
    ui.add_space(8.0);
    let r = ui.label(RichText::new(lang.t(what)).strong().size(16.0));
    if focus.scroll && focus.at.is_some_and(here) {
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
            FormField::labelled(lang, T::CostOptimismBias)
                .width(60.0)
                .int(
                    ui,
                    fields,
                    fid("cost_optimism_bias", 0),
                    &mut a.cost_optimism_bias,
                );
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
                FormField::row(lang, T::BandFromYear, k).width(60.0).int(
                    ui,
                    fields,
                    fid("band_from_year", k),
                    &mut band.from_year,
                );
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
                if super::remove_button(ui, lang, T::RemoveBand, k) {
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
    heading(ui, lang, T::FundSection, focus, |l| {
        matches!(l, Location::Fund)
    });
    egui::Grid::new("fund_settings")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            FormField::labelled(lang, T::FundName).width(360.0).text(
                ui,
                fields,
                fid("name", 0),
                &mut s.name,
                true,
            );
            field_note(ui, cx, "name");
            ui.end_row();
            FormField::labelled(lang, T::Organisation)
                .width(360.0)
                .text(
                    ui,
                    fields,
                    fid("organisation", 0),
                    &mut s.organisation,
                    true,
                );
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
            super::choose(ui, "model", Name::By(l), &mut s.model, &models, 220.0);
            field_note(ui, cx, "model");
            ui.end_row();
            FormField::labelled(lang, T::FirstYear).width(70.0).year(
                ui,
                fields,
                fid("first_year", 0),
                &mut s.first_year,
            );
            field_note(ui, cx, "first_year");
            ui.end_row();
            FormField::labelled(lang, T::Years).width(70.0).int(
                ui,
                fields,
                fid("years", 0),
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
            super::choose(ui, "holder", Name::By(l), &mut s.holder, &committees, 260.0);
            field_note(ui, cx, "holder");
            ui.end_row();
            FormField::labelled(lang, T::ClosedThrough)
                .width(70.0)
                .optional_year(ui, fields, fid("closed_through", 0), &mut s.closed_through);

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
        if let Repayment::Fixed(fixed) = &mut i.repayment {
            let payers = &mut fixed.payers;
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
    heading(ui, lang, T::Actors, focus, |l| {
        matches!(l, Location::Actor(_))
    });
    let mut actors = fund.actors.clone();
    let mut rename: Option<(String, String)> = None;
    let mut remove = None;
    let kinds = [ActorKind::Committee, ActorKind::External]
        .map(|k| (k, i18n::actor_kind(lang, k).to_string()));
    super::list_grid("actors", 4).show(ui, |ui| {
        super::header_row(ui, lang, &[T::Code, T::Name, T::Kind], 1);
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
            FormField::row(lang, T::Name, k).width(280.0).text(
                ui,
                fields,
                fid("actor_name", k),
                &mut actor.name,
                true,
            );
            FormField::row(lang, T::Kind, k).width(140.0).choice(
                ui,
                ("actor_kind", k),
                &mut actor.kind,
                &kinds,
            );
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
            name: lang.t(T::NewCommittee).to_string(),
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
    heading(ui, lang, T::CapitalEvents, focus, |l| {
        matches!(l, Location::Capital(_))
    });
    let mut capital = fund.capital.clone();
    let kinds = [CapitalKind::Earmark, CapitalKind::Release]
        .map(|k| (k, i18n::capital_kind(lang, k).to_string()));
    let editor = super::ListEditor {
        grid: "capital",
        columns: &[T::Date, T::Amount, T::Kind, T::Note],
        remove: T::RemoveCapital,
        add: T::AddCapital,
        marked: false,
    };
    editor.show(
        ui,
        lang,
        &mut capital,
        |ui, k, ev| {
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
            FormField::row(lang, T::Amount, k).width(130.0).money(
                ui,
                fields,
                fid("capital_amount", k),
                &mut ev.amount,
                false,
            );
            FormField::row(lang, T::Kind, k).width(240.0).choice(
                ui,
                ("capital_kind", k),
                &mut ev.kind,
                &kinds,
            );
            FormField::row(lang, T::Note, k).width(220.0).text(
                ui,
                fields,
                fid("capital_note", k),
                &mut ev.note,
                false,
            );
        },
        |_| CapitalEvent {
            date: format!("{}-01-01", fund.first_year).into(),
            amount: Money::ZERO,
            kind: CapitalKind::Earmark,
            note: String::new(),
        },
    );
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
    heading(ui, lang, T::BudgetInputs, focus, |l| {
        matches!(l, Location::Budget(_))
    });
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
    super::list_grid("budget", 3).show(ui, |ui| {
        super::header_row(
            ui,
            lang,
            &[T::Year, T::ResultBeforeFund, T::RealisationGains],
            0,
        );
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
    heading(ui, lang, T::Scenarios, focus, |l| {
        matches!(l, Location::Scenario(_))
    });
    let mut scenarios = fund.scenarios.clone();
    let editor = super::ListEditor {
        grid: "scenarios",
        columns: &[T::ScenarioName, T::SavingsFactor, T::CostFactor, T::Delay],
        remove: T::RemoveScenario,
        add: T::AddScenario,
        marked: false,
    };
    editor.show(
        ui,
        lang,
        &mut scenarios,
        |ui, k, s| {
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
            FormField::row(lang, T::SavingsFactor, k).width(70.0).int(
                ui,
                fields,
                fid("scenario_savings", k),
                &mut s.savings_factor,
            );
            FormField::row(lang, T::CostFactor, k).width(70.0).int(
                ui,
                fields,
                fid("scenario_cost", k),
                &mut s.cost_factor,
            );
            FormField::row(lang, T::Delay, k).width(50.0).int(
                ui,
                fields,
                fid("scenario_delay", k),
                &mut s.delay,
            );
        },
        |_| sif::model::Scenario {
            name: (1..)
                .map(|n| format!("{} {n}", lang.t(T::Scenario)))
                .find(|c| !fund.scenarios.iter().any(|s| &s.name == c))
                .unwrap_or_default(),
            savings_factor: 100,
            cost_factor: 100,
            delay: 0,
        },
    );
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
