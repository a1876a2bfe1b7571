//! A mission checked against a rulebook and resolved to its indices:
//! checking and resolving here, building in code in [`builder`], refitting
//! to another rulebook in `refit`.

mod builder;
mod refit;

pub use builder::MissionBuilder;

use std::sync::Arc;

use crate::error::{Collector, DocPath, Error, Problem, one_of, shown};
use crate::model::{ContextValue, Effort, MissionData, Rating};
use crate::rulebook::Rulebook;
use crate::text::Text;

/// Whether rating a gated factor `not-applicable` needs a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Waivers {
    /// A mission's own evidence: waiving a gate must be justified.
    MustSayWhy,
    /// A hypothesis (what-if) or a mission refitted to another rulebook:
    /// the waiver was either checked already or is the point of the exercise.
    Allowed,
}

/// An entity resolved to indices.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ResolvedEntity {
    /// Role indices, as written (at least one).
    pub roles: Vec<usize>,
    /// Declared current level per dimension.
    pub current: Vec<Option<usize>>,
}

/// A mission checked against a rulebook: every factor id, context key and
/// value, role, dimension and level it names exists there.
#[derive(Debug, Clone, PartialEq)]
pub struct Mission {
    data: MissionData,
    /// Rating per factor of the rulebook (`Unknown` where there is no evidence).
    pub(crate) ratings: Vec<Rating>,
    /// Whether the mission gives evidence for each factor.
    pub(crate) has_evidence: Vec<bool>,
    /// The note of each factor's evidence, shared with the results.
    pub(crate) notes: Vec<Option<Text>>,
    /// The sources of each factor's evidence, shared with the results.
    pub(crate) sources: Vec<Arc<[Text]>>,
    /// Value index per context key; `None` where the mission leaves it out.
    pub(crate) context: Vec<Option<usize>>,
    /// Effort per factor (the rulebook's, or the mission's override).
    pub(crate) effort: Vec<Effort>,
    pub(crate) entities: Vec<ResolvedEntity>,
    /// The rulebook the indices refer to (a shared handle).
    pub(crate) rulebook: Rulebook,
}

impl Mission {
    /// Checks mission data against a rulebook and resolves it.
    ///
    /// # Errors
    /// Every problem found, each with its path: unknown factor ids, context
    /// keys, context values, roles, dimensions and levels (with the nearest
    /// known one), a malformed date, an empty name, a control character
    /// (but tab and line breaks) in any key or text.
    ///
    /// A factor that a gate of the rulebook reads and that the mission rates
    /// `not-applicable` waives that gate: the mission must say why, in the
    /// evidence's `note`.
    ///
    /// ```
    /// use integration_readiness::{model::MissionData, Mission, Rulebook};
    /// let rb = Rulebook::oslo_2007();
    /// let mut data = MissionData::default();
    /// data.mission.name = "M".into();
    /// let m = Mission::new(data, &rb)?;
    /// assert_eq!(m.name(), "M");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Invalid`] with every problem found, each with its path (the
    /// file is `<mission>`).
    pub fn new(data: MissionData, rulebook: &Rulebook) -> Result<Mission, Error> {
        // Control characters in any key or text, as a file is refused for.
        let controls = crate::control::in_data(&data);
        match Mission::check(data, rulebook, Waivers::MustSayWhy) {
            Ok(m) if controls.is_empty() => Ok(m),
            Ok(_) => Err(Error::unlocated("<mission>", controls)),
            Err(mut found) => {
                found.extend(controls);
                Err(Error::unlocated("<mission>", found))
            }
        }
    }

    /// Checks and resolves mission data, returning the problems unlocated
    /// so that a loader can place them in its file.
    pub(crate) fn check(
        data: MissionData,
        rulebook: &Rulebook,
        waivers: Waivers,
    ) -> Result<Mission, crate::error::Found> {
        let mut problems = Collector::default();
        let root = DocPath::root();
        let rb = rulebook.data();

        if data.mission.name.trim().is_empty() {
            problems.add(|| {
                Problem::new(root.key("mission").key("name"), "empty mission name")
                    .allowed("the mission's name")
            });
        }
        if let Some(date) = &data.mission.date {
            if !is_iso_date(date) {
                problems.add(|| {
                    Problem::new(
                        root.key("mission").key("date"),
                        format!("`{date}` is not a date"),
                    )
                    .allowed("a date written YYYY-MM-DD")
                });
            }
        }

        let nf = rb.factors.len();
        let mut ratings = vec![Rating::Unknown; nf];
        let mut has_evidence = vec![false; nf];
        let mut notes = vec![None; nf];
        let mut sources = vec![no_sources(); nf];
        for (id, ev) in &data.evidence {
            match rulebook.factor_index(id) {
                Some(i) => {
                    ratings[i] = ev.rating;
                    has_evidence[i] = true;
                    notes[i] = ev.note.as_deref().map(Text::from);
                    if !ev.sources.is_empty() {
                        sources[i] = ev.sources.iter().map(|s| Text::from(s.as_str())).collect();
                    }
                }
                None => problems.add(|| unknown_key(rulebook, "evidence", id)),
            }
        }
        let mut effort: Vec<Effort> = rb.factors.iter().map(|f| f.effort).collect();
        for (id, e) in &data.effort {
            match rulebook.factor_index(id) {
                Some(i) => effort[i] = *e,
                None => problems.add(|| unknown_key(rulebook, "effort", id)),
            }
        }

        let mut context = vec![None; rb.context.len()];
        for (key, value) in &data.context {
            let path = root.key("context").key(key.as_str());
            match rb.context.iter().position(|k| &k.key == key) {
                Some(k) => {
                    let allowed = &rb.context[k].values;
                    match allowed.iter().position(|a| a == value) {
                        Some(v) => context[k] = Some(v),
                        None => {
                            let mut p = Problem::new(path, format!("`{key}` cannot be {value}"))
                                .allowed(one_of(allowed));
                            if let Some(w) = value.as_word() {
                                p = p.suggest(w, allowed.iter().filter_map(ContextValue::as_word));
                            }
                            problems.add(|| p);
                        }
                    }
                }
                None => problems.add(|| unknown_key(rulebook, "context", key)),
            }
        }

        let role_ids: Vec<&str> = rb.roles.iter().map(|r| r.id.as_str()).collect();
        let dim_ids: Vec<&str> = rb.dimensions.iter().map(|d| d.id.as_str()).collect();
        let level_ids: Vec<&str> = rb.levels.iter().map(|l| l.id.as_str()).collect();
        let mut entities = Vec::new();
        for (i, e) in data.entities.iter().enumerate() {
            let path = root.key("entity").index(i);
            if e.name.trim().is_empty() {
                problems.add(|| {
                    Problem::new(path.key("name"), "empty entity name").allowed("the actor's name")
                });
            }
            let mut roles = Vec::new();
            if e.role.ids().is_empty() {
                problems.add(|| {
                    Problem::new(path.key("role"), "an entity needs a role").allowed(format!(
                        "a role id or a list of them: {}",
                        one_of(&role_ids)
                    ))
                });
            }
            for (j, id) in e.role.ids().iter().enumerate() {
                let rp = match e.role {
                    crate::model::Roles::One(_) => path.key("role"),
                    crate::model::Roles::Several(_) => path.key("role").index(j),
                };
                match role_ids.iter().position(|r| r == id) {
                    Some(r) if roles.contains(&r) => problems.add(|| {
                        Problem::new(rp, format!("role `{id}` is listed twice"))
                            .allowed("each role once")
                    }),
                    Some(r) => roles.push(r),
                    None => problems.add(|| {
                        Problem::new(rp, format!("unknown role `{}`", shown(id)))
                            .allowed(one_of(&role_ids))
                            .suggest(id, role_ids.iter().copied())
                    }),
                }
            }
            let mut current = vec![None; dim_ids.len()];
            for (dim, level) in &e.current {
                let p = path.key("current").key(dim.as_str());
                let d = dim_ids.iter().position(|x| x == dim);
                let l = level_ids.iter().position(|x| x == level);
                match (d, l) {
                    (Some(d), Some(l)) => current[d] = Some(l),
                    (None, _) => problems.add(|| {
                        Problem::new(p, format!("unknown dimension `{}`", shown(dim)))
                            .allowed(one_of(&dim_ids))
                            .suggest(dim, dim_ids.iter().copied())
                    }),
                    (_, None) => problems.add(|| {
                        Problem::new(p, format!("unknown level `{}`", shown(level)))
                            .allowed(one_of(&level_ids))
                            .suggest(level, level_ids.iter().copied())
                    }),
                }
            }
            entities.push(ResolvedEntity { roles, current });
        }

        // Applicability from the context: `not-applicable` refused where the
        // context says a factor applies, or a gate that binds may not be
        // waived; the factor leaves the sums where the context rules it out.
        for (id, ev) in &data.evidence {
            if let Some(f) = rulebook.factor_index(id) {
                if let Some(p) = refusal(rulebook, &context, f, ev.rating) {
                    problems.add(|| p);
                }
            }
        }
        for (f, r) in ratings.iter_mut().enumerate() {
            if rulebook.ruled_out(f, &context) {
                *r = Rating::NotApplicable;
            }
        }

        if waivers == Waivers::MustSayWhy {
            // A factor the context rules out waives nothing: its gate does
            // not concern the mission, and no note is needed.
            for (f, level) in rulebook.gated_factors() {
                if rulebook.ruled_out(f, &context) {
                    continue;
                }
                let factor = &rb.factors[f].id;
                let unexplained = data.evidence.get(factor).is_some_and(|e| {
                    e.rating == Rating::NotApplicable
                        && e.note.as_deref().is_none_or(|n| n.trim().is_empty())
                });
                if unexplained {
                    problems.add(|| {
                        Problem::new(
                            root.key("evidence").key(factor.as_str()).key("rating"),
                            format!(
                                "`not-applicable` waives a gate of level `{}`; say why in `note`",
                                rb.levels[level].id
                            ),
                        )
                    });
                }
            }
        }

        if !problems.is_empty() {
            return Err(problems.finish());
        }
        Ok(Mission {
            data,
            ratings,
            has_evidence,
            notes,
            sources,
            context,
            effort,
            entities,
            rulebook: rulebook.clone(),
        })
    }

    /// A mission with no evidence, context or entities.
    pub(crate) fn empty(rulebook: &Rulebook, info: crate::model::MissionInfo) -> Mission {
        let rb = rulebook.data();
        Mission {
            data: MissionData {
                mission: info,
                context: Default::default(),
                evidence: Default::default(),
                effort: Default::default(),
                entities: Vec::new(),
            },
            ratings: vec![Rating::Unknown; rb.factors.len()],
            has_evidence: vec![false; rb.factors.len()],
            notes: vec![None; rb.factors.len()],
            sources: vec![no_sources(); rb.factors.len()],
            context: vec![None; rb.context.len()],
            effort: rb.factors.iter().map(|f| f.effort).collect(),
            entities: Vec::new(),
            rulebook: rulebook.clone(),
        }
    }

    /// A builder for a mission in code, checked against `rulebook` when
    /// built.
    ///
    /// ```
    /// use integration_readiness::{assess, Mission, Rating, Rulebook};
    /// use integration_readiness::assess::Assessment;
    /// let rb = Rulebook::oslo_2007();
    /// let mission = Mission::builder(&rb)
    ///     .name("Programmatic mission")
    ///     .context("mandate", "multidimensional")
    ///     .context("humanitarian-operations", true)
    ///     .rate("political-process-primacy", "high".parse::<Rating>()?)
    ///     .note("political-process-primacy", "Peace talks resumed in March.")
    ///     .build()?; // unknown ids and values are reported here, located
    /// let a: Assessment = assess(&mission);
    /// assert_eq!(a.mission.name, "Programmatic mission");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder(rulebook: &Rulebook) -> MissionBuilder<'_> {
        MissionBuilder::new(rulebook)
    }

    /// The data this mission was built from, as written.
    pub fn data(&self) -> &MissionData {
        &self.data
    }

    /// The mission's name.
    pub fn name(&self) -> &str {
        &self.data.mission.name
    }

    /// The rating of factor `f` (an index in the rulebook's order):
    /// `Unknown` where the mission gives no evidence, `None` when `f` is out
    /// of range.
    pub fn rating(&self, f: usize) -> Option<Rating> {
        self.ratings.get(f).copied()
    }

    /// [`Mission::rating`] for an index the engine knows is in range
    /// (`Unknown` otherwise).
    pub(crate) fn rating_at(&self, f: usize) -> Rating {
        self.ratings.get(f).copied().unwrap_or(Rating::Unknown)
    }

    /// All ratings, one per factor of the rulebook.
    pub fn ratings(&self) -> &[Rating] {
        &self.ratings
    }

    /// The effort to change factor `f`: the mission's override or the
    /// rulebook's.
    pub fn effort(&self, f: usize) -> Option<Effort> {
        self.effort.get(f).copied()
    }

    /// Sets the rating of factor `f`, keeping the data in step (a note and
    /// sources already there are kept). Returns `false` when `f` is out of
    /// range.
    ///
    /// A rating the mission's context refuses (`not-applicable` where the
    /// factor applies, or where a gate that may not be waived reads it) is
    /// not set, and the result is `false`. A factor the context rules out
    /// keeps counting as not applicable, whatever its rating.
    pub fn set_rating(&mut self, f: usize, rating: Rating) -> bool {
        let rulebook = &self.rulebook;
        let Some(factor) = rulebook.factors().get(f) else {
            return false;
        };
        if f >= self.ratings.len() || refusal(rulebook, &self.context, f, rating).is_some() {
            return false;
        }
        self.ratings[f] = if rulebook.ruled_out(f, &self.context) {
            Rating::NotApplicable
        } else {
            rating
        };
        self.has_evidence[f] = true;
        self.data
            .evidence
            .entry(factor.id.clone())
            .and_modify(|e| e.rating = rating)
            .or_insert(crate::model::Evidence {
                rating,
                note: None,
                sources: Vec::new(),
            });
        true
    }

    /// The rulebook this mission was checked against, whose indices it
    /// holds. Every analysis of the mission reads it from here.
    pub fn rulebook(&self) -> &Rulebook {
        &self.rulebook
    }

    /// This mission made to fit another rulebook: what `rulebook` knows is
    /// kept, and each thing it does not know (a factor, a context key or
    /// value, a role, a dimension, a level, a waiver it refuses) is left
    /// out and said in the returned warnings. Refitting to the rulebook the
    /// mission already carries returns it unchanged, with no warnings.
    ///
    /// ```
    /// use integration_readiness::{Mission, Rulebook};
    /// let rb = Rulebook::oslo_2007();
    /// let m = Mission::builder(&rb).name("M").build()?;
    /// let (same, warnings) = m.refit(&rb);
    /// assert_eq!(same, m);
    /// assert!(warnings.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use = "refitting returns a new mission and leaves this one as it is"]
    pub fn refit(&self, rulebook: &Rulebook) -> (Mission, Vec<String>) {
        let mut warnings = Vec::new();
        if self.rulebook == *rulebook {
            return (self.clone(), warnings);
        }
        let m = refit::refit(rulebook, self, &mut warnings);
        (m, warnings)
    }
}

/// Why `rating` of factor `f` is refused in `context`, if it is:
/// `not-applicable` where the factor's `applies-when` says it applies or
/// reads a key the context leaves out, or where a gate that may not be
/// waived reads it and binds.
pub(crate) fn refusal(
    rulebook: &Rulebook,
    context: &[Option<usize>],
    f: usize,
    rating: Rating,
) -> Option<Problem> {
    if rating != Rating::NotApplicable {
        return None;
    }
    let rb = rulebook.data();
    let id = rb.factors.get(f)?.id.as_str();
    let path = DocPath::root().key("evidence").key(id).key("rating");
    let allowed = "a rated word (none, low, partial, high, full) or unknown";
    let when = rulebook.applies_when(f);
    if !when.is_empty() {
        let key = |k: usize| format!("`context.{}`", rb.context[k].key);
        let message = match crate::rulebook::matches(when, context) {
            crate::rulebook::Matches::Yes => Some(format!(
                "`{id}` cannot be `not-applicable`: it applies wherever {}, and {} says so",
                rulebook.describe_when(when),
                when.iter()
                    .map(|(k, _)| key(*k))
                    .collect::<Vec<_>>()
                    .join(" and ")
            )),
            // Where the context leaves open whether the factor applies,
            // declaring it not applicable would settle by assertion what
            // the context is there to settle: the key is asked for instead.
            crate::rulebook::Matches::Open => {
                let keys: Vec<String> = when
                    .iter()
                    .filter(|(k, _)| context.get(*k).is_none_or(Option::is_none))
                    .map(|(k, _)| key(*k))
                    .collect();
                Some(format!(
                    "`{id}` cannot be `not-applicable` while {} {} left out: it applies wherever {}; state {} (where the context rules the factor out, it leaves the sums)",
                    keys.join(" and "),
                    if keys.len() == 1 { "is" } else { "are" },
                    rulebook.describe_when(when),
                    if keys.len() == 1 { "it" } else { "them" }
                ))
            }
            crate::rulebook::Matches::No => None,
        };
        if let Some(message) = message {
            return Some(Problem::new(path, message).allowed(allowed));
        }
    }
    // Where the context rules the factor out, no gate on it concerns the
    // mission: nothing is waived.
    if rulebook.ruled_out(f, context) {
        return None;
    }
    let gate = rb.gates.iter().enumerate().find(|(g, gate)| {
        !gate.waivable && gate.factor == id && rulebook.gate_binds(*g, context)
    })?;
    let (_, gate) = gate;
    Some(
        Problem::new(
            path,
            format!(
                "`{id}` cannot be `not-applicable`: the gate of level `{}` on it may not be waived. {} ({})",
                gate.level, gate.because, gate.citation
            ),
        )
        .allowed(allowed),
    )
}

/// No sources: one allocation, shared by every factor without any.
fn no_sources() -> Arc<[Text]> {
    Arc::from(Vec::new())
}

/// `YYYY-MM-DD` with a month 1..=12 and a day that exists in that month.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> { s.get(r)?.parse().ok() };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    if !s[0..4].bytes().all(|c| c.is_ascii_digit())
        || !s[5..7].bytes().all(|c| c.is_ascii_digit())
        || !s[8..10].bytes().all(|c| c.is_ascii_digit())
    {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// The problem of a key of a mission's `evidence`, `effort` or `context`
/// table that the rulebook does not know. Also used by the loaders for items set aside for being malformed, so that an
/// unknown id and a bad value in one table are reported in one run.
pub(crate) fn unknown_key(rulebook: &Rulebook, table: &str, key: &str) -> Problem {
    let rb = rulebook.data();
    let path = DocPath::root().key(table).key(key);
    if table == "context" {
        let keys: Vec<&str> = rb.context.iter().map(|k| k.key.as_str()).collect();
        return Problem::new(path, format!("unknown context key `{}`", shown(key)))
            .allowed(one_of(&keys))
            .suggest(key, keys.iter().copied());
    }
    let factor_ids = rb.factors.iter().map(|f| f.id.as_str());
    let allowed = if table == "evidence" {
        format!(
            "a factor id of rulebook `{}` (see the factor reference)",
            rb.rulebook.id
        )
    } else {
        format!("a factor id of rulebook `{}`", rb.rulebook.id)
    };
    Problem::new(path, format!("unknown factor `{}`", shown(key)))
        .allowed(allowed)
        .suggest(key, factor_ids)
}

/// Whether the rulebook knows a key of a mission's `evidence`, `effort` or
/// `context` table.
pub(crate) fn knows_key(rulebook: &Rulebook, table: &str, key: &str) -> bool {
    match table {
        "context" => rulebook.data().context.iter().any(|k| k.key == key),
        _ => rulebook.factor_index(key).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::is_iso_date;

    #[test]
    fn dates() {
        assert!(is_iso_date("2007-10-29"));
        assert!(is_iso_date("2008-02-29"));
        assert!(!is_iso_date("2007-02-29"));
        assert!(!is_iso_date("2007-13-01"));
        assert!(!is_iso_date("07-10-29"));
        assert!(!is_iso_date("2007-1a-01"));
        assert!(!is_iso_date("2007-10-+1"));
        assert!(!is_iso_date("2007-+1-29"));
        assert!(!is_iso_date("+007-10-29"));
        // Ten characters with the dashes where they belong, no more.
        assert!(!is_iso_date("2007-10-290"));
        assert!(!is_iso_date("2007/10-29"));
        assert!(!is_iso_date("2007-10/29"));
        // Leap years: every fourth, but not every hundredth, but every
        // four hundredth.
        assert!(is_iso_date("2000-02-29"));
        assert!(!is_iso_date("1900-02-29"));
        assert!(is_iso_date("1900-02-28"));
        // Thirty days hath September, April, June and November.
        assert!(is_iso_date("2007-04-30"));
        assert!(!is_iso_date("2007-04-31"));
        assert!(is_iso_date("2007-12-31"));
        assert!(!is_iso_date("2007-00-10"));
        assert!(!is_iso_date("2007-10-00"));
    }
}
