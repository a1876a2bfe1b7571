//! `integration-readiness portfolio`: several missions side by side.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use integration_readiness::analysis::{Portfolio, portfolio};
use integration_readiness::report::{self, Format, Render};

use crate::io::{self, Failure};

/// One row per mission: name, date, coverage, and per dimension the score,
/// level, target and verdict.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness portfolio examples/missions --sort score\n",
    "  integration-readiness portfolio missions/ --format csv > portfolio.csv\n",
    "  integration-readiness portfolio a.toml b.json --sort strategic --reverse\n\n",
    "A directory stands for its .toml and .json files, in name order. Every file is\n",
    "checked; the problems of all of them are reported together.\n",
    "Sort columns: name, date (A to Z), coverage, score (highest first), verdict\n",
    "(best first), or a dimension id (its score, highest first).",
))]
pub struct Args {
    /// Mission files or directories of them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rulebook: io::RulebookArg,
    /// The column to sort by; the order given when left out.
    #[arg(long)]
    sort: Option<String>,
    /// Turn the sort order round.
    #[arg(long, requires = "sort")]
    reverse: bool,
    /// Output format (csv: one row per mission).
    #[arg(long, default_value_t = Format::Text, value_parser = io::formats(Portfolio::FORMATS))]
    format: Format,
}

/// The mission files of `paths`: files as given, directories as their
/// `.toml` and `.json` files in name order.
fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() != "-" && p.is_dir() {
            let entries = std::fs::read_dir(p)
                .map_err(|e| Failure::Input(format!("{}: cannot read: {e}", p.display())))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && is_mission_file(f))
                .collect();
            if found.is_empty() {
                return Err(Failure::Input(format!(
                    "{}: no .toml or .json files in this directory",
                    p.display()
                )));
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn is_mission_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("toml") || e.eq_ignore_ascii_case("json"))
}

/// Loads every mission, assesses each and prints the table.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        io::stdin_once(
            args.paths
                .iter()
                .map(|p| Some(p.as_path()))
                .chain([args.rulebook.rulebook.as_deref()]),
        )?;
        let rb = io::rulebook(args.rulebook.rulebook.as_deref())?;
        let missions = io::missions(&files(&args.paths)?, &rb)?;
        let mut p = portfolio(&rb, &missions)?;
        if let Some(column) = &args.sort {
            p.sort_by_column(column, args.reverse)
                .map_err(|e| Failure::Input(format!("--sort: {e}")))?;
        }
        Ok(report::render(&p, args.format)?)
    })())
}
