//! Speed of a panel of assessors against the time of full assessments.
//! Run with `cargo bench --bench panel`; BENCHMARKS.md records the figures.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use integration_readiness::analysis::panel;
use integration_readiness::{Mission, Rating, assess};

const SAMPLE: &str = include_str!("../examples/missions/consolidation-after-ceasefire.toml");

/// Twelve assessors of the sample mission: each moves every factor by up to
/// two steps from the sample's rating, by a fixed pattern, so that the
/// panel has agreements, one-step splits and wide disagreements.
fn twelve() -> Vec<Mission> {
    let rb = integration_readiness::Rulebook::oslo_2007();
    let base = Mission::from_toml(SAMPLE, "sample.toml", &rb).unwrap();
    (0..12)
        .map(|a: usize| {
            let mut m = base.clone();
            for f in 0..rb.factors().len() {
                let Some(step) = base.rating(f).and_then(Rating::step) else {
                    continue;
                };
                let shift = ((a * 7 + f * 3) % 5) as isize - 2;
                let to = (step as isize + shift).clamp(0, 4) as usize;
                m.set_rating(f, Rating::SCALE[to]);
            }
            m
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let missions = twelve();
    c.bench_function("panel/assess_one", |b| {
        b.iter(|| assess(black_box(&missions[0])))
    });
    c.bench_function("panel/twelve_assessors", |b| {
        b.iter(|| panel(black_box(&missions)).unwrap())
    });
}

criterion_group!(panel_benches, benches);
criterion_main!(panel_benches);
