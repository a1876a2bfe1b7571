//! The embedded default rulebook `oslo-2007`: complete, cited, consistent
//! with its generated reference page.

use std::collections::BTreeSet;

use integration_readiness::Polarity;
use integration_readiness::Rulebook;
use integration_readiness::report::reference;

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
    // Wherever relief runs, humanitarian actors (UN and NGO) are capped,
    // and more tightly in active conflict.
    let caps_humanitarian = |with_conflict: bool| {
        rules.iter().any(|r| {
            r.roles.iter().any(|x| x == "humanitarian")
                && r.roles.iter().any(|x| x == "humanitarian-ngo")
                && r.at_most.is_some()
                && r.when.contains_key("humanitarian-operations")
                && r.when.contains_key("conflict") == with_conflict
        })
    };
    assert!(caps_humanitarian(false));
    assert!(caps_humanitarian(true));
    // No blanket cap on NGOs, national authorities or donors: national
    // authorities are capped only where the government is itself a party
    // to the fighting.
    for role in ["ngo", "national-authority", "donor"] {
        for r in rules
            .iter()
            .filter(|r| r.roles.iter().any(|x| x == role) && r.at_most.is_some())
        {
            assert_eq!(role, "national-authority", "{role} is capped by {}", r.id);
            assert!(
                r.when
                    .get("host-government-party")
                    .is_some_and(|c| c.values() == [true.into()]),
                "{} caps national authorities beyond a belligerent government",
                r.id
            );
        }
    }
    // The mission's own targets depend on the phase.
    assert!(
        rules
            .iter()
            .any(|r| r.roles.is_empty() && r.when.contains_key("phase"))
    );
}

/// Where the text calls a condition indispensable, the condition gates the
/// integration level on every dimension.
#[test]
fn absolute_conditions_gate_integration_on_every_dimension() {
    let rb = rb();
    for factor in [
        "political-process-primacy",
        "mandate-resource-alignment",
        "intergovernmental-support",
        "humanitarian-principles-guide",
    ] {
        for dim in rb.dimensions() {
            assert!(
                rb.data().gates.iter().any(|g| g.level == "integration"
                    && g.factor == factor
                    && g.at_least.is_some()
                    && g.dimensions.contains(&dim.id)),
                "no integration gate on {factor} for {}",
                dim.id
            );
        }
    }
    // Integration is not one hierarchy: no gate on the representative's authority.
    assert!(
        !rb.data()
            .gates
            .iter()
            .any(|g| g.factor == "senior-representative-authority")
    );
}

/// Every choice the text does not make carries its reason in the data, and
/// the rulebook's comments do not restate numbers that could drift from it.
#[test]
fn every_choice_has_its_reason_and_comments_restate_no_numbers() {
    let rb = rb();
    for level in rb.levels().iter().skip(1) {
        assert!(
            level.threshold_reason.is_some(),
            "{}: threshold-reason",
            level.id
        );
    }
    assert!(rb.data().effort_cost.reason.is_some(), "effort-cost.reason");
    for factor in rb.factors() {
        assert!(
            factor.effort_reason.is_some(),
            "{}: effort-reason",
            factor.id
        );
    }
    for (n, line) in Rulebook::oslo_2007_text().lines().enumerate() {
        let Some(comment) = line.trim_start().strip_prefix('#') else {
            continue;
        };
        // Section numbers of the proceedings are the only decimals allowed.
        let mut rest = comment;
        while let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
            let num: String = rest[i..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let num = num.trim_end_matches('.');
            assert!(
                !num.contains('.') || ["1.1", "1.2", "1.3"].contains(&num),
                "line {}: comment restates the number {num}: {line}",
                n + 1
            );
            rest = &rest[i + num.len().max(1)..];
        }
    }
}

#[test]
fn the_decisions_page_is_current() {
    let page = reference::decisions(&rb());
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rulebook-decisions.md");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    if page != committed {
        if std::env::var_os("UPDATE_REFERENCE").is_some() {
            std::fs::write(path, &page).unwrap();
        } else {
            panic!(
                "docs/rulebook-decisions.md is out of date: run `UPDATE_REFERENCE=1 cargo test --test it default_rulebook`"
            );
        }
    }
}

#[test]
fn every_factor_is_complete_and_non_default_weights_have_reasons() {
    let rb = rb();
    let dw = rb.info().default_weight;
    for (f, factor) in rb.factors().iter().enumerate() {
        for (d, dim) in rb.dimensions().iter().enumerate() {
            if rb.weight(f, d).unwrap() != dw {
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
    let committed = include_str!("../../docs/factors.md");
    if page != committed {
        if std::env::var_os("UPDATE_REFERENCE").is_some() {
            std::fs::write(
                concat!(env!("CARGO_MANIFEST_DIR"), "/docs/factors.md"),
                &page,
            )
            .unwrap();
        } else {
            panic!(
                "docs/factors.md is out of date: run `UPDATE_REFERENCE=1 cargo test --test it default_rulebook` \
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

/// Every factor's rating guide defines all five rated words, so that no
/// gate tests a word an assessor has to guess: assessors disagree most at
/// the gates.
#[test]
fn every_gate_word_is_defined_in_its_factors_guide() {
    let rb = rb();
    for f in rb.factors() {
        for w in integration_readiness::Rating::SCALE {
            assert!(
                f.rating_guide.get(&w).is_some_and(|t| !t.trim().is_empty()),
                "{}: the guide does not define `{w}`",
                f.id
            );
        }
    }
    for g in &rb.data().gates {
        let f = rb.factor(&g.factor).unwrap();
        let word = g.at_least.or(g.at_most).unwrap();
        assert!(
            f.rating_guide.contains_key(&word),
            "the gate of `{}` on `{}` tests `{word}`, which its guide leaves undefined",
            g.level,
            g.factor
        );
    }
}
