"""score_batch: the point scores assess gives, many scenarios at once."""

from __future__ import annotations

import sys
import threading

import numpy as np
import pytest

import integration_readiness as ir

from conftest import SAMPLES, sample

WORDS = ["none", "low", "partial", "high", "full", "unknown"]


@pytest.mark.parametrize("name", SAMPLES)
def test_the_missions_own_row_scores_as_assess(name: str) -> None:
    m = ir.Mission.from_path(sample(name))
    out = ir.score_batch(m, np.array([m.rating_codes()], dtype=np.int8))
    assert out.shape == (1, 3) and out.dtype == np.float64
    assert list(out[0]) == [d.score for d in ir.assess(m).dimensions]


def test_every_row_scores_as_the_mission_with_those_ratings() -> None:
    base = ir.Mission.from_path(sample("consolidation-after-ceasefire.toml"))
    factors = base.rulebook.factors
    rng = np.random.default_rng(7)
    rows = rng.integers(-1, 5, size=(20, len(factors)), dtype=np.int8)
    out = ir.score_batch(base, rows)
    data = base.to_json()
    import json

    doc = json.loads(data)
    for k, row in enumerate(rows):
        doc["evidence"] = {f: {"rating": WORDS[c]} for f, c in zip(factors, row) if c != -1}
        m = ir.Mission.from_dict(doc)
        assert list(out[k]) == [d.score for d in ir.assess(m).dimensions]


def test_not_applicable_leaves_the_sums() -> None:
    m = ir.Mission.from_toml('[mission]\nname = "M"\n')
    n = len(m.rulebook.factors)
    full = np.full((1, n), 4, dtype=np.int8)
    na = full.copy()
    # Every factor not applicable but one enabler at full: 100 where it weighs.
    e = m.rulebook.polarities.index("enabler")
    na[0, :] = -2
    na[0, e] = 4
    out = ir.score_batch(m, na)
    for d, w in enumerate(m.rulebook.weights[e]):
        assert out[0, d] == (100.0 if w > 0 else 0.0)
    assert ir.score_batch(m, full).shape == (1, 3)


def test_integer_arrays_and_lists_of_any_width_are_read() -> None:
    m = ir.Mission.from_toml('[mission]\nname = "M"\n')
    codes = [m.rating_codes()] * 4
    expected = ir.score_batch(m, np.array(codes, dtype=np.int8))
    for dtype in (np.int16, np.int64, np.uint8 if min(min(codes)) >= 0 else np.int32):
        assert np.array_equal(ir.score_batch(m, np.array(codes, dtype=dtype)), expected)
    assert np.array_equal(ir.score_batch(m, codes), expected)
    # A column slice (not contiguous) is read too.
    wide = np.zeros((4, 2 * len(codes[0])), dtype=np.int8)
    wide[:, ::2] = codes
    assert np.array_equal(ir.score_batch(m, wide[:, ::2]), expected)
    assert ir.score_batch(m, np.empty((0, len(codes[0])), dtype=np.int8)).shape == (0, 3)


def test_bad_arrays_are_refused() -> None:
    m = ir.Mission.from_toml('[mission]\nname = "M"\n')
    n = len(m.rulebook.factors)
    with pytest.raises(ValueError, match=f"has {n - 1} columns; rulebook oslo-2007 3.1.0 has {n} factors"):
        ir.score_batch(m, np.zeros((2, n - 1), dtype=np.int8))
    bad = np.zeros((3, n), dtype=np.int8)
    bad[2, 5] = 5
    with pytest.raises(ValueError, match=r"ratings\[2, 5\] is 5; expected 0 to 4"):
        ir.score_batch(m, bad)
    bad[2, 5] = -3
    with pytest.raises(ValueError, match=r"ratings\[2, 5\] is -3"):
        ir.score_batch(m, bad.astype(np.int64))
    wide = bad.astype(np.int64)
    wide[2, 5] = 300
    with pytest.raises(ValueError, match=r"ratings\[2, 5\] is 300"):
        ir.score_batch(m, wide)
    with pytest.raises(TypeError, match="array of integers, not float64"):
        ir.score_batch(m, np.zeros((1, n)))
    with pytest.raises(ValueError, match="2-dimensional"):
        ir.score_batch(m, np.zeros(n, dtype=np.int8))


def test_the_interpreter_runs_while_a_batch_is_scored() -> None:
    """With the GIL held, the main thread could not run until the batch ends
    (the switch interval is made far longer than the batch)."""
    m = ir.Mission.from_path(sample("poorly-evidenced.toml"))
    rows = np.tile(np.array(m.rating_codes(), dtype=np.int8), (300_000, 1))
    state = {"started": False, "done": False}

    def work() -> None:
        state["started"] = True
        ir.score_batch(m, rows)
        state["done"] = True

    old = sys.getswitchinterval()
    sys.setswitchinterval(30.0)
    try:
        t = threading.Thread(target=work)
        t.start()
        seen = 0
        import time

        while not state["done"]:
            time.sleep(0)
            if state["started"] and not state["done"]:
                seen += 1
        t.join()
    finally:
        sys.setswitchinterval(old)
    assert seen > 10
