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

use super::{Form, ViewCtx};
use crate::command::{Command, Edit, FundSettings};
use crate::i18n::{self, T};
use crate::state::{FieldBuffers, UiState};
use crate::widgets::{self, Name, commit_field, form_label, money_field, section};

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
    let mut s = Section {
        cx,
        fields: &mut st.fields,
        focus,
        out,
    };
    egui::ScrollArea::vertical()
        .id_salt("settings")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            fund_ui(ui, &mut s);
            appraisal_ui(ui, &mut s);
            actors_ui(ui, &mut s);
            capital_ui(ui, &mut s);
            budget_ui(ui, &mut s);
            scenarios_ui(ui, &mut s);
            accounts_ui(ui, &mut s);
        });
}

/// What every section of the settings works with: the view's context, the buffers of the
/// fields being typed in, the place of a chosen problem, and the commands it emits.
struct Section<'a> {
    cx: &'a ViewCtx<'a>,
    fields: &'a mut FieldBuffers,
    focus: Focus,
    out: &'a mut Vec<Command>,
}

impl Section<'_> {
    /// The section's heading, scrolled into view when a problem `here` was followed to it.
    fn heading(&self, ui: &mut Ui, what: T, here: impl Fn(Location) -> bool) {
        ui.add_space(8.0);
        let r = ui.label(RichText::new(self.cx.lang.t(what)).strong().size(16.0));
        if self.focus.scroll && self.focus.at.is_some_and(here) {
            r.scroll_to_me(Some(Align::TOP));
        }
        ui.add_space(2.0);
    }

    /// The section's inputs, with the first input of the row a followed problem is in
    /// outlined.
    fn form(&mut self) -> Form<'_> {
        let outlined = match self.focus.at {
            Some(Location::Actor(k)) => Some(fid("actor_code", k)),
            Some(Location::Capital(k)) => Some(fid("capital_date", k)),
            Some(Location::Scenario(k)) => Some(fid("scenario_name", k)),
            _ => None,
        };
        Form::new(self.cx.lang, self.fields, &fid).outlined(outlined)
    }

    /// The edit `edit` of `value`, when the section changed it from `original`.
    fn changed<V: PartialEq>(&mut self, value: V, original: &V, edit: impl FnOnce(V) -> Edit) {
        if value != *original {
            self.out.push(Command::Edit(edit(value)));
        }
    }
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
fn appraisal_ui(ui: &mut Ui, s: &mut Section<'_>) {
    let cx = s.cx;
    let (lang, fund) = (cx.lang, cx.fund);
    let original = &fund.appraisal;
    let mut a = original.clone();
    section(ui, lang.t(T::AdjustedAppraisal));
    ui.label(RichText::new(lang.t(T::AppraisalSettingsHelp)).weak());
    let mut form = s.form();
    egui::Grid::new("appraisal_settings")
        .num_columns(3)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            let bias = form.labelled(T::CostOptimismBias, "cost_optimism_bias");
            bias.width(60.0).int(ui, &mut a.cost_optimism_bias);
            field_note(ui, cx, "appraisal.cost_optimism_bias");
            ui.end_row();
        });
    ui.label(RichText::new(lang.t(T::DiscountBands)).strong());
    let mut remove = None;
    egui::Grid::new("discount_bands")
        .num_columns(4)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            super::header_row(ui, lang, &[T::BandFromYear, T::BandRate], 2);
            for (k, band) in a.discount_bands.iter_mut().enumerate() {
                let from = form.row(T::BandFromYear, "band_from_year", k).width(60.0);
                from.int(ui, &mut band.from_year);
                let rate = form.row(T::DiscountRate, "band_rate", k).width(70.0);
                rate.percent(ui, &mut band.rate);
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
    s.changed(a, original, |a| {
        let mut whole = fund.clone();
        whole.appraisal = a;
        Edit::Whole(Box::new(whole))
    });
}

/// The end of a row of the fund's own fields: the problem with the field `path`, if any.
fn noted(ui: &mut Ui, cx: &ViewCtx<'_>, path: &str) {
    field_note(ui, cx, path);
    ui.end_row();
}

fn fund_ui(ui: &mut Ui, s: &mut Section<'_>) {
    let cx = s.cx;
    let (lang, fund) = (cx.lang, cx.fund);
    let original = FundSettings::of(fund);
    let mut v = original.clone();
    s.heading(ui, T::FundSection, |l| matches!(l, Location::Fund));
    let models = [
        FundingModel::EarmarkedEquity,
        FundingModel::AnnualAppropriation,
    ]
    .map(|m| (m, i18n::funding_model(lang, m).to_string()));
    let committees: Vec<(String, String)> = fund
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Committee)
        .map(|a| (a.code.clone(), format!("{} – {}", a.code, a.name)))
        .collect();
    let mut form = s.form();
    // The validation paths of the fields are their keys.
    egui::Grid::new("fund_settings")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            form.labelled(T::FundName, "name")
                .width(360.0)
                .text(ui, &mut v.name, true);
            noted(ui, cx, "name");
            let organisation = form.labelled(T::Organisation, "organisation");
            organisation
                .width(360.0)
                .text(ui, &mut v.organisation, true);
            noted(ui, cx, "organisation");
            let org_number = form.labelled(T::OrgNumber, "org_number").width(140.0);
            org_number.optional_text(ui, &mut v.org_number);
            noted(ui, cx, "org_number");
            let model = form.labelled(T::FundingModel, "model").width(220.0);
            model.choice(ui, &mut v.model, &models);
            noted(ui, cx, "model");
            form.labelled(T::FirstYear, "first_year")
                .width(70.0)
                .year(ui, &mut v.first_year);
            noted(ui, cx, "first_year");
            form.labelled(T::Years, "years")
                .width(70.0)
                .int(ui, &mut v.years);
            noted(ui, cx, "years");
            let rate = form.labelled(T::DiscountRate, "discount_rate").width(70.0);
            rate.percent(ui, &mut v.discount_rate);
            noted(ui, cx, "discount_rate");
            form.labelled(T::Holder, "holder")
                .width(260.0)
                .choice(ui, &mut v.holder, &committees);
            noted(ui, cx, "holder");
            let closed = form
                .labelled(T::ClosedThrough, "closed_through")
                .width(70.0);
            closed.optional_year(ui, &mut v.closed_through);
            noted(ui, cx, "closed_through");
        });
    s.changed(v, &original, |v| Edit::Settings(Box::new(v)));
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

fn actors_ui(ui: &mut Ui, s: &mut Section<'_>) {
    let cx = s.cx;
    let (lang, fund) = (cx.lang, cx.fund);
    s.heading(ui, T::Actors, |l| matches!(l, Location::Actor(_)));
    let mut actors = fund.actors.clone();
    let mut rename: Option<(String, String)> = None;
    let mut remove = None;
    let kinds = [ActorKind::Committee, ActorKind::External]
        .map(|k| (k, i18n::actor_kind(lang, k).to_string()));
    let mut form = s.form();
    super::list_grid("actors", 4).show(ui, |ui| {
        super::header_row(ui, lang, &[T::Code, T::Name, T::Kind], 1);
        for (k, actor) in actors.iter_mut().enumerate() {
            let old = actor.code.clone();
            let taken = |t: &str| t != old && fund.actors.iter().any(|a| a.code == t);
            let code = form.row(T::Code, "actor_code", k).width(70.0);
            code.key(ui, &mut actor.code, |t| super::code_refused(t, taken(t)));
            if actor.code != old {
                rename = Some((old, actor.code.clone()));
            }
            let name = form.row(T::Name, "actor_name", k).width(280.0);
            name.text(ui, &mut actor.name, true);
            let kind = form.row(T::Kind, "actor_kind", k).width(140.0);
            kind.choice(ui, &mut actor.kind, &kinds);
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
        let renamed = rename_actor(fund, &old, &new);
        s.out.push(Command::Edit(Edit::Whole(Box::new(renamed))));
        return;
    }
    if let Some(k) = remove {
        actors.remove(k);
    }
    s.changed(actors, &fund.actors, Edit::Actors);
}

fn capital_ui(ui: &mut Ui, s: &mut Section<'_>) {
    let (lang, fund) = (s.cx.lang, s.cx.fund);
    s.heading(ui, T::CapitalEvents, |l| matches!(l, Location::Capital(_)));
    let mut capital = fund.capital.clone();
    let kinds = [CapitalKind::Earmark, CapitalKind::Release]
        .map(|k| (k, i18n::capital_kind(lang, k).to_string()));
    let columns = [T::Date, T::Amount, T::Kind, T::Note];
    let editor = super::ListEditor::new("capital", &columns, T::RemoveCapital, T::AddCapital);
    let mut form = s.form();
    // A new event: an earmark on the first day of the fund's first year.
    let new_event = |_: &[CapitalEvent]| CapitalEvent {
        date: format!("{}-01-01", fund.first_year).into(),
        amount: Money::ZERO,
        kind: CapitalKind::Earmark,
        note: String::new(),
    };
    editor.show(
        ui,
        lang,
        &mut capital,
        |ui, k, ev| {
            form.row(T::Date, "capital_date", k)
                .width(110.0)
                .date(ui, &mut ev.date);
            let amount = form.row(T::Amount, "capital_amount", k).width(130.0);
            amount.money(ui, &mut ev.amount, false);
            let kind = form.row(T::Kind, "capital_kind", k).width(240.0);
            kind.choice(ui, &mut ev.kind, &kinds);
            let note = form.row(T::Note, "capital_note", k).width(220.0);
            note.text(ui, &mut ev.note, false);
        },
        new_event,
    );
    s.changed(capital, &fund.capital, Edit::Capital);
}

fn budget_ui(ui: &mut Ui, s: &mut Section<'_>) {
    let (lang, fund, focus) = (s.cx.lang, s.cx.fund, s.focus);
    s.heading(ui, T::BudgetInputs, |l| matches!(l, Location::Budget(_)));
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
    let fields = &mut *s.fields;
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
                widgets::outline(ui);
            }
            let (result, gains) = entry.map_or((Money::ZERO, Money::ZERO), |i| {
                (budget[i].result_before_fund, budget[i].realisation_gains)
            });
            // The year's two inputs, named "<column> <year>"; a result may be negative.
            let inputs = [
                (T::ResultBeforeFund, "budget_result", result, true),
                (T::RealisationGains, "budget_gains", gains, false),
            ];
            let [new_result, new_gains] = inputs.map(|(what, key, current, negative)| {
                let name = format!("{} {year}", lang.t(what));
                let id = fid(key, row);
                money_field(
                    ui,
                    fields,
                    id,
                    Name::Text(&name),
                    lang,
                    current,
                    negative,
                    140.0,
                )
            });
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
    s.changed(budget, &fund.budget, Edit::Budget);
}

fn scenarios_ui(ui: &mut Ui, s: &mut Section<'_>) {
    let (lang, fund) = (s.cx.lang, s.cx.fund);
    s.heading(ui, T::Scenarios, |l| matches!(l, Location::Scenario(_)));
    let mut scenarios = fund.scenarios.clone();
    let columns = [T::ScenarioName, T::SavingsFactor, T::CostFactor, T::Delay];
    let editor = super::ListEditor::new("scenarios", &columns, T::RemoveScenario, T::AddScenario);
    let mut form = s.form();
    editor.show(
        ui,
        lang,
        &mut scenarios,
        |ui, k, sc| {
            let name = form.row(T::ScenarioName, "scenario_name", k).width(200.0);
            name.text(ui, &mut sc.name, true);
            let savings = form.row(T::SavingsFactor, "scenario_savings", k);
            savings.width(70.0).int(ui, &mut sc.savings_factor);
            let cost = form.row(T::CostFactor, "scenario_cost", k);
            cost.width(70.0).int(ui, &mut sc.cost_factor);
            form.row(T::Delay, "scenario_delay", k)
                .width(50.0)
                .int(ui, &mut sc.delay);
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
    s.changed(scenarios, &fund.scenarios, Edit::Scenarios);
}

fn accounts_ui(ui: &mut Ui, s: &mut Section<'_>) {
    let lang = s.cx.lang;
    section(ui, lang.t(T::Accounts));
    ui.label(RichText::new(lang.t(T::AccountsNote)).weak());
    let original = &s.cx.fund.accounts;
    let mut a: Accounts = original.clone();
    let mut form = s.form();
    egui::Grid::new("accounts")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            let mut row = |ui: &mut Ui, what: T, key: &str, value: &mut u32| {
                let l = form_label(ui, lang.t(what));
                if let Some(v) = commit_field(
                    ui,
                    form.fields,
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
            let series = form
                .labelled(T::VoucherSeries, "acc_voucher_series")
                .width(70.0);
            series.key(ui, &mut a.voucher_series, |t| {
                let odd = t.chars().any(|ch| ch.is_whitespace() || ch == '"');
                (t.is_empty() || odd).then_some(T::NotAVoucherSeries)
            });
            ui.end_row();
        });
    s.changed(a, original, Edit::Accounts);
}
