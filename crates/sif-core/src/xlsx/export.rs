//! The reports as one workbook: a sheet per report (fund statement, repayment schedule with
//! arrears, appraisal gross and adjusted, who gains, reconciliation, vouchers, the plan as
//! budget by account and month) and a sheet of the fund's settings and the scenario.
//!
//! Every figure comes from the engine's [`Projection`] or the [`Journal`]; totals are sums of
//! the figures shown, computed here with checked arithmetic and written as values, never as
//! formulas that could drift. The sheets are first built as plain [`Sheet`] values (headings,
//! typed cells, each column's JSON key), then written by one function, so a report gains a
//! column in its builder alone, and tests can compare the workbook with the JSON reports.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::KRONA_FORMAT;
use super::text::WorkbookText;
use crate::engine::{Projection, RuleOutcome};
use crate::ledger::budget::{BudgetObject, budget};
use crate::ledger::{Basis, Journal, LedgerError};
use crate::model::{ActorKind, Fund, FundingModel, Repayment};
use crate::money::{Money, Overflow, checked_sum};
use crate::report::Lang;

/// One cell of a report sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// Whole kronor, written as a number with the krona format.
    Money(Money),
    /// A year, a count or an account number.
    Int(i64),
    /// A ratio or a present value, written with two decimals.
    Decimal(f64),
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn opt_year(y: Option<i32>) -> Cell {
        y.map_or(Cell::Empty, |y| Cell::Int(i64::from(y)))
    }
}

/// A column: its heading, and the field of the JSON report it mirrors
/// (`current.balance_result`), or `""` for a column of its own (a name, a label).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub key: &'static str,
    pub heading: WorkbookText,
}

impl Column {
    /// The column's heading in that language.
    pub fn heading(&self, lang: Lang) -> &'static str {
        lang.t(self.heading)
    }
}

const fn c(key: &'static str, heading: WorkbookText) -> Column {
    Column { key, heading }
}

/// A table on a sheet: a heading row, data rows and an optional row of totals.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// A line above the heading row.
    pub title: Option<String>,
    /// Which JSON array the rows mirror (`statement.years`), for tests; `""` for none.
    pub json: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Totals: a label in the first cell, sums of money columns, empty cells elsewhere.
    pub total: Option<Vec<Cell>>,
}

/// One sheet of the workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// What the sheet is, stable across languages: `statement`, `schedule`, …
    pub key: &'static str,
    pub name: String,
    pub title: String,
    /// Lines under the title: the scenario, the proposal's label, how arrears are treated.
    pub notes: Vec<String>,
    pub blocks: Vec<Block>,
}

impl Sheet {
    /// The 0-based row of each block's heading row, as [`workbook`] lays the sheet out: the
    /// title, the notes, an empty row, then each block (its title, headings, rows, totals)
    /// followed by an empty row.
    pub fn heading_rows(&self) -> Vec<u32> {
        let mut row = 1 + self.notes.len() as u32 + 1;
        let mut out = Vec::new();
        for b in &self.blocks {
            if b.title.is_some() {
                row += 1;
            }
            out.push(row);
            row += 1 + b.rows.len() as u32 + u32::from(b.total.is_some()) + 1;
        }
        out
    }
}

/// What the workbook shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOptions {
    pub lang: Lang,
    pub include_proposed: bool,
}

/// Why the workbook could not be written. Its words (and its `Display`) are in
/// [`crate::messages`].
#[derive(Debug)]
pub enum ExportError {
    Overflow(Overflow),
    /// The workbook writer's own error; its reason is in English.
    Xlsx(XlsxError),
    Ledger(LedgerError),
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Overflow(e) => Some(e),
            ExportError::Xlsx(e) => Some(e),
            ExportError::Ledger(e) => Some(e),
        }
    }
}

impl From<Overflow> for ExportError {
    fn from(e: Overflow) -> Self {
        ExportError::Overflow(e)
    }
}

impl From<XlsxError> for ExportError {
    fn from(e: XlsxError) -> Self {
        ExportError::Xlsx(e)
    }
}

impl From<LedgerError> for ExportError {
    fn from(e: LedgerError) -> Self {
        ExportError::Ledger(e)
    }
}

/// The sheets of the report workbook, in order.
pub fn sheets(
    fund: &Fund,
    projection: &Projection,
    journal: &Journal,
    options: &ExportOptions,
) -> Result<Vec<Sheet>, ExportError> {
    let l = options.lang;
    Ok(vec![
        statement_sheet(fund, projection, l)?,
        schedule_sheet(fund, projection, l)?,
        appraisal_sheet(fund, projection, l)?,
        who_gains_sheet(fund, projection, l)?,
        reconciliation_sheet(fund, projection, l)?,
        vouchers_sheet(journal, l)?,
        budget_sheet(fund, projection, journal, l)?,
        settings_sheet(fund, projection, options),
    ])
}

/// The report workbook as `.xlsx` bytes.
pub fn workbook(
    fund: &Fund,
    projection: &Projection,
    journal: &Journal,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let sheets = sheets(fund, projection, journal, options)?;
    write_sheets(&sheets, options.lang)
}

/// Write built sheets into a workbook.
pub fn write_sheets(sheets: &[Sheet], lang: Lang) -> Result<Vec<u8>, ExportError> {
    let mut wb = Workbook::new();
    let title = Format::new().set_bold().set_font_size(14);
    let note = Format::new().set_italic();
    let block_title = Format::new().set_bold();
    let heading = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border_bottom(FormatBorder::Thin);
    let money = Format::new().set_num_format(KRONA_FORMAT);
    let decimal = Format::new().set_num_format("#,##0.00;[Red]-#,##0.00");
    // Years, account and voucher numbers, counts: centred, so they stand apart from the
    // right-aligned amounts and the left-aligned names beside them.
    let integer = Format::new()
        .set_num_format("0")
        .set_align(FormatAlign::Center);
    let total_text = Format::new().set_bold().set_border_top(FormatBorder::Thin);
    let total_money = Format::new()
        .set_bold()
        .set_num_format(KRONA_FORMAT)
        .set_border_top(FormatBorder::Thin);
    let total_blank = Format::new().set_border_top(FormatBorder::Thin);
    for sheet in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&sheet.name)?;
        // Printed (or saved as PDF) one page wide, as a committee's appendix is.
        ws.set_landscape();
        ws.set_print_fit_to_pages(1, 0);
        let mut widths: Vec<usize> = Vec::new();
        let mut fit = |col: usize, chars: usize| {
            if widths.len() <= col {
                widths.resize(col + 1, 8);
            }
            widths[col] = widths[col].max(chars);
        };
        ws.write_string_with_format(0, 0, &sheet.title, &title)?;
        let mut row = 1_u32;
        for n in &sheet.notes {
            ws.write_string_with_format(row, 0, n, &note)?;
            row += 1;
        }
        row += 1;
        let mut first_heading = None;
        // Each heading row with its headings, to give it the height its wrapped text needs
        // once the column widths are known.
        let mut heading_rows: Vec<(u32, Vec<&str>)> = Vec::new();
        for b in &sheet.blocks {
            if let Some(t) = &b.title {
                ws.write_string_with_format(row, 0, t, &block_title)?;
                row += 1;
            }
            first_heading.get_or_insert(row);
            heading_rows.push((row, b.columns.iter().map(|c| c.heading(lang)).collect()));
            for (i, col) in b.columns.iter().enumerate() {
                let h = col.heading(lang);
                ws.write_string_with_format(row, i as u16, h, &heading)?;
                // Headings wrap at spaces; the longest word must fit.
                fit(
                    i,
                    h.split(' ')
                        .map(str::len)
                        .max()
                        .unwrap_or(0)
                        .max(h.len() / 2),
                );
            }
            row += 1;
            for cells in &b.rows {
                for (i, cell) in cells.iter().enumerate() {
                    let w = write_cell(ws, row, i as u16, cell, &money, &decimal, &integer)?;
                    fit(i, w);
                }
                row += 1;
            }
            if let Some(total) = &b.total {
                for (i, cell) in total.iter().enumerate() {
                    let col = i as u16;
                    match cell {
                        Cell::Money(m) => {
                            ws.write_number_with_format(row, col, m.0 as f64, &total_money)?;
                            fit(i, money_width(*m));
                        }
                        Cell::Text(t) => {
                            ws.write_string_with_format(row, col, t, &total_text)?;
                            fit(i, t.chars().count());
                        }
                        _ => {
                            ws.write_blank(row, col, &total_blank)?;
                        }
                    }
                }
                row += 1;
            }
            row += 1;
        }
        let column_width = |i: usize| (widths.get(i).copied().unwrap_or(8) as f64 + 2.0).min(60.0);
        for i in 0..widths.len() {
            ws.set_column_width(i as u16, column_width(i))?;
        }
        // A row's height is not recomputed by every spreadsheet program when it opens the
        // file: the title row gets room for its larger font, each heading row for its
        // longest wrapped heading, so no heading is cut off or runs into the row below.
        ws.set_row_height(0, 21)?;
        for (r, headings) in &heading_rows {
            let lines = headings
                .iter()
                .enumerate()
                .map(|(i, h)| wrapped_lines(h, column_width(i)))
                .max()
                .unwrap_or(1);
            ws.set_row_height(*r, 15.0 * lines as f64 + 3.0)?;
        }
        if let Some(h) = first_heading {
            ws.set_freeze_panes(h + 1, 0)?;
        }
    }
    if let Ok(ws) = wb.worksheet_from_index(0) {
        ws.set_active(true);
    }
    Ok(wb.save_to_buffer()?)
}

/// How many lines a heading takes when wrapped at spaces in a column `width` characters wide
/// (bold text is a little wider than the width's unit, hence the margin).
fn wrapped_lines(heading: &str, width: f64) -> usize {
    let room = ((width - 1.0) / 1.1).max(1.0) as usize;
    let mut lines = 1;
    let mut used = 0;
    for word in heading.split(' ') {
        let n = word.chars().count();
        if used == 0 {
            used = n;
        } else if used + 1 + n <= room {
            used += 1 + n;
        } else {
            lines += 1;
            used = n;
        }
    }
    lines
}

/// The characters a money cell shows: digits, group separators and " kr".
fn money_width(m: Money) -> usize {
    let digits = m.0.unsigned_abs().to_string().len();
    digits + (digits - 1) / 3 + 3 + usize::from(m.0 < 0)
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    money: &Format,
    decimal: &Format,
    integer: &Format,
) -> Result<usize, XlsxError> {
    Ok(match cell {
        Cell::Empty => 0,
        Cell::Text(t) => {
            ws.write_string(row, col, t)?;
            t.chars().count().min(60)
        }
        Cell::Money(m) => {
            // Whole kronor up to 10^12 (the validator's limit) are exact in an f64.
            ws.write_number_with_format(row, col, m.0 as f64, money)?;
            money_width(*m)
        }
        Cell::Int(i) => {
            ws.write_number_with_format(row, col, *i as f64, integer)?;
            i.to_string().len()
        }
        Cell::Decimal(x) => {
            ws.write_number_with_format(row, col, *x, decimal)?;
            // Digits, group separators, the decimal sign and two decimals.
            let digits = format!("{:.0}", x.abs().trunc()).len();
            digits + (digits - 1) / 3 + 3 + usize::from(*x < 0.0)
        }
    })
}

/// The sums of a block's money columns, with a label in the first cell.
fn totals(
    lang: Lang,
    columns: &[Column],
    rows: &[Vec<Cell>],
    money_cols: &[usize],
) -> Result<Vec<Cell>, Overflow> {
    let mut out = vec![Cell::Empty; columns.len()];
    out[0] = Cell::text(lang.t(WorkbookText::Total));
    for &i in money_cols {
        let sum = checked_sum(rows.iter().filter_map(|r| match r.get(i) {
            Some(Cell::Money(m)) => Some(*m),
            _ => None,
        }))?;
        out[i] = Cell::Money(sum);
    }
    Ok(out)
}

fn scenario_note(p: &Projection, lang: Lang) -> String {
    if p.scenario == "base" {
        lang.t(WorkbookText::BaseScenarioAmountsInKronor)
            .to_string()
    } else {
        format!(
            "{} {}, {}",
            lang.t(WorkbookText::Scenario),
            p.scenario,
            lang.t(WorkbookText::AmountsInKronor)
        )
    }
}

fn title(fund: &Fund, lang: Lang, what: WorkbookText) -> String {
    format!("{} – {} ({})", lang.t(what), fund.name, fund.organisation)
}

fn initiative_name(fund: &Fund, code: &str) -> String {
    fund.initiatives
        .iter()
        .find(|i| i.code == code)
        .map_or_else(String::new, |i| i.name.clone())
}

fn statement_sheet(fund: &Fund, p: &Projection, lang: Lang) -> Result<Sheet, Overflow> {
    let columns = vec![
        c("year", WorkbookText::Year),
        c("opening", WorkbookText::OpeningBalance),
        c("capital", WorkbookText::Capital),
        c("disbursed", WorkbookText::Disbursed),
        c("repaid", WorkbookText::Repaid),
        c("fund_used", WorkbookText::PaidByTheFund),
        c("unfunded", WorkbookText::Unfunded),
        c("closing", WorkbookText::ClosingBalance),
        c("committed", WorkbookText::Committed),
        c("uncommitted", WorkbookText::Uncommitted),
    ];
    let rows: Vec<Vec<Cell>> = p
        .statement
        .iter()
        .map(|y| {
            vec![
                Cell::Int(i64::from(y.year)),
                Cell::Money(y.opening),
                Cell::Money(y.capital),
                Cell::Money(y.disbursed),
                Cell::Money(y.repaid),
                Cell::Money(y.fund_used),
                Cell::Money(y.unfunded),
                Cell::Money(y.closing),
                Cell::Money(y.committed),
                Cell::Money(y.uncommitted),
            ]
        })
        .collect();
    // Balances do not add up over years; only the flows get a total.
    let total = totals(lang, &columns, &rows, &[2, 3, 4, 5, 6])?;
    let mut notes = vec![
        scenario_note(p, lang),
        lang.t(WorkbookText::TheFundPaysOnlyWhat).to_string(),
    ];
    if fund.model == FundingModel::AnnualAppropriation {
        notes.push(
            lang.t(WorkbookText::AnnualAppropriationWhatIsUnspent)
                .to_string(),
        );
    }
    Ok(Sheet {
        key: "statement",
        name: lang.t(WorkbookText::FundSheet).to_string(),
        title: title(fund, lang, WorkbookText::FundStatement),
        notes,
        blocks: vec![Block {
            title: None,
            json: "statement.years",
            columns,
            rows,
            total: Some(total),
        }],
    })
}

/// How arrears are treated under the initiative's repayment agreement (SPEC §4.4).
fn arrears_kind(fund: &Fund, code: &str, lang: Lang) -> &'static str {
    match fund
        .initiatives
        .iter()
        .find(|i| i.code == code)
        .map(|i| &i.repayment)
    {
        Some(Repayment::Fixed(_)) => lang.t(WorkbookText::FixedOwedInAddition),
        Some(Repayment::FromSavings { .. }) => lang.t(WorkbookText::FromSavingsCarriedInto),
        _ => "",
    }
}

fn schedule_sheet(fund: &Fund, p: &Projection, lang: Lang) -> Result<Sheet, Overflow> {
    let columns = vec![
        c("year", WorkbookText::Year),
        c("initiative", WorkbookText::Initiative),
        c("", WorkbookText::Name),
        c("payer", WorkbookText::Payer),
        c("planned", WorkbookText::Planned),
        c("actual", WorkbookText::Actual),
        c("", WorkbookText::Arrears),
        c("", WorkbookText::KindOfArrears),
    ];
    let mut rows = Vec::new();
    for r in &p.schedule.rows {
        let (actual, arrears, kind) = match r.actual {
            Some(a) => {
                let arrears = r.planned.checked_sub(a)?;
                let kind = if arrears.is_zero() {
                    ""
                } else {
                    arrears_kind(fund, &r.initiative, lang)
                };
                (Cell::Money(a), Cell::Money(arrears), kind)
            }
            None => (Cell::Empty, Cell::Empty, ""),
        };
        rows.push(vec![
            Cell::Int(i64::from(r.year)),
            Cell::text(r.initiative.clone()),
            Cell::text(initiative_name(fund, &r.initiative)),
            Cell::text(r.payer.clone()),
            Cell::Money(r.planned),
            actual,
            arrears,
            Cell::text(kind),
        ]);
    }
    let total = totals(lang, &columns, &rows, &[4, 5, 6])?;
    let out_columns = vec![
        c("initiative", WorkbookText::Initiative),
        c("", WorkbookText::Name),
        c("amount", WorkbookText::OutstandingAfterTheHorizon),
    ];
    let out_rows: Vec<Vec<Cell>> = p
        .schedule
        .outstanding
        .iter()
        .map(|o| {
            vec![
                Cell::text(o.initiative.clone()),
                Cell::text(initiative_name(fund, &o.initiative)),
                Cell::Money(o.amount),
            ]
        })
        .collect();
    let out_total = totals(lang, &out_columns, &out_rows, &[2])?;
    Ok(Sheet {
        key: "schedule",
        name: lang.t(WorkbookText::Repayments).to_string(),
        title: title(fund, lang, WorkbookText::RepaymentSchedule),
        notes: vec![
            scenario_note(p, lang),
            lang.t(WorkbookText::ActualAndArrearsPlannedActual)
                .to_string(),
        ],
        blocks: vec![
            Block {
                title: None,
                json: "schedule.rows",
                columns,
                rows,
                total: Some(total),
            },
            Block {
                title: Some(lang.t(WorkbookText::Outstanding).to_string()),
                json: "schedule.outstanding",
                columns: out_columns,
                rows: out_rows,
                total: Some(out_total),
            },
        ],
    })
}

fn appraisal_sheet(fund: &Fund, p: &Projection, lang: Lang) -> Result<Sheet, Overflow> {
    let columns = vec![
        c("code", WorkbookText::Initiative),
        c("", WorkbookText::Name),
        c("cost", WorkbookText::Cost),
        c("savings", WorkbookText::Savings),
        c("cashable_savings", WorkbookText::CashableSavings),
        c("repaid", WorkbookText::Repaid),
        c("npv", WorkbookText::NetPresentValue),
        c("bcr", WorkbookText::BenefitCostRatio),
        c("payback_year", WorkbookText::PaybackYear),
    ];
    let rows: Vec<Vec<Cell>> = p
        .appraisal
        .iter()
        .map(|a| {
            vec![
                Cell::text(a.code.clone()),
                Cell::text(initiative_name(fund, &a.code)),
                Cell::Money(a.cost),
                Cell::Money(a.savings),
                Cell::Money(a.cashable_savings),
                Cell::Money(a.repaid),
                Cell::Decimal(a.npv),
                a.bcr.map_or(Cell::Empty, Cell::Decimal),
                Cell::opt_year(a.payback_year),
            ]
        })
        .collect();
    let total = totals(lang, &columns, &rows, &[2, 3, 4, 5])?;
    Ok(Sheet {
        key: "appraisal",
        name: lang.t(WorkbookText::Appraisal).to_string(),
        title: title(
            fund,
            lang,
            WorkbookText::SocioEconomicAppraisalPerInitiative,
        ),
        notes: vec![
            scenario_note(p, lang),
            format!(
                "{} {} %",
                lang.t(WorkbookText::DiscountRate),
                lang.decimal(fund.discount_rate)
            ),
        ],
        blocks: vec![
            Block {
                title: Some(lang.t(WorkbookText::GrossTheSavingsAsExpected).to_string()),
                json: "appraisal.initiatives",
                columns,
                rows,
                total: Some(total),
            },
            adjusted_block(fund, p, lang)?,
            coverage_block(fund, p, lang)?,
            sensitivity_block(fund, p, lang),
            fund_by_actor_block(fund, p, lang)?,
        ],
    })
}

/// The adjusted appraisal (SPEC §4.7) per initiative: after deadweight, attribution, drop-off
/// and optimism bias, with the range and the switching values.
fn adjusted_block(fund: &Fund, p: &Projection, lang: Lang) -> Result<Block, Overflow> {
    let columns = vec![
        c("code", WorkbookText::Initiative),
        c("", WorkbookText::Name),
        c("adjusted.cost", WorkbookText::CostAdjusted),
        c("adjusted.savings", WorkbookText::SavingsAdjusted),
        c(
            "adjusted.cashable_savings",
            WorkbookText::CashableSavingsAdjusted,
        ),
        c("adjusted.npv", WorkbookText::NetPresentValueAdjusted),
        c("adjusted.npv_low", WorkbookText::NetPresentValueLow),
        c("adjusted.npv_high", WorkbookText::NetPresentValueHigh),
        c("adjusted.bcr", WorkbookText::BenefitCostRatioAdjusted),
        c("adjusted.payback_year", WorkbookText::PaybackYear),
        c(
            "adjusted.discounted_payback_year",
            WorkbookText::DiscountedPaybackYear,
        ),
        c(
            "adjusted.switching.savings_percent",
            WorkbookText::SwitchingValueShare,
        ),
        c(
            "adjusted.switching.delay_years",
            WorkbookText::SwitchingValueDelayYears,
        ),
    ];
    let rows: Vec<Vec<Cell>> = p
        .appraisal
        .iter()
        .map(|a| {
            let j = &a.adjusted;
            vec![
                Cell::text(a.code.clone()),
                Cell::text(initiative_name(fund, &a.code)),
                Cell::Money(j.cost),
                Cell::Money(j.savings),
                Cell::Money(j.cashable_savings),
                Cell::Decimal(j.npv),
                Cell::Decimal(j.npv_low),
                Cell::Decimal(j.npv_high),
                j.bcr.map_or(Cell::Empty, Cell::Decimal),
                Cell::opt_year(j.payback_year),
                Cell::opt_year(j.discounted_payback_year),
                j.switching
                    .savings_percent
                    .map_or(Cell::Empty, Cell::Decimal),
                j.switching
                    .delay_years
                    .map_or(Cell::Empty, |d| Cell::Int(i64::from(d))),
            ]
        })
        .collect();
    let total = totals(lang, &columns, &rows, &[2, 3, 4])?;
    Ok(Block {
        title: Some(
            lang.t(WorkbookText::AdjustedAppraisalAfterDeadweightAttribution)
                .to_string(),
        ),
        json: "appraisal.initiatives",
        columns,
        rows,
        total: Some(total),
    })
}

/// Whether each committee's planned repayments are covered by its adjusted cashable savings.
fn coverage_block(fund: &Fund, p: &Projection, lang: Lang) -> Result<Block, Overflow> {
    let columns = vec![
        c("code", WorkbookText::Initiative),
        c("actor", WorkbookText::Payer),
        c("", WorkbookText::Name),
        c("planned", WorkbookText::PlannedRepayment),
        c("covered", WorkbookText::CoveredByAdjustedCashableSavings),
        c("shortfall", WorkbookText::Shortfall),
    ];
    let mut rows = Vec::new();
    for a in &p.appraisal {
        for r in &a.adjusted.repayment_coverage {
            rows.push(vec![
                Cell::text(a.code.clone()),
                Cell::text(r.actor.clone()),
                Cell::text(
                    fund.actor(&r.actor)
                        .map_or_else(String::new, |x| x.name.clone()),
                ),
                Cell::Money(r.planned),
                Cell::Money(r.covered),
                Cell::Money(r.shortfall),
            ]);
        }
    }
    let total = totals(lang, &columns, &rows, &[3, 4, 5])?;
    Ok(Block {
        title: Some(
            lang.t(WorkbookText::RepaymentCoverageCanEachCommittee)
                .to_string(),
        ),
        json: "appraisal.repayment_coverage",
        columns,
        rows,
        total: Some(total),
    })
}

/// Each savings row with a range, alone at its low and high value (the tornado chart's bars).
fn sensitivity_block(fund: &Fund, p: &Projection, lang: Lang) -> Block {
    let columns = vec![
        c("code", WorkbookText::Initiative),
        c("row", WorkbookText::SavingsRow),
        c("actor", WorkbookText::Actor),
        c("", WorkbookText::Name),
        c("npv_low", WorkbookText::NetPresentValueRowLow),
        c("npv_high", WorkbookText::NetPresentValueRowHigh),
    ];
    let mut rows = Vec::new();
    for a in &p.appraisal {
        for s in &a.sensitivity {
            rows.push(vec![
                Cell::text(a.code.clone()),
                Cell::Int(s.row as i64),
                Cell::text(s.actor.clone()),
                Cell::text(
                    fund.actor(&s.actor)
                        .map_or_else(String::new, |x| x.name.clone()),
                ),
                Cell::Decimal(s.npv_low),
                Cell::Decimal(s.npv_high),
            ]);
        }
    }
    Block {
        title: Some(
            lang.t(WorkbookText::SensitivityEachSavingsRowAlone)
                .to_string(),
        ),
        json: "appraisal.sensitivity",
        columns,
        rows,
        total: None,
    }
}

/// The adjusted figures summed per actor over the counted initiatives: the net present budget
/// impact of the whole fund.
fn fund_by_actor_block(fund: &Fund, p: &Projection, lang: Lang) -> Result<Block, Overflow> {
    let columns = vec![
        c("actor", WorkbookText::Actor),
        c("", WorkbookText::Name),
        c("cost", WorkbookText::CostAdjusted),
        c("savings", WorkbookText::SavingsAdjusted),
        c("npv", WorkbookText::NetPresentValueToTheActor),
    ];
    let rows: Vec<Vec<Cell>> = p
        .appraisal_by_actor
        .iter()
        .map(|b| {
            vec![
                Cell::text(b.actor.clone()),
                Cell::text(
                    fund.actor(&b.actor)
                        .map_or_else(String::new, |x| x.name.clone()),
                ),
                Cell::Money(b.cost),
                Cell::Money(b.savings),
                Cell::Decimal(b.npv),
            ]
        })
        .collect();
    let total = totals(lang, &columns, &rows, &[2, 3])?;
    Ok(Block {
        title: Some(lang.t(WorkbookText::TheWholeFundPerActor).to_string()),
        json: "appraisal.fund.by_actor",
        columns,
        rows,
        total: Some(total),
    })
}

fn who_gains_sheet(fund: &Fund, p: &Projection, lang: Lang) -> Result<Sheet, Overflow> {
    let columns = vec![
        c("code", WorkbookText::Initiative),
        c("actor", WorkbookText::Actor),
        c("", WorkbookText::Name),
        c("cost", WorkbookText::BearsCost),
        c("savings", WorkbookText::GainsSavings),
        c("repaid", WorkbookText::Repays),
    ];
    let actor_name = |code: &str| {
        fund.actor(code)
            .map_or_else(String::new, |a| a.name.clone())
    };
    let mut rows = Vec::new();
    for a in &p.appraisal {
        for b in &a.by_actor {
            rows.push(vec![
                Cell::text(a.code.clone()),
                Cell::text(b.actor.clone()),
                Cell::text(actor_name(&b.actor)),
                Cell::Money(b.cost),
                Cell::Money(b.savings),
                Cell::Money(b.repaid),
            ]);
        }
    }
    let total = totals(lang, &columns, &rows, &[3, 4, 5])?;
    // The same figures summed per actor: the wrong-pocket picture of the whole fund.
    let per_columns = vec![
        c("actor", WorkbookText::Actor),
        c("", WorkbookText::Name),
        c("", WorkbookText::Kind),
        c("cost", WorkbookText::BearsCost),
        c("savings", WorkbookText::GainsSavings),
        c("repaid", WorkbookText::Repays),
    ];
    let mut per_rows = Vec::new();
    for actor in &fund.actors {
        let figures: Vec<_> = p
            .appraisal
            .iter()
            .flat_map(|a| a.by_actor.iter())
            .filter(|b| b.actor == actor.code)
            .collect();
        if figures.is_empty() {
            continue;
        }
        per_rows.push(vec![
            Cell::text(actor.code.clone()),
            Cell::text(actor.name.clone()),
            Cell::text(match actor.kind {
                ActorKind::Committee => lang.t(WorkbookText::Committee),
                ActorKind::External => lang.t(WorkbookText::External),
            }),
            Cell::Money(checked_sum(figures.iter().map(|b| b.cost))?),
            Cell::Money(checked_sum(figures.iter().map(|b| b.savings))?),
            Cell::Money(checked_sum(figures.iter().map(|b| b.repaid))?),
        ]);
    }
    let per_total = totals(lang, &per_columns, &per_rows, &[3, 4, 5])?;
    Ok(Sheet {
        key: "who_gains",
        name: lang.t(WorkbookText::WhoGains).to_string(),
        title: title(fund, lang, WorkbookText::WhoPaysWhoGains),
        notes: vec![
            scenario_note(p, lang),
            lang.t(WorkbookText::TheFundsCostsAreBorne).to_string(),
        ],
        blocks: vec![
            Block {
                title: None,
                json: "appraisal.by_actor",
                columns,
                rows,
                total: Some(total),
            },
            Block {
                title: Some(lang.t(WorkbookText::PerActor).to_string()),
                json: "",
                columns: per_columns,
                rows: per_rows,
                total: Some(per_total),
            },
        ],
    })
}

/// The proposal's label, everywhere it is shown (SPEC §5.2).
pub fn proposal_label(lang: Lang) -> &'static str {
    lang.t(WorkbookText::ProposalSifsReadingOfESO)
}

fn reconciliation_sheet(fund: &Fund, p: &Projection, lang: Lang) -> Result<Sheet, Overflow> {
    // The lines in the order a balanskravsutredning publishes them, years as rows.
    let lines = [
        c("year", WorkbookText::Year),
        c("result_before_fund", WorkbookText::ResultBeforeTheFund),
        c("disbursed", WorkbookText::FundDisbursements),
        c("repaid", WorkbookText::RepaymentsInternal),
        c("result", WorkbookText::ResultForTheYear),
        c("realisation_gains", WorkbookText::RealisationGains),
        c("exemption_adjustment", WorkbookText::ExemptionAdjustment),
        c("securities_adjustment", WorkbookText::SecuritiesAdjustment),
        c("adjusted_result", WorkbookText::AdjustedResult),
        c("reserve_reservation", WorkbookText::ReservedToTheReserve),
        c("reserve_use", WorkbookText::UsedFromTheReserve),
    ];
    let common = |y: &crate::engine::ReconcileYear| {
        vec![
            Cell::Int(i64::from(y.year)),
            Cell::Money(y.result_before_fund),
            Cell::Money(y.disbursed),
            Cell::Money(y.repaid),
            Cell::Money(y.result),
            Cell::Money(y.realisation_gains),
            Cell::Money(y.exemption_adjustment),
            Cell::Money(y.securities_adjustment),
            Cell::Money(y.adjusted_result),
            Cell::Money(y.reserve_reservation),
            Cell::Money(y.reserve_use),
        ]
    };
    // Each rule set's own lines, with the JSON key of its object.
    macro_rules! tail {
        ($p:literal) => {
            [
                c(
                    concat!($p, ".special_reasons_applied"),
                    WorkbookText::SpecialReasons,
                ),
                c(concat!($p, ".balance_result"), WorkbookText::BalanceResult),
                c(concat!($p, ".restore_by"), WorkbookText::RestoreBy),
                c(concat!($p, ".restored"), WorkbookText::Restored),
                c(concat!($p, ".to_restore"), WorkbookText::StillToRestore),
                c(concat!($p, ".overdue"), WorkbookText::Overdue),
            ]
        };
    }
    let mut current_columns = lines.to_vec();
    current_columns.extend(tail!("current"));
    let mut proposed_columns = lines.to_vec();
    proposed_columns.extend([
        c("proposed.fund_used", WorkbookText::FundUsed),
        c("proposed.fund_reearmarked", WorkbookText::ReEarmarked),
        c("proposed.fund_adjustment", WorkbookText::TheFundsLine),
    ]);
    proposed_columns.extend(tail!("proposed"));
    let mut current_rows = Vec::new();
    let mut proposed_rows = Vec::new();
    // The last columns of both tables: a rule set's outcome.
    let outcome = |o: &RuleOutcome| {
        [
            Cell::Money(o.special_reasons_applied),
            Cell::Money(o.balance_result),
            Cell::opt_year(o.restore_by),
            Cell::Money(o.restoration.restored),
            Cell::Money(o.restoration.to_restore),
            Cell::Money(o.restoration.overdue),
        ]
    };
    for y in &p.reconciliation {
        let mut row = common(y);
        row.extend(outcome(&y.current));
        current_rows.push(row);
        let q = &y.proposed;
        let mut row = common(y);
        row.extend([
            Cell::Money(q.fund_used),
            Cell::Money(q.fund_reearmarked),
            Cell::Money(q.fund_adjustment),
        ]);
        row.extend(outcome(&q.outcome));
        proposed_rows.push(row);
    }
    let deficits: String = fund
        .unrestored_deficits
        .iter()
        .map(|d| format!("{} {}", d.year, lang.money(d.amount)))
        .collect::<Vec<_>>()
        .join(", ");
    let mut notes = vec![
        scenario_note(p, lang),
        lang.t(WorkbookText::ANegativeBalanceResultMust).to_string(),
    ];
    if !deficits.is_empty() {
        notes.push(format!(
            "{}: {deficits}",
            lang.t(WorkbookText::DeficitsFromBeforeTheHorizon)
        ));
    }
    Ok(Sheet {
        key: "reconciliation",
        name: lang.t(WorkbookText::BalancedBudget).to_string(),
        title: title(fund, lang, WorkbookText::BalancedBudgetReconciliation),
        notes,
        blocks: vec![
            Block {
                title: Some(lang.t(WorkbookText::CurrentLaw).to_string()),
                json: "reconcile.years",
                columns: current_columns,
                rows: current_rows,
                total: None,
            },
            Block {
                title: Some(proposal_label(lang).to_string()),
                json: "reconcile.years",
                columns: proposed_columns,
                rows: proposed_rows,
                total: None,
            },
        ],
    })
}

fn vouchers_sheet(journal: &Journal, lang: Lang) -> Result<Sheet, Overflow> {
    let columns = vec![
        c("year", WorkbookText::Year),
        c("basis", WorkbookText::Basis),
        c("series", WorkbookText::Series),
        c("voucher", WorkbookText::Voucher),
        c("date", WorkbookText::Date),
        c("text", WorkbookText::Text),
        c("account", WorkbookText::Account),
        c("account_name", WorkbookText::AccountName),
        c("dim1", WorkbookText::Responsibility),
        c("dim6", WorkbookText::Project),
        c("debit", WorkbookText::Debit),
        c("credit", WorkbookText::Credit),
    ];
    let mut rows = Vec::new();
    for v in journal.vouchers() {
        let basis = match v.basis {
            Basis::Plan => lang.t(WorkbookText::Plan),
            Basis::Actual => lang.t(WorkbookText::ActualBasis),
        };
        for r in &v.rows {
            let (debit, credit) = if r.amount.0 >= 0 {
                (Cell::Money(r.amount), Cell::Empty)
            } else {
                (Cell::Empty, Cell::Money(r.amount.checked_neg()?))
            };
            rows.push(vec![
                Cell::Int(i64::from(v.year)),
                Cell::text(basis),
                Cell::text(v.series.clone()),
                Cell::Int(i64::from(v.number)),
                Cell::text(v.date.clone()),
                Cell::text(v.text.clone()),
                Cell::Int(i64::from(r.account)),
                Cell::text(
                    journal
                        .account(r.account)
                        .map_or_else(String::new, |a| a.name.clone()),
                ),
                Cell::text(r.dim1.clone().unwrap_or_default()),
                Cell::text(r.dim6.clone().unwrap_or_default()),
                debit,
                credit,
            ]);
        }
    }
    let total = totals(lang, &columns, &rows, &[10, 11])?;
    Ok(Sheet {
        key: "vouchers",
        name: lang.t(WorkbookText::Vouchers).to_string(),
        title: format!(
            "{} – {} ({})",
            lang.t(WorkbookText::TheFundsVouchers),
            journal.fund_name(),
            journal.organisation()
        ),
        notes: vec![
            lang.t(WorkbookText::ClosedYearsWithActualFigures)
                .to_string(),
        ],
        blocks: vec![Block {
            title: None,
            json: "vouchers",
            columns,
            rows,
            total: Some(total),
        }],
    })
}

/// The months' headings.
/// The plan of every year as budget (SPEC §7, the `#PBUDGET` rows of a 4E file): per year a
/// table of account × month with the year's total, for the account as a whole, each committee
/// and each initiative.
fn budget_sheet(
    fund: &Fund,
    p: &Projection,
    journal: &Journal,
    lang: Lang,
) -> Result<Sheet, ExportError> {
    let mut columns = vec![
        c("account", WorkbookText::Account),
        c("", WorkbookText::AccountName),
        c("dimension", WorkbookText::Dimension),
        c("object", WorkbookText::Object),
        c("", WorkbookText::ObjectName),
    ];
    const MONTH_KEYS: [&str; 12] = [
        "m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11", "m12",
    ];
    for (k, month) in MONTH_KEYS.iter().zip(super::text::MONTHS) {
        columns.push(c(k, month));
    }
    columns.push(c("total", WorkbookText::YearTotal));
    let mut blocks = Vec::new();
    for y in journal.years() {
        let b = budget(fund, p, y)?;
        let lines = b.lines_by_object()?;
        let object_name = |dimension: u32, code: &str| {
            b.objects()
                .iter()
                .find(|o| o.dimension == dimension && o.code == code)
                .map_or_else(String::new, |o| o.name.clone())
        };
        let names: std::collections::BTreeMap<u32, &str> = b
            .accounts()
            .iter()
            .map(|a| (a.number, a.name.as_str()))
            .collect();
        let mut rows = Vec::with_capacity(lines.len());
        for (object, line) in &lines {
            let (dimension, code, name) = match object {
                BudgetObject::All => (
                    lang.t(WorkbookText::WholeAccount).to_string(),
                    String::new(),
                    String::new(),
                ),
                BudgetObject::Actor(code) => (
                    lang.t(WorkbookText::Dim1Responsibility).to_string(),
                    code.clone(),
                    object_name(crate::ledger::DIM_COMMITTEE, code),
                ),
                BudgetObject::Initiative(code) => (
                    lang.t(WorkbookText::Dim6Project).to_string(),
                    code.clone(),
                    object_name(crate::ledger::DIM_INITIATIVE, code),
                ),
            };
            let mut cells = vec![
                Cell::Int(i64::from(line.account)),
                Cell::text(names.get(&line.account).copied().unwrap_or_default()),
                Cell::Text(dimension),
                Cell::Text(code),
                Cell::Text(name),
            ];
            cells.extend(line.months.iter().map(|m| Cell::Money(*m)));
            cells.push(Cell::Money(line.total));
            rows.push(cells);
        }
        let status = if journal.is_closed(y) {
            lang.t(WorkbookText::ClosedYearThePlan)
        } else {
            lang.t(WorkbookText::Plan)
        };
        blocks.push(Block {
            title: Some(format!("{y} ({status})")),
            json: "budget",
            columns: columns.clone(),
            rows,
            total: None,
        });
    }
    Ok(Sheet {
        key: "budget",
        name: lang.t(WorkbookText::Budget).to_string(),
        title: title(fund, lang, WorkbookText::ThePlanAsBudget),
        notes: vec![
            scenario_note(p, lang),
            lang.t(WorkbookText::TheSameRowsAsPBUDGET).to_string(),
        ],
        blocks,
    })
}

fn settings_sheet(fund: &Fund, p: &Projection, options: &ExportOptions) -> Sheet {
    let lang = options.lang;
    let columns = vec![c("", WorkbookText::Setting), c("", WorkbookText::Value)];
    let text = |what: WorkbookText, v: String| vec![Cell::text(lang.t(what)), Cell::Text(v)];
    let int = |what: WorkbookText, v: i64| vec![Cell::text(lang.t(what)), Cell::Int(v)];
    let scenario = fund.scenario(&p.scenario).cloned();
    let (sf, cf, delay) = scenario.as_ref().map_or((100, 100, 0), |s| {
        (s.savings_factor, s.cost_factor, s.delay)
    });
    let holder = fund.actor(&fund.holder).map_or_else(
        || fund.holder.clone(),
        |a| format!("{} – {}", a.code, a.name),
    );
    let a = &fund.accounts;
    let rows = vec![
        text(WorkbookText::Fund, fund.name.clone()),
        text(WorkbookText::Organisation, fund.organisation.clone()),
        text(
            WorkbookText::OrganisationNumber,
            fund.org_number.clone().unwrap_or_default(),
        ),
        text(
            WorkbookText::FundingModel,
            match fund.model {
                FundingModel::EarmarkedEquity => lang.t(WorkbookText::EarmarkedEquity),
                FundingModel::AnnualAppropriation => lang.t(WorkbookText::AnnualAppropriation),
            }
            .to_string(),
        ),
        int(WorkbookText::FirstYear, i64::from(fund.first_year)),
        int(WorkbookText::LastYear, i64::from(fund.last_year())),
        text(
            WorkbookText::DiscountRate,
            format!("{} %", lang.decimal(fund.discount_rate)),
        ),
        text(WorkbookText::Holder, holder),
        text(
            WorkbookText::ClosedThrough,
            fund.closed_through
                .map_or_else(String::new, |y| y.to_string()),
        ),
        text(
            WorkbookText::Scenario,
            if p.scenario == "base" {
                lang.t(WorkbookText::Base).to_string()
            } else {
                p.scenario.clone()
            },
        ),
        int(WorkbookText::SavingsFactor, i64::from(sf)),
        int(WorkbookText::CostFactor, i64::from(cf)),
        int(WorkbookText::DelayYears, i64::from(delay)),
        text(
            WorkbookText::ProposedInitiatives,
            if options.include_proposed {
                lang.t(WorkbookText::Counted)
            } else {
                lang.t(WorkbookText::NotCounted)
            }
            .to_string(),
        ),
        int(WorkbookText::AccountFundEquity, i64::from(a.fund_equity)),
        int(WorkbookText::AccountFreeEquity, i64::from(a.free_equity)),
        int(
            WorkbookText::AccountInternalIncome,
            i64::from(a.internal_income),
        ),
        int(
            WorkbookText::AccountInternalCost,
            i64::from(a.internal_cost),
        ),
        text(WorkbookText::Rules, proposal_label(lang).to_string()),
    ];
    Sheet {
        key: "settings",
        name: lang.t(WorkbookText::Settings).to_string(),
        title: title(fund, lang, WorkbookText::TheFundsSettings),
        notes: vec![lang.t(WorkbookText::EveryAmountInTheWorkbook).to_string()],
        blocks: vec![Block {
            title: None,
            json: "",
            columns,
            rows,
            total: None,
        }],
    }
}
