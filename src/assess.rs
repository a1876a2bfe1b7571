//! The pure scoring core: scores, placement on the spectrum, targets,
//! verdicts, explanations and recommendations.
//!
//! No I/O, no clock, no randomness: the same rulebook and mission give the
//! same assessment on every platform.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::mission::Mission;
use crate::model::{Citation, ContextValue, Effort, Polarity, Rating};
use crate::rulebook::{Bound, Rulebook};

/// Scores within this distance below a threshold count as meeting it, so
/// that rounding in the last bit never decides a level.
pub const THRESHOLD_TOLERANCE: f64 = 1e-9;

/// How many values [`Values`] holds without allocating: rulebooks rarely
/// have more dimensions than this (the default has three).
const INLINE: usize = 4;

/// A short list of values, one per dimension, kept inline (no allocation)
/// up to four dimensions. Reads as a slice.
#[derive(Clone)]
pub struct Values<T> {
    len: usize,
    inline: [T; INLINE],
    heap: Vec<T>,
}

impl<T: Default> Values<T> {
    /// An empty list.
    pub fn new() -> Self {
        Values {
            len: 0,
            inline: std::array::from_fn(|_| T::default()),
            heap: Vec::new(),
        }
    }

    /// Appends a value.
    pub fn push(&mut self, v: T) {
        if self.len < INLINE && self.heap.is_empty() {
            self.inline[self.len] = v;
        } else {
            if self.heap.is_empty() {
                self.heap.extend(self.inline.iter_mut().map(std::mem::take));
            }
            self.heap.push(v);
        }
        self.len += 1;
    }
}

impl<T: Default> Default for Values<T> {
    fn default() -> Self {
        Values::new()
    }
}

impl<T> std::ops::Deref for Values<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        if self.heap.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.heap
        }
    }
}

impl<T: Default> FromIterator<T> for Values<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut v = Values::new();
        for x in iter {
            v.push(x);
        }
        v
    }
}

impl<T: Default> From<Vec<T>> for Values<T> {
    fn from(v: Vec<T>) -> Self {
        v.into_iter().collect()
    }
}

impl<'a, T> IntoIterator for &'a Values<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for Values<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: PartialEq<U>, U> PartialEq<Values<U>> for Values<T> {
    fn eq(&self, other: &Values<U>) -> bool {
        self[..] == other[..]
    }
}

impl<T: PartialEq<U>, U> PartialEq<Vec<U>> for Values<T> {
    fn eq(&self, other: &Vec<U>) -> bool {
        self[..] == other[..]
    }
}

impl<T: PartialEq<U>, U, const N: usize> PartialEq<[U; N]> for Values<T> {
    fn eq(&self, other: &[U; N]) -> bool {
        self[..] == other[..]
    }
}

/// Values per dimension, serialized as an object keyed by dimension id in
/// rulebook order. The ids are shared with the rulebook, not copied.
#[derive(Debug, Clone, PartialEq)]
pub struct PerDimension<T> {
    ids: Arc<[String]>,
    /// One value per dimension, in rulebook order.
    pub values: Values<T>,
}

impl<T> PerDimension<T> {
    /// Values for the dimensions of a rulebook, in its order.
    pub fn new(rulebook: &Rulebook, values: impl Into<Values<T>>) -> Self {
        PerDimension {
            ids: rulebook.dimension_ids(),
            values: values.into(),
        }
    }

    /// The value for a dimension id.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.ids
            .iter()
            .position(|d| d == id)
            .and_then(|i| self.values.get(i))
    }

    /// (dimension id, value) pairs in rulebook order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.ids.iter().map(String::as_str).zip(self.values.iter())
    }
}

impl<T: Serialize> Serialize for PerDimension<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.values.len()))?;
        for (k, v) in self.iter() {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// How a dimension stands against its target.
///
/// Ordered from best to least supported: `Ready < Stretch < NotReady <
/// Undetermined`, so the overall verdict is the greatest of the dimensions'.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Verdict {
    /// The level reached is at or above the target.
    Ready,
    /// One level short of the target.
    Stretch,
    /// Two or more levels short.
    NotReady,
    /// Nothing is rated, or nothing applies: the evidence cannot support
    /// any verdict, least of all `ready`.
    Undetermined,
}

impl Verdict {
    /// The verdict for a level and a target (level indices).
    pub fn of(level: usize, target: usize) -> Verdict {
        match target.saturating_sub(level) {
            0 => Verdict::Ready,
            1 => Verdict::Stretch,
            _ => Verdict::NotReady,
        }
    }

    /// The word used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::Stretch => "stretch",
            Verdict::NotReady => "not-ready",
            Verdict::Undetermined => "undetermined",
        }
    }

    /// Every verdict, from best to least supported.
    pub const ALL: [Verdict; 4] = [
        Verdict::Ready,
        Verdict::Stretch,
        Verdict::NotReady,
        Verdict::Undetermined,
    ];
}

impl std::str::FromStr for Verdict {
    type Err = crate::error::ParseWordError;

    /// Reads the word used in reports, such as `not-ready`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Verdict::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| crate::error::ParseWordError::new("verdict", s, Verdict::ALL))
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What stops a dimension from reaching the next level.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Blocker {
    /// The score is below the level's threshold.
    Threshold {
        /// The score the level needs.
        needed: f64,
        /// The point score.
        score: f64,
    },
    /// A gate of the level does not hold.
    Gate {
        /// The gate's factor.
        factor: String,
        /// `at-least` or `at-most`.
        bound: &'static str,
        /// The rating the gate needs.
        rating: Rating,
        /// The factor's rating in the mission (`unknown` without evidence).
        actual: Rating,
        /// Why the level needs it.
        because: String,
        /// Where the source supports it.
        citation: Citation,
    },
}

/// The next level of a dimension and what stops it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct NextLevel {
    /// The level above the one reached.
    pub level: String,
    /// Every threshold and gate that fails there.
    pub blockers: Vec<Blocker>,
}

/// A target rule's floor above its cap: the cap wins.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Tension {
    /// The highest floor.
    pub floor: String,
    /// The rules that set it.
    pub floor_rules: Vec<String>,
    /// The lowest cap, which wins.
    pub cap: String,
    /// The rules that set it.
    pub cap_rules: Vec<String>,
}

/// The target of one dimension, for the mission or an entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Target {
    /// The target level id.
    pub level: String,
    /// Its index on the spectrum.
    pub level_index: usize,
    /// The matching rules that set it (empty: the rulebook's default).
    pub set_by: Vec<String>,
    /// A floor above a cap, when rules disagree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tension: Option<Tension>,
    /// Whether a cap (an `at-most` rule) sets the level: going above it is
    /// against a rule, not only beyond what is needed.
    pub capped: bool,
}

/// The result for one dimension of coherence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DimensionResult {
    /// Dimension id.
    pub id: String,
    /// Dimension title.
    pub title: String,
    /// Point score in [0, 100], from the rated factors.
    pub score: f64,
    /// Lowest and highest score over every choice of the unknown ratings.
    pub score_range: [f64; 2],
    /// Share of the applicable weight that is rated, in [0, 1].
    pub coverage: f64,
    /// Whether any factor applies on this dimension: `false` when every
    /// factor with weight on it is not applicable. Such a dimension is left
    /// out of the overall score and verdict.
    pub applicable: bool,
    /// Gates that hold only because their factor is not applicable, at the
    /// levels reached and the next: a gate on a factor that does not apply
    /// to the mission does not apply either, but a reader should see it.
    pub waived_gates: Vec<String>,
    /// Whether no factor on this dimension is rated (the score is then the
    /// bottom of the range).
    pub no_evidence: bool,
    /// The level reached by the point score (unknown gates fail).
    pub level: String,
    /// Pessimistic and optimistic levels.
    pub level_range: [String; 2],
    /// Spectrum indices of `level` and `level_range`.
    pub level_index: [usize; 3],
    /// The next level and what stops it; `None` at the top.
    pub next: Option<NextLevel>,
    /// The target level.
    pub target: String,
    /// How the target was set.
    pub target_detail: Target,
    /// Ready, stretch, not-ready, or undetermined when nothing on the
    /// dimension is rated or nothing applies.
    pub verdict: Verdict,
    /// Whether less than [`PROVISIONAL_COVERAGE`] of the weight is rated:
    /// the verdict rests on too little evidence to stand alone.
    pub provisional: bool,
}

/// Below this evidence coverage a verdict is marked provisional.
pub const PROVISIONAL_COVERAGE: f64 = 0.5;

/// The weighted result over all dimensions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Overall {
    /// Dimension-weighted mean of the point scores.
    pub score: f64,
    /// Dimension-weighted means of the range bounds.
    pub score_range: [f64; 2],
    /// Share of all applicable weight that is rated.
    pub coverage: f64,
    /// The worst verdict of the dimensions that count toward the overall;
    /// undetermined when none counts or any of them is undetermined.
    pub verdict: Verdict,
}

/// The score of one theme, over all dimensions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ThemeResult {
    /// Theme id.
    pub id: String,
    /// Theme title.
    pub title: String,
    /// Score of the theme's rated factors in [0, 100]; `None` when none is rated.
    pub score: Option<f64>,
    /// Share of the theme's applicable weight that is rated.
    pub coverage: f64,
}

/// One factor's part in the assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct FactorResult {
    /// Factor id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Enabler or barrier.
    pub polarity: Polarity,
    /// Theme id.
    pub theme: String,
    /// The mission's rating; `None` when it gives no evidence.
    pub rating: Option<Rating>,
    /// Weight per dimension.
    pub weights: PerDimension<f64>,
    /// Points of the point score earned per dimension.
    pub contributions: PerDimension<f64>,
    /// Points of the point score lost per dimension.
    pub lost: PerDimension<f64>,
    /// Where the source names it.
    pub citation: Citation,
}

/// One entity's targets (asymmetric integration) and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct EntityResult {
    /// Name.
    pub name: String,
    /// Role id.
    pub role: String,
    /// Target level id per dimension.
    pub target: PerDimension<String>,
    /// The rules that set each target.
    pub target_detail: PerDimension<Target>,
    /// Declared current level per dimension, where given.
    pub current: PerDimension<Option<String>>,
    /// Dimensions where the declared level is above the target: integration
    /// beyond what the situation calls for.
    pub over_integrated: Vec<String>,
    /// Of those, the dimensions where the target is a cap (an `at-most`
    /// rule, such as asymmetric integration for humanitarian actors).
    pub above_cap: Vec<String>,
    /// Levels short of the target per dimension (0 where at or above it, or
    /// not declared).
    pub gap: PerDimension<usize>,
}

/// A one-step rating change and what it buys.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Recommendation {
    /// Factor id.
    pub factor: String,
    /// Title.
    pub title: String,
    /// Current rating.
    pub from: Rating,
    /// Rating after the change (an enabler up one step, a barrier down one).
    pub to: Rating,
    /// Points of overall score gained.
    pub gain: f64,
    /// Points gained per dimension.
    pub gains: PerDimension<f64>,
    /// Below-target dimensions the change lifts to their next level.
    pub lifts: Vec<String>,
    /// Effort to change the factor.
    pub effort: Effort,
    /// Its cost (from the rulebook's effort costs).
    pub cost: f64,
    /// What to do.
    pub remedy: String,
    /// Where the source names the factor.
    pub citation: Citation,
}

/// A factor without evidence, and how much of the overall range it holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct EvidenceGap {
    /// Factor id.
    pub factor: String,
    /// Title.
    pub title: String,
    /// Points of the overall score range that rating it would settle.
    pub at_stake: f64,
    /// The assessor's question.
    pub question: String,
}

/// Name and date of the assessed mission.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct MissionSummary {
    /// Name.
    pub name: String,
    /// Date of the assessment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// The full assessment of a mission against a rulebook: every number with
/// what makes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Assessment {
    /// The rulebook's id.
    pub rulebook: String,
    /// The mission.
    pub mission: MissionSummary,
    /// One result per dimension.
    pub dimensions: Vec<DimensionResult>,
    /// Over all dimensions.
    pub overall: Overall,
    /// One result per theme.
    pub themes: Vec<ThemeResult>,
    /// One result per factor, in rulebook order.
    pub factors: Vec<FactorResult>,
    /// One result per entity.
    pub entities: Vec<EntityResult>,
    /// One-step changes, best first.
    pub recommendations: Vec<Recommendation>,
    /// Unknown factors, the most at stake first.
    pub evidence_gaps: Vec<EvidenceGap>,
    /// The mission's context: every key of the rulebook with the mission's
    /// value (`None` where it leaves the key out).
    pub context: Vec<(String, Option<ContextValue>)>,
    /// Target rules that could not be decided because the mission leaves a
    /// context key out.
    pub undecided_rules: Vec<String>,
    /// Anything the assessment had to work around.
    pub warnings: Vec<String>,
}

/// Scores and levels of one dimension: the cheap part of an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DimensionScore {
    /// Point score in [0, 100].
    pub score: f64,
    /// Lowest and highest score over the unknown ratings.
    pub range: [f64; 2],
    /// Share of the applicable weight that is rated.
    pub coverage: f64,
    /// Point level index.
    pub level: usize,
    /// Pessimistic and optimistic level indices.
    pub level_range: [usize; 2],
}

/// Weighted sums of one dimension.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tally {
    earned: f64,
    rated: f64,
    unknown: f64,
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
        let point = if self.rated > 0.0 {
            (100.0 * self.earned / self.rated).clamp(low, high)
        } else {
            low
        };
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
/// `ratings` (and `over`, a rating that replaces one factor's).
pub(crate) fn place(
    rb: &Rulebook,
    ratings: &[Rating],
    over: Option<(usize, Rating)>,
    d: usize,
    score: f64,
    optimistic: bool,
) -> usize {
    let nl = rb.levels().len();
    for l in 1..nl {
        if !level_open(rb, ratings, over, d, l, score, optimistic) {
            return l - 1;
        }
    }
    nl.saturating_sub(1)
}

fn level_open(
    rb: &Rulebook,
    ratings: &[Rating],
    over: Option<(usize, Rating)>,
    d: usize,
    l: usize,
    score: f64,
    optimistic: bool,
) -> bool {
    if score + THRESHOLD_TOLERANCE < rb.threshold(l, d) {
        return false;
    }
    rb.gates_of(l, d).all(|gate| {
        let actual = match over {
            Some((f, r)) if f == gate.factor => r,
            _ => ratings.get(gate.factor).copied().unwrap_or(Rating::Unknown),
        };
        gate_holds(gate.bound, actual, optimistic)
    })
}

/// Scores and levels of every dimension, without explanations.
///
/// This is the cheap path for sweeps and dashboards; [`assess`] gives the
/// same numbers with everything that explains them.
///
/// ```
/// use integration_readiness::{assess, score_only, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml(
///     "[mission]\nname = \"M\"\n[evidence.common-planning-framework]\nrating = \"high\"\n",
///     "m.toml", &rb)?;
/// let quick = score_only(&rb, &m);
/// let full = assess(&rb, &m);
/// assert_eq!(quick[1].score, full.dimensions[1].score);
/// assert_eq!(quick[1].level, full.dimensions[1].level_index[0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn score_only(rulebook: &Rulebook, mission: &Mission) -> Vec<DimensionScore> {
    let mut out = Vec::with_capacity(rulebook.dimensions().len());
    score_into(rulebook, mission.ratings(), &mut out);
    out
}

/// Scores `ratings` (one per factor of `rulebook`) into `out`, reusing its
/// allocation.
pub fn score_into(rulebook: &Rulebook, ratings: &[Rating], out: &mut Vec<DimensionScore>) {
    out.clear();
    score_append(rulebook, ratings, out);
}

/// Scores many missions into one flat vector: `out` gets one
/// [`DimensionScore`] per dimension per mission, mission after mission
/// (`out[m * dims + d]`). The rulebook is resolved once and nothing is
/// allocated per mission; `out` is reused across calls.
///
/// ```
/// use integration_readiness::{assess::score_batch, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml("[mission]\nname = \"M\"\n", "m.toml", &rb)?;
/// let portfolio = vec![m.clone(), m];
/// let mut out = Vec::new();
/// score_batch(&rb, &portfolio, &mut out);
/// assert_eq!(out.len(), 2 * rb.dimensions().len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn score_batch<'a>(
    rulebook: &Rulebook,
    missions: impl IntoIterator<Item = &'a Mission>,
    out: &mut Vec<DimensionScore>,
) {
    out.clear();
    for m in missions {
        score_append(rulebook, m.ratings(), out);
    }
}

/// Scores many rating vectors, each one rating per factor, laid end to end
/// in `ratings` (a sensitivity sweep): `out[k * dims + d]` is vector `k` on
/// dimension `d`. A trailing partial vector is ignored.
///
/// ```
/// use integration_readiness::{score_sweep, Rating, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let n = rb.factors().len();
/// // Every factor at each rated word in turn: five missions.
/// let sweep: Vec<Rating> = Rating::SCALE.iter().flat_map(|&r| std::iter::repeat(r).take(n)).collect();
/// let mut out = Vec::new();
/// score_sweep(&rb, &sweep, &mut out);
/// assert_eq!(out.len(), 5 * rb.dimensions().len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn score_sweep(rulebook: &Rulebook, ratings: &[Rating], out: &mut Vec<DimensionScore>) {
    out.clear();
    let nf = rulebook.factors().len().max(1);
    for chunk in ratings.chunks_exact(nf) {
        score_append(rulebook, chunk, out);
    }
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
        let row = rulebook.weights_of(f);
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

fn score_append(rulebook: &Rulebook, ratings: &[Rating], out: &mut Vec<DimensionScore>) {
    place_all(rulebook, ratings, &tallies(rulebook, ratings), out);
}

/// Scores and levels of every dimension from its weighted sums.
fn place_all(
    rulebook: &Rulebook,
    ratings: &[Rating],
    tallies: &[Tally],
    out: &mut Vec<DimensionScore>,
) {
    for (d, t) in tallies.iter().enumerate() {
        let (score, low, high, coverage) = t.scores();
        let level = place(rulebook, ratings, None, d, score, false);
        let lo = place(rulebook, ratings, None, d, low, false);
        let hi = place(rulebook, ratings, None, d, high, true);
        out.push(DimensionScore {
            score,
            range: [low, high],
            coverage,
            level,
            level_range: [lo, hi],
        });
    }
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

/// The targets per dimension for the mission (`role` = `None`) or an
/// entity of a role, with the rules that could not be decided.
pub(crate) fn targets(
    rb: &Rulebook,
    context: &[Option<usize>],
    role: Option<usize>,
    undecided: &mut Vec<usize>,
) -> Vec<Target> {
    let nd = rb.dimensions().len();
    let levels = rb.levels();
    let rules = &rb.data().rules;
    let mut floor: Vec<usize> = rb.default_targets().to_vec();
    let mut floor_rules: Vec<Vec<String>> = vec![Vec::new(); nd];
    let mut cap: Vec<Option<usize>> = vec![None; nd];
    let mut cap_rules: Vec<Vec<String>> = vec![Vec::new(); nd];
    for (ri, rule) in rb.compiled_rules().iter().enumerate() {
        let applies = match role {
            None => rule.roles.is_empty(),
            Some(r) => {
                let follows = rb.roles().get(r).is_some_and(|x| x.follows_mission);
                (rule.roles.is_empty() && follows) || rule.roles.contains(&r)
            }
        };
        if !applies {
            continue;
        }
        let mut matched = true;
        let mut missing = false;
        for (k, vals) in &rule.when {
            match context.get(*k).copied().flatten() {
                Some(v) if vals.contains(&v) => {}
                Some(_) => matched = false,
                None => missing = true,
            }
        }
        if !matched {
            continue;
        }
        if missing {
            if !undecided.contains(&ri) {
                undecided.push(ri);
            }
            continue;
        }
        let id = &rules[ri].id;
        for &d in &rule.dimensions {
            match rule.bound {
                Bound::AtLeast(l) => {
                    if l > floor[d] {
                        floor[d] = l;
                        floor_rules[d].clear();
                    }
                    if l == floor[d] {
                        floor_rules[d].push(id.clone());
                    }
                }
                Bound::AtMost(l) => {
                    match cap[d] {
                        Some(c) if l > c => continue,
                        Some(c) if l == c => {}
                        _ => cap_rules[d].clear(),
                    }
                    cap[d] = Some(l);
                    cap_rules[d].push(id.clone());
                }
            }
        }
    }
    (0..nd)
        .map(|d| {
            let f = floor[d];
            match cap[d] {
                Some(c) if c < f => Target {
                    capped: true,
                    level: levels[c].id.clone(),
                    level_index: c,
                    set_by: cap_rules[d].clone(),
                    tension: Some(Tension {
                        floor: levels[f].id.clone(),
                        floor_rules: if floor_rules[d].is_empty() {
                            vec!["default-target".to_owned()]
                        } else {
                            floor_rules[d].clone()
                        },
                        cap: levels[c].id.clone(),
                        cap_rules: cap_rules[d].clone(),
                    }),
                },
                Some(c) if c == f => {
                    let mut set_by = floor_rules[d].clone();
                    set_by.extend(cap_rules[d].iter().cloned());
                    Target {
                        level: levels[f].id.clone(),
                        level_index: f,
                        set_by,
                        tension: None,
                        capped: true,
                    }
                }
                _ => Target {
                    level: levels[f].id.clone(),
                    level_index: f,
                    set_by: floor_rules[d].clone(),
                    tension: None,
                    capped: false,
                },
            }
        })
        .collect()
}

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
    let dims = rb.dimensions();
    let nd = dims.len();
    let levels = rb.levels();
    let factors = rb.factors();
    let ratings = m.ratings();
    let mut undecided = Vec::new();

    // One pass for the sums, used for the scores and the explanations.
    let tallies = tallies(rb, ratings);
    let mut scores = Vec::with_capacity(nd);
    place_all(rb, ratings, &tallies, &mut scores);
    let mission_targets = targets(rb, &m.context, None, &mut undecided);

    let mut dimensions = Vec::with_capacity(nd);
    for (d, dim) in dims.iter().enumerate() {
        let s = scores[d];
        let target = mission_targets[d].clone();
        let next = (s.level + 1 < levels.len()).then(|| {
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
                    let src = rb.gate_source(gate);
                    let (bound, rating) = match gate.bound {
                        Bound::AtLeast(r) => ("at-least", r),
                        Bound::AtMost(r) => ("at-most", r),
                    };
                    blockers.push(Blocker::Gate {
                        factor: factors[gate.factor].id.clone(),
                        bound,
                        rating,
                        actual,
                        because: src.because.clone(),
                        citation: src.citation.clone(),
                    });
                }
            }
            NextLevel {
                level: levels[l].id.clone(),
                blockers,
            }
        });
        dimensions.push(DimensionResult {
            id: dim.id.clone(),
            title: dim.title.clone(),
            score: s.score,
            score_range: s.range,
            coverage: s.coverage,
            applicable: tallies[d].applies(),
            waived_gates: (1..=(s.level + 1).min(levels.len().saturating_sub(1)))
                .flat_map(|l| rb.gates_of(l, d))
                .filter(|g| m.rating(g.factor) == Rating::NotApplicable)
                .map(|g| factors[g.factor].id.clone())
                .collect(),
            no_evidence: tallies[d].rated <= 0.0 && tallies[d].unknown > 0.0,
            level: levels[s.level].id.clone(),
            level_range: [
                levels[s.level_range[0]].id.clone(),
                levels[s.level_range[1]].id.clone(),
            ],
            level_index: [s.level, s.level_range[0], s.level_range[1]],
            next,
            target: target.level.clone(),
            verdict: if tallies[d].any_rated() {
                Verdict::of(s.level, target.level_index)
            } else {
                Verdict::Undetermined
            },
            provisional: tallies[d].applies() && s.coverage < PROVISIONAL_COVERAGE,
            target_detail: target,
        });
    }

    // Overall, weighted by dimension, over the dimensions where some
    // factor applies.
    let weights = overall_weights(rb, &tallies);
    let wmean = |f: &dyn Fn(&DimensionScore) -> f64| -> f64 {
        weighted_mean(&weights, scores.iter().map(f))
    };
    let o_low = wmean(&|s| s.range[0]);
    let o_high = wmean(&|s| s.range[1]).max(o_low);
    let o_score = wmean(&|s| s.score).clamp(o_low, o_high);
    let (rated_all, total_all) = tallies.iter().fold((0.0, 0.0), |(r, t), x| {
        (r + x.rated, t + x.rated + x.unknown)
    });
    let overall = Overall {
        score: o_score,
        score_range: [o_low, o_high],
        coverage: if total_all > 0.0 {
            rated_all / total_all
        } else {
            0.0
        },
        // Undetermined sorts last, so one undetermined dimension that counts
        // makes the overall undetermined; so does having none that counts.
        verdict: dimensions
            .iter()
            .filter(|d| d.applicable)
            .map(|d| d.verdict)
            .max()
            .unwrap_or(Verdict::Undetermined),
    };

    // Factors.
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
            id: factor.id.clone(),
            title: factor.title.clone(),
            polarity: factor.polarity,
            theme: rb.themes()[rb.theme_of(f)].id.clone(),
            rating: m.has_evidence.get(f).copied().unwrap_or(false).then_some(r),
            weights: PerDimension::new(rb, weights),
            contributions: PerDimension::new(rb, earned),
            lost: PerDimension::new(rb, lost),
            citation: factor.citation.clone(),
        });
    }

    // Themes, over all dimensions, in one pass over the factors.
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
    let themes = rb
        .themes()
        .iter()
        .zip(&by_theme)
        .map(|(theme, &(e, rated, unknown))| ThemeResult {
            id: theme.id.clone(),
            title: theme.title.clone(),
            score: (rated > 0.0).then(|| (100.0 * e / rated).clamp(0.0, 100.0)),
            coverage: if rated + unknown > 0.0 {
                rated / (rated + unknown)
            } else {
                0.0
            },
        })
        .collect();

    // Entities: their own targets, asymmetric by role.
    let data = named.data();
    let entities = m
        .entities
        .iter()
        .zip(&m.data().entities)
        .map(|(e, src)| {
            let t = targets(rb, &m.context, Some(e.role), &mut undecided);
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
            for d in 0..nd {
                let cur = e.current.get(d).copied().flatten();
                current.push(cur.map(|l| levels[l].id.clone()));
                match cur {
                    Some(c) if c > t[d].level_index => {
                        over.push(dims[d].id.clone());
                        if t[d].capped {
                            above_cap.push(dims[d].id.clone());
                        }
                        gap.push(0);
                    }
                    Some(c) => gap.push(t[d].level_index - c),
                    None => gap.push(0),
                }
            }
            EntityResult {
                name,
                role: rb.roles()[e.role].id.clone(),
                target: PerDimension::new(
                    rb,
                    t.iter().map(|x| x.level.clone()).collect::<Values<_>>(),
                ),
                target_detail: PerDimension::new(rb, t),
                current: PerDimension::new(rb, current),
                over_integrated: over,
                above_cap,
                gap: PerDimension::new(rb, gap),
            }
        })
        .collect();

    let recommendations = recommend(rb, m, &scores, &tallies, &dimensions);

    // Evidence gaps: how much of the overall range each unknown holds.
    let mut evidence_gaps: Vec<EvidenceGap> = factors
        .iter()
        .enumerate()
        .filter(|(f, _)| m.rating(*f) == Rating::Unknown)
        .map(|(f, factor)| {
            let at_stake = weighted_mean(
                &weights,
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
                factor: factor.id.clone(),
                title: factor.title.clone(),
                at_stake,
                question: factor.question.clone(),
            }
        })
        .collect();
    evidence_gaps.sort_by(|a, b| b.at_stake.total_cmp(&a.at_stake));

    undecided.sort_unstable();
    Assessment {
        rulebook: rb.info().id.clone(),
        mission: MissionSummary {
            name: data.mission.name.clone(),
            date: data.mission.date.clone(),
        },
        dimensions,
        overall,
        themes,
        factors: factor_results,
        entities,
        recommendations,
        evidence_gaps,
        context: rb
            .context_keys()
            .iter()
            .map(|k| (k.key.clone(), data.context.get(&k.key).cloned()))
            .collect(),
        undecided_rules: undecided
            .into_iter()
            .map(|r| rb.data().rules[r].id.clone())
            .collect(),
        warnings: Vec::new(),
    }
}

/// The one-step changes, ranked: first those that lift a below-target
/// dimension to its next level, then by overall score gained per unit of
/// effort, then by rulebook order.
fn recommend(
    rb: &Rulebook,
    m: &Mission,
    scores: &[DimensionScore],
    tallies: &[Tally],
    dims_out: &[DimensionResult],
) -> Vec<Recommendation> {
    let dims = rb.dimensions();
    let nd = dims.len();
    let weights = overall_weights(rb, tallies);
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
                    lifts.push(dims[d].id.clone());
                }
            }
        }
        let gain = weighted_mean(&weights, gains.iter().copied());
        if gain <= 0.0 && lifts.is_empty() {
            continue;
        }
        let effort = m.effort(f).unwrap_or(factor.effort);
        out.push(Recommendation {
            factor: factor.id.clone(),
            title: factor.title.clone(),
            from,
            to,
            gain,
            gains: PerDimension::new(rb, gains),
            lifts,
            effort,
            cost: rb.data().effort_cost.of(effort),
            remedy: factor.remedy.clone(),
            citation: factor.citation.clone(),
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
