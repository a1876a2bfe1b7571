//! The arithmetic: weighted sums, scores and their ranges, the overall
//! weighted mean, and the cheap score-only paths.

use super::Values;
use super::place::place;
use super::results::DimensionScore;
use super::values::INLINE;
use crate::error::Error;
use crate::mission::Mission;
use crate::model::{Polarity, Rating};
use crate::rulebook::Rulebook;

/// Weighted sums of one dimension.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tally {
    /// Weight earned by the rated factors.
    pub(crate) earned: f64,
    /// Weight of the rated factors.
    pub(crate) rated: f64,
    /// Weight of the factors without evidence.
    pub(crate) unknown: f64,
}

impl Tally {
    /// Whether any factor applies on the dimension (rated or unknown): the
    /// one definition of an applicable dimension. A dimension where nothing
    /// applies stays out of the overall score and verdict.
    pub(crate) fn applies(self) -> bool {
        self.rated + self.unknown > 0.0
    }

    /// Whether some applicable factor is rated (coverage above 0).
    pub(crate) fn any_rated(self) -> bool {
        self.rated > 0.0
    }

    /// (point, low, high, coverage).
    pub(crate) fn scores(self) -> (f64, f64, f64, f64) {
        let total = self.rated + self.unknown;
        if total <= 0.0 {
            return (0.0, 0.0, 0.0, 0.0);
        }
        let low = (100.0 * self.earned / total).clamp(0.0, 100.0);
        let high = (100.0 * (self.earned + self.unknown) / total).clamp(low, 100.0);
        // Each unrated factor at the middle of the scale: the middle of the
        // range, so that news moves the score in its own direction.
        let point = (100.0 * (self.earned + 0.5 * self.unknown) / total).clamp(low, high);
        (point, low, high, self.rated / total)
    }
}

/// The share of a factor's weight it earns at strength `s`.
pub(crate) fn earned_share(p: Polarity, s: f64) -> f64 {
    match p {
        Polarity::Enabler => s,
        Polarity::Barrier => 1.0 - s,
    }
}

/// Scores and levels of every dimension, without explanations.
///
/// This is the cheap path for sweeps and dashboards; [`assess`](super::assess()) gives the
/// same numbers with everything that explains them. The rulebook is the
/// one the mission carries.
///
/// ```
/// use integration_readiness::{assess, score_only, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml(
///     "[mission]\nname = \"M\"\n[evidence.common-planning-framework]\nrating = \"high\"\n",
///     "m.toml", &rb)?;
/// let quick = score_only(&m);
/// let full = assess(&m);
/// assert_eq!(quick[1].score, full.dimensions[1].score);
/// assert_eq!(quick[1].level, full.dimensions[1].level_index[0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn score_only(mission: &Mission) -> Vec<DimensionScore> {
    let rulebook = mission.rulebook();
    let mut out = Vec::with_capacity(rulebook.dimensions().len());
    score_ratings(rulebook, &mission.context, mission.ratings(), &mut out);
    out
}

/// Scores `ratings` (one per factor of the rulebook `base` carries, in its
/// order) into `out`, reusing its allocation, in the context of `base`: its
/// context decides which gates bind and which factors apply (a factor its
/// context rules out counts as not applicable, whatever `ratings` says).
///
/// ```
/// use integration_readiness::{score_into, score_only, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml("[mission]\nname = \"M\"\n", "m.toml", &rb)?;
/// let mut out = Vec::new();
/// score_into(&m, m.ratings(), &mut out)?;
/// assert_eq!(out, score_only(&m));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::RatingCount`] when `ratings` does not hold exactly one rating
/// per factor; `out` is then left empty.
pub fn score_into(
    base: &Mission,
    ratings: &[Rating],
    out: &mut Vec<DimensionScore>,
) -> Result<(), Error> {
    out.clear();
    let rulebook = base.rulebook();
    if ratings.len() != rulebook.factors().len() {
        return Err(rating_count(rulebook, ratings.len()));
    }
    let mask = ruled_out(rulebook, &base.context);
    if !mask.is_empty() {
        let mut own = ratings.to_vec();
        apply_mask(&mask, &mut own);
        score_append(rulebook, &base.context, &own, out);
    } else {
        score_append(rulebook, &base.context, ratings, out);
    }
    Ok(())
}

/// The error for `found` ratings where `rulebook` wants one per factor.
fn rating_count(rulebook: &Rulebook, found: usize) -> Error {
    Error::RatingCount {
        rulebook: rulebook.label(),
        expected: rulebook.factors().len(),
        found,
    }
}

/// Scores ratings that already account for the context (`mission.ratings`
/// or a change of them) into `out`.
pub(crate) fn score_ratings(
    rulebook: &Rulebook,
    context: &[Option<usize>],
    ratings: &[Rating],
    out: &mut Vec<DimensionScore>,
) {
    out.clear();
    score_append(rulebook, context, ratings, out);
}

/// The factors `context` rules out (only those with an `applies-when`
/// condition are looked at: nothing is allocated when none is ruled out).
fn ruled_out(rb: &Rulebook, context: &[Option<usize>]) -> Vec<usize> {
    rb.conditional_factors()
        .iter()
        .copied()
        .filter(|&f| rb.ruled_out(f, context))
        .collect()
}

/// Sets the `out` factors of `ratings` to not applicable.
fn apply_mask(out: &[usize], ratings: &mut [Rating]) {
    for &f in out {
        if let Some(r) = ratings.get_mut(f) {
            *r = Rating::NotApplicable;
        }
    }
}

/// Scores many missions into one flat vector: `out` gets one
/// [`DimensionScore`] per dimension per mission, mission after mission
/// (`out[m * dims + d]`). Nothing is allocated per mission; `out` is
/// reused across calls.
///
/// ```
/// use integration_readiness::{score_batch, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml("[mission]\nname = \"M\"\n", "m.toml", &rb)?;
/// let portfolio = vec![m.clone(), m];
/// let mut out = Vec::new();
/// score_batch(&portfolio, &mut out)?;
/// assert_eq!(out.len(), 2 * rb.dimensions().len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::RulebookMismatch`] naming the first mission that carries
/// another rulebook than the first mission does (the flat layout needs one
/// rulebook); `out` is then left empty.
pub fn score_batch<'a>(
    missions: impl IntoIterator<Item = &'a Mission>,
    out: &mut Vec<DimensionScore>,
) -> Result<(), Error> {
    out.clear();
    let mut first: Option<&Rulebook> = None;
    for m in missions {
        let rulebook = *first.get_or_insert(m.rulebook());
        if m.rulebook() != rulebook {
            out.clear();
            return Err(mismatch(rulebook, m));
        }
        score_append(rulebook, &m.context, m.ratings(), out);
    }
    Ok(())
}

/// The error for a mission that carries another rulebook than `expected`.
pub(crate) fn mismatch(expected: &Rulebook, m: &Mission) -> Error {
    Error::RulebookMismatch {
        mission: m.name().to_owned(),
        expected: expected.label(),
        found: m.rulebook().label(),
    }
}

/// Scores many rating vectors, each one rating per factor, laid end to end
/// in `ratings` (a sensitivity sweep), in the context of `base` (as
/// [`score_into`]): `out[k * dims + d]` is vector `k` on dimension `d`.
///
/// ```
/// use integration_readiness::{score_sweep, Mission, Rating, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let base = Mission::from_toml("[mission]\nname = \"M\"\n", "m.toml", &rb)?;
/// let n = rb.factors().len();
/// // Every factor at each rated word in turn: five missions.
/// let sweep: Vec<Rating> = Rating::SCALE.iter().flat_map(|&r| std::iter::repeat(r).take(n)).collect();
/// let mut out = Vec::new();
/// score_sweep(&base, &sweep, &mut out)?;
/// assert_eq!(out.len(), 5 * rb.dimensions().len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::RatingCount`] when `ratings` is not a whole number of vectors
/// of one rating per factor; nothing is scored then.
pub fn score_sweep(
    base: &Mission,
    ratings: &[Rating],
    out: &mut Vec<DimensionScore>,
) -> Result<(), Error> {
    out.clear();
    let rulebook = base.rulebook();
    let nf = rulebook.factors().len();
    if nf == 0 || ratings.len() % nf != 0 {
        return Err(rating_count(rulebook, ratings.len()));
    }
    let mask = ruled_out(rulebook, &base.context);
    let masked = !mask.is_empty();
    let mut own = Vec::new();
    for chunk in ratings.chunks_exact(nf) {
        if masked {
            own.clear();
            own.extend_from_slice(chunk);
            apply_mask(&mask, &mut own);
            score_append(rulebook, &base.context, &own, out);
        } else {
            score_append(rulebook, &base.context, chunk, out);
        }
    }
    Ok(())
}

/// The weighted sums of every dimension, in one pass over the factors.
pub(crate) fn tallies(rulebook: &Rulebook, ratings: &[Rating]) -> Values<Tally> {
    let nd = rulebook.dimensions().len();
    let mut tallies: Values<Tally> = (0..nd).map(|_| Tally::default()).collect();
    let mut acc = vec![Tally::default(); if nd > INLINE { nd } else { 0 }];
    let t: &mut [Tally] = if nd > INLINE {
        &mut acc
    } else {
        &mut tallies.inline[..nd]
    };
    for (f, factor) in rulebook.factors().iter().enumerate() {
        let r = ratings.get(f).copied().unwrap_or(Rating::Unknown);
        let row = rulebook.weights_at(f);
        match r.strength() {
            Some(s) => {
                let e = earned_share(factor.polarity, s);
                for (t, &w) in t.iter_mut().zip(row) {
                    t.rated += w;
                    t.earned += w * e;
                }
            }
            None if r == Rating::Unknown => {
                for (t, &w) in t.iter_mut().zip(row) {
                    t.unknown += w;
                }
            }
            None => {}
        }
    }
    if nd > INLINE {
        tallies = acc.into_iter().collect();
    }
    tallies
}

fn score_append(
    rulebook: &Rulebook,
    context: &[Option<usize>],
    ratings: &[Rating],
    out: &mut Vec<DimensionScore>,
) {
    place_all(rulebook, context, ratings, &tallies(rulebook, ratings), out);
}

/// Scores and levels of every dimension from its weighted sums.
pub(super) fn place_all(
    rulebook: &Rulebook,
    context: &[Option<usize>],
    ratings: &[Rating],
    tallies: &[Tally],
    out: &mut Vec<DimensionScore>,
) {
    for (d, t) in tallies.iter().enumerate() {
        let (score, low, high, coverage) = t.scores();
        let level = place(rulebook, context, ratings, None, d, score, false);
        let lo = place(rulebook, context, ratings, None, d, low, false);
        let hi = place(rulebook, context, ratings, None, d, high, true);
        out.push(DimensionScore {
            score,
            range: [low, high],
            coverage,
            level,
            level_range: [lo, hi],
        });
    }
}

/// Whether each dimension's result is provisional ([`is_provisional`](super::is_provisional)),
/// from the scores of `ratings` on every dimension: what the assessment
/// reports, without the assessment.
pub(crate) fn provisional(
    rulebook: &Rulebook,
    ratings: &[Rating],
    scores: &[DimensionScore],
) -> Values<bool> {
    tallies(rulebook, ratings)
        .iter()
        .zip(scores)
        .map(|(t, s)| super::is_provisional(t.applies(), s.level_range))
        .collect()
}

/// The weight of each dimension in the overall: its rulebook weight where
/// some factor applies, 0 where none does.
pub(crate) fn overall_weights(rb: &Rulebook, tallies: &[Tally]) -> Values<f64> {
    rb.dimensions()
        .iter()
        .zip(tallies)
        .map(|(dim, t)| if t.applies() { dim.weight } else { 0.0 })
        .collect()
}

/// The mean of per-dimension values under `weights`; 0 when no weight.
/// The one formula of every overall figure: score, range, gains, stakes.
pub(crate) fn weighted_mean(weights: &[f64], values: impl Iterator<Item = f64>) -> f64 {
    let wsum: f64 = weights.iter().sum();
    if wsum <= 0.0 {
        return 0.0;
    }
    weights.iter().zip(values).map(|(w, v)| w * v).sum::<f64>() / wsum
}

/// The overall point score and range, (point, low, high), from the
/// per-dimension scores under `weights`: the one formula of the overall
/// figures, used by the assessment, the recommendations and the plan.
pub(crate) fn overall_scores(weights: &[f64], scores: &[DimensionScore]) -> (f64, f64, f64) {
    let low = weighted_mean(weights, scores.iter().map(|s| s.range[0]));
    let high = weighted_mean(weights, scores.iter().map(|s| s.range[1])).max(low);
    let point = weighted_mean(weights, scores.iter().map(|s| s.score)).clamp(low, high);
    (point, low, high)
}

/// The overall point score and the per-dimension scores of a set of ratings.
pub(crate) fn overall_of(
    rulebook: &Rulebook,
    context: &[Option<usize>],
    ratings: &[Rating],
) -> (f64, Vec<DimensionScore>) {
    let t = tallies(rulebook, ratings);
    let mut scores = Vec::with_capacity(t.len());
    place_all(rulebook, context, ratings, &t, &mut scores);
    let (point, _, _) = overall_scores(&overall_weights(rulebook, &t), &scores);
    (point, scores)
}
