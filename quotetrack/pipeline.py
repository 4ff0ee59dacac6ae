"""The whole pipeline: the extraction stages (:mod:`quotetrack.extract`), then the claims
stage (:mod:`quotetrack.claims`) when ``Config.claims`` is on.

>>> doc = extract("The deal was fair, Gantz said.")
>>> q = doc.quotes[0]
>>> (q.kind, q.text, q.speaker, q.cue.text, q.rule)
('indirect', 'The deal was fair', 'Gantz', 'said', 'tail')
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Mapping

from .claims import units as claims
from .config import Config
from .extract import stages
from .model import Document


def extract(text: str, doc_id: str = "<text>", config: Config | None = None,
            meta: Mapping[str, Any] | None = None) -> Document:
    """Find every attributed statement in ``text`` (and, with ``config.claims``, its claims)."""
    config = config or Config()
    if not isinstance(text, str):
        raise TypeError(f"extract() needs str text, not {type(text).__name__}")
    doc, skip = stages.run(text, doc_id, config, meta)
    return with_claims(doc, config, skip)


def extract_transcript(text: str, doc_id: str = "<text>", config: Config | None = None,
                       meta: Mapping[str, Any] | None = None) -> Document:
    """A transcript as a Document whose quotes are its turns (and, with ``config.claims``,
    their claims).  Raises :class:`quotetrack.read.transcript.TranscriptError` if ``text``
    is not a transcript.

    >>> doc = extract_transcript("SMITH: We cut taxes.\\nJONES: You did not.\\n",
    ...                          config=Config(claims=False))
    >>> [(q.speaker, q.text, q.rule) for q in doc.quotes]
    [('SMITH', 'We cut taxes.', 'transcript'), ('JONES', 'You did not.', 'transcript')]
    """
    config = config or Config()
    return with_claims(stages.transcript_document(text, doc_id, meta), config, frozenset())


def with_claims(doc: Document, config: Config, skip: frozenset[int] | None = None) -> Document:
    """``doc`` with ``claims`` filled by the claims stage, unless ``config.claims`` is off;
    ``skip``: the page-furniture paragraphs, when already known."""
    return replace(doc, claims=claims.find_claims(doc, skip=skip)) if config.claims else doc
