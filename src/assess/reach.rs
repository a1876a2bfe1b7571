//! What stands between a level and a higher one: the thresholds and gates
//! that fail, for the next level and for a target out of reach. The
//! assessment and the plan read both from here, so they say the same.

use super::place::{THRESHOLD_TOLERANCE, gate_holds};
use super::results::{Blocker, DimensionScore, OutOfReach, Target};
use super::score::Tally;
use crate::model::{Polarity, Rating};
use crate::rulebook::{Bound, Rulebook};

/// Every rated factor at its best (enablers `full`, barriers `none`);
/// unknown and not-applicable stay.
pub(crate) fn maxed(rb: &Rulebook, ratings: &[Rating]) -> Vec<Rating> {
    rb.factors()
        .iter()
        .zip(ratings)
        .map(|(f, &r)| match (r.step(), f.polarity) {
            (None, _) => r,
            (Some(_), Polarity::Enabler) => Rating::Full,
            (Some(_), Polarity::Barrier) => Rating::None,
        })
        .collect()
}

/// The gate of level `l` on a factor, as a blocker.
fn blocker(
    rb: &Rulebook,
    l: usize,
    gate: &crate::rulebook::CompiledGate,
    actual: Rating,
) -> Blocker {
    let (bound, rating) = match gate.bound {
        Bound::AtLeast(r) => ("at-least", r),
        Bound::AtMost(r) => ("at-most", r),
    };
    let names = rb.names();
    Blocker::Gate {
        level: names.level_id[l].clone(),
        factor: names.factor_id[gate.factor].clone(),
        bound,
        rating,
        actual,
        because: names.gate_because[gate.gate].clone(),
        citation: names.gate_citation[gate.gate].clone(),
        waivable: rb.data().gates.get(gate.gate).is_none_or(|g| g.waivable),
    }
}

/// The threshold (when `score` misses it) and every binding gate that does
/// not hold under `ratings`, of level `l` on dimension `d`.
pub(crate) fn blockers(
    rb: &Rulebook,
    context: &[Option<usize>],
    ratings: &[Rating],
    d: usize,
    l: usize,
    score: f64,
) -> Vec<Blocker> {
    let mut out = Vec::new();
    let needed = rb.threshold_at(l, d);
    if score + THRESHOLD_TOLERANCE < needed {
        out.push(Blocker::Threshold {
            level: rb.names().level_id[l].clone(),
            needed,
            score,
        });
    }
    for gate in rb.gates_of(l, d) {
        let actual = ratings.get(gate.factor).copied().unwrap_or(Rating::Unknown);
        if rb.gate_binds(gate.gate, context) && !gate_holds(gate.bound, actual, false) {
            out.push(blocker(rb, l, gate, actual));
        }
    }
    out
}

/// For each dimension whose target no change of the rated factors reaches
/// (`best`: the scores with every rated factor at its best, [`maxed`]):
/// the best level within reach and every reason, from the level above it
/// to the target (each threshold the best score misses, each gate below its
/// need under the current ratings, rated or not).
pub(crate) fn out_of_reach(
    rb: &Rulebook,
    context: &[Option<usize>],
    ratings: &[Rating],
    targets: &[Target],
    tallies: &[Tally],
    best: &[DimensionScore],
) -> Vec<Option<OutOfReach>> {
    let names = rb.names();
    targets
        .iter()
        .zip(best)
        .enumerate()
        .map(|(d, (t, b))| {
            let tally = tallies.get(d).copied().unwrap_or_default();
            // Where nothing applies there is nothing to reach.
            if !tally.applies() {
                return None;
            }
            // The optimistic level: the unrated factors at their best, their
            // gates holding.
            let unrated_may_help = b.level_range[1] >= t.level_index;
            let total = tally.rated + tally.unknown;
            let covered = tally.rated > 0.0 && tally.rated / total + 1e-9 >= rb.min_coverage();
            (b.level < t.level_index).then(|| OutOfReach {
                target: t.level.clone(),
                best: names.level_id[b.level].clone(),
                reasons: (b.level + 1..=t.level_index)
                    .flat_map(|l| blockers(rb, context, ratings, d, l, b.score))
                    .collect(),
                unrated_may_help,
                too_early: unrated_may_help && !covered,
            })
        })
        .collect()
}
