//! Who pays, who gains (*vem betalar, vem vinner*): the wrong-pocket picture. For the whole
//! fund or one initiative, each actor's costs borne, savings received and repayments made, as
//! a table and a chart, from `Projection.appraisal[..].by_actor` (SPEC §4.6).
//!
//! The net is what the actor is left with over the horizon: savings received − costs borne −
//! repayments made + repayments received. The fund's costs count against the holder (SPEC
//! §4.6), so the holder's row also receives the repayments; repayments only move money between
//! pockets, so the nets add up to the savings less the costs.

use eframe::egui::{self, Color32, RichText, Ui};
use egui_plot::{
    AxisHints, Bar, BarChart, GridInput, GridMark, Legend, MarkerShape, Plot, PlotPoints, Points,
};
use sif::engine::Projection;
use sif::messages::Message;
use sif::model::FundingModel;
use sif::money::{Money, Overflow};

pub use sif::figures::who_gains::{ActorRow, matrix, totals};

use super::{ViewCtx, errors_banner};
use crate::command::Command;
use crate::i18n::{self, Lang, T};
use crate::state::{UiState, ViewOptions};
use crate::whatif::RuleSet;
use crate::widgets::{self, Name, section};

pub const SAVINGS_COLOR: Color32 = Color32::from_rgb(0x2e, 0x8b, 0x57);
pub const RECEIVED_COLOR: Color32 = Color32::from_rgb(0x1f, 0x6f, 0xb5);
pub const COST_COLOR: Color32 = Color32::from_rgb(0xc0, 0x39, 0x2b);
pub const REPAID_COLOR: Color32 = Color32::from_rgb(0xd9, 0x7a, 0x00);

/// The fund's effect on the balanced-budget result over the horizon under a rule set (SPEC §5).
pub fn balance_effect(p: &Projection, rules: RuleSet) -> Result<Money, Overflow> {
    sif::figures::who_gains::balance_effect(p, rules == RuleSet::Proposed)
}

#[derive(Debug, Clone, PartialEq)]
struct Key {
    state: u64,
    options: ViewOptions,
    initiative: Option<usize>,
    lang: Lang,
}

/// The chosen initiative and the cached matrix.
#[derive(Debug, Default)]
pub struct WhoGainsState {
    /// `None`: the whole fund.
    pub initiative: Option<usize>,
    key: Option<Key>,
    rows: Vec<ActorRow>,
    totals: [Money; 5],
    /// Why there are no rows (a sum overflowed; a validated fund cannot).
    error: Option<Overflow>,
    /// The choices of the drop-down: the whole fund, then each counted initiative.
    choices: Vec<(Option<usize>, String)>,
    /// What the choices were made for: the document state, how many initiatives count (with
    /// the same document, the counted set differs only by the proposed ones, and so in
    /// number) and the language. A what-if step keeps them, so it need not format thousands
    /// of names again.
    choices_key: Option<(u64, usize, Lang)>,
    effect: [Option<Money>; 2],
    pub recomputations: u64,
    /// Show the adjusted appraisal's net present budget impact per actor (SPEC §4.7) instead
    /// of the gross sums.
    pub adjusted: bool,
}

impl WhoGainsState {
    fn refresh(&mut self, cx: &ViewCtx<'_>, p: &Projection) {
        let lang = cx.lang;
        // An initiative that no longer counts falls back to the whole fund.
        if let Some(i) = self.initiative
            && p.initiative(i).is_none()
        {
            self.initiative = None;
        }
        let key = Key {
            state: cx.state,
            options: cx.analysis.options.clone(),
            initiative: self.initiative,
            lang,
        };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let matrix =
            matrix(cx.fund, p, self.initiative).and_then(|rows| totals(&rows).map(|t| (rows, t)));
        (self.rows, self.totals, self.error) = match matrix {
            Ok((rows, totals)) => (rows, totals, None),
            Err(e) => (Vec::new(), [Money::ZERO; 5], Some(e)),
        };
        let choices_key = (cx.state, p.initiatives.len(), lang);
        if self.choices_key != Some(choices_key) {
            self.choices = std::iter::once((None, lang.t(T::WholeFund).to_string()))
                .chain(p.initiatives.iter().filter_map(|ip| {
                    let ini = cx.fund.initiatives.get(ip.index)?;
                    Some((Some(ip.index), format!("{} – {}", ini.code, ini.name)))
                }))
                .collect();
            self.choices_key = Some(choices_key);
        }
        self.effect = RuleSet::ALL.map(|r| balance_effect(p, r).ok());
        self.key = Some(key);
        self.recomputations += 1;
    }
}

/// Column headings, in table order.
pub fn columns(lang: Lang) -> [&'static str; 5] {
    [
        lang.t(T::CostsBorne),
        lang.t(T::SavingsReceived),
        lang.t(T::RepaysFund),
        lang.t(T::ReceivesRepayments),
        lang.t(T::Net),
    ]
}

/// The name a cell is read by: "SN, Får besparingar: 8 900 000 kr".
pub use super::cell_name;

pub fn total_label(lang: Lang) -> &'static str {
    lang.t(T::Total)
}

pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    // The bar's room is kept from the first frame, so the text wraps inside it.
    super::scrolled(ui, "who_gains", |ui| {
        ui.heading(lang.t(T::WhoPaysWhoGains));
        ui.label(RichText::new(lang.t(T::SocialInvestmentOftenPaidOne)).weak());
        if errors_banner(ui, cx, out) {
            return;
        }
        let Some(p) = &cx.analysis.projection else {
            return;
        };
        let w = &mut st.trainer.who_gains;
        w.refresh(cx, p);

        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let l = widgets::form_label(ui, lang.t(T::FiguresFor));
            super::choose(
                ui,
                "who_gains_of",
                Name::By(l),
                &mut w.initiative,
                &w.choices,
                360.0,
            );
        });
        ui.horizontal(|ui| {
            ui.selectable_value(&mut w.adjusted, false, lang.t(T::Gross));
            ui.selectable_value(&mut w.adjusted, true, lang.t(T::AdjustedPresentValue));
        });
        if w.adjusted {
            adjusted_ui(ui, cx, p, w.initiative);
            return;
        }
        if let Some(e) = &w.error {
            ui.colored_label(widgets::error_color(ui), e.text(lang));
            return;
        }
        let rows = &w.rows;
        let totals = &w.totals;
        section(ui, lang.t(T::PerActorWholeHorizon));
        table_ui(ui, lang, rows, totals);
        ui.add_space(4.0);
        explanation_ui(ui, cx, rows);
        section(ui, lang.t(T::MoneyOutPerActor));
        chart_ui(ui, lang, rows);
        if w.initiative.is_none() {
            effect_ui(ui, cx, w.effect);
        }
    });
}

/// The adjusted appraisal per actor (SPEC §4.7): costs borne and savings received after the
/// adjustments, and the net present budget impact, for the fund or one initiative.
fn adjusted_ui(ui: &mut Ui, cx: &ViewCtx<'_>, p: &Projection, initiative: Option<usize>) {
    let lang = cx.lang;
    let rows = match initiative {
        None => &p.appraisal_by_actor,
        Some(i) => match p
            .initiatives
            .iter()
            .zip(&p.appraisal)
            .find(|(ip, _)| ip.index == i)
        {
            Some((_, a)) => &a.adjusted.by_actor,
            None => return,
        },
    };
    section(ui, lang.t(T::PerActorAdjustedDiscountedNet));
    ui.label(RichText::new(lang.t(T::SavingsAfterDeadweightAttributionDrop)).weak());
    egui::Grid::new("who_gains_adjusted")
        .num_columns(4)
        .spacing([24.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new(lang.t(T::Actor)).strong());
            for h in [
                lang.t(T::CostsBorne),
                lang.t(T::SavingsReceived),
                lang.t(T::PresentValue),
            ] {
                widgets::num_cell(ui, RichText::new(h).strong());
            }
            ui.end_row();
            for r in rows {
                let name = cx
                    .fund
                    .actor(&r.actor)
                    .map_or(r.actor.as_str(), |a| a.name.as_str());
                ui.label(format!("{} – {name}", r.actor));
                widgets::num_cell(ui, money_text(lang, r.cost));
                widgets::num_cell(ui, money_text(lang, r.savings));
                let npv = format!("{} {}", i18n::money_f64(lang, r.npv), lang.t(T::KronorUnit));
                let color = if r.npv < 0.0 {
                    COST_COLOR
                } else {
                    SAVINGS_COLOR
                };
                widgets::num_cell(ui, RichText::new(&npv).color(color)).accessible_name(format!(
                    "{} {}: {npv}",
                    lang.t(T::PresentValue),
                    r.actor
                ));
                ui.end_row();
            }
        });
}

fn money_text(lang: Lang, m: Money) -> String {
    i18n::money_kr(lang, m)
}

/// The headings as shown: on two lines, so the table fits beside the what-if panel.
fn headings(lang: Lang) -> [&'static str; 5] {
    [
        lang.t(T::WgCostsBorne),
        lang.t(T::WgSavingsReceived),
        lang.t(T::WgRepaysFund),
        lang.t(T::WgReceivesRepayments),
        lang.t(T::Net),
    ]
}

fn table_ui(ui: &mut Ui, lang: Lang, rows: &[ActorRow], totals: &[Money; 5]) {
    const COL: f32 = 105.0;
    const NAME: f32 = 200.0;
    let names = columns(lang);
    let error = widgets::error_color(ui);
    super::wide_grid(ui, "who_gains_table", names.len() + 1, [14.0, 6.0], |ui| {
        ui.label(RichText::new(lang.t(T::Actor)).strong());
        // Room for two lines, so the grid gives the heading row its height.
        let two_lines = 2.0 * ui.text_style_height(&egui::TextStyle::Body) + 2.0;
        for h in headings(lang) {
            ui.allocate_ui_with_layout(
                egui::vec2(COL, two_lines),
                egui::Layout::top_down(egui::Align::Max),
                |ui| {
                    ui.set_min_size(egui::vec2(COL, two_lines));
                    ui.label(RichText::new(h).strong());
                },
            );
        }
        ui.end_row();
        for row in rows {
            // Say why the holder bears costs and receives repayments.
            let note = if row.external {
                Some(lang.t(T::WgExternal))
            } else if row.holder {
                Some(lang.t(T::WgFund))
            } else {
                None
            };
            let label = match note {
                Some(note) => format!("{} – {} ({note})", row.code, row.name),
                None => format!("{} – {}", row.code, row.name),
            };
            ui.allocate_ui_with_layout(
                egui::vec2(NAME, ui.spacing().interact_size.y),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| {
                    ui.set_max_width(NAME);
                    ui.add(egui::Label::new(&label).truncate());
                },
            );
            let values = [row.cost, row.savings, row.repaid, row.received, row.net];
            for (k, (m, h)) in values.iter().zip(names).enumerate() {
                let text = money_text(lang, *m);
                let mut rich = RichText::new(&text);
                if k == 4 {
                    rich = rich.strong();
                    if m.0 < 0 {
                        rich = rich.color(error);
                    }
                } else if m.is_zero() {
                    rich = rich.weak();
                }
                widgets::num_cell_w(ui, COL, rich).accessible_name(cell_name(&row.code, h, &text));
            }
            ui.end_row();
        }
        ui.label(RichText::new(total_label(lang)).strong());
        for (m, h) in totals.iter().zip(names) {
            let text = money_text(lang, *m);
            widgets::num_cell_w(ui, COL, RichText::new(&text).strong()).accessible_name(cell_name(
                total_label(lang),
                h,
                &text,
            ));
        }
        ui.end_row();
    });
}

fn explanation_ui(ui: &mut Ui, cx: &ViewCtx<'_>, rows: &[ActorRow]) {
    let lang = cx.lang;
    let holder = &cx.fund.holder;
    let mut text = i18n::net_explained(lang, holder);

    if cx.fund.model == FundingModel::AnnualAppropriation {
        text.push(' ');
        text.push_str(lang.t(T::UnderAnnualAppropriationRepaymentsGo));
    }
    if rows.iter().any(|r| r.external && !r.savings.is_zero()) {
        text.push(' ');
        text.push_str(lang.t(T::ExternalPartiesRegionStateCannot));
    }
    ui.label(RichText::new(text).weak());
}

fn chart_ui(ui: &mut Ui, lang: Lang, rows: &[ActorRow]) {
    if rows.is_empty() {
        return;
    }
    let codes: Vec<String> = rows.iter().map(|r| r.code.clone()).collect();
    let n = rows.len();
    let bars = |offset: f64, value: fn(&ActorRow) -> f64| -> Vec<Bar> {
        rows.iter()
            .enumerate()
            .map(|(i, r)| Bar::new(i as f64 + offset, value(r)).width(0.19))
            .collect()
    };
    let savings = bars(-0.3, |r| r.savings.as_f64());
    let received = bars(-0.1, |r| r.received.as_f64());
    let cost = bars(0.1, |r| -r.cost.as_f64());
    let repaid = bars(0.3, |r| -r.repaid.as_f64());
    let net: Vec<[f64; 2]> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| [i as f64, r.net.as_f64()])
        .collect();
    let heads = columns(lang);
    let axis_codes = codes.clone();
    let x_axis = AxisHints::new_x().formatter(move |mark: GridMark, _| {
        let i = mark.value.round();
        if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
            axis_codes.get(i as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    });
    // The chart uses the room of a large screen, a little taller there too.
    let width = ui.available_width().min(1800.0);
    let height = if width > 1200.0 { 360.0 } else { 280.0 };
    // Room above the tallest bar for the legend (top left), so that it never covers a bar or
    // a net marker: its five lines take about a third of the plot's height.
    let (low, high) = rows.iter().fold((0.0_f64, 0.0_f64), |(lo, hi), r| {
        let up = r
            .savings
            .as_f64()
            .max(r.received.as_f64())
            .max(r.net.as_f64());
        let down = (-r.cost.as_f64())
            .min(-r.repaid.as_f64())
            .min(r.net.as_f64());
        (lo.min(down), hi.max(up))
    });
    let legend_room = high + 0.6 * (high - low).max(1.0);
    Plot::new("who_gains_plot")
        .width(width)
        .height(height)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_x(-0.6)
        .include_x(n as f64 - 0.4)
        .include_y(0.0)
        .include_y(legend_room)
        .x_grid_spacer(move |_: GridInput| {
            (0..n)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .custom_x_axes(vec![x_axis])
        .y_axis_formatter(move |m, _| super::overview::millions(lang, m.value))
        .y_axis_label(super::overview::unit_label(lang))
        .show(ui, |plot| {
            let fmt = move |codes: Vec<String>, name: &'static str, sign: f64| {
                move |bar: &Bar, _: &BarChart| {
                    let i = bar.argument.round().max(0.0) as usize;
                    format!(
                        "{} – {name}\n{}",
                        codes.get(i).map_or("", String::as_str),
                        i18n::money_kr(lang, Money((bar.value * sign).round() as i64))
                    )
                }
            };
            let charts = [
                (heads[1], savings, SAVINGS_COLOR, 1.0),
                (heads[3], received, RECEIVED_COLOR, 1.0),
                (heads[0], cost, COST_COLOR, -1.0),
                (heads[2], repaid, REPAID_COLOR, -1.0),
            ];
            for (name, bars, color, sign) in charts {
                plot.bar_chart(
                    BarChart::new(name, bars)
                        .color(color)
                        .element_formatter(Box::new(fmt(codes.clone(), name, sign))),
                );
            }
            plot.points(
                Points::new(heads[4], PlotPoints::new(net))
                    .shape(MarkerShape::Diamond)
                    .radius(6.0)
                    .filled(true)
                    .color(Color32::from_gray(30)),
            );
        });
    ui.label(RichText::new(lang.t(T::BarsUpMoneyActorGets)).weak());
}

/// The fund's effect on the balanced-budget result, the chosen rule set first.
fn effect_ui(ui: &mut Ui, cx: &ViewCtx<'_>, effect: [Option<Money>; 2]) {
    let lang = cx.lang;
    section(ui, lang.t(T::FundsEffectBalancedBudgetResult));
    let order = match cx.rules {
        RuleSet::CurrentLaw => [0, 1],
        RuleSet::Proposed => [1, 0],
    };
    egui::Grid::new("balance_effect")
        .num_columns(2)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            for (k, i) in order.into_iter().enumerate() {
                let rules = RuleSet::ALL[i];
                let Some(m) = effect[i] else {
                    continue;
                };
                let text = money_text(lang, m);
                let name = rules.name(lang);
                if k == 0 {
                    ui.label(RichText::new(name).strong());
                    let mut rich = RichText::new(&text).strong();
                    if m.0 < 0 {
                        rich = rich.color(widgets::error_color(ui));
                    }
                    widgets::num_cell_w(ui, 140.0, rich).accessible_name(format!("{name}: {text}"));
                } else {
                    ui.label(RichText::new(name).weak());
                    widgets::num_cell_w(ui, 140.0, RichText::new(&text).weak())
                        .accessible_name(format!("{name}: {text}"));
                }
                ui.end_row();
            }
        });
    ui.label(RichText::new(lang.t(T::UnderCurrentLawFundsDisbursements)).weak());
}
