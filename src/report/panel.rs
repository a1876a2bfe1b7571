//! A panel of assessors, and two rounds of one, as text, Markdown, JSON and
//! CSV. The words each format shares (an alpha, a dimension's verdict over
//! the panel's range, a factor's swing) are made here once.

use std::fmt::Write as _;

use super::fmt::{count, csv_num, csv_row, fit, md_text, one, wrap};
use crate::analysis::{
    Alpha, Disagreement, GroupAlpha, Panel, PanelDimension, PanelFactor, Rounds, Swing,
};
use crate::assess::Verdict;
use crate::text::Text;
use crate::words::Rating;

/// Alpha to three decimals with its pairable values, or why it cannot be
/// computed: `0.953 (159 pairable values)`.
pub(crate) fn alpha(a: &Alpha) -> String {
    let values = count(a.pairable, "pairable value");
    match a.value {
        Some(v) if v.is_finite() => format!("{v:.3} ({values})"),
        _ => format!(
            "cannot be computed: {} ({values})",
            a.why_not.unwrap_or("no value")
        ),
    }
}

/// What alpha says, by Krippendorff's usual thresholds.
pub(crate) fn alpha_reading(a: &Alpha) -> &'static str {
    match a.value {
        Some(v) if v >= 0.8 => "reliable (0.800 or more)",
        Some(v) if v >= 0.667 => "tentative conclusions only (0.667 to 0.800)",
        Some(_) => "not reliable (below 0.667)",
        None => "no reading",
    }
}

/// The reading of alpha, said once for every format.
pub(crate) const ALPHA_LEGEND: &str = "Krippendorff's alpha (ordinal): 1 is full agreement, 0 agreement no better \
than chance. Krippendorff's usual reading: 0.800 or more reliable, 0.667 to 0.800 \
for tentative conclusions only, below that not reliable. It rests on the \
pairable values alone: ratings on the scale of factors at least two \
assessors rated.";

/// What the panel's median and range are, said once for every format.
pub(crate) const METHOD: &str = "The panel's rating of a factor is the median of the ratings given (with an \
even number, the more cautious of the two middle ones). The range the panel \
leaves open puts every factor anywhere between the least and the most \
favourable rating an assessor gave it (the whole scale where one said \
unknown): every assessor's own score lies in it.";

/// A verdict, or `open` where the target depends on context not agreed.
pub(crate) fn verdict_word(v: Option<Verdict>) -> &'static str {
    v.map_or("open", |v| v.as_str())
}

/// The level range of a dimension: `cooperation`, or `coordination to
/// cooperation`.
pub(crate) fn level_range(d: &PanelDimension) -> String {
    if d.level_range[0] == d.level_range[1] {
        d.level_range[0].to_string()
    } else {
        format!("{} to {}", d.level_range[0], d.level_range[1])
    }
}

/// Whether what the assessors said, or left unrated, can change a
/// dimension's verdict, in words.
pub(crate) fn settled_words(d: &PanelDimension) -> String {
    let [lo, hi] = d.verdict_range;
    if d.settled {
        format!(
            "{} over the whole range: nothing the assessors said, or left unrated, can change it",
            d.verdict
        )
    } else if lo == hi {
        format!(
            "{} over the range, but {} at the median: what the assessors said, or left unrated, can change it",
            verdict_word(lo),
            d.verdict
        )
    } else {
        format!(
            "{} to {} over the range: what the assessors said, or left unrated, can change it",
            verdict_word(lo),
            verdict_word(hi)
        )
    }
}

/// A dimension's move over one factor's ratings: `programmatic:
/// coordination (not-ready) to cooperation (stretch)`, or `strategic:
/// cooperation (stretch) either way`.
pub(crate) fn swing(s: &Swing) -> String {
    if s.level[0] == s.level[1] && s.verdict[0] == s.verdict[1] {
        format!(
            "{}: {} ({}) either way",
            s.dimension,
            s.level[0],
            verdict_word(s.verdict[0])
        )
    } else {
        format!(
            "{}: {} ({}) to {} ({})",
            s.dimension,
            s.level[0],
            verdict_word(s.verdict[0]),
            s.level[1],
            verdict_word(s.verdict[1])
        )
    }
}

/// `field-delegation: low to high, spread 2`, and how many left it
/// unrated where some did.
pub(crate) fn disagreement_head(d: &Disagreement) -> String {
    let unrated = if d.unrated > 0 {
        format!(
            ", unrated by {} (open over the whole scale)",
            count(d.unrated, "assessor")
        )
    } else {
        String::new()
    };
    format!(
        "{} ({}): {} to {}, spread {}{unrated}",
        d.factor, d.title, d.least, d.most, d.spread
    )
}

/// The theme's title, from the panel's assessment (the id where it has
/// none).
pub(crate) fn theme_title<'a>(p: &'a Panel, id: &'a Text) -> &'a str {
    p.assessment
        .themes
        .iter()
        .find(|t| &t.id == id)
        .map_or(id.as_str(), |t| t.title.as_str())
}

/// The factors the panel is not unanimous on, in the order to discuss
/// them, then any other it disagrees on.
pub(crate) fn disputed(p: &Panel) -> Vec<&PanelFactor> {
    let mut out: Vec<&PanelFactor> = p
        .discuss
        .iter()
        .filter_map(|d| p.factors.iter().find(|f| f.id == d.factor))
        .collect();
    for f in &p.factors {
        if !f.unanimous() && !out.iter().any(|o| o.id == f.id) {
            out.push(f);
        }
    }
    out
}

/// The factors every assessor who rated gave the same rating.
pub(crate) fn agreed(p: &Panel) -> Vec<&PanelFactor> {
    let disputed = disputed(p);
    p.factors
        .iter()
        .filter(|f| !disputed.iter().any(|d| d.id == f.id))
        .collect()
}

/// `3 assessors` and each one's name with its file.
fn assessor_line(p: &Panel, i: usize) -> String {
    let name = p.assessors.get(i).map_or("", |n| n.as_str());
    match p.files.get(i).and_then(Option::as_deref) {
        Some(file) => format!("{name} ({file})"),
        None => name.to_owned(),
    }
}

/// The name of assessor `i`.
fn who(p: &Panel, i: usize) -> &str {
    p.assessors.get(i).map_or("", |n| n.as_str())
}

/// A context value as the reports show it, `(left out)` where not given.
fn context_value(v: Option<&crate::model::ContextValue>) -> String {
    v.map_or_else(|| "(left out)".to_owned(), ToString::to_string)
}

/// The panel as text, readable in 80 columns.
pub(super) fn text(p: &Panel) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        wrap(
            &format!(
                "Panel of {}: {}",
                count(p.assessors.len(), "assessor"),
                p.mission
            ),
            80,
            2
        )
    );
    let _ = writeln!(o, "  {}", wrap(&format!("Made with {}", p.rulebook), 78, 2));
    for i in 0..p.assessors.len() {
        let _ = writeln!(o, "  - {}", wrap(&assessor_line(p, i), 76, 4));
    }
    for w in &p.warnings {
        let _ = writeln!(o, "  Warning: {}", wrap(w, 69, 4));
    }

    if !p.context_splits.is_empty() {
        let _ = writeln!(
            o,
            "\nContext the assessors differ on\n  {}",
            wrap(
                "The panel is not comparing like with like: these keys set the targets. \
                 The panel's assessment leaves them out, and its targets span their values.",
                78,
                2
            )
        );
        for s in &p.context_splits {
            let _ = writeln!(o, "  {}", s.key);
            for (i, v) in s.values.iter().enumerate() {
                let _ = writeln!(
                    o,
                    "    {}",
                    wrap(
                        &format!("{}: {}", who(p, i), context_value(v.as_ref())),
                        76,
                        6
                    )
                );
            }
        }
    }

    let _ = writeln!(
        o,
        "\nThe panel's assessment (every factor at its median)\n{}",
        wrap(METHOD, 78, 2)
            .lines()
            .map(|l| format!("  {}", l.trim_start()))
            .collect::<Vec<_>>()
            .join("\n")
    );
    for d in &p.dimensions {
        let _ = writeln!(
            o,
            "\n{}",
            wrap(
                &format!(
                    "{} ({})  {}{}",
                    d.title,
                    d.id,
                    d.verdict.as_str().to_uppercase(),
                    if d.settled { "" } else { ", OPEN" }
                ),
                80,
                2
            )
        );
        let _ = writeln!(
            o,
            "  score {}, range the panel leaves open {}-{}",
            one(d.score),
            one(d.score_range[0]),
            one(d.score_range[1])
        );
        let _ = writeln!(
            o,
            "  level: {} (over the range: {})",
            d.level,
            level_range(d)
        );
        let _ = writeln!(o, "  {}", wrap(&settled_words(d), 78, 2));
    }
    let _ = writeln!(
        o,
        "\nOverall {} (range {}-{}), verdict {}",
        one(p.overall.score),
        one(p.overall.score_range[0]),
        one(p.overall.score_range[1]),
        p.assessment.overall.verdict
    );

    let r = &p.reliability;
    let _ = writeln!(
        o,
        "\nAgreement\n  {}",
        wrap(
            &format!("alpha {}: {}", alpha(&r.overall), alpha_reading(&r.overall)),
            78,
            2
        )
    );
    o.push_str("  by theme:\n");
    for GroupAlpha { id, alpha: a, .. } in &r.themes {
        let _ = writeln!(
            o,
            "    {}",
            fit(&format!("{:<34} {}", theme_title(p, id), alpha(a)), 76, 6)
        );
    }
    o.push_str("  by dimension:\n");
    for GroupAlpha { id, alpha: a, .. } in &r.dimensions {
        let _ = writeln!(o, "    {}", fit(&format!("{:<34} {}", id, alpha(a)), 76, 6));
    }
    let _ = writeln!(o, "  {}", wrap(ALPHA_LEGEND, 78, 2));

    let _ = writeln!(o, "\nWhat to discuss first");
    if p.discuss.is_empty() {
        o.push_str("  Nothing: every assessor gave every factor the same rating.\n");
    }
    let mut said_nothing = false;
    for (n, d) in p.discuss.iter().enumerate() {
        if !d.changes && !said_nothing {
            said_nothing = true;
            o.push_str("  These change no level and no verdict:\n");
        }
        let _ = writeln!(
            o,
            "  {}",
            wrap(&format!("{}. {}", n + 1, disagreement_head(d)), 78, 5)
        );
        for s in &d.swings {
            let _ = writeln!(o, "     {}", wrap(&swing(s), 75, 7));
        }
    }

    let disputed = disputed(p);
    if !disputed.is_empty() {
        let _ = writeln!(o, "\nThe disputed factors, each assessor's rating and note");
        for f in disputed {
            let _ = writeln!(
                o,
                "\n  {}",
                wrap(
                    &format!(
                        "{} ({}): median {}, spread {}",
                        f.id, f.title, f.median, f.spread
                    ),
                    78,
                    4
                )
            );
            for (i, r) in f.ratings.iter().enumerate() {
                let _ = writeln!(o, "    {}", wrap(&format!("{}: {r}", who(p, i)), 76, 6));
                if let Some(note) = f.notes.get(i).and_then(Option::as_ref) {
                    let _ = writeln!(o, "      {}", wrap(note, 74, 6));
                }
            }
        }
    }

    let agreed = agreed(p);
    if !agreed.is_empty() {
        let _ = writeln!(
            o,
            "\nAgreed: every assessor gave the same rating ({})",
            agreed.len()
        );
        for f in agreed {
            let _ = writeln!(o, "  {}", fit(&format!("{:<40} {}", f.id, f.median), 78, 4));
        }
    }
    o
}

/// The panel as Markdown: headings and pipe tables, the mission's and the
/// assessors' words escaped.
pub(super) fn markdown(p: &Panel) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Panel of {}: {}\n",
        count(p.assessors.len(), "assessor"),
        md_text(&p.mission)
    );
    let _ = writeln!(o, "Made with {}.\n", md_text(&p.rulebook.to_string()));
    o.push_str("| # | assessor | file |\n|---:|---|---|\n");
    for i in 0..p.assessors.len() {
        let _ = writeln!(
            o,
            "| {} | {} | {} |",
            i + 1,
            md_text(who(p, i)),
            md_text(p.files.get(i).and_then(Option::as_deref).unwrap_or(""))
        );
    }
    for w in &p.warnings {
        let _ = writeln!(o, "\n- Warning: {}", md_text(w));
    }

    if !p.context_splits.is_empty() {
        o.push_str(
            "\n## Context the assessors differ on\n\nThe panel is not comparing like with like: \
             these keys set the targets. The panel's assessment leaves them out, and its \
             targets span their values.\n\n| key |",
        );
        for i in 0..p.assessors.len() {
            let _ = write!(o, " {} |", md_text(who(p, i)));
        }
        o.push_str("\n|---|");
        o.push_str(&"---|".repeat(p.assessors.len()));
        o.push('\n');
        for s in &p.context_splits {
            let _ = write!(o, "| {} |", md_text(&s.key));
            for v in &s.values {
                let _ = write!(o, " {} |", md_text(&context_value(v.as_ref())));
            }
            o.push('\n');
        }
    }

    let _ = writeln!(
        o,
        "\n## The panel's assessment\n\n{METHOD}\n\n\
         | dimension | score | range | level | level range | verdict | verdict range | what the assessors said or left unrated |\n\
         |---|---:|---:|---|---|---|---|---|"
    );
    for d in &p.dimensions {
        let _ = writeln!(
            o,
            "| {} | {} | {}–{} | {} | {} | {} | {}–{} | {} |",
            md_text(&d.title),
            one(d.score),
            one(d.score_range[0]),
            one(d.score_range[1]),
            md_text(&d.level),
            md_text(&level_range(d)),
            d.verdict,
            verdict_word(d.verdict_range[0]),
            verdict_word(d.verdict_range[1]),
            if d.settled {
                "cannot change it"
            } else {
                "can change it"
            }
        );
    }
    let _ = writeln!(
        o,
        "\nOverall {} (range {}–{}), verdict {}.",
        one(p.overall.score),
        one(p.overall.score_range[0]),
        one(p.overall.score_range[1]),
        p.assessment.overall.verdict
    );

    let r = &p.reliability;
    let _ = writeln!(
        o,
        "\n## Agreement\n\n{ALPHA_LEGEND}\n\n| over | alpha | reading |\n|---|---|---|\n| every factor | {} | {} |",
        alpha(&r.overall),
        alpha_reading(&r.overall)
    );
    for GroupAlpha { id, alpha: a, .. } in &r.themes {
        let _ = writeln!(
            o,
            "| theme: {} | {} | {} |",
            md_text(theme_title(p, id)),
            alpha(a),
            alpha_reading(a)
        );
    }
    for GroupAlpha { id, alpha: a, .. } in &r.dimensions {
        let _ = writeln!(
            o,
            "| dimension: {} | {} | {} |",
            md_text(id),
            alpha(a),
            alpha_reading(a)
        );
    }

    o.push_str("\n## What to discuss first\n\n");
    if p.discuss.is_empty() {
        o.push_str("Nothing: every assessor gave every factor the same rating.\n");
    } else {
        o.push_str(
            "| # | factor | least favourable | most favourable | spread | at each end | changes |\n\
             |---:|---|---|---|---:|---|---|\n",
        );
        for (n, d) in p.discuss.iter().enumerate() {
            let swings: Vec<String> = d.swings.iter().map(|s| md_text(&swing(s))).collect();
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} | {} |",
                n + 1,
                md_text(&format!("{} ({})", d.factor, d.title)),
                d.least,
                d.most,
                d.spread,
                swings.join("; "),
                if d.changes {
                    "a level or a verdict"
                } else {
                    "nothing"
                }
            );
        }
    }

    let disputed = disputed(p);
    if !disputed.is_empty() {
        o.push_str("\n## The disputed factors\n");
        for f in disputed {
            let _ = writeln!(
                o,
                "\n### {}\n\n{}: median {}, spread {}.\n\n| assessor | rating | note |\n|---|---|---|",
                md_text(&f.id),
                md_text(&f.title),
                f.median,
                f.spread
            );
            for (i, r) in f.ratings.iter().enumerate() {
                let _ = writeln!(
                    o,
                    "| {} | {} | {} |",
                    md_text(who(p, i)),
                    r,
                    md_text(f.notes.get(i).and_then(Option::as_deref).unwrap_or(""))
                );
            }
        }
    }

    let agreed = agreed(p);
    if !agreed.is_empty() {
        o.push_str(
            "\n## Agreed factors\n\nEvery assessor gave the same rating.\n\n\
             | factor | theme | rating |\n|---|---|---|\n",
        );
        for f in agreed {
            let _ = writeln!(
                o,
                "| {} | {} | {} |",
                md_text(&f.id),
                md_text(theme_title(p, &f.theme)),
                f.median
            );
        }
    }
    o
}

/// The panel as JSON: the panel serialized, its `mission` the contract's
/// object (name, date and description of the panel's assessment).
#[cfg(feature = "json")]
pub(super) fn json(p: &Panel) -> Result<String, crate::error::Error> {
    let write = |e: serde_json::Error| crate::error::Error::Write {
        format: "json",
        reason: e.to_string(),
    };
    let mut v = serde_json::to_value(p).map_err(write)?;
    if let Some(map) = v.as_object_mut() {
        map.insert(
            "mission".to_owned(),
            serde_json::to_value(&p.assessment.mission).map_err(write)?,
        );
    }
    super::json_document(&v)
}

/// The step of a rating on the scale (0 for none to 4 for full), empty
/// for `unknown` and `not-applicable`.
fn step(r: Rating) -> String {
    r.step().map(|s| s.to_string()).unwrap_or_default()
}

/// The panel as CSV: one row per factor and assessor.
pub(super) fn csv(p: &Panel) -> String {
    let mut o = String::new();
    csv_row(
        &mut o,
        [
            "file", "mission", "assessor", "factor", "theme", "rating", "step", "median", "spread",
            "agree",
        ],
    );
    for f in &p.factors {
        for (i, r) in f.ratings.iter().enumerate() {
            csv_row(
                &mut o,
                [
                    p.files
                        .get(i)
                        .and_then(Option::as_deref)
                        .unwrap_or("")
                        .to_owned(),
                    p.mission.clone(),
                    who(p, i).to_owned(),
                    f.id.to_string(),
                    f.theme.to_string(),
                    r.to_string(),
                    step(*r),
                    f.median.to_string(),
                    f.spread.to_string(),
                    f.agree.to_string(),
                ],
            );
        }
    }
    o
}

/// Risen, fallen or the same, of two alphas.
fn alpha_move(r: &Rounds) -> &'static str {
    match (r.alpha[0].value, r.alpha[1].value) {
        (Some(a), Some(b)) if b > a => "risen",
        (Some(a), Some(b)) if b < a => "fallen",
        (Some(_), Some(_)) => "the same",
        _ => "cannot be compared",
    }
}

/// Narrowed, widened or the same, of two mean spreads.
fn spread_move(r: &Rounds) -> &'static str {
    let [a, b] = r.mean_spread;
    if b < a {
        "narrowed"
    } else if b > a {
        "widened"
    } else {
        "the same"
    }
}

/// `field-delegation 2 -> 1`.
fn factor_round(f: &crate::analysis::FactorRound) -> String {
    format!("{} {} -> {}", f.factor, f.spread[0], f.spread[1])
}

/// A list of ids, or `none`.
fn ids_or_none(ids: &[Text]) -> String {
    if ids.is_empty() {
        "none".to_owned()
    } else {
        ids.iter().map(Text::as_str).collect::<Vec<_>>().join(", ")
    }
}

/// Two rounds as text, readable in 80 columns.
pub(super) fn rounds_text(r: &Rounds) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        wrap(&format!("Two rounds of a panel: {}", r.mission), 80, 2)
    );
    let _ = writeln!(o, "  {}", wrap(&format!("Made with {}", r.rulebook), 78, 2));
    let _ = writeln!(
        o,
        "\n  {}",
        wrap(
            &format!(
                "Alpha {}: first round {}, second {}",
                alpha_move(r),
                alpha(&r.alpha[0]),
                alpha(&r.alpha[1])
            ),
            78,
            2
        )
    );
    let _ = writeln!(
        o,
        "  {}",
        wrap(
            &format!(
                "Mean spread {}: {} steps, then {} (over the factors two or more rated)",
                spread_move(r),
                csv_num(round3(r.mean_spread[0])),
                csv_num(round3(r.mean_spread[1]))
            ),
            78,
            2
        )
    );
    let _ = writeln!(
        o,
        "  Factors the assessors disagree on: {}, then {}",
        r.disagreements[0], r.disagreements[1]
    );
    for (title, list) in [
        ("Narrowed", &r.narrowed),
        ("Widened", &r.widened),
        ("Still split the panel", &r.still_split),
    ] {
        let _ = writeln!(o, "\n{title} (spread in steps, first -> second)");
        if list.is_empty() {
            o.push_str("  none\n");
        }
        for f in list {
            let _ = writeln!(o, "  {}", wrap(&factor_round(f), 78, 4));
        }
    }
    let _ = writeln!(
        o,
        "\n  {}",
        wrap(
            &format!(
                "Verdicts the second round settles: {}",
                ids_or_none(&r.settled)
            ),
            78,
            2
        )
    );
    let _ = writeln!(
        o,
        "  {}",
        wrap(
            &format!(
                "Verdicts still open (what the assessors said, or left unrated, can change them): {}",
                ids_or_none(&r.open)
            ),
            78,
            2
        )
    );
    o
}

/// A number to three decimals, for the reports' words.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Two rounds as Markdown.
pub(super) fn rounds_markdown(r: &Rounds) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Two rounds of a panel: {}\n", md_text(&r.mission));
    let _ = writeln!(o, "Made with {}.\n", md_text(&r.rulebook.to_string()));
    let _ = writeln!(
        o,
        "| | first round | second round | |\n|---|---|---|---|\n\
         | alpha | {} | {} | {} |\n| mean spread (steps) | {} | {} | {} |\n\
         | factors disagreed on | {} | {} | |",
        alpha(&r.alpha[0]),
        alpha(&r.alpha[1]),
        alpha_move(r),
        csv_num(round3(r.mean_spread[0])),
        csv_num(round3(r.mean_spread[1])),
        spread_move(r),
        r.disagreements[0],
        r.disagreements[1]
    );
    for (title, list) in [
        ("Narrowed", &r.narrowed),
        ("Widened", &r.widened),
        ("Still split the panel", &r.still_split),
    ] {
        let _ = writeln!(o, "\n## {title}\n");
        if list.is_empty() {
            o.push_str("None.\n");
            continue;
        }
        o.push_str("| factor | spread first | spread second | agree first | agree second |\n|---|---:|---:|---|---|\n");
        for f in list {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                md_text(&f.factor),
                f.spread[0],
                f.spread[1],
                f.agree[0],
                f.agree[1]
            );
        }
    }
    let _ = writeln!(
        o,
        "\n## Verdicts\n\n- Settled by the second round: {}.\n- Still open (what the assessors said, or left unrated, can change them): {}.",
        md_text(&ids_or_none(&r.settled)),
        md_text(&ids_or_none(&r.open))
    );
    o
}

/// Two rounds as JSON: the comparison serialized, its `mission` an object
/// with the mission's name.
#[cfg(feature = "json")]
pub(super) fn rounds_json(r: &Rounds) -> Result<String, crate::error::Error> {
    let write = |e: serde_json::Error| crate::error::Error::Write {
        format: "json",
        reason: e.to_string(),
    };
    let mut v = serde_json::to_value(r).map_err(write)?;
    if let Some(map) = v.as_object_mut() {
        map.insert(
            "mission".to_owned(),
            serde_json::json!({ "name": r.mission }),
        );
    }
    super::json_document(&v)
}

/// Two rounds as CSV: one row per factor whose spread moved or that still
/// splits the panel.
pub(super) fn rounds_csv(r: &Rounds) -> String {
    let mut o = String::new();
    csv_row(
        &mut o,
        [
            "mission",
            "factor",
            "spread_first",
            "spread_second",
            "agree_first",
            "agree_second",
            "change",
            "still_split",
        ],
    );
    let mut rows: Vec<(&crate::analysis::FactorRound, &str)> = Vec::new();
    for (list, change) in [(&r.narrowed, "narrowed"), (&r.widened, "widened")] {
        rows.extend(list.iter().map(|f| (f, change)));
    }
    for f in &r.still_split {
        if !rows.iter().any(|(g, _)| g.factor == f.factor) {
            rows.push((f, "same"));
        }
    }
    for (f, change) in rows {
        csv_row(
            &mut o,
            [
                r.mission.clone(),
                f.factor.to_string(),
                f.spread[0].to_string(),
                f.spread[1].to_string(),
                f.agree[0].to_string(),
                f.agree[1].to_string(),
                change.to_owned(),
                r.still_split
                    .iter()
                    .any(|s| s.factor == f.factor)
                    .to_string(),
            ],
        );
    }
    o
}
