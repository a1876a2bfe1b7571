//! Reading JSON documents (feature `json`).

use std::borrow::Cow;
use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::invalid;
use super::locate::Lines;
use super::messages::serde_problem;
use super::read::MAX_INPUT_BYTES;
use crate::error::{Diagnostic, Diagnostics, DocPath, Error, PathSegment, Problem, shown};

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
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, b',' | b']' | b'}') && !c.is_ascii_whitespace())
                {
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
