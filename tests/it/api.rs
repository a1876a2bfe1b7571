//! The public API as an embedder meets it: the builder, the one error type,
//! the word enums read and written.

use integration_readiness::assess::{Assessment, Verdict};
use integration_readiness::{Effort, Error, Mission, Polarity, Rating, Rulebook, assess};

#[test]
fn the_builder_snippet_builds_and_assesses() -> Result<(), Error> {
    let rb = Rulebook::oslo_2007();
    let mission = Mission::builder(&rb)
        .name("Programmatic mission")
        .context("mandate", "multidimensional")
        .context("humanitarian-operations", true)
        .rate("political-process-primacy", "high".parse::<Rating>()?)
        .note("political-process-primacy", "Peace talks resumed in March.")
        .build()?;
    let a: Assessment = assess(&mission);
    assert_eq!(a.mission.name, "Programmatic mission");
    let f = rb.factor_index("political-process-primacy").unwrap();
    assert_eq!(mission.rating(f).unwrap(), Rating::High);
    assert_eq!(
        mission.data().evidence["political-process-primacy"]
            .note
            .as_deref(),
        Some("Peace talks resumed in March.")
    );
    Ok(())
}

#[test]
fn the_builder_reports_every_unknown_id_and_value_with_its_path() {
    let rb = Rulebook::oslo_2007();
    let err = Mission::builder(&rb)
        .name("M")
        .context("mandate", "multidimensionl")
        .context("phase-of-the-moon", true)
        .rate("political-process-primacyy", Rating::High)
        .build()
        .unwrap_err();
    let paths: Vec<String> = err.problems().map(|p| p.path.to_string()).collect();
    assert_eq!(
        paths,
        [
            "evidence.political-process-primacyy",
            "context.mandate",
            "context.phase-of-the-moon"
        ]
    );
    let first = err.problems().next().unwrap();
    assert_eq!(
        first.suggestion.as_deref(),
        Some("political-process-primacy")
    );
    assert!(err.to_string().starts_with(
        "<mission>: evidence.political-process-primacyy: unknown factor `political-process-primacyy`"
    ));
}

#[test]
fn an_empty_name_is_refused() {
    let rb = Rulebook::oslo_2007();
    let err = Mission::builder(&rb).build().unwrap_err();
    assert_eq!(
        err.to_string(),
        "<mission>: mission.name: empty mission name; expected the mission's name"
    );
}

#[test]
fn the_error_fits_the_ecosystem() {
    fn is_std_error<E: std::error::Error + Send + Sync + 'static>() {}
    is_std_error::<Error>();
    is_std_error::<integration_readiness::ParseWordError>();
    // A parse error converts into the crate's error with `?`.
    fn parse(word: &str) -> Result<Rating, Error> {
        Ok(word.parse::<Rating>()?)
    }
    let err = parse("hgh").unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown rating `hgh`; expected one of none, low, partial, high, full, unknown, not-applicable"
    );
    // Into a boxed error too, as in `main() -> Result<(), Box<dyn Error>>`.
    let boxed: Box<dyn std::error::Error + Send + Sync> = err.into();
    assert!(boxed.to_string().starts_with("unknown rating"));
}

#[test]
fn word_enums_read_what_they_write() {
    for r in Rating::ALL {
        assert_eq!(r.to_string().parse::<Rating>(), Ok(r));
    }
    for p in Polarity::ALL {
        assert_eq!(p.to_string().parse::<Polarity>(), Ok(p));
    }
    for e in Effort::ALL {
        assert_eq!(e.to_string().parse::<Effort>(), Ok(e));
    }
    for v in Verdict::ALL {
        assert_eq!(v.to_string().parse::<Verdict>(), Ok(v));
    }
    use integration_readiness::analysis::Direction;
    for d in Direction::ALL {
        assert_eq!(d.to_string().parse::<Direction>(), Ok(d));
    }
    assert_eq!("up".parse::<Direction>(), Ok(Direction::Up));
    // The words are the file words, pinned.
    assert_eq!(
        "not-applicable".parse::<Rating>(),
        Ok(Rating::NotApplicable)
    );
    assert_eq!("barrier".parse::<Polarity>(), Ok(Polarity::Barrier));
    assert_eq!("medium".parse::<Effort>(), Ok(Effort::Medium));
    assert_eq!("undetermined".parse::<Verdict>(), Ok(Verdict::Undetermined));
    assert_eq!(
        "High".parse::<Rating>().unwrap_err().to_string(),
        "unknown rating `High`; expected one of none, low, partial, high, full, unknown, not-applicable"
    );
    assert_eq!(
        "ready!".parse::<Verdict>().unwrap_err().to_string(),
        "unknown verdict `ready!`; expected one of ready, above-target, stretch, not-ready, undetermined"
    );
}

#[test]
fn data_built_in_memory_gets_the_same_error() {
    let rb = Rulebook::oslo_2007();
    let mut data = rb.data().clone();
    data.factors[0].id = "Not Kebab".into();
    let err = Rulebook::new(data).unwrap_err();
    assert!(err.problems().count() >= 1);
    assert!(err.to_string().starts_with("<rulebook>: "), "{err}");
}

#[test]
fn results_own_their_data() {
    fn keepable<T: Clone + std::fmt::Debug + Send + Sync + serde::Serialize + 'static>() {}
    keepable::<Assessment>();
    keepable::<integration_readiness::analysis::Plan>();
    keepable::<integration_readiness::analysis::Robustness>();
    keepable::<integration_readiness::analysis::Comparison>();
    fn shareable<T: Clone + std::fmt::Debug + Send + Sync + 'static>() {}
    shareable::<Rulebook>();
    shareable::<Mission>();

    // An assessment returned from a function outlives the rulebook and
    // mission it was made from.
    fn assessed() -> Assessment {
        let rb = Rulebook::oslo_2007();
        let m = Mission::builder(&rb).name("Kept").build().unwrap();
        assess(&m)
    }
    let a = assessed();
    assert_eq!(a.mission.name, "Kept");
    // The README's loop: id, score, score_range, level, target, verdict.
    for d in &a.dimensions {
        let line = format!(
            "{:<15} {:5.1} [{:.1}-{:.1}] {} -> {} ({})",
            d.id, d.score, d.score_range[0], d.score_range[1], d.level, d.target, d.verdict
        );
        // Nothing is rated: every dimension is undetermined.
        assert!(line.ends_with("(undetermined)"), "{line}");
    }
}

#[test]
fn the_built_in_rulebook_is_shared_after_the_first_call() {
    let a = Rulebook::oslo_2007();
    let b = Rulebook::oslo_2007();
    assert_eq!(a, b);
    assert!(std::ptr::eq(a.factors(), b.factors()));
}

#[test]
fn an_index_out_of_range_is_none_not_a_neighbours_value() {
    let rb = Rulebook::oslo_2007();
    let (nd, nf, nl) = (rb.dimensions().len(), rb.factors().len(), rb.levels().len());
    // Factor 0's weights, then what lies past its last dimension: nothing,
    // not factor 1's first weight.
    assert_eq!(rb.weights_of(0).unwrap().len(), nd);
    assert!(rb.weight(1, 0).unwrap() > 0.0);
    assert_eq!(rb.weight(0, nd), None);
    assert_eq!(rb.weight(nf, 0), None);
    assert_eq!(rb.weight(usize::MAX, usize::MAX), None);
    assert_eq!(rb.weights_of(nf), None);
    assert_eq!(rb.weights_of(usize::MAX), None);
    assert_eq!(rb.threshold(0, 0), Some(0.0));
    assert_eq!(rb.threshold(1, nd), None);
    assert_eq!(rb.threshold(nl, 0), None);
    assert_eq!(rb.effort_cost(nf), None);
    let m = integration_readiness::Mission::builder(&rb)
        .name("M")
        .build()
        .unwrap();
    assert_eq!(m.rating(0), Some(integration_readiness::Rating::Unknown));
    assert_eq!(m.rating(nf), None);
}

#[test]
fn every_result_renders_with_one_signature() {
    use integration_readiness::{analysis, report};
    let rb = Rulebook::oslo_2007();
    let m = Mission::builder(&rb)
        .name("Rendered")
        .rate("political-process-primacy", Rating::High)
        .build()
        .unwrap();
    let a = assess(&m);
    let p = analysis::plan(&m);
    let r = analysis::robustness(&m, analysis::RobustnessOptions::default());
    let c = analysis::compare(&a, &a);
    assert!(
        report::render(&a, report::Format::Text)
            .unwrap()
            .starts_with("Integration readiness: Rendered")
    );
    assert!(
        report::render(&p, report::Format::Text)
            .unwrap()
            .starts_with("Cheapest plan to target: Rendered")
    );
    assert!(
        report::render(&r, report::Format::Text)
            .unwrap()
            .starts_with("Weight robustness: Rendered")
    );
    // No dates in the mission: the comparison says before and after.
    assert!(
        report::render(&c, report::Format::Text)
            .unwrap()
            .starts_with("Rendered: before -> after\n")
    );
    // Markdown: headings and tables, not the text in a fence.
    let md = report::render(&p, report::Format::Markdown).unwrap();
    assert!(
        md.starts_with("# Cheapest plan to target: Rendered\n"),
        "{md}"
    );
    assert!(
        md.contains("\n| dimension | target | after the plan |\n"),
        "{md}"
    );
    assert!(!md.contains("```"), "{md}");
    // The rulebook renders as its factor reference.
    assert!(
        report::render(&rb, report::Format::Markdown)
            .unwrap()
            .contains("political-process-primacy")
    );
}

/// Renders `result` in every format: it succeeds exactly for the formats
/// the result lists, and refuses the others with the formats it has.
fn renders_exactly_its_formats<R: integration_readiness::report::Render>(result: &R) {
    use integration_readiness::report::{self, Format};
    let words: Vec<&str> = R::FORMATS.iter().map(|f| f.as_str()).collect();
    for format in Format::ALL {
        match report::render(result, format) {
            Ok(out) => {
                assert!(R::FORMATS.contains(&format), "{} as {format}", R::NAME);
                assert!(out.ends_with('\n'), "{} as {format} ends a line", R::NAME);
            }
            Err(e) => {
                assert!(
                    !R::FORMATS.contains(&format),
                    "{} as {format}: {e}",
                    R::NAME
                );
                assert!(matches!(e, Error::FormatUnavailable { .. }), "{e:?}");
                assert_eq!(
                    e.to_string(),
                    format!(
                        "{} has no {format} output; it has {}",
                        R::NAME,
                        words.join(", ")
                    )
                );
            }
        }
    }
}

#[test]
fn every_result_renders_the_formats_it_lists_and_refuses_the_others() {
    use integration_readiness::{analysis, report::Format};
    let rb = Rulebook::oslo_2007();
    let m = Mission::builder(&rb)
        .name("Formats")
        .date("2008-01-01")
        .rate("political-process-primacy", Rating::High)
        .build()
        .unwrap();
    let a = assess(&m);
    renders_exactly_its_formats(&a);
    renders_exactly_its_formats(&analysis::brief(&m));
    renders_exactly_its_formats(&analysis::plan(&m));
    renders_exactly_its_formats(&analysis::robustness(
        &m,
        analysis::RobustnessOptions {
            samples: 20,
            ..Default::default()
        },
    ));
    renders_exactly_its_formats(&analysis::compare(&a, &a));
    renders_exactly_its_formats(&analysis::trend(std::slice::from_ref(&a)));
    renders_exactly_its_formats(&analysis::portfolio(&rb, std::slice::from_ref(&m)).unwrap());
    renders_exactly_its_formats(&rb);
    // Every format's word reads back, in any case.
    for format in Format::ALL {
        assert_eq!(format.to_string().parse::<Format>(), Ok(format));
        assert_eq!(format.as_str().to_uppercase().parse::<Format>(), Ok(format));
    }
    let e = "pdf".parse::<Format>().unwrap_err().to_string();
    assert_eq!(
        e,
        "unknown format `pdf`; expected one of text, markdown, json, csv, html, svg, toml"
    );
}

/// User text that HTML or Markdown would read as markup.
const HOSTILE: &str = "<script>alert(1)</script> a|b `code` *bold* [link](x)";

/// `HOSTILE` as the Markdown reports write it.
const HOSTILE_MD: &str =
    "&lt;script&gt;alert(1)&lt;/script&gt; a\\|b \\`code\\` \\*bold\\* \\[link\\](x)";

/// A mission whose name, description, notes, sources and entities hold
/// markup, with two dates so that it has a trend.
fn hostile_mission(rb: &Rulebook, date: &str, rating: Rating) -> Mission {
    use integration_readiness::model::Entity;
    let mut entity = Entity::new(format!("Entity {HOSTILE}"), "donor");
    entity.note = Some(format!("Entity note {HOSTILE}\nsecond line"));
    Mission::builder(rb)
        .name(format!("# Mission {HOSTILE}"))
        .date(date)
        .description(format!("Description {HOSTILE}"))
        .rate("political-process-primacy", rating)
        .note("political-process-primacy", format!("Note {HOSTILE}"))
        .source("political-process-primacy", format!("Source {HOSTILE}"))
        .entity(entity)
        .build()
        .unwrap()
}

/// Whether `md` holds none of the markup raw.
fn inert(md: &str) -> bool {
    !md.contains("<script")
        && !md.contains("*bold*")
        && !md.contains("[link](x)")
        && !md.contains("a|b")
        && !md.contains(" `code`")
}

#[test]
fn markdown_reports_hold_user_text_inert() {
    use integration_readiness::analysis::{
        RobustnessOptions, brief, compare, plan, portfolio, robustness, trend,
    };
    use integration_readiness::report::{self, Format};
    let rb = Rulebook::oslo_2007();
    let before = hostile_mission(&rb, "2026-01-01", Rating::Low);
    let after = hostile_mission(&rb, "2026-06-01", Rating::High);
    let (a, b) = (assess(&before), assess(&after));

    let md = report::render(&a, Format::Markdown).unwrap();
    assert!(inert(&md), "{md}");
    assert!(md.starts_with(&format!(
        "# Integration readiness: \\# Mission {HOSTILE_MD}\n"
    )));
    for text in ["Description", "Note", "Source", "Entity"] {
        assert!(md.contains(&format!("{text} {HOSTILE_MD}")), "{text}: {md}");
    }
    let md = report::render(&brief(&before), Format::Markdown).unwrap();
    assert!(inert(&md), "{md}");
    assert!(md.contains(&format!("Note {HOSTILE_MD}")));
    let md = report::render(&trend(&[a.clone(), b.clone()]), Format::Markdown).unwrap();
    assert!(inert(&md), "{md}");
    assert!(
        md.starts_with(&format!("# Trend: \\# Mission {HOSTILE_MD}\n")),
        "{md}"
    );
    let p = portfolio(&rb, &[before.clone(), after.clone()]).unwrap();
    let md = report::render(&p, Format::Markdown).unwrap();
    assert!(inert(&md), "{md}");
    assert!(
        md.contains(&format!("| \\# Mission {HOSTILE_MD} |")),
        "{md}"
    );

    // The plan, robustness and the comparison: headings and tables, the
    // mission's name escaped in the heading.
    for (md, heading) in [
        (
            report::render(&plan(&before), Format::Markdown).unwrap(),
            "# Cheapest plan to target: ",
        ),
        (
            report::render(
                &robustness(&before, RobustnessOptions::default()),
                Format::Markdown,
            )
            .unwrap(),
            "# Weight robustness: ",
        ),
        (
            report::render(&compare(&a, &b), Format::Markdown).unwrap(),
            "# 2026-01-01 → 2026-06-01: ",
        ),
    ] {
        assert!(inert(&md), "{md}");
        let first = md.lines().next().unwrap_or_default();
        assert!(first.starts_with(heading), "{md}");
        assert!(first.ends_with(&format!("# Mission {HOSTILE_MD}")), "{md}");
        assert!(!md.contains("```"), "{md}");
        assert!(md.contains("\n|---"), "a table: {md}");
    }
}
