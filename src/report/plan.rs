//! The cheapest plan to target as text.

use std::fmt::Write as _;

use crate::analysis::Plan;

/// The plan as text, readable in 80 columns: each dimension's target and
/// the level after the plan, the changes with their effort, and what cannot
/// be reached.
pub(super) fn text(p: &Plan) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Cheapest plan to target: {}", p.mission);
    for ((d, target), (_, reach)) in p.targets.iter().zip(p.reaches.iter()) {
        let _ = writeln!(o, "  {d:<15} target {target:<15} after the plan {reach}");
    }
    if p.changes.is_empty() {
        let _ = writeln!(o, "\nNo change needed.");
    } else {
        let _ = writeln!(
            o,
            "\n{} changes, total effort {}:",
            p.changes.len(),
            p.total_effort
        );
        for c in &p.changes {
            let _ = writeln!(
                o,
                "  {:<38} {:>7} -> {:<7} {} effort, cost {}{}",
                c.factor,
                c.from.as_str(),
                c.to.as_str(),
                c.effort_level,
                c.effort,
                if c.forced_by_gate { " (gate)" } else { "" }
            );
        }
    }
    for r in &p.reasons {
        let _ = writeln!(
            o,
            "\nUnreachable: {} cannot reach {} (best {}): {}",
            r.dimension, r.target, r.best, r.reason
        );
    }
    if !p.exact {
        let _ = writeln!(
            o,
            "\nThe search hit its node budget: the plan may not be the cheapest."
        );
    }
    o
}
