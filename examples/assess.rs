//! Assesses a mission and prints the report: the library as an embedder
//! calls it.
//!
//! ```text
//! cargo run --release --example assess                 # the embedded sample
//! cargo run --example assess -- MISSION.toml [--rulebook RULEBOOK.toml] [--format text|markdown|json|csv|svg] [--evidence]
//! ```
//!
//! "Fix first" is the start of the cheapest plan to target
//! (`analysis::brief`), so it never disagrees with the plan example. Bad
//! input prints every problem (file:line:column, TOML path, what is
//! allowed) to stderr and exits with status 2.

use std::path::PathBuf;

use clap::Parser;
use integration_readiness::report::{self, Format};
use integration_readiness::{Error, Mission, Rulebook, analysis};

/// The sample: a multidimensional mission consolidating after a ceasefire
/// (illustrative, not a real assessment).
const SAMPLE: &str = include_str!("missions/consolidation-after-ceasefire.toml");

/// Assess how ready a UN peace operation is for integration.
#[derive(Parser)]
struct Args {
    /// The mission file; the embedded sample when left out.
    mission: Option<PathBuf>,
    /// A rulebook file; the embedded `oslo-2007` when left out.
    #[arg(long)]
    rulebook: Option<PathBuf>,
    /// Output format: text, markdown, json, csv or svg.
    #[arg(long, default_value_t = Format::Text)]
    format: Format,
    /// Add each rating's note and sources to the text report.
    #[arg(long)]
    evidence: bool,
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
    let briefing = analysis::brief(&mission);
    let mut out = report::render(&briefing, args.format)?;
    if args.evidence && args.format == Format::Text {
        out = out + "\n" + &report::evidence_text(&briefing.assessment);
    }
    Ok(out)
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
