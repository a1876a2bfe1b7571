//! `integration-readiness template`: a mission file to start from.

use std::process::ExitCode;

use integration_readiness::template;

use crate::io::{self, Failure};

/// Print a mission file to start an assessment from: every factor of the
/// rulebook under its theme, with its question and rating words, rated
/// `unknown`. It loads and assesses as it is.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Example:\n",
    "  integration-readiness template > my-mission.toml",
))]
pub struct Args {
    #[command(flatten)]
    rulebook: io::RulebookArg,
    /// Path or URL of the mission schema, for the `#:schema` line that lets
    /// editors complete and check the file.
    #[arg(long)]
    schema: Option<String>,
}

/// Prints the template.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        let rb = io::rulebook(args.rulebook.rulebook.as_deref())?;
        Ok(template::mission(&rb, args.schema.as_deref()))
    })())
}
