//! Locating problems: line:column of a byte offset, the TOML path of a
//! span, and the span of a path.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::messages::{is_datetime, serde_problem, type_in_words};
use crate::error::{Diagnostic, DocPath, PathSegment, Problem};

/// Line starts of a text, for line:column of any offset in O(log lines).
pub(super) struct Lines<'a> {
    pub(super) text: &'a str,
    pub(super) starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub(super) fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

/// Locates the problems of one document: line:column from [`Lines`], and
/// the TOML path of a span from a [`SpanIndex`] of its tree, built the
/// first time a span is located and kept for the rest.
pub(super) struct Locator<'t, 'a> {
    pub(super) lines: Lines<'t>,
    pub(super) file: &'t str,
    pub(super) tree: &'t Spanned<DeTable<'a>>,
    index: std::cell::OnceCell<SpanIndex>,
}

impl<'t, 'a> Locator<'t, 'a> {
    pub(super) fn new(text: &'t str, file: &'t str, tree: &'t Spanned<DeTable<'a>>) -> Self {
        Locator {
            lines: Lines::new(text),
            file,
            tree,
            index: std::cell::OnceCell::new(),
        }
    }

    /// Line and column of a serde error, without its path or message:
    /// enough to put problems in file order before locating them.
    pub(super) fn line_col_of(&self, e: &toml::de::Error) -> (usize, usize) {
        e.span()
            .map(|s| self.lines.line_col(s.start))
            .unwrap_or((1, 1))
    }

    /// The TOML path of the deepest key or value whose span holds `span`.
    pub(super) fn path_at(&self, span: &Range<usize>) -> DocPath {
        self.index
            .get_or_init(|| SpanIndex::new(self.tree))
            .path_at(span)
    }

    /// A serde error located and reworded.
    pub(super) fn toml_error(&self, e: &toml::de::Error) -> Diagnostic {
        let text = self.lines.text;
        let tree = self.tree;
        // An error about the whole document (a missing top-level key) has an
        // empty span at 0 or the document's span: its path is the document.
        let span = e.span();
        let whole = |s: &Range<usize>| s.start == 0 && (s.end == 0 || s.end >= text.len());
        let path = match &span {
            Some(s) if !whole(s) => self.path_at(s),
            _ => DocPath::root(),
        };
        let (line, column) = self.line_col_of(e);
        let mut problem = serde_problem(path, e.message());
        if is_datetime(tree, &problem.path) {
            problem.message = "a bare TOML date is not accepted here".to_owned();
            problem.allowed = Some("a date in quotes, such as \"2007-10-29\"".to_owned());
        } else if let Some(better) = type_in_words(&problem, e.message(), tree, text) {
            problem = better;
        }
        Diagnostic {
            file: self.file.to_owned(),
            line,
            column,
            problem,
        }
    }
}

/// The spans of a document's tree, indexed once so that the path of any
/// span is found in time that grows with the number of spans holding it
/// (the depth of the tree there) and the log of the tree's size, not with
/// the tree's size: locating every problem of a file with many takes time
/// in proportion to their number.
///
/// The path found is the one of a walk from the top that, in each table or
/// array, takes the first key or element (in the tree's order) whose key,
/// value or anything inside holds the span, and stops at a key that holds
/// it. Tables whose own span does not cover their children (`[[x]]`
/// headers) are found through their children.
pub(super) struct SpanIndex {
    /// Every key of a table and element of an array, in the order of the
    /// walk (each before what is inside it).
    nodes: Vec<Node>,
    /// The spans of the nodes' keys and values that are not empty, by start.
    spans: Vec<NodeSpan>,
    /// A segment tree over `spans`: the largest end in each run of them.
    max_end: Vec<usize>,
    /// The number of leaves of `max_end` (a power of two).
    leaves: usize,
}

/// A key of a table or an element of an array.
struct Node {
    /// The node it is inside, or [`NO_NODE`] at the top.
    parent: usize,
    /// One past the last node inside it.
    end: usize,
    segment: PathSegment,
}

/// The span of a node's key, or of its value.
struct NodeSpan {
    start: usize,
    end: usize,
    node: usize,
    key: bool,
}

const NO_NODE: usize = usize::MAX;

impl SpanIndex {
    pub(super) fn new(tree: &Spanned<DeTable<'_>>) -> SpanIndex {
        let mut index = SpanIndex {
            nodes: Vec::new(),
            spans: Vec::new(),
            max_end: Vec::new(),
            leaves: 0,
        };
        index.add_table(tree.get_ref(), NO_NODE);
        index.spans.sort_by_key(|s| s.start);
        index.leaves = index.spans.len().next_power_of_two();
        let mut max_end = vec![0; 2 * index.leaves];
        for (i, s) in index.spans.iter().enumerate() {
            max_end[index.leaves + i] = s.end;
        }
        for i in (1..index.leaves).rev() {
            max_end[i] = max_end[2 * i].max(max_end[2 * i + 1]);
        }
        index.max_end = max_end;
        index
    }

    fn node(&mut self, parent: usize, segment: PathSegment) -> usize {
        self.nodes.push(Node {
            parent,
            end: 0,
            segment,
        });
        self.nodes.len() - 1
    }

    fn span(&mut self, span: Range<usize>, node: usize, key: bool) {
        if span.start < span.end {
            self.spans.push(NodeSpan {
                start: span.start,
                end: span.end,
                node,
                key,
            });
        }
    }

    fn add_table(&mut self, table: &DeTable<'_>, parent: usize) {
        for (k, v) in table.iter() {
            let n = self.node(parent, PathSegment::Key(k.get_ref().to_string()));
            self.span(k.span(), n, true);
            self.span(v.span(), n, false);
            self.add_value(v.get_ref(), n);
            self.nodes[n].end = self.nodes.len();
        }
    }

    fn add_value(&mut self, value: &DeValue<'_>, node: usize) {
        match value {
            DeValue::Table(t) => self.add_table(t, node),
            DeValue::Array(a) => {
                for (i, item) in a.iter().enumerate() {
                    let n = self.node(node, PathSegment::Index(i));
                    self.span(item.span(), n, false);
                    self.add_value(item.get_ref(), n);
                    self.nodes[n].end = self.nodes.len();
                }
            }
            _ => {}
        }
    }

    /// The spans (by their place in `spans`) that hold `span`: those that
    /// start at or before it and end at or after it.
    fn holding(&self, span: &Range<usize>) -> Vec<usize> {
        let before = self.spans.partition_point(|s| s.start <= span.start);
        let mut found = Vec::new();
        // Down the segment tree, only into runs that start before `span`
        // and have a span that ends after it.
        let mut stack = vec![(1, 0, self.leaves)];
        while let Some((at, lo, hi)) = stack.pop() {
            if lo >= before || self.max_end[at] < span.end {
                continue;
            }
            if at >= self.leaves {
                found.push(lo);
            } else {
                let mid = (lo + hi) / 2;
                stack.push((2 * at + 1, mid, hi));
                stack.push((2 * at, lo, mid));
            }
        }
        found
    }

    /// The TOML path of the deepest key or value whose span holds `span`.
    pub(super) fn path_at(&self, span: &Range<usize>) -> DocPath {
        let holding: Vec<(usize, bool)> = self
            .holding(span)
            .into_iter()
            .map(|i| (self.spans[i].node, self.spans[i].key))
            .collect();
        let mut path = DocPath::root();
        let mut at = NO_NODE;
        loop {
            let (lo, hi) = if at == NO_NODE {
                (0, self.nodes.len())
            } else {
                (at + 1, self.nodes[at].end)
            };
            // The first node inside, in the walk's order, that holds it: it
            // is inside the first child that holds it.
            let Some(first) = holding
                .iter()
                .map(|&(n, _)| n)
                .filter(|n| (lo..hi).contains(n))
                .min()
            else {
                break;
            };
            let mut child = first;
            while self.nodes[child].parent != at {
                child = self.nodes[child].parent;
            }
            path.0.push(self.nodes[child].segment.clone());
            if holding.contains(&(child, true)) {
                break;
            }
            at = child;
        }
        path
    }
}

/// The value at a path of the tree, when there is one.
pub(super) fn value_at<'t, 'a>(
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

/// The span of the deepest node along `path` that exists in the tree.
pub(super) fn span_of(tree: &Spanned<DeTable<'_>>, path: &DocPath) -> Option<Range<usize>> {
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

/// Problems found in a document's tree, located in its text.
pub(super) fn locate_all(
    problems: Vec<Problem>,
    text: &str,
    file: &str,
    tree: &Spanned<DeTable<'_>>,
) -> Vec<Diagnostic> {
    let lines = Lines::new(text);
    problems
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
        .collect()
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use toml::Spanned;
    use toml::de::{DeTable, DeValue};

    use super::{Lines, SpanIndex};
    use crate::error::{DocPath, PathSegment};

    // The walk the index stands for, a table at a time: the oracle that
    // the index must agree with.
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
                contains(&k.span(), span)
                    || contains(&v.span(), span)
                    || value_holds(v.get_ref(), span)
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

    #[test]
    fn the_index_finds_the_path_the_walk_finds() {
        let docs = [
            "[mission]\nname = \"x\"\ndate = 2007-10-29\n[context]\nmandate = 3\n\n[evidence.a]\nrating = \"low\"\nsources = [\"a\", 1, [2, {x = 3}]]\n[evidence.b]\nrating = 1\n",
            "[[entity]]\nname = 1\nrole = [\"a\", 2]\n[entity.current]\nx = \"y\"\n[[entity]]\nname = \"n\"\n\n[[entity]]\n",
            "a.b.c = 1\na.d = { e = [1, 2], f = \"g\" }\n[x]\ny.z = true\n[x.w]\nv = 1.5\n",
        ];
        for text in docs {
            let (tree, errors) = DeTable::parse_recoverable(text);
            assert!(errors.is_empty(), "{text}");
            let index = SpanIndex::new(&tree);
            for start in 0..=text.len() {
                for end in start..=text.len() {
                    let span = start..end;
                    let walked = path_at(&tree, &span);
                    assert_eq!(index.path_at(&span), walked, "{span:?} in {text:?}");
                }
            }
        }
    }

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
