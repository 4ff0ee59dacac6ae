"""The claims stage: every statement of a document scored for check-worthiness.

A *claim unit* is one stretch of text that somebody asserts:

* the narrative: each sentence that is not part of a kept quote or of its attribution
  (neither a quote's content nor its cue is in it), outside page furniture (photo
  credits, newsletter lines); its speaker is ``"(article)"``, the reporter;
* a direct quote: each sentence of its content.  Where one sentence holds several
  fragments of an interrupted quote (“…,” Renko said, “…”), they make one unit that
  runs from the first fragment's start to the last fragment's end, so
  ``text[start:end] == claim.text`` holds and the interruption ("Renko said,") is in
  the claim text; the scorer and the quantity finder see only the quoted words.  The
  quote's own outer marks and a comma before its closing mark are left out;
* an indirect or mixed quote: its whole content is one unit (fragments joined the same
  way).  A narrative sentence that carries such a quote is the quote's unit, not the
  reporter's.

The speaker of a quote's unit is the quote's resolved speaker, else its mention as
written, else ``"(unknown)"``.  Every unit is scored (on its first :data:`MAX_SCORED`
characters) and kept; ``check_worthy`` says whether it passes the scorer's threshold, and
:func:`ranked` picks and orders them.

>>> from quotetrack.model import ClaimScore
>>> def score(sentence):   # a scorer: digits are check-worthy
...     found = any(c.isdigit() for c in sentence)
...     return ClaimScore(0.9 if found else 0.1, found, ("quantity",) if found else ())
>>> import quotetrack
>>> doc = quotetrack.extract("Sales rose 5% in May. “It was a good month,” Ortiz said.",
...                          config=quotetrack.Config(claims=False))
>>> [(c.text, c.speaker, c.rating.check_worthy) for c in find_claims(doc, score)]
[('Sales rose 5% in May.', '(article)', True), ('It was a good month', 'Ortiz', False)]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from operator import attrgetter
from typing import Callable, Iterable, NamedTuple, Sequence

from ..text.marks import EDGE_CLOSE, EDGE_OPEN
from ..extract import furniture
from ..text import quantities
from .scorer import score_claim
from ..model import (
    ARTICLE, TRANSCRIPT_RULE, UNKNOWN, Claim, ClaimScore, Document, Quantity, Quote, mention_text)


# What ends a quoted piece before its closing mark and belongs to the attribution:
# “We will,” she said -> "We will".
TRAILING = ",;:"

# A unit longer than this (no sentence end for 2,000 characters: a run-on paragraph, a quote
# whose closing mark never came) is scored, and searched for quantities, on its first
# MAX_SCORED characters only, so the stage stays fast on any input.
MAX_SCORED = 2000

Scorer = Callable[[str], ClaimScore]

# A letter or digit: a unit without one ("—", "”") is no statement.
WORD_CHAR = re.compile(r"[^\W_]")


class Unit(NamedTuple):
    """One claim unit before scoring: its span, the pieces the speaker said, and who."""
    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]
    speaker: str
    quote: int | None


# --- units --------------------------------------------------------------------------------------

def speaker_of(quote: Quote) -> str:
    """The name a quote's claims are given: resolved speaker, else the mention, else (unknown).

    >>> from quotetrack import extract
    >>> speaker_of(extract("“We will,” the mayor said.").quotes[0])
    'mayor'
    """
    return quote.speaker or mention_text(quote) or UNKNOWN


def trim_piece(text: str, start: int, end: int, outer_open: bool, outer_close: bool) -> tuple[int, int]:
    """``(start, end)`` without edge white space and, where the piece starts (ends) the quote,
    its opening (closing) mark and a comma, semicolon or colon before the closing mark.

    >>> t = "“We will,” she said"
    >>> s, e = trim_piece(t, 0, 10, True, True); t[s:e]
    'We will'
    """
    start, end = _strip_space(text, start, end)
    if outer_open:
        mark = next((m for m in EDGE_OPEN if text.startswith(m, start, end)), "")
        start, end = _strip_space(text, start + len(mark), end)
    if outer_close:
        mark = next((m for m in EDGE_CLOSE if end - len(m) >= start and text.startswith(m, end - len(m), end)), "")
        end -= len(mark)
        while end > start and (text[end - 1] in TRAILING or text[end - 1].isspace()):
            end -= 1
    return _strip_space(text, start, end)


def _strip_space(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _has_word(text: str, start: int, end: int) -> bool:
    return WORD_CHAR.search(text, start, end) is not None


def quote_units(doc: Document, index: int, starts: list[int] | None = None) -> list[Unit]:
    """The claim units of ``doc.quotes[index]``: one per sentence of a direct quote, one for
    the whole content of an indirect or mixed quote.  ``starts`` are the sentence starts
    (computed when not given).

    >>> import quotetrack
    >>> doc = quotetrack.extract("“We won. We will win again,” Ortiz said.")
    >>> [doc.text[u.start:u.end] for u in quote_units(doc, 0)]
    ['We won.', 'We will win again']
    """
    quote = doc.quotes[index]
    text = doc.text
    speaker = speaker_of(quote)
    direct = quote.kind == "direct"                     # one unit per sentence
    marks = direct and quote.rule != TRANSCRIPT_RULE     # a turn has no outer quote marks
    pieces: list[tuple[int, int, int]] = []        # (sentence position, start, end)
    starts = [s.start for s in doc.sentences] if starts is None else starts
    for f_start, f_end in quote.fragments:
        for pos, s, e in _split_by_sentences(doc, starts, f_start, f_end):
            s, e = trim_piece(text, s, e, marks and s == f_start, marks and e == f_end)
            if e > s and _has_word(text, s, e):
                pieces.append((pos if direct else 0, s, e))
    units: list[Unit] = []
    group: list[tuple[int, int, int]] = []
    for piece in pieces + [(-1, -1, -1)]:           # a sentinel closes the last group
        if group and piece[0] != group[-1][0]:
            spans = tuple((s, e) for _, s, e in group)
            units.append(Unit(spans[0][0], spans[-1][1], spans, speaker, index))
            group = []
        group.append(piece)
    return units


def _split_by_sentences(doc: Document, starts: list[int], start: int, end: int):
    """``(sentence index, start, end)`` for each sentence the span ``start:end`` runs over."""
    if not doc.sentences:
        yield 0, start, end
        return
    i = max(bisect.bisect_right(starts, start) - 1, 0)
    while i < len(doc.sentences) and doc.sentences[i].start < end:
        s, e = max(start, doc.sentences[i].start), min(end, doc.sentences[i].end)
        if e > s:
            yield i, s, e
        i += 1


def narrative_units(doc: Document, skip: frozenset[int] = frozenset()) -> list[Unit]:
    """One unit per sentence that holds no kept quote's content nor its cue, outside the
    paragraphs in ``skip`` (page furniture); the speaker is :data:`ARTICLE`."""
    spans: list[tuple[int, int]] = []
    for q in doc.quotes:
        spans.extend(q.fragments)
        if q.cue is not None:
            spans.append((q.cue.start, q.cue.end))
    taken = merge_spans(spans)
    taken_starts = [s for s, _ in taken]
    units = []
    for sent in doc.sentences:
        i = bisect.bisect_left(taken_starts, sent.end) - 1     # the last span starting before the end
        if sent.paragraph in skip or (i >= 0 and taken[i][1] > sent.start):
            continue
        if _has_word(doc.text, sent.start, sent.end):
            units.append(Unit(sent.start, sent.end, ((sent.start, sent.end),), ARTICLE, None))
    return units


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans covering the same offsets as ``spans``.

    >>> merge_spans([(5, 9), (0, 3), (2, 4), (9, 10)])
    [(0, 4), (5, 10)]
    """
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def units(doc: Document, skip: frozenset[int] | None = None) -> list[Unit]:
    """Every claim unit of ``doc`` in text order: narrative sentences and quote units.
    ``skip`` are the page-furniture paragraphs (found again when not given)."""
    if skip is None:
        skip = furniture.boilerplate_paragraphs(doc.text, doc.paragraphs)
    found = narrative_units(doc, skip)
    starts = [s.start for s in doc.sentences]
    for i in range(len(doc.quotes)):
        found.extend(quote_units(doc, i, starts))
    found.sort(key=attrgetter("start", "end"))
    return found


# --- scoring ------------------------------------------------------------------------------------

def scored_pieces(unit: Unit, limit: int = MAX_SCORED) -> list[tuple[int, int]]:
    """The unit's pieces, cut so that together they hold at most ``limit`` characters.

    >>> scored_pieces(Unit(0, 30, ((0, 10), (20, 30)), "(article)", None), 15)
    [(0, 10), (20, 25)]
    """
    out, room = [], limit
    for s, e in unit.pieces:
        if room <= 0:
            break
        out.append((s, min(e, s + room)))
        room -= out[-1][1] - s
    return out


def find_quantities(text: str, pieces: Sequence[tuple[int, int]]) -> tuple[Quantity, ...]:
    """The quantities in the pieces of a unit (:func:`quantities.find`), offsets into ``text``."""
    if len(pieces) == 1:                  # most units: find's own tuple
        return quantities.find(text, *pieces[0])
    return tuple(q for s, e in pieces for q in quantities.find(text, s, e))


def said(text: str, pieces: Sequence[tuple[int, int]]) -> str:
    """The words the speaker said: the pieces' text joined by one space.

    >>> said("“We will,” she said, “win.”", [(1, 8), (22, 26)])
    'We will win.'
    """
    if len(pieces) == 1:                  # most units: no join
        return text[pieces[0][0]:pieces[0][1]]
    return " ".join(text[s:e] for s, e in pieces)


def find_claims(doc: Document, score: Scorer = score_claim,
                skip: frozenset[int] | None = None) -> tuple[Claim, ...]:
    """Every claim unit of ``doc`` scored, in text order (see the module doc for the units).

    ``score`` takes the words of a unit and returns a :class:`~quotetrack.model.ClaimScore`
    (default :func:`quotetrack.claims.scorer.score_claim`); ``skip`` as for :func:`units`.
    """
    starts = [s.start for s in doc.sentences]
    claims = []
    for unit in units(doc, skip):
        pieces = scored_pieces(unit)
        result = score(said(doc.text, pieces))
        if type(result) is not ClaimScore or type(result.types) is not tuple or type(result.rules) is not tuple:
            result = ClaimScore(result.score, result.check_worthy, tuple(result.types), tuple(result.rules))
        found = find_quantities(doc.text, pieces)
        i = max(bisect.bisect_right(starts, unit.start) - 1, 0)
        sent = doc.sentences[i] if doc.sentences else None
        claims.append(Claim(
            text=doc.text[unit.start:unit.end], start=unit.start, end=unit.end,
            rating=result,
            quantities=found, speaker=unit.speaker, quote=unit.quote,
            paragraph=sent.paragraph if sent else 1, sentence=sent.index if sent else 1))
    return tuple(claims)


def ranked(claims: Iterable[Claim], threshold: float | None = None, everything: bool = False) -> list[Claim]:
    """The claims to show, best first (ties in text order): the check-worthy ones, or all
    with ``everything``.  A ``threshold`` decides check-worthiness instead of the scorer's
    (``check_worthy`` is then ``score >= threshold``).

    >>> from quotetrack.model import Claim
    >>> c = [Claim("a", 0, 1, ClaimScore(s, s > .5), (), "(article)", None, 1, 1) for s in (.2, .9, .6)]
    >>> [x.rating.score for x in ranked(c)], [x.rating.score for x in ranked(c, threshold=.1)]
    ([0.9, 0.6], [0.9, 0.6, 0.2])
    """
    if threshold is not None:
        claims = [replace(c, rating=replace(c.rating, check_worthy=c.rating.score >= threshold))
                  for c in claims]
    chosen = [c for c in claims if everything or c.rating.check_worthy]
    return sorted(chosen, key=lambda c: (-c.rating.score, c.start, c.end))
