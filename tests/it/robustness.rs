//! The robustness analysis through its public API, on two- and
//! three-factor rulebooks where every answer is worked out by hand: the
//! exact radius, its direction and the first movers, the Monte Carlo
//! estimate against the exact probability that the level holds (within
//! four standard errors), below the level's threshold and above
//! the next, the estimate with missing evidence drawn at random, its
//! reproducibility for a seed, and the sampler itself replayed from the
//! published SplitMix64 generator.

use crate::fixtures;

use fixtures::{Sketch, SplitMix64};
use fixtures::{case, load, tiny_mission};
use integration_readiness::Effort;
use integration_readiness::analysis::{Direction, RobustnessOptions, robustness};
use integration_readiness::assess::THRESHOLD_TOLERANCE;
use integration_readiness::{Mission, Rulebook, score_only};
use proptest::prelude::*;
use std::sync::LazyLock;

/// One dimension `x`, two levels (`mid` at 40), three enablers: `a` and
/// `b` of weight 1, `u` of weight 3.
static PAIR: LazyLock<String> = LazyLock::new(|| {
    Sketch::new("pair")
        .level("low", &[])
        .level("mid", &[("x", 40.0)])
        .dimension("x", "mid")
        .enabler("a", Effort::Low, &[])
        .enabler("b", Effort::Low, &[])
        .enabler("u", Effort::Low, &[("x", 3.0)])
        .toml()
});

fn pair(body: &str) -> (Rulebook, Mission) {
    pair_in(&PAIR, body)
}

fn pair_in(rulebook: &str, body: &str) -> (Rulebook, Mission) {
    let rb = Rulebook::from_toml(rulebook, "pair.toml").unwrap();
    let text = format!("[mission]\nname = \"Pair\"\n{body}");
    let m = Mission::from_toml(&text, "m.toml", &rb).unwrap();
    (rb, m)
}

/// The pair rulebook with a third level, `top` at 60.
fn with_top_at_60() -> String {
    PAIR.replace(
        "[[dimension]]",
        "[[level]]\nid = \"top\"\ntitle = \"Top\"\nmeaning = \"one\"\n\
         threshold = { x = 60.0 }\n\n[[dimension]]",
    )
}

/// `a` full, `b` none, `u` not applicable: score 100 × 1 / 2 = 50, mid.
const HALF: &str = "[evidence.a]\nrating = \"full\"\n[evidence.b]\nrating = \"none\"\n\
                    [evidence.u]\nrating = \"not-applicable\"\nnote = \"n/a\"\n";

fn options(noise_percent: f64, samples: usize, seed: u64) -> RobustnessOptions {
    RobustnessOptions {
        noise_percent,
        samples,
        seed,
    }
}

/// Asserts an estimate from `n` samples is within four standard errors of
/// the exact probability `p`. With every factor rated the samples come in
/// antithetic pairs, whose error is at most that of `n / 2` independent
/// samples (the documented bound); this takes that worst case.
fn within_error(estimate: f64, p: f64, n: usize) {
    let se = (p * (1.0 - p) / (n as f64 / 2.0)).sqrt();
    assert!(
        (estimate - p).abs() <= 4.0 * se,
        "estimate {estimate} vs exact {p} (4 standard errors: {})",
        4.0 * se
    );
}

#[test]
fn the_radius_is_where_the_score_meets_the_threshold() {
    let (_, m) = pair(HALF);
    let r = robustness(&m, options(20.0, 100, 1));
    let d = &r.dimensions[0];
    assert_eq!(d.level, "mid");
    assert_eq!(d.score, 50.0);
    // Lowering a's weight by x and raising b's: 100 (1 - x) / 2 = 40 at
    // x = 0.2, so 20%, downward; no level above mid.
    let x = d.radius_percent.unwrap();
    assert!((x - 20.0).abs() < 1e-6, "{x}");
    assert_eq!(d.direction, Some(Direction::Down));
    assert_eq!(d.raise, vec!["b"]);
    assert_eq!(d.lower, vec!["a"]);
    // Moves at the radius: |w (e - 0.4)|: a 0.6, b 0.4.
    assert_eq!(d.first_movers, vec!["a", "b"]);
    assert!(!d.provisional);
}

#[test]
fn a_rated_factor_without_weight_moves_nothing_and_is_not_named() {
    // u weighs nothing on x here, and is rated partial: the radius and its
    // split are those of a and b alone (20%, down, raise b, lower a).
    let text = PAIR.replace("weights = { x = 3.0 }", "weights = { x = 0.0 }");
    let (_, m) = pair_in(
        &text,
        "[evidence.a]\nrating = \"full\"\n[evidence.b]\nrating = \"none\"\n\
         [evidence.u]\nrating = \"partial\"\n",
    );
    let d = &robustness(&m, options(20.0, 10, 1)).dimensions[0];
    assert_eq!(d.score, 50.0);
    assert!((d.radius_percent.unwrap() - 20.0).abs() < 1e-6);
    assert_eq!(d.raise, vec!["b"]);
    assert_eq!(d.lower, vec!["a"]);
    assert_eq!(d.first_movers, vec!["a", "b"]);
}

#[test]
fn first_movers_rank_by_weight_times_distance_from_the_threshold() {
    // u partial (weight 3) joins: 100 (1 + 1.5) / 5 = 50, mid. Moves at the
    // threshold 40: a 1 × 0.6, b 1 × 0.4, u 3 × 0.1: a, b, u.
    let (_, m) = pair(
        "[evidence.a]\nrating = \"full\"\n[evidence.b]\nrating = \"none\"\n\
         [evidence.u]\nrating = \"partial\"\n",
    );
    let d = &robustness(&m, options(20.0, 10, 1)).dimensions[0];
    assert_eq!(d.first_movers, vec!["a", "b", "u"]);
    // The radius: lowering a and u by x and raising b gives
    // 2.5 (1 - x) / (5 - 3 x) = 0.4 at x = 5 / 13; lowering a alone and
    // raising the rest gives (2.5 + 0.5 x) / (5 + 3 x) = 0.4 at x = 5 / 7.
    let x = d.radius_percent.unwrap();
    assert!((x - 500.0 / 13.0).abs() < 1e-6, "{x}");
    assert_eq!(d.direction, Some(Direction::Down));
    assert_eq!(d.lower, vec!["a", "u"]);
    assert_eq!(d.raise, vec!["b"]);
}

#[test]
fn a_factor_earning_exactly_the_threshold_is_listed_with_those_earning_more() {
    // mid at 50.000000001, so the line the score must reach, the threshold
    // less the tolerance 1e-9, is exactly 50. a full, b partial, u none:
    // 100 × 1.5 / 5 = 30, low; upward the score must reach 0.5.
    let rb = PAIR.replace(
        "threshold = { x = 40.0 }",
        "threshold = { x = 50.000000001 }",
    );
    let (_, m) = pair_in(
        &rb,
        "[evidence.a]\nrating = \"full\"\n[evidence.b]\nrating = \"partial\"\n\
         [evidence.u]\nrating = \"none\"\n",
    );
    let d = &robustness(&m, options(20.0, 10, 1)).dimensions[0];
    assert_eq!(d.level, "low");
    // b earns 0.5, the line itself: moving its weight moves nothing. Raising
    // a and b by x and lowering u gives (1.5 + 1.5 x) / (5 - x) = 0.5; raising
    // a alone and lowering b and u gives (1.5 + 0.5 x) / (5 - 3 x) = 0.5:
    // both at x = 1 / 2. The tie keeps b with the factors earning more.
    let x = d.radius_percent.unwrap();
    assert!((x - 50.0).abs() < 1e-9, "{x}");
    assert_eq!(d.direction, Some(Direction::Up));
    assert_eq!(d.raise, vec!["a", "b"]);
    assert_eq!(d.lower, vec!["u"]);
    // Moves at the line: a 1 × 0.5, b 1 × 0, u 3 × 0.5; b moves nothing.
    assert_eq!(d.first_movers, vec!["u", "a"]);
}

#[test]
fn the_estimate_counts_a_sample_above_the_next_level_as_a_change() {
    // A third level, top at 60: the score 50 now has a ceiling too. With
    // noise 100% the level fails below 40 with probability 1/3 (as in the
    // test above) and reaches 60 when (1 + δa) / (2 + δa + δb) >= 0.6, that
    // is δb <= (2 δa - 1) / 3: below the line from (-1, -1) to (1, 1/3),
    // area ∫ (2 u / 3 + 2 / 3) du over [-1, 1] = 4/3 of 4, 1/3 again. The
    // two regions are apart: the level holds with probability 1/3.
    let (_, m) = pair_in(&with_top_at_60(), HALF);
    let n = 4000;
    let r = robustness(&m, options(100.0, n, 5));
    let d = &r.dimensions[0];
    assert_eq!(d.level, "mid");
    within_error(d.monte_carlo_hold, 1.0 / 3.0, n);
    // Both ways the radius is 20%: (1 - x) / 2 = 0.4 and (1 + x) / 2 = 0.6.
    assert!((d.radius_percent.unwrap() - 20.0).abs() < 1e-6);
    // Within it the level always holds.
    let r = robustness(&m, options(19.0, 1000, 5));
    assert_eq!(r.dimensions[0].monte_carlo_hold, 1.0);
}

#[test]
fn a_score_exactly_at_its_threshold_holds_by_the_tolerance() {
    // mid at 50: the score 50 meets it (scores within the tolerance below
    // a threshold count as meeting it). Without noise the level holds in
    // every sample; the least move down breaks it, so the radius is
    // (almost) 0, downward.
    let (_, m) = pair_in(&PAIR.replace("x = 40.0", "x = 50.0"), HALF);
    let r = robustness(&m, options(0.0, 100, 1));
    let d = &r.dimensions[0];
    assert_eq!(d.level, "mid");
    assert_eq!(d.monte_carlo_hold, 1.0);
    let x = d.radius_percent.unwrap();
    assert!(x > 0.0 && x < 1e-6, "{x}");
    assert_eq!(d.direction, Some(Direction::Down));
}

#[test]
fn within_the_radius_the_level_always_holds() {
    // Noise of 20%: at the worst corner the score is exactly 40, which
    // still holds (scores within tolerance below a threshold meet it).
    let (_, m) = pair(HALF);
    let r = robustness(&m, options(20.0, 2000, 7));
    assert_eq!(r.dimensions[0].monte_carlo_hold, 1.0);
    let r = robustness(&m, options(10.0, 2000, 7));
    assert_eq!(r.dimensions[0].monte_carlo_hold, 1.0);
}

#[test]
fn the_estimate_is_within_its_error_of_the_exact_probability() {
    // Noise 100%: δa, δb uniform on [-1, 1]. The level holds while
    // (1 + δa) / (2 + δa + δb) >= 0.4, that is 0.2 + 0.6 δa - 0.4 δb >= 0.
    // It fails above the line δb = 1.5 δa + 0.5, from (-1, -1) to (1/3, 1):
    // area ∫ (0.5 - 1.5 u) du over [-1, 1/3] = 4/3 of 4, so it holds with
    // probability 2/3.
    let (_, m) = pair(HALF);
    let n = 4000;
    for seed in [1, 2, 2007] {
        let r = robustness(&m, options(100.0, n, seed));
        within_error(r.dimensions[0].monte_carlo_hold, 2.0 / 3.0, n);
    }
    // Noise 50%: δ on [-0.5, 0.5]; the line δb = 1.5 δa + 0.5 crosses the
    // square from (-0.5, -0.25) to (0, 0.5): it fails on the triangle with
    // corners (-0.5, -0.25), (-0.5, 0.5), (0, 0.5): area 0.5 × 0.75 / 2 =
    // 0.1875 of 1, so it holds with probability 0.8125.
    let r = robustness(&m, options(50.0, n, 11));
    within_error(r.dimensions[0].monte_carlo_hold, 0.8125, n);
}

#[test]
fn missing_evidence_is_drawn_uniformly_from_the_five_words() {
    // u unknown. The point score counts it at the middle of the scale:
    // 100 (1 + 0 + 3 × 0.5) / 5 = 50, mid. Drawn, it earns e in {0, 0.25,
    // 0.5, 0.75, 1}: the score is 100 (1 + 3 e) / 5 >= 40 exactly when
    // e >= 1/3, so three words of five: 0.6 without noise.
    let (_, m) = pair("[evidence.a]\nrating = \"full\"\n[evidence.b]\nrating = \"none\"\n");
    let n = 4000;
    let r = robustness(&m, options(0.0, n, 3));
    let d = &r.dimensions[0];
    assert_eq!(d.level, "mid");
    assert_eq!(d.score, 50.0);
    within_error(d.monte_carlo_hold, 0.6, n);
    // The exact radius is that of the point score, u a term earning 0.5 as
    // if rated partial: lowering a and u by x and raising b gives
    // 2.5 (1 - x) / (5 - 3 x) = 0.4 at x = 5 / 13; lowering a alone and
    // raising b and u gives (2.5 + 0.5 x) / (5 + 3 x) = 0.4 at x = 5 / 7.
    // So 500 / 13 %, downward, u among the weights to lower.
    let x = d.radius_percent.unwrap();
    assert!((x - 500.0 / 13.0).abs() < 1e-6, "{x}");
    assert_eq!(d.direction, Some(Direction::Down));
    assert_eq!(d.lower, vec!["a", "u"]);
    assert_eq!(d.raise, vec!["b"]);
    // Moves at the threshold 40: a 1 × 0.6, b 1 × 0.4, u 3 × 0.1.
    assert_eq!(d.first_movers, vec!["a", "b", "u"]);
    // Three of five weights are unknown: coverage 2/5, and the level range
    // (20 to 80: low to mid) is open: provisional.
    assert!(d.provisional);
    // The same mission with u rated partial has the same point placement,
    // so the same radius; only the Monte Carlo, which draws u, differs.
    let (_, rated) = pair(
        "[evidence.a]\nrating = \"full\"\n[evidence.b]\nrating = \"none\"\n\
         [evidence.u]\nrating = \"partial\"\n",
    );
    let e = &robustness(&rated, options(0.0, n, 3)).dimensions[0];
    assert_eq!(e.radius_percent, d.radius_percent);
    assert_eq!(e.monte_carlo_hold, 1.0);
    assert!(!e.provisional);
}

#[test]
fn the_estimate_is_reproducible_for_a_seed_and_moves_with_it() {
    let (_, m) = pair(HALF);
    let once = robustness(&m, options(100.0, 500, 42));
    let again = robustness(&m, options(100.0, 500, 42));
    assert_eq!(once, again);
    let (_, m2) = pair("[evidence.a]\nrating = \"full\"\n");
    assert_eq!(
        robustness(&m2, options(30.0, 500, 9)),
        robustness(&m2, options(30.0, 500, 9))
    );
    // Other seeds draw other samples: over five seeds the estimates are
    // not all equal (each is a count out of 500 near 2/3).
    let holds: Vec<f64> = (0..5)
        .map(|s| robustness(&m, options(100.0, 500, s)).dimensions[0].monte_carlo_hold)
        .collect();
    assert!(holds.iter().any(|&h| h != holds[0]), "{holds:?}");
}

#[test]
fn noise_out_of_range_is_clamped_with_a_warning() {
    let (_, m) = pair(HALF);
    for (asked, used) in [(150.0, 100.0), (-5.0, 0.0), (f64::NAN, 0.0)] {
        let r = robustness(&m, options(asked, 10, 1));
        assert_eq!(r.noise_percent, used, "{asked}");
        assert_eq!(
            r.warnings,
            [format!(
                "noise of {asked}% is out of range; {used}% used (0 to 100 allowed)"
            )]
        );
    }
    // At the ends of the range, no warning.
    for ok in [0.0, 100.0] {
        let r = robustness(&m, options(ok, 10, 1));
        assert_eq!(r.noise_percent, ok);
        assert!(r.warnings.is_empty());
    }
}

#[test]
fn with_unknowns_drawn_a_dimension_where_nothing_applies_holds() {
    // u weighs nothing on x and has no evidence, a and b do not apply: the
    // estimate draws u's rating at random, but nothing on x carries weight,
    // so x never moves and holds in every sample.
    let text = PAIR.replace("weights = { x = 3.0 }", "weights = { x = 0.0 }");
    let (_, m) = pair_in(
        &text,
        "[evidence.a]\nrating = \"not-applicable\"\nnote = \"n/a\"\n\
         [evidence.b]\nrating = \"not-applicable\"\nnote = \"n/a\"\n",
    );
    let r = robustness(&m, options(20.0, 50, 3));
    assert_eq!(r.dimensions[0].monte_carlo_hold, 1.0);
    assert_eq!(r.dimensions[0].radius_percent, None);
}

#[test]
fn no_samples_hold_by_definition() {
    let (_, m) = pair(HALF);
    let r = robustness(&m, options(100.0, 0, 1));
    assert_eq!(r.dimensions[0].monte_carlo_hold, 1.0);
    assert_eq!(r.samples, 0);
}

/// The generator's published first output for seed 0 (SplitMix64 by
/// Steele, Lea and Flood, as in Vigna's reference code).
#[test]
fn the_reference_generator_matches_the_published_sequence() {
    assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
}

#[test]
fn the_sampler_replays_from_the_generator() {
    // Three factors: two 64-bit draws per noise vector, a's move from the
    // first draw's low 32 bits, b's from its high 32 (δ = σ (2 u - 1),
    // u = bits / 2^32), u's (not applicable, so without effect) from the
    // second. With every factor rated the samples come in antithetic pairs:
    // each vector δ counts for δ and for -δ, and an odd count ends with one
    // unpaired sample. The same seed gives the same samples, so replayed
    // here the count of samples that hold is exact; with a level above
    // (top at 60), a sample must also stay below it.
    let sigma = 1.0;
    for ceiling in [None, Some(60.0)] {
        let (_, m) = match ceiling {
            None => pair(HALF),
            Some(_) => pair_in(&with_top_at_60(), HALF),
        };
        let holds = |da: f64, db: f64| {
            let score = 100.0 * (1.0 + da) / ((1.0 + da) + (1.0 + db));
            let below = ceiling.is_none_or(|t: f64| score < t - 1e-9);
            score >= 40.0 - 1e-9 && below
        };
        for (seed, n) in [(0, 3000), (5, 3000), (2007, 2999)] {
            let mut g = SplitMix64::new(seed);
            let mut held = 0;
            let mut sample = 0;
            while sample < n {
                let bits = g.next_u64();
                g.next_u64();
                let u = |b: u64| b as f64 / 4_294_967_296.0;
                let da = sigma * (2.0 * u(bits & 0xFFFF_FFFF) - 1.0);
                let db = sigma * (2.0 * u(bits >> 32) - 1.0);
                held += usize::from(holds(da, db));
                sample += 1;
                if sample < n {
                    held += usize::from(holds(-da, -db));
                    sample += 1;
                }
            }
            let r = robustness(&m, options(100.0, n, seed));
            assert_eq!(
                r.dimensions[0].monte_carlo_hold,
                held as f64 / n as f64,
                "seed {seed}, ceiling {ceiling:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

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

#[test]
fn robustness_says_where_a_level_is_no_verdict_yet() {
    use integration_readiness::assess::Undetermined;
    use integration_readiness::report::{Format, render};
    // Tiny, e1 full alone: a has 2 of 4 rated (50%, a verdict), b 1 of 2
    // (50%, a verdict); with a minimum of 60% neither has one, and the
    // robustness report says so beside its figures, with the reason the
    // assessment gives.
    let (_, m) = tiny_mission("[evidence.e1]\nrating = \"full\"\n");
    let r = robustness(&m, RobustnessOptions::default());
    assert!(r.dimensions.iter().all(|d| d.undetermined.is_none()));
    assert!(!render(&r, Format::Text).unwrap().contains("no verdict"));
    let text = fixtures::TINY.replace("version = \"1\"", "version = \"1\"\nmin-coverage = 0.6");
    let rb = Rulebook::from_toml(&text, "tiny.toml").unwrap();
    let m = Mission::from_toml(
        "[mission]\nname = \"M\"\n[evidence.e1]\nrating = \"full\"\n",
        "m.toml",
        &rb,
    )
    .unwrap();
    let r = robustness(&m, RobustnessOptions::default());
    for d in &r.dimensions {
        assert_eq!(
            d.undetermined,
            Some(Undetermined::LowCoverage {
                coverage: 0.5,
                needed: 0.6
            }),
            "{}",
            d.id
        );
    }
    let out = render(&r, Format::Text).unwrap();
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        out.matches("no verdict the assessment gives none (only 50% of the weight is rated; a verdict needs 60%)")
            .count(),
        2,
        "{out}"
    );
    assert_eq!(
        render(&r, Format::Markdown)
            .unwrap()
            .matches("(no verdict)")
            .count(),
        2
    );
}
