//! The domain model as data: what a rulebook file and a mission file hold.
//!
//! These types mirror the files one to one (kebab-case keys, unknown keys
//! rejected), so that a loaded file serializes back to an equal value. They
//! carry ids, not indices: [`crate::Rulebook`] and [`crate::Mission`] check
//! them and resolve them once to dense indices for the scoring core.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub(crate) use crate::words::{Effort, Polarity, Rating};

/// A map that refuses duplicate keys. TOML's parser already does; this
/// keeps JSON input (where the last duplicate would silently win) honest.
fn unique_keys<'de, D, K, V>(d: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    struct Visit<K, V>(std::marker::PhantomData<(K, V)>);
    impl<'de, K, V> serde::de::Visitor<'de> for Visit<K, V>
    where
        K: Deserialize<'de> + Ord + fmt::Display,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a table")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<K, V>()? {
                let key = k.to_string();
                if out.insert(k, v).is_some() {
                    return Err(serde::de::Error::custom(format!("duplicate key `{key}`")));
                }
            }
            Ok(out)
        }
    }
    d.deserialize_map(Visit(std::marker::PhantomData))
}

/// Where in the source text an idea comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct Citation {
    /// The section, e.g. `Executive summary` or `1.2 Defining integration`.
    pub section: String,
    /// The paragraph within the section, counted from 1.
    pub paragraph: u32,
    /// A locating phrase of at most eight words from that paragraph.
    pub phrase: String,
}

impl Citation {
    /// A citation of `paragraph` (counted from 1) of `section`, located by
    /// `phrase` (at most eight words of that paragraph).
    pub fn new(section: impl Into<String>, paragraph: u32, phrase: impl Into<String>) -> Self {
        Citation {
            section: section.into(),
            paragraph,
            phrase: phrase.into(),
        }
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, para. {} (\"{}\")",
            self.section, self.paragraph, self.phrase
        )
    }
}

/// A value of a context key: a word, or true/false.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum ContextValue {
    /// A yes/no fact, such as `humanitarian-operations = true`.
    Flag(bool),
    /// A word, such as `mandate = "multidimensional"`.
    Word(String),
}

impl fmt::Display for ContextValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContextValue::Flag(b) => write!(f, "{b}"),
            ContextValue::Word(w) => write!(f, "\"{w}\""),
        }
    }
}

impl ContextValue {
    /// The word of a word value; `None` for a flag.
    pub fn as_word(&self) -> Option<&str> {
        match self {
            ContextValue::Word(w) => Some(w),
            ContextValue::Flag(_) => None,
        }
    }
}

impl From<bool> for ContextValue {
    fn from(b: bool) -> Self {
        ContextValue::Flag(b)
    }
}

impl From<&str> for ContextValue {
    fn from(w: &str) -> Self {
        ContextValue::Word(w.to_owned())
    }
}

impl From<String> for ContextValue {
    fn from(w: String) -> Self {
        ContextValue::Word(w)
    }
}

/// One value, or any of several, in the condition of a target rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Condition {
    /// Matches exactly this value.
    One(ContextValue),
    /// Matches any of these values.
    AnyOf(Vec<ContextValue>),
}

impl Condition {
    /// The values this condition accepts.
    pub fn values(&self) -> &[ContextValue] {
        match self {
            Condition::One(v) => std::slice::from_ref(v),
            Condition::AnyOf(vs) => vs,
        }
    }
}

/// The `[rulebook]` table: what the rulebook is and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct RulebookInfo {
    /// Short id, e.g. `oslo-2007`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Version of the rulebook's content.
    pub version: String,
    /// What the rulebook models and how it reads its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Bibliographic reference of the source text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Weight of a factor on a dimension its `weights` table leaves out.
    #[serde(default = "default_weight")]
    pub default_weight: f64,
    /// The least share of a dimension's applicable weight (and of all
    /// applicable weight, for the overall) that must be rated for a
    /// verdict: below it the verdict is `undetermined`. From 0 to 1;
    /// 0.5 when left out.
    #[serde(default = "default_min_coverage")]
    pub min_coverage: f64,
}

impl RulebookInfo {
    /// A rulebook's identity, with the default weight (1) and minimum
    /// coverage (0.5), and no description or source.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        version: impl Into<String>,
    ) -> Self {
        RulebookInfo {
            id: id.into(),
            title: title.into(),
            version: version.into(),
            description: None,
            source: None,
            default_weight: default_weight(),
            min_coverage: default_min_coverage(),
        }
    }
}

fn default_weight() -> f64 {
    1.0
}

fn default_min_coverage() -> f64 {
    0.5
}

/// The numeric cost of each effort word, used to rank recommendations and
/// to find the cheapest plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct EffortCost {
    /// Cost of a `low` effort change.
    pub low: f64,
    /// Cost of a `medium` effort change.
    pub medium: f64,
    /// Cost of a `high` effort change.
    pub high: f64,
    /// Why these costs (the rulebook authors' judgement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl EffortCost {
    /// The cost of one step at each effort, with no reason given.
    pub fn new(low: f64, medium: f64, high: f64) -> Self {
        EffortCost {
            low,
            medium,
            high,
            reason: None,
        }
    }
}

impl EffortCost {
    /// The cost of one effort word.
    pub fn of(&self, effort: Effort) -> f64 {
        match effort {
            Effort::Low => self.low,
            Effort::Medium => self.medium,
            Effort::High => self.high,
        }
    }
}

impl Default for EffortCost {
    fn default() -> Self {
        EffortCost {
            low: 1.0,
            medium: 2.0,
            high: 4.0,
            reason: None,
        }
    }
}

/// One rung of the integration spectrum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct Level {
    /// Id, e.g. `cooperation`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// What the level means in practice.
    pub meaning: String,
    /// Where the meaning comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The source in a few words, as reports name it (e.g. `Himmelman's
    /// continuum`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cited_as: Option<String>,
    /// Score a dimension needs to reach this level, per dimension id. The
    /// lowest level has none; every other level needs one per dimension.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub threshold: BTreeMap<String, f64>,
    /// Why the thresholds are where they are (the rulebook authors'
    /// judgement; the source text gives no numbers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold_reason: Option<String>,
}

impl Level {
    /// A level of the spectrum with no thresholds (the lowest level has
    /// none); add them per dimension in `threshold`.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        meaning: impl Into<String>,
    ) -> Self {
        Level {
            id: id.into(),
            title: title.into(),
            meaning: meaning.into(),
            source: None,
            cited_as: None,
            threshold: BTreeMap::new(),
            threshold_reason: None,
        }
    }
}

/// A level of policy coherence on which a mission is placed separately.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct Dimension {
    /// Id, e.g. `strategic`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// What coherence on this dimension means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The level this dimension should reach when no rule says otherwise.
    pub default_target: String,
    /// Weight of this dimension in the overall score.
    #[serde(default = "default_weight")]
    pub weight: f64,
    /// Where the dimension comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
}

impl Dimension {
    /// A dimension of weight 1 whose target, where no rule says otherwise,
    /// is the level `default_target`.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        default_target: impl Into<String>,
    ) -> Self {
        Dimension {
            id: id.into(),
            title: title.into(),
            description: None,
            default_target: default_target.into(),
            weight: default_weight(),
            citation: None,
        }
    }
}

/// A group of factors, following the chapters of the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct Theme {
    /// Id, e.g. `leadership-and-management`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// What the theme covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Theme {
    /// A theme with no description.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Theme {
            id: id.into(),
            title: title.into(),
            description: None,
        }
    }
}

/// A kind of actor in a mission; target rules can be limited to roles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct Role {
    /// Id, e.g. `humanitarian`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Who takes this role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the mission-wide target rules (those without `roles`) apply
    /// to entities of this role. `false` for partners outside the UN system,
    /// which keep the default targets and the rules of their own role.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub follows_mission: bool,
}

impl Role {
    /// A role that follows the mission's targets, with no description.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Role {
            id: id.into(),
            title: title.into(),
            description: None,
            follows_mission: yes(),
        }
    }
}

fn yes() -> bool {
    true
}

fn is_yes(b: &bool) -> bool {
    *b
}

/// A fact about a mission that target rules read, with its allowed values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct ContextKey {
    /// The key, e.g. `mandate`.
    pub key: String,
    /// What the key records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The values a mission may give it.
    pub values: Vec<ContextValue>,
}

impl ContextKey {
    /// A context key and the values it allows, with no description.
    pub fn new(key: impl Into<String>, values: Vec<ContextValue>) -> Self {
        ContextKey {
            key: key.into(),
            description: None,
            values,
        }
    }
}

/// One enabler or barrier of integration, with its citation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct Factor {
    /// Id, kebab-case, unique in the rulebook.
    pub id: String,
    /// Enabler or barrier.
    pub polarity: Polarity,
    /// Theme id.
    pub theme: String,
    /// Short human title.
    pub title: String,
    /// What the factor is.
    pub description: String,
    /// The question an assessor asks to rate it.
    pub question: String,
    /// What each rating word means for this factor, where that is not obvious.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub rating_guide: BTreeMap<Rating, String>,
    /// Weight per dimension id; a dimension left out takes the rulebook's
    /// default weight.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub weights: BTreeMap<String, f64>,
    /// Why a weight differs from the default, per dimension id.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub weight_reasons: BTreeMap<String, String>,
    /// How hard the factor is to change.
    pub effort: Effort,
    /// Why the effort word was chosen (the rulebook authors' judgement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort_reason: Option<String>,
    /// What to do about it.
    pub remedy: String,
    /// Where the source names it.
    pub citation: Citation,
    /// Further places in the source that bear on it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<Citation>,
    /// The context in which the factor applies (context key -> value or
    /// values, all of which must match); empty: every mission. Where the
    /// context says it applies, `not-applicable` is refused; where the
    /// context rules it out, the factor leaves the sums.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub applies_when: BTreeMap<String, Condition>,
}

impl Factor {
    /// A factor of medium effort with no weights (each dimension then
    /// takes the rulebook's default weight), no rating guide and no
    /// conditions. Its `description`, `question` and `remedy` start empty:
    /// [`Rulebook::new`](crate::Rulebook::new) refuses them empty, so set them.
    pub fn new(
        id: impl Into<String>,
        polarity: Polarity,
        theme: impl Into<String>,
        title: impl Into<String>,
        citation: Citation,
    ) -> Self {
        Factor {
            id: id.into(),
            polarity,
            theme: theme.into(),
            title: title.into(),
            description: String::new(),
            question: String::new(),
            rating_guide: BTreeMap::new(),
            weights: BTreeMap::new(),
            weight_reasons: BTreeMap::new(),
            effort: Effort::Medium,
            effort_reason: None,
            remedy: String::new(),
            citation,
            see_also: Vec::new(),
            applies_when: BTreeMap::new(),
        }
    }
}

/// A gate: a factor that must be at least (enabler) or at most (barrier)
/// some rating for a level to be reached on some dimensions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct Gate {
    /// The level the gate guards (not the lowest).
    pub level: String,
    /// The dimensions on which it applies.
    pub dimensions: Vec<String>,
    /// The factor it reads.
    pub factor: String,
    /// For an enabler: the least rating that opens the gate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<Rating>,
    /// For a barrier: the most rating that still opens the gate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<Rating>,
    /// Why the level needs it.
    pub because: String,
    /// Where the source supports it.
    pub citation: Citation,
    /// The context in which the gate binds (context key -> value or
    /// values, all of which must match); empty: every mission. A gate whose
    /// condition the mission leaves open binds.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub when: BTreeMap<String, Condition>,
    /// Whether rating the gate's factor `not-applicable` may waive it.
    /// `false` where the source calls the condition indispensable: the
    /// rating is then refused wherever the gate binds.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub waivable: bool,
}

impl Gate {
    /// A waivable gate of `level` on `dimensions`, read from `factor`, that
    /// binds in every context. Set `at_least` (an enabler) or `at_most` (a
    /// barrier): the checks refuse a gate with neither.
    pub fn new(
        level: impl Into<String>,
        dimensions: Vec<String>,
        factor: impl Into<String>,
        because: impl Into<String>,
        citation: Citation,
    ) -> Self {
        Gate {
            level: level.into(),
            dimensions,
            factor: factor.into(),
            at_least: None,
            at_most: None,
            because: because.into(),
            citation,
            when: BTreeMap::new(),
            waivable: yes(),
        }
    }
}

/// One condition of a consistency rule: a factor rated at least or at most
/// some word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct RatingCondition {
    /// The factor it reads.
    pub factor: String,
    /// Holds when the factor is rated this word or higher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<Rating>,
    /// Holds when the factor is rated this word or lower.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<Rating>,
}

impl RatingCondition {
    /// A condition on `factor` with no bound yet: set `at_least` or
    /// `at_most`.
    pub fn new(factor: impl Into<String>) -> Self {
        RatingCondition {
            factor: factor.into(),
            at_least: None,
            at_most: None,
        }
    }
}

/// A consistency rule: ratings that contradict each other, by the source.
/// When every condition holds (unknown and not-applicable ratings hold
/// none), the assessment warns, with the reason and the citation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct ConsistencyRule {
    /// Id, unique among the consistency rules.
    pub id: String,
    /// The conditions, all of which must hold (at least two).
    pub all: Vec<RatingCondition>,
    /// Why such ratings contradict each other.
    pub because: String,
    /// Where the source supports it.
    pub citation: Citation,
}

impl ConsistencyRule {
    /// A consistency rule: the ratings `all` describe together are
    /// inconsistent, `because`.
    pub fn new(
        id: impl Into<String>,
        all: Vec<RatingCondition>,
        because: impl Into<String>,
        citation: Citation,
    ) -> Self {
        ConsistencyRule {
            id: id.into(),
            all,
            because: because.into(),
            citation,
        }
    }
}

/// A target rule: when the context matches, a dimension's target is at
/// least (a floor) or at most (a cap) some level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct TargetRule {
    /// Id, unique among the rules.
    pub id: String,
    /// Context key -> value (or values) that must all match; empty matches
    /// every mission.
    #[serde(default, deserialize_with = "unique_keys")]
    pub when: BTreeMap<String, Condition>,
    /// Roles the rule is limited to; empty means the mission as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// The dimensions whose target it sets.
    pub dimensions: Vec<String>,
    /// A floor: the target is at least this level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<String>,
    /// A cap: the target is at most this level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<String>,
    /// Why.
    pub because: String,
    /// Where the source supports it.
    pub citation: Citation,
}

impl TargetRule {
    /// A rule on `dimensions` that holds in every context, for the mission
    /// (no roles). Set `at_least` or `at_most` (a level id), and `when` and
    /// `roles` to narrow it.
    pub fn new(
        id: impl Into<String>,
        dimensions: Vec<String>,
        because: impl Into<String>,
        citation: Citation,
    ) -> Self {
        TargetRule {
            id: id.into(),
            when: BTreeMap::new(),
            roles: Vec::new(),
            dimensions,
            at_least: None,
            at_most: None,
            because: because.into(),
            citation,
        }
    }
}

/// A whole rulebook file, as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct RulebookData {
    /// What the rulebook is.
    pub rulebook: RulebookInfo,
    /// Cost of each effort word.
    #[serde(default)]
    pub effort_cost: EffortCost,
    /// The spectrum, lowest level first.
    #[serde(rename = "level")]
    pub levels: Vec<Level>,
    /// The dimensions of coherence.
    #[serde(rename = "dimension")]
    pub dimensions: Vec<Dimension>,
    /// The themes.
    #[serde(rename = "theme")]
    pub themes: Vec<Theme>,
    /// The roles of entities.
    #[serde(rename = "role", default)]
    pub roles: Vec<Role>,
    /// The context keys.
    #[serde(rename = "context", default)]
    pub context: Vec<ContextKey>,
    /// The enablers and barriers.
    #[serde(rename = "factor")]
    pub factors: Vec<Factor>,
    /// The gates of levels.
    #[serde(rename = "gate", default, skip_serializing_if = "Vec::is_empty")]
    pub gates: Vec<Gate>,
    /// The target rules.
    #[serde(rename = "rule", default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<TargetRule>,
    /// The consistency rules.
    #[serde(rename = "consistency", default, skip_serializing_if = "Vec::is_empty")]
    pub consistency: Vec<ConsistencyRule>,
}

impl RulebookData {
    /// An empty rulebook with the default effort costs: add its levels,
    /// dimensions, themes and factors before [`Rulebook::new`](crate::Rulebook::new)
    /// checks it.
    pub fn new(rulebook: RulebookInfo) -> Self {
        RulebookData {
            rulebook,
            effort_cost: EffortCost::default(),
            levels: Vec::new(),
            dimensions: Vec::new(),
            themes: Vec::new(),
            roles: Vec::new(),
            context: Vec::new(),
            factors: Vec::new(),
            gates: Vec::new(),
            rules: Vec::new(),
            consistency: Vec::new(),
        }
    }
}

/// The `[mission]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct MissionInfo {
    /// The mission's name.
    pub name: String,
    /// The date of the assessment (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What the mission is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Who made this assessment, where several assessors each rate the
    /// mission alone and a panel brings their ratings together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessor: Option<String>,
}

impl MissionInfo {
    /// A mission's name, with no date, description or assessor.
    pub fn new(name: impl Into<String>) -> Self {
        MissionInfo {
            name: name.into(),
            date: None,
            description: None,
            assessor: None,
        }
    }
}

/// The rating of one factor, with what supports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct Evidence {
    /// How present the factor is.
    pub rating: Rating,
    /// The assessor's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Documents, interviews or reviews that support the rating.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

impl Evidence {
    /// Evidence of `rating`, with no note or sources.
    pub fn new(rating: Rating) -> Self {
        Evidence {
            rating,
            note: None,
            sources: Vec::new(),
        }
    }
}

/// An actor in the mission with a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct Entity {
    /// Name, e.g. `OCHA`.
    pub name: String,
    /// Role id, or a list of them for an actor with several roles (a
    /// dual-mandate agency such as UNICEF: `["development", "humanitarian"]`).
    pub role: Roles,
    /// Its current level of integration, per dimension id (level ids).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub current: BTreeMap<String, String>,
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Entity {
    /// A partner entity in `role` (one role id, or several), with no
    /// current levels or note.
    pub fn new(name: impl Into<String>, role: impl Into<Roles>) -> Self {
        Entity {
            name: name.into(),
            role: role.into(),
            current: BTreeMap::new(),
            note: None,
        }
    }
}

/// The role of an entity: one role id, or a list of them, kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(untagged))]
pub enum Roles {
    /// One role, e.g. `"humanitarian"`.
    One(String),
    /// Several roles, e.g. `["development", "humanitarian"]`.
    Several(Vec<String>),
}

impl Roles {
    /// The role ids, in the order written.
    pub fn ids(&self) -> &[String] {
        match self {
            Roles::One(r) => std::slice::from_ref(r),
            Roles::Several(rs) => rs,
        }
    }
}

impl fmt::Display for Roles {
    /// The ids joined with ` and `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.ids().join(" and "))
    }
}

impl From<&str> for Roles {
    fn from(r: &str) -> Self {
        Roles::One(r.to_owned())
    }
}

impl From<String> for Roles {
    fn from(r: String) -> Self {
        Roles::One(r)
    }
}

impl From<Vec<String>> for Roles {
    fn from(rs: Vec<String>) -> Self {
        Roles::Several(rs)
    }
}

impl Serialize for Roles {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Roles::One(r) => s.serialize_str(r),
            Roles::Several(rs) => rs.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Roles {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Roles;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a role id in quotes, or a list of them")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Roles, E> {
                Ok(Roles::One(v.to_owned()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Roles, A::Error> {
                let mut out = Vec::new();
                while let Some(r) = seq.next_element::<String>()? {
                    out.push(r);
                }
                Ok(Roles::Several(out))
            }
        }
        d.deserialize_any(Visit)
    }
}

/// A whole mission file, as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[non_exhaustive]
pub struct MissionData {
    /// Name, date and description.
    pub mission: MissionInfo,
    /// Context key -> value.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub context: BTreeMap<String, ContextValue>,
    /// Factor id -> evidence. A factor left out is unknown.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub evidence: BTreeMap<String, Evidence>,
    /// Effort overrides: factor id -> effort, where this mission finds a
    /// factor easier or harder to change than the rulebook says.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub effort: BTreeMap<String, Effort>,
    /// The actors.
    #[serde(rename = "entity", default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
}

impl MissionData {
    /// Mission data with `mission` and nothing else (no context, evidence,
    /// effort or entities).
    pub fn new(mission: MissionInfo) -> Self {
        MissionData {
            mission,
            ..MissionData::default()
        }
    }
}
