//! Every public accessor of `Rulebook`, `Mission` and the result types,
//! read on the tiny rulebook (`tests/data/tiny.toml`) where each answer is
//! known by reading the file: ids to indices and back, weights with their
//! defaults, thresholds, effort costs, out-of-range indices, the
//! fingerprint, a mission's ratings, efforts and fit, the verdict words,
//! the provenance, and per-dimension values.

use crate::fixtures::{TINY, tiny};
use integration_readiness::analysis::{Direction, RobustnessOptions, robustness};
use integration_readiness::assess::Provenance;
use integration_readiness::assess::Verdict;
use integration_readiness::{Effort, Rating};
use integration_readiness::{Mission, Rulebook};

fn mission(rb: &Rulebook, body: &str) -> Mission {
    let text = format!("[mission]\nname = \"Accessors\"\n{body}");
    Mission::from_toml(&text, "m.toml", rb).unwrap()
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<&str> {
    items.iter().map(id).collect()
}

#[test]
fn a_rulebook_lists_its_parts_in_file_order() {
    let rb = tiny();
    assert_eq!(rb.info().id, "tiny");
    assert_eq!(rb.info().version, "1");
    assert_eq!(rb.data().rulebook.title, "Tiny");
    assert_eq!(ids(rb.levels(), |l| &l.id), ["apart", "mid", "top"]);
    assert_eq!(ids(rb.dimensions(), |d| &d.id), ["a", "b"]);
    assert_eq!(ids(rb.themes(), |t| &t.id), ["t1", "t2"]);
    assert_eq!(ids(rb.roles(), |r| &r.id), ["hum", "dev"]);
    assert_eq!(ids(rb.context_keys(), |k| &k.key), ["mode", "flag"]);
    assert_eq!(ids(rb.factors(), |f| &f.id), ["e1", "e2", "b1"]);
    assert_eq!(rb.data().factors.len(), 3);
    assert_eq!(rb.data().rules.len(), 2);
}

#[test]
fn ids_map_to_indices_and_unknown_ids_to_none() {
    let rb = tiny();
    assert_eq!(rb.factor_index("e1"), Some(0));
    assert_eq!(rb.factor_index("e2"), Some(1));
    assert_eq!(rb.factor_index("b1"), Some(2));
    assert_eq!(rb.factor_index("b2"), None);
    assert_eq!(
        rb.factor("b1").map(|f| f.title.as_str()),
        Some("Barrier one")
    );
    assert_eq!(rb.factor("e2").map(|f| f.id.as_str()), Some("e2"));
    assert!(rb.factor("").is_none());
    assert_eq!(rb.level_index("apart"), Some(0));
    assert_eq!(rb.level_index("mid"), Some(1));
    assert_eq!(rb.level_index("top"), Some(2));
    assert_eq!(rb.level_index("a"), None);
    assert_eq!(rb.dimension_index("a"), Some(0));
    assert_eq!(rb.dimension_index("b"), Some(1));
    assert_eq!(rb.dimension_index("mid"), None);
}

#[test]
fn weights_fill_in_the_default_and_are_none_out_of_range() {
    let rb = tiny();
    // e1: a = 2, b by default 1; e2: a by default 1, b = 0; b1: 1 and 1.
    assert_eq!(rb.weights_of(0), Some(&[2.0, 1.0][..]));
    assert_eq!(rb.weights_of(1), Some(&[1.0, 0.0][..]));
    assert_eq!(rb.weights_of(2), Some(&[1.0, 1.0][..]));
    assert_eq!(rb.weights_of(3), None);
    assert_eq!(rb.weight(0, 0), Some(2.0));
    assert_eq!(rb.weight(0, 1), Some(1.0));
    assert_eq!(rb.weight(1, 0), Some(1.0));
    assert_eq!(rb.weight(1, 1), Some(0.0));
    assert_eq!(rb.weight(2, 1), Some(1.0));
    // Out of range, either index: none, never another factor's weight.
    assert_eq!(rb.weight(0, 2), None);
    assert_eq!(rb.weight(3, 0), None);
    assert_eq!(rb.weight(usize::MAX, 0), None);
}

#[test]
fn thresholds_by_level_and_dimension() {
    let rb = tiny();
    assert_eq!(rb.threshold(0, 0), Some(0.0));
    assert_eq!(rb.threshold(0, 1), Some(0.0));
    assert_eq!(rb.threshold(1, 0), Some(40.0));
    assert_eq!(rb.threshold(1, 1), Some(40.0));
    assert_eq!(rb.threshold(2, 0), Some(70.0));
    assert_eq!(rb.threshold(2, 1), Some(70.0));
    // Out of range, either index: none.
    assert_eq!(rb.threshold(3, 0), None);
    assert_eq!(rb.threshold(1, 2), None);
    assert_eq!(rb.threshold(0, 9), None);
}

#[test]
fn thresholds_differ_by_dimension() {
    // Give b its own thresholds: each (level, dimension) pair is its own.
    let text = TINY
        .replace(
            "threshold = { a = 40.0, b = 40.0 }",
            "threshold = { a = 40.0, b = 30.0 }",
        )
        .replace(
            "threshold = { a = 70.0, b = 70.0 }",
            "threshold = { a = 70.0, b = 60.0 }",
        );
    let rb = Rulebook::from_toml(&text, "tiny.toml").unwrap();
    assert_eq!(rb.threshold(1, 0), Some(40.0));
    assert_eq!(rb.threshold(1, 1), Some(30.0));
    assert_eq!(rb.threshold(2, 0), Some(70.0));
    assert_eq!(rb.threshold(2, 1), Some(60.0));
}

#[test]
fn effort_costs_follow_each_factors_effort() {
    let rb = tiny();
    // e1 high (4), e2 medium (2), b1 low (1).
    assert_eq!(rb.effort_cost(0), Some(4.0));
    assert_eq!(rb.effort_cost(1), Some(2.0));
    assert_eq!(rb.effort_cost(2), Some(1.0));
    assert_eq!(rb.effort_cost(3), None);
}

#[test]
fn the_fingerprint_follows_the_content() {
    let rb = tiny();
    let fp = rb.content_fingerprint();
    assert_eq!(fp.len(), 16);
    assert!(fp.chars().all(|c| c.is_ascii_hexdigit()));
    // The same content, however laid out, has the same fingerprint.
    let again = Rulebook::from_toml(&format!("# a comment\n{TINY}"), "t.toml").unwrap();
    assert_eq!(again.content_fingerprint(), fp);
    assert_eq!(
        Rulebook::new(rb.data().clone())
            .unwrap()
            .content_fingerprint(),
        fp
    );
    // Any edit changes it.
    let edited = Rulebook::from_toml(&TINY.replace("Theme two", "Theme 2"), "t.toml").unwrap();
    assert_ne!(edited.content_fingerprint(), fp);
    assert_ne!(Rulebook::oslo_2007().content_fingerprint(), fp);
}

#[test]
fn rulebooks_are_equal_when_their_content_is() {
    let rb = tiny();
    assert_eq!(rb, rb.clone());
    // Read twice from the same text: two rulebooks, equal.
    assert_eq!(rb, tiny());
    let edited = Rulebook::from_toml(&TINY.replace("Theme two", "Theme 2"), "t.toml").unwrap();
    assert_ne!(rb, edited);
    assert_ne!(rb, Rulebook::oslo_2007());
}

#[test]
fn a_missions_ratings_and_efforts() {
    let rb = tiny();
    let m = mission(
        &rb,
        "[effort]\ne1 = \"low\"\n[evidence.e1]\nrating = \"high\"\n\
         [evidence.b1]\nrating = \"not-applicable\"\nnote = \"no such barrier\"\n",
    );
    assert_eq!(m.name(), "Accessors");
    assert_eq!(m.data().mission.name, "Accessors");
    assert_eq!(m.data().evidence.len(), 2);
    assert_eq!(m.rating(0), Some(Rating::High));
    assert_eq!(m.rating(1), Some(Rating::Unknown));
    assert_eq!(m.rating(2), Some(Rating::NotApplicable));
    assert_eq!(m.rating(3), None);
    assert_eq!(
        m.ratings(),
        [Rating::High, Rating::Unknown, Rating::NotApplicable]
    );
    // The mission's override (e1 is high in the rulebook), else the
    // rulebook's; none out of range.
    assert_eq!(m.effort(0), Some(Effort::Low));
    assert_eq!(m.effort(1), Some(Effort::Medium));
    assert_eq!(m.effort(2), Some(Effort::Low));
    assert_eq!(m.effort(9), None);
}

#[test]
fn setting_a_rating_keeps_the_data_in_step() {
    let rb = tiny();
    let mut m = mission(&rb, "");
    assert!(m.set_rating(1, Rating::Partial));
    assert_eq!(m.rating(1), Some(Rating::Partial));
    assert_eq!(m.data().evidence["e2"].rating, Rating::Partial);
    assert!(!m.set_rating(3, Rating::Full));
    assert_eq!(m.ratings().len(), 3);
    // The assessment sees the new rating: e2 partial on `a` alone.
    let a = integration_readiness::assess(&m);
    assert_eq!(a.dimensions[0].score, 50.0);
    assert_eq!(a.factors[1].rating, Some(Rating::Partial));
}

#[test]
fn a_mission_carries_the_rulebook_it_was_resolved_against() {
    let rb = tiny();
    let m = mission(&rb, "");
    assert_eq!(m.rulebook(), &rb);
    // An equal rulebook read again is the same rulebook.
    assert_eq!(m.rulebook(), &tiny());
    assert_ne!(m.rulebook(), &Rulebook::oslo_2007());
    let built = Mission::builder(&rb)
        .name("Built")
        .rate("e1", Rating::Low)
        .build()
        .unwrap();
    assert_eq!(built.rulebook(), &rb);
    assert_eq!(built.name(), "Built");
    assert_eq!(built.rating(0), Some(Rating::Low));
}

#[test]
fn verdict_words_read_back() {
    let words = [
        "ready",
        "above-target",
        "stretch",
        "not-ready",
        "undetermined",
    ];
    assert_eq!(Verdict::ALL.len(), words.len());
    for (v, w) in Verdict::ALL.iter().zip(words) {
        assert_eq!(v.as_str(), w);
        assert_eq!(v.to_string(), w);
        assert_eq!(w.parse::<Verdict>().unwrap(), *v);
    }
    assert!("Ready".parse::<Verdict>().is_err());
    // Ordered from best to least supported: over-investment is a finding,
    // but a shortfall weighs more.
    assert!(Verdict::Ready < Verdict::AboveTarget);
    assert!(Verdict::AboveTarget < Verdict::Stretch);
    assert!(Verdict::Stretch < Verdict::NotReady);
    assert!(Verdict::NotReady < Verdict::Undetermined);
    for d in Direction::ALL {
        assert_eq!(d.as_str().parse::<Direction>().unwrap(), d);
        assert_eq!(d.to_string(), d.as_str());
    }
    assert_eq!(Direction::Down.as_str(), "down");
    assert_eq!(Direction::Up.as_str(), "up");
    assert!("sideways".parse::<Direction>().is_err());
}

#[test]
fn provenance_names_the_rulebook_and_the_crate() {
    let rb = tiny();
    let p = Provenance::of(&rb);
    assert_eq!(p.id, "tiny");
    assert_eq!(p.version, "1");
    assert_eq!(p.fingerprint, rb.content_fingerprint());
    assert_eq!(p.crate_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(
        p.to_string(),
        format!(
            "rulebook tiny 1 (fingerprint {}), integration-readiness {}",
            rb.content_fingerprint(),
            env!("CARGO_PKG_VERSION")
        )
    );
}

#[test]
fn robustness_options_default_to_twenty_percent_a_thousand_samples() {
    let o = RobustnessOptions::default();
    assert_eq!((o.noise_percent, o.samples, o.seed), (20.0, 1000, 2007));
    let rb = tiny();
    let r = robustness(&mission(&rb, ""), o);
    assert_eq!((r.noise_percent, r.samples, r.seed), (20.0, 1000, 2007));
    assert_eq!(r.mission.name, "Accessors");
}

#[test]
fn a_comparison_is_unchanged_only_when_nothing_moved() {
    use integration_readiness::analysis::compare;
    let body = "[evidence.e1]\nrating = \"full\"\n[evidence.e2]\nrating = \"none\"\n\
                [evidence.b1]\nrating = \"none\"\n";
    let rb = tiny();
    let a = integration_readiness::assess(&mission(&rb, body));
    assert!(compare(&a, &a).is_unchanged());
    // The same ratings under e1 weighing 3 on `a`: (3 + 1) / 5 = 80 instead
    // of (2 + 1) / 4 = 75, still top and ready: only the score moved.
    let heavier = Rulebook::from_toml(
        &TINY.replace("weights = { a = 2.0 }", "weights = { a = 3.0 }"),
        "t.toml",
    )
    .unwrap();
    let b = integration_readiness::assess(&mission(&heavier, body));
    assert_eq!(a.dimensions[0].score, 75.0);
    assert_eq!(b.dimensions[0].score, 80.0);
    assert_eq!(a.dimensions[0].verdict, b.dimensions[0].verdict);
    assert_eq!(a.dimensions[0].level, b.dimensions[0].level);
    let c = compare(&a, &b);
    assert!(c.changed_ratings.is_empty());
    assert!(!c.is_unchanged());
    // e2 left unknown, weighing 1 and then 3 on `a`; the rated e1 and b1
    // both `partial`, so they earn half their weight (1 of 2 and 0.5 of 1)
    // and the point score, each unknown at the middle of the scale, stays
    // at (1.5 + 0.5) / 4 = (1.5 + 1.5) / 6 = 50 (mid). What e2 could settle
    // widens from 1 to 3: the range goes from [1.5 / 4, 2.5 / 4] = [37.5,
    // 62.5] to [1.5 / 6, 4.5 / 6] = [25, 75]. The level range stays
    // apart..mid (75 meets top's 70, but its gate needs e1 `high`), and
    // the coverage 3 / 4 and 3 / 6 both meet the minimum 0.5: only the
    // range moved.
    let body = "[evidence.e1]\nrating = \"partial\"\n[evidence.b1]\nrating = \"partial\"\n";
    let a = integration_readiness::assess(&mission(&rb, body));
    let wider = Rulebook::from_toml(
        &TINY.replace(
            "weights = { b = 0.0 }\nweight-reasons = { b = \"no bearing on b\" }",
            "weights = { a = 3.0, b = 0.0 }\nweight-reasons = { a = \"w\", b = \"no bearing on b\" }",
        ),
        "t.toml",
    )
    .unwrap();
    let b = integration_readiness::assess(&mission(&wider, body));
    assert_eq!((a.dimensions[0].score, b.dimensions[0].score), (50.0, 50.0));
    assert_eq!(a.dimensions[0].score_range, [37.5, 62.5]);
    assert_eq!(b.dimensions[0].score_range, [25.0, 75.0]);
    assert_eq!(a.dimensions[0].level, "mid");
    assert_eq!(a.dimensions[0].level_range, b.dimensions[0].level_range);
    assert_eq!(a.dimensions[0].verdict, b.dimensions[0].verdict);
    assert_eq!(a.dimensions[0].level, b.dimensions[0].level);
    let c = compare(&a, &b);
    assert!(c.changed_ratings.is_empty());
    assert!(!c.is_unchanged());
}

#[test]
fn min_coverage_and_a_targets_verdict_by_hand() {
    // Neither rulebook sets `min-coverage`: the default, half the weight.
    assert_eq!(tiny().min_coverage(), 0.5);
    assert_eq!(Rulebook::oslo_2007().min_coverage(), 0.5);
    let rb = tiny();
    // No `mode`: on `a` the default target is mid, and `big-floor` raises
    // it to top where mode = big, so the target spans mid..top (its level
    // is the highest, top); on `b` no mission-wide rule reads the context
    // (hum-cap is for the hum role), so it is the default, apart.
    let a = integration_readiness::assess(&mission(&rb, ""));
    let t = &a.dimensions[0].target_detail;
    assert_eq!((t.level.as_str(), t.level_index), ("top", 2));
    assert_eq!(t.range_index, [1, 2]);
    assert_eq!(t.open_keys, ["mode"]);
    // At apart: not-ready against top, stretch against mid; at mid: stretch
    // or ready; at top: ready either way.
    assert_eq!(t.verdict_at(0), None);
    assert_eq!(t.verdict_at(1), None);
    assert_eq!(t.verdict_at(2), Some(Verdict::Ready));
    let t = &a.dimensions[1].target_detail;
    assert_eq!((t.level.as_str(), t.range_index), ("apart", [0, 0]));
    assert!(t.open_keys.is_empty());
    assert_eq!(t.verdict_at(0), Some(Verdict::Ready));
    // mode = small decides it: mid, no cap.
    let m = mission(&rb, "[context]\nmode = \"small\"\n");
    let a = integration_readiness::assess(&m);
    let t = &a.dimensions[0].target_detail;
    assert_eq!(
        (t.level.as_str(), t.range_index, t.capped),
        ("mid", [1, 1], false)
    );
    assert_eq!(t.verdict_at(0), Some(Verdict::Stretch));
    assert_eq!(t.verdict_at(1), Some(Verdict::Ready));
    assert_eq!(t.verdict_at(2), Some(Verdict::Ready));
    assert_eq!((t.cap.as_ref(), t.cap_index), (None, None));
    // Verdict::of by hand (level, target, binding cap): above a binding
    // cap is over-investment, whether the cap sets the target or sits above
    // it; above a target no cap bounds is ready.
    assert_eq!(Verdict::of(2, 1, Some(1)), Verdict::AboveTarget);
    assert_eq!(Verdict::of(2, 0, Some(1)), Verdict::AboveTarget);
    assert_eq!(Verdict::of(1, 0, Some(1)), Verdict::Ready);
    assert_eq!(Verdict::of(2, 1, None), Verdict::Ready);
    assert_eq!(Verdict::of(1, 1, Some(1)), Verdict::Ready);
    assert_eq!(Verdict::of(0, 1, Some(1)), Verdict::Stretch);
    assert_eq!(Verdict::of(0, 2, None), Verdict::NotReady);
    for v in Verdict::ALL {
        assert!(!v.meaning().is_empty());
    }
}
