//! Weight robustness as text.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::fmt::{lines, md_text, one, wrap};
use crate::analysis::{Direction, Robustness};

/// Robustness as text, readable in 80 columns: per dimension the radius,
/// the Monte Carlo share and the first movers.
pub(super) fn text(r: &Robustness) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        wrap(&format!("Weight robustness: {}", r.mission.name), 80, 2)
    );
    let _ = writeln!(o, "{}", wrap(&format!("Made with {}", r.rulebook), 78, 2));
    let _ = writeln!(
        o,
        "{}\n",
        wrap(
            &format!(
                "Radius: every weight may move by up to ±x% (independently) without \
                 changing the point level (unrated factors at the middle). Monte Carlo: {} \
                 samples of ±{}% noise, seed {}, each factor without evidence given a \
                 random rating too.",
                r.samples, r.noise_percent, r.seed
            ),
            80,
            0
        )
    );
    for d in &r.dimensions {
        let radius = match d.radius_percent {
            Some(x) => format!(
                "±{x:.1}% ({} first)",
                match d.direction {
                    Some(Direction::Up) => "up",
                    _ => "down",
                }
            ),
            None => "no weight change within ±100% moves it".to_owned(),
        };
        let _ = writeln!(
            o,
            "{:<15} {} (score {}){}",
            d.id,
            d.level,
            one(d.score),
            if d.provisional { ", provisional" } else { "" }
        );
        if let Some(why) = &d.undetermined {
            let _ = writeln!(
                o,
                "  no verdict    {}",
                wrap(
                    &format!(
                        "the assessment gives none ({why}); these figures say how the \
                         weights move the level, not how sure the level is"
                    ),
                    78,
                    16
                )
            );
        }
        let _ = writeln!(o, "  radius        {radius} for the point placement");
        let _ = writeln!(
            o,
            "  holds in      {:.1}% of samples{}",
            100.0 * d.monte_carlo_hold,
            if d.provisional {
                " (weights and missing ratings drawn)"
            } else {
                ""
            }
        );
        // The first movers, comma-separated, wrapped to 80 columns under
        // their 16-column label; a line's trailing comma may take column 80.
        let words = d.first_movers.iter().enumerate().map(|(i, f)| {
            if i + 1 < d.first_movers.len() {
                Cow::Owned(format!("{f},"))
            } else {
                Cow::Borrowed(f.as_str())
            }
        });
        let width = |s: &str| s.trim_end_matches(',').len();
        for (i, line) in lines(words, 79 - 17, width).iter().enumerate() {
            let label = if i == 0 {
                "  first movers  "
            } else {
                "                "
            };
            let _ = writeln!(o, "{label}{line}");
        }
    }
    o
}

/// Robustness as Markdown: what the radius and the Monte Carlo mean, and
/// one table row per dimension.
pub(super) fn markdown(r: &Robustness) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Weight robustness: {}\n", md_text(&r.mission.name));
    let _ = writeln!(o, "Made with {}.\n", md_text(&r.rulebook.to_string()));
    let _ = writeln!(
        o,
        "Radius: every weight may move by up to ±x% (independently) without changing the \
         point level (unrated factors at the middle). Monte Carlo: {} samples of ±{}% noise, \
         seed {}, each factor without evidence given a random rating too.\n",
        r.samples, r.noise_percent, r.seed
    );
    o.push_str(
        "| dimension | level | score | radius | moves first | holds in | first movers |\n\
         |---|---|---:|---:|---|---:|---|\n",
    );
    for d in &r.dimensions {
        let (radius, first) = match d.radius_percent {
            Some(x) => (
                format!("±{}%", one(x)),
                match d.direction {
                    Some(Direction::Up) => "up",
                    _ => "down",
                },
            ),
            None => ("over ±100%".to_owned(), ""),
        };
        let movers: Vec<String> = d.first_movers.iter().map(|f| md_text(f)).collect();
        let _ = writeln!(
            o,
            "| {} | {}{}{} | {} | {radius} | {first} | {}% | {} |",
            md_text(&d.id),
            md_text(&d.level),
            if d.provisional { " (provisional)" } else { "" },
            if d.undetermined.is_some() {
                " (no verdict)"
            } else {
                ""
            },
            one(d.score),
            one(100.0 * d.monte_carlo_hold),
            movers.join(", ")
        );
    }
    for w in &r.warnings {
        let _ = writeln!(o, "\n> warning: {}", md_text(w));
    }
    o
}

/// Robustness as CSV (RFC 4180, CRLF line ends, a header row), one row per
/// dimension, numbers in full precision: the radius in percent (empty when
/// no weight change within ±100% moves the level) and its direction, the
/// Monte Carlo share of samples that keep the level (0 to 1), the first
/// movers (space-separated).
pub(super) fn csv(r: &Robustness) -> String {
    use super::fmt::{csv_ids, csv_num, csv_row};
    let mut o = String::new();
    csv_row(
        &mut o,
        [
            "file",
            "mission",
            "dimension",
            "level",
            "score",
            "radius_percent",
            "direction",
            "monte_carlo_hold",
            "first_movers",
            "provisional",
        ],
    );
    for d in &r.dimensions {
        csv_row(
            &mut o,
            [
                r.mission.file.clone().unwrap_or_default(),
                r.mission.name.clone(),
                d.id.to_string(),
                d.level.to_string(),
                csv_num(d.score),
                d.radius_percent.map(csv_num).unwrap_or_default(),
                d.direction.map(|x| x.to_string()).unwrap_or_default(),
                csv_num(d.monte_carlo_hold),
                csv_ids(&d.first_movers),
                d.provisional.to_string(),
            ],
        );
    }
    o
}
