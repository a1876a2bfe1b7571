//! `integration-readiness`: the command planners install. Each subcommand
//! lives in its own file beside this one; `main` only parses and dispatches.
//!
//! Exit status: 0 on success, 2 for bad input or a bad command line, 1 for
//! anything else.

mod assess;
mod compare;
mod io;
mod panel;
mod plan;
mod portfolio;
mod robustness;
mod rulebook;
#[cfg(feature = "schema")]
mod schema;
#[cfg(feature = "serve")]
mod serve;
mod template;
mod trend;
mod whatif;

use std::process::ExitCode;
use std::sync::LazyLock;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// Score how ready a UN peace operation is for integration.
#[derive(Parser)]
#[command(
    version = VERSION.as_str(),
    propagate_version = true,
    after_help = io::EXIT_STATUS
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Assess a mission: levels, targets, verdicts and what to fix first.
    Assess(assess::Args),
    /// The cheapest set of rating changes that reaches every target.
    Plan(plan::Args),
    /// How robust each level is to the choice of weights.
    Robustness(robustness::Args),
    /// Compare two assessments of a mission: what moved and why.
    Compare(compare::Args),
    /// Change ratings or context and see what moves.
    Whatif(whatif::Args),
    /// Follow one mission over several dated assessments.
    Trend(trend::Args),
    /// Several missions side by side, one row each, sortable.
    Portfolio(portfolio::Args),
    /// Several assessors' ratings of one mission: agreement and what to discuss.
    Panel(panel::Args),
    /// Print a mission file to start an assessment from.
    Template(template::Args),
    /// Print a rulebook as TOML, JSON or a Markdown factor reference.
    Rulebook(rulebook::Args),
    /// Print the JSON Schema of mission or rulebook files.
    #[cfg(feature = "schema")]
    Schema(schema::Args),
    /// Serve the questionnaire: a local web page where a planning team rates
    /// the factors and watches the assessment move.
    #[cfg(feature = "serve")]
    Serve(serve::Args),
}

/// The crate's version and the embedded rulebook's id and version.
static VERSION: LazyLock<String> = LazyLock::new(|| {
    let rb = integration_readiness::Rulebook::oslo_2007();
    let info = rb.info();
    format!(
        "{} (built-in rulebook {} {})",
        env!("CARGO_PKG_VERSION"),
        info.id,
        info.version
    )
});

fn main() -> ExitCode {
    // Every subcommand's help ends with the exit statuses, as the command's does.
    let command = Cli::command().mut_subcommands(|sub| {
        let help = match sub.get_after_help() {
            Some(help) => format!("{help}\n\n{}", io::EXIT_STATUS),
            None => io::EXIT_STATUS.to_owned(),
        };
        sub.after_help(help)
    });
    let cli = match command
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(e) => {
            // `--help` and `--version` go to stdout (exit 0, also when the
            // pipe is closed); usage errors to stderr with status 2.
            if e.use_stderr() {
                let _ = e.print();
                return ExitCode::from(2);
            }
            return io::emit(&e.render().to_string());
        }
    };
    match cli.command {
        Command::Assess(args) => assess::run(args),
        Command::Plan(args) => plan::run(args),
        Command::Robustness(args) => robustness::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Whatif(args) => whatif::run(args),
        Command::Trend(args) => trend::run(args),
        Command::Portfolio(args) => portfolio::run(args),
        Command::Panel(args) => panel::run(args),
        Command::Template(args) => template::run(args),
        Command::Rulebook(args) => rulebook::run(args),
        #[cfg(feature = "schema")]
        Command::Schema(args) => schema::run(args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args),
    }
}
