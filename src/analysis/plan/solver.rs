//! The covering problem the planner solves, and nothing of missions: integer
//! variables `0 <= x(v) <= room(v)`, each step of `v` costing `cost(v)` and
//! gaining `gain(v, d)` on each constraint `d`; one linear constraint per
//! dimension (`Σ gain(v, d) x(v) >= deficit(d)`); minimise `Σ cost(v) x(v)`.
//!
//! Depth-first branch and bound. Each node is bounded by the dual
//! (Lagrangian) value at the root's multipliers and at each single
//! constraint's price (read from a penalty table, O(constraints) a node),
//! and by each constraint's fractional-knapsack cost with the variables not
//! yet decided; bounds round up to the costs' common unit where there is
//! one. The better of two greedy first plans gives the search something to
//! prune against from the start. A node budget stops a search that runs
//! away; the solution then says it is not exact.

/// A variable of the search: its cost a step, how many steps it has, and
/// its gain a step on each constraint.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Var {
    /// The cost of one step (above 0).
    pub(crate) cost: f64,
    /// The most steps it can take.
    pub(crate) room: usize,
    /// What one step gains on each constraint.
    pub(crate) gain: Vec<f64>,
}

/// What the search found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Solution {
    /// The steps of each variable, in the order given; every step of every
    /// variable when no plan covers the deficits.
    pub(crate) steps: Vec<usize>,
    /// Search nodes visited.
    pub(crate) nodes: u64,
    /// Whether the search finished within its node budget.
    pub(crate) exact: bool,
}

/// The cheapest steps of `vars` that cover every `deficit` (a deficit at or
/// below 0 is covered), visiting at most `budget` nodes. The variables are
/// searched most attractive first at the root's prices, the order given
/// breaking ties, so the same problem gives the same solution.
pub(crate) fn solve(vars: &[Var], deficit: &[f64], budget: u64) -> Solution {
    let nd = deficit.len();
    let upper = marginal_greedy(vars, deficit).map_or(f64::INFINITY, |g| g.0);
    let lambda = root_multipliers(vars, deficit, upper);
    // Most attractive at the root prices first, so good plans come early.
    let price = |v: &Var| -> f64 {
        let p: f64 = lambda.iter().zip(&v.gain).map(|(l, g)| l * g).sum();
        if p > 0.0 { v.cost / p } else { f64::INFINITY }
    };
    let mut order: Vec<usize> = (0..vars.len()).collect();
    order.sort_by(|&a, &b| price(&vars[a]).total_cmp(&price(&vars[b])).then(a.cmp(&b)));
    let sorted: Vec<Var> = order.iter().map(|&i| vars[i].clone()).collect();
    let mut lambdas = vec![lambda];
    lambdas.extend(single_dimension_multipliers(&sorted, deficit));
    let penalty = penalties(&sorted, &lambdas);
    let first = first_plan(&sorted, deficit);
    let mut search = Search {
        vars: &sorted,
        lambdas,
        penalty,
        order: knapsack_order(&sorted, nd),
        best_cost: first.as_ref().map_or(f64::INFINITY, |f| f.0),
        best: first.map(|f| f.1),
        x: vec![0; sorted.len()],
        nodes: 0,
        budget,
        cut: false,
        unit: cost_unit(&sorted),
    };
    search.dfs(0, 0.0, &mut deficit.to_vec());
    let found = search
        .best
        .take()
        .unwrap_or_else(|| sorted.iter().map(|v| v.room).collect());
    let mut steps = vec![0; vars.len()];
    for (&i, k) in order.iter().zip(found) {
        steps[i] = k;
    }
    Solution {
        steps,
        nodes: search.nodes,
        exact: !search.cut,
    }
}

/// The dual (Lagrangian) bound of the covering problem for multipliers
/// `lambda >= 0`: `Σ λ_d D_d - Σ_f room_f max(0, λ·g_f - c_f)`, a lower
/// bound on the cost of covering deficits `D` with the variables counted.
fn dual_value(vars: &[Var], lambda: &[f64], deficit: &[f64]) -> (f64, Vec<f64>) {
    let mut value: f64 = lambda
        .iter()
        .zip(deficit)
        .map(|(l, d)| l * d.max(0.0))
        .sum();
    let mut sub: Vec<f64> = deficit.iter().map(|d| d.max(0.0)).collect();
    for v in vars {
        let price: f64 = lambda.iter().zip(&v.gain).map(|(l, g)| l * g).sum();
        if price > v.cost {
            value -= v.room as f64 * (price - v.cost);
            for (s, g) in sub.iter_mut().zip(&v.gain) {
                *s -= v.room as f64 * g;
            }
        }
    }
    (value, sub)
}

/// Multipliers that make the dual bound tight at the root, by projected
/// subgradient ascent (any multipliers give a valid bound; better ones
/// prune more).
fn root_multipliers(vars: &[Var], deficit: &[f64], upper: f64) -> Vec<f64> {
    let nd = deficit.len();
    // Start from each dimension's median price per unit of gain.
    let mut lambda: Vec<f64> = (0..nd)
        .map(|d| {
            let mut p: Vec<f64> = vars
                .iter()
                .filter(|v| v.gain[d] > 0.0)
                .map(|v| v.cost / v.gain[d])
                .collect();
            p.sort_by(f64::total_cmp);
            if deficit[d] > 0.0 {
                p.get(p.len() / 2).copied().unwrap_or(0.0)
            } else {
                0.0
            }
        })
        .collect();
    let scale = lambda.iter().map(|l| l * l).sum::<f64>().sqrt().max(1e-9);
    let mut best = lambda.clone();
    let mut best_value = f64::NEG_INFINITY;
    for t in 0..ROOT_ITERATIONS {
        let (value, sub) = dual_value(vars, &lambda, deficit);
        if value > best_value {
            best_value = value;
            best = lambda.clone();
        }
        let norm = sub.iter().map(|s| s * s).sum::<f64>().sqrt();
        if norm < 1e-12 {
            break;
        }
        // Polyak's step toward a known plan's cost where there is one (it
        // converges where a fixed schedule stalls), else a shrinking step.
        let step = if upper.is_finite() && upper > value {
            (upper - value) / (norm * norm)
        } else {
            scale / (1.0 + t as f64).sqrt() / norm
        };
        for (l, s) in lambda.iter_mut().zip(&sub) {
            *l = (*l + step * s).max(0.0);
        }
    }
    best
}

/// Subgradient steps that tune the root multipliers.
const ROOT_ITERATIONS: usize = 600;

/// A first plan by marginal value: one step at a time, the step that
/// covers the most remaining deficit per unit of cost, then every step that
/// is not needed given back (costliest first). Independent of the order of
/// `vars`, usually close to the optimum, so the search prunes from the start.
fn marginal_greedy(vars: &[Var], deficit: &[f64]) -> Option<(f64, Vec<usize>)> {
    let mut left = deficit.to_vec();
    let mut x = vec![0; vars.len()];
    while left.iter().any(|&d| d > 0.0) {
        let mut pick: Option<(f64, usize)> = None;
        for (i, v) in vars.iter().enumerate() {
            if x[i] >= v.room {
                continue;
            }
            let covered: f64 = v
                .gain
                .iter()
                .zip(&left)
                .map(|(g, l)| g.min(l.max(0.0)))
                .sum();
            let value = covered / v.cost;
            if covered > 0.0 && pick.is_none_or(|(best, _)| value > best) {
                pick = Some((value, i));
            }
        }
        let (_, i) = pick?;
        x[i] += 1;
        for (l, g) in left.iter_mut().zip(&vars[i].gain) {
            *l -= g;
        }
    }
    let mut by_cost: Vec<usize> = (0..vars.len()).collect();
    by_cost.sort_by(|&a, &b| vars[b].cost.total_cmp(&vars[a].cost).then(a.cmp(&b)));
    for i in by_cost {
        let v = &vars[i];
        while x[i] > 0 && left.iter().zip(&v.gain).all(|(l, g)| l + g <= 0.0) {
            x[i] -= 1;
            for (l, g) in left.iter_mut().zip(&v.gain) {
                *l += g;
            }
        }
    }
    let cost = vars.iter().zip(&x).map(|(v, &k)| v.cost * k as f64).sum();
    Some((cost, x))
}

struct Search<'a> {
    vars: &'a [Var],
    /// Multiplier vectors and, for each, the penalty of the variables from
    /// `i` on (`penalty[k][i]`), so a dual bound costs O(dims) a node.
    lambdas: Vec<Vec<f64>>,
    penalty: Vec<Vec<f64>>,
    /// Per dimension: variable indices by cost per unit gain, cheapest first.
    order: Vec<Vec<usize>>,
    best_cost: f64,
    best: Option<Vec<usize>>,
    x: Vec<usize>,
    nodes: u64,
    /// The most nodes visited before the search stops.
    budget: u64,
    /// Whether the budget stopped the search.
    cut: bool,
    /// When every cost is a whole multiple of this unit, so is every plan's
    /// total, and bounds round up to it (0: no rounding).
    unit: f64,
}

impl Search<'_> {
    /// The least total a plan can have that is at least `x`.
    fn round_up(&self, x: f64) -> f64 {
        if self.unit > 0.0 {
            (x / self.unit - 1e-9).ceil() * self.unit
        } else {
            x
        }
    }

    /// Fractional-knapsack lower bound on covering `deficit` on dimension
    /// `d` with variables from `from` on.
    fn knapsack_bound(&self, d: usize, from: usize, deficit: f64) -> f64 {
        if deficit <= 0.0 {
            return 0.0;
        }
        let mut left = deficit;
        let mut cost = 0.0;
        for &v in &self.order[d] {
            if v < from {
                continue;
            }
            let var = &self.vars[v];
            let cap = var.gain[d] * var.room as f64;
            let per = var.cost / var.gain[d];
            if cap >= left {
                return cost + left * per;
            }
            cost += cap * per;
            left -= cap;
        }
        f64::INFINITY
    }

    fn pruned(&self, i: usize, cost: f64, deficit: &[f64]) -> bool {
        let limit = self.best_cost - 1e-9;
        for (lambda, pen) in self.lambdas.iter().zip(&self.penalty) {
            let v: f64 = lambda
                .iter()
                .zip(deficit)
                .map(|(l, d)| l * d.max(0.0))
                .sum::<f64>()
                - pen[i];
            if self.round_up(cost + v) >= limit {
                return true;
            }
        }
        (0..deficit.len())
            .any(|d| self.round_up(cost + self.knapsack_bound(d, i, deficit[d])) >= limit)
    }

    fn dfs(&mut self, i: usize, cost: f64, deficit: &mut [f64]) {
        self.nodes += 1;
        if self.nodes > self.budget {
            self.cut = true;
            return;
        }
        if deficit.iter().all(|&d| d <= 0.0) {
            if cost < self.best_cost - 1e-9 {
                self.best_cost = cost;
                self.best = Some(self.x.clone());
            }
            return;
        }
        if i == self.vars.len() || self.pruned(i, cost, deficit) {
            return;
        }
        let var = &self.vars[i];
        let (room, vcost) = (var.room, var.cost);
        for k in (0..=room).rev() {
            let var = &self.vars[i];
            for (d, g) in var.gain.iter().enumerate() {
                deficit[d] -= g * k as f64;
            }
            self.x[i] = k;
            self.dfs(i + 1, cost + vcost * k as f64, deficit);
            let var = &self.vars[i];
            for (d, g) in var.gain.iter().enumerate() {
                deficit[d] += g * k as f64;
            }
            if self.cut {
                break;
            }
        }
        self.x[i] = 0;
    }
}

/// Per dimension, multipliers that price that dimension alone, at the cost
/// per unit of gain of the variable that, taken cheapest first, covers its
/// deficit (the fractional knapsack's price at the root); none for a
/// dimension the variables cannot cover.
fn single_dimension_multipliers(vars: &[Var], deficit: &[f64]) -> Vec<Vec<f64>> {
    let nd = deficit.len();
    let mut lambdas = Vec::new();
    for d in 0..nd {
        // The single-dimension price that covers the deficit at the root.
        let mut by: Vec<&Var> = vars.iter().filter(|v| v.gain[d] > 0.0).collect();
        by.sort_by(|a, b| (a.cost / a.gain[d]).total_cmp(&(b.cost / b.gain[d])));
        let mut left = deficit[d];
        for v in by {
            left -= v.gain[d] * v.room as f64;
            if left <= 0.0 {
                let mut l = vec![0.0; nd];
                l[d] = v.cost / v.gain[d];
                lambdas.push(l);
                break;
            }
        }
    }
    lambdas
}

/// For each multiplier vector, the penalty of the variables from `i` on
/// (`Σ room max(0, λ·g - c)`), so that a dual bound costs O(dims) a node.
fn penalties(vars: &[Var], lambdas: &[Vec<f64>]) -> Vec<Vec<f64>> {
    lambdas
        .iter()
        .map(|l| {
            let mut pen = vec![0.0; vars.len() + 1];
            for i in (0..vars.len()).rev() {
                let v = &vars[i];
                let p: f64 = l.iter().zip(&v.gain).map(|(a, g)| a * g).sum();
                pen[i] = pen[i + 1] + v.room as f64 * (p - v.cost).max(0.0);
            }
            pen
        })
        .collect()
}

/// Per dimension: the variables that gain on it, cheapest per unit of gain
/// first (the order the knapsack bound fills in).
fn knapsack_order(vars: &[Var], nd: usize) -> Vec<Vec<usize>> {
    (0..nd)
        .map(|d| {
            let mut o: Vec<usize> = (0..vars.len()).filter(|&v| vars[v].gain[d] > 0.0).collect();
            o.sort_by(|&a, &b| {
                (vars[a].cost / vars[a].gain[d]).total_cmp(&(vars[b].cost / vars[b].gain[d]))
            });
            o
        })
        .collect()
}

/// The largest unit every cost is a whole multiple of, when the costs are
/// whole numbers (as the default effort costs 1, 2 and 4 are); 0 otherwise.
fn cost_unit(vars: &[Var]) -> f64 {
    let mut g: u64 = 0;
    for v in vars {
        if v.cost.fract() != 0.0 || !(1.0..=1e12).contains(&v.cost) {
            return 0.0;
        }
        let mut a = v.cost as u64;
        let mut b = g;
        while b != 0 {
            (a, b) = (b, a % b);
        }
        g = a;
    }
    g as f64
}

/// A first plan to prune against: take the most attractive variables whole
/// until every deficit is covered, then give back the steps not needed.
fn greedy(vars: &[Var], deficit: &[f64]) -> Option<(f64, Vec<usize>)> {
    let mut left = deficit.to_vec();
    let mut x = vec![0; vars.len()];
    for (i, v) in vars.iter().enumerate() {
        if left.iter().all(|&d| d <= 0.0) {
            break;
        }
        x[i] = v.room;
        for (l, g) in left.iter_mut().zip(&v.gain) {
            *l -= g * v.room as f64;
        }
    }
    if left.iter().any(|&d| d > 0.0) {
        return None;
    }
    for (i, v) in vars.iter().enumerate().rev() {
        while x[i] > 0 && left.iter().zip(&v.gain).all(|(l, g)| l + g <= 0.0) {
            x[i] -= 1;
            for (l, g) in left.iter_mut().zip(&v.gain) {
                *l += g;
            }
        }
    }
    let cost = vars.iter().zip(&x).map(|(v, &k)| v.cost * k as f64).sum();
    Some((cost, x))
}

/// The better of the two first plans, greedy's where they cost the same;
/// the search prunes against it.
fn first_plan(vars: &[Var], deficit: &[f64]) -> Option<(f64, Vec<usize>)> {
    match (greedy(vars, deficit), marginal_greedy(vars, deficit)) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
#[path = "solver_tests.rs"]
mod tests;
