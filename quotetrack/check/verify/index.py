"""Placing a quote in the sources: the draft side (what each quote claims, as segments) and
the source side (an inverted index whose rarer words vote for windows, and a word alignment
inside each window)."""
from __future__ import annotations

import bisect
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

import regex

from ...text import lexicon
from ...extract import quotes as quote_marks
from ...model import Quote, QuotedSpan
from ...text.tokens import WordToken, word_tokens
from ..sources import Source
from ...extract import segment
from .compare import negated_forms


TIERS = ("exact", "whitespace", "typography", "case", "fuzzy")

MIN_WORDS = 4             # fewer quoted words: too-short, only placed
MIN_SIMILARITY = 0.5      # below this the best place is not the quote's source: not-found
EDIT = 64                 # the cost of a replaced, added or dropped word in an alignment (a match earns 1)
MAX_BRACKET_WORDS = 4     # source words a [bracketed] insertion may stand for
MAX_JOIN_WORDS = 12       # source words (a cue: "Renko added with a laugh") between two pieces of a quote
MAX_POSTINGS = 200        # a word occurring more often than this does not vote (unless all do)
MAX_ANCHORS = 8           # the rarest distinct words of a fragment that vote
NEAR_WORDS = 400          # how far from its neighbour the next fragment of an ellipsis is looked for
MAX_TIED_ENDS = 4         # equally costly alignment ends of one window compared by rarity
MAX_PLACES = 6            # candidate windows aligned per fragment
SPLICE_WORDS = 2          # matched words a second passage needs before a span counts as spliced
DIFF_WIDTH = 120          # a diff is cut to about this many characters
QUOTE_WIDTH = 70          # a quote in a message is cut to about this many characters

# Inside a draft quote: "[sic]", a bracketed ellipsis "[…]", a bracketed insertion
# "[the minister]", or an ellipsis "…", "...", ". . .".
_MARKUP = regex.compile(
    r"(?P<sic>\[\s*sic\s*\])"
    r"|(?P<ellipsis>\[\s*(?:…|\.\s?\.\s?\.)\s*\]|…|\.\s?\.\s?\.)"
    r"|(?P<bracket>\[[^\[\]\n]{1,80}\])", regex.IGNORECASE)
# A sentence end between two words of a source: "sign. But", "sign? Unless".
_SENTENCE_END = regex.compile(r"[.!?…]")


# --- the draft side: what each quote claims -----------------------------------------------------

@dataclass
class Segment:
    """Draft words to be found as one stretch of a source.

    ``free`` maps a position (a word index; the gap before it) to how many source
    words may be left out there: up to :data:`MAX_BRACKET_WORDS` where a [bracketed]
    insertion stood, up to :data:`MAX_JOIN_WORDS` where an interrupted quote's cue
    stood (``joins``; the same quote in a source article has its cue there).
    ``runs`` are (first, last + 1) word ranges whose characters are compared for the
    tier (broken at brackets, [sic] and at the cue of an interrupted quote).
    """
    tokens: list[WordToken]
    free: dict[int, int] = field(default_factory=dict)
    joins: set[int] = field(default_factory=set)
    cut_end: bool = False        # an ellipsis follows
    runs: list[tuple[int, int]] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return [t.key for t in self.tokens]


def quoted_ranges(text: str, quote: Quote, top: Sequence[QuotedSpan]) -> list[tuple[int, int]]:
    """The ranges of the draft whose words a quote claims: the text inside its quote
    marks (direct and mixed), or all of it (indirect)."""
    if quote.kind == "indirect":
        return list(quote.fragments)
    starts = [s.start for s in top]
    out: list[tuple[int, int]] = []
    for s, e in quote.fragments:
        i = max(bisect.bisect_right(starts, s) - 1, 0)
        while i < len(top) and top[i].start < e:
            a, b = top[i].inner
            a, b = max(a, s), min(b, e)
            if b > a and top[i].end > s:
                out.append((a, b))
            i += 1
    return out or list(quote.fragments)


def segments_of(text: str, quote: Quote, top: Sequence[QuotedSpan]) -> tuple[list[Segment], list[str]]:
    """The segments of a quote and the boundary between each pair: "ellipsis" (an
    ellipsis in the quote) or "part" (two quoted parts of a mixed quote).  The pieces
    of an interrupted direct quote stay one segment.

    >>> from quotetrack import pipeline
    >>> doc = pipeline.extract("“We will … sign [the deal] soon,” she said.")
    >>> segs, bounds = segments_of(doc.text, doc.quotes[0], [])
    >>> [s.keys for s in segs], bounds, segs[1].free
    ([['we', 'will'], ['sign', 'soon']], ['ellipsis'], {1: 4})
    """
    if not top:
        paras = tuple(_paragraphs(text))
        top = quote_marks.top_level(quote_marks.scan(text, paras)[0])
    segments: list[Segment] = [Segment([])]
    bounds: list[str] = []

    def close(kind: str) -> None:
        if segments[-1].tokens:
            segments[-1].cut_end = kind == "ellipsis"
            segments.append(Segment([]))
            bounds.append(kind)

    def add_run(a: int, b: int) -> None:
        seg = segments[-1]
        tokens = word_tokens(text, a, b)
        if tokens:
            first = len(seg.tokens)
            seg.tokens.extend(tokens)
            seg.runs.append((first, len(seg.tokens)))

    for n, (a, b) in enumerate(quoted_ranges(text, quote, top)):
        if n and quote.kind == "mixed":
            close("part")
        elif n and segments[-1].tokens:
            at = len(segments[-1].tokens)
            segments[-1].free[at] = MAX_JOIN_WORDS
            segments[-1].joins.add(at)
        pos = a
        for m in _MARKUP.finditer(text, a, b):
            add_run(pos, m.start())
            if m.group("ellipsis"):
                close("ellipsis")
            elif m.group("bracket"):
                segments[-1].free[len(segments[-1].tokens)] = MAX_BRACKET_WORDS
            pos = m.end()
        add_run(pos, b)
    if not segments[-1].tokens and len(segments) > 1:
        segments.pop()
        bounds.pop()
    return segments, bounds


def _paragraphs(text: str):
    return segment.paragraphs(text)


# --- the source side: candidate places and alignment --------------------------------------------

@dataclass
class Place:
    """Where a segment's words are in a source, and how they line up.

    ``lo``/``hi`` are word positions in ``source.tokens`` (``hi`` exclusive);
    ``ops`` are difflib-style opcodes ``(tag, i1, i2, j1, j2)`` over the segment's
    words (i) and the source's (j): equal, replace, insert (words only the draft
    has), delete (words only the source has), skip (words a bracket stands for).
    """
    source: int
    lo: int
    hi: int
    cost: int
    matches: int
    similarity: float
    ops: list[tuple[str, int, int, int, int]]
    hidden: str = ""      # a negation cut off a word at an ellipsis ("did …" for "didn’t")


class SourceIndex:
    """Every source's words in one inverted index: key -> postings, each posting
    ``source * _STRIDE + _OFFSET + position`` (one int, so votes count in one dict).

    Built once for a list of sources (:func:`index_of` keeps the last one built), so
    each quote costs a few dictionary look-ups, never a pass over the sources.
    """

    def __init__(self, sources: Sequence[Source]):
        self.sources = list(sources)
        self.postings: dict[str, list[int]] = {}     # source * _STRIDE + _OFFSET + position
        postings = self.postings
        self.size = sum(len(src.tokens) for src in self.sources) or 1
        for si, src in enumerate(self.sources):
            base = si * _STRIDE + _OFFSET
            for pos, key in enumerate(src.keys, base):
                entry = postings.get(key)
                if entry is None:
                    postings[key] = [pos]
                else:
                    entry.append(pos)

    def weight(self, place: Place) -> float:
        """The summed rarity of a place's equal words: inverse document frequency, halved
        for function words ("not", "the"), which say less about where a quote is."""
        keys = self.sources[place.source].keys
        function = lexicon.lower_words("text/function_words.txt")
        total = self.size + 1
        return sum(math.log(total / len(self.postings.get(keys[j], (1,)))) * (0.5 if keys[j] in function else 1)
                   for tag, _i1, _i2, j1, j2 in place.ops if tag == "equal" for j in range(j1, j2))

    def windows(self, keys: list[str]) -> list[tuple[int, int, int, int]]:
        """Windows ``(votes, source, lo, hi)`` of source words where ``keys`` may be, best first.

        The rarest distinct words vote for a diagonal (source position - draft
        position); votes within a quarter of the segment's length pool into one window.
        """
        n = len(keys)
        present = sorted((k for k in set(keys) if k in self.postings),
                         key=lambda k: (len(self.postings[k]), k))
        anchors = [k for k in present if len(self.postings[k]) <= MAX_POSTINGS] or present[:3]
        where: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            where.setdefault(k, []).append(i)
        votes: Counter = Counter()
        for k in anchors[:MAX_ANCHORS]:
            for code in self.postings[k]:
                for i in where[k]:
                    votes[code - i] += 1
        gap, pad = max(2, n // 4), max(4, n // 3)
        windows: list[tuple[int, int, int, int]] = []
        run: list = []
        for code in sorted(votes) + [-1]:
            si, d = divmod(code, _STRIDE) if code >= 0 else (-1, 0)
            d -= _OFFSET
            if run and (si != run[0] or d - run[2] > gap):
                size = len(self.sources[run[0]].tokens)
                windows.append((run[3], run[0], max(run[1] - pad, 0), min(run[2] + n + pad, size)))
                run = []
            if si < 0:
                break
            if run:
                run[2], run[3] = d, run[3] + votes[code]
            else:
                run = [si, d, d, votes[code]]
        windows.sort(key=lambda w: (-w[0], w[1], w[2]))
        if windows:
            best = windows[0][0]
            windows = [w for w in windows if w[0] * 3 >= best]
        return windows[:MAX_PLACES]


_STRIDE = 1 << 40         # a posting is source * _STRIDE + _OFFSET + word position,
_OFFSET = 1 << 20         # so that a diagonal (position - draft position) stays in its source
_LAST_INDEX: list = []    # the index last built, with its sources


def index_of(sources: Sequence[Source]) -> SourceIndex:
    """The :class:`SourceIndex` of ``sources``, reused while the same sources are checked."""
    if _LAST_INDEX and len(_LAST_INDEX[0].sources) == len(sources) and \
            all(a is b for a, b in zip(_LAST_INDEX[0].sources, sources)):
        return _LAST_INDEX[0]
    _LAST_INDEX[:] = [SourceIndex(sources)]
    return _LAST_INDEX[0]


def align(keys: list[str], free: Mapping[int, int], src_keys: list[str], lo: int, hi: int, source: int = 0,
          late: bool = False, cut_end: bool = False, weight: Callable[[Place], float] | None = None) -> Place:
    """The best alignment of all of ``keys`` with a stretch of ``src_keys[lo:hi]``.

    An edit distance with a free start and end in the source: each replaced, added or
    dropped word costs :data:`EDIT`, each equal word earns 1 (so of two alignments
    with as many edits the one with more equal words wins); at a word position in
    ``free`` up to ``free[position]`` source words may be skipped at no cost.
    ``Place.cost`` is the number of edits.  Of equal places the first is taken, or
    with ``late`` the last, or with ``weight`` the one whose equal words weigh most
    (:meth:`SourceIndex.weight`: the rarest).  With ``cut_end`` (an ellipsis
    follows) the last word also matches itself negated: "did" matches "didn't".

    >>> p = align("we will sign now".split(), {}, "so we will not sign now ok".split(), 0, 8)
    >>> (p.lo, p.hi, p.cost, p.ops)
    (1, 6, 1, [('equal', 0, 2, 1, 3), ('delete', 2, 2, 3, 4), ('equal', 2, 4, 4, 6)])
    """
    n = len(keys)
    window = src_keys[lo:hi]
    m = len(window)
    if not free and not cut_end and n <= m:         # the exact words, anywhere in the window
        for j in (range(m - n, -1, -1) if late else range(m - n + 1)):
            if window[j:j + n] == keys:
                return Place(source, lo + j, lo + j + n, 0, n, 1.0, [("equal", 0, n, lo + j, lo + j + n)])
    negated = {n: negated_forms(keys[-1])} if cut_end and n else {}

    def same(i: int, j: int) -> bool:       # draft word i (from 0) and window word j
        return keys[i] == window[j] or (i + 1 in negated and window[j] in negated[i + 1])

    rows = [[0] * (m + 1)]
    bases: dict[int, list[int]] = {}
    for i in range(1, n + 1):
        prev = rows[-1]
        key = keys[i - 1]
        alts = negated.get(i, ())
        cur = [i * EDIT] * (m + 1)
        for j in range(1, m + 1):
            best = prev[j - 1] + (-1 if key == window[j - 1] or window[j - 1] in alts else EDIT)
            if prev[j] + EDIT < best:
                best = prev[j] + EDIT
            if cur[j - 1] + EDIT < best:
                best = cur[j - 1] + EDIT
            cur[j] = best
        if i in free and i < n:
            bases[i] = cur
            cur = [min(cur[max(j - free[i], 0):j + 1]) for j in range(m + 1)]
        rows.append(cur)
    last = rows[n]
    least = min(last)
    ends = [j for j in range(m + 1) if last[j] == least]
    if late:
        ends.reverse()

    def trace(end: int) -> Place:
        steps: list[tuple[str, int, int]] = []      # (tag, i, j) one word at a time, backwards
        i, j = n, end
        while i > 0:                                # equal words first, then a dropped,
            here = rows[i][j]                       # a replaced, an added word
            base = bases.get(i)
            row = rows[i] if base is None else base     # the row before bracket skips
            if here < row[j]:
                t = next(t for t in range(1, free[i] + 1) if j - t >= 0 and row[j - t] == here)
                steps.extend(("skip", i, j - 1 - k) for k in range(t))
                j -= t
            elif j > 0 and same(i - 1, j - 1) and here == rows[i - 1][j - 1] - 1:
                steps.append(("equal", i - 1, j - 1))
                i, j = i - 1, j - 1
            elif j > 0 and here == row[j - 1] + EDIT:
                steps.append(("delete", i, j - 1))
                j -= 1
            elif j > 0 and here == rows[i - 1][j - 1] + EDIT:
                steps.append(("replace", i - 1, j - 1))
                i, j = i - 1, j - 1
            else:
                steps.append(("insert", i - 1, j))
                i -= 1
        steps.reverse()
        matched = [s for s in steps if s[0] != "insert"]
        start = lo + (matched[0][2] if matched else j)
        stop = lo + (matched[-1][2] + 1 if matched else j)
        matches = sum(1 for s in steps if s[0] == "equal")
        span = stop - start - sum(1 for s in steps if s[0] == "skip")
        similarity = 2 * matches / (n + span) if n + span else 0.0
        edits = sum(1 for s in steps if s[0] in ("replace", "insert", "delete"))
        return Place(source, start, stop, edits, matches, similarity, _opcodes(steps, lo))

    if weight is None or len(ends) == 1:
        return trace(ends[0])
    # equally good ends: the most similar, then the one whose equal words are rarest
    places = [trace(end) for end in ends[:MAX_TIED_ENDS]]
    return max(places, key=lambda p: (round(p.similarity, 9), round(weight(p), 6)))


def _opcodes(steps: list[tuple[str, int, int]], lo: int) -> list[tuple[str, int, int, int, int]]:
    """Single-word steps grouped into opcodes; a replace beside an insert or delete merges."""
    ops: list[list] = []
    for tag, i, j in steps:
        di = 0 if tag in ("delete", "skip") else 1
        dj = 0 if tag == "insert" else 1
        group = "equal" if tag == "equal" else ("skip" if tag == "skip" else "change")
        if ops and ops[-1][0] == group:
            ops[-1][2] += di
            ops[-1][4] += dj
        else:
            ops.append([group, i, i + di, lo + j, lo + j + dj])
    out = []
    for group, i1, i2, j1, j2 in ops:
        if group == "change":
            group = "replace" if i2 > i1 and j2 > j1 else ("insert" if i2 > i1 else "delete")
        out.append((group, i1, i2, j1, j2))
    return out


def find_places(segment: Segment, sources: Sequence[Source]) -> list[Place]:
    """Every candidate place of a segment, aligned, best first: the most similar; of
    equally similar places, the one whose equal words are rarer (“a surprise” beats
    “not a” when each place misses one word), then the fewer edits."""
    keys = segment.keys
    index = index_of(sources)
    places = []
    for _votes, si, lo, hi in index.windows(keys):
        src_keys = sources[si].keys
        hi = min(len(src_keys), hi + sum(segment.free.values()))
        places.append(align(keys, segment.free, src_keys, lo, hi, si, cut_end=segment.cut_end,
                            weight=index.weight))
    places.sort(key=lambda p: (-round(p.similarity, 9), -index.weight(p), p.cost, p.source, p.lo))
    return places


def place_after(segment: Segment, sources: Sequence[Source], prev: Place) -> Place | None:
    """The segment's place in the same source closest after ``prev`` (the next fragment
    of an ellipsis), within a few hundred words."""
    src_keys = sources[prev.source].keys
    hi = min(len(src_keys), prev.hi + NEAR_WORDS + 2 * len(segment.tokens))
    if prev.hi >= hi:
        return None
    return align(segment.keys, segment.free, src_keys, prev.hi, hi, prev.source, cut_end=segment.cut_end)


def place_before(segment: Segment, sources: Sequence[Source], nxt: Place) -> Place | None:
    """The segment's place in the same source closest before ``nxt``."""
    src_keys = sources[nxt.source].keys
    lo = max(0, nxt.lo - NEAR_WORDS - 2 * len(segment.tokens))
    if lo >= nxt.lo:
        return None
    return align(segment.keys, segment.free, src_keys, lo, nxt.lo, nxt.source, late=True,
                 cut_end=segment.cut_end)
