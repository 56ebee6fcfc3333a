//! `sif`: a subcommand runs the command line; otherwise the desktop app starts.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run_from_args() {
        Ok(code) => code,
        Err(cli) => sif_app::run(cli.file),
    }
}
