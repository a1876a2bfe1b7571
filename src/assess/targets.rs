//! Targets: form follows function. The rules that match a mission's
//! context set a floor or a cap per dimension; a context key the mission
//! leaves out makes the target the range over the key's declared values.

use super::results::{MissingKey, Target, Tension};
use crate::rulebook::{Bound, Matches, Rulebook, matches};
use crate::text::Text;

/// The most completions of the missing context keys that are tried one by
/// one; beyond it, a target's range spans every level the rules could set.
pub const MAX_COMPLETIONS: usize = 4096;

/// Every completion of some missing context keys: each key given each value
/// it allows, numbered in mixed radix (the first key varies fastest). One
/// enumeration for the targets and for the verdicts that missing keys leave
/// open.
pub(crate) struct Completions {
    /// The context key indices, in order.
    keys: Vec<usize>,
    /// The number of values of each.
    sizes: Vec<usize>,
    /// How many completions there are.
    pub(crate) count: usize,
}

impl Completions {
    /// The completions of `keys`; `None` beyond [`MAX_COMPLETIONS`].
    pub(crate) fn new(rb: &Rulebook, keys: Vec<usize>) -> Option<Completions> {
        let sizes: Vec<usize> = keys
            .iter()
            .map(|&k| {
                rb.context_keys()
                    .get(k)
                    .map_or(1, |x| x.values.len().max(1))
            })
            .collect();
        let count = sizes
            .iter()
            .try_fold(1usize, |acc, &n| acc.checked_mul(n))
            .filter(|&n| n <= MAX_COMPLETIONS)?;
        Some(Completions { keys, sizes, count })
    }

    /// Gives the keys the values of completion `i` in `ctx`.
    pub(crate) fn fill(&self, i: usize, ctx: &mut [Option<usize>]) {
        let mut rest = i;
        for (&k, &n) in self.keys.iter().zip(&self.sizes) {
            if let Some(slot) = ctx.get_mut(k) {
                *slot = Some(rest % n);
            }
            rest /= n;
        }
    }

    /// The keys whose value alone changes the outcome somewhere: those for
    /// which `differ(i, j)` holds for two completions `i` and `j` that
    /// differ in that key's value only (by one step).
    pub(crate) fn deciding(&self, differ: impl Fn(usize, usize) -> bool) -> Vec<usize> {
        let mut stride = 1;
        let mut out = Vec::new();
        for (&k, &n) in self.keys.iter().zip(&self.sizes) {
            if (0..self.count).any(|i| (i / stride) % n + 1 < n && differ(i, i + stride)) {
                out.push(k);
            }
            stride *= n;
        }
        out
    }
}

/// Whether a rule applies to the mission (`roles` = `None`) or to an
/// entity of these roles: a rule of any of its roles, or a mission-wide
/// rule where one of its roles follows the mission. An entity of several
/// roles so takes the floors and the caps of each, and the lowest cap wins
/// (a dual-mandate agency keeps its humanitarian distance).
fn for_whom(rb: &Rulebook, rule_roles: &[usize], roles: Option<&[usize]>) -> bool {
    match roles {
        None => rule_roles.is_empty(),
        Some(rs) => {
            let follows = rs
                .iter()
                .any(|&r| rb.roles().get(r).is_some_and(|x| x.follows_mission));
            (rule_roles.is_empty() && follows) || rs.iter().any(|r| rule_roles.contains(r))
        }
    }
}

/// One target for a complete context: the level, whether a cap sets it,
/// and the rules behind it.
fn decide(rb: &Rulebook, context: &[Option<usize>], role: Option<&[usize]>) -> Vec<Target> {
    let nd = rb.dimensions().len();
    let rule_ids = &rb.names().rule_id;
    let mut floor: Vec<usize> = rb.default_targets().to_vec();
    let mut floor_rules: Vec<Vec<Text>> = vec![Vec::new(); nd];
    let mut cap: Vec<Option<usize>> = vec![None; nd];
    let mut cap_rules: Vec<Vec<Text>> = vec![Vec::new(); nd];
    for (ri, rule) in rb.compiled_rules().iter().enumerate() {
        if !for_whom(rb, &rule.roles, role) || matches(&rule.when, context) != Matches::Yes {
            continue;
        }
        let id = &rule_ids[ri];
        for &d in &rule.dimensions {
            match rule.bound {
                Bound::AtLeast(l) => {
                    if l > floor[d] {
                        floor[d] = l;
                        floor_rules[d].clear();
                    }
                    if l == floor[d] {
                        floor_rules[d].push(id.clone());
                    }
                }
                Bound::AtMost(l) => {
                    match cap[d] {
                        Some(c) if l > c => continue,
                        Some(c) if l == c => {}
                        _ => cap_rules[d].clear(),
                    }
                    cap[d] = Some(l);
                    cap_rules[d].push(id.clone());
                }
            }
        }
    }
    let ids = &rb.names().level_id;
    (0..nd)
        .map(|d| {
            let f = floor[d];
            let (level, capped, set_by, tension) = match cap[d] {
                Some(c) if c < f => (
                    c,
                    true,
                    cap_rules[d].clone(),
                    Some(Tension {
                        floor: ids[f].clone(),
                        floor_rules: if floor_rules[d].is_empty() {
                            vec![Text::from("default-target")]
                        } else {
                            floor_rules[d].clone()
                        },
                        cap: ids[c].clone(),
                        cap_rules: cap_rules[d].clone(),
                    }),
                ),
                Some(c) if c == f => {
                    let mut set_by = floor_rules[d].clone();
                    set_by.extend(cap_rules[d].iter().cloned());
                    (f, true, set_by, None)
                }
                _ => (f, false, floor_rules[d].clone(), None),
            };
            Target {
                level: ids[level].clone(),
                level_index: level,
                set_by,
                tension,
                capped,
                cap: cap[d].map(|c| ids[c].clone()),
                cap_index: cap[d],
                range: [ids[level].clone(), ids[level].clone()],
                range_index: [level, level],
                open_keys: Vec::new(),
                outcomes: vec![(level, cap[d])],
            }
        })
        .collect()
}

/// The context keys the mission leaves out that some rule for `role`
/// (the mission when `None`) could read, given the keys it does give.
fn open_rule_keys(rb: &Rulebook, context: &[Option<usize>], role: Option<&[usize]>) -> Vec<usize> {
    let mut keys = Vec::new();
    for rule in rb.compiled_rules() {
        if !for_whom(rb, &rule.roles, role) || matches(&rule.when, context) != Matches::Open {
            continue;
        }
        for (k, _) in &rule.when {
            if context.get(*k).copied().flatten().is_none() && !keys.contains(k) {
                keys.push(*k);
            }
        }
    }
    keys.sort_unstable();
    keys
}

/// The targets per dimension for the mission (`role` = `None`) or an
/// entity of a role. Where the mission leaves out a context key that a
/// rule reads, every value the key allows is tried: the target is the
/// highest of them (the most any completion asks), its range spans them
/// all, and `open_keys` names the keys whose value changes it.
pub(crate) fn targets(
    rb: &Rulebook,
    context: &[Option<usize>],
    role: Option<&[usize]>,
) -> Vec<Target> {
    let open = open_rule_keys(rb, context, role);
    if open.is_empty() {
        return decide(rb, context, role);
    }
    let nd = rb.dimensions().len();
    let ids = &rb.names().level_id;
    let Some(all) = Completions::new(rb, open.clone()) else {
        return widened(rb, context, role, &open);
    };
    let mut ctx = context.to_vec();
    let mut best: Vec<Option<Target>> = vec![None; nd];
    let mut outcomes: Vec<Vec<(usize, Option<usize>)>> = vec![Vec::new(); nd];
    let mut lowest = vec![usize::MAX; nd];
    // For each key, whether its value ever changes a dimension's target
    // while the other keys stay.
    let mut per_completion: Vec<Vec<(usize, Option<usize>)>> = Vec::with_capacity(all.count);
    for i in 0..all.count {
        all.fill(i, &mut ctx);
        let ts = decide(rb, &ctx, role);
        per_completion.push(ts.iter().map(|t| (t.level_index, t.cap_index)).collect());
        for (d, t) in ts.into_iter().enumerate() {
            let o = (t.level_index, t.cap_index);
            if !outcomes[d].contains(&o) {
                outcomes[d].push(o);
            }
            lowest[d] = lowest[d].min(t.level_index);
            if best[d]
                .as_ref()
                .is_none_or(|b| t.level_index > b.level_index)
            {
                best[d] = Some(t);
            }
        }
    }
    (0..nd)
        .map(|d| {
            let mut t = best[d].take().unwrap_or_default();
            let lo = lowest[d].min(t.level_index);
            t.range_index = [lo, t.level_index];
            t.range = [ids[lo].clone(), ids[t.level_index].clone()];
            outcomes[d].sort_unstable();
            t.outcomes = std::mem::take(&mut outcomes[d]);
            // A key is open for this dimension when changing its value alone
            // changes the outcome somewhere.
            t.open_keys = all
                .deciding(|i, j| per_completion[i][d] != per_completion[j][d])
                .into_iter()
                .map(|k| rb.names().context_key[k].clone())
                .collect();
            t
        })
        .collect()
}

/// The targets when the missing keys have too many completions to try:
/// on each dimension an open rule touches, the range from the lowest open
/// cap to the highest open floor (within the caps that bind whatever the
/// keys say), every verdict in it possible; the others as decided.
fn widened(
    rb: &Rulebook,
    context: &[Option<usize>],
    role: Option<&[usize]>,
    open: &[usize],
) -> Vec<Target> {
    let ids = &rb.names().level_id;
    let mut out = decide(rb, context, role);
    let nd = out.len();
    let mut lo: Vec<usize> = out.iter().map(|t| t.level_index).collect();
    let mut hi = lo.clone();
    let mut touched = vec![false; nd];
    for rule in rb.compiled_rules() {
        if !for_whom(rb, &rule.roles, role) || matches(&rule.when, context) != Matches::Open {
            continue;
        }
        for &d in &rule.dimensions {
            if d >= nd {
                continue;
            }
            touched[d] = true;
            match rule.bound {
                Bound::AtLeast(l) => {
                    hi[d] = hi[d].max(out[d].cap_index.map_or(l, |c| l.min(c)));
                }
                Bound::AtMost(l) => lo[d] = lo[d].min(l),
            }
        }
    }
    let keys: Vec<Text> = open
        .iter()
        .map(|&k| rb.names().context_key[k].clone())
        .collect();
    for (d, t) in out.iter_mut().enumerate() {
        if !touched[d] {
            continue;
        }
        t.level_index = hi[d];
        t.level = ids[hi[d]].clone();
        t.range_index = [lo[d], hi[d]];
        t.range = [ids[lo[d]].clone(), ids[hi[d]].clone()];
        t.open_keys = keys.clone();
        t.outcomes = (lo[d]..=hi[d])
            .flat_map(|l| [(l, None), (l, Some(l))])
            .collect();
    }
    out
}

/// The indices of the context keys the mission leaves out that the
/// rulebook reads somewhere, and whether any of them is read by a gate's
/// condition or a factor's applicability (and so could move a level, not
/// only a target).
pub(crate) fn missing_read(rb: &Rulebook, context: &[Option<usize>]) -> (Vec<usize>, bool) {
    let n = rb.context_keys().len();
    let mut by_rules = vec![false; n];
    let mut by_levels = vec![false; n];
    let mark = |when: &[(usize, Vec<usize>)], into: &mut Vec<bool>| {
        for (k, _) in when {
            if let Some(r) = into.get_mut(*k) {
                *r = true;
            }
        }
    };
    for rule in rb.compiled_rules() {
        mark(&rule.when, &mut by_rules);
    }
    for g in 0..rb.data().gates.len() {
        mark(rb.gate_when(g), &mut by_levels);
    }
    for f in 0..rb.factors().len() {
        mark(rb.applies_when(f), &mut by_levels);
    }
    let missing = |k: usize| context.get(k).copied().flatten().is_none();
    let keys: Vec<usize> = (0..n)
        .filter(|&k| (by_rules[k] || by_levels[k]) && missing(k))
        .collect();
    let levels = keys.iter().any(|&k| by_levels[k]);
    (keys, levels)
}

/// The context keys `missing` (as [`missing_read`] finds them), with the
/// values each could take.
pub(crate) fn missing_keys(rb: &Rulebook, missing: &[usize]) -> Vec<MissingKey> {
    let keys = rb.context_keys();
    missing
        .iter()
        .map(|&k| MissingKey {
            key: rb.names().context_key[k].clone(),
            values: keys[k].values.clone(),
            description: keys[k].description.clone(),
        })
        .collect()
}
