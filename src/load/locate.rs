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

pub(super) fn locate_toml_error(
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

pub(super) fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && outer.start < outer.end
}

/// The TOML path of the deepest key or value whose span holds `span`.
pub(super) fn path_at(tree: &Spanned<DeTable<'_>>, span: &Range<usize>) -> DocPath {
    let mut path = DocPath::root();
    walk_table(tree.get_ref(), span, &mut path);
    path
}

pub(super) fn walk_table(table: &DeTable<'_>, span: &Range<usize>, path: &mut DocPath) {
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
pub(super) fn value_holds(v: &DeValue<'_>, span: &Range<usize>) -> bool {
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

pub(super) fn walk_value(v: &DeValue<'_>, span: &Range<usize>, path: &mut DocPath) {
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
