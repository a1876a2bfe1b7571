//! What an application that embeds the crate without its default features
//! writes: the builder snippet of the README, and a result kept after the
//! rulebook and mission are gone.

use integration_readiness::{Assessment, Error, Mission, Rating, Rulebook, assess};

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
    let a: Assessment = assess(&rb, &mission);
    Ok(a)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_snippet_builds_without_default_features() {
        let a = super::assessed().unwrap();
        assert_eq!(a.mission.name, "Programmatic mission");
        assert_eq!(a.dimensions.len(), 3);
    }
}
