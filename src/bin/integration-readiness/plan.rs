//! `integration-readiness plan`: the cheapest plan to target.

use std::process::ExitCode;

use integration_readiness::analysis::plan;
use integration_readiness::report;

use crate::io::{self, Failure};

/// Find the cheapest set of rating changes that brings every dimension to
/// its target level.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness plan                          # the embedded start-up sample\n",
    "  integration-readiness plan my-mission.toml --format markdown\n",
    "  integration-readiness plan my-mission.toml --format csv > plan.csv\n\n",
    "Exit status: 0 on success, 2 for bad input or a bad command line, 1 for anything else."
))]
pub struct Args {
    #[command(flatten)]
    input: io::MissionArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: io::TableFormat,
}

/// Loads, plans and prints.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        let (rb, m) = args.input.load(io::START_UP)?;
        io::render_table(args.format, &rb, &plan(&m), report::plan_csv)
    })())
}
