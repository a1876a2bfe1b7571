//! `integration-readiness rulebook`: a rulebook as TOML, JSON or Markdown.

use std::process::ExitCode;

use integration_readiness::Rulebook;
use integration_readiness::report::{self, Format, Render};

use crate::io::{self, Failure};

/// Print a rulebook (the embedded default, or a file) as TOML, JSON or a
/// Markdown factor reference.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness rulebook > my-rulebook.toml   # a rulebook to edit\n",
    "  integration-readiness rulebook --format markdown > factors.md",
))]
pub struct Args {
    #[command(flatten)]
    rulebook: io::RulebookArg,
    /// Output format: the rulebook file itself (toml), or its factor
    /// reference (json, markdown).
    #[arg(long, default_value_t = Format::Toml, value_parser = io::formats(Rulebook::FORMATS))]
    format: Format,
}

/// Loads and prints.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        let rb = io::rulebook(args.rulebook.rulebook.as_deref())?;
        Ok(report::render(&rb, args.format)?)
    })())
}
