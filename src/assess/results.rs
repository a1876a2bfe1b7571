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
/// Ordered from best to least supported: `Ready < AboveTarget < Stretch <
/// NotReady < Undetermined`, so the overall verdict is the greatest of the
/// dimensions'. Over-investment is a finding, but a shortfall weighs more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Verdict {
    /// The level reached is at or above the target (and not above a cap).
    Ready,
    /// The level reached is above a binding cap: over-investment, since
    /// integration is not an end in itself.
    AboveTarget,
    /// One level short of the target.
    Stretch,
    /// Two or more levels short.
    NotReady,
    /// No verdict can be given: too little of the weight is rated, nothing
    /// applies, or the verdict would differ across the targets the missing
    /// context keys allow.
    Undetermined,
}

impl Verdict {
    /// The verdict for a level, a target and the binding cap, if any (level
    /// indices): a level above the lowest matching `at-most` rule is
    /// over-investment rather than readiness, whatever the target.
    ///
    /// ```
    /// use integration_readiness::assess::Verdict;
    /// assert_eq!(Verdict::of(2, 2, None), Verdict::Ready);
    /// assert_eq!(Verdict::of(3, 2, None), Verdict::Ready);
    /// assert_eq!(Verdict::of(3, 2, Some(2)), Verdict::AboveTarget);
    /// // A cap above the target: up to it, ready; beyond it, above target.
    /// assert_eq!(Verdict::of(1, 0, Some(1)), Verdict::Ready);
    /// assert_eq!(Verdict::of(2, 0, Some(1)), Verdict::AboveTarget);
    /// assert_eq!(Verdict::of(1, 2, Some(2)), Verdict::Stretch);
    /// assert_eq!(Verdict::of(0, 2, None), Verdict::NotReady);
    /// ```
    pub fn of(level: usize, target: usize, cap: Option<usize>) -> Verdict {
        if cap.is_some_and(|c| level > c) {
            return Verdict::AboveTarget;
        }
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
            Verdict::AboveTarget => "above-target",
            Verdict::Stretch => "stretch",
            Verdict::NotReady => "not-ready",
            Verdict::Undetermined => "undetermined",
        }
    }

    /// What the verdict means, in a planner's words.
    pub fn meaning(self) -> &'static str {
        match self {
            Verdict::Ready => {
                "the level reached meets the target (above it only where no rule of the situation caps it)"
            }
            Verdict::AboveTarget => {
                "over-investment: the level is above a cap the situation sets (integration is not an end in itself)"
            }
            Verdict::Stretch => "one level short of the target",
            Verdict::NotReady => "two or more levels short of the target",
            Verdict::Undetermined => {
                "no verdict: too little rated (not-applicable claims count as unrated), nothing applies, or the target depends on context not given"
            }
        }
    }

    /// Every verdict, from best to least supported.
    pub const ALL: [Verdict; 5] = [
        Verdict::Ready,
        Verdict::AboveTarget,
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
        /// The level whose threshold it is.
        level: Text,
        /// The score the level needs.
        needed: f64,
        /// The point score.
        score: f64,
    },
    /// A gate of the level does not hold.
    Gate {
        /// The level the gate guards.
        level: Text,
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
        /// Whether the gate may be waived by rating its factor
        /// `not-applicable`.
        waivable: bool,
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
    /// The lowest matching cap, where some `at-most` rule matches (it may
    /// sit above the target): a level above it is over-investment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<Text>,
    /// Its index on the spectrum.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap_index: Option<usize>,
    /// The lowest and highest target over the values the missing context
    /// keys could take (equal when the context decides it). `level` is the
    /// highest: the most any of them asks.
    pub range: [Text; 2],
    /// Spectrum indices of `range`.
    pub range_index: [usize; 2],
    /// The context keys the mission leaves out whose value changes this
    /// target.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub open_keys: Vec<Text>,
    /// Each distinct (target, cap) the completions give.
    #[serde(skip)]
    pub(crate) outcomes: Vec<(usize, Option<usize>)>,
}

impl Target {
    /// The verdict of a dimension at `level` against this target: `None`
    /// when it would differ across the values the missing context keys
    /// could take.
    pub fn verdict_at(&self, level: usize) -> Option<Verdict> {
        let mut it = self.outcomes.iter().map(|&(t, c)| Verdict::of(level, t, c));
        let first = it
            .next()
            .unwrap_or_else(|| Verdict::of(level, self.level_index, self.cap_index));
        it.all(|v| v == first).then_some(first)
    }
}

/// A context key the mission leaves out that the rulebook reads, with the
/// values it could take.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct MissingKey {
    /// The key, e.g. `mandate`.
    pub key: Text,
    /// The values the rulebook declares for it.
    pub values: Vec<ContextValue>,
    /// What the key records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Why no verdict can be given.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Undetermined {
    /// Less than the rulebook's minimum of the applicable weight is rated.
    LowCoverage {
        /// The share rated.
        coverage: f64,
        /// The share a verdict needs.
        needed: f64,
    },
    /// Every factor with weight here is not applicable.
    NothingApplies,
    /// Less than the rulebook's minimum of the weight is rated once the
    /// factors the mission declares `not-applicable` (where its context
    /// does not rule them out) count as unrated: a claim that a factor does
    /// not apply, whatever its note says, is not evidence about it, so it
    /// cannot carry a dimension to a verdict.
    DeclaredNotApplicable {
        /// The share rated, those factors counted as unrated.
        coverage: f64,
        /// The share a verdict needs.
        needed: f64,
        /// Those factors (with weight on the dimension), the heaviest first.
        factors: Vec<Text>,
    },
    /// The verdict differs across the targets the missing keys allow.
    MissingContext {
        /// The keys to state.
        keys: Vec<Text>,
    },
    /// Some dimension that counts toward the overall is undetermined.
    DimensionUndetermined {
        /// Those dimensions.
        dimensions: Vec<Text>,
    },
}

impl fmt::Display for Undetermined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Undetermined::LowCoverage { coverage, .. } if *coverage <= 0.0 => {
                f.write_str("nothing is rated yet")
            }
            Undetermined::LowCoverage { coverage, needed } => write!(
                f,
                "only {:.0}% of the weight is rated; a verdict needs {:.0}%",
                coverage * 100.0,
                needed * 100.0
            ),
            Undetermined::NothingApplies => f.write_str("no factor with weight here applies"),
            Undetermined::DeclaredNotApplicable {
                coverage,
                needed,
                factors,
            } => write!(
                f,
                "only {:.0}% of the weight is rated once {} declared not applicable {} as unrated; a verdict needs {:.0}%",
                coverage * 100.0,
                if factors.len() == 1 {
                    "the factor".to_owned()
                } else {
                    format!("the {} factors", factors.len())
                },
                if factors.len() == 1 {
                    "counts"
                } else {
                    "count"
                },
                needed * 100.0
            ),
            Undetermined::MissingContext { keys } => write!(
                f,
                "the verdict depends on context the mission leaves out: {}",
                keys.join(", ")
            ),
            Undetermined::DimensionUndetermined { dimensions } => {
                write!(f, "not every dimension has one ({})", dimensions.join(", "))
            }
        }
    }
}

/// Why a result is provisional: what could still move its level.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ProvisionalCause {
    /// The unrated factors' weight spans a threshold: the score range
    /// crosses it.
    ScoreRange {
        /// The level whose threshold the range crosses.
        level: Text,
        /// The threshold.
        threshold: f64,
        /// The share of the weight without evidence.
        unrated: f64,
    },
    /// Gates of a level in reach read factors without evidence.
    UnratedGates {
        /// The level they guard.
        level: Text,
        /// Their factors.
        factors: Vec<Text>,
    },
}

impl fmt::Display for ProvisionalCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProvisionalCause::ScoreRange {
                level,
                threshold,
                unrated,
            } => write!(
                f,
                "missing evidence: {:.0}% of the weight is unrated, enough to cross the {:.1} that {level} needs",
                unrated * 100.0,
                threshold
            ),
            ProvisionalCause::UnratedGates { level, factors } => write!(
                f,
                "missing evidence: {level} has a gate on {} without a rating",
                factors.join(", ")
            ),
        }
    }
}

/// A target out of reach, and every reason: each threshold the best
/// achievable score misses and each gate below its need, rated or not,
/// between the level within reach and the target.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct OutOfReach {
    /// The target.
    pub target: Text,
    /// The highest level reachable by changing rated factors alone (the
    /// unrated ones counted at the middle of the scale).
    pub best: Text,
    /// Every threshold and gate in the way.
    pub reasons: Vec<Blocker>,
    /// Whether rating the unrated factors could still bring the target
    /// within reach (at their best, the thresholds and gates in the way
    /// would hold).
    pub unrated_may_help: bool,
    /// Whether it is too early to tell: less than the rulebook's minimum of
    /// the dimension's weight is rated, and the unrated factors could still
    /// bring the target within reach. Reports then say so in a line, not
    /// with every reason.
    pub too_early: bool,
}

/// An entity below a floor that the text asks of its role.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct UnderIntegration {
    /// The dimension.
    pub dimension: Text,
    /// The entity's declared level.
    pub current: Text,
    /// The level the rule asks for.
    pub floor: Text,
    /// The rule.
    pub rule: Text,
    /// Why the text asks it.
    pub because: Text,
    /// Where.
    pub citation: Arc<Citation>,
}

/// Ratings that contradict each other, by a consistency rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Inconsistency {
    /// The rule's id.
    pub rule: Text,
    /// The factors it reads.
    pub factors: Vec<Text>,
    /// Why such ratings contradict each other.
    pub because: Text,
    /// Where the source supports it.
    pub citation: Arc<Citation>,
}

/// The result for one dimension of coherence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DimensionResult {
    /// Dimension id.
    pub id: Text,
    /// Dimension title.
    pub title: Text,
    /// Point score in [0, 100]: the middle of the range, each unrated
    /// factor counted at the middle of the scale.
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
    /// middle of the scale).
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
    /// Ready, above-target, stretch, not-ready, or undetermined.
    pub verdict: Verdict,
    /// Why the verdict is undetermined, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undetermined: Option<Undetermined>,
    /// The unrated factors to rate first: the most weight here first, as
    /// many as bring the coverage to the rulebook's minimum (empty when it
    /// is met).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rate_first: Vec<Text>,
    /// Whether the missing evidence could still move the level: the level
    /// range spans more than one level: the one rule behind every provisional flag.
    pub provisional: bool,
    /// Why it is provisional, in words a reader can act on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub provisional_because: Vec<ProvisionalCause>,
    /// Where the target is out of reach of any change of the rated factors:
    /// every reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_of_reach: Option<OutOfReach>,
}

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
    /// undetermined when none counts, any of them is undetermined, or less
    /// than the rulebook's minimum of all applicable weight is rated.
    pub verdict: Verdict,
    /// Why the overall verdict is undetermined, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undetermined: Option<Undetermined>,
    /// The unrated factors to rate first overall: the most at stake first,
    /// as many as bring the overall coverage to the rulebook's minimum,
    /// then those each undetermined dimension needs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rate_first: Vec<Text>,
    /// Whether the overall verdict could still change with the missing
    /// evidence: some dimension that counts is provisional.
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
    /// Score of the theme in [0, 100], unrated factors at the middle of
    /// the scale; `None` when none is rated.
    pub score: Option<f64>,
    /// Share of the theme's applicable weight that is rated.
    pub coverage: f64,
    /// Whether any of its factors with weight applies (rated or not): a
    /// theme without a score is unrated where one does, not applicable
    /// where none does.
    pub applicable: bool,
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
    /// Whether the factor applies in the mission's context: `false` where
    /// its `applies-when` condition is ruled out, and it leaves the sums.
    pub applies: bool,
    /// Weight per dimension.
    pub weights: PerDimension<f64>,
    /// Points of the point score earned per dimension (an unrated factor
    /// earns half its share: it counts at the middle of the scale).
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
    /// Role ids, as the mission gives them (several for a dual-mandate
    /// agency: it takes the rules of each, and the lowest cap wins).
    pub roles: Vec<Text>,
    /// Target level id per dimension.
    pub target: PerDimension<Text>,
    /// The rules that set each target.
    pub target_detail: PerDimension<Target>,
    /// Declared current level per dimension, where given.
    pub current: PerDimension<Option<Text>>,
    /// Dimensions where the declared level is above a cap that a rule of
    /// the situation sets for it (an `at-most` rule, such as asymmetric
    /// integration for humanitarian actors, or a traditional mandate):
    /// over-investment, as `above-target` is for the mission. Above a floor
    /// or a default target is not flagged: a partner that co-chairs or
    /// pools funds beyond what is asked is doing what the text asks.
    pub over_integrated: Vec<Text>,
    /// Where the declared level is below a floor that a rule of the
    /// entity's role asks for: the partner stays out of what the text asks
    /// of it.
    pub under_integrated: Vec<UnderIntegration>,
    /// Levels short of the target per dimension (0 where at or above it, or
    /// not declared); against the lowest target the missing context allows.
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
    /// The file the mission was read from (`<stdin>` for standard input),
    /// when the program that read it says so: a mission holds no file
    /// name, so the analyses leave this `None` and the command sets it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl MissionSummary {
    /// The name, date and description of `m`, with no file.
    pub(crate) fn of(m: &crate::mission::Mission) -> MissionSummary {
        let data = &m.data().mission;
        MissionSummary {
            name: data.name.clone(),
            date: data.date.clone(),
            description: data.description.clone(),
            file: None,
        }
    }
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
/// where something applies is provisional when the missing evidence could
/// still move its level (its pessimistic and optimistic levels differ).
/// One where nothing applies never is (it has nothing to be sure of).
/// Too little evidence for any verdict is not provisional but
/// [`Verdict::Undetermined`].
pub(crate) fn is_provisional(applicable: bool, level_range: [usize; 2]) -> bool {
    applicable && level_range[0] != level_range[1]
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
    /// The context keys the mission leaves out that the rulebook reads,
    /// with the values each could take: state them.
    pub missing_context: Vec<MissingKey>,
    /// Ratings that contradict each other, by the rulebook's consistency
    /// rules (each also a warning).
    pub inconsistencies: Vec<Inconsistency>,
    /// Anything the assessment had to work around, and every
    /// inconsistency in words.
    pub warnings: Vec<String>,
    /// The rulebook the assessment was made with (a cheap handle), whose
    /// levels, thresholds and themes the reports draw; not part of the JSON.
    #[serde(skip)]
    pub(crate) made_with: crate::Rulebook,
}

impl Assessment {
    /// Whether what to fix first waits for evidence: there is no overall
    /// verdict, and every dimension that counts lacks one for want of
    /// ratings (too little rated, or too much declared not applicable). A
    /// plan would then rest on the unrated factors counted at the middle of
    /// the scale, so the reports ask for ratings instead of changes.
    pub fn awaits_evidence(&self) -> bool {
        let short = |d: &DimensionResult| {
            matches!(
                d.undetermined,
                Some(Undetermined::LowCoverage { .. } | Undetermined::DeclaredNotApplicable { .. })
            )
        };
        let mut counted = self
            .dimensions
            .iter()
            .filter(|d| {
                d.applicable
                    || matches!(
                        d.undetermined,
                        Some(Undetermined::DeclaredNotApplicable { .. })
                    )
            })
            .peekable();
        self.overall.verdict == Verdict::Undetermined
            && counted.peek().is_some()
            && counted.all(short)
    }
}

/// Scores and levels of one dimension: the cheap part of an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DimensionScore {
    /// Point score in [0, 100]: the middle of the range.
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

#[cfg(test)]
mod tests {
    use super::is_provisional;

    #[test]
    fn the_provisional_rule_at_its_edges() {
        // Not applicable: never provisional.
        assert!(!is_provisional(false, [0, 2]));
        assert!(!is_provisional(false, [1, 1]));
        // Provisional exactly when the level range is open (too little
        // coverage is an undetermined verdict, not a provisional one).
        assert!(!is_provisional(true, [0, 0]));
        assert!(!is_provisional(true, [2, 2]));
        assert!(is_provisional(true, [1, 2]));
        assert!(is_provisional(true, [0, 1]));
    }
}
