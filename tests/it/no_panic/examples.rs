//! The example programs: bad arguments and bad files end in exit status 2.

#[allow(unused_imports)]
use super::*;

// ---------------------------------------------------------------------------
// The example programs.
// ---------------------------------------------------------------------------

/// The example binary `name`, built by `cargo test` next to the test
/// binaries: target/<profile>/examples/<name>.
pub(crate) fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    // target/<profile>/deps/no_panic-HASH -> target/<profile>/examples/NAME
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test binary lives in target/<profile>/deps");
    let path = dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.is_file(),
        "the example program {} is not built: run `cargo test` (which builds the examples) \
         or `cargo build --examples` before `cargo test --test it no_panic`",
        path.display()
    );
    path
}

/// Runs an example; returns (exit code, stdout, stderr).
pub(crate) fn run(name: &str, args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = Command::new(example(name))
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap_or_else(|e| panic!("cannot run example {name}: {e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
pub(crate) fn example_programs_with_bad_arguments_exit_2_with_a_message() {
    let dir = Scratch::new("examples");
    let missing = dir.0.join("missing.toml");
    let subdir = dir.0.join("a-directory.toml");
    std::fs::create_dir_all(&subdir).unwrap();
    let not_utf8 = dir.file("latin1.toml", b"[mission]\nname = \"caf\xe9\"\n");
    let invalid = dir.file(
        "invalid.toml",
        b"[mission]\nnam = \"x\"\n[evidence.no-such-factor]\nrating = \"sometimes\"\n",
    );
    let bad_syntax = dir.file("syntax.toml", b"[mission\nname = \"x\n");
    let valid = dir.file("valid.toml", SAMPLES[0].1.as_bytes());
    let empty = dir.file("empty.toml", b"");
    let p = |p: &PathBuf| p.as_os_str().to_owned();
    let s = |s: &str| std::ffi::OsString::from(s);

    let bad_files = [&missing, &subdir, &not_utf8, &invalid, &bad_syntax, &empty];
    let mut cases: Vec<(&str, Vec<std::ffi::OsString>)> = Vec::new();
    for name in ["assess", "plan", "robustness", "compare", "rulebook"] {
        cases.push((name, vec![s("--no-such-flag")]));
        cases.push((name, vec![s("--format"), s("nope")]));
        cases.push((name, vec![s("--format")]));
        cases.push((name, vec![s("--rulebook")]));
        for f in bad_files {
            // A bad rulebook file (a mission file is not a rulebook either).
            cases.push((name, vec![s("--rulebook"), p(f)]));
        }
        cases.push((name, vec![s("--rulebook"), p(&valid)]));
    }
    for name in ["assess", "plan", "robustness"] {
        for f in bad_files {
            cases.push((name, vec![p(f)]));
        }
        cases.push((name, vec![p(&valid), p(&valid)]));
    }
    for f in bad_files {
        cases.push(("compare", vec![p(f), p(&valid)]));
        cases.push(("compare", vec![p(&valid), p(f)]));
    }
    cases.push(("compare", vec![p(&valid)]));
    cases.push(("compare", vec![p(&valid), p(&valid), p(&valid)]));
    cases.push(("rulebook", vec![p(&valid)]));
    for args in [
        ["--noise", "nan"],
        ["--noise", "101"],
        ["--noise", "-1"],
        ["--noise", "inf"],
        ["--samples", "0"],
        ["--samples", "x"],
        ["--samples", "-1"],
        ["--samples", "99999999999"],
        ["--seed", "-1"],
    ] {
        cases.push(("robustness", args.iter().map(|a| s(a)).collect()));
    }

    let mut failures = Vec::new();
    for (name, args) in &cases {
        let argv: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        let (code, stdout, stderr) = run(name, &argv);
        let ok = code == Some(2)
            && !stderr.trim().is_empty()
            && !stderr.contains("panicked")
            && !stderr.contains("RUST_BACKTRACE")
            && stdout.is_empty();
        if !ok {
            failures.push(format!(
                "{name} {args:?}: exit {code:?}\n--- stdout\n{}\n--- stderr\n{}",
                preview(&stdout),
                preview(&stderr)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} bad invocations did not exit 2 with a message:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
pub(crate) fn example_programs_with_good_arguments_exit_0() {
    let dir = Scratch::new("examples-ok");
    let valid = dir.file("valid.toml", SAMPLES[0].1.as_bytes());
    let tiny = dir.file("tiny.toml", TINY_TEXT.as_bytes());
    let v = valid.to_str().expect("a UTF-8 temp path");
    let t = tiny.to_str().expect("a UTF-8 temp path");
    let cases: &[(&str, &[&str])] = &[
        ("assess", &[]),
        ("assess", &["--format", "json"]),
        ("assess", &[v, "--format", "markdown"]),
        ("rulebook", &["--format", "json"]),
        ("rulebook", &["--rulebook", t, "--format", "markdown"]),
        ("plan", &[v]),
        ("robustness", &[v, "--samples", "20"]),
        ("compare", &[]),
        ("compare", &[v, v, "--format", "json"]),
    ];
    for (name, args) in cases {
        let argv: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        let (code, stdout, stderr) = run(name, &argv);
        assert_eq!(
            code,
            Some(0),
            "{name} {args:?} failed:\n--- stderr\n{}",
            preview(&stderr)
        );
        assert!(!stdout.is_empty(), "{name} {args:?} printed nothing");
        assert!(!stderr.contains("panicked"), "{name} {args:?}: {stderr}");
    }
}
