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
    "  integration-readiness portfolio missions/ --recursive --keep-going\n\n",
    "A directory stands for its .toml and .json files, in name order (its subfolders\n",
    "too with --recursive). Every file is checked; the problems of all of them are\n",
    "reported together, and nothing is printed, unless --keep-going is given.\n",
    "Sort columns: name, date (A to Z), coverage, score (highest first), verdict\n",
    "(best first), or a dimension id (its score, highest first).",
))]
pub struct Args {
    /// Mission files or directories of them.
    #[arg(required = true, value_name = "PATHS")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rulebook: io::RulebookArg,
    /// The column to sort by; the order given when left out.
    #[arg(long)]
    sort: Option<String>,
    /// Turn the sort order round.
    #[arg(long, requires = "sort")]
    reverse: bool,
    /// Read the subfolders of a directory too (without it they are named
    /// on standard error and left out).
    #[arg(long)]
    recursive: bool,
    /// Assess the files that can be read, list each other file's problems
    /// on standard error, and exit with status 1.
    #[arg(long)]
    keep_going: bool,
    /// Output format (csv: one row per mission).
    #[arg(long, default_value_t = Format::Text, value_parser = io::formats(Portfolio::FORMATS))]
    format: Format,
}

/// The mission files of `paths`: files as given, directories as their
/// `.toml` and `.json` files in name order (and, with `recursive`, those of
/// their subfolders, each folder's files before its subfolders'). Without
/// `recursive`, the subfolders left out are named on standard error.
fn files(paths: &[PathBuf], recursive: bool) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        if p.as_os_str() != "-" && p.is_dir() {
            let before = out.len();
            folder(p, recursive, &mut out, &mut skipped)?;
            if out.len() == before {
                return Err(Failure::Input(format!(
                    "{}: no .toml or .json files in this directory{}",
                    p.display(),
                    if recursive { " or its subfolders" } else { "" }
                )));
            }
        } else {
            out.push(p.clone());
        }
    }
    if !skipped.is_empty() {
        let names: Vec<String> = skipped.iter().map(|d| d.display().to_string()).collect();
        eprintln!(
            "note: subfolders not read (--recursive reads them): {}",
            names.join(", ")
        );
    }
    Ok(out)
}

/// The mission files of one folder into `out`, its subfolders read when
/// `recursive` and listed in `skipped` when not.
fn folder(
    dir: &Path,
    recursive: bool,
    out: &mut Vec<PathBuf>,
    skipped: &mut Vec<PathBuf>,
) -> Result<(), Failure> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Failure::Input(format!("{}: cannot read: {e}", dir.display())))?;
    let mut found: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    found.sort();
    let (subfolders, here): (Vec<PathBuf>, Vec<PathBuf>) =
        found.into_iter().partition(|f| f.is_dir());
    out.extend(
        here.into_iter()
            .filter(|f| f.is_file() && is_mission_file(f)),
    );
    for sub in subfolders {
        if recursive {
            folder(&sub, true, out, skipped)?;
        } else {
            skipped.push(sub);
        }
    }
    Ok(())
}

fn is_mission_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("toml") || e.eq_ignore_ascii_case("json"))
}

/// Loads every mission, assesses each and prints the table. With
/// `--keep-going`, the missions that load are assessed, each bad file's
/// problems go to standard error, and the exit status is 1.
pub fn run(args: Args) -> ExitCode {
    let mut failed = false;
    let code = io::finish((|| -> Result<String, Failure> {
        io::stdin_once(
            args.paths
                .iter()
                .map(|p| Some(p.as_path()))
                .chain([args.rulebook.rulebook.as_deref()]),
        )?;
        let rb = io::rulebook(args.rulebook.rulebook.as_deref())?;
        let paths = files(&args.paths, args.recursive)?;
        let (missions, names) = if args.keep_going {
            let mut missions = Vec::new();
            let mut names = Vec::new();
            for path in &paths {
                match io::mission_file(path, &rb) {
                    Ok(m) => {
                        missions.push(m);
                        names.push(io::file_name(path));
                    }
                    Err(Failure::Input(message) | Failure::Other(message)) => {
                        eprintln!("{message}");
                        failed = true;
                    }
                }
            }
            if missions.is_empty() {
                return Err(Failure::Input(
                    "no mission could be read; nothing to compare".to_owned(),
                ));
            }
            (missions, names)
        } else {
            let names = paths.iter().map(|p| io::file_name(p)).collect();
            (io::missions(&paths, &rb)?, names)
        };
        let mut p = portfolio(&rb, &missions)?;
        for (row, name) in p.rows.iter_mut().zip(names) {
            row.mission.file = Some(name);
        }
        if let Some(column) = &args.sort {
            p.sort_by_column(column, args.reverse)
                .map_err(|e| Failure::Input(format!("--sort: {e}")))?;
        }
        Ok(report::render(&p, args.format)?)
    })());
    if failed && code == ExitCode::SUCCESS {
        eprintln!("some files could not be read (above); the table leaves them out");
        ExitCode::FAILURE
    } else {
        code
    }
}
