//! `integration-readiness trend`: several dated assessments of one mission.

use std::path::PathBuf;
use std::process::ExitCode;

use integration_readiness::analysis::trend;
use integration_readiness::{Assessment, assess, report};

use crate::io::{self, Failure};

/// The formats of a trend.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// A report for the terminal.
    Text,
    /// Tables to paste into a document.
    Markdown,
    /// One JSON object.
    Json,
    /// One row per date and dimension, for spreadsheets and plotting
    /// (RFC 4180).
    Csv,
    /// A line chart per dimension, as a standalone SVG document.
    Svg,
}

/// Follow one mission over several dated assessments: per dimension the
/// score and level at each date, and the factors that moved it most.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness trend                          # the embedded 2008/2009 pair\n",
    "  integration-readiness trend 2007.toml 2008.toml 2009.toml --format markdown\n",
    "  integration-readiness trend missions/unimse-*.toml --format csv > trend.csv\n\n",
    "The assessments are put in date order. Every file is checked; the problems of\n",
    "all of them are reported together.\n\n",
    "Exit status: 0 on success, 2 for bad input or a bad command line, 1 for anything else."
))]
pub struct Args {
    /// Mission files, two or more (`-` reads one of them from standard
    /// input); the embedded pair when left out.
    #[arg(num_args = 2..)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    rulebook: io::RulebookArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// Loads every file, assesses each and prints the trend.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        io::stdin_once(
            args.files
                .iter()
                .map(|p| Some(p.as_path()))
                .chain([args.rulebook.rulebook.as_deref()]),
        )?;
        let rb = io::rulebook(args.rulebook.rulebook.as_deref())?;
        let missions = if args.files.is_empty() {
            io::PAIR
                .iter()
                .map(|&sample| io::mission(None, sample, &rb))
                .collect::<Result<Vec<_>, _>>()?
        } else {
            io::missions(&args.files, &rb)?
        };
        let assessments: Vec<Assessment> = missions.iter().map(assess).collect();
        let t = trend(&assessments);
        Ok(match args.format {
            Format::Text => report::text(&rb, &t),
            Format::Markdown => report::markdown(&rb, &t),
            Format::Json => report::json(&rb, &t)? + "\n",
            Format::Csv => report::trend_csv(&rb, &t),
            Format::Svg => report::trend_svg(&rb, &t),
        })
    })())
}
