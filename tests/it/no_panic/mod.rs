//! Nothing a file can hold makes the crate panic.
//!
//! Arbitrary text, arbitrary TOML and JSON documents, and structured
//! mutations of valid rulebooks and missions go to the loaders (TOML and
//! JSON); whatever loads goes on through the assessment, the reports and
//! the analyses (plan, robustness, compare, what-if). Every case must end in
//! `Ok` or `Err`, never a panic; every `Error::Invalid` must list at least
//! one diagnostic, each shown starting with the file name given. The example
//! programs must turn bad arguments and bad files into exit status 2 with a
//! message on stderr, never a panic.
//!
//! Split by what it attacks: `documents.rs` (arbitrary text and documents),
//! `mutations.rs` (structured edits of valid files, megabyte strings),
//! `scenarios.rs` (what-if), `hostile.rs` (fixed hostile inputs, files),
//! `examples.rs` (the example programs); `strategies.rs` holds the
//! generators they share, and this file what feeds a case through
//! everything.
//!
//! The case counts keep the whole suite well under 30 s in a debug build;
//! raise them with `PROPTEST_CASES=...` for a longer run, or use the fuzzer
//! (docs/fuzzing.md).
#![cfg(all(feature = "files", feature = "json"))]

use crate::fixtures;
mod documents;
mod examples;
mod hostile;
mod mutations;
mod scenarios;
mod strategies;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use integration_readiness::analysis::{self, RobustnessOptions, Scenario};
use integration_readiness::model::ContextValue;
use integration_readiness::report::reference;
use integration_readiness::{Effort, Polarity, Rating};
use integration_readiness::{Error, MAX_INPUT_BYTES, Mission, Rulebook, assess, report, template};
use proptest::prelude::*;
use proptest::sample::Index;
use toml::{Table, Value};

use fixtures::SAMPLES;
#[allow(unused_imports)]
use {documents::*, hostile::*, mutations::*, scenarios::*, strategies::*};

pub(crate) const TINY_TEXT: &str = include_str!("../../data/tiny.toml");

/// The file name given to the loaders: a folder, a space and non-ASCII
/// letters, so that every message must carry the name exactly as given.
pub(crate) const FILE: &str = "fuzz dir/ünïcode file.toml";

pub(crate) static OSLO: LazyLock<Rulebook> = LazyLock::new(Rulebook::oslo_2007);
pub(crate) static TINY: LazyLock<Rulebook> = LazyLock::new(|| {
    Rulebook::from_toml(TINY_TEXT, "tiny.toml").expect("tests/data/tiny.toml loads")
});

// ---------------------------------------------------------------------------
// Feeding text to the loaders, and what loads to everything else.
// ---------------------------------------------------------------------------

/// The start of a text, for failure messages.
pub(crate) fn preview(text: &str) -> String {
    let cut: String = text.chars().take(300).collect();
    if cut.len() < text.len() {
        format!("{cut}... ({} bytes)", text.len())
    } else {
        cut
    }
}

/// The error of a loader given `text` must be well formed: `TooLarge`
/// exactly when the text is over the limit; otherwise `Invalid` with at
/// least one diagnostic, each shown starting with the file name and, for
/// TOML (`located`), placed on a line of the text.
pub(crate) fn check_error(e: &Error, text: &str, located: bool) {
    let over = text.len() > MAX_INPUT_BYTES;
    match e {
        Error::TooLarge { file, len, limit } => {
            assert!(over, "TooLarge for {} bytes", text.len());
            assert_eq!(
                (file.as_str(), *len, *limit),
                (FILE, Some(text.len()), MAX_INPUT_BYTES)
            );
        }
        Error::Invalid(d) => {
            assert!(
                !over,
                "{} bytes over the limit, but not TooLarge",
                text.len()
            );
            assert!(
                !d.is_empty(),
                "Error::Invalid without a diagnostic for:\n{}",
                preview(text)
            );
            let lines = text.split('\n').count();
            for diag in d {
                let shown = diag.to_string();
                assert!(
                    shown.starts_with(FILE),
                    "diagnostic does not start with the file name {FILE:?}: {shown}\nfor:\n{}",
                    preview(text)
                );
                if located {
                    assert!(
                        (1..=lines).contains(&diag.line) && diag.column >= 1,
                        "diagnostic placed outside the text ({lines} lines): {shown}\nfor:\n{}",
                        preview(text)
                    );
                }
            }
            // The whole error shows too, the problems not listed counted
            // on a last line of their own.
            let whole = e.to_string();
            assert!(whole.starts_with(FILE));
            if d.omitted() > 0 {
                let last = whole.lines().last().unwrap_or("");
                assert!(
                    last.starts_with("and ") && last.contains(" more problem"),
                    "{last}"
                );
            }
        }
        other => panic!("a loader of text returned {other:?}"),
    }
}

pub(crate) fn rulebook_toml(text: &str) -> Option<Rulebook> {
    Rulebook::from_toml(text, FILE)
        .map_err(|e| check_error(&e, text, true))
        .ok()
}

pub(crate) fn rulebook_json(text: &str) -> Option<Rulebook> {
    Rulebook::from_json(text, FILE)
        .map_err(|e| check_error(&e, text, false))
        .ok()
}

pub(crate) fn mission_toml(text: &str, rb: &Rulebook) -> Option<Mission> {
    Mission::from_toml(text, FILE, rb)
        .map_err(|e| check_error(&e, text, true))
        .ok()
}

pub(crate) fn mission_json(text: &str, rb: &Rulebook) -> Option<Mission> {
    Mission::from_json(text, FILE, rb)
        .map_err(|e| check_error(&e, text, false))
        .ok()
}

/// The proptest configuration: `default` cases, or `PROPTEST_CASES` when
/// set (for a longer hunt).
pub(crate) fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig::with_cases(n)
}

/// Robustness options small enough for many cases in a debug build.
pub(crate) fn quick() -> RobustnessOptions {
    RobustnessOptions {
        samples: 50,
        ..RobustnessOptions::default()
    }
}

/// Runs a loaded mission through the assessment, every report and every
/// analysis; `other`, another mission of the same rulebook, is compared
/// with it.
pub(crate) fn exercise(rb: &Rulebook, m: &Mission, other: Option<&Mission>) {
    let a = assess(m);
    let _ = report::render(&a, report::Format::Text).unwrap();
    let _ = report::render(&a, report::Format::Markdown).unwrap();
    #[cfg(feature = "json")]
    let _ = report::render(&a, report::Format::Json);
    #[cfg(feature = "svg")]
    let _ = report::render(&a, report::Format::Svg).unwrap();
    let p = analysis::plan(m);
    let _ = report::render(&p, report::Format::Text).unwrap();
    let _ = serde_json::to_string(&p);
    let r = analysis::robustness(m, quick());
    let _ = report::render(&r, report::Format::Text).unwrap();
    let _ = serde_json::to_string(&r);
    let c = analysis::compare(&a, &a);
    let _ = report::render(&c, report::Format::Text).unwrap();
    if let Some(o) = other {
        let b = assess(o);
        let c = analysis::compare(&b, &a);
        let _ = report::render(&c, report::Format::Text).unwrap();
        let _ = serde_json::to_string(&c);
    }
    // Writing the mission back, and reading what was written.
    if let Ok(t) = m.to_toml() {
        let _ = mission_toml(&t, rb);
    }
    if let Ok(t) = m.to_json() {
        let _ = mission_json(&t, rb);
    }
}

/// Runs a loaded rulebook through everything that takes a rulebook alone,
/// and an empty mission and its template through the rest.
pub(crate) fn exercise_rulebook(rb: &Rulebook) {
    let _ = reference::markdown(rb);
    let _ = reference::json(rb);
    if let Ok(t) = rb.to_toml() {
        let _ = rulebook_toml(&t);
    }
    if let Ok(t) = rb.to_json() {
        let _ = rulebook_json(&t);
    }
    let empty = mission_toml("[mission]\nname = \"empty\"\n", rb);
    let filled = mission_toml(&template::mission(rb, None), rb);
    if let Some(m) = &empty {
        exercise(rb, m, filled.as_ref());
    }
    if let Some(m) = &filled {
        exercise(rb, m, empty.as_ref());
    }
}

/// Feeds text to every loader: as a rulebook, and as a mission of the
/// default and of the tiny rulebook, in TOML and in JSON.
pub(crate) fn feed(text: &str) {
    if let Some(rb) = rulebook_toml(text) {
        exercise_rulebook(&rb);
    }
    if let Some(rb) = rulebook_json(text) {
        exercise_rulebook(&rb);
    }
    for rb in [&*OSLO, &*TINY] {
        if let Some(m) = mission_toml(text, rb) {
            exercise(rb, &m, None);
        }
        if let Some(m) = mission_json(text, rb) {
            exercise(rb, &m, None);
        }
    }
}

/// Feeds a mission text (TOML) to its rulebook, and on to everything when
/// it loads, compared with `original` (a mission that loads).
pub(crate) fn feed_mission(text: &str, rb: &Rulebook, original: Option<&Mission>) {
    if let Some(m) = mission_toml(text, rb) {
        exercise(rb, &m, original);
    }
}
