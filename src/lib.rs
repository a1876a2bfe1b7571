//! How ready is a UN peace operation for integration?
//!
//! `integration-readiness` scores a mission, described in a TOML file,
//! against the enablers and barriers of integration that practitioners named
//! at the Oslo conference on integrated missions (October 2007). It places
//! the mission on the integration spectrum, from co-existence to full
//! coherence, separately on three levels of coherence (policy/strategic,
//! operational/programmatic, administrative); sets the level each should
//! reach from the mission's mandate and context ("form should follow
//! function"); and says what stops the next level, what to fix first, and
//! how sure the numbers are. Every number is traceable to cited factors.
//!
//! # A tour
//!
//! Load the default rulebook (embedded in the crate) and a mission, assess,
//! and read the result:
//!
//! ```
//! use integration_readiness::{analysis, assess, report, Mission, Rulebook};
//! use integration_readiness::assess::Verdict;
//!
//! let rulebook = Rulebook::oslo_2007();
//! let mission = Mission::from_toml(r#"
//!     [mission]
//!     name = "Example integrated mission"
//!     date = "2007-10-29"
//!
//!     [context]
//!     mandate = "multidimensional"
//!     conflict = "active"
//!     humanitarian-operations = true
//!
//!     [evidence.senior-leadership-cohesion]
//!     rating = "partial"
//!     note = "Leadership team formed ad hoc; no joint induction."
//!     sources = ["Mission review, 2007"]
//!
//!     [evidence.donor-earmarking]
//!     rating = "high"
//!
//!     [[entity]]
//!     name = "OCHA"
//!     role = "humanitarian"
//!     current = { strategic = "cooperation" }
//! "#, "example.toml", &rulebook)?;
//!
//! let a = assess(&mission);
//! let strategic = &a.dimensions[0];
//! // A multidimensional mandate sets a high strategic target...
//! assert_eq!(strategic.target, "integration");
//! // ...but two rated factors carry 6% of the weight, less than the half a
//! // verdict needs: no verdict, and the report says what to rate first.
//! assert_eq!(strategic.verdict, Verdict::Undetermined);
//! assert_eq!(strategic.rate_first[0], "senior-representative-authority");
//! // With most factors unknown, the score is a wide range, and the point
//! // score is its middle (each unknown factor at the middle of the scale).
//! assert!(strategic.score_range[1] - strategic.score_range[0] > 50.0);
//! let middle = (strategic.score_range[0] + strategic.score_range[1]) / 2.0;
//! assert!((strategic.score - middle).abs() < 1e-9);
//! // In active conflict, humanitarian actors integrate asymmetrically:
//! // OCHA declared at cooperation is over-integrated.
//! assert_eq!(a.entities[0].over_integrated, ["strategic"]);
//! // So little evidence cannot give a firm verdict.
//! assert!(strategic.provisional && a.overall.provisional);
//! // What to fix first is the start of the cheapest plan to the targets;
//! // reports for people: text for a terminal, Markdown for a document.
//! let briefing = analysis::brief(&mission);
//! let text = report::render(&briefing, report::Format::Text)?;
//! assert!(text.contains("Fix first"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The entry points:
//!
//! | what | where |
//! |---|---|
//! | the default rulebook, or your own | [`Rulebook::oslo_2007`], [`Rulebook::from_toml`], [`Rulebook::new`] |
//! | a mission | [`Mission::builder`], [`Mission::from_toml`], [`Mission::new`], `Mission::from_path` (feature `files`) |
//! | the assessment | [`assess()`], and [`score_only`] / [`score_into`] for sweeps |
//! | reports of any result, in any of its formats | [`report::render`] with a [`report::Format`]: text, Markdown, JSON (feature `json`), CSV, SVG (feature `svg`), HTML (feature `html`) |
//! | what-if, plan, robustness, compare | [`analysis`] |
//! | the factor reference | [`report::render`] of the rulebook as Markdown or JSON, [`report::reference`](mod@report::reference) |
//! | errors | [`Error`], one for every fallible function |
//! | a mission file to start from | [`template::mission`] |
//! | the file formats as types | [`model`] |
//! | JSON Schemas of the formats (feature `schema`) | `schema::mission_schema`, `schema::rulebook_schema` |
//!
//! The module map, and where a new rulebook, output format or analysis
//! goes, is in `ARCHITECTURE.md` at the root of the repository.
//!
//! # The method
//!
//! ## Scores
//!
//! On dimension `d` each factor `f` has a weight `w(f,d) >= 0` and, from the
//! evidence, a strength `s(f)`: `none` 0, `low` 0.25, `partial` 0.5, `high`
//! 0.75, `full` 1. An enabler earns `w s`; a barrier earns `w (1 - s)`: a
//! barrier that is absent earns full marks. `not-applicable` factors leave
//! both sums, and so do factors whose `applies-when` condition the
//! mission's context rules out; `unknown` ones (no evidence) count at the
//! middle of the scale:
//!
//! ```text
//! range(d) = [100 · E / (R + U), 100 · (E + U) / (R + U)]
//! score(d) = 100 · (E + U / 2) / (R + U)      the middle of the range
//! ```
//!
//! where `E` is the earned weight, `R` the rated weight and `U` the unknown
//! weight: the range puts every unknown factor at its worst and its best,
//! and the point score in the middle. So news moves the score in its own
//! direction: rating an unknown enabler `high` raises it, `low` lowers it,
//! `partial` leaves it where it was, and the range only narrows. (A point
//! score over the rated factors alone would reward bad news: any rating
//! above the current average would raise it.) The coverage `R / (R + U)` is
//! reported beside every score. Each factor's contribution (`100 w e /
//! (R + U)` points, an unknown factor's `e` being one half) is listed, so
//! the contributions sum to the score.
//!
//! ## Placement
//!
//! The spectrum of the default rulebook runs `co-existence` < `coordination`
//! < `cooperation` < `integration` < `full-coherence`. The two ends are the
//! proceedings' own (1.2, para. 6: actors that keep out of each other's way,
//! and full policy integration with major investment); the rungs between
//! follow Himmelman's continuum and the Secretary-General's 2008 decision on
//! integration (see the rulebook's level sources). Every level above the
//! lowest has a threshold per dimension and may have gates: a factor that
//! must be at least (an enabler) or at most (a barrier) some rating. A
//! dimension reaches a level when its score meets that level's threshold and
//! every gate of that level and the levels below holds (staged, as in CMMI);
//! every threshold and gate that fails at the next level is reported as
//! what stops it. With unknown evidence the level is a range: pessimistic (lowest
//! score, unknown gates fail) to optimistic (highest score, unknown gates
//! hold); the point level uses the point score with unknown gates failing.
//! Scores within [`assess::THRESHOLD_TOLERANCE`] below a threshold meet it.
//! A gate may bind only in some contexts (`when`; a condition the mission
//! leaves open binds). A gate on a factor rated `not-applicable` holds; the
//! assessment lists it among the dimension's waived gates so that a reader
//! can challenge the rating, and the mission must say why in the evidence
//! note. A gate the rulebook marks `waivable = false` cannot be waived:
//! rating its factor `not-applicable` is refused wherever it binds, citing
//! the gate's reason; and where a factor's `applies-when` condition holds,
//! `not-applicable` is refused with an error naming the context key. A
//! dimension on which no factor applies is marked as such and left out of
//! the overall score and verdict.
//!
//! The gates carry the text's absolute conditions. Where the proceedings say
//! that without a condition integration "cannot be achieved" (intergovernmental
//! support, Executive summary, para. 4), "is not feasible" (mandates matched
//! by resources, para. 19) or that failure "is inevitable" (no political
//! process, para. 12), and that humanitarian principles should guide the
//! whole process (para. 17), the default rulebook gates the `integration`
//! level on every dimension: no score, however high, places a mission at
//! integration without them. Integration itself is defined by a shared
//! analysis and a common strategic framework, not by a structure or one
//! hierarchy (1.2, para. 4; 1.3, para. 1); cooperation by shared resources
//! and some joint planning; full coherence by major investment and
//! collaboration up to the highest levels (1.2, para. 6). Every threshold,
//! gate, rule, weight and effort is listed with its reason in
//! `docs/rulebook-decisions.md`, and `docs/scenarios.md` lists the
//! practitioner scenarios that pin the rulebook's judgement.
//!
//! ## Targets: form follows function
//!
//! "One size does not fit all" (proceedings, 1.2, para. 4): the level a
//! dimension should reach depends on the mission. Each dimension has a
//! default target; target rules raise it (`at-least`, a floor) or cap it
//! (`at-most`) when the mission's context matches. The target is the highest
//! matching floor (or the default, if higher), capped by the lowest matching
//! cap; a cap below a floor is reported as a tension and the cap wins
//! (humanitarian principles guide integration, Executive summary, para. 17).
//! The default rulebook's targets depend on the mandate, the phase and the
//! conflict ("given the different phases of a mission", 1.2, para. 4): a
//! multidimensional Security Council mandate, which makes an integrated
//! approach an operational imperative (Executive summary, para. 4), sets the
//! strategic target at integration in every phase; programmes are integrated
//! once the mission is established or draws down, administration shares
//! resources in consolidation; while relief runs in active conflict the
//! presence's programmes are capped at cooperation. Rules may be limited to
//! entity roles: wherever relief operations run, humanitarian agencies and
//! humanitarian NGOs integrate asymmetrically (capped at cooperation, and at
//! coordination on strategy in active conflict; Executive summary, para.
//! 16), and are asked at least to coordinate. National authorities are
//! expected to co-own strategy and programmes from the planning stage and to
//! integrate through a compact in drawdown and transition (para. 26), unless
//! the government is itself a party to the fighting, when they are
//! coordinated with and ownership is built beyond the parties; donors who
//! pool funds and plan jointly (paras. 13, 14, 23) and NGOs in partnership
//! (para. 14) do what is asked of them. A
//! context key the mission leaves out is unknown: every value the key
//! allows is tried, the target becomes the range of what they set (its
//! `level` the highest), and the assessment names the keys to state with
//! the values each could take ([`Assessment::missing_context`](assess::Assessment::missing_context)). An entity
//! (of one role, or several for a dual-mandate agency: the rules of each
//! apply, and the lowest cap wins) declared above a cap the situation sets
//! for it is over-integrated: integration is not an end in itself (1.3);
//! one below a floor that a rule of its role asks for is under-integrated,
//! with the rule's reason. Consistency rules of the
//! rulebook turn ratings that contradict each other into warnings.
//!
//! Each dimension's verdict is `ready` (level at or above target, and not
//! above a cap), `above-target` (above a cap that a matching `at-most` rule
//! sets: over-investment), `stretch` (one level short) or `not-ready`. It is
//! `undetermined`, never `ready`, when less than the rulebook's
//! `min-coverage` of the dimension's weight is rated (an empty mission
//! reaching a low target proves nothing), when no factor applies, or when
//! the verdict would differ across the targets the missing context keys
//! allow; [`assess::DimensionResult::undetermined`] says which, and
//! `rate_first` lists the unrated factors to rate first. A result is
//! provisional when its level range spans more than one level, with the
//! cause in words. The overall score is the dimension-weighted mean over the
//! dimensions where some factor applies. The overall verdict is the worst
//! verdict of those dimensions, and `undetermined` when any of them is
//! undetermined, when less than the minimum of all the weight is rated, or
//! when no dimension counts at all.
//!
//! ## Recommendations
//!
//! Every one-step change (an enabler up one rating, a barrier down one) is
//! ranked: first those that lift a below-target dimension to its next level,
//! then by overall points gained per unit of effort cost, with the factor's
//! remedy and citation. [`analysis::plan`] goes further and finds the
//! cheapest set of changes that reaches every target, exactly.
//!
//! # Design notes
//!
//! - The file types in [`model`] are the formats: kebab-case keys, unknown
//!   keys rejected, round trips through TOML and JSON lossless. Validated
//!   [`Rulebook`] and [`Mission`] values resolve ids once to dense indices.
//! - The scoring core ([`assess()`] and [`analysis`]) is pure: no I/O, no
//!   clock, no global state; randomness only from an explicit seed.
//! - Loading reports every problem in a file at once, in file order, each
//!   with file, line:column, path, what is allowed and, for an unknown id,
//!   the nearest known one. Input over [`MAX_INPUT_BYTES`] is refused, and
//!   files and streams are read no further than that ([`read_limited`]). A
//!   mission file holds at most [`MAX_ENTITIES`] entities and
//!   [`MAX_SOURCES`] sources for one rating; missions built in code have no
//!   such limits.
//! - Features, all on by default: `toml` (reading files from disk,
//!   `from_path`), `json` (JSON loaders and reports), `schema` (JSON
//!   Schemas, with `schemars`), `svg` (charts, no dependency). With
//!   `default-features = false` the built-in rulebook, TOML text, the
//!   builder, the scoring core, the analyses and the text and Markdown
//!   reports need only `serde`, `thiserror`, `strsim` and `toml`.
//! - One error type, [`Error`], from every fallible function; it keeps
//!   every problem found, each with its path (and, from a file, its line).
//! - Results ([`Assessment`](assess::Assessment), the plan, robustness and comparison) own their
//!   data; a [`Rulebook`] is a cheap handle, and [`Rulebook::oslo_2007`]
//!   reads the embedded text once per process.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod analysis;
pub mod assess;
mod builtin;
mod control;
mod error;
#[cfg(feature = "json")]
mod json;
mod load;
mod mission;
pub mod model;
pub mod report;
mod rulebook;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(feature = "serve")]
pub mod serve;
pub mod template;
mod text;
mod words;

pub use assess::entry::assess;
pub use assess::score::{score_batch, score_into, score_only, score_sweep};
pub use error::{
    Diagnostic, Diagnostics, DocPath, Error, MAX_PROBLEMS, ParseWordError, PathSegment, Problem,
};
pub use load::{MAX_ENTITIES, MAX_INPUT_BYTES, MAX_SOURCES, STDIN_NAME, read_limited};
pub use mission::{Mission, MissionBuilder};
pub use rulebook::Rulebook;
pub use text::Text;
pub use words::{Effort, Polarity, Rating};
