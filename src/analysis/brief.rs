//! The briefing: an assessment together with the cheapest plan to target,
//! so that "fix first" is the start of the plan and the two never disagree.

use serde::Serialize;

use super::plan::plan_of;
use super::{Plan, PlanChange};
use crate::assess::{Assessment, Evaluation, assemble};
use crate::mission::Mission;

/// How many steps of the plan "fix first" shows.
pub const FIX_FIRST: usize = 5;

/// An assessment with what to fix first: what the `assess` command and the
/// questionnaire show. In JSON, the assessment's keys, then `fix_first`
/// (the first [`FIX_FIRST`] changes of the plan, in its order; none while
/// the assessment [awaits evidence](Assessment::awaits_evidence)) and
/// `plan`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Briefing {
    /// The assessment.
    #[serde(flatten)]
    pub assessment: Assessment,
    /// The start of the plan, in its priority order; empty while the
    /// assessment [awaits evidence](Assessment::awaits_evidence).
    pub fix_first: Vec<PlanChange>,
    /// The cheapest plan to target, whole.
    pub plan: Plan,
}

/// Assesses a mission and plans the cheapest way to its targets: the
/// assessment, and "fix first" as the start of the plan.
///
/// The plan costs more than the assessment (a search, see
/// [`plan`](super::plan())); an embedder that needs only the numbers calls
/// [`assess`](crate::assess()) or [`score_only`](crate::score_only).
///
/// ```
/// use integration_readiness::{analysis, Mission, Rating, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let m = Mission::builder(&rb)
///     .name("Example")
///     .context("mandate", "multidimensional")
///     .rate("common-planning-framework", Rating::Low)
///     .build()?;
/// let b = analysis::brief(&m);
/// // Fix first is the start of the plan, in the plan's order.
/// for (step, change) in b.fix_first.iter().zip(&b.plan.changes) {
///     assert_eq!(step.factor, change.factor);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn brief(mission: &Mission) -> Briefing {
    // One evaluation: the plan reads it, the assessment is assembled from it.
    let evaluation = Evaluation::of(mission);
    let plan = plan_of(&evaluation);
    let assessment = assemble(evaluation);
    // With too little rated for any verdict, changes wait for ratings.
    let shown = if assessment.awaits_evidence() {
        0
    } else {
        FIX_FIRST
    };
    Briefing {
        fix_first: plan.changes.iter().take(shown).cloned().collect(),
        assessment,
        plan,
    }
}
