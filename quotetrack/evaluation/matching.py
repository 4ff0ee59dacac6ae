"""How a gold and a predicted attribution are compared: trimmed spans, subsets, floating
quotes merged, one-to-one matching by overlap, and speaker correctness."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, Mapping, Sequence

from ..text.marks import ALL_MARKS
from ..text.names import plain_name
from ..text import lexicon


SUBSETS = ("quotes", "speech", "all")
THRESHOLDS = ("exact", "iou50")

Interval = tuple[int, int]


class EvalError(Exception):
    """Unreadable or malformed evaluation input; the message starts with the path."""


# ---------------------------------------------------------------------------
# Span normalisation

#: Characters trimmed from both ends of a fragment, repeatedly:
#: quote marks (the two-character marks '' and `` go one character at a time)
#: and edge punctuation.
EDGE_PUNCTUATION = frozenset(".,;:!?—–-…()[]")
_TRIM = ALL_MARKS | EDGE_PUNCTUATION


def trim_span(text: str, start: int, end: int) -> Interval:
    """The fragment ``text[start:end]`` without its edges, as (start, end).

    Trims, repeatedly and from both ends, white space, quote marks
    (“ ” ‘ ’ " ' « » „ ‹ › ` and so '' and ``) and edge punctuation
    (. , ; : ! ? — – - … ( ) [ ]), and from the start the word "that"
    (any case) followed by white space.

    Why "that": PolNeAR's indirect contents include the complementiser
    ("said *that the plan failed*") while quotetrack reports the clause
    ("said that *the plan failed*").  Trimming it from gold and prediction
    alike makes the comparison about the clause.

    An empty result has ``start == end``.

    >>> t = 'He said that “the plan failed.”'
    >>> s, e = trim_span(t, 8, len(t)); t[s:e]
    'the plan failed'
    """
    s, e = start, end
    while s < e:
        before = (s, e)
        while s < e and (text[s] in _TRIM or text[s].isspace()):
            s += 1
        while e > s and (text[e - 1] in _TRIM or text[e - 1].isspace()):
            e -= 1
        if e - s > 5 and text[s:s + 4].lower() == "that" and text[s + 4].isspace():
            s += 5
        if (s, e) == before:
            break
    return (s, s) if s >= e else (s, e)


def merge_intervals(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sorted, disjoint, non-empty intervals covering the same positions.

    >>> merge_intervals([(5, 9), (0, 3), (2, 4), (9, 9)])
    ((0, 4), (5, 9))
    """
    out: list[list[int]] = []
    for s, e in sorted(iv for iv in intervals if iv[1] > iv[0]):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1][1] = e
        else:
            out.append([s, e])
    return tuple((s, e) for s, e in out)


def intersection_length(a: Sequence[Interval], b: Sequence[Interval]) -> int:
    """How many positions two sorted disjoint interval lists share.

    >>> intersection_length([(0, 4), (10, 20)], [(2, 12)])
    4
    """
    i = j = total = 0
    while i < len(a) and j < len(b):
        s = max(a[i][0], b[j][0])
        e = min(a[i][1], b[j][1])
        if e > s:
            total += e - s
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def item_intervals(text: str, fragments: Sequence[Sequence[int]] | None,
                   start: int, end: int) -> tuple[Interval, ...]:
    """The trimmed character intervals an item covers.

    ``fragments`` (gold ``content_fragments``, prediction ``fragments``) fall
    back to ``[[start, end]]`` when missing or empty.  When trimming leaves
    nothing (a content of only punctuation), the untrimmed fragments are used,
    so the item can still be matched.
    """
    frags = [tuple(f) for f in fragments] if fragments else [(start, end)]
    trimmed = merge_intervals(trim_span(text, s, e) for s, e in frags)
    return trimmed or merge_intervals(frags)


# ---------------------------------------------------------------------------
# Subsets

_WORD = re.compile(r"\w+(?:['’]\w+)*")  # "said:" -> said; "didn't" stays one word


@lru_cache(maxsize=None)
def speech_cue_forms() -> frozenset[str]:
    """Every lower-cased form in ``data/text/cues.tsv`` whose entry type is "speech"."""
    try:
        table = lexicon.cues()
    except FileNotFoundError as exc:
        raise EvalError("quotetrack/data/text/cues.tsv: not found; "
                        "the speech subset needs the cue lexicon") from exc
    return frozenset(form for form, entry in table.items() if entry.type == "speech")


def is_speech_cue(cue: str | None, forms: Iterable[str] | None = None) -> bool:
    """Whether a gold cue text marks speech (as opposed to thought or evidence).

    True when the cue stripped is ":", or its lower-cased text, any word of it,
    or any run of two words of it is a speech form of the cue lexicon
    (``forms``; default :func:`speech_cue_forms`).  Words are runs of letters
    and digits, so "said:" has the word "said".

    >>> is_speech_cue("said in a statement", {"said"}), is_speech_cue("believes", {"said"})
    (True, False)
    """
    if not cue:
        return False
    if cue.strip() == ":":
        return True
    forms = speech_cue_forms() if forms is None else forms
    low = " ".join(cue.lower().split())
    if low in forms:
        return True
    words = _WORD.findall(low)
    return any(w in forms for w in words) or any(
        f"{a} {b}" in forms for a, b in zip(words, words[1:]))


_TYPEWRITER = ("''", "``")
_EDGE = " \t\r\n.,;:!?—–-…()[]"


def rederive_kind(quote: Mapping[str, Any], text: str) -> str:
    """The gold kind, with typewriter-quoted passages (''…'') labelled direct or mixed."""
    kind = quote.get("kind")
    content = quote.get("content") or ""
    if kind != "indirect" or not any(m in content for m in _TYPEWRITER):
        return kind
    frags = quote.get("content_fragments") or [[quote["content_start"], quote["content_end"]]]
    for s, e in frags:
        piece = text[s:e].strip(_EDGE)
        if not (piece.startswith(_TYPEWRITER) and piece.endswith("''") and len(piece) > 4):
            return "mixed"
    return "direct"


def gold_subsets(quote: Mapping[str, Any], forms: Iterable[str] | None = None) -> frozenset[str]:
    """The subsets a gold item belongs to: direct/mixed → quotes, indirect with a speech cue → speech."""
    kind = quote.get("kind")
    if kind in ("direct", "mixed"):
        return frozenset(("quotes", "all"))
    if kind == "indirect" and is_speech_cue(quote.get("cue"), forms):
        return frozenset(("speech", "all"))
    return frozenset(("all",))


def pred_subsets(quote: Mapping[str, Any]) -> frozenset[str]:
    """The subsets a prediction belongs to: direct/mixed → quotes, indirect with cue_type speech → speech."""
    kind = quote.get("kind")
    if kind in ("direct", "mixed"):
        return frozenset(("quotes", "all"))
    if kind == "indirect" and quote.get("cue_type") == "speech":
        return frozenset(("speech", "all"))
    return frozenset(("all",))


# ---------------------------------------------------------------------------
# Floating quotes

def merge_floating_quotes(quotes: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Fold each floating prediction into the quote it continues.

    PolNeAR annotates a cue-less continuation (“…,” Harman said. “…”) as a
    further fragment of the one attribution, where quotetrack reports a second,
    floating quote (``rule`` starting with "floating").  A floating quote is
    appended, as fragments, to the quote it ``follows`` (without that link, to the
    predicted quote just before it by ``content_start``) when that one is a direct
    or mixed quote ending in the same or the previous paragraph; chains of floating
    quotes fold into the first quote.  The merged quote keeps its own rule and speaker; its kind becomes "mixed" if the
    kinds differ.  Quotes without a ``paragraph`` are never merged.
    """
    out: list[dict[str, Any]] = []
    last_paragraph: list[int | None] = []   # paragraph of the last piece of out[i]
    placed: dict[int, int] = {}             # index in ``quotes`` -> the entry of out that holds it
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].get("content_start", 0),
                                                      quotes[i].get("content_end", 0)))
    for i in order:
        q = quotes[i]
        par = q.get("paragraph")
        h = _host(q, placed, out)
        if (str(q.get("rule") or "").startswith("floating") and h is not None
                and isinstance(par, int) and isinstance(last_paragraph[h], int)
                and 0 <= par - last_paragraph[h] <= 1):
            host = out[h]
            placed[i] = h
            host["fragments"] = list(host["fragments"]) + _fragments(q, "fragments")
            host["content_end"] = max(host.get("content_end", 0), q.get("content_end", 0))
            if host.get("kind") != q.get("kind"):
                host["kind"] = "mixed"
            host["merged"] = host.get("merged", 0) + 1
            last_paragraph[h] = max(par, last_paragraph[h])
            continue
        copy = dict(q)
        copy["fragments"] = _fragments(q, "fragments")
        placed[i] = len(out)
        out.append(copy)
        last_paragraph.append(par)
    for host in out:
        host["fragments"].sort()
    return out


def _host(q: Mapping[str, Any], placed: Mapping[int, int], out: Sequence[Mapping[str, Any]]) -> int | None:
    """Where a floating quote may fold: the direct or mixed entry holding the quote its
    ``follows`` names (the extractor's own link), else the entry just before it if that is a
    direct or mixed quote (a chain after an indirect host folds into its first quote)."""
    k = q.get("follows")
    for h in (placed.get(k) if isinstance(k, int) else None, len(out) - 1):
        if h is not None and h >= 0 and out[h].get("kind") in ("direct", "mixed"):
            return h
    return None


def _fragments(q: Mapping[str, Any], key: str) -> list[list[int]]:
    frags = q.get(key)
    if frags:
        return [list(f) for f in frags]
    return [[q.get("content_start", 0), q.get("content_end", 0)]]


# ---------------------------------------------------------------------------
# Matching

@dataclass(slots=True)
class _Item:
    """A gold or predicted attribution prepared for matching."""
    order: int                      # rank by position, for tie-breaking
    spans: tuple[Interval, ...]
    length: int
    subsets: frozenset[str]
    data: Mapping[str, Any]

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else 0

    @property
    def end(self) -> int:
        return self.spans[-1][1] if self.spans else 0


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold and a predicted item matched to each other."""
    gold: int     # index into the gold item list
    pred: int     # index into the prediction list
    inter: int
    union: int

    @property
    def iou(self) -> float:
        return self.inter / self.union if self.union else 0.0

    @property
    def exact(self) -> bool:
        return self.union > 0 and self.inter == self.union

    @property
    def iou50(self) -> bool:
        return self.union > 0 and 2 * self.inter >= self.union


def _prepare(text: str, quotes: Sequence[Mapping[str, Any]], frag_key: str,
             subsets: Callable[[Mapping[str, Any]], frozenset[str]]) -> list[_Item]:
    items = [
        _Item(0, spans, sum(e - s for s, e in spans), subsets(q), q)
        for q in quotes
        for spans in [item_intervals(text, q.get(frag_key), q["content_start"], q["content_end"])]
    ]
    ranked = sorted(range(len(items)), key=lambda i: (items[i].start, items[i].end, i))
    for rank, i in enumerate(ranked):
        items[i].order = rank
    return items


def match(gold: Sequence[_Item], pred: Sequence[_Item]) -> list[Pair]:
    """One-to-one greedy matching by IoU, best pairs first.

    Candidate pairs (overlap > 0) come from a sweep over items sorted by start,
    so only items whose extents overlap are compared.  Pairs are taken by IoU
    descending (ties: earlier gold, then earlier prediction) while both sides
    are free.  The result holds every pair taken, whatever its IoU; read the
    thresholds off :class:`Pair`.
    """
    events = sorted([(g.start, 0, i) for i, g in enumerate(gold) if g.length]
                    + [(p.start, 1, i) for i, p in enumerate(pred) if p.length])
    active: tuple[list[int], list[int]] = ([], [])
    sides = (gold, pred)
    candidates: list[tuple[float, int, int, Pair]] = []
    for start, side, i in events:
        other = 1 - side
        alive = [j for j in active[other] if sides[other][j].end > start]
        active[other][:] = alive
        me = sides[side][i]
        for j in alive:
            you = sides[other][j]
            inter = intersection_length(me.spans, you.spans)
            if inter:
                g, p = (i, j) if side == 0 else (j, i)
                union = gold[g].length + pred[p].length - inter
                candidates.append((-inter / union, gold[g].order, pred[p].order,
                                   Pair(g, p, inter, union)))
        active[side].append(i)
    candidates.sort(key=lambda c: c[:3])
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for *_, pair in candidates:
        if pair.gold not in used_g and pair.pred not in used_p:
            used_g.add(pair.gold)
            used_p.add(pair.pred)
            pairs.append(pair)
    return pairs


def inherit_speaker_spans(quotes: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """A floating quote (``follows`` = index of the quote it continues) is scored with the
    speaker mention of the quote it continues: that is the mention it was resolved through.
    Part of the ``merge_floating`` (PolNeAR) convention; the corpus gold gives a floating quote
    no source mention."""
    out = list(quotes)
    for i, q in enumerate(out):
        k = q.get("follows")
        if q.get("speaker_start") is None and isinstance(k, int) and 0 <= k < len(out) and k != i:
            host = out[k]
            if host.get("speaker_start") is not None:
                out[i] = {**q, "speaker_start": host["speaker_start"], "speaker_end": host["speaker_end"]}
    return out


def resolved_correct(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Whether the predicted resolved speaker is the gold ``speaker_resolved`` (case and a
    leading "the" ignored; both unknown counts as agreement)."""
    return plain_name(gold.get("speaker_resolved")) == plain_name(pred.get("speaker"))


def speaker_correct(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Whether the predicted speaker mention agrees with the gold source.

    With a gold source, the spans [speaker_start, speaker_end) must share at
    least one character; without one (``speaker_start`` null) the prediction
    must have no speaker mention either.
    """
    gs, ge = gold.get("speaker_start"), gold.get("speaker_end")
    ps, pe = pred.get("speaker_start"), pred.get("speaker_end")
    if gs is None or ge is None:
        return ps is None
    if ps is None or pe is None:
        return False
    return max(gs, ps) < min(ge, pe)
