//! The assessment's entry point, re-exported at the crate root: the one
//! path to it is `integration_readiness::assess`.

use super::{Assessment, Evaluation, assemble};
use crate::mission::Mission;

/// Assesses a mission against the rulebook it carries: scores, placement,
/// targets, verdicts, explanations and recommendations.
///
/// Pure and deterministic; never panics. To assess a mission against
/// another rulebook, refit it first with [`Mission::refit`], which says
/// what that rulebook leaves out.
///
/// ```
/// use integration_readiness::{assess, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::from_toml(r#"
///     [mission]
///     name = "Example"
///     [evidence.senior-leadership-cohesion]
///     rating = "full"
/// "#, "example.toml", &rb)?;
/// let a = assess(&m);
/// let strategic = &a.dimensions[0];
/// assert!(strategic.score_range[0] <= strategic.score);
/// assert!(strategic.score <= strategic.score_range[1]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess(mission: &Mission) -> Assessment {
    assemble(Evaluation::of(mission))
}
