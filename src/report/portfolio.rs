//! A portfolio of missions as text, Markdown and CSV.

use std::fmt::Write as _;

use super::fmt::{count, csv_num, csv_row, fit, md_text, one, pct, wrap};
use crate::analysis::Portfolio;

/// `50.0` for a score known to the tenth, `50.0 (0.0-100.0)` for one the
/// missing evidence leaves open: a mid-scale score on no evidence must not
/// read as a middling mission.
fn score(point: f64, range: [f64; 2]) -> String {
    if one(range[0]) == one(range[1]) {
        one(point)
    } else {
        format!("{} ({}-{})", one(point), one(range[0]), one(range[1]))
    }
}

/// `stretch` or `stretch (provisional)`.
fn verdict(v: crate::assess::Verdict, provisional: bool) -> String {
    if provisional {
        format!("{v} (provisional)")
    } else {
        v.to_string()
    }
}

/// A portfolio as text, readable in 80 columns: the rulebook, then one
/// block per mission, its file, its overall line and one line per
/// dimension.
pub(super) fn text(p: &Portfolio) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Portfolio: {}", count(p.rows.len(), "mission"));
    let _ = writeln!(o, "{}", wrap(&format!("Made with {}", p.rulebook), 78, 2));
    for r in &p.rows {
        let _ = writeln!(o, "\n{}", wrap(&r.mission.name, 80, 2));
        if let Some(file) = &r.mission.file {
            let _ = writeln!(o, "  {}", wrap(file, 78, 2));
        }
        let _ = writeln!(
            o,
            "  {}",
            fit(
                &format!(
                    "{}  coverage {}  overall {}  {}",
                    r.mission.date.as_deref().unwrap_or("undated"),
                    pct(r.coverage),
                    score(r.score, r.score_range),
                    verdict(r.verdict, r.provisional)
                ),
                78,
                4
            )
        );
        for c in &r.dimensions {
            let _ = writeln!(
                o,
                "  {}",
                fit(
                    &format!(
                        "{:<15} {:>5}  {} (target {}), {}",
                        c.id,
                        score(c.score, c.score_range),
                        c.level,
                        c.target,
                        verdict(c.verdict, c.provisional)
                    ),
                    78,
                    18
                )
            );
        }
    }
    o
}

/// A portfolio as Markdown: the rulebook, an overview table (one row per
/// mission) and a table per dimension.
pub(super) fn markdown(p: &Portfolio) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Portfolio: {}\n", count(p.rows.len(), "mission"));
    let _ = writeln!(o, "Made with {}.\n", md_text(&p.rulebook.to_string()));
    o.push_str("| mission | file | date | coverage | overall | range | verdict |\n");
    o.push_str("|---|---|---|---:|---:|---:|---|\n");
    for r in &p.rows {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {}–{} | {} |",
            md_text(&r.mission.name),
            md_text(r.mission.file.as_deref().unwrap_or("")),
            md_text(r.mission.date.as_deref().unwrap_or("undated")),
            pct(r.coverage),
            one(r.score),
            one(r.score_range[0]),
            one(r.score_range[1]),
            verdict(r.verdict, r.provisional)
        );
    }
    for (i, d) in p.dimensions.iter().enumerate() {
        let _ = writeln!(
            o,
            "\n## {}\n\n| mission | score | range | coverage | level | target | verdict |\n\
             |---|---:|---:|---:|---|---|---|",
            md_text(d)
        );
        for r in &p.rows {
            let Some(c) = r.dimensions.get(i) else {
                continue;
            };
            let _ = writeln!(
                o,
                "| {} | {} | {}–{} | {} | {} | {} | {} |",
                md_text(&r.mission.name),
                one(c.score),
                one(c.score_range[0]),
                one(c.score_range[1]),
                pct(c.coverage),
                md_text(&c.level),
                md_text(&c.target),
                verdict(c.verdict, c.provisional)
            );
        }
    }
    o
}

/// A portfolio as CSV (RFC 4180, CRLF line ends, a header row): one row
/// per mission, its file, name and date, the overall figures, then per
/// dimension its score, score range, coverage, level, target, verdict and
/// provisional state; numbers in full precision.
pub(super) fn csv(p: &Portfolio) -> String {
    let mut header: Vec<String> = [
        "file",
        "mission",
        "date",
        "coverage",
        "score",
        "score_low",
        "score_high",
        "verdict",
        "provisional",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for d in &p.dimensions {
        for col in [
            "score",
            "score_low",
            "score_high",
            "coverage",
            "level",
            "target",
            "verdict",
            "provisional",
        ] {
            header.push(format!("{d}_{col}"));
        }
    }
    let mut o = String::new();
    csv_row(&mut o, &header);
    for r in &p.rows {
        let mut row = vec![
            r.mission.file.clone().unwrap_or_default(),
            r.mission.name.clone(),
            r.mission.date.clone().unwrap_or_default(),
            csv_num(r.coverage),
            csv_num(r.score),
            csv_num(r.score_range[0]),
            csv_num(r.score_range[1]),
            r.verdict.to_string(),
            r.provisional.to_string(),
        ];
        for c in &r.dimensions {
            row.extend([
                csv_num(c.score),
                csv_num(c.score_range[0]),
                csv_num(c.score_range[1]),
                csv_num(c.coverage),
                c.level.to_string(),
                c.target.to_string(),
                c.verdict.to_string(),
                c.provisional.to_string(),
            ]);
        }
        csv_row(&mut o, &row);
    }
    o
}
