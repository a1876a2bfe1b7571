//! Every output of the crate, in one place, with one call:
//! [`render(&result, format)`](render()).
//!
//! | result | [`Format::Text`] | [`Format::Markdown`] | [`Format::Json`] (feature `json`) | [`Format::Csv`] | [`Format::Svg`] (feature `svg`) | [`Format::Html`] (feature `html`) | [`Format::Toml`] |
//! |---|---|---|---|---|---|---|---|
//! | [`Assessment`] | 80 columns | a document | the contract in the README | one row per dimension | a chart | | |
//! | [`Briefing`] (an assessment with fix first) | 80 columns | a document | the assessment's keys, `fix_first`, `plan` | its assessment's | its assessment's | one page, printable on A4 | |
//! | [`Plan`] | 80 columns | headings and tables | yes | one row per change | | | |
//! | [`Robustness`] | 80 columns | a table | yes | one row per dimension | | | |
//! | [`Comparison`] | 80 columns | headings and tables | yes | one row per dimension | | | |
//! | [`Trend`] | 80 columns | tables | yes | one row per date and dimension | a line chart per dimension | | |
//! | [`Portfolio`] | 80 columns | tables | yes | one row per mission | | | |
//! | [`Panel`] | 80 columns | headings and tables | the panel, `mission` an object | one row per factor and assessor | | one page, printable on A4 | |
//! | [`Rounds`] | 80 columns | tables | yes | one row per factor that moved or still splits the panel | | | |
//! | [`Rulebook`] | | the factor reference | the reference object | | | | the rulebook file |
//!
//! [`Render::FORMATS`] lists a result's formats in this build; [`render`]
//! refuses any other with [`Error::FormatUnavailable`], which names the
//! formats the result has. Every output ends with a line end: JSON,
//! Markdown and text with `\n`, CSV with CRLF.
//!
//! Every CSV follows RFC 4180 (fields with commas, quotes or line breaks
//! quoted, quotes doubled, CRLF line ends) with one header row. Every CSV
//! has a `file` column (or `file_before` and `file_after`: where the
//! program that read the mission set it, empty otherwise) and a `mission`
//! column (its name), and writes numbers in full precision, as the JSON has
//! them (the shortest text that reads back to the same number); lists of
//! ids go in one field, separated by spaces. The columns of each are listed at its [`Render`] implementation.
//!
//! # Where the rulebook comes from
//!
//! Only the reports of an assessment (and so of a briefing) read the
//! rulebook beyond what the result holds: the text, Markdown, SVG and HTML
//! draw its levels, thresholds, level sources and themes. An [`Assessment`]
//! keeps the rulebook it was made with (a [`Rulebook`] is a cheap handle),
//! so that is the one place the rulebook lives for rendering: no renderer
//! takes a rulebook argument, and none can be handed a different rulebook
//! from the one the numbers came from. The other results carry the titles
//! and ids they print, and a [`Rulebook`] renders itself.
//!
//! A new output format is a variant of [`Format`] and an arm in the
//! [`Render`] implementation of each result that has it; a new result type
//! gets a file here and an implementation of [`Render`]. The renderers only
//! read results: they compute nothing the core does not.
//!
//! ```
//! use integration_readiness::{analysis, assess, report, Mission, Rulebook};
//! use integration_readiness::report::Format;
//! let rb = Rulebook::oslo_2007();
//! let m = Mission::builder(&rb).name("M").build()?;
//! let a = assess(&m);
//! assert!(report::render(&a, Format::Text)?.starts_with("Integration readiness: M"));
//! let p = analysis::plan(&m);
//! assert!(report::render(&p, Format::Text)?.starts_with("Cheapest plan to target: M"));
//! let format: Format = "html".parse()?;
//! let e = report::render(&p, format).unwrap_err();
//! assert!(e.to_string().starts_with("a plan has no html output; it has text, markdown"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(crate) mod assessment;
#[cfg(feature = "svg")]
pub mod chart;
mod comparison;
pub(crate) mod fmt;
mod format;
#[cfg(feature = "html")]
pub(crate) mod html;
mod panel;
#[cfg(feature = "html")]
mod panel_html;
mod plan;
mod portfolio;
pub mod reference;
mod robustness;
mod trend;
#[cfg(feature = "svg")]
mod trend_chart;

pub use format::Format;

use crate::analysis::{Briefing, Comparison, Panel, Plan, Portfolio, Robustness, Rounds, Trend};
use crate::assess::Assessment;
use crate::error::Error;
use crate::rulebook::Rulebook;

/// A result that [`render`] writes out: an [`Assessment`], a [`Briefing`],
/// a [`Plan`], a [`Robustness`], a [`Comparison`], a [`Trend`], a
/// [`Portfolio`], a [`Panel`], its [`Rounds`], or a [`Rulebook`]. Sealed: the crate's results only.
pub trait Render: sealed::Sealed {
    /// The formats this result has in this build, in the order help lists
    /// them (the first is the usual one).
    const FORMATS: &'static [Format];

    /// What the result is called in messages, such as `a comparison`.
    const NAME: &'static str;

    /// The result in `format`. Call it through [`render`].
    ///
    /// # Errors
    /// As [`render`].
    fn render(&self, format: Format) -> Result<String, Error>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::assess::Assessment {}
    impl Sealed for crate::analysis::Briefing {}
    impl Sealed for crate::analysis::Plan {}
    impl Sealed for crate::analysis::Robustness {}
    impl Sealed for crate::analysis::Comparison {}
    impl Sealed for crate::Rulebook {}
    impl Sealed for crate::analysis::Trend {}
    impl Sealed for crate::analysis::Portfolio {}
    impl Sealed for crate::analysis::Panel {}
    impl Sealed for crate::analysis::Rounds {}
}

/// A result in an output format: the text a command prints, a file's
/// whole content. See the [module](self) for which result has which format.
///
/// ```
/// use integration_readiness::{analysis, assess, report, Mission, Rulebook};
/// use integration_readiness::report::Format;
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml("[mission]\nname = \"M\"\n", "m.toml", &rb)?;
/// let a = assess(&m);
/// let text = report::render(&a, Format::Text)?;
/// assert!(text.lines().all(|l| l.chars().count() <= 80));
/// # #[cfg(feature = "json")] {
/// let v: serde_json::Value = serde_json::from_str(&report::render(&a, Format::Json)?)?;
/// assert_eq!(v["mission"]["name"], "M");
/// # }
/// # #[cfg(feature = "html")] {
/// let page = report::render(&analysis::brief(&m), Format::Html)?;
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::FormatUnavailable`] if the result has no such format, or this
/// build leaves it out (its feature off); [`Error::Write`] if the result
/// cannot be written as JSON or TOML (not expected: results hold no map
/// with non-string keys).
pub fn render<R: Render + ?Sized>(result: &R, format: Format) -> Result<String, Error> {
    result.render(format)
}

/// The error for a format that `R` lacks.
fn unavailable<R: Render + ?Sized>(format: Format) -> Error {
    Error::FormatUnavailable {
        result: R::NAME,
        format: format.as_str(),
        available: R::FORMATS
            .iter()
            .map(|f| f.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    }
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

/// Pretty JSON with a final line end, as every JSON output ends.
#[cfg(feature = "json")]
fn json_document<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    Ok(crate::json::to_text(value)? + "\n")
}

/// An assessment. Its CSV has a header row
/// `file,mission,dimension,title,score,score_low,score_high,coverage,level,level_low,level_high,target,verdict,provisional`,
/// then one row per dimension. Numbers are in full precision, as in the
/// JSON report (`score_low`, `score_high` are its `score_range`, `level_low`,
/// `level_high` its `level_range`, `coverage` a share from 0 to 1). The
/// factors, with their ratings and points, are in the JSON and Markdown
/// reports: a CSV file holds one table, and this is the one a spreadsheet
/// of missions is built from. The SVG is the chart (`report::chart`, feature `svg`).
///
/// ```
/// use integration_readiness::{assess, report, Mission, Rulebook};
/// use integration_readiness::report::Format;
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("M").build()?;
/// let csv = report::render(&assess(&m), Format::Csv)?;
/// assert!(csv.starts_with("file,mission,dimension,title,score,score_low,score_high,"));
/// assert_eq!(csv.lines().count(), 1 + rb.dimensions().len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for Assessment {
    const FORMATS: &'static [Format] = &[
        Format::Text,
        Format::Markdown,
        #[cfg(feature = "json")]
        Format::Json,
        Format::Csv,
        #[cfg(feature = "svg")]
        Format::Svg,
    ];
    const NAME: &'static str = "an assessment";

    fn render(&self, format: Format) -> Result<String, Error> {
        match format {
            Format::Text => Ok(assessment::text(&self.made_with, self, None)),
            Format::Markdown => Ok(assessment::markdown(&self.made_with, self, None)),
            #[cfg(feature = "json")]
            Format::Json => json_document(self),
            Format::Csv => Ok(assessment::csv(self)),
            #[cfg(feature = "svg")]
            Format::Svg => Ok(chart::svg(self)),
            _ => Err(unavailable::<Self>(format)),
        }
    }
}

/// The assessment with "fix first" taken from the plan; its CSV and SVG
/// are its assessment's. The HTML is one self-contained page: no network
/// access, the chart inline, printable on A4, every piece of the mission's
/// text escaped.
///
/// ```
/// use integration_readiness::{analysis, report, Mission, Rulebook};
/// use integration_readiness::report::Format;
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("<script>alert(1)</script>").build()?;
/// # #[cfg(feature = "html")] {
/// let page = report::render(&analysis::brief(&m), Format::Html)?;
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(!page.contains("<script>alert"));
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for Briefing {
    const FORMATS: &'static [Format] = &[
        Format::Text,
        Format::Markdown,
        #[cfg(feature = "json")]
        Format::Json,
        Format::Csv,
        #[cfg(feature = "svg")]
        Format::Svg,
        #[cfg(feature = "html")]
        Format::Html,
    ];
    const NAME: &'static str = "a briefing";

    fn render(&self, format: Format) -> Result<String, Error> {
        let a = &self.assessment;
        match format {
            Format::Text => Ok(assessment::text(&a.made_with, a, Some(&self.plan))),
            Format::Markdown => Ok(assessment::markdown(&a.made_with, a, Some(&self.plan))),
            #[cfg(feature = "json")]
            Format::Json => json_document(self),
            Format::Csv => Ok(assessment::csv(a)),
            #[cfg(feature = "svg")]
            Format::Svg => Ok(chart::svg(a)),
            #[cfg(feature = "html")]
            Format::Html => Ok(html::report(self)),
            _ => Err(unavailable::<Self>(format)),
        }
    }
}

/// A plan. Its Markdown has a heading, a table of the targets and a
/// table of the changes. Its CSV has a header row, then one row per change
/// in the plan's priority order: `file` (where the command read the
/// mission; empty otherwise), `mission` (its name), `step` (from 1), `factor`, `title`, `from`, `to`, `steps` (rating steps),
/// `effort` (`low`, `medium` or `high`), `cost` (the JSON's `effort`: steps
/// times the effort cost), `gain` (the change of the overall score when
/// this change alone is made), one `DIMENSION_gain` column per dimension,
/// `lifts` (the dimensions whose level it raises alone, separated by
/// spaces) and `forced_by_gate`. Numbers are in full precision, as in the
/// JSON report. A plan with no change is the header alone.
///
/// ```
/// use integration_readiness::{analysis, report, Mission, Rulebook};
/// use integration_readiness::report::Format;
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("M").build()?;
/// let csv = report::render(&analysis::plan(&m), Format::Csv)?;
/// assert!(csv.starts_with("file,mission,step,factor,title,from,to,steps,effort,cost,gain,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for Plan {
    const FORMATS: &'static [Format] = TABLE;
    const NAME: &'static str = "a plan";

    fn render(&self, format: Format) -> Result<String, Error> {
        table(self, format, [plan::text, plan::markdown], plan::csv)
    }
}

/// Weight robustness. Its Markdown is one table, a row per dimension. Its
/// CSV has a header row
/// `file,mission,dimension,level,score,radius_percent,direction,monte_carlo_hold,first_movers,provisional`,
/// then one row per dimension. Numbers are in full precision, as in the
/// JSON report; `radius_percent` and `direction` are empty when no weight
/// change within ±100% moves the level; `first_movers` are separated by
/// spaces.
///
/// ```
/// use integration_readiness::{analysis, report, Mission, Rulebook};
/// use integration_readiness::report::Format;
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("M").build()?;
/// let r = analysis::robustness(&m, analysis::RobustnessOptions::default());
/// let csv = report::render(&r, Format::Csv)?;
/// assert!(csv.starts_with("file,mission,dimension,level,score,radius_percent,"));
/// assert_eq!(csv.lines().count(), 1 + rb.dimensions().len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for Robustness {
    const FORMATS: &'static [Format] = TABLE;
    const NAME: &'static str = "a robustness analysis";

    fn render(&self, format: Format) -> Result<String, Error> {
        table(
            self,
            format,
            [robustness::text, robustness::markdown],
            robustness::csv,
        )
    }
}

/// A comparison. Its Markdown has headings and tables: the overall move,
/// the dimensions, what moved each, the changed ratings and context. Its
/// CSV has a header row, then one row per dimension: `mission`,
/// `file_before`, `file_after`, `dimension`, `score_before`, `score_after`,
/// `score_change` (after minus before), `score_low_` and `score_high_` each
/// `before` and `after`, then `level_`, `target_`, `verdict_`, `coverage_`
/// and `provisional_` each `before` and `after`. Numbers are in full precision, as in the JSON report. For a
/// chart of the two assessments, render their [`Trend`] as SVG.
///
/// ```
/// use integration_readiness::{analysis, assess, report, Mission, Rulebook};
/// use integration_readiness::report::Format;
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("M").build()?;
/// let a = assess(&m);
/// let csv = report::render(&analysis::compare(&a, &a), Format::Csv)?;
/// assert!(csv.starts_with("mission,file_before,file_after,dimension,score_before,score_after,"));
/// assert!(csv.contains(",strategic,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for Comparison {
    const FORMATS: &'static [Format] = TABLE;
    const NAME: &'static str = "a comparison";

    fn render(&self, format: Format) -> Result<String, Error> {
        table(
            self,
            format,
            [comparison::text, comparison::markdown],
            comparison::csv,
        )
    }
}

/// A trend. Its CSV has a header row
/// `file,mission,date,dimension,score,score_low,score_high,coverage,level,target,verdict,provisional`,
/// one row per date and dimension, then one per date for `overall`,
/// numbers in full precision. Its SVG is a line
/// chart: one panel for the overall score and one per dimension, the
/// assessments left to right in date order, each point labelled with its
/// score and level (its verdict for the overall).
///
/// ```
/// use integration_readiness::{analysis, assess, report, Mission, Rulebook};
/// use integration_readiness::report::Format;
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("<M & N>").date("2008-01-01").build()?;
/// let t = analysis::trend(&[assess(&m)]);
/// let csv = report::render(&t, Format::Csv)?;
/// assert!(csv.starts_with("file,mission,date,dimension,score,score_low,score_high,coverage,"));
/// assert!(csv.contains(",2008-01-01,overall,"));
/// # #[cfg(feature = "svg")] {
/// let svg = report::render(&t, Format::Svg)?;
/// assert!(svg.starts_with("<svg") && svg.contains("&lt;M &amp; N&gt;"));
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for Trend {
    const FORMATS: &'static [Format] = &[
        Format::Text,
        Format::Markdown,
        #[cfg(feature = "json")]
        Format::Json,
        Format::Csv,
        #[cfg(feature = "svg")]
        Format::Svg,
    ];
    const NAME: &'static str = "a trend";

    fn render(&self, format: Format) -> Result<String, Error> {
        match format {
            Format::Text => Ok(trend::text(self)),
            Format::Markdown => Ok(trend::markdown(self)),
            #[cfg(feature = "json")]
            Format::Json => json_document(self),
            Format::Csv => Ok(trend::csv(self)),
            #[cfg(feature = "svg")]
            Format::Svg => Ok(trend_chart::svg(self)),
            _ => Err(unavailable::<Self>(format)),
        }
    }
}

/// A portfolio. Its Markdown is an overview table and a table per
/// dimension. Its CSV has a header row
/// `file,mission,date,coverage,score,score_low,score_high,verdict,provisional`,
/// then per dimension
/// `DIMENSION_score`, `_score_low`, `_score_high`, `_coverage`, `_level`,
/// `_target`, `_verdict` and `_provisional`; one row per mission, numbers
/// in full precision.
///
/// ```
/// use integration_readiness::{analysis, report, Mission, Rulebook};
/// use integration_readiness::report::Format;
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb).name("Mission \"A\", north").build()?;
/// let csv = report::render(&analysis::portfolio(&rb, &[m])?, Format::Csv)?;
/// assert!(csv.starts_with("file,mission,date,coverage,score,score_low,score_high,verdict,provisional,"));
/// assert!(csv.contains("\r\n,\"Mission \"\"A\"\", north\","));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for Portfolio {
    const FORMATS: &'static [Format] = TABLE;
    const NAME: &'static str = "a portfolio";

    fn render(&self, format: Format) -> Result<String, Error> {
        match format {
            Format::Text => Ok(portfolio::text(self)),
            Format::Markdown => Ok(portfolio::markdown(self)),
            #[cfg(feature = "json")]
            Format::Json => json_document(self),
            Format::Csv => Ok(portfolio::csv(self)),
            _ => Err(unavailable::<Self>(format)),
        }
    }
}

/// A panel of assessors. Its text and Markdown open with the panel's
/// assessment (per dimension the point score, the range the panel leaves
/// open, the level range, the verdict and whether the disagreement can
/// change it) and Krippendorff's alpha (overall, per theme and per
/// dimension, or why it cannot be computed), then the context keys the
/// assessors differ on, what to discuss first (those that change nothing
/// last, said so), each disputed factor with every assessor's rating and
/// note, and the agreed factors. Its JSON is the panel serialized, with
/// `mission` the contract's object (`name`, `date`, `description`);
/// `assessors` and `files` list the assessors and the files their
/// missions came from, in the same order. Its CSV has a header row
/// `file,mission,assessor,factor,theme,rating,step,median,spread,agree`,
/// then one row per factor and assessor (a tidy table: one observation
/// per row, ready to pivot), `step` the rating's place on the scale from
/// 0 (none) to 4 (full), empty for `unknown` and `not-applicable`. The
/// HTML is one self-contained page, printable on A4, every piece of the
/// missions' text escaped.
///
/// ```
/// use integration_readiness::{analysis, report, Mission, Rating, Rulebook};
/// use integration_readiness::report::Format;
/// let rb = Rulebook::oslo_2007();
/// let rate = |who: &str, r: Rating| {
///     Mission::builder(&rb).name("M").assessor(who).rate("field-delegation", r).build()
/// };
/// let p = analysis::panel(&[rate("A", Rating::Low)?, rate("B", Rating::High)?])?;
/// let csv = report::render(&p, Format::Csv)?;
/// assert!(csv.starts_with("file,mission,assessor,factor,theme,rating,step,median,spread,agree\r\n"));
/// assert!(csv.contains(",M,B,field-delegation,leadership-and-management,high,3,low,2,false\r\n"));
/// assert!(report::render(&p, Format::Text)?.starts_with("Panel of 2 assessors: M"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for Panel {
    const FORMATS: &'static [Format] = &[
        Format::Text,
        Format::Markdown,
        #[cfg(feature = "json")]
        Format::Json,
        Format::Csv,
        #[cfg(feature = "html")]
        Format::Html,
    ];
    const NAME: &'static str = "a panel";

    fn render(&self, format: Format) -> Result<String, Error> {
        match format {
            Format::Text => Ok(panel::text(self)),
            Format::Markdown => Ok(panel::markdown(self)),
            #[cfg(feature = "json")]
            Format::Json => panel::json(self),
            Format::Csv => Ok(panel::csv(self)),
            #[cfg(feature = "html")]
            Format::Html => Ok(panel_html::report(self)),
            _ => Err(unavailable::<Self>(format)),
        }
    }
}

/// Two rounds of a panel: did alpha rise, did the spread narrow, which
/// factors still split the panel. Its JSON is the comparison serialized,
/// with `rulebook` and `mission` (`name`) as the contract has them. Its CSV
/// has a header row
/// `mission,factor,spread_first,spread_second,agree_first,agree_second,change,still_split`,
/// then one row per factor whose spread moved (`change` `narrowed` or
/// `widened`) or that still splits the panel (`same` where its spread did
/// not move). It has no `file` column: each row draws on every file of
/// both rounds.
///
/// ```
/// use integration_readiness::{analysis, report, Mission, Rating, Rulebook};
/// use integration_readiness::report::Format;
/// let rb = Rulebook::oslo_2007();
/// let rate = |who: &str, r: Rating| {
///     Mission::builder(&rb).name("M").assessor(who).rate("field-delegation", r).build()
/// };
/// let first = analysis::panel(&[rate("A", Rating::Low)?, rate("B", Rating::High)?])?;
/// let second = analysis::panel(&[rate("A", Rating::Low)?, rate("B", Rating::Partial)?])?;
/// let r = analysis::rounds(&first, &second)?;
/// let csv = report::render(&r, Format::Csv)?;
/// assert!(csv.contains("\r\nM,field-delegation,2,1,false,true,narrowed,false\r\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for Rounds {
    const FORMATS: &'static [Format] = TABLE;
    const NAME: &'static str = "two rounds of a panel";

    fn render(&self, format: Format) -> Result<String, Error> {
        match format {
            Format::Text => Ok(panel::rounds_text(self)),
            Format::Markdown => Ok(panel::rounds_markdown(self)),
            #[cfg(feature = "json")]
            Format::Json => panel::rounds_json(self),
            Format::Csv => Ok(panel::rounds_csv(self)),
            _ => Err(unavailable::<Self>(format)),
        }
    }
}

/// A rulebook: as TOML, the rulebook file itself (one to edit); as
/// Markdown and JSON, its factor reference (see [`reference`](mod@reference)).
///
/// ```
/// use integration_readiness::{report, Rulebook};
/// use integration_readiness::report::Format;
/// let rb = Rulebook::oslo_2007();
/// assert!(report::render(&rb, Format::Markdown)?.contains("political-process-primacy"));
/// let again = Rulebook::from_toml(&report::render(&rb, Format::Toml)?, "rb.toml")?;
/// assert_eq!(again.info().version, rb.info().version);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for Rulebook {
    const FORMATS: &'static [Format] = &[
        Format::Toml,
        #[cfg(feature = "json")]
        Format::Json,
        Format::Markdown,
    ];
    const NAME: &'static str = "a rulebook";

    fn render(&self, format: Format) -> Result<String, Error> {
        match format {
            Format::Toml => self.to_toml(),
            Format::Markdown => Ok(reference::markdown(self)),
            #[cfg(feature = "json")]
            Format::Json => json_document(&reference::json(self)?),
            _ => Err(unavailable::<Self>(format)),
        }
    }
}

/// The formats of a result that is also a table.
const TABLE: &[Format] = &[
    Format::Text,
    Format::Markdown,
    #[cfg(feature = "json")]
    Format::Json,
    Format::Csv,
];

/// A result that is one CSV table (the plan, robustness, the comparison)
/// in `format`: `pages` are its text and Markdown renderers.
fn table<R: Render + serde::Serialize>(
    result: &R,
    format: Format,
    pages: [fn(&R) -> String; 2],
    csv: fn(&R) -> String,
) -> Result<String, Error> {
    match format {
        Format::Text => Ok(pages[0](result)),
        Format::Markdown => Ok(pages[1](result)),
        #[cfg(feature = "json")]
        Format::Json => json_document(result),
        Format::Csv => Ok(csv(result)),
        _ => Err(unavailable::<R>(format)),
    }
}
