//! Strategies: words, TOML values, edits, and the samples.

#[allow(unused_imports)]
use super::*;

// ---------------------------------------------------------------------------
// Strategies: words, TOML values, edits.
// ---------------------------------------------------------------------------

/// Keys of the two file formats, so that generated tables sometimes have
/// the right shape.
pub(crate) const KEYS: &[&str] = &[
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
pub(crate) fn words() -> Vec<String> {
    // Ratings, polarities, efforts: the enums' own words.
    let mut w: Vec<String> = Rating::ALL
        .iter()
        .map(|r| r.as_str())
        .chain(Polarity::ALL.iter().map(|p| p.as_str()))
        .chain(Effort::ALL.iter().map(|e| e.as_str()))
        .map(str::to_owned)
        .collect();
    w.extend(
        [
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
        .map(|s| (*s).to_owned()),
    );
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

pub(crate) fn word() -> impl Strategy<Value = String> {
    prop::sample::select(words())
}

pub(crate) fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(KEYS).prop_map(str::to_owned),
        2 => word(),
        1 => "[a-z][a-z0-9-]{0,12}",
        1 => ".{0,8}",
    ]
}

/// Numbers at the edges: NaN, the infinities, the largest and smallest,
/// negative, zero, just over 100, over `u32`.
pub(crate) fn special_number() -> impl Strategy<Value = Value> {
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
pub(crate) fn plausible_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0.0f64..=100.0).prop_map(Value::Float),
        prop::sample::select(vec![0.0, 0.5, 1.0, 2.0, 4.0, 50.0, 99.999, 100.0])
            .prop_map(Value::Float),
        (0i64..=100).prop_map(Value::Integer),
    ]
}

/// A scalar of any TOML type.
pub(crate) fn leaf() -> impl Strategy<Value = Value> {
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
pub(crate) fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..5)
                .prop_map(|m| Value::Table(m.into_iter().collect())),
        ]
    })
}

/// A TOML document: a table of values.
pub(crate) fn document() -> impl Strategy<Value = Table> {
    prop::collection::btree_map(key(), value(), 0..7).prop_map(|m| m.into_iter().collect())
}

/// What replaces a value: a wrong type, an edge number, another word.
pub(crate) fn replacement() -> impl Strategy<Value = Value> {
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
pub(crate) enum Seg {
    Key(String),
    At(usize),
}

/// A structured edit of a document, at a path picked among all its nodes.
#[derive(Debug, Clone)]
pub(crate) enum Edit {
    /// Replaces the node with another value (often of the wrong type).
    Replace(Index, Value),
    /// Deletes the key or the array element.
    Delete(Index),
    /// Inserts a key (often unknown) into the table at or around the node.
    Insert(Index, String, Value),
}

pub(crate) fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<Index>(), replacement()).prop_map(|(i, v)| Edit::Replace(i, v)),
        2 => any::<Index>().prop_map(Edit::Delete),
        2 => (any::<Index>(), key(), replacement()).prop_map(|(i, k, v)| Edit::Insert(i, k, v)),
    ]
}

pub(crate) fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(edit(), 1..=3)
}

/// Every node's path, the root (empty) first.
pub(crate) fn paths(table: &Table) -> Vec<Vec<Seg>> {
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
pub(crate) fn node<'a>(table: &'a Table, path: &[Seg]) -> Option<&'a Value> {
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
pub(crate) fn node_mut<'a>(table: &'a mut Table, path: &[Seg]) -> Option<&'a mut Value> {
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
pub(crate) fn apply_edit(doc: &mut Table, e: &Edit) {
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
pub(crate) enum TextEdit {
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
pub(crate) const RAW_LINES: &[&str] = &[
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

pub(crate) fn text_edit() -> impl Strategy<Value = TextEdit> {
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

pub(crate) fn apply_text_edit(text: &str, e: &TextEdit) -> String {
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
pub(crate) fn edited(text: &str, edits: &[Edit]) -> Option<String> {
    let mut doc: Table = toml::from_str(text).expect("a valid document parses as a table");
    for e in edits {
        apply_edit(&mut doc, e);
    }
    toml::to_string(&doc).ok()
}

/// The same document as JSON (edge numbers become `null` there).
pub(crate) fn as_json(text: &str) -> Option<String> {
    let doc: Table = toml::from_str(text).ok()?;
    serde_json::to_string(&doc).ok()
}

pub(crate) fn sample() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop::sample::select(SAMPLES.to_vec())
}

pub(crate) fn oslo_sample(text: &str) -> Mission {
    Mission::from_toml(text, "sample.toml", &OSLO).expect("the samples load")
}
