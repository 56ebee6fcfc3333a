//! Reading in from other programs: a closed year's actual figures from the financial system's
//! SIE 4 file (SPEC §10; Återföringar and Arkiv → "Läs in utfall från SIE…") and initiatives
//! from a filled-in template, `.xlsx` or `.csv` (Insatser and Arkiv → "Läs in insatser från
//! Excel…").
//!
//! Both go the same way: a view or the menu emits [`Command::Import`](super::command::Command),
//! the shell asks for the file through the file dialog (the system's, or Sif's own), reads it
//! with the library, and opens a preview ([`ImportDialog`]) that says what would change and
//! why not. "Använd" records it as one undo step; "Avbryt" changes nothing. Every figure comes
//! from the library ([`sif::sie_actuals`], [`sif::xlsx::import`]); the SIE preview is computed
//! again only when the year, the mapping or the document changes, never per frame.

use std::path::Path;

use eframe::egui::{self, Id, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use sif::engine::{self, Options, Projection};
use sif::messages::Message;
use sif::model::Fund;
use sif::money::Money;
use sif::sie_actuals::{self, ActualsError, ActualsPreview, ComparisonRow, FundFrom};
use sif::sie_read::{self, SieFile};
use sif::xlsx::import::{self as xlsx_import, AddedSummary, ImportError, Imported};

use super::command::{Command, Edit};
use super::dialogs::FileRequest;
use super::file_dialog::{self, Purpose};
use super::i18n::{self, Lang, T};
use super::state::{DialogState, StatusNote, ViewOptions};
use super::views::View;
use super::widgets::{self, labelled_choice, num_cell, num_cell_w};
use super::{SifApp, file_name};

/// What is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportKind {
    /// A closed year's actual figures from a SIE 4 file.
    Sie,
    /// Initiatives from a filled-in template (`.xlsx` or `.csv`).
    Initiatives,
}

impl ImportKind {
    /// The extensions the file dialogs offer, without the dot; the first is the main one.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ImportKind::Sie => &["se", "si", "sie"],
            ImportKind::Initiatives => &["xlsx", "csv"],
        }
    }

    /// The dialog's title.
    fn title(self) -> T {
        match self {
            ImportKind::Sie => T::ImpSieTitle,
            ImportKind::Initiatives => T::ImpExcelTitle,
        }
    }

    fn filter(self) -> T {
        match self {
            ImportKind::Sie => T::ImpSieFilter,
            ImportKind::Initiatives => T::ImpExcelFilter,
        }
    }
}

/// The SIE preview: the file as read, the year and mapping chosen, and what they give.
#[derive(Debug)]
pub struct SieImport {
    /// The file's name, as the `source` names it.
    pub file: String,
    sie: SieFile,
    pub year: i32,
    pub fund_from: FundFrom,
    /// The document state, year and mapping the figures below were computed for.
    key: Option<(u64, i32, FundFrom)>,
    pub preview: Option<Result<ActualsPreview, ActualsError>>,
    pub rows: Vec<ComparisonRow>,
    pub per_payer: Vec<(String, Option<Money>)>,
    /// How many times the preview was computed: a test checks that idle frames add none.
    pub computations: u64,
}

/// The initiatives preview: what the template adds, or every problem it has.
#[derive(Debug)]
pub struct InitiativesImport {
    pub file: String,
    /// The document state the import was read against.
    pub state: u64,
    pub result: Result<Imported, ImportError>,
    pub summary: Vec<AddedSummary>,
}

/// The open import preview; its state goes when it closes.
#[derive(Debug)]
pub enum ImportDialog {
    Sie(Box<SieImport>),
    Initiatives(Box<InitiativesImport>),
}

/// A column of the SIE comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SieColumn {
    Planned,
    Recorded,
    Read,
    Difference,
}

impl SieColumn {
    const ALL: [SieColumn; 4] = [
        SieColumn::Planned,
        SieColumn::Recorded,
        SieColumn::Read,
        SieColumn::Difference,
    ];

    fn text(self, lang: Lang) -> &'static str {
        match self {
            SieColumn::Planned => lang.t(T::ImpPlanned),
            SieColumn::Recorded => lang.t(T::ImpRecordedNow),
            SieColumn::Read => lang.t(T::ImpInTheFile),
            SieColumn::Difference => lang.t(T::ImpDifference),
        }
    }
}

/// What a comparison line is about: the fund's payment, or one payer's repayment.
fn line_text(lang: Lang, payer: Option<&str>) -> String {
    match payer {
        None => lang.t(T::ImpFundPayment).to_string(),
        Some(p) => format!("{} {p}", lang.t(T::ImpRepaidBy)),
    }
}

/// The accessible name of a figure of the SIE preview: `M1 fondens utbetalning, I filen:
/// 900 000`.
pub fn sie_cell_name(
    lang: Lang,
    code: &str,
    payer: Option<&str>,
    column: SieColumn,
    value: &str,
) -> String {
    format!(
        "{code} {}, {}: {value}",
        line_text(lang, payer),
        column.text(lang)
    )
}

/// The accessible name of a payer's total in the SIE preview.
pub fn payer_total_name(lang: Lang, payer: &str, value: &str) -> String {
    format!("{} {payer}: {value}", lang.t(T::ImpRepaidInAllBy))
}

/// The accessible name of an initiative's figure in the initiatives preview (`column` as the
/// preview's heading reads, in its language).
pub fn added_cell_name(code: &str, column: &str, value: &str) -> String {
    format!("{code}, {column}: {value}")
}

/// A strong title and a table under it, of the SIE preview.
fn titled_grid(ui: &mut Ui, title: &str, id: &str, columns: usize, add: impl FnOnce(&mut Ui)) {
    ui.add_space(6.0);
    ui.label(RichText::new(title).strong());
    egui::Grid::new(id)
        .num_columns(columns)
        .spacing([12.0, 3.0])
        .show(ui, add);
}

/// The year to preview first: the file's financial year, else the year with most vouchers,
/// else the last closed year — within the fund's horizon.
fn default_year(fund: &Fund, sie: &SieFile) -> i32 {
    sie.fiscal_year
        .map(|fy| fy.start_year())
        .filter(|y| fund.in_horizon(*y))
        .or_else(|| {
            sie.voucher_years
                .iter()
                .filter(|(y, _)| fund.in_horizon(*y))
                .max_by_key(|(_, n)| *n)
                .map(|(y, _)| *y)
        })
        .or(fund.closed_through.filter(|y| fund.in_horizon(*y)))
        .unwrap_or(fund.first_year)
}

/// The year that can be closed next with the Repayments view's confirmation.
fn next_year_to_close(fund: &Fund) -> Option<i32> {
    let next = fund.closed_through.map_or(fund.first_year, |c| {
        c.saturating_add(1).max(fund.first_year)
    });
    fund.in_horizon(next).then_some(next)
}

/// What the user did in the preview this frame.
enum Answer {
    Keep,
    Cancel,
    Apply,
    /// Close the year first (SIE only).
    CloseYear,
}

/// The shape both previews share: a heading, a scrolled body, and Använd / Avbryt.
fn preview_modal(
    ctx: &egui::Context,
    id: &str,
    lang: Lang,
    title: &str,
    can_apply: bool,
    body: impl FnOnce(&mut Ui, &mut Answer),
) -> Answer {
    let mut answer = Answer::Keep;
    let max_height = (ctx.content_rect().height() - 220.0).max(240.0);
    let modal = egui::Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(820.0);
        ui.heading(title);
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .id_salt((id, "body"))
            .max_height(max_height)
            .auto_shrink([false, true])
            .show(ui, |ui| body(ui, &mut answer));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(can_apply, egui::Button::new(lang.t(T::Apply)))
                .clicked()
            {
                answer = Answer::Apply;
            }
            if ui.button(lang.t(T::Cancel)).clicked() {
                answer = Answer::Cancel;
            }
        });
    });
    if matches!(answer, Answer::Keep) && modal.should_close() {
        answer = Answer::Cancel;
    }
    answer
}

fn warning_line(ui: &mut Ui, text: &str) {
    ui.add(
        egui::Label::new(RichText::new(format!("• {text}")).color(widgets::warn_color(ui))).wrap(),
    );
}

/// The end of a preview: the reading's warnings, if any, then what applying it does.
fn warnings_and_effect(ui: &mut Ui, lang: Lang, warnings: &[impl Message], effect: T) {
    if !warnings.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(lang.t(T::Warnings)).strong());
        for w in warnings {
            warning_line(ui, &w.text(lang));
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new(lang.t(effect)).weak());
}

fn error_line(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).color(widgets::error_color(ui))).wrap());
}

impl SieImport {
    /// Compute the preview again if the document, the year or the mapping changed.
    fn refresh(&mut self, fund: &Fund, state: u64, base: Option<&Projection>) {
        let key = (state, self.year, self.fund_from);
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.computations += 1;
        let preview =
            sie_actuals::preview(fund, &self.sie, &self.file, Some(self.year), self.fund_from);
        match &preview {
            Ok(p) => {
                self.rows = sie_actuals::comparison(fund, base, p);
                self.per_payer = sie_actuals::repaid_per_payer(fund, p);
            }
            Err(_) => {
                self.rows.clear();
                self.per_payer.clear();
            }
        }
        self.preview = Some(preview);
    }

    fn can_apply(&self, fund: &Fund) -> bool {
        matches!(&self.preview, Some(Ok(p)) if !p.initiatives.is_empty())
            && fund.is_closed(self.year)
    }
}

impl SifApp {
    /// Ask for the file to read in (Arkiv, Återföringar, Insatser).
    pub(super) fn start_import(&mut self, ctx: &egui::Context, kind: ImportKind) {
        let request = self.path_request(
            file_dialog::Mode::Open,
            i18n::both(kind.title()),
            i18n::both(kind.filter()),
            kind.extensions()[0],
            String::new(),
        );
        self.ask_path(ctx, request, Purpose::Import(kind));
    }

    /// Ask the system's dialog for a file to read in.
    pub(super) fn pick_import_path(
        &mut self,
        kind: ImportKind,
        dir: Option<&Path>,
    ) -> Option<std::path::PathBuf> {
        let lang = self.lang();
        self.dialogs.pick_import(FileRequest {
            title: lang.t(kind.title()),
            filter: lang.t(kind.filter()),
            extensions: kind.extensions(),
            ..FileRequest::open_fund(lang, dir)
        })
    }

    /// Read the chosen file and open its preview; a file that cannot be read says why in a
    /// message and changes nothing.
    pub(super) fn import_chosen(&mut self, kind: ImportKind, path: &Path) {
        let lang = self.lang();
        let name = file_name(path);
        match kind {
            ImportKind::Sie => match sie_read::read_file(path) {
                Ok(sie) => {
                    let year = default_year(&self.doc.fund, &sie);
                    self.ui.import = Some(ImportDialog::Sie(Box::new(SieImport {
                        file: name,
                        sie,
                        year,
                        fund_from: FundFrom::Allocation,
                        key: None,
                        preview: None,
                        rows: Vec::new(),
                        per_payer: Vec::new(),
                        computations: 0,
                    })));
                }
                Err(e) => {
                    self.ui.dialog = Some(DialogState::Message {
                        title: T::ImportFailedTitle,
                        text: format!("{name}: {}", e.text(lang)),
                    });
                }
            },
            ImportKind::Initiatives => {
                let bytes = match read_limited(path, sif::xlsx::MAX_FILE_BYTES) {
                    Ok(b) => b,
                    Err(e) => {
                        let (sv, en) = sif::store::io_reasons(&e);
                        self.ui.dialog = Some(DialogState::Message {
                            title: T::ImportFailedTitle,
                            text: format!("{name}: {}", lang.pick(&sv, &en)),
                        });
                        return;
                    }
                };
                let result = xlsx_import::import(&bytes, &name, &self.doc.fund);
                let summary = result.as_ref().map(Imported::summary).unwrap_or_default();
                self.ui.import = Some(ImportDialog::Initiatives(Box::new(InitiativesImport {
                    file: name,
                    state: self.doc.state(),
                    result,
                    summary,
                })));
            }
        }
    }

    /// The plan the SIE preview compares with: the base scenario's projection (the cached one
    /// when the views show the base scenario).
    fn base_projection(&self) -> Option<Projection> {
        let analysis = &self.cache.analysis;
        if analysis.report.has_errors() {
            return None;
        }
        if analysis.options == ViewOptions::default() {
            return analysis.projection.clone();
        }
        engine::project(&self.doc.fund, &Options::default()).ok()
    }

    /// Draw the open import preview and act on its answer.
    pub(super) fn import_dialog_ui(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        // The close-year confirmation, opened from the SIE preview, is shown on its own.
        if self.ui.import.is_none()
            || self.ui.repayments.close_year.is_some()
            || self.ui.repayments.open_close_year
            || self.ui.dialog.is_some()
        {
            return;
        }
        let state = self.doc.state();
        let needs_refresh = matches!(
            &self.ui.import,
            Some(ImportDialog::Sie(s)) if s.key != Some((state, s.year, s.fund_from))
        );
        let base = if needs_refresh {
            self.base_projection()
        } else {
            None
        };
        let lang = self.lang();
        let presenting = self.ui.trainer.presenting;
        let can_close_year = self.cache.analysis.projection.is_some() && !presenting;
        let fund = &self.doc.fund;
        let Some(dialog) = self.ui.import.as_mut() else {
            return;
        };
        let answer = match dialog {
            ImportDialog::Sie(s) => {
                s.refresh(fund, state, base.as_ref());
                let can_apply = s.can_apply(fund) && !presenting;
                let title = lang.t(ImportKind::Sie.title());
                preview_modal(ctx, "sie_import_dialog", lang, title, can_apply, |ui, a| {
                    sie_body_ui(ui, lang, fund, s, can_close_year, a)
                })
            }
            ImportDialog::Initiatives(x) => {
                let can_apply = x.result.is_ok() && !presenting;
                let kind = ImportKind::Initiatives;
                let title = lang.t(kind.title());
                preview_modal(
                    ctx,
                    "initiatives_import_dialog",
                    lang,
                    title,
                    can_apply,
                    |ui, _| initiatives_body_ui(ui, lang, fund, x),
                )
            }
        };
        match answer {
            Answer::Keep => {}
            Answer::Cancel => self.ui.import = None,
            Answer::CloseYear => {
                // The Repayments view opens its close-year confirmation; the preview waits.
                self.ui.view = View::Repayments;
                self.ui.repayments.open_close_year = true;
            }
            Answer::Apply => {
                if let Some(dialog) = self.ui.import.take() {
                    self.apply_import(dialog, out);
                }
            }
        }
    }

    fn apply_import(&mut self, dialog: ImportDialog, out: &mut Vec<Command>) {
        let fund = &self.doc.fund;
        match dialog {
            ImportDialog::Sie(s) => {
                let Some(Ok(preview)) = &s.preview else {
                    return;
                };
                match sie_actuals::applied(fund, preview) {
                    Ok(changed) if changed.is_empty() => {
                        out.push(Command::Note(StatusNote::ActualsUnchanged {
                            year: preview.year,
                            file: s.file.clone(),
                        }));
                    }
                    Ok(changed) => {
                        let n = changed.len();
                        let first = changed.first().map(|(i, _)| *i);
                        out.push(Command::Edit(Edit::Initiatives(changed)));
                        out.push(Command::Navigate(View::Repayments));
                        self.ui.repayments.year = Some(preview.year);
                        out.push(Command::SelectInitiative(first));
                        out.push(Command::Note(StatusNote::ActualsRead {
                            year: preview.year,
                            initiatives: n,
                            file: s.file.clone(),
                        }));
                    }
                    Err(e) => {
                        self.ui.dialog = Some(DialogState::Message {
                            title: T::ImportFailedTitle,
                            text: e.text(self.lang()),
                        });
                    }
                }
            }
            ImportDialog::Initiatives(x) => {
                let Ok(imported) = x.result else {
                    return;
                };
                // The preview was read against this document; the dialog is modal, so it
                // cannot have changed, but an import is never applied to another one.
                if x.state != self.doc.state() {
                    return;
                }
                let first = fund.initiatives.len();
                let added: Vec<_> = imported
                    .added
                    .iter()
                    .filter_map(|&i| imported.fund.initiatives.get(i).cloned())
                    .collect();
                let n = added.len();
                if n == 0 {
                    return;
                }
                out.push(Command::Edit(Edit::AppendInitiatives(added)));
                out.push(Command::Navigate(View::Initiatives));
                out.push(Command::SelectInitiative(Some(first)));
                out.push(Command::Note(StatusNote::InitiativesRead {
                    initiatives: n,
                    file: x.file,
                }));
            }
        }
    }
}

/// Read at most `limit` bytes (and one more, so that the import can say the file is too
/// large without reading all of it).
fn read_limited(path: &Path, limit: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn sie_body_ui(
    ui: &mut Ui,
    lang: Lang,
    fund: &Fund,
    s: &mut SieImport,
    can_close_year: bool,
    answer: &mut Answer,
) {
    let source = match &s.preview {
        Some(Ok(p)) => p.source(),
        _ => format!("SIE {}", s.file),
    };
    ui.label(format!("{}: {source}", lang.t(T::ImpFile)));
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let years: Vec<(i32, String)> = (fund.first_year..=fund.last_year())
            .map(|y| (y, y.to_string()))
            .collect();
        let year = lang.t(T::Year);
        labelled_choice(ui, year, "sie_import_year", &mut s.year, &years, 80.0);
        ui.add_space(12.0);
        let mappings = [
            (
                FundFrom::Allocation,
                i18n::allocation_mapping(lang, fund.accounts.internal_income),
            ),
            (FundFrom::Costs, lang.t(T::ImpInitiativeCosts).to_string()),
        ];
        let from = lang.t(T::ImpFundPaymentFrom);
        labelled_choice(
            ui,
            from,
            "sie_import_mapping",
            &mut s.fund_from,
            &mappings,
            300.0,
        );
    });
    ui.add_space(6.0);
    let preview = match &s.preview {
        Some(Ok(p)) => p,
        Some(Err(e)) => {
            error_line(ui, &e.text(lang));
            return;
        }
        None => return,
    };

    if !fund.is_closed(s.year) {
        let year = s.year;
        ui.group(|ui| {
            let text = i18n::year_not_closed(lang, year);
            ui.add(egui::Label::new(RichText::new(text).color(widgets::warn_color(ui))).wrap());
            if next_year_to_close(fund) == Some(year) {
                let text = i18n::close_year_first(lang, year);
                if ui
                    .add_enabled(can_close_year, egui::Button::new(text))
                    .clicked()
                {
                    *answer = Answer::CloseYear;
                }
            } else {
                ui.label(lang.t(T::ImpYearsBefore));
            }
        });
        ui.add_space(4.0);
    }

    ui.label(RichText::new(lang.t(T::ImpPerInitiative)).strong());
    if s.rows.is_empty() {
        ui.label(RichText::new(lang.t(T::ImpNoRowsForFund)).weak());
    } else {
        // Virtualised: a large fund's file has thousands of lines, and only those in view
        // are laid out.
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
        ui.push_id("sie_import_rows", |ui| {
            TableBuilder::new(ui)
                .striped(true)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::exact(80.0))
                .column(Column::exact(190.0).clip(true))
                .columns(Column::exact(104.0), 4)
                .min_scrolled_height(0.0)
                .max_scroll_height(420.0)
                .header(row_height, |mut header| {
                    header.col(|ui| {
                        ui.label(RichText::new(lang.t(T::InitiativeOne)).strong());
                    });
                    header.col(|ui| {
                        ui.label(RichText::new(lang.t(T::ImpLine)).strong());
                    });
                    for c in SieColumn::ALL {
                        header.col(|ui| {
                            num_cell(ui, RichText::new(c.text(lang)).strong());
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, s.rows.len(), |mut table_row| {
                        let Some(row) = s.rows.get(table_row.index()) else {
                            return;
                        };
                        table_row.col(|ui| {
                            ui.label(&row.code);
                        });
                        table_row.col(|ui| {
                            ui.label(line_text(lang, row.payer.as_deref()));
                        });
                        for c in SieColumn::ALL {
                            let value = match c {
                                SieColumn::Planned => row.planned,
                                SieColumn::Recorded => row.recorded,
                                SieColumn::Read => Some(row.read),
                                SieColumn::Difference => row.difference(),
                            };
                            let text =
                                value.map_or_else(|| "–".to_string(), |m| i18n::money(lang, m));
                            let rich = match value {
                                Some(m) if c == SieColumn::Difference && !m.is_zero() => {
                                    RichText::new(&text).strong()
                                }
                                _ => RichText::new(&text),
                            };
                            table_row.col(|ui| {
                                num_cell(ui, rich).accessible_name(sie_cell_name(
                                    lang,
                                    &row.code,
                                    row.payer.as_deref(),
                                    c,
                                    &text,
                                ));
                            });
                        }
                    });
                });
        });
    }

    if !s.per_payer.is_empty() {
        let title = lang.t(T::ImpRepaymentsPerPayer);
        titled_grid(ui, title, "sie_import_payers", 2, |ui| {
            for (payer, m) in &s.per_payer {
                let name = fund
                    .actor_index(payer)
                    .map(|k| format!("{payer} – {}", fund.actors[k].name))
                    .unwrap_or_else(|| payer.clone());
                ui.label(name);
                let text = m.map_or_else(|| "–".to_string(), |m| i18n::money(lang, m));
                num_cell_w(ui, 104.0, &text).accessible_name(payer_total_name(lang, payer, &text));
                ui.end_row();
            }
        });
    }

    if !preview.unmatched.is_empty() {
        let title = lang.t(T::ImpUnmatchedRows);
        titled_grid(ui, title, "sie_import_unmatched", 3, |ui| {
            ui.label(RichText::new(lang.t(T::ImpObject)).strong());
            ui.label(RichText::new(lang.t(T::ImpAccount)).strong());
            num_cell_w(ui, 104.0, RichText::new(lang.t(T::Amount)).strong());
            ui.end_row();
            for u in &preview.unmatched {
                let object = if u.object.is_empty() {
                    lang.t(T::ImpNoProject).to_string()
                } else {
                    u.object.clone()
                };
                ui.label(&object);
                ui.label(u.account.to_string());
                let text = i18n::money(lang, u.amount);
                num_cell_w(ui, 104.0, &text)
                    .accessible_name(format!("{object} {}: {text}", u.account));
                ui.end_row();
            }
        });
    }

    warnings_and_effect(ui, lang, &preview.warnings, T::ImpApplyReplacesActuals);
}

fn initiatives_body_ui(ui: &mut Ui, lang: Lang, fund: &Fund, x: &InitiativesImport) {
    ui.label(format!("{}: {}", lang.t(T::ImpFile), x.file));
    ui.add_space(4.0);
    let imported = match &x.result {
        Ok(imported) => imported,
        Err(ImportError::Unreadable { reason, .. }) => {
            error_line(ui, &reason.text(lang));
            ui.label(lang.t(T::ImpNothingRead));
            return;
        }
        Err(ImportError::Problems { problems, .. }) => {
            let n = problems.len();
            error_line(ui, &i18n::import_problems(lang, n));
            for p in problems {
                ui.add(egui::Label::new(format!("• {}", p.text(lang))).wrap());
            }
            return;
        }
    };
    let n = x.summary.len();
    ui.label(i18n::initiatives_to_add(lang, n));
    let columns = [
        lang.t(T::ImpCostToFund),
        lang.t(T::CostOwn),
        lang.t(T::SavingsShort),
    ];
    egui::Grid::new("initiatives_import_rows")
        .num_columns(7)
        .spacing([12.0, 3.0])
        .striped(true)
        .show(ui, |ui| {
            for h in [lang.t(T::Code), lang.t(T::Name), lang.t(T::Owner)] {
                ui.label(RichText::new(h).strong());
            }
            for h in columns {
                num_cell_w(ui, 110.0, RichText::new(h).strong());
            }
            ui.label(RichText::new(lang.t(T::ImpRepayment)).strong());
            ui.end_row();
            for a in &x.summary {
                ui.label(&a.code);
                ui.label(&a.name);
                let owner = fund
                    .actor_index(&a.owner)
                    .map(|k| format!("{} – {}", a.owner, fund.actors[k].name))
                    .unwrap_or_else(|| a.owner.clone());
                ui.label(owner);
                for (m, column) in [a.fund_costs, a.own_costs, a.savings]
                    .into_iter()
                    .zip(columns)
                {
                    let text = m.map_or_else(|| "–".to_string(), |m| i18n::money(lang, m));
                    num_cell_w(ui, 110.0, &text)
                        .accessible_name(added_cell_name(&a.code, column, &text));
                }
                ui.label(a.repayment_text(lang));
                ui.end_row();
            }
        });
    warnings_and_effect(ui, lang, &imported.warnings, T::ImpApplyAddsInitiatives);
}
