//! `integration-readiness whatif`: change ratings or context and see what
//! moves.

use std::process::ExitCode;

use integration_readiness::Rating;
use integration_readiness::analysis::{Comparison, Scenario, apply, compare};
use integration_readiness::assess;
use integration_readiness::model::ContextValue;
use integration_readiness::report::{self, Format, Render};

use crate::io::{self, Failure};

/// Apply rating and context changes to a mission and compare.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness whatif my-mission.toml --set senior-leadership-cohesion=full --context conflict=ceasefire\n",
    "  integration-readiness whatif my-mission.toml --set joint-analysis-capacity=high --format json\n",
    "  integration-readiness whatif my-mission.toml --set common-planning-framework=full --format csv",
))]
pub struct Args {
    #[command(flatten)]
    input: io::MissionArgs,
    /// A rating change, FACTOR=RATING (repeatable).
    #[arg(long = "set", value_name = "FACTOR=RATING", value_parser = parse_rating_change)]
    set: Vec<(String, Rating)>,
    /// A context change, KEY=VALUE (repeatable; true/false for flags).
    #[arg(long = "context", value_name = "KEY=VALUE", value_parser = parse_context_change)]
    context: Vec<(String, ContextValue)>,
    /// Output format (csv: one row per dimension, before and after).
    #[arg(long, default_value_t = Format::Text, value_parser = io::formats(Comparison::FORMATS))]
    format: Format,
}

/// Loads, applies the scenario, compares and prints.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        if args.set.is_empty() && args.context.is_empty() {
            return Err(Failure::Input(
                "nothing to change: give --set FACTOR=RATING or --context KEY=VALUE \
                 (each repeatable)"
                    .to_owned(),
            ));
        }
        let m = args.input.load()?;
        let scenario = Scenario {
            ratings: args.set.iter().cloned().collect(),
            context: args.context.iter().cloned().collect(),
            forget_context: Vec::new(),
        };
        // Problems of a scenario point at the command line that made it.
        let changed = apply(&m, &scenario).map_err(|e| e.placed("command line"))?;
        let (mut before, mut after) = (assess(&m), assess(&changed));
        let file = io::file_name(&args.input.mission);
        before.mission.file = Some(file.clone());
        after.mission.file = Some(file);
        let c = compare(&before, &after);
        Ok(report::render(&c, args.format)?)
    })())
}

/// One rating change as typed, `FACTOR=RATING`, split at the first `=`.
fn parse_rating_change(assignment: &str) -> Result<(String, Rating), String> {
    let (factor, word) = assignment.split_once('=').ok_or_else(|| {
        format!("`{assignment}` is not FACTOR=RATING (a factor id, `=`, a rating word)")
    })?;
    let rating = word.parse::<Rating>().map_err(|e| e.to_string())?;
    Ok((factor.to_owned(), rating))
}

/// One context change as typed, `KEY=VALUE`, split at the first `=`: `true`
/// and `false` are a flag's values, any other word a word value.
fn parse_context_change(assignment: &str) -> Result<(String, ContextValue), String> {
    let (key, value) = assignment
        .split_once('=')
        .ok_or_else(|| format!("`{assignment}` is not KEY=VALUE (a context key, `=`, a value)"))?;
    let value = match value {
        "true" => ContextValue::Flag(true),
        "false" => ContextValue::Flag(false),
        w => ContextValue::Word(w.to_owned()),
    };
    Ok((key.to_owned(), value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_read_as_typed() {
        assert_eq!(
            parse_rating_change("e1=high").unwrap(),
            ("e1".to_owned(), Rating::High)
        );
        assert_eq!(
            parse_rating_change("e1").unwrap_err(),
            "`e1` is not FACTOR=RATING (a factor id, `=`, a rating word)"
        );
        assert!(parse_rating_change("e1=hgh").unwrap_err().contains("`hgh`"));
        let ctx = |s: &str| parse_context_change(s).unwrap();
        assert_eq!(
            ctx("mode=big"),
            ("mode".to_owned(), ContextValue::Word("big".into()))
        );
        assert_eq!(
            ctx("flag=true"),
            ("flag".to_owned(), ContextValue::Flag(true))
        );
        assert_eq!(
            ctx("flag=false"),
            ("flag".to_owned(), ContextValue::Flag(false))
        );
        // Split at the first `=`: the rest is the value.
        assert_eq!(
            ctx("mode=a=b"),
            ("mode".to_owned(), ContextValue::Word("a=b".into()))
        );
        assert_eq!(
            ctx("mode="),
            ("mode".to_owned(), ContextValue::Word(String::new()))
        );
        assert!(parse_context_change("mode").is_err());
    }
}
