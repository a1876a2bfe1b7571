//! `integration-readiness rulebook`: a rulebook as TOML, JSON or Markdown.

use std::process::ExitCode;

use integration_readiness::report;

use crate::io::{self, Failure};

/// The formats of a rulebook.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// The rulebook file itself.
    Toml,
    /// The factor reference as one JSON object.
    Json,
    /// The factor reference as a Markdown page.
    Markdown,
}

/// Print a rulebook (the embedded default, or a file) as TOML, JSON or a
/// Markdown factor reference.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness rulebook > my-rulebook.toml   # a rulebook to edit\n",
    "  integration-readiness rulebook --format markdown > factors.md\n\n",
    "Exit status: 0 on success, 2 for bad input or a bad command line, 1 for anything else."
))]
pub struct Args {
    #[command(flatten)]
    rulebook: io::RulebookArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "toml")]
    format: Format,
}

/// Loads and prints.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        let rb = io::rulebook(args.rulebook.rulebook.as_deref())?;
        Ok(match args.format {
            Format::Toml => rb.to_toml().map_err(|e| Failure::Other(e.to_string()))?,
            Format::Markdown => report::markdown(&rb, &rb),
            Format::Json => report::json(&rb, &rb)? + "\n",
        })
    })())
}
