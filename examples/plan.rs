//! The cheapest plan to target: the rating changes of least total effort
//! that bring every dimension to its target level.
//!
//! ```text
//! cargo run --example plan -- [MISSION.toml] [--rulebook RULEBOOK.toml] [--format text|markdown|json|csv]
//! ```

use std::path::PathBuf;

use clap::Parser;
use integration_readiness::report::{self, Format};
use integration_readiness::{Error, Mission, Rulebook, analysis};

/// The sample: a mission in start-up during active conflict, far below its
/// targets (fictional).
const SAMPLE: &str = include_str!("missions/start-up-active-conflict.toml");

/// Find the cheapest set of rating changes that reaches every target.
#[derive(Parser)]
struct Args {
    /// The mission file; the embedded sample when left out.
    mission: Option<PathBuf>,
    /// A rulebook file; the embedded `oslo-2007` when left out.
    #[arg(long)]
    rulebook: Option<PathBuf>,
    /// Output format: text, markdown, json or csv.
    #[arg(long, default_value_t = Format::Text)]
    format: Format,
}

fn run(args: &Args) -> Result<String, Error> {
    let rulebook = match &args.rulebook {
        Some(path) => Rulebook::from_path(path)?,
        None => Rulebook::oslo_2007(),
    };
    let mission = match &args.mission {
        Some(path) => Mission::from_path(path, &rulebook)?,
        None => Mission::from_toml(SAMPLE, "start-up-active-conflict.toml", &rulebook)?,
    };
    report::render(&analysis::plan(&mission), args.format)
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
