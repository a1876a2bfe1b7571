//! What every subcommand shares: reading input (a file or `-` for standard
//! input) through a bounded reader, writing output that survives a closed
//! pipe, and the exit status.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use integration_readiness::report::Format;
use integration_readiness::{Error, Mission, Rulebook};

/// The exit statuses, as the README states them: the end of every
/// `--help`, the command's and each subcommand's (`main` adds it).
pub const EXIT_STATUS: &str = "Exit status: 0 on success, 2 for bad input or a bad command line, \
1 for anything else (0 also when the reader of the output closes the pipe early).\n\
A FILE of `-` reads standard input; input over 4 MiB is refused. Reports use no colour.";

/// Why a subcommand failed, and so its exit status.
#[derive(Debug)]
pub enum Failure {
    /// Bad input: exit status 2.
    Input(String),
    /// Anything else (cannot write, cannot serve): exit status 1.
    Other(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        match e {
            Error::Write { .. } => Failure::Other(with_causes(&e)),
            _ => Failure::Input(with_causes(&e)),
        }
    }
}

/// An error and the chain of its causes, each once, as `a: b: c`
/// (`m.toml: cannot read: No such file or directory (os error 2)`).
pub fn with_causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// The exit of a subcommand: its output printed, or its failure reported.
pub fn finish(result: Result<String, Failure>) -> ExitCode {
    match result {
        Ok(out) => emit(&out),
        Err(Failure::Input(message)) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
        Err(Failure::Other(message)) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `text` to standard output. A reader that closed the pipe early
/// (`| head`) has what it wanted: that is success, with no message.
pub fn emit(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            // stdout is gone or full; stderr may still be there.
            let _ = writeln!(io::stderr(), "cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The rulebook of `--rulebook` (`-`: standard input), or the embedded
/// default. The library reads the file through its bounded reader (never more
/// than the limit held, whatever the source) and reads a `.json` file as JSON.
pub fn rulebook(path: Option<&Path>) -> Result<Rulebook, Failure> {
    match path {
        Some(path) => Ok(Rulebook::from_path(path)?),
        None => Ok(Rulebook::oslo_2007()),
    }
}

/// A mission from a file (`-`: standard input), checked against `rb`, read
/// as [`rulebook`] reads its file.
pub fn mission_file(path: &Path, rb: &Rulebook) -> Result<Mission, Failure> {
    Ok(Mission::from_path(path, rb)?)
}

/// The name of the file a mission was read from, as results carry it: the
/// path as given, or `<stdin>` for `-`.
pub fn file_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        integration_readiness::STDIN_NAME.to_owned()
    } else {
        path.display().to_string()
    }
}

/// Refuses a command line that names standard input (`-`) more than once
/// (as a file and as `--rulebook`, or as two files): it can be read once.
pub fn stdin_once<'a>(paths: impl IntoIterator<Item = Option<&'a Path>>) -> Result<(), Failure> {
    let dashes = paths
        .into_iter()
        .flatten()
        .filter(|p| p.as_os_str() == "-")
        .count();
    if dashes > 1 {
        return Err(Failure::Input(
            "standard input (`-`) is named more than once; it can be read only once".to_owned(),
        ));
    }
    Ok(())
}

/// Every mission of `paths`, checked: all their problems reported
/// together, not only the first file's.
pub fn missions(paths: &[PathBuf], rb: &Rulebook) -> Result<Vec<Mission>, Failure> {
    stdin_once(paths.iter().map(|p| Some(p.as_path())))?;
    let mut missions = Vec::with_capacity(paths.len());
    let mut problems = Vec::new();
    for p in paths {
        match mission_file(p, rb) {
            Ok(m) => missions.push(m),
            Err(Failure::Input(message)) => problems.push(message),
            Err(other) => return Err(other),
        }
    }
    if problems.is_empty() {
        Ok(missions)
    } else {
        Err(Failure::Input(problems.join("\n")))
    }
}

/// A mission file and `--rulebook`.
#[derive(clap::Args)]
pub struct MissionArgs {
    /// The mission file (TOML, or JSON when it ends in `.json`; `-` reads
    /// standard input).
    #[arg(value_name = "MISSION")]
    pub mission: PathBuf,
    #[command(flatten)]
    pub rulebook: RulebookArg,
}

impl MissionArgs {
    /// The mission (which carries its rulebook).
    pub fn load(&self) -> Result<Mission, Failure> {
        stdin_once([
            Some(self.mission.as_path()),
            self.rulebook.rulebook.as_deref(),
        ])?;
        let rb = rulebook(self.rulebook.rulebook.as_deref())?;
        mission_file(&self.mission, &rb)
    }
}

/// `--rulebook`, which every subcommand takes.
#[derive(clap::Args)]
pub struct RulebookArg {
    /// A rulebook file (`-` reads standard input); the embedded `oslo-2007`
    /// when left out.
    #[arg(long)]
    pub rulebook: Option<PathBuf>,
}

/// The parser of `--format` for a result with `formats` (its
/// [`Render::FORMATS`](integration_readiness::report::Render::FORMATS)):
/// `--help` lists them, and any other word is refused with exit status 2.
pub fn formats(formats: &'static [Format]) -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(
        formats
            .iter()
            .map(|&f| PossibleValue::new(f.as_str()).help(describe(f))),
    )
    .try_map(|word| word.parse::<Format>())
}

/// What a format is, for `--help`.
fn describe(format: Format) -> &'static str {
    match format {
        Format::Text => "A report for the terminal, 80 columns",
        Format::Markdown => "A document to paste into a report",
        Format::Json => "One JSON object (the contract in the README)",
        Format::Csv => "A table for spreadsheets (RFC 4180)",
        Format::Svg => "A chart, as a standalone SVG document",
        Format::Html => "One self-contained HTML page, printable on A4",
        Format::Toml => "The file itself, to edit",
        _ => "",
    }
}
