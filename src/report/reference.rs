//! The factor reference: a Markdown page generated from a rulebook, grouped
//! by theme, with every citation. `docs/factors.md` is this page for the
//! default rulebook; a test keeps it current.

use std::fmt::Write as _;

use crate::model::{Polarity, Rating};
use crate::rulebook::Rulebook;

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The factor reference of a rulebook, as Markdown.
///
/// ```
/// let rb = integration_readiness::Rulebook::oslo_2007();
/// let page = integration_readiness::reference::markdown(&rb);
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
         (run `cargo run --example rulebook -- --format markdown`).\n",
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
                    format!("{}", rb.threshold(l, d))
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
        if let Some(desc) = &d.description {
            let _ = write!(o, ". {}", one_line(desc));
        }
        let _ = write!(o, " Default target: `{}`.", d.default_target);
        if let Some(c) = &d.citation {
            let _ = write!(o, " Source: {c}.");
        }
        let _ = writeln!(o);
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
                    let w = rb.weight(f, d);
                    match factor.weight_reasons.get(&dim.id) {
                        Some(why) => format!("{} {w} ({})", dim.id, one_line(why)),
                        None => format!("{} {w}", dim.id),
                    }
                })
                .collect();
            let _ = writeln!(o, "- Weights: {}", weights.join("; "));
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
            let _ = write!(o, "- Source: {}", factor.citation);
            for c in &factor.see_also {
                let _ = write!(o, "; see also {c}");
            }
            let _ = writeln!(o, "\n");
        }
    }

    if !rb.data().gates.is_empty() {
        let _ = writeln!(o, "## Gates\n");
        let _ = writeln!(o, "| Level | Dimensions | Condition | Because | Source |");
        let _ = writeln!(o, "|---|---|---|---|---|");
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
    o.truncate(o.trim_end().len());
    o.push('\n');
    o
}

/// A gate as a table row: level, dimensions, condition, reason, source.
fn gate_row(g: &crate::model::Gate) -> String {
    let cond = match (g.at_least, g.at_most) {
        (Some(r), _) => format!("`{}` at least `{r}`", g.factor),
        (_, Some(r)) => format!("`{}` at most `{r}`", g.factor),
        _ => String::new(),
    };
    format!(
        "| `{}` | {} | {} | {} | {} |",
        g.level,
        g.dimensions.join(", "),
        cond,
        one_line(&g.because),
        g.citation
    )
}

/// A target rule as a table row: id, when, for whom, dimensions, the level
/// it sets, reason, source.
fn rule_row(r: &crate::model::TargetRule) -> String {
    let when: Vec<String> = r
        .when
        .iter()
        .map(|(k, c)| {
            let vals: Vec<String> = c.values().iter().map(|v| v.to_string()).collect();
            format!("{k} = {}", vals.join(" or "))
        })
        .collect();
    let sets = match (&r.at_least, &r.at_most) {
        (Some(l), _) => format!("at least `{l}`"),
        (_, Some(l)) => format!("at most `{l}`"),
        _ => String::new(),
    };
    format!(
        "| `{}` | {} | {} | {} | {} | {} | {} |",
        r.id,
        if when.is_empty() {
            "always".to_owned()
        } else {
            when.join(", ")
        },
        if r.roles.is_empty() {
            "the mission".to_owned()
        } else {
            r.roles.join(", ")
        },
        r.dimensions.join(", "),
        sets,
        one_line(&r.because),
        r.citation
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
/// let page = integration_readiness::reference::decisions(&rb);
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
         (`UPDATE_REFERENCE=1 cargo test --test default_rulebook`). The source text \
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

    let _ = writeln!(o, "## Gates\n");
    let _ = writeln!(
        o,
        "A gate names a factor that must be at least (an enabler) or at most (a \
         barrier) some rating for a level to be reached; the rating is the \
         judgement.\n"
    );
    let _ = writeln!(o, "| Level | Dimensions | Condition | Reason | Leans on |");
    let _ = writeln!(o, "|---|---|---|---|---|");
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
    let _ = writeln!(o, "\n## Weights and efforts\n");
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
                factor.citation,
                weights.join("; "),
                factor.effort,
                factor
                    .effort_reason
                    .as_deref()
                    .map_or_else(|| "(no reason given)".to_owned(), one_line)
            );
        }
        let _ = writeln!(o);
    }
    o.truncate(o.trim_end().len());
    o.push('\n');
    o
}

/// The rulebook as one JSON object for other programs: `id`, `title`,
/// `version`, `spectrum` (level ids, lowest first), `levels`, `dimensions`
/// (ids), `themes`, `roles`, `context`, `factors` (every field of the file,
/// weights with the default filled in, plus `citation_text`), `gates` and
/// `rules`.
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
                .map(|(d, dim)| (dim.id.clone(), json!(rb.weight(i, d))))
                .collect();
            v["weights"] = json!(weights);
            v["citation_text"] = json!(f.citation.to_string());
            Ok(v)
        })
        .collect::<Result<_, crate::Error>>()?;
    Ok(json!({
        "id": data.rulebook.id,
        "title": data.rulebook.title,
        "version": data.rulebook.version,
        "spectrum": data.levels.iter().map(|l| &l.id).collect::<Vec<_>>(),
        "levels": data.levels,
        "dimensions": data.dimensions.iter().map(|d| &d.id).collect::<Vec<_>>(),
        "themes": data.themes,
        "roles": data.roles,
        "context": data.context,
        "factors": factors,
        "gates": data.gates,
        "rules": data.rules,
    }))
}
