//! What-if: change ratings or context and see what moves.
//!
//! ```text
//! cargo run --example whatif -- [MISSION.toml] --set FACTOR=RATING ... [--context KEY=VALUE ...] [--format text|markdown|json|csv]
//! cargo run --example whatif -- --set senior-leadership-cohesion=full --context conflict=ceasefire
//! ```

use std::path::PathBuf;

use clap::Parser;
use integration_readiness::Rating;
use integration_readiness::analysis::{self, Scenario};
use integration_readiness::model::ContextValue;
use integration_readiness::report::{self, Format};
use integration_readiness::{Error, Mission, ParseWordError, Rulebook, assess};

/// The sample: a multidimensional mission consolidating after a ceasefire
/// (fictional).
const SAMPLE: &str = include_str!("missions/consolidation-after-ceasefire.toml");

/// Apply rating and context changes to a mission and compare.
#[derive(Parser)]
struct Args {
    /// The mission file; the embedded sample when left out.
    mission: Option<PathBuf>,
    /// A rulebook file; the embedded `oslo-2007` when left out.
    #[arg(long)]
    rulebook: Option<PathBuf>,
    /// A rating change, FACTOR=RATING (repeatable).
    #[arg(long = "set", value_name = "FACTOR=RATING", value_parser = rating_change)]
    set: Vec<(String, Rating)>,
    /// A context change, KEY=VALUE (repeatable; true/false for flags).
    #[arg(long = "context", value_name = "KEY=VALUE", value_parser = context_change)]
    context: Vec<(String, ContextValue)>,
    /// Output format: text, markdown, json or csv.
    #[arg(long, default_value_t = Format::Text)]
    format: Format,
}

fn run(args: &Args) -> Result<String, Error> {
    let rulebook = match &args.rulebook {
        Some(path) => Rulebook::from_path(path)?,
        None => Rulebook::oslo_2007(),
    };
    let mission = match &args.mission {
        Some(path) => Mission::from_path(path, &rulebook)?,
        None => Mission::from_toml(SAMPLE, "consolidation-after-ceasefire.toml", &rulebook)?,
    };
    let scenario = Scenario {
        ratings: args.set.iter().cloned().collect(),
        context: args.context.iter().cloned().collect(),
        forget_context: Vec::new(),
    };
    // Problems of a scenario point at the command line that made it.
    let changed = analysis::apply(&mission, &scenario).map_err(|e| e.placed("command line"))?;
    let comparison = analysis::compare(&assess(&mission), &assess(&changed));
    report::render(&comparison, args.format)
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

/// `FACTOR=RATING`: the rating word is read by `Rating`'s `FromStr`.
fn rating_change(s: &str) -> Result<(String, Rating), String> {
    let (factor, word) = s.split_once('=').ok_or("expected FACTOR=RATING")?;
    let rating: Rating = word.parse().map_err(|e: ParseWordError| e.to_string())?;
    Ok((factor.to_owned(), rating))
}

/// `KEY=VALUE`: `true` and `false` are a flag's values, any other word a
/// word value.
fn context_change(s: &str) -> Result<(String, ContextValue), String> {
    let (key, value) = s.split_once('=').ok_or("expected KEY=VALUE")?;
    let value = match value {
        "true" => ContextValue::Flag(true),
        "false" => ContextValue::Flag(false),
        w => ContextValue::Word(w.to_owned()),
    };
    Ok((key.to_owned(), value))
}
