//! Weight robustness as text.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::fmt::lines;
use crate::analysis::{Direction, Robustness};

/// Robustness as text, readable in 80 columns: per dimension the radius,
/// the Monte Carlo share and the first movers.
pub(super) fn text(r: &Robustness) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Weight robustness: {}", r.mission);
    let _ = writeln!(
        o,
        "Radius: every weight may move by up to ±x% (independently) without changing\nthe point level (rated factors only). Monte Carlo: {} samples of ±{}% noise,\nseed {}, each factor without evidence given a random rating too.\n",
        r.samples, r.noise_percent, r.seed
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
            "{:<15} {} (score {:.1}){}",
            d.id,
            d.level,
            d.score,
            if d.provisional { ", provisional" } else { "" }
        );
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
