//! Building a mission in code, checked against its rulebook when built.

use crate::error::Error;
use crate::model::{ContextValue, Effort, Entity, Evidence, MissionData, Rating};
use crate::rulebook::Rulebook;

use super::Mission;

/// A mission being written in code; [`build`](MissionBuilder::build) checks
/// it against the rulebook exactly as a mission file is checked, reporting
/// every unknown id or value with its path. Made by [`Mission::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until it is built"]
pub struct MissionBuilder<'r> {
    rulebook: &'r Rulebook,
    data: MissionData,
}

impl<'r> MissionBuilder<'r> {
    /// An empty mission for `rulebook`.
    pub(crate) fn new(rulebook: &'r Rulebook) -> Self {
        MissionBuilder {
            rulebook,
            data: MissionData::default(),
        }
    }

    /// The mission's name (required, not empty).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.data.mission.name = name.into();
        self
    }

    /// The date of the assessment, `YYYY-MM-DD`.
    pub fn date(mut self, date: impl Into<String>) -> Self {
        self.data.mission.date = Some(date.into());
        self
    }

    /// What the mission is.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.data.mission.description = Some(description.into());
        self
    }

    /// Who made the assessment (one of a panel of assessors).
    pub fn assessor(mut self, assessor: impl Into<String>) -> Self {
        self.data.mission.assessor = Some(assessor.into());
        self
    }

    /// A context value: a word (`"multidimensional"`) or a flag (`true`).
    pub fn context(mut self, key: impl Into<String>, value: impl Into<ContextValue>) -> Self {
        self.data.context.insert(key.into(), value.into());
        self
    }

    /// The rating of a factor; a note and sources given for it are kept.
    pub fn rate(mut self, factor: impl Into<String>, rating: Rating) -> Self {
        self.evidence(factor.into()).rating = rating;
        self
    }

    /// The assessor's note on a factor's rating (the factor stays `unknown`
    /// until rated).
    pub fn note(mut self, factor: impl Into<String>, note: impl Into<String>) -> Self {
        self.evidence(factor.into()).note = Some(note.into());
        self
    }

    /// A source supporting a factor's rating.
    pub fn source(mut self, factor: impl Into<String>, source: impl Into<String>) -> Self {
        self.evidence(factor.into()).sources.push(source.into());
        self
    }

    /// The effort to change a factor in this mission, in place of the
    /// rulebook's.
    pub fn effort(mut self, factor: impl Into<String>, effort: Effort) -> Self {
        self.data.effort.insert(factor.into(), effort);
        self
    }

    /// An actor in the mission.
    pub fn entity(mut self, entity: Entity) -> Self {
        self.data.entities.push(entity);
        self
    }

    /// Checks the mission against the rulebook.
    ///
    /// # Errors
    /// As [`Mission::new`]: [`Error::Invalid`] with every problem, each at
    /// its path (`evidence.FACTOR`, `context.KEY`, `mission.name`...).
    pub fn build(self) -> Result<Mission, Error> {
        Mission::new(self.data, self.rulebook)
    }

    fn evidence(&mut self, factor: String) -> &mut Evidence {
        self.data.evidence.entry(factor).or_insert(Evidence {
            rating: Rating::Unknown,
            note: None,
            sources: Vec::new(),
        })
    }
}
