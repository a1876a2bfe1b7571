//! The cheapest plan to target: the rating changes of least total effort
//! that bring every dimension to its target level.
//!
//! ```text
//! cargo run --example plan -- [MISSION.toml] [--rulebook RULEBOOK.toml] [--format text|json]
//! ```

mod cli;

use std::process::ExitCode;

use clap::Parser;
use integration_readiness::analysis::plan;
use integration_readiness::report;

/// Find the cheapest set of rating changes that reaches every target.
#[derive(Parser)]
struct Args {
    #[command(flatten)]
    input: cli::MissionArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: cli::Format,
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::finish((|| {
        let (rb, m) = args.input.load(cli::START_UP)?;
        let p = plan(&m);
        Ok(match args.format {
            cli::Format::Json => report::json(&rb, &p)? + "\n",
            cli::Format::Text => report::text(&rb, &p),
        })
    })())
}
