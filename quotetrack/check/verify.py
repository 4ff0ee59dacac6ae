"""Hold a draft's quotes against what was really said: one verdict per quote.

For every quote of a draft (after :func:`quotetrack.pipeline.extract`) the words
it puts in quote marks (all of its words for indirect speech) are looked up in
the sources (:mod:`quotetrack.check.sources`):

1. candidate places come from the sources' inverted indexes: the draft's rarer
   words vote for a source and a diagonal (source position minus draft
   position), and nearby votes are pooled into a window;
2. within each window the draft words are aligned to a stretch of source words
   (an edit distance with a free start and end in the source; a ``[bracketed]``
   insertion may stand for up to four source words; ``[sic]`` is left out);
3. the best place decides the verdict.  Where the words are the same, the
   characters are compared through a ladder of normalisations to name the tier:
   ``exact``, ``whitespace``, ``typography`` (curly/straight quotes, dashes,
   non-breaking spaces, soft hyphens), ``case``; otherwise the tier is ``fuzzy``.

Fragments joined by an ellipsis (… / ... / . . .) are placed one by one, in order.
Speakers compare by name identity ("Gantz" = "Benny Gantz" = "Defense Minister
Benny Gantz"); a passage of an article's narrative has no speaker and neither
confirms nor contradicts the draft's.

>>> from quotetrack.check import sources
>>> from quotetrack import pipeline
>>> src = sources.source_from_text("GANTZ: We also make deals with the United States.\\n"
...                                "ESPER: Thank you.\\n", "transcript.txt")
>>> doc = pipeline.extract("“We also make deals with the United States,” Mark Esper said.")
>>> f = verify_quotes(doc, "draft.txt", [src])[0]
>>> f.verdict, f.severity, f.tier, f.source_line, f.source_speaker
('wrong-speaker', 'error', 'exact', 1, 'GANTZ')
>>> f.message
'“We also make deals with the United States” is attributed to Mark Esper; transcript.txt:1 has GANTZ saying it'
"""
from __future__ import annotations

import bisect
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Mapping, Sequence

import regex

from ..text import lexicon
from ..extract import quotes as quote_marks
from ..model import Document, Finding, Quote, QuotedSpan
from ..text.spans import Lines
from .sources import (
    Source, SourceError, Statement, WordToken, basename, load_source, word_key, word_list, word_tokens)
from ..extract import segment
from ..extract.speakers import split_title
from ..text.spans import shorten

__all__ = ["verify_quotes", "verify_quote", "load_source", "Source", "SourceError", "VERDICTS", "TIERS",
           "same_speaker", "align", "SourceIndex", "index_of", "segments_of", "tier_of"]

VERDICTS = {                      # verdict -> severity
    "verified": "info", "punctuation-only": "info", "ellipsis": "info", "too-short": "info",
    "altered": "error", "number-changed": "error", "negation-changed": "error",
    "ellipsis-hides": "error", "spliced": "error", "wrong-speaker": "error", "not-found": "error",
    "truncated": "warning", "found-elsewhere": "warning", "ambiguous-source": "warning",
}
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
# White space for the whitespace tier: "a \n b" -> "a b" (a non-breaking space is typography).
_SPACES = regex.compile(r"[ \t\r\n]+")
# The typography tier: curly and straight quotes, dashes, odd spaces, soft hyphens, "…".
_TYPOGRAPHY = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
    "`": "'", "´": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u00ad": None, "…": "...",
})
# Edge characters stripped from a quote shown in a message: marks, space, punctuation.
_EDGE = " \t\r\n\u00a0“”„‟\"‘’'«»,.;:!?…—–-"


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
        function = lexicon.lower_words("function_words.txt")
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


# --- word lists and comparisons -----------------------------------------------------------------

@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, ...], ...], dict[str, str], dict[str, str]]:
    negations = frozenset(word_key(w) for w in lexicon.lower_words("negations.txt"))
    operators = frozenset(word_key(w) for w in lexicon.lower_words("operators.txt"))
    return (negations, operators, word_list("qualifiers.txt"), lexicon.pairs("modal_shifts.tsv"),
            lexicon.pairs("operator_synonyms.tsv"))


@lru_cache(maxsize=1)
def _fused() -> dict[str, str]:
    """data/negated_forms.tsv: "won't" -> "will", "cannot" -> "can"."""
    return {word_key(k): word_key(v) for k, v in lexicon.pairs("negated_forms.tsv").items()}


def negated_forms(word: str) -> tuple[str, ...]:
    """The keys of ``word`` with a negation fused to it.

    >>> "didn't" in negated_forms("did"), "won't" in negated_forms("will"), "cannot" in negated_forms("can")
    (True, True, True)
    """
    return (word + "n't", word + "not") + tuple(k for k, v in _fused().items() if v == word)


def _is_negation(key: str) -> bool:
    return key in _lists()[0] or key.endswith("n't")


def operator_words(keys: Sequence[str], shift: bool = False) -> Counter:
    """The negations and operators among ``keys``, each as the operator it carries
    ("won't" is "will" and "not", "nobody" is "not", "merely" is "only"); with
    ``shift``, reported-speech modals count as their present form ("would" -> "will").

    >>> sorted(operator_words(["we", "won't", "merely", "sign", "cannot"]).elements())
    ['can', 'not', 'not', 'only', 'will']
    """
    negations, operators, _q, shifts, synonyms = _lists()
    out: Counter = Counter()
    for key in keys:
        base = _fused().get(key) or (key[:-3] if key.endswith("n't") else None)
        if base:                               # "won't": "will" and "not"
            out["not"] += 1
            key = base
        if key in negations or key in operators or key in synonyms:
            key = synonyms.get(key, key)
            out[shifts.get(key, key) if shift else key] += 1
    return out


def _qualifier_at(keys: Sequence[str], i: int) -> tuple[str, ...] | None:
    for entry in _lists()[2]:
        if tuple(keys[i:i + len(entry)]) == entry:
            return entry
    return None


def tier_of(draft: str, source: str) -> str | None:
    """The first rung of the ladder on which two texts are equal, or None.

    >>> tier_of("It’s  done", "It's done"), tier_of("It's DONE", "it’s done"), tier_of("a, b", "a b")
    ('typography', 'case', None)
    """
    if draft == source:
        return "exact"
    a, b = _SPACES.sub(" ", draft), _SPACES.sub(" ", source)
    if a == b:
        return "whitespace"
    a = _SPACES.sub(" ", draft.translate(_TYPOGRAPHY))
    b = _SPACES.sub(" ", source.translate(_TYPOGRAPHY))
    if a == b:
        return "typography"
    if a.casefold() == b.casefold():
        return "case"
    return None


# --- speakers -----------------------------------------------------------------------------------

NAMED_TYPES = ("person", "organisation")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
# A word of a speaker's name: "Gantz", "O’Rourke", "Ruiz-Tagle", "Sen."
_NAME_WORD = regex.compile(r"[\w’'\-]+\.?")


def name_words(name: str | None) -> list[str]:
    """A speaker name as keys, title and leading article dropped.

    >>> name_words("Defense Minister Benny Gantz"), name_words("MR. GANTZ"), name_words("the ministry")
    (['benny', 'gantz'], ['gantz'], ['ministry'])
    """
    return list(_name_words(name))


@lru_cache(maxsize=4096)
def _name_words(name: str | None) -> tuple[str, ...]:
    if not name:
        return ()
    words = _NAME_WORD.findall(name)
    words = [w[:-2] if w.endswith(("’s", "'s")) else w for w in words]
    _title, rest = split_title(words)
    if rest:
        words = rest
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    keys = tuple(word_key(w.rstrip(".")) for w in words if w.rstrip("."))
    return () if len(keys) == 1 and keys[0] in _PRONOUNS else keys


def same_speaker(draft: str | None, source: str | None, source_title: str | None = None) -> bool | None:
    """Whether two speaker names are one person or body; None when either is unknown.

    >>> same_speaker("Gantz", "Benny Gantz"), same_speaker("Mark Esper", "Benny Gantz")
    (True, False)
    >>> same_speaker("Department of Defense", "US Department of Defense"), same_speaker("he", "Gantz")
    (True, None)
    """
    a, b = name_words(draft), name_words(source)
    if not a or not b:
        return None
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if short[-1] == long[-1] and all(w in long for w in short):
        return True
    if source_title and a == [word_key(w) for w in source_title.split()]:
        return True
    return False


# --- verdicts -----------------------------------------------------------------------------------

@dataclass
class _Match:
    """A quote's segments placed in the sources, with what the verdict needs: ``ties``
    are the equally good places of the ``anchor`` (the longest segment)."""
    places: list[Place]
    similarity: float
    ties: list[Place] = field(default_factory=list)
    anchor: int = 0


def verify_quotes(doc: Document, file: str, sources: Sequence[Source],
                  cited: Mapping[int, str] | None = None) -> list[Finding]:
    """One :class:`~quotetrack.model.Finding` per quote of ``doc`` (a draft after
    :func:`quotetrack.pipeline.extract`), checked against ``sources``.

    ``sources`` are :class:`~quotetrack.check.sources.Source` objects (:func:`load_source`;
    a path is loaded here, which raises :class:`SourceError`).  Pass the same objects
    again for the next draft and their index is reused.  ``cited`` maps a quote's
    index to the file name of the source the draft names for it; a quote found only
    elsewhere is then ``found-elsewhere``.
    """
    sources = [s if isinstance(s, Source) else load_source(s) for s in sources]
    top = quote_marks.top_level(quote_marks.scan(doc.text, doc.paragraphs)[0])
    cited = cited or {}
    lines = Lines(doc.text)
    return [verify_quote(doc.text, file, quote, sources, top, cited.get(i), lines)
            for i, quote in enumerate(doc.quotes)]


def shown(text: str) -> str:
    """A quote as a message shows it: edge marks and punctuation off, in “ ”, cut short.

    >>> shown("“We also make deals,”")
    '“We also make deals”'
    """
    return "“" + shorten(text.strip(_EDGE), QUOTE_WIDTH) + "”"


def verify_quote(text: str, file: str, quote: Quote, sources: Sequence[Source],
                 top: Sequence[QuotedSpan], cited: str | None = None,
                 lines: Lines | None = None) -> Finding:
    """The verdict on one quote of a draft (see :func:`verify_quotes`); ``lines``: the
    draft's line table, when the caller has one."""
    segments, bounds = segments_of(text, quote, top)
    words = sum(len(s.tokens) for s in segments)
    claimed = "".join((" … " if bound == "ellipsis" else " / ") + text[s.tokens[0].start:s.tokens[-1].end]
                      for bound, s in zip([""] + bounds, segments) if s.tokens)[3:]
    line, column = (lines or Lines(text)).position(quote.start)
    base = dict(file=file, line=line, column=column, start=quote.start, end=quote.end,
                quote=quote.text, speaker=quote.speaker)
    said = shown(claimed or quote.text)

    def finding(verdict: str, message: str, place: Place | None = None, severity: str | None = None,
                **extra) -> Finding:
        fields = dict(base, verdict=verdict, severity=severity or VERDICTS[verdict], message=message)
        if place is not None:
            src = sources[place.source]
            st = _statement(src, place)
            fields.update(source=src.name, source_line=_line(src, place),
                          source_speaker=st.speaker if st else None,
                          similarity=round(place.similarity, 3))
        fields.update(extra)
        return Finding(**fields)

    if not sources:
        return finding("not-found", f"{said} cannot be checked: no sources were given")
    if words < MIN_WORDS:
        return _too_short(segments, sources, said, words, finding)
    match = _place(segments, bounds, sources, cited, quote.speaker)
    paraphrase = quote.kind == "indirect"
    for seg, place in zip(segments, match.places):
        _trim_foreign_edges(seg, place, sources[place.source])
    match.similarity = _similarity(segments, match.places)
    changes, cuts = _changes(segments, match.places, sources)
    if changes and any(seg.joins for seg in segments):
        # an interrupted quote whose pieces may come from different places
        pieces, joints = _split_joins(segments, bounds)
        again = _place(pieces, joints, sources, cited, quote.speaker)
        if not _changes(pieces, again.places, sources)[0] and _spliced(again.places, joints, sources):
            segments, bounds, match = pieces, joints, again
            changes, cuts = _changes(segments, match.places, sources)
    best = match.places[0] if match.places[0].ops else match.places[match.anchor]
    missing = _missing_piece(text, segments, match.places)
    if match.similarity < MIN_SIMILARITY or missing:
        where = f" (closest: {_at(sources, best)}, similarity {match.similarity:.2f})" \
            if match.similarity > 0 else ""
        what = f"the words “{missing}” of {said} are not" if missing and shown(missing) != said \
            else f"{said} is not"
        return finding("not-found", f"{what} in any source{where}", best,
                       severity="warning" if paraphrase else None, tier="fuzzy",
                       similarity=round(match.similarity, 3))
    diff = _diff(text, changes, sources)
    tier = _tier(text, segments, match.places, sources) if not changes else "fuzzy"
    common = dict(tier=tier or "fuzzy", diff=diff, similarity=round(match.similarity, 3))
    # fragments from different speakers, turns or sources
    spliced = _spliced(match.places, bounds, sources)
    if spliced:
        return finding("spliced", f"{said} joins words from {spliced}", best, **common)
    draft_ops, source_ops = _sides(changes, sources)
    if any(k.startswith("#") for k in draft_ops + source_ops):
        return finding("number-changed", f"a number in {said} differs from {_at(sources, best)}",
                       best, **common)
    if operator_words(draft_ops, paraphrase) != operator_words(source_ops, paraphrase):
        return finding("negation-changed",
                       f"a negation or operator in {said} differs from {_at(sources, best)}",
                       best, **common)
    if changes and not paraphrase:
        return finding("altered", f"{said} differs from {_at(sources, best)}", best, **common)
    order = _out_of_order(match.places, bounds)
    if order:
        return finding("altered", f"the fragments of {said} are not in {_at(sources, best)} in that order",
                       best, **common)
    hidden = _hidden(match.places, bounds, sources)
    if hidden:
        return finding("ellipsis-hides", f"the ellipsis in {said} leaves out “{hidden}” "
                       f"({_at(sources, best)})", best, **common)
    speakers = _speaker_verdict(quote, match, sources)
    if speakers is not None:
        verdict, place, message = speakers
        return finding(verdict, f"{said} {message}", place, **common)
    st = _statement(sources[best.source], best)
    cut = cuts[0] if cuts else _truncation(text, quote, segments, bounds, match.places, sources)
    if cut:
        return finding("truncated", f"{said} {cut} in {_at(sources, best)}", best, **common)
    if cited and basename(cited) not in {basename(sources[p.source].name) for p in match.ties}:
        return finding("found-elsewhere", f"{said} is cited to {cited} but is in {_at(sources, best)}",
                       best, **common)
    by = f", said by {st.speaker}" if st and st.speaker else " (no speaker named there)"
    if any(b == "ellipsis" and (x.source != y.source or y.lo > x.hi)    # the source's own "…" omits nothing
           for b, x, y in zip(bounds, match.places, match.places[1:])):
        return finding("ellipsis", f"the fragments of {said} are in {_at(sources, best)} in order{by}",
                       best, **common)
    if tier is None and not changes:
        return finding("punctuation-only", f"{said} matches {_at(sources, best)} except for punctuation",
                       best, **common)
    how = "in other words" if changes else f"({tier or 'fuzzy'})"
    return finding("verified", f"{said} is in {_at(sources, best)} {how}{by}", best, **common)


def _trim_foreign_edges(seg: Segment, place: Place, src: Source) -> None:
    """Source words at either end of a place that were replaced or dropped and lie
    outside its passage (the end of the turn before: "[-trips We will-] {+the city
    would+}") are not part of the place: the diff shows "[-We will-] {+the city would+}"."""
    owner = _statement(src, place)
    if owner is None or len(place.ops) < 2:
        return

    def inside(j: int) -> bool:
        return owner.start <= src.tokens[j].start < owner.end

    for end in (0, -1):
        tag, i1, i2, j1, j2 = place.ops[end]
        if tag not in ("replace", "delete"):
            continue
        js = [j for j in range(j1, j2) if inside(j)]
        if len(js) == j2 - j1:
            continue
        if js:
            place.ops[end] = (tag, i1, i2, js[0], js[-1] + 1)
        elif i2 > i1:
            place.ops[end] = ("insert", i1, i2, j2, j2) if end == 0 else ("insert", i1, i2, j1, j1)
        else:
            del place.ops[end]
    spans = [(j1, j2) for tag, _i1, _i2, j1, j2 in place.ops if j2 > j1]
    if spans:
        place.lo, place.hi = spans[0][0], spans[-1][1]
    span = place.hi - place.lo - sum(j2 - j1 for tag, _i1, _i2, j1, j2 in place.ops if tag == "skip")
    n = len(seg.tokens)
    place.similarity = 2 * place.matches / (n + span) if n + span else 0.0


def _at(sources: Sequence[Source], place: Place) -> str:
    src = sources[place.source]
    return f"{src.name}:{_line(src, place)}"


def _line(src: Source, place: Place) -> int:
    """The source line of a place: where its first equal word is."""
    if not src.tokens:                  # a source with no words: its first line
        return 1
    first = next((j1 for tag, _i1, _i2, j1, _j2 in place.ops if tag == "equal"), place.lo)
    return src.line_of(src.tokens[min(first, len(src.tokens) - 1)].start)


def _too_short(segments: list[Segment], sources: Sequence[Source], said: str, words: int, finding) -> Finding:
    keys = [k for s in segments for k in s.keys]
    if not keys:
        return finding("too-short", f"{said} has no words to check", tier=None)
    for si, src in enumerate(sources):
        src_keys = src.keys
        for pos in src.postings.get(keys[0], ()):
            if src_keys[pos:pos + len(keys)] == keys:
                place = Place(si, pos, pos + len(keys), 0, len(keys), 1.0, [])
                return finding("too-short", f"{said} has {words} word{'s' * (words != 1)}, too few to "
                               f"check; it is in {_at(sources, place)}", place, tier="exact")
    return finding("too-short", f"{said} has {words} word{'s' * (words != 1)}, too few to check; "
                   "it is not in the sources", tier=None)


def _place(segments: list[Segment], bounds: list[str], sources: Sequence[Source],
           cited: str | None, speaker: str | None) -> _Match:
    """Place every segment: the longest by its best place (among equals: the cited
    source, then the draft's speaker), then each neighbour preferably right after (or
    before) the one placed next to it, in the same source."""
    found = [find_places(seg, sources) for seg in segments]
    anchor = max(range(len(segments)), key=lambda k: (len(segments[k].tokens), -k))
    chosen: list[Place | None] = [None] * len(segments)
    places = found[anchor]
    ties: list[Place] = []
    if places:
        index = index_of(sources)
        top = (round(places[0].similarity, 9), round(index.weight(places[0]), 6))
        ties = [p for p in places if (round(p.similarity, 9), round(index.weight(p), 6)) == top]
        chosen[anchor] = min(ties, key=lambda p: _preference(p, sources, speaker, cited))
    else:
        chosen[anchor] = _nowhere(segments[anchor])
    for k in list(range(anchor + 1, len(segments))) + list(range(anchor - 1, -1, -1)):
        after = k > anchor
        other = chosen[k - 1] if after else chosen[k + 1]
        near = None
        if other.ops:
            near = (place_after if after else place_before)(segments[k], sources, other)
        best = found[k][0] if found[k] else near
        if near is not None and near.similarity >= best.similarity - 0.05:
            best = near
        chosen[k] = best or _nowhere(segments[k])
    for seg, place in zip(segments, chosen):
        if seg.cut_end:
            _cut_negation(seg, place, sources)
    return _Match(chosen, _similarity(segments, chosen), ties or [chosen[anchor]], anchor)


def _similarity(segments: list[Segment], places: list[Place]) -> float:
    """The similarity of a quote: its segments' similarities weighted by their words."""
    total = sum(len(s.tokens) for s in segments)
    return sum(p.similarity * len(s.tokens) for p, s in zip(places, segments)) / total


def _nowhere(segment: Segment) -> Place:
    return Place(0, 0, 0, len(segment.tokens), 0, 0.0, [])


def _cut_negation(seg: Segment, place: Place, sources: Sequence[Source]) -> None:
    """A fragment that ends, before an ellipsis, in the first part of a negated word
    ("did …" where the source has "didn’t"): the place records the negation hidden."""
    if not place.ops or place.ops[-1][0] != "equal" or place.ops[-1][2] != len(seg.tokens):
        return
    src = sources[place.source]
    j = place.ops[-1][4] - 1
    word, key = seg.keys[-1], src.keys[j]
    if key != word and key in negated_forms(word):
        t = src.tokens[j]
        fused = src.text[t.start:t.end]
        place.hidden = fused[len(word):] if key.startswith(word) else fused


def _preference(place: Place, sources: Sequence[Source], speaker: str | None,
                cited: str | None) -> tuple[bool, bool]:
    """Among equally good places: the cited source first, then the draft's speaker."""
    src = sources[place.source]
    st = _statement(src, place)
    return (bool(cited) and basename(src.name) != basename(cited),
            not (st and same_speaker(speaker, st.speaker, st.title)))


def _matched(place: Place) -> list[int]:
    """Source word positions the place's words equal."""
    return [j for tag, _i1, _i2, j1, j2 in place.ops if tag == "equal" for j in range(j1, j2)]


def _statement(src: Source, place: Place) -> Statement | None:
    """The passage that holds most of a place's matched words (the narrowest of equals)."""
    words = _matched(place) or list(range(place.lo, place.hi))
    if not words:
        return None
    starts = [src.tokens[j].start for j in words]
    best, count = None, 0
    for st in src.statements_over(min(starts), src.tokens[words[-1]].end):
        n = sum(1 for x in starts if st.start <= x < st.end)
        if n > count or (n == count and best is not None and st.end - st.start < best.end - best.start):
            best, count = st, n
    return best if count else None


def _strays(src: Source, place: Place, owner: Statement | None) -> list[Statement | None]:
    """For each matched word outside the place's passage, the passage it is in."""
    out = []
    for j in _matched(place):
        x = src.tokens[j].start
        if owner is None or not owner.start <= x < owner.end:
            out.append(src.statement_at(j))
    return out


def _is_narrative(src: Source, j: int) -> bool:
    """Whether source word ``j`` is in an article's narrative (no speaker's words)."""
    t = src.tokens[j]
    return src.kind != "transcript" and all(st.speaker is None for st in src.statements_over(t.start, t.end))


def _changes(segments: list[Segment], places: list[Place], sources: Sequence[Source]):
    """The (segment, place, opcode) of every difference, and the truncations found where an
    interrupted quote's cue stood.  Source words left out there are no difference when
    they are an article's narrative (the cue itself); a speaker's words left out there
    are a truncation when they open with a qualifier or end in a negation (“…,” she
    said, “[but we didn’t] act …”), else dropped words."""
    changes, cuts = [], []
    for seg, p in zip(segments, places):
        src = sources[p.source]
        for op in p.ops:
            tag, i1, _i2, j1, j2 = op
            if tag in ("replace", "insert", "delete"):
                changes.append((seg, p, op))
            elif tag == "skip" and i1 in seg.joins:
                spoken = [j for j in range(j1, j2) if not _is_narrative(src, j)]
                if not spoken:
                    continue
                keys = src.keys
                words = src.text[src.tokens[spoken[0]].start:src.tokens[spoken[-1]].end]
                if _qualifier_at(keys, spoken[0]) or _is_negation(keys[spoken[-1]]):
                    cuts.append(f"leaves out “{words}” between its pieces")
                else:
                    changes.append((seg, p, ("delete", i1, i1, spoken[0], spoken[-1] + 1)))
    return changes, cuts


def _split_joins(segments: list[Segment], bounds: list[str]) -> tuple[list[Segment], list[str]]:
    """The segments cut at every join (each piece of an interrupted quote on its own)."""
    out: list[Segment] = []
    joints: list[str] = []
    for k, seg in enumerate(segments):
        if k:
            joints.append(bounds[k - 1])
        cuts = [0] + sorted(seg.joins) + [len(seg.tokens)]
        for n, (a, b) in enumerate(zip(cuts, cuts[1:])):
            if n:
                joints.append("join")
            piece = Segment(seg.tokens[a:b],
                            {i - a: w for i, w in seg.free.items() if a < i < b},
                            set(), seg.cut_end and b == len(seg.tokens))
            piece.runs = [(max(x, a) - a, min(y, b) - a) for x, y in seg.runs if x < b and y > a]
            out.append(piece)
    return out, joints


def _missing_piece(text: str, segments: list[Segment], places: list[Place]) -> str:
    """A piece of the quote (a fragment of an ellipsis or of an interrupted quote) of
    at least :data:`MIN_WORDS` words of which fewer than half are in its place: its text."""
    for seg, p in zip(segments, places):
        equal = {i for tag, i1, i2, _j1, _j2 in p.ops if tag == "equal" for i in range(i1, i2)}
        cuts = [0] + sorted(seg.joins) + [len(seg.tokens)]
        for a, b in zip(cuts, cuts[1:]):
            if b - a >= MIN_WORDS and sum(1 for i in range(a, b) if i in equal) * 2 < b - a:
                return text[seg.tokens[a].start:seg.tokens[b - 1].end]
    return ""


def _spliced(places: list[Place], bounds: list[str], sources: Sequence[Source]) -> str:
    """How the words of a quote come from different speakers, turns or sources, or ''.

    Fragments joined by an ellipsis (or the pieces of an interrupted quote) must come
    from one turn of a transcript or one quote of an article (with the quotes that
    continue it); the quoted parts of a mixed quote only from one speaker."""
    # one stretch running over two turns or speakers
    for p in places:
        src = sources[p.source]
        owner = _statement(src, p)
        strays = [st for st in _strays(src, p, owner)
                  if st is not owner and (st is None or owner is None or st.unit != owner.unit)]
        if len(strays) >= SPLICE_WORDS:
            kind = "turns" if src.kind == "transcript" else "passages"
            return f"different {kind} in {_at(sources, p)} ({_who(owner)}, {_who(strays[0])})"
    for k, bound in enumerate(bounds):
        a, b = places[k], places[k + 1]
        if not a.ops or not b.ops:
            continue
        sa, sb = sources[a.source], sources[b.source]
        sta, stb = _statement(sa, a), _statement(sb, b)
        who = f"{_at(sources, a)} ({_who(sta)}) and {_at(sources, b)} ({_who(stb)})"
        if a.source != b.source:
            return f"different sources: {who}"
        same = same_speaker(sta.speaker if sta else None, stb.speaker if stb else None)
        if (sta is None) != (stb is None) or (sta and stb and sta.speaker != stb.speaker and not same):
            return f"different speakers: {who}"
        if bound != "part" and sta is not None and stb is not None and sta.unit != stb.unit:
            return f"different {'turns' if sa.kind == 'transcript' else 'quotes'}: {who}"
    return ""


def _who(st: Statement | None) -> str:
    return st.speaker if st and st.speaker else "narrative"


def _sides(changes, sources: Sequence[Source]) -> tuple[list[str], list[str]]:
    """The draft's and the source's words in the changed parts."""
    draft: list[str] = []
    source: list[str] = []
    for seg, p, (_tag, i1, i2, j1, j2) in changes:
        keys = sources[p.source].keys
        draft.extend(seg.keys[i1:i2])
        source.extend(keys[j1:j2])
    return draft, source


def _diff(text: str, changes, sources: Sequence[Source]) -> str:
    """A short word diff: ``[-source words-] {+draft words+}`` for each change."""
    parts = []
    for seg, p, (_tag, i1, i2, j1, j2) in changes:
        src = sources[p.source]
        piece = []
        if j2 > j1:
            words = src.text[src.tokens[j1].start:src.tokens[j2 - 1].end]
            if "\n" in words:           # across lines (transcript labels): the words alone
                words = " ".join(src.text[t.start:t.end] for t in src.tokens[j1:j2])
            piece.append("[-" + words + "-]")
        if i2 > i1:
            piece.append("{+" + _draft_words(text, seg, i1, i2) + "+}")
        parts.append(" ".join(piece))
    out = " ".join(parts)
    return out if len(out) <= DIFF_WIDTH else out[:DIFF_WIDTH - 1].rstrip() + "…"


def _draft_words(text: str, seg: Segment, i1: int, i2: int) -> str:
    """Draft words i1..i2 as written, joined by a space where they cross a run boundary."""
    out = []
    for a, b in seg.runs:
        x, y = max(a, i1), min(b, i2)
        if x < y:
            out.append(text[seg.tokens[x].start:seg.tokens[y - 1].end])
    return " ".join(out)


def _tier(text: str, segments: list[Segment], places: list[Place], sources: Sequence[Source]) -> str | None:
    """The weakest rung on which every run of draft words equals its source words."""
    worst = 0
    for seg, p in zip(segments, places):
        src = sources[p.source]
        at: dict[int, int] = {}
        for tag, i1, i2, j1, _j2 in p.ops:
            if tag == "equal":
                for d in range(i2 - i1):
                    at[i1 + d] = j1 + d
        for a, b in seg.runs:
            cuts = sorted({a, b} | {f for f in seg.free if a < f < b})
            for x, y in zip(cuts, cuts[1:]):
                if x not in at or y - 1 not in at:
                    return None
                draft = text[seg.tokens[x].start:seg.tokens[y - 1].end]
                stop = src.tokens[at[y - 1]].end
                if y == len(seg.tokens) and p.hidden:       # "did …" for "didn’t": up to the cut
                    stop -= len(p.hidden)
                    if stop <= src.tokens[at[y - 1]].start:     # "will …" for "won’t"
                        return None
                source = src.text[src.tokens[at[x]].start:stop]
                tier = tier_of(draft, source)
                if tier is None:
                    return None
                worst = max(worst, TIERS.index(tier))
    return TIERS[worst]


def _out_of_order(places: list[Place], bounds: list[str]) -> bool:
    return any(b == "ellipsis" and x.source == y.source and y.lo < x.hi
               for b, x, y in zip(bounds, places, places[1:]))


def _hidden(places: list[Place], bounds: list[str], sources: Sequence[Source]) -> str:
    """The first negation or qualifier an ellipsis leaves out, as written in the source."""
    for b, x in zip(bounds, places):
        if b == "ellipsis" and x.hidden:
            return x.hidden
    for b, x, y in zip(bounds, places, places[1:]):
        if b != "ellipsis" or x.source != y.source:
            continue
        src = sources[x.source]
        keys = src.keys
        for j in range(x.hi, y.lo):
            entry = _qualifier_at(keys, j)
            if _is_negation(keys[j]) or entry:
                stop = j + (len(entry) if entry else 1)
                return src.text[src.tokens[j].start:src.tokens[stop - 1].end]
    return ""


def _speaker_verdict(quote: Quote, match: _Match, sources: Sequence[Source]):
    """(verdict, place, message) when the speaker is wrong or the place ambiguous, else None.

    Only a draft speaker with a name (a person or an organisation, capitalised) can be
    wrong: a descriptor ("a lawyer for Pellham", "the team") or an unresolved pronoun
    may be anyone."""
    named = []
    for p in match.ties:
        st = _statement(sources[p.source], p)
        if st and st.speaker:
            if any(same_speaker(quote.speaker, other.speaker, other.title)
                   for other in [st, *_holders(sources[p.source], p)]) \
                    or _reported_in(sources[p.source], p, quote.speaker):
                return None
            named.append((p, st))
    if not named:
        return None
    distinct = {tuple(name_words(st.speaker)) for _p, st in named}
    if len(distinct) > 1:
        where = ", ".join(f"{_at(sources, p)} ({st.speaker})" for p, st in named[:3])
        return "ambiguous-source", named[0][0], f"is in {len(named)} places equally: {where}"
    p, st = named[0]
    if same_speaker(quote.speaker, st.speaker, st.title) is None or not _named(quote):
        return None                    # "a lawyer", "his client" may be the person the source names
    return ("wrong-speaker", p, f"is attributed to {quote.speaker}; {_at(sources, p)} has "
            f"{st.speaker} saying it")


def _holders(src: Source, place: Place) -> list[Statement]:
    """Every passage that holds most of a place's matched words: a quote and the quote
    it is reported in ("Smith said Jones told him …") both say them."""
    words = _matched(place)
    if not words:
        return []
    starts = [src.tokens[j].start for j in words]
    return [st for st in src.statements_over(min(starts), src.tokens[words[-1]].end)
            if 2 * sum(1 for x in starts if st.start <= x < st.end) > len(starts)]


def _reported_in(src: Source, place: Place, speaker: str | None) -> bool:
    """Whether a transcript turn reports the draft speaker's words at the place: the
    speaker's name is in the turn's sentence before them ("Q: Donald Trump says we
    should …")."""
    names = name_words(speaker)
    if src.kind != "transcript" or not names or not place.ops:
        return False
    st = _statement(src, place)
    start = src.tokens[place.lo].start
    stop = max((m.end() for m in _SENTENCE_END.finditer(src.text, st.start if st else 0, start)), default=None)
    context = word_tokens(src.text, stop if stop is not None else (st.start if st else 0), start)
    return names[-1] in {t.key for t in context}


def _named(quote: Quote) -> bool:
    """Whether a draft quote's speaker is named: a person or an organisation with a
    capitalised word ("Gantz", "Nordhavn Ministry of Foreign Affairs"; not "ministry")."""
    return quote.speaker_type in NAMED_TYPES and any(w[:1].isupper() for w in (quote.speaker or "").split())


def _truncation(text: str, quote: Quote, segments: list[Segment], bounds: list[str],
                places: list[Place], sources: Sequence[Source]) -> str:
    """How a quote cuts its source short: right before a qualifier (", but only if …")
    or right after a negation; '' when it does not, or when the draft itself carries
    the qualifier after the quote (or the negation before it) in the same sentence.
    Each quoted part of a mixed quote is a quotation of its own and is checked so."""
    for k, (seg, place) in enumerate(zip(segments, places)):
        if not place.ops:
            continue
        first = k == 0 or bounds[k - 1] == "part"
        last = k == len(segments) - 1 or bounds[k] == "part"
        if last:
            cut = _cut_after(text, seg.tokens[-1].end, place, sources[place.source])
            if cut:
                return cut
        if first:
            cut = _cut_before(text, seg.tokens[0].start, place, sources[place.source])
            if cut:
                return cut
    return ""


def _cut_after(text: str, end: int, place: Place, src: Source) -> str:
    """The qualifier a place stops right before in its source (over the cue of an
    interrupted quote in an article), unless the draft goes on with it after ``end``."""
    keys = src.keys
    j = place.hi
    if src.kind != "transcript":                       # over the cue to the quote's next piece
        owner = _statement(src, place)
        k = j
        while k < min(len(keys), j + MAX_JOIN_WORDS) and _is_narrative(src, k):
            k += 1
        if k > j and k < len(keys) and owner is not None and owner.speaker and any(
                st.unit == owner.unit for st in src.statements_over(src.tokens[k].start, src.tokens[k].end)):
            j = k
    if j < len(keys) and place.hi > 0 and _same_passage(src, place.hi - 1, j) and \
            not _SENTENCE_END.search(src.text, src.tokens[place.hi - 1].end, src.tokens[j].start):
        entry = _qualifier_at(keys, j)
        if entry and not _says_after(text, end, entry):
            stop = src.tokens[min(j + len(entry) + 3, len(keys)) - 1].end
            return f"stops right before “{src.text[src.tokens[j].start:stop]} …”"
    return ""


def _cut_before(text: str, begin: int, place: Place, src: Source) -> str:
    """The negation a place starts right after in its source, unless the draft has a
    negation right before ``begin``."""
    keys = src.keys
    j = place.lo
    if j > 0 and _same_passage(src, j - 1, j) and _is_negation(keys[j - 1]) and \
            not _SENTENCE_END.search(src.text, src.tokens[j - 1].end, src.tokens[j].start):
        before = word_tokens(text, max(begin - 40, 0), begin)
        if not (before and _is_negation(before[-1].key)):
            return f"starts right after “{src.text[src.tokens[j - 1].start:src.tokens[j - 1].end]}”"
    return ""


def _says_after(text: str, end: int, entry: tuple[str, ...]) -> bool:
    """Whether the draft's own sentence goes on with ``entry`` after offset ``end``."""
    stop = _SENTENCE_END.search(text, end)
    keys = [t.key for t in word_tokens(text, end, stop.start() if stop else len(text))]
    return any(tuple(keys[i:i + len(entry)]) == entry for i in range(len(keys)))


def _same_passage(src: Source, a: int, b: int) -> bool:
    if src.kind != "transcript":
        return True
    return src.statement_at(a) is src.statement_at(b)
