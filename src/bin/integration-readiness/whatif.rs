//! `integration-readiness whatif`: change ratings or context and see what
//! moves.

use std::process::ExitCode;

use integration_readiness::analysis::{Scenario, apply, compare};
use integration_readiness::model::{ContextValue, Rating};
use integration_readiness::{Diagnostic, Diagnostics, Error, assess, report};

use crate::io::{self, Failure};

/// Apply rating and context changes to a mission and compare.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness whatif --set senior-leadership-cohesion=full --context conflict=ceasefire\n",
    "  integration-readiness whatif my-mission.toml --set joint-analysis-capacity=high --format json\n",
    "  integration-readiness whatif my-mission.toml --set common-planning-framework=full --format csv\n\n",
    "Exit status: 0 on success, 2 for bad input or a bad command line, 1 for anything else."
))]
pub struct Args {
    #[command(flatten)]
    input: io::MissionArgs,
    /// A rating change, FACTOR=RATING (repeatable).
    #[arg(long = "set", value_parser = rating_change)]
    set: Vec<(String, Rating)>,
    /// A context change, KEY=VALUE (repeatable; true/false for flags).
    #[arg(long = "context", value_parser = context_change)]
    context: Vec<(String, ContextValue)>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: io::TableFormat,
}

fn rating_change(s: &str) -> Result<(String, Rating), String> {
    let (f, r) = s.split_once('=').ok_or("expected FACTOR=RATING")?;
    let rating: Rating = r.parse().map_err(|e| format!("{e}"))?;
    Ok((f.to_owned(), rating))
}

fn context_change(s: &str) -> Result<(String, ContextValue), String> {
    let (k, v) = s.split_once('=').ok_or("expected KEY=VALUE")?;
    let value = match v {
        "true" => ContextValue::Flag(true),
        "false" => ContextValue::Flag(false),
        w => ContextValue::Word(w.to_owned()),
    };
    Ok((k.to_owned(), value))
}

/// Loads, applies the scenario, compares and prints.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        let (rb, m) = args.input.load(io::CONSOLIDATION)?;
        let scenario = Scenario {
            ratings: args.set.iter().cloned().collect(),
            context: args.context.iter().cloned().collect(),
            forget_context: Vec::new(),
        };
        // Problems of a scenario point at the command line that made it.
        let changed = apply(&rb, &m, &scenario).map_err(|e| {
            Error::Invalid(Diagnostics(
                e.problems()
                    .map(|problem| Diagnostic {
                        file: "command line".to_owned(),
                        line: 0,
                        column: 0,
                        problem: problem.clone(),
                    })
                    .collect(),
            ))
        })?;
        let c = compare(&assess(&rb, &m), &assess(&rb, &changed));
        io::render_table(args.format, &rb, &c, report::comparison_csv)
    })())
}
