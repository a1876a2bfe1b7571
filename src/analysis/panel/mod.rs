//! A panel of assessors: the same mission rated by several people, each
//! alone. Where they agree and disagree, how reliable their ratings are
//! (Krippendorff's alpha), the panel's assessment with the disagreement
//! taken as uncertainty, and which disagreements to discuss first.

mod alpha;
mod rounds;

use std::collections::BTreeMap;

use serde::Serialize;

pub use alpha::{Alpha, NO_VARIATION, TOO_FEW, ordinal_alpha};
pub use rounds::{FactorRound, Rounds, rounds};

use crate::assess::score::{overall_scores, overall_weights, score_ratings, tallies};
use crate::assess::{Assessment, DimensionScore, Provenance, Verdict, mismatch};
use crate::error::{DocPath, Error, Problem};
use crate::mission::{Mission, Waivers};
use crate::model::{ContextValue, Evidence, MissionData, Polarity, Rating};
use crate::text::Text;

/// One factor as the panel rated it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PanelFactor {
    /// Factor id.
    pub id: Text,
    /// The factor's title.
    pub title: Text,
    /// Its theme's id.
    pub theme: Text,
    /// Each assessor's rating, in the order of [`Panel::assessors`].
    pub ratings: Vec<Rating>,
    /// Each assessor's note, in the same order.
    pub notes: Vec<Option<Text>>,
    /// The panel's rating: the median of the ratings on the scale (see
    /// [`panel`] for an even count, and for `not-applicable`).
    pub median: Rating,
    /// How many steps of the scale lie between the lowest and the highest
    /// rating given (0 when fewer than two assessors rated on the scale).
    pub spread: usize,
    /// Whether the assessors agree: a spread of at most one step, and no
    /// split between `not-applicable` and a rating.
    pub agree: bool,
    /// How many said `unknown` (or left the factor out).
    pub unknown: usize,
    /// How many said `not-applicable`.
    pub not_applicable: usize,
}

impl PanelFactor {
    /// Whether every assessor gave the same rating: a factor some rated
    /// and others left `unknown` is not unanimous (the panel's range spans
    /// the whole scale for it). A factor nobody rated is unanimous: every
    /// assessor left it unknown.
    pub fn unanimous(&self) -> bool {
        let first = self.ratings.first();
        self.ratings.iter().all(|r| Some(r) == first)
    }
}

/// A context key on which the assessors differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ContextSplit {
    /// The key.
    pub key: Text,
    /// Each assessor's value (`None` where the assessor left it out).
    pub values: Vec<Option<ContextValue>>,
}

/// Krippendorff's alpha of one group of factors (a theme, or the factors
/// that weigh on a dimension). In JSON, `id` beside the alpha's own keys.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct GroupAlpha {
    /// The theme's or the dimension's id.
    pub id: Text,
    /// The alpha of its factors.
    #[serde(flatten)]
    pub alpha: Alpha,
}

/// Krippendorff's alpha of the panel, over every factor and per group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Reliability {
    /// Over every factor.
    pub overall: Alpha,
    /// Per theme: the alpha of its factors.
    pub themes: Vec<GroupAlpha>,
    /// Per dimension: the alpha of the factors that weigh on it.
    pub dimensions: Vec<GroupAlpha>,
}

/// Over all dimensions: the panel's assessment's overall point score and
/// the range the panel leaves open (as [`PanelDimension::score_range`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PanelOverall {
    /// The overall point score with every factor at its median.
    pub score: f64,
    /// The lowest and highest overall score over what the assessors said
    /// and left unrated.
    pub score_range: [f64; 2],
}

/// One dimension of the panel's assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PanelDimension {
    /// Dimension id.
    pub id: Text,
    /// Its title.
    pub title: Text,
    /// The point score of the panel's assessment (every factor at its
    /// median).
    pub score: f64,
    /// The range the panel leaves open: every factor anywhere between the
    /// least and the most favourable rating an assessor gave it, and
    /// anywhere on the scale where an assessor said `unknown` or the
    /// assessors split over `not-applicable`. Every assessor's own point
    /// score lies in it.
    pub score_range: [f64; 2],
    /// The level of the panel's assessment.
    pub level: Text,
    /// The lowest and highest level over [`PanelDimension::score_range`],
    /// gates included.
    pub level_range: [Text; 2],
    /// The verdict of the panel's assessment.
    pub verdict: Verdict,
    /// The verdict at the lowest and at the highest level of the range
    /// (`None` where the target is itself open, its context keys not
    /// agreed).
    pub verdict_range: [Option<Verdict>; 2],
    /// Whether the verdict is the same over the whole range: what the
    /// panel said, and did not know, cannot change it.
    pub settled: bool,
}

/// How one dimension moves over the ratings given to one factor.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Swing {
    /// Dimension id.
    pub dimension: Text,
    /// The level with the factor at its least and at its most favourable
    /// rating given, every other factor at its median.
    pub level: [Text; 2],
    /// The verdict at each of these levels (`None` where the target is
    /// open).
    pub verdict: [Option<Verdict>; 2],
}

/// A factor on which the assessors are not unanimous, with what their
/// disagreement does to the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Disagreement {
    /// Factor id.
    pub factor: Text,
    /// Its title.
    pub title: Text,
    /// The least favourable rating given (for an enabler the lowest, for a
    /// barrier the highest).
    pub least: Rating,
    /// The most favourable rating given.
    pub most: Rating,
    /// The spread in steps ([`PanelFactor::spread`]).
    pub spread: usize,
    /// How many assessors left it unrated (`unknown`). Where some did, the
    /// factor is open over the whole scale, as in the panel's range: its
    /// least and most favourable ratings are then the ends of the scale,
    /// whatever the others gave.
    pub unrated: usize,
    /// The dimensions the factor weighs on, each with its level and
    /// verdict at the two ends.
    pub swings: Vec<Swing>,
    /// How many dimensions' verdicts differ between the ratings given.
    pub verdicts_changed: usize,
    /// How many levels the dimensions move between the ratings given, all
    /// dimensions together.
    pub levels_moved: usize,
    /// How many points the overall point score moves between the least
    /// and the most favourable rating.
    pub points: f64,
    /// Whether it moves a level or a verdict: a disagreement that does
    /// not is listed last, as such.
    pub changes: bool,
}

/// A panel of assessors, each of whom rated the same mission alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Panel {
    /// The rulebook (id, version, content fingerprint) and the crate version.
    pub rulebook: Provenance,
    /// The mission's name (the first assessor's).
    pub mission: String,
    /// The assessors, in the order given: each mission's `assessor`, or
    /// `assessor N` where it has none.
    pub assessors: Vec<Text>,
    /// The file each assessor's mission was read from (`<stdin>` for
    /// standard input), in the same order, when the program that read them
    /// says so: a mission holds no file name, so the analysis leaves these
    /// `None` and the command sets them.
    pub files: Vec<Option<String>>,
    /// The context keys on which the assessors differ. Their targets
    /// differ, so the panel is not comparing like with like: the panel's
    /// assessment leaves these keys out, and its targets span their values.
    pub context_splits: Vec<ContextSplit>,
    /// Every factor of the rulebook, in its order.
    pub factors: Vec<PanelFactor>,
    /// Krippendorff's alpha (ordinal).
    pub reliability: Reliability,
    /// The panel's assessment per dimension, with the disagreement as
    /// uncertainty.
    pub dimensions: Vec<PanelDimension>,
    /// The overall point score of the panel's assessment and the range the
    /// panel leaves open.
    pub overall: PanelOverall,
    /// What to discuss first: the factors the assessors are not unanimous
    /// on, those that move a verdict first, then a level, then the most
    /// points; those that change nothing last.
    pub discuss: Vec<Disagreement>,
    /// The panel's assessment: the mission with every factor at its median.
    pub assessment: Assessment,
    /// What the panel had to work around (missions with different names,
    /// entities or effort, an assessor named twice).
    pub warnings: Vec<String>,
    /// The mission with every factor at its median, to write as the
    /// agreed file.
    #[serde(skip)]
    settled: Mission,
}

impl Panel {
    /// The mission with every factor at the panel's median rating, each
    /// assessor's note kept (`A: ... | B: ...`) and their sources merged:
    /// a starting point for the file the panel agrees on.
    pub fn settled(&self) -> &Mission {
        &self.settled
    }
}

/// The panel of the assessors who rated `missions` (one mission each, all
/// of the same mission and against the same rulebook).
///
/// The panel's rating of a factor is the median of the ratings on the
/// scale. With an even number, it is the more cautious of the two middle
/// ones (for an enabler the lower, for a barrier the higher): a panel split
/// down the middle does not claim the better half. A factor more assessors
/// call `not-applicable` than rate is not applicable; one nobody rates is
/// unknown.
///
/// ```
/// use integration_readiness::analysis::panel;
/// use integration_readiness::{Mission, Rating, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let rate = |who: &str, r: Rating| {
///     Mission::builder(&rb)
///         .name("M")
///         .assessor(who)
///         .rate("senior-leadership-cohesion", r)
///         .build()
/// };
/// let p = panel(&[rate("A", Rating::Low)?, rate("B", Rating::High)?, rate("C", Rating::High)?])?;
/// let f = p.factors.iter().find(|f| f.id == "senior-leadership-cohesion").unwrap();
/// assert_eq!((f.median, f.spread, f.agree), (Rating::High, 2, false));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Error::RulebookMismatch`] when the missions carry different
/// rulebooks; [`Error::Invalid`] when there are fewer than two missions.
pub fn panel(missions: &[Mission]) -> Result<Panel, Error> {
    let Some(first) = missions.first() else {
        return Err(too_few());
    };
    if missions.len() < 2 {
        return Err(too_few());
    }
    let rb = first.rulebook();
    if let Some(other) = missions.iter().find(|m| m.rulebook() != rb) {
        return Err(mismatch(rb, other));
    }
    let mut warnings = Vec::new();
    let assessors = names(missions, &mut warnings);
    let (context, context_splits) = agreed_context(missions);
    let factors: Vec<PanelFactor> = (0..rb.factors().len())
        .map(|f| factor(missions, f))
        .collect();
    let settled = settle(missions, &factors, &context, &assessors, &mut warnings)?;
    let assessment = crate::assess(&settled);

    // The ends of the range: every factor at its least (most) favourable
    // rating given; where an assessor said unknown, or the panel split over
    // not-applicable, unknown, which the engine's range spans whole.
    let ends = |most: bool| -> Vec<Rating> {
        factors
            .iter()
            .enumerate()
            .map(|(f, pf)| {
                let ruled_out = rb.ruled_out(f, &settled.context);
                end(rb.factors()[f].polarity, pf, ruled_out, most)
            })
            .collect()
    };
    let (low, high) = (ends(false), ends(true));
    let score = |ratings: &[Rating]| -> (Vec<DimensionScore>, (f64, f64, f64)) {
        let mut out = Vec::new();
        score_ratings(rb, &settled.context, ratings, &mut out);
        let overall = overall_scores(&overall_weights(rb, &tallies(rb, ratings)), &out);
        (out, overall)
    };
    let (low_dims, low_overall) = score(&low);
    let (high_dims, high_overall) = score(&high);
    let levels = rb.levels();
    let dimensions: Vec<PanelDimension> = assessment
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, r)| {
            let lo = r.level_index[1].min(low_dims[d].level_range[0]);
            let hi = r.level_index[2].max(high_dims[d].level_range[1]);
            let verdict_range = [
                r.target_detail.verdict_at(lo),
                r.target_detail.verdict_at(hi),
            ];
            let settled = verdict_range[0].is_some()
                && verdict_range[0] == verdict_range[1]
                && verdict_range[0] == Some(r.verdict);
            PanelDimension {
                id: r.id.clone(),
                title: r.title.clone(),
                score: r.score,
                score_range: [
                    r.score_range[0].min(low_dims[d].range[0]),
                    r.score_range[1].max(high_dims[d].range[1]),
                ],
                level: r.level.clone(),
                level_range: [levels[lo].id.as_str().into(), levels[hi].id.as_str().into()],
                verdict: r.verdict,
                verdict_range,
                settled,
            }
        })
        .collect();
    let overall = PanelOverall {
        score: assessment.overall.score,
        score_range: [
            assessment.overall.score_range[0].min(low_overall.1),
            assessment.overall.score_range[1].max(high_overall.2),
        ],
    };
    let discuss = discussion(&settled, &assessment, &factors);
    let reliability = reliability(missions, &factors);
    Ok(Panel {
        rulebook: Provenance::of(rb),
        mission: first.name().to_owned(),
        files: vec![None; assessors.len()],
        assessors,
        context_splits,
        factors,
        reliability,
        dimensions,
        overall,
        discuss,
        assessment,
        warnings,
        settled,
    })
}

fn too_few() -> Error {
    Error::unlocated(
        "<panel>",
        vec![Problem::new(
            DocPath::root(),
            "a panel needs at least two assessors' missions",
        )],
    )
}

/// The assessors' names: `assessor`, or `assessor N`.
fn names(missions: &[Mission], warnings: &mut Vec<String>) -> Vec<Text> {
    let names: Vec<Text> = missions
        .iter()
        .enumerate()
        .map(|(i, m)| match &m.data().mission.assessor {
            Some(a) if !a.trim().is_empty() => a.as_str().into(),
            _ => format!("assessor {}", i + 1).into(),
        })
        .collect();
    for (i, n) in names.iter().enumerate() {
        if names[..i].contains(n) {
            warnings.push(format!(
                "assessor `{n}` rated more than once: each rating counts as another assessor's"
            ));
        }
    }
    let first = missions[0].name();
    if let Some(m) = missions.iter().find(|m| m.name() != first) {
        warnings.push(format!(
            "the missions are named differently (`{first}`, `{}`): the panel takes them for one mission",
            m.name()
        ));
    }
    names
}

/// The context every assessor gives, and the keys on which they differ
/// (a key some leave out and others state among them).
fn agreed_context(missions: &[Mission]) -> (Vec<Option<usize>>, Vec<ContextSplit>) {
    let rb = missions[0].rulebook();
    let mut agreed = Vec::with_capacity(rb.context_keys().len());
    let mut splits = Vec::new();
    for (k, key) in rb.context_keys().iter().enumerate() {
        let first = missions[0].context[k];
        if missions.iter().all(|m| m.context[k] == first) {
            agreed.push(first);
        } else {
            agreed.push(None);
            splits.push(ContextSplit {
                key: key.key.as_str().into(),
                values: missions
                    .iter()
                    .map(|m| m.context[k].map(|v| key.values[v].clone()))
                    .collect(),
            });
        }
    }
    (agreed, splits)
}

/// Factor `f` as the panel rated it.
fn factor(missions: &[Mission], f: usize) -> PanelFactor {
    let rb = missions[0].rulebook();
    let def = &rb.factors()[f];
    let ratings: Vec<Rating> = missions.iter().map(|m| m.rating_at(f)).collect();
    let mut steps: Vec<usize> = ratings.iter().filter_map(|r| r.step()).collect();
    steps.sort_unstable();
    let unknown = ratings.iter().filter(|r| **r == Rating::Unknown).count();
    let not_applicable = ratings
        .iter()
        .filter(|r| **r == Rating::NotApplicable)
        .count();
    let median = if not_applicable > steps.len() {
        Rating::NotApplicable
    } else if steps.is_empty() {
        Rating::Unknown
    } else {
        let n = steps.len();
        let step = if n % 2 == 1 {
            steps[n / 2]
        } else {
            // The more cautious of the two middle ratings.
            match def.polarity {
                Polarity::Enabler => steps[n / 2 - 1],
                Polarity::Barrier => steps[n / 2],
            }
        };
        Rating::SCALE[step]
    };
    let spread = match (steps.first(), steps.last()) {
        (Some(lo), Some(hi)) => hi - lo,
        _ => 0,
    };
    PanelFactor {
        id: def.id.as_str().into(),
        title: def.title.as_str().into(),
        theme: def.theme.as_str().into(),
        notes: missions.iter().map(|m| m.notes[f].clone()).collect(),
        agree: spread <= 1 && (not_applicable == 0 || steps.is_empty()),
        ratings,
        median,
        spread,
        unknown,
        not_applicable,
    }
}

/// The rating of a factor at one end of the panel's range: the least (or
/// most) favourable rating given; unknown where an assessor said unknown
/// or the panel split over not-applicable (the engine's range spans an
/// unknown whole); not applicable where every assessor, or the panel's
/// context, says so.
fn end(polarity: Polarity, pf: &PanelFactor, ruled_out: bool, most: bool) -> Rating {
    let n = pf.ratings.len();
    if ruled_out || pf.not_applicable == n {
        return Rating::NotApplicable;
    }
    let steps = pf.ratings.iter().filter_map(|r| r.step());
    match (steps.clone().min(), steps.max()) {
        (Some(lo), Some(hi)) if pf.unknown == 0 && pf.not_applicable == 0 => {
            // For an enabler the higher step is the more favourable; for a
            // barrier the lower.
            let up = (polarity == Polarity::Enabler) == most;
            Rating::SCALE[if up { hi } else { lo }]
        }
        _ => Rating::Unknown,
    }
}

/// The mission the panel's medians make: the first assessor's mission with
/// the agreed context, each factor at its median, notes gathered and
/// sources merged.
fn settle(
    missions: &[Mission],
    factors: &[PanelFactor],
    context: &[Option<usize>],
    assessors: &[Text],
    warnings: &mut Vec<String>,
) -> Result<Mission, Error> {
    let rb = missions[0].rulebook();
    let mut data: MissionData = missions[0].data().clone();
    data.mission.assessor = None;
    data.context = context
        .iter()
        .enumerate()
        .filter_map(|(k, v)| {
            let key = &rb.context_keys()[k];
            v.map(|v| (key.key.clone(), key.values[v].clone()))
        })
        .collect();
    if missions.iter().any(|m| m.data().entities != data.entities) {
        warnings.push(format!(
            "the assessors list different entities: the panel keeps those of {}",
            assessors[0]
        ));
    }
    if missions.iter().any(|m| m.data().effort != data.effort) {
        warnings.push(format!(
            "the assessors give different efforts: the panel keeps those of {}",
            assessors[0]
        ));
    }
    let mut evidence = BTreeMap::new();
    for (f, pf) in factors.iter().enumerate() {
        if pf.median == Rating::Unknown && pf.notes.iter().all(Option::is_none) {
            continue;
        }
        let notes: Vec<String> = assessors
            .iter()
            .zip(&pf.notes)
            .filter_map(|(who, n)| n.as_ref().map(|n| format!("{who}: {n}")))
            .collect();
        let mut sources: Vec<String> = Vec::new();
        for m in missions {
            for s in m.sources[f].iter() {
                if !sources.iter().any(|have| have == s.as_str()) {
                    sources.push(s.to_string());
                }
            }
        }
        evidence.insert(
            rb.factors()[f].id.clone(),
            Evidence {
                rating: pf.median,
                note: (!notes.is_empty()).then(|| notes.join(" | ")),
                sources,
            },
        );
    }
    data.evidence = evidence;
    Mission::check(data, rb, Waivers::Allowed).map_err(|found| Error::unlocated("<panel>", found))
}

/// The disagreements, ranked: those that change a verdict first, then a
/// level, then by the points they move, then by their spread.
fn discussion(
    settled: &Mission,
    assessment: &Assessment,
    factors: &[PanelFactor],
) -> Vec<Disagreement> {
    let rb = settled.rulebook();
    let levels = rb.levels();
    let mut ratings = settled.ratings().to_vec();
    let mut out = Vec::new();
    let mut dims = Vec::new();
    let mut list: Vec<(usize, Disagreement)> = Vec::new();
    for (f, pf) in factors.iter().enumerate() {
        if pf.unanimous()
            || settled.rating_at(f) == Rating::NotApplicable && rb.ruled_out(f, &settled.context)
        {
            continue;
        }
        let mut given: Vec<Rating> = pf
            .ratings
            .iter()
            .copied()
            .filter(|r| *r != Rating::Unknown)
            .collect();
        // An assessor who left it unrated keeps it open over the whole scale.
        if pf.unknown > 0 {
            given.extend([Rating::SCALE[0], Rating::SCALE[Rating::SCALE.len() - 1]]);
        }
        given.sort_by_key(|r| r.step().map_or(usize::MAX, |s| s));
        given.dedup();
        // Each rating given, scored with every other factor at its median.
        let mut at: Vec<(Rating, f64, Vec<usize>)> = Vec::with_capacity(given.len());
        for &r in &given {
            ratings[f] = r;
            score_ratings(rb, &settled.context, &ratings, &mut dims);
            let (point, _, _) = overall_scores(&overall_weights(rb, &tallies(rb, &ratings)), &dims);
            at.push((r, point, dims.iter().map(|d| d.level).collect()));
        }
        ratings[f] = settled.rating_at(f);
        // Least and most favourable: by the overall point score, ties to
        // the order of the scale.
        let least = at
            .iter()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .cloned()
            .unwrap_or((pf.median, 0.0, Vec::new()));
        let most = at
            .iter()
            .rev()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .cloned()
            .unwrap_or((pf.median, 0.0, Vec::new()));
        let weights = rb.weights_at(f);
        let mut swings = Vec::new();
        let mut levels_moved = 0;
        let mut verdicts_changed = 0;
        for (d, r) in assessment.dimensions.iter().enumerate() {
            let lo = at.iter().map(|a| a.2[d]).min().unwrap_or(0);
            let hi = at.iter().map(|a| a.2[d]).max().unwrap_or(0);
            levels_moved += hi - lo;
            let verdicts: Vec<Option<Verdict>> = at
                .iter()
                .map(|a| r.target_detail.verdict_at(a.2[d]))
                .collect();
            if verdicts.iter().any(|v| *v != verdicts[0]) {
                verdicts_changed += 1;
            }
            if weights.get(d).is_some_and(|w| *w > 0.0) {
                let (l, m) = (least.2[d], most.2[d]);
                swings.push(Swing {
                    dimension: r.id.clone(),
                    level: [levels[l].id.as_str().into(), levels[m].id.as_str().into()],
                    verdict: [r.target_detail.verdict_at(l), r.target_detail.verdict_at(m)],
                });
            }
        }
        list.push((
            f,
            Disagreement {
                factor: pf.id.clone(),
                title: pf.title.clone(),
                least: least.0,
                most: most.0,
                spread: pf.spread,
                unrated: pf.unknown,
                swings,
                verdicts_changed,
                levels_moved,
                points: most.1 - least.1,
                changes: levels_moved > 0 || verdicts_changed > 0,
            },
        ));
    }
    list.sort_by(|(fa, a), (fb, b)| {
        b.verdicts_changed
            .cmp(&a.verdicts_changed)
            .then(b.levels_moved.cmp(&a.levels_moved))
            .then(b.points.total_cmp(&a.points))
            .then(b.spread.cmp(&a.spread))
            .then(fa.cmp(fb))
    });
    out.extend(list.into_iter().map(|(_, d)| d));
    out
}

/// Krippendorff's alpha over every factor, per theme and per dimension:
/// the factors are the units, the assessors the coders, the ratings on the
/// scale the values (`unknown` and `not-applicable` are no value).
fn reliability(missions: &[Mission], factors: &[PanelFactor]) -> Reliability {
    let rb = missions[0].rulebook();
    let units: Vec<Vec<Option<usize>>> = factors
        .iter()
        .map(|pf| pf.ratings.iter().map(|r| r.step()).collect())
        .collect();
    let of = |keep: &dyn Fn(usize) -> bool| -> Alpha {
        let chosen: Vec<Vec<Option<usize>>> = units
            .iter()
            .enumerate()
            .filter(|(f, _)| keep(*f))
            .map(|(_, u)| u.clone())
            .collect();
        ordinal_alpha(&chosen)
    };
    Reliability {
        overall: of(&|_| true),
        themes: rb
            .themes()
            .iter()
            .map(|t| {
                let alpha = of(&|f| rb.factors()[f].theme == t.id);
                GroupAlpha {
                    id: t.id.as_str().into(),
                    alpha,
                }
            })
            .collect(),
        dimensions: rb
            .dimensions()
            .iter()
            .enumerate()
            .map(|(d, dim)| {
                let alpha = of(&|f| rb.weight_at(f, d) > 0.0);
                GroupAlpha {
                    id: dim.id.as_str().into(),
                    alpha,
                }
            })
            .collect(),
    }
}
