//! A panel of assessors as one self-contained HTML page (feature `html`),
//! printable on A4, in the assessment report's style. Every piece of text
//! from the missions (names, notes, files) is escaped.

use std::fmt::Write as _;

use super::fmt::{count, one};
use super::html::{STYLE, escape};
use super::panel::{
    ALPHA_LEGEND, METHOD, agreed, alpha, alpha_reading, disagreement_head, disputed, level_range,
    settled_words, swing, theme_title, verdict_word,
};
use crate::analysis::{GroupAlpha, Panel};

/// The HTML page of a panel: the panel's assessment per dimension, the
/// agreement, the context splits, what to discuss first, each disputed
/// factor with every assessor's rating and note, and the agreed factors.
pub(super) fn report(p: &Panel) -> String {
    let mut o = String::new();
    let title = format!(
        "Panel of {}: {}",
        count(p.assessors.len(), "assessor"),
        p.mission
    );
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{t}</h1>\n",
        t = escape(&title)
    );
    let _ = writeln!(
        o,
        "<p class=\"meta\">{}Made with {}.</p>",
        p.assessment
            .mission
            .date
            .as_deref()
            .map(|d| format!("Assessed {}. ", escape(d)))
            .unwrap_or_default(),
        escape(&p.rulebook.to_string())
    );
    o.push_str(
        "<table>\n<thead><tr><th>#</th><th>Assessor</th><th>File</th></tr></thead>\n<tbody>\n",
    );
    for (i, name) in p.assessors.iter().enumerate() {
        let _ = writeln!(
            o,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            i + 1,
            escape(name),
            escape(p.files.get(i).and_then(Option::as_deref).unwrap_or(""))
        );
    }
    o.push_str("</tbody></table>\n");
    if !p.warnings.is_empty() {
        o.push_str("<ul class=\"warnings\">\n");
        for w in &p.warnings {
            let _ = writeln!(o, "<li>{}</li>", escape(w));
        }
        o.push_str("</ul>\n");
    }

    if !p.context_splits.is_empty() {
        o.push_str("<h2>Context the assessors differ on</h2>\n<p>The panel is not comparing like with like: these keys set the targets. The panel&#39;s assessment leaves them out, and its targets span their values.</p>\n<table>\n<thead><tr><th>Key</th>");
        for name in &p.assessors {
            let _ = write!(o, "<th>{}</th>", escape(name));
        }
        o.push_str("</tr></thead>\n<tbody>\n");
        for s in &p.context_splits {
            let _ = write!(o, "<tr><td>{}</td>", escape(&s.key));
            for v in &s.values {
                let text = v
                    .as_ref()
                    .map_or_else(|| "(left out)".to_owned(), ToString::to_string);
                let _ = write!(o, "<td>{}</td>", escape(&text));
            }
            o.push_str("</tr>\n");
        }
        o.push_str("</tbody></table>\n");
    }

    let _ = writeln!(
        o,
        "<h2>The panel&#39;s assessment</h2>\n<p class=\"small\">{}</p>",
        escape(METHOD)
    );
    o.push_str("<div class=\"wide\"><table class=\"dimensions\">\n<thead><tr><th>Dimension</th><th>Score</th><th>Range</th><th>Level</th><th>Level range</th><th>Verdict</th><th>What the assessors said or left unrated</th></tr></thead>\n<tbody>\n");
    for d in &p.dimensions {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}&ndash;{}</td><td>{}</td><td>{}</td><td><span class=\"verdict {v}\">{v}</span></td><td>{}</td></tr>",
            escape(&d.title),
            one(d.score),
            one(d.score_range[0]),
            one(d.score_range[1]),
            escape(&d.level),
            escape(&level_range(d)),
            escape(&settled_words(d)),
            v = d.verdict.as_str()
        );
    }
    let _ = writeln!(
        o,
        "</tbody></table></div>\n<p>Overall <strong>{}</strong> (range {}&ndash;{}), verdict <span class=\"verdict {v}\">{v}</span>.</p>",
        one(p.overall.score),
        one(p.overall.score_range[0]),
        one(p.overall.score_range[1]),
        v = p.assessment.overall.verdict.as_str()
    );

    let r = &p.reliability;
    let _ = writeln!(
        o,
        "<h2>Agreement</h2>\n<p class=\"small\">{}</p>\n<table>\n<thead><tr><th>Over</th><th>Alpha</th><th>Reading</th></tr></thead>\n<tbody>\n<tr><td><strong>every factor</strong></td><td>{}</td><td>{}</td></tr>",
        escape(ALPHA_LEGEND),
        escape(&alpha(&r.overall)),
        alpha_reading(&r.overall)
    );
    for GroupAlpha { id, alpha: a, .. } in &r.themes {
        let _ = writeln!(
            o,
            "<tr><td>theme: {}</td><td>{}</td><td>{}</td></tr>",
            escape(theme_title(p, id)),
            escape(&alpha(a)),
            alpha_reading(a)
        );
    }
    for GroupAlpha { id, alpha: a, .. } in &r.dimensions {
        let _ = writeln!(
            o,
            "<tr><td>dimension: {}</td><td>{}</td><td>{}</td></tr>",
            escape(id),
            escape(&alpha(a)),
            alpha_reading(a)
        );
    }
    o.push_str("</tbody></table>\n");

    o.push_str("<h2>What to discuss first</h2>\n");
    if p.discuss.is_empty() {
        o.push_str("<p>Nothing: every assessor gave every factor the same rating.</p>\n");
    } else {
        o.push_str("<ol class=\"notes\">\n");
        for d in &p.discuss {
            let swings: Vec<String> = d.swings.iter().map(|s| escape(&swing(s))).collect();
            let _ = writeln!(
                o,
                "<li><strong>{}</strong>{}<br><span class=\"small\">{}</span></li>",
                escape(&disagreement_head(d)),
                if d.changes {
                    ""
                } else {
                    " &mdash; changes no level and no verdict"
                },
                swings.join("; ")
            );
        }
        o.push_str("</ol>\n");
    }

    let disputed = disputed(p);
    if !disputed.is_empty() {
        o.push_str("<h2>The disputed factors</h2>\n");
        for f in disputed {
            let _ = writeln!(
                o,
                "<h3>{} <span class=\"small\">{}: median {}, spread {}</span></h3>\n<table class=\"evidence\">\n<thead><tr><th>Assessor</th><th>Rating</th><th>Note</th></tr></thead>\n<tbody>",
                escape(&f.title),
                escape(&f.id),
                f.median,
                f.spread
            );
            for (i, r) in f.ratings.iter().enumerate() {
                let _ = writeln!(
                    o,
                    "<tr><td>{}</td><td>{}</td><td class=\"note\">{}</td></tr>",
                    escape(p.assessors.get(i).map_or("", |n| n.as_str())),
                    r,
                    escape(f.notes.get(i).and_then(Option::as_deref).unwrap_or(""))
                );
            }
            o.push_str("</tbody></table>\n");
        }
    }

    let agreed = agreed(p);
    if !agreed.is_empty() {
        o.push_str("<h2>Agreed factors</h2>\n<p class=\"small\">Every assessor gave the same rating.</p>\n<table>\n<thead><tr><th>Factor</th><th>Theme</th><th>Rating</th></tr></thead>\n<tbody>\n");
        for f in agreed {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&f.title),
                escape(theme_title(p, &f.theme)),
                f.median
            );
        }
        o.push_str("</tbody></table>\n");
    }
    let _ = writeln!(
        o,
        "<p class=\"small\">Verdict at each end of the range: {}.</p>",
        p.dimensions
            .iter()
            .map(|d| format!(
                "{} {} to {}",
                escape(&d.id),
                verdict_word(d.verdict_range[0]),
                verdict_word(d.verdict_range[1])
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    o.push_str("</body>\n</html>\n");
    o
}
