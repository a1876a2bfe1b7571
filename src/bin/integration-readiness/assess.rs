//! `integration-readiness assess`: the assessment, with "fix first" from
//! the cheapest plan to target.

use std::process::ExitCode;

use integration_readiness::analysis::{self, Briefing};
use integration_readiness::report::{self, Format, Render};

use crate::io::{self, Failure};

/// Assess how ready a mission is for integration.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness assess examples/missions/consolidation-after-ceasefire.toml\n",
    "  integration-readiness assess my-mission.toml --evidence\n",
    "  integration-readiness assess my-mission.toml --format html > report.html\n",
    "  integration-readiness assess my-mission.toml --format csv > dimensions.csv\n",
    "  cat my-mission.toml | integration-readiness assess - --format json",
))]
pub struct Args {
    #[command(flatten)]
    input: io::MissionArgs,
    /// Output format (csv: one row per dimension; html: the assessment, its
    /// evidence, the plan to the target and the entities).
    #[arg(long, default_value_t = Format::Text, value_parser = io::formats(Briefing::FORMATS))]
    format: Format,
    /// Add each rating's note and sources to the text report (Markdown,
    /// JSON and HTML always carry them).
    #[arg(long)]
    evidence: bool,
}

/// Loads, assesses and prints.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        let mission = args.input.load()?;
        let mut b = analysis::brief(&mission);
        let file = io::file_name(&args.input.mission);
        b.assessment.mission.file = Some(file.clone());
        b.plan.mission.file = Some(file);
        // A table and a chart have no place for warnings (inconsistent
        // ratings, ratings the context rules out): they go to standard
        // error, so that they are seen without spoiling the output.
        if matches!(args.format, Format::Csv | Format::Svg) {
            for w in &b.assessment.warnings {
                eprintln!("warning: {w}");
            }
        }
        let out = report::render(&b, args.format)?;
        Ok(match args.format {
            Format::Text if args.evidence => out + "\n" + &report::evidence_text(&b.assessment),
            _ => out,
        })
    })())
}
