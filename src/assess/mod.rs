//! The pure scoring core: scores, placement on the spectrum, targets,
//! verdicts, explanations and recommendations.
//!
//! No I/O, no clock, no randomness: the same rulebook and mission give the
//! same assessment on every platform.

//!
//! | file | what |
//! |---|---|
//! | `mod.rs` | [`assess`]: the assessment, assembled |
//! | `results.rs` | the result types ([`Assessment`] and its parts) |
//! | `score.rs` | weighted sums, scores, ranges, the overall mean; [`score_only`] |
//! | `place.rs` | placement on the spectrum: thresholds and gates |
//! | `targets.rs` | targets from the context rules |
//! | `recommend.rs` | one-step recommendations |
//! | `values.rs` | per-dimension storage ([`Values`], [`PerDimension`]) |

mod place;
mod recommend;
mod results;
mod score;
mod targets;
mod values;

pub use place::THRESHOLD_TOLERANCE;
pub(crate) use place::{gate_holds, place};
pub use results::{
    Assessment, Blocker, DimensionResult, DimensionScore, EntityResult, EvidenceGap, FactorResult,
    MissionSummary, NextLevel, Overall, PROVISIONAL_COVERAGE, Provenance, Recommendation, Target,
    Tension, ThemeResult, Verdict, is_provisional,
};
pub(crate) use score::earned_share;
use score::{Tally, overall_scores, overall_weights, place_all, tallies, weighted_mean};
pub(crate) use score::{overall_of, provisional};
pub use score::{score_batch, score_into, score_only, score_sweep};
pub(crate) use targets::targets;
pub(crate) use values::DimensionIds;
pub use values::{PerDimension, Values};

use crate::mission::Mission;
use crate::model::Rating;
use crate::rulebook::{Bound, Rulebook};

/// Assesses a mission against a rulebook: scores, placement, targets,
/// verdicts, explanations and recommendations.
///
/// Pure and deterministic; never panics. A mission loaded against another
/// rulebook is refitted: what this rulebook does not know is left out and
/// listed in [`Assessment::warnings`].
///
/// ```
/// use integration_readiness::{assess, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml(r#"
///     [mission]
///     name = "Example"
///     [evidence.senior-leadership-cohesion]
///     rating = "full"
/// "#, "example.toml", &rb)?;
/// let a = assess(&rb, &m);
/// let strategic = &a.dimensions[0];
/// assert!(strategic.score_range[0] <= strategic.score);
/// assert!(strategic.score <= strategic.score_range[1]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess(rulebook: &Rulebook, mission: &Mission) -> Assessment {
    let mut warnings = Vec::new();
    let fitted = crate::mission::fitted(rulebook, mission, &mut warnings);
    let mut a = assess_fitted(rulebook, &fitted, mission);
    a.warnings.splice(0..0, warnings);
    a
}

fn assess_fitted(rb: &Rulebook, m: &Mission, named: &Mission) -> Assessment {
    let ratings = m.ratings();
    let mut undecided = Vec::new();

    // One pass for the sums, used for the scores and the explanations.
    let tallies = tallies(rb, ratings);
    let mut scores = Vec::with_capacity(rb.dimensions().len());
    place_all(rb, ratings, &tallies, &mut scores);
    let dimensions: Vec<DimensionResult> = targets(rb, &m.context, None, &mut undecided)
        .into_iter()
        .enumerate()
        .map(|(d, target)| dimension_result(rb, m, d, tallies[d], scores[d], target))
        .collect();
    // Overall, weighted by dimension, over the dimensions where some
    // factor applies.
    let weights = overall_weights(rb, &tallies);
    let overall = overall(&weights, &tallies, &scores, &dimensions);
    let factors = factor_results(rb, m, &tallies);
    let themes = theme_results(rb, m);
    let entities = entity_results(rb, m, named, &mut undecided);
    let recommendations = recommend::recommend(rb, m, &scores, &tallies, &dimensions);
    let evidence_gaps = evidence_gaps(rb, m, &weights, &tallies);

    let data = named.data();
    undecided.sort_unstable();
    Assessment {
        rulebook: Provenance::of(rb),
        mission: MissionSummary {
            name: data.mission.name.clone(),
            date: data.mission.date.clone(),
            description: data.mission.description.clone(),
        },
        dimensions,
        overall,
        themes,
        factors,
        entities,
        recommendations,
        evidence_gaps,
        context: rb
            .names()
            .context_key
            .iter()
            .map(|k| (k.clone(), data.context.get(k.as_str()).cloned()))
            .collect(),
        undecided_rules: undecided
            .into_iter()
            .map(|r| rb.names().rule_id[r].clone())
            .collect(),
        warnings: Vec::new(),
    }
}

/// The result of dimension `d`: its numbers, its place, what stops the
/// next level and how it stands against its target.
fn dimension_result(
    rb: &Rulebook,
    m: &Mission,
    d: usize,
    tally: Tally,
    s: DimensionScore,
    target: Target,
) -> DimensionResult {
    let levels = rb.levels();
    let next = next_level(rb, m, d, s);
    DimensionResult {
        id: rb.names().dimension_id[d].clone(),
        title: rb.names().dimension_title[d].clone(),
        score: s.score,
        score_range: s.range,
        coverage: s.coverage,
        applicable: tally.applies(),
        waived_gates: (1..=(s.level + 1).min(levels.len().saturating_sub(1)))
            .flat_map(|l| rb.gates_of(l, d))
            .filter(|g| m.rating(g.factor) == Rating::NotApplicable)
            .map(|g| rb.names().factor_id[g.factor].clone())
            .collect(),
        no_evidence: tally.rated <= 0.0 && tally.unknown > 0.0,
        level: rb.names().level_id[s.level].clone(),
        level_range: [
            rb.names().level_id[s.level_range[0]].clone(),
            rb.names().level_id[s.level_range[1]].clone(),
        ],
        level_index: [s.level, s.level_range[0], s.level_range[1]],
        next,
        target: target.level.clone(),
        verdict: if tally.any_rated() {
            Verdict::of(s.level, target.level_index)
        } else {
            Verdict::Undetermined
        },
        provisional: is_provisional(tally.applies(), s.coverage, s.level_range),
        target_detail: target,
    }
}

/// The level above the one reached on dimension `d`, with every threshold
/// and gate that fails there; `None` at the top.
fn next_level(rb: &Rulebook, m: &Mission, d: usize, s: DimensionScore) -> Option<NextLevel> {
    let levels = rb.levels();
    (s.level + 1 < levels.len()).then(|| {
        let l = s.level + 1;
        let mut blockers = Vec::new();
        let needed = rb.threshold(l, d);
        if s.score + THRESHOLD_TOLERANCE < needed {
            blockers.push(Blocker::Threshold {
                needed,
                score: s.score,
            });
        }
        for gate in rb.gates_of(l, d) {
            let actual = m.rating(gate.factor);
            if !gate_holds(gate.bound, actual, false) {
                let (bound, rating) = match gate.bound {
                    Bound::AtLeast(r) => ("at-least", r),
                    Bound::AtMost(r) => ("at-most", r),
                };
                blockers.push(Blocker::Gate {
                    factor: rb.names().factor_id[gate.factor].clone(),
                    bound,
                    rating,
                    actual,
                    because: rb.names().gate_because[gate.gate].clone(),
                    citation: rb.names().gate_citation[gate.gate].clone(),
                });
            }
        }
        NextLevel {
            level: rb.names().level_id[l].clone(),
            blockers,
        }
    })
}

/// The overall result: dimension-weighted means of the scores, the share
/// of all applicable weight that is rated, and the overall verdict.
fn overall(
    weights: &[f64],
    tallies: &[Tally],
    scores: &[DimensionScore],
    dimensions: &[DimensionResult],
) -> Overall {
    let (o_score, o_low, o_high) = overall_scores(weights, scores);
    let (rated_all, total_all) = tallies.iter().fold((0.0, 0.0), |(r, t), x| {
        (r + x.rated, t + x.rated + x.unknown)
    });
    let coverage = if total_all > 0.0 {
        rated_all / total_all
    } else {
        0.0
    };
    let counted = || dimensions.iter().filter(|d| d.applicable);
    Overall {
        score: o_score,
        score_range: [o_low, o_high],
        coverage,
        provisional: coverage < PROVISIONAL_COVERAGE || counted().any(|d| d.provisional),
        // Undetermined sorts last, so one undetermined dimension that counts
        // makes the overall undetermined; so does having none that counts.
        verdict: counted()
            .map(|d| d.verdict)
            .max()
            .unwrap_or(Verdict::Undetermined),
    }
}

/// Each factor's weights, earned and lost points per dimension.
fn factor_results(rb: &Rulebook, m: &Mission, tallies: &[Tally]) -> Vec<FactorResult> {
    let factors = rb.factors();
    let mut factor_results = Vec::with_capacity(factors.len());
    for (f, factor) in factors.iter().enumerate() {
        let r = m.rating(f);
        let mut weights = Values::new();
        let mut earned = Values::new();
        let mut lost = Values::new();
        for (d, t) in tallies.iter().enumerate() {
            let w = rb.weight(f, d);
            weights.push(w);
            match r.strength() {
                Some(s) if t.rated > 0.0 => {
                    let e = earned_share(factor.polarity, s);
                    earned.push(100.0 * w * e / t.rated);
                    lost.push(100.0 * w * (1.0 - e) / t.rated);
                }
                _ => {
                    earned.push(0.0);
                    lost.push(0.0);
                }
            }
        }
        factor_results.push(FactorResult {
            id: rb.names().factor_id[f].clone(),
            title: rb.names().factor_title[f].clone(),
            polarity: factor.polarity,
            theme: rb.names().factor_theme[f].clone(),
            rating: m.has_evidence.get(f).copied().unwrap_or(false).then_some(r),
            weights: PerDimension::new(rb, weights),
            contributions: PerDimension::new(rb, earned),
            lost: PerDimension::new(rb, lost),
            citation: rb.names().citation[f].clone(),
            note: m.notes[f].clone(),
            sources: m.sources[f].clone(),
        });
    }
    factor_results
}

/// Each theme's score over all dimensions, in one pass over the factors.
fn theme_results(rb: &Rulebook, m: &Mission) -> Vec<ThemeResult> {
    let factors = rb.factors();
    let nt = rb.themes().len();
    let mut by_theme = vec![(0.0f64, 0.0f64, 0.0f64); nt];
    for (f, factor) in factors.iter().enumerate() {
        let w: f64 = rb.weights_of(f).iter().sum();
        let r = m.rating(f);
        let acc = &mut by_theme[rb.theme_of(f)];
        match r.strength() {
            Some(s) => {
                acc.1 += w;
                acc.0 += w * earned_share(factor.polarity, s);
            }
            None if r == Rating::Unknown => acc.2 += w,
            None => {}
        }
    }
    rb.themes()
        .iter()
        .zip(&by_theme)
        .enumerate()
        .map(|(t, (_, &(e, rated, unknown)))| ThemeResult {
            id: rb.names().theme_id[t].clone(),
            title: rb.names().theme_title[t].clone(),
            score: (rated > 0.0).then(|| (100.0 * e / rated).clamp(0.0, 100.0)),
            coverage: if rated + unknown > 0.0 {
                rated / (rated + unknown)
            } else {
                0.0
            },
        })
        .collect()
}

/// Each entity's own targets (asymmetric by role) and where it stands.
fn entity_results(
    rb: &Rulebook,
    m: &Mission,
    named: &Mission,
    undecided: &mut Vec<usize>,
) -> Vec<EntityResult> {
    let data = named.data();
    m.entities
        .iter()
        .zip(&m.data().entities)
        .map(|(e, src)| {
            let t = targets(rb, &m.context, Some(e.role), undecided);
            let name = data
                .entities
                .iter()
                .find(|x| x.name == src.name)
                .map_or("?", |x| x.name.as_str())
                .to_owned();
            let mut over = Vec::new();
            let mut above_cap = Vec::new();
            let mut gap = Values::new();
            let mut current = Values::new();
            for (d, td) in t.iter().enumerate() {
                let cur = e.current.get(d).copied().flatten();
                current.push(cur.map(|l| rb.names().level_id[l].clone()));
                match cur {
                    Some(c) if c > td.level_index => {
                        over.push(rb.names().dimension_id[d].clone());
                        if td.capped {
                            above_cap.push(rb.names().dimension_id[d].clone());
                        }
                        gap.push(0);
                    }
                    Some(c) => gap.push(td.level_index - c),
                    None => gap.push(0),
                }
            }
            EntityResult {
                name,
                role: rb.names().role_id[e.role].clone(),
                target: PerDimension::new(
                    rb,
                    t.iter().map(|x| x.level.clone()).collect::<Values<_>>(),
                ),
                target_detail: PerDimension::new(rb, t),
                current: PerDimension::new(rb, current),
                over_integrated: over,
                above_cap,
                gap: PerDimension::new(rb, gap),
                note: src.note.clone(),
            }
        })
        .collect()
}

/// Unknown factors, the most of the overall range at stake first.
fn evidence_gaps(
    rb: &Rulebook,
    m: &Mission,
    weights: &[f64],
    tallies: &[Tally],
) -> Vec<EvidenceGap> {
    let factors = rb.factors();
    let mut evidence_gaps: Vec<EvidenceGap> = factors
        .iter()
        .enumerate()
        .filter(|(f, _)| m.rating(*f) == Rating::Unknown)
        .map(|(f, _)| {
            let at_stake = weighted_mean(
                weights,
                tallies.iter().enumerate().map(|(d, t)| {
                    let total = t.rated + t.unknown;
                    if total > 0.0 {
                        100.0 * rb.weight(f, d) / total
                    } else {
                        0.0
                    }
                }),
            );
            EvidenceGap {
                factor: rb.names().factor_id[f].clone(),
                title: rb.names().factor_title[f].clone(),
                at_stake,
                question: rb.names().question[f].clone(),
            }
        })
        .collect();
    evidence_gaps.sort_by(|a, b| b.at_stake.total_cmp(&a.at_stake));
    evidence_gaps
}
