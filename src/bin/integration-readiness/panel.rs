//! `integration-readiness panel`: several assessors' files of one mission,
//! brought together; with `--round2`, a second round compared with the
//! first.

use std::path::PathBuf;
use std::process::ExitCode;

use integration_readiness::analysis::{Panel, Rounds, panel, rounds};
use integration_readiness::report::{self, Format, Render};
use integration_readiness::{Mission, Rulebook};

use crate::io::{self, Failure};

/// Bring several assessors' ratings of one mission together: the panel's
/// assessment with their disagreement as uncertainty, how far they agree
/// (Krippendorff's alpha), and which disagreements to discuss first.
#[derive(clap::Args)]
#[command(after_help = concat!(
    "Examples:\n",
    "  integration-readiness panel planning.toml country-team.toml hq.toml\n",
    "  integration-readiness panel round1/*.toml --round2 round2/*.toml --anonymous\n",
    "  integration-readiness panel *.toml --format csv > panel.csv\n\n",
    "Each file is one assessor's rating of the same mission (its `assessor` names\n",
    "them). Every file is checked; the problems of all of them are reported\n",
    "together. With --round2, the report compares the two rounds: did alpha rise,\n",
    "did the spread narrow, which factors still split the panel.",
))]
pub struct Args {
    /// Mission files, one per assessor, two or more (`-` reads one of them
    /// from standard input).
    #[arg(required = true, num_args = 2.., value_name = "MISSION")]
    files: Vec<PathBuf>,
    /// The second round's files, one per assessor (two or more): the
    /// report compares the rounds.
    #[arg(long, num_args = 2.., value_name = "MISSION")]
    round2: Option<Vec<PathBuf>>,
    /// Show the assessors as A, B, C... (a Delphi round): their names are
    /// replaced wherever they appear in the files' text, and the file names
    /// are left out.
    #[arg(long)]
    anonymous: bool,
    #[command(flatten)]
    rulebook: io::RulebookArg,
    /// Output format (csv: one row per factor and assessor; with --round2,
    /// one row per factor whose spread moved; html: not with --round2).
    #[arg(long, default_value_t = Format::Text, value_parser = io::formats(Panel::FORMATS))]
    format: Format,
}

/// Loads every file, brings the panel together (and the second round's)
/// and prints it.
pub fn run(args: Args) -> ExitCode {
    io::finish((|| -> Result<String, Failure> {
        let round2 = args.round2.as_deref().unwrap_or_default();
        io::stdin_once(
            args.files
                .iter()
                .chain(round2)
                .map(|p| Some(p.as_path()))
                .chain([args.rulebook.rulebook.as_deref()]),
        )?;
        let rb = io::rulebook(args.rulebook.rulebook.as_deref())?;
        let first = load(&args.files, &rb, args.anonymous)?;
        if round2.is_empty() {
            return Ok(report::render(&first, args.format)?);
        }
        let second = load(round2, &rb, args.anonymous)?;
        let both: Rounds = rounds(&first, &second)?;
        if !Rounds::FORMATS.contains(&args.format) {
            return Err(Failure::Input(format!(
                "--round2 has no {} output; it has {}",
                args.format,
                Rounds::FORMATS
                    .iter()
                    .map(|f| f.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        Ok(report::render(&both, args.format)?)
    })())
}

/// The panel of the missions in `paths`, each file named on its assessor
/// (or, anonymous, the assessors lettered and their names gone).
fn load(paths: &[PathBuf], rb: &Rulebook, anonymous: bool) -> Result<Panel, Failure> {
    let mut missions = io::missions(paths, rb)?;
    if anonymous {
        missions = anonymise(&missions, rb)?;
    }
    let mut p = panel(&missions)?;
    if !anonymous {
        p.files = paths.iter().map(|p| Some(io::file_name(p))).collect();
    }
    Ok(p)
}

/// `A`, `B`, ... `Z`, `AA`, `AB`, ...: the letters of assessor `i`.
fn letters(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// The missions with each assessor named by letter, and every assessor's
/// name replaced by their letter wherever the missions' text (description,
/// notes, sources, entities) holds it: the whole `assessor` text, and each
/// word of its person's name (what comes before a first comma) as a whole
/// word, so that `Ben Okafor, planning` also takes `Okafor` and `Ben` out of
/// a note. A name written otherwise (initials, a nickname) is not caught.
fn anonymise(missions: &[Mission], rb: &Rulebook) -> Result<Vec<Mission>, Failure> {
    let mut names: Vec<(String, String)> = Vec::new();
    for (i, m) in missions.iter().enumerate() {
        let Some(name) = m.data().mission.assessor.as_deref().map(str::trim) else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        names.push((name.to_owned(), letters(i)));
        let person = name.split(',').next().unwrap_or(name);
        if person.trim() != name {
            names.push((person.trim().to_owned(), letters(i)));
        }
        for word in person.split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word.chars().count() >= 2 && word.chars().next().is_some_and(char::is_uppercase) {
                names.push((word.to_owned(), letters(i)));
            }
        }
    }
    // Longer names first, so that a name inside another goes with it.
    names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let scrub = |text: &mut String| {
        for (name, letter) in &names {
            if text.contains(name.as_str()) {
                *text = replace_words(text, name, letter);
            }
        }
    };
    let mut out = Vec::with_capacity(missions.len());
    for (i, m) in missions.iter().enumerate() {
        let mut data = m.data().clone();
        data.mission.assessor = Some(letters(i));
        if let Some(d) = data.mission.description.as_mut() {
            scrub(d);
        }
        for e in data.evidence.values_mut() {
            if let Some(n) = e.note.as_mut() {
                scrub(n);
            }
            e.sources.iter_mut().for_each(&scrub);
        }
        for e in &mut data.entities {
            if let Some(n) = e.note.as_mut() {
                scrub(n);
            }
        }
        out.push(Mission::new(data, rb)?);
    }
    Ok(out)
}

/// `text` with every whole-word `name` (not inside a longer word) replaced
/// by `by`.
fn replace_words(text: &str, name: &str, by: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].chars().next();
        let whole =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        out.push_str(&rest[..at]);
        out.push_str(if whole { by } else { name });
        rest = &rest[at + name.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{letters, replace_words};

    #[test]
    fn names_are_replaced_as_whole_words_only() {
        assert_eq!(
            replace_words("Okafor memo; Okaforson; (Okafor).", "Okafor", "B"),
            "B memo; Okaforson; (B)."
        );
        assert_eq!(
            replace_words("I, Ben, signed; Bentley", "Ben", "B"),
            "I, B, signed; Bentley"
        );
    }

    #[test]
    fn assessors_are_lettered_as_columns_are() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(26 + 26 * 26), "AAA");
    }
}
