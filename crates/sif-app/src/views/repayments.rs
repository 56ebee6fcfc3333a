//! Repayments (*återföringar*), the controllers' view: what the committees are to pay back to
//! the fund, year by year, against what they actually paid in closed years.
//!
//! - A grid of payer × year for the chosen initiatives: in each cell the planned repayment, and
//!   in closed years the actual one and the arrears (planned − actual, SPEC §4.4); totals per
//!   payer and per year; and, for the whole fund, what the fund received and its balance at
//!   year end (the fund statement, SPEC §4.5), so a recorded repayment is seen to move it.
//! - The chosen initiatives (filter by payer, initiative or status), virtualised, so a fund of
//!   thousands of initiatives stays smooth; with each one's arrears and what is still due
//!   after the horizon.
//! - For the selected initiative and a closed year, the actual fund cost and the actual
//!   repayment of each payer, entered in place (one undo step each).
//! - Closing the next year (`closed_through`), after a confirmation that says what changes,
//!   and exporting the schedule as CSV.
//!
//! Every figure comes from the cached projection; the grid is aggregated once per change of
//! the document, the options or the filter, never per frame.

use eframe::egui::{self, Id, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};
use sif::engine::Projection;
use sif::model::{ActorKind, Actual, ActualRepayment, Fund, Initiative};
use sif::money::Money;

use super::{ViewCtx, errors_banner};
use crate::command::{Command, Edit, FundSettings};
use crate::export::{ExportRequest, ScheduleExport};
use crate::i18n::{self, Lang, T};
use crate::state::{UiState, ViewOptions};
use crate::widgets::{self, Name, choice, form_label, money_field, num_cell, num_cell_w};

/// The view's state: the filter, the closed year being entered, the close-year confirmation,
/// and the aggregated figures with the key they were computed for.
#[derive(Debug, Default)]
pub struct RepaymentsState {
    pub filter: RepaymentFilter,
    /// The closed year whose actual figures are entered (`None`: the last closed year).
    pub year: Option<i32>,
    /// The close-year confirmation, while it is open.
    pub close_year: Option<CloseYear>,
    /// Open the close-year confirmation on the next frame (the screenshots use this).
    pub open_close_year: bool,
    pub summary: Option<Summary>,
    summary_key: Option<(u64, ViewOptions, RepaymentFilter)>,
    /// How many times the figures were aggregated: a test checks that idle frames add none.
    pub aggregations: u64,
}

pub use sif::figures::repayments::{
    InitiativeRow, PayerYears, RepaymentFilter, Summary, aggregate,
};

impl RepaymentsState {
    /// Aggregate again only when the document, the options or the filter changed.
    fn refresh(&mut self, cx: &ViewCtx<'_>, options: &ViewOptions) {
        let Some(p) = &cx.analysis.projection else {
            self.summary = None;
            self.summary_key = None;
            return;
        };
        let key = (cx.state, options.clone(), self.filter.clone());
        if self.summary_key.as_ref() != Some(&key) || self.summary.is_none() {
            // A sum too large for a krona amount (a validated fund cannot reach one) leaves
            // the view without figures rather than with wrong ones; the engine reports it.
            self.summary = aggregate(cx.fund, p, &self.filter).ok();
            self.summary_key = Some(key);
            self.aggregations += 1;
        }
    }
}

/// What a row of the grid shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Planned,
    Actual,
    Arrears,
    /// What the whole fund received (the fund statement's `repaid`).
    FundRepaid,
    /// The whole fund's balance at year end (the fund statement's `closing`).
    FundClosing,
}

impl Measure {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Measure::Planned => lang.t(T::Planned),
            Measure::Actual => lang.t(T::Actual),
            Measure::Arrears => lang.t(T::Arrears),
            Measure::FundRepaid => lang.t(T::Repaid),
            Measure::FundClosing => lang.t(T::RepClosingBalance),
        }
    }
}

/// "All payers" in the grid.
pub fn all_payers(lang: Lang) -> &'static str {
    lang.t(T::AllPayers)
}

/// "The whole fund" in the grid.
pub fn whole_fund(lang: Lang) -> &'static str {
    lang.t(T::WholeFund)
}

/// The name a grid figure is read by: "SN 2025, Utfall: 200 000", or for the total column
/// "SN, summa, Eftersläpning: 100 000".
pub fn grid_cell_name(
    lang: Lang,
    who: &str,
    year: Option<i32>,
    measure: Measure,
    value: &str,
) -> String {
    match year {
        Some(y) => format!("{who} {y}, {}: {value}", measure.label(lang)),
        None => format!(
            "{who}, {}, {}: {value}",
            lang.t(T::RepTotal),
            measure.label(lang)
        ),
    }
}

/// The label of the field for a payer's actual repayment: "Utfall SN 2025".
pub fn actual_repayment_label(lang: Lang, payer: &str, year: i32) -> String {
    format!("{} {payer} {year}", lang.t(T::Actual))
}

/// The label of the field for an initiative's actual fund cost: "Utfall från fonden 2025".
pub fn actual_fund_label(lang: Lang, year: i32) -> String {
    format!("{} {year}", lang.t(T::ActualFund))
}

/// What an initiative's arrears mean for its plan (SPEC §4.4), in the views and the preview.
pub fn arrears_kind_text(lang: Lang, kind: sif::engine::ArrearsKind) -> &'static str {
    match kind {
        sif::engine::ArrearsKind::CarriedIntoPlan => lang.t(crate::i18n::T::ArrearsCarried),
        sif::engine::ArrearsKind::OwedInAddition => lang.t(crate::i18n::T::ArrearsOwed),
    }
}

/// The name of an arrears figure in the actuals editor: "Eftersläpning SN 2025: 600 000".
pub fn editor_arrears_name(lang: Lang, payer: &str, year: i32, value: &str) -> String {
    format!("{} {payer} {year}: {value}", lang.t(T::Arrears))
}

// ------------------------------------------------------------------ edits of actual figures

/// The index of the first actual row of `year`, inserted (in year order, with no fund cost)
/// when there is none.
fn actual_row(ini: &mut Initiative, year: i32) -> usize {
    if let Some(i) = ini.actuals.iter().position(|a| a.year == year) {
        return i;
    }
    let at = ini.actuals.partition_point(|a| a.year < year);
    ini.actuals.insert(
        at,
        Actual {
            year,
            fund: Money::ZERO,
            repaid: Vec::new(),
            source: String::new(),
        },
    );
    at
}

/// The initiative with its actual fund cost for `year` set to `amount` (SPEC §3 `actuals`).
/// Should the file hold several rows for the year, the first takes the amount and the others
/// none, so the year's total is `amount`.
pub fn with_actual_fund(ini: &Initiative, year: i32, amount: Money) -> Initiative {
    let mut ini = ini.clone();
    let first = actual_row(&mut ini, year);
    for (k, a) in ini.actuals.iter_mut().enumerate() {
        if a.year == year {
            a.fund = if k == first { amount } else { Money::ZERO };
        }
    }
    ini
}

/// The initiative with `actor`'s actual repayment in `year` set to `amount`. An existing entry
/// keeps its place; duplicates for the same payer and year are merged into it.
pub fn with_actual_repayment(
    ini: &Initiative,
    year: i32,
    actor: &str,
    amount: Money,
) -> Initiative {
    let mut ini = ini.clone();
    let first = actual_row(&mut ini, year);
    let pos = ini.actuals[first]
        .repaid
        .iter()
        .position(|r| r.actor == actor);
    for a in ini.actuals.iter_mut().filter(|a| a.year == year) {
        a.repaid.retain(|r| r.actor != actor);
    }
    let entry = ActualRepayment {
        actor: actor.to_string(),
        amount,
    };
    let repaid = &mut ini.actuals[first].repaid;
    match pos {
        Some(p) => repaid.insert(p.min(repaid.len()), entry),
        None => repaid.push(entry),
    }
    ini
}

/// Give the text fields that follow a visible frame, so the cells one can type in stand out
/// from the figures around them.
pub fn widgets_framed(ui: &mut Ui) {
    let stroke = egui::Stroke::new(1.0, egui::Color32::from_gray(185));
    ui.visuals_mut().widgets.inactive.bg_stroke = stroke;
}

// ------------------------------------------------------------------ closing a year

/// What closing a year changes, computed once when the confirmation opens.
#[derive(Debug, Clone, PartialEq)]
pub struct CloseYear {
    pub year: i32,
    /// The year's plan, as the statement shows it now: (disbursed, repaid, closing balance).
    pub plan: Option<(Money, Money, Money)>,
    /// The same after closing: the actual figures recorded (0 where none).
    pub after: Option<(Money, Money, Money)>,
    /// How many counted initiatives have actual figures recorded for the year.
    pub with_actuals: usize,
    /// "Utfall = plan": the fund with the year closed and the plan as the actual figures of
    /// the initiatives that have none for it yet, to start from.
    /// Shared, so that the dialog's per-frame copy of this state does not copy the fund.
    pub plan_as_actuals: Option<std::sync::Arc<Fund>>,
    /// The user chose "Utfall = plan".
    pub fill_from_plan: bool,
}

fn close_year_preview(fund: &Fund, options: &ViewOptions, p: &Projection, year: i32) -> CloseYear {
    let figures = |p: &Projection| {
        p.year_index(year)
            .and_then(|y| p.statement.get(y))
            .map(|s| (s.disbursed, s.repaid, s.closing))
    };
    let mut closed = fund.clone();
    closed.closed_through = Some(year);
    let after = sif::engine::project(&closed, &options.engine_options(fund))
        .ok()
        .and_then(|p| figures(&p));
    let with_actuals = p
        .initiatives
        .iter()
        .filter_map(|ip| fund.initiatives.get(ip.index))
        .filter(|ini| ini.actuals.iter().any(|a| a.year == year))
        .count();
    CloseYear {
        year,
        plan: figures(p),
        after,
        with_actuals,
        plan_as_actuals: plan_as_actuals(fund, p, year).map(std::sync::Arc::new),
        fill_from_plan: false,
    }
}

/// The fund with `year` closed and the plan copied as the actual figures of every counted
/// initiative that has none for the year: the projection's planned fund cost and planned
/// repayment per payer, no money computed anew. `None` when the plan has nothing to copy.
fn plan_as_actuals(fund: &Fund, p: &Projection, year: i32) -> Option<Fund> {
    let y = p.year_index(year)?;
    let mut closed = fund.clone();
    closed.closed_through = Some(year);
    let mut any = false;
    for ip in &p.initiatives {
        let Some(ini) = closed.initiatives.get_mut(ip.index) else {
            continue;
        };
        if ini.actuals.iter().any(|a| a.year == year) {
            continue;
        }
        let cost = ip.fund_cost.get(y).copied().unwrap_or(Money::ZERO);
        let repaid: Vec<ActualRepayment> = ip
            .repayments
            .iter()
            .filter_map(|f| {
                let amount = f.planned.get(y).copied().filter(|m| m.0 != 0)?;
                let actor = fund.actors.get(f.actor)?.code.clone();
                Some(ActualRepayment { actor, amount })
            })
            .collect();
        if cost.0 == 0 && repaid.is_empty() {
            continue;
        }
        ini.actuals.push(Actual {
            year,
            fund: cost,
            repaid,
            source: "Utfall = plan".to_string(),
        });
        ini.actuals.sort_by_key(|a| a.year);
        any = true;
    }
    any.then_some(closed)
}

/// The year that can be closed next, if any is left in the horizon.
fn next_year_to_close(fund: &Fund) -> Option<i32> {
    let next = fund.closed_through.map_or(fund.first_year, |c| {
        c.saturating_add(1).max(fund.first_year)
    });
    fund.in_horizon(next).then_some(next)
}

fn closed_years_text(lang: Lang, fund: &Fund) -> String {
    match fund.closed_through {
        Some(c) if c >= fund.first_year => {
            let last = c.min(fund.last_year());
            let years = if last > fund.first_year {
                format!("{}–{last}", fund.first_year)
            } else {
                last.to_string()
            };
            format!("{}: {years}", lang.t(T::ClosedYears))
        }
        _ => lang.t(T::NoYearClosed).to_string(),
    }
}

// ------------------------------------------------------------------ drawing

pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    st.repayments.refresh(cx, &st.options);

    header_ui(ui, cx, st, out);
    if errors_banner(ui, cx, out) {
        return;
    }
    let (Some(p), Some(summary)) = (&cx.analysis.projection, st.repayments.summary.take()) else {
        return;
    };
    filter_ui(ui, cx, st, &summary);
    ui.separator();

    // The grid takes the height it needs, up to a little over half of the view; the list
    // and the editor share the rest.
    // Rows are spaced by the item spacing; the header is two lines; a horizontal scroll bar
    // may take a line at the bottom.
    let pitch = grid_row_height(ui) + ui.spacing().item_spacing.y;
    let needed = pitch * (grid_rows(&summary).len() as f32 + 3.0) + 16.0;
    if ui.available_width() < 960.0 || ui.available_height() < 560.0 {
        // A small screen: the grid, the list and the editor one under the other, scrolled
        // together, so nothing is cut off.
        super::scrolled(ui, "repayments_stacked", |ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(ui.available_width(), needed.min(360.0)),
                egui::Layout::top_down(egui::Align::LEFT),
                |ui| grid_ui(ui, cx, p, &summary),
            );
            ui.separator();
            ui.allocate_ui_with_layout(
                egui::vec2(ui.available_width(), 240.0),
                egui::Layout::top_down(egui::Align::LEFT),
                |ui| list_ui(ui, cx, st, &summary, out),
            );
            ui.separator();
            editor_ui(ui, cx, st, p, out);
        });
    } else {
        let grid_height = needed.min(ui.available_height() * 0.6).max(120.0);
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), grid_height),
            egui::Layout::top_down(egui::Align::LEFT),
            |ui| grid_ui(ui, cx, p, &summary),
        );
        ui.separator();
        side_by_side_ui(ui, cx, st, p, &summary, out);
    }

    if std::mem::take(&mut st.repayments.open_close_year)
        && let Some(year) = next_year_to_close(cx.fund)
    {
        st.repayments.close_year = Some(close_year_preview(cx.fund, &st.options, p, year));
    }
    close_year_dialog(ui, cx, st, out);
    st.repayments.summary = Some(summary);
}

/// The list and the editor side by side (a screen wide and tall enough for both).
fn side_by_side_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    st: &mut UiState,
    p: &Projection,
    summary: &Summary,
    out: &mut Vec<Command>,
) {
    let editor_width = 500.0_f32.min(ui.available_width() * 0.5);
    let list_width = (ui.available_width() - editor_width - 16.0).max(200.0);
    let height = ui.available_height();
    ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(list_width, height),
            egui::Layout::top_down(egui::Align::LEFT),
            |ui| list_ui(ui, cx, st, summary, out),
        );
        ui.separator();
        ui.allocate_ui_with_layout(
            egui::vec2(editor_width, height),
            egui::Layout::top_down(egui::Align::LEFT),
            |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("actuals_editor")
                    .auto_shrink([false, false])
                    .show(ui, |ui| editor_ui(ui, cx, st, p, out));
            },
        );
    });
}

fn header_ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    ui.horizontal(|ui| {
        ui.heading(lang.t(T::ViewRepayments));
        ui.add_space(12.0);
        ui.label(RichText::new(closed_years_text(lang, cx.fund)).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let summary = st.repayments.summary.as_ref();
            let export = ui
                .add_enabled(
                    summary.is_some(),
                    egui::Button::new(lang.t(T::ExportRepaymentScheduleCSV)),
                )
                .on_hover_text(lang.t(T::ChosenInitiativesRepaymentsYearYear));
            if export.clicked()
                && let Some(s) = summary
            {
                out.push(Command::Export(ExportRequest::Schedule(ScheduleExport {
                    initiatives: s.rows.iter().map(|r| r.index).collect(),
                    payer: st.repayments.filter.payer,
                    dialect: super::csv_dialect(lang),
                })));
            }
            if !cx.presenting
                && ui
                    .button(lang.t(crate::i18n::T::ReadActualsFromSie))
                    .on_hover_text(lang.t(T::ReadClosedYearsActualFigures))
                    .clicked()
            {
                out.push(Command::Import(crate::import::ImportKind::Sie));
            }
            match next_year_to_close(cx.fund) {
                Some(year) => {
                    let text = i18n::close_year_button(lang, year);
                    let button = ui
                        // Presentation mode shows the figures and changes nothing.
                        .add_enabled(
                            cx.analysis.projection.is_some() && !cx.presenting,
                            egui::Button::new(text),
                        )
                        .on_hover_text(lang.t(T::CloseYearEnterActualFigures));
                    if button.clicked() {
                        st.repayments.open_close_year = true;
                    }
                }
                None => {
                    ui.label(RichText::new(lang.t(T::EveryYearHorizonClosed)).weak());
                }
            }
        });
    });
}

fn filter_ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, summary: &Summary) {
    let lang = cx.lang;
    let f = &mut st.repayments.filter;
    // Wrapped, so that on a narrow screen the row never widens the view past the window.
    ui.horizontal_wrapped(|ui| {
        let label = form_label(ui, lang.t(T::Payer));
        let mut payers: Vec<(Option<usize>, String)> = vec![(None, all_payers(lang).to_string())];
        payers.extend(
            cx.fund
                .actors
                .iter()
                .enumerate()
                .filter(|(_, a)| a.kind == ActorKind::Committee)
                .map(|(i, a)| (Some(i), format!("{} – {}", a.code, a.name))),
        );
        super::choose(
            ui,
            "repayments_payer",
            Name::By(label),
            &mut f.payer,
            &payers,
            200.0,
        );
        ui.add_space(8.0);
        let label = form_label(ui, lang.t(T::InitiativeOne));
        ui.add(
            egui::TextEdit::singleline(&mut f.text)
                .hint_text(lang.t(T::CodeName))
                .desired_width(150.0),
        )
        .labelled_by(label)
        .on_hover_text(lang.t(T::RepShowsOnlyInitiativesWhoseCode));
        ui.add_space(8.0);
        let ids = |what: &str, _: usize| Id::unique(what);
        let mut form = super::Form::new(lang, &mut st.fields, &ids);
        let status = form.labelled(T::Status, "repayments_status").width(110.0);
        status.status(ui, &mut f.status);

        ui.add_space(8.0);
        ui.checkbox(&mut f.only_arrears, lang.t(T::OnlyArrears));
        ui.add_space(8.0);
        let shown = summary.rows.len();
        let text = i18n::initiatives_listed(lang, shown);
        ui.add(egui::Label::new(RichText::new(text).weak()).extend());
    });
}

fn actor_code(fund: &Fund, actor: usize) -> &str {
    fund.actors.get(actor).map_or("", |a| a.code.as_str())
}

/// One row of the grid.
#[derive(Clone, Copy)]
enum GridRow<'a> {
    /// A payer's (or all payers') figures of one measure; `first` starts a payer's group.
    Payer {
        payer: &'a PayerYears,
        measure: Measure,
        first: bool,
    },
    Fund(Measure),
}

/// A figure: its text and colour. Zero shows as a dash, as in a printed table; the name
/// keeps the number.
fn figure(ui: &Ui, lang: Lang, m: Money, measure: Measure) -> (String, RichText) {
    let text = i18n::money(lang, m);
    let rich = if m.is_zero() && measure != Measure::FundClosing {
        RichText::new("–").weak()
    } else if (measure == Measure::Arrears && m.0 > 0) || m.0 < 0 {
        RichText::new(&text).color(widgets::error_color(ui))
    } else if matches!(measure, Measure::FundRepaid | Measure::FundClosing) {
        RichText::new(&text).strong()
    } else {
        RichText::new(&text)
    };
    (text, rich)
}

fn grid_row_height(ui: &Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body) + 6.0
}

/// The measures of a payer's group: the plan, and in a fund with closed years the actual
/// figures and the arrears.
fn measures(s: &Summary) -> &'static [Measure] {
    if s.closed > 0 {
        &[Measure::Planned, Measure::Actual, Measure::Arrears]
    } else {
        &[Measure::Planned]
    }
}

/// The rows of the grid: each payer's group (only the plan for a payer with nothing planned
/// or paid in the closed years), all payers, and the whole fund.
fn grid_rows(s: &Summary) -> Vec<GridRow<'_>> {
    let closed = s.closed;
    let mut rows: Vec<GridRow<'_>> = Vec::new();
    for payer in s.payers.iter().chain(std::iter::once(&s.total)) {
        let in_closed_years = payer.actor.is_none()
            || payer.planned[..closed].iter().any(|m| !m.is_zero())
            || payer.received[..closed].iter().any(|m| !m.is_zero());
        let measures = if in_closed_years {
            measures(s)
        } else {
            &[Measure::Planned]
        };
        for (k, &measure) in measures.iter().enumerate() {
            rows.push(GridRow::Payer {
                payer,
                measure,
                first: k == 0,
            });
        }
    }
    rows.push(GridRow::Fund(Measure::FundRepaid));
    rows.push(GridRow::Fund(Measure::FundClosing));
    rows
}

fn grid_ui(ui: &mut Ui, cx: &ViewCtx<'_>, p: &Projection, s: &Summary) {
    let lang = cx.lang;
    let closed = s.closed;
    let rows = grid_rows(s);

    let row_height = grid_row_height(ui);
    let header_height = row_height + ui.text_style_height(&egui::TextStyle::Small) + 2.0;
    let available = ui.available_height();
    // The totals come right after the labels, so they stay in view when a long horizon
    // scrolls sideways; a solid scroll bar shows that there are more years.
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    egui::ScrollArea::horizontal()
        .id_salt("repayments_grid_h")
        .auto_shrink([false, true])
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("repayments_grid")
                .striped(false)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::exact(90.0))
                .column(Column::exact(100.0))
                .column(Column::exact(100.0))
                .columns(Column::exact(86.0), s.years)
                .min_scrolled_height(0.0)
                .max_scroll_height((available - header_height - 20.0).max(row_height))
                .header(header_height, |mut header| {
                    header.col(|ui| {
                        ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                            ui.strong(lang.t(T::Payer));
                        });
                    });
                    header.col(|_| {});
                    header.col(|ui| {
                        ui.with_layout(egui::Layout::top_down(egui::Align::RIGHT), |ui| {
                            ui.strong(lang.t(T::Total));
                            ui.label(RichText::new(lang.t(T::WholeHorizon)).small().weak());
                        })
                        .response
                        .on_hover_text(lang.t(T::PlannedWholeHorizonActualArrears));
                    });
                    for y in 0..s.years {
                        header.col(|ui| {
                            let year = s.year(y);
                            ui.with_layout(egui::Layout::top_down(egui::Align::RIGHT), |ui| {
                                ui.strong(year.to_string());
                                let basis = if y < closed {
                                    lang.t(T::ClosedActual)
                                } else {
                                    lang.t(T::Plan)
                                };
                                ui.label(RichText::new(basis).small().weak());
                            });
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, rows.len(), |mut row| match rows[row.index()] {
                        GridRow::Payer {
                            payer,
                            measure,
                            first,
                        } => {
                            row.set_overline(first);
                            let who = match payer.actor {
                                Some(a) => actor_code(cx.fund, a).to_string(),
                                None => all_payers(lang).to_string(),
                            };
                            row.col(|ui| {
                                if first {
                                    let name = payer
                                        .actor
                                        .and_then(|a| cx.fund.actors.get(a))
                                        .map(|a| a.name.clone());
                                    let rich = RichText::new(&who).strong();
                                    let r = ui.add(egui::Label::new(rich).truncate());
                                    if let Some(n) = name {
                                        r.on_hover_text(n);
                                    }
                                }
                            });
                            row.col(|ui| {
                                ui.label(RichText::new(measure.label(lang)).weak());
                            });
                            row.col(|ui| {
                                let m = match measure {
                                    Measure::Planned => payer.planned_total(),
                                    Measure::Actual => payer.actual_total(),
                                    _ => payer.arrears_total(),
                                };
                                let (text, rich) = figure(ui, lang, m, measure);
                                num_cell(ui, rich.strong()).accessible_name(grid_cell_name(
                                    lang, &who, None, measure, &text,
                                ));
                            });
                            for y in 0..s.years {
                                row.col(|ui| {
                                    let value = match measure {
                                        Measure::Planned => Some(payer.planned[y]),
                                        Measure::Actual => (y < closed).then(|| payer.received[y]),
                                        Measure::Arrears => payer.arrears[y],
                                        _ => None,
                                    };
                                    if let Some(m) = value {
                                        let (text, rich) = figure(ui, lang, m, measure);
                                        num_cell(ui, rich).accessible_name(grid_cell_name(
                                            lang,
                                            &who,
                                            Some(s.year(y)),
                                            measure,
                                            &text,
                                        ));
                                    }
                                });
                            }
                        }
                        GridRow::Fund(measure) => {
                            row.set_overline(measure == Measure::FundRepaid);
                            row.col(|ui| {
                                if measure == Measure::FundRepaid {
                                    ui.strong(whole_fund(lang))
                                        .on_hover_text(lang.t(T::FundStatementWholeFundWhatever));
                                }
                            });
                            row.col(|ui| {
                                ui.label(RichText::new(measure.label(lang)).weak());
                            });
                            row.col(|ui| {
                                if measure == Measure::FundRepaid {
                                    let m = s.fund_repaid;
                                    let (text, rich) = figure(ui, lang, m, measure);
                                    num_cell(ui, rich).accessible_name(grid_cell_name(
                                        lang,
                                        whole_fund(lang),
                                        None,
                                        measure,
                                        &text,
                                    ));
                                }
                            });
                            for y in 0..s.years {
                                row.col(|ui| {
                                    let Some(sy) = p.statement.get(y) else {
                                        return;
                                    };
                                    let m = if measure == Measure::FundRepaid {
                                        sy.repaid
                                    } else {
                                        sy.closing
                                    };
                                    let (text, rich) = figure(ui, lang, m, measure);
                                    num_cell(ui, rich).accessible_name(grid_cell_name(
                                        lang,
                                        whole_fund(lang),
                                        Some(sy.year),
                                        measure,
                                        &text,
                                    ));
                                });
                            }
                        }
                    });
                });
        });
}

fn list_ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, s: &Summary, out: &mut Vec<Command>) {
    let lang = cx.lang;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let last_year = s.year(s.years.saturating_sub(1));
    let outstanding_text = i18n::still_due_after(lang, last_year, s.outstanding);
    let color = if s.outstanding.0 > 0 {
        widgets::warn_color(ui)
    } else {
        ui.visuals().weak_text_color()
    };
    ui.label(RichText::new(&outstanding_text).color(color))
        .accessible_name(outstanding_text.clone());
    let headers: [(&str, &str); 6] = [
        (lang.t(T::Code), ""),
        (lang.t(T::InitiativeOne), ""),
        (
            lang.t(T::Planned),
            lang.t(T::PlannedRepaymentsOverWholeHorizon),
        ),
        (lang.t(T::Actual), lang.t(T::ActuallyRepaidClosedYears)),
        (lang.t(T::Arrears), lang.t(T::PlannedLessActualClosedYears)),
        (
            lang.t(T::AfterHorizon),
            lang.t(T::WhatNotRepaidWithinHorizon),
        ),
    ];
    // A click anywhere on a row selects it (cell text is not selectable).
    ui.style_mut().interaction.selectable_labels = false;
    TableBuilder::new(ui)
        .id_salt("repayments_list")
        .striped(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(64.0))
        .column(Column::remainder().at_least(90.0).clip(true))
        .columns(Column::exact(92.0), 4)
        .min_scrolled_height(0.0)
        .max_scroll_height(f32::INFINITY)
        .header(row_height + 2.0, |mut header| {
            for (k, (text, hover)) in headers.iter().enumerate() {
                header.col(|ui| {
                    let rich = RichText::new(*text).strong();
                    let r = if k >= 2 {
                        num_cell(ui, rich)
                    } else {
                        ui.label(rich)
                    };
                    if !hover.is_empty() {
                        r.on_hover_text(*hover);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, s.rows.len(), |mut row| {
                let r = &s.rows[row.index()];
                let Some(ini) = cx.fund.initiatives.get(r.index) else {
                    return;
                };
                let selected = st.selected == Some(r.index);
                row.set_selected(selected);
                let mut clicked = false;
                row.col(|ui| {
                    clicked |= ui.selectable_label(selected, &ini.code).clicked();
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&ini.name).truncate());
                });
                for (k, (m, measure)) in [
                    (r.planned, Measure::Planned),
                    (r.actual, Measure::Actual),
                    (r.arrears, Measure::Arrears),
                    (r.outstanding, Measure::Planned),
                ]
                .into_iter()
                .enumerate()
                {
                    row.col(|ui| {
                        let (text, rich) = figure(ui, lang, m, measure);
                        num_cell(ui, rich).accessible_name(format!(
                            "{} {}: {text}",
                            ini.code,
                            headers[k + 2].0
                        ));
                    });
                }
                if clicked || row.response().clicked() {
                    out.push(Command::SelectInitiative(Some(r.index)));
                }
            });
        });
}

fn editor_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    st: &mut UiState,
    p: &Projection,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let fund = cx.fund;
    let Some(index) = st.selected.filter(|&i| i < fund.initiatives.len()) else {
        ui.add_space(8.0);
        ui.label(RichText::new(lang.t(T::SelectInitiativeListSeeEnter)).weak());
        return;
    };
    let ini = &fund.initiatives[index];
    ui.label(
        RichText::new(format!("{} {}", ini.code, ini.name))
            .strong()
            .size(15.0),
    );
    ui.label(
        RichText::new(format!(
            "{} · {} {}",
            i18n::status(lang, ini.status),
            lang.t(T::ProbOwner),
            ini.owner
        ))
        .weak(),
    );
    let Some(ip) = p.initiative(index) else {
        ui.label(lang.t(T::InitiativeDoesNotCountProposed));
        return;
    };
    let closed_years: Vec<i32> = (0..p.closed_years.min(p.statement.len()))
        .map(|y| p.first_year.saturating_add(y as i32))
        .collect();
    let Some(&last_closed) = closed_years.last() else {
        ui.add_space(6.0);
        ui.label(lang.t(T::NoYearClosedYetActual));
        return;
    };
    let year = st
        .repayments
        .year
        .filter(|y| closed_years.contains(y))
        .unwrap_or(last_closed);
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = form_label(ui, lang.t(T::ActualFiguresFor));
        let options: Vec<(i32, String)> = closed_years
            .iter()
            .rev()
            .map(|y| (*y, y.to_string()))
            .collect();
        if let Some(y) = choice(ui, "actuals_year", Name::By(label), &year, &options, 80.0) {
            st.repayments.year = Some(y);
        }
    });
    let Ok(Some(figures)) = sif::figures::repayments::closed_year(p, ini, index, year) else {
        return;
    };
    let fields = &mut st.fields;
    let mut changed: Option<Initiative> = None;
    ui.add_space(4.0);
    widgets_framed(ui);
    egui::Grid::new(("actuals", index, year))
        .num_columns(4)
        .spacing([10.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            for h in [lang.t(T::Planned), lang.t(T::Actual), lang.t(T::Arrears)] {
                num_cell_w(ui, 100.0, RichText::new(h).strong());
            }
            ui.end_row();

            // The fund's cost: what the fund paid the owner for the initiative.
            ui.label(lang.t(T::PaidOutFund));
            num_cell_w(ui, 100.0, i18n::money(lang, figures.fund_planned));
            let actual = figures.fund_recorded;
            let label = actual_fund_label(lang, year);
            if let Some(m) = money_field(
                ui,
                fields,
                Id::unique(("actual_fund", index, year)),
                Name::Text(&label),
                lang,
                actual,
                false,
                100.0,
            ) {
                changed = Some(with_actual_fund(ini, year, m));
            }
            let variance = figures.fund_variance;
            if !variance.is_zero() {
                let text = if variance.0 > 0 {
                    i18n::over_plan(lang, variance)
                } else {
                    i18n::under_plan(lang, figures.fund_under_plan)
                };
                ui.label(RichText::new(text).weak().small());
            } else {
                ui.label("");
            }
            ui.end_row();

            for flow in &figures.payers {
                let code = actor_code(fund, flow.actor);
                ui.label(format!("{} {code}", lang.t(T::RepaidBy)));
                num_cell_w(ui, 100.0, i18n::money(lang, flow.planned));
                let actual = flow.actual;
                let label = actual_repayment_label(lang, code, year);
                if let Some(m) = money_field(
                    ui,
                    fields,
                    Id::unique(("actual_repaid", index, year, flow.actor)),
                    Name::Text(&label),
                    lang,
                    actual,
                    false,
                    100.0,
                ) && changed.is_none()
                {
                    changed = Some(with_actual_repayment(ini, year, code, m));
                }
                let arrears = flow.arrears;
                let text = i18n::money(lang, arrears);
                let rich = if arrears.0 > 0 {
                    RichText::new(&text).color(widgets::error_color(ui))
                } else {
                    RichText::new(&text)
                };
                num_cell_w(ui, 100.0, rich)
                    .accessible_name(editor_arrears_name(lang, code, year, &text));
                ui.end_row();
            }
            if figures.payers.is_empty() {
                ui.label(RichText::new(lang.t(T::NoRepaymentPlannedInitiative)).weak());
                ui.end_row();
            }
        });

    // Where the year's figures came from (a SIE file, "Utfall = plan"), when it is known.
    let mut sources: Vec<&str> = Vec::new();
    for a in ini.actuals.iter().filter(|a| a.year == year) {
        let s = a.source.trim();
        if !s.is_empty() && !sources.contains(&s) {
            sources.push(s);
        }
    }
    if !sources.is_empty() {
        ui.add_space(4.0);
        let text = i18n::source_text(lang, year, &sources.join("; "));
        ui.add(egui::Label::new(RichText::new(&text).weak()).wrap())
            .accessible_name(text.clone());
    }

    ui.add_space(6.0);
    let arrears = figures.arrears_all_closed;
    let arrears_text = format!(
        "{}: {}",
        lang.t(T::InitiativesArrearsAllClosedYears),
        i18n::money_kr(lang, arrears)
    );
    let color = if arrears.0 > 0 {
        widgets::error_color(ui)
    } else {
        ui.visuals().text_color()
    };
    ui.label(RichText::new(&arrears_text).color(color))
        .accessible_name(arrears_text.clone());
    if let Some(kind) = sif::engine::ArrearsKind::of(&ini.repayment) {
        ui.add(egui::Label::new(RichText::new(arrears_kind_text(lang, kind)).small()).wrap());
    }
    if ip.outstanding.0 > 0 {
        super::owed_line(ui, lang, T::StillDueAfterHorizon, ip.outstanding);
    }
    ui.add_space(4.0);
    ui.label(
        RichText::new(lang.t(T::ClosedYearWithoutRecordedFigures))
            .weak()
            .small(),
    );
    if let Some(mut value) = changed {
        if value != *ini {
            mark_typed(&mut value, year);
        }
        out.push(Command::Edit(Edit::Initiative {
            index,
            value: Box::new(value),
        }));
    }
}

/// What a figure typed over a read-in one adds to its row's `source`.
pub const TYPED: &str = "ändrat för hand";

/// A figure typed over figures that came from somewhere (a SIE file, "Utfall = plan"): the
/// row's source says so, so it no longer claims the file as the source of every figure.
pub fn mark_typed(ini: &mut Initiative, year: i32) {
    for a in ini.actuals.iter_mut().filter(|a| a.year == year) {
        if !a.source.trim().is_empty() && !a.source.ends_with(TYPED) {
            a.source = format!("{}, {TYPED}", a.source.trim());
        }
    }
}

fn close_year_dialog(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    let Some(c) = st.repayments.close_year.clone() else {
        return;
    };
    let year = c.year;
    let mut close = false;
    let mut confirm = false;
    let modal = egui::Modal::new(Id::unique("close_year_dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(600.0);
        ui.heading(i18n::close_year_question(lang, year));
        ui.add_space(4.0);
        ui.label(i18n::close_year_explained(lang, year));
        ui.add_space(6.0);
        egui::Grid::new("close_year_figures")
            .num_columns(3)
            .spacing([16.0, 4.0])
            .striped(true)
            .show(ui, |ui| {
                ui.label("");
                num_cell_w(ui, 130.0, RichText::new(lang.t(T::PlanNow)).strong());
                num_cell_w(ui, 130.0, RichText::new(lang.t(T::AfterClosing)).strong());
                ui.end_row();
                let lines = [
                    lang.t(T::PaidOutFund),
                    lang.t(T::RepaidFund),
                    lang.t(T::FundBalanceYearEnd),
                ];
                for (k, line) in lines.iter().enumerate() {
                    ui.label(format!("{line} {year}"));
                    let columns = [
                        (c.plan, lang.t(T::RepPlanNow)),
                        (c.after, lang.t(T::RepAfterClosing)),
                    ];
                    for (figures, which) in columns {
                        let text = figures.map_or_else(
                            || "–".to_string(),
                            |(d, r, b)| i18n::money_kr(lang, [d, r, b][k]),
                        );
                        num_cell_w(ui, 130.0, &text)
                            .accessible_name(format!("{line} {year}, {which}: {text}"));
                    }
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        let note = i18n::close_year_note(lang, year, c.with_actuals);
        ui.label(RichText::new(note).color(widgets::warn_color(ui)));
        if c.plan_as_actuals.is_some() {
            ui.add_space(4.0);
            let mut fill = c.fill_from_plan;
            let text = i18n::actuals_from_plan(lang, year);
            if ui.checkbox(&mut fill, text).changed()
                && let Some(cy) = st.repayments.close_year.as_mut()
            {
                cy.fill_from_plan = fill;
            }
        }
        ui.add_space(4.0);
        ui.label(lang.t(T::ClosingCanUndoneEditUndo));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let text = i18n::close_year_confirm(lang, year);

            if ui.button(text).clicked() {
                confirm = true;
            }
            if ui.button(lang.t(T::Cancel)).clicked() {
                close = true;
            }
        });
    });
    if confirm {
        match c.plan_as_actuals.filter(|_| c.fill_from_plan) {
            // One undo step: the year closed and the plan as its actual figures.
            Some(filled) => out.push(Command::Edit(Edit::Whole(Box::new((*filled).clone())))),
            None => {
                let mut settings = FundSettings::of(cx.fund);
                settings.closed_through = Some(year);
                out.push(Command::Edit(Edit::Settings(Box::new(settings))));
            }
        }
        st.repayments.year = Some(year);
        st.repayments.close_year = None;
    } else if close || modal.should_close() {
        st.repayments.close_year = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_funds::sample;

    #[test]
    fn recording_a_repayment_keeps_other_payers_and_merges_duplicates() {
        let fund = sample("uppfoljning");
        let m1 = &fund.initiatives[0];
        let after = with_actual_repayment(m1, 2025, "SOC", Money(300_000));
        let row = after.actuals.iter().find(|a| a.year == 2025).unwrap();
        assert_eq!(row.repaid[0].actor, "SOC");
        assert_eq!(row.repaid[0].amount, Money(300_000));
        assert_eq!(row.repaid[1].actor, "UTB");
        assert_eq!(row.fund, Money::ZERO);
        // A year without a row gets one, in year order.
        let m2 = &fund.initiatives[1];
        let after = with_actual_repayment(m2, 2023, "SOC", Money(5));
        assert_eq!(after.actuals[0].year, 2023);
        assert_eq!(after.actuals[0].fund, Money::ZERO);
        let after = with_actual_fund(&after, 2023, Money(7));
        assert_eq!(after.actuals[0].fund, Money(7));
        assert_eq!(after.actuals[0].repaid.len(), 1);
    }

    #[test]
    fn the_next_year_to_close_follows_the_closed_years() {
        assert_eq!(next_year_to_close(&sample("uppfoljning")), Some(2026));
    }
}
