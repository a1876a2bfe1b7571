//! The scenario format shared by the practitioner scenarios
//! (`tests/it/scenarios/`) and the held-out ones (`tests/heldout/`): a small
//! mission built from a base and a few overrides, and the judgement a
//! practitioner expects of it, checked against the JSON form of the
//! assessment (the contract embedders rely on) or against a refusal.

use std::collections::BTreeMap;
use std::path::Path;

use integration_readiness::Polarity;
use integration_readiness::Rulebook;
use serde::Deserialize;
use serde_json::Value;

/// One file of scenarios.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub scenario: Vec<Scenario>,
}

/// Where every factor starts before the overrides.
#[derive(Deserialize, Clone, Copy, PartialEq, Debug)]
#[serde(rename_all = "kebab-case")]
pub enum Base {
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
pub struct Scenario {
    pub id: String,
    pub title: String,
    /// The paragraph the judgement rests on, as a reader finds it.
    pub source: String,
    /// The judgement, in a practitioner's words.
    pub claim: String,
    pub base: Base,
    #[serde(default)]
    pub context: toml::Table,
    /// Factor id -> rating word, over the base.
    #[serde(default)]
    pub ratings: BTreeMap<String, String>,
    /// Factor id -> evidence note.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    #[serde(default)]
    pub entity: Vec<toml::Value>,
    pub expect: Expect,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Expect {
    /// Exact level per dimension.
    #[serde(default)]
    pub level: BTreeMap<String, String>,
    /// Highest acceptable level per dimension.
    #[serde(default)]
    pub level_at_most: BTreeMap<String, String>,
    /// Lowest acceptable level per dimension.
    #[serde(default)]
    pub level_at_least: BTreeMap<String, String>,
    /// Point score per dimension, worked out by hand (to 0.01).
    #[serde(default)]
    pub score: BTreeMap<String, f64>,
    /// Target level per dimension for the mission.
    #[serde(default)]
    pub target: BTreeMap<String, String>,
    /// Verdict per dimension.
    #[serde(default)]
    pub verdict: BTreeMap<String, String>,
    /// Why there is no verdict, per dimension (the `kind` of `undetermined`).
    #[serde(default)]
    pub undetermined: BTreeMap<String, String>,
    #[serde(default)]
    pub overall_verdict: Option<String>,
    /// Factors that must be named among the gates blocking the next level.
    #[serde(default)]
    pub blocked_by: BTreeMap<String, Vec<String>>,
    /// Factors whose gates must be listed as waived.
    #[serde(default)]
    pub waived: BTreeMap<String, Vec<String>>,
    /// Entity name -> what is expected of it.
    #[serde(default)]
    pub entity: BTreeMap<String, EntityExpect>,
    /// The mission must be refused, with a message containing this text.
    #[serde(default)]
    pub refused: Option<String>,
    /// Some warning must contain this text.
    #[serde(default)]
    pub warns: Option<String>,
    /// The context keys the report must ask for (exactly these).
    #[serde(default)]
    pub missing_context: Option<Vec<String>>,
    /// Factors the report must ask to be rated first (among others).
    #[serde(default)]
    pub rate_first: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EntityExpect {
    #[serde(default)]
    pub target: BTreeMap<String, String>,
    /// Exactly the dimensions flagged as over-integrated.
    pub over_integrated: Option<Vec<String>>,
    /// Exactly the dimensions flagged as under-integrated.
    #[serde(default)]
    pub under_integrated: Option<Vec<String>>,
}

pub fn load(folder: &str) -> Vec<(String, Scenario)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        // The list of known gaps sits beside the held-out cases.
        .filter(|p| p.file_stem().is_none_or(|x| x != "known-gaps"))
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
pub fn mission_toml(rb: &Rulebook, s: &Scenario) -> String {
    let mut evidence = toml::Table::new();
    for f in rb.factors() {
        // A factor the scenario's context rules out is left unrated by the
        // base: rating it would only be a warning that it is left out.
        let ruled_out = f.applies_when.iter().any(|(k, cond)| {
            s.context
                .get(k)
                .and_then(|v| {
                    v.clone()
                        .try_into::<integration_readiness::model::ContextValue>()
                        .ok()
                })
                .is_some_and(|v| !cond.values().contains(&v))
        });
        let base = match (s.base, f.polarity) {
            _ if ruled_out => None,
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
        } else if s.base == Base::NotApplicable
            && !s.ratings.contains_key(&f.id)
            && rating.is_some()
        {
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
pub fn check(rb: &Rulebook, s: &Scenario, outcome: Result<Value, String>) -> Vec<String> {
    let mut bad = Vec::new();
    let a = match outcome {
        Ok(a) => a,
        Err(msg) => {
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
    for (d, want) in &e.undetermined {
        let got = dimension(&a, d)["undetermined"]["kind"].as_str();
        if got != Some(want.as_str()) {
            bad.push(format!("{d}: no verdict because {got:?}, expected {want}"));
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
        if let Some(under) = &want.under_integrated {
            let got: Vec<String> = ent["under_integrated"]
                .as_array()
                .map(|u| {
                    u.iter()
                        .filter_map(|x| x["dimension"].as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            if &got != under {
                bad.push(format!(
                    "{name}: under-integrated on {got:?}, expected {under:?}"
                ));
            }
        }
    }
    if let Some(want) = &e.warns {
        let warnings = strings(&a["warnings"]);
        if !warnings.iter().any(|w| w.contains(want.as_str())) {
            bad.push(format!("no warning with {want:?} ({warnings:?})"));
        }
    }
    if let Some(want) = &e.missing_context {
        let got: Vec<String> = a["missing_context"]
            .as_array()
            .map(|k| {
                k.iter()
                    .filter_map(|x| x["key"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        if &got != want {
            bad.push(format!("missing context {got:?}, expected {want:?}"));
        }
    }
    let first = strings(&a["overall"]["rate_first"]);
    for f in &e.rate_first {
        if !first.contains(f) {
            bad.push(format!(
                "{f} not among the factors to rate first ({first:?})"
            ));
        }
    }
    bad
}
