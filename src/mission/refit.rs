//! Refitting a mission to a rulebook it was not resolved against: keep
//! what fits, say what was left out.

use super::{Mission, Waivers};
use crate::rulebook::Rulebook;

/// Makes a mission fit a rulebook it was not resolved against, keeping
/// what fits and saying what was left out.
pub(crate) fn refit(rb: &Rulebook, mission: &Mission, warnings: &mut Vec<String>) -> Mission {
    let mut data = mission.data().clone();
    let rbd = rb.data();
    // Evidence and effort overrides for factors this rulebook lacks.
    let mut warn_unknown_factors = |what: &str, ids: Vec<String>| {
        for id in ids.iter().filter(|id| rb.factor_index(id).is_none()) {
            warnings.push(format!(
                "{what} for `{id}` left out: rulebook `{}` has no such factor",
                rbd.rulebook.id
            ));
        }
    };
    warn_unknown_factors("evidence", data.evidence.keys().cloned().collect());
    warn_unknown_factors("effort", data.effort.keys().cloned().collect());
    data.evidence.retain(|id, _| rb.factor_index(id).is_some());
    data.effort.retain(|id, _| rb.factor_index(id).is_some());
    data.context.retain(|k, v| {
        let keep = rbd
            .context
            .iter()
            .any(|c| &c.key == k && c.values.contains(v));
        if !keep {
            warnings.push(format!(
                "context `{k}` = {v} left out: rulebook `{}` does not declare it",
                rbd.rulebook.id
            ));
        }
        keep
    });
    // Roles this rulebook lacks are left out; an entity with none left is.
    for e in &mut data.entities {
        let ids = e.role.ids();
        if ids.len() > 1 {
            let kept: Vec<String> = ids
                .iter()
                .filter(|id| {
                    let keep = rbd.roles.iter().any(|r| &r.id == *id);
                    if !keep {
                        warnings.push(format!(
                            "role `{id}` of entity `{}` left out: rulebook `{}` has no such role",
                            e.name, rbd.rulebook.id
                        ));
                    }
                    keep
                })
                .cloned()
                .collect();
            if !kept.is_empty() {
                e.role = crate::model::Roles::Several(kept);
            }
        }
    }
    data.entities.retain(|e| {
        let keep = e
            .role
            .ids()
            .iter()
            .any(|id| rbd.roles.iter().any(|r| &r.id == id));
        if !keep {
            warnings.push(format!(
                "entity `{}` left out: rulebook `{}` has no role `{}`",
                e.name, rbd.rulebook.id, e.role
            ));
        }
        keep
    });
    for e in &mut data.entities {
        e.current.retain(|d, l| {
            let keep = rb.dimension_index(d).is_some() && rb.level_index(l).is_some();
            if !keep {
                warnings.push(format!(
                    "current level {d} = `{l}` of entity `{}` left out: rulebook `{}` has no such dimension or level",
                    e.name, rbd.rulebook.id
                ));
            }
            keep
        });
    }
    // `not-applicable` ratings this rulebook refuses in the mission's context.
    let context: Vec<Option<usize>> = rbd
        .context
        .iter()
        .map(|k| {
            data.context
                .get(&k.key)
                .and_then(|v| k.values.iter().position(|x| x == v))
        })
        .collect();
    data.evidence.retain(|id, ev| {
        let refused = rb
            .factor_index(id)
            .is_some_and(|f| super::refusal(rb, &context, f, ev.rating).is_some());
        if refused {
            warnings.push(format!(
                "evidence `{id}` = not-applicable left out: rulebook `{}` does not let this mission waive it",
                rbd.rulebook.id
            ));
        }
        !refused
    });
    Mission::check(data, rb, Waivers::Allowed).unwrap_or_else(|_| {
        warnings
            .push("mission could not be read against this rulebook; all factors unknown".into());
        Mission::empty(rb, mission.data().mission.clone())
    })
}
