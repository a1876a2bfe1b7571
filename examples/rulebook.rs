//! Prints a rulebook: the embedded default, or a file.
//!
//! ```text
//! cargo run --example rulebook -- [--rulebook RULEBOOK.toml] [--format toml|json|markdown]
//! ```

mod cli;

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use integration_readiness::report;

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Toml,
    Json,
    Markdown,
}

/// Print a rulebook as TOML, JSON or a Markdown factor reference.
#[derive(Parser)]
struct Args {
    #[command(flatten)]
    rulebook: cli::RulebookArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "toml")]
    format: Format,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let rb = match cli::rulebook(args.rulebook.rulebook.as_ref()) {
        Ok(rb) => rb,
        Err(e) => return cli::finish(Err(e)),
    };
    match args.format {
        Format::Toml => match rb.to_toml() {
            Ok(t) => print!("{t}"),
            Err(e) => {
                eprintln!("cannot write TOML: {e}");
                return ExitCode::from(2);
            }
        },
        Format::Markdown => print!("{}", report::markdown(&rb, &rb)),
        Format::Json => match report::json(&rb, &rb) {
            Ok(t) => println!("{t}"),
            Err(e) => return cli::finish(Err(e)),
        },
    }
    ExitCode::SUCCESS
}
