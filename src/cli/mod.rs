//! The `sif` command line (SPEC §8): clap commands and their text, CSV and JSON renderers.
//!
//! Exit codes: 0 ok, 1 invalid fund or failed command, 2 unreadable input or bad arguments.
//! Errors go to standard error as one sentence each, Swedish then English.

mod actuals;
mod export;
mod report;
pub(crate) mod report_cmd;
mod table;
mod text;
mod xlsx;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use sif::engine::{self, Options, Projection};
use sif::model::Fund;
use sif::store;
use sif::validate;

use sif::generate::{GenerateParams, generate_fund};

#[derive(Debug, Parser)]
#[command(
    name = "sif",
    version,
    about = "Sif – plan och redovisning för en social investeringsfond / planning and accounting for a social-investment fund",
    long_about = None,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A fund file to open in the app (without a subcommand).
    pub file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Csv,
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub fund: FundArgs,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The language of text output (reconcile).
    #[arg(long, value_enum, default_value_t = report_cmd::LangArg::Sv)]
    pub lang: report_cmd::LangArg,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a new fund file from a template (one of the sample funds).
    New {
        file: PathBuf,
        /// Template name (a sample fund): exempelkommun, uppfoljning, region or smakommun.
        #[arg(long, default_value = "exempelkommun")]
        template: String,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Validate a fund: exit 0 valid (warnings allowed), 1 errors, 2 unreadable.
    Check { file: PathBuf },
    /// The fund statement per year.
    Statement(ReportArgs),
    /// The repayment schedule.
    Schedule(ReportArgs),
    /// The appraisal per initiative: NPV, benefit-cost ratio, payback, who pays and who gains.
    Appraisal(ReportArgs),
    /// The balanced-budget reconciliation under current law and the proposed rules.
    Reconcile(ReportArgs),
    /// The printable report (HTML, or PDF through Chromium): statement, reconciliation,
    /// schedule, appraisal, who pays and who gains, and the assumptions.
    Report(report_cmd::ReportHtmlArgs),
    /// Export the ledger: SIE 4I, SIE 4E, CSV or an hledger journal.
    Export(export::ExportArgs),
    /// Show the vouchers and the trial balance per year.
    Ledger(export::LedgerArgs),
    /// A closed year's actual figures from the financial system's SIE 4 file: a preview, or
    /// recorded with --apply.
    Actuals(actuals::ActualsArgs),
    /// Write the initiatives template (.xlsx, or .csv) for applicants to fill in.
    Template(xlsx::TemplateArgs),
    /// Read initiatives from a filled-in template into the fund as Proposed (a preview
    /// unless --apply).
    Import(xlsx::ImportArgs),
    /// Write a deterministic, valid, realistic large fund for benchmarks and tests.
    Generate {
        #[arg(long, default_value_t = 100)]
        initiatives: usize,
        #[arg(long, default_value_t = 20)]
        years: i32,
        #[arg(long, default_value_t = 12)]
        actors: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Overwrite an existing file (its previous version is kept as NAME.bak).
        #[arg(long)]
        force: bool,
    },
}

/// Parse the command line and run it. `None` means: no subcommand, open the app.
pub fn run_from_args() -> Result<ExitCode, Cli> {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return Ok(match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(2),
            });
        }
    };
    match cli.command {
        Some(command) => Ok(run(command)),
        None => Err(cli),
    }
}

/// A failed command: the message for standard error and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn unreadable(message: impl Into<String>) -> Self {
        Failure {
            code: 2,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

pub fn run(command: Command) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match execute(command, &mut out) {
        Ok(code) => {
            let _ = out.flush();
            code
        }
        Err(f) => {
            let _ = out.flush();
            if !f.message.is_empty() {
                // Names and paths in a message are shown escaped, never raw to a terminal.
                eprintln!("sif: {}", sif::text::escape_controls(&f.message));
            }
            ExitCode::from(f.code)
        }
    }
}

fn write_err(e: std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        // The reader stopped early (`sif ledger … | head`): nothing to say.
        return Failure {
            code: 0,
            message: String::new(),
        };
    }
    Failure::invalid(format!(
        "kunde inte skriva utdata / could not write output: {e}"
    ))
}

/// A path for a line of output, with control characters escaped.
pub fn shown_path(path: &Path) -> String {
    sif::text::escape_all_controls(&path.display().to_string()).into_owned()
}

/// A rendered report or table for standard output: control characters and bidirectional
/// overrides from the fund's texts escaped, the JSON way in JSON, so that none reaches the
/// terminal raw and JSON stays JSON.
pub fn terminal_safe(text: &str, format: Format) -> std::borrow::Cow<'_, str> {
    match format {
        Format::Json => sif::text::escape_json_controls(text),
        Format::Text | Format::Csv => sif::text::escape_controls(text),
    }
}

/// Refuse to write `output` when a file of that name exists, unless `force` is given, and
/// always when it is the fund file the command reads (`input`), or when replacing it would
/// put the fund file's place to its backup (`input` is `output.bak`). Files are compared by
/// identity (device and inode on Unix), so a link or another spelling of the path is caught
/// too. `-` (standard output) is never refused.
pub fn check_output(output: &Path, input: Option<&Path>, force: bool) -> Result<(), Failure> {
    if output.as_os_str() == "-" {
        return Ok(());
    }
    let shown = output.display();
    if let Some(input) = input {
        if store::same_file(output, input) {
            return Err(Failure::invalid(format!(
                "{shown} är fondfilen som läses; välj ett annat namn för det som skrivs / {shown} is the fund file being read; choose another name for the output"
            )));
        }
        let existing = std::fs::metadata(output).is_ok_and(|m| m.is_file());
        let target = std::fs::canonicalize(output).unwrap_or_else(|_| output.to_path_buf());
        if existing && store::same_file(&store::backup_path(&target), input) {
            return Err(Failure::invalid(format!(
                "att skriva {shown} skulle ersätta fondfilen {} med säkerhetskopian av {shown}; välj ett annat namn / writing {shown} would replace the fund file {} with the backup of {shown}; choose another name",
                input.display(),
                input.display()
            )));
        }
    }
    // A dangling symbolic link counts as existing: writing would create the file it names.
    let exists = std::fs::symlink_metadata(output).is_ok();
    if exists && !force {
        return Err(Failure::invalid(format!(
            "{shown} finns redan; använd --force för att skriva över (den tidigare versionen sparas som {shown}.bak) / {shown} already exists; use --force to overwrite (the previous version is kept as {shown}.bak)"
        )));
    }
    Ok(())
}

/// Load a fund, refusing unreadable files with exit code 2.
pub fn load(path: &Path) -> Result<Fund, Failure> {
    store::load(path).map_err(|e| Failure::unreadable(e.to_string()))
}

/// Load, validate and project: the common start of every report and export.
/// The fund a report or an export is made of: the file, the scenario and whether proposed
/// initiatives count (the same three arguments on every such command).
#[derive(Debug, Clone, clap::Args)]
pub struct FundArgs {
    /// The fund file (.ron).
    pub file: PathBuf,
    /// A scenario of the fund, by name (default: the base scenario).
    #[arg(long)]
    pub scenario: Option<String>,
    /// Count initiatives with status Proposed too.
    #[arg(long)]
    pub include_proposed: bool,
}

impl FundArgs {
    /// Load, validate and project the fund as [`load_and_project`] does.
    pub fn load_and_project(&self) -> Result<(Fund, Projection), Failure> {
        load_and_project(&self.file, self.scenario.as_deref(), self.include_proposed)
    }
}

pub fn load_and_project(
    path: &Path,
    scenario: Option<&str>,
    include_proposed: bool,
) -> Result<(Fund, Projection), Failure> {
    let fund = load(path)?;
    // Only errors block here, and none of these commands prints warnings: skip the projection
    // that some warnings need (docs/performance.md).
    let report = validate::validate_without_projection(&fund);
    if report.has_errors() {
        let mut msg = format!(
            "{} har {} fel och kan inte beräknas / {} has {} errors and cannot be computed:",
            path.display(),
            report.error_count(),
            path.display(),
            report.error_count()
        );
        for e in report.errors() {
            msg.push_str("\n  ");
            msg.push_str(&e.to_string());
        }
        return Err(Failure::invalid(msg));
    }
    let options = Options::named(&fund, scenario, include_proposed)
        .map_err(|e| Failure::unreadable(e.to_string()))?;
    let projection =
        engine::project(&fund, &options).map_err(|e| Failure::invalid(e.to_string()))?;
    Ok((fund, projection))
}

fn execute(command: Command, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    match command {
        Command::New {
            file,
            template,
            force,
        } => {
            let Some(text) = sif::samples::template(&template) else {
                let names: Vec<&str> = sif::samples::SAMPLES.iter().map(|s| s.name).collect();
                return Err(Failure::unreadable(format!(
                    "mallen ”{template}” finns inte (finns: {}) / there is no template “{template}” (available: {})",
                    names.join(", "),
                    names.join(", ")
                )));
            };
            check_output(&file, None, force)?;
            store::write_atomically(&file, text.as_bytes())
                .map_err(|e| Failure::invalid(e.to_string()))?;
            writeln!(out, "{}", shown_path(&file)).map_err(write_err)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file } => {
            let fund = load(&file)?;
            let report = validate::validate(&fund);
            let shown = shown_path(&file);
            if fund.format < sif::model::FORMAT_VERSION {
                writeln!(
                    out,
                    "{shown}: skriven av en äldre Sif (filformat {}); sparas som filformat {} / written by an older Sif (file format {}); will be saved as file format {}",
                    fund.format,
                    sif::model::FORMAT_VERSION,
                    fund.format,
                    sif::model::FORMAT_VERSION
                )
                .map_err(write_err)?;
            }
            for issue in &report.issues {
                let line = format!("{shown}: {issue}");
                writeln!(out, "{}", sif::text::escape_all_controls(&line)).map_err(write_err)?;
            }
            let (e, w) = (report.error_count(), report.warning_count());
            let plural = |n: usize, one: &str, many: &str| {
                format!("{n} {}", if n == 1 { one } else { many })
            };
            writeln!(
                out,
                "{}: {}, {} / {}, {}",
                shown,
                plural(e, "fel", "fel"),
                plural(w, "varning", "varningar"),
                plural(e, "error", "errors"),
                plural(w, "warning", "warnings"),
            )
            .map_err(write_err)?;
            Ok(if report.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Statement(a) => report_cmd(a, out, |f, p, fmt| Ok(report::statement(f, p, fmt))),
        Command::Schedule(a) => report_cmd(a, out, |f, p, fmt| Ok(report::schedule(f, p, fmt))),
        Command::Appraisal(a) => report_cmd(a, out, |f, p, fmt| Ok(report::appraisal(f, p, fmt))),
        Command::Reconcile(a) => {
            let lang = a.lang.into();
            report_cmd(a, out, |f, p, fmt| report::reconcile(f, p, fmt, lang))
        }
        Command::Report(a) => report_cmd::run(a, out),
        Command::Export(a) => export::export(a, out),
        Command::Ledger(a) => export::ledger(a, out),
        Command::Actuals(a) => actuals::actuals(a, out),
        Command::Template(a) => xlsx::template(a, out),
        Command::Import(a) => xlsx::import(a, out),
        Command::Generate {
            initiatives,
            years,
            actors,
            seed,
            output,
            force,
        } => {
            if !(1..=60).contains(&years) || actors < 2 {
                return Err(Failure::unreadable(
                    "--years ska vara 1–60 och --actors minst 2 / --years must be 1–60 and --actors at least 2",
                ));
            }
            check_output(&output, None, force)?;
            let params = GenerateParams {
                initiatives,
                years,
                actors,
                seed,
            };
            let estimate = sif::generate::estimated_file_bytes(&params);
            if estimate > store::MAX_FILE_BYTES {
                return Err(too_large_to_generate(&params, estimate));
            }
            let fund = generate_fund(&params);
            // Written as it is serialised, never held whole as text, and stopped at the limit
            // should the estimate have been short.
            let mut written = 0_u64;
            let saved = store::write_atomically_with(&output, &mut |w| {
                let mut limited = Limited {
                    inner: w,
                    written: &mut written,
                };
                store::write_fund(&mut limited, &fund)
            });
            if written > store::MAX_FILE_BYTES {
                return Err(too_large_to_generate(&params, written));
            }
            saved.map_err(|e| Failure::invalid(e.to_string()))?;
            writeln!(out, "{}", shown_path(&output)).map_err(write_err)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A writer that refuses to write more than Sif reads back ([`store::MAX_FILE_BYTES`]).
struct Limited<'a> {
    inner: &'a mut dyn Write,
    written: &'a mut u64,
}

impl Write for Limited<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let after = self.written.saturating_add(buf.len() as u64);
        if after > store::MAX_FILE_BYTES {
            *self.written = after;
            return Err(std::io::Error::other("over the size limit of a fund file"));
        }
        let n = self.inner.write(buf)?;
        *self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// `sif generate` asked for a fund larger than Sif reads: nothing is written.
fn too_large_to_generate(params: &GenerateParams, bytes: u64) -> Failure {
    let mb = bytes.div_ceil(1024 * 1024);
    let limit = store::MAX_FILE_BYTES / (1024 * 1024);
    let (n, y) = (params.initiatives, params.years);
    Failure::unreadable(format!(
        "{n} insatser över {y} år blir en fondfil på omkring {mb} MB, och Sif läser fondfiler på högst {limit} MB; ingenting skrevs (välj färre insatser eller år) / \
         {n} initiatives over {y} years make a fund file of about {mb} MB, and Sif reads fund files of at most {limit} MB; nothing was written (choose fewer initiatives or years)"
    ))
}

fn report_cmd(
    a: ReportArgs,
    out: &mut dyn Write,
    render: impl Fn(&Fund, &Projection, Format) -> Result<String, sif::money::Overflow>,
) -> Result<ExitCode, Failure> {
    let (fund, projection) = a.fund.load_and_project()?;
    let text = render(&fund, &projection, a.format).map_err(|e| Failure::invalid(e.to_string()))?;
    out.write_all(terminal_safe(&text, a.format).as_bytes())
        .map_err(write_err)?;
    Ok(ExitCode::SUCCESS)
}
