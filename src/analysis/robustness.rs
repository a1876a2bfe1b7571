//! Weight robustness: how far the weights can move before a dimension's
//! level changes, exactly, with a seeded Monte Carlo cross-check.
//!
//! # Method
//!
//! On dimension `d` the point score is `100 N / W` with `N = Σ w(f) e(f)` and
//! `W = Σ w(f)` over the applicable factors (`e` is the share each earns;
//! an unrated factor earns one half, the middle of the scale). Let
//! every weight move independently to `w(f) (1 + δ(f))`, `|δ(f)| <= x`. The
//! score is a ratio of two linear forms in the `δ`, so over the box its
//! minimum sits at a vertex where the factors earning more than the
//! resulting score lose weight (`-x`) and the rest gain (`+x`); its maximum
//! is the mirror image. Since only five shares occur (0, 0.25, ..., 1), the
//! candidate vertices are the splits of the factors sorted by share: at most
//! six, of which the two that move every weight the same way only rescale
//! the weights and are skipped. For
//! each split the score along `x` is a linear-fractional function, monotone
//! in `x`, and the `x` where it meets a threshold `T` solves
//! `N + x a = T (W + x b)`. The radius is the smallest such `x` over the
//! splits and over the two thresholds that bound the current level (its own
//! threshold below, the next level's above when that level's gates hold).
//! Inside the radius no perturbation changes the level; just outside, the
//! reported split does. `x` is capped at 100%: beyond it a weight would turn
//! negative. Cost: O(F) per dimension after one pass over the factors.
//!
//! The radius is exact for the point placement: the rated factors, with
//! the unknown ones at the middle of the scale as the point score counts
//! them. The Monte
//! Carlo estimate carries the missing evidence too: in every sample each
//! factor without evidence also gets a rating drawn uniformly from the five
//! words, which enters the score and the gates, so an assessment with little
//! evidence cannot read as robust. With every factor rated the two agree in
//! what they measure.
//!
//! # Accuracy of the Monte Carlo estimate
//!
//! With every factor rated, the samples come in antithetic pairs: each
//! drawn noise vector `δ` also gives the sample `-δ`, which is as likely and
//! costs no draw. A side of the band that no noise within the box can reach
//! is decided once instead of sampled, which changes no count. The
//! estimate `p̂` of the share `p` in which the level holds is unbiased; its
//! standard error is at most `sqrt(p (1 - p) / (n / 2))` for `n` samples,
//! the error of `n / 2` independent samples (a pair counts at least once),
//! so at most 2.3 percentage points at the default 1000 samples, and no
//! more than that of `n` independent samples where only one side of the
//! band can be reached (the two outcomes of a pair are then negatively
//! correlated). With unknown ratings every sample is drawn independently:
//! at most `sqrt(p (1 - p) / n)`, 1.6 points at 1000 samples.

use crate::text::Text;
use serde::Serialize;

use crate::assess::{
    Evaluation, MissionSummary, Provenance, THRESHOLD_TOLERANCE, Undetermined, earned_share,
    gate_holds, place, score_ratings,
};
use crate::mission::Mission;
use crate::model::Rating;
use crate::rulebook::Rulebook;

/// Options of the robustness analysis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RobustnessOptions {
    /// Noise of the Monte Carlo estimate: every weight moves by a uniform
    /// random amount within ±this percent.
    pub noise_percent: f64,
    /// Number of Monte Carlo samples.
    pub samples: usize,
    /// Seed of the Monte Carlo sampler.
    pub seed: u64,
}

impl Default for RobustnessOptions {
    fn default() -> Self {
        RobustnessOptions {
            noise_percent: 20.0,
            samples: 1000,
            seed: 2007,
        }
    }
}

/// Which way a level changes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// The score falls below the level's threshold.
    Down,
    /// The score reaches the next level's threshold.
    Up,
}

impl Direction {
    /// Both directions.
    pub const ALL: [Direction; 2] = [Direction::Down, Direction::Up];

    /// The word used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Down => "down",
            Direction::Up => "up",
        }
    }
}

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Direction {
    type Err = crate::error::ParseWordError;

    /// Reads `down` or `up`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Direction::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| crate::error::ParseWordError::new("direction", s, Direction::ALL))
    }
}

/// The robustness of one dimension's level.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DimensionRobustness {
    /// Dimension id.
    pub id: Text,
    /// The point level.
    pub level: Text,
    /// The point score.
    pub score: f64,
    /// The largest x (percent) such that moving every weight by up to ±x%
    /// cannot change the level; `None` when no change within ±100% can.
    pub radius_percent: Option<f64>,
    /// Which way the level changes at the radius.
    pub direction: Option<Direction>,
    /// The factors whose weights go up in the perturbation that changes
    /// the level at the radius.
    pub raise: Vec<Text>,
    /// The factors whose weights go down in it.
    pub lower: Vec<Text>,
    /// The weights that move the score most at the radius, first first.
    pub first_movers: Vec<Text>,
    /// Share of the Monte Carlo samples in which the level holds (weights
    /// and the missing ratings drawn at random).
    pub monte_carlo_hold: f64,
    /// Whether the assessment of this dimension is provisional: the
    /// exact radius then speaks for the rated factors only.
    pub provisional: bool,
    /// Why the assessment gives this dimension no verdict, when it gives
    /// none: the radius and the share then say how the weights move a level
    /// that is itself no finding yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undetermined: Option<Undetermined>,
}

/// The robustness of every dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Robustness {
    /// The mission: its name, date and description (and the file it was
    /// read from, where the program that read it sets it).
    pub mission: MissionSummary,
    /// The rulebook (id, version, content fingerprint) and the crate version.
    pub rulebook: Provenance,
    /// The Monte Carlo noise, in percent.
    pub noise_percent: f64,
    /// Samples drawn.
    pub samples: usize,
    /// Seed used.
    pub seed: u64,
    /// One result per dimension.
    pub dimensions: Vec<DimensionRobustness>,
    /// What the analysis had to work around (a mission loaded against
    /// another rulebook is refitted; noise that is not a number is taken as
    /// 0).
    pub warnings: Vec<String>,
}

/// A small, fast, seeded generator (SplitMix64): the same seed gives the
/// same samples on every platform.
#[derive(Debug, Clone)]
struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// (factor index, weight, earned share) of the applicable factors with
/// weight: the rated ones at their rating, the unrated ones at the middle
/// of the scale, as in the point score.
fn terms(rb: &Rulebook, m: &Mission, d: usize) -> Vec<(usize, f64, f64)> {
    rb.factors()
        .iter()
        .enumerate()
        .filter_map(|(f, factor)| {
            let w = rb.weight_at(f, d);
            let r = m.rating_at(f);
            let e = match r.strength() {
                Some(s) => earned_share(factor.polarity, s),
                None if r == Rating::Unknown => 0.5,
                None => return None,
            };
            (w > 0.0).then_some((f, w, e))
        })
        .collect()
}

/// The smallest x in (0, 1] at which the score, pushed `dir`, meets `t`
/// (points), with the split that does it (`true` = weight raised).
fn crossing(terms: &[(usize, f64, f64)], t: f64, dir: Direction) -> Option<(f64, Vec<bool>)> {
    let t = t / 100.0;
    let n: f64 = terms.iter().map(|&(_, w, e)| w * e).sum();
    let wsum: f64 = terms.iter().map(|&(_, w, _)| w).sum();
    let mut best: Option<(f64, Vec<bool>)> = None;
    let mut cuts: Vec<f64> = terms.iter().map(|&(_, _, e)| e).collect();
    cuts.push(f64::INFINITY);
    cuts.sort_by(f64::total_cmp);
    cuts.dedup();
    for &cut in &cuts {
        // Up: raise the factors earning at least `cut`; down: lower them.
        let split: Vec<bool> = terms
            .iter()
            .map(|&(_, _, e)| (e >= cut) == (dir == Direction::Up))
            .collect();
        // Moving every weight the same way only rescales them: no change.
        if split.iter().all(|&u| u) || split.iter().all(|&u| !u) {
            continue;
        }
        let (mut a, mut b) = (0.0, 0.0);
        for (&(_, w, e), &up) in terms.iter().zip(&split) {
            let sign = if up { 1.0 } else { -1.0 };
            a += sign * w * e;
            b += sign * w;
        }
        let denom = a - t * b;
        if denom == 0.0 {
            continue;
        }
        let x = (t * wsum - n) / denom;
        if x > 0.0 && x <= 1.0 && best.as_ref().is_none_or(|(bx, _)| x < *bx) {
            best = Some((x, split));
        }
    }
    best
}

/// How far the weights can move before each dimension's level changes,
/// with a Monte Carlo estimate of the chance the level holds under noise.
///
/// ```
/// use integration_readiness::analysis::{robustness, RobustnessOptions};
/// use integration_readiness::{Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml(
///     "[mission]\nname = \"M\"\n[evidence.senior-leadership-cohesion]\nrating = \"high\"\n[evidence.slow-recruitment]\nrating = \"high\"\n",
///     "m.toml", &rb)?;
/// let r = robustness(&m, RobustnessOptions::default());
/// for d in &r.dimensions {
///     if let Some(x) = d.radius_percent {
///         assert!(x > 0.0 && x <= 100.0);
///     }
///     assert!((0.0..=1.0).contains(&d.monte_carlo_hold));
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn robustness(m: &Mission, opts: RobustnessOptions) -> Robustness {
    let rb = m.rulebook();
    let mut warnings = Vec::new();
    let mut opts = opts;
    if !opts.noise_percent.is_finite() || !(0.0..=100.0).contains(&opts.noise_percent) {
        let clamped = if opts.noise_percent.is_finite() {
            opts.noise_percent.clamp(0.0, 100.0)
        } else {
            0.0
        };
        warnings.push(format!(
            "noise of {}% is out of range; {clamped}% used (0 to 100 allowed)",
            opts.noise_percent
        ));
        opts.noise_percent = clamped;
    }
    let nd = rb.dimensions().len();
    let mut scores = Vec::with_capacity(nd);
    score_ratings(rb, &m.context, m.ratings(), &mut scores);
    let sigma = (opts.noise_percent / 100.0).clamp(0.0, 1.0);
    let any_unknown = m.ratings().contains(&Rating::Unknown);
    let held = if any_unknown {
        monte_carlo_with_unknowns(rb, m, &scores, sigma, opts)
    } else {
        monte_carlo(rb, m, &scores, sigma, opts)
    };
    let provisional = crate::assess::provisional(rb, m.ratings(), &scores);
    let verdicts = Evaluation::of(m).verdicts;
    let dims = rb
        .dimensions()
        .iter()
        .enumerate()
        .map(|(d, _)| {
            let s = scores[d];
            let l = s.level;
            let terms = terms(rb, m, d);
            let (lo, hi) = band(rb, m, d, l);
            let rated = !terms.is_empty();
            let down = lo
                .filter(|_| rated)
                .and_then(|t| crossing(&terms, t, Direction::Down))
                .map(|(x, sp)| (x, sp, Direction::Down, t_of(lo)));
            let up = hi
                .filter(|_| rated)
                .and_then(|t| crossing(&terms, t, Direction::Up))
                .map(|(x, sp)| (x, sp, Direction::Up, t_of(hi)));
            let first = match (down, up) {
                (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
                (a, b) => a.or(b),
            };
            let (radius, direction, raise, lower, movers) = match first {
                Some((x, split, dir, t)) => {
                    let mut by: Vec<(f64, usize)> = terms
                        .iter()
                        .map(|&(f, w, e)| (w * (e - t / 100.0).abs(), f))
                        .collect();
                    by.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                    let id = |f: usize| rb.names().factor_id[f].clone();
                    (
                        Some(100.0 * x),
                        Some(dir),
                        terms
                            .iter()
                            .zip(&split)
                            .filter(|(_, up)| **up)
                            .map(|(t, _)| id(t.0))
                            .collect(),
                        terms
                            .iter()
                            .zip(&split)
                            .filter(|(_, up)| !**up)
                            .map(|(t, _)| id(t.0))
                            .collect(),
                        by.iter()
                            .filter(|(v, _)| *v > 0.0)
                            .take(5)
                            .map(|&(_, f)| id(f))
                            .collect(),
                    )
                }
                None => (None, None, Vec::new(), Vec::new(), Vec::new()),
            };
            DimensionRobustness {
                id: rb.names().dimension_id[d].clone(),
                level: rb.names().level_id[l].clone(),
                score: s.score,
                radius_percent: radius,
                direction,
                raise,
                lower,
                first_movers: movers,
                monte_carlo_hold: if opts.samples == 0 {
                    1.0
                } else {
                    held[d] as f64 / opts.samples as f64
                },
                provisional: provisional[d],
                undetermined: verdicts[d].1.clone(),
            }
        })
        .collect();
    Robustness {
        mission: MissionSummary::of(m),
        rulebook: Provenance::of(m.rulebook()),
        noise_percent: opts.noise_percent,
        samples: opts.samples,
        seed: opts.seed,
        dimensions: dims,
        warnings,
    }
}

/// The band of scores that keeps dimension `d` at its level `l`:
/// (lowest score that holds, score that reaches the next level).
fn band(rb: &Rulebook, m: &Mission, d: usize, l: usize) -> (Option<f64>, Option<f64>) {
    let lo = (l > 0).then(|| rb.threshold_at(l, d) - THRESHOLD_TOLERANCE);
    let up_open = l + 1 < rb.levels().len()
        && rb
            .gates_of(l + 1, d)
            .filter(|gate| rb.gate_binds(gate.gate, &m.context))
            .all(|gate| gate_holds(gate.bound, m.rating_at(gate.factor), false));
    (
        lo,
        up_open.then(|| rb.threshold_at(l + 1, d) - THRESHOLD_TOLERANCE),
    )
}

/// `base + Σ coefficient(f) δ(f)`: a bound of the band as a linear form.
type Form = (f64, Vec<f64>);

/// A dot product in four lanes, which the compiler can vectorize.
fn dot(c: &[f64], x: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let (c4, x4) = (c.chunks_exact(4), x.chunks_exact(4));
    let (cr, xr) = (c4.remainder(), x4.remainder());
    for (a, b) in c4.zip(x4) {
        for i in 0..4 {
            acc[i] += a[i] * b[i];
        }
    }
    let tail: f64 = cr.iter().zip(xr).map(|(a, b)| a * b).sum();
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

/// What one side of a band does under noise within ±σ.
enum Side {
    /// Holds in every sample: open, or too far from the score to be reached.
    Always,
    /// Fails in every sample.
    Never,
    /// Depends on the sample: the side holds while `base + c·δ >= 0`
    /// (a floor) or `< 0` (a ceiling).
    Sample(Form),
}

/// The side of a band given by `form`: decided for every sample when no
/// noise within ±σ can change its sign (`|c·δ| <= σ Σ|c|`, with a margin far
/// above the rounding of a dot product, so deciding it changes no count).
fn side(form: Option<Form>, sigma: f64, floor: bool) -> Side {
    let Some((b, c)) = form else {
        return Side::Always;
    };
    let reach = sigma * c.iter().map(|x| x.abs()).sum::<f64>();
    let margin = 1e-9 * (b.abs() + reach) + 1e-12;
    let positive = if b - reach > margin {
        true
    } else if b + reach < -margin {
        false
    } else {
        return Side::Sample((b, c));
    };
    if positive == floor {
        Side::Always
    } else {
        Side::Never
    }
}

/// Counts, per dimension, the samples in which the level holds. One noise
/// vector per sample serves every dimension (each dimension's estimate is
/// exact in distribution; the dimensions' estimates are correlated). The
/// level holds while `Σ w (1 + δ) (e - t) >= 0` for the band's floor `t`
/// and `< 0` for its ceiling: dot products over dense per-factor arrays,
/// no division. A side that no noise can move is decided once, not
/// sampled.
fn monte_carlo(
    rb: &Rulebook,
    m: &Mission,
    scores: &[crate::assess::DimensionScore],
    sigma: f64,
    opts: RobustnessOptions,
) -> Vec<usize> {
    let nf = rb.factors().len();
    let mut held = Vec::with_capacity(scores.len());
    // The dimensions to sample, with their floor and ceiling.
    let mut sampled: Vec<(usize, Side, Side)> = Vec::new();
    for (d, s) in scores.iter().enumerate() {
        let (lo, hi) = band(rb, m, d, s.level);
        let terms = terms(rb, m, d);
        let form = |t: f64| {
            let mut c = vec![0.0; nf];
            for &(f, w, e) in &terms {
                c[f] = w * (e - t / 100.0);
            }
            (c.iter().sum::<f64>(), c)
        };
        // With no term (nothing applies) the score does not move: the level
        // holds.
        let rated = !terms.is_empty();
        let floor = side(lo.filter(|_| rated).map(form), sigma, true);
        let ceiling = side(hi.filter(|_| rated).map(form), sigma, false);
        held.push(match (&floor, &ceiling) {
            (Side::Never, _) | (_, Side::Never) => 0,
            (Side::Always, Side::Always) => opts.samples,
            _ => {
                sampled.push((d, floor, ceiling));
                0
            }
        });
    }
    if sampled.is_empty() {
        return held;
    }
    let mut rng = SplitMix64::new(opts.seed);
    let mut delta = vec![0.0; nf];
    // Antithetic pairs: each drawn noise vector `δ` gives two samples, `δ`
    // and `-δ`, both uniform in the box; the second costs no draw and no
    // dot product (`c·(-δ) = -(c·δ)`), and the pair's outcomes are
    // negatively correlated, so the estimate is no less accurate than with
    // independent samples. An odd count ends with one unpaired sample.
    let mut sample = 0;
    while sample < opts.samples {
        draw_noise(&mut rng, &mut delta, sigma);
        let pair = opts.samples - sample >= 2;
        for (d, floor, ceiling) in &sampled {
            let lift = |side: &Side| match side {
                Side::Sample((b, c)) => Some((*b, dot(c, &delta))),
                _ => None,
            };
            let (lo, hi) = (lift(floor), lift(ceiling));
            let holds = |sign: f64| {
                lo.is_none_or(|(b, s)| b + sign * s >= 0.0)
                    && hi.is_none_or(|(b, s)| b + sign * s < 0.0)
            };
            held[*d] += usize::from(holds(1.0));
            if pair {
                held[*d] += usize::from(holds(-1.0));
            }
        }
        sample += if pair { 2 } else { 1 };
    }
    held
}

/// Counts, per dimension, the samples in which the point level holds when
/// the weights move (as in [`monte_carlo`]) and every factor without
/// evidence gets a rating drawn uniformly from the five words. The score and
/// the gates are then those of the drawn mission, placed as the assessment
/// places them.
fn monte_carlo_with_unknowns(
    rb: &Rulebook,
    m: &Mission,
    scores: &[crate::assess::DimensionScore],
    sigma: f64,
    opts: RobustnessOptions,
) -> Vec<usize> {
    let factors = rb.factors();
    let nf = factors.len();
    let nd = rb.dimensions().len();
    let mut held = vec![0usize; nd];
    let mut rng = SplitMix64::new(opts.seed);
    let mut ratings: Vec<Rating> = m.ratings().to_vec();
    let mut delta = vec![0.0; nf];
    for _ in 0..opts.samples {
        draw_noise(&mut rng, &mut delta, sigma);
        for (f, r) in ratings.iter_mut().enumerate() {
            if m.rating_at(f) == Rating::Unknown {
                // Uniform over the five words: the top bits of one draw.
                *r = Rating::SCALE[(((rng.next_u64() >> 32) * 5) >> 32) as usize];
            }
        }
        for (d, s) in scores.iter().enumerate() {
            let (mut earned, mut total) = (0.0, 0.0);
            for (f, factor) in factors.iter().enumerate() {
                if let Some(st) = ratings[f].strength() {
                    let w = rb.weight_at(f, d) * (1.0 + delta[f]);
                    earned += w * earned_share(factor.polarity, st);
                    total += w;
                }
            }
            if total <= 0.0 {
                held[d] += 1;
                continue;
            }
            let score = (100.0 * earned / total).clamp(0.0, 100.0);
            if place(rb, &m.context, &ratings, None, d, score, false) == s.level {
                held[d] += 1;
            }
        }
    }
    held
}

/// One noise vector: every weight's relative move, uniform in [-σ, σ).
/// Two 32-bit uniforms from each 64-bit draw: u in [0, 1), δ = σ (2u - 1).
fn draw_noise(rng: &mut SplitMix64, delta: &mut [f64], sigma: f64) {
    const TWO_POW_MINUS_32: f64 = 1.0 / 4_294_967_296.0;
    let (scale, shift) = (2.0 * sigma * TWO_POW_MINUS_32, sigma);
    for pair in delta.chunks_mut(2) {
        let bits = rng.next_u64();
        pair[0] = (bits & 0xFFFF_FFFF) as f64 * scale - shift;
        if let Some(x) = pair.get_mut(1) {
            *x = (bits >> 32) as f64 * scale - shift;
        }
    }
}

fn t_of(t: Option<f64>) -> f64 {
    t.unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts the samples of the fully rated path directly: for every
    /// antithetic pair of noise vectors, the perturbed score of each
    /// dimension as a ratio, placed against the band's thresholds. The fast
    /// path (dot products, decided sides) must give the same counts.
    fn direct(rb: &Rulebook, m: &Mission, opts: RobustnessOptions) -> Vec<usize> {
        let nf = rb.factors().len();
        let sigma = opts.noise_percent / 100.0;
        let mut scores = Vec::new();
        score_ratings(rb, &m.context, m.ratings(), &mut scores);
        let mut held = vec![0usize; scores.len()];
        let mut rng = SplitMix64::new(opts.seed);
        let mut delta = vec![0.0; nf];
        let mut sample = 0;
        while sample < opts.samples {
            draw_noise(&mut rng, &mut delta, sigma);
            let signs: &[f64] = if opts.samples - sample >= 2 {
                &[1.0, -1.0]
            } else {
                &[1.0]
            };
            for &sign in signs {
                for (d, s) in scores.iter().enumerate() {
                    let (lo, hi) = band(rb, m, d, s.level);
                    let terms = terms(rb, m, d);
                    let (mut n, mut w) = (0.0, 0.0);
                    for &(f, wf, e) in &terms {
                        let wf = wf * (1.0 + sign * delta[f]);
                        n += wf * e;
                        w += wf;
                    }
                    let score = if terms.is_empty() {
                        s.score
                    } else {
                        100.0 * n / w
                    };
                    let holds = terms.is_empty()
                        || (lo.is_none_or(|t| score >= t) && hi.is_none_or(|t| score < t));
                    held[d] += usize::from(holds);
                }
            }
            sample += signs.len();
        }
        held
    }

    #[test]
    fn fast_monte_carlo_counts_what_direct_sampling_counts() {
        let rb = Rulebook::oslo_2007();
        let samples = [
            include_str!("../../examples/missions/consolidation-after-ceasefire.toml"),
            include_str!("../../examples/missions/compare-2009.toml"),
            include_str!("../../examples/missions/political-mission.toml"),
            include_str!("../../examples/missions/drawdown-transition.toml"),
        ];
        let mut checked = 0;
        for text in samples {
            let mut m = Mission::from_toml(text, "sample.toml", &rb).unwrap();
            // Rate what the sample leaves unknown, so the fast path runs.
            if m.ratings().contains(&Rating::Unknown) {
                let ratings: Vec<Rating> = m
                    .ratings()
                    .iter()
                    .map(|&r| {
                        if r == Rating::Unknown {
                            Rating::Partial
                        } else {
                            r
                        }
                    })
                    .collect();
                m.ratings = ratings;
            }
            for (noise, n, seed) in [(20.0, 1000, 2007), (5.0, 301, 1), (60.0, 500, 42)] {
                let opts = RobustnessOptions {
                    noise_percent: noise,
                    samples: n,
                    seed,
                };
                let mut scores = Vec::new();
                score_ratings(&rb, &m.context, m.ratings(), &mut scores);
                let fast = monte_carlo(&rb, &m, &scores, noise / 100.0, opts);
                assert_eq!(fast, direct(&rb, &m, opts), "noise {noise}, {n} samples");
                checked += 1;
            }
        }
        assert_eq!(checked, 12);
    }

    /// A side is decided only when no noise in the box can reach it:
    /// `c = (1, -1)`, so `|c·δ| <= σ Σ|c| = 2 σ`; at σ = 0.5 the reach is 1.
    #[test]
    fn a_side_is_decided_only_beyond_the_reach_of_the_noise() {
        let c = vec![1.0, -1.0];
        let kind = |b: f64, floor: bool| match side(Some((b, c.clone())), 0.5, floor) {
            Side::Always => "always",
            Side::Never => "never",
            Side::Sample(_) => "sample",
        };
        // Within the reach, on either side of 0: sampled.
        for b in [0.9, 0.5, -0.5, -0.9] {
            assert_eq!(kind(b, true), "sample", "floor {b}");
            assert_eq!(kind(b, false), "sample", "ceiling {b}");
        }
        // Beyond it: a floor above 0 always holds, below never; a ceiling
        // the other way round.
        assert_eq!(kind(1.1, true), "always");
        assert_eq!(kind(-1.1, true), "never");
        assert_eq!(kind(-1.1, false), "always");
        assert_eq!(kind(1.1, false), "never");
        // An open side always holds.
        assert!(matches!(side(None, 0.5, true), Side::Always));
    }

    /// On a rulebook of three factors the box's corners are within reach of
    /// the noise, so a side decided too eagerly changes the counts.
    #[test]
    fn fast_monte_carlo_counts_what_direct_sampling_counts_on_few_factors() {
        let rb =
            Rulebook::from_toml(include_str!("../../tests/data/tiny.toml"), "tiny.toml").unwrap();
        let words = ["none", "low", "partial", "high", "full"];
        let mut differs = 0;
        for (i, a) in words.iter().enumerate() {
            for b in &words[i..] {
                let text = format!(
                    "[mission]\nname = \"T\"\n[evidence.e1]\nrating = \"{a}\"\n\
                     [evidence.e2]\nrating = \"{b}\"\n[evidence.b1]\nrating = \"low\"\n"
                );
                let m = Mission::from_toml(&text, "t.toml", &rb).unwrap();
                for noise in [30.0, 60.0, 95.0] {
                    let opts = RobustnessOptions {
                        noise_percent: noise,
                        samples: 400,
                        seed: 11,
                    };
                    let mut scores = Vec::new();
                    score_ratings(&rb, &m.context, m.ratings(), &mut scores);
                    let fast = monte_carlo(&rb, &m, &scores, noise / 100.0, opts);
                    assert_eq!(fast, direct(&rb, &m, opts), "{a}/{b}, noise {noise}");
                    differs += usize::from(fast.iter().any(|&h| h != 0 && h != 400));
                }
            }
        }
        // Some cases sit where the noise moves the level some of the time.
        assert!(differs > 0);
    }
}
