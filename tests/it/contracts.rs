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

/// Every subcommand's `--format json`, run as a user runs it: the keys the
/// README's "JSON output" promises every result.
#[cfg(feature = "cli")]
mod command {
    use serde_json::Value;
    use std::process::Command;

    const BIN: &str = env!("CARGO_BIN_EXE_integration-readiness");
    const MISSIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/missions");

    fn json(args: &[&str]) -> Value {
        let o = Command::new(BIN)
            .args(args)
            .output()
            .expect("the binary runs");
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        serde_json::from_slice(&o.stdout).expect("JSON")
    }

    /// `rulebook` names the rulebook and the crate exactly.
    fn rulebook(v: &Value, what: &str) {
        let rb = &v["rulebook"];
        assert_eq!(rb["id"], "oslo-2007", "{what}: {rb}");
        assert_eq!(rb["version"], "3.1.0", "{what}: {rb}");
        let fp = rb["fingerprint"].as_str().unwrap_or_default();
        assert_eq!(fp.len(), 16, "{what}: {rb}");
        assert!(fp.chars().all(|c| c.is_ascii_hexdigit()), "{what}: {rb}");
        assert_eq!(rb["crate_version"], env!("CARGO_PKG_VERSION"), "{what}");
    }

    /// `mission` names the mission, its date and the file it came from.
    fn mission(m: &Value, name: &str, date: &str, file: &str, what: &str) {
        assert_eq!(m["name"], name, "{what}: {m}");
        assert_eq!(m["date"], date, "{what}: {m}");
        assert_eq!(m["file"], file, "{what}: {m}");
    }

    /// Every dimension an object with its `id`, in rulebook order.
    fn dimensions(list: &Value, what: &str) {
        let ids: Vec<&str> = list
            .as_array()
            .unwrap_or_else(|| panic!("{what}: no dimensions"))
            .iter()
            .map(|d| d["id"].as_str().unwrap_or_else(|| panic!("{what}: {d}")))
            .collect();
        assert_eq!(
            ids,
            ["strategic", "programmatic", "administrative"],
            "{what}"
        );
    }

    #[test]
    fn every_result_names_its_mission_rulebook_and_dimensions() {
        let one = format!("{MISSIONS}/consolidation-after-ceasefire.toml");
        let (old, new) = (
            format!("{MISSIONS}/compare-2008.toml"),
            format!("{MISSIONS}/compare-2009.toml"),
        );
        let lomaro = "UN Integrated Mission in Lomaro (UNIMLO), fictional";
        let selvara = "UN Integrated Mission in Selvara (UNIMSE), fictional";
        let set = "--set=donor-earmarking=low";
        for (cmd, extra) in [
            ("assess", None),
            ("plan", None),
            ("robustness", None),
            ("whatif", Some(set)),
        ] {
            let mut args = vec![cmd, one.as_str(), "--format", "json"];
            args.extend(extra);
            let v = json(&args);
            rulebook(&v, cmd);
            mission(&v["mission"], lomaro, "2009-06-15", &one, cmd);
            if cmd != "plan" {
                dimensions(&v["dimensions"], cmd);
            }
        }
        // A plan lists its changes, each with its gains by dimension id.
        let v = json(&["plan", &one, "--format", "json"]);
        assert!(v["changes"][0]["gains"]["strategic"].is_number(), "{v}");

        let v = json(&["compare", &old, &new, "--format", "json"]);
        rulebook(&v, "compare");
        mission(&v["mission"], selvara, "2009-10-15", &new, "compare");
        mission(&v["mission_before"], selvara, "2008-10-15", &old, "compare");
        dimensions(&v["dimensions"], "compare");

        let v = json(&["trend", &new, &old, "--format", "json"]);
        rulebook(&v, "trend");
        mission(&v["mission"], selvara, "2009-10-15", &new, "trend");
        mission(&v["assessments"][0], selvara, "2008-10-15", &old, "trend");
        mission(&v["assessments"][1], selvara, "2009-10-15", &new, "trend");
        dimensions(&v["dimensions"], "trend");

        let v = json(&["portfolio", &old, &new, "--format", "json"]);
        rulebook(&v, "portfolio");
        let rows = v["rows"].as_array().expect("rows");
        mission(
            &rows[0]["mission"],
            selvara,
            "2008-10-15",
            &old,
            "portfolio",
        );
        mission(
            &rows[1]["mission"],
            selvara,
            "2009-10-15",
            &new,
            "portfolio",
        );
        for row in rows {
            dimensions(&row["dimensions"], "portfolio");
            let cell = &row["dimensions"][0];
            for key in [
                "score",
                "score_range",
                "coverage",
                "level",
                "target",
                "verdict",
            ] {
                assert!(cell.get(key).is_some(), "portfolio cell: {key} in {cell}");
            }
        }

        let v = json(&["rulebook", "--format", "json"]);
        rulebook(&v, "rulebook");
    }

    /// Standard input is named as the results name it.
    #[test]
    fn a_mission_from_standard_input_is_named_so() {
        use std::io::Write;
        use std::process::Stdio;
        let text = std::fs::read(format!("{MISSIONS}/political-mission.toml")).unwrap();
        let mut child = Command::new(BIN)
            .args(["plan", "-", "--format", "json"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        child.stdin.take().unwrap().write_all(&text).unwrap();
        let o = child.wait_with_output().unwrap();
        let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
        assert_eq!(v["mission"]["file"], "<stdin>", "{}", v["mission"]);
    }
}
