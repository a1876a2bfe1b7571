//! An assessment as text for the terminal (80 columns) and as Markdown
//! for documents.

use std::fmt::Write as _;

use super::fmt::{md_text, one, pct, signed, wrap};
use super::plan::change_line;
use crate::analysis::Plan;
use crate::assess::{Assessment, Blocker, DimensionResult, OutOfReach, Target, Tension, Verdict};
use crate::rulebook::Rulebook;

/// Width of the score bar in characters (2 points a character).
const BAR: usize = 50;
/// How many recommendations and evidence gaps the reports list.
const TOP: usize = 5;

fn bar_pos(score: f64) -> usize {
    ((score / 100.0) * BAR as f64)
        .round()
        .clamp(0.0, BAR as f64) as usize
}

/// The score bar of a dimension: `#` certain, `=` rated, `+` possible with
/// the unknown evidence, `.` out of reach, `|` thresholds.
fn bar(rb: &Rulebook, d: usize, dim: &DimensionResult) -> [String; 2] {
    let (low, high) = (bar_pos(dim.score_range[0]), bar_pos(dim.score_range[1]));
    let point = bar_pos(dim.score);
    let mut cells: Vec<char> = (0..BAR)
        .map(|i| {
            if i < low {
                '#'
            } else if i < point {
                '='
            } else if i < high {
                '+'
            } else {
                '.'
            }
        })
        .collect();
    let mut marks = vec![' '; BAR + 1];
    for l in 1..rb.levels().len() {
        let p = bar_pos(rb.threshold_at(l, d));
        if p > 0 && p < BAR {
            cells[p] = '|';
        }
        if l == dim.target_detail.level_index {
            marks[p.min(BAR)] = '^';
        }
    }
    if dim.target_detail.level_index == 0 {
        marks[0] = '^';
    }
    [
        format!("  [{}]", cells.into_iter().collect::<String>()),
        format!("   {}", marks.into_iter().collect::<String>().trim_end()),
    ]
}

fn tension_text(x: &Tension) -> String {
    format!(
        "cap {} ({}) overrides floor {} ({})",
        x.cap,
        x.cap_rules.join(", "),
        x.floor,
        x.floor_rules.join(", ")
    )
}

/// Where a target comes from, in words: the rules that set it (or the
/// default), a cap that overrides a floor, and, where missing context leaves
/// it open, that it is the highest of its range (said first: the rule named
/// is the one that sets that highest, not one the mission is known to fall
/// under).
pub(crate) fn target_reason(t: &Target) -> String {
    let mut s = String::new();
    if t.range[0] != t.range[1] {
        let _ = write!(
            s,
            "the highest of {} to {} until {} {} stated; ",
            t.range[0],
            t.range[1],
            t.open_keys.join(", "),
            if t.open_keys.len() == 1 { "is" } else { "are" }
        );
    }
    if t.set_by.is_empty() {
        s.push_str("rulebook default");
    } else {
        let _ = write!(s, "rule {}", t.set_by.join(", "));
    }
    if let Some(x) = &t.tension {
        let _ = write!(s, "; {}", tension_text(x));
    }
    s
}

/// A threshold or gate in the way, in words: the same in every report,
/// for the next level and for a target out of reach.
pub(crate) fn blocker_text(b: &Blocker) -> String {
    match b {
        Blocker::Threshold {
            level,
            needed,
            score,
        } => format!("{level} needs a score of {needed:.1} (now {score:.1})"),
        Blocker::Gate {
            level,
            factor,
            bound,
            rating,
            actual,
            waivable,
            ..
        } => format!(
            "{level} needs {factor} {bound} {rating} (rated {actual}){}",
            if *waivable {
                ""
            } else {
                ", a condition that cannot be waived"
            }
        ),
    }
}

/// Why a target is out of reach, in words: the same in the assessment and
/// the plan.
pub(crate) fn out_of_reach_text(o: &OutOfReach) -> String {
    reach_words(
        &o.target,
        &o.best,
        &o.reasons,
        o.unrated_may_help,
        o.too_early,
    )
}

/// Why `target` is out of reach (the best level within reach `best`): first
/// what no change of the rated factors can meet (the thresholds the best
/// score misses, the gates on unrated factors), then the gates on rated
/// factors that a change could still meet and the target also needs.
fn reach_words(
    target: &str,
    best: &str,
    reasons: &[Blocker],
    unrated_may_help: bool,
    too_early: bool,
) -> String {
    if too_early {
        return format!(
            "{target} is not within reach of the rated factors alone (the best is {best}), and \
             too little is rated to tell what stands in the way: rate first"
        );
    }
    let mut hard = Vec::new();
    let mut also = Vec::new();
    for b in reasons {
        match b {
            Blocker::Threshold {
                level,
                needed,
                score,
            } => hard.push(format!(
                "{level} needs a score of {needed:.1} (at best {score:.1})"
            )),
            Blocker::Gate { actual, .. } if actual.step().is_none() => hard.push(blocker_text(b)),
            _ => also.push(blocker_text(b)),
        }
    }
    let mut s = format!(
        "{target} is out of reach of any change of the rated factors (the best is {best}): {}",
        hard.join("; ")
    );
    if !also.is_empty() {
        let _ = write!(s, "; it also needs {}", also.join("; "));
    }
    if unrated_may_help {
        s.push_str("; rating the unknown factors may bring it within reach");
    }
    s
}

/// The verdict with its qualifier: `READY`, `UNDETERMINED`,
/// `STRETCH (provisional: ...)`.
fn verdict_words(verdict: Verdict, provisional: bool) -> String {
    let mut s = verdict.as_str().to_uppercase();
    if provisional {
        s.push_str(" (provisional)");
    }
    s
}

/// What each verdict word means, and when a result is provisional: the
/// legend every report of an assessment carries.
pub(crate) fn legend() -> String {
    let words: Vec<String> = Verdict::ALL
        .iter()
        .map(|v| format!("{}, {}", v, v.meaning()))
        .collect();
    format!(
        "Verdicts: {}. Provisional: the missing evidence could still move the level; \
         the cause is given. Unrated factors count at the middle of the scale, so the \
         score is the middle of its range.",
        words.join("; ")
    )
}

/// Where the levels' definitions come from, in a sentence (`Levels:
/// co-existence and full-coherence from the proceedings (1.2, para. 6);
/// ...`); `None` when the rulebook names no source in short.
pub(crate) fn level_sources(rb: &Rulebook) -> Option<String> {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for l in rb.levels() {
        let Some(c) = l.cited_as.as_deref() else {
            continue;
        };
        match groups.iter_mut().find(|g| g.0 == c) {
            Some(g) => g.1.push(&l.id),
            None => groups.push((c, vec![&l.id])),
        }
    }
    (!groups.is_empty()).then(|| {
        let parts: Vec<String> = groups
            .iter()
            .map(|(c, ids)| format!("{} from {c}", ids.join(" and ")))
            .collect();
        format!("Levels: {}.", parts.join("; "))
    })
}

/// "Assessed DATE against rulebook ID VERSION (fingerprint ...), crate VERSION".
fn provenance_line(a: &Assessment) -> String {
    match &a.mission.date {
        Some(date) => format!("Assessed {date} against {}", a.rulebook),
        None => format!("Assessed against {}", a.rulebook),
    }
}

/// The text report, readable in 80 columns. With a plan, "fix first" is
/// the start of the plan; without one, the report lists one-step
/// improvements and points to the plan.
pub(super) fn text(rb: &Rulebook, a: &Assessment, plan: Option<&Plan>) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        wrap(&format!("Integration readiness: {}", a.mission.name), 80, 2)
    );
    let _ = writeln!(o, "{}", wrap(&provenance_line(a), 78, 2));
    if let Some(desc) = &a.mission.description {
        let _ = writeln!(o, "{}", wrap(desc, 78, 0));
    }
    let _ = writeln!(
        o,
        "{}",
        wrap(
            &format!(
                "Overall {:.1} (range {:.1}-{:.1}), evidence coverage {}, verdict {}{}",
                a.overall.score,
                a.overall.score_range[0],
                a.overall.score_range[1],
                pct(a.overall.coverage),
                a.overall.verdict,
                if a.overall.provisional {
                    " (provisional)"
                } else {
                    ""
                }
            ),
            78,
            2
        )
    );
    for line in leads(a) {
        let _ = writeln!(o, "{}", wrap(&line, 78, 2));
    }
    let _ = writeln!(o, "\n{}", wrap(&legend(), 78, 0));
    let spectrum: Vec<&str> = rb.levels().iter().map(|l| l.id.as_str()).collect();
    let _ = writeln!(
        o,
        "\n{}",
        wrap(&format!("Spectrum: {}", spectrum.join(" < ")), 78, 10)
    );
    if let Some(sources) = level_sources(rb) {
        let _ = writeln!(o, "{}", wrap(&sources, 78, 8));
    }
    let _ = writeln!(
        o,
        "Bars: # certain, = rated, + possible with missing evidence,\n      | level threshold, ^ target level"
    );

    dimensions(&mut o, rb, a);
    themes(&mut o, rb, a);
    fix_first_text(&mut o, a, plan);
    for section in [evidence_gaps, entities, notes] {
        section(&mut o, rb, a);
    }
    o
}

/// What a report leads with, before the details: why there is no overall
/// verdict and what to rate or state first, the context keys to state,
/// and the targets out of reach.
pub(crate) fn leads(a: &Assessment) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(why) = &a.overall.undetermined {
        out.push(format!("No verdict: {why}."));
    }
    if !a.overall.rate_first.is_empty() {
        out.push(format!(
            "Rate first (enough of the weight for a verdict on every dimension): {}.",
            listed(&a.overall.rate_first, RATE_FIRST)
        ));
    }
    if !a.missing_context.is_empty() {
        let keys: Vec<String> = a
            .missing_context
            .iter()
            .map(|k| {
                let vals: Vec<String> = k.values.iter().map(|v| v.to_string()).collect();
                format!("{} ({})", k.key, vals.join(", "))
            })
            .collect();
        out.push(format!("State the context: {}.", keys.join("; ")));
    }
    // A target no change of the rated factors reaches, whatever the
    // unrated ones turn out to be (the others are told per dimension).
    for d in &a.dimensions {
        if let Some(r) = d.out_of_reach.as_ref().filter(|r| !r.unrated_may_help) {
            out.push(format!(
                "Out of reach on {}: {}.",
                d.id,
                out_of_reach_text(r)
            ));
        }
    }
    out
}

/// How many factors a report names in a list before "and N more".
const RATE_FIRST: usize = 10;

/// `a, b, c` or, beyond `most`, `a, b, ..., and N more`.
fn listed(items: &[crate::text::Text], most: usize) -> String {
    let shown: Vec<&str> = items.iter().take(most).map(|t| t.as_str()).collect();
    if items.len() > most {
        format!("{}, and {} more", shown.join(", "), items.len() - most)
    } else {
        shown.join(", ")
    }
}

/// The labels of a dimension's notes that come before its numbers: why
/// there is no verdict, what to rate first, why it is provisional.
const NOTES_FIRST: [&str; 3] = ["no verdict", "rate first", "provisional"];

/// A dimension's notes, each with its label, in the order every report
/// gives them: `no verdict`, `rate first`, `provisional` (one per cause),
/// `note` (nothing applies), `waived`, `reach` (the target out of reach),
/// then `blocked` (below the target) or `beyond` (at or above it: what the
/// next level would take). The one wording of these lines, for the text,
/// Markdown and HTML reports and the questionnaire.
pub(crate) fn dimension_notes(dim: &DimensionResult) -> Vec<(&'static str, String)> {
    let mut notes = Vec::new();
    if let Some(why) = &dim.undetermined {
        notes.push(("no verdict", why.to_string()));
    }
    if !dim.rate_first.is_empty() {
        notes.push(("rate first", dim.rate_first.join(", ")));
    }
    for cause in &dim.provisional_because {
        notes.push(("provisional", cause.to_string()));
    }
    if !dim.applicable {
        notes.push((
            "note",
            "no factor applies here; left out of the overall".to_owned(),
        ));
    }
    if !dim.waived_gates.is_empty() {
        notes.push((
            "waived",
            format!("gates on {} (not applicable)", dim.waived_gates.join(", ")),
        ));
    }
    if let Some(r) = &dim.out_of_reach {
        notes.push(("reach", out_of_reach_text(r)));
    }
    if let Some(next) = &dim.next {
        let parts: Vec<String> = next.blockers.iter().map(blocker_text).collect();
        if !parts.is_empty() {
            // At or above the target, the next level is not needed: say
            // what it would take, not what blocks.
            let label = if dim.level_index[0] < dim.target_detail.level_index {
                "blocked"
            } else {
                "beyond"
            };
            notes.push((label, parts.join("; ")));
        }
    }
    notes
}

/// A dimension's notes as sentences, ` Label: text.` each, for the
/// Markdown and HTML reports.
pub(crate) fn notes_sentences(dim: &DimensionResult) -> String {
    let mut s = String::new();
    for (label, text) in dimension_notes(dim) {
        let mut chars = label.chars();
        let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or(' ');
        let _ = write!(s, " {first}{}: {text}.", chars.as_str());
    }
    s
}

/// Each dimension: verdict, score, bar, level, target and what stops the next level.
fn dimensions(o: &mut String, rb: &Rulebook, a: &Assessment) {
    for (d, dim) in a.dimensions.iter().enumerate() {
        let _ = writeln!(
            o,
            "\n{} ({})  {}",
            dim.title,
            dim.id,
            verdict_words(dim.verdict, dim.provisional)
        );
        let notes = dimension_notes(dim);
        for (label, text) in notes.iter().filter(|n| NOTES_FIRST.contains(&n.0)) {
            // The text report cuts a long list of factors to rate.
            let text = if *label == "rate first" {
                listed(&dim.rate_first, RATE_FIRST)
            } else {
                text.clone()
            };
            let _ = writeln!(o, "  {}", wrap(&format!("{label}: {text}"), 78, 4));
        }
        let _ = writeln!(
            o,
            "  score {:.1}, range {:.1}-{:.1}, coverage {}{}",
            dim.score,
            dim.score_range[0],
            dim.score_range[1],
            pct(dim.coverage),
            if dim.no_evidence {
                " (no evidence yet)"
            } else {
                ""
            }
        );
        for line in bar(rb, d, dim) {
            let _ = writeln!(o, "{line}");
        }
        let range = if dim.level_range[0] == dim.level_range[1] {
            String::new()
        } else {
            format!(
                " (could be {} to {})",
                dim.level_range[0], dim.level_range[1]
            )
        };
        let _ = writeln!(o, "  level    {}{range}", dim.level);
        let _ = writeln!(
            o,
            "  target   {}",
            wrap(
                &format!("{} ({})", dim.target, target_reason(&dim.target_detail)),
                78,
                11
            )
        );
        for (label, text) in notes.iter().filter(|n| !NOTES_FIRST.contains(&n.0)) {
            let _ = writeln!(o, "  {label:<7}  {}", wrap(text, 78, 11));
        }
    }
}

/// The theme scores.
fn themes(o: &mut String, _: &Rulebook, a: &Assessment) {
    let _ = writeln!(o, "\nThemes");
    for t in &a.themes {
        match t.score {
            Some(s) => {
                let n = ((s / 100.0) * 20.0).round().clamp(0.0, 20.0) as usize;
                let _ = writeln!(
                    o,
                    "  {:<32} {:>5.1} {:<20} {:>4}",
                    truncate(&t.title, 32),
                    s,
                    "#".repeat(n),
                    pct(t.coverage)
                );
            }
            None => {
                let _ = writeln!(
                    o,
                    "  {:<32} {:>5} {:<20} {:>4}",
                    truncate(&t.title, 32),
                    unscored(t),
                    "",
                    pct(t.coverage)
                );
            }
        }
    }
}

/// The unknown factors with the most at stake.
fn evidence_gaps(o: &mut String, _: &Rulebook, a: &Assessment) {
    if !a.evidence_gaps.is_empty() {
        let _ = writeln!(
            o,
            "\nMissing evidence ({} factors unknown; the most at stake first)",
            a.evidence_gaps.len()
        );
        for g in a.evidence_gaps.iter().take(TOP) {
            let _ = writeln!(
                o,
                "  {}",
                wrap(
                    &format!("{} ({:.1} points): {}", g.factor, g.at_stake, g.question),
                    78,
                    4
                )
            );
        }
        if a.evidence_gaps.len() > TOP {
            let _ = writeln!(o, "  and {} more", a.evidence_gaps.len() - TOP);
        }
    }
}

/// The entities: targets, declared levels, over-integration.
fn entities(o: &mut String, _: &Rulebook, a: &Assessment) {
    if !a.entities.is_empty() {
        let _ = writeln!(
            o,
            "\nEntities (target per dimension; ! over-integrated: above a cap the situation\nsets; under: below what the text asks of the role)"
        );
        for e in &a.entities {
            let cells: Vec<String> = e
                .target_detail
                .iter()
                .zip(e.current.values.iter())
                .map(|((d, td), c)| {
                    let t = target_words(td);
                    let flag = if e.over_integrated.iter().any(|x| x == d) {
                        "!"
                    } else if e.under_integrated.iter().any(|x| x.dimension == *d) {
                        ", under"
                    } else {
                        ""
                    };
                    match c {
                        Some(c) => format!("{d} {t} (now {c}{flag})"),
                        None => format!("{d} {t}"),
                    }
                })
                .collect();
            let _ = writeln!(
                o,
                "  {}",
                wrap(
                    &format!("{} [{}]: {}", e.name, e.roles.join(", "), cells.join("; ")),
                    78,
                    4
                )
            );
            for (d, t) in e.target_detail.iter() {
                if let Some(x) = &t.tension {
                    let line = format!("{d}: {}", tension_text(x));
                    let _ = writeln!(o, "    {}", wrap(&line, 78, 6));
                }
            }
            for u in &e.under_integrated {
                let _ = writeln!(o, "    {}", wrap(&under_text(u), 78, 6));
            }
        }
    }
}

/// A target in a word, or its range (`coordination-integration`) where the
/// missing context leaves it open.
pub(crate) fn target_words(t: &Target) -> String {
    if t.range[0] == t.range[1] {
        t.level.to_string()
    } else {
        format!("{}-{}", t.range[0], t.range[1])
    }
}

/// An entity under-integrated on a dimension, in words.
pub(crate) fn under_text(u: &crate::assess::UnderIntegration) -> String {
    format!(
        "under-integrated on {}: {} where the text asks at least {} ({}: {}; {})",
        u.dimension,
        u.current,
        u.floor,
        u.rule,
        u.because.trim_end_matches('.'),
        u.citation
    )
}

/// Warnings (inconsistent ratings among them).
fn notes(o: &mut String, _: &Rulebook, a: &Assessment) {
    for w in &a.warnings {
        let _ = writeln!(o, "\n{}", wrap(&format!("warning: {w}"), 80, 2));
    }
}

/// What a theme without a score shows: `unrated` where some of its
/// factors apply but none is rated yet, `n/a` where none applies.
fn unscored(t: &crate::assess::ThemeResult) -> &'static str {
    if t.applicable { "unrated" } else { "n/a" }
}

/// What "fix first" says when it lists no change: the assessment awaits
/// evidence, or the plan changes nothing.
pub(crate) fn nothing_to_fix(a: &Assessment, p: &Plan) -> &'static str {
    if a.awaits_evidence() {
        "None yet: too little is rated for a verdict, and changes chosen now would rest on the unrated factors counted at the middle of the scale. Rate first what the assessment asks for."
    } else if p.unreachable.is_empty()
        && a.dimensions.iter().any(|d| {
            matches!(
                d.undetermined,
                Some(crate::assess::Undetermined::MissingContext { .. })
            )
        })
    {
        "Nothing toward the highest targets the missing context allows. State it first: the targets, and whether the mission is above one, depend on it."
    } else if p.unreachable.is_empty() {
        "Nothing: every target is met at the point score."
    } else {
        "No change of a rated factor brings the targets closer; rate the unknown factors first."
    }
}

/// How many single steps the reports list beside "fix first" (with a
/// plan) or alone (without one).
const OTHERS_WITH_PLAN: usize = 3;

/// The one-step improvements to list beside "fix first": those the plan's
/// first steps do not already name (three of them), or, without a plan,
/// the best ones; and how many more there are.
fn other_improvements<'a>(
    a: &'a Assessment,
    plan: Option<&Plan>,
) -> (Vec<&'a crate::assess::Recommendation>, usize) {
    let shown: Vec<&str> = plan
        .map(|p| {
            p.changes
                .iter()
                .take(TOP)
                .map(|c| c.factor.as_str())
                .collect()
        })
        .unwrap_or_default();
    let rest: Vec<&crate::assess::Recommendation> = a
        .recommendations
        .iter()
        .filter(|r| !shown.contains(&r.factor.as_str()))
        .collect();
    let most = if plan.is_some() {
        OTHERS_WITH_PLAN
    } else {
        TOP
    };
    let more = rest.len().saturating_sub(most);
    (rest.into_iter().take(most).collect(), more)
}

/// Why a single step beside "fix first" is not among it, from the plan:
/// later in the plan's order (gates first, then the most points toward the
/// blocking thresholds per unit of cost), or not in the plan at all.
fn why_not_first(r: &crate::assess::Recommendation, p: &Plan, arrow: &str) -> String {
    match p.changes.iter().position(|c| c.factor == r.factor) {
        Some(i) => {
            let c = &p.changes[i];
            format!(
                "step {} of the plan ({} {arrow} {}){}",
                i + 1,
                c.from,
                c.to,
                if c.forced_by_gate {
                    ", a gate needs it; the plan puts first the gate steps with the most \
                     points toward the blocking thresholds per unit of cost"
                } else {
                    "; the plan puts gate steps first, then the most points toward the \
                     blocking thresholds per unit of cost"
                }
            )
        }
        None if p.unreachable.is_empty() => {
            "not needed; the cheapest plan reaches the targets without it".to_owned()
        }
        None => "not in the plan; the cheapest plan to the levels within reach does without it"
            .to_owned(),
    }
}

/// A single step in words: what, how far, its effort and cost, its gain
/// and the dimensions it lifts alone.
fn step_line(r: &crate::assess::Recommendation) -> String {
    let lifts = if r.lifts.is_empty() {
        String::new()
    } else {
        format!(", lifts {} alone", r.lifts.join(", "))
    };
    format!(
        "{} ({}): {} -> {}, {} effort, cost {}; overall {}{lifts}",
        r.title,
        r.factor,
        r.from,
        r.to,
        r.effort,
        r.cost,
        signed(r.gain)
    )
}

/// "Fix first" from the plan, then the other one-step improvements.
fn fix_first_text(o: &mut String, a: &Assessment, plan: Option<&Plan>) {
    match plan {
        Some(p) if !p.changes.is_empty() && !a.awaits_evidence() => {
            let _ = writeln!(
                o,
                "\n{}",
                wrap(
                    &format!(
                        "Fix first: the start of the cheapest plan to target ({}, total \
                         effort {}; the plan lists them all)",
                        super::fmt::count(p.changes.len(), "change"),
                        p.total_effort
                    ),
                    78,
                    0
                )
            );
            for (i, c) in p.changes.iter().take(TOP).enumerate() {
                let _ = writeln!(o, "  {}. {}", i + 1, wrap(&change_line(c), 78, 5));
                let _ = writeln!(o, "     {}", wrap(&c.remedy, 78, 5));
                let _ = writeln!(
                    o,
                    "     {}",
                    wrap(&format!("Source: {}", c.citation), 78, 5)
                );
            }
            if p.changes.len() > TOP {
                let _ = writeln!(o, "  and {} more in the plan", p.changes.len() - TOP);
            }
        }
        Some(p) => {
            let _ = writeln!(o, "\nFix first\n  {}", wrap(nothing_to_fix(a, p), 78, 2));
        }
        None => {}
    }
    let (others, more) = other_improvements(a, plan);
    if others.is_empty() || (plan.is_some() && a.awaits_evidence()) {
        return;
    }
    let _ = writeln!(
        o,
        "\n{}",
        if plan.is_some() {
            "Other single steps, and why each is not first"
        } else {
            "One-step improvements (for what to fix first, make the plan)"
        }
    );
    for (i, r) in others.into_iter().enumerate() {
        let mut line = step_line(r);
        if let Some(p) = plan {
            let _ = write!(line, ". Not first: {}", why_not_first(r, p, "->"));
        }
        let _ = writeln!(o, "  {}. {}", i + 1, wrap(&line, 78, 5));
    }
    if more > 0 {
        let _ = writeln!(o, "  and {more} more");
    }
}

/// "Fix first" from the plan, then the other one-step improvements, as
/// Markdown.
fn fix_first_markdown(o: &mut String, a: &Assessment, plan: Option<&Plan>) {
    if let Some(p) = plan {
        let _ = writeln!(o, "\n## Fix first\n");
        if p.changes.is_empty() || a.awaits_evidence() {
            let _ = writeln!(o, "{}", nothing_to_fix(a, p));
        } else {
            let _ = writeln!(
                o,
                "The start of the cheapest plan to target ({}, total effort {}), in the plan's order.\n",
                super::fmt::count(p.changes.len(), "change"),
                p.total_effort
            );
            let _ = writeln!(
                o,
                "| # | Factor | Change | Overall | Toward the targets | Effort | Remedy | Source |"
            );
            let _ = writeln!(o, "|---:|---|---|---:|---|---|---|---|");
            for (i, c) in p.changes.iter().take(TOP).enumerate() {
                let toward = super::plan::toward(c);
                let _ = writeln!(
                    o,
                    "| {} | {} | {} → {} | {} | {} | {}{} | {} | {} |",
                    i + 1,
                    md_text(&c.title),
                    c.from,
                    c.to,
                    signed(c.gain),
                    toward.join(", "),
                    c.effort_level,
                    if c.forced_by_gate { " (gate)" } else { "" },
                    md_text(&c.remedy),
                    md_text(&c.citation.to_string())
                );
            }
            if p.changes.len() > TOP {
                let _ = writeln!(o, "\nAnd {} more in the plan.", p.changes.len() - TOP);
            }
        }
    }
    let (others, more) = other_improvements(a, plan);
    if others.is_empty() || (plan.is_some() && a.awaits_evidence()) {
        return;
    }
    let _ = writeln!(
        o,
        "\n## {}\n",
        if plan.is_some() {
            "Other single steps, and why each is not first"
        } else {
            "One-step improvements"
        }
    );
    let why_column = if plan.is_some() { " Not first |" } else { "" };
    let _ = writeln!(
        o,
        "| # | Factor | Change | Overall | Effort | Cost | Lifts alone |{why_column} Remedy |"
    );
    let _ = writeln!(
        o,
        "|---:|---|---|---:|---|---:|---|{}---|",
        if plan.is_some() { "---|" } else { "" }
    );
    for (i, r) in others.into_iter().enumerate() {
        let why = plan.map_or(String::new(), |p| {
            format!(" {} |", why_not_first(r, p, "→"))
        });
        let _ = writeln!(
            o,
            "| {} | {} | {} → {} | {} | {} | {} | {} |{why} {} |",
            i + 1,
            md_text(&r.title),
            r.from,
            r.to,
            signed(r.gain),
            r.effort,
            r.cost,
            r.lifts.join(", "),
            md_text(&r.remedy)
        );
    }
    if more > 0 {
        let _ = writeln!(o, "\nAnd {more} more.");
    }
}

/// The evidence behind the ratings as text, for a terminal: each rated
/// factor's note and sources, in rulebook order. The text report leaves it
/// out; callers add it on request.
pub(super) fn evidence_text(a: &Assessment) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Evidence");
    let mut any = false;
    for f in &a.factors {
        // A note or source of blanks says nothing: it is left out, not
        // printed as an empty line.
        let note = f.note.as_deref().filter(|n| !n.trim().is_empty());
        let sources: Vec<&str> = f
            .sources
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if note.is_none() && sources.is_empty() {
            continue;
        }
        any = true;
        let rating = f.rating.map_or("no rating".to_owned(), |r| r.to_string());
        let _ = writeln!(o, "  {}", wrap(&format!("{} ({rating})", f.id), 78, 4));
        if let Some(n) = note {
            let _ = writeln!(o, "    {}", wrap(n, 78, 4));
        }
        if !sources.is_empty() {
            let _ = writeln!(
                o,
                "    {}",
                wrap(&format!("Sources: {}", sources.join("; ")), 78, 4)
            );
        }
    }
    if !any {
        let _ = writeln!(o, "  (no notes or sources given)");
    }
    o
}

/// A factor's points on a dimension in the Markdown table: earned, then
/// lost with a minus sign (`1.2 / −0.6`); never a signed zero (`0.0 / 0.0`
/// where nothing is lost).
fn points_cell(earned: f64, lost: f64) -> String {
    let lost = one(lost);
    if lost == "0.0" {
        format!("{} / 0.0", one(earned))
    } else {
        format!("{} / −{lost}", one(earned))
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('~');
        t
    }
}

/// The Markdown report, for pasting into a document; with a plan, "fix
/// first" is the start of the plan.
pub(super) fn markdown(rb: &Rulebook, a: &Assessment, plan: Option<&Plan>) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Integration readiness: {}\n", md_text(&a.mission.name));
    if let Some(desc) = &a.mission.description {
        let _ = writeln!(o, "{}\n", md_text(desc));
    }
    let _ = writeln!(
        o,
        "{}. Overall score **{:.1}** (range {:.1}–{:.1}), evidence coverage {}, verdict **{}**{}.\n",
        md_text(&provenance_line(a)),
        a.overall.score,
        a.overall.score_range[0],
        a.overall.score_range[1],
        pct(a.overall.coverage),
        a.overall.verdict,
        if a.overall.provisional {
            " (provisional)"
        } else {
            ""
        }
    );
    for line in leads(a) {
        let _ = writeln!(o, "- **{}**\n", md_text(&line));
    }
    let _ = writeln!(o, "{}\n", legend());
    let spectrum: Vec<&str> = rb.levels().iter().map(|l| l.id.as_str()).collect();
    let _ = writeln!(o, "Spectrum: {}.\n", spectrum.join(" < "));
    if let Some(sources) = level_sources(rb) {
        let _ = writeln!(o, "{}\n", md_text(&sources));
    }
    let _ = writeln!(o, "## Dimensions\n");
    let _ = writeln!(
        o,
        "| Dimension | Score | Range | Coverage | Level | Level range | Target | Verdict |"
    );
    let _ = writeln!(o, "|---|---:|---|---:|---|---|---|---|");
    for d in &a.dimensions {
        let _ = writeln!(
            o,
            "| {} | {:.1} | {:.1}–{:.1} | {} | {} | {}–{} | {} | {} |",
            md_text(&d.title),
            d.score,
            d.score_range[0],
            d.score_range[1],
            pct(d.coverage),
            d.level,
            d.level_range[0],
            d.level_range[1],
            if d.target_detail.range[0] == d.target_detail.range[1] {
                d.target.to_string()
            } else {
                format!("{}–{}", d.target_detail.range[0], d.target_detail.range[1])
            },
            if d.provisional {
                format!("{} (provisional)", d.verdict)
            } else {
                d.verdict.to_string()
            }
        );
    }
    let _ = writeln!(o);
    for d in &a.dimensions {
        let _ = write!(
            o,
            "- **{}**: target {} ({}).",
            md_text(&d.title),
            d.target,
            md_text(&target_reason(&d.target_detail))
        );
        let _ = write!(o, "{}", md_text(&notes_sentences(d)));
        let _ = writeln!(o);
    }
    let _ = writeln!(
        o,
        "\n## Themes\n\n| Theme | Score | Coverage |\n|---|---:|---:|"
    );
    for t in &a.themes {
        let _ = writeln!(
            o,
            "| {} | {} | {} |",
            md_text(&t.title),
            t.score
                .map_or_else(|| unscored(t).to_owned(), |s| format!("{s:.1}")),
            pct(t.coverage)
        );
    }
    fix_first_markdown(&mut o, a, plan);
    let _ = writeln!(o, "\n## Factors\n");
    let dims: Vec<&str> = a.dimensions.iter().map(|d| d.id.as_str()).collect();
    let _ = writeln!(
        o,
        "| Factor | Polarity | Rating | {} | Source | Evidence |",
        dims.iter()
            .map(|d| format!("{d} pts"))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(o, "|---|---|---|{}---|---|", "---:|".repeat(dims.len()));
    for f in &a.factors {
        let pts: Vec<String> = f
            .contributions
            .values
            .iter()
            .zip(&f.lost.values)
            .map(|(e, l)| points_cell(*e, *l))
            .collect();
        let mut evidence = f.note.as_deref().map(md_text).unwrap_or_default();
        if !f.sources.is_empty() {
            if !evidence.is_empty() {
                evidence.push(' ');
            }
            let _ = write!(evidence, "*Sources:* {}", md_text(&f.sources.join("; ")));
        }
        let _ = writeln!(
            o,
            "| {} (`{}`) | {} | {} | {} | {} | {} |",
            md_text(&f.title),
            f.id,
            f.polarity,
            f.rating.map_or("no evidence".to_owned(), |r| r.to_string()),
            pts.join(" | "),
            md_text(&f.citation.to_string()),
            evidence
        );
    }
    if !a.entities.is_empty() {
        let _ = writeln!(o, "\n## Entities\n");
        let _ = writeln!(
            o,
            "| Entity | Role | {} | Over-integrated | Under-integrated |",
            dims.join(" | ")
        );
        let _ = writeln!(o, "|---|---|{}---|---|", "---|".repeat(dims.len()));
        for e in &a.entities {
            let cells: Vec<String> = e
                .target_detail
                .values
                .iter()
                .zip(&e.current.values)
                .map(|(td, c)| {
                    let t = target_words(td);
                    match c {
                        Some(c) => format!("{t} (now {c})"),
                        None => t,
                    }
                })
                .collect();
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                md_text(&e.name),
                e.roles.join(", "),
                cells.join(" | "),
                e.over_integrated
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                md_text(
                    &e.under_integrated
                        .iter()
                        .map(under_text)
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            );
        }
    }
    if !a.evidence_gaps.is_empty() {
        let _ = writeln!(o, "\n## Missing evidence\n");
        for g in &a.evidence_gaps {
            let _ = writeln!(
                o,
                "- `{}` ({:.1} points at stake): {}",
                g.factor,
                g.at_stake,
                md_text(&g.question)
            );
        }
    }
    for w in &a.warnings {
        let _ = writeln!(o, "\n> warning: {}", md_text(w));
    }
    o
}

/// An assessment's dimensions as CSV (RFC 4180, CRLF line ends, a header
/// row), one row per dimension, numbers in full precision.
pub(super) fn csv(a: &Assessment) -> String {
    use super::fmt::{csv_num, csv_row};
    let mut o = String::new();
    csv_row(
        &mut o,
        [
            "file",
            "mission",
            "dimension",
            "title",
            "score",
            "score_low",
            "score_high",
            "coverage",
            "level",
            "level_low",
            "level_high",
            "target",
            "target_low",
            "target_high",
            "verdict",
            "undetermined",
            "provisional",
            "provisional_because",
            "rate_first",
            "out_of_reach",
        ],
    );
    for d in &a.dimensions {
        csv_row(
            &mut o,
            [
                a.mission.file.clone().unwrap_or_default(),
                a.mission.name.clone(),
                d.id.to_string(),
                d.title.to_string(),
                csv_num(d.score),
                csv_num(d.score_range[0]),
                csv_num(d.score_range[1]),
                csv_num(d.coverage),
                d.level.to_string(),
                d.level_range[0].to_string(),
                d.level_range[1].to_string(),
                d.target.to_string(),
                d.target_detail.range[0].to_string(),
                d.target_detail.range[1].to_string(),
                d.verdict.to_string(),
                d.undetermined
                    .as_ref()
                    .map_or(String::new(), ToString::to_string),
                d.provisional.to_string(),
                d.provisional_because
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
                d.rate_first.join(" "),
                d.out_of_reach
                    .as_ref()
                    .map_or(String::new(), out_of_reach_text),
            ],
        );
    }
    o
}
