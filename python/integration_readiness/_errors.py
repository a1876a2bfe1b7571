"""The package's exception: every problem the library found, located."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional


@dataclass(frozen=True)
class Problem:
    """One problem in a document, as the library reports it.

    ``path`` is the place in the document (``evidence.senior-leadership-cohesion.rating``,
    ``entity[2].role``; empty for the whole document or for a problem that is not
    about a place), ``line`` and ``column`` count from 1 and are ``None`` where the
    position is not known (text built from a dict, a whole-document problem), and
    ``message`` says what is wrong, what is allowed and the nearest known id.
    """

    path: str
    line: Optional[int]
    column: Optional[int]
    message: str

    def __str__(self) -> str:
        place = self.path
        if self.line is not None:
            place = f"{self.line}:{self.column}: {place}"
        return f"{place}: {self.message}" if place else self.message


class Error(Exception):
    """Bad input or a request the library refuses.

    ``str(error)`` is the library's message (every problem, each with its file and
    line:column); ``problems`` lists them one by one.
    """

    problems: List[Problem]

    def __init__(self, message: str, problems: List[Problem]) -> None:
        super().__init__(message)
        self.problems = list(problems)


class MissingFileError(Error, FileNotFoundError):
    """A file that does not exist: an :class:`Error` (with its one problem) that
    ``except FileNotFoundError`` also catches. ``filename`` is the file."""

    def __init__(self, message: str, problems: List[Problem], filename: str) -> None:
        super().__init__(message, problems)
        self.filename = filename

