//! `integration-readiness robustness`: how far the weights can move before
//! each dimension's level changes.

use std::process::ExitCode;

use integration_readiness::analysis::{Robustness, RobustnessOptions, robustness};
use integration_readiness::report::{self, Format, Render};

use crate::io::{self, Failure};

/// How robust each dimension's level is to the choice of weights, with a
/// Monte Carlo cross-check.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness robustness my-mission.toml --noise 30 --samples 5000 --seed 1",
))]
pub struct Args {
    #[command(flatten)]
    input: io::MissionArgs,
    /// Monte Carlo noise: each weight moves by up to ± this percent.
    #[arg(long, default_value_t = 20.0, value_parser = noise, allow_negative_numbers = true)]
    noise: f64,
    /// Monte Carlo samples.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    samples: u32,
    /// Monte Carlo seed.
    #[arg(long, default_value_t = 2007)]
    seed: u64,
    /// Output format (csv: one row per dimension).
    #[arg(long, default_value_t = Format::Text, value_parser = io::formats(Robustness::FORMATS))]
    format: Format,
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

/// Loads, analyses and prints.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        let m = args.input.load()?;
        let opts = RobustnessOptions {
            noise_percent: args.noise,
            samples: args.samples as usize,
            seed: args.seed,
        };
        let mut r = robustness(&m, opts);
        r.mission.file = Some(io::file_name(&args.input.mission));
        Ok(report::render(&r, args.format)?)
    })())
}
