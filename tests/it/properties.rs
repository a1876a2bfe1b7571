//! The invariants of the design, one property test each, over generated
//! rulebooks and missions.

use crate::fixtures;

use fixtures::{case, load};
use integration_readiness::assess::DimensionScore;
use integration_readiness::assess::Verdict;
use integration_readiness::model::{
    Condition, ContextValue, MissionData, RulebookData, TargetRule,
};
use integration_readiness::score_only;
use integration_readiness::{Mission, Rulebook, assess};
use integration_readiness::{Polarity, Rating};
use proptest::prelude::*;

const EPS: f64 = 1e-9;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Invariant 1: every score and bound is in [0, 100]; low <= point <= high;
    /// levels likewise.
    #[test]
    fn scores_and_levels_are_bounded((rbd, md) in case()) {
        let (_, m) = load(&rbd, &md);
        let a = assess(&m);
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
        let rated: Vec<usize> = (0..rb.factors().len()).filter(|&f| m.rating(f).unwrap().up().is_some()).collect();
        prop_assume!(!rated.is_empty());
        let f = rated[pick.index(rated.len())];
        let before = score_only(&m);
        let mut m2 = m.clone();
        m2.set_rating(f, m.rating(f).unwrap().up().unwrap());
        let after = score_only(&m2);
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
    fn rating_an_unknown_stays_inside_the_range((rbd, md) in case(), pick in any::<prop::sample::Index>(), r in fixtures::rating()) {
        let (rb, m) = load(&rbd, &md);
        let rated = rate_an_unknown(&rb, &m, pick, r);
        prop_assume!(rated.is_some());
        let (_, before, after) = rated.unwrap();
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(a.score >= b.range[0] - EPS && a.score <= b.range[1] + EPS, "{} not in {:?}", a.score, b.range);
            prop_assert!(a.range[0] >= b.range[0] - EPS && a.range[1] <= b.range[1] + EPS);
            prop_assert!(a.level_range[0] >= b.level_range[0] && a.level_range[1] <= b.level_range[1]);
        }
    }

    /// Invariant 3, its direction: rating an unknown factor moves each
    /// point score it weighs on in the news' own direction (better than
    /// the middle of the scale raises it, worse lowers it), and `partial`
    /// leaves every score where it was.
    #[test]
    fn news_moves_the_point_score_its_own_way((rbd, md) in case(), pick in any::<prop::sample::Index>(), r in fixtures::scale_rating()) {
        let (rb, m) = load(&rbd, &md);
        let rated = rate_an_unknown(&rb, &m, pick, r);
        prop_assume!(rated.is_some());
        let (f, before, after) = rated.unwrap();
        // What the news earns against the middle of the scale.
        let s = r.strength().unwrap();
        let earned = if rb.factors()[f].polarity == Polarity::Enabler { s } else { 1.0 - s };
        for (d, (b, a)) in before.iter().zip(&after).enumerate() {
            let weighs = rb.weight(f, d).unwrap() > 0.0;
            if !weighs || earned == 0.5 {
                prop_assert!((a.score - b.score).abs() < EPS, "{} -> {} on {d}", b.score, a.score);
            } else if earned > 0.5 {
                prop_assert!(a.score > b.score, "good news lowered {d}: {} -> {}", b.score, a.score);
            } else {
                prop_assert!(a.score < b.score, "bad news raised {d}: {} -> {}", b.score, a.score);
            }
        }
    }

    /// Invariant 3: the point score is the middle of the range, overall and
    /// on every dimension.
    #[test]
    fn the_point_score_is_the_middle_of_the_range((rbd, md) in case()) {
        let (_, m) = load(&rbd, &md);
        let a = assess(&m);
        for d in &a.dimensions {
            let mid = (d.score_range[0] + d.score_range[1]) / 2.0;
            prop_assert!((d.score - mid).abs() < 1e-9, "{}: {} vs {mid}", d.id, d.score);
        }
        let o = &a.overall;
        prop_assert!((o.score - (o.score_range[0] + o.score_range[1]) / 2.0).abs() < 1e-9);
    }

    /// Invariant 10: below the minimum coverage, with nothing applicable, or
    /// where the context keys the mission leaves out could change it, a
    /// verdict is undetermined, never ready; otherwise it is the verdict
    /// every completion of the context gives. The completions are assessed
    /// one by one, as missions of their own. The one exception below the
    /// minimum: a shortfall (stretch, not-ready) that every level the
    /// missing evidence leaves open gives, in every completion.
    #[test]
    fn no_verdict_without_evidence_or_context((rbd, md) in case(), min in prop::sample::select(vec![0.0, 0.25, 0.5, 0.9]), conditional in any::<bool>()) {
        let mut rbd = rbd;
        let mut md = md;
        rbd.rulebook.min_coverage = min;
        if conditional {
            // The first factor applies only where k1 is true (so it is not
            // rated not-applicable: that would be refused where it applies),
            // and the first gate binds only where k0 is x.
            rbd.factors[0].applies_when.insert("k1".into(), Condition::One(ContextValue::Flag(true)));
            if md.evidence.get("f0").is_some_and(|e| e.rating == Rating::NotApplicable) {
                md.evidence.remove("f0");
            }
            if let Some(g) = rbd.gates.first_mut() {
                g.when.insert("k0".into(), Condition::One(ContextValue::Word("x".into())));
            }
        }
        let (_, m) = load(&rbd, &md);
        let a = assess(&m);
        let completions: Vec<MissionData> = completions(&rbd, &md);
        let verdicts: Vec<Vec<Verdict>> = completions
            .iter()
            .map(|c| {
                let (_, m) = load(&rbd, c);
                assess(&m).dimensions.iter().map(|d| d.verdict).collect()
            })
            .collect();
        for (i, d) in a.dimensions.iter().enumerate() {
            let short = !d.applicable || d.coverage == 0.0 || d.coverage + 1e-9 < min;
            let mut seen: Vec<Verdict> = verdicts.iter().map(|v| v[i]).collect();
            seen.sort();
            seen.dedup();
            if short && d.verdict != Verdict::Undetermined {
                prop_assert!(matches!(d.verdict, Verdict::NotReady | Verdict::Stretch), "{}", d.id);
                prop_assert_eq!(&seen, &vec![d.verdict], "{}", d.id);
                let lowest = rbd.levels.iter().position(|l| l.id == d.target_detail.range[0]).unwrap();
                prop_assert!(d.level_index[2] < lowest, "{}: {:?}", d.id, d.level_index);
            } else if short || seen.len() > 1 {
                prop_assert_eq!(d.verdict, Verdict::Undetermined, "{}: {:?}", d.id, seen);
            } else {
                prop_assert_eq!(d.verdict, seen[0], "{}", d.id);
            }
            prop_assert!(d.verdict != Verdict::Ready || (d.coverage > 0.0 && !short));
        }
    }

    /// Above-target exactly when the level is above a binding cap: the
    /// lowest `at-most` of the mission's rules that the context matches,
    /// worked out here from the rulebook's data.
    #[test]
    fn above_target_exactly_above_a_binding_cap((rbd, md) in case()) {
        let (_, m) = load(&rbd, &md);
        let a = assess(&m);
        for (i, d) in a.dimensions.iter().enumerate() {
            if d.verdict == Verdict::Undetermined {
                continue;
            }
            let Some(cap) = binding_cap(&rbd, &md, &rbd.dimensions[i].id) else {
                // A cap the missing context leaves open: the verdict is
                // the same whichever way it goes, so it is not above-target
                // unless above every cap it could be.
                continue;
            };
            let above = cap.is_some_and(|c| d.level_index[0] > c);
            prop_assert_eq!(d.verdict == Verdict::AboveTarget, above, "{}: level {} cap {:?}", d.id, d.level_index[0], cap);
        }
    }

    /// Invariant 4: permuting factors, gates, rules and entities changes
    /// nothing.
    #[test]
    fn order_independence((rbd, md) in case(), seed in any::<u64>()) {
        let (_, m) = load(&rbd, &md);
        let mut p = rbd.clone();
        let mut md2 = md.clone();
        shuffle(&mut p.factors, seed);
        shuffle(&mut p.gates, seed.rotate_left(7));
        shuffle(&mut p.rules, seed.rotate_left(13));
        shuffle(&mut md2.entities, seed.rotate_left(17));
        let (_, m2) = load(&p, &md2);
        let a = assess(&m);
        let b = assess(&m2);
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
        let (_, m) = load(&rbd, &md);
        let mut scaled = rbd.clone();
        let key = fixtures::dim_id(d);
        for f in &mut scaled.factors {
            if let Some(w) = f.weights.get_mut(&key) { *w *= c; }
        }
        let (_, m2) = load(&scaled, &md);
        let a = score_only(&m);
        let b = score_only(&m2);
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
        prop_assert_eq!(assess(&m), assess(&m));
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
        let (_, m) = load(&rbd, &md);
        let level = level % rbd.levels.len();
        let mut more = rbd.clone();
        let mut when = std::collections::BTreeMap::new();
        if with_context {
            if let Some(v) = md.context.get("k0") {
                when.insert("k0".to_owned(), Condition::One(v.clone()));
            }
        }
        let mut rule = TargetRule::new(
            "added",
            rbd.dimensions.iter().map(|d| d.id.clone()).collect(),
            "b",
            fixtures::cite(),
        );
        rule.when = when;
        rule.at_least = floor.then(|| rbd.levels[level].id.clone());
        rule.at_most = (!floor).then(|| rbd.levels[level].id.clone());
        more.rules.push(rule);
        let (_, m2) = load(&more, &md);
        let a = assess(&m);
        let b = assess(&m2);
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

/// The scores of `m` before and after one of its unknown factors (the
/// `pick`ed one) is rated `r`, with that factor; `None` when none is unknown.
fn rate_an_unknown(
    rb: &Rulebook,
    m: &Mission,
    pick: prop::sample::Index,
    r: Rating,
) -> Option<(usize, Vec<DimensionScore>, Vec<DimensionScore>)> {
    let unknown: Vec<usize> = (0..rb.factors().len())
        .filter(|&f| m.rating(f).unwrap() == Rating::Unknown)
        .collect();
    if unknown.is_empty() {
        return None;
    }
    let f = unknown[pick.index(unknown.len())];
    let mut m2 = m.clone();
    m2.set_rating(f, r);
    Some((f, score_only(m), score_only(&m2)))
}

/// The mission with every context key it leaves out given each value in
/// turn: every completion of its context (itself when it is complete).
fn completions(rb: &RulebookData, md: &MissionData) -> Vec<MissionData> {
    let mut out = vec![md.clone()];
    for key in &rb.context {
        if md.context.contains_key(&key.key) {
            continue;
        }
        out = out
            .into_iter()
            .flat_map(|m| {
                key.values.iter().map(move |v| {
                    let mut c = m.clone();
                    c.context.insert(key.key.clone(), v.clone());
                    c
                })
            })
            .collect();
    }
    out
}

/// The lowest level of the mission-wide `at-most` rules on `dim` that the
/// mission's context matches: `Some(None)` when none does, `None` when a
/// rule's match depends on a key the mission leaves out.
fn binding_cap(rb: &RulebookData, md: &MissionData, dim: &str) -> Option<Option<usize>> {
    let mut cap: Option<usize> = None;
    for rule in &rb.rules {
        let Some(level) = &rule.at_most else { continue };
        if !rule.roles.is_empty() || !rule.dimensions.iter().any(|d| d == dim) {
            continue;
        }
        let mut matched = true;
        for (k, cond) in &rule.when {
            match md.context.get(k) {
                Some(v) if cond.values().contains(v) => {}
                Some(_) => matched = false,
                None => return None,
            }
        }
        if matched {
            let l = rb.levels.iter().position(|x| &x.id == level).unwrap();
            cap = Some(cap.map_or(l, |c: usize| c.min(l)));
        }
    }
    Some(cap)
}
