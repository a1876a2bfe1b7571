//! Errors: every problem in a file, each with where it is and what is allowed.

use std::fmt;

/// One step of a path into a TOML or JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PathSegment {
    /// A table key.
    Key(String),
    /// An array index, from 0. Shown counting from 1, as people count:
    /// `entity[1]` is the first `[[entity]]` of a file.
    Index(usize),
}

/// A path into a document, such as `evidence.senior-leadership-cohesion.rating`
/// or `factor[3].weights.strategic` (the third `[[factor]]`: shown indices
/// count from 1).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct DocPath(pub(crate) Vec<PathSegment>);

impl DocPath {
    /// The empty path (the document itself).
    pub fn root() -> Self {
        DocPath(Vec::new())
    }

    /// This path followed by a key.
    pub fn key(&self, key: impl Into<String>) -> Self {
        let mut p = self.clone();
        p.0.push(PathSegment::Key(key.into()));
        p
    }

    /// This path followed by an array index.
    pub fn index(&self, i: usize) -> Self {
        let mut p = self.clone();
        p.0.push(PathSegment::Index(i));
        p
    }
}

impl DocPath {
    /// The path as a person reads it in a message: an element of a
    /// top-level array of tables is named by its place, counted from 1, and
    /// its table header (`the 2nd [[entity]], role`; `the 1st [[factor]]`);
    /// any other path as [`Display`](fmt::Display) shows it. The
    /// `Display` form (`entity[2].role`) is the one for programs.
    ///
    /// ```
    /// use integration_readiness::DocPath;
    /// let p = DocPath::root().key("entity").index(1).key("role");
    /// assert_eq!(p.in_words(), "the 2nd [[entity]], role");
    /// assert_eq!(p.to_string(), "entity[2].role");
    /// assert_eq!(DocPath::root().key("factor").index(10).in_words(), "the 11th [[factor]]");
    /// ```
    pub fn in_words(&self) -> String {
        match self.0.as_slice() {
            [PathSegment::Key(table), PathSegment::Index(i), rest @ ..]
                if table == "entity" || RULEBOOK_ARRAYS.contains(&table.as_str()) =>
            {
                let item = format!("the {} [[{}]]", ordinal(i + 1), shown(table));
                if rest.is_empty() {
                    item
                } else {
                    format!("{item}, {}", DocPath(rest.to_vec()))
                }
            }
            _ => self.to_string(),
        }
    }
}

/// The top-level arrays of tables of rulebook files (`[[factor]]`, ...);
/// with the mission's `[[entity]]`, their elements are named by their place
/// in messages.
pub(crate) const RULEBOOK_ARRAYS: &[&str] = &[
    "level",
    "dimension",
    "theme",
    "role",
    "context",
    "factor",
    "gate",
    "rule",
];

/// A count from 1 as people say it: `1st`, `2nd`, `3rd`, `4th`, `11th`,
/// `12th`, `13th`, `21st`, `22nd`, `111th`.
pub(crate) fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

impl fmt::Display for DocPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(document)");
        }
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSegment::Key(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    let bare = !k.is_empty()
                        && k.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                    if bare && k.len() <= 60 {
                        f.write_str(k)?;
                    } else {
                        // Quoted, with escapes for quotes and control characters.
                        write!(f, "{:?}", cut(k))?;
                    }
                }
                // Counted from 1, as people count: `entity[1]` is the first.
                PathSegment::Index(n) => write!(f, "[{}]", n + 1)?,
            }
        }
        Ok(())
    }
}

/// One problem found in a document, before it is located in a file.
/// Shown as its message, with what is allowed and the nearest known id
/// (`unknown word `hgh`; expected one of ...; did you mean `high`?`),
/// without its path: [`Diagnostic`] shows it with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Problem {
    /// Where in the document.
    pub path: DocPath,
    /// What is wrong, lowercase, without trailing punctuation.
    pub message: String,
    /// What is allowed instead, when that can be said.
    pub allowed: Option<String>,
    /// The nearest known id, for an unknown one.
    pub suggestion: Option<String>,
}

impl Problem {
    /// A problem at `path` with a message.
    pub fn new(path: DocPath, message: impl Into<String>) -> Self {
        Problem {
            path,
            message: clip(message.into()),
            allowed: None,
            suggestion: None,
        }
    }

    /// Adds what is allowed.
    pub fn allowed(mut self, allowed: impl Into<String>) -> Self {
        self.allowed = Some(clip(allowed.into()));
        self
    }

    /// Adds the nearest known id among `known`, if one is close enough.
    pub fn suggest<'a>(mut self, unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Self {
        self.suggestion = nearest(unknown, known).map(str::to_owned);
        self
    }
}

/// The known id nearest to `unknown`, when it is close enough to be a typo.
/// Words longer than [`MAX_SUGGEST_LEN`] get no suggestion: no id is that
/// long, and comparing them would take time for nothing.
pub(crate) fn nearest<'a>(
    unknown: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if unknown.len() > MAX_SUGGEST_LEN {
        return None;
    }
    let mut best: Option<(f64, &str)> = None;
    for k in known {
        let sim = strsim::normalized_damerau_levenshtein(unknown, k)
            .max(strsim::jaro_winkler(unknown, k) - 0.1);
        let prefix = !unknown.is_empty() && (k.starts_with(unknown) || unknown.starts_with(k));
        let score = if prefix { sim.max(0.8) } else { sim };
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, k));
        }
    }
    best.filter(|(s, _)| *s >= 0.65).map(|(_, k)| k)
}

/// The longest message or `allowed` text kept, in bytes: a message quoting
/// a huge value is cut rather than repeated whole.
const MAX_MESSAGE: usize = 1000;

fn clip(s: String) -> String {
    if s.len() <= MAX_MESSAGE {
        return s;
    }
    let mut end = MAX_MESSAGE - 40;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}... ({} bytes in all)", &s[..end], s.len())
}

/// The longest word, in bytes, for which a nearest known id is looked for.
pub(crate) const MAX_SUGGEST_LEN: usize = 100;

/// A word as shown in a message: cut to 60 characters with an ellipsis, so
/// that a huge value does not make a huge message, and with any control
/// character written as an escape (`\u{0}`), so that none reaches a
/// terminal or a page.
pub(crate) fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_control) {
        let escaped: String = s
            .chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect();
        return std::borrow::Cow::Owned(cut(&escaped).into_owned());
    }
    cut(s)
}

/// A word cut to 60 characters with an ellipsis.
fn cut(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().count() <= 60 {
        std::borrow::Cow::Borrowed(s)
    } else {
        let cut: String = s.chars().take(57).collect();
        std::borrow::Cow::Owned(format!("{cut}... ({} bytes)", s.len()))
    }
}

/// A problem located in a file: file, line, column, TOML path, message.
/// Shown as `file:line:column: path: message`, the path in words
/// ([`DocPath::in_words`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The file name (or `<text>` for text without a file).
    pub file: String,
    /// Line, from 1; 0 when the position is not known.
    pub line: usize,
    /// Column in characters, from 1; 0 when the position is not known.
    pub column: usize,
    /// The problem.
    pub problem: Problem,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(allowed) = &self.allowed {
            write!(f, "; expected {allowed}")?;
        }
        if let Some(s) = &self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

/// "and 1 more problem", "and 12 more problems".
fn more_problems(count: usize) -> String {
    if count == 1 {
        "and 1 more problem".to_owned()
    } else {
        format!("and {count} more problems")
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        write!(f, ": {}: {}", self.problem.path.in_words(), self.problem)
    }
}

/// Every problem found in one file: the first [`MAX_PROBLEMS`] in file
/// order, and how many more there were. Shown one problem a line, then a
/// line that counts the rest ("and 12 more problems").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    omitted: usize,
}

impl Diagnostics {
    /// The problems in file order, problems without a position last; the
    /// first [`MAX_PROBLEMS`] kept and the rest counted, with `omitted`
    /// more that were only counted where they were found.
    pub(crate) fn in_file_order(mut items: Vec<Diagnostic>, omitted: usize) -> Diagnostics {
        // A stable sort: problems at one place keep the order they were found in.
        items.sort_by_key(|d| (d.line == 0, d.line, d.column));
        let mut omitted = omitted;
        if items.len() > MAX_PROBLEMS {
            omitted += items.len() - MAX_PROBLEMS;
            items.truncate(MAX_PROBLEMS);
        }
        Diagnostics { items, omitted }
    }

    /// The problems listed, in file order (at most [`MAX_PROBLEMS`]).
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// The problems listed, in file order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    /// How many problems were found past those listed, and only counted.
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// The line that counts the problems past those listed, as shown
    /// after them ("and 12 more problems"), when there are any.
    pub fn omitted_in_words(&self) -> Option<String> {
        (self.omitted > 0).then(|| more_problems(self.omitted))
    }

    /// How many problems are listed (not counting [`omitted`](Self::omitted)).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether no problem is listed.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.items.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{d}")?;
        }
        if let Some(more) = self.omitted_in_words() {
            if !self.items.is_empty() {
                f.write_str("\n")?;
            }
            f.write_str(&more)?;
        }
        Ok(())
    }
}

/// A word that is not one of an enum's words, such as `"hgh"` read as a
/// [`Rating`](crate::Rating).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{word}`; expected {allowed}")]
pub struct ParseWordError {
    what: &'static str,
    word: String,
    allowed: String,
}

impl ParseWordError {
    /// A word that is not one of `allowed`, for a thing called `what`.
    pub(crate) fn new<I, S>(what: &'static str, word: &str, allowed: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: fmt::Display,
    {
        ParseWordError {
            what,
            word: shown(word).into_owned(),
            allowed: one_of(allowed),
        }
    }

    /// The word that was given (cut when very long).
    pub fn word(&self) -> &str {
        &self.word
    }
}

/// The one error of this crate: why a rulebook or mission could not be
/// loaded or built, a word could not be read, or a result could not be
/// written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be read. The operating system's reason is the
    /// [`source`](std::error::Error::source), not part of this error's
    /// message: print the chain of sources to show it.
    #[error("{file}: cannot read")]
    Io {
        /// The file name.
        file: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The text, file or stream is larger than the limit,
    /// [`crate::MAX_INPUT_BYTES`].
    #[error("{}", too_large(file, *len, *limit))]
    TooLarge {
        /// The file name (`<stdin>` for standard input).
        file: String,
        /// Its size in bytes, when known: text given whole has one. A file
        /// or stream is read no further than one byte past the limit, so
        /// its full size is not known (`None`).
        len: Option<usize>,
        /// The limit.
        limit: usize,
    },
    /// The document has problems; all of them are listed.
    #[error("{0}")]
    Invalid(Diagnostics),
    /// A word is not one of those allowed.
    #[error(transparent)]
    Word(#[from] ParseWordError),
    /// A mission, or a result made from one, was checked against another
    /// rulebook than the one asked for. Nothing is scored: refit the
    /// mission first ([`crate::Mission::refit`]) or load it against the
    /// rulebook wanted.
    #[error(
        "mission `{mission}` was checked against rulebook {found}, not {expected}: refit it to {expected} first, or load it against {expected}"
    )]
    RulebookMismatch {
        /// The mission's name.
        mission: String,
        /// The rulebook asked for: its id and version.
        expected: String,
        /// The rulebook the mission carries: its id and version.
        found: String,
    },
    /// A vector of ratings whose length does not fit the rulebook: one
    /// rating per factor is needed (for a sweep, a whole number of such
    /// vectors).
    #[error(
        "{found} ratings given; rulebook {rulebook} has {expected} factors: give one rating per factor, in the rulebook's order (for a sweep, a whole number of such vectors)"
    )]
    RatingCount {
        /// The rulebook: its id and version.
        rulebook: String,
        /// Its number of factors.
        expected: usize,
        /// The number of ratings given.
        found: usize,
    },
    /// A result could not be written as JSON or TOML.
    #[error("cannot write {format}: {reason}")]
    Write {
        /// `json` or `toml`.
        format: &'static str,
        /// The serializer's reason.
        reason: String,
    },
    /// A result was asked for in a format it does not have, or that this
    /// build leaves out (its feature off); the formats it has are listed.
    #[error("{result} has no {format} output; it has {available}")]
    FormatUnavailable {
        /// What the result is, such as `a comparison`.
        result: &'static str,
        /// The format asked for, such as `html`.
        format: &'static str,
        /// The formats the result has, such as `text, markdown, json, csv`.
        available: String,
    },
    /// The path names a named pipe, a socket or a device, not a regular
    /// file: refused before it is opened (opening a named pipe waits for a
    /// writer; reading a device may never end). Standard input is read
    /// with a path of `-`.
    #[error(
        "{file}: this is {kind}, not a regular file; expected a regular file, or `-` for standard input"
    )]
    NotAFile {
        /// The file name.
        file: String,
        /// What it is: `a named pipe`, `a socket` or `a device`.
        kind: &'static str,
    },
}

/// The message of [`Error::TooLarge`]: the size when known, or that it
/// is more than the limit.
fn too_large(file: &str, len: Option<usize>, limit: usize) -> String {
    match len {
        Some(len) => format!("{file}: {len} bytes is over the limit of {limit} bytes for one file"),
        None => format!("{file}: more than {limit} bytes; the limit for one file is {limit} bytes"),
    }
}

impl Error {
    /// The error for problems found in data built in memory (no file, no
    /// line): every problem is kept, named after `what` (`<mission>`,
    /// `<rulebook>`, `<scenario>`).
    pub(crate) fn unlocated(what: &str, found: impl Into<Found>) -> Error {
        let found = found.into();
        Error::Invalid(Diagnostics::in_file_order(
            found
                .problems
                .into_iter()
                .map(|problem| Diagnostic {
                    file: what.to_owned(),
                    line: 0,
                    column: 0,
                    problem,
                })
                .collect(),
            found.omitted,
        ))
    }

    /// The same error with its problems that have no position (found in
    /// data built in memory, such as a scenario) named after `place`
    /// instead, for instance `"command line"` for a scenario typed there.
    ///
    /// ```
    /// use integration_readiness::analysis::{apply, Scenario};
    /// use integration_readiness::{Mission, Rating, Rulebook};
    /// let rb = Rulebook::oslo_2007();
    /// let m = Mission::builder(&rb).name("M").build()?;
    /// let e = apply(&m, &Scenario::rate("no-such-factor", Rating::High)).unwrap_err();
    /// assert!(e.placed("command line").to_string().starts_with("command line: "));
    /// # Ok::<(), integration_readiness::Error>(())
    /// ```
    pub fn placed(self, place: &str) -> Error {
        match self {
            Error::Invalid(Diagnostics { items, omitted }) => Error::Invalid(Diagnostics {
                items: items
                    .into_iter()
                    .map(|d| {
                        if d.line == 0 {
                            Diagnostic {
                                file: place.to_owned(),
                                ..d
                            }
                        } else {
                            d
                        }
                    })
                    .collect(),
                omitted,
            }),
            other => other,
        }
    }

    /// The problems listed (see [`Diagnostics`]), each with its path into
    /// the document, when the error is about content.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.diagnostics().iter().map(|d| &d.problem)
    }
}

impl Error {
    /// The located problems listed, when the error is about content;
    /// those only counted are in [`Diagnostics::omitted`].
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Invalid(d) => d.items(),
            _ => &[],
        }
    }
}

/// Lists words as `a, b or c` for messages.
pub(crate) fn one_of<I, S>(items: I) -> String
where
    I: IntoIterator<Item = S>,
    S: fmt::Display,
{
    let v: Vec<String> = items
        .into_iter()
        .map(|s| shown(&s.to_string()).into_owned())
        .collect();
    match v.len() {
        0 => "nothing".to_owned(),
        1 => v[0].clone(),
        _ => format!("one of {}", v.join(", ")),
    }
}

/// A number for messages: plain when of ordinary size, in exponent form
/// when very large or very small (`1e300`, not 301 digits).
pub(crate) fn num(x: f64) -> String {
    if x.is_finite() && x != 0.0 && !(1e-3..1e6).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// The most problems listed for one document: the first ones in the file,
/// followed by one line that counts the rest ("and 12 more problems").
pub const MAX_PROBLEMS: usize = 200;

/// The most problems of meaning collected from one document before the
/// rest are only counted: enough that the first [`MAX_PROBLEMS`] in file
/// order are among them for any file a person writes, few enough that a
/// huge broken file takes little time and memory to describe.
const MAX_COLLECTED: usize = 10_000;

/// Collects problems up to [`MAX_COLLECTED`], counting the rest.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    problems: Vec<Problem>,
    dropped: usize,
}

impl Collector {
    /// Adds a problem, built only when there is room for it.
    pub(crate) fn add(&mut self, build: impl FnOnce() -> Problem) {
        if self.problems.len() < MAX_COLLECTED {
            self.problems.push(build());
        } else {
            self.dropped += 1;
        }
    }

    /// Whether nothing was found.
    pub(crate) fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    /// The problems kept, and how many more were found.
    pub(crate) fn finish(self) -> Found {
        Found {
            problems: self.problems,
            omitted: self.dropped,
        }
    }
}

/// The problems found in data, before they are located: those kept, and
/// how many more were only counted.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub(crate) problems: Vec<Problem>,
    pub(crate) omitted: usize,
}

impl Found {
    /// Adds problems found elsewhere.
    pub(crate) fn extend(&mut self, more: impl IntoIterator<Item = Problem>) {
        self.problems.extend(more);
    }
}

impl From<Vec<Problem>> for Found {
    fn from(problems: Vec<Problem>) -> Found {
        Found {
            problems,
            omitted: 0,
        }
    }
}

/// `allowed` text for a list of ids: all of them when few, a count and
/// the first few when many.
pub(crate) fn one_of_ids<'a>(what: &str, ids: impl ExactSizeIterator<Item = &'a str>) -> String {
    let n = ids.len();
    if n <= 20 {
        one_of(ids)
    } else {
        let first: Vec<&str> = ids.take(5).collect();
        format!("one of the {n} {what} ids ({}, ...)", first.join(", "))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ordinals_are_said_as_people_say_them() {
        let words: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112]
            .map(super::ordinal)
            .to_vec();
        assert_eq!(
            words,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd",
                "101st", "111th", "112th"
            ]
        );
    }
}
