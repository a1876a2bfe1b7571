//! A self-contained HTML report of an assessment (feature `html`): one file
//! with no network access, the chart inline, printable on A4. Every piece of
//! text from the mission (names, notes, sources) is escaped, so a note that
//! contains `<script>` shows as text.

use std::fmt::Write as _;

use super::chart;
use super::plan::change_line;
use crate::Rulebook;
use crate::analysis::Briefing;

/// Escapes text for HTML content and attribute values.
///
/// ```
/// use integration_readiness::report::escape_html;
/// assert_eq!(escape_html("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
/// ```
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

const STYLE: &str = r#"
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; color: #1d2733; margin: 0 auto; max-width: 182mm; font-size: 10.5pt; line-height: 1.4; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 18pt 0 6pt; border-bottom: 1px solid #c9d2dc; padding-bottom: 2pt; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; }
p.meta { color: #4c5a6b; margin: 0 0 8pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
th, td { text-align: left; vertical-align: top; padding: 3pt 5pt; border-bottom: 1px solid #e1e6ec; }
th { background: #f1f4f7; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.verdict { font-weight: 700; text-transform: uppercase; font-size: 9pt; letter-spacing: .04em; }
.ready { color: #1e6b3a; } .stretch { color: #8a5a00; } .not-ready { color: #a12a2a; } .undetermined { color: #555; }
.prov { color: #8a5a00; font-size: 9pt; }
.chart svg { max-width: 100%; height: auto; }
.note { white-space: pre-wrap; }
.small { color: #4c5a6b; font-size: 9pt; }
tr, li { page-break-inside: avoid; }
h2, h3 { page-break-after: avoid; }
"#;

fn pct(x: f64) -> String {
    format!("{:.0}%", 100.0 * x)
}

/// The HTML report of a briefing made against `rulebook`: the overall
/// result, per dimension score, range, level, target and verdict, the
/// chart, what to fix first and the whole plan to the target, the missing
/// evidence most at stake, the entities and every factor's evidence
/// (rating, note, sources, citation).
pub(super) fn report(rulebook: &Rulebook, b: &Briefing) -> String {
    let a = &b.assessment;
    let mut o = String::new();
    let title = format!("Integration readiness: {}", a.mission.name);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(&title),
        escape(&title)
    );
    let _ = writeln!(
        o,
        "<p class=\"meta\">{}Made with {}.</p>",
        a.mission
            .date
            .as_deref()
            .map(|d| format!("Assessed {}. ", escape(d)))
            .unwrap_or_default(),
        escape(&a.rulebook.to_string())
    );
    if let Some(desc) = &a.mission.description {
        let _ = writeln!(o, "<p class=\"note\">{}</p>", escape(desc));
    }
    let _ = writeln!(
        o,
        "<p>Overall score <strong>{:.1}</strong> (range {:.1}&ndash;{:.1}), evidence coverage {}, verdict <span class=\"verdict {v}\">{v}</span>.</p>",
        a.overall.score,
        a.overall.score_range[0],
        a.overall.score_range[1],
        pct(a.overall.coverage),
        v = a.overall.verdict.as_str()
    );
    if a.overall.provisional {
        o.push_str("<p class=\"prov\">Provisional: the missing evidence could still change the verdict.</p>\n");
    }
    let _ = writeln!(
        o,
        "<p class=\"small\">{}</p>",
        escape(&super::assessment::legend())
    );

    o.push_str("<h2>Dimensions</h2>\n<table>\n<tr><th>Dimension</th><th>Score</th><th>Range</th><th>Coverage</th><th>Level</th><th>Level range</th><th>Target</th><th>Verdict</th></tr>\n");
    for d in &a.dimensions {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td class=\"num\">{:.1}</td><td class=\"num\">{:.1}&ndash;{:.1}</td><td class=\"num\">{}</td><td>{}</td><td>{}&ndash;{}</td><td>{}</td><td><span class=\"verdict {v}\">{v}</span>{}</td></tr>",
            escape(&d.title),
            d.score,
            d.score_range[0],
            d.score_range[1],
            pct(d.coverage),
            escape(&d.level),
            escape(&d.level_range[0]),
            escape(&d.level_range[1]),
            escape(&d.target),
            if d.provisional {
                " <span class=\"prov\">provisional</span>"
            } else {
                ""
            },
            v = d.verdict.as_str()
        );
    }
    o.push_str("</table>\n");
    // The chart escapes its own text; it is drawn by the library.
    let _ = writeln!(o, "<div class=\"chart\">{}</div>", chart::svg(rulebook, a));

    let p = &b.plan;
    o.push_str("<h2>Fix first</h2>\n");
    if p.changes.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", super::assessment::nothing_to_fix(p));
    } else {
        let _ = writeln!(
            o,
            "<p>The start of the cheapest plan to target, in its order.</p>\n<ol>"
        );
        for c in &b.fix_first {
            let _ = writeln!(
                o,
                "<li>{}<br>{}<br><span class=\"small\">Source: {}</span></li>",
                escape(&change_line(c)),
                escape(&c.remedy),
                escape(&c.citation.to_string())
            );
        }
        o.push_str("</ol>\n");
        let _ = writeln!(
            o,
            "<h2>The plan to the target</h2>\n<p>{}, total effort {} (each rating step costs {} at low effort, {} at medium, {} at high).</p>\n<table>\n<tr><th>#</th><th>Change</th><th>Effort</th></tr>",
            super::fmt::count(p.changes.len(), "change"),
            p.total_effort,
            p.effort_cost.low,
            p.effort_cost.medium,
            p.effort_cost.high
        );
        for (i, c) in p.changes.iter().enumerate() {
            let _ = writeln!(
                o,
                "<tr><td class=\"num\">{}</td><td>{} ({}): {} &rarr; {}{}</td><td>{}, cost {}</td></tr>",
                i + 1,
                escape(&c.title),
                escape(&c.factor),
                c.from,
                c.to,
                if c.forced_by_gate {
                    ", a gate needs it"
                } else {
                    ""
                },
                c.effort_level,
                c.effort
            );
        }
        o.push_str("</table>\n");
    }
    for r in &p.reasons {
        let _ = writeln!(
            o,
            "<p class=\"small\">Out of reach on {}: {}</p>",
            escape(&r.dimension),
            escape(&super::assessment::reach_words(&r.target, &r.best, &r.reasons, r.unrated_may_help))
        );
    }

    if !a.evidence_gaps.is_empty() {
        o.push_str("<h2>Missing evidence most at stake</h2>\n<table>\n<tr><th>Factor</th><th>Points at stake</th><th>Question</th></tr>\n");
        for g in a.evidence_gaps.iter().take(10) {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td class=\"num\">{:.1}</td><td>{}</td></tr>",
                escape(&g.title),
                g.at_stake,
                escape(&g.question)
            );
        }
        o.push_str("</table>\n");
    }

    if !a.entities.is_empty() {
        o.push_str("<h2>Entities</h2>\n<table>\n<tr><th>Entity</th><th>Role</th>");
        for d in &a.dimensions {
            let _ = write!(o, "<th>{}</th>", escape(&d.title));
        }
        o.push_str("<th>Over-integrated</th></tr>\n");
        for e in &a.entities {
            let _ = write!(
                o,
                "<tr><td>{}{}</td><td>{}</td>",
                escape(&e.name),
                e.note
                    .as_deref()
                    .map(|n| format!("<br><span class=\"small note\">{}</span>", escape(n)))
                    .unwrap_or_default(),
                escape(&e.role)
            );
            for ((_, target), (_, current)) in e.target.iter().zip(e.current.iter()) {
                let _ = write!(
                    o,
                    "<td>target {}<br><span class=\"small\">now {}</span></td>",
                    escape(target),
                    current
                        .as_ref()
                        .map_or_else(|| "not given".to_owned(), |c| escape(c))
                );
            }
            let over: Vec<String> = e.over_integrated.iter().map(|d| escape(d)).collect();
            let _ = writeln!(
                o,
                "<td>{}</td></tr>",
                if over.is_empty() {
                    "none".to_owned()
                } else {
                    over.join(", ")
                }
            );
        }
        o.push_str("</table>\n");
    }

    o.push_str("<h2>Evidence</h2>\n");
    for theme in rulebook.themes() {
        let _ = writeln!(
            o,
            "<h3>{}</h3>\n<table>\n<tr><th>Factor</th><th>Rating</th><th>Note and sources</th></tr>",
            escape(&theme.title)
        );
        for f in a.factors.iter().filter(|f| f.theme == theme.id) {
            let rating = f.rating.map_or("unknown", |r| r.as_str());
            let mut cell = String::new();
            if let Some(n) = &f.note {
                let _ = write!(cell, "<div class=\"note\">{}</div>", escape(n));
            }
            if !f.sources.is_empty() {
                let s: Vec<String> = f.sources.iter().map(|s| escape(s)).collect();
                let _ = write!(cell, "<div class=\"small\">Sources: {}</div>", s.join("; "));
            }
            let _ = writeln!(
                o,
                "<tr><td>{} <span class=\"small\">({}, {})</span><br><span class=\"small\">{}</span></td><td>{}</td><td>{}</td></tr>",
                escape(&f.title),
                escape(&f.id),
                f.polarity,
                escape(&f.citation.to_string()),
                rating,
                cell
            );
        }
        o.push_str("</table>\n");
    }
    o.push_str("</body>\n</html>\n");
    o
}
