//! The JSON Schemas: current with the types, and a real validator accepts
//! every sample mission and the default rulebook and rejects bad files.

use crate::fixtures;

use integration_readiness::Rulebook;
use integration_readiness::schema::{mission_schema, rulebook_schema, to_text};
use serde_json::Value;

use fixtures::SAMPLES;

fn check_current(path: &str, committed: &str, fresh: &str) {
    if committed != fresh {
        if std::env::var_os("UPDATE_SCHEMAS").is_some() {
            std::fs::write(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")), fresh).unwrap();
        } else {
            panic!(
                "{path} is out of date: run `UPDATE_SCHEMAS=1 cargo test --test it schema`, or \
                 `cargo run --example schema -- mission > schemas/mission.schema.json` and \
                 `cargo run --example schema -- rulebook > schemas/rulebook.schema.json`"
            );
        }
    }
}

#[test]
fn committed_schemas_are_current() {
    let rb = Rulebook::oslo_2007();
    check_current(
        "schemas/mission.schema.json",
        include_str!("../../schemas/mission.schema.json"),
        &to_text(&mission_schema(&rb)).unwrap(),
    );
    check_current(
        "schemas/rulebook.schema.json",
        include_str!("../../schemas/rulebook.schema.json"),
        &to_text(&rulebook_schema()).unwrap(),
    );
}

fn toml_to_json(text: &str) -> Value {
    toml::from_str::<Value>(text).unwrap()
}

fn errors(schema: &Value, doc: &Value) -> Vec<String> {
    let v = jsonschema::validator_for(schema).unwrap();
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_sample_mission_starts_with_the_directive_and_validates() {
    let schema = mission_schema(&Rulebook::oslo_2007());
    for (name, text) in SAMPLES {
        assert!(
            text.starts_with("#:schema ../../schemas/mission.schema.json\n"),
            "{name}: first line must be the schema directive"
        );
        let errs = errors(&schema, &toml_to_json(text));
        assert!(errs.is_empty(), "{name}: {errs:?}");
    }
}

#[test]
fn the_default_rulebook_validates_against_the_rulebook_schema() {
    let errs = errors(
        &rulebook_schema(),
        &toml_to_json(Rulebook::oslo_2007_text()),
    );
    assert!(errs.is_empty(), "{errs:?}");
}

#[test]
fn bad_missions_are_rejected_by_the_schema() {
    let schema = mission_schema(&Rulebook::oslo_2007());
    for (what, text) in [
        (
            "unknown factor id",
            "[mission]\nname = \"x\"\n[evidence.senior-leadership-cohesio]\nrating = \"low\"\n",
        ),
        (
            "bad rating word",
            "[mission]\nname = \"x\"\n[evidence.senior-leadership-cohesion]\nrating = \"mostly\"\n",
        ),
        (
            "unknown context value",
            "[mission]\nname = \"x\"\n[context]\nmandate = \"robust\"\n",
        ),
        (
            "unknown role",
            "[mission]\nname = \"x\"\n[[entity]]\nname = \"a\"\nrole = \"army\"\n",
        ),
        (
            "unknown level",
            "[mission]\nname = \"x\"\n[[entity]]\nname = \"a\"\nrole = \"ngo\"\ncurrent = { strategic = \"merged\" }\n",
        ),
        ("unknown key", "[mission]\nname = \"x\"\ncolour = \"red\"\n"),
        ("missing name", "[mission]\ndate = \"2008-01-01\"\n"),
    ] {
        let errs = errors(&schema, &toml_to_json(text));
        assert!(!errs.is_empty(), "{what} accepted");
    }
}

#[test]
fn the_schema_lists_factor_ids_and_rating_words() {
    let rb = Rulebook::oslo_2007();
    let s = mission_schema(&rb);
    let props = s["properties"]["evidence"]["properties"]
        .as_object()
        .unwrap();
    assert_eq!(props.len(), rb.factors().len());
    let text = serde_json::to_string(&s["$defs"]["Rating"]).unwrap();
    for word in [
        "none",
        "low",
        "partial",
        "high",
        "full",
        "unknown",
        "not-applicable",
    ] {
        assert!(text.contains(&format!("\"{word}\"")), "{word}");
    }
}
