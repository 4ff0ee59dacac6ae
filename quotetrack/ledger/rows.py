"""What the ledger stores and gives back: row records, and pure helpers on documents, dates
and paths."""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any, NamedTuple

from ..model import Document, content_hash  # noqa: F401  (content_hash: what identifies a document)
from .paths import DB_ENVIRONMENT, DEFAULT_DB
from .schema import DATE_FORMATS, ISO_DAY


# --- records ---------------------------------------------------------------------------------------

class SpeakerRow(NamedTuple):
    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    documents: int
    quotes: int
    claims: int


class ClaimRow(NamedTuple):
    id: int
    doc_id: str
    outlet: str | None
    date: str | None
    day: str | None
    url: str | None
    speaker: str
    speaker_type: str
    text: str
    score: float
    check_worthy: bool
    types: str
    quantities: str
    paragraph: int
    sentence: int
    start: int
    end: int


class QuoteRow(NamedTuple):
    id: int
    doc_id: str
    outlet: str | None
    date: str | None
    day: str | None
    url: str | None
    speaker: str | None
    speaker_type: str
    kind: str
    cue: str | None
    text: str
    paragraph: int
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class AliasResult:
    """What ``track alias OLD NEW`` did: ``action`` is merged, renamed or added."""
    action: str
    old: str
    new: str
    quotes: int = 0
    claims: int = 0

    def describe(self) -> str:
        if self.action == "merged":
            return (f"merged {self.old!r} into {self.new!r} "
                    f"({self.quotes} quotes and {self.claims} claims moved)")
        if self.action == "renamed":
            return f"renamed {self.old!r} to {self.new!r}"
        if self.action == "same":
            return f"{self.old!r} and {self.new!r} are already one speaker"
        return f"added {self.old!r} as another name of {self.new!r}"


# --- pure helpers ------------------------------------------------------------------------------

def source_key(doc: Document) -> str:
    """Which article a document is: its ``url`` when the record gave one, else its doc_id.

    >>> source_key(Document("a.jsonl:3", "t", (), meta={"url": "https://x.org/a"}))
    'https://x.org/a'
    """
    url = doc.meta.get("url")
    return url if isinstance(url, str) and url.strip() else doc.doc_id


def iso_day(value: Any) -> str | None:
    """The day a date field names, as ISO ``YYYY-MM-DD``, or None.

    It reads an ISO date or timestamp, an e-mail/RSS date and the English forms in
    :data:`DATE_FORMATS`; an all-numeric day-month order ("03/02/2020") is ambiguous
    and not read.

    >>> iso_day("2020-03-02T10:15:00Z"), iso_day("Mon, 02 Mar 2020 10:15:00 GMT")
    ('2020-03-02', '2020-03-02')
    >>> iso_day("March 2, 2020"), iso_day("2 March 2020"), iso_day("March 2"), iso_day("2020-13-40")
    ('2020-03-02', '2020-03-02', None, None)
    """
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    m = ISO_DAY.match(text)
    if m:
        try:
            return datetime(int(m[1]), int(m[2]), int(m[3])).date().isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.replace("Sept.", "Sep."), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def default_path(environ: Any = None) -> str:
    """``$QUOTETRACK_DB`` when set, else ``quotetrack.db`` in the working directory."""
    environ = os.environ if environ is None else environ
    return environ.get(DB_ENVIRONMENT) or DEFAULT_DB


def _text_meta(doc: Document, key: str) -> str | None:
    value = doc.meta.get(key)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _busy(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message
