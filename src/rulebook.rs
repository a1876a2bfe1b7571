//! A validated rulebook, resolved once to dense indices.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::error::{Collector, DocPath, Error, Found, Problem, num, one_of, one_of_ids, shown};
use crate::model::{
    Citation, ContextKey, ContextValue, Dimension, Factor, Level, Polarity, Rating, RulebookData,
    Theme,
};
use crate::text::Text;

/// A bound on a rating (gates) or on a level (target rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Bound<T> {
    /// At least this.
    AtLeast(T),
    /// At most this.
    AtMost(T),
}

/// A gate resolved to indices.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CompiledGate {
    pub gate: usize,
    pub level: usize,
    pub dimension: usize,
    pub factor: usize,
    pub bound: Bound<Rating>,
}

/// A context condition resolved to indices: (context key index, accepted
/// value indices), all of which must match.
pub(crate) type When = Vec<(usize, Vec<usize>)>;

/// How a context condition stands against a mission's context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Matches {
    /// Every key is given and matches.
    Yes,
    /// Some key is given and does not match.
    No,
    /// No key contradicts it, but some key is left out.
    Open,
}

/// Whether `when` matches `context` (value index per key, `None` where
/// the mission leaves the key out).
pub(crate) fn matches(when: &[(usize, Vec<usize>)], context: &[Option<usize>]) -> Matches {
    let mut open = false;
    for (k, vals) in when {
        match context.get(*k).copied().flatten() {
            Some(v) if vals.contains(&v) => {}
            Some(_) => return Matches::No,
            None => open = true,
        }
    }
    if open { Matches::Open } else { Matches::Yes }
}

/// A consistency rule resolved to indices.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CompiledConsistency {
    /// (factor index, bound), all of which must hold.
    pub all: Vec<(usize, Bound<Rating>)>,
}

/// A target rule resolved to indices.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CompiledRule {
    /// (context key index, accepted value indices).
    pub when: When,
    /// Role indices; empty = the mission as a whole.
    pub roles: Vec<usize>,
    pub dimensions: Vec<usize>,
    pub bound: Bound<usize>,
}

/// The words a result names, each made once per rulebook and shared by
/// every result (a clone is a reference count, not a copy), in rulebook
/// order.
#[derive(Debug, PartialEq)]
pub(crate) struct Names {
    pub rulebook: Text,
    pub factor_id: Vec<Text>,
    pub factor_title: Vec<Text>,
    pub factor_theme: Vec<Text>,
    pub remedy: Vec<Text>,
    pub question: Vec<Text>,
    pub citation: Vec<Arc<Citation>>,
    pub dimension_id: Vec<Text>,
    pub dimension_title: Vec<Text>,
    pub level_id: Vec<Text>,
    pub theme_id: Vec<Text>,
    pub theme_title: Vec<Text>,
    pub role_id: Vec<Text>,
    pub rule_id: Vec<Text>,
    pub context_key: Vec<Text>,
    pub gate_because: Vec<Text>,
    pub gate_citation: Vec<Arc<Citation>>,
    pub rule_because: Vec<Text>,
    pub rule_citation: Vec<Arc<Citation>>,
    pub consistency_id: Vec<Text>,
    pub consistency_because: Vec<Text>,
    pub consistency_citation: Vec<Arc<Citation>>,
}

impl Names {
    /// The names of `d`, each made by `text`.
    fn new(d: &RulebookData, text: &dyn Fn(&str) -> Text) -> Names {
        let texts = |v: &mut dyn Iterator<Item = &String>| -> Vec<Text> {
            v.map(|s| text(s.as_str())).collect()
        };
        Names {
            rulebook: text(d.rulebook.id.as_str()),
            factor_id: texts(&mut d.factors.iter().map(|f| &f.id)),
            factor_title: texts(&mut d.factors.iter().map(|f| &f.title)),
            factor_theme: texts(&mut d.factors.iter().map(|f| &f.theme)),
            remedy: texts(&mut d.factors.iter().map(|f| &f.remedy)),
            question: texts(&mut d.factors.iter().map(|f| &f.question)),
            citation: d
                .factors
                .iter()
                .map(|f| Arc::new(f.citation.clone()))
                .collect(),
            dimension_id: texts(&mut d.dimensions.iter().map(|x| &x.id)),
            dimension_title: texts(&mut d.dimensions.iter().map(|x| &x.title)),
            level_id: texts(&mut d.levels.iter().map(|x| &x.id)),
            theme_id: texts(&mut d.themes.iter().map(|x| &x.id)),
            theme_title: texts(&mut d.themes.iter().map(|x| &x.title)),
            role_id: texts(&mut d.roles.iter().map(|x| &x.id)),
            rule_id: texts(&mut d.rules.iter().map(|x| &x.id)),
            context_key: texts(&mut d.context.iter().map(|x| &x.key)),
            gate_because: texts(&mut d.gates.iter().map(|x| &x.because)),
            gate_citation: d
                .gates
                .iter()
                .map(|g| Arc::new(g.citation.clone()))
                .collect(),
            rule_because: texts(&mut d.rules.iter().map(|x| &x.because)),
            rule_citation: d
                .rules
                .iter()
                .map(|r| Arc::new(r.citation.clone()))
                .collect(),
            consistency_id: texts(&mut d.consistency.iter().map(|x| &x.id)),
            consistency_because: texts(&mut d.consistency.iter().map(|x| &x.because)),
            consistency_citation: d
                .consistency
                .iter()
                .map(|r| Arc::new(r.citation.clone()))
                .collect(),
        }
    }
}

/// A checked rulebook: spectrum, dimensions, themes, roles, context keys,
/// factors, thresholds, gates and target rules.
///
/// Build one with [`Rulebook::oslo_2007`] (the embedded default),
/// [`Rulebook::from_toml`], or [`Rulebook::new`] from data. A `Rulebook` is
/// a handle: cloning it is cheap and clones share one checked rulebook, so
/// results and applications can keep it.
#[derive(Debug, Clone)]
pub struct Rulebook {
    inner: Arc<Compiled>,
}

impl PartialEq for Rulebook {
    fn eq(&self, other: &Rulebook) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
            || (self.inner.key == other.inner.key && self.inner == other.inner)
    }
}

/// The checked rulebook behind the handle: the data as written and its
/// resolution to dense indices. Read only through the accessors below, so
/// that no index arithmetic leaves this file.
#[derive(Debug, PartialEq)]
struct Compiled {
    data: RulebookData,
    /// Factor-major weights: `weights[f * dims + d]`.
    weights: Vec<f64>,
    /// Threshold of level `l` (l >= 1) on dimension `d`: `thresholds[(l - 1) * dims + d]`.
    thresholds: Vec<f64>,
    theme_of: Vec<usize>,
    gates: Vec<CompiledGate>,
    /// The context in which each gate (of the file) binds.
    gate_when: Vec<When>,
    /// The context in which each factor applies.
    applies_when: Vec<When>,
    /// The factors with an `applies-when` condition, in file order.
    conditional: Vec<usize>,
    rules: Vec<CompiledRule>,
    consistency: Vec<CompiledConsistency>,
    default_targets: Vec<usize>,
    /// Gate indices (into `gates`) per level and dimension: `gates_at[l * dims + d]`.
    gates_at: Vec<Vec<usize>>,
    /// Fingerprint of the ids that a mission's indices point into.
    key: u64,
    /// Fingerprint of the whole content, for provenance.
    content: u64,
    /// The dimension ids, shared by every per-dimension result.
    dimension_ids: DimensionIds,
    /// Every word a result names, shared with the results.
    names: Names,
    factor_index: BTreeMap<String, usize>,
}

pub(crate) fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The largest weight or effort cost a rulebook may give. Sums of
/// thousands of them stay far from overflow, so no score or plan total can
/// become infinite.
pub(crate) const MAX_NUMBER: f64 = 1e9;

/// The most words a citation's locating phrase may have.
pub(crate) const MAX_PHRASE_WORDS: usize = 8;

struct Checker {
    problems: Collector,
}

impl Checker {
    fn push(&mut self, p: Problem) {
        self.problems.add(|| p);
    }

    fn ids<'a, T>(
        &mut self,
        items: &'a [T],
        table: &str,
        key: &str,
        id: impl Fn(&'a T) -> &'a str,
    ) -> BTreeMap<&'a str, usize> {
        let mut map = BTreeMap::new();
        for (i, item) in items.iter().enumerate() {
            let v = id(item);
            let path = DocPath::root().key(table).index(i).key(key);
            if !is_kebab(v) {
                self.push(
                    Problem::new(path.clone(), format!("`{}` is not a valid id", shown(v)))
                        .allowed("kebab-case: lowercase letters, digits and single hyphens"),
                );
            }
            if let Some(first) = map.insert(v, i) {
                map.insert(v, first);
                self.push(Problem::new(
                    path,
                    format!(
                        "duplicate id `{v}`, first used at {}",
                        DocPath::root().key(table).index(first).in_words()
                    ),
                ));
            }
        }
        map
    }

    fn resolve(
        &mut self,
        map: &BTreeMap<&str, usize>,
        what: &str,
        value: &str,
        path: DocPath,
    ) -> Option<usize> {
        match map.get(value) {
            Some(i) => Some(*i),
            None => {
                self.problems.add(|| {
                    Problem::new(path, format!("unknown {what} `{}`", shown(value)))
                        .allowed(one_of_ids(what, map.keys().copied()))
                        .suggest(value, map.keys().copied())
                });
                None
            }
        }
    }

    fn citation(&mut self, c: &Citation, path: DocPath) {
        if c.paragraph == 0 {
            self.push(
                Problem::new(path.key("paragraph"), "paragraph 0 does not exist")
                    .allowed("a paragraph number from 1"),
            );
        }
        let words = c.phrase.split_whitespace().count();
        if words == 0 || words > MAX_PHRASE_WORDS {
            self.push(
                Problem::new(
                    path.key("phrase"),
                    format!("locating phrase has {words} words"),
                )
                .allowed(format!("1 to {MAX_PHRASE_WORDS} words")),
            );
        }
        if c.section.trim().is_empty() {
            self.push(
                Problem::new(path.key("section"), "empty section")
                    .allowed("a section name such as `Executive summary`"),
            );
        }
    }

    fn weight(&mut self, w: f64, path: DocPath) -> bool {
        if !w.is_finite() || !(0.0..=MAX_NUMBER).contains(&w) {
            self.push(
                Problem::new(path, format!("weight {} is not allowed", num(w)))
                    .allowed(format!("a finite number from 0 to {MAX_NUMBER:e}")),
            );
            false
        } else {
            true
        }
    }
}

impl Rulebook {
    /// Checks rulebook data and resolves it.
    ///
    /// # Errors
    /// Every problem found, each with its path in the document: duplicate or
    /// malformed ids, unknown references (with the nearest known id), weights
    /// that are negative or not finite, a dimension whose weights sum to
    /// zero, thresholds that do not increase, gates and rules that do not
    /// resolve, citations without a locating phrase of at most eight
    /// words, and a control character (but tab and line breaks) in any key
    /// or text.
    pub fn new(data: RulebookData) -> Result<Rulebook, Error> {
        // Control characters in any key or text, as a file is refused for.
        let controls = crate::control::in_data(&data);
        match Rulebook::check(data) {
            Ok(rb) if controls.is_empty() => Ok(rb),
            Ok(_) => Err(Error::unlocated("<rulebook>", controls)),
            Err(mut found) => {
                found.extend(controls);
                Err(Error::unlocated("<rulebook>", found))
            }
        }
    }

    /// Checks and resolves rulebook data, returning the problems unlocated
    /// so that a loader can place them in its file.
    pub(crate) fn check(data: RulebookData) -> Result<Rulebook, Found> {
        let mut c = Checker {
            problems: Collector::default(),
        };
        let root = DocPath::root();
        if !is_kebab(&data.rulebook.id) {
            c.push(
                Problem::new(
                    root.key("rulebook").key("id"),
                    format!("`{}` is not a valid id", data.rulebook.id),
                )
                .allowed("kebab-case: lowercase letters, digits and single hyphens"),
            );
        }
        c.weight(
            data.rulebook.default_weight,
            root.key("rulebook").key("default-weight"),
        );
        let mc = data.rulebook.min_coverage;
        if !mc.is_finite() || !(0.0..=1.0).contains(&mc) {
            c.push(
                Problem::new(
                    root.key("rulebook").key("min-coverage"),
                    format!("minimum coverage {} is not allowed", num(mc)),
                )
                .allowed("a share from 0 to 1, such as 0.5"),
            );
        }
        for (k, v) in [
            ("low", data.effort_cost.low),
            ("medium", data.effort_cost.medium),
            ("high", data.effort_cost.high),
        ] {
            if !v.is_finite() || v <= 0.0 || v > MAX_NUMBER {
                c.push(
                    Problem::new(
                        root.key("effort-cost").key(k),
                        format!("effort cost {} is not allowed", num(v)),
                    )
                    .allowed(format!("a number above 0, at most {MAX_NUMBER:e}")),
                );
            }
        }

        let levels = c.ids(&data.levels, "level", "id", |l: &Level| &l.id);
        let dims = c.ids(&data.dimensions, "dimension", "id", |d: &Dimension| &d.id);
        let themes = c.ids(&data.themes, "theme", "id", |t: &Theme| &t.id);
        let roles = c.ids(&data.roles, "role", "id", |r| &r.id);
        let ctx = c.ids(&data.context, "context", "key", |k: &ContextKey| &k.key);
        let factors = c.ids(&data.factors, "factor", "id", |f: &Factor| &f.id);
        c.ids(&data.rules, "rule", "id", |r| &r.id);
        c.ids(&data.consistency, "consistency", "id", |r| &r.id);

        if data.levels.len() < 2 {
            c.push(
                Problem::new(root.key("level"), "the spectrum needs at least two levels")
                    .allowed("two or more [[level]] tables, lowest first"),
            );
        }
        if data.dimensions.is_empty() {
            c.push(
                Problem::new(root.key("dimension"), "no dimension is declared")
                    .allowed("one or more [[dimension]] tables"),
            );
        }
        let nd = data.dimensions.len();
        let dim_names: Vec<&str> = data.dimensions.iter().map(|d| d.id.as_str()).collect();

        // Thresholds: none on the lowest level, one per dimension above it,
        // finite, in [0, 100], strictly increasing up the spectrum.
        let nl = data.levels.len();
        let mut thresholds = vec![0.0; nl.saturating_sub(1) * nd];
        for (li, level) in data.levels.iter().enumerate() {
            let path = root.key("level").index(li).key("threshold");
            if li == 0 {
                if !level.threshold.is_empty() {
                    c.push(
                        Problem::new(path, "the lowest level cannot have a threshold")
                            .allowed("no threshold on the first [[level]]"),
                    );
                }
                continue;
            }
            for (d, dim) in data.dimensions.iter().enumerate() {
                match level.threshold.get(&dim.id) {
                    None => c.push(
                        Problem::new(
                            path.clone(),
                            format!("missing threshold for dimension `{}`", dim.id),
                        )
                        .allowed(format!("a score for each of {}", dim_names.join(", "))),
                    ),
                    Some(&t) => {
                        let tp = path.key(dim.id.as_str());
                        if !t.is_finite() || !(0.0..=100.0).contains(&t) {
                            c.push(
                                Problem::new(tp, format!("threshold {} is not allowed", num(t)))
                                    .allowed("a score from 0 to 100"),
                            );
                        } else {
                            thresholds[(li - 1) * nd + d] = t;
                            if li >= 2 {
                                let below = thresholds[(li - 2) * nd + d];
                                if t <= below {
                                    c.push(
                                        Problem::new(
                                            tp,
                                            format!(
                                                "threshold {} of `{}` does not increase: `{}` below it needs {}",
                                                num(t), data.levels[li].id, data.levels[li - 1].id, num(below)
                                            ),
                                        )
                                        .allowed(format!("a score above {}", num(below))),
                                    );
                                }
                            }
                        }
                    }
                }
            }
            for key in level.threshold.keys() {
                if !dims.contains_key(key.as_str()) {
                    c.resolve(&dims, "dimension", key, path.key(key.as_str()));
                }
            }
        }

        let mut default_targets = vec![0; nd];
        for (d, dim) in data.dimensions.iter().enumerate() {
            let path = root.key("dimension").index(d);
            if let Some(l) = c.resolve(
                &levels,
                "level",
                &dim.default_target,
                path.key("default-target"),
            ) {
                default_targets[d] = l;
            }
            c.weight(dim.weight, path.key("weight"));
            if let Some(cit) = &dim.citation {
                c.citation(cit, path.key("citation"));
            }
        }
        if nd > 0 && data.dimensions.iter().all(|d| d.weight == 0.0) {
            c.push(
                Problem::new(root.key("dimension"), "every dimension has weight 0")
                    .allowed("at least one dimension with a weight above 0"),
            );
        }

        for (i, k) in data.context.iter().enumerate() {
            let path = root.key("context").index(i).key("values");
            if k.values.is_empty() {
                c.push(
                    Problem::new(path.clone(), "a context key needs at least one value")
                        .allowed("a non-empty list of words or true/false"),
                );
            }
            let mut seen = BTreeSet::new();
            for (j, v) in k.values.iter().enumerate() {
                if !seen.insert(v) {
                    c.push(Problem::new(path.index(j), format!("duplicate value {v}")));
                }
            }
        }

        // Factors: weights (the default filled in) and themes.
        let (weights, theme_of) = check_factors(&mut c, &data, &themes, &dims);

        // Gates and target rules refer to the ids checked above.
        let ids = Ids {
            levels: &levels,
            dims: &dims,
            roles: &roles,
            ctx: &ctx,
            factors: &factors,
            dim_names: &dim_names,
        };
        let (gates, gate_when) = check_gates(&mut c, &data, &ids);
        let rules = check_rules(&mut c, &data, &ids);
        let applies_when: Vec<When> = data
            .factors
            .iter()
            .enumerate()
            .map(|(fi, f)| {
                let path = root.key("factor").index(fi).key("applies-when");
                check_when(&mut c, &data, &ids, &f.applies_when, &path)
            })
            .collect();
        let consistency = check_consistency(&mut c, &data, &ids);

        if !c.problems.is_empty() {
            return Err(c.problems.finish());
        }
        let factor_index = data
            .factors
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        let mut gates_at = vec![Vec::new(); nl * nd];
        for (i, g) in gates.iter().enumerate() {
            gates_at[g.level * nd + g.dimension].push(i);
        }
        let key = fingerprint(&data);
        let content = content_fingerprint(&data);
        let dimension_ids =
            DimensionIds::Shared(data.dimensions.iter().map(|d| d.id.clone()).collect());
        let names = Names::new(&data, &|s| Text::from(s));
        Ok(Rulebook {
            inner: Arc::new(Compiled {
                key,
                content,
                dimension_ids,
                names,
                gates_at,
                data,
                weights,
                thresholds,
                theme_of,
                gates,
                gate_when,
                conditional: applies_when
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| !w.is_empty())
                    .map(|(f, _)| f)
                    .collect(),
                applies_when,
                rules,
                consistency,
                default_targets,
                factor_index,
            }),
        })
    }

    /// The data this rulebook was built from, as written.
    pub fn data(&self) -> &RulebookData {
        &self.inner.data
    }

    /// The rulebook's id and version, as errors name it (`` `oslo-2007` 3.0.0 ``).
    pub(crate) fn label(&self) -> String {
        format!("`{}` {}", self.info().id, self.info().version)
    }

    /// The `[rulebook]` table.
    pub fn info(&self) -> &crate::model::RulebookInfo {
        &self.inner.data.rulebook
    }

    /// The spectrum, lowest level first.
    pub fn levels(&self) -> &[Level] {
        &self.inner.data.levels
    }

    /// The dimensions of coherence.
    pub fn dimensions(&self) -> &[Dimension] {
        &self.inner.data.dimensions
    }

    /// The themes.
    pub fn themes(&self) -> &[Theme] {
        &self.inner.data.themes
    }

    /// The roles.
    pub fn roles(&self) -> &[crate::model::Role] {
        &self.inner.data.roles
    }

    /// The context keys.
    pub fn context_keys(&self) -> &[ContextKey] {
        &self.inner.data.context
    }

    /// The factors, in file order.
    pub fn factors(&self) -> &[Factor] {
        &self.inner.data.factors
    }

    /// The factor with this id.
    pub fn factor(&self, id: &str) -> Option<&Factor> {
        self.factor_index(id).map(|i| &self.inner.data.factors[i])
    }

    /// The index of the factor with this id.
    pub fn factor_index(&self, id: &str) -> Option<usize> {
        self.inner.factor_index.get(id).copied()
    }

    /// The index of the level with this id.
    pub fn level_index(&self, id: &str) -> Option<usize> {
        self.inner.data.levels.iter().position(|l| l.id == id)
    }

    /// The index of the dimension with this id.
    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.inner.data.dimensions.iter().position(|d| d.id == id)
    }

    /// The weight of factor `f` on dimension `d` (indices in rulebook
    /// order), the rulebook's default filled in; `None` when either index
    /// is out of range.
    pub fn weight(&self, f: usize, d: usize) -> Option<f64> {
        self.weights_of(f)?.get(d).copied()
    }

    /// The weights of factor `f`, one per dimension in rulebook order;
    /// `None` when `f` is out of range.
    pub fn weights_of(&self, f: usize) -> Option<&[f64]> {
        (f < self.inner.data.factors.len()).then(|| self.weights_at(f))
    }

    /// The score dimension `d` needs to reach level `l` (0 for the lowest
    /// level); `None` when either index is out of range.
    pub fn threshold(&self, l: usize, d: usize) -> Option<f64> {
        (l < self.inner.data.levels.len() && d < self.inner.data.dimensions.len())
            .then(|| self.threshold_at(l, d))
    }

    /// The cost of changing factor `f` by one step, from its effort; `None`
    /// when `f` is out of range.
    pub fn effort_cost(&self, f: usize) -> Option<f64> {
        let factor = self.inner.data.factors.get(f)?;
        Some(self.inner.data.effort_cost.of(factor.effort))
    }

    /// [`Rulebook::weight`] for indices the engine knows are in range (0
    /// otherwise: never another factor's weight).
    pub(crate) fn weight_at(&self, f: usize, d: usize) -> f64 {
        self.weights_at(f).get(d).copied().unwrap_or(0.0)
    }

    /// The weights of factor `f` for an index the engine knows is in range
    /// (empty otherwise).
    pub(crate) fn weights_at(&self, f: usize) -> &[f64] {
        let nd = self.inner.data.dimensions.len();
        // `f` near `usize::MAX` is out of range too, not an overflow.
        let Some(end) = f.checked_add(1).and_then(|e| e.checked_mul(nd)) else {
            return &[];
        };
        self.inner.weights.get(end - nd..end).unwrap_or(&[])
    }

    /// [`Rulebook::threshold`] for indices the engine knows are in range
    /// (out of range, a score no dimension reaches).
    pub(crate) fn threshold_at(&self, l: usize, d: usize) -> f64 {
        if l == 0 {
            return 0.0;
        }
        let nd = self.inner.data.dimensions.len();
        if d >= nd {
            return f64::INFINITY;
        }
        self.inner
            .thresholds
            .get((l - 1) * nd + d)
            .copied()
            .unwrap_or(f64::INFINITY)
    }

    /// The gates of level `l` on dimension `d`; none out of range.
    pub(crate) fn gates_of(&self, l: usize, d: usize) -> impl Iterator<Item = &CompiledGate> {
        let nd = self.inner.data.dimensions.len();
        let at: &[usize] = if d < nd {
            self.inner
                .gates_at
                .get(l * nd + d)
                .map_or(&[], Vec::as_slice)
        } else {
            &[]
        };
        at.iter().map(|&g| &self.inner.gates[g])
    }

    /// Whether gate `g` (an index of the file's `[[gate]]` tables) binds in
    /// `context`: unless its condition is ruled out (a condition the
    /// mission leaves open binds).
    pub(crate) fn gate_binds(&self, g: usize, context: &[Option<usize>]) -> bool {
        self.inner
            .gate_when
            .get(g)
            .is_none_or(|w| matches(w, context) != Matches::No)
    }

    /// The context condition of gate `g` (a file index).
    pub(crate) fn gate_when(&self, g: usize) -> &[(usize, Vec<usize>)] {
        self.inner.gate_when.get(g).map_or(&[], Vec::as_slice)
    }

    /// The context condition under which factor `f` applies.
    pub(crate) fn applies_when(&self, f: usize) -> &[(usize, Vec<usize>)] {
        self.inner.applies_when.get(f).map_or(&[], Vec::as_slice)
    }

    /// The factors whose applicability depends on the context.
    pub(crate) fn conditional_factors(&self) -> &[usize] {
        &self.inner.conditional
    }

    /// Whether `context` rules factor `f` out (its `applies-when` fails on
    /// a key the mission gives).
    pub(crate) fn ruled_out(&self, f: usize, context: &[Option<usize>]) -> bool {
        matches(self.applies_when(f), context) == Matches::No
    }

    /// A context condition in words, e.g. `humanitarian-operations = true
    /// and conflict = "active" or "ceasefire"`.
    pub(crate) fn describe_when(&self, when: &[(usize, Vec<usize>)]) -> String {
        let ctx = &self.inner.data.context;
        when.iter()
            .map(|(k, vals)| {
                let key = &ctx[*k];
                let vals: Vec<String> = vals.iter().map(|&v| key.values[v].to_string()).collect();
                format!("{} = {}", key.key, vals.join(" or "))
            })
            .collect::<Vec<_>>()
            .join(" and ")
    }

    /// The consistency rules, resolved, in file order.
    pub(crate) fn compiled_consistency(&self) -> &[CompiledConsistency] {
        &self.inner.consistency
    }

    /// The least share of applicable weight rated for a verdict.
    pub fn min_coverage(&self) -> f64 {
        self.inner.data.rulebook.min_coverage
    }

    /// The dimension ids in rulebook order, shared.
    pub(crate) fn dimension_ids(&self) -> DimensionIds {
        self.inner.dimension_ids.clone()
    }

    /// This rulebook with its names in memory that is never freed, so that
    /// results copy them without counting references. Only for rulebooks
    /// that live as long as the program (the built-in ones, made once).
    pub(crate) fn with_static_names(mut self) -> Rulebook {
        if let Some(c) = Arc::get_mut(&mut self.inner) {
            c.names = Names::new(&c.data, &|s| {
                Text::from_static(Box::leak(s.to_owned().into_boxed_str()))
            });
            let ids: Vec<String> = c.data.dimensions.iter().map(|d| d.id.clone()).collect();
            c.dimension_ids = DimensionIds::Static(Box::leak(ids.into_boxed_slice()));
        }
        self
    }

    /// The ids, titles and citations results name, shared.
    pub(crate) fn names(&self) -> &Names {
        &self.inner.names
    }

    /// The index of the theme of factor `f`.
    pub(crate) fn theme_of(&self, f: usize) -> usize {
        self.inner.theme_of.get(f).copied().unwrap_or(0)
    }

    /// The target rules, resolved, in file order.
    pub(crate) fn compiled_rules(&self) -> &[CompiledRule] {
        &self.inner.rules
    }

    /// The default target level of each dimension.
    pub(crate) fn default_targets(&self) -> &[usize] {
        &self.inner.default_targets
    }

    /// A fingerprint of the rulebook's whole content, as 16 hexadecimal
    /// digits: equal rulebooks (from TOML or JSON, whatever their layout and
    /// comments) have equal fingerprints, and an edited rulebook another, so
    /// a report can say which rulebook it was made with, not only its id.
    ///
    /// ```
    /// use integration_readiness::Rulebook;
    /// let rb = Rulebook::oslo_2007();
    /// assert_eq!(rb.content_fingerprint().len(), 16);
    /// let mut data = rb.data().clone();
    /// data.levels[1].title.push('!');
    /// let edited = Rulebook::new(data)?;
    /// assert_ne!(edited.content_fingerprint(), rb.content_fingerprint());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn content_fingerprint(&self) -> String {
        format!("{:016x}", self.inner.content)
    }

    /// Each factor that some gate reads, with the lowest level it guards,
    /// in factor order.
    pub(crate) fn gated_factors(&self) -> Vec<(usize, usize)> {
        let mut lowest: BTreeMap<usize, usize> = BTreeMap::new();
        for g in &self.inner.gates {
            let l = lowest.entry(g.factor).or_insert(g.level);
            *l = (*l).min(g.level);
        }
        lowest.into_iter().collect()
    }
}

/// FNV-1a (64 bits) over a canonical form of the whole rulebook: its debug
/// form, which lists every field in declaration order, maps in key order and
/// numbers in their shortest exact form, the same on every platform.
fn content_fingerprint(d: &RulebookData) -> u64 {
    let mut h = Fnv::new();
    let _ = std::fmt::Write::write_fmt(&mut h, format_args!("{d:?}"));
    h.0
}

/// The FNV-1a hash (64 bits) of the text written into it.
struct Fnv(u64);

impl Fnv {
    /// The hash of nothing: FNV-1a's offset basis.
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// Hashes `bytes` in.
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl std::fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.bytes(s.as_bytes());
        Ok(())
    }
}

/// Checks the factors: themes, weights (with a reason wherever a weight
/// differs from the default), texts and citations. Returns the weights,
/// factor-major with the default filled in, and each factor's theme.
fn check_factors(
    c: &mut Checker,
    data: &RulebookData,
    themes: &BTreeMap<&str, usize>,
    dims: &BTreeMap<&str, usize>,
) -> (Vec<f64>, Vec<usize>) {
    let nd = data.dimensions.len();
    let dw = data.rulebook.default_weight;
    let nf = data.factors.len();
    let mut weights = vec![0.0; nf * nd];
    let mut theme_of = vec![0; nf];
    for (fi, f) in data.factors.iter().enumerate() {
        let path = DocPath::root().key("factor").index(fi);
        if let Some(t) = c.resolve(themes, "theme", &f.theme, path.key("theme")) {
            theme_of[fi] = t;
        }
        for (d, dim) in data.dimensions.iter().enumerate() {
            let w = f.weights.get(&dim.id).copied().unwrap_or(dw);
            if c.weight(w, path.key("weights").key(dim.id.as_str())) {
                weights[fi * nd + d] = w;
            }
            if w != dw && !f.weight_reasons.contains_key(&dim.id) {
                c.push(
                    Problem::new(
                        path.key("weight-reasons"),
                        format!(
                            "weight {w} on `{}` differs from the default {dw} but has no reason",
                            dim.id
                        ),
                    )
                    .allowed(format!("weight-reasons.{} = \"why\"", dim.id)),
                );
            }
        }
        for key in f.weights.keys() {
            if !dims.contains_key(key.as_str()) {
                c.resolve(
                    dims,
                    "dimension",
                    key,
                    path.key("weights").key(key.as_str()),
                );
            }
        }
        for key in f.weight_reasons.keys() {
            if !dims.contains_key(key.as_str()) {
                c.resolve(
                    dims,
                    "dimension",
                    key,
                    path.key("weight-reasons").key(key.as_str()),
                );
            }
        }
        if f.rating_guide.contains_key(&Rating::Unknown)
            || f.rating_guide.contains_key(&Rating::NotApplicable)
        {
            c.push(
                Problem::new(
                    path.key("rating-guide"),
                    "the rating guide explains rated words only",
                )
                .allowed(one_of(Rating::SCALE)),
            );
        }
        for (field, text) in [
            ("title", &f.title),
            ("description", &f.description),
            ("question", &f.question),
            ("remedy", &f.remedy),
        ] {
            if text.trim().is_empty() {
                c.push(
                    Problem::new(path.key(field), format!("empty {field}")).allowed("some text"),
                );
            }
        }
        c.citation(&f.citation, path.key("citation"));
        for (j, s) in f.see_also.iter().enumerate() {
            c.citation(s, path.key("see-also").index(j));
        }
    }
    for (d, dim) in data.dimensions.iter().enumerate() {
        let total: f64 = (0..nf).map(|f| weights[f * nd + d]).sum();
        if nf > 0 && total <= 0.0 {
            c.push(
                Problem::new(
                    DocPath::root().key("dimension").index(d),
                    format!("the factors' weights on `{}` sum to zero", dim.id),
                )
                .allowed("at least one factor with a weight above 0 on each dimension"),
            );
        }
    }
    if nf == 0 {
        c.push(
            Problem::new(DocPath::root().key("factor"), "no factor is declared")
                .allowed("one or more [[factor]] tables"),
        );
    }
    (weights, theme_of)
}

/// The ids a rulebook declares, by kind, for resolving references.
struct Ids<'a> {
    levels: &'a BTreeMap<&'a str, usize>,
    dims: &'a BTreeMap<&'a str, usize>,
    roles: &'a BTreeMap<&'a str, usize>,
    ctx: &'a BTreeMap<&'a str, usize>,
    factors: &'a BTreeMap<&'a str, usize>,
    dim_names: &'a [&'a str],
}

/// Checks the gates and resolves them, one per gate and dimension.
fn check_gates(
    c: &mut Checker,
    data: &RulebookData,
    ids: &Ids<'_>,
) -> (Vec<CompiledGate>, Vec<When>) {
    let mut gates = Vec::new();
    let mut whens = Vec::new();
    for (gi, g) in data.gates.iter().enumerate() {
        let path = DocPath::root().key("gate").index(gi);
        whens.push(check_when(c, data, ids, &g.when, &path.key("when")));
        let level = c.resolve(ids.levels, "level", &g.level, path.key("level"));
        if level == Some(0) {
            c.push(
                Problem::new(path.key("level"), "the lowest level cannot have a gate")
                    .allowed("a level above the first"),
            );
        }
        let factor = c.resolve(ids.factors, "factor", &g.factor, path.key("factor"));
        let bound = match (g.at_least, g.at_most) {
            (Some(r), None) => Some((Bound::AtLeast(r), "at-least")),
            (None, Some(r)) => Some((Bound::AtMost(r), "at-most")),
            _ => {
                c.push(
                    Problem::new(path.clone(), "a gate needs exactly one bound")
                        .allowed("either at-least (for an enabler) or at-most (for a barrier)"),
                );
                None
            }
        };
        if let Some((b, key)) = bound {
            let r = match b {
                Bound::AtLeast(r) | Bound::AtMost(r) => r,
            };
            if r.step().is_none() {
                c.push(
                    Problem::new(path.key(key), format!("a gate cannot test for `{r}`"))
                        .allowed(one_of(Rating::SCALE)),
                );
            }
            if let Some(f) = factor {
                let pol = data.factors[f].polarity;
                let ok = matches!(
                    (pol, b),
                    (Polarity::Enabler, Bound::AtLeast(_)) | (Polarity::Barrier, Bound::AtMost(_))
                );
                if !ok {
                    c.push(
                        Problem::new(
                            path.key(key),
                            format!(
                                "`{}` is {} {pol}, so its gate cannot use {key}",
                                g.factor,
                                if pol == Polarity::Enabler { "an" } else { "a" }
                            ),
                        )
                        .allowed(match pol {
                            Polarity::Enabler => "at-least for an enabler",
                            Polarity::Barrier => "at-most for a barrier",
                        }),
                    );
                }
            }
        }
        if g.dimensions.is_empty() {
            c.push(
                Problem::new(
                    path.key("dimensions"),
                    "a gate needs at least one dimension",
                )
                .allowed(one_of(ids.dim_names)),
            );
        }
        let mut gdims = Vec::new();
        for (j, d) in g.dimensions.iter().enumerate() {
            if let Some(d) = c.resolve(ids.dims, "dimension", d, path.key("dimensions").index(j)) {
                gdims.push(d);
            }
        }
        c.citation(&g.citation, path.key("citation"));
        // A gate on the lowest level is a problem above, and the rulebook
        // is not built; any other is compiled once per dimension.
        if let (Some(level), Some(factor), Some((bound, _))) = (level, factor, bound) {
            for d in gdims {
                gates.push(CompiledGate {
                    gate: gi,
                    level,
                    dimension: d,
                    factor,
                    bound,
                });
            }
        }
    }
    (gates, whens)
}

/// Checks a context condition (`when`, `applies-when`) and resolves it:
/// every key declared, every value one the key allows, no empty list.
fn check_when(
    c: &mut Checker,
    data: &RulebookData,
    ids: &Ids<'_>,
    cond: &BTreeMap<String, crate::model::Condition>,
    path: &DocPath,
) -> When {
    let mut when = Vec::new();
    for (key, cond) in cond {
        let kp = path.key(key.as_str());
        if let Some(k) = c.resolve(ids.ctx, "context key", key, kp.clone()) {
            let allowed = &data.context[k].values;
            let mut vals = Vec::new();
            if cond.values().is_empty() {
                c.push(
                    Problem::new(kp.clone(), "an empty list matches nothing")
                        .allowed(one_of(allowed)),
                );
            }
            for v in cond.values() {
                match allowed.iter().position(|a| a == v) {
                    Some(i) => vals.push(i),
                    None => {
                        let mut p = Problem::new(kp.clone(), format!("`{key}` has no value {v}"))
                            .allowed(one_of(allowed));
                        if let Some(w) = v.as_word() {
                            p = p.suggest(w, allowed.iter().filter_map(ContextValue::as_word));
                        }
                        c.push(p);
                    }
                }
            }
            when.push((k, vals));
        }
    }
    when
}

/// Checks the consistency rules and resolves them: at least two
/// conditions, each on a known factor with exactly one rated bound.
fn check_consistency(
    c: &mut Checker,
    data: &RulebookData,
    ids: &Ids<'_>,
) -> Vec<CompiledConsistency> {
    let mut out = Vec::new();
    for (ri, r) in data.consistency.iter().enumerate() {
        let path = DocPath::root().key("consistency").index(ri);
        if r.all.len() < 2 {
            c.push(
                Problem::new(
                    path.key("all"),
                    format!(
                        "a consistency rule needs at least two conditions, not {}",
                        r.all.len()
                    ),
                )
                .allowed("two or more { factor = \"...\", at-least = \"...\" } or at-most"),
            );
        }
        let mut all = Vec::new();
        for (j, cond) in r.all.iter().enumerate() {
            let cp = path.key("all").index(j);
            let factor = c.resolve(ids.factors, "factor", &cond.factor, cp.key("factor"));
            let bound = match (cond.at_least, cond.at_most) {
                (Some(x), None) => Some((Bound::AtLeast(x), "at-least", x)),
                (None, Some(x)) => Some((Bound::AtMost(x), "at-most", x)),
                _ => {
                    c.push(
                        Problem::new(cp.clone(), "a condition needs exactly one bound")
                            .allowed("either at-least or at-most"),
                    );
                    None
                }
            };
            if let Some((_, key, x)) = bound {
                if x.step().is_none() {
                    c.push(
                        Problem::new(cp.key(key), format!("a condition cannot test for `{x}`"))
                            .allowed(one_of(Rating::SCALE)),
                    );
                }
            }
            if let (Some(f), Some((b, _, _))) = (factor, bound) {
                all.push((f, b));
            }
        }
        c.citation(&r.citation, path.key("citation"));
        out.push(CompiledConsistency { all });
    }
    out
}

/// Checks the target rules and resolves them.
fn check_rules(c: &mut Checker, data: &RulebookData, ids: &Ids<'_>) -> Vec<CompiledRule> {
    let mut rules = Vec::new();
    for (ri, r) in data.rules.iter().enumerate() {
        let path = DocPath::root().key("rule").index(ri);
        let when = check_when(c, data, ids, &r.when, &path.key("when"));
        let mut rroles = Vec::new();
        for (j, role) in r.roles.iter().enumerate() {
            if let Some(x) = c.resolve(ids.roles, "role", role, path.key("roles").index(j)) {
                rroles.push(x);
            }
        }
        if r.dimensions.is_empty() {
            c.push(
                Problem::new(
                    path.key("dimensions"),
                    "a rule needs at least one dimension",
                )
                .allowed(one_of(ids.dim_names)),
            );
        }
        let mut rdims = Vec::new();
        for (j, d) in r.dimensions.iter().enumerate() {
            if let Some(d) = c.resolve(ids.dims, "dimension", d, path.key("dimensions").index(j)) {
                rdims.push(d);
            }
        }
        let bound = match (&r.at_least, &r.at_most) {
            (Some(l), None) => c
                .resolve(ids.levels, "level", l, path.key("at-least"))
                .map(Bound::AtLeast),
            (None, Some(l)) => c
                .resolve(ids.levels, "level", l, path.key("at-most"))
                .map(Bound::AtMost),
            _ => {
                c.push(
                    Problem::new(path.clone(), "a rule needs exactly one bound")
                        .allowed("either at-least (a floor) or at-most (a cap)"),
                );
                None
            }
        };
        c.citation(&r.citation, path.key("citation"));
        if let Some(bound) = bound {
            rules.push(CompiledRule {
                when,
                roles: rroles,
                dimensions: rdims,
                bound,
            });
        }
    }
    rules
}

/// A cheap, deterministic fingerprint of what a mission's indices depend on.
fn fingerprint(d: &RulebookData) -> u64 {
    // FNV-1a over the ids that indices point into, each ended by a byte
    // that UTF-8 never uses, so that no two lists of ids run together.
    let mut h = Fnv::new();
    let mut eat = |s: &str| {
        h.bytes(s.as_bytes());
        h.bytes(&[0xff]);
    };
    eat(&d.rulebook.id);
    for f in &d.factors {
        eat(&f.id);
    }
    for l in &d.levels {
        eat(&l.id);
    }
    for x in &d.dimensions {
        eat(&x.id);
    }
    for r in &d.roles {
        eat(&r.id);
    }
    for k in &d.context {
        eat(&k.key);
        for v in &k.values {
            eat(&v.to_string());
        }
    }
    h.0
}

#[cfg(test)]
mod tests {
    use super::{Fnv, Rulebook};
    use std::fmt::Write as _;

    fn fnv(s: &str) -> u64 {
        let mut h = Fnv::new();
        h.write_str(s).unwrap();
        h.0
    }

    #[test]
    fn the_fingerprint_hash_is_fnv_1a() {
        // The published FNV-1a 64-bit test vectors.
        assert_eq!(fnv(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv("foobar"), 0x8594_4171_f739_67e8);
        // Written in pieces, the same as written whole.
        let mut h = Fnv::new();
        h.write_str("foo").unwrap();
        h.write_str("bar").unwrap();
        assert_eq!(h.0, fnv("foobar"));
        let mut h = Fnv::new();
        h.bytes(b"foo");
        h.bytes(b"bar");
        assert_eq!(h.0, fnv("foobar"));
    }

    #[test]
    fn gates_out_of_range_are_none() {
        let rb = Rulebook::from_toml(include_str!("../tests/data/tiny.toml"), "tiny.toml").unwrap();
        // top (2) has one gate on a (0); dimension 2 does not exist, and is
        // not read as the next level's first dimension.
        assert_eq!(rb.gates_of(2, 0).count(), 1);
        assert_eq!(rb.gates_of(1, 2).count(), 0);
        assert_eq!(rb.gates_of(2, 2).count(), 0);
        assert_eq!(rb.gates_of(3, 0).count(), 0);
    }
}

/// The dimension ids of a rulebook, shared by its per-dimension values:
/// counted references, or for a built-in rulebook (which lives as long as
/// the program) a plain pointer.
#[derive(Debug, Clone)]
pub(crate) enum DimensionIds {
    /// Shared by reference count.
    Shared(Arc<[String]>),
    /// Never freed.
    Static(&'static [String]),
}

impl PartialEq for DimensionIds {
    fn eq(&self, other: &DimensionIds) -> bool {
        self.get() == other.get()
    }
}

impl DimensionIds {
    pub(crate) fn get(&self) -> &[String] {
        match self {
            DimensionIds::Shared(ids) => ids,
            DimensionIds::Static(ids) => ids,
        }
    }
}
