//! What an application that embeds the crate without its default features
//! writes: the builder snippet of the README, and a result kept after the
//! rulebook and mission are gone.

use integration_readiness::{Error, Mission, Rating, Rulebook, assess};
use integration_readiness::assess::Assessment;

/// The README's snippet, returned as an owned assessment.
///
/// # Errors
/// Only if the built-in rulebook changes its ids.
pub fn assessed() -> Result<Assessment, Error> {
    let rb = Rulebook::oslo_2007();
    let mission = Mission::builder(&rb)
        .name("Programmatic mission")
        .context("mandate", "multidimensional")
        .context("humanitarian-operations", true)
        .rate("political-process-primacy", "high".parse::<Rating>()?)
        .note("political-process-primacy", "Peace talks resumed in March.")
        .build()?; // unknown ids and values are reported here, located
    let a: Assessment = assess(&mission);
    Ok(a)
}

/// A mission checked against a small rulebook of the embedder's own, to be
/// scored against the built-in one: the embedder must refit it, and the
/// refit says what was left out. Returns the warnings and the scores.
///
/// # Errors
/// Only if the small rulebook or the mission does not load.
pub fn scored_against_another_rulebook() -> Result<(Vec<String>, Vec<f64>), Error> {
    let small = Rulebook::from_toml(SMALL, "small.toml")?;
    let mission = Mission::builder(&small)
        .name("Small mission")
        .rate("own-factor", Rating::Full)
        .build()?;
    let oslo = Rulebook::oslo_2007();
    // Scoring a batch that mixes the two rulebooks is an error, not a number.
    let mut out = Vec::new();
    let mixed = Mission::builder(&oslo).name("Oslo mission").build()?;
    assert!(matches!(
        integration_readiness::score_batch([&mixed, &mission], &mut out),
        Err(Error::RulebookMismatch { .. })
    ));
    let (fitted, warnings) = mission.refit(&oslo);
    let scores = integration_readiness::score_only(&fitted)
        .iter()
        .map(|d| d.score)
        .collect();
    Ok((warnings, scores))
}

/// A rulebook of one factor and one dimension.
const SMALL: &str = r#"
[rulebook]
id = "small"
title = "Small"
version = "1"

[[level]]
id = "apart"
title = "Apart"
meaning = "keep apart"

[[level]]
id = "together"
title = "Together"
meaning = "one plan"
threshold = { only = 50.0 }

[[dimension]]
id = "only"
title = "Only"
default-target = "together"

[[theme]]
id = "own"
title = "Own"

[[factor]]
id = "own-factor"
polarity = "enabler"
theme = "own"
title = "Own factor"
description = "the embedder's own factor"
question = "how present is it?"
effort = "low"
remedy = "raise it"
citation = { section = "Own", paragraph = 1, phrase = "own" }
"#;

#[cfg(test)]
mod tests {
    #[test]
    fn the_snippet_builds_without_default_features() {
        let a = super::assessed().unwrap();
        assert_eq!(a.mission.name, "Programmatic mission");
        assert_eq!(a.dimensions.len(), 3);
    }

    #[test]
    fn another_rulebook_needs_an_explicit_refit_that_says_what_it_left_out() {
        let (warnings, scores) = super::scored_against_another_rulebook().unwrap();
        // The small rulebook's one factor is not in the built-in one: left
        // out, and said; nothing is rated, so every score is the middle.
        assert_eq!(
            warnings,
            ["evidence for `own-factor` left out: rulebook `oslo-2007` has no such factor"]
        );
        assert_eq!(scores, [50.0, 50.0, 50.0]);
    }
}
