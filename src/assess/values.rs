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
    pub(crate) fn new() -> Self {
        Values {
            len: 0,
            inline: std::array::from_fn(|_| T::default()),
            heap: Vec::new(),
        }
    }

    /// Appends a value.
    pub(crate) fn push(&mut self, v: T) {
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
    pub(crate) fn new(rulebook: &Rulebook, values: impl Into<Values<T>>) -> Self {
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

#[cfg(test)]
mod tests {
    use super::{PerDimension, Values};
    use crate::Rulebook;

    const TINY: &str = include_str!("../../tests/data/tiny.toml");

    fn tiny() -> Rulebook {
        Rulebook::from_toml(TINY, "tiny.toml").unwrap()
    }

    #[test]
    fn per_dimension_values_by_id_and_in_order() {
        let rb = tiny();
        let v = PerDimension::new(&rb, vec![1.5, -2.0]);
        assert_eq!(v.get("a"), Some(&1.5));
        assert_eq!(v.get("b"), Some(&-2.0));
        assert_eq!(v.get("c"), None);
        assert_eq!(v.iter().collect::<Vec<_>>(), [("a", &1.5), ("b", &-2.0)]);
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"a":1.5,"b":-2.0}"#);
    }

    #[test]
    fn values_hold_any_number_of_dimensions() {
        let mut v: Values<usize> = Values::new();
        assert!(v.is_empty());
        // Past the four held inline, the values move and stay in order.
        for i in 0..7 {
            v.push(10 * i);
            assert_eq!(v.len(), i + 1);
            assert_eq!(v[i], 10 * i);
        }
        assert_eq!(v, vec![0, 10, 20, 30, 40, 50, 60]);
        let w: Values<usize> = (0..3).map(|i| 10 * i).collect();
        assert_eq!(w, [0, 10, 20]);
        assert_eq!(Values::from(vec![1, 2]), [1, 2]);
        assert_eq!(Values::<u8>::default().len(), 0);
        // A `for` loop over a borrowed `Values` sees every value, in order.
        let mut seen = Vec::new();
        for x in &v {
            seen.push(*x);
        }
        assert_eq!(seen, [0, 10, 20, 30, 40, 50, 60]);
    }

    #[test]
    fn values_compare_and_print_as_lists() {
        let v: Values<u32> = vec![1, 2].into();
        assert_eq!(format!("{v:?}"), "[1, 2]");
        assert_eq!(v, Values::from(vec![1, 2]));
        assert_ne!(v, Values::from(vec![1, 3]));
        assert_ne!(v, Values::from(vec![1]));
        assert!(v == vec![1, 2] && v != vec![2, 1]);
        assert!(v == [1, 2] && v != [1, 2, 3]);
    }

    #[test]
    fn per_dimension_values_are_equal_only_on_the_same_dimensions() {
        let rb = tiny();
        let a = PerDimension::new(&rb, vec![1.0, 2.0]);
        assert_eq!(a, PerDimension::new(&tiny(), vec![1.0, 2.0]));
        assert_ne!(a, PerDimension::new(&rb, vec![1.0, 3.0]));
        // The same numbers on dimensions named otherwise are other values.
        let renamed = Rulebook::from_toml(
            &TINY
                .replace("id = \"b\"", "id = \"c\"")
                .replace("b = ", "c = ")
                .replace("[\"a\", \"b\"]", "[\"a\", \"c\"]"),
            "t.toml",
        )
        .unwrap();
        assert_ne!(a, PerDimension::new(&renamed, vec![1.0, 2.0]));
    }
}
