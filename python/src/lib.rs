//! The native module of the Python package `integration_readiness`.
//!
//! It holds the rulebook and the mission as Python objects and runs every
//! analysis with the interpreter released. Each analysis answers with the
//! JSON text that `report::render(&result, Format::Json)` gives, the very
//! text the command prints with `--format json`; the package's Python side
//! (`integration_readiness/__init__.py`) parses it into result objects, so
//! that the two cannot drift apart.
#![forbid(unsafe_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use integration_readiness::analysis::{self, RobustnessOptions, Scenario};
use integration_readiness::model::ContextValue;
use integration_readiness::report::{self, Format, Render};
use integration_readiness::{Error, Mission, Rating, Rulebook};
use numpy::ndarray::Array2;
use numpy::{IntoPyArray, PyArray2, PyReadonlyArray2, PyUntypedArrayMethods};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString};

/// The name given to TOML or JSON text that comes from no file, as the
/// library's messages show it.
const TEXT: &str = "<text>";
/// The name given to a mission built from a Python dict.
const DICT: &str = "<dict>";

/// The ratings `score_batch` reads, by code: 0 to 4 are the scale from
/// `none` to `full`, -1 is `unknown`, -2 `not-applicable`.
const CODES: [(i8, Rating); 7] = [
    (0, Rating::None),
    (1, Rating::Low),
    (2, Rating::Partial),
    (3, Rating::High),
    (4, Rating::Full),
    (-1, Rating::Unknown),
    (-2, Rating::NotApplicable),
];

/// The code of a rating in `score_batch`'s arrays.
fn code(r: Rating) -> i8 {
    CODES
        .iter()
        .find(|(_, rating)| *rating == r)
        .map_or(-1, |(c, _)| *c)
}

/// The ratings of the codes -2 to 4, in that order.
const BY_CODE: [Rating; 7] = [
    Rating::NotApplicable,
    Rating::Unknown,
    Rating::None,
    Rating::Low,
    Rating::Partial,
    Rating::High,
    Rating::Full,
];

/// The rating of a code, or `None` for a code outside -2..=4.
fn rating(c: i8) -> Option<Rating> {
    usize::try_from(i16::from(c) + 2)
        .ok()
        .and_then(|i| BY_CODE.get(i))
        .copied()
}

/// How many scenarios `score_batch` converts and scores at a time.
const CHUNK: usize = 1024;

/// An error and the chain of its causes, each once, as `a: b: c`.
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// The library's error as `integration_readiness.Error`, with one
/// `Problem` (path, line, column, message) per diagnostic; an error that
/// is not about a place in a document is one problem with an empty path.
fn py_error(py: Python<'_>, e: Error) -> PyErr {
    match raise(py, &e) {
        Ok(err) | Err(err) => err,
    }
}

fn raise(py: Python<'_>, e: &Error) -> PyResult<PyErr> {
    let module = py.import("integration_readiness._errors")?;
    let problem = module.getattr("Problem")?;
    let problems = PyList::empty(py);
    match e {
        Error::Invalid(diags) if !diags.is_empty() => {
            for d in diags.iter() {
                let known = d.line > 0;
                problems.append(problem.call1((
                    d.problem.path.to_string(),
                    known.then_some(d.line),
                    known.then_some(d.column),
                    d.problem.to_string(),
                ))?)?;
            }
            if let Some(more) = diags.omitted_in_words() {
                problems.append(problem.call1(("", None::<usize>, None::<usize>, more))?)?;
            }
        }
        other => {
            problems.append(problem.call1((
                "",
                None::<usize>,
                None::<usize>,
                with_causes(other),
            ))?)?;
        }
    }
    // A file that is not there is also the built-in exception Python code
    // catches for it.
    let instance = match e {
        Error::Io { file, source } if source.kind() == std::io::ErrorKind::NotFound => module
            .getattr("MissingFileError")?
            .call1((with_causes(e), problems, file.as_str()))?,
        _ => module.getattr("Error")?.call1((with_causes(e), problems))?,
    };
    Ok(PyErr::from_value(instance))
}

/// The package's `Error` for problems found before the library is called
/// (`(path, message)` each), said as the library says its own.
fn words_error(py: Python<'_>, bad: &[(String, String)]) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let module = py.import("integration_readiness._errors")?;
        let problem = module.getattr("Problem")?;
        let problems = PyList::empty(py);
        for (path, message) in bad {
            problems.append(problem.call1((path, None::<usize>, None::<usize>, message))?)?;
        }
        let text: Vec<String> = bad.iter().map(|(p, m)| format!("{p}: {m}")).collect();
        let instance = module
            .getattr("Error")?
            .call1((text.join("\n"), problems))?;
        Ok(PyErr::from_value(instance))
    };
    match build() {
        Ok(err) | Err(err) => err,
    }
}

/// A result as the JSON the command prints.
fn json<R: Render>(py: Python<'_>, result: &R) -> PyResult<String> {
    report::render(result, Format::Json).map_err(|e| py_error(py, e))
}

/// A rulebook: the spectrum, dimensions, factors, weights, thresholds,
/// gates and target rules that missions are assessed against.
#[pyclass(module = "integration_readiness._native", name = "Rulebook", frozen)]
#[derive(Clone)]
struct PyRulebook {
    inner: Rulebook,
}

#[pymethods]
impl PyRulebook {
    /// The built-in rulebook, derived from the Oslo 2007 proceedings.
    #[staticmethod]
    fn oslo_2007() -> Self {
        PyRulebook {
            inner: Rulebook::oslo_2007(),
        }
    }

    /// A rulebook from TOML text.
    #[staticmethod]
    fn from_toml(py: Python<'_>, text: &str) -> PyResult<Self> {
        let inner = py
            .detach(|| Rulebook::from_toml(text, TEXT))
            .map_err(|e| py_error(py, e))?;
        Ok(PyRulebook { inner })
    }

    /// A rulebook from a TOML or JSON file.
    #[staticmethod]
    fn from_path(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let inner = py
            .detach(|| Rulebook::from_path(&path))
            .map_err(|e| py_error(py, e))?;
        Ok(PyRulebook { inner })
    }

    /// The rulebook's id.
    #[getter]
    fn id(&self) -> String {
        self.inner.info().id.to_string()
    }

    /// The rulebook's version.
    #[getter]
    fn version(&self) -> String {
        self.inner.info().version.to_string()
    }

    /// A fingerprint of the rulebook's content.
    #[getter]
    fn fingerprint(&self) -> String {
        self.inner.content_fingerprint()
    }

    /// The level ids, lowest first.
    #[getter]
    fn levels(&self) -> Vec<String> {
        self.inner
            .levels()
            .iter()
            .map(|l| l.id.to_string())
            .collect()
    }

    /// The dimension ids, in the rulebook's order.
    #[getter]
    fn dimensions(&self) -> Vec<String> {
        self.inner
            .dimensions()
            .iter()
            .map(|d| d.id.to_string())
            .collect()
    }

    /// The factor ids, in the rulebook's order (the columns of
    /// `score_batch`'s ratings).
    #[getter]
    fn factors(&self) -> Vec<String> {
        self.inner.factors().iter().map(|f| f.id.clone()).collect()
    }

    /// Each factor's polarity, `enabler` or `barrier`, in the order of
    /// `factors`.
    #[getter]
    fn polarities(&self) -> Vec<String> {
        self.inner
            .factors()
            .iter()
            .map(|f| f.polarity.to_string())
            .collect()
    }

    /// The weights, one row per factor and one column per dimension, in
    /// the orders of `factors` and `dimensions`.
    #[getter]
    fn weights(&self) -> Vec<Vec<f64>> {
        (0..self.inner.factors().len())
            .map(|f| self.inner.weights_of(f).unwrap_or_default().to_vec())
            .collect()
    }

    /// The rulebook as JSON text, as `integration-readiness rulebook
    /// --format json` prints it.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        json(py, &self.inner)
    }

    /// The rulebook as TOML text: a file that loads back to it.
    fn to_toml(&self, py: Python<'_>) -> PyResult<String> {
        report::render(&self.inner, Format::Toml).map_err(|e| py_error(py, e))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyRulebook>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __hash__(&self) -> u64 {
        let f = self.inner.content_fingerprint();
        u64::from_str_radix(&f, 16).unwrap_or_default()
    }

    fn __repr__(&self) -> String {
        let info = self.inner.info();
        format!(
            "Rulebook(id={:?}, version={:?}, fingerprint={:?})",
            info.id.to_string(),
            info.version.to_string(),
            self.inner.content_fingerprint()
        )
    }
}

/// The rulebook asked for, or the built-in one.
fn rulebook_or_default(rulebook: Option<&PyRulebook>) -> Rulebook {
    rulebook.map_or_else(Rulebook::oslo_2007, |r| r.inner.clone())
}

/// A mission checked against a rulebook, and the file it was read from
/// (which every result names, as the command does).
#[pyclass(module = "integration_readiness._native", name = "Mission", frozen)]
#[derive(Clone)]
struct PyMission {
    inner: Mission,
    file: Option<String>,
}

#[pymethods]
impl PyMission {
    /// A mission from TOML text, checked against `rulebook` (the built-in
    /// one when left out).
    #[staticmethod]
    #[pyo3(signature = (text, rulebook = None))]
    fn from_toml(py: Python<'_>, text: &str, rulebook: Option<&PyRulebook>) -> PyResult<Self> {
        let rb = rulebook_or_default(rulebook);
        let inner = py
            .detach(|| Mission::from_toml(text, TEXT, &rb))
            .map_err(|e| py_error(py, e))?;
        Ok(PyMission { inner, file: None })
    }

    /// A mission from a TOML or JSON file.
    #[staticmethod]
    #[pyo3(signature = (path, rulebook = None))]
    fn from_path(py: Python<'_>, path: PathBuf, rulebook: Option<&PyRulebook>) -> PyResult<Self> {
        let rb = rulebook_or_default(rulebook);
        let inner = py
            .detach(|| Mission::from_path(&path, &rb))
            .map_err(|e| py_error(py, e))?;
        Ok(PyMission {
            inner,
            file: Some(path.display().to_string()),
        })
    }

    /// A mission from JSON text (the mission file's document as JSON).
    #[staticmethod]
    #[pyo3(signature = (text, rulebook = None))]
    fn from_json(py: Python<'_>, text: &str, rulebook: Option<&PyRulebook>) -> PyResult<Self> {
        Self::json_named(py, text, TEXT, rulebook)
    }

    /// A mission from a dict shaped as the mission file (kebab-case keys:
    /// `mission`, `context`, `evidence`, `entity`).
    #[staticmethod]
    #[pyo3(signature = (data, rulebook = None))]
    fn from_dict(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        rulebook: Option<&PyRulebook>,
    ) -> PyResult<Self> {
        if !data.is_instance_of::<PyDict>() {
            return Err(PyTypeError::new_err(format!(
                "from_dict takes a dict, not {}",
                data.get_type().name()?
            )));
        }
        let text: String = py
            .import("json")?
            .call_method1("dumps", (data,))?
            .extract()?;
        Self::json_named(py, &text, DICT, rulebook)
    }

    /// The mission's name.
    #[getter]
    fn name(&self) -> String {
        self.inner.name().to_owned()
    }

    /// The date of the assessment (`YYYY-MM-DD`), or `None`.
    #[getter]
    fn date(&self) -> Option<String> {
        self.inner.data().mission.date.clone()
    }

    /// Who made this assessment, or `None`.
    #[getter]
    fn assessor(&self) -> Option<String> {
        self.inner.data().mission.assessor.clone()
    }

    /// The context as the file states it: key -> `bool` or `str` (keys the
    /// file leaves out are absent).
    #[getter]
    fn context<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        use integration_readiness::model::ContextValue;
        let out = PyDict::new(py);
        for (k, v) in &self.inner.data().context {
            match v {
                ContextValue::Flag(b) => out.set_item(k, *b)?,
                ContextValue::Word(w) => out.set_item(k, w)?,
            }
        }
        Ok(out)
    }

    /// The file the mission was read from, or `None`.
    #[getter]
    fn file(&self) -> Option<String> {
        self.file.clone()
    }

    /// The rulebook the mission was checked against.
    #[getter]
    fn rulebook(&self) -> PyRulebook {
        PyRulebook {
            inner: self.inner.rulebook().clone(),
        }
    }

    /// Every factor's rating word, in the rulebook's order (`unknown`
    /// where there is no evidence).
    #[getter]
    fn ratings(&self) -> BTreeMap<String, String> {
        self.inner
            .rulebook()
            .factors()
            .iter()
            .zip(self.inner.ratings())
            .map(|(f, r)| (f.id.clone(), r.to_string()))
            .collect()
    }

    /// The ratings as `score_batch` codes, in the rulebook's factor order.
    fn rating_codes(&self) -> Vec<i8> {
        self.inner.ratings().iter().map(|r| code(*r)).collect()
    }

    /// The mission file's document as JSON text.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(self.inner.data())
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyMission>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        match &self.file {
            Some(f) => format!("Mission(name={:?}, file={f:?})", self.inner.name()),
            None => format!("Mission(name={:?})", self.inner.name()),
        }
    }
}

impl PyMission {
    fn json_named(
        py: Python<'_>,
        text: &str,
        name: &str,
        rulebook: Option<&PyRulebook>,
    ) -> PyResult<Self> {
        let rb = rulebook_or_default(rulebook);
        let inner = py
            .detach(|| Mission::from_json(text, name, &rb))
            .map_err(|e| py_error(py, e))?;
        Ok(PyMission { inner, file: None })
    }
}

/// The assessment with what to fix first and the plan, as `assess
/// --format json` prints it.
#[pyfunction]
fn assess(py: Python<'_>, mission: &PyMission) -> PyResult<String> {
    let mut b = py.detach(|| analysis::brief(&mission.inner));
    b.assessment.mission.file.clone_from(&mission.file);
    b.plan.mission.file.clone_from(&mission.file);
    json(py, &b)
}

/// The cheapest plan to target, as `plan --format json` prints it.
#[pyfunction]
fn plan(py: Python<'_>, mission: &PyMission) -> PyResult<String> {
    let mut p = py.detach(|| analysis::plan(&mission.inner));
    p.mission.file.clone_from(&mission.file);
    json(py, &p)
}

/// Weight robustness, as `robustness --format json` prints it.
#[pyfunction]
#[pyo3(signature = (mission, noise_percent = 20.0, samples = 1000, seed = 2007))]
fn robustness(
    py: Python<'_>,
    mission: &PyMission,
    noise_percent: f64,
    samples: usize,
    seed: u64,
) -> PyResult<String> {
    if !(noise_percent.is_finite() && (0.0..=100.0).contains(&noise_percent)) {
        return Err(PyValueError::new_err(format!(
            "noise_percent {noise_percent} is out of range; expected a percent from 0 to 100"
        )));
    }
    if !(1..=1_000_000).contains(&samples) {
        return Err(PyValueError::new_err(format!(
            "samples {samples} is out of range; expected 1 to 1000000"
        )));
    }
    let opts = RobustnessOptions {
        noise_percent,
        samples,
        seed,
    };
    let mut r = py.detach(|| analysis::robustness(&mission.inner, opts));
    r.mission.file.clone_from(&mission.file);
    json(py, &r)
}

/// Two assessments of a mission compared, as `compare --format json`
/// prints it.
#[pyfunction]
fn compare(py: Python<'_>, old: &PyMission, new: &PyMission) -> PyResult<String> {
    let c = py.detach(|| {
        let (mut a, mut b) = (
            integration_readiness::assess(&old.inner),
            integration_readiness::assess(&new.inner),
        );
        a.mission.file.clone_from(&old.file);
        b.mission.file.clone_from(&new.file);
        analysis::compare(&a, &b)
    });
    json(py, &c)
}

/// A context value from Python: a bool is a flag, a str a word.
fn context_value(key: &str, value: &Bound<'_, PyAny>) -> PyResult<ContextValue> {
    if let Ok(b) = value.cast::<PyBool>() {
        Ok(ContextValue::Flag(b.is_true()))
    } else if let Ok(s) = value.cast::<PyString>() {
        Ok(ContextValue::Word(s.to_cow()?.into_owned()))
    } else {
        Err(PyTypeError::new_err(format!(
            "context value of `{key}` must be a str or a bool, not {}",
            value.get_type().name()?
        )))
    }
}

/// The mission with rating and context changes, compared with the mission
/// as it is, as `whatif --format json` prints it.
#[pyfunction]
#[pyo3(signature = (mission, ratings = None, context = None, forget_context = None))]
fn whatif(
    py: Python<'_>,
    mission: &PyMission,
    ratings: Option<BTreeMap<String, String>>,
    context: Option<&Bound<'_, PyDict>>,
    forget_context: Option<Vec<String>>,
) -> PyResult<String> {
    let mut scenario = Scenario::default();
    // Every rating word that is not one, each named by its place in the
    // mission it would change.
    let mut bad: Vec<(String, String)> = Vec::new();
    for (factor, word) in ratings.unwrap_or_default() {
        match word.parse::<Rating>() {
            Ok(r) => {
                scenario.ratings.insert(factor, r);
            }
            Err(e) => bad.push((format!("evidence.{factor}.rating"), e.to_string())),
        }
    }
    if !bad.is_empty() {
        return Err(words_error(py, &bad));
    }
    if let Some(context) = context {
        for (key, value) in context.iter() {
            let key: String = key.extract()?;
            let v = context_value(&key, &value)?;
            scenario.context.insert(key, v);
        }
    }
    scenario.forget_context = forget_context.unwrap_or_default();
    if scenario.ratings.is_empty()
        && scenario.context.is_empty()
        && scenario.forget_context.is_empty()
    {
        return Err(PyValueError::new_err(
            "nothing to change: give ratings={factor: rating} or context={key: value}",
        ));
    }
    let c = py
        .detach(|| -> Result<_, Error> {
            let changed = analysis::apply(&mission.inner, &scenario)?;
            let (mut before, mut after) = (
                integration_readiness::assess(&mission.inner),
                integration_readiness::assess(&changed),
            );
            before.mission.file.clone_from(&mission.file);
            after.mission.file.clone_from(&mission.file);
            Ok(analysis::compare(&before, &after))
        })
        .map_err(|e| py_error(py, e.placed("scenario")))?;
    json(py, &c)
}

/// The missions of a Python list, and their files.
fn owned(list: &[PyRef<'_, PyMission>]) -> Vec<(Mission, Option<String>)> {
    list.iter()
        .map(|m| (m.inner.clone(), m.file.clone()))
        .collect()
}

/// Several dated assessments of one mission, as `trend --format json`
/// prints it.
#[pyfunction]
fn trend(py: Python<'_>, missions: Vec<PyRef<'_, PyMission>>) -> PyResult<String> {
    if missions.len() < 2 {
        return Err(PyValueError::new_err(format!(
            "a trend needs two missions or more, not {}",
            missions.len()
        )));
    }
    let ms = owned(&missions);
    let t = py.detach(|| {
        let assessments: Vec<_> = ms
            .iter()
            .map(|(m, file)| {
                let mut a = integration_readiness::assess(m);
                a.mission.file.clone_from(file);
                a
            })
            .collect();
        analysis::trend(&assessments)
    });
    json(py, &t)
}

/// Several missions side by side, one row each, as `portfolio --format
/// json` prints it.
#[pyfunction]
#[pyo3(signature = (missions, rulebook = None, sort = None, reverse = false))]
fn portfolio(
    py: Python<'_>,
    missions: Vec<PyRef<'_, PyMission>>,
    rulebook: Option<&PyRulebook>,
    sort: Option<String>,
    reverse: bool,
) -> PyResult<String> {
    let rb = match (rulebook, missions.first()) {
        (Some(r), _) => r.inner.clone(),
        (None, Some(m)) => m.inner.rulebook().clone(),
        (None, None) => Rulebook::oslo_2007(),
    };
    let ms = owned(&missions);
    let p = py
        .detach(|| -> Result<_, Error> {
            let only: Vec<Mission> = ms.iter().map(|(m, _)| m.clone()).collect();
            let mut p = analysis::portfolio(&rb, &only)?;
            for (row, (_, file)) in p.rows.iter_mut().zip(&ms) {
                row.mission.file.clone_from(file);
            }
            if let Some(column) = &sort {
                p.sort_by_column(column, reverse)?;
            }
            Ok(p)
        })
        .map_err(|e| py_error(py, e))?;
    json(py, &p)
}

/// A panel of assessors, each of whom rated the same mission alone, as
/// `panel --format json` prints it (each mission's file named where it was
/// read from one).
#[pyfunction]
fn panel(py: Python<'_>, missions: Vec<PyRef<'_, PyMission>>) -> PyResult<String> {
    let ms: Vec<Mission> = missions.iter().map(|m| m.inner.clone()).collect();
    let files: Vec<Option<String>> = missions.iter().map(|m| m.file.clone()).collect();
    let mut p = py
        .detach(|| analysis::panel(&ms))
        .map_err(|e| py_error(py, e))?;
    p.files = files;
    json(py, &p)
}

/// The point score of every dimension for every row of `ratings` (one
/// scenario per row, one rating code per factor in the rulebook's order),
/// in the context of `mission`, with the interpreter released.
#[pyfunction]
fn score_batch<'py>(
    py: Python<'py>,
    mission: &PyMission,
    ratings: PyReadonlyArray2<'py, i8>,
) -> PyResult<Bound<'py, PyArray2<f64>>> {
    let rb = mission.inner.rulebook();
    let (nf, nd) = (rb.factors().len(), rb.dimensions().len());
    let [rows, cols] = [ratings.shape()[0], ratings.shape()[1]];
    if cols != nf {
        return Err(PyValueError::new_err(format!(
            "ratings has {cols} columns; rulebook {} {} has {nf} factors: give one column per \
             factor, in the order of Rulebook.factors",
            rb.info().id,
            rb.info().version
        )));
    }
    let codes = ratings
        .as_slice()
        .map_err(|_| PyValueError::new_err("ratings must be a C-contiguous array"))?;
    let out = py.detach(|| -> Result<Vec<f64>, String> {
        // A chunk of scenarios at a time, through buffers reused from chunk
        // to chunk: the ratings and scores of one chunk stay in the cache.
        let mut out = Vec::with_capacity(rows * nd);
        let mut sweep = Vec::with_capacity(CHUNK * nf);
        let mut scores = Vec::with_capacity(CHUNK * nd);
        for (k, chunk) in codes.chunks(CHUNK * nf).enumerate() {
            sweep.clear();
            for (i, &c) in chunk.iter().enumerate() {
                match rating(c) {
                    Some(r) => sweep.push(r),
                    None => {
                        let i = k * CHUNK * nf + i;
                        return Err(format!(
                            "ratings[{}, {}] is {c}; expected 0 to 4 (none to full), -1 \
                             (unknown) or -2 (not-applicable)",
                            i / nf,
                            i % nf
                        ));
                    }
                }
            }
            integration_readiness::score_sweep(&mission.inner, &sweep, &mut scores)
                .map_err(|e| e.to_string())?;
            out.extend(scores.iter().map(|s| s.score));
        }
        Ok(out)
    });
    let out = out.map_err(PyValueError::new_err)?;
    let array = Array2::from_shape_vec((rows, nd), out)
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(array.into_pyarray(py))
}

/// The module: the two classes, the analyses and `score_batch`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRulebook>()?;
    m.add_class::<PyMission>()?;
    m.add_function(wrap_pyfunction!(assess, m)?)?;
    m.add_function(wrap_pyfunction!(plan, m)?)?;
    m.add_function(wrap_pyfunction!(robustness, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(whatif, m)?)?;
    m.add_function(wrap_pyfunction!(trend, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio, m)?)?;
    m.add_function(wrap_pyfunction!(panel, m)?)?;
    m.add_function(wrap_pyfunction!(score_batch, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
