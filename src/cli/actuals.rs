//! `sif actuals` (SPEC §10): a closed year's actual figures from the financial system's SIE 4
//! file. A preview by default (text for people, JSON for machines); `--apply` records the
//! figures, saving the fund file safely with its `.bak`, or writing a new file with `-o`.
//!
//! The library reads the file and maps it ([`sif::sie_read`], [`sif::sie_actuals`]); this module
//! does the I/O and the rendering.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use serde_json::{Value, json};

use super::table::{Align, Table};
use super::{Failure, write_err};
use sif::engine::{self, Options};
use sif::money::format_sv;
use sif::sie_actuals::{self, ActualsError, ActualsPreview, FundFrom};
use sif::{sie_read, store, validate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum FundFromArg {
    /// The internal allocation rows on `accounts.internal_income` (as Sif's ledger books them).
    #[default]
    Allocation,
    /// The initiative's own costs on accounts 4000–7999.
    Costs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ActualsFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ActualsArgs {
    /// The fund file (.ron).
    pub file: PathBuf,
    /// The financial system's SIE 4 file (4E or 4I) of the year.
    #[arg(long = "from-sie", value_name = "SIEFILE")]
    pub from_sie: PathBuf,
    /// The year to read (default: the year of the file's `#RAR 0`).
    #[arg(long)]
    pub year: Option<i32>,
    /// Where the fund's payment is read from.
    #[arg(long, value_enum, default_value_t = FundFromArg::Allocation)]
    pub fund_from: FundFromArg,
    #[arg(long, value_enum, default_value_t = ActualsFormat::Text)]
    pub format: ActualsFormat,
    /// Record the figures: replace the year's actual rows of the matched initiatives.
    #[arg(long)]
    pub apply: bool,
    /// With --apply: write the fund to this new file instead of saving FILE.
    #[arg(short = 'o', long = "output", requires = "apply")]
    pub output: Option<PathBuf>,
}

/// The file name the `source` names: the name without its folder.
fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn mapping_failure(e: ActualsError) -> Failure {
    match e {
        ActualsError::NoYear | ActualsError::OutsideHorizon { .. } => {
            Failure::unreadable(e.to_string())
        }
        ActualsError::NotClosed { .. } | ActualsError::TooLarge { .. } => {
            Failure::invalid(e.to_string())
        }
    }
}

pub fn actuals(a: ActualsArgs, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    let (mut fund, stamp) =
        store::load_with_stamp(&a.file).map_err(|e| Failure::unreadable(e.to_string()))?;
    let sie = sie_read::read_file(&a.from_sie)
        .map_err(|e| Failure::unreadable(format!("{}: {e}", a.from_sie.display())))?;
    let fund_from = match a.fund_from {
        FundFromArg::Allocation => FundFrom::Allocation,
        FundFromArg::Costs => FundFrom::Costs,
    };
    let preview = sie_actuals::preview(&fund, &sie, &file_name(&a.from_sie), a.year, fund_from)
        .map_err(mapping_failure)?;
    let text = match a.format {
        ActualsFormat::Json => json_text(&preview),
        ActualsFormat::Text => {
            // The plan beside the figures, when the fund can be projected.
            let projection = if validate::validate_without_projection(&fund).has_errors() {
                None
            } else {
                engine::project(&fund, &Options::default()).ok()
            };
            text(&fund, projection.as_ref(), &preview)
        }
    };
    out.write_all(text.as_bytes()).map_err(write_err)?;
    if !a.apply {
        return Ok(ExitCode::SUCCESS);
    }
    let changed = sie_actuals::apply(&mut fund, &preview).map_err(mapping_failure)?;
    let target = a.output.as_ref().unwrap_or(&a.file);
    match &a.output {
        Some(path) => store::save(&fund, path),
        None => store::save_checked(&fund, &a.file, Some(&stamp)).map(|_| ()),
    }
    .map_err(|e| Failure::invalid(e.to_string()))?;
    if a.format == ActualsFormat::Text {
        writeln!(
            out,
            "\nUtfallet {} för {changed} insatser sparades i {} / the {} figures of {changed} initiatives were saved to {}",
            preview.year,
            target.display(),
            preview.year,
            target.display()
        )
        .map_err(write_err)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The JSON of SPEC §10: initiatives in file order with a non-zero figure.
pub fn json_value(p: &ActualsPreview) -> Value {
    json!({
        "year": p.year,
        "file": p.file,
        "program": p.program,
        "generated": p.generated,
        "initiatives": p.initiatives.iter().filter(|i| i.is_nonzero()).map(|i| json!({
            "code": i.code,
            "fund": i.fund.0,
            "repaid": i.repaid.iter().map(|(actor, m)| json!({"actor": actor, "amount": m.0})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "unmatched": p.unmatched.iter().map(|u| json!({
            "object": u.object,
            "account": u.account,
            "amount": u.amount.0,
        })).collect::<Vec<_>>(),
        "warnings": p.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
    })
}

fn json_text(p: &ActualsPreview) -> String {
    // Serializing a Value cannot fail.
    let mut s = serde_json::to_string_pretty(&json_value(p)).unwrap_or_default();
    s.push('\n');
    s
}

fn text(fund: &sif::Fund, projection: Option<&engine::Projection>, p: &ActualsPreview) -> String {
    let mapping = match p.fund_from {
        FundFrom::Allocation => "fondens utbetalning från internfördelningen",
        FundFrom::Costs => "fondens utbetalning från kostnaderna (konto 4000–7999)",
    };
    let mut s = format!(
        "Utfall {} från {}, {mapping}, belopp i kr\n\n",
        p.year,
        p.source()
    );
    let rows = sie_actuals::comparison(fund, projection, p);
    if rows.is_empty() {
        s.push_str("Filen har inga rader för fondens insatser / the file has no rows for the fund's initiatives\n");
    } else {
        let (l, r) = (Align::Left, Align::Right);
        let mut t = Table::new(&[
            ("insats", l),
            ("avser", l),
            ("plan", r),
            ("registrerat", r),
            ("i filen", r),
            ("skillnad", r),
        ]);
        for row in &rows {
            t.push(vec![
                row.code.clone(),
                row.payer
                    .as_ref()
                    .map_or_else(|| "fonden".to_string(), |a| format!("återföring {a}")),
                row.planned.map_or_else(|| "–".to_string(), format_sv),
                row.recorded.map_or_else(|| "–".to_string(), format_sv),
                format_sv(row.read),
                row.difference().map_or_else(|| "–".to_string(), format_sv),
            ]);
        }
        s.push_str(&t.to_text());
    }
    if !p.unmatched.is_empty() {
        s.push_str("\nRader utan insats / rows that match no initiative\n\n");
        let (l, r) = (Align::Left, Align::Right);
        let mut t = Table::new(&[("objekt", l), ("konto", r), ("belopp", r)]);
        for u in &p.unmatched {
            t.push(vec![
                if u.object.is_empty() {
                    "(inget projekt)".to_string()
                } else {
                    u.object.clone()
                },
                u.account.to_string(),
                format_sv(u.amount),
            ]);
        }
        s.push_str(&t.to_text());
    }
    if !p.warnings.is_empty() {
        s.push_str("\nVarningar / warnings\n");
        for w in &p.warnings {
            s.push_str("  ");
            s.push_str(&w.to_string());
            s.push('\n');
        }
    }
    s
}
