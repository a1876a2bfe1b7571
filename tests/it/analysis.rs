//! The analyses but the plan and robustness (each in its own module):
//! what-if, compare, portfolio and trend.

use crate::fixtures;
use crate::fixtures::TINY;

use fixtures::{case, load, tiny_mission};
use integration_readiness::analysis::{Scenario, apply, compare};
use integration_readiness::{Mission, Rating, Rulebook, assess};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// What-if with no changes is the identity.
    #[test]
    fn what_if_without_changes_is_the_identity((rbd, md) in case()) {
        let (_, m) = load(&rbd, &md);
        let same = apply(&m, &Scenario::default()).unwrap();
        prop_assert_eq!(&same, &m);
        let (a, b) = (assess(&m), assess(&same));
        prop_assert!(compare(&a, &b).is_unchanged());
    }

    /// compare(a, a) reports no change; compare's drivers sum to each
    /// dimension's score change.
    #[test]
    fn compare_explains_every_move((rbd, md) in case(), f in any::<prop::sample::Index>(), r in fixtures::rating()) {
        let (rb, m) = load(&rbd, &md);
        let a = assess(&m);
        prop_assert!(compare(&a, &a).is_unchanged());
        let f = f.index(rb.factors().len());
        let m2 = match apply(&m, &Scenario::rate(rb.factors()[f].id.clone(), r)) {
            Ok(m2) => m2,
            // Waiving a gate needs a note, in a scenario as in a file.
            Err(e) => {
                prop_assert_eq!(r, Rating::NotApplicable);
                prop_assert!(e.to_string().contains("say why in `note`"), "{}", e);
                return Ok(());
            }
        };
        let b = assess(&m2);
        let c = compare(&a, &b);
        for d in &c.dimensions {
            let sum: f64 = d.drivers.iter().map(|x| x.points).sum();
            prop_assert!((sum - (d.score_after - d.score_before)).abs() < 1e-7);
        }
        let changed = m.rating(f).unwrap() != r || !md.evidence.contains_key(&rb.factors()[f].id);
        prop_assert_eq!(c.changed_ratings.len(), usize::from(changed));
    }
}

#[test]
fn a_scenario_forgets_context_the_rulebook_declares() {
    use integration_readiness::analysis::Scenario;
    let (_, m) = tiny_mission("[context]\nmode = \"big\"\n");
    let forget = |keys: &[&str]| Scenario {
        forget_context: keys.iter().map(|k| k.to_string()).collect(),
        ..Scenario::default()
    };
    // A key set in the mission is removed: a's target is open again, mid
    // (small) to top (big), and the report asks for `mode`.
    let m2 = apply(&m, &forget(&["mode"])).unwrap();
    assert!(m2.data().context.is_empty());
    let a2 = assess(&m2);
    assert_eq!(a2.dimensions[0].target_detail.range, ["mid", "top"]);
    assert!(a2.missing_context.iter().any(|k| k.key == "mode"));
    // A declared key the mission does not set: nothing to forget, no error.
    let m3 = apply(&m, &forget(&["flag"])).unwrap();
    assert_eq!(m3.data().context.len(), 1);
    // A key the rulebook does not declare is an error, even beside good ones.
    let e = apply(&m, &forget(&["mode", "size"]))
        .unwrap_err()
        .to_string();
    // The second key of the list, counted from 1.
    assert_eq!(
        e,
        "<scenario>: forget-context[2]: unknown context key `size`"
    );
}

const PAIR: [&str; 2] = [
    include_str!("../../examples/missions/compare-2008.toml"),
    include_str!("../../examples/missions/compare-2009.toml"),
];

fn dated_pair() -> (Rulebook, Vec<integration_readiness::assess::Assessment>) {
    let rb = Rulebook::oslo_2007();
    let a = PAIR
        .iter()
        .map(|t| assess(&Mission::from_toml(t, "m.toml", &rb).unwrap()))
        .collect();
    (rb, a)
}

#[test]
fn portfolio_rows_are_the_assessments() {
    use integration_readiness::analysis::portfolio;
    let rb = Rulebook::oslo_2007();
    let missions: Vec<Mission> = PAIR
        .iter()
        .map(|t| Mission::from_toml(t, "m.toml", &rb).unwrap())
        .collect();
    let p = portfolio(&rb, &missions).unwrap();
    assert_eq!(p.rows.len(), 2);
    for (row, m) in p.rows.iter().zip(&missions) {
        let a = assess(m);
        assert_eq!(row.mission.name, a.mission.name);
        assert_eq!(row.mission.date, a.mission.date);
        assert_eq!(row.score, a.overall.score);
        assert_eq!(row.score_range, a.overall.score_range);
        assert_eq!(row.coverage, a.overall.coverage);
        assert_eq!(row.verdict, a.overall.verdict);
        for (id, cell) in p.dimensions.iter().zip(&row.dimensions) {
            let d = a.dimensions.iter().find(|d| &d.id == id).unwrap();
            assert_eq!(
                (cell.score, &cell.level, &cell.target, cell.verdict),
                (d.score, &d.level, &d.target, d.verdict)
            );
        }
    }
}

#[test]
fn a_portfolio_shows_the_range_of_a_score_the_evidence_leaves_open() {
    use integration_readiness::analysis::portfolio;
    use integration_readiness::report::{Format, render};
    // Nothing rated: every factor could be anything, so every score runs
    // from 0 to 100 and sits at 50 in the middle; the text says so rather
    // than print a bare 50.0 beside complete missions. Every enabler full
    // and barrier none: 100 with nothing open, printed bare.
    let (rb, _) = tiny_mission("");
    let blank = Mission::from_toml("[mission]\nname = \"Blank\"\n", "b.toml", &rb).unwrap();
    let full = Mission::from_toml(
        "[mission]\nname = \"Full\"\n[evidence.e1]\nrating = \"full\"\n[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"none\"\n",
        "f.toml",
        &rb,
    )
    .unwrap();
    let p = portfolio(&rb, &[blank, full]).unwrap();
    assert_eq!(p.rows[0].score_range, [0.0, 100.0]);
    let text = render(&p, Format::Text).unwrap();
    assert!(
        text.contains("overall 50.0 (0.0-100.0)  undetermined"),
        "{text}"
    );
    assert!(text.contains("overall 100.0  ready"), "{text}");
    let csv = render(&p, Format::Csv).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert_eq!(
        &header[..9],
        [
            "file",
            "mission",
            "date",
            "coverage",
            "score",
            "score_low",
            "score_high",
            "verdict",
            "provisional"
        ]
    );
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with(",Blank,,0,50,0,100,undetermined,true"),
        "{csv}"
    );
}

#[test]
fn portfolio_sorts_by_every_column_and_keeps_ties_in_order() {
    use integration_readiness::analysis::{SORT_COLUMNS, portfolio};
    let rb = Rulebook::oslo_2007();
    let missions: Vec<Mission> = PAIR
        .iter()
        .rev()
        .chain(PAIR.iter())
        .map(|t| Mission::from_toml(t, "m.toml", &rb).unwrap())
        .collect();
    let base = portfolio(&rb, &missions).unwrap();
    let mut p = base.clone();
    p.sort_by_column("date", false).unwrap();
    let dates: Vec<_> = p.rows.iter().map(|r| r.mission.date.clone()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    p.sort_by_column("score", false).unwrap();
    assert!(p.rows.windows(2).all(|w| w[0].score >= w[1].score));
    p.sort_by_column("score", true).unwrap();
    assert!(p.rows.windows(2).all(|w| w[0].score <= w[1].score));
    let first_dim = base.dimensions[0].to_string();
    p.sort_by_column(&first_dim, false).unwrap();
    assert!(
        p.rows
            .windows(2)
            .all(|w| w[0].dimensions[0].score >= w[1].dimensions[0].score)
    );
    // Every mission has the same name: sorting by name keeps the input order.
    let mut q = base.clone();
    q.sort_by_column("name", false).unwrap();
    assert_eq!(q, base);
    for column in SORT_COLUMNS {
        assert!(q.sort_by_column(column, false).is_ok(), "{column}");
    }
    let e = q.sort_by_column("nope", false).unwrap_err();
    assert!(e.to_string().contains(&first_dim), "{e}");
}

#[test]
fn a_drivers_rating_changed_only_when_its_own_rating_did() {
    let (rb, before) =
        tiny_mission("[evidence.e1]\nrating = \"partial\"\n[evidence.b1]\nrating = \"none\"\n");
    let after = Mission::from_toml(
        "[mission]\nname = \"M\"\n[evidence.e1]\nrating = \"partial\"\n[evidence.b1]\nrating = \"none\"\n\
         [evidence.e2]\nrating = \"full\"\n",
        "m.toml",
        &rb,
    )
    .unwrap();
    let c = compare(&assess(&before), &assess(&after));
    // On a, over all 4 of applicable weight: before, e2 unknown counts at
    // the middle, 100 × 1 × 0.5 / 4 = 12.5; after, full, 25. e1 (25) and b1
    // (25) keep their points: the news moves e2's alone, by 12.5.
    let d = &c.dimensions[0];
    let drivers: Vec<(&str, bool)> = d
        .drivers
        .iter()
        .map(|x| (&*x.factor, x.rating_changed))
        .collect();
    assert_eq!(drivers, [("e2", true)]);
    assert!((d.drivers[0].points - 12.5).abs() < 1e-9);
    assert!((d.score_after - d.score_before - 12.5).abs() < 1e-9);
}

#[test]
fn comparing_across_rulebooks_says_which_way_they_differ() {
    let body = "[mission]\nname = \"M\"\n[evidence.e1]\nrating = \"partial\"\n";
    let under = |text: &str| {
        let rb = Rulebook::from_toml(text, "t.toml").unwrap();
        assess(&Mission::from_toml(body, "m.toml", &rb).unwrap())
    };
    let base = under(TINY);
    // The one warning comparing `base` with the rulebook edited `from` → `to`.
    let warning = |from: &str, to: &str| {
        let w = compare(&base, &under(&TINY.replacen(from, to, 1))).warnings;
        assert_eq!(w.len(), 1, "{w:?}");
        w[0].clone()
    };
    let scale = "the two assessments use different rulebooks";
    let content = "the two assessments use different content under rulebook tiny 1";
    // Another version of the same rulebook: another scale.
    let w = warning("version = \"1\"", "version = \"2\"");
    assert!(
        w.starts_with(&format!("{scale} (tiny 1 and tiny 2)")),
        "{w}"
    );
    // Another rulebook id at the same version: another scale.
    let w = warning("id = \"tiny\"", "id = \"other\"");
    assert!(
        w.starts_with(&format!("{scale} (tiny 1 and other 1)")),
        "{w}"
    );
    // Same id and version, edited content.
    let w = warning("Theme two", "Theme 2");
    assert!(w.starts_with(content), "{w}");
    assert!(compare(&base, &base).warnings.is_empty());
}

#[test]
fn a_move_of_at_most_1e_12_points_is_rounding_not_a_driver() {
    // On a, e1 weighs w = 1.0000000000000099e-5 beside b1's 1e9: rated full
    // instead of none, e1 earns 100 w / (w + 1e9), which for this w is 1e-12
    // exactly in binary floating point, the largest move still taken for
    // rounding.
    let text = TINY
        .replace("weights = { a = 2.0 }", "weights = { a = 1.0000000000000099e-5 }")
        .replace(
            "effort = \"low\"\nremedy = \"lower b1\"",
            "weights = { a = 1e9 }\nweight-reasons = { a = \"outweighs\" }\neffort = \"low\"\nremedy = \"lower b1\"",
        );
    let rb = Rulebook::from_toml(&text, "t.toml").unwrap();
    let m = |e1: &str| {
        let body = format!(
            "[mission]\nname = \"M\"\n[evidence.e1]\nrating = \"{e1}\"\n[evidence.b1]\nrating = \"full\"\n\
             [evidence.e2]\nrating = \"not-applicable\"\nnote = \"n/a\"\n"
        );
        assess(&Mission::from_toml(&body, "m.toml", &rb).unwrap())
    };
    let (before, after) = (m("none"), m("full"));
    assert_eq!(after.factors[0].contributions.get("a"), Some(&1e-12));
    let c = compare(&before, &after);
    assert_eq!(c.changed_ratings.len(), 1);
    assert!(
        c.dimensions[0].drivers.is_empty(),
        "{:?}",
        c.dimensions[0].drivers
    );
    // On b, where e1 weighs 1 beside b1's 1, the same change is 50 points.
    assert_eq!(c.dimensions[1].drivers.len(), 1);
    assert!((c.dimensions[1].drivers[0].points - 50.0).abs() < 1e-9);
}

#[test]
fn trend_is_in_date_order_with_the_drivers_of_compare() {
    use integration_readiness::analysis::{TREND_DRIVERS, compare, trend};
    let (_, a) = dated_pair();
    let reversed: Vec<_> = a.iter().rev().cloned().collect();
    let t = trend(&reversed);
    assert_eq!(t, trend(&a), "the order given does not matter");
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    let dates: Vec<_> = t.overall.iter().map(|p| p.date.clone()).collect();
    assert_eq!(
        dates,
        [a[0].mission.date.clone(), a[1].mission.date.clone()]
    );
    let c = compare(&a[0], &a[1]);
    for (d, m) in t.dimensions.iter().zip(&c.dimensions) {
        assert_eq!(d.id, m.id);
        assert_eq!(d.points[0].score, m.score_before);
        assert_eq!(d.points[1].score, m.score_after);
        assert_eq!(d.drivers.len(), m.drivers.len().min(TREND_DRIVERS));
        assert_eq!(d.drivers[..], m.drivers[..d.drivers.len()]);
    }
}

#[test]
fn trend_of_one_assessment_has_no_drivers_and_a_mixed_trend_warns() {
    use integration_readiness::analysis::trend;
    let (rb, a) = dated_pair();
    let one = trend(&a[..1]);
    assert_eq!(one.overall.len(), 1);
    assert!(one.dimensions.iter().all(|d| d.drivers.is_empty()));
    let other = assess(&Mission::builder(&rb).name("Other").build().unwrap());
    let mixed = trend(&[a[0].clone(), other]);
    assert!(
        mixed
            .warnings
            .iter()
            .any(|w| w.contains("different missions")),
        "{:?}",
        mixed.warnings
    );
    assert!(trend(&[]).dimensions.is_empty());
}

#[test]
fn a_scenario_waives_a_gate_only_where_the_file_says_why() {
    // e1 is read by the gate of `top` on tiny: a file may rate it
    // not-applicable only with a note, and so may a scenario.
    let (_, m) = tiny_mission("[evidence.e1]\nrating = \"full\"\n");
    let err = apply(&m, &Scenario::rate("e1", Rating::NotApplicable)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "<scenario>: evidence.e1.rating: `not-applicable` waives a gate of level `top`; say why in `note`"
    );
    let (_, m) =
        tiny_mission("[evidence.e1]\nrating = \"full\"\nnote = \"not this mission's concern\"\n");
    let m2 = apply(&m, &Scenario::rate("e1", Rating::NotApplicable)).unwrap();
    assert_eq!(m2.rating(0), Some(Rating::NotApplicable));
}

#[test]
fn fix_first_waits_for_evidence_while_no_dimension_has_enough_rated() {
    use integration_readiness::analysis::brief;
    use integration_readiness::report::{Format, render};
    // Three factors rated of the default rulebook's 54: no dimension has
    // half its weight rated. The plan can still be drawn (the unrated
    // factors at the middle of the scale), but fix first waits for ratings,
    // in every report, rather than contradict "rate first".
    let rb = Rulebook::oslo_2007();
    let m = Mission::from_toml(
        "[mission]\nname = \"Desk review\"\n[context]\nmandate = \"multidimensional\"\n\
         conflict = \"ceasefire\"\nhumanitarian-operations = true\nhost-government-party = false\n\
         phase = \"consolidation\"\n[evidence.political-process-primacy]\nrating = \"full\"\n\
         [evidence.senior-leadership-cohesion]\nrating = \"high\"\n\
         [evidence.common-strategic-purpose]\nrating = \"full\"\n",
        "m.toml",
        &rb,
    )
    .unwrap();
    let b = brief(&m);
    assert!(b.assessment.awaits_evidence());
    assert!(!b.plan.changes.is_empty());
    assert!(b.fix_first.is_empty());
    #[cfg(feature = "html")]
    let formats = [Format::Text, Format::Markdown, Format::Html];
    #[cfg(not(feature = "html"))]
    let formats = [Format::Text, Format::Markdown];
    for format in formats {
        let out = render(&b, format).unwrap();
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("None yet: too little is rated for a verdict"),
            "{format}"
        );
        assert!(!flat.contains("Other single steps"), "{format}");
        assert!(!flat.contains("start of the cheapest plan"), "{format}");
    }
    // Tiny with a minimum of 60%: e1 and e2 full give a 3 of 4 (a verdict)
    // and b 1 of 2 (none): one dimension has a verdict, so fix first speaks.
    let text = TINY.replace("version = \"1\"", "version = \"1\"\nmin-coverage = 0.6");
    let rb = Rulebook::from_toml(&text, "tiny.toml").unwrap();
    let m = Mission::from_toml(
        "[mission]\nname = \"M\"\n[evidence.e1]\nrating = \"full\"\n[evidence.e2]\nrating = \"full\"\n",
        "m.toml",
        &rb,
    )
    .unwrap();
    let a = assess(&m);
    assert_eq!(
        a.overall.verdict,
        integration_readiness::assess::Verdict::Undetermined
    );
    assert!(!a.awaits_evidence());
    // e1 alone: a 2 of 4, b 1 of 2, both short: it waits.
    let m = Mission::from_toml(
        "[mission]\nname = \"M\"\n[evidence.e1]\nrating = \"full\"\n",
        "m.toml",
        &rb,
    )
    .unwrap();
    assert!(assess(&m).awaits_evidence());
}

#[test]
fn with_the_mandate_left_out_the_reports_ask_for_it_not_for_ratings() {
    use integration_readiness::analysis::{brief, plan};
    use integration_readiness::report::{Format, render};
    use integration_readiness::{Polarity, Rating};
    // Every factor at its best, every context key stated but the mandate:
    // the targets could be coordination (traditional) to integration, so
    // there is no verdict, nothing is unrated, and the reports ask for the
    // mandate. Fix first has nothing to change toward the highest targets
    // but says the verdict waits on the context, not that all is met.
    let rb = Rulebook::oslo_2007();
    let mut b = Mission::builder(&rb)
        .name("Mandate left out")
        .context("conflict", "ceasefire")
        .context("humanitarian-operations", true)
        .context("phase", "consolidation")
        .context("host-government-party", false);
    for f in rb.factors() {
        if f.id == "ownership-beyond-the-parties" {
            continue; // ruled out: the government is not a party
        }
        b = b.rate(
            &f.id,
            if f.polarity == Polarity::Enabler {
                Rating::Full
            } else {
                Rating::None
            },
        );
    }
    let m = b.build().unwrap();
    let briefing = brief(&m);
    let a = &briefing.assessment;
    assert_eq!(a.overall.coverage, 1.0);
    assert!(!a.awaits_evidence());
    assert!(briefing.plan.changes.is_empty());
    let text = render(&briefing, Format::Text).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "Nothing toward the highest targets the missing context allows. State it first"
        ),
        "{flat}"
    );
    assert!(!flat.contains("every target is met"), "{flat}");
    assert!(flat.contains("until mandate is stated; rule"), "{flat}");
    let p = render(&plan(&m), Format::Text).unwrap();
    let flat = p.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("State first the context the assessment asks for (mandate)"),
        "{flat}"
    );
    assert!(!flat.contains("Rate first"), "{flat}");
}
