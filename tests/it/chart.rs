//! The SVG chart: every sample mission renders to a document that a real
//! XML parser accepts, whose marks sit where the numbers put them; text is
//! escaped; the output is deterministic; and the committed
//! docs/sample-chart.svg is current. The trend chart (and the comparison
//! of two dates, which draws it) puts its points by time, its thresholds,
//! targets and ranges where the dates and the numbers put them.
#![cfg(all(feature = "svg", feature = "files"))]

use std::path::Path;

use integration_readiness::assess::Assessment;
use integration_readiness::{Mission, Rulebook, assess, report};
use roxmltree::{Document, Node};

const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// The documented formula: a score `s` is drawn at `LEFT + s / 100 * SPAN`.
const LEFT: f64 = 40.0;
const SPAN: f64 = 720.0;
/// Numbers in the SVG carry one decimal at most: half a pixel covers it.
const TOLERANCE: f64 = 0.5;

const SAMPLE: &str = "consolidation-after-ceasefire.toml";
const REGENERATE: &str = "cargo run --example assess -- examples/missions/consolidation-after-ceasefire.toml --format svg > docs/sample-chart.svg";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `examples/missions/*.toml`, by file name.
fn samples() -> Vec<(String, String)> {
    let dir = root().join("examples/missions");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("examples/missions is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).expect("sample is readable");
            (name, text)
        })
        .collect();
    out.sort();
    assert!(
        out.len() >= 5,
        "expected the sample missions, found {out:?}"
    );
    out
}

fn mission(rb: &Rulebook, name: &str, text: &str) -> Mission {
    Mission::from_toml(text, name, rb).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn x_of(score: f64) -> f64 {
    LEFT + score / 100.0 * SPAN
}

fn has_class(n: &Node<'_, '_>, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|v| v.split_whitespace().any(|c| c == class))
}

fn all<'a, 'i>(n: Node<'a, 'i>, class: &str) -> Vec<Node<'a, 'i>> {
    n.descendants().filter(|d| has_class(d, class)).collect()
}

fn one<'a, 'i>(n: Node<'a, 'i>, class: &str, what: &str) -> Node<'a, 'i> {
    let found = all(n, class);
    assert_eq!(
        found.len(),
        1,
        "{what}: expected one `{class}`, found {}",
        found.len()
    );
    found[0]
}

fn num(n: &Node<'_, '_>, attr: &str) -> f64 {
    let v = n
        .attribute(attr)
        .unwrap_or_else(|| panic!("<{}> has no `{attr}`", n.tag_name().name()));
    v.parse()
        .unwrap_or_else(|_| panic!("`{attr}` = {v:?} is not a number"))
}

fn near(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= TOLERANCE,
        "{what}: drawn at {actual}, the formula gives {expected}"
    );
}

/// All text under a node, tspans included.
fn text_of(n: Node<'_, '_>) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect()
}

/// Checks one rendered chart against its assessment.
fn check(rb: &Rulebook, a: &Assessment, svg: &str, what: &str) {
    let doc = Document::parse(svg).unwrap_or_else(|e| panic!("{what}: not XML: {e}"));
    let svg_el = doc.root_element();
    assert_eq!(svg_el.tag_name().name(), "svg", "{what}");
    assert_eq!(svg_el.tag_name().namespace(), Some(SVG_NS), "{what}");
    assert_eq!(num(&svg_el, "width"), 800.0, "{what}: fixed width");
    let height = num(&svg_el, "height");
    assert_eq!(
        svg_el.attribute("viewBox"),
        Some(format!("0 0 800 {height}").as_str()),
        "{what}"
    );

    // Every number has at most one decimal, every mark is on the page,
    // every font is readable.
    for n in doc.descendants().filter(|n| n.is_element()) {
        for at in n.attributes() {
            for v in at.value().split_whitespace() {
                let decimals = v.split_once('.').map_or(0, |(_, d)| d.len());
                if v.parse::<f64>().is_ok() {
                    assert!(decimals <= 1, "{what}: {}={v}", at.name());
                }
            }
        }
        for at in ["x", "x1", "x2", "cx"] {
            if let Some(x) = n.attribute(at).and_then(|v| v.parse::<f64>().ok()) {
                assert!((0.0..=800.0).contains(&x), "{what}: {at}={x}");
            }
        }
        for at in ["y", "y1", "y2", "cy"] {
            if let Some(y) = n.attribute(at).and_then(|v| v.parse::<f64>().ok()) {
                assert!(
                    (0.0..=height).contains(&y),
                    "{what}: {at}={y} below {height}"
                );
            }
        }
        if let Some(size) = n.attribute("font-size") {
            assert!(size.parse::<f64>().unwrap() >= 11.0, "{what}: font {size}");
        }
    }

    // Title and subtitle.
    let title: Vec<String> = all(svg_el, "title").into_iter().map(text_of).collect();
    assert_eq!(
        title.join(" "),
        format!("Integration readiness: {}", a.mission.name),
        "{what}"
    );
    let meta = text_of(one(svg_el, "meta", what));
    assert!(meta.contains(a.rulebook.id.as_str()), "{what}: {meta}");
    if let Some(date) = &a.mission.date {
        assert!(meta.contains(date), "{what}: {meta}");
    }
    let subtitle = text_of(one(svg_el, "subtitle", what));
    assert!(
        subtitle.contains(&format!("{:.1}", a.overall.score)),
        "{what}: {subtitle}"
    );
    assert!(
        subtitle.contains(&format!("verdict {}", a.overall.verdict)),
        "{what}: {subtitle}"
    );
    assert_eq!(
        subtitle.ends_with(" (provisional)"),
        a.overall.provisional,
        "{what}: {subtitle}"
    );
    one(svg_el, "legend", what);

    // One group per dimension, in order, with its marks where the numbers
    // put them.
    let groups: Vec<Node> = svg_el
        .descendants()
        .filter(|n| n.has_tag_name("g") && has_class(n, "dimension"))
        .collect();
    assert_eq!(groups.len(), a.dimensions.len(), "{what}");
    for (d, (g, dim)) in groups.iter().zip(&a.dimensions).enumerate() {
        let what = &format!("{what}, {}", dim.id);
        assert_eq!(g.attribute("data-id"), Some(dim.id.as_str()), "{what}");

        let band = one(*g, "band", what);
        assert_eq!(band.tag_name().name(), "rect", "{what}");
        near(num(&band, "x"), LEFT, what);
        near(num(&band, "width"), SPAN, what);

        let levels = all(*g, "level-band");
        assert_eq!(levels.len(), rb.levels().len(), "{what}");
        for (l, (lb, level)) in levels.iter().zip(rb.levels()).enumerate() {
            assert_eq!(
                lb.attribute("data-level"),
                Some(level.id.as_str()),
                "{what}"
            );
            let end = rb
                .levels()
                .get(l + 1)
                .map_or(100.0, |_| rb.threshold(l + 1, d).unwrap());
            near(num(lb, "x"), x_of(rb.threshold(l, d).unwrap()), what);
            near(
                num(lb, "x") + num(lb, "width"),
                x_of(end),
                &format!("{what}: end of {}", level.id),
            );
        }
        let labels: Vec<String> = all(*g, "level-label").into_iter().map(text_of).collect();
        for level in rb.levels() {
            assert!(
                labels.contains(&level.id),
                "{what}: no label {} in {labels:?}",
                level.id
            );
        }

        let range = one(*g, "range-bar", what);
        near(
            num(&range, "x"),
            x_of(dim.score_range[0]),
            &format!("{what}: range start"),
        );
        near(
            num(&range, "x") + num(&range, "width"),
            x_of(dim.score_range[1]),
            &format!("{what}: range end"),
        );

        let marker = one(*g, "score-marker", what);
        near(
            num(&marker, "cx"),
            x_of(dim.score),
            &format!("{what}: score"),
        );

        let target = one(*g, "target-marker", what);
        assert_eq!(
            target.attribute("data-level"),
            Some(dim.target.as_str()),
            "{what}"
        );
        assert!(
            target.attribute("stroke-dasharray").is_some(),
            "{what}: dashed"
        );
        let tx = x_of(rb.threshold(dim.target_detail.level_index, d).unwrap());
        near(num(&target, "x1"), tx, &format!("{what}: target"));
        near(num(&target, "x2"), tx, &format!("{what}: target"));
        assert_eq!(text_of(one(*g, "target-label", what)), "target", "{what}");

        let title = text_of(one(*g, "dimension-title", what));
        assert!(title.starts_with(dim.title.as_str()), "{what}: {title}");
        assert_eq!(
            g.attribute("data-verdict"),
            Some(dim.verdict.as_str()),
            "{what}"
        );
        let caption: Vec<String> = all(*g, "caption").into_iter().map(text_of).collect();
        let caption = caption.join(" ");
        assert!(
            caption.starts_with(&format!("level {}", dim.level)),
            "{what}: {caption}"
        );
        if dim.level_range[0] != dim.level_range[1] {
            let range = format!("(range {}–{})", dim.level_range[0], dim.level_range[1]);
            assert!(caption.contains(&range), "{what}: {caption}");
        }
        // The target as the Markdown table gives it: a range while the
        // missing context leaves it open.
        let t = &dim.target_detail;
        let target = if t.range[0] == t.range[1] {
            dim.target.to_string()
        } else {
            format!("{}–{}", t.range[0], t.range[1])
        };
        let verdict = format!("target {target}, verdict {}.", dim.verdict);
        assert!(caption.contains(&verdict), "{what}: {caption}");
        // Why there is no verdict and why the result is provisional, in the
        // Markdown report's words; never the old "too little to rely on".
        match &dim.undetermined {
            Some(why) => assert!(
                caption.contains(&format!("No verdict: {why}.")),
                "{what}: {caption}"
            ),
            None => assert!(!caption.contains("No verdict"), "{what}: {caption}"),
        }
        assert_eq!(
            caption.contains("Provisional"),
            dim.provisional,
            "{what}: {caption}"
        );
        for cause in &dim.provisional_because {
            assert!(
                caption.contains(&format!("Provisional: {cause}.")),
                "{what}: {caption}"
            );
        }
        assert!(!caption.contains("to rely on"), "{what}: {caption}");
    }

    // The overall verdict's reason, and the legend of every verdict.
    let notes: Vec<String> = all(svg_el, "overall-note")
        .into_iter()
        .map(text_of)
        .collect();
    match &a.overall.undetermined {
        Some(why) => assert_eq!(notes.join(" "), format!("No verdict: {why}."), "{what}"),
        None => assert!(notes.is_empty(), "{what}: {notes:?}"),
    }
    let legend: Vec<String> = all(svg_el, "verdict-legend")
        .into_iter()
        .map(text_of)
        .collect();
    assert_eq!(
        legend.join(" "),
        integration_readiness::report::verdict_legend(),
        "{what}"
    );

    // One group per theme, with a bar as long as the score, or "no evidence".
    let themes: Vec<Node> = svg_el
        .descendants()
        .filter(|n| n.has_tag_name("g") && has_class(n, "theme"))
        .collect();
    assert_eq!(themes.len(), a.themes.len(), "{what}");
    for (g, t) in themes.iter().zip(&a.themes) {
        let what = &format!("{what}, theme {}", t.id);
        assert_eq!(g.attribute("data-id"), Some(t.id.as_str()), "{what}");
        assert!(text_of(one(*g, "theme-label", what)).len() > 1, "{what}");
        let bars = all(*g, "theme-bar");
        match t.score {
            Some(s) => {
                assert_eq!(bars.len(), 1, "{what}");
                near(num(&bars[0], "x"), LEFT, what);
                near(num(&bars[0], "width"), s / 100.0 * SPAN, what);
                assert!(all(*g, "no-evidence").is_empty(), "{what}");
            }
            None => {
                assert!(bars.is_empty(), "{what}");
                assert_eq!(
                    text_of(one(*g, "no-evidence", what)),
                    "no evidence",
                    "{what}"
                );
            }
        }
    }
}

#[test]
fn every_sample_renders_a_chart_that_matches_its_numbers() {
    let rb = Rulebook::oslo_2007();
    for (name, text) in samples() {
        let m = mission(&rb, &name, &text);
        let a = assess(&m);
        check(
            &rb,
            &a,
            &report::render(&a, report::Format::Svg).unwrap(),
            &name,
        );
    }
}

#[test]
fn positions_computed_by_hand_for_the_embedded_sample() {
    let rb = Rulebook::oslo_2007();
    let text = std::fs::read_to_string(root().join("examples/missions").join(SAMPLE)).unwrap();
    let m = mission(&rb, SAMPLE, &text);
    let a = assess(&m);
    let svg = report::render(&a, report::Format::Svg).unwrap();
    let doc = Document::parse(&svg).unwrap();
    let group = |kind: &str, id: &str| {
        doc.descendants()
            .find(|n| {
                n.has_tag_name("g") && has_class(n, kind) && n.attribute("data-id") == Some(id)
            })
            .unwrap_or_else(|| panic!("no {kind} {id}"))
    };

    // Strategic: target integration, threshold 70: 40 + 0.70 * 720 = 544.
    let strategic = group("dimension", "strategic");
    assert_eq!(a.dimensions[0].target, "integration");
    near(
        num(&one(strategic, "target-marker", "strategic"), "x1"),
        544.0,
        "strategic target",
    );
    // Its score, 57.49 (48 of the 83.5 rated weight earned, worked out from
    // the sample's ratings under rulebook 3.0: perceived-partiality, rated
    // low, adds 1.5 of weight and earns 1.125; ownership-beyond-the-parties
    // is ruled out, the government being no party to fighting, and
    // peacebuilding-commission-convening is not applicable): 40 + 0.57485 *
    // 720 = 453.89.
    assert!(
        (a.dimensions[0].score - 57.485).abs() < 0.001,
        "the sample changed"
    );
    near(
        num(&one(strategic, "score-marker", "strategic"), "cx"),
        453.89,
        "strategic score",
    );
    // Fully evidenced: the range is the point, a bar of no width.
    near(
        num(&one(strategic, "range-bar", "strategic"), "width"),
        0.0,
        "strategic range",
    );
    // The level bands: cooperation from 55 to 70, i.e. 436 to 544.
    let coop = all(strategic, "level-band")
        .into_iter()
        .find(|n| n.attribute("data-level") == Some("cooperation"))
        .unwrap();
    near(num(&coop, "x"), 436.0, "cooperation band");
    near(num(&coop, "width"), 108.0, "cooperation band");

    // Administrative: target cooperation (consolidation), threshold 55:
    // 40 + 396 = 436.
    let admin = group("dimension", "administrative");
    near(
        num(&one(admin, "target-marker", "administrative"), "x1"),
        436.0,
        "administrative target",
    );

    // Mandates and resources score 30.15 (10.25 of its 34 pooled weight
    // earned, unchanged by rulebook 3.0): a bar 0.3015 * 720 = 217.06 wide.
    let mandates = group("theme", "mandates-and-resources");
    near(
        num(&one(mandates, "theme-bar", "mandates"), "width"),
        217.06,
        "mandates bar",
    );
}

#[test]
fn a_mission_without_evidence_shows_full_ranges_and_no_evidence_themes() {
    let rb = Rulebook::oslo_2007();
    let m = mission(&rb, "empty.toml", "[mission]\nname = \"Nothing known\"\n");
    let a = assess(&m);
    let svg = report::render(&a, report::Format::Svg).unwrap();
    check(&rb, &a, &svg, "empty");
    let doc = Document::parse(&svg).unwrap();
    let ranges: Vec<Node> = doc
        .descendants()
        .filter(|n| has_class(n, "range-bar"))
        .collect();
    assert_eq!(ranges.len(), 3);
    for r in ranges {
        // Every unknown at worst and at best: the whole spectrum.
        near(num(&r, "x"), 40.0, "empty range start");
        near(num(&r, "width"), 720.0, "empty range width");
    }
    let no_evidence = doc
        .descendants()
        .filter(|n| has_class(n, "no-evidence"))
        .count();
    assert_eq!(no_evidence, rb.themes().len());
    assert!(!svg.contains("class=\"theme-bar\""));
    assert_eq!(svg.matches("(no evidence yet)").count(), 3);
    // Every factor unrated counts at the middle of the scale: the point
    // score is 50, the middle of 0-100, drawn at 40 + 0.5 * 720 = 400.
    let markers: Vec<Node> = doc
        .descendants()
        .filter(|n| {
            has_class(n, "score-marker") && n.ancestors().any(|g| has_class(&g, "dimension"))
        })
        .collect();
    assert_eq!(markers.len(), 3);
    for m in markers {
        near(num(&m, "cx"), 400.0, "empty point score");
    }
    // Nothing is rated: 0% of the weight, below the default minimum of
    // 50%, so no dimension and not the whole gets a verdict, and the chart
    // says why in the reports' words.
    let why = "No verdict: nothing is rated yet.";
    let note = doc
        .descendants()
        .find(|n| has_class(n, "overall-note"))
        .expect("the overall reason");
    assert_eq!(text_of(note), why);
    for d in &a.dimensions {
        let caption = caption_of(&doc, &d.id);
        assert!(caption.contains(why), "{caption}");
        // Every rating unknown could move the level: provisional, with the
        // cause in words; never "too little evidence to rely on".
        assert!(
            caption.contains(
                "Provisional: missing evidence: 100% of the weight is unrated, enough to cross the 35.0 that coordination needs."
            ),
            "{caption}"
        );
        assert!(!caption.contains("to rely on"), "{caption}");
    }
    for g in doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && has_class(n, "dimension"))
    {
        assert_eq!(g.attribute("data-verdict"), Some("undetermined"));
    }
}

/// The tiny rulebook (tests/data/tiny.toml) with a cap for small missions
/// on dimension `a`, so that a level above it is over-investment.
fn tiny_with_cap() -> Rulebook {
    let text = format!(
        "{}\n[[rule]]\nid = \"small-cap\"\nwhen = {{ mode = \"small\" }}\ndimensions = [\"a\"]\nat-most = \"apart\"\nbecause = \"small missions keep apart\"\ncitation = {{ section = \"Test\", paragraph = 6, phrase = \"sixth\" }}\n",
        include_str!("../data/tiny.toml")
    );
    Rulebook::from_toml(&text, "tiny-cap.toml").unwrap()
}

fn caption_of(doc: &Document<'_>, dim: &str) -> String {
    let g = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("g") && has_class(n, "dimension") && n.attribute("data-id") == Some(dim)
        })
        .unwrap_or_else(|| panic!("no dimension {dim}"));
    all(g, "caption")
        .into_iter()
        .map(text_of)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_point_score_is_the_middle_of_the_range_computed_by_hand() {
    // Tiny rulebook: on `a` the weights are e1 2, e2 1 (default), b1 1
    // (default); on `b` e1 1 (default), e2 0, b1 1. Only e1 is rated, high
    // (0.75).
    let rb = tiny_with_cap();
    let m = mission(
        &rb,
        "half.toml",
        "[mission]\nname = \"Half\"\n[context]\nmode = \"big\"\nflag = false\n[evidence.e1]\nrating = \"high\"\n",
    );
    let a = assess(&m);
    let svg = report::render(&a, report::Format::Svg).unwrap();
    check(&rb, &a, &svg, "half");
    let doc = Document::parse(&svg).unwrap();
    let dimension = |id: &str| {
        doc.descendants()
            .find(|n| {
                n.has_tag_name("g")
                    && has_class(n, "dimension")
                    && n.attribute("data-id") == Some(id)
            })
            .unwrap()
    };
    // a: e1 earns 2 * 0.75 = 1.5; e2 and b1 unrated count at the middle,
    // 0.5 each: (1.5 + 0.5 + 0.5) / 4 = 62.5, drawn at 40 + 0.625 * 720 =
    // 490. At worst (1.5 + 0 + 0) / 4 = 37.5 (x 310), at best
    // (1.5 + 1 + 1) / 4 = 87.5 (x 670): a bar 360 wide.
    let g = dimension("a");
    near(
        num(&one(g, "score-marker", "a"), "cx"),
        490.0,
        "a point score",
    );
    let bar = one(g, "range-bar", "a");
    near(num(&bar, "x"), 310.0, "a range start");
    near(num(&bar, "width"), 360.0, "a range width");
    // 62.5 passes mid (40), not top (70): level mid. 37.5 is apart, 87.5
    // with e1 high passes top's gate (at least high): the range apart-top
    // spans three levels, so the result is provisional. Mode big sets the
    // floor top on a: one level short, stretch. Half the weight (2 of 4) is
    // rated, the default minimum: a verdict is given.
    let caption = caption_of(&doc, "a");
    assert!(
        caption.starts_with("level mid (range apart–top), target top, verdict stretch."),
        "{caption}"
    );
    assert!(
        caption.contains("Provisional: missing evidence:"),
        "{caption}"
    );
    assert!(!caption.contains("No verdict"), "{caption}");
    // b: e1 earns 0.75 of 1, b1 counts 0.5 of 1: (0.75 + 0.5) / 2 = 62.5
    // again, range 37.5-87.5; target apart (the default): ready.
    let g = dimension("b");
    near(
        num(&one(g, "score-marker", "b"), "cx"),
        490.0,
        "b point score",
    );
    assert!(
        caption_of(&doc, "b").contains("target apart, verdict ready."),
        "{}",
        caption_of(&doc, "b")
    );
}

#[test]
fn above_target_and_missing_context_computed_by_hand() {
    let rb = tiny_with_cap();
    // Everything at its best: e1 and e2 full, the barrier b1 none. On a:
    // (2 + 1 + 1) / 4 = 100, past top's threshold (70) with e1 at least
    // high: level top. Mode small caps a at apart: two levels above a cap
    // is over-investment, above-target. On b: (1 + 1) / 2 = 100, level top
    // over the default target apart, which no cap sets: ready. The overall
    // is the worse of the two, above-target.
    let best = "[evidence.e1]\nrating = \"full\"\n[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"none\"\n";
    let m = mission(
        &rb,
        "over.toml",
        &format!("[mission]\nname = \"Over\"\n[context]\nmode = \"small\"\nflag = true\n{best}"),
    );
    let a = assess(&m);
    let svg = report::render(&a, report::Format::Svg).unwrap();
    check(&rb, &a, &svg, "over");
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(
        caption_of(&doc, "a"),
        "level top, target apart, verdict above-target."
    );
    assert_eq!(
        caption_of(&doc, "b"),
        "level top, target apart, verdict ready."
    );
    let subtitle = text_of(one(doc.root_element(), "subtitle", "over"));
    assert_eq!(
        subtitle,
        "Overall score 100.0, evidence coverage 100%, verdict above-target"
    );
    // The scores at the right end: 40 + 720 = 760.
    for m in doc.descendants().filter(|n| {
        has_class(n, "score-marker") && n.ancestors().any(|g| has_class(&g, "dimension"))
    }) {
        near(num(&m, "cx"), 760.0, "full score");
    }

    // Without the mode, a's target is apart (mode small: the default mid,
    // capped) or top (mode big: the floor). Level top is ready under big
    // and above-target under small, so there is no verdict, and the chart
    // names the key to state. b's target depends on no key: ready.
    let m = mission(
        &rb,
        "open.toml",
        &format!("[mission]\nname = \"Open\"\n{best}"),
    );
    let a = assess(&m);
    let svg = report::render(&a, report::Format::Svg).unwrap();
    check(&rb, &a, &svg, "open");
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(
        caption_of(&doc, "a"),
        "level top, target apart–top, verdict undetermined. No verdict: the verdict depends on context the mission leaves out: mode."
    );
    // The overall: a dimension without a verdict leaves the whole without one.
    let note = doc
        .descendants()
        .find(|n| has_class(n, "overall-note"))
        .unwrap();
    assert_eq!(
        text_of(note),
        "No verdict: not every dimension has one (a)."
    );
}

#[test]
fn text_with_markup_characters_is_escaped() {
    let rb = Rulebook::oslo_2007();
    let name =
        r#"Mission <&> "quoted" 'single' & a name long enough to wrap onto a second title line"#;
    let toml = format!(
        "[mission]\nname = {}\ndate = \"2007-10-29\"\n",
        toml::Value::String(name.to_owned())
    );
    let m = mission(&rb, "markup.toml", &toml);
    let a = assess(&m);
    assert_eq!(a.mission.name, name);
    let svg = report::render(&a, report::Format::Svg).unwrap();
    assert!(!svg.contains("<&>"));
    assert!(svg.contains("Mission &lt;&amp;&gt; &quot;quoted&quot; &apos;single&apos; &amp;"));
    check(&rb, &a, &svg, "markup");
    let doc = Document::parse(&svg).unwrap();
    let titles = doc.descendants().filter(|n| has_class(n, "title")).count();
    assert!(titles >= 2, "a long name wraps");
    let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(
        title.text(),
        Some(format!("Integration readiness: {name}").as_str())
    );

    // Characters XML does not allow cannot reach the chart: a mission
    // holding one is refused when it is read.
    let e = Mission::from_toml(
        "[mission]\nname = \"bell \\u0007 and NUL-free\"\n",
        "bell.toml",
        &rb,
    )
    .unwrap_err();
    assert!(
        e.to_string().contains("a control character (U+0007)"),
        "{e}"
    );
}

#[test]
fn output_is_deterministic() {
    for (name, text) in samples() {
        let render = || {
            let rb = Rulebook::oslo_2007();
            let m = mission(&rb, &name, &text);
            report::render(&assess(&m), report::Format::Svg).unwrap()
        };
        let first = render();
        assert_eq!(first, render(), "{name}");
        assert!(first.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(first.ends_with("</svg>\n"));
    }
}

#[test]
fn committed_sample_chart_is_current() {
    let rb = Rulebook::oslo_2007();
    let text = std::fs::read_to_string(root().join("examples/missions").join(SAMPLE)).unwrap();
    let fresh = report::render(&assess(&mission(&rb, SAMPLE, &text)), report::Format::Svg).unwrap();
    let path = root().join("docs/sample-chart.svg");
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; create it with `{REGENERATE}`", path.display()));
    assert!(
        committed.replace("\r\n", "\n") == fresh,
        "docs/sample-chart.svg is out of date with the chart code or the sample; regenerate it with `{REGENERATE}`"
    );
}

// The trend chart. Its documented geometry: each panel's plot area is its
// `rect.plot`; a score `s` sits at `y + height - s / 100 * height`; the
// time axis runs from `x + 36` (plus 96 per undated assessment) to
// `x + width - 36`, each date placed by its days from the first.

/// Room at each end of the time axis.
const TREND_INSET: f64 = 36.0;
/// The zone of one undated assessment.
const UNDATED_ZONE: f64 = 96.0;
/// Attributes carry one decimal: a twentieth of a pixel, and a little.
const EXACT: f64 = 0.06;

fn exactly(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= EXACT,
        "{what}: drawn at {actual}, by hand {expected}"
    );
}

/// A tiny-rulebook mission named `M`, dated when `date` is given.
fn dated(rb: &Rulebook, date: Option<&str>, body: &str) -> Assessment {
    let date = date.map_or(String::new(), |d| format!("date = \"{d}\"\n"));
    let text = format!("[mission]\nname = \"M\"\n{date}{body}");
    assess(&mission(rb, "m.toml", &text))
}

/// Mission 1: only e1 rated, high (0.75); mode big sets the floor `top`
/// on `a`. On `a` (weights e1 2, e2 1, b1 1): e1 earns 1.5 of 4, the
/// unrated count 0.5 each: 62.5, range (1.5 + 0 + 0) / 4 = 37.5 to
/// (1.5 + 1 + 1) / 4 = 87.5; level mid (40 <= 62.5 < 70). On `b` (e1 1,
/// e2 0, b1 1): (0.75 + 0.5) / 2 = 62.5, range 37.5 to 87.5.
const FIRST: &str = "[context]\nmode = \"big\"\nflag = false\n[evidence.e1]\nrating = \"high\"\n";
/// Mission 2: nothing rated, mode left out: every score 50, range 0 to
/// 100; the target on `a` is `mid` where mode is small (the default) and
/// `top` where it is big, so open from mid to top.
const SECOND: &str = "[context]\nflag = false\n";
/// Mission 3: everything at its best (e1, e2 full; the barrier b1 none),
/// mode small: 100 everywhere, no range; level top (e1 passes its gate);
/// target mid on `a` (the default).
const THIRD: &str = "[context]\nmode = \"small\"\nflag = false\n[evidence.e1]\nrating = \"full\"\n[evidence.e2]\nrating = \"full\"\n[evidence.b1]\nrating = \"none\"\n";

/// The chart of `assessments`' trend, parsed strictly, after checking
/// that it is an 800-pixel SVG whose numbers carry one decimal at most
/// and whose marks are on the page.
fn trend_chart(assessments: &[Assessment]) -> String {
    let svg = report::render(
        &integration_readiness::analysis::trend(assessments),
        report::Format::Svg,
    )
    .unwrap();
    let doc = Document::parse(&svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(SVG_NS));
    assert_eq!(num(&root, "width"), 800.0);
    let height = num(&root, "height");
    for n in doc.descendants().filter(|n| n.is_element()) {
        for at in n.attributes() {
            for v in at.value().split([' ', ',']) {
                if v.parse::<f64>().is_ok() {
                    let decimals = v.split_once('.').map_or(0, |(_, d)| d.len());
                    assert!(decimals <= 1, "{}={v}", at.name());
                }
            }
        }
        for at in ["x", "x1", "x2", "cx"] {
            if let Some(x) = n.attribute(at).and_then(|v| v.parse::<f64>().ok()) {
                assert!((0.0..=800.0).contains(&x), "{at}={x}");
            }
        }
        for at in ["y", "y1", "y2", "cy"] {
            if let Some(y) = n.attribute(at).and_then(|v| v.parse::<f64>().ok()) {
                assert!((0.0..=height).contains(&y), "{at}={y}");
            }
        }
        if let Some(size) = n.attribute("font-size") {
            assert!(size.parse::<f64>().unwrap() >= 11.0, "font-size {size}");
        }
    }
    svg
}

/// The panel `id` of a trend chart.
fn panel<'a, 'i>(doc: &'a Document<'i>, id: &str) -> Node<'a, 'i> {
    doc.descendants()
        .find(|n| {
            n.has_tag_name("g") && has_class(n, "panel") && n.attribute("data-id") == Some(id)
        })
        .unwrap_or_else(|| panic!("no panel {id}"))
}

/// A panel's plot area: its left, top, width and height.
struct Plot {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Plot {
    fn of(g: Node<'_, '_>, id: &str) -> Plot {
        let r = one(g, "plot", id);
        Plot {
            x: num(&r, "x"),
            y: num(&r, "y"),
            w: num(&r, "width"),
            h: num(&r, "height"),
        }
    }

    /// The height of score `s`.
    fn y_of(&self, s: f64) -> f64 {
        self.y + self.h - s / 100.0 * self.h
    }

    /// The time axis, with `undated` assessments in a zone before it.
    fn axis(&self, undated: usize) -> (f64, f64) {
        (
            self.x + UNDATED_ZONE * undated as f64 + TREND_INSET,
            self.x + self.w - TREND_INSET,
        )
    }
}

/// The points of a panel: (date, score, cx, cy).
fn points(g: Node<'_, '_>) -> Vec<(String, f64, f64, f64)> {
    all(g, "point")
        .into_iter()
        .map(|p| {
            (
                p.attribute("data-date").unwrap().to_owned(),
                num(&p, "data-score"),
                num(&p, "cx"),
                num(&p, "cy"),
            )
        })
        .collect()
}

/// The texts of the elements of `class` in `g`.
fn texts(g: Node<'_, '_>, class: &str) -> Vec<String> {
    all(g, class).into_iter().map(text_of).collect()
}

#[test]
fn trend_places_dates_by_time_with_thresholds_targets_and_ranges_by_hand() {
    let rb = crate::fixtures::tiny();
    let first = dated(&rb, Some("2008-01-01"), FIRST);
    let second = dated(&rb, Some("2008-02-01"), SECOND);
    let third = dated(&rb, Some("2009-01-01"), THIRD);
    // Given out of order, the trend puts them in date order: the same chart.
    let svg = trend_chart(&[third.clone(), first.clone(), second.clone()]);
    assert_eq!(svg, trend_chart(&[first, second, third]));
    let doc = Document::parse(&svg).unwrap();

    let heading = "Trend, 2008-01-01 to 2009-01-01 (3 assessments): M";
    assert_eq!(texts(doc.root_element(), "title").join(" "), heading);
    let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(text_of(title), heading);
    assert!(
        texts(doc.root_element(), "axis-note")
            .join(" ")
            .contains("366 days from the first to the last"),
        "2008 is a leap year"
    );

    // 2008-01-01 to 2008-02-01 is 31 days; to 2009-01-01, 366.
    let days = [0.0, 31.0, 366.0];
    let scores = [
        (
            "overall",
            [62.5, 50.0, 100.0],
            [[37.5, 87.5], [0.0, 100.0], [100.0, 100.0]],
        ),
        (
            "a",
            [62.5, 50.0, 100.0],
            [[37.5, 87.5], [0.0, 100.0], [100.0, 100.0]],
        ),
        (
            "b",
            [62.5, 50.0, 100.0],
            [[37.5, 87.5], [0.0, 100.0], [100.0, 100.0]],
        ),
    ];
    let mut xs = Vec::new();
    for (id, score, range) in scores {
        let g = panel(&doc, id);
        let plot = Plot::of(g, id);
        let (x0, x1) = plot.axis(0);
        let pts = points(g);
        let dates: Vec<&str> = pts.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(dates, ["2008-01-01", "2008-02-01", "2009-01-01"], "{id}");
        xs = days.iter().map(|d| x0 + d / 366.0 * (x1 - x0)).collect();
        for (i, p) in pts.iter().enumerate() {
            exactly(p.2, xs[i], &format!("{id} point {i} x"));
            exactly(p.1, score[i], &format!("{id} point {i} score"));
            exactly(p.3, plot.y_of(score[i]), &format!("{id} point {i} y"));
        }
        // The middle date sits near the left: 31 of 366 days.
        assert!(pts[1].2 - pts[0].2 < (pts[2].2 - pts[1].2) / 10.0, "{id}");
        // One bar per point, centred on it, from the low end to the high.
        let bars = all(g, "range");
        assert_eq!(bars.len(), 3, "{id}");
        for (i, bar) in bars.iter().enumerate() {
            let [lo, hi] = range[i];
            exactly(num(bar, "data-low"), lo, id);
            exactly(num(bar, "data-high"), hi, id);
            exactly(num(bar, "y"), plot.y_of(hi), &format!("{id} bar {i} top"));
            exactly(
                num(bar, "y") + num(bar, "height"),
                plot.y_of(lo),
                &format!("{id} bar {i} bottom"),
            );
            exactly(
                num(bar, "x") + num(bar, "width") / 2.0,
                xs[i],
                &format!("{id} bar {i} centre"),
            );
        }
        // The line joins the dated points in date order.
        let line = one(g, "line", id);
        let joined: Vec<f64> = line
            .attribute("points")
            .unwrap()
            .split([' ', ','])
            .map(|v| v.parse().unwrap())
            .collect();
        assert_eq!(joined.len(), 6, "{id}");
        for i in 0..3 {
            exactly(joined[2 * i], xs[i], id);
            exactly(joined[2 * i + 1], plot.y_of(score[i]), id);
        }
    }

    // Titles, not ids.
    assert_eq!(texts(panel(&doc, "overall"), "panel-title"), ["Overall"]);
    assert_eq!(texts(panel(&doc, "a"), "panel-title"), ["Dimension A"]);
    assert_eq!(texts(panel(&doc, "b"), "panel-title"), ["Dimension B"]);

    // Date ticks every three months: seven would be too many at two.
    // January to July 2008 is 31 + 29 + 31 + 30 + 31 + 30 = 182 days.
    let g = panel(&doc, "a");
    let plot = Plot::of(g, "a");
    let (x0, x1) = plot.axis(0);
    let ticks = all(g, "date-tick");
    let labels: Vec<String> = ticks.iter().map(|t| text_of(*t)).collect();
    assert_eq!(
        labels,
        ["Jan 2008", "Apr 2008", "Jul 2008", "Oct 2008", "Jan 2009"]
    );
    exactly(num(&ticks[0], "x"), x0, "January 2008");
    exactly(
        num(&ticks[2], "x"),
        x0 + 182.0 / 366.0 * (x1 - x0),
        "July 2008",
    );
    exactly(num(&ticks[4], "x"), x1, "January 2009");

    // The thresholds of `a`: mid at 40, top at 70, labelled with their
    // levels at their heights; apart, the lowest, labelled at 0 only.
    let lines = all(g, "threshold");
    let drawn: Vec<(&str, f64, f64)> = lines
        .iter()
        .map(|l| {
            assert_eq!(num(l, "y1"), num(l, "y2"), "horizontal");
            exactly(num(l, "x1"), plot.x, "from the left of the plot");
            exactly(num(l, "x2"), plot.x + plot.w, "to its right");
            (
                l.attribute("data-level").unwrap(),
                num(l, "data-threshold"),
                num(l, "y1"),
            )
        })
        .collect();
    assert_eq!(drawn.len(), 2, "{drawn:?}");
    assert_eq!((drawn[0].0, drawn[0].1), ("mid", 40.0));
    exactly(drawn[0].2, plot.y_of(40.0), "mid");
    assert_eq!((drawn[1].0, drawn[1].1), ("top", 70.0));
    exactly(drawn[1].2, plot.y_of(70.0), "top");
    let labels = all(g, "threshold-label");
    let named: Vec<(String, String)> = labels
        .iter()
        .map(|l| (l.attribute("data-level").unwrap().to_owned(), text_of(*l)))
        .collect();
    assert_eq!(
        named,
        [
            ("apart".to_owned(), "apart (0)".to_owned()),
            ("mid".to_owned(), "mid (40)".to_owned()),
            ("top".to_owned(), "top (70)".to_owned()),
        ]
    );
    for (l, s) in labels.iter().zip([0.0, 40.0, 70.0]) {
        exactly(num(l, "y"), plot.y_of(s) + 4.0, "label beside its line");
        assert!(num(l, "x") > plot.x + plot.w, "labels right of the plot");
    }

    // Targets of `a`: top (mode big), then open from mid to top (its
    // highest, top, marked), then mid (mode small). Each holds from its
    // date to the next; the first starts 20 pixels before its point, the
    // last ends 20 after.
    let targets = all(g, "target");
    let marks: Vec<(&str, f64, f64, f64)> = targets
        .iter()
        .map(|t| {
            assert_eq!(num(t, "y1"), num(t, "y2"), "horizontal");
            (
                t.attribute("data-level").unwrap(),
                num(t, "x1"),
                num(t, "x2"),
                num(t, "y1"),
            )
        })
        .collect();
    assert_eq!(marks.len(), 3);
    let expected = [
        ("top", xs[0] - 20.0, xs[1], 70.0),
        ("top", xs[1], xs[2], 70.0),
        ("mid", xs[2], xs[2] + 20.0, 40.0),
    ];
    for (m, e) in marks.iter().zip(expected) {
        assert_eq!(m.0, e.0);
        exactly(m.1, e.1, "target start");
        exactly(m.2, e.2, "target end");
        exactly(m.3, plot.y_of(e.3), "target height");
    }
    let open = one(g, "target-range", "a");
    assert_eq!(open.attribute("data-low"), Some("mid"));
    assert_eq!(open.attribute("data-high"), Some("top"));
    exactly(num(&open, "x"), xs[1], "open from the second date");
    exactly(num(&open, "x") + num(&open, "width"), xs[2], "to the third");
    exactly(num(&open, "y"), plot.y_of(70.0), "up to top");
    exactly(
        num(&open, "y") + num(&open, "height"),
        plot.y_of(40.0),
        "down to mid",
    );

    // `b`: the target is apart (its threshold, 0) at every date, never open.
    let g = panel(&doc, "b");
    let plot = Plot::of(g, "b");
    let targets = all(g, "target");
    assert_eq!(targets.len(), 3);
    for t in &targets {
        assert_eq!(t.attribute("data-level"), Some("apart"));
        exactly(num(t, "y1"), plot.y_of(0.0), "apart at 0");
    }
    assert!(all(g, "target-range").is_empty());
    // The overall has no levels: no threshold, no target.
    let g = panel(&doc, "overall");
    assert!(all(g, "threshold").is_empty() && all(g, "target").is_empty());

    // Each point's label gives its score and level (its verdict overall).
    let a = texts(panel(&doc, "a"), "point-label");
    assert_eq!(a, ["62.5 mid", "50.0 mid", "100.0 top"]);
}

#[test]
fn trend_of_one_date_puts_it_in_the_middle() {
    let rb = crate::fixtures::tiny();
    let svg = trend_chart(&[dated(&rb, Some("2008-10-15"), FIRST)]);
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(
        texts(doc.root_element(), "title").join(" "),
        "One assessment, 2008-10-15: M"
    );
    for id in ["overall", "a", "b"] {
        let g = panel(&doc, id);
        let plot = Plot::of(g, id);
        let (x0, x1) = plot.axis(0);
        let pts = points(g);
        assert_eq!(pts.len(), 1);
        exactly(pts[0].2, (x0 + x1) / 2.0, id);
        assert!(all(g, "line").is_empty(), "{id}: nothing to join");
        let bar = one(g, "range", id);
        exactly(num(&bar, "y"), plot.y_of(87.5), id);
        exactly(num(&bar, "y") + num(&bar, "height"), plot.y_of(37.5), id);
        // The one tick is the date itself, under the point.
        let tick = one(g, "date-tick", id);
        assert_eq!(text_of(tick), "15 Oct 2008");
        exactly(num(&tick, "x"), (x0 + x1) / 2.0, id);
    }
    let g = panel(&doc, "a");
    let plot = Plot::of(g, "a");
    let target = one(g, "target", "a");
    assert_eq!(target.attribute("data-level"), Some("top"));
    let mid = (plot.axis(0).0 + plot.axis(0).1) / 2.0;
    exactly(num(&target, "x1"), mid - 20.0, "target start");
    exactly(num(&target, "x2"), mid + 20.0, "target end");
    exactly(num(&target, "y1"), plot.y_of(70.0), "target height");
    assert_eq!(all(g, "threshold").len(), 2);
}

#[test]
fn two_dates_are_a_comparison_at_the_ends_of_the_axis() {
    let rb = crate::fixtures::tiny();
    let early = dated(&rb, Some("2008-10-15"), FIRST);
    let late = dated(&rb, Some("2009-10-15"), THIRD);
    let svg = trend_chart(&[late.clone(), early.clone()]);
    assert_eq!(svg, trend_chart(&[early, late]));
    let doc = Document::parse(&svg).unwrap();
    let heading = "Comparison of 2008-10-15 and 2009-10-15: M";
    assert_eq!(texts(doc.root_element(), "title").join(" "), heading);
    assert!(!svg.contains("Trend"), "a comparison, not a trend");
    for id in ["overall", "a", "b"] {
        let g = panel(&doc, id);
        let (x0, x1) = Plot::of(g, id).axis(0);
        let pts = points(g);
        exactly(pts[0].2, x0, id);
        exactly(pts[1].2, x1, id);
    }
}

#[test]
fn undated_assessments_stand_apart_and_are_said() {
    let rb = crate::fixtures::tiny();
    let svg = trend_chart(&[
        dated(&rb, Some("2009-01-01"), THIRD),
        dated(&rb, None, SECOND),
        dated(&rb, Some("2008-01-01"), FIRST),
    ]);
    let doc = Document::parse(&svg).unwrap();
    let note = texts(doc.root_element(), "axis-note").join(" ");
    assert!(
        note.contains("One assessment has no date: it is drawn at the left, apart from the time axis, and not joined to the line."),
        "{note}"
    );
    for id in ["overall", "a", "b"] {
        let g = panel(&doc, id);
        let plot = Plot::of(g, id);
        let (x0, x1) = plot.axis(1);
        let pts = points(g);
        let dates: Vec<&str> = pts.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(dates, ["undated", "2008-01-01", "2009-01-01"], "{id}");
        // The undated one in the middle of its zone, the dated ones at the
        // ends of the axis after it, and a line between them alone.
        exactly(pts[0].2, plot.x + UNDATED_ZONE / 2.0, id);
        exactly(pts[1].2, x0, id);
        exactly(pts[2].2, x1, id);
        let divider = one(g, "undated-divider", id);
        exactly(num(&divider, "x1"), plot.x + UNDATED_ZONE, id);
        let joined = one(g, "line", id).attribute("points").unwrap().to_owned();
        assert_eq!(joined.split(' ').count(), 2, "{id}: {joined}");
        assert_eq!(texts(g, "undated-label"), ["undated"]);
    }
}

#[test]
fn no_date_at_all_spreads_the_points_evenly_and_says_so() {
    let rb = crate::fixtures::tiny();
    let svg = trend_chart(&[
        dated(&rb, None, FIRST),
        dated(&rb, None, SECOND),
        dated(&rb, None, THIRD),
    ]);
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(
        texts(doc.root_element(), "title").join(" "),
        "Trend over 3 undated assessments: M"
    );
    assert!(
        texts(doc.root_element(), "axis-note")
            .join(" ")
            .contains("No assessment is dated: they are spread evenly in the order given.")
    );
    let g = panel(&doc, "a");
    let plot = Plot::of(g, "a");
    let pts = points(g);
    for (i, p) in pts.iter().enumerate() {
        exactly(p.2, plot.x + plot.w * (i as f64 + 0.5) / 3.0, "even");
    }
    assert!(all(g, "date-tick").is_empty() && all(g, "line").is_empty());
}

#[test]
fn trend_chart_escapes_the_mission_name() {
    let rb = crate::fixtures::tiny();
    let text = "[mission]\nname = \"<A & B>\"\ndate = \"2008-01-01\"\n";
    let a = assess(&mission(&rb, "m.toml", text));
    let svg = trend_chart(&[a]);
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(
        texts(doc.root_element(), "title").join(" "),
        "One assessment, 2008-01-01: <A & B>"
    );
}
