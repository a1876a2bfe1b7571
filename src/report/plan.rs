//! The cheapest plan to target as text.

use std::fmt::Write as _;

use super::fmt::{fit, md_text, pct, signed, wrap};
use crate::analysis::{Plan, PlanChange};

/// What to do before a plan without a verdict counts, and what it assumes
/// meanwhile: the ratings the assessment asks for, the context it asks
/// for, or both.
fn sketch(p: &Plan) -> String {
    match (p.unrated.is_empty(), p.missing_context.is_empty()) {
        (false, true) => "Rate first what the assessment asks for; until then this plan counts \
                          the unrated factors at the middle of the scale."
            .to_owned(),
        (true, false) => format!(
            "State first the context the assessment asks for ({}); until then this plan \
             aims at the highest targets it allows.",
            p.missing_context.join(", ")
        ),
        (false, false) => format!(
            "Rate and state first what the assessment asks for (the context: {}); until then \
             this plan counts the unrated factors at the middle of the scale and aims at the \
             highest targets the context allows.",
            p.missing_context.join(", ")
        ),
        (true, true) => "Rate first what the assessment asks for.".to_owned(),
    }
}
/// How many unrated factors the plan's text names.
const UNRATED_SHOWN: usize = 5;

/// The dimensions a change raises by a visible amount, with its points
/// (`strategic +0.6`): what it gains toward the blocking thresholds.
pub(super) fn toward(c: &PlanChange) -> Vec<String> {
    c.gains
        .iter()
        .filter(|(_, g)| **g > 0.05)
        .map(|(d, g)| format!("{d} {}", signed(*g)))
        .collect()
}

/// The dimensions every change of `p` lifts alone: naming them at each
/// change tells the changes no apart, so the reports say it once.
pub(super) fn lifted_by_all(p: &Plan) -> Vec<&str> {
    match p.changes.split_first() {
        Some((first, rest)) if !rest.is_empty() => first
            .lifts
            .iter()
            .filter(|d| rest.iter().all(|c| c.lifts.contains(d)))
            .map(|d| d.as_str())
            .collect(),
        _ => Vec::new(),
    }
}

/// The dimensions a change lifts alone, less those every change lifts.
fn own_lifts<'a>(c: &'a PlanChange, common: &[&str]) -> Vec<&'a str> {
    c.lifts
        .iter()
        .map(|d| d.as_str())
        .filter(|d| !common.contains(d))
        .collect()
}

/// One change as text: what, how far, what it costs and what it gains,
/// and every dimension it lifts alone.
pub(super) fn change_line(c: &PlanChange) -> String {
    change_line_in(c, &[])
}

/// One change as text, as [`change_line`], the dimensions it lifts alone
/// but for those in `common` (those every change of its list lifts).
pub(super) fn change_line_in(c: &PlanChange, common: &[&str]) -> String {
    let mut toward = toward(c);
    if toward.is_empty() {
        toward.push("no dimension score moves alone".to_owned());
    }
    let own = own_lifts(c, common);
    let lifts = if own.is_empty() {
        String::new()
    } else {
        format!(", lifts {} alone", own.join(", "))
    };
    format!(
        "{} ({}): {} -> {}, {} effort, cost {}{}; overall {} ({}){lifts}",
        c.title,
        c.factor,
        c.from,
        c.to,
        c.effort_level,
        c.effort,
        if c.forced_by_gate {
            ", a gate needs it"
        } else {
            ""
        },
        signed(c.gain),
        toward.join(", "),
    )
}

/// The plan as text, readable in 80 columns: each dimension's target and
/// the level after the plan, the changes in priority order with what each
/// gains, what the effort units are, what the plan assumes about unrated
/// factors, and what cannot be reached.
pub(super) fn text(p: &Plan) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        wrap(
            &format!("Cheapest plan to target: {}", p.mission.name),
            80,
            2
        )
    );
    let _ = writeln!(o, "{}", wrap(&format!("Made with {}", p.rulebook), 78, 2));
    let _ = writeln!(
        o,
        "Evidence coverage {}{}",
        pct(p.coverage),
        if p.provisional {
            "; the assessment is provisional, and so is this plan"
        } else {
            ""
        }
    );
    if let Some(why) = &p.undetermined {
        let _ = writeln!(
            o,
            "{}",
            wrap(&format!("No verdict yet: {why}. {}", sketch(p)), 78, 2)
        );
    }
    if !p.missing_context.is_empty() {
        let _ = writeln!(
            o,
            "{}",
            wrap(
                &format!(
                    "Context left out: {}; where it would change a target, the plan aims \
                     at the highest it allows.",
                    p.missing_context.join(", ")
                ),
                78,
                2
            )
        );
    }
    let _ = writeln!(o);
    for ((d, target), (_, reach)) in p.targets.iter().zip(p.reaches.iter()) {
        let note = if p.needs_favourable_unknowns.iter().any(|x| x == d) {
            " (only if the unrated factors turn out well)"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "  {}",
            fit(
                &format!("{d:<15} target {target:<15} after the plan {reach}{note}"),
                78,
                18
            )
        );
    }
    if p.changes.is_empty() {
        let _ = writeln!(
            o,
            "\n{}",
            wrap(
                if p.unreachable.is_empty() {
                    "No change of a rated factor is needed: every target is met at the point score."
                } else {
                    "No change of a rated factor brings a dimension closer to an unreachable target (see below)."
                },
                78,
                0
            )
        );
    } else {
        let _ = writeln!(
            o,
            "\n{} in priority order, total effort {}:",
            super::fmt::count(p.changes.len(), "change"),
            p.total_effort
        );
        let common = lifted_by_all(p);
        for (i, c) in p.changes.iter().enumerate() {
            let _ = writeln!(
                o,
                "  {:>2}. {}",
                i + 1,
                wrap(&change_line_in(c, &common), 78, 6)
            );
        }
        if !common.is_empty() {
            let _ = writeln!(
                o,
                "{}",
                wrap(
                    &format!(
                        "Any one of these changes alone lifts {}.",
                        common.join(", ")
                    ),
                    78,
                    0
                )
            );
        }
        let ec = &p.effort_cost;
        let _ = writeln!(
            o,
            "\n{}",
            wrap(
                &format!(
                    "Effort: each rating step costs {} (low effort), {} (medium) or {} (high), \
                     the rulebook's effort costs; a change's cost is its steps times that, and \
                     the total is their sum. Gates first, then the most points toward the \
                     blocking thresholds per unit of cost.",
                    ec.low, ec.medium, ec.high
                ),
                78,
                0
            )
        );
    }
    if !p.unrated.is_empty() {
        let shown: Vec<&str> = p
            .unrated
            .iter()
            .take(UNRATED_SHOWN)
            .map(|x| x.as_str())
            .collect();
        let more = p.unrated.len().saturating_sub(UNRATED_SHOWN);
        let _ = writeln!(
            o,
            "\n{}",
            wrap(
                &format!(
                    "Assumption: the plan changes rated factors only; the {} factors without \
                     evidence count at the middle of the scale and could change the plan. Rate \
                     these first (most at stake first): {}{}.",
                    p.unrated.len(),
                    shown.join(", "),
                    if more > 0 {
                        format!(", and {more} more")
                    } else {
                        String::new()
                    }
                ),
                78,
                0
            )
        );
    }
    for r in &p.reasons {
        let _ = writeln!(
            o,
            "\n{}",
            wrap(
                &format!(
                    "Out of reach on {}: {}",
                    r.dimension,
                    super::assessment::out_of_reach_text(&r.reach)
                ),
                78,
                2
            )
        );
    }
    if !p.exact {
        let _ = writeln!(
            o,
            "\nThe search hit its node budget: the plan may not be the cheapest."
        );
    }
    for w in &p.warnings {
        let _ = writeln!(o, "\n{}", wrap(&format!("warning: {w}"), 80, 2));
    }
    o
}

/// A plan as Markdown: the targets and where the plan gets each
/// dimension, its changes as a table in priority order, its effort units,
/// what it assumes about unrated factors, and what is out of reach.
pub(super) fn markdown(p: &Plan) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Cheapest plan to target: {}\n",
        md_text(&p.mission.name)
    );
    let _ = writeln!(o, "Made with {}.\n", md_text(&p.rulebook.to_string()));
    let _ = writeln!(
        o,
        "Evidence coverage {}{}.",
        pct(p.coverage),
        if p.provisional {
            "; the assessment is provisional, and so is this plan"
        } else {
            ""
        }
    );
    if let Some(why) = &p.undetermined {
        let _ = writeln!(
            o,
            "\nNo verdict yet: {}. {}",
            md_text(&why.to_string()),
            md_text(&sketch(p))
        );
    }
    if !p.missing_context.is_empty() {
        let keys: Vec<String> = p.missing_context.iter().map(|k| md_text(k)).collect();
        let _ = writeln!(
            o,
            "\nContext left out: {}; where it would change a target, the plan aims at \
             the highest it allows.",
            keys.join(", ")
        );
    }
    o.push_str("\n| dimension | target | after the plan |\n|---|---|---|\n");
    for ((d, target), (_, reach)) in p.targets.iter().zip(p.reaches.iter()) {
        let note = if p.needs_favourable_unknowns.iter().any(|x| x == d) {
            " (only if the unrated factors turn out well)"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "| {} | {} | {}{note} |",
            md_text(d),
            md_text(target),
            md_text(reach)
        );
    }
    if p.changes.is_empty() {
        let _ = writeln!(
            o,
            "\n{}",
            if p.unreachable.is_empty() {
                "No change of a rated factor is needed: every target is met at the point score."
            } else {
                "No change of a rated factor brings a dimension closer to an unreachable target (see below)."
            }
        );
    } else {
        let common = lifted_by_all(p);
        let _ = writeln!(
            o,
            "\n## {} in priority order, total effort {}\n",
            super::fmt::count(p.changes.len(), "change"),
            p.total_effort
        );
        o.push_str(
            "| # | factor | change | effort | cost | overall | toward the thresholds | lifts alone |\n\
             |---:|---|---|---|---:|---:|---|---|\n",
        );
        for (i, c) in p.changes.iter().enumerate() {
            let toward = toward(c);
            let _ = writeln!(
                o,
                "| {} | {} (`{}`){} | {} → {} | {} | {} | {} | {} | {} |",
                i + 1,
                md_text(&c.title),
                c.factor.replace('`', ""),
                if c.forced_by_gate {
                    ", a gate needs it"
                } else {
                    ""
                },
                c.from,
                c.to,
                c.effort_level,
                c.effort,
                signed(c.gain),
                md_text(&toward.join(", ")),
                md_text(&own_lifts(c, &common).join(", ")),
            );
        }
        if !common.is_empty() {
            let _ = writeln!(
                o,
                "\nAny one of these changes alone lifts {}.",
                md_text(&common.join(", "))
            );
        }
        let ec = &p.effort_cost;
        let _ = writeln!(
            o,
            "\nEffort: each rating step costs {} (low effort), {} (medium) or {} (high), the \
             rulebook's effort costs; a change's cost is its steps times that, and the total \
             is their sum. Gates first, then the most points toward the blocking thresholds \
             per unit of cost.",
            ec.low, ec.medium, ec.high
        );
    }
    if !p.unrated.is_empty() {
        let shown: Vec<String> = p
            .unrated
            .iter()
            .take(UNRATED_SHOWN)
            .map(|x| md_text(x))
            .collect();
        let more = p.unrated.len().saturating_sub(UNRATED_SHOWN);
        let _ = writeln!(
            o,
            "\n## Assumption\n\nThe plan changes rated factors only; the {} factors without \
             evidence count at the middle of the scale and could change the plan. Rate these \
             first (most at stake first): {}{}.",
            p.unrated.len(),
            shown.join(", "),
            if more > 0 {
                format!(", and {more} more")
            } else {
                String::new()
            }
        );
    }
    for r in &p.reasons {
        let _ = writeln!(
            o,
            "\n## Out of reach on {}\n\n{}",
            md_text(&r.dimension),
            md_text(&super::assessment::out_of_reach_text(&r.reach))
        );
    }
    if !p.exact {
        let _ = writeln!(
            o,
            "\nThe search hit its node budget: the plan may not be the cheapest."
        );
    }
    for w in &p.warnings {
        let _ = writeln!(o, "\n> warning: {}", md_text(w));
    }
    o
}

/// A plan's changes as CSV (RFC 4180, CRLF line ends, a header row), one
/// row per change in the plan's order, numbers in full precision: the
/// step, the factor, the ratings, the effort word and the cost, the gain
/// of the overall score and of each dimension (`DIMENSION_gain`), the
/// dimensions it lifts alone (space-separated) and whether a gate needs it.
pub(super) fn csv(p: &Plan) -> String {
    use super::fmt::{csv_ids, csv_num, csv_row};
    let mut o = String::new();
    let mut header: Vec<String> = [
        "file", "mission", "step", "factor", "title", "from", "to", "steps", "effort", "cost",
        "gain",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    header.extend(p.targets.iter().map(|(d, _)| format!("{d}_gain")));
    header.extend(["lifts".to_owned(), "forced_by_gate".to_owned()]);
    csv_row(&mut o, &header);
    for (i, c) in p.changes.iter().enumerate() {
        let mut row = vec![
            p.mission.file.clone().unwrap_or_default(),
            p.mission.name.clone(),
            (i + 1).to_string(),
            c.factor.to_string(),
            c.title.to_string(),
            c.from.to_string(),
            c.to.to_string(),
            c.steps.to_string(),
            c.effort_level.to_string(),
            csv_num(c.effort),
            csv_num(c.gain),
        ];
        row.extend(c.gains.iter().map(|(_, g)| csv_num(*g)));
        row.push(csv_ids(&c.lifts));
        row.push(c.forced_by_gate.to_string());
        csv_row(&mut o, &row);
    }
    o
}
