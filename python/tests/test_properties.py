"""Invariants 1-3 of the design, checked from Python over generated missions:

1. every score and range bound is in [0, 100]; low <= point <= high; levels likewise;
2. raising an enabler's rating never lowers a score or a level; raising a
   barrier's never raises one;
3. rating an unknown factor moves the point score inside the old range, in the
   news' own direction (``partial`` leaves it unchanged); the point score is the
   middle of the range; the range only narrows.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Tuple

from hypothesis import given, settings
from hypothesis import strategies as st

import integration_readiness as ir

RB = ir.Rulebook.oslo_2007()
FACTORS = RB.factors
POLARITY = dict(zip(FACTORS, RB.polarities))
LEVELS = RB.levels
SCALE = ["none", "low", "partial", "high", "full"]
CONTEXT = [(c["key"], c["values"]) for c in json.loads(RB.to_json())["context"]]
EPS = 1e-9


@st.composite
def missions(draw: Any) -> Dict[str, Any]:
    """A mission of the built-in rulebook: some context keys stated, some
    factors rated on the scale, the rest unknown."""
    context = {}
    for key, values in CONTEXT:
        if draw(st.booleans()):
            context[key] = draw(st.sampled_from(values))
    rated = draw(st.dictionaries(st.sampled_from(FACTORS), st.sampled_from(SCALE), max_size=len(FACTORS)))
    return {
        "mission": {"name": "generated"},
        "context": context,
        "evidence": {f: {"rating": r} for f, r in rated.items()},
    }


def scores(doc: Dict[str, Any]) -> List[Tuple[float, float, float, int, int, int]]:
    """Per dimension: point, low, high, and the point, pessimistic and
    optimistic level indices."""
    a = ir.assess(ir.Mission.from_dict(doc)).to_dict()
    out = []
    for d in a["dimensions"]:
        lo, hi = d["score_range"]
        levels = [LEVELS.index(x) for x in [d["level"], *d["level_range"]]]
        out.append((d["score"], lo, hi, *levels))
    o = a["overall"]
    out.append((o["score"], *o["score_range"], 0, 0, 0))
    return out


def rerated(doc: Dict[str, Any], factor: str, rating: str) -> Dict[str, Any]:
    new = json.loads(json.dumps(doc))
    new["evidence"][factor] = {"rating": rating}
    return new


@settings(max_examples=60, deadline=None)
@given(missions())
def test_invariant_1_scores_and_levels_are_bounded_and_ordered(doc: Dict[str, Any]) -> None:
    for point, lo, hi, level, pessimistic, optimistic in scores(doc):
        assert 0.0 <= lo <= point <= hi <= 100.0
        assert pessimistic <= level <= optimistic


@settings(max_examples=60, deadline=None)
@given(missions(), st.sampled_from(FACTORS), st.integers(0, 3), st.integers(1, 4))
def test_invariant_2_raising_an_enabler_never_lowers_a_barrier_never_raises(
    doc: Dict[str, Any], factor: str, start: int, step: int
) -> None:
    up = min(start + step, 4)
    low, high = rerated(doc, factor, SCALE[start]), rerated(doc, factor, SCALE[up])
    before, after = scores(low), scores(high)
    for b, a in zip(before, after):
        for x, y in zip(b, a):
            if POLARITY[factor] == "enabler":
                assert y >= x - EPS
            else:
                assert y <= x + EPS


@settings(max_examples=60, deadline=None)
@given(missions(), st.sampled_from(FACTORS), st.sampled_from(SCALE))
def test_invariant_3_news_moves_the_point_its_own_way_inside_the_old_range(
    doc: Dict[str, Any], factor: str, rating: str
) -> None:
    unknown = json.loads(json.dumps(doc))
    unknown["evidence"].pop(factor, None)
    before, after = scores(unknown), scores(rerated(unknown, factor, rating))
    good = (SCALE.index(rating) - 2) * (1 if POLARITY[factor] == "enabler" else -1)
    for (p0, lo0, hi0, *_), (p1, lo1, hi1, *_) in zip(before, after):
        # The point score is the middle of the range.
        assert abs(p0 - (lo0 + hi0) / 2) < EPS and abs(p1 - (lo1 + hi1) / 2) < EPS
        # The range only narrows, and the new point lies in the old range.
        assert lo0 - EPS <= lo1 and hi1 <= hi0 + EPS
        assert lo0 - EPS <= p1 <= hi0 + EPS
        # In the news' own direction; partial leaves it where it was.
        if good > 0:
            assert p1 >= p0 - EPS
        elif good < 0:
            assert p1 <= p0 + EPS
        else:
            assert abs(p1 - p0) < EPS
