//! Balanced budget (*balanskravsutredning*), the finance officers' view: SPEC §5, laid out the
//! way the management report (*förvaltningsberättelsen*) publishes it — the lines in their
//! published order down the side, the years across — with current law and Sif's reading of the
//! proposal in ESO 2020:1 side by side, each with its deficits carried forward.
//!
//! The inputs (the result without the fund, the adjustments, the reserve movements, *synnerliga
//! skäl* and the tax base) are edited in place next to their line; a year without an entry is
//! added to `budget` when first typed in. A negative result is red with the year by which it
//! must be restored (KL 11 kap. 12 §); overdue deficits are red in the deficit tables. The
//! proposal is always labelled as Sif's reading of ESO 2020:1, not law.
//!
//! Every figure is the engine's (`Projection::reconciliation` and `Projection::deficits`);
//! nothing is computed here.

use eframe::egui::{self, Color32, Id, RichText, Ui};
use sif::engine::{Deficit, ReconcileYear};
use sif::model::{BudgetYear, FundingModel};
use sif::money::Money;

use super::{ViewCtx, errors_banner};
use crate::command::{Command, Edit};
use crate::i18n::{self, Lang, T};
use crate::state::UiState;
use crate::widgets::{self, Name, choice, form_label, money_field, section, text_field};

#[derive(Debug, Default)]
pub struct BudgetState {
    /// The year told in words (`None`: the first year with a negative result, else the first
    /// open year).
    pub explain: Option<i32>,
}

/// The tint of the current-law lines.
const CURRENT_TINT: Color32 = Color32::from_rgba_premultiplied(24, 70, 130, 40);
/// The tint of the proposal's lines.
const PROPOSED_TINT: Color32 = Color32::from_rgba_premultiplied(120, 80, 0, 30);

/// The height of every row of the reconciliation, so that the fixed label column and the
/// scrolling year columns stay level.
const ROW_HEIGHT: f32 = 24.0;
const YEAR_WIDTH: f32 = 112.0;

/// An input of the reconciliation (a field of `budget`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    ResultBeforeFund,
    RealisationGains,
    ExemptionAdjustment,
    SecuritiesAdjustment,
    ReserveReservation,
    ReserveUse,
    SpecialReasons,
    TaxBase,
}

impl Input {
    fn get(self, b: &BudgetYear) -> Money {
        match self {
            Input::ResultBeforeFund => b.result_before_fund,
            Input::RealisationGains => b.realisation_gains,
            Input::ExemptionAdjustment => b.exemption_adjustment,
            Input::SecuritiesAdjustment => b.securities_adjustment,
            Input::ReserveReservation => b.reserve_reservation,
            Input::ReserveUse => b.reserve_use,
            Input::SpecialReasons => b.special_reasons,
            Input::TaxBase => b.tax_base,
        }
    }

    fn set(self, b: &mut BudgetYear, m: Money) {
        match self {
            Input::ResultBeforeFund => b.result_before_fund = m,
            Input::RealisationGains => b.realisation_gains = m,
            Input::ExemptionAdjustment => b.exemption_adjustment = m,
            Input::SecuritiesAdjustment => b.securities_adjustment = m,
            Input::ReserveReservation => b.reserve_reservation = m,
            Input::ReserveUse => b.reserve_use = m,
            Input::SpecialReasons => b.special_reasons = m,
            Input::TaxBase => b.tax_base = m,
        }
    }

    /// Adjustments may be either sign; the rest are amounts >= 0 (the result may be negative).
    fn allows_negative(self) -> bool {
        matches!(
            self,
            Input::ResultBeforeFund | Input::ExemptionAdjustment | Input::SecuritiesAdjustment
        )
    }
}

/// A line of the reconciliation, in the order municipalities publish it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    ResultBeforeFund,
    Disbursed,
    Result,
    RealisationGains,
    ExemptionAdjustment,
    SecuritiesAdjustment,
    AdjustedResult,
    ReserveReservation,
    ReserveUse,
    SpecialReasons,
    TaxBase,
    CurrentSpecialReasons,
    CurrentBalance,
    CurrentRestoreBy,
    CurrentEarlier,
    CurrentRestored,
    CurrentToRestore,
    CurrentOverdue,
    FundAdjustment,
    ProposedSpecialReasons,
    ProposedBalance,
    ProposedRestoreBy,
    ProposedEarlier,
    ProposedRestored,
    ProposedToRestore,
    ProposedOverdue,
}

/// Which part of the table a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Common,
    Current,
    Proposed,
}

impl Line {
    pub const ALL: [Line; 26] = [
        Line::ResultBeforeFund,
        Line::Disbursed,
        Line::Result,
        Line::RealisationGains,
        Line::ExemptionAdjustment,
        Line::SecuritiesAdjustment,
        Line::AdjustedResult,
        Line::ReserveReservation,
        Line::ReserveUse,
        Line::SpecialReasons,
        Line::TaxBase,
        Line::CurrentSpecialReasons,
        Line::CurrentBalance,
        Line::CurrentRestoreBy,
        Line::CurrentEarlier,
        Line::CurrentRestored,
        Line::CurrentToRestore,
        Line::CurrentOverdue,
        Line::FundAdjustment,
        Line::ProposedSpecialReasons,
        Line::ProposedBalance,
        Line::ProposedRestoreBy,
        Line::ProposedEarlier,
        Line::ProposedRestored,
        Line::ProposedToRestore,
        Line::ProposedOverdue,
    ];

    fn part(self) -> Part {
        use Line::*;
        match self {
            CurrentSpecialReasons
            | CurrentBalance
            | CurrentRestoreBy
            | CurrentEarlier
            | CurrentRestored
            | CurrentToRestore
            | CurrentOverdue => Part::Current,
            FundAdjustment
            | ProposedSpecialReasons
            | ProposedBalance
            | ProposedRestoreBy
            | ProposedEarlier
            | ProposedRestored
            | ProposedToRestore
            | ProposedOverdue => Part::Proposed,
            _ => Part::Common,
        }
    }

    /// The input edited on this line, if any.
    pub fn input(self) -> Option<Input> {
        Some(match self {
            Line::ResultBeforeFund => Input::ResultBeforeFund,
            Line::RealisationGains => Input::RealisationGains,
            Line::ExemptionAdjustment => Input::ExemptionAdjustment,
            Line::SecuritiesAdjustment => Input::SecuritiesAdjustment,
            Line::ReserveReservation => Input::ReserveReservation,
            Line::ReserveUse => Input::ReserveUse,
            Line::SpecialReasons => Input::SpecialReasons,
            Line::TaxBase => Input::TaxBase,
            _ => return None,
        })
    }

    /// The keys of the line's name (with the sign that says how it counts) and of what it
    /// means in plain words (its tooltip; for the fund's adjustment, as in a fund that keeps
    /// its capital as earmarked equity).
    fn texts(self) -> (T, T) {
        use Line::*;
        match self {
            ResultBeforeFund => (
                T::ResultBeforeFundsDisbursements,
                T::OrganisationsResultYearWITHOUTFunds,
            ),
            Disbursed => (T::FundsDisbursements, T::WhatFundPaysOutInitiatives),
            Result => (T::ResultYear, T::ResultBeforeFundLessFunds),
            RealisationGains => (T::AllRealisationGains, T::GainsSellingFixedAssetsMay),
            ExemptionAdjustment => (
                T::CertainRealisationGainsLossesUnder,
                T::RealisationGainsLossesExemptionAllows,
            ),
            SecuritiesAdjustment => (
                T::UnrealisedLossesReversalsSecurities,
                T::UnrealisedLossesSecuritiesTheirReversal,
            ),
            AdjustedResult => (
                T::ResultAfterBalancedBudgetAdjustments,
                T::BudResultAfterBalancedBudgetAdjustments,
            ),
            ReserveReservation => (
                T::ReservationResultReserve,
                T::ReservationResultEqualisationReserveRUR,
            ),
            ReserveUse => (T::UseResultReserve, T::UseResultEqualisationReserveMay),
            SpecialReasons => (
                T::SpecialReasonsAmountDecided,
                T::SpecialReasonsNotRestoreDeficit,
            ),
            TaxBase => (
                T::TaxRevenueStateGrantsEqualisation,
                T::TaxRevenueGeneralStateGrants,
            ),
            CurrentSpecialReasons | ProposedSpecialReasons => {
                (T::BudSpecialReasons, T::PartSpecialReasonsCoversYears)
            }
            CurrentBalance => (
                T::BalancedBudgetResultYear,
                T::CurrentLawResultAfterAdjustments,
            ),
            CurrentRestoreBy | ProposedRestoreBy => {
                (T::RestoreBy, T::NegativeBalancedBudgetResultMust)
            }
            CurrentEarlier | ProposedEarlier => (
                T::BalancedBudgetDeficitsEarlierYears,
                T::DeficitsStillRestoreStartYear,
            ),
            CurrentRestored | ProposedRestored => {
                (T::RestoredHeader, T::PositiveBalancedBudgetResultRestores)
            }
            CurrentToRestore | ProposedToRestore => {
                (T::StillRestore, T::DeficitsStillRestoreEndYear)
            }
            CurrentOverdue | ProposedOverdue => (
                T::WhichOverdueMoreThanThree,
                T::DeficitsNotRestoredWithinThree,
            ),
            FundAdjustment => (T::SocialInvestmentFundUsedRe, T::ProposalFundAsReserve),
            ProposedBalance => (T::BalancedBudgetResultYear, T::ProposalResultHelp),
        }
    }

    /// The line's name, with the sign that says how it counts.
    pub fn name(self, lang: Lang) -> &'static str {
        lang.t(self.texts().0)
    }

    /// The name a figure is read by, with the rule set where the name alone would be ambiguous.
    fn full_name(self, lang: Lang) -> String {
        match self.part() {
            Part::Common => self.name(lang).to_string(),
            Part::Current => format!("{} ({})", self.name(lang), lang.t(T::CurrentLaw)),
            Part::Proposed => format!("{} ({})", self.name(lang), lang.t(T::Proposal)),
        }
    }

    /// What the line means, in plain words (the tooltip).
    pub fn explanation(self, lang: Lang, model: FundingModel) -> &'static str {
        match (self, model) {
            (Line::FundAdjustment, FundingModel::AnnualAppropriation) => {
                lang.t(T::ProposalEarmarkedOnly)
            }
            _ => lang.t(self.texts().1),
        }
    }

    /// The line's figure for a year, and the deficits carried in at the year's start.
    fn value(self, r: &ReconcileYear) -> Money {
        use Line::*;
        let deducted = sif::figures::reconcile::Deductions::of(r);
        match self {
            ResultBeforeFund => r.result_before_fund,
            Disbursed => deducted.disbursed,
            Result => r.result,
            RealisationGains => deducted.realisation_gains,
            ExemptionAdjustment => r.exemption_adjustment,
            SecuritiesAdjustment => r.securities_adjustment,
            AdjustedResult => r.adjusted_result,
            ReserveReservation => deducted.reserve_reservation,

            ReserveUse => r.reserve_use,
            SpecialReasons => r.special_reasons,
            TaxBase => Money::ZERO,
            CurrentSpecialReasons => r.current.special_reasons_applied,
            CurrentBalance => r.current.balance_result,
            CurrentRestoreBy | ProposedRestoreBy => Money::ZERO,
            CurrentEarlier => r.current.restoration.earlier,
            CurrentRestored => r.current.restoration.restored,
            CurrentToRestore => r.current.restoration.to_restore,
            CurrentOverdue => r.current.restoration.overdue,
            FundAdjustment => r.proposed.fund_adjustment,
            ProposedSpecialReasons => r.proposed.outcome.special_reasons_applied,
            ProposedBalance => r.proposed.outcome.balance_result,
            ProposedEarlier => r.proposed.outcome.restoration.earlier,
            ProposedRestored => r.proposed.outcome.restoration.restored,
            ProposedToRestore => r.proposed.outcome.restoration.to_restore,
            ProposedOverdue => r.proposed.outcome.restoration.overdue,
        }
    }

    fn tint(self) -> Option<Color32> {
        match self.part() {
            Part::Common => None,
            Part::Current => Some(CURRENT_TINT),
            Part::Proposed => Some(PROPOSED_TINT),
        }
    }

    /// Lines whose value is a sum people look for: bold.
    fn strong(self) -> bool {
        matches!(
            self,
            Line::Result | Line::AdjustedResult | Line::CurrentBalance | Line::ProposedBalance
        )
    }
}

/// The label of the proposal, everywhere it appears.
pub fn proposal_label(lang: Lang) -> &'static str {
    lang.t(T::ProposalHeading)
}

/// The name a figure is read by: "2027, = Årets balanskravsresultat (gällande rätt): −600 000".
pub fn figure_name(lang: Lang, year: i32, line: Line, value: &str) -> String {
    format!("{year}, {}: {value}", line.full_name(lang))
}

/// The name of an input field: "Resultat före fondens utbetalningar 2027".
pub fn input_name(lang: Lang, line: Line, year: i32) -> String {
    let name = line
        .name(lang)
        .trim_start_matches(['−', '+', '±', '=', ' ']);
    format!("{name} {year}")
}

/// The name of a restore-by year: "2027, återställs senast enligt gällande rätt: 2030".
pub fn restore_name(lang: Lang, year: i32, proposal: bool, restore_by: i32) -> String {
    let rules = if proposal {
        lang.t(T::UnderProposal)
    } else {
        lang.t(T::UnderCurrentLaw)
    };
    format!(
        "{year}, {} {rules}: {restore_by}",
        lang.t(T::ToBeRestoredBy)
    )
}

/// The name of the *synnerliga skäl* note of a year.
pub fn note_name(lang: Lang, year: i32) -> String {
    format!("{} {year}", lang.t(T::BudJustificationSpecialReasons))
}

/// The budget inputs with one year changed by `change`; a year without an entry gets one, in
/// year order (SPEC §3: a missing year counts as zeros).
pub fn with_budget_year(
    budget: &[BudgetYear],
    year: i32,
    change: impl FnOnce(&mut BudgetYear),
) -> Vec<BudgetYear> {
    let mut budget = budget.to_vec();
    match budget.iter_mut().find(|b| b.year == year) {
        Some(b) => change(b),
        None => {
            let mut b = BudgetYear::new(year, Money::ZERO);
            change(&mut b);
            let at = budget.partition_point(|b| b.year < year);
            budget.insert(at, b);
        }
    }
    budget
}

pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    super::scrolled(ui, "budget_view", |ui| {
        ui.heading(lang.t(T::BalancedBudgetReconciliation));
        ui.add(egui::Label::new(lang.t(T::HowFundAffectsOrganisationsBalanced)).wrap());
        if errors_banner(ui, cx, out) {
            // A missing justification of synnerliga skäl is such an error: it can be
            // written here, without leaving the view.
            notes_ui(ui, cx, st, out);
            return;
        }
        let Some(p) = &cx.analysis.projection else {
            return;
        };
        if cx.fund.budget.is_empty() {
            ui.add_space(4.0);
            ui.add(
                egui::Label::new(
                    RichText::new(lang.t(T::FundFileHasNoBudget)).color(widgets::warn_color(ui)),
                )
                .wrap(),
            );
        }
        conclusions_ui(ui, lang, &p.reconciliation);
        legend_ui(ui, lang);
        table_ui(ui, cx, st, &p.reconciliation, p.closed_years, out);
        notes_ui(ui, cx, st, out);
        deficits_ui(ui, lang, "current", &p.deficits.current, &p.reconciliation);
        deficits_ui(
            ui,
            lang,
            "proposed",
            &p.deficits.proposed,
            &p.reconciliation,
        );
        story_ui(ui, cx, st, &p.reconciliation, p.closed_years);
    });
}

fn negative_years(rows: &[ReconcileYear], proposal: bool) -> Vec<(i32, i32)> {
    rows.iter()
        .filter_map(|r| {
            let restore = if proposal {
                r.proposed.outcome.restore_by
            } else {
                r.current.restore_by
            };
            restore.map(|by| (r.year, by))
        })
        .collect()
}

fn conclusions_ui(ui: &mut Ui, lang: Lang, rows: &[ReconcileYear]) {
    ui.add_space(6.0);
    for proposal in [false, true] {
        let list = negative_years(rows, proposal);
        let who = if proposal {
            format!("{}:", proposal_label(lang))
        } else {
            lang.t(T::BudUnderCurrentLaw).to_string()
        };
        let text = format!("{who} {}", i18n::deficits_text(lang, &list));
        let rich = if list.is_empty() {
            RichText::new(&text)
        } else {
            RichText::new(&text)
                .color(widgets::error_color(ui))
                .strong()
        };
        ui.add(egui::Label::new(rich).wrap())
            .accessible_name(text.clone());
    }
}

fn chip(ui: &mut Ui, tint: Color32, text: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, tint);
    ui.painter().rect_stroke(
        rect,
        2.0,
        egui::Stroke::new(1.0, ui.visuals().weak_text_color()),
        egui::StrokeKind::Inside,
    );
    ui.label(text);
}

fn legend_ui(ui: &mut Ui, lang: Lang) {
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        chip(ui, CURRENT_TINT, lang.t(T::CurrentLawLocalGovernmentAct));
        ui.add_space(16.0);
        chip(ui, PROPOSED_TINT, proposal_label(lang));
    });
    ui.add_space(4.0);
}

/// The part headings between the lines.
fn part_heading(lang: Lang, part: Part) -> Option<&'static str> {
    match part {
        Part::Common => None,
        Part::Current => Some(lang.t(T::BudCurrentLaw)),
        Part::Proposed => Some(lang.t(T::ProposalSifReadsESO2020)),
    }
}

/// A row of fixed height whose background carries the part's tint.
fn fixed_row(ui: &mut Ui, width: f32, tint: Option<Color32>, add: impl FnOnce(&mut Ui)) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, ROW_HEIGHT), egui::Sense::hover());
    if let Some(t) = tint {
        ui.painter().rect_filled(rect, 0.0, t);
    }
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect.shrink2(egui::vec2(4.0, 1.0)))
            .layout(egui::Layout::right_to_left(egui::Align::Center)),
    );
    add(&mut child);
}

fn table_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    st: &mut UiState,
    rows: &[ReconcileYear],
    closed_years: usize,
    out: &mut Vec<Command>,
) {
    let lang = cx.lang;
    let fund = cx.fund;
    let label_width = (ui.available_width() * 0.36).clamp(260.0, 420.0);
    let mut new_budget: Option<Vec<BudgetYear>> = None;
    ui.add_space(4.0);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing = egui::vec2(0.0, 0.0);
        // The labels stay in place while the years scroll.
        ui.vertical(|ui| {
            ui.set_width(label_width);
            fixed_row(ui, label_width, None, |ui| {
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.strong(lang.t(T::LineHeader));
                });
            });
            let mut part = Part::Common;
            for line in Line::ALL {
                if line.part() != part {
                    part = line.part();
                    fixed_row(ui, label_width, line.tint(), |ui| {
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            ui.strong(part_heading(lang, part).unwrap_or(""));
                        });
                    });
                }
                fixed_row(ui, label_width, line.tint(), |ui| {
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        let text = RichText::new(line.name(lang));
                        let text = if line.strong() { text.strong() } else { text };
                        ui.add(egui::Label::new(text).truncate())
                            .on_hover_text(line.explanation(lang, fund.model));
                    });
                });
            }
        });
        egui::ScrollArea::horizontal()
            .id_salt("reconciliation_years")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.horizontal_top(|ui| {
                    for (y, r) in rows.iter().enumerate() {
                        let closed = y < closed_years;
                        ui.vertical(|ui| {
                            ui.set_width(YEAR_WIDTH);
                            fixed_row(ui, YEAR_WIDTH, None, |ui| {
                                let head = if closed {
                                    format!("{} {}", r.year, lang.t(T::BudActual))
                                } else {
                                    r.year.to_string()
                                };
                                ui.strong(head);
                            });
                            let mut part = Part::Common;
                            for line in Line::ALL {
                                if line.part() != part {
                                    part = line.part();
                                    fixed_row(ui, YEAR_WIDTH, line.tint(), |_| {});
                                }
                                fixed_row(ui, YEAR_WIDTH, line.tint(), |ui| {
                                    if let Some(b) = cell_ui(ui, cx, st, r, line) {
                                        new_budget = Some(b);
                                    }
                                });
                            }
                        });
                    }
                });
            });
    });
    if let Some(budget) = new_budget
        && budget != fund.budget
    {
        out.push(Command::Edit(Edit::Budget(budget)));
    }
}

/// One cell: an input field, or a figure (red when a balanced-budget result is negative, with
/// its restore-by year in the tooltip and the accessible name).
fn cell_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    st: &mut UiState,
    r: &ReconcileYear,
    line: Line,
) -> Option<Vec<BudgetYear>> {
    let lang = cx.lang;
    let fund = cx.fund;
    if let Some(input) = line.input() {
        let current = fund
            .budget
            .iter()
            .find(|b| b.year == r.year)
            .map_or(Money::ZERO, |b| input.get(b));
        let name = input_name(lang, line, r.year);
        let id = Id::unique(("budget_input", line as u8, r.year));
        let m = money_field(
            ui,
            &mut st.fields,
            id,
            Name::Text(&name),
            lang,
            current,
            input.allows_negative(),
            YEAR_WIDTH - 10.0,
        )?;
        return Some(with_budget_year(&fund.budget, r.year, |b| input.set(b, m)));
    }
    if matches!(line, Line::CurrentRestoreBy | Line::ProposedRestoreBy) {
        let proposal = line == Line::ProposedRestoreBy;
        let by = if proposal {
            r.proposed.outcome.restore_by
        } else {
            r.current.restore_by
        };
        match by {
            Some(by) => {
                ui.label(
                    RichText::new(by.to_string())
                        .strong()
                        .color(widgets::error_color(ui)),
                )
                .accessible_name(restore_name(lang, r.year, proposal, by));
            }
            None => {
                ui.label(RichText::new("–").weak());
            }
        }
        return None;
    }
    let m = line.value(r);
    let text = i18n::money(lang, m);
    let negative_balance = matches!(line, Line::CurrentBalance | Line::ProposedBalance) && m.0 < 0;
    let red = negative_balance
        || (matches!(line, Line::CurrentOverdue | Line::ProposedOverdue) && m.0 > 0);
    let mut rich = if m.is_zero() {
        RichText::new("–").weak()
    } else {
        RichText::new(&text)
    };
    if line.strong() {
        rich = rich.strong();
    }
    if red {
        rich = rich.color(widgets::error_color(ui));
    }
    ui.label(rich)
        .accessible_name(figure_name(lang, r.year, line, &text));
    None
}

/// The justification of *synnerliga skäl*, required for every year that has them.
fn notes_ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    let fund = cx.fund;
    let years: Vec<&BudgetYear> = fund
        .budget
        .iter()
        .filter(|b| b.special_reasons.0 > 0 || !b.special_reasons_note.is_empty())
        .collect();
    if years.is_empty() {
        return;
    }
    section(ui, lang.t(T::SpecialReasonsJustification));
    ui.add(egui::Label::new(lang.t(T::DeficitNotRestoredSpecialReasons)).wrap());
    // Room for the label ("Motivering för synnerliga skäl 2025") beside the field, so that
    // the row never widens the view past the window.
    let width = (ui.available_width() - 300.0).clamp(200.0, 720.0);
    egui::Grid::new("special_reasons_notes")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for b in years {
                let name = note_name(lang, b.year);
                let label = form_label(ui, &name);
                ui.vertical(|ui| {
                    let id = Id::unique(("special_reasons_note", b.year));
                    if let Some(note) = text_field(
                        ui,
                        &mut st.fields,
                        id,
                        Name::By(label),
                        lang,
                        &b.special_reasons_note,
                        false,
                        width,
                    ) {
                        out.push(Command::Edit(Edit::Budget(with_budget_year(
                            &fund.budget,
                            b.year,
                            |b| b.special_reasons_note = note,
                        ))));
                    }
                    if b.special_reasons.0 > 0 && b.special_reasons_note.trim().is_empty() {
                        let text = lang.t(T::JustificationMissingGiveDecisionE);
                        ui.label(RichText::new(text).color(widgets::error_color(ui)))
                            .accessible_name(text);
                    }
                });
                ui.end_row();
            }
        });
}

/// The name a deficit's figure is read by: "Underskott 2024 (gällande rätt), kvar: 430 000".
pub fn deficit_name(lang: Lang, proposal: bool, year: i32, what: &str, value: &str) -> String {
    let rules = if proposal {
        lang.t(T::Proposal)
    } else {
        lang.t(T::CurrentLaw)
    };
    format!("{} {year} ({rules}), {what}: {value}", lang.t(T::Deficit))
}

/// The deficits of one rule set: each with its amount, restore-by year, what was restored and
/// what is left; overdue ones in red.
fn deficits_ui(ui: &mut Ui, lang: Lang, salt: &str, deficits: &[Deficit], rows: &[ReconcileYear]) {
    let proposal = salt == "proposed";
    let title = if proposal {
        format!(
            "{} – {}",
            lang.t(T::BalancedBudgetDeficits),
            proposal_label(lang)
        )
    } else {
        format!(
            "{} – {}",
            lang.t(T::BalancedBudgetDeficits),
            lang.t(T::CurrentLaw)
        )
    };
    section(ui, &title);
    if deficits.is_empty() {
        ui.label(lang.t(T::NoDeficitsRestore));
        return;
    }
    let last = rows.last().map_or(i32::MIN, |r| r.year);
    egui::Grid::new(("deficits", salt))
        .num_columns(6)
        .spacing([18.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            let columns = [
                T::Year,
                T::Deficit,
                T::RestoreBy,
                T::RestoredHeader,
                T::LeftHeader,
                T::Status,
            ];
            super::header_row(ui, lang, &columns, 0);

            for d in deficits {
                let overdue = d.overdue_at(last);
                let late = d.restored_in.is_some_and(|y| y > d.restore_by);
                // A figure of the row, named "Underskott 2026 (gällande rätt), kvar: 500 000".
                let cell = |ui: &mut Ui, rich: RichText, what: T, text: &str| {
                    let name = deficit_name(lang, proposal, d.year, lang.t(what), text);
                    ui.label(rich).accessible_name(name);
                };
                ui.label(d.year.to_string());
                let amount = i18n::money(lang, d.amount);
                cell(ui, RichText::new(&amount), T::ProbAmount, &amount);
                ui.label(d.restore_by.to_string());
                ui.label(i18n::money(lang, d.restored));
                let left = i18n::money(lang, d.left);
                let rich = if overdue {
                    RichText::new(&left)
                        .color(widgets::error_color(ui))
                        .strong()
                } else {
                    RichText::new(&left)
                };
                cell(ui, rich, T::LeftWord, &left);
                let status = match (d.left.is_zero(), overdue, late, d.restored_in) {
                    (true, _, late, Some(y)) => i18n::restored_in(lang, y, late),

                    (false, true, _, _) => lang.t(T::Overdue).to_string(),
                    _ => lang.t(T::ToBeRestored).to_string(),
                };
                let rich = if overdue || late {
                    RichText::new(&status).color(widgets::error_color(ui))
                } else {
                    RichText::new(&status)
                };
                cell(ui, rich, T::BudStatus, &status);
                ui.end_row();
            }
        });
}

/// The year to tell in words by default: the first with a negative result, else the first
/// open year, else the first.
fn default_story_year(rows: &[ReconcileYear], closed_years: usize) -> Option<i32> {
    rows.iter()
        .find(|r| r.current.restore_by.is_some() || r.proposed.outcome.restore_by.is_some())
        .or_else(|| rows.get(closed_years))
        .or_else(|| rows.first())
        .map(|r| r.year)
}

fn story_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    st: &mut UiState,
    rows: &[ReconcileYear],
    closed_years: usize,
) {
    let lang = cx.lang;
    let Some(default) = default_story_year(rows, closed_years) else {
        return;
    };
    let year = st
        .budget
        .explain
        .filter(|y| rows.iter().any(|r| r.year == *y))
        .unwrap_or(default);
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(lang.t(T::YearWords)).strong().size(16.0));
        ui.add_space(12.0);
        let label = form_label(ui, lang.t(T::YearExplain));
        let options: Vec<(i32, String)> =
            rows.iter().map(|r| (r.year, r.year.to_string())).collect();
        if let Some(y) = choice(
            ui,
            "budget_story_year",
            Name::By(label),
            &year,
            &options,
            80.0,
        ) {
            st.budget.explain = Some(y);
        }
    });
    let Some((i, r)) = rows.iter().enumerate().find(|(_, r)| r.year == year) else {
        return;
    };
    for (k, text) in i18n::budget_story(lang, cx.fund.model, r, i < closed_years)
        .into_iter()
        .enumerate()
    {
        let negative = match k {
            1 => r.current.restore_by.is_some(),
            2 => r.proposed.outcome.restore_by.is_some(),
            _ => false,
        };
        let rich = if negative {
            RichText::new(text).color(widgets::error_color(ui))
        } else {
            RichText::new(text)
        };
        ui.add(egui::Label::new(rich).wrap());
    }
}
