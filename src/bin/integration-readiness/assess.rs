//! `integration-readiness assess`: the assessment, with "fix first" from
//! the cheapest plan to target.

use std::process::ExitCode;

use integration_readiness::{analysis, report};

use crate::io::{self, Failure};

/// The formats of an assessment.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// A report for the terminal, 80 columns.
    Text,
    /// A document to paste into a report.
    Markdown,
    /// One JSON object (the contract in the README).
    Json,
    /// One row per dimension, for spreadsheets (RFC 4180).
    Csv,
    /// A chart for reports, as a standalone SVG document.
    Svg,
    /// One self-contained HTML page: the assessment, its evidence, the plan
    /// to the target and the entities; printable on A4.
    Html,
}

/// Assess how ready a mission is for integration.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness assess                       # the embedded sample\n",
    "  integration-readiness assess my-mission.toml --evidence\n",
    "  integration-readiness assess my-mission.toml --format html > report.html\n",
    "  integration-readiness assess my-mission.toml --format csv > dimensions.csv\n",
    "  cat my-mission.toml | integration-readiness assess - --format json\n\n",
    "Exit status: 0 on success, 2 for bad input or a bad command line, 1 for anything else."
))]
pub struct Args {
    #[command(flatten)]
    input: io::MissionArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Add each rating's note and sources to the text report (Markdown,
    /// JSON and HTML always carry them).
    #[arg(long)]
    evidence: bool,
}

/// Loads, assesses and prints.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        let (rb, mission) = args.input.load(io::CONSOLIDATION)?;
        let b = analysis::brief(&mission);
        // A table and a chart have no place for warnings (inconsistent
        // ratings, ratings the context rules out): they go to standard
        // error, so that they are seen without spoiling the output.
        if matches!(args.format, Format::Csv | Format::Svg) {
            for w in &b.assessment.warnings {
                eprintln!("warning: {w}");
            }
        }
        Ok(match args.format {
            Format::Text if args.evidence => {
                report::text(&rb, &b) + "\n" + &report::evidence_text(&b.assessment)
            }
            Format::Text => report::text(&rb, &b),
            Format::Markdown => report::markdown(&rb, &b),
            Format::Json => report::json(&rb, &b)? + "\n",
            Format::Csv => report::assessment_csv(&rb, &b.assessment),
            Format::Svg => report::svg(&rb, &b.assessment),
            Format::Html => report::html(&rb, &b),
        })
    })())
}
