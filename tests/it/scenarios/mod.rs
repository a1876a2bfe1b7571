//! Practitioner scenarios: the acceptance tests of the default rulebook.
//!
//! Each scenario in `tests/it/scenarios/*.toml` is a small mission with the
//! judgement a practitioner expects of it (levels, targets, verdicts, entity
//! flags) and the paragraph of the proceedings that judgement rests on. The
//! runner builds the mission from a base (every factor at its best, at its
//! worst, unrated or not applicable) and a few overrides, assesses it against
//! the embedded rulebook and checks every expectation through the JSON form
//! of the assessment, the contract embedders rely on.
//!
//! `docs/scenarios.md` lists the scenarios, one line each; it is generated
//! here and must be current (`UPDATE_SCENARIOS=1 cargo test --test it scenarios`
//! rewrites it).

pub(crate) mod spec;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use integration_readiness::{Mission, Rulebook, assess};
use spec::{Expect, Scenario, check, mission_toml};

fn load_scenarios() -> Vec<(String, Scenario)> {
    spec::load("tests/it/scenarios")
}

/// The assessment of a scenario's mission as JSON, or the refusal's text.
fn outcome(rb: &Rulebook, s: &Scenario) -> Result<serde_json::Value, String> {
    let text = mission_toml(rb, s);
    let m = Mission::from_toml(&text, "scenario.toml", rb).map_err(|e| e.to_string())?;
    Ok(serde_json::to_value(assess(&m)).unwrap())
}

#[test]
fn every_scenario_holds() {
    let rb = Rulebook::oslo_2007();
    let scenarios = load_scenarios();
    assert!(scenarios.len() >= 20, "{} scenarios", scenarios.len());
    let mut failures = String::new();
    for (file, s) in &scenarios {
        for problem in check(&rb, s, outcome(&rb, s)) {
            let _ = writeln!(failures, "{file}/{}: {problem}", s.id);
        }
    }
    assert!(
        failures.is_empty(),
        "scenarios that do not hold:\n{failures}"
    );
}

#[test]
fn scenario_ids_are_unique_and_every_scenario_cites_a_paragraph() {
    let mut seen = std::collections::BTreeSet::new();
    for (file, s) in load_scenarios() {
        assert!(seen.insert(s.id.clone()), "{file}: duplicate id {}", s.id);
        assert!(
            s.source.contains("para."),
            "{file}/{}: source must name a paragraph",
            s.id
        );
        let e = &s.expect;
        let expects_something = !e.level.is_empty()
            || !e.level_at_most.is_empty()
            || !e.level_at_least.is_empty()
            || !e.target.is_empty()
            || !e.verdict.is_empty()
            || e.overall_verdict.is_some()
            || !e.entity.is_empty()
            || e.refused.is_some()
            || e.warns.is_some()
            || e.missing_context.is_some();
        assert!(expects_something, "{file}/{}: expects nothing", s.id);
    }
}

/// Every context value and every role of the rulebook appears in some scenario.
#[test]
fn scenarios_cover_every_context_value_and_role() {
    let rb = Rulebook::oslo_2007();
    let scenarios = load_scenarios();
    for key in rb.context_keys() {
        for value in &key.values {
            let v: toml::Value = toml::Value::try_from(value).unwrap();
            assert!(
                scenarios
                    .iter()
                    .any(|(_, s)| s.context.get(&key.key) == Some(&v)),
                "no scenario with {} = {v}",
                key.key
            );
        }
    }
    for role in rb.roles() {
        assert!(
            scenarios.iter().any(|(_, s)| s
                .entity
                .iter()
                .any(|e| e["role"].as_str() == Some(&role.id))),
            "no scenario with an entity of role {}",
            role.id
        );
    }
}

fn expectation_summary(e: &Expect) -> String {
    let mut parts = Vec::new();
    let dims = |m: &BTreeMap<String, String>, what: &str, op: &str| -> Option<String> {
        (!m.is_empty()).then(|| {
            format!(
                "{what} {}",
                m.iter()
                    .map(|(d, v)| format!("{d} {op}{v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
    };
    parts.extend(dims(&e.level, "level", ""));
    parts.extend(dims(&e.level_at_most, "level", "≤ "));
    parts.extend(dims(&e.level_at_least, "level", "≥ "));
    if !e.score.is_empty() {
        parts.push(format!(
            "score {}",
            e.score
                .iter()
                .map(|(d, v)| format!("{d} {v:.2}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    parts.extend(dims(&e.target, "target", ""));
    parts.extend(dims(&e.verdict, "verdict", ""));
    if let Some(v) = &e.overall_verdict {
        parts.push(format!("overall {v}"));
    }
    for (d, fs) in &e.blocked_by {
        parts.push(format!("{d} blocked by {}", fs.join(", ")));
    }
    for (d, fs) in &e.waived {
        parts.push(format!("{d} waives {}", fs.join(", ")));
    }
    for (name, ent) in &e.entity {
        let mut p = Vec::new();
        if !ent.target.is_empty() {
            p.push(format!(
                "target {}",
                ent.target
                    .iter()
                    .map(|(d, v)| format!("{d} {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if let Some(o) = &ent.over_integrated {
            p.push(if o.is_empty() {
                "not flagged".to_owned()
            } else {
                format!("over-integrated on {}", o.join(", "))
            });
        }
        if let Some(u) = &ent.under_integrated {
            p.push(if u.is_empty() {
                "not under-integrated".to_owned()
            } else {
                format!("under-integrated on {}", u.join(", "))
            });
        }
        parts.push(format!("{name}: {}", p.join(", ")));
    }
    if let Some(r) = &e.refused {
        parts.push(format!("refused (\"{r}\")"));
    }
    if let Some(w) = &e.warns {
        parts.push(format!("warns (\"{w}\")"));
    }
    if let Some(k) = &e.missing_context {
        parts.push(format!("asks for {}", k.join(", ")));
    }
    if !e.rate_first.is_empty() {
        parts.push(format!("rate first {}", e.rate_first.join(", ")));
    }
    parts.join("; ")
}

fn scenarios_page() -> String {
    let mut o = String::new();
    o.push_str(
        "# What the default rulebook promises: practitioner scenarios\n\n\
         Generated from `tests/it/scenarios/*.toml`; do not edit by hand \
         (`UPDATE_SCENARIOS=1 cargo test --test it scenarios`). `cargo test` \
         checks every line below against the embedded rulebook `oslo-2007`.\n\n\
         Each scenario is a small mission: every factor at its best, at its \
         worst, unrated or not applicable, with a few ratings changed, a \
         context and some entities. The judgement is what a practitioner \
         expects of it, and the source is the paragraph of the proceedings \
         it rests on. Why each rule and number is what it is: \
         [rulebook-decisions.md](rulebook-decisions.md).\n\n\
         The verdicts: `ready`, the level reached meets the target; \
         `above-target`, the level is above a cap the situation sets \
         (over-investment: integration is not an end in itself); `stretch`, one \
         level short; `not-ready`, two or more levels short; `undetermined`, no \
         verdict, because less than half of the weight is rated, nothing applies, \
         or a context key the mission leaves out would change the verdict. A file \
         is *refused* when it rates `not-applicable` a factor the context says \
         applies, or one whose gate may not be waived. Held-out cases, written \
         from the proceedings alone before the tool was run on them, are in \
         `tests/heldout/cases.toml`.\n",
    );
    let mut last = String::new();
    for (file, s) in load_scenarios() {
        if file != last {
            // `3-asymmetric-integration` -> `Asymmetric integration`.
            let words = file.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-');
            let mut title = words.replace('-', " ");
            if let Some(first) = title.get(..1) {
                title.replace_range(..1, &first.to_uppercase());
            }
            let _ = writeln!(o, "\n## {title}\n");
            last = file;
        }
        let _ = writeln!(
            o,
            "- **{}** (`{}`): {} *{}.* Expect: {}.",
            s.title,
            s.id,
            s.claim,
            s.source,
            expectation_summary(&s.expect)
        );
    }
    o
}

#[test]
fn the_scenarios_page_is_current() {
    let page = scenarios_page();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/scenarios.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if page != committed {
        if std::env::var_os("UPDATE_SCENARIOS").is_some() {
            std::fs::write(&path, &page).unwrap();
        } else {
            panic!(
                "docs/scenarios.md is out of date: run `UPDATE_SCENARIOS=1 cargo test --test it scenarios`"
            );
        }
    }
}
