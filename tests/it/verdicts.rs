//! The situation as the verdict reads it, by hand on the tiny rulebook
//! (`tests/data/tiny.toml`) with a few additions: a factor that applies
//! only in some context (`applies-when`), a gate that binds only in some
//! context (`when`) and may not be waived (`waivable = false`), a floor a
//! role is asked for (under-integration), a consistency rule, and a target
//! out of reach. Every expected number and text is worked out in the
//! comments, and the error texts are pinned.
//!
//! Tiny: levels apart < mid (40) < top (70; on `a` a gate e1 at least
//! high); weights on `a`: e1 2, e2 1, b1 1; on `b`: e1 1, e2 0, b1 1.

use crate::fixtures::{TINY, close};
use integration_readiness::analysis::{Scenario, apply};
use integration_readiness::assess::Undetermined;
use integration_readiness::assess::Verdict;
use integration_readiness::{Mission, Rating, Rulebook, assess};

/// The tiny rulebook with:
/// - e2 applying only where `flag = true`;
/// - a gate of `top` on `b`: b1 at most low, binding only where
///   `mode = "big"`, which may not be waived;
/// - a floor for the `dev` role: `a` at least top;
/// - a consistency rule: e1 at least high while e2 at most low.
fn rulebook() -> Rulebook {
    let text = TINY.replace(
        "effort = \"medium\"\nremedy = \"raise e2\"",
        "effort = \"medium\"\nremedy = \"raise e2\"\napplies-when = { flag = true }",
    ) + r#"
[[gate]]
level = "top"
dimensions = ["b"]
factor = "b1"
at-most = "low"
because = "big missions need b1 kept low"
citation = { section = "Test", paragraph = 7, phrase = "seventh" }
when = { mode = "big" }
waivable = false

[[rule]]
id = "dev-floor"
roles = ["dev"]
dimensions = ["a"]
at-least = "top"
because = "development partners plan as one"
citation = { section = "Test", paragraph = 8, phrase = "eighth" }

[[consistency]]
id = "e1-without-e2"
all = [{ factor = "e1", at-least = "high" }, { factor = "e2", at-most = "low" }]
because = "e1 presupposes e2"
citation = { section = "Test", paragraph = 9, phrase = "ninth" }
"#;
    Rulebook::from_toml(&text, "tiny-plus.toml").unwrap()
}

fn mission(rb: &Rulebook, body: &str) -> Result<Mission, String> {
    Mission::from_toml(&format!("[mission]\nname = \"M\"\n{body}"), "m.toml", rb)
        .map_err(|e| e.to_string())
}

/// The report's text on one line, its wrapping undone.
fn flat(m: &Mission) -> String {
    integration_readiness::report::render(&assess(m), integration_readiness::report::Format::Text)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn not_applicable_is_refused_where_the_context_says_a_factor_applies() {
    let rb = rulebook();
    // flag = true: e2 applies; `not-applicable` is refused, whatever the
    // note, at its rating (line 6, column 10 of the file below).
    let err = mission(
        &rb,
        "[context]\nflag = true\n[evidence.e2]\nrating = \"not-applicable\"\nnote = \"we think not\"\n",
    )
    .unwrap_err();
    assert_eq!(
        err,
        "m.toml:6:10: evidence.e2.rating: `e2` cannot be `not-applicable`: it applies wherever \
         flag = true, and `context.flag` says so; expected a rated word (none, low, partial, \
         high, full) or unknown"
    );
    // With the flag left out the context does not decide, and the
    // assessor may not decide it by declaration: the key is asked for
    // (leaving it out would otherwise get round the refusal above).
    let err = mission(&rb, "[evidence.e2]\nrating = \"not-applicable\"\n").unwrap_err();
    assert_eq!(
        err,
        "m.toml:4:10: evidence.e2.rating: `e2` cannot be `not-applicable` while `context.flag` \
         is left out: it applies wherever flag = true; state it (where the context rules the \
         factor out, it leaves the sums); expected a rated word (none, low, partial, high, \
         full) or unknown"
    );
    // flag = false rules it out: the declaration is allowed (and moot).
    let m = mission(
        &rb,
        "[context]\nflag = false\n[evidence.e2]\nrating = \"not-applicable\"\n",
    )
    .unwrap();
    assert_eq!(m.rating(1).unwrap(), Rating::NotApplicable);
}

#[test]
fn a_factor_the_context_rules_out_leaves_the_sums_with_a_warning() {
    let rb = rulebook();
    // flag = false: e2 does not apply. Rated full, it is left out: on a,
    // e1 partial (2 × 0.5) and b1 low (1 × 0.75) over 3: 58.33, all rated.
    let m = mission(
        &rb,
        "[context]\nflag = false\nmode = \"small\"\n[evidence.e1]\nrating = \"partial\"\n\
         [evidence.b1]\nrating = \"low\"\n[evidence.e2]\nrating = \"full\"\n",
    )
    .unwrap();
    let a = assess(&m);
    close(a.dimensions[0].score, 175.0 / 3.0);
    close(a.dimensions[0].coverage, 1.0);
    let e2 = &a.factors[1];
    assert!(!e2.applies);
    // What the file says is kept and shown; it earns nothing.
    assert_eq!(e2.rating, Some(Rating::Full));
    assert_eq!(*e2.contributions.get("a").unwrap(), 0.0);
    assert_eq!(
        a.warnings,
        [
            "`e2` is rated `full`, but it applies only where flag = true, which the mission's \
          context rules out: the rating is left out of the scores"
        ]
    );
    // Where the context says it applies, the same rating counts:
    // (1 + 1 + 0.75) / 4 = 68.75.
    let m = mission(
        &rb,
        "[context]\nflag = true\nmode = \"small\"\n[evidence.e1]\nrating = \"partial\"\n\
         [evidence.b1]\nrating = \"low\"\n[evidence.e2]\nrating = \"full\"\n",
    )
    .unwrap();
    let a = assess(&m);
    close(a.dimensions[0].score, 68.75);
    assert!(a.warnings.is_empty());
    assert!(a.factors[1].applies);
}

#[test]
fn a_gate_that_may_not_be_waived_refuses_not_applicable_where_it_binds() {
    let rb = rulebook();
    // mode = big: the gate on b1 binds; b1 `not-applicable` is refused,
    // citing the gate's reason and source.
    let err = mission(
        &rb,
        "[context]\nmode = \"big\"\n[evidence.b1]\nrating = \"not-applicable\"\nnote = \"n/a\"\n",
    )
    .unwrap_err();
    assert_eq!(
        err,
        "m.toml:6:10: evidence.b1.rating: `b1` cannot be `not-applicable`: the gate of level \
         `top` on it may not be waived. big missions need b1 kept low (Test, para. 7 \
         (\"seventh\")); expected a rated word (none, low, partial, high, full) or unknown"
    );
    // Left open (no mode), the gate may bind: refused too.
    assert!(
        mission(
            &rb,
            "[evidence.b1]\nrating = \"not-applicable\"\nnote = \"n/a\"\n"
        )
        .unwrap_err()
        .contains("may not be waived")
    );
    // mode = small: the gate does not bind, and b1 may be rated not
    // applicable (with a note, as any gated factor).
    let m = mission(
        &rb,
        "[context]\nmode = \"small\"\n[evidence.b1]\nrating = \"not-applicable\"\nnote = \"n/a\"\n",
    )
    .unwrap();
    assert_eq!(m.rating(2).unwrap(), Rating::NotApplicable);
    // A what-if goes through the same check.
    let m = mission(&rb, "[context]\nmode = \"big\"\n").unwrap();
    let err = apply(&m, &Scenario::rate("b1", Rating::NotApplicable))
        .unwrap_err()
        .to_string();
    assert!(err.contains("may not be waived"), "{err}");
    // And so does a rating set in code.
    let mut m = m;
    assert!(!m.set_rating(2, Rating::NotApplicable));
    assert_eq!(m.rating(2).unwrap(), Rating::Unknown);
}

#[test]
fn a_gate_binds_only_where_its_condition_holds() {
    let rb = rulebook();
    // b: e1 full (1) and b1 partial (1 × 0.5) over 2: 75, past top's 70.
    // The gate (b1 at most low) binds only for big missions.
    let body = "[evidence.e1]\nrating = \"full\"\n[evidence.b1]\nrating = \"partial\"\n\
                [evidence.e2]\nrating = \"high\"\n";
    let small = mission(
        &rb,
        &format!("[context]\nmode = \"small\"\nflag = true\n{body}"),
    )
    .unwrap();
    let a = assess(&small);
    close(a.dimensions[1].score, 75.0);
    assert_eq!(a.dimensions[1].level, "top");
    let big = mission(
        &rb,
        &format!("[context]\nmode = \"big\"\nflag = true\n{body}"),
    )
    .unwrap();
    let a = assess(&big);
    assert_eq!(a.dimensions[1].level, "mid");
    let text = flat(&big);
    assert!(
        text.contains(
            "top needs b1 at-most low (rated partial), a condition that cannot be waived"
        ),
        "{text}"
    );
    // Left open, the gate binds (the stricter reading) and the key is asked for.
    let open = mission(&rb, &format!("[context]\nflag = true\n{body}")).unwrap();
    let a = assess(&open);
    assert_eq!(a.dimensions[1].level, "mid");
    let keys: Vec<&str> = a.missing_context.iter().map(|k| k.key.as_str()).collect();
    assert_eq!(keys, ["mode"]);
}

#[test]
fn a_partner_below_the_floor_its_role_is_asked_for_is_under_integrated() {
    let rb = rulebook();
    let m = mission(
        &rb,
        "[context]\nmode = \"small\"\nflag = true\n\
         [[entity]]\nname = \"UNDP\"\nrole = \"dev\"\ncurrent = { a = \"mid\" }\n\
         [[entity]]\nname = \"UNICEF\"\nrole = \"dev\"\ncurrent = { a = \"top\" }\n\
         [[entity]]\nname = \"WFP\"\nrole = \"dev\"\n",
    )
    .unwrap();
    let a = assess(&m);
    // UNDP at mid on a, where dev-floor asks top: under-integrated, with
    // the rule's reason and source.
    let undp = &a.entities[0];
    assert_eq!(undp.under_integrated.len(), 1);
    let u = &undp.under_integrated[0];
    assert_eq!(
        (
            u.dimension.as_str(),
            u.current.as_str(),
            u.floor.as_str(),
            u.rule.as_str(),
            u.because.as_str()
        ),
        (
            "a",
            "mid",
            "top",
            "dev-floor",
            "development partners plan as one"
        )
    );
    assert_eq!(u.citation.paragraph, 8);
    assert!(undp.over_integrated.is_empty());
    // UNICEF at top: what is asked. WFP declares nothing: no flag either way.
    assert!(a.entities[1].under_integrated.is_empty());
    assert!(a.entities[2].under_integrated.is_empty());
    let text = flat(&m);
    assert!(
        text.contains(
            "under-integrated on a: mid where the text asks at least top (dev-floor: \
             development partners plan as one; Test, para. 8 (\"eighth\"))"
        ),
        "{text}"
    );
}

#[test]
fn contradictory_ratings_give_a_warning_with_the_rule() {
    let rb = rulebook();
    let body = |e1: &str, e2: &str| {
        format!(
            "[context]\nflag = true\nmode = \"small\"\n[evidence.e1]\nrating = \"{e1}\"\n[evidence.e2]\nrating = \"{e2}\"\n"
        )
    };
    // e1 high while e2 low: both conditions hold.
    let a = assess(&mission(&rb, &body("high", "low")).unwrap());
    assert_eq!(a.inconsistencies.len(), 1);
    assert_eq!(a.inconsistencies[0].rule, "e1-without-e2");
    assert_eq!(a.inconsistencies[0].factors, ["e1", "e2"]);
    assert_eq!(
        a.warnings,
        [
            "inconsistent ratings of e1 and e2 (consistency rule e1-without-e2): e1 presupposes e2 \
          (Test, para. 9 (\"ninth\"))"
        ]
    );
    // One condition short, or one factor unrated: no warning.
    for (e1, e2) in [("partial", "low"), ("high", "partial"), ("full", "unknown")] {
        let a = assess(&mission(&rb, &body(e1, e2)).unwrap());
        assert!(a.inconsistencies.is_empty(), "{e1} {e2}");
        assert!(a.warnings.is_empty(), "{e1} {e2}");
    }
}

#[test]
fn a_target_out_of_reach_is_said_once_with_every_reason() {
    let rb = rulebook();
    // mode = big: a's target is top. e2 full, b1 none, e1 unknown: a =
    // (1 + 1 + 2 × 0.5) / 4 = 75, past 70, but top's gate needs e1 at least
    // high and e1 has no rating: no change of a rated factor reaches top.
    let m = mission(
        &rb,
        "[context]\nmode = \"big\"\nflag = true\n[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"none\"\n",
    )
    .unwrap();
    let a = assess(&m);
    let o = a.dimensions[0].out_of_reach.as_ref().unwrap();
    assert_eq!((o.target.as_str(), o.best.as_str()), ("top", "mid"));
    assert_eq!(o.reasons.len(), 1);
    assert!(o.unrated_may_help);
    let p = integration_readiness::analysis::plan(&m);
    assert_eq!(p.reasons[0].reach.reasons, o.reasons);
    let said = "top is out of reach of any change of the rated factors (the best is mid): top \
                needs e1 at-least high (rated unknown); rating the unknown factors may bring it \
                within reach";
    let text = flat(&m);
    assert!(text.contains(said), "{text}");
    let plan_text: String =
        integration_readiness::report::render(&p, integration_readiness::report::Format::Text)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
    assert!(plan_text.contains(said), "{plan_text}");
}

#[test]
fn no_verdict_names_its_cause() {
    let rb = rulebook();
    // Nothing rated: no verdict for lack of evidence, on both dimensions.
    let a = assess(&mission(&rb, "[context]\nmode = \"small\"\nflag = true\n").unwrap());
    assert_eq!(a.overall.verdict, Verdict::Undetermined);
    assert_eq!(
        a.overall.undetermined,
        Some(Undetermined::LowCoverage {
            coverage: 0.0,
            needed: 0.5
        })
    );
    // Overall: e1 carries the most at stake (2 of 4 on a, 1 of 2 on b:
    // 50 points), and rating it alone brings the coverage to 3 of 6.
    assert_eq!(a.overall.rate_first, ["e1"]);
}

#[test]
fn a_missing_key_that_moves_the_level_leaves_no_verdict() {
    let rb = rulebook();
    // mode small: a's target is mid. e1 low (2 × 0.25), e2 full (1), b1
    // high (a barrier: 1 × 0.25). With `flag` left out e2 may apply and
    // counts: (0.5 + 1 + 0.25) / 4 = 43.75, mid: ready. With flag = false
    // e2 leaves the sums: (0.5 + 0.25) / 3 = 25, apart: stretch. So no
    // verdict on a, and the key to state is named. b (e1 1 × 0.25, b1 1 ×
    // 0.25, e2 weighs nothing there): 25 either way, apart, its target:
    // ready.
    let m = mission(
        &rb,
        "[context]\nmode = \"small\"\n[evidence.e1]\nrating = \"low\"\n\
         [evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"high\"\n",
    )
    .unwrap();
    let a = assess(&m);
    close(a.dimensions[0].score, 43.75);
    assert_eq!(a.dimensions[0].level, "mid");
    assert_eq!(a.dimensions[0].verdict, Verdict::Undetermined);
    assert_eq!(
        a.dimensions[0].undetermined,
        Some(Undetermined::MissingContext {
            keys: vec!["flag".into()]
        })
    );
    assert_eq!(a.dimensions[1].verdict, Verdict::Ready);
    // Stated, the verdict is given: ready where e2 applies, stretch where
    // the context rules it out.
    for (flag, want) in [("true", Verdict::Ready), ("false", Verdict::Stretch)] {
        let m = mission(
            &rb,
            &format!(
                "[context]\nmode = \"small\"\nflag = {flag}\n[evidence.e1]\nrating = \"low\"\n\
                 [evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"high\"\n"
            ),
        )
        .unwrap();
        assert_eq!(assess(&m).dimensions[0].verdict, want, "flag = {flag}");
    }
}

#[test]
fn a_floor_a_cap_overrides_asks_nothing() {
    // A floor for humanitarian actors (a at least top) under the tiny
    // rulebook's cap for them (big missions with the flag: apart, which
    // wins). An agency at apart is where its target is: not
    // under-integrated. Without the cap (flag = false) the floor stands,
    // and apart is below it.
    let text = TINY.to_owned()
        + r#"
[[rule]]
id = "hum-floor"
roles = ["hum"]
dimensions = ["a"]
at-least = "top"
because = "humanitarians plan with the mission"
citation = { section = "Test", paragraph = 10, phrase = "tenth" }
"#;
    let rb = Rulebook::from_toml(&text, "tiny-floor.toml").unwrap();
    let entity = "[[entity]]\nname = \"OCHA\"\nrole = \"hum\"\ncurrent = { a = \"apart\" }\n";
    let capped = mission(
        &rb,
        &format!("[context]\nmode = \"big\"\nflag = true\n{entity}"),
    )
    .unwrap();
    let e = &assess(&capped).entities[0];
    assert_eq!(e.target.values[0], "apart");
    assert!(e.under_integrated.is_empty());
    let free = mission(
        &rb,
        &format!("[context]\nmode = \"big\"\nflag = false\n{entity}"),
    )
    .unwrap();
    let e = &assess(&free).entities[0];
    assert_eq!(e.target.values[0], "top");
    let dims: Vec<&str> = e
        .under_integrated
        .iter()
        .map(|u| u.dimension.as_str())
        .collect();
    assert_eq!(dims, ["a"]);
}

#[test]
fn sweeps_read_the_base_missions_context() {
    use integration_readiness::{score_into, score_sweep};
    let rb = rulebook();
    // flag = false rules e2 out: a rating vector that rates it full counts
    // it as not applicable. On a: e1 partial (2 × 0.5), b1 low (0.75) over
    // 3 = 58.33, as the assessment of the same ratings gives.
    let base = mission(&rb, "[context]\nflag = false\nmode = \"small\"\n").unwrap();
    let ratings = [Rating::Partial, Rating::Full, Rating::Low];
    let mut one = Vec::new();
    score_into(&base, &ratings, &mut one).unwrap();
    close(one[0].score, 175.0 / 3.0);
    let mut swept = Vec::new();
    score_sweep(&base, &ratings.repeat(2), &mut swept).unwrap();
    assert_eq!(swept.len(), 4);
    close(swept[2].score, 175.0 / 3.0);
    // Where the flag says e2 applies, it counts: (1 + 1 + 0.75) / 4.
    let base = mission(&rb, "[context]\nflag = true\nmode = \"small\"\n").unwrap();
    score_into(&base, &ratings, &mut one).unwrap();
    close(one[0].score, 68.75);
}

/// A missing key that a gate's condition reads leaves no mark where every
/// value it could take gives the same verdict. `mode` is left out, and the
/// gate of `top` on `b` (b1 at most low) binds only where `mode = "big"`.
/// e1 high and b1 none: `b` = (0.75 + 1) / 2 = 87.5, top in both
/// completions (b1 none is at most low), its target `apart` in both:
/// ready, with no reason to be undetermined.
#[test]
fn a_missing_key_on_which_nothing_turns_leaves_the_verdict_alone() {
    let rb = rulebook();
    let m = mission(
        &rb,
        "[context]\nflag = true\n[evidence.e1]\nrating = \"high\"\n[evidence.b1]\nrating = \"none\"\n",
    )
    .unwrap();
    let a = assess(&m);
    let b = &a.dimensions[1];
    close(b.score, 87.5);
    assert_eq!(b.level, "top");
    assert_eq!(b.verdict, Verdict::Ready);
    assert_eq!(b.undetermined, None);
}

/// Too little rated over all: the overall verdict says so, whatever the
/// dimensions say. Only b1 is rated: it carries 1 of `a`'s 4 and 1 of
/// `b`'s 2, so `a` is below the minimum of 0.5 and `b` at it; the whole,
/// below it, is undetermined for low coverage (not for its dimensions).
#[test]
fn too_little_rated_over_all_is_the_overall_reason() {
    let rb = rulebook();
    let m = mission(
        &rb,
        "[context]\nflag = true\nmode = \"small\"\n[evidence.b1]\nrating = \"low\"\n",
    )
    .unwrap();
    let a = assess(&m);
    close(a.dimensions[0].coverage, 0.25);
    close(a.dimensions[1].coverage, 0.5);
    assert_eq!(a.overall.verdict, Verdict::Undetermined);
    match &a.overall.undetermined {
        Some(Undetermined::LowCoverage { coverage, needed }) => {
            assert!(*coverage < 0.5, "{coverage}");
            close(*needed, 0.5);
        }
        other => panic!("low coverage over all, not {other:?}"),
    }
}
