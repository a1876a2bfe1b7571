//! What-if: apply rating and context changes to a mission and re-assess.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{DocPath, Error, Problem};
use crate::mission::{Mission, Waivers};
use crate::model::{ContextValue, Evidence, Rating};

/// A set of changes to try on a mission.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Scenario {
    /// Factor id -> new rating.
    #[serde(default)]
    pub ratings: BTreeMap<String, Rating>,
    /// Context key -> new value.
    #[serde(default)]
    pub context: BTreeMap<String, ContextValue>,
    /// Context keys to leave out (unknown).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forget_context: Vec<String>,
}

impl Scenario {
    /// A scenario with one rating change.
    pub fn rate(factor: impl Into<String>, rating: Rating) -> Scenario {
        let mut s = Scenario::default();
        s.ratings.insert(factor.into(), rating);
        s
    }
}

/// The mission with the scenario applied, checked against the rulebook it
/// carries.
/// Notes and sources of re-rated factors are kept. Assess both and
/// [`compare`](crate::analysis::compare) them for the difference. The
/// changed mission is checked as a file is: rating a gated factor
/// `not-applicable` waives the gate only where the factor's note says why
/// (a scenario gives no notes, so the mission must already have one).
///
/// ```
/// use integration_readiness::analysis::{apply, compare, Scenario};
/// use integration_readiness::{assess, Mission, Rating, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml("[mission]\nname = \"M\"\n", "m.toml", &rb)?;
/// let m2 = apply(&m, &Scenario::rate("senior-leadership-cohesion", Rating::High))?;
/// let (before, after) = (assess(&m), assess(&m2));
/// let diff = compare(&before, &after);
/// assert_eq!(diff.changed_ratings.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::Invalid`] with the problems of the changed mission (unknown
/// factor ids, context keys or values, a waiver without a note), with
/// paths into the scenario's
/// effect on the mission (the file is `<scenario>`).
pub fn apply(mission: &Mission, scenario: &Scenario) -> Result<Mission, Error> {
    let rulebook = mission.rulebook();
    let mut data = mission.data().clone();
    for (id, rating) in &scenario.ratings {
        data.evidence
            .entry(id.clone())
            .and_modify(|e| e.rating = *rating)
            .or_insert(Evidence {
                rating: *rating,
                note: None,
                sources: Vec::new(),
            });
    }
    for (k, v) in &scenario.context {
        data.context.insert(k.clone(), v.clone());
    }
    let mut problems = Vec::new();
    for (i, k) in scenario.forget_context.iter().enumerate() {
        if data.context.remove(k).is_none() && !rulebook.context_keys().iter().any(|c| &c.key == k)
        {
            problems.push(
                Problem::new(
                    DocPath::root().key("forget-context").index(i),
                    format!("unknown context key `{k}`"),
                )
                .suggest(k, rulebook.context_keys().iter().map(|c| c.key.as_str())),
            );
        }
    }
    let problems = match Mission::check(data, rulebook, Waivers::MustSayWhy) {
        Ok(m) if problems.is_empty() => return Ok(m),
        Ok(_) => problems.into(),
        Err(mut p) => {
            p.extend(problems);
            p
        }
    };
    Err(Error::unlocated("<scenario>", problems))
}
