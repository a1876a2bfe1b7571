//! An assessment as text for the terminal (80 columns) and as Markdown
//! for documents.

use std::fmt::Write as _;

use super::fmt::{pct, wrap};
use crate::assess::{Assessment, Blocker, DimensionResult, Target, Tension};
use crate::rulebook::Rulebook;

/// Width of the score bar in characters (2 points a character).
const BAR: usize = 50;
/// How many recommendations and evidence gaps the reports list.
const TOP: usize = 5;

fn bar_pos(score: f64) -> usize {
    ((score / 100.0) * BAR as f64)
        .round()
        .clamp(0.0, BAR as f64) as usize
}

/// The score bar of a dimension: `#` certain, `=` rated, `+` possible with
/// the unknown evidence, `.` out of reach, `|` thresholds.
fn bar(rb: &Rulebook, d: usize, dim: &DimensionResult) -> [String; 2] {
    let (low, high) = (bar_pos(dim.score_range[0]), bar_pos(dim.score_range[1]));
    let point = bar_pos(dim.score);
    let mut cells: Vec<char> = (0..BAR)
        .map(|i| {
            if i < low {
                '#'
            } else if i < point {
                '='
            } else if i < high {
                '+'
            } else {
                '.'
            }
        })
        .collect();
    let mut marks = vec![' '; BAR + 1];
    for l in 1..rb.levels().len() {
        let p = bar_pos(rb.threshold(l, d));
        if p > 0 && p < BAR {
            cells[p] = '|';
        }
        if l == dim.target_detail.level_index {
            marks[p.min(BAR)] = '^';
        }
    }
    if dim.target_detail.level_index == 0 {
        marks[0] = '^';
    }
    [
        format!("  [{}]", cells.into_iter().collect::<String>()),
        format!("   {}", marks.into_iter().collect::<String>().trim_end()),
    ]
}

fn tension_text(x: &Tension) -> String {
    format!(
        "cap {} ({}) overrides floor {} ({})",
        x.cap,
        x.cap_rules.join(", "),
        x.floor,
        x.floor_rules.join(", ")
    )
}

fn target_reason(t: &Target) -> String {
    let mut s = if t.set_by.is_empty() {
        "rulebook default".to_owned()
    } else {
        format!("rule {}", t.set_by.join(", "))
    };
    if let Some(x) = &t.tension {
        let _ = write!(s, "; {}", tension_text(x));
    }
    s
}

fn blocker_text(b: &Blocker, level: &str) -> String {
    match b {
        Blocker::Threshold { needed, score } => {
            format!("{level} needs a score of {needed:.1} (now {score:.1})")
        }
        Blocker::Gate {
            factor,
            bound,
            rating,
            actual,
            ..
        } => format!("{level} needs {factor} {bound} {rating} (rated {actual})"),
    }
}

/// The text report, readable in 80 columns.
pub(super) fn text(rb: &Rulebook, a: &Assessment) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Integration readiness: {}", a.mission.name);
    if let Some(date) = &a.mission.date {
        let _ = writeln!(o, "Assessed {date} against rulebook {}", a.rulebook);
    } else {
        let _ = writeln!(o, "Assessed against rulebook {}", a.rulebook);
    }
    let _ = writeln!(
        o,
        "Overall {:.1} (range {:.1}-{:.1}), evidence coverage {}, verdict {}",
        a.overall.score,
        a.overall.score_range[0],
        a.overall.score_range[1],
        pct(a.overall.coverage),
        a.overall.verdict
    );
    let spectrum: Vec<&str> = rb.levels().iter().map(|l| l.id.as_str()).collect();
    let _ = writeln!(
        o,
        "\n{}",
        wrap(&format!("Spectrum: {}", spectrum.join(" < ")), 78, 10)
    );
    let _ = writeln!(
        o,
        "Bars: # certain, = rated, + possible with missing evidence,\n      | level threshold, ^ target level"
    );

    for section in [
        dimensions,
        themes,
        recommendations,
        evidence_gaps,
        entities,
        notes,
    ] {
        section(&mut o, rb, a);
    }
    o
}

/// Each dimension: verdict, score, bar, level, target and what stops the next level.
fn dimensions(o: &mut String, rb: &Rulebook, a: &Assessment) {
    for (d, dim) in a.dimensions.iter().enumerate() {
        let provisional = if dim.provisional {
            " (provisional)"
        } else {
            ""
        };
        let _ = writeln!(
            o,
            "\n{} ({})  {}{provisional}",
            dim.title,
            dim.id,
            dim.verdict.as_str().to_uppercase()
        );
        let _ = writeln!(
            o,
            "  score {:.1}, range {:.1}-{:.1}, coverage {}{}",
            dim.score,
            dim.score_range[0],
            dim.score_range[1],
            pct(dim.coverage),
            if dim.no_evidence {
                " (no evidence yet)"
            } else if dim.provisional {
                " (too little to rely on)"
            } else {
                ""
            }
        );
        for line in bar(rb, d, dim) {
            let _ = writeln!(o, "{line}");
        }
        let range = if dim.level_range[0] == dim.level_range[1] {
            String::new()
        } else {
            format!(
                " (could be {} to {})",
                dim.level_range[0], dim.level_range[1]
            )
        };
        let _ = writeln!(o, "  level   {}{range}", dim.level);
        if !dim.applicable {
            let _ = writeln!(
                o,
                "  note    no factor applies here; left out of the overall"
            );
        }
        if !dim.waived_gates.is_empty() {
            let _ = writeln!(
                o,
                "  waived  {}",
                wrap(
                    &format!("gates on {} (not applicable)", dim.waived_gates.join(", ")),
                    78,
                    10
                )
            );
        }
        let _ = writeln!(
            o,
            "  target  {}",
            wrap(
                &format!("{} ({})", dim.target, target_reason(&dim.target_detail)),
                78,
                10
            )
        );
        if let Some(next) = &dim.next {
            let parts: Vec<String> = next
                .blockers
                .iter()
                .map(|b| blocker_text(b, &next.level))
                .collect();
            if !parts.is_empty() {
                let _ = writeln!(o, "  blocked {}", wrap(&parts.join("; "), 78, 10));
            }
        }
    }
}

/// The theme scores.
fn themes(o: &mut String, _: &Rulebook, a: &Assessment) {
    let _ = writeln!(o, "\nThemes");
    for t in &a.themes {
        match t.score {
            Some(s) => {
                let n = ((s / 100.0) * 20.0).round().clamp(0.0, 20.0) as usize;
                let _ = writeln!(
                    o,
                    "  {:<32} {:>5.1} {:<20} {:>4}",
                    truncate(&t.title, 32),
                    s,
                    "#".repeat(n),
                    pct(t.coverage)
                );
            }
            None => {
                let _ = writeln!(
                    o,
                    "  {:<32}   n/a {:<20} {:>4}",
                    truncate(&t.title, 32),
                    "",
                    pct(t.coverage)
                );
            }
        }
    }
}

/// What to fix first.
fn recommendations(o: &mut String, _: &Rulebook, a: &Assessment) {
    if !a.recommendations.is_empty() {
        let _ = writeln!(o, "\nFix first");
        for (i, r) in a.recommendations.iter().take(TOP).enumerate() {
            let lifts = if r.lifts.is_empty() {
                String::new()
            } else {
                format!(", lifts {}", r.lifts.join(", "))
            };
            let _ = writeln!(
                o,
                "  {}. {}",
                i + 1,
                wrap(
                    &format!(
                        "{} ({}): {} -> {}, +{:.1} points, {} effort{lifts}",
                        r.title, r.factor, r.from, r.to, r.gain, r.effort
                    ),
                    78,
                    5
                )
            );
            let _ = writeln!(o, "     {}", wrap(&r.remedy, 78, 5));
            let _ = writeln!(
                o,
                "     {}",
                wrap(&format!("Source: {}", r.citation), 78, 5)
            );
        }
    }
}

/// The unknown factors with the most at stake.
fn evidence_gaps(o: &mut String, _: &Rulebook, a: &Assessment) {
    if !a.evidence_gaps.is_empty() {
        let _ = writeln!(
            o,
            "\nMissing evidence ({} factors unknown; the most at stake first)",
            a.evidence_gaps.len()
        );
        for g in a.evidence_gaps.iter().take(TOP) {
            let _ = writeln!(
                o,
                "  {}",
                wrap(
                    &format!("{} ({:.1} points): {}", g.factor, g.at_stake, g.question),
                    78,
                    4
                )
            );
        }
    }
}

/// The entities: targets, declared levels, over-integration.
fn entities(o: &mut String, _: &Rulebook, a: &Assessment) {
    if !a.entities.is_empty() {
        let _ = writeln!(
            o,
            "\nEntities (target per dimension; ! above target, !! above a cap)"
        );
        for e in &a.entities {
            let cells: Vec<String> = e
                .target
                .iter()
                .zip(e.current.values.iter())
                .map(|((d, t), c)| {
                    let flag = if e.above_cap.iter().any(|x| x == d) {
                        "!!"
                    } else if e.over_integrated.iter().any(|x| x == d) {
                        "!"
                    } else {
                        ""
                    };
                    match c {
                        Some(c) => format!("{d} {t} (now {c}{flag})"),
                        None => format!("{d} {t}"),
                    }
                })
                .collect();
            let _ = writeln!(
                o,
                "  {}",
                wrap(
                    &format!("{} [{}]: {}", e.name, e.role, cells.join("; ")),
                    78,
                    4
                )
            );
            for (d, t) in e.target_detail.iter() {
                if let Some(x) = &t.tension {
                    let line = format!("{d}: {}", tension_text(x));
                    let _ = writeln!(o, "    {}", wrap(&line, 78, 6));
                }
            }
        }
    }
}

/// Undecided rules and warnings.
fn notes(o: &mut String, _: &Rulebook, a: &Assessment) {
    if !a.undecided_rules.is_empty() {
        let _ = writeln!(
            o,
            "\n{}",
            wrap(
                &format!(
                    "Undecided rules (context missing): {}",
                    a.undecided_rules.join(", ")
                ),
                78,
                2
            )
        );
    }
    for w in &a.warnings {
        let _ = writeln!(o, "\nwarning: {}", wrap(w, 78, 2));
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('~');
        t
    }
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The Markdown report, for pasting into a document.
pub(super) fn markdown(rb: &Rulebook, a: &Assessment) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Integration readiness: {}\n", md_cell(&a.mission.name));
    let _ = writeln!(
        o,
        "Assessed {}against rulebook `{}`. Overall score **{:.1}** (range {:.1}–{:.1}), evidence coverage {}, verdict **{}**.\n",
        a.mission
            .date
            .clone()
            .map(|d| format!("{d} "))
            .unwrap_or_default(),
        a.rulebook,
        a.overall.score,
        a.overall.score_range[0],
        a.overall.score_range[1],
        pct(a.overall.coverage),
        a.overall.verdict
    );
    let spectrum: Vec<&str> = rb.levels().iter().map(|l| l.id.as_str()).collect();
    let _ = writeln!(o, "Spectrum: {}.\n", spectrum.join(" < "));
    let _ = writeln!(o, "## Dimensions\n");
    let _ = writeln!(
        o,
        "| Dimension | Score | Range | Coverage | Level | Level range | Target | Verdict |"
    );
    let _ = writeln!(o, "|---|---:|---|---:|---|---|---|---|");
    for d in &a.dimensions {
        let _ = writeln!(
            o,
            "| {} | {:.1} | {:.1}–{:.1} | {} | {} | {}–{} | {} | {} |",
            md_cell(&d.title),
            d.score,
            d.score_range[0],
            d.score_range[1],
            pct(d.coverage),
            d.level,
            d.level_range[0],
            d.level_range[1],
            d.target,
            if d.provisional {
                format!("{} (provisional)", d.verdict)
            } else {
                d.verdict.to_string()
            }
        );
    }
    let _ = writeln!(o);
    for d in &a.dimensions {
        let _ = write!(
            o,
            "- **{}**: target {} ({}).",
            md_cell(&d.title),
            d.target,
            md_cell(&target_reason(&d.target_detail))
        );
        if let Some(next) = &d.next {
            let parts: Vec<String> = next
                .blockers
                .iter()
                .map(|b| blocker_text(b, &next.level))
                .collect();
            if !parts.is_empty() {
                let _ = write!(o, " Blocked: {}.", md_cell(&parts.join("; ")));
            }
        }
        if !d.applicable {
            let _ = write!(o, " No factor applies here; left out of the overall.");
        }
        if !d.waived_gates.is_empty() {
            let _ = write!(
                o,
                " Gates waived (not applicable): {}.",
                d.waived_gates.join(", ")
            );
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(
        o,
        "\n## Themes\n\n| Theme | Score | Coverage |\n|---|---:|---:|"
    );
    for t in &a.themes {
        let _ = writeln!(
            o,
            "| {} | {} | {} |",
            md_cell(&t.title),
            t.score.map_or("n/a".to_owned(), |s| format!("{s:.1}")),
            pct(t.coverage)
        );
    }
    if !a.recommendations.is_empty() {
        let _ = writeln!(o, "\n## Fix first\n");
        let _ = writeln!(
            o,
            "| # | Factor | Change | Gain | Effort | Lifts | Remedy | Source |"
        );
        let _ = writeln!(o, "|---:|---|---|---:|---|---|---|---|");
        for (i, r) in a.recommendations.iter().take(TOP).enumerate() {
            let _ = writeln!(
                o,
                "| {} | {} | {} → {} | {:.1} | {} | {} | {} | {} |",
                i + 1,
                md_cell(&r.title),
                r.from,
                r.to,
                r.gain,
                r.effort,
                r.lifts.join(", "),
                md_cell(&r.remedy),
                md_cell(&r.citation.to_string())
            );
        }
    }
    let _ = writeln!(o, "\n## Factors\n");
    let dims: Vec<&str> = a.dimensions.iter().map(|d| d.id.as_str()).collect();
    let _ = writeln!(
        o,
        "| Factor | Polarity | Rating | {} | Source |",
        dims.iter()
            .map(|d| format!("{d} pts"))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(o, "|---|---|---|{}---|", "---:|".repeat(dims.len()));
    for f in &a.factors {
        let pts: Vec<String> = f
            .contributions
            .values
            .iter()
            .zip(&f.lost.values)
            .map(|(e, l)| format!("{e:.1} / −{l:.1}"))
            .collect();
        let _ = writeln!(
            o,
            "| {} (`{}`) | {} | {} | {} | {} |",
            md_cell(&f.title),
            f.id,
            f.polarity,
            f.rating.map_or("no evidence".to_owned(), |r| r.to_string()),
            pts.join(" | "),
            md_cell(&f.citation.to_string())
        );
    }
    if !a.entities.is_empty() {
        let _ = writeln!(o, "\n## Entities\n");
        let _ = writeln!(
            o,
            "| Entity | Role | {} | Over-integrated |",
            dims.join(" | ")
        );
        let _ = writeln!(o, "|---|---|{}---|", "---|".repeat(dims.len()));
        for e in &a.entities {
            let cells: Vec<String> = e
                .target
                .values
                .iter()
                .zip(&e.current.values)
                .map(|(t, c)| match c {
                    Some(c) => format!("{t} (now {c})"),
                    None => t.to_string(),
                })
                .collect();
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |",
                md_cell(&e.name),
                e.role,
                cells.join(" | "),
                e.over_integrated
                    .iter()
                    .map(|d| if e.above_cap.contains(d) {
                        format!("{d} (above a cap)")
                    } else {
                        d.to_string()
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    if !a.evidence_gaps.is_empty() {
        let _ = writeln!(o, "\n## Missing evidence\n");
        for g in &a.evidence_gaps {
            let _ = writeln!(
                o,
                "- `{}` ({:.1} points at stake): {}",
                g.factor,
                g.at_stake,
                md_cell(&g.question)
            );
        }
    }
    if !a.undecided_rules.is_empty() {
        let _ = writeln!(
            o,
            "\nUndecided rules (context missing): {}.",
            a.undecided_rules.join(", ")
        );
    }
    for w in &a.warnings {
        let _ = writeln!(o, "\n> warning: {}", md_cell(w));
    }
    o
}
