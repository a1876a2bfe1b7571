//! Assesses a mission and prints the report.
//!
//! ```text
//! cargo run --release --example assess                 # the embedded sample
//! cargo run --example assess -- MISSION.toml [--rulebook RULEBOOK.toml] [--format text|markdown|json|svg] [--evidence]
//! ```
//!
//! "Fix first" is the start of the cheapest plan to target
//! (`analysis::brief`), so it never disagrees with the plan example.
//!
//! Bad input prints every problem (file:line:column, TOML path, what is
//! allowed) to stderr and exits with status 2.

mod cli;

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use integration_readiness::{analysis, report};

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Markdown,
    Json,
    /// A chart for reports, as a standalone SVG document.
    Svg,
}

/// Assess how ready a UN peace operation is for integration.
#[derive(Parser)]
struct Args {
    #[command(flatten)]
    input: cli::MissionArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Add each rating's note and sources to the text report (Markdown and
    /// JSON always carry them).
    #[arg(long)]
    evidence: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::finish((|| {
        // The sample: a multidimensional mission consolidating after a
        // ceasefire (illustrative, not a real assessment).
        let (rb, mission) = args.input.load(cli::CONSOLIDATION)?;
        let b = analysis::brief(&mission);
        Ok(match args.format {
            Format::Text if args.evidence => {
                report::text(&rb, &b) + "\n" + &report::evidence_text(&b.assessment)
            }
            Format::Text => report::text(&rb, &b),
            Format::Markdown => report::markdown(&rb, &b),
            Format::Json => report::json(&rb, &b)? + "\n",
            Format::Svg => report::svg(&rb, &b.assessment),
        })
    })())
}
