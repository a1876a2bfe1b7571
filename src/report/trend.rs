//! A trend over several dates as text and Markdown.

use std::fmt::Write as _;

use super::fmt::{count, csv_num, csv_row, fit, md_text, one, pct, signed, wrap};
use crate::analysis::Trend;

/// `stretch` or `stretch (provisional)`.
fn verdict(v: crate::assess::Verdict, provisional: bool) -> String {
    if provisional {
        format!("{v} (provisional)")
    } else {
        v.to_string()
    }
}

/// A trend as text, readable in 80 columns: the overall line over time,
/// then per dimension one line per date and the factors that moved it most.
pub(super) fn text(t: &Trend) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "Trend: {}, {}",
        t.mission,
        count(t.overall.len(), "assessment")
    );
    if let Some(rb) = &t.rulebook {
        let _ = writeln!(o, "{}", wrap(&format!("Made with {rb}"), 78, 2));
    }
    for w in &t.warnings {
        let _ = writeln!(o, "{}", wrap(&format!("warning: {w}"), 80, 2));
    }
    let _ = writeln!(o, "\noverall");
    for p in &t.overall {
        let _ = writeln!(
            o,
            "  {:<10}  {:>5}  coverage {:>4}  {}",
            p.date.as_deref().unwrap_or("undated"),
            one(p.score),
            pct(p.coverage),
            verdict(p.verdict, p.provisional)
        );
    }
    for d in &t.dimensions {
        let _ = writeln!(o, "\n{}", d.id);
        for p in &d.points {
            let _ = writeln!(
                o,
                "  {}",
                fit(
                    &format!(
                        "{:<10}  {:>5}  {} (target {}), {}",
                        p.date.as_deref().unwrap_or("undated"),
                        one(p.score),
                        p.level,
                        p.target,
                        verdict(p.verdict, p.provisional)
                    ),
                    78,
                    19
                )
            );
        }
        if !d.drivers.is_empty() {
            let _ = writeln!(o, "  moved most by:");
            for f in &d.drivers {
                let _ = writeln!(o, "    {:>5} {}", signed(f.points), f.factor);
            }
        }
    }
    o
}

/// A trend as Markdown: one table per dimension and the factors that
/// moved it most.
pub(super) fn markdown(t: &Trend) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Trend: {}\n\n{}.",
        md_text(&t.mission),
        count(t.overall.len(), "assessment")
    );
    if let Some(rb) = &t.rulebook {
        let _ = writeln!(o, "\nMade with {}.", md_text(&rb.to_string()));
    }
    for w in &t.warnings {
        let _ = writeln!(o, "\n> warning: {}", md_text(w));
    }
    let _ = writeln!(
        o,
        "\n## Overall\n\n| date | score | coverage | verdict |\n|---|---:|---:|---|"
    );
    for p in &t.overall {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            md_text(p.date.as_deref().unwrap_or("undated")),
            one(p.score),
            pct(p.coverage),
            verdict(p.verdict, p.provisional)
        );
    }
    for d in &t.dimensions {
        let _ = writeln!(
            o,
            "\n## {}\n\n| date | score | level | target | verdict |\n|---|---:|---|---|---|",
            md_text(&d.id)
        );
        for p in &d.points {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                md_text(p.date.as_deref().unwrap_or("undated")),
                one(p.score),
                md_text(&p.level),
                md_text(&p.target),
                verdict(p.verdict, p.provisional)
            );
        }
        if !d.drivers.is_empty() {
            let _ = writeln!(o, "\nMoved most by:\n");
            for f in &d.drivers {
                let _ = writeln!(o, "- {} {} points", md_text(&f.factor), signed(f.points));
            }
        }
    }
    o
}

/// A trend as CSV (RFC 4180, CRLF line ends, a header row), long form for
/// spreadsheets and plotting: one row per date and dimension, then one per
/// date for `overall` (its level and target left empty), each with the
/// file and the mission's name; numbers in full precision.
pub(super) fn csv(t: &Trend) -> String {
    let mut o = String::new();
    csv_row(
        &mut o,
        [
            "file",
            "mission",
            "date",
            "dimension",
            "score",
            "score_low",
            "score_high",
            "coverage",
            "level",
            "target",
            "verdict",
            "provisional",
        ],
    );
    let who = |at: usize| {
        t.assessments
            .get(at)
            .map(|m| (m.file.clone().unwrap_or_default(), m.name.clone()))
            .unwrap_or_default()
    };
    for d in &t.dimensions {
        for p in &d.points {
            let (file, name) = who(p.at);
            csv_row(
                &mut o,
                [
                    file,
                    name,
                    p.date.clone().unwrap_or_default(),
                    d.id.to_string(),
                    csv_num(p.score),
                    csv_num(p.score_range[0]),
                    csv_num(p.score_range[1]),
                    csv_num(p.coverage),
                    p.level.to_string(),
                    p.target.to_string(),
                    p.verdict.to_string(),
                    p.provisional.to_string(),
                ],
            );
        }
    }
    for p in &t.overall {
        let (file, name) = who(p.at);
        csv_row(
            &mut o,
            [
                file,
                name,
                p.date.clone().unwrap_or_default(),
                "overall".to_owned(),
                csv_num(p.score),
                csv_num(p.score_range[0]),
                csv_num(p.score_range[1]),
                csv_num(p.coverage),
                String::new(),
                String::new(),
                p.verdict.to_string(),
                p.provisional.to_string(),
            ],
        );
    }
    o
}
