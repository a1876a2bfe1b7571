//! The strength of the planner's bounds, as deterministic counts: the
//! search nodes (`Plan::nodes`) the planner visits for the sample missions
//! under `examples/missions/`. The plan itself is exact whatever the bounds
//! (the brute-force property in `tests/analysis.rs` and the unit tests in
//! `src/analysis/plan_tests.rs` pin that); a weaker bound, a worse first
//! plan, worse root multipliers or lost cost rounding only make the search
//! visit more nodes, which these counts notice.
//!
//! The counts were measured on this code (rulebook oslo-2007): each is
//! pinned to within 10% of it, so a small reordering passes and a weaker
//! bound (which costs many times more nodes) fails. A count more than 10%
//! below fails too: either a bound prunes what it must not (a wrong bound
//! cuts nodes, and may cut the optimum on another mission), or the search
//! really got stronger, and the pin is lowered with the reason.

use integration_readiness::analysis::plan;
use integration_readiness::{Mission, Rulebook};

/// The planner's node count and exactness for a sample mission.
fn nodes(file: &str) -> (u64, bool) {
    let rb = Rulebook::oslo_2007();
    let path = format!("{}/examples/missions/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let m = Mission::from_toml(&text, file, &rb).unwrap();
    let p = plan(&rb, &m);
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
        "start-up-active-conflict.toml",
    ] {
        assert_eq!(nodes(file), (1, true), "{file}");
    }
}

#[test]
fn consolidation_after_ceasefire() {
    pinned("consolidation-after-ceasefire.toml", 1_044);
}

#[test]
fn drawdown_transition() {
    pinned("drawdown-transition.toml", 1_477);
}

#[test]
fn compare_2009() {
    pinned("compare-2009.toml", 109_888);
}

/// About 3 s in a debug build.
#[test]
fn compare_2008() {
    pinned("compare-2008.toml", 862_110);
}
