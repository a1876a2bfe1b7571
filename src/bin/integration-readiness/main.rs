//! `integration-readiness`: the command planners install. Each subcommand
//! lives in its own file beside this one; `main` only parses and dispatches.
//!
//! Exit status: 0 on success, 2 for bad input or a bad command line, 1 for
//! anything else.

#[cfg(feature = "serve")]
mod serve;

use std::process::ExitCode;
use std::sync::LazyLock;

use clap::{Parser, Subcommand};

/// Score how ready a UN peace operation is for integration.
#[derive(Parser)]
#[command(
    version = VERSION.as_str(),
    propagate_version = true,
    after_help = "Exit status: 0 on success, 2 for bad input or a bad command line, 1 for anything else."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the questionnaire: a local web page where a planning team rates
    /// the factors and watches the assessment move.
    #[cfg(feature = "serve")]
    Serve(serve::Args),
}

/// The crate's version and the embedded rulebook's id and version.
static VERSION: LazyLock<String> = LazyLock::new(|| {
    let rb = integration_readiness::Rulebook::oslo_2007();
    let info = rb.info();
    format!(
        "{} (built-in rulebook {} {})",
        env!("CARGO_PKG_VERSION"),
        info.id,
        info.version
    )
});

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args),
    }
}
