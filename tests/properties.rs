//! The invariants of the design, one property test each, over generated
//! rulebooks and missions.

mod common;

use common::{case, load};
use integration_readiness::assess::score_only;
use integration_readiness::model::{Condition, ContextValue, Polarity, Rating, TargetRule};
use integration_readiness::{Mission, Rulebook, assess};
use proptest::prelude::*;

const EPS: f64 = 1e-9;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Invariant 1: every score and bound is in [0, 100]; low <= point <= high;
    /// levels likewise.
    #[test]
    fn scores_and_levels_are_bounded((rbd, md) in case()) {
        let (rb, m) = load(&rbd, &md);
        let a = assess(&rb, &m);
        for d in &a.dimensions {
            let [lo, hi] = d.score_range;
            prop_assert!((0.0..=100.0).contains(&lo) && (0.0..=100.0).contains(&hi));
            prop_assert!(lo <= d.score && d.score <= hi, "{lo} {} {hi}", d.score);
            prop_assert!((0.0..=1.0).contains(&d.coverage));
            let [l, plo, phi] = d.level_index;
            prop_assert!(plo <= l && l <= phi, "{plo} {l} {phi}");
        }
        let o = &a.overall;
        prop_assert!(o.score_range[0] <= o.score && o.score <= o.score_range[1]);
        for t in &a.themes {
            if let Some(s) = t.score { prop_assert!((0.0..=100.0).contains(&s)); }
        }
    }

    /// Invariant 2: raising an enabler's rating never lowers a score or a
    /// level; raising a barrier's never raises one.
    #[test]
    fn raising_a_rating_moves_scores_with_polarity((rbd, md) in case(), pick in any::<prop::sample::Index>()) {
        let (rb, m) = load(&rbd, &md);
        let rated: Vec<usize> = (0..rb.factors().len()).filter(|&f| m.rating(f).up().is_some()).collect();
        prop_assume!(!rated.is_empty());
        let f = rated[pick.index(rated.len())];
        let before = score_only(&rb, &m);
        let mut m2 = m.clone();
        m2.set_rating(&rb, f, m.rating(f).up().unwrap());
        let after = score_only(&rb, &m2);
        let enabler = rb.factors()[f].polarity == Polarity::Enabler;
        for (b, a) in before.iter().zip(&after) {
            if enabler {
                prop_assert!(a.score >= b.score - EPS && a.level >= b.level);
                prop_assert!(a.range[0] >= b.range[0] - EPS && a.range[1] >= b.range[1] - EPS);
                prop_assert!(a.level_range[0] >= b.level_range[0] && a.level_range[1] >= b.level_range[1]);
            } else {
                prop_assert!(a.score <= b.score + EPS && a.level <= b.level);
                prop_assert!(a.range[0] <= b.range[0] + EPS && a.range[1] <= b.range[1] + EPS);
                prop_assert!(a.level_range[0] <= b.level_range[0] && a.level_range[1] <= b.level_range[1]);
            }
        }
    }

    /// Invariant 3: rating an unknown factor moves the point score inside the
    /// old range, and the range only narrows (levels likewise).
    #[test]
    fn rating_an_unknown_stays_inside_the_range((rbd, md) in case(), pick in any::<prop::sample::Index>(), r in common::rating()) {
        let (rb, m) = load(&rbd, &md);
        let unknown: Vec<usize> = (0..rb.factors().len()).filter(|&f| m.rating(f) == Rating::Unknown).collect();
        prop_assume!(!unknown.is_empty());
        let f = unknown[pick.index(unknown.len())];
        let before = score_only(&rb, &m);
        let mut m2 = m.clone();
        m2.set_rating(&rb, f, r);
        let after = score_only(&rb, &m2);
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(a.score >= b.range[0] - EPS && a.score <= b.range[1] + EPS, "{} not in {:?}", a.score, b.range);
            prop_assert!(a.range[0] >= b.range[0] - EPS && a.range[1] <= b.range[1] + EPS);
            prop_assert!(a.level_range[0] >= b.level_range[0] && a.level_range[1] <= b.level_range[1]);
        }
    }

    /// Invariant 4: permuting factors, gates, rules and entities changes
    /// nothing.
    #[test]
    fn order_independence((rbd, md) in case(), seed in any::<u64>()) {
        let (rb, m) = load(&rbd, &md);
        let mut p = rbd.clone();
        let mut md2 = md.clone();
        shuffle(&mut p.factors, seed);
        shuffle(&mut p.gates, seed.rotate_left(7));
        shuffle(&mut p.rules, seed.rotate_left(13));
        shuffle(&mut md2.entities, seed.rotate_left(17));
        let (rb2, m2) = load(&p, &md2);
        let a = assess(&rb, &m);
        let b = assess(&rb2, &m2);
        for (x, y) in a.dimensions.iter().zip(&b.dimensions) {
            prop_assert!((x.score - y.score).abs() < EPS);
            prop_assert!((x.score_range[0] - y.score_range[0]).abs() < EPS);
            prop_assert!((x.score_range[1] - y.score_range[1]).abs() < EPS);
            prop_assert_eq!(x.level_index, y.level_index);
            prop_assert_eq!(&x.target.clone(), &y.target.clone());
            prop_assert_eq!(x.verdict, y.verdict);
        }
        for e in &a.entities {
            let other = b.entities.iter().find(|x| x.name == e.name).unwrap();
            prop_assert_eq!(&e.target.values, &other.target.values);
            prop_assert_eq!(&e.over_integrated, &other.over_integrated);
        }
        let mut ra: Vec<(&str, i64)> = a.recommendations.iter().map(|r| (r.factor.as_str(), (r.gain * 1e6).round() as i64)).collect();
        let mut rb_: Vec<(&str, i64)> = b.recommendations.iter().map(|r| (r.factor.as_str(), (r.gain * 1e6).round() as i64)).collect();
        ra.sort();
        rb_.sort();
        prop_assert_eq!(ra, rb_);
    }

    /// Invariant 5: scaling all weights of a dimension by c > 0 changes no
    /// score.
    #[test]
    fn scaling_weights_changes_no_score((rbd, md) in case(), c in 0.01f64..100.0, d in 0usize..3) {
        let d = d % rbd.dimensions.len();
        let (rb, m) = load(&rbd, &md);
        let mut scaled = rbd.clone();
        let key = common::dim_id(d);
        for f in &mut scaled.factors {
            if let Some(w) = f.weights.get_mut(&key) { *w *= c; }
        }
        let (rb2, m2) = load(&scaled, &md);
        let a = score_only(&rb, &m);
        let b = score_only(&rb2, &m2);
        prop_assert!((a[d].score - b[d].score).abs() < 1e-7);
        prop_assert!((a[d].range[0] - b[d].range[0]).abs() < 1e-7);
        prop_assert!((a[d].range[1] - b[d].range[1]).abs() < 1e-7);
        prop_assert!((a[d].coverage - b[d].coverage).abs() < 1e-9);
    }

    /// Invariant 6: determinism, and lossless TOML and JSON round trips of
    /// rulebooks and missions.
    #[test]
    fn determinism_and_round_trips((rbd, md) in case()) {
        let (rb, m) = load(&rbd, &md);
        prop_assert_eq!(assess(&rb, &m), assess(&rb, &m));
        let rb2 = Rulebook::from_toml(&rb.to_toml().unwrap(), "rt.toml").unwrap();
        prop_assert_eq!(&rb2, &rb);
        let rb3 = Rulebook::from_json(&rb.to_json().unwrap(), "rt.json").unwrap();
        prop_assert_eq!(&rb3, &rb);
        let m2 = Mission::from_toml(&m.to_toml().unwrap(), "rt.toml", &rb).unwrap();
        prop_assert_eq!(&m2, &m);
        let m3 = Mission::from_json(&m.to_json().unwrap(), "rt.json", &rb).unwrap();
        prop_assert_eq!(&m3, &m);
    }

    /// Invariant 7: adding a matching at-least rule never lowers a target;
    /// a matching at-most rule never raises one.
    #[test]
    fn targets_move_with_added_rules((rbd, md) in case(), level in 0usize..5, floor in any::<bool>(), with_context in any::<bool>()) {
        let (rb, m) = load(&rbd, &md);
        let level = level % rbd.levels.len();
        let mut more = rbd.clone();
        let mut when = std::collections::BTreeMap::new();
        if with_context {
            if let Some(v) = md.context.get("k0") {
                when.insert("k0".to_owned(), Condition::One(v.clone()));
            }
        }
        more.rules.push(TargetRule {
            id: "added".into(),
            when,
            roles: Vec::new(),
            dimensions: rbd.dimensions.iter().map(|d| d.id.clone()).collect(),
            at_least: floor.then(|| rbd.levels[level].id.clone()),
            at_most: (!floor).then(|| rbd.levels[level].id.clone()),
            because: "b".into(),
            citation: common::cite(),
        });
        let (rb2, m2) = load(&more, &md);
        let a = assess(&rb, &m);
        let b = assess(&rb2, &m2);
        for (x, y) in a.dimensions.iter().zip(&b.dimensions) {
            if floor {
                prop_assert!(y.target_detail.level_index >= x.target_detail.level_index);
            } else {
                prop_assert!(y.target_detail.level_index <= x.target_detail.level_index);
            }
        }
        for (x, y) in a.entities.iter().zip(&b.entities) {
            for (tx, ty) in x.target_detail.values.iter().zip(&y.target_detail.values) {
                if floor {
                    prop_assert!(ty.level_index >= tx.level_index);
                } else {
                    prop_assert!(ty.level_index <= tx.level_index);
                }
            }
        }
        let _ = ContextValue::Flag(true);
    }
}

/// A deterministic Fisher-Yates shuffle.
fn shuffle<T>(v: &mut [T], seed: u64) {
    let mut s = seed | 1;
    for i in (1..v.len()).rev() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let j = (s % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}
