//! [`Format`]: the output formats, as users name them.

use std::fmt;
use std::str::FromStr;

use crate::error::ParseWordError;

/// An output format of the reports: what `--format` names.
///
/// Not every result has every format (see the table in [`report`](super));
/// [`render`](super::render) refuses one that the result lacks, or that this
/// build leaves out (JSON needs the feature `json`, SVG `svg`, HTML `html`),
/// with an error that lists the formats the result has.
///
/// The words are those of [`Format::as_str`]; [`FromStr`] reads them in any
/// case, and [`Display`](fmt::Display) writes them.
///
/// ```
/// use integration_readiness::report::Format;
/// let f: Format = "CSV".parse()?;
/// assert_eq!(f, Format::Csv);
/// assert_eq!(f.to_string(), "csv");
/// assert!("pdf".parse::<Format>().unwrap_err().to_string().contains("markdown"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Text for a terminal, readable in 80 columns.
    Text,
    /// Markdown, for pasting into a document.
    Markdown,
    /// Pretty JSON, one object (the contract is in the README).
    Json,
    /// A table for spreadsheets: RFC 4180, one header row, CRLF line ends.
    Csv,
    /// One self-contained HTML page, printable on A4.
    Html,
    /// A standalone SVG chart.
    Svg,
    /// TOML, the file format of rulebooks.
    Toml,
}

impl Format {
    /// Every format, in the order messages list them.
    pub const ALL: [Format; 7] = [
        Format::Text,
        Format::Markdown,
        Format::Json,
        Format::Csv,
        Format::Html,
        Format::Svg,
        Format::Toml,
    ];

    /// The word users type: `text`, `markdown`, `json`, `csv`, `html`,
    /// `svg` or `toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Svg => "svg",
            Format::Toml => "toml",
        }
    }
}

impl FromStr for Format {
    type Err = ParseWordError;

    /// Reads a format's word, in any case (`json`, `JSON`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| ParseWordError::new("format", s, Format::ALL))
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
