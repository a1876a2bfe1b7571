//! What an assessment returns: every result type, each number with what
//! makes it.

use crate::text::Text;
use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use super::PerDimension;
use crate::model::{Citation, ContextValue, Effort, Polarity, Rating};

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
        factor: Text,
        /// `at-least` or `at-most`.
        bound: &'static str,
        /// The rating the gate needs.
        rating: Rating,
        /// The factor's rating in the mission (`unknown` without evidence).
        actual: Rating,
        /// Why the level needs it.
        because: Text,
        /// Where the source supports it.
        citation: Arc<Citation>,
    },
}

/// The next level of a dimension and what stops it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct NextLevel {
    /// The level above the one reached.
    pub level: Text,
    /// Every threshold and gate that fails there.
    pub blockers: Vec<Blocker>,
}

/// A target rule's floor above its cap: the cap wins.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Tension {
    /// The highest floor.
    pub floor: Text,
    /// The rules that set it.
    pub floor_rules: Vec<Text>,
    /// The lowest cap, which wins.
    pub cap: Text,
    /// The rules that set it.
    pub cap_rules: Vec<Text>,
}

/// The target of one dimension, for the mission or an entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Target {
    /// The target level id.
    pub level: Text,
    /// Its index on the spectrum.
    pub level_index: usize,
    /// The matching rules that set it (empty: the rulebook's default).
    pub set_by: Vec<Text>,
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
    pub id: Text,
    /// Dimension title.
    pub title: Text,
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
    pub waived_gates: Vec<Text>,
    /// Whether no factor on this dimension is rated (the score is then the
    /// bottom of the range).
    pub no_evidence: bool,
    /// The level reached by the point score (unknown gates fail).
    pub level: Text,
    /// Pessimistic and optimistic levels.
    pub level_range: [Text; 2],
    /// Spectrum indices of `level` and `level_range`.
    pub level_index: [usize; 3],
    /// The next level and what stops it; `None` at the top.
    pub next: Option<NextLevel>,
    /// The target level.
    pub target: Text,
    /// How the target was set.
    pub target_detail: Target,
    /// Ready, stretch, not-ready, or undetermined when nothing on the
    /// dimension is rated or nothing applies.
    pub verdict: Verdict,
    /// Whether the missing evidence could still change the verdict: less
    /// than [`PROVISIONAL_COVERAGE`] of the weight is rated, or the level
    /// range spans more than one level (see [`is_provisional`]).
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
    /// Whether the overall verdict could still change with the missing
    /// evidence: any dimension that counts is provisional, or less than
    /// [`PROVISIONAL_COVERAGE`] of all applicable weight is rated (see
    /// [`is_provisional`]).
    pub provisional: bool,
}

/// The score of one theme, over all dimensions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ThemeResult {
    /// Theme id.
    pub id: Text,
    /// Theme title.
    pub title: Text,
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
    pub id: Text,
    /// Title.
    pub title: Text,
    /// Enabler or barrier.
    pub polarity: Polarity,
    /// Theme id.
    pub theme: Text,
    /// The mission's rating; `None` when it gives no evidence.
    pub rating: Option<Rating>,
    /// Weight per dimension.
    pub weights: PerDimension<f64>,
    /// Points of the point score earned per dimension.
    pub contributions: PerDimension<f64>,
    /// Points of the point score lost per dimension.
    pub lost: PerDimension<f64>,
    /// Where the source names it.
    pub citation: Arc<Citation>,
    /// The assessor's note on the rating, when the mission gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The sources of the rating, when the mission gives them.
    #[serde(skip_serializing_if = "<[Text]>::is_empty")]
    pub sources: Arc<[Text]>,
}

/// One entity's targets (asymmetric integration) and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct EntityResult {
    /// Name.
    pub name: String,
    /// Role id.
    pub role: Text,
    /// Target level id per dimension.
    pub target: PerDimension<Text>,
    /// The rules that set each target.
    pub target_detail: PerDimension<Target>,
    /// Declared current level per dimension, where given.
    pub current: PerDimension<Option<Text>>,
    /// Dimensions where the declared level is above the target: integration
    /// beyond what the situation calls for.
    pub over_integrated: Vec<Text>,
    /// Of those, the dimensions where the target is a cap (an `at-most`
    /// rule, such as asymmetric integration for humanitarian actors).
    pub above_cap: Vec<Text>,
    /// Levels short of the target per dimension (0 where at or above it, or
    /// not declared).
    pub gap: PerDimension<usize>,
    /// The mission's note on the entity, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A one-step rating change and what it buys.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Recommendation {
    /// Factor id.
    pub factor: Text,
    /// Title.
    pub title: Text,
    /// Current rating.
    pub from: Rating,
    /// Rating after the change (an enabler up one step, a barrier down one).
    pub to: Rating,
    /// Points of overall score gained.
    pub gain: f64,
    /// Points gained per dimension.
    pub gains: PerDimension<f64>,
    /// Dimensions whose level this change alone raises (to the next level,
    /// its gates included); a change that lifts one below its target comes
    /// before those that do not.
    pub lifts: Vec<Text>,
    /// Effort to change the factor.
    pub effort: Effort,
    /// Its cost (from the rulebook's effort costs).
    pub cost: f64,
    /// What to do.
    pub remedy: Text,
    /// Where the source names the factor.
    pub citation: Arc<Citation>,
}

/// A factor without evidence, and how much of the overall range it holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct EvidenceGap {
    /// Factor id.
    pub factor: Text,
    /// Title.
    pub title: Text,
    /// Points of the overall score range that rating it would settle.
    pub at_stake: f64,
    /// The assessor's question.
    pub question: Text,
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
    /// Why the assessment was made, by whom, from what.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Which rulebook, exactly, a result was made with, and by which version of
/// this crate: an edited rulebook keeps its id but not its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Provenance {
    /// The rulebook's id.
    pub id: Text,
    /// The rulebook's version.
    pub version: Text,
    /// [`Rulebook::content_fingerprint`](crate::Rulebook::content_fingerprint).
    pub fingerprint: String,
    /// The version of this crate that made the result.
    pub crate_version: &'static str,
}

impl Provenance {
    /// The provenance of results made with `rulebook` by this crate.
    pub fn of(rulebook: &crate::Rulebook) -> Provenance {
        Provenance {
            id: rulebook.names().rulebook.clone(),
            version: rulebook.info().version.as_str().into(),
            fingerprint: rulebook.content_fingerprint(),
            crate_version: env!("CARGO_PKG_VERSION"),
        }
    }
}

impl fmt::Display for Provenance {
    /// `rulebook oslo-2007 2.0.0 (fingerprint 0123456789abcdef), integration-readiness 0.1.0`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "rulebook {} {} (fingerprint {}), integration-readiness {}",
            self.id, self.version, self.fingerprint, self.crate_version
        )
    }
}

/// The one rule that decides whether a result is provisional: a dimension
/// where something applies is provisional when less than
/// [`PROVISIONAL_COVERAGE`] of its weight is rated, or when the missing
/// evidence could still move its level (its pessimistic and optimistic
/// levels differ). A dimension with nothing rated is always provisional;
/// one where nothing applies never is (it has nothing to be sure of).
pub fn is_provisional(applicable: bool, coverage: f64, level_range: [usize; 2]) -> bool {
    applicable && (coverage < PROVISIONAL_COVERAGE || level_range[0] != level_range[1])
}

/// The full assessment of a mission against a rulebook: every number with
/// what makes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Assessment {
    /// The rulebook (id, version, content fingerprint) and the crate version.
    pub rulebook: Provenance,
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
    pub context: Vec<(Text, Option<ContextValue>)>,
    /// Target rules that could not be decided because the mission leaves a
    /// context key out.
    pub undecided_rules: Vec<Text>,
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
