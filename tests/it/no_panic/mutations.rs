//! Structured mutations of valid rulebooks and missions, and megabyte strings in them.

#[allow(unused_imports)]
use super::*;

// ---------------------------------------------------------------------------
// Structured mutations of valid files.
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(160))]

    #[test]
    fn mutated_generated_rulebooks_and_missions(
        (rb, m) in fixtures::case(),
        rb_edits in edits(),
        m_edits in edits(),
        which in 0..3u8,
    ) {
        let rb_text = toml::to_string(&rb).expect("a generated rulebook writes");
        let m_text = toml::to_string(&m).expect("a generated mission writes");
        let (original_rb, original_m) = fixtures::load(&rb, &m);
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
pub(crate) fn pattern(path: &[Seg]) -> String {
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
pub(crate) fn one_of_each(doc: &Table, keys: bool) -> Vec<Vec<Seg>> {
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
pub(crate) fn lengthened(doc: &Table, path: &[Seg], key: bool, long: &str) -> String {
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
pub(crate) fn megabyte() -> String {
    "é".repeat(512 * 1024)
}

/// Keys whose values are free text: no id or word is looked up in them.
pub(crate) const FREE_TEXT: &[&str] = &[
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
pub(crate) fn free_text(path: &[Seg]) -> Option<&str> {
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
pub(crate) const LOOKED_UP_IN_DEFAULT_RUN: &[(bool, &str)] = &[
    (false, "context.*"),
    (true, "mission.name"),
    (false, "factor.[].id"),
    (false, "gate.[].factor"),
    (true, "level.[].threshold.*"),
];

/// Each 1 MB variant of the sample mission and the tiny rulebook: (is a
/// rulebook, key or value, pattern, text). `class` chooses the places and
/// says which are alike: one place of each class is kept.
pub(crate) fn megabyte_variants(
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
pub(crate) fn in_default_run(key: bool, path: &[Seg]) -> Option<String> {
    let p = pattern(path);
    if LOOKED_UP_IN_DEFAULT_RUN.contains(&(key, p.as_str())) {
        return Some(p);
    }
    free_text(path).filter(|_| !key).map(str::to_owned)
}

#[test]
pub(crate) fn megabyte_strings_in_free_text_and_looked_up_places() {
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
pub(crate) fn megabyte_unknown_ids_words_and_keys_everywhere() {
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
