//! The strength of the planner's bounds, as deterministic counts: the
//! search nodes (`Plan::nodes`) the planner visits for the sample missions
//! under `examples/missions/`. The plan itself is exact whatever the bounds
//! (the brute-force property in `tests/it/analysis.rs` and the unit tests in
//! `src/analysis/plan_tests.rs` pin that); a weaker bound, a worse first
//! plan, worse root multipliers or lost cost rounding only make the search
//! visit more nodes, which these counts notice. Also the priority order of
//! a plan's changes, by hand on a small rulebook.
//!
//! The counts were measured on this code (rulebook oslo-2007): each is
//! pinned to within 10% of it, so a small reordering passes and a weaker
//! bound (which costs many times more nodes) fails. A count more than 10%
//! below fails too: either a bound prunes what it must not (a wrong bound
//! cuts nodes, and may cut the optimum on another mission), or the search
//! really got stronger, and the pin is lowered with the reason.
//!
//! Re-measured (`Plan::nodes`, the same on every machine) when the point
//! score moved to the middle of the range: the unrated factors now count at
//! half their weight and the targets left open by a missing context key are
//! aimed at their highest, so the samples with unknowns pose other covering
//! problems. Before and after: compare-2008 862,110 and 4,844,562;
//! compare-2009 109,888 and 177,317; start-up-active-conflict 1 and 1,456;
//! the fully rated samples unchanged (consolidation-after-ceasefire 1,044,
//! drawdown-transition 1,477, political-mission 1); poorly-evidenced 1 and
//! 1. Every plan is still exact (the search finishes under its budget).
//!
//! Re-measured again for rulebook 3.0.0, which poses every sample another
//! covering problem: new factors in the sums, new gates forcing steps,
//! a high-effort step at 3 instead of 4 (which changes every cost ratio),
//! other targets for national authorities only (the plan aims at the
//! mission's). Before and after: compare-2008 4,844,562 and 3,280;
//! compare-2009 177,317 and 216,358; consolidation-after-ceasefire 1,044
//! and 44,368; drawdown-transition 1,477 and 1; start-up-active-conflict
//! 1,456 and 1; political-mission and poorly-evidenced 1 and 1. The plans'
//! total efforts (compare-2008 126, compare-2009 110, consolidation 57,
//! drawdown 14, political 37, start-up 152, poorly evidenced 0: its rated
//! factors lift no level) are the least any plan needs:
//! `python3 tests/independent/plan.py` finds the same by an exact dynamic
//! programme over cost that shares nothing with the search. Every plan is
//! still exact. In a release build no sample's plan takes more than about
//! 6 ms of search (compare-2009; compare-2008 took about 150 ms before).

use std::sync::LazyLock;

use crate::fixtures::Sketch;
use integration_readiness::Effort;
use integration_readiness::analysis::plan;
use integration_readiness::{Mission, Rulebook};

/// The planner's node count and exactness for a sample mission.
fn nodes(file: &str) -> (u64, bool) {
    let rb = Rulebook::oslo_2007();
    let path = format!("{}/examples/missions/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let m = Mission::from_toml(&text, file, &rb).unwrap();
    let p = plan(&m);
    (p.nodes, p.exact)
}

/// Asserts the count is within 10% of `measured`.
fn pinned(file: &str, measured: u64) {
    let (n, exact) = nodes(file);
    assert!(exact, "{file}: the search was cut off");
    let (low, high) = (measured - measured / 10, measured + measured / 10);
    assert!(
        n <= high,
        "{file}: {n} nodes, more than {high} (measured {measured}): a bound got weaker"
    );
    assert!(
        n >= low,
        "{file}: {n} nodes, fewer than {low} (measured {measured}): a bound prunes more"
    );
}

#[test]
fn missions_whose_first_plan_is_optimal_at_the_root_take_one_node() {
    // The bound at the root meets the first plan's cost: nothing to search.
    for file in [
        "political-mission.toml",
        "poorly-evidenced.toml",
        "drawdown-transition.toml",
        "start-up-active-conflict.toml",
    ] {
        assert_eq!(nodes(file), (1, true), "{file}");
    }
}

#[test]
fn consolidation_after_ceasefire() {
    pinned("consolidation-after-ceasefire.toml", 44_368);
}

/// The slowest sample plan (216,358 nodes): about 0.1 s in a debug build,
/// 6 ms in a release build.
#[test]
fn compare_2009() {
    pinned("compare-2009.toml", 216_358);
}

#[test]
fn compare_2008() {
    pinned("compare-2008.toml", 3_280);
}

/// One dimension, `high` at 100; four enablers of weight 1: `p` (effort
/// high, 4 a step), `q` (low, 1 a step), `r1` and `r2` (low).
static FOUR: LazyLock<String> = LazyLock::new(|| {
    Sketch::new("four")
        .level("low", &[])
        .level("high", &[("x", 100.0)])
        .dimension("x", "high")
        .enabler("p", Effort::High, &[])
        .enabler("q", Effort::Low, &[])
        .enabler("r1", Effort::Low, &[])
        .enabler("r2", Effort::Low, &[])
        .toml()
});

/// The plan for a mission of `body` under `rb`.
fn plan_of(rb: &Rulebook, body: &str) -> integration_readiness::analysis::Plan {
    let text = format!("[mission]\nname = \"Plan\"\n{body}");
    plan(&Mission::from_toml(&text, "m.toml", rb).unwrap())
}

/// A plan's changes as (factor, steps, effort), in order.
fn changes(p: &integration_readiness::analysis::Plan) -> Vec<(&str, usize, f64)> {
    p.changes
        .iter()
        .map(|c| (c.factor.as_str(), c.steps, c.effort))
        .collect()
}

#[test]
fn changes_come_in_order_of_points_toward_the_target_per_cost() {
    // p and q none, r1 and r2 full: 2 / 4 = 50. High needs 100: both p and
    // q to full, 4 steps each. Alone, each adds 25 points: q for 4 x 1 = 4
    // (6.25 a unit of cost), p for 4 x 4 = 16 (1.5625): q first.
    let rb = Rulebook::from_toml(&FOUR, "four.toml").unwrap();
    let p = plan_of(
        &rb,
        "[evidence.p]\nrating = \"none\"\n[evidence.q]\nrating = \"none\"\n\
         [evidence.r1]\nrating = \"full\"\n[evidence.r2]\nrating = \"full\"\n",
    );
    assert_eq!(changes(&p), [("q", 4, 4.0), ("p", 4, 16.0)]);
    assert_eq!(p.total_effort, 20.0);
    for c in &p.changes {
        assert_eq!(c.gain, 25.0, "{}", c.factor);
        // One dimension: its gain is the overall gain.
        assert_eq!(c.gains.get("x"), Some(&25.0), "{}", c.factor);
    }
}

#[test]
fn a_gate_already_met_forces_nothing() {
    // Tiny rulebook, a big mission: `a` aims at top (70, gate e1 >= high).
    // e1 high (the gate holds; made low effort, 1 a step), e2 none, b1 full:
    // a = 2 x 0.75 / 4 = 37.5, short of 70 by 1.3 of earned weight. The
    // cheapest cover: e1 to full (0.5 for 1) and b1 to none (1.0 for 4),
    // total 5; e1 moves for points, not for its gate.
    let rb = Rulebook::from_toml(include_str!("../data/tiny.toml"), "tiny.toml").unwrap();
    let m = Mission::from_toml(
        "[mission]\nname = \"Gated\"\n[context]\nmode = \"big\"\n[effort]\ne1 = \"low\"\n\
         [evidence.e1]\nrating = \"high\"\n[evidence.e2]\nrating = \"none\"\n\
         [evidence.b1]\nrating = \"full\"\n",
        "m.toml",
        &rb,
    )
    .unwrap();
    let p = plan(&m);
    let changes: Vec<(&str, usize, f64, bool)> = p
        .changes
        .iter()
        .map(|c| (c.factor.as_str(), c.steps, c.effort, c.forced_by_gate))
        .collect();
    assert_eq!(changes, [("e1", 1, 1.0, false), ("b1", 4, 4.0, false)]);
    assert_eq!(p.total_effort, 5.0);
}

/// The four-factor rulebook with `high` at 75.
fn four_at_75() -> Rulebook {
    let text = FOUR.replace("threshold = { x = 100.0 }", "threshold = { x = 75.0 }");
    Rulebook::from_toml(&text, "four.toml").unwrap()
}

#[test]
fn steps_of_alike_factors_go_to_the_first_until_it_is_full() {
    // p and q full, r1 and r2 none: 2 / 4 = 50; 75 needs 3 of 4 earned,
    // one more: four steps of 0.25. r1 and r2 cost the same and weigh the
    // same, so the search counts them as one variable of eight steps; its
    // four go to r1, the first, which they fill, and none to r2.
    let p = plan_of(
        &four_at_75(),
        "[evidence.p]\nrating = \"full\"\n[evidence.q]\nrating = \"full\"\n\
         [evidence.r1]\nrating = \"none\"\n[evidence.r2]\nrating = \"none\"\n",
    );
    assert_eq!(changes(&p), [("r1", 4, 4.0)]);
    assert_eq!(p.total_effort, 4.0);
    // Everything is rated: the level reached does not hang on unknowns.
    assert!(p.needs_favourable_unknowns.is_empty());
}

#[test]
fn a_plan_that_reaches_its_target_only_if_the_unknowns_are_kind_says_so() {
    // p unknown, q full, r1 and r2 none. The point score counts p at the
    // middle of the scale: (1 + 0.5) / 4 = 37.5. 75 of the weight 4 is 3,
    // 1.5 more earned: six steps of 0.25, four filling r1 and two to r2
    // (none to partial), cost 6. Then (2.5 + 0.5) / 4 = 75, high; but
    // with p at its worst (none) the low end is 2.5 / 4 = 62.5, below 75:
    // the plan reaches high only if p turns out well.
    let p = plan_of(
        &four_at_75(),
        "[evidence.q]\nrating = \"full\"\n\
         [evidence.r1]\nrating = \"none\"\n[evidence.r2]\nrating = \"none\"\n",
    );
    assert_eq!(changes(&p), [("r1", 4, 4.0), ("r2", 2, 2.0)]);
    assert_eq!(p.total_effort, 6.0);
    assert_eq!(p.needs_favourable_unknowns, vec!["x"]);
}

/// Two dimensions, `x` (default target `high`) and `y` (default `low`),
/// `high` at 100 on both; `p` weighs 1 on x only (low effort, 1 a step),
/// `q` 1 on x and 3 on y (medium, 2 a step).
fn two() -> Rulebook {
    let text = FOUR
        .replace("threshold = { x = 100.0 }", "threshold = { x = 100.0, y = 100.0 }")
        .replace(
            "default-target = \"high\"\n",
            "default-target = \"high\"\n\n[[dimension]]\nid = \"y\"\ntitle = \"Y\"\ndefault-target = \"low\"\n",
        );
    // p and q only, p at low effort, q at medium, with their weights on y.
    let (head, _) = text.split_once("[[factor]]\nid = \"r1\"").unwrap();
    let text = head
        .replace(
            "effort = \"high\"\nremedy = \"raise p\"",
            "weights = { y = 0.0 }\nweight-reasons = { y = \"none on y\" }\n\
             effort = \"low\"\nremedy = \"raise p\"",
        )
        .replace(
            "effort = \"low\"\nremedy = \"raise q\"",
            "weights = { y = 3.0 }\nweight-reasons = { y = \"three on y\" }\n\
             effort = \"medium\"\nremedy = \"raise q\"",
        );
    Rulebook::from_toml(&text, "two.toml").unwrap()
}

#[test]
fn only_gains_on_dimensions_short_of_their_target_set_the_order() {
    // p partial, q none: x = 0.5 / 2 = 25; y = 0 / 3 = 0, low, its target.
    // x needs 100: both to full, p two steps (cost 2), q four (cost 8).
    // Alone, p adds 25 on x (12.5 a unit of cost); q adds 50 on x (6.25 a
    // unit) and 100 on y, which is at its target and does not count. So p
    // comes first, and only q lifts a level (y to high).
    let p = plan_of(
        &two(),
        "[evidence.p]\nrating = \"partial\"\n[evidence.q]\nrating = \"none\"\n",
    );
    assert_eq!(changes(&p), [("p", 2, 2.0), ("q", 4, 8.0)]);
    assert_eq!(p.changes[0].gains.get("x"), Some(&25.0));
    assert_eq!(p.changes[0].gains.get("y"), Some(&0.0));
    assert_eq!(p.changes[1].gains.get("x"), Some(&50.0));
    assert_eq!(p.changes[1].gains.get("y"), Some(&100.0));
    assert!(p.changes[0].lifts.is_empty());
    assert_eq!(p.changes[1].lifts, vec!["y"]);
}
