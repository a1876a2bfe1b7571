//! `integration-readiness plan`: the cheapest plan to target.

use std::process::ExitCode;

use integration_readiness::analysis::{Plan, plan};
use integration_readiness::report::{self, Format, Render};

use crate::io::{self, Failure};

/// Find the cheapest set of rating changes that brings every dimension to
/// its target level.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness plan my-mission.toml --format markdown\n",
    "  integration-readiness plan my-mission.toml --format csv > plan.csv",
))]
pub struct Args {
    #[command(flatten)]
    input: io::MissionArgs,
    /// Output format (csv: one row per change).
    #[arg(long, default_value_t = Format::Text, value_parser = io::formats(Plan::FORMATS))]
    format: Format,
}

/// Loads, plans and prints.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        let m = args.input.load()?;
        let mut p = plan(&m);
        p.mission.file = Some(io::file_name(&args.input.mission));
        Ok(report::render(&p, args.format)?)
    })())
}
