//! The `sif` command line (SPEC §8): clap commands and their text, CSV and JSON renderers.
//!
//! Exit codes: 0 ok, 1 invalid fund or failed command, 2 unreadable input or bad arguments.
//! Errors go to standard error as one sentence each, Swedish then English.

mod export;
mod report;
pub(crate) mod report_cmd;
mod table;

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
    /// The fund file (.ron).
    pub file: PathBuf,
    /// A scenario of the fund, by name (default: the base scenario).
    #[arg(long)]
    pub scenario: Option<String>,
    /// Count initiatives with status Proposed too.
    #[arg(long)]
    pub include_proposed: bool,
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
                eprintln!("sif: {}", f.message);
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

/// Load a fund, refusing unreadable files with exit code 2.
pub fn load(path: &Path) -> Result<Fund, Failure> {
    store::load(path).map_err(|e| Failure::unreadable(e.to_string()))
}

/// Load, validate and project: the common start of every report and export.
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
            if file.exists() && !force {
                return Err(Failure::invalid(format!(
                    "{} finns redan; använd --force för att skriva över / {} already exists; use --force to overwrite",
                    file.display(),
                    file.display()
                )));
            }
            store::write_atomically(&file, text.as_bytes())
                .map_err(|e| Failure::invalid(e.to_string()))?;
            writeln!(out, "{}", file.display()).map_err(write_err)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file } => {
            let fund = load(&file)?;
            let report = validate::validate(&fund);
            if fund.format < sif::model::FORMAT_VERSION {
                writeln!(
                    out,
                    "{}: skriven av en äldre Sif (filformat {}); sparas som filformat {} / written by an older Sif (file format {}); will be saved as file format {}",
                    file.display(),
                    fund.format,
                    sif::model::FORMAT_VERSION,
                    fund.format,
                    sif::model::FORMAT_VERSION
                )
                .map_err(write_err)?;
            }
            for issue in &report.issues {
                writeln!(out, "{}: {issue}", file.display()).map_err(write_err)?;
            }
            let (e, w) = (report.error_count(), report.warning_count());
            let plural = |n: usize, one: &str, many: &str| {
                format!("{n} {}", if n == 1 { one } else { many })
            };
            writeln!(
                out,
                "{}: {}, {} / {}, {}",
                file.display(),
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
        Command::Statement(a) => report_cmd(a, out, report::statement),
        Command::Schedule(a) => report_cmd(a, out, report::schedule),
        Command::Appraisal(a) => report_cmd(a, out, report::appraisal),
        Command::Reconcile(a) => {
            let lang = a.lang.into();
            report_cmd(a, out, |f, p, fmt| report::reconcile(f, p, fmt, lang))
        }
        Command::Report(a) => report_cmd::run(a, out),
        Command::Export(a) => export::export(a, out),
        Command::Ledger(a) => export::ledger(a, out),
        Command::Generate {
            initiatives,
            years,
            actors,
            seed,
            output,
        } => {
            if !(1..=60).contains(&years) || actors < 2 {
                return Err(Failure::unreadable(
                    "--years ska vara 1–60 och --actors minst 2 / --years must be 1–60 and --actors at least 2",
                ));
            }
            let fund = generate_fund(&GenerateParams {
                initiatives,
                years,
                actors,
                seed,
            });
            store::save(&fund, &output).map_err(|e| Failure::invalid(e.to_string()))?;
            writeln!(out, "{}", output.display()).map_err(write_err)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn report_cmd(
    a: ReportArgs,
    out: &mut dyn Write,
    render: impl Fn(&Fund, &Projection, Format) -> String,
) -> Result<ExitCode, Failure> {
    let (fund, projection) = load_and_project(&a.file, a.scenario.as_deref(), a.include_proposed)?;
    let text = render(&fund, &projection, a.format);
    out.write_all(text.as_bytes()).map_err(write_err)?;
    Ok(ExitCode::SUCCESS)
}
