//! A comparison of two assessments as text.

use std::fmt::Write as _;

use super::fmt::{pct, wrap};
use crate::analysis::Comparison;

/// How many drivers of a move the text names before summing the rest.
const DRIVERS: usize = 4;

/// A comparison of two assessments (see [`crate::analysis::compare`]) as
/// text, readable in 80 columns: what moved per dimension, the factors that
/// explain it, the changed ratings and context, and over-integration.
pub(super) fn text(c: &Comparison) -> String {
    let name = &c.mission;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} -> {}: {}",
        c.date_before.as_deref().unwrap_or("before"),
        c.date_after.as_deref().unwrap_or("after"),
        name
    );
    let prov = |p: bool| if p { " (provisional)" } else { "" };
    let _ = writeln!(
        o,
        "{}",
        wrap(
            &format!(
                "Overall {:.1} -> {:.1}, coverage {} -> {}, verdict {}{} -> {}{}",
                c.overall.score_before,
                c.overall.score_after,
                pct(c.overall.coverage_before),
                pct(c.overall.coverage_after),
                c.overall.verdict_before,
                prov(c.provisional[0]),
                c.overall.verdict_after,
                prov(c.provisional[1])
            ),
            78,
            2
        )
    );
    for w in &c.warnings {
        let _ = writeln!(o, "warning: {}", wrap(w, 78, 2));
    }
    for d in &c.dimensions {
        let _ = writeln!(
            o,
            "\n{:<15} score {:.1} -> {:.1}, level {} -> {}",
            d.id, d.score_before, d.score_after, d.level_before, d.level_after
        );
        let _ = writeln!(
            o,
            "{:<15} {}",
            "",
            wrap(
                &format!(
                    "target {} -> {}, verdict {}{} -> {}{}",
                    d.target_before,
                    d.target_after,
                    d.verdict_before,
                    prov(d.provisional[0]),
                    d.verdict_after,
                    prov(d.provisional[1])
                ),
                78,
                16
            )
        );
        let _ = writeln!(
            o,
            "{:<15} coverage {} -> {}",
            "",
            pct(d.coverage[0]),
            pct(d.coverage[1])
        );
        for x in d.drivers.iter().take(DRIVERS) {
            let _ = writeln!(
                o,
                "    {:+6.1} {}{}",
                x.points,
                x.factor,
                if x.rating_changed {
                    ""
                } else {
                    " (share moved)"
                }
            );
        }
        // The shown drivers and the rest sum to the move.
        if d.drivers.len() > DRIVERS {
            let rest: f64 = d.drivers[DRIVERS..].iter().map(|x| x.points).sum();
            let _ = writeln!(
                o,
                "    {:+6.1} and {} more",
                rest,
                d.drivers.len() - DRIVERS
            );
        }
    }
    if !c.changed_ratings.is_empty() {
        let _ = writeln!(o, "\nChanged ratings:");
        for r in &c.changed_ratings {
            let word = |x: Option<crate::model::Rating>| x.map_or("no evidence", |r| r.as_str());
            let _ = writeln!(
                o,
                "  {:<38} {} -> {}",
                r.factor,
                word(r.before),
                word(r.after)
            );
        }
    }
    for (key, before, after) in &c.context_changes {
        let show = |v: &Option<crate::model::ContextValue>| {
            v.as_ref()
                .map_or("(not given)".to_owned(), |v| v.to_string())
        };
        let _ = writeln!(o, "\nContext {key}: {} -> {}", show(before), show(after));
    }
    for (who, before, after) in &c.over_integration {
        let _ = writeln!(
            o,
            "\n{}",
            wrap(
                &format!(
                    "{who}: over-integrated on [{}] -> [{}]",
                    before.join(", "),
                    after.join(", ")
                ),
                78,
                2
            )
        );
    }
    o
}

/// A comparison as CSV (RFC 4180, CRLF line ends, a header row), one row
/// per dimension, numbers in full precision: score, level, target,
/// verdict, coverage and provisional state before and after, and the
/// change of the score (after minus before).
pub(super) fn csv(c: &Comparison) -> String {
    use super::fmt::{csv_num, csv_row};
    let mut o = String::new();
    csv_row(
        &mut o,
        [
            "dimension",
            "score_before",
            "score_after",
            "score_change",
            "level_before",
            "level_after",
            "target_before",
            "target_after",
            "verdict_before",
            "verdict_after",
            "coverage_before",
            "coverage_after",
            "provisional_before",
            "provisional_after",
        ],
    );
    for d in &c.dimensions {
        csv_row(
            &mut o,
            [
                d.id.to_string(),
                csv_num(d.score_before),
                csv_num(d.score_after),
                csv_num(d.score_after - d.score_before),
                d.level_before.to_string(),
                d.level_after.to_string(),
                d.target_before.to_string(),
                d.target_after.to_string(),
                d.verdict_before.to_string(),
                d.verdict_after.to_string(),
                csv_num(d.coverage[0]),
                csv_num(d.coverage[1]),
                d.provisional[0].to_string(),
                d.provisional[1].to_string(),
            ],
        );
    }
    o
}
