//! A trend as a standalone SVG line chart (feature `svg`; no dependency).
//!
//! One panel per dimension and one for the overall score: the score from
//! 0 to 100 upwards, the assessments left to right in date order, evenly
//! spaced, each point a circle labelled with its score and level. 800
//! pixels wide, fonts of at least 11 pixels, black and greys only, so that
//! it prints in greyscale. Deterministic; all text escaped for XML; every
//! point carries `class="point"` and `data-score`, each panel a `data-id`.

use std::fmt::Write as _;

use super::chart::esc;
use crate::analysis::Trend;

const WIDTH: f64 = 800.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 40.0;
const PANEL: f64 = 150.0;
const PLOT: f64 = 100.0;

/// Room kept at each end of the axis for the first and last labels.
const INSET: f64 = 70.0;

/// The x position of point `i` of `n`.
fn x_of(i: usize, n: usize) -> f64 {
    let span = WIDTH - LEFT - RIGHT - 2.0 * INSET;
    if n <= 1 {
        LEFT + INSET + span / 2.0
    } else {
        LEFT + INSET + span * i as f64 / (n - 1) as f64
    }
}

/// One panel: a title, the axis at 0, 50 and 100, the line and its points.
fn panel(b: &mut String, id: &str, top: f64, points: &[(Option<&str>, f64, &str)]) {
    let base = top + 24.0 + PLOT;
    let y_of = |s: f64| base - s.clamp(0.0, 100.0) / 100.0 * PLOT;
    let _ = writeln!(b, "<g class=\"panel\" data-id=\"{}\">", esc(id));
    let _ = writeln!(
        b,
        "<text x=\"{LEFT}\" y=\"{:.1}\" font-size=\"14\" font-weight=\"bold\">{}</text>",
        top + 14.0,
        esc(id)
    );
    for tick in [0.0, 50.0, 100.0] {
        let y = y_of(tick);
        let _ = writeln!(
            b,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#d9d9d9\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555555\">{tick:.0}</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            y + 4.0
        );
    }
    let n = points.len();
    let line: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{:.1},{:.1}", x_of(i, n), y_of(p.1)))
        .collect();
    if n > 1 {
        let _ = writeln!(
            b,
            "<polyline class=\"line\" points=\"{}\" fill=\"none\" stroke=\"#000000\" stroke-width=\"2\"/>",
            line.join(" ")
        );
    }
    for (i, (date, score, level)) in points.iter().enumerate() {
        let (x, y) = (x_of(i, n), y_of(*score));
        let _ = writeln!(
            b,
            "<circle class=\"point\" data-score=\"{score:.1}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"#000000\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\">{score:.1} {}</text>\
             <text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555555\">{}</text>",
            y - 8.0,
            esc(level),
            base + 16.0,
            esc(date.unwrap_or("undated"))
        );
    }
    let _ = writeln!(b, "</g>");
}

/// A trend (see [`crate::analysis::trend`]) as a standalone SVG document.
pub(super) fn svg(t: &Trend) -> String {
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<text x=\"{LEFT}\" y=\"26\" font-size=\"18\" font-weight=\"bold\">Trend: {}</text>",
        esc(&t.mission)
    );
    let mut top = 40.0;
    let overall: Vec<(Option<&str>, f64, &str)> = t
        .overall
        .iter()
        .map(|p| (p.date.as_deref(), p.score, p.verdict.as_str()))
        .collect();
    panel(&mut b, "overall", top, &overall);
    top += PANEL;
    for d in &t.dimensions {
        let points: Vec<(Option<&str>, f64, &str)> = d
            .points
            .iter()
            .map(|p| (p.date.as_deref(), p.score, p.level.as_str()))
            .collect();
        panel(&mut b, &d.id, top, &points);
        top += PANEL;
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{top:.0}\" \
         viewBox=\"0 0 {WIDTH} {top:.0}\" font-family=\"sans-serif\" role=\"img\">\n\
         <title>Trend: {}</title>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n{b}</svg>\n",
        esc(&t.mission)
    )
}
