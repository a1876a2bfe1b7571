//! Writes a mission file to start an assessment from: every factor of the
//! rulebook under its theme, with its question and rating words, rated
//! `unknown`. It loads and assesses as it is.
//!
//! ```text
//! cargo run --example template -- [--rulebook RULEBOOK.toml] [--schema PATH] > my-mission.toml
//! ```

mod cli;

use std::process::ExitCode;

use clap::Parser;
use integration_readiness::template;

/// Print a mission template for a rulebook.
#[derive(Parser)]
struct Args {
    #[command(flatten)]
    rulebook: cli::RulebookArg,
    /// Path or URL of the mission schema, for the `#:schema` line that lets
    /// editors complete and check the file.
    #[arg(long)]
    schema: Option<String>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::finish((|| {
        let rb = cli::rulebook(args.rulebook.rulebook.as_ref())?;
        Ok(template::mission(&rb, args.schema.as_deref()))
    })())
}
