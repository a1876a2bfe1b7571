//! Writes a mission file to start an assessment from: every factor of the
//! rulebook under its theme, with its question and rating words, rated
//! `unknown`. It loads and assesses as it is.
//!
//! ```text
//! cargo run --example template -- [--rulebook RULEBOOK.toml] [--schema PATH] > my-mission.toml
//! ```

use std::path::PathBuf;

use clap::Parser;
use integration_readiness::{Error, Rulebook, template};

/// Print a mission template for a rulebook.
#[derive(Parser)]
struct Args {
    /// A rulebook file; the embedded `oslo-2007` when left out.
    #[arg(long)]
    rulebook: Option<PathBuf>,
    /// Path or URL of the mission schema, for the `#:schema` line that lets
    /// editors complete and check the file.
    #[arg(long)]
    schema: Option<String>,
}

fn run(args: &Args) -> Result<String, Error> {
    let rulebook = match &args.rulebook {
        Some(path) => Rulebook::from_path(path)?,
        None => Rulebook::oslo_2007(),
    };
    Ok(template::mission(&rulebook, args.schema.as_deref()))
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
