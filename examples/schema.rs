//! Prints the JSON Schema of mission files (for a rulebook) or of rulebook
//! files, as committed under `schemas/`.
//!
//! ```text
//! cargo run --example schema -- mission [--rulebook RULEBOOK.toml] > schemas/mission.schema.json
//! cargo run --example schema -- rulebook > schemas/rulebook.schema.json
//! ```

use std::path::PathBuf;

use clap::{Parser, ValueEnum};
use integration_readiness::{Error, Rulebook, schema};

#[derive(Clone, Copy, ValueEnum)]
enum Which {
    Mission,
    Rulebook,
}

/// Print a JSON Schema of the file formats.
#[derive(Parser)]
struct Args {
    /// Which format.
    which: Which,
    /// For the mission schema: the rulebook whose ids it allows; the
    /// embedded `oslo-2007` when left out.
    #[arg(long)]
    rulebook: Option<PathBuf>,
}

fn run(args: &Args) -> Result<String, Error> {
    match args.which {
        Which::Rulebook => schema::to_text(&schema::rulebook_schema()),
        Which::Mission => {
            let rulebook = match &args.rulebook {
                Some(path) => Rulebook::from_path(path)?,
                None => Rulebook::oslo_2007(),
            };
            schema::to_text(&schema::mission_schema(&rulebook))
        }
    }
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
