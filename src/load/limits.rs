//! The per-mission limits on what is read from a file: the entities
//! ([`MAX_ENTITIES`]) and the sources of one rating ([`MAX_SOURCES`]).

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::locate::span_of;
use super::read::{MAX_ENTITIES, MAX_SOURCES};
use crate::error::{DocPath, Problem, ordinal};

/// Checks a mission's tree against the limits before anything else reads
/// it. Each list over its limit gives one problem, placed at its first item
/// past the limit, and is cut to the limit, so that the items past it are
/// neither read nor checked: the work done on a file stays within the
/// limits whatever it holds.
pub(super) fn mission(tree: &mut Spanned<DeTable<'_>>) -> Vec<(Range<usize>, Problem)> {
    let mut found = Vec::new();
    let entities = DocPath::root().key("entity");
    if let Some(n) = len_at(tree, &["entity"]) {
        if n > MAX_ENTITIES {
            let at = entities.clone().index(MAX_ENTITIES);
            let problem = Problem::new(
                at.clone(),
                format!(
                    "{n} entities, more than a mission may hold; those past the {} are \
                     not read",
                    ordinal(MAX_ENTITIES)
                ),
            )
            .allowed(format!("at most {MAX_ENTITIES} [[entity]] tables"));
            found.push((span_of(tree, &at).unwrap_or(0..0), problem));
        }
    }
    let factors: Vec<String> = match tree.get_ref().get("evidence").map(|v| v.get_ref()) {
        Some(DeValue::Table(t)) => t.iter().map(|(k, _)| k.get_ref().to_string()).collect(),
        _ => Vec::new(),
    };
    for factor in &factors {
        let Some(n) = len_at(tree, &["evidence", factor, "sources"]) else {
            continue;
        };
        if n > MAX_SOURCES {
            let at = DocPath::root()
                .key("evidence")
                .key(factor.as_str())
                .key("sources")
                .index(MAX_SOURCES);
            let problem = Problem::new(
                at.clone(),
                format!(
                    "{n} sources for one rating, more than a mission may list; those \
                     past the {} are not read",
                    ordinal(MAX_SOURCES)
                ),
            )
            .allowed(format!("at most {MAX_SOURCES} sources for one rating"));
            found.push((span_of(tree, &at).unwrap_or(0..0), problem));
            cut(tree, &["evidence", factor, "sources"], MAX_SOURCES);
        }
    }
    cut(tree, &["entity"], MAX_ENTITIES);
    found
}

/// The length of the array at `keys` (tables all the way), if there is one.
fn len_at(tree: &Spanned<DeTable<'_>>, keys: &[&str]) -> Option<usize> {
    let (last, tables) = keys.split_last()?;
    let mut table = tree.get_ref();
    for k in tables {
        match table.get(*k).map(|v| v.get_ref()) {
            Some(DeValue::Table(t)) => table = t,
            _ => return None,
        }
    }
    match table.get(*last).map(|v| v.get_ref()) {
        Some(DeValue::Array(a)) => Some(a.len()),
        _ => None,
    }
}

/// Cuts the array at `keys` (tables all the way) to `len` items.
fn cut(tree: &mut Spanned<DeTable<'_>>, keys: &[&str], len: usize) {
    let Some((last, tables)) = keys.split_last() else {
        return;
    };
    let mut table = tree.get_mut();
    for k in tables {
        match table.get_mut(*k).map(|v| v.get_mut()) {
            Some(DeValue::Table(t)) => table = t,
            _ => return,
        }
    }
    if let Some(DeValue::Array(a)) = table.get_mut(*last).map(|v| v.get_mut()) {
        if a.len() > len {
            let kept: toml::de::DeArray<'_> = a.iter().take(len).cloned().collect();
            *a = kept;
        }
    }
}
