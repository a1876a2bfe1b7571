//! Prints a rulebook: the embedded default, or a file.
//!
//! ```text
//! cargo run --example rulebook -- [--rulebook RULEBOOK.toml] [--format toml|json|markdown]
//! ```

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use integration_readiness::{Rulebook, reference};

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Toml,
    Json,
    Markdown,
}

/// Print a rulebook as TOML, JSON or a Markdown factor reference.
#[derive(Parser)]
struct Args {
    /// A rulebook file; the embedded `oslo-2007` when left out.
    #[arg(long)]
    rulebook: Option<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "toml")]
    format: Format,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let rb = match &args.rulebook {
        Some(path) => match Rulebook::from_path(path) {
            Ok(rb) => rb,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        },
        None => Rulebook::oslo_2007(),
    };
    match args.format {
        Format::Toml => match rb.to_toml() {
            Ok(t) => print!("{t}"),
            Err(e) => {
                eprintln!("cannot write TOML: {e}");
                return ExitCode::from(2);
            }
        },
        Format::Markdown => print!("{}", reference::markdown(&rb)),
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&reference::json(&rb)).unwrap_or_default()
        ),
    }
    ExitCode::SUCCESS
}
