"""How ready is a UN peace operation for integration?

Python bindings of the ``integration-readiness`` library: load a rulebook and a
mission, assess it, and run the analyses (plan, robustness, compare, what-if,
trend, portfolio, panel of assessors). Every result has attributes
(``a.overall.score``, ``a.dimensions[0].verdict``) and ``to_dict()``, which is
exactly the JSON that ``integration-readiness COMMAND --format json`` prints.

>>> import integration_readiness as ir
>>> m = ir.Mission.from_toml('[mission]\\nname = "M"\\n')
>>> a = ir.assess(m)
>>> a.dimensions[0].id, a.overall.verdict
('strategic', 'undetermined')
"""

from __future__ import annotations

from typing import Dict, Iterable, Mapping, Optional, Sequence, Union

import numpy as np

from . import _native
from ._errors import Error, MissingFileError, Problem
from ._native import Mission, Rulebook
from ._results import (
    PANEL_COLUMNS,
    PORTFOLIO_COLUMNS,
    Assessment,
    Comparison,
    Dimension,
    Factor,
    MissionInfo,
    Overall,
    Panel,
    PanelDimension,
    PanelFactor,
    Plan,
    Portfolio,
    PortfolioCell,
    PortfolioRow,
    Provenance,
    Record,
    Result,
    Robustness,
    Trend,
)
__version__: str = _native.__version__

#: The rating codes of :func:`score_batch`: the scale from ``none`` (0) to ``full``
#: (4), ``unknown`` (-1) and ``not-applicable`` (-2).
RATING_CODES: Dict[str, int] = {
    "none": 0,
    "low": 1,
    "partial": 2,
    "high": 3,
    "full": 4,
    "unknown": -1,
    "not-applicable": -2,
}

__all__ = [
    "Assessment",
    "Comparison",
    "Dimension",
    "Error",
    "MissingFileError",
    "Factor",
    "Mission",
    "MissionInfo",
    "Overall",
    "PANEL_COLUMNS",
    "PORTFOLIO_COLUMNS",
    "Panel",
    "PanelDimension",
    "PanelFactor",
    "Plan",
    "Portfolio",
    "PortfolioCell",
    "PortfolioRow",
    "Problem",
    "Provenance",
    "RATING_CODES",
    "Record",
    "Result",
    "Robustness",
    "Rulebook",
    "Trend",
    "assess",
    "compare",
    "panel",
    "plan",
    "portfolio",
    "robustness",
    "score_batch",
    "trend",
    "whatif",
]


def assess(mission: Mission) -> Assessment:
    """Assess ``mission``: per dimension the score and its range, the level, the
    target and the verdict; the overall result; what to fix first and the cheapest
    plan to the targets. As ``integration-readiness assess --format json``."""
    return Assessment(_native.assess(mission))


def plan(mission: Mission) -> Plan:
    """The cheapest set of rating changes that brings every dimension to its
    target. As ``integration-readiness plan --format json``."""
    return Plan(_native.plan(mission))


def robustness(
    mission: Mission, *, noise_percent: float = 20.0, samples: int = 1000, seed: int = 2007
) -> Robustness:
    """How far the weights can move before each dimension's level changes, with a
    Monte Carlo cross-check (every weight moved by up to ``noise_percent``, and the
    missing ratings drawn, ``samples`` times from ``seed``). As
    ``integration-readiness robustness --format json`` with the same options.

    Raises ``ValueError`` for a noise outside 0..100, samples outside
    1..1,000,000 or a seed outside 0..2**64 - 1, ``TypeError`` for samples or a
    seed that is not an integer."""
    for name, value, low, high in (
        ("samples", samples, 1, 1_000_000),
        ("seed", seed, 0, 2**64 - 1),
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an integer, not {type(value).__name__}")
        if not low <= value <= high:
            raise ValueError(f"{name} {value} is out of range; expected {low} to {high}")
    return Robustness(_native.robustness(mission, noise_percent, samples, seed))


def compare(old: Mission, new: Mission) -> Comparison:
    """Two assessments of a mission compared: what moved and why. As
    ``integration-readiness compare OLD NEW --format json``."""
    return Comparison(_native.compare(old, new))


def whatif(
    mission: Mission,
    ratings: Optional[Mapping[str, str]] = None,
    *,
    context: Optional[Mapping[str, Union[str, bool]]] = None,
    forget_context: Optional[Sequence[str]] = None,
) -> Comparison:
    """The mission with rating changes (factor id -> rating word) and context
    changes (key -> word, or bool for a flag; ``forget_context`` leaves keys out),
    compared with the mission as it is. As ``integration-readiness whatif --set
    FACTOR=RATING --context KEY=VALUE --format json``.

    Raises :class:`Error` for an unknown factor, rating word, context key or value
    (each problem's path names it), or a change the rulebook refuses;
    ``ValueError`` when nothing is changed."""
    return Comparison(
        _native.whatif(
            mission,
            dict(ratings) if ratings is not None else None,
            dict(context) if context is not None else None,
            list(forget_context) if forget_context is not None else None,
        )
    )


def trend(missions: Iterable[Mission]) -> Trend:
    """Several dated assessments of one mission, in date order: per dimension the
    score and level at each date and the factors that moved it most. As
    ``integration-readiness trend FILES... --format json``. Needs two missions or
    more (``ValueError`` otherwise)."""
    return Trend(_native.trend(list(missions)))


def portfolio(
    missions: Iterable[Mission],
    *,
    rulebook: Optional[Rulebook] = None,
    sort: Optional[str] = None,
    reverse: bool = False,
) -> Portfolio:
    """Several missions side by side, one row each, in the order given or sorted
    by ``sort`` (``name``, ``date``, ``coverage``, ``score``, ``verdict`` or a
    dimension id). The rulebook is the first mission's unless given. As
    ``integration-readiness portfolio FILES... --format json``; ``to_pandas()``
    gives a tidy frame.

    Raises :class:`Error` for an unknown sort column or a mission checked against
    another rulebook."""
    return Portfolio(_native.portfolio(list(missions), rulebook, sort, reverse))


def panel(missions: Iterable[Mission]) -> Panel:
    """A panel of assessors, each of whom rated the same mission alone (one
    mission each, its ``assessor`` naming them): medians, spreads and agreement
    per factor, Krippendorff's ordinal alpha, the panel's assessment with the
    disagreement as uncertainty, and what to discuss first. ``to_pandas()`` gives
    one row per factor and assessor.

    Raises :class:`Error` for fewer than two missions or missions checked against
    different rulebooks."""
    return Panel(_native.panel(list(missions)))


def score_batch(mission: Mission, ratings: "np.typing.ArrayLike") -> np.ndarray:
    """Point scores of many scenarios at once, without the interpreter in the loop.

    ``ratings`` is an integer array of shape ``(n_scenarios, n_factors)``, one
    column per factor in the order of ``mission.rulebook.factors``, each a rating
    code: 0 to 4 for ``none``, ``low``, ``partial``, ``high``, ``full``; -1 for
    ``unknown``; -2 for ``not-applicable`` (see :data:`RATING_CODES`;
    ``mission.rating_codes()`` is the mission's own row). Each scenario is scored
    in the mission's context (which decides the gates and which factors apply).
    The answer is a float array of shape ``(n_scenarios, n_dimensions)``, the
    point score of each dimension in the order of ``mission.rulebook.dimensions``:
    the scores ``assess`` gives. The work runs with the GIL released.

    The ratings are not checked against the rulebook's refusals (a
    ``not-applicable`` on a gate that cannot be waived is scored as given):
    this is a sweep, not a mission file.

    Raises ``ValueError`` for a code outside -2..4 or a wrong number of
    columns, ``TypeError`` for an array that is not of integers."""
    a = np.asarray(ratings)
    if a.ndim != 2:
        raise ValueError(f"ratings must be 2-dimensional (scenarios x factors), not {a.ndim}-dimensional")
    if a.dtype != np.int8:
        if a.dtype.kind not in "iu":
            raise TypeError(f"ratings must be an array of integers, not {a.dtype}")
        if a.size and (a.min() < -2 or a.max() > 4):
            bad = np.argwhere((a < -2) | (a > 4))[0]
            raise ValueError(
                f"ratings[{bad[0]}, {bad[1]}] is {a[bad[0], bad[1]]}; expected 0 to 4 "
                "(none to full), -1 (unknown) or -2 (not-applicable)"
            )
        a = a.astype(np.int8)
    return _native.score_batch(mission, np.ascontiguousarray(a))
