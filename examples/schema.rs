//! Prints the JSON Schema of mission files (for a rulebook) or of rulebook
//! files, as committed under `schemas/`.
//!
//! ```text
//! cargo run --example schema -- mission [--rulebook RULEBOOK.toml] > schemas/mission.schema.json
//! cargo run --example schema -- rulebook > schemas/rulebook.schema.json
//! ```

mod cli;

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use integration_readiness::schema;

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
    rulebook: Option<std::path::PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::finish((|| {
        Ok(match args.which {
            Which::Rulebook => schema::to_text(&schema::rulebook_schema())?,
            Which::Mission => {
                let rb = cli::rulebook(args.rulebook.as_ref())?;
                schema::to_text(&schema::mission_schema(&rb))?
            }
        })
    })())
}
