//! `integration-readiness compare`: two assessments of one mission.

use std::path::PathBuf;
use std::process::ExitCode;

use integration_readiness::analysis::{compare, trend};
use integration_readiness::assess;
use integration_readiness::report::{self, Format};

use crate::io::{self, Failure};

/// The formats of `compare`: a comparison's, and SVG, the trend chart of
/// the two assessments.
const FORMATS: &[Format] = &[
    Format::Text,
    Format::Markdown,
    Format::Json,
    Format::Csv,
    Format::Svg,
];

/// Compare two assessments of a mission at two dates: what moved and why.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness compare 2008.toml 2009.toml --format markdown\n\n",
    "Both files are checked; the problems of both are reported together.",
))]
pub struct Args {
    /// The earlier mission file (`-` reads standard input).
    old: PathBuf,
    /// The later mission file.
    new: PathBuf,
    #[command(flatten)]
    rulebook: io::RulebookArg,
    /// Output format (csv: one row per dimension, before and after; svg: the
    /// two assessments as the trend chart of two dates).
    #[arg(long, default_value_t = Format::Text, value_parser = io::formats(FORMATS))]
    format: Format,
}

/// Loads both, compares and prints.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        io::stdin_once([
            Some(args.old.as_path()),
            Some(args.new.as_path()),
            args.rulebook.rulebook.as_deref(),
        ])?;
        let rb = io::rulebook(args.rulebook.rulebook.as_deref())?;
        let both = io::missions(&[args.old.clone(), args.new.clone()], &rb)?;
        let [old, new] = <[_; 2]>::try_from(both)
            .map_err(|_| Failure::Other("two files read, but not two missions".to_owned()))?;
        let (mut a, mut b) = (assess(&old), assess(&new));
        a.mission.file = Some(io::file_name(&args.old));
        b.mission.file = Some(io::file_name(&args.new));
        Ok(match args.format {
            Format::Svg => report::render(&trend(&[a, b]), Format::Svg)?,
            format => report::render(&compare(&a, &b), format)?,
        })
    })())
}
