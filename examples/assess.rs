//! Assesses a mission and prints the report.
//!
//! ```text
//! cargo run --release --example assess                 # the embedded sample
//! cargo run --example assess -- MISSION.toml [--rulebook RULEBOOK.toml] [--format text|markdown|json|svg]
//! ```
//!
//! Bad input prints every problem (file:line:column, TOML path, what is
//! allowed) to stderr and exits with status 2.

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use integration_readiness::{Mission, Rulebook, assess, chart, report};

/// The sample assessed when no file is given: a multidimensional mission
/// consolidating after a ceasefire (illustrative, not a real assessment).
const SAMPLE: &str = include_str!("missions/consolidation-after-ceasefire.toml");

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
    /// A chart for reports, as a standalone SVG document.
    Svg,
}

/// Assess how ready a UN peace operation is for integration.
#[derive(Parser)]
struct Args {
    /// The mission file; the embedded sample when left out.
    mission: Option<std::path::PathBuf>,
    /// A rulebook file; the embedded `oslo-2007` when left out.
    #[arg(long)]
    rulebook: Option<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

fn run(args: &Args) -> Result<String, integration_readiness::Error> {
    let rb = match &args.rulebook {
        Some(path) => Rulebook::from_path(path)?,
        None => Rulebook::oslo_2007(),
    };
    let mission = match &args.mission {
        Some(path) => Mission::from_path(path, &rb)?,
        None => Mission::from_toml(SAMPLE, "consolidation-after-ceasefire.toml", &rb)?,
    };
    let a = assess(&rb, &mission);
    Ok(match args.format {
        Format::Text => report::text(&rb, &a),
        Format::Markdown => report::markdown(&rb, &a),
        Format::Json => report::to_json(&a) + "\n",
        Format::Svg => chart::svg(&rb, &a),
    })
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
