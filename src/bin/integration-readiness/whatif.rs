//! `integration-readiness whatif`: change ratings or context and see what
//! moves.

use std::process::ExitCode;

use integration_readiness::Rating;
use integration_readiness::analysis::{
    Comparison, Scenario, apply, compare, parse_context_change, parse_rating_change,
};
use integration_readiness::assess;
use integration_readiness::model::ContextValue;
use integration_readiness::report::{self, Format, Render};

use crate::io::{self, Failure};

/// Apply rating and context changes to a mission and compare.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness whatif --set senior-leadership-cohesion=full --context conflict=ceasefire\n",
    "  integration-readiness whatif my-mission.toml --set joint-analysis-capacity=high --format json\n",
    "  integration-readiness whatif my-mission.toml --set common-planning-framework=full --format csv",
))]
pub struct Args {
    #[command(flatten)]
    input: io::MissionArgs,
    /// A rating change, FACTOR=RATING (repeatable).
    #[arg(long = "set", value_name = "FACTOR=RATING", value_parser = parse_rating_change)]
    set: Vec<(String, Rating)>,
    /// A context change, KEY=VALUE (repeatable; true/false for flags).
    #[arg(long = "context", value_name = "KEY=VALUE", value_parser = parse_context_change)]
    context: Vec<(String, ContextValue)>,
    /// Output format (csv: one row per dimension, before and after).
    #[arg(long, default_value_t = Format::Text, value_parser = io::formats(Comparison::FORMATS))]
    format: Format,
}

/// Loads, applies the scenario, compares and prints.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        let m = args.input.load(io::CONSOLIDATION)?;
        let scenario = Scenario {
            ratings: args.set.iter().cloned().collect(),
            context: args.context.iter().cloned().collect(),
            forget_context: Vec::new(),
        };
        // Problems of a scenario point at the command line that made it.
        let changed = apply(&m, &scenario).map_err(|e| e.placed("command line"))?;
        let c = compare(&assess(&m), &assess(&changed));
        Ok(report::render(&c, args.format)?)
    })())
}
