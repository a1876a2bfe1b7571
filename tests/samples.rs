//! The sample missions under examples/missions: they load, their targets
//! follow from the rulebook's rules, their placements are pinned, and their
//! reports fit 80 columns.

mod common;

use integration_readiness::{Mission, Rulebook, Verdict, assess, report};

use common::SAMPLES;

fn load(name: &str) -> (Rulebook, Mission) {
    let rb = Rulebook::oslo_2007();
    let text = SAMPLES.iter().find(|(n, _)| *n == name).unwrap().1;
    let m = Mission::from_toml(text, name, &rb).unwrap_or_else(|e| panic!("{e}"));
    (rb, m)
}

/// (level, target, verdict) per dimension: strategic, programmatic,
/// administrative.
fn placements(name: &str) -> Vec<(String, String, Verdict)> {
    let (rb, m) = load(name);
    assess(&rb, &m)
        .dimensions
        .iter()
        .map(|d| (d.level.to_string(), d.target.to_string(), d.verdict))
        .collect()
}

fn p(l: &str, t: &str, v: Verdict) -> (String, String, Verdict) {
    (l.to_owned(), t.to_owned(), v)
}

#[test]
fn every_sample_loads_is_documented_and_fits_80_columns() {
    let rb = Rulebook::oslo_2007();
    for (name, text) in SAMPLES {
        let m = Mission::from_toml(text, name, &rb).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            text.to_lowercase().contains("illustrative"),
            "{name}: say it is illustrative"
        );
        for (id, ev) in &m.data().evidence {
            assert!(ev.note.is_some(), "{name}: evidence.{id} has no note");
        }
        let a = assess(&rb, &m);
        for line in report::text(&rb, &a).lines() {
            assert!(line.chars().count() <= 80, "{name}: {line:?}");
        }
    }
}

/// Targets follow from the rules: a multidimensional mandate sets
/// strategic integration, programmatic cooperation and administrative
/// coordination; a political mandate strategic cooperation over the
/// defaults (coordination, coordination, co-existence).
#[test]
fn targets_follow_the_mandate() {
    for name in [
        "start-up-active-conflict.toml",
        "consolidation-after-ceasefire.toml",
        "drawdown-transition.toml",
        "compare-2008.toml",
    ] {
        let t: Vec<String> = placements(name).into_iter().map(|x| x.1).collect();
        assert_eq!(t, ["integration", "cooperation", "coordination"], "{name}");
    }
    let t: Vec<String> = placements("political-mission.toml")
        .into_iter()
        .map(|x| x.1)
        .collect();
    assert_eq!(t, ["cooperation", "coordination", "co-existence"]);
    // No mandate given: the defaults, and the mandate rules undecided.
    let (rb, m) = load("poorly-evidenced.toml");
    let a = assess(&rb, &m);
    let t: Vec<&str> = a.dimensions.iter().map(|d| d.target.as_str()).collect();
    assert_eq!(t, ["coordination", "coordination", "co-existence"]);
    assert!(
        a.undecided_rules
            .iter()
            .any(|r| r == "multidimensional-mandate")
    );
}

/// The placements of the samples, pinned so that a change to the rulebook
/// or the method that moves them is seen and the README is updated.
#[test]
fn sample_placements() {
    use Verdict::*;
    assert_eq!(
        placements("start-up-active-conflict.toml"),
        [
            p("co-existence", "integration", NotReady),
            p("co-existence", "cooperation", NotReady),
            p("co-existence", "coordination", Stretch)
        ]
    );
    assert_eq!(
        placements("consolidation-after-ceasefire.toml"),
        [
            p("cooperation", "integration", Stretch),
            p("coordination", "cooperation", Stretch),
            p("coordination", "coordination", Ready)
        ]
    );
    assert_eq!(
        placements("drawdown-transition.toml"),
        [
            p("cooperation", "integration", Stretch),
            p("cooperation", "cooperation", Ready),
            p("cooperation", "coordination", Ready)
        ]
    );
    assert_eq!(
        placements("political-mission.toml"),
        [
            p("cooperation", "cooperation", Ready),
            p("coordination", "coordination", Ready),
            p("coordination", "co-existence", Ready)
        ]
    );
}

#[test]
fn the_embedded_sample_is_fully_evidenced() {
    let (rb, m) = load("consolidation-after-ceasefire.toml");
    let a = assess(&rb, &m);
    assert!(a.evidence_gaps.is_empty());
    for d in &a.dimensions {
        assert_eq!(d.coverage, 1.0);
        assert_eq!(d.score_range, [d.score, d.score]);
    }
}

#[test]
fn the_poorly_evidenced_sample_has_wide_ranges() {
    let (rb, m) = load("poorly-evidenced.toml");
    let a = assess(&rb, &m);
    for d in &a.dimensions {
        assert!(d.provisional, "{}", d.id);
        assert!(d.score_range[1] - d.score_range[0] > 50.0, "{}", d.id);
    }
    assert!(a.evidence_gaps.len() > 30);
}

#[test]
fn humanitarian_actors_integrate_asymmetrically_in_active_conflict() {
    // Active conflict with humanitarian operations: humanitarian entities
    // are capped at coordination (strategic, programmatic) and co-existence
    // (administrative), below the mission's own targets.
    let (rb, m) = load("start-up-active-conflict.toml");
    let a = assess(&rb, &m);
    for e in a.entities.iter().filter(|e| e.role == "humanitarian") {
        assert_eq!(
            e.target.values,
            ["coordination", "coordination", "co-existence"],
            "{}",
            e.name
        );
    }
    let mission = a.entities.iter().find(|e| e.role == "mission").unwrap();
    assert_eq!(
        mission.target.values,
        ["integration", "cooperation", "coordination"]
    );
    // After the ceasefire, the cap is lifted (compare pair).
    let (rb, m) = load("compare-2009.toml");
    let a = assess(&rb, &m);
    let wfp = a.entities.iter().find(|e| e.name == "WFP").unwrap();
    assert!(wfp.over_integrated.is_empty());
}
