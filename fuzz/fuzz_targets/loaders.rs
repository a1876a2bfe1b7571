//! Feeds arbitrary bytes to the loaders: as a rulebook, and as a mission of
//! the default rulebook (TOML and JSON). A mission that loads goes on to
//! the assessment and the reports. Any panic is a bug: every input must end
//! in `Ok` or `Err`. See docs/fuzzing.md.
#![no_main]

use std::sync::LazyLock;

use integration_readiness::{Error, Mission, Rulebook, assess, report};
use libfuzzer_sys::fuzz_target;

static OSLO: LazyLock<Rulebook> = LazyLock::new(Rulebook::oslo_2007);

const FILE: &str = "fuzz.toml";

/// An error must say what is wrong and where: at least one diagnostic,
/// each shown starting with the file name.
fn check(e: &Error) {
    if let Error::Invalid(d) = e {
        assert!(!d.0.is_empty(), "Error::Invalid without a diagnostic");
        for diag in &d.0 {
            assert!(diag.to_string().starts_with(FILE), "{diag}");
        }
    }
}

fn run(rb: &Rulebook, m: Result<Mission, Error>) {
    match m {
        Ok(m) => {
            let a = assess(rb, &m);
            let _ = report::render(&a, report::Format::Text);
            let _ = report::render(&a, report::Format::Markdown);
            let _ = report::render(&a, report::Format::Json);
        }
        Err(e) => check(&e),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = Rulebook::from_toml(text, FILE) {
        check(&e);
    }
    let rb = &*OSLO;
    run(rb, Mission::from_toml(text, FILE, rb));
    run(rb, Mission::from_json(text, FILE, rb));
});
