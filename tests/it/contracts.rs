//! The JSON contracts of the README: the keys that programs reading the
//! examples' `--format json` output depend on.

use integration_readiness::analysis::{RobustnessOptions, compare, plan, robustness};
use integration_readiness::{Mission, Rulebook, assess, report};
use serde_json::Value;

const SAMPLE: &str = include_str!("../../examples/missions/start-up-active-conflict.toml");
const OLD: &str = include_str!("../../examples/missions/compare-2008.toml");
const NEW: &str = include_str!("../../examples/missions/compare-2009.toml");

fn keys(v: &Value, keys: &[&str]) {
    for k in keys {
        assert!(v.get(k).is_some(), "missing key `{k}` in {v}");
    }
}

const RATINGS: [&str; 7] = [
    "none",
    "low",
    "partial",
    "high",
    "full",
    "unknown",
    "not-applicable",
];

#[test]
fn assess_json() {
    let rb = Rulebook::oslo_2007();
    let m = Mission::from_toml(SAMPLE, "s.toml", &rb).unwrap();
    let v: Value =
        serde_json::from_str(&report::render(&assess(&m), report::Format::Json).unwrap()).unwrap();
    keys(
        &v,
        &[
            "mission",
            "dimensions",
            "overall",
            "factors",
            "entities",
            "recommendations",
        ],
    );
    assert!(v["mission"]["name"].is_string());
    let levels: Vec<&str> = rb.levels().iter().map(|l| l.id.as_str()).collect();
    for d in v["dimensions"].as_array().unwrap() {
        keys(
            d,
            &[
                "id",
                "score",
                "score_range",
                "coverage",
                "level",
                "level_range",
                "target",
                "verdict",
            ],
        );
        assert!(d["score"].is_f64());
        assert_eq!(d["score_range"].as_array().unwrap().len(), 2);
        assert!((0.0..=1.0).contains(&d["coverage"].as_f64().unwrap()));
        assert!(levels.contains(&d["level"].as_str().unwrap()));
        let range = d["level_range"].as_array().unwrap();
        assert!(
            levels.contains(&range[0].as_str().unwrap())
                && levels.contains(&range[1].as_str().unwrap())
        );
        assert!(levels.contains(&d["target"].as_str().unwrap()));
        assert!(["ready", "stretch", "not-ready"].contains(&d["verdict"].as_str().unwrap()));
    }
    keys(&v["overall"], &["score", "score_range", "verdict"]);
    let mut saw_null = false;
    for f in v["factors"].as_array().unwrap() {
        keys(f, &["id", "polarity", "rating", "contributions"]);
        assert!(["enabler", "barrier"].contains(&f["polarity"].as_str().unwrap()));
        match &f["rating"] {
            Value::Null => saw_null = true,
            r => assert!(RATINGS.contains(&r.as_str().unwrap())),
        }
        let c = f["contributions"].as_object().unwrap();
        assert_eq!(c.len(), 3);
        assert!(c.contains_key("strategic") && c["strategic"].is_number());
    }
    assert!(
        saw_null,
        "the sample leaves some factors without evidence: rating null"
    );
    let ents = v["entities"].as_array().unwrap();
    assert!(!ents.is_empty());
    for e in ents {
        keys(
            e,
            &[
                "name",
                "roles",
                "target",
                "over_integrated",
                "under_integrated",
            ],
        );
        assert!(levels.contains(&e["target"]["strategic"].as_str().unwrap()));
        assert!(e["over_integrated"].is_array());
    }
    let recs = v["recommendations"].as_array().unwrap();
    assert!(!recs.is_empty());
    for r in recs {
        keys(r, &["factor", "from", "to", "gain"]);
        assert!(RATINGS.contains(&r["from"].as_str().unwrap()));
        assert!(RATINGS.contains(&r["to"].as_str().unwrap()));
        assert!(r["gain"].is_number());
    }
}

#[test]
fn plan_json() {
    let rb = Rulebook::oslo_2007();
    let m = Mission::from_toml(SAMPLE, "s.toml", &rb).unwrap();
    let v = serde_json::to_value(plan(&m)).unwrap();
    keys(&v, &["changes", "total_effort", "reaches", "unreachable"]);
    let changes = v["changes"].as_array().unwrap();
    assert!(!changes.is_empty());
    let mut total = 0.0;
    for c in changes {
        keys(c, &["factor", "from", "to", "effort"]);
        assert!(RATINGS.contains(&c["from"].as_str().unwrap()));
        total += c["effort"].as_f64().unwrap();
    }
    assert!((total - v["total_effort"].as_f64().unwrap()).abs() < 1e-9);
    assert!(v["reaches"]["strategic"].is_string());
    assert!(v["unreachable"].is_array());
}

#[test]
fn robustness_json() {
    let rb = Rulebook::oslo_2007();
    let m = Mission::from_toml(SAMPLE, "s.toml", &rb).unwrap();
    let v = serde_json::to_value(robustness(&m, RobustnessOptions::default())).unwrap();
    for d in v["dimensions"].as_array().unwrap() {
        keys(
            d,
            &[
                "id",
                "level",
                "radius_percent",
                "monte_carlo_hold",
                "first_movers",
            ],
        );
        assert!(d["radius_percent"].is_null() || d["radius_percent"].is_number());
        assert!((0.0..=1.0).contains(&d["monte_carlo_hold"].as_f64().unwrap()));
        assert!(d["first_movers"].is_array());
    }
}

#[test]
fn compare_json() {
    let rb = Rulebook::oslo_2007();
    let a = Mission::from_toml(OLD, "old.toml", &rb).unwrap();
    let b = Mission::from_toml(NEW, "new.toml", &rb).unwrap();
    let (x, y) = (assess(&a), assess(&b));
    let v = serde_json::to_value(compare(&x, &y)).unwrap();
    for d in v["dimensions"].as_array().unwrap() {
        keys(
            d,
            &[
                "id",
                "score_before",
                "score_after",
                "level_before",
                "level_after",
            ],
        );
    }
    let changed = v["changed_ratings"].as_array().unwrap();
    assert!(!changed.is_empty());
    for c in changed {
        keys(c, &["factor", "before", "after"]);
    }
}
