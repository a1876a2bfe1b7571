//! Targets: form follows function. The rules that match a mission's
//! context set a floor or a cap per dimension.

use super::results::{Target, Tension};
use crate::rulebook::{Bound, Rulebook};
use crate::text::Text;

/// The targets per dimension for the mission (`role` = `None`) or an
/// entity of a role, with the rules that could not be decided.
pub(crate) fn targets(
    rb: &Rulebook,
    context: &[Option<usize>],
    role: Option<usize>,
    undecided: &mut Vec<usize>,
) -> Vec<Target> {
    let nd = rb.dimensions().len();
    let rule_ids = &rb.names().rule_id;
    let mut floor: Vec<usize> = rb.default_targets().to_vec();
    let mut floor_rules: Vec<Vec<Text>> = vec![Vec::new(); nd];
    let mut cap: Vec<Option<usize>> = vec![None; nd];
    let mut cap_rules: Vec<Vec<Text>> = vec![Vec::new(); nd];
    for (ri, rule) in rb.compiled_rules().iter().enumerate() {
        let applies = match role {
            None => rule.roles.is_empty(),
            Some(r) => {
                let follows = rb.roles().get(r).is_some_and(|x| x.follows_mission);
                (rule.roles.is_empty() && follows) || rule.roles.contains(&r)
            }
        };
        if !applies {
            continue;
        }
        let mut matched = true;
        let mut missing = false;
        for (k, vals) in &rule.when {
            match context.get(*k).copied().flatten() {
                Some(v) if vals.contains(&v) => {}
                Some(_) => matched = false,
                None => missing = true,
            }
        }
        if !matched {
            continue;
        }
        if missing {
            if !undecided.contains(&ri) {
                undecided.push(ri);
            }
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
    (0..nd)
        .map(|d| {
            let f = floor[d];
            match cap[d] {
                Some(c) if c < f => Target {
                    capped: true,
                    level: rb.names().level_id[c].clone(),
                    level_index: c,
                    set_by: cap_rules[d].clone(),
                    tension: Some(Tension {
                        floor: rb.names().level_id[f].clone(),
                        floor_rules: if floor_rules[d].is_empty() {
                            vec![Text::from("default-target")]
                        } else {
                            floor_rules[d].clone()
                        },
                        cap: rb.names().level_id[c].clone(),
                        cap_rules: cap_rules[d].clone(),
                    }),
                },
                Some(c) if c == f => {
                    let mut set_by = floor_rules[d].clone();
                    set_by.extend(cap_rules[d].iter().cloned());
                    Target {
                        level: rb.names().level_id[f].clone(),
                        level_index: f,
                        set_by,
                        tension: None,
                        capped: true,
                    }
                }
                _ => Target {
                    level: rb.names().level_id[f].clone(),
                    level_index: f,
                    set_by: floor_rules[d].clone(),
                    tension: None,
                    capped: false,
                },
            }
        })
        .collect()
}
