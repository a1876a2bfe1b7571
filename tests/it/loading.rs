//! Loading: one test per class of bad input, each pinning the error text,
//! and lossless round trips.

use crate::fixtures::{TINY, tiny};
use integration_readiness::{Error, Mission, Rulebook};

fn mission_err(text: &str) -> String {
    match Mission::from_toml(text, "m.toml", &tiny()) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(e) => e.to_string(),
    }
}

/// The problems of a bare rulebook: `empty` (top-level keys, such as
/// `factor = []`), the header, two levels (`apart`, and `one` with
/// `threshold`), then `tables`.
fn bare_rulebook_err(empty: &str, threshold: &str, tables: &str) -> String {
    let text = format!(
        "{empty}[rulebook]\nid = \"none\"\ntitle = \"None\"\nversion = \"1\"\n\n\
         [[level]]\nid = \"apart\"\ntitle = \"Apart\"\nmeaning = \"apart\"\n\n\
         [[level]]\nid = \"one\"\ntitle = \"One\"\nmeaning = \"one\"\nthreshold = {threshold}\n\n{tables}"
    );
    Rulebook::from_toml(&text, "rb.toml")
        .unwrap_err()
        .to_string()
}

/// The tiny rulebook with one edit, which must apply.
fn rulebook_err(from: &str, to: &str) -> String {
    let text = TINY.replacen(from, to, 1);
    assert_ne!(text, TINY, "edit {from:?} did not apply");
    match Rulebook::from_toml(&text, "rb.toml") {
        Ok(_) => panic!("accepted edit {from:?} -> {to:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn malformed_toml_reports_every_syntax_error() {
    assert_eq!(
        mission_err("[mission]\nname = \"x\nfoo"),
        "m.toml:2:10: mission.name: invalid basic string; expected `\"`\n\
         m.toml:3:4: (document): key with no value; expected `=`"
    );
}

#[test]
fn unknown_field_is_an_error_with_suggestion() {
    assert_eq!(
        mission_err("[mission]\nnam = \"x\"\n"),
        "m.toml:1:1: mission: missing key `name`; expected `name` to be given\n\
         m.toml:2:1: mission.nam: unknown key `nam`; expected one of name, date, description, assessor; did you mean `name`?"
    );
}

#[test]
fn unknown_top_level_table_is_an_error() {
    assert_eq!(
        mission_err("[mission]\nname = \"x\"\n[evidense.e1]\nrating = \"low\"\n"),
        "m.toml:3:2: evidense: unknown key `evidense`; expected one of mission, context, evidence, effort, entity; did you mean `evidence`?"
    );
}

#[test]
fn unknown_factor_id_names_the_nearest() {
    assert_eq!(
        mission_err("[mission]\nname = \"x\"\n[evidence.e11]\nrating = \"low\"\n"),
        "m.toml:3:11: evidence.e11: unknown factor `e11`; expected a factor id of rulebook `tiny` (see the factor reference); did you mean `e1`?"
    );
}

#[test]
fn bad_rating_words_are_all_reported() {
    assert_eq!(
        mission_err(
            "[mission]\nname = \"x\"\n[evidence.e1]\nrating = \"mostly\"\n[evidence.e2]\nrating = \"hgh\"\n"
        ),
        "m.toml:4:10: evidence.e1.rating: unknown word `mostly`; expected one of none, low, partial, high, full, unknown, not-applicable\n\
         m.toml:6:10: evidence.e2.rating: unknown word `hgh`; expected one of none, low, partial, high, full, unknown, not-applicable; did you mean `high`?"
    );
}

#[test]
fn bad_context_role_and_level_are_all_reported() {
    assert_eq!(
        mission_err(
            "[mission]\nname = \"x\"\n[context]\nmode = \"bigg\"\ncolour = \"red\"\n[[entity]]\nname = \"a\"\nrole = \"hu\"\ncurrent = { a = \"midd\" }\n"
        ),
        "m.toml:4:8: context.mode: `mode` cannot be \"bigg\"; expected one of \"small\", \"big\"; did you mean `big`?\n\
         m.toml:5:10: context.colour: unknown context key `colour`; expected one of mode, flag\n\
         m.toml:8:8: the 1st [[entity]], role: unknown role `hu`; expected one of hum, dev; did you mean `hum`?\n\
         m.toml:9:17: the 1st [[entity]], current.a: unknown level `midd`; expected one of apart, mid, top; did you mean `mid`?"
    );
}

#[test]
fn wrong_type_bare_date_and_missing_key() {
    assert_eq!(
        mission_err("[mission]\nname = 3\n"),
        "m.toml:2:8: mission.name: name is text in quotes: \"3\""
    );
    assert_eq!(
        mission_err("[mission]\nname = \"x\"\ndate = 2007-10-29\n"),
        "m.toml:3:8: mission.date: a bare TOML date is not accepted here; expected a date in quotes, such as \"2007-10-29\""
    );
    assert_eq!(
        mission_err("[mission]\nname = \"x\"\ndate = \"2007-02-30\"\n"),
        "m.toml:3:8: mission.date: `2007-02-30` is not a date; expected a date written YYYY-MM-DD"
    );
    assert_eq!(
        mission_err("[context]\nmode = \"big\"\n"),
        "m.toml:1:1: (document): missing key `mission`; expected `mission` to be given"
    );
}

#[test]
fn negative_and_nan_weights() {
    assert_eq!(
        rulebook_err("weights = { a = 2.0 }", "weights = { a = -2.0 }"),
        "rb.toml:70:17: the 1st [[factor]], weights.a: weight -2 is not allowed; expected a finite number from 0 to 1e9"
    );
    assert_eq!(
        rulebook_err("weights = { a = 2.0 }", "weights = { a = nan }"),
        "rb.toml:70:17: the 1st [[factor]], weights.a: weight NaN is not allowed; expected a finite number from 0 to 1e9"
    );
    assert_eq!(
        rulebook_err("weights = { a = 2.0 }", "weights = { a = 1e300 }"),
        "rb.toml:70:17: the 1st [[factor]], weights.a: weight 1e300 is not allowed; expected a finite number from 0 to 1e9"
    );
    assert_eq!(
        rulebook_err("weights = { a = 2.0 }", "weights = { a = inf }"),
        "rb.toml:70:17: the 1st [[factor]], weights.a: weight inf is not allowed; expected a finite number from 0 to 1e9"
    );
}

#[test]
fn effort_costs_are_above_zero_and_at_most_1e9() {
    let bad = |v: &str, shown: &str| {
        assert_eq!(
            rulebook_err("low = 1.0", &format!("low = {v}")),
            format!(
                "rb.toml:8:7: effort-cost.low: effort cost {shown} is not allowed; expected a number above 0, at most 1e9"
            )
        );
    };
    bad("0.0", "0");
    bad("-1.0", "-1");
    bad("nan", "NaN");
    bad("inf", "inf");
    bad("2e9", "2e9");
    // The largest allowed, and a tiny positive cost, are read.
    for ok in ["1e9", "0.001"] {
        let text = TINY.replacen("low = 1.0", &format!("low = {ok}"), 1);
        Rulebook::from_toml(&text, "rb.toml").unwrap();
    }
}

#[test]
fn thresholds_are_scores_from_0_to_100() {
    let bad = |v: &str, shown: &str| {
        assert_eq!(
            rulebook_err(
                "threshold = { a = 70.0, b = 70.0 }",
                &format!("threshold = {{ a = {v}, b = 70.0 }}")
            ),
            format!(
                "rb.toml:27:19: the 3rd [[level]], threshold.a: threshold {shown} is not allowed; expected a score from 0 to 100"
            )
        );
    };
    bad("150.0", "150");
    bad("100.5", "100.5");
    bad("nan", "NaN");
    bad("inf", "inf");
    // 100 itself is a score a dimension can reach.
    let text = TINY.replacen("a = 70.0, b = 70.0", "a = 100.0, b = 70.0", 1);
    Rulebook::from_toml(&text, "rb.toml").unwrap();
}

#[test]
fn a_threshold_for_an_undeclared_dimension_is_an_error() {
    let e = rulebook_err(
        "threshold = { a = 70.0, b = 70.0 }",
        "threshold = { a = 70.0, b = 70.0, z = 50.0 }",
    );
    assert!(
        e.starts_with(
            "rb.toml:27:39: the 3rd [[level]], threshold.z: unknown dimension `z`; expected"
        ),
        "{e}"
    );
    assert_eq!(e.lines().count(), 1, "{e}");
}

#[test]
fn every_dimension_at_weight_zero_is_an_error_and_no_dimension_is_another() {
    let text = TINY
        .replace(
            "default-target = \"mid\"\n",
            "default-target = \"mid\"\nweight = 0.0\n",
        )
        .replace(
            "default-target = \"apart\"\n",
            "default-target = \"apart\"\nweight = 0.0\n",
        );
    let e = Rulebook::from_toml(&text, "rb.toml")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains(
            "dimension: every dimension has weight 0; expected at least one dimension with a weight above 0"
        ),
        "{e}"
    );
    // One dimension with weight is enough.
    let text = TINY.replace(
        "default-target = \"mid\"\n",
        "default-target = \"mid\"\nweight = 0.0\n",
    );
    Rulebook::from_toml(&text, "rb.toml").unwrap();
    // With no dimension at all, that is the problem, not their weights.
    let e = bare_rulebook_err("dimension = []\ntheme = []\nfactor = []\n", "{}", "");
    assert!(e.contains("no dimension is declared"), "{e}");
    assert!(!e.contains("weight 0"), "{e}");
}

#[test]
fn a_factors_weight_or_reason_for_an_undeclared_dimension_is_an_error() {
    let e = rulebook_err("weights = { a = 2.0 }", "weights = { a = 2.0, z = 1.0 }");
    assert!(
        e.starts_with(
            "rb.toml:70:26: the 1st [[factor]], weights.z: unknown dimension `z`; expected one of a, b"
        ),
        "{e}"
    );
    let e = rulebook_err(
        "weight-reasons = { a = \"counts double on a\" }",
        "weight-reasons = { a = \"counts double on a\", z = \"why\" }",
    );
    assert!(
        e.starts_with(
            "rb.toml:71:50: the 1st [[factor]], weight-reasons.z: unknown dimension `z`; expected one of a, b"
        ),
        "{e}"
    );
}

#[test]
fn a_rating_guide_explains_rated_words_only() {
    for word in ["unknown", "not-applicable"] {
        let e = rulebook_err(
            "weights = { a = 2.0 }",
            &format!("weights = {{ a = 2.0 }}\nrating-guide = {{ {word} = \"no idea\" }}"),
        );
        assert!(
            e.contains(
                "the 1st [[factor]], rating-guide: the rating guide explains rated words only"
            ),
            "{e}"
        );
    }
    // A guide to the rated words is read.
    let text = TINY.replacen(
        "weights = { a = 2.0 }",
        "weights = { a = 2.0 }\nrating-guide = { none = \"absent\", full = \"in place\" }",
        1,
    );
    Rulebook::from_toml(&text, "rb.toml").unwrap();
}

#[test]
fn a_rulebook_without_factors_says_so_and_nothing_about_their_weights() {
    let e = bare_rulebook_err(
        "factor = []\n",
        "{ x = 50.0 }",
        "[[dimension]]\nid = \"x\"\ntitle = \"X\"\ndefault-target = \"apart\"\n\n\
         [[theme]]\nid = \"t\"\ntitle = \"T\"\n",
    );
    assert!(e.contains("factor: no factor is declared"), "{e}");
    assert!(!e.contains("sum to zero"), "{e}");
}

#[test]
fn the_lowest_level_cannot_have_a_gate() {
    assert_eq!(
        rulebook_err(
            "level = \"top\"\ndimensions = [\"a\"]",
            "level = \"apart\"\ndimensions = [\"a\"]"
        ),
        "rb.toml:101:9: the 1st [[gate]], level: the lowest level cannot have a gate; expected a level above the first"
    );
}

#[test]
fn zero_total_weight_on_a_dimension() {
    let text = TINY
        .replace(
            "weights = { a = 2.0 }\nweight-reasons = { a = \"counts double on a\" }",
            "weights = { a = 2.0, b = 0.0 }\nweight-reasons = { a = \"x\", b = \"y\" }",
        )
        .replace(
            "remedy = \"lower b1\"",
            "remedy = \"lower b1\"\nweights = { b = 0.0 }\nweight-reasons = { b = \"z\" }",
        );
    let e = Rulebook::from_toml(&text, "rb.toml")
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "rb.toml:34:1: the 2nd [[dimension]]: the factors' weights on `b` sum to zero; expected at least one factor with a weight above 0 on each dimension"
    );
}

#[test]
fn a_weight_off_the_default_needs_a_reason() {
    assert_eq!(
        rulebook_err("weight-reasons = { a = \"counts double on a\" }\n", ""),
        "rb.toml:63:1: the 1st [[factor]], weight-reasons: weight 2 on `a` differs from the default 1 but has no reason; expected weight-reasons.a = \"why\""
    );
}

#[test]
fn duplicate_id() {
    assert_eq!(
        rulebook_err("id = \"e2\"", "id = \"e1\""),
        "rb.toml:77:6: the 2nd [[factor]], id: duplicate id `e1`, first used at the 1st [[factor]]"
    );
}

#[test]
fn non_increasing_thresholds() {
    assert_eq!(
        rulebook_err(
            "threshold = { a = 70.0, b = 70.0 }",
            "threshold = { a = 30.0, b = 70.0 }"
        ),
        "rb.toml:27:19: the 3rd [[level]], threshold.a: threshold 30 of `top` does not increase: `mid` below it needs 40; expected a score above 40"
    );
}

#[test]
fn dangling_references_in_gates_and_rules() {
    assert_eq!(
        rulebook_err("factor = \"e1\"\nat-least", "factor = \"e11\"\nat-least"),
        "rb.toml:103:10: the 1st [[gate]], factor: unknown factor `e11`; expected one of b1, e1, e2; did you mean `e1`?"
    );
    assert_eq!(
        rulebook_err("at-least = \"top\"", "at-least = \"tops\""),
        "rb.toml:112:12: the 1st [[rule]], at-least: unknown level `tops`; expected one of apart, mid, top; did you mean `top`?"
    );
    assert_eq!(
        rulebook_err("when = { mode = \"big\" }", "when = { mood = \"big\" }"),
        "rb.toml:110:17: the 1st [[rule]], when.mood: unknown context key `mood`; expected one of flag, mode; did you mean `mode`?"
    );
    assert_eq!(
        rulebook_err("when = { mode = \"big\" }", "when = { mode = \"huge\" }"),
        "rb.toml:110:17: the 1st [[rule]], when.mode: `mode` has no value \"huge\"; expected one of \"small\", \"big\""
    );
}

#[test]
fn a_gate_on_an_enabler_cannot_use_at_most() {
    assert_eq!(
        rulebook_err("at-least = \"high\"", "at-most = \"high\""),
        "rb.toml:104:11: the 1st [[gate]], at-most: `e1` is an enabler, so its gate cannot use at-most; expected at-least for an enabler"
    );
}

#[test]
fn a_long_citation_phrase() {
    assert_eq!(
        rulebook_err(
            "phrase = \"first\" }\n\n[[factor]]",
            "phrase = \"one two three four five six seven eight nine\" }\n\n[[factor]]"
        ),
        "rb.toml:74:56: the 1st [[factor]], citation.phrase: locating phrase has 9 words; expected 1 to 8 words"
    );
}

#[test]
fn huge_input_is_refused_before_parsing() {
    let text = "#".repeat(integration_readiness::MAX_INPUT_BYTES + 1);
    match Rulebook::from_toml(&text, "big.toml") {
        Err(Error::TooLarge { len, limit, .. }) => {
            assert_eq!(len, Some(limit + 1));
        }
        other => panic!("{other:?}"),
    }
}

/// A reader that yields `left` bytes of `#` and then ends, counting what
/// was asked of it.
struct Hashes {
    left: usize,
    given: usize,
}

impl std::io::Read for Hashes {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.left);
        buf[..n].fill(b'#');
        self.left -= n;
        self.given += n;
        Ok(n)
    }
}

#[test]
fn a_long_stream_is_refused_after_the_limit_and_one_byte() {
    let limit = integration_readiness::MAX_INPUT_BYTES;
    let mut fifty_mb = Hashes {
        left: 50_000_000,
        given: 0,
    };
    let e = integration_readiness::read_limited(&mut fifty_mb, "<stdin>").unwrap_err();
    assert!(matches!(e, Error::TooLarge { len: None, .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "<stdin>: more than 4194304 bytes; the limit for one file is 4194304 bytes"
    );
    assert_eq!(fifty_mb.given, limit + 1, "read past the limit");
}

#[test]
fn a_stream_at_the_limit_is_read_whole() {
    let limit = integration_readiness::MAX_INPUT_BYTES;
    let text = integration_readiness::read_limited(
        Hashes {
            left: limit,
            given: 0,
        },
        "at-limit.toml",
    )
    .unwrap();
    assert_eq!(text.len(), limit);
    assert!(Rulebook::from_toml(&text, "at-limit.toml").is_err());
}

#[test]
fn a_stream_that_is_not_utf8_names_the_byte() {
    let e = integration_readiness::read_limited(&b"[mission]\nname = \"caf\xe9\"\n"[..], "m.toml")
        .unwrap_err();
    // The reason is the error's source, shown once in the chain.
    assert_eq!(e.to_string(), "m.toml: cannot read");
    let source = std::error::Error::source(&e).map(ToString::to_string);
    assert_eq!(
        source.as_deref(),
        Some("not UTF-8 text (byte 22 is not part of a character)")
    );
}

#[cfg(unix)]
#[test]
fn devices_are_refused_without_opening_them() {
    let e = Rulebook::from_path("/dev/zero").unwrap_err();
    assert_eq!(
        e.to_string(),
        "/dev/zero: this is a device, not a regular file; expected a regular file, or `-` for standard input"
    );
    let e = Mission::from_path("/dev/null", &tiny()).unwrap_err();
    assert!(
        matches!(
            &e,
            Error::NotAFile {
                kind: "a device",
                ..
            }
        ),
        "{e:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = std::env::temp_dir().join(format!("ir-fifo-lib-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("m.toml");
    let _ = std::fs::remove_file(&fifo);
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available: skipped");
        return;
    }
    // Opening the pipe would wait for ever for a writer: it is refused first.
    let e = Mission::from_path(&fifo, &tiny()).unwrap_err();
    let e2 = Rulebook::from_path(&fifo).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        e.to_string(),
        format!(
            "{}: this is a named pipe, not a regular file; expected a regular file, or `-` for standard input",
            fifo.display()
        )
    );
    assert!(
        matches!(
            e2,
            Error::NotAFile {
                kind: "a named pipe",
                ..
            }
        ),
        "{e2:?}"
    );
}

#[test]
fn a_missing_file_names_the_file_and_the_reason() {
    let e = Rulebook::from_path("no/such/rulebook.toml").unwrap_err();
    assert!(matches!(e, Error::Io { .. }));
    assert_eq!(e.to_string(), "no/such/rulebook.toml: cannot read");
    // The system's reason, once: in the source, not in the message too.
    let reason = std::error::Error::source(&e).expect("a reason").to_string();
    assert!(!reason.is_empty() && !e.to_string().contains(&reason));
}

#[test]
fn mission_round_trips_through_toml_and_json() {
    let rb = tiny();
    let text = r#"
[mission]
name = "Round trip"
date = "2008-01-31"
description = "with \"quotes\" and\nnewlines"

[context]
mode = "big"
flag = false

[evidence.e1]
rating = "partial"
note = "a note"
sources = ["review 2007", "interviews"]

[evidence.b1]
rating = "not-applicable"

[effort]
e2 = "low"

[[entity]]
name = "OCHA"
role = "hum"
current = { a = "mid" }
note = "keeps distance"
"#;
    let m = Mission::from_toml(text, "m.toml", &rb).unwrap();
    let again = Mission::from_toml(&m.to_toml().unwrap(), "again.toml", &rb).unwrap();
    assert_eq!(again, m);
    let json = Mission::from_json(&m.to_json().unwrap(), "m.json", &rb).unwrap();
    assert_eq!(json, m);
    assert_eq!(m.data().evidence["e1"].sources.len(), 2);
}

#[test]
fn rulebook_round_trips_through_toml_and_json() {
    let rb = tiny();
    let again = Rulebook::from_toml(&rb.to_toml().unwrap(), "again.toml").unwrap();
    assert_eq!(again, rb);
    let json = Rulebook::from_json(&rb.to_json().unwrap(), "rb.json").unwrap();
    assert_eq!(json, rb);
}

#[test]
fn json_errors_carry_line_and_path() {
    let rb = tiny();
    let e = Mission::from_json(
        "{\"mission\": {\"name\": \"x\"}, \"evidence\": {\"e11\": {\"rating\": \"low\"}}}",
        "m.json",
        &rb,
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        e,
        "m.json:1:41: evidence.e11: unknown factor `e11`; expected a factor id of rulebook `tiny` (see the factor reference); did you mean `e1`?"
    );
    let json_err = |text: &str| {
        Mission::from_json(text, "m.json", &rb)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        json_err("{\"mission\": {\"name\": 1}}"),
        "m.json:1:22: mission.name: name is text in quotes: \"1\""
    );
    assert_eq!(
        json_err(
            "{\"mission\": {\"name\": \"x\"},\n \"evidence\": {\"e1\": {\"rating\": \"hgh\"}}}"
        ),
        "m.json:2:32: evidence.e1.rating: unknown word `hgh`; expected one of none, low, partial, high, full, unknown, not-applicable; did you mean `high`?"
    );
    assert_eq!(
        json_err("{\"mission\": {\"name\": \"x\"},\n \"evidence\": {\"e1\": {\"rating\": 3}}}"),
        "m.json:2:32: evidence.e1.rating: a rating is a word such as \"high\", not a number"
    );
    assert_eq!(
        json_err("{\"mission\": {\"nam\": \"x\"}}"),
        "m.json:1:13: mission: missing key `name`; expected `name` to be given\n\
         m.json:1:14: mission.nam: unknown key `nam`; expected one of name, date, description, assessor; did you mean `name`?"
    );
    assert_eq!(
        json_err(
            "{\"mission\": {\"name\": \"x\"},\n \"entity\": [{\"name\": \"a\", \"role\": \"hum\"},\n  {\"name\": \"b\", \"role\": \"hu\"}]}"
        ),
        "m.json:3:25: the 2nd [[entity]], role: unknown role `hu`; expected one of hum, dev; did you mean `hum`?"
    );
}

#[test]
fn shape_and_meaning_problems_of_a_mission_are_reported_together() {
    // entity[1] is malformed (an unknown key, and so no name, as for
    // [mission]) and set aside; the meaning of the rest is still checked,
    // and reported at the right items and lines.
    assert_eq!(
        mission_err(
            "[mission]\nname = \"x\"\n[[entity]]\nnam = \"a\"\nrole = \"hum\"\n[[entity]]\nname = \"b\"\nrole = \"hu\"\n[[entity]]\nname = \"c\"\nrole = \"hum\"\ncurrent = { a = \"midd\" }\n"
        ),
        "m.toml:3:1: the 1st [[entity]]: missing key `name`; expected `name` to be given\n\
         m.toml:4:1: the 1st [[entity]], nam: unknown key `nam`; expected one of name, role, current, note; did you mean `name`?\n\
         m.toml:8:8: the 2nd [[entity]], role: unknown role `hu`; expected one of hum, dev; did you mean `hum`?\n\
         m.toml:12:17: the 3rd [[entity]], current.a: unknown level `midd`; expected one of apart, mid, top; did you mean `mid`?"
    );
}

#[test]
fn every_malformed_item_is_reported() {
    // Three malformed entities out of four: each is reported, at its place,
    // with both of its problems (no name, an unknown key).
    let text = "[mission]\nname = \"x\"\n[[entity]]\nnam = \"a\"\nrole = \"hum\"\n[[entity]]\nname = \"b\"\nrole = \"hum\"\n[[entity]]\nnam = \"c\"\nrole = \"hum\"\n[[entity]]\nnam = \"d\"\nrole = \"hum\"\n";
    let e = mission_err(text);
    let paths: Vec<&str> = e.lines().map(|l| l.split(": ").nth(1).unwrap()).collect();
    assert_eq!(
        paths,
        [
            "the 1st [[entity]]",
            "the 1st [[entity]], nam",
            "the 3rd [[entity]]",
            "the 3rd [[entity]], nam",
            "the 4th [[entity]]",
            "the 4th [[entity]], nam"
        ]
    );
}

#[test]
fn a_malformed_optional_key_does_not_hide_other_problems() {
    assert_eq!(
        mission_err(
            "[mission]\nname = \"x\"\ndate = 2007-10-29\n[evidence.e9]\nrating = \"low\"\n"
        ),
        "m.toml:3:8: mission.date: a bare TOML date is not accepted here; expected a date in quotes, such as \"2007-10-29\"\n\
         m.toml:4:11: evidence.e9: unknown factor `e9`; expected a factor id of rulebook `tiny` (see the factor reference)"
    );
}

#[test]
fn a_context_value_of_the_wrong_type() {
    assert_eq!(
        mission_err("[mission]\nname = \"x\"\n[context]\nmode = 3\n"),
        "m.toml:4:8: context.mode: not a context value; expected a word in quotes, or true or false, as the rulebook declares"
    );
}

#[test]
fn json_duplicate_keys_are_errors_not_silently_dropped() {
    let rb = tiny();
    let e = Mission::from_json(
        r#"{"mission": {"name": "x"}, "evidence": {"e1": {"rating": "high"}, "e1": {"rating": "none"}}}"#,
        "m.json",
        &rb,
    )
    .unwrap_err()
    .to_string();
    assert!(e.starts_with("m.json:1:"), "{e}");
    assert!(e.contains("duplicate key `e1`"), "{e}");
}

#[test]
fn a_json_file_is_read_as_json_by_its_name() {
    let rb = tiny();
    let m = Mission::from_toml(
        "[mission]\nname = \"By name\"\n[evidence.e1]\nrating = \"low\"\n",
        "m.toml",
        &rb,
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("ir-loading-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("mission.json");
    std::fs::write(&json, m.to_json().unwrap()).unwrap();
    assert_eq!(Mission::from_path(&json, &rb).unwrap(), m);
    // Without a telling name, a text that starts with `{` is JSON.
    let bare = dir.join("mission");
    std::fs::write(&bare, m.to_json().unwrap()).unwrap();
    assert_eq!(Mission::from_path(&bare, &rb).unwrap(), m);
    let rb_json = dir.join("rulebook.json");
    std::fs::write(&rb_json, rb.to_json().unwrap()).unwrap();
    assert_eq!(Rulebook::from_path(&rb_json).unwrap(), rb);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A mission with `n` evidence tables made by `entry(i)`.
fn many(n: usize, entry: impl Fn(usize) -> String) -> String {
    let mut text = String::from("[mission]\nname = \"x\"\n");
    for i in 0..n {
        text.push_str(&entry(i));
    }
    text
}

#[test]
fn many_bad_words_are_listed_in_file_order_then_counted() {
    // 300 tables, each with an unknown id and a bad word: 600 problems.
    let text = many(300, |i| format!("[evidence.e1{i}]\nrating = \"hgh\"\n"));
    let shown = mission_err(&text);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 201, "{shown}");
    let hgh = "unknown word `hgh`; expected one of none, low, partial, high, full, unknown, not-applicable; did you mean `high`?";
    assert_eq!(
        lines[0],
        "m.toml:3:11: evidence.e10: unknown factor `e10`; expected a factor id of rulebook `tiny` (see the factor reference); did you mean `e1`?"
    );
    assert_eq!(lines[1], format!("m.toml:4:10: evidence.e10.rating: {hgh}"));
    assert_eq!(lines[3], format!("m.toml:6:10: evidence.e11.rating: {hgh}"));
    assert_eq!(
        lines[199],
        format!("m.toml:202:10: evidence.e199.rating: {hgh}")
    );
    assert_eq!(lines[200], "and 400 more problems");
}

#[test]
fn many_unknown_ids_are_listed_in_file_order_then_counted() {
    let text = many(300, |i| format!("[evidence.bogus-{i}]\nrating = \"low\"\n"));
    let shown = mission_err(&text);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 201, "{shown}");
    assert_eq!(
        lines[2],
        "m.toml:7:11: evidence.bogus-2: unknown factor `bogus-2`; expected a factor id of rulebook `tiny` (see the factor reference)"
    );
    assert!(lines[199].starts_with("m.toml:401:11: evidence.bogus-199: "));
    assert_eq!(lines[200], "and 100 more problems");
    // The error keeps what it lists, and the count.
    let e = Mission::from_toml(&text, "m.toml", &tiny()).unwrap_err();
    assert_eq!(e.diagnostics().len(), 200);
    match e {
        Error::Invalid(d) => {
            assert_eq!((d.len(), d.omitted()), (200, 100));
            assert_eq!(d.iter().count(), d.items().len());
        }
        other => panic!("not Invalid: {other}"),
    }
}

#[test]
fn one_problem_past_the_list_is_counted_in_the_singular() {
    let text = many(201, |i| format!("[evidence.bogus-{i}]\nrating = \"low\"\n"));
    assert!(mission_err(&text).ends_with("\nand 1 more problem"));
}

#[test]
fn an_unknown_id_and_a_bad_word_in_one_table_are_both_reported() {
    assert_eq!(
        mission_err(
            "[mission]\nname = \"x\"\n[evidence.bogus]\nrating = \"hgh\"\n[effort.e12]\nx = 1\n[context]\nmood = 3\n"
        ),
        "m.toml:3:11: evidence.bogus: unknown factor `bogus`; expected a factor id of rulebook `tiny` (see the factor reference)\n\
         m.toml:4:10: evidence.bogus.rating: unknown word `hgh`; expected one of none, low, partial, high, full, unknown, not-applicable; did you mean `high`?\n\
         m.toml:5:9: effort.e12: unknown factor `e12`; expected a factor id of rulebook `tiny`; did you mean `e1`?\n\
         m.toml:6:1: effort.e12.x: unknown word `x`; expected one of low, medium, high\n\
         m.toml:8:8: context.mood: not a context value; expected a word in quotes, or true or false, as the rulebook declares\n\
         m.toml:8:8: context.mood: unknown context key `mood`; expected one of mode, flag; did you mean `mode`?"
    );
}

#[test]
fn type_errors_are_said_in_words() {
    assert_eq!(
        mission_err("[mission]\nname = \"x\"\n[evidence.e1]\nrating = 3\n"),
        "m.toml:4:10: evidence.e1.rating: a rating is a word such as \"high\", not a number"
    );
    assert_eq!(
        mission_err(
            "[mission]\nname = \"x\"\n[evidence.e1]\nrating = \"low\"\nsources = \"Mission review\"\n"
        ),
        "m.toml:5:11: evidence.e1.sources: sources is a list: [\"Mission review\"]"
    );
    assert_eq!(
        mission_err("[mission]\nname = \"x\"\n[effort]\ne1 = 2\n"),
        "m.toml:4:6: effort.e1: an effort is a word such as \"medium\", not a number"
    );
    assert_eq!(
        rulebook_err("weights = { a = 2.0 }", "weights = { a = \"2\" }"),
        "rb.toml:70:17: the 1st [[factor]], weights.a: a weight is a number, without quotes: 2"
    );
}

#[test]
fn a_mission_given_as_a_rulebook_is_named_as_such() {
    let e = Rulebook::from_toml(
        "[mission]\nname = \"x\"\n[evidence.e1]\nrating = \"low\"\n[[entity]]\nname = \"a\"\nrole = \"hum\"\n",
        "m.toml",
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "m.toml:1:2: (document): this looks like a mission file, not a rulebook: it has [mission], [evidence] and [[entity]] tables"
    );
}

#[test]
fn a_rulebook_given_as_a_mission_is_named_as_such() {
    assert_eq!(
        mission_err(TINY),
        "m.toml:2:2: (document): this looks like a rulebook, not a mission file: it has [rulebook], [[level]], [[dimension]], [[factor]], [[gate]] and [[rule]] tables"
    );
    assert_eq!(
        mission_err("[[factor]]\nid = \"x\"\n"),
        "m.toml:1:3: (document): this looks like a rulebook, not a mission file: it has a [[factor]] table"
    );
}

#[test]
fn json_type_errors_are_said_in_words() {
    let e = Mission::from_json(
        "{\"mission\": {\"name\": \"x\"},\n \"evidence\": {\"e1\": {\"rating\": \"low\", \"sources\": \"Mission review\"}}}",
        "m.json",
        &tiny(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "m.json:2:50: evidence.e1.sources: sources is a list: [\"Mission review\"]"
    );
}

#[test]
fn broken_json_is_located_without_looping() {
    for text in [
        "[}",
        "{\"a\": [}",
        "{\"a\": [1,,]}",
        "{\"a\" 1}",
        "[\"x",
        "{\"mission\": ]",
    ] {
        let e = Mission::from_json(text, "m.json", &tiny()).unwrap_err();
        assert!(e.to_string().starts_with("m.json:"), "{e}");
    }
    // Located where the text stops being JSON, with the path of the value
    // being read there, in serde_json's words.
    let at = |text: &str| {
        Mission::from_json(text, "m.json", &tiny())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        at("{\"mission\": {\"name\": \"x\"\n  \"date\": 1}}"),
        "m.json:2:3: mission: expected `,` or `}`"
    );
    assert_eq!(
        at("{\"mission\": {\"name\": \"x\"},\n \"evidence\": {\"e1\": {\"rating\": hgh}}}"),
        "m.json:2:32: evidence.e1.rating: expected value"
    );
    assert_eq!(
        at("{\"entity\": [{\"name\": \"A\"}, {\"name\": \"B\",}]}"),
        "m.json:1:41: the 2nd [[entity]]: trailing comma"
    );
}

#[test]
fn many_malformed_rulebook_items_are_listed_in_file_order_then_counted() {
    // The tiny rulebook (123 lines, three factors) and 300 more factors,
    // each with a misspelt polarity: 300 problems of shape.
    let mut text = TINY.to_owned();
    for i in 0..300 {
        text.push_str(&format!(
            "[[factor]]\nid = \"x{i}\"\npolarity = \"enabeler\"\n"
        ));
    }
    let shown = match Rulebook::from_toml(&text, "rb.toml") {
        Ok(_) => panic!("accepted"),
        Err(e) => e.to_string(),
    };
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 201, "{shown}");
    let word = "unknown word `enabeler`; expected one of enabler, barrier; did you mean `enabler`?";
    assert_eq!(
        lines[0],
        format!("rb.toml:126:12: the 4th [[factor]], polarity: {word}")
    );
    assert_eq!(
        lines[1],
        format!("rb.toml:129:12: the 5th [[factor]], polarity: {word}")
    );
    assert_eq!(
        lines[199],
        format!("rb.toml:723:12: the 203rd [[factor]], polarity: {word}")
    );
    assert_eq!(lines[200], "and 100 more problems");
}

#[test]
fn json_problems_of_shape_and_meaning_are_all_reported_in_file_order() {
    // An unknown factor, a rating that is a number, a misspelt rating and
    // an unknown role: one run reports the four, each where it is.
    let text = "{\"mission\": {\"name\": \"x\"},\n \
                \"evidence\": {\"e11\": {\"rating\": \"high\"},\n              \
                \"e1\": {\"rating\": 3},\n              \
                \"e2\": {\"rating\": \"hgh\"}},\n \
                \"entity\": [{\"name\": \"a\", \"role\": \"hu\"}]}";
    let e = Mission::from_json(text, "m.json", &tiny()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "m.json:2:15: evidence.e11: unknown factor `e11`; expected a factor id of rulebook `tiny` (see the factor reference); did you mean `e1`?\n\
         m.json:3:32: evidence.e1.rating: a rating is a word such as \"high\", not a number\n\
         m.json:4:32: evidence.e2.rating: unknown word `hgh`; expected one of none, low, partial, high, full, unknown, not-applicable; did you mean `high`?\n\
         m.json:5:35: the 1st [[entity]], role: unknown role `hu`; expected one of hum, dev; did you mean `hum`?"
    );
    // Programs get the paths as paths.
    let paths: Vec<String> = e.problems().map(|p| p.path.to_string()).collect();
    assert_eq!(
        paths,
        [
            "evidence.e11",
            "evidence.e1.rating",
            "evidence.e2.rating",
            "entity[1].role"
        ]
    );
}

#[test]
fn json_rulebook_shape_problems_are_all_reported() {
    // The tiny rulebook as JSON, with two factors' polarities misspelt.
    let mut v: serde_json::Value = serde_json::from_str(&tiny().to_json().unwrap()).unwrap();
    v["factor"][0]["polarity"] = "enabeler".into();
    v["factor"][2]["polarity"] = "bariere".into();
    let text = serde_json::to_string_pretty(&v).unwrap();
    let e = Rulebook::from_json(&text, "rb.json")
        .unwrap_err()
        .to_string();
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 2, "{e}");
    assert!(
        lines[0].ends_with(": the 1st [[factor]], polarity: unknown word `enabeler`; expected one of enabler, barrier; did you mean `enabler`?"),
        "{e}"
    );
    assert!(
        lines[1].ends_with(": the 3rd [[factor]], polarity: unknown word `bariere`; expected one of enabler, barrier; did you mean `barrier`?"),
        "{e}"
    );
    assert!(lines[0].starts_with("rb.json:") && lines[1].starts_with("rb.json:"));
}

#[test]
fn a_huge_number_of_type_errors_is_listed_to_the_limit_then_counted() {
    // 50,000 context keys holding numbers: each is not a context value and
    // not a key of the rulebook, 100,000 problems. The first 200 in file
    // order are located and worded, the rest only counted (the benchmark
    // `loading_scales` shows the time grows in proportion).
    let mut text = String::from("[mission]\nname = \"x\"\n[context]\n");
    for i in 0..50_000 {
        text.push_str(&format!("c{i:05} = {i}\n"));
    }
    let e = Mission::from_toml(&text, "m.toml", &tiny()).unwrap_err();
    let Error::Invalid(d) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(d.len(), 200);
    assert_eq!(d.omitted(), 99_800);
    let shown = e.to_string();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 201);
    assert_eq!(
        lines[0],
        "m.toml:4:10: context.c00000: not a context value; expected a word in quotes, or true or false, as the rulebook declares"
    );
    assert_eq!(
        lines[1],
        "m.toml:4:10: context.c00000: unknown context key `c00000`; expected one of mode, flag"
    );
    assert!(lines[199].starts_with("m.toml:103:10: context.c00099: unknown context key"));
    assert_eq!(lines[200], "and 99800 more problems");
}

#[test]
fn a_huge_number_of_malformed_items_is_listed_to_the_limit_then_counted() {
    // 1,000 [[entity]] tables (the most a mission holds) whose name is a
    // number: each read alone and set aside, all in one pass over the array.
    let text = many(1_000, |i| {
        format!("[[entity]]\nname = {i}\nrole = \"hum\"\n")
    });
    let shown = mission_err(&text);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 201, "{}", &shown[..500]);
    assert_eq!(
        lines[0],
        "m.toml:4:8: the 1st [[entity]], name: name is text in quotes: \"0\""
    );
    assert_eq!(
        lines[199],
        "m.toml:601:8: the 200th [[entity]], name: name is text in quotes: \"199\""
    );
    assert_eq!(lines[200], "and 800 more problems");
}

#[test]
fn control_characters_are_refused_in_every_text_and_key() {
    // Written as TOML escapes, since TOML itself refuses them raw.
    let text = "[mission]\nname = \"Ex\\u0000ample\"\n\
                [evidence.e1]\nrating = \"low\"\nnote = \"ring \\u0007 the bell\"\n\
                sources = [\"ok\", \"esc \\u001b[31m\"]\n\
                [context]\n\"mo\\u0001de\" = \"small\"\n";
    assert_eq!(
        mission_err(text),
        "m.toml:2:8: mission.name: a control character (U+0000) in the text; remove it\n\
         m.toml:5:8: evidence.e1.note: a control character (U+0007) in the text; remove it\n\
         m.toml:6:18: evidence.e1.sources[2]: a control character (U+001B) in the text; remove it\n\
         m.toml:8:1: context.\"mo\\u{1}de\": a control character (U+0001) in the key; remove it\n\
         m.toml:8:16: context.\"mo\\u{1}de\": unknown context key `mo\\u{1}de`; expected one of mode, flag; did you mean `mode`?"
    );
    // Tab, line feed and carriage return are text.
    let fine = "[mission]\nname = \"a\\tb\"\ndescription = \"\"\"\none\r\ntwo\n\"\"\"\n";
    Mission::from_toml(fine, "m.toml", &tiny()).unwrap();
    // In a rulebook too.
    let e = rulebook_err("title = \"Tiny\"", "title = \"Ti\\u0000ny\"");
    assert!(
        e.ends_with(": rulebook.title: a control character (U+0000) in the text; remove it"),
        "{e}"
    );
}

#[cfg(feature = "json")]
#[test]
fn control_characters_are_refused_in_json() {
    let text = "{\"mission\": {\"name\": \"x\\u0000y\"}, \"evidence\": {\"e1\": {\"rating\": \"low\", \"note\": \"\\u0008\"}}}";
    let e = Mission::from_json(text, "m.json", &tiny()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "m.json:1:22: mission.name: a control character (U+0000) in the text; remove it\n\
         m.json:1:80: evidence.e1.note: a control character (U+0008) in the text; remove it"
    );
}

#[test]
fn control_characters_are_refused_in_data_built_in_memory() {
    let rb = tiny();
    let e = Mission::builder(&rb).name("Bad\0name").build().unwrap_err();
    assert_eq!(
        e.to_string(),
        "<mission>: mission.name: a control character (U+0000) in the text; remove it"
    );
    let mut data = rb.data().clone();
    data.rulebook.title = "Tiny\u{7}".into();
    let e = Rulebook::new(data).unwrap_err();
    assert_eq!(
        e.to_string(),
        "<rulebook>: rulebook.title: a control character (U+0007) in the text; remove it"
    );
}

/// Every path of a TOML document's tables and arrays, and the value there.
fn paths(v: &toml::Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        toml::Value::Table(t) => {
            for (k, v) in t {
                at.push(k.clone());
                out.push(at.clone());
                paths(v, at, out);
                at.pop();
            }
        }
        toml::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                at.push(format!("#{i}"));
                out.push(at.clone());
                paths(v, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// The document with the value at `path` replaced.
fn replaced(doc: &toml::Value, path: &[String], with: &toml::Value) -> toml::Value {
    let mut doc = doc.clone();
    let mut v = &mut doc;
    for seg in path {
        v = match (seg.strip_prefix('#'), v) {
            (Some(i), toml::Value::Array(a)) => &mut a[i.parse::<usize>().unwrap()],
            (_, toml::Value::Table(t)) => t.get_mut(seg).unwrap(),
            _ => unreachable!(),
        };
    }
    *v = with.clone();
    doc
}

/// The words of Rust's types that serde's messages would show.
const RUST_WORDS: [&str; 9] = [
    "struct ", "enum ", "variant", "Option", "usize", "f64", "String", "BTreeMap", "Vec<",
];

#[test]
fn a_wrong_type_anywhere_is_said_without_rust_type_names() {
    let wrong: Vec<toml::Value> = [
        "v = 7",
        "v = 2.5",
        "v = -1",
        "v = true",
        "v = \"word\"",
        "v = [1, \"a\"]",
        "v = []",
        "v = { a = 1 }",
        "v = 2007-10-29",
    ]
    .iter()
    .map(|s| toml::from_str::<toml::Table>(s).unwrap()["v"].clone())
    .collect();
    let rb = tiny();
    let mission = toml::from_str::<toml::Value>(
        "[mission]\nname = \"M\"\ndate = \"2007-10-29\"\ndescription = \"d\"\n\
         [context]\nmode = \"small\"\nflag = true\n\
         [evidence.e1]\nrating = \"low\"\nnote = \"n\"\nsources = [\"s\"]\n\
         [effort]\ne1 = \"high\"\n\
         [[entity]]\nname = \"E\"\nrole = [\"hum\"]\n[entity.current]\na = \"one\"\n",
    )
    .unwrap();
    let rulebook = toml::from_str::<toml::Value>(TINY).unwrap();
    let mut checked = 0;
    let mut bad = Vec::new();
    for (doc, is_mission) in [(&mission, true), (&rulebook, false)] {
        let mut all = Vec::new();
        paths(doc, &mut Vec::new(), &mut all);
        for path in &all {
            for with in &wrong {
                let text = toml::to_string(&replaced(doc, path, with)).unwrap();
                let result = if is_mission {
                    Mission::from_toml(&text, "m.toml", &rb).map(|_| ())
                } else {
                    Rulebook::from_toml(&text, "rb.toml").map(|_| ())
                };
                let Err(e) = result else { continue };
                checked += 1;
                for line in e.to_string().lines() {
                    if RUST_WORDS.iter().any(|w| line.contains(w)) {
                        bad.push(format!("{path:?} = {with}: {line}"));
                    }
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} messages:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert!(checked > 500, "{checked}");
}

/// A mission of the tiny rulebook with `n` entities, each three lines
/// (`[[entity]]`, its name, role `dev`) after the two lines of `[mission]`:
/// the k-th entity's header is on line 3 + 3 (k - 1).
fn with_entities(n: usize) -> String {
    let mut text = String::from("[mission]\nname = \"x\"\n");
    for k in 1..=n {
        text.push_str(&format!("[[entity]]\nname = \"e{k}\"\nrole = \"dev\"\n"));
    }
    text
}

#[test]
fn a_mission_holds_at_most_max_entities() {
    use integration_readiness::MAX_ENTITIES;
    assert_eq!(MAX_ENTITIES, 1000);
    let m = Mission::from_toml(&with_entities(1000), "m.toml", &tiny()).unwrap();
    assert_eq!(m.data().entities.len(), 1000);
    // The 1001st header is on line 3 + 3 * 1000.
    assert_eq!(
        mission_err(&with_entities(1001)),
        "m.toml:3003:1: the 1001st [[entity]]: 1001 entities, more than a mission may hold; \
         those past the 1000th are not read; expected at most 1000 [[entity]] tables"
    );
}

#[test]
fn entities_past_the_limit_are_not_read_and_those_within_are_checked() {
    // The 1000th entity's role is unknown, the 1002nd's too: only the first
    // is read (its role on line 3 + 3 * 999 + 2 = 3002, after `role = `).
    let text = with_entities(1002)
        .replace(
            "name = \"e1000\"\nrole = \"dev\"",
            "name = \"e1000\"\nrole = \"nope\"",
        )
        .replace(
            "name = \"e1002\"\nrole = \"dev\"",
            "name = \"e1002\"\nrole = \"nope\"",
        );
    let e = mission_err(&text);
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 2, "{e}");
    assert!(
        lines[0].starts_with("m.toml:3002:8: the 1000th [[entity]], role: unknown role `nope`"),
        "{e}"
    );
    assert!(
        lines[1].starts_with("m.toml:3003:1: the 1001st [[entity]]: 1002 entities"),
        "{e}"
    );
}

#[test]
fn a_rating_cites_at_most_max_sources() {
    use integration_readiness::MAX_SOURCES;
    assert_eq!(MAX_SOURCES, 100);
    // One source a line from line 6: the k-th source is on line 5 + k.
    let text = |n: usize| {
        let mut t =
            String::from("[mission]\nname = \"x\"\n[evidence.e1]\nrating = \"low\"\nsources = [\n");
        for k in 1..=n {
            t.push_str(&format!("\"s{k}\",\n"));
        }
        t.push_str("]\n");
        t
    };
    let m = Mission::from_toml(&text(100), "m.toml", &tiny()).unwrap();
    assert_eq!(m.data().evidence["e1"].sources.len(), 100);
    assert_eq!(
        mission_err(&text(250)),
        "m.toml:106:1: evidence.e1.sources[101]: 250 sources for one rating, more than a \
         mission may list; those past the 100th are not read; expected at most 100 sources \
         for one rating"
    );
}

#[cfg(feature = "json")]
#[test]
fn json_missions_have_the_same_limits_with_the_path_of_the_item() {
    let entities: Vec<String> = (1..=1001)
        .map(|k| format!("{{\"name\": \"e{k}\", \"role\": \"dev\"}}"))
        .collect();
    let text = format!(
        "{{\"mission\": {{\"name\": \"x\"}},\n\"entity\": [\n{}\n]}}",
        entities.join(",\n")
    );
    let Err(Error::Invalid(d)) = Mission::from_json(&text, "m.json", &tiny()) else {
        panic!("accepted");
    };
    assert_eq!(d.items().len(), 1);
    let p = &d.items()[0];
    // The k-th entity is on line 2 + k.
    assert_eq!((p.line, p.column), (1003, 1));
    assert_eq!(p.problem.path.to_string(), "entity[1001]");
}

#[test]
fn missions_built_in_code_have_no_entity_limit() {
    use integration_readiness::model::{Entity, MissionData, MissionInfo};
    let mut data = MissionData::new(MissionInfo::new("x"));
    data.entities = (0..1500)
        .map(|k| Entity::new(format!("e{k}"), "dev"))
        .collect();
    let m = Mission::new(data, &tiny()).unwrap();
    assert_eq!(m.data().entities.len(), 1500);
}

#[test]
fn every_unknown_key_of_a_plain_table_is_counted_exactly() {
    // 1,000 unknown keys in [mission], one a line from line 3: the first
    // 200 (k0 to k199, lines 3 to 202) are listed in file order, the other
    // 800 counted.
    let mut text = String::from("[mission]\nname = \"x\"\n");
    for k in 0..1000 {
        text.push_str(&format!("k{k} = 1\n"));
    }
    let Err(Error::Invalid(d)) = Mission::from_toml(&text, "m.toml", &tiny()) else {
        panic!("accepted");
    };
    assert_eq!((d.items().len(), d.omitted()), (200, 800));
    assert_eq!(
        d.items()[0].to_string(),
        "m.toml:3:1: mission.k0: unknown key `k0`; expected one of name, date, description, assessor"
    );
    assert_eq!(
        d.items()[199].to_string(),
        "m.toml:202:1: mission.k199: unknown key `k199`; expected one of name, date, description, assessor"
    );
    // The same in a table read alone (a rating), and at the top level.
    let mut text = String::from("[mission]\nname = \"x\"\n[evidence.e1]\nrating = \"low\"\n");
    for k in 0..1000 {
        text.push_str(&format!("k{k} = 1\n"));
    }
    let Err(Error::Invalid(d)) = Mission::from_toml(&text, "m.toml", &tiny()) else {
        panic!("accepted");
    };
    assert_eq!((d.items().len(), d.omitted()), (200, 800));
    assert_eq!(
        d.items()[0].to_string(),
        "m.toml:5:1: evidence.e1.k0: unknown key `k0`; expected one of rating, note, sources"
    );
    let mut text = String::new();
    for k in 0..1000 {
        text.push_str(&format!("k{k} = 1\n"));
    }
    text.push_str("[mission]\nname = \"x\"\n");
    let Err(Error::Invalid(d)) = Mission::from_toml(&text, "m.toml", &tiny()) else {
        panic!("accepted");
    };
    assert_eq!((d.items().len(), d.omitted()), (200, 800));
    assert!(
        d.items()[199]
            .to_string()
            .starts_with("m.toml:200:1: k199: unknown key `k199`"),
        "{}",
        d.items()[199]
    );
}

#[test]
fn every_problem_of_one_rating_is_reported() {
    assert_eq!(
        mission_err("[mission]\nname = \"x\"\n[evidence.e1]\nrating = 3\nnote = 4\n"),
        "m.toml:4:10: evidence.e1.rating: a rating is a word such as \"high\", not a number\n\
         m.toml:5:8: evidence.e1.note: note is text in quotes: \"4\""
    );
    // A bad source among good ones, and an unknown key, in one entity and
    // one rating.
    assert_eq!(
        mission_err(
            "[mission]\nname = \"x\"\n[evidence.e1]\nrating = \"low\"\nsources = [\"a\", 2, \"c\"]\nseen = true\n\
             [[entity]]\nname = 5\nrole = \"hum\"\nmood = \"ok\"\n"
        ),
        "m.toml:5:17: evidence.e1.sources[2]: a number is not accepted here; expected text in quotes\n\
         m.toml:6:1: evidence.e1.seen: unknown key `seen`; expected one of rating, note, sources\n\
         m.toml:8:8: the 1st [[entity]], name: name is text in quotes: \"5\"\n\
         m.toml:10:1: the 1st [[entity]], mood: unknown key `mood`; expected one of name, role, current, note"
    );
}

#[cfg(feature = "json")]
#[test]
fn an_assessment_report_given_as_a_mission_is_named_as_such() {
    // What `assess --format json` writes: its first report-only key,
    // `dimensions`, opens line 4 at column 3.
    let rb = Rulebook::oslo_2007();
    let text = include_str!("../../examples/missions/consolidation-after-ceasefire.toml");
    let m = Mission::from_toml(text, "sample.toml", &rb).unwrap();
    let a = integration_readiness::assess(&m);
    let json =
        integration_readiness::report::render(&a, integration_readiness::report::Format::Json)
            .unwrap();
    let e = Mission::from_json(&json, "report.json", &rb).unwrap_err();
    let Error::Invalid(d) = &e else { panic!("{e}") };
    assert_eq!(d.items().len(), 1, "{e}");
    let line = json
        .lines()
        .position(|l| l.starts_with("  \"dimensions\""))
        .unwrap()
        + 1;
    assert_eq!(
        d.items()[0].to_string(),
        format!(
            "report.json:{line}:3: (document): this is an assessment report, not a mission file: \
             it has `dimensions`, `overall`, `themes` and more; expected the mission file it was \
             made from"
        )
    );
    // The same document as TOML, with a mission table as the report has.
    let text = "[mission]\nname = \"x\"\n[overall]\nscore = 50.0\n[[dimensions]]\nid = \"a\"\n";
    assert_eq!(
        mission_err(text),
        "m.toml:3:2: (document): this is an assessment report, not a mission file: it has \
         `overall` and `dimensions`; expected the mission file it was made from"
    );
}

#[test]
fn a_table_or_key_given_twice_names_it_and_both_places() {
    // [mission] on lines 1 and 3: the second header's key at 3:2; the
    // `name` under the second is not news.
    assert_eq!(
        mission_err("[mission]\nname = \"x\"\n[mission]\nname = \"y\"\n"),
        "m.toml:3:2: mission: the table [mission] is given twice (first on line 1); expected \
         one [mission] table, with all of its keys"
    );
    // [evidence.e1] on lines 3 and 5: found twice at its second key, 5:11.
    assert_eq!(
        mission_err(
            "[mission]\nname = \"x\"\n[evidence.e1]\nrating = \"low\"\n[evidence.e1]\nrating = \"high\"\n"
        ),
        "m.toml:5:11: evidence.e1: the table [evidence.e1] is given twice (first on line 3); \
         expected one [evidence.e1] table, with all of its keys"
    );
    // A key twice in one table: `rating` on lines 4 and 5.
    assert_eq!(
        mission_err(
            "[mission]\nname = \"x\"\n[evidence.e1]\nrating = \"low\"\nrating = \"high\"\n"
        ),
        "m.toml:5:1: evidence.e1.rating: the key `rating` is given twice in [evidence.e1] (first \
         on line 4); expected `rating` once"
    );
}

#[cfg(feature = "json")]
#[test]
fn a_json_trailing_comma_is_located_at_what_follows_it() {
    // `{"mission": {"name": "x"},}`: the comma is the 26th character, the
    // `}` after it the 27th.
    let e = Mission::from_json(r#"{"mission": {"name": "x"},}"#, "m.json", &tiny())
        .unwrap_err()
        .to_string();
    assert_eq!(e, "m.json:1:27: (document): trailing comma");
    let e = Mission::from_json("{\"mission\": {\"name\": \"x\",\n  }}", "m.json", &tiny())
        .unwrap_err()
        .to_string();
    assert_eq!(e, "m.json:2:3: mission: trailing comma");
}
