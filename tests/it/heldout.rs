//! Held-out practitioner cases, run through the installed command as a
//! user runs it.
//!
//! `tests/heldout/cases.toml` was written by a practitioner from the
//! proceedings and the definitions of the verdicts alone, with every
//! expected answer written down before the tool was run on it, and without
//! reading the rulebook's gates and rules or the other scenarios. Each case
//! becomes a mission file, which `integration-readiness assess FILE
//! --format json` reads; the JSON (or the refusal on standard error) is
//! checked against the case's expectations with the same checks as the
//! practitioner scenarios.
//!
//! A case the tool does not yet meet is listed, with the reason, in
//! `tests/heldout/known-gaps.toml`: it must still fail (so that a fix is
//! noticed and the case promoted), and every other case must hold.

// The held-out runner reads the cases, not the page the scenarios render
// from their titles and claims.
#[allow(dead_code)]
use crate::scenarios::spec;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

use integration_readiness::Rulebook;
use serde::Deserialize;

const BIN: &str = env!("CARGO_BIN_EXE_integration-readiness");

/// The cases the tool does not meet yet: id -> why.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Gaps {
    #[serde(default)]
    gap: BTreeMap<String, String>,
}

fn gaps() -> BTreeMap<String, String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/heldout/known-gaps.toml");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    toml::from_str::<Gaps>(&text).unwrap().gap
}

/// A scratch folder of this test run.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("heldout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The command's verdict on a mission file: its JSON assessment, or the
/// refusal it prints (exit status 2).
fn run(path: &std::path::Path) -> Result<serde_json::Value, String> {
    let out = Command::new(BIN)
        .args(["assess", path.to_str().unwrap(), "--format", "json"])
        .output()
        .expect("the command runs");
    match out.status.code() {
        Some(0) => Ok(serde_json::from_slice(&out.stdout).expect("JSON on standard output")),
        Some(2) => Err(String::from_utf8_lossy(&out.stderr).into_owned()),
        other => panic!(
            "{}: exit status {other:?}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

#[test]
fn held_out_cases_hold_through_the_installed_command() {
    let rb = Rulebook::oslo_2007();
    let cases = spec::load("tests/heldout");
    assert!(cases.len() >= 15, "{} held-out cases", cases.len());
    let gaps = gaps();
    let dir = scratch();
    let mut failures = String::new();
    let mut known = 0;
    for (_, s) in &cases {
        let path = dir.join(format!("{}.toml", s.id));
        std::fs::write(&path, spec::mission_toml(&rb, s)).unwrap();
        let problems = spec::check(&rb, s, run(&path));
        match (gaps.get(&s.id), problems.is_empty()) {
            (None, true) => {}
            (None, false) => {
                for p in problems {
                    let _ = writeln!(failures, "{}: {p}", s.id);
                }
            }
            (Some(_), false) => known += 1,
            (Some(why), true) => {
                let _ = writeln!(
                    failures,
                    "{}: now holds; remove it from known-gaps.toml ({why})",
                    s.id
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    for id in gaps.keys() {
        assert!(
            cases.iter().any(|(_, s)| &s.id == id),
            "known-gaps.toml names no case {id}"
        );
    }
    assert!(
        failures.is_empty(),
        "held-out cases that do not hold ({known} known gaps aside):\n{failures}"
    );
}
