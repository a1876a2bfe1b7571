//! The SVG chart: every sample mission renders to a document that a real
//! XML parser accepts, whose marks sit where the numbers put them; text is
//! escaped; the output is deterministic; and the committed
//! docs/sample-chart.svg is current.
#![cfg(all(feature = "svg", feature = "toml"))]

use std::path::Path;

use integration_readiness::{Assessment, Mission, Rulebook, assess, chart};
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
                .map_or(100.0, |_| rb.threshold(l + 1, d));
            near(num(lb, "x"), x_of(rb.threshold(l, d)), what);
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
        let tx = x_of(rb.threshold(dim.target_detail.level_index, d));
        near(num(&target, "x1"), tx, &format!("{what}: target"));
        near(num(&target, "x2"), tx, &format!("{what}: target"));
        assert_eq!(text_of(one(*g, "target-label", what)), "target", "{what}");

        let title = text_of(one(*g, "dimension-title", what));
        assert!(title.starts_with(dim.title.as_str()), "{what}: {title}");
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
        let verdict = format!("target {}, verdict {}", dim.target, dim.verdict);
        assert!(caption.contains(&verdict), "{what}: {caption}");
        assert_eq!(
            caption.contains("provisional"),
            dim.provisional,
            "{what}: {caption}"
        );
    }

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
        let a = assess(&rb, &m);
        check(&rb, &a, &chart::svg(&rb, &a), &name);
    }
}

#[test]
fn positions_computed_by_hand_for_the_embedded_sample() {
    let rb = Rulebook::oslo_2007();
    let text = std::fs::read_to_string(root().join("examples/missions").join(SAMPLE)).unwrap();
    let m = mission(&rb, SAMPLE, &text);
    let a = assess(&rb, &m);
    let svg = chart::svg(&rb, &a);
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
    // Its score, 57.16 (46.875 of the 82 rated weight earned, worked out from the
    // sample's ratings): 40 + 0.5716 * 720 = 451.6.
    assert!(
        (a.dimensions[0].score - 57.16).abs() < 0.01,
        "the sample changed"
    );
    near(
        num(&one(strategic, "score-marker", "strategic"), "cx"),
        451.59,
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

    // Mandates and resources score 30.15 (41 of 136 pooled weight earned):
    // a bar 0.3015 * 720 = 217.06 wide.
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
    let a = assess(&rb, &m);
    let svg = chart::svg(&rb, &a);
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
    assert!(svg.contains("provisional"));
    assert_eq!(svg.matches("(no evidence yet)").count(), 3);
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
    let a = assess(&rb, &m);
    assert_eq!(a.mission.name, name);
    let svg = chart::svg(&rb, &a);
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

    // Characters XML does not allow are replaced, so the document still parses.
    let m = mission(
        &rb,
        "bell.toml",
        "[mission]\nname = \"bell \\u0007 and NUL-free\"\n",
    );
    let svg = chart::svg(&rb, &assess(&rb, &m));
    Document::parse(&svg).expect("control characters are replaced");
}

#[test]
fn output_is_deterministic() {
    for (name, text) in samples() {
        let render = || {
            let rb = Rulebook::oslo_2007();
            let m = mission(&rb, &name, &text);
            chart::svg(&rb, &assess(&rb, &m))
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
    let fresh = chart::svg(&rb, &assess(&rb, &mission(&rb, SAMPLE, &text)));
    let path = root().join("docs/sample-chart.svg");
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; create it with `{REGENERATE}`", path.display()));
    assert!(
        committed.replace("\r\n", "\n") == fresh,
        "docs/sample-chart.svg is out of date with the chart code or the sample; regenerate it with `{REGENERATE}`"
    );
}
