//! Every output of the crate, in one place, with one signature:
//! `report::FORMAT(&rulebook, &result)`.
//!
//! | result | [`text()`] | [`markdown()`] | `json()` (feature `json`) | CSV | `svg` (feature `svg`) |
//! |---|---|---|---|---|---|
//! | [`Assessment`] | 80 columns | a document | the contract in the README | [`assessment_csv()`], one row per dimension | a chart |
//! | [`Briefing`] (an assessment with fix first) | 80 columns | a document | the assessment's keys, `fix_first`, `plan` | its assessment's | |
//! | [`Plan`] | 80 columns | fenced text | yes | [`plan_csv()`], one row per change | |
//! | [`Robustness`] | 80 columns | fenced text | yes | [`robustness_csv()`], one row per dimension | |
//! | [`Comparison`] | 80 columns | fenced text | yes | [`comparison_csv()`], one row per dimension | |
//! | [`Trend`] | 80 columns | tables | yes | [`trend_csv()`], one row per date and dimension | `trend_svg` |
//! | [`Portfolio`] | 80 columns | a table | yes | [`csv()`], one row per mission | |
//! | [`Rulebook`] (the factor reference) | the Markdown page | the factor reference | the reference object | | |
//!
//! Every CSV follows RFC 4180 (fields with commas, quotes or line breaks
//! quoted, quotes doubled, CRLF line ends) with one header row. The CSV of
//! an assessment, a plan, a robustness analysis and a comparison writes
//! numbers in full precision, as the JSON has them (the shortest text that
//! reads back to the same number); lists of ids go in one field, separated
//! by spaces.
//!
//! A new output format is a new function here with the same signature, and
//! a method of [`Render`] for each result it supports; a new result type
//! gets a file here and an implementation of [`Render`]. The renderers only
//! read results: they compute nothing the core does not.
//!
//! ```
//! use integration_readiness::{analysis, assess, report, Mission, Rulebook};
//! let rb = Rulebook::oslo_2007();
//! let m = Mission::builder(&rb).name("M").build()?;
//! let a = assess(&m);
//! assert!(report::text(&rb, &a).starts_with("Integration readiness: M"));
//! let p = analysis::plan(&m);
//! assert!(report::text(&rb, &p).starts_with("Cheapest plan to target: M"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(crate) mod assessment;
#[cfg(feature = "svg")]
pub mod chart;
mod comparison;
pub(crate) mod fmt;
#[cfg(feature = "html")]
pub(crate) mod html;
mod plan;
mod portfolio;
pub mod reference;
mod robustness;
mod trend;
#[cfg(feature = "svg")]
mod trend_chart;

use crate::analysis::{Briefing, Comparison, Plan, Portfolio, Robustness, Trend};
use crate::assess::Assessment;
#[cfg(feature = "json")]
use crate::error::Error;
use crate::rulebook::Rulebook;

/// A result that the report functions render: an [`Assessment`], a
/// [`Plan`], a [`Robustness`], a [`Comparison`], a [`Trend`], a
/// [`Portfolio`], or a [`Rulebook`] (its factor reference). Sealed: the crate's results only. Call it through
/// [`text()`], [`markdown()`] and `json()` (feature `json`).
pub trait Render: sealed::Sealed {
    /// Text for a terminal, 80 columns.
    fn text(&self, rulebook: &Rulebook) -> String;

    /// Markdown for a document; by default the text in a fenced block.
    fn markdown(&self, rulebook: &Rulebook) -> String {
        format!("```text\n{}```\n", self.text(rulebook))
    }

    /// Pretty JSON, the form the examples print with `--format json`.
    ///
    /// # Errors
    /// [`Error::Write`] if the result cannot be written as JSON.
    #[cfg(feature = "json")]
    fn json(&self, rulebook: &Rulebook) -> Result<String, Error>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Assessment {}
    impl Sealed for crate::analysis::Briefing {}
    impl Sealed for crate::analysis::Plan {}
    impl Sealed for crate::analysis::Robustness {}
    impl Sealed for crate::analysis::Comparison {}
    impl Sealed for crate::Rulebook {}
    impl Sealed for crate::analysis::Trend {}
    impl Sealed for crate::analysis::Portfolio {}
}

/// A result as text for a terminal, readable in 80 columns.
///
/// ```
/// use integration_readiness::{assess, report, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml("[mission]\nname = \"M\"\n", "m.toml", &rb)?;
/// let text = report::text(&rb, &assess(&m));
/// assert!(text.lines().all(|l| l.chars().count() <= 80));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn text<R: Render + ?Sized>(rulebook: &Rulebook, result: &R) -> String {
    result.text(rulebook)
}

/// A result as Markdown, for pasting into a document.
///
/// ```
/// use integration_readiness::{assess, report, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml("[mission]\nname = \"M\"\n", "m.toml", &rb)?;
/// let md = report::markdown(&rb, &assess(&m));
/// assert!(md.starts_with("# Integration readiness: M"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn markdown<R: Render + ?Sized>(rulebook: &Rulebook, result: &R) -> String {
    result.markdown(rulebook)
}

/// A result as pretty JSON (the contract is in the README).
///
/// ```
/// use integration_readiness::{assess, report, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml("[mission]\nname = \"M\"\n", "m.toml", &rb)?;
/// let v: serde_json::Value = serde_json::from_str(&report::json(&rb, &assess(&m))?)?;
/// assert_eq!(v["mission"]["name"], "M");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::Write`] if the result cannot be written (not expected: results
/// hold no map with non-string keys).
#[cfg(feature = "json")]
pub fn json<R: Render + ?Sized>(rulebook: &Rulebook, result: &R) -> Result<String, Error> {
    result.json(rulebook)
}

/// A briefing (an assessment with its plan) as one self-contained HTML
/// page (feature `html`): no network access, the chart inline, printable on
/// A4, every piece of the mission's text escaped.
///
/// ```
/// use integration_readiness::{analysis, report, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("<script>alert(1)</script>").build()?;
/// let page = report::html(&rb, &analysis::brief(&m));
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(!page.contains("<script>alert"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "html")]
pub fn html(rulebook: &Rulebook, briefing: &Briefing) -> String {
    html::report(rulebook, briefing)
}

/// Escapes text for HTML content and attribute values (feature `html`).
#[cfg(feature = "html")]
pub fn escape_html(text: &str) -> String {
    html::escape(text)
}

/// The evidence behind an assessment's ratings as text (each rated factor's
/// note and sources), which the text report leaves out; the Markdown and
/// JSON reports carry it with each factor.
pub fn evidence_text(assessment: &Assessment) -> String {
    assessment::evidence_text(assessment)
}

/// What each verdict word means and when a result is provisional, as every
/// report of an assessment states it.
pub fn verdict_legend() -> String {
    assessment::legend()
}

/// An assessment as a standalone SVG chart (feature `svg`); see [`chart`].
#[cfg(feature = "svg")]
pub fn svg(rulebook: &Rulebook, assessment: &Assessment) -> String {
    chart::svg(rulebook, assessment)
}

impl Render for Assessment {
    fn text(&self, rulebook: &Rulebook) -> String {
        assessment::text(rulebook, self, None)
    }
    fn markdown(&self, rulebook: &Rulebook) -> String {
        assessment::markdown(rulebook, self, None)
    }
    #[cfg(feature = "json")]
    fn json(&self, _: &Rulebook) -> Result<String, Error> {
        crate::json::to_text(self)
    }
}

/// The assessment with "fix first" taken from the plan.
impl Render for Briefing {
    fn text(&self, rulebook: &Rulebook) -> String {
        assessment::text(rulebook, &self.assessment, Some(&self.plan))
    }
    fn markdown(&self, rulebook: &Rulebook) -> String {
        assessment::markdown(rulebook, &self.assessment, Some(&self.plan))
    }
    #[cfg(feature = "json")]
    fn json(&self, _: &Rulebook) -> Result<String, Error> {
        crate::json::to_text(self)
    }
}

impl Render for Plan {
    fn text(&self, _: &Rulebook) -> String {
        plan::text(self)
    }
    #[cfg(feature = "json")]
    fn json(&self, _: &Rulebook) -> Result<String, Error> {
        crate::json::to_text(self)
    }
}

impl Render for Robustness {
    fn text(&self, _: &Rulebook) -> String {
        robustness::text(self)
    }
    #[cfg(feature = "json")]
    fn json(&self, _: &Rulebook) -> Result<String, Error> {
        crate::json::to_text(self)
    }
}

impl Render for Comparison {
    fn text(&self, _: &Rulebook) -> String {
        comparison::text(self)
    }
    #[cfg(feature = "json")]
    fn json(&self, _: &Rulebook) -> Result<String, Error> {
        crate::json::to_text(self)
    }
}

impl Render for Trend {
    fn text(&self, _: &Rulebook) -> String {
        trend::text(self)
    }
    fn markdown(&self, _: &Rulebook) -> String {
        trend::markdown(self)
    }
    #[cfg(feature = "json")]
    fn json(&self, _: &Rulebook) -> Result<String, Error> {
        crate::json::to_text(self)
    }
}

impl Render for Portfolio {
    fn text(&self, _: &Rulebook) -> String {
        portfolio::text(self)
    }
    fn markdown(&self, _: &Rulebook) -> String {
        portfolio::markdown(self)
    }
    #[cfg(feature = "json")]
    fn json(&self, _: &Rulebook) -> Result<String, Error> {
        crate::json::to_text(self)
    }
}

/// A portfolio as CSV for spreadsheets (RFC 4180: fields with commas,
/// quotes or line breaks quoted, quotes doubled, CRLF line ends): a header
/// row, then one row per mission with four columns per dimension
/// (`DIMENSION_score`, `_level`, `_target`, `_verdict`).
///
/// ```
/// use integration_readiness::{analysis, report, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("Mission \"A\", north").build()?;
/// let csv = report::csv(&rb, &analysis::portfolio(&rb, &[m])?);
/// assert!(csv.starts_with("name,date,coverage,score,verdict,provisional,"));
/// assert!(csv.contains("\r\n\"Mission \"\"A\"\", north\","));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn csv(_rulebook: &Rulebook, portfolio: &Portfolio) -> String {
    portfolio::csv(portfolio)
}

/// A trend as a standalone SVG line chart (feature `svg`): one panel for
/// the overall score and one per dimension, the assessments left to right
/// in date order, each point labelled with its score and level (its verdict
/// for the overall).
///
/// ```
/// use integration_readiness::{analysis, assess, report, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("<M & N>").date("2008-01-01").build()?;
/// let svg = report::trend_svg(&rb, &analysis::trend(&[assess(&m)]));
/// assert!(svg.starts_with("<svg") && svg.contains("&lt;M &amp; N&gt;"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "svg")]
pub fn trend_svg(_rulebook: &Rulebook, trend: &Trend) -> String {
    trend_chart::svg(trend)
}

/// A trend as CSV for spreadsheets and plotting (RFC 4180, CRLF line
/// ends): a header row `date,dimension,score,level,target,verdict,provisional`,
/// one row per date and dimension, then one per date for `overall`.
///
/// ```
/// use integration_readiness::{analysis, assess, report, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("M").date("2008-01-01").build()?;
/// let csv = report::trend_csv(&rb, &analysis::trend(&[assess(&m)]));
/// assert!(csv.starts_with("date,dimension,score,level,target,verdict,provisional\r\n"));
/// assert!(csv.contains("\r\n2008-01-01,overall,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn trend_csv(_rulebook: &Rulebook, trend: &Trend) -> String {
    trend::csv(trend)
}

/// An assessment's dimensions as CSV for spreadsheets (RFC 4180, CRLF
/// line ends): a header row
/// `dimension,title,score,score_low,score_high,coverage,level,level_low,level_high,target,verdict,provisional`,
/// then one row per dimension. Numbers are in full precision, as in the
/// JSON report (`score_low`, `score_high` are its `score_range`, `level_low`,
/// `level_high` its `level_range`, `coverage` a share from 0 to 1). The
/// factors, with their ratings and points, are in the JSON and Markdown
/// reports: a CSV file holds one table, and this is the one a
/// spreadsheet of missions is built from.
///
/// ```
/// use integration_readiness::{assess, report, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("M").build()?;
/// let csv = report::assessment_csv(&rb, &assess(&m));
/// assert!(csv.starts_with("dimension,title,score,score_low,score_high,coverage,"));
/// assert_eq!(csv.lines().count(), 1 + rb.dimensions().len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assessment_csv(_rulebook: &Rulebook, assessment: &Assessment) -> String {
    assessment::csv(assessment)
}

/// A plan's changes as CSV for spreadsheets (RFC 4180, CRLF line ends): a
/// header row, then one row per change in the plan's priority order:
/// `step` (from 1), `factor`, `title`, `from`, `to`, `steps` (rating steps),
/// `effort` (`low`, `medium` or `high`), `cost` (the JSON's `effort`: steps
/// times the effort cost), `gain` (the change of the overall score when
/// this change alone is made), one `DIMENSION_gain` column per dimension,
/// `lifts` (the dimensions whose level it raises alone, separated by
/// spaces) and `forced_by_gate`. Numbers are in full precision, as in the
/// JSON report. A plan with no change is the header alone.
///
/// ```
/// use integration_readiness::{analysis, report, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("M").build()?;
/// let csv = report::plan_csv(&rb, &analysis::plan(&m));
/// assert!(csv.starts_with("step,factor,title,from,to,steps,effort,cost,gain,strategic_gain,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn plan_csv(_rulebook: &Rulebook, plan: &Plan) -> String {
    plan::csv(plan)
}

/// Weight robustness as CSV for spreadsheets (RFC 4180, CRLF line ends): a
/// header row
/// `dimension,level,score,radius_percent,direction,monte_carlo_hold,first_movers,provisional`,
/// then one row per dimension. Numbers are in full precision, as in the
/// JSON report; `radius_percent` and `direction` are empty when no weight
/// change within ±100% moves the level; `first_movers` are separated by
/// spaces.
///
/// ```
/// use integration_readiness::{analysis, report, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("M").build()?;
/// let r = analysis::robustness(&m, analysis::RobustnessOptions::default());
/// let csv = report::robustness_csv(&rb, &r);
/// assert!(csv.starts_with("dimension,level,score,radius_percent,"));
/// assert_eq!(csv.lines().count(), 1 + rb.dimensions().len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn robustness_csv(_rulebook: &Rulebook, robustness: &Robustness) -> String {
    robustness::csv(robustness)
}

/// A comparison as CSV for spreadsheets (RFC 4180, CRLF line ends): a
/// header row, then one row per dimension: `dimension`, `score_before`,
/// `score_after`, `score_change` (after minus before), then `level_`,
/// `target_`, `verdict_`, `coverage_` and `provisional_` each `before` and
/// `after`. Numbers are in full precision, as in the JSON report.
///
/// ```
/// use integration_readiness::{analysis, assess, report, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("M").build()?;
/// let a = assess(&m);
/// let csv = report::comparison_csv(&rb, &analysis::compare(&a, &a));
/// assert!(csv.starts_with("dimension,score_before,score_after,score_change,"));
/// assert!(csv.contains("\r\nstrategic,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn comparison_csv(_rulebook: &Rulebook, comparison: &Comparison) -> String {
    comparison::csv(comparison)
}

/// The factor reference of the rulebook passed as the result (the first
/// argument is not read).
impl Render for Rulebook {
    fn text(&self, _: &Rulebook) -> String {
        reference::markdown(self)
    }
    fn markdown(&self, _: &Rulebook) -> String {
        reference::markdown(self)
    }
    #[cfg(feature = "json")]
    fn json(&self, _: &Rulebook) -> Result<String, Error> {
        crate::json::to_text(&reference::json(self)?)
    }
}
