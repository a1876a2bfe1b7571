//! Loading rulebooks and missions from TOML (and JSON) text, with every
//! problem located by file, line:column and TOML path.
//!
//! Loading runs in two passes. The first reads the shape of the file with
//! serde (types, required keys, unknown keys); when an item is malformed it
//! is set aside and the rest of the file is read on, so that one run reports
//! the shape problems of every item. When the shape is right, the second
//! pass checks meaning (ids, references, numbers) and reports all of those.
//!
//! - `read`: files and standard input, within [`MAX_INPUT_BYTES`];
//! - `shape`: the first pass, over a document's tree (from TOML, or from
//!   JSON through `json`);
//! - `limits`: the per-mission limits ([`MAX_ENTITIES`], [`MAX_SOURCES`]);
//! - `control`: control characters in keys and texts, located;
//! - `locate`: line:column and TOML path of a problem;
//! - `messages`: serde's messages reworded;
//! - `json`: JSON text read into the tree the shape pass reads.

mod control;
#[cfg(feature = "json")]
mod json;
mod limits;
mod locate;
mod messages;
mod read;
mod shape;

pub use read::{MAX_ENTITIES, MAX_INPUT_BYTES, MAX_SOURCES, STDIN_NAME, read_limited};

#[cfg(feature = "files")]
use std::path::Path;

use toml::Spanned;
use toml::de::DeTable;

use crate::error::{Diagnostic, Diagnostics, Error, MAX_PROBLEMS, Problem};
use crate::mission::{Mission, Waivers};
use crate::model::{MissionData, RulebookData};
use crate::rulebook::Rulebook;
use locate::{Locator, locate_all, span_of};
#[cfg(all(feature = "files", feature = "json"))]
use read::is_json;
#[cfg(feature = "files")]
use read::read;
#[cfg(feature = "json")]
use shape::shape_of;
use shape::{MISSION_SHAPE, RULEBOOK_SHAPE, Shaped, parse};

impl Rulebook {
    /// Reads and checks a rulebook from TOML text. `file` names the text in
    /// messages.
    ///
    /// ```
    /// use integration_readiness::Rulebook;
    /// let text = Rulebook::oslo_2007_text();
    /// let rb = Rulebook::from_toml(text, "oslo-2007.toml")?;
    /// assert!(rb.factors().len() >= 35);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::TooLarge`] over [`MAX_INPUT_BYTES`]; [`Error::Invalid`] with
    /// every problem found, located.
    pub fn from_toml(text: &str, file: &str) -> Result<Rulebook, Error> {
        // A rulebook's items refer to each other (gates and rules name
        // factors and levels), so its meaning is checked only once its shape
        // is right: checking the rest without a malformed factor would
        // report references to it as dangling.
        rulebook_from(parse(text, file, &RULEBOOK_SHAPE)?, text, file)
    }

    /// Reads and checks a rulebook file (feature `files`): a path of `-`
    /// reads standard input, named `<stdin>` in messages. The file is read
    /// as JSON when its name ends in `.json` (or, without a `.toml` name,
    /// when its text starts with `{`), and with feature `json`; otherwise as
    /// TOML. At most [`MAX_INPUT_BYTES`] are read, from any source (see
    /// [`read_limited`]).
    ///
    /// # Errors
    /// As [`Rulebook::from_toml`]; [`Error::Io`] when the file cannot be
    /// read; [`Error::TooLarge`] when it goes on past [`MAX_INPUT_BYTES`].
    #[cfg(feature = "files")]
    pub fn from_path(path: impl AsRef<Path>) -> Result<Rulebook, Error> {
        let path = path.as_ref();
        let (text, name) = read(path)?;
        #[cfg(feature = "json")]
        if is_json(path, &text) {
            return Rulebook::from_json(&text, &name);
        }
        Rulebook::from_toml(&text, &name)
    }

    /// Writes the rulebook as TOML; [`Rulebook::from_toml`] reads it back to
    /// an equal rulebook.
    ///
    /// # Errors
    /// Only if the data cannot be written as TOML (not expected for a
    /// checked rulebook).
    pub fn to_toml(&self) -> Result<String, Error> {
        toml::to_string_pretty(self.data()).map_err(|e| Error::Write {
            format: "toml",
            reason: e.to_string(),
        })
    }
}

impl Mission {
    /// Reads a mission from TOML text and checks it against `rulebook`.
    ///
    /// ```
    /// use integration_readiness::{Mission, Rulebook};
    /// let rb = Rulebook::oslo_2007();
    /// let m = Mission::from_toml(r#"
    ///     [mission]
    ///     name = "Example"
    ///     [context]
    ///     mandate = "multidimensional"
    ///     [evidence.senior-leadership-cohesion]
    ///     rating = "partial"
    /// "#, "example.toml", &rb)?;
    /// assert_eq!(m.name(), "Example");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::TooLarge`] over [`MAX_INPUT_BYTES`]; [`Error::Invalid`] with
    /// every problem found, located.
    pub fn from_toml(text: &str, file: &str, rulebook: &Rulebook) -> Result<Mission, Error> {
        mission_from(parse(text, file, &MISSION_SHAPE)?, text, file, rulebook)
    }

    /// Reads a mission file and checks it against `rulebook` (feature
    /// `toml`). A path of `-` reads standard input; JSON is read as in
    /// [`Rulebook::from_path`].
    ///
    /// # Errors
    /// As [`Mission::from_toml`]; [`Error::Io`] when the file cannot be
    /// read; [`Error::TooLarge`] when it goes on past [`MAX_INPUT_BYTES`].
    #[cfg(feature = "files")]
    pub fn from_path(path: impl AsRef<Path>, rulebook: &Rulebook) -> Result<Mission, Error> {
        let path = path.as_ref();
        let (text, name) = read(path)?;
        #[cfg(feature = "json")]
        if is_json(path, &text) {
            return Mission::from_json(&text, &name, rulebook);
        }
        Mission::from_toml(&text, &name, rulebook)
    }

    /// Writes the mission as TOML; [`Mission::from_toml`] reads it back to an
    /// equal mission.
    ///
    /// # Errors
    /// Only if the data cannot be written as TOML (not expected).
    pub fn to_toml(&self) -> Result<String, Error> {
        toml::to_string_pretty(self.data()).map_err(|e| Error::Write {
            format: "toml",
            reason: e.to_string(),
        })
    }
}

#[cfg(feature = "json")]
impl Rulebook {
    /// Reads and checks a rulebook from JSON text (the same document as
    /// the TOML form).
    ///
    /// # Errors
    /// As [`Rulebook::from_toml`]: every problem, located by line and
    /// column and with its path, in file order.
    pub fn from_json(text: &str, file: &str) -> Result<Rulebook, Error> {
        let tree = json::tree(text, file)?;
        rulebook_from(shape_of(tree, text, file, &RULEBOOK_SHAPE)?, text, file)
    }

    /// Writes the rulebook as JSON.
    ///
    /// # Errors
    /// [`Error::Write`] if the data cannot be written (not expected).
    pub fn to_json(&self) -> Result<String, Error> {
        crate::json::to_text(self.data())
    }
}

#[cfg(feature = "json")]
impl Mission {
    /// Reads a mission from JSON text and checks it against `rulebook`.
    ///
    /// # Errors
    /// As [`Mission::from_toml`]: every problem of shape and of meaning,
    /// located by line and column and with its path, in file order.
    pub fn from_json(text: &str, file: &str, rulebook: &Rulebook) -> Result<Mission, Error> {
        let tree = json::tree(text, file)?;
        mission_from(
            shape_of(tree, text, file, &MISSION_SHAPE)?,
            text,
            file,
            rulebook,
        )
    }

    /// Writes the mission as JSON.
    ///
    /// # Errors
    /// [`Error::Write`] if the data cannot be written (not expected).
    pub fn to_json(&self) -> Result<String, Error> {
        crate::json::to_text(self.data())
    }
}

/// A rulebook from its shape: its meaning checked when every item is well
/// formed (a rulebook's items refer to each other), or the shape problems.
fn rulebook_from(
    parsed: (Shaped<RulebookData>, Spanned<DeTable<'_>>),
    text: &str,
    file: &str,
) -> Result<Rulebook, Error> {
    match parsed {
        (Shaped::Whole(data), tree) => Rulebook::check(data).map_err(|found| {
            let diags = locate_all(found.problems, text, file, &tree);
            invalid_counting(diags, found.omitted)
        }),
        (Shaped::Partial(pending, _, _), tree) => {
            let locator = Locator::new(text, file, &tree);
            Err(listed(pending, 0, |p| p.located(&locator, None)))
        }
    }
}

/// A mission from its shape, checked against `rulebook`: the problems of
/// shape and the meaning of every item that could be read, together.
fn mission_from(
    parsed: (Shaped<MissionData>, Spanned<DeTable<'_>>),
    text: &str,
    file: &str,
    rulebook: &Rulebook,
) -> Result<Mission, Error> {
    // A mission's items are independent, so when some are malformed the
    // meaning of the rest is checked too: one run reports everything.
    match parsed {
        (Shaped::Whole(data), tree) => {
            Mission::check(data, rulebook, Waivers::MustSayWhy).map_err(|found| {
                let diags = locate_all(found.problems, text, file, &tree);
                invalid_counting(diags, found.omitted)
            })
        }
        (Shaped::Partial(mut pending, rest, aside), tree) => {
            let locator = Locator::new(text, file, &tree);
            // An item set aside for a malformed value may also have a
            // key the rulebook does not know: both are reported.
            for (table, key) in &aside.entries {
                if crate::mission::knows_key(rulebook, table, key) {
                    continue;
                }
                let path = crate::error::DocPath::root().key(table).key(key);
                let (line, column) = span_of(&tree, &path)
                    .map(|s| locator.lines.line_col(s.start))
                    .unwrap_or((0, 0));
                pending.push(Pending::Unknown {
                    line,
                    column,
                    table: table.clone(),
                    key: key.clone(),
                });
            }
            let mut omitted = 0;
            if let Some(Err(found)) =
                rest.map(|data| Mission::check(data, rulebook, Waivers::MustSayWhy))
            {
                omitted = found.omitted;
                // Paths into what was left point back into the file.
                let problems = found
                    .problems
                    .into_iter()
                    .map(|mut p| {
                        p.path = aside.original_path(&p.path);
                        p
                    })
                    .collect();
                pending.extend(
                    locate_all(problems, text, file, &tree)
                        .into_iter()
                        .map(Pending::Done),
                );
            }
            Err(listed(pending, omitted, |p| {
                p.located(&locator, Some(rulebook))
            }))
        }
    }
}

/// A problem found in a file, placed (its line and column known, so that
/// it can be put in file order) but located and worded only if it is among
/// those listed: past the first [`MAX_PROBLEMS`], problems are only counted,
/// however many there are.
enum Pending {
    /// Located and worded.
    Done(Diagnostic),
    /// A serde error, to be located and reworded.
    Serde {
        line: usize,
        column: usize,
        error: toml::de::Error,
    },
    /// A key that its table's type does not know, found with the others
    /// of its table, to be worded.
    Key {
        line: usize,
        column: usize,
        key: shape::Unknown,
    },
    /// An entry of a mission's `table` of entries (`evidence`, `effort`,
    /// `context`) that the rulebook does not know.
    Unknown {
        line: usize,
        column: usize,
        table: String,
        key: String,
    },
}

impl Pending {
    /// Where it is, as problems are put in file order: those without a
    /// position last.
    fn place(&self) -> (bool, usize, usize) {
        let (line, column) = match self {
            Pending::Done(d) => (d.line, d.column),
            Pending::Serde { line, column, .. }
            | Pending::Key { line, column, .. }
            | Pending::Unknown { line, column, .. } => (*line, *column),
        };
        (line == 0, line, column)
    }

    /// The problem located and worded.
    fn located(self, locator: &Locator<'_, '_>, rulebook: Option<&Rulebook>) -> Diagnostic {
        match self {
            Pending::Done(d) => d,
            Pending::Serde { error, .. } => locator.toml_error(&error),
            Pending::Key { line, column, key } => Diagnostic {
                file: locator.file.to_owned(),
                line,
                column,
                problem: messages::serde_problem(key.path.clone(), &key.message()),
            },
            Pending::Unknown {
                line,
                column,
                table,
                key,
            } => Diagnostic {
                file: locator.file.to_owned(),
                line,
                column,
                problem: match rulebook {
                    Some(rb) => crate::mission::unknown_key(rb, &table, &key),
                    None => Problem::new(
                        crate::error::DocPath::root().key(table).key(key.as_str()),
                        format!("unknown key `{}`", crate::error::shown(&key)),
                    ),
                },
            },
        }
    }

    /// Whether it is the same problem as `d` (located only when at the
    /// same place).
    fn is(&self, d: &Diagnostic, locator: &Locator<'_, '_>) -> bool {
        match self {
            Pending::Done(x) => x == d,
            Pending::Serde {
                line,
                column,
                error,
            } => (*line, *column) == (d.line, d.column) && &locator.toml_error(error) == d,
            Pending::Key { .. } | Pending::Unknown { .. } => false,
        }
    }
}

/// The error for the problems found in a file: in file order, the first
/// [`MAX_PROBLEMS`] located and worded, the rest and `omitted` more only
/// counted.
fn listed(
    mut pending: Vec<Pending>,
    omitted: usize,
    locate: impl FnMut(Pending) -> Diagnostic,
) -> Error {
    // A stable sort: problems at one place keep the order they were found in.
    pending.sort_by_key(Pending::place);
    let counted = pending.len().saturating_sub(MAX_PROBLEMS);
    pending.truncate(MAX_PROBLEMS);
    let diags = pending.into_iter().map(locate).collect();
    invalid_counting(diags, omitted + counted)
}

/// The error for a list of diagnostics: in file order, the first
/// [`MAX_PROBLEMS`](crate::error::MAX_PROBLEMS) listed and the rest counted.
pub(super) fn invalid(diags: Vec<Diagnostic>) -> Error {
    invalid_counting(diags, 0)
}

/// As [`invalid`], with `omitted` more problems found and only counted.
fn invalid_counting(diags: Vec<Diagnostic>, omitted: usize) -> Error {
    Error::Invalid(Diagnostics::in_file_order(diags, omitted))
}
