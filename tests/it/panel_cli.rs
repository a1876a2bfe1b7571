//! `integration-readiness panel`, run as a user runs it on the sample
//! panel (`examples/panel/`): every format, `--anonymous`, `--round2`,
//! standard input, a closed pipe, and the errors. The numbers expected are
//! worked out by hand in the comments of `examples/panel/headquarters.toml`.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::cli::parse_csv;

const BIN: &str = env!("CARGO_BIN_EXE_integration-readiness");
const PANEL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/panel");

/// The assessors' names in the sample files.
const NAMES: [&str; 3] = ["Ama Mensah", "Tomas Lindqvist", "Priya Raman"];

fn files() -> Vec<String> {
    ["planning-officer", "country-team", "headquarters"]
        .iter()
        .map(|f| format!("{PANEL}/{f}.toml"))
        .collect()
}

fn round2() -> Vec<String> {
    ["planning-officer", "country-team", "headquarters"]
        .iter()
        .map(|f| format!("{PANEL}/round2/{f}.toml"))
        .collect()
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn panel(extra: &[&str]) -> String {
    let files = files();
    let mut args = vec!["panel"];
    args.extend(files.iter().map(String::as_str));
    args.extend(extra);
    let o = run(&args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stderr.is_empty());
    String::from_utf8(o.stdout).expect("UTF-8")
}

fn with_round2(extra: &[&str]) -> Output {
    let (one, two) = (files(), round2());
    let mut args = vec!["panel"];
    args.extend(one.iter().map(String::as_str));
    args.push("--round2");
    args.extend(two.iter().map(String::as_str));
    args.extend(extra);
    run(&args)
}

#[test]
fn text_leads_with_the_verdicts_and_fits_80_columns() {
    let t = panel(&[]);
    for line in t.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    assert!(t.starts_with("Panel of 3 assessors: UN Integrated Mission in Lomaro"));
    // By hand: programmatic 46.25 / 84.5 = 54.73 at the medians, 45.0 /
    // 84.5 = 53.25 to 47.5 / 84.5 = 56.21 over the range, coordination to
    // cooperation: not-ready to stretch. Strategic 47.375 / 83.5 = 56.74
    // to 49.0 / 83.5 = 58.68, cooperation throughout: stretch.
    assert!(t.contains("Operational / programmatic (programmatic) NOT-READY, OPEN"));
    assert!(t.contains("  score 54.7, range the panel leaves open 53.3-56.2\n"));
    assert!(t.contains("level: coordination (over the range: coordination to cooperation)"));
    let joined = t.replace("\n  ", " ");
    assert!(joined.contains(
        "not-ready to stretch over the range: what the assessors said, or left unrated, can change it"
    ));
    assert!(t.contains("  score 57.5, range the panel leaves open 56.7-58.7\n"));
    assert!(joined.contains(
        "stretch over the whole range: nothing the assessors said, or left unrated, can change it"
    ));
    // Alpha before what to discuss, the verdict-changers first, those that
    // change nothing last and said so.
    let alpha = t.find("Agreement\n  alpha ").expect("alpha");
    let discuss = t.find("What to discuss first").expect("discuss");
    let nothing = t
        .find("These change no level and no verdict:")
        .expect("nothing");
    assert!(t.find("(strategic)").unwrap() < alpha && alpha < discuss && discuss < nothing);
    let at = |s: &str| t.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(at("1. field-delegation") < at("2. intergovernmental-support"));
    assert!(at("2. intergovernmental-support") < nothing);
    for f in [
        "humanitarian-space-operationalised",
        "speed-over-ownership",
        "quick-impact-project-design",
    ] {
        assert!(nothing < at(&format!(". {f}")), "{f}");
    }
    assert!(t.contains("programmatic: coordination (not-ready) to cooperation (stretch)"));
    // Every assessor's note of the disputed factor, side by side.
    assert!(t.contains("Priya Raman, Lomaro desk officer, headquarters: high"));
    assert!(t.contains("spending < USD 500,000 & quick"));
    // 55 factors, 5 not unanimous.
    assert!(t.contains("Agreed: every assessor gave the same rating (50)"));
}

#[test]
fn markdown_is_headings_and_tables() {
    let m = panel(&["--format", "markdown"]);
    assert!(m.starts_with("# Panel of 3 assessors: "));
    for h in [
        "\n## The panel's assessment\n",
        "\n## Agreement\n",
        "\n## What to discuss first\n",
        "\n## The disputed factors\n",
        "\n### field-delegation\n",
        "\n## Agreed factors\n",
    ] {
        assert!(m.contains(h), "{h}");
    }
    assert!(m.contains(
        "| Operational / programmatic | 54.7 | 53.3–56.2 | coordination | coordination to cooperation | not-ready | not-ready–stretch | can change it |"
    ));
    // User text escaped: `<` and `&` of a note, the commas kept.
    assert!(m.contains("spending &lt; USD 500,000 &amp; quick"));
    assert!(!m.contains("< USD"));
    // Every table row has as many cells as its header.
    let mut width = 0;
    for line in m.lines() {
        if line.starts_with('|') {
            let cells = line.replace("\\|", "").matches('|').count();
            if width == 0 {
                width = cells;
            }
            assert_eq!(cells, width, "{line}");
        } else {
            width = 0;
        }
    }
}

#[test]
fn json_is_the_panel_with_the_contract_keys() {
    let v: serde_json::Value = serde_json::from_str(&panel(&["--format", "json"])).unwrap();
    assert_eq!(v["rulebook"]["id"], "oslo-2007");
    assert_eq!(v["rulebook"]["crate_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        v["mission"]["name"],
        "UN Integrated Mission in Lomaro (UNIMLO), fictional"
    );
    assert_eq!(v["mission"]["date"], "2009-06-15");
    let files = files();
    assert_eq!(v["files"], serde_json::json!(files));
    assert_eq!(
        v["assessors"][2],
        "Priya Raman, Lomaro desk officer, headquarters"
    );
    let ids: Vec<&str> = v["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["strategic", "programmatic", "administrative"]);
    let prog = &v["dimensions"][1];
    assert_eq!(
        prog["level_range"],
        serde_json::json!(["coordination", "cooperation"])
    );
    assert_eq!(
        prog["verdict_range"],
        serde_json::json!(["not-ready", "stretch"])
    );
    assert_eq!(prog["settled"], false);
    // 45.0 / 84.5 and 47.5 / 84.5, by hand.
    let range = prog["score_range"].as_array().unwrap();
    assert!((range[0].as_f64().unwrap() - 100.0 * 45.0 / 84.5).abs() < 1e-9);
    assert!((range[1].as_f64().unwrap() - 100.0 * 47.5 / 84.5).abs() < 1e-9);
    assert_eq!(v["discuss"][0]["factor"], "field-delegation");
    assert_eq!(v["discuss"][0]["changes"], true);
    assert_eq!(v["discuss"][4]["changes"], false);
    assert!(v["reliability"]["overall"]["value"].is_number());
    assert_eq!(v["reliability"]["overall"]["pairable"], 159);
    // National ownership, by hand: eleven `partial` and one `high` (speed
    // over ownership), o = 1 on each side, d = (11/2 + 1/2)^2 = 36, alpha
    // = 1 - 11 x 36 / (11 x 1 x 36) = 0.
    let themes = v["reliability"]["themes"].as_array().unwrap();
    let ownership = themes
        .iter()
        .find(|t| t["id"] == "national-ownership")
        .expect("the theme");
    assert_eq!(ownership["pairable"], 12);
    assert!(ownership["value"].as_f64().unwrap().abs() < 1e-12);
}

#[test]
fn csv_is_one_tidy_row_per_factor_and_assessor() {
    let text = panel(&["--format", "csv"]);
    assert!(text.ends_with("\r\n"));
    let rows = parse_csv(&text);
    assert_eq!(
        rows[0],
        [
            "file", "mission", "assessor", "factor", "theme", "rating", "step", "median", "spread",
            "agree"
        ]
    );
    // 55 factors times 3 assessors.
    assert_eq!(rows.len(), 1 + 55 * 3);
    let files = files();
    let hq = rows
        .iter()
        .find(|r| r[3] == "field-delegation" && r[0] == files[2])
        .expect("the headquarters row");
    assert_eq!(
        hq[1..],
        [
            "UN Integrated Mission in Lomaro (UNIMLO), fictional",
            "Priya Raman, Lomaro desk officer, headquarters",
            "field-delegation",
            "leadership-and-management",
            "high",
            "3",
            "low",
            "2",
            "false"
        ]
    );
    let na = rows
        .iter()
        .find(|r| r[3] == "peacebuilding-commission-convening")
        .unwrap();
    assert_eq!((na[5].as_str(), na[6].as_str()), ("not-applicable", ""));
}

/// Checks that `html` is well formed: every `<` opens a tag or a comment,
/// every tag but the void ones is closed in order.
fn well_formed(html: &str) {
    const VOID: [&str; 2] = ["meta", "br"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("a tag is closed");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let (closing, body) = match tag.strip_prefix('/') {
            Some(b) => (true, b),
            None => (false, tag),
        };
        let name: String = body
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(!name.is_empty(), "a stray `<` before {tag:?}");
        if closing {
            assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "</{name}>");
        } else if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
}

#[test]
fn html_is_one_well_formed_page_with_every_note_escaped() {
    let h = panel(&["--format", "html"]);
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.contains("@page { size: A4;"));
    assert!(!h.contains("http://") && !h.contains("https://") && !h.contains("<script"));
    well_formed(&h);
    assert!(h.contains("spending &lt; USD 500,000 &amp; quick impact"));
    assert!(h.contains("agencies &amp; contractors directly"));
    for name in NAMES {
        assert!(h.contains(name), "{name}");
    }
}

#[test]
fn anonymous_leaves_no_name_in_any_format() {
    for format in ["text", "markdown", "json", "csv", "html"] {
        let out = panel(&["--anonymous", "--format", format]);
        for name in NAMES {
            assert!(!out.contains(name), "{format}: {name}");
        }
        // Nor the file names, which often name the assessor.
        assert!(!out.contains("planning-officer.toml"), "{format}");
        // The notes are kept (the CSV carries none).
        if format != "csv" {
            assert!(out.contains("500,000"), "{format}");
        }
    }
    let t = panel(&["--anonymous"]);
    assert!(t.contains("\n    C: high\n"), "{t}");
    let v: serde_json::Value =
        serde_json::from_str(&panel(&["--anonymous", "--format", "json"])).unwrap();
    assert_eq!(v["assessors"], serde_json::json!(["A", "B", "C"]));
}

#[test]
fn a_second_round_narrows_the_spread() {
    let o = with_round2(&[]);
    assert_eq!(o.status.code(), Some(0));
    let t = String::from_utf8(o.stdout).unwrap();
    for line in t.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    // By hand: spreads 2 + 1 + 1 + 1 + 1 = 6 over the 53 factors rated on
    // the scale, then 1 + 2 + 1 = 4: 0.113 and 0.075 steps.
    assert!(
        t.contains("Mean spread narrowed: 0.113 steps, then 0.075"),
        "{t}"
    );
    assert!(t.contains("Alpha risen"), "{t}");
    assert!(t.contains("  field-delegation 2 -> 1\n"));
    assert!(t.contains(
        "Widened (spread in steps, first -> second)\n  humanitarian-space-operationalised 1 -> 2\n"
    ));
    assert!(t.contains("Still split the panel (spread in steps, first -> second)\n  humanitarian-space-operationalised 1 -> 2\n"));
    assert!(
        t.replace("\n  ", " ")
            .contains("can change them): programmatic"),
        "{t}"
    );

    let v: serde_json::Value =
        serde_json::from_slice(&with_round2(&["--format", "json"]).stdout).unwrap();
    assert_eq!(v["rulebook"]["id"], "oslo-2007");
    assert_eq!(
        v["mission"]["name"],
        "UN Integrated Mission in Lomaro (UNIMLO), fictional"
    );
    assert_eq!(v["disagreements"], serde_json::json!([1, 1]));

    let csv = parse_csv(&String::from_utf8(with_round2(&["--format", "csv"]).stdout).unwrap());
    assert_eq!(csv[0][..3], ["mission", "factor", "spread_first"]);
    // Three narrowed, one widened (which also still splits the panel).
    assert_eq!(csv.len(), 1 + 4);
    let md = String::from_utf8(with_round2(&["--format", "markdown"]).stdout).unwrap();
    assert!(md.contains("\n## Still split the panel\n"));

    // No HTML for two rounds: said, exit status 2.
    let o = with_round2(&["--format", "html"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--round2 has no html output"));
}

#[test]
fn a_file_from_standard_input_and_a_closed_pipe() {
    let files = files();
    let text = std::fs::read(&files[0]).unwrap();
    let mut child = Command::new(BIN)
        .args(["panel", "-", &files[1], &files[2], "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files"][0], "<stdin>");

    // `| head -1`: the reader closes the pipe early; exit 0, no message.
    let mut child = Command::new(BIN)
        .args(["panel", &files[0], &files[1], &files[2]])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn errors_are_usage_or_located_problems_with_status_2() {
    let files = files();
    let err = |o: &Output| String::from_utf8_lossy(&o.stderr).into_owned();
    // One file, none, an empty argument, an unknown flag: usage errors.
    for args in [
        vec!["panel"],
        vec!["panel", files[0].as_str()],
        vec!["panel", files[0].as_str(), ""],
        vec!["panel", files[0].as_str(), files[1].as_str(), "--anonymus"],
        vec![
            "panel",
            files[0].as_str(),
            files[1].as_str(),
            "--round2",
            files[2].as_str(),
        ],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(!err(&o).is_empty(), "{args:?}");
    }
    // A broken file: its problem located by line and column.
    let dir = std::env::temp_dir().join(format!("panel-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.toml");
    std::fs::write(
        &broken,
        "[mission]\nname = \"M\"\n\n[evidence.field-delegation]\nrating = \"hihg\"\n",
    )
    .unwrap();
    let b = broken.to_str().unwrap();
    let o = run(&["panel", &files[0], b]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(err(&o).contains("broken.toml:5:"), "{}", err(&o));
    // A file written for another rulebook: its factors are unknown to the
    // rulebook the panel reads every file against.
    let tiny = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tiny.toml");
    let other = dir.join("other.toml");
    std::fs::write(
        &other,
        "[mission]\nname = \"M\"\n[evidence.senior-leadership-cohesion]\nrating = \"high\"\n",
    )
    .unwrap();
    let o = run(&[
        "panel",
        other.to_str().unwrap(),
        other.to_str().unwrap(),
        "--rulebook",
        tiny,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("senior-leadership-cohesion"),
        "{}",
        err(&o)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
