//! The mission template: it loads as it is, lists every factor, and a
//! planner gets to a first assessment by editing ratings only.

use integration_readiness::{Mission, Rating, Rulebook, assess, template};

#[test]
fn the_template_loads_and_lists_every_factor_under_its_theme() {
    let rb = Rulebook::oslo_2007();
    let text = template::mission(&rb, Some("schemas/mission.schema.json"));
    assert!(text.starts_with("#:schema schemas/mission.schema.json\n"));
    let m = Mission::from_toml(&text, "template.toml", &rb).unwrap_or_else(|e| panic!("{e}"));
    for (f, factor) in rb.factors().iter().enumerate() {
        assert!(
            text.contains(&format!("[evidence.{}]\n", factor.id)),
            "{}",
            factor.id
        );
        assert!(text.contains(&factor.title), "{}", factor.id);
        assert_eq!(m.rating(f).unwrap(), Rating::Unknown);
    }
    // Factors come under their theme's heading, in theme order.
    let mut last = 0;
    for theme in rb.themes() {
        let at = text.find(&format!("# {}\n", theme.title)).unwrap();
        assert!(at >= last, "theme {} out of order", theme.id);
        last = at;
    }
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    // All unknown: every dimension's range is the whole scale.
    let a = assess(&m);
    for d in &a.dimensions {
        assert_eq!(d.score_range, [0.0, 100.0]);
    }
}

#[test]
fn editing_ratings_only_gives_a_first_assessment() {
    let rb = Rulebook::oslo_2007();
    let text = template::mission(&rb, None)
        .replacen(
            "[evidence.senior-leadership-cohesion]\nrating = \"unknown\"",
            "[evidence.senior-leadership-cohesion]\nrating = \"high\"",
            1,
        )
        .replacen(
            "[evidence.donor-earmarking]\nrating = \"unknown\"",
            "[evidence.donor-earmarking]\nrating = \"full\"",
            1,
        )
        .replace(
            "# mandate = \"traditional\"",
            "mandate = \"multidimensional\"",
        );
    let m = Mission::from_toml(&text, "edited.toml", &rb).unwrap_or_else(|e| panic!("{e}"));
    let a = assess(&m);
    let f = rb.factor_index("senior-leadership-cohesion").unwrap();
    assert_eq!(m.rating(f).unwrap(), Rating::High);
    assert_eq!(a.dimensions[0].target, "integration");
    assert!(a.dimensions[0].coverage > 0.0);
}

#[test]
fn a_template_for_another_rulebook_loads() {
    let rb = Rulebook::from_toml(include_str!("../data/tiny.toml"), "tiny.toml").unwrap();
    let text = template::mission(&rb, None);
    Mission::from_toml(&text, "t.toml", &rb).unwrap_or_else(|e| panic!("{e}"));
}

/// The template and the factor reference point a planner at the installed
/// command, never at a program of the source tree.
#[test]
fn the_template_and_the_reference_name_the_installed_command() {
    let rb = Rulebook::oslo_2007();
    let text = template::mission(&rb, None);
    let flat = text
        .lines()
        .map(|l| l.trim_start_matches('#').trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("integration-readiness assess this-file.toml"),
        "{text}"
    );
    let reference = integration_readiness::report::reference::markdown(&rb);
    assert!(
        reference.contains("`integration-readiness rulebook --format markdown`"),
        "{reference}"
    );
    for page in [&text, &reference] {
        assert!(!page.contains("cargo run"), "{page}");
    }
}
