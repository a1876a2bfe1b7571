//! What the example programs share: loading with clean errors.
#![allow(dead_code)] // each example uses part of it

use std::path::PathBuf;
use std::process::ExitCode;

use integration_readiness::{Error, Mission, Rulebook};

/// The embedded sample assessed when no file is given: a multidimensional
/// mission consolidating after a ceasefire, every factor rated (fictional).
pub const CONSOLIDATION: (&str, &str) = (
    include_str!("../missions/consolidation-after-ceasefire.toml"),
    "consolidation-after-ceasefire.toml",
);

/// A mission in start-up during active conflict, far below its targets
/// (fictional): the plan's default.
pub const START_UP: (&str, &str) = (
    include_str!("../missions/start-up-active-conflict.toml"),
    "start-up-active-conflict.toml",
);

/// A mission file (or an embedded sample) and `--rulebook`.
#[derive(clap::Args)]
pub struct MissionArgs {
    /// The mission file; an embedded sample when left out.
    pub mission: Option<PathBuf>,
    #[command(flatten)]
    pub rulebook: RulebookArg,
}

impl MissionArgs {
    /// The rulebook and the mission, or `sample` when no file is given.
    pub fn load(&self, sample: (&str, &str)) -> Result<(Rulebook, Mission), Error> {
        let rb = rulebook(self.rulebook.rulebook.as_ref())?;
        let m = mission(self.mission.as_ref(), sample, &rb)?;
        Ok((rb, m))
    }
}

/// `--rulebook`, which every example takes.
#[derive(clap::Args)]
pub struct RulebookArg {
    /// A rulebook file; the embedded `oslo-2007` when left out.
    #[arg(long)]
    pub rulebook: Option<PathBuf>,
}

/// Text for people or JSON for programs.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// A report for the terminal.
    Text,
    /// One JSON object.
    Json,
}

/// The rulebook from a file, or the embedded default.
pub fn rulebook(path: Option<&PathBuf>) -> Result<Rulebook, Error> {
    match path {
        Some(p) => Rulebook::from_path(p),
        None => Ok(Rulebook::oslo_2007()),
    }
}

/// The mission from a file, or an embedded sample `(text, name)`.
pub fn mission(
    path: Option<&PathBuf>,
    sample: (&str, &str),
    rb: &Rulebook,
) -> Result<Mission, Error> {
    match path {
        Some(p) => Mission::from_path(p, rb),
        None => Mission::from_toml(sample.0, sample.1, rb),
    }
}

/// Prints the output, or the error to stderr with exit status 2.
pub fn finish(result: Result<String, Error>) -> ExitCode {
    match result {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            // The error, then its causes (the system's reason a file
            // cannot be read), each once.
            let mut cause: Option<&dyn std::error::Error> = Some(&e);
            let mut text = Vec::new();
            while let Some(c) = cause {
                text.push(c.to_string());
                cause = c.source();
            }
            eprintln!("{}", text.join(": "));
            ExitCode::from(2)
        }
    }
}
