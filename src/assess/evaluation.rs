//! The evaluation of a mission: every number the assessment and the plan
//! both read (sums, scores, placement, targets, what is out of reach, the
//! verdicts, the overall figures, the evidence gaps and the missing
//! context), computed once. The assessment is assembled from it
//! ([`assemble`](super::assemble)); the plan reads it directly.

use super::reach::{maxed, out_of_reach};
use super::results::{DimensionScore, OutOfReach, Target, Undetermined, Verdict};
use super::score::{
    Tally, overall_of, overall_scores, overall_weights, place_all, score_ratings, tallies,
    weighted_mean,
};
use super::targets::{Completions, missing_read, targets};
use super::{Values, is_provisional};
use crate::mission::Mission;
use crate::model::Rating;
use crate::rulebook::Rulebook;
use crate::text::Text;

/// A mission evaluated against the rulebook it carries, in indices (ids
/// only in the reasons of the verdicts and of what is out of reach): what
/// [`assess`](super::assess()) reports and what the plan starts from.
pub(crate) struct Evaluation<'m> {
    /// The mission (its fitted context and ratings, and its rulebook).
    pub(crate) mission: &'m Mission,
    /// The weighted sums of each dimension.
    pub(crate) tallies: Values<Tally>,
    /// The scores and levels of each dimension under the ratings.
    pub(crate) scores: Vec<DimensionScore>,
    /// The scores and levels with every rated factor at its best (unknown
    /// and not-applicable as they are): the most any plan reaches.
    pub(crate) best: Vec<DimensionScore>,
    /// The mission's target on each dimension, with its range.
    pub(crate) targets: Vec<Target>,
    /// Per dimension, why its target is out of reach, when it is.
    pub(crate) out_of_reach: Vec<Option<OutOfReach>>,
    /// Per dimension, the verdict and why there is none when there is none
    /// (every completion of the missing context considered).
    pub(crate) verdicts: Vec<(Verdict, Option<Undetermined>)>,
    /// The overall point score and range, (point, low, high).
    pub(crate) overall: (f64, f64, f64),
    /// The applicable weight that is rated, summed over the dimensions.
    pub(crate) rated: f64,
    /// All applicable weight (rated or unknown), summed over the dimensions.
    pub(crate) total: f64,
    /// The share of all applicable weight that is rated.
    pub(crate) coverage: f64,
    /// Whether some applicable dimension's level is provisional.
    pub(crate) provisional: bool,
    /// The overall verdict, and why there is none when there is none.
    pub(crate) verdict: (Verdict, Option<Undetermined>),
    /// The factors without evidence with the overall range at stake, the
    /// most first.
    pub(crate) gaps: Vec<(usize, f64)>,
    /// The context keys the mission leaves out that the rulebook reads.
    pub(crate) missing: Vec<usize>,
    /// The factors the mission declares `not-applicable` (where its context
    /// does not rule them out).
    pub(crate) declared: Vec<usize>,
}

impl<'m> Evaluation<'m> {
    /// Evaluates `mission` against the rulebook it carries.
    pub(crate) fn of(mission: &'m Mission) -> Evaluation<'m> {
        let rb = mission.rulebook();
        let ratings = mission.ratings();
        let ctx = &mission.context;
        let nd = rb.dimensions().len();

        // One pass for the sums, used for the scores and the explanations.
        let tallies = tallies(rb, ratings);
        let mut scores = Vec::with_capacity(nd);
        place_all(rb, ctx, ratings, &tallies, &mut scores);
        let mut best = Vec::with_capacity(nd);
        score_ratings(rb, ctx, &maxed(rb, ratings), &mut best);
        let targets = targets(rb, ctx, None);
        let out_of_reach = out_of_reach(rb, ctx, ratings, &targets, &tallies, &best);
        let (missing, levels) = missing_read(rb, ctx);
        let open = context_open(rb, mission, &missing, levels);
        let declared = declared_not_applicable(rb, mission, ctx);
        let mut verdicts: Vec<(Verdict, Option<Undetermined>)> = open
            .into_iter()
            .enumerate()
            .map(|(d, open)| {
                let own = verdict_of(rb, tallies[d], scores[d], &targets[d]);
                // Where the missing context could also move the level
                // (through a gate's condition or a factor's applicability),
                // the verdict is the one every completion of the context
                // gives, or none.
                let short = matches!(
                    own.1,
                    Some(Undetermined::NothingApplies | Undetermined::LowCoverage { .. })
                );
                match open {
                    Some(_) if short => own,
                    None => own,
                    // No completion gives a verdict: name the keys that move
                    // the target, or else every key left out (each can move
                    // what applies, and so the coverage).
                    Some(Ok(v)) => (
                        v,
                        (v == Verdict::Undetermined).then(|| Undetermined::MissingContext {
                            keys: if targets[d].open_keys.is_empty() {
                                missing
                                    .iter()
                                    .map(|&k| rb.names().context_key[k].clone())
                                    .collect()
                            } else {
                                targets[d].open_keys.clone()
                            },
                        }),
                    ),
                    Some(Err(keys)) => (
                        Verdict::Undetermined,
                        Some(Undetermined::MissingContext { keys }),
                    ),
                }
            })
            .collect();
        // A claim that a factor does not apply is not evidence about it,
        // whatever the note says: where the weight rated falls short of the
        // minimum once the declared factors count as unrated, there is no
        // verdict (unless there is already none for want of ratings), short
        // of a shortfall that holds with the declared factors taken as
        // unknown too.
        let judged = Judged {
            ratings,
            context: ctx,
            declared: &declared,
            tallies: &tallies,
            targets: &targets,
        };
        let mut widened = None;
        for (d, v) in verdicts.iter_mut().enumerate() {
            *v = judged.declared_rule(rb, d, v.clone(), &mut widened);
        }

        // Overall, weighted by dimension, over the dimensions where some
        // factor applies.
        let weights = overall_weights(rb, &tallies);
        let overall = overall_scores(&weights, &scores);
        let (rated, total) = tallies.iter().fold((0.0, 0.0), |(r, t), x| {
            (r + x.rated, t + x.rated + x.unknown)
        });
        let coverage = if total > 0.0 { rated / total } else { 0.0 };
        let provisional = tallies
            .iter()
            .zip(&scores)
            .any(|(t, s)| is_provisional(t.applies(), s.level_range));
        let verdict = overall_verdict(rb, &tallies, &verdicts, rated, coverage);
        let gaps = evidence_gaps(rb, mission, &weights, &tallies);
        Evaluation {
            mission,
            tallies,
            scores,
            best,
            targets,
            out_of_reach,
            verdicts,
            overall,
            rated,
            total,
            coverage,
            provisional,
            verdict,
            gaps,
            missing,
            declared,
        }
    }

    /// The rulebook the mission carries.
    pub(crate) fn rulebook(&self) -> &'m Rulebook {
        self.mission.rulebook()
    }

    /// The overall point score and the scores of each dimension under other
    /// ratings (which account for the context, as the mission's do), in
    /// the mission's context.
    pub(crate) fn rescore(&self, ratings: &[Rating]) -> (f64, Vec<DimensionScore>) {
        overall_of(self.rulebook(), &self.mission.context, ratings)
    }
}

/// The factors `m` declares `not-applicable` where the context `ctx` (its
/// own, or a completion of it) does not rule them out.
fn declared_not_applicable(rb: &Rulebook, m: &Mission, ctx: &[Option<usize>]) -> Vec<usize> {
    (0..rb.factors().len())
        .filter(|&f| m.rating_at(f) == Rating::NotApplicable && !rb.ruled_out(f, ctx))
        .collect()
}

/// Why dimension `d` has no verdict when the `declared` factors count as
/// unrated, if it then has too little rated for one.
fn declared_short(
    rb: &Rulebook,
    declared: &[usize],
    d: usize,
    tally: Tally,
) -> Option<Undetermined> {
    // Every assessment asks this of every dimension: the list is built
    // only when the answer is yes.
    let claimed: f64 = declared.iter().map(|&f| rb.weight_at(f, d)).sum();
    if claimed <= 0.0 {
        return None;
    }
    let coverage = tally.rated / (tally.rated + tally.unknown + claimed);
    if tally.any_rated() && covered(rb, coverage) {
        return None;
    }
    let mut factors: Vec<(usize, f64)> = declared
        .iter()
        .map(|&f| (f, rb.weight_at(f, d)))
        .filter(|&(_, w)| w > 0.0)
        .collect();
    factors.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    Some(Undetermined::DeclaredNotApplicable {
        coverage,
        needed: rb.min_coverage(),
        factors: factors
            .into_iter()
            .map(|(f, _)| rb.names().factor_id[f].clone())
            .collect(),
    })
}

/// Whether `coverage` meets the rulebook's minimum (within rounding).
pub(super) fn covered(rb: &Rulebook, coverage: f64) -> bool {
    coverage + 1e-9 >= rb.min_coverage()
}

/// The verdict of a dimension from its sums, its scores and its target,
/// and why there is none when there is none.
fn verdict_of(
    rb: &Rulebook,
    tally: Tally,
    s: DimensionScore,
    target: &Target,
) -> (Verdict, Option<Undetermined>) {
    if !tally.applies() {
        (Verdict::Undetermined, Some(Undetermined::NothingApplies))
    } else if !tally.any_rated() || !covered(rb, s.coverage) {
        // Too little rated for a verdict, unless the ratings given already
        // settle it: every level the missing evidence leaves open falls
        // short of the target alike (a political process rated absent
        // holds a mission below integration whatever the rest turns out to
        // be). Never `ready` on too little.
        match certain_shortfall(tally, s, target) {
            Some(v) => (v, None),
            None => (
                Verdict::Undetermined,
                Some(Undetermined::LowCoverage {
                    coverage: s.coverage,
                    needed: rb.min_coverage(),
                }),
            ),
        }
    } else {
        match target.verdict_at(s.level) {
            Some(v) => (v, None),
            None => (
                Verdict::Undetermined,
                Some(Undetermined::MissingContext {
                    keys: target.open_keys.clone(),
                }),
            ),
        }
    }
}

/// A mission under one context, as the rule on declared not-applicable
/// reads it.
struct Judged<'a> {
    ratings: &'a [Rating],
    context: &'a [Option<usize>],
    declared: &'a [usize],
    tallies: &'a [Tally],
    targets: &'a [Target],
}

impl Judged<'_> {
    /// The verdict `v` of dimension `d` after the rule on declared
    /// not-applicable: where the weight rated falls short of the minimum
    /// once the declared factors count as unrated, there is no verdict
    /// (unless there is already none for want of ratings), short of a
    /// shortfall that holds with the declared factors taken as unknown too.
    /// `widened` caches the scores with them unknown.
    fn declared_rule(
        &self,
        rb: &Rulebook,
        d: usize,
        v: (Verdict, Option<Undetermined>),
        widened: &mut Option<(Values<Tally>, Vec<DimensionScore>)>,
    ) -> (Verdict, Option<Undetermined>) {
        if matches!(v.1, Some(Undetermined::LowCoverage { .. })) {
            return v;
        }
        let Some(why) = declared_short(rb, self.declared, d, self.tallies[d]) else {
            return v;
        };
        let (t, s) = widened.get_or_insert_with(|| {
            let mut open = self.ratings.to_vec();
            for &f in self.declared {
                open[f] = Rating::Unknown;
            }
            let t = tallies(rb, &open);
            let mut s = Vec::with_capacity(rb.dimensions().len());
            place_all(rb, self.context, &open, &t, &mut s);
            (t, s)
        });
        match certain_shortfall(t[d], s[d], &self.targets[d]) {
            Some(sure) if sure == v.0 => (sure, None),
            _ => (Verdict::Undetermined, Some(why)),
        }
    }
}

/// `stretch` or `not-ready` when some factor is rated and every level
/// between the pessimistic and the optimistic placement gives that verdict
/// against every target the context allows.
fn certain_shortfall(tally: Tally, s: DimensionScore, target: &Target) -> Option<Verdict> {
    if !tally.any_rated() {
        return None;
    }
    let [lo, hi] = s.level_range;
    let v = target.verdict_at(lo)?;
    (matches!(v, Verdict::NotReady | Verdict::Stretch) && target.verdict_at(hi) == Some(v))
        .then_some(v)
}

/// Per dimension, the verdict every completion of the missing context
/// gives, or the keys whose value alone changes it.
type ContextVerdict = Option<Result<Verdict, Vec<Text>>>;

/// Where a gate's condition or a factor's applicability reads a context
/// key the mission leaves out (`levels`: so that the level, not only the
/// target, may depend on it), every completion of the missing `keys` is
/// assessed as a mission of its own: per dimension, the verdict they all
/// give, or the keys whose value alone changes it. `None` everywhere when
/// no such key is missing (the target's range then decides); beyond
/// [`MAX_COMPLETIONS`](super::MAX_COMPLETIONS) completions every missing
/// key is named.
fn context_open(rb: &Rulebook, m: &Mission, keys: &[usize], levels: bool) -> Vec<ContextVerdict> {
    let nd = rb.dimensions().len();
    if !levels {
        return vec![None; nd];
    }
    let name = |k: usize| rb.names().context_key[k].clone();
    let Some(all) = Completions::new(rb, keys.to_vec()) else {
        return vec![Some(Err(keys.iter().copied().map(name).collect())); nd];
    };
    // The verdict of every dimension in every completion.
    let mut ctx = m.context.clone();
    let mut ratings = m.ratings().to_vec();
    let mut scores = Vec::with_capacity(nd);
    let mut verdicts: Vec<Vec<Verdict>> = Vec::with_capacity(all.count);
    for i in 0..all.count {
        all.fill(i, &mut ctx);
        for (f, r) in ratings.iter_mut().enumerate() {
            *r = if rb.ruled_out(f, &ctx) {
                Rating::NotApplicable
            } else {
                m.rating_at(f)
            };
        }
        let t = tallies(rb, &ratings);
        place_all(rb, &ctx, &ratings, &t, &mut scores);
        let targets = targets(rb, &ctx, None);
        // The factors this completion leaves declared not applicable (a
        // value may rule some out), counted as a full assessment counts them.
        let declared = declared_not_applicable(rb, m, &ctx);
        let judged = Judged {
            ratings: &ratings,
            context: &ctx,
            declared: &declared,
            tallies: &t,
            targets: &targets,
        };
        let mut widened = None;
        verdicts.push(
            (0..nd)
                .map(|d| {
                    let own = verdict_of(rb, t[d], scores[d], &targets[d]);
                    judged.declared_rule(rb, d, own, &mut widened).0
                })
                .collect(),
        );
        scores.clear();
    }
    // A key is open for a dimension when changing its value alone changes
    // the verdict somewhere.
    (0..nd)
        .map(|d| {
            if verdicts.iter().all(|v| v[d] == verdicts[0][d]) {
                return Some(Ok(verdicts[0][d]));
            }
            Some(Err(all
                .deciding(|i, j| verdicts[i][d] != verdicts[j][d])
                .into_iter()
                .map(name)
                .collect()))
        })
        .collect()
}

/// The overall verdict from the dimensions' (over those where some factor
/// applies), and why there is none when there is none.
fn overall_verdict(
    rb: &Rulebook,
    tallies: &[Tally],
    verdicts: &[(Verdict, Option<Undetermined>)],
    rated: f64,
    coverage: f64,
) -> (Verdict, Option<Undetermined>) {
    let counted = || {
        tallies
            .iter()
            .zip(verdicts)
            .enumerate()
            .filter(|(_, (t, v))| {
                t.applies() || matches!(v.1, Some(Undetermined::DeclaredNotApplicable { .. }))
            })
            .map(|(d, (_, v))| (d, v.0))
    };
    let undetermined_dims: Vec<Text> = counted()
        .filter(|&(_, v)| v == Verdict::Undetermined)
        .map(|(d, _)| rb.names().dimension_id[d].clone())
        .collect();
    if counted().next().is_none() {
        (Verdict::Undetermined, Some(Undetermined::NothingApplies))
    } else if counted().any(|(_, v)| v == Verdict::NotReady) {
        // The worst verdict is settled by one dimension: whatever the
        // others turn out to be, the overall cannot be better.
        (Verdict::NotReady, None)
    } else if rated <= 0.0 || !covered(rb, coverage) {
        (
            Verdict::Undetermined,
            Some(Undetermined::LowCoverage {
                coverage,
                needed: rb.min_coverage(),
            }),
        )
    } else if !undetermined_dims.is_empty() {
        (
            Verdict::Undetermined,
            Some(Undetermined::DimensionUndetermined {
                dimensions: undetermined_dims,
            }),
        )
    } else {
        (
            counted()
                .map(|(_, v)| v)
                .max()
                .unwrap_or(Verdict::Undetermined),
            None,
        )
    }
}

/// Unknown factors with the overall range at stake, the most first.
fn evidence_gaps(
    rb: &Rulebook,
    m: &Mission,
    weights: &[f64],
    tallies: &[Tally],
) -> Vec<(usize, f64)> {
    let mut gaps: Vec<(usize, f64)> = (0..rb.factors().len())
        .filter(|&f| m.rating_at(f) == Rating::Unknown)
        .map(|f| {
            let at_stake = weighted_mean(
                weights,
                tallies.iter().enumerate().map(|(d, t)| {
                    let total = t.rated + t.unknown;
                    if total > 0.0 {
                        100.0 * rb.weight_at(f, d) / total
                    } else {
                        0.0
                    }
                }),
            );
            (f, at_stake)
        })
        .collect();
    gaps.sort_by(|a, b| b.1.total_cmp(&a.1));
    gaps
}
