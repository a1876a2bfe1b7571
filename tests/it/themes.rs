//! Theme scores and their coverage, pinned by hand on the tiny rulebook
//! (`tests/data/tiny.toml`). A theme's score pools its factors over every
//! dimension: each factor counts with the sum of its weights, so in the tiny
//! rulebook `e1` counts 3 (a 2 + b 1), `e2` counts 1 (a 1 + b 0) and the
//! barrier `b1` counts 2 (a 1 + b 1).

use integration_readiness::{Mission, Rulebook, assess};
use serde_json::Value;

fn themes(body: &str) -> Value {
    let rb = Rulebook::from_toml(include_str!("../data/tiny.toml"), "tiny.toml").unwrap();
    let text = format!("[mission]\nname = \"Themes\"\n{body}");
    let m = Mission::from_toml(&text, "themes.toml", &rb).unwrap();
    serde_json::to_value(assess(&m)).unwrap()["themes"].clone()
}

fn theme<'a>(themes: &'a Value, id: &str) -> &'a Value {
    themes
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap()
}

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!((got - want).abs() < 1e-9, "{got} != {want}");
}

#[test]
fn a_theme_pools_its_factors_weights_over_every_dimension() {
    let t = themes(
        "[evidence.e1]\nrating = \"partial\"\n\
         [evidence.e2]\nrating = \"high\"\n\
         [evidence.b1]\nrating = \"low\"\n",
    );
    // t1: (3 × 0.5 + 1 × 0.75) / (3 + 1) = 2.25 / 4.
    close(&theme(&t, "t1")["score"], 56.25);
    close(&theme(&t, "t1")["coverage"], 1.0);
    // t2: a barrier rated low earns 0.75 of its weight 2: 1.5 / 2.
    close(&theme(&t, "t2")["score"], 75.0);
    close(&theme(&t, "t2")["coverage"], 1.0);
}

#[test]
fn unknown_factors_count_at_the_middle_and_lower_a_themes_coverage() {
    let t = themes("[evidence.e1]\nrating = \"partial\"\n");
    // t1: only e1 is rated, e2 at the middle: (3 × 0.5 + 1 × 0.5) / 4;
    // coverage 3 of 4.
    close(&theme(&t, "t1")["score"], 50.0);
    close(&theme(&t, "t1")["coverage"], 0.75);
    // t2: nothing rated: no score, coverage 0.
    assert!(theme(&t, "t2")["score"].is_null());
    close(&theme(&t, "t2")["coverage"], 0.0);
}

#[test]
fn a_theme_mostly_unknown_keeps_the_coverage_it_has() {
    let t = themes("[evidence.e2]\nrating = \"full\"\n");
    // t1: e2 rated full (weight 1), e1 unknown (weight 3) at the middle of
    // the scale: (1 + 1.5) / 4 = 62.5, coverage 1 of 4.
    close(&theme(&t, "t1")["score"], 62.5);
    close(&theme(&t, "t1")["coverage"], 0.25);
}

#[test]
fn not_applicable_factors_leave_a_theme_entirely() {
    let t = themes(
        "[evidence.e1]\nrating = \"not-applicable\"\nnote = \"does not apply\"\n\
         [evidence.e2]\nrating = \"none\"\n",
    );
    // t1: only e2 counts (weight 1), rated none.
    close(&theme(&t, "t1")["score"], 0.0);
    close(&theme(&t, "t1")["coverage"], 1.0);
    let t = themes(
        "[evidence.e1]\nrating = \"not-applicable\"\nnote = \"does not apply\"\n\
         [evidence.e2]\nrating = \"not-applicable\"\n",
    );
    // Nothing in t1 applies: no score and no coverage.
    assert!(theme(&t, "t1")["score"].is_null());
    close(&theme(&t, "t1")["coverage"], 0.0);
}

#[test]
fn a_theme_with_nothing_rated_reads_unrated_and_one_where_nothing_applies_reads_na() {
    use integration_readiness::report::{Format, render};
    // Tiny: t1 holds e1 and e2, t2 holds b1 alone. b1 without evidence:
    // t2 has no score yet, "unrated"; b1 declared not applicable: nothing in
    // t2 applies, "n/a".
    let rb = crate::fixtures::tiny();
    let line = |body: &str| {
        let m = crate::fixtures::mission(&rb, body);
        let a = integration_readiness::assess(&m);
        assert_eq!(a.themes[1].score, None);
        let text = render(&a, Format::Text).unwrap();
        let md = render(&a, Format::Markdown).unwrap();
        let t = text
            .lines()
            .find(|l| l.trim_start().starts_with("Theme two"))
            .unwrap()
            .to_owned();
        let m = md
            .lines()
            .find(|l| l.starts_with("| Theme two |"))
            .unwrap()
            .to_owned();
        (t.split_whitespace().nth(2).unwrap().to_owned(), m)
    };
    let rated = "[evidence.e1]\nrating = \"full\"\n[evidence.e2]\nrating = \"full\"\n";
    let (t, m) = line(rated);
    assert_eq!(t, "unrated");
    assert_eq!(m, "| Theme two | unrated | 0% |");
    let (t, m) = line(&format!(
        "{rated}[evidence.b1]\nrating = \"not-applicable\"\n"
    ));
    assert_eq!(t, "n/a");
    assert_eq!(m, "| Theme two | n/a | 0% |");
}
