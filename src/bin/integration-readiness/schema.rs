//! `integration-readiness schema`: the JSON Schemas of the file formats.

use std::path::PathBuf;
use std::process::ExitCode;

use integration_readiness::schema;

use crate::io::{self, Failure};

/// Which file format.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Which {
    /// Mission files, for a rulebook's ids.
    Mission,
    /// Rulebook files.
    Rulebook,
}

/// Print the JSON Schema of mission files (for a rulebook) or of rulebook
/// files, for editors and validators.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness schema mission > mission.schema.json\n",
    "  integration-readiness schema rulebook > rulebook.schema.json",
))]
pub struct Args {
    /// Which format.
    which: Which,
    /// For the mission schema: the rulebook whose ids it allows; the
    /// embedded `oslo-2007` when left out.
    #[arg(long)]
    rulebook: Option<PathBuf>,
}

/// Prints the schema.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        Ok(match args.which {
            Which::Rulebook => schema::to_text(&schema::rulebook_schema())?,
            Which::Mission => {
                let rb = io::rulebook(args.rulebook.as_deref())?;
                schema::to_text(&schema::mission_schema(&rb))?
            }
        })
    })())
}
