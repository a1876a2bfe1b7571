//! The words the reports print. Every label the text and Markdown reports
//! put before a value is defined in the README's glossary; no report
//! prints a signed zero; every list a report cuts says how many more there
//! are; and each single step listed beside "fix first" says why it is not
//! first, in agreement with the plan.
//!
//! The labels are collected by rendering every sample mission under
//! `examples/missions/` through every analysis (the assessment with and
//! without its plan, the plan, robustness, a what-if, a comparison, a
//! trend, a portfolio) as text and Markdown with `report::render`, and
//! taking, by this rule:
//!
//! - Markdown: the text of every heading (up to a `:` or `,`), every cell of a table's header
//!   row, and the leading label of a paragraph or list item (the text
//!   before its first `:`, its `**` marks removed);
//! - text: the leading label of every line that starts an item (not the
//!   continuation of a wrapped line: the reports wrap at 78 columns, a
//!   first line a few earlier, so a line whose first word would have
//!   fitted within 74 columns on the line before starts an item): what
//!   comes before the first `:` or `,`, the
//!   first run of two spaces, or the first `(`, after the indentation and
//!   an item number (`1. `); and on such a line every field that is one or
//!   two words followed by a number (`coverage 100%`, `cost 3`), fields
//!   being separated by commas, semicolons and runs of two spaces;
//!
//! keeping a label only when it is one to four words of letters and
//! hyphens. The names a report takes from the rulebook or the mission
//! (dimensions, themes, factors, roles, context keys, entities, the
//! mission; not the levels, which the reports print as values, never as
//! labels) are removed from a label first, with a preposition they
//! leave dangling at its end (`Out of reach on strategic` is `Out of reach`):
//! they are the rulebook's and the mission's words, not the reports'. A
//! label of function words alone (`and` of `and 12 more`) is dropped.
//!
//! A label counts as defined when the README's `## Glossary` section has a
//! list item that names it in bold (`- **label**`, or several terms in one
//! item, `- **a**, **b**: ...`), compared without regard to case.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use integration_readiness::analysis::{
    Briefing, RobustnessOptions, Scenario, apply, brief, compare, plan, portfolio, robustness,
    trend,
};
use integration_readiness::report::{self, Format};
use integration_readiness::{Mission, Rating, Rulebook, assess};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every sample mission under `examples/missions/`, in file-name order.
fn samples(rb: &Rulebook) -> Vec<(String, Mission)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("examples/missions"))
        .expect("examples/missions is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).expect("sample is readable");
            let m = Mission::from_toml(&text, &name, rb).expect("sample loads");
            (name, m)
        })
        .collect()
}

/// Every report of every sample, as text and Markdown: (what it is, the
/// format, the report).
fn reports() -> Vec<(String, Format, String)> {
    let rb = Rulebook::oslo_2007();
    let missions = samples(&rb);
    let mut out = Vec::new();
    let mut push = |what: String, f: Format, r: String| out.push((what, f, r));
    for format in [Format::Text, Format::Markdown] {
        for (name, m) in &missions {
            let a = assess(m);
            push(
                format!("assessment {name}"),
                format,
                report::render(&a, format).unwrap(),
            );
            let b = brief(m);
            push(
                format!("briefing {name}"),
                format,
                report::render(&b, format).unwrap(),
            );
            push(
                format!("plan {name}"),
                format,
                report::render(&plan(m), format).unwrap(),
            );
            let opts = RobustnessOptions {
                samples: 100,
                ..RobustnessOptions::default()
            };
            push(
                format!("robustness {name}"),
                format,
                report::render(&robustness(m, opts), format).unwrap(),
            );
            // A what-if: the first factor rated full, its first context
            // key's value kept.
            let first = rb.factors()[0].id.to_string();
            let changed = apply(m, &Scenario::rate(first, Rating::Full)).unwrap();
            push(
                format!("whatif {name}"),
                format,
                report::render(&compare(&a, &assess(&changed)), format).unwrap(),
            );
        }
        let assessed: Vec<_> = missions.iter().map(|(_, m)| assess(m)).collect();
        let by_name = |n: &str| {
            missions
                .iter()
                .position(|(name, _)| name == n)
                .map(|i| assessed[i].clone())
                .unwrap()
        };
        let (old, new) = (by_name("compare-2008.toml"), by_name("compare-2009.toml"));
        push(
            "compare".into(),
            format,
            report::render(&compare(&old, &new), format).unwrap(),
        );
        push(
            "trend".into(),
            format,
            report::render(&trend(&[old, new]), format).unwrap(),
        );
        let all: Vec<Mission> = missions.iter().map(|(_, m)| m.clone()).collect();
        push(
            "portfolio".into(),
            format,
            report::render(&portfolio(&rb, &all).unwrap(), format).unwrap(),
        );
        // The sample panel, and its two rounds.
        let round = |dir: &Path| -> integration_readiness::analysis::Panel {
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            files.sort();
            // The assessors' names and notes are theirs, not the report's
            // labels: left out here.
            let ms: Vec<Mission> = files
                .iter()
                .map(|f| {
                    let text = std::fs::read_to_string(f).unwrap();
                    let name = f.display().to_string();
                    let mut data = Mission::from_toml(&text, &name, &rb)
                        .unwrap()
                        .data()
                        .clone();
                    data.mission.assessor = None;
                    data.mission.description = None;
                    data.evidence.values_mut().for_each(|e| e.note = None);
                    Mission::new(data, &rb).unwrap()
                })
                .collect();
            integration_readiness::analysis::panel(&ms).unwrap()
        };
        let first = round(&root().join("examples/panel"));
        let second = round(&root().join("examples/panel/round2"));
        push(
            "panel".into(),
            format,
            report::render(&first, format).unwrap(),
        );
        push(
            "rounds".into(),
            format,
            report::render(
                &integration_readiness::analysis::rounds(&first, &second).unwrap(),
                format,
            )
            .unwrap(),
        );
    }
    out
}

/// The names a report takes from the rulebook and the missions, longest
/// first, lower case.
fn names() -> Vec<String> {
    let rb = Rulebook::oslo_2007();
    let mut set = BTreeSet::new();
    for (_, m) in samples(&rb) {
        let a = assess(&m);
        set.insert(a.mission.name.to_string());
        for d in &a.dimensions {
            set.insert(d.id.to_string());
            set.insert(d.title.to_string());
        }
        for t in &a.themes {
            set.insert(t.title.to_string());
        }
        for f in &a.factors {
            set.insert(f.id.to_string());
            set.insert(f.title.to_string());
        }
        for e in &a.entities {
            set.insert(e.name.to_string());
            set.extend(e.roles.iter().map(|r| r.to_string()));
        }
    }
    for k in rb.context_keys() {
        set.insert(k.key.clone());
    }

    // A name's parts are names too: `UN Mission in Tamberi (UNMITA),
    // fictional` is also `UN Mission in Tamberi` and `UNMITA`.
    let parts: Vec<String> = set
        .iter()
        .flat_map(|n| n.split([',', '(', ')']).map(|p| p.trim().to_owned()))
        .filter(|p| !p.is_empty())
        .collect();
    set.extend(parts);
    let mut v: Vec<String> = set.into_iter().map(|s| s.to_lowercase()).collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    v
}

/// `label` less the rulebook's and the missions' names, and a preposition
/// they leave at its end; `None` when nothing of the report's own is left
/// or it is not one to four words of letters and hyphens.
fn own_label(label: &str, names: &[String]) -> Option<String> {
    let mut l = format!(" {} ", label.trim().to_lowercase());
    for n in names {
        l = l.replace(&format!(" {n} "), "  ");
    }
    let mut words: Vec<&str> = l.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| ["on", "in", "of", "by", "for", "to"].contains(w))
    {
        words.pop();
    }
    // A label of function words alone (`and` of `and 12 more`, `or` of
    // `2 (medium) or 3`) names nothing.
    if words
        .iter()
        .all(|w| ["and", "or", "the", "a", "an", "at", "least"].contains(w))
    {
        return None;
    }
    let ok = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'));
    ok.then(|| words.join(" "))
}

/// The leading label of a text line's content: before the first `:` or
/// `,`, the first run of two spaces or the first `(`.
fn leading(content: &str) -> &str {
    let ends = [
        content.find(':'),
        content.find(','),
        content.find("  "),
        content.find(" ("),
        content.find('('),
    ];
    let end = ends.into_iter().flatten().min();
    end.map_or("", |e| &content[..e])
}

/// A line's content after its indentation, a bullet (`- `) and an item
/// number (`12. `).
fn content(line: &str) -> &str {
    let t = line.trim_start();
    let t = t.strip_prefix("- ").unwrap_or(t);
    match t.split_once(". ") {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => t,
    }
}

/// The fields of a line that are words followed by a number: `coverage`
/// in `coverage 100%`.
fn number_fields(content: &str) -> Vec<String> {
    let mut out = Vec::new();
    for field in content.split([',', ';']).flat_map(|f| f.split("  ")) {
        let words: Vec<&str> = field.split_whitespace().collect();
        let number = words.iter().position(|w| {
            w.trim_start_matches(['+', '-', '±'])
                .starts_with(|c: char| c.is_ascii_digit())
        });
        if let Some(i) = number.filter(|&i| (1..=2).contains(&i)) {
            out.push(words[..i].join(" "));
        }
    }
    out
}

/// A text line at least this long, less a space and the next line's
/// first word, may have been wrapped: the reports wrap at 78 columns, a
/// first line a few columns earlier.
const WRAPPED: usize = 74;

fn text_labels(report: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut previous = 0;
    for line in report.lines() {
        // A line continues the one before when its first word would not
        // have fitted there.
        let first = line
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        let continues = previous > 0 && previous + 1 + first > WRAPPED;
        previous = line.trim_end().chars().count();
        if continues || line.trim().is_empty() {
            continue;
        }
        let c = content(line);
        out.push(leading(c).to_owned());
        out.extend(number_fields(c));
    }
    out
}

fn markdown_labels(report: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lines: Vec<&str> = report.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix('#') {
            let h = h.trim_start_matches('#').trim();
            out.push(h.split([':', ',']).next().unwrap_or(h).to_owned());
        } else if t.starts_with('|') {
            let is_header = lines
                .get(i + 1)
                .is_some_and(|n| n.starts_with("|---") || n.starts_with("|:--"));
            if is_header {
                out.extend(
                    t.trim_matches('|')
                        .split('|')
                        .map(|c| c.trim().trim_matches('#').trim().to_owned()),
                );
            }
        } else {
            let t = t.trim_start_matches(['-', '>', ' ']).replace("**", "");
            if let Some((label, _)) = t.split_once(':') {
                out.push(label.to_owned());
            }
        }
    }
    out
}

/// The labels of every report, each with where it was first seen.
fn labels() -> Vec<(String, String)> {
    let names = names();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (what, format, r) in reports() {
        let raw = match format {
            Format::Markdown => markdown_labels(&r),
            _ => text_labels(&r),
        };
        for l in raw {
            if let Some(l) = own_label(&l, &names).filter(|l| seen.insert(l.clone())) {
                out.push((l, format!("{what} ({format})")));
            }
        }
    }
    out
}

/// The terms the README's glossary defines, lower case.
fn glossary() -> BTreeSet<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("\n## Glossary\n")
        .expect("the README has a ## Glossary section");
    let rest = &readme[start + 1..];
    let end = rest[3..].find("\n#").map_or(rest.len(), |e| e + 3);
    let mut terms = BTreeSet::new();
    for line in rest[..end].lines() {
        let Some(item) = line.strip_prefix("- ") else {
            continue;
        };
        // The bold terms before the definition's colon.
        let head = item.split("**:").next().unwrap_or(item);
        for part in head.split("**").skip(1).step_by(2) {
            terms.insert(part.trim().to_lowercase());
        }
    }
    terms
}

#[test]
fn every_label_the_reports_print_is_in_the_glossary() {
    let defined = glossary();
    let missing: Vec<String> = labels()
        .into_iter()
        .filter(|(l, _)| !defined.contains(l))
        .map(|(l, at)| format!("{l:?} (first in the {at})"))
        .collect();
    assert!(
        missing.is_empty(),
        "labels the README's glossary does not define:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn the_rule_finds_labels_of_every_kind() {
    // The rule itself, on lines of the shapes the reports print.
    let names = vec!["strategic".to_owned()];
    let text = "Overall 51.6 (range 51.6-51.6), evidence coverage 100%\n\
                \n\
                Policy (strategic)  STRETCH\n  \
                score 57.5, range 57.5-57.5, coverage 100%\n  \
                level    cooperation\n  \
                blocked  integration needs a score of 70.0 (now 57.5); integration needs the\n          \
                condition: something deeper\n  \
                1. Step (x): low -> partial, high effort, cost 3\n";
    let found: BTreeSet<String> = text_labels(text)
        .iter()
        .filter_map(|l| own_label(l, &names))
        .collect();
    for l in [
        "overall",
        "range",
        "evidence coverage",
        "policy",
        "score",
        "coverage",
        "level",
        "blocked",
        "step",
        "cost",
    ] {
        assert!(found.contains(l), "{l} in {found:?}");
    }
    // A wrapped line's continuation is not a label.
    assert!(!found.contains("condition"), "{found:?}");
    let md = "## Fix first\n\n| # | Factor | Change |\n|---:|---|---|\n| 1 | a: b | c |\n\n\
              - **Policy / strategic**: target x. Blocked: y.\n";
    let found: BTreeSet<String> = markdown_labels(md)
        .iter()
        .filter_map(|l| own_label(l, &names))
        .collect();
    assert_eq!(
        found,
        ["fix first", "factor", "change"]
            .map(String::from)
            .into_iter()
            .collect()
    );
}

#[test]
fn no_report_prints_a_signed_zero() {
    for (what, format, r) in reports() {
        for (i, line) in r.lines().enumerate() {
            for zero in ["-0.0", "−0.0", "+0.0"] {
                let bad = line.match_indices(zero).any(|(at, _)| {
                    !line[at + zero.len()..].starts_with(|c: char| c.is_ascii_digit())
                });
                assert!(!bad, "{what} ({format}) line {}: {line}", i + 1);
            }
        }
    }
}

/// The briefings of every sample, with their names.
fn briefings() -> Vec<(String, Briefing)> {
    let rb = Rulebook::oslo_2007();
    samples(&rb)
        .into_iter()
        .map(|(n, m)| (n, brief(&m)))
        .collect()
}

#[test]
fn every_cut_list_says_how_many_more() {
    for (name, b) in briefings() {
        let text = report::render(&b, Format::Text).unwrap();
        let md = report::render(&b, Format::Markdown).unwrap();
        let gaps = b.assessment.evidence_gaps.len();
        let section = text
            .split("\nMissing evidence (")
            .nth(1)
            .map(|s| s.split("\n\n").next().unwrap_or(s));
        match section {
            Some(s) if gaps > 5 => {
                assert!(
                    s.contains(&format!("\n  and {} more", gaps - 5)),
                    "{name}: {s}"
                )
            }
            Some(s) => assert!(!s.contains(" more"), "{name}: {s}"),
            None => assert_eq!(gaps, 0, "{name}"),
        }
        let changes = b.plan.changes.len();
        let more = format!("and {} more in the plan", changes.saturating_sub(5));
        assert_eq!(text.contains(&more), changes > 5, "{name}");
        assert_eq!(
            md.contains(&format!("A{}.", &more[1..])),
            changes > 5,
            "{name}"
        );
    }
}

#[test]
fn single_steps_beside_fix_first_say_why_they_are_not_first() {
    let mut seen_later = false;
    let mut seen_outside = false;
    for (name, b) in briefings() {
        let text = report::render(&b, Format::Text).unwrap();
        let Some(part) = text
            .split("\nOther single steps, and why each is not first\n")
            .nth(1)
        else {
            continue;
        };
        let part = part.split("\n\n").next().unwrap();
        let flat = part.split_whitespace().collect::<Vec<_>>().join(" ");
        let fix_first: Vec<&str> = b.fix_first.iter().map(|c| c.factor.as_str()).collect();
        for r in b
            .assessment
            .recommendations
            .iter()
            .filter(|r| !fix_first.contains(&r.factor.as_str()))
            .take(3)
        {
            let at = flat
                .find(&format!("({}): {} -> {}", r.factor, r.from, r.to))
                .unwrap_or_else(|| panic!("{name}: {} not listed: {flat}", r.factor));
            let why = &flat[at..];
            let why = &why[why.find("Not first: ").unwrap() + 11..];
            match b.plan.changes.iter().position(|c| c.factor == r.factor) {
                Some(i) => {
                    seen_later = true;
                    assert!(i >= fix_first.len(), "{name}");
                    let c = &b.plan.changes[i];
                    assert!(
                        why.starts_with(&format!(
                            "step {} of the plan ({} -> {})",
                            i + 1,
                            c.from,
                            c.to
                        )),
                        "{name}: {why}"
                    );
                }
                None => {
                    seen_outside = true;
                    let expected = if b.plan.unreachable.is_empty() {
                        "not needed; the cheapest plan reaches the targets without it"
                    } else {
                        "not in the plan; the cheapest plan to the levels within reach does \
                         without it"
                    };
                    assert!(why.starts_with(expected), "{name}: {why}");
                }
            }
        }
        let listed = part
            .lines()
            .filter(|l| l.starts_with("  ") && l[2..].starts_with(|c: char| c.is_ascii_digit()))
            .count();
        let rest = b
            .assessment
            .recommendations
            .iter()
            .filter(|r| !fix_first.contains(&r.factor.as_str()))
            .count();
        if rest > listed {
            assert!(
                part.ends_with(&format!("and {} more", rest - listed)),
                "{name}: {part}"
            );
        }
    }
    assert!(seen_later && seen_outside, "the samples show both reasons");
}

#[test]
fn a_long_mission_name_wraps_within_80_columns() {
    let rb = Rulebook::oslo_2007();
    let name = "United Nations Integrated Peacebuilding and Stabilization Mission in the \
                Federal Republic of Somewhere Far Away, fictional";
    let m = Mission::builder(&rb).name(name).build().unwrap();
    let text = report::render(&assess(&m), Format::Text).unwrap();
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    assert!(text.starts_with("Integration readiness: United Nations"));
}
