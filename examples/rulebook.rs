//! Prints a rulebook: the embedded default, or a file; as TOML to edit, or
//! its factor reference as JSON or Markdown.
//!
//! ```text
//! cargo run --example rulebook -- [--rulebook RULEBOOK.toml] [--format toml|json|markdown]
//! ```

use std::path::PathBuf;

use clap::Parser;
use integration_readiness::report::{self, Format};
use integration_readiness::{Error, Rulebook};

/// Print a rulebook as TOML, JSON or a Markdown factor reference.
#[derive(Parser)]
struct Args {
    /// A rulebook file; the embedded `oslo-2007` when left out.
    #[arg(long)]
    rulebook: Option<PathBuf>,
    /// Output format: toml, json or markdown.
    #[arg(long, default_value_t = Format::Toml)]
    format: Format,
}

fn run(args: &Args) -> Result<String, Error> {
    let rulebook = match &args.rulebook {
        Some(path) => Rulebook::from_path(path)?,
        None => Rulebook::oslo_2007(),
    };
    report::render(&rulebook, args.format)
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
