//! A trend over several dates as text and Markdown.

use std::fmt::Write as _;

use super::fmt::{count, csv_field, md_text, pct};
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
    for w in &t.warnings {
        let _ = writeln!(o, "warning: {w}");
    }
    let _ = writeln!(o, "\noverall");
    for p in &t.overall {
        let _ = writeln!(
            o,
            "  {:<10}  {:>5.1}  coverage {:>4}  {}",
            p.date.as_deref().unwrap_or("undated"),
            p.score,
            pct(p.coverage),
            verdict(p.verdict, p.provisional)
        );
    }
    for d in &t.dimensions {
        let _ = writeln!(o, "\n{}", d.id);
        for p in &d.points {
            let _ = writeln!(
                o,
                "  {:<10}  {:>5.1}  {} (target {}), {}",
                p.date.as_deref().unwrap_or("undated"),
                p.score,
                p.level,
                p.target,
                verdict(p.verdict, p.provisional)
            );
        }
        if !d.drivers.is_empty() {
            let _ = writeln!(o, "  moved most by:");
            for f in &d.drivers {
                let _ = writeln!(o, "    {:+5.1} {}", f.points, f.factor);
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
            "| {} | {:.1} | {} | {} |",
            md_text(p.date.as_deref().unwrap_or("undated")),
            p.score,
            pct(p.coverage),
            verdict(p.verdict, p.provisional)
        );
    }
    for d in &t.dimensions {
        let _ = writeln!(
            o,
            "\n## {}\n\n| date | score | level | target | verdict |\n|---|---:|---|---|---|",
            d.id
        );
        for p in &d.points {
            let _ = writeln!(
                o,
                "| {} | {:.1} | {} | {} | {} |",
                md_text(p.date.as_deref().unwrap_or("undated")),
                p.score,
                p.level,
                p.target,
                verdict(p.verdict, p.provisional)
            );
        }
        if !d.drivers.is_empty() {
            let _ = writeln!(o, "\nMoved most by:\n");
            for f in &d.drivers {
                let _ = writeln!(o, "- `{}` {:+.1} points", f.factor, f.points);
            }
        }
    }
    o
}

/// A trend as CSV (RFC 4180, CRLF line ends, a header row), long form for
/// spreadsheets and plotting: one row per date and dimension, then one per
/// date for `overall` (its level and target left empty).
pub(super) fn csv(t: &Trend) -> String {
    let mut o = String::from("date,dimension,score,level,target,verdict,provisional\r\n");
    for d in &t.dimensions {
        for p in &d.points {
            let _ = write!(
                o,
                "{},{},{:.2},{},{},{},{}\r\n",
                csv_field(p.date.as_deref().unwrap_or("")),
                csv_field(&d.id),
                p.score,
                csv_field(&p.level),
                csv_field(&p.target),
                p.verdict,
                p.provisional
            );
        }
    }
    for p in &t.overall {
        let _ = write!(
            o,
            "{},overall,{:.2},,,{},{}\r\n",
            csv_field(p.date.as_deref().unwrap_or("")),
            p.score,
            p.verdict,
            p.provisional
        );
    }
    o
}
