//! Per-dimension storage: a short inline list, and values keyed by
//! dimension id for serialization.

use std::fmt;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::rulebook::{DimensionIds, Rulebook};

/// How many values [`Values`] holds without allocating: rulebooks rarely
/// have more dimensions than this (the default has three).
pub(crate) const INLINE: usize = 4;

/// A short list of values, one per dimension, kept inline (no allocation)
/// up to four dimensions. Reads as a slice.
#[derive(Clone)]
pub struct Values<T> {
    len: usize,
    pub(crate) inline: [T; INLINE],
    heap: Vec<T>,
}

impl<T: Default> Values<T> {
    /// An empty list.
    pub fn new() -> Self {
        Values {
            len: 0,
            inline: std::array::from_fn(|_| T::default()),
            heap: Vec::new(),
        }
    }

    /// Appends a value.
    pub fn push(&mut self, v: T) {
        if self.len < INLINE && self.heap.is_empty() {
            self.inline[self.len] = v;
        } else {
            if self.heap.is_empty() {
                self.heap.extend(self.inline.iter_mut().map(std::mem::take));
            }
            self.heap.push(v);
        }
        self.len += 1;
    }
}

impl<T: Default> Default for Values<T> {
    fn default() -> Self {
        Values::new()
    }
}

impl<T> std::ops::Deref for Values<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        if self.heap.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.heap
        }
    }
}

impl<T: Default> FromIterator<T> for Values<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut v = Values::new();
        for x in iter {
            v.push(x);
        }
        v
    }
}

impl<T: Default> From<Vec<T>> for Values<T> {
    fn from(v: Vec<T>) -> Self {
        v.into_iter().collect()
    }
}

impl<'a, T> IntoIterator for &'a Values<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for Values<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: PartialEq<U>, U> PartialEq<Values<U>> for Values<T> {
    fn eq(&self, other: &Values<U>) -> bool {
        self[..] == other[..]
    }
}

impl<T: PartialEq<U>, U> PartialEq<Vec<U>> for Values<T> {
    fn eq(&self, other: &Vec<U>) -> bool {
        self[..] == other[..]
    }
}

impl<T: PartialEq<U>, U, const N: usize> PartialEq<[U; N]> for Values<T> {
    fn eq(&self, other: &[U; N]) -> bool {
        self[..] == other[..]
    }
}

/// Values per dimension, serialized as an object keyed by dimension id in
/// rulebook order. The ids are shared with the rulebook, not copied.
#[derive(Debug, Clone, PartialEq)]
pub struct PerDimension<T> {
    ids: DimensionIds,
    /// One value per dimension, in rulebook order.
    pub values: Values<T>,
}

impl<T> PerDimension<T> {
    /// Values for the dimensions of a rulebook, in its order.
    pub fn new(rulebook: &Rulebook, values: impl Into<Values<T>>) -> Self {
        PerDimension {
            ids: rulebook.dimension_ids(),
            values: values.into(),
        }
    }

    /// The value for a dimension id.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.ids
            .get()
            .iter()
            .position(|d| d == id)
            .and_then(|i| self.values.get(i))
    }

    /// (dimension id, value) pairs in rulebook order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.ids
            .get()
            .iter()
            .map(String::as_str)
            .zip(self.values.iter())
    }
}

impl<T: Serialize> Serialize for PerDimension<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.values.len()))?;
        for (k, v) in self.iter() {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}
