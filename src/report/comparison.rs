//! A comparison of two assessments as text.

use std::fmt::Write as _;

use super::fmt::{csv_num, csv_row, fit, md_text, one, pct, signed, wrap};
use crate::analysis::Comparison;

/// How many drivers of a move the text names before summing the rest.
const DRIVERS: usize = 4;

/// A comparison of two assessments (see [`crate::analysis::compare`]) as
/// text, readable in 80 columns: what moved per dimension, the factors that
/// explain it, the changed ratings and context, and over-integration.
pub(super) fn text(c: &Comparison) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", wrap(&title(c), 80, 2));
    let _ = writeln!(o, "{}", wrap(&format!("Made with {}", c.rulebook), 78, 2));
    let prov = |p: bool| if p { " (provisional)" } else { "" };
    let _ = writeln!(
        o,
        "{}",
        wrap(
            &format!(
                "Overall {} -> {}, coverage {} -> {}, verdict {}{} -> {}{}",
                one(c.overall.score_before),
                one(c.overall.score_after),
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
        let _ = writeln!(o, "{}", wrap(&format!("warning: {w}"), 80, 2));
    }
    for d in &c.dimensions {
        let _ = writeln!(
            o,
            "\n{}",
            fit(
                &format!(
                    "{:<15} score {} -> {}, level {} -> {}",
                    d.id,
                    one(d.score_before),
                    one(d.score_after),
                    d.level_before,
                    d.level_after
                ),
                80,
                16
            )
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
                "    {:>6} {}{}",
                signed(x.points),
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
                "    {:>6} and {} more",
                signed(rest),
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
                "  {}",
                fit(
                    &format!("{:<38} {} -> {}", r.factor, word(r.before), word(r.after)),
                    78,
                    4
                )
            );
        }
    }
    for (key, before, after) in &c.context_changes {
        let show = |v: &Option<crate::model::ContextValue>| {
            v.as_ref()
                .map_or("(not given)".to_owned(), |v| v.to_string())
        };
        let _ = writeln!(
            o,
            "\n{}",
            wrap(
                &format!("Context {key}: {} -> {}", show(before), show(after)),
                78,
                2
            )
        );
    }
    for (who, before, after) in &c.over_integration {
        let _ = writeln!(
            o,
            "\n{}",
            wrap(&over_integration(who, before, after), 78, 2)
        );
    }
    o
}

/// The first line of a comparison: the two dates and the mission, or,
/// where both assessments carry the same date (a what-if), the date once.
fn title(c: &Comparison) -> String {
    match (&c.date_before, &c.date_after) {
        (Some(a), Some(b)) if a == b => {
            format!("{}, {a}: before -> after the changes", c.mission.name)
        }
        (None, None) => format!("{}: before -> after", c.mission.name),
        (a, b) => format!(
            "{} -> {}: {}",
            a.as_deref().unwrap_or("undated"),
            b.as_deref().unwrap_or("undated"),
            c.mission.name
        ),
    }
}

/// A change of an entity's over-integration in words.
fn over_integration(
    who: &str,
    before: &[crate::text::Text],
    after: &[crate::text::Text],
) -> String {
    let list =
        |d: &[crate::text::Text]| d.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(", ");
    match (before.is_empty(), after.is_empty()) {
        (true, _) => format!("{who} is now over-integrated on {}.", list(after)),
        (false, true) => format!(
            "{who} is no longer over-integrated (it was on {}).",
            list(before)
        ),
        (false, false) => format!(
            "{who} is over-integrated on {}, no longer on {}.",
            list(after),
            list(before)
        ),
    }
}

/// A comparison as Markdown: the overall move, a table of the dimensions
/// before and after, the factors that moved each, the changed ratings and
/// context, and over-integration. Every text from the missions is escaped.
pub(super) fn markdown(c: &Comparison) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", md_text(&title(c)).replace(" -&gt; ", " → "));
    let _ = writeln!(o, "Made with {}.\n", md_text(&c.rulebook.to_string()));
    for w in &c.warnings {
        let _ = writeln!(o, "> warning: {}\n", md_text(w));
    }
    let prov = |p: bool| if p { " (provisional)" } else { "" };
    let file = |m: &crate::assess::MissionSummary| md_text(m.file.as_deref().unwrap_or(""));
    o.push_str("| | before | after |\n|---|---|---|\n");
    let _ = writeln!(
        o,
        "| file | {} | {} |",
        file(&c.mission_before),
        file(&c.mission)
    );
    let _ = writeln!(
        o,
        "| overall score | {} | {} |",
        one(c.overall.score_before),
        one(c.overall.score_after)
    );
    let _ = writeln!(
        o,
        "| coverage | {} | {} |",
        pct(c.overall.coverage_before),
        pct(c.overall.coverage_after)
    );
    let _ = writeln!(
        o,
        "| verdict | {}{} | {}{} |",
        c.overall.verdict_before,
        prov(c.provisional[0]),
        c.overall.verdict_after,
        prov(c.provisional[1])
    );
    o.push_str(
        "\n## Dimensions\n\n| dimension | score | change | level | target | verdict | coverage |\n\
         |---|---:|---:|---|---|---|---:|\n",
    );
    for d in &c.dimensions {
        let _ = writeln!(
            o,
            "| {} | {} → {} | {} | {} → {} | {} → {} | {}{} → {}{} | {} → {} |",
            md_text(&d.id),
            one(d.score_before),
            one(d.score_after),
            signed(d.score_after - d.score_before),
            md_text(&d.level_before),
            md_text(&d.level_after),
            md_text(&d.target_before),
            md_text(&d.target_after),
            d.verdict_before,
            prov(d.provisional[0]),
            d.verdict_after,
            prov(d.provisional[1]),
            pct(d.coverage[0]),
            pct(d.coverage[1])
        );
    }
    for d in c.dimensions.iter().filter(|d| !d.drivers.is_empty()) {
        let _ = writeln!(
            o,
            "\n### What moved {}\n\n| factor | points |\n|---|---:|",
            md_text(&d.id)
        );
        for x in d.drivers.iter().take(DRIVERS) {
            let _ = writeln!(
                o,
                "| {}{} | {} |",
                md_text(&x.factor),
                if x.rating_changed {
                    ""
                } else {
                    " (share moved)"
                },
                signed(x.points)
            );
        }
        if d.drivers.len() > DRIVERS {
            let rest: f64 = d.drivers[DRIVERS..].iter().map(|x| x.points).sum();
            let _ = writeln!(
                o,
                "| and {} more | {} |",
                d.drivers.len() - DRIVERS,
                signed(rest)
            );
        }
    }
    if !c.changed_ratings.is_empty() {
        o.push_str("\n## Changed ratings\n\n| factor | before | after |\n|---|---|---|\n");
        for r in &c.changed_ratings {
            let word = |x: Option<crate::model::Rating>| x.map_or("no evidence", |r| r.as_str());
            let _ = writeln!(
                o,
                "| {} | {} | {} |",
                md_text(&r.factor),
                word(r.before),
                word(r.after)
            );
        }
    }
    if !c.context_changes.is_empty() {
        o.push_str("\n## Changed context\n\n| key | before | after |\n|---|---|---|\n");
        for (key, before, after) in &c.context_changes {
            let show = |v: &Option<crate::model::ContextValue>| {
                v.as_ref()
                    .map_or("(not given)".to_owned(), |v| md_text(&v.to_string()))
            };
            let _ = writeln!(
                o,
                "| {} | {} | {} |",
                md_text(key),
                show(before),
                show(after)
            );
        }
    }
    if !c.over_integration.is_empty() {
        o.push_str("\n## Over-integration\n\n");
        for (who, before, after) in &c.over_integration {
            let _ = writeln!(o, "- {}", md_text(&over_integration(who, before, after)));
        }
    }
    o
}

/// A comparison as CSV (RFC 4180, CRLF line ends, a header row), one row
/// per dimension, numbers in full precision: the mission and both files,
/// then score, score range, level, target, verdict, coverage and
/// provisional state before and after, and the change of the score (after
/// minus before).
pub(super) fn csv(c: &Comparison) -> String {
    let mut o = String::new();
    csv_row(
        &mut o,
        [
            "mission",
            "file_before",
            "file_after",
            "dimension",
            "score_before",
            "score_after",
            "score_change",
            "score_low_before",
            "score_high_before",
            "score_low_after",
            "score_high_after",
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
                c.mission.name.clone(),
                c.mission_before.file.clone().unwrap_or_default(),
                c.mission.file.clone().unwrap_or_default(),
                d.id.to_string(),
                csv_num(d.score_before),
                csv_num(d.score_after),
                csv_num(d.score_after - d.score_before),
                csv_num(d.range_before[0]),
                csv_num(d.range_before[1]),
                csv_num(d.range_after[0]),
                csv_num(d.range_after[1]),
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
