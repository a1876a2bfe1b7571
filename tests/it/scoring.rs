//! The scoring core on a tiny hand-made rulebook (tests/data/tiny.toml),
//! with every expected number computed by hand in the comments.

use crate::fixtures::{TINY, close, mission, tiny};
use integration_readiness::assess::{Blocker, Undetermined, Verdict};
use integration_readiness::{Mission, Rating, Rulebook, assess};

/// The tiny rulebook as edited in `text`, under the id `other`.
fn other(text: &str) -> Rulebook {
    Rulebook::from_toml(
        &text.replace("id = \"tiny\"", "id = \"other\""),
        "other.toml",
    )
    .unwrap()
}

// e1 partial (0.5), e2 unknown, b1 low (0.25).
// a: weights e1 2, e2 1, b1 1. Earned 2*0.5 + 1*(1-0.25) = 1.75 rated, e2
//    unknown (1) at the middle, 0.5: point (1.75 + 0.5) / 4 = 56.25, range
//    1.75/4 = 43.75 .. 2.75/4 = 68.75, coverage 3/4.
// b: weights e1 1, e2 0, b1 1. Earned 0.5 + 0.75 = 1.25 over 2: 62.5, no unknown.
const BASE: &str = r#"
[evidence.e1]
rating = "partial"
[evidence.b1]
rating = "low"
"#;

#[test]
fn scores_ranges_and_coverage() {
    let rb = tiny();
    let m = mission(&rb, BASE);
    let a = assess(&m);
    let da = &a.dimensions[0];
    close(da.score, 56.25);
    // The middle of the range.
    close(da.score, (da.score_range[0] + da.score_range[1]) / 2.0);
    close(da.score_range[0], 43.75);
    close(da.score_range[1], 68.75);
    close(da.coverage, 0.75);
    let db = &a.dimensions[1];
    close(db.score, 62.5);
    assert_eq!(db.score_range, [62.5, 62.5]);
    close(db.coverage, 1.0);
    // Overall: equal dimension weights.
    close(a.overall.score, (56.25 + 62.5) / 2.0);
    close(a.overall.score_range[0], (43.75 + 62.5) / 2.0);
    close(a.overall.score_range[1], (68.75 + 62.5) / 2.0);
    // Coverage over all weight: rated 3 + 2, unknown 1.
    close(a.overall.coverage, 5.0 / 6.0);
}

#[test]
fn a_rated_factor_on_a_dimension_with_nothing_rated_earns_and_loses_nothing() {
    let rb = tiny();
    // Only e2 is rated, and it weighs 0 on b: b has no rated weight, so
    // e2's points there are 0, not 0 / 0. On a, over all applicable weight
    // (e1 2, e2 1, b1 1): 100 × 1 × 1 / 4 = 25.
    let m = mission(&rb, "[evidence.e2]\nrating = \"full\"\n");
    let a = assess(&m);
    let e2 = &a.factors[1];
    assert_eq!(e2.contributions.get("b"), Some(&0.0));
    assert_eq!(e2.lost.get("b"), Some(&0.0));
    close(*e2.contributions.get("a").unwrap(), 25.0);
    close(*e2.lost.get("a").unwrap(), 0.0);
    // The unknown e1 counts at the middle: 100 × 2 × 0.5 / 4 each way.
    close(*a.factors[0].contributions.get("a").unwrap(), 25.0);
    close(*a.factors[0].lost.get("a").unwrap(), 25.0);
}

#[test]
fn a_factors_note_and_sources_reach_its_result() {
    let rb = tiny();
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"partial\"\nnote = \"seen in the field\"\nsources = [\"review 2007\", \"interviews\"]\n",
    );
    let a = assess(&m);
    let e1 = &a.factors[0];
    assert_eq!(e1.note.as_deref(), Some("seen in the field"));
    let sources: Vec<&str> = e1.sources.iter().map(|s| &**s).collect();
    assert_eq!(sources, ["review 2007", "interviews"]);
    // A factor without evidence has neither.
    assert_eq!(a.factors[1].note, None);
    assert!(a.factors[1].sources.is_empty());
}

#[test]
fn an_unknown_factor_weighing_nothing_where_nothing_applies_stakes_only_where_it_weighs() {
    let rb = tiny();
    // e1 and b1 do not apply: on a only e2 applies (weight 1), unknown, so
    // rating it settles a's whole range, 0 to 100; on b nothing applies
    // (e2 weighs 0 there), so b leaves the overall. At stake: 100.
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"not-applicable\"\nnote = \"no\"\n[evidence.b1]\nrating = \"not-applicable\"\nnote = \"no\"\n",
    );
    let a = assess(&m);
    assert_eq!(a.evidence_gaps.len(), 1);
    assert_eq!(a.evidence_gaps[0].factor, "e2");
    assert_eq!(a.evidence_gaps[0].at_stake, 100.0);
}

#[test]
fn contributions_sum_to_the_score() {
    let rb = tiny();
    let m = mission(&rb, BASE);
    let a = assess(&m);
    // e1 on a: 100 * 2 * 0.5 / 4 earned, 100 * 2 * 0.5 / 4 lost.
    let e1 = &a.factors[0];
    close(*e1.contributions.get("a").unwrap(), 25.0);
    close(*e1.lost.get("a").unwrap(), 25.0);
    // b1 on b: 100 * 1 * 0.75 / 2 earned.
    let b1 = &a.factors[2];
    close(*b1.contributions.get("b").unwrap(), 37.5);
    close(*b1.lost.get("b").unwrap(), 12.5);
    // e2 has no evidence: null rating, and it counts at the middle of the
    // scale on a, 100 * 1 * 0.5 / 4 each way; it weighs 0 on b.
    assert_eq!(a.factors[1].rating, None);
    close(*a.factors[1].contributions.get("a").unwrap(), 12.5);
    close(*a.factors[1].lost.get("a").unwrap(), 12.5);
    assert_eq!(*a.factors[1].contributions.get("b").unwrap(), 0.0);
    for d in &a.dimensions {
        let sum: f64 = a
            .factors
            .iter()
            .map(|f| f.contributions.get(&d.id).unwrap())
            .sum();
        close(sum, d.score);
    }
}

#[test]
fn placement_by_threshold_with_range() {
    let rb = tiny();
    let m = mission(&rb, BASE);
    let a = assess(&m);
    // a: 56.25 >= 40 and < 70 -> mid; low 43.75 -> mid; high 68.75 -> mid.
    assert_eq!(a.dimensions[0].level, "mid");
    assert_eq!(a.dimensions[0].level_range, ["mid", "mid"]);
    let next = a.dimensions[0].next.as_ref().unwrap();
    assert_eq!(next.level, "top");
    // Both the threshold (70) and the gate (e1 at least high) stop it.
    assert_eq!(next.blockers.len(), 2);
    assert!(matches!(next.blockers[0], Blocker::Threshold { needed, .. } if needed == 70.0));
    assert!(matches!(
        &next.blockers[1],
        Blocker::Gate {
            factor,
            rating: Rating::High,
            actual: Rating::Partial,
            ..
        } if factor == "e1"
    ));
}

#[test]
fn a_score_the_tolerance_short_of_the_next_threshold_is_held_only_by_its_gate() {
    // top at 50.000000001 on a: the score 50 is short of it by the
    // tolerance, 1e-9, and so reaches it. e1, e2 and b1 partial:
    // (2 × 0.5 + 0.5 + 0.5) / 4 = 50; e1 is not at least high, so the
    // level stays mid and the gate is the only thing between it and top.
    let text = TINY.replace(
        "threshold = { a = 70.0, b = 70.0 }",
        "threshold = { a = 50.000000001, b = 70.0 }",
    );
    let rb = Rulebook::from_toml(&text, "tiny.toml").unwrap();
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"partial\"\n[evidence.e2]\nrating = \"partial\"\n[evidence.b1]\nrating = \"partial\"\n",
    );
    let a = assess(&m);
    assert_eq!(a.dimensions[0].score, 50.0);
    assert_eq!(a.dimensions[0].level, "mid");
    let next = a.dimensions[0].next.as_ref().unwrap();
    assert_eq!(next.level, "top");
    assert_eq!(next.blockers.len(), 1, "{:?}", next.blockers);
    assert!(matches!(
        &next.blockers[0],
        Blocker::Gate { factor, .. } if factor == "e1"
    ));
}

#[test]
fn a_recommendation_lifts_a_level_only_past_its_gate() {
    let rb = tiny();
    // a: e1 partial 2 × 0.5, e2 high 0.75, b1 none 1: 2.75 / 4 = 68.75, mid.
    // e2 up to full: 3 / 4 = 75, past top's 70, but top's gate wants e1 at
    // least high: no lift. e1 up to high: 3.25 / 4 = 81.25, and the gate
    // holds: a lifts to top.
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"partial\"\n[evidence.e2]\nrating = \"high\"\n[evidence.b1]\nrating = \"none\"\n",
    );
    let a = assess(&m);
    assert_eq!(a.dimensions[0].level, "mid");
    let lifts = |f: &str| {
        let r = a.recommendations.iter().find(|r| r.factor == f).unwrap();
        r.lifts.clone()
    };
    assert!(lifts("e2").is_empty());
    assert_eq!(lifts("e1"), vec!["a"]);
}

#[test]
fn a_score_exactly_the_tolerance_short_of_a_threshold_reaches_it() {
    // top at 50.000000001 on b, no gate there: e1 and b1 partial give b
    // (0.5 + 0.5) / 2 = 50, the threshold less the tolerance: top.
    let text = TINY.replace(
        "threshold = { a = 70.0, b = 70.0 }",
        "threshold = { a = 70.0, b = 50.000000001 }",
    );
    let rb = Rulebook::from_toml(&text, "tiny.toml").unwrap();
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"partial\"\n[evidence.b1]\nrating = \"partial\"\n",
    );
    let a = assess(&m);
    assert_eq!(a.dimensions[1].score, 50.0);
    assert_eq!(a.dimensions[1].level, "top");
}

#[test]
fn a_gate_stops_a_level_the_score_reaches() {
    let rb = tiny();
    // a: e1 partial 1.0 + e2 full 1.0 + b1 none 1.0 = 3 / 4 = 75 >= 70, but
    // e1 is not at least high: the level stays mid.
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"partial\"\n[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"none\"\n",
    );
    let a = assess(&m);
    close(a.dimensions[0].score, 75.0);
    assert_eq!(a.dimensions[0].level, "mid");
    let next = a.dimensions[0].next.as_ref().unwrap();
    assert_eq!(next.blockers.len(), 1);
    assert!(matches!(
        &next.blockers[0],
        Blocker::Gate { factor, .. } if factor == "e1"
    ));
    // With e1 high: a = (1.5 + 1 + 1) / 4 = 87.5 and the gate holds.
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"high\"\n[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"none\"\n",
    );
    let a = assess(&m);
    close(a.dimensions[0].score, 87.5);
    assert_eq!(a.dimensions[0].level, "top");
    assert!(a.dimensions[0].next.is_none());
}

#[test]
fn unknown_gates_fail_pessimistically_and_hold_optimistically() {
    let rb = tiny();
    // Only e2 full and b1 none rated: 2 earned, unknown e1 (2) at the
    // middle: (2 + 1) / 4 = 75, range 50..100. The point level passes top's
    // 70 but fails the e1 gate (unknown): mid. Optimistic: 100 and the gate
    // holds: top. Pessimistic: 50: mid.
    let m = mission(
        &rb,
        "[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"none\"\n",
    );
    let a = assess(&m);
    close(a.dimensions[0].score, 75.0);
    assert_eq!(a.dimensions[0].score_range, [50.0, 100.0]);
    assert_eq!(a.dimensions[0].level, "mid");
    assert_eq!(a.dimensions[0].level_range, ["mid", "top"]);
}

#[test]
fn no_evidence_gives_the_middle_of_the_range() {
    let rb = tiny();
    let m = mission(&rb, "");
    let a = assess(&m);
    // Every factor at the middle of the scale: 50, which passes mid's 40
    // on both dimensions; the range spans apart (0) to top (100, the gate
    // on e1 holding optimistically). No verdict on no evidence.
    for d in &a.dimensions {
        assert!(d.no_evidence);
        assert_eq!(d.score, 50.0);
        assert_eq!(d.score_range, [0.0, 100.0]);
        assert_eq!(d.coverage, 0.0);
        assert_eq!(d.level, "mid");
        assert_eq!(d.level_range, ["apart", "top"]);
        assert_eq!(d.verdict, Verdict::Undetermined);
    }
}

#[test]
fn not_applicable_leaves_sum_and_denominator() {
    let rb = tiny();
    // b1 not applicable: a = e1 full 2, e2 unknown 1 at the middle:
    // (2 + 0.5) / 3 = 83.33, range 66.7..100.
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"full\"\n[evidence.b1]\nrating = \"not-applicable\"\n",
    );
    let a = assess(&m);
    close(a.dimensions[0].score, 250.0 / 3.0);
    close(a.dimensions[0].score_range[0], 200.0 / 3.0);
    close(a.dimensions[0].coverage, 2.0 / 3.0);
    // b: only e1 (weight 1) applies: 100, coverage 1.
    close(a.dimensions[1].score, 100.0);
    close(a.dimensions[1].coverage, 1.0);
}

#[test]
fn targets_floor_cap_tension_and_verdicts() {
    let rb = tiny();
    let base = format!(
        "[context]\nmode = \"big\"\nflag = true\n{BASE}\n[[entity]]\nname = \"OCHA\"\nrole = \"hum\"\ncurrent = {{ a = \"mid\", b = \"apart\" }}\n[[entity]]\nname = \"UNDP\"\nrole = \"dev\"\n"
    );
    let m = mission(&rb, &base);
    let a = assess(&m);
    // Mission: a has floor top (big-floor), b the default apart.
    assert_eq!(a.dimensions[0].target, "top");
    assert_eq!(a.dimensions[0].target_detail.set_by, vec!["big-floor"]);
    assert_eq!(a.dimensions[1].target, "apart");
    assert!(a.dimensions[1].target_detail.set_by.is_empty());
    // a: level mid, target top: one short -> stretch. b: mid >= apart: ready.
    assert_eq!(a.dimensions[0].verdict, Verdict::Stretch);
    assert_eq!(a.dimensions[1].verdict, Verdict::Ready);
    assert_eq!(a.overall.verdict, Verdict::Stretch);
    // OCHA (hum): the cap apart beats the floor top on a: a tension.
    let ocha = &a.entities[0];
    assert_eq!(ocha.target.values, vec!["apart", "apart"]);
    let t = ocha.target_detail.values[0].tension.as_ref().unwrap();
    assert_eq!((t.floor.as_str(), t.cap.as_str()), ("top", "apart"));
    assert_eq!(t.cap_rules, vec!["hum-cap"]);
    // Declared mid on a, above its target: over-integrated.
    assert_eq!(ocha.over_integrated, vec!["a"]);
    // UNDP (dev): no cap, so the mission's targets.
    assert_eq!(a.entities[1].target.values, vec!["top", "apart"]);
    assert!(a.entities[1].over_integrated.is_empty());
}

#[test]
fn a_missing_context_key_leaves_a_rule_undecided() {
    let rb = tiny();
    let m = mission(
        &rb,
        &format!(
            "[context]\nmode = \"big\"\n{BASE}\n[[entity]]\nname = \"OCHA\"\nrole = \"hum\"\n"
        ),
    );
    let a = assess(&m);
    // The report names the key to state, with its values, not the rule.
    let keys: Vec<&str> = a.missing_context.iter().map(|k| k.key.as_str()).collect();
    assert_eq!(keys, ["flag"]);
    assert_eq!(a.missing_context[0].values.len(), 2);
    // The mission's own targets do not read `flag`: decided.
    assert_eq!(a.dimensions[0].target_detail.range, ["top", "top"]);
    assert!(a.dimensions[0].target_detail.open_keys.is_empty());
    // OCHA: flag = true caps a at apart (over the floor top); flag = false
    // leaves the floor. The target is the range, its level the highest.
    let ocha = &a.entities[0];
    let ta = &ocha.target_detail.values[0];
    assert_eq!(ta.range, ["apart", "top"]);
    assert_eq!(ta.open_keys, ["flag"]);
    assert_eq!(ocha.target.values, vec!["top", "apart"]);
}

#[test]
fn recommendations_rank_level_lifts_before_gain_per_effort() {
    let rb = tiny();
    // Without context, a's target is mid (reached): nothing lifts, so rank by
    // gain per cost. a's denominator is all its applicable weight, 4.
    // e1 partial->high: a +2 × 0.25 / 4 = +12.5, b +0.25 / 2 = +12.5:
    //   overall +12.5, cost 4 (high) -> 3.125 a point.
    // b1 low->none: a +0.25 / 4 = +6.25, b +12.5: +9.375, cost 1.
    let m = mission(&rb, BASE);
    let a = assess(&m);
    let ids: Vec<&str> = a
        .recommendations
        .iter()
        .map(|r| r.factor.as_str())
        .collect();
    assert_eq!(ids, vec!["b1", "e1"]);
    close(a.recommendations[0].gain, (6.25 + 12.5) / 2.0);
    assert_eq!(a.recommendations[0].from, Rating::Low);
    assert_eq!(a.recommendations[0].to, Rating::None);
    close(a.recommendations[1].gain, 12.5);
    // With mode = big, a's target is top. With e2 full too, a is
    // (1 + 1 + 0.75) / 4 = 68.75: e1 -> high gives 81.25 >= 70 and opens
    // the gate, lifting a; it comes first despite its cost.
    let m = mission(
        &rb,
        &format!("[context]\nmode = \"big\"\n{BASE}[evidence.e2]\nrating = \"full\"\n"),
    );
    let a = assess(&m);
    let ids: Vec<&str> = a
        .recommendations
        .iter()
        .map(|r| r.factor.as_str())
        .collect();
    assert_eq!(ids, vec!["e1", "b1"]);
    // e1 -> high also takes b from 62.5 to 75: top there too.
    assert_eq!(a.recommendations[0].lifts, vec!["a", "b"]);
    // b1 raises a to 75 (the gate still shut) and b from mid (62.5) to top
    // (75): named among the lifts, but b is above its target (apart), so
    // the lift does not rank b1 first.
    assert_eq!(a.recommendations[1].lifts, vec!["b"]);
}

#[test]
fn evidence_gaps_rank_by_range_at_stake() {
    let rb = tiny();
    let m = mission(&rb, BASE);
    let a = assess(&m);
    // e2 unknown: weight 1 of 4 on a (25 points), 0 on b: overall 12.5.
    assert_eq!(a.evidence_gaps.len(), 1);
    assert_eq!(a.evidence_gaps[0].factor, "e2");
    close(a.evidence_gaps[0].at_stake, 12.5);
}

#[test]
fn mission_effort_overrides_the_rulebook() {
    let rb = tiny();
    // e1 made low effort: 12.5 a point beats b1's 9.375.
    let m = mission(&rb, &format!("[effort]\ne1 = \"low\"\n{BASE}"));
    let a = assess(&m);
    assert_eq!(a.recommendations[0].factor, "e1");
    assert_eq!(a.recommendations[0].cost, 1.0);
}

#[test]
fn a_mission_of_another_rulebook_is_refitted_with_warnings() {
    let rb = tiny();
    let m = mission(&rb, BASE);
    let rb2 = other(&TINY.replace("id = \"b1\"", "id = \"b9\""));
    let (m2, warnings) = m.refit(&rb2);
    assert_eq!(m2.rulebook(), &rb2);
    let a = assess(&m2);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("`b1`"), "{warnings:?}");
    // e1 partial still counts; b9 is unknown.
    assert_eq!(a.factors[0].rating, Some(Rating::Partial));
    assert_eq!(a.factors[2].rating, None);
}

#[test]
fn entities_and_levels_the_other_rulebook_lacks_are_left_out_with_warnings() {
    let rb = tiny();
    let m = mission(
        &rb,
        &format!(
            "{BASE}\n[[entity]]\nname = \"UNDP\"\nrole = \"dev\"\n\
             [[entity]]\nname = \"OCHA\"\nrole = \"hum\"\ncurrent = {{ a = \"mid\", b = \"top\" }}\n"
        ),
    );
    // The other rulebook calls the development role `devt` and the middle
    // level `middle`: UNDP cannot be placed, and OCHA's `a = mid` cannot
    // be read; OCHA and its `b = top` stay.
    let rb2 = other(
        &TINY
            .replace("id = \"dev\"", "id = \"devt\"")
            .replace("id = \"mid\"", "id = \"middle\"")
            .replace("default-target = \"mid\"", "default-target = \"middle\""),
    );
    let (m2, warnings) = m.refit(&rb2);
    let a = assess(&m2);
    assert_eq!(
        warnings,
        [
            "entity `UNDP` left out: rulebook `other` has no role `dev`",
            "current level a = `mid` of entity `OCHA` left out: rulebook `other` has no such dimension or level",
        ]
    );
    assert_eq!(a.entities.len(), 1);
    assert_eq!(a.entities[0].name, "OCHA");
    assert_eq!(a.entities[0].current.values, vec![None, Some("top".into())]);
}

#[test]
fn a_context_value_the_other_rulebook_lacks_is_left_out_with_a_warning() {
    let rb = tiny();
    let m = mission(
        &rb,
        &format!("[context]\nmode = \"big\"\nflag = true\n{BASE}"),
    );
    // The other rulebook calls big missions "large": `mode = big` cannot be
    // read against it, `flag = true` can.
    let rb2 = other(
        &TINY
            .replace(
                "values = [\"small\", \"big\"]",
                "values = [\"small\", \"large\"]",
            )
            .replace("mode = \"big\"", "mode = \"large\""),
    );
    let (_, warnings) = m.refit(&rb2);
    assert_eq!(
        warnings,
        ["context `mode` = \"big\" left out: rulebook `other` does not declare it"]
    );
}

#[test]
fn an_entitys_gap_counts_the_levels_between_where_it_is_and_its_target() {
    let rb = tiny();
    // mode = big: the floor big-floor puts a at top (level 2) for a partner
    // inside the mission. At mid (1) the gap is 1; at apart (0), 2; at top,
    // 0. On b the default target is apart: no gap.
    let gap = |current: &str| {
        let m = mission(
            &rb,
            &format!(
                "[context]\nmode = \"big\"\n{BASE}\n[[entity]]\nname = \"UNDP\"\nrole = \"dev\"\ncurrent = {{ a = \"{current}\", b = \"mid\" }}\n"
            ),
        );
        let a = assess(&m);
        assert_eq!(a.entities[0].target.values, vec!["top", "apart"]);
        (
            *a.entities[0].gap.get("a").unwrap(),
            *a.entities[0].gap.get("b").unwrap(),
        )
    };
    assert_eq!(gap("mid"), (1, 0));
    assert_eq!(gap("apart"), (2, 0));
    assert_eq!(gap("top"), (0, 0));
}

#[test]
fn partners_outside_the_mission_keep_default_targets() {
    // A role with follows-mission = false: the mission-wide floor big-floor
    // (a at least top) does not apply; the default (a: mid) does.
    let text = TINY.replace(
        "[[role]]\nid = \"dev\"\ntitle = \"Development\"\n",
        "[[role]]\nid = \"dev\"\ntitle = \"Development\"\n\n[[role]]\nid = \"donor\"\ntitle = \"Donor\"\nfollows-mission = false\n",
    );
    assert_ne!(text, TINY);
    let rb = Rulebook::from_toml(&text, "tiny.toml").unwrap();
    let m = mission(
        &rb,
        &format!(
            "[context]\nmode = \"big\"\n{BASE}\n[[entity]]\nname = \"Fund\"\nrole = \"donor\"\ncurrent = {{ a = \"top\" }}\n[[entity]]\nname = \"UNDP\"\nrole = \"dev\"\n"
        ),
    );
    let a = assess(&m);
    assert_eq!(a.entities[0].target.values, vec!["mid", "apart"]);
    assert_eq!(a.entities[1].target.values, vec!["top", "apart"]);
    // The donor declared top on a is above its (default) target, but not
    // above a cap: doing more than asked is not over-integration.
    assert!(a.entities[0].over_integrated.is_empty());
    assert_eq!(a.entities[0].gap.values, vec![0, 0]);
}

#[test]
fn above_a_cap_is_told_apart_from_above_a_floor() {
    let rb = tiny();
    let m = mission(
        &rb,
        &format!(
            "[context]\nmode = \"big\"\nflag = true\n{BASE}\n[[entity]]\nname = \"OCHA\"\nrole = \"hum\"\ncurrent = {{ a = \"mid\", b = \"mid\" }}\n"
        ),
    );
    let a = assess(&m);
    // hum-cap caps a and b at apart: mid is above a cap on both.
    assert_eq!(a.entities[0].over_integrated, vec!["a", "b"]);
    assert!(a.entities[0].target_detail.values[1].capped);
}

#[test]
fn little_evidence_gives_no_verdict_and_an_open_range_a_provisional_one() {
    use integration_readiness::assess::{ProvisionalCause, Undetermined};
    let rb = tiny();
    // a: only b1 (weight 1 of 4) rated none (a barrier absent: earns 1);
    // e1 (2) and e2 (1) at the middle: (1 + 1.5) / 4 = 62.5, range
    // 25..100. Coverage 0.25 < 0.5: no verdict. The level could be apart
    // (25) to top (100, the e1 gate holding): provisional, for two causes.
    let m = mission(&rb, "[evidence.b1]\nrating = \"none\"\n");
    let a = assess(&m);
    let da = &a.dimensions[0];
    assert!((da.coverage - 0.25).abs() < 1e-12);
    close(da.score, 62.5);
    assert_eq!(da.verdict, Verdict::Undetermined);
    assert_eq!(
        da.undetermined,
        Some(Undetermined::LowCoverage {
            coverage: 0.25,
            needed: 0.5
        })
    );
    // Rate e1 first: it carries 2 of the 3 unrated weight, and with it a
    // reaches 3 of 4.
    assert_eq!(da.rate_first, ["e1"]);
    assert!(da.provisional);
    assert_eq!(
        da.provisional_because,
        [
            ProvisionalCause::ScoreRange {
                level: "mid".into(),
                threshold: 40.0,
                unrated: 0.75
            },
            ProvisionalCause::UnratedGates {
                level: "top".into(),
                factors: vec!["e1".into()]
            }
        ]
    );
    // b: b1 is half of the weight (e2 has none): coverage 0.5, enough for
    // a verdict; (1 + 0.5) / 2 = 75, top, above apart: ready. But the
    // unknown e1 spans 50 (mid) to 100 (top): provisional.
    let db = &a.dimensions[1];
    assert!((db.coverage - 0.5).abs() < 1e-12);
    assert_eq!(db.verdict, Verdict::Ready);
    assert_eq!(
        db.level_range.clone().map(|l| l.to_string()),
        ["mid", "top"]
    );
    assert!(db.provisional);
    assert!(db.rate_first.is_empty());
    // The overall: one dimension without a verdict, and 2 of 6 rated.
    assert_eq!(a.overall.verdict, Verdict::Undetermined);
    assert_eq!(a.overall.rate_first, ["e1"]);
    // Rating e1 too closes b's range: b at 100, top for certain.
    let m = mission(
        &rb,
        "[evidence.b1]\nrating = \"none\"\n[evidence.e1]\nrating = \"full\"\n",
    );
    let b = assess(&m);
    assert_eq!(
        b.dimensions[1].level_range.clone().map(|l| l.to_string()),
        ["top", "top"]
    );
    assert!(!b.dimensions[1].provisional);
    // The report says why, in words, and never "too little to rely on".
    let text =
        integration_readiness::report::render(&a, integration_readiness::report::Format::Text)
            .unwrap();
    assert!(text.contains("A (a)  UNDETERMINED (provisional)"), "{text}");
    assert!(
        text.contains("no verdict: only 25% of the weight is rated; a verdict needs 50%"),
        "{text}"
    );
    assert!(text.contains("rate first: e1"), "{text}");
    assert!(
        text.contains("provisional: missing evidence: 75% of the weight is unrated"),
        "{text}"
    );
    assert!(text.contains("B (b)  READY (provisional)"), "{text}");
    assert!(!text.contains("too little to rely on"), "{text}");
}

#[test]
fn compare_reports_context_changes() {
    let rb = tiny();
    let m1 = mission(&rb, &format!("[context]\nmode = \"small\"\n{BASE}"));
    let m2 = mission(&rb, &format!("[context]\nmode = \"big\"\n{BASE}"));
    let (a, b) = (assess(&m1), assess(&m2));
    let c = integration_readiness::analysis::compare(&a, &b);
    assert_eq!(c.context_changes.len(), 1);
    assert_eq!(c.context_changes[0].0, "mode");
    assert!(c.changed_ratings.is_empty());
    // The target of a moved from mid to top with the context.
    assert_eq!(
        (
            c.dimensions[0].target_before.as_str(),
            c.dimensions[0].target_after.as_str()
        ),
        ("mid", "top")
    );
    assert!(!c.is_unchanged());
}

#[test]
fn a_gate_on_a_factor_that_does_not_apply_is_waived_and_shown() {
    let rb = tiny();
    // a: e1 not applicable, e2 full, b1 none: 2 / 2 = 100; the gate of top
    // (e1 at least high) does not apply: top, with the gate listed as waived.
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"not-applicable\"\nnote = \"no e1 here\"\n[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"none\"\n",
    );
    let a = assess(&m);
    assert_eq!(a.dimensions[0].level, "top");
    assert_eq!(a.dimensions[0].waived_gates, vec!["e1"]);
    assert!(
        integration_readiness::report::render(&a, integration_readiness::report::Format::Text)
            .unwrap()
            .contains("waived   gates on e1 (not applicable)")
    );
    // With e1 rated, nothing is waived.
    let m = mission(&rb, BASE);
    assert!(assess(&m).dimensions[0].waived_gates.is_empty());
    // Below top, the waiver of top's gate is shown too: it is what the next
    // step will not ask for. e2 and b1 partial: (0.5 + 0.5) / 2 = 50, mid.
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"not-applicable\"\nnote = \"no e1 here\"\n[evidence.e2]\nrating = \"partial\"\n[evidence.b1]\nrating = \"partial\"\n",
    );
    let a = assess(&m);
    assert_eq!(a.dimensions[0].level, "mid");
    assert_eq!(a.dimensions[0].waived_gates, vec!["e1"]);
    // e1 gated at mid as well as top: waived once, not once per level.
    let text = TINY.to_owned()
        + "\n[[gate]]\nlevel = \"mid\"\ndimensions = [\"a\"]\nfactor = \"e1\"\nat-least = \"low\"\n\
           because = \"mid needs some e1\"\ncitation = { section = \"Test\", paragraph = 1, phrase = \"first\" }\n";
    let twice = Rulebook::from_toml(&text, "tiny.toml").unwrap();
    let m = mission(
        &twice,
        "[evidence.e1]\nrating = \"not-applicable\"\nnote = \"no e1 here\"\n[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"none\"\n",
    );
    let a = assess(&m);
    assert_eq!(a.dimensions[0].level, "top");
    assert_eq!(a.dimensions[0].waived_gates, vec!["e1"]);
}

#[test]
fn a_dimension_where_nothing_applies_is_left_out_of_the_overall() {
    let rb = tiny();
    // b's weighted factors are e1 and b1 (e2 has weight 0 there): both not
    // applicable. a: e2 full, weight 1 of 1 applicable: 100.
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"not-applicable\"\nnote = \"no e1 here\"\n[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"not-applicable\"\n",
    );
    let a = assess(&m);
    assert!(a.dimensions[0].applicable);
    assert!(!a.dimensions[1].applicable);
    assert!(!a.dimensions[1].no_evidence && !a.dimensions[1].provisional);
    // The overall is a's alone, not (100 + 0) / 2.
    close(a.overall.score, 100.0);
    assert_eq!(a.overall.coverage, 1.0);
}

#[test]
fn the_analyses_of_a_refitted_mission_read_the_other_rulebook() {
    let rb = tiny();
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"none\"\n[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"none\"\n",
    );
    let other = TINY
        .replace("id = \"e1\"", "id = \"e9\"")
        .replace("factor = \"e1\"", "factor = \"e9\"");
    let rb2 = Rulebook::from_toml(&other, "other.toml").unwrap();
    let (m2, warnings) = m.refit(&rb2);
    assert_eq!(
        warnings,
        ["evidence for `e1` left out: rulebook `tiny` has no such factor"]
    );
    let a = assess(&m2);
    let r = integration_readiness::analysis::robustness(&m2, Default::default());
    let p = integration_readiness::analysis::plan(&m2);
    let quick = integration_readiness::score_only(&m2);
    // e9 is unknown after the refit: every path gives the same scores.
    for ((x, y), z) in a.dimensions.iter().zip(&r.dimensions).zip(&quick) {
        close(x.score, y.score);
        close(x.score, z.score);
    }
    assert!(a.warnings.is_empty() && r.warnings.is_empty() && p.warnings.is_empty());
    assert!(!p.changes.iter().any(|c| c.factor == "e9"));
}

#[test]
fn a_mission_scored_with_a_rulebook_it_does_not_carry_is_an_error_not_a_number() {
    let rb = tiny();
    let m = mission(&rb, BASE);
    let oslo = Rulebook::oslo_2007();
    let other = integration_readiness::Mission::builder(&oslo)
        .name("Oslo mission")
        .build()
        .unwrap();
    // A batch holds one rulebook: the second mission carries another.
    let mut out = Vec::new();
    let e = integration_readiness::score_batch([&m, &other], &mut out).unwrap_err();
    assert!(out.is_empty());
    assert!(
        matches!(&e, integration_readiness::Error::RulebookMismatch { mission, .. } if mission == "Oslo mission"),
        "{e}"
    );
    let text = e.to_string();
    assert!(
        text.contains("`oslo-2007`") && text.contains("`tiny`"),
        "{text}"
    );
    assert!(text.contains("refit"), "{text}");
    // A portfolio's columns are its rulebook's.
    let e =
        integration_readiness::analysis::portfolio(&rb, &[m.clone(), other.clone()]).unwrap_err();
    assert!(matches!(
        e,
        integration_readiness::Error::RulebookMismatch { .. }
    ));
    let a = assess(&other);
    let e = integration_readiness::analysis::portfolio_of(&rb, &[a]).unwrap_err();
    assert!(matches!(
        e,
        integration_readiness::Error::RulebookMismatch { .. }
    ));
    // Ratings of the wrong length are refused, not read as unknown.
    let e = integration_readiness::score_into(&m, &[Rating::High], &mut out).unwrap_err();
    assert_eq!(
        e.to_string(),
        "1 ratings given; rulebook `tiny` 1 has 3 factors: give one rating per factor, in the rulebook's order (for a sweep, a whole number of such vectors)"
    );
    let e = integration_readiness::score_sweep(&m, &[Rating::High; 4], &mut out).unwrap_err();
    assert!(matches!(
        e,
        integration_readiness::Error::RatingCount {
            expected: 3,
            found: 4,
            ..
        }
    ));
    // The refitted mission scores: e1 and e2 carry over, b1 does not exist.
    let (fitted, warnings) = m.refit(&oslo);
    assert!(!warnings.is_empty());
    integration_readiness::score_batch([&fitted, &other], &mut out).unwrap();
    assert_eq!(out.len(), 2 * oslo.dimensions().len());
}

#[test]
fn nothing_rated_is_undetermined_never_ready() {
    let rb = tiny();
    // No evidence: coverage 0 on a and on b. b's default target is its
    // lowest level, which an empty mission "reaches": still undetermined.
    let m = mission(&rb, "");
    let a = assess(&m);
    assert_eq!(a.dimensions[0].verdict, Verdict::Undetermined);
    assert_eq!(a.dimensions[1].verdict, Verdict::Undetermined);
    assert_eq!(a.overall.verdict, Verdict::Undetermined);
    // e2 rated full: it weighs 1 on a and 0 on b. a: 1 of 4 rated, below
    // the minimum coverage (0.5): undetermined, whatever its level. b:
    // nothing rated (e1, b1 unknown): undetermined; the overall too.
    let m = mission(&rb, "[evidence.e2]\nrating = \"full\"\n");
    let a = assess(&m);
    assert_eq!(a.dimensions[0].verdict, Verdict::Undetermined);
    assert_eq!(a.dimensions[1].verdict, Verdict::Undetermined);
    assert_eq!(a.overall.verdict, Verdict::Undetermined);
    // e1 rated full instead: 2 of 4 on a and 1 of 2 on b, each exactly the
    // minimum. a: (2 + 0.5 × 2) / 4 = 75, the gate holds: top >= mid, ready.
    // b: (1 + 0.5) / 2 = 75, top >= apart: ready. Overall coverage 3 of 6.
    let m = mission(&rb, "[evidence.e1]\nrating = \"full\"\n");
    let a = assess(&m);
    assert_eq!(a.dimensions[0].verdict, Verdict::Ready);
    assert_eq!(a.dimensions[1].verdict, Verdict::Ready);
    assert_eq!(a.overall.verdict, Verdict::Ready);
}

#[test]
fn a_dimension_where_nothing_applies_is_undetermined_but_left_out() {
    // Tiny with e1 and b1 applying only where `flag = true`. With
    // `flag = false` the context rules both out: on b only e2 is left, and
    // it weighs 0 there: nothing applies, verdict undetermined. a: e2 full,
    // 1 of 1: 100, top (the gate on e1 does not concern the mission),
    // target mid: ready. Only a counts: the overall is ready.
    let text = TINY
        .replace(
            "remedy = \"raise e1\"",
            "remedy = \"raise e1\"\napplies-when = { flag = true }",
        )
        .replace(
            "remedy = \"lower b1\"",
            "remedy = \"lower b1\"\napplies-when = { flag = true }",
        );
    let ruled = Rulebook::from_toml(&text, "tiny.toml").unwrap();
    let m = mission(
        &ruled,
        "[context]\nflag = false\n[evidence.e2]\nrating = \"full\"\n",
    );
    let a = assess(&m);
    assert_eq!(a.dimensions[0].verdict, Verdict::Ready);
    assert_eq!(a.dimensions[1].verdict, Verdict::Undetermined);
    assert_eq!(
        a.dimensions[1].undetermined,
        Some(Undetermined::NothingApplies)
    );
    assert_eq!(a.overall.verdict, Verdict::Ready);
    let rb = tiny();
    // Every factor not applicable: no dimension counts, undetermined.
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"not-applicable\"\nnote = \"n\"\n[evidence.e2]\nrating = \"not-applicable\"\n[evidence.b1]\nrating = \"not-applicable\"\n",
    );
    let a = assess(&m);
    assert!(
        a.dimensions
            .iter()
            .all(|d| d.verdict == Verdict::Undetermined)
    );
    assert_eq!(a.overall.verdict, Verdict::Undetermined);
}

#[test]
fn a_factor_declared_not_applicable_counts_as_unrated_for_the_verdict() {
    // Tiny with a minimum coverage of 60%. Weights on a: e1 2, e2 1, b1 1;
    // on b: e1 1, e2 0, b1 1. e1 full, e2 and b1 declared not applicable:
    // the scores see e1 alone (100 on both, coverage 100%), but a verdict
    // counts e2 and b1 as unrated: a 2 of 4 = 50%, b 1 of 2 = 50%, both
    // under 60%. What to rate first: on a, the heavier-first list e2 (1,
    // first in the rulebook), b1 (1) stops after e2 (3 of 4 = 75%); on b,
    // b1 (2 of 2). A reason in the note changes none of it: a claim that a
    // factor does not apply is not evidence about it.
    let text = TINY.replace("version = \"1\"", "version = \"1\"\nmin-coverage = 0.6");
    let rb = Rulebook::from_toml(&text, "tiny.toml").unwrap();
    let bare = "[evidence.e1]\nrating = \"full\"\n[evidence.e2]\nrating = \"not-applicable\"\n[evidence.b1]\nrating = \"not-applicable\"\n";
    let explained = bare.replace(
        "rating = \"not-applicable\"\n",
        "rating = \"not-applicable\"\nnote = \"outside the remit\"\n",
    );
    for body in [bare, &explained] {
        let a = assess(&mission(&rb, body));
        for d in &a.dimensions {
            assert_eq!(d.score, 100.0);
            assert_eq!(d.coverage, 1.0);
            assert_eq!(d.verdict, Verdict::Undetermined, "{}", d.id);
        }
        assert_eq!(
            a.dimensions[0].undetermined,
            Some(Undetermined::DeclaredNotApplicable {
                coverage: 0.5,
                needed: 0.6,
                factors: vec!["e2".into(), "b1".into()],
            })
        );
        assert_eq!(
            a.dimensions[1].undetermined,
            Some(Undetermined::DeclaredNotApplicable {
                coverage: 0.5,
                needed: 0.6,
                factors: vec!["b1".into()],
            })
        );
        assert_eq!(
            a.dimensions[0].undetermined.as_ref().unwrap().to_string(),
            "only 50% of the weight is rated once the 2 factors declared not applicable count as unrated; a verdict needs 60%"
        );
        assert_eq!(a.dimensions[0].rate_first, ["e2"]);
        assert_eq!(a.dimensions[1].rate_first, ["b1"]);
        assert_eq!(a.overall.verdict, Verdict::Undetermined);
        assert_eq!(a.overall.rate_first, ["e2", "b1"]);
    }
    // The warning of no reason given is for the bare file only.
    let warned = |body: &str| {
        assess(&mission(&rb, body))
            .warnings
            .iter()
            .any(|w| w.contains("no reason given"))
    };
    assert!(warned(bare) && !warned(&explained));
    // At the minimum exactly (the default 50%) the verdict stands: a and b
    // at 100, top on both (e1 meets a's gate); targets mid and apart.
    let a = assess(&mission(&tiny(), bare));
    assert!(a.dimensions.iter().all(|d| d.verdict == Verdict::Ready));
    // A dimension left with nothing that applies by declarations alone
    // counts toward the overall as undetermined, not as left out: e1
    // (with its note, as a gate's factor needs) and b1 declared, e2 full.
    // a: 1 rated of 1 + 2 + 1 = 25%; b: 0 of 1 + 1.
    let a = assess(&mission(
        &tiny(),
        "[evidence.e1]\nrating = \"not-applicable\"\nnote = \"n\"\n[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"not-applicable\"\n",
    ));
    assert_eq!(
        a.dimensions[0].undetermined,
        Some(Undetermined::DeclaredNotApplicable {
            coverage: 0.25,
            needed: 0.5,
            factors: vec!["e1".into(), "b1".into()],
        })
    );
    assert_eq!(
        a.dimensions[1].undetermined,
        Some(Undetermined::DeclaredNotApplicable {
            coverage: 0.0,
            needed: 0.5,
            factors: vec!["e1".into(), "b1".into()],
        })
    );
    assert_eq!(a.overall.verdict, Verdict::Undetermined);
}

#[test]
fn waiving_a_gate_needs_a_note() {
    let rb = tiny();
    // e1 is read by the gate of `top`: not-applicable without a note (or
    // with a blank one) is refused, located at its rating.
    for body in [
        "[evidence.e1]\nrating = \"not-applicable\"\n",
        "[evidence.e1]\nrating = \"not-applicable\"\nnote = \"  \"\n",
    ] {
        let text = format!("[mission]\nname = \"M\"\n{body}");
        let err = Mission::from_toml(&text, "m.toml", &rb).unwrap_err();
        assert_eq!(
            err.to_string(),
            "m.toml:4:10: evidence.e1.rating: `not-applicable` waives a gate of level `top`; say why in `note`"
        );
    }
    // With a note it stands, and the gate holds (waived).
    let m = mission(
        &rb,
        "[evidence.e1]\nrating = \"not-applicable\"\nnote = \"no e1 in this mission\"\n",
    );
    assert_eq!(m.rating(0).unwrap(), Rating::NotApplicable);
    // A factor no gate reads needs no note: b1.
    mission(&rb, "[evidence.b1]\nrating = \"not-applicable\"\n");
    // In code, the same rule, without a file.
    let err = Mission::builder(&rb)
        .name("M")
        .rate("e1", Rating::NotApplicable)
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "<mission>: evidence.e1.rating: `not-applicable` waives a gate of level `top`; say why in `note`"
    );
}

/// The target on `a` of a mission with `context` (and the BASE ratings)
/// under the tiny rulebook with `rules` added.
fn target_on_a(rules: &[String], context: &str) -> integration_readiness::assess::Target {
    let rb = Rulebook::from_toml(&format!("{TINY}{}", rules.concat()), "tiny.toml").unwrap();
    let a = assess(&mission(&rb, &format!("[context]\n{context}\n{BASE}")));
    a.dimensions[0].target_detail.clone()
}

/// A target rule on `a`: `bound` (`at-least` or `at-most`) `level` when
/// the context matches `when`.
fn rule(id: &str, when: &str, bound: &str, level: &str) -> String {
    format!(
        "\n[[rule]]\nid = \"{id}\"\nwhen = {{ {when} }}\ndimensions = [\"a\"]\n\
         {bound} = \"{level}\"\nbecause = \"{id}\"\n\
         citation = {{ section = \"Test\", paragraph = 6, phrase = \"sixth\" }}\n"
    )
}

const BIG: &str = "mode = \"big\"";

#[test]
fn the_lowest_cap_wins_and_only_its_rules_are_named() {
    // Two mission caps on `a` for big missions: mid first, then the lower
    // apart (twice). The lower wins; the looser rule no longer sets the
    // target.
    let t = target_on_a(
        &[
            rule("cap-mid", BIG, "at-most", "mid"),
            rule("cap-apart", BIG, "at-most", "apart"),
            rule("cap-apart-too", BIG, "at-most", "apart"),
        ],
        BIG,
    );
    // The floor big-floor (top) is above the cap (apart): a tension, the
    // cap wins, set by the two rules at apart.
    assert_eq!(t.level, "apart");
    assert!(t.capped);
    assert_eq!(t.set_by, vec!["cap-apart", "cap-apart-too"]);
    let tension = t.tension.as_ref().unwrap();
    assert_eq!(tension.cap_rules, vec!["cap-apart", "cap-apart-too"]);
    assert_eq!(tension.floor_rules, vec!["big-floor"]);
}

#[test]
fn a_cap_above_the_target_does_not_bind() {
    // With flag = true (and mode small, so that big-floor is decided), a
    // is capped at top; its target is the default, mid, below the cap: the
    // cap neither sets nor caps it. At mid, the cap binds: the target is
    // mid, capped, and set by the cap too.
    let target = |level: &str| {
        target_on_a(
            &[rule("cap", "flag = true", "at-most", level)],
            "flag = true\nmode = \"small\"",
        )
    };
    let t = target("top");
    assert_eq!(t.level, "mid");
    assert!(!t.capped);
    assert!(t.set_by.is_empty(), "{:?}", t.set_by);
    let t = target("mid");
    assert_eq!(t.level, "mid");
    assert!(t.capped);
    assert_eq!(t.set_by, vec!["cap"]);
    // Floor and cap agree: no tension between them.
    assert!(t.tension.is_none());
}

#[test]
fn the_highest_floor_wins_and_every_rule_at_it_is_named() {
    // Beside big-floor (a at least top), a lower floor (mid) and a second
    // rule at top: the target is top, set by both rules at top, in order.
    let t = target_on_a(
        &[
            rule("floor-mid", BIG, "at-least", "mid"),
            rule("floor-top-too", BIG, "at-least", "top"),
        ],
        BIG,
    );
    assert_eq!(t.level, "top");
    assert!(!t.capped);
    assert_eq!(t.set_by, vec!["big-floor", "floor-top-too"]);
}

/// A rulebook of `n` dimensions `d1..dn` (levels `low`, and `high` at 50),
/// one enabler `fi` per dimension weighing 1 on `di` and 0 elsewhere.
fn diagonal(n: usize) -> Rulebook {
    let mut t = String::from(
        "[rulebook]\nid = \"diag\"\ntitle = \"Diagonal\"\nversion = \"1\"\n\n\
         [[level]]\nid = \"low\"\ntitle = \"Low\"\nmeaning = \"apart\"\n\n\
         [[level]]\nid = \"high\"\ntitle = \"High\"\nmeaning = \"one\"\nthreshold = { ",
    );
    let ids: Vec<String> = (1..=n).map(|i| format!("d{i}")).collect();
    t += &ids
        .iter()
        .map(|d| format!("{d} = 50.0"))
        .collect::<Vec<_>>()
        .join(", ");
    t += " }\n\n";
    for d in &ids {
        t +=
            &format!("[[dimension]]\nid = \"{d}\"\ntitle = \"{d}\"\ndefault-target = \"high\"\n\n");
    }
    t += "[[theme]]\nid = \"t\"\ntitle = \"T\"\n\n";
    for (i, d) in ids.iter().enumerate() {
        let others: Vec<&String> = ids.iter().filter(|x| *x != d).collect();
        let zero = |v: &str| {
            others
                .iter()
                .map(|o| format!("{o} = {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        t += &format!(
            "[[factor]]\nid = \"f{}\"\npolarity = \"enabler\"\ntheme = \"t\"\ntitle = \"F\"\n\
             description = \"f\"\nquestion = \"how?\"\nweights = {{ {} }}\n\
             weight-reasons = {{ {} }}\neffort = \"low\"\nremedy = \"raise it\"\n\
             citation = {{ section = \"Test\", paragraph = {}, phrase = \"f\" }}\n\n",
            i + 1,
            zero("0.0"),
            zero("\"only its own\""),
            i + 1
        );
    }
    Rulebook::from_toml(&t, "diag.toml").unwrap()
}

#[test]
fn any_number_of_dimensions_scores_each_on_its_own() {
    // fi rated by turns none, low, partial, high, full: di scores 0, 25,
    // 50, 75, 100, and is high from 50. Three to six dimensions: below, at
    // and above the four the scores keep without allocating.
    let words = ["none", "low", "partial", "high", "full"];
    for n in 3..=6 {
        let rb = diagonal(n);
        let body: String = (0..n)
            .map(|i| format!("[evidence.f{}]\nrating = \"{}\"\n", i + 1, words[i % 5]))
            .collect();
        let m = mission(&rb, &body);
        let scores = integration_readiness::score_only(&m);
        assert_eq!(scores.len(), n);
        for (i, s) in scores.iter().enumerate() {
            let want = 25.0 * (i % 5) as f64;
            assert_eq!(s.score, want, "{n} dimensions, d{}", i + 1);
            assert_eq!(s.level, usize::from(want >= 50.0), "{n}: d{}", i + 1);
        }
    }
}

#[test]
fn batches_and_sweeps_score_each_mission_in_turn() {
    use integration_readiness::{score_batch, score_sweep};
    let rb = tiny();
    let m1 = mission(&rb, BASE);
    let m2 = mission(&rb, "[evidence.e2]\nrating = \"full\"\n");
    let mut out = Vec::new();
    score_batch([&m1, &m2], &mut out).unwrap();
    let mut want = integration_readiness::score_only(&m1);
    want.extend(integration_readiness::score_only(&m2));
    assert_eq!(out, want);
    // m2 alone: e2 full on a, e1 (2) and b1 (1) at the middle:
    // (1 + 1.5) / 4 = 62.5.
    assert_eq!(out[2].score, 62.5);
    // The same two as rating vectors end to end.
    let r1 = [Rating::Partial, Rating::Unknown, Rating::Low];
    let r2 = [Rating::Unknown, Rating::Full, Rating::Unknown];
    let sweep: Vec<Rating> = r1.iter().chain(&r2).copied().collect();
    let mut swept = vec![out[0]];
    score_sweep(&m1, &sweep, &mut swept).unwrap();
    assert_eq!(swept, want);
    // Half a vector more is refused, not dropped: nothing is scored.
    let ragged: Vec<Rating> = sweep.iter().chain(&r1[..1]).copied().collect();
    assert!(score_sweep(&m1, &ragged, &mut swept).is_err());
    assert!(swept.is_empty());
}
