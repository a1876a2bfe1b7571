//! Weight robustness: how far the weights can move before each dimension's
//! level changes, with a Monte Carlo cross-check.
//!
//! ```text
//! cargo run --example robustness -- [MISSION.toml] [--rulebook RULEBOOK.toml] [--noise 20] [--samples 1000] [--seed 2007] [--format text|json]
//! ```

mod cli;

use std::process::ExitCode;

use clap::Parser;
use integration_readiness::analysis::{RobustnessOptions, robustness};
use integration_readiness::report;

/// How robust each dimension's level is to the choice of weights.
#[derive(Parser)]
struct Args {
    #[command(flatten)]
    input: cli::MissionArgs,
    /// Monte Carlo noise: each weight moves by up to ± this percent.
    #[arg(long, default_value_t = 20.0, value_parser = noise)]
    noise: f64,
    /// Monte Carlo samples.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    samples: u32,
    /// Monte Carlo seed.
    #[arg(long, default_value_t = 2007)]
    seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: cli::Format,
}

fn noise(s: &str) -> Result<f64, String> {
    let x: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if x.is_finite() && (0.0..=100.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!(
            "{s} is out of range; expected a percent from 0 to 100"
        ))
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::finish((|| {
        let (rb, m) = args.input.load(cli::CONSOLIDATION)?;
        let opts = RobustnessOptions {
            noise_percent: args.noise,
            samples: args.samples as usize,
            seed: args.seed,
        };
        let r = robustness(&m, opts);
        Ok(match args.format {
            cli::Format::Json => report::json(&rb, &r)? + "\n",
            cli::Format::Text => report::text(&rb, &r),
        })
    })())
}
