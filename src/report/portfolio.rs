//! A portfolio of missions as text, Markdown and CSV.

use std::fmt::Write as _;

use super::fmt::{count, csv_field, pct};
use crate::analysis::Portfolio;

/// `stretch` or `stretch (provisional)`.
fn verdict(v: crate::assess::Verdict, provisional: bool) -> String {
    if provisional {
        format!("{v} (provisional)")
    } else {
        v.to_string()
    }
}

/// A portfolio as text, readable in 80 columns: one block per mission, its
/// overall line and one line per dimension.
pub(super) fn text(p: &Portfolio) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Portfolio: {}", count(p.rows.len(), "mission"));
    for r in &p.rows {
        let _ = writeln!(o, "\n{}", r.name);
        let _ = writeln!(
            o,
            "  {}  coverage {}  overall {:.1}  {}",
            r.date.as_deref().unwrap_or("undated"),
            pct(r.coverage),
            r.score,
            verdict(r.verdict, r.provisional)
        );
        for (id, c) in p.dimensions.iter().zip(&r.dimensions) {
            let _ = writeln!(
                o,
                "  {:<15} {:>5.1}  {} (target {}), {}",
                id,
                c.score,
                c.level,
                c.target,
                verdict(c.verdict, c.provisional)
            );
        }
    }
    o
}

/// Escapes a Markdown table cell.
fn cell(s: &str) -> String {
    super::fmt::md_text(s)
}

/// A portfolio as one Markdown table, one row per mission.
pub(super) fn markdown(p: &Portfolio) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Portfolio: {}\n", count(p.rows.len(), "mission"));
    o.push_str("| mission | date | coverage | overall | verdict |");
    for d in &p.dimensions {
        let _ = write!(o, " {} |", cell(d));
    }
    o.push_str("\n|---|---|---:|---:|---|");
    for _ in &p.dimensions {
        o.push_str("---|");
    }
    o.push('\n');
    for r in &p.rows {
        let _ = write!(
            o,
            "| {} | {} | {} | {:.1} | {} |",
            cell(&r.name),
            cell(r.date.as_deref().unwrap_or("")),
            pct(r.coverage),
            r.score,
            verdict(r.verdict, r.provisional)
        );
        for c in &r.dimensions {
            let _ = write!(
                o,
                " {:.1} {} → {}, {} |",
                c.score,
                cell(&c.level),
                cell(&c.target),
                verdict(c.verdict, c.provisional)
            );
        }
        o.push('\n');
    }
    o
}

/// A portfolio as CSV (RFC 4180, CRLF line ends, a header row): one row
/// per mission, four columns per dimension.
pub(super) fn csv(p: &Portfolio) -> String {
    let mut header: Vec<String> = [
        "name",
        "date",
        "coverage",
        "score",
        "verdict",
        "provisional",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for d in &p.dimensions {
        for col in ["score", "level", "target", "verdict"] {
            header.push(csv_field(&format!("{d}_{col}")));
        }
    }
    let mut o = header.join(",");
    o.push_str("\r\n");
    for r in &p.rows {
        let mut row = vec![
            csv_field(&r.name),
            csv_field(r.date.as_deref().unwrap_or("")),
            format!("{:.3}", r.coverage),
            format!("{:.2}", r.score),
            r.verdict.to_string(),
            r.provisional.to_string(),
        ];
        for c in &r.dimensions {
            row.push(format!("{:.2}", c.score));
            row.push(csv_field(&c.level));
            row.push(csv_field(&c.target));
            row.push(c.verdict.to_string());
        }
        o.push_str(&row.join(","));
        o.push_str("\r\n");
    }
    o
}
