//! Fixed hostile inputs: deep nesting, duplicate keys, size limits, unreadable files.

#[allow(unused_imports)]
use super::*;

// ---------------------------------------------------------------------------
// Fixed hostile inputs.
// ---------------------------------------------------------------------------

pub(crate) const DEPTH: usize = 10_000;

/// Texts nested `DEPTH` deep, in every place a loader may reach.
pub(crate) fn deep_texts() -> Vec<(String, String)> {
    let arrays = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let arrays_of_one = format!("{}1{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let inline = format!("{}{}", "{a=".repeat(DEPTH), "}".repeat(DEPTH));
    let inline_arrays = format!("{}{}", "{a=[".repeat(DEPTH / 2), "]}".repeat(DEPTH / 2));
    let unclosed = "[".repeat(DEPTH);
    let dotted = (0..DEPTH).map(|_| "a").collect::<Vec<_>>().join(".");
    let mut out = Vec::new();
    for (what, v) in [
        ("arrays", &arrays),
        ("arrays of one", &arrays_of_one),
        ("inline tables", &inline),
        ("inline tables of arrays", &inline_arrays),
        ("unclosed arrays", &unclosed),
    ] {
        out.push((format!("top-level key = {what}"), format!("x = {v}\n")));
        out.push((
            format!("mission name = {what}"),
            format!("[mission]\nname = {v}\n"),
        ));
        out.push((
            format!("a rating = {what}"),
            format!(
                "[mission]\nname = \"M\"\n[evidence.senior-leadership-cohesion]\nrating = {v}\n"
            ),
        ));
        out.push((
            format!("a context value = {what}"),
            format!("[mission]\nname = \"M\"\n[context]\nmandate = {v}\n"),
        ));
        out.push((
            format!("level thresholds = {what}"),
            TINY_TEXT.replacen(
                "threshold = { a = 40.0, b = 40.0 }",
                &format!("threshold = {v}"),
                1,
            ),
        ));
    }
    out.push(("a dotted key 10 000 long".into(), format!("{dotted} = 1\n")));
    out.push(("a table header 10 000 long".into(), format!("[{dotted}]\n")));
    out.push((
        "an array-of-tables header 10 000 long".into(),
        format!("[[{dotted}]]\n"),
    ));
    out
}

#[test]
pub(crate) fn deeply_nested_arrays_and_inline_tables_to_every_loader() {
    // On the test thread's default stack (2 MiB), so that a recursion
    // without a limit would show here as a stack overflow.
    for (what, text) in deep_texts() {
        eprintln!("deep input: {what}");
        feed(&text);
    }
    // JSON nested as deep.
    for text in [
        format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH)),
        format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH)),
        format!(
            "{{\"mission\":{{\"name\":\"M\"}},\"context\":{{\"mandate\":{}{}}}}}",
            "[".repeat(DEPTH),
            "]".repeat(DEPTH)
        ),
    ] {
        feed(&text);
    }
}

#[test]
pub(crate) fn duplicate_keys_and_tables_to_every_loader() {
    let cases = [
        "a = 1\na = 2\n",
        "[mission]\nname = \"x\"\nname = \"y\"\n",
        "[mission]\nname = \"x\"\n[mission]\nname = \"y\"\n",
        "[mission]\nname = \"x\"\n[evidence.e1]\nrating = \"low\"\n[evidence.e1]\nrating = \"high\"\n",
        "[mission]\nname = \"x\"\n[evidence.e1]\nrating = \"low\"\nrating = \"high\"\n",
        "[mission]\nname = \"x\"\n[context]\nmode = \"big\"\nmode = \"small\"\n",
        "[mission]\nname = \"x\"\nmission = { name = \"y\" }\n",
        "mission = { name = \"x\" }\n[mission]\nname = \"y\"\n",
        "[mission]\nname = \"x\"\n[[mission]]\nname = \"y\"\n",
        "[mission]\nname = \"x\"\n[[entity]]\nname = \"A\"\nrole = \"hum\"\n[entity]\nname = \"B\"\n",
        "[mission]\nname = \"x\"\nevidence.e1.rating = \"low\"\n[evidence.e1]\nrating = \"low\"\n",
        "{\"mission\":{\"name\":\"x\",\"name\":\"y\"}}",
        "{\"mission\":{\"name\":\"x\"},\"mission\":{\"name\":\"y\"}}",
    ];
    for text in cases {
        feed(text);
    }
    // A key of the tiny rulebook written twice, at every line that has one.
    for (i, line) in TINY_TEXT.lines().enumerate() {
        if line.contains(" = ") || line.starts_with('[') {
            let mut lines: Vec<&str> = TINY_TEXT.lines().collect();
            lines.insert(i, line);
            let text = lines.join("\n");
            if let Some(rb) = rulebook_toml(&text) {
                // Only `[[...]]` headers may repeat: an empty element is a
                // shape problem, never accepted silently as a table.
                assert!(line.starts_with("[["), "duplicate line {line:?} accepted");
                exercise_rulebook(&rb);
            }
        }
    }
    // A sample mission with each evidence header written twice.
    let (_, text) = SAMPLES[0];
    let header = text
        .lines()
        .find(|l| l.starts_with("[evidence."))
        .expect("a sample with evidence");
    let doubled = text.replacen(header, &format!("{header}\nrating = \"low\"\n{header}"), 1);
    assert!(mission_toml(&doubled, &OSLO).is_none());
}

#[test]
pub(crate) fn input_just_over_the_size_limit_is_too_large() {
    let (_, text) = SAMPLES[0];
    let pad = |len: usize| {
        let mut t = text.to_owned();
        t.push_str("\n#");
        while t.len() < len {
            t.push('x');
        }
        t.truncate(len);
        t
    };
    // Exactly at the limit: a valid mission still loads.
    let at = pad(MAX_INPUT_BYTES);
    assert_eq!(at.len(), MAX_INPUT_BYTES);
    assert!(
        mission_toml(&at, &OSLO).is_some(),
        "a mission of exactly the limit loads"
    );
    // One byte over: every loader refuses it as too large, before parsing.
    let over = pad(MAX_INPUT_BYTES + 1);
    let too_large = |r: Result<(), Error>| match r {
        Err(Error::TooLarge { file, len, limit }) => {
            assert_eq!(
                (file.as_str(), len, limit),
                (FILE, Some(MAX_INPUT_BYTES + 1), MAX_INPUT_BYTES)
            )
        }
        Err(e) => panic!("not TooLarge: {e}"),
        Ok(()) => panic!("{} bytes accepted", MAX_INPUT_BYTES + 1),
    };
    too_large(Rulebook::from_toml(&over, FILE).map(drop));
    too_large(Rulebook::from_json(&over, FILE).map(drop));
    too_large(Mission::from_toml(&over, FILE, &OSLO).map(drop));
    too_large(Mission::from_json(&over, FILE, &OSLO).map(drop));
    // Far over, and invalid: still TooLarge (the size is checked first).
    let huge = "[".repeat(MAX_INPUT_BYTES + 1);
    assert!(matches!(
        Mission::from_toml(&huge, FILE, &OSLO),
        Err(Error::TooLarge { .. })
    ));
}

/// A scratch directory for files, removed when dropped.
pub(crate) struct Scratch(pub(crate) PathBuf);

impl Scratch {
    pub(crate) fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "integration-readiness-no-panic-{tag}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        Scratch(dir)
    }

    pub(crate) fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).expect("a scratch file");
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
pub(crate) fn unreadable_files_to_the_path_loaders() {
    let dir = Scratch::new("paths");
    let missing = dir.0.join("missing.toml");
    let not_utf8 = dir.file("latin1.toml", b"[mission]\nname = \"caf\xe9\"\n");
    let over = dir.file("over.toml", &vec![b'#'; MAX_INPUT_BYTES + 1]);
    let subdir = dir.0.join("a-directory.toml");
    std::fs::create_dir_all(&subdir).unwrap();
    for p in [&missing, &not_utf8, &over, &subdir] {
        for r in [
            Rulebook::from_path(p).map(drop),
            Mission::from_path(p, &OSLO).map(drop),
        ] {
            let e = r.expect_err("an unreadable file does not load");
            let shown = e.to_string();
            assert!(
                shown.starts_with(&p.display().to_string()),
                "message without the path: {shown}"
            );
            if p == &over {
                // Read no further than past the limit: its size is not known.
                assert!(matches!(e, Error::TooLarge { len: None, .. }), "{shown}");
            } else {
                assert!(matches!(e, Error::Io { .. }), "{shown}");
            }
        }
    }
}
