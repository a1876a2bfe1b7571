//! What-if: change ratings or context and see what moves.
//!
//! ```text
//! cargo run --example whatif -- [MISSION.toml] --set FACTOR=RATING ... [--context KEY=VALUE ...] [--format text|json]
//! cargo run --example whatif -- --set senior-leadership-cohesion=full --context conflict=ceasefire
//! ```

mod cli;

use std::process::ExitCode;

use clap::Parser;
use integration_readiness::analysis::{
    Scenario, apply, compare, parse_context_change, parse_rating_change,
};
use integration_readiness::model::{ContextValue, Rating};
use integration_readiness::{assess, report};

/// Apply rating and context changes to a mission and compare.
#[derive(Parser)]
struct Args {
    #[command(flatten)]
    input: cli::MissionArgs,
    /// A rating change, FACTOR=RATING (repeatable).
    #[arg(long = "set", value_name = "FACTOR=RATING", value_parser = parse_rating_change)]
    set: Vec<(String, Rating)>,
    /// A context change, KEY=VALUE (repeatable; true/false for flags).
    #[arg(long = "context", value_name = "KEY=VALUE", value_parser = parse_context_change)]
    context: Vec<(String, ContextValue)>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: cli::Format,
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::finish((|| {
        let (rb, m) = args.input.load(cli::CONSOLIDATION)?;
        let scenario = Scenario {
            ratings: args.set.iter().cloned().collect(),
            context: args.context.iter().cloned().collect(),
            forget_context: Vec::new(),
        };
        // Problems of a scenario point at the command line that made it.
        let changed = apply(&m, &scenario).map_err(|e| e.placed("command line"))?;
        let c = compare(&assess(&m), &assess(&changed));
        Ok(match args.format {
            cli::Format::Json => report::json(&rb, &c)? + "\n",
            cli::Format::Text => report::text(&rb, &c),
        })
    })())
}
