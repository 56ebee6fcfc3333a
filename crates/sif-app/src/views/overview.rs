//! Overview: the key figures by the horizon's end, the fund balance and the uncommitted
//! balance over the years, disbursements and repayments per year, and the warnings.

use eframe::egui::{self, Color32, RichText, Ui};
use egui_plot::{
    AxisHints, Bar, BarChart, GridInput, GridMark, HoverPosition, Legend, Line, Plot, PlotPoints,
};
use sif::model::{FundingModel, Status};
use sif::money::Money;

use super::{View, ViewCtx, errors_banner};
use crate::command::Command;
use crate::i18n::{self, Lang, T};
use crate::state::UiState;
use crate::widgets::{self, num_cell_w, section};

pub const BALANCE_COLOR: Color32 = Color32::from_rgb(0x1f, 0x6f, 0xb5);
pub const UNCOMMITTED_COLOR: Color32 = Color32::from_rgb(0xd9, 0x7a, 0x00);
pub const DISBURSED_COLOR: Color32 = Color32::from_rgb(0xc0, 0x39, 0x2b);
pub const REPAID_COLOR: Color32 = Color32::from_rgb(0x2e, 0x8b, 0x57);
pub const UNFUNDED_COLOR: Color32 = Color32::from_rgb(0xb0, 0x20, 0x30);

/// The name a key figure is read by: "Fund balance at the horizon's end: SEK 12,000,000".
pub fn key_figure_name(lang: Lang, what: T, value: &str) -> String {
    format!("{}: {}", lang.t(what), value)
}

pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>, _st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    egui::ScrollArea::vertical()
        .id_salt("overview")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(format!("{} – {}", cx.fund.name, cx.fund.organisation));
            if errors_banner(ui, cx, out) {
                counts_ui(ui, cx);
                warnings_ui(ui, cx, out);
                return;
            }
            let Some(p) = &cx.analysis.projection else {
                return;
            };
            // Side by side when there is room; one under the other in a narrow window (beside
            // the what-if panel, or zoomed for a presentation).
            let wide = ui.available_width() >= 780.0;
            let key_figures_ui = |ui: &mut Ui| {
                ui.vertical(|ui| {
                    section(ui, lang.t(T::KeyFigures));
                    // A sum too large for a krona amount is shown as no figure, never as 0.
                    let h = sif::figures::horizon::Horizon::of(p).ok();
                    let last = p.statement.last();
                    let rows = [
                        (T::CapitalIn, h.map(|h| h.capital)),
                        (T::Disbursed, h.map(|h| h.disbursed)),
                        (T::Unfunded, h.map(|h| h.unfunded)),
                        (T::Repaid, h.map(|h| h.repaid)),
                        (T::ClosingBalance, last.map(|y| y.closing)),
                        (T::UncommittedBalance, last.map(|y| y.uncommitted)),
                    ];
                    egui::Grid::new("key_figures")
                        .num_columns(2)
                        .spacing([24.0, 6.0])
                        .show(ui, |ui| {
                            for (what, value) in rows {
                                ui.label(lang.t(what));
                                let text = value.map_or_else(
                                    || lang.t(T::NoFigures).to_string(),
                                    |m| i18n::money_kr(lang, m),
                                );
                                // What the fund cannot pay is a warning whenever it is not 0.
                                let negative = value
                                    .is_some_and(|m| m.0 < 0 || (what == T::Unfunded && m.0 > 0));
                                let rich = if negative {
                                    RichText::new(&text)
                                        .strong()
                                        .color(widgets::error_color(ui))
                                } else {
                                    RichText::new(&text).strong()
                                };
                                num_cell_w(ui, 150.0, rich)
                                    .accessible_name(key_figure_name(lang, what, &text));
                                ui.end_row();
                            }
                        });
                    if cx.fund.model == FundingModel::AnnualAppropriation {
                        ui.add_space(4.0);
                        ui.label(RichText::new(lang.t(T::AnnualNote)).small().weak());
                    }
                });
            };
            let side_ui = |ui: &mut Ui| {
                ui.vertical(|ui| {
                    counts_ui(ui, cx);
                    super::scenarios::balance_years_ui(ui, cx, p);
                });
            };
            if wide {
                ui.horizontal_top(|ui| {
                    key_figures_ui(ui);
                    ui.add_space(40.0);
                    side_ui(ui);
                });
            } else if cx.presenting {
                // One screen for the room (1280 × 800, zoomed): the key figures and the
                // counts side by side, the years with a negative result under them.
                ui.horizontal_top(|ui| {
                    key_figures_ui(ui);
                    ui.add_space(24.0);
                    ui.vertical(|ui| counts_ui(ui, cx));
                });
                super::scenarios::balance_years_ui(ui, cx, p);
            } else {
                key_figures_ui(ui);
                side_ui(ui);
            }

            let width = ui.available_width();
            // Presenting: side by side even when narrow, so both charts are on the screen.
            if width >= 640.0 || cx.presenting {
                let plot_w = (width - 16.0) / 2.0;
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(plot_w);
                        section(ui, lang.t(T::BalanceOverYears));
                        balance_plot(ui, lang, p, plot_w);
                    });
                    ui.vertical(|ui| {
                        ui.set_width(plot_w);
                        section(ui, lang.t(T::FlowsPerYear));
                        flows_plot(ui, lang, p, plot_w);
                    });
                });
            } else {
                section(ui, lang.t(T::BalanceOverYears));
                balance_plot(ui, lang, p, width);
                section(ui, lang.t(T::FlowsPerYear));
                flows_plot(ui, lang, p, width);
            }
            warnings_ui(ui, cx, out);
        });
}

fn counts_ui(ui: &mut Ui, cx: &ViewCtx<'_>) {
    let lang = cx.lang;
    section(ui, lang.t(T::InitiativesByStatus));
    egui::Grid::new("by_status")
        .num_columns(2)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            for (i, status) in Status::ALL.iter().enumerate() {
                let n = cx.analysis.by_status[i];
                let name = i18n::status(lang, *status);
                ui.label(name);
                num_cell_w(ui, 40.0, RichText::new(n.to_string()).strong())
                    .accessible_name(format!("{name}: {n}"));
                ui.end_row();
            }
        });
}

/// Millions for the value axis: `12,5` / `12.5`; whole and grouped from 100 millions
/// (`1 250` / `1,250`).
pub(crate) fn millions(lang: Lang, v: f64) -> String {
    let m = v / 1e6;
    // A mark a rounding error from zero reads "0", never "−0,0".
    if m.abs() < 0.05 {
        return "0".to_string();
    }
    if m.abs() >= 100.0 {
        i18n::money(lang, Money(m.round() as i64))
    } else {
        i18n::decimal(lang, m, 1)
    }
}

pub(crate) fn unit_label(lang: Lang) -> &'static str {
    lang.t(T::MillionKronorUnit)
}

fn year_axis(mark: GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    if (mark.value - mark.value.round()).abs() < 1e-6 {
        format!("{}", mark.value.round() as i64)
    } else {
        String::new()
    }
}

/// A grid line and label for every year (every fifth year when the years are many).
pub(crate) fn year_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let (lo, hi) = (lo.ceil() as i64, hi.floor() as i64);
    let by_range = match hi - lo {
        ..=12 => 1,
        13..=24 => 2,
        _ => 5,
    };
    // A narrow plot (beside the what-if panel, or zoomed for a presentation) needs a longer
    // step to keep its labels: at least 48 points apart (`base_step_size` spans 8 points),
    // where the axis shows them at full strength.
    let min_step = input.base_step_size * 6.0;
    let by_width = [1, 2, 5, 10, 20]
        .into_iter()
        .find(|s| *s as f64 >= min_step)
        .unwrap_or(20);
    let step = by_range.max(by_width);
    (lo..=hi)
        .filter(|y| y % step == 0)
        .map(|y| GridMark {
            value: y as f64,
            step_size: step as f64,
        })
        .collect()
}

/// The year axis: labels may sit closer than egui_plot's default (60 points), as a year is
/// only four digits wide.
pub(crate) fn year_axis_hints() -> AxisHints<'static> {
    AxisHints::new_x()
        .formatter(year_axis)
        .label_spacing(36.0..=48.0)
}

/// A chart of kronor over the years as Sif draws them: fixed (no drag, zoom or scroll), a grid
/// line per year, the y axis in millions from 0 up.
pub(crate) fn year_plot(
    id: &str,
    lang: Lang,
    width: f32,
    height: f32,
    legend: Legend,
) -> Plot<'static> {
    Plot::new(id)
        .width(width)
        .height(height)
        .include_y(0.0)
        .legend(legend)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .x_grid_spacer(year_marks)
        .custom_x_axes(vec![year_axis_hints()])
        .y_axis_formatter(move |m, _| millions(lang, m.value))
        .y_axis_label(unit_label(lang))
}

/// A line chart's hover text: the line's name, the year and the amount in kronor.
pub(crate) fn point_labels(plot: Plot<'static>, lang: Lang) -> Plot<'static> {
    plot.label_formatter(move |pos| match pos {
        HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some(format!(
            "{plot_name}\n{}: {}",
            position.x.round() as i64,
            i18n::money_kr(lang, Money(position.y.round() as i64))
        )),
        HoverPosition::Elsewhere { .. } => None,
    })
}

/// The charts' height: more on a tall screen (1920 × 1080), less on a small one, so the
/// overview fits one screen.
pub(crate) fn chart_height(ui: &Ui) -> f32 {
    // A tall screen (1920 × 1080) gives the charts a larger share: the overview then fills it.
    let h = ui.ctx().content_rect().height();
    let share = if h >= 900.0 { 0.34 } else { 0.28 };
    (h * share).clamp(160.0, 460.0)
}

/// The top of a chart's y range: room above the highest value for the legend, so that it
/// never covers a line; 1 mnkr for an empty fund, so its axis reads 0,0 … 1,0, not 0,0 … −0,0.
pub(crate) fn headroom(values: impl Iterator<Item = f64>) -> f64 {
    values.fold(0.0_f64, f64::max).max(1_000_000.0) * 1.3
}

fn balance_plot(ui: &mut Ui, lang: Lang, p: &sif::engine::Projection, width: f32) {
    let closing: Vec<[f64; 2]> = p
        .statement
        .iter()
        .map(|y| [f64::from(y.year), y.closing.as_f64()])
        .collect();
    let uncommitted: Vec<[f64; 2]> = p
        .statement
        .iter()
        .map(|y| [f64::from(y.year), y.uncommitted.as_f64()])
        .collect();
    // What the fund cannot pay, as red bars below zero (SPEC §4.5).
    let unfunded: Vec<Bar> = p
        .statement
        .iter()
        .filter(|y| y.unfunded.0 > 0)
        .map(|y| Bar::new(f64::from(y.year), -y.unfunded.as_f64()).width(0.5))
        .collect();
    let top = headroom(closing.iter().chain(&uncommitted).map(|v| v[1]));
    point_labels(
        year_plot(
            "balance_plot",
            lang,
            width,
            chart_height(ui),
            Legend::default(),
        ),
        lang,
    )
    .include_y(top)
    .show(ui, |plot| {
        plot.line(
            Line::new(lang.t(T::FundBalance), PlotPoints::new(closing))
                .color(BALANCE_COLOR)
                .width(2.0),
        );
        plot.line(
            Line::new(lang.t(T::Uncommitted), PlotPoints::new(uncommitted))
                .color(UNCOMMITTED_COLOR)
                .width(2.0),
        );
        if !unfunded.is_empty() {
            let name = lang.t(T::UnfundedBars);
            plot.bar_chart(
                BarChart::new(name, unfunded)
                    .color(UNFUNDED_COLOR)
                    .element_formatter(Box::new(move |bar: &Bar, _: &BarChart| {
                        format!(
                            "{name}\n{}: {}",
                            bar.argument.round() as i64,
                            i18n::money_kr(lang, Money(-bar.value.round() as i64))
                        )
                    })),
            );
        }
    });
}

fn flows_plot(ui: &mut Ui, lang: Lang, p: &sif::engine::Projection, width: f32) {
    let disbursed: Vec<Bar> = p
        .statement
        .iter()
        .map(|y| Bar::new(f64::from(y.year) - 0.2, y.disbursed.as_f64()).width(0.4))
        .collect();
    let repaid: Vec<Bar> = p
        .statement
        .iter()
        .map(|y| Bar::new(f64::from(y.year) + 0.2, y.repaid.as_f64()).width(0.4))
        .collect();
    let top = headroom(
        p.statement
            .iter()
            .flat_map(|y| [y.disbursed.as_f64(), y.repaid.as_f64()]),
    );
    year_plot(
        "flows_plot",
        lang,
        width,
        chart_height(ui),
        Legend::default(),
    )
    .include_y(top)
    .show(ui, |plot| {
        let fmt = move |name: &'static str| {
            move |bar: &Bar, _: &BarChart| {
                format!(
                    "{name}\n{}: {}",
                    bar.argument.round() as i64,
                    i18n::money_kr(lang, Money(bar.value.round() as i64))
                )
            }
        };
        plot.bar_chart(
            BarChart::new(lang.t(T::Disbursed), disbursed)
                .color(DISBURSED_COLOR)
                .element_formatter(Box::new(fmt(lang.t(T::Disbursed)))),
        );
        plot.bar_chart(
            BarChart::new(lang.t(T::Repaid), repaid)
                .color(REPAID_COLOR)
                .element_formatter(Box::new(fmt(lang.t(T::Repaid)))),
        );
    });
}

fn warnings_ui(ui: &mut Ui, cx: &ViewCtx<'_>, out: &mut Vec<Command>) {
    let lang = cx.lang;
    section(ui, lang.t(T::Warnings));
    let warnings: Vec<_> = cx.analysis.warnings().warnings().collect();
    if warnings.is_empty() {
        ui.label(lang.t(T::NoWarnings));
        return;
    }
    // The overview lists the first few; the Problems view has them all.
    const SHOWN: usize = 12;
    for issue in warnings.iter().take(SHOWN) {
        ui.horizontal_wrapped(|ui| {
            widgets::dot(ui, widgets::warn_color(ui));
            ui.label(issue.message(lang.is_sv()));
            ui.label(
                RichText::new(super::problems::place(cx, issue.location, &issue.path)).small(),
            );
        });
    }
    if warnings.len() > SHOWN {
        let more = warnings.len() - SHOWN;
        let text = i18n::and_more(lang, more);

        if ui.link(text).clicked() {
            out.push(Command::Navigate(View::Problems));
        }
    }
}
