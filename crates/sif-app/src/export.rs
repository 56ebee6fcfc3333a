//! Exports from the app: the repayment schedule as CSV (the Repayments view) and the ledger as
//! SIE 4I, SIE 4E, CSV or an hledger journal (the Ledger view's export dialog).
//!
//! A view says what to export in an [`ExportRequest`]; the shell builds the bytes (from the
//! cached projection and journal — an export never recomputes money its own way), then asks
//! where through the file dialog and writes them with `sif::store::write_atomically`. The bytes
//! are built first, so a text that SIE cannot hold is reported before the user picks a file.

use sif::engine::{Options, Projection};
use sif::figures::repayments::{self, ScheduleColumns};
use sif::ledger::budget::Budget;
use sif::ledger::csv::CsvDialect;
use sif::ledger::{self, ExportError, Journal, hledger, sie};
use sif::messages::Message;
use sif::model::Fund;
use sif::money::Overflow;

use super::SifApp;
use super::i18n::{Lang, T};
use super::state::DialogState;

/// The ledger's export formats (SPEC §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LedgerFormat {
    Sie4i,
    Sie4e,
    Csv,
    Journal,
}

impl LedgerFormat {
    pub const ALL: [LedgerFormat; 4] = [
        LedgerFormat::Sie4i,
        LedgerFormat::Sie4e,
        LedgerFormat::Csv,
        LedgerFormat::Journal,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            LedgerFormat::Sie4i => "si",
            LedgerFormat::Sie4e => "se",
            LedgerFormat::Csv => "csv",
            LedgerFormat::Journal => "journal",
        }
    }

    /// The choice as the export dialog shows it.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            LedgerFormat::Sie4i => lang.t(T::SIE4IClosedYearsVouchers),
            LedgerFormat::Sie4e => lang.t(T::SIE4EOneFinancialYear),
            LedgerFormat::Csv => lang.t(T::CSVOneRowPerBooking),
            LedgerFormat::Journal => lang.t(T::HledgerJournalHledgerLedgerCli),
        }
    }

    /// The file type filter of the save dialog.
    fn filter_name(self, lang: Lang) -> &'static str {
        match self {
            LedgerFormat::Sie4i => lang.t(T::SIEImportFileSi),
            LedgerFormat::Sie4e => lang.t(T::SIEExportFileSe),
            LedgerFormat::Csv => lang.t(T::CSVFileCsv),
            LedgerFormat::Journal => lang.t(T::HledgerJournalJournal),
        }
    }

    /// The file type filter in Swedish and English.
    fn filter_names(self) -> (String, String) {
        (
            self.filter_name(Lang::Sv).to_string(),
            self.filter_name(Lang::En).to_string(),
        )
    }

    /// Why this format cannot be exported for the chosen year, as a sentence; `None` when it
    /// can. SIE 4I holds one closed year; SIE 4E one year, open or closed.
    pub fn refusal(self, lang: Lang, fund: &Fund, year: Option<i32>) -> Option<String> {
        match (self, year) {
            (LedgerFormat::Sie4i, None) => Some(lang.t(T::SIE4IHoldsVouchersOne).to_string()),
            (LedgerFormat::Sie4i, Some(y)) if !fund.is_closed(y) => {
                Some(super::i18n::sie4i_year_open(lang, y))
            }

            (LedgerFormat::Sie4e, None) => Some(lang.t(T::SIE4ECoversOneFinancial).to_string()),
            _ => None,
        }
    }
}

/// What the ledger export dialog asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerExport {
    pub format: LedgerFormat,
    /// One year, or `None` for the whole horizon.
    pub year: Option<i32>,
    /// A scenario of the fund by name; `None` is the base scenario.
    pub scenario: Option<String>,
    pub dialect: CsvDialect,
    /// SIE 4I only: only the capital events and the year-end use and re-earmarking of
    /// earmarked equity (SPEC §7 `--year-end-only`).
    pub year_end_only: bool,
}

/// The repayment schedule of the initiatives a controller has chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleExport {
    /// Indices into `fund.initiatives`, of counted initiatives.
    pub initiatives: Vec<usize>,
    /// Only this payer (an index into `fund.actors`), or every payer.
    pub payer: Option<usize>,
    pub dialect: CsvDialect,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExportRequest {
    Schedule(ScheduleExport),
    Ledger(LedgerExport),
    /// Every report of what the views show as one Excel workbook (Arkiv → Exportera).
    Workbook,
}

/// The bytes of an export and how to offer them in the save dialog.
struct Built {
    bytes: Vec<u8>,
    suggested: String,
    /// The file type in Swedish and English.
    filter: (String, String),
    extension: &'static str,
}

impl SifApp {
    /// Build an export, ask where to write it, and write it. A failure is shown in a message;
    /// cancelling the dialog does nothing.
    pub(super) fn run_export(&mut self, ctx: &eframe::egui::Context, request: ExportRequest) {
        let built = match &request {
            ExportRequest::Schedule(s) => self.schedule_export(s),
            ExportRequest::Ledger(l) => self.ledger_export(l),
            ExportRequest::Workbook => self.workbook_export(),
        };
        let built = match built {
            Ok(b) => b,
            Err(message) => {
                self.export_failed(message);
                return;
            }
        };
        let request = self.path_request(
            super::file_dialog::Mode::Save,
            ("Exportera".to_string(), "Export".to_string()),
            built.filter,
            built.extension,
            built.suggested,
        );
        let purpose = super::file_dialog::Purpose::Write {
            bytes: built.bytes,
            report: false,
        };
        self.ask_path(ctx, request, purpose);
    }

    fn export_failed(&mut self, text: String) {
        self.ui.dialog = Some(DialogState::Message {
            title: T::ExportFailedTitle,
            text,
        });
    }

    fn blocked_by_errors(&self) -> Option<String> {
        self.cache
            .analysis
            .projection
            .is_none()
            .then(|| self.lang().t(T::FundHasErrorsMustFixed).to_string())
    }

    /// The file name the save dialog proposes: the fund file's name (or the fund's name) and
    /// what the export holds.
    fn export_stem(&self) -> String {
        let stem = self
            .doc
            .path
            .as_deref()
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| slug(&self.doc.fund.name));
        if stem.is_empty() {
            "sif".to_string()
        } else {
            stem
        }
    }

    fn schedule_export(&self, request: &ScheduleExport) -> Result<Built, String> {
        if let Some(e) = self.blocked_by_errors() {
            return Err(e);
        }
        let Some(p) = &self.cache.analysis.projection else {
            return Err(self.blocked_by_errors().unwrap_or_default());
        };
        let lang = self.lang();
        let bytes = schedule_bytes(
            &self.doc.fund,
            p,
            &request.initiatives,
            request.payer,
            request.dialect,
        )
        .map_err(|e| e.text(lang))?;
        Ok(Built {
            bytes,
            suggested: format!(
                "{}-{}.csv",
                self.export_stem(),
                lang.t(T::FileStemRepaymentSchedule)
            ),
            filter: LedgerFormat::Csv.filter_names(),
            extension: "csv",
        })
    }

    fn ledger_export(&mut self, request: &LedgerExport) -> Result<Built, String> {
        if let Some(e) = self.blocked_by_errors() {
            return Err(e);
        }
        let lang = self.lang();
        let today = self.clock.today();
        let fund = &self.doc.fund;
        let current = self
            .ui
            .options
            .scenario
            .clone()
            .filter(|n| fund.scenario(n).is_some());
        if let Some(why) = request.format.refusal(lang, fund, request.year) {
            return Err(why);
        }
        // SIE 4E carries the year's plan as budget.
        let budget_of = |projection: &Projection| -> Result<Option<Budget>, String> {
            match (request.format, request.year) {
                (LedgerFormat::Sie4e, Some(y)) => ledger::budget::budget(fund, projection, y)
                    .map(Some)
                    .map_err(|e| e.text(lang)),
                _ => Ok(None),
            }
        };
        let bytes = if request.scenario == current {
            // The journal of what the views show: cached.
            self.cache.refresh_journal(&self.doc.fund);
            let Some(projection) = &self.cache.analysis.projection else {
                return Err(self.blocked_by_errors().unwrap_or_default());
            };
            let budget = budget_of(projection)?;
            match &self.cache.analysis.journal {
                Some(Ok(journal)) => ledger_bytes(journal, budget.as_ref(), request, &today),
                Some(Err(e)) => return Err(e.text(lang)),
                None => return Err(self.blocked_by_errors().unwrap_or_default()),
            }
        } else {
            // Another scenario: its own projection and journal, once, for this export.
            let options = Options::named(
                fund,
                request.scenario.as_deref(),
                self.ui.options.include_proposed,
            )
            .map_err(|e| e.text(lang))?;
            let projection = sif::engine::project(fund, &options).map_err(|e| e.text(lang))?;
            let journal = ledger::journal(fund, &projection).map_err(|e| e.text(lang))?;
            let budget = budget_of(&projection)?;
            ledger_bytes(&journal, budget.as_ref(), request, &today)
        }
        .map_err(|e| e.text(lang))?;

        let mut name = self.export_stem();
        if let Some(s) = &request.scenario {
            name.push('-');
            name.push_str(&slug(s));
        }
        match request.year {
            Some(y) => name.push_str(&format!("-{y}")),
            None => name.push_str(lang.t(T::FileSuffixAllYears)),
        }
        if request.format == LedgerFormat::Sie4i && request.year_end_only {
            name.push_str(lang.t(T::FileSuffixYearEnd));
        }
        Ok(Built {
            bytes,
            suggested: format!("{name}.{}", request.format.extension()),
            filter: request.format.filter_names(),
            extension: request.format.extension(),
        })
    }
}

impl SifApp {
    /// The report workbook of the current scenario and options, from the cached projection
    /// and journal.
    fn workbook_export(&mut self) -> Result<Built, String> {
        if let Some(e) = self.blocked_by_errors() {
            return Err(e);
        }
        let lang = self.lang();
        self.cache.refresh_journal(&self.doc.fund);
        let (Some(projection), Some(journal)) = (
            &self.cache.analysis.projection,
            &self.cache.analysis.journal,
        ) else {
            return Err(self.blocked_by_errors().unwrap_or_default());
        };
        let journal = journal.as_ref().map_err(|e| e.text(lang))?;
        let options = sif::xlsx::export::ExportOptions {
            lang,
            include_proposed: self.ui.options.include_proposed,
        };
        let bytes = sif::xlsx::export::workbook(&self.doc.fund, projection, journal, &options)
            .map_err(|e| e.text(lang))?;
        Ok(Built {
            bytes,
            suggested: format!("{}.xlsx", self.export_stem()),
            filter: (
                "Excel-arbetsbok (.xlsx)".to_string(),
                "Excel workbook (.xlsx)".to_string(),
            ),
            extension: "xlsx",
        })
    }
}

/// The bytes of a ledger export from a journal (SPEC §7); SIE 4E needs the year's budget.
pub fn ledger_bytes(
    journal: &Journal,
    budget: Option<&Budget>,
    request: &LedgerExport,
    today: &str,
) -> Result<Vec<u8>, ExportError> {
    let sie_options = || sie::SieOptions {
        generated_on: today.to_string(),
        year: request.year,
        year_end_only: request.format == LedgerFormat::Sie4i && request.year_end_only,
    };
    match request.format {
        LedgerFormat::Sie4i => sie::sie4i(journal, &sie_options()),
        LedgerFormat::Sie4e => sie::write(journal, budget, &sie_options(), sie::SieKind::Export),
        LedgerFormat::Csv => ledger::csv::journal_csv(journal, request.year, request.dialect),
        LedgerFormat::Journal => {
            hledger::journal_text(journal, request.year).map(String::into_bytes)
        }
    }
}

/// Lower-case letters and digits, other characters as `-`: a name fit for a file name.
fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                '-'
            }
        })
        .collect();
    s.trim_matches('-').to_string()
}

/// The repayment schedule of the chosen initiatives as CSV (UTF-8; the Swedish dialect with a
/// byte-order mark and `;`): every column of the library's schedule
/// ([`sif::figures::repayments::schedule_csv`], the rows `sif schedule` writes).
pub fn schedule_bytes(
    fund: &Fund,
    p: &Projection,
    initiatives: &[usize],
    payer: Option<usize>,
    dialect: CsvDialect,
) -> Result<Vec<u8>, Overflow> {
    let lines = repayments::schedule_lines(p, Some(initiatives), payer)?;
    Ok(repayments::schedule_csv(fund, &lines, ScheduleColumns::All, dialect).into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_funds::sample;

    #[test]
    fn the_schedule_csv_has_the_engine_rows_and_the_arrears() {
        let fund = sample("uppfoljning");
        let p = sif::engine::project(&fund, &Options::default()).unwrap();
        let all: Vec<usize> = p.initiatives.iter().map(|i| i.index).collect();
        let text =
            String::from_utf8(schedule_bytes(&fund, &p, &all, None, CsvDialect::Rfc4180).unwrap())
                .unwrap();
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some(repayments::SCHEDULE_HEADER_EN.join(",").as_str())
        );
        let rows: Vec<Vec<&str>> = text
            .lines()
            .skip(1)
            .map(|l| l.split(',').collect())
            .collect();
        // Every schedule row of the engine is there, with its planned and actual amounts.
        let schedule: Vec<_> = rows.iter().filter(|r| !r[4].is_empty()).collect();
        assert_eq!(schedule.len(), p.schedule.rows.len());
        for (csv, row) in schedule.iter().zip(&p.schedule.rows) {
            assert_eq!(csv[0], row.initiative);
            assert_eq!(csv[2], row.payer);
            assert_eq!(csv[4], row.year.to_string());
            assert_eq!(csv[5], row.planned.0.to_string());
            assert_eq!(
                csv[6],
                row.actual.map_or_else(String::new, |a| a.0.to_string())
            );
            if let Some(a) = row.actual {
                assert_eq!(csv[7], (row.planned.0 - a.0).to_string());
            }
        }
        // Outstanding amounts follow, one per initiative.
        let outstanding: Vec<_> = rows.iter().filter(|r| r[4].is_empty()).collect();
        assert_eq!(outstanding.len(), p.schedule.outstanding.len());
        for (csv, o) in outstanding.iter().zip(&p.schedule.outstanding) {
            assert_eq!(csv[0], o.initiative);
            assert_eq!(csv[8], o.amount.0.to_string());
        }
    }

    #[test]
    fn the_swedish_dialect_uses_semicolons_and_protects_text_cells() {
        let mut fund = sample("uppfoljning");
        fund.initiatives[0].name = "=HYPERLINK(\"x\"); test".into();
        let p = sif::engine::project(&fund, &Options::default()).unwrap();
        let soc = fund.actor_index("SOC").unwrap();
        let text = String::from_utf8(
            schedule_bytes(&fund, &p, &[0], Some(soc), CsvDialect::Swedish).unwrap(),
        )
        .unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("Insats;Insatsens namn;Betalare"));
        assert!(text.contains("M1;\"'=HYPERLINK(\"\"x\"\"); test\";SOC;Socialnämnden;2025;"));
        // Only SOC's rows, and no outstanding rows (they are not split by payer).
        assert!(text.lines().skip(1).all(|l| l.contains(";SOC;")));
    }
}
