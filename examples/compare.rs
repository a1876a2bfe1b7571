//! Compares two assessments of the same mission: what moved and why.
//!
//! ```text
//! cargo run --example compare -- [OLD.toml NEW.toml] [--rulebook RULEBOOK.toml] [--format text|json]
//! ```

mod cli;

use std::process::ExitCode;

use clap::Parser;
use integration_readiness::analysis::compare;
use integration_readiness::{assess, report};

const OLD: (&str, &str) = (
    include_str!("missions/compare-2008.toml"),
    "compare-2008.toml",
);
const NEW: (&str, &str) = (
    include_str!("missions/compare-2009.toml"),
    "compare-2009.toml",
);

/// Compare two assessments of a mission at two dates.
#[derive(Parser)]
struct Args {
    /// The earlier mission file (with NEW); the embedded pair when left out.
    #[arg(requires = "new")]
    old: Option<std::path::PathBuf>,
    /// The later mission file.
    new: Option<std::path::PathBuf>,
    #[command(flatten)]
    rulebook: cli::RulebookArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: cli::Format,
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::finish((|| {
        let rb = cli::rulebook(args.rulebook.rulebook.as_ref())?;
        let old = cli::mission(args.old.as_ref(), OLD, &rb)?;
        let new = cli::mission(args.new.as_ref(), NEW, &rb)?;
        let (a, b) = (assess(&old), assess(&new));
        let c = compare(&a, &b);
        Ok(match args.format {
            cli::Format::Json => report::json(&rb, &c)? + "\n",
            cli::Format::Text => report::text(&rb, &c),
        })
    })())
}
