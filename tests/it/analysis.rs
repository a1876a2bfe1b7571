//! The analyses: what-if, plan (against brute force), robustness (against
//! hand computation and Monte Carlo) and compare.

use crate::fixtures;
use crate::fixtures::TINY;

use fixtures::{case, case_sized, load};
use integration_readiness::analysis::Unreachable;
use integration_readiness::analysis::{
    Direction, RobustnessOptions, Scenario, apply, compare, plan, robustness,
};
use integration_readiness::assess::{Blocker, THRESHOLD_TOLERANCE};
use integration_readiness::{Mission, Rulebook, assess};
use integration_readiness::{Polarity, Rating};
use integration_readiness::{score_into, score_only};
use proptest::prelude::*;

/// The reasons a target is out of reach, each in a few words:
/// `threshold LEVEL NEEDED (SCORE)` or `gate LEVEL FACTOR (RATING)`.
fn reasons(u: &Unreachable) -> Vec<String> {
    u.reach
        .reasons
        .iter()
        .map(|b| match b {
            Blocker::Threshold {
                level,
                needed,
                score,
                ..
            } => format!("threshold {level} {needed} ({score})"),
            Blocker::Gate {
                level,
                factor,
                actual,
                ..
            } => format!("gate {level} {factor} ({actual})"),
            _ => "other".to_owned(),
        })
        .collect()
}

fn tiny_mission(body: &str) -> (Rulebook, Mission) {
    let rb = Rulebook::from_toml(TINY, "tiny.toml").unwrap();
    let m = Mission::from_toml(&format!("[mission]\nname = \"M\"\n{body}"), "m.toml", &rb).unwrap();
    (rb, m)
}

/// The rating `steps` better than `r` for a polarity.
fn better(p: Polarity, r: Rating, steps: usize) -> Rating {
    let s = r.step().unwrap();
    Rating::SCALE[match p {
        Polarity::Enabler => s + steps,
        Polarity::Barrier => s - steps,
    }]
}

fn room(p: Polarity, r: Rating) -> usize {
    match (p, r.step()) {
        (Polarity::Enabler, Some(s)) => 4 - s,
        (Polarity::Barrier, Some(s)) => s,
        _ => 0,
    }
}

/// The least cost of any set of steps that brings every dimension to
/// `aim`, by enumeration.
fn brute_force(rb: &Rulebook, m: &Mission, aim: &[usize]) -> Option<f64> {
    let factors = rb.factors();
    let base: Vec<Rating> = (0..factors.len()).map(|f| m.rating(f).unwrap()).collect();
    let rooms: Vec<usize> = factors
        .iter()
        .zip(&base)
        .map(|(f, &r)| room(f.polarity, r))
        .collect();
    let mut x = vec![0usize; factors.len()];
    let mut best: Option<f64> = None;
    let mut out = Vec::new();
    loop {
        let ratings: Vec<Rating> = (0..factors.len())
            .map(|f| {
                if rooms[f] > 0 {
                    better(factors[f].polarity, base[f], x[f])
                } else {
                    base[f]
                }
            })
            .collect();
        score_into(m, &ratings, &mut out).unwrap();
        if out.iter().zip(aim).all(|(s, &a)| s.level >= a) {
            let cost: f64 = (0..factors.len())
                .map(|f| x[f] as f64 * rb.data().effort_cost.of(m.effort(f).unwrap()))
                .sum();
            if best.is_none_or(|b| cost < b) {
                best = Some(cost);
            }
        }
        // Next step vector (odometer).
        let mut i = 0;
        loop {
            if i == x.len() {
                return best;
            }
            if x[i] < rooms[i] {
                x[i] += 1;
                break;
            }
            x[i] = 0;
            i += 1;
        }
    }
}

/// Generated cases of up to 12 factors where most factors are rated low
/// (enablers) or high (barriers): room for plans to choose.
fn hard_case() -> impl Strategy<
    Value = (
        integration_readiness::model::RulebookData,
        integration_readiness::model::MissionData,
    ),
> {
    case_sized(12).prop_map(|(rbd, mut md)| {
        for f in &rbd.factors {
            let weak = match f.polarity {
                Polarity::Enabler => Rating::Low,
                Polarity::Barrier => Rating::High,
            };
            md.evidence
                .entry(f.id.clone())
                .or_insert(integration_readiness::model::Evidence::new(weak));
        }
        (rbd, md)
    })
}

/// Brings a mission's search space under `limit` combinations by setting
/// the later factors to their best rating.
fn clip(rb: &Rulebook, m: &Mission, limit: usize) -> Mission {
    let mut m = m.clone();
    let mut combos = 1usize;
    for (f, factor) in rb.factors().iter().enumerate() {
        let r = m.rating(f).unwrap();
        let k = room(factor.polarity, r);
        if combos * (k + 1) > limit {
            let best = better(factor.polarity, r, k);
            m.set_rating(f, best);
        } else {
            combos *= k + 1;
        }
    }
    m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Invariant 8: the plan reaches every reachable target (and the highest
    /// reachable level elsewhere), and no cheaper plan does.
    #[test]
    fn plan_is_optimal_against_brute_force(
        (rbd, md) in hard_case(),
        targets_at_top in any::<bool>(),
        costs in prop::option::of((0.1f64..5.0, 0.1f64..5.0, 0.1f64..5.0)),
    ) {
        let mut rbd = rbd;
        if let Some((low, medium, high)) = costs {
            // Costs that are not whole numbers, in any order.
            rbd.effort_cost = integration_readiness::model::EffortCost::new(low, medium, high);
        }
        if targets_at_top {
            // Aim high, so that plans have work to do.
            let top = rbd.levels.last().unwrap().id.clone();
            for d in &mut rbd.dimensions {
                d.default_target = top.clone();
            }
            rbd.rules.retain(|r| r.at_most.is_none());
        }
        let (rb, m0) = load(&rbd, &md);
        let m = clip(&rb, &m0, 20_000);
        let p = plan(&m);
        prop_assert!(p.exact);
        let a = assess(&m);
        // The aim: the target, or the best level with every rated factor maxed.
        let maxed: Vec<Rating> = rb.factors().iter().enumerate().map(|(f, x)| {
            let r = m.rating(f).unwrap();
            if r.step().is_some() { better(x.polarity, r, room(x.polarity, r)) } else { r }
        }).collect();
        let mut best = Vec::new();
        score_into(&m, &maxed, &mut best).unwrap();
        let aim: Vec<usize> = a.dimensions.iter().zip(&best)
            .map(|(d, b)| d.target_detail.level_index.min(b.level)).collect();
        // Applying the plan reaches the aim on every dimension.
        let mut after = m.clone();
        for c in &p.changes {
            after.set_rating(rb.factor_index(&c.factor).unwrap(), c.to);
        }
        let reached = score_only(&after);
        for (d, s) in reached.iter().enumerate() {
            prop_assert!(s.level >= aim[d], "dimension {d}: {} < {}", s.level, aim[d]);
            prop_assert_eq!(&p.reaches.values[d].clone(), rb.levels()[s.level].id.as_str());
        }
        // Where nothing applies there is nothing to reach.
        let unreachable: Vec<&str> = a.dimensions.iter().zip(&best)
            .filter(|(d, b)| d.applicable && b.level < d.target_detail.level_index).map(|(d, _)| d.id.as_str()).collect();
        prop_assert_eq!(&p.unreachable, &unreachable);
        // And no plan is cheaper.
        let least = brute_force(&rb, &m, &aim).expect("the all-best plan reaches the aim");
        prop_assert!((p.total_effort - least).abs() < 1e-9, "plan {} vs brute force {}", p.total_effort, least);
    }

    /// What-if with no changes is the identity.
    #[test]
    fn what_if_without_changes_is_the_identity((rbd, md) in case()) {
        let (_, m) = load(&rbd, &md);
        let same = apply(&m, &Scenario::default()).unwrap();
        prop_assert_eq!(&same, &m);
        let (a, b) = (assess(&m), assess(&same));
        prop_assert!(compare(&a, &b).is_unchanged());
    }

    /// compare(a, a) reports no change; compare's drivers sum to each
    /// dimension's score change.
    #[test]
    fn compare_explains_every_move((rbd, md) in case(), f in any::<prop::sample::Index>(), r in fixtures::rating()) {
        let (rb, m) = load(&rbd, &md);
        let a = assess(&m);
        prop_assert!(compare(&a, &a).is_unchanged());
        let f = f.index(rb.factors().len());
        let m2 = apply(&m, &Scenario::rate(rb.factors()[f].id.clone(), r)).unwrap();
        let b = assess(&m2);
        let c = compare(&a, &b);
        for d in &c.dimensions {
            let sum: f64 = d.drivers.iter().map(|x| x.points).sum();
            prop_assert!((sum - (d.score_after - d.score_before)).abs() < 1e-7);
        }
        let changed = m.rating(f).unwrap() != r || !md.evidence.contains_key(&rb.factors()[f].id);
        prop_assert_eq!(c.changed_ratings.len(), usize::from(changed));
    }

    /// The robustness bound: no perturbation inside it changes the level,
    /// and the reported perturbation just outside it does. Levels are
    /// recomputed by the engine itself from a rulebook with the perturbed
    /// weights, gates included.
    #[test]
    fn robustness_bound_is_tight((rbd, md) in case(), seed in any::<u64>()) {
        let (rb, m) = load(&rbd, &md);
        let r = robustness(&m, RobustnessOptions { noise_percent: 10.0, samples: 200, seed });
        let base = score_only(&m);
        let mut rng = fixtures::SplitMix64::new(seed);
        for (d, dr) in r.dimensions.iter().enumerate() {
            let level = base[d].level;
            let reach = dr.radius_percent.map_or(1.0, |x| x / 100.0);
            // Inside: random perturbations within 0.99 of the radius.
            for _ in 0..20 {
                let delta: Vec<f64> = (0..rb.factors().len()).map(|_| 0.99 * reach * rng.symmetric()).collect();
                prop_assert_eq!(level_with(&rbd, &md, d, &delta), level);
            }
            // Every corner of the box (each weight at plus or minus 0.999 of
            // the radius), where the extremes of the score lie, when there
            // are few enough rated factors to enumerate them.
            let rated: Vec<usize> = (0..rb.factors().len())
                .filter(|&f| m.rating(f).unwrap().strength().is_some() && rb.weight(f, d).unwrap() > 0.0)
                .collect();
            if rated.len() <= 5 {
                for corner in 0..(1u32 << rated.len()) {
                    let mut delta = vec![0.0; rb.factors().len()];
                    for (bit, &f) in rated.iter().enumerate() {
                        let sign = if corner & (1 << bit) != 0 { 1.0 } else { -1.0 };
                        delta[f] = sign * 0.999 * reach;
                    }
                    prop_assert_eq!(level_with(&rbd, &md, d, &delta), level, "corner {:b} of {}", corner, dr.id);
                }
            }
            let Some(x) = dr.radius_percent else { continue };
            prop_assert!(x > 0.0 && x <= 100.0);
            // Just outside, along the reported split: the level changes.
            let out = (1.001 * x / 100.0).min(1.0);
            let delta: Vec<f64> = rb.factors().iter()
                .map(|f| if dr.raise.iter().any(|x| *x == f.id) { out } else if dr.lower.iter().any(|x| *x == f.id) { -out } else { 0.0 })
                .collect();
            if out < 1.0 {
                prop_assert_ne!(level_with(&rbd, &md, d, &delta), level, "radius {} on {}", x, dr.id);
            }
            // The score along the split, from a rulebook with those weights,
            // is across the threshold in the reported direction.
            let s = scored_with(&rbd, &md, d, &delta).score;
            match dr.direction.unwrap() {
                Direction::Down => prop_assert!(out >= 1.0 || s + THRESHOLD_TOLERANCE < rb.threshold(level, d).unwrap()),
                Direction::Up => prop_assert!(out >= 1.0 || s + THRESHOLD_TOLERANCE >= rb.threshold(level + 1, d).unwrap()),
            }
            // Monte Carlo cross-check: noise inside the radius never moves
            // it, when nothing is drawn but the weights (no unknown factor).
            let all_rated = (0..rb.factors().len())
                .all(|f| m.rating(f).unwrap() != integration_readiness::Rating::Unknown);
            if x >= 10.0 && all_rated {
                prop_assert_eq!(dr.monte_carlo_hold, 1.0);
            }
        }
    }
}

/// The level of dimension `d` computed by the engine with the weights of
/// that dimension scaled by `1 + delta(f)`.
fn level_with(
    rbd: &integration_readiness::model::RulebookData,
    md: &integration_readiness::model::MissionData,
    d: usize,
    delta: &[f64],
) -> usize {
    scored_with(rbd, md, d, delta).level
}

/// Score and level of dimension `d` from a rulebook whose weights on `d`
/// are scaled by `1 + delta(f)`.
fn scored_with(
    rbd: &integration_readiness::model::RulebookData,
    md: &integration_readiness::model::MissionData,
    d: usize,
    delta: &[f64],
) -> integration_readiness::assess::DimensionScore {
    let mut p = rbd.clone();
    let key = fixtures::dim_id(d);
    for (f, factor) in p.factors.iter_mut().enumerate() {
        if let Some(w) = factor.weights.get_mut(&key) {
            *w *= 1.0 + delta[f];
        }
    }
    let (_, m) = load(&p, md);
    score_only(&m)[d]
}

#[test]
fn robustness_hand_computed() {
    // b: e1 partial (w 1, earns 0.5), b1 low (w 1, earns 0.75): 62.5, level
    // mid (40..70). Up: raise b1, lower e1: (1.25 + 0.25 x) / 2 = 0.70 at
    // x = 0.6. Down: (1.25 - 0.25 x) / 2 = 0.40 needs x = 1.8 > 1. So 60%.
    // a: the gate (e1 at least high) shuts the next level; down needs
    // (1.75 + 0.25 x) / (3 + x) = 0.4, x = 3.67 > 1: no change possible.
    let (_, m) =
        tiny_mission("[evidence.e1]\nrating = \"partial\"\n[evidence.b1]\nrating = \"low\"\n");
    let r = robustness(&m, RobustnessOptions::default());
    let b = &r.dimensions[1];
    assert!(
        (b.radius_percent.unwrap() - 60.0).abs() < 1e-6,
        "{:?}",
        b.radius_percent
    );
    assert_eq!(b.direction, Some(Direction::Up));
    assert_eq!(b.raise, vec!["b1"]);
    assert_eq!(b.lower, vec!["e1"]);
    // Noise of ±20% is inside 60%: the level always holds.
    assert_eq!(b.monte_carlo_hold, 1.0);
    let a = &r.dimensions[0];
    assert_eq!(a.radius_percent, None);
    assert_eq!(a.monte_carlo_hold, 1.0);
    // With noise of ±100%, some samples cross 70 on b: P(score >= 70) =
    // P((1.25 + 0.25 (d2 - d1)/...)...) > 0, so the hold is below 1.
    let r = robustness(
        &m,
        RobustnessOptions {
            noise_percent: 100.0,
            samples: 4000,
            seed: 7,
        },
    );
    let hold = r.dimensions[1].monte_carlo_hold;
    assert!(hold < 1.0 && hold > 0.5, "{hold}");
    // Same seed, same estimate.
    let again = robustness(
        &m,
        RobustnessOptions {
            noise_percent: 100.0,
            samples: 4000,
            seed: 7,
        },
    );
    assert_eq!(again.dimensions[1].monte_carlo_hold, hold);
}

/// One dimension, threshold 60 for `high`. A: high, w 2.4 (+0.6 earned a
/// step, low effort, cost 1). B: high, w 4 (+1.0, medium, cost 2). F: none,
/// w 3 (+0.75, high, cost 4). Rated weight 9.4, earned 0.75*2.4 + 0.75*4 =
/// 4.8: score 51.06. Level high needs 0.6 * 9.4 = 5.64 earned: deficit 0.84.
/// Greedy by gain per cost takes A (0.6/1) first, which is not enough, then
/// B: cost 3. The optimum is B alone: cost 2.
const GREEDY_TRAP: &str = r#"
[rulebook]
id = "trap"
title = "Greedy trap"
version = "1"
[[level]]
id = "low"
title = "Low"
meaning = "low"
[[level]]
id = "high"
title = "High"
meaning = "high"
threshold = { a = 60.0 }
[[dimension]]
id = "a"
title = "A"
default-target = "high"
[[theme]]
id = "t"
title = "T"
[[factor]]
id = "fa"
polarity = "enabler"
theme = "t"
title = "A"
description = "d"
question = "q?"
weights = { a = 2.4 }
weight-reasons = { a = "r" }
effort = "low"
remedy = "r"
citation = { section = "S", paragraph = 1, phrase = "p" }
[[factor]]
id = "fb"
polarity = "enabler"
theme = "t"
title = "B"
description = "d"
question = "q?"
weights = { a = 4.0 }
weight-reasons = { a = "r" }
effort = "medium"
remedy = "r"
citation = { section = "S", paragraph = 1, phrase = "p" }
[[factor]]
id = "ff"
polarity = "enabler"
theme = "t"
title = "F"
description = "d"
question = "q?"
weights = { a = 3.0 }
weight-reasons = { a = "r" }
effort = "high"
remedy = "r"
citation = { section = "S", paragraph = 1, phrase = "p" }
"#;

#[test]
fn plan_beats_greedy_where_greedy_is_wrong() {
    let rb = Rulebook::from_toml(GREEDY_TRAP, "trap.toml").unwrap();
    let m = Mission::from_toml(
        "[mission]\nname = \"M\"\n[evidence.fa]\nrating = \"high\"\n[evidence.fb]\nrating = \"high\"\n[evidence.ff]\nrating = \"none\"\n",
        "m.toml",
        &rb,
    )
    .unwrap();
    let a = assess(&m);
    assert!((a.dimensions[0].score - 100.0 * 4.8 / 9.4).abs() < 1e-9);
    // Greedy by gain per cost would take A first (0.6 a unit of cost
    // against B's 0.5)...
    let greedy = a
        .recommendations
        .iter()
        .max_by(|x, y| (x.gain / x.cost).total_cmp(&(y.gain / y.cost)))
        .unwrap();
    assert_eq!(greedy.factor, "fa");
    // ...but the cheapest plan is B alone.
    let p = plan(&m);
    assert_eq!(p.changes.len(), 1);
    assert_eq!(p.changes[0].factor, "fb");
    assert_eq!(
        (p.changes[0].from, p.changes[0].to),
        (Rating::High, Rating::Full)
    );
    assert_eq!(p.total_effort, 2.0);
    assert_eq!(p.reaches.values, vec!["high"]);
    assert!(p.unreachable.is_empty());
}

#[test]
fn plan_takes_forced_gate_steps_and_reports_unreachable_targets() {
    // tiny, mode = big: a's target is top (gate: e1 at least high). With e1
    // partial, e2 full, b1 none: a = 75 already, only the gate is missing:
    // e1 partial -> high, one high-effort step (cost 4).
    let (_, m) = tiny_mission(
        "[context]\nmode = \"big\"\n[evidence.e1]\nrating = \"partial\"\n[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"none\"\n",
    );
    let p = plan(&m);
    assert_eq!(p.changes.len(), 1);
    assert_eq!(p.changes[0].factor, "e1");
    assert_eq!(p.changes[0].to, Rating::High);
    assert!(p.changes[0].forced_by_gate);
    assert_eq!(p.total_effort, 4.0);
    // b: e1 high 0.75 + b1 none 1.0 over 2 = 87.5: top as well.
    assert_eq!(p.reaches.values, vec!["top", "top"]);
    // With e1 unknown the gate can never hold: a's target is unreachable.
    let (_, m) = tiny_mission(
        "[context]\nmode = \"big\"\n[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"none\"\n",
    );
    let p = plan(&m);
    assert_eq!(p.unreachable, vec!["a"]);
    // a: e1 unknown counts at the middle, 2 * 0.5 + 1 + 1 = 3 of 4 = 75,
    // past top's 70: only the gate is in the way, and rating e1 may open it.
    assert_eq!(reasons(&p.reasons[0]), ["gate top e1 (unknown)"]);
    assert!(p.reasons[0].reach.unrated_may_help);
    assert_eq!(p.total_effort, 0.0);
    // The assessment says the same.
    let a = assess(&m);
    assert_eq!(
        a.dimensions[0].out_of_reach.as_ref().unwrap().reasons,
        p.reasons[0].reach.reasons
    );
}

#[test]
fn a_scenario_forgets_context_the_rulebook_declares() {
    use integration_readiness::analysis::Scenario;
    let (_, m) = tiny_mission("[context]\nmode = \"big\"\n");
    let forget = |keys: &[&str]| Scenario {
        forget_context: keys.iter().map(|k| k.to_string()).collect(),
        ..Scenario::default()
    };
    // A key set in the mission is removed: a's target is open again, mid
    // (small) to top (big), and the report asks for `mode`.
    let m2 = apply(&m, &forget(&["mode"])).unwrap();
    assert!(m2.data().context.is_empty());
    let a2 = assess(&m2);
    assert_eq!(a2.dimensions[0].target_detail.range, ["mid", "top"]);
    assert!(a2.missing_context.iter().any(|k| k.key == "mode"));
    // A declared key the mission does not set: nothing to forget, no error.
    let m3 = apply(&m, &forget(&["flag"])).unwrap();
    assert_eq!(m3.data().context.len(), 1);
    // A key the rulebook does not declare is an error, even beside good ones.
    let e = apply(&m, &forget(&["mode", "size"]))
        .unwrap_err()
        .to_string();
    // The second key of the list, counted from 1.
    assert_eq!(
        e,
        "<scenario>: forget-context[2]: unknown context key `size`"
    );
}

#[test]
fn an_unreachable_threshold_says_whether_unknown_factors_could_help() {
    let na = |f: &str| format!("[evidence.{f}]\nrating = \"not-applicable\"\nnote = \"n/a\"\n");
    // mode = big: a aims at top. Every factor not applicable: nothing
    // applies on a, so there is nothing to reach and no reason to give.
    let (_, m) = tiny_mission(&format!(
        "[context]\nmode = \"big\"\n{}{}{}",
        na("e1"),
        na("e2"),
        na("b1")
    ));
    let p = plan(&m);
    assert!(p.reasons.is_empty());
    assert!(p.unreachable.is_empty());
    // Every factor unknown: a scores 50 (the middle), mid is reached, and
    // top needs 70 and e1 at least high; rating them may help.
    let (_, m) = tiny_mission("[context]\nmode = \"big\"\n");
    let p = plan(&m);
    assert_eq!(
        reasons(&p.reasons[0]),
        ["threshold top 70 (50)", "gate top e1 (unknown)"]
    );
    assert!(p.reasons[0].reach.unrated_may_help);
    // big-floor on b too; e1 and b1 not applicable, e2 unknown. e2 weighs 1
    // on a (50, may help) and 0 on b, where nothing applies: no reason.
    let text = TINY.replace(
        "when = { mode = \"big\" }\ndimensions = [\"a\"]",
        "when = { mode = \"big\" }\ndimensions = [\"a\", \"b\"]",
    );
    let rb = Rulebook::from_toml(&text, "tiny.toml").unwrap();
    let body = format!(
        "[mission]\nname = \"M\"\n[context]\nmode = \"big\"\n{}{}",
        na("e1"),
        na("b1")
    );
    let p = plan(&Mission::from_toml(&body, "m.toml", &rb).unwrap());
    let got: Vec<(&str, Vec<String>, bool)> = p
        .reasons
        .iter()
        .map(|r| (r.dimension.as_str(), reasons(r), r.reach.unrated_may_help))
        .collect();
    assert_eq!(got, [("a", vec!["threshold top 70 (50)".to_owned()], true)]);
}

#[test]
fn a_target_held_only_by_a_gate_names_the_gate_alone() {
    // a's thresholds at 0 (mid) and 1e-9 (top): with nothing rated a
    // scores 0, which reaches both by the tolerance (1e-9); top's gate on e1,
    // which has no evidence, is all that holds a at mid.
    let text = TINY
        .replace(
            "threshold = { a = 40.0, b = 40.0 }",
            "threshold = { a = 0.0, b = 40.0 }",
        )
        .replace(
            "threshold = { a = 70.0, b = 70.0 }",
            "threshold = { a = 1e-9, b = 70.0 }",
        );
    let rb = Rulebook::from_toml(&text, "tiny.toml").unwrap();
    let m = Mission::from_toml(
        "[mission]\nname = \"M\"\n[context]\nmode = \"big\"\n",
        "m.toml",
        &rb,
    )
    .unwrap();
    let p = plan(&m);
    assert_eq!(p.unreachable, vec!["a"]);
    assert_eq!(p.reasons[0].reach.best, "mid");
    assert_eq!(reasons(&p.reasons[0]), ["gate top e1 (unknown)"]);
}

const PAIR: [&str; 2] = [
    include_str!("../../examples/missions/compare-2008.toml"),
    include_str!("../../examples/missions/compare-2009.toml"),
];

fn dated_pair() -> (Rulebook, Vec<integration_readiness::assess::Assessment>) {
    let rb = Rulebook::oslo_2007();
    let a = PAIR
        .iter()
        .map(|t| assess(&Mission::from_toml(t, "m.toml", &rb).unwrap()))
        .collect();
    (rb, a)
}

#[test]
fn portfolio_rows_are_the_assessments() {
    use integration_readiness::analysis::portfolio;
    let rb = Rulebook::oslo_2007();
    let missions: Vec<Mission> = PAIR
        .iter()
        .map(|t| Mission::from_toml(t, "m.toml", &rb).unwrap())
        .collect();
    let p = portfolio(&rb, &missions).unwrap();
    assert_eq!(p.rows.len(), 2);
    for (row, m) in p.rows.iter().zip(&missions) {
        let a = assess(m);
        assert_eq!(row.name, a.mission.name);
        assert_eq!(row.date, a.mission.date);
        assert_eq!(row.score, a.overall.score);
        assert_eq!(row.coverage, a.overall.coverage);
        assert_eq!(row.verdict, a.overall.verdict);
        for (id, cell) in p.dimensions.iter().zip(&row.dimensions) {
            let d = a.dimensions.iter().find(|d| &d.id == id).unwrap();
            assert_eq!(
                (cell.score, &cell.level, &cell.target, cell.verdict),
                (d.score, &d.level, &d.target, d.verdict)
            );
        }
    }
}

#[test]
fn portfolio_sorts_by_every_column_and_keeps_ties_in_order() {
    use integration_readiness::analysis::{SORT_COLUMNS, portfolio};
    let rb = Rulebook::oslo_2007();
    let missions: Vec<Mission> = PAIR
        .iter()
        .rev()
        .chain(PAIR.iter())
        .map(|t| Mission::from_toml(t, "m.toml", &rb).unwrap())
        .collect();
    let base = portfolio(&rb, &missions).unwrap();
    let mut p = base.clone();
    p.sort_by_column("date", false).unwrap();
    let dates: Vec<_> = p.rows.iter().map(|r| r.date.clone()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    p.sort_by_column("score", false).unwrap();
    assert!(p.rows.windows(2).all(|w| w[0].score >= w[1].score));
    p.sort_by_column("score", true).unwrap();
    assert!(p.rows.windows(2).all(|w| w[0].score <= w[1].score));
    let first_dim = base.dimensions[0].to_string();
    p.sort_by_column(&first_dim, false).unwrap();
    assert!(
        p.rows
            .windows(2)
            .all(|w| w[0].dimensions[0].score >= w[1].dimensions[0].score)
    );
    // Every mission has the same name: sorting by name keeps the input order.
    let mut q = base.clone();
    q.sort_by_column("name", false).unwrap();
    assert_eq!(q, base);
    for column in SORT_COLUMNS {
        assert!(q.sort_by_column(column, false).is_ok(), "{column}");
    }
    let e = q.sort_by_column("nope", false).unwrap_err();
    assert!(e.to_string().contains(&first_dim), "{e}");
}

#[test]
fn a_drivers_rating_changed_only_when_its_own_rating_did() {
    let (rb, before) =
        tiny_mission("[evidence.e1]\nrating = \"partial\"\n[evidence.b1]\nrating = \"none\"\n");
    let after = Mission::from_toml(
        "[mission]\nname = \"M\"\n[evidence.e1]\nrating = \"partial\"\n[evidence.b1]\nrating = \"none\"\n\
         [evidence.e2]\nrating = \"full\"\n",
        "m.toml",
        &rb,
    )
    .unwrap();
    let c = compare(&assess(&before), &assess(&after));
    // On a, over all 4 of applicable weight: before, e2 unknown counts at
    // the middle, 100 × 1 × 0.5 / 4 = 12.5; after, full, 25. e1 (25) and b1
    // (25) keep their points: the news moves e2's alone, by 12.5.
    let d = &c.dimensions[0];
    let drivers: Vec<(&str, bool)> = d
        .drivers
        .iter()
        .map(|x| (&*x.factor, x.rating_changed))
        .collect();
    assert_eq!(drivers, [("e2", true)]);
    assert!((d.drivers[0].points - 12.5).abs() < 1e-9);
    assert!((d.score_after - d.score_before - 12.5).abs() < 1e-9);
}

#[test]
fn comparing_across_rulebooks_says_which_way_they_differ() {
    let body = "[mission]\nname = \"M\"\n[evidence.e1]\nrating = \"partial\"\n";
    let under = |text: &str| {
        let rb = Rulebook::from_toml(text, "t.toml").unwrap();
        assess(&Mission::from_toml(body, "m.toml", &rb).unwrap())
    };
    let base = under(TINY);
    // The one warning comparing `base` with the rulebook edited `from` → `to`.
    let warning = |from: &str, to: &str| {
        let w = compare(&base, &under(&TINY.replacen(from, to, 1))).warnings;
        assert_eq!(w.len(), 1, "{w:?}");
        w[0].clone()
    };
    let scale = "the two assessments use different rulebooks";
    let content = "the two assessments use different content under rulebook tiny 1";
    // Another version of the same rulebook: another scale.
    let w = warning("version = \"1\"", "version = \"2\"");
    assert!(
        w.starts_with(&format!("{scale} (tiny 1 and tiny 2)")),
        "{w}"
    );
    // Another rulebook id at the same version: another scale.
    let w = warning("id = \"tiny\"", "id = \"other\"");
    assert!(
        w.starts_with(&format!("{scale} (tiny 1 and other 1)")),
        "{w}"
    );
    // Same id and version, edited content.
    let w = warning("Theme two", "Theme 2");
    assert!(w.starts_with(content), "{w}");
    assert!(compare(&base, &base).warnings.is_empty());
}

#[test]
fn a_move_of_at_most_1e_12_points_is_rounding_not_a_driver() {
    // On a, e1 weighs w = 1.0000000000000099e-5 beside b1's 1e9: rated full
    // instead of none, e1 earns 100 w / (w + 1e9), which for this w is 1e-12
    // exactly in binary floating point, the largest move still taken for
    // rounding.
    let text = TINY
        .replace("weights = { a = 2.0 }", "weights = { a = 1.0000000000000099e-5 }")
        .replace(
            "effort = \"low\"\nremedy = \"lower b1\"",
            "weights = { a = 1e9 }\nweight-reasons = { a = \"outweighs\" }\neffort = \"low\"\nremedy = \"lower b1\"",
        );
    let rb = Rulebook::from_toml(&text, "t.toml").unwrap();
    let m = |e1: &str| {
        let body = format!(
            "[mission]\nname = \"M\"\n[evidence.e1]\nrating = \"{e1}\"\n[evidence.b1]\nrating = \"full\"\n\
             [evidence.e2]\nrating = \"not-applicable\"\nnote = \"n/a\"\n"
        );
        assess(&Mission::from_toml(&body, "m.toml", &rb).unwrap())
    };
    let (before, after) = (m("none"), m("full"));
    assert_eq!(after.factors[0].contributions.get("a"), Some(&1e-12));
    let c = compare(&before, &after);
    assert_eq!(c.changed_ratings.len(), 1);
    assert!(
        c.dimensions[0].drivers.is_empty(),
        "{:?}",
        c.dimensions[0].drivers
    );
    // On b, where e1 weighs 1 beside b1's 1, the same change is 50 points.
    assert_eq!(c.dimensions[1].drivers.len(), 1);
    assert!((c.dimensions[1].drivers[0].points - 50.0).abs() < 1e-9);
}

#[test]
fn trend_is_in_date_order_with_the_drivers_of_compare() {
    use integration_readiness::analysis::{TREND_DRIVERS, compare, trend};
    let (_, a) = dated_pair();
    let reversed: Vec<_> = a.iter().rev().cloned().collect();
    let t = trend(&reversed);
    assert_eq!(t, trend(&a), "the order given does not matter");
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    let dates: Vec<_> = t.overall.iter().map(|p| p.date.clone()).collect();
    assert_eq!(
        dates,
        [a[0].mission.date.clone(), a[1].mission.date.clone()]
    );
    let c = compare(&a[0], &a[1]);
    for (d, m) in t.dimensions.iter().zip(&c.dimensions) {
        assert_eq!(d.id, m.id);
        assert_eq!(d.points[0].score, m.score_before);
        assert_eq!(d.points[1].score, m.score_after);
        assert_eq!(d.drivers.len(), m.drivers.len().min(TREND_DRIVERS));
        assert_eq!(d.drivers[..], m.drivers[..d.drivers.len()]);
    }
}

#[test]
fn trend_of_one_assessment_has_no_drivers_and_a_mixed_trend_warns() {
    use integration_readiness::analysis::trend;
    let (rb, a) = dated_pair();
    let one = trend(&a[..1]);
    assert_eq!(one.overall.len(), 1);
    assert!(one.dimensions.iter().all(|d| d.drivers.is_empty()));
    let other = assess(&Mission::builder(&rb).name("Other").build().unwrap());
    let mixed = trend(&[a[0].clone(), other]);
    assert!(
        mixed
            .warnings
            .iter()
            .any(|w| w.contains("different missions")),
        "{:?}",
        mixed.warnings
    );
    assert!(trend(&[]).dimensions.is_empty());
}
