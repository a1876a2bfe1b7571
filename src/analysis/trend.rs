//! A trend: several dated assessments of one mission, per dimension a line
//! over time and the factors that moved it most.

use serde::Serialize;

use super::compare::{Driver, compare};
use crate::assess::{Assessment, MissionSummary, Provenance, Verdict};
use crate::text::Text;

/// How many drivers of a dimension's move a trend keeps.
pub const TREND_DRIVERS: usize = 5;

/// One dimension at one date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TrendPoint {
    /// Date of the assessment.
    pub date: Option<String>,
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
    /// The lowest and highest target over the values the missing context
    /// keys could take (equal when the context decides it).
    pub target_range: [Text; 2],
    /// Verdict against the target.
    pub verdict: Verdict,
    /// Whether the verdict could change with the missing evidence.
    pub provisional: bool,
    /// The place of its assessment in [`Trend::assessments`].
    #[serde(skip)]
    pub(crate) at: usize,
}

/// One dimension over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct DimensionTrend {
    /// Dimension id.
    pub id: Text,
    /// Dimension title (of the latest assessment).
    pub title: Text,
    /// One point per assessment, in date order.
    pub points: Vec<TrendPoint>,
    /// The factors that moved the score most from the first assessment to
    /// the last, the largest move first (at most [`TREND_DRIVERS`]).
    pub drivers: Vec<Driver>,
}

/// The whole mission at one date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct OverallPoint {
    /// Date of the assessment.
    pub date: Option<String>,
    /// Overall score.
    pub score: f64,
    /// The lowest and highest overall score the missing evidence allows.
    pub score_range: [f64; 2],
    /// Share of all applicable weight that is rated.
    pub coverage: f64,
    /// Overall verdict.
    pub verdict: Verdict,
    /// Whether the overall verdict is provisional.
    pub provisional: bool,
    /// The place of its assessment in [`Trend::assessments`].
    #[serde(skip)]
    pub(crate) at: usize,
}

/// Several assessments of one mission over time (see [`trend`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Trend {
    /// The mission's name (of the latest assessment), for reports; the
    /// JSON's `mission` is [`latest`](Self::latest).
    #[serde(skip)]
    pub mission: String,
    /// The mission as assessed the latest (name, date, description, and
    /// file where the program that read it set it); `None` only in the
    /// trend of no assessment.
    #[serde(rename = "mission")]
    pub latest: Option<MissionSummary>,
    /// The rulebook of the latest assessment (id, version, content
    /// fingerprint) and the crate version; `warnings` says when another
    /// assessment was made with another. `None` only in the trend of no
    /// assessment.
    pub rulebook: Option<Provenance>,
    /// The mission as assessed at each date, in date order: the rows of
    /// `overall` and of each dimension's `points`.
    pub assessments: Vec<MissionSummary>,
    /// The overall result at each date, in date order.
    pub overall: Vec<OverallPoint>,
    /// One line per dimension.
    pub dimensions: Vec<DimensionTrend>,
    /// Anything that makes the trend doubtful, such as assessments of
    /// missions with different names or made with different rulebooks.
    pub warnings: Vec<String>,
    /// The rulebook of the latest assessment (a cheap handle), whose levels
    /// and thresholds the chart draws; not part of the JSON.
    #[serde(skip)]
    pub(crate) made_with: Option<crate::Rulebook>,
}

/// The trend of a mission over `assessments`, put in date order (undated
/// ones first, in the order given). The drivers of each dimension are
/// those of [`compare`] between the first and the last.
///
/// ```
/// use integration_readiness::{analysis, assess, Mission, Rating, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let early = Mission::builder(&rb).name("M").date("2008-01-01").build()?;
/// let late = Mission::builder(&rb)
///     .name("M")
///     .date("2009-01-01")
///     .rate("senior-leadership-cohesion", Rating::Full)
///     .build()?;
/// let t = analysis::trend(&[assess(&late), assess(&early)]);
/// assert_eq!(t.overall[0].date.as_deref(), Some("2008-01-01"));
/// assert!(t.dimensions.iter().any(|d| !d.drivers.is_empty()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn trend(assessments: &[Assessment]) -> Trend {
    let mut ordered: Vec<&Assessment> = assessments.iter().collect();
    ordered.sort_by(|a, b| a.mission.date.cmp(&b.mission.date));
    let mut warnings = Vec::new();
    if let Some(first) = ordered.first() {
        if ordered.iter().any(|a| a.mission.name != first.mission.name) {
            warnings.push(
                "the assessments name different missions; a trend is meant for one mission"
                    .to_owned(),
            );
        }
        let undated = ordered.iter().filter(|a| a.mission.date.is_none()).count();
        if undated > 0 && undated < ordered.len() {
            warnings.push(format!(
                "{} no date, so {} put first, in the order given; give {} `date` \
                 to place {} in time",
                if undated == 1 {
                    "one assessment has".to_owned()
                } else {
                    format!("{undated} assessments have")
                },
                if undated == 1 { "it is" } else { "they are" },
                if undated == 1 { "it a" } else { "each a" },
                if undated == 1 { "it" } else { "them" },
            ));
        }
        if ordered.iter().any(|a| a.rulebook != first.rulebook) {
            warnings.push(
                "the assessments were made with different rulebooks or crate versions".to_owned(),
            );
        }
    }
    // First against last; with one assessment, itself, where nothing moves
    // and so nothing drives.
    let moves = ordered
        .first()
        .zip(ordered.last())
        .map(|(first, last)| compare(first, last));
    let ids: Vec<Text> = ordered
        .first()
        .map(|a| a.dimensions.iter().map(|d| d.id.clone()).collect())
        .unwrap_or_default();
    let dimensions = ids
        .into_iter()
        .map(|id| {
            let points = ordered
                .iter()
                .enumerate()
                .filter_map(|(at, a)| {
                    let d = a.dimensions.iter().find(|d| d.id == id)?;
                    Some(TrendPoint {
                        date: a.mission.date.clone(),
                        score: d.score,
                        score_range: d.score_range,
                        coverage: d.coverage,
                        at,
                        level: d.level.clone(),
                        target: d.target.clone(),
                        target_range: d.target_detail.range.clone(),
                        verdict: d.verdict,
                        provisional: d.provisional,
                    })
                })
                .collect();
            let drivers = moves
                .as_ref()
                .and_then(|c| c.dimensions.iter().find(|d| d.id == id))
                .map(|d| d.drivers.iter().take(TREND_DRIVERS).cloned().collect())
                .unwrap_or_default();
            let title = ordered
                .iter()
                .rev()
                .find_map(|a| a.dimensions.iter().find(|d| d.id == id))
                .map(|d| d.title.clone())
                .unwrap_or_else(|| id.clone());
            DimensionTrend {
                id,
                title,
                points,
                drivers,
            }
        })
        .collect();
    Trend {
        mission: ordered
            .last()
            .map(|a| a.mission.name.clone())
            .unwrap_or_default(),
        latest: ordered.last().map(|a| a.mission.clone()),
        rulebook: ordered.last().map(|a| a.rulebook.clone()),
        assessments: ordered.iter().map(|a| a.mission.clone()).collect(),
        overall: ordered
            .iter()
            .enumerate()
            .map(|(at, a)| OverallPoint {
                at,
                date: a.mission.date.clone(),
                score: a.overall.score,
                score_range: a.overall.score_range,
                coverage: a.overall.coverage,
                verdict: a.overall.verdict,
                provisional: a.overall.provisional,
            })
            .collect(),
        dimensions,
        warnings,
        made_with: ordered.last().map(|a| a.made_with.clone()),
    }
}
