//! The planner's parts, each against brute force on small generated
//! covering problems: every lower bound the search prunes with (the dual
//! value at any multipliers, the dual value as the search computes it from
//! its penalty table, the fractional knapsack per dimension) is at most the
//! optimum from its node; pruning never cuts a node that holds a cheaper
//! plan; both first plans cover every deficit; the solution is a cheapest
//! plan, in the order the variables were given; the cost unit and the
//! rounding of bounds to it hold on whole and fractional costs.

use super::*;
use proptest::prelude::*;

/// A node budget no test reaches unless it means to (the planner's).
const BUDGET: u64 = 20_000_000;

/// A variable: cost, room, gain per dimension.
fn var(cost: f64, room: usize, gain: &[f64]) -> Var {
    Var {
        cost,
        room,
        gain: gain.to_vec(),
    }
}

/// The least cost of covering `deficit` with `vars`, by enumeration;
/// `None` when even every step of every variable does not cover it.
fn brute(vars: &[Var], deficit: &[f64]) -> Option<f64> {
    let mut x = vec![0usize; vars.len()];
    let mut best: Option<f64> = None;
    loop {
        let covered = (0..deficit.len()).all(|d| {
            let got: f64 = vars
                .iter()
                .zip(&x)
                .map(|(v, &k)| v.gain[d] * k as f64)
                .sum();
            got >= deficit[d]
        });
        if covered {
            let cost: f64 = vars.iter().zip(&x).map(|(v, &k)| v.cost * k as f64).sum();
            if best.is_none_or(|b| cost < b) {
                best = Some(cost);
            }
        }
        let mut i = 0;
        loop {
            if i == vars.len() {
                return best;
            }
            if x[i] < vars[i].room {
                x[i] += 1;
                break;
            }
            x[i] = 0;
            i += 1;
        }
    }
}

/// Whether `x` (steps per variable) covers `deficit` within `room`.
fn covers(vars: &[Var], deficit: &[f64], x: &[usize]) -> bool {
    x.len() == vars.len()
        && vars.iter().zip(x).all(|(v, &k)| k <= v.room)
        && (0..deficit.len()).all(|d| {
            let got: f64 = vars.iter().zip(x).map(|(v, &k)| v.gain[d] * k as f64).sum();
            got >= deficit[d] - 1e-9
        })
}

/// A search over `vars` pruning with multipliers `lambdas`, its penalty
/// table and cheapest-first orders built as the planner builds them.
fn search<'a>(vars: &'a [Var], lambdas: Vec<Vec<f64>>, nd: usize) -> Search<'a> {
    Search {
        vars,
        penalty: penalties(vars, &lambdas),
        lambdas,
        order: knapsack_order(vars, nd),
        best_cost: f64::INFINITY,
        best: None,
        x: vec![0; vars.len()],
        nodes: 0,
        budget: BUDGET,
        cut: false,
        unit: cost_unit(vars),
    }
}

/// Small covering problems: 1 to 3 dimensions, 1 to 5 variables with room
/// 1 to 4, gains of a quarter of weights 0 to 3, whole (1, 2, 4) or
/// fractional costs, deficits up to 3.
/// (cost, room, gain per dimension) of each variable, and the deficits.
type Problem = (Vec<(f64, usize, Vec<f64>)>, Vec<f64>);

fn problem() -> impl Strategy<Value = Problem> {
    (1usize..=3, 1usize..=5, any::<bool>()).prop_flat_map(|(nd, nv, whole)| {
        let cost = if whole {
            prop::sample::select(vec![1.0, 2.0, 4.0]).boxed()
        } else {
            (0.1f64..5.0).boxed()
        };
        let one = (
            cost,
            1usize..=4,
            prop::collection::vec(prop::sample::select(vec![0.0, 0.5, 1.0, 2.0, 3.0]), nd),
        )
            .prop_map(|(c, r, w)| (c, r, w.iter().map(|w| 0.25 * w).collect()));
        (
            prop::collection::vec(one, nv),
            prop::collection::vec(
                prop::sample::select(vec![-0.5, 0.0, 0.25, 0.5, 1.0, 1.75, 3.0]),
                nd,
            ),
        )
    })
}

fn build(raw: &[(f64, usize, Vec<f64>)]) -> Vec<Var> {
    raw.iter().map(|(c, r, g)| var(*c, *r, g)).collect()
}

fn multipliers(nd: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(0.0f64..20.0, nd)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The dual value at any multipliers, from any node, is at most the
    /// optimum of what is left.
    #[test]
    fn the_dual_value_is_a_lower_bound(
        (raw, deficit) in problem(),
        lambda in multipliers(3),
        from in 0usize..5,
    ) {
        let vars = build(&raw);
        let from = from.min(vars.len());
        let lambda = &lambda[..deficit.len()];
        if let Some(opt) = brute(&vars[from..], &deficit) {
            let (value, _) = dual_value(&vars[from..], lambda, &deficit);
            prop_assert!(value <= opt + 1e-9, "dual {value} > optimum {opt}");
        }
    }

    /// The multipliers the search starts from are non-negative and give a
    /// bound no better than the optimum.
    #[test]
    fn the_root_multipliers_give_a_valid_bound((raw, deficit) in problem()) {
        let vars = build(&raw);
        let upper = marginal_greedy(&vars, &deficit).map_or(f64::INFINITY, |g| g.0);
        let lambda = root_multipliers(&vars, &deficit, upper);
        prop_assert_eq!(lambda.len(), deficit.len());
        prop_assert!(lambda.iter().all(|&l| l >= 0.0), "{lambda:?}");
        if let Some(opt) = brute(&vars, &deficit) {
            let (value, _) = dual_value(&vars, &lambda, &deficit);
            prop_assert!(value <= opt + 1e-9, "dual {value} > optimum {opt}");
        }
    }

    /// The fractional knapsack of each dimension, from any node, is at most
    /// the optimum of what is left, and infinite only where that dimension
    /// cannot be covered.
    #[test]
    fn the_knapsack_bound_is_a_lower_bound(
        (raw, deficit) in problem(),
        from in 0usize..5,
    ) {
        let vars = build(&raw);
        let from = from.min(vars.len());
        let s = search(&vars, Vec::new(), deficit.len());
        for (d, &need) in deficit.iter().enumerate() {
            let bound = s.knapsack_bound(d, from, need);
            // The one dimension alone, from the node.
            let mut only = vec![0.0; deficit.len()];
            only[d] = need;
            match brute(&vars[from..], &only) {
                Some(opt) => prop_assert!(bound <= opt + 1e-9, "knapsack {bound} > optimum {opt}"),
                None => prop_assert!(bound.is_infinite(), "dimension {d} cannot be covered: {bound}"),
            }
        }
    }

    /// The search prunes a node only when no plan below it is cheaper than
    /// the best known: with the best known just above the optimum, the
    /// node holding the optimum is never pruned, and the search finds it.
    #[test]
    fn pruning_keeps_every_cheaper_plan(
        (raw, deficit) in problem(),
        lambda in multipliers(3),
        from in 0usize..5,
    ) {
        let vars = build(&raw);
        let nd = deficit.len();
        let from = from.min(vars.len());
        let lambdas = vec![lambda[..nd].to_vec()];
        let mut s = search(&vars, lambdas, nd);
        if let Some(opt) = brute(&vars[from..], &deficit) {
            // Anything cheaper than opt + a little must survive.
            s.best_cost = opt + 0.01;
            prop_assert!(!s.pruned(from, 0.0, &deficit), "pruned a node holding {opt}");
            // Spent so far: a multiple of every cost unit (1, 2 or 4).
            s.best_cost = opt + 0.01 + 4.0;
            prop_assert!(!s.pruned(from, 4.0, &deficit), "pruned a node holding 4 + {opt}");
        }
        let mut s = search(&vars, vec![lambda[..nd].to_vec()], nd);
        s.dfs(0, 0.0, &mut deficit.clone());
        match brute(&vars, &deficit) {
            Some(opt) => {
                prop_assert!((s.best_cost - opt).abs() < 1e-9, "search {} vs {opt}", s.best_cost);
                let x = s.best.clone().unwrap();
                prop_assert!(covers(&vars, &deficit, &x));
            }
            None => prop_assert!(s.best.is_none()),
        }
    }

    /// Both first plans cover every deficit within each variable's room,
    /// at the cost they report, and exist whenever any plan does.
    #[test]
    fn the_first_plans_are_feasible((raw, deficit) in problem()) {
        let vars = build(&raw);
        let feasible = brute(&vars, &deficit).is_some();
        for (name, first) in [
            ("greedy", greedy(&vars, &deficit)),
            ("marginal_greedy", marginal_greedy(&vars, &deficit)),
        ] {
            match first {
                Some((cost, x)) => {
                    prop_assert!(covers(&vars, &deficit, &x), "{name}: {x:?} leaves a deficit");
                    let want: f64 = vars.iter().zip(&x).map(|(v, &k)| v.cost * k as f64).sum();
                    prop_assert!((cost - want).abs() < 1e-9, "{name}: {cost} != {want}");
                    let opt = brute(&vars, &deficit).unwrap();
                    prop_assert!(cost >= opt - 1e-9, "{name}: {cost} below the optimum {opt}");
                }
                None => prop_assert!(!feasible, "{name} found no plan where one exists"),
            }
        }
    }

    /// The solution, in the order the variables were given, is a cheapest
    /// plan where one exists, and every step of every variable where none
    /// does; the search finishes within its budget.
    #[test]
    fn the_solution_is_a_cheapest_plan((raw, deficit) in problem()) {
        let vars = build(&raw);
        let found = solve(&vars, &deficit, BUDGET);
        prop_assert!(found.exact);
        prop_assert!(found.nodes >= 1);
        match brute(&vars, &deficit) {
            Some(opt) => {
                prop_assert!(covers(&vars, &deficit, &found.steps));
                let cost: f64 =
                    vars.iter().zip(&found.steps).map(|(v, &k)| v.cost * k as f64).sum();
                prop_assert!((cost - opt).abs() < 1e-9, "{cost} != the optimum {opt}");
            }
            None => {
                let every: Vec<usize> = vars.iter().map(|v| v.room).collect();
                prop_assert_eq!(found.steps, every);
            }
        }
    }
}

#[test]
fn the_solution_is_in_the_order_the_variables_were_given() {
    // The cheap variable is searched first, but its steps come back second.
    let vars = [var(4.0, 1, &[0.5]), var(1.0, 2, &[0.5])];
    let found = solve(&vars, &[1.0], BUDGET);
    assert_eq!(found.steps, [0, 2]);
    assert!(found.exact);
}

#[test]
fn the_penalty_table_is_the_dual_value_of_each_suffix() {
    // Variables priced at λ = 2: gains 0.5, 1 and 0.25 at costs 1, 1.5, 1:
    // prices 1, 2, 0.5; over cost by 0, 0.5, 0 per step; rooms 4, 2, 3.
    let vars = [
        var(1.0, 4, &[0.5]),
        var(1.5, 2, &[1.0]),
        var(1.0, 3, &[0.25]),
    ];
    let pen = penalties(&vars, &[vec![2.0]]);
    assert_eq!(pen, vec![vec![1.0, 1.0, 0.0, 0.0]]);
    for i in 0..=vars.len() {
        let (value, _) = dual_value(&vars[i..], &[2.0], &[0.0]);
        assert_eq!(pen[0][i], -value);
    }
}

#[test]
fn the_knapsack_order_is_cheapest_per_unit_of_gain_first() {
    // Per unit of gain on dimension 0: 4, 2, none (no gain), 1; on 1: 8, -, 2, -.
    let vars = [
        var(2.0, 1, &[0.5, 0.25]),
        var(1.0, 1, &[0.5, 0.0]),
        var(1.0, 1, &[0.0, 0.5]),
        var(3.0, 1, &[3.0, 0.0]),
    ];
    assert_eq!(knapsack_order(&vars, 2), vec![vec![3, 1, 0], vec![2, 0]]);
}

#[test]
fn single_dimension_multipliers_price_the_covering_variable() {
    // Dimension 0: v0 at 2 per unit of gain (capacity 1), then v1 at 6
    // (capacity 1); dimension 1: v1 alone at 6.
    let vars = [var(1.0, 2, &[0.5, 0.0]), var(3.0, 2, &[0.5, 0.5])];
    // Deficit 1.5 on 0: v0 covers 1, v1 the rest: price 6. Deficit 0.5 on
    // 1: v1 covers it: price 6.
    assert_eq!(
        single_dimension_multipliers(&vars, &[1.5, 0.5]),
        vec![vec![6.0, 0.0], vec![0.0, 6.0]]
    );
    // Deficit 1 on 0: v0 covers it at 2.
    assert_eq!(
        single_dimension_multipliers(&vars, &[1.0, 0.5]),
        vec![vec![2.0, 0.0], vec![0.0, 6.0]]
    );
    // Deficit 3 on 0: both cover only 2: no multipliers for it.
    assert_eq!(
        single_dimension_multipliers(&vars, &[3.0, 0.5]),
        vec![vec![0.0, 6.0]]
    );
    // Cheapest per unit of gain first: v1 at 3 (not v0 at 4, which is
    // cheaper per step and covers the deficit alone).
    let vars = [var(1.0, 4, &[0.25]), var(3.0, 1, &[1.0])];
    assert_eq!(single_dimension_multipliers(&vars, &[0.5]), vec![vec![3.0]]);
    // A dimension no variable gains on gets no multipliers, even with
    // nothing to cover.
    let vars = [var(1.0, 1, &[0.5, 0.0])];
    assert_eq!(
        single_dimension_multipliers(&vars, &[0.5, 0.0]),
        vec![vec![2.0, 0.0]]
    );
}

#[test]
fn the_root_multipliers_leave_a_covered_dimension_unpriced() {
    // One variable of gain 0.5 on both dimensions, cost 1: deficit 1 on
    // the first, none on the second. The first starts at its median price,
    // 2, where the dual value is the optimum (2); the second starts at 0
    // and the ascent never raises it (its subgradient is never positive).
    let vars = [var(1.0, 4, &[0.5, 0.5])];
    assert_eq!(root_multipliers(&vars, &[1.0, 0.0], 2.0), vec![2.0, 0.0]);
    // Nothing to cover anywhere: all zero.
    assert_eq!(root_multipliers(&vars, &[0.0, 0.0], 0.0), vec![0.0, 0.0]);
}

#[test]
fn the_dual_value_by_hand() {
    // One dimension, deficit 1; a variable of gain 0.5 and cost 1, room 4.
    let vars = [var(1.0, 4, &[0.5])];
    // At λ = 2 the price of a step is 1 = its cost: value 2 × 1 = 2, the
    // optimum (two steps), and nothing is subtracted.
    let (value, sub) = dual_value(&vars, &[2.0], &[1.0]);
    assert_eq!(value, 2.0);
    assert_eq!(sub, vec![1.0]);
    // At λ = 3 each step is priced 1.5, 0.5 above its cost: 3 - 4 × 0.5 = 1,
    // and the subgradient is 1 - 4 × 0.5 = -1.
    let (value, sub) = dual_value(&vars, &[3.0], &[1.0]);
    assert_eq!(value, 1.0);
    assert_eq!(sub, vec![-1.0]);
    // A covered dimension (negative deficit) counts as 0.
    let (value, sub) = dual_value(&vars, &[1.0], &[-1.0]);
    assert_eq!(value, 0.0);
    assert_eq!(sub, vec![0.0]);
}

#[test]
fn the_knapsack_bound_by_hand() {
    // Dimension 0: a cheap variable (cost 1 per 0.5 gain, room 2 -> covers
    // 1 for 2) and a dear one (cost 4 per 0.5, room 2).
    let vars = [var(1.0, 2, &[0.5]), var(4.0, 2, &[0.5])];
    let s = search(&vars, Vec::new(), 1);
    // A deficit of 0.5: half the cheap one's capacity at 2 per unit: 1.
    assert_eq!(s.knapsack_bound(0, 0, 0.5), 1.0);
    // A deficit of 1.5: all of the cheap one (2) and 0.5 of the dear at 8
    // per unit (4): 6.
    assert_eq!(s.knapsack_bound(0, 0, 1.5), 6.0);
    // From the dear one on: 0.5 at 8 per unit.
    assert_eq!(s.knapsack_bound(0, 1, 0.5), 4.0);
    // More than both can cover: infinite; nothing to cover: 0.
    assert_eq!(s.knapsack_bound(0, 0, 2.5), f64::INFINITY);
    assert_eq!(s.knapsack_bound(0, 0, 0.0), 0.0);
    assert_eq!(s.knapsack_bound(0, 0, -1.0), 0.0);
}

#[test]
fn the_search_prunes_by_the_dual_and_the_knapsack_bound() {
    // Deficit 1 on one dimension; one variable of gain 0.5, cost 1, room 4:
    // the optimum is 2.
    let vars = [var(1.0, 4, &[0.5])];
    let mut s = search(&vars, vec![vec![2.0]], 1);
    // Best known 3: a plan of 2 may lie below, so no pruning.
    s.best_cost = 3.0;
    assert!(!s.pruned(0, 0.0, &[1.0]));
    // Best known 2: nothing below is cheaper (the dual bound says 2).
    s.best_cost = 2.0;
    assert!(s.pruned(0, 0.0, &[1.0]));
    // The knapsack bound alone (no multipliers) prunes the same node.
    let mut s = search(&vars, Vec::new(), 1);
    s.best_cost = 2.0;
    assert!(s.pruned(0, 0.0, &[1.0]));
    s.best_cost = 2.5;
    assert!(!s.pruned(0, 0.0, &[1.0]));
    // With whole costs, a bound of 1.5 rounds up to 2: a best known of 2
    // prunes a node whose bound is 1.5 (deficit 0.75: one and a half steps).
    assert!(s.round_up(1.5) == 2.0);
    s.best_cost = 2.0;
    assert!(s.pruned(0, 0.0, &[0.75]));
    // The cost spent so far counts: 1 spent plus a bound of 2 against 3.
    s.best_cost = 3.0;
    assert!(s.pruned(0, 1.0, &[1.0]));
    assert!(!s.pruned(0, 0.0, &[1.0]));
}

#[test]
fn the_search_counts_its_nodes() {
    // Two variables, each of room 1, both needed. The search visits the
    // root (1), takes the first (2), takes the second (3: covered, best 2),
    // leaves the second (4: a dead end at the last variable), then leaves
    // the first (5), where the knapsack bound prunes: the second alone
    // cannot cover the deficit. Without that pruning it would visit 7.
    let vars = [var(1.0, 1, &[0.5]), var(1.0, 1, &[0.5])];
    let mut s = search(&vars, Vec::new(), 1);
    s.dfs(0, 0.0, &mut [1.0]);
    assert_eq!(s.best_cost, 2.0);
    assert_eq!(s.best, Some(vec![1, 1]));
    assert!(!s.cut);
    assert_eq!(s.nodes, 5);
}

#[test]
fn the_search_stops_past_its_node_budget_and_says_so() {
    // The search above, allowed two nodes: it visits the root (1) and
    // takes the first variable (2); the third node is past the budget, so
    // it stops there, with no plan, and leaves no sibling to try.
    let vars = [var(1.0, 1, &[0.5]), var(1.0, 1, &[0.5])];
    let mut s = search(&vars, Vec::new(), 1);
    s.budget = 2;
    s.dfs(0, 0.0, &mut [1.0]);
    assert!(s.cut);
    assert_eq!(s.nodes, 3);
    assert_eq!(s.best, None);
    // Allowed the five it needs, it finishes.
    let mut s = search(&vars, Vec::new(), 1);
    s.budget = 5;
    s.dfs(0, 0.0, &mut [1.0]);
    assert!(!s.cut);
    assert_eq!(s.best, Some(vec![1, 1]));
}

#[test]
fn the_search_keeps_the_first_of_equally_cheap_plans() {
    // Deficit 1, fractional costs (no rounding of bounds): X (2.1, gain
    // 0.75), Z (1.05, gain 0.25), Y (1.05, gain 0.5), searched in that
    // order. X + Z is found first, at 3.15; X + Y costs the same and is
    // reached too (the bound after X without Z, 2.1 + 0.25 × 2.1 = 2.625,
    // does not prune it), but is not cheaper, so X + Z stays.
    let vars = [
        var(2.1, 1, &[0.75]),
        var(1.05, 1, &[0.25]),
        var(1.05, 1, &[0.5]),
    ];
    let mut s = search(&vars, Vec::new(), 1);
    assert_eq!(s.unit, 0.0);
    s.dfs(0, 0.0, &mut [1.0]);
    assert_eq!(s.best, Some(vec![1, 1, 0]));
    assert_eq!(s.best_cost, 2.1 + 1.05);
}

#[test]
fn the_cost_unit_is_the_greatest_common_divisor_of_whole_costs() {
    let unit =
        |costs: &[f64]| cost_unit(&costs.iter().map(|&c| var(c, 1, &[1.0])).collect::<Vec<_>>());
    assert_eq!(unit(&[1.0, 2.0, 4.0]), 1.0);
    assert_eq!(unit(&[2.0, 4.0, 6.0]), 2.0);
    assert_eq!(unit(&[6.0, 4.0]), 2.0);
    assert_eq!(unit(&[9.0, 6.0, 15.0]), 3.0);
    assert_eq!(unit(&[3.0]), 3.0);
    // Any fractional cost, a cost below 1 or above 1e12: no unit.
    assert_eq!(unit(&[2.0, 2.5]), 0.0);
    assert_eq!(unit(&[0.5]), 0.0);
    assert_eq!(unit(&[0.0, 2.0]), 0.0);
    assert_eq!(unit(&[2.0, 1e13]), 0.0);
    assert_eq!(unit(&[1e12]), 1e12);
    assert_eq!(unit(&[]), 0.0);
}

#[test]
fn bounds_round_up_to_the_cost_unit() {
    let vars = [var(2.0, 1, &[1.0]), var(4.0, 1, &[1.0])];
    let s = search(&vars, Vec::new(), 1);
    assert_eq!(s.unit, 2.0);
    // A whole multiple stays; anything above goes to the next multiple.
    assert_eq!(s.round_up(4.0), 4.0);
    assert_eq!(s.round_up(0.0), 0.0);
    assert_eq!(s.round_up(3.0), 4.0);
    assert_eq!(s.round_up(4.5), 6.0);
    assert_eq!(s.round_up(0.1), 2.0);
    // Rounding error just above a multiple does not push it up.
    assert_eq!(s.round_up(4.0 + 1e-12), 4.0);
    // Fractional costs: no unit, no rounding.
    let vars = [var(1.5, 1, &[1.0]), var(4.0, 1, &[1.0])];
    let s = search(&vars, Vec::new(), 1);
    assert_eq!(s.unit, 0.0);
    assert_eq!(s.round_up(3.3), 3.3);
    assert_eq!(s.round_up(4.0), 4.0);
}

#[test]
fn greedy_takes_whole_variables_in_order_then_gives_back() {
    // Deficit 1 on one dimension. Greedy takes the first variable whole
    // (4 steps of 0.5 = 2, one more than needed), stops, then gives back
    // the two steps not needed: 2 steps at cost 3 = 6.
    let vars = [var(3.0, 4, &[0.5]), var(1.0, 4, &[0.5])];
    assert_eq!(greedy(&vars, &[1.0]), Some((6.0, vec![2, 0])));
    // Marginal greedy picks by value per cost: two steps of the cheap one.
    assert_eq!(marginal_greedy(&vars, &[1.0]), Some((2.0, vec![0, 2])));
    // Nothing to cover: the empty plan.
    assert_eq!(greedy(&vars, &[0.0]), Some((0.0, vec![0, 0])));
    assert_eq!(marginal_greedy(&vars, &[-1.0]), Some((0.0, vec![0, 0])));
    // More than everything covers: no plan.
    assert_eq!(greedy(&vars, &[5.0]), None);
    assert_eq!(marginal_greedy(&vars, &[5.0]), None);
}

#[test]
fn marginal_greedy_gives_back_every_step_the_rest_covers() {
    // Deficit 0.75. The cheap variable (cost 1, gain 0.25) is worth 0.25 a
    // unit of cost against the dear one's 0.75 / 4: both its steps come
    // first (0.25 left), then the dear one (cost 4, gain 0.75) finishes,
    // 0.5 over. Giving back, dearest first: the dear one is needed (0.25
    // short without it); each cheap step is not (-0.25, then 0): cost 4.
    let vars = [var(4.0, 1, &[0.75]), var(1.0, 2, &[0.25])];
    assert_eq!(marginal_greedy(&vars, &[0.75]), Some((4.0, vec![1, 0])));
}

#[test]
fn marginal_greedy_gives_back_the_steps_a_later_step_made_needless() {
    // Deficits 0.5 and 1. A (gain 0.5 on the first, cost 0.4) covers the
    // most per cost (1.25) and is taken first; then only B (gain 1 on
    // both, cost 1.6) covers the second, and with it A is needless: it is
    // given back, leaving B alone at 1.6 (not 2.0).
    let vars = [var(0.4, 1, &[0.5, 0.0]), var(1.6, 1, &[1.0, 1.0])];
    let (cost, x) = marginal_greedy(&vars, &[0.5, 1.0]).unwrap();
    assert_eq!(x, vec![0, 1]);
    assert!((cost - 1.6).abs() < 1e-12, "{cost}");
    // A variable that covers both: taken first, value 2 / 3 per cost
    // against 1 / 4 for the cheap one-dimension ones.
    let vars = [
        var(3.0, 1, &[1.0, 1.0]),
        var(1.0, 4, &[0.25, 0.0]),
        var(1.0, 4, &[0.0, 0.25]),
    ];
    assert_eq!(
        marginal_greedy(&vars, &[1.0, 1.0]),
        Some((3.0, vec![1, 0, 0]))
    );
}

#[test]
fn of_two_equally_cheap_first_plans_greedys_is_kept() {
    // Deficit 1. Greedy takes the first variable whole (2 steps of 1.0) and
    // gives one back: [1, 0], cost 2. Marginal greedy takes the second
    // (0.75 a unit of cost against 0.5) twice: [0, 2], cost 2 as well.
    let vars = [var(2.0, 2, &[1.0]), var(1.0, 2, &[0.75])];
    assert_eq!(greedy(&vars, &[1.0]), Some((2.0, vec![1, 0])));
    assert_eq!(marginal_greedy(&vars, &[1.0]), Some((2.0, vec![0, 2])));
    assert_eq!(first_plan(&vars, &[1.0]), Some((2.0, vec![1, 0])));
    // Where marginal greedy is cheaper, its plan: [0, 2] at 2 against
    // greedy's [2, 0] at 4 (the first variable now gains 0.5 a step).
    let vars = [var(2.0, 2, &[0.5]), var(1.0, 2, &[0.75])];
    assert_eq!(first_plan(&vars, &[1.0]), Some((2.0, vec![0, 2])));
}
