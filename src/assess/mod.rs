//! The pure scoring core: scores, placement on the spectrum, targets,
//! verdicts, explanations and recommendations.
//!
//! No I/O, no clock, no randomness: the same rulebook and mission give the
//! same assessment on every platform.

//!
//! | file | what |
//! |---|---|
//! | `mod.rs` | the assessment, assembled from the evaluation |
//! | `entry.rs` | [`assess`](crate::assess()), re-exported at the crate root |
//! | `evaluation.rs` | the evaluation: every number the assessment and the plan read, once |
//! | `results.rs` | the result types ([`Assessment`] and its parts) |
//! | `score.rs` | weighted sums, scores, ranges, the overall mean; [`score_only`](crate::score_only) and the other sweeps, re-exported at the crate root |
//! | `place.rs` | placement on the spectrum: thresholds and gates |
//! | `reach.rs` | what stands between a level and a higher one; a target out of reach |
//! | `targets.rs` | targets from the context rules |
//! | `recommend.rs` | one-step recommendations |
//! | `values.rs` | per-dimension storage ([`Values`], [`PerDimension`]) |

pub(crate) mod entry;
mod evaluation;
mod place;
mod reach;
mod recommend;
mod results;
pub(crate) mod score;
mod targets;
mod values;

pub(crate) use entry::assess;
pub(crate) use evaluation::Evaluation;
use evaluation::covered;
pub use place::THRESHOLD_TOLERANCE;
pub(crate) use place::{gate_holds, place};
pub(crate) use results::is_provisional;
pub use results::{
    Assessment, Blocker, DimensionResult, DimensionScore, EntityResult, EvidenceGap, FactorResult,
    Inconsistency, MissingKey, MissionSummary, NextLevel, OutOfReach, Overall, Provenance,
    ProvisionalCause, Recommendation, Target, Tension, ThemeResult, UnderIntegration, Undetermined,
    Verdict,
};
use score::Tally;
pub(crate) use score::earned_share;
pub(crate) use score::{mismatch, provisional, score_ratings};
pub use targets::MAX_COMPLETIONS;
pub(crate) use targets::targets;
pub use values::{PerDimension, Values};

use crate::mission::Mission;
use crate::model::Rating;
use crate::rulebook::{Bound, Rulebook};
use crate::text::Text;

/// The assessment assembled from an evaluation: its numbers, with the
/// explanations, the recommendations, the themes and the entities.
pub(crate) fn assemble(e: Evaluation<'_>) -> Assessment {
    let m = e.mission;
    let rb = m.rulebook();
    let ratings = m.ratings();
    let dimensions: Vec<DimensionResult> = (0..rb.dimensions().len())
        .map(|d| dimension_result(&e, d))
        .collect();
    let evidence_gaps: Vec<EvidenceGap> = e
        .gaps
        .iter()
        .map(|&(f, at_stake)| EvidenceGap {
            factor: rb.names().factor_id[f].clone(),
            title: rb.names().factor_title[f].clone(),
            at_stake,
            question: rb.names().question[f].clone(),
        })
        .collect();
    let overall = overall(&e, &dimensions, &evidence_gaps);
    let factors = factor_results(rb, m, &e.tallies);
    let themes = theme_results(rb, m);
    let entities = entity_results(rb, m);
    let recommendations = recommend::recommend(rb, m, &e.scores, &e.tallies, &dimensions);
    let inconsistencies = inconsistencies(rb, ratings);
    let mut warnings = ruled_out_ratings(rb, m);
    warnings.extend(unexplained_warning(rb, m, &e.declared));
    warnings.extend(inconsistencies.iter().map(|i| {
        format!(
            "inconsistent ratings of {} (consistency rule {}): {} ({})",
            i.factors.join(" and "),
            i.rule,
            i.because,
            i.citation
        )
    }));

    let read = m.data();
    Assessment {
        rulebook: Provenance::of(rb),
        mission: MissionSummary::of(m),
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
            .map(|k| (k.clone(), read.context.get(k.as_str()).cloned()))
            .collect(),
        missing_context: targets::missing_keys(rb, &e.missing),
        inconsistencies,
        warnings,
        made_with: rb.clone(),
    }
}

/// The evidence of factors the context rules out, said once each: the
/// rating is kept in the file but leaves the sums.
fn ruled_out_ratings(rb: &Rulebook, m: &Mission) -> Vec<String> {
    let data = m.data();
    rb.factors()
        .iter()
        .enumerate()
        .filter(|&(f, _)| rb.ruled_out(f, &m.context))
        .filter_map(|(f, factor)| {
            let ev = data.evidence.get(&factor.id)?;
            (ev.rating != Rating::NotApplicable).then(|| {
                format!(
                    "`{}` is rated `{}`, but it applies only where {}, which the mission's context rules out: the rating is left out of the scores",
                    factor.id,
                    ev.rating,
                    rb.describe_when(rb.applies_when(f))
                )
            })
        })
        .collect()
}

/// How many factors shown by name in the warning of unexplained
/// `not-applicable` ratings, before the rest are counted.
const UNEXPLAINED_SHOWN: usize = 5;

/// The factors the mission itself declares `not-applicable` (of
/// `declared`: its context does not rule them out) with no note to say why,
/// said as one warning.
fn unexplained_warning(rb: &Rulebook, m: &Mission, declared: &[usize]) -> Option<String> {
    let data = m.data();
    let ids: Vec<&str> = declared
        .iter()
        .map(|&f| rb.names().factor_id[f].as_str())
        .filter(|id| {
            data.evidence
                .get(*id)
                .and_then(|ev| ev.note.as_deref())
                .is_none_or(|n| n.trim().is_empty())
        })
        .collect();
    if ids.is_empty() {
        return None;
    }
    let mut named = ids
        .iter()
        .take(UNEXPLAINED_SHOWN)
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > UNEXPLAINED_SHOWN {
        named.push_str(&format!(" and {} more", ids.len() - UNEXPLAINED_SHOWN));
    }
    let (count, verb) = if ids.len() == 1 {
        ("1 factor is".to_owned(), "it leaves")
    } else {
        (format!("{} factors are", ids.len()), "each leaves")
    };
    Some(format!(
        "{count} rated `not-applicable` with no reason given ({named}): {verb} the scores and counts as unrated where a verdict needs enough of the weight rated; say why in the note, or rate it"
    ))
}

/// The consistency rules whose every condition holds.
fn inconsistencies(rb: &Rulebook, ratings: &[Rating]) -> Vec<Inconsistency> {
    let names = rb.names();
    rb.compiled_consistency()
        .iter()
        .enumerate()
        .filter(|(_, rule)| {
            !rule.all.is_empty()
                && rule.all.iter().all(|&(f, bound)| {
                    let r = ratings.get(f).copied().unwrap_or(Rating::Unknown);
                    r.step().is_some() && gate_holds(bound, r, false)
                })
        })
        .map(|(i, rule)| Inconsistency {
            rule: names.consistency_id[i].clone(),
            factors: rule
                .all
                .iter()
                .map(|&(f, _)| names.factor_id[f].clone())
                .collect(),
            because: names.consistency_because[i].clone(),
            citation: names.consistency_citation[i].clone(),
        })
        .collect()
}

/// The unrated factors of dimension `d` (without evidence, or declared
/// `not-applicable` where the context does not rule them out), the most
/// weight first, as many as bring its coverage to the rulebook's minimum,
/// the declared factors counted as unrated.
fn rate_first(rb: &Rulebook, m: &Mission, d: usize, tally: Tally, declared: &[usize]) -> Vec<Text> {
    let claimed: f64 = declared.iter().map(|&f| rb.weight_at(f, d)).sum();
    let total = tally.rated + tally.unknown + claimed;
    if total <= 0.0 || (tally.any_rated() && covered(rb, tally.rated / total)) {
        return Vec::new();
    }
    let mut unrated: Vec<(usize, f64)> = (0..rb.factors().len())
        .filter(|&f| m.rating_at(f) == Rating::Unknown)
        .chain(declared.iter().copied())
        .map(|f| (f, rb.weight_at(f, d)))
        .filter(|&(_, w)| w > 0.0)
        .collect();
    unrated.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut rated = tally.rated;
    let mut out = Vec::new();
    for (f, w) in unrated {
        if rated > 0.0 && covered(rb, rated / total) {
            break;
        }
        rated += w;
        out.push(rb.names().factor_id[f].clone());
    }
    out
}

/// The result of dimension `d`: its numbers, its place, what stops the
/// next level and how it stands against its target.
fn dimension_result(e: &Evaluation<'_>, d: usize) -> DimensionResult {
    let (m, rb) = (e.mission, e.rulebook());
    let (tally, s, target) = (e.tallies[d], e.scores[d], e.targets[d].clone());
    let levels = rb.levels();
    let next = next_level(rb, m, d, s);
    let (verdict, undetermined) = e.verdicts[d].clone();
    let provisional = is_provisional(tally.applies(), s.level_range);
    let mut waived = vec![false; rb.factors().len()];
    DimensionResult {
        id: rb.names().dimension_id[d].clone(),
        title: rb.names().dimension_title[d].clone(),
        score: s.score,
        score_range: s.range,
        coverage: s.coverage,
        applicable: tally.applies(),
        waived_gates: (1..=(s.level + 1).min(levels.len().saturating_sub(1)))
            .flat_map(|l| rb.gates_of(l, d))
            .filter(|g| {
                // A factor the context rules out does not waive a gate: the
                // gate does not concern the mission.
                rb.gate_binds(g.gate, &m.context)
                    && m.rating_at(g.factor) == Rating::NotApplicable
                    && !rb.ruled_out(g.factor, &m.context)
            })
            .map(|g| g.factor)
            // A factor gated at several levels is waived once.
            .filter(|&f| !std::mem::replace(&mut waived[f], true))
            .map(|f| rb.names().factor_id[f].clone())
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
        target_detail: target,
        verdict,
        undetermined,
        rate_first: rate_first(rb, m, d, tally, &e.declared),
        provisional,
        provisional_because: if provisional {
            provisional_causes(rb, m, d, s)
        } else {
            Vec::new()
        },
        out_of_reach: e.out_of_reach[d].clone(),
    }
}

/// What could still move the level of dimension `d`: the score range
/// across a threshold, or unrated gates, between its pessimistic and
/// optimistic levels.
fn provisional_causes(
    rb: &Rulebook,
    m: &Mission,
    d: usize,
    s: DimensionScore,
) -> Vec<ProvisionalCause> {
    let [lo, hi] = s.level_range;
    let mut out = Vec::new();
    if let Some(l) = (lo + 1..=hi).find(|&l| {
        let t = rb.threshold_at(l, d);
        s.range[0] + THRESHOLD_TOLERANCE < t && s.range[1] + THRESHOLD_TOLERANCE >= t
    }) {
        out.push(ProvisionalCause::ScoreRange {
            level: rb.names().level_id[l].clone(),
            threshold: rb.threshold_at(l, d),
            unrated: 1.0 - s.coverage,
        });
    }
    for l in lo + 1..=hi {
        let factors: Vec<Text> = rb
            .gates_of(l, d)
            .filter(|g| {
                rb.gate_binds(g.gate, &m.context) && m.rating_at(g.factor) == Rating::Unknown
            })
            .map(|g| rb.names().factor_id[g.factor].clone())
            .collect();
        if !factors.is_empty() {
            out.push(ProvisionalCause::UnratedGates {
                level: rb.names().level_id[l].clone(),
                factors,
            });
            break;
        }
    }
    out
}

/// The level above the one reached on dimension `d`, with every threshold
/// and gate that fails there; `None` at the top.
fn next_level(rb: &Rulebook, m: &Mission, d: usize, s: DimensionScore) -> Option<NextLevel> {
    let levels = rb.levels();
    (s.level + 1 < levels.len()).then(|| {
        let l = s.level + 1;
        NextLevel {
            level: rb.names().level_id[l].clone(),
            blockers: reach::blockers(rb, &m.context, m.ratings(), d, l, s.score),
        }
    })
}

/// The overall result: dimension-weighted means of the scores, the share
/// of all applicable weight that is rated, the overall verdict and what to
/// rate first.
fn overall(e: &Evaluation<'_>, dimensions: &[DimensionResult], gaps: &[EvidenceGap]) -> Overall {
    let rb = e.rulebook();
    let (o_score, o_low, o_high) = e.overall;
    let (rated_all, total_all, coverage) = (e.rated, e.total, e.coverage);
    let (verdict, undetermined) = e.verdict.clone();
    // What to rate first overall: the most at stake first, until the
    // overall coverage is met, then what each dimension still needs.
    let mut rate_first: Vec<Text> = Vec::new();
    if total_all > 0.0 && !(rated_all > 0.0 && covered(rb, coverage)) {
        let mut rated = rated_all;
        for g in gaps {
            if rated > 0.0 && covered(rb, rated / total_all) {
                break;
            }
            if let Some(f) = rb.factor_index(&g.factor) {
                rated += rb
                    .weights_at(f)
                    .iter()
                    .zip(&e.tallies[..])
                    .filter(|(_, t)| t.applies())
                    .map(|(w, _)| w)
                    .sum::<f64>();
            }
            rate_first.push(g.factor.clone());
        }
    }
    let mut named: std::collections::BTreeSet<Text> = rate_first.iter().cloned().collect();
    for d in dimensions.iter().filter(|d| d.applicable) {
        for f in &d.rate_first {
            if named.insert(f.clone()) {
                rate_first.push(f.clone());
            }
        }
    }
    Overall {
        score: o_score,
        score_range: [o_low, o_high],
        coverage,
        provisional: e.provisional,
        verdict,
        undetermined,
        rate_first,
    }
}

/// Each factor's weights, earned and lost points per dimension.
fn factor_results(rb: &Rulebook, m: &Mission, tallies: &[Tally]) -> Vec<FactorResult> {
    let factors = rb.factors();
    let mut factor_results = Vec::with_capacity(factors.len());
    for (f, factor) in factors.iter().enumerate() {
        let r = m.rating_at(f);
        let mut weights = Values::new();
        let mut earned = Values::new();
        let mut lost = Values::new();
        for (d, t) in tallies.iter().enumerate() {
            let w = rb.weight_at(f, d);
            weights.push(w);
            let total = t.rated + t.unknown;
            // An unrated factor counts at the middle of the scale, so the
            // contributions add up to the point score.
            let e = match r.strength() {
                Some(s) => Some(earned_share(factor.polarity, s)),
                None if r == Rating::Unknown => Some(0.5),
                None => None,
            };
            match e {
                Some(e) if total > 0.0 => {
                    earned.push(100.0 * w * e / total);
                    lost.push(100.0 * w * (1.0 - e) / total);
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
            rating: m.has_evidence.get(f).copied().unwrap_or(false).then(|| {
                m.data()
                    .evidence
                    .get(rb.names().factor_id[f].as_str())
                    .map_or(r, |e| e.rating)
            }),
            applies: !rb.ruled_out(f, &m.context),
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
        let w: f64 = rb.weights_at(f).iter().sum();
        let r = m.rating_at(f);
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
            // The middle of the theme's range, as every score.
            score: (rated > 0.0)
                .then(|| (100.0 * (e + 0.5 * unknown) / (rated + unknown)).clamp(0.0, 100.0)),
            coverage: if rated + unknown > 0.0 {
                rated / (rated + unknown)
            } else {
                0.0
            },
            applicable: rated + unknown > 0.0,
        })
        .collect()
}

/// Each entity's own targets (asymmetric by role) and where it stands:
/// above a cap (over-integrated) in every completion of
/// the missing context, or below a floor a rule of its role asks for.
fn entity_results(rb: &Rulebook, m: &Mission) -> Vec<EntityResult> {
    let names = rb.names();
    // Entities of one role share their targets and what their role is
    // asked for: worked out once per role.
    let mut by_roles: std::collections::BTreeMap<Vec<usize>, RoleView> =
        std::collections::BTreeMap::new();
    let view = |roles: &[usize]| {
        let t = targets(rb, &m.context, Some(roles));
        let asked = asked_of(rb, &m.context, roles, &t);
        (t, asked)
    };
    m.entities
        .iter()
        .zip(&m.data().entities)
        .map(|(e, src)| {
            let (t, asked) = by_roles
                .entry(e.roles.clone())
                .or_insert_with(|| view(&e.roles))
                .clone();
            let mut over = Vec::new();
            let mut under = Vec::new();
            let mut gap = Values::new();
            let mut current = Values::new();
            for (d, td) in t.iter().enumerate() {
                let cur = e.current.get(d).copied().flatten();
                current.push(cur.map(|l| names.level_id[l].clone()));
                match cur {
                    // Over-integrated: above a cap that binds whatever the
                    // missing context says, as the mission's own
                    // `above-target`. Above a floor or a default is not:
                    // a partner doing more than asked is not over-investing.
                    Some(c) if c > td.level_index => {
                        if td.outcomes.iter().all(|o| o.1.is_some_and(|cap| c > cap)) {
                            over.push(names.dimension_id[d].clone());
                        }
                        gap.push(0);
                    }
                    // Short of the lowest target the missing context allows.
                    Some(c) => gap.push(td.range_index[0].saturating_sub(c)),
                    None => gap.push(0),
                }
                if let (Some(c), Some(Some((floor, ri)))) = (cur, asked.get(d)) {
                    if c < *floor {
                        under.push(UnderIntegration {
                            dimension: names.dimension_id[d].clone(),
                            current: names.level_id[c].clone(),
                            floor: names.level_id[*floor].clone(),
                            rule: names.rule_id[*ri].clone(),
                            because: names.rule_because[*ri].clone(),
                            citation: names.rule_citation[*ri].clone(),
                        });
                    }
                }
            }
            EntityResult {
                name: src.name.clone(),
                roles: e.roles.iter().map(|&r| names.role_id[r].clone()).collect(),
                target: PerDimension::new(
                    rb,
                    t.iter().map(|x| x.level.clone()).collect::<Values<_>>(),
                ),
                target_detail: PerDimension::new(rb, t),
                current: PerDimension::new(rb, current),
                over_integrated: over,
                under_integrated: under,
                gap: PerDimension::new(rb, gap),
                note: src.note.clone(),
            }
        })
        .collect()
}

/// A role's targets and, per dimension, the floor its rules ask for with
/// the rule (see [`asked_of`]).
type RoleView = (Vec<Target>, Vec<Option<(usize, usize)>>);

/// What the rules of `role` ask of it on each dimension: the highest floor
/// of a rule limited to the role that the context decides, among those no
/// cap overrides (at most the lowest target the missing context allows),
/// with the rule.
fn asked_of(
    rb: &Rulebook,
    context: &[Option<usize>],
    roles: &[usize],
    targets: &[Target],
) -> Vec<Option<(usize, usize)>> {
    let mut asked: Vec<Option<(usize, usize)>> = vec![None; targets.len()];
    for (ri, rule) in rb.compiled_rules().iter().enumerate() {
        let Bound::AtLeast(floor) = rule.bound else {
            continue;
        };
        if !roles.iter().any(|r| rule.roles.contains(r))
            || crate::rulebook::matches(&rule.when, context) != crate::rulebook::Matches::Yes
        {
            continue;
        }
        for &d in &rule.dimensions {
            let (Some(slot), Some(t)) = (asked.get_mut(d), targets.get(d)) else {
                continue;
            };
            if floor <= t.range_index[0] && slot.is_none_or(|(l, _)| floor > l) {
                *slot = Some((floor, ri));
            }
        }
    }
    asked
}
