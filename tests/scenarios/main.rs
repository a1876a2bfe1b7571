//! Practitioner scenarios: the acceptance tests of the default rulebook.
//!
//! Each scenario in `tests/scenarios/*.toml` is a small mission with the
//! judgement a practitioner expects of it (levels, targets, verdicts, entity
//! flags) and the paragraph of the proceedings that judgement rests on. The
//! runner builds the mission from a base (every factor at its best, at its
//! worst, unrated or not applicable) and a few overrides, assesses it against
//! the embedded rulebook and checks every expectation through the JSON form
//! of the assessment, the contract embedders rely on.
//!
//! `docs/scenarios.md` lists the scenarios, one line each; it is generated
//! here and must be current (`UPDATE_SCENARIOS=1 cargo test --test scenarios`
//! rewrites it).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use integration_readiness::model::Polarity;
use integration_readiness::{Mission, Rulebook, assess};
use serde::Deserialize;
use serde_json::Value;

/// One file of scenarios.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    scenario: Vec<Scenario>,
}

/// Where every factor starts before the overrides.
#[derive(Deserialize, Clone, Copy, PartialEq, Debug)]
#[serde(rename_all = "kebab-case")]
enum Base {
    /// Enablers `full`, barriers `none`.
    Best,
    /// Enablers `none`, barriers `full`.
    Worst,
    /// Nothing rated.
    Unrated,
    /// Every factor `not-applicable`, each with a note.
    NotApplicable,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Scenario {
    id: String,
    title: String,
    /// The paragraph the judgement rests on, as a reader finds it.
    source: String,
    /// The judgement, in a practitioner's words.
    claim: String,
    base: Base,
    #[serde(default)]
    context: toml::Table,
    /// Factor id -> rating word, over the base.
    #[serde(default)]
    ratings: BTreeMap<String, String>,
    /// Factor id -> evidence note.
    #[serde(default)]
    notes: BTreeMap<String, String>,
    #[serde(default)]
    entity: Vec<toml::Value>,
    expect: Expect,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Expect {
    /// Exact level per dimension.
    #[serde(default)]
    level: BTreeMap<String, String>,
    /// Highest acceptable level per dimension.
    #[serde(default)]
    level_at_most: BTreeMap<String, String>,
    /// Lowest acceptable level per dimension.
    #[serde(default)]
    level_at_least: BTreeMap<String, String>,
    /// Point score per dimension, worked out by hand (to 0.01).
    #[serde(default)]
    score: BTreeMap<String, f64>,
    /// Target level per dimension for the mission.
    #[serde(default)]
    target: BTreeMap<String, String>,
    /// Verdict per dimension.
    #[serde(default)]
    verdict: BTreeMap<String, String>,
    #[serde(default)]
    overall_verdict: Option<String>,
    /// Factors that must be named among the gates blocking the next level.
    #[serde(default)]
    blocked_by: BTreeMap<String, Vec<String>>,
    /// Factors whose gates must be listed as waived.
    #[serde(default)]
    waived: BTreeMap<String, Vec<String>>,
    /// Entity name -> what is expected of it.
    #[serde(default)]
    entity: BTreeMap<String, EntityExpect>,
    /// The mission must be refused, with a message containing this text.
    #[serde(default)]
    refused: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct EntityExpect {
    #[serde(default)]
    target: BTreeMap<String, String>,
    /// Exactly the dimensions flagged as over-integrated.
    over_integrated: Option<Vec<String>>,
}

fn load_scenarios() -> Vec<(String, Scenario)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let file: File =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        out.extend(file.scenario.into_iter().map(|s| (name.clone(), s)));
    }
    out
}

/// The mission file a scenario describes.
fn mission_toml(rb: &Rulebook, s: &Scenario) -> String {
    let mut evidence = toml::Table::new();
    for f in rb.factors() {
        let base = match (s.base, f.polarity) {
            (Base::Best, Polarity::Enabler) | (Base::Worst, Polarity::Barrier) => Some("full"),
            (Base::Best, Polarity::Barrier) | (Base::Worst, Polarity::Enabler) => Some("none"),
            (Base::NotApplicable, _) => Some("not-applicable"),
            (Base::Unrated, _) => None,
        };
        let rating = s.ratings.get(&f.id).map(String::as_str).or(base);
        let mut table = toml::Table::new();
        if let Some(r) = rating {
            table.insert("rating".into(), r.into());
        }
        if let Some(n) = s.notes.get(&f.id) {
            table.insert("note".into(), n.as_str().into());
        } else if s.base == Base::NotApplicable && !s.ratings.contains_key(&f.id) {
            table.insert("note".into(), "Does not apply to this mission.".into());
        }
        if !table.is_empty() {
            evidence.insert(f.id.clone(), table.into());
        }
    }
    for id in s.ratings.keys().chain(s.notes.keys()) {
        assert!(
            rb.factor(id).is_some(),
            "scenario {}: unknown factor {id}",
            s.id
        );
    }
    let mut doc = toml::Table::new();
    let mut info = toml::Table::new();
    info.insert("name".into(), s.title.clone().into());
    doc.insert("mission".into(), info.into());
    doc.insert("context".into(), s.context.clone().into());
    doc.insert("evidence".into(), evidence.into());
    if !s.entity.is_empty() {
        doc.insert("entity".into(), s.entity.clone().into());
    }
    toml::to_string(&doc).unwrap()
}

fn level_index(rb: &Rulebook, id: &str) -> usize {
    rb.levels()
        .iter()
        .position(|l| l.id == id)
        .unwrap_or_else(|| panic!("unknown level {id}"))
}

fn dimension<'a>(a: &'a Value, id: &str) -> &'a Value {
    a["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no dimension {id}"))
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Every expectation of one scenario that does not hold, in words.
fn check(rb: &Rulebook, s: &Scenario) -> Vec<String> {
    let mut bad = Vec::new();
    let text = mission_toml(rb, s);
    let mission = match Mission::from_toml(&text, "scenario.toml", rb) {
        Ok(m) => m,
        Err(e) => {
            let msg = e.to_string();
            match &s.expect.refused {
                Some(want) if msg.contains(want.as_str()) => {}
                Some(want) => bad.push(format!("refused with {msg:?}, expected {want:?}")),
                None => bad.push(format!("refused: {msg}")),
            }
            return bad;
        }
    };
    if let Some(want) = &s.expect.refused {
        bad.push(format!("accepted, expected refusal with {want:?}"));
        return bad;
    }
    let a = serde_json::to_value(assess(rb, &mission)).unwrap();
    let e = &s.expect;
    for (d, want) in &e.level {
        let got = dimension(&a, d)["level"].as_str().unwrap();
        if got != want {
            bad.push(format!("{d}: level {got}, expected {want}"));
        }
    }
    for (d, most) in &e.level_at_most {
        let got = dimension(&a, d)["level"].as_str().unwrap();
        if level_index(rb, got) > level_index(rb, most) {
            bad.push(format!("{d}: level {got}, expected at most {most}"));
        }
    }
    for (d, least) in &e.level_at_least {
        let got = dimension(&a, d)["level"].as_str().unwrap();
        if level_index(rb, got) < level_index(rb, least) {
            bad.push(format!("{d}: level {got}, expected at least {least}"));
        }
    }
    for (d, want) in &e.score {
        let got = dimension(&a, d)["score"].as_f64().unwrap();
        if (got - want).abs() > 0.005 {
            bad.push(format!("{d}: score {got}, expected {want}"));
        }
    }
    for (d, want) in &e.target {
        let got = dimension(&a, d)["target"].as_str().unwrap();
        if got != want {
            bad.push(format!("{d}: target {got}, expected {want}"));
        }
    }
    for (d, want) in &e.verdict {
        let got = dimension(&a, d)["verdict"].as_str().unwrap();
        if got != want {
            bad.push(format!("{d}: verdict {got}, expected {want}"));
        }
    }
    if let Some(want) = &e.overall_verdict {
        let got = a["overall"]["verdict"].as_str().unwrap();
        if got != want {
            bad.push(format!("overall verdict {got}, expected {want}"));
        }
    }
    for (d, factors) in &e.blocked_by {
        let blockers = &dimension(&a, d)["next"]["blockers"];
        let named: Vec<&str> = blockers
            .as_array()
            .map(|b| b.iter().filter_map(|x| x["factor"].as_str()).collect())
            .unwrap_or_default();
        for f in factors {
            if !named.contains(&f.as_str()) {
                bad.push(format!(
                    "{d}: next level not blocked by {f} (blockers {named:?})"
                ));
            }
        }
    }
    for (d, factors) in &e.waived {
        let waived = strings(&dimension(&a, d)["waived_gates"]);
        for f in factors {
            if !waived.contains(f) {
                bad.push(format!(
                    "{d}: gate on {f} not listed as waived ({waived:?})"
                ));
            }
        }
    }
    for (name, want) in &e.entity {
        let Some(ent) = a["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["name"] == name.as_str())
        else {
            bad.push(format!("no entity {name}"));
            continue;
        };
        for (d, t) in &want.target {
            let got = ent["target"][d].as_str().unwrap_or("?");
            if got != t {
                bad.push(format!("{name}: {d} target {got}, expected {t}"));
            }
        }
        if let Some(over) = &want.over_integrated {
            let got = strings(&ent["over_integrated"]);
            if &got != over {
                bad.push(format!(
                    "{name}: over-integrated on {got:?}, expected {over:?}"
                ));
            }
        }
    }
    bad
}

#[test]
fn every_scenario_holds() {
    let rb = Rulebook::oslo_2007();
    let scenarios = load_scenarios();
    assert!(scenarios.len() >= 20, "{} scenarios", scenarios.len());
    let mut failures = String::new();
    for (file, s) in &scenarios {
        for problem in check(&rb, s) {
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
            || e.refused.is_some();
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
        parts.push(format!("{name}: {}", p.join(", ")));
    }
    if let Some(r) = &e.refused {
        parts.push(format!("refused (\"{r}\")"));
    }
    parts.join("; ")
}

fn scenarios_page() -> String {
    let mut o = String::new();
    o.push_str(
        "# What the default rulebook promises: practitioner scenarios\n\n\
         Generated from `tests/scenarios/*.toml`; do not edit by hand \
         (`UPDATE_SCENARIOS=1 cargo test --test scenarios`). `cargo test` \
         checks every line below against the embedded rulebook `oslo-2007`.\n\n\
         Each scenario is a small mission: every factor at its best, at its \
         worst, unrated or not applicable, with a few ratings changed, a \
         context and some entities. The judgement is what a practitioner \
         expects of it, and the source is the paragraph of the proceedings \
         it rests on. Why each rule and number is what it is: \
         [rulebook-decisions.md](rulebook-decisions.md).\n",
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
                "docs/scenarios.md is out of date: run `UPDATE_SCENARIOS=1 cargo test --test scenarios`"
            );
        }
    }
}
