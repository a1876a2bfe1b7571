//! The integration tests: one binary, a module per concern (see
//! `ARCHITECTURE.md`). `fixtures` holds what the modules share: the tiny
//! rulebook, the sample missions, a builder for small test rulebooks and
//! the generators of the property tests.

mod fixtures;

mod accessors;
mod analysis;
mod api;
mod architecture;
#[cfg(feature = "json")]
mod certainty;
mod chart;
#[cfg(feature = "cli")]
mod cli;
#[cfg(feature = "json")]
mod contracts;
#[cfg(feature = "json")]
mod default_rulebook;
mod edges;
mod glossary;
#[cfg(feature = "cli")]
mod heldout;
#[cfg(all(feature = "files", feature = "json"))]
mod loading;
mod no_panic;
mod panel;
#[cfg(feature = "cli")]
mod panel_cli;
mod plan;
#[cfg(feature = "json")]
mod properties;
mod robustness;
mod samples;
mod scenarios;
#[cfg(feature = "schema")]
mod schema;
mod scoring;
mod serve;
mod template;
mod themes;
mod under_attack;
mod verdicts;
