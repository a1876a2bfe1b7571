//! Compares two assessments of the same mission: what moved and why.
//!
//! ```text
//! cargo run --example compare -- [OLD.toml NEW.toml] [--rulebook RULEBOOK.toml] [--format text|markdown|json|csv]
//! ```

use std::path::PathBuf;

use clap::Parser;
use integration_readiness::report::{self, Format};
use integration_readiness::{Error, Mission, Rulebook, analysis, assess};

/// The sample: one mission assessed in 2008 and in 2009 (fictional).
const OLD: &str = include_str!("missions/compare-2008.toml");
const NEW: &str = include_str!("missions/compare-2009.toml");

/// Compare two assessments of a mission at two dates.
#[derive(Parser)]
struct Args {
    /// The earlier mission file (with NEW); the embedded pair when left out.
    #[arg(requires = "new")]
    old: Option<PathBuf>,
    /// The later mission file.
    new: Option<PathBuf>,
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
    let (old, new) = match (&args.old, &args.new) {
        (Some(old), Some(new)) => (
            Mission::from_path(old, &rulebook)?,
            Mission::from_path(new, &rulebook)?,
        ),
        _ => (
            Mission::from_toml(OLD, "compare-2008.toml", &rulebook)?,
            Mission::from_toml(NEW, "compare-2009.toml", &rulebook)?,
        ),
    };
    let comparison = analysis::compare(&assess(&old), &assess(&new));
    report::render(&comparison, args.format)
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
