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
//! 3. solves what is left (`solver.rs`, which knows nothing of missions), a
//!    covering problem with one linear constraint per
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

mod solver;

use solver::Var;

use crate::assess::{
    Evaluation, MissionSummary, PerDimension, Provenance, THRESHOLD_TOLERANCE, earned_share,
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
    /// The mission: its name, date and description (and the file it was
    /// read from, where the program that read it sets it).
    pub mission: MissionSummary,
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

/// A variable of the search and the factors it stands for: one factor, or
/// several with the same cost and gains (interchangeable, so searched as
/// one).
struct Group {
    /// (factor, room) of each member, in rulebook order.
    members: Vec<(usize, usize)>,
    /// The variable: the members' cost, their rooms added, their gains.
    var: Var,
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
) -> Vec<Group> {
    let nd = deficit.len();
    let mut groups: Vec<Group> = Vec::new();
    for (f, factor) in rb.factors().iter().enumerate() {
        let r = room(factor.polarity, ratings[f]).saturating_sub(lb[f]);
        let gain: Vec<f64> = (0..nd).map(|d| 0.25 * rb.weight_at(f, d)).collect();
        if r == 0 || !(0..nd).any(|d| deficit[d] > 0.0 && gain[d] > 0.0) {
            continue;
        }
        let cost = rb
            .data()
            .effort_cost
            .of(mission.effort(f).unwrap_or(factor.effort));
        match groups
            .iter_mut()
            .find(|g| g.var.cost == cost && g.var.gain == gain)
        {
            Some(g) => {
                g.members.push((f, r));
                g.var.room += r;
            }
            None => groups.push(Group {
                members: vec![(f, r)],
                var: Var {
                    cost,
                    room: r,
                    gain,
                },
            }),
        }
    }
    groups
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
pub fn plan(mission: &Mission) -> Plan {
    plan_of(&Evaluation::of(mission))
}

/// The plan from a mission's evaluation (its targets, what is out of
/// reach, its coverage, provisional state and evidence gaps are the
/// plan's), so that a briefing evaluates once.
//
// One function on purpose: the steps below run in order and each narrows
// the next (aim, forced gate steps, deficits, variables, the search, the
// changes), sharing the same few vectors; the parts with a job of their
// own (the search, why a target is out of reach, the priority order) are
// elsewhere.
pub(crate) fn plan_of(e: &Evaluation<'_>) -> Plan {
    let mission = e.mission;
    let rb = mission.rulebook();
    let warnings = Vec::new();
    let factors = rb.factors();
    let nd = rb.dimensions().len();
    let ctx = &mission.context;
    let ratings = mission.ratings();
    let tgt = &e.targets;

    // Aim: the target, or the highest reachable level below it (every
    // rated factor at its best); the reasons are the evaluation's.
    let aim: Vec<usize> = (0..nd)
        .map(|d| tgt[d].level_index.min(e.best[d].level))
        .collect();
    let reasons: Vec<Unreachable> = e
        .out_of_reach
        .iter()
        .enumerate()
        .filter_map(|(d, o)| {
            Some(Unreachable {
                dimension: rb.names().dimension_id[d].clone(),
                reach: o.clone()?,
            })
        })
        .collect();

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
        let share = match ratings[f].strength() {
            Some(s) => earned_share(factor.polarity, s) + 0.25 * lb[f] as f64,
            None if ratings[f] == Rating::Unknown => 0.5,
            None => continue,
        };
        for d in 0..nd {
            let w = rb.weight_at(f, d);
            applicable[d] += w;
            earned[d] += w * share;
        }
    }
    // Aimed at the lowest level (threshold 0), or with nothing applicable,
    // nothing is short: the deficit comes out at or below 0, which every
    // part of the search reads as covered.
    for d in 0..nd {
        let need = (rb.threshold_at(aim[d], d) - THRESHOLD_TOLERANCE) * applicable[d] / 100.0;
        deficit[d] = need - earned[d];
    }

    let groups = variables(rb, mission, ratings, &lb, &deficit);
    let vars: Vec<Var> = groups.iter().map(|g| g.var.clone()).collect();
    let solution = solver::solve(&vars, &deficit, NODE_BUDGET);

    // Spread each variable's steps over its members, in rulebook order.
    let mut steps = lb;
    for (g, &k) in groups.iter().zip(&solution.steps) {
        let mut left = k;
        for &(f, r) in &g.members {
            let take = left.min(r);
            steps[f] += take;
            left -= take;
        }
    }
    let mut changes = Vec::new();
    let mut after = ratings.to_vec();
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
        changes.push((
            f,
            PlanChange {
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
            },
        ));
    }
    let (_, reached) = e.rescore(&after);
    let changes = prioritise(e, changes);
    let needs_favourable_unknowns = (0..nd)
        .filter(|&d| {
            reached[d].level >= tgt[d].level_index && reached[d].level_range[0] < tgt[d].level_index
        })
        .map(|d| rb.names().dimension_id[d].clone())
        .collect();
    Plan {
        rulebook: Provenance::of(rb),
        mission: MissionSummary::of(mission),
        changes,
        total_effort: total,
        effort_cost: rb.data().effort_cost.clone(),
        coverage: e.coverage,
        provisional: e.provisional,
        undetermined: e.verdict.1.clone(),
        missing_context: e
            .missing
            .iter()
            .map(|&k| rb.names().context_key[k].clone())
            .collect(),
        unrated: e
            .gaps
            .iter()
            .map(|&(f, _)| rb.names().factor_id[f].clone())
            .collect(),
        needs_favourable_unknowns,
        reaches: PerDimension::new(
            rb,
            reached
                .iter()
                .map(|s| rb.names().level_id[s.level].clone())
                .collect::<Vec<_>>(),
        ),
        targets: PerDimension::new(rb, tgt.iter().map(|t| t.level.clone()).collect::<Vec<_>>()),
        unreachable: reasons.iter().map(|r| r.dimension.clone()).collect(),
        reasons,
        exact: solution.exact,
        nodes: solution.nodes,
        warnings,
    }
}

/// Each change's gain when applied alone, and the changes (each with its
/// factor) in priority order: those a gate forces first, then by points
/// gained toward the blocking thresholds (on dimensions below their
/// target) per unit of cost, then rulebook order.
fn prioritise(e: &Evaluation<'_>, changes: Vec<(usize, PlanChange)>) -> Vec<PlanChange> {
    let rb = e.rulebook();
    let ratings = e.mission.ratings();
    let (scores, tgt) = (&e.scores, &e.targets);
    let mut keyed: Vec<(bool, f64, usize, PlanChange)> = Vec::with_capacity(changes.len());
    let mut one = ratings.to_vec();
    for (order, (f, mut c)) in changes.into_iter().enumerate() {
        one[f] = c.to;
        let (overall, after) = e.rescore(&one);
        one[f] = ratings[f];
        c.gain = overall - e.overall.0;
        let gains: Vec<f64> = after
            .iter()
            .zip(scores)
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
#[path = "tests.rs"]
mod tests;
