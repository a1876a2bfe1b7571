//! Placement on the spectrum: thresholds and gates, staged.

use crate::model::Rating;
use crate::rulebook::{Bound, Rulebook};

/// Scores within this distance below a threshold count as meeting it, so
/// that rounding in the last bit never decides a level.
pub const THRESHOLD_TOLERANCE: f64 = 1e-9;

/// Whether a gate holds for a rating; unknown holds only when optimistic.
pub(crate) fn gate_holds(bound: Bound<Rating>, actual: Rating, optimistic: bool) -> bool {
    match actual {
        Rating::Unknown => optimistic,
        Rating::NotApplicable => true,
        _ => match bound {
            Bound::AtLeast(r) => actual.step() >= r.step(),
            Bound::AtMost(r) => actual.step() <= r.step(),
        },
    }
}

/// The level reached on dimension `d` by `score`, with gates read from
/// `ratings` (and `over`, a rating that replaces one factor's); a gate binds
/// unless `context` rules it out.
pub(crate) fn place(
    rb: &Rulebook,
    context: &[Option<usize>],
    ratings: &[Rating],
    over: Option<(usize, Rating)>,
    d: usize,
    score: f64,
    optimistic: bool,
) -> usize {
    let nl = rb.levels().len();
    for l in 1..nl {
        if !level_open(rb, context, ratings, over, d, l, score, optimistic) {
            return l - 1;
        }
    }
    nl.saturating_sub(1)
}

#[allow(clippy::too_many_arguments)]
fn level_open(
    rb: &Rulebook,
    context: &[Option<usize>],
    ratings: &[Rating],
    over: Option<(usize, Rating)>,
    d: usize,
    l: usize,
    score: f64,
    optimistic: bool,
) -> bool {
    if score + THRESHOLD_TOLERANCE < rb.threshold_at(l, d) {
        return false;
    }
    rb.gates_of(l, d).all(|gate| {
        if !rb.gate_binds(gate.gate, context) {
            return true;
        }
        let actual = match over {
            Some((f, r)) if f == gate.factor => r,
            _ => ratings.get(gate.factor).copied().unwrap_or(Rating::Unknown),
        };
        gate_holds(gate.bound, actual, optimistic)
    })
}
