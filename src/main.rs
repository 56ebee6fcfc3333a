//! `sif`: a subcommand runs the command line; otherwise the desktop app starts.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run_from_args() {
        Ok(code) => code,
        Err(_cli) => {
            // The desktop app is not wired in yet: show the help instead.
            use clap::CommandFactory;
            let _ = cli::Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
