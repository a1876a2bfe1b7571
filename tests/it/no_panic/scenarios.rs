//! What-if scenarios.

#[allow(unused_imports)]
use super::*;

// ---------------------------------------------------------------------------
// What-if scenarios.
// ---------------------------------------------------------------------------

/// A what-if scenario, resolved against a rulebook: mostly its own factor
/// ids, context keys and values, sometimes any word.
#[derive(Debug, Clone)]
pub(crate) struct ScenarioParts {
    ratings: Vec<(Pick<String>, Rating)>,
    context: Vec<(Pick<String>, Index, Pick<Value>)>,
    forget: Vec<Pick<String>>,
}

pub(crate) fn scenario_parts() -> impl Strategy<Value = ScenarioParts> {
    let flag_or_word = prop_oneof![
        word().prop_map(Value::String),
        any::<bool>().prop_map(Value::Boolean),
    ];
    (
        prop::collection::vec((pick(word()), fixtures::rating()), 0..8),
        prop::collection::vec((pick(word()), any::<Index>(), pick(flag_or_word)), 0..3),
        prop::collection::vec(pick(word()), 0..2),
    )
        .prop_map(|(ratings, context, forget)| ScenarioParts {
            ratings,
            context,
            forget,
        })
}

impl ScenarioParts {
    fn scenario(&self, rb: &Rulebook) -> Scenario {
        let factors: Vec<String> = rb.factors().iter().map(|f| f.id.clone()).collect();
        let keys: Vec<String> = rb.context_keys().iter().map(|k| k.key.clone()).collect();
        let mut s = Scenario::default();
        for (f, r) in &self.ratings {
            s.ratings.insert(f.key(&factors), *r);
        }
        for (k, vi, v) in &self.context {
            let key = k.key(&keys);
            let known: Vec<Value> = match rb.context_keys() {
                [] => Vec::new(),
                all => all[vi.index(all.len())]
                    .values
                    .iter()
                    .map(|v| match v {
                        ContextValue::Word(w) => Value::String(w.clone()),
                        ContextValue::Flag(b) => Value::Boolean(*b),
                    })
                    .collect(),
            };
            let value = match v.value(&known) {
                Value::Boolean(b) => ContextValue::Flag(b),
                Value::String(w) => ContextValue::Word(w),
                other => ContextValue::Word(other.to_string()),
            };
            s.context.insert(key, value);
        }
        s.forget_context = self.forget.iter().map(|k| k.key(&keys)).collect();
        s
    }
}

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn whatif_scenarios_on_sample_and_generated_missions(
        (_, text) in sample(),
        (rb, m) in fixtures::case(),
        parts in scenario_parts(),
    ) {
        let base = oslo_sample(text);
        if let Ok(m2) = analysis::apply(&base, &parts.scenario(&OSLO)) {
            exercise(&OSLO, &m2, Some(&base));
        }
        let (grb, gm) = fixtures::load(&rb, &m);
        if let Ok(m2) = analysis::apply(&gm, &parts.scenario(&grb)) {
            exercise(&grb, &m2, Some(&gm));
        }
    }

    #[test]
    fn robustness_options_at_the_edges(
        (_, text) in sample(),
        (rb, m) in fixtures::case(),
        noise in prop_oneof![
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(-1.0),
            Just(0.0),
            Just(100.0),
            Just(1e300),
            any::<f64>(),
            0.0f64..=100.0,
        ],
        samples in prop_oneof![Just(0usize), Just(1), 0usize..64],
        seed in any::<u64>(),
    ) {
        let opts = RobustnessOptions { noise_percent: noise, samples, seed };
        let r = analysis::robustness(&oslo_sample(text), opts);
        let _ = serde_json::to_string(&r);
        let (_, m) = fixtures::load(&rb, &m);
        let r = analysis::robustness(&m, opts);
        let _ = serde_json::to_string(&r);
    }

    #[test]
    fn generated_valid_cases_through_every_analysis((rb, m) in fixtures::case()) {
        let (rb, m) = fixtures::load(&rb, &m);
        exercise_rulebook(&rb);
        exercise(&rb, &m, None);
    }
}
