"""What a reader yields: an :class:`Input` per document, an :class:`InputError` per thing
that could not be read.  Shared by :mod:`~quotetrack.read.inputs` and
:mod:`~quotetrack.read.archive` (which inputs calls), so neither imports the other's home."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Union


@dataclass(frozen=True)
class Input:
    """One document to process: its id, its text, and pass-through fields."""
    doc_id: str
    text: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()      # warnings on how it was read ("read as Windows-1252")
    record: bool = field(default=False, compare=False)   # a JSON Lines record, not a file of its own


@dataclass(frozen=True)
class InputError:
    """Something that could not be read: ``source`` (a path) and a one-line message."""
    source: str
    message: str


Item = Union[Input, InputError]


class BadInput(Exception):
    """Raised inside a reader with a one-line message; never escapes it."""


def os_message(exc: OSError) -> str:
    """The one-line message of an OS error, without the file name ("No such file or directory")."""
    return exc.strerror or str(exc)
