//! Control characters in the keys and texts of a document's tree, located
//! (see [`crate::control`]).

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::control::{problem, refused};
use crate::error::{DocPath, PathSegment, Problem};

/// Every key and text of a document's tree holding a control character:
/// where it starts in the text, and the problem.
pub(super) fn in_tree(tree: &Spanned<DeTable<'_>>) -> Vec<(Range<usize>, Problem)> {
    let mut found = Vec::new();
    let mut path = DocPath::root();
    in_table(tree.get_ref(), &mut path, &mut found);
    found
}

fn in_table(t: &DeTable<'_>, path: &mut DocPath, found: &mut Vec<(Range<usize>, Problem)>) {
    for (k, v) in t.iter() {
        path.0.push(PathSegment::Key(k.get_ref().to_string()));
        if let Some(c) = refused(k.get_ref()) {
            found.push((k.span(), problem(path.clone(), c, true)));
        }
        in_value(v, path, found);
        path.0.pop();
    }
}

fn in_value(
    v: &Spanned<DeValue<'_>>,
    path: &mut DocPath,
    found: &mut Vec<(Range<usize>, Problem)>,
) {
    match v.get_ref() {
        DeValue::String(s) => {
            if let Some(c) = refused(s) {
                found.push((v.span(), problem(path.clone(), c, false)));
            }
        }
        DeValue::Table(t) => in_table(t, path, found),
        DeValue::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                path.0.push(PathSegment::Index(i));
                in_value(item, path, found);
                path.0.pop();
            }
        }
        _ => {}
    }
}
