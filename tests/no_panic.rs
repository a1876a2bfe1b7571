//! Nothing a file can hold makes the crate panic.
//!
//! Arbitrary text, arbitrary TOML and JSON documents, and structured
//! mutations of valid rulebooks and missions go to the loaders (TOML and
//! JSON); whatever loads goes on through the assessment, the reports and
//! the analyses (plan, robustness, compare, what-if). Every case must end in
//! `Ok` or `Err`, never a panic; every `Error::Invalid` must list at least
//! one diagnostic, each shown starting with the file name given. The example
//! programs must turn bad arguments and bad files into exit status 2 with a
//! message on stderr, never a panic.
//!
//! The case counts keep the whole file well under 30 s in a debug build;
//! raise them with `PROPTEST_CASES=...` for a longer run, or use the fuzzer
//! (docs/fuzzing.md).
#![cfg(all(feature = "toml", feature = "json"))]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use integration_readiness::analysis::{self, RobustnessOptions, Scenario};
use integration_readiness::model::{ContextValue, Rating};
use integration_readiness::{
    Error, MAX_INPUT_BYTES, Mission, Rulebook, assess, reference, report, template,
};
use proptest::prelude::*;
use proptest::sample::Index;
use toml::{Table, Value};

use common::SAMPLES;

const TINY_TEXT: &str = include_str!("data/tiny.toml");

/// The file name given to the loaders: a folder, a space and non-ASCII
/// letters, so that every message must carry the name exactly as given.
const FILE: &str = "fuzz dir/ünïcode file.toml";

static OSLO: LazyLock<Rulebook> = LazyLock::new(Rulebook::oslo_2007);
static TINY: LazyLock<Rulebook> = LazyLock::new(|| {
    Rulebook::from_toml(TINY_TEXT, "tiny.toml").expect("tests/data/tiny.toml loads")
});

// ---------------------------------------------------------------------------
// Feeding text to the loaders, and what loads to everything else.
// ---------------------------------------------------------------------------

/// The start of a text, for failure messages.
fn preview(text: &str) -> String {
    let cut: String = text.chars().take(300).collect();
    if cut.len() < text.len() {
        format!("{cut}... ({} bytes)", text.len())
    } else {
        cut
    }
}

/// The error of a loader given `text` must be well formed: `TooLarge`
/// exactly when the text is over the limit; otherwise `Invalid` with at
/// least one diagnostic, each shown starting with the file name and, for
/// TOML (`located`), placed on a line of the text.
fn check_error(e: &Error, text: &str, located: bool) {
    let over = text.len() > MAX_INPUT_BYTES;
    match e {
        Error::TooLarge { file, len, limit } => {
            assert!(over, "TooLarge for {} bytes", text.len());
            assert_eq!(
                (file.as_str(), *len, *limit),
                (FILE, text.len(), MAX_INPUT_BYTES)
            );
        }
        Error::Invalid(d) => {
            assert!(
                !over,
                "{} bytes over the limit, but not TooLarge",
                text.len()
            );
            assert!(
                !d.0.is_empty(),
                "Error::Invalid without a diagnostic for:\n{}",
                preview(text)
            );
            let lines = text.split('\n').count();
            for diag in &d.0 {
                let shown = diag.to_string();
                assert!(
                    shown.starts_with(FILE),
                    "diagnostic does not start with the file name {FILE:?}: {shown}\nfor:\n{}",
                    preview(text)
                );
                if located {
                    assert!(
                        (1..=lines).contains(&diag.line) && diag.column >= 1,
                        "diagnostic placed outside the text ({lines} lines): {shown}\nfor:\n{}",
                        preview(text)
                    );
                }
            }
            // The whole error shows too.
            assert!(e.to_string().starts_with(FILE));
        }
        other => panic!("a loader of text returned {other:?}"),
    }
}

fn rulebook_toml(text: &str) -> Option<Rulebook> {
    Rulebook::from_toml(text, FILE)
        .map_err(|e| check_error(&e, text, true))
        .ok()
}

fn rulebook_json(text: &str) -> Option<Rulebook> {
    Rulebook::from_json(text, FILE)
        .map_err(|e| check_error(&e, text, false))
        .ok()
}

fn mission_toml(text: &str, rb: &Rulebook) -> Option<Mission> {
    Mission::from_toml(text, FILE, rb)
        .map_err(|e| check_error(&e, text, true))
        .ok()
}

fn mission_json(text: &str, rb: &Rulebook) -> Option<Mission> {
    Mission::from_json(text, FILE, rb)
        .map_err(|e| check_error(&e, text, false))
        .ok()
}

/// The proptest configuration: `default` cases, or `PROPTEST_CASES` when
/// set (for a longer hunt).
fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig::with_cases(n)
}

/// Robustness options small enough for many cases in a debug build.
fn quick() -> RobustnessOptions {
    RobustnessOptions {
        samples: 50,
        ..RobustnessOptions::default()
    }
}

/// Runs a loaded mission through the assessment, every report and every
/// analysis; `other`, another mission of the same rulebook, is compared
/// with it.
fn exercise(rb: &Rulebook, m: &Mission, other: Option<&Mission>) {
    let a = assess(rb, m);
    let _ = report::text(rb, &a);
    let _ = report::markdown(rb, &a);
    #[cfg(feature = "json")]
    let _ = report::json(rb, &a);
    #[cfg(feature = "svg")]
    let _ = report::svg(rb, &a);
    let p = analysis::plan(rb, m);
    let _ = report::text(rb, &p);
    let _ = serde_json::to_string(&p);
    let r = analysis::robustness(rb, m, quick());
    let _ = report::text(rb, &r);
    let _ = serde_json::to_string(&r);
    let c = analysis::compare(&a, &a);
    let _ = report::text(rb, &c);
    if let Some(o) = other {
        let b = assess(rb, o);
        let c = analysis::compare(&b, &a);
        let _ = report::text(rb, &c);
        let _ = serde_json::to_string(&c);
    }
    // Writing the mission back, and reading what was written.
    if let Ok(t) = m.to_toml() {
        let _ = mission_toml(&t, rb);
    }
    if let Ok(t) = m.to_json() {
        let _ = mission_json(&t, rb);
    }
}

/// Runs a loaded rulebook through everything that takes a rulebook alone,
/// and an empty mission and its template through the rest.
fn exercise_rulebook(rb: &Rulebook) {
    let _ = reference::markdown(rb);
    let _ = reference::json(rb);
    if let Ok(t) = rb.to_toml() {
        let _ = rulebook_toml(&t);
    }
    if let Ok(t) = rb.to_json() {
        let _ = rulebook_json(&t);
    }
    let empty = mission_toml("[mission]\nname = \"empty\"\n", rb);
    let filled = mission_toml(&template::mission(rb, None), rb);
    if let Some(m) = &empty {
        exercise(rb, m, filled.as_ref());
    }
    if let Some(m) = &filled {
        exercise(rb, m, empty.as_ref());
    }
}

/// Feeds text to every loader: as a rulebook, and as a mission of the
/// default and of the tiny rulebook, in TOML and in JSON.
fn feed(text: &str) {
    if let Some(rb) = rulebook_toml(text) {
        exercise_rulebook(&rb);
    }
    if let Some(rb) = rulebook_json(text) {
        exercise_rulebook(&rb);
    }
    for rb in [&*OSLO, &*TINY] {
        if let Some(m) = mission_toml(text, rb) {
            exercise(rb, &m, None);
        }
        if let Some(m) = mission_json(text, rb) {
            exercise(rb, &m, None);
        }
    }
}

/// Feeds a mission text (TOML) to its rulebook, and on to everything when
/// it loads, compared with `original` (a mission that loads).
fn feed_mission(text: &str, rb: &Rulebook, original: Option<&Mission>) {
    if let Some(m) = mission_toml(text, rb) {
        exercise(rb, &m, original);
    }
}

// ---------------------------------------------------------------------------
// Strategies: words, TOML values, edits.
// ---------------------------------------------------------------------------

/// Keys of the two file formats, so that generated tables sometimes have
/// the right shape.
const KEYS: &[&str] = &[
    "rulebook",
    "mission",
    "name",
    "date",
    "description",
    "source",
    "default-weight",
    "effort-cost",
    "low",
    "medium",
    "high",
    "level",
    "id",
    "title",
    "meaning",
    "threshold",
    "dimension",
    "default-target",
    "weight",
    "citation",
    "section",
    "paragraph",
    "phrase",
    "theme",
    "role",
    "follows-mission",
    "context",
    "key",
    "values",
    "factor",
    "polarity",
    "question",
    "rating-guide",
    "weights",
    "weight-reasons",
    "effort",
    "remedy",
    "see-also",
    "gate",
    "dimensions",
    "at-least",
    "at-most",
    "because",
    "rule",
    "when",
    "roles",
    "evidence",
    "rating",
    "note",
    "sources",
    "entity",
    "current",
];

/// Ids and words of the rulebooks used here, and some that are not ids.
fn words() -> Vec<String> {
    let mut w: Vec<String> = [
        // Ratings, polarities, efforts.
        "none",
        "low",
        "partial",
        "high",
        "full",
        "unknown",
        "not-applicable",
        "enabler",
        "barrier",
        "medium",
        // The tiny rulebook and the generated ones.
        "e1",
        "e2",
        "b1",
        "a",
        "b",
        "c",
        "apart",
        "mid",
        "top",
        "t1",
        "t2",
        "hum",
        "dev",
        "mode",
        "flag",
        "small",
        "big",
        "f0",
        "f1",
        "f9",
        "l0",
        "l1",
        "l4",
        "t0",
        "role0",
        "role1",
        "k0",
        "k1",
        "x",
        "y",
        "z",
        "2007-10-29",
        // Not ids, or not any more.
        "",
        " ",
        "UPPER",
        "a--b",
        "-a",
        "a-",
        "ünï",
        "line\nbreak",
        "tab\there",
        "\u{0}",
        "\u{202e}rtl",
        "🙂",
        "x x x x x x x x x x x x x x",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let rb = &*OSLO;
    w.extend(rb.levels().iter().map(|l| l.id.clone()));
    w.extend(rb.dimensions().iter().map(|d| d.id.clone()));
    w.extend(rb.themes().iter().map(|t| t.id.clone()));
    w.extend(rb.roles().iter().map(|r| r.id.clone()));
    w.extend(rb.factors().iter().take(8).map(|f| f.id.clone()));
    for k in rb.context_keys() {
        w.push(k.key.clone());
        w.extend(k.values.iter().filter_map(|v| match v {
            ContextValue::Word(s) => Some(s.clone()),
            ContextValue::Flag(_) => None,
        }));
    }
    w.push("x".repeat(300));
    w
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(words())
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(KEYS).prop_map(str::to_owned),
        2 => word(),
        1 => "[a-z][a-z0-9-]{0,12}",
        1 => ".{0,8}",
    ]
}

/// Numbers at the edges: NaN, the infinities, the largest and smallest,
/// negative, zero, just over 100, over `u32`.
fn special_number() -> impl Strategy<Value = Value> {
    prop::sample::select(vec![
        Value::Float(f64::NAN),
        Value::Float(-f64::NAN),
        Value::Float(f64::INFINITY),
        Value::Float(f64::NEG_INFINITY),
        Value::Float(f64::MAX),
        Value::Float(f64::MIN),
        Value::Float(1e308),
        Value::Float(-1e308),
        Value::Float(f64::MIN_POSITIVE),
        Value::Float(5e-324),
        Value::Float(-0.0),
        Value::Float(0.0),
        Value::Float(-1.0),
        Value::Float(1e-12),
        Value::Float(100.000_000_1),
        Value::Float(1e15),
        Value::Integer(i64::MAX),
        Value::Integer(i64::MIN),
        Value::Integer(-1),
        Value::Integer(0),
        Value::Integer(101),
        Value::Integer(4_294_967_296),
    ])
}

/// Numbers a file may well hold, so that edited files often still load.
fn plausible_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0.0f64..=100.0).prop_map(Value::Float),
        prop::sample::select(vec![0.0, 0.5, 1.0, 2.0, 4.0, 50.0, 99.999, 100.0])
            .prop_map(Value::Float),
        (0i64..=100).prop_map(Value::Integer),
    ]
}

/// A scalar of any TOML type.
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => word().prop_map(Value::String),
        2 => ".{0,24}".prop_map(Value::String),
        2 => any::<i64>().prop_map(Value::Integer),
        2 => any::<f64>().prop_map(Value::Float),
        2 => special_number(),
        1 => any::<bool>().prop_map(Value::Boolean),
        1 => prop::sample::select(vec!["2007-10-29", "1979-05-27T07:32:00Z", "07:32:00"])
            .prop_map(|d| Value::Datetime(d.parse().expect("a TOML datetime"))),
    ]
}

/// A TOML value: scalars, and arrays and tables of them, nested.
fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..5)
                .prop_map(|m| Value::Table(m.into_iter().collect())),
        ]
    })
}

/// A TOML document: a table of values.
fn document() -> impl Strategy<Value = Table> {
    prop::collection::btree_map(key(), value(), 0..7).prop_map(|m| m.into_iter().collect())
}

/// What replaces a value: a wrong type, an edge number, another word.
fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => special_number(),
        3 => plausible_number(),
        4 => word().prop_map(Value::String),
        3 => leaf(),
        1 => value(),
        1 => Just(Value::Array(Vec::new())),
        1 => Just(Value::Table(Table::new())),
    ]
}

/// One step of a path into a TOML document.
#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    At(usize),
}

/// A structured edit of a document, at a path picked among all its nodes.
#[derive(Debug, Clone)]
enum Edit {
    /// Replaces the node with another value (often of the wrong type).
    Replace(Index, Value),
    /// Deletes the key or the array element.
    Delete(Index),
    /// Inserts a key (often unknown) into the table at or around the node.
    Insert(Index, String, Value),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<Index>(), replacement()).prop_map(|(i, v)| Edit::Replace(i, v)),
        2 => any::<Index>().prop_map(Edit::Delete),
        2 => (any::<Index>(), key(), replacement()).prop_map(|(i, k, v)| Edit::Insert(i, k, v)),
    ]
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(edit(), 1..=3)
}

/// Every node's path, the root (empty) first.
fn paths(table: &Table) -> Vec<Vec<Seg>> {
    fn walk(v: &Value, path: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
        out.push(path.clone());
        match v {
            Value::Table(t) => {
                for (k, v) in t {
                    path.push(Seg::Key(k.clone()));
                    walk(v, path, out);
                    path.pop();
                }
            }
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    path.push(Seg::At(i));
                    walk(v, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = vec![Vec::new()];
    let mut path = Vec::new();
    for (k, v) in table {
        path.push(Seg::Key(k.clone()));
        walk(v, &mut path, &mut out);
        path.pop();
    }
    out
}

/// The node at a non-empty path.
fn node<'a>(table: &'a Table, path: &[Seg]) -> Option<&'a Value> {
    let (first, rest) = path.split_first()?;
    let Seg::Key(k) = first else { return None };
    let mut v = table.get(k)?;
    for seg in rest {
        v = match (seg, v) {
            (Seg::Key(k), Value::Table(t)) => t.get(k)?,
            (Seg::At(i), Value::Array(a)) => a.get(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

/// The node at a non-empty path, to change.
fn node_mut<'a>(table: &'a mut Table, path: &[Seg]) -> Option<&'a mut Value> {
    let (first, rest) = path.split_first()?;
    let Seg::Key(k) = first else { return None };
    let mut v = table.get_mut(k)?;
    for seg in rest {
        v = match (seg, v) {
            (Seg::Key(k), Value::Table(t)) => t.get_mut(k)?,
            (Seg::At(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

/// Applies an edit; an edit that does not fit the document does nothing.
fn apply_edit(doc: &mut Table, e: &Edit) {
    let all = paths(doc);
    let pick = |i: &Index| all[i.index(all.len())].clone();
    match e {
        Edit::Replace(i, v) => {
            let path = pick(i);
            match node_mut(doc, &path) {
                Some(node) => *node = v.clone(),
                None => {
                    if let Value::Table(t) = v {
                        *doc = t.clone();
                    }
                }
            }
        }
        Edit::Delete(i) => {
            let path = pick(i);
            let Some((last, parent)) = path.split_last() else {
                doc.clear();
                return;
            };
            match (last, parent.is_empty()) {
                (Seg::Key(k), true) => {
                    doc.remove(k);
                }
                (last, false) => match (last, node_mut(doc, parent)) {
                    (Seg::Key(k), Some(Value::Table(t))) => {
                        t.remove(k);
                    }
                    (Seg::At(i), Some(Value::Array(a))) => {
                        a.remove(*i);
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        Edit::Insert(i, k, v) => {
            let path = pick(i);
            if path.is_empty() {
                doc.insert(k.clone(), v.clone());
                return;
            }
            match node_mut(doc, &path) {
                Some(Value::Table(t)) => {
                    t.insert(k.clone(), v.clone());
                }
                Some(Value::Array(a)) => a.push(v.clone()),
                _ => {
                    // A scalar: into the table that holds it.
                    let parent = &path[..path.len() - 1];
                    if parent.is_empty() {
                        doc.insert(k.clone(), v.clone());
                    } else if let Some(Value::Table(t)) = node_mut(doc, parent) {
                        t.insert(k.clone(), v.clone());
                    }
                }
            }
        }
    }
}

/// A TOML text edited as text: what structured edits cannot write.
#[derive(Debug, Clone)]
enum TextEdit {
    /// Writes a line twice (a duplicate key, or a table header twice).
    DuplicateLine(Index),
    /// Inserts a raw line after a line.
    InsertLine(Index, String),
    /// Cuts the text short.
    Truncate(Index),
    /// Deletes a line.
    DeleteLine(Index),
}

/// Raw lines that break the shape or the syntax in ways the serializer
/// would not write.
const RAW_LINES: &[&str] = &[
    "a = 1",
    "a = 2",
    "[mission]",
    "[evidence]",
    "[[entity]]",
    "[[level]]",
    "[[factor]]",
    "[context]",
    "[evidence.senior-leadership-cohesion]",
    "rating = \"high\"",
    "rating = high",
    "rating = 1979-05-27",
    "date = 2007-10-29",
    "name = \"\"\"multi\nline\"\"\"",
    "threshold = { a = nan, b = inf }",
    "weights = { a = -inf }",
    "weight = 1e999",
    "paragraph = -1",
    "paragraph = 99999999999999999999",
    "x = [1, \"two\", 3.0, true, { a = 1 }]",
    "x = {",
    "= 1",
    "\"\" = 1",
    "'\u{0}' = 1",
    "[a.b.c.d.e.f]",
    "[[a.b]]",
    "[ mission . name ]",
    "# a comment",
    "\u{feff}",
    "\r",
];

fn text_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        3 => any::<Index>().prop_map(TextEdit::DuplicateLine),
        3 => (any::<Index>(), prop_oneof![
            3 => prop::sample::select(RAW_LINES).prop_map(str::to_owned),
            1 => ".{0,30}",
        ])
            .prop_map(|(i, l)| TextEdit::InsertLine(i, l)),
        1 => any::<Index>().prop_map(TextEdit::Truncate),
        2 => any::<Index>().prop_map(TextEdit::DeleteLine),
    ]
}

fn apply_text_edit(text: &str, e: &TextEdit) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    match e {
        TextEdit::DuplicateLine(i) => {
            let at = i.index(lines.len());
            lines.insert(at, lines[at]);
            lines.join("\n")
        }
        TextEdit::InsertLine(i, l) => {
            let at = i.index(lines.len() + 1);
            lines.insert(at, l);
            lines.join("\n")
        }
        TextEdit::Truncate(i) => {
            let mut at = i.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text[..at].to_owned()
        }
        TextEdit::DeleteLine(i) => {
            lines.remove(i.index(lines.len()));
            lines.join("\n")
        }
    }
}

/// A TOML text: the document with the edits applied, or `None` when the
/// serializer cannot write it.
fn edited(text: &str, edits: &[Edit]) -> Option<String> {
    let mut doc: Table = toml::from_str(text).expect("a valid document parses as a table");
    for e in edits {
        apply_edit(&mut doc, e);
    }
    toml::to_string(&doc).ok()
}

/// The same document as JSON (edge numbers become `null` there).
fn as_json(text: &str) -> Option<String> {
    let doc: Table = toml::from_str(text).ok()?;
    serde_json::to_string(&doc).ok()
}

fn sample() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop::sample::select(SAMPLES.to_vec())
}

fn oslo_sample(text: &str) -> Mission {
    Mission::from_toml(text, "sample.toml", &OSLO).expect("the samples load")
}

// ---------------------------------------------------------------------------
// Arbitrary text and documents.
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn arbitrary_strings_to_every_loader(text in ".*") {
        feed(&text);
    }

    #[test]
    fn toml_alphabet_strings_to_every_loader(
        text in "[\\[\\]{}=\"'.,:#a-z0-9 _+-]{0,40}(\n[\\[\\]{}=\"'.,:#a-z0-9 _+-]{0,40}){0,6}"
    ) {
        feed(&text);
    }

    #[test]
    fn lossy_bytes_to_every_loader(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        feed(&String::from_utf8_lossy(&bytes));
    }
}

proptest! {
    #![proptest_config(cases(192))]

    #[test]
    fn arbitrary_toml_documents_to_every_loader(doc in document()) {
        if let Ok(text) = toml::to_string(&doc) {
            feed(&text);
        }
    }

    #[test]
    fn arbitrary_json_documents_to_every_loader(doc in document()) {
        // NaN and the infinities are not JSON: serde_json writes them as null.
        if let Ok(text) = serde_json::to_string(&doc) {
            feed(&text);
        }
    }

    #[test]
    fn mission_shaped_documents_to_the_mission_loaders(parts in mission_parts()) {
        for rb in [&*OSLO, &*TINY] {
            let doc = parts.document(rb);
            if let Ok(text) = toml::to_string(&doc) {
                feed_mission(&text, rb, None);
            }
            if let Ok(text) = serde_json::to_string(&doc) {
                if let Some(m) = mission_json(&text, rb) {
                    exercise(rb, &m, None);
                }
            }
        }
    }
}

/// An id or word: mostly one the rulebook knows (picked by index), else any.
#[derive(Debug, Clone)]
enum Pick<T> {
    Known(Index),
    Other(T),
}

fn pick<T: std::fmt::Debug + Clone>(
    other: impl Strategy<Value = T>,
) -> impl Strategy<Value = Pick<T>> {
    prop_oneof![
        5 => any::<Index>().prop_map(Pick::Known),
        1 => other.prop_map(Pick::Other),
    ]
}

impl Pick<String> {
    fn key(&self, known: &[String]) -> String {
        match self {
            Pick::Known(i) if !known.is_empty() => known[i.index(known.len())].clone(),
            Pick::Known(_) => "nothing-known".to_owned(),
            Pick::Other(s) => s.clone(),
        }
    }
}

impl Pick<Value> {
    fn value(&self, known: &[Value]) -> Value {
        match self {
            Pick::Known(i) if !known.is_empty() => known[i.index(known.len())].clone(),
            Pick::Known(_) => Value::String("nothing-known".to_owned()),
            Pick::Other(v) => v.clone(),
        }
    }
}

/// (factor, rating, note, sources) of one `[evidence.ID]` table.
type EvidenceParts = (Pick<String>, Pick<Value>, Option<Value>, Option<Value>);

/// (name, role, current levels by dimension) of one `[[entity]]`.
type EntityParts = (Value, Pick<String>, Vec<(Pick<String>, Pick<Value>)>);

/// The parts of a mission document, resolved against a rulebook: the right
/// keys in the right places, mostly with ids and words it knows, sometimes
/// with any value at all.
#[derive(Debug, Clone)]
struct MissionParts {
    name: Value,
    date: Option<Value>,
    context: Vec<(Pick<String>, Index, Pick<Value>)>,
    evidence: Vec<EvidenceParts>,
    effort: Vec<(Pick<String>, Pick<Value>)>,
    entities: Vec<EntityParts>,
}

fn mission_parts() -> impl Strategy<Value = MissionParts> {
    let text = || prop_oneof![4 => ".{0,20}".prop_map(Value::String), 1 => value()];
    (
        text(),
        prop::option::of(prop_oneof![
            Just(Value::String("2007-10-29".into())),
            Just(Value::String("2007-02-30".into())),
            leaf(),
        ]),
        prop::collection::vec((pick(word()), any::<Index>(), pick(value())), 0..4),
        prop::collection::vec(
            (
                pick(word()),
                pick(value()),
                prop::option::of(text()),
                prop::option::of(prop_oneof![
                    prop::collection::vec(".{0,10}".prop_map(Value::String), 0..3)
                        .prop_map(Value::Array),
                    value(),
                ]),
            ),
            0..10,
        ),
        prop::collection::vec((pick(word()), pick(value())), 0..3),
        prop::collection::vec(
            (
                text(),
                pick(word()),
                prop::collection::vec((pick(word()), pick(value())), 0..3),
            ),
            0..3,
        ),
    )
        .prop_map(
            |(name, date, context, evidence, effort, entities)| MissionParts {
                name,
                date,
                context,
                evidence,
                effort,
                entities,
            },
        )
}

fn strings(v: impl IntoIterator<Item = impl Into<String>>) -> Vec<Value> {
    v.into_iter().map(|s| Value::String(s.into())).collect()
}

impl MissionParts {
    fn document(&self, rb: &Rulebook) -> Table {
        let factors: Vec<String> = rb.factors().iter().map(|f| f.id.clone()).collect();
        let keys: Vec<String> = rb.context_keys().iter().map(|k| k.key.clone()).collect();
        let roles: Vec<String> = rb.roles().iter().map(|r| r.id.clone()).collect();
        let dims: Vec<String> = rb.dimensions().iter().map(|d| d.id.clone()).collect();
        let levels = strings(rb.levels().iter().map(|l| l.id.clone()));
        let ratings = strings(Rating::ALL.iter().map(|r| r.as_str()));
        let efforts = strings(["low", "medium", "high"]);

        let mut mission = Table::new();
        mission.insert("name".into(), self.name.clone());
        if let Some(d) = &self.date {
            mission.insert("date".into(), d.clone());
        }
        let mut doc = Table::new();
        doc.insert("mission".into(), Value::Table(mission));

        let mut context = Table::new();
        for (k, vi, v) in &self.context {
            let key = k.key(&keys);
            // The values of the key picked, or of any key.
            let known: Vec<Value> = rb
                .context_keys()
                .iter()
                .find(|c| c.key == key)
                .or_else(|| {
                    let n = rb.context_keys().len();
                    (n > 0).then(|| &rb.context_keys()[vi.index(n)])
                })
                .map(|c| {
                    c.values
                        .iter()
                        .map(|v| match v {
                            ContextValue::Word(w) => Value::String(w.clone()),
                            ContextValue::Flag(b) => Value::Boolean(*b),
                        })
                        .collect()
                })
                .unwrap_or_default();
            context.insert(key, v.value(&known));
        }
        doc.insert("context".into(), Value::Table(context));

        let mut evidence = Table::new();
        for (f, r, note, sources) in &self.evidence {
            let mut e = Table::new();
            e.insert("rating".into(), r.value(&ratings));
            if let Some(n) = note {
                e.insert("note".into(), n.clone());
            }
            if let Some(s) = sources {
                e.insert("sources".into(), s.clone());
            }
            evidence.insert(f.key(&factors), Value::Table(e));
        }
        doc.insert("evidence".into(), Value::Table(evidence));

        let effort: Table = self
            .effort
            .iter()
            .map(|(f, e)| (f.key(&factors), e.value(&efforts)))
            .collect();
        doc.insert("effort".into(), Value::Table(effort));

        let entities = self
            .entities
            .iter()
            .map(|(name, role, current)| {
                let mut e = Table::new();
                e.insert("name".into(), name.clone());
                e.insert("role".into(), Value::String(role.key(&roles)));
                let current: Table = current
                    .iter()
                    .map(|(d, l)| (d.key(&dims), l.value(&levels)))
                    .collect();
                e.insert("current".into(), Value::Table(current));
                Value::Table(e)
            })
            .collect();
        doc.insert("entity".into(), Value::Array(entities));
        doc
    }
}

// ---------------------------------------------------------------------------
// Structured mutations of valid files.
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(160))]

    #[test]
    fn mutated_generated_rulebooks_and_missions(
        (rb, m) in common::case(),
        rb_edits in edits(),
        m_edits in edits(),
        which in 0..3u8,
    ) {
        let rb_text = toml::to_string(&rb).expect("a generated rulebook writes");
        let m_text = toml::to_string(&m).expect("a generated mission writes");
        let (original_rb, original_m) = common::load(&rb, &m);
        // 0: the rulebook edited; 1: the mission; 2: both.
        let rb_text = if which != 1 {
            edited(&rb_text, &rb_edits).unwrap_or(rb_text)
        } else {
            rb_text
        };
        let m_text = if which != 0 {
            edited(&m_text, &m_edits).unwrap_or(m_text)
        } else {
            m_text
        };
        if let Some(rb) = rulebook_toml(&rb_text) {
            exercise_rulebook(&rb);
            // The original mission against the edited rulebook, compared
            // with the edited one.
            let base = mission_toml(&toml::to_string(&m).unwrap(), &rb);
            feed_mission(&m_text, &rb, base.as_ref());
        }
        if let Some(json) = as_json(&rb_text) {
            if let Some(rb) = rulebook_json(&json) {
                exercise_rulebook(&rb);
            }
        }
        feed_mission(&m_text, &original_rb, Some(&original_m));
        if let Some(json) = as_json(&m_text) {
            if let Some(m) = mission_json(&json, &original_rb) {
                exercise(&original_rb, &m, Some(&original_m));
            }
        }
    }

    #[test]
    fn mutated_tiny_rulebook(edits in edits()) {
        if let Some(text) = edited(TINY_TEXT, &edits) {
            if let Some(rb) = rulebook_toml(&text) {
                exercise_rulebook(&rb);
                let m = "[mission]\nname = \"M\"\n[context]\nmode = \"big\"\nflag = true\n\
                         [evidence.e1]\nrating = \"low\"\n[evidence.b1]\nrating = \"high\"\n\
                         [[entity]]\nname = \"H\"\nrole = \"hum\"\ncurrent = { a = \"top\" }\n";
                let base = mission_toml(m, &rb);
                feed_mission(m, &rb, base.as_ref());
            }
            if let Some(json) = as_json(&text) {
                let _ = rulebook_json(&json);
            }
        }
    }
}

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn mutated_sample_missions_against_the_default_rulebook(
        (_, text) in sample(),
        edits in edits(),
    ) {
        let original = oslo_sample(text);
        if let Some(t) = edited(text, &edits) {
            feed_mission(&t, &OSLO, Some(&original));
            if let Some(json) = as_json(&t) {
                if let Some(m) = mission_json(&json, &OSLO) {
                    exercise(&OSLO, &m, Some(&original));
                }
            }
        }
    }

    #[test]
    fn text_edits_of_sample_missions_and_the_tiny_rulebook(
        (_, text) in sample(),
        edits in prop::collection::vec(text_edit(), 1..=3),
    ) {
        let original = oslo_sample(text);
        let mut t = text.to_owned();
        let mut r = TINY_TEXT.to_owned();
        for e in &edits {
            t = apply_text_edit(&t, e);
            r = apply_text_edit(&r, e);
        }
        feed_mission(&t, &OSLO, Some(&original));
        if let Some(rb) = rulebook_toml(&r) {
            exercise_rulebook(&rb);
        }
    }
}

proptest! {
    #![proptest_config(cases(24))]

    #[test]
    fn mutated_default_rulebook(edits in edits()) {
        if let Some(text) = edited(Rulebook::oslo_2007_text(), &edits) {
            if let Some(rb) = rulebook_toml(&text) {
                exercise_rulebook(&rb);
                // A sample mission against the edited rulebook.
                let (_, sample) = SAMPLES[0];
                let base = mission_toml(sample, &rb);
                feed_mission(SAMPLES[1].1, &rb, base.as_ref());
            }
        }
    }
}

/// A path with array indices and ids (keys that are not keys of the
/// formats) left out: the kind of place a node is in.
fn pattern(path: &[Seg]) -> String {
    path.iter()
        .map(|s| match s {
            Seg::At(_) => "[]".to_owned(),
            Seg::Key(k) if KEYS.contains(&k.as_str()) => k.clone(),
            Seg::Key(_) => "*".to_owned(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// One path of each pattern, for string values, or for keys.
fn one_of_each(doc: &Table, keys: bool) -> Vec<Vec<Seg>> {
    let mut seen = std::collections::BTreeSet::new();
    paths(doc)
        .into_iter()
        .filter(|p| {
            if keys {
                matches!(p.last(), Some(Seg::Key(_)))
            } else {
                matches!(node(doc, p), Some(Value::String(_)))
            }
        })
        .filter(|p| seen.insert(pattern(p)))
        .collect()
}

/// The document with the string value at `path`, or the key at its end,
/// made `long`.
fn lengthened(doc: &Table, path: &[Seg], key: bool, long: &str) -> String {
    let mut doc = doc.clone();
    if key {
        let (Some(Seg::Key(k)), parent) = (path.last(), &path[..path.len() - 1]) else {
            unreachable!("a key path")
        };
        let t = if parent.is_empty() {
            Some(&mut doc)
        } else {
            match node_mut(&mut doc, parent) {
                Some(Value::Table(t)) => Some(t),
                _ => None,
            }
        };
        if let Some(t) = t {
            if let Some(v) = t.remove(k) {
                t.insert(long.to_owned(), v);
            }
        }
    } else if let Some(n) = node_mut(&mut doc, path) {
        *n = Value::String(long.to_owned());
    }
    toml::to_string(&doc).expect("the document writes")
}

/// A 1 MB string (512 Ki two-byte characters).
fn megabyte() -> String {
    "é".repeat(512 * 1024)
}

/// Keys whose values are free text: no id or word is looked up in them.
const FREE_TEXT: &[&str] = &[
    "name",
    "note",
    "description",
    "date",
    "sources",
    "source",
    "title",
    "meaning",
    "because",
    "remedy",
    "question",
    "section",
    "phrase",
    "weight-reasons",
];

/// The free-text key the string value at `path` belongs to (its own key,
/// or the key of its array or table), if any.
fn free_text(path: &[Seg]) -> Option<&str> {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::At(_) => None,
        })
        .collect();
    match keys.as_slice() {
        [.., parent, last] if FREE_TEXT.contains(parent) => Some(parent),
        [.., last] => FREE_TEXT.contains(last).then_some(*last),
        [] => None,
    }
}

/// The places, besides free text, where a 1 MB word is tried in the
/// default run: one of each kind of look-up (an unknown id, an unknown
/// word, an unknown key). The rest are in the ignored test below.
const LOOKED_UP_IN_DEFAULT_RUN: &[(bool, &str)] = &[
    (false, "context.*"),
    (true, "mission.name"),
    (false, "factor.[].id"),
    (false, "gate.[].factor"),
    (true, "level.[].threshold.*"),
];

/// Each 1 MB variant of the sample mission and the tiny rulebook: (is a
/// rulebook, key or value, pattern, text). `class` chooses the places and
/// says which are alike: one place of each class is kept.
fn megabyte_variants(
    class: impl Fn(bool, &[Seg]) -> Option<String>,
) -> Vec<(bool, bool, String, String)> {
    let long = megabyte();
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (is_rulebook, text) in [(false, SAMPLES[0].1), (true, TINY_TEXT)] {
        let doc: Table = toml::from_str(text).unwrap();
        for key in [false, true] {
            for path in one_of_each(&doc, key) {
                let keep = class(key, &path).is_some_and(|c| seen.insert((is_rulebook, key, c)));
                if keep {
                    let t = lengthened(&doc, &path, key, &long);
                    assert!(t.len() > 1_000_000);
                    out.push((is_rulebook, key, pattern(&path), t));
                }
            }
        }
    }
    out
}

/// The class of a place tried in the default run: free text (alike when
/// under the same key), or one of [`LOOKED_UP_IN_DEFAULT_RUN`].
fn in_default_run(key: bool, path: &[Seg]) -> Option<String> {
    let p = pattern(path);
    if LOOKED_UP_IN_DEFAULT_RUN.contains(&(key, p.as_str())) {
        return Some(p);
    }
    free_text(path).filter(|_| !key).map(str::to_owned)
}

#[test]
fn megabyte_strings_in_free_text_and_looked_up_places() {
    let original = oslo_sample(SAMPLES[0].1);
    let variants = megabyte_variants(in_default_run);
    assert!(variants.len() >= 15, "{} places", variants.len());
    for (is_rulebook, _, _, t) in variants {
        if is_rulebook {
            if let Some(rb) = rulebook_toml(&t) {
                exercise_rulebook(&rb);
            }
        } else {
            feed_mission(&t, &OSLO, Some(&original));
        }
    }
}

// A 1 MB word that the loaders look up (an unknown id, rating word or key)
// must be refused quickly: the "did you mean" suggestion skips words longer
// than any id (`error::MAX_SUGGEST_LEN`); comparing them with every
// candidate once took seconds each.
#[test]
fn megabyte_unknown_ids_words_and_keys_everywhere() {
    // Not a timing test: the words are refused, and the messages stay short
    // (a huge word is cut in messages, not echoed whole).
    let others = |key, path: &[Seg]| {
        let p = pattern(path);
        in_default_run(key, path).is_none().then_some(p)
    };
    for (is_rulebook, key, pattern, t) in megabyte_variants(others) {
        let message = if is_rulebook {
            Rulebook::from_toml(&t, FILE).err().map(|e| e.to_string())
        } else {
            Mission::from_toml(&t, FILE, &OSLO)
                .err()
                .map(|e| e.to_string())
        };
        let what = if is_rulebook { "rulebook" } else { "mission" };
        let place = if key { "key" } else { "value" };
        if let Some(m) = message {
            assert!(
                m.len() < 512 * 1024,
                "{what} {place} at {pattern}: a {} byte message",
                m.len()
            );
        }
    }
}

// ---------------------------------------------------------------------------
// What-if scenarios.
// ---------------------------------------------------------------------------

/// A what-if scenario, resolved against a rulebook: mostly its own factor
/// ids, context keys and values, sometimes any word.
#[derive(Debug, Clone)]
struct ScenarioParts {
    ratings: Vec<(Pick<String>, Rating)>,
    context: Vec<(Pick<String>, Index, Pick<Value>)>,
    forget: Vec<Pick<String>>,
}

fn scenario_parts() -> impl Strategy<Value = ScenarioParts> {
    let flag_or_word = prop_oneof![
        word().prop_map(Value::String),
        any::<bool>().prop_map(Value::Boolean),
    ];
    (
        prop::collection::vec((pick(word()), common::rating()), 0..8),
        prop::collection::vec((pick(word()), any::<Index>(), pick(flag_or_word)), 0..3),
        prop::collection::vec(pick(word()), 0..2),
    )
        .prop_map(|(ratings, context, forget)| ScenarioParts {
            ratings,
            context,
            forget,
        })
}

impl ScenarioParts {
    fn scenario(&self, rb: &Rulebook) -> Scenario {
        let factors: Vec<String> = rb.factors().iter().map(|f| f.id.clone()).collect();
        let keys: Vec<String> = rb.context_keys().iter().map(|k| k.key.clone()).collect();
        let mut s = Scenario::default();
        for (f, r) in &self.ratings {
            s.ratings.insert(f.key(&factors), *r);
        }
        for (k, vi, v) in &self.context {
            let key = k.key(&keys);
            let known: Vec<Value> = match rb.context_keys() {
                [] => Vec::new(),
                all => all[vi.index(all.len())]
                    .values
                    .iter()
                    .map(|v| match v {
                        ContextValue::Word(w) => Value::String(w.clone()),
                        ContextValue::Flag(b) => Value::Boolean(*b),
                    })
                    .collect(),
            };
            let value = match v.value(&known) {
                Value::Boolean(b) => ContextValue::Flag(b),
                Value::String(w) => ContextValue::Word(w),
                other => ContextValue::Word(other.to_string()),
            };
            s.context.insert(key, value);
        }
        s.forget_context = self.forget.iter().map(|k| k.key(&keys)).collect();
        s
    }
}

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn whatif_scenarios_on_sample_and_generated_missions(
        (_, text) in sample(),
        (rb, m) in common::case(),
        parts in scenario_parts(),
    ) {
        let base = oslo_sample(text);
        if let Ok(m2) = analysis::apply(&OSLO, &base, &parts.scenario(&OSLO)) {
            exercise(&OSLO, &m2, Some(&base));
        }
        let (grb, gm) = common::load(&rb, &m);
        if let Ok(m2) = analysis::apply(&grb, &gm, &parts.scenario(&grb)) {
            exercise(&grb, &m2, Some(&gm));
        }
    }

    #[test]
    fn robustness_options_at_the_edges(
        (_, text) in sample(),
        (rb, m) in common::case(),
        noise in prop_oneof![
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(-1.0),
            Just(0.0),
            Just(100.0),
            Just(1e300),
            any::<f64>(),
            0.0f64..=100.0,
        ],
        samples in prop_oneof![Just(0usize), Just(1), 0usize..64],
        seed in any::<u64>(),
    ) {
        let opts = RobustnessOptions { noise_percent: noise, samples, seed };
        let r = analysis::robustness(&OSLO, &oslo_sample(text), opts);
        let _ = serde_json::to_string(&r);
        let (rb, m) = common::load(&rb, &m);
        let r = analysis::robustness(&rb, &m, opts);
        let _ = serde_json::to_string(&r);
    }

    #[test]
    fn generated_valid_cases_through_every_analysis((rb, m) in common::case()) {
        let (rb, m) = common::load(&rb, &m);
        exercise_rulebook(&rb);
        exercise(&rb, &m, None);
    }
}

// ---------------------------------------------------------------------------
// Fixed hostile inputs.
// ---------------------------------------------------------------------------

const DEPTH: usize = 10_000;

/// Texts nested `DEPTH` deep, in every place a loader may reach.
fn deep_texts() -> Vec<(String, String)> {
    let arrays = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let arrays_of_one = format!("{}1{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let inline = format!("{}{}", "{a=".repeat(DEPTH), "}".repeat(DEPTH));
    let inline_arrays = format!("{}{}", "{a=[".repeat(DEPTH / 2), "]}".repeat(DEPTH / 2));
    let unclosed = "[".repeat(DEPTH);
    let dotted = (0..DEPTH).map(|_| "a").collect::<Vec<_>>().join(".");
    let mut out = Vec::new();
    for (what, v) in [
        ("arrays", &arrays),
        ("arrays of one", &arrays_of_one),
        ("inline tables", &inline),
        ("inline tables of arrays", &inline_arrays),
        ("unclosed arrays", &unclosed),
    ] {
        out.push((format!("top-level key = {what}"), format!("x = {v}\n")));
        out.push((
            format!("mission name = {what}"),
            format!("[mission]\nname = {v}\n"),
        ));
        out.push((
            format!("a rating = {what}"),
            format!(
                "[mission]\nname = \"M\"\n[evidence.senior-leadership-cohesion]\nrating = {v}\n"
            ),
        ));
        out.push((
            format!("a context value = {what}"),
            format!("[mission]\nname = \"M\"\n[context]\nmandate = {v}\n"),
        ));
        out.push((
            format!("level thresholds = {what}"),
            TINY_TEXT.replacen(
                "threshold = { a = 40.0, b = 40.0 }",
                &format!("threshold = {v}"),
                1,
            ),
        ));
    }
    out.push(("a dotted key 10 000 long".into(), format!("{dotted} = 1\n")));
    out.push(("a table header 10 000 long".into(), format!("[{dotted}]\n")));
    out.push((
        "an array-of-tables header 10 000 long".into(),
        format!("[[{dotted}]]\n"),
    ));
    out
}

#[test]
fn deeply_nested_arrays_and_inline_tables_to_every_loader() {
    // On the test thread's default stack (2 MiB), so that a recursion
    // without a limit would show here as a stack overflow.
    for (what, text) in deep_texts() {
        eprintln!("deep input: {what}");
        feed(&text);
    }
    // JSON nested as deep.
    for text in [
        format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH)),
        format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH)),
        format!(
            "{{\"mission\":{{\"name\":\"M\"}},\"context\":{{\"mandate\":{}{}}}}}",
            "[".repeat(DEPTH),
            "]".repeat(DEPTH)
        ),
    ] {
        feed(&text);
    }
}

#[test]
fn duplicate_keys_and_tables_to_every_loader() {
    let cases = [
        "a = 1\na = 2\n",
        "[mission]\nname = \"x\"\nname = \"y\"\n",
        "[mission]\nname = \"x\"\n[mission]\nname = \"y\"\n",
        "[mission]\nname = \"x\"\n[evidence.e1]\nrating = \"low\"\n[evidence.e1]\nrating = \"high\"\n",
        "[mission]\nname = \"x\"\n[evidence.e1]\nrating = \"low\"\nrating = \"high\"\n",
        "[mission]\nname = \"x\"\n[context]\nmode = \"big\"\nmode = \"small\"\n",
        "[mission]\nname = \"x\"\nmission = { name = \"y\" }\n",
        "mission = { name = \"x\" }\n[mission]\nname = \"y\"\n",
        "[mission]\nname = \"x\"\n[[mission]]\nname = \"y\"\n",
        "[mission]\nname = \"x\"\n[[entity]]\nname = \"A\"\nrole = \"hum\"\n[entity]\nname = \"B\"\n",
        "[mission]\nname = \"x\"\nevidence.e1.rating = \"low\"\n[evidence.e1]\nrating = \"low\"\n",
        "{\"mission\":{\"name\":\"x\",\"name\":\"y\"}}",
        "{\"mission\":{\"name\":\"x\"},\"mission\":{\"name\":\"y\"}}",
    ];
    for text in cases {
        feed(text);
    }
    // A key of the tiny rulebook written twice, at every line that has one.
    for (i, line) in TINY_TEXT.lines().enumerate() {
        if line.contains(" = ") || line.starts_with('[') {
            let mut lines: Vec<&str> = TINY_TEXT.lines().collect();
            lines.insert(i, line);
            let text = lines.join("\n");
            if let Some(rb) = rulebook_toml(&text) {
                // Only `[[...]]` headers may repeat: an empty element is a
                // shape problem, never accepted silently as a table.
                assert!(line.starts_with("[["), "duplicate line {line:?} accepted");
                exercise_rulebook(&rb);
            }
        }
    }
    // A sample mission with each evidence header written twice.
    let (_, text) = SAMPLES[0];
    let header = text
        .lines()
        .find(|l| l.starts_with("[evidence."))
        .expect("a sample with evidence");
    let doubled = text.replacen(header, &format!("{header}\nrating = \"low\"\n{header}"), 1);
    assert!(mission_toml(&doubled, &OSLO).is_none());
}

#[test]
fn input_just_over_the_size_limit_is_too_large() {
    let (_, text) = SAMPLES[0];
    let pad = |len: usize| {
        let mut t = text.to_owned();
        t.push_str("\n#");
        while t.len() < len {
            t.push('x');
        }
        t.truncate(len);
        t
    };
    // Exactly at the limit: a valid mission still loads.
    let at = pad(MAX_INPUT_BYTES);
    assert_eq!(at.len(), MAX_INPUT_BYTES);
    assert!(
        mission_toml(&at, &OSLO).is_some(),
        "a mission of exactly the limit loads"
    );
    // One byte over: every loader refuses it as too large, before parsing.
    let over = pad(MAX_INPUT_BYTES + 1);
    let too_large = |r: Result<(), Error>| match r {
        Err(Error::TooLarge { file, len, limit }) => {
            assert_eq!(
                (file.as_str(), len, limit),
                (FILE, MAX_INPUT_BYTES + 1, MAX_INPUT_BYTES)
            )
        }
        Err(e) => panic!("not TooLarge: {e}"),
        Ok(()) => panic!("{} bytes accepted", MAX_INPUT_BYTES + 1),
    };
    too_large(Rulebook::from_toml(&over, FILE).map(drop));
    too_large(Rulebook::from_json(&over, FILE).map(drop));
    too_large(Mission::from_toml(&over, FILE, &OSLO).map(drop));
    too_large(Mission::from_json(&over, FILE, &OSLO).map(drop));
    // Far over, and invalid: still TooLarge (the size is checked first).
    let huge = "[".repeat(MAX_INPUT_BYTES + 1);
    assert!(matches!(
        Mission::from_toml(&huge, FILE, &OSLO),
        Err(Error::TooLarge { .. })
    ));
}

/// A scratch directory for files, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "integration-readiness-no-panic-{tag}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).expect("a scratch file");
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn unreadable_files_to_the_path_loaders() {
    let dir = Scratch::new("paths");
    let missing = dir.0.join("missing.toml");
    let not_utf8 = dir.file("latin1.toml", b"[mission]\nname = \"caf\xe9\"\n");
    let over = dir.file("over.toml", &vec![b'#'; MAX_INPUT_BYTES + 1]);
    let subdir = dir.0.join("a-directory.toml");
    std::fs::create_dir_all(&subdir).unwrap();
    for p in [&missing, &not_utf8, &over, &subdir] {
        for r in [
            Rulebook::from_path(p).map(drop),
            Mission::from_path(p, &OSLO).map(drop),
        ] {
            let e = r.expect_err("an unreadable file does not load");
            let shown = e.to_string();
            assert!(
                shown.starts_with(&p.display().to_string()),
                "message without the path: {shown}"
            );
            if p == &over {
                assert!(matches!(e, Error::TooLarge { .. }), "{shown}");
            } else {
                assert!(matches!(e, Error::Io { .. }), "{shown}");
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The example programs.
// ---------------------------------------------------------------------------

/// The example binary `name`, built by `cargo test` next to the test
/// binaries: target/<profile>/examples/<name>.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    // target/<profile>/deps/no_panic-HASH -> target/<profile>/examples/NAME
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test binary lives in target/<profile>/deps");
    let path = dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.is_file(),
        "the example program {} is not built: run `cargo test` (which builds the examples) \
         or `cargo build --examples` before `cargo test --test no_panic`",
        path.display()
    );
    path
}

/// Runs an example; returns (exit code, stdout, stderr).
fn run(name: &str, args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = Command::new(example(name))
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap_or_else(|e| panic!("cannot run example {name}: {e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn example_programs_with_bad_arguments_exit_2_with_a_message() {
    let dir = Scratch::new("examples");
    let missing = dir.0.join("missing.toml");
    let subdir = dir.0.join("a-directory.toml");
    std::fs::create_dir_all(&subdir).unwrap();
    let not_utf8 = dir.file("latin1.toml", b"[mission]\nname = \"caf\xe9\"\n");
    let invalid = dir.file(
        "invalid.toml",
        b"[mission]\nnam = \"x\"\n[evidence.no-such-factor]\nrating = \"sometimes\"\n",
    );
    let bad_syntax = dir.file("syntax.toml", b"[mission\nname = \"x\n");
    let valid = dir.file("valid.toml", SAMPLES[0].1.as_bytes());
    let empty = dir.file("empty.toml", b"");
    let p = |p: &PathBuf| p.as_os_str().to_owned();
    let s = |s: &str| std::ffi::OsString::from(s);

    let bad_files = [&missing, &subdir, &not_utf8, &invalid, &bad_syntax, &empty];
    let mut cases: Vec<(&str, Vec<std::ffi::OsString>)> = Vec::new();
    for name in ["assess", "plan", "robustness", "compare", "rulebook"] {
        cases.push((name, vec![s("--no-such-flag")]));
        cases.push((name, vec![s("--format"), s("nope")]));
        cases.push((name, vec![s("--format")]));
        cases.push((name, vec![s("--rulebook")]));
        for f in bad_files {
            // A bad rulebook file (a mission file is not a rulebook either).
            cases.push((name, vec![s("--rulebook"), p(f)]));
        }
        cases.push((name, vec![s("--rulebook"), p(&valid)]));
    }
    for name in ["assess", "plan", "robustness"] {
        for f in bad_files {
            cases.push((name, vec![p(f)]));
        }
        cases.push((name, vec![p(&valid), p(&valid)]));
    }
    for f in bad_files {
        cases.push(("compare", vec![p(f), p(&valid)]));
        cases.push(("compare", vec![p(&valid), p(f)]));
    }
    cases.push(("compare", vec![p(&valid)]));
    cases.push(("compare", vec![p(&valid), p(&valid), p(&valid)]));
    cases.push(("rulebook", vec![p(&valid)]));
    for args in [
        ["--noise", "nan"],
        ["--noise", "101"],
        ["--noise", "-1"],
        ["--noise", "inf"],
        ["--samples", "0"],
        ["--samples", "x"],
        ["--samples", "-1"],
        ["--samples", "99999999999"],
        ["--seed", "-1"],
    ] {
        cases.push(("robustness", args.iter().map(|a| s(a)).collect()));
    }

    let mut failures = Vec::new();
    for (name, args) in &cases {
        let argv: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        let (code, stdout, stderr) = run(name, &argv);
        let ok = code == Some(2)
            && !stderr.trim().is_empty()
            && !stderr.contains("panicked")
            && !stderr.contains("RUST_BACKTRACE")
            && stdout.is_empty();
        if !ok {
            failures.push(format!(
                "{name} {args:?}: exit {code:?}\n--- stdout\n{}\n--- stderr\n{}",
                preview(&stdout),
                preview(&stderr)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} bad invocations did not exit 2 with a message:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn example_programs_with_good_arguments_exit_0() {
    let dir = Scratch::new("examples-ok");
    let valid = dir.file("valid.toml", SAMPLES[0].1.as_bytes());
    let tiny = dir.file("tiny.toml", TINY_TEXT.as_bytes());
    let v = valid.to_str().expect("a UTF-8 temp path");
    let t = tiny.to_str().expect("a UTF-8 temp path");
    let cases: &[(&str, &[&str])] = &[
        ("assess", &[]),
        ("assess", &["--format", "json"]),
        ("assess", &[v, "--format", "markdown"]),
        ("rulebook", &["--format", "json"]),
        ("rulebook", &["--rulebook", t, "--format", "markdown"]),
        ("plan", &[v]),
        ("robustness", &[v, "--samples", "20"]),
        ("compare", &[]),
        ("compare", &[v, v, "--format", "json"]),
    ];
    for (name, args) in cases {
        let argv: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        let (code, stdout, stderr) = run(name, &argv);
        assert_eq!(
            code,
            Some(0),
            "{name} {args:?} failed:\n--- stderr\n{}",
            preview(&stderr)
        );
        assert!(!stdout.is_empty(), "{name} {args:?} printed nothing");
        assert!(!stderr.contains("panicked"), "{name} {args:?}: {stderr}");
    }
}
