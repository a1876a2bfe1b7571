//! A self-contained HTML report of an assessment (feature `html`): one file
//! with no network access, the chart inline, printable on A4. Every piece of
//! text from the mission (names, notes, sources) is escaped, so a note that
//! contains `<script>` shows as text.

use std::fmt::Write as _;

use super::plan::change_line;
use super::{assessment, chart};
use crate::analysis::Briefing;
use crate::assess::DimensionResult;

/// What a report says of a factor that the mission's context rules out
/// (its `applies-when` condition does not hold), in place of its rating.
pub(crate) const RULED_OUT: &str = "ruled out by the context: it leaves the sums";

/// Escapes text for HTML content and attribute values: `<script>&"'` is
/// `&lt;script&gt;&amp;&quot;&#39;` (the report's tests check every
/// payload).
pub(crate) fn escape(s: &str) -> String {
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

pub(crate) const STYLE: &str = r#"
@page { size: A4; margin: 11mm 11mm 12mm; }
body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; color: #1d2733; margin: 0 auto; padding: 0 8px; max-width: 182mm; font-size: 10.5pt; line-height: 1.4; overflow-wrap: break-word; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 18pt 0 6pt; border-bottom: 1px solid #c9d2dc; padding-bottom: 2pt; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; }
p.meta { color: #4c5a6b; margin: 0 0 8pt; }
.wide { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
th, td { text-align: left; vertical-align: top; padding: 3pt 5pt; border-bottom: 1px solid #e1e6ec; }
th { background: #f1f4f7; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.evidence td:first-child { width: 46%; }
table.evidence td:nth-child(2) { width: 10%; }
table.dimensions { break-inside: avoid; }
.verdict { font-weight: 700; text-transform: uppercase; font-size: 9pt; letter-spacing: .04em; }
.ready { color: #1e6b3a; } .above-target { color: #5b3a8c; } .stretch { color: #8a5a00; } .not-ready { color: #a12a2a; } .undetermined { color: #555; }
.prov { color: #8a5a00; font-size: 9pt; }
ul.leads { margin: 4pt 0 8pt; padding-left: 14pt; }
ul.leads li { margin-bottom: 2pt; }
ul.notes { margin: 4pt 0 8pt; padding-left: 14pt; }
ul.notes li { margin-bottom: 3pt; }
ul.warnings li { color: #a12a2a; }
.chart { margin: 6pt 0; }
.chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.note { white-space: pre-wrap; }
.small { color: #4c5a6b; font-size: 9pt; }
/* Print: headings stay with what follows them, a row or an item is never
   split, a table's header row repeats on every page it runs over, and the
   chart is sized to share the first page with the overall result. */
thead { display: table-header-group; }
tr, li, .chart, p { break-inside: avoid; page-break-inside: avoid; }
h1, h2, h3, h2 + p { break-after: avoid; page-break-after: avoid; }
@media print {
  body { max-width: none; padding: 0; font-size: 8.5pt; line-height: 1.25; }
  h1 { font-size: 15pt; }
  h2 { font-size: 11.5pt; margin: 10pt 0 3pt; }
  h3 { font-size: 10pt; margin: 6pt 0 2pt; }
  p.meta, ul.leads, ul.notes { margin-bottom: 5pt; }
  table { margin: 2pt 0 5pt; }
  th, td { padding: 1.5pt 3pt; }
  table.evidence { font-size: 8pt; line-height: 1.15; }
  table.evidence td { padding: 1pt 3pt; }
  .small { font-size: 7.5pt; }
  .wide { overflow: visible; }
  .chart svg { max-height: 135mm; width: auto; }
}
"#;

/// One dimension's notes, in the words of the Markdown report: the target
/// and what set it, why there is no verdict and what to rate first, why it
/// is provisional, why the target is out of reach, what blocks the next
/// level, and the gates waived.
fn dimension_notes(o: &mut String, d: &DimensionResult) {
    let mut s = format!(
        "<li><strong>{}</strong>: target {} ({}).",
        escape(&d.title),
        escape(&d.target),
        escape(&assessment::target_reason(&d.target_detail))
    );
    s.push_str(&escape(&assessment::notes_sentences(d)));
    s.push_str("</li>");
    let _ = writeln!(o, "{s}");
}

fn pct(x: f64) -> String {
    format!("{:.0}%", 100.0 * x)
}

/// How many factors of missing evidence the report lists by name, the most
/// at stake first, before it counts the rest.
const GAPS_SHOWN: usize = 8;

/// The HTML report of a briefing, drawn with the rulebook its assessment
/// was made with: the overall
/// result and what the reports lead with (why there is no verdict, what to
/// rate and state first, the targets out of reach), the legend of the
/// verdicts, per dimension score, range, level, target and verdict with
/// its notes, the chart, what to fix first and the whole plan to the
/// target, the missing evidence most at stake, the entities (over- and
/// under-integrated), the warnings (inconsistent ratings among them) and
/// every factor's evidence (rating, note, sources, citation).
pub(super) fn report(b: &Briefing) -> String {
    let a = &b.assessment;
    let rulebook = &a.made_with;
    let mut o = String::new();
    let title = format!("Integration readiness: {}", a.mission.name);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
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
        "<p>Overall score <strong>{:.1}</strong> (range {:.1}&ndash;{:.1}), evidence coverage {}, verdict <span class=\"verdict {v}\">{v}</span>{}.</p>",
        a.overall.score,
        a.overall.score_range[0],
        a.overall.score_range[1],
        pct(a.overall.coverage),
        if a.overall.provisional {
            " <span class=\"prov\">(provisional)</span>"
        } else {
            ""
        },
        v = a.overall.verdict.as_str()
    );
    // The chart escapes its own text; it is drawn by the library. It comes
    // first, beside the overall result, so that it shares the first page.
    let _ = writeln!(o, "<div class=\"chart\">{}</div>", chart::svg(a));
    // Why there is no verdict, what to rate and state first, the targets
    // out of reach: the leads of every report, in the same words.
    let leads = assessment::leads(a);
    if !leads.is_empty() {
        o.push_str("<ul class=\"leads\">\n");
        for line in leads {
            let _ = writeln!(o, "<li>{}</li>", escape(&line));
        }
        o.push_str("</ul>\n");
    }
    let _ = writeln!(
        o,
        "<p class=\"small\">{}</p>",
        escape(&assessment::legend())
    );
    if let Some(sources) = assessment::level_sources(rulebook) {
        let _ = writeln!(o, "<p class=\"small\">{}</p>", escape(&sources));
    }

    o.push_str("<h2>Dimensions</h2>\n<div class=\"wide\"><table class=\"dimensions\">\n<thead><tr><th>Dimension</th><th>Score</th><th>Range</th><th>Coverage</th><th>Level</th><th>Level range</th><th>Target</th><th>Verdict</th></tr></thead>\n<tbody>\n");
    for d in &a.dimensions {
        let t = &d.target_detail;
        let target = if t.range[0] == t.range[1] {
            escape(&d.target)
        } else {
            format!("{}&ndash;{}", escape(&t.range[0]), escape(&t.range[1]))
        };
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td class=\"num\">{:.1}</td><td class=\"num\">{:.1}&ndash;{:.1}</td><td class=\"num\">{}</td><td>{}</td><td>{}&ndash;{}</td><td>{target}</td><td><span class=\"verdict {v}\">{v}</span>{}</td></tr>",
            escape(&d.title),
            d.score,
            d.score_range[0],
            d.score_range[1],
            pct(d.coverage),
            escape(&d.level),
            escape(&d.level_range[0]),
            escape(&d.level_range[1]),
            if d.provisional {
                " <span class=\"prov\">(provisional)</span>"
            } else {
                ""
            },
            v = d.verdict.as_str()
        );
    }
    o.push_str("</tbody></table></div>\n<ul class=\"notes\">\n");
    for d in &a.dimensions {
        dimension_notes(&mut o, d);
    }
    o.push_str("</ul>\n");

    let p = &b.plan;
    o.push_str("<h2>Fix first</h2>\n");
    if p.changes.is_empty() || a.awaits_evidence() {
        let _ = writeln!(o, "<p>{}</p>", assessment::nothing_to_fix(a, p));
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
            "<h2>The plan to the target</h2>\n<p>{}, total effort {} (each rating step costs {} at low effort, {} at medium, {} at high).</p>\n<table>\n<thead><tr><th>#</th><th>Change</th><th>Effort</th></tr></thead>\n<tbody>",
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
        o.push_str("</tbody></table>\n");
    }
    // Why a target is out of reach is in the leads and the dimension notes
    // above: the plan's reasons are the assessment's.

    if !a.evidence_gaps.is_empty() {
        o.push_str("<h2>Missing evidence most at stake</h2>\n<table>\n<thead><tr><th>Factor</th><th>Points at stake</th><th>Question</th></tr></thead>\n<tbody>\n");
        for g in a.evidence_gaps.iter().take(GAPS_SHOWN) {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td class=\"num\">{:.1}</td><td>{}</td></tr>",
                escape(&g.title),
                g.at_stake,
                escape(&g.question)
            );
        }
        o.push_str("</tbody></table>\n");
        if a.evidence_gaps.len() > GAPS_SHOWN {
            let _ = writeln!(
                o,
                "<p class=\"more\">and {} more, each with less at stake (every factor is listed below)</p>",
                a.evidence_gaps.len() - GAPS_SHOWN
            );
        }
    }

    if !a.entities.is_empty() {
        // The table flags each dimension; why a partner is under-integrated
        // is a sentence, listed below it, so that the columns stay narrow.
        o.push_str("<h2>Entities</h2>\n<div class=\"wide\"><table>\n<thead><tr><th>Entity</th>");
        for d in &a.dimensions {
            let _ = write!(o, "<th>{}</th>", escape(&d.title));
        }
        o.push_str("<th>Over-integrated</th><th>Under-integrated</th></tr></thead>\n<tbody>\n");
        let mut reasons = Vec::new();
        for e in &a.entities {
            let _ = write!(
                o,
                "<tr><td>{}<br><span class=\"small\">{}</span>{}</td>",
                escape(&e.name),
                escape(&e.roles.join(", ")),
                e.note
                    .as_deref()
                    .map(|n| format!("<br><span class=\"small note\">{}</span>", escape(n)))
                    .unwrap_or_default(),
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
            let under: Vec<String> = e
                .under_integrated
                .iter()
                .map(|u| escape(&u.dimension))
                .collect();
            for u in &e.under_integrated {
                reasons.push(format!(
                    "<li><strong>{}</strong>: {}</li>",
                    escape(&e.name),
                    escape(&assessment::under_text(u))
                ));
            }
            let _ = writeln!(
                o,
                "<td>{}</td><td>{}</td></tr>",
                if over.is_empty() {
                    "none".to_owned()
                } else {
                    over.join(", ")
                },
                if under.is_empty() {
                    "none".to_owned()
                } else {
                    under.join(", ")
                }
            );
        }
        o.push_str("</tbody></table></div>\n");
        if !reasons.is_empty() {
            let _ = writeln!(o, "<ul class=\"notes\">\n{}\n</ul>", reasons.join("\n"));
        }
    }

    if !a.warnings.is_empty() {
        o.push_str("<h2>Warnings</h2>\n<ul class=\"warnings\">\n");
        for w in &a.warnings {
            let _ = writeln!(o, "<li>{}</li>", escape(w));
        }
        o.push_str("</ul>\n");
    }

    o.push_str("<h2>Evidence</h2>\n");
    for theme in rulebook.themes() {
        let _ = writeln!(
            o,
            "<h3>{}</h3>\n<table class=\"evidence\">\n<thead><tr><th>Factor</th><th>Rating</th><th>Note and sources</th></tr></thead>\n<tbody>",
            escape(&theme.title)
        );
        for f in a.factors.iter().filter(|f| f.theme == theme.id) {
            let rating = if f.applies {
                f.rating.map_or("unknown", |r| r.as_str())
            } else {
                RULED_OUT
            };
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
                "<tr><td>{}<br><span class=\"small\">{}, {}; {}</span></td><td>{}</td><td>{}</td></tr>",
                escape(&f.title),
                escape(&f.id),
                f.polarity,
                escape(&f.citation.to_string()),
                rating,
                cell
            );
        }
        o.push_str("</tbody></table>\n");
    }
    o.push_str("</body>\n</html>\n");
    o
}
