//! Ledger (*bokföring*), for finance officers: the vouchers of a chosen year with their rows,
//! marked as plan (open year) or actual (closed year), and a check that each balances; the
//! year's trial balance (*råbalans*) with the fund-balance check of SPEC §6; the year's plan as
//! budget (SPEC §7 `#PBUDGET`: account × month with a total, filtered by committee or
//! initiative); and the export dialog (format, year, scenario, CSV dialect, year-end only)
//! that writes through the file dialog. SIE 4I is offered for closed years only, and the
//! dialog says why otherwise.
//!
//! Everything is read from the journal the shell caches with the projection
//! (`Analysis::journal`) and from the budget the library computes for the year (cached here per
//! document state, options and year); a year's list of lines is flattened once per change, and
//! only the lines in view are laid out, so a year of tens of thousands of vouchers stays smooth.

use eframe::egui::{self, Id, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use sif::ledger::budget::{Budget, BudgetFilter, BudgetLine, budget};
use sif::ledger::csv::CsvDialect;
use sif::ledger::{Basis, Journal, LedgerError, Voucher};
use sif::messages::Message;
use sif::model::{Fund, FundingModel};
use sif::money::Money;

use super::{ViewCtx, errors_banner};
use crate::command::Command;
use crate::export::{ExportRequest, LedgerExport, LedgerFormat};
use crate::i18n::{self, Lang, T};
use crate::state::{UiState, ViewOptions};
use crate::widgets::{self, Name, choice, form_label, num_cell, num_cell_w, section};

/// What the export dialog has chosen so far: the request it makes when the user exports.
pub type ExportDialog = LedgerExport;

#[derive(Debug, Default)]
pub struct LedgerState {
    /// Which part of the year's budget the table shows.
    pub budget_filter: BudgetFilter,
    /// The year shown (`None`: the first open year).
    pub year: Option<i32>,
    /// The export dialog, while it is open.
    pub export: Option<ExportDialog>,
    /// Open the export dialog on the next frame (the screenshots use this).
    pub open_export: bool,
    lines: Vec<Line>,
    unbalanced: usize,
    lines_key: Option<(u64, ViewOptions, i32)>,
    budget: Option<BudgetCache>,
}

/// The year's budget and its table under the chosen filter, computed by the library.
#[derive(Debug)]
struct BudgetCache {
    key: (u64, ViewOptions, i32, BudgetFilter),
    /// `None` when there is no projection.
    table: Option<Result<(Budget, Vec<BudgetLine>), LedgerError>>,
}

/// A line of the voucher list: a voucher's head, or one of its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Voucher(usize),
    Row(usize, usize),
}

impl LedgerState {
    fn refresh(&mut self, state: u64, options: &ViewOptions, journal: &Journal, year: i32) {
        let key = (state, options.clone(), year);
        if self.lines_key.as_ref() == Some(&key) {
            return;
        }
        let vouchers = journal.vouchers_in(year);
        self.lines.clear();
        self.unbalanced = 0;
        for (v, voucher) in vouchers.iter().enumerate() {
            self.lines.push(Line::Voucher(v));
            self.lines
                .extend((0..voucher.rows.len()).map(|r| Line::Row(v, r)));
            if voucher.sum() != Ok(Money::ZERO) {
                self.unbalanced += 1;
            }
        }
        self.lines_key = Some(key);
    }

    fn refresh_budget(&mut self, cx: &ViewCtx<'_>, options: &ViewOptions, year: i32) {
        let key = (cx.state, options.clone(), year, self.budget_filter.clone());
        if self.budget.as_ref().is_some_and(|b| b.key == key) {
            return;
        }
        let table = cx.analysis.projection.as_ref().map(|p| {
            budget(cx.fund, p, year).and_then(|b| {
                let t = b.table(cx.fund, &self.budget_filter)?;
                Ok((b, t))
            })
        });
        self.budget = Some(BudgetCache { key, table });
    }
}

/// The year shown by default: the first open year (the one being budgeted), else the last.
fn default_year(fund: &Fund) -> i32 {
    let first_open = fund.closed_through.map_or(fund.first_year, |c| {
        c.saturating_add(1).max(fund.first_year)
    });
    if fund.in_horizon(first_open) {
        first_open
    } else {
        fund.last_year()
    }
}

/// The name a voucher's balance check is read by: "SI 2025:3 balanserar".
pub fn check_name(lang: Lang, v: &Voucher, balanced: bool) -> String {
    let what = lang.t(if balanced {
        T::Balances
    } else {
        T::DoesNotBalance
    });
    format!("{} {what}", v.label())
}

/// The name a trial balance figure is read by: "2015, utgående balans: −20 000 000".
pub fn trial_balance_name(account: u32, column: &str, value: &str) -> String {
    format!("{account}, {column}: {value}")
}

pub fn ui(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    let fund = cx.fund;
    let year = st
        .ledger
        .year
        .filter(|y| fund.in_horizon(*y))
        .unwrap_or_else(|| default_year(fund));

    ui.horizontal(|ui| {
        ui.heading(lang.t(T::ViewLedger));
        ui.add_space(12.0);
        let label = form_label(ui, lang.t(T::Year));
        let years: Vec<(i32, String)> = fund
            .horizon()
            .take(60)
            .map(|y| (y, y.to_string()))
            .collect();
        if let Some(y) = choice(ui, "ledger_year", Name::By(label), &year, &years, 80.0) {
            st.ledger.year = Some(y);
        }
        let basis = if fund.is_closed(year) {
            lang.t(T::ActualFiguresClosedYear)
        } else {
            lang.t(T::PlanOpenYear)
        };
        ui.label(RichText::new(basis).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let export = ui
                .add_enabled(
                    cx.analysis.projection.is_some(),
                    egui::Button::new(lang.t(T::ExportEllipsis)),
                )
                .on_hover_text(lang.t(T::ExportLedgerSIECSVHledger));
            if export.clicked() {
                st.ledger.open_export = true;
            }
        });
    });
    if std::mem::take(&mut st.ledger.open_export) && cx.analysis.projection.is_some() {
        st.ledger.export = Some(ExportDialog {
            // A closed year goes to the financial system as vouchers, an open one as budget.
            format: if fund.is_closed(year) {
                LedgerFormat::Sie4i
            } else {
                LedgerFormat::Sie4e
            },
            year: Some(year),
            scenario: st
                .options
                .scenario
                .clone()
                .filter(|n| fund.scenario(n).is_some()),
            dialect: super::csv_dialect(lang),
            year_end_only: false,
        });
    }
    ui.label(RichText::new(lang.t(T::FundsOwnVouchersCapitalInternal)).weak());
    if errors_banner(ui, cx, out) {
        return;
    }
    let series = fund.accounts.voucher_series.as_str();
    let plan_or_actual = i18n::vouchers_basis(
        lang,
        year,
        series,
        matches!(journal_basis(fund, year), Basis::Actual),
    );
    ui.label(RichText::new(&plan_or_actual).strong())
        .accessible_name(plan_or_actual.clone());
    let journal = match &cx.analysis.journal {
        Some(Ok(j)) => j,
        Some(Err(e)) => {
            ui.colored_label(widgets::error_color(ui), e.text(lang));
            return;
        }
        None => return,
    };
    st.ledger.refresh(cx.state, &st.options, journal, year);
    let vouchers = journal.vouchers_in(year);

    let check = i18n::vouchers_check(lang, year, vouchers.len(), st.ledger.unbalanced);
    let rich = if st.ledger.unbalanced == 0 {
        RichText::new(&check).strong()
    } else {
        RichText::new(&check)
            .strong()
            .color(widgets::error_color(ui))
    };
    ui.label(rich).accessible_name(check.clone());

    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let accounts = journal.trial_balance(year).len();
    let trial_height = row_height * (accounts as f32 + 2.0) + 110.0;
    let vouchers_height = (ui.available_height() - trial_height).max(160.0);
    ui.allocate_ui(egui::vec2(ui.available_width(), vouchers_height), |ui| {
        vouchers_ui(ui, cx, journal, vouchers, &st.ledger.lines, row_height);
    });
    ui.separator();
    super::scrolled(ui, "trial_balance", |ui| {
        // Its six columns scroll sideways on a narrow window (1024 × 700).
        egui::ScrollArea::horizontal()
            .id_salt("trial_balance_h")
            .auto_shrink([false, true])
            .show(ui, |ui| trial_balance_ui(ui, cx, journal, year));
        ui.add_space(10.0);
        budget_ui(ui, cx, &mut st.ledger, &st.options, year);
    });

    export_dialog(ui, cx, st, out);
}

/// Plan or actual, from the fund (the journal says the same for every year it holds).
fn journal_basis(fund: &Fund, year: i32) -> Basis {
    if fund.is_closed(year) {
        Basis::Actual
    } else {
        Basis::Plan
    }
}

/// The name a budget cell is read by: "3890, mars: −208 333".
pub fn budget_cell_name(account: u32, column: &str, value: &str) -> String {
    format!("{account}, {column}: {value}")
}

/// The year's plan as budget: account × month with the year's total, for the whole fund or
/// one committee or initiative.
fn budget_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    st: &mut LedgerState,
    options: &ViewOptions,
    year: i32,
) {
    let lang = cx.lang;
    let fund = cx.fund;
    section(ui, &i18n::budget_heading(lang, year));
    ui.label(RichText::new(lang.t(T::YearsPlanOwnerFundsHolder)).weak());
    ui.horizontal(|ui| {
        let label = form_label(ui, lang.t(T::ShowBudget));
        let mut options: Vec<(BudgetFilter, String)> =
            vec![(BudgetFilter::All, lang.t(T::WholeFund).to_string())];
        options.extend(fund.actors.iter().map(|a| {
            (
                BudgetFilter::Actor(a.code.clone()),
                i18n::committee_option(lang, &a.code, &a.name),
            )
        }));
        options.extend(fund.initiatives.iter().map(|i| {
            (
                BudgetFilter::Initiative(i.code.clone()),
                i18n::initiative_option(lang, &i.code, &i.name),
            )
        }));
        super::choose(
            ui,
            "budget_filter",
            Name::By(label),
            &mut st.budget_filter,
            &options,
            320.0,
        );
    });
    st.refresh_budget(cx, options, year);
    let Some(cache) = &st.budget else {
        return;
    };
    let (b, lines) = match &cache.table {
        Some(Ok((b, lines))) => (b, lines),
        Some(Err(e)) => {
            ui.colored_label(widgets::error_color(ui), e.text(lang));
            return;
        }
        None => return,
    };
    if lines.is_empty() {
        ui.label(lang.t(T::NoBudgetChosenPartYear));
        return;
    }
    let months = i18n::month_abbreviations(lang);
    let total = lang.t(T::FullYear);
    let columns: Vec<(&str, f32)> = months.iter().map(|&m| (m, 84.0)).collect();
    let columns = [columns.as_slice(), &[(total, 100.0)]].concat();
    egui::ScrollArea::horizontal()
        .id_salt("budget_table")
        .show(ui, |ui| {
            accounts_grid(ui, lang, ("budget", year), 10.0, &columns, |ui| {
                for line in lines {
                    account_cells(ui, line.account, b.account(line.account).map(|a| &*a.name));
                    for (k, m) in line.months.iter().enumerate() {
                        let text = i18n::money(lang, *m);
                        num_cell_w(ui, 84.0, &text).accessible_name(budget_cell_name(
                            line.account,
                            months[k],
                            &text,
                        ));
                    }
                    let text = i18n::money(lang, line.total);
                    num_cell_w(ui, 100.0, RichText::new(&text).strong())
                        .accessible_name(budget_cell_name(line.account, total, &text));
                    ui.end_row();
                }
            });
        });
    ui.label(RichText::new(lang.t(T::CostsRepaymentsPaidPositiveDebit)).weak());
}

fn vouchers_ui(
    ui: &mut Ui,
    cx: &ViewCtx<'_>,
    journal: &Journal,
    vouchers: &[Voucher],
    lines: &[Line],
    row_height: f32,
) {
    let lang = cx.lang;
    if vouchers.is_empty() {
        ui.label(lang.t(T::NoVouchersYear));
        return;
    }
    let headers = [
        lang.t(T::VoucherAccount),
        lang.t(T::TextAccountName),
        lang.t(T::DateCommittee),
        lang.t(T::Project),
        lang.t(T::Debit),
        lang.t(T::Credit),
        lang.t(T::Check),
    ];
    TableBuilder::new(ui)
        .id_salt("vouchers")
        .striped(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(120.0))
        .column(Column::remainder().at_least(160.0).clip(true))
        .column(Column::exact(116.0))
        .column(Column::exact(80.0))
        .columns(Column::exact(110.0), 2)
        .column(Column::exact(104.0))
        .min_scrolled_height(0.0)
        .max_scroll_height(f32::INFINITY)
        .header(row_height + 2.0, |mut header| {
            for (k, h) in headers.iter().enumerate() {
                header.col(|ui| {
                    let rich = RichText::new(*h).strong();
                    if k == 4 || k == 5 {
                        num_cell(ui, rich);
                    } else {
                        ui.label(rich);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, lines.len(), |mut row| {
                match lines[row.index()] {
                    Line::Voucher(v) => {
                        let Some(voucher) = vouchers.get(v) else {
                            return;
                        };
                        row.set_overline(true);
                        // A journal's vouchers balance and are far below the limit; should a
                        // sum overflow, it is shown as nothing rather than wrong.
                        let Ok((debit, credit)) = voucher.debit_credit() else {
                            return;
                        };
                        row.col(|ui| {
                            ui.strong(voucher.label());
                        });
                        row.col(|ui| {
                            ui.add(
                                egui::Label::new(RichText::new(&voucher.text).strong()).truncate(),
                            )
                            .on_hover_text(&voucher.text);
                        });
                        row.col(|ui| {
                            ui.label(i18n::date(lang, &voucher.date));
                        });
                        row.col(|_| {});
                        row.col(|ui| {
                            num_cell(ui, RichText::new(i18n::money(lang, debit)).strong());
                        });
                        row.col(|ui| {
                            num_cell(ui, RichText::new(i18n::money(lang, credit)).strong());
                        });
                        row.col(|ui| {
                            let balanced = voucher.sum() == Ok(Money::ZERO);
                            let name = check_name(lang, voucher, balanced);
                            let r = if balanced {
                                ui.label(
                                    RichText::new(lang.t(T::Balances))
                                        .color(egui::Color32::from_rgb(0x2e, 0x7d, 0x32)),
                                )
                            } else {
                                let diff = voucher
                                    .sum()
                                    .map_or_else(|_| "–".to_string(), |m| i18n::money(lang, m));
                                ui.label(
                                    RichText::new(format!("{} {diff}", lang.t(T::OutBy)))
                                        .strong()
                                        .color(widgets::error_color(ui)),
                                )
                            };
                            r.accessible_name(name);
                        });
                    }
                    Line::Row(v, k) => {
                        let Some(r) = vouchers.get(v).and_then(|v| v.rows.get(k)) else {
                            return;
                        };
                        let (debit, credit) = r.debit_credit();
                        row.col(|ui| {
                            ui.add_space(16.0);
                            ui.label(r.account.to_string());
                        });
                        row.col(|ui| {
                            let name = journal
                                .account(r.account)
                                .map(|a| a.name.as_str())
                                .unwrap_or("");
                            ui.add(egui::Label::new(RichText::new(name).weak()).truncate());
                        });
                        row.col(|ui| {
                            if let Some(c) = &r.dim1 {
                                let l = ui.label(c);
                                if let Some(a) = cx.fund.actor(c) {
                                    l.on_hover_text(&a.name);
                                }
                            }
                        });
                        row.col(|ui| {
                            if let Some(c) = &r.dim6 {
                                ui.label(c);
                            }
                        });
                        for m in [debit, credit] {
                            row.col(|ui| {
                                if !m.is_zero() {
                                    num_cell(ui, i18n::money(lang, m));
                                }
                            });
                        }
                        row.col(|_| {});
                    }
                }
            });
        });
}

/// A striped grid of accounts: its header "Konto", "Namn", then the figures' `columns`, each
/// right-aligned in a cell of its width; then `rows` draws the rows.
fn accounts_grid(
    ui: &mut Ui,
    lang: Lang,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    spacing: f32,
    columns: &[(&str, f32)],
    rows: impl FnOnce(&mut Ui),
) {
    egui::Grid::new(id_salt)
        .num_columns(2 + columns.len())
        .spacing([spacing, 4.0])
        .striped(true)
        .show(ui, |ui| {
            ui.strong(lang.t(T::Account));
            ui.strong(lang.t(T::Name));
            for &(c, width) in columns {
                num_cell_w(ui, width, RichText::new(c).strong());
            }
            ui.end_row();
            rows(ui);
        });
}

/// The first cells of an account's row: its number and its name (empty when unknown).
fn account_cells(ui: &mut Ui, account: u32, name: Option<&str>) {
    ui.label(account.to_string());
    ui.label(name.unwrap_or(""));
}

/// The outcome of a check of the books, in the error colour when it does not hold.
fn check_line(ui: &mut Ui, text: &str, holds: bool) {
    let color = if holds {
        ui.visuals().text_color()
    } else {
        widgets::error_color(ui)
    };
    ui.label(RichText::new(text).color(color))
        .accessible_name(text);
}

fn trial_balance_ui(ui: &mut Ui, cx: &ViewCtx<'_>, journal: &Journal, year: i32) {
    let lang = cx.lang;
    let fund = cx.fund;
    section(ui, &i18n::trial_balance_heading(lang, year));
    let rows = journal.trial_balance(year);
    let columns = [
        lang.t(T::OpeningBalance),
        lang.t(T::Debit),
        lang.t(T::Credit),
        lang.t(T::LedClosingBalance),
    ];
    let Ok(sums) = sif::ledger::trial_balance_totals(rows) else {
        return;
    };
    let headers = columns.map(|c| (c, 120.0));
    accounts_grid(ui, lang, ("trial_balance", year), 14.0, &headers, |ui| {
        for r in rows {
            account_cells(ui, r.account, journal.account(r.account).map(|a| &*a.name));
            let values = [r.opening, r.debit, r.credit, r.closing];
            for (k, m) in values.into_iter().enumerate() {
                let text = i18n::money(lang, m);
                num_cell_w(ui, 120.0, &text)
                    .accessible_name(trial_balance_name(r.account, columns[k], &text));
            }
            ui.end_row();
        }
        ui.label("");
        ui.strong(lang.t(T::Total));
        for (k, m) in sums.iter().enumerate() {
            let text = i18n::money(lang, *m);
            num_cell_w(ui, 120.0, RichText::new(&text).strong()).accessible_name(format!(
                "{}, {}: {text}",
                lang.t(T::Total),
                columns[k]
            ));
        }
        ui.end_row();
    });
    ui.add_space(6.0);
    let equal = sums[1] == sums[2] && sums[0].is_zero() && sums[3].is_zero();
    let text = if equal {
        i18n::trial_balance_adds_up(lang, sums[1])
    } else {
        lang.t(T::TrialBalanceDoesNotAdd).to_string()
    };
    check_line(ui, &text, equal);

    match fund.model {
        FundingModel::EarmarkedEquity => {
            let booked = journal.fund_balance(year);
            let statement = cx
                .analysis
                .projection
                .as_ref()
                .and_then(|p| p.year_index(year).and_then(|y| p.statement.get(y)))
                .map(|s| s.closing);
            let account = fund.accounts.fund_equity;
            let text = i18n::fund_balance_check(lang, account, year, booked, statement);
            check_line(ui, &text, statement == Some(booked));
        }
        FundingModel::AnnualAppropriation => {
            ui.label(lang.t(T::AnnualAppropriationFundHasNo));
        }
    }
    let basis = match journal.basis(year) {
        Basis::Plan => lang.t(T::YearOpenVouchersPlanMarked),
        Basis::Actual => lang.t(T::YearClosedVouchersActualFigures),
    };
    ui.label(RichText::new(basis).weak());
}

fn export_dialog(ui: &mut Ui, cx: &ViewCtx<'_>, st: &mut UiState, out: &mut Vec<Command>) {
    let lang = cx.lang;
    let fund = cx.fund;
    let Some(mut d) = st.ledger.export.clone() else {
        return;
    };
    let mut cancel = false;
    let mut export = false;
    let modal = egui::Modal::new(Id::unique("ledger_export_dialog")).show(ui.ctx(), |ui| {
        ui.set_width(560.0);
        ui.heading(lang.t(T::ExportLedger));
        ui.add_space(6.0);
        ui.strong(lang.t(T::Format));
        for f in LedgerFormat::ALL {
            ui.radio_value(&mut d.format, f, f.name(lang));
        }
        // The year-end-only choice belongs to SIE 4I.
        ui.add_enabled_ui(d.format == LedgerFormat::Sie4i, |ui| {
            ui.indent("year_end_only", |ui| {
                ui.checkbox(&mut d.year_end_only, lang.t(T::YearEndVouchersOnlyCapital));
            });
        });
        ui.add_space(6.0);
        egui::Grid::new("export_choices")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let label = form_label(ui, lang.t(T::YearsExport));
                let mut years: Vec<(Option<i32>, String)> = vec![(
                    None,
                    i18n::every_year(lang, fund.first_year, fund.last_year()),
                )];
                years.extend(fund.horizon().take(60).map(|y| (Some(y), y.to_string())));
                if let Some(y) = choice(ui, "export_year", Name::By(label), &d.year, &years, 200.0)
                {
                    d.year = y;
                }
                ui.end_row();

                let label = form_label(ui, lang.t(T::ScenarioExport));
                let mut scenarios: Vec<(Option<String>, String)> =
                    vec![(None, lang.t(T::BaseScenario).to_string())];
                scenarios.extend(
                    fund.scenarios
                        .iter()
                        .map(|s| (Some(s.name.clone()), s.name.clone())),
                );
                super::choose(
                    ui,
                    "export_scenario",
                    Name::By(label),
                    &mut d.scenario,
                    &scenarios,
                    200.0,
                );
                ui.end_row();

                let label = form_label(ui, lang.t(T::CSVDialect));
                let dialects = vec![
                    (
                        CsvDialect::Swedish,
                        lang.t(T::SwedishSemicolonsDecimalCommas).to_string(),
                    ),
                    (
                        CsvDialect::Rfc4180,
                        lang.t(T::RFC4180CommasDecimalPoints).to_string(),
                    ),
                ];
                ui.add_enabled_ui(d.format == LedgerFormat::Csv, |ui| {
                    super::choose(
                        ui,
                        "export_dialect",
                        Name::By(label),
                        &mut d.dialect,
                        &dialects,
                        260.0,
                    );
                });
                ui.end_row();
            });
        ui.add_space(6.0);
        let proposed = if st.options.include_proposed {
            lang.t(T::ProposedInitiativesIncludedBarTop)
        } else {
            lang.t(T::ProposedInitiativesNotIncludedBar)
        };
        ui.label(RichText::new(proposed).weak());
        let refusal = d.format.refusal(lang, fund, d.year);
        let needs_year = refusal.is_some();
        if let Some(why) = &refusal {
            ui.label(RichText::new(why).color(widgets::error_color(ui)))
                .accessible_name(why.clone());
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(!needs_year, egui::Button::new(lang.t(T::ChooseFileExport)))
                .clicked()
            {
                export = true;
            }
            if ui.button(lang.t(T::Cancel)).clicked() {
                cancel = true;
            }
        });
    });
    if export {
        st.ledger.export = None;
        out.push(Command::Export(ExportRequest::Ledger(d)));
    } else if cancel || modal.should_close() {
        st.ledger.export = None;
    } else {
        st.ledger.export = Some(d);
    }
}
