"""Result objects: the command's JSON, read as attributes.

Every result is built from the JSON text the library renders for it (the text
``integration-readiness COMMAND --format json`` prints), so ``to_dict()`` is that
JSON exactly and the attributes cannot drift from it. Objects nested in a result
are :class:`Record` views of the same data; a key that is not a Python name (a
dimension id such as ``full-coherence`` in a map) is read with ``record["key"]``.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator, List, Optional, Type, TypeVar

R = TypeVar("R", bound="Record")


def _wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return Record(value)
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value


def _records(cls: Type[R], values: List[Dict[str, Any]]) -> List[R]:
    return [cls(v) for v in values]


class Record:
    """A JSON object read as attributes (``r.score``) or items (``r["score"]``)."""

    __slots__ = ("_data",)

    def __init__(self, data: Dict[str, Any]) -> None:
        self._data = data

    def __getattr__(self, name: str) -> Any:
        # Private names (and `_data` itself, before a copy or an unpickled
        # object has it) are never keys of the JSON.
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return _wrap(self._data[name])
        except KeyError:
            raise AttributeError(
                f"{type(self).__name__} has no attribute {name!r}; "
                f"it has {', '.join(self._data)}"
            ) from None

    def __getitem__(self, key: str) -> Any:
        return _wrap(self._data[key])

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``, or ``default`` where the object has none."""
        return _wrap(self._data[key]) if key in self._data else default

    def keys(self) -> List[str]:
        """The object's keys, in the JSON's order."""
        return list(self._data)

    def to_dict(self) -> Dict[str, Any]:
        """The object as plain JSON values (a copy)."""
        return json.loads(json.dumps(self._data))

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | {k for k in self._data if k.isidentifier()})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{k}={v!r}" for k, v in self._data.items() if not isinstance(v, (dict, list))
        )
        return f"{type(self).__name__}({shown})"


class Provenance(Record):
    """The rulebook a result was made with: ``id``, ``version``, ``fingerprint``,
    ``crate_version``."""

    id: str
    version: str
    fingerprint: str
    crate_version: str


class MissionInfo(Record):
    """The mission a result is of: ``name``; ``date``, ``description`` and ``file``
    where given (use ``get``)."""

    name: str


class Overall(Record):
    """The overall result of an assessment."""

    score: float
    score_range: List[float]
    coverage: float
    verdict: str
    provisional: bool
    rate_first: List[str]


class Dimension(Record):
    """One dimension of an assessment: ``id``, ``score``, ``score_range``,
    ``coverage``, ``level``, ``level_range``, ``target``, ``target_detail``,
    ``verdict``, ``rate_first``, ``provisional`` and the rest of the JSON contract."""

    id: str
    score: float
    score_range: List[float]
    coverage: float
    level: str
    level_range: List[str]
    target: str
    verdict: str
    provisional: bool
    rate_first: List[str]


class Factor(Record):
    """One factor of an assessment: ``id``, ``polarity``, ``rating`` (``None``
    without evidence), ``applies``, ``contributions`` (dimension id -> points)."""

    id: str
    polarity: str
    rating: Optional[str]
    applies: bool


class PortfolioCell(Record):
    """One dimension of one mission in a portfolio."""

    id: str
    score: float
    score_range: List[float]
    coverage: float
    level: str
    target: str
    verdict: str
    provisional: bool


class PortfolioRow(Record):
    """One mission of a portfolio."""

    coverage: float
    score: float
    score_range: List[float]
    verdict: str
    provisional: bool

    @property
    def mission(self) -> MissionInfo:
        return MissionInfo(self._data["mission"])

    @property
    def dimensions(self) -> List[PortfolioCell]:
        return _records(PortfolioCell, self._data["dimensions"])


class PanelFactor(Record):
    """One factor as a panel rated it: ``id``, ``title``, ``theme``, ``ratings``
    and ``notes`` (one per assessor), ``median``, ``spread``, ``agree``,
    ``unknown``, ``not_applicable``."""

    id: str
    title: str
    theme: str
    ratings: List[str]
    notes: List[Optional[str]]
    median: str
    spread: int
    agree: bool
    unknown: int
    not_applicable: int


class PanelDimension(Record):
    """One dimension of a panel's assessment, with the range its disagreement
    leaves open."""

    id: str
    title: str
    score: float
    score_range: List[float]
    level: str
    level_range: List[str]
    verdict: str
    verdict_range: List[Optional[str]]
    settled: bool


class Result:
    """A result of the library: its JSON, read as attributes."""

    __slots__ = ("_text", "_data")

    def __init__(self, text: str) -> None:
        self._text = text
        self._data: Dict[str, Any] = json.loads(text)

    def __getattr__(self, name: str) -> Any:
        # Private names (and `_data` itself, before a copy or an unpickled
        # object has it) are never keys of the JSON.
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return _wrap(self._data[name])
        except KeyError:
            raise AttributeError(
                f"{type(self).__name__} has no attribute {name!r}; "
                f"it has {', '.join(self._data)}"
            ) from None

    def __getitem__(self, key: str) -> Any:
        return _wrap(self._data[key])

    def keys(self) -> List[str]:
        """The result's top-level keys, in the JSON's order."""
        return list(self._data)

    def to_dict(self) -> Dict[str, Any]:
        """The result as the command's JSON (a fresh copy each call)."""
        return json.loads(self._text)

    def to_json(self) -> str:
        """The result as the command's JSON text, as printed."""
        return self._text

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | {k for k in self._data if k.isidentifier()})

    @property
    def rulebook(self) -> Provenance:
        """The rulebook the result was made with."""
        return Provenance(self._data["rulebook"])

    @property
    def mission(self) -> MissionInfo:
        """The mission the result is about (for a comparison or a trend, the
        later or latest; for a panel, the first assessor's)."""
        return MissionInfo(self._data["mission"])

    def __repr__(self) -> str:
        mission = self._data.get("mission")
        name = mission.get("name") if isinstance(mission, dict) else mission
        return f"{type(self).__name__}(mission={name!r})"


class Assessment(Result):
    """An assessment with what to fix first and the plan (``assess``)."""

    warnings: List[str]


    @property
    def overall(self) -> Overall:
        """The overall score, range, coverage and verdict."""
        return Overall(self._data["overall"])

    @property
    def dimensions(self) -> List[Dimension]:
        """One result per dimension, in the rulebook's order."""
        return _records(Dimension, self._data["dimensions"])

    @property
    def factors(self) -> List[Factor]:
        """Every factor with its rating and the points it earns."""
        return _records(Factor, self._data["factors"])

    @property
    def fix_first(self) -> List[Record]:
        """The first changes of the plan, in its order."""
        return _records(Record, self._data["fix_first"])

    @property
    def plan(self) -> Record:
        """The cheapest plan to the targets, whole."""
        return Record(self._data["plan"])


class Plan(Result):
    """The cheapest set of rating changes that reaches every target (``plan``)."""

    total_effort: float
    provisional: bool
    unrated: List[str]


    @property
    def changes(self) -> List[Record]:
        """The changes, in priority order."""
        return _records(Record, self._data["changes"])


class Robustness(Result):
    """How robust each dimension's level is to the weights (``robustness``)."""

    noise_percent: float
    samples: int
    seed: int


    @property
    def dimensions(self) -> List[Record]:
        """Per dimension: ``id``, ``level``, ``radius_percent``, ``monte_carlo_hold``,
        ``first_movers``, ``provisional``."""
        return _records(Record, self._data["dimensions"])


class Comparison(Result):
    """Two assessments compared (``compare`` and ``whatif``)."""

    provisional: List[bool]
    warnings: List[str]


    @property
    def mission_before(self) -> MissionInfo:
        """The earlier mission."""
        return MissionInfo(self._data["mission_before"])

    @property
    def dimensions(self) -> List[Record]:
        """Per dimension: scores, levels, coverage and provisional state, before
        and after."""
        return _records(Record, self._data["dimensions"])

    @property
    def changed_ratings(self) -> List[Record]:
        """The ratings that differ: ``factor``, ``before``, ``after``."""
        return _records(Record, self._data["changed_ratings"])


class Trend(Result):
    """One mission over several dated assessments (``trend``)."""

    warnings: List[str]


    @property
    def assessments(self) -> List[MissionInfo]:
        """The mission of each assessment, in date order."""
        return _records(MissionInfo, self._data["assessments"])

    @property
    def overall(self) -> List[Record]:
        """The overall result at each date."""
        return _records(Record, self._data["overall"])

    @property
    def dimensions(self) -> List[Record]:
        """Per dimension: ``id``, ``points`` per date and ``drivers``."""
        return _records(Record, self._data["dimensions"])


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError(
            "to_pandas needs pandas, which is not installed: "
            "pip install 'integration-readiness[pandas]' (or pip install pandas)"
        ) from None
    return pandas


#: The columns of :meth:`Portfolio.to_pandas`, as the command's CSV names them.
PORTFOLIO_COLUMNS = [
    "file",
    "mission",
    "date",
    "dimension",
    "score",
    "score_low",
    "score_high",
    "coverage",
    "level",
    "target",
    "verdict",
    "provisional",
]

#: The columns of :meth:`Panel.to_pandas`: the command's panel CSV, then the
#: factor's title and the assessor's note.
PANEL_COLUMNS = [
    "file",
    "mission",
    "assessor",
    "factor",
    "theme",
    "rating",
    "step",
    "median",
    "spread",
    "agree",
    "title",
    "note",
]

#: The steps of the rating words on the scale (``step`` in a panel's frame).
_STEPS = {"none": 0, "low": 1, "partial": 2, "high": 3, "full": 4}


class Portfolio(Result):
    """Several missions side by side, one row each (``portfolio``): each row
    names its mission, the portfolio none of its own."""

    @property
    def mission(self) -> MissionInfo:
        raise AttributeError("a portfolio has no one mission: each of its rows names its own")

    dimensions: List[str]

    @property
    def rows(self) -> List[PortfolioRow]:
        """One row per mission, in the order given (or sorted)."""
        return _records(PortfolioRow, self._data["rows"])

    def to_pandas(self) -> Any:
        """A tidy ``pandas.DataFrame``: one row per mission and dimension.

        Columns (as the command's CSV names them): ``file``, ``mission``, ``date``
        (empty where not given), ``dimension``, ``score``, ``score_low``,
        ``score_high``, ``coverage``, ``level``, ``target``, ``verdict``,
        ``provisional``. Needs pandas (``pip install 'integration-readiness[pandas]'``).
        """
        pd = _pandas()
        records = []
        for row in self._data["rows"]:
            m = row["mission"]
            for c in row["dimensions"]:
                records.append(
                    (
                        m.get("file", ""),
                        m["name"],
                        m.get("date", ""),
                        c["id"],
                        c["score"],
                        c["score_range"][0],
                        c["score_range"][1],
                        c["coverage"],
                        c["level"],
                        c["target"],
                        c["verdict"],
                        c["provisional"],
                    )
                )
        return pd.DataFrame.from_records(records, columns=PORTFOLIO_COLUMNS)


class Panel(Result):
    """A panel of assessors who each rated the same mission alone (``panel``).

    ``mission`` names the mission (``name``, ``date``, ``file``...); ``files`` the
    file of each assessor's mission (``None`` where it came from no file);
    ``overall`` has ``score`` and ``score_range``; ``reliability`` holds Krippendorff's
    alpha over every factor (``overall``) and per theme and dimension (each with
    its ``id``).
    """

    assessors: List[str]
    files: List[Optional[str]]
    warnings: List[str]

    @property
    def factors(self) -> List[PanelFactor]:
        """Every factor of the rulebook, as the panel rated it."""
        return _records(PanelFactor, self._data["factors"])

    @property
    def dimensions(self) -> List[PanelDimension]:
        """The panel's assessment per dimension."""
        return _records(PanelDimension, self._data["dimensions"])

    @property
    def discuss(self) -> List[Record]:
        """What to discuss first: the factors the assessors are not unanimous on."""
        return _records(Record, self._data["discuss"])

    @property
    def assessment(self) -> Record:
        """The panel's assessment: every factor at its median."""
        return Record(self._data["assessment"])


    def to_pandas(self) -> Any:
        """A tidy ``pandas.DataFrame``: one row per factor and assessor, in the
        command's panel CSV order.

        Columns, as the CSV names them: ``file``, ``mission``, ``assessor``,
        ``factor``, ``theme``, ``rating`` (that assessor's word), ``step`` (its
        place on the scale, 0 for none to 4 for full; ``None`` for unknown and
        not-applicable), and the panel's ``median``, ``spread`` and ``agree`` for
        the factor; then ``title`` (the factor's) and ``note`` (the assessor's,
        ``None`` where not given). Needs pandas.
        """
        pd = _pandas()
        assessors = self._data["assessors"]
        files = self._data.get("files") or [None] * len(assessors)
        name = self._data["mission"]["name"]
        records = []
        for f in self._data["factors"]:
            for who, file, rating, note in zip(assessors, files, f["ratings"], f["notes"]):
                records.append(
                    (
                        file,
                        name,
                        who,
                        f["id"],
                        f["theme"],
                        rating,
                        _STEPS.get(rating),
                        f["median"],
                        f["spread"],
                        f["agree"],
                        f["title"],
                        note,
                    )
                )
        return pd.DataFrame.from_records(records, columns=PANEL_COLUMNS)
