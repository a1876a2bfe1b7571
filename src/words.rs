//! The words of a rating, a polarity and an effort: each with `FromStr`
//! beside `Display`, so that what a file says and what a report prints are
//! the same words.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::ParseWordError;

/// How present a factor is in a mission, as an assessor rates it.
///
/// The five rated words map to strengths 0, 0.25, 0.5, 0.75 and 1. `Unknown`
/// means there is no evidence yet (the score becomes a range);
/// `NotApplicable` takes the factor out of the sum and the denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Rating {
    /// Absent.
    None,
    /// Present in name or in a few places only.
    Low,
    /// Present in part.
    Partial,
    /// Largely present.
    High,
    /// Fully present.
    Full,
    /// No evidence yet.
    Unknown,
    /// Does not apply to this mission.
    NotApplicable,
}

impl Rating {
    /// Every rating word, in the order files and messages list them.
    pub const ALL: [Rating; 7] = [
        Rating::None,
        Rating::Low,
        Rating::Partial,
        Rating::High,
        Rating::Full,
        Rating::Unknown,
        Rating::NotApplicable,
    ];

    /// The five rated words, from absent to fully present.
    pub const SCALE: [Rating; 5] = [
        Rating::None,
        Rating::Low,
        Rating::Partial,
        Rating::High,
        Rating::Full,
    ];

    /// The strength in [0, 1] of a rated word; `None` for `unknown` and
    /// `not-applicable`.
    pub fn strength(self) -> Option<f64> {
        match self {
            Rating::None => Some(0.0),
            Rating::Low => Some(0.25),
            Rating::Partial => Some(0.5),
            Rating::High => Some(0.75),
            Rating::Full => Some(1.0),
            Rating::Unknown | Rating::NotApplicable => None,
        }
    }

    /// The position on the rated scale (0 for `none` .. 4 for `full`).
    pub fn step(self) -> Option<usize> {
        Rating::SCALE.iter().position(|r| *r == self)
    }

    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::None => "none",
            Rating::Low => "low",
            Rating::Partial => "partial",
            Rating::High => "high",
            Rating::Full => "full",
            Rating::Unknown => "unknown",
            Rating::NotApplicable => "not-applicable",
        }
    }

    /// The rated word one step up, if any.
    pub fn up(self) -> Option<Rating> {
        self.step().and_then(|s| Rating::SCALE.get(s + 1).copied())
    }

    /// The rated word one step down, if any.
    pub fn down(self) -> Option<Rating> {
        self.step()
            .and_then(|s| s.checked_sub(1))
            .map(|s| Rating::SCALE[s])
    }
}

impl std::str::FromStr for Rating {
    type Err = ParseWordError;

    /// Reads the word used in files, such as `partial`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rating::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| ParseWordError::new("rating", s, Rating::ALL))
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a factor helps or hinders integration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Polarity {
    /// Helps integration: the more present, the higher the score.
    Enabler,
    /// Hinders integration: the more present, the lower the score.
    Barrier,
}

impl Polarity {
    /// Both polarities.
    pub const ALL: [Polarity; 2] = [Polarity::Enabler, Polarity::Barrier];

    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Enabler => "enabler",
            Polarity::Barrier => "barrier",
        }
    }
}

impl std::str::FromStr for Polarity {
    type Err = ParseWordError;

    /// Reads the word used in files, such as `enabler`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Polarity::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| ParseWordError::new("polarity", s, Polarity::ALL))
    }
}

impl fmt::Display for Polarity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How hard a factor is to change, for the mission and its partners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Effort {
    /// Within the mission's own reach, in weeks.
    Low,
    /// Needs partners or headquarters, in months.
    Medium,
    /// Needs Member States or the intergovernmental system, in years.
    High,
}

impl Effort {
    /// Every effort, from the least to the most.
    pub const ALL: [Effort; 3] = [Effort::Low, Effort::Medium, Effort::High];

    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Effort::Low => "low",
            Effort::Medium => "medium",
            Effort::High => "high",
        }
    }
}

impl std::str::FromStr for Effort {
    type Err = ParseWordError;

    /// Reads the word used in files, such as `medium`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Effort::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| ParseWordError::new("effort", s, Effort::ALL))
    }
}

impl fmt::Display for Effort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
