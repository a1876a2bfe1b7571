//! A mission file to start an assessment from: every factor of a rulebook,
//! under its theme, with its title, the assessor's question and what each
//! rating word means, rated `unknown`. It loads and assesses as it is; a
//! planner changes ratings and notes.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::report::fmt::lines;

use crate::model::{Polarity, Rating};
use crate::rulebook::Rulebook;

/// `text` as `#` comment lines of at most `width` bytes (a longer word
/// gets a line of its own).
fn comment(o: &mut String, text: &str, width: usize) {
    let words = text.split_whitespace().map(Cow::Borrowed);
    let lines = lines(words, width.saturating_sub(2), str::len);
    if lines.is_empty() {
        let _ = writeln!(o, "#");
    }
    for line in lines {
        let _ = writeln!(o, "# {line}");
    }
}

fn quote(s: &str) -> String {
    // A TOML basic string.
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\t' => q.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(q, "\\u{:04X}", c as u32);
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// The mission template of a rulebook, as TOML text. `schema` is the path
/// or URL of the mission schema for the `#:schema` directive, if any.
///
/// ```
/// use integration_readiness::{template, Mission, Rulebook};
/// let rb = Rulebook::oslo_2007();
/// let text = template::mission(&rb, None);
/// let m = Mission::from_toml(&text, "template.toml", &rb)?;
/// assert_eq!(m.data().evidence.len(), rb.factors().len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn mission(rb: &Rulebook, schema: Option<&str>) -> String {
    let info = rb.info();
    let mut o = String::new();
    if let Some(s) = schema {
        let _ = writeln!(o, "#:schema {s}");
    }
    comment(
        &mut o,
        &format!(
            "Mission assessment for rulebook {} ({}, version {}).",
            info.id, info.title, info.version
        ),
        78,
    );
    comment(
        &mut o,
        "Fill in the mission, choose the context, and for each factor replace \
         \"unknown\" with one of none, low, partial, high, full or not-applicable, \
         with a note and sources. For an enabler the rating says how much the \
         mission has of it; for a barrier, how present the barrier is (none is \
         good). Factors left unknown widen the score into a range. The file \
         loads and assesses as it is: \
         integration-readiness assess this-file.toml",
        78,
    );
    let _ = writeln!(o, "\n[mission]");
    let _ = writeln!(o, "name = \"Name of the mission\"");
    let _ = writeln!(o, "# date = \"YYYY-MM-DD\"");
    let _ = writeln!(
        o,
        "# description = \"Who assessed, when, for what decision.\""
    );
    let _ = writeln!(
        o,
        "# assessor = \"Your name, where several assessors each rate the mission\""
    );

    let _ = writeln!(o, "\n[context]");
    comment(
        &mut o,
        "Facts that set the targets. Uncomment one value per key; a key left out is \
         unknown: the target becomes the range of what each value would set, and the \
         report asks for the key.",
        78,
    );
    for k in &rb.data().context {
        if let Some(d) = &k.description {
            comment(&mut o, d, 78);
        }
        let values: Vec<String> = k.values.iter().map(|v| v.to_string()).collect();
        comment(&mut o, &format!("one of {}", values.join(" | ")), 78);
        let _ = writeln!(
            o,
            "# {} = {}",
            k.key,
            values.first().map_or("", String::as_str)
        );
    }

    for theme in rb.themes() {
        let _ = writeln!(o, "\n# {}", "=".repeat(76));
        let _ = writeln!(o, "# {}", theme.title);
        let _ = writeln!(o, "# {}", "=".repeat(76));
        for f in rb.factors().iter().filter(|f| f.theme == theme.id) {
            let _ = writeln!(o);
            comment(
                &mut o,
                &format!(
                    "{} ({}{}). {}",
                    f.title,
                    f.polarity,
                    if f.polarity == Polarity::Barrier {
                        ": rate how present it is"
                    } else {
                        ""
                    },
                    f.question
                ),
                78,
            );
            for r in Rating::SCALE {
                if let Some(g) = f.rating_guide.get(&r) {
                    comment(&mut o, &format!("  {r}: {g}"), 78);
                }
            }
            comment(&mut o, &format!("Source: {}", f.citation), 78);
            let _ = writeln!(o, "[evidence.{}]", f.id);
            let _ = writeln!(o, "rating = \"unknown\"");
            let _ = writeln!(o, "note = {}", quote(""));
            let _ = writeln!(o, "sources = []");
        }
    }

    let _ = writeln!(o, "\n# {}", "=".repeat(76));
    let _ = writeln!(o, "# Entities (optional)");
    let _ = writeln!(o, "# {}", "=".repeat(76));
    let roles: Vec<&str> = rb.roles().iter().map(|r| r.id.as_str()).collect();
    let levels: Vec<&str> = rb.levels().iter().map(|l| l.id.as_str()).collect();
    comment(
        &mut o,
        &format!(
            "One table per actor. role: {}. current (optional) declares how \
             integrated the actor is now, per dimension, with a level: {}.",
            roles.join(" | "),
            levels.join(" | ")
        ),
        78,
    );
    let _ = writeln!(o, "# [[entity]]");
    let _ = writeln!(o, "# name = \"Name of the agency, component or partner\"");
    let _ = writeln!(
        o,
        "# role = {}",
        quote(roles.first().copied().unwrap_or(""))
    );
    let _ = writeln!(o, "# [entity.current]");
    for d in rb.dimensions() {
        let _ = writeln!(
            o,
            "# {} = {}",
            d.id,
            quote(levels.get(1).copied().unwrap_or(""))
        );
    }
    o
}
