//! JSON Schemas of the file formats, for editors and validators.
//!
//! The schemas are generated from the file types in [`crate::model`] (so they
//! follow the serde definitions exactly), and the mission schema is then made
//! specific to a rulebook: the keys of `evidence` and `effort` are its factor
//! ids (with each factor's title and question as the description), the keys
//! and values of `context` are its context keys and values, an entity's
//! `role` is one of its roles and `current` maps its dimensions to its
//! levels. A TOML language server (taplo, or the editor extensions built on
//! it) given the schema completes and checks all of these.
//!
//! `schemas/mission.schema.json` (for the default rulebook) and
//! `schemas/rulebook.schema.json` are committed; a test keeps them current.

use serde_json::{Map, Value, json};

use crate::model::{MissionData, RulebookData};
use crate::rulebook::Rulebook;

/// The JSON Schema dialect of the generated schemas.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

fn defs(root: &mut Value) -> Option<&mut Map<String, Value>> {
    root.get_mut("$defs").and_then(Value::as_object_mut)
}

/// The schema of rulebook files.
///
/// ```
/// let s = integration_readiness::schema::rulebook_schema();
/// assert_eq!(s["title"], "integration-readiness rulebook");
/// ```
pub fn rulebook_schema() -> Value {
    let mut v = schemars::schema_for!(RulebookData).to_value();
    v["title"] = json!("integration-readiness rulebook");
    v["$id"] = json!("https://integration-readiness.invalid/schemas/rulebook.schema.json");
    v
}

/// The schema of mission files for `rulebook`.
///
/// ```
/// use integration_readiness::{schema::mission_schema, Rulebook};
/// let s = mission_schema(&Rulebook::oslo_2007());
/// let evidence = &s["properties"]["evidence"];
/// assert!(evidence["properties"]["senior-leadership-cohesion"].is_object());
/// assert_eq!(evidence["additionalProperties"], false);
/// ```
pub fn mission_schema(rulebook: &Rulebook) -> Value {
    let mut v = schemars::schema_for!(MissionData).to_value();
    let rb = rulebook.data();
    v["title"] = json!(format!(
        "integration-readiness mission (rulebook {})",
        rb.rulebook.id
    ));
    v["$id"] = json!(format!(
        "https://integration-readiness.invalid/schemas/mission-{}.schema.json",
        rb.rulebook.id
    ));

    let factor_props = |target: &str| -> Value {
        let props: Map<String, Value> = rb
            .factors
            .iter()
            .map(|f| {
                (
                    f.id.clone(),
                    json!({
                        "$ref": target,
                        "description": format!("{} ({}). {}", f.title, f.polarity, f.question),
                    }),
                )
            })
            .collect();
        Value::Object(props)
    };
    if let Some(props) = v.get_mut("properties").and_then(Value::as_object_mut) {
        props.insert(
            "evidence".into(),
            json!({
                "description": "Factor id -> evidence. A factor left out is unknown.",
                "type": "object",
                "properties": factor_props("#/$defs/Evidence"),
                "additionalProperties": false,
            }),
        );
        props.insert(
            "effort".into(),
            json!({
                "description": "Factor id -> effort, where this mission finds a factor easier or harder to change than the rulebook says.",
                "type": "object",
                "properties": factor_props("#/$defs/Effort"),
                "additionalProperties": false,
            }),
        );
        let context: Map<String, Value> = rb
            .context
            .iter()
            .map(|k| {
                let values: Vec<Value> = k
                    .values
                    .iter()
                    .map(|x| serde_json::to_value(x).unwrap_or(Value::Null))
                    .collect();
                let mut s = json!({ "enum": values });
                if let Some(d) = &k.description {
                    s["description"] = json!(d);
                }
                (k.key.clone(), s)
            })
            .collect();
        props.insert(
            "context".into(),
            json!({
                "description": "Facts about the mission that set its targets. A key left out is unknown.",
                "type": "object",
                "properties": context,
                "additionalProperties": false,
            }),
        );
    }
    let levels: Vec<&str> = rb.levels.iter().map(|l| l.id.as_str()).collect();
    let roles: Vec<&str> = rb.roles.iter().map(|r| r.id.as_str()).collect();
    let current: Map<String, Value> = rb
        .dimensions
        .iter()
        .map(|d| {
            (
                d.id.clone(),
                json!({ "enum": levels, "description": d.title }),
            )
        })
        .collect();
    if let Some(entity) = defs(&mut v)
        .and_then(|d| d.get_mut("Entity"))
        .and_then(|e| e.get_mut("properties"))
        .and_then(Value::as_object_mut)
    {
        entity.insert(
            "role".into(),
            json!({ "description": "Role id.", "enum": roles }),
        );
        entity.insert(
            "current".into(),
            json!({
                "description": "Its current level of integration, per dimension.",
                "type": "object",
                "properties": current,
                "additionalProperties": false,
            }),
        );
    }
    v
}

/// A schema as the text committed under `schemas/`: pretty JSON with a
/// final newline.
///
/// # Errors
/// [`Error::Write`](crate::Error::Write) if the schema cannot be written
/// (not expected).
pub fn to_text(schema: &Value) -> Result<String, crate::Error> {
    Ok(crate::json::to_text(schema)? + "\n")
}
