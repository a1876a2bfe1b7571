//! The factor reference: a Markdown page generated from a rulebook, grouped
//! by theme, with every citation. `docs/factors.md` is this page for the
//! default rulebook; a test keeps it current.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::fmt::md_text;
use crate::model::{Condition, Polarity, Rating};
use crate::rulebook::Rulebook;

fn one_line(s: &str) -> String {
    md_text(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A citation, as the rulebook's own words, for Markdown.
fn cited(c: &impl std::fmt::Display) -> String {
    md_text(&c.to_string())
}

/// A context condition in words: `key = "a" or "b", other = true`; empty
/// when it holds in every context.
fn when_text(when: &BTreeMap<String, Condition>) -> String {
    when.iter()
        .map(|(k, c)| {
            let vals: Vec<String> = c.values().iter().map(|v| md_text(&v.to_string())).collect();
            format!("{} = {}", md_text(k), vals.join(" or "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A rating condition in words: `` `factor` at least `high` ``.
fn rating_condition(factor: &str, at_least: Option<Rating>, at_most: Option<Rating>) -> String {
    match (at_least, at_most) {
        (Some(a), Some(b)) => format!("`{factor}` at least `{a}` and at most `{b}`"),
        (Some(r), None) => format!("`{factor}` at least `{r}`"),
        (None, Some(r)) => format!("`{factor}` at most `{r}`"),
        (None, None) => format!("`{factor}`"),
    }
}

/// Where a factor applies, in words, for a factor with `applies-when`.
fn applies_text(when: &BTreeMap<String, Condition>) -> String {
    format!(
        "only where {}: where the context rules it out it leaves the sums, and \
         where the context says it applies, `not-applicable` is refused.",
        when_text(when)
    )
}

/// The minimum coverage, in words.
fn min_coverage_text(rb: &Rulebook) -> String {
    format!(
        "A dimension gets a verdict only when at least {}% of its applicable \
         weight is rated (`min-coverage` = {}); below it, the verdict is \
         `undetermined` and the report says what to rate first. A factor the \
         mission declares `not-applicable` (where the context does not rule it \
         out) counts as unrated here, though it leaves the scores.",
        fmt_percent(rb.min_coverage()),
        rb.min_coverage()
    )
}

/// A share as a percentage without trailing zeros (0.5 -> 50, 0.125 -> 12.5).
fn fmt_percent(x: f64) -> String {
    let p = (x * 100.0 * 1000.0).round() / 1000.0;
    format!("{p}")
}

/// The consistency rules as a table, under `heading`; nothing when the
/// rulebook has none.
fn consistency_table(o: &mut String, rb: &Rulebook, heading: &str) {
    let rules = &rb.data().consistency;
    if rules.is_empty() {
        return;
    }
    let _ = writeln!(o, "{heading}\n");
    let _ = writeln!(
        o,
        "Ratings that contradict each other: when every condition of a rule \
         holds (unknown and not-applicable ratings hold none), the assessment \
         warns, with the reason and the source.\n"
    );
    let _ = writeln!(o, "| Rule | Ratings | Because | Source |");
    let _ = writeln!(o, "|---|---|---|---|");
    for r in rules {
        let all: Vec<String> = r
            .all
            .iter()
            .map(|c| rating_condition(&c.factor, c.at_least, c.at_most))
            .collect();
        let _ = writeln!(
            o,
            "| `{}` | {} | {} | {} |",
            r.id,
            all.join(" and "),
            one_line(&r.because),
            cited(&r.citation)
        );
    }
    let _ = writeln!(o);
}

/// The factor reference of a rulebook, as Markdown.
///
/// ```
/// let rb = integration_readiness::Rulebook::oslo_2007();
/// let page = integration_readiness::report::reference::markdown(&rb);
/// assert!(page.contains("senior-leadership-cohesion"));
/// ```
pub fn markdown(rb: &Rulebook) -> String {
    let info = rb.info();
    let dims = rb.dimensions();
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Factor reference: {} ({})\n",
        one_line(&info.title),
        info.id
    );
    let _ = writeln!(
        o,
        "Generated from the rulebook `{}` version {}; do not edit by hand \
         (run `integration-readiness rulebook --format markdown`).\n",
        info.id, info.version
    );
    if let Some(src) = &info.source {
        let _ = writeln!(o, "Source: {}\n", one_line(src));
    }
    if let Some(d) = &info.description {
        let _ = writeln!(o, "{}\n", one_line(d));
    }

    let _ = writeln!(o, "## Spectrum\n");
    let _ = writeln!(
        o,
        "| Level | Meaning | Source | {} |",
        dims.iter()
            .map(|d| format!("Threshold ({})", d.id))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(o, "|---|---|---|{}", "---:|".repeat(dims.len()));
    for (l, level) in rb.levels().iter().enumerate() {
        let th: Vec<String> = (0..dims.len())
            .map(|d| {
                if l == 0 {
                    "–".to_owned()
                } else {
                    format!("{}", rb.threshold_at(l, d))
                }
            })
            .collect();
        let _ = writeln!(
            o,
            "| `{}` | {} | {} | {} |",
            level.id,
            one_line(&level.meaning),
            level.source.as_deref().map(one_line).unwrap_or_default(),
            th.join(" | ")
        );
    }

    let _ = writeln!(o, "\n## Dimensions\n");
    for d in dims {
        let _ = write!(o, "- `{}`: {}", d.id, one_line(&d.title));
        match &d.description {
            Some(desc) => {
                let _ = write!(o, ". {}", one_line(desc));
            }
            None => o.push('.'),
        }
        let _ = write!(o, " Default target: `{}`.", d.default_target);
        if let Some(c) = &d.citation {
            let _ = write!(o, " Source: {}.", cited(c));
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(o, "\n{}", min_coverage_text(rb));

    if !rb.context_keys().is_empty() {
        let _ = writeln!(o, "\n## Context\n");
        let _ = writeln!(
            o,
            "What a mission states about its situation; target rules, gates and factors read it. A key left out is tried at every value it allows.\n"
        );
        for k in rb.context_keys() {
            let values: Vec<String> = k.values.iter().map(|v| format!("`{v}`")).collect();
            let _ = write!(o, "- `{}` = {}", k.key, values.join(" | "));
            if let Some(d) = &k.description {
                let _ = write!(o, ": {}", one_line(d));
            }
            let _ = writeln!(o);
        }
    }
    if !rb.roles().is_empty() {
        let _ = writeln!(o, "\n## Roles\n");
        let _ = writeln!(
            o,
            "What kind of actor an entity is; an entity may hold several roles (`role = [\"development\", \"humanitarian\"]`), and takes the rules of each.\n"
        );
        for r in rb.roles() {
            let _ = write!(o, "- `{}`: {}", r.id, one_line(&r.title));
            if let Some(d) = &r.description {
                let _ = write!(o, ". {}", one_line(d));
            }
            if !r.follows_mission {
                let _ = write!(
                    o,
                    " (a partner outside the UN: the mission-wide rules do not apply)"
                );
            }
            let _ = writeln!(o);
        }
    }

    let _ = writeln!(o, "\n## Factors by theme\n");
    let _ = writeln!(
        o,
        "{} factors ({} enablers, {} barriers). Weights are per dimension ({}); \
         a barrier's rating says how present the barrier is.\n",
        rb.factors().len(),
        rb.factors()
            .iter()
            .filter(|f| f.polarity == Polarity::Enabler)
            .count(),
        rb.factors()
            .iter()
            .filter(|f| f.polarity == Polarity::Barrier)
            .count(),
        dims.iter()
            .map(|d| d.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    for theme in rb.themes() {
        let _ = writeln!(o, "### {}\n", one_line(&theme.title));
        if let Some(d) = &theme.description {
            let _ = writeln!(o, "{}\n", one_line(d));
        }
        for (f, factor) in rb.factors().iter().enumerate() {
            if factor.theme != theme.id {
                continue;
            }
            let _ = writeln!(
                o,
                "#### `{}`: {} ({})\n",
                factor.id,
                one_line(&factor.title),
                factor.polarity
            );
            let _ = writeln!(o, "{}\n", one_line(&factor.description));
            let _ = writeln!(o, "- Question: {}", one_line(&factor.question));
            for r in Rating::SCALE {
                if let Some(g) = factor.rating_guide.get(&r) {
                    let _ = writeln!(o, "  - `{r}`: {}", one_line(g));
                }
            }
            let weights: Vec<String> = dims
                .iter()
                .enumerate()
                .map(|(d, dim)| {
                    let w = rb.weight_at(f, d);
                    match factor.weight_reasons.get(&dim.id) {
                        Some(why) => format!("{} {w} ({})", dim.id, one_line(why)),
                        None => format!("{} {w}", dim.id),
                    }
                })
                .collect();
            let _ = writeln!(o, "- Weights: {}", weights.join("; "));
            if !factor.applies_when.is_empty() {
                let _ = writeln!(o, "- Applies {}", applies_text(&factor.applies_when));
            }
            match &factor.effort_reason {
                Some(why) => {
                    let _ = writeln!(
                        o,
                        "- Effort to change: {} ({})",
                        factor.effort,
                        one_line(why)
                    );
                }
                None => {
                    let _ = writeln!(o, "- Effort to change: {}", factor.effort);
                }
            }
            let _ = writeln!(o, "- Remedy: {}", one_line(&factor.remedy));
            let _ = write!(o, "- Source: {}", cited(&factor.citation));
            for c in &factor.see_also {
                let _ = write!(o, "; see also {}", cited(c));
            }
            let _ = writeln!(o, "\n");
        }
    }

    if !rb.data().gates.is_empty() {
        let _ = writeln!(o, "## Gates\n");
        let _ = writeln!(o, "{GATES_INTRO}\n");
        let _ = writeln!(
            o,
            "| Level | Dimensions | Condition | When | Waivable | Because | Source |"
        );
        let _ = writeln!(o, "|---|---|---|---|---|---|---|");
        for g in &rb.data().gates {
            let _ = writeln!(o, "{}", gate_row(g));
        }
        let _ = writeln!(o);
    }
    if !rb.data().rules.is_empty() {
        let _ = writeln!(o, "## Target rules\n");
        let _ = writeln!(
            o,
            "| Rule | When | Roles | Dimensions | Target | Because | Source |"
        );
        let _ = writeln!(o, "|---|---|---|---|---|---|---|");
        for r in &rb.data().rules {
            let _ = writeln!(o, "{}", rule_row(r));
        }
        let _ = writeln!(o);
    }
    consistency_table(&mut o, rb, "## Consistency rules");
    o.truncate(o.trim_end().len());
    o.push('\n');
    o
}

/// What the gate tables' `When` and `Waivable` columns mean.
const GATES_INTRO: &str = "A gate binds in every context unless its `When` \
    says otherwise (a context key the mission leaves out does not rule it \
    out). Rating a gate's factor `not-applicable` waives the gate, except \
    where `Waivable` says no: the source calls that condition indispensable, \
    and the rating is refused.";

/// A gate as a table row: level, dimensions, condition, when it binds,
/// whether it may be waived, reason, source.
fn gate_row(g: &crate::model::Gate) -> String {
    let when = when_text(&g.when);
    format!(
        "| `{}` | {} | {} | {} | {} | {} | {} |",
        g.level,
        g.dimensions.join(", "),
        rating_condition(&g.factor, g.at_least, g.at_most),
        if when.is_empty() { "always" } else { &when },
        if g.waivable { "yes" } else { "no" },
        one_line(&g.because),
        cited(&g.citation)
    )
}

/// A target rule as a table row: id, when, for whom, dimensions, the level
/// it sets, reason, source.
fn rule_row(r: &crate::model::TargetRule) -> String {
    let when = when_text(&r.when);
    let sets = match (&r.at_least, &r.at_most) {
        (Some(l), _) => format!("at least `{l}`"),
        (_, Some(l)) => format!("at most `{l}`"),
        _ => String::new(),
    };
    format!(
        "| `{}` | {} | {} | {} | {} | {} | {} |",
        r.id,
        if when.is_empty() { "always" } else { &when },
        if r.roles.is_empty() {
            "the mission".to_owned()
        } else {
            r.roles.join(", ")
        },
        r.dimensions.join(", "),
        sets,
        one_line(&r.because),
        cited(&r.citation)
    )
}

/// The decisions on record: every number and rule of a rulebook that is
/// its authors' judgement rather than the source text's (thresholds, effort
/// costs, gates, target rules, weights and efforts), each with its reason
/// and the paragraph it leans on, as Markdown. `docs/rulebook-decisions.md`
/// is this page for the default rulebook; a test keeps it current, so the
/// page and the rulebook cannot disagree.
///
/// ```
/// let rb = integration_readiness::Rulebook::oslo_2007();
/// let page = integration_readiness::report::reference::decisions(&rb);
/// assert!(page.contains("## Gates"));
/// ```
pub fn decisions(rb: &Rulebook) -> String {
    let data = rb.data();
    let info = rb.info();
    let dims = rb.dimensions();
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Decisions on record: rulebook `{}` version {}\n\n{}.\n",
        info.id,
        info.version,
        one_line(&info.title)
    );
    let _ = writeln!(
        o,
        "Generated from the rulebook; do not edit by hand \
         (`UPDATE_REFERENCE=1 cargo test --test it default_rulebook`). The source text \
         names the enablers and barriers and the direction of the rules; it gives no \
         numbers. Everything below is the rulebook authors' judgement, each item \
         with its reason and the paragraph it leans on, so that a workshop can \
         challenge it line by line and change it in the rulebook file. What the \
         rulebook promises as a result is pinned by the practitioner scenarios \
         ([scenarios.md](scenarios.md)).\n"
    );

    let _ = writeln!(o, "## Level thresholds\n");
    let _ = writeln!(
        o,
        "| Level | {} | Reason |",
        dims.iter()
            .map(|d| format!("`{}`", d.id))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(o, "|---|{}---|", "---:|".repeat(dims.len()));
    for level in rb.levels().iter().skip(1) {
        let th: Vec<String> = dims
            .iter()
            .map(|d| {
                level
                    .threshold
                    .get(&d.id)
                    .map_or_else(String::new, |t| t.to_string())
            })
            .collect();
        let _ = writeln!(
            o,
            "| `{}` | {} | {} |",
            level.id,
            th.join(" | "),
            level
                .threshold_reason
                .as_deref()
                .map_or_else(|| "(no reason given)".to_owned(), one_line)
        );
    }

    let ec = &data.effort_cost;
    let _ = writeln!(o, "\n## Effort costs\n");
    let _ = writeln!(
        o,
        "`low` {}, `medium` {}, `high` {}. {}\n",
        ec.low,
        ec.medium,
        ec.high,
        ec.reason
            .as_deref()
            .map_or_else(|| "(no reason given)".to_owned(), one_line)
    );

    let _ = writeln!(o, "## Minimum coverage\n");
    let _ = writeln!(o, "{}\n", min_coverage_text(rb));

    let _ = writeln!(o, "## Gates\n");
    let _ = writeln!(
        o,
        "A gate names a factor that must be at least (an enabler) or at most (a \
         barrier) some rating for a level to be reached; the rating, the \
         contexts it binds in and whether it may be waived are the judgement. \
         {GATES_INTRO}\n"
    );
    let _ = writeln!(
        o,
        "| Level | Dimensions | Condition | When | Waivable | Reason | Leans on |"
    );
    let _ = writeln!(o, "|---|---|---|---|---|---|---|");
    for g in &data.gates {
        let _ = writeln!(o, "{}", gate_row(g));
    }
    let _ = writeln!(o, "\n## Target rules\n");
    let _ = writeln!(
        o,
        "Default targets: {}. A rule sets a floor (at least) or a cap (at most); \
         the level is the judgement.\n",
        dims.iter()
            .map(|d| format!("`{}` {}", d.id, d.default_target))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        o,
        "| Rule | When | For | Dimensions | Sets | Reason | Leans on |"
    );
    let _ = writeln!(o, "|---|---|---|---|---|---|---|");
    for r in &data.rules {
        let _ = writeln!(o, "{}", rule_row(r));
    }
    let _ = writeln!(o);
    consistency_table(&mut o, rb, "## Consistency rules");
    let _ = writeln!(o, "## Weights and efforts\n");
    let _ = writeln!(
        o,
        "Weights per dimension ({}); a weight not given is the default, {}. \
         Each weight that differs from the default, and each effort word, carries \
         its reason; the factor's source is the paragraph the reading leans on.\n",
        dims.iter()
            .map(|d| d.id.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        info.default_weight
    );
    for theme in rb.themes() {
        let _ = writeln!(o, "### {}\n", one_line(&theme.title));
        for factor in rb.factors().iter().filter(|f| f.theme == theme.id) {
            let weights: Vec<String> = dims
                .iter()
                .map(|d| {
                    let w = factor
                        .weights
                        .get(&d.id)
                        .copied()
                        .unwrap_or(info.default_weight);
                    match factor.weight_reasons.get(&d.id) {
                        Some(why) => format!("{} {w}: {}", d.id, one_line(why)),
                        None => format!("{} {w}", d.id),
                    }
                })
                .collect();
            let _ = writeln!(
                o,
                "- `{}` ({}), source {}.\n  - Weights: {}\n  - Effort `{}`: {}",
                factor.id,
                factor.polarity,
                cited(&factor.citation),
                weights.join("; "),
                factor.effort,
                factor
                    .effort_reason
                    .as_deref()
                    .map_or_else(|| "(no reason given)".to_owned(), one_line)
            );
            if !factor.applies_when.is_empty() {
                let _ = writeln!(o, "  - Applies {}", applies_text(&factor.applies_when));
            }
        }
        let _ = writeln!(o);
    }
    o.truncate(o.trim_end().len());
    o.push('\n');
    o
}

/// The rulebook as one JSON object for other programs: `id`, `title`,
/// `version`, `min_coverage`, `spectrum` (level ids, lowest first),
/// `levels`, `dimensions` (ids), `themes`, `roles`, `context`, `factors`
/// (every field of the file, weights with the default filled in, plus
/// `citation_text`), `gates`, `rules` and `consistency`.
///
/// # Errors
/// [`Error::Write`](crate::Error::Write) if a factor cannot be written as
/// JSON (not expected for a checked rulebook).
#[cfg(feature = "json")]
pub fn json(rb: &Rulebook) -> Result<serde_json::Value, crate::Error> {
    use serde_json::json;
    let data = rb.data();
    let factors: Vec<serde_json::Value> = data
        .factors
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut v = serde_json::to_value(f).map_err(|e| crate::Error::Write {
                format: "json",
                reason: e.to_string(),
            })?;
            let weights: serde_json::Map<String, serde_json::Value> = rb
                .dimensions()
                .iter()
                .enumerate()
                .map(|(d, dim)| (dim.id.clone(), json!(rb.weight_at(i, d))))
                .collect();
            v["weights"] = json!(weights);
            v["citation_text"] = json!(f.citation.to_string());
            Ok(v)
        })
        .collect::<Result<_, crate::Error>>()?;
    Ok(json!({
        "rulebook": crate::assess::Provenance::of(rb),
        "id": data.rulebook.id,
        "title": data.rulebook.title,
        "version": data.rulebook.version,
        "min_coverage": data.rulebook.min_coverage,
        "spectrum": data.levels.iter().map(|l| &l.id).collect::<Vec<_>>(),
        "levels": data.levels,
        "dimensions": data.dimensions.iter().map(|d| &d.id).collect::<Vec<_>>(),
        "themes": data.themes,
        "roles": data.roles,
        "context": data.context,
        "factors": factors,
        "gates": data.gates,
        "rules": data.rules,
        "consistency": data.consistency,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tiny test rulebook with every optional field the pages show: a
    /// minimum coverage, a factor that applies only in some contexts, a
    /// gate that binds only in some and may not be waived, and a
    /// consistency rule.
    fn rulebook() -> Rulebook {
        let text = include_str!("../../tests/data/tiny.toml")
            .replace(
                "version = \"1\"\n",
                "version = \"1\"\nmin-coverage = 0.625\n",
            )
            .replace(
                "remedy = \"raise e2\"\n",
                "remedy = \"raise e2\"\napplies-when = { mode = [\"small\", \"big\"], flag = true }\n",
            )
            + r#"
[[gate]]
level = "mid"
dimensions = ["b"]
factor = "b1"
at-most = "partial"
because = "mid needs b1 kept down"
citation = { section = "Test", paragraph = 6, phrase = "sixth" }
when = { mode = "big" }
waivable = false

[[consistency]]
id = "e1-without-e2"
all = [{ factor = "e1", at-least = "high" }, { factor = "e2", at-most = "low" }]
because = "e1 presupposes e2"
citation = { section = "Test", paragraph = 9, phrase = "ninth" }
"#;
        Rulebook::from_toml(&text, "tiny-plus.toml").unwrap()
    }

    #[test]
    fn the_pages_show_every_rulebook_field() {
        let rb = rulebook();
        for page in [markdown(&rb), decisions(&rb)] {
            // The minimum coverage, as a share and as the file has it.
            assert!(
                page.contains(
                    "at least 62.5% of its applicable weight is rated (`min-coverage` = 0.625)"
                ),
                "{page}"
            );
            // Where e2 applies, both keys.
            assert!(
                page.contains("Applies only where flag = true, mode = \"small\" or \"big\":"),
                "{page}"
            );
            // The gate of the file: always, waivable; the added one: only
            // where mode = big, and not waivable.
            assert!(
                page.contains("| `top` | a | `e1` at least `high` | always | yes | top needs e1 |"),
                "{page}"
            );
            assert!(
                page.contains(
                    "| `mid` | b | `b1` at most `partial` | mode = \"big\" | no | mid needs b1 kept down |"
                ),
                "{page}"
            );
            assert!(page.contains("## Consistency rules"), "{page}");
            assert!(
                page.contains(
                    "| `e1-without-e2` | `e1` at least `high` and `e2` at most `low` | e1 presupposes e2 | Test, para. 9 (\"ninth\") |"
                ),
                "{page}"
            );
        }
        // Only e2 has a condition.
        assert_eq!(markdown(&rb).matches("- Applies only where").count(), 1);
        assert_eq!(decisions(&rb).matches("  - Applies only where").count(), 1);
    }

    #[test]
    fn a_rulebook_without_consistency_rules_has_no_such_section() {
        let rb =
            Rulebook::from_toml(include_str!("../../tests/data/tiny.toml"), "tiny.toml").unwrap();
        assert!(!markdown(&rb).contains("Consistency rules"));
        assert!(!decisions(&rb).contains("Consistency rules"));
        // The default minimum, half the weight.
        assert!(markdown(&rb).contains("at least 50% of its applicable weight"));
        assert!(!markdown(&rb).contains("Applies only where"));
        // A dimension without a description: its title ends a sentence.
        assert!(markdown(&rb).contains("- `a`: Dimension A. Default target: `mid`."));
    }

    #[cfg(feature = "json")]
    #[test]
    fn the_json_form_carries_the_minimum_coverage_and_the_consistency_rules() {
        let v = json(&rulebook()).unwrap();
        assert_eq!(v["min_coverage"], 0.625);
        assert_eq!(v["consistency"][0]["id"], "e1-without-e2");
        assert_eq!(v["gates"][1]["waivable"], false);
        assert_eq!(v["gates"][1]["when"]["mode"], "big");
        assert_eq!(v["factors"][1]["applies-when"]["flag"], true);
    }

    #[test]
    fn percentages_drop_trailing_zeros() {
        assert_eq!(fmt_percent(0.5), "50");
        assert_eq!(fmt_percent(0.125), "12.5");
        assert_eq!(fmt_percent(1.0), "100");
        assert_eq!(fmt_percent(0.0), "0");
    }
}
