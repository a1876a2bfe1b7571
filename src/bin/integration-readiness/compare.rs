//! `integration-readiness compare`: two assessments of one mission.

use std::path::PathBuf;
use std::process::ExitCode;

use integration_readiness::analysis::{compare, trend};
use integration_readiness::{assess, report};

use crate::io::{self, Failure};

/// The formats of a comparison.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// A report for the terminal.
    Text,
    /// A document to paste into a report.
    Markdown,
    /// One JSON object.
    Json,
    /// One row per dimension, before and after, for spreadsheets (RFC 4180).
    Csv,
    /// The two assessments as a line chart per dimension (the trend chart
    /// of two dates), as a standalone SVG document.
    Svg,
}

/// Compare two assessments of a mission at two dates: what moved and why.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness compare                       # the embedded 2008/2009 pair\n",
    "  integration-readiness compare 2008.toml 2009.toml --format markdown\n\n",
    "Both files are checked; the problems of both are reported together.\n\n",
    "Exit status: 0 on success, 2 for bad input or a bad command line, 1 for anything else."
))]
pub struct Args {
    /// The earlier mission file (with NEW); the embedded pair when left out.
    #[arg(requires = "new")]
    old: Option<PathBuf>,
    /// The later mission file.
    new: Option<PathBuf>,
    #[command(flatten)]
    rulebook: io::RulebookArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// Loads both, compares and prints.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        io::stdin_once([
            args.old.as_deref(),
            args.new.as_deref(),
            args.rulebook.rulebook.as_deref(),
        ])?;
        let rb = io::rulebook(args.rulebook.rulebook.as_deref())?;
        let (old, new) = match (args.old, args.new) {
            (Some(old), Some(new)) => {
                let mut both = io::missions(&[old, new], &rb)?;
                let new = both.pop().expect("two missions");
                (both.pop().expect("two missions"), new)
            }
            _ => (
                io::mission(None, io::PAIR[0], &rb)?,
                io::mission(None, io::PAIR[1], &rb)?,
            ),
        };
        let (a, b) = (assess(&old), assess(&new));
        let c = compare(&a, &b);
        Ok(match args.format {
            Format::Text => report::text(&rb, &c),
            Format::Markdown => report::markdown(&rb, &c),
            Format::Json => report::json(&rb, &c)? + "\n",
            Format::Csv => report::comparison_csv(&rb, &c),
            Format::Svg => report::trend_svg(&rb, &trend(&[a, b])),
        })
    })())
}
