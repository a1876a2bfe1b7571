//! The cheapest plan to target: the set of rating changes of least total
//! effort that brings every dimension to at least its target level, gates
//! included.
//!
//! # Algorithm
//!
//! Raising an enabler or lowering a barrier by one step adds `0.25 w(f,d)`
//! to the earned weight of every dimension `d` and never closes a gate, so
//! levels are monotone in the steps taken. The plan therefore:
//!
//! 1. rates every changeable factor at its best (enablers `full`, barriers
//!    `none`) to find the highest level each dimension can reach; a target
//!    above it is unreachable (the reason is the threshold or the gate on a
//!    factor without evidence that stops it), and the plan aims at the
//!    highest reachable level instead;
//! 2. takes the steps the gates of the aimed-at levels require (they are
//!    forced: no plan reaches the level without them);
//! 3. solves what is left, a covering problem with one linear constraint per
//!    dimension (`Σ g(f,d) x(f) >= deficit(d)`) over integer steps
//!    `0 <= x(f) <= room(f)`, minimising `Σ cost(f) x(f)`, by depth-first
//!    branch and bound. The bound at each node is, per dimension, the
//!    fractional-knapsack cost of covering that dimension's remaining deficit
//!    with the factors not yet decided (a relaxation of one constraint, so a
//!    valid lower bound); the largest over the dimensions prunes.
//!
//! The search is exact. In the worst case it is exponential in the number of
//! factors (the problem is NP-hard, as knapsack is), but the bound prunes
//! almost everything on catalogues of tens of factors: the default rulebook
//! takes well under a millisecond (see BENCHMARKS.md). A node budget
//! ([`NODE_BUDGET`]) keeps a pathological rulebook from running away; a
//! plan cut off by it says so in [`Plan::exact`].

use crate::text::Text;
use serde::Serialize;

use crate::assess::{
    DimensionScore, PerDimension, Provenance, THRESHOLD_TOLERANCE, overall_of, score_ratings,
};
use crate::mission::Mission;
use crate::model::EffortCost;
use crate::model::{Effort, Polarity, Rating};
use crate::rulebook::{Bound, Rulebook};

/// The most search nodes the planner visits before it returns the best plan
/// found so far (marked not exact).
pub const NODE_BUDGET: u64 = 20_000_000;

/// One change of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PlanChange {
    /// Factor id.
    pub factor: Text,
    /// Title.
    pub title: Text,
    /// Rating now.
    pub from: Rating,
    /// Rating the plan asks for.
    pub to: Rating,
    /// Steps between them.
    pub steps: usize,
    /// Cost of the change: steps times the cost of the factor's effort.
    pub effort: f64,
    /// The factor's effort word.
    pub effort_level: Effort,
    /// Whether a gate forces the change.
    pub forced_by_gate: bool,
    /// What to do.
    pub remedy: Text,
    /// Where the source names the factor.
    pub citation: std::sync::Arc<crate::model::Citation>,
    /// The change of the overall score when this change alone is applied.
    pub gain: f64,
    /// The change of each dimension's score when this change alone is
    /// applied: the points it gains toward the threshold that blocks.
    pub gains: PerDimension<f64>,
    /// Dimensions whose level this change alone raises.
    pub lifts: Vec<Text>,
}

/// A target no plan reaches, and why: the assessment's own account of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Unreachable {
    /// Dimension id.
    pub dimension: Text,
    /// The target, the best level within reach and every reason, as the
    /// assessment gives them (flattened into this object in JSON).
    #[serde(flatten)]
    pub reach: crate::assess::OutOfReach,
}

/// The cheapest plan to target.
///
/// The plan changes rated factors only: a factor without evidence counts
/// at the middle of the scale, and rating it is finding out, not fixing. Its levels are
/// those of the point score after the plan; `needs_favourable_unknowns`
/// names the dimensions whose target is reached only if the unrated factors
/// turn out well, and `unrated` the factors to rate first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Plan {
    /// The mission's name, for reports (not part of the JSON).
    #[serde(skip)]
    pub mission: String,
    /// The rulebook and crate that made the plan.
    pub rulebook: Provenance,
    /// The changes in priority order: those a gate forces first, then by
    /// points gained toward the blocking thresholds per unit of cost, then
    /// rulebook order. "Fix first" is the start of this list.
    pub changes: Vec<PlanChange>,
    /// Their total cost: each change's steps times its effort's cost.
    pub total_effort: f64,
    /// The cost of one rating step at each effort (the rulebook's units).
    pub effort_cost: EffortCost,
    /// Share of the applicable weight rated before the plan.
    pub coverage: f64,
    /// Whether the assessment the plan starts from is provisional (so may
    /// the plan be).
    pub provisional: bool,
    /// Why the assessment the plan starts from has no overall verdict, when
    /// it has none: the plan is then a sketch, and rating or stating what
    /// the assessment asks for comes first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undetermined: Option<crate::assess::Undetermined>,
    /// The context keys the mission leaves out: where they would change a
    /// target, the plan aims at the highest target they allow.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_context: Vec<Text>,
    /// Factors without evidence, the most at stake first: rating them may
    /// change the plan.
    pub unrated: Vec<Text>,
    /// Dimensions where the plan reaches the target only if the unrated
    /// factors turn out well (at their worst the level stays below).
    pub needs_favourable_unknowns: Vec<Text>,
    /// Level per dimension after the plan.
    pub reaches: PerDimension<Text>,
    /// Target per dimension.
    pub targets: PerDimension<Text>,
    /// Dimensions whose target no plan reaches.
    pub unreachable: Vec<Text>,
    /// Why, per unreachable dimension.
    pub reasons: Vec<Unreachable>,
    /// Whether the search finished (always, short of [`NODE_BUDGET`]).
    pub exact: bool,
    /// Search nodes visited.
    pub nodes: u64,
    /// What the plan had to work around (a mission loaded against another
    /// rulebook is refitted, and what does not fit is left out).
    pub warnings: Vec<String>,
}

/// A rating `steps` better (enabler up, barrier down) than `r`.
fn better(p: Polarity, r: Rating, steps: usize) -> Rating {
    let s = r.step().unwrap_or(0);
    let to = match p {
        Polarity::Enabler => (s + steps).min(4),
        Polarity::Barrier => s.saturating_sub(steps),
    };
    Rating::SCALE[to]
}

/// Steps a rated factor can still improve.
fn room(p: Polarity, r: Rating) -> usize {
    match (p, r.step()) {
        (Polarity::Enabler, Some(s)) => 4 - s,
        (Polarity::Barrier, Some(s)) => s,
        _ => 0,
    }
}

/// A variable of the search: one factor, or several factors with the same
/// cost and gains (interchangeable, so searched as one).
struct Var {
    /// (factor, room) of each member, in rulebook order.
    members: Vec<(usize, usize)>,
    cost: f64,
    room: usize,
    /// Earned weight gained per step, per dimension.
    gain: Vec<f64>,
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
    /// The most nodes visited before the search stops ([`NODE_BUDGET`]).
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

/// The search's variables: the factors that can still improve (beyond the
/// steps their gates force, `lb`) and would help a dimension still short
/// (`deficit` above 0), each step gaining a quarter of its weights; factors
/// alike in cost and gains are one variable, their rooms added, members in
/// rulebook order.
fn variables(
    rb: &Rulebook,
    mission: &Mission,
    ratings: &[Rating],
    lb: &[usize],
    deficit: &[f64],
) -> Vec<Var> {
    let nd = deficit.len();
    let mut vars: Vec<Var> = Vec::new();
    for (f, factor) in rb.factors().iter().enumerate() {
        let r = room(factor.polarity, ratings[f]).saturating_sub(lb[f]);
        let gain: Vec<f64> = (0..nd).map(|d| 0.25 * rb.weight(f, d)).collect();
        if r == 0 || !(0..nd).any(|d| deficit[d] > 0.0 && gain[d] > 0.0) {
            continue;
        }
        let cost = rb
            .data()
            .effort_cost
            .of(mission.effort(f).unwrap_or(factor.effort));
        match vars.iter_mut().find(|v| v.cost == cost && v.gain == gain) {
            Some(v) => {
                v.members.push((f, r));
                v.room += r;
            }
            None => vars.push(Var {
                members: vec![(f, r)],
                cost,
                room: r,
                gain,
            }),
        }
    }
    vars
}

/// The better of the two first plans, greedy's where they cost the same;
/// the search prunes against it.
fn first_plan(vars: &[Var], deficit: &[f64]) -> Option<(f64, Vec<usize>)> {
    match (greedy(vars, deficit), marginal_greedy(vars, deficit)) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// Finds the cheapest set of rating changes that brings every dimension of
/// the mission to at least its target level (or, where no plan can, to the
/// highest level it can reach). Factors without evidence or not applicable
/// are left as they are: rate them first.
///
/// ```
/// use integration_readiness::{analysis::plan, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml(
///     "[mission]\nname = \"M\"\n[evidence.common-planning-framework]\nrating = \"low\"\n",
///     "m.toml", &rb)?;
/// let p = plan(&m);
/// assert!(p.exact);
/// assert!(p.total_effort >= 0.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
//
// One function on purpose: the steps below run in order and each narrows
// the next (aim, forced gate steps, deficits, variables, root prices, the
// greedy first plan, the exact search, the changes), sharing the same few
// vectors; the sections are marked and the parts with a job of their own
// (bounds, the search, the greedy plan, why a target is out of reach) are
// functions.
pub fn plan(mission: &Mission) -> Plan {
    plan_from(mission, &crate::assess::assess(mission))
}

/// The plan for a mission whose assessment `before` is already made (its
/// coverage, provisional state and evidence gaps are the plan's), so that a
/// briefing assesses once.
pub(crate) fn plan_from(mission: &Mission, before: &crate::assess::Assessment) -> Plan {
    let rb = mission.rulebook();
    let warnings = Vec::new();
    let dims = rb.dimensions();
    let factors = rb.factors();
    let nd = dims.len();
    let ctx = &mission.context;
    let ratings: Vec<Rating> = (0..factors.len()).map(|f| mission.rating(f)).collect();
    let tgt: Vec<crate::assess::Target> = before
        .dimensions
        .iter()
        .map(|d| d.target_detail.clone())
        .collect();

    // Every rated factor at its best; unknown and not-applicable stay.
    let maxed = crate::assess::maxed(rb, &ratings);
    let mut best: Vec<DimensionScore> = Vec::with_capacity(nd);
    score_ratings(rb, ctx, &maxed, &mut best);

    // Aim: the target, or the highest reachable level below it; the
    // reasons are the assessment's.
    let mut aim = vec![0; nd];
    let mut reasons = Vec::new();
    for d in 0..nd {
        let t = tgt[d].level_index;
        aim[d] = t.min(best[d].level);
        if let Some(o) = &before.dimensions[d].out_of_reach {
            reasons.push(Unreachable {
                dimension: rb.names().dimension_id[d].clone(),
                reach: o.clone(),
            });
        }
    }

    // Forced steps: the binding gates of every aimed-at level and below.
    let mut lb = vec![0usize; factors.len()];
    let mut forced = vec![false; factors.len()];
    for (d, &top) in aim.iter().enumerate() {
        for l in 1..=top {
            for gate in rb.gates_of(l, d).filter(|g| rb.gate_binds(g.gate, ctx)) {
                let r = ratings[gate.factor];
                let (Some(cur), need) = (r.step(), gate.bound) else {
                    continue;
                };
                let steps = match need {
                    Bound::AtLeast(n) => n.step().unwrap_or(0).saturating_sub(cur),
                    Bound::AtMost(n) => cur.saturating_sub(n.step().unwrap_or(0)),
                };
                if steps > lb[gate.factor] {
                    lb[gate.factor] = steps;
                    forced[gate.factor] = true;
                }
            }
        }
    }

    // Deficits in earned weight, after the forced steps. Unrated factors
    // count at the middle of the scale, as in the point score.
    let mut deficit = vec![0.0; nd];
    let mut applicable = vec![0.0; nd];
    let mut earned = vec![0.0; nd];
    for (f, factor) in factors.iter().enumerate() {
        let e = match ratings[f].strength() {
            Some(s) => crate::assess::earned_share(factor.polarity, s) + 0.25 * lb[f] as f64,
            None if ratings[f] == Rating::Unknown => 0.5,
            None => continue,
        };
        for d in 0..nd {
            let w = rb.weight(f, d);
            applicable[d] += w;
            earned[d] += w * e;
        }
    }
    // Aimed at the lowest level (threshold 0), or with nothing applicable,
    // nothing is short: the deficit comes out at or below 0, which every
    // part of the search reads as covered.
    for d in 0..nd {
        let need = (rb.threshold(aim[d], d) - THRESHOLD_TOLERANCE) * applicable[d] / 100.0;
        deficit[d] = need - earned[d];
    }

    let mut vars = variables(rb, mission, &ratings, &lb, &deficit);
    let upper = marginal_greedy(&vars, &deficit).map_or(f64::INFINITY, |g| g.0);
    let lambda = root_multipliers(&vars, &deficit, upper);
    // Most attractive at the root prices first, so good plans come early.
    let price = |v: &Var| -> f64 {
        let p: f64 = lambda.iter().zip(&v.gain).map(|(l, g)| l * g).sum();
        if p > 0.0 { v.cost / p } else { f64::INFINITY }
    };
    vars.sort_by(|a, b| {
        price(a)
            .total_cmp(&price(b))
            .then(a.members[0].0.cmp(&b.members[0].0))
    });
    let mut lambdas = vec![lambda];
    lambdas.extend(single_dimension_multipliers(&vars, &deficit));
    let penalty = penalties(&vars, &lambdas);
    let order = knapsack_order(&vars, nd);
    let first = first_plan(&vars, &deficit);
    let mut search = Search {
        vars: &vars,
        lambdas,
        penalty,
        order,
        best_cost: first.as_ref().map_or(f64::INFINITY, |f| f.0),
        best: first.map(|f| f.1),
        x: vec![0; vars.len()],
        nodes: 0,
        budget: NODE_BUDGET,
        cut: false,
        unit: cost_unit(&vars),
    };
    search.dfs(0, 0.0, &mut deficit.clone());
    let extra = search
        .best
        .clone()
        .unwrap_or_else(|| vars.iter().map(|v| v.room).collect());

    // Spread each variable's steps over its members, in rulebook order.
    let mut steps = lb.clone();
    for (v, &k) in vars.iter().zip(&extra) {
        let mut left = k;
        for &(f, r) in &v.members {
            let take = left.min(r);
            steps[f] += take;
            left -= take;
        }
    }
    let mut changes = Vec::new();
    let mut after = ratings.clone();
    let mut total = 0.0;
    for (f, factor) in factors.iter().enumerate() {
        if steps[f] == 0 {
            continue;
        }
        let to = better(factor.polarity, ratings[f], steps[f]);
        after[f] = to;
        let effort_level = mission.effort(f).unwrap_or(factor.effort);
        let cost = rb.data().effort_cost.of(effort_level) * steps[f] as f64;
        total += cost;
        changes.push(PlanChange {
            factor: rb.names().factor_id[f].clone(),
            title: rb.names().factor_title[f].clone(),
            from: ratings[f],
            to,
            steps: steps[f],
            effort: cost,
            effort_level,
            forced_by_gate: forced[f],
            remedy: rb.names().remedy[f].clone(),
            citation: rb.names().citation[f].clone(),
            gain: 0.0,
            gains: PerDimension::new(rb, vec![0.0; nd]),
            lifts: Vec::new(),
        });
    }
    let mut reached = Vec::with_capacity(nd);
    score_ratings(rb, ctx, &after, &mut reached);
    let changes = prioritise(rb, ctx, &ratings, &tgt, before.overall.score, changes);
    let needs_favourable_unknowns = (0..nd)
        .filter(|&d| {
            reached[d].level >= tgt[d].level_index && reached[d].level_range[0] < tgt[d].level_index
        })
        .map(|d| rb.names().dimension_id[d].clone())
        .collect();
    Plan {
        rulebook: Provenance::of(rb),
        mission: mission.name().to_owned(),
        changes,
        total_effort: total,
        effort_cost: rb.data().effort_cost.clone(),
        coverage: before.overall.coverage,
        provisional: before.overall.provisional,
        undetermined: before.overall.undetermined.clone(),
        missing_context: before
            .missing_context
            .iter()
            .map(|k| k.key.clone())
            .collect(),
        unrated: before
            .evidence_gaps
            .iter()
            .map(|g| g.factor.clone())
            .collect(),
        needs_favourable_unknowns,
        reaches: PerDimension::new(
            rb,
            reached
                .iter()
                .map(|s| rb.names().level_id[s.level].clone())
                .collect::<Vec<_>>(),
        ),
        targets: PerDimension::new(rb, tgt.into_iter().map(|t| t.level).collect::<Vec<_>>()),
        unreachable: reasons.iter().map(|r| r.dimension.clone()).collect(),
        reasons,
        exact: !search.cut,
        nodes: search.nodes,
        warnings,
    }
}

/// Each change's gain when applied alone, and the changes in priority
/// order: those a gate forces first, then by points gained toward the
/// blocking thresholds (on dimensions below their target) per unit of cost,
/// then rulebook order.
fn prioritise(
    rb: &Rulebook,
    ctx: &[Option<usize>],
    ratings: &[Rating],
    tgt: &[crate::assess::Target],
    overall_before: f64,
    changes: Vec<PlanChange>,
) -> Vec<PlanChange> {
    let (_, scores) = overall_of(rb, ctx, ratings);
    let mut keyed: Vec<(bool, f64, usize, PlanChange)> = Vec::with_capacity(changes.len());
    for (order, mut c) in changes.into_iter().enumerate() {
        let Some(f) = rb.factor_index(&c.factor) else {
            continue;
        };
        let mut one = ratings.to_vec();
        one[f] = c.to;
        let (overall, after) = overall_of(rb, ctx, &one);
        c.gain = overall - overall_before;
        let gains: Vec<f64> = after
            .iter()
            .zip(&scores)
            .map(|(a, b)| a.score - b.score)
            .collect();
        let toward: f64 = gains
            .iter()
            .enumerate()
            .filter(|&(d, _)| scores[d].level < tgt[d].level_index)
            .map(|(_, g)| g.max(0.0))
            .sum();
        c.lifts = (0..scores.len())
            .filter(|&d| after[d].level > scores[d].level)
            .map(|d| rb.names().dimension_id[d].clone())
            .collect();
        c.gains = PerDimension::new(rb, gains);
        // Every effort cost is above 0 (the rulebook is checked for it) and a
        // change is at least one step, so the effort is never 0.
        let per_cost = toward / c.effort;
        keyed.push((!c.forced_by_gate, per_cost, order, c));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    keyed.into_iter().map(|k| k.3).collect()
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
