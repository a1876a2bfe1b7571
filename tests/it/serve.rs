//! The questionnaire's HTTP API over real sockets: the same JSON as the
//! library and the examples, the status codes and problem shape the README
//! documents, the limits, concurrency, and a load test.
#![cfg(feature = "serve")]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use integration_readiness::analysis::{RobustnessOptions, brief, plan, robustness};
use integration_readiness::assess::Verdict;
use integration_readiness::report::reference;
use integration_readiness::serve::{Server, State};
use integration_readiness::{MAX_INPUT_BYTES, Mission, Rating, Rulebook, report};
use serde_json::Value;

const SAMPLES: &[(&str, &str)] = &[
    (
        "start-up-active-conflict.toml",
        include_str!("../../examples/missions/start-up-active-conflict.toml"),
    ),
    (
        "consolidation-after-ceasefire.toml",
        include_str!("../../examples/missions/consolidation-after-ceasefire.toml"),
    ),
    (
        "poorly-evidenced.toml",
        include_str!("../../examples/missions/poorly-evidenced.toml"),
    ),
    (
        "political-mission.toml",
        include_str!("../../examples/missions/political-mission.toml"),
    ),
];

fn start() -> Server {
    Server::start(
        "127.0.0.1:0".parse().unwrap(),
        State::new(Rulebook::oslo_2007(), None).unwrap(),
    )
    .unwrap()
}

struct Answer {
    status: u16,
    content_type: String,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// One HTTP/1.1 request on its own connection.
fn request(addr: SocketAddr, method: &str, path: &str, ctype: Option<&str>, body: &[u8]) -> Answer {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(t) = ctype {
        head.push_str(&format!("Content-Type: {t}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    // The server may answer (413) before reading everything.
    let _ = s.write_all(body);
    read_answer(&mut s)
}

fn read_answer(s: &mut TcpStream) -> Answer {
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no answer: {text:?}"));
    let status = head[9..12].parse().unwrap();
    let content_type = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-type")
                .then(|| v.trim().to_owned())
        })
        .unwrap_or_default();
    Answer {
        status,
        content_type,
        body: body.to_owned(),
    }
}

fn post(addr: SocketAddr, path: &str, ctype: &str, body: &str) -> Answer {
    request(addr, "POST", path, Some(ctype), body.as_bytes())
}

fn value(s: &str) -> Value {
    serde_json::from_str(s).unwrap()
}

#[test]
fn rulebook_is_the_json_the_rulebook_example_prints() {
    let server = start();
    let a = request(server.addr(), "GET", "/api/rulebook", None, b"");
    assert_eq!(a.status, 200);
    assert_eq!(a.content_type, "application/json");
    assert_eq!(a.json(), reference::json(&Rulebook::oslo_2007()).unwrap());
}

#[test]
fn assess_plan_and_robustness_answer_what_the_library_computes() {
    let server = start();
    let rb = Rulebook::oslo_2007();
    for (name, text) in SAMPLES {
        let m = Mission::from_toml(text, name, &rb).unwrap();
        let assessed = value(&report::render(&brief(&m), report::Format::Json).unwrap());
        let planned = serde_json::to_value(plan(&m)).unwrap();
        let robust = serde_json::to_value(robustness(&m, RobustnessOptions::default())).unwrap();
        let json = m.to_json().unwrap();
        for (ctype, body) in [("application/toml", *text), ("application/json", &json)] {
            let a = post(server.addr(), "/api/assess", ctype, body);
            assert_eq!(a.status, 200, "{name} {ctype}: {}", a.body);
            assert_eq!(a.json(), assessed, "{name} {ctype}");
        }
        assert_eq!(
            post(server.addr(), "/api/plan", "application/toml", text).json(),
            planned
        );
        assert_eq!(
            post(
                server.addr(),
                "/api/robustness",
                "application/toml; charset=utf-8",
                text
            )
            .json(),
            robust
        );
    }
}

/// The sample with a traditional mandate, whose cap (coordination) puts
/// levels above the target: over-investment.
fn above_target_sample() -> String {
    let text = SAMPLES[1].1.replace(
        "mandate = \"multidimensional\"",
        "mandate = \"traditional\"",
    );
    assert_ne!(text, SAMPLES[1].1, "the sample states its mandate");
    text
}

#[test]
fn the_panel_carries_the_assessment_and_the_reports_words() {
    let server = start();
    let rb = Rulebook::oslo_2007();
    let above = above_target_sample();
    let mut cases: Vec<(&str, &str)> = SAMPLES.to_vec();
    cases.push(("traditional.toml", &above));
    let mut seen = std::collections::BTreeSet::new();
    for (name, text) in cases {
        let m = Mission::from_toml(text, name, &rb).unwrap();
        let b = brief(&m);
        let a = &b.assessment;
        let answer = post(server.addr(), "/api/panel", "application/toml", text);
        assert_eq!(answer.status, 200, "{name}: {}", answer.body);
        assert_eq!(answer.content_type, "application/json");
        let panel = answer.json();
        // The assessment, as /api/assess answers it.
        assert_eq!(
            panel["assessment"],
            value(&report::render(&b, report::Format::Json).unwrap()),
            "{name}"
        );
        let words = &panel["words"];
        let md = report::render(&b, report::Format::Markdown).unwrap();
        let text_report = report::render(&b, report::Format::Text).unwrap();
        // The legend and each verdict's meaning.
        assert_eq!(words["legend"], report::verdict_legend(), "{name}");
        let verdicts: Vec<(String, String)> = words["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v["verdict"].as_str().unwrap().to_owned(),
                    v["meaning"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = Verdict::ALL
            .iter()
            .map(|v| (v.to_string(), v.meaning().to_owned()))
            .collect();
        assert_eq!(verdicts, want, "{name}");
        // The leads, each as the Markdown report leads with it.
        for lead in words["leads"].as_array().unwrap() {
            let lead = lead.as_str().unwrap();
            assert!(md.contains(&format!("- **{lead}**")), "{name}: {lead}");
        }
        if let Some(why) = &a.overall.undetermined {
            assert_eq!(words["leads"][0], format!("No verdict: {why}."), "{name}");
        }
        // Per dimension: the target and the labelled lines of the text
        // report.
        for (d, w) in a
            .dimensions
            .iter()
            .zip(words["dimensions"].as_array().unwrap())
        {
            assert_eq!(w["id"], d.id.as_str());
            let target = w["target"].as_str().unwrap();
            assert!(target.starts_with(&format!("{} (", d.target)), "{target}");
            let notes: Vec<(&str, &str)> = w["notes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| (n["label"].as_str().unwrap(), n["text"].as_str().unwrap()))
                .collect();
            let of = |label: &str| -> Vec<&str> {
                notes
                    .iter()
                    .filter(|(l, _)| *l == label)
                    .map(|(_, t)| *t)
                    .collect()
            };
            let why = d.undetermined.as_ref().map(ToString::to_string);
            assert_eq!(
                of("no verdict"),
                why.as_deref().into_iter().collect::<Vec<_>>()
            );
            let causes: Vec<String> = d
                .provisional_because
                .iter()
                .map(ToString::to_string)
                .collect();
            assert_eq!(of("provisional"), causes, "{name} {}", d.id);
            // Out of reach is told wherever the target is (in a short line
            // when it is too early to say why).
            assert_eq!(of("reach").len(), usize::from(d.out_of_reach.is_some()));
            let words_of = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            let flat = words_of(&text_report);
            for (label, text) in &notes {
                // Each line as the text report writes it (wrapped there:
                // compared word by word); what to rate first whole, as the
                // Markdown report lists it.
                if *label == "rate first" {
                    assert!(
                        md.contains(&format!("Rate first: {text}.")),
                        "{name}: {text}"
                    );
                } else {
                    assert!(
                        flat.contains(&words_of(&format!("{label}: {text}")))
                            || flat.contains(&words_of(&format!("{label} {text}"))),
                        "{name} {}: {label} {text}",
                        d.id
                    );
                }
                assert!(!text.contains("to rely on"), "{text}");
            }
            seen.insert(d.verdict);
        }
        // The HTML report carries the same words: the leads, each verdict
        // with its class, why there is no verdict, why it is provisional,
        // the legend, every warning.
        let html = report::render(&b, report::Format::Html).unwrap();
        let esc = escape_html;
        for lead in words["leads"].as_array().unwrap() {
            let lead = esc(lead.as_str().unwrap());
            assert!(html.contains(&format!("<li>{lead}</li>")), "{name}: {lead}");
        }
        assert!(html.contains(&esc(&report::verdict_legend())), "{name}");
        for d in &a.dimensions {
            let v = d.verdict;
            assert!(
                html.contains(&format!("<span class=\"verdict {v}\">{v}</span>")),
                "{name}: {v}"
            );
            if let Some(why) = &d.undetermined {
                assert!(
                    html.contains(&esc(&format!("No verdict: {why}."))),
                    "{name}"
                );
            }
            for cause in &d.provisional_because {
                assert!(
                    html.contains(&esc(&format!("Provisional: {cause}."))),
                    "{name}"
                );
            }
        }
        for w in &a.warnings {
            assert!(
                html.contains(&format!("<li>{}</li>", esc(w))),
                "{name}: {w}"
            );
        }
        assert!(!html.contains("to rely on"), "{name}");

        // Per entity: where it is under-integrated, as the Markdown report
        // says it (and the HTML report).
        for (e, w) in a.entities.iter().zip(words["entities"].as_array().unwrap()) {
            assert_eq!(w["name"], e.name.as_str());
            let under = w["under"].as_array().unwrap();
            assert_eq!(under.len(), e.under_integrated.len(), "{name} {}", e.name);
            for u in under {
                assert!(md.contains(u.as_str().unwrap()), "{name}: {u}");
                assert!(html.contains(&esc(u.as_str().unwrap())), "{name}: {u}");
            }
        }
        // What fix first says when the plan changes nothing, and the
        // factors the context rules out. The text report wraps it: the
        // poorly evidenced sample's plan changes nothing (no change of a
        // rated factor lifts a level: every dimension is at coordination,
        // the best its rated factors reach), and the sentence that says so
        // takes two lines.
        if b.plan.changes.is_empty() {
            let flat = text_report.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                flat.contains(words["nothing_to_fix"].as_str().unwrap()),
                "{name}"
            );
        }
        let ruled_out: Vec<&str> = a
            .factors
            .iter()
            .filter(|f| !f.applies)
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(
            words["ruled_out"]["factors"],
            serde_json::json!(ruled_out),
            "{name}"
        );
    }
    // The samples cover an undetermined and an above-target verdict.
    assert!(seen.contains(&Verdict::Undetermined), "{seen:?}");
    assert!(seen.contains(&Verdict::AboveTarget), "{seen:?}");
}

#[test]
fn inconsistent_ratings_are_warned_in_the_panel_and_the_html_report() {
    // The tiny rulebook with a consistency rule over e1 and b1.
    let text = format!(
        "{}\n[[consistency]]\nid = \"e1-against-b1\"\nall = [{{ factor = \"e1\", at-least = \"high\" }}, {{ factor = \"b1\", at-least = \"high\" }}]\nbecause = \"e1 cannot be strong while b1 is\"\ncitation = {{ section = \"Test\", paragraph = 7, phrase = \"seventh\" }}\n",
        include_str!("../data/tiny.toml")
    );
    let rb = Rulebook::from_toml(&text, "tiny-checks.toml").unwrap();
    let server = Server::start(
        "127.0.0.1:0".parse().unwrap(),
        State::new(rb.clone(), None).unwrap(),
    )
    .unwrap();
    let mission = "[mission]\nname = \"Torn\"\n[evidence.e1]\nrating = \"full\"\n[evidence.b1]\nrating = \"high\"\n";
    let panel = post(server.addr(), "/api/panel", "application/toml", mission).json();
    let warnings = panel["assessment"]["warnings"].as_array().unwrap();
    assert_eq!(
        panel["assessment"]["inconsistencies"][0]["rule"],
        "e1-against-b1"
    );
    let warning = warnings
        .iter()
        .map(|w| w.as_str().unwrap())
        .find(|w| w.contains("e1-against-b1"))
        .expect("the inconsistency is a warning");
    assert!(
        warning.contains("e1 cannot be strong while b1 is"),
        "{warning}"
    );
    let html = post(
        server.addr(),
        "/api/report?format=html",
        "application/toml",
        mission,
    );
    assert_eq!(html.status, 200);
    assert!(html.body.contains("<h2>Warnings</h2>"));
    assert!(
        html.body
            .contains(&format!("<li>{}</li>", escape_html(warning))),
        "{}",
        html.body
    );
}

#[test]
fn bad_input_answers_422_with_located_problems() {
    let server = start();
    let bad = "[mission]\nname = \"x\"\n[evidence.senior-leadership-cohesion]\nrating = \"hgh\"\n";
    let a = post(server.addr(), "/api/assess", "application/toml", bad);
    assert_eq!(a.status, 422);
    assert_eq!(a.content_type, "application/json");
    let p = &a.json()["problems"];
    assert_eq!(
        p,
        &serde_json::json!([{
            "line": 4,
            "column": 10,
            "path": "evidence.senior-leadership-cohesion.rating",
            "message": "unknown word `hgh`; expected one of none, low, partial, high, full, unknown, not-applicable; did you mean `high`?"
        }])
    );
    // Every problem of the file, each with the four keys.
    let two = "[mission]\nname = \"x\"\n[context]\nmandate = \"multidimensionnal\"\n[evidence.nope]\nrating = \"high\"\n";
    let a = post(server.addr(), "/api/plan", "application/toml", two);
    assert_eq!(a.status, 422);
    let problems = a.json()["problems"].as_array().unwrap().clone();
    assert_eq!(problems.len(), 2, "{problems:?}");
    for p in &problems {
        for k in ["line", "column", "path", "message"] {
            assert!(p.get(k).is_some(), "{k} missing in {p}");
        }
        assert!(p["line"].as_u64().unwrap() > 0);
    }
    // JSON input, and text that is not a mission at all.
    let a = post(
        server.addr(),
        "/api/assess",
        "application/json",
        "{\"mission\": {\"name\": 3}}",
    );
    assert_eq!(a.status, 422, "{}", a.body);
    assert!(a.json()["problems"][0]["message"].is_string());
    let a = post(
        server.addr(),
        "/api/robustness",
        "application/json",
        "not json",
    );
    assert_eq!(a.status, 422);
    let a = request(
        server.addr(),
        "POST",
        "/api/assess",
        Some("application/toml"),
        &[0xff, 0xfe],
    );
    assert_eq!(a.status, 422);
    assert_eq!(
        a.json()["problems"][0]["message"],
        "the body is not UTF-8 text"
    );
}

#[test]
fn limits_routes_and_methods() {
    let server = start();
    let addr = server.addr();
    // Over the size limit: answered 413 without reading it all.
    let big = vec![b'#'; MAX_INPUT_BYTES + 1];
    let a = request(addr, "POST", "/api/assess", Some("application/toml"), &big);
    assert_eq!(a.status, 413, "{}", a.body);
    // Exactly at the limit is read (and is a comment, so no mission name).
    let mut at = vec![b'#'; MAX_INPUT_BYTES];
    at[MAX_INPUT_BYTES - 1] = b'\n';
    assert_eq!(
        request(addr, "POST", "/api/assess", Some("application/toml"), &at).status,
        422
    );
    // A streamed body without a length is cut at the limit too.
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"POST /api/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/toml\r\nTransfer-Encoding: chunked\r\n\r\n").unwrap();
    let chunk = format!("{:x}\r\n{}\r\n", 1 << 20, "#".repeat(1 << 20));
    for _ in 0..5 {
        if s.write_all(chunk.as_bytes()).is_err() {
            break;
        }
    }
    assert_eq!(read_answer(&mut s).status, 413);

    assert_eq!(post(addr, "/api/assess", "text/plain", "x").status, 415);
    let a = request(addr, "GET", "/nowhere", None, b"");
    assert_eq!(a.status, 404);
    assert!(a.json()["error"].is_string());
    assert_eq!(request(addr, "GET", "/api/assess", None, b"").status, 405);
    assert_eq!(request(addr, "GET", "/api/panel", None, b"").status, 405);
    assert_eq!(post(addr, "/api/panel", "text/plain", "x").status, 415);
    assert_eq!(
        post(addr, "/api/rulebook", "application/json", "{}").status,
        405
    );
    assert_eq!(request(addr, "DELETE", "/api/plan", None, b"").status, 405);
    assert_eq!(
        post(
            addr,
            "/api/report?format=pdf",
            "application/toml",
            SAMPLES[0].1
        )
        .status,
        400
    );
}

#[test]
fn the_page_is_served_with_a_strict_policy() {
    let server = start();
    let a = request(server.addr(), "GET", "/", None, b"");
    assert_eq!(a.status, 200);
    assert_eq!(a.content_type, "text/html; charset=utf-8");
    assert!(a.body.contains("<script src=\"/app.js\""));
    for (path, ctype) in [("/app.js", "text/javascript"), ("/app.css", "text/css")] {
        let a = request(server.addr(), "GET", path, None, b"");
        assert_eq!(a.status, 200);
        assert!(a.content_type.starts_with(ctype));
    }
    let mut s = TcpStream::connect(server.addr()).unwrap();
    s.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut raw = String::new();
    let _ = s.read_to_string(&mut raw);
    assert!(raw.contains("content-security-policy: default-src 'none'; script-src 'self'"));
    assert!(raw.contains("x-content-type-options: nosniff"));
}

#[test]
fn only_loopback_host_names_are_served_on_a_loopback_address() {
    let server = start();
    let mut s = TcpStream::connect(server.addr()).unwrap();
    s.write_all(
        b"GET /api/mission HTTP/1.1\r\nHost: rebound.example:8080\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    let a = read_answer(&mut s);
    assert_eq!(a.status, 403);
    assert!(a.json()["error"].is_string());
    let port = server.addr().port();
    for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}")] {
        let mut s = TcpStream::connect(server.addr()).unwrap();
        s.write_all(
            format!("GET /api/mission HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(read_answer(&mut s).status, 200, "{host}");
    }
}

#[test]
fn start_mission_is_served_as_json() {
    let rb = Rulebook::oslo_2007();
    let m = Mission::from_toml(SAMPLES[2].1, SAMPLES[2].0, &rb).unwrap();
    let server = Server::start(
        "127.0.0.1:0".parse().unwrap(),
        State::new(rb, Some(&m)).unwrap(),
    )
    .unwrap();
    let a = request(server.addr(), "GET", "/api/mission", None, b"");
    assert_eq!(a.json(), value(&m.to_json().unwrap()));
    assert_eq!(
        request(start().addr(), "GET", "/api/mission", None, b"").body,
        "null"
    );
}

#[test]
fn saved_toml_loads_back_to_an_equal_mission() {
    let server = start();
    let rb = Rulebook::oslo_2007();
    for (name, text) in SAMPLES {
        let m = Mission::from_toml(text, name, &rb).unwrap();
        let a = post(
            server.addr(),
            "/api/mission/toml",
            "application/json",
            &m.to_json().unwrap(),
        );
        assert_eq!(a.status, 200, "{}", a.body);
        assert!(a.content_type.starts_with("application/toml"));
        assert_eq!(
            Mission::from_toml(&a.body, "saved.toml", &rb).unwrap(),
            m,
            "{name}"
        );
        let j = post(server.addr(), "/api/mission", "application/toml", text);
        assert_eq!(j.json(), value(&m.to_json().unwrap()));
    }
}

#[test]
fn reports_in_three_formats_with_user_text_escaped() {
    let server = start();
    let rb = Rulebook::oslo_2007();
    let text = format!(
        "{}\n[[entity]]\nname = \"<b>Bold</b> & co\"\nrole = \"donor\"\n",
        // Single-line notes only: a multi-line `"""` note keeps its quotes.
        SAMPLES[1]
            .1
            .replace("note = \"\"\"", "\u{1}")
            .replace("note = \"", "note = \"<script>alert(1)</script> ")
            .replace('\u{1}', "note = \"\"\"")
    );
    let m = Mission::from_toml(&text, "x.toml", &rb).unwrap();
    let a = post(
        server.addr(),
        "/api/report?format=markdown",
        "application/toml",
        &text,
    );
    assert_eq!(
        a.body,
        report::render(&brief(&m), report::Format::Markdown).unwrap()
    );
    let a = post(
        server.addr(),
        "/api/report?format=json",
        "application/toml",
        &text,
    );
    assert_eq!(
        a.json(),
        value(&report::render(&brief(&m), report::Format::Json).unwrap())
    );
    let a = post(
        server.addr(),
        "/api/report?format=html",
        "application/toml",
        &text,
    );
    assert_eq!(a.status, 200);
    assert!(a.content_type.starts_with("text/html"));
    assert!(
        !a.body.contains("<script"),
        "a script element in the report"
    );
    assert!(a.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(a.body.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; co"));
    assert!(a.body.contains("<svg"), "the chart is inline");
    assert!(a.body.contains("@page { size: A4"));
    assert!(!a.body.contains("src=\"http") && !a.body.contains("href=\"http"));
}

#[test]
fn a_slow_request_does_not_hold_up_the_others_and_is_cut_at_the_time_limit() {
    let state = State::new(Rulebook::oslo_2007(), None)
        .unwrap()
        .with_timeout(Duration::from_secs(2));
    let server = Server::start("127.0.0.1:0".parse().unwrap(), state).unwrap();
    // A client that announces a body and never sends it.
    let mut slow = TcpStream::connect(server.addr()).unwrap();
    slow.write_all(b"POST /api/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/toml\r\nContent-Length: 100\r\n\r\n[mission]")
        .unwrap();
    let t = Instant::now();
    let a = post(
        server.addr(),
        "/api/assess",
        "application/toml",
        SAMPLES[0].1,
    );
    assert_eq!(a.status, 200);
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    assert_eq!(read_answer(&mut slow).status, 503);
    server.stop().unwrap();
}

/// 8 concurrent clients send 2,000 `POST /api/assess` in all; none may fail.
/// Prints the throughput and the 99th percentile latency (BENCHMARKS.md).
#[test]
fn load_8_clients_2000_assessments() {
    const CLIENTS: usize = 8;
    const REQUESTS: usize = 2000;
    let server = start();
    let addr = server.addr();
    let body = SAMPLES[1].1;
    let t = Instant::now();
    let threads: Vec<_> = (0..CLIENTS)
        .map(|_| {
            std::thread::spawn(move || {
                (0..REQUESTS / CLIENTS)
                    .map(|_| {
                        let t = Instant::now();
                        let a = post(addr, "/api/assess", "application/toml", body);
                        (a.status, t.elapsed())
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut all: Vec<(u16, Duration)> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let wall = t.elapsed();
    assert_eq!(all.len(), REQUESTS);
    let failed = all.iter().filter(|(s, _)| *s != 200).count();
    assert_eq!(failed, 0, "{failed} requests failed");
    all.sort_by_key(|(_, d)| *d);
    let p50 = all[REQUESTS / 2].1;
    let p99 = all[REQUESTS * 99 / 100 - 1].1;
    println!(
        "load: {CLIENTS} clients, {REQUESTS} POST /api/assess in {:.2} s: {:.0} requests/s, p50 {:.1} ms, p99 {:.1} ms, none failed",
        wall.as_secs_f64(),
        REQUESTS as f64 / wall.as_secs_f64(),
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3
    );
    assert!(wall < Duration::from_secs(120), "took {wall:?}");
}

/// Text as the HTML report writes it: the five characters HTML gives a
/// meaning to, as entities.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The whole answer, status line and headers included, as text.
fn read_raw(s: &mut TcpStream) -> String {
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    String::from_utf8_lossy(&raw).into_owned()
}

#[test]
fn an_announced_body_over_the_limit_is_answered_413_at_once_and_readably() {
    // A long time limit: the answer must not wait for it.
    let state = State::new(Rulebook::oslo_2007(), None)
        .unwrap()
        .with_timeout(Duration::from_secs(30));
    let server = Server::start("127.0.0.1:0".parse().unwrap(), state).unwrap();
    let mut s = TcpStream::connect(server.addr()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let t = Instant::now();
    // 20 MB announced; the client sends 1 MB of it, then reads.
    s.write_all(
        b"POST /api/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/toml\r\nContent-Length: 20000000\r\n\r\n",
    )
    .unwrap();
    let _ = s.write_all(&vec![b'#'; 1 << 20]);
    let raw = read_raw(&mut s);
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert!(raw.starts_with("HTTP/1.1 413 "), "{raw:?}");
    let body = raw.split_once("\r\n\r\n").unwrap().1;
    let v = value(body);
    assert_eq!(
        v["error"],
        format!("the mission is over the limit of {MAX_INPUT_BYTES} bytes")
    );

    // Nothing of the body sent at all: answered just as fast.
    let mut s = TcpStream::connect(server.addr()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let t = Instant::now();
    s.write_all(
        b"POST /api/plan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/toml\r\nContent-Length: 20000000\r\n\r\n",
    )
    .unwrap();
    let raw = read_raw(&mut s);
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert!(raw.starts_with("HTTP/1.1 413 "), "{raw:?}");
    server.stop().unwrap();
}

#[test]
fn a_malformed_chunked_body_is_answered_400() {
    let server = start();
    let mut s = TcpStream::connect(server.addr()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    // `zz` is no chunk size.
    s.write_all(b"POST /api/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/toml\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n[mission]\r\n0\r\n\r\n")
        .unwrap();
    let a = read_answer(&mut s);
    assert_eq!(a.status, 400, "{}", a.body);
    assert!(
        a.json()["error"]
            .as_str()
            .unwrap()
            .starts_with("the body is not well-formed"),
        "{}",
        a.body
    );
    // A well-formed chunked body is read.
    let mut s = TcpStream::connect(server.addr()).unwrap();
    let body = SAMPLES[0].1;
    s.write_all(format!("POST /api/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/toml\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{body}\r\n0\r\n\r\n", body.len()).as_bytes())
        .unwrap();
    assert_eq!(read_answer(&mut s).status, 200);
}

#[test]
fn analyses_beyond_the_slots_are_answered_503_with_retry_after() {
    let state = State::new(Rulebook::oslo_2007(), None)
        .unwrap()
        .with_max_concurrent(0);
    let server = Server::start("127.0.0.1:0".parse().unwrap(), state).unwrap();
    let mut s = TcpStream::connect(server.addr()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let body = SAMPLES[0].1;
    let t = Instant::now();
    s.write_all(format!("POST /api/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/toml\r\nContent-Length: {}\r\n\r\n{body}", body.len()).as_bytes())
        .unwrap();
    let raw = read_raw(&mut s);
    assert!(raw.starts_with("HTTP/1.1 503 "), "{raw:?}");
    assert!(
        raw.lines()
            .any(|l| l.eq_ignore_ascii_case("retry-after: 1")),
        "{raw:?}"
    );
    // After the wait for a slot, well within the request time limit.
    assert!(
        t.elapsed() >= Duration::from_millis(1900),
        "{:?}",
        t.elapsed()
    );
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
    // What needs no analysis is still served.
    assert_eq!(
        request(server.addr(), "GET", "/api/rulebook", None, b"").status,
        200
    );
    server.stop().unwrap();
}

#[test]
fn one_slot_serves_requests_one_after_another() {
    let state = State::new(Rulebook::oslo_2007(), None)
        .unwrap()
        .with_max_concurrent(1);
    let server = Server::start("127.0.0.1:0".parse().unwrap(), state).unwrap();
    let addr = server.addr();
    let clients: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(move || {
                post(addr, "/api/assess", "application/toml", SAMPLES[0].1).status
            })
        })
        .collect();
    for c in clients {
        assert_eq!(c.join().unwrap(), 200);
    }
    server.stop().unwrap();
}

/// `{"missions": [{"file", "text"}]}` for the panel route.
fn assessors_body(files: &[(&str, &str)]) -> String {
    let missions: Vec<Value> = files
        .iter()
        .map(|(file, text)| serde_json::json!({ "file": file, "text": text }))
        .collect();
    serde_json::json!({ "missions": missions }).to_string()
}

#[test]
fn a_panel_of_assessors_is_answered_with_the_panel_and_the_settled_mission() {
    let server = start();
    let base = SAMPLES[1].1;
    // Two assessors who differ on one factor: the second puts senior
    // leadership cohesion at the other end of the scale.
    let other = base.replace("[mission]\n", "[mission]\nassessor = \"Headquarters\"\n");
    let factor = "senior-leadership-cohesion";
    let rb = Rulebook::oslo_2007();
    let m = Mission::from_toml(base, "a.toml", &rb).unwrap();
    let f = rb.factor_index(factor).unwrap();
    let theirs = m.rating(f).unwrap();
    let changed = Rating::SCALE[if theirs.step() == Some(0) { 4 } else { 0 }];
    let mut m2 = Mission::from_toml(&other, "b.toml", &rb).unwrap();
    m2.set_rating(f, changed);
    let other = m2.to_toml().unwrap();
    let a = post(
        server.addr(),
        "/api/assessors",
        "application/json",
        &assessors_body(&[("a.toml", base), ("b.toml", &other)]),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let v = a.json();
    let names: Vec<&str> = v["panel"]["assessors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert_eq!(names, ["assessor 1", "Headquarters"]);
    let disputed: Vec<&str> = v["panel"]["discuss"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["factor"].as_str().unwrap())
        .collect();
    assert_eq!(disputed, [factor]);
    // The settled mission loads back as a mission of the same name, with
    // the cautious middle of the two ratings.
    let settled = Mission::from_json(&v["settled"].to_string(), "s.json", &rb).unwrap();
    assert_eq!(settled.name(), m.name());
    let lower = if theirs.step() < changed.step() {
        theirs
    } else {
        changed
    };
    assert_eq!(settled.rating(f), Some(lower));
    server.stop().unwrap();
}

#[test]
fn a_panel_with_a_broken_file_names_the_file_of_each_problem() {
    let server = start();
    let broken =
        "[mission]\nname = \"M\"\n[evidence.senior-leadership-cohesion]\nrating = \"hgh\"\n";
    let a = post(
        server.addr(),
        "/api/assessors",
        "application/json",
        &assessors_body(&[("good.toml", SAMPLES[1].1), ("broken.toml", broken)]),
    );
    assert_eq!(a.status, 422, "{}", a.body);
    let p = &a.json()["problems"][0];
    assert_eq!(p["file"], "broken.toml");
    assert_eq!(
        (p["line"].as_u64(), p["column"].as_u64()),
        (Some(4), Some(10))
    );
    assert_eq!(p["path"], "evidence.senior-leadership-cohesion.rating");
    // One mission is not a panel; TOML is not the panel's body.
    let one = post(
        server.addr(),
        "/api/assessors",
        "application/json",
        &assessors_body(&[("a.toml", SAMPLES[1].1)]),
    );
    assert_eq!(one.status, 422);
    assert!(
        one.json()["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("from 2 to 64 missions")
    );
    let toml = post(
        server.addr(),
        "/api/assessors",
        "application/toml",
        SAMPLES[1].1,
    );
    assert_eq!(toml.status, 415);
    let shape = post(
        server.addr(),
        "/api/assessors",
        "application/json",
        "{\"files\": []}",
    );
    assert_eq!(shape.status, 422);
    server.stop().unwrap();
}

#[test]
fn a_mission_over_a_limit_answers_422_with_the_item_past_it() {
    let server = start();
    // 1,001 entities, three lines each after the two of `[mission]`: the
    // 1001st header is on line 3 + 3 * 1000.
    let mut text = String::from("[mission]\nname = \"x\"\n");
    for k in 1..=1001 {
        text.push_str(&format!("[[entity]]\nname = \"e{k}\"\nrole = \"ngo\"\n"));
    }
    let a = post(server.addr(), "/api/assess", "application/toml", &text);
    assert_eq!(a.status, 422, "{}", a.body);
    assert_eq!(
        a.json()["problems"],
        serde_json::json!([{
            "line": 3003,
            "column": 1,
            "path": "entity[1001]",
            "message": "1001 entities, more than a mission may hold; those past the 1000th are not read; expected at most 1000 [[entity]] tables"
        }])
    );
}

#[test]
fn a_panels_file_names_are_bounded() {
    let server = start();
    let long = "a".repeat(256);
    let a = post(
        server.addr(),
        "/api/assessors",
        "application/json",
        &assessors_body(&[(&long, SAMPLES[1].1), ("b.toml", SAMPLES[1].1)]),
    );
    assert_eq!(a.status, 422, "{}", a.body);
    assert!(
        a.json()["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("a file name of 256 characters; a file name may have at most 255")
    );
    server.stop().unwrap();
}
