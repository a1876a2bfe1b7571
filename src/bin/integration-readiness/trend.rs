//! `integration-readiness trend`: several dated assessments of one mission.

use std::path::PathBuf;
use std::process::ExitCode;

use integration_readiness::analysis::{Trend, trend};
use integration_readiness::assess;
use integration_readiness::assess::Assessment;
use integration_readiness::report::{self, Format, Render};

use crate::io::{self, Failure};

/// Follow one mission over several dated assessments: per dimension the
/// score and level at each date, and the factors that moved it most.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness trend 2007.toml 2008.toml 2009.toml --format markdown\n",
    "  integration-readiness trend missions/unimse-*.toml --format csv > trend.csv\n\n",
    "The assessments are put in date order. Every file is checked; the problems of\n",
    "all of them are reported together.",
))]
pub struct Args {
    /// Mission files, two or more (`-` reads one of them from standard
    /// input).
    #[arg(required = true, num_args = 2.., value_name = "MISSION")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    rulebook: io::RulebookArg,
    /// Output format (csv: one row per date and dimension; svg: a line chart
    /// per dimension).
    #[arg(long, default_value_t = Format::Text, value_parser = io::formats(Trend::FORMATS))]
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
        let missions = io::missions(&args.files, &rb)?;
        let assessments: Vec<Assessment> = missions
            .iter()
            .zip(&args.files)
            .map(|(m, path)| {
                let mut a = assess(m);
                a.mission.file = Some(io::file_name(path));
                a
            })
            .collect();
        Ok(report::render(&trend(&assessments), args.format)?)
    })())
}
