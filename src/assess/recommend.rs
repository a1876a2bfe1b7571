//! Recommendations: every one-step change, ranked.

use super::place::place;
use super::results::{DimensionResult, DimensionScore, Recommendation};
use super::score::{Tally, earned_share, overall_weights, weighted_mean};
use super::{PerDimension, Values};
use crate::mission::Mission;
use crate::model::Polarity;
use crate::rulebook::Rulebook;

/// The one-step changes, ranked: first those that lift a below-target
/// dimension to its next level, then by overall score gained per unit of
/// effort, then by rulebook order. A change's `gain` is exactly the change
/// of the overall score when it alone is applied; `lifts` names every
/// dimension whose level it raises.
pub(super) fn recommend(
    rb: &Rulebook,
    m: &Mission,
    scores: &[DimensionScore],
    tallies: &[Tally],
    dims_out: &[DimensionResult],
) -> Vec<Recommendation> {
    let dims = rb.dimensions();
    let nd = dims.len();
    // The gain is the change of the overall score: the same weights, which
    // leave out the dimensions where nothing applies. A change of rating
    // keeps the rated set, so the weights do not move.
    let weights = overall_weights(rb, tallies);
    let ratings = m.ratings();
    let mut out = Vec::new();
    // Whether each recommendation lifts a dimension that is below its target.
    let mut needed = Vec::new();
    for (f, factor) in rb.factors().iter().enumerate() {
        let from = m.rating_at(f);
        let to = match factor.polarity {
            Polarity::Enabler => from.up(),
            Polarity::Barrier => from.down(),
        };
        let Some(to) = to else { continue };
        let (Some(s0), Some(s1)) = (from.strength(), to.strength()) else {
            continue;
        };
        let de = earned_share(factor.polarity, s1) - earned_share(factor.polarity, s0);
        let mut gains = Values::new();
        let mut lifts = Vec::new();
        let mut lifts_short = false;
        for d in 0..nd {
            let t = tallies[d];
            let w = rb.weight_at(f, d);
            // A rated factor adds its weight to `rated`, so with nothing
            // rated on `d` the factor has no weight there and the score stays.
            let new_score = if t.rated > 0.0 {
                Tally {
                    earned: t.earned + w * de,
                    ..t
                }
                .scores()
                .0
            } else {
                scores[d].score
            };
            gains.push(new_score - scores[d].score);
            let level = scores[d].level;
            if place(rb, &m.context, ratings, Some((f, to)), d, new_score, false) > level {
                lifts.push(rb.names().dimension_id[d].clone());
                lifts_short |= level < dims_out[d].target_detail.level_index;
            }
        }
        let gain = weighted_mean(&weights, gains.iter().copied());
        if gain <= 0.0 && lifts.is_empty() {
            continue;
        }
        let effort = m.effort(f).unwrap_or(factor.effort);
        needed.push(lifts_short);
        out.push(Recommendation {
            factor: rb.names().factor_id[f].clone(),
            title: rb.names().factor_title[f].clone(),
            from,
            to,
            gain,
            gains: PerDimension::new(rb, gains),
            lifts,
            effort,
            cost: rb.data().effort_cost.of(effort),
            remedy: rb.names().remedy[f].clone(),
            citation: rb.names().citation[f].clone(),
        });
    }
    // Sort small keys, not the large records: (no lift, -gain per cost, index).
    let mut keys: Vec<(bool, f64, usize)> = out
        .iter()
        .enumerate()
        .map(|(i, r)| (!needed[i], r.gain / r.cost, i))
        .collect();
    keys.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut slots: Vec<Option<Recommendation>> = out.into_iter().map(Some).collect();
    keys.iter().filter_map(|k| slots[k.2].take()).collect()
}
