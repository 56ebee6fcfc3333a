//! Ledger (*bokföring*), for finance officers: the vouchers of a chosen year with their rows
//! and a check that each balances, the year's trial balance (*råbalans*) with the fund-balance
//! check of SPEC §6, and the export dialog (format, year, scenario, CSV dialect) that writes
//! through the file dialog.
//!
//! Everything is read from the journal the shell caches with the projection
//! (`Analysis::journal`); a year's list of lines is flattened once per change, and only the
//! lines in view are laid out, so a year of tens of thousands of vouchers stays smooth.

use eframe::egui::{self, Id, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use sif::ledger::csv::CsvDialect;
use sif::ledger::{Basis, Journal, Voucher};
use sif::model::{Fund, FundingModel};
use sif::money::Money;

use super::{ViewCtx, errors_banner};
use crate::app::command::Command;
use crate::app::export::{ExportRequest, LedgerExport, LedgerFormat};
use crate::app::i18n::{self, Lang};
use crate::app::state::{UiState, ViewOptions};
use crate::app::widgets::{self, Name, choice, form_label, num_cell, num_cell_w, section};

/// What the export dialog has chosen so far.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportDialog {
    pub format: LedgerFormat,
    /// One year, or `None` for the whole horizon.
    pub year: Option<i32>,
    pub scenario: Option<String>,
    pub dialect: CsvDialect,
}

#[derive(Debug, Default)]
pub struct LedgerState {
    /// The year shown (`None`: the first open year).
    pub year: Option<i32>,
    /// The export dialog, while it is open.
    pub export: Option<ExportDialog>,
    /// Open the export dialog on the next frame (the screenshots use this).
    pub open_export: bool,
    lines: Vec<Line>,
    unbalanced: usize,
    lines_key: Option<(u64, ViewOptions, i32)>,
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
    let what = match (lang, balanced) {
        (Lang::Sv, true) => "balanserar",
        (Lang::Sv, false) => "balanserar inte",
        (Lang::En, true) => "balances",
        (Lang::En, false) => "does not balance",
    };
    format!("{} {what}", v.label())
}

/// The name a trial balance figure is read by: "2015, utgående balans: −20 000 000".
pub fn trial_balance_name(account: u32, column: &str, value: &str) -> String {
    format!("{account}, {column}: {value}")
}

fn debit_credit(m: Money) -> (Money, Money) {
    if m.0 >= 0 {
        (m, Money::ZERO)
    } else {
        (Money::ZERO, Money(m.0.saturating_neg()))
    }
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
        ui.heading(lang.pick("Bokföring", "Ledger"));
        ui.add_space(12.0);
        let label = form_label(ui, lang.pick("År", "Year"));
        let years: Vec<(i32, String)> = fund
            .horizon()
            .take(60)
            .map(|y| (y, y.to_string()))
            .collect();
        if let Some(y) = choice(ui, "ledger_year", Name::By(label), &year, &years, 80.0) {
            st.ledger.year = Some(y);
        }
        let basis = if fund.is_closed(year) {
            lang.pick("Utfall (stängt år)", "Actual figures (closed year)")
        } else {
            lang.pick("Plan (öppet år)", "Plan (open year)")
        };
        ui.label(RichText::new(basis).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let export = ui
                .add_enabled(
                    cx.analysis.projection.is_some(),
                    egui::Button::new(lang.pick("Exportera…", "Export…")),
                )
                .on_hover_text(lang.pick(
                    "Exportera bokföringen som SIE, CSV eller hledger-journal.",
                    "Export the ledger as SIE, CSV or an hledger journal.",
                ));
            if export.clicked() {
                st.ledger.open_export = true;
            }
        });
    });
    if std::mem::take(&mut st.ledger.open_export) && cx.analysis.projection.is_some() {
        st.ledger.export = Some(ExportDialog {
            format: LedgerFormat::Sie4i,
            year: Some(year),
            scenario: st
                .options
                .scenario
                .clone()
                .filter(|n| fund.scenario(n).is_some()),
            dialect: match lang {
                Lang::Sv => CsvDialect::Swedish,
                Lang::En => CsvDialect::Rfc4180,
            },
        });
    }
    ui.label(
        RichText::new(lang.pick(
            "Fondens verifikationer i serie SI: kapital, utbetalningar, återföringar och användning av öronmärkt eget kapital. Öppna år bokförs enligt plan, stängda år enligt utfall; besparingar bokförs aldrig.",
            "The fund's vouchers in series SI: capital, disbursements, repayments and the use of earmarked equity. Open years are booked from the plan, closed years from actual figures; savings are never booked.",
        ))
        .weak(),
    );
    if errors_banner(ui, cx, out) {
        return;
    }
    let journal = match &cx.analysis.journal {
        Some(Ok(j)) => j,
        Some(Err(e)) => {
            ui.colored_label(widgets::error_color(ui), widgets::one_language(lang, e));
            return;
        }
        None => return,
    };
    st.ledger.refresh(cx.state, &st.options, journal, year);
    let vouchers = journal.vouchers_in(year);

    let check = if st.ledger.unbalanced == 0 {
        match lang {
            Lang::Sv if vouchers.len() == 1 => {
                format!("1 verifikation {year}. Den balanserar: debet är lika med kredit.")
            }
            Lang::En if vouchers.len() == 1 => {
                format!("1 voucher in {year}. It balances: debit equals credit.")
            }
            Lang::Sv => format!(
                "{} verifikationer {year}. Varje verifikation balanserar: debet är lika med kredit.",
                vouchers.len()
            ),
            Lang::En => format!(
                "{} vouchers in {year}. Every voucher balances: debit equals credit.",
                vouchers.len()
            ),
        }
    } else {
        match lang {
            Lang::Sv => format!(
                "{} av {} verifikationer {year} balanserar inte. Det är ett fel i Sif; rapportera det.",
                st.ledger.unbalanced,
                vouchers.len()
            ),
            Lang::En => format!(
                "{} of {} vouchers in {year} do not balance. This is a bug in Sif; please report it.",
                st.ledger.unbalanced,
                vouchers.len()
            ),
        }
    };
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
    egui::ScrollArea::vertical()
        .id_salt("trial_balance")
        .auto_shrink([false, false])
        .show(ui, |ui| trial_balance_ui(ui, cx, journal, year));

    export_dialog(ui, cx, st, out);
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
        ui.label(lang.pick(
            "Inga verifikationer det här året.",
            "No vouchers this year.",
        ));
        return;
    }
    let headers = [
        lang.pick("Verifikation / konto", "Voucher / account"),
        lang.pick("Text / kontonamn", "Text / account name"),
        lang.pick("Datum / ansvar", "Date / committee"),
        lang.pick("Projekt", "Project"),
        lang.pick("Debet", "Debit"),
        lang.pick("Kredit", "Credit"),
        lang.pick("Kontroll", "Check"),
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
                        let (debit, credit) =
                            voucher
                                .rows
                                .iter()
                                .fold((Money::ZERO, Money::ZERO), |(d, c), r| {
                                    let (rd, rc) = debit_credit(r.amount);
                                    (
                                        Money(d.0.saturating_add(rd.0)),
                                        Money(c.0.saturating_add(rc.0)),
                                    )
                                });
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
                                    RichText::new(lang.pick("balanserar", "balances"))
                                        .color(egui::Color32::from_rgb(0x2e, 0x7d, 0x32)),
                                )
                            } else {
                                let diff = voucher
                                    .sum()
                                    .map_or_else(|_| "–".to_string(), |m| i18n::money(lang, m));
                                ui.label(
                                    RichText::new(format!(
                                        "{} {diff}",
                                        lang.pick("obalans", "out by")
                                    ))
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
                        let (debit, credit) = debit_credit(r.amount);
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

fn trial_balance_ui(ui: &mut Ui, cx: &ViewCtx<'_>, journal: &Journal, year: i32) {
    let lang = cx.lang;
    let fund = cx.fund;
    section(
        ui,
        &match lang {
            Lang::Sv => format!("Råbalans {year}"),
            Lang::En => format!("Trial balance {year}"),
        },
    );
    let rows = journal.trial_balance(year);
    let columns = [
        lang.pick("Ingående balans", "Opening balance"),
        lang.pick("Debet", "Debit"),
        lang.pick("Kredit", "Credit"),
        lang.pick("Utgående balans", "Closing balance"),
    ];
    let mut sums = [Money::ZERO; 4];
    egui::Grid::new(("trial_balance", year))
        .num_columns(6)
        .spacing([14.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            ui.strong(lang.pick("Konto", "Account"));
            ui.strong(lang.pick("Namn", "Name"));
            for c in columns {
                num_cell_w(ui, 120.0, RichText::new(c).strong());
            }
            ui.end_row();
            for r in rows {
                ui.label(r.account.to_string());
                let name = journal
                    .account(r.account)
                    .map(|a| a.name.as_str())
                    .unwrap_or("");
                ui.label(name);
                let values = [r.opening, r.debit, r.credit, r.closing];
                for (k, m) in values.into_iter().enumerate() {
                    sums[k] = Money(sums[k].0.saturating_add(m.0));
                    let text = i18n::money(lang, m);
                    num_cell_w(ui, 120.0, &text)
                        .accessible_name(trial_balance_name(r.account, columns[k], &text));
                }
                ui.end_row();
            }
            ui.label("");
            ui.strong(lang.pick("Summa", "Total"));
            for (k, m) in sums.iter().enumerate() {
                let text = i18n::money(lang, *m);
                num_cell_w(ui, 120.0, RichText::new(&text).strong()).accessible_name(format!(
                    "{}, {}: {text}",
                    lang.pick("Summa", "Total"),
                    columns[k]
                ));
            }
            ui.end_row();
        });
    ui.add_space(6.0);
    let equal = sums[1] == sums[2] && sums[0].is_zero() && sums[3].is_zero();
    let text = if equal {
        match lang {
            Lang::Sv => format!(
                "Debet och kredit är lika ({} kr), och ingående och utgående balanser summerar till noll.",
                i18n::money(lang, sums[1])
            ),
            Lang::En => format!(
                "Debit equals credit (SEK {}), and the opening and closing balances sum to zero.",
                i18n::money(lang, sums[1])
            ),
        }
    } else {
        lang.pick(
            "Råbalansen går inte ihop. Det är ett fel i Sif; rapportera det.",
            "The trial balance does not add up. This is a bug in Sif; please report it.",
        )
        .to_string()
    };
    let color = if equal {
        ui.visuals().text_color()
    } else {
        widgets::error_color(ui)
    };
    ui.label(RichText::new(&text).color(color))
        .accessible_name(text.clone());

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
            let text = match (statement, lang) {
                (Some(s), Lang::Sv) if s == booked => format!(
                    "Fondens saldo enligt bokföringen (konto {account}) vid slutet av {year}: {} – samma som i fondredovisningen.",
                    i18n::money_kr(lang, booked)
                ),
                (Some(s), Lang::En) if s == booked => format!(
                    "The fund balance in the ledger (account {account}) at the end of {year}: {} – the same as in the fund statement.",
                    i18n::money_kr(lang, booked)
                ),
                (s, Lang::Sv) => format!(
                    "Fondens saldo enligt bokföringen (konto {account}) är {}, men fondredovisningen säger {}. Det är ett fel i Sif; rapportera det.",
                    i18n::money_kr(lang, booked),
                    s.map_or_else(|| "–".to_string(), |s| i18n::money_kr(lang, s))
                ),
                (s, Lang::En) => format!(
                    "The fund balance in the ledger (account {account}) is {}, but the fund statement says {}. This is a bug in Sif; please report it.",
                    i18n::money_kr(lang, booked),
                    s.map_or_else(|| "–".to_string(), |s| i18n::money_kr(lang, s))
                ),
            };
            let ok = statement == Some(booked);
            let color = if ok {
                ui.visuals().text_color()
            } else {
                widgets::error_color(ui)
            };
            ui.label(RichText::new(&text).color(color))
                .accessible_name(text.clone());
        }
        FundingModel::AnnualAppropriation => {
            ui.label(lang.pick(
                "Årligt anslag: fonden har inget öronmärkt eget kapital, så inget fondsaldo bokförs.",
                "Annual appropriation: the fund has no earmarked equity, so no fund balance is booked.",
            ));
        }
    }
    let basis = match journal.basis(year) {
        Basis::Plan => lang.pick(
            "Året är öppet: verifikationerna bygger på planen och är märkta (plan).",
            "The year is open: the vouchers are from the plan and marked (plan).",
        ),
        Basis::Actual => lang.pick(
            "Året är stängt: verifikationerna bygger på utfallet.",
            "The year is closed: the vouchers are from the actual figures.",
        ),
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
        ui.heading(lang.pick("Exportera bokföringen", "Export the ledger"));
        ui.add_space(6.0);
        ui.strong(lang.pick("Format", "Format"));
        for f in LedgerFormat::ALL {
            ui.radio_value(&mut d.format, f, f.name(lang));
        }
        ui.add_space(6.0);
        egui::Grid::new("export_choices")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let label = form_label(ui, lang.pick("År att exportera", "Years to export"));
                let mut years: Vec<(Option<i32>, String)> = vec![(
                    None,
                    match lang {
                        Lang::Sv => format!("Alla år ({}–{})", fund.first_year, fund.last_year()),
                        Lang::En => {
                            format!("Every year ({}–{})", fund.first_year, fund.last_year())
                        }
                    },
                )];
                years.extend(fund.horizon().take(60).map(|y| (Some(y), y.to_string())));
                if let Some(y) = choice(ui, "export_year", Name::By(label), &d.year, &years, 200.0)
                {
                    d.year = y;
                }
                ui.end_row();

                let label = form_label(
                    ui,
                    lang.pick("Scenario att exportera", "Scenario to export"),
                );
                let mut scenarios: Vec<(Option<String>, String)> = vec![(
                    None,
                    lang.pick("Grundscenario", "Base scenario").to_string(),
                )];
                scenarios.extend(
                    fund.scenarios
                        .iter()
                        .map(|s| (Some(s.name.clone()), s.name.clone())),
                );
                if let Some(s) = choice(
                    ui,
                    "export_scenario",
                    Name::By(label),
                    &d.scenario,
                    &scenarios,
                    200.0,
                ) {
                    d.scenario = s;
                }
                ui.end_row();

                let label = form_label(ui, lang.pick("CSV-format", "CSV dialect"));
                let dialects = vec![
                    (
                        CsvDialect::Swedish,
                        lang.pick(
                            "Svenskt: semikolon och decimalkomma",
                            "Swedish: semicolons and decimal commas",
                        )
                        .to_string(),
                    ),
                    (
                        CsvDialect::Rfc4180,
                        lang.pick(
                            "RFC 4180: komma och decimalpunkt",
                            "RFC 4180: commas and decimal points",
                        )
                        .to_string(),
                    ),
                ];
                ui.add_enabled_ui(d.format == LedgerFormat::Csv, |ui| {
                    if let Some(v) = choice(
                        ui,
                        "export_dialect",
                        Name::By(label),
                        &d.dialect,
                        &dialects,
                        260.0,
                    ) {
                        d.dialect = v;
                    }
                });
                ui.end_row();
            });
        ui.add_space(6.0);
        let proposed = if st.options.include_proposed {
            lang.pick(
                "Föreslagna insatser räknas med, som i fältet överst.",
                "Proposed initiatives are included, as in the bar at the top.",
            )
        } else {
            lang.pick(
                "Föreslagna insatser räknas inte med, som i fältet överst.",
                "Proposed initiatives are not included, as in the bar at the top.",
            )
        };
        ui.label(RichText::new(proposed).weak());
        let needs_year = d.format.needs_year() && d.year.is_none();
        if needs_year {
            ui.label(
                RichText::new(lang.pick(
                    "SIE 4E gäller ett räkenskapsår: välj ett år.",
                    "SIE 4E covers one financial year: choose a year.",
                ))
                .color(widgets::error_color(ui)),
            );
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    !needs_year,
                    egui::Button::new(
                        lang.pick("Välj fil och exportera…", "Choose a file and export…"),
                    ),
                )
                .clicked()
            {
                export = true;
            }
            if ui.button(lang.pick("Avbryt", "Cancel")).clicked() {
                cancel = true;
            }
        });
    });
    if export {
        st.ledger.export = None;
        out.push(Command::Export(ExportRequest::Ledger(LedgerExport {
            format: d.format,
            year: d.year,
            scenario: d.scenario,
            dialect: d.dialect,
        })));
    } else if cancel || modal.should_close() {
        st.ledger.export = None;
    } else {
        st.ledger.export = Some(d);
    }
}
