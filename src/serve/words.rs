//! The sentences the page shows beside the numbers, made by the same
//! functions as the text, Markdown and HTML reports, so that the page never
//! words a verdict, a reason or a flag a second way. The page puts them in
//! as text; it only turns the factor ids and context keys in them into
//! links.

use serde::Serialize;

use crate::analysis::Briefing;
use crate::assess::{Assessment, DimensionResult, Verdict};
use crate::report::assessment::{
    dimension_notes, leads, legend, nothing_to_fix, target_reason, under_text,
};
use crate::report::html::RULED_OUT;

/// Everything the page says in words about one assessment.
#[derive(Debug, Serialize)]
pub struct Words {
    /// What each verdict word means and when a result is provisional.
    pub legend: String,
    /// Each verdict with its meaning, best first.
    pub verdicts: Vec<VerdictWords>,
    /// What every report leads with: why there is no overall verdict, what
    /// to rate and state first, the targets out of reach.
    pub leads: Vec<String>,
    /// Per dimension, in the assessment's order.
    pub dimensions: Vec<DimensionWords>,
    /// Per entity, in the assessment's order: where it is under-integrated.
    pub entities: Vec<EntityWords>,
    /// What fix first says when the plan changes nothing.
    pub nothing_to_fix: &'static str,
    /// The factors the mission's context rules out, and what that means.
    pub ruled_out: RuledOut,
}

/// A verdict word and its meaning.
#[derive(Debug, Serialize)]
pub struct VerdictWords {
    /// The word, e.g. `above-target`.
    pub verdict: Verdict,
    /// What it means.
    pub meaning: &'static str,
}

/// One dimension's lines, labelled as in the text report.
#[derive(Debug, Serialize)]
pub struct DimensionWords {
    /// The dimension id.
    pub id: String,
    /// The target and what set it (`integration (rule ...; could be ...)`).
    pub target: String,
    /// The other lines, in the text report's order: `no verdict`,
    /// `rate first`, `provisional` (one per cause), `note`, `waived`,
    /// `reach`, then `blocked` (below the target) or `beyond`.
    pub notes: Vec<Note>,
}

/// A labelled line.
#[derive(Debug, Serialize)]
pub struct Note {
    /// The label, as in the text report.
    pub label: &'static str,
    /// The line.
    pub text: String,
}

/// One entity's words.
#[derive(Debug, Serialize)]
pub struct EntityWords {
    /// Its name.
    pub name: String,
    /// Each dimension where it is below a floor the text asks of its role,
    /// in words.
    pub under: Vec<String>,
}

/// The factors the context rules out.
#[derive(Debug, Serialize)]
pub struct RuledOut {
    /// Their ids.
    pub factors: Vec<String>,
    /// What a report says of each.
    pub text: &'static str,
}

/// The words of a briefing.
pub fn of(b: &Briefing) -> Words {
    let a = &b.assessment;
    Words {
        legend: legend(),
        verdicts: Verdict::ALL
            .into_iter()
            .map(|verdict| VerdictWords {
                verdict,
                meaning: verdict.meaning(),
            })
            .collect(),
        leads: leads(a),
        dimensions: a.dimensions.iter().map(dimension).collect(),
        entities: entities(a),
        nothing_to_fix: nothing_to_fix(a, &b.plan),
        ruled_out: RuledOut {
            factors: a
                .factors
                .iter()
                .filter(|f| !f.applies)
                .map(|f| f.id.to_string())
                .collect(),
            text: RULED_OUT,
        },
    }
}

/// A dimension's lines, as every report writes them.
fn dimension(d: &DimensionResult) -> DimensionWords {
    DimensionWords {
        id: d.id.to_string(),
        target: format!("{} ({})", d.target, target_reason(&d.target_detail)),
        notes: dimension_notes(d)
            .into_iter()
            .map(|(label, text)| Note { label, text })
            .collect(),
    }
}

fn entities(a: &Assessment) -> Vec<EntityWords> {
    a.entities
        .iter()
        .map(|e| EntityWords {
            name: e.name.clone(),
            under: e.under_integrated.iter().map(under_text).collect(),
        })
        .collect()
}
