//! The app's state, in three kinds kept apart (STYLE.md):
//!
//! - the **document** ([`Document`]): the fund as it will be saved, its path, and its history;
//! - the **analysis** ([`Analysis`]): validation and projection, cached and recomputed only
//!   when the document state or the options change, never per frame;
//! - **UI state** ([`UiState`]): the view, selection, edit buffers and open dialog.
//!
//! Preferences are in `prefs.rs`. Nothing here holds an egui type except ids of edit buffers.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sif::engine::{self, EngineError, Options, Projection};
use sif::ledger::{Journal, LedgerError};
use sif::model::{Fund, Status};
use sif::money::Money;
use sif::validate::{self, Location, Report};

use super::command::{Edit, History};
use super::i18n::Lang;
use super::views::{
    View, budget::BudgetState, initiatives::InitiativesState, ledger::LedgerState,
    repayments::RepaymentsState,
};

/// The open fund.
pub struct Document {
    pub fund: Fund,
    /// Where the fund is saved; `None` for a new fund or the built-in sample.
    pub path: Option<PathBuf>,
    pub history: History,
    /// The history state that matches the file on disk (or the template it came from).
    saved_state: Option<u64>,
    /// The file as it was when opened or last saved, to notice when someone else changes it
    /// (docs/safety.md §2); `None` for a fund without a file, or one restored without a stamp.
    pub stamp: Option<sif::store::FileStamp>,
}

impl Document {
    pub fn new(fund: Fund, path: Option<PathBuf>) -> Document {
        let history = History::default();
        let saved_state = Some(history.state());
        Document {
            fund,
            path,
            history,
            saved_state,
            stamp: None,
        }
    }

    /// A fund restored from a recovery file: unsaved from the start, so that it is saved (or
    /// the user is asked) before it is closed.
    pub fn recovered(
        fund: Fund,
        path: Option<PathBuf>,
        stamp: Option<sif::store::FileStamp>,
    ) -> Document {
        Document {
            saved_state: None,
            stamp,
            ..Document::new(fund, path)
        }
    }

    /// The id of the current state: changes on every edit, undo and redo.
    pub fn state(&self) -> u64 {
        self.history.state()
    }

    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.history.state())
    }

    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_state = Some(self.history.state());
    }

    pub fn apply(&mut self, edit: Edit) -> bool {
        self.history.apply(&mut self.fund, edit)
    }

    pub fn undo(&mut self) -> bool {
        self.history.undo(&mut self.fund)
    }

    pub fn redo(&mut self) -> bool {
        self.history.redo(&mut self.fund)
    }

    /// The file name for the title bar, or `None` when the fund has never been saved.
    pub fn file_name(&self) -> Option<String> {
        self.path_part(Path::file_name)
    }

    /// The file's name without its extension (`exempelkommun`), for the names of what is
    /// written from the fund.
    pub fn file_stem(&self) -> Option<String> {
        self.path_part(Path::file_stem)
    }

    fn path_part(&self, part: fn(&Path) -> Option<&std::ffi::OsStr>) -> Option<String> {
        let part = part(self.path.as_deref()?)?;
        Some(part.to_string_lossy().into_owned())
    }
}

/// The options that choose what the engine projects.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ViewOptions {
    /// A scenario of the fund by name; `None` is the base scenario.
    pub scenario: Option<String>,
    pub include_proposed: bool,
    /// The trainer's what-if assumptions; when set they replace the named scenario.
    pub whatif: Option<super::whatif::Assumptions>,
    /// The trainer's added deadweight, percentage points on every savings row (0 outside
    /// trainer mode): the projection is of a copy of the fund with it applied.
    pub deadweight: i32,
}

impl ViewOptions {
    /// The fund as these options project it: the document itself, or a copy with the
    /// what-if's added deadweight on every savings row.
    pub fn fund_for<'a>(&self, fund: &'a Fund) -> std::borrow::Cow<'a, Fund> {
        if self.deadweight > 0 {
            std::borrow::Cow::Owned(engine::with_added_deadweight(fund, self.deadweight))
        } else {
            std::borrow::Cow::Borrowed(fund)
        }
    }

    /// The engine's options; a scenario that no longer exists falls back to the base.
    pub fn engine_options(&self, fund: &Fund) -> Options {
        if let Some(a) = self.whatif {
            return Options {
                scenario: a.scenario(super::whatif::WHATIF_SCENARIO),
                include_proposed: self.include_proposed,
            };
        }
        Options::named(fund, self.scenario.as_deref(), self.include_proposed).unwrap_or_else(|_| {
            Options {
                include_proposed: self.include_proposed,
                ..Options::default()
            }
        })
    }
}

/// The figures of one initiative for the initiatives table (`None` where it does not count or
/// the fund has errors).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InitiativeFigures {
    pub fund_cost: Option<Money>,
    pub savings: Option<Money>,
    pub repaid: Option<Money>,
    pub npv: Option<f64>,
    pub payback_year: Option<i32>,
    /// The adjusted appraisal's net present value and its range (SPEC §4.7).
    pub adjusted_npv: Option<f64>,
    pub npv_low: Option<f64>,
    pub npv_high: Option<f64>,
}

/// Validation and projection of the document under the chosen options.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// The options the projection was made with (views key what they derive from it on
    /// these, as a large fund's projection can arrive a frame after the options changed).
    pub options: ViewOptions,
    pub report: Report,
    /// `None` when the fund has validation errors (they block the computations, SPEC §3.1),
    /// or when the engine failed.
    pub projection: Option<Projection>,
    /// Why the engine itself failed on a valid fund (an overflow).
    pub engine_error: Option<EngineError>,
    /// One entry per initiative of the fund, in file order.
    pub figures: Vec<InitiativeFigures>,
    /// Number of initiatives per status, in `Status::ALL` order.
    pub by_status: [usize; 4],
    /// Number of validation errors per initiative, in file order.
    pub errors_per_initiative: Vec<usize>,
    /// Whether each actor (in list order) is referred to anywhere in the fund, so it cannot be
    /// removed.
    pub actor_in_use: Vec<bool>,
    /// The warnings under the trainer's what-if (`None` outside trainer mode, or when the
    /// fund has errors): see [`Analysis::warnings`].
    pub whatif_report: Option<Report>,
    /// The journal of the projection (SPEC §6), computed on demand by
    /// [`Cache::refresh_journal`] — only for the views and exports that need it — and again
    /// only when the projection changes. `None` until then, or when there is no projection;
    /// an error when the account chart is one the ledger cannot book on.
    pub journal: Option<Result<Journal, LedgerError>>,
}

impl Analysis {
    /// The report whose warnings the views show beside the figures: the what-if's in trainer
    /// mode, else the document's. Errors are always the document's.
    pub fn warnings(&self) -> &Report {
        self.whatif_report.as_ref().unwrap_or(&self.report)
    }

    /// The analysis under new options of a document whose analysis `previous` already is:
    /// only the projection and what follows from it are computed again (a what-if step must
    /// fit in a frame). Returns the previous projection too, for the caller to drop.
    fn reproject(
        fund: &Fund,
        options: &ViewOptions,
        previous: Analysis,
    ) -> (Analysis, Option<Projection>) {
        let (projection, engine_error, whatif_report) =
            Analysis::project(fund, options, &previous.report);
        Analysis::with_projection(
            fund,
            options,
            previous,
            (projection, engine_error, whatif_report),
        )
    }

    /// `previous` with a new projection (for the same document state).
    fn with_projection(
        fund: &Fund,
        options: &ViewOptions,
        mut previous: Analysis,
        (projection, engine_error, whatif_report): Projected,
    ) -> (Analysis, Option<Projection>) {
        let old = previous.projection.take();
        let figures = Analysis::figures(fund, projection.as_ref());
        let analysis = Analysis {
            options: options.clone(),
            projection,
            engine_error,
            figures,
            whatif_report,
            journal: None,
            ..previous
        };
        (analysis, old)
    }

    fn project(fund: &Fund, options: &ViewOptions, report: &Report) -> Projected {
        project_options(fund, options, report.has_errors())
    }

    fn figures(fund: &Fund, projection: Option<&Projection>) -> Vec<InitiativeFigures> {
        let mut figures = vec![InitiativeFigures::default(); fund.initiatives.len()];
        if let Some(p) = projection {
            for (ip, ap) in p.initiatives.iter().zip(&p.appraisal) {
                if let Some(f) = figures.get_mut(ip.index) {
                    *f = InitiativeFigures {
                        fund_cost: Some(ip.fund_total),
                        savings: Some(ap.savings),
                        repaid: Some(ap.repaid),
                        npv: Some(ap.npv),
                        payback_year: ap.payback_year,
                        adjusted_npv: Some(ap.adjusted.npv),
                        npv_low: Some(ap.adjusted.npv_low),
                        npv_high: Some(ap.adjusted.npv_high),
                    };
                }
            }
        }
        figures
    }

    fn compute(fund: &Fund, options: &ViewOptions, report: Report) -> Analysis {
        let mut by_status = [0; 4];
        for ini in &fund.initiatives {
            let i = Status::ALL
                .iter()
                .position(|s| *s == ini.status)
                .unwrap_or(0);
            by_status[i] += 1;
        }
        let mut errors_per_initiative = vec![0; fund.initiatives.len()];
        for issue in report.errors() {
            if let Location::Initiative(i) = issue.location
                && let Some(n) = errors_per_initiative.get_mut(i)
            {
                *n += 1;
            }
        }
        let projected = Analysis::project(fund, options, &report);
        let actor_in_use = fund
            .actors
            .iter()
            .map(|a| actor_in_use(fund, &a.code))
            .collect();
        let unprojected = Analysis {
            options: options.clone(),
            report,
            projection: None,
            engine_error: None,
            figures: Vec::new(),
            by_status,
            errors_per_initiative,
            actor_in_use,
            whatif_report: None,
            journal: None,
        };
        Analysis::with_projection(fund, options, unprojected, projected).0
    }
}

/// A projection, the engine's error if it failed, and the what-if's warnings.
type Projected = (Option<Projection>, Option<EngineError>, Option<Report>);

/// Project the fund under the options (nothing when it has errors), with the what-if's own
/// warnings in trainer mode.
fn project_options(fund: &Fund, options: &ViewOptions, has_errors: bool) -> Projected {
    if has_errors {
        return (None, None, None);
    }
    let projected = options.fund_for(fund);
    let (projection, error) = match engine::project(&projected, &options.engine_options(fund)) {
        Ok(p) => (Some(p), None),
        Err(e) => (None, Some(e)),
    };
    // In trainer mode the warnings are those of the what-if (the figures shown), not the
    // document's.
    let whatif_report = options
        .whatif
        .map(|_| validate::validate_under(&projected, &options.engine_options(fund)));
    (projection, error, whatif_report)
}

/// Whether an actor code is referred to anywhere in the fund.
pub fn actor_in_use(fund: &Fund, code: &str) -> bool {
    use sif::model::Repayment;
    fund.holder == code
        || fund.initiatives.iter().any(|i| {
            i.owner == code
                || i.savings.iter().any(|s| s.actor == code)
                || match &i.repayment {
                    Repayment::Fixed(fixed) => fixed.payers.iter().any(|p| p.actor == code),
                    _ => false,
                }
                || i.actuals
                    .iter()
                    .any(|a| a.repaid.iter().any(|r| r.actor == code))
        })
}

/// The preview of one initiative's repayment schedule and appraisal, computed on the
/// initiative alone so that it shows even when the initiative does not count (proposed) or
/// another part of the fund has errors.
#[derive(Debug, Clone)]
pub struct Preview {
    pub report: Report,
    pub projection: Option<Projection>,
}

impl Preview {
    fn compute(fund: &Fund, index: usize, options: &ViewOptions) -> Option<Preview> {
        let ini = fund.initiatives.get(index)?;
        // The fund with only this initiative, counted whatever its status.
        let mut alone = fund.clone_without_lists();
        let mut ini = ini.clone();
        if ini.status == Status::Proposed {
            ini.status = Status::Approved;
        }
        alone.initiatives.push(ini);
        // The what-if's added deadweight applies to the preview's appraisal too.
        let alone = options.fund_for(&alone);
        let report = validate::validate(&alone);
        let projection = if report.has_errors() {
            None
        } else {
            engine::project(&alone, &options.engine_options(fund)).ok()
        };
        Some(Preview { report, projection })
    }
}

/// A small extension: the fund's scalar fields and its actors and scenarios, without the
/// long lists (initiatives, capital, budget), so a one-initiative preview does not copy them.
trait CloneWithoutLists {
    fn clone_without_lists(&self) -> Fund;
}

impl CloneWithoutLists for Fund {
    fn clone_without_lists(&self) -> Fund {
        Fund {
            format: self.format,
            name: self.name.clone(),
            organisation: self.organisation.clone(),
            org_number: self.org_number.clone(),
            model: self.model,
            first_year: self.first_year,
            years: self.years,
            discount_rate: self.discount_rate,
            holder: self.holder.clone(),
            closed_through: self.closed_through,
            actors: self.actors.clone(),
            capital: Vec::new(),
            initiatives: Vec::new(),
            scenarios: self.scenarios.clone(),
            budget: Vec::new(),
            unrestored_deficits: Vec::new(),
            appraisal: self.appraisal.clone(),
            accounts: self.accounts.clone(),
        }
    }
}

/// Work for the background thread.
type Job = Box<dyn FnOnce() + Send>;

/// Run `job` on the app's one background thread (started at its first job; it projects large
/// funds and frees large projections and journals, one job after the other). Gives the job
/// back when no thread can be had, for the caller to run it here.
fn in_background(job: Job) -> Result<(), Job> {
    static BACKGROUND: std::sync::OnceLock<Option<std::sync::mpsc::Sender<Job>>> =
        std::sync::OnceLock::new();
    let jobs = BACKGROUND.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("sif-background".into())
            .spawn(move || {
                for job in rx {
                    job();
                }
            })
            .ok()
            .map(|_| tx)
    });
    match jobs {
        Some(tx) => tx.send(job).map_err(|e| e.0),
        None => Err(job),
    }
}

/// Free a large projection in the background: freeing the many small vectors of a fund of
/// thousands of initiatives takes milliseconds that a frame does not have.
fn drop_later(projection: Option<Projection>) {
    match projection {
        Some(p) if p.initiatives.len() >= 500 => {
            // If there is no background thread, it is simply dropped here.
            let _ = in_background(Box::new(move || drop(p)));
        }
        _ => {}
    }
}

/// Funds with at least this many initiatives project a change of options (a what-if step, a
/// scenario) on a worker thread, so that dragging a slider keeps the frame rate; the views show
/// the previous figures until the new ones are there, a frame or two later. Smaller funds
/// project at once, within the frame.
pub const BACKGROUND_FROM: usize = 2000;

/// A projection being computed off the UI thread.
struct Worker {
    key: (u64, ViewOptions),
    rx: std::sync::mpsc::Receiver<Projected>,
}

/// Asks the UI for a frame (from the worker thread, when its projection is done).
pub type Wake = std::sync::Arc<dyn Fn() + Send + Sync>;

/// The cached analysis, keyed by the document state and the options.
#[derive(Default)]
pub struct Cache {
    key: Option<(u64, ViewOptions)>,
    pub analysis: Analysis,
    preview_key: Option<(u64, ViewOptions, usize)>,
    pub preview: Option<Preview>,
    /// How many times anything was recomputed: a test asserts it stays put in a frame where
    /// nothing changed.
    pub recomputations: u64,
    worker: Option<Worker>,
    /// The fund as the worker reads it: one shared copy per document state.
    snapshot: Option<(u64, std::sync::Arc<Fund>)>,
    /// Called by the worker when its projection is ready.
    pub wake: Option<Wake>,
    /// The analysis key the journal was written for.
    journal_key: Option<(u64, ViewOptions)>,
}

impl Cache {
    /// Bring the analysis up to date; returns whether anything was recomputed.
    pub fn refresh(
        &mut self,
        doc: &Document,
        options: &ViewOptions,
        selected: Option<usize>,
    ) -> bool {
        let mut recomputed = self.take_worker_result(doc, false);
        let key = (doc.state(), options.clone());
        if self.key.as_ref() != Some(&key) {
            match &self.key {
                // Only the options changed (a scenario, a what-if step): what depends on the
                // document alone (validation, counts, actors in use) is kept.
                Some((state, _)) if *state == doc.state() => {
                    if doc.fund.initiatives.len() >= BACKGROUND_FROM {
                        self.project_in_background(doc, key);
                    } else {
                        let previous = std::mem::take(&mut self.analysis);
                        let (analysis, old) = Analysis::reproject(&doc.fund, options, previous);
                        self.analysis = analysis;
                        drop_later(old);
                        self.key = Some(key);
                        self.recomputations += 1;
                        recomputed = true;
                    }
                }
                _ => {
                    // A projection of an earlier document state would be stale.
                    self.worker = None;
                    let report = validate::validate(&doc.fund);
                    let old = std::mem::replace(
                        &mut self.analysis,
                        Analysis::compute(&doc.fund, options, report),
                    );
                    drop_later(old.projection);
                    self.key = Some(key);
                    self.recomputations += 1;
                    recomputed = true;
                }
            }
        }
        match selected {
            Some(index) => {
                let key = (doc.state(), options.clone(), index);
                if self.preview_key.as_ref() != Some(&key) {
                    self.preview = Preview::compute(&doc.fund, index, options);
                    self.preview_key = Some(key);
                    self.recomputations += 1;
                    recomputed = true;
                }
            }
            None => {
                self.preview = None;
                self.preview_key = None;
            }
        }
        recomputed
    }

    /// Bring the journal up to date with the projection (call after [`Cache::refresh`]);
    /// returns whether it was written anew.
    pub fn refresh_journal(&mut self, fund: &Fund) -> bool {
        if self.key.is_none() || self.journal_key == self.key {
            return false;
        }
        self.analysis.journal = self
            .analysis
            .projection
            .as_ref()
            .map(|p| sif::ledger::journal(fund, p));
        self.journal_key = self.key.clone();
        self.recomputations += 1;
        true
    }

    /// Let go of the journal when no view shows it: a large fund's journal is tens of
    /// megabytes, and it is written again (once) when the Ledger view or an export needs it.
    pub fn release_journal(&mut self) {
        if let Some(journal) = self.analysis.journal.take() {
            self.journal_key = None;
            // Freeing tens of thousands of postings is left to the background thread.
            let _ = in_background(Box::new(move || drop(journal)));
        }
    }

    /// Whether a projection is being computed off the UI thread (the figures shown are those
    /// of the previous options).
    pub fn is_computing(&self) -> bool {
        self.worker.is_some()
    }

    /// Start projecting `key` on a worker, unless one is running: then the latest options are
    /// projected when it is done (the next refresh finds them still different).
    fn project_in_background(&mut self, doc: &Document, key: (u64, ViewOptions)) {
        if self.worker.is_some() {
            return;
        }
        let fund = match &self.snapshot {
            Some((state, fund)) if *state == doc.state() => fund.clone(),
            _ => {
                let fund = std::sync::Arc::new(doc.fund.clone());
                self.snapshot = Some((doc.state(), fund.clone()));
                fund
            }
        };
        let report_has_errors = self.analysis.report.has_errors();
        let options = key.1.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let wake = self.wake.clone();
        let spawned = in_background(Box::new(move || {
            let result = project_options(&fund, &options, report_has_errors);
            // The app may have moved on (another document); then nobody listens.
            let _ = tx.send(result);
            if let Some(wake) = wake {
                wake();
            }
        }));
        match spawned {
            Ok(()) => self.worker = Some(Worker { key, rx }),
            // No thread to be had: project here, as for a small fund.
            Err(_) => {
                let previous = std::mem::take(&mut self.analysis);
                let (analysis, old) = Analysis::reproject(&doc.fund, &key.1, previous);
                self.analysis = analysis;
                drop_later(old);
                self.key = Some(key);
                self.recomputations += 1;
            }
        }
    }

    /// Put a finished worker's projection in place (`wait`: block until it is finished).
    /// Returns whether the analysis changed.
    fn take_worker_result(&mut self, doc: &Document, wait: bool) -> bool {
        let Some(worker) = &self.worker else {
            return false;
        };
        let received = if wait {
            worker.rx.recv().ok()
        } else {
            match worker.rx.try_recv() {
                Ok(r) => Some(r),
                Err(std::sync::mpsc::TryRecvError::Empty) => return false,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
            }
        };
        let Some(worker) = self.worker.take() else {
            return false;
        };
        let Some(projected) = received else {
            return false;
        };
        if worker.key.0 != doc.state() {
            drop_later(projected.0);
            return false;
        }
        let previous = std::mem::take(&mut self.analysis);
        let (analysis, old) =
            Analysis::with_projection(&doc.fund, &worker.key.1, previous, projected);
        self.analysis = analysis;
        drop_later(old);
        self.key = Some(worker.key);
        self.recomputations += 1;
        true
    }

    /// Wait for the worker's projection and put it in place (tests and benchmarks).
    #[allow(dead_code)]
    pub fn finish_background(&mut self, doc: &Document) -> bool {
        self.take_worker_result(doc, true)
    }

    /// Forget everything (a new document was opened: its states reuse ids).
    pub fn invalidate(&mut self) {
        self.key = None;
        self.preview_key = None;
        self.journal_key = None;
        self.worker = None;
        self.snapshot = None;
    }
}

/// A text field being edited: its text, and the reason it was refused, if it was.
#[derive(Debug, Clone, Default)]
pub struct FieldBuffer {
    pub text: String,
    pub error: Option<String>,
}

/// Edit buffers of text fields, by the field's id. A buffer exists while the field has focus,
/// and after focus is lost while the text cannot be read (the error shows beside the field).
#[derive(Debug, Default)]
pub struct FieldBuffers {
    pub map: HashMap<eframe::egui::Id, FieldBuffer>,
}

impl FieldBuffers {
    /// Drop every buffer (the document changed under them, or another file was opened).
    pub fn clear(&mut self) {
        self.map.clear();
    }

    #[allow(dead_code)] // used by the tests
    pub fn has_errors(&self) -> bool {
        self.map.values().any(|b| b.error.is_some())
    }
}

/// What to do after the unsaved-changes question is answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Show the open dialog.
    OpenDialog,
    OpenPath(PathBuf),
    NewFrom(Option<&'static str>),
    Quit,
    /// Restore unsaved changes left by a Sif that ended without saving them.
    Restore(Box<sif::recovery::Recovery>),
}

/// The open dialog, if any; its state goes when it closes.
#[derive(Debug, Clone, PartialEq)]
pub enum DialogState {
    /// Choose a template for a new fund (index into the samples; `None` = empty fund).
    NewFund { choice: Option<usize> },
    /// Save the changes before `then`?
    Unsaved { then: Pending },
    /// A message (a file that could not be read or written).
    Message { title: super::i18n::T, text: String },
    /// A recovery offer or a changed-on-disk question (`safety.rs`).
    Safety(super::safety::SafetyDialog),
    /// The printable report in trainer mode: of the what-if or of the plan?
    ReportWhatIf,
}

/// A note for the status bar, kept as what happened so it follows a change of language.
#[derive(Debug, Clone, PartialEq)]
pub enum StatusNote {
    Opened(String),
    OpenedWithErrors(usize),
    Saved(String),
    /// An initiative was deleted (by its code); undo brings it back.
    Deleted(String),
    /// A library's message, given in both languages.
    Bilingual {
        sv: String,
        en: String,
    },
    /// An export was written (the file name).
    Exported(String),
    /// The actual figures of a year read from a SIE file were already recorded.
    ActualsUnchanged {
        year: i32,
        file: String,
    },
    /// The actual figures of a year were read for some initiatives from a SIE file.
    ActualsRead {
        year: i32,
        initiatives: usize,
        file: String,
    },
    /// Initiatives were read from a workbook as proposed.
    InitiativesRead {
        initiatives: usize,
        file: String,
    },
    /// Unsaved changes were restored from a recovery file (the fund's file name, if any).
    Restored(Option<String>),
}

impl StatusNote {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            StatusNote::Opened(name) => super::i18n::opened(lang, name),
            StatusNote::OpenedWithErrors(n) => super::i18n::errors_in_file(lang, *n),
            StatusNote::Saved(name) => super::i18n::saved_to(lang, name),
            StatusNote::Deleted(code) => super::i18n::deleted(lang, code),
            StatusNote::Bilingual { sv, en } => lang.pick(sv, en).to_string(),
            StatusNote::Exported(name) => super::i18n::exported(lang, name),
            StatusNote::ActualsUnchanged { year, file } => {
                super::i18n::actuals_unchanged(lang, *year, file)
            }
            StatusNote::ActualsRead {
                year,
                initiatives,
                file,
            } => super::i18n::actuals_read(lang, *year, *initiatives, file),
            StatusNote::InitiativesRead { initiatives, file } => {
                super::i18n::initiatives_read(lang, *initiatives, file)
            }
            StatusNote::Restored(file) => super::i18n::restored(lang, file.as_deref()),
        }
    }
}

/// Everything about the screen that is not the document.
pub struct UiState {
    pub view: View,
    pub options: ViewOptions,
    /// The initiative shown in the editor (index into the fund's initiatives).
    pub selected: Option<usize>,
    pub fields: FieldBuffers,
    pub initiatives: InitiativesState,
    pub repayments: RepaymentsState,
    pub budget: BudgetState,
    pub ledger: LedgerState,
    /// A settings section to bring into view once (after Go there).
    pub settings_focus: Option<Location>,
    /// Scroll the settings to `settings_focus` once.
    pub settings_scroll: bool,
    pub dialog: Option<DialogState>,
    /// The preview of a SIE file or a workbook being read in, when it is open (`import.rs`).
    pub import: Option<super::import::ImportDialog>,
    /// Sif's own file dialog, when it is open (`file_dialog.rs`).
    pub file_dialog: Option<Box<super::file_dialog::FileDialog>>,
    /// The help window that is open, if one is.
    pub help: Option<super::help::HelpPage>,
    /// The last thing that happened, for the status bar (shown in the current language).
    pub status: Option<StatusNote>,
    pub lang: Lang,
    /// Trainer mode (the what-if), presentation mode, and the state of the trainers' views.
    pub trainer: super::whatif::TrainerState,
}

impl UiState {
    pub fn new(lang: Lang) -> UiState {
        UiState {
            view: View::Overview,
            options: ViewOptions::default(),
            selected: None,
            fields: FieldBuffers::default(),
            initiatives: InitiativesState::default(),
            repayments: RepaymentsState::default(),
            budget: BudgetState::default(),
            ledger: LedgerState::default(),
            settings_focus: None,
            settings_scroll: false,
            dialog: None,
            import: None,
            file_dialog: None,
            help: None,
            status: None,
            lang,
            trainer: Default::default(),
        }
    }
}
