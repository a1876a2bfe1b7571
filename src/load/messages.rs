//! Rewording serde's messages into the crate's: what is wrong in words,
//! what is allowed, and the nearest known word.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::locate::value_at;
use crate::error::{DocPath, PathSegment, Problem, shown};

/// What kind of value a person wrote, in words.
pub(super) fn kind(v: &DeValue<'_>) -> &'static str {
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
pub(super) fn type_in_words(
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
        // An element of a list: what it should be, without a name.
        _ => {
            let expected = expected_in_words(message.split_once(", expected ")?.1)?;
            let wrong =
                message.starts_with("invalid type") || message.starts_with("invalid length");
            return wrong.then(|| {
                Problem::new(path.clone(), format!("{given} is not accepted here"))
                    .allowed(expected)
            });
        }
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
    if message.starts_with("invalid length") {
        // A list where a table belongs (serde reads a table from a list).
        return match expected? {
            e if e.starts_with("struct ") => say(format!("{name} is a table, not a list")),
            _ => None,
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
        e if expected_in_words(e) == Some("a table") => {
            say(format!("{name} is a table, not {given}"))
        }
        _ => None,
    }
}

/// What serde says it expected, in the words of a TOML or JSON file
/// rather than of Rust's types ("struct Citation", "f64", "a sequence").
pub(super) fn expected_in_words(expected: &str) -> Option<&'static str> {
    let e = expected.trim().trim_end_matches('.');
    Some(match e {
        "a map" | "a table" | "struct" => "a table",
        e if e.starts_with("struct ") || e.starts_with("a map") => "a table",
        "a sequence" | "a list" => "a list",
        e if e.starts_with("a sequence") || e.starts_with("a tuple") => "a list",
        "a string" | "a borrowed string" | "a character" => "text in quotes",
        "a boolean" => "true or false",
        e if e.starts_with("f64")
            || e.starts_with("f32")
            || e.starts_with("usize")
            || e.starts_with("isize")
            || (e.len() <= 4
                && e.starts_with(['u', 'i'])
                && e[1..].chars().all(|c| c.is_ascii_digit()))
            || e.contains("number")
            || e.contains("integer")
            || e.contains("float") =>
        {
            "a number"
        }
        e if e.starts_with("enum ") || e.starts_with("variant") => "a word in quotes",
        _ => return None,
    })
}

/// What serde says was found ("integer `7`", "map"), in words.
fn found_in_words(found: &str) -> Option<&'static str> {
    let f = found.trim();
    Some(match f {
        f if f.starts_with("integer") || f.starts_with("floating point") => "a number",
        f if f.starts_with("string") || f.starts_with("char") => "text",
        f if f.starts_with("boolean") => "true or false",
        "map" => "a table",
        "sequence" => "a list",
        _ => return None,
    })
}

pub(super) fn is_datetime(tree: &Spanned<DeTable<'_>>, path: &DocPath) -> bool {
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
pub(super) fn serde_problem(path: DocPath, message: &str) -> Problem {
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
        // Serde's words for Rust's types are said as a file's kinds of value.
        if let Some(words) = expected_in_words(expected) {
            let what = match what.strip_prefix("invalid type: ").and_then(found_in_words) {
                Some(found) => format!("{found} is not accepted here"),
                None if what.starts_with("invalid length") => "not accepted here".to_owned(),
                None => what.to_owned(),
            };
            return Problem::new(path, what).allowed(words);
        }
        return Problem::new(path, what.to_owned()).allowed(expected.to_owned());
    }
    Problem::new(path, message)
}
