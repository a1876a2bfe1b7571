//! Compare two assessments of the same mission (at two dates, or before and
//! after a what-if): what moved, and the factors that explain each move.

use crate::text::Text;
use serde::Serialize;

use crate::assess::{Assessment, MissionSummary, Provenance, Verdict};
use crate::model::{ContextValue, Rating};

/// A factor's part in a dimension's move, in points of the point score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Driver {
    /// Factor id.
    pub factor: Text,
    /// Change of the factor's earned points; the drivers of a dimension sum
    /// to its score change.
    pub points: f64,
    /// Whether the factor's own rating changed (otherwise its share moved
    /// because other factors gained or lost evidence).
    pub rating_changed: bool,
}

/// How one dimension moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DimensionMove {
    /// Dimension id.
    pub id: Text,
    /// Point score before.
    pub score_before: f64,
    /// Point score after.
    pub score_after: f64,
    /// Score range before.
    pub range_before: [f64; 2],
    /// Score range after.
    pub range_after: [f64; 2],
    /// Level before.
    pub level_before: Text,
    /// Level after.
    pub level_after: Text,
    /// Target before.
    pub target_before: Text,
    /// Target after.
    pub target_after: Text,
    /// Verdict before.
    pub verdict_before: Verdict,
    /// Verdict after.
    pub verdict_after: Verdict,
    /// Whether the dimension is provisional, before and after.
    pub provisional: [bool; 2],
    /// Evidence coverage, before and after.
    pub coverage: [f64; 2],
    /// Factors whose points moved, the largest move first; their points
    /// sum to the move of the score.
    pub drivers: Vec<Driver>,
}

/// A factor whose rating differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RatingChange {
    /// Factor id.
    pub factor: Text,
    /// Rating before (`None`: no evidence).
    pub before: Option<Rating>,
    /// Rating after (`None`: no evidence).
    pub after: Option<Rating>,
}

/// The overall move.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct OverallMove {
    /// Overall score before.
    pub score_before: f64,
    /// Overall score after.
    pub score_after: f64,
    /// Evidence coverage before.
    pub coverage_before: f64,
    /// Evidence coverage after.
    pub coverage_after: f64,
    /// Verdict before.
    pub verdict_before: Verdict,
    /// Verdict after.
    pub verdict_after: Verdict,
}

/// What moved between two assessments.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Comparison {
    /// The mission as assessed the second time (name, date, description,
    /// and file where the program that read it set it).
    pub mission: MissionSummary,
    /// The mission as assessed the first time.
    pub mission_before: MissionSummary,
    /// The rulebook of the second assessment (id, version, content
    /// fingerprint) and the crate version; `warnings` says when the first
    /// was made with another.
    pub rulebook: Provenance,
    /// Date of the first assessment.
    pub date_before: Option<String>,
    /// Date of the second.
    pub date_after: Option<String>,
    /// One move per dimension, in rulebook order.
    pub dimensions: Vec<DimensionMove>,
    /// The overall move.
    pub overall: OverallMove,
    /// Factors whose rating changed, in rulebook order.
    pub changed_ratings: Vec<RatingChange>,
    /// Context keys whose value changed: (key, before, after).
    pub context_changes: Vec<(Text, Option<ContextValue>, Option<ContextValue>)>,
    /// Entities whose over-integration changed: (name, before, after).
    pub over_integration: Vec<(String, Vec<Text>, Vec<Text>)>,
    /// Whether the overall result is provisional, before and after.
    pub provisional: [bool; 2],
    /// What a reader should know before trusting the comparison: the two
    /// assessments name different missions, or were made with different
    /// rulebooks (id, version or content).
    pub warnings: Vec<String>,
}

impl Comparison {
    /// Whether nothing moved: no score, level, target, verdict or rating.
    pub fn is_unchanged(&self) -> bool {
        self.changed_ratings.is_empty()
            && self.context_changes.is_empty()
            && self.over_integration.is_empty()
            && self.dimensions.iter().all(|d| {
                d.score_before == d.score_after
                    && d.range_before == d.range_after
                    && d.level_before == d.level_after
                    && d.target_before == d.target_after
                    && d.verdict_before == d.verdict_after
            })
    }
}

/// Compares two assessments made with the same rulebook. Factors and
/// dimensions are matched by id; ones found in only one assessment are
/// left out.
///
/// ```
/// use integration_readiness::{analysis::compare, assess, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml("[mission]\nname = \"M\"\n", "m.toml", &rb)?;
/// let a = assess(&m);
/// assert!(compare(&a, &a).is_unchanged());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn compare(before: &Assessment, after: &Assessment) -> Comparison {
    let mut changed_ratings = Vec::new();
    let mut pairs = Vec::new();
    for fb in &before.factors {
        if let Some(fa) = after.factors.iter().find(|f| f.id == fb.id) {
            if fb.rating != fa.rating {
                changed_ratings.push(RatingChange {
                    factor: fb.id.clone(),
                    before: fb.rating,
                    after: fa.rating,
                });
            }
            pairs.push((fb, fa));
        }
    }
    let dimensions = before
        .dimensions
        .iter()
        .filter_map(|db| {
            let da = after.dimensions.iter().find(|d| d.id == db.id)?;
            let mut drivers: Vec<Driver> = pairs
                .iter()
                .filter_map(|(fb, fa)| {
                    let points = fa.contributions.get(&db.id).copied().unwrap_or(0.0)
                        - fb.contributions.get(&db.id).copied().unwrap_or(0.0);
                    (points.abs() > 1e-12).then_some(Driver {
                        factor: fb.id.clone(),
                        points,
                        rating_changed: fb.rating != fa.rating,
                    })
                })
                .collect();
            drivers.sort_by(|a, b| b.points.abs().total_cmp(&a.points.abs()));
            Some(DimensionMove {
                id: db.id.clone(),
                score_before: db.score,
                score_after: da.score,
                range_before: db.score_range,
                range_after: da.score_range,
                level_before: db.level.clone(),
                level_after: da.level.clone(),
                target_before: db.target.clone(),
                target_after: da.target.clone(),
                verdict_before: db.verdict,
                verdict_after: da.verdict,
                provisional: [db.provisional, da.provisional],
                coverage: [db.coverage, da.coverage],
                drivers,
            })
        })
        .collect();
    // Each entity after, by name: the first of a name, as a search in
    // order would find it, in one pass rather than one search per entity.
    let mut entities_after: std::collections::HashMap<&str, &crate::assess::EntityResult> =
        std::collections::HashMap::with_capacity(after.entities.len());
    for e in &after.entities {
        entities_after.entry(e.name.as_str()).or_insert(e);
    }
    let over_integration = before
        .entities
        .iter()
        .filter_map(|eb| {
            let ea = *entities_after.get(eb.name.as_str())?;
            (eb.over_integrated != ea.over_integrated).then(|| {
                (
                    eb.name.clone(),
                    eb.over_integrated.clone(),
                    ea.over_integrated.clone(),
                )
            })
        })
        .collect();
    Comparison {
        mission: after.mission.clone(),
        mission_before: before.mission.clone(),
        rulebook: after.rulebook.clone(),
        date_before: before.mission.date.clone(),
        date_after: after.mission.date.clone(),
        dimensions,
        overall: OverallMove {
            score_before: before.overall.score,
            score_after: after.overall.score,
            coverage_before: before.overall.coverage,
            coverage_after: after.overall.coverage,
            verdict_before: before.overall.verdict,
            verdict_after: after.overall.verdict,
        },
        changed_ratings,
        context_changes: before
            .context
            .iter()
            .filter_map(|(k, v)| {
                let after_v = after
                    .context
                    .iter()
                    .find(|(x, _)| x == k)
                    .and_then(|(_, v)| v.clone());
                (*v != after_v).then(|| (k.clone(), v.clone(), after_v))
            })
            .collect(),
        over_integration,
        provisional: [before.overall.provisional, after.overall.provisional],
        warnings: comparison_warnings(before, after),
    }
}

/// Why the two sides may not be comparable.
fn comparison_warnings(before: &Assessment, after: &Assessment) -> Vec<String> {
    let mut w = Vec::new();
    if before.mission.name != after.mission.name {
        w.push(format!(
            "the two assessments name different missions (\"{}\" and \"{}\"): a comparison over time needs one mission",
            before.mission.name, after.mission.name
        ));
    }
    if let (Some(b), Some(a)) = (&before.mission.date, &after.mission.date) {
        if b > a {
            w.push(format!(
                "the first assessment ({b}) is later than the second ({a}): \
                 give the older one first, or read every move backwards"
            ));
        }
    }
    let (rb, ra) = (&before.rulebook, &after.rulebook);
    if rb.id != ra.id || rb.version != ra.version {
        w.push(format!(
            "the two assessments use different rulebooks ({} {} and {} {}): scores are not on one scale",
            rb.id, rb.version, ra.id, ra.version
        ));
    } else if rb.fingerprint != ra.fingerprint {
        w.push(format!(
            "the two assessments use different content under rulebook {} {} (fingerprints {} and {}): an edited rulebook moves scores by itself",
            rb.id, rb.version, rb.fingerprint, ra.fingerprint
        ));
    }
    w
}
