//! Every call the server makes into the rest of the library, in one place:
//! loading, assessing, the analyses, the reports and writing a mission back.
//! The HTTP layer above sees only text in and text (or located problems) out.

use crate::analysis::{RobustnessOptions, brief, plan, robustness};
use crate::error::DocPath;
use crate::report::{self, Format};
use crate::{Error, MAX_INPUT_BYTES, Mission, Rulebook};

/// A rendered answer, or why it could not be written (not expected: the
/// results hold nothing JSON cannot).
pub type Rendered = Result<String, String>;

/// The format of a mission sent to the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// TOML, as in mission files.
    Toml,
    /// JSON, the same document.
    Json,
}

/// One located problem of an input, as the API answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The file it is in, where a request carries several.
    pub file: Option<String>,
    /// Line, from 1, where known.
    pub line: Option<usize>,
    /// Column, from 1, where known.
    pub column: Option<usize>,
    /// The path in the document (`evidence.x.rating`).
    pub path: String,
    /// What is wrong, with what is allowed and the nearest known id.
    pub message: String,
}

impl Located {
    /// A problem of the whole input, with no place in it.
    pub fn whole(message: impl Into<String>) -> Located {
        Located {
            file: None,
            line: None,
            column: None,
            path: String::new(),
            message: message.into(),
        }
    }
}

/// Why an input was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Over [`MAX_INPUT_BYTES`].
    TooLarge,
    /// Located problems, every one found.
    Invalid(Vec<Located>),
}

/// The largest request body the server reads.
pub const BODY_LIMIT: usize = MAX_INPUT_BYTES;

/// The name given to text sent by the page in messages.
const INPUT_NAME: &str = "mission";

fn refusal(e: Error) -> Refusal {
    match e {
        Error::TooLarge { .. } => Refusal::TooLarge,
        Error::Invalid(diags) if !diags.is_empty() => {
            let mut located: Vec<Located> = diags
                .iter()
                .map(|d| Located {
                    file: None,
                    line: (d.line > 0).then_some(d.line),
                    column: (d.line > 0).then_some(d.column),
                    path: d.problem.path.to_string(),
                    // The problem as the library shows it, without its place.
                    message: d.problem.to_string(),
                })
                .collect();
            // The problems past those listed, counted in a last one.
            located.extend(diags.omitted_in_words().map(|message| Located {
                file: None,
                line: None,
                column: None,
                path: DocPath::root().to_string(),
                message,
            }));
            Refusal::Invalid(located)
        }
        other => Refusal::Invalid(vec![Located::whole(with_causes(&other))]),
    }
}

/// An error and the chain of its causes, each once, as `a: b: c`.
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// The embedded default rulebook.
pub fn default_rulebook() -> Rulebook {
    Rulebook::oslo_2007()
}

/// Reads a rulebook file.
///
/// # Errors
/// The library's error, printed as it is by the command line.
pub fn rulebook_from_path(path: &std::path::Path) -> Result<Rulebook, Error> {
    Rulebook::from_path(path)
}

/// Reads a mission file against `rb`.
///
/// # Errors
/// The library's error, printed as it is by the command line.
pub fn mission_from_path(path: &std::path::Path, rb: &Rulebook) -> Result<Mission, Error> {
    Mission::from_path(path, rb)
}

/// The rulebook as JSON, as `rulebook --format json` prints it.
///
/// # Errors
/// Only if the rulebook cannot be written as JSON.
pub fn rulebook_json(rb: &Rulebook) -> Result<String, Error> {
    report::render(rb, Format::Json)
}

/// Reads a mission sent in a request.
///
/// # Errors
/// [`Refusal::TooLarge`] over the limit, [`Refusal::Invalid`] with every
/// located problem.
pub fn mission(text: &str, syntax: Syntax, rb: &Rulebook) -> Result<Mission, Refusal> {
    match syntax {
        Syntax::Toml => Mission::from_toml(text, INPUT_NAME, rb),
        Syntax::Json => Mission::from_json(text, INPUT_NAME, rb),
    }
    .map_err(refusal)
}

/// The mission as JSON, the document the page edits.
pub fn mission_json(m: &Mission) -> Rendered {
    m.to_json().map_err(|e| e.to_string())
}

/// The mission as TOML: loads back to an equal mission.
///
/// # Errors
/// Only if TOML cannot hold the data (not expected for a checked mission).
pub fn mission_toml(m: &Mission) -> Result<String, String> {
    m.to_toml().map_err(|e| e.to_string())
}

/// The assessment with what to fix first (the start of the plan) as JSON,
/// as `assess --format json` prints it.
pub fn assess_json(m: &Mission) -> Rendered {
    report_as(m, Format::Json)
}

/// What the page shows: `{"assessment": ..., "words": ...}`, the assessment
/// as [`assess_json`] writes it and the sentences the reports give for it
/// (see [`super::words`]), from one assessment.
pub fn panel_json(m: &Mission) -> Rendered {
    #[derive(serde::Serialize)]
    struct Panel<'a> {
        assessment: &'a crate::analysis::Briefing,
        words: super::words::Words,
    }
    let b = brief(m);
    let panel = Panel {
        words: super::words::of(&b),
        assessment: &b,
    };
    serde_json::to_string(&panel).map_err(|e| e.to_string())
}

/// The cheapest plan to target as JSON, as `plan --format json` prints it.
pub fn plan_json(m: &Mission) -> Rendered {
    report::render(&plan(m), Format::Json).map_err(|e| e.to_string())
}

/// Weight robustness as JSON with the command line's default options, as
/// `robustness --format json` prints it.
pub fn robustness_json(m: &Mission) -> Rendered {
    let r = robustness(m, RobustnessOptions::default());
    report::render(&r, Format::Json).map_err(|e| e.to_string())
}

/// The report of the assessment, with fix first from the plan, in
/// `format`: the self-contained HTML page, the Markdown document, or JSON
/// (as [`assess_json`]).
pub fn report_as(m: &Mission, format: Format) -> Rendered {
    report::render(&brief(m), format).map_err(|e| e.to_string())
}

/// The most missions one panel request may carry.
pub const MAX_ASSESSORS: usize = 64;

/// The longest `file` name a panel request may give a mission, in
/// characters: every problem found in the file names it.
pub const MAX_FILE_NAME: usize = 255;

/// A panel of assessors from `{"missions": [{"file": "a.toml", "text":
/// "..."}, ...]}`: `{"panel": ..., "settled": ...}`, the panel as
/// `panel --format json` prints it and the mission at the panel's medians
/// (the document the page edits). `gone` is looked at between missions.
///
/// # Errors
/// `Some` refusal with every problem of every file, each naming its file;
/// `None` when the request has gone.
pub fn assessors(
    body: &str,
    rb: &Rulebook,
    gone: &dyn Fn() -> bool,
) -> Result<String, Option<Refusal>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Request {
        missions: Vec<One>,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct One {
        file: String,
        text: String,
    }
    let shape = |message: String| Some(Refusal::Invalid(vec![Located::whole(message)]));
    let request: Request = serde_json::from_str(body).map_err(|e| {
        shape(format!(
            "expected {{\"missions\": [{{\"file\": \"a.toml\", \"text\": \"...\"}}, ...]}}: {e}"
        ))
    })?;
    if request.missions.len() < 2 || request.missions.len() > MAX_ASSESSORS {
        return Err(shape(format!(
            "a panel takes from 2 to {MAX_ASSESSORS} missions, one per assessor; {} given",
            request.missions.len()
        )));
    }
    if let Some(long) = request
        .missions
        .iter()
        .find(|m| m.file.chars().count() > MAX_FILE_NAME)
    {
        return Err(shape(format!(
            "a file name of {} characters; a file name may have at most {MAX_FILE_NAME}",
            long.file.chars().count()
        )));
    }
    let mut missions = Vec::with_capacity(request.missions.len());
    let mut problems = Vec::new();
    for one in &request.missions {
        if gone() {
            return Err(None);
        }
        let loaded = if one.file.to_ascii_lowercase().ends_with(".json") {
            Mission::from_json(&one.text, &one.file, rb)
        } else {
            Mission::from_toml(&one.text, &one.file, rb)
        };
        match loaded {
            Ok(m) => missions.push(m),
            Err(e) => match refusal(e) {
                Refusal::Invalid(found) => problems.extend(found.into_iter().map(|mut p| {
                    p.file = Some(one.file.clone());
                    p
                })),
                Refusal::TooLarge => return Err(Some(Refusal::TooLarge)),
            },
        }
    }
    if !problems.is_empty() {
        return Err(Some(Refusal::Invalid(problems)));
    }
    if gone() {
        return Err(None);
    }
    let panel = crate::analysis::panel(&missions).map_err(|e| Some(refusal(e)))?;
    let settled = panel
        .settled()
        .to_json()
        .map_err(|e| shape(e.to_string()))?;
    let settled: serde_json::Value =
        serde_json::from_str(&settled).map_err(|e| shape(e.to_string()))?;
    let panel: serde_json::Value = report::render(&panel, Format::Json)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        .map_err(shape)?;
    Ok(serde_json::json!({ "panel": panel, "settled": settled }).to_string())
}
