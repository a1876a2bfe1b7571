//! A self-contained HTML report of an assessment (feature `html`): one file
//! with no network access, the chart inline, printable on A4. Every piece of
//! text from the mission (names, notes, sources) is escaped, so a note that
//! contains `<script>` shows as text.

// Text fields are taken by reference (`&d.title`, `.as_deref()`) so that this
// renderer reads the same whether the assessment borrows its strings from the
// rulebook (`&str`) or owns them (`String`); clippy sees the borrow of a `&str`
// as needless.
#![allow(clippy::needless_borrow, clippy::needless_option_as_deref)]

use std::fmt::Write as _;

use crate::{Assessment, Mission, Rulebook, chart};

/// Escapes text for HTML content and attribute values.
///
/// ```
/// use integration_readiness::html::escape;
/// assert_eq!(escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
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

/// The HTML report of `assessment`, an assessment of `mission` against
/// `rulebook`: the overall result, per dimension score, range, level, target
/// and verdict, the chart, what to fix first, the missing evidence most at
/// stake, the entities and every factor's evidence (rating, note, sources,
/// citation).
pub fn report(rulebook: &Rulebook, mission: &Mission, assessment: &Assessment) -> String {
    let a = assessment;
    let data = mission.data();
    let info = rulebook.info();
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
        "<p class=\"meta\">{}Rulebook {} version {}; integration-readiness {}</p>",
        a.mission
            .date
            .as_deref()
            .map(|d| format!("Assessed {}. ", escape(d)))
            .unwrap_or_default(),
        escape(&info.id),
        escape(&info.version),
        env!("CARGO_PKG_VERSION")
    );
    if let Some(desc) = &data.mission.description {
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

    if !a.recommendations.is_empty() {
        o.push_str("<h2>Fix first</h2>\n<ol>\n");
        for r in a.recommendations.iter().take(10) {
            let _ = writeln!(
                o,
                "<li><strong>{}</strong> ({}): {} &rarr; {}, +{:.1} points, {} effort<br>{}<br><span class=\"small\">Source: {}</span></li>",
                escape(&r.title),
                escape(&r.factor),
                r.from.as_str(),
                r.to.as_str(),
                r.gain,
                r.effort,
                escape(&r.remedy),
                escape(&r.citation.to_string())
            );
        }
        o.push_str("</ol>\n");
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
        for (e, given) in a.entities.iter().zip(&data.entities) {
            let _ = write!(
                o,
                "<tr><td>{}{}</td><td>{}</td>",
                escape(&e.name),
                given
                    .note
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
                        .map(escape)
                        .unwrap_or_else(|| "not given".to_owned())
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
        for f in rulebook.factors().iter().filter(|f| f.theme == theme.id) {
            let ev = data.evidence.get(&f.id);
            let rating = ev.map(|e| e.rating.as_str()).unwrap_or("unknown");
            let mut cell = String::new();
            if let Some(e) = ev {
                if let Some(n) = &e.note {
                    let _ = write!(cell, "<div class=\"note\">{}</div>", escape(n));
                }
                if !e.sources.is_empty() {
                    let s: Vec<String> = e.sources.iter().map(|s| escape(s)).collect();
                    let _ = write!(cell, "<div class=\"small\">Sources: {}</div>", s.join("; "));
                }
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
