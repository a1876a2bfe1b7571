//! A chart of an assessment for reports, as a standalone SVG document
//! (feature `svg`, on by default; no dependency).
//!
//! The chart draws what the text report draws in ASCII: per dimension the
//! spectrum from 0 to 100 split into level bands at the thresholds, the
//! score range, the point score (the middle of the range: unrated factors
//! count at the middle of the scale) and the target level's threshold,
//! with a caption that gives the level, the target, the verdict, why there
//! is no verdict and why the result is provisional, in the words of the
//! Markdown report; then the theme scores as bars, a key, and the legend of
//! the verdicts that every report of an assessment carries. It is 800
//! pixels wide, as tall as its content needs, uses fonts of at least 11
//! pixels, and tells its marks apart by shade, shape and label, not by
//! colour alone, so that it prints in greyscale.
//!
//! The output is deterministic (the same input gives the same bytes), all
//! text is escaped for XML, and numbers carry at most one decimal.
//!
//! Positions follow one formula: a score `s` on the spectrum or a theme bar
//! is drawn at `x = 40 + s / 100 * 720`. Elements carry `class` attributes
//! (`dimension`, `band`, `level-band`, `range-bar`, `score-marker`,
//! `target-marker`, `dimension-title`, `dimension-numbers` (on a line of
//! their own when the title is long), `caption`, `theme`, `theme-bar`,
//! `no-evidence`, `overall-note`, `verdict-legend`) and groups a `data-id`
//! (dimensions also a `data-verdict`), for styling and for tools that read
//! the chart back.
//!
//! ```
//! use integration_readiness::{assess, report, Mission, Rulebook};
//! use integration_readiness::report::Format;
//!
//! let rb = Rulebook::oslo_2007();
//! let mission = Mission::builder(&rb).name("Empty mission").build()?;
//! let svg = report::render(&assess(&mission), Format::Svg)?;
//! assert!(svg.starts_with("<svg"));
//! assert!(svg.contains("no evidence"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use super::fmt::{chars, lines, pct};
use std::fmt::Write as _;

use super::assessment;
use crate::assess::{Assessment, DimensionResult, ThemeResult};
use crate::rulebook::Rulebook;

/// Width of the chart in pixels.
const WIDTH: f64 = 800.0;
/// Left edge of the spectrum, the theme bars and the text.
const LEFT: f64 = 40.0;
/// Width of the spectrum (scores 0 to 100) and of the theme bars.
const SPAN: f64 = 720.0;
/// Height of a dimension's band.
const BAND_H: f64 = 40.0;
/// Height of a theme's bar.
const THEME_H: f64 = 14.0;

/// Light shades of the level bands, alternating.
const SHADES: [&str; 2] = ["#f2f2f2", "#d9d9d9"];
/// The score range: a mid tone, between the bands and the marks.
pub(super) const RANGE_FILL: &str = "#5b7fae";
/// The theme bars: a darker tone.
const THEME_FILL: &str = "#3f5f8a";
/// The target marker: dark, and dashed.
pub(super) const TARGET_STROKE: &str = "#a0002a";
/// Outlines and secondary text.
pub(super) const GREY: &str = "#555555";

/// Average glyph width of the sans-serif font, in ems: an estimate, used
/// only to wrap and shorten text.
pub(super) const GLYPH: f64 = 0.56;
/// The same for bold text.
pub(super) const GLYPH_BOLD: f64 = 0.62;

/// Renders the chart of an assessment as an SVG document: what
/// [`render`](super::render) gives for [`Format::Svg`](super::Format::Svg).
///
/// The rulebook is the one the assessment was made with: it gives the
/// spectrum's levels and thresholds. The document is standalone (with the
/// SVG namespace), ends with a newline, and can be saved as a `.svg` file
/// or put inline in HTML.
pub(crate) fn svg(assessment: &Assessment) -> String {
    let rulebook = &assessment.made_with;
    let a = assessment;
    let mut b = String::new();
    let mut y = 0.0;

    // Title, where the rulebook was applied, and the overall result.
    let mut heading = String::from("Integration readiness: ");
    heading.push_str(&a.mission.name);
    for line in wrap(&heading, SPAN, 18.0 * GLYPH_BOLD) {
        y += 24.0;
        text(
            &mut b,
            "title",
            LEFT,
            y + 6.0,
            18.0,
            "font-weight=\"bold\"",
            &line,
        );
    }
    y += 6.0;
    let r = &a.rulebook;
    let meta = match &a.mission.date {
        Some(date) => format!(
            "Assessed {date}, rulebook {} {} ({})",
            r.id, r.version, r.fingerprint
        ),
        None => format!("Rulebook {} {} ({})", r.id, r.version, r.fingerprint),
    };
    for line in wrap(&meta, SPAN, 12.0 * GLYPH) {
        y += 18.0;
        text(&mut b, "meta", LEFT, y + 6.0, 12.0, &fill(GREY), &line);
    }
    y += 22.0;
    let o = &a.overall;
    let _ = writeln!(
        b,
        "<text class=\"subtitle\" x=\"{}\" y=\"{}\" font-size=\"14\">Overall score <tspan font-weight=\"bold\">{}</tspan>{}, evidence coverage {}, verdict <tspan font-weight=\"bold\">{}</tspan>{}</text>",
        num(LEFT),
        num(y + 6.0),
        one(o.score),
        range(o.score_range),
        pct(o.coverage),
        esc(o.verdict.as_str()),
        if o.provisional { " (provisional)" } else { "" }
    );
    y += 18.0;
    // Why there is no overall verdict, in the words the reports lead with.
    if let Some(why) = &o.undetermined {
        for line in wrap(&format!("No verdict: {why}."), SPAN, 13.0 * GLYPH) {
            y += 17.0;
            text(&mut b, "overall-note", LEFT, y + 2.0, 13.0, "", &line);
        }
        y += 4.0;
    }

    y = legend(&mut b, y);
    y += 6.0;
    for line in wrap(&assessment::legend(), SPAN, 12.0 * GLYPH) {
        y += 16.0;
        text(&mut b, "verdict-legend", LEFT, y, 12.0, &fill(GREY), &line);
    }

    // Dimensions.
    y += 34.0;
    text(
        &mut b,
        "section",
        LEFT,
        y,
        15.0,
        "font-weight=\"bold\"",
        "Dimensions of coherence: place on the integration spectrum (score 0–100)",
    );
    y += 8.0;
    for (i, dim) in a.dimensions.iter().enumerate() {
        let d = rulebook.dimension_index(&dim.id).unwrap_or(i);
        y = dimension(&mut b, rulebook, d, dim, y);
    }

    // Themes.
    y += 26.0;
    text(
        &mut b,
        "section",
        LEFT,
        y,
        15.0,
        "font-weight=\"bold\"",
        "Themes (0–100): unrated factors count at the middle of the scale",
    );
    y += 8.0;
    for t in &a.themes {
        y = theme(&mut b, t, y);
    }
    y += 20.0;

    let height = y.ceil();
    let mut out = String::with_capacity(b.len() + 1024);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"ir-title\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">",
        w = num(WIDTH),
        h = num(height)
    );
    let _ = writeln!(out, "<title id=\"ir-title\">{}</title>", esc(&heading));
    out.push_str(
        "<defs>\n<pattern id=\"ir-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8c8c8c\" stroke-width=\"2\"/></pattern>\n</defs>\n",
    );
    let _ = writeln!(
        out,
        "<rect class=\"background\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        num(WIDTH),
        num(height)
    );
    out.push_str(&b);
    out.push_str("</svg>\n");
    out
}

/// The key, in two columns of three rows; returns the new `y`.
fn legend(b: &mut String, y: f64) -> f64 {
    let top = y + 12.0;
    let row = 22.0;
    let _ = writeln!(
        b,
        "<g class=\"legend\">\n<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#bbbbbb\"/>",
        num(LEFT),
        num(top),
        num(SPAN),
        num(3.0 * row + 12.0)
    );
    let col = [LEFT + 12.0, LEFT + SPAN / 2.0 + 12.0];
    for (k, label) in [
        "level bands, split at the level thresholds",
        "score range: unknown evidence at worst to best",
        "point score, the middle of the range",
        "target: threshold of the target level",
        "theme score",
        "theme without evidence",
    ]
    .into_iter()
    .enumerate()
    {
        let x = col[k % 2];
        let cy = top + 6.0 + row * (k / 2) as f64 + row / 2.0;
        match k {
            0 => {
                for (j, shade) in SHADES.iter().enumerate() {
                    let _ = writeln!(
                        b,
                        "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{shade}\" stroke=\"{GREY}\" stroke-width=\"0.5\"/>",
                        num(x + 14.0 * j as f64),
                        num(cy - 7.0)
                    );
                }
            }
            1 => {
                let _ = writeln!(
                    b,
                    "<rect x=\"{}\" y=\"{}\" width=\"28\" height=\"12\" fill=\"{RANGE_FILL}\"/>",
                    num(x),
                    num(cy - 6.0)
                );
            }
            2 => score_marker(b, x + 14.0, cy),
            3 => {
                let _ = writeln!(
                    b,
                    "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{TARGET_STROKE}\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>",
                    num(cy - 9.0),
                    num(cy + 9.0),
                    x = num(x + 14.0)
                );
            }
            4 => {
                let _ = writeln!(
                    b,
                    "<rect x=\"{}\" y=\"{}\" width=\"28\" height=\"{}\" fill=\"{THEME_FILL}\"/>",
                    num(x),
                    num(cy - THEME_H / 2.0),
                    num(THEME_H)
                );
            }
            _ => {
                let _ = writeln!(
                    b,
                    "<rect x=\"{}\" y=\"{}\" width=\"28\" height=\"{}\" fill=\"url(#ir-hatch)\" stroke=\"{GREY}\" stroke-width=\"0.5\"/>",
                    num(x),
                    num(cy - THEME_H / 2.0),
                    num(THEME_H)
                );
            }
        }
        text(b, "legend-label", x + 38.0, cy + 4.0, 12.0, "", label);
    }
    b.push_str("</g>\n");
    top + 3.0 * row + 12.0
}

/// The filled circle that marks a point score.
fn score_marker(b: &mut String, cx: f64, cy: f64) {
    let _ = writeln!(
        b,
        "<circle class=\"score-marker\" cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"2\"/>",
        num(cx),
        num(cy)
    );
}

/// One dimension's group, starting at `y0`; returns the new `y`.
fn dimension(b: &mut String, rb: &Rulebook, d: usize, dim: &DimensionResult, y0: f64) -> f64 {
    let y0 = y0 + 16.0;
    let levels = rb.levels();
    let _ = writeln!(
        b,
        "<g class=\"dimension\" data-id=\"{}\" data-verdict=\"{}\">",
        esc(&dim.id),
        dim.verdict.as_str()
    );

    // Title line: the dimension and its numbers.
    let numbers = format!(
        "score {}{}, evidence coverage {}{}",
        one(dim.score),
        range(dim.score_range),
        pct(dim.coverage),
        if dim.no_evidence {
            " (no evidence yet)"
        } else {
            ""
        }
    );
    let room = SPAN - width(&numbers, 13.0 * GLYPH) - 16.0;
    let mut y0 = y0;
    if width(&dim.title, 13.0 * GLYPH_BOLD) <= room {
        let _ = writeln!(
            b,
            "<text class=\"dimension-title\" x=\"{}\" y=\"{}\" font-size=\"13\"><tspan font-weight=\"bold\">{}</tspan>   {}</text>",
            num(LEFT),
            num(y0 + 14.0),
            esc(&dim.title),
            esc(&numbers)
        );
    } else {
        // A long title keeps its line; the numbers go on the next.
        let _ = writeln!(
            b,
            "<text class=\"dimension-title\" x=\"{}\" y=\"{}\" font-size=\"13\"><tspan font-weight=\"bold\">{}</tspan></text>",
            num(LEFT),
            num(y0 + 14.0),
            esc(&fit(&dim.title, SPAN, 13.0 * GLYPH_BOLD))
        );
        y0 += 16.0;
        text(b, "dimension-numbers", LEFT, y0 + 14.0, 13.0, "", &numbers);
    }

    // The band: one shade per level, between its threshold and the next.
    let top = y0 + 38.0;
    let n = levels.len();
    for (l, level) in levels.iter().enumerate() {
        let from = x_of(rb.threshold_at(l, d));
        let to = if l + 1 < n {
            x_of(rb.threshold_at(l + 1, d))
        } else {
            LEFT + SPAN
        };
        let w = (to - from).max(0.0);
        let _ = writeln!(
            b,
            "<rect class=\"level-band\" data-level=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
            esc(&level.id),
            num(from),
            num(top),
            num(w),
            num(BAND_H),
            SHADES[l % 2]
        );
        let reached = l == dim.level_index[0];
        let glyph = 11.0 * if reached { GLYPH_BOLD } else { GLYPH };
        let label = fit(&level.id, w - 6.0, glyph);
        if !label.is_empty() {
            let weight = if reached { " font-weight=\"bold\"" } else { "" };
            let _ = writeln!(
                b,
                "<text class=\"level-label\" x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333333\"{weight}>{}</text>",
                num(from + w / 2.0),
                num(top + 14.0),
                esc(&label)
            );
        }
    }
    let _ = writeln!(
        b,
        "<rect class=\"band\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{GREY}\"/>",
        num(LEFT),
        num(top),
        num(SPAN),
        num(BAND_H)
    );

    // The score range and the point score.
    let (lo, hi) = (x_of(dim.score_range[0]), x_of(dim.score_range[1]));
    let _ = writeln!(
        b,
        "<rect class=\"range-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"{RANGE_FILL}\"/>",
        num(lo),
        num(top + 20.0),
        num((hi - lo).max(0.0))
    );

    // The target: a dashed line at its level's threshold, labelled above.
    let t = dim.target_detail.level_index;
    let tx = x_of(rb.threshold_at(t, d));
    let _ = writeln!(
        b,
        "<line class=\"target-marker\" data-level=\"{}\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{TARGET_STROKE}\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>",
        esc(&dim.target),
        num(top - 4.0),
        num(top + BAND_H + 6.0),
        x = num(tx)
    );
    let anchor = if tx < LEFT + 20.0 {
        "start"
    } else if tx > LEFT + SPAN - 20.0 {
        "end"
    } else {
        "middle"
    };
    let _ = writeln!(
        b,
        "<text class=\"target-label\" x=\"{}\" y=\"{}\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"{anchor}\" fill=\"{TARGET_STROKE}\">target</text>",
        num(tx),
        num(top - 6.0)
    );
    score_marker(b, x_of(dim.score), top + 26.0);

    // Threshold values under the band, skipping any too close to the last.
    let mut last = f64::NEG_INFINITY;
    let mut marks: Vec<f64> = (0..n).map(|l| rb.threshold_at(l, d)).collect();
    marks.push(100.0);
    for v in marks {
        let x = x_of(v);
        if x - last < 24.0 && x < LEFT + SPAN {
            continue;
        }
        let anchor = if x <= LEFT {
            "start"
        } else if x >= LEFT + SPAN {
            "end"
        } else {
            "middle"
        };
        let _ = writeln!(
            b,
            "<text class=\"threshold-label\" x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"{GREY}\">{}</text>",
            num(x),
            num(top + BAND_H + 17.0),
            num(v.clamp(0.0, 100.0))
        );
        last = x;
    }

    // Caption, the verdict in bold.
    let mut caption = format!("level {}", clean(&dim.level));
    if dim.level_range[0] != dim.level_range[1] {
        let _ = write!(
            caption,
            " (range {}–{})",
            clean(&dim.level_range[0]),
            clean(&dim.level_range[1])
        );
    }
    let _ = write!(
        caption,
        ", target {}, verdict {BOLD_ON}{}{BOLD_OFF}.",
        clean(&target_words(dim)),
        dim.verdict.as_str()
    );
    // Why there is no verdict and why the result is provisional, in the
    // words of the Markdown report.
    if let Some(why) = &dim.undetermined {
        let _ = write!(caption, " No verdict: {}.", clean(&why.to_string()));
    }
    for cause in &dim.provisional_because {
        let _ = write!(caption, " Provisional: {}.", clean(&cause.to_string()));
    }
    if dim.provisional && dim.provisional_because.is_empty() {
        caption.push_str(" Provisional.");
    }
    let mut y = top + BAND_H + 36.0;
    let mut bold = false;
    for line in wrap(&caption, SPAN, 12.0 * GLYPH) {
        let _ = writeln!(
            b,
            "<text class=\"caption\" x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>",
            num(LEFT),
            num(y),
            rich(&line, &mut bold)
        );
        y += 16.0;
    }
    b.push_str("</g>\n");
    y - 4.0
}

/// The target of a dimension as the Markdown table gives it: the level, or
/// the range of levels the missing context keys allow.
fn target_words(dim: &DimensionResult) -> String {
    let t = &dim.target_detail;
    if t.range[0] == t.range[1] {
        dim.target.to_string()
    } else {
        format!("{}–{}", t.range[0], t.range[1])
    }
}

/// One theme's group, starting at `y0`; returns the new `y`.
fn theme(b: &mut String, t: &ThemeResult, y0: f64) -> f64 {
    let y0 = y0 + 10.0;
    let _ = writeln!(b, "<g class=\"theme\" data-id=\"{}\">", esc(&t.id));
    let value = match t.score {
        Some(s) => format!("{} (evidence coverage {})", one(s), pct(t.coverage)),
        None => "no evidence".to_owned(),
    };
    let room = SPAN - width(&value, 12.0 * GLYPH) - 16.0;
    text(
        b,
        "theme-label",
        LEFT,
        y0 + 12.0,
        12.0,
        "",
        &fit(&t.title, room, 12.0 * GLYPH),
    );
    let class = if t.score.is_some() {
        "theme-value"
    } else {
        "theme-value no-evidence"
    };
    let _ = writeln!(
        b,
        "<text class=\"{class}\" x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
        num(LEFT + SPAN),
        num(y0 + 12.0),
        esc(&value)
    );
    let top = y0 + 18.0;
    let track_fill = if t.score.is_some() {
        SHADES[0]
    } else {
        "url(#ir-hatch)"
    };
    let _ = writeln!(
        b,
        "<rect class=\"theme-track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{track_fill}\" stroke=\"{GREY}\" stroke-width=\"0.5\"/>",
        num(LEFT),
        num(top),
        num(SPAN),
        num(THEME_H)
    );
    if let Some(s) = t.score {
        let _ = writeln!(
            b,
            "<rect class=\"theme-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{THEME_FILL}\"/>",
            num(LEFT),
            num(top),
            num(x_of(s) - LEFT),
            num(THEME_H)
        );
    }
    b.push_str("</g>\n");
    top + THEME_H
}

/// A `<text>` element with escaped content.
fn text(b: &mut String, class: &str, x: f64, y: f64, size: f64, attrs: &str, content: &str) {
    let sep = if attrs.is_empty() { "" } else { " " };
    let _ = writeln!(
        b,
        "<text class=\"{class}\" x=\"{}\" y=\"{}\" font-size=\"{}\"{sep}{attrs}>{}</text>",
        num(x),
        num(y),
        num(size),
        esc(content)
    );
}

/// Marks the start and the end of bold text in a string given to [`rich`];
/// [`clean`] keeps them out of the input.
const BOLD_ON: char = '\u{1}';
/// See [`BOLD_ON`].
const BOLD_OFF: char = '\u{2}';

/// `s` without the characters that XML 1.0 does not allow (nor, so, the
/// bold marks).
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// One line of text with bold marks, escaped, the marks turned into
/// `<tspan>`s; `bold` carries a bold run over to the next line.
fn rich(line: &str, bold: &mut bool) -> String {
    const OPEN: &str = "<tspan font-weight=\"bold\">";
    let mut o = String::new();
    if *bold {
        o.push_str(OPEN);
    }
    let mut plain = String::new();
    for c in line.chars() {
        match c {
            BOLD_ON | BOLD_OFF => {
                o.push_str(&esc(&std::mem::take(&mut plain)));
                if c == BOLD_ON && !*bold {
                    o.push_str(OPEN);
                    *bold = true;
                } else if c == BOLD_OFF && *bold {
                    o.push_str("</tspan>");
                    *bold = false;
                }
            }
            c => plain.push(c),
        }
    }
    o.push_str(&esc(&plain));
    if *bold {
        o.push_str("</tspan>");
    }
    o
}

/// " (range A–B)", or nothing when the two ends show the same number.
fn range([lo, hi]: [f64; 2]) -> String {
    let (lo, hi) = (one(lo), one(hi));
    if lo == hi {
        String::new()
    } else {
        format!(" (range {lo}–{hi})")
    }
}

fn fill(colour: &str) -> String {
    format!("fill=\"{colour}\"")
}

/// The x position of a score on the spectrum (clamped to 0..100).
fn x_of(score: f64) -> f64 {
    let s = if score.is_nan() {
        0.0
    } else {
        score.clamp(0.0, 100.0)
    };
    LEFT + s / 100.0 * SPAN
}

/// A number for an attribute: at most one decimal, no trailing `.0`.
pub(super) fn num(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{:.1}", (x * 10.0).round() / 10.0);
    let s = s.strip_suffix(".0").map_or(s.clone(), str::to_owned);
    if s == "-0" { "0".to_owned() } else { s }
}

/// A score for people: one decimal.
pub(super) fn one(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{x:.1}");
    if s == "-0.0" { "0.0".to_owned() } else { s }
}

/// Escapes text for XML content and attributes, and replaces characters
/// XML 1.0 does not allow.
pub(super) fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c => o.push(c),
        }
    }
    clean(&o)
}

/// The estimated width of `s` with glyphs `glyph` pixels wide.
pub(super) fn width(s: &str, glyph: f64) -> f64 {
    s.chars().count() as f64 * glyph
}

/// `s`, shortened with an ellipsis to fit `room` pixels; empty if not even
/// two characters fit.
pub(super) fn fit(s: &str, room: f64, glyph: f64) -> String {
    if width(s, glyph) <= room {
        return s.to_owned();
    }
    let keep = (room / glyph).floor() as usize;
    if keep < 3 {
        return String::new();
    }
    let mut o: String = s.chars().take(keep - 1).collect();
    o.truncate(o.trim_end().len());
    o.push('…');
    o
}

/// `s` in lines that fit `room` pixels, broken at spaces (a word too long
/// for a line is shortened); one empty line for empty text.
pub(super) fn wrap(s: &str, room: f64, glyph: f64) -> Vec<String> {
    let max = ((room / glyph).floor() as usize).max(4);
    let words = s.split_whitespace().map(|word| {
        if word.chars().count() > max {
            Cow::Owned(fit(word, room, glyph))
        } else {
            Cow::Borrowed(word)
        }
    });
    let mut out = lines(words, max, chars);
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_at_most_one_decimal() {
        assert_eq!(num(40.0), "40");
        assert_eq!(num(544.04), "544");
        assert_eq!(num(123.45678), "123.5");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(one(62.25), "62.2");
        assert_eq!(one(-0.0), "0.0");
    }

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(esc("<&>\"'"), "&lt;&amp;&gt;&quot;&apos;");
        assert_eq!(esc("a\u{1}b\tc"), "a\u{FFFD}b c");
    }

    #[test]
    fn bold_marks_become_balanced_tspans() {
        let mut bold = false;
        let line = format!("verdict {BOLD_ON}<ready>{BOLD_OFF} now");
        assert_eq!(
            rich(&line, &mut bold),
            "verdict <tspan font-weight=\"bold\">&lt;ready&gt;</tspan> now"
        );
        let first = rich(&format!("a {BOLD_ON}b"), &mut bold);
        assert_eq!(first, "a <tspan font-weight=\"bold\">b</tspan>");
        assert_eq!(
            rich(&format!("c{BOLD_OFF} d"), &mut bold),
            "<tspan font-weight=\"bold\">c</tspan> d"
        );
        assert!(!bold);
        assert_eq!(clean("x\u{1}y\u{2}"), "x\u{FFFD}y\u{FFFD}");
    }

    #[test]
    fn equal_range_ends_are_left_out() {
        assert_eq!(range([57.81, 57.83]), "");
        assert_eq!(range([8.0, 87.64]), " (range 8.0–87.6)");
    }

    #[test]
    fn wraps_and_fits() {
        assert_eq!(wrap("aa bb cc", 5.0 * 10.0, 10.0), ["aa bb", "cc"]);
        assert_eq!(wrap("", 50.0, 10.0), [""]);
        assert_eq!(fit("abcdefgh", 5.0 * 10.0, 10.0), "abcd…");
        assert_eq!(fit("abc", 50.0, 10.0), "abc");
        assert_eq!(fit("abcdef", 20.0, 10.0), "");
    }

    #[test]
    fn positions_follow_the_formula() {
        assert_eq!(x_of(0.0), LEFT);
        assert_eq!(x_of(100.0), LEFT + SPAN);
        assert_eq!(x_of(50.0), 400.0);
        assert_eq!(x_of(150.0), LEFT + SPAN);
        assert_eq!(x_of(f64::NAN), LEFT);
    }
}
