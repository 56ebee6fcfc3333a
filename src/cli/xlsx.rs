//! `sif template` and `sif import --initiatives`: the initiatives template and its import
//! (the library's [`sif::xlsx`] does the work; this module reads and writes the files).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{Failure, load, write_err};
use sif::model::{Fund, Repayment};
use sif::money::{Money, format_sv};
use sif::store;
use sif::xlsx::import::{self, Imported};
use sif::xlsx::template;

#[derive(Debug, Clone, clap::Args)]
pub struct TemplateArgs {
    /// Where to write the template: `.xlsx` (a workbook), or `.csv` (the same columns).
    pub file: PathBuf,
    /// A fund whose committees, actors and years the template's lists offer.
    #[arg(long)]
    pub fund: Option<PathBuf>,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// The fund file (.ron) to add the initiatives to.
    pub file: PathBuf,
    /// The filled-in template: `.xlsx`, or `.csv` with the same columns.
    #[arg(long)]
    pub initiatives: PathBuf,
    /// Save the result (without it, only a preview is shown).
    #[arg(long)]
    pub apply: bool,
    /// With --apply: write the result to this file instead of saving the fund file.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
}

pub fn template(a: TemplateArgs, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    // Like every writing command: an existing file only with --force, never the fund read.
    super::check_output(&a.file, a.fund.as_deref(), a.force)?;
    let fund = a.fund.as_deref().map(load).transpose()?;
    let csv = a
        .file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let bytes = if csv {
        template::template_csv().into_bytes()
    } else {
        template::template_xlsx(fund.as_ref(), &[]).map_err(|e| Failure::invalid(e.to_string()))?
    };
    store::write_atomically(&a.file, &bytes).map_err(|e| Failure::invalid(e.to_string()))?;
    writeln!(out, "{}", a.file.display()).map_err(write_err)?;
    Ok(ExitCode::SUCCESS)
}

pub fn import(a: ImportArgs, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    if a.output.is_some() && !a.apply {
        return Err(Failure::unreadable(
            "-o gäller bara med --apply / -o applies only with --apply",
        ));
    }
    let (fund, stamp) =
        store::load_with_stamp(&a.file).map_err(|e| Failure::unreadable(e.to_string()))?;
    let name = a.initiatives.display().to_string();
    let bytes = read_limited(&a.initiatives)?;
    let imported = import::import(&bytes, &name, &fund).map_err(|e| match e {
        import::ImportError::Unreadable { .. } => Failure::unreadable(e.to_string()),
        import::ImportError::Problems { .. } => Failure::invalid(e.to_string()),
    })?;
    out.write_all(preview(&imported).as_bytes())
        .map_err(write_err)?;
    if !a.apply {
        writeln!(
            out,
            "\nFörhandsvisning: inget har sparats; lägg till --apply för att spara. / Preview: nothing was saved; add --apply to save."
        )
        .map_err(write_err)?;
        return Ok(ExitCode::SUCCESS);
    }
    let target = a.output.as_deref().unwrap_or(&a.file);
    let result = match &a.output {
        // The fund file is written only if it is still the one read: a change made meanwhile
        // (in the app, by a colleague) is never overwritten.
        None => store::save_checked(&imported.fund, target, Some(&stamp)).map(|_| ()),
        Some(_) => store::save(&imported.fund, target),
    };
    result.map_err(|e| Failure::invalid(e.to_string()))?;
    writeln!(
        out,
        "\nSparat / Saved: {} ({} {})",
        target.display(),
        imported.added.len(),
        if imported.added.len() == 1 {
            "insats / initiative"
        } else {
            "insatser / initiatives"
        }
    )
    .map_err(write_err)?;
    Ok(ExitCode::SUCCESS)
}

/// Read a file of at most the import's limit, refusing a larger one before reading it all.
fn read_limited(path: &std::path::Path) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| {
        let (sv, en) = store::io_reasons(&e);
        Failure::unreadable(format!("{}: {sv} / {en}", path.display()))
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(sif::xlsx::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    Ok(bytes)
}

fn sum(m: Option<Money>) -> String {
    m.map_or_else(|| "–".to_string(), format_sv)
}

/// The initiatives to be added, for people (the totals are the library's).
fn preview(imported: &Imported) -> String {
    let fund: &Fund = &imported.fund;
    let mut text = format!(
        "Insatser att lägga till som Föreslagna / Initiatives to add as Proposed: {}\n",
        imported.added.len()
    );
    for s in imported.summary() {
        let ini = &fund.initiatives[s.index];
        let repayment = match &ini.repayment {
            Repayment::Grant => "Bidrag / grant".to_string(),
            Repayment::Fixed(fixed) => format!(
                "Fast / fixed {} % från / from {}, {} delbetalningar / instalments ({})",
                fixed.share,
                fixed.start,
                fixed.instalments,
                fixed
                    .payers
                    .iter()
                    .map(|p| format!("{} {} %", p.actor, p.weight))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Repayment::FromSavings { share, start, cap } => format!(
                "Ur besparingar / from savings {share} % från / from {start}, tak / cap {cap} %"
            ),
        };
        text.push_str(&format!(
            "\n  {} {} (ägare / owner {})\n    kostnader / costs: {} rader / rows, från fonden / fund {} kr, egen budget / own {} kr\n    besparingar / savings: {} rader / rows, {} kr per år summerat / per year summed\n    återföring / repayment: {repayment}\n",
            s.code,
            s.name,
            s.owner,
            s.cost_rows,
            sum(s.fund_costs),
            sum(s.own_costs),
            s.savings_rows,
            sum(s.savings),
        ));
    }
    if !imported.warnings.is_empty() {
        text.push_str("\nVarningar / Warnings:\n");
        for w in &imported.warnings {
            text.push_str(&format!("  {w}\n"));
        }
    }
    text
}
