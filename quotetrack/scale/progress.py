"""Progress of a long run on a terminal, and the summary line at its end.

A bar (tqdm, on stderr: documents, documents a second, ETA when the total is known) is
shown only when stderr is a terminal, ``--no-progress`` is not given and tqdm is
installed; otherwise the documents pass through untouched.  :class:`Tally` counts what
passed and :meth:`Tally.line` is the summary: ``documents 840, quotes 5,512, failures 0,
seconds 4.2``.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Iterable, TextIO, TypeVar

from ..errors import MissingExtra, require

T = TypeVar("T")


def wanted(stream: TextIO | None, disabled: bool = False) -> bool:
    """Whether to show a bar on ``stream``: a terminal, and not ``--no-progress``."""
    if disabled or stream is None:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def bar(items: Iterable[T], stream: TextIO | None, show: bool, unit: str = "doc") -> Iterable[T]:
    """``items`` with a tqdm bar on ``stream`` when ``show`` (and tqdm is installed)."""
    if not show:
        return items
    try:
        tqdm = require("tqdm", "archive").tqdm
    except MissingExtra:
        return items
    return tqdm(items, file=stream, unit=unit, dynamic_ncols=True, leave=False)


@dataclass
class Tally:
    """Documents, quotes and failures counted as results pass, and the time since start."""
    documents: int = 0
    quotes: int = 0
    failures: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.perf_counter)

    def line(self) -> str:
        """The summary line.

        >>> Tally(3, 7, 1, started=time.perf_counter()).line()[:42]
        'documents 3, quotes 7, failures 1, seconds'
        """
        seconds = time.perf_counter() - self.started
        skipped = f", skipped {self.skipped:,}" if self.skipped else ""
        return (f"documents {self.documents:,}, quotes {self.quotes:,}, failures {self.failures:,}"
                f"{skipped}, seconds {seconds:.1f}")
