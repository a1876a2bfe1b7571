//! Prints a rulebook: the embedded default, or a file.
//!
//! ```text
//! cargo run --example rulebook -- [--rulebook RULEBOOK.toml] [--format toml|json|markdown]
//! ```

use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use integration_readiness::{Rulebook, reference};
use serde_json::json;

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Toml,
    Json,
    Markdown,
}

/// Print a rulebook as TOML, JSON or a Markdown factor reference.
#[derive(Parser)]
struct Args {
    /// A rulebook file; the embedded `oslo-2007` when left out.
    #[arg(long)]
    rulebook: Option<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "toml")]
    format: Format,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let rb = match &args.rulebook {
        Some(path) => match Rulebook::from_path(path) {
            Ok(rb) => rb,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        },
        None => Rulebook::oslo_2007(),
    };
    match args.format {
        Format::Toml => match rb.to_toml() {
            Ok(t) => print!("{t}"),
            Err(e) => {
                eprintln!("cannot write TOML: {e}");
                return ExitCode::from(2);
            }
        },
        Format::Markdown => print!("{}", reference::markdown(&rb)),
        Format::Json => {
            let data = rb.data();
            let factors: Vec<serde_json::Value> = data
                .factors
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let mut v = serde_json::to_value(f).unwrap_or_default();
                    let weights: serde_json::Map<String, serde_json::Value> = rb
                        .dimensions()
                        .iter()
                        .enumerate()
                        .map(|(d, dim)| (dim.id.clone(), json!(rb.weight(i, d))))
                        .collect();
                    v["weights"] = json!(weights);
                    v["citation_text"] = json!(f.citation.to_string());
                    v
                })
                .collect();
            let out = json!({
                "id": data.rulebook.id,
                "title": data.rulebook.title,
                "version": data.rulebook.version,
                "spectrum": data.levels.iter().map(|l| &l.id).collect::<Vec<_>>(),
                "levels": data.levels,
                "dimensions": data.dimensions.iter().map(|d| &d.id).collect::<Vec<_>>(),
                "themes": data.themes,
                "roles": data.roles,
                "context": data.context,
                "factors": factors,
                "gates": data.gates,
                "rules": data.rules,
            });
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
    }
    ExitCode::SUCCESS
}
