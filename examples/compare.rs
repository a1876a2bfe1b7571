//! Compares two assessments of the same mission: what moved and why.
//!
//! ```text
//! cargo run --example compare -- [OLD.toml NEW.toml] [--rulebook RULEBOOK.toml] [--format text|json]
//! ```

mod cli;

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Parser;
use integration_readiness::analysis::compare;
use integration_readiness::assess;

const OLD: (&str, &str) = (
    include_str!("missions/compare-2008.toml"),
    "compare-2008.toml",
);
const NEW: (&str, &str) = (
    include_str!("missions/compare-2009.toml"),
    "compare-2009.toml",
);

/// Compare two assessments of a mission at two dates.
#[derive(Parser)]
struct Args {
    /// The earlier mission file (with NEW); the embedded pair when left out.
    #[arg(requires = "new")]
    old: Option<std::path::PathBuf>,
    /// The later mission file.
    new: Option<std::path::PathBuf>,
    #[command(flatten)]
    rulebook: cli::RulebookArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: cli::Format,
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::finish((|| {
        let rb = cli::rulebook(args.rulebook.rulebook.as_ref())?;
        let old = cli::mission(args.old.as_ref(), OLD, &rb)?;
        let new = cli::mission(args.new.as_ref(), NEW, &rb)?;
        let (a, b) = (assess(&rb, &old), assess(&rb, &new));
        let c = compare(&a, &b);
        if let cli::Format::Json = args.format {
            return Ok(serde_json::to_string_pretty(&c).unwrap_or_default() + "\n");
        }
        let mut o = String::new();
        let _ = writeln!(
            o,
            "{} -> {}: {}",
            c.date_before.unwrap_or("before"),
            c.date_after.unwrap_or("after"),
            new.name()
        );
        let _ = writeln!(
            o,
            "Overall {:.1} -> {:.1}, coverage {:.0}% -> {:.0}%, verdict {} -> {}\n",
            c.overall.score_before,
            c.overall.score_after,
            100.0 * c.overall.coverage_before,
            100.0 * c.overall.coverage_after,
            c.overall.verdict_before,
            c.overall.verdict_after
        );
        for d in &c.dimensions {
            let _ = writeln!(
                o,
                "{:<15} {:.1} -> {:.1}  {} -> {}  (target {} -> {}, {} -> {})",
                d.id,
                d.score_before,
                d.score_after,
                d.level_before,
                d.level_after,
                d.target_before,
                d.target_after,
                d.verdict_before,
                d.verdict_after
            );
            for x in d.drivers.iter().take(4) {
                let _ = writeln!(
                    o,
                    "    {:+6.1} {}{}",
                    x.points,
                    x.factor,
                    if x.rating_changed {
                        ""
                    } else {
                        " (share moved)"
                    }
                );
            }
        }
        if !c.changed_ratings.is_empty() {
            let _ = writeln!(o, "\nChanged ratings:");
            for r in &c.changed_ratings {
                let word = |x: Option<integration_readiness::Rating>| {
                    x.map_or("no evidence", |r| r.as_str())
                };
                let _ = writeln!(
                    o,
                    "  {:<38} {} -> {}",
                    r.factor,
                    word(r.before),
                    word(r.after)
                );
            }
        }
        for (key, before, after) in &c.context_changes {
            let show = |v: &Option<&integration_readiness::model::ContextValue>| {
                v.map_or("(not given)".to_owned(), |v| v.to_string())
            };
            let _ = writeln!(o, "\nContext {key}: {} -> {}", show(before), show(after));
        }
        for (name, before, after) in &c.over_integration {
            let _ = writeln!(
                o,
                "\n{name}: over-integrated on [{}] -> [{}]",
                before.join(", "),
                after.join(", ")
            );
        }
        Ok(o)
    })())
}
