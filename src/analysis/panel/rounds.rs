//! Two rounds of one panel (a Delphi round, or a second workshop): did the
//! spread narrow, did alpha rise, which factors still split the panel.

use serde::Serialize;

use super::{Alpha, Panel};
use crate::assess::Provenance;
use crate::error::Error;
use crate::text::Text;

/// One factor over two rounds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct FactorRound {
    /// Factor id.
    pub factor: Text,
    /// Its spread in steps, in the first and in the second round.
    pub spread: [usize; 2],
    /// Whether the assessors agreed, in the first and in the second round.
    pub agree: [bool; 2],
}

/// What changed between two rounds of a panel.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Rounds {
    /// The rulebook both rounds were made with (id, version, content
    /// fingerprint) and the crate version.
    pub rulebook: Provenance,
    /// The mission's name (the second round's).
    pub mission: String,
    /// Krippendorff's alpha over every factor, in each round.
    pub alpha: [Alpha; 2],
    /// The mean spread, in steps, over the factors at least two assessors
    /// rated on the scale, in each round (0 where there are none).
    pub mean_spread: [f64; 2],
    /// How many factors the assessors disagreed on, in each round.
    pub disagreements: [usize; 2],
    /// The factors whose spread narrowed, the most first.
    pub narrowed: Vec<FactorRound>,
    /// The factors whose spread widened, the most first.
    pub widened: Vec<FactorRound>,
    /// The factors that still split the panel in the second round, in the
    /// order the second round lists them to discuss.
    pub still_split: Vec<FactorRound>,
    /// The dimensions whose verdict the panel's range left open in the
    /// first round and settles in the second.
    pub settled: Vec<Text>,
    /// The dimensions whose verdict the second round leaves open.
    pub open: Vec<Text>,
}

/// Compares two rounds of one panel: `first`, then `second`.
///
/// # Errors
/// [`Error::RulebookMismatch`] when the rounds were made with different
/// rulebooks (their factors would not line up).
pub fn rounds(first: &Panel, second: &Panel) -> Result<Rounds, Error> {
    if first.rulebook.fingerprint != second.rulebook.fingerprint
        || first.factors.len() != second.factors.len()
    {
        return Err(Error::RulebookMismatch {
            mission: second.mission.clone(),
            expected: format!("`{}` {}", first.rulebook.id, first.rulebook.version),
            found: format!("`{}` {}", second.rulebook.id, second.rulebook.version),
        });
    }
    let pairs: Vec<FactorRound> = first
        .factors
        .iter()
        .zip(&second.factors)
        .map(|(a, b)| FactorRound {
            factor: b.id.clone(),
            spread: [a.spread, b.spread],
            agree: [a.agree, b.agree],
        })
        .collect();
    let mut narrowed: Vec<FactorRound> = pairs
        .iter()
        .filter(|p| p.spread[1] < p.spread[0])
        .cloned()
        .collect();
    narrowed.sort_by_key(|p| std::cmp::Reverse(p.spread[0] - p.spread[1]));
    let mut widened: Vec<FactorRound> = pairs
        .iter()
        .filter(|p| p.spread[1] > p.spread[0])
        .cloned()
        .collect();
    widened.sort_by_key(|p| std::cmp::Reverse(p.spread[1] - p.spread[0]));
    let still_split = second
        .discuss
        .iter()
        .filter_map(|d| pairs.iter().find(|p| p.factor == d.factor && !p.agree[1]))
        .cloned()
        .collect();
    let open = |p: &Panel| -> Vec<Text> {
        p.dimensions
            .iter()
            .filter(|d| !d.settled)
            .map(|d| d.id.clone())
            .collect()
    };
    let (open_before, open_after) = (open(first), open(second));
    Ok(Rounds {
        rulebook: second.rulebook.clone(),
        mission: second.mission.clone(),
        alpha: [
            first.reliability.overall.clone(),
            second.reliability.overall.clone(),
        ],
        mean_spread: [mean_spread(first), mean_spread(second)],
        disagreements: [
            first.factors.iter().filter(|f| !f.agree).count(),
            second.factors.iter().filter(|f| !f.agree).count(),
        ],
        narrowed,
        widened,
        still_split,
        settled: open_before
            .iter()
            .filter(|d| !open_after.contains(d))
            .cloned()
            .collect(),
        open: open_after,
    })
}

/// The mean spread over the factors at least two assessors rated on the
/// scale.
fn mean_spread(p: &Panel) -> f64 {
    let rated: Vec<usize> = p
        .factors
        .iter()
        .filter(|f| f.ratings.iter().filter(|r| r.step().is_some()).count() >= 2)
        .map(|f| f.spread)
        .collect();
    if rated.is_empty() {
        0.0
    } else {
        rated.iter().sum::<usize>() as f64 / rated.len() as f64
    }
}
