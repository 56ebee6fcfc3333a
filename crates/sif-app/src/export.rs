//! Exports from the app: the repayment schedule as CSV (the Repayments view) and the ledger as
//! SIE 4I, SIE 4E, CSV or an hledger journal (the Ledger view's export dialog).
//!
//! A view says what to export in an [`ExportRequest`]; the shell builds the bytes (from the
//! cached projection and journal — an export never recomputes money its own way), then asks
//! where through the file dialog and writes them with `sif::store::write_atomically`. The bytes
//! are built first, so a text that SIE cannot hold is reported before the user picks a file.

use sif::engine::{Options, Projection};
use sif::ledger::budget::Budget;
use sif::ledger::csv::CsvDialect;
use sif::ledger::{self, ExportError, Journal, hledger, sie};
use sif::messages::Message;
use sif::model::Fund;
use sif::money::Money;
use sif::text::CsvWriter;

use super::SifApp;
use super::i18n::{Lang, T};
use super::state::DialogState;
use super::widgets::one_language;

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
            LedgerFormat::Sie4i => lang.pick(
                "SIE 4I – ett stängt års verifikationer för import i ekonomisystemet",
                "SIE 4I – a closed year's vouchers to import into the financial system",
            ),
            LedgerFormat::Sie4e => lang.pick(
                "SIE 4E – ett räkenskapsår med balanser, budget och (stängt år) verifikationer",
                "SIE 4E – one financial year with balances, budget and (closed year) vouchers",
            ),
            LedgerFormat::Csv => lang.pick(
                "CSV – en rad per kontering, för kalkylprogram",
                "CSV – one row per booking line, for spreadsheets",
            ),
            LedgerFormat::Journal => lang.pick(
                "hledger-journal – för hledger och ledger-cli",
                "hledger journal – for hledger and ledger-cli",
            ),
        }
    }

    /// The file type filter of the save dialog.
    fn filter_name(self, lang: Lang) -> &'static str {
        match self {
            LedgerFormat::Sie4i => lang.pick("SIE-importfil (.si)", "SIE import file (.si)"),
            LedgerFormat::Sie4e => lang.pick("SIE-exportfil (.se)", "SIE export file (.se)"),
            LedgerFormat::Csv => lang.pick("CSV-fil (.csv)", "CSV file (.csv)"),
            LedgerFormat::Journal => {
                lang.pick("hledger-journal (.journal)", "hledger journal (.journal)")
            }
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
            (LedgerFormat::Sie4i, None) => Some(
                lang.pick(
                    "SIE 4I innehåller ett stängt års verifikationer: välj ett stängt år.",
                    "SIE 4I holds the vouchers of one closed year: choose a closed year.",
                )
                .to_string(),
            ),
            (LedgerFormat::Sie4i, Some(y)) if !fund.is_closed(y) => Some(match lang {
                Lang::Sv => format!(
                    "SIE 4I finns bara för stängda år. År {y} är öppet: dess plan lämnar Sif som budget i en SIE 4E-fil, inte som verifikationer att läsa in."
                ),
                Lang::En => format!(
                    "SIE 4I is only for closed years. {y} is open: its plan leaves Sif as budget in a SIE 4E file, not as vouchers to import."
                ),
            }),
            (LedgerFormat::Sie4e, None) => Some(
                lang.pick(
                    "SIE 4E gäller ett räkenskapsår: välj ett år.",
                    "SIE 4E covers one financial year: choose a year.",
                )
                .to_string(),
            ),
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
        self.cache.analysis.projection.is_none().then(|| {
            self.lang()
                .pick(
                    "Fonden har fel som måste rättas innan något kan exporteras (se Problem).",
                    "The fund has errors that must be fixed before anything can be exported (see Problems).",
                )
                .to_string()
        })
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
        let bytes = schedule_csv(
            &self.doc.fund,
            p,
            &request.initiatives,
            request.payer,
            request.dialect,
        );
        let lang = self.lang();
        Ok(Built {
            bytes,
            suggested: format!(
                "{}-{}.csv",
                self.export_stem(),
                lang.pick("aterforingsplan", "repayment-schedule")
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
                    .map_err(|e| one_language(lang, &e.to_string())),
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
                Some(Err(e)) => return Err(one_language(lang, e)),
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
            let journal = ledger::journal(fund, &projection)
                .map_err(|e| one_language(lang, &e.to_string()))?;
            let budget = budget_of(&projection)?;
            ledger_bytes(&journal, budget.as_ref(), request, &today)
        }
        .map_err(|e| one_language(lang, &e.to_string()))?;

        let mut name = self.export_stem();
        if let Some(s) = &request.scenario {
            name.push('-');
            name.push_str(&slug(s));
        }
        match request.year {
            Some(y) => name.push_str(&format!("-{y}")),
            None => name.push_str(lang.pick("-alla-ar", "-all-years")),
        }
        if request.format == LedgerFormat::Sie4i && request.year_end_only {
            name.push_str(lang.pick("-bokslut", "-year-end"));
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
        let journal = journal.as_ref().map_err(|e| one_language(lang, e))?;
        let options = sif::xlsx::export::ExportOptions {
            lang,
            include_proposed: self.ui.options.include_proposed,
        };
        let bytes = sif::xlsx::export::workbook(&self.doc.fund, projection, journal, &options)
            .map_err(|e| one_language(lang, &e.to_string()))?;
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

/// The column names of the schedule CSV, per dialect (the Swedish dialect is for Swedish
/// spreadsheet programs, so its header is Swedish too, like the ledger CSV's).
pub const SCHEDULE_HEADER_EN: [&str; 9] = [
    "initiative",
    "initiative_name",
    "payer",
    "payer_name",
    "year",
    "planned",
    "actual",
    "arrears",
    "outstanding_after_horizon",
];
pub const SCHEDULE_HEADER_SV: [&str; 9] = [
    "Insats",
    "Insatsens namn",
    "Betalare",
    "Betalarens namn",
    "År",
    "Planerat",
    "Utfall",
    "Eftersläpning",
    "Återstår efter perioden",
];

/// The repayment schedule of the chosen initiatives as CSV (UTF-8; the Swedish dialect with a
/// byte-order mark and `;`).
///
/// One row per initiative, payer and year where something is planned or was paid, sorted by
/// year, then initiative (file order), then payer (actor order) — the order of `sif schedule`.
/// `actual` and `arrears` are filled in closed years only. Then, when no payer is chosen, one
/// row per initiative with an amount still due after the horizon, in the last column (it is
/// not split by payer: a repayment from savings has no fixed payer shares). Amounts are whole
/// kronor without grouping; text cells are protected against formula injection.
pub fn schedule_csv(
    fund: &Fund,
    p: &Projection,
    initiatives: &[usize],
    payer: Option<usize>,
    dialect: CsvDialect,
) -> Vec<u8> {
    let mut chosen: Vec<usize> = initiatives.to_vec();
    chosen.sort_unstable();
    chosen.dedup();
    let inis: Vec<_> = chosen.iter().filter_map(|&i| p.initiative(i)).collect();
    let mut out = CsvWriter::new(dialect);
    let header = match dialect {
        CsvDialect::Rfc4180 => SCHEDULE_HEADER_EN,
        CsvDialect::Swedish => SCHEDULE_HEADER_SV,
    };
    out.text_record(header);
    let code = |actor: usize| fund.actors.get(actor).map_or("", |a| a.code.as_str());
    let actor_name = |actor: usize| fund.actors.get(actor).map_or("", |a| a.name.as_str());
    let years = p.statement.len();
    for y in 0..years {
        let year = p.first_year.saturating_add(y as i32);
        let closed = y < p.closed_years;
        for ip in &inis {
            let Some(ini) = fund.initiatives.get(ip.index) else {
                continue;
            };
            for flow in ip
                .repayments
                .iter()
                .filter(|f| payer.is_none_or(|a| f.actor == a))
            {
                let planned = flow.planned.get(y).copied().unwrap_or(Money::ZERO);
                let actual = closed.then(|| flow.received.get(y).copied().unwrap_or(Money::ZERO));
                if planned.0 <= 0 && actual.is_none_or(|a| a.0 <= 0) {
                    continue;
                }
                let arrears = actual.and_then(|a| planned.checked_sub(a).ok());
                for text in [
                    &ini.code,
                    &ini.name,
                    code(flow.actor),
                    actor_name(flow.actor),
                ] {
                    out.text(text);
                }
                out.number(year);
                out.number(planned.0);
                for m in [actual, arrears] {
                    match m {
                        Some(m) => out.number(m.0),
                        None => out.empty(),
                    }
                }
                out.empty();
                out.end_record();
            }
        }
    }
    if payer.is_none() {
        for ip in inis.iter().filter(|ip| ip.outstanding.0 > 0) {
            let Some(ini) = fund.initiatives.get(ip.index) else {
                continue;
            };
            out.text(&ini.code);
            out.text(&ini.name);
            for _ in 0..6 {
                out.empty();
            }
            out.number(ip.outstanding.0);
            out.end_record();
        }
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uppfoljning() -> Fund {
        sif::store::parse_str(sif::samples::SAMPLES[1].text, "uppfoljning").unwrap()
    }

    #[test]
    fn the_schedule_csv_has_the_engine_rows_and_the_arrears() {
        let fund = uppfoljning();
        let p = sif::engine::project(&fund, &Options::default()).unwrap();
        let all: Vec<usize> = p.initiatives.iter().map(|i| i.index).collect();
        let text =
            String::from_utf8(schedule_csv(&fund, &p, &all, None, CsvDialect::Rfc4180)).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(SCHEDULE_HEADER_EN.join(",").as_str()));
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
        let mut fund = uppfoljning();
        fund.initiatives[0].name = "=HYPERLINK(\"x\"); test".into();
        let p = sif::engine::project(&fund, &Options::default()).unwrap();
        let soc = fund.actor_index("SOC").unwrap();
        let text = String::from_utf8(schedule_csv(
            &fund,
            &p,
            &[0],
            Some(soc),
            CsvDialect::Swedish,
        ))
        .unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("Insats;Insatsens namn;Betalare"));
        assert!(text.contains("M1;\"'=HYPERLINK(\"\"x\"\"); test\";SOC;Socialnämnden;2025;"));
        // Only SOC's rows, and no outstanding rows (they are not split by payer).
        assert!(text.lines().skip(1).all(|l| l.contains(";SOC;")));
    }
}
