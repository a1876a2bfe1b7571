//! What the test modules share: the sample missions, the tiny rulebook of
//! the hand calculations with its mission helper, [`Sketch`] (a small test
//! rulebook in a few lines beside its hand calculation), and the proptest
//! strategies for generated rulebooks and missions, built from the domain
//! types so that shrinking gives readable counterexamples.
#![allow(dead_code)]

use std::collections::BTreeMap;

use integration_readiness::model::{
    Citation, Condition, ContextKey, ContextValue, Dimension, Entity, Evidence, Factor, Gate,
    Level, MissionData, MissionInfo, Role, RulebookData, RulebookInfo, TargetRule, Theme,
};
use integration_readiness::{Effort, Polarity, Rating};
use integration_readiness::{Mission, Rulebook};
use proptest::prelude::*;

/// The sample missions under examples/missions: (file name, text).
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "start-up-active-conflict.toml",
        include_str!("../../examples/missions/start-up-active-conflict.toml"),
    ),
    (
        "consolidation-after-ceasefire.toml",
        include_str!("../../examples/missions/consolidation-after-ceasefire.toml"),
    ),
    (
        "drawdown-transition.toml",
        include_str!("../../examples/missions/drawdown-transition.toml"),
    ),
    (
        "political-mission.toml",
        include_str!("../../examples/missions/political-mission.toml"),
    ),
    (
        "poorly-evidenced.toml",
        include_str!("../../examples/missions/poorly-evidenced.toml"),
    ),
    (
        "compare-2008.toml",
        include_str!("../../examples/missions/compare-2008.toml"),
    ),
    (
        "compare-2009.toml",
        include_str!("../../examples/missions/compare-2009.toml"),
    ),
];

pub fn cite() -> Citation {
    Citation::new("Test", 1, "a phrase")
}

pub fn rating() -> impl Strategy<Value = Rating> {
    prop::sample::select(Rating::ALL.to_vec())
}

pub fn scale_rating() -> impl Strategy<Value = Rating> {
    prop::sample::select(Rating::SCALE.to_vec())
}

fn polarity() -> impl Strategy<Value = Polarity> {
    prop_oneof![Just(Polarity::Enabler), Just(Polarity::Barrier)]
}

fn effort() -> impl Strategy<Value = Effort> {
    prop_oneof![Just(Effort::Low), Just(Effort::Medium), Just(Effort::High)]
}

/// Shape of a generated rulebook.
#[derive(Debug, Clone)]
pub struct Shape {
    pub levels: usize,
    pub dims: usize,
    pub factors: usize,
}

fn gate(shape: &Shape) -> impl Strategy<Value = (usize, Vec<usize>, usize, Rating)> + use<> {
    (
        1..shape.levels,
        prop::collection::vec(0..shape.dims, 1..=shape.dims),
        0..shape.factors,
        scale_rating(),
    )
}

/// (conditions as (key, value) indices, role, dimensions, floor?, level).
type RuleParts = (Vec<(usize, usize)>, Option<usize>, Vec<usize>, bool, usize);

fn rule(shape: &Shape) -> impl Strategy<Value = RuleParts> + use<> {
    (
        prop::collection::vec((0..2usize, 0..3usize), 0..=2),
        prop::option::of(0..2usize),
        prop::collection::vec(0..shape.dims, 1..=shape.dims),
        any::<bool>(),
        0..shape.levels,
    )
}

/// A valid rulebook: 2..=5 levels, 1..=3 dimensions, 1..=10 factors, up to
/// 4 gates and 4 rules, 2 roles, 2 context keys.
pub fn rulebook() -> impl Strategy<Value = RulebookData> {
    rulebook_sized(10)
}

/// A valid rulebook with up to `max_factors` factors.
pub fn rulebook_sized(max_factors: usize) -> impl Strategy<Value = RulebookData> {
    (2usize..=5, 1usize..=3, 1usize..=max_factors)
        .prop_flat_map(|(levels, dims, factors)| {
            let shape = Shape {
                levels,
                dims,
                factors,
            };
            (
                Just(shape.clone()),
                // Threshold steps per level above the lowest and dimension.
                prop::collection::vec(prop::collection::vec(1.0f64..30.0, dims), levels - 1),
                prop::collection::vec(
                    (
                        polarity(),
                        prop::collection::vec(0.0f64..5.0, dims),
                        effort(),
                        0..2usize,
                    ),
                    factors,
                ),
                prop::collection::vec(0..levels, dims),
                prop::collection::vec(gate(&shape), 0..=4),
                prop::collection::vec(rule(&shape), 0..=4),
            )
        })
        .prop_map(|(shape, steps, factors, targets, gates, rules)| {
            build(shape, steps, factors, targets, gates, rules)
        })
}

pub fn dim_id(d: usize) -> String {
    ["a", "b", "c"][d].to_owned()
}

fn level_id(l: usize) -> String {
    format!("l{l}")
}

#[allow(clippy::type_complexity)]
fn build(
    shape: Shape,
    steps: Vec<Vec<f64>>,
    factors: Vec<(Polarity, Vec<f64>, Effort, usize)>,
    targets: Vec<usize>,
    gates: Vec<(usize, Vec<usize>, usize, Rating)>,
    rules: Vec<RuleParts>,
) -> RulebookData {
    let dims: Vec<Dimension> = (0..shape.dims)
        .map(|d| Dimension::new(dim_id(d), format!("Dimension {d}"), level_id(targets[d])))
        .collect();
    let mut acc = vec![0.0; shape.dims];
    let levels = (0..shape.levels)
        .map(|l| {
            let threshold = if l == 0 {
                BTreeMap::new()
            } else {
                (0..shape.dims)
                    .map(|d| {
                        acc[d] += steps[l - 1][d];
                        (dim_id(d), acc[d].min(100.0 - (shape.levels - l) as f64))
                    })
                    .collect()
            };
            let mut level = Level::new(level_id(l), format!("Level {l}"), "m");
            level.threshold = threshold;
            level
        })
        .collect();
    let mut factors: Vec<Factor> = factors
        .into_iter()
        .enumerate()
        .map(|(i, (polarity, ws, effort, theme))| {
            let mut f = Factor::new(
                format!("f{i}"),
                polarity,
                format!("t{theme}"),
                format!("Factor {i}"),
                cite(),
            );
            f.description = "d".into();
            f.question = "q".into();
            f.remedy = "fix".into();
            f.effort = effort;
            f.weights = ws
                .iter()
                .enumerate()
                .map(|(d, w)| (dim_id(d), *w))
                .collect();
            f.weight_reasons = (0..shape.dims).map(|d| (dim_id(d), "r".into())).collect();
            f
        })
        .collect();
    // Every dimension needs some weight: the first factor carries at least 0.5.
    for w in factors[0].weights.values_mut() {
        *w = w.max(0.5);
    }
    let gates = gates
        .into_iter()
        .map(|(level, ds, f, r)| {
            let enabler = factors[f].polarity == Polarity::Enabler;
            let mut ds: Vec<String> = ds.into_iter().map(dim_id).collect();
            ds.sort();
            ds.dedup();
            let mut g = Gate::new(level_id(level), ds, format!("f{f}"), "b", cite());
            g.at_least = enabler.then_some(r);
            g.at_most = (!enabler).then_some(r);
            g
        })
        .collect();
    let rules = rules
        .into_iter()
        .enumerate()
        .map(|(i, (when, role, ds, floor, level))| {
            let when = when
                .into_iter()
                .map(|(k, v)| {
                    let value = if k == 0 {
                        ContextValue::Word(["x", "y", "z"][v].into())
                    } else {
                        ContextValue::Flag(v % 2 == 0)
                    };
                    (format!("k{k}"), Condition::One(value))
                })
                .collect();
            let mut ds: Vec<String> = ds.into_iter().map(dim_id).collect();
            ds.sort();
            ds.dedup();
            let mut rule = TargetRule::new(format!("r{i}"), ds, "b", cite());
            rule.when = when;
            rule.roles = role.map(|r| vec![format!("role{r}")]).unwrap_or_default();
            rule.at_least = floor.then(|| level_id(level));
            rule.at_most = (!floor).then(|| level_id(level));
            rule
        })
        .collect();
    let mut data = RulebookData::new(RulebookInfo::new("generated", "Generated", "1"));
    data.levels = levels;
    data.dimensions = dims;
    data.themes = (0..2)
        .map(|t| Theme::new(format!("t{t}"), format!("Theme {t}")))
        .collect();
    data.roles = (0..2)
        .map(|r| {
            let mut role = Role::new(format!("role{r}"), format!("Role {r}"));
            role.follows_mission = r == 0;
            role
        })
        .collect();
    data.context = vec![
        ContextKey::new(
            "k0",
            ["x", "y", "z"]
                .iter()
                .map(|v| ContextValue::Word((*v).into()))
                .collect(),
        ),
        ContextKey::new(
            "k1",
            vec![ContextValue::Flag(true), ContextValue::Flag(false)],
        ),
    ];
    data.factors = factors;
    data.gates = gates;
    data.rules = rules;
    data
}

/// A mission for a rulebook with `factors` factors and `levels` levels.
pub fn mission_for(rb: &RulebookData) -> impl Strategy<Value = MissionData> + use<> {
    let nf = rb.factors.len();
    let nl = rb.levels.len();
    let nd = rb.dimensions.len();
    (
        prop::collection::vec(prop::option::of(rating()), nf),
        prop::option::of(0..3usize),
        prop::option::of(any::<bool>()),
        prop::collection::vec(
            (
                0..3usize,
                prop::collection::vec(prop::option::of(0..nl), nd),
            ),
            0..=2,
        ),
    )
        .prop_map(move |(ratings, k0, k1, entities)| {
            let mut context = BTreeMap::new();
            if let Some(v) = k0 {
                context.insert("k0".into(), ContextValue::Word(["x", "y", "z"][v].into()));
            }
            if let Some(b) = k1 {
                context.insert("k1".into(), ContextValue::Flag(b));
            }
            let mut data = MissionData::new(MissionInfo::new("Generated"));
            data.context = context;
            data.evidence = ratings
                .into_iter()
                .enumerate()
                .filter_map(|(i, r)| {
                    r.map(|rating| {
                        let mut e = Evidence::new(rating);
                        // Waiving a gate must say why.
                        e.note =
                            (rating == Rating::NotApplicable).then(|| "does not apply".to_owned());
                        (format!("f{i}"), e)
                    })
                })
                .collect();
            data.entities = entities
                .into_iter()
                .enumerate()
                .map(|(i, (role, cur))| {
                    // Role 2 stands for an entity with both roles.
                    let roles: integration_readiness::model::Roles = if role == 2 {
                        vec!["role0".to_owned(), "role1".to_owned()].into()
                    } else {
                        format!("role{role}").into()
                    };
                    let mut e = Entity::new(format!("E{i}"), roles);
                    e.current = cur
                        .into_iter()
                        .enumerate()
                        .filter_map(|(d, l)| l.map(|l| (dim_id(d), level_id(l))))
                        .collect();
                    e
                })
                .collect();
            data
        })
}

/// A generated rulebook with a generated mission for it.
pub fn case() -> impl Strategy<Value = (RulebookData, MissionData)> {
    case_sized(10)
}

/// A generated rulebook of up to `max_factors` factors with a mission.
pub fn case_sized(max_factors: usize) -> impl Strategy<Value = (RulebookData, MissionData)> {
    rulebook_sized(max_factors).prop_flat_map(|rb| {
        let m = mission_for(&rb);
        (Just(rb), m)
    })
}

pub fn load(rb: &RulebookData, m: &MissionData) -> (Rulebook, Mission) {
    let rulebook = Rulebook::new(rb.clone()).unwrap_or_else(|p| panic!("{p:?}"));
    let mission = Mission::new(m.clone(), &rulebook).unwrap_or_else(|p| panic!("{p:?}"));
    (rulebook, mission)
}

/// A small seeded generator (SplitMix64) for tests that draw perturbations.
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in [-1, 1].
    pub fn symmetric(&mut self) -> f64 {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        2.0 * u - 1.0
    }
}

/// The tiny rulebook of the hand-computed tests (`tests/data/tiny.toml`):
/// levels apart < mid (40) < top (70; on `a` a gate e1 at least high);
/// weights on `a`: e1 2, e2 1, b1 1; on `b`: e1 1, e2 0, b1 1.
pub const TINY: &str = include_str!("../data/tiny.toml");

/// [`TINY`], loaded.
pub fn tiny() -> Rulebook {
    Rulebook::from_toml(TINY, "tiny.toml").unwrap()
}

/// A mission named `M` of `body` (context, evidence, entities as TOML)
/// under `rb`.
pub fn mission(rb: &Rulebook, body: &str) -> Mission {
    let text = format!("[mission]\nname = \"M\"\n{body}");
    Mission::from_toml(&text, "m.toml", rb).unwrap()
}

/// [`tiny`] and a mission of `body` under it.
pub fn tiny_mission(body: &str) -> (Rulebook, Mission) {
    let rb = tiny();
    let m = mission(&rb, body);
    (rb, m)
}

/// `a` and `b` equal to within rounding (1e-9).
#[track_caller]
pub fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

/// A small test rulebook written in a few lines beside the hand
/// calculation it serves: levels with their thresholds, dimensions with
/// their default targets, and factors with their polarity, effort and
/// weights (1 on every dimension unless given). What a hand calculation
/// does not read is filled in: titles, questions, remedies, citations, one
/// theme `t`, and the effort costs 1, 2 and 4. Gates and rules, where a
/// test needs them, are TOML added with [`Sketch::with`].
///
/// ```ignore
/// // One dimension `x`, `high` at 50, two enablers of weight 1.
/// let rb = Sketch::new("pair")
///     .level("low", &[])
///     .level("high", &[("x", 50.0)])
///     .dimension("x", "high")
///     .enabler("a", Effort::Low, &[])
///     .enabler("b", Effort::Low, &[])
///     .rulebook();
/// ```
#[derive(Debug, Clone)]
pub struct Sketch {
    id: String,
    levels: Vec<String>,
    dimensions: Vec<String>,
    factors: Vec<String>,
    more: String,
}

impl Sketch {
    /// An empty rulebook of id `id`.
    pub fn new(id: &str) -> Sketch {
        Sketch {
            id: id.to_owned(),
            levels: Vec::new(),
            dimensions: Vec::new(),
            factors: Vec::new(),
            more: String::new(),
        }
    }

    /// The next level up, with its threshold on each dimension given (none
    /// for the lowest level).
    pub fn level(mut self, id: &str, thresholds: &[(&str, f64)]) -> Sketch {
        let mut block = format!(
            "[[level]]\nid = \"{id}\"\ntitle = \"{}\"\nmeaning = \"{id}\"\n",
            title(id)
        );
        if !thresholds.is_empty() {
            block += &format!("threshold = {}\n", inline(thresholds));
        }
        self.levels.push(block);
        self
    }

    /// A dimension whose target, where no rule says otherwise, is `target`.
    pub fn dimension(mut self, id: &str, target: &str) -> Sketch {
        self.dimensions.push(format!(
            "[[dimension]]\nid = \"{id}\"\ntitle = \"{}\"\ndefault-target = \"{target}\"\n",
            title(id)
        ));
        self
    }

    /// An enabler of `effort`, with `weights` where they are not 1.
    pub fn enabler(self, id: &str, effort: Effort, weights: &[(&str, f64)]) -> Sketch {
        self.factor(id, Polarity::Enabler, effort, weights)
    }

    /// A barrier of `effort`, with `weights` where they are not 1.
    pub fn barrier(self, id: &str, effort: Effort, weights: &[(&str, f64)]) -> Sketch {
        self.factor(id, Polarity::Barrier, effort, weights)
    }

    fn factor(
        mut self,
        id: &str,
        polarity: Polarity,
        effort: Effort,
        weights: &[(&str, f64)],
    ) -> Sketch {
        let paragraph = self.factors.len() + 1;
        let mut block = format!(
            "[[factor]]\nid = \"{id}\"\npolarity = \"{polarity}\"\ntheme = \"t\"\ntitle = \"{}\"\n\
             description = \"{id}\"\nquestion = \"how?\"\n",
            title(id)
        );
        if !weights.is_empty() {
            let reasons: Vec<String> = weights
                .iter()
                .map(|(d, _)| format!("{d} = \"set by the test\""))
                .collect();
            block += &format!(
                "weights = {}\nweight-reasons = {{ {} }}\n",
                inline(weights),
                reasons.join(", ")
            );
        }
        block += &format!(
            "effort = \"{effort}\"\nremedy = \"raise {id}\"\n\
             citation = {{ section = \"Test\", paragraph = {paragraph}, phrase = \"{id}\" }}\n"
        );
        self.factors.push(block);
        self
    }

    /// TOML added at the end: gates, rules, context keys, roles.
    pub fn with(mut self, toml: &str) -> Sketch {
        self.more.push_str(toml);
        self
    }

    /// The rulebook as TOML text, for tests that edit it.
    pub fn toml(&self) -> String {
        let head = format!(
            "[rulebook]\nid = \"{}\"\ntitle = \"{}\"\nversion = \"1\"\n\n\
             [effort-cost]\nlow = 1.0\nmedium = 2.0\nhigh = 4.0\n\n",
            self.id,
            title(&self.id)
        );
        let theme = "[[theme]]\nid = \"t\"\ntitle = \"T\"\n".to_owned();
        let blocks: Vec<&str> = self
            .levels
            .iter()
            .chain(&self.dimensions)
            .chain(std::iter::once(&theme))
            .chain(&self.factors)
            .map(String::as_str)
            .collect();
        format!("{head}{}\n{}", blocks.join("\n"), self.more)
    }

    /// The rulebook, loaded (a sketch that does not load fails the test).
    pub fn rulebook(&self) -> Rulebook {
        Rulebook::from_toml(&self.toml(), &format!("{}.toml", self.id))
            .unwrap_or_else(|e| panic!("the sketch {} does not load: {e}", self.id))
    }
}

/// `{ x = 40.0, y = 70.0 }`.
fn inline(pairs: &[(&str, f64)]) -> String {
    let items: Vec<String> = pairs.iter().map(|(k, v)| format!("{k} = {v:?}")).collect();
    format!("{{ {} }}", items.join(", "))
}

/// An id as a title: `r1` is `R1`.
fn title(id: &str) -> String {
    id.to_uppercase()
}
