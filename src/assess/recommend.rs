//! Recommendations: every one-step change, ranked.

use super::place::place;
use super::results::{DimensionResult, DimensionScore, Recommendation};
use super::score::{Tally, earned_share, weighted_mean};
use super::{PerDimension, Values};
use crate::mission::Mission;
use crate::model::Polarity;
use crate::rulebook::Rulebook;

/// The one-step changes, ranked: first those that lift a below-target
/// dimension to its next level, then by overall score gained per unit of
/// effort, then by rulebook order.
pub(super) fn recommend(
    rb: &Rulebook,
    m: &Mission,
    scores: &[DimensionScore],
    tallies: &[Tally],
    dims_out: &[DimensionResult],
) -> Vec<Recommendation> {
    let dims = rb.dimensions();
    let nd = dims.len();
    // The gain is weighted over every dimension, as it always was; the
    // overall score leaves out the dimensions where nothing applies
    // (`overall_weights`), so the two differ when such a dimension exists.
    // Aligning them changes recommendations and is left to that decision.
    let weights: Vec<f64> = dims.iter().map(|d| d.weight).collect();
    let ratings = m.ratings();
    let mut out = Vec::new();
    for (f, factor) in rb.factors().iter().enumerate() {
        let from = m.rating(f);
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
        for d in 0..nd {
            let t = tallies[d];
            let w = rb.weight(f, d);
            let new_score = if t.rated > 0.0 {
                (100.0 * (t.earned + w * de) / t.rated).clamp(0.0, 100.0)
            } else {
                0.0
            };
            gains.push(new_score - scores[d].score);
            let level = scores[d].level;
            if level < dims_out[d].target_detail.level_index {
                let new_level = place(rb, ratings, Some((f, to)), d, new_score, false);
                if new_level > level {
                    lifts.push(rb.names().dimension_id[d].clone());
                }
            }
        }
        let gain = weighted_mean(&weights, gains.iter().copied());
        if gain <= 0.0 && lifts.is_empty() {
            continue;
        }
        let effort = m.effort(f).unwrap_or(factor.effort);
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
        .map(|(i, r)| (r.lifts.is_empty(), r.gain / r.cost, i))
        .collect();
    keys.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut slots: Vec<Option<Recommendation>> = out.into_iter().map(Some).collect();
    keys.iter().filter_map(|k| slots[k.2].take()).collect()
}
