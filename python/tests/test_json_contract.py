"""Every result's `to_dict()` is the command's JSON, for every sample mission and
every analysis: the Python door prints nothing of its own."""

from __future__ import annotations

import json

import pytest

import integration_readiness as ir

from conftest import ROOT, SAMPLES, run_json, sample, samples


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 7


@pytest.mark.parametrize("name", SAMPLES)
def test_assess_is_the_commands_json(name: str) -> None:
    m = ir.Mission.from_path(sample(name))
    a = ir.assess(m)
    assert a.to_dict() == run_json("assess", sample(name))
    assert a.mission.file == sample(name)


@pytest.mark.parametrize("name", SAMPLES)
def test_plan_is_the_commands_json(name: str) -> None:
    m = ir.Mission.from_path(sample(name))
    assert ir.plan(m).to_dict() == run_json("plan", sample(name))


@pytest.mark.parametrize("name", SAMPLES)
def test_robustness_is_the_commands_json(name: str) -> None:
    m = ir.Mission.from_path(sample(name))
    assert ir.robustness(m).to_dict() == run_json("robustness", sample(name))


@pytest.mark.parametrize("name", SAMPLES)
def test_robustness_options_are_the_commands(name: str) -> None:
    m = ir.Mission.from_path(sample(name))
    r = ir.robustness(m, noise_percent=35.5, samples=300, seed=11)
    expected = run_json(
        "robustness", sample(name), "--noise", "35.5", "--samples", "300", "--seed", "11"
    )
    assert r.to_dict() == expected
    assert (r.noise_percent, r.samples, r.seed) == (35.5, 300, 11)


@pytest.mark.parametrize("name", SAMPLES)
def test_whatif_is_the_commands_json(name: str) -> None:
    m = ir.Mission.from_path(sample(name))
    c = ir.whatif(
        m,
        {"senior-leadership-cohesion": "full", "donor-earmarking": "none"},
        context={"conflict": "ceasefire", "humanitarian-operations": False},
    )
    expected = run_json(
        "whatif",
        sample(name),
        "--set",
        "senior-leadership-cohesion=full",
        "--set",
        "donor-earmarking=none",
        "--context",
        "conflict=ceasefire",
        "--context",
        "humanitarian-operations=false",
    )
    assert c.to_dict() == expected


@pytest.mark.parametrize("old", SAMPLES)
def test_compare_is_the_commands_json(old: str) -> None:
    new = "compare-2009.toml"
    c = ir.compare(ir.Mission.from_path(sample(old)), ir.Mission.from_path(sample(new)))
    assert c.to_dict() == run_json("compare", sample(old), sample(new))


def test_trend_is_the_commands_json() -> None:
    files = [sample("compare-2009.toml"), sample("compare-2008.toml"), sample("poorly-evidenced.toml")]
    t = ir.trend([ir.Mission.from_path(f) for f in files])
    assert t.to_dict() == run_json("trend", *files)
    # In date order, whatever the order given.
    dates = [m.date for m in t.assessments]
    assert dates == sorted(dates)


def test_portfolio_is_the_commands_json() -> None:
    p = ir.portfolio([ir.Mission.from_path(f) for f in samples()])
    assert p.to_dict() == run_json("portfolio", "examples/missions")
    assert len(p.rows) == len(SAMPLES)


@pytest.mark.parametrize("column", ["name", "date", "coverage", "score", "verdict", "administrative"])
@pytest.mark.parametrize("reverse", [False, True])
def test_sorted_portfolio_is_the_commands_json(column: str, reverse: bool) -> None:
    p = ir.portfolio([ir.Mission.from_path(f) for f in samples()], sort=column, reverse=reverse)
    args = ["portfolio", *samples(), "--sort", column] + (["--reverse"] if reverse else [])
    assert p.to_dict() == run_json(*args)


def test_rulebook_is_the_commands_json() -> None:
    rb = ir.Rulebook.oslo_2007()
    assert json.loads(rb.to_json()) == run_json("rulebook")


@pytest.mark.parametrize("name", SAMPLES)
def test_text_missions_name_no_file(name: str) -> None:
    """Text read without a file gives the same result, without `file`."""
    with open(sample(name), encoding="utf-8") as f:
        m = ir.Mission.from_toml(f.read())
    a = ir.assess(m).to_dict()
    expected = run_json("assess", sample(name))
    del expected["mission"]["file"]
    del expected["plan"]["mission"]["file"]
    assert a == expected


def test_panel_is_the_commands_json() -> None:
    files = [str(p) for p in sorted((ROOT / "examples" / "panel").glob("*.toml"))]
    assert len(files) == 3
    p = ir.panel([ir.Mission.from_path(f) for f in files])
    expected = run_json("panel", *files)
    assert p.to_dict() == expected
    assert expected["files"] == files


def test_panel_frame_is_the_commands_csv() -> None:
    pd = pytest.importorskip("pandas")
    import io
    import subprocess

    from conftest import command

    files = [str(p) for p in sorted((ROOT / "examples" / "panel").glob("*.toml"))]
    csv = subprocess.run(
        [str(command()), "panel", *files, "--format", "csv"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    expected = pd.read_csv(io.StringIO(csv), keep_default_na=False)
    got = ir.panel([ir.Mission.from_path(f) for f in files]).to_pandas()
    assert list(got.columns[: len(expected.columns)]) == list(expected.columns)
    for column in ["file", "mission", "assessor", "factor", "theme", "rating", "median"]:
        assert list(got[column]) == list(expected[column]), column
    assert list(got["spread"]) == list(expected["spread"])
    assert list(got["agree"]) == list(expected["agree"])
    steps = [None if s == "" else int(s) for s in expected["step"].astype(str)]
    assert [None if pd.isna(s) else int(s) for s in got["step"]] == steps
