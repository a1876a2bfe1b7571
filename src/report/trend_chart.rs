//! A trend as a standalone SVG line chart (feature `svg`; no dependency).
//!
//! One panel for the overall score and one per dimension, each titled
//! with the dimension's title. Time runs left to right and is to scale:
//! every assessment is placed by its distance in days from the first, so
//! that a gap of a year looks twice as long as one of six months, with
//! date ticks (days, months or years, whichever gives at most six) under
//! each panel. The score runs from 0 to 100 upwards. On each dimension's
//! panel the level thresholds are dashed grey lines labelled with their
//! level at the right; the target of each assessment is a dashed red line
//! at its level's threshold, held until the next dated assessment, and
//! where the missing context leaves the target open, a hatched red band
//! spans the thresholds of the lowest and highest targets. Each point carries its score range (what the unrated
//! factors leave open: all at their worst to all at their best) as a bar,
//! joined from date to date into a light band, and a label with its score
//! and level (its verdict on the overall panel).
//!
//! Geometry, for tools that read the chart back: each panel's plot area
//! is the `rect` of class `plot` (`x`, `y`, `width`, `height`). A score
//! `s` is drawn at `y + height - s / 100 * height`. The time axis runs
//! from `x0 = x + 36` to `x1 = x + width - 36`: an assessment `d` days
//! after the first dated one, the last being `D` days after it, is drawn
//! at `x0 + d / D * (x1 - x0)`, and at `(x0 + x1) / 2` when every dated
//! assessment has the same date. Undated assessments come first (in the
//! order given) in a zone of their own at the left of the plot, 96 pixels
//! each and at most half the plot, set apart by a dashed line and not
//! joined to the others: `x0` then moves right by the zone's width, and
//! the chart says so under its title. When no assessment is dated they
//! are spread evenly over the whole plot.
//!
//! Every point is a `circle` of class `point` with `data-score` and
//! `data-date`; its bar a `rect` of class `range` with `data-low` and
//! `data-high`; a threshold a `line` of class `threshold` with
//! `data-level` and `data-threshold`, and its label a `text` of class
//! `threshold-label`; a target a `line` of class `target` with
//! `data-level`, and an open target a `rect` of class `target-range` with
//! `data-low` and `data-high`; each panel a `g` of class `panel` with a
//! `data-id`. 800 pixels wide, fonts of at least 11 pixels, marks told
//! apart by shade, dash and shape, so that it prints in greyscale.
//! Deterministic; all text escaped for XML.

use std::fmt::Write as _;

use super::chart::{
    GLYPH, GLYPH_BOLD, GREY, RANGE_FILL, TARGET_STROKE, esc, num, one, width, wrap,
};
use crate::analysis::Trend;
use crate::rulebook::Rulebook;

const WIDTH: f64 = 800.0;
/// Left edge of each panel's plot area (the score axis is labelled to its
/// left).
const LEFT: f64 = 56.0;
/// Right edge of the plot area; the level labels sit to its right.
const RIGHT: f64 = 660.0;
/// Height of the plot area: the scores from 0 to 100.
const PLOT_H: f64 = 160.0;
/// Room at each end of the time axis, inside the plot area.
const INSET: f64 = 36.0;
/// Width of the zone of one undated assessment: room for its label.
const UNDATED_STEP: f64 = 96.0;
/// How far a target mark reaches before the first dated assessment, after
/// the last, and on both sides of an undated one.
const HALF: f64 = 20.0;
/// Width of a score range's bar.
const BAR: f64 = 10.0;
/// The most date ticks under a panel.
const MAX_TICKS: usize = 6;
/// The band that joins the score ranges from date to date.
const AREA_FILL: &str = "#dce4ef";
/// The threshold lines.
const THRESHOLD_STROKE: &str = "#7a7a7a";
/// The faint grid.
const GRID: &str = "#e6e6e6";
/// Text kept readable over lines: a white outline painted under it.
const HALO: &str = "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"";

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Days since 1970-01-01 of a date written `YYYY-MM-DD` (the proleptic
/// Gregorian calendar); `None` for anything else.
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let digits = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
    if !(digits(y) && digits(m) && digits(d)) {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Days since 1970-01-01 of a year, month (1 to 12) and day.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The year, month (1 to 12) and day of a day number.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// The time axis shared by every panel.
struct Axis {
    /// Width of the zone of undated assessments at the left.
    undated_w: f64,
    /// How many assessments are undated.
    undated: usize,
    /// The first and last dated day, if any is dated.
    days: Option<(i64, i64)>,
}

impl Axis {
    fn new(dates: &[Option<&str>]) -> Axis {
        let known: Vec<i64> = dates
            .iter()
            .filter_map(|d| d.and_then(day_number))
            .collect();
        let undated = dates.len() - known.len();
        let days = known.iter().min().copied().zip(known.iter().max().copied());
        let undated_w = match (undated, days) {
            (0, _) => 0.0,
            (_, None) => RIGHT - LEFT,
            (k, Some(_)) => (UNDATED_STEP * k as f64).min((RIGHT - LEFT) / 2.0),
        };
        Axis {
            undated_w,
            undated,
            days,
        }
    }

    fn x0(&self) -> f64 {
        LEFT + self.undated_w + INSET
    }

    fn x1(&self) -> f64 {
        RIGHT - INSET
    }

    /// Pixels per day; `None` when there is no span of time.
    fn scale(&self) -> Option<f64> {
        let (first, last) = self.days?;
        (last > first).then(|| (self.x1() - self.x0()) / (last - first) as f64)
    }

    fn x_of_day(&self, day: i64) -> f64 {
        match (self.days, self.scale()) {
            (Some((first, _)), Some(k)) => self.x0() + (day - first) as f64 * k,
            _ => (self.x0() + self.x1()) / 2.0,
        }
    }

    /// The x of each date, the undated ones in their zone in turn.
    fn xs(&self, dates: &[Option<&str>]) -> Vec<f64> {
        let k = self.undated.max(1) as f64;
        let mut seen = 0.0;
        dates
            .iter()
            .map(|d| match d.and_then(day_number) {
                Some(day) => self.x_of_day(day),
                None => {
                    seen += 1.0;
                    LEFT + self.undated_w * (seen - 0.5) / k
                }
            })
            .collect()
    }

    /// The date ticks: (x, label), at most [`MAX_TICKS`], on whole days,
    /// months or years within the visible part of the axis.
    fn ticks(&self) -> Vec<(f64, String)> {
        let Some((first, last)) = self.days else {
            return Vec::new();
        };
        let Some(k) = self.scale() else {
            let (y, m, d) = civil_from_days(first);
            return vec![(self.x_of_day(first), day_label(y, m, d))];
        };
        let left = LEFT + self.undated_w + if self.undated > 0 { 24.0 } else { 0.0 };
        let lo = first + ((left - self.x0()) / k).ceil() as i64;
        let hi = last + ((RIGHT - self.x1()) / k).floor() as i64;
        for step in [1, 2, 7, 14] {
            // Weeks start on Mondays (day 4 was one).
            let start = if step == 7 || step == 14 {
                lo + (4 - lo).rem_euclid(step)
            } else {
                lo + (-lo).rem_euclid(step)
            };
            if (hi - start).div_euclid(step) < MAX_TICKS as i64 {
                return (0..)
                    .map(|i| start + i * step)
                    .take_while(|&day| day <= hi)
                    .map(|day| {
                        let (y, m, d) = civil_from_days(day);
                        (self.x_of_day(day), day_label(y, m, d))
                    })
                    .collect();
            }
        }
        let (ly, lm, _) = civil_from_days(lo);
        let (hy, hm, _) = civil_from_days(hi);
        let (from, to) = (ly * 12 + lm - 1, hy * 12 + hm - 1);
        for step in [
            1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000,
        ] {
            let months: Vec<i64> = (from..=to)
                .filter(|mo| mo.rem_euclid(step) == 0)
                .map(|mo| days_from_civil(mo.div_euclid(12), mo.rem_euclid(12) + 1, 1))
                .filter(|day| (lo..=hi).contains(day))
                .take(MAX_TICKS + 1)
                .collect();
            if months.len() <= MAX_TICKS {
                return months
                    .into_iter()
                    .map(|day| {
                        let (y, m, _) = civil_from_days(day);
                        let label = if step >= 12 {
                            format!("{y}")
                        } else {
                            format!("{} {y}", MONTHS[(m - 1) as usize])
                        };
                        (self.x_of_day(day), label)
                    })
                    .collect();
            }
        }
        Vec::new()
    }
}

fn day_label(y: i64, m: i64, d: i64) -> String {
    format!("{d} {} {y}", MONTHS[(m - 1) as usize])
}

/// One point of a panel.
struct Mark<'a> {
    date: Option<&'a str>,
    score: f64,
    range: [f64; 2],
    /// The level reached, or the verdict on the overall panel.
    word: &'a str,
    /// The target level's threshold and the thresholds of the lowest and
    /// highest target the context allows, with their level ids.
    target: Option<Target<'a>>,
}

struct Target<'a> {
    level: &'a str,
    at: f64,
    low: (&'a str, f64),
    high: (&'a str, f64),
}

/// A rectangle a label must not cover.
#[derive(Clone, Copy)]
struct Boxed {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

impl Boxed {
    fn overlaps(&self, o: &Boxed) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// What a panel draws besides its points.
struct Head<'a> {
    id: &'a str,
    title: &'a str,
    caption: String,
    /// The levels and their thresholds on this dimension.
    levels: Vec<(&'a str, f64)>,
}

/// One panel from `top`; returns the top of the next.
fn panel(
    b: &mut String,
    axis: &Axis,
    ticks: &[(f64, String)],
    top: f64,
    head: &Head<'_>,
    marks: &[Mark<'_>],
) -> f64 {
    let pt = top + 46.0;
    let base = pt + PLOT_H;
    let y_of = |s: f64| base - s.clamp(0.0, 100.0) / 100.0 * PLOT_H;
    let _ = writeln!(b, "<g class=\"panel\" data-id=\"{}\">", esc(head.id));
    let _ = writeln!(
        b,
        "<text class=\"panel-title\" x=\"{}\" y=\"{}\" font-size=\"15\" font-weight=\"bold\">{}</text>",
        num(LEFT),
        num(top + 18.0),
        esc(&super::chart::fit(
            head.title,
            WIDTH - 2.0 * LEFT,
            15.0 * GLYPH_BOLD
        ))
    );
    let _ = writeln!(
        b,
        "<text class=\"panel-caption\" x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{GREY}\">{}</text>",
        num(LEFT),
        num(top + 35.0),
        esc(&super::chart::fit(
            &head.caption,
            WIDTH - 2.0 * LEFT,
            12.0 * GLYPH
        ))
    );
    let _ = writeln!(
        b,
        "<rect class=\"plot\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"#bbbbbb\"/>",
        num(LEFT),
        num(pt),
        num(RIGHT - LEFT),
        num(PLOT_H)
    );
    for s in [0.0, 50.0, 100.0] {
        let y = y_of(s);
        let _ = writeln!(
            b,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{GRID}\"/><text class=\"score-tick\" x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\" fill=\"{GREY}\">{s}</text>",
            num(LEFT),
            num(RIGHT),
            num(LEFT - 6.0),
            num(y + 4.0),
            y = num(y)
        );
    }
    // The zone of undated assessments.
    if axis.undated > 0 && axis.days.is_some() {
        let x = LEFT + axis.undated_w;
        let _ = writeln!(
            b,
            "<line class=\"undated-divider\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{GREY}\" stroke-dasharray=\"2 3\"/>\
             <text class=\"undated-label\" x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{GREY}\">undated</text>",
            num(pt),
            num(base + 6.0),
            num(LEFT + axis.undated_w / 2.0),
            num(base + 16.0),
            x = num(x)
        );
    }
    // Date ticks.
    for (x, label) in ticks {
        let _ = writeln!(
            b,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{GRID}\"/><line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{GREY}\"/>\
             <text class=\"date-tick\" x=\"{x}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{GREY}\">{}</text>",
            num(pt),
            num(base),
            num(base),
            num(base + 4.0),
            num(base + 16.0),
            esc(label),
            x = num(*x)
        );
    }
    // Thresholds, labelled at the right, the labels kept 12 pixels apart.
    let mut placed = f64::INFINITY;
    for (l, &(level, at)) in head.levels.iter().enumerate() {
        if !at.is_finite() {
            continue;
        }
        let y = y_of(at);
        if l > 0 {
            let _ = writeln!(
                b,
                "<line class=\"threshold\" data-level=\"{}\" data-threshold=\"{}\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{THRESHOLD_STROKE}\" stroke-dasharray=\"5 3\"/>",
                esc(level),
                num(at),
                num(LEFT),
                num(RIGHT),
                y = num(y)
            );
        }
        let ly = (y + 4.0).min(placed - 12.0);
        placed = ly;
        let _ = writeln!(
            b,
            "<text class=\"threshold-label\" data-level=\"{}\" x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#333333\">{} ({})</text>",
            esc(level),
            num(RIGHT + 6.0),
            num(ly),
            esc(&super::chart::fit(
                level,
                WIDTH - RIGHT - 40.0,
                11.0 * GLYPH
            )),
            num(at)
        );
    }

    let xs = axis.xs(&marks.iter().map(|m| m.date).collect::<Vec<_>>());
    let dated: Vec<usize> = (0..marks.len())
        .filter(|&i| marks[i].date.and_then(day_number).is_some())
        .collect();
    // The ranges joined from date to date.
    if dated.len() > 1 {
        let upper = dated
            .iter()
            .map(|&i| format!("{},{}", num(xs[i]), num(y_of(marks[i].range[1]))));
        let lower = dated
            .iter()
            .rev()
            .map(|&i| format!("{},{}", num(xs[i]), num(y_of(marks[i].range[0]))));
        let _ = writeln!(
            b,
            "<polygon class=\"range-area\" points=\"{}\" fill=\"{AREA_FILL}\"/>",
            upper.chain(lower).collect::<Vec<_>>().join(" ")
        );
    }
    // Targets: each holds from its assessment to the next dated one.
    for (i, m) in marks.iter().enumerate() {
        let Some(t) = &m.target else { continue };
        let pos = dated.iter().position(|&j| j == i);
        let first = pos.is_none_or(|p| p == 0);
        let next = pos.and_then(|p| dated.get(p + 1)).map(|&j| xs[j]);
        let a = if first {
            (xs[i] - HALF).max(LEFT)
        } else {
            xs[i]
        };
        let z = next.unwrap_or((xs[i] + HALF).min(RIGHT));
        if t.low.1 != t.high.1 {
            let (y0, y1) = (y_of(t.high.1), y_of(t.low.1));
            let _ = writeln!(
                b,
                "<rect class=\"target-range\" data-low=\"{}\" data-high=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#trend-hatch)\" stroke=\"{TARGET_STROKE}\" stroke-width=\"0.5\"/>",
                esc(t.low.0),
                esc(t.high.0),
                num(a),
                num(y0),
                num(z - a),
                num(y1 - y0)
            );
        }
        let y = y_of(t.at);
        let _ = writeln!(
            b,
            "<line class=\"target\" data-level=\"{}\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{TARGET_STROKE}\" stroke-width=\"2.5\" stroke-dasharray=\"8 4\"/>",
            esc(t.level),
            num(a),
            num(z),
            y = num(y)
        );
    }
    if dated.len() > 1 {
        let line: Vec<String> = dated
            .iter()
            .map(|&i| format!("{},{}", num(xs[i]), num(y_of(marks[i].score))))
            .collect();
        let _ = writeln!(
            b,
            "<polyline class=\"line\" points=\"{}\" fill=\"none\" stroke=\"#000000\" stroke-width=\"2\"/>",
            line.join(" ")
        );
    }
    // The bars and points, then their labels where they cover nothing.
    let mut taken: Vec<Boxed> = Vec::new();
    for (m, &x) in marks.iter().zip(&xs) {
        let (hi, lo) = (y_of(m.range[1]), y_of(m.range[0]));
        let date = m.date.unwrap_or("undated");
        let _ = writeln!(
            b,
            "<rect class=\"range\" data-low=\"{}\" data-high=\"{}\" x=\"{}\" y=\"{}\" width=\"{BAR}\" height=\"{}\" fill=\"{RANGE_FILL}\" fill-opacity=\"0.6\" stroke=\"{RANGE_FILL}\"/>",
            one(m.range[0]),
            one(m.range[1]),
            num(x - BAR / 2.0),
            num(hi),
            num(lo - hi)
        );
        if m.date.is_some() {
            let _ = writeln!(
                b,
                "<line class=\"date-mark\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#000000\" stroke-width=\"2\"/>",
                num(base - 5.0),
                num(base),
                x = num(x)
            );
        }
        let _ = writeln!(
            b,
            "<circle class=\"point\" data-score=\"{}\" data-date=\"{}\" cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>{}: {} {}, range {}–{}</title></circle>",
            one(m.score),
            esc(date),
            num(x),
            num(y_of(m.score)),
            esc(date),
            one(m.score),
            esc(m.word),
            one(m.range[0]),
            one(m.range[1])
        );
        let sy = y_of(m.score);
        taken.push(Boxed {
            x0: x - 6.0,
            x1: x + 6.0,
            y0: sy - 6.0,
            y1: sy + 6.0,
        });
    }
    for (m, &x) in marks.iter().zip(&xs) {
        let label = format!("{} {}", one(m.score), m.word);
        let w = width(&label, 11.0 * GLYPH);
        let cx = x.clamp(LEFT + w / 2.0 + 2.0, RIGHT - w / 2.0 - 2.0);
        let (hi, lo) = (y_of(m.range[1]), y_of(m.range[0]));
        let sy = y_of(m.score);
        let (top_y, bottom_y) = (hi.min(sy - 5.0), lo.max(sy + 5.0));
        // Centres and baselines: above the bar, below it, further out,
        // then beside the point on either side. A label may cross a bar
        // (its white outline keeps it legible) but not a point or a label.
        let side = w / 2.0 + BAR;
        let candidates = [
            (cx, top_y - 5.0),
            (cx, bottom_y + 14.0),
            (cx, top_y - 19.0),
            (cx, bottom_y + 28.0),
            (x + side, sy + 4.0),
            (x - side, sy + 4.0),
        ];
        let boxed = |(cx, y): (f64, f64)| Boxed {
            x0: cx - w / 2.0,
            x1: cx + w / 2.0,
            y0: y - 10.0,
            y1: y + 2.0,
        };
        let fits = |c: (f64, f64)| {
            let bx = boxed(c);
            bx.y0 >= pt
                && bx.y1 <= base
                && bx.x0 >= LEFT
                && bx.x1 <= RIGHT
                && !taken.iter().any(|t| t.overlaps(&bx))
        };
        let (cx, y) = candidates
            .into_iter()
            .find(|&c| fits(c))
            .unwrap_or((cx, candidates[0].1.clamp(pt + 10.0, base - 2.0)));
        taken.push(boxed((cx, y)));
        let _ = writeln!(
            b,
            "<text class=\"point-label\" x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" {HALO}>{}</text>",
            num(cx),
            num(y),
            esc(&label)
        );
    }
    let _ = writeln!(b, "</g>");
    base + 34.0
}

/// The key: the marks and what they mean, in rows; returns the new `y`.
fn legend(b: &mut String, y: f64) -> f64 {
    let items = [
        "score",
        "level threshold",
        "target level",
        "score range: unrated factors at worst and best",
        "target range: context not given",
    ];
    let mut x = LEFT;
    let mut cy = y + 10.0;
    let _ = writeln!(b, "<g class=\"legend\">");
    for (k, label) in items.into_iter().enumerate() {
        let w = 30.0 + width(label, 12.0 * GLYPH) + 18.0;
        if x + w > WIDTH - 20.0 {
            x = LEFT;
            cy += 20.0;
        }
        let _ = match k {
            0 => writeln!(
                b,
                "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"#000000\"/>",
                num(x + 11.0),
                num(cy)
            ),
            3 => writeln!(
                b,
                "<rect x=\"{}\" y=\"{}\" width=\"{BAR}\" height=\"16\" fill=\"{RANGE_FILL}\" fill-opacity=\"0.6\" stroke=\"{RANGE_FILL}\"/>",
                num(x + 6.0),
                num(cy - 8.0)
            ),
            1 => writeln!(
                b,
                "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{THRESHOLD_STROKE}\" stroke-dasharray=\"5 3\"/>",
                num(x),
                num(x + 22.0),
                y = num(cy)
            ),
            2 => writeln!(
                b,
                "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{TARGET_STROKE}\" stroke-width=\"2.5\" stroke-dasharray=\"8 4\"/>",
                num(x),
                num(x + 22.0),
                y = num(cy)
            ),
            _ => writeln!(
                b,
                "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"14\" fill=\"url(#trend-hatch)\" stroke=\"{TARGET_STROKE}\" stroke-width=\"0.5\"/>",
                num(x),
                num(cy - 7.0)
            ),
        };
        let _ = writeln!(
            b,
            "<text class=\"legend-label\" x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>",
            num(x + 30.0),
            num(cy + 4.0),
            esc(label)
        );
        x += w;
    }
    b.push_str("</g>\n");
    cy + 12.0
}

/// The chart's title: a comparison of two dates, or a trend over several.
fn title(t: &Trend, dates: &[Option<&str>]) -> String {
    let word = |d: Option<&str>| d.unwrap_or("undated").to_owned();
    let known: Vec<&str> = dates.iter().flatten().copied().collect();
    match dates {
        [] => format!("Trend: {}", t.mission),
        [one] => format!("One assessment, {}: {}", word(*one), t.mission),
        [a, z] => format!("Comparison of {} and {}: {}", word(*a), word(*z), t.mission),
        _ => match (known.first(), known.last()) {
            (Some(a), Some(z)) => format!(
                "Trend, {a} to {z} ({} assessments): {}",
                dates.len(),
                t.mission
            ),
            _ => format!(
                "Trend over {} undated assessments: {}",
                dates.len(),
                t.mission
            ),
        },
    }
}

/// What the time axis shows, in a sentence.
fn axis_note(axis: &Axis, dates: &[Option<&str>]) -> String {
    let mut note = match axis.days {
        None if dates.is_empty() => "No assessment.".to_owned(),
        None => "No assessment is dated: they are spread evenly in the order given.".to_owned(),
        Some((first, last)) if first == last => {
            let n = dates.len() - axis.undated;
            if n == 1 {
                "One dated assessment, at the middle of the time axis.".to_owned()
            } else {
                format!("{n} assessments on one date, at the middle of the time axis.")
            }
        }
        Some((first, last)) => format!(
            "Time to scale: each assessment placed by its date, {} days from the first to the last.",
            last - first
        ),
    };
    match (axis.undated, axis.days) {
        (0, _) | (_, None) => {}
        (1, Some(_)) => note.push_str(
            " One assessment has no date: it is drawn at the left, apart from the time axis, and not joined to the line.",
        ),
        (k, Some(_)) => {
            let _ = write!(
                note,
                " {k} assessments have no date: they are drawn at the left in the order given, apart from the time axis, and not joined to the line."
            );
        }
    }
    note
}

/// A trend (see [`crate::analysis::trend`]) as a standalone SVG document.
pub(super) fn svg(t: &Trend) -> String {
    let dates: Vec<Option<&str>> = t.overall.iter().map(|p| p.date.as_deref()).collect();
    let axis = Axis::new(&dates);
    let ticks = axis.ticks();
    let heading = title(t, &dates);
    let mut b = String::new();
    let mut y = 8.0;
    for line in wrap(&heading, WIDTH - 2.0 * LEFT + 40.0, 18.0 * GLYPH_BOLD) {
        y += 24.0;
        let _ = writeln!(
            b,
            "<text class=\"title\" x=\"{}\" y=\"{}\" font-size=\"18\" font-weight=\"bold\">{}</text>",
            num(LEFT),
            num(y),
            esc(&line)
        );
    }
    let notes = std::iter::once(axis_note(&axis, &dates))
        .chain(t.warnings.iter().map(|w| format!("Note: {w}.")));
    for note in notes {
        for line in wrap(&note, WIDTH - LEFT - 20.0, 12.0 * GLYPH) {
            y += 17.0;
            let _ = writeln!(
                b,
                "<text class=\"axis-note\" x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{GREY}\">{}</text>",
                num(LEFT),
                num(y),
                esc(&line)
            );
        }
    }
    y = legend(&mut b, y + 8.0) + 6.0;

    let overall: Vec<Mark<'_>> = t
        .overall
        .iter()
        .map(|p| Mark {
            date: p.date.as_deref(),
            score: p.score,
            range: p.score_range,
            word: p.verdict.as_str(),
            target: None,
        })
        .collect();
    let caption = match t.overall.last() {
        Some(p) => format!(
            "{}: score {}, evidence coverage {}, verdict {}{}",
            p.date.as_deref().unwrap_or("latest"),
            one(p.score),
            super::fmt::pct(p.coverage),
            p.verdict,
            if p.provisional { " (provisional)" } else { "" }
        ),
        None => String::new(),
    };
    let head = Head {
        id: "overall",
        title: "Overall",
        caption,
        levels: Vec::new(),
    };
    y = panel(&mut b, &axis, &ticks, y, &head, &overall);

    let rb: Option<&Rulebook> = t.made_with.as_ref();
    for d in &t.dimensions {
        let di = rb.and_then(|rb| rb.dimension_index(&d.id).map(|i| (rb, i)));
        let threshold = |level: &str| -> Option<f64> {
            let (rb, i) = di?;
            Some(rb.threshold_at(rb.level_index(level)?, i))
        };
        let levels: Vec<(&str, f64)> = match di {
            Some((rb, i)) => rb
                .levels()
                .iter()
                .enumerate()
                .map(|(l, level)| (level.id.as_str(), rb.threshold_at(l, i)))
                .collect(),
            None => Vec::new(),
        };
        let marks: Vec<Mark<'_>> = d
            .points
            .iter()
            .map(|p| Mark {
                date: p.date.as_deref(),
                score: p.score,
                range: p.score_range,
                word: &p.level,
                target: (|| {
                    Some(Target {
                        level: &p.target,
                        at: threshold(&p.target)?,
                        low: (&p.target_range[0], threshold(&p.target_range[0])?),
                        high: (&p.target_range[1], threshold(&p.target_range[1])?),
                    })
                })(),
            })
            .collect();
        let caption = match d.points.last() {
            Some(p) => {
                let open = if p.target_range[0] == p.target_range[1] {
                    String::new()
                } else {
                    format!(" (open: {} to {})", p.target_range[0], p.target_range[1])
                };
                format!(
                    "{}: score {}, level {}, target {}{open}, verdict {}{}",
                    p.date.as_deref().unwrap_or("latest"),
                    one(p.score),
                    p.level,
                    p.target,
                    p.verdict,
                    if p.provisional { " (provisional)" } else { "" }
                )
            }
            None => String::new(),
        };
        let head = Head {
            id: &d.id,
            title: &d.title,
            caption,
            levels,
        };
        y = panel(&mut b, &axis, &ticks, y, &head, &marks);
    }
    let height = y.ceil();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">\n\
         <title>{}</title>\n\
         <defs>\n<pattern id=\"trend-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f6e5e9\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{TARGET_STROKE}\" stroke-opacity=\"0.5\" stroke-width=\"1.5\"/></pattern>\n</defs>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n{b}</svg>\n",
        esc(&heading),
        w = num(WIDTH),
        h = num(height)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_across_leap_years_and_centuries() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2008-02-01"),
            Some(day_number("2008-01-01").unwrap() + 31)
        );
        assert_eq!(
            day_number("2009-01-01").unwrap() - day_number("2008-01-01").unwrap(),
            366
        );
        assert_eq!(
            day_number("2001-01-01").unwrap() - day_number("2000-01-01").unwrap(),
            366
        );
        assert_eq!(
            day_number("1901-01-01").unwrap() - day_number("1900-01-01").unwrap(),
            365
        );
        for day in [-800_000, -1, 0, 13_879, 14_000, 2_932_896] {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(day_number("2008-1-01"), None);
        assert_eq!(day_number("2008-13-01"), None);
        assert_eq!(day_number("+008-01-01"), None);
        assert_eq!(day_number("2008-01-01-"), None);
    }

    #[test]
    fn ticks_are_whole_months_or_years_and_few() {
        let one_year = Axis::new(&[Some("2008-01-01"), Some("2009-01-01")]);
        let ticks = one_year.ticks();
        assert!(ticks.len() <= MAX_TICKS && ticks.len() >= 2, "{ticks:?}");
        assert!(ticks.iter().any(|(_, l)| l == "Jan 2008"), "{ticks:?}");
        assert!(ticks.iter().any(|(_, l)| l == "Jul 2008"), "{ticks:?}");
        let decade = Axis::new(&[Some("2000-06-01"), Some("2010-06-01")]);
        let labels: Vec<String> = decade.ticks().into_iter().map(|t| t.1).collect();
        assert_eq!(labels, ["2000", "2002", "2004", "2006", "2008", "2010"]);
        let days = Axis::new(&[Some("2008-01-01"), Some("2008-01-04")]);
        assert!(days.ticks().iter().any(|(_, l)| l == "2 Jan 2008"));
        let single = Axis::new(&[Some("2008-10-15")]);
        assert_eq!(single.ticks()[0].1, "15 Oct 2008");
        assert!(Axis::new(&[None, None]).ticks().is_empty());
    }
}
