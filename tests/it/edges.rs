//! The provisional flag, the applicable flag and the verdict at every edge
//! of the evidence: nothing rated, nothing applicable, everything unknown,
//! one factor rated, coverage exactly at the provisional line, everything
//! rated; and a recommendation's gain on a dimension where nothing is
//! rated. Every number is computed by hand, in the comments.
//!
//! The tiny rulebook (`tests/data/tiny.toml`): levels apart < mid (40) <
//! top (70, and on `a` a gate `e1` at least high); weights on `a`: e1 2,
//! e2 1, b1 1; on `b`: e1 1, e2 0, b1 1; targets a mid, b apart; dimension
//! weights 1 each.

use crate::fixtures::{TINY, close};
use std::sync::LazyLock;

use crate::fixtures::Sketch;
use integration_readiness::Effort;
use integration_readiness::assess::{Assessment, Verdict};
use integration_readiness::assess::{ProvisionalCause, Undetermined};
use integration_readiness::{Mission, Rulebook, assess};

/// One dimension `x`, two levels (`low`, `high` at 50), four enablers of
/// weight 1: coverage moves in quarters.
static QUARTERS: LazyLock<String> = LazyLock::new(|| {
    Sketch::new("quarters")
        .level("low", &[])
        .level("high", &[("x", 50.0)])
        .dimension("x", "high")
        .enabler("f1", Effort::Low, &[])
        .enabler("f2", Effort::Low, &[])
        .enabler("f3", Effort::Low, &[])
        .enabler("f4", Effort::Low, &[])
        .toml()
});

fn assessed(rulebook: &str, body: &str) -> Assessment {
    let rb = Rulebook::from_toml(rulebook, "rb.toml").unwrap();
    let text = format!("[mission]\nname = \"Edge\"\n{body}");
    let m = Mission::from_toml(&text, "m.toml", &rb).unwrap();
    assess(&m)
}

const NA: &str = "rating = \"not-applicable\"\nnote = \"does not apply here\"\n";

#[test]
fn nothing_rated_is_applicable_provisional_and_undetermined() {
    let a = assessed(TINY, "");
    for d in &a.dimensions {
        // Every factor unknown: the score is the middle of the range.
        assert!(d.applicable, "{}", d.id);
        assert!(d.no_evidence, "{}", d.id);
        assert!(d.provisional, "{}", d.id);
        assert_eq!(d.verdict, Verdict::Undetermined, "{}", d.id);
        close(d.coverage, 0.0);
        close(d.score, 50.0);
        assert_eq!(d.score_range, [0.0, 100.0]);
    }
    // Level: 50 passes mid's 40 (top's gate on e1 fails, unknown); at 0
    // apart; at 100 with the gate read optimistically, top.
    assert_eq!(a.dimensions[0].level_index, [1, 0, 2]);
    assert_eq!(a.overall.verdict, Verdict::Undetermined);
    assert!(a.overall.provisional);
    close(a.overall.coverage, 0.0);
    close(a.overall.score, 50.0);
    assert_eq!(a.overall.score_range, [0.0, 100.0]);
}

#[test]
fn nothing_applicable_is_neither_provisional_nor_counted() {
    let a = assessed(
        TINY,
        &format!("[evidence.e1]\n{NA}[evidence.e2]\n{NA}[evidence.b1]\n{NA}"),
    );
    for d in &a.dimensions {
        assert!(!d.applicable, "{}", d.id);
        assert!(!d.no_evidence, "{}", d.id);
        assert!(!d.provisional, "{}", d.id);
        assert_eq!(d.verdict, Verdict::Undetermined, "{}", d.id);
        close(d.coverage, 0.0);
        close(d.score, 0.0);
        assert_eq!(d.score_range, [0.0, 0.0]);
    }
    // Nothing applies by the mission's own declarations, which are not
    // evidence: each dimension is undetermined for them, and the overall
    // because nothing is rated; nothing could move a level, so nothing is
    // provisional.
    for d in &a.dimensions {
        assert!(
            matches!(
                d.undetermined,
                Some(Undetermined::DeclaredNotApplicable { coverage, .. }) if coverage == 0.0
            ),
            "{:?}",
            d.undetermined
        );
    }
    assert_eq!(a.overall.verdict, Verdict::Undetermined);
    assert_eq!(
        a.overall.undetermined,
        Some(Undetermined::LowCoverage {
            coverage: 0.0,
            needed: 0.5
        })
    );
    close(a.overall.coverage, 0.0);
    assert!(!a.overall.provisional);
    close(a.overall.score, 0.0);
}

#[test]
fn a_dimension_with_only_unknown_and_not_applicable_factors_is_undetermined() {
    // e1 and b1 do not apply; e2 is unknown. On `a` e2 (weight 1) applies
    // with nothing rated; on `b` e2 has weight 0, so nothing applies.
    let a = assessed(TINY, &format!("[evidence.e1]\n{NA}[evidence.b1]\n{NA}"));
    let (da, db) = (&a.dimensions[0], &a.dimensions[1]);
    assert!(da.applicable && da.no_evidence && da.provisional);
    assert_eq!(da.verdict, Verdict::Undetermined);
    assert_eq!(da.score_range, [0.0, 100.0]);
    // e2 at the middle: 50, mid. On `a` the gate e1 is waived (not
    // applicable), so top is in range.
    close(da.score, 50.0);
    assert_eq!(da.level_index, [1, 0, 2]);
    assert!(!db.applicable && !db.no_evidence && !db.provisional);
    assert_eq!(db.verdict, Verdict::Undetermined);
    // Only `a` counts, and it is undetermined.
    assert_eq!(a.overall.verdict, Verdict::Undetermined);
    assert!(a.overall.provisional);
    close(a.overall.coverage, 0.0);
}

#[test]
fn one_factor_rated_gives_no_verdict_where_coverage_is_short() {
    // Only b1 rated, at none: a barrier that is absent earns its whole weight.
    let a = assessed(TINY, "[evidence.b1]\nrating = \"none\"\n");
    let (da, db) = (&a.dimensions[0], &a.dimensions[1]);
    // a: rated 1 of 4 (e1 2 and e2 1 unknown, at the middle): score
    // (1 + 1.5) / 4 = 62.5, range [1/4, 4/4] = [25, 100]. The gate
    // e1 >= high fails on unknown, and 62.5 < 70 anyway: the point level is
    // mid; pessimistic apart (25 < 40); optimistic top. Coverage 0.25 is
    // below the minimum: no verdict.
    close(da.coverage, 0.25);
    close(da.score, 62.5);
    assert_eq!(da.score_range, [25.0, 100.0]);
    assert_eq!(da.level_index, [1, 0, 2]);
    assert!(da.applicable && !da.no_evidence && da.provisional);
    assert_eq!(da.verdict, Verdict::Undetermined);
    // b: rated 1 of 2 (e1 unknown): (1 + 0.5) / 2 = 75, range [50, 100]:
    // top, with range mid to top, so provisional; coverage 0.5 is enough
    // for a verdict: ready against apart.
    close(db.coverage, 0.5);
    close(db.score, 75.0);
    assert_eq!(db.score_range, [50.0, 100.0]);
    assert_eq!(db.level_index, [2, 1, 2]);
    assert!(db.provisional);
    assert_eq!(db.verdict, Verdict::Ready); // target apart
    // Overall: rated 2 of 6, below the minimum; means of the two dimensions.
    close(a.overall.coverage, 2.0 / 6.0);
    close(a.overall.score, (62.5 + 75.0) / 2.0);
    assert_eq!(a.overall.score_range, [37.5, 100.0]);
    assert_eq!(a.overall.verdict, Verdict::Undetermined);
    assert!(a.overall.provisional);
}

#[test]
fn everything_rated_is_applicable_counted_and_final() {
    // e1 high, e2 high, b1 low: every factor earns 0.75 of its weight.
    let a = assessed(
        TINY,
        "[evidence.e1]\nrating = \"high\"\n[evidence.e2]\nrating = \"high\"\n\
         [evidence.b1]\nrating = \"low\"\n",
    );
    for d in &a.dimensions {
        // 75 on both: top (70; on `a` the gate e1 >= high holds).
        assert!(d.applicable && !d.no_evidence && !d.provisional, "{}", d.id);
        close(d.coverage, 1.0);
        close(d.score, 75.0);
        assert_eq!(d.score_range, [75.0, 75.0]);
        assert_eq!(d.level_index, [2, 2, 2]);
        assert_eq!(d.verdict, Verdict::Ready);
    }
    // Both dimensions count, with weight 1 each.
    close(a.overall.score, 75.0);
    assert_eq!(a.overall.score_range, [75.0, 75.0]);
    close(a.overall.coverage, 1.0);
    assert_eq!(a.overall.verdict, Verdict::Ready);
    assert!(!a.overall.provisional);
}

#[test]
fn verdicts_one_and_two_levels_short() {
    // Everything none: a and b score 0 + (b1 none earns all):
    // a: 1 / 4 = 25 (apart), b: 1 / 2 = 50 (mid).
    let a = assessed(
        TINY,
        "[context]\nmode = \"big\"\n\
         [evidence.e1]\nrating = \"none\"\n[evidence.e2]\nrating = \"none\"\n\
         [evidence.b1]\nrating = \"none\"\n",
    );
    // The big-floor rule sets a's target to top: two levels short.
    close(a.dimensions[0].score, 25.0);
    assert_eq!(a.dimensions[0].level_index[0], 0);
    assert_eq!(a.dimensions[0].verdict, Verdict::NotReady);
    // b: mid against apart, above target: ready.
    close(a.dimensions[1].score, 50.0);
    assert_eq!(a.dimensions[1].verdict, Verdict::Ready);
    assert_eq!(a.overall.verdict, Verdict::NotReady);
    // A small mission: big-floor does not match, a's target is mid: one
    // level short.
    let a = assessed(
        TINY,
        "[context]\nmode = \"small\"\n\
         [evidence.e1]\nrating = \"none\"\n[evidence.e2]\nrating = \"none\"\n\
         [evidence.b1]\nrating = \"none\"\n",
    );
    assert_eq!(a.dimensions[0].verdict, Verdict::Stretch);
    assert_eq!(a.overall.verdict, Verdict::Stretch);
    assert!(!a.overall.provisional);
    // With `mode` left out, a's target could be mid or top: stretch or
    // not-ready, so no verdict, and the key to state is named.
    let a = assessed(
        TINY,
        "[evidence.e1]\nrating = \"none\"\n[evidence.e2]\nrating = \"none\"\n\
         [evidence.b1]\nrating = \"none\"\n",
    );
    assert_eq!(a.dimensions[0].target_detail.range, ["mid", "top"]);
    assert_eq!(a.dimensions[0].verdict, Verdict::Undetermined);
    assert_eq!(
        a.dimensions[0].undetermined,
        Some(Undetermined::MissingContext {
            keys: vec!["mode".into()]
        })
    );
    // b's target reads no key: ready, whatever `mode` says.
    assert_eq!(a.dimensions[1].verdict, Verdict::Ready);
    assert_eq!(a.overall.verdict, Verdict::Undetermined);
}

#[test]
fn coverage_at_the_minimum_with_a_settled_level_is_final() {
    // Two of four rated, both full: the unknown two count at the middle,
    // (2 + 0.5 * 2) / 4 = 75, range [50, 100], both high. Coverage 0.5
    // meets the default minimum: a verdict.
    let a = assessed(
        &QUARTERS,
        "[evidence.f1]\nrating = \"full\"\n[evidence.f2]\nrating = \"full\"\n",
    );
    let d = &a.dimensions[0];
    close(d.coverage, 0.5);
    close(d.score, 75.0);
    assert_eq!(d.score_range, [50.0, 100.0]);
    assert_eq!(d.level_index, [1, 1, 1]);
    assert!(!d.provisional);
    assert_eq!(d.verdict, Verdict::Ready);
    assert!(!a.overall.provisional);
    assert_eq!(a.overall.verdict, Verdict::Ready);
    // One of four: coverage 0.25, below the minimum: no verdict, and the
    // range [25, 100] spans both levels, so it is provisional too. Rating
    // one more (the first of the unknown, all weighing 1) meets it.
    let a = assessed(&QUARTERS, "[evidence.f1]\nrating = \"full\"\n");
    let d = &a.dimensions[0];
    close(d.coverage, 0.25);
    close(d.score, 62.5);
    assert_eq!(d.level_index, [1, 0, 1]);
    assert!(d.provisional && a.overall.provisional);
    assert_eq!(d.verdict, Verdict::Undetermined);
    assert_eq!(
        d.undetermined,
        Some(Undetermined::LowCoverage {
            coverage: 0.25,
            needed: 0.5
        })
    );
    assert_eq!(d.rate_first, ["f2"]);
    assert_eq!(a.overall.verdict, Verdict::Undetermined);
    assert_eq!(a.overall.rate_first, ["f2"]);
    // Three of four, none at all: (0 + 0.5) / 4 = 12.5, range [0, 25]:
    // low for sure, coverage 0.75: final, one level short of high.
    let a = assessed(
        &QUARTERS,
        "[evidence.f1]\nrating = \"none\"\n[evidence.f2]\nrating = \"none\"\n\
         [evidence.f3]\nrating = \"none\"\n",
    );
    let d = &a.dimensions[0];
    close(d.score, 12.5);
    assert_eq!(d.score_range, [0.0, 25.0]);
    assert_eq!(d.level_index, [0, 0, 0]);
    assert!(!d.provisional);
    assert_eq!(d.verdict, Verdict::Stretch);
}

#[test]
fn verdict_of_level_and_target() {
    for cap in [None, Some(4)] {
        assert_eq!(Verdict::of(0, 0, cap), Verdict::Ready);
        assert_eq!(Verdict::of(1, 2, cap), Verdict::Stretch);
        assert_eq!(Verdict::of(0, 1, cap), Verdict::Stretch);
        assert_eq!(Verdict::of(0, 2, cap), Verdict::NotReady);
        assert_eq!(Verdict::of(1, 4, cap), Verdict::NotReady);
    }
    // Above a floor is ready; above a cap is over-investment, even where
    // the cap sits above the target.
    assert_eq!(Verdict::of(2, 1, None), Verdict::Ready);
    assert_eq!(Verdict::of(2, 1, Some(1)), Verdict::AboveTarget);
    assert_eq!(Verdict::of(4, 0, Some(0)), Verdict::AboveTarget);
    assert_eq!(Verdict::of(2, 0, Some(2)), Verdict::Ready);
    assert_eq!(Verdict::of(3, 0, Some(2)), Verdict::AboveTarget);
}

#[test]
fn a_recommendation_leaves_a_dimension_with_nothing_rated_where_it_is() {
    // Only e2 rated, low. On `a`: e2 earns 0.25 of 1, e1 (2) and b1 (1) at
    // the middle: (0.25 + 1.5) / 4 = 43.75, mid. On `b` e2 has weight 0:
    // nothing rated there (e1 and b1 unknown, weight 2).
    let a = assessed(TINY, "[evidence.e2]\nrating = \"low\"\n");
    close(a.dimensions[0].score, 43.75);
    assert!(a.dimensions[1].no_evidence);
    let r = a
        .recommendations
        .iter()
        .find(|r| r.factor == "e2")
        .expect("raising e2 is recommended");
    // e2 low -> partial earns 0.25 more of weight 1 of 4 on a: 50, +6.25;
    // b stays where it is. Overall gain: the mean over both dimensions
    // (both apply).
    close(*r.gains.get("a").unwrap(), 6.25);
    assert_eq!(*r.gains.get("b").unwrap(), 0.0);
    close(r.gain, 3.125);
    // a is at mid already, and 50 is short of top's 70: no lift.
    assert!(r.lifts.is_empty());
    // It is the only recommendation: e1 and b1 are unknown.
    assert_eq!(a.recommendations.len(), 1);
}

/// Where a gate's unknown factor alone holds the pessimistic level down,
/// the cause is that gate, not the score range: one dimension `x`, `high`
/// at 50 with two gates, `a` at least high (rated full, met) and `g` at
/// least high (unknown). `a` full earns 3 of 4, `g` unknown spans 0 to 1:
/// the range is [75, 100], above 50 at both ends; only `g` can still move
/// the level, and only `g` is named (not `a`, whose gate is met).
#[test]
fn a_level_held_only_by_an_unrated_gate_names_that_gate_alone() {
    let rb = Sketch::new("held")
        .level("low", &[])
        .level("high", &[("x", 50.0)])
        .dimension("x", "high")
        .enabler("a", Effort::Low, &[("x", 3.0)])
        .enabler("g", Effort::Low, &[])
        .with(
            "[[gate]]\nlevel = \"high\"\ndimensions = [\"x\"]\nfactor = \"a\"\nat-least = \"high\"\n\
             because = \"a first\"\ncitation = { section = \"Test\", paragraph = 1, phrase = \"a\" }\n\n\
             [[gate]]\nlevel = \"high\"\ndimensions = [\"x\"]\nfactor = \"g\"\nat-least = \"high\"\n\
             because = \"g first\"\ncitation = { section = \"Test\", paragraph = 2, phrase = \"g\" }\n",
        )
        .toml();
    let a = assessed(&rb, "[evidence.a]\nrating = \"full\"\n");
    let d = &a.dimensions[0];
    assert_eq!(d.score_range, [75.0, 100.0]);
    // A gate reads an unknown factor as not met but at the optimistic end:
    // low at the point and pessimistically, high optimistically.
    assert_eq!(d.level_index, [0, 0, 1]);
    assert!(d.provisional);
    assert_eq!(
        d.provisional_because.len(),
        1,
        "{:?}",
        d.provisional_because
    );
    match &d.provisional_because[0] {
        ProvisionalCause::UnratedGates { level, factors } => {
            assert_eq!(level.as_str(), "high");
            assert_eq!(factors, &["g"]);
        }
        other => panic!("the gate, not the range: {other:?}"),
    }
}
