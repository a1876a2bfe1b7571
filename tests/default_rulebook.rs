//! The embedded default rulebook `oslo-2007`: complete, cited, consistent
//! with its generated reference page.

use std::collections::BTreeSet;

use integration_readiness::model::Polarity;
use integration_readiness::{Rulebook, reference};

fn rb() -> Rulebook {
    Rulebook::from_toml(Rulebook::oslo_2007_text(), "oslo-2007.toml").unwrap()
}

/// Every paragraph of the executive summary and chapter 1 that names an
/// enabler or a barrier (paragraph numbering as the rulebook describes it).
/// Left out: the opening (ES 1-3), the lead-in line (ES 5), 1.1 Structure,
/// 1.2 paras 1 and 5 (an introduction and the levels of coherence, which
/// are the dimensions, not a factor).
const NAMING_PARAGRAPHS: &[(&str, &[u32])] = &[
    (
        "Executive summary",
        &[
            4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
            28,
        ],
    ),
    ("1 Introduction", &[1, 2]),
    ("1.2 Defining integration", &[2, 3, 4, 6]),
    ("1.3 Integration is not an end in itself", &[1, 2, 3]),
];

#[test]
fn every_paragraph_naming_a_factor_is_cited() {
    let rb = rb();
    let cited: BTreeSet<(String, u32)> = rb
        .factors()
        .iter()
        .flat_map(|f| std::iter::once(&f.citation).chain(&f.see_also))
        .map(|c| (c.section.clone(), c.paragraph))
        .collect();
    let mut missing = Vec::new();
    for (section, paras) in NAMING_PARAGRAPHS {
        for p in *paras {
            if !cited.contains(&((*section).to_owned(), *p)) {
                missing.push(format!("{section}, para. {p}"));
            }
        }
    }
    assert!(missing.is_empty(), "not cited by any factor: {missing:?}");
}

#[test]
fn covers_the_themes_spectrum_and_roles_of_the_design() {
    let rb = rb();
    let n = rb.factors().len();
    assert!((35..=55).contains(&n), "{n} factors");
    let levels: Vec<&str> = rb.levels().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        levels,
        [
            "co-existence",
            "coordination",
            "cooperation",
            "integration",
            "full-coherence"
        ]
    );
    let dims: Vec<&str> = rb.dimensions().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(dims, ["strategic", "programmatic", "administrative"]);
    for theme in rb.themes() {
        assert!(
            rb.factors().iter().any(|f| f.theme == theme.id),
            "theme {} has no factor",
            theme.id
        );
    }
    assert!(rb.factors().iter().any(|f| f.polarity == Polarity::Barrier));
    let roles: BTreeSet<&str> = rb.roles().iter().map(|r| r.id.as_str()).collect();
    for r in [
        "mission",
        "political",
        "development",
        "humanitarian",
        "human-rights",
        "national-authority",
        "donor",
        "financial-institution",
        "ngo",
    ] {
        assert!(roles.contains(r), "role {r}");
    }
    let keys: Vec<&str> = rb.context_keys().iter().map(|k| k.key.as_str()).collect();
    for k in ["mandate", "conflict", "humanitarian-operations"] {
        assert!(keys.contains(&k), "context key {k}");
    }
}

#[test]
fn every_level_above_coordination_has_a_cited_gate() {
    let rb = rb();
    for level in ["cooperation", "integration", "full-coherence"] {
        let gates: Vec<_> = rb
            .data()
            .gates
            .iter()
            .filter(|g| g.level == level)
            .collect();
        assert!(!gates.is_empty(), "no gate on {level}");
        for g in gates {
            assert!(!g.because.trim().is_empty());
            assert!(g.citation.paragraph > 0);
        }
    }
}

#[test]
fn the_rules_the_design_requires_exist() {
    let rb = rb();
    let rules = &rb.data().rules;
    // A multidimensional mandate raises the strategic target.
    assert!(rules.iter().any(|r| {
        r.roles.is_empty()
            && r.at_least.is_some()
            && r.dimensions.iter().any(|d| d == "strategic")
            && r.when.get("mandate").is_some_and(|c| {
                c.values()
                    .iter()
                    .any(|v| v.to_string() == "\"multidimensional\"")
            })
    }));
    // Active conflict with humanitarian operations caps humanitarian entities.
    assert!(rules.iter().any(|r| {
        r.roles == ["humanitarian"]
            && r.at_most.is_some()
            && r.when.contains_key("conflict")
            && r.when.contains_key("humanitarian-operations")
    }));
}

#[test]
fn every_factor_is_complete_and_non_default_weights_have_reasons() {
    let rb = rb();
    let dw = rb.info().default_weight;
    for (f, factor) in rb.factors().iter().enumerate() {
        for (d, dim) in rb.dimensions().iter().enumerate() {
            if rb.weight(f, d) != dw {
                assert!(factor.weight_reasons.contains_key(&dim.id), "{}", factor.id);
            }
        }
        assert!(factor.question.ends_with('?'), "{}: question", factor.id);
        assert!(factor.citation.phrase.split_whitespace().count() <= 8);
    }
}

#[test]
fn the_factor_reference_page_is_current() {
    let page = reference::markdown(&rb());
    let committed = include_str!("../docs/factors.md");
    if page != committed {
        if std::env::var_os("UPDATE_REFERENCE").is_some() {
            std::fs::write(
                concat!(env!("CARGO_MANIFEST_DIR"), "/docs/factors.md"),
                &page,
            )
            .unwrap();
        } else {
            panic!(
                "docs/factors.md is out of date: run `UPDATE_REFERENCE=1 cargo test --test default_rulebook` \
                 or `cargo run --example rulebook -- --format markdown > docs/factors.md`"
            );
        }
    }
}

#[test]
fn the_json_form_has_the_documented_keys() {
    let v = reference::json(&rb()).unwrap();
    assert_eq!(v["spectrum"][0], "co-existence");
    assert_eq!(v["dimensions"].as_array().unwrap().len(), 3);
    let f = &v["factors"][0];
    for key in [
        "id",
        "polarity",
        "theme",
        "title",
        "description",
        "citation",
    ] {
        assert!(!f[key].is_null(), "factor key {key}");
    }
    assert!(["enabler", "barrier"].contains(&f["polarity"].as_str().unwrap()));
}

#[test]
fn the_default_rulebook_round_trips() {
    let rb = rb();
    assert_eq!(
        Rulebook::from_toml(&rb.to_toml().unwrap(), "rt.toml").unwrap(),
        rb
    );
    assert_eq!(
        Rulebook::from_json(&rb.to_json().unwrap(), "rt.json").unwrap(),
        rb
    );
    assert_eq!(Rulebook::oslo_2007(), rb);
}
