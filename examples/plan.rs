//! The cheapest plan to target: the rating changes of least total effort
//! that bring every dimension to its target level.
//!
//! ```text
//! cargo run --example plan -- [MISSION.toml] [--rulebook RULEBOOK.toml] [--format text|json]
//! ```

mod cli;

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Parser;
use integration_readiness::analysis::plan;
use integration_readiness::report;

/// Find the cheapest set of rating changes that reaches every target.
#[derive(Parser)]
struct Args {
    #[command(flatten)]
    input: cli::MissionArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: cli::Format,
}

fn main() -> ExitCode {
    let args = Args::parse();
    cli::finish((|| {
        let (rb, m) = args.input.load(cli::START_UP)?;
        let p = plan(&rb, &m);
        if let cli::Format::Json = args.format {
            return Ok(report::json(&p)? + "\n");
        }
        let mut o = String::new();
        let _ = writeln!(o, "Cheapest plan to target: {}", m.name());
        for ((d, target), (_, reach)) in p.targets.iter().zip(p.reaches.iter()) {
            let _ = writeln!(o, "  {d:<15} target {target:<15} after the plan {reach}");
        }
        if p.changes.is_empty() {
            let _ = writeln!(o, "\nNo change needed.");
        } else {
            let _ = writeln!(
                o,
                "\n{} changes, total effort {}:",
                p.changes.len(),
                p.total_effort
            );
            for c in &p.changes {
                let _ = writeln!(
                    o,
                    "  {:<38} {:>7} -> {:<7} {} effort, cost {}{}",
                    c.factor,
                    c.from.as_str(),
                    c.to.as_str(),
                    c.effort_level,
                    c.effort,
                    if c.forced_by_gate { " (gate)" } else { "" }
                );
            }
        }
        for r in &p.reasons {
            let _ = writeln!(
                o,
                "\nUnreachable: {} cannot reach {} (best {}): {}",
                r.dimension, r.target, r.best, r.reason
            );
        }
        if !p.exact {
            let _ = writeln!(
                o,
                "\nThe search hit its node budget: the plan may not be the cheapest."
            );
        }
        Ok(o)
    })())
}
