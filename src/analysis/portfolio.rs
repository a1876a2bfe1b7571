//! A portfolio: several missions side by side, one row each, sortable by
//! any column.

use std::cmp::Ordering;

use serde::Serialize;

use crate::assess::{Assessment, MissionSummary, Provenance, Verdict, assess};
use crate::error::{Error, ParseWordError};
use crate::mission::Mission;
use crate::rulebook::Rulebook;
use crate::text::Text;

/// One dimension of one mission in a portfolio.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PortfolioCell {
    /// Dimension id.
    pub id: Text,
    /// Point score.
    pub score: f64,
    /// The lowest and highest score the missing evidence allows.
    pub score_range: [f64; 2],
    /// Share of the dimension's applicable weight that is rated.
    pub coverage: f64,
    /// Level reached.
    pub level: Text,
    /// Target level.
    pub target: Text,
    /// Verdict against the target.
    pub verdict: Verdict,
    /// Whether the verdict could change with the missing evidence.
    pub provisional: bool,
}

/// One mission of a portfolio.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PortfolioRow {
    /// The mission: name, date, description, and the file it was read
    /// from where the program that read it set it.
    pub mission: MissionSummary,
    /// Share of all applicable weight that is rated.
    pub coverage: f64,
    /// Overall score.
    pub score: f64,
    /// Overall score range [low, high] over the missing evidence.
    pub score_range: [f64; 2],
    /// Overall verdict.
    pub verdict: Verdict,
    /// Whether the overall verdict is provisional.
    pub provisional: bool,
    /// One cell per dimension, in the order of [`Portfolio::dimensions`].
    pub dimensions: Vec<PortfolioCell>,
}

/// Several missions side by side (see [`portfolio`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Portfolio {
    /// The rulebook every row was assessed with (id, version, content
    /// fingerprint) and the crate version.
    pub rulebook: Provenance,
    /// Dimension ids, the order of each row's cells.
    pub dimensions: Vec<Text>,
    /// One row per mission.
    pub rows: Vec<PortfolioRow>,
}

/// The columns a portfolio sorts by besides the dimension ids.
pub const SORT_COLUMNS: [&str; 5] = ["name", "date", "coverage", "score", "verdict"];

/// Assesses every mission and lays the results out one row per mission,
/// in the order given, with `rulebook`'s dimensions as the columns.
///
/// ```
/// use integration_readiness::{analysis, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let a = Mission::builder(&rb).name("A").build()?;
/// let b = Mission::builder(&rb).name("B").build()?;
/// let mut p = analysis::portfolio(&rb, &[b, a])?;
/// p.sort_by_column("name", false)?;
/// assert_eq!(p.rows[0].mission.name, "A");
/// assert_eq!(p.rows[0].dimensions.len(), p.dimensions.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::RulebookMismatch`] naming the first mission that carries
/// another rulebook: its columns would not be `rulebook`'s. Refit it
/// first ([`Mission::refit`]).
pub fn portfolio(rulebook: &Rulebook, missions: &[Mission]) -> Result<Portfolio, Error> {
    if let Some(m) = missions.iter().find(|m| m.rulebook() != rulebook) {
        return Err(crate::assess::mismatch(rulebook, m));
    }
    let dimensions = rulebook.names().dimension_id.clone();
    // One assessment at a time: a portfolio never holds them all.
    let rows = missions
        .iter()
        .map(|m| row(&dimensions, &assess(m)))
        .collect();
    Ok(Portfolio {
        rulebook: Provenance::of(rulebook),
        dimensions,
        rows,
    })
}

/// A portfolio of assessments already made with `rulebook`.
///
/// # Errors
/// [`Error::RulebookMismatch`] naming the first assessment made with
/// another rulebook (by its content fingerprint).
pub fn from_assessments(
    rulebook: &Rulebook,
    assessments: &[Assessment],
) -> Result<Portfolio, Error> {
    let fingerprint = rulebook.content_fingerprint();
    if let Some(a) = assessments
        .iter()
        .find(|a| a.rulebook.fingerprint != fingerprint)
    {
        return Err(Error::RulebookMismatch {
            mission: a.mission.name.clone(),
            expected: rulebook.label(),
            found: format!("`{}` {}", a.rulebook.id, a.rulebook.version),
        });
    }
    let dimensions = rulebook.names().dimension_id.clone();
    let rows = assessments.iter().map(|a| row(&dimensions, a)).collect();
    Ok(Portfolio {
        rulebook: Provenance::of(rulebook),
        dimensions,
        rows,
    })
}

/// One assessment as a row, its cells in the order of `dimensions`.
fn row(dimensions: &[Text], a: &Assessment) -> PortfolioRow {
    PortfolioRow {
        mission: a.mission.clone(),
        coverage: a.overall.coverage,
        score: a.overall.score,
        score_range: a.overall.score_range,
        verdict: a.overall.verdict,
        provisional: a.overall.provisional,
        dimensions: dimensions
            .iter()
            .map(|id| match a.dimensions.iter().find(|d| &d.id == id) {
                Some(d) => PortfolioCell {
                    id: id.clone(),
                    score: d.score,
                    score_range: d.score_range,
                    coverage: d.coverage,
                    level: d.level.clone(),
                    target: d.target.clone(),
                    verdict: d.verdict,
                    provisional: d.provisional,
                },
                // Not expected: an assessment has every dimension of its rulebook.
                None => PortfolioCell {
                    id: id.clone(),
                    score: 0.0,
                    score_range: [0.0, 100.0],
                    coverage: 0.0,
                    level: Text::default(),
                    target: Text::default(),
                    verdict: Verdict::Undetermined,
                    provisional: true,
                },
            })
            .collect(),
    }
}

impl Portfolio {
    /// Sorts the rows by `column`: `name` or `date` (A to Z, undated
    /// first), `coverage` or `score` (highest first), `verdict` (best
    /// first), or a dimension id (its score, highest first). `reverse`
    /// turns the order round. Ties keep their order.
    ///
    /// # Errors
    /// A [`ParseWordError`] naming the columns when `column` is none of
    /// them.
    pub fn sort_by_column(&mut self, column: &str, reverse: bool) -> Result<(), ParseWordError> {
        let dim = self.dimensions.iter().position(|d| d.as_str() == column);
        let key: fn(&PortfolioRow, &PortfolioRow, Option<usize>) -> Ordering = match column {
            "name" => |a, b, _| a.mission.name.cmp(&b.mission.name),
            "date" => |a, b, _| a.mission.date.cmp(&b.mission.date),
            "coverage" => |a, b, _| b.coverage.total_cmp(&a.coverage),
            "score" => |a, b, _| b.score.total_cmp(&a.score),
            "verdict" => |a, b, _| a.verdict.cmp(&b.verdict),
            _ if dim.is_some() => |a, b, d| {
                let d = d.unwrap_or_default();
                b.dimensions[d].score.total_cmp(&a.dimensions[d].score)
            },
            _ => {
                let known = SORT_COLUMNS
                    .iter()
                    .copied()
                    .chain(self.dimensions.iter().map(Text::as_str));
                return Err(ParseWordError::new("column", column, known));
            }
        };
        self.rows.sort_by(|a, b| {
            let o = key(a, b, dim);
            if reverse { o.reverse() } else { o }
        });
        Ok(())
    }
}
