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
//! - `locate`: line:column and TOML path of a problem;
//! - `messages`: serde's messages reworded;
//! - `json`: JSON text read into the tree the shape pass reads.

#[cfg(feature = "json")]
mod json;
mod locate;
mod messages;
mod read;
mod shape;

pub use read::{MAX_INPUT_BYTES, STDIN_NAME, read_limited};

#[cfg(feature = "toml")]
use std::path::Path;

use toml::Spanned;
use toml::de::DeTable;

use crate::error::{Diagnostic, Diagnostics, Error, Problem};
use crate::mission::{Mission, Waivers};
use crate::model::{MissionData, RulebookData};
use crate::rulebook::Rulebook;
use locate::locate_all;
#[cfg(all(feature = "toml", feature = "json"))]
use read::is_json;
#[cfg(feature = "toml")]
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

    /// Reads and checks a rulebook file (feature `toml`): a path of `-`
    /// reads standard input, named `<stdin>` in messages. The file is read
    /// as JSON when its name ends in `.json` (or, without a `.toml` name,
    /// when its text starts with `{`), and with feature `json`; otherwise as
    /// TOML. At most [`MAX_INPUT_BYTES`] are read, from any source (see
    /// [`read_limited`]).
    ///
    /// # Errors
    /// As [`Rulebook::from_toml`]; [`Error::Io`] when the file cannot be
    /// read; [`Error::TooLarge`] when it goes on past [`MAX_INPUT_BYTES`].
    #[cfg(feature = "toml")]
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
    #[cfg(feature = "toml")]
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
        (Shaped::Partial(diags, _, _), _) => Err(invalid(diags)),
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
        (Shaped::Partial(mut diags, rest, aside), tree) => {
            // An item set aside for a malformed value may also have a
            // key the rulebook does not know: both are reported.
            let unknown: Vec<Problem> = aside
                .entries
                .iter()
                .filter(|(table, key)| !crate::mission::knows_key(rulebook, table, key))
                .map(|(table, key)| crate::mission::unknown_key(rulebook, table, key))
                .collect();
            diags.extend(locate_all(unknown, text, file, &tree));
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
                diags.extend(locate_all(problems, text, file, &tree));
            }
            Err(invalid_counting(diags, omitted))
        }
    }
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
