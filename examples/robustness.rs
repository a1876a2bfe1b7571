//! Weight robustness: how far the weights can move before each dimension's
//! level changes, with a Monte Carlo cross-check.
//!
//! ```text
//! cargo run --example robustness -- [MISSION.toml] [--rulebook RULEBOOK.toml] [--noise 20] [--samples 1000] [--seed 2007] [--format text|markdown|json|csv]
//! ```

use std::path::PathBuf;

use clap::Parser;
use integration_readiness::analysis::{self, RobustnessOptions};
use integration_readiness::report::{self, Format};
use integration_readiness::{Error, Mission, Rulebook};

/// The sample: a multidimensional mission consolidating after a ceasefire
/// (fictional).
const SAMPLE: &str = include_str!("missions/consolidation-after-ceasefire.toml");

/// How robust each dimension's level is to the choice of weights.
#[derive(Parser)]
struct Args {
    /// The mission file; the embedded sample when left out.
    mission: Option<PathBuf>,
    /// A rulebook file; the embedded `oslo-2007` when left out.
    #[arg(long)]
    rulebook: Option<PathBuf>,
    /// Monte Carlo noise: each weight moves by up to ± this percent (0 to 100).
    #[arg(long, default_value_t = 20.0, value_parser = noise)]
    noise: f64,
    /// Monte Carlo samples.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    samples: u32,
    /// Monte Carlo seed.
    #[arg(long, default_value_t = 2007)]
    seed: u64,
    /// Output format: text, markdown, json or csv.
    #[arg(long, default_value_t = Format::Text)]
    format: Format,
}

fn noise(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=100.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a percent from 0 to 100")),
    }
}

fn run(args: &Args) -> Result<String, Error> {
    let rulebook = match &args.rulebook {
        Some(path) => Rulebook::from_path(path)?,
        None => Rulebook::oslo_2007(),
    };
    let mission = match &args.mission {
        Some(path) => Mission::from_path(path, &rulebook)?,
        None => Mission::from_toml(SAMPLE, "consolidation-after-ceasefire.toml", &rulebook)?,
    };
    let options = RobustnessOptions {
        noise_percent: args.noise,
        samples: args.samples as usize,
        seed: args.seed,
    };
    report::render(&analysis::robustness(&mission, options), args.format)
}

fn main() {
    match run(&Args::parse()) {
        Ok(out) => print!("{out}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
