//! Speed of scoring, loading and the analyses. Run with `cargo bench`;
//! BENCHMARKS.md records the figures.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use integration_readiness::Polarity;
use integration_readiness::analysis::{RobustnessOptions, plan, portfolio, robustness};
use integration_readiness::model::Entity;
use integration_readiness::{Mission, Rulebook, assess};
use integration_readiness::{score_batch, score_into};

const SAMPLE: &str = include_str!("../examples/missions/consolidation-after-ceasefire.toml");
const START_UP: &str = include_str!("../examples/missions/start-up-active-conflict.toml");

fn benches(c: &mut Criterion) {
    let rb = Rulebook::oslo_2007();
    let m = Mission::from_toml(SAMPLE, "sample.toml", &rb).unwrap();
    let nd = rb.dimensions().len();
    let nf = rb.factors().len();

    // The floor: the same weights and ratings in flat arrays, summed.
    let weights: Vec<f64> = (0..nf)
        .flat_map(|f| (0..nd).map(move |d| (f, d)))
        .map(|(f, d)| rb.weight(f, d).unwrap())
        .collect();
    let earned: Vec<f64> = (0..nf)
        .map(|f| {
            let s = m.rating(f).unwrap().strength().unwrap_or(0.0);
            match rb.factors()[f].polarity {
                Polarity::Enabler => s,
                Polarity::Barrier => 1.0 - s,
            }
        })
        .collect();
    c.bench_function("baseline/weighted_sum", |b| {
        b.iter(|| {
            let (w, e) = (black_box(&weights), black_box(&earned));
            let mut num = [0.0f64; 3];
            let mut den = [0.0f64; 3];
            for f in 0..nf {
                for d in 0..3 {
                    num[d] += w[f * 3 + d] * e[f];
                    den[d] += w[f * 3 + d];
                }
            }
            [
                100.0 * num[0] / den[0],
                100.0 * num[1] / den[1],
                100.0 * num[2] / den[2],
            ]
        })
    });

    c.bench_function("assess/full", |b| b.iter(|| assess(black_box(&m))));

    let mut out = Vec::with_capacity(nd);
    c.bench_function("assess/score_only", |b| {
        b.iter(|| {
            score_into(&m, black_box(m.ratings()), &mut out).unwrap();
            out.len()
        })
    });

    let portfolio_missions: Vec<Mission> = (0..1000).map(|_| m.clone()).collect();
    let mut out = Vec::with_capacity(1000 * nd);
    c.bench_function("assess/batch_1000", |b| {
        b.iter(|| {
            score_batch(black_box(&portfolio_missions), &mut out).unwrap();
            out.len()
        })
    });

    // The `portfolio` command's work after loading: 1,000 full assessments
    // laid out one row each, then sorted by a dimension's score.
    c.bench_function("portfolio/1000", |b| {
        b.iter(|| {
            let mut p = portfolio(black_box(&rb), black_box(&portfolio_missions)).unwrap();
            p.sort_by_column("strategic", false).unwrap();
            p.rows.len()
        })
    });

    c.bench_function("load/toml_only", |b| {
        b.iter(|| toml::from_str::<toml::Table>(black_box(SAMPLE)).unwrap())
    });
    c.bench_function("load/mission", |b| {
        b.iter(|| Mission::from_toml(black_box(SAMPLE), "sample.toml", &rb).unwrap())
    });
    // The built-in rulebook after the first call: a handle to the rulebook
    // read once (the goal is under 1 µs).
    c.bench_function("load/oslo_2007_cached", |b| b.iter(Rulebook::oslo_2007));
    c.bench_function("load/rulebook", |b| {
        b.iter(|| {
            Rulebook::from_toml(black_box(Rulebook::oslo_2007_text()), "oslo-2007.toml").unwrap()
        })
    });

    let start = Mission::from_toml(START_UP, "start-up.toml", &rb).unwrap();
    c.bench_function("plan/default", |b| b.iter(|| plan(black_box(&start))));
    c.bench_function("robustness/default", |b| {
        b.iter(|| robustness(black_box(&m), RobustnessOptions::default()))
    });
    c.bench_function("robustness/exact_only", |b| {
        let opts = RobustnessOptions {
            samples: 0,
            ..RobustnessOptions::default()
        };
        b.iter(|| robustness(black_box(&m), opts))
    });
}

/// A mission with `n` context keys, each `key{i} = value`.
fn context_keys(n: usize, value: &str) -> String {
    let mut text = String::from("[mission]\nname = \"x\"\n[context]\n");
    for i in 0..n {
        text.push_str(&format!("key{i} = {value}\n"));
    }
    text
}

/// Refusing a file with many problems, doubling their number: the time
/// should double too (the first 200 are located and worded, the rest only
/// counted). Type errors are context keys holding numbers (read alone and
/// set aside in the shape pass); unknown keys are context keys the
/// rulebook does not know (found in the pass over meaning).
fn refusing(c: &mut Criterion) {
    let rb = Rulebook::oslo_2007();
    let mut group = c.benchmark_group("refusing");
    group.sample_size(10);
    for n in [2_000, 4_000, 8_000, 16_000] {
        let text = context_keys(n, "1");
        group.bench_with_input(BenchmarkId::new("type_errors", n), &text, |b, text| {
            b.iter(|| Mission::from_toml(black_box(text), "m.toml", &rb).unwrap_err())
        });
        let text = context_keys(n, "\"yes\"");
        group.bench_with_input(BenchmarkId::new("unknown_keys", n), &text, |b, text| {
            b.iter(|| Mission::from_toml(black_box(text), "m.toml", &rb).unwrap_err())
        });
    }
    group.finish();
}

/// The fully evidenced sample with `n` entities, each of one of the
/// rulebook's roles in turn, half of them with current levels.
fn with_entities(rb: &Rulebook, n: usize) -> Mission {
    let base = Mission::from_toml(SAMPLE, "sample.toml", rb).unwrap();
    let mut data = base.data().clone();
    let roles: Vec<String> = rb.roles().iter().map(|r| r.id.to_string()).collect();
    let dims: Vec<String> = rb.dimensions().iter().map(|d| d.id.to_string()).collect();
    let levels: Vec<String> = rb.levels().iter().map(|l| l.id.to_string()).collect();
    data.entities = (0..n)
        .map(|i| {
            let mut e = Entity::new(format!("entity {i}"), roles[i % roles.len()].clone());
            if i % 2 == 0 {
                for (d, dim) in dims.iter().enumerate() {
                    e.current
                        .insert(dim.clone(), levels[(i + d) % levels.len()].clone());
                }
            }
            e
        })
        .collect();
    Mission::new(data, rb).unwrap()
}

/// Assessing a mission with many entities, doubling their number: the
/// time should double too.
fn entities(c: &mut Criterion) {
    let rb = Rulebook::oslo_2007();
    let mut group = c.benchmark_group("entities");
    group.sample_size(10);
    for n in [12_500, 25_000, 50_000, 100_000] {
        let m = with_entities(&rb, n);
        group.bench_with_input(BenchmarkId::new("assess", n), &m, |b, m| {
            b.iter(|| assess(black_box(m)))
        });
    }
    group.finish();
}

/// A rulebook in the form of `tests/data/tiny.toml` (three levels, two
/// dimensions, one gate) with `factors` factors (every third a barrier)
/// and `keys` context keys, each with two values and a target rule.
fn sized_rulebook(factors: usize, keys: usize) -> String {
    let mut t = String::from(
        "[rulebook]\nid = \"sized\"\ntitle = \"Sized\"\nversion = \"1\"\n\n\
         [[level]]\nid = \"apart\"\ntitle = \"Apart\"\nmeaning = \"apart\"\n\n\
         [[level]]\nid = \"mid\"\ntitle = \"Mid\"\nmeaning = \"mid\"\nthreshold = { a = 40.0, b = 40.0 }\n\n\
         [[level]]\nid = \"top\"\ntitle = \"Top\"\nmeaning = \"top\"\nthreshold = { a = 70.0, b = 70.0 }\n\n\
         [[dimension]]\nid = \"a\"\ntitle = \"A\"\ndefault-target = \"mid\"\n\n\
         [[dimension]]\nid = \"b\"\ntitle = \"B\"\ndefault-target = \"apart\"\n\n\
         [[theme]]\nid = \"t1\"\ntitle = \"T1\"\n\n[[role]]\nid = \"hum\"\ntitle = \"Hum\"\n\n",
    );
    for k in 0..keys {
        t.push_str(&format!(
            "[[context]]\nkey = \"k{k}\"\nvalues = [\"x\", \"y\"]\n\n\
             [[rule]]\nid = \"r{k}\"\nwhen = {{ k{k} = \"y\" }}\ndimensions = [\"a\"]\n\
             at-least = \"top\"\nbecause = \"y aims high\"\n\
             citation = {{ section = \"S\", paragraph = 1, phrase = \"p\" }}\n\n"
        ));
    }
    for f in 0..factors {
        let polarity = if f % 3 == 2 { "barrier" } else { "enabler" };
        t.push_str(&format!(
            "[[factor]]\nid = \"f{f}\"\npolarity = \"{polarity}\"\ntheme = \"t1\"\n\
             title = \"F{f}\"\ndescription = \"d\"\nquestion = \"q?\"\neffort = \"medium\"\n\
             remedy = \"r\"\ncitation = {{ section = \"S\", paragraph = 1, phrase = \"p\" }}\n\n"
        ));
    }
    t.push_str(
        "[[gate]]\nlevel = \"top\"\ndimensions = [\"a\"]\nfactor = \"f0\"\nat-least = \"high\"\n\
         because = \"g\"\ncitation = { section = \"S\", paragraph = 1, phrase = \"p\" }\n",
    );
    t
}

/// A mission of [`sized_rulebook`] rating its first `rated` factors (in
/// turn low, partial, high) and stating its first `keys` context keys.
fn sized_mission(rated: usize, keys: usize) -> String {
    let mut t = String::from("[mission]\nname = \"x\"\n[context]\n");
    for k in 0..keys {
        t.push_str(&format!(
            "k{k} = \"{}\"\n",
            if k % 2 == 0 { "x" } else { "y" }
        ));
    }
    let words = ["low", "partial", "high"];
    for f in 0..rated {
        t.push_str(&format!("[evidence.f{f}]\nrating = \"{}\"\n", words[f % 3]));
    }
    t
}

/// Assessing a mission of a rulebook with `n` factors, every one rated,
/// doubling `n`: the time should double too.
fn ratings(c: &mut Criterion) {
    let mut group = c.benchmark_group("ratings");
    group.sample_size(10);
    for n in [250, 500, 1_000, 2_000] {
        let rb = Rulebook::from_toml(&sized_rulebook(n, 1), "rb.toml").unwrap();
        let m = Mission::from_toml(&sized_mission(n, 1), "m.toml", &rb).unwrap();
        group.bench_with_input(BenchmarkId::new("assess", n), &m, |b, m| {
            b.iter(|| assess(black_box(m)))
        });
    }
    group.finish();
}

/// Context keys, doubling their number: assessing a mission that states
/// every one of a rulebook's `n` keys (each with a target rule), and
/// refusing a mission of the default rulebook with `n` keys it does not
/// know (the `refusing` group has the same with more keys).
fn context(c: &mut Criterion) {
    let mut group = c.benchmark_group("context");
    group.sample_size(10);
    for n in [250, 500, 1_000, 2_000] {
        let rb = Rulebook::from_toml(&sized_rulebook(10, n), "rb.toml").unwrap();
        let m = Mission::from_toml(&sized_mission(10, n), "m.toml", &rb).unwrap();
        group.bench_with_input(BenchmarkId::new("assess", n), &m, |b, m| {
            b.iter(|| assess(black_box(m)))
        });
        let default = Rulebook::oslo_2007();
        let text = context_keys(n, "\"yes\"");
        group.bench_with_input(BenchmarkId::new("unknown", n), &text, |b, text| {
            b.iter(|| Mission::from_toml(black_box(text), "m.toml", &default).unwrap_err())
        });
    }
    group.finish();
}

/// A portfolio of `n` copies of the fully evidenced sample, doubling `n`.
fn portfolios(c: &mut Criterion) {
    let rb = Rulebook::oslo_2007();
    let m = Mission::from_toml(SAMPLE, "sample.toml", &rb).unwrap();
    let mut group = c.benchmark_group("portfolio_n");
    group.sample_size(10);
    for n in [125, 250, 500, 1_000] {
        let missions = vec![m.clone(); n];
        group.bench_with_input(BenchmarkId::new("portfolio", n), &missions, |b, ms| {
            b.iter(|| portfolio(&rb, black_box(ms)).unwrap())
        });
    }
    group.finish();
}

/// Reading a mission with `n` entities from TOML text (the sample's
/// evidence and `n` `[[entity]]` tables, half with current levels),
/// doubling `n` up to the limit of a file, and refusing one with 64 times
/// the limit.
fn loading(c: &mut Criterion) {
    let rb = Rulebook::oslo_2007();
    let mut group = c.benchmark_group("loading");
    group.sample_size(10);
    for n in [125, 250, 500, 1_000, 64_000] {
        let text = with_entities(&rb, n).to_toml().unwrap();
        let id = if n > integration_readiness::MAX_ENTITIES {
            BenchmarkId::new("refused", n)
        } else {
            BenchmarkId::new("entities", n)
        };
        group.bench_with_input(id, &text, |b, text| {
            b.iter(|| Mission::from_toml(black_box(text), "m.toml", &rb))
        });
    }
    group.finish();
}

criterion_group!(
    scoring, benches, refusing, entities, ratings, context, portfolios, loading
);
criterion_main!(scoring);
