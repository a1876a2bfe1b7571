//! The shape pass: reading a document's tree into the file types with
//! serde, setting malformed items aside so that every one is reported.

use std::collections::BTreeMap;
use std::ops::Range;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::locate::Locator;
use super::read::check_size;
use super::{Pending, invalid};
use crate::error::{Diagnostic, DocPath, Error, PathSegment, Problem, shown};

/// The most times the whole file is read again after a shape problem, each
/// time without what the problem was about, besides the items read one by
/// one (see [`Shape::items`]). Each time sets aside one malformed key of a
/// plain table, or every key a plain table does not know (found in one pass
/// over it), so a file of either kind needs only a few: the plain tables
/// have a handful of keys. Every problem found is counted.
pub(super) const MAX_SHAPE_ROUNDS: usize = 100;

/// Where the items of a file may be set aside when malformed: arrays of
/// tables (any element) and tables of entries (keyed by id).
pub(super) struct Shape {
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
    /// The limits on what a file of this kind may hold: the problems of
    /// each list over its limit, the lists cut to it (see [`limits`](super::limits)).
    limits: Option<Limits>,
}

pub(super) type Limits = fn(&mut Spanned<DeTable<'_>>) -> Vec<(Range<usize>, Problem)>;

pub(super) type ItemCheck = for<'a> fn(&Spanned<DeTable<'a>>) -> Vec<(DocPath, Found)>;

/// A shape problem found while reading an item alone.
pub(super) enum Found {
    /// serde's error, located by its span.
    Serde(toml::de::Error),
    /// A key that its table's type does not know (see [`Unknown`]).
    Unknown(Unknown),
}

/// A key that its table's type does not know, found with every other
/// unknown key of its table in one pass over the table: its span, its path
/// and the tail of serde's message for it (``"`, expected one of `name`,
/// `date`"``), shared by the keys of the table.
pub(super) struct Unknown {
    pub(super) span: Range<usize>,
    pub(super) path: DocPath,
    pub(super) tail: Rc<str>,
}

impl Unknown {
    /// serde's message for the key, as it would have given it.
    pub(super) fn message(&self) -> String {
        let key = match self.path.0.last() {
            Some(PathSegment::Key(k)) => k.as_str(),
            _ => "",
        };
        format!("unknown field `{key}`{}", self.tail)
    }
}

/// When serde's `message` says that `key` is unknown, the rest of the
/// message after the key: ``"`, expected one of `name`, `date`"``.
fn unknown_tail<'m>(message: &'m str, key: &str) -> Option<&'m str> {
    message
        .strip_prefix("unknown field `")?
        .strip_prefix(key)?
        .strip_prefix('`')
}

/// Removes from `table` every key that is not among the keys serde's
/// message `tail` lists as expected, in one pass over the table: each
/// key's name and span, in the table's order.
fn take_unknown(table: &mut DeTable<'_>, tail: &str) -> Vec<(String, Range<usize>)> {
    let known: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
    let unknown: Vec<(String, Range<usize>)> = table
        .iter()
        .filter(|(k, _)| !known.contains(&k.get_ref().as_ref()))
        .map(|(k, _)| (k.get_ref().to_string(), k.span()))
        .collect();
    for (k, _) in &unknown {
        table.remove(k.as_str());
    }
    unknown
}

/// The path, inside `value`, of the deepest key or element whose key or
/// value holds `span` (empty when none does).
fn inner_path(value: &DeValue<'_>, span: &Range<usize>) -> Vec<PathSegment> {
    let holds = |s: Range<usize>| s.start <= span.start && span.end <= s.end && s.start < s.end;
    let mut path = Vec::new();
    let mut at = value;
    loop {
        let next = match at {
            DeValue::Table(t) => t.iter().find_map(|(k, v)| {
                if holds(k.span()) {
                    path.push(PathSegment::Key(k.get_ref().to_string()));
                    None
                } else if holds(v.span()) || !inner_path(v.get_ref(), span).is_empty() {
                    Some((PathSegment::Key(k.get_ref().to_string()), v.get_ref()))
                } else {
                    None
                }
            }),
            DeValue::Array(a) => a.iter().enumerate().find_map(|(i, v)| {
                (holds(v.span()) || !inner_path(v.get_ref(), span).is_empty())
                    .then(|| (PathSegment::Index(i), v.get_ref()))
            }),
            _ => None,
        };
        match next {
            Some((seg, v)) => {
                path.push(seg);
                at = v;
            }
            None => return path,
        }
    }
}

/// The table at `path` inside `value`, when there is one.
fn table_at<'v, 'a>(
    value: &'v mut DeValue<'a>,
    path: &[PathSegment],
) -> Option<&'v mut DeTable<'a>> {
    let mut at = value;
    for seg in path {
        at = match (seg, at) {
            (PathSegment::Key(k), DeValue::Table(t)) => t.get_mut(k.as_str())?.get_mut(),
            (PathSegment::Index(i), DeValue::Array(a)) => a.get_mut(*i)?.get_mut(),
            _ => return None,
        };
    }
    match at {
        DeValue::Table(t) => Some(t),
        _ => None,
    }
}

/// Whether the value at `path` inside `value` is an empty table or list.
fn is_empty_at(value: &DeValue<'_>, path: &[PathSegment]) -> bool {
    let mut at = value;
    for seg in path {
        let next = match (seg, at) {
            (PathSegment::Key(k), DeValue::Table(t)) => t.get(k.as_str()),
            (PathSegment::Index(i), DeValue::Array(a)) => a.get(*i),
            _ => None,
        };
        match next {
            Some(v) => at = v.get_ref(),
            None => return false,
        }
    }
    match at {
        DeValue::Table(t) => t.is_empty(),
        DeValue::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// The table at `path` in a document's tree (the tree itself for the
/// empty path), when there is one.
fn table_at_doc<'v, 'a>(
    tree: &'v mut Spanned<DeTable<'a>>,
    path: &[PathSegment],
) -> Option<&'v mut DeTable<'a>> {
    let Some((PathSegment::Key(top), rest)) = path.split_first() else {
        return path.is_empty().then(|| tree.get_mut());
    };
    table_at(tree.get_mut().get_mut(top.as_str())?.get_mut(), rest)
}

/// Removes the key or element at `path` inside `value`; whether it was there.
fn remove_at(value: &mut DeValue<'_>, path: &[PathSegment]) -> bool {
    let Some((last, parent)) = path.split_last() else {
        return false;
    };
    let mut at = value;
    for seg in parent {
        at = match (seg, at) {
            (PathSegment::Key(k), DeValue::Table(t)) => match t.get_mut(k.as_str()) {
                Some(v) => v.get_mut(),
                None => return false,
            },
            (PathSegment::Index(i), DeValue::Array(a)) => match a.get_mut(*i) {
                Some(v) => v.get_mut(),
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, at) {
        (PathSegment::Key(k), DeValue::Table(t)) => t.remove(k.as_str()).is_some(),
        (PathSegment::Index(i), DeValue::Array(a)) if *i < a.len() => {
            let rest: toml::de::DeArray<'_> = a
                .iter()
                .enumerate()
                .filter(|(j, _)| j != i)
                .map(|(_, v)| v.clone())
                .collect();
            *a = rest;
            true
        }
        _ => false,
    }
}

/// The most times one item is read again after a problem, each time
/// without what the problem was about: an item has a handful of keys, and
/// the unknown keys of a table are all set aside at once, so only a list
/// with more malformed elements than this (`sources = [1, 2, ...]`) has
/// problems past them that are neither listed nor counted. Each reading
/// costs the item's size, so the cap keeps an item's cost in proportion to
/// its size.
const MAX_ITEM_ROUNDS: usize = 32;

pub(super) const RULEBOOK_SHAPE: Shape = Shape {
    entry_tables: &[],
    items: Some(rulebook_items),
    what: "a rulebook",
    own: &["rulebook"],
    other: (
        "a mission file",
        &["mission", "evidence", "effort", "entity"],
    ),
    limits: None,
};
pub(super) const MISSION_SHAPE: Shape = Shape {
    entry_tables: &["evidence", "context", "effort"],
    items: Some(mission_items),
    what: "a mission file",
    own: &["mission"],
    other: (
        "a rulebook",
        &["rulebook", "level", "dimension", "factor", "gate", "rule"],
    ),
    limits: Some(super::limits::mission),
};

/// A table as it is written in a file: `[mission]`, `[[entity]]`.
pub(super) fn header(key: &str, value: &DeValue<'_>) -> String {
    match value {
        DeValue::Array(_) => format!("[[{key}]]"),
        _ => format!("[{key}]"),
    }
}

/// The problem of a file of the other kind (a mission given as a
/// rulebook, or a rulebook as a mission): it has none of the tables of its
/// kind and some of the other's. Named as such, rather than as a list of
/// every table that does not belong.
pub(super) fn wrong_kind(tree: &DeTable<'_>, shape: &Shape) -> Option<(Problem, Range<usize>)> {
    if let Some(found) = a_report(tree, shape) {
        return Some(found);
    }
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

/// The top-level keys of an assessment report (`assess --format json`, or
/// the same document as TOML) that no mission or rulebook has.
const REPORT_KEYS: &[&str] = &[
    "dimensions",
    "overall",
    "themes",
    "factors",
    "recommendations",
    "evidence_gaps",
    "missing_context",
    "fix_first",
];

/// The problem of an assessment report given as a mission or a rulebook:
/// it has two or more keys only a report has (a mission file may share its
/// `mission` and `context`). Named as such, rather than as a list of every
/// key that does not belong.
fn a_report(tree: &DeTable<'_>, shape: &Shape) -> Option<(Problem, Range<usize>)> {
    let mut found: Vec<(Range<usize>, &str)> = tree
        .iter()
        .filter_map(|(k, _)| {
            let key = k.get_ref().as_ref();
            REPORT_KEYS
                .iter()
                .find(|r| **r == key)
                .map(|r| (k.span(), *r))
        })
        .collect();
    if found.len() < 2 {
        return None;
    }
    found.sort_by_key(|(span, _)| span.start);
    let names: Vec<String> = found
        .iter()
        .take(3)
        .map(|(_, k)| format!("`{k}`"))
        .collect();
    let has = match names.as_slice() {
        [a, b] => format!("{a} and {b}"),
        [a, b, c] if found.len() == 3 => format!("{a}, {b} and {c}"),
        [a, b, c] => format!("{a}, {b}, {c} and more"),
        _ => return None,
    };
    let problem = Problem::new(
        DocPath::root(),
        format!(
            "this is an assessment report, not {}: it has {has}",
            shape.what
        ),
    )
    .allowed(format!(
        "the {} it was made from",
        shape.what.trim_start_matches("a ")
    ));
    Some((problem, found[0].0.clone()))
}

/// The items of a mission, each read alone (see [`Shape::items`]).
pub(super) fn mission_items(tree: &Spanned<DeTable<'_>>) -> Vec<(DocPath, Found)> {
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
pub(super) fn rulebook_items(tree: &Spanned<DeTable<'_>>) -> Vec<(DocPath, Found)> {
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
/// those tables and arrays and ignores other keys): the path of every
/// malformed item and each of its problems. After a problem the item is
/// read again without the key or element it was about (without every key
/// its table does not know, for an unknown key), so that one item's
/// problems are all found: `rating = 3` and `note = 4` in one table are two.
pub(super) fn each_item<I: DeserializeOwned>(
    tree: &Spanned<DeTable<'_>>,
    entries: &[&str],
    arrays: &[&str],
) -> Vec<(DocPath, Found)> {
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
                    let path = DocPath::root().key(name).key(k.get_ref().as_ref());
                    let mut item = v.get_ref().clone();
                    let wrap = |item: &DeValue<'_>| {
                        let mut one = DeTable::new();
                        one.insert(k.clone(), Spanned::new(v.span(), item.clone()));
                        read(top, DeValue::Table(one), value.span())
                    };
                    problems_of(&mut item, &path, wrap, &mut found);
                }
            }
            DeValue::Array(a) if arrays.contains(&name) => {
                for (i, v) in a.iter().enumerate() {
                    let path = DocPath::root().key(name).index(i);
                    let mut item = v.get_ref().clone();
                    let wrap = |item: &DeValue<'_>| {
                        let one: toml::de::DeArray<'_> =
                            std::iter::once(Spanned::new(v.span(), item.clone())).collect();
                        read(top, DeValue::Array(one), value.span())
                    };
                    problems_of(&mut item, &path, wrap, &mut found);
                }
            }
            _ => {}
        }
    }
    found
}

/// Every problem of one item, read by `read` again after each without
/// what it was about, until it reads or nothing more can be set aside.
fn problems_of<'a>(
    item: &mut DeValue<'a>,
    path: &DocPath,
    read: impl Fn(&DeValue<'a>) -> Option<toml::de::Error>,
    found: &mut Vec<(DocPath, Found)>,
) {
    let mut removed: Vec<Vec<PathSegment>> = Vec::new();
    for _ in 0..MAX_ITEM_ROUNDS {
        let Some(e) = read(item) else { return };
        // A required key set aside for a problem is now missing: that
        // problem was reported, and there is nothing more to learn.
        if let Some(key) = e
            .message()
            .strip_prefix("missing field `")
            .and_then(|r| r.split_once('`'))
            .map(|(k, _)| k)
        {
            if removed
                .iter()
                .any(|p| p.last() == Some(&PathSegment::Key(key.to_owned())))
            {
                return;
            }
        }
        let inner = match e.span() {
            Some(span) => inner_path(item, &span),
            None => Vec::new(),
        };
        if let Some(PathSegment::Key(key)) = inner.last() {
            if let Some(tail) = unknown_tail(e.message(), key) {
                let tail: Rc<str> = Rc::from(tail);
                let at = &inner[..inner.len() - 1];
                let Some(table) = table_at(item, at) else {
                    return;
                };
                let keys = take_unknown(table, &tail);
                if keys.is_empty() {
                    return;
                }
                for (key, span) in keys {
                    let mut p = path.clone();
                    p.0.extend(at.iter().cloned());
                    found.push((
                        path.clone(),
                        Found::Unknown(Unknown {
                            span,
                            path: p.key(key),
                            tail: tail.clone(),
                        }),
                    ));
                }
                continue;
            }
        }
        found.push((path.clone(), Found::Serde(e)));
        if !remove_at(item, &inner) {
            return;
        }
        // A table emptied by setting aside what was wrong in it goes too,
        // so that its emptiness is not taken for another problem.
        let mut gone = inner;
        while gone.len() > 1 && is_empty_at(item, &gone[..gone.len() - 1]) {
            gone.pop();
            remove_at(item, &gone);
        }
        removed.push(gone);
        // Nothing left of the item but what its type would miss.
        if is_empty_at(item, &[]) {
            return;
        }
    }
}

/// What reading a file's shape gives: the value, or the shape problems
/// (placed in the file, worded only if they are among those listed) and,
/// when the malformed items could be set aside, the value of the rest.
pub(super) enum Shaped<T> {
    Whole(T),
    Partial(Vec<Pending>, Option<T>, SetAside),
}

/// Parses text into `T`, collecting the shape problems of every item.
pub(super) fn parse<'a, T: DeserializeOwned>(
    text: &'a str,
    file: &str,
    shape: &Shape,
) -> Result<(Shaped<T>, Spanned<DeTable<'a>>), Error> {
    check_size(text, file)?;
    let (tree, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        let locator = Locator::new(text, file, &tree);
        let mut seen = std::collections::HashSet::new();
        let mut diags: Vec<Diagnostic> = Vec::new();
        // The headers of tables found twice: the keys under them are
        // reported again by the parser, and are not news.
        let mut twice: Vec<usize> = Vec::new();
        for e in &syntax {
            let d = match duplicate(&locator, e) {
                Some(Duplicate::Table { header, diagnostic }) => {
                    twice.push(header);
                    diagnostic
                }
                Some(Duplicate::Key { header, .. })
                    if header.is_some_and(|h| twice.contains(&h)) =>
                {
                    continue;
                }
                Some(Duplicate::Key { diagnostic, .. }) => diagnostic,
                None => locator.toml_error(e),
            };
            // One broken construct can make the parser report the same thing
            // many times over: once is enough.
            let p = &d.problem;
            let key = (
                p.path.clone(),
                p.message.clone(),
                p.allowed.clone(),
                p.suggestion.clone(),
            );
            if seen.insert(key) {
                diags.push(d);
            }
        }
        return Err(invalid(diags));
    }
    shape_of(tree, text, file, shape)
}

/// A key or table the parser found twice, said with its key and both
/// places.
enum Duplicate {
    /// A table header (`[mission]` twice): where its header starts.
    Table {
        header: usize,
        diagnostic: Diagnostic,
    },
    /// A key of a table: where the header of its table starts, if it has one.
    Key {
        header: Option<usize>,
        diagnostic: Diagnostic,
    },
}

/// When `e` is the parser's "duplicate key", the key or table found twice,
/// with its path and, where the tree has it, the place of the first.
fn duplicate(locator: &Locator<'_, '_>, e: &toml::de::Error) -> Option<Duplicate> {
    if e.message() != "duplicate key" {
        return None;
    }
    let text = locator.lines.text;
    let span = e.span()?;
    let start = text.get(..span.start)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(start..span.end)?;
    let indent = line.len() - line.trim_start().len();
    let line = line.trim_start();
    // The keys of a header or a key-value line, up to the one found twice,
    // as the parser reads them.
    let keys = |written: &str| -> Option<Vec<String>> {
        let line = format!("{written} = 0");
        let (doc, _) = DeTable::parse_recoverable(&line);
        let mut keys = Vec::new();
        let mut table = doc.get_ref();
        loop {
            let mut it = table.iter();
            let (k, v) = it.next()?;
            if it.next().is_some() {
                return None;
            }
            keys.push(k.get_ref().to_string());
            match v.get_ref() {
                DeValue::Table(t) => table = t,
                _ => return Some(keys),
            }
        }
    };
    // The lines above the one found twice, with where each starts.
    let mut above: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for l in text.get(..start)?.split_inclusive('\n') {
        above.push((at, l));
        at += l.len();
    }
    // The keys of a header line, if it is one.
    let header_keys = |l: &str| {
        let h = l.trim_start().strip_prefix('[')?;
        let h = h.strip_prefix('[').unwrap_or(h);
        keys(&h[..h.find(']')?])
    };
    let first_on = |found: Option<usize>| {
        found
            .map(|at| format!(" (first on line {})", locator.lines.line_col(at).0))
            .unwrap_or_default()
    };
    let (line_no, column) = locator.lines.line_col(span.start);
    let diagnostic = |problem| Diagnostic {
        file: locator.file.to_owned(),
        line: line_no,
        column,
        problem,
    };
    if let Some(header) = line.strip_prefix('[') {
        let header = header.strip_prefix('[').unwrap_or(header);
        let written = keys(header)?;
        let first = above
            .iter()
            .find(|(_, l)| header_keys(l).as_ref() == Some(&written))
            .map(|(at, _)| *at);
        let path = DocPath(written.into_iter().map(PathSegment::Key).collect());
        let shown = format!("[{}]", path);
        let problem = Problem::new(
            path.clone(),
            format!("the table {shown} is given twice{}", first_on(first)),
        )
        .allowed(format!("one {shown} table, with all of its keys"));
        return Some(Duplicate::Table {
            header: start + indent,
            diagnostic: diagnostic(problem),
        });
    }
    let key = keys(line)?;
    // The table the line is in: the last header above it; the first place
    // of the key is between that header and the line.
    let mut header = None;
    let mut table = DocPath::root();
    let mut from = 0;
    for (i, (at, l)) in above.iter().enumerate().rev() {
        if let Some(ks) = header_keys(l) {
            header = Some(at + (l.len() - l.trim_start().len()));
            table = DocPath(ks.into_iter().map(PathSegment::Key).collect());
            from = i + 1;
            break;
        }
    }
    let first = above[from.min(above.len())..]
        .iter()
        .find(|(_, l)| {
            l.split_once('=')
                .and_then(|(k, _)| keys(k.trim()))
                .is_some_and(|k| k == key)
        })
        .map(|(at, _)| *at);
    let mut path = table.clone();
    path.0.extend(key.iter().cloned().map(PathSegment::Key));
    let within = if table.0.is_empty() {
        String::new()
    } else {
        format!(" in [{table}]")
    };
    let name = key.last().cloned().unwrap_or_default();
    let problem = Problem::new(
        path.clone(),
        format!(
            "the key `{}` is given twice{within}{}",
            shown(&name),
            first_on(first)
        ),
    )
    .allowed(format!("`{}` once", shown(&name)));
    Some(Duplicate::Key {
        header,
        diagnostic: diagnostic(problem),
    })
}

/// Reads the shape of a document's tree (from TOML text, or from JSON text
/// with [`json::tree`]) into `T`, collecting the shape problems of every item.
pub(super) fn shape_of<'a, T: DeserializeOwned>(
    mut tree: Spanned<DeTable<'a>>,
    text: &'a str,
    file: &str,
    shape: &Shape,
) -> Result<(Shaped<T>, Spanned<DeTable<'a>>), Error> {
    // Lists over their limits are cut first, so that nothing past a limit
    // is read, checked or kept.
    let over = shape
        .limits
        .map(|check| check(&mut tree))
        .unwrap_or_default();
    let locator = Locator::new(text, file, &tree);
    if let Some((problem, span)) = wrong_kind(tree.get_ref(), shape) {
        let (line, column) = locator.lines.line_col(span.start);
        return Err(invalid(vec![Diagnostic {
            file: file.to_owned(),
            line,
            column,
            problem,
        }]));
    }
    let mut work = tree.clone();
    // Control characters in keys and texts: reported with the rest.
    let mut diags: Vec<Pending> = super::control::in_tree(&tree)
        .into_iter()
        .map(|(span, problem)| {
            let (line, column) = locator.lines.line_col(span.start);
            Pending::Done(Diagnostic {
                file: file.to_owned(),
                line,
                column,
                problem,
            })
        })
        .collect();
    for (span, problem) in over {
        let (line, column) = locator.lines.line_col(span.start);
        diags.push(Pending::Done(Diagnostic {
            file: file.to_owned(),
            line,
            column,
            problem,
        }));
    }
    let mut aside = SetAside::default();
    let mut rest = None;
    if let Some(items) = shape.items {
        // Placed in the file now, located and worded only if listed.
        let mut malformed: Vec<DocPath> = Vec::new();
        for (item, found) in items(&tree) {
            diags.push(match found {
                Found::Serde(e) => {
                    let (line, column) = locator.line_col_of(&e);
                    Pending::Serde {
                        line,
                        column,
                        error: e,
                    }
                }
                Found::Unknown(key) => {
                    let (line, column) = locator.lines.line_col(key.span.start);
                    Pending::Key { line, column, key }
                }
            });
            // An item's problems come together: set it aside once.
            if malformed.last() != Some(&item) {
                malformed.push(item);
            }
        }
        aside.remove_items(&mut work, &malformed, shape);
    }
    let mut rounds = 0;
    loop {
        match T::deserialize(toml::de::Deserializer::from(work.clone())) {
            Ok(v) if diags.is_empty() => return Ok((Shaped::Whole(v), tree)),
            Ok(v) => {
                rest = Some(v);
                break;
            }
            Err(e) => {
                let d = locator.toml_error(&e);
                // A required key that was set aside for being malformed is now
                // missing: it was reported already, and the rest cannot be read.
                let again = diags.iter().any(|p| p.is(&d, &locator));
                if aside.was_removed_and_is_missing(&d.problem) || again {
                    break;
                }
                let path = d.problem.path.clone();
                rounds += 1;
                // An unknown key: every key its table does not know, in
                // one pass over the table.
                if let Some((PathSegment::Key(key), table)) = path.0.split_last() {
                    if let Some(tail) = unknown_tail(e.message(), key) {
                        let tail: Rc<str> = Rc::from(tail);
                        let keys = match table_at_doc(&mut work, table) {
                            Some(t) => take_unknown(t, &tail),
                            None => Vec::new(),
                        };
                        if !keys.is_empty() {
                            for (key, span) in keys {
                                let (line, column) = locator.lines.line_col(span.start);
                                let path = DocPath(table.to_vec()).key(key);
                                let tail = tail.clone();
                                let key = Unknown { span, path, tail };
                                diags.push(Pending::Key { line, column, key });
                            }
                            if rounds >= MAX_SHAPE_ROUNDS {
                                break;
                            }
                            continue;
                        }
                    }
                }
                diags.push(Pending::Done(d));
                if rounds >= MAX_SHAPE_ROUNDS || !aside.remove(&mut work, &path, shape) {
                    break;
                }
            }
        }
    }
    Ok((Shaped::Partial(diags, rest, aside), tree))
}

/// The items set aside while reading a file's shape, so that positions in
/// what is left can be mapped back to the file.
#[derive(Default)]
pub(super) struct SetAside {
    /// Per top-level array: the original indices of the elements removed,
    /// in order.
    elements: BTreeMap<String, Vec<usize>>,
    /// Keys removed from plain tables.
    keys: Vec<DocPath>,
    /// Entries removed from tables of entries: the table and the key.
    pub(super) entries: Vec<(String, String)>,
}

impl SetAside {
    /// Removes the items read alone and found malformed (see
    /// [`Shape::items`]), all at once: the elements of an array in one pass
    /// over it, however many there are.
    fn remove_items(&mut self, tree: &mut Spanned<DeTable<'_>>, items: &[DocPath], shape: &Shape) {
        let mut elements: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for item in items {
            match item.0.as_slice() {
                [PathSegment::Key(top), PathSegment::Index(i)] => {
                    elements.entry(top.as_str()).or_default().push(*i);
                }
                _ => {
                    self.remove(tree, item, shape);
                }
            }
        }
        for (top, mut indices) in elements {
            indices.sort_unstable();
            indices.dedup();
            let removed = self.elements.entry(top.to_owned()).or_default();
            let Some(DeValue::Array(a)) = tree.get_mut().get_mut(top).map(|v| v.get_mut()) else {
                continue;
            };
            // Where each element now stands, past those removed before.
            let now: Vec<usize> = indices
                .iter()
                .map(|i| i - removed.partition_point(|r| r < i))
                .filter(|&n| n < a.len())
                .collect();
            let rest: toml::de::DeArray<'_> = a
                .iter()
                .enumerate()
                .filter(|(j, _)| now.binary_search(j).is_err())
                .map(|(_, v)| v.clone())
                .collect();
            *a = rest;
            removed.extend(indices);
            removed.sort_unstable();
        }
    }

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
                let now = i - removed.partition_point(|r| r < i);
                match table.get_mut(top.as_str()).map(|v| v.get_mut()) {
                    Some(DeValue::Array(a)) if now < a.len() => {
                        let rest: toml::de::DeArray<'_> = a
                            .iter()
                            .enumerate()
                            .filter(|(j, _)| *j != now)
                            .map(|(_, v)| v.clone())
                            .collect();
                        *a = rest;
                        let at = removed.partition_point(|r| r < i);
                        removed.insert(at, *i);
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
    pub(super) fn original_path(&self, path: &DocPath) -> DocPath {
        let mut out = path.clone();
        if let (Some(PathSegment::Key(top)), Some(PathSegment::Index(i))) =
            (path.0.first(), path.0.get(1))
        {
            if let Some(removed) = self.elements.get(top) {
                // The i-th element not removed: the first place with i + 1
                // elements kept up to it.
                let kept_to = |o: usize| o + 1 - removed.partition_point(|&r| r <= o);
                let (mut lo, mut hi) = (*i, *i + removed.len());
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    if kept_to(mid) > *i {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                let orig = lo;
                out.0[1] = PathSegment::Index(orig);
            }
        }
        out
    }
}
