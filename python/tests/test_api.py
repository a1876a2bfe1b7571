"""Loading, results as attributes, errors as exceptions, tidy frames."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import integration_readiness as ir

from conftest import SAMPLES, sample, samples

SMALL = """
[mission]
name = "Example integrated mission"
date = "2007-10-29"

[context]
mandate = "multidimensional"
conflict = "active"
humanitarian-operations = true

[evidence.senior-leadership-cohesion]
rating = "partial"
note = "Leadership team formed ad hoc; no joint induction."
sources = ["Mission review, 2007"]

[evidence.donor-earmarking]
rating = "high"

[[entity]]
name = "OCHA"
role = "humanitarian"
current = { strategic = "cooperation" }
"""

SMALL_DICT = {
    "mission": {"name": "Example integrated mission", "date": "2007-10-29"},
    "context": {"mandate": "multidimensional", "conflict": "active", "humanitarian-operations": True},
    "evidence": {
        "senior-leadership-cohesion": {
            "rating": "partial",
            "note": "Leadership team formed ad hoc; no joint induction.",
            "sources": ["Mission review, 2007"],
        },
        "donor-earmarking": {"rating": "high"},
    },
    "entity": [{"name": "OCHA", "role": "humanitarian", "current": {"strategic": "cooperation"}}],
}


# Rulebooks


def test_the_built_in_rulebook() -> None:
    rb = ir.Rulebook.oslo_2007()
    assert (rb.id, rb.version) == ("oslo-2007", "3.1.0")
    assert rb.levels == ["co-existence", "coordination", "cooperation", "integration", "full-coherence"]
    assert rb.dimensions == ["strategic", "programmatic", "administrative"]
    assert len(rb.factors) == len(rb.polarities) == len(rb.weights) == 55
    assert set(rb.polarities) == {"enabler", "barrier"}
    assert all(len(w) == 3 and min(w) >= 0 for w in rb.weights)
    assert rb == ir.Rulebook.oslo_2007()
    assert hash(rb) == hash(ir.Rulebook.oslo_2007())
    assert "oslo-2007" in repr(rb)


def test_a_rulebook_from_toml_and_from_a_file(tmp_path: Path) -> None:
    rb = ir.Rulebook.oslo_2007()
    again = ir.Rulebook.from_toml(rb.to_toml())
    assert again == rb and again.fingerprint == rb.fingerprint
    f = tmp_path / "rb.toml"
    f.write_text(rb.to_toml().replace('version = "3.1.0"', 'version = "3.1.1"', 1), encoding="utf-8")
    edited = ir.Rulebook.from_path(f)
    assert edited.version == "3.1.1" and edited != rb
    assert edited.fingerprint != rb.fingerprint
    # Missions checked against it carry it.
    m = ir.Mission.from_toml(SMALL, rulebook=edited)
    assert m.rulebook == edited
    assert ir.assess(m).rulebook.version == "3.1.1"


def test_a_bad_rulebook_is_an_error_with_its_problems() -> None:
    with pytest.raises(ir.Error) as e:
        ir.Rulebook.from_toml("id = 3\n")
    assert e.value.problems
    assert all(isinstance(p, ir.Problem) for p in e.value.problems)
    assert any(p.line == 1 for p in e.value.problems)


# Missions


def test_a_mission_from_toml_a_dict_json_and_a_file(tmp_path: Path) -> None:
    from_toml = ir.Mission.from_toml(SMALL)
    from_dict = ir.Mission.from_dict(SMALL_DICT)
    assert from_toml == from_dict
    assert ir.Mission.from_json(from_toml.to_json()) == from_toml
    f = tmp_path / "m.toml"
    f.write_text(SMALL, encoding="utf-8")
    from_file = ir.Mission.from_path(f)
    assert from_file == from_toml
    assert (from_file.file, from_toml.file, from_dict.file) == (str(f), None, None)
    assert from_toml.name == "Example integrated mission"
    assert from_toml.rulebook == ir.Rulebook.oslo_2007()
    assert from_toml.ratings["senior-leadership-cohesion"] == "partial"
    assert from_toml.ratings["donor-earmarking"] == "high"
    assert from_toml.ratings["common-planning-framework"] == "unknown"
    assert list(from_toml.ratings) == sorted(from_toml.ratings)  # a dict by id
    codes = from_toml.rating_codes()
    factors = from_toml.rulebook.factors
    assert codes[factors.index("senior-leadership-cohesion")] == 2
    assert codes[factors.index("donor-earmarking")] == 3
    assert codes.count(-1) == len(factors) - 2


def test_the_readme_example_reads_as_in_rust() -> None:
    a = ir.assess(ir.Mission.from_toml(SMALL))
    strategic = a.dimensions[0]
    assert strategic.id == "strategic" and strategic.target == "integration"
    assert strategic.verdict == "undetermined"
    assert strategic.rate_first[0] == "senior-representative-authority"
    lo, hi = strategic.score_range
    assert hi - lo > 50 and abs(strategic.score - (lo + hi) / 2) < 1e-9
    assert a.entities[0].over_integrated == ["strategic"]
    assert strategic.provisional and a.overall.provisional


def test_a_bad_mission_is_an_error_with_every_problem_located() -> None:
    text = (
        '[mission]\nname = "x"\n[context]\nmandate = "multidimensionnal"\n'
        '[evidence.senior-leadership-cohesion]\nrating = "mostly"\n'
    )
    with pytest.raises(ir.Error) as e:
        ir.Mission.from_toml(text)
    problems = e.value.problems
    assert [(p.path, p.line, p.column) for p in problems] == [
        ("context.mandate", 4, 11),
        ("evidence.senior-leadership-cohesion.rating", 6, 10),
    ]
    assert problems[0].message.startswith('`mandate` cannot be "multidimensionnal"')
    assert "did you mean `multidimensional`?" in problems[0].message
    assert problems[1].message.startswith("unknown word `mostly`")
    assert str(e.value).startswith("<text>:4:11: context.mandate: ")
    assert str(problems[1]) == "6:10: evidence.senior-leadership-cohesion.rating: " + problems[1].message
    assert isinstance(e.value, Exception)


def test_a_bad_dict_names_the_path() -> None:
    bad = {"mission": {"name": "x"}, "evidence": {"no-such-factor": {"rating": "high"}}}
    with pytest.raises(ir.Error) as e:
        ir.Mission.from_dict(bad)
    (p,) = e.value.problems
    assert p.path == "evidence.no-such-factor"
    assert p.message.startswith("unknown factor `no-such-factor`")
    with pytest.raises(TypeError, match="from_dict takes a dict, not list"):
        ir.Mission.from_dict([])  # type: ignore[arg-type]


def test_a_missing_file_is_an_error_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(ir.Error) as e:
        ir.Mission.from_path(tmp_path / "nowhere.toml")
    (p,) = e.value.problems
    assert (p.path, p.line, p.column) == ("", None, None)
    assert "nowhere.toml: cannot read: " in p.message
    with pytest.raises(ir.Error):
        ir.Rulebook.from_path(tmp_path / "nowhere.toml")
    # The built-in exception catches it too, with the file named.
    with pytest.raises(FileNotFoundError) as f:
        ir.Mission.from_path(tmp_path / "nowhere.toml")
    assert isinstance(f.value, ir.MissingFileError)
    assert f.value.filename == str(tmp_path / "nowhere.toml")
    with pytest.raises(FileNotFoundError):
        ir.Rulebook.from_path(tmp_path / "nowhere.toml")


def test_a_waiver_the_rulebook_refuses_is_an_error() -> None:
    text = '[mission]\nname = "x"\n[evidence.intergovernmental-support]\nrating = "not-applicable"\n'
    with pytest.raises(ir.Error) as e:
        ir.Mission.from_toml(text)
    assert e.value.problems[0].path == "evidence.intergovernmental-support.rating"
    assert "may not be waived" in e.value.problems[0].message


# Results as attributes


def test_results_read_as_attributes_and_as_the_json() -> None:
    m = ir.Mission.from_path(sample("consolidation-after-ceasefire.toml"))
    a = ir.assess(m)
    d = a.to_dict()
    assert a.overall.score == d["overall"]["score"] == pytest.approx(51.6, abs=0.05)
    assert a.overall.verdict == "not-ready"
    assert [x.verdict for x in a.dimensions] == [x["verdict"] for x in d["dimensions"]]
    assert a.dimensions[0].verdict == "stretch"
    assert a.dimensions[0].level == "cooperation"
    assert a.fix_first[0].factor == "intergovernmental-support"
    assert a.plan.changes[0].factor == a.fix_first[0].factor
    assert a.factors[0].contributions["strategic"] == d["factors"][0]["contributions"]["strategic"]
    assert a.rulebook.id == "oslo-2007"
    assert a.mission.name.startswith("UN Integrated Mission in Lomaro")
    assert isinstance(a.dimensions[0], ir.Dimension) and isinstance(a.overall, ir.Overall)
    assert "overall" in a.keys() and "score" in a.overall
    # to_dict is a fresh copy: changing it changes nothing.
    d["overall"]["score"] = -1
    assert a.to_dict()["overall"]["score"] == a.overall.score > 0
    assert a.to_json().endswith("}\n")
    with pytest.raises(AttributeError, match="no attribute 'nothing'; it has"):
        a.overall.nothing


def test_every_analysis_has_its_top_level_attributes() -> None:
    old = ir.Mission.from_path(sample("compare-2008.toml"))
    new = ir.Mission.from_path(sample("compare-2009.toml"))
    p = ir.plan(old)
    assert isinstance(p, ir.Plan) and p.total_effort == sum(c.effort for c in p.changes)
    r = ir.robustness(old, samples=50)
    assert [x.id for x in r.dimensions] == old.rulebook.dimensions and r.samples == 50
    c = ir.compare(old, new)
    assert isinstance(c, ir.Comparison)
    assert c.mission_before.file == sample("compare-2008.toml")
    assert c.mission.file == sample("compare-2009.toml")
    assert c.changed_ratings and all(x.before != x.after for x in c.changed_ratings)
    t = ir.trend([new, old])
    assert [x.file for x in t.assessments] == [old.file, new.file]
    assert len(t.overall) == 2 and t.dimensions[0].points[1].date == t.assessments[1].date
    w = ir.whatif(old, {"intergovernmental-support": "full"})
    assert [(x.factor, x.after) for x in w.changed_ratings] == [("intergovernmental-support", "full")]


def test_whatif_errors() -> None:
    m = ir.Mission.from_path(sample("compare-2008.toml"))
    with pytest.raises(ir.Error) as e:
        ir.whatif(m, {"no-such-factor": "high"})
    assert e.value.problems[0].message.startswith("unknown factor `no-such-factor`")
    with pytest.raises(ir.Error, match="unknown rating `hgh`; expected one of none, low"):
        ir.whatif(m, {"senior-leadership-cohesion": "hgh"})
    with pytest.raises(ir.Error) as e:
        ir.whatif(m, context={"mandate": "sideways"})
    assert "mandate" in e.value.problems[0].path
    with pytest.raises(ValueError, match="nothing to change"):
        ir.whatif(m)
    with pytest.raises(TypeError, match="must be a str or a bool, not int"):
        ir.whatif(m, context={"mandate": 3})  # type: ignore[dict-item]
    # Forgetting a context key leaves the target open.
    assert ir.assess(m).to_dict()["missing_context"] == []
    w = ir.whatif(m, forget_context=["mandate"])
    assert any(d.target_before != d.target_after or d.verdict_after == "undetermined" for d in w.dimensions)


def test_analysis_argument_errors() -> None:
    m = ir.Mission.from_path(sample("compare-2008.toml"))
    with pytest.raises(ValueError, match="two missions or more"):
        ir.trend([m])
    with pytest.raises(ValueError, match="noise_percent 120"):
        ir.robustness(m, noise_percent=120)
    with pytest.raises(ValueError, match="samples 0"):
        ir.robustness(m, samples=0)
    with pytest.raises(ValueError, match="samples -5 is out of range; expected 1 to 1000000"):
        ir.robustness(m, samples=-5)
    with pytest.raises(ValueError, match="seed -1 is out of range; expected 0 to 18446744073709551615"):
        ir.robustness(m, seed=-1)
    with pytest.raises(ValueError, match="seed 18446744073709551616"):
        ir.robustness(m, seed=2**64)
    with pytest.raises(TypeError, match="seed must be an integer, not float"):
        ir.robustness(m, seed=1.5)  # type: ignore[arg-type]
    # The largest seed is a seed like any other.
    assert ir.robustness(m, samples=5, seed=2**64 - 1).seed == 2**64 - 1
    with pytest.raises(ir.Error, match="unknown column `nme`"):
        ir.portfolio([m], sort="nme")
    with pytest.raises(ir.Error) as e:
        ir.panel([m])
    assert e.value.problems


def test_missions_of_another_rulebook_are_refused() -> None:
    rb = ir.Rulebook.oslo_2007()
    other = ir.Rulebook.from_toml(rb.to_toml().replace('version = "3.1.0"', 'version = "9.0.0"', 1))
    a = ir.Mission.from_toml(SMALL)
    b = ir.Mission.from_toml(SMALL, rulebook=other)
    with pytest.raises(ir.Error, match="was checked against rulebook"):
        ir.portfolio([a, b])
    with pytest.raises(ir.Error, match="was checked against rulebook"):
        ir.panel([a, b])
    assert ir.portfolio([b], rulebook=other).rulebook.version == "9.0.0"


# Tidy frames


def test_portfolio_to_pandas_is_one_row_per_mission_and_dimension() -> None:
    p = ir.portfolio([ir.Mission.from_path(f) for f in samples()])
    df = p.to_pandas()
    assert list(df.columns) == ir.PORTFOLIO_COLUMNS
    assert df.shape == (len(SAMPLES) * 3, 12)
    assert list(df["dimension"][:3]) == ["strategic", "programmatic", "administrative"]
    assert list(df["file"].unique()) == samples()
    first = p.rows[0].dimensions[0]
    row = df.iloc[0]
    assert (row["score"], row["score_low"], row["score_high"]) == (first.score, *first.score_range)
    assert row["verdict"] == first.verdict and bool(row["provisional"]) == first.provisional
    # Pivots to the command's wide CSV.
    wide = df.pivot(index="file", columns="dimension", values="score")
    assert wide.shape == (len(SAMPLES), 3)


def test_panel_to_pandas_is_one_row_per_factor_and_assessor() -> None:
    def rated(who: str, rating: str) -> ir.Mission:
        return ir.Mission.from_dict(
            {
                "mission": {"name": "M", "assessor": who},
                "context": {"mandate": "multidimensional"},
                "evidence": {"senior-leadership-cohesion": {"rating": rating, "note": f"{who} says"}},
            }
        )

    p = ir.panel([rated("A", "low"), rated("B", "high"), rated("C", "high")])
    assert p.assessors == ["A", "B", "C"] and p.mission.name == "M"
    f = next(f for f in p.factors if f.id == "senior-leadership-cohesion")
    assert (f.median, f.spread, f.agree) == ("high", 2, False)
    assert f.ratings == ["low", "high", "high"]
    assert p.discuss[0].factor == "senior-leadership-cohesion"
    assert [d.id for d in p.dimensions] == ["strategic", "programmatic", "administrative"]
    lo, hi = p.dimensions[0].score_range
    assert lo <= p.dimensions[0].score <= hi
    assert p.assessment.dimensions[0].score == p.dimensions[0].score
    df = p.to_pandas()
    assert list(df.columns) == ir.PANEL_COLUMNS
    assert df.shape == (55 * 3, 12)
    rows = df[df["factor"] == "senior-leadership-cohesion"]
    assert list(rows["rating"]) == ["low", "high", "high"]
    assert list(rows["step"]) == [1, 3, 3]
    assert list(rows["note"]) == ["A says", "B says", "C says"]
    assert set(rows["median"]) == {"high"}


def test_to_pandas_without_pandas_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    p = ir.portfolio([ir.Mission.from_path(samples()[0])])
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'integration-readiness\[pandas\]'"):
        p.to_pandas()


def test_results_copy_and_pickle() -> None:
    import copy
    import pickle

    a = ir.assess(ir.Mission.from_path(samples()[0]))
    assert copy.deepcopy(a).to_dict() == a.to_dict()
    assert pickle.loads(pickle.dumps(a)).to_dict() == a.to_dict()
    assert copy.copy(a.overall).score == a.overall.score


def test_whatif_names_every_bad_rating_word_by_its_place() -> None:
    m = ir.Mission.from_path(samples()[0])
    with pytest.raises(ir.Error) as e:
        ir.whatif(m, {"senior-leadership-cohesion": "ful", "donor-earmarking": "hihg"})
    paths = sorted(p.path for p in e.value.problems)
    assert paths == ["evidence.donor-earmarking.rating", "evidence.senior-leadership-cohesion.rating"]
    assert "full" in str(e.value)


def test_a_mission_tells_its_date_assessor_and_context() -> None:
    tomllib = pytest.importorskip("tomllib")

    for f in samples():
        with open(f, "rb") as fh:
            doc = tomllib.load(fh)
        m = ir.Mission.from_path(f)
        assert m.date == doc["mission"].get("date")
        assert m.assessor == doc["mission"].get("assessor")
        assert m.context == doc.get("context", {})
    m = ir.Mission.from_toml('[mission]\nname = "x"\nassessor = "Ana"\n[context]\nhumanitarian-operations = true\n')
    assert (m.date, m.assessor, m.context) == (None, "Ana", {"humanitarian-operations": True})
