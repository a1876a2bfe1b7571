//! Loading rulebooks and missions from TOML (and JSON) text, with every
//! problem located by file, line:column and TOML path.
//!
//! Loading runs in two passes. The first reads the shape of the file with
//! serde (types, required keys, unknown keys); when an item is malformed it
//! is set aside and the rest of the file is read on, so that one run reports
//! the shape problems of every item. When the shape is right, the second
//! pass checks meaning (ids, references, numbers) and reports all of those.

use std::collections::BTreeMap;
use std::ops::Range;
#[cfg(feature = "toml")]
use std::path::Path;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::error::{Diagnostic, Diagnostics, DocPath, Error, PathSegment, Problem, shown};
use crate::mission::{Mission, Waivers};
use crate::model::{MissionData, RulebookData};
use crate::rulebook::Rulebook;

/// The largest file, in bytes, that the loaders accept (4 MiB). A mission of
/// the default rulebook with long notes on every factor is under 100 KiB;
/// the limit keeps a wrong or hostile file from taking the memory of the
/// program that embeds the crate.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// The most shape problems that reading the whole file collects before
/// stopping, besides those of the items read one by one (see
/// [`Shape::items`]), which are all collected.
const MAX_SHAPE_PROBLEMS: usize = 100;

/// Where the items of a file may be set aside when malformed: arrays of
/// tables (any element) and tables of entries (keyed by id).
struct Shape {
    entry_tables: &'static [&'static str],
    /// Reads each item of the entry tables and arrays of tables on its own,
    /// giving the path of each malformed item and its first problem: every
    /// malformed item is found in one pass, whatever its place in the file.
    items: Option<ItemCheck>,
    /// What the file is, in messages ("a rulebook").
    what: &'static str,
    /// Top-level keys only a file of this kind has.
    own: &'static [&'static str],
    /// The other kind of file, and the top-level keys that name it.
    other: (&'static str, &'static [&'static str]),
}

type ItemCheck = for<'a> fn(&Spanned<DeTable<'a>>) -> Vec<(DocPath, toml::de::Error)>;

const RULEBOOK_SHAPE: Shape = Shape {
    entry_tables: &[],
    items: Some(rulebook_items),
    what: "a rulebook",
    own: &["rulebook"],
    other: (
        "a mission file",
        &["mission", "evidence", "effort", "entity"],
    ),
};
const MISSION_SHAPE: Shape = Shape {
    entry_tables: &["evidence", "context", "effort"],
    items: Some(mission_items),
    what: "a mission file",
    own: &["mission"],
    other: (
        "a rulebook",
        &["rulebook", "level", "dimension", "factor", "gate", "rule"],
    ),
};

/// A table as it is written in a file: `[mission]`, `[[entity]]`.
fn header(key: &str, value: &DeValue<'_>) -> String {
    match value {
        DeValue::Array(_) => format!("[[{key}]]"),
        _ => format!("[{key}]"),
    }
}

/// The problem of a file of the other kind (a mission given as a
/// rulebook, or a rulebook as a mission): it has none of the tables of its
/// kind and some of the other's. Named as such, rather than as a list of
/// every table that does not belong.
fn wrong_kind(tree: &DeTable<'_>, shape: &Shape) -> Option<(Problem, Range<usize>)> {
    if shape.own.iter().any(|k| tree.contains_key(*k)) {
        return None;
    }
    let (other, keys) = shape.other;
    let mut found: Vec<(Range<usize>, String)> = tree
        .iter()
        .filter(|(k, _)| keys.contains(&k.get_ref().as_ref()))
        .map(|(k, v)| (k.span(), header(k.get_ref(), v.get_ref())))
        .collect();
    found.sort_by_key(|(span, _)| span.start);
    let (first, _) = found.first()?.clone();
    let names: Vec<String> = found.into_iter().map(|(_, h)| h).collect();
    let has = match names.as_slice() {
        [one] => format!("a {one} table"),
        [rest @ .., last] => format!("{} and {last} tables", rest.join(", ")),
        [] => return None,
    };
    let problem = Problem::new(
        DocPath::root(),
        format!("this looks like {other}, not {}: it has {has}", shape.what),
    );
    Some((problem, first))
}

/// The items of a mission, each read alone (see [`Shape::items`]).
fn mission_items(tree: &Spanned<DeTable<'_>>) -> Vec<(DocPath, toml::de::Error)> {
    use crate::model::{ContextValue, Effort, Entity, Evidence};

    /// One item at a time, in the table it comes from; other keys ignored.
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Items {
        #[serde(default)]
        context: BTreeMap<String, ContextValue>,
        #[serde(default)]
        evidence: BTreeMap<String, Evidence>,
        #[serde(default)]
        effort: BTreeMap<String, Effort>,
        #[serde(default)]
        entity: Vec<Entity>,
    }

    each_item::<Items>(tree, &["context", "evidence", "effort"], &["entity"])
}

/// The items of a rulebook, each read alone (see [`Shape::items`]): every
/// element of its arrays of tables.
fn rulebook_items(tree: &Spanned<DeTable<'_>>) -> Vec<(DocPath, toml::de::Error)> {
    use crate::model::{ContextKey, Dimension, Factor, Gate, Level, Role, TargetRule, Theme};

    /// One item at a time, in the array it comes from; other keys ignored.
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Items {
        #[serde(default)]
        level: Vec<Level>,
        #[serde(default)]
        dimension: Vec<Dimension>,
        #[serde(default)]
        theme: Vec<Theme>,
        #[serde(default)]
        role: Vec<Role>,
        #[serde(default)]
        context: Vec<ContextKey>,
        #[serde(default)]
        factor: Vec<Factor>,
        #[serde(default)]
        gate: Vec<Gate>,
        #[serde(default)]
        rule: Vec<TargetRule>,
    }

    each_item::<Items>(tree, &[], crate::error::RULEBOOK_ARRAYS)
}

/// Reads each entry of the tables `entries` and each element of the arrays
/// `arrays` alone, as the one item of a document of type `I` (which names
/// those tables and arrays and ignores other keys): the path and first
/// problem of every malformed item.
fn each_item<I: DeserializeOwned>(
    tree: &Spanned<DeTable<'_>>,
    entries: &[&str],
    arrays: &[&str],
) -> Vec<(DocPath, toml::de::Error)> {
    let read = |top: &Spanned<toml::de::DeString<'_>>, item: DeValue<'_>, span| {
        let mut doc = DeTable::new();
        doc.insert(top.clone(), Spanned::new(span, item));
        I::deserialize(toml::de::Deserializer::from(Spanned::new(tree.span(), doc))).err()
    };
    let mut found = Vec::new();
    for (top, value) in tree.get_ref().iter() {
        let name = top.get_ref().as_ref();
        match value.get_ref() {
            DeValue::Table(t) if entries.contains(&name) => {
                for (k, v) in t.iter() {
                    let mut one = DeTable::new();
                    one.insert(k.clone(), v.clone());
                    if let Some(e) = read(top, DeValue::Table(one), value.span()) {
                        let path = DocPath::root().key(name).key(k.get_ref().as_ref());
                        found.push((path, e));
                    }
                }
            }
            DeValue::Array(a) if arrays.contains(&name) => {
                for (i, v) in a.iter().enumerate() {
                    let one: toml::de::DeArray<'_> = std::iter::once(v.clone()).collect();
                    if let Some(e) = read(top, DeValue::Array(one), value.span()) {
                        found.push((DocPath::root().key(name).index(i), e));
                    }
                }
            }
            _ => {}
        }
    }
    found
}

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
    /// read; [`Error::OverLimit`] when it goes on past [`MAX_INPUT_BYTES`].
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
    /// read; [`Error::OverLimit`] when it goes on past [`MAX_INPUT_BYTES`].
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

/// A rulebook from its shape: its meaning checked when every item is well
/// formed (a rulebook's items refer to each other), or the shape problems.
fn rulebook_from(
    parsed: (Shaped<RulebookData>, Spanned<DeTable<'_>>),
    text: &str,
    file: &str,
) -> Result<Rulebook, Error> {
    match parsed {
        (Shaped::Whole(data), tree) => {
            Rulebook::check(data).map_err(|p| locate_all(p, text, file, &tree))
        }
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
        (Shaped::Whole(data), tree) => Mission::check(data, rulebook, Waivers::MustSayWhy)
            .map_err(|p| locate_all(p, text, file, &tree)),
        (Shaped::Partial(mut diags, rest, aside), tree) => {
            // An item set aside for a malformed value may also have a
            // key the rulebook does not know: both are reported.
            let unknown: Vec<Problem> = aside
                .entries
                .iter()
                .filter(|(table, key)| !crate::mission::knows_key(rulebook, table, key))
                .map(|(table, key)| crate::mission::unknown_key(rulebook, table, key))
                .collect();
            if let Error::Invalid(more) = locate_all(unknown, text, file, &tree) {
                diags.extend(more.0);
            }
            if let Some(Err(problems)) =
                rest.map(|data| Mission::check(data, rulebook, Waivers::MustSayWhy))
            {
                // Paths into what was left point back into the file.
                let problems = problems
                    .into_iter()
                    .map(|mut p| {
                        p.path = aside.original_path(&p.path);
                        p
                    })
                    .collect();
                if let Error::Invalid(more) = locate_all(problems, text, file, &tree) {
                    diags.extend(more.0);
                }
            }
            Err(invalid(diags))
        }
    }
}

/// The name standard input is given in messages when a path of `-` is read.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads all of `reader` as UTF-8 text, but never more than
/// [`MAX_INPUT_BYTES`]: the reader is read through
/// [`Read::take`](std::io::Read::take) with one byte to spare, so a stream
/// without end (`/dev/zero`, a pipe) is refused as soon as it passes the
/// limit, holding at most the limit and one byte in memory. `name` names the
/// source in messages.
///
/// This is how `Rulebook::from_path` and `Mission::from_path` (feature `toml`) read
/// files and standard input; a program reading its input some other way can
/// call it to get the same limit and the same messages.
///
/// ```
/// use integration_readiness::{Error, read_limited};
/// let text = read_limited("[mission]\nname = \"x\"\n".as_bytes(), "m.toml")?;
/// assert!(text.starts_with("[mission]"));
///
/// let endless = std::io::repeat(b'#');
/// let e = read_limited(endless, "<stdin>").unwrap_err();
/// assert!(matches!(e, Error::OverLimit { .. }));
/// assert_eq!(
///     e.to_string(),
///     "<stdin>: more than 4194304 bytes; the limit for one file is 4194304 bytes",
/// );
/// # Ok::<(), Error>(())
/// ```
///
/// # Errors
/// [`Error::OverLimit`] past [`MAX_INPUT_BYTES`]; [`Error::Io`] when the
/// reader fails or the text is not UTF-8.
pub fn read_limited(reader: impl std::io::Read, name: &str) -> Result<String, Error> {
    use std::io::Read;
    let io = |source| Error::Io {
        file: name.to_owned(),
        source,
    };
    let limit = MAX_INPUT_BYTES;
    let mut reader = reader.take(limit as u64 + 1);
    // Grown by hand rather than by `read_to_end`, so that the buffer's
    // capacity, not only its length, stays within the limit and one byte.
    let mut bytes: Vec<u8> = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io(e)),
        };
        let need = bytes.len() + n;
        if need > bytes.capacity() {
            let cap = (bytes.capacity() * 2).max(need).min(limit + 1);
            bytes.reserve_exact(cap - bytes.len());
        }
        bytes.extend_from_slice(&chunk[..n]);
    }
    if bytes.len() > limit {
        return Err(Error::OverLimit {
            file: name.to_owned(),
            limit,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 text (byte {} is not part of a character)",
                e.utf8_error().valid_up_to() + 1
            ),
        ))
    })
}

/// Reads a file, or standard input for a path of `-`, through
/// [`read_limited`]; gives the text and the name to use in messages.
#[cfg(feature = "toml")]
fn read(path: &Path) -> Result<(String, String), Error> {
    if path.as_os_str() == "-" {
        let text = read_limited(std::io::stdin().lock(), STDIN_NAME)?;
        return Ok((text, STDIN_NAME.to_owned()));
    }
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| Error::Io {
        file: name.clone(),
        source,
    })?;
    let text = read_limited(file, &name)?;
    Ok((text, name))
}

/// Whether a file is read as JSON: by its name's extension, or, for a
/// name that says neither (standard input, say), by its first character.
#[cfg(all(feature = "toml", feature = "json"))]
fn is_json(path: &Path, text: &str) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("json") => true,
        Some(e) if e.eq_ignore_ascii_case("toml") => false,
        _ => text.trim_start().starts_with('{'),
    }
}

/// What reading a file's shape gives: the value, or the shape problems and,
/// when the malformed items could be set aside, the value of the rest.
enum Shaped<T> {
    Whole(T),
    Partial(Vec<Diagnostic>, Option<T>, SetAside),
}

/// Parses text into `T`, collecting the shape problems of every item.
fn parse<'a, T: DeserializeOwned>(
    text: &'a str,
    file: &str,
    shape: &Shape,
) -> Result<(Shaped<T>, Spanned<DeTable<'a>>), Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            file: file.to_owned(),
            len: text.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let (tree, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        let lines = Lines::new(text);
        let mut diags: Vec<Diagnostic> = Vec::new();
        for e in &syntax {
            let d = locate_toml_error(e, &lines, file, &tree);
            // One broken construct can make the parser report the same thing
            // many times over: once is enough.
            if !diags.iter().any(|x| x.problem == d.problem) {
                diags.push(d);
            }
        }
        return Err(invalid(diags));
    }
    shape_of(tree, text, file, shape)
}

/// Reads the shape of a document's tree (from TOML text, or from JSON text
/// with [`json::tree`]) into `T`, collecting the shape problems of every item.
fn shape_of<'a, T: DeserializeOwned>(
    tree: Spanned<DeTable<'a>>,
    text: &'a str,
    file: &str,
    shape: &Shape,
) -> Result<(Shaped<T>, Spanned<DeTable<'a>>), Error> {
    let lines = Lines::new(text);
    if let Some((problem, span)) = wrong_kind(tree.get_ref(), shape) {
        let (line, column) = lines.line_col(span.start);
        return Err(invalid(vec![Diagnostic {
            file: file.to_owned(),
            line,
            column,
            problem,
        }]));
    }
    let mut work = tree.clone();
    let mut diags: Vec<Diagnostic> = Vec::new();
    let mut aside = SetAside::default();
    let mut rest = None;
    if let Some(items) = shape.items {
        for (item, e) in items(&tree) {
            diags.push(locate_toml_error(&e, &lines, file, &tree));
            aside.remove(&mut work, &item, shape);
        }
    }
    let found_alone = diags.len();
    loop {
        match T::deserialize(toml::de::Deserializer::from(work.clone())) {
            Ok(v) if diags.is_empty() => return Ok((Shaped::Whole(v), tree)),
            Ok(v) => {
                rest = Some(v);
                break;
            }
            Err(e) => {
                let d = locate_toml_error(&e, &lines, file, &tree);
                // A required key that was set aside for being malformed is now
                // missing: it was reported already, and the rest cannot be read.
                if aside.was_removed_and_is_missing(&d.problem) || diags.contains(&d) {
                    break;
                }
                let path = d.problem.path.clone();
                diags.push(d);
                if diags.len() - found_alone >= MAX_SHAPE_PROBLEMS
                    || !aside.remove(&mut work, &path, shape)
                {
                    break;
                }
            }
        }
    }
    Ok((Shaped::Partial(diags, rest, aside), tree))
}

/// The error for a list of diagnostics: in file order, the first
/// [`MAX_PROBLEMS`](crate::error::MAX_PROBLEMS) listed and the rest counted.
fn invalid(diags: Vec<Diagnostic>) -> Error {
    Error::Invalid(Diagnostics::in_file_order("<text>", diags))
}

/// The items set aside while reading a file's shape, so that positions in
/// what is left can be mapped back to the file.
#[derive(Default)]
struct SetAside {
    /// Per top-level array: the original indices of the elements removed.
    elements: BTreeMap<String, Vec<usize>>,
    /// Keys removed from plain tables.
    keys: Vec<DocPath>,
    /// Entries removed from tables of entries: the table and the key.
    entries: Vec<(String, String)>,
}

impl SetAside {
    /// Removes the item holding a shape problem so that the rest can be
    /// read. Returns `false` when nothing can be removed.
    fn remove(&mut self, tree: &mut Spanned<DeTable<'_>>, path: &DocPath, shape: &Shape) -> bool {
        let segs = &path.0;
        let Some(PathSegment::Key(top)) = segs.first() else {
            return false;
        };
        let table = tree.get_mut();
        match segs.get(1) {
            // A malformed or unknown top-level key.
            None => {
                self.keys.push(path.clone());
                table.remove(top.as_str()).is_some()
            }
            // An element of an array of tables: remove it where it now stands.
            Some(PathSegment::Index(i)) => {
                let removed = self.elements.entry(top.clone()).or_default();
                let now = i - removed.iter().filter(|&&r| r < *i).count();
                match table.get_mut(top.as_str()).map(|v| v.get_mut()) {
                    Some(DeValue::Array(a)) if now < a.len() => {
                        let rest: toml::de::DeArray<'_> = a
                            .iter()
                            .enumerate()
                            .filter(|(j, _)| *j != now)
                            .map(|(_, v)| v.clone())
                            .collect();
                        *a = rest;
                        removed.push(*i);
                        true
                    }
                    _ => false,
                }
            }
            // An entry of a table of entries, or a key of a plain table.
            Some(PathSegment::Key(key)) => {
                if shape.entry_tables.contains(&top.as_str()) {
                    self.entries.push((top.clone(), key.clone()));
                } else {
                    self.keys.push(DocPath(segs[..2].to_vec()));
                }
                match table.get_mut(top.as_str()).map(|v| v.get_mut()) {
                    Some(DeValue::Table(t)) => t.remove(key.as_str()).is_some(),
                    _ => false,
                }
            }
        }
    }

    /// Whether a problem says a key is missing that was set aside.
    fn was_removed_and_is_missing(&self, p: &Problem) -> bool {
        let Some(key) = p
            .message
            .strip_prefix("missing key `")
            .and_then(|r| r.strip_suffix('`'))
        else {
            return false;
        };
        self.keys.contains(&p.path.key(key))
    }

    /// The path in the file of a path into what was left.
    fn original_path(&self, path: &DocPath) -> DocPath {
        let mut out = path.clone();
        if let (Some(PathSegment::Key(top)), Some(PathSegment::Index(i))) =
            (path.0.first(), path.0.get(1))
        {
            if let Some(removed) = self.elements.get(top) {
                // The i-th element not removed.
                let mut seen = 0;
                let mut orig = 0;
                loop {
                    if !removed.contains(&orig) {
                        if seen == *i {
                            break;
                        }
                        seen += 1;
                    }
                    orig += 1;
                }
                out.0[1] = PathSegment::Index(orig);
            }
        }
        out
    }
}

/// Line starts of a text, for line:column of any offset in O(log lines).
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

fn locate_toml_error(
    e: &toml::de::Error,
    lines: &Lines<'_>,
    file: &str,
    tree: &Spanned<DeTable<'_>>,
) -> Diagnostic {
    let text = lines.text;
    // An error about the whole document (a missing top-level key) has an
    // empty span at 0 or the document's span: its path is the document.
    let span = e.span();
    let whole = |s: &Range<usize>| s.start == 0 && (s.end == 0 || s.end >= text.len());
    let path = match &span {
        Some(s) if !whole(s) => path_at(tree, s),
        _ => DocPath::root(),
    };
    let (line, column) = span.map(|s| lines.line_col(s.start)).unwrap_or((1, 1));
    let mut problem = serde_problem(path, e.message());
    if is_datetime(tree, &problem.path) {
        problem.message = "a bare TOML date is not accepted here".to_owned();
        problem.allowed = Some("a date in quotes, such as \"2007-10-29\"".to_owned());
    } else if let Some(better) = type_in_words(&problem, e.message(), tree, text) {
        problem = better;
    }
    Diagnostic {
        file: file.to_owned(),
        line,
        column,
        problem,
    }
}

/// The value at a path of the tree, when there is one.
fn value_at<'t, 'a>(
    tree: &'t Spanned<DeTable<'a>>,
    path: &DocPath,
) -> Option<&'t Spanned<DeValue<'a>>> {
    let mut value: Option<&Spanned<DeValue<'a>>> = None;
    let mut table = Some(tree.get_ref());
    for seg in &path.0 {
        value = match (seg, table, value.map(|v| v.get_ref())) {
            (PathSegment::Key(k), Some(t), _) => t.get(k.as_str()),
            (PathSegment::Index(i), _, Some(DeValue::Array(a))) => a.get(*i),
            _ => None,
        };
        table = match value.map(|v| v.get_ref()) {
            Some(DeValue::Table(t)) => Some(t),
            _ => None,
        };
    }
    value
}

/// What kind of value a person wrote, in words.
fn kind(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "text",
        DeValue::Integer(_) | DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// A type error said in words ("a rating is a word such as \"high\", not a
/// number"; "sources is a list: [\"Mission review\"]") rather than in
/// serde's terms ("wanted string or table", "expected a sequence").
fn type_in_words(
    problem: &Problem,
    message: &str,
    tree: &Spanned<DeTable<'_>>,
    text: &str,
) -> Option<Problem> {
    let path = &problem.path;
    let value = value_at(tree, path)?;
    let given = kind(value.get_ref());
    let raw = text.get(value.span()).unwrap_or("").trim();
    // The name of the key, as a person would say it: an entry of `effort`
    // is "an effort", an element of a list "an item of sources".
    let (name, article) = match path.0.as_slice() {
        [PathSegment::Key(t), PathSegment::Key(_)] if t == "effort" => ("effort", "an"),
        [.., PathSegment::Key(t), PathSegment::Key(_)] if t == "weights" => ("a weight", "a"),
        [.., PathSegment::Key(t), PathSegment::Key(_)] if t == "threshold" => ("a threshold", "a"),
        [.., PathSegment::Key(k)] => (
            k.as_str(),
            if k.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            },
        ),
        _ => return None,
    };
    let word_example = match name {
        "rating" => Some("high"),
        "effort" => Some("medium"),
        "polarity" => Some("enabler"),
        _ => None,
    };
    let message = message.trim();
    let expected = message
        .split_once(", expected ")
        .map(|(_, e)| e.trim_end_matches('.'));
    let say = |m: String| Some(Problem::new(path.clone(), m));
    if message.starts_with("wanted string or table")
        || (word_example.is_some() && message.starts_with("invalid type"))
    {
        return match word_example {
            Some(w) => say(format!(
                "{article} {name} is a word such as \"{w}\", not {given}"
            )),
            None => say(format!("{name} is a word in quotes, not {given}")),
        };
    }
    if !message.starts_with("invalid type") {
        return None;
    }
    match expected? {
        "a sequence" | "a list" => match value.get_ref() {
            DeValue::String(_) => say(format!("{name} is a list: [{raw}]")),
            _ => say(format!("{name} is a list, not {given}")),
        },
        "a string" | "a borrowed string" => match value.get_ref() {
            DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_) => {
                say(format!("{name} is text in quotes: \"{}\"", shown(raw)))
            }
            _ => say(format!("{name} is text in quotes, not {given}")),
        },
        "a boolean" => say(format!(
            "{name} is true or false, without quotes, not {given}"
        )),
        e if e.starts_with("f64")
            || e.starts_with("f32")
            || e.starts_with("u")
            || e.starts_with("i")
            || e.contains("number")
            || e.contains("integer")
            || e.contains("float") =>
        {
            match value.get_ref() {
                DeValue::String(s) if s.trim().parse::<f64>().is_ok() => {
                    say(format!("{name} is a number, without quotes: {}", s.trim()))
                }
                _ => say(format!("{name} is a number, not {given}")),
            }
        }
        "a map" | "a table" | "struct" => say(format!("{name} is a table, not {given}")),
        _ => None,
    }
}

fn is_datetime(tree: &Spanned<DeTable<'_>>, path: &DocPath) -> bool {
    let mut value: Option<&DeValue<'_>> = None;
    let mut table = Some(tree.get_ref());
    for seg in &path.0 {
        value = match (seg, table, value) {
            (PathSegment::Key(k), Some(t), _) => t.get(k.as_str()).map(|v| v.get_ref()),
            (PathSegment::Index(i), _, Some(DeValue::Array(a))) => a.get(*i).map(|v| v.get_ref()),
            _ => None,
        };
        table = match value {
            Some(DeValue::Table(t)) => Some(t),
            _ => None,
        };
    }
    matches!(value, Some(DeValue::Datetime(_)))
}

/// Rewrites serde's messages into the crate's form: lowercase, what is
/// allowed after `expected`, and a suggestion for an unknown word.
fn serde_problem(path: DocPath, message: &str) -> Problem {
    let message = message.trim().trim_end_matches('.').replace('\n', " ");
    for (prefix, what) in [
        ("unknown field `", "unknown key"),
        ("unknown variant `", "unknown word"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            if let Some((word, tail)) = rest.split_once('`') {
                let candidates: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
                let allowed = if candidates.is_empty() {
                    "nothing here".to_owned()
                } else if candidates.len() == 1 {
                    candidates[0].to_owned()
                } else {
                    format!("one of {}", candidates.join(", "))
                };
                let path = if what == "unknown key"
                    && path.0.last() != Some(&PathSegment::Key(word.to_owned()))
                {
                    path.key(word)
                } else {
                    path
                };
                return Problem::new(path, format!("{what} `{}`", shown(word)))
                    .allowed(allowed)
                    .suggest(word, candidates.iter().copied());
            }
        }
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.split_once('`'))
        .map(|(f, _)| f.to_owned())
    {
        return Problem::new(path, format!("missing key `{field}`"))
            .allowed(format!("`{field}` to be given"));
    }
    if message.starts_with("data did not match any variant of untagged enum ContextValue") {
        return Problem::new(path, "not a context value")
            .allowed("a word in quotes, or true or false, as the rulebook declares");
    }
    if message.starts_with("data did not match any variant of untagged enum Condition") {
        return Problem::new(path, "not a condition")
            .allowed("a context value, or a list of values");
    }
    if let Some((what, expected)) = message.split_once(", expected ") {
        return Problem::new(path, what.to_owned()).allowed(expected.to_owned());
    }
    Problem::new(path, message)
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && outer.start < outer.end
}

/// The TOML path of the deepest key or value whose span holds `span`.
fn path_at(tree: &Spanned<DeTable<'_>>, span: &Range<usize>) -> DocPath {
    let mut path = DocPath::root();
    walk_table(tree.get_ref(), span, &mut path);
    path
}

fn walk_table(table: &DeTable<'_>, span: &Range<usize>, path: &mut DocPath) {
    for (k, v) in table.iter() {
        if contains(&k.span(), span) {
            path.0.push(PathSegment::Key(k.get_ref().to_string()));
            return;
        }
        if contains(&v.span(), span) || value_holds(v.get_ref(), span) {
            path.0.push(PathSegment::Key(k.get_ref().to_string()));
            walk_value(v.get_ref(), span, path);
            return;
        }
    }
}

/// Whether a table or array value holds the span somewhere inside, for
/// tables whose own span does not cover their children (`[[x]]` headers).
fn value_holds(v: &DeValue<'_>, span: &Range<usize>) -> bool {
    match v {
        DeValue::Table(t) => t.iter().any(|(k, v)| {
            contains(&k.span(), span) || contains(&v.span(), span) || value_holds(v.get_ref(), span)
        }),
        DeValue::Array(a) => a
            .iter()
            .any(|v| contains(&v.span(), span) || value_holds(v.get_ref(), span)),
        _ => false,
    }
}

fn walk_value(v: &DeValue<'_>, span: &Range<usize>, path: &mut DocPath) {
    match v {
        DeValue::Table(t) => walk_table(t, span, path),
        DeValue::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                if contains(&item.span(), span) || value_holds(item.get_ref(), span) {
                    path.0.push(PathSegment::Index(i));
                    walk_value(item.get_ref(), span, path);
                    return;
                }
            }
        }
        _ => {}
    }
}

/// The span of the deepest node along `path` that exists in the tree.
fn span_of(tree: &Spanned<DeTable<'_>>, path: &DocPath) -> Option<Range<usize>> {
    let mut span = None;
    let mut table: Option<&DeTable<'_>> = Some(tree.get_ref());
    let mut value: Option<&Spanned<DeValue<'_>>> = None;
    for seg in &path.0 {
        let next = match (seg, table, value.map(|v| v.get_ref())) {
            (PathSegment::Key(k), Some(t), _) => t.get(k.as_str()),
            (PathSegment::Index(i), _, Some(DeValue::Array(a))) => a.get(*i),
            _ => None,
        };
        let Some(next) = next else { break };
        span = Some(next.span());
        // Prefer the key's span for tables (headers), the value's for scalars.
        if let (PathSegment::Key(k), Some(t)) = (seg, table) {
            if let Some((key, v)) = t.get_key_value(k.as_str()) {
                if matches!(v.get_ref(), DeValue::Table(_) | DeValue::Array(_)) {
                    span = Some(key.span());
                }
            }
        }
        if let PathSegment::Index(_) = seg {
            // An array-of-tables element: its `[[header]]` or first key.
            if let DeValue::Table(t) = next.get_ref() {
                let first = t.iter().map(|(k, _)| k.span()).min_by_key(|s| s.start);
                if let Some(k) = first {
                    if k.start < next.span().start || next.span().is_empty() {
                        span = Some(k);
                    }
                }
            }
        }
        value = Some(next);
        table = match next.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => None,
        };
    }
    span
}

fn locate_all(
    problems: Vec<Problem>,
    text: &str,
    file: &str,
    tree: &Spanned<DeTable<'_>>,
) -> Error {
    let lines = Lines::new(text);
    let diags = problems
        .into_iter()
        .map(|p| {
            // A problem of the whole document has no position.
            let (line, column) = span_of(tree, &p.path)
                .map(|s| lines.line_col(s.start))
                .unwrap_or((0, 0));
            Diagnostic {
                file: file.to_owned(),
                line,
                column,
                problem: p,
            }
        })
        .collect();
    invalid(diags)
}

#[cfg(feature = "json")]
mod json {
    use super::*;
    use std::borrow::Cow;

    /// Where each key and value of a JSON text starts and ends, by path:
    /// what locates a problem in JSON as the TOML tree does in TOML.
    struct JsonMap {
        /// Path, start (the key's, for an object member) and end of each
        /// node, in text order.
        nodes: Vec<(DocPath, usize, usize)>,
        at: std::collections::HashMap<DocPath, usize>,
    }

    /// The deepest nesting mapped; serde_json refuses deeper documents.
    const MAX_DEPTH: usize = 200;

    impl JsonMap {
        /// Maps the nodes that `keep` wants (given path, start and end):
        /// only those, so that a large document takes little memory.
        fn new(text: &str, keep: &dyn Fn(&DocPath, usize, usize) -> bool) -> JsonMap {
            let mut map = JsonMap {
                nodes: Vec::new(),
                at: std::collections::HashMap::new(),
            };
            let mut scan = Scan {
                b: text.as_bytes(),
                i: 0,
                keep,
            };
            scan.value(&DocPath::root(), None, 0, &mut map);
            for (i, (path, _, _)) in map.nodes.iter().enumerate() {
                map.at.entry(path.clone()).or_insert(i);
            }
            map
        }

        /// The deepest node holding a byte offset: its path and start.
        fn around(&self, offset: usize) -> Option<(DocPath, usize)> {
            self.nodes
                .iter()
                .filter(|(_, start, end)| *start <= offset && offset < *end)
                .max_by_key(|(p, _, _)| p.0.len())
                .map(|(p, s, _)| (p.clone(), *s))
        }
    }

    struct Scan<'b> {
        b: &'b [u8],
        i: usize,
        keep: &'b dyn Fn(&DocPath, usize, usize) -> bool,
    }

    impl Scan<'_> {
        fn ws(&mut self) {
            while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
                self.i += 1;
            }
        }

        /// Skips a string starting at `self.i` (a `"`); false if unclosed.
        fn string(&mut self) -> bool {
            self.i += 1;
            while self.i < self.b.len() {
                match self.b[self.i] {
                    b'\\' => self.i += 2,
                    b'"' => {
                        self.i += 1;
                        return true;
                    }
                    _ => self.i += 1,
                }
            }
            false
        }

        /// Maps the value at `self.i`; `key` is where its member's key
        /// starts. Returns false when the text stops making sense.
        fn value(
            &mut self,
            path: &DocPath,
            key: Option<usize>,
            depth: usize,
            map: &mut JsonMap,
        ) -> bool {
            self.ws();
            let start = key.unwrap_or(self.i);
            let Some(&c) = self.b.get(self.i) else {
                return false;
            };
            if depth > MAX_DEPTH {
                return false;
            }
            let ok = match c {
                b'{' => {
                    self.i += 1;
                    loop {
                        self.ws();
                        match self.b.get(self.i) {
                            Some(b'}') => {
                                self.i += 1;
                                break true;
                            }
                            Some(b',') => self.i += 1,
                            Some(b'"') => {
                                let k0 = self.i;
                                if !self.string() {
                                    break false;
                                }
                                let k = std::str::from_utf8(&self.b[k0..self.i])
                                    .ok()
                                    .and_then(|t| serde_json::from_str::<String>(t).ok())
                                    .unwrap_or_default();
                                self.ws();
                                if self.b.get(self.i) != Some(&b':') {
                                    break false;
                                }
                                self.i += 1;
                                if !self.value(&path.key(k), Some(k0), depth + 1, map) {
                                    break false;
                                }
                            }
                            _ => break false,
                        }
                    }
                }
                b'[' => {
                    self.i += 1;
                    let mut n = 0;
                    loop {
                        self.ws();
                        match self.b.get(self.i) {
                            Some(b']') => {
                                self.i += 1;
                                break true;
                            }
                            Some(b',') => self.i += 1,
                            Some(_) => {
                                if !self.value(&path.index(n), None, depth + 1, map) {
                                    break false;
                                }
                                n += 1;
                            }
                            None => break false,
                        }
                    }
                }
                b'"' => self.string(),
                _ => {
                    let s0 = self.i;
                    while self.i < self.b.len()
                        && !matches!(self.b[self.i], b',' | b']' | b'}')
                        && !self.b[self.i].is_ascii_whitespace()
                    {
                        self.i += 1;
                    }
                    // A value that is nothing (`[}`): the text makes no
                    // more sense, and going on would not move.
                    self.i > s0
                }
            };
            if (self.keep)(path, start, self.i) {
                map.nodes.push((path.clone(), start, self.i));
            }
            ok
        }
    }

    fn from_json<T: DeserializeOwned>(text: &str, file: &str) -> Result<T, Error> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(Error::TooLarge {
                file: file.to_owned(),
                len: text.len(),
                limit: MAX_INPUT_BYTES,
            });
        }
        serde_json::from_str(text).map_err(|e| {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
            let lines = Lines::new(text);
            // serde_json counts the column in bytes, at the byte where it
            // stopped: the offset of the byte before is inside what it read.
            let offset = lines
                .starts
                .get(e.line().saturating_sub(1))
                .map_or(0, |s| s + e.column().saturating_sub(1));
            let (path, at) = match e.classify() {
                serde_json::error::Category::Data | serde_json::error::Category::Syntax => {
                    JsonMap::new(text, &|_, start, end| start <= offset && offset < end)
                        .around(offset)
                        .unwrap_or((DocPath::root(), offset))
                }
                _ => (DocPath::root(), offset),
            };
            // A word (an enum) given as something else is reported by
            // serde_json as a syntax error, "expected value", in a text
            // that is well-formed JSON.
            let msg = if msg == "expected value" {
                match serde_json::from_str::<serde_json::Value>(text) {
                    Ok(doc) => word_given_as(&doc, &path).unwrap_or(msg),
                    Err(_) => msg,
                }
            } else {
                msg
            };
            let (line, column) = if e.line() == 0 {
                (0, 0)
            } else {
                lines.line_col(at)
            };
            let mut problem = serde_problem(path, &msg);
            if problem.message.starts_with("invalid type") {
                problem = json_type_in_words(problem, &msg);
            }
            Error::Invalid(Diagnostics(vec![Diagnostic {
                file: file.to_owned(),
                line,
                column,
                problem,
            }]))
        })
    }

    /// A JSON document as the tree a TOML document is read into, each key
    /// and value spanning its text in the JSON, so that the TOML path reads
    /// its shape and locates its problems (every one of them) the same way.
    /// A `null` is left out, as an absent key; a key given twice is a
    /// problem. Text that is not JSON gives its first syntax error, located.
    pub(super) fn tree<'a>(text: &'a str, file: &str) -> Result<Spanned<DeTable<'a>>, Error> {
        // Well-formed and not nested deeper than serde_json's limit first
        // (a `Value` is read with that limit, unlike `IgnoredAny`): the tree
        // is then built, recursively, from text known to be shallow JSON.
        from_json::<serde_json::Value>(text, file)?;
        let mut build = Build {
            text,
            i: 0,
            twice: Vec::new(),
        };
        build.ws();
        let start = build.i;
        let value = build.value(&DocPath::root());
        let twice = std::mem::take(&mut build.twice);
        if !twice.is_empty() {
            let lines = Lines::new(text);
            return Err(invalid(
                twice
                    .into_iter()
                    .map(|(at, path, key)| {
                        let (line, column) = lines.line_col(at);
                        Diagnostic {
                            file: file.to_owned(),
                            line,
                            column,
                            problem: Problem::new(path, format!("duplicate key `{}`", shown(&key)))
                                .allowed("each key once in an object"),
                        }
                    })
                    .collect(),
            ));
        }
        match value.map(|v| (v.span(), v.into_inner())) {
            Some((span, DeValue::Table(t))) => Ok(Spanned::new(span, t)),
            _ => {
                let (line, column) = Lines::new(text).line_col(start);
                Err(invalid(vec![Diagnostic {
                    file: file.to_owned(),
                    line,
                    column,
                    problem: Problem::new(DocPath::root(), "the document is not a JSON object")
                        .allowed("an object: { \"mission\": { \"name\": \"...\" }, ... }"),
                }]))
            }
        }
    }

    /// Builds a tree from text that is well-formed JSON.
    struct Build<'a> {
        text: &'a str,
        i: usize,
        /// Keys given twice in one object: where, the path and the key.
        twice: Vec<(usize, DocPath, String)>,
    }

    impl<'a> Build<'a> {
        fn peek(&self) -> Option<u8> {
            self.text.as_bytes().get(self.i).copied()
        }

        fn ws(&mut self) {
            while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                self.i += 1;
            }
        }

        /// The span of the string starting at `self.i` and its text.
        fn string(&mut self) -> (Range<usize>, String) {
            let start = self.i;
            self.i += 1;
            while let Some(c) = self.peek() {
                self.i += if c == b'\\' { 2 } else { 1 };
                if c == b'"' {
                    break;
                }
            }
            let end = self.i.min(self.text.len());
            let s = self
                .text
                .get(start..end)
                .and_then(|t| serde_json::from_str::<String>(t).ok())
                .unwrap_or_default();
            (start..end, s)
        }

        /// The value at `self.i`, found at `path`; `None` for `null`.
        fn value(&mut self, path: &DocPath) -> Option<Spanned<DeValue<'a>>> {
            self.ws();
            let start = self.i;
            let value = match self.peek()? {
                b'{' => {
                    self.i += 1;
                    let mut t = DeTable::new();
                    loop {
                        self.ws();
                        match self.peek() {
                            Some(b'}') | None => {
                                self.i += 1;
                                break;
                            }
                            Some(b',') => self.i += 1,
                            Some(_) => {
                                let (span, key) = self.string();
                                self.ws();
                                self.i += 1; // the colon
                                let v = self.value(&path.key(key.as_str()));
                                if t.contains_key(key.as_str()) {
                                    self.twice.push((span.start, path.key(key.as_str()), key));
                                } else if let Some(v) = v {
                                    t.insert(Spanned::new(span, Cow::Owned(key)), v);
                                }
                            }
                        }
                    }
                    DeValue::Table(t)
                }
                b'[' => {
                    self.i += 1;
                    let mut items = Vec::new();
                    loop {
                        self.ws();
                        match self.peek() {
                            Some(b']') | None => {
                                self.i += 1;
                                break;
                            }
                            Some(b',') => self.i += 1,
                            Some(_) => items.extend(self.value(&path.index(items.len()))),
                        }
                    }
                    DeValue::Array(items.into_iter().collect())
                }
                b'"' => DeValue::String(Cow::Owned(self.string().1)),
                _ => {
                    while self.peek().is_some_and(|c| {
                        !matches!(c, b',' | b']' | b'}') && !c.is_ascii_whitespace()
                    }) {
                        self.i += 1;
                    }
                    let word = self.text.get(start..self.i).unwrap_or("");
                    match word {
                        "null" => return None,
                        "true" => DeValue::Boolean(true),
                        "false" => DeValue::Boolean(false),
                        // A number, read as TOML reads it; one too large for
                        // TOML is infinite.
                        _ => DeValue::parse(word)
                            .map(Spanned::into_inner)
                            .unwrap_or_else(|_| {
                                let inf = if word.starts_with('-') { "-inf" } else { "inf" };
                                DeValue::parse(inf)
                                    .map(Spanned::into_inner)
                                    .unwrap_or(DeValue::Boolean(false))
                            }),
                    }
                }
            };
            Some(Spanned::new(start..self.i.min(self.text.len()), value))
        }
    }

    /// serde_json's own words for a value that should have been a word.
    fn word_given_as(doc: &serde_json::Value, path: &DocPath) -> Option<String> {
        let mut v = doc;
        for seg in &path.0 {
            v = match seg {
                PathSegment::Key(k) => v.get(k.as_str())?,
                PathSegment::Index(i) => v.get(*i)?,
            };
        }
        let given = match v {
            serde_json::Value::Number(_) => "integer",
            serde_json::Value::Bool(_) => "boolean",
            serde_json::Value::Array(_) => "sequence",
            serde_json::Value::Object(_) => "map",
            serde_json::Value::Null => "null",
            serde_json::Value::String(_) => return None,
        };
        Some(format!("invalid type: {given}, expected a word"))
    }

    /// A JSON type error said in words, as in TOML.
    fn json_type_in_words(problem: Problem, message: &str) -> Problem {
        let name = match problem.path.0.last() {
            Some(PathSegment::Key(k)) => k.clone(),
            _ => return problem,
        };
        let Some((given, expected)) = message
            .strip_prefix("invalid type: ")
            .and_then(|m| m.split_once(", expected "))
        else {
            return problem;
        };
        // `string "Mission review"`: the text as written, to show in a list.
        let given_literal = given.strip_prefix("string ").map(|l| shown(l).into_owned());
        let given = given.split([' ', '`']).next().unwrap_or(given);
        let given = match given {
            "integer" | "floating" => "a number",
            "string" => "text",
            "boolean" => "true or false",
            "sequence" => "a list",
            "map" => "an object",
            "null" => "null",
            other => other,
        };
        let path = problem.path.clone();
        match (name.as_str(), expected) {
            ("rating", _) => Problem::new(
                path,
                format!("a rating is a word such as \"high\", not {given}"),
            ),
            (_, "a sequence") => match given_literal {
                Some(lit) => Problem::new(path, format!("{name} is a list: [{lit}]")),
                None => Problem::new(path, format!("{name} is a list, not {given}")),
            },
            (_, "a string") => Problem::new(path, format!("{name} is text in quotes, not {given}")),
            (_, "a word") => Problem::new(path, format!("{name} is a word in quotes, not {given}")),
            _ => problem,
        }
    }

    impl Rulebook {
        /// Reads and checks a rulebook from JSON text (the same document as
        /// the TOML form).
        ///
        /// # Errors
        /// As [`Rulebook::from_toml`]: every problem, located by line and
        /// column and with its path, in file order.
        pub fn from_json(text: &str, file: &str) -> Result<Rulebook, Error> {
            let tree = tree(text, file)?;
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

    impl Mission {
        /// Reads a mission from JSON text and checks it against `rulebook`.
        ///
        /// # Errors
        /// As [`Mission::from_toml`]: every problem of shape and of meaning,
        /// located by line and column and with its path, in file order.
        pub fn from_json(text: &str, file: &str, rulebook: &Rulebook) -> Result<Mission, Error> {
            let tree = tree(text, file)?;
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
}

#[cfg(test)]
mod tests {
    use super::Lines;

    #[test]
    fn line_and_column_count_characters() {
        let l = Lines::new("ab\ncd");
        assert_eq!(l.line_col(0), (1, 1));
        assert_eq!(l.line_col(2), (1, 3));
        assert_eq!(l.line_col(3), (2, 1));
        assert_eq!(l.line_col(4), (2, 2));
        assert_eq!(l.line_col(99), (2, 3));
        assert_eq!(Lines::new("é\nx").line_col(3), (2, 1));
        // Inside a character: its start.
        assert_eq!(Lines::new("éa").line_col(1), (1, 1));
        assert_eq!(Lines::new("éa").line_col(2), (1, 2));
    }
}
