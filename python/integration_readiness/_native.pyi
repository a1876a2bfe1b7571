"""The native module: the rulebook and mission classes and the analyses, which
answer with the command's JSON text (the package wraps it in result objects)."""

from os import PathLike
from typing import Dict, List, Mapping, Optional, Sequence, Union

import numpy as np
import numpy.typing as npt

__version__: str

class Rulebook:
    """A rulebook: the spectrum, dimensions, factors, weights, thresholds, gates
    and target rules that missions are assessed against."""

    @staticmethod
    def oslo_2007() -> Rulebook:
        """The built-in rulebook, derived from the Oslo 2007 proceedings."""
    @staticmethod
    def from_toml(text: str) -> Rulebook:
        """A rulebook from TOML text. Raises ``Error`` with every problem."""
    @staticmethod
    def from_path(path: Union[str, PathLike[str]]) -> Rulebook:
        """A rulebook from a TOML or JSON file. Raises ``Error``."""
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def fingerprint(self) -> str:
        """A fingerprint of the rulebook's content."""
    @property
    def levels(self) -> List[str]:
        """The level ids, lowest first."""
    @property
    def dimensions(self) -> List[str]:
        """The dimension ids, in the rulebook's order."""
    @property
    def factors(self) -> List[str]:
        """The factor ids, in the rulebook's order (``score_batch``'s columns)."""
    @property
    def polarities(self) -> List[str]:
        """Each factor's polarity, ``enabler`` or ``barrier``."""
    @property
    def weights(self) -> List[List[float]]:
        """One row per factor, one column per dimension."""
    def to_json(self) -> str:
        """As ``integration-readiness rulebook --format json`` prints it."""
    def to_toml(self) -> str:
        """A TOML file that loads back to this rulebook."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Mission:
    """A mission checked against a rulebook, and the file it was read from."""

    @staticmethod
    def from_toml(text: str, rulebook: Optional[Rulebook] = None) -> Mission:
        """A mission from TOML text, checked against ``rulebook`` (the built-in one
        when left out). Raises ``Error`` with every problem, located."""
    @staticmethod
    def from_path(
        path: Union[str, PathLike[str]], rulebook: Optional[Rulebook] = None
    ) -> Mission:
        """A mission from a TOML or JSON file; results name the file as given."""
    @staticmethod
    def from_json(text: str, rulebook: Optional[Rulebook] = None) -> Mission:
        """A mission from JSON text (the mission file's document)."""
    @staticmethod
    def from_dict(data: Mapping[str, object], rulebook: Optional[Rulebook] = None) -> Mission:
        """A mission from a dict shaped as the mission file (kebab-case keys)."""
    @property
    def name(self) -> str: ...
    @property
    def date(self) -> Optional[str]:
        """The date of the assessment (``YYYY-MM-DD``), or ``None``."""
    @property
    def assessor(self) -> Optional[str]:
        """Who made this assessment, or ``None``."""
    @property
    def context(self) -> Dict[str, Union[bool, str]]:
        """The context as the file states it: key -> ``bool`` or ``str``."""
    @property
    def file(self) -> Optional[str]:
        """The file the mission was read from, or ``None``."""
    @property
    def rulebook(self) -> Rulebook: ...
    @property
    def ratings(self) -> Dict[str, str]:
        """Every factor's rating word (``unknown`` without evidence)."""
    def rating_codes(self) -> List[int]:
        """The ratings as ``score_batch`` codes, in the rulebook's factor order."""
    def to_json(self) -> str:
        """The mission file's document as JSON text."""
    def __eq__(self, other: object) -> bool: ...

def assess(mission: Mission) -> str: ...
def plan(mission: Mission) -> str: ...
def robustness(mission: Mission, noise_percent: float = ..., samples: int = ..., seed: int = ...) -> str: ...
def compare(old: Mission, new: Mission) -> str: ...
def whatif(
    mission: Mission,
    ratings: Optional[Dict[str, str]] = None,
    context: Optional[Dict[str, Union[str, bool]]] = None,
    forget_context: Optional[List[str]] = None,
) -> str: ...
def trend(missions: Sequence[Mission]) -> str: ...
def portfolio(
    missions: Sequence[Mission],
    rulebook: Optional[Rulebook] = None,
    sort: Optional[str] = None,
    reverse: bool = False,
) -> str: ...
def panel(missions: Sequence[Mission]) -> str: ...
def score_batch(mission: Mission, ratings: npt.NDArray[np.int8]) -> npt.NDArray[np.float64]: ...
