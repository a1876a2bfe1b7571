//! Arbitrary text and documents to every loader.

#[allow(unused_imports)]
use super::*;

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
pub(crate) enum Pick<T> {
    Known(Index),
    Other(T),
}

pub(crate) fn pick<T: std::fmt::Debug + Clone>(
    other: impl Strategy<Value = T>,
) -> impl Strategy<Value = Pick<T>> {
    prop_oneof![
        5 => any::<Index>().prop_map(Pick::Known),
        1 => other.prop_map(Pick::Other),
    ]
}

impl Pick<String> {
    pub(crate) fn key(&self, known: &[String]) -> String {
        match self {
            Pick::Known(i) if !known.is_empty() => known[i.index(known.len())].clone(),
            Pick::Known(_) => "nothing-known".to_owned(),
            Pick::Other(s) => s.clone(),
        }
    }
}

impl Pick<Value> {
    pub(crate) fn value(&self, known: &[Value]) -> Value {
        match self {
            Pick::Known(i) if !known.is_empty() => known[i.index(known.len())].clone(),
            Pick::Known(_) => Value::String("nothing-known".to_owned()),
            Pick::Other(v) => v.clone(),
        }
    }
}

/// (factor, rating, note, sources) of one `[evidence.ID]` table.
pub(crate) type EvidenceParts = (Pick<String>, Pick<Value>, Option<Value>, Option<Value>);

/// (name, role, current levels by dimension) of one `[[entity]]`.
pub(crate) type EntityParts = (Value, Pick<String>, Vec<(Pick<String>, Pick<Value>)>);

/// The parts of a mission document, resolved against a rulebook: the right
/// keys in the right places, mostly with ids and words it knows, sometimes
/// with any value at all.
#[derive(Debug, Clone)]
pub(crate) struct MissionParts {
    name: Value,
    date: Option<Value>,
    context: Vec<(Pick<String>, Index, Pick<Value>)>,
    evidence: Vec<EvidenceParts>,
    effort: Vec<(Pick<String>, Pick<Value>)>,
    entities: Vec<EntityParts>,
}

pub(crate) fn mission_parts() -> impl Strategy<Value = MissionParts> {
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

pub(crate) fn strings(v: impl IntoIterator<Item = impl Into<String>>) -> Vec<Value> {
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
